"""The Elasticsearch backend against a running engine (the noida-db test server, or ELASTICSEARCH_TEST_URL).

Each test indexes its own `Document`s under a prefix of its own (see `elasticsearch_backend`)."""

from decimal import Decimal

import pytest

from search.backends import SearchUnavailable, get_backend
from search.backends.elasticsearch import ElasticsearchBackend
from search.contract import Document, Query, Results

TIRANA = (Decimal("41.3275"), Decimal("19.8187"))
DURRES = (Decimal("41.3246"), Decimal("19.4565"))
SKOPJE = (Decimal("41.9981"), Decimal("21.4254"))


def document(key, title, body="", **fields):
    return Document(key=key, kind=key.partition(":")[0], title=title, body=body, url=f"/{key.replace(':', '/')}/",
                    **fields)


def keys(results: Results) -> list[str]:
    return [hit.key for hit in results.hits]


def test_an_indexed_document_is_found_by_a_word_of_its_title(elasticsearch_backend):
    elasticsearch_backend.index([
        document("property:1", "Villa by the lake", "Seized in 2015", country="ME"),
        document("organisation:2", "Youth centre", "Sport for everyone"),
    ])

    results = elasticsearch_backend.search(Query(text="lake"))

    assert results.total == 1
    [hit] = results.hits
    assert (hit.key, hit.kind, hit.title, hit.url) == ("property:1", "property", "Villa by the lake", "/property/1/")
    assert hit.score > 0


def test_the_site_uses_elasticsearch_when_its_url_is_set(elasticsearch_backend):
    assert isinstance(get_backend(), ElasticsearchBackend)


def test_searching_before_anything_was_indexed_finds_nothing(elasticsearch_backend):
    results = elasticsearch_backend.search(Query(text="lake"))

    assert (results.hits, results.total) == ([], 0)
    assert elasticsearch_backend.indexed() == {}
    assert elasticsearch_backend.autocomplete("la") == []


def test_a_title_match_ranks_above_a_body_match(elasticsearch_backend):
    elasticsearch_backend.index([
        document("project:1", "A garden in town", "Olive"),
        document("project:2", "The olive grove and orchard by the old railway station", "A garden in town"),
    ])

    assert keys(elasticsearch_backend.search(Query(text="olive"))) == ["project:2", "project:1"]


@pytest.mark.parametrize(("typed", "expected"), [
    ("kuca", {"property:1", "property:2", "property:3"}),
    ("KUĆA", {"property:1", "property:2", "property:3"}),
    ("кућа", {"property:1", "property:2", "property:3"}),
    ("Скопје", {"property:4"}),
    ("sehir", {"property:5"}),
])
def test_case_diacritics_and_script_do_not_matter(elasticsearch_backend, typed, expected):
    """kuca finds kuća and кућа; Скопје finds Skopje; sehir finds şehir."""
    elasticsearch_backend.index([
        document("property:1", "Kuća na moru"),
        document("property:2", "Кућа у Београду"),
        document("property:3", "Stara KUCA"),
        document("property:4", "Flat in Skopje"),
        document("property:5", "Şehir merkezi"),
    ])

    assert set(keys(elasticsearch_backend.search(Query(text=typed)))) == expected


def test_a_typo_or_the_start_of_a_word_still_finds_it(elasticsearch_backend):
    elasticsearch_backend.index([document("property:1", "Flat in Skopje"), document("property:2", "House")])

    assert keys(elasticsearch_backend.search(Query(text="skopke"))) == ["property:1"]
    assert keys(elasticsearch_backend.search(Query(text="sko"))) == ["property:1"]
    assert elasticsearch_backend.search(Query(text="sko")).suggestion == ""


def test_every_word_of_the_query_must_match(elasticsearch_backend):
    elasticsearch_backend.index([document("property:1", "Villa by the lake"), document("property:2", "Villa in town")])

    assert keys(elasticsearch_backend.search(Query(text="villa lake"))) == ["property:1"]


