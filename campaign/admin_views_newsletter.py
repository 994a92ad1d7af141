"""The moderators' export of the newsletter's confirmed subscribers: /cms/newsletter/subscribers.csv
(registered in `campaign/wagtail_hooks.py`, `register_newsletter_admin_urls`)."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.utils import timezone

from . import permissions
from .newsletter import confirmed_subscribers

# A cell starting with one of these would run as a formula in a spreadsheet ("=1+2@example.org" is a
# valid address): it gets a leading quote.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


class _Echo:
    def write(self, value):
        return value


def _rows():
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(["email", "language", "confirmed_at"])  # BOM: spreadsheets read UTF-8
    for email, language, confirmed_at in confirmed_subscribers().iterator(chunk_size=2000):
        yield writer.writerow([neutralise(email), language, confirmed_at.isoformat() if confirmed_at else ""])


def subscriber_export(request):
    """Confirmed subscribers as CSV (email, language, confirmed_at), for Moderators only."""
    if not permissions.can_view_subscribers(request.user):
        raise PermissionDenied
    response = StreamingHttpResponse(_rows(), content_type="text/csv; charset=utf-8")
    filename = f"newsletter-subscribers-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
