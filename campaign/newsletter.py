"""The newsletter's double opt-in: a sign-up sends a confirmation link, following it (and pressing the
button: mail scanners follow links) subscribes, and one click from any e-mail unsubscribes.

An address has one row whatever its case. What a visitor is told never depends on whether the address is
already subscribed, and one address gets at most one confirmation e-mail in ten minutes.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from network.emails import absolute_url, queue_email

from .models import NewsletterSubscription, _token

CONFIRMATION_INTERVAL = timedelta(minutes=10)
CONFIRMATION_VALID_FOR = timedelta(days=7)
Status = NewsletterSubscription.Status


def subscription_link(subscription, name: str) -> str:
    """The absolute address of the subscription's confirm or unsubscribe page, in its language."""
    with translation.override(subscription.language):
        return absolute_url(reverse(f"campaign:newsletter_{name}", kwargs={"token": subscription.token}))


def unsubscribe_headers(subscription) -> dict[str, str]:
    """RFC 2369 and RFC 8058 headers for every e-mail to a subscriber: mail clients offer one-click
    unsubscribing with a POST to the link."""
    return {
        "List-Unsubscribe": f"<{subscription_link(subscription, 'unsubscribe')}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def confirmation_expired(subscription, *, now=None) -> bool:
    """A pending link is valid for seven days after it was (last) sent."""
    sent = subscription.confirmation_sent_at or subscription.created_at
    return subscription.status == Status.PENDING and sent + CONFIRMATION_VALID_FOR <= (now or timezone.now())


def _send_confirmation(subscription, *, now) -> None:
    subscription.confirmation_sent_at = now
    subscription.save(update_fields=["confirmation_sent_at"])
    queue_email(
        template="campaign/email/newsletter_confirm", to=[subscription.email], language=subscription.language,
        context={"confirm_url": subscription_link(subscription, "confirm"),
                 "unsubscribe_url": subscription_link(subscription, "unsubscribe"),
                 "valid_days": CONFIRMATION_VALID_FOR.days},
    )


def subscription_request(*, email: str, language: str, consent_given: bool, consent_text: str):
    """Ask for the newsletter for `email`. A new or unsubscribed address becomes pending and gets a
    confirmation link; a pending one gets the link again (at most once in ten minutes); a confirmed one
    is left as it is. The caller tells the visitor the same thing in every case. Returns the row."""
    if not consent_given:
        raise ValidationError(_("Please agree to receive the newsletter."))
    email = email.strip()
    now = timezone.now()
    with transaction.atomic():
        subscription = NewsletterSubscription.objects.select_for_update().filter(email__iexact=email).first()
        if subscription is None:
            subscription = NewsletterSubscription(email=email, language=language, consent_text=consent_text)
            subscription.full_clean()
            try:
                with transaction.atomic():
                    subscription.save()
            except IntegrityError:  # the same address signed up at the same moment: that one stands
                return NewsletterSubscription.objects.get(email__iexact=email)
            _send_confirmation(subscription, now=now)
            return subscription
        if subscription.status == Status.CONFIRMED:
            return subscription
        if subscription.confirmation_sent_at and subscription.confirmation_sent_at + CONFIRMATION_INTERVAL > now:
            return subscription  # throttled: the link sent a moment ago is still on its way
        if subscription.status == Status.UNSUBSCRIBED:
            subscription.token = _token()  # links of the old subscription no longer work
            subscription.confirmed_at = None
        subscription.status = Status.PENDING
        subscription.language = language
        subscription.consent_text = consent_text
        subscription.full_clean()
        subscription.save(update_fields=["status", "token", "confirmed_at", "language", "consent_text"])
        _send_confirmation(subscription, now=now)
        return subscription


def subscription_confirm(*, subscription) -> bool:
    """Confirm a pending subscription whose link is still valid and send the welcome e-mail. Returns
    whether it was confirmed now."""
    with transaction.atomic():
        subscription = NewsletterSubscription.objects.select_for_update().get(pk=subscription.pk)
        if subscription.status != Status.PENDING or confirmation_expired(subscription):
            return False
        subscription.status = Status.CONFIRMED
        subscription.confirmed_at = timezone.now()
        subscription.unsubscribed_at = None
        subscription.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
        queue_email(
            template="campaign/email/newsletter_welcome", to=[subscription.email], language=subscription.language,
            context={"unsubscribe_url": subscription_link(subscription, "unsubscribe")},
            headers=unsubscribe_headers(subscription),
        )
    return True


def subscription_unsubscribe(*, subscription) -> bool:
    """Stop the newsletter (and any pending confirmation) for the token's owner. Returns whether anything
    changed: unsubscribing twice is harmless."""
    with transaction.atomic():
        subscription = NewsletterSubscription.objects.select_for_update().get(pk=subscription.pk)
        if subscription.status == Status.UNSUBSCRIBED:
            return False
        subscription.status = Status.UNSUBSCRIBED
        subscription.unsubscribed_at = timezone.now()
        subscription.save(update_fields=["status", "unsubscribed_at"])
    return True


def confirmed_subscribers():
    """The confirmed subscribers, oldest first (the moderators' export)."""
    return (NewsletterSubscription.objects.filter(status=Status.CONFIRMED)
            .order_by("confirmed_at", "pk").values_list("email", "language", "confirmed_at"))
