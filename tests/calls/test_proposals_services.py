"""The CSO's services on proposals: eligibility, content, documents, partners, submission, withdrawal."""

import datetime as dt
import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.utils import timezone

from calls.models import AuditEntry, Notification, Proposal, ProposalAttachment, ProposalMessage, ProposalPartner
from calls.services import proposals as services
from network.models import Country
from network.services import ActionRefused
from tests.factories import (
    PDF_BYTES,
    CallFactory,
    OrganisationFactory,
    ProposalFactory,
    amo_officer,
    cso_member,
    pdf_upload,
    png_upload,
)

pytestmark = pytest.mark.django_db

SECOND = timezone.timedelta(seconds=1)


def audit_count():
    return AuditEntry.objects.count()


def complete(proposal):
    """Attach every mandatory document of the call's checklist."""
    admin = cso_member(proposal.organisation, admin=True)
    for requirement in proposal.call.document_requirements.filter(mandatory=True):
        services.proposal_attach(proposal=proposal, actor=admin, upload=pdf_upload("plan.pdf"),
                                 requirement=requirement)
    return admin


def work_plan(call):
    return call.document_requirements.get(title="Work plan")


# Drafting and eligibility -------------------------------------------------------------------------

def test_a_member_of_a_verified_cso_starts_a_draft_for_a_property_of_an_open_call():
    call = CallFactory(open=True)
    organisation = OrganisationFactory(verified=True)
    member = cso_member(organisation)
    before = audit_count()
    proposal = services.proposal_create(call=call, property=call.properties.first(), organisation=organisation,
                                        actor=member)
    assert proposal.status == Proposal.Status.DRAFT
    assert proposal.created_by == member and proposal.version == 1
    entry = AuditEntry.objects.order_by("-position").first()
    assert audit_count() == before + 1 and entry.action == "proposal_created" and entry.call_id == call.pk


@pytest.mark.parametrize("trait", ["pending", "rejected", "suspended"])
def test_an_unverified_organisation_cannot_apply(trait):
    call = CallFactory(open=True)
    organisation = OrganisationFactory(**({} if trait == "pending" else {trait: True}))
    with pytest.raises(ActionRefused, match="verified"):
        services.proposal_create(call=call, property=call.properties.first(), organisation=organisation,
                                 actor=cso_member(organisation, admin=True))
    assert not Proposal.objects.exists()


def test_an_unknown_founding_year_is_refused_when_the_call_asks_for_years_of_activity():
    call = CallFactory(open=True, min_years_active=3)
    organisation = OrganisationFactory(verified=True, year_founded=None)
    with pytest.raises(ActionRefused, match="add the year your organisation was founded"):
        services.proposal_create(call=call, property=call.properties.first(), organisation=organisation,
                                 actor=cso_member(organisation))
    assert not Proposal.objects.exists()


def test_years_of_activity_are_counted_from_the_founding_year():
    call = CallFactory(open=True, min_years_active=3)
    year = timezone.now().year
    young = OrganisationFactory(verified=True, year_founded=year - 2)
    with pytest.raises(ActionRefused, match="at least 3 years"):
        services.proposal_create(call=call, property=call.properties.first(), organisation=young,
                                 actor=cso_member(young))
    old_enough = OrganisationFactory(verified=True, year_founded=year - 3)
    services.proposal_create(call=call, property=call.properties.first(), organisation=old_enough,
                             actor=cso_member(old_enough))
    assert list(Proposal.objects.values_list("organisation", flat=True)) == [old_enough.pk]


def test_no_minimum_accepts_an_unknown_founding_year():
    call = CallFactory(open=True, min_years_active=0)
    organisation = OrganisationFactory(verified=True, year_founded=None)
    services.proposal_create(call=call, property=call.properties.first(), organisation=organisation,
                             actor=cso_member(organisation))
    assert Proposal.objects.count() == 1


def test_a_national_call_is_open_only_to_organisations_of_the_office_s_country():
    call = CallFactory(open=True, scope="national")
    foreign = OrganisationFactory(verified=True, country=Country.objects.get(code="MK"))
    with pytest.raises(ActionRefused, match="only to organisations of"):
        services.proposal_create(call=call, property=call.properties.first(), organisation=foreign,
                                 actor=cso_member(foreign))
    assert not Proposal.objects.exists()


