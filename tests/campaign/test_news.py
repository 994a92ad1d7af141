"""News: the index (newest first, paginated, cached for anonymous visitors), the news page, and the RSS 2.0
feed of each language at `<news index>/feed/`."""

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from django.conf import settings
from wagtail.models import Locale

from tests.campaign import pages

pytestmark = pytest.mark.django_db
BASE = settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def dated_news(index, count, *, start=date(2025, 1, 1), **fields):
    return [pages.news(index, title=f"News {number}", date=start + timedelta(days=number),
                       summary=f"Summary of news {number}.", slug=f"news-{number}", **fields)
            for number in range(count)]


def feed_items(response):
    channel = ET.fromstring(response.content).find("channel")
    return channel, channel.findall("item")


def test_the_index_lists_live_news_newest_first_and_leaves_out_drafts(client):
    index = pages.news_index()
    dated_news(index, 3)
    pages.news(index, title="Draft news", slug="draft", live=False)
    text = client.get(index.url).content.decode()
    assert text.index("News 2") < text.index("News 1") < text.index("News 0")
    assert "Draft news" not in text
    assert f'href="{index.url}feed/"' in text and 'type="application/rss+xml"' in text


def test_news_of_the_same_date_are_ordered_by_publication(client):
    index = pages.news_index()
    pages.news(index, title="Earlier", slug="earlier", date=date(2025, 3, 1))
    pages.news(index, title="Later", slug="later", date=date(2025, 3, 1))
    text = client.get(index.url).content.decode()
    assert text.index("Later") < text.index("Earlier")


def test_the_index_is_paginated_and_tolerates_bad_page_numbers(client):
    index = pages.news_index()
    dated_news(index, 14)
    first = client.get(index.url).content.decode()
    assert "News 13" in first and "News 1<" not in first and 'rel="next"' in first
    second = client.get(index.url, {"page": 2}).content.decode()
    assert "News 1<" in second and "News 0<" in second and "News 13" not in second
    for bad in ("abc", "99999", "-1", "x" * 300):
        assert client.get(index.url, {"page": bad}).status_code == 200


def test_a_news_page_shows_its_date_summary_image_with_alt_text_and_feed_link(client):
    index = pages.news_index()
    item = pages.news(index, date=date(2025, 5, 9), summary="CSOs met in Skopje.", image=pages.image(),
                      image_alt="Members of the network around a table")
    response = client.get(item.url)
    text = response.content.decode()
    assert response.status_code == 200
    assert '<time datetime="2025-05-09">' in text
    assert "CSOs met in Skopje." in text
    assert 'alt="Members of the network around a table"' in text and "fill-960x540" in text
    assert f'<link rel="alternate" type="application/rss+xml" title="News (RSS)" href="{index.url}feed/">' in text


def test_the_index_runs_the_same_number_of_queries_for_2_and_20_news_with_images(
        client, settings, django_assert_num_queries):
    settings.CAMPAIGN_PAGE_CACHE_SECONDS = 0
    few_index = pages.news_index()
    many_index = pages.news_index(title="More news", slug="more-news")
    for index, count in ((few_index, 2), (many_index, 12)):
        for item in dated_news(index, count):
            item.image = pages.image()
            item.save_revision().publish()
    client.get(few_index.url)
    client.get(many_index.url)  # renditions are generated on the first visit

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(few_index.url).status_code == 200
    with django_assert_num_queries(len(few)):
        text = client.get(many_index.url).content.decode()
    assert text.count("fill-480x270") == 12


def test_anonymous_visitors_get_the_index_and_the_feed_from_the_cache(client):
    index = pages.news_index()
    dated_news(index, 2)
    assert client.get(index.url)["X-Campaign-Cache"] == "miss"
    assert client.get(index.url)["X-Campaign-Cache"] == "hit"
    assert client.get(f"{index.url}feed/")["X-Campaign-Cache"] == "miss"
    cached = client.get(f"{index.url}feed/")
    assert cached["X-Campaign-Cache"] == "hit" and cached["Content-Type"] == "application/rss+xml; charset=utf-8"


def test_the_feed_is_rss_with_the_20_newest_live_items_and_absolute_links(client):
    index = pages.news_index(intro="What the network does.")
    dated_news(index, 22)
    pages.news(index, title="Draft news", slug="draft", date=date(2030, 1, 1), live=False)
    response = client.get(f"{index.url}feed/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel, items = feed_items(response)
    assert channel.findtext("language") == "en"
    assert channel.findtext("link") == f"{BASE}/en/news/"
    assert channel.findtext("description") == "What the network does."
    assert [item.findtext("title") for item in items] == [f"News {number}" for number in range(21, 1, -1)]
    newest = items[0]
    assert newest.findtext("link") == f"{BASE}/en/news/news-21/"
    assert newest.findtext("description") == "Summary of news 21."
    assert newest.findtext("pubDate") == "Wed, 22 Jan 2025 00:00:00 +0100"
    assert "Draft news" not in response.content.decode()


def test_each_language_has_its_own_feed(client):
    index = pages.news_index()
    dated_news(index, 2)
    sq_index = index.copy_for_translation(Locale.objects.get(language_code="sq"), copy_parents=True)
    sq_index.title = "Lajme"
    sq_index.save_revision().publish()
    english_item = pages.news(index, title="Only in English", slug="only-english")
    translated = english_item.copy_for_translation(Locale.objects.get(language_code="sq"))
    translated.title = "Rrjeti takohet në Shkup"
    translated.save_revision().publish()
    sq_index.refresh_from_db()

    response = client.get(f"{sq_index.url}feed/")
    channel, items = feed_items(response)
    assert sq_index.url.startswith("/sq/")
    assert channel.findtext("language") == "sq"
    assert [item.findtext("title") for item in items] == ["Rrjeti takohet në Shkup"]
    assert items[0].findtext("link").startswith(f"{BASE}/sq/")
    english = client.get(f"{index.url}feed/").content.decode()
    assert "Rrjeti" not in english and "Only in English" in english


def test_the_feed_escapes_markup_in_titles_and_summaries(client):
    index = pages.news_index()
    pages.news(index, title="<script>alert(1)</script>", summary="A & B <b>bold</b>")
    response = client.get(f"{index.url}feed/")
    _channel, items = feed_items(response)  # parses: the markup is escaped
    assert items[0].findtext("title") == "<script>alert(1)</script>"
    assert b"<script>" not in response.content
