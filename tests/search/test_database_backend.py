"""The PostgreSQL backend: matching that ignores case, diacritics and script, ranking, the visitor's language
first, facets, the distance filter, typo tolerance with "did you mean", highlighting, hostile queries and a
query budget that does not grow with the index."""

from decimal import Decimal

import pytest
from django.db import connection

from search.backends.database import DatabaseBackend, highlight
from search.contract import Query

from . import document, indexed, keys, search

pytestmark = pytest.mark.django_db

HOSTILE = [
    'title:(a OR b)^3 "',
    "x" * 5000,
    "кућа " * 1000,
    "!!! ??? ... ;;; '' \"\" \\\\ %% __",
    "&|!():*<->'\\",
    "Скопје kuća şehir 北京 مرحبا 🏠",
    "' OR 1=1 --",
    "a:* & b:A",
    "\x00\x01 null byte",
    "",
    "   ",
]


def test_it_runs_on_postgresql():
    assert connection.vendor == "postgresql"


@pytest.mark.parametrize(("text", "title"), [
    ("kuca", "Kuća za mlade"),
    ("kuca", "Кућа за младе"),
    ("KUĆA", "kuca za mlade"),
    ("Скопје", "Youth centre in Skopje"),
    ("skopje", "Младински центар во Скопје"),
    ("sehir", "Şehir merkezi"),
    ("chisinau", "Centru social din Chișinău"),
])
def test_case_diacritics_and_script_do_not_matter(text, title):
    backend = indexed(document("property:1", title), document("property:2", "Something else entirely"))
    assert keys(search(backend, text)) == ["property:1"]


def test_every_word_must_match_each_as_a_prefix():
    backend = indexed(
        document("property:1", "Villa with garden in Tirana"),
        document("property:2", "Villa near the sea"),
    )
    assert keys(search(backend, "villa tir")) == ["property:1"]
    assert sorted(keys(search(backend, "vil"))) == ["property:1", "property:2"]


def test_a_title_match_ranks_above_a_body_match():
    backend = indexed(
        document("project:1", "Community kitchen", "Run in a former warehouse next to a shelter."),
        document("project:2", "Shelter for women", "A safe place."),
    )
    assert keys(search(backend, "shelter")) == ["project:2", "project:1"]


def test_results_in_the_visitors_language_come_first():
    backend = indexed(
        document("page:1", "Social re-use explained", "Social re-use of assets.", language="en"),
        document("page:2", "Social re-use objašnjen", "Social re-use imovine.", language="sr-latn"),
    )
    assert keys(search(backend, "social", language="sr-latn")) == ["page:2", "page:1"]
    assert keys(search(backend, "social", language="en")) == ["page:1", "page:2"]


def test_facets_count_each_value_with_the_other_filters_applied():
    backend = indexed(
        document("property:1", "Flat in Belgrade", country="RS", property_type="apartment", status="available"),
        document("property:2", "Flat in Novi Sad", country="RS", property_type="apartment", status="under_call"),
        document("property:3", "Flat in Tirana", country="AL", property_type="apartment", status="available"),
        document("property:4", "Flat farm in Tirana", country="AL", property_type="farm", status="available"),
        document("organisation:5", "Flat earth society", country="AL", themes=("youth", "education")),
        document("project:6", "Not flat at all, a farm project", country="RS", themes=("youth",)),
    )
    results = search(backend, "flat", country="AL")
    assert results.total == 3
    assert results.facets["kind"] == {"property": 2, "organisation": 1}
    # The country facet ignores the country filter itself, so that the visitor sees what another choice gives.
    assert results.facets["country"] == {"AL": 3, "RS": 3}
    assert results.facets["property_type"] == {"apartment": 1, "farm": 1}
    assert results.facets["status"] == {"available": 2}
    assert results.facets["theme"] == {"education": 1, "youth": 1}
    filtered = search(backend, "flat", country="AL", theme="youth")
    assert keys(filtered) == ["organisation:5"]
    assert filtered.facets["theme"] == {"education": 1, "youth": 1}
    assert keys(search(backend, "flat", kinds=("project",))) == ["project:6"]


def test_the_distance_filter_keeps_what_is_within_the_radius_and_never_places_what_has_no_point():
    tirana = (Decimal("41.327440"), Decimal("19.818660"))
    backend = indexed(
        document("property:1", "House in Tirana", point=tirana),
        document("property:2", "House in Durrës", point=(Decimal("41.323100"), Decimal("19.441400"))),  # ~31 km
        document("property:3", "House in Shkodër", point=(Decimal("42.068300"), Decimal("19.512600"))),
        document("property:4", "House with a hidden address"),  # no public point
    )
    results = search(backend, "house", near=(*tirana, 30))
    assert keys(results) == ["property:1"]
    assert results.hits[0].distance_km == 0
    within_40 = search(backend, "house", near=(*tirana, 40))
    assert keys(within_40) == ["property:1", "property:2"]
    assert 30 < within_40.hits[1].distance_km < 33
    # Without words, the distance filter alone lists what is near, nearest first.
    assert keys(search(backend, "", near=(*tirana, 200))) == ["property:1", "property:2", "property:3"]


def test_a_misspelt_word_finds_the_indexed_word_and_suggests_it():
    backend = indexed(
        document("property:1", "Warehouse in Podgorica"),
        document("property:2", "Apartment in Bitola"),
    )
    results = search(backend, "warehose podgorica")
    assert keys(results) == ["property:1"]
    assert results.suggestion == "warehouse podgorica"
    assert search(backend, "warehouse").suggestion == ""


def test_no_suggestion_from_words_no_longer_in_the_index():
    backend = indexed(document("property:1", "Warehouse in Podgorica"), document("property:2", "Flat"))
    backend.delete(["property:1"])
    results = search(backend, "warehose")
    assert results.total == 0
    assert results.suggestion == ""


