"""network.views through the test client: every kind of person against every page and action."""

import json
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client

from network import services
from network.models import (
    Invitation,
    Membership,
    Organisation,
    OrganisationStatusChange,
    User,
)
from tests.factories import (
    PDF_BYTES,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    amo_officer,
    coordinator,
    organisation_with_admin,
    pdf_upload,
    registration_data,
    set_thematic_areas,
)

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"
MFA_SETUP = "/en/accounts/2fa/totp/activate/"


@pytest.fixture
def world():
    """A verified CSO (with a certificate, an admin and a member), another CSO, a pending CSO."""
    cso, own_admin = organisation_with_admin(name="Zelena kuća", verified=True, registration_certificate=pdf_upload())
    own_member = MembershipFactory(organisation=cso).user
    other = OrganisationFactory(name="Drugi centar", verified=True)
    other_admin = MembershipFactory(organisation=other, admin=True).user
    pending, pending_admin = organisation_with_admin(name="Чекање", registration_certificate=pdf_upload())
    people = {
        "visitor": None,
        "no_organisation": UserFactory(),
        "other_cso_admin": other_admin,
        "own_member": own_member,
        "own_admin": own_admin,
        "pending_admin": pending_admin,
        "coordinator_without_totp": coordinator(),
        "coordinator_with_totp": coordinator(totp=True),
        "amo_officer": amo_officer(),
    }
    return SimpleNamespace(cso=cso, other=other, pending=pending, people=people)


def login(client, world, role):
    user = world.people[role]
    if user is not None:
        client.force_login(user)
    return user


def each_role(world, roles=None, *, last=()):
    """A signed-in client per role (the roles in `last` come last, so that refused attempts are
    checked before the one that is allowed changes anything)."""
    roles = [r for r in (roles or ROLES) if r not in last] + list(last)
    for role in roles:
        client = Client()
        if world.people[role] is not None:
            client.force_login(world.people[role])
        yield role, client


def _refused(role, response):
    """A visitor is sent to sign in; anyone else signed in gets 403."""
    if role == "visitor":
        return _redirects_to_login(response)
    return response.status_code == 403


def _redirects_to_login(response):
    return response.status_code == 302 and response["Location"].startswith(LOGIN)


# Home and directory ------------------------------------------------------------------------------


def test_home_counts_verified_csos(client, world):
    """The campaign's home page shows the number of verified CSOs among its live figures (`campaign.figures`)."""
    response = client.get("/en/")
    assert response.status_code == 200
    figures = {figure["key"]: figure["value"] for figure in response.context["figures"]}
    assert figures["csos"] == 2
    assert '<a href="/en/organisations/"><strong>2</strong>' in response.content.decode()


def test_the_directory_lists_only_verified_csos(client, world):
    OrganisationFactory(name="Odbijeno", rejected=True)
    OrganisationFactory(name="Suspendovano", suspended=True)
    response = client.get("/en/organisations/")
    assert response.status_code == 200
    names = [o.name for o in response.context["page"].object_list]
    assert names == ["Drugi centar", "Zelena kuća"]
    for hidden in ("Чекање", "Odbijeno", "Suspendovano", "Дирекција"):
        assert hidden not in response.text


def test_the_directory_filters_by_country_iso_code(client, world):
    OrganisationFactory(name="Skopski centar", verified=True, country_id="MK")
    response = client.get("/en/organisations/?country=MK")
    assert [o.name for o in response.context["page"].object_list] == ["Skopski centar"]


def test_the_directory_filters_by_thematic_area(client, world):
    set_thematic_areas(world.cso, "youth")
    set_thematic_areas(world.other, "agriculture")
    response = client.get("/en/organisations/?thematic_area=youth")
    assert [o.name for o in response.context["page"].object_list] == ["Zelena kuća"]
    assert "Youth" in response.text


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("Зелена кућа Београд", "zelena kuca"),
        ("Zelena Kuća Skopje", "зелена кућа"),
        ("Ѓорѓи Петров", "Gjorgji"),
        ("Mladi Đakovica", "ђаковица"),
    ],
)
def test_the_directory_search_crosses_scripts(client, world, name, query):
    OrganisationFactory(name=name, verified=True)
    response = client.get("/en/organisations/", {"q": query})
    assert name in [o.name for o in response.context["page"].object_list]


