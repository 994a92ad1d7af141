"""One behaviour, two engines: every test here runs on the PostgreSQL backend and on the Elasticsearch backend
(the noida-db test server started by the fixtures, or the cluster of ELASTICSEARCH_TEST_URL / ELASTICSEARCH_URL).

The documents are the real ones: objects made with the factories and the campaign page builders, turned into
documents by `search.documents` and indexed as the worker does. Only what both engines promise is asserted
(which documents, in which order where the order is a rule, facet counts, highlights), never raw scores.
"""

from decimal import Decimal

import pytest
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from network.models import Municipality, Organisation, ThematicArea
from projects import services as project_services
from search.backends.database import DatabaseBackend
from search.contract import Query, Results
from search.documents import all_documents, documents_for_keys
from search.indexing import index_now
from tests.campaign import pages
from tests.factories import OrganisationFactory, PropertyFactory, reuse_project, set_thematic_areas

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request):
    """The engine under test, empty. Elasticsearch gets indices of its own (see `elasticsearch_backend`)."""
    if request.param == "database":
        return DatabaseBackend()
    return request.getfixturevalue("elasticsearch_backend")


def key(instance) -> str:
    kinds = {"Property": "property", "Organisation": "organisation", "ReuseProject": "project",
             "CampaignDocument": "resource"}
    kind = kinds.get(type(instance).__name__, "page")
    return f"{kind}:{instance.pk}"


def index(backend, *instances) -> list[str]:
    """Index the public documents of `instances` as the worker would; their keys."""
    documents, _gone = documents_for_keys([key(instance) for instance in instances])
    backend.index(documents)
    return [key(instance) for instance in instances]


def keys(results: Results) -> list[str]:
    return [hit.key for hit in results.hits]


def search(backend, text="", **fields) -> Results:
    return backend.search(Query(text=text, **fields))


def organisation(name, mission="", *, country="RS", themes=(), **fields):
    made = OrganisationFactory(verified=True, name=name, mission=mission, country_id=country, city="", **fields)
    if themes:
        set_thematic_areas(made, *themes)
    return made


def amo_of(country):
    return Organisation.objects.get(kind="amo", country_id=country, slug__in=["direkcija-rs", "aapsk-al"])


def place(slug):
    return Municipality.objects.get(slug=slug)


# Ranking ------------------------------------------------------------------------------------------

def test_a_title_match_ranks_above_a_body_match(backend):
    in_title = organisation("Lavender growers", "We grow herbs for the market.")
    in_body = organisation("Herb garden", "We grow lavender and thyme.")
    index(backend, in_body, in_title)

    assert keys(search(backend, "lavender")) == [key(in_title), key(in_body)]


# Diacritics and script ----------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "expected"), [
    ("kuca", {"latin", "cyrillic"}),
    ("KUĆA", {"latin", "cyrillic"}),
    ("кућа", {"latin", "cyrillic"}),
    ("Скопје", {"skopje"}),
    ("skopje", {"skopje"}),
    ("sehir", {"sehir"}),
    ("Şehir", {"sehir"}),
])
def test_case_diacritics_and_script_do_not_matter(backend, typed, expected):
    """kuca finds kuća and кућа; Скопје finds Skopje; sehir finds şehir."""
    made = {
        "latin": PropertyFactory(available=True, title="Kuća na moru", title_en="Seaside holiday home"),
        "cyrillic": PropertyFactory(available=True, title="Кућа у Београду", title_en="Family home in Belgrade"),
        "skopje": organisation("Youth centre Skopje", "Open every day."),
        "sehir": organisation("Şehir merkezi derneği", "Kültür ve gençlik.", country="MK"),
    }
    index(backend, *made.values())

    found = set(keys(search(backend, typed)))

    assert found == {key(made[name]) for name in expected}


# The visitor's language ---------------------------------------------------------------------------

def test_results_in_the_visitors_language_come_first(backend):
    english = pages.document("Social re-use handbook", language="en", description="How social re-use works.")
    albanian = pages.document("Ripërdorimi social", language="sq", description="Si funksionon, social re-use.")
    index(backend, english, albanian)

    assert keys(search(backend, "social", language="sq")) == [key(albanian), key(english)]
    assert keys(search(backend, "social", language="en")) == [key(english), key(albanian)]


# Facets -------------------------------------------------------------------------------------------

