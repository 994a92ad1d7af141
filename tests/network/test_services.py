"""network.services: every write, its side effects, and what happens when the rules refuse it."""

import time
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail, signing
from django.utils import translation

from network import emails, services
from network.models import (
    Invitation,
    Membership,
    Organisation,
    OrganisationStatusChange,
    User,
)
from network.services import ActionRefused
from network.transitions import ORGANISATION_TRANSITIONS
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    coordinator,
    organisation_with_admin,
    pdf_upload,
    with_totp,
)

pytestmark = pytest.mark.django_db

Status = Organisation.Status
ALL_STATUSES = list(Status.values)


@pytest.fixture
def languages_rendered():
    """The language active while each e-mail is rendered: `[(template, language), ...]`.

    The catalogues may not be compiled in the test run, so the recipient's language is checked where
    it is chosen rather than by the translated words.
    """
    seen = []
    real = emails.render_to_string

    def spy(template_name, context=None, *args, **kwargs):
        seen.append((template_name, translation.get_language()))
        return real(template_name, context, *args, **kwargs)

    with mock.patch.object(emails, "render_to_string", side_effect=spy):
        yield seen


def _new_organisation(**kwargs):
    fields = {
        "name": "Удружење Млади за заједницу",
        "country_id": "RS",
        "city": "Нови Сад",
        "registration_number": "28100001",
        "registration_certificate": pdf_upload(),
    }
    fields.update(kwargs)
    return Organisation(**fields)


# Registration ------------------------------------------------------------------------------------