def test_the_directory_sorts_by_name_descending(client, world):
    response = client.get("/en/organisations/?sort=-name")
    assert [o.name for o in response.context["page"].object_list] == ["Zelena kuća", "Drugi centar"]


def test_the_directory_paginates_by_24_and_keeps_the_filters_in_the_links(client, world):
    for n in range(30):
        OrganisationFactory(name=f"Centar {n:02d}", verified=True, country_id="AL")
    first = client.get("/en/organisations/?country=AL")
    assert len(first.context["page"].object_list) == 24
    assert "?country=AL&amp;page=2" in first.text
    second = client.get("/en/organisations/?country=AL&page=2")
    assert [o.name for o in second.context["page"].object_list] == [f"Centar {n}" for n in range(24, 30)]


@pytest.mark.parametrize(
    "query",
    [
        "country=XX",
        "country=rs",
        "page=abc",
        "page=99999",
        "page=-1",
        "sort=evil",
        "thematic_area=not-an-area",
        "q=" + "x" * 500,
        "q=%00",
        "country=RS&page=0",
        "q=%27%3B+DROP+TABLE+network_organisation%3B--",
        "q=%25",
        "q=_",
    ],
)
def test_the_directory_answers_invalid_filters_without_an_error(client, world, query):
    response = client.get(f"/en/organisations/?{query}")
    assert response.status_code == 200
    assert Organisation.objects.filter(name="Zelena kuća").exists()


def test_an_invalid_filter_is_ignored_and_the_others_still_apply(client, world):
    response = client.get("/en/organisations/?country=XX")
    assert response.context["page"].paginator.count == 2
    response = client.get("/en/organisations/?country=XX&q=zelena+kuca")
    assert [o.name for o in response.context["page"].object_list] == ["Zelena kuća"]
    assert response.context["form"].errors["country"]


# Verification look-up ----------------------------------------------------------------------------


def test_the_lookup_says_verified_or_not_for_either_script(client, world):
    response = client.get("/en/organisations/verified/", {"q": "ZELENA KUCA"})
    assert response.status_code == 200
    assert list(response.context["results"]) == [world.cso]
    assert "badge-verified" in response.text
    response = client.get("/en/organisations/verified/", {"q": "cekanje"})
    assert list(response.context["results"]) == [world.pending]
    assert "Not verified" in response.text
    assert world.pending.get_absolute_url() not in response.text


@pytest.mark.parametrize("query", ["", "q=", "q=%00", "q=" + "y" * 300])
def test_the_lookup_answers_odd_input_without_an_error(client, world, query):
    assert client.get(f"/en/organisations/verified/?{query}").status_code == 200


# Profile -----------------------------------------------------------------------------------------

ROLES = [
    "visitor",
    "no_organisation",
    "other_cso_admin",
    "own_member",
    "own_admin",
    "pending_admin",
    "coordinator_without_totp",
    "coordinator_with_totp",
    "amo_officer",
]
# A coordinator's powers need two-factor authentication: without TOTP they are refused like anyone.
PRIVATE_VIEWERS = {"own_member", "own_admin", "coordinator_with_totp"}
CERTIFICATE_READERS = {"own_admin", "coordinator_with_totp"}


def test_a_verified_profile_is_public_and_its_private_details_are_for_members_and_coordinators(
    world,
):
    for role, client in each_role(world):
        response = client.get(world.cso.get_absolute_url())
        assert response.status_code == 200, role
        assert "Zelena kuća" in response.text
        private = role in PRIVATE_VIEWERS
        assert ("Verification history" in response.text) is private, role
        certificate_link = f"/organisations/{world.cso.slug}/certificate/" in response.text
        assert certificate_link is (role in CERTIFICATE_READERS), role
        assert "/media/" not in response.text
        assert (f"/organisations/{world.cso.slug}/edit/" in response.text) is (role == "own_admin")


@pytest.mark.parametrize("status", ["pending", "rejected", "suspended"])
def test_an_unverified_profile_is_404_except_for_its_members_and_coordinators(world, status):
    Organisation.objects.filter(pk=world.cso.pk).update(status=status)
    for role, client in each_role(world):
        response = client.get(world.cso.get_absolute_url())
        assert response.status_code == (200 if role in PRIVATE_VIEWERS else 404), role