def test_a_cross_border_call_accepts_the_countries_chosen_and_refuses_others():
    call = CallFactory(open=True, scope="cross_border")
    call.eligible_countries.set(Country.objects.filter(code__in=["RS", "MK"]))
    moldovan = OrganisationFactory(verified=True, country=Country.objects.get(code="MD"))
    with pytest.raises(ActionRefused, match="only to organisations of"):
        services.proposal_create(call=call, property=call.properties.first(), organisation=moldovan,
                                 actor=cso_member(moldovan))
    macedonian = OrganisationFactory(verified=True, country=Country.objects.get(code="MK"))
    services.proposal_create(call=call, property=call.properties.first(), organisation=macedonian,
                             actor=cso_member(macedonian))
    assert list(Proposal.objects.values_list("organisation", flat=True)) == [macedonian.pk]


def test_a_cross_border_call_without_countries_accepts_every_country():
    call = CallFactory(open=True, scope="cross_border")
    moldovan = OrganisationFactory(verified=True, country=Country.objects.get(code="MD"))
    services.proposal_create(call=call, property=call.properties.first(), organisation=moldovan,
                             actor=cso_member(moldovan))
    assert Proposal.objects.count() == 1


def test_the_property_must_be_one_of_the_call_s():
    call = CallFactory(open=True)
    other = CallFactory(open=True)
    organisation = OrganisationFactory(verified=True)
    with pytest.raises(ActionRefused, match="not part of the call"):
        services.proposal_create(call=call, property=other.properties.first(), organisation=organisation,
                                 actor=cso_member(organisation))
    assert not Proposal.objects.exists()


@pytest.mark.parametrize("trait", ["closed", "upcoming", "cancelled"])
def test_a_call_that_is_not_open_takes_no_proposal(trait):
    call = CallFactory(**{trait: True})
    organisation = OrganisationFactory(verified=True)
    with pytest.raises(ActionRefused):
        services.proposal_create(call=call, property=call.properties.first(), organisation=organisation,
                                 actor=cso_member(organisation))
    assert not Proposal.objects.exists()


def test_someone_outside_the_organisation_cannot_start_its_proposal():
    call = CallFactory(open=True)
    organisation = OrganisationFactory(verified=True)
    outsider = cso_member(OrganisationFactory(verified=True), admin=True)
    with pytest.raises(ActionRefused, match="not a member"):
        services.proposal_create(call=call, property=call.properties.first(), organisation=organisation,
                                 actor=outsider)
    assert not Proposal.objects.exists()


def test_one_live_proposal_per_organisation_property_and_call_points_to_the_existing_one():
    existing = ProposalFactory()
    member = cso_member(existing.organisation)
    with pytest.raises(services.ProposalExists) as refused:
        services.proposal_create(call=existing.call, property=existing.property, organisation=existing.organisation,
                                 actor=member)
    assert refused.value.proposal == existing
    assert Proposal.objects.count() == 1
    existing.status = Proposal.Status.WITHDRAWN
    existing.save()
    services.proposal_create(call=existing.call, property=existing.property, organisation=existing.organisation,
                             actor=member)
    assert Proposal.objects.count() == 2


# Content ------------------------------------------------------------------------------------------

def test_an_update_saves_the_content_and_bumps_the_version():
    proposal = ProposalFactory()
    member = cso_member(proposal.organisation)
    data = {
        "planned_use": "  Омладински центар; qendër rinore; centru pentru tineret: ș, ë  ",
        "beneficiaries": [{"group": "Младе особе", "people_per_year": 120}],
        "renovation_cost": "1200.50",
        "status": "approved",  # not a content field: ignored
    }
    services.proposal_update(proposal=proposal, actor=member, data=data, version=1)
    proposal.refresh_from_db()
    assert proposal.planned_use == "Омладински центар; qendër rinore; centru pentru tineret: ș, ë"
    assert proposal.beneficiaries == [{"group": "Младе особе", "people_per_year": 120}]
    assert str(proposal.renovation_cost) == "1200.50"
    assert proposal.version == 2 and proposal.status == Proposal.Status.DRAFT
    entry = AuditEntry.objects.order_by("-position").first()
    assert entry.action == "proposal_updated" and entry.data["version"] == 2
    assert "Омладински" not in str(entry.data)


def test_markup_is_stored_as_text():
    proposal = ProposalFactory()
    services.proposal_update(proposal=proposal, actor=cso_member(proposal.organisation),
                             data={"activities": "<script>alert(1)</script>"}, version=1)
    proposal.refresh_from_db()
    assert proposal.activities == "<script>alert(1)</script>"


