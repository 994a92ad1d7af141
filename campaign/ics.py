"""iCalendar files (RFC 5545) for events, written by hand: one VEVENT in a VCALENDAR.

https://www.rfc-editor.org/rfc/rfc5545: lines end with CRLF and are folded at 75 octets (3.1), text
values escape backslashes, semicolons, commas and newlines (3.3.11), and times are given in UTC with
a trailing Z (3.3.5, form 2), so that no VTIMEZONE component is needed.
"""

from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

LINE_LENGTH = 75  # octets, without the CRLF
CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODUCT_ID = "-//Re-use network//Campaign events//EN"


def escape_text(value: str) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, every line break written as \\n."""
    value = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets, each continuation starting with a space,
    never inside a multi-byte UTF-8 character."""
    parts, current, size = [], [], 0
    limit = LINE_LENGTH
    for character in line:
        octets = len(character.encode("utf-8"))
        if size + octets > limit:
            parts.append("".join(current))
            current, size, limit = [" "], 1, LINE_LENGTH
        current.append(character)
        size += octets
    parts.append("".join(current))
    return "\r\n".join(parts)


def utc(moment: datetime) -> str:
    """A DATE-TIME in UTC: 20250301T090000Z."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _host() -> str:
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def event_location(event, *, page_url: str, online_url: str = "") -> str:
    """Where the event happens: the venue and address, or for an online event the meeting address
    (only in a confirmed participant's file) or else the event's page."""
    if event.is_online:
        return online_url or page_url
    parts = [event.venue, event.address, event.country.name if event.country else ""]
    return ", ".join(part for part in parts if part)


def event_calendar(event, *, page_url: str, online_url: str = "", now: datetime | None = None) -> str:
    """The .ics file of an event. The UID comes from the event's translation key, so that the file of
    every translation (and of every participant) updates the same entry in a calendar."""
    description = event.summary
    if page_url:
        description = f"{description}\n\n{page_url}" if description else page_url
    if event.is_online and online_url:
        description = f"{description}\n\n{online_url}"
    properties = [
        ("BEGIN", "VCALENDAR"),
        ("VERSION", "2.0"),
        ("PRODID", PRODUCT_ID),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("BEGIN", "VEVENT"),
        ("UID", f"event-{event.translation_key}@{_host()}"),
        ("DTSTAMP", utc(now or timezone.now())),
        ("DTSTART", utc(event.starts_at)),
        ("DTEND", utc(event.ends_at)),
        ("SUMMARY", escape_text(event.title)),
        ("DESCRIPTION", escape_text(description)),
        ("LOCATION", escape_text(event_location(event, page_url=page_url, online_url=online_url))),
    ]
    if page_url:
        properties.append(("URL", page_url))
    properties += [("END", "VEVENT"), ("END", "VCALENDAR")]
    return "".join(fold(f"{name}:{value}") + "\r\n" for name, value in properties)
