"""reuse_projects.permissions and privacy.public_location, for every kind of person.

The people: a visitor, a signed-in user with no organisation, a member of a pending CSO, a member of
a verified CSO, the property's own office's officer, an officer of another office, and a coordinator
with two-factor authentication on.
"""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser

from network.models import Membership, Organisation, User
from reuse_projects import permissions
from reuse_projects.models import PropertyDocument
from reuse_projects.privacy import public_location
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PropertyFactory,
    UserFactory,
    amo_officer,
    coordinator,
)

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "no_organisation", "pending_cso", "verified_cso", "own_officer", "other_officer", "coordinator"]


@pytest.fixture
def people():
    return {
        "visitor": AnonymousUser(),
        "no_organisation": UserFactory(),
        "pending_cso": MembershipFactory(organisation=OrganisationFactory()).user,
        "verified_cso": MembershipFactory(organisation=OrganisationFactory(verified=True)).user,
        "own_officer": amo_officer("direkcija-rs"),
        "other_officer": amo_officer("aapsk-al"),
        "coordinator": coordinator(totp=True),
    }


def table(people, check, *args):
    def fresh(user):
        return User.objects.get(pk=user.pk) if isinstance(user, User) else user

    return {role: check(fresh(people[role]), *args) for role in ROLES}


def only(*roles):
    return {role: role in roles for role in ROLES}


def test_only_the_own_office_manages_a_property(people):
    property = PropertyFactory(available=True)
    assert table(people, permissions.can_manage_property, property) == only("own_officer")
    amo = Organisation.objects.get(slug="direkcija-rs")
    assert table(people, permissions.can_create_property, amo) == only("own_officer")


def test_an_officer_of_several_offices_manages_each_of_them():
    officer = amo_officer("direkcija-rs")
    Membership.objects.create(user=officer, organisation=Organisation.objects.get(slug="aapsk-al"), role="member")
    assert {o.slug for o in permissions.officer_offices(officer)} == {"aapsk-al", "direkcija-rs"}


@pytest.mark.parametrize("status", ["available", "under_call", "assigned", "in_reuse", "returned", "revoked"])
def test_a_published_property_is_visible_to_everyone(people, status):
    assert table(people, permissions.can_view_property, PropertyFactory(status=status)) == dict.fromkeys(ROLES, True)


@pytest.mark.parametrize("status", ["draft", "withdrawn"])
def test_drafts_and_withdrawn_properties_are_for_the_office_and_coordinators(people, status):
    property = PropertyFactory(status=status)
    assert table(people, permissions.can_view_property, property) == only("own_officer", "coordinator")


def test_an_archived_property_is_not_public(people):
    from django.utils import timezone

    property = PropertyFactory(status="returned", archived_at=timezone.now())
    assert table(people, permissions.can_view_property, property) == only("own_officer", "coordinator")


def test_exact_location_is_for_everyone_when_the_office_says_so(people):
    property = PropertyFactory(available=True)
    assert table(people, permissions.can_see_exact_location, property) == dict.fromkeys(ROLES, True)


def test_approximate_location_is_exact_for_verified_csos_the_office_and_coordinators(people):
    property = PropertyFactory(available=True, approximate=True)
    assert table(people, permissions.can_see_exact_location, property) == only(
        "verified_cso", "own_officer", "coordinator"
    )


def test_hidden_location_is_exact_only_for_the_office_and_coordinators(people):
    property = PropertyFactory(available=True, hidden=True)
    assert table(people, permissions.can_see_exact_location, property) == only("own_officer", "coordinator")


def test_documents_follow_their_visibility(people, tmp_path):
    from django.core.files.base import ContentFile

    property = PropertyFactory(available=True)
    public = PropertyDocument.objects.create(
        property=property, kind="floor_plan", title="Plan", visibility="public", file=ContentFile(b"%PDF-1.4", "p.pdf")
    )
    restricted = PropertyDocument.objects.create(
        property=property, kind="inspection_report", title="Inspection", visibility="verified_csos",
        file=ContentFile(b"%PDF-1.4", "i.pdf"),
    )
    assert table(people, permissions.can_view_document, public) == dict.fromkeys(ROLES, True)
    assert table(people, permissions.can_view_document, restricted) == only(
        "verified_cso", "own_officer", "coordinator"
    )
    property.status = "draft"
    property.save()
    assert table(people, permissions.can_view_document, public) == only("own_officer", "coordinator")


# Location privacy ----------------------------------------------------------------------------------

def test_the_public_gets_the_municipality_centre_and_no_street_for_an_approximate_property(people):
    property = PropertyFactory(available=True, approximate=True, latitude=Decimal("45.260001"))
    location = public_location(property, people["visitor"])
    centre = property.municipality
    assert location.precision == "approximate"
    assert (location.latitude, location.longitude) == (centre.latitude, centre.longitude)
    assert location.address == ""
    assert location.municipality == "Нови Сад"
    verified = public_location(property, people["verified_cso"])
    assert (verified.precision, verified.latitude, verified.address) == (
        "exact", Decimal("45.260001"), "Булевар ослобођења 12"
    )


def test_the_public_gets_no_point_and_no_street_for_a_hidden_property(people):
    property = PropertyFactory(available=True, hidden=True)
    for role in ["visitor", "no_organisation", "pending_cso", "verified_cso", "other_officer"]:
        location = public_location(property, people[role])
        assert (location.precision, location.latitude, location.longitude, location.address) == (
            "none", None, None, ""
        ), role
        assert (location.municipality, location.country) == ("Нови Сад", "RS")
    assert public_location(property, people["own_officer"]).precision == "exact"


def test_an_exact_property_without_coordinates_is_placed_at_its_municipality(people):
    property = PropertyFactory(available=True, latitude=None, longitude=None)
    location = public_location(property, people["visitor"])
    assert location.precision == "approximate"
    assert location.latitude == property.municipality.latitude
    assert location.address == "Булевар ослобођења 12"
