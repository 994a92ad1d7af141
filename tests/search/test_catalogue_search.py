"""The property catalogue's search box and distance filter run on the platform's search (PostgreSQL backend):
words match whatever their diacritics and script, the catalogue's filters still apply, "within N km of
<town>" lists only properties with a public point, and a search engine that is down never breaks the page."""

import html
import json
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from network.models import Municipality, Organisation
from reuse_projects.cache import bump_catalogue_version
from reuse_projects.models import Property
from search.backends import SearchUnavailable
from search.backends.database import DatabaseBackend
from search.indexing import index_now
from tests.factories import PropertyFactory

pytestmark = pytest.mark.django_db

LIST = "/en/properties/"
MAP = "/en/properties/map/"
MAP_DATA = "/en/properties/map.geojson"
# A result card: its title, then the rest of the card up to the next card or the end of the list.
CARD = re.compile(r'<li class="card">.*?<h3><a href="[^"]+">([^<]+)</a></h3>(.*?)</li>\s*(?=<li class="card">|</ul>)',
                  re.S)
KM_PER_DEGREE_OF_LATITUDE = Decimal("111.2")


def titles(response):
    """The titles of the result cards, in order."""
    assert response.status_code == 200
    return [html.unescape(title) for title, _rest in CARD.findall(response.text)]


def card_text(response, title):
    return next(html.unescape(rest) for found, rest in CARD.findall(response.text) if html.unescape(found) == title)


def tirana():
    return Municipality.objects.get(slug="tirana-al")


def albanian(**kwargs):
    """An available property of Albania's office, in Tirana unless told otherwise, in the search index."""
    kwargs.setdefault("municipality", tirana())
    item = PropertyFactory(amo=Organisation.objects.get(slug="aapsk-al"), available=True, **kwargs)
    index_now([f"property:{item.pk}"])
    return item


def serbian(**kwargs):
    item = PropertyFactory(available=True, **kwargs)
    index_now([f"property:{item.pk}"])
    return item


def north_of_tirana(km):
    centre = tirana()
    return {"latitude": centre.latitude + Decimal(km) / KM_PER_DEGREE_OF_LATITUDE, "longitude": centre.longitude}


# Words ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("q", ["kuca", "KUĆA", "кућа", "kuca bast"])
def test_words_match_the_description_whatever_the_diacritics_and_script(client, q):
    """Only the search index holds descriptions, and "kuca bast" is two prefixes, not one phrase: the plain
    title match the catalogue had could not find this property."""
    serbian(title="Стан 1", title_en="Flat one", description="Кућа са баштом, близу школе")
    serbian(title="Стан 2", title_en="Flat two", description="Пословни простор")
    assert titles(client.get(LIST, {"q": q})) == ["Flat one"]


def test_words_and_the_country_and_type_filters_apply_together(client):
    albanian(title_en="Villa by the sea AL", property_type="villa")
    albanian(title_en="House by the sea AL", property_type="house")
    serbian(title_en="Villa by the sea RS", property_type="villa")
    assert titles(client.get(LIST, {"q": "sea", "country": "AL", "type": "villa"})) == ["Villa by the sea AL"]
    assert sorted(titles(client.get(LIST, {"q": "sea", "type": "villa"}))) == ["Villa by the sea AL",
                                                                               "Villa by the sea RS"]


def test_the_catalogues_own_filters_still_narrow_the_words_matches(client):
    serbian(title_en="Garden flat ready", condition="ready", floor_area=Decimal("50"))
    serbian(title_en="Garden flat ruin", condition="ruin", floor_area=Decimal("50"))
    serbian(title_en="Garden flat big", condition="ready", floor_area=Decimal("500"))
    assert titles(client.get(LIST, {"q": "garden", "condition": "ready", "max_area": "100"})) == ["Garden flat ready"]


def test_the_best_match_comes_first_unless_an_order_is_chosen(client):
    serbian(title_en="Warehouse", description="Could become a library", floor_area=Decimal("10"))
    serbian(title_en="Library building", description="Two floors", floor_area=Decimal("900"))
    assert titles(client.get(LIST, {"q": "library"})) == ["Library building", "Warehouse"]
    assert titles(client.get(LIST, {"q": "library", "sort": "area"})) == ["Warehouse", "Library building"]