def test_an_update_based_on_an_older_version_is_refused_and_overwrites_nothing():
    proposal = ProposalFactory()
    member = cso_member(proposal.organisation)
    services.proposal_update(proposal=proposal, actor=member, data={"timeline": "First"}, version=1)
    stale = Proposal.objects.get(pk=proposal.pk)
    stale.version = 1
    before = audit_count()
    with pytest.raises(services.VersionConflict, match="Reload") as refused:
        services.proposal_update(proposal=stale, actor=member, data={"timeline": "Second"}, version=1)
    assert refused.value.current_version == 2
    proposal.refresh_from_db()
    assert proposal.timeline == "First" and proposal.version == 2 and audit_count() == before


@pytest.mark.parametrize("data, field", [
    ({"planned_use": "x" * 5001}, "planned_use"),
    ({"activities": "я" * 10001}, "activities"),
    ({"renovation_cost": "-1"}, "renovation_cost"),
    ({"running_cost_per_year": "a lot"}, "running_cost_per_year"),
    ({"renovation_cost": "1" * 20}, "renovation_cost"),
    ({"timeline": 12}, "timeline"),
    ({"beneficiaries": "everyone"}, "beneficiaries"),
    ({"beneficiaries": [{"group": "A", "people_per_year": n} for n in range(21)]}, "beneficiaries"),
    ({"beneficiaries": [{"group": "x" * 201, "people_per_year": 1}]}, "beneficiaries"),
    ({"beneficiaries": [{"group": "A", "people_per_year": -1}]}, "beneficiaries"),
    ({"beneficiaries": [{"group": "A", "people_per_year": 10_000_001}]}, "beneficiaries"),
    ({"beneficiaries": [{"group": "A", "people_per_year": "300"}]}, "beneficiaries"),
    ({"beneficiaries": [{"group": "A", "people_per_year": True}]}, "beneficiaries"),
    ({"beneficiaries": [{"group": "", "people_per_year": 3}]}, "beneficiaries"),
    ({"beneficiaries": ["A"]}, "beneficiaries"),
])
def test_hostile_content_is_refused_field_by_field_and_nothing_is_saved(data, field):
    proposal = ProposalFactory()
    before = Proposal.objects.filter(pk=proposal.pk).values().get()
    with pytest.raises(ValidationError) as refused:
        services.proposal_update(proposal=proposal, actor=cso_member(proposal.organisation), data=data, version=1)
    assert field in refused.value.message_dict
    assert Proposal.objects.filter(pk=proposal.pk).values().get() == before


def test_twenty_beneficiary_rows_with_the_limits_are_accepted():
    proposal = ProposalFactory()
    rows = [{"group": "g" * 200, "people_per_year": 10_000_000}] + [
        {"group": f"Group {n}", "people_per_year": 0} for n in range(19)]
    services.proposal_update(proposal=proposal, actor=cso_member(proposal.organisation),
                             data={"beneficiaries": rows}, version=1)
    proposal.refresh_from_db()
    assert len(proposal.beneficiaries) == 20


def test_the_content_cannot_change_after_the_deadline():
    proposal = ProposalFactory()
    proposal.call.closes_at = timezone.now() - SECOND
    proposal.call.save()
    with pytest.raises(ActionRefused, match="deadline"):
        services.proposal_update(proposal=proposal, actor=cso_member(proposal.organisation),
                                 data={"timeline": "Late"}, version=1)
    proposal.refresh_from_db()
    assert proposal.timeline != "Late"


@pytest.mark.parametrize("trait", ["submitted", "under_review", "approved", "rejected", "withdrawn"])
def test_a_proposal_that_is_not_editable_is_frozen(trait):
    proposal = ProposalFactory(**{trait: True})
    with pytest.raises(ActionRefused):
        services.proposal_update(proposal=proposal, actor=cso_member(proposal.organisation, admin=True),
                                 data={"timeline": "Changed"}, version=proposal.version)
    proposal.refresh_from_db()
    assert proposal.timeline != "Changed"


def test_a_partner_cannot_edit_the_applicant_s_content():
    proposal = ProposalFactory()
    partner = OrganisationFactory(verified=True)
    ProposalPartner.objects.create(proposal=proposal, organisation=partner, status="accepted")
    with pytest.raises(ActionRefused):
        services.proposal_update(proposal=proposal, actor=cso_member(partner, admin=True),
                                 data={"timeline": "Ours"}, version=1)


# Documents ----------------------------------------------------------------------------------------

