"""search.views through the test client: the search page and the autocomplete endpoint.

Most tests run the views against a fake engine injected in place of `search.api.get_backend`, which
records the `Query` it receives and answers crafted `Results`: they test what the pages do with any
engine (parameters, notices, facets, pages, the empty and unavailable pages, the JSON endpoint). The
engines themselves are tested by their own suites; the last tests go through the real database backend.
"""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings

from search import api
from search.backends import SearchUnavailable
from search.contract import Hit, Query, Results

pytestmark = pytest.mark.django_db

SEARCH = "/en/search/"
AUTOCOMPLETE = "/en/search/autocomplete/"
HOSTILE_QUERIES = [
    'title:(a OR b)^3 "',
    "x" * 5000,
    "!!! ??? ... ***",
    "<script>alert(1)</script>",
    "кућа kuća Скопје <b>bold</b>",
    '"><img src=x onerror=alert(1)>',
]


class FakeEngine:
    """An engine answering `results` (or raising SearchUnavailable when `down`), recording its calls."""

    def __init__(self, results=None, *, suggestions=(), down=False):
        self.results = results if results is not None else Results(hits=[], total=0)
        self.suggestions = list(suggestions)
        self.down = down
        self.queries: list[Query] = []
        self.autocompleted: list[tuple] = []

    def search(self, query):
        self.queries.append(query)
        if self.down:
            raise SearchUnavailable("engine down")
        return self.results

    def autocomplete(self, text, *, language="", limit=8):
        self.autocompleted.append((text, language, limit))
        if self.down:
            raise SearchUnavailable("engine down")
        return self.suggestions[:limit]


def hit(number=1, *, kind="property", title=None, highlight="", distance_km=None):
    return Hit(key=f"{kind}:{number}", kind=kind, title=title or f"Villa {number}", url=f"/en/things/{number}/",
               highlight=highlight, score=1.0, distance_km=distance_km)


@pytest.fixture
def engine(monkeypatch):
    """Installs a fake engine; tests set its `results`, `suggestions` or `down`."""
    fake = FakeEngine()
    monkeypatch.setattr(api, "get_backend", lambda: fake)
    return fake


def results_with(*hits, total=None, facets=None, suggestion=""):
    return Results(hits=list(hits), total=len(hits) if total is None else total, facets=facets or {},
                   suggestion=suggestion)


