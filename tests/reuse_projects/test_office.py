"""The AMO officers' dashboard (reuse_projects.views.office): every person against every page and action."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from network.models import Membership, Municipality, Organisation
from reuse_projects import services
from reuse_projects.forms import PropertyForm
from reuse_projects.models import Property, PropertyDocument, PropertyEvent, PropertyPhoto
from tests.factories import (
    PNG_BYTES,
    MembershipFactory,
    PropertyFactory,
    UserFactory,
    amo_officer,
    coordinator,
    organisation_with_admin,
    pdf_upload,
    png_upload,
)

pytestmark = pytest.mark.django_db

OFFICE = "direkcija-rs"
# Session, user, the officer's offices, the tab counts, the page count and the page itself.
DASHBOARD_QUERY_BUDGET = 8
REFUSING_ROLES = ["visitor", "cso_member", "other_office", "coordinator"]


def url(name, **kwargs):
    return reverse(f"reuse_projects:{name}", kwargs=kwargs or None)


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def property_data(**overrides):
    """A complete, valid property form for the Serbian office (POST data)."""
    data = {
        "reference": "RS-NS-001",
        "title": "Вила на Фрушкој гори",
        "title_en": "Villa on Fruška Gora",
        "description": "Вила са баштом.",
        "description_en": "A villa with a garden.",
        "property_type": "villa",
        "legal_status": "confiscated",
        "municipality": str(Municipality.objects.get(slug="novi-sad-rs").pk),
        "address": "Булевар ослобођења 1",
        "latitude": "45.2517",
        "longitude": "19.8369",
        "location_privacy": "exact",
        "floor_area": "240.50",
        "land_area": "1200",
        "rooms": "8",
        "floors": "2",
        "year_built": "1998",
        "condition": "minor_works",
        "utilities": ["electricity", "water"],
        "accessibility": "partly",
        "renovation_cost_min": "10000",
        "renovation_cost_max": "25000",
        "suitable_uses": ["youth-centre", "culture"],
        "term_years": "10",
        "renewable": "on",
        "utilities_paid_by": "user",
        "maintenance_paid_by": "shared",
        "restrictions": "",
        "available_from": "2027-01-01",
        "available_until": "2037-01-01",
        "contact_name": "Марија Петровић",
        "contact_email": "marija@example.org",
        "contact_phone": "+381 21 123 456",
    }
    data.update(overrides)
    return {key: value() if callable(value) else value for key, value in data.items() if value is not None}


def big_png(size=2048):
    return SimpleUploadedFile("big.png", PNG_BYTES + b"\0" * size, content_type="image/png")


@pytest.fixture
def world():
    """A draft of the Serbian office, with a photo and a document, and the people who may or may not touch it."""
    own = amo_officer(OFFICE)
    draft = PropertyFactory(reference="RS-DRAFT")
    photo = services.property_photo_add(property=draft, actor=own, image=png_upload("a.png"), alt_text="Фасада")
    document = services.property_document_add(
        property=draft, actor=own, file=pdf_upload("plan.pdf"), kind="floor_plan", title="План",
        visibility="public",
    )
    _cso, cso_admin = organisation_with_admin(verified=True)
    people = {
        "visitor": None,
        "cso_member": MembershipFactory(organisation=_cso).user,
        "cso_admin": cso_admin,
        "other_office": amo_officer("aapsk-al"),
        "coordinator": coordinator(totp=True),
        "own": own,
    }
    return SimpleNamespace(property=draft, photo=photo, document=document, people=people, own=own)


def snapshot(property):
    """Everything an action could change about a property."""
    property = Property.objects.get(pk=property.pk)
    return {
        "row": {f.attname: getattr(property, f.attname) for f in Property._meta.concrete_fields},
        "events": list(PropertyEvent.objects.filter(property=property).values_list("pk", flat=True)),
        "photos": list(PropertyPhoto.objects.filter(property=property).values_list("pk", "position", "alt_text")),
        "documents": list(PropertyDocument.objects.filter(property=property).values_list("pk", "title")),
        "uses": sorted(property.suitable_uses.values_list("slug", flat=True)),
    }


def assert_refused(response, role):
    if role == "visitor":
        assert response.status_code == 302
        assert "/accounts/login/" in response.url
    else:
        assert response.status_code == 403


# Access: every page and every action, every person ------------------------------------------------

PAGES = [
    ("office_dashboard", False, "?office=" + OFFICE),
    ("property_create", False, "?office=" + OFFICE),
    ("property_manage", True, ""),
    ("property_edit", True, ""),
    ("property_preview", True, ""),
    ("property_history", True, ""),
]


@pytest.mark.parametrize("role", REFUSING_ROLES)
@pytest.mark.parametrize(("name", "with_pk", "query"), PAGES)
def test_pages_refuse_everyone_but_the_office(world, role, name, with_pk, query):
    """Visitors go to the login page; CSO members, another office's officers and coordinators get 403."""
    target = url(name, pk=world.property.pk) if with_pk else url(name)
    response = client_for(world.people[role]).get(target + query)
    assert_refused(response, role)
    assert world.property.reference not in response.content.decode()


