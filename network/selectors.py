"""Every read of the network app, shaped for the page that needs it (no query per row)."""

from django.db.models import Count, Prefetch, Q

from .models import Invitation, Membership, Organisation, OrganisationStatusChange, TaggedThematicArea

# By the folded Latin name, so that Cyrillic and Latin names are sorted together.
DIRECTORY_SORTS = {
    "name": ("sort_name",),
    "-name": ("-sort_name",),
    "newest": ("-verified_at", "sort_name"),
    "country": ("country_id", "sort_name"),
}


def _with_thematic_areas(queryset):
    return queryset.prefetch_related(
        Prefetch("tagged_thematic_areas", queryset=TaggedThematicArea.objects.select_related("tag"))
    )


def organisation_list_public(*, country: str = "", thematic_area: str = "", q: str = "",
                             sort: str = "name"):
    """Verified CSOs for the public directory, filtered and sorted."""
    queryset = Organisation.objects.csos().verified().select_related("country")
    if country:
        queryset = queryset.filter(country_id=country.upper())
    if thematic_area:
        queryset = queryset.filter(tagged_thematic_areas__tag__slug=thematic_area)
    if q:
        queryset = queryset.matching(q)
    queryset = queryset.order_by(*DIRECTORY_SORTS.get(sort, DIRECTORY_SORTS["name"]), "pk")
    return _with_thematic_areas(queryset)


def organisation_verification_lookup(*, q: str):
    """The public "is this organisation verified?" look-up: by name (any script) or registration number."""
    q = (q or "").strip()
    if not q:
        return Organisation.objects.none()
    queryset = Organisation.objects.csos().select_related("country")
    by_number = Q(registration_number__iexact=q)
    matches = queryset.filter(by_number | Q(pk__in=queryset.matching(q).values("pk")))
    return matches.order_by("name", "pk")[:20]


def organisation_review_queue(*, status: str = Organisation.Status.PENDING):
    """Organisations waiting for a coordinator, oldest first, with the people behind them."""
    return (
        Organisation.objects.csos()
        .filter(status=status)
        .select_related("country", "registered_by")
        .annotate(member_count=Count("memberships"))
        .order_by("created_at", "pk")
    )


def organisation_status_history(*, organisation):
    return OrganisationStatusChange.objects.filter(organisation=organisation).select_related("actor")


def organisation_members(*, organisation):
    return Membership.objects.filter(organisation=organisation).select_related("user").order_by(
        "role", "user__email"
    )


def user_memberships(*, user):
    return (
        Membership.objects.filter(user=user)
        .select_related("organisation", "organisation__country")
        .order_by("organisation__name")
    )


def user_open_invitations(*, user):
    """Invitations waiting for this person's e-mail address, newest first."""
    return (
        Invitation.objects.filter(email__iexact=user.email, accepted_at__isnull=True, revoked_at__isnull=True)
        .exclude(organisation__memberships__user=user)
        .select_related("organisation")
        .order_by("-created_at")
    )
