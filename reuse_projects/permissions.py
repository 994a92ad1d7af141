"""Who may do what with properties. Plain functions of (user, object) -> bool, each tested alone."""

from network.models import Membership, Organisation
from network.permissions import can_review_organisations

from .models import Property, PropertyDocument


def _roles(user) -> dict:
    """The user's organisations, fetched once per user object: the AMOs they work for, and whether
    they belong to a verified CSO."""
    if not user.is_authenticated or not user.is_active:
        return {"offices": set(), "verified_cso": False}
    cached = getattr(user, "_catalogue_roles", None)
    if cached is None:
        rows = list(
            Membership.objects.filter(user=user).values_list(
                "organisation_id", "organisation__kind", "organisation__status"
            )
        )
        cached = user._catalogue_roles = {
            "offices": {pk for pk, kind, _status in rows if kind == Organisation.Kind.AMO},
            "verified_cso": any(
                kind == Organisation.Kind.CSO and status == Organisation.Status.VERIFIED for _pk, kind, status in rows
            ),
        }
    return cached


def _offices(user) -> set[int]:
    return _roles(user)["offices"]


def is_in_verified_cso(user) -> bool:
    """A member (admin or not) of at least one verified CSO."""
    return _roles(user)["verified_cso"]


def is_officer(user) -> bool:
    """Works for at least one Asset Management Office."""
    return bool(_offices(user))


def is_officer_of(user, amo) -> bool:
    return amo is not None and amo.pk in _offices(user)


def officer_offices(user):
    return Organisation.objects.filter(pk__in=_offices(user)).order_by("name")


def can_manage_property(user, property: Property) -> bool:
    """Edit, publish, withdraw, archive, see the history: officers of the property's own office."""
    return is_officer_of(user, property.amo)


def can_create_property(user, amo) -> bool:
    return is_officer_of(user, amo)


def can_view_property(user, property: Property) -> bool:
    if property.status in Property.PUBLIC_STATUSES and property.archived_at is None:
        return True
    return can_manage_property(user, property) or can_review_organisations(user)


def can_see_exact_location(user, property: Property) -> bool:
    """Exact: everyone. Approximate: verified CSOs too. Hidden: only the office and coordinators."""
    if property.location_privacy == Property.LocationPrivacy.EXACT:
        return True
    if can_manage_property(user, property) or can_review_organisations(user):
        return True
    return property.location_privacy == Property.LocationPrivacy.APPROXIMATE and is_in_verified_cso(user)


def can_view_document(user, document: PropertyDocument) -> bool:
    property = document.property
    if not can_view_property(user, property):
        return False
    if document.visibility == PropertyDocument.Visibility.PUBLIC:
        return True
    return is_in_verified_cso(user) or can_manage_property(user, property) or can_review_organisations(user)
