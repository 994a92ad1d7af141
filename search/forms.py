"""The search page's parameters, read from the query string with stable names (q, kind, country, type,
status, theme, page). An unknown value is dropped and named on the page, as on the other public lists
(`network.query_filters`): links get shared, edited and truncated."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from network.places import COUNTRY_CODES
from network.query_filters import ParameterReader, QueryFilters
from network.thematic_areas import THEMATIC_AREA_LABELS
from projects.models import ReuseProject
from reuse_projects.models import Property

from .contract import KINDS, Query
from .text import MAX_QUERY_CHARACTERS

PAGE_SIZE = 20
# Deeper pages are never useful to a person and cost the engines most.
MAX_PAGE = 100
AUTOCOMPLETE_MAX_CHARACTERS = 200
AUTOCOMPLETE_LIMIT = 8

KIND_LABELS = {
    "property": _("Property"),
    "organisation": _("Organisation"),
    "project": _("Re-use project"),
    "page": _("Story or page"),
    "resource": _("Resource"),
}
KIND_PLURAL_LABELS = {
    "property": _("Properties"),
    "organisation": _("Organisations"),
    "project": _("Re-use projects"),
    "page": _("Stories and pages"),
    "resource": _("Resources"),
}
PROPERTY_TYPE_LABELS = dict(Property.Type.choices)
PROJECT_STATUS_LABELS = {value: label for value, label in ReuseProject.Status.choices
                         if value in ReuseProject.PUBLIC_STATUSES}
STATUS_LABELS = {
    **{value: label for value, label in Property.Status.choices if value in Property.PUBLIC_STATUSES},
    **PROJECT_STATUS_LABELS,
}

# Query parameter -> the facet of `search.contract.FACETS` it filters.
PARAMETER_FACETS = {"kind": "kind", "country": "country", "type": "property_type", "status": "status",
                    "theme": "theme"}
PARAMETER_LABELS = {
    "q": _("search words"),
    "kind": _("kind"),
    "country": _("country"),
    "type": _("type of property"),
    "status": pgettext_lazy("search filter", "status"),
    "theme": _("thematic area"),
    "page": _("page"),
}


@dataclass
class SearchFilters(QueryFilters):
    """What the visitor asked for. `as_query()` gives the parameters of links that keep it (without page)."""

    q: str = ""
    kind: str = ""
    country: str = ""
    type: str = ""
    status: str = ""
    theme: str = ""

    @classmethod
    def from_query(cls, params) -> tuple["SearchFilters", int, list[str]]:
        """The filters, the page number asked for and the names of the values ignored."""
        read = ParameterReader(params)
        text = " ".join(str(params.get("q") or "").split())
        if len(text) > MAX_QUERY_CHARACTERS:
            # The engines read no further (`search.text.query_words`): say so rather than pretend.
            read.ignored.append("q")
            text = text[:MAX_QUERY_CHARACTERS]
        filters = cls(
            q=text,
            kind=read.choice("kind", set(KINDS)),
            country=read.choice("country", set(COUNTRY_CODES), upper=True),
            type=read.choice("type", set(PROPERTY_TYPE_LABELS)),
            status=read.choice("status", set(STATUS_LABELS)),
            theme=read.choice("theme", set(THEMATIC_AREA_LABELS)),
        )
        raw_page = str(params.get("page") or "").strip()
        page = 1
        if raw_page:
            if raw_page.isdigit() and 1 <= int(raw_page) <= MAX_PAGE:
                page = int(raw_page)
            else:
                read.ignored.append("page")
        return filters, page, read.ignored

    def filters(self) -> dict[str, str]:
        """The active filters (everything but the words), by parameter name."""
        return {name: value for name, value in self.as_query().items() if name != "q"}

    def to_query(self, *, language: str, page: int = 1) -> Query:
        return Query(
            text=self.q,
            kinds=(self.kind,) if self.kind else (),
            country=self.country,
            property_type=self.type,
            status=self.status,
            theme=self.theme,
            language=language,
            page=page,
            page_size=PAGE_SIZE,
        )
