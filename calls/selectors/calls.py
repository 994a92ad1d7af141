"""Reads of calls: the public lists and page, the clarification board, public decisions, the office's list."""

from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from network.models import Organisation
from reuse_projects.models import Property

from ..models import Call, CallQuestion, Decision, Proposal, SiteVisitBooking, SiteVisitSlot

PHASES = ("open", "upcoming", "closed")


def _public_properties():
    """What a visitor may follow a link to: public, not archived, with what a card shows."""
    return Prefetch(
        "properties",
        queryset=Property.objects.public().select_related("amo", "municipality").order_by("reference", "pk"),
        to_attr="public_properties",
    )


def call_list_public(*, phase: str = "open", now=None):
    """Published calls of one phase: open (closing soonest first), upcoming (opening soonest first),
    closed (most recently closed first)."""
    now = now or timezone.now()
    calls = Call.objects.select_related("amo__country").prefetch_related(_public_properties())
    if phase == "upcoming":
        return calls.upcoming(now).order_by("opens_at", "pk")
    if phase == "closed":
        return calls.closed(now).order_by("-closes_at", "-pk")
    return calls.open(now).order_by("closes_at", "pk")


def call_phase_counts(*, now=None) -> dict[str, int]:
    """How many published calls are open, upcoming and closed, in one query."""
    now = now or timezone.now()
    return Call.objects.published().aggregate(
        open=Count("pk", filter=Q(opens_at__lte=now, closes_at__gt=now)),
        upcoming=Count("pk", filter=Q(opens_at__gt=now)),
        closed=Count("pk", filter=Q(closes_at__lte=now)),
    )


def call_detail_public(pk) -> Call | None:
    """A call with everything its page shows. The caller decides whether the reader may see it."""
    return (
        Call.objects.select_related("amo__country")
        .prefetch_related(_public_properties(), "criteria", "document_requirements", "eligible_countries")
        .filter(pk=pk)
        .first()
    )


def call_public_board(call: Call):
    """Answered questions, oldest first. Who asked is never read: it is never shown."""
    return (
        CallQuestion.objects.filter(call=call, answered_at__isnull=False)
        .only("pk", "call_id", "question", "answer", "asked_at", "answered_at")
        .order_by("asked_at", "pk")
    )


def call_public_decisions(call: Call):
    """Confirmed approvals: which organisation got which property, when, with what score."""
    return (
        Decision.objects.public().filter(proposal__call=call)
        .select_related("proposal__organisation", "proposal__property__amo", "proposal__property__municipality")
        .order_by("confirmed_at", "pk")
    )


def _live_booking_count():
    return Coalesce(
        Subquery(
            SiteVisitBooking.objects.filter(slot=OuterRef("pk"), cancelled_at__isnull=True)
            .values("slot").annotate(n=Count("pk")).values("n"),
            output_field=IntegerField(),
        ),
        Value(0),
    )


def call_site_visits(call: Call, *, with_bookings: bool = False):
    """The call's visits with `booked` (live bookings); the office also gets `live_bookings`."""
    slots = (
        SiteVisitSlot.objects.filter(call=call).select_related("property__amo")
        .annotate(booked=_live_booking_count()).order_by("starts_at", "pk")
    )
    if with_bookings:
        slots = slots.prefetch_related(Prefetch(
            "bookings",
            queryset=SiteVisitBooking.objects.filter(cancelled_at__isnull=True)
            .select_related("organisation", "booked_by").order_by("created_at", "pk"),
            to_attr="live_bookings",
        ))
    return slots


def bookings_of_user(user, call: Call) -> list[SiteVisitBooking]:
    """Live bookings of the user's organisations on the call's visits."""
    if not user.is_authenticated:
        return []
    return list(
        SiteVisitBooking.objects.filter(
            organisation__memberships__user=user, slot__call=call, cancelled_at__isnull=True
        ).select_related("organisation")
    )


def verified_organisations_of(user):
    """The verified CSOs the user is a member (or admin) of, by name."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user, kind=Organisation.Kind.CSO, status=Organisation.Status.VERIFIED
    ).order_by("sort_name", "pk")


def call_questions_for_office(call: Call):
    """Every question, unanswered first, with the organisation that asked it."""
    return (
        CallQuestion.objects.filter(call=call).select_related("organisation")
        .order_by(F("answered_at").asc(nulls_first=True), "asked_at", "pk")
    )


def office_call_list(amo):
    """The office's calls, newest first, with their counts (one query whatever the number of calls)."""
    def count(queryset):
        return Coalesce(
            Subquery(queryset.values("call").annotate(n=Count("pk")).values("n"), output_field=IntegerField()),
            Value(0),
        )

    through = Call.properties.through
    return (
        Call.objects.of_office(amo).select_related("amo__country")
        .annotate(
            property_count=count(through.objects.filter(call=OuterRef("pk"))),
            proposal_count=count(Proposal.objects.submitted().filter(call=OuterRef("pk"))),
            unanswered_count=count(CallQuestion.objects.filter(call=OuterRef("pk"), answered_at__isnull=True)),
        )
        .order_by("-created_at", "-pk")
    )
