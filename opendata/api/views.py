"""The read-only open data API (`/api/v1/`): lists and details of each dataset, and the impact figures.

Every answer carries an `ETag` (the dataset's version, the path and the query) and `Last-Modified`; a
request whose `If-None-Match` (or, without it, `If-Modified-Since`) matches gets a 304 before any list
query runs, and the answer for an ETag is built once and shared through the cache. Parameters are
checked first: anything unknown or malformed is a 400 naming it.
"""

import hashlib

from django.core.cache import cache
from django.core.paginator import EmptyPage, Paginator
from django.utils import translation
from django.utils.http import http_date, parse_http_date_safe
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from .. import datasets
from . import params as p
from .errors import BadParameterSerializer, ErrorSerializer
from .serializers import ImpactSerializer

ERROR_RESPONSES = {
    400: OpenApiResponse(BadParameterSerializer, description="A parameter is unknown or malformed."),
    404: OpenApiResponse(ErrorSerializer, description="No such object, or a page past the last one."),
    429: OpenApiResponse(ErrorSerializer, description="Too many requests; see the Retry-After header."),
}
NOT_MODIFIED = {304: OpenApiResponse(None, description="Not modified since the ETag or date given.")}


def etag_for(version: datasets.Version, request, name: str) -> str:
    digest = hashlib.sha256(f"{name}|{version.tag}|{request.get_full_path()}".encode()).hexdigest()[:40]
    return f'"{digest}"'


def not_modified(request, etag: str, last_modified: int) -> bool:
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
        return etag in tags or "*" in tags
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and last_modified <= since


def page_serializer(item_serializer):
    return type(f"Paginated{item_serializer.__name__.removesuffix('Serializer')}List", (serializers.Serializer,), {
        "count": serializers.IntegerField(help_text="Rows matching the filters, on every page."),
        "next": serializers.URLField(allow_null=True),
        "previous": serializers.URLField(allow_null=True),
        "results": item_serializer(many=True),
    })


class OpenDataView(GenericAPIView):
    """A dataset's answer with its validators (ETag, Last-Modified) and the 304 shortcut."""

    dataset_name = ""
    pagination_class = None

    def perform_content_negotiation(self, request, force=False):
        # JSON only; an unknown `format` is reported as a bad parameter (400), not a 404.
        return super().perform_content_negotiation(request, force=True)

    def version(self) -> datasets.Version:
        return datasets.DATASETS[self.dataset_name].version()

    def respond(self, request, build):
        """`build()` runs only when the client's copy is not current."""
        version = self.version()
        etag = etag_for(version, request, self.dataset_name)
        headers = {"ETag": etag, "Last-Modified": http_date(version.changed_at),
                   "Cache-Control": "public, max-age=60"}
        if not_modified(request, etag, version.changed_at):
            return Response(status=304, headers=headers)
        # Everyone receives the same answer for a version and a query: built once, then shared for a
        # minute through the cache (the version in the key retires it as soon as the data changes).
        cache_key = f"opendata:api:{etag}"
        data = cache.get(cache_key)
        if data is None:
            with translation.override("en"):
                data = build()
            cache.set(cache_key, data, timeout=60)
        return Response(data, headers=headers)


class DatasetList(OpenDataView):
    def get(self, request, *args, **kwargs):
        dataset = datasets.DATASETS[self.dataset_name]
        filters = p.parse_query(request.query_params, (*dataset.params, *p.PAGINATION))

        def build():
            size = filters.get("page_size", p.DEFAULT_PAGE_SIZE)
            paginator = Paginator(dataset.queryset(filters), size)
            try:
                page = paginator.page(filters.get("page", 1))
            except EmptyPage:
                raise NotFound from None

            def link(number):
                query = request.query_params.copy()
                query["page"] = str(number)
                return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

            return {
                "count": paginator.count,
                "next": link(page.next_page_number()) if page.has_next() else None,
                "previous": link(page.previous_page_number()) if page.has_previous() else None,
                "results": dataset.serializer(page.object_list, many=True).data,
            }

        return self.respond(request, build)


class DatasetDetail(OpenDataView):
    def lookup(self, queryset, kwargs):
        pk = kwargs["pk"]
        return queryset.filter(pk=pk).first() if pk <= p.MAX_ID else None

    def get(self, request, *args, **kwargs):
        dataset = datasets.DATASETS[self.dataset_name]
        p.parse_query(request.query_params, ())

        def build():
            item = self.lookup(dataset.queryset(), kwargs)
            if item is None:
                raise NotFound
            return dataset.serializer(item).data

        return self.respond(request, build)


class PropertyDetail(DatasetDetail):
    dataset_name = "properties"

    def lookup(self, queryset, kwargs):
        office, separator, reference = kwargs["reference"].partition("--")
        if not separator or len(reference) > 40 or len(office) > 120 or "\x00" in kwargs["reference"]:
            return None
        return queryset.filter(amo__slug=office, reference=reference).first()


def _list_view(name: str, summary: str):
    dataset = datasets.DATASETS[name]
    view = type(f"{name.title()}List", (DatasetList,), {"dataset_name": name})
    return extend_schema_view(get=extend_schema(
        operation_id=f"{name}_list", summary=summary, description=dataset.description, tags=[name],
        parameters=[param.openapi() for param in (*dataset.params, *p.PAGINATION)],
        responses={200: page_serializer(dataset.serializer), **NOT_MODIFIED, **ERROR_RESPONSES},
    ))(view)


def _detail_view(name: str, summary: str, base=DatasetDetail):
    dataset = datasets.DATASETS[name]
    view = type(f"{name.title()}Detail", (base,), {"dataset_name": name})
    return extend_schema_view(get=extend_schema(
        operation_id=f"{name}_detail", summary=summary, tags=[name],
        responses={200: dataset.serializer, **NOT_MODIFIED, **ERROR_RESPONSES},
    ))(view)


PropertyListView = _list_view("properties", "Public properties")
PropertyDetailView = _detail_view("properties", "One property, by its reference", base=PropertyDetail)
CallListView = _list_view("calls", "Published calls for proposals")
CallDetailView = _detail_view("calls", "One published call")
DecisionListView = _list_view("decisions", "Public decisions")
ProjectListView = _list_view("projects", "Public re-use projects")
ProjectDetailView = _detail_view("projects", "One public re-use project")
ResultListView = _list_view("results", "Accepted results reports")
OrganisationListView = _list_view("organisations", "Verified civil society organisations")


@extend_schema_view(get=extend_schema(
    operation_id="impact", summary="Impact figures", tags=["impact"],
    description="Figures for the region, each country and each office, and people served by target group.",
    responses={200: ImpactSerializer, **NOT_MODIFIED, **{k: v for k, v in ERROR_RESPONSES.items() if k != 404}},
))
class ImpactView(OpenDataView):
    dataset_name = "impact"

    def version(self):
        showcase, decisions = datasets.showcase_state(), datasets.decisions_version()
        return datasets.Version(f"{showcase.tag}.{decisions.tag}", max(showcase.changed_at, decisions.changed_at))

    def get(self, request, *args, **kwargs):
        p.parse_query(request.query_params, ())

        def build():
            from projects.selectors import impact_figures

            return ImpactSerializer(impact_figures()).data

        return self.respond(request, build)