def test_when_nothing_matches_the_closest_indexed_words_are_searched_and_suggested(elasticsearch_backend):
    elasticsearch_backend.index([document("property:1", "Kuća na moru", "Zgrada blizu plaže"),
                                 document("property:2", "Stan u gradu")])

    corrected = elasticsearch_backend.search(Query(text="kyxa zgrfda"))
    found = elasticsearch_backend.search(Query(text="kuca"))
    hopeless = elasticsearch_backend.search(Query(text="qqqqqqq"))

    assert (keys(corrected), corrected.suggestion) == (["property:1"], "kuca zgrada")
    assert (keys(found), found.suggestion) == (["property:1"], "")
    assert (hopeless.total, hopeless.suggestion) == (0, "")


def test_facets_count_with_every_other_filter_applied(elasticsearch_backend):
    elasticsearch_backend.index([
        document("property:1", "Farm land", country="MK", property_type="land", status="available", themes=("food",)),
        document("property:2", "Farm house", country="AL", property_type="house", themes=("food", "housing")),
        document("organisation:3", "Farm cooperative", country="MK", themes=("food",)),
        document("project:4", "Town farm", country="MK", status="active"),
    ])

    macedonian = elasticsearch_backend.search(Query(text="farm", country="MK"))
    macedonian_properties = elasticsearch_backend.search(Query(text="farm", country="MK", kinds=("property",)))
    housing = elasticsearch_backend.search(Query(text="farm", theme="housing"))

    assert macedonian.total == 3
    assert macedonian.facets["country"] == {"MK": 3, "AL": 1}  # the country facet ignores the country chosen
    assert macedonian.facets["kind"] == {"property": 1, "organisation": 1, "project": 1}
    assert macedonian.facets["theme"] == {"food": 2}
    assert keys(macedonian_properties) == ["property:1"]
    assert macedonian_properties.facets["kind"] == {"property": 1, "organisation": 1, "project": 1}
    assert macedonian_properties.facets["country"] == {"MK": 1, "AL": 1}
    assert macedonian_properties.facets["property_type"] == {"land": 1}
    assert macedonian_properties.facets["status"] == {"available": 1}
    assert keys(housing) == ["property:2"]
    assert housing.facets["theme"] == {"food": 3, "housing": 1}
    assert set(macedonian.facets) == {"kind", "country", "property_type", "status", "theme"}


def test_the_distance_filter_keeps_nearby_public_points_nearest_first(elasticsearch_backend):
    elasticsearch_backend.index([
        document("property:1", "Flat in Durrës", point=DURRES),
        document("property:2", "Flat in Tirana", point=TIRANA),
        document("property:3", "Flat in Skopje", point=SKOPJE),
        document("property:4", "Flat without a public location"),
    ])

    around_tirana = elasticsearch_backend.search(Query(near=(*TIRANA, 40)))
    flats_around_tirana = elasticsearch_backend.search(Query(text="flat", near=(*TIRANA, 40)))

    assert keys(around_tirana) == ["property:2", "property:1"]
    assert [round(hit.distance_km) for hit in around_tirana.hits] == [0, 30]
    assert set(keys(flats_around_tirana)) == {"property:1", "property:2"}
    assert elasticsearch_backend.search(Query(near=(*TIRANA, 10))).total == 1


def test_highlights_mark_the_matched_words_and_escape_everything_else(elasticsearch_backend):
    elasticsearch_backend.index([
        document("resource:1", "Guide", '<script>alert("x")</script> How to run a kuća for the community'),
        document("page:2", "Story", "Кућа за све"),
        document("page:3", "Kuća", "A body that does not say it again"),
    ])

    hits = {hit.key: hit.highlight for hit in elasticsearch_backend.search(Query(text="kuca")).hits}

    assert "<mark>kuća</mark>" in hits["resource:1"]
    assert "<script>" not in hits["resource:1"]
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in hits["resource:1"]
    assert hits["page:2"] == "<mark>Кућа</mark> за све"
    assert hits["page:3"] == "A body that does not say it again"  # the start of the text, unmarked