@pytest.mark.parametrize(("name", "with_pk", "query"), PAGES)
def test_pages_open_to_the_office_s_own_officer(world, name, with_pk, query):
    target = url(name, pk=world.property.pk) if with_pk else url(name)
    response = client_for(world.own).get(target + query)
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1


def _actions(world):
    """(URL, POST data) of every write on the officer pages, each one that would succeed for the office."""
    pk = world.property.pk
    return {
        "create": (url("property_create") + "?office=" + OFFICE, property_data(reference="NEW-1")),
        "edit": (url("property_edit", pk=pk), property_data(reference="RS-DRAFT", title="Changed")),
        "publish": (url("property_change_status", pk=pk), {"action": "publish"}),
        "withdraw": (url("property_change_status", pk=pk), {"action": "withdraw", "reason": "Court order"}),
        "archive": (url("property_archive", pk=pk), {}),
        "unarchive": (url("property_unarchive", pk=pk), {}),
        "photo_add": (url("property_photo_add", pk=pk), {"image": png_upload("b.png"), "alt_text": "Двориште"}),
        "photo_move": (url("property_photo_move", pk=pk, photo_id=world.photo.pk), {"direction": "down"}),
        "photo_remove": (url("property_photo_remove", pk=pk, photo_id=world.photo.pk), {}),
        "document_add": (url("property_document_add", pk=pk), {
            "file": pdf_upload("report.pdf"), "kind": "inspection_report", "title": "Извештај",
            "visibility": "verified_csos"}),
        "document_remove": (url("property_document_remove", pk=pk, document_id=world.document.pk), {}),
    }


ACTIONS = ["create", "edit", "publish", "withdraw", "archive", "unarchive", "photo_add", "photo_move",
           "photo_remove", "document_add", "document_remove"]


@pytest.mark.parametrize("role", REFUSING_ROLES)
@pytest.mark.parametrize("action", ACTIONS)
def test_actions_refuse_everyone_but_the_office_and_change_nothing(world, role, action):
    if action == "unarchive":
        services.property_archive(property=world.property, actor=world.own)
    # A second photo, so that a move would change something.
    services.property_photo_add(property=world.property, actor=world.own, image=png_upload(), alt_text="Друга")
    before = snapshot(world.property)
    properties_before = Property.objects.count()
    target, data = _actions(world)[action]
    response = client_for(world.people[role]).post(target, data)
    assert_refused(response, role)
    assert snapshot(world.property) == before
    assert Property.objects.count() == properties_before


