"""The public catalogue: filters with stable parameter names, sorting, pagination, bad values, the map
data, a property's page, its documents, query budgets and the live counts on the home and office pages."""

import html
import json
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from network.models import Municipality, Organisation
from reuse_projects.cache import bump_catalogue_version
from reuse_projects.models import Property, PropertyDocument, PropertyEvent, PropertyPhoto, SuitableUse
from tests.factories import (
    PDF_BYTES,
    MembershipFactory,
    PropertyFactory,
    amo_officer,
    organisation_with_admin,
    pdf_upload,
    png_upload,
)

pytestmark = pytest.mark.django_db

LIST = "/en/properties/"
MAP = "/en/properties/map/"
MAP_DATA = "/en/properties/map.geojson"


CARD_TITLE = re.compile(r'<li class="card">.*?<h3><a href="[^"]+">([^<]+)</a></h3>', re.S)


def titles(response):
    """The titles of the result cards, in order, as a visitor reads them (rendered or from the cache)."""
    assert response.status_code == 200
    return [html.unescape(title) for title in CARD_TITLE.findall(response.text)]


def albanian_property(**kwargs):
    return PropertyFactory(
        amo=Organisation.objects.get(slug="aapsk-al"), municipality=Municipality.objects.get(slug="tirana-al"),
        **kwargs,
    )


def test_the_url_names_resolve_to_the_documented_paths():
    assert reverse("reuse_projects:property_list") == LIST
    assert reverse("reuse_projects:property_map") == MAP
    assert reverse("reuse_projects:property_map_data") == MAP_DATA
    assert reverse("reuse_projects:property_detail", kwargs={"reference": "direkcija-rs--RS-1"}) == (
        "/en/properties/direkcija-rs--RS-1/"
    )


def test_the_list_shows_open_properties_with_their_count_and_hides_drafts_and_withdrawn(client):
    PropertyFactory(available=True, title_en="Open flat")
    PropertyFactory(under_call=True, title_en="Flat under call")
    PropertyFactory(in_reuse=True, title_en="Youth centre")
    PropertyFactory(title_en="Draft flat")
    PropertyFactory(withdrawn=True, title_en="Withdrawn flat")
    response = client.get(LIST)
    assert response.status_code == 200
    assert sorted(titles(response)) == ["Flat under call", "Open flat"]
    assert "2 properties" in response.content.decode()
    assert "Draft flat" not in response.content.decode()


def test_each_filter_narrows_the_list_by_its_stable_parameter_name(client):
    PropertyFactory(available=True, title_en="Small ready flat", floor_area=Decimal("40"), condition="ready")
    PropertyFactory(available=True, title_en="Big ruin", floor_area=Decimal("400"), condition="ruin",
                    property_type="warehouse")
    PropertyFactory(available=True, title_en="Belgrade office", property_type="office", floor_area=Decimal("120"),
                    municipality=Municipality.objects.get(slug="beograd-rs"))
    albanian_property(available=True, title_en="Tirana villa", property_type="villa", floor_area=Decimal("300"))
    PropertyFactory(in_reuse=True, title_en="Re-used flat")

    assert titles(client.get(LIST, {"country": "AL"})) == ["Tirana villa"]
    assert titles(client.get(LIST, {"country": "al"})) == ["Tirana villa"]
    assert titles(client.get(LIST, {"municipality": "beograd-rs"})) == ["Belgrade office"]
    assert titles(client.get(LIST, {"type": "warehouse"})) == ["Big ruin"]
    assert titles(client.get(LIST, {"status": "in_reuse"})) == ["Re-used flat"]
    assert titles(client.get(LIST, {"condition": "ready"})) == ["Small ready flat"]
    assert sorted(titles(client.get(LIST, {"min_area": "200"}))) == ["Big ruin", "Tirana villa"]
    assert titles(client.get(LIST, {"max_area": "50"})) == ["Small ready flat"]
    assert titles(client.get(LIST, {"min_area": "100", "max_area": "150"})) == ["Belgrade office"]
    assert titles(client.get(LIST, {"country": "RS", "type": "office"})) == ["Belgrade office"]


def test_the_use_filter_matches_a_suitable_use(client):
    shelter = PropertyFactory(available=True, title_en="Shelter flat")
    shelter.suitable_uses.set([SuitableUse.objects.get(slug="shelter")])
    PropertyFactory(available=True, title_en="Other flat")
    response = client.get(LIST, {"use": "shelter"})
    assert titles(response) == ["Shelter flat"]
    assert "Shelter" in response.content.decode()