HOSTILE = [
    'title:(a OR b)^3 "',
    "x" * 5000,
    "word " * 1000,
    "!!! ??? ((( ))) *** ~~~",
    '{"query": {"match_all": {}}}',
    "kuća кућа Skopje שלום 東京 🏠",
    "\\ / [ ] { } < > & | AND OR NOT * ? ~ ^ :",
    "\x00\u202egnp.exe",
    "",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_queries_never_raise(elasticsearch_backend, text):
    elasticsearch_backend.index([document("property:1", "Kuća in Skopje", "word")])

    results = elasticsearch_backend.search(Query(text=text, language="sr"))
    suggestions = elasticsearch_backend.autocomplete(text)

    assert isinstance(results, Results) and isinstance(suggestions, list)


def test_nothing_searchable_finds_nothing_unless_a_place_is_given(elasticsearch_backend):
    """No words (empty, or only punctuation) and no place: no results, as on the database backend; with a
    place, everything near it."""
    elasticsearch_backend.index([document("property:1", "Villa", point=TIRANA), document("project:2", "Garden")])

    assert elasticsearch_backend.search(Query(text="!!! ???")) == Results(hits=[], total=0)
    assert elasticsearch_backend.search(Query(text="", kinds=("project",))) == Results(hits=[], total=0)
    assert keys(elasticsearch_backend.search(Query(text="!!!", near=(*TIRANA, 5)))) == ["property:1"]


def test_results_in_the_visitors_language_rank_first(elasticsearch_backend):
    """Even above a better text match: documents in the visitor's language (or in several) come first."""
    elasticsearch_backend.index([
        document("page:1", "Skopje", language="en"),
        document("page:2", "About the city", "Skopje", language="mk"),
    ])

    assert keys(elasticsearch_backend.search(Query(text="skopje", language="mk"))) == ["page:2", "page:1"]
    assert keys(elasticsearch_backend.search(Query(text="skopje", language="en"))) == ["page:1", "page:2"]
    elasticsearch_backend.index([document("property:3", "Skopje flat")])  # no language: local and English titles
    assert keys(elasticsearch_backend.search(Query(text="skopje", language="mk")))[-1] == "page:1"


def test_pages_split_the_results_and_a_page_far_beyond_them_is_empty(elasticsearch_backend):
    elasticsearch_backend.index([document(f"property:{number}", f"Villa {number}") for number in range(5)])

    third = elasticsearch_backend.search(Query(text="villa", page=3, page_size=2))
    far = elasticsearch_backend.search(Query(text="villa", page=100_000, page_size=2))
    all_pages = [keys(elasticsearch_backend.search(Query(text="villa", page=page, page_size=2))) for page in (1, 2, 3)]

    assert (len(third.hits), third.total) == (1, 5)
    assert (far.hits, far.total) == ([], 5)
    assert sorted(sum(all_pages, [])) == sorted(f"property:{number}" for number in range(5))


def test_updates_and_deletes_take_effect_at_once(elasticsearch_backend):
    elasticsearch_backend.index([document("property:1", "Villa by the lake", updated_at="2025-01-01T00:00:00+00:00"),
                                 document("property:2", "Villa in town", updated_at="2025-01-01T00:00:00+00:00")])

    elasticsearch_backend.index([document("property:1", "Farm by the river", updated_at="2025-02-01T00:00:00+00:00")])
    after_update = elasticsearch_backend.search(Query(text="villa"))
    elasticsearch_backend.delete(["property:2", "property:404", "organisation:9", "nonsense"])

    assert keys(after_update) == ["property:2"]
    assert keys(elasticsearch_backend.search(Query(text="river"))) == ["property:1"]
    assert elasticsearch_backend.search(Query(text="villa")).total == 0
    assert elasticsearch_backend.indexed() == {"property:1": "2025-02-01T00:00:00+00:00"}


def test_indexed_lists_every_document_with_its_last_change(elasticsearch_backend):
    elasticsearch_backend.index([
        document(f"organisation:{number}", "Centre", updated_at=f"2025-03-{number:02d}") for number in range(1, 31)
    ] + [document("page:7", "Story", updated_at="2025-04-01")])

    indexed = elasticsearch_backend.indexed()

    assert len(indexed) == 31
    assert indexed["organisation:12"] == "2025-03-12" and indexed["page:7"] == "2025-04-01"


def _alias_targets(backend) -> dict[str, list[str]]:
    targets: dict[str, list[str]] = {}
    for index, alias in backend._alias_holders():
        targets.setdefault(alias, []).append(index)
    return targets


def test_a_rebuild_swaps_every_alias_at_once_and_drops_the_old_indices(elasticsearch_backend):
    """While the new indices fill, searches still answer from the old ones; afterwards only the new remain."""
    backend = elasticsearch_backend
    backend.index([document("property:1", "Old villa"), document("page:2", "Old story")])
    old_indices = {index for indices in _alias_targets(backend).values() for index in indices}
    seen_during_rebuild = []
    progress = []

    def documents():
        yield document("property:3", "New villa")
        yield document("organisation:4", "New centre")
        seen_during_rebuild.append(keys(backend.search(Query(text="villa"))))
        yield document("resource:5", "New guide")

    count = backend.rebuild(documents(), progress=progress.append)

    assert count == 3 and progress[-1] == 3
    assert seen_during_rebuild == [["property:1"]]
    assert keys(backend.search(Query(text="villa"))) == ["property:3"]
    assert set(backend.indexed()) == {"property:3", "organisation:4", "resource:5"}
    targets = _alias_targets(backend)
    assert set(targets) == {f"{backend.prefix}-{kind}" for kind in ("property", "organisation", "project", "page",
                                                                    "resource")}
    assert all(len(indices) == 1 for indices in targets.values())
    remaining = set(backend.client.indices.get(index=f"{backend.prefix}-*").body)
    assert remaining == {indices[0] for indices in targets.values()}
    assert not remaining & old_indices
    backend.index([document("project:6", "Villa garden")])  # writes go to the new indices
    assert keys(backend.search(Query(text="garden"))) == ["project:6"]


def test_a_failed_rebuild_leaves_the_old_indices_answering(elasticsearch_backend):
    backend = elasticsearch_backend
    backend.index([document("property:1", "Old villa")])
    before = set(backend.client.indices.get(index=f"{backend.prefix}-*").body)

    def documents():
        yield document("property:3", "New villa")
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        backend.rebuild(documents())

    assert keys(backend.search(Query(text="villa"))) == ["property:1"]
    assert set(backend.client.indices.get(index=f"{backend.prefix}-*").body) == before


def test_autocomplete_completes_the_last_word_typed(elasticsearch_backend):
    elasticsearch_backend.index([
        document("property:1", "Kuća na moru", language="sr"),
        document("property:2", "Kuća u gradu", language="sr"),
        document("page:3", "Skopje stories", language="en"),
        document("page:4", "Скопје приказни", language="mk"),
    ])

    assert elasticsearch_backend.autocomplete("kuca na m") == [
        {"title": "Kuća na moru", "url": "/property/1/", "kind": "property"}
    ]
    assert [item["title"] for item in elasticsearch_backend.autocomplete("sko", language="mk")] == [
        "Скопје приказни", "Skopje stories"
    ]
    assert len(elasticsearch_backend.autocomplete("k", limit=1)) == 1
    assert elasticsearch_backend.autocomplete("zzz") == []


def test_an_unreachable_cluster_makes_search_unavailable(settings):
    """A closed port: every operation raises SearchUnavailable, which pages turn into a message."""
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    backend = get_backend()

    assert isinstance(backend, ElasticsearchBackend)
    for operation in (
        lambda: backend.search(Query(text="villa")),
        lambda: backend.autocomplete("vi"),
        lambda: backend.index([document("property:1", "Villa")]),
        lambda: backend.delete(["property:1"]),
        lambda: backend.indexed(),
        lambda: backend.rebuild([document("property:1", "Villa")]),
    ):
        with pytest.raises(SearchUnavailable):
            operation()
