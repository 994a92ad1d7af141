"""Every read of properties, shaped for the page that needs it (no query per row)."""

import logging
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.cache import cache
from django.db.models import Case, Count, FloatField, IntegerField, Prefetch, Q, Value, When

from network.models import Municipality
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
# Without a chosen order: the search's best matches first, or the nearest first when a place is given.
RELEVANCE_ORDER = ("search_rank", "-published_at", "-pk")
DISTANCE_ORDER = ("distance_km", "pk")
NEWEST_ORDER = CATALOGUE_SORTS["newest"]
DISTANCES_KM = (5, 10, 30, 50, 100)
DEFAULT_DISTANCE_KM = 30
# How many of the search engine's matches the catalogue takes, best first, in one request (the engines'
# largest page). Beyond the cap the page says that only the best matches are listed.
MAX_SEARCH_MATCHES = 500

logger = logging.getLogger(__name__)


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
    near: str = ""  # a municipality, by slug or by name in any script (resolved by `place_named`)
    km: int = DEFAULT_DISTANCE_KM
    sort: str = ""  # "" = best match first with words, nearest first with a place, else newest

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
        filters.sort = choice("sort", set(CATALOGUE_SORTS))
        def text(name, length):
            # PostgreSQL refuses NUL characters in any string: they can never be part of a match.
            return " ".join((params.get(name) or "").replace("\x00", "").split())[:length]

        filters.municipality = text("municipality", 140)
        filters.use = text("use", 100)
        filters.q = text("q", 200)
        filters.near = text("near", 120)
        raw_km = (params.get("km") or "").strip()
        if raw_km:
            if raw_km in {str(km) for km in DISTANCES_KM}:
                filters.km = int(raw_km)
            else:
                ignored.append("km")
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


@dataclass(frozen=True)
class Place:
    """A municipality's centre, for the distance filter."""

    name: str
    latitude: Decimal
    longitude: Decimal


def place_named(text: str) -> Place | None:
    """The municipality called `text`: its slug, or one of its names (local, GeoNames or alternate) in any
    script or diacritics ("tirana", "Тирана", "Tiranë"). The most populous one when several share the
    name. None when nothing is called so."""
    folded = fold(text)
    if not folded:
        return None
    # `search_text` is the folded names joined by " | ": a whole name, not a part of one, must match.
    whole_name = (Q(search_text=folded) | Q(search_text__startswith=f"{folded} | ")
                  | Q(search_text__endswith=f" | {folded}") | Q(search_text__contains=f" | {folded} | "))
    found = (Municipality.objects.filter(Q(slug=text.strip().lower()) | whole_name)
             .order_by("-population", "pk").values_list("name", "latitude", "longitude").first())
    return Place(*found) if found else None


@dataclass
class CatalogueResults:
    """The catalogue's properties for a filter state, and what the page must say about how they were found:
    `search_limited` when the search engine could not answer (plain title matching was used instead, without
    the distance filter), `capped` when more matched than the catalogue lists, `suggestion` when no property
    matched the words as typed and the engine's correction of them was used."""

    properties: object  # a queryset of Property
    search_limited: bool = False
    capped: bool = False
    suggestion: str = ""


def _search_engine_matches(filters: CatalogueFilters, place: Place | None):
    """The ids of the properties the search engine finds for the words and the place, best (or nearest)
    first, with their distances: ([id, ...], {id: km}, capped, suggestion). Raises SearchUnavailable.

    The catalogue uses the platform's search (issue 7) so that the box matches as the search page does
    (diacritics, script, prefixes, typos) and so that distances come from the index, which holds only
    public points: a property whose location is hidden has none there and is never placed by distance.
    Imported here, not at the top: `search` depends on this app (network <- reuse_projects <- search), and
    this read of it, which the issue asks for, is the one accepted exception to that direction.
    """
    from search.api import search
    from search.contract import Query

    query = Query(
        text=filters.q, kinds=("property",), country=filters.country, property_type=filters.type,
        status=filters.status, near=(place.latitude, place.longitude, float(filters.km)) if place else None,
        page_size=MAX_SEARCH_MATCHES,
    )
    results = search(query)
    ids, distances = [], {}
    for hit in results.hits:
        kind, _, pk = hit.key.partition(":")
        if kind == "property" and pk.isdigit():
            ids.append(int(pk))
            distances[int(pk)] = hit.distance_km
    return ids, distances, results.total > MAX_SEARCH_MATCHES, results.suggestion


def property_search_public(filters: CatalogueFilters, *, place: Place | None = None) -> CatalogueResults:
    """Public properties matching the filters (open ones when no status is chosen).

    Words in the search box and a place (`place`, resolved from `filters.near`) go to the search engine;
    every other filter, the order and the pagination stay here, on the catalogue's own queryset. Matching
    of the words is the engine's, widened by the plain match on reference and titles that the catalogue
    always had: references are not in the index, and a property just published is found before the
    indexing worker has caught up. With a place, only what the engine placed within the distance is listed.
    """
    from search.backends import SearchUnavailable  # see _search_engine_matches for why it is imported here
    from search.text import query_words

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
    folded = fold(filters.q) if filters.q else ""
    plain_match = Q(search_text__contains=folded) | Q(municipality__search_text__contains=folded)
    results = CatalogueResults(properties=None)
    order = CATALOGUE_SORTS.get(filters.sort, NEWEST_ORDER)
    if place is not None or query_words(filters.q):
        try:
            ids, distances, results.capped, results.suggestion = _search_engine_matches(filters, place)
        except SearchUnavailable:
            logger.warning("Search engine unavailable: the catalogue matches titles only")
            results.search_limited = True
            if folded:
                queryset = queryset.filter(plain_match)
        else:
            ranks = [When(pk=pk, then=Value(rank)) for rank, pk in enumerate(ids)]
            queryset = queryset.annotate(
                search_rank=Case(*ranks, default=Value(len(ids)), output_field=IntegerField()) if ids
                else Value(0, output_field=IntegerField())
            )
            if place is not None:
                queryset = queryset.filter(pk__in=ids).annotate(distance_km=Case(
                    *[When(pk=pk, then=Value(distances[pk])) for pk in ids if distances.get(pk) is not None],
                    default=Value(None), output_field=FloatField(),
                ))
                order = order if filters.sort else DISTANCE_ORDER
            else:
                queryset = queryset.filter(Q(pk__in=ids) | plain_match)
                order = order if filters.sort else RELEVANCE_ORDER
    elif folded:
        queryset = queryset.filter(plain_match)
    results.properties = _with_cards(queryset.order_by(*order))
    return results


def property_list_public(filters: CatalogueFilters, *, place: Place | None = None):
    """Public properties matching the filters, as a queryset (see `property_search_public`)."""
    return property_search_public(filters, place=place).properties


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