def test_the_municipality_select_lists_only_places_with_public_properties_of_the_chosen_country(client):
    PropertyFactory(available=True)
    PropertyFactory(municipality=Municipality.objects.get(slug="beograd-rs"))  # a draft only
    albanian_property(available=True)
    options = [slug for slug, _name in client.get(LIST).context["municipality_choices"]]
    assert options == ["tirana-al", "novi-sad-rs"] or sorted(options) == ["novi-sad-rs", "tirana-al"]
    assert [slug for slug, _ in client.get(LIST, {"country": "RS"}).context["municipality_choices"]] == [
        "novi-sad-rs"
    ]


def test_a_municipality_of_another_country_is_ignored_and_explained(client):
    PropertyFactory(available=True)
    response = client.get(LIST, {"country": "AL", "municipality": "novi-sad-rs"})
    assert response.status_code == 200
    assert "municipality" in response.context["ignored"]
    assert response.context["filters"].country == "AL"


@pytest.mark.parametrize("sort, expected", [
    ("newest", ["C", "B", "A"]),
    ("area", ["B", "C", "A"]),
    ("-area", ["A", "C", "B"]),
    ("municipality", ["C", "A", "B"]),
])
def test_sorting(client, sort, expected):
    now = timezone.now()
    PropertyFactory(available=True, title_en="A", floor_area=Decimal("300"), published_at=now - timezone.timedelta(2),
                    municipality=Municipality.objects.get(slug="nis-rs"))
    PropertyFactory(available=True, title_en="B", floor_area=Decimal("50"), published_at=now - timezone.timedelta(1),
                    municipality=Municipality.objects.get(slug="novi-sad-rs"))
    PropertyFactory(available=True, title_en="C", floor_area=Decimal("100"), published_at=now,
                    municipality=Municipality.objects.get(slug="beograd-rs"))
    assert titles(client.get(LIST, {"sort": sort})) == expected


def test_pagination_keeps_the_filters_in_its_links(client):
    for _ in range(30):
        PropertyFactory(available=True, property_type="house")
    PropertyFactory(available=True, property_type="villa")
    first = client.get(LIST, {"type": "house", "sort": "area"})
    html = first.content.decode()
    assert "30 properties" in html
    assert len(titles(first)) == 24
    assert "?type=house&amp;sort=area&amp;page=2" in html
    second = client.get(LIST, {"type": "house", "sort": "area", "page": "2"})
    assert len(titles(second)) == 6


@pytest.mark.parametrize("params, ignored", [
    ({"country": "XX"}, "country"),
    ({"type": "castle"}, "type"),
    ({"status": "draft"}, "status"),
    ({"status": "withdrawn"}, "status"),
    ({"min_area": "abc"}, "smallest floor area"),
    ({"max_area": "NaN"}, "largest floor area"),
    ({"min_area": "-5"}, "smallest floor area"),
    ({"condition": "haunted"}, "condition"),
    ({"use": "casino"}, "suitable use"),
    ({"municipality": "atlantis"}, "municipality"),
    ({"sort": "evil"}, "order"),
    ({"page": "999999"}, "page"),
    ({"page": "abc"}, "page"),
])
@pytest.mark.parametrize("url", [LIST, MAP])
def test_a_bad_value_is_ignored_and_explained_never_an_error(client, url, params, ignored):
    PropertyFactory(available=True, title_en="Still listed")
    response = client.get(url, params)
    assert response.status_code == 200
    assert ignored in response.context["ignored"]
    html = response.content.decode()
    assert "not recognised and is ignored" in html
    assert "Still listed" in html


@pytest.mark.parametrize("params", [
    {"q": "x" * 100_000}, {"min_area": "1e999999"}, {"min_area": "9" * 5000}, {"country": "\x00"},
    {"municipality": "a" * 10_000}, {"page": "-1"}, {"sort": "'; DROP TABLE x; --"}, {"use": "\u202e"},
])
def test_hostile_values_never_cause_a_server_error(client, params):
    for url in (LIST, MAP, MAP_DATA):
        assert client.get(url, params).status_code == 200


