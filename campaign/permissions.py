"""Who may do what with the campaign's records. Pages themselves follow Wagtail's page permissions
(the Editors and Moderators groups, see migration 0002) and its moderation workflow."""

from django.utils import timezone


def can_view_attendees(user) -> bool:
    """Organisers (Editors and Moderators) see and export the people registered for events."""
    return bool(user and user.is_active and user.has_perm("campaign.view_eventregistration"))


def can_view_subscribers(user) -> bool:
    """Only Moderators (and superusers) see the newsletter's subscribers."""
    return bool(user and user.is_active and user.has_perm("campaign.view_newslettersubscription"))


def registration_is_open(event, *, now=None) -> bool:
    """Anyone may register (or join the waiting list) for a live event that has not started, while its
    registration is open and its closing time, if any, has not passed."""
    now = now or timezone.now()
    return bool(
        event.live
        and event.registration_open
        and event.starts_at > now
        and (event.registration_closes_at is None or event.registration_closes_at > now)
    )


def can_cancel_registration(registration, *, now=None) -> bool:
    """The holder of the cancellation link may cancel until the event ends."""
    now = now or timezone.now()
    return registration.status != registration.Status.CANCELLED and registration.event.ends_at > now
