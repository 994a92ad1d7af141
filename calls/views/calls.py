"""The public calls: the list by phase, a call's page with its clarification board, site visits and
public decisions; asking a question and booking a visit for members of verified CSOs.

Access goes through `calls.permissions`; writes through `calls.services.calls`.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from network.services import ActionRefused

from .. import permissions
from ..forms.calls import BookingForm, QuestionForm
from ..models import Call, SiteVisitBooking, SiteVisitSlot
from ..selectors import calls as selectors
from ..services import calls as services

PAGE_SIZE = 20


def countdown_text(moment, *, now=None, ended: str = "") -> str:
    """“3 days 4 hours”, “5 hours 12 minutes”, “7 minutes” until `moment`; `ended` once it has passed."""
    now = now or timezone.now()
    seconds = int((moment - now).total_seconds())
    if seconds <= 0:
        return ended
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = max(1, rest // 60) if not (days or hours) else rest // 60
    parts = []
    if days:
        parts.append(ngettext("%(count)d day", "%(count)d days", days) % {"count": days})
    if hours or days:
        parts.append(ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours})
    if not days:
        parts.append(ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes})
    return " ".join(parts)


def closing_countdown(call, now=None) -> str:
    left = countdown_text(call.closes_at, now=now)
    return _("closes in %(time)s") % {"time": left} if left else _("closed")


def opening_countdown(call, now=None) -> str:
    left = countdown_text(call.opens_at, now=now)
    return _("opens in %(time)s") % {"time": left} if left else _("open")


@require_GET
def call_list(request):
    """Open, upcoming or closed calls (`?phase=`), each with its properties and a deadline countdown."""
    phase = request.GET.get("phase", "open")
    if phase not in selectors.PHASES:
        phase = "open"
    now = timezone.now()
    counts = selectors.call_phase_counts(now=now)
    page = Paginator(selectors.call_list_public(phase=phase, now=now), PAGE_SIZE).get_page(request.GET.get("page"))
    for call in page.object_list:
        call.countdown = opening_countdown(call, now) if phase == "upcoming" else closing_countdown(call, now)
    tabs = [
        {"value": "open", "label": _("Open"), "count": counts["open"]},
        {"value": "upcoming", "label": _("Upcoming"), "count": counts["upcoming"]},
        {"value": "closed", "label": _("Closed"), "count": counts["closed"]},
    ]
    return render(request, "calls/call_list.html", {
        "phase": phase, "tabs": tabs, "page": page, "query": f"phase={phase}",
    })


def eligibility_lines(call: Call) -> list[str]:
    """Who may apply, in words."""
    lines = [_("Civil society organisations verified on this network.")]
    if call.scope == Call.Scope.NATIONAL:
        lines.append(_("Registered in %(country)s.") % {"country": call.amo.country.name})
    else:
        countries = [str(country.name) for country in call.eligible_countries.all()]
        if countries:
            lines.append(_("Registered in one of: %(countries)s. Partners may come from any of them.") % {
                "countries": ", ".join(countries)})
        else:
            lines.append(_("Registered in any country of the network."))
    if call.min_years_active:
        lines.append(ngettext(
            "Active for at least %(years)d year (counted from the year the organisation was founded).",
            "Active for at least %(years)d years (counted from the year the organisation was founded).",
            call.min_years_active,
        ) % {"years": call.min_years_active})
    return lines


def _viewable_call(request, pk) -> Call:
    call = selectors.call_detail_public(pk)
    if call is None or not permissions.can_view_call(request.user, call):
        raise Http404
    return call


def _render_detail(request, call, *, question_form=None, booking_errors=None, status=200):
    now = timezone.now()
    phase = call.phase(now)
    organisations = list(selectors.verified_organisations_of(request.user))
    askers = [o for o in organisations if permissions.can_ask_question(request.user, call, o)]
    bookers = [o for o in organisations if permissions.can_book_site_visit(request.user, call, o)]
    slots = list(selectors.call_site_visits(call))
    for slot in slots:
        slot.places_left = max(0, slot.capacity - slot.booked)
        slot.is_past = slot.starts_at <= now
    my_bookings = selectors.bookings_of_user(request.user, call)
    booked_slots = {booking.slot_id for booking in my_bookings}
    start_url = None
    if any(permissions.can_draft_proposal(request.user, call, o) for o in organisations):
        start_url = reverse("calls:proposal_start", kwargs={"call_pk": call.pk})
    organisation_queryset = selectors.verified_organisations_of(request.user).filter(pk__in=[o.pk for o in bookers])
    return render(request, "calls/call_detail.html", {
        "call": call,
        "phase": phase,
        "countdown": opening_countdown(call, now) if phase == "upcoming" else closing_countdown(call, now),
        "eligibility": eligibility_lines(call),
        "criteria": list(call.criteria.all()),
        "documents": list(call.document_requirements.all()),
        "properties": call.public_properties,
        "board": list(selectors.call_public_board(call)),
        "question_form": question_form or (QuestionForm(organisations=selectors.verified_organisations_of(
            request.user).filter(pk__in=[o.pk for o in askers])) if askers else None),
        "slots": slots,
        "booking_form": BookingForm(organisations=organisation_queryset, auto_id="id_booking_%s") if bookers else None,
        "booking_errors": booking_errors,
        "my_bookings": my_bookings,
        "booked_slots": booked_slots,
        "decisions": list(selectors.call_public_decisions(call)),
        "proposal_start_url": start_url,
        "can_manage": permissions.can_manage_call(request.user, call),
        "office_zone": call.time_zone,
    }, status=status)


def _organisations_allowed(user, call, can):
    """The user's verified CSOs that may act on the call; 403 when there are none."""
    organisations = selectors.verified_organisations_of(user)
    allowed = [o.pk for o in organisations if can(user, call, o)]
    if not allowed:
        raise PermissionDenied
    return organisations.filter(pk__in=allowed)