def test_the_highlight_shows_the_original_text_with_matches_marked_and_everything_else_escaped():
    backend = indexed(document("property:1", "Kuća", "Velika <b>kuća</b> & dvorište u Нишу, blizu škole."))
    hit = search(backend, "kuca nis").hits[0]
    assert hit.highlight == (
        "Velika &lt;b&gt;<mark>kuća</mark>&lt;/b&gt; &amp; dvorište u <mark>Нишу</mark>, blizu škole."
    )


def test_a_long_body_is_cut_around_the_first_match():
    text = "Lorem ipsum dolor sit amet. " * 40 + "The shelter opens in May. " + "Consectetur adipiscing. " * 40
    excerpt = highlight(text, ["shelter"])
    assert "<mark>shelter</mark>" in excerpt
    assert excerpt.startswith("… ") and excerpt.endswith(" …")
    assert len(excerpt) < 300


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_queries_never_raise(text):
    backend = indexed(document("property:1", "Kuća u Skopju", "title OR body"), document("property:2", "Flat"))
    results = backend.search(Query(text=text, kinds=("property", "nonsense"), country="'; DROP TABLE x; --",
                                   theme='"]', page=10**9, page_size=10**9, language="\x00"))
    assert results.total >= 0
    assert isinstance(backend.autocomplete(text), list)


def test_a_query_without_words_returns_nothing():
    backend = indexed(document("property:1", "Kuća"))
    results = search(backend, "!!! ???")
    assert results.hits == [] and results.total == 0


def test_unusable_distances_are_ignored():
    backend = indexed(document("property:1", "House", point=(Decimal("41.3"), Decimal("19.8"))))
    assert keys(search(backend, "house", near=(Decimal("1000"), Decimal("19.8"), 30))) == ["property:1"]
    assert keys(search(backend, "house", near=(Decimal("41.3"), Decimal("19.8"), -5))) == ["property:1"]


def test_pagination():
    backend = indexed(*[document(f"property:{n}", f"Flat number {n}") for n in range(1, 26)])
    first = search(backend, "flat", page_size=10)
    third = search(backend, "flat", page_size=10, page=3)
    assert first.total == third.total == 25
    assert len(first.hits) == 10 and len(third.hits) == 5
    assert not set(keys(first)) & set(keys(third))


def test_autocomplete_matches_titles_only_by_the_words_typed_so_far():
    backend = indexed(
        document("property:1", "Youth centre in Skopje", language=""),
        document("page:2", "Youth work", "About the youth centre.", language="en"),
        document("page:3", "Something else", "youth"),
    )
    titles = [row["title"] for row in backend.autocomplete("yout")]
    assert set(titles) == {"Youth centre in Skopje", "Youth work"}
    assert backend.autocomplete("youth cen") == [{"title": "Youth centre in Skopje", "url": "/property:1/",
                                                   "kind": "property"}]
    assert backend.autocomplete("скоп")[0]["title"] == "Youth centre in Skopje"
    assert len(backend.autocomplete("y", limit=1)) == 1


@pytest.mark.parametrize("count", [5, 200])
def test_a_search_costs_the_same_queries_whatever_the_size_of_the_index(count, django_assert_num_queries):
    backend = indexed(*[document(f"property:{n}", f"Flat {n}", "A flat.", country="RS", themes=("youth",))
                        for n in range(count)])
    # The hits, then the total and every facet's counts together (one scan of the matches).
    with django_assert_num_queries(2):
        results = backend.search(Query(text="flat", country="RS", page_size=50))
    assert results.total == count
    assert results.facets["country"] == {"RS": count} and results.facets["theme"] == {"youth": count}


def test_index_replaces_a_document_and_delete_removes_it():
    backend = indexed(document("property:1", "Old title"))
    backend.index([document("property:1", "New title", updated_at="2025-01-02T00:00:00+00:00")])
    assert keys(search(backend, "new")) == ["property:1"]
    assert keys(search(backend, "old")) == []
    assert backend.indexed() == {"property:1": "2025-01-02T00:00:00+00:00"}
    backend.delete(["property:1", "property:404"])
    assert backend.indexed() == {}


def test_rebuild_replaces_the_whole_index_and_reports_progress():
    backend = indexed(document("property:1", "Gone"))
    seen = []
    count = backend.rebuild((document(f"page:{n}", "Page") for n in range(3)), progress=seen.append)
    assert count == 3
    assert seen[-1] == 3
    assert sorted(backend.indexed()) == ["page:0", "page:1", "page:2"]


def test_the_simple_fallback_answers_the_same_shapes():
    """The SQLite demo's fallback, run here on the same rows: matching, filters, facets and distance."""
    indexed(
        document("property:1", "Kuća u Tirani", country="AL", point=(Decimal("41.3"), Decimal("19.8"))),
        document("property:2", "Кућа у Београду", country="RS", point=(Decimal("44.8"), Decimal("20.4"))),
        document("organisation:3", "Mladi", "Kuća za mlade", country="RS"),
    )
    simple = DatabaseBackend()
    results = simple._search_simple(Query(text="kuca", country="RS"), ["kuca"], None)
    assert keys(results) == ["property:2", "organisation:3"]  # title above body
    assert results.facets["country"] == {"RS": 2, "AL": 1}
    assert results.facets["kind"] == {"organisation": 1, "property": 1}
    near = simple._search_simple(Query(text="kuca"), ["kuca"], (41.3, 19.8, 30.0))
    assert keys(near) == ["property:1"]
    misspelt = simple._search_simple(Query(text="kucaa"), ["kucaa"], None)
    assert misspelt.suggestion == "kuca" and misspelt.total == 3
    assert "<mark>" in results.hits[1].highlight
