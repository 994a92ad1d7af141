"""The search engines. PostgreSQL (the database backend) by default; Elasticsearch when ELASTICSEARCH_URL is
set. Both implement `SearchBackend` and answer the same `search.contract` shapes."""

from abc import ABC, abstractmethod
from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from ..contract import Document, Query, Results


class SearchUnavailable(Exception):
    """The engine cannot answer now (Elasticsearch down): pages say so, nothing else fails."""


class SearchBackend(ABC):
    """What an engine does. `index` and `delete` take effect before they return (tests rely on it)."""

    name = ""

    @abstractmethod
    def index(self, documents: list[Document]) -> None:
        """Add or replace these documents."""

    @abstractmethod
    def delete(self, keys: list[str]) -> None:
        """Remove the documents of these keys (unknown keys are ignored)."""

    @abstractmethod
    def rebuild(self, documents, *, progress=None) -> int:
        """Replace the whole index with `documents` (an iterable, read once) without searches ever seeing a
        half-built index; `progress(count)` is called as documents go in. Returns how many were indexed."""

    @abstractmethod
    def indexed(self) -> dict[str, str]:
        """key -> updated_at of every indexed document (for search_check)."""

    @abstractmethod
    def search(self, query: Query) -> Results:
        """Public results of the query (SearchUnavailable when the engine cannot answer)."""

    @abstractmethod
    def autocomplete(self, text: str, *, language: str = "", limit: int = 8) -> list[dict]:
        """Up to `limit` titles matching the words typed so far: [{"title", "url", "kind"}]."""


def usable_near(query: Query):
    """The query's distance filter as floats (latitude, longitude, km), or None when absent or unusable:
    both engines read it the same way."""
    if not query.near:
        return None
    try:
        latitude, longitude, km = (float(value) for value in query.near)
    except (TypeError, ValueError):
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180 and 0 < km <= 20000):
        return None
    return latitude, longitude, km


def get_backend() -> SearchBackend:
    """The configured engine, one per process and configuration (the Elasticsearch client keeps its
    connection pool between requests)."""
    if settings.ELASTICSEARCH_URL:
        return _backend("search.backends.elasticsearch.ElasticsearchBackend", settings.ELASTICSEARCH_URL,
                        settings.SEARCH_INDEX_PREFIX)
    return _backend("search.backends.database.DatabaseBackend", "", "")


@cache
def _backend(path: str, _url: str, _prefix: str) -> SearchBackend:
    return import_string(path)()
