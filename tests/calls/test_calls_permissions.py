"""The permissions of the office's side of a call, each role against each, alone (calls.permissions)."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from calls import permissions
from calls.models import SiteVisitBooking, SiteVisitSlot
from network.models import Organisation
from tests.factories import (
    CallFactory,
    OrganisationFactory,
    ProposalFactory,
    ReviewFactory,
    amo_officer,
    coordinator,
    cso_member,
)

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "applicant_member", "applicant_admin", "other_cso_member", "partner_member", "partner_admin",
         "reviewer", "recused_reviewer", "officer", "other_office", "coordinator"]


@pytest.fixture
def world():
    """An open call with a submitted proposal, its partner, two reviewers, and people around it."""
    proposal = ProposalFactory(under_review=True)
    call = proposal.call
    applicant = proposal.organisation
    partner = OrganisationFactory(verified=True)
    proposal.partners.create(organisation=partner, status="accepted")
    users = {
        "visitor": AnonymousUser(),
        "applicant_member": cso_member(applicant),
        "applicant_admin": cso_member(applicant, admin=True),
        "other_cso_member": cso_member(OrganisationFactory(verified=True)),
        "partner_member": cso_member(partner),
        "partner_admin": cso_member(partner, admin=True),
        "reviewer": ReviewFactory(proposal=proposal, declared=True).reviewer,
        "recused_reviewer": ReviewFactory(proposal=proposal, recused=True).reviewer,
        "officer": amo_officer(),
        "other_office": amo_officer("auoi-mk"),
        "coordinator": coordinator(totp=True),
    }
    return call, applicant, partner, users


@pytest.mark.parametrize("role", ROLES)
def test_only_officers_of_the_office_manage_and_create_calls(world, role):
    call, _applicant, _partner, users = world
    expected = role == "officer"
    assert permissions.can_manage_call(users[role], call) is expected
    assert permissions.can_create_call(users[role], call.amo) is expected


@pytest.mark.parametrize("role", ROLES)
def test_a_draft_is_seen_only_by_its_office_and_a_published_call_by_everyone(world, role):
    call, _applicant, _partner, users = world
    assert permissions.can_view_call(users[role], call) is True
    draft = CallFactory()
    assert permissions.can_view_call(users[role], draft) is (role == "officer")


@pytest.mark.parametrize("role", ROLES)
def test_members_of_a_verified_cso_ask_and_book_for_their_own_organisation(world, role):
    call, applicant, partner, users = world
    user = users[role]
    own = {"applicant_member": applicant, "applicant_admin": applicant, "partner_member": partner,
           "partner_admin": partner}.get(role)
    for organisation in (applicant, partner):
        expected = organisation == own
        assert permissions.can_ask_question(user, call, organisation) is expected
        assert permissions.can_book_site_visit(user, call, organisation) is expected


def test_asking_and_booking_stop_when_the_call_closes_is_cancelled_or_the_cso_is_not_verified():
    organisation = OrganisationFactory(verified=True)
    member = cso_member(organisation)
    for call in (CallFactory(closed=True), CallFactory(cancelled=True), CallFactory()):
        assert not permissions.can_ask_question(member, call, organisation)
        assert not permissions.can_book_site_visit(member, call, organisation)
    upcoming = CallFactory(upcoming=True)
    assert permissions.can_ask_question(member, upcoming, organisation), "questions may come before it opens"
    for status in (Organisation.Status.PENDING, Organisation.Status.SUSPENDED, Organisation.Status.REJECTED):
        organisation.status = status
        assert not permissions.can_ask_question(member, CallFactory(open=True), organisation)


@pytest.mark.parametrize("role", ROLES)
def test_a_booking_is_cancelled_by_its_organisation_or_the_office(world, role):
    call, applicant, _partner, users = world
    starts = timezone.now() + dt.timedelta(days=2)
    slot = SiteVisitSlot.objects.create(call=call, property=call.properties.get(), starts_at=starts,
                                        ends_at=starts + dt.timedelta(hours=1))
    booking = SiteVisitBooking.objects.create(slot=slot, organisation=applicant)
    expected = role in ("applicant_member", "applicant_admin", "officer")
    assert permissions.can_cancel_site_visit_booking(users[role], booking) is expected
    booking.cancelled_at = timezone.now()
    assert permissions.can_cancel_site_visit_booking(users[role], booking) is False
