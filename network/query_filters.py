"""The filters of public lists, read from the query string. An unknown or malformed value is dropped and
named (the page says it was ignored), never an error: links get shared, edited and truncated."""


class ParameterReader:
    """Reads one query string; `ignored` collects the names of the values it had to drop."""

    def __init__(self, params):
        self.params = params
        self.ignored: list[str] = []

    def choice(self, name: str, allowed, *, upper: bool = False) -> str:
        value = str(self.params.get(name) or "").strip()
        if upper:
            value = value.upper()
        if value and value not in allowed:
            self.ignored.append(name)
            return ""
        return value


class QueryFilters:
    """Base of a list's filter dataclass: its non-empty values as query parameters (for links that keep
    the filters, such as pagination)."""

    def as_query(self) -> dict[str, str]:
        return {name: str(value) for name, value in vars(self).items() if value not in ("", None)}


def page_of(object_list, size: int, raw_page, ignored: list[str]):
    """The page asked for; a page number that does not exist is noted in `ignored` (the nearest is shown)."""
    from django.core.paginator import Paginator

    raw_page = str(raw_page or "")[:20]
    page = Paginator(object_list, size).get_page(raw_page)
    if raw_page and raw_page != str(page.number):
        ignored.append("page")
    return page
