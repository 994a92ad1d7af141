"""What every search backend receives and answers: the shapes both engines (PostgreSQL and Elasticsearch)
share, so that pages, the catalogue and the tests never see which one runs.

Only public data ever becomes a `Document`: `search.documents` builds them through each app's own public
rules (a property's public location, a verified organisation, a public project, a live public page, a
document outside restricted collections). What is not public is never indexed, so no query can return it.
"""

from dataclasses import dataclass, field
from decimal import Decimal

KINDS = ("property", "organisation", "project", "page", "resource")
# The largest page an engine answers (the search page asks for 20; the catalogue for its best 500 at once).
MAX_PAGE_SIZE = 500
FACETS = ("kind", "country", "property_type", "status", "theme")


@dataclass(frozen=True)
class Document:
    """One searchable thing, as the public may see it.

    `key` is "<kind>:<id>" (pages: "page:<page id>", one per language's page). `language` is the
    language of the text ("" when it is written in several, as a property's local title and English
    title). Texts are stored as written; `search.text.normalise` makes the folded forms both engines
    match on. `point` is the public point (never more precise than the location privacy allows), or None.
    """

    key: str
    kind: str
    title: str
    body: str = ""
    url: str = ""
    language: str = ""
    country: str = ""
    property_type: str = ""
    status: str = ""
    themes: tuple[str, ...] = ()
    point: tuple[Decimal, Decimal] | None = None  # (latitude, longitude)
    updated_at: str = ""  # ISO 8601, for search_check


@dataclass
class Query:
    """A visitor's search. `text` is raw input (any length, script or punctuation); filters are already
    validated values (unknown ones were dropped by the page). `near` is (latitude, longitude, km)."""

    text: str = ""
    kinds: tuple[str, ...] = ()
    country: str = ""
    property_type: str = ""
    status: str = ""
    theme: str = ""
    language: str = ""  # the visitor's language: results in it rank first
    near: tuple[Decimal, Decimal, float] | None = None
    page: int = 1
    page_size: int = 20


@dataclass
class Hit:
    key: str
    kind: str
    title: str
    url: str
    highlight: str  # HTML-safe excerpt with <mark> around matched words (already escaped otherwise)
    score: float
    distance_km: float | None = None


@dataclass
class Results:
    hits: list[Hit]
    total: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)  # facet -> {value: count}
    suggestion: str = ""  # "did you mean", from the indexed vocabulary, when nothing or little matched
