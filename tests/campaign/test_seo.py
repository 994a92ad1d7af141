"""Search engines and sharing: canonical addresses, hreflang alternates and Open Graph tags in the head of
every campaign page (aliases point at their original), sitemap.xml with every language, robots.txt."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from tests.campaign import pages

pytestmark = pytest.mark.django_db
BASE = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def locale(code):
    return Locale.objects.get(language_code=code)


def translate(page, code, **fields):
    translated = page.copy_for_translation(locale(code), copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def alias(page, code):
    return page.copy_for_translation(locale(code), copy_parents=True, alias=True)


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode().split("</head>")[0]


def meta(text, prop):
    found = re.search(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)"', text)
    return found and found.group(1)


def hreflangs(text):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', text))


@pytest.fixture
def translated_page():
    """A campaign page in English and Albanian, with an image of its own."""
    english = pages.campaign_page(title="What is social re-use?", slug="social-re-use",
                                  intro="Confiscated assets serve the community.",
                                  image=pages.image(size=(1400, 900)), image_alt="A youth centre in a former villa")
    albanian = translate(english, "sq", title="Çfarë është ripërdorimi social?", slug="riperdorimi-social",
                         intro="Pasuritë e konfiskuara i shërbejnë komunitetit.")
    return english, albanian


def test_an_english_page_has_canonical_hreflang_and_open_graph_tags(client, translated_page):
    english, _albanian = translated_page
    text = head(client, english.url)
    assert f'<link rel="canonical" href="{BASE}/en/social-re-use/">' in text
    assert hreflangs(text) == {"en": f"{BASE}/en/social-re-use/", "sq": f"{BASE}/sq/riperdorimi-social/",
                               "x-default": f"{BASE}/en/social-re-use/"}
    assert meta(text, "og:title") == "What is social re-use?"
    assert meta(text, "og:description") == "Confiscated assets serve the community."
    assert meta(text, "og:type") == "website"
    assert meta(text, "og:url") == f"{BASE}/en/social-re-use/"
    assert meta(text, "og:locale") == "en_GB" and meta(text, "og:locale:alternate") == "sq_AL"
    assert meta(text, "og:site_name") == "Re-use network"
    image = meta(text, "og:image")
    assert image.startswith("http") and "fill-1200x630" in image
    assert (meta(text, "og:image:width"), meta(text, "og:image:height")) == ("1200", "630")
    assert meta(text, "og:image:alt") == "A youth centre in a former villa"
    assert meta(text, "twitter:card") == "summary_large_image"


def test_a_translation_is_its_own_canonical_and_lists_the_same_alternates(client, translated_page):
    english, albanian = translated_page
    text = head(client, albanian.url)
    assert f'<link rel="canonical" href="{BASE}/sq/riperdorimi-social/">' in text
    assert hreflangs(text) == hreflangs(head(client, english.url))
    assert meta(text, "og:locale") == "sq_AL" and meta(text, "og:title") == "Çfarë është ripërdorimi social?"


def test_an_alias_points_at_its_original_and_is_no_alternate(client):
    english = pages.standard_page(title="Privacy", slug="privacy", intro="How we keep your data.")
    albanian_alias = alias(english, "sq")
    text = head(client, albanian_alias.url)
    assert albanian_alias.url.startswith("/sq/")
    assert f'<link rel="canonical" href="{BASE}/en/privacy/">' in text
    assert meta(text, "og:url") == f"{BASE}/en/privacy/" and meta(text, "og:locale") == "en_GB"
    assert hreflangs(text) == {"en": f"{BASE}/en/privacy/", "x-default": f"{BASE}/en/privacy/"}
    assert "/sq/" not in "".join(hreflangs(head(client, english.url)).values())
    assert meta(text, "twitter:card") == "summary" and meta(text, "og:image") is None


def test_the_albanian_home_page_alias_points_at_the_english_home(client):
    text = head(client, "/sq/")
    assert f'<link rel="canonical" href="{BASE}/en/">' in text


def test_news_are_articles_and_their_description_is_the_summary(client):
    item = pages.news(summary="CSOs and offices met in Skopje.")
    text = head(client, item.url)
    assert meta(text, "og:type") == "article"
    assert meta(text, "og:description") == "CSOs and offices met in Skopje."


def test_markup_in_titles_is_escaped_in_the_tags(client):
    page = pages.campaign_page(title='"><script>alert(1)</script>', slug="hostile")
    text = head(client, page.url)
    assert "<script>alert(1)</script>" not in text and "&lt;script&gt;" in text


def test_the_head_costs_the_same_queries_with_one_or_six_translations(client, settings):
    settings.CAMPAIGN_PAGE_CACHE_SECONDS = 0
    lonely = pages.campaign_page(title="Lonely", slug="lonely")
    popular = pages.campaign_page(title="Popular", slug="popular")
    for code in ("sq", "bs", "mk", "sr", "sr-latn", "ro"):
        translate(popular, code, slug=f"popular-{code}")
    client.get(lonely.url)
    client.get(popular.url)
    with CaptureQueriesContext(connection) as one:
        client.get(lonely.url)
    with CaptureQueriesContext(connection) as seven:
        text = client.get(popular.url).content.decode()
    assert len(hreflangs(text)) == 8
    assert len(seven) == len(one)


# sitemap.xml -------------------------------------------------------------------------------------

def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    entries = {}
    for url in root.findall("s:url", NS):
        entries[url.findtext("s:loc", namespaces=NS)] = {
            "lastmod": url.findtext("s:lastmod", namespaces=NS),
            "alternates": {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)},
        }
    return entries


def test_the_sitemap_lists_live_public_pages_of_every_language_with_alternates(client, translated_page):
    english, albanian = translated_page
    draft = pages.campaign_page(title="Draft", slug="draft", live=False)
    private = pages.standard_page(title="Members only", slug="members-only")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    aliased = pages.standard_page(title="Contact", slug="contact")
    alias(aliased, "sq")

    entries = sitemap(client)
    english_url, albanian_url = f"{BASE}/en/social-re-use/", f"{BASE}/sq/riperdorimi-social/"
    assert entries[english_url]["alternates"] == {"en": english_url, "sq": albanian_url, "x-default": english_url}
    assert entries[albanian_url]["alternates"] == entries[english_url]["alternates"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entries[english_url]["lastmod"])
    assert f"{BASE}/en/" in entries and f"{BASE}/en/contact/" in entries
    assert f"{BASE}/sq/" not in entries  # the Albanian home page is an alias of the English one
    assert f"{BASE}/sq/contact/" not in entries
    assert f"{BASE}/en/draft/" not in entries and f"{BASE}/en/members-only/" not in entries
    assert draft.pk and private.pk


def test_the_sitemap_lists_the_platform_s_public_pages_in_seven_languages(client):
    entries = sitemap(client)
    for path in ("properties/", "properties/map/", "calls/", "projects/", "impact/", "organisations/",
                 "open-data/"):
        for code in ("en", "sq", "bs", "mk", "sr", "sr-latn", "ro"):
            entry = entries[f"{BASE}/{code}/{path}"]
            assert len(entry["alternates"]) == 8
            assert entry["alternates"]["x-default"] == f"{BASE}/en/{path}"
            assert entry["alternates"]["sr-Latn"] == f"{BASE}/sr-latn/{path}"


def test_the_sitemap_costs_the_same_queries_for_few_and_many_pages(client):
    for number in range(2):
        translate(pages.campaign_page(title=f"Page {number}", slug=f"page-{number}"), "sq", slug=f"faqe-{number}")
    client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as few:
        assert len(sitemap(client)) > 4
    for number in range(2, 20):
        translate(pages.campaign_page(title=f"Page {number}", slug=f"page-{number}"), "sq", slug=f"faqe-{number}")
    with CaptureQueriesContext(connection) as many:
        entries = sitemap(client)
    assert f"{BASE}/sq/faqe-19/" in entries
    assert len(many) == len(few)


# robots.txt --------------------------------------------------------------------------------------

def test_robots_txt_allows_the_site_and_keeps_crawlers_out_of_admin_and_personal_links(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines and "Allow: /" in lines and "Allow: /api/" in lines
    for disallowed in ("/cms/", "/django-admin/", "/en/accounts/", "/sr-latn/accounts/", "/en/newsletter/confirm/",
                       "/sq/newsletter/unsubscribe/", "/ro/events/registration/"):
        assert f"Disallow: {disallowed}" in lines
    assert not any(line == "Disallow: /" or line.startswith("Disallow: /api") for line in lines)
    assert f"Sitemap: {BASE}/sitemap.xml" in lines
    assert client.post("/robots.txt").status_code == 405