def test_a_document_is_hashed_named_and_stored_privately_under_a_name_of_ours():
    proposal = ProposalFactory()
    attachment = services.proposal_attach(
        proposal=proposal, actor=cso_member(proposal.organisation), upload=pdf_upload("План рада.pdf"),
        requirement=work_plan(proposal.call),
    )
    assert attachment.sha256 == hashlib.sha256(PDF_BYTES).hexdigest()
    assert attachment.original_name == "План рада.pdf"
    assert attachment.size == len(PDF_BYTES) and attachment.content_type == "application/pdf"
    assert attachment.file.name.startswith(f"proposals/{proposal.pk}/") and "План" not in attachment.file.name
    with attachment.file.open("rb") as handle:
        assert handle.read() == PDF_BYTES
    entry = AuditEntry.objects.order_by("-position").first()
    assert entry.action == "attachment_added" and entry.data["sha256"] == attachment.sha256
    assert "original_name" not in entry.data and "План" not in str(entry.data)


@pytest.mark.parametrize("name, expected", [
    ("../../etc/passwd.pdf", "passwd.pdf"),
    ("..\\..\\windows\\plan.pdf", "plan.pdf"),
    ("report\u202efdp.exe.pdf", "reportfdp.exe.pdf"),
    ("\x00\x1fplan.pdf", "plan.pdf"),
    ("...", "document"),
    ("a" * 300 + ".pdf", "a" * 251 + ".pdf"),
])
def test_file_names_are_sanitised(name, expected):
    proposal = ProposalFactory()
    upload = SimpleUploadedFile("x.pdf", PDF_BYTES, content_type="application/pdf")
    upload.name = name  # as a browser could send it; Django's own cleaning is not relied upon
    attachment = services.proposal_attach(proposal=proposal, actor=cso_member(proposal.organisation), upload=upload)
    assert attachment.original_name == expected
    assert ".." not in attachment.file.name


@pytest.mark.parametrize("upload, message", [
    (SimpleUploadedFile("plan.pdf", b"just text pretending to be a pdf", content_type="application/pdf"),
     "not an accepted type"),
    (SimpleUploadedFile("page.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf"),
     "not an accepted type"),
    (SimpleUploadedFile("empty.pdf", b"", content_type="application/pdf"), "empty"),
])
def test_documents_are_checked_by_their_content(upload, message):
    proposal = ProposalFactory()
    with pytest.raises(ValidationError, match=message):
        services.proposal_attach(proposal=proposal, actor=cso_member(proposal.organisation), upload=upload)
    assert not ProposalAttachment.objects.exists()


def test_a_document_over_the_limit_is_refused(settings):
    settings.PROPOSAL_ATTACHMENT_MAX_BYTES = len(PDF_BYTES) - 1
    proposal = ProposalFactory()
    with pytest.raises(ValidationError, match="the limit is"):
        services.proposal_attach(proposal=proposal, actor=cso_member(proposal.organisation), upload=pdf_upload())
    assert not ProposalAttachment.objects.exists()


def test_the_twenty_first_document_is_refused():
    proposal = ProposalFactory()
    member = cso_member(proposal.organisation)
    for number in range(20):
        services.proposal_attach(proposal=proposal, actor=member, upload=png_upload(f"photo{number}.png"))
    with pytest.raises(ActionRefused, match="at most 20"):
        services.proposal_attach(proposal=proposal, actor=member, upload=pdf_upload())
    assert proposal.attachments.count() == 20


def test_a_checklist_line_of_another_call_is_refused():
    proposal = ProposalFactory()
    other = CallFactory(open=True)
    with pytest.raises(ActionRefused, match="checklist"):
        services.proposal_attach(proposal=proposal, actor=cso_member(proposal.organisation), upload=pdf_upload(),
                                 requirement=work_plan(other))
    assert not ProposalAttachment.objects.exists()


def _ten_megabytes():
    upload = TemporaryUploadedFile("big.pdf", "application/pdf", 10 * 1024 * 1024, None)
    upload.write(PDF_BYTES)
    block = b"0" * (1024 * 1024)
    remaining = 10 * 1024 * 1024 - len(PDF_BYTES)
    expected = hashlib.sha256(PDF_BYTES)
    while remaining:
        piece = block[: min(remaining, len(block))]
        upload.write(piece)
        expected.update(piece)
        remaining -= len(piece)
    upload.seek(0)
    return upload, expected.hexdigest()


