"""The newsletter: sign-up from the footer of any (cached) page, double opt-in (a GET never confirms), the
welcome e-mail with one-click unsubscribe headers (RFC 8058), throttled confirmations, expired links,
hostile input, and the moderators' export of confirmed subscribers."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Site

from campaign import newsletter
from campaign.models import CampaignSettings, NewsletterSubscription
from tests.campaign import pages
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
Status = NewsletterSubscription.Status
SUBSCRIBE = "/en/newsletter/"
EXPORT = "/cms/newsletter/subscribers.csv"
NEUTRAL = "is not subscribed yet, we have sent a link to it"


@pytest.fixture
def sign_up(client, django_capture_on_commit_callbacks):
    def post(email="ana@example.org", consent="on", path=SUBSCRIBE, **data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(path, {"email": email, "consent": consent, **data})
    return post


def link_in(message, name):
    return re.search(rf"https?://\S+/newsletter/{name}/\S+/", message.body).group(0)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def test_the_whole_double_opt_in(client, sign_up, mailoutbox, django_capture_on_commit_callbacks):
    """Sign-up -> one e-mail -> a GET of the link changes nothing -> the button confirms -> the welcome
    e-mail carries List-Unsubscribe headers -> a one-click POST from the mail client unsubscribes."""
    response = sign_up()
    assert response.status_code == 200 and NEUTRAL in response.content.decode()
    assert len(mailoutbox) == 1
    subscription = NewsletterSubscription.objects.get()
    assert subscription.status == Status.PENDING and subscription.language == "en"
    assert subscription.consent_text == CampaignSettings.objects.get().newsletter_consent_text()
    confirm_url = link_in(mailoutbox[0], "confirm")
    assert subscription.token in confirm_url
    assert link_in(mailoutbox[0], "unsubscribe")

    page = client.get(path_of(confirm_url))
    assert page.status_code == 200 and 'method="post"' in page.content.decode()
    assert "csrfmiddlewaretoken" in page.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == Status.PENDING and len(mailoutbox) == 1

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(path_of(confirm_url))
    assert confirmed.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == Status.CONFIRMED and subscription.confirmed_at is not None
    assert len(mailoutbox) == 2
    welcome = mailoutbox[1]
    unsubscribe_url = link_in(welcome, "unsubscribe")
    assert welcome.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_url}>"
    assert welcome.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in welcome.message().as_string()

    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(path_of(unsubscribe_url), "List-Unsubscribe=One-Click",
                                content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == Status.UNSUBSCRIBED and subscription.unsubscribed_at is not None
    assert len(mailoutbox) == 2


def test_confirming_twice_sends_one_welcome(client, sign_up, mailoutbox, django_capture_on_commit_callbacks):
    sign_up()
    path = path_of(link_in(mailoutbox[0], "confirm"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path)
        again = client.post(path)
    assert again.status_code == 200 and len(mailoutbox) == 2


def test_the_unsubscribe_page_asks_before_unsubscribing(client):
    subscription = NewsletterSubscription.objects.create(email="ana@example.org", consent_text="Yes",
                                                         status=Status.CONFIRMED, confirmed_at=timezone.now())
    path = reverse("campaign:newsletter_unsubscribe", kwargs={"token": subscription.token})
    page = client.get(path)
    assert page.status_code == 200 and "<button" in page.content.decode()
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    subscription.refresh_from_db()
    assert subscription.status == Status.CONFIRMED
    assert client.post(path).status_code == 200
    assert client.post(path).status_code == 200  # twice is harmless
    subscription.refresh_from_db()
    assert subscription.status == Status.UNSUBSCRIBED


@pytest.mark.parametrize("name", ["newsletter_confirm", "newsletter_unsubscribe"])
def test_an_unknown_token_is_a_404(client, name):
    NewsletterSubscription.objects.create(email="ana@example.org", consent_text="Yes")
    path = reverse(f"campaign:{name}", kwargs={"token": "not-a-token"})
    assert client.get(path).status_code == 404
    assert client.post(path).status_code == 404
    assert NewsletterSubscription.objects.get().status == Status.PENDING


def test_an_already_subscribed_address_gets_the_same_neutral_answer_and_nothing_changes(sign_up, mailoutbox):
    confirmed_at = timezone.now() - timedelta(days=30)
    subscription = NewsletterSubscription.objects.create(
        email="ana@example.org", consent_text="Old consent", status=Status.CONFIRMED, confirmed_at=confirmed_at,
        confirmation_sent_at=confirmed_at)
    fresh = sign_up(email="fresh@example.org").content.decode()
    mailoutbox.clear()
    known = sign_up(email="ANA@example.org").content.decode()
    assert NEUTRAL in known and NEUTRAL in fresh
    assert known.replace("ANA@example.org", "X") == fresh.replace("fresh@example.org", "X")
    assert mailoutbox == []
    subscription.refresh_from_db()
    assert (subscription.status, subscription.consent_text, subscription.confirmed_at) == (
        Status.CONFIRMED, "Old consent", confirmed_at)
    assert NewsletterSubscription.objects.filter(email__iexact="ana@example.org").count() == 1


def test_confirmation_e_mails_are_throttled_to_one_per_ten_minutes(sign_up, mailoutbox):
    sign_up()
    sign_up(email="Ana@Example.org")
    assert len(mailoutbox) == 1
    assert NewsletterSubscription.objects.count() == 1
    NewsletterSubscription.objects.update(confirmation_sent_at=timezone.now() - timedelta(minutes=11))
    response = sign_up()
    assert NEUTRAL in response.content.decode() and len(mailoutbox) == 2
    assert link_in(mailoutbox[0], "confirm") == link_in(mailoutbox[1], "confirm")


def test_signing_up_again_after_unsubscribing_needs_a_new_confirmation(sign_up, mailoutbox, client):
    old_token = "old-token-" + "x" * 20
    NewsletterSubscription.objects.create(
        email="ana@example.org", consent_text="Old", status=Status.UNSUBSCRIBED, token=old_token,
        confirmed_at=timezone.now() - timedelta(days=40), unsubscribed_at=timezone.now() - timedelta(days=5),
        confirmation_sent_at=timezone.now() - timedelta(days=41))
    sign_up(path="/sq/newsletter/")
    subscription = NewsletterSubscription.objects.get()
    assert subscription.status == Status.PENDING and subscription.token != old_token
    assert subscription.language == "sq" and subscription.confirmed_at is None
    assert len(mailoutbox) == 1 and "/sq/newsletter/confirm/" in mailoutbox[0].body
    assert client.get(reverse("campaign:newsletter_confirm", kwargs={"token": old_token})).status_code == 404


def test_an_unsubscribed_address_is_not_confirmed_by_its_old_link(client):
    subscription = NewsletterSubscription.objects.create(email="ana@example.org", consent_text="Yes",
                                                         status=Status.UNSUBSCRIBED)
    path = reverse("campaign:newsletter_confirm", kwargs={"token": subscription.token})
    response = client.post(path)
    assert response.status_code == 410 and "Sign up again" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == Status.UNSUBSCRIBED


def test_an_expired_link_is_refused_with_a_way_to_sign_up_again(client, mailoutbox):
    subscription = NewsletterSubscription.objects.create(
        email="ana@example.org", consent_text="Yes", confirmation_sent_at=timezone.now() - timedelta(days=7, hours=1))
    path = reverse("campaign:newsletter_confirm", kwargs={"token": subscription.token})
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 410
        assert "expired" in response.content.decode() and f'href="{SUBSCRIBE}"' in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == Status.PENDING and mailoutbox == []


def test_a_link_six_days_old_still_confirms(client):
    subscription = NewsletterSubscription.objects.create(
        email="ana@example.org", consent_text="Yes", confirmation_sent_at=timezone.now() - timedelta(days=6))
    client.post(reverse("campaign:newsletter_confirm", kwargs={"token": subscription.token}))
    subscription.refresh_from_db()
    assert subscription.status == Status.CONFIRMED


@pytest.mark.parametrize("data, message", [
    ({"email": "a" * 5000 + "@example.org", "consent": "on"}, "Ensure this value has at most 254 characters"),
    ({"email": "<script>alert(1)</script>@example.org", "consent": "on"}, "Enter a valid email address."),
    ({"email": "ана@example.org", "consent": "on"}, "Enter a valid email address."),
    ({"email": "ana@example.org"}, "Tick the box to agree"),
    ({"email": "", "consent": "on"}, "This field is required."),
    ({"email": ["a@example.org", "b@example.org"], "consent": ["on", "on"]}, None),
    ({"email": "12345", "consent": "on"}, "Enter a valid email address."),
])
def test_hostile_or_incomplete_sign_ups_get_a_clear_message_and_save_nothing(client, mailoutbox, data, message):
    response = client.post(SUBSCRIBE, data)
    text = response.content.decode()
    if message is None:  # repeated fields: the last value counts, as for any form
        assert response.status_code == 200 and NewsletterSubscription.objects.count() == 1
        return
    assert response.status_code == 400
    assert message in text
    assert "<script>alert(1)</script>" not in text
    assert 'aria-describedby="id_' in text
    assert NewsletterSubscription.objects.count() == 0 and mailoutbox == []


def test_an_address_with_a_cyrillic_domain_is_accepted(sign_up, mailoutbox):
    sign_up(email="ana@пример.срб")
    assert NewsletterSubscription.objects.get().email == "ana@пример.срб"
    assert len(mailoutbox) == 1


def test_the_service_refuses_a_sign_up_without_consent():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        newsletter.subscription_request(email="ana@example.org", language="en", consent_given=False,
                                        consent_text="Yes")
    assert NewsletterSubscription.objects.count() == 0


def test_the_sign_up_page_fills_in_the_address_from_the_footer_and_shows_the_consent_text(client):
    settings_row = CampaignSettings.for_site(Site.objects.get(is_default_site=True))
    settings_row.newsletter_consent = "Send me the monthly newsletter."
    settings_row.save()
    response = client.get(SUBSCRIBE, {"email": "ana@example.org"})
    text = response.content.decode()
    assert response.status_code == 200
    assert 'value="ana@example.org"' in text and "Send me the monthly newsletter." in text
    assert "csrfmiddlewaretoken" in text and 'method="post"' in text
    assert "X-Campaign-Cache" not in response
    assert client.get(SUBSCRIBE, {"email": "x" * 5000}).status_code == 200
    assert NewsletterSubscription.objects.count() == 0


def test_the_footer_sign_up_is_a_get_form_without_csrf_token_on_a_cached_page(client):
    page = pages.standard_page(title="About the network", slug="about")
    first = client.get(page.url)
    cached = client.get(page.url)
    assert first["X-Campaign-Cache"] == "miss" and cached["X-Campaign-Cache"] == "hit"
    text = cached.content.decode()
    form = re.search(r'<form method="get" action="/en/newsletter/"[^>]*>.*?</form>', text, re.S).group(0)
    assert '<label for="newsletter-footer-email">' in form and 'id="newsletter-footer-email" name="email"' in form
    assert "<button" in form
    assert "csrfmiddlewaretoken" not in text and not first.cookies


# The moderators' export --------------------------------------------------------------------------

def member_of(group_name):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def subscribers():
    now = timezone.now()
    NewsletterSubscription.objects.create(email="=1+2@example.org", language="sq", consent_text="Yes",
                                          status=Status.CONFIRMED, confirmed_at=now - timedelta(days=2))
    NewsletterSubscription.objects.create(email="ana@example.org", language="en", consent_text="Yes",
                                          status=Status.CONFIRMED, confirmed_at=now - timedelta(days=1))
    NewsletterSubscription.objects.create(email="pending@example.org", consent_text="Yes")
    NewsletterSubscription.objects.create(email="gone@example.org", consent_text="Yes", status=Status.UNSUBSCRIBED)


def test_moderators_export_the_confirmed_subscribers_as_csv(client, subscribers):
    client.force_login(member_of("Moderators"))
    response = client.get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == ["email", "language", "confirmed_at"]
    assert [row[:2] for row in rows[1:]] == [["'=1+2@example.org", "sq"], ["ana@example.org", "en"]]
    assert all(row[2] for row in rows[1:])


@pytest.mark.parametrize("who, allowed", [
    ("anonymous", False), ("plain", False), ("Editors", False), ("Moderators", True), ("superuser", True),
])
def test_only_moderators_and_superusers_may_export_subscribers(client, subscribers, who, allowed):
    if who == "plain":
        client.force_login(UserFactory())
    elif who == "superuser":
        client.force_login(UserFactory(is_superuser=True, is_staff=True))
    elif who != "anonymous":
        client.force_login(member_of(who))
    response = client.get(EXPORT)
    if allowed:
        assert response.status_code == 200
        assert b"ana@example.org" in b"".join(response.streaming_content)
    else:
        assert response.status_code in (302, 403)
        assert b"ana@example.org" not in response.content


def test_the_standard_consent_text_is_shown_and_stored_in_the_visitors_language(client):
    """Until editors write their own, the consent is the standard text, translated."""
    from campaign.models import STANDARD_NEWSLETTER_CONSENT

    english = str(STANDARD_NEWSLETTER_CONSENT)
    with translation.override("sq"):
        albanian = str(STANDARD_NEWSLETTER_CONSENT)
    assert albanian != english
    html = client.get("/sq/newsletter/").content.decode()
    assert albanian.split(".")[0] in html.replace("&#x27;", "'") and english not in html
    client.post("/sq/newsletter/", {"email": "arben@example.org", "consent": "on"})
    assert NewsletterSubscription.objects.get(email="arben@example.org").consent_text == albanian