def test_the_search_box_matches_the_title(client):
    PropertyFactory(available=True, title="Вила на Дунаву", title_en="Villa on the Danube")
    PropertyFactory(available=True, title_en="Other")
    assert titles(client.get(LIST, {"q": "dunavu"})) == ["Villa on the Danube"]


def test_a_card_shows_the_photo_with_its_alt_text_and_the_key_facts(client):
    item = PropertyFactory(available=True, title_en="Flat with photo", floor_area=Decimal("84.50"))
    PropertyPhoto.objects.create(property=item, image=png_upload("flat.png"), alt_text="A bright living room")
    html = client.get(LIST).content.decode()
    assert 'alt="A bright living room"' in html
    assert "84.50 m²" in html
    assert "Needs minor works" in html
    assert "Нови Сад, Serbia" in html
    assert item.get_absolute_url() in html


def test_the_map_page_has_the_map_element_a_table_fallback_and_the_filtered_data_url(client, settings):
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "© Example contributors"
    PropertyFactory(available=True, title_en="Mapped flat", property_type="house")
    html = client.get(MAP, {"type": "house"}).content.decode()
    assert 'id="property-map"' in html
    assert 'data-geojson-url="/en/properties/map.geojson?type=house"' in html
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in html
    assert "© Example contributors" in html
    assert "vendor/leaflet/leaflet.js" in html and "vendor/leaflet.markercluster/leaflet.markercluster.js" in html
    assert "js/property-map.js" in html
    assert "<table" in html and "Mapped flat" in html
    assert "No background map is configured" not in html


def test_without_a_tile_url_the_map_page_says_so(client, settings):
    settings.MAP_TILE_URL = ""
    html = client.get(MAP).content.decode()
    assert 'data-tile-url=""' in html
    assert "No background map is configured" in html


