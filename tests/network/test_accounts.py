"""Accounts through django-allauth: sign-up with e-mail verification, sign-in, password reset,
rate-limited failed sign-ins, and the second factor coordinators must give.

allauth's e-mails go through `network.adapters.AccountAdapter`, which queues them with
`transaction.on_commit` on the `network.tasks.send_email` task (run at once in tests).
"""

from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.core import mail
from django.core.cache import cache

from network.models import User
from tests.factories import UserFactory, coordinator, with_totp

pytestmark = pytest.mark.django_db

SIGNUP = "/en/accounts/signup/"
LOGIN = "/en/accounts/login/"
RESET = "/en/accounts/password/reset/"
PASSWORD = "correct horse battery"
TOO_MANY = "Too many failed login attempts. Try again later."


def _signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def _sign_up(client, django_capture_on_commit_callbacks, email="new.person@example.org"):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            SIGNUP,
            {
                "email": email,
                "password1": "a long unusual passphrase 42",
                "password2": "a long unusual passphrase 42",
            },
        )


def test_sign_up_sends_a_verification_email_through_the_task_queue(client, django_capture_on_commit_callbacks):
    from network import adapters

    real_task, queued = adapters.send_email, []

    class TaskSpy:  # the task is a frozen dataclass: replaced in the adapter, not patched
        def enqueue(self, **kwargs):
            queued.append(kwargs)
            return real_task.enqueue(**kwargs)

    with mock.patch.object(adapters, "send_email", TaskSpy()):
        response = _sign_up(client, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    user = User.objects.get(email="new.person@example.org")
    assert EmailAddress.objects.get(user=user).verified is False
    assert [q["to"] for q in queued] == [["new.person@example.org"]]
    (message,) = mail.outbox
    assert message.to == ["new.person@example.org"]
    assert message.subject.startswith("[Re-use network] ")
    assert "/en/accounts/confirm-email/" in message.body
    assert _signed_in_user_id(client) is None


def test_no_email_leaves_before_the_sign_up_commits(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(
            SIGNUP,
            {
                "email": "new.person@example.org",
                "password1": "a long unusual passphrase 42",
                "password2": "a long unusual passphrase 42",
            },
        )
    assert callbacks
    assert mail.outbox == []


def test_the_verification_email_greets_from_the_site_and_names_the_address(client, django_capture_on_commit_callbacks):
    """The adapter gives allauth's templates their usual context (`current_site`, `email`)."""
    _sign_up(client, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert "Hello from testserver!" in message.body
    assert "Hello from !" not in message.body


def test_sign_up_with_an_address_already_registered_creates_nobody_and_tells_the_owner(
    client, django_capture_on_commit_callbacks
):
    """allauth does not reveal that the address is taken; the owner gets a notice instead."""
    UserFactory(email="taken@example.org")
    response = _sign_up(client, django_capture_on_commit_callbacks, email="Taken@Example.org")
    assert response.status_code == 302
    assert User.objects.filter(email__iexact="taken@example.org").count() == 1
    (message,) = mail.outbox
    assert message.to == ["taken@example.org"]
    assert "already exists" in message.body
    assert "taken@example.org" in message.body.lower()


def test_sign_in_is_refused_until_the_address_is_verified(client, django_capture_on_commit_callbacks):
    _sign_up(client, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    cache.clear()  # the sign-up's verification e-mail is itself rate limited per address
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(LOGIN, {"login": "new.person@example.org", "password": "a long unusual passphrase 42"})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    assert _signed_in_user_id(client) is None
    assert client.get("/en/account/").status_code == 302
    assert [m.to for m in mail.outbox] == [["new.person@example.org"]]  # sent again


def test_a_verified_user_signs_in(client):
    user = UserFactory(email="ana@example.org")
    response = client.post(LOGIN, {"login": "ANA@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/en/account/"
    assert _signed_in_user_id(client) == str(user.pk)


def test_a_wrong_password_is_refused(client):
    UserFactory(email="ana@example.org")
    response = client.post(LOGIN, {"login": "ana@example.org", "password": "wrong"})
    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in response.text
    assert _signed_in_user_id(client) is None


def test_password_reset_sends_an_email_with_a_reset_link(client, django_capture_on_commit_callbacks):
    UserFactory(email="ana@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(RESET, {"email": "ana@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/password/reset/done/"
    (message,) = mail.outbox
    assert message.to == ["ana@example.org"]
    assert "/en/accounts/password/reset/key/" in message.body


def test_password_reset_for_an_unknown_address_does_not_reveal_it(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(RESET, {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/password/reset/done/"
    assert all("/password/reset/key/" not in m.body for m in mail.outbox)


def test_the_sixth_failed_sign_in_is_rate_limited_even_with_the_right_password(client):
    user = UserFactory(email="ana@example.org")
    for _attempt in range(5):
        response = client.post(LOGIN, {"login": "ana@example.org", "password": "wrong"})
        assert response.status_code == 200
        assert TOO_MANY not in response.text
    response = client.post(LOGIN, {"login": "ana@example.org", "password": "wrong"})
    assert TOO_MANY in response.text
    response = client.post(LOGIN, {"login": "ana@example.org", "password": PASSWORD})
    assert TOO_MANY in response.text
    assert _signed_in_user_id(client) is None
    user.refresh_from_db()
    assert user.last_login is None


def test_the_rate_limit_also_counts_per_address_across_clients(client):
    from django.test import Client

    UserFactory(email="ana@example.org")
    for n in range(5):
        Client(REMOTE_ADDR=f"10.0.0.{n + 1}").post(LOGIN, {"login": "ana@example.org", "password": "wrong"})
    response = Client(REMOTE_ADDR="10.0.0.99").post(LOGIN, {"login": "ana@example.org", "password": PASSWORD})
    assert TOO_MANY in response.text


def test_successful_sign_ins_do_not_use_up_the_limit(client):
    UserFactory(email="ana@example.org")
    for _attempt in range(7):
        response = client.post(LOGIN, {"login": "ana@example.org", "password": PASSWORD})
        assert response.status_code == 302
        client.post("/en/accounts/logout/")


def _current_code(secret):
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def test_a_coordinator_with_totp_is_asked_for_the_code(client):
    user = coordinator(email="coordinator@example.org")
    secret = with_totp(user)

    response = client.post(LOGIN, {"login": "coordinator@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    assert _signed_in_user_id(client) is None
    assert client.get("/en/coordination/").status_code == 302

    response = client.post("/en/accounts/2fa/authenticate/", {"code": "000000"})
    assert response.status_code == 200
    assert _signed_in_user_id(client) is None

    response = client.post("/en/accounts/2fa/authenticate/", {"code": _current_code(secret)})
    assert response.status_code == 302
    assert _signed_in_user_id(client) == str(user.pk)
    assert client.get("/en/coordination/").status_code == 200


def test_a_coordinator_without_totp_signs_in_but_is_sent_to_set_it_up(client):
    coordinator(email="coordinator@example.org")
    response = client.post(LOGIN, {"login": "coordinator@example.org", "password": PASSWORD})
    assert response["Location"] == "/en/account/"
    response = client.get("/en/coordination/")
    assert response["Location"] == "/en/accounts/2fa/totp/activate/"


def test_sign_up_in_a_language_keeps_that_language_for_the_person(client, django_capture_on_commit_callbacks):
    """Signing up on /mk/ makes Macedonian the person's language: the confirmation e-mail is in it."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/mk/accounts/signup/",
            {"email": "mk.person@example.org", "password1": "a long unusual passphrase 42",
             "password2": "a long unusual passphrase 42"},
        )
    user = User.objects.get(email="mk.person@example.org")
    assert user.preferred_language == "mk"
    assert len(mail.outbox) == 1
    assert any("\u0400" <= char <= "\u04ff" for char in mail.outbox[0].subject + mail.outbox[0].body)


def test_signing_in_leads_to_the_account_page_in_the_persons_language(client):
    UserFactory(email="sq.person@example.org", preferred_language="sq")
    response = client.post(LOGIN, {"login": "sq.person@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/sq/account/"