def test_an_unknown_profile_is_404(client, world):
    assert client.get("/en/organisations/no-such-organisation/").status_code == 404


def test_an_amo_profile_is_public(client, world):
    response = client.get("/en/organisations/direkcija-rs/")
    assert response.status_code == 200
    assert "Asset Management Office" in response.text


# Registration ------------------------------------------------------------------------------------


def test_an_empty_registration_post_shows_what_is_missing(client, world):
    """A POST with no fields at all is a bound, invalid form: errors shown, nothing saved."""
    client.force_login(world.people["no_organisation"])
    response = client.post("/en/organisations/register/", {})
    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {"name", "country", "city", "registration_certificate"}
    assert "Please correct the following" in response.text
    assert Organisation.objects.count() == 3 + Organisation.objects.amos().count()


def test_registering_requires_signing_in(client, world):
    response = client.get("/en/organisations/register/")
    assert _redirects_to_login(response)
    response = client.post("/en/organisations/register/", registration_data())
    assert _redirects_to_login(response)
    assert not Organisation.objects.filter(name="Udruženje Mladi za zajednicu").exists()


def test_registering_creates_a_pending_organisation_with_the_user_as_admin(
    client, world, django_capture_on_commit_callbacks
):
    user = login(client, world, "no_organisation")
    assert client.get("/en/organisations/register/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/organisations/register/", registration_data())
    organisation = Organisation.objects.get(name="Udruženje Mladi za zajednicu")
    assert response.status_code == 302
    assert response["Location"] == organisation.get_absolute_url()
    assert organisation.status == Organisation.Status.PENDING
    assert organisation.registered_by == user
    assert organisation.languages == ["sr", "en"]
    assert sorted(t.slug for t in organisation.thematic_areas.all()) == ["education", "youth"]
    assert Membership.objects.get(organisation=organisation).user == user
    assert organisation.status_changes.get().to_status == "pending"
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world.people["coordinator_without_totp"].email, world.people["coordinator_with_totp"].email]
    )
    # The owner sees the pending profile; the public does not.
    assert client.get(organisation.get_absolute_url()).status_code == 200
    client.logout()
    assert client.get(organisation.get_absolute_url()).status_code == 404


def test_the_registration_certificate_is_stored_outside_media_root(client, world):
    login(client, world, "no_organisation")
    client.post("/en/organisations/register/", registration_data())
    organisation = Organisation.objects.get(name="Udruženje Mladi za zajednicu")
    path = Path(organisation.registration_certificate.path).resolve()
    assert path.read_bytes() == PDF_BYTES
    assert Path(settings.MEDIA_ROOT).resolve() not in path.parents
    assert client.get(f"/media/{organisation.registration_certificate.name}").status_code == 404


# Editing -----------------------------------------------------------------------------------------


def test_only_the_organisations_admin_can_edit_its_profile(world):
    url = f"/en/organisations/{world.cso.slug}/edit/"
    for role, client in each_role(world, last=["own_admin"]):
        get = client.get(url)
        post = client.post(url, registration_data(name="Taken over", registration_certificate=None))
        world.cso.refresh_from_db()
        if role == "own_admin":
            assert (get.status_code, post.status_code) == (200, 302)
            assert world.cso.name == "Taken over"
        else:
            assert _refused(role, get) and _refused(role, post), role
            assert world.cso.name == "Zelena kuća"


def test_editing_keeps_the_certificate_and_status(client, world):
    login(client, world, "own_admin")
    old_certificate = world.cso.registration_certificate.name
    response = client.post(
        f"/en/organisations/{world.cso.slug}/edit/",
        registration_data(name="Zelena kuća", mission="New mission", registration_certificate=None),
    )
    assert response.status_code == 302
    world.cso.refresh_from_db()
    assert world.cso.mission == "New mission"
    assert world.cso.registration_certificate.name == old_certificate
    assert world.cso.status == Organisation.Status.VERIFIED


def test_a_coordinator_can_edit_an_amo_profile(client, world):
    login(client, world, "coordinator_with_totp")
    assert client.get("/en/organisations/direkcija-rs/edit/").status_code == 200