def test_facets_count_each_value_with_the_other_filters_applied_the_same_on_both_engines(backend):
    flat = PropertyFactory(available=True, title="Lavanda stan", title_en="Lavanda flat")
    house = PropertyFactory(under_call=True, title="Lavanda kuća", title_en="Lavanda house", property_type="house")
    in_tirana = PropertyFactory(available=True, title="Lavanda apartament", title_en="Lavanda flat in Tirana",
                                amo=amo_of("AL"), municipality=place("tirana-al"))
    cooperative = organisation("Lavanda cooperative", country="AL", themes=("agriculture", "environment"))
    youth = organisation("Lavanda youth", themes=("youth",))
    project = reuse_project("active", title="Lavanda garden", summary="A garden of herbs.")
    project.thematic_areas.set(ThematicArea.objects.filter(slug="youth"))
    index(backend, flat, house, in_tirana, cooperative, youth, project)

    serbian = search(backend, "lavanda", country="RS")
    serbian_youth = search(backend, "lavanda", country="RS", theme="youth")
    serbian_properties = search(backend, "lavanda", country="RS", kinds=("property",))

    assert serbian.total == 4
    assert set(keys(serbian)) == {key(flat), key(house), key(youth), key(project)}
    assert serbian.facets == {
        "kind": {"property": 2, "organisation": 1, "project": 1},
        "country": {"RS": 4, "AL": 2},  # the country facet ignores the country chosen
        "property_type": {"apartment": 1, "house": 1},
        "status": {"available": 1, "under_call": 1, "active": 1},
        "theme": {"youth": 2},
    }
    assert set(keys(serbian_youth)) == {key(youth), key(project)}
    assert serbian_youth.facets["theme"] == {"youth": 2}
    assert serbian_youth.facets["kind"] == {"organisation": 1, "project": 1}
    assert set(keys(serbian_properties)) == {key(flat), key(house)}
    assert serbian_properties.facets["kind"] == {"property": 2, "organisation": 1, "project": 1}
    assert serbian_properties.facets["theme"] == {}


# Distance -----------------------------------------------------------------------------------------

def test_the_distance_filter_places_only_public_points_and_approximate_ones_at_the_municipality_centre(backend):
    novi_sad, zrenjanin = place("novi-sad-rs"), place("zrenjanin-rs")
    building = (Decimal("45.260000"), Decimal("19.840000"))  # about 1 km from the centre of Novi Sad
    exact = PropertyFactory(available=True, title_en="Pčela exact", latitude=building[0], longitude=building[1])
    approximate = PropertyFactory(available=True, approximate=True, title_en="Pčela approximate")
    hidden = PropertyFactory(available=True, hidden=True, title_en="Pčela hidden",
                             latitude=novi_sad.latitude, longitude=novi_sad.longitude)
    # The building is in Novi Sad, but the public only knows Zrenjanin (about 50 km away).
    elsewhere = PropertyFactory(available=True, approximate=True, title_en="Pčela elsewhere",
                                municipality=zrenjanin, latitude=building[0], longitude=building[1])
    belgrade = PropertyFactory(available=True, title_en="Pčela Belgrade", municipality=place("beograd-rs"),
                               latitude=Decimal("44.8040"), longitude=Decimal("20.4651"))
    index(backend, exact, approximate, hidden, elsewhere, belgrade)
    centre = (novi_sad.latitude, novi_sad.longitude)

    near = search(backend, "", near=(*centre, 30))
    near_with_words = search(backend, "pcela", near=(*centre, 30))
    everywhere = search(backend, "", near=(*centre, 20000))

    assert keys(near) == [key(approximate), key(exact)]  # nearest first
    assert [hit.distance_km for hit in near.hits][0] == 0.0
    assert 0.5 < near.hits[1].distance_km < 1.5
    assert set(keys(near_with_words)) == {key(approximate), key(exact)}
    assert near.facets["kind"] == near_with_words.facets["kind"] == {"property": 2}  # counted within the circle
    assert key(hidden) not in keys(everywhere)  # a hidden property is never placed, however wide the circle
    assert everywhere.total == 4
    placed_elsewhere = next(hit for hit in everywhere.hits if hit.key == key(elsewhere))
    assert 45 < placed_elsewhere.distance_km < 55
    assert search(backend, "pcela").total == 5  # without the distance filter, the hidden one is found by words


# Visibility ---------------------------------------------------------------------------------------

