"""Every read of properties, shaped for the page that needs it (no query per row)."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.cache import cache
from django.db.models import Count, Prefetch, Q

from network.places import COUNTRY_CODES
from network.text import fold

from .cache import catalogue_version
from .models import Property, PropertyEvent, PropertyPhoto, TaggedSuitableUse

CATALOGUE_SORTS = {
    "newest": ("-published_at", "-pk"),
    "area": ("floor_area", "pk"),
    "-area": ("-floor_area", "pk"),
    "municipality": ("municipality__name", "pk"),
}


@dataclass
class CatalogueFilters:
    """The catalogue's filter state, from query parameters with stable names. Unknown or malformed
    values are dropped (and reported in `ignored`), never an error."""

    country: str = ""
    municipality: str = ""  # slug
    type: str = ""
    status: str = ""
    min_area: Decimal | None = None
    max_area: Decimal | None = None
    condition: str = ""
    use: str = ""
    q: str = ""
    sort: str = "newest"

    @classmethod
    def from_query(cls, params, *, countries=COUNTRY_CODES) -> tuple["CatalogueFilters", list[str]]:
        filters, ignored = cls(), []

        def choice(name, allowed):
            value = (params.get(name) or "").strip()
            if value and value not in allowed:
                ignored.append(name)
                return ""
            return value

        country = (params.get("country") or "").strip().upper()
        if country in countries:
            filters.country = country
        elif country:
            ignored.append("country")
        filters.type = choice("type", set(Property.Type.values))
        filters.status = choice("status", set(Property.PUBLIC_STATUSES))
        filters.condition = choice("condition", set(Property.Condition.values))
        filters.sort = choice("sort", set(CATALOGUE_SORTS)) or "newest"
        filters.municipality = (params.get("municipality") or "").strip()[:140]
        filters.use = (params.get("use") or "").strip()[:100]
        filters.q = (params.get("q") or "").strip()[:200]
        for name in ("min_area", "max_area"):
            raw = (params.get(name) or "").strip()
            if not raw:
                continue
            try:
                value = Decimal(raw.replace(",", "."))
                if not value.is_finite() or value < 0 or value > 10**9:
                    raise InvalidOperation
            except InvalidOperation:
                ignored.append(name)
                continue
            setattr(filters, name, value)
        return filters, ignored


def _with_cards(queryset):
    """What a catalogue card or map marker shows, in a fixed number of queries."""
    return queryset.select_related("amo", "municipality").prefetch_related(
        Prefetch("tagged_suitable_uses", queryset=TaggedSuitableUse.objects.select_related("tag")),
        Prefetch("photos", queryset=PropertyPhoto.objects.order_by("position", "pk")),
    )


def property_list_public(filters: CatalogueFilters):
    """Public properties matching the filters (open ones when no status is chosen)."""
    queryset = Property.objects.public()
    queryset = queryset.filter(status=filters.status) if filters.status else queryset.filter(
        status__in=Property.OPEN_STATUSES
    )
    if filters.country:
        queryset = queryset.filter(municipality__country_id=filters.country)
    if filters.municipality:
        queryset = queryset.filter(municipality__slug=filters.municipality)
    if filters.type:
        queryset = queryset.filter(property_type=filters.type)
    if filters.condition:
        queryset = queryset.filter(condition=filters.condition)
    if filters.min_area is not None:
        queryset = queryset.filter(floor_area__gte=filters.min_area)
    if filters.max_area is not None:
        queryset = queryset.filter(floor_area__lte=filters.max_area)
    if filters.use:
        queryset = queryset.filter(tagged_suitable_uses__tag__slug=filters.use)
    if filters.q and (folded := fold(filters.q)):
        queryset = queryset.filter(Q(search_text__contains=folded) | Q(municipality__search_text__contains=folded))
    return _with_cards(queryset.order_by(*CATALOGUE_SORTS[filters.sort]))


def property_by_public_reference(public_reference: str):
    """The property of `<office slug>--<reference>`, or None."""
    amo_slug, separator, reference = public_reference.partition("--")
    if not separator:
        return None
    return (
        _with_cards(Property.objects.filter(amo__slug=amo_slug, reference=reference))
        .select_related("amo__country", "municipality__country")
        .prefetch_related("documents")
        .first()
    )


def property_list_for_office(*, amo, status: str = "", archived: bool = False):
    """The officer's working list of the office's properties."""
    queryset = Property.objects.of_office(amo).filter(archived_at__isnull=not archived)
    if status:
        queryset = queryset.filter(status=status)
    return queryset.select_related("municipality").annotate(photo_count=Count("photos")).order_by("-updated_at", "-pk")


def property_history(*, property, public: bool = False):
    """The property's events; the public timeline keeps only the status changes after publication."""
    events = PropertyEvent.objects.filter(property=property).select_related("actor")
    if public:
        events = events.exclude(to_status="").exclude(to_status=Property.Status.DRAFT).exclude(
            action__in=["withdraw"]
        )
    return events


def office_counts(*, amo=None) -> dict[str, int]:
    """Counts of public properties by status: live for an office's page; for the whole region (the home
    page) cached for a minute under the catalogue's version, which every property change bumps. Counting
    tens of thousands of rows on every visit to the home page was its whole cost."""
    if amo is None:
        key = f"reuse_projects:counts:{catalogue_version()}"
        counts = cache.get(key)
        if counts is None:
            counts = _counts(Property.objects.public())
            cache.set(key, counts, timeout=60)
        return counts
    return _counts(Property.objects.public().filter(amo=amo))


def _counts(queryset) -> dict[str, int]:
    counts = dict(queryset.values_list("status").annotate(n=Count("status")).order_by())
    return {status: counts.get(status, 0) for status in Property.PUBLIC_STATUSES}