def test_a_ten_megabyte_upload_is_hashed_chunk_by_chunk_never_read_whole(monkeypatch):
    proposal = ProposalFactory()
    upload, expected = _ten_megabytes()
    sizes = []

    def read(self, size=-1):
        if size is None or size < 0:
            raise AssertionError("the whole upload was read into memory")
        sizes.append(size)
        return self.file.read(size)

    monkeypatch.setattr(TemporaryUploadedFile, "read", read)
    attachment = services.proposal_attach(proposal=proposal, actor=cso_member(proposal.organisation), upload=upload)
    upload.close()
    assert attachment.sha256 == expected and attachment.size == 10 * 1024 * 1024
    assert len(sizes) > 1 and max(sizes) <= 8 * 1024 * 1024


def test_a_document_can_be_removed_while_the_proposal_is_editable(django_capture_on_commit_callbacks):
    proposal = ProposalFactory()
    member = cso_member(proposal.organisation)
    attachment = services.proposal_attach(proposal=proposal, actor=member, upload=pdf_upload())
    storage, name = attachment.file.storage, attachment.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_detach(attachment=attachment, actor=member)
    assert not ProposalAttachment.objects.exists() and not storage.exists(name)


def test_a_document_of_a_submitted_proposal_cannot_be_removed():
    proposal = ProposalFactory()
    member = cso_member(proposal.organisation)
    attachment = services.proposal_attach(proposal=proposal, actor=member, upload=pdf_upload())
    Proposal.objects.filter(pk=proposal.pk).update(status="submitted", submitted_at=timezone.now())
    attachment.proposal.refresh_from_db()
    with pytest.raises(ActionRefused):
        services.proposal_detach(attachment=attachment, actor=member)
    assert ProposalAttachment.objects.filter(pk=attachment.pk).exists()


# Partners -----------------------------------------------------------------------------------------

def test_the_admin_invites_a_verified_cso_of_any_country_and_its_admins_are_notified():
    proposal = ProposalFactory()
    admin = cso_member(proposal.organisation, admin=True)
    partner_org = OrganisationFactory(verified=True, country=Country.objects.get(code="MD"))
    partner_admin = cso_member(partner_org, admin=True)
    partner_member = cso_member(partner_org)
    partner = services.partner_invite(proposal=proposal, organisation=partner_org, actor=admin, role="Trainers")
    assert partner.status == ProposalPartner.Status.INVITED and partner.role == "Trainers"
    assert list(Notification.objects.filter(kind="partner_invited").values_list("user", flat=True)) == [
        partner_admin.pk]
    assert not Notification.objects.filter(user=partner_member).exists()


def test_a_member_who_is_not_admin_cannot_invite_partners():
    proposal = ProposalFactory()
    with pytest.raises(ActionRefused, match="administrator"):
        services.partner_invite(proposal=proposal, organisation=OrganisationFactory(verified=True),
                                actor=cso_member(proposal.organisation))
    assert not ProposalPartner.objects.exists()


def test_partners_must_be_verified_csos_other_than_the_applicant_and_invited_once():
    proposal = ProposalFactory()
    admin = cso_member(proposal.organisation, admin=True)
    with pytest.raises(ActionRefused, match="verified"):
        services.partner_invite(proposal=proposal, organisation=OrganisationFactory(), actor=admin)
    with pytest.raises(ActionRefused, match="own partner"):
        services.partner_invite(proposal=proposal, organisation=proposal.organisation, actor=admin)
    partner_org = OrganisationFactory(verified=True)
    services.partner_invite(proposal=proposal, organisation=partner_org, actor=admin)
    with pytest.raises(ActionRefused, match="already invited"):
        services.partner_invite(proposal=proposal, organisation=partner_org, actor=admin)
    with pytest.raises(ValidationError):
        services.partner_invite(proposal=proposal, organisation=OrganisationFactory(verified=True), actor=admin,
                                role="r" * 501)
    assert ProposalPartner.objects.count() == 1


def test_the_partner_s_admin_accepts_and_the_applicant_s_admins_are_told():
    proposal = ProposalFactory()
    admin = cso_member(proposal.organisation, admin=True)
    partner_org = OrganisationFactory(verified=True)
    partner = services.partner_invite(proposal=proposal, organisation=partner_org, actor=admin)
    partner_admin = cso_member(partner_org, admin=True)
    services.partner_respond(partner=partner, actor=partner_admin, accept=True)
    partner.refresh_from_db()
    assert partner.status == "accepted" and partner.responded_by == partner_admin
    assert Notification.objects.filter(kind="partner_responded", user=admin).exists()
    with pytest.raises(ActionRefused):
        services.partner_respond(partner=partner, actor=partner_admin, accept=False)
    partner.refresh_from_db()
    assert partner.status == "accepted"