def test_what_the_public_may_not_see_is_never_indexed_nor_returned(backend):
    public = [
        PropertyFactory(available=True, title_en="Zumbul flat"),
        organisation("Zumbul friends"),
        reuse_project("active", title="Zumbul garden"),
        pages.campaign_page(title="Zumbul explained"),
        pages.document("Zumbul handbook"),
    ]
    restricted_page = pages.campaign_page(title="Zumbul members")
    PageViewRestriction.objects.create(page=restricted_page, restriction_type="password", password="secret")
    private_collection = Collection.get_first_root_node().add_child(name="Private")
    CollectionViewRestriction.objects.create(collection=private_collection, restriction_type="login")
    hidden = [
        PropertyFactory(title_en="Zumbul draft flat"),
        PropertyFactory(withdrawn=True, title_en="Zumbul withdrawn flat"),
        OrganisationFactory(name="Zumbul pending"),
        OrganisationFactory(suspended=True, name="Zumbul suspended"),
        reuse_project("preparing", title="Zumbul preparing"),
        reuse_project("terminated", title="Zumbul terminated"),
        pages.campaign_page(title="Zumbul draft", live=False),
        public[3].create_alias(update_slug="zumbul-alias"),
        restricted_page,
        pages.standard_page(restricted_page, title="Zumbul below members"),
        pages.document("Zumbul restricted study", collection=private_collection),
    ]
    backend.rebuild(all_documents())

    assert set(keys(search(backend, "zumbul", page_size=50))) == {key(instance) for instance in public}
    assert not {key(instance) for instance in hidden} & set(backend.indexed())

    project = public[2]
    project_services.project_suspend(project=project, actor=None, reason="The insurance lapsed.")
    assert index_now([key(project)], backend=backend)

    assert key(project) not in keys(search(backend, "zumbul"))
    assert key(project) not in backend.indexed()


# Highlighting -------------------------------------------------------------------------------------

def test_highlights_mark_the_matched_words_in_any_script_and_escape_the_markup(backend):
    property = PropertyFactory(available=True, title="Stan", title_en="Flat",
                               description='Velika <b>kuća</b> & dvorište <script>alert("x")</script>',
                               description_en="Кућа with a garden.")
    index(backend, property)

    [hit] = search(backend, "kuca").hits

    assert "<mark>kuća</mark>" in hit.highlight
    assert "<mark>Кућа</mark>" in hit.highlight
    assert "&lt;b&gt;" in hit.highlight and "&amp;" in hit.highlight
    assert "<b>" not in hit.highlight and "<script>" not in hit.highlight
    assert hit.highlight.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_a_long_text_is_cut_to_an_excerpt_around_the_match(backend):
    long_text = "Lorem ipsum dolor sit amet. " * 40 + "The kuća opens in May. " + "Consectetur adipiscing. " * 40
    property = PropertyFactory(available=True, title="Stan", title_en="Flat", description=long_text)
    index(backend, property)

    [hit] = search(backend, "kuca").hits
    [start] = search(backend, "stan").hits  # the title matched: the start of the text, unmarked

    assert "<mark>kuća</mark>" in hit.highlight
    assert len(hit.highlight) < 320
    assert "<mark>" not in start.highlight and start.highlight.startswith("Lorem ipsum dolor sit amet.")
    assert len(start.highlight) < 320


# Hostile queries ----------------------------------------------------------------------------------

NOTHING_SEARCHABLE = ["*", "\\", "\\\\", "!!! ??? ((( ))) ~~~ ^^^ :::", "", "   ", "&|!():*<->'\""]
FINDS_NOTHING = ['title:(a OR b)^3 "', "x" * 5000, "Скопје 東京 مرحبا 🏠 qqqqqqq"]


@pytest.mark.parametrize("text", NOTHING_SEARCHABLE)
def test_a_query_without_words_finds_nothing_and_never_raises(backend, text):
    index(backend, PropertyFactory(available=True, title="Kuća", title_en="House"))

    assert search(backend, text, kinds=("property",), language="sr") == Results(hits=[], total=0)
    assert backend.autocomplete(text) == []


@pytest.mark.parametrize("text", FINDS_NOTHING)
def test_hostile_queries_never_raise_and_find_nothing(backend, text):
    index(backend, PropertyFactory(available=True, title="Kuća", title_en="House", description="Shtëpi me oborr."))

    results = search(backend, text, country="'; DROP TABLE x; --", theme='"]', page=10**6, page_size=10**6)

    assert (results.hits, results.total) == ([], 0)
    assert isinstance(backend.autocomplete(text), list)


def test_a_query_mixing_latin_cyrillic_and_albanian_finds_what_has_every_word(backend):
    house = PropertyFactory(available=True, title="Кућа", title_en="House", description="Shtëpi me oborr.")
    other = PropertyFactory(available=True, title="Kuća", title_en="Cottage")
    index(backend, house, other)

    assert keys(search(backend, "kuća КУЋА shtepi")) == [key(house)]
    assert set(keys(search(backend, "Кућа"))) == {key(house), key(other)}


# Index consistency --------------------------------------------------------------------------------

