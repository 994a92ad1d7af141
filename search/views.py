"""The search page and its autocomplete: thin views over `search.api`, whichever engine runs it.

Only public data is ever indexed (`search.contract`), so the results need no check afterwards. When the
engine cannot answer (`SearchUnavailable`), the page says so with a 503 and links to browse instead: never
a 500. The visitor's words reach the engines as plain words only (`search.text.query_words`).
"""

import math
import re
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Page

from campaign.models import ResourceIndexPage, StoryIndexPage
from network.thematic_areas import THEMATIC_AREAS, thematic_area_label
from reuse_projects.views.catalogue import countries_by_code

from . import api
from .backends import SearchUnavailable
from .contract import KINDS
from .forms import (
    AUTOCOMPLETE_LIMIT,
    AUTOCOMPLETE_MAX_CHARACTERS,
    KIND_LABELS,
    KIND_PLURAL_LABELS,
    PAGE_SIZE,
    PARAMETER_FACETS,
    PARAMETER_LABELS,
    PROPERTY_TYPE_LABELS,
    STATUS_LABELS,
    SearchFilters,
)
from .permissions import can_search
from .text import query_words

AUTOCOMPLETE_CACHE_SECONDS = 60
# Anything that looks like a tag other than <mark> and </mark> (see `_safe_highlight`).
_NOT_MARK = re.compile(r"<(?!/?mark>)")


def _safe_highlight(highlight: str) -> str:
    """The engine's excerpt, marked safe for the template. `Hit.highlight` is escaped by the backends
    except for <mark> tags; any other "<" left by a mistake is escaped here, so that an engine's bug can
    never put markup from indexed text on the page."""
    return mark_safe(_NOT_MARK.sub("&lt;", highlight or ""))  # noqa: S308 - only <mark> survives


# The platform's own pages are indexed once, under the default language's prefix; campaign pages and
# documents are indexed per language (or have no prefix) and keep their address.
PLATFORM_KINDS = {"property", "organisation", "project"}


def in_visitor_language(url: str, kind: str) -> str:
    """The address of a platform page in the visitor's language (its index entry has the English one)."""
    default_prefix = f"/{settings.LANGUAGE_CODE}/"
    if kind in PLATFORM_KINDS and url.startswith(default_prefix):
        return f"/{translation.get_language()}/{url[len(default_prefix):]}"
    return url


def _link(filters: SearchFilters, **changes) -> str:
    """The search page with these filters, changed (a value "" removes a parameter); always page 1."""
    params = {**filters.as_query(), **changes}
    params = {name: value for name, value in params.items() if value}
    return f"{reverse('search:search')}?{urlencode(params)}"


def _value_labels(country_names) -> dict[str, dict]:
    return {
        "kind": {kind: str(KIND_LABELS[kind]) for kind in KINDS},
        "country": country_names,
        "type": {value: str(label) for value, label in PROPERTY_TYPE_LABELS.items()},
        "status": {value: str(label) for value, label in STATUS_LABELS.items()},
        "theme": None,  # thematic_area_label
    }


def _label(labels, parameter: str, value: str) -> str:
    if parameter == "theme":
        return thematic_area_label(value)
    return labels[parameter].get(value, value)


def _facets(filters: SearchFilters, facets: dict[str, dict[str, int]], labels) -> list[dict]:
    """The facets other than kind (kind is shown as tabs), each value a link with its count."""
    headings = {"country": _("Country"), "type": _("Type of property"), "status": _("Status"),
                "theme": _("Thematic area")}
    found = []
    for parameter, heading in headings.items():
        counts = facets.get(PARAMETER_FACETS[parameter]) or {}
        active = getattr(filters, parameter)
        values = [
            {
                "value": value,
                "label": _label(labels, parameter, value),
                "count": count,
                "active": value == active,
                "url": _link(filters, **{parameter: "" if value == active else value}),
            }
            for value, count in counts.items()
            if value and count
        ]
        values.sort(key=lambda item: (-item["count"], item["label"]))
        if values:
            found.append({"parameter": parameter, "heading": heading, "values": values})
    return found


def _kind_tabs(filters: SearchFilters, results) -> list[dict]:
    counts = results.facets.get("kind") or {}
    tabs = [{"label": _("All"), "count": sum(counts.values()) if counts else results.total,
             "active": not filters.kind, "url": _link(filters, kind="")}]
    for kind in KINDS:
        if counts.get(kind) or filters.kind == kind:
            tabs.append({"label": str(KIND_PLURAL_LABELS[kind]), "count": counts.get(kind, 0),
                         "active": filters.kind == kind, "url": _link(filters, kind=kind)})
    return tabs


