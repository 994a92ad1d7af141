"""Events and trainings: the lists and the event's page (cached for anonymous visitors, so without forms),
the registration form, the .ics file, and each registration's own page (found by its token) where it
can be cancelled.
"""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from network.forms import describe_errors

from .. import events, ics, permissions
from ..forms import EventRegistrationForm
from ..models import EventPage, EventRegistration
from . import private

EVENTS_PER_PAGE = 12
JSON_LD_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


# The index and the event's page (cacheable: the same for every anonymous visitor) -------------------

def event_list_context(request, index) -> dict:
    """Upcoming events (those not ended yet, soonest first) or, with ?when=past, past ones (latest first),
    of this index (so of its locale), paginated."""
    past = request.GET.get("when") == "past"
    now = timezone.now()
    events_of_index = EventPage.objects.child_of(index).live()
    if past:
        listed = events_of_index.filter(ends_at__lte=now).order_by("-starts_at", "-pk")
    else:
        listed = events_of_index.filter(ends_at__gt=now).order_by("starts_at", "pk")
    page = Paginator(listed, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    return {"events": page, "page_of_events": page, "when": "past" if past else "upcoming",
            "query": "when=past" if past else ""}


def event_json_ld(page, request) -> str:
    """schema.org Event, for search engines (never the online meeting address)."""
    url = page.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "startDate": page.local_start.isoformat(),
        "endDate": page.local_end.isoformat(),
        "inLanguage": page.event_language,
        "eventStatus": "https://schema.org/EventScheduled",
        "url": url,
    }
    if page.is_online:
        data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
        data["location"] = {"@type": "VirtualLocation", "url": url}
    else:
        data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        data["location"] = {
            "@type": "Place", "name": page.venue,
            "address": {"@type": "PostalAddress", "streetAddress": page.address,
                        "addressCountry": page.country.code or None},
        }
    return json.dumps(data, ensure_ascii=False).translate(JSON_LD_ESCAPES)


def event_page_context(request, page) -> dict:
    """What the event's page shows about registration: open or closed, places left or full."""
    places_left = events.places_left(page)
    return {
        "registration_is_open": permissions.registration_is_open(page),
        "places_left": places_left,
        "is_full": places_left == 0,
        "json_ld": event_json_ld(page, request),
    }


def event_calendar(request, page):
    """The event's .ics file (the public one: never the online meeting address)."""
    content = ics.event_calendar(page, page_url=page.get_full_url(request))
    response = HttpResponse(content, content_type=ics.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{page.slug or "event"}.ics"'
    return response


# Registration (not cached: a form with a CSRF token, and pages per registration) -------------------

def _see_other(url):
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def event_register(request, page):
    """The registration form (GET), and the registration (POST), then on to the registration's page.
    While registration is closed the page says so, without a form (a POST then gets a 409)."""
    is_open = permissions.registration_is_open(page)
    posted = request.method == "POST"
    form = EventRegistrationForm(request.POST if posted and is_open else None, consent_text=page.consent_text)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            registration = events.registration_create(
                event=page, name=data["name"], email=data["email"], organisation=data["organisation"],
                access_needs=data["access_needs"], language=translation.get_language(),
                consent_given=data["consent"],
            )
        except ValidationError as refusal:
            if refusal.code == "closed":  # closed while the visitor was filling the form in
                is_open = False
            else:
                form.add_error(None, refusal.messages)
        else:
            if registration.status == EventRegistration.Status.CONFIRMED:
                messages.success(request, _("You are registered. We have sent you a confirmation by e-mail."))
            else:
                messages.info(request, _("The event is full: you are on the waiting list. We have sent you an "
                                         "e-mail and will write again if a place frees up."))
            return _see_other(reverse("campaign:registration_detail", args=[registration.token]))
    describe_errors(form)
    context = page.get_context(request)
    context.update({"form": form, "registration_is_open": is_open})
    status = 409 if posted and not is_open else 200
    return private(TemplateResponse(request, "campaign/event_register.html", context, status=status))


def _registration_or_none(token: str):
    if not token or len(token) > 64:
        return None
    return EventRegistration.objects.select_related("event", "event__locale").filter(token=token).first()


def _not_found(request):
    return private(TemplateResponse(request, "campaign/registration_detail.html", {"registration": None},
                                     status=404))


@require_GET
def registration_detail(request, token):
    """A registration's page: its status, the .ics file (?format=ics, for a confirmed place) and the
    cancel button. Reached from the link in the confirmation e-mail."""
    registration = _registration_or_none(token)
    if registration is None:
        return _not_found(request)
    confirmed = registration.status == EventRegistration.Status.CONFIRMED
    if request.GET.get("format") == "ics" and confirmed:
        response = HttpResponse(events.registration_calendar(registration), content_type=ics.CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{events.ICS_FILENAME}"'
        return private(response)
    event = registration.event
    context = {
        "registration": registration,
        "event": event,
        "event_url": event.get_url(request) if event.live else "",
        "position": events.waiting_position(registration),
        "online_url": event.online_url if confirmed and event.is_online else "",
        "can_cancel": permissions.can_cancel_registration(registration),
    }
    return private(TemplateResponse(request, "campaign/registration_detail.html", context))


@require_http_methods(["GET", "HEAD", "POST"])
def registration_cancel(request, token):
    """Cancel (POST with the CSRF token, from the registration's page). A GET only leads to that page:
    link previews and mail scanners follow links, and must not cancel anything."""
    registration = _registration_or_none(token)
    if registration is None:
        return _not_found(request)
    detail = reverse("campaign:registration_detail", args=[registration.token])
    if request.method != "POST":
        return redirect(detail)
    already_cancelled = registration.status == EventRegistration.Status.CANCELLED
    try:
        events.registration_cancel(registration=registration)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        if already_cancelled:
            messages.info(request, _("This registration was already cancelled."))
        else:
            messages.success(request, _("Your registration is cancelled. We have sent you a confirmation by e-mail."))
    return _see_other(detail)
