"""Event registration: places, the waiting list and cancellation (writes), and the e-mails they send.

An event's translations share their places: registrations are counted by `event_key` (the pages'
translation key), and every write that counts places first locks one row all of them share (the
event's page with the lowest id among its translations), so that two visitors registering at the same
moment cannot both take the last place.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from network.emails import absolute_url, queue_email

from . import ics, permissions
from .models import EventRegistration

Status = EventRegistration.Status

ICS_FILENAME = "event.ics"


def _already_registered() -> ValidationError:
    return ValidationError(
        _("This address is already registered for this event. Check your e-mail for the confirmation, "
          "which has the link to cancel."),
        code="duplicate",
    )


def _lock_event(event_key) -> None:
    """Hold the row every registration of the event shares until the transaction ends."""
    list(Page.objects.select_for_update().filter(translation_key=event_key).order_by("pk").values_list("pk")[:1])


def confirmed_count(event_key) -> int:
    return EventRegistration.objects.filter(event_key=event_key, status=Status.CONFIRMED).count()


def holds_live_registration(event_key, email: str) -> bool:
    """Whether the address (in any case) already has a place or a place on the waiting list."""
    return (
        EventRegistration.objects.filter(event_key=event_key, email__iexact=email)
        .exclude(status=Status.CANCELLED).exists()
    )


def places_left(event) -> int | None:
    """Free places across the event's translations; None when the event has no limit."""
    if event.capacity is None:
        return None
    return max(event.capacity - confirmed_count(event.translation_key), 0)


def waiting_position(registration) -> int | None:
    """1 for the first on the waiting list; None when the registration is not waiting."""
    if registration.status != Status.WAITING:
        return None
    earlier = EventRegistration.objects.filter(
        event_key=registration.event_key, status=Status.WAITING, created_at__lt=registration.created_at,
    ).count()
    return earlier + 1


def registration_create(*, event, name: str, email: str, organisation: str = "", access_needs: str = "",
                        language: str, consent_given: bool) -> EventRegistration:
    """Register someone for an event: a confirmed place while places remain, else the waiting list.
    Refused (ValidationError) when registration is closed, without consent, or when the address already
    holds a live registration for the event (in any of its languages)."""
    if not consent_given:
        raise ValidationError(_("Registration needs your consent to the text above."), code="consent")
    if not permissions.registration_is_open(event):
        raise ValidationError(_("Registration for this event is closed."), code="closed")
    email = email.strip()
    registration = EventRegistration(
        event=event, event_key=event.translation_key, name=name.strip(), email=email,
        organisation=organisation.strip(), access_needs=access_needs.strip(), language=language,
        consent_text=event.consent_text, status=Status.WAITING,
    )
    registration.full_clean(exclude=["status", "token"], validate_constraints=False)
    with transaction.atomic():
        _lock_event(event.translation_key)
        if holds_live_registration(event.translation_key, email):
            raise _already_registered()
        if event.capacity is None or confirmed_count(event.translation_key) < event.capacity:
            registration.status = Status.CONFIRMED
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError as error:  # the constraint one_live_registration_per_email_per_event
            raise _already_registered() from error
        _send(registration, "event_registration")
    return registration


def registration_cancel(*, registration, now=None) -> EventRegistration:
    """Cancel a registration. A freed confirmed place goes to the first on the waiting list, who is told
    by e-mail. Cancelling again changes nothing; once the event has ended it is refused."""
    with transaction.atomic():
        _lock_event(registration.event_key)
        current = EventRegistration.objects.select_related("event").get(pk=registration.pk)
        if current.status == Status.CANCELLED:
            return current
        if not permissions.can_cancel_registration(current, now=now):
            raise ValidationError(_("This event has ended: the registration can no longer be cancelled."),
                                  code="ended")
        freed_place = current.status == Status.CONFIRMED
        current.status = Status.CANCELLED
        current.cancelled_at = now or timezone.now()
        current.save(update_fields=["status", "cancelled_at"])
        _send(current, "event_cancelled")
        if freed_place:
            _fill_places(current.event)
    return current


def _fill_places(event) -> None:
    """Confirm the first on the waiting list (by time of registration) while places are free.
    Runs with the event locked."""
    waiting = EventRegistration.objects.filter(event_key=event.translation_key, status=Status.WAITING)
    if event.capacity is None:
        free = None
    else:
        free = event.capacity - confirmed_count(event.translation_key)
        if free <= 0:
            return
    for registration in waiting.select_related("event").order_by("created_at", "pk")[:free]:
        registration.status = Status.CONFIRMED
        registration.save(update_fields=["status"])
        _send(registration, "event_promoted")


# E-mails ------------------------------------------------------------------------------------------

def registration_url(registration) -> str:
    """The registration's own page (status, .ics, cancellation) in the registrant's language."""
    with translation.override(registration.language):
        return absolute_url(reverse("campaign:registration_detail", args=[registration.token]))


def event_url(event) -> str:
    return absolute_url(event.get_url() or "")


def registration_calendar(registration) -> str:
    """The participant's .ics: with the online meeting address for a confirmed place at an online event."""
    event = registration.event
    online_url = event.online_url if registration.status == Status.CONFIRMED else ""
    return ics.event_calendar(event, page_url=event_url(event), online_url=online_url)


def _send(registration, template: str) -> None:
    event = registration.event
    confirmed = registration.status == Status.CONFIRMED
    context = {
        "registration": registration,
        "event": event,
        "confirmed": confirmed,
        "waiting": registration.status == Status.WAITING,
        "position": waiting_position(registration),
        "online_url": event.online_url if confirmed and event.is_online else "",
        "event_url": event_url(event),
        "registration_url": registration_url(registration),
    }
    attachments = None
    if confirmed:
        attachments = [(ICS_FILENAME, registration_calendar(registration), "text/calendar")]
    queue_email(template=f"campaign/email/{template}", to=[registration.email], language=registration.language,
                context=context, attachments=attachments)
