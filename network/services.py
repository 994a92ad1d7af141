"""Every write of the network app. Keyword-only, validated, side effects queued after commit."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .emails import absolute_url, queue_email
from .models import (
    COORDINATORS_GROUP,
    Invitation,
    Membership,
    Organisation,
    OrganisationStatusChange,
    User,
)
from .text import fold
from .transitions import ORGANISATION_TRANSITIONS

INVITATION_SALT = "network.invitation"


class ActionRefused(Exception):
    """A request the rules do not allow; the message is shown to the user as it is."""


def checked_text(value, *, max_length: int, empty_message=None) -> str:
    """`value` stripped; refused when it is longer than `max_length`, or empty when `empty_message` is given."""
    value = (value or "").strip()
    if empty_message and not value:
        raise ActionRefused(empty_message)
    if len(value) > max_length:
        raise ActionRefused(_("The text is too long (at most %(max)s characters).") % {"max": max_length})
    return value


def _unique_slug(organisation: Organisation) -> str:
    base = slugify(fold(organisation.name_latin or organisation.name))[:100] or "organisation"
    base = f"{base}-{organisation.country_id.lower()}"
    # One query for every slug taken under this base, not one query per candidate: names that
    # slugify alike (symbols only, common names) would otherwise cost a query per earlier namesake.
    taken = set(
        Organisation.objects.filter(slug__startswith=base).exclude(pk=organisation.pk)
        .values_list("slug", flat=True)
    )
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _admin_emails(organisation: Organisation) -> list[tuple[str, str]]:
    return list(
        organisation.memberships.admins()
        .filter(user__is_active=True)
        .values_list("user__email", "user__preferred_language")
    )


def _record(organisation, *, actor, from_status, to_status, reason=""):
    return OrganisationStatusChange.objects.create(
        organisation=organisation, actor=actor, from_status=from_status,
        to_status=to_status, reason=reason,
    )


@transaction.atomic
def organisation_register(*, user: User, organisation: Organisation, thematic_areas=()) -> Organisation:
    """A signed-in user registers a CSO; it starts `pending` with the user as its admin."""
    organisation.kind = Organisation.Kind.CSO
    organisation.status = Organisation.Status.PENDING
    organisation.registered_by = user
    organisation.full_clean(exclude=["slug"])
    # Two registrations of the same name at the same moment can pick the same slug: try the next.
    for attempt in range(5):
        organisation.slug = _unique_slug(organisation)
        try:
            with transaction.atomic():
                organisation.save()
            break
        except IntegrityError:
            if attempt == 4:
                raise
    organisation.thematic_areas.set(list(thematic_areas))
    Membership.objects.create(user=user, organisation=organisation, role=Membership.Role.ADMIN)
    _record(organisation, actor=user, from_status="", to_status=organisation.status,
            reason=_("Registered"))
    coordinators = User.objects.filter(groups__name=COORDINATORS_GROUP, is_active=True)
    for coordinator in coordinators:
        queue_email(
            template="organisation_registered", to=[coordinator.email],
            language=coordinator.preferred_language,
            context={"organisation": organisation, "url": absolute_url(reverse(
                "network:review_detail", kwargs={"slug": organisation.slug}))},
        )
    return organisation


@transaction.atomic
def organisation_update(*, organisation: Organisation, thematic_areas=None) -> Organisation:
    organisation.full_clean()
    organisation.save()
    if thematic_areas is not None:
        organisation.thematic_areas.set(list(thematic_areas))
    return organisation


@transaction.atomic
def organisation_change_status(
    *, organisation: Organisation, actor: User | None, action: str, reason: str = ""
) -> OrganisationStatusChange:
    """Apply one transition from the table, record it and tell the organisation's admins."""
    if action not in ORGANISATION_TRANSITIONS:
        raise ActionRefused(_("Unknown action."))
    sources, target, reason_required = ORGANISATION_TRANSITIONS[action]
    reason = (reason or "").strip()
    # Lock the row so two coordinators deciding at once cannot both apply a transition.
    locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if locked.status not in sources:
        raise ActionRefused(
            _("This organisation is %(status)s; that action is not possible now.")
            % {"status": locked.get_status_display().lower()}
        )
    if reason_required and not reason:
        raise ActionRefused(_("Please give a reason: it is sent to the organisation."))
    from_status = locked.status
    locked.status = target
    if target == Organisation.Status.VERIFIED and locked.verified_at is None:
        locked.verified_at = timezone.now()
    locked.save(update_fields=["status", "verified_at", "updated_at"])
    organisation.status, organisation.verified_at = locked.status, locked.verified_at
    change = _record(locked, actor=actor, from_status=from_status, to_status=target, reason=reason)
    if action != "resubmit":
        for email, language in _admin_emails(locked):
            queue_email(
                template=f"organisation_{action}", to=[email], language=language,
                context={"organisation": locked, "reason": reason,
                         "url": absolute_url(locked.get_absolute_url())},
            )
    return change


def organisation_verify(*, organisation, actor, reason=""):
    return organisation_change_status(organisation=organisation, actor=actor, action="verify", reason=reason)


def organisation_reject(*, organisation, actor, reason):
    return organisation_change_status(organisation=organisation, actor=actor, action="reject", reason=reason)


