"""Newsletter sign-up, confirmation and unsubscribing. None of these pages is cached: they carry a CSRF
token or a personal link. A GET never changes anything (mail scanners follow links)."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from network.forms import describe_errors

from .. import newsletter
from ..forms import NewsletterForm
from ..models import CampaignSettings, NewsletterSubscription
from . import private

Status = NewsletterSubscription.Status


def _render(request, template, context=None, *, status=200):
    return private(render(request, f"campaign/{template}", context or {}, status=status))


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    """GET (from the footer on every page, which has no CSRF token): the form, the address filled in.
    POST: the sign-up; the answer is the same whether or not the address is already subscribed."""
    consent_text = CampaignSettings.for_request(request).newsletter_consent_text()
    if request.method != "POST":
        initial = {"email": request.GET.get("email", "")[:254]}
        return _render(request, "newsletter_subscribe.html",
                       {"form": NewsletterForm(initial=initial, consent_text=consent_text)})
    form = NewsletterForm(request.POST, consent_text=consent_text)
    if form.is_valid():
        try:
            newsletter.subscription_request(
                email=form.cleaned_data["email"], language=get_language(), consent_given=form.cleaned_data["consent"],
                consent_text=consent_text,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            return _render(request, "newsletter_sent.html", {"email": form.cleaned_data["email"]})
    describe_errors(form)
    return _render(request, "newsletter_subscribe.html", {"form": form}, status=400)


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET: a page with the button that confirms (POST). An expired link leads back to the sign-up."""
    subscription = get_object_or_404(NewsletterSubscription, token=token)
    if subscription.status == Status.UNSUBSCRIBED:
        return _render(request, "newsletter_confirm.html", {"state": "unsubscribed"}, status=410)
    if subscription.status == Status.CONFIRMED:
        return _render(request, "newsletter_confirm.html", {"state": "confirmed"})
    if newsletter.confirmation_expired(subscription):
        return _render(request, "newsletter_confirm.html", {"state": "expired"}, status=410)
    if request.method == "POST":
        newsletter.subscription_confirm(subscription=subscription)
        return _render(request, "newsletter_confirm.html", {"state": "confirmed", "just_confirmed": True})
    return _render(request, "newsletter_confirm.html", {"state": "pending", "subscription": subscription})


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without a token; the link only
# ever unsubscribes its own owner, so a forged request can do nothing worse than what it asks.
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET: a page with one button. POST (the button, or a mail client's one-click request): unsubscribe."""
    subscription = get_object_or_404(NewsletterSubscription, token=token)
    if request.method == "POST":
        newsletter.subscription_unsubscribe(subscription=subscription)
        return _render(request, "newsletter_unsubscribe.html", {"state": "unsubscribed"})
    state = "unsubscribed" if subscription.status == Status.UNSUBSCRIBED else "subscribed"
    return _render(request, "newsletter_unsubscribe.html", {"state": state, "subscription": subscription})
