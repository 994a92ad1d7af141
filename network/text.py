"""Text folding shared by every name look-up: case, diacritics and script stop mattering.

`fold("Кућа")`, `fold("kuća")` and `fold("KUCA")` all give "kuca". Serbian and Macedonian Cyrillic are
transliterated to Latin first, then diacritics are stripped, so a visitor typing Latin without
diacritics finds a name written in Cyrillic and the other way round.
"""

import re
import unicodedata

CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "dj", "ѓ": "gj", "е": "e", "ж": "z",
    "з": "z", "ѕ": "dz", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n",
    "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "c", "ќ": "kj", "у": "u",
    "ф": "f", "х": "h", "ц": "c", "ч": "c", "џ": "dz", "ш": "s",
    # Russian letters that appear in Moldovan names
    "й": "i", "ы": "y", "э": "e", "ю": "iu", "я": "ia", "ё": "e", "щ": "sc", "ь": "", "ъ": "",
}
# Latin letters that Unicode does not decompose into base + mark.
LATIN_SPECIAL = {"đ": "dj", "ß": "ss", "æ": "ae", "ø": "o", "ł": "l", "ı": "i"}
_SPACES = re.compile(r"\s+")
# Bidirectional embedding, override and isolate controls: no name in the platform's languages needs
# them, and in a name they can disguise what is shown (e.g. "Centar \u202egnp.exe").
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def strip_bidi_controls(text: str) -> str:
    return _BIDI_CONTROLS.sub("", text)


def transliterate_to_latin(text: str) -> str:
    """Serbian/Macedonian Cyrillic to a plain Latin spelling (ћ and ч both become c): the result is
    only ever compared folded, so the lost distinction costs nothing."""
    out = []
    for char in text:
        lower = char.lower()
        latin = CYRILLIC_TO_LATIN.get(lower)
        if latin is None:
            out.append(char)
        else:
            out.append(latin.capitalize() if char != lower else latin)
    return "".join(out)


def fold(text: str | None) -> str:
    """Lower-case, Latin, without diacritics, single-spaced."""
    if not text:
        return ""
    text = transliterate_to_latin(text.lower())
    text = "".join(LATIN_SPECIAL.get(char, char) for char in text)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SPACES.sub(" ", stripped).strip()