def test_only_the_partner_s_admin_may_answer():
    proposal = ProposalFactory()
    partner_org = OrganisationFactory(verified=True)
    partner = services.partner_invite(proposal=proposal, organisation=partner_org,
                                      actor=cso_member(proposal.organisation, admin=True))
    for someone in (cso_member(partner_org), cso_member(proposal.organisation, admin=True), amo_officer()):
        with pytest.raises(ActionRefused):
            services.partner_respond(partner=partner, actor=someone, accept=True)
    partner.refresh_from_db()
    assert partner.status == "invited" and partner.responded_at is None


def test_the_admin_removes_a_partner():
    proposal = ProposalFactory()
    admin = cso_member(proposal.organisation, admin=True)
    partner = services.partner_invite(proposal=proposal, organisation=OrganisationFactory(verified=True), actor=admin)
    with pytest.raises(ActionRefused):
        services.partner_remove(partner=partner, actor=cso_member(proposal.organisation))
    services.partner_remove(partner=partner, actor=admin)
    assert not ProposalPartner.objects.exists()
    assert AuditEntry.objects.order_by("-position").first().action == "partner_removed"


# What is missing, submission ----------------------------------------------------------------------

def test_missing_lists_every_empty_field_mandatory_document_and_pending_partner():
    proposal = ProposalFactory(planned_use="", activities="", beneficiaries=[], timeline="", renovation_cost=None,
                               running_cost_per_year=None, funding_sources="", sustainability_plan="")
    admin = cso_member(proposal.organisation, admin=True)
    waiting = OrganisationFactory(verified=True, name="Partneri Shqipëri")
    declined = OrganisationFactory(verified=True, name="Asociația Românească")
    services.partner_invite(proposal=proposal, organisation=waiting, actor=admin)
    refusal = services.partner_invite(proposal=proposal, organisation=declined, actor=admin)
    services.partner_respond(partner=refusal, actor=cso_member(declined, admin=True), accept=False)
    missing = services.proposal_missing(proposal)
    for label in ("planned social use", "activities", "target beneficiaries", "timeline", "renovation cost (EUR)",
                  "running costs per year (EUR)", "sources of funding", "sustainability plan"):
        assert any(label in item for item in missing), label
    assert "Attach “Work plan”." in missing
    assert not any("Letter of support" in item for item in missing)
    assert "Waiting for Partneri Shqipëri to accept the partnership." in missing
    assert "Asociația Românească declined the partnership: remove them." in missing
    assert len(missing) == 11


def test_a_complete_proposal_misses_nothing():
    proposal = ProposalFactory()
    complete(proposal)
    assert services.proposal_missing(proposal) == []


def test_the_admin_submits_one_second_before_the_deadline_and_everyone_is_told():
    proposal = ProposalFactory()
    admin = complete(proposal)
    member = cso_member(proposal.organisation)
    officer = amo_officer()
    other_officer = amo_officer("auoi-mk")
    deadline = proposal.deadline
    services.proposal_submit(proposal=proposal, actor=admin, now=deadline - SECOND)
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SUBMITTED
    assert proposal.reference == f"RS-{(deadline - SECOND).year}-{proposal.pk:06d}"
    assert proposal.submitted_at == deadline - SECOND and proposal.submitted_by == admin
    assert proposal.digest == services.proposal_digest(Proposal.objects.get(pk=proposal.pk))
    receipts = Notification.objects.filter(kind="proposal_submitted")
    assert set(receipts.values_list("user", flat=True)) == {admin.pk, member.pk}
    assert proposal.reference in receipts.first().message
    assert list(Notification.objects.filter(kind="proposal_received").values_list("user", flat=True)) == [officer.pk]
    assert not Notification.objects.filter(user=other_officer).exists()
    entry = AuditEntry.objects.order_by("-position").first()
    assert entry.action == "proposal_submit" and entry.data["digest"] == proposal.digest


def test_the_receipt_e_mail_gives_the_reference_the_time_in_the_person_s_zone_and_utc_and_the_digest(
        mailoutbox, django_capture_on_commit_callbacks):
    proposal = ProposalFactory()
    admin = complete(proposal)
    admin.time_zone = "Europe/Chisinau"
    admin.save()
    now = dt.datetime(2031, 3, 4, 10, 0, 0, tzinfo=dt.UTC)
    proposal.call.closes_at = now + timezone.timedelta(days=1)
    proposal.call.save()
    with pytest.MonkeyPatch.context() as patch, django_capture_on_commit_callbacks(execute=True):
        patch.setattr("calls.permissions.timezone.now", lambda: now)
        services.proposal_submit(proposal=proposal, actor=admin, now=now)
    proposal.refresh_from_db()
    receipt = next(mail for mail in mailoutbox if admin.email in mail.to)
    assert proposal.reference in receipt.subject
    assert "12:00:00 EET" in receipt.body and "10:00:00" in receipt.body and proposal.digest in receipt.body