@pytest.mark.parametrize("action", ACTIONS)
def test_actions_work_for_the_office_s_own_officer_and_are_recorded(world, action):
    if action == "unarchive":
        services.property_archive(property=world.property, actor=world.own)
    services.property_photo_add(property=world.property, actor=world.own, image=png_upload(), alt_text="Друга")
    events_before = PropertyEvent.objects.count()
    target, data = _actions(world)[action]
    response = client_for(world.own).post(target, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert PropertyEvent.objects.count() == events_before + 1
    event = PropertyEvent.objects.order_by("-pk").first()
    assert event.actor == world.own


def test_get_on_an_action_is_not_allowed(world):
    response = client_for(world.own).get(url("property_archive", pk=world.property.pk))
    assert response.status_code == 405
    assert Property.objects.get(pk=world.property.pk).archived_at is None


def test_a_photo_or_document_of_another_property_is_not_found(world):
    """The photo and document ids are looked up within the property in the URL."""
    mine = PropertyFactory()
    before = snapshot(world.property)
    client = client_for(world.own)
    assert client.post(url("property_photo_remove", pk=mine.pk, photo_id=world.photo.pk)).status_code == 404
    assert client.post(url("property_document_remove", pk=mine.pk, document_id=world.document.pk)).status_code == 404
    assert snapshot(world.property) == before


# Dashboard ----------------------------------------------------------------------------------------

def test_dashboard_lists_only_the_office_s_properties_with_counts(world):
    PropertyFactory(reference="RS-LIVE", available=True)
    archived = PropertyFactory(reference="RS-OLD", withdrawn=True)
    services.property_archive(property=archived, actor=world.own)
    PropertyFactory(reference="AL-1", amo=Organisation.objects.get(slug="aapsk-al"),
                    municipality=Municipality.objects.filter(country_id="AL").first(),
                    latitude=Decimal("41.3275"), longitude=Decimal("19.8187"))
    client = client_for(world.own)
    page = client.get(url("office_dashboard")).content.decode()
    assert "RS-DRAFT" in page and "RS-LIVE" in page
    assert "RS-OLD" not in page, "archived properties have their own tab"
    assert "AL-1" not in page
    assert 'scope="col"' in page
    assert "Нови Сад" in page or "Novi Sad" in page
    assert "All <span class=\"meta\">(2)</span>" in page
    assert "Archived <span class=\"meta\">(1)</span>" in page

    drafts = client.get(url("office_dashboard") + "?status=draft").content.decode()
    assert "RS-DRAFT" in drafts and "RS-LIVE" not in drafts
    archive = client.get(url("office_dashboard") + "?status=archived").content.decode()
    assert "RS-OLD" in archive and "RS-DRAFT" not in archive
    # An unknown status is ignored, not an error.
    assert client.get(url("office_dashboard") + "?status=<b>").status_code == 200


def test_dashboard_links_to_create_edit_history_and_import(world):
    page = client_for(world.own).get(url("office_dashboard")).content.decode()
    assert url("property_create") in page
    assert url("property_edit", pk=world.property.pk) in page
    assert url("property_history", pk=world.property.pk) in page
    assert url("property_import") + "?office=" + OFFICE in page
    assert url("property_export") + "?office=" + OFFICE in page


def test_an_officer_of_several_offices_chooses_one(world):
    officer = amo_officer(OFFICE)
    MembershipFactory(user=officer, organisation=Organisation.objects.get(slug="aapsk-al"))
    client = client_for(officer)
    chooser = client.get(url("office_dashboard"))
    assert chooser.status_code == 200
    assert "?office=aapsk-al" in chooser.content.decode() and "?office=" + OFFICE in chooser.content.decode()
    assert "RS-DRAFT" in client.get(url("office_dashboard") + "?office=" + OFFICE).content.decode()
    assert "RS-DRAFT" not in client.get(url("office_dashboard") + "?office=aapsk-al").content.decode()
    assert client.get(url("property_create")).status_code == 200  # the chooser again
    assert client.get(url("office_dashboard") + "?office=arbi-md").status_code == 403


def test_the_other_office_s_officer_sees_their_own_dashboard_without_our_properties(world):
    page = client_for(world.people["other_office"]).get(url("office_dashboard"))
    assert page.status_code == 200
    assert "RS-DRAFT" not in page.content.decode()


def _bulk_properties(count, *, prefix, status):
    """`count` properties of the Serbian office in one INSERT (bulk_create skips save(), hence the refresh)."""
    amo = Organisation.objects.get(slug=OFFICE)
    municipality = Municipality.objects.get(slug="novi-sad-rs")
    properties = []
    for n in range(count):
        property = Property(
            amo=amo, reference=f"{prefix}-{n:05d}", title=f"Стан {n}", property_type="apartment",
            municipality=municipality, status=status,
        )
        property.refresh_search_fields()
        properties.append(property)
    return Property.objects.bulk_create(properties)


def _dashboard_queries(client, *, rows):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url("office_dashboard"))
    assert response.status_code == 200
    assert response.content.decode().count('<th scope="row">') == rows
    return len(queries)