def _browse_links() -> list[dict]:
    """Where to look without searching: the lists of each kind (stories and resources: this language's
    live index pages, when there are)."""
    links = [
        {"label": _("Browse properties"), "url": reverse("reuse_projects:property_list")},
        {"label": _("Browse organisations"), "url": reverse("network:organisation_directory")},
        {"label": _("Browse re-use projects"), "url": reverse("projects:project_list")},
    ]
    index_types = ContentType.objects.get_for_models(StoryIndexPage, ResourceIndexPage)
    labels = {index_types[StoryIndexPage].pk: _("Read the stories"),
              index_types[ResourceIndexPage].pk: _("Browse the resources")}
    language = translation.get_language() or "en"
    indexes = (
        Page.objects.live().public()
        .filter(content_type_id__in=labels, locale__language_code=language)
        .order_by("content_type_id", "path")
    )
    seen = set()
    for page in indexes:
        if page.content_type_id not in seen and (url := page.get_url()):
            seen.add(page.content_type_id)
            links.append({"label": labels[page.content_type_id], "url": url})
    return links


def _ignored_labels(ignored) -> list[str]:
    return [str(PARAMETER_LABELS.get(name, name)) for name in dict.fromkeys(ignored)]


@require_GET
def search(request):
    """The search page: the form, then the results of the words typed (with tabs by kind, facets and
    pages), or a helpful page when nothing matches."""
    if not can_search(request.user):
        raise PermissionDenied
    filters, page_number, ignored = SearchFilters.from_query(request.GET)
    country_names = countries_by_code()
    labels = _value_labels(country_names)
    context = {
        "filters": filters,
        "query": urlencode(filters.as_query()),
        "searched": bool(query_words(filters.q)),
        "kind_choices": [(kind, str(KIND_PLURAL_LABELS[kind])) for kind in KINDS],
        "country_choices": list(country_names.items()),
        "type_choices": list(labels["type"].items()),
        "status_choices": list(labels["status"].items()),
        "theme_choices": [(slug, str(label)) for slug, label in THEMATIC_AREAS],
        "autocomplete_url": reverse("search:autocomplete"),
    }
    status = 200
    if context["searched"]:
        language = translation.get_language() or ""
        try:
            results = api.search(filters.to_query(language=language, page=page_number))
            last_page = max(1, math.ceil(results.total / PAGE_SIZE))
            if page_number > last_page:
                ignored.append("page")
                page_number = last_page
                results = api.search(filters.to_query(language=language, page=page_number))
        except SearchUnavailable:
            context["unavailable"] = True
            status = 503
        else:
            context.update(_results_context(filters, results, page_number, labels))
    if status == 503 or not context.get("hits"):
        context["browse_links"] = _browse_links()
    context["ignored"] = _ignored_labels(ignored)
    return render(request, "search/search.html", context, status=status)


def _results_context(filters: SearchFilters, results, page_number: int, labels) -> dict:
    page = Paginator(range(results.total), PAGE_SIZE).get_page(page_number)
    hits = [
        {
            "kind": hit.kind,
            "kind_label": KIND_LABELS.get(hit.kind, hit.kind),
            "title": hit.title,
            "url": in_visitor_language(hit.url, hit.kind),
            "highlight": _safe_highlight(hit.highlight),
            "distance_km": hit.distance_km,
        }
        for hit in results.hits
    ]
    context = {
        "results": results,
        "hits": hits,
        "page": page,
        "kind_tabs": _kind_tabs(filters, results),
        "facets": _facets(filters, results.facets, labels),
    }
    if results.suggestion and results.suggestion != filters.q:
        context["suggestion"] = {"text": results.suggestion, "url": _link(filters, q=results.suggestion)}
    if not hits:
        context["widen_links"] = [
            {
                "label": _("Remove the filter %(filter)s: %(value)s") % {
                    "filter": PARAMETER_LABELS[name], "value": _label(labels, name, value)},
                "url": _link(filters, **{name: ""}),
            }
            for name, value in filters.filters().items()
        ]
    return context


@require_GET
def autocomplete(request):
    """Titles starting with the words typed so far, as JSON: {"results": [{"title", "url", "kind"}]}.
    The same for every visitor (public data only), so shared caches may keep it for a minute."""
    if not can_search(request.user):
        raise PermissionDenied
    text = str(request.GET.get("q") or "").strip()
    if not text:
        return JsonResponse({"error": _("Type something to search for (parameter q).")}, status=400)
    if len(text) > AUTOCOMPLETE_MAX_CHARACTERS:
        return JsonResponse(
            {"error": _("Search words are limited to %(limit)s characters.") % {"limit": AUTOCOMPLETE_MAX_CHARACTERS}},
            status=400,
        )
    found = []
    if query_words(text):
        try:
            found = api.autocomplete(text, language=translation.get_language() or "", limit=AUTOCOMPLETE_LIMIT)
        except SearchUnavailable:
            response = JsonResponse({"error": _("Search is unavailable right now."), "results": []}, status=503)
            response["Cache-Control"] = "no-store"
            return response
    results = [{"title": str(item["title"]), "url": in_visitor_language(str(item["url"]), str(item["kind"])),
                "kind": str(item["kind"])}
               for item in found[:AUTOCOMPLETE_LIMIT]]
    response = JsonResponse({"results": results})
    response["Cache-Control"] = f"public, max-age={AUTOCOMPLETE_CACHE_SECONDS}"
    return response
