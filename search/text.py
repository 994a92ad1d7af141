"""The one normaliser both engines match on, so that PostgreSQL and Elasticsearch behave the same.

Text is folded by `network.text.fold` (lower case; Serbian and Macedonian Cyrillic transliterated to
Latin; diacritics removed: "Кућа", "kuća" and "KUCA" are all "kuca"), then cut into words of letters and
digits. Documents are indexed in this form and queries are normalised the same way, so a visitor typing
Latin without diacritics finds text written in Cyrillic, and the other way round. Search syntax of either
engine never reaches it: only words do.
"""

import re
from functools import cache

import snowballstemmer

from network.text import fold

MAX_QUERY_CHARACTERS = 500
MAX_QUERY_WORDS = 12
# Snowball stemmers for the languages that have one (on folded text: Bosnian, Serbian and Macedonian are
# close enough for the Serbian stemmer once Cyrillic is transliterated; Albanian has none).
STEMMERS = {"en": "english", "ro": "romanian", "sr": "serbian", "sr-latn": "serbian", "bs": "serbian",
            "mk": "serbian"}
MIN_STEM_LENGTH = 3
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words(text: str | None) -> list[str]:
    """The folded words of a text, in order."""
    return _WORD.findall(fold(text or ""))


def normalise(text: str | None) -> str:
    """The folded words of a text joined by single spaces (what is stored and matched)."""
    return " ".join(words(text))


@cache
def _stemmer(algorithm: str):
    return snowballstemmer.stemmer(algorithm)


def stem(word: str, language: str = "") -> str:
    """The word's stem in the language, when the language has a stemmer and the stem is the word's own start
    (so that matching the stem as a prefix finds every form: "centres" -> "centr" finds "centre", "kuce" ->
    "kuc" finds "kuca"); else the word itself."""
    algorithm = STEMMERS.get(language)
    if not algorithm or len(word) <= MIN_STEM_LENGTH:
        return word
    stemmed = _stemmer(algorithm).stemWord(word)
    return stemmed if len(stemmed) >= MIN_STEM_LENGTH and word.startswith(stemmed) else word


def query_words(text: str | None, language: str = "") -> list[str]:
    """The words of a visitor's query: input of any length, punctuation or engine syntax becomes at most
    MAX_QUERY_WORDS plain words (empty when nothing searchable is left). With the visitor's language, each
    word is cut to its stem: both engines match query words as prefixes of indexed words, so the stem finds
    the word's other forms, and the index itself stays unstemmed (the same on both engines)."""
    found = [stem(word, language) for word in words((text or "")[:MAX_QUERY_CHARACTERS])]
    return list(dict.fromkeys(found))[:MAX_QUERY_WORDS]
