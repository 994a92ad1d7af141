"""Helpers of the search tests: documents written by hand, and the database backend with the whole public
data indexed."""

from search.backends.database import DatabaseBackend
from search.contract import Document, Query
from search.documents import all_documents


def document(key: str, title: str, body: str = "", **fields) -> Document:
    return Document(key=key, kind=key.partition(":")[0], title=title, body=body, url=f"/{key}/", **fields)


def indexed(*documents: Document) -> DatabaseBackend:
    """The database backend holding exactly `documents` (the whole public data when none are given)."""
    backend = DatabaseBackend()
    backend.rebuild(documents or all_documents())
    return backend


def keys(results) -> list[str]:
    return [hit.key for hit in results.hits]


def search(backend, text="", **fields):
    return backend.search(Query(text=text, **fields))
