"""End to end in a real browser: an officer imports a spreadsheet, publishes a property with a photo,
and a visitor finds it through the filters and on the map.

Every distinct page the journey visits is checked with axe-core (WCAG 2.1 A and AA). MAP_TILE_URL is
empty in the tests (and the network has no tiles): the map must work on its plain background.
"""

import csv
import os
import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import re_path
from django.views.static import serve
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from config.urls import urlpatterns as site_urlpatterns
from reuse_projects.models import Property
from tests.factories import amo_officer

from .conftest import axe_check

# The live server answers with this module's URLs: the site's, and the uploaded photos, which the web
# server (not Django, DEBUG being off) serves in production.
urlpatterns = [
    *site_urlpatterns,
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls(__name__),
]

OFFICE = "direkcija-rs"
VILLA = {
    "reference": "RS-IMP-001", "title": "Вила на Фрушкој гори", "title_en": "Villa below Fruška Gora",
    "type": "villa", "municipality": "Нови Сад", "address": "Фрушкогорска 7", "latitude": "45.240100",
    "longitude": "19.851200", "location_privacy": "exact", "floor_area": "320", "condition": "minor_works",
    "description_en": "A two-storey villa with a garden, confiscated in 2019.",
}
FLAT = {
    "reference": "RS-IMP-002", "title": "Стан у центру Ниша", "title_en": "Flat in the centre of Niš",
    "type": "apartment", "municipality": "Nis", "address": "Обреновићева 48", "latitude": "43.319800",
    "longitude": "21.895600", "location_privacy": "approximate", "floor_area": "62,5", "condition": "ready",
    "description_en": "",
}
SMALL_VILLA = {
    "reference": "RS-IMP-003", "title": "Мала вила у Нишу", "title_en": "Small villa in Niš",
    "type": "Villa", "municipality": "Nis", "address": "Бул. Немањића 12", "latitude": "43.310000",
    "longitude": "21.920000", "location_privacy": "exact", "floor_area": "95", "condition": "",
    "description_en": "",
}
ROWS = [VILLA, FLAT, SMALL_VILLA]
PHOTO_ALT = "The villa's front with its garden gate, seen from the street"


def write_csv(path):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(VILLA))
        writer.writeheader()
        writer.writerows(ROWS)
    return path


def write_png(path):
    """A real photo-sized PNG, drawn with Pillow."""
    image = Image.new("RGB", (640, 400), (170, 200, 230))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 280, 640, 400), fill=(90, 140, 60))
    draw.rectangle((200, 140, 440, 300), fill=(235, 225, 200), outline=(60, 60, 60), width=4)
    draw.polygon([(180, 150), (320, 60), (460, 150)], fill=(160, 60, 40))
    image.save(path, format="PNG")
    return path


def screenshot(page, name):
    folder = os.environ.get("BROWSER_TEST_SCREENSHOTS")
    if folder:
        page.screenshot(path=os.path.join(folder, name), full_page=True)


def fits_the_window(page):
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def message(page):
    return page.locator(".messages").inner_text()