def test_register_creates_a_pending_cso_with_the_user_as_admin(django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        organisation = services.organisation_register(user=user, organisation=_new_organisation())

    organisation.refresh_from_db()
    assert organisation.status == Status.PENDING
    assert organisation.kind == Organisation.Kind.CSO
    assert organisation.registered_by == user
    assert organisation.slug == "udruzenje-mladi-za-zajednicu-rs"
    assert organisation.search_text == "udruzenje mladi za zajednicu 28100001"
    assert list(organisation.memberships.values_list("user", "role")) == [(user.pk, Membership.Role.ADMIN)]
    (change,) = organisation.status_changes.all()
    assert (change.from_status, change.to_status, change.actor) == ("", Status.PENDING, user)


def test_register_cannot_be_talked_into_another_kind_or_status():
    organisation = _new_organisation(kind=Organisation.Kind.AMO, status=Status.VERIFIED)
    services.organisation_register(user=UserFactory(), organisation=organisation)
    organisation.refresh_from_db()
    assert (organisation.kind, organisation.status) == (Organisation.Kind.CSO, Status.PENDING)
    assert organisation.verified_at is None


def test_register_gives_each_organisation_its_own_slug():
    first = services.organisation_register(user=UserFactory(), organisation=_new_organisation())
    second = services.organisation_register(user=UserFactory(), organisation=_new_organisation(registration_number="2"))
    assert first.slug == "udruzenje-mladi-za-zajednicu-rs"
    assert second.slug == "udruzenje-mladi-za-zajednicu-rs-2"


def test_register_sets_thematic_areas():
    from network.models import ThematicArea

    areas = ThematicArea.objects.filter(slug__in=["youth", "housing"])
    organisation = services.organisation_register(
        user=UserFactory(), organisation=_new_organisation(), thematic_areas=areas
    )
    assert sorted(t.slug for t in organisation.thematic_areas.all()) == ["housing", "youth"]


def test_register_emails_every_active_coordinator_in_their_language(
    django_capture_on_commit_callbacks, languages_rendered
):
    serbian = coordinator(preferred_language="sr")
    macedonian = coordinator(totp=True, preferred_language="mk")
    coordinator(is_active=False)
    UserFactory()  # not a coordinator

    with django_capture_on_commit_callbacks(execute=True):
        organisation = services.organisation_register(user=UserFactory(), organisation=_new_organisation())

    assert sorted(m.to[0] for m in mail.outbox) == sorted([serbian.email, macedonian.email])
    assert all(m.subject.startswith(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX) for m in mail.outbox)
    assert all(f"/coordination/{organisation.slug}/" in m.body for m in mail.outbox)
    assert sorted({language for _t, language in languages_rendered}) == ["mk", "sr"]


def test_register_sends_nothing_before_the_transaction_commits(django_capture_on_commit_callbacks):
    coordinator()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.organisation_register(user=UserFactory(), organisation=_new_organisation())
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_register_refuses_an_invalid_organisation_and_saves_nothing(
    django_capture_on_commit_callbacks,
):
    from django.core.exceptions import ValidationError

    coordinator()
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.organisation_register(user=user, organisation=_new_organisation(city=""))
    assert not Organisation.objects.csos().exists()
    assert not Membership.objects.exists()
    assert not OrganisationStatusChange.objects.exists()
    assert mail.outbox == []


# Status transitions ------------------------------------------------------------------------------

ALLOWED = [
    (action, source) for action, (sources, _t, _r) in ORGANISATION_TRANSITIONS.items() for source in sorted(sources)
]
REFUSED = [
    (action, source)
    for action, (sources, _t, _r) in ORGANISATION_TRANSITIONS.items()
    for source in ALL_STATUSES
    if source not in sources
]


def test_the_transition_table_is_the_documented_one():
    assert {a: (sorted(s), t, r) for a, (s, t, r) in ORGANISATION_TRANSITIONS.items()} == {
        "verify": (["pending"], "verified", False),
        "reject": (["pending"], "rejected", True),
        "suspend": (["verified"], "suspended", True),
        "reinstate": (["suspended"], "verified", True),
        "resubmit": (["rejected"], "pending", False),
    }


@pytest.mark.parametrize(("action", "source"), ALLOWED)
def test_each_allowed_transition_changes_status_and_records_it(action, source, django_capture_on_commit_callbacks):
    organisation, admin = organisation_with_admin(status=source)
    actor = coordinator(totp=True)
    target = ORGANISATION_TRANSITIONS[action][1]

    with django_capture_on_commit_callbacks(execute=True):
        change = services.organisation_change_status(
            organisation=organisation, actor=actor, action=action, reason="  Checked.  "
        )

    assert organisation.status == target
    organisation.refresh_from_db()
    assert organisation.status == target
    assert (change.from_status, change.to_status, change.actor, change.reason) == (source, target, actor, "Checked.")
    assert list(organisation.status_changes.all()) == [change]
    if target == Status.VERIFIED:
        assert organisation.verified_at is not None
    if action == "resubmit":
        assert mail.outbox == []
    else:
        assert [m.to for m in mail.outbox] == [[admin.email]]
        assert organisation.get_absolute_url() in mail.outbox[0].body
        assert "Checked." in mail.outbox[0].body


@pytest.mark.parametrize(("action", "source"), REFUSED)
def test_each_transition_from_a_wrong_status_is_refused_and_changes_nothing(
    action, source, django_capture_on_commit_callbacks
):
    organisation, _admin = organisation_with_admin(status=source)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ActionRefused) as refusal:
        services.organisation_change_status(
            organisation=organisation, actor=coordinator(totp=True), action=action, reason="Because."
        )
    assert "not possible now" in str(refusal.value)
    organisation.refresh_from_db()
    assert organisation.status == source
    assert not organisation.status_changes.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("action", [a for a, (_s, _t, required) in ORGANISATION_TRANSITIONS.items() if required])
@pytest.mark.parametrize("reason", ["", "   \n "])
def test_a_transition_that_needs_a_reason_is_refused_without_one(action, reason, django_capture_on_commit_callbacks):
    source = sorted(ORGANISATION_TRANSITIONS[action][0])[0]
    organisation, _admin = organisation_with_admin(status=source)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ActionRefused) as refusal:
        services.organisation_change_status(
            organisation=organisation, actor=coordinator(totp=True), action=action, reason=reason
        )
    assert "reason" in str(refusal.value)
    organisation.refresh_from_db()
    assert organisation.status == source
    assert not organisation.status_changes.exists()
    assert mail.outbox == []


def test_an_unknown_action_is_refused(django_capture_on_commit_callbacks):
    organisation, _admin = organisation_with_admin()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ActionRefused):
        services.organisation_change_status(organisation=organisation, actor=None, action="delete", reason="x")
    organisation.refresh_from_db()
    assert organisation.status == Status.PENDING
    assert not organisation.status_changes.exists()
    assert mail.outbox == []