def organisation_suspend(*, organisation, actor, reason):
    return organisation_change_status(organisation=organisation, actor=actor, action="suspend", reason=reason)


def organisation_reinstate(*, organisation, actor, reason):
    return organisation_change_status(organisation=organisation, actor=actor, action="reinstate", reason=reason)


# Members and invitations -------------------------------------------------------------------------

def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"invitation": invitation.pk}, salt=INVITATION_SALT)


def invitation_from_token(token: str) -> Invitation:
    max_age = settings.INVITATION_MAX_AGE_DAYS * 24 * 3600
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ActionRefused(_("This invitation has expired. Ask for a new one.")) from error
    except signing.BadSignature as error:
        raise ActionRefused(_("This invitation link is not valid.")) from error
    invitation = (
        Invitation.objects.select_related("organisation").filter(pk=data.get("invitation")).first()
    )
    if invitation is None or invitation.revoked_at:
        raise ActionRefused(_("This invitation has been withdrawn."))
    if invitation.accepted_at:
        raise ActionRefused(_("This invitation has already been used."))
    return invitation


@transaction.atomic
def membership_invite(*, organisation: Organisation, invited_by: User, email: str, role: str) -> Invitation:
    email = email.strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise ActionRefused(_("%(email)s is already a member.") % {"email": email})
    if role not in Membership.Role.values:
        raise ActionRefused(_("Unknown role."))
    invitation = Invitation.objects.create(
        organisation=organisation, email=email, role=role, invited_by=invited_by
    )
    link = absolute_url(reverse("network:invitation_accept", kwargs={"token": invitation_token(invitation)}))
    queue_email(
        template="invitation", to=[email],
        context={"invitation": invitation, "organisation": organisation, "inviter": invited_by,
                 "url": link, "days": settings.INVITATION_MAX_AGE_DAYS},
    )
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    if invitation.email.lower() != user.email.lower():
        raise ActionRefused(
            _("This invitation was sent to %(email)s. Sign in with that address to accept it.")
            % {"email": invitation.email}
        )
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


def invitation_revoke(*, invitation: Invitation) -> None:
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])


def _is_last_admin(membership: Membership) -> bool:
    if membership.role != Membership.Role.ADMIN:
        return False
    others = Membership.objects.admins().filter(organisation_id=membership.organisation_id)
    return not others.exclude(pk=membership.pk).filter(user__is_active=True).exists()


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str) -> Membership:
    if role not in Membership.Role.values:
        raise ActionRefused(_("Unknown role."))
    Organisation.objects.select_for_update().filter(pk=membership.organisation_id).first()
    if role != Membership.Role.ADMIN and _is_last_admin(membership):
        raise ActionRefused(_("An organisation needs at least one administrator."))
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership) -> None:
    """Remove a member (or leave): the last administrator cannot go."""
    Organisation.objects.select_for_update().filter(pk=membership.organisation_id).first()
    if _is_last_admin(membership):
        raise ActionRefused(
            _("The last administrator cannot leave. Make another member an administrator first.")
        )
    membership.delete()


# Coordinators ------------------------------------------------------------------------------------

def coordinator_appoint(*, user: User) -> None:
    group, _created = Group.objects.get_or_create(name=COORDINATORS_GROUP)
    user.groups.add(group)
    user.__dict__.pop("_is_coordinator", None)


# Personal data -----------------------------------------------------------------------------------

def user_personal_data(*, user: User) -> dict:
    """Everything the platform holds about a person, for download (GDPR art. 15 and 20)."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    return {
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user)
        ],
        "authenticators": [
            {"type": a.type, "created_at": a.created_at.isoformat()}
            for a in Authenticator.objects.filter(user=user)
        ],
        "memberships": [
            {"organisation": m.organisation.name, "role": m.role, "joined_at": m.joined_at.isoformat()}
            for m in user.memberships.select_related("organisation")
        ],
        "organisations_registered": list(
            Organisation.objects.filter(registered_by=user).values_list("name", flat=True)
        ),
        "status_changes_made": [
            {"organisation": c.organisation.name, "from": c.from_status, "to": c.to_status,
             "reason": c.reason, "at": c.created_at.isoformat()}
            for c in OrganisationStatusChange.objects.filter(actor=user).select_related("organisation")
        ],
        "invitations_received": [
            {"organisation": i.organisation.name, "role": i.role, "sent_at": i.created_at.isoformat(),
             "accepted_at": i.accepted_at.isoformat() if i.accepted_at else None}
            for i in Invitation.objects.filter(email__iexact=user.email).select_related("organisation")
        ],
    }


@transaction.atomic
def user_delete_account(*, user: User) -> None:
    """Delete the person. What their organisations submitted stays, attributed to a former member."""
    for membership in user.memberships.select_related("organisation"):
        others = membership.organisation.memberships.exclude(user=user).exists()
        if others and _is_last_admin(membership):
            raise ActionRefused(
                _("You are the last administrator of %(name)s. Make another member an "
                  "administrator before you delete your account.")
                % {"name": membership.organisation.name}
            )
    Invitation.objects.filter(email__iexact=user.email, accepted_at__isnull=True).delete()
    user.delete()
