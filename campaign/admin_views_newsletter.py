"""The moderators' export of the newsletter's confirmed subscribers: /cms/newsletter/subscribers.csv
(registered in `campaign/wagtail_hooks.py`, `register_newsletter_admin_urls`)."""

from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.utils import timezone

from network.spreadsheets import csv_lines

from . import permissions
from .newsletter import confirmed_subscribers


def _rows():
    # Cells are neutralised: "=1+2@example.org" is a valid address.
    for email, language, confirmed_at in confirmed_subscribers().iterator(chunk_size=2000):
        yield [email, language, confirmed_at.isoformat() if confirmed_at else ""]


def subscriber_export(request):
    """Confirmed subscribers as CSV (email, language, confirmed_at), for Moderators only."""
    if not permissions.can_view_subscribers(request.user):
        raise PermissionDenied
    response = StreamingHttpResponse(csv_lines(["email", "language", "confirmed_at"], _rows()),
                                     content_type="text/csv; charset=utf-8")
    filename = f"newsletter-subscribers-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
