"""Who may do what with properties. Plain functions of (user, object) -> bool, each tested alone."""

from network.models import Membership, Organisation
from network.permissions import can_review_organisations

from .models import Property, PropertyDocument


def _offices(user) -> set[int]:
    """Ids of the AMOs the user works for (cached on the user object for the request)."""
    if not user.is_authenticated or not user.is_active:
        return set()
    cached = getattr(user, "_amo_ids", None)
    if cached is None:
        cached = user._amo_ids = set(
            Membership.objects.filter(
                user=user, organisation__kind=Organisation.Kind.AMO
            ).values_list("organisation_id", flat=True)
        )
    return cached


def _in_verified_cso(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    cached = getattr(user, "_in_verified_cso", None)
    if cached is None:
        cached = user._in_verified_cso = Membership.objects.filter(
            user=user, organisation__kind=Organisation.Kind.CSO,
            organisation__status=Organisation.Status.VERIFIED,
        ).exists()
    return cached


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
    return property.location_privacy == Property.LocationPrivacy.APPROXIMATE and _in_verified_cso(user)


def can_view_document(user, document: PropertyDocument) -> bool:
    property = document.property
    if not can_view_property(user, property):
        return False
    if document.visibility == PropertyDocument.Visibility.PUBLIC:
        return True
    return _in_verified_cso(user) or can_manage_property(user, property) or can_review_organisations(user)