def test_dashboard_query_count_does_not_grow_with_the_properties():
    """The same number of queries for 10 and for 500 properties (pages of 50, counts in one query)."""
    officer = amo_officer(OFFICE)
    client = client_for(officer)
    few_properties = _bulk_properties(10, prefix="BULK", status="draft")
    for property in few_properties[:3]:
        PropertyPhoto.objects.create(property=property, image=png_upload(), alt_text="Слика")
    few = _dashboard_queries(client, rows=10)
    _bulk_properties(250, prefix="MORE", status="available")
    _bulk_properties(240, prefix="GONE", status="withdrawn")
    assert Property.objects.of_office(Organisation.objects.get(slug=OFFICE)).count() == 500
    many = _dashboard_queries(client, rows=50)
    assert few == many
    assert many <= DASHBOARD_QUERY_BUDGET


# Create and edit ----------------------------------------------------------------------------------

def test_officer_creates_a_draft(world):
    response = client_for(world.own).post(url("property_create") + "?office=" + OFFICE, property_data())
    assert response.status_code == 302
    property = Property.objects.get(reference="RS-NS-001")
    assert response.url == url("property_manage", pk=property.pk)
    assert property.status == "draft"
    assert property.amo.slug == OFFICE
    assert property.created_by == world.own
    assert property.title == "Вила на Фрушкој гори"
    assert property.utilities == ["electricity", "water"]
    assert sorted(property.suitable_uses.values_list("slug", flat=True)) == ["culture", "youth-centre"]
    assert property.renewable is True
    event = property.events.get()
    assert (event.action, event.to_status, event.actor) == ("created", "draft", world.own)


def test_create_without_office_parameter_uses_the_only_office(world):
    response = client_for(world.own).post(url("property_create"), property_data())
    assert response.status_code == 302
    assert Property.objects.get(reference="RS-NS-001").amo.slug == OFFICE


def test_edit_records_the_changed_fields(world):
    data = property_data(reference="RS-DRAFT", title="Нови наслов", suitable_uses=["shelter"])
    response = client_for(world.own).post(url("property_edit", pk=world.property.pk), data)
    assert response.status_code == 302
    property = Property.objects.get(pk=world.property.pk)
    assert property.title == "Нови наслов"
    event = property.events.filter(action="edited").exclude(changes__contains=["photos"]).exclude(
        changes__contains=["documents"]).get()
    assert "title" in event.changes and "suitable_uses" in event.changes
    assert "reference" not in event.changes


def test_edit_form_shows_the_stored_values(world):
    world.property.suitable_uses.set(["shelter"])
    page = client_for(world.own).get(url("property_edit", pk=world.property.pk)).content.decode()
    assert 'value="RS-DRAFT"' in page
    assert 'value="shelter" id="id_suitable_uses_' in page and "checked" in page