def open_manage_page(page, url, reference):
    page.goto(f"{url}/en/office/")
    page.get_by_role("link", name=reference, exact=True).click()
    page.wait_for_url(re.compile(r"/en/office/properties/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(reference)


def publish(page, reference):
    page.get_by_role("button", name="Publish", exact=True).click()
    page.wait_for_url(re.compile(r"/en/office/properties/\d+/$"))
    assert f"{reference} is now “Available”" in message(page)


def test_officer_imports_and_publishes_visitor_finds_it_on_list_and_map(live_server, page, tmp_path):
    url = live_server.url
    officer = amo_officer(OFFICE)

    # 1. The officer signs in and opens the office's dashboard.
    page.goto(f"{url}/en/accounts/login/")
    page.fill("input[name=login]", officer.email)
    page.fill("input[name=password]", "correct horse battery")
    page.locator("form:has(input[name=password]) [type=submit]").first.click()
    page.wait_for_url(f"{url}/en/account/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My office").click()
    page.wait_for_url(f"{url}/en/office/")
    expect(page.get_by_text("No properties here yet.")).to_be_visible()
    axe_check(page)

    # 2. Imports a spreadsheet: the upload page, the dry run, the confirmation.
    page.get_by_role("link", name="Import from a spreadsheet").click()
    page.wait_for_url(f"{url}/en/office/import/?office={OFFICE}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Import properties")
    axe_check(page)
    page.get_by_label("CSV or Excel file").set_input_files(str(write_csv(tmp_path / "properties.csv")))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the import")
    totals = page.locator("table", has=page.locator("caption", has_text="Totals"))
    expect(totals.get_by_role("row", name="To create")).to_contain_text("3")
    expect(totals.get_by_role("row", name="Rejected")).to_contain_text("0")
    rows = page.locator("table", has=page.locator("caption", has_text="Row by row")).locator("tbody tr")
    expect(rows).to_have_count(3)
    for row, data in zip(rows.all(), ROWS, strict=True):
        expect(row).to_contain_text(data["reference"])
        expect(row.locator("td").nth(1)).to_have_text("Create")
    assert not Property.objects.exists(), "the dry run saves nothing"
    axe_check(page)
    page.get_by_role("button", name="Confirm the import").click()
    page.wait_for_url(f"{url}/en/office/?office={OFFICE}")
    assert "Import done: 3 created, 0 updated, 0 unchanged, 0 rejected." in message(page)
    table = page.locator("table", has=page.locator("caption", has_text="The office's properties"))
    for data in ROWS:
        row = table.get_by_role("row").filter(has=page.get_by_role("link", name=data["reference"], exact=True))
        expect(row).to_contain_text(data["title"])
        expect(row.locator(".badge-draft")).to_have_text("Draft")
    flat = Property.objects.get(reference=FLAT["reference"])
    assert flat.municipality.slug == "nis-rs"
    assert flat.location_privacy == "approximate"
    assert flat.floor_area == Decimal("62.50")
    assert Property.objects.get(reference=SMALL_VILLA["reference"]).property_type == "villa"

    # 3. Opens the villa, adds a photo with its description, and publishes it.
    table.get_by_role("link", name=VILLA["reference"], exact=True).click()
    page.wait_for_url(re.compile(r"/en/office/properties/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{VILLA['reference']}: {VILLA['title']}")
    expect(page.locator("#photos")).to_contain_text("No photos yet.")
    axe_check(page)
    page.locator("#id_photo_image").set_input_files(str(write_png(tmp_path / "villa.png")))
    page.get_by_label("Description of the photo").fill(PHOTO_ALT)
    page.get_by_role("button", name="Add the photo").click()
    page.wait_for_url(re.compile(r"/en/office/properties/\d+/$"))
    assert "The photo is added." in message(page)
    photo = page.locator("#photos").get_by_role("img", name=PHOTO_ALT)
    expect(photo).to_be_visible()
    assert photo.evaluate("img => img.complete && img.naturalWidth") == 640, "the photo is not served"
    axe_check(page)
    publish(page, VILLA["reference"])
    expect(page.get_by_role("link", name="Open the public page")).to_be_visible()

    # ...and the other two, from the dashboard.
    for data in (FLAT, SMALL_VILLA):
        open_manage_page(page, url, data["reference"])
        publish(page, data["reference"])
    assert set(Property.objects.values_list("status", flat=True)) == {"available"}
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign in")).to_be_visible()

    # 4. A visitor filters the catalogue by country, type and floor area, and finds the villa.
    page.goto(f"{url}/en/properties/")
    expect(page.locator(".property-cards .card")).to_have_count(3)
    assert fits_the_window(page), "a photo makes the page wider than the window"
    screenshot(page, "catalogue-list.png")
    axe_check(page)
    filters = page.get_by_role("search", name="Filter properties")
    filters.get_by_label("Country").select_option(label="Serbia")
    filters.get_by_label("Type", exact=True).select_option(label="Villa")
    filters.get_by_label("Floor area from (m²)").fill("200")
    filters.get_by_role("button", name="Show properties").click()
    page.wait_for_url(re.compile(r"/en/properties/\?.*min_area=200"))
    for parameter in ("country=RS", "type=villa"):
        assert parameter in page.url
    cards = page.locator(".property-cards .card")
    expect(cards).to_have_count(1)
    expect(page.locator("#results-heading")).to_have_text("1 property")
    card = cards.first
    expect(card.get_by_role("img", name=PHOTO_ALT)).to_be_visible()
    expect(card).to_contain_text("Нови Сад, Serbia")
    screenshot(page, "catalogue-filtered.png")
    axe_check(page)
    filtered_list = page.url

    # 5. Opens the villa's page: the photo with its description, the address (exact location).
    card.get_by_role("link", name=VILLA["title_en"]).click()
    page.wait_for_url(f"{url}/en/properties/{OFFICE}--{VILLA['reference']}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(VILLA["title_en"])
    gallery = page.get_by_role("region", name="Photos")
    image = gallery.get_by_role("img", name=PHOTO_ALT)
    expect(image).to_be_visible()
    assert image.evaluate("img => img.complete && img.naturalWidth") == 640
    expect(gallery.locator("figcaption")).to_have_text(PHOTO_ALT)
    page.set_viewport_size({"width": 360, "height": 800})
    assert fits_the_window(page), "the photo makes the page wider than a phone's screen"
    page.set_viewport_size({"width": 1280, "height": 900})
    location = page.get_by_role("region", name="Location")
    expect(location).to_contain_text(VILLA["address"])
    expect(location.locator(".leaflet-container")).to_be_visible()
    expect(location.locator(".leaflet-marker-icon")).to_have_count(1)
    axe_check(page)

    # 6. The map of the same filtered results, and the table that carries the same information.
    page.goto(filtered_list)
    page.get_by_role("navigation", name="How to show the properties").get_by_role("link", name="Map").click()
    page.wait_for_url(re.compile(r"/en/properties/map/\?"))
    for parameter in ("country=RS", "type=villa", "min_area=200"):
        assert parameter in page.url
    map_element = page.locator("#property-map")
    expect(map_element).to_have_class(re.compile(r"\bleaflet-container\b"))
    expect(map_element.locator(".leaflet-marker-icon").first).to_be_visible()
    expect(map_element.locator(".leaflet-marker-icon")).to_have_count(1)
    expect(page.locator("[data-map-fallback]")).to_be_hidden()
    expect(page.locator("[data-map-tile-error]")).to_be_hidden()
    fallback = page.get_by_role("table", name="The same properties as a table")
    expect(fallback.locator("tbody tr")).to_have_count(1)
    row = fallback.get_by_role("row").filter(has=page.get_by_role("link", name=VILLA["title_en"]))
    expect(row).to_contain_text("Нови Сад, Serbia")
    expect(row).to_contain_text("Exact")
    expect(row.get_by_role("link", name=VILLA["title_en"])).to_have_attribute(
        "href", f"/en/properties/{OFFICE}--{VILLA['reference']}/"
    )
    # The marker's popup leads to the property too.
    map_element.locator(".leaflet-marker-icon").first.click()
    expect(map_element.locator(".leaflet-popup").get_by_role("link", name=VILLA["title_en"])).to_be_visible()
    expect(map_element.locator(".leaflet-popup")).to_have_css("opacity", "1")  # faded in
    screenshot(page, "catalogue-map.png")
    axe_check(page)

    # Without filters the map shows all three; the approximate flat stands at the municipality's centre.
    data = page.request.get(f"{url}/en/properties/map.geojson").json()
    points = {f["properties"]["title"]: f["geometry"]["coordinates"] for f in data["features"]}
    assert set(points) == {VILLA["title_en"], FLAT["title_en"], SMALL_VILLA["title_en"]}
    assert points[FLAT["title_en"]] == [21.90333, 43.32472]
    assert points[VILLA["title_en"]] == [float(VILLA["longitude"]), float(VILLA["latitude"])]

    # 7. The approximate flat's public page gives the municipality, never the street address.
    page.goto(f"{url}/en/properties/{OFFICE}--{FLAT['reference']}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(FLAT["title_en"])
    expect(page.get_by_role("region", name="Location")).to_contain_text("Approximate location: municipality of Ниш")
    html = page.content()
    assert FLAT["address"] not in html
    assert "Обреновићева" not in html
    assert FLAT["latitude"].rstrip("0") not in html and FLAT["longitude"].rstrip("0") not in html
    expect(page.locator("#property-map")).to_have_attribute("data-precision", "approximate")
    expect(page.locator("#property-map.leaflet-container")).to_be_visible()
    axe_check(page)