def test_a_property_not_yet_indexed_is_still_found_by_its_reference_and_title(client):
    """The indexing worker runs after the commit: meanwhile the catalogue's plain match still finds it."""
    PropertyFactory(available=True, reference="RS-2026-777", title_en="Fresh flat")
    assert titles(client.get(LIST, {"q": "RS-2026-777"})) == ["Fresh flat"]
    assert titles(client.get(LIST, {"q": "fresh"})) == ["Fresh flat"]


def test_a_correction_of_mistyped_words_is_shown_with_a_notice(client):
    serbian(title_en="Shelter for women", description="Sklonište")
    response = client.get(LIST, {"q": "sheltre"})
    assert titles(response) == ["Shelter for women"]
    assert "showing properties matching “shelter”" in html.unescape(response.text)


def test_beyond_the_cap_only_the_best_matches_are_listed_and_the_page_says_so(client, monkeypatch):
    """The engine's best matches are read in one request up to the cap (here 2 instead of 500)."""
    monkeypatch.setattr("reuse_projects.selectors.MAX_SEARCH_MATCHES", 2)
    for n in range(3):
        serbian(title_en=f"Flat {n}", description="With a garden")
    response = client.get(LIST, {"q": "garden"})
    assert len(titles(response)) == 2
    assert "the 2 best matches are listed" in response.text
    assert "best matches are listed" not in client.get(LIST, {"q": "garden", "type": "villa"}).text


@pytest.mark.parametrize("q", [
    'title:(a OR b)^3 "', "x" * 5000, "!!! ??? ... ;;;", "Скопје kuća şehir 北京 🏠", "' OR 1=1 --", "\x00",
])
def test_hostile_words_never_cause_a_server_error(client, q):
    serbian(title_en="Flat")
    for url in (LIST, MAP, MAP_DATA):
        assert client.get(url, {"q": q}).status_code == 200
        assert client.get(url, {"q": q, "near": q}).status_code == 200


# Distance ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("near", ["tirana", "Tirana", "Тирана", "Tiranë", "tirana-al"])
def test_a_property_10_km_from_the_centre_is_within_30_km_and_not_within_5(client, near):
    albanian(title_en="Ten km north", **north_of_tirana(10))
    response = client.get(LIST, {"near": near, "km": "30"})
    assert titles(response) == ["Ten km north"]
    assert "about 10 km from Tirana" in card_text(response, "Ten km north")
    assert titles(client.get(LIST, {"near": near, "km": "5"})) == []


def test_the_default_distance_is_30_km_and_the_nearest_comes_first(client):
    albanian(title_en="Twenty km", floor_area=Decimal("300"), **north_of_tirana(20))
    albanian(title_en="Two km", floor_area=Decimal("50"), **north_of_tirana(2))
    albanian(title_en="Forty km", floor_area=Decimal("100"), **north_of_tirana(40))
    response = client.get(LIST, {"near": "tirana"})
    assert titles(response) == ["Two km", "Twenty km"]
    assert response.context["filters"].km == 30
    assert titles(client.get(LIST, {"near": "tirana", "km": "50"})) == ["Two km", "Twenty km", "Forty km"]
    assert titles(client.get(LIST, {"near": "tirana", "km": "50", "sort": "-area"})) == [
        "Twenty km", "Forty km", "Two km"
    ]


def test_an_approximate_property_is_placed_at_its_municipality_centre_never_at_its_building(client):
    shkoder = Municipality.objects.get(slug="shkoder-al")
    albanian(title_en="Approximate in Tirana", approximate=True,
             latitude=shkoder.latitude, longitude=shkoder.longitude)
    albanian(title_en="Approximate in Shkoder", approximate=True, municipality=shkoder,
             latitude=tirana().latitude, longitude=tirana().longitude)
    response = client.get(LIST, {"near": "tirana", "km": "5"})
    assert titles(response) == ["Approximate in Tirana"]
    assert "less than 1 km from Tirana" in card_text(response, "Approximate in Tirana")


def test_a_property_with_a_hidden_location_never_appears_with_a_place(client):
    albanian(title_en="Shelter", hidden=True, latitude=tirana().latitude, longitude=tirana().longitude)
    albanian(title_en="Shelter neighbour", **north_of_tirana(1))
    for params in ({"near": "tirana", "km": "100"}, {"near": "tirana", "q": "shelter"}):
        assert titles(client.get(LIST, params)) == ["Shelter neighbour"]
        data = json.loads(client.get(MAP_DATA, params).content)
        assert [feature["properties"]["title"] for feature in data["features"]] == ["Shelter neighbour"]
    assert sorted(titles(client.get(LIST))) == ["Shelter", "Shelter neighbour"]  # listed, just never by distance