def test_the_map_data_is_a_feature_collection_of_the_filtered_results(client):
    exact = PropertyFactory(available=True, title_en="Exact house", property_type="house",
                            latitude=Decimal("45.260001"), longitude=Decimal("19.820002"))
    PropertyFactory(available=True, property_type="villa")
    PropertyFactory(available=True, property_type="house", hidden=True)
    response = client.get(MAP_DATA, {"type": "house"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/geo+json")
    assert "private" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == 1  # the villa is filtered out, the hidden house has no point
    feature = data["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [19.820002, 45.260001]}
    assert feature["properties"] == {
        "title": "Exact house", "url": exact.get_absolute_url(), "municipality": "Нови Сад",
        "type": "House", "status": "Available", "precision": "exact",
    }


def _bulk_properties(count):
    amo = Organisation.objects.get(slug="direkcija-rs")
    municipality = Municipality.objects.get(slug="novi-sad-rs")
    now = timezone.now()
    items = []
    for n in range(count):
        item = Property(
            amo=amo, reference=f"BULK-{n}", title=f"Стан {n}", title_en=f"Flat {n}", property_type="apartment",
            municipality=municipality, status="available", published_at=now, floor_area=Decimal(30 + n),
            latitude=Decimal("45.25"), longitude=Decimal("19.83"), location_privacy=("exact", "approximate")[n % 2],
        )
        item.refresh_search_fields()
        items.append(item)
    created = Property.objects.bulk_create(items)
    use = SuitableUse.objects.get(slug="shelter")
    for item in created[:5]:
        item.suitable_uses.add(use)
        PropertyPhoto.objects.create(property=item, image=png_upload(), alt_text="photo")


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", [LIST, MAP, MAP_DATA])
def test_the_query_count_does_not_grow_with_the_number_of_properties(url):
    visitor = Client()
    _bulk_properties(10)
    small = _queries(visitor, url)
    Property.objects.filter(reference__startswith="BULK-").delete()
    _bulk_properties(500)
    bump_catalogue_version()  # bulk writes bypass the services, which would drop the cached answers
    assert _queries(visitor, url) == small


def test_the_query_count_is_fixed_for_a_signed_in_member_too(client):
    _organisation, admin = organisation_with_admin(verified=True)
    client.force_login(admin)
    _bulk_properties(10)
    small = _queries(client, MAP_DATA)
    _bulk_properties_more = Property.objects.filter(reference__startswith="BULK-")
    _bulk_properties_more.delete()
    _bulk_properties(500)
    assert _queries(client, MAP_DATA) == small


# A property's page ---------------------------------------------------------------------------------

def test_the_detail_page_shows_facts_conditions_uses_the_office_timeline_and_the_call_to_action(client):
    item = PropertyFactory(
        available=True, title_en="Flat for a shelter", rooms=3, floors=1, year_built=1978, land_area=Decimal("12"),
        renovation_cost_min=5000, renovation_cost_max=12000, utilities=["electricity", "water"],
        term_years=10, renewable=True, restrictions="No commercial use.", contact_email="contact@direkcija.example",
        legal_status="confiscated", accessibility="partly",
    )
    item.suitable_uses.set([SuitableUse.objects.get(slug="shelter")])
    PropertyPhoto.objects.create(property=item, image=png_upload("a.png"), alt_text="The front door", position=1)
    PropertyPhoto.objects.create(property=item, image=png_upload("b.png"), alt_text="The kitchen", position=2)
    PropertyEvent.objects.create(property=item, action="create", to_status="draft")
    PropertyEvent.objects.create(property=item, action="publish", from_status="draft", to_status="available")
    html = client.get(item.get_absolute_url()).content.decode()
    for text in (
        "Flat for a shelter", 'alt="The front door"', 'alt="The kitchen"', "Apartment", "Confiscated, final",
        "84.50 m²", "12 m²", "1978", "Needs minor works", "electricity, water", "Partly accessible",
        "5000 to 12000 EUR", "10 years", "renewable", "No commercial use.", "Shelter",
        item.amo.name, "contact@direkcija.example", "Available", "Would your organisation re-use this property?",
        item.amo.get_absolute_url(),
    ):
        assert text in html, text
    assert html.count("<li><time") == 1  # the public timeline: the publication, not the draft


@pytest.mark.parametrize("trait", ["draft", "withdrawn"])
def test_a_draft_or_withdrawn_property_is_not_found_by_the_public(client, trait):
    item = PropertyFactory(**({"withdrawn": True} if trait == "withdrawn" else {}))
    assert client.get(item.get_absolute_url()).status_code == 404


def test_an_archived_property_is_not_found_and_unknown_references_are_404(client):
    item = PropertyFactory(available=True, archived_at=timezone.now())
    assert client.get(item.get_absolute_url()).status_code == 404
    assert client.get("/en/properties/nope/").status_code == 404
    assert client.get("/en/properties/direkcija-rs--nope/").status_code == 404


def test_an_officer_of_the_office_sees_a_draft(client):
    item = PropertyFactory()
    client.force_login(amo_officer("direkcija-rs"))
    assert client.get(item.get_absolute_url()).status_code == 200


# Documents -----------------------------------------------------------------------------------------

@pytest.fixture
def documents():
    item = PropertyFactory(available=True)
    public = PropertyDocument.objects.create(property=item, kind="floor_plan", title="Floor plan",
                                             file=pdf_upload("plan.pdf"), visibility="public")
    restricted = PropertyDocument.objects.create(property=item, kind="inspection_report", title="Inspection report",
                                                 file=pdf_upload("inspection.pdf"), visibility="verified_csos")
    return item, public, restricted


def document_url(item, document):
    return reverse("reuse_projects:property_document",
                   kwargs={"reference": item.public_reference, "document_id": document.pk})


def test_a_visitor_gets_the_public_document_but_not_the_verified_only_one(client, documents):
    item, public, restricted = documents
    html = client.get(item.get_absolute_url()).content.decode()
    assert "Floor plan" in html and document_url(item, public) in html
    assert "Inspection report" not in html and document_url(item, restricted) not in html
    assert "/media/" not in html.split("documents-heading")[1].split("</section>")[0]
    response = client.get(document_url(item, public))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert "private" in response["Cache-Control"]
    assert client.get(document_url(item, restricted)).status_code in (403, 404)


def test_an_unverified_cso_member_does_not_get_the_verified_only_document(client, documents):
    item, _public, restricted = documents
    _organisation, admin = organisation_with_admin()
    client.force_login(admin)
    assert client.get(document_url(item, restricted)).status_code in (403, 404)


def test_a_verified_cso_member_gets_the_verified_only_document(client, documents):
    item, _public, restricted = documents
    organisation, _admin = organisation_with_admin(verified=True)
    client.force_login(MembershipFactory(organisation=organisation).user)
    assert "Inspection report" in client.get(item.get_absolute_url()).content.decode()
    response = client.get(document_url(item, restricted))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_a_document_of_a_withdrawn_property_or_of_another_property_is_not_found(client, documents):
    item, public, _restricted = documents
    other = PropertyFactory(available=True)
    assert client.get(document_url(other, public)).status_code == 404
    Property.objects.filter(pk=item.pk).update(status="withdrawn")
    assert client.get(document_url(item, public)).status_code == 404


# Live counts ---------------------------------------------------------------------------------------

def test_the_home_page_counts_change_when_a_property_is_published(client, django_capture_on_commit_callbacks):
    """The home page's figures (and the cached home page) follow every change the services record, at once."""
    from reuse_projects import services

    def available():
        html = client.get("/en/").content.decode()
        match = re.search(r'<a href="/en/properties/\?status=available"><strong>(\d+)</strong>', html)
        assert match, "the figure links to the catalogue of available properties"
        return int(match.group(1))

    before = available()
    item = PropertyFactory()
    assert available() == before  # a draft is not counted
    with django_capture_on_commit_callbacks(execute=True):
        services.property_change_status(property=item, actor=None, action="publish")
    assert available() == before + 1
    with django_capture_on_commit_callbacks(execute=True):
        services.property_change_status(property=item, actor=None, action="open_call")
    assert available() == before
    with django_capture_on_commit_callbacks(execute=True):
        services.property_change_status(property=item, actor=None, action="close_call")
    assert available() == before + 1


def test_the_office_page_counts_its_own_properties_and_links_to_the_catalogue_of_its_country(client):
    office = Organisation.objects.get(slug="direkcija-rs")
    albanian_property(available=True)
    item = PropertyFactory()
    url = office.get_absolute_url()
    assert client.get(url).context["property_counts"]["available"] == 0
    item.status, item.published_at = "available", timezone.now()
    item.save()
    PropertyFactory(under_call=True)
    counts = client.get(url).context["property_counts"]
    assert (counts["available"], counts["under_call"], counts["in_reuse"]) == (1, 1, 0)
    assert "/en/properties/?country=RS" in client.get(url).content.decode()


def test_a_cso_page_has_no_property_counts(client):
    organisation, _admin = organisation_with_admin(verified=True)
    assert "property_counts" not in client.get(organisation.get_absolute_url()).context


def test_the_main_navigation_links_to_the_catalogue(client):
    html = client.get("/en/").content.decode()
    navigation = re.search(r'<nav aria-label="Main".*?</nav>', html, re.S).group(0)
    assert 'href="/en/properties/"' in navigation


def test_the_visitors_map_data_is_cached_until_a_property_changes(client, django_capture_on_commit_callbacks):
    """Visitors share one cached answer per filter state; publishing through the services drops it."""
    from reuse_projects import services

    PropertyFactory(available=True, reference="MAP-1")
    first = client.get("/en/properties/map.geojson").json()
    assert len(first["features"]) == 1
    draft = PropertyFactory(reference="MAP-2")
    assert len(client.get("/en/properties/map.geojson").json()["features"]) == 1  # the cached answer
    with django_capture_on_commit_callbacks(execute=True):
        services.property_change_status(property=draft, actor=None, action="publish")
    assert len(client.get("/en/properties/map.geojson").json()["features"]) == 2


def test_the_visitors_results_are_cached_until_a_property_changes(client, django_capture_on_commit_callbacks):
    """Visitors share the rendered results per filter state and page; publishing drops them at once."""
    from reuse_projects import services

    PropertyFactory(available=True, title_en="First flat")
    assert titles(client.get(LIST)) == ["First flat"]
    draft = PropertyFactory(title_en="Second flat")
    draft.published_at = None
    draft.save()
    assert titles(client.get(LIST)) == ["First flat"]  # the cached results
    with django_capture_on_commit_callbacks(execute=True):
        services.property_change_status(property=draft, actor=None, action="publish")
    assert titles(client.get(LIST)) == ["Second flat", "First flat"]


def test_signed_in_people_never_get_the_visitors_cached_results(client):
    _organisation, admin = organisation_with_admin(verified=True)
    PropertyFactory(available=True, title_en="First flat")
    assert titles(Client().get(LIST)) == ["First flat"]  # a visitor fills the cache
    PropertyFactory(available=True, title_en="Bulk-loaded flat")  # no service call: the cache is stale
    client.force_login(admin)
    assert "Bulk-loaded flat" in titles(client.get(LIST))
