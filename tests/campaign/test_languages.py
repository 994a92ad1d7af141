"""The seven languages of the campaign: a page in each language, the language switcher (the same page in
another language, or "not translated yet"), and the notice on a page shown in English because it is not
translated yet."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import RequestFactory
from django.utils.translation import get_language_info, gettext, override
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import TranslationSource
from wagtail_localize.synctree import create_aliases_for_new_page

from campaign.models import StandardPage
from campaign.translation import language_links

from .pages import home, standard_page

pytestmark = pytest.mark.django_db

TITLES = {
    "en": "About us", "sq": "Rreth nesh", "bs": "O nama", "mk": "За нас", "sr": "О нама", "sr-latn": "O nama",
    "ro": "Despre noi",
}
NOTICE = "This page has not been translated into %(language)s yet. You are reading the %(source_language)s original."


def english_page(*, aliases=True) -> StandardPage:
    """An English page and, as wagtail-localize makes them when an editor creates it, its aliases."""
    page = standard_page(title=TITLES["en"], slug="about-us", intro="Who we are.")
    if aliases:
        create_aliases_for_new_page(page)
    return page


def translate(page, language: str) -> Page:
    """Translate the page with wagtail-localize (its alias becomes the translation) and publish it."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translated, _created = source.create_or_update_translation(
        Locale.objects.get(language_code=language), publish=False, fallback=True, copy_parent_pages=True,
    )
    translated.title = TITLES[language]
    translated.save_revision().publish()
    return translated


def switcher(response) -> dict:
    """The language switcher's entries by language code: (href, visible text, hreflang)."""
    nav = BeautifulSoup(response.content, "html.parser").select_one("nav.language-switcher")
    return {link["lang"]: (link["href"], " ".join(link.get_text().split()), link.get("hreflang"))
            for link in nav.find_all("a")}


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_a_page_in_each_language_renders_with_its_language_and_translated_title(client, language):
    page = english_page()
    if language != "en":
        page = translate(page, language)

    response = client.get(page.url)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == language
    assert soup.title.get_text().startswith(TITLES[language])
    assert soup.select_one("main h1").get_text(strip=True) == TITLES[language]
    assert not soup.select(".translation-notice")


def test_the_switcher_leads_to_the_translation_and_marks_languages_not_translated_yet(client):
    page = english_page()
    translate(page, "sq")

    links = switcher(client.get("/en/about-us/"))

    assert links["sq"] == ("/sq/about-us/", "Shqip", "sq")
    assert links["en"] == ("/en/about-us/", "English", "en")
    # Bosnian has only the alias (the English original): still a link, marked in words, no hreflang.
    assert links["bs"] == ("/bs/about-us/", "Bosanski (not translated yet)", None)
    assert set(links) == {code for code, _name in settings.LANGUAGES}
    assert [code for code, (_url, text, _hreflang) in links.items() if "not translated yet" in text] == [
        "bs", "mk", "sr", "sr-latn", "ro"]


def test_a_page_not_translated_yet_says_so_in_the_visitors_language_and_marks_its_content_english(client):
    english_page()

    response = client.get("/bs/about-us/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "bs"
    with override("bs"):
        expected = gettext(NOTICE) % {"language": get_language_info("bs")["name_translated"],
                                      "source_language": get_language_info("en")["name_translated"]}
    notice = soup.select_one(".translation-notice")
    assert " ".join(notice.get_text().split()) == expected
    # The content (the English original) is marked as English for screen readers.
    heading = soup.select_one("main h1")
    assert heading.get_text(strip=True) == TITLES["en"]
    assert heading.find_parent(attrs={"lang": True})["lang"] == "en"
    assert notice.find_parent(attrs={"lang": True}).name == "html"
    links = switcher(response)
    with override("bs"):
        marker = gettext("not translated yet")
    assert marker != "not translated yet"  # the marker speaks the visitor's language
    assert links["bs"] == ("/bs/about-us/", f"Bosanski ({marker})", None)
    assert links["en"] == ("/en/about-us/", "English", "en")


def test_the_content_of_a_translated_page_is_in_its_own_language(client):
    translate(english_page(), "sr")

    soup = BeautifulSoup(client.get("/sr/about-us/").content, "html.parser")

    assert soup.select_one("main h1").find_parent(attrs={"lang": True})["lang"] == "sr"
    assert not soup.select(".translation-notice")


def test_a_page_with_neither_translation_nor_alias_leads_to_the_languages_home_page(client):
    english_page(aliases=False)

    links = switcher(client.get("/en/about-us/"))

    assert links["sq"] == ("/sq/", "Shqip (not translated yet)", None)
    assert links["en"] == ("/en/about-us/", "English", "en")


def test_unpublished_translations_are_not_offered(client):
    page = english_page()
    translated = translate(page, "ro")
    translated.unpublish()

    links = switcher(client.get("/en/about-us/"))

    assert links["ro"] == ("/ro/", "Română (not translated yet)", None)


def test_pages_outside_the_campaign_keep_the_plain_switcher(client):
    links = switcher(client.get("/en/properties/"))

    assert links["sq"] == ("/sq/properties/", "Shqip", "sq")
    assert not any("not translated yet" in text for _url, text, _hreflang in links.values())


def _serving_request(page):
    """A request as Wagtail serves it: the site already found (and kept on the request), the site root
    paths in the cache (every request after the first)."""
    request = RequestFactory().get(page.url)
    Site.find_for_request(request)
    Site.get_site_root_paths()
    return request


def test_the_switcher_reads_all_languages_in_one_query(django_assert_num_queries):
    """One query for the page's versions in every locale, whether it has none or six; the URLs come from
    the cached site root paths, with no query per language."""
    lone = english_page(aliases=False)
    synced = standard_page(title="Contact", slug="contact-us")
    create_aliases_for_new_page(synced)
    for language in ("sq", "bs", "mk", "sr", "sr-latn", "ro"):
        synced_translation = translate(synced, language)

    for page in (lone, synced, synced_translation, home("bs")):
        request = _serving_request(page)
        with django_assert_num_queries(1):
            links = language_links(page, request)
        assert len(links) == len(settings.LANGUAGES)
