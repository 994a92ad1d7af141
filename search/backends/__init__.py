"""The search engines. PostgreSQL (the database backend) by default; Elasticsearch when ELASTICSEARCH_URL is
set. Both implement `SearchBackend` and answer the same `search.contract` shapes."""

from django.conf import settings
from django.utils.module_loading import import_string

from ..contract import Document, Query, Results


class SearchUnavailable(Exception):
    """The engine cannot answer now (Elasticsearch down): pages say so, nothing else fails."""


class SearchBackend:
    """What an engine does. `index` and `delete` take effect before they return (tests rely on it)."""

    name = ""

    def index(self, documents: list[Document]) -> None:
        raise NotImplementedError

    def delete(self, keys: list[str]) -> None:
        raise NotImplementedError

    def rebuild(self, documents, *, progress=None) -> int:
        """Replace the whole index with `documents` (an iterable, read once) without searches ever seeing a
        half-built index; `progress(count)` is called as documents go in. Returns how many were indexed."""
        raise NotImplementedError

    def indexed(self) -> dict[str, str]:
        """key -> updated_at of every indexed document (for search_check)."""
        raise NotImplementedError

    def search(self, query: Query) -> Results:
        raise NotImplementedError

    def autocomplete(self, text: str, *, language: str = "", limit: int = 8) -> list[dict]:
        raise NotImplementedError


def get_backend() -> SearchBackend:
    path = (
        "search.backends.elasticsearch.ElasticsearchBackend" if settings.ELASTICSEARCH_URL
        else "search.backends.database.DatabaseBackend"
    )
    return import_string(path)()