def test_the_index_holds_exactly_the_public_documents_after_updates_and_deletes(backend):
    renamed = organisation("Bee friends")
    deleted = PropertyFactory(available=True)
    withdrawn = PropertyFactory(available=True)
    backend.rebuild(all_documents())
    added = PropertyFactory(available=True, title_en="Brand new flat")

    Organisation.objects.filter(pk=renamed.pk).update(name="Wasp friends", updated_at=timezone.now())
    deleted_key = key(deleted)
    deleted.delete()
    withdrawn.status = "withdrawn"
    withdrawn.save()
    assert index_now([key(renamed), deleted_key, key(withdrawn), key(added)], backend=backend)

    assert backend.indexed() == {document.key: document.updated_at for document in all_documents()}
    assert keys(search(backend, "wasp")) == [key(renamed)]
    assert key(renamed) not in keys(search(backend, "bee"))  # the old name no longer finds it
    assert keys(search(backend, "brand new")) == [key(added)]


# Typos --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["lavander", "lavendr", "lsvender", "lavander growers", "лавендер"])
def test_one_wrong_letter_still_finds_it_or_suggests_the_word(backend, typed):
    growers = organisation("Lavender growers", "Fields of herbs.")
    index(backend, growers, organisation("Olive press", "Oil."))

    results = search(backend, typed)

    assert keys(results) == [key(growers)]
    assert results.suggestion in ("", "lavender", "lavender growers")


def test_did_you_mean_never_replaces_a_word_the_index_knows(backend):
    """The word "centru" is in a title only and "centres" in a body only. "kafana" has no close match, so
    nothing is suggested (Elasticsearch's suggester on the body used to offer "centres" for the known
    "centru"), and a correctly spelt word finds only itself (Elasticsearch's fuzzy matching also found
    "centres")."""
    flat = PropertyFactory(available=True, title="Stan u centru", title_en="Flat downtown")
    index(backend, flat, organisation("Youth club", "Community centres for young people."))

    results = search(backend, "centru kafana")

    assert (results.total, results.suggestion) == (0, "")
    assert keys(search(backend, "centru")) == [key(flat)]


# Pagination ---------------------------------------------------------------------------------------

def test_page_two_holds_the_next_hits_and_the_total_is_stable(backend):
    beekeepers = [organisation(f"Beekeepers association {number}") for number in range(12)]
    index(backend, *beekeepers)

    everything = search(backend, "beekeepers", page_size=12)
    pages_of_five = [search(backend, "beekeepers", page=page, page_size=5) for page in (1, 2, 3)]

    assert everything.total == 12
    assert [results.total for results in pages_of_five] == [12, 12, 12]
    assert [keys(results) for results in pages_of_five] == [keys(everything)[0:5], keys(everything)[5:10],
                                                            keys(everything)[10:12]]
    assert set(keys(everything)) == {key(instance) for instance in beekeepers}
    assert search(backend, "beekeepers", page=4, page_size=5).hits == []


# Autocomplete -------------------------------------------------------------------------------------

def test_autocomplete_completes_titles_from_their_prefix_within_the_limit(backend):
    ohrid = organisation("Beekeepers of Ohrid", "Honey.")
    school = organisation("Beekeeping school", "Lessons.")
    honey = organisation("Honey house", "Run by beekeepers.")  # only its body says it
    index(backend, ohrid, school, honey)

    assert {item["title"] for item in backend.autocomplete("beekee")} == {ohrid.name, school.name}
    assert backend.autocomplete("beekeepers of oh") == [{"title": ohrid.name, "url": ohrid.get_absolute_url(),
                                                         "kind": "organisation"}]
    assert [item["title"] for item in backend.autocomplete("Охр")] == [ohrid.name]
    assert len(backend.autocomplete("bee", limit=1)) == 1
    assert len(backend.autocomplete("bee", limit=2)) == 2


def test_autocomplete_offers_titles_in_the_visitors_language_first(backend):
    english = pages.document("Handbook on social re-use", language="en")
    albanian = pages.document("Handbook i ripërdorimit social", language="sq")
    index(backend, english, albanian)

    assert [item["title"] for item in backend.autocomplete("handb", language="sq")] == [albanian.title,
                                                                                        english.title]
    assert [item["title"] for item in backend.autocomplete("handb", language="en")] == [english.title,
                                                                                        albanian.title]
    assert backend.autocomplete("zzzz") == []


# Stemming -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "language"), [
    ("youth centres", "en"),
    ("omladinskih kuce", "sr-latn"),
    ("омладинских кућама", "sr"),
])
def test_other_forms_of_a_word_find_it_in_a_language_with_a_stemmer(backend, typed, language):
    """The visitor's words are cut to their stem (search.text.stem) and matched as prefixes: "centres" finds
    "centre", "omladinskih kuće" finds "Омладинска кућа", on both engines."""
    english = organisation("Youth centre of Novi Sad", "Homework club and cooking classes.")
    serbian = organisation("Омладинска кућа Нови Сад", "Школа кувања.")
    index(backend, english, serbian)

    found = keys(search(backend, typed, language=language))

    assert (key(english) if language == "en" else key(serbian)) in found
