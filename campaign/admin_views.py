"""Screens of the campaign in the Wagtail admin (/cms/): the people registered for an event, and their export
for the organisers (CSV for any spreadsheet, XLSX for Excel).

Wagtail's admin URLs already send visitors without admin access to the admin's sign-in page; this view
then answers 403 to those who may use the admin but not see attendees (`permissions.can_view_attendees`).
"""

import io
from datetime import datetime

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.menus.pages import PageMenuItem

from network.spreadsheets import csv_lines, neutralise

from . import permissions
from .models import EventPage, EventRegistration

ATTENDEES_PER_PAGE = 100
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _columns():
    return [_("Name"), _("E-mail address"), _("Organisation"), _("Access needs"), _("Status"), _("Language"),
            _("Registered through"), _("Registered"), _("Cancelled")]


def _local(moment: datetime | None, zone) -> str:
    return timezone.localtime(moment, zone).strftime("%Y-%m-%d %H:%M") if moment else ""


def _row(registration, zone) -> list:
    return [neutralise(value) for value in (
        registration.name, registration.email, registration.organisation, registration.access_needs,
        registration.get_status_display(), registration.get_language_display(),
        registration.event.locale.language_code, _local(registration.created_at, zone),
        _local(registration.cancelled_at, zone),
    )]


def _csv_response(rows, filename: str):
    response = StreamingHttpResponse(csv_lines(_columns(), rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _xlsx_response(rows, filename: str):
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def clean(value):  # control characters (a pasted name can hold some) cannot be stored in XLSX
        return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Attendees")[:31])
    sheet.append(_columns())
    for row in rows:
        sheet.append([clean(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def event_attendees(request, page_id):
    """The people registered for an event through any of its translations, with counts per status;
    ?format=csv or ?format=xlsx downloads them."""
    if not permissions.can_view_attendees(request.user):
        return TemplateResponse(request, "campaign/admin/attendees_forbidden.html", {}, status=403)
    event = get_object_or_404(EventPage, pk=page_id)
    registrations = (
        EventRegistration.objects.filter(event_key=event.translation_key)
        .select_related("event__locale").order_by("created_at", "pk")
    )
    zone = event.zone
    export = request.GET.get("format")
    filename = f"attendees-{event.slug}-{timezone.localdate():%Y-%m-%d}"
    if export == "csv":
        return _csv_response((_row(registration, zone) for registration in registrations.iterator()), filename)
    if export == "xlsx":
        return _xlsx_response((_row(registration, zone) for registration in registrations.iterator()), filename)

    counts = dict(registrations.order_by().values_list("status").annotate(count=Count("pk")))
    statuses = [(label, counts.get(value, 0)) for value, label in EventRegistration.Status.choices]
    page = Paginator(registrations, ATTENDEES_PER_PAGE).get_page(request.GET.get("page"))
    title = _("Attendees: %(event)s") % {"event": event.get_admin_display_title()}
    return TemplateResponse(request, "campaign/admin/attendees.html", {
        "event": event,
        "page_title": title,
        "header_title": title,
        "header_icon": "group",
        "statuses": statuses,
        "total": sum(counts.values()),
        "registrations": page,
        "capacity": event.capacity,
        "csv_url": f"{request.path}?format=csv",
        "xlsx_url": f"{request.path}?format=xlsx",
    })


class AttendeesMenuItem(PageMenuItem):
    """The "Attendees" button of an event in the page explorer and on its edit page."""

    label = gettext_lazy("Attendees")
    icon_name = "group"

    def is_shown(self, user):
        return self.page.specific_class is EventPage and permissions.can_view_attendees(user)

    @property
    def url(self):
        return reverse("campaign_event_attendees", args=[self.page.pk])
