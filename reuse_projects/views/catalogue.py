"""The public catalogue: the list, the map (and its GeoJSON), a property's page and its documents.

Every location shown here comes from `privacy.public_location()`, never from the model's fields.
Filters come from `selectors.CatalogueFilters.from_query()` so that the list, the map page and the map
data all read the same parameter names (country, municipality, type, status, min_area, max_area,
condition, use, q, near, km, sort, page). Words and a place ("within 30 km of Tirana") are matched by the
platform's search (see `selectors.property_search_public`); when it cannot answer the pages still work and
say that search is limited.
"""

import json
from hashlib import md5
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django_countries import countries

from network.models import Municipality
from network.query_filters import page_of
from network.storage import private_file_response

from .. import permissions, selectors
from ..cache import catalogue_version
from ..models import Property
from ..privacy import public_location
from ..suitable_uses import SUITABLE_USE_LABELS, SUITABLE_USES

PAGE_SIZE = 24
MAP_TABLE_PAGE_SIZE = 100
# A safety cap for the map data; far above any office's register today.
MAP_MAX_FEATURES = 5000

# What each query parameter is called on the page, to explain an ignored value.
PARAMETER_LABELS = {
    "country": gettext_lazy("country"),
    "municipality": gettext_lazy("municipality"),
    "type": gettext_lazy("type"),
    "status": gettext_lazy("status"),
    "min_area": gettext_lazy("smallest floor area"),
    "max_area": gettext_lazy("largest floor area"),
    "condition": gettext_lazy("condition"),
    "use": gettext_lazy("suitable use"),
    "sort": gettext_lazy("order"),
    "page": gettext_lazy("page"),
    "near": gettext_lazy("place"),
    "km": gettext_lazy("distance"),
}
SORT_LABELS = [
    ("", gettext_lazy("Best match (nearest first near a place)")),
    ("newest", gettext_lazy("Newest first")),
    ("area", gettext_lazy("Floor area, smallest first")),
    ("-area", gettext_lazy("Floor area, largest first")),
    ("municipality", gettext_lazy("Municipality")),
]
FILTER_PARAMETERS = ("country", "municipality", "type", "status", "min_area", "max_area", "condition", "use", "q",
                     "near", "km")


def _municipality_choices(country: str):
    """Municipalities (of `country`, when chosen) that have public properties: the select's options.

    A select rather than a free-text box: a visitor sees only places where there is something to
    find, the value is the stable slug (shareable, unambiguous across scripts), and it costs one query.
    """
    # EXISTS per municipality (an index probe each) rather than DISTINCT over every property.
    public_here = Property.objects.filter(
        municipality=OuterRef("pk"), status__in=Property.PUBLIC_STATUSES, archived_at__isnull=True
    )
    queryset = Municipality.objects.filter(Exists(public_here))
    if country:
        queryset = queryset.filter(country_id=country)
    return list(queryset.order_by("country_id", "name").values_list("slug", "name", "country_id"))


def _catalogue_state(request):
    """The filters of the request, with values that do not apply dropped and reported, the municipalities
    to choose from and the place of the distance filter (None without one, or for a name no municipality
    has: that one is reported as ignored)."""
    filters, ignored = selectors.CatalogueFilters.from_query(request.GET)
    if filters.use and filters.use not in SUITABLE_USE_LABELS:
        filters.use = ""
        ignored.append("use")
    if filters.min_area is not None and filters.max_area is not None and filters.min_area > filters.max_area:
        filters.max_area = None
        ignored.append("max_area")
    municipalities = _municipality_choices(filters.country)
    if filters.municipality and filters.municipality not in {slug for slug, _name, _c in municipalities}:
        filters.municipality = ""
        ignored.append("municipality")
    place = selectors.place_named(filters.near) if filters.near else None
    if filters.near and place is None:
        filters.near = ""
        ignored.append("near")
    if not filters.near:
        filters.km = selectors.DEFAULT_DISTANCE_KM
    return filters, ignored, municipalities, place


def _query_string(filters, *, without=("page",)) -> str:
    """The filter state as a stable, shareable query string (defaults left out)."""
    query = QueryDict(mutable=True)
    for name in FILTER_PARAMETERS:
        value = getattr(filters, name)
        if value not in ("", None) and name not in without:
            query[name] = str(value)
    if not filters.near or filters.km == selectors.DEFAULT_DISTANCE_KM:
        query.pop("km", None)
    if filters.sort and "sort" not in without:
        query["sort"] = filters.sort
    return query.urlencode()


def countries_by_code() -> dict[str, str]:
    """The six countries' names in the current language, looked up once per request."""
    return {code: str(countries.name(code)) for code in settings.COUNTRIES_ONLY}


