"""On-site notifications and their e-mails: one per person, in their language, only their own."""

import pytest
from django.core import mail
from django.urls import reverse

from calls.models import Notification
from calls.notifications import notify
from tests.factories import CallFactory, UserFactory

pytestmark = pytest.mark.django_db


def _notify(users, call):
    return notify(users=users, kind="question_answered", context={"call": call, "question": None},
                  url=lambda language: reverse("calls:notification_list"))


def test_each_person_gets_one_notice_and_one_email_in_their_language(django_capture_on_commit_callbacks):
    call = CallFactory(open=True)
    albanian = UserFactory(preferred_language="sq")
    english = UserFactory(preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        notices = _notify([albanian, english, english, None], call)
    assert len(notices) == 2
    assert {n.url for n in notices} == {"/sq/notifications/", "/en/notifications/"}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([albanian.email, english.email])


def test_the_list_shows_only_ones_own_notifications(client):
    call = CallFactory(open=True)
    me, other = UserFactory(), UserFactory()
    Notification.objects.create(user=me, kind="x", message="Mine <script>alert(1)</script>", url="/en/calls/")
    Notification.objects.create(user=other, kind="x", message="Someone else's", url="/en/calls/")
    client.force_login(me)
    response = client.get(reverse("calls:notification_list"))
    body = response.content.decode()
    assert "Mine &lt;script&gt;" in body and "Someone else" not in body
    assert call  # the call exists only to make the rows realistic


def test_opening_marks_read_and_follows_only_local_links(client):
    me = UserFactory()
    local = Notification.objects.create(user=me, kind="x", message="Local", url="/en/calls/")
    remote = Notification.objects.create(user=me, kind="x", message="Remote", url="https://evil.example/")
    client.force_login(me)
    assert client.post(reverse("calls:notification_open", args=[local.pk])).url == "/en/calls/"
    assert client.post(reverse("calls:notification_open", args=[remote.pk])).url == reverse("calls:notification_list")
    local.refresh_from_db()
    assert local.read_at is not None


def test_nobody_opens_another_persons_notification(client):
    notice = Notification.objects.create(user=UserFactory(), kind="x", message="Private", url="/en/calls/")
    client.force_login(UserFactory())
    assert client.post(reverse("calls:notification_open", args=[notice.pk])).status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None


def test_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("calls:notification_list"))
    assert response.status_code == 302 and "login" in response.url


def test_mark_all_read_touches_only_ones_own(client):
    me, other = UserFactory(), UserFactory()
    for user in (me, me, other):
        Notification.objects.create(user=user, kind="x", message="m")
    client.force_login(me)
    client.post(reverse("calls:notification_read_all"))
    assert not Notification.objects.filter(user=me, read_at__isnull=True).exists()
    assert Notification.objects.filter(user=other, read_at__isnull=True).count() == 1


def test_the_list_holds_its_query_budget(client):
    me = UserFactory()
    client.force_login(me)

    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("calls:notification_list")).status_code == 200
        return len(queries)

    Notification.objects.bulk_create([Notification(user=me, kind="x", message=f"m{i}") for i in range(2)])
    few = count()
    Notification.objects.bulk_create([Notification(user=me, kind="x", message=f"m{i}") for i in range(25)])
    assert count() == few


def test_the_navigation_counts_unread_notifications_without_a_query_per_page(client, django_assert_num_queries):
    from calls.context_processors import unread_notifications

    me = UserFactory()
    client.force_login(me)  # signing in stores the count (zero)
    assert unread_notifications(me) == 0
    call = CallFactory(open=True)
    _notify([me], call)
    body = client.get(reverse("calls:notification_list")).content.decode()
    assert '<span class="badge badge-count">1<span class="visually-hidden"> unread' in body
    client.post(reverse("calls:notification_read_all"))
    assert "badge-count" not in client.get(reverse("calls:notification_list")).content.decode()
