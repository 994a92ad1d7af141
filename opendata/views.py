"""The open data page (`/<lang>/open-data/`): the datasets, the licence, the API, the bulk downloads;
the downloads themselves and their Frictionless Data Package descriptor.

A download that is fresh (built from the dataset's current version) is served at once. One that is
stale is served too, with `X-Dataset-Status: stale` (and a rebuild queued in the background); when
there is no file yet, the answer is 503 with Retry-After and a page saying it is being prepared.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from network.emails import absolute_url

from . import datasets, exports
from .licence import ATTRIBUTION, LICENSE_TITLE, LICENSE_URL, license_member

DATASET_LABELS = {
    "properties": _("Properties"),
    "calls": _("Calls for proposals"),
    "decisions": _("Decisions"),
    "projects": _("Re-use projects"),
    "results": _("Results reports"),
    "organisations": _("Organisations"),
}
DATASET_DESCRIPTIONS = {
    "properties": _("Confiscated and seized properties offered for social re-use: type, size, condition, "
                    "status, suitable uses and the public location (a point only where the office makes it "
                    "public)."),
    "calls": _("Published calls for proposals: the office, when they open and close, the properties, the "
               "evaluation criteria with their weights and who may apply."),
    "decisions": _("Confirmed decisions giving a property to a civil society organisation, with the date and "
                   "the weighted score."),
    "projects": _("Active and completed re-use projects: the organisations that run them, the use, the "
                  "thematic areas, the dates, the accepted reports and the people served."),
    "results": _("Accepted results reports: people served by target group, jobs, volunteers, events, "
                 "services, income reinvested, the narrative and lessons learned."),
    "organisations": _("Verified civil society organisations and their public profile (no personal contact "
                       "data)."),
}
FORMAT_LABELS = {"csv": "CSV", "json": "JSON", "geojson": "GeoJSON"}
RETRY_AFTER_SECONDS = 60


def _enqueue(dataset: str, format: str, version: str) -> None:
    """Queue one build per dataset version (a second visitor does not queue it again)."""
    from .tasks import build_export

    if cache.add(f"opendata:building:{dataset}.{format}:{version}", True, timeout=600):
        build_export.enqueue(dataset=dataset, format=format)


def _downloads():
    files = []
    for dataset, format in exports.all_files():
        meta = exports.read_meta(dataset.name, format)
        files.append({
            "dataset": dataset.name,
            "format": format,
            "label": FORMAT_LABELS[format],
            "url": reverse("opendata:download", kwargs={"dataset": dataset.name, "format": format}),
            "size": meta["size"] if meta else None,
            "generated_at": parse_datetime(meta["generated_at"]) if meta else None,
        })
    return files


@require_safe
def index(request):
    files = _downloads()
    api_base = absolute_url("/api/v1/")
    rows = [{
        "name": name,
        "label": DATASET_LABELS[name],
        "description": DATASET_DESCRIPTIONS[name],
        "endpoint": f"{api_base}{name}/",
        "filters": [param.name for param in datasets.DATASETS[name].params],
        "files": [f for f in files if f["dataset"] == name],
    } for name in datasets.DATASETS]
    return render(request, "opendata/index.html", {
        "datasets": rows,
        "api_base": api_base,
        "schema_url": absolute_url(reverse("opendata_api:schema")) + "?format=json",
        "impact_endpoint": f"{api_base}impact/",
        "license_url": LICENSE_URL,
        "license_title": LICENSE_TITLE,
        "attribution": ATTRIBUTION,
        "page_url": absolute_url(request.path),
        "rate_limit": settings.API_RATE_LIMIT,
        "datapackage_url": reverse("opendata:datapackage"),
    })


@require_safe
def download(request, dataset, format):
    if dataset not in datasets.DATASETS or format not in datasets.formats_of(datasets.DATASETS[dataset]):
        raise Http404
    version = datasets.DATASETS[dataset].version().tag
    fresh = exports.is_fresh(dataset, format, version)
    if not fresh:
        _enqueue(dataset, format, version)
        # A task backend that runs at once (development, tests) has built it by now.
        fresh = exports.is_fresh(dataset, format, version)
    meta = exports.read_meta(dataset, format)
    if meta is None:
        response = render(request, "opendata/preparing.html", {
            "label": DATASET_LABELS[dataset], "format": FORMAT_LABELS[format], "retry": RETRY_AFTER_SECONDS,
            "url": request.path,
        }, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    response = FileResponse(
        default_storage.open(exports.file_name(dataset, format), "rb"),
        content_type=datasets.FORMATS[format], as_attachment=True, filename=f"{dataset}.{format}",
    )
    response["Link"] = f'<{LICENSE_URL}>; rel="license"'
    response["Last-Modified"] = http_date(parse_datetime(meta["generated_at"]).timestamp())
    response["X-Dataset-Version"] = meta["version"]
    if not fresh:
        response["X-Dataset-Status"] = "stale; a newer file is being prepared"
        response["Cache-Control"] = "no-cache"
    else:
        response["X-Dataset-Status"] = "fresh"
        response["Cache-Control"] = "public, max-age=300"
    return response


@require_safe
def datapackage(request):
    """A Frictionless Data Package descriptor listing every download with its licence."""
    resources = []
    for dataset, format in exports.all_files():
        meta = exports.read_meta(dataset.name, format)
        resource = {
            "name": f"{dataset.name}-{format}",
            "title": f"{dataset.title} ({FORMAT_LABELS[format]})",
            "description": dataset.description,
            "path": absolute_url(reverse("opendata:download", kwargs={"dataset": dataset.name, "format": format})),
            "format": format,
            "mediatype": datasets.FORMATS[format].split(";")[0],
            "encoding": "utf-8",
            "licenses": [license_member()],
        }
        if format == "json" or format == "geojson":
            resource["profile"] = "data-resource"
        else:
            resource["profile"] = "tabular-data-resource"
            resource["dialect"] = {"delimiter": ",", "header": True}
            resource["schema"] = {"fields": [{"name": column, "type": "any"}
                                             for column in exports.csv_columns(dataset.serializer())]}
        if meta:
            resource["bytes"] = meta["size"]
            resource["created"] = meta["generated_at"]
        resources.append(resource)
    package = {
        "profile": "data-package",
        "name": "reuse-network-open-data",
        "title": "Re-use network open data",
        "description": "Public data of the regional network for the social re-use of confiscated assets.",
        "homepage": absolute_url(reverse("opendata:index")),
        "licenses": [license_member()],
        "contributors": [{"title": ATTRIBUTION, "role": "publisher"}],
        "resources": resources,
    }
    response = JsonResponse(package, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Link"] = f'<{LICENSE_URL}>; rel="license"'
    return response


app_name = "opendata"

urlpatterns = [
    path("", index, name="index"),
    path("datapackage.json", datapackage, name="datapackage"),
    path("download/<slug:dataset>.<slug:format>", download, name="download"),
]