def _form_context(filters, ignored, municipalities):
    country_names = countries_by_code()
    return {
        "filters": filters,
        "ignored": [str(PARAMETER_LABELS.get(name, name)) for name in dict.fromkeys(ignored)],
        "country_choices": list(country_names.items()),
        "municipality_choices": [
            (slug, name if filters.country else f"{name} ({country_names.get(country, country)})")
            for slug, name, country in municipalities
        ],
        "type_choices": Property.Type.choices,
        "status_choices": [(value, label) for value, label in Property.Status.choices
                           if value in Property.PUBLIC_STATUSES],
        "condition_choices": Property.Condition.choices,
        "use_choices": [(slug, str(label)) for slug, label in SUITABLE_USES],
        "sort_choices": SORT_LABELS,
        "distance_choices": selectors.DISTANCES_KM,
        "place_names": sorted({name for _slug, name, _country in municipalities}),
        "min_area": "" if filters.min_area is None else f"{filters.min_area.normalize():f}",
        "max_area": "" if filters.max_area is None else f"{filters.max_area.normalize():f}",
        "query": _query_string(filters),
    }


def visitor_cache_key(request, kind: str, filters, *extra: str, version: str = "") -> str | None:
    """Key of an answer that every visitor (not signed in) with these filters receives alike, tied to
    the data's version (the catalogue's unless `version` is given) so that any recorded change drops
    it. None for signed-in people, whose answers depend on who they are (exact locations, documents)."""
    if request.user.is_authenticated:
        return None
    state = urlencode(sorted((k, str(v)) for k, v in vars(filters).items() if v not in ("", None)))
    digest = md5("|".join([state, *extra]).encode()).hexdigest()
    return f"{kind}:{version or catalogue_version()}:{get_language()}:{digest}"


def paginate(request, queryset, size, ignored):
    """The page of `?page=` (see `network.query_filters.page_of`)."""
    return page_of(queryset, size, request.GET.get("page", ""), ignored)


def search_notices(results, filters) -> list[str]:
    """What the page says about how the properties were found (see `selectors.CatalogueResults`)."""
    notices = []
    if results.search_limited:
        notices.append(_("Search is limited right now: words are matched in titles and references only, and the "
                         "distance filter is not applied. Please try again in a few minutes."))
    if results.suggestion:
        notices.append(_("No property matches “%(typed)s”: showing properties matching “%(suggestion)s”.")
                       % {"typed": filters.q, "suggestion": results.suggestion})
    if results.capped:
        notices.append(_("Many properties match: the %(count)s best matches are listed. Add words or filters to "
                         "narrow the search.") % {"count": selectors.MAX_SEARCH_MATCHES})
    return notices


def _with_locations(properties, user):
    """Each property with `location` (what this viewer may know) and `country_name`."""
    country_names = countries_by_code()
    for item in properties:
        item.location = public_location(item, user)
        item.country_name = country_names.get(item.location.country, item.location.country)
    return properties


@require_GET
def property_list(request):
    """The catalogue. The results (count, cards, pagination) that visitors receive are rendered once
    per filter state and page, and cached for a minute in the shared cache (see visitor_cache_key)."""
    filters, ignored, municipalities, place = _catalogue_state(request)
    cache_key = visitor_cache_key(request, "reuse_projects:list", filters, request.GET.get("page", ""))
    results = cache.get(cache_key) if cache_key else None
    if results is None:
        page_ignored = []
        found = selectors.property_search_public(filters, place=place)
        page = paginate(request, found.properties, PAGE_SIZE, page_ignored)
        _with_locations(page.object_list, request.user)
        html = render_to_string(
            "reuse_projects/catalogue/_results.html",
            {"page": page, "query": _query_string(filters), "place": place,
             "search_notices": search_notices(found, filters)},
            request,
        )
        results = {"html": html, "page_ignored": bool(page_ignored)}
        # A limited answer (search engine down) is not kept: the next visitor gets the full one when it is back.
        if cache_key and not found.search_limited:
            cache.set(cache_key, results, timeout=60)
    if results["page_ignored"]:
        ignored.append("page")
    context = _form_context(filters, ignored, municipalities)
    context.update({"results_html": mark_safe(results["html"]), "map_query": _query_string(filters)})
    return render(request, "reuse_projects/catalogue/property_list.html", context)