def test_an_amo_officer_saves_the_office_profile_without_registration_number_or_certificate(client, world):
    """A state office has neither: the form does not ask for them."""
    login(client, world, "amo_officer")
    amo = Organisation.objects.get(slug="direkcija-rs")
    response = client.get("/en/organisations/direkcija-rs/edit/")
    assert "registration_certificate" not in response.context["form"].fields
    response = client.post("/en/organisations/direkcija-rs/edit/", {
        "name": amo.name, "legal_form": "public_body", "country": "RS", "city": "Београд",
        "mission": "Manages seized assets until the court decides.",
    })
    assert response.status_code == 302, response.context["form"].errors
    amo.refresh_from_db()
    assert amo.mission == "Manages seized assets until the court decides."
    assert amo.status == Organisation.Status.VERIFIED


# Certificate -------------------------------------------------------------------------------------

CERTIFICATE_ACCESS = {"own_admin", "coordinator_with_totp"}


def test_the_certificate_is_served_only_to_the_admin_and_coordinators_with_totp(world):
    for role, client in each_role(world):
        response = client.get(f"/en/organisations/{world.cso.slug}/certificate/")
        if role in CERTIFICATE_ACCESS:
            assert response.status_code == 200, role
            assert b"".join(response.streaming_content) == PDF_BYTES
            assert response["Cache-Control"] == "private, no-store"
            assert response["X-Content-Type-Options"] == "nosniff"
            assert response["Content-Type"] == "application/pdf"
            assert not response.has_header("Content-Disposition") or "inline" in response["Content-Disposition"]
        else:
            assert _refused(role, response), role


def test_the_certificate_of_a_pending_organisation_for_its_admin(client, world):
    login(client, world, "pending_admin")
    response = client.get(f"/en/organisations/{world.pending.slug}/certificate/?download=1")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert client.get(f"/en/organisations/{world.cso.slug}/certificate/").status_code == 403


def test_no_certificate_is_404(client, world):
    login(client, world, "other_cso_admin")
    assert client.get(f"/en/organisations/{world.other.slug}/certificate/").status_code == 404


# Members -----------------------------------------------------------------------------------------


def test_the_members_page_is_for_members_and_coordinators(world):
    for role, client in each_role(world):
        response = client.get(f"/en/organisations/{world.cso.slug}/members/")
        if role in PRIVATE_VIEWERS:
            assert response.status_code == 200, role
            assert world.people["own_member"].email in response.text
            assert ("Send invitation" in response.text) is (role == "own_admin"), role
        else:
            assert _refused(role, response), role


def test_only_the_admin_can_invite(world, django_capture_on_commit_callbacks):
    for role, client in each_role(world, last=["own_admin"]):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                f"/en/organisations/{world.cso.slug}/members/",
                {"email": "newcomer@example.org", "role": "member"},
            )
        if role == "own_admin":
            assert response.status_code == 302
            invitation = Invitation.objects.get()
            assert (invitation.email, invitation.organisation) == ("newcomer@example.org", world.cso)
            assert [m.to for m in mail.outbox] == [["newcomer@example.org"]]
        else:
            assert _refused(role, response), role
            assert not Invitation.objects.exists()
            assert mail.outbox == []


def test_inviting_an_existing_member_shows_an_error(client, world, django_capture_on_commit_callbacks):
    login(client, world, "own_admin")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/organisations/{world.cso.slug}/members/",
            {"email": world.people["own_member"].email.upper(), "role": "member"},
        )
    assert response.status_code == 200
    assert "is already a member" in response.text
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_an_invalid_invitation_shows_an_error(client, world):
    login(client, world, "own_admin")
    response = client.post(f"/en/organisations/{world.cso.slug}/members/", {"email": "not an address", "role": "boss"})
    assert response.status_code == 200
    assert response.context["invite_form"].errors.keys() == {"email", "role"}
    assert not Invitation.objects.exists()


def _member_membership(world):
    return Membership.objects.get(user=world.people["own_member"], organisation=world.cso)


def test_only_the_admin_can_change_a_role(world):
    membership = _member_membership(world)
    for role, client in each_role(world, last=["own_admin"]):
        response = client.post(f"/en/organisations/{world.cso.slug}/members/{membership.pk}/role/", {"role": "admin"})
        membership.refresh_from_db()
        if role == "own_admin":
            assert response.status_code == 302
            assert membership.role == "admin"
        else:
            assert _refused(role, response), role
            assert membership.role == "member"


