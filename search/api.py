"""What the rest of the platform calls: one search, whichever engine runs it (see `search.backends`)."""

from .backends import get_backend
from .contract import Query, Results


def search(query: Query) -> Results:
    """Public results of a query. Raises `search.backends.SearchUnavailable` when the engine is down."""
    return get_backend().search(query)


def autocomplete(text: str, *, language: str = "", limit: int = 8) -> list[dict]:
    """Up to `limit` titles starting with the words typed so far: [{"title", "url", "kind"}]."""
    return get_backend().autocomplete(text, language=language, limit=limit)