def test_the_status_is_read_from_the_database_not_from_a_stale_object():
    """Two coordinators deciding at once: the second decision sees the first one."""
    organisation, _admin = organisation_with_admin()
    stale = Organisation.objects.get(pk=organisation.pk)
    services.organisation_verify(organisation=organisation, actor=coordinator(totp=True))
    with pytest.raises(ActionRefused):
        services.organisation_reject(organisation=stale, actor=coordinator(totp=True), reason="No.")
    stale.refresh_from_db()
    assert stale.status == Status.VERIFIED
    assert stale.status_changes.count() == 1


def test_reinstating_keeps_the_first_verification_date():
    organisation, _admin = organisation_with_admin()
    actor = coordinator(totp=True)
    services.organisation_verify(organisation=organisation, actor=actor)
    first = Organisation.objects.get(pk=organisation.pk).verified_at
    services.organisation_suspend(organisation=organisation, actor=actor, reason="Inquiry.")
    services.organisation_reinstate(organisation=organisation, actor=actor, reason="Cleared.")
    organisation.refresh_from_db()
    assert organisation.verified_at == first
    assert [c.to_status for c in organisation.status_changes.order_by("id")] == ["verified", "suspended", "verified"]


@pytest.mark.parametrize(
    ("action", "source", "service"),
    [
        ("verify", Status.PENDING, services.organisation_verify),
        ("reject", Status.PENDING, services.organisation_reject),
        ("suspend", Status.VERIFIED, services.organisation_suspend),
        ("reinstate", Status.SUSPENDED, services.organisation_reinstate),
    ],
)
def test_decisions_email_every_active_admin_in_their_preferred_language(
    action, source, service, django_capture_on_commit_callbacks, languages_rendered
):
    organisation, albanian_admin = organisation_with_admin(status=source)
    albanian_admin.preferred_language = "sq"
    albanian_admin.save()
    romanian_admin = MembershipFactory(organisation=organisation, admin=True, user__preferred_language="ro").user
    MembershipFactory(organisation=organisation, admin=True, user__is_active=False)
    MembershipFactory(organisation=organisation)  # a member, not an admin

    with django_capture_on_commit_callbacks(execute=True):
        service(organisation=organisation, actor=coordinator(totp=True), reason="Documented.")

    assert sorted(m.to[0] for m in mail.outbox) == sorted([albanian_admin.email, romanian_admin.email])
    assert all(len(m.to) == 1 for m in mail.outbox)
    assert sorted(languages_rendered) == sorted(
        [
            (f"network/email/organisation_{action}_{part}.txt", language)
            for language in ("sq", "ro")
            for part in ("subject", "body")
        ]
    )
    assert translation.get_language() == "en"  # the override does not leak


def test_verify_email_names_the_organisation(django_capture_on_commit_callbacks):
    organisation, _admin = organisation_with_admin(name="Zelena Kuća")
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_verify(organisation=organisation, actor=coordinator(totp=True))
    (message,) = mail.outbox
    assert message.subject == "[Re-use network] Zelena Kuća is verified"
    assert "Zelena Kuća" in message.body


# Invitations -------------------------------------------------------------------------------------


def _invite(organisation, admin, email="new.member@example.org", role=Membership.Role.MEMBER):
    return services.membership_invite(organisation=organisation, invited_by=admin, email=email, role=role)


def test_invite_creates_an_invitation_and_emails_a_signed_link(django_capture_on_commit_callbacks):
    organisation, admin = organisation_with_admin(verified=True)
    with django_capture_on_commit_callbacks(execute=True):
        invitation = _invite(organisation, admin, email="  New.Member@Example.org ")

    assert (invitation.email, invitation.role, invitation.invited_by) == ("new.member@example.org", "member", admin)
    assert invitation.is_open
    (message,) = mail.outbox
    assert message.to == ["new.member@example.org"]
    token = services.invitation_token(invitation)
    assert f"/invitations/{token}/" in message.body
    assert signing.loads(token, salt=services.INVITATION_SALT) == {"invitation": invitation.pk}
    assert f"{settings.INVITATION_MAX_AGE_DAYS} days" in message.body


