"""Who may do what on the CSO's proposal pages: every role against every action, refusals change nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from calls.models import Proposal, ProposalAttachment, ProposalPartner
from calls.services import proposals as services
from tests.factories import (
    OrganisationFactory,
    ProposalFactory,
    ReviewFactory,
    UserFactory,
    amo_officer,
    coordinator,
    cso_member,
    pdf_upload,
)

pytestmark = pytest.mark.django_db

ROLES = [
    "visitor", "member", "admin", "other_cso_member", "other_cso_admin", "partner_member", "partner_admin",
    "reviewer_declared", "reviewer_undeclared", "reviewer_recused", "officer", "other_officer", "coordinator",
]


def build(proposal):
    """Everyone around one proposal (a partner that accepted, three reviewers, two offices, a coordinator)."""
    partner_org = OrganisationFactory(verified=True)
    ProposalPartner.objects.create(proposal=proposal, organisation=partner_org, status="accepted")
    other = OrganisationFactory(verified=True)
    people = {
        "visitor": None,
        "member": cso_member(proposal.organisation),
        "admin": cso_member(proposal.organisation, admin=True),
        "other_cso_member": cso_member(other),
        "other_cso_admin": cso_member(other, admin=True),
        "partner_member": cso_member(partner_org),
        "partner_admin": cso_member(partner_org, admin=True),
        "reviewer_declared": ReviewFactory(proposal=proposal, declared=True).reviewer,
        "reviewer_undeclared": ReviewFactory(proposal=proposal).reviewer,
        "reviewer_recused": ReviewFactory(proposal=proposal, recused=True).reviewer,
        "officer": amo_officer(),
        "other_officer": amo_officer("auoi-mk"),
        "coordinator": coordinator(totp=True),
    }
    if proposal.is_editable:
        attachment = services.proposal_attach(proposal=proposal, actor=people["member"], upload=pdf_upload())
    else:  # a row only: these tests do not download it
        attachment = ProposalAttachment.objects.create(
            proposal=proposal, original_name="plan.pdf", content_type="application/pdf", size=1, sha256="0" * 64,
            file="proposals/none.pdf",
        )
    return people, attachment


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def get(user, name, **kwargs):
    return client_for(user).get(reverse(f"calls:{name}", kwargs=kwargs))


def assert_refused(response, role):
    if role == "visitor":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == 403, (role, response.status_code)


READERS_OF_SUBMITTED = {"member", "admin", "partner_member", "partner_admin", "officer"}
READERS_OF_DRAFT = {"member", "admin", "partner_member", "partner_admin"}


@pytest.mark.parametrize("role", ROLES)
def test_a_submitted_proposal_is_seen_by_its_organisation_its_partners_and_the_office_only(role):
    proposal = ProposalFactory(under_review=True)
    people, _attachment = build(proposal)
    response = get(people[role], "proposal_detail", pk=proposal.pk)
    if role in READERS_OF_SUBMITTED:
        assert response.status_code == 200
        assert proposal.planned_use in response.content.decode()
    else:
        assert_refused(response, role)


@pytest.mark.parametrize("role", ROLES)
def test_a_draft_is_seen_by_its_organisation_and_partners_never_by_the_office(role):
    proposal = ProposalFactory()
    people, _attachment = build(proposal)
    response = get(people[role], "proposal_detail", pk=proposal.pk)
    if role in READERS_OF_DRAFT:
        assert response.status_code == 200
    else:
        assert_refused(response, role)


@pytest.mark.parametrize("role", ROLES)
def test_documents_are_reachable_by_readers_and_declared_reviewers_only(role, settings, tmp_path):
    proposal = ProposalFactory()
    people, attachment = build(proposal)
    Proposal.objects.filter(pk=proposal.pk).update(status="under_review", submitted_at=proposal.created_at,
                                                   reference="RS-T-1")
    response = get(people[role], "proposal_attachment", pk=proposal.pk, attachment_pk=attachment.pk)
    if role in READERS_OF_SUBMITTED | {"reviewer_declared"}:
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    else:
        assert_refused(response, role)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_applicant_s_members_open_the_edit_page(role):
    proposal = ProposalFactory()
    people, _attachment = build(proposal)
    response = get(people[role], "proposal_edit", pk=proposal.pk)
    if role in {"member", "admin"}:
        assert response.status_code == 200
    elif role in {"partner_member", "partner_admin"}:
        assert response.status_code == 302 and response["Location"].endswith(f"/proposals/{proposal.pk}/")
    else:
        assert_refused(response, role)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_applicant_s_members_autosave(role):
    proposal = ProposalFactory()
    people, _attachment = build(proposal)
    response = client_for(people[role]).post(reverse("calls:proposal_autosave", kwargs={"pk": proposal.pk}), {
        "version": "1", "planned_use": "Taken over", "beneficiaries-TOTAL_FORMS": "0",
        "beneficiaries-INITIAL_FORMS": "0",
    })
    proposal.refresh_from_db()
    if role in {"member", "admin"}:
        assert response.status_code == 200 and proposal.planned_use == "Taken over"
    else:
        assert response.status_code in (401, 403) and "error" in response.json()
        assert proposal.planned_use != "Taken over" and proposal.version == 1


@pytest.mark.parametrize("role", ROLES)
def test_only_the_applicant_s_admin_submits(role):
    proposal = ProposalFactory()
    people, _attachment = build(proposal)
    services.proposal_attach(proposal=proposal, actor=people["admin"], upload=pdf_upload(),
                             requirement=proposal.call.document_requirements.get(mandatory=True))
    response = client_for(people[role]).post(reverse("calls:proposal_submit", kwargs={"pk": proposal.pk}))
    proposal.refresh_from_db()
    if role == "admin":
        assert response.status_code == 302 and proposal.status == "submitted"
    else:
        assert_refused(response, role)
        assert proposal.status == "draft" and proposal.reference is None


@pytest.mark.parametrize("role", ROLES)
def test_only_the_applicant_s_admin_withdraws(role):
    proposal = ProposalFactory(submitted=True)
    people, _attachment = build(proposal)
    response = client_for(people[role]).post(reverse("calls:proposal_withdraw", kwargs={"pk": proposal.pk}),
                                             {"reason": ""})
    proposal.refresh_from_db()
    if role == "admin":
        assert response.status_code == 302 and proposal.status == "withdrawn"
    else:
        assert_refused(response, role)
        assert proposal.status == "submitted"


@pytest.mark.parametrize("role", ROLES)
def test_only_the_applicant_s_members_reply_to_the_office(role):
    proposal = ProposalFactory(submitted=True)
    people, _attachment = build(proposal)
    response = client_for(people[role]).post(reverse("calls:proposal_message", kwargs={"pk": proposal.pk}),
                                             {"body": "A reply"})
    if role in {"member", "admin"}:
        assert response.status_code == 302 and proposal.messages.count() == 1
    else:
        assert_refused(response, role)
        assert proposal.messages.count() == 0


@pytest.mark.parametrize("role", ROLES)
def test_only_the_applicant_s_members_upload_documents(role):
    proposal = ProposalFactory()
    people, _attachment = build(proposal)
    before = proposal.attachments.count()
    response = client_for(people[role]).post(
        reverse("calls:proposal_attachment_add", kwargs={"pk": proposal.pk}), {"file": pdf_upload()})
    if role in {"member", "admin"}:
        assert response.status_code == 302 and proposal.attachments.count() == before + 1
    else:
        assert response.status_code in (302, 403)
        if response.status_code == 302 and role != "visitor":
            assert response["Location"].endswith(f"/proposals/{proposal.pk}/")
        assert proposal.attachments.count() == before


@pytest.mark.parametrize("role", ROLES)
def test_only_the_applicant_s_admin_invites_partners(role):
    proposal = ProposalFactory()
    people, _attachment = build(proposal)
    candidate = OrganisationFactory(verified=True)
    response = client_for(people[role]).post(
        reverse("calls:proposal_partner_invite", kwargs={"pk": proposal.pk}), {"organisation": candidate.pk})
    invited = ProposalPartner.objects.filter(proposal=proposal, organisation=candidate).exists()
    if role == "admin":
        assert response.status_code == 302 and invited
    else:
        assert_refused(response, role)
        assert not invited


@pytest.mark.parametrize("role", ROLES + ["invited_admin", "invited_member"])
def test_only_the_invited_partner_s_admin_answers_an_invitation(role):
    proposal = ProposalFactory()
    people, _attachment = build(proposal)
    invited = OrganisationFactory(verified=True)
    people["invited_admin"] = cso_member(invited, admin=True)
    people["invited_member"] = cso_member(invited)
    partner = ProposalPartner.objects.create(proposal=proposal, organisation=invited)
    url = reverse("calls:partnership_respond", kwargs={"pk": partner.pk})
    response = client_for(people[role]).post(url, {"decision": "accept"})
    partner.refresh_from_db()
    if role == "invited_admin":
        assert response.status_code == 302 and partner.status == "accepted"
    else:
        assert_refused(response, role)
        assert partner.status == "invited"
    page = client_for(people[role]).get(url)
    if role in {"invited_admin", "invited_member"}:
        assert page.status_code == 200
    else:
        assert_refused(page, role)


def test_my_proposals_needs_an_account():
    response = Client().get(reverse("calls:my_proposals"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_someone_without_an_organisation_sees_an_empty_list():
    response = client_for(UserFactory()).get(reverse("calls:my_proposals"))
    assert response.status_code == 200 and b"No proposals yet" in response.content


def test_a_draft_under_a_cancelled_call_can_no_longer_be_edited_or_submitted():
    from calls import permissions
    from tests.factories import ProposalFactory, cso_member

    proposal = ProposalFactory()
    admin = cso_member(proposal.organisation, admin=True)
    assert permissions.can_edit_proposal(admin, proposal) and permissions.can_submit_proposal(admin, proposal)
    proposal.call.status = "cancelled"
    proposal.call.save()
    assert not permissions.can_edit_proposal(admin, proposal)
    assert not permissions.can_submit_proposal(admin, proposal)