@require_GET
def call_detail(request, pk):
    return _render_detail(request, _viewable_call(request, pk))


@login_required
@require_POST
def call_question_ask(request, pk):
    call = _viewable_call(request, pk)
    form = QuestionForm(request.POST, organisations=_organisations_allowed(
        request.user, call, permissions.can_ask_question))
    if not form.is_valid():
        return _render_detail(request, call, question_form=form, status=400)
    try:
        services.question_ask(
            call=call, organisation=form.cleaned_data["organisation"], actor=request.user,
            question=form.cleaned_data["question"],
        )
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(reverse("calls:call_detail", kwargs={"pk": call.pk}) + "#board")
    except ValidationError as error:
        form.add_error(None, error)
        return _render_detail(request, call, question_form=form, status=400)
    messages.success(request, _("Your question is sent to the office. Its answer will be published here."))
    return redirect(reverse("calls:call_detail", kwargs={"pk": call.pk}) + "#board")


@login_required
@require_POST
def site_visit_book(request, pk, slot_id):
    call = _viewable_call(request, pk)
    slot = get_object_or_404(SiteVisitSlot.objects.select_related("call__amo"), pk=slot_id, call=call)
    form = BookingForm(request.POST, organisations=_organisations_allowed(
        request.user, call, permissions.can_book_site_visit))
    target = reverse("calls:call_detail", kwargs={"pk": call.pk}) + "#visits"
    if not form.is_valid():
        errors = [f"{form.fields[name].label}: {' '.join(errs)}" if name in form.fields else " ".join(errs)
                  for name, errs in form.errors.items()]
        return _render_detail(request, call, booking_errors=errors, status=400)
    try:
        services.site_visit_book(
            slot=slot, organisation=form.cleaned_data["organisation"], actor=request.user,
            people=form.cleaned_data["people"],
        )
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
    except ValidationError as error:
        return _render_detail(request, call, booking_errors=error.messages, status=400)
    else:
        messages.success(request, _("Your place on the visit is booked."))
    return redirect(target)


@login_required
@require_POST
def site_visit_cancel(request, pk, booking_id):
    call = _viewable_call(request, pk)
    booking = get_object_or_404(
        SiteVisitBooking.objects.select_related("slot__call__amo", "organisation"), pk=booking_id, slot__call=call
    )
    if not permissions.can_cancel_site_visit_booking(request.user, booking):
        raise PermissionDenied
    try:
        services.site_visit_cancel(booking=booking, actor=request.user)
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The booking is cancelled: the place is free for others."))
    return redirect(reverse("calls:call_detail", kwargs={"pk": call.pk}) + "#visits")


urlpatterns = [
    path("calls/", call_list, name="call_list"),
    path("calls/<int:pk>/", call_detail, name="call_detail"),
    path("calls/<int:pk>/questions/", call_question_ask, name="call_question_ask"),
    path("calls/<int:pk>/visits/<int:slot_id>/book/", site_visit_book, name="site_visit_book"),
    path("calls/<int:pk>/visits/bookings/<int:booking_id>/cancel/", site_visit_cancel, name="site_visit_cancel"),
]
