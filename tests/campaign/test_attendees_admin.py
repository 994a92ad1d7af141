"""The organisers' list of the people registered for an event in the Wagtail admin, and its CSV and XLSX
exports: who may see it, what it holds (every translation of the event), and that no cell can run as a
spreadsheet formula."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.admin.ui.menus.pages import get_page_header_buttons
from wagtail.models import Locale

from campaign import events, permissions
from campaign.admin_views import AttendeesMenuItem
from campaign.wagtail_hooks import event_attendees_listing_button
from network.spreadsheets import neutralise
from tests.campaign import pages
from tests.factories import UserFactory, organisation_with_admin

pytestmark = pytest.mark.django_db


def register(event, email, *, name="Ana Hoxha", organisation="", language="en"):
    return events.registration_create(event=event, name=name, email=email, organisation=organisation,
                                      access_needs="", language=language, consent_given=True)


def member_of(group_name):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return user


def attendees_url(event, export=""):
    url = reverse("campaign_event_attendees", args=[event.pk])
    return f"{url}?format={export}" if export else url


@pytest.fixture
def event():
    event = pages.event(capacity=1)
    register(event, "first@example.org", name="Мирослав Јовановић", organisation="Удружење Нова шанса")
    register(event, "second@example.org", name="Artë Çela")
    return event


# Who may see it -----------------------------------------------------------------------------------------

def test_anonymous_visitors_are_sent_to_the_admin_sign_in(client, event):
    response = client.get(attendees_url(event, "csv"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize("who", ["plain user", "CSO admin"])
def test_users_without_admin_access_are_sent_to_the_admin_sign_in(client, event, who):
    user = UserFactory() if who == "plain user" else organisation_with_admin()[1]
    client.force_login(user)
    for export in ("", "csv", "xlsx"):
        response = client.get(attendees_url(event, export))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
        assert "first@example.org" not in response.content.decode()


def test_admin_users_without_the_permission_get_403(client, event):
    """Someone who may use the admin (e.g. for another task) but not see event registrations."""
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for export in ("", "csv", "xlsx"):
        response = client.get(attendees_url(event, export))
        assert response.status_code == 403
        assert b"first@example.org" not in response.content


@pytest.mark.parametrize("who", ["Editors", "Moderators", "superuser"])
def test_editors_moderators_and_superusers_see_the_attendees(client, event, who):
    user = UserFactory(is_superuser=True) if who == "superuser" else member_of(who)
    assert permissions.can_view_attendees(user)
    client.force_login(user)
    response = client.get(attendees_url(event))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Мирослав Јовановић" in html and "second@example.org" in html
    assert client.get(attendees_url(event, "csv")).status_code == 200
    assert client.get(attendees_url(event, "xlsx")).status_code == 200


def test_permission_function_refuses_anonymous_plain_and_inactive_users():
    from django.contrib.auth.models import AnonymousUser

    editor = member_of("Editors")
    editor.is_active = False
    assert not permissions.can_view_attendees(AnonymousUser())
    assert not permissions.can_view_attendees(UserFactory())
    assert not permissions.can_view_attendees(organisation_with_admin()[1])
    assert not permissions.can_view_attendees(editor)


def test_unknown_event_is_not_found(client):
    client.force_login(member_of("Editors"))
    assert client.get(reverse("campaign_event_attendees", args=[999999]), follow=True).status_code == 404
    home = pages.home()
    assert client.get(reverse("campaign_event_attendees", args=[home.pk]), follow=True).status_code == 404


# What it holds --------------------------------------------------------------------------------------------

def test_list_counts_each_status_over_every_translation_of_the_event(client, event):
    albanian = event.copy_for_translation(Locale.objects.get(language_code="sq"), copy_parents=True)
    albanian.save_revision().publish()
    albanian.refresh_from_db()
    register(albanian, "third@example.org", name="Besa Krasniqi", language="sq")
    events.registration_cancel(registration=event.registrations.get(email="second@example.org"))
    client.force_login(member_of("Editors"))
    for page in (event, albanian):  # the same list from either language's page
        html = client.get(attendees_url(page)).content.decode()
        assert "Besa Krasniqi" in html and "Artë Çela" in html
        assert "Confirmed: <strong>1</strong>" in html
        assert "On the waiting list: <strong>1</strong>" in html
        assert "Cancelled: <strong>1</strong>" in html
        assert "All: <strong>3</strong>" in html


def test_list_runs_the_same_number_of_queries_for_2_and_20_registrations(client, django_assert_num_queries):
    event = pages.event(capacity=None)
    client.force_login(member_of("Editors"))
    for number in range(2):
        register(event, f"person{number}@example.org", name=f"Person {number}")
    client.get(attendees_url(event))
    with CaptureQueriesContext(connection) as few:
        response = client.get(attendees_url(event))
    assert response.content.decode().count("@example.org</td>") == 2
    queries = len(few.captured_queries)  # read now: the next request empties the connection's query log
    assert queries <= MOST_QUERIES_OF_THE_LIST
    for number in range(2, 20):
        register(event, f"person{number}@example.org", name=f"Person {number}")
    with django_assert_num_queries(queries):
        response = client.get(attendees_url(event))
    assert response.content.decode().count("@example.org</td>") == 20


# Wagtail's session, user, permissions and admin furniture, then the event, the counts per status, the count
# of the pagination and the page of registrations (with their event's locale).
MOST_QUERIES_OF_THE_LIST = 16


def test_csv_is_utf8_with_a_byte_order_mark_and_keeps_cyrillic(client, event):
    client.force_login(member_of("Editors"))
    response = client.get(attendees_url(event, "csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="attendees-')
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Name", "E-mail address"]
    assert rows[1][:3] == ["Мирослав Јовановић", "first@example.org", "Удружење Нова шанса"]
    assert rows[1][4] == "Confirmed" and rows[2][4] == "On the waiting list"
    assert len(rows) == 3


HOSTILE_NAMES = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)"]


def test_csv_cells_cannot_run_as_formulas(client):
    event = pages.event(capacity=None)
    for number, name in enumerate(HOSTILE_NAMES):
        register(event, f"person{number}@example.org", name=name, organisation="=1+1")
    client.force_login(member_of("Editors"))
    content = b"".join(client.get(attendees_url(event, "csv")).streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))[1:]
    assert [row[0] for row in rows] == ["'" + name for name in HOSTILE_NAMES]
    assert {row[2] for row in rows} == {"'=1+1"}
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


def test_xlsx_opens_in_a_spreadsheet_with_text_cells_only(client):
    event = pages.event(capacity=None)
    for number, name in enumerate([*HOSTILE_NAMES, "Мирослав\x07 Јовановић"]):
        register(event, f"person{number}@example.org", name=name)
    client.force_login(member_of("Moderators"))
    response = client.get(attendees_url(event, "xlsx"))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Name"
    names = [row[0] for row in rows[1:]]
    assert names[:4] == ["'" + name for name in HOSTILE_NAMES]
    assert names[4] == "Мирослав Јовановић"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_neutralise_leaves_ordinary_text_and_numbers_alone():
    assert neutralise("Ana Hoxha") == "Ana Hoxha"
    assert neutralise("ana-hoxha@example.org") == "ana-hoxha@example.org"
    assert neutralise(3) == 3
    assert neutralise("\tcmd") == "'\tcmd"


# The button in the page explorer --------------------------------------------------------------------------

def test_event_pages_get_an_attendees_button_for_organisers_only(event):
    editor, plain = member_of("Editors"), UserFactory()
    url = attendees_url(event)
    header = [button.url for button in get_page_header_buttons(event, editor, next_url="/", view_name="edit")]
    assert url in header
    assert url not in [button.url for button in get_page_header_buttons(event, plain, next_url="/",
                                                                          view_name="edit")]
    [item] = event_attendees_listing_button(event, editor)
    assert isinstance(item, AttendeesMenuItem) and item.is_shown(editor) and item.url == url
    assert not item.is_shown(plain)


def test_other_pages_get_no_attendees_button():
    editor = member_of("Editors")
    index = pages.event_index()
    assert not AttendeesMenuItem(page=index).is_shown(editor)
    assert all("attendees" not in (button.url or "")
               for button in get_page_header_buttons(index, editor, next_url="/", view_name="edit"))


def test_the_event_edit_page_shows_the_attendees_button(client, event):
    client.force_login(UserFactory(is_superuser=True))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
    assert attendees_url(event) in html