def test_demoting_the_last_admin_shows_the_rule(client, world):
    admin = login(client, world, "own_admin")
    membership = admin.memberships.get()
    response = client.post(
        f"/en/organisations/{world.cso.slug}/members/{membership.pk}/role/",
        {"role": "member"},
        follow=True,
    )
    assert "An organisation needs at least one administrator." in response.text
    membership.refresh_from_db()
    assert membership.role == "admin"


def test_an_invalid_role_is_refused(client, world):
    login(client, world, "own_admin")
    membership = _member_membership(world)
    response = client.post(
        f"/en/organisations/{world.cso.slug}/members/{membership.pk}/role/",
        {"role": "owner"},
        follow=True,
    )
    assert "Choose a valid role." in response.text
    membership.refresh_from_db()
    assert membership.role == "member"


def test_an_admin_cannot_manage_another_organisations_membership_through_their_own(client, world):
    login(client, world, "other_cso_admin")
    membership = _member_membership(world)
    url = f"/en/organisations/{world.other.slug}/members/{membership.pk}/"
    assert client.post(url + "role/", {"role": "admin"}).status_code == 404
    assert client.post(url + "remove/").status_code == 404
    membership.refresh_from_db()
    assert membership.role == "member"


def test_only_the_admin_can_remove_a_member(world):
    membership = _member_membership(world)
    for role, client in each_role(world, last=["own_admin"]):
        response = client.post(f"/en/organisations/{world.cso.slug}/members/{membership.pk}/remove/")
        exists = Membership.objects.filter(pk=membership.pk).exists()
        if role == "own_admin":
            assert response.status_code == 302
            assert not exists
        else:
            assert _refused(role, response), role
            assert exists


def test_the_last_admin_cannot_remove_themselves(client, world):
    admin = login(client, world, "own_admin")
    membership = admin.memberships.get()
    response = client.post(f"/en/organisations/{world.cso.slug}/members/{membership.pk}/remove/", follow=True)
    assert "The last administrator cannot leave." in response.text
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_member_actions_only_accept_post(client, world):
    login(client, world, "own_admin")
    membership = _member_membership(world)
    base = f"/en/organisations/{world.cso.slug}/members/{membership.pk}/"
    assert client.get(base + "role/").status_code == 405
    assert client.get(base + "remove/").status_code == 405
    assert client.get(f"/en/organisations/{world.cso.slug}/members/leave/").status_code == 405
    assert Membership.objects.filter(pk=membership.pk, role="member").exists()


def test_only_the_admin_can_revoke_an_invitation(world):
    invitation = services.membership_invite(
        organisation=world.cso,
        invited_by=world.people["own_admin"],
        email="newcomer@example.org",
        role="member",
    )
    for role, client in each_role(world, last=["own_admin"]):
        response = client.post(f"/en/organisations/{world.cso.slug}/invitations/{invitation.pk}/revoke/")
        invitation.refresh_from_db()
        if role == "own_admin":
            assert response.status_code == 302
            assert invitation.revoked_at is not None
        else:
            assert _refused(role, response), role
            assert invitation.revoked_at is None


def test_the_admin_sees_open_invitations_only(client, world):
    admin = world.people["own_admin"]
    open_one = services.membership_invite(
        organisation=world.cso, invited_by=admin, email="open@example.org", role="member"
    )
    revoked = services.membership_invite(
        organisation=world.cso, invited_by=admin, email="revoked@example.org", role="member"
    )
    services.invitation_revoke(invitation=revoked)
    login(client, world, "own_admin")
    response = client.get(f"/en/organisations/{world.cso.slug}/members/")
    assert list(response.context["invitations"]) == [open_one]


# Leaving -----------------------------------------------------------------------------------------


def test_a_member_can_leave(client, world):
    member = login(client, world, "own_member")
    response = client.post(f"/en/organisations/{world.cso.slug}/members/leave/")
    assert response.status_code == 302
    assert response["Location"] == "/en/account/"
    assert not Membership.objects.filter(user=member).exists()


