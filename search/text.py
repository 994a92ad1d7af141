"""The one normaliser both engines match on, so that PostgreSQL and Elasticsearch behave the same.

Text is folded by `network.text.fold` (lower case; Serbian and Macedonian Cyrillic transliterated to
Latin; diacritics removed: "Кућа", "kuća" and "KUCA" are all "kuca"), then cut into words of letters and
digits. Documents are indexed in this form and queries are normalised the same way, so a visitor typing
Latin without diacritics finds text written in Cyrillic, and the other way round. Search syntax of either
engine never reaches it: only words do.
"""

import re

from network.text import fold

MAX_QUERY_CHARACTERS = 500
MAX_QUERY_WORDS = 12
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words(text: str | None) -> list[str]:
    """The folded words of a text, in order."""
    return _WORD.findall(fold(text or ""))


def normalise(text: str | None) -> str:
    """The folded words of a text joined by single spaces (what is stored and matched)."""
    return " ".join(words(text))


def query_words(text: str | None) -> list[str]:
    """The words of a visitor's query: input of any length, punctuation or engine syntax becomes at most
    MAX_QUERY_WORDS plain words (empty when nothing searchable is left)."""
    found = words((text or "")[:MAX_QUERY_CHARACTERS])
    return list(dict.fromkeys(found))[:MAX_QUERY_WORDS]