def test_submitting_at_the_deadline_is_refused_and_changes_nothing():
    proposal = ProposalFactory()
    admin = complete(proposal)
    before, notices = audit_count(), Notification.objects.count()
    with pytest.raises(ActionRefused, match="deadline has passed"):
        services.proposal_submit(proposal=proposal, actor=admin, now=proposal.deadline)
    proposal.refresh_from_db()
    assert proposal.status == "draft" and proposal.reference is None and proposal.submitted_at is None
    assert audit_count() == before and Notification.objects.count() == notices


def test_a_member_who_is_not_admin_can_draft_but_not_submit():
    proposal = ProposalFactory()
    complete(proposal)
    member = cso_member(proposal.organisation)
    services.proposal_update(proposal=proposal, actor=member, data={"timeline": "Member's edit"}, version=1)
    with pytest.raises(ActionRefused, match="administrator"):
        services.proposal_submit(proposal=proposal, actor=member)
    proposal.refresh_from_db()
    assert proposal.status == "draft" and proposal.timeline == "Member's edit"


def test_an_incomplete_proposal_is_refused_with_the_whole_list_and_nothing_changes():
    proposal = ProposalFactory(timeline="", funding_sources="")
    admin = cso_member(proposal.organisation, admin=True)
    before, notices = audit_count(), Notification.objects.count()
    with pytest.raises(services.SubmissionIncomplete) as refused:
        services.proposal_submit(proposal=proposal, actor=admin)
    assert refused.value.missing == ["Fill in “timeline”.", "Fill in “sources of funding”.", "Attach “Work plan”."]
    for item in refused.value.missing:
        assert item in str(refused.value)
    proposal.refresh_from_db()
    assert proposal.status == "draft" and proposal.reference is None and proposal.digest == ""
    assert audit_count() == before and Notification.objects.count() == notices


def test_partners_must_accept_before_submission():
    proposal = ProposalFactory()
    admin = complete(proposal)
    partner_org = OrganisationFactory(verified=True)
    partner = services.partner_invite(proposal=proposal, organisation=partner_org, actor=admin)
    with pytest.raises(services.SubmissionIncomplete, match="Waiting for"):
        services.proposal_submit(proposal=proposal, actor=admin)
    services.partner_respond(partner=partner, actor=cso_member(partner_org, admin=True), accept=True)
    services.proposal_submit(proposal=proposal, actor=admin)
    proposal.refresh_from_db()
    assert proposal.status == "submitted"


def test_after_changes_are_requested_the_new_deadline_applies_and_the_reference_is_kept():
    proposal = ProposalFactory(changes_requested=True, reference="RS-2030-000042")
    admin = complete(proposal)
    proposal.call.closes_at = timezone.now() - timezone.timedelta(days=1)
    proposal.call.save()
    proposal.refresh_from_db()
    new_deadline = proposal.changes_deadline
    with pytest.raises(ActionRefused, match="deadline"):
        services.proposal_submit(proposal=proposal, actor=admin, now=new_deadline)
    services.proposal_submit(proposal=proposal, actor=admin, now=new_deadline - SECOND)
    proposal.refresh_from_db()
    assert proposal.status == "submitted" and proposal.reference == "RS-2030-000042"
    assert AuditEntry.objects.order_by("-position").first().action == "proposal_resubmit"


def test_the_digest_is_stable_and_changes_when_a_file_changes():
    proposal = ProposalFactory()
    admin = complete(proposal)
    first = services.proposal_digest(proposal)
    assert first == services.proposal_digest(Proposal.objects.get(pk=proposal.pk))
    services.proposal_update(proposal=proposal, actor=admin, data={"renovation_cost": "25000"}, version=1)
    assert services.proposal_digest(Proposal.objects.get(pk=proposal.pk)) == first  # same amount, same digest
    attachment = proposal.attachments.get()
    services.proposal_detach(attachment=attachment, actor=admin)
    services.proposal_attach(proposal=proposal, actor=admin, upload=pdf_upload("plan.pdf").__class__(
        "plan.pdf", PDF_BYTES + b"% one more line\n", content_type="application/pdf"),
        requirement=work_plan(proposal.call))
    assert services.proposal_digest(Proposal.objects.get(pk=proposal.pk)) != first