def test_the_last_admin_cannot_leave(client, world):
    admin = login(client, world, "own_admin")
    response = client.post(f"/en/organisations/{world.cso.slug}/members/leave/", follow=True)
    assert "The last administrator cannot leave." in response.text
    assert Membership.objects.filter(user=admin, organisation=world.cso).exists()


@pytest.mark.parametrize("role", ["visitor", "no_organisation", "other_cso_admin"])
def test_someone_who_is_not_a_member_cannot_leave(client, world, role):
    login(client, world, role)
    response = client.post(f"/en/organisations/{world.cso.slug}/members/leave/")
    assert _redirects_to_login(response) if role == "visitor" else response.status_code == 403
    assert world.cso.memberships.count() == 2


# Resubmitting after a rejection ------------------------------------------------------------------


def test_the_admin_of_a_rejected_organisation_can_submit_it_again(client, world):
    Organisation.objects.filter(pk=world.cso.pk).update(status="rejected")
    login(client, world, "own_admin")
    response = client.get(world.cso.get_absolute_url())
    assert "Submit again for verification" in response.text
    response = client.post(f"/en/organisations/{world.cso.slug}/resubmit/")
    assert response.status_code == 302
    world.cso.refresh_from_db()
    assert world.cso.status == "pending"
    change = world.cso.status_changes.get()
    assert (change.from_status, change.to_status) == ("rejected", "pending")


def test_nobody_else_can_resubmit(world):
    Organisation.objects.filter(pk=world.cso.pk).update(status="rejected")
    for role, client in each_role(world, [r for r in ROLES if r != "own_admin"]):
        response = client.post(f"/en/organisations/{world.cso.slug}/resubmit/")
        assert _refused(role, response), role
        world.cso.refresh_from_db()
        assert world.cso.status == "rejected"
        assert not world.cso.status_changes.exists()


def test_a_pending_organisation_cannot_be_resubmitted(client, world):
    login(client, world, "pending_admin")
    response = client.post(f"/en/organisations/{world.pending.slug}/resubmit/")
    assert response.status_code == 403
    assert not world.pending.status_changes.exists()


# Invitations -------------------------------------------------------------------------------------


@pytest.fixture
def invitation(world):
    invitation = services.membership_invite(
        organisation=world.cso,
        invited_by=world.people["own_admin"],
        email="Invitee@Example.org",
        role="member",
    )
    return SimpleNamespace(object=invitation, url=f"/en/invitations/{services.invitation_token(invitation)}/")


def test_a_visitor_is_asked_to_sign_in_with_the_invited_address(client, invitation):
    response = client.get(invitation.url)
    assert response.status_code == 200
    assert "invitee@example.org" in response.text
    assert f"/en/accounts/login/?next={quote(invitation.url)}" in response.text
    response = client.post(invitation.url)
    assert response.status_code == 200
    assert not Membership.objects.filter(user__email="invitee@example.org").exists()


def test_the_invited_person_accepts_and_joins(client, world, invitation):
    user = UserFactory(email="invitee@example.org")
    client.force_login(user)
    assert client.get(invitation.url).status_code == 200
    response = client.post(invitation.url)
    assert response.status_code == 302
    assert response["Location"] == world.cso.get_absolute_url()
    assert Membership.objects.get(user=user).organisation == world.cso
    assert client.post(invitation.url).status_code == 400  # used


def test_someone_else_cannot_accept_the_invitation(client, world, invitation):
    intruder = login(client, world, "no_organisation")
    response = client.post(invitation.url)
    assert response.status_code == 403
    assert "invitee@example.org" in response.text
    assert not Membership.objects.filter(user=intruder).exists()
    invitation.object.refresh_from_db()
    assert invitation.object.is_open


@pytest.mark.parametrize("token", ["garbage", "eyJpbnZpdGF0aW9uIjoxfQ:1abc:def"])
def test_an_invalid_invitation_link_is_400(client, token):
    response = client.get(f"/en/invitations/{token}/")
    assert response.status_code == 400
    assert "not valid" in response.text


def test_a_revoked_invitation_link_is_400(client, world, invitation):
    services.invitation_revoke(invitation=invitation.object)
    client.force_login(UserFactory(email="invitee@example.org"))
    response = client.post(invitation.url)
    assert response.status_code == 400
    assert "withdrawn" in response.text
    assert not Membership.objects.filter(user__email="invitee@example.org").exists()


