"""The resources library: documents with a resource type, outside restricted collections, filtered by type,
language, country and year, newest year first, paginated, each with what a reader needs to choose it."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, CollectionViewRestriction

from campaign.selectors import RESOURCES_PER_PAGE
from tests.campaign import pages

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.CAMPAIGN_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def library():
    return pages.resource_index(title="Resources")


def titles(response) -> list[str]:
    assert response.status_code == 200
    return re.findall(r'<li class="resource">\s*<h3><a href="[^"]+">([^<]+)</a></h3>', response.text)


def test_the_library_lists_documents_with_a_type_newest_year_first(client, library):
    pages.document("Study 2021", resource_type="study", year=2021)
    pages.document("Handbook 2024", year=2024)
    pages.document("Toolkit, no year", resource_type="toolkit", year=None)
    pages.document("Not a resource", resource_type="")
    assert titles(client.get(library.url)) == ["Handbook 2024", "Study 2021", "Toolkit, no year"]


def test_documents_in_restricted_collections_and_below_them_are_left_out(client, library):
    root = Collection.get_first_root_node()
    internal = root.add_child(name="Internal")
    drafts = internal.add_child(name="Drafts")
    CollectionViewRestriction.objects.create(collection=internal, restriction_type="login")
    pages.document("Public handbook")
    pages.document("Internal memo", collection=internal)
    pages.document("Draft study", collection=drafts)
    html = client.get(library.url).text
    assert titles(client.get(library.url)) == ["Public handbook"]
    assert "Internal memo" not in html and "Draft study" not in html


def test_each_resource_shows_type_language_country_year_description_file_and_download(client, library):
    regional = pages.document("Regional study", resource_type="study", language="sq", country="", year=2022,
                              description="Re-use in six countries.")
    pages.document("Serbian handbook", language="sr", country="RS", year=2023)
    html = client.get(library.url).text
    item = re.search(r'<li class="resource">\s*<h3><a href="[^"]+">Regional study</a>.*?</li>', html, re.S).group(0)
    assert "Study · Shqip · Regional · 2022" in item  # languages are named in their own language
    assert "Re-use in six countries." in item
    assert f'href="{regional.url}"' in item
    assert "(PDF, 15\xa0bytes)" in item
    assert "Handbook · Српски · Serbia · 2023" in html


@pytest.mark.parametrize(("query", "expected"), [
    ("type=study", ["Study sq AL 2022"]),
    ("language=sq", ["Study sq AL 2022"]),
    ("country=RS", ["Handbook en RS 2024"]),
    ("country=rs", ["Handbook en RS 2024"]),
    ("year=2024", ["Handbook en RS 2024"]),
    ("type=handbook&country=AL", ["Handbook en AL 2020"]),
])
def test_the_library_filters_by_type_language_country_and_year(client, library, query, expected):
    pages.document("Study sq AL 2022", resource_type="study", language="sq", country="AL", year=2022)
    pages.document("Handbook en RS 2024", language="en", country="RS", year=2024)
    pages.document("Handbook en AL 2020", language="en", country="AL", year=2020)
    assert titles(client.get(f"{library.url}?{query}")) == expected


@pytest.mark.parametrize("query", ["type=poem", "language=xx", "country=IT", "year=abc", "year=1850", "year=२०२४",
                                   "year=20245", "type=<script>", "language=" + "x" * 3000])
def test_unknown_filter_values_are_ignored_with_a_notice(client, library, query):
    pages.document("Still listed")
    response = client.get(f"{library.url}?{query}")
    assert titles(response) == ["Still listed"]
    assert "This value was not recognised and is ignored" in response.text
    assert "<script>" not in response.text.split("<main", 1)[1]


def test_the_filter_form_is_a_labelled_get_form_with_the_years_of_the_library(client, library):
    pages.document("A", year=2019)
    pages.document("B", year=2023)
    html = client.get(f"{library.url}?year=2023").text
    form = re.search(r'<form method="get".*?</form>', html.split('<main', 1)[1], re.S).group(0)
    for name in ("type", "language", "country", "year"):
        assert f'<label for="id_resource_{name}">' in form and f'name="{name}" id="id_resource_{name}"' in form
    assert '<option value="2023" selected>2023</option><option value="2019">2019</option>' in form
    assert '<button type="submit"' in form
    assert "csrfmiddlewaretoken" not in html


def test_the_library_is_paginated(client, library):
    for number in range(RESOURCES_PER_PAGE + 1):
        pages.document(f"Doc {number:02d}")
    assert len(titles(client.get(library.url))) == RESOURCES_PER_PAGE
    assert titles(client.get(f"{library.url}?page=2")) == [f"Doc {RESOURCES_PER_PAGE:02d}"]
    assert '<h2 class="meta" id="results-heading">21 resources</h2>' in client.get(library.url).text


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return len(queries), len(titles(response))


def test_the_library_runs_the_same_queries_for_2_and_20_documents(client, library):
    root = Collection.get_first_root_node()
    CollectionViewRestriction.objects.create(collection=root.add_child(name="Private"), restriction_type="login")
    url = f"{library.url}?type=handbook"
    for number in range(2):
        pages.document(f"Doc {number}", year=2000 + number)
    client.get(url)
    few, shown = _queries(client, url)
    assert shown == 2
    for number in range(2, 20):
        pages.document(f"Doc {number}", year=2000 + number)
    many, shown = _queries(client, url)
    assert shown == 20
    assert few == many <= LIBRARY_MAX_QUERIES


# Wagtail's routing and the page's languages and sharing tags, then the restricted collections, the
# count, the page of documents and the years.
LIBRARY_MAX_QUERIES = 14
