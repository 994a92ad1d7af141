"""The public showcase of re-use projects (list and map, a project's story) and the impact page.

What the public sees: active and completed projects, their accepted reports, the public photos and the
published posts; every location through `reuse_projects.privacy.public_location()`. Filters have stable
names (country, use, theme, status, page); values that do not apply are ignored with a notice. Each page
runs a fixed number of queries whatever the data.
"""

import json
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from django_countries import countries

from network.thematic_areas import THEMATIC_AREAS
from reuse_projects.cache import catalogue_version
from reuse_projects.permissions import can_view_property
from reuse_projects.privacy import public_location
from reuse_projects.suitable_uses import SUITABLE_USES
from reuse_projects.views.catalogue import countries_by_code, geojson_response, paginate, visitor_cache_key

from .. import permissions, selectors
from ..cache import showcase_version
from ..models import ReuseProject

PAGE_SIZE = 24
MAP_MAX_FEATURES = 5000

PARAMETER_LABELS = {
    "country": gettext_lazy("country"),
    "use": gettext_lazy("type of use"),
    "theme": gettext_lazy("thematic area"),
    "status": gettext_lazy("status"),
    "page": gettext_lazy("page"),
}


def _map_features(filters, user, country_names) -> list[dict]:
    """One marker per project this viewer may locate: exact point, municipality centre, or none."""
    url_pattern = reverse("projects:project_detail", kwargs={"pk": 0}).replace("/0/", "/PK/")
    status_labels = {value: str(label) for value, label in ReuseProject.Status.choices}
    features = []
    for project in selectors.project_map_rows(filters, limit=MAP_MAX_FEATURES):
        location = public_location(project.property, user)
        if not location.has_point:
            continue
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(location.longitude), float(location.latitude)]},
            # The keys the property map's popups read (site/static/js/property-map.js): "type" is the use.
            "properties": {
                "title": project.title,
                "url": url_pattern.replace("/PK/", f"/{project.pk}/"),
                "municipality": location.municipality,
                "country": country_names.get(location.country, location.country),
                "type": project.use_label,
                "status": status_labels.get(project.status, project.status),
                "precision": location.precision,
            },
        })
    return features