# Coordination: the verification queue and decisions ---------------------------------------------


def test_the_verification_queue_is_for_coordinators_with_totp(world):
    for role, client in each_role(world):
        response = client.get("/en/coordination/")
        if role == "coordinator_without_totp":
            assert response.status_code == 302
            assert response["Location"] == MFA_SETUP
        elif role == "coordinator_with_totp":
            assert response.status_code == 200
            assert list(response.context["page"].object_list) == [world.pending]
        else:
            assert _refused(role, response), role


def test_the_queue_filters_by_status_and_ignores_an_unknown_one(client, world):
    login(client, world, "coordinator_with_totp")
    response = client.get("/en/coordination/?status=verified")
    assert set(response.context["page"].object_list) == {world.cso, world.other}
    response = client.get("/en/coordination/?status=evil&page=abc")
    assert response.status_code == 200
    assert response.context["status"] == "pending"


def test_only_coordinators_with_totp_can_decide(world, django_capture_on_commit_callbacks):
    url = f"/en/coordination/{world.pending.slug}/"
    for role, client in each_role(world, last=["coordinator_with_totp"]):
        with django_capture_on_commit_callbacks(execute=True):
            get = client.get(url)
            post = client.post(url, {"action": "verify", "reason": ""})
        world.pending.refresh_from_db()
        if role == "coordinator_with_totp":
            assert get.status_code == 200
            assert post.status_code == 302 and post["Location"] == "/en/coordination/"
            assert world.pending.status == "verified"
            assert [m.to for m in mail.outbox] == [[world.people["pending_admin"].email]]
            continue
        if role == "coordinator_without_totp":
            assert get["Location"] == post["Location"] == MFA_SETUP
        else:
            assert _refused(role, get) and _refused(role, post), role
        assert world.pending.status == "pending"
        assert not world.pending.status_changes.exists()
        assert mail.outbox == []


@pytest.mark.parametrize("action", ["reject"])
def test_a_decision_without_a_required_reason_shows_an_error_and_changes_nothing(
    client, world, action, django_capture_on_commit_callbacks
):
    login(client, world, "coordinator_with_totp")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/coordination/{world.pending.slug}/", {"action": action, "reason": "  "})
    assert response.status_code == 200
    assert "Please give a reason" in response.text
    world.pending.refresh_from_db()
    assert world.pending.status == "pending"
    assert not OrganisationStatusChange.objects.exists()
    assert mail.outbox == []


def test_a_decision_not_allowed_in_this_status_is_refused(client, world):
    login(client, world, "coordinator_with_totp")
    response = client.post(f"/en/coordination/{world.pending.slug}/", {"action": "suspend", "reason": "x"})
    assert response.status_code == 200
    assert response.context["form"].errors["action"]
    world.pending.refresh_from_db()
    assert world.pending.status == "pending"
    assert not OrganisationStatusChange.objects.exists()


def test_rejecting_with_a_reason_emails_it(client, world, django_capture_on_commit_callbacks):
    login(client, world, "coordinator_with_totp")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/en/coordination/{world.pending.slug}/",
            {"action": "reject", "reason": "The certificate is unreadable."},
        )
    world.pending.refresh_from_db()
    assert world.pending.status == "rejected"
    (message,) = mail.outbox
    assert "The certificate is unreadable." in message.body


def test_suspending_a_verified_organisation_from_the_review_page(client, world):
    login(client, world, "coordinator_with_totp")
    response = client.post(f"/en/coordination/{world.cso.slug}/", {"action": "suspend", "reason": "Inquiry."})
    assert response.status_code == 302
    world.cso.refresh_from_db()
    assert world.cso.status == "suspended"
    assert client.get(world.cso.get_absolute_url()).status_code == 200
    client.logout()
    assert client.get(world.cso.get_absolute_url()).status_code == 404


def test_the_review_page_offers_no_resubmit_and_refuses_amos(client, world):
    login(client, world, "coordinator_with_totp")
    rejected = OrganisationFactory(rejected=True)
    response = client.get(f"/en/coordination/{rejected.slug}/")
    assert response.context["form"].fields["action"].choices == []
    assert "No decision is possible in this status." in response.text
    assert client.get("/en/coordination/direkcija-rs/").status_code == 404


