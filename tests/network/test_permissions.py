"""network.permissions: each function alone, for every kind of person.

The people: a visitor, a signed-in user with no organisation, a member of another CSO, the CSO's own
member and admin, the admin of a *pending* CSO, a coordinator without and with an authenticator app
(TOTP), and an AMO officer. Each test compares the whole table at once, so a failure shows every role
that disagrees. A coordinator's powers over organisations all need two-factor authentication on, so a
coordinator without TOTP is refused them like any signed-in user.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from network import permissions
from network.models import Organisation, User
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    amo_officer,
    coordinator,
    organisation_with_admin,
)

pytestmark = pytest.mark.django_db

ROLES = [
    "visitor",
    "no_organisation",
    "other_cso_member",
    "own_member",
    "own_admin",
    "pending_admin",
    "coordinator_without_totp",
    "coordinator_with_totp",
    "amo_officer",
]


@pytest.fixture
def world():
    """A verified CSO with a member and an admin, a second verified CSO, a pending CSO, and everyone."""
    cso, own_admin = organisation_with_admin(verified=True)
    own_member = MembershipFactory(organisation=cso).user
    other = OrganisationFactory(verified=True)
    other_member = MembershipFactory(organisation=other).user
    pending, pending_admin = organisation_with_admin()
    people = {
        "visitor": AnonymousUser(),
        "no_organisation": UserFactory(),
        "other_cso_member": other_member,
        "own_member": own_member,
        "own_admin": own_admin,
        "pending_admin": pending_admin,
        "coordinator_without_totp": coordinator(),
        "coordinator_with_totp": coordinator(totp=True),
        "amo_officer": amo_officer(),
    }
    return {
        "people": people,
        "cso": cso,
        "pending": pending,
        "amo": Organisation.objects.get(slug="direkcija-rs"),
    }


def _fresh(user):
    """The permission helpers cache per user object; each check starts from a fresh one."""
    if isinstance(user, User):
        return User.objects.get(pk=user.pk)
    return user


def table(world, check, *args):
    return {role: check(_fresh(world["people"][role]), *args) for role in ROLES}


def only(*roles):
    return {role: role in roles for role in ROLES}


def test_is_coordinator_is_true_for_coordinators_with_or_without_totp(world):
    assert table(world, permissions.is_coordinator) == only("coordinator_without_totp", "coordinator_with_totp")


def test_is_coordinator_is_false_for_a_deactivated_coordinator():
    user = coordinator(totp=True, is_active=False)
    assert permissions.is_coordinator(user) is False
    assert permissions.can_review_organisations(user) is False


def test_has_mfa_only_for_a_user_with_an_authenticator_app(world):
    assert table(world, permissions.has_mfa) == only("coordinator_with_totp")


def test_is_member_for_the_organisations_own_member_and_admin(world):
    assert table(world, permissions.is_member, world["cso"]) == only("own_member", "own_admin")


def test_is_member_of_a_pending_organisation_only_for_its_admin(world):
    assert table(world, permissions.is_member, world["pending"]) == only("pending_admin")


def test_is_admin_only_for_the_organisations_admin(world):
    assert table(world, permissions.is_admin, world["cso"]) == only("own_admin")
    assert table(world, permissions.is_admin, world["pending"]) == only("pending_admin")


def test_is_member_is_false_without_an_organisation(world):
    assert permissions.is_member(_fresh(world["people"]["own_admin"]), None) is False


def test_can_register_organisation_for_every_signed_in_user(world):
    assert table(world, permissions.can_register_organisation) == {role: role != "visitor" for role in ROLES}


def test_can_register_organisation_is_false_for_a_deactivated_user():
    assert permissions.can_register_organisation(UserFactory(is_active=False)) is False


def test_can_view_a_verified_organisation_is_true_for_everyone(world):
    assert table(world, permissions.can_view_organisation, world["cso"]) == dict.fromkeys(ROLES, True)


def test_can_view_a_pending_organisation_only_for_its_members_and_coordinators(world):
    assert table(world, permissions.can_view_organisation, world["pending"]) == only(
        "pending_admin", "coordinator_with_totp"
    )


@pytest.mark.parametrize("status", ["rejected", "suspended"])
def test_can_view_a_rejected_or_suspended_organisation_only_for_members_and_coordinators(world, status):
    cso = world["cso"]
    cso.status = status
    cso.save()
    assert table(world, permissions.can_view_organisation, cso) == only(
        "own_member", "own_admin", "coordinator_with_totp"
    )


def test_can_view_an_amo_is_true_for_everyone(world):
    assert table(world, permissions.can_view_organisation, world["amo"]) == dict.fromkeys(ROLES, True)


def test_can_view_private_details_only_for_own_members_and_coordinators(world):
    assert table(world, permissions.can_view_private_details, world["cso"]) == only(
        "own_member", "own_admin", "coordinator_with_totp"
    )
    assert table(world, permissions.can_view_private_details, world["pending"]) == only(
        "pending_admin", "coordinator_with_totp"
    )


def test_can_edit_a_cso_only_for_its_admin(world):
    assert table(world, permissions.can_edit_organisation, world["cso"]) == only("own_admin")
    assert table(world, permissions.can_edit_organisation, world["pending"]) == only("pending_admin")


def test_can_edit_an_amo_for_its_officer_and_coordinators(world):
    assert table(world, permissions.can_edit_organisation, world["amo"]) == only(
        "amo_officer", "coordinator_with_totp"
    )


def test_can_download_certificate_for_the_admin_and_coordinators_with_totp(world):
    """The certificate is a private document: a coordinator must have turned on two-factor first."""
    assert table(world, permissions.can_download_certificate, world["cso"]) == only(
        "own_admin", "coordinator_with_totp"
    )
    assert table(world, permissions.can_download_certificate, world["pending"]) == only(
        "pending_admin", "coordinator_with_totp"
    )


def test_can_manage_members_only_for_the_organisations_admin(world):
    assert table(world, permissions.can_manage_members, world["cso"]) == only("own_admin")
    assert table(world, permissions.can_manage_members, world["pending"]) == only("pending_admin")


def test_can_resubmit_only_a_rejected_organisation_and_only_its_admin(world):
    rejected, rejected_admin = organisation_with_admin(rejected=True)
    MembershipFactory(organisation=rejected)
    assert permissions.can_resubmit(rejected_admin, rejected) is True
    assert table(world, permissions.can_resubmit, rejected) == dict.fromkeys(ROLES, False)


def test_can_resubmit_is_false_for_a_pending_or_verified_organisation(world):
    assert table(world, permissions.can_resubmit, world["pending"]) == dict.fromkeys(ROLES, False)
    assert table(world, permissions.can_resubmit, world["cso"]) == dict.fromkeys(ROLES, False)


def test_can_review_organisations_only_for_coordinators_with_totp(world):
    assert table(world, permissions.can_review_organisations) == only("coordinator_with_totp")