def test_an_unknown_place_is_ignored_with_a_notice_and_the_other_filters_still_apply(client):
    albanian(title_en="Villa", property_type="villa", **north_of_tirana(10))
    albanian(title_en="House", property_type="house")
    response = client.get(LIST, {"near": "Atlantis", "type": "villa"})
    assert titles(response) == ["Villa"]
    assert "place" in response.context["ignored"]
    assert "not recognised and is ignored: place" in response.text
    assert client.get(LIST, {"near": "tirana", "km": "7"}).context["ignored"] == ["distance"]


def test_the_map_and_its_data_honour_the_place(client):
    albanian(title_en="Three km away", **north_of_tirana(3))
    albanian(title_en="Sixty km away", **north_of_tirana(60))
    data = json.loads(client.get(MAP_DATA, {"near": "tirana", "km": "10"}).content)
    assert [feature["properties"]["title"] for feature in data["features"]] == ["Three km away"]
    page = client.get(MAP, {"near": "tirana", "km": "10"})
    assert "Three km away" in page.text and "Sixty km away" not in page.text
    assert 'data-geojson-url="/en/properties/map.geojson?near=tirana&amp;km=10"' in page.text


def test_the_form_has_a_labelled_place_box_and_distance_select_and_keeps_them_in_links(client):
    albanian(title_en="Villa", **north_of_tirana(1))
    page = client.get(LIST, {"near": "Тирана", "km": "50"}).text
    assert '<label for="id_near">Near (town)</label>' in page
    assert '<label for="id_km">Distance</label>' in page
    assert '<option value="50" selected>within 50 km</option>' in page
    assert '<option value="Tirana">' in page  # the datalist of places with properties
    assert "?near=%D0%A2%D0%B8%D1%80%D0%B0%D0%BD%D0%B0&amp;km=50" in page


# The search engine down ------------------------------------------------------------------------------

@pytest.fixture
def engine_down(monkeypatch):
    def refuse(self, query):
        raise SearchUnavailable("engine down")

    monkeypatch.setattr(DatabaseBackend, "search", refuse)


def test_when_the_engine_is_down_titles_still_match_and_the_page_says_search_is_limited(client, engine_down):
    serbian(title="Вила на Дунаву", title_en="Villa on the Danube")
    serbian(title_en="Other")
    response = client.get(LIST, {"q": "dunavu"})
    assert response.status_code == 200
    assert titles(response) == ["Villa on the Danube"]
    assert "Search is limited right now" in response.text


def test_when_the_engine_is_down_the_distance_filter_is_not_applied_and_said_so(client, engine_down):
    albanian(title_en="Far", **north_of_tirana(80))
    for url in (LIST, MAP, MAP_DATA):
        assert client.get(url, {"near": "tirana", "km": "5"}).status_code == 200
    response = client.get(LIST, {"near": "tirana", "km": "5"})
    assert titles(response) == ["Far"]
    assert "distance filter is not applied" in response.text


def test_a_limited_answer_is_not_cached_for_the_next_visitors(client, monkeypatch):
    serbian(title_en="Flat", description="garden")
    def refuse(self, query):
        raise SearchUnavailable("engine down")

    with monkeypatch.context() as patch:
        patch.setattr(DatabaseBackend, "search", refuse)
        assert titles(client.get(LIST, {"q": "garden"})) == []  # only titles are matched while it is down
    assert titles(client.get(LIST, {"q": "garden"})) == ["Flat"]


# Query budget ----------------------------------------------------------------------------------------

def _queries(client, params):
    with CaptureQueriesContext(connection) as context:
        assert client.get(LIST, params).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("params", [{"q": "garden"}, {"near": "tirana"}, {"q": "garden", "near": "tirana"}])
def test_the_query_count_with_words_or_a_place_does_not_grow_with_the_number_of_properties(params):
    visitor = Client()
    for n in range(2):
        albanian(title_en=f"Garden flat {n}", **north_of_tirana(n + 1))
    small = _queries(visitor, params)
    for n in range(2, 20):
        albanian(title_en=f"Garden flat {n}", **north_of_tirana(n + 1))
    bump_catalogue_version()  # the factories bypass the services, which would drop the cached answers
    assert len(titles(visitor.get(LIST, params))) == 20
    bump_catalogue_version()
    assert _queries(visitor, params) == small
    assert Property.objects.count() == 20