class FormFinder(HTMLParser):
    """The inputs of each <form> of a page: [(attributes of the form, [attributes of its inputs])]."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        if tag == "form":
            self.forms.append((dict(attrs), []))
        elif tag == "input" and self.forms:
            self.forms[-1][1].append(dict(attrs))


def forms_of(html: str):
    finder = FormFinder()
    finder.feed(html)
    return finder.forms


# Parameters and notices --------------------------------------------------------------------------


def test_parameters_reach_the_engine_as_a_query_in_the_visitors_language(client, engine):
    """Every filter is passed on, validated, with the language of the page and the page number."""
    engine.results = results_with(hit(), total=45)
    response = client.get("/sq/search/", {"q": "vila tirana", "kind": "property", "country": "al",
                                          "type": "villa", "status": "available", "theme": "youth", "page": "2"})
    assert response.status_code == 200
    [query] = engine.queries
    assert query == Query(text="vila tirana", kinds=("property",), country="AL", property_type="villa",
                          status="available", theme="youth", language="sq", page=2, page_size=20)
    assert not response.context["ignored"]


def test_unknown_values_are_ignored_with_a_notice_and_the_rest_still_applies(client, engine):
    engine.results = results_with(hit())
    response = client.get(SEARCH, {"q": "villa", "kind": "spaceship", "country": "FR", "type": "castle",
                                   "status": "draft", "theme": "nonsense", "page": "abc"})
    assert response.status_code == 200
    [query] = engine.queries
    assert (query.text, query.kinds, query.country, query.property_type, query.status, query.theme, query.page) == (
        "villa", (), "", "", "", "", 1)
    assert response.context["ignored"] == ["kind", "country", "type of property", "status", "thematic area", "page"]
    assert "These values were not recognised and are ignored" in response.content.decode()


def test_a_page_past_the_last_is_noted_and_the_last_page_shown(client, engine):
    engine.results = results_with(hit(), total=30)
    response = client.get(SEARCH, {"q": "villa", "page": "5"})
    assert response.status_code == 200
    assert [query.page for query in engine.queries] == [5, 2]
    assert response.context["page"].number == 2
    assert response.context["ignored"] == ["page"]


def test_a_draft_status_is_never_a_filter(client, engine):
    """Only public statuses can be asked for: draft and withdrawn are not indexed, and not accepted."""
    client.get(SEARCH, {"q": "villa", "status": "withdrawn"})
    assert engine.queries[0].status == ""


# Results: kinds, facets, hits, pages -------------------------------------------------------------


def test_kind_tabs_and_facets_are_links_with_their_counts(client, engine):
    engine.results = results_with(
        hit(1), hit(2, kind="organisation", title="Youth Forum"), total=7,
        facets={
            "kind": {"property": 4, "organisation": 3},
            "country": {"AL": 5, "RS": 2},
            "property_type": {"villa": 4},
            "status": {"available": 4},
            "theme": {"youth": 3},
        },
    )
    response = client.get(SEARCH, {"q": "villa"})
    html = response.content.decode()
    tabs = response.context["kind_tabs"]
    assert [(tab["label"], tab["count"], tab["active"]) for tab in tabs] == [
        ("All", 7, True), ("Properties", 4, False), ("Organisations", 3, False)]
    assert 'href="/en/search/?q=villa&amp;kind=organisation"' in html
    assert "Organisations <span class=\"search-count\">(3)</span>" in html
    facets = {facet["parameter"]: [(item["label"], item["count"]) for item in facet["values"]]
              for facet in response.context["facets"]}
    assert facets == {
        "country": [("Albania", 5), ("Serbia", 2)],
        "type": [("Villa", 4)],
        "status": [("Available", 4)],
        "theme": [("Youth", 3)],
    }
    assert 'href="/en/search/?q=villa&amp;country=AL"' in html
    assert 'href="/en/search/?q=villa&amp;theme=youth"' in html
    assert "Youth <span class=\"search-count\">(3)</span>" in html


def test_an_active_facet_links_to_its_removal(client, engine):
    engine.results = results_with(hit(), facets={"country": {"AL": 1}, "kind": {"property": 1}})
    response = client.get(SEARCH, {"q": "villa", "country": "AL", "kind": "property"})
    html = response.content.decode()
    [country] = response.context["facets"][0]["values"]
    assert country["active"] and country["url"] == "/en/search/?q=villa&kind=property"
    assert '<a href="/en/search/?q=villa&amp;kind=property" aria-current="true">' in html
    active_tabs = [tab["label"] for tab in response.context["kind_tabs"] if tab["active"]]
    assert active_tabs == ["Properties"]


def test_each_hit_shows_its_kind_title_link_highlight_and_distance(client, engine):
    engine.results = results_with(
        hit(1, title="Villa Drin", highlight="a <mark>villa</mark> by the river", distance_km=12.345),
        hit(2, kind="page", title="A story"),
    )
    html = client.get(SEARCH, {"q": "villa"}).content.decode()
    assert '<a href="/en/things/1/">Villa Drin</a>' in html
    assert '<p class="search-excerpt">a <mark>villa</mark> by the river</p>' in html
    assert "12.3 km away" in html
    assert '<span class="badge">Property</span>' in html
    assert '<span class="badge">Story or page</span>' in html
    assert html.count("km away") == 1


def test_the_highlight_keeps_mark_while_titles_and_stray_markup_are_escaped(client, engine):
    """`Hit.highlight` is trusted only for <mark>: titles are escaped, and any other tag a faulty engine
    leaves in an excerpt is shown as text."""
    engine.results = results_with(hit(1, title="<b>Bold</b> villa",
                                      highlight="<mark>villa</mark> &lt;i&gt; <script>alert(1)</script>"))
    html = client.get(SEARCH, {"q": "villa"}).content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt; villa" in html
    assert "<mark>villa</mark> &lt;i&gt; &lt;script>alert(1)&lt;/script>" in html
    assert "<script>alert" not in html
    assert "<b>Bold" not in html


def test_pagination_keeps_the_words_and_filters(client, engine):
    engine.results = results_with(*[hit(number) for number in range(20)], total=45)
    response = client.get(SEARCH, {"q": "villa", "country": "AL", "page": "2"})
    html = response.content.decode()
    assert response.context["page"].number == 2
    assert "Page 2 of 3" in html
    assert 'href="?q=villa&amp;country=AL&amp;page=1" rel="prev"' in html
    assert 'href="?q=villa&amp;country=AL&amp;page=3" rel="next"' in html
    assert '<ol class="search-hits" start="21">' in html
    assert "45 results" in html


# Nothing found, nothing asked, engine down -------------------------------------------------------


def test_nothing_found_offers_the_suggestion_wider_searches_and_the_lists(client, engine):
    engine.results = results_with(suggestion="kuca")
    response = client.get(SEARCH, {"q": "kucca", "country": "AL", "theme": "youth"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'Did you mean <a href="/en/search/?q=kuca&amp;country=AL&amp;theme=youth">kuca</a>?' in html
    assert "Nothing matches “kucca”." in html
    assert '<a href="/en/search/?q=kucca&amp;theme=youth">Remove the filter country: Albania</a>' in html
    assert '<a href="/en/search/?q=kucca&amp;country=AL">Remove the filter thematic area: Youth</a>' in html
    lists = [_url("reuse_projects:property_list"), _url("network:organisation_directory"),
             _url("projects:project_list")]
    assert [link["url"] for link in response.context["browse_links"]] == lists
    for url in lists:
        assert f'href="{url}"' in html


def _url(name):
    from django.urls import reverse

    return reverse(name)


def test_browse_links_include_this_languages_story_and_resource_indexes(client, engine):
    """Stories and resources are listed by the campaign's index pages of the visitor's language."""
    from tests.campaign.pages import resource_index, story_index

    stories, resources = story_index(), resource_index()
    response = client.get(SEARCH)
    labels = {link["label"]: link["url"] for link in response.context["browse_links"]}
    assert labels["Read the stories"] == stories.url
    assert labels["Browse the resources"] == resources.url
    albanian = client.get("/sq/search/").context["browse_links"]
    assert stories.url not in [link["url"] for link in albanian]


def test_an_empty_query_shows_the_form_and_the_lists_without_searching(client, engine):
    for params in ({}, {"q": ""}, {"q": "   "}, {"q": "!!! ..."}, {"kind": "property"}):
        response = client.get(SEARCH, params)
        assert response.status_code == 200
        html = response.content.decode()
        assert 'id="search-page-q"' in html
        assert _url("reuse_projects:property_list") in html
    assert engine.queries == []


def test_an_engine_that_is_down_gives_a_503_page_with_the_lists(client, engine):
    engine.down = True
    response = client.get(SEARCH, {"q": "villa"})
    assert response.status_code == 503
    html = response.content.decode()
    assert "Search is unavailable right now" in html
    assert f'href="{_url("projects:project_list")}"' in html
    assert 'id="search-page-q"' in html


@pytest.mark.parametrize("text", HOSTILE_QUERIES)
def test_hostile_queries_answer_200_and_nothing_is_echoed_unescaped(client, engine, text):
    engine.results = results_with(suggestion=text)
    response = client.get(SEARCH, {"q": text, "country": text, "page": text})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<b>bold</b>" not in html
    assert len(engine.queries) <= 1


def test_a_query_too_long_is_cut_and_noted(client, engine):
    client_response = client.get(SEARCH, {"q": "kuca " * 1000})
    assert client_response.status_code == 200
    assert len(engine.queries[0].text) <= 500
    assert "search words" in client_response.context["ignored"]


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_language_renders_the_search_page(client, engine, language):
    engine.results = results_with(hit(), facets={"kind": {"property": 1}, "status": {"available": 1}})
    response = client.get(f"/{language}/search/", {"q": "x"})
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.content.decode()
    assert engine.queries[0].language == language


# Autocomplete ------------------------------------------------------------------------------------


def test_autocomplete_answers_title_url_and_kind_cacheable_for_a_minute(client, engine):
    engine.suggestions = [{"title": "Villa Drin", "url": "/en/properties/1/", "kind": "property", "score": 3}]
    response = client.get("/mk/search/autocomplete/", {"q": "vil"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "public, max-age=60"
    assert response.json() == {"results": [{"title": "Villa Drin", "url": "/mk/properties/1/", "kind": "property"}]}
    assert engine.autocompleted == [("vil", "mk", 8)]


def test_autocomplete_without_words_asks_nothing_of_the_engine(client, engine):
    response = client.get(AUTOCOMPLETE, {"q": "!!"})
    assert response.status_code == 200
    assert response.json() == {"results": []}
    assert engine.autocompleted == []


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}, {"q": "a" * 201}])
def test_autocomplete_refuses_a_missing_or_too_long_query_with_a_reason(client, engine, params):
    response = client.get(AUTOCOMPLETE, params)
    assert response.status_code == 400
    assert response.json()["error"]
    assert "public" not in response.get("Cache-Control", "")
    assert engine.autocompleted == []


def test_autocomplete_accepts_exactly_200_characters(client, engine):
    assert client.get(AUTOCOMPLETE, {"q": "a" * 200}).status_code == 200


def test_autocomplete_says_503_when_the_engine_is_down(client, engine):
    engine.down = True
    response = client.get(AUTOCOMPLETE, {"q": "villa"})
    assert response.status_code == 503
    assert response.json()["error"] == "Search is unavailable right now."
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("text", HOSTILE_QUERIES[:1] + HOSTILE_QUERIES[2:])
def test_autocomplete_takes_hostile_input(client, engine, text):
    response = client.get(AUTOCOMPLETE, {"q": text})
    assert response.status_code == 200
    assert response.json() == {"results": []}


def test_autocomplete_refuses_other_methods(client, engine):
    assert client.post(AUTOCOMPLETE, {"q": "villa"}).status_code == 405


# The header's search box -------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "page"), [("en", "projects:project_list"), ("sr", "search:search"),
                                                 ("en", "network:organisation_directory"),
                                                 ("en", "reuse_projects:property_list")])
def test_the_header_search_form_is_a_labelled_get_without_csrf_token(client, engine, language, page):
    from django.utils.translation import override

    with override(language):
        path = _url(page)
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    [(form, inputs)] = [found for found in forms_of(html) if "site-search" in found[0].get("class", "")]
    assert form["method"] == "get"
    assert form["action"] == f"/{language}/search/"
    assert [field["name"] for field in inputs] == ["q"]  # no csrfmiddlewaretoken
    assert inputs[0]["data-autocomplete-url"] == f"/{language}/search/autocomplete/"
    assert re.search(r'<label for="site-search-q" class="visually-hidden">[^<]+</label>', html)


def test_the_autocomplete_script_is_loaded_and_exists(client, engine):
    from django.contrib.staticfiles import finders

    html = client.get(SEARCH).content.decode()
    assert 'src="/static/js/autocomplete.js"' in html or "js/autocomplete" in html
    script = open(finders.find("js/autocomplete.js"), encoding="utf-8").read()
    for needle in ('"combobox"', "aria-expanded", "aria-controls", "aria-activedescendant", "ArrowDown",
                   "Escape", "DEBOUNCE_MS = 150", "MIN_CHARACTERS = 2", "aria-live"):
        assert needle in script


def test_everyone_may_search():
    from search.permissions import can_search
    from tests.factories import UserFactory

    assert can_search(None)
    assert can_search(UserFactory())


# Through the real database backend ---------------------------------------------------------------


def _index(*objects):
    from search.indexing import index_now

    keys = [f"{'property' if obj._meta.model_name == 'property' else 'organisation'}:{obj.pk}" for obj in objects]
    assert index_now(keys)


def test_the_page_finds_a_verified_organisation_and_a_public_property_in_the_database_engine(client):
    """Latin without diacritics finds Cyrillic and diacritics; a draft property and an unverified
    organisation, even indexed on request, never appear."""
    from tests.factories import OrganisationFactory, PropertyFactory

    property = PropertyFactory(available=True, title="Кућа крај реке", title_en="House by the river",
                               property_type="house")
    organisation = OrganisationFactory(verified=True, name="Omladinska kuća Novi Sad",
                                       mission="Otvorena kuća za mlade <svih> generacija.")
    draft = PropertyFactory(title="Кућа у нацрту", title_en="Draft house")
    pending = OrganisationFactory(name="Kuća na čekanju")
    _index(property, organisation, draft, pending)

    response = client.get(SEARCH, {"q": "kuca"})
    assert response.status_code == 200
    html = response.content.decode()
    titles = {hit["title"] for hit in response.context["hits"]}
    assert any("Кућа крај реке" in title for title in titles)
    assert any("Omladinska kuća" in title for title in titles)
    assert not any("нацрту" in title or "čekanju" in title for title in titles)
    assert response.context["results"].facets["kind"] == {"property": 1, "organisation": 1}
    assert "Otvorena <mark>kuća</mark> za mlade &lt;svih&gt; generacija." in html
    assert f'href="{property.get_absolute_url()}"' in html

    only_properties = client.get(SEARCH, {"q": "kuca", "kind": "property", "type": "house"})
    assert [hit["kind"] for hit in only_properties.context["hits"]] == ["property"]


def test_autocomplete_through_the_database_engine(client):
    from tests.factories import OrganisationFactory

    organisation = OrganisationFactory(verified=True, name="Omladinska kuća Novi Sad")
    _index(organisation)
    response = client.get(AUTOCOMPLETE, {"q": "omlad"})
    assert response.status_code == 200
    assert response.json() == {"results": [
        {"title": "Omladinska kuća Novi Sad", "url": organisation.get_absolute_url(), "kind": "organisation"}]}


def test_platform_pages_are_linked_in_the_visitors_language():
    """Properties, organisations and projects are indexed with their English address; campaign pages and
    documents keep theirs."""
    from django.utils.translation import override

    from search.views import in_visitor_language

    with override("sq"):
        assert in_visitor_language("/en/properties/x--1/", "property") == "/sq/properties/x--1/"
        assert in_visitor_language("/en/organisations/abc/", "organisation") == "/sq/organisations/abc/"
        assert in_visitor_language("/en/stories/a/", "page") == "/en/stories/a/"
        assert in_visitor_language("/documents/1/a.pdf", "resource") == "/documents/1/a.pdf"