def test_a_token_signed_with_another_salt_or_tampered_with_is_refused():
    organisation, admin = organisation_with_admin(verified=True)
    invitation = _invite(organisation, admin)
    forged = signing.dumps({"invitation": invitation.pk}, salt="something.else")
    token = services.invitation_token(invitation)
    for bad in (forged, token[:-2] + "xx", "not-a-token"):
        with pytest.raises(ActionRefused, match="not valid"):
            services.invitation_from_token(bad)


def _token_signed_days_ago(invitation, days):
    past = int(time.time()) - int(days * 24 * 3600)
    with mock.patch.object(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(past)):
        return services.invitation_token(invitation)


def test_a_token_within_its_lifetime_is_accepted():
    organisation, admin = organisation_with_admin(verified=True)
    invitation = _invite(organisation, admin)
    token = _token_signed_days_ago(invitation, settings.INVITATION_MAX_AGE_DAYS - 0.01)
    assert services.invitation_from_token(token) == invitation


def test_an_expired_token_is_refused():
    organisation, admin = organisation_with_admin(verified=True)
    invitation = _invite(organisation, admin)
    token = _token_signed_days_ago(invitation, settings.INVITATION_MAX_AGE_DAYS + 0.01)
    with pytest.raises(ActionRefused, match="expired"):
        services.invitation_from_token(token)


def test_the_lifetime_follows_the_setting(settings):
    organisation, admin = organisation_with_admin(verified=True)
    invitation = _invite(organisation, admin)
    token = _token_signed_days_ago(invitation, 2)
    settings.INVITATION_MAX_AGE_DAYS = 1
    with pytest.raises(ActionRefused, match="expired"):
        services.invitation_from_token(token)


def test_a_revoked_invitation_is_refused():
    organisation, admin = organisation_with_admin(verified=True)
    invitation = _invite(organisation, admin)
    services.invitation_revoke(invitation=invitation)
    assert not invitation.is_open
    with pytest.raises(ActionRefused, match="withdrawn"):
        services.invitation_from_token(services.invitation_token(invitation))


def test_a_deleted_invitation_is_refused():
    organisation, admin = organisation_with_admin(verified=True)
    invitation = _invite(organisation, admin)
    token = services.invitation_token(invitation)
    invitation.delete()
    with pytest.raises(ActionRefused, match="withdrawn"):
        services.invitation_from_token(token)


def test_accepting_makes_the_user_a_member_with_the_invited_role():
    organisation, admin = organisation_with_admin(verified=True)
    invitation = _invite(organisation, admin, email="Ana@Example.org", role=Membership.Role.ADMIN)
    user = UserFactory(email="ana@example.org")
    membership = services.invitation_accept(invitation=invitation, user=user)
    assert (membership.user, membership.organisation, membership.role) == (user, organisation, Membership.Role.ADMIN)
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None


def test_a_used_invitation_cannot_be_used_again():
    organisation, admin = organisation_with_admin(verified=True)
    invitation = _invite(organisation, admin, email="ana@example.org")
    services.invitation_accept(invitation=invitation, user=UserFactory(email="ana@example.org"))
    with pytest.raises(ActionRefused, match="already been used"):
        services.invitation_from_token(services.invitation_token(invitation))


def test_accepting_with_another_email_address_is_refused_and_changes_nothing():
    organisation, admin = organisation_with_admin(verified=True)
    invitation = _invite(organisation, admin, email="ana@example.org")
    intruder = UserFactory(email="mallory@example.org")
    with pytest.raises(ActionRefused, match="ana@example.org"):
        services.invitation_accept(invitation=invitation, user=intruder)
    assert not Membership.objects.filter(user=intruder).exists()
    invitation.refresh_from_db()
    assert invitation.is_open


def test_inviting_someone_who_is_already_a_member_is_refused(django_capture_on_commit_callbacks):
    organisation, admin = organisation_with_admin(verified=True)
    member = MembershipFactory(organisation=organisation, user__email="ana@example.org").user
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ActionRefused, match="already a member"):
        _invite(organisation, admin, email="ANA@example.org")
    assert not Invitation.objects.exists()
    assert mail.outbox == []
    assert member.memberships.count() == 1


