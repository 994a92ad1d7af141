"""What becomes a search document: only public data, through each app's public rules, with the public point
of a property (never more precise than its privacy allows) and no contact data of organisations."""

from decimal import Decimal

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from network.models import Municipality, Organisation
from reuse_projects.models import SuitableUse
from search.documents import document_for_key, documents_for, documents_for_keys
from tests.campaign import pages
from tests.factories import OrganisationFactory, PropertyFactory, reuse_project, set_thematic_areas

pytestmark = pytest.mark.django_db


def _keys(kind):
    return {document.key for document in documents_for(kind)}


# Properties ---------------------------------------------------------------------------------------

def test_only_public_properties_are_documents():
    available = PropertyFactory(available=True)
    draft = PropertyFactory()
    withdrawn = PropertyFactory(withdrawn=True, published_at=available.published_at)
    archived = PropertyFactory(in_reuse=True, archived_at=available.published_at)
    keys = _keys("property")
    assert f"property:{available.pk}" in keys
    assert not {f"property:{draft.pk}", f"property:{withdrawn.pk}", f"property:{archived.pk}"} & keys
    assert document_for_key(f"property:{draft.pk}") is None


def test_a_property_document_has_both_titles_descriptions_municipality_and_uses():
    property = PropertyFactory(available=True, title="Стан у центру", title_en="Flat in the centre",
                               description="Двособан стан.", description_en="Two-room flat.")
    property.suitable_uses.add(SuitableUse.objects.get(slug="youth-centre"))
    document = document_for_key(f"property:{property.pk}")
    assert document.title == "Стан у центру\nFlat in the centre"
    assert "Двособан стан." in document.body and "Two-room flat." in document.body
    assert "Нови Сад" in document.body and "Youth centre" in document.body
    assert (document.kind, document.country, document.property_type, document.status) == (
        "property", "RS", "apartment", "available")
    assert document.url == f"/en/properties/{property.public_reference}/" or document.url.endswith(
        f"{property.public_reference}/")
    assert document.updated_at == property.updated_at.isoformat()


def test_a_property_point_follows_its_location_privacy():
    exact = PropertyFactory(available=True, latitude=Decimal("45.260000"), longitude=Decimal("19.840000"))
    approximate = PropertyFactory(available=True, approximate=True)
    hidden = PropertyFactory(available=True, hidden=True)
    novi_sad = Municipality.objects.get(slug="novi-sad-rs")
    assert document_for_key(f"property:{exact.pk}").point == (Decimal("45.260000"), Decimal("19.840000"))
    assert document_for_key(f"property:{approximate.pk}").point == (novi_sad.latitude, novi_sad.longitude)
    assert document_for_key(f"property:{hidden.pk}").point is None
    # The street address is never part of the text.
    assert "Булевар" not in document_for_key(f"property:{hidden.pk}").body


# Organisations ------------------------------------------------------------------------------------

def test_only_verified_organisations_are_documents_without_their_contact_data():
    verified = OrganisationFactory(verified=True, name="Udruženje Mladi", acronym="UM", email="info@mladi.example",
                                   phone="+381 11 123", address="Ulica 1", website="https://mladi.example")
    set_thematic_areas(verified, "youth")
    pending = OrganisationFactory()
    suspended = OrganisationFactory(suspended=True)
    keys = _keys("organisation")
    assert f"organisation:{verified.pk}" in keys
    assert not {f"organisation:{pending.pk}", f"organisation:{suspended.pk}"} & keys
    document = document_for_key(f"organisation:{verified.pk}")
    assert document.title == "Udruženje Mladi\nUM"
    assert document.themes == ("youth",)
    text = document.title + document.body + document.url
    for private in ("info@mladi.example", "+381 11 123", "Ulica 1", "mladi.example", verified.registration_number):
        assert private not in text


def test_offices_are_documents_as_their_public_profiles_are():
    office = Organisation.objects.get(slug="direkcija-rs")
    assert office.status == Organisation.Status.VERIFIED
    assert f"organisation:{office.pk}" in _keys("organisation")