@require_GET
def project_list(request):
    filters, ignored = selectors.ShowcaseFilters.from_query(request.GET)
    page = paginate(request, selectors.project_ids_public(filters), PAGE_SIZE, ignored)
    page.object_list = selectors.project_cards(list(page.object_list))
    country_names = countries_by_code()
    selectors.with_thumbnails(page.object_list)
    for project in page.object_list:
        project.location = public_location(project.property, request.user)
        project.country_name = country_names.get(project.location.country, project.location.country)
    query = urlencode(filters.as_query())
    context = {
        "page": page,
        "filters": filters,
        "ignored": [str(PARAMETER_LABELS.get(name, name)) for name in dict.fromkeys(ignored)],
        "query": query,
        "country_choices": list(country_names.items()),
        "use_choices": [(slug, str(label)) for slug, label in SUITABLE_USES],
        "theme_choices": [(slug, str(label)) for slug, label in THEMATIC_AREAS],
        "status_choices": [(value, label) for value, label in ReuseProject.Status.choices
                           if value in ReuseProject.PUBLIC_STATUSES],
        "map_tile_url": settings.MAP_TILE_URL,
        "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }
    return render(request, "projects/public/project_list.html", context)


@require_GET
def project_map_data(request):
    """GeoJSON of the filtered projects, fetched by the list's map. What a visitor (not signed in)
    receives is the same for everyone with the same filters: it is cached for a minute, keyed by the
    showcase's and the catalogue's versions, which every public change bumps."""
    filters, _ignored = selectors.ShowcaseFilters.from_query(request.GET)
    version = f"{showcase_version()}.{catalogue_version()}"
    cache_key = visitor_cache_key(request, "projects:map", filters, version=version)
    content = cache.get(cache_key) if cache_key else None
    if content is None:
        features = _map_features(filters, request.user, countries_by_code())
        content = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode()
        if cache_key:
            cache.set(cache_key, content, timeout=60)
    return geojson_response(content)


@require_GET
def project_detail(request, pk):
    project = selectors.project_for_page(pk)
    if project is None or not permissions.can_view_project(request.user, project):
        raise Http404
    location = public_location(project.property, request.user)
    reports = selectors.accepted_reports(project)
    series = selectors.results_series(reports)
    charts = [
        {"id": f"chart-{indicator['key']}", "label": indicator["label"],
         "data": {"type": "line" if len(reports) > 1 else "bar", "labels": series["labels"],
                  "datasets": [{"label": indicator["label"], "data": indicator["values"]}]}}
        for indicator in series["indicators"]
    ]
    rows = [
        {"period_start": report.period_start, "period_end": report.period_end,
         "values": [getattr(report, key) for key, _label in selectors.INDICATORS]}
        for report in reports
    ]
    context = {
        "project": project,
        "location": location,
        "country_name": countries.name(location.country),
        "property_is_public": can_view_property(request.user, project.property),
        "thematic_areas": [area.label for area in project.thematic_areas.all()],
        "partners": list(project.partners.all()),
        "before_photos": selectors.before_photos(project),
        "after_photos": selectors.after_photos(reports),
        "indicator_labels": [label for _key, label in selectors.INDICATORS],
        "rows": rows,
        "reports": reports,
        "charts": charts,
        "timeline": selectors.public_timeline(project),
        "posts": selectors.published_posts(project),
        "can_manage": permissions.can_see_project_workspace(request.user, project),
        "map_tile_url": settings.MAP_TILE_URL,
        "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }
    return render(request, "projects/public/project_detail.html", context)


FIGURE_ROWS = [
    ("properties_available", gettext_lazy("Properties available")),
    ("properties_under_call", gettext_lazy("Properties under a call for proposals")),
    ("properties_in_reuse", gettext_lazy("Properties in social re-use")),
    ("projects_active", gettext_lazy("Active projects")),
    ("projects_completed", gettext_lazy("Completed projects")),
    ("reports_accepted", gettext_lazy("Accepted results reports")),
    ("people_served", gettext_lazy("People served")),
    ("jobs_created", gettext_lazy("Jobs created")),
    ("volunteers", gettext_lazy("Volunteers")),
    ("events_delivered", gettext_lazy("Events delivered")),
    ("services_delivered", gettext_lazy("Services delivered")),
    ("income_reinvested_eur", gettext_lazy("Income reinvested (EUR)")),
]


@require_GET
def impact(request):
    figures = selectors.impact_figures()
    country_labels = [country["name"] for country in figures["countries"]]
    table = [
        {"key": key, "label": label, "region": figures["region"][key],
         "countries": [country[key] for country in figures["countries"]]}
        for key, label in FIGURE_ROWS
    ]
    charts = {
        "properties": {
            "type": "bar", "stacked": True, "labels": country_labels,
            "datasets": [
                {"label": str(label), "data": [country[key] for country in figures["countries"]]}
                for key, label in FIGURE_ROWS[:3]
            ],
        },
        "results": {
            "type": "bar", "labels": country_labels,
            "datasets": [
                {"label": str(label), "data": [country[key] for country in figures["countries"]]}
                for key, label in FIGURE_ROWS[6:11]
            ],
        },
        "groups": {
            "type": "bar", "horizontal": True, "labels": [g["label"] for g in figures["people_by_target_group"]],
            "datasets": [{"label": str(FIGURE_ROWS[6][1]),
                          "data": [g["people"] for g in figures["people_by_target_group"]]}],
        },
        "decisions": {
            "type": "bar", "horizontal": True,
            "labels": [o["name"] for o in figures["offices"] if o["median_days_to_decision"] is not None],
            "datasets": [{"label": str(gettext_lazy("Median days from publication to decision")),
                          "data": [o["median_days_to_decision"] for o in figures["offices"]
                                   if o["median_days_to_decision"] is not None]}],
        },
    }
    context = {
        "figures": figures,
        "table": table,
        "country_labels": country_labels,
        "country_names": dict(zip([c["code"] for c in figures["countries"]], country_labels, strict=True)),
        "charts": charts,
    }
    return render(request, "projects/public/impact.html", context)


urlpatterns = [
    path("projects/", project_list, name="project_list"),
    path("projects/map.geojson", project_map_data, name="project_map_data"),
    path("projects/<int:pk>/", project_detail, name="project_detail"),
    path("impact/", impact, name="impact"),
]