def test_inviting_with_an_unknown_role_is_refused(django_capture_on_commit_callbacks):
    organisation, admin = organisation_with_admin(verified=True)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ActionRefused):
        _invite(organisation, admin, role="owner")
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_accepting_when_already_a_member_keeps_the_existing_membership():
    organisation, admin = organisation_with_admin(verified=True)
    invitation = _invite(organisation, admin, email="ana@example.org", role=Membership.Role.ADMIN)
    existing = MembershipFactory(organisation=organisation, user__email="ana@example.org")
    membership = services.invitation_accept(invitation=invitation, user=existing.user)
    assert membership == existing
    assert membership.role == Membership.Role.MEMBER
    assert organisation.memberships.count() == 2


# Members: roles, removal, leaving -----------------------------------------------------------------


def test_change_role_promotes_a_member():
    organisation, _admin = organisation_with_admin()
    membership = MembershipFactory(organisation=organisation)
    services.membership_change_role(membership=membership, role=Membership.Role.ADMIN)
    membership.refresh_from_db()
    assert membership.role == Membership.Role.ADMIN


def test_change_role_refuses_to_demote_the_last_admin():
    organisation, admin = organisation_with_admin()
    MembershipFactory(organisation=organisation)
    membership = admin.memberships.get()
    with pytest.raises(ActionRefused, match="at least one administrator"):
        services.membership_change_role(membership=membership, role=Membership.Role.MEMBER)
    membership.refresh_from_db()
    assert membership.role == Membership.Role.ADMIN


def test_change_role_demotes_an_admin_when_another_active_admin_remains():
    organisation, admin = organisation_with_admin()
    MembershipFactory(organisation=organisation, admin=True)
    membership = admin.memberships.get()
    services.membership_change_role(membership=membership, role=Membership.Role.MEMBER)
    membership.refresh_from_db()
    assert membership.role == Membership.Role.MEMBER


def test_an_inactive_admin_does_not_count_as_another_admin():
    organisation, admin = organisation_with_admin()
    MembershipFactory(organisation=organisation, admin=True, user__is_active=False)
    membership = admin.memberships.get()
    with pytest.raises(ActionRefused):
        services.membership_change_role(membership=membership, role=Membership.Role.MEMBER)
    with pytest.raises(ActionRefused):
        services.membership_remove(membership=membership)
    assert Membership.objects.filter(pk=membership.pk, role="admin").exists()


def test_change_role_refuses_an_unknown_role():
    organisation, _admin = organisation_with_admin()
    membership = MembershipFactory(organisation=organisation)
    with pytest.raises(ActionRefused):
        services.membership_change_role(membership=membership, role="owner")
    membership.refresh_from_db()
    assert membership.role == Membership.Role.MEMBER


def test_remove_deletes_a_member():
    organisation, _admin = organisation_with_admin()
    membership = MembershipFactory(organisation=organisation)
    services.membership_remove(membership=membership)
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert User.objects.filter(pk=membership.user_id).exists()


def test_the_last_admin_cannot_be_removed_or_leave():
    organisation, admin = organisation_with_admin()
    MembershipFactory(organisation=organisation)
    membership = admin.memberships.get()
    with pytest.raises(ActionRefused, match="last administrator"):
        services.membership_remove(membership=membership)
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_an_admin_can_leave_when_another_admin_remains():
    organisation, admin = organisation_with_admin()
    MembershipFactory(organisation=organisation, admin=True)
    services.membership_remove(membership=admin.memberships.get())
    assert not organisation.memberships.filter(user=admin).exists()
    assert organisation.memberships.admins().count() == 1


# Coordinators ------------------------------------------------------------------------------------


def test_coordinator_appoint_adds_the_group_and_clears_the_cached_answer():
    from network import permissions

    user = UserFactory()
    assert permissions.is_coordinator(user) is False
    services.coordinator_appoint(user=user)
    assert permissions.is_coordinator(user) is True


# Personal data -----------------------------------------------------------------------------------