# Re-use projects ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("status", "public"), [
    ("preparing", False), ("active", True), ("suspended", False), ("completed", True), ("terminated", False),
])
def test_only_active_and_completed_projects_are_documents(status, public):
    project = reuse_project(status, title="Youth centre", summary="Open every day.")
    document = document_for_key(f"project:{project.pk}")
    assert (document is not None) is public
    if public:
        assert document.title == "Youth centre"
        assert "Open every day." in document.body
        assert document.status == status and document.country == "RS"


# Campaign pages -----------------------------------------------------------------------------------

def test_live_public_pages_are_documents_with_their_text_and_language():
    page = pages.campaign_page(title="What is social re-use?", intro="Why it matters.", body=[
        ("paragraph", "<p>Confiscated <b>villas</b> become youth centres.</p>"),
        ("heading", {"text": "Benefits", "level": "h2"}),
    ])
    document = document_for_key(f"page:{page.pk}")
    assert document.title == "What is social re-use?"
    assert document.language == "en"
    assert "Why it matters." in document.body
    assert "Confiscated villas become youth centres." in document.body
    assert "<b>" not in document.body
    assert "Benefits" in document.body
    assert document.url == page.get_url()


def test_a_story_carries_its_country_and_theme():
    story = pages.story(country="AL", theme="youth")
    document = document_for_key(f"page:{story.pk}")
    assert (document.country, document.themes) == ("AL", ("youth",))


def test_drafts_aliases_and_restricted_pages_are_never_documents():
    draft = pages.campaign_page(title="Draft", live=False)
    restricted = pages.campaign_page(title="Members only")
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="secret")
    below_restricted = pages.standard_page(restricted, title="Below")
    alias_home = pages.home("sr")
    assert alias_home.alias_of_id is not None
    keys = _keys("page")
    assert f"page:{pages.home('en').pk}" in keys
    for page in (draft, restricted, below_restricted, alias_home):
        assert f"page:{page.pk}" not in keys
        assert document_for_key(f"page:{page.pk}") is None


# Resources ----------------------------------------------------------------------------------------

def test_library_documents_outside_restricted_collections_are_documents():
    handbook = pages.document("Handbook on social re-use", description="<p>How to &amp; why.</p>",
                              language="sq", country="AL")
    untyped = pages.document("Internal memo", resource_type="")
    private = Collection.get_first_root_node().add_child(name="Private")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    hidden = pages.document("Restricted study", collection=private)
    keys = _keys("resource")
    assert keys == {f"resource:{handbook.pk}"}
    assert document_for_key(f"resource:{untyped.pk}") is None and document_for_key(f"resource:{hidden.pk}") is None
    document = document_for_key(f"resource:{handbook.pk}")
    assert (document.title, document.body, document.language, document.country) == (
        "Handbook on social re-use", "How to & why.", "sq", "AL")
    assert document.url == handbook.url


# Keys ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("key", ["", "property", "property:", "property:abc", "nonsense:1", "page:-1",
                                 "property:99999999"])
def test_unknown_or_malformed_keys_have_no_document(key):
    assert document_for_key(key) is None


def test_documents_for_keys_separates_the_public_from_the_gone():
    public = PropertyFactory(available=True)
    draft = PropertyFactory()
    documents, gone = documents_for_keys([f"property:{public.pk}", f"property:{draft.pk}", "junk"])
    assert [document.key for document in documents] == [f"property:{public.pk}"]
    assert gone == [f"property:{draft.pk}", "junk"]


def test_building_documents_costs_a_fixed_number_of_queries_per_batch(django_assert_max_num_queries):
    for _ in range(3):
        PropertyFactory(available=True).suitable_uses.add(SuitableUse.objects.get(slug="shelter"))
    with django_assert_max_num_queries(3):
        few = list(documents_for("property"))
    for _ in range(20):
        PropertyFactory(available=True).suitable_uses.add(SuitableUse.objects.get(slug="shelter"))
    with django_assert_max_num_queries(3):
        many = list(documents_for("property"))
    assert len(many) == len(few) + 20
