"""Search in a real browser: the header's search box suggests as one types (an ARIA combobox driven by the
keyboard), Enter opens the chosen suggestion, and the results page finds a property written in Cyrillic from
Latin letters without diacritics, with its words marked. Without JavaScript the same box is a plain form.
Every page visited with JavaScript passes axe-core (WCAG 2.1 A and AA), the page for no results too."""

import pytest
from playwright.sync_api import expect

from reuse_projects.models import Property
from search.indexing import index_now
from tests.factories import PropertyFactory

from .conftest import axe_check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def house():
    item = PropertyFactory(available=True, title="Кућа у центру Новог Сада", title_en="",
                           description="Кућа са двориштем, погодна за омладински центар.")
    index_now([f"property:{item.pk}"])
    return Property.objects.get(pk=item.pk)


def test_the_header_box_suggests_by_keyboard_and_the_results_page_marks_the_words(live_server, page, house):
    page.goto(f"{live_server.url}/en/properties/")
    box = page.get_by_role("combobox", name="Search the platform")
    box.fill("kuca")
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    option = listbox.get_by_role("option").first
    expect(option).to_contain_text("Кућа у центру Новог Сада")
    expect(page.get_by_role("status").filter(has_text="suggestion")).to_have_count(1)
    box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    axe_check(page)
    box.press("Escape")
    expect(listbox).to_be_hidden()

    box.press("Enter")
    page.wait_for_url("**/search/?q=kuca*")
    expect(page.locator("main mark").first).to_have_text("Кућа")
    result = page.locator("main").get_by_role("link", name="Кућа у центру Новог Сада")
    expect(result).to_be_visible()
    axe_check(page)

    box = page.get_by_role("combobox", name="Search the platform")
    box.fill("novog sad")
    expect(page.get_by_role("listbox").get_by_role("option").first).to_be_visible()
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url(f"**{house.get_absolute_url()}")

    page.goto(f"{live_server.url}/sq/search/?q=zzzzqqq&country=AL")
    expect(page.locator("html")).to_have_attribute("lang", "sq")
    axe_check(page)


def test_without_javascript_the_box_is_a_plain_search(live_server, page_without_js, house):
    page = page_without_js
    page.goto(f"{live_server.url}/sr/")
    page.locator("#site-search-q").fill("кућа")
    page.locator("form.site-search [type=submit], form.site-search button").first.click()
    page.wait_for_url("**/sr/search/?q=*")
    expect(page.locator("main").get_by_role("link", name="Кућа у центру Новог Сада")).to_be_visible()
    page.goto(f"{live_server.url}/en/search/?q=zzzzqqq")
    expect(page.locator("main")).to_contain_text("Browse")