def test_user_personal_data_holds_everything_about_the_person_and_nothing_secret():
    user = UserFactory(email="ana@example.org", full_name="Ana Anić", preferred_language="bs")
    EmailAddress.objects.create(user=user, email="ana.second@example.org", verified=False)
    secret = with_totp(user)
    organisation = services.organisation_register(user=user, organisation=_new_organisation())
    other, other_admin = organisation_with_admin(name="Drugi Centar", verified=True)
    services.membership_invite(organisation=other, invited_by=other_admin, email="ANA@example.org", role="member")
    services.organisation_verify(organisation=OrganisationFactory(), actor=user)
    UserFactory(email="someone.else@example.org")

    data = services.user_personal_data(user=user)

    assert data["account"]["email"] == "ana@example.org"
    assert data["account"]["full_name"] == "Ana Anić"
    assert data["account"]["preferred_language"] == "bs"
    assert data["account"]["last_login"] is None
    assert sorted(a["email"] for a in data["email_addresses"]) == ["ana.second@example.org", "ana@example.org"]
    assert [a["type"] for a in data["authenticators"]] == ["totp"]
    assert data["memberships"] == [
        {
            "organisation": organisation.name,
            "role": "admin",
            "joined_at": organisation.memberships.get().joined_at.isoformat(),
        }
    ]
    assert data["organisations_registered"] == [organisation.name]
    assert sorted((c["from"], c["to"]) for c in data["status_changes_made"]) == [
        ("", "pending"),
        ("pending", "verified"),
    ]
    assert [i["organisation"] for i in data["invitations_received"]] == ["Drugi Centar"]
    flat = repr(data)
    assert secret not in flat
    assert user.password not in flat
    assert "someone.else" not in flat
    import json

    json.dumps(data)  # serialisable as it is


# Deleting an account -----------------------------------------------------------------------------


def test_delete_account_is_refused_for_the_last_admin_of_an_organisation_with_other_members():
    organisation, admin = organisation_with_admin()
    MembershipFactory(organisation=organisation)
    with pytest.raises(ActionRefused, match="last administrator"):
        services.user_delete_account(user=admin)
    assert User.objects.filter(pk=admin.pk).exists()
    assert organisation.memberships.count() == 2


def test_delete_account_of_a_sole_admin_keeps_the_organisation_and_its_history():
    user = UserFactory()
    organisation = services.organisation_register(user=user, organisation=_new_organisation())
    services.organisation_reject(organisation=organisation, actor=coordinator(), reason="Unclear.")
    services.organisation_change_status(organisation=organisation, actor=user, action="resubmit")
    services.membership_invite(organisation=OrganisationFactory(), invited_by=None, email=user.email, role="member")

    services.user_delete_account(user=user)

    assert not User.objects.filter(pk=user.pk).exists()
    assert not EmailAddress.objects.filter(email=user.email).exists()
    assert not Invitation.objects.filter(email=user.email).exists()
    organisation.refresh_from_db()
    assert organisation.registered_by is None
    assert not organisation.memberships.exists()
    history = list(organisation.status_changes.order_by("id"))
    assert [(c.to_status, c.actor_id is None) for c in history] == [
        ("pending", True),
        ("rejected", False),
        ("pending", True),
    ]


def test_delete_account_of_a_plain_member_leaves_the_organisation_untouched():
    organisation, admin = organisation_with_admin(verified=True)
    member = MembershipFactory(organisation=organisation).user
    services.user_delete_account(user=member)
    assert not User.objects.filter(pk=member.pk).exists()
    assert list(organisation.memberships.values_list("user", flat=True)) == [admin.pk]
    organisation.refresh_from_db()
    assert organisation.status == Status.VERIFIED


def test_delete_account_of_an_admin_when_another_admin_remains():
    organisation, admin = organisation_with_admin(verified=True)
    MembershipFactory(organisation=organisation, admin=True)
    services.user_delete_account(user=admin)
    assert not User.objects.filter(pk=admin.pk).exists()
    assert organisation.memberships.admins().count() == 1


def test_register_takes_the_next_slug_when_a_concurrent_registration_took_it_first(monkeypatch):
    """Two registrations of one name at the same moment: the loser of the race gets the next slug."""
    user = UserFactory()
    OrganisationFactory(slug="taken-rs")
    slugs = iter(["taken-rs", "taken-rs-2"])
    monkeypatch.setattr(services, "_unique_slug", lambda organisation: next(slugs))
    organisation = services.organisation_register(
        user=user, organisation=Organisation(name="Taken", country_id="RS", city="Niš", registration_number="1")
    )
    assert organisation.slug == "taken-rs-2"
    assert organisation.memberships.get().user == user