@require_GET
def property_map(request):
    """The same filters on a map, with a table of the same results for people who cannot use the map."""
    filters, ignored, municipalities, place = _catalogue_state(request)
    found = selectors.property_search_public(filters, place=place)
    page = paginate(request, found.properties.prefetch_related(None), MAP_TABLE_PAGE_SIZE, ignored)
    _with_locations(page.object_list, request.user)
    context = _form_context(filters, ignored, municipalities)
    context.update({
        "page": page,
        "place": place,
        "search_notices": search_notices(found, filters),
        "map_tile_url": settings.MAP_TILE_URL,
        "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    })
    return render(request, "reuse_projects/catalogue/property_map.html", context)


@require_GET
def property_map_data(request):
    """GeoJSON of the filtered results. A hidden property has no feature; an approximate one the
    municipality's centre (unless this viewer may see it exactly).

    What a visitor (not signed in) receives is the same for everyone with the same filters: it is
    cached for a minute in the shared cache, keyed by the catalogue's version, which every change of
    a property bumps."""
    filters, _ignored, _municipalities, place = _catalogue_state(request)
    cache_key = visitor_cache_key(request, "reuse_projects:map", filters)
    cached = cache.get(cache_key) if cache_key else None
    if cached is not None:
        return geojson_response(cached)
    found = selectors.property_search_public(filters, place=place)
    # Only the columns a marker needs: thousands of rows are read, not one page of cards.
    queryset = found.properties.prefetch_related(None).only(
        "reference", "title", "title_en", "property_type", "status", "address", "latitude", "longitude",
        "location_privacy",
        "amo__slug", "municipality__name", "municipality__latitude", "municipality__longitude",
        "municipality__country_id",
    )[:MAP_MAX_FEATURES]
    # One reverse() for all markers: the URL differs only in the reference.
    url_pattern = reverse("reuse_projects:property_detail", kwargs={"reference": "REFERENCE"})
    # Labels translated once, not per marker (get_FOO_display() re-translates every choice per call).
    type_labels = {value: str(label) for value, label in Property.Type.choices}
    status_labels = {value: str(label) for value, label in Property.Status.choices}
    features = []
    for item in queryset:
        location = public_location(item, request.user)
        if not location.has_point:
            continue
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(location.longitude), float(location.latitude)]},
            "properties": {
                "title": item.display_title,
                "url": url_pattern.replace("REFERENCE", f"{item.amo.slug}--{item.reference}"),
                "municipality": location.municipality,
                "type": type_labels.get(item.property_type, item.property_type),
                "status": status_labels.get(item.status, item.status),
                "precision": location.precision,
            },
        })
    content = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode()
    if cache_key is not None and not found.search_limited:
        cache.set(cache_key, content, timeout=60)
    return geojson_response(content)


def geojson_response(content: bytes) -> HttpResponse:
    response = HttpResponse(content, content_type="application/geo+json")
    # What a viewer receives depends on who they are: never share it between viewers.
    response["Cache-Control"] = "private, max-age=60"
    response["Vary"] = "Cookie"
    return response


def _viewable_property(request, reference):
    item = selectors.property_by_public_reference(reference)
    if item is None or not permissions.can_view_property(request.user, item):
        raise Http404
    return item


@require_GET
def property_detail(request, reference):
    item = _viewable_property(request, reference)
    location = public_location(item, request.user)
    documents = list(item.documents.all())
    visible_documents = [d for d in documents if permissions.can_view_document(request.user, d)]
    context = {
        "property": item,
        "location": location,
        "country_name": countries.name(location.country),
        "photos": list(item.photos.all()),
        "suitable_uses": [tagged.tag.label for tagged in item.tagged_suitable_uses.all()],
        "documents": visible_documents,
        "more_documents": len(documents) > len(visible_documents),
        "timeline": selectors.property_history(property=item, public=True),
        # Where the property went after the decision: its latest public re-use project, if any.
        "reuse_project": item.reuse_projects.public().order_by("-start_date", "-pk").first(),
        "is_open": item.status in Property.OPEN_STATUSES,
        "is_verified_cso": permissions.is_in_verified_cso(request.user),
        "can_manage": permissions.can_manage_property(request.user, item),
        "contact_email": item.contact_email or item.amo.email,
        "contact_phone": item.contact_phone or item.amo.phone,
        "map_tile_url": settings.MAP_TILE_URL,
        "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }
    return render(request, "reuse_projects/catalogue/property_detail.html", context)


@require_GET
def property_document(request, reference, document_id):
    """A document of a property, streamed after the permission check (private storage has no URL)."""
    item = _viewable_property(request, reference)
    document = next((d for d in item.documents.all() if d.pk == document_id), None)
    if document is None or not permissions.can_view_document(request.user, document):
        raise Http404(_("No such document, or it is not available to you."))
    return private_file_response(document.file, download=request.GET.get("download") == "1")


urlpatterns = [
    path("properties/", property_list, name="property_list"),
    path("properties/map/", property_map, name="property_map"),
    path("properties/map.geojson", property_map_data, name="property_map_data"),
    path("properties/<str:reference>/", property_detail, name="property_detail"),
    path("properties/<str:reference>/documents/<int:document_id>/", property_document, name="property_document"),
]
