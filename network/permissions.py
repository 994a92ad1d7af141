"""Who may do what in the network app. Plain functions of (user, object) -> bool, each tested alone.

A coordinator's powers (seeing unverified organisations, their documents and history) all require
multi-factor authentication: they go through `can_review_organisations`, never `is_coordinator` alone.

Every view decides access through one of these; none of them touches request state.
"""

from .models import COORDINATORS_GROUP, Membership, Organisation


def _membership(user, organisation) -> Membership | None:
    if not user.is_authenticated or organisation is None:
        return None
    cache = user.__dict__.setdefault("_membership_cache", {})
    if organisation.pk not in cache:
        cache[organisation.pk] = Membership.objects.filter(
            user=user, organisation=organisation
        ).first()
    return cache[organisation.pk]


def is_coordinator(user) -> bool:
    """A network coordinator (member of the coordinators group)."""
    if not user.is_authenticated or not user.is_active:
        return False
    # getattr, not `user.__dict__`: request.user is a SimpleLazyObject whose own __dict__ never
    # holds what is set on the wrapped user, so the answer was fetched again on every call.
    cached = getattr(user, "_is_coordinator", None)
    if cached is None:
        cached = user._is_coordinator = user.groups.filter(name=COORDINATORS_GROUP).exists()
    return cached


def has_mfa(user) -> bool:
    """The user has an authenticator app (TOTP) set up."""
    from allauth.mfa.models import Authenticator

    if not user.is_authenticated:
        return False
    # Cached on the user object, like is_coordinator: a page asks more than once per request.
    cached = getattr(user, "_has_mfa", None)
    if cached is None:
        cached = user._has_mfa = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    return cached


def is_member(user, organisation) -> bool:
    return _membership(user, organisation) is not None


def is_admin(user, organisation) -> bool:
    membership = _membership(user, organisation)
    return membership is not None and membership.role == Membership.Role.ADMIN


def can_register_organisation(user) -> bool:
    return user.is_authenticated and user.is_active


def can_view_organisation(user, organisation) -> bool:
    """The public profile: verified CSOs and AMOs for everyone; others for their members and coordinators."""
    if organisation.status == Organisation.Status.VERIFIED:
        return True
    return is_member(user, organisation) or can_review_organisations(user)


def can_view_private_details(user, organisation) -> bool:
    """Status history and members: the organisation's own members, and coordinators with MFA on."""
    return is_member(user, organisation) or can_review_organisations(user)


def can_edit_organisation(user, organisation) -> bool:
    if organisation.kind == Organisation.Kind.AMO:
        return is_admin(user, organisation) or can_review_organisations(user)
    return is_admin(user, organisation)


def can_download_certificate(user, organisation) -> bool:
    """A private document: the organisation's admins, and coordinators once they have turned on MFA
    (the same bar as the verification queue that links to it)."""
    return is_admin(user, organisation) or can_review_organisations(user)


def can_manage_members(user, organisation) -> bool:
    return is_admin(user, organisation)


def can_resubmit(user, organisation) -> bool:
    return is_admin(user, organisation) and organisation.status == Organisation.Status.REJECTED


def can_review_organisations(user) -> bool:
    """The verification queue and decisions: coordinators, with multi-factor authentication on."""
    return is_coordinator(user) and has_mfa(user)
