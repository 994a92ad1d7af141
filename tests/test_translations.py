"""The interface is fully translated into the six non-English languages of the network.

The catalogues are checked as text (every entry translated, none fuzzy, placeholders kept) and through
the site (a page in each language shows its translated heading, Serbian in the right script). The page
tests need compiled .mo files: `make test` runs `compilemessages` before pytest.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

PROJECT_LOCALE = Path(settings.BASE_DIR) / "locale"
ALLAUTH_SUPPLEMENT = Path(settings.SITE_DIR) / "locale"

# Django locale directory name -> URL language code.
LANGUAGES = {"sq": "sq", "bs": "bs", "mk": "mk", "sr": "sr", "sr_Latn": "sr-latn", "ro": "ro"}
# django-allauth ships no catalogue for these; site/locale supplies one.
ALLAUTH_SUPPLEMENTED = ["sq", "bs", "mk"]

NPLURALS = {"sq": 2, "bs": 3, "mk": 2, "sr": 3, "sr_Latn": 3, "ro": 3}

# The translation of "Civil society organisations", the heading of /<lang>/organisations/.
DIRECTORY_HEADING = {
    "sq": "Organizatat e shoqërisë civile",
    "bs": "Organizacije civilnog društva",
    "mk": "Граѓански организации",
    "sr": "Организације цивилног друштва",
    "sr-latn": "Organizacije civilnog društva",
    "ro": "Organizații ale societății civile",
}

PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdifr]|\{\w*\}")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# Letters only: the Latin-1 range also holds × and ÷, which are not letters.
LATIN_LETTERS = re.compile(r"[A-Za-zÀ-ÖØ-öø-ž]+")
# Markup and what it marks as code (a command, a file name) stay as in English.
CODE_AND_TAGS = re.compile(r"<code>.*?</code>|<[^>]+>", re.DOTALL)
# Technical names that Serbian Cyrillic text keeps in Latin script: file formats and encodings, and the
# names of the open data's standards and licence.
LATIN_IN_CYRILLIC_ALLOWED = {
    "PDF", "PNG", "JPEG", "WebP", "JSON", "CSV", "UTF", "SHA", "UTC",
    "API", "OpenAPI", "GeoJSON", "ETag", "CORS", "ID", "CC", "BY", "RSS", "XLSX", "ics", "q",
}


def _unquote(text):
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
    return re.sub(r"\\(.)", lambda m: escapes[m.group(1)], text)


def parse_po(path):
    """A small PO reader: a list of entries with msgctxt, msgid, msgid_plural, msgstr (list) and flags."""
    entries, entry, field = [], None, None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if entry is not None:
                entries.append(entry)
            entry, field = None, None
            continue
        if line.startswith("#~"):  # obsolete entries are not used
            continue
        if entry is None:
            entry = {"msgctxt": None, "msgid": "", "msgid_plural": None, "msgstr": {}, "flags": set()}
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+"(.*)"$', line)
        if match:
            keyword, index, value = match.groups()
            if keyword == "msgstr":
                field = ("msgstr", int(index or 0))
                entry["msgstr"][field[1]] = _unquote(value)
            else:
                field = keyword
                entry[keyword] = _unquote(value)
        elif line.startswith('"') and field is not None:
            value = _unquote(line[1:-1])
            if isinstance(field, tuple):
                entry["msgstr"][field[1]] += value
            else:
                entry[field] += value
        else:
            raise AssertionError(f"{path}: cannot read line {raw!r}")
    return [e for e in entries if e["msgid"] or e["msgctxt"]]  # drop the header


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text.replace("%%", "")))


def catalogue_problems(path, nplurals):
    problems = []
    for entry in parse_po(path):
        label = repr(entry["msgid"][:60])
        if "fuzzy" in entry["flags"]:
            problems.append(f"fuzzy: {label}")
        if entry["msgid_plural"] is not None:
            if sorted(entry["msgstr"]) != list(range(nplurals)):
                problems.append(f"needs {nplurals} plural forms: {label}")
            expected = placeholders(entry["msgid_plural"])
        else:
            expected = placeholders(entry["msgid"])
        for index, form in entry["msgstr"].items():
            found = placeholders(form)
            if not form.strip():
                problems.append(f"untranslated: {label}")
            elif index == 0 and entry["msgid_plural"] is not None:
                # The first form may say "every month" without the number, as the English singular
                # does, where the language uses it for one alone; it may not invent placeholders.
                if not set(placeholders(entry["msgid"])) <= set(found) <= set(expected):
                    problems.append(f"placeholders {found} (first form): {label}")
            elif found != expected:
                problems.append(f"placeholders {found} != {expected}: {label}")
    return problems


@pytest.mark.parametrize("locale_name", LANGUAGES)
def test_project_catalogue_is_complete(locale_name):
    path = PROJECT_LOCALE / locale_name / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"{path} is missing: run makemessages"
    assert len(parse_po(path)) > 100
    assert catalogue_problems(path, NPLURALS[locale_name]) == []


@pytest.mark.parametrize("locale_name", LANGUAGES)
def test_project_catalogue_plural_forms_header(locale_name):
    header = (PROJECT_LOCALE / locale_name / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")[:2000]
    assert f"nplurals={NPLURALS[locale_name]};" in header.replace("\"\n\"", "")


@pytest.mark.parametrize("locale_name", ALLAUTH_SUPPLEMENTED)
def test_allauth_supplement_is_complete(locale_name):
    path = ALLAUTH_SUPPLEMENT / locale_name / "LC_MESSAGES" / "django.po"
    assert path.exists()
    msgids = {entry["msgid"] for entry in parse_po(path)}
    for used_on_account_pages in ("Sign In", "Sign Up", "Sign Out", "Forgot your password?", "Password Reset",
                                  "Change Password", "Email Addresses", "Two-Factor Authentication",
                                  "Activate Authenticator App", "Recovery Codes", "Verify Your Email Address"):
        assert used_on_account_pages in msgids
    assert catalogue_problems(path, NPLURALS[locale_name]) == []


def test_allauth_supplement_is_on_the_locale_path():
    assert [Path(p) for p in settings.LOCALE_PATHS][:2] == [PROJECT_LOCALE, ALLAUTH_SUPPLEMENT]


def test_serbian_cyrillic_catalogue_has_no_latin_words():
    latin = set()
    for entry in parse_po(PROJECT_LOCALE / "sr" / "LC_MESSAGES" / "django.po"):
        for form in entry["msgstr"].values():
            latin.update(LATIN_LETTERS.findall(CODE_AND_TAGS.sub("", PLACEHOLDER.sub("", form))))
    assert latin <= LATIN_IN_CYRILLIC_ALLOWED


def test_serbian_latin_catalogue_has_no_cyrillic():
    for entry in parse_po(PROJECT_LOCALE / "sr_Latn" / "LC_MESSAGES" / "django.po"):
        for form in entry["msgstr"].values():
            assert not CYRILLIC.search(form), form


def _heading(response):
    match = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)
    assert match, "the page has no <h1>"
    return match.group(1).strip()


@pytest.mark.parametrize("language", DIRECTORY_HEADING)
def test_directory_heading_is_translated(client, db, language):
    response = client.get(f"/{language}/organisations/")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == language
    heading = _heading(response)
    assert heading == DIRECTORY_HEADING[language], "are the .mo files compiled? (make translations)"
    assert heading != "Civil society organisations"
    if language == "sr":
        assert CYRILLIC.search(heading)
    if language == "sr-latn":
        assert not CYRILLIC.search(heading)
