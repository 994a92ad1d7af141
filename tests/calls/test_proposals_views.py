"""The CSO's proposal pages: start, edit and autosave, documents, partners, submit, follow, my proposals."""

import hashlib
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from calls.models import AuditEntry, Call, Proposal, ProposalMessage, ProposalPartner
from calls.services import proposals as services
from network.models import Country
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


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def url(name, **kwargs):
    return reverse(f"calls:{name}", kwargs=kwargs)


def content_post(proposal, **overrides):
    data = {
        "version": str(proposal.version),
        "planned_use": "A youth centre",
        "activities": "Homework club",
        "timeline": "Six months",
        "renovation_cost": "25000",
        "running_cost_per_year": "18000",
        "funding_sources": "Grants",
        "sustainability_plan": "A café",
        "beneficiaries-TOTAL_FORMS": "2",
        "beneficiaries-INITIAL_FORMS": "0",
        "beneficiaries-MIN_NUM_FORMS": "0",
        "beneficiaries-MAX_NUM_FORMS": "20",
        "beneficiaries-0-group": "Young people",
        "beneficiaries-0-people_per_year": "300",
        "beneficiaries-1-group": "",
        "beneficiaries-1-people_per_year": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def stored(proposal):
    return Proposal.objects.filter(pk=proposal.pk).values().get()


# Start --------------------------------------------------------------------------------------------

def test_starting_a_proposal_creates_a_draft_and_opens_it():
    call = CallFactory(open=True)
    organisation = OrganisationFactory(verified=True)
    member = cso_member(organisation)
    client = client_for(member)
    property = call.properties.first()
    page = client.get(url("proposal_start", call_pk=call.pk) + f"?property={property.pk}")
    assert page.status_code == 200
    assert re.search(rf'value="{property.pk}"[^>]*checked', page.content.decode())
    response = client.post(url("proposal_start", call_pk=call.pk), {
        "organisation": organisation.pk, "property": property.pk})
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response["Location"] == url("proposal_edit", pk=proposal.pk)
    assert proposal.organisation == organisation and proposal.created_by == member


def test_a_member_of_several_csos_chooses_the_applicant():
    call = CallFactory(open=True)
    first, second = OrganisationFactory(verified=True), OrganisationFactory(verified=True)
    member = cso_member(first)
    from tests.factories import MembershipFactory

    MembershipFactory(user=member, organisation=second)
    page = client_for(member).get(url("proposal_start", call_pk=call.pk))
    assert 'name="organisation"' in page.content.decode() and first.name in page.content.decode()
    client_for(member).post(url("proposal_start", call_pk=call.pk), {
        "organisation": second.pk, "property": call.properties.first().pk})
    assert Proposal.objects.get().organisation == second


def test_a_second_proposal_is_refused_with_a_link_to_the_first():
    existing = ProposalFactory()
    member = cso_member(existing.organisation)
    response = client_for(member).post(url("proposal_start", call_pk=existing.call.pk), {
        "organisation": existing.organisation.pk, "property": existing.property.pk})
    assert response.status_code == 400
    assert url("proposal_detail", pk=existing.pk) in response.content.decode()
    assert Proposal.objects.count() == 1


def test_an_ineligible_organisation_gets_the_reason_on_the_form():
    call = CallFactory(open=True, min_years_active=5)
    organisation = OrganisationFactory(verified=True, year_founded=None)
    response = client_for(cso_member(organisation)).post(url("proposal_start", call_pk=call.pk), {
        "organisation": organisation.pk, "property": call.properties.first().pk})
    assert response.status_code == 400
    assert "add the year your organisation was founded" in response.content.decode()
    assert not Proposal.objects.exists()


@pytest.mark.parametrize("data", [
    {"organisation": "999999", "property": "999999"},
    {"organisation": "abc", "property": "<script>"},
    {},
])
def test_start_with_hostile_ids_is_a_400_not_a_500(data):
    call = CallFactory(open=True)
    organisation = OrganisationFactory(verified=True)
    response = client_for(cso_member(organisation)).post(url("proposal_start", call_pk=call.pk), data)
    assert response.status_code == 400 and not Proposal.objects.exists()


def test_a_property_of_another_call_cannot_be_chosen():
    call, other = CallFactory(open=True), CallFactory(open=True)
    organisation = OrganisationFactory(verified=True)
    response = client_for(cso_member(organisation)).post(url("proposal_start", call_pk=call.pk), {
        "organisation": organisation.pk, "property": other.properties.first().pk})
    assert response.status_code == 400 and not Proposal.objects.exists()


def test_people_without_a_verified_cso_and_closed_calls_get_a_reason():
    call = CallFactory(open=True)
    response = client_for(cso_member(OrganisationFactory())).get(url("proposal_start", call_pk=call.pk))
    assert response.status_code == 403 and b"verified civil society organisation" in response.content
    closed = CallFactory(closed=True)
    response = client_for(cso_member(OrganisationFactory(verified=True))).get(
        url("proposal_start", call_pk=closed.pk))
    assert response.status_code == 403 and b"not open" in response.content


def test_a_draft_call_or_a_missing_one_is_not_found():
    draft = CallFactory()
    member = cso_member(OrganisationFactory(verified=True))
    assert client_for(member).get(url("proposal_start", call_pk=draft.pk)).status_code == 404
    assert client_for(member).get(url("proposal_start", call_pk=999999)).status_code == 404


# Edit and autosave --------------------------------------------------------------------------------

def test_the_edit_page_has_the_form_the_autosave_script_and_a_live_status():
    proposal = ProposalFactory()
    page = client_for(cso_member(proposal.organisation)).get(url("proposal_edit", pk=proposal.pk))
    html = page.content.decode()
    assert page.status_code == 200
    assert f'data-autosave-url="{url("proposal_autosave", pk=proposal.pk)}"' in html
    assert 'aria-live="polite"' in html and "calls/autosave.js" in html
    assert 'name="version" value="1"' in html and "Save draft" in html
    assert 'for="id_beneficiaries-0-group"' in html and "Young people aged 15-25" in html
    assert "Work plan" in html and "Letter of support" in html and "Attach “Work plan”." in html
    assert f'<time datetime="{timezone.localtime(proposal.deadline).isoformat()}' in html


def test_save_draft_works_without_javascript():
    proposal = ProposalFactory()
    client = client_for(cso_member(proposal.organisation))
    response = client.post(url("proposal_edit", pk=proposal.pk), content_post(proposal, timeline="Три месеца"))
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.timeline == "Три месеца" and proposal.version == 2
    assert proposal.beneficiaries == [{"group": "Young people", "people_per_year": 300}]
    assert "Draft saved at" in client.get(response["Location"]).content.decode()


def test_save_draft_with_a_stale_version_keeps_what_was_typed_and_overwrites_nothing():
    proposal = ProposalFactory()
    client = client_for(cso_member(proposal.organisation))
    Proposal.objects.filter(pk=proposal.pk).update(version=5, timeline="Someone else's")
    response = client.post(url("proposal_edit", pk=proposal.pk), content_post(proposal, timeline="Mine"))
    assert response.status_code == 409
    html = response.content.decode()
    assert "Reload the page" in html and "Mine" in html
    proposal.refresh_from_db()
    assert proposal.timeline == "Someone else's" and proposal.version == 5


def test_save_draft_with_bad_input_shows_the_errors_and_saves_nothing():
    proposal = ProposalFactory()
    before = stored(proposal)
    response = client_for(cso_member(proposal.organisation)).post(url("proposal_edit", pk=proposal.pk), content_post(
        proposal, renovation_cost="-5", **{"beneficiaries-0-people_per_year": "lots"}))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please correct the following" in html and 'aria-describedby="id_renovation_cost_error' in html
    assert stored(proposal) == before


def test_autosave_returns_the_new_version_and_the_time():
    proposal = ProposalFactory()
    response = client_for(cso_member(proposal.organisation)).post(
        url("proposal_autosave", pk=proposal.pk), content_post(proposal, planned_use="Skica – ë ș ћ"))
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == 2 and body["saved_at"] and re.fullmatch(r"\d\d:\d\d", body["saved_at_display"])
    proposal.refresh_from_db()
    assert proposal.planned_use == "Skica – ë ș ћ"


def test_autosave_on_an_older_version_is_a_409_json_and_overwrites_nothing():
    proposal = ProposalFactory()
    client = client_for(cso_member(proposal.organisation))
    assert client.post(url("proposal_autosave", pk=proposal.pk), content_post(proposal, timeline="One")).json()[
        "version"] == 2
    response = client.post(url("proposal_autosave", pk=proposal.pk), content_post(proposal, timeline="Two"))
    assert response.status_code == 409
    assert "Reload" in response.json()["error"] and response.json()["version"] == 2
    proposal.refresh_from_db()
    assert proposal.timeline == "One" and proposal.version == 2


@pytest.mark.parametrize("overrides, field", [
    ({"planned_use": "x" * 5001}, "planned_use"),
    ({"activities": "<script>" * 2000}, "activities"),
    ({"renovation_cost": "-1"}, "renovation_cost"),
    ({"running_cost_per_year": "1e400"}, "running_cost_per_year"),
    ({"renovation_cost": "NaN"}, "renovation_cost"),
    ({"renovation_cost": "9" * 40}, "renovation_cost"),
    ({"version": "abc"}, "version"),
    ({"version": None}, "version"),
    ({"version": "-1"}, "version"),
    ({"beneficiaries-0-people_per_year": "-3"}, "beneficiaries-0-people_per_year"),
    ({"beneficiaries-0-people_per_year": "10000001"}, "beneficiaries-0-people_per_year"),
    ({"beneficiaries-0-people_per_year": "три"}, "beneficiaries-0-people_per_year"),
    ({"beneficiaries-0-group": "g" * 201}, "beneficiaries-0-group"),
    ({"beneficiaries-0-group": ""}, "beneficiaries-0-group"),
    ({"beneficiaries-TOTAL_FORMS": "1000000"}, "beneficiaries"),
    ({"beneficiaries-TOTAL_FORMS": None}, "beneficiaries"),
])
def test_autosave_hostile_input_is_a_400_json_with_the_field_errors(overrides, field):
    proposal = ProposalFactory()
    before = stored(proposal)
    response = client_for(cso_member(proposal.organisation)).post(
        url("proposal_autosave", pk=proposal.pk), content_post(proposal, **overrides))
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["error"] and field in body["fields"], body
    assert stored(proposal) == before


def test_autosave_of_twenty_one_beneficiary_rows_is_refused():
    proposal = ProposalFactory()
    data = content_post(proposal, **{"beneficiaries-TOTAL_FORMS": "21"})
    for number in range(21):
        data[f"beneficiaries-{number}-group"] = f"Group {number}"
        data[f"beneficiaries-{number}-people_per_year"] = "1"
    response = client_for(cso_member(proposal.organisation)).post(url("proposal_autosave", pk=proposal.pk), data)
    assert response.status_code == 400 and "beneficiaries" in response.json()["fields"]


def test_autosave_refusals_are_json():
    proposal = ProposalFactory()
    member = cso_member(proposal.organisation)
    assert Client().post(url("proposal_autosave", pk=proposal.pk), content_post(proposal)).status_code == 401
    missing = client_for(member).post(url("proposal_autosave", pk=999999), content_post(proposal))
    assert missing.status_code == 404 and missing.json()["error"]
    assert client_for(member).get(url("proposal_autosave", pk=proposal.pk)).status_code == 405
    Call.objects.filter(pk=proposal.call_id).update(closes_at=timezone.now() - timezone.timedelta(seconds=1))
    late = client_for(member).post(url("proposal_autosave", pk=proposal.pk), content_post(proposal))
    assert late.status_code == 403 and "deadline" in late.json()["error"]


def test_the_edit_page_of_a_submitted_proposal_sends_to_the_overview():
    proposal = ProposalFactory(submitted=True)
    client = client_for(cso_member(proposal.organisation, admin=True))
    response = client.get(url("proposal_edit", pk=proposal.pk))
    assert response.status_code == 302 and response["Location"] == url("proposal_detail", pk=proposal.pk)
    before = stored(proposal)
    client.post(url("proposal_edit", pk=proposal.pk), content_post(proposal, timeline="Changed"))
    assert stored(proposal) == before


# Documents ----------------------------------------------------------------------------------------

def test_a_document_is_uploaded_for_a_checklist_line_and_listed_with_its_size():
    proposal = ProposalFactory()
    client = client_for(cso_member(proposal.organisation))
    requirement = proposal.call.document_requirements.get(title="Work plan")
    response = client.post(url("proposal_attachment_add", pk=proposal.pk), {
        "file": pdf_upload("../../plan rada.pdf"), "requirement": requirement.pk})
    assert response.status_code == 302
    attachment = proposal.attachments.get()
    assert attachment.requirement == requirement and attachment.original_name == "plan rada.pdf"
    html = client.get(url("proposal_edit", pk=proposal.pk)).content.decode()
    assert "plan rada.pdf" in html and "Attach “Work plan”." not in html
    assert url("proposal_attachment", pk=proposal.pk, attachment_pk=attachment.pk) in html


@pytest.mark.parametrize("upload, message", [
    (SimpleUploadedFile("evil.pdf", b"MZ\x90\x00 not a pdf at all", content_type="application/pdf"),
     "not an accepted type"),
    (SimpleUploadedFile("empty.pdf", b"", content_type="application/pdf"), "empty"),
])
def test_a_bad_document_gets_a_message_on_its_form(upload, message):
    proposal = ProposalFactory()
    response = client_for(cso_member(proposal.organisation)).post(
        url("proposal_attachment_add", pk=proposal.pk), {"file": upload})
    assert response.status_code == 400 and message in response.content.decode()
    assert not proposal.attachments.exists()


def test_a_document_over_ten_megabytes_is_refused(settings):
    settings.PROPOSAL_ATTACHMENT_MAX_BYTES = 1024
    proposal = ProposalFactory()
    big = SimpleUploadedFile("big.pdf", PDF_BYTES + b"0" * 2048, content_type="application/pdf")
    response = client_for(cso_member(proposal.organisation)).post(
        url("proposal_attachment_add", pk=proposal.pk), {"file": big})
    assert response.status_code == 400 and "the limit is" in response.content.decode()
    assert not proposal.attachments.exists()


def test_the_twenty_first_upload_gets_a_message():
    proposal = ProposalFactory()
    member = cso_member(proposal.organisation)
    for number in range(20):
        services.proposal_attach(proposal=proposal, actor=member, upload=png_upload(f"{number}.png"))
    response = client_for(member).post(url("proposal_attachment_add", pk=proposal.pk), {"file": pdf_upload()})
    assert response.status_code == 400 and "at most 20" in response.content.decode()
    assert proposal.attachments.count() == 20


def test_a_requirement_of_another_call_or_a_bad_id_is_refused():
    proposal = ProposalFactory()
    other = CallFactory(open=True).document_requirements.first()
    client = client_for(cso_member(proposal.organisation))
    for value in (other.pk, "999999", "abc"):
        response = client.post(url("proposal_attachment_add", pk=proposal.pk), {"file": pdf_upload(),
                                                                               "requirement": value})
        assert response.status_code == 400
    assert not proposal.attachments.exists()


def test_a_ten_megabyte_upload_streams_through_a_temporary_file_and_is_hashed_by_chunks(monkeypatch):
    proposal = ProposalFactory()
    payload = PDF_BYTES + b"0" * (10 * 1024 * 1024 - len(PDF_BYTES))

    def read(self, size=-1):
        if size is None or size < 0:
            raise AssertionError("the whole upload was read into memory")
        return self.file.read(size)

    monkeypatch.setattr(TemporaryUploadedFile, "read", read)
    response = client_for(cso_member(proposal.organisation)).post(
        url("proposal_attachment_add", pk=proposal.pk),
        {"file": SimpleUploadedFile("big.pdf", payload, content_type="application/pdf")})
    assert response.status_code == 302
    attachment = proposal.attachments.get()
    assert attachment.size == len(payload) and attachment.sha256 == hashlib.sha256(payload).hexdigest()


def test_a_document_downloads_under_its_original_name_with_safe_headers():
    proposal = ProposalFactory()
    member = cso_member(proposal.organisation)
    attachment = services.proposal_attach(proposal=proposal, actor=member, upload=pdf_upload("План.pdf"))
    response = client_for(member).get(url("proposal_attachment", pk=proposal.pk, attachment_pk=attachment.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert "attachment" in response["Content-Disposition"] and "%D0%9F" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store" and response["X-Content-Type-Options"] == "nosniff"


def test_a_document_is_not_reachable_by_the_public_another_cso_or_under_another_proposal():
    proposal = ProposalFactory()
    attachment = services.proposal_attach(proposal=proposal, actor=cso_member(proposal.organisation),
                                          upload=pdf_upload())
    path = url("proposal_attachment", pk=proposal.pk, attachment_pk=attachment.pk)
    public = Client().get(path)
    assert public.status_code == 302 and "/accounts/login/" in public["Location"]
    assert client_for(cso_member(OrganisationFactory(verified=True), admin=True)).get(path).status_code == 403
    assert client_for(amo_officer()).get(path).status_code == 403  # a draft: not even the office
    other = ProposalFactory()
    other_member = cso_member(other.organisation)
    wrong_pair = url("proposal_attachment", pk=other.pk, attachment_pk=attachment.pk)
    assert client_for(other_member).get(wrong_pair).status_code == 404


def test_a_document_is_removed_from_the_edit_page():
    proposal = ProposalFactory()
    member = cso_member(proposal.organisation)
    attachment = services.proposal_attach(proposal=proposal, actor=member, upload=pdf_upload())
    response = client_for(member).post(url("proposal_attachment_remove", pk=proposal.pk,
                                           attachment_pk=attachment.pk))
    assert response.status_code == 302 and not proposal.attachments.exists()


# Partners -----------------------------------------------------------------------------------------

def test_the_admin_finds_a_partner_by_name_in_any_script_and_invites_it():
    proposal = ProposalFactory()
    admin = cso_member(proposal.organisation, admin=True)
    found = OrganisationFactory(verified=True, name="Удружење Кућа", country=Country.objects.get(code="MK"))
    OrganisationFactory(name="Kuća na čekanju")  # not verified
    client = client_for(admin)
    html = client.get(url("proposal_edit", pk=proposal.pk) + "?partner_q=kuca").content.decode()
    assert "Удружење Кућа" in html and "Kuća na čekanju" not in html
    assert proposal.organisation.name not in html.split('id="partners"')[1].split("Invite a partner")[1]
    response = client.post(url("proposal_partner_invite", pk=proposal.pk),
                           {"organisation": found.pk, "role": "Обука волонтера"})
    assert response.status_code == 302
    partner = ProposalPartner.objects.get()
    assert partner.organisation == found and partner.status == "invited"
    assert "Waiting for" in client.get(url("proposal_edit", pk=proposal.pk)).content.decode()


@pytest.mark.parametrize("data", [{"organisation": "999999"}, {"organisation": "x"}, {}, {"role": "r" * 501}])
def test_inviting_with_bad_input_is_a_400(data):
    proposal = ProposalFactory()
    response = client_for(cso_member(proposal.organisation, admin=True)).post(
        url("proposal_partner_invite", pk=proposal.pk), data)
    assert response.status_code == 400 and not ProposalPartner.objects.exists()


def test_the_applicant_cannot_invite_itself_or_an_unverified_cso():
    proposal = ProposalFactory()
    client = client_for(cso_member(proposal.organisation, admin=True))
    for organisation in (proposal.organisation, OrganisationFactory()):
        response = client.post(url("proposal_partner_invite", pk=proposal.pk), {"organisation": organisation.pk})
        assert response.status_code == 400
    assert not ProposalPartner.objects.exists()


def test_the_partner_sees_the_invitation_on_my_proposals_and_accepts():
    proposal = ProposalFactory()
    partner_org = OrganisationFactory(verified=True)
    partner = services.partner_invite(proposal=proposal, organisation=partner_org,
                                      actor=cso_member(proposal.organisation, admin=True))
    partner_admin = cso_member(partner_org, admin=True)
    client = client_for(partner_admin)
    html = client.get(url("my_proposals")).content.decode()
    assert url("partnership_respond", pk=partner.pk) in html
    assert "as partner" in html
    page = client.get(url("partnership_respond", pk=partner.pk))
    assert page.status_code == 200 and "Send my answer" in page.content.decode()
    assert client.post(url("partnership_respond", pk=partner.pk), {"decision": "maybe"}).status_code == 400
    response = client.post(url("partnership_respond", pk=partner.pk), {"decision": "accept"})
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.status == "accepted"
    assert url("partnership_respond", pk=partner.pk) not in client.get(url("my_proposals")).content.decode()


def test_the_admin_removes_a_declined_partner():
    proposal = ProposalFactory()
    admin = cso_member(proposal.organisation, admin=True)
    partner = ProposalPartner.objects.create(proposal=proposal, organisation=OrganisationFactory(verified=True),
                                             status="declined")
    response = client_for(admin).post(url("proposal_partner_remove", pk=proposal.pk, partner_pk=partner.pk))
    assert response.status_code == 302 and not ProposalPartner.objects.exists()
    assert client_for(admin).post(url("proposal_partner_remove", pk=proposal.pk, partner_pk=999999)).status_code \
        == 404


# Submit, follow, withdraw -------------------------------------------------------------------------

def test_the_submit_page_lists_what_is_missing_and_a_refused_submit_changes_nothing():
    proposal = ProposalFactory(sustainability_plan="")
    admin = cso_member(proposal.organisation, admin=True)
    client = client_for(admin)
    page = client.get(url("proposal_submit", pk=proposal.pk)).content.decode()
    assert "Fill in “sustainability plan”." in page and "Attach “Work plan”." in page
    assert 'type="submit"' not in page.split("</header>")[1].split("<footer")[0]
    before, audit = stored(proposal), AuditEntry.objects.count()
    response = client.post(url("proposal_submit", pk=proposal.pk))
    assert response.status_code == 400
    assert "Fill in “sustainability plan”." in response.content.decode()
    assert stored(proposal) == before and AuditEntry.objects.count() == audit


def test_a_member_sees_that_only_the_admin_submits():
    proposal = ProposalFactory()
    page = client_for(cso_member(proposal.organisation)).get(url("proposal_submit", pk=proposal.pk))
    assert page.status_code == 200 and "Only the administrator" in page.content.decode()


def test_submitting_shows_the_receipt_with_reference_time_and_digest():
    proposal = ProposalFactory()
    admin = cso_member(proposal.organisation, admin=True)
    services.proposal_attach(proposal=proposal, actor=admin, upload=pdf_upload(),
                             requirement=proposal.call.document_requirements.get(title="Work plan"))
    client = client_for(admin)
    page = client.get(url("proposal_submit", pk=proposal.pk)).content.decode()
    assert "Submit the proposal" in page and "Still missing" not in page
    response = client.post(url("proposal_submit", pk=proposal.pk))
    assert response.status_code == 302
    proposal.refresh_from_db()
    html = client.get(response["Location"]).content.decode()
    assert proposal.reference in html and proposal.digest in html
    assert f'<time datetime="{timezone.localtime(proposal.submitted_at).isoformat()}' in html
    assert "Edit the proposal" not in html and "Withdraw" in html


def test_the_overview_shows_the_office_s_messages_and_takes_a_reply():
    proposal = ProposalFactory(changes_requested=True)
    ProposalMessage.objects.create(proposal=proposal, from_office=True, body="Please add the budget table.")
    member = cso_member(proposal.organisation)
    officer = amo_officer()
    client = client_for(member)
    html = client.get(url("proposal_detail", pk=proposal.pk)).content.decode()
    assert "Please add the budget table." in html and "Changes requested" in html and "new deadline" in html
    assert client.post(url("proposal_message", pk=proposal.pk), {"body": "  "}).status_code == 400
    assert client.post(url("proposal_message", pk=proposal.pk), {"body": "x" * 8001}).status_code == 400
    response = client.post(url("proposal_message", pk=proposal.pk), {"body": "<b>Done</b> – Urađeno"})
    assert response.status_code == 302
    html = client.get(url("proposal_detail", pk=proposal.pk)).content.decode()
    assert "&lt;b&gt;Done&lt;/b&gt; – Urađeno" in html
    from calls.models import Notification

    assert Notification.objects.filter(user=officer, kind="proposal_message").count() == 1


def test_withdrawing_asks_for_confirmation_then_withdraws():
    proposal = ProposalFactory(submitted=True)
    client = client_for(cso_member(proposal.organisation, admin=True))
    page = client.get(url("proposal_withdraw", pk=proposal.pk))
    assert page.status_code == 200 and 'name="reason"' in page.content.decode()
    assert client.post(url("proposal_withdraw", pk=proposal.pk), {"reason": "r" * 4001}).status_code == 400
    proposal.refresh_from_db()
    assert proposal.status == "submitted"
    response = client.post(url("proposal_withdraw", pk=proposal.pk), {"reason": "Не можемо"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "withdrawn"


def test_a_missing_proposal_is_not_found():
    member = cso_member(OrganisationFactory(verified=True))
    for name in ("proposal_detail", "proposal_edit", "proposal_submit", "proposal_withdraw"):
        assert client_for(member).get(url(name, pk=999999)).status_code == 404


# My proposals -------------------------------------------------------------------------------------

def test_my_proposals_lists_mine_and_my_partnerships_with_status_call_property_and_last_office_message():
    organisation = OrganisationFactory(verified=True)
    member = cso_member(organisation)
    mine = ProposalFactory(organisation=organisation, submitted=True)
    ProposalMessage.objects.create(proposal=mine, from_office=True, body="Older message")
    ProposalMessage.objects.create(proposal=mine, from_office=True, body="Newest office message")
    ProposalMessage.objects.create(proposal=mine, from_office=False, body="Our reply")
    theirs = ProposalFactory()
    ProposalPartner.objects.create(proposal=theirs, organisation=organisation, status="accepted")
    declined = ProposalFactory()
    ProposalPartner.objects.create(proposal=declined, organisation=organisation, status="declined")
    unrelated = ProposalFactory()
    html = client_for(member).get(url("my_proposals")).content.decode()
    assert mine.reference in html and "Newest office message" in html and "Older message" not in html
    assert url("proposal_detail", pk=theirs.pk) in html and "as partner" in html
    assert url("proposal_detail", pk=declined.pk) not in html
    assert url("proposal_detail", pk=unrelated.pk) not in html
    assert mine.call.title in html and "Submitted" in html and '<th scope="col">' in html


def test_the_main_navigation_links_to_my_proposals_for_signed_in_people():
    member = cso_member(OrganisationFactory(verified=True))
    assert url("my_proposals") in client_for(member).get(url("my_proposals")).content.decode()
    assert url("my_proposals") not in Client().get(reverse("reuse_projects:property_list")).content.decode()


BUDGET = 14


def _proposals(organisation, count):
    for _number in range(count):
        proposal = ProposalFactory(organisation=organisation, submitted=True)
        ProposalMessage.objects.create(proposal=proposal, from_office=True, body="Please clarify.")
        ProposalPartner.objects.create(proposal=ProposalFactory(), organisation=organisation, status="invited")


def test_my_proposals_holds_its_query_budget_for_2_and_20_rows(django_assert_num_queries,
                                                               django_assert_max_num_queries):
    """Two rows (one proposal of ours, one we are invited into) and twenty cost the same queries."""
    organisation = OrganisationFactory(verified=True)
    admin = cso_member(organisation, admin=True)
    client = client_for(admin)
    _proposals(organisation, 1)
    client.get(url("my_proposals"))  # warm the session and the site's per-process caches
    # The page's own reads (session, user, memberships, the page of proposals and its count, invitations)
    # plus the site's navigation: a ceiling, so another area's navigation query does not break this test.
    with django_assert_max_num_queries(BUDGET) as two:
        page = client.get(url("my_proposals"))
    assert page.content.decode().count("Please clarify.") == 1
    _proposals(organisation, 9)  # 20 rows: 10 of ours, 10 we are invited into
    with django_assert_num_queries(len(two.captured_queries)):
        page = client.get(url("my_proposals"))
    html = page.content.decode()
    assert html.count("Please clarify.") == 10 and html.count("/partnerships/") == 10