# The user's own account --------------------------------------------------------------------------


def test_the_dashboard_requires_signing_in(client):
    assert _redirects_to_login(client.get("/en/account/"))


def test_the_dashboard_lists_the_users_organisations_and_saves_the_profile(client, world):
    user = login(client, world, "own_admin")
    response = client.get("/en/account/")
    assert [m.organisation for m in response.context["memberships"]] == [world.cso]
    response = client.post("/en/account/", {"full_name": " Ana ", "preferred_language": "sq"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.full_name, user.preferred_language) == ("Ana", "sq")


def test_the_dashboard_refuses_an_unknown_language(client, world):
    user = login(client, world, "own_admin")
    response = client.post("/en/account/", {"full_name": "Ana", "preferred_language": "xx"})
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.preferred_language == "en"


def test_the_dashboard_tells_a_coordinator_to_turn_on_two_factor(client, world):
    login(client, world, "coordinator_without_totp")
    assert "Coordinators must turn it on." in client.get("/en/account/").text


def test_personal_data_requires_signing_in(client):
    assert _redirects_to_login(client.get("/en/account/my-data/"))


def test_personal_data_is_a_private_json_attachment_of_the_users_own_data(client, world):
    user = login(client, world, "own_admin")
    response = client.get("/en/account/my-data/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="my-data-')
    assert response["Cache-Control"] == "private, no-store"
    data = json.loads(response.content)
    assert data["account"]["email"] == user.email
    assert [m["organisation"] for m in data["memberships"]] == ["Zelena kuća"]
    assert world.people["own_member"].email not in response.content.decode()


def test_deleting_the_account_requires_signing_in(client):
    assert _redirects_to_login(client.get("/en/account/delete/"))
    assert _redirects_to_login(client.post("/en/account/delete/", {"confirm": "x"}))


def test_deleting_the_account_needs_the_users_email_address(client, world):
    user = login(client, world, "own_member")
    response = client.post("/en/account/delete/", {"confirm": "someone@example.org"})
    assert response.status_code == 200
    assert "That is not your e-mail address." in response.text
    assert User.objects.filter(pk=user.pk).exists()


def test_the_last_admin_of_an_organisation_with_members_cannot_delete_the_account(client, world):
    user = login(client, world, "own_admin")
    response = client.post("/en/account/delete/", {"confirm": user.email})
    assert response.status_code == 200
    assert "You are the last administrator of Zelena kuća." in response.text
    assert User.objects.filter(pk=user.pk).exists()
    assert world.cso.memberships.count() == 2


def test_deleting_the_account_logs_out_and_leaves_a_former_member_in_the_history(client, world):
    user = login(client, world, "pending_admin")
    services.organisation_reject(
        organisation=world.pending, actor=world.people["coordinator_with_totp"], reason="Unclear."
    )
    services.organisation_change_status(organisation=world.pending, actor=user, action="resubmit")

    response = client.post("/en/account/delete/", {"confirm": f"  {user.email.upper()} "})

    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert not User.objects.filter(pk=user.pk).exists()
    assert _redirects_to_login(client.get("/en/account/"))
    world.pending.refresh_from_db()
    assert world.pending.registered_by is None
    assert world.pending.status_changes.count() == 2

    client.force_login(world.people["coordinator_with_totp"])
    for url in (world.pending.get_absolute_url(), f"/en/coordination/{world.pending.slug}/", "/en/coordination/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "a former member" in response.text, url


def test_the_dashboard_lists_open_invitations_with_a_link_to_answer_them(client, world):
    person = world.people["no_organisation"]
    invitation = services.membership_invite(
        organisation=world.cso, invited_by=world.people["own_admin"], email=person.email.upper(), role="member"
    )
    services.membership_invite(
        organisation=world.other, invited_by=world.people["other_cso_admin"], email="someone.else@example.org",
        role="member",
    )
    client.force_login(person)
    response = client.get("/en/account/")
    [(listed, token)] = response.context["invitations"]
    assert listed == invitation
    assert services.invitation_from_token(token) == invitation
    link = f"/en/invitations/{token}/"
    assert link in response.text
    client.post(link)
    response = client.get("/en/account/")
    assert response.context["invitations"] == []
