"""Reads about a page's translations: where the same page lives in each of the seven languages, and in
which language its content is written.

wagtail-localize keeps one tree per locale (see `campaign/migrations/0002_campaign_site.py`): a page
created in English gets an alias in every other locale, which shows the English content until an editor
translates it and the alias becomes a real translation. The language switcher leads to the translation
where there is one, and otherwise says that the page is not translated yet.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page

LOCALE_IDS_KEY = "campaign:locale-ids"


@dataclass(frozen=True)
class LanguageLink:
    """One entry of the language switcher (the keys the `base.html` switcher reads)."""

    code: str
    name: str
    url: str
    translated: bool  # False: the link leads to the English original (an alias) or to the language's home


def locale_ids() -> dict[str, int]:
    """{language code: Wagtail Locale id}, from the shared cache (locales change only by migration or in
    the admin's locale settings, which drop it)."""
    ids = cache.get(LOCALE_IDS_KEY)
    if ids is None:
        ids = dict(Locale.objects.values_list("language_code", "pk"))
        cache.set(LOCALE_IDS_KEY, ids, timeout=3600)
    return ids


def language_home_url(language_code: str) -> str:
    """The campaign's home page in a language (`/sq/`): a URL pattern, no database query."""
    with translation.override(language_code):
        try:
            return reverse("wagtail_serve", args=("",))
        except NoReverseMatch:
            return f"/{language_code}/"


def page_translations(page) -> dict[str, Page]:
    """The live versions of the page in each locale (translations and aliases), by language code, in one
    query. Pages are not specific: they carry what a URL needs (`url_path`) and `alias_of_id`."""
    siblings = (
        Page.objects.filter(translation_key=page.translation_key, live=True)
        .select_related("locale")
        .only("id", "url_path", "alias_of_id", "locale__language_code", "translation_key", "depth", "path")
    )
    return {sibling.locale.language_code: sibling for sibling in siblings}


def _language_of(page_id, translations: dict[str, Page]) -> str | None:
    return next((code for code, sibling in translations.items() if sibling.pk == page_id), None)


def page_language(page, translations: dict[str, Page]) -> str:
    """The page's locale, from the translations already read when it is among them (a live page)."""
    return _language_of(page.pk, translations) or page.locale.language_code


def source_language(page, translations: dict[str, Page]) -> str:
    """The language the page's content is written in: its own, or for an alias the one of the page it
    mirrors (English, as trees are synchronised from English)."""
    if page.alias_of_id:
        return _language_of(page.alias_of_id, translations) or settings.LANGUAGE_CODE
    return page_language(page, translations)


def language_links(page, request=None, translations: dict[str, Page] | None = None) -> list[LanguageLink]:
    """For each language of the site, the same page in that language: its translation (translated), or its
    alias showing the English original, or the language's home page when the page has neither (not
    translated). Site root paths are cached on the request, so the URLs cost no query each."""
    if translations is None:
        translations = page_translations(page)
    links = []
    for code, name in settings.LANGUAGES:
        sibling = translations.get(code)
        url = sibling.get_url(request=request) if sibling is not None else None
        links.append(LanguageLink(
            code=code, name=name, url=url or language_home_url(code),
            translated=bool(url) and not sibling.alias_of_id,
        ))
    return links


def language_context(page, request=None, translations: dict[str, Page] | None = None) -> dict:
    """What `campaign/page_base.html` needs about languages: the switcher's links, the language of the
    content (for its `lang` attribute) and, on a page not translated yet, the names for the notice.
    `translations` (from `page_translations`) saves the query when the caller has read them already."""
    if translations is None:
        translations = page_translations(page)
    language = page_language(page, translations)
    content_language = source_language(page, translations)
    notice = None
    if content_language != language:
        notice = {
            "language": get_language_info(language)["name_translated"],
            "source_language": get_language_info(content_language)["name_translated"],
        }
    return {
        "language_links": language_links(page, request, translations),
        "content_language": content_language,
        "untranslated_notice": notice,
    }