def test_the_form_puts_every_field_in_a_fieldset(world):
    form = PropertyForm(instance=Property(amo=world.property.amo))
    grouped = [field.name for _legend, fields in form.fieldsets() for field in fields]
    assert sorted(grouped) == sorted(form.fields)


def test_municipality_choices_are_the_office_s_country_only(world):
    form = PropertyForm(instance=Property(amo=world.property.amo))
    countries = set(form.fields["municipality"].queryset.values_list("country_id", flat=True))
    assert countries == {"RS"}


EMPTY = "empty"
HOSTILE = {
    "empty": (EMPTY, "This field is required."),
    "too long": (dict(title="x" * 10000), "Ensure this value has at most 200 characters"),
    "negative area": (dict(floor_area="-5"), "greater than or equal to 0"),
    "negative land": (dict(land_area="-1"), "greater than or equal to 0"),
    "outside Serbia": (dict(latitude="41.3275", longitude="19.8187"), "outside Serbia"),
    "swapped": (dict(latitude="19.8369", longitude="45.2517"), "outside Serbia"),
    "one coordinate": (dict(longitude=""), "Give both coordinates, or neither."),
    "bad reference": (dict(reference="RS 1/2"), "Use letters, digits"),
    "foreign municipality": (
        dict(municipality=lambda: str(Municipality.objects.filter(country_id="AL").first().pk)),
        "Choose a municipality in Serbia",
    ),
    "unknown use": (dict(suitable_uses=["<script>"]), "Select a valid choice"),
    "unknown utility": (dict(utilities=["plutonium"]), "Select a valid choice"),
    "costs reversed": (dict(renovation_cost_min="5000", renovation_cost_max="100"), "upper estimate"),
    "dates reversed": (dict(available_from="2030-01-01", available_until="2029-01-01"), "before its start"),
    "bad email": (dict(contact_email="not-an-address"), "valid email"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_input_on_create_is_refused_clearly_and_saves_nothing(world, case):
    overrides, message = HOSTILE[case]
    data = {key: "" for key in property_data()} if overrides == EMPTY else property_data(**overrides)
    before = (Property.objects.count(), PropertyEvent.objects.count())
    response = client_for(world.own).post(url("property_create") + "?office=" + OFFICE, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert message in page
    assert (Property.objects.count(), PropertyEvent.objects.count()) == before


@pytest.mark.parametrize("case", ["too long", "negative area", "outside Serbia", "foreign municipality"])
def test_hostile_input_on_edit_changes_nothing(world, case):
    overrides, message = HOSTILE[case]
    data = property_data(**overrides)
    data["reference"] = "RS-DRAFT"
    before = snapshot(world.property)
    response = client_for(world.own).post(url("property_edit", pk=world.property.pk), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert snapshot(world.property) == before


def test_duplicate_reference_in_the_office_is_refused_clearly(world):
    response = client_for(world.own).post(url("property_create"), property_data(reference="RS-DRAFT"))
    assert response.status_code == 200
    assert "Your office already has a property with the reference RS-DRAFT." in response.content.decode()
    assert Property.objects.filter(reference="RS-DRAFT").count() == 1


def test_duplicate_reference_on_edit_is_refused(world):
    other = PropertyFactory(reference="RS-OTHER")
    before = snapshot(other)
    response = client_for(world.own).post(url("property_edit", pk=other.pk), property_data(reference="RS-DRAFT"))
    assert response.status_code == 200
    assert "already has a property with the reference" in response.content.decode()
    assert snapshot(other) == before


def test_the_same_reference_is_fine_in_another_office(world):
    tirana = Municipality.objects.filter(country_id="AL").order_by("-population").first()
    data = property_data(reference="RS-DRAFT", municipality=str(tirana.pk), latitude=str(tirana.latitude),
                         longitude=str(tirana.longitude))
    response = client_for(world.people["other_office"]).post(url("property_create"), data)
    assert response.status_code == 302
    assert Property.objects.filter(reference="RS-DRAFT").count() == 2


def test_markup_is_stored_as_text_and_rendered_escaped(world):
    script = "<script>alert('x')</script>"
    client = client_for(world.own)
    client.post(url("property_create"), property_data(title=script, description=script, address=script))
    property = Property.objects.get(reference="RS-NS-001")
    assert property.title == script
    for name in ("property_manage", "property_preview", "property_history", "property_edit"):
        page = client.get(url(name, pk=property.pk)).content.decode()
        assert script not in page, name
        assert "&lt;script&gt;" in page, name
    page = client.get(url("office_dashboard")).content.decode()
    assert script not in page and "&lt;script&gt;" in page
    # Re-displayed in a refused form, still escaped.
    refused = client.post(url("property_create"), property_data(reference="", address=script)).content.decode()
    assert script not in refused and "&lt;script&gt;" in refused


def test_bidi_controls_are_stripped_from_the_title(world):
    client_for(world.own).post(url("property_create"), property_data(title="\u202eVila\u202c"))
    assert Property.objects.get(reference="RS-NS-001").title == "Vila"


# Lifecycle ----------------------------------------------------------------------------------------

def _post_status(world, action, reason=""):
    return client_for(world.own).post(url("property_change_status", pk=world.property.pk),
                                      {"action": action, "reason": reason}, follow=True)


def test_manage_page_offers_only_the_actions_allowed_now(world):
    page = client_for(world.own).get(url("property_manage", pk=world.property.pk)).content.decode()
    assert 'value="publish"' in page and 'value="withdraw"' in page
    assert ">Publish</button>" in page and ">Withdraw</button>" in page
    assert 'value="republish"' not in page and 'value="assign"' not in page
    assert url("property_archive", pk=world.property.pk) in page
    assert url("property_preview", pk=world.property.pk) in page


def test_publish_withdraw_republish_are_each_recorded(world):
    _post_status(world, "publish")
    property = Property.objects.get(pk=world.property.pk)
    assert property.status == "available" and property.published_at is not None
    _post_status(world, "withdraw", "Суд је наложио")
    _post_status(world, "republish", "Поново слободна")
    events = list(PropertyEvent.objects.filter(property=world.property, to_status__in=["available", "withdrawn"])
                  .order_by("pk").values_list("action", "from_status", "to_status", "reason", "actor"))
    assert events == [
        ("publish", "draft", "available", "", world.own.pk),
        ("withdraw", "available", "withdrawn", "Суд је наложио", world.own.pk),
        ("republish", "withdrawn", "available", "Поново слободна", world.own.pk),
    ]


def test_a_transition_that_needs_a_reason_is_refused_without_one(world):
    before = snapshot(world.property)
    response = _post_status(world, "withdraw", "   ")
    assert "Please give a reason" in response.content.decode()
    assert snapshot(world.property) == before


@pytest.mark.parametrize(("action", "message"), [
    ("republish", "not possible now"),  # a draft cannot be made available again
    ("assign", "not possible here"),  # not an officer's hand move
    ("hand_over", "not possible here"),
    ("nonsense", "not possible here"),
    ("", "not possible here"),
])
def test_refused_transitions_change_nothing(world, action, message):
    before = snapshot(world.property)
    response = _post_status(world, action, "because")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert snapshot(world.property) == before


def test_a_reason_of_10000_characters_is_refused(world):
    before = snapshot(world.property)
    response = _post_status(world, "withdraw", "x" * 10000)
    assert "not possible here" in response.content.decode()
    assert snapshot(world.property) == before


def test_archive_only_where_nothing_is_left_to_do(world):
    live = PropertyFactory(reference="RS-LIVE", available=True)
    before = snapshot(live)
    response = client_for(world.own).post(url("property_archive", pk=live.pk), follow=True)
    assert "can be archived" in response.content.decode()
    assert snapshot(live) == before


def test_archive_and_restore_are_recorded_and_an_archived_property_keeps_its_status(world):
    client = client_for(world.own)
    client.post(url("property_archive", pk=world.property.pk))
    assert Property.objects.get(pk=world.property.pk).archived_at is not None
    page = client.get(url("property_manage", pk=world.property.pk)).content.decode()
    assert 'value="publish"' not in page and url("property_unarchive", pk=world.property.pk) in page
    before = snapshot(world.property)
    response = _post_status(world, "publish")
    assert "Restore the property from the archive first." in response.content.decode()
    assert snapshot(world.property) == before
    client.post(url("property_unarchive", pk=world.property.pk))
    assert Property.objects.get(pk=world.property.pk).archived_at is None
    events = PropertyEvent.objects.filter(property=world.property).order_by("pk")
    actions = list(events.values_list("action", flat=True))
    assert actions[-2:] == ["archive", "unarchive"]


# Photos and documents -----------------------------------------------------------------------------

def test_photos_move_up_and_down(world):
    second = services.property_photo_add(property=world.property, actor=world.own, image=png_upload(), alt_text="Б")
    client = client_for(world.own)
    client.post(url("property_photo_move", pk=world.property.pk, photo_id=second.pk), {"direction": "up"})
    assert list(world.property.photos.values_list("pk", flat=True)) == [second.pk, world.photo.pk]
    client.post(url("property_photo_move", pk=world.property.pk, photo_id=second.pk), {"direction": "down"})
    assert list(world.property.photos.values_list("pk", flat=True)) == [world.photo.pk, second.pk]
    # Moving the last one further down changes nothing and records nothing.
    before = snapshot(world.property)
    client.post(url("property_photo_move", pk=world.property.pk, photo_id=second.pk), {"direction": "down"})
    client.post(url("property_photo_move", pk=world.property.pk, photo_id=second.pk), {"direction": "sideways"})
    assert snapshot(world.property) == before


def test_photos_show_their_alt_text(world):
    page = client_for(world.own).get(url("property_manage", pk=world.property.pk)).content.decode()
    assert 'alt="Фасада"' in page


@pytest.mark.parametrize(("data", "message"), [
    ({"image": pdf_upload, "alt_text": "План"}, "not an accepted type"),
    ({"image": lambda: SimpleUploadedFile("x.png", b"<svg onload=alert(1)>", content_type="image/png"),
      "alt_text": "x"}, "not an accepted type"),
    ({"image": png_upload, "alt_text": "   "}, "Please describe the photo."),
    ({"image": png_upload, "alt_text": "x" * 10000}, "at most 250 characters"),
    ({"image": lambda: SimpleUploadedFile("x.png", b"\x89PNG\r\n\x1a\n" + b"garbage" * 20), "alt_text": "x"},
     "cannot be read"),
    ({"alt_text": "Без слике"}, "This field is required."),
])
def test_a_refused_photo_is_explained_and_nothing_saved(world, data, message):
    data = {key: value() if callable(value) else value for key, value in data.items()}
    before = snapshot(world.property)
    response = client_for(world.own).post(url("property_photo_add", pk=world.property.pk), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'class="error-summary"' in response.content.decode()
    assert snapshot(world.property) == before


@override_settings(UPLOAD_MAX_BYTES=1024)
def test_an_oversized_photo_is_refused(world):
    before = snapshot(world.property)
    response = client_for(world.own).post(url("property_photo_add", pk=world.property.pk),
                                          {"image": big_png(), "alt_text": "Велика"})
    assert response.status_code == 200
    assert "the limit is 1.0" in response.content.decode()
    assert snapshot(world.property) == before


@pytest.mark.parametrize(("data", "message"), [
    ({"file": lambda: SimpleUploadedFile("a.pdf", b"just text", content_type="application/pdf")},
     "not an accepted type"),
    ({"file": lambda: SimpleUploadedFile("a.exe", b"MZ\x90\x00" + b"\0" * 100)}, "not an accepted type"),
    ({"file": pdf_upload, "title": ""}, "This field is required."),
    ({"file": pdf_upload, "title": "x" * 10000}, "at most 200 characters"),
    ({"file": pdf_upload, "kind": "secret"}, "Select a valid choice"),
    ({"file": pdf_upload, "visibility": "everyone-and-more"}, "Select a valid choice"),
])
def test_a_refused_document_is_explained_and_nothing_saved(world, data, message):
    data = {"kind": "floor_plan", "title": "План", "visibility": "public", **data}
    data = {key: value() if callable(value) else value for key, value in data.items()}
    before = snapshot(world.property)
    response = client_for(world.own).post(url("property_document_add", pk=world.property.pk), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert snapshot(world.property) == before


@override_settings(UPLOAD_MAX_BYTES=1024)
def test_an_oversized_document_is_refused(world):
    before = snapshot(world.property)
    response = client_for(world.own).post(url("property_document_add", pk=world.property.pk), {
        "file": SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * 4096), "kind": "other", "title": "Велики",
        "visibility": "public"})
    assert response.status_code == 200
    assert "the limit is 1.0" in response.content.decode()
    assert snapshot(world.property) == before


def test_an_image_is_accepted_as_a_document(world):
    response = client_for(world.own).post(url("property_document_add", pk=world.property.pk), {
        "file": png_upload("scan.png"), "kind": "cadastral_extract", "title": "Извод", "visibility": "verified_csos"})
    assert response.status_code == 302
    assert world.property.documents.filter(title="Извод", visibility="verified_csos").exists()


def test_documents_are_never_linked_from_media(world):
    page = client_for(world.own).get(url("property_manage", pk=world.property.pk)).content.decode()
    assert "План" in page
    assert world.document.file.name not in page
    assert "/media/properties/documents" not in page
    link = url("property_document", reference=world.property.public_reference, document_id=world.document.pk)
    assert f'href="{link}"' in page


# Preview and history ------------------------------------------------------------------------------

def test_preview_of_a_draft_says_it_is_not_public(world):
    page = client_for(world.own).get(url("property_preview", pk=world.property.pk)).content.decode()
    assert "Preview — not public yet" in page
    assert world.property.title_en in page  # the English page shows the English title
    assert 'alt="Фасада"' in page


def test_preview_shows_only_what_the_public_would_see_of_a_hidden_location(world):
    hidden = PropertyFactory(reference="RS-SHELTER", hidden=True, address="Тајна улица 7")
    page = client_for(world.own).get(url("property_preview", pk=hidden.pk)).content.decode()
    assert "Тајна улица 7" not in page
    assert str(hidden.latitude) not in page
    # The officer's own page keeps the exact data.
    assert "Тајна улица 7" in client_for(world.own).get(url("property_manage", pk=hidden.pk)).content.decode()


def test_preview_of_a_published_property_has_no_not_public_banner(world):
    live = PropertyFactory(reference="RS-LIVE", available=True)
    page = client_for(world.own).get(url("property_preview", pk=live.pk)).content.decode()
    assert "not public yet" not in page


def test_history_lists_every_event_with_its_label_actor_and_reason(world):
    _post_status(world, "withdraw", "Судска одлука")
    page = client_for(world.own).get(url("property_history", pk=world.property.pk)).content.decode()
    assert "Withdrawn" in page and "Судска одлука" in page
    assert "photos" in page and "documents" in page
    assert str(world.own) in page
    assert 'scope="col"' in page


def test_history_names_a_deleted_actor_a_former_member(world):
    leaver = UserFactory()
    Membership.objects.create(user=leaver, organisation=world.property.amo)
    services.property_change_status(property=world.property, actor=leaver, action="publish")
    leaver.delete()
    page = client_for(world.own).get(url("property_history", pk=world.property.pk)).content.decode()
    assert "a former member" in page
    assert "Published" in page
