"""The campaign's demo content: the English source (`en`) and, per language, its translations as a dict
{English string: translation} covering every string wagtail-localize extracts from the English pages
(titles, texts, block values, rich text paragraph by paragraph). Slugs stay English.

The facts come from the public description of the programme (`shared/reference/osce-asset-recovery-project.txt`);
everything else is a generic explanation of social re-use, not a claim about a real place or person.
"""

from importlib import import_module

# Language code -> module name (a dash is not allowed in a module name).
TRANSLATION_MODULES = {
    "sq": "sq", "bs": "bs", "mk": "mk", "sr": "sr", "sr-latn": "sr_latn", "ro": "ro",
}


def translations(language_code: str) -> dict[str, str]:
    return import_module(f"{__name__}.{TRANSLATION_MODULES[language_code]}").TRANSLATIONS
