"""The events' iCalendar files (RFC 5545): times in UTC, escaped text, folded lines, one VEVENT."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from campaign import ics
from campaign.models import EventPage
from tests.campaign import pages

KEY = uuid.UUID("6b1f5f5e-2d7c-4a55-9a53-2b8f4c6d7e01")
STAMP = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)


def event_page(**fields) -> EventPage:
    """An event that is not saved: the builder needs nothing from the database."""
    values = {
        "title": "Workshop in Tirana", "summary": "What social re-use is.", "translation_key": KEY,
        "starts_at": datetime(2025, 3, 14, 9, 0, tzinfo=UTC), "ends_at": datetime(2025, 3, 14, 12, 0, tzinfo=UTC),
        "time_zone": "Europe/Tirane", "venue": "Community centre", "address": "Rruga e Kavajës 1", "country": "AL",
    }
    values.update(fields)
    return EventPage(**values)


def unfold(content: str) -> list[str]:
    """The content lines of a calendar, continuation lines joined back (RFC 5545, 3.1)."""
    assert content.endswith("\r\n")
    physical = content[:-2].split("\r\n")
    lines = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def properties(content: str) -> dict[str, str]:
    return dict(line.split(":", 1) for line in unfold(content))


def test_calendar_is_one_published_event_with_times_in_utc():
    """Times given in the event's zone (Tirana, UTC+1 in winter) are written in UTC with a Z."""
    from zoneinfo import ZoneInfo

    tirana = ZoneInfo("Europe/Tirane")
    content = ics.event_calendar(
        event_page(starts_at=datetime(2025, 3, 14, 10, 0, tzinfo=tirana),
                   ends_at=datetime(2025, 3, 14, 13, 30, tzinfo=tirana)),
        page_url="https://example.org/en/events/workshop/", now=STAMP,
    )
    lines = unfold(content)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == 1 and lines.count("END:VEVENT") == 1
    values = properties(content)
    assert values["VERSION"] == "2.0"
    assert values["METHOD"] == "PUBLISH"
    assert values["PRODID"]
    assert values["DTSTART"] == "20250314T090000Z"
    assert values["DTEND"] == "20250314T123000Z"
    assert values["DTSTAMP"] == "20250301T080000Z"
    assert values["UID"].startswith(f"event-{KEY}@")
    assert values["URL"] == "https://example.org/en/events/workshop/"
    assert values["LOCATION"] == "Community centre\\, Rruga e Kavajës 1\\, Albania"


def test_every_line_ends_with_crlf_and_no_bare_newline_is_left():
    content = ics.event_calendar(event_page(summary="Line one\nLine two\r\nLine three"), page_url="", now=STAMP)
    assert "\n" not in content.replace("\r\n", "")
    assert "\r" not in content.replace("\r\n", "")


def test_summary_escapes_commas_semicolons_backslashes_and_newlines():
    content = ics.event_calendar(
        event_page(title="Re-use; law, practice\\tools", summary="First line\nSecond, line"),
        page_url="", now=STAMP,
    )
    values = properties(content)
    assert values["SUMMARY"] == "Re-use\\; law\\, practice\\\\tools"
    assert values["DESCRIPTION"] == "First line\\nSecond\\, line"


def test_long_lines_are_folded_at_75_octets_without_splitting_a_character():
    """Cyrillic letters take two octets in UTF-8: lines are measured in octets, not characters."""
    title = "Обука за канцеларије за управљање одузетом имовином и организације цивилног друштва " * 3
    content = ics.event_calendar(event_page(title=title), page_url="", now=STAMP)
    physical = content[:-2].split("\r\n")
    assert any(line.startswith(" ") for line in physical)
    for line in physical:
        assert len(line.encode("utf-8")) <= 75
    assert properties(content)["SUMMARY"] == ics.escape_text(title)


def test_fold_keeps_short_lines_and_splits_exactly_at_the_limit():
    assert ics.fold("SUMMARY:short") == "SUMMARY:short"
    line = "X" * 75
    assert ics.fold(line) == line
    folded = ics.fold("X" * 76)
    assert folded == "X" * 75 + "\r\n X"


def test_online_event_gives_its_page_as_location_in_the_public_file():
    event = event_page(is_online=True, venue="", online_url="https://meet.example.org/secret-room")
    content = ics.event_calendar(event, page_url="https://example.org/en/events/webinar/", now=STAMP)
    assert properties(content)["LOCATION"] == "https://example.org/en/events/webinar/"
    assert "secret-room" not in content


def test_online_event_gives_the_meeting_address_in_a_participants_file():
    event = event_page(is_online=True, venue="", online_url="https://meet.example.org/secret-room")
    content = ics.event_calendar(event, page_url="https://example.org/en/events/webinar/",
                                 online_url=event.online_url, now=STAMP)
    assert properties(content)["LOCATION"] == "https://meet.example.org/secret-room"


@pytest.mark.django_db
def test_event_page_serves_its_calendar_as_an_attachment(client):
    event = pages.event(title="Training, for AMOs; day 1", starts_in=timedelta(days=3),
                        is_online=True, venue="", online_url="https://meet.example.org/secret-room")
    response = client.get(f"{event.url}calendar/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    content = response.content.decode("utf-8")
    values = properties(content)
    assert values["SUMMARY"] == "Training\\, for AMOs\\; day 1"
    assert values["DTSTART"] == event.starts_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    assert values["UID"].startswith(f"event-{event.translation_key}@")
    assert "secret-room" not in content


@pytest.mark.django_db
def test_calendar_of_an_unpublished_event_is_not_found(client):
    event = pages.event(live=False)
    assert client.get(f"/en/events/{event.slug}/calendar/").status_code == 404