def test_the_digest_covers_the_content_and_the_partners():
    proposal = ProposalFactory()
    admin = complete(proposal)
    first = services.proposal_digest(proposal)
    services.proposal_update(proposal=proposal, actor=admin, data={"timeline": "Другачије"}, version=1)
    second = services.proposal_digest(Proposal.objects.get(pk=proposal.pk))
    services.partner_invite(proposal=proposal, organisation=OrganisationFactory(verified=True), actor=admin)
    third = services.proposal_digest(Proposal.objects.get(pk=proposal.pk))
    assert len({first, second, third}) == 3


def test_a_submitted_proposal_is_frozen():
    proposal = ProposalFactory()
    admin = complete(proposal)
    services.proposal_submit(proposal=proposal, actor=admin)
    with pytest.raises(ActionRefused):
        services.proposal_update(proposal=proposal, actor=admin, data={"timeline": "After"}, version=proposal.version)
    with pytest.raises(ActionRefused):
        services.proposal_attach(proposal=proposal, actor=admin, upload=pdf_upload())
    with pytest.raises(ActionRefused):
        services.proposal_submit(proposal=proposal, actor=admin)
    assert proposal.attachments.count() == 1


# Withdrawal and messages --------------------------------------------------------------------------

def test_withdrawing_a_submitted_proposal_tells_the_office():
    proposal = ProposalFactory(submitted=True)
    admin = cso_member(proposal.organisation, admin=True)
    officer = amo_officer()
    services.proposal_withdraw(proposal=proposal, actor=admin, reason="Нисмо добили суфинансирање.")
    proposal.refresh_from_db()
    assert proposal.status == "withdrawn"
    assert Notification.objects.filter(kind="proposal_withdrawn", user=officer).exists()
    assert ProposalMessage.objects.get(proposal=proposal).body == "Нисмо добили суфинансирање."
    assert "Нисмо" not in str(AuditEntry.objects.order_by("-position").first().data)


def test_withdrawing_a_draft_tells_nobody():
    proposal = ProposalFactory()
    amo_officer()
    services.proposal_withdraw(proposal=proposal, actor=cso_member(proposal.organisation, admin=True), reason="")
    proposal.refresh_from_db()
    assert proposal.status == "withdrawn" and not Notification.objects.exists()


@pytest.mark.parametrize("trait", ["approved", "rejected", "withdrawn"])
def test_a_decided_or_withdrawn_proposal_cannot_be_withdrawn(trait):
    proposal = ProposalFactory(**{trait: True})
    with pytest.raises(ActionRefused):
        services.proposal_withdraw(proposal=proposal, actor=cso_member(proposal.organisation, admin=True))
    proposal.refresh_from_db()
    assert proposal.status == trait


def test_a_member_who_is_not_admin_cannot_withdraw():
    proposal = ProposalFactory(submitted=True)
    with pytest.raises(ActionRefused):
        services.proposal_withdraw(proposal=proposal, actor=cso_member(proposal.organisation))
    proposal.refresh_from_db()
    assert proposal.status == "submitted"


def test_the_applicant_replies_to_the_office_which_is_notified():
    proposal = ProposalFactory(submitted=True)
    member = cso_member(proposal.organisation)
    officer = amo_officer()
    message = services.proposal_message_post(proposal=proposal, actor=member, body="  <b>Evo</b> plana ë ș  ")
    assert message.body == "<b>Evo</b> plana ë ș" and not message.from_office
    assert Notification.objects.filter(kind="proposal_message", user=officer).exists()
    assert "Evo" not in str(AuditEntry.objects.order_by("-position").first().data)


def test_replies_are_refused_on_drafts_from_partners_and_when_empty_or_too_long():
    draft = ProposalFactory()
    with pytest.raises(ActionRefused):
        services.proposal_message_post(proposal=draft, actor=cso_member(draft.organisation), body="Hello")
    proposal = ProposalFactory(submitted=True)
    partner_org = OrganisationFactory(verified=True)
    ProposalPartner.objects.create(proposal=proposal, organisation=partner_org, status="accepted")
    with pytest.raises(ActionRefused):
        services.proposal_message_post(proposal=proposal, actor=cso_member(partner_org, admin=True), body="Hi")
    member = cso_member(proposal.organisation)
    with pytest.raises(ValidationError):
        services.proposal_message_post(proposal=proposal, actor=member, body="   ")
    with pytest.raises(ValidationError):
        services.proposal_message_post(proposal=proposal, actor=member, body="x" * 8001)
    assert not ProposalMessage.objects.exists() and not Notification.objects.exists()
