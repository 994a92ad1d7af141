"""Events and trainings: places and the waiting list, duplicates, closing, cancellation, the e-mails, the
pages (the event, its index, the form, the registration's own page) and the shared places of an event
translated into another language."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from campaign import events
from campaign.models import EventRegistration
from tests.campaign import pages

pytestmark = pytest.mark.django_db

CONFIRMED = EventRegistration.Status.CONFIRMED
WAITING = EventRegistration.Status.WAITING
CANCELLED = EventRegistration.Status.CANCELLED
DUPLICATE_MESSAGE = ("This address is already registered for this event. Check your e-mail for the confirmation, "
                     "which has the link to cancel.")


def register(event, email="ana@example.org", *, name="Ana Hoxha", language="en", **fields):
    return events.registration_create(
        event=event, name=name, email=email, organisation=fields.pop("organisation", ""),
        access_needs=fields.pop("access_needs", ""), language=language, consent_given=fields.pop("consent", True),
    )


def translate(event, language="sq", *, title="Punëtori për ripërdorimin social në Tiranë"):
    """The event translated (and its index with it) and published, as an editor does with wagtail-localize."""
    translation = event.copy_for_translation(Locale.objects.get(language_code=language), copy_parents=True)
    translation.title = title
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def form_data(**overrides):
    data = {"name": "Ana Hoxha", "email": "ana@example.org", "organisation": "Qendra Rinore",
            "access_needs": "", "consent": "on"}
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def statuses(event):
    return list(EventRegistration.objects.filter(event_key=event.translation_key)
                .order_by("created_at", "pk").values_list("email", "status"))


# Places and the waiting list ----------------------------------------------------------------------

def test_places_are_confirmed_until_the_capacity_then_registrations_wait():
    event = pages.event(capacity=2)
    first, second, third = (register(event, f"person{n}@example.org") for n in range(3))
    assert [first.status, second.status, third.status] == [CONFIRMED, CONFIRMED, WAITING]
    assert events.places_left(event) == 0
    assert events.waiting_position(third) == 1
    assert events.waiting_position(first) is None


def test_an_event_without_a_limit_confirms_everyone():
    event = pages.event(capacity=None)
    assert {register(event, f"person{n}@example.org").status for n in range(5)} == {CONFIRMED}
    assert events.places_left(event) is None


def test_waiting_positions_follow_the_order_of_registration():
    event = pages.event(capacity=1)
    register(event, "first@example.org")
    waiting = [register(event, f"wait{n}@example.org") for n in range(3)]
    assert [events.waiting_position(registration) for registration in waiting] == [1, 2, 3]


def test_cancelling_a_confirmed_place_confirms_the_first_on_the_waiting_list(
        mailoutbox, django_capture_on_commit_callbacks):
    event = pages.event(capacity=1)
    holder = register(event, "holder@example.org")
    first_waiting = register(event, "first@example.org")
    second_waiting = register(event, "second@example.org")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = events.registration_cancel(registration=holder)
    assert cancelled.status == CANCELLED and cancelled.cancelled_at is not None
    assert statuses(event) == [("holder@example.org", CANCELLED), ("first@example.org", CONFIRMED),
                               ("second@example.org", WAITING)]
    second_waiting.refresh_from_db()
    assert events.waiting_position(second_waiting) == 1
    promoted = [message for message in mailoutbox if message.to == ["first@example.org"]]
    assert len(promoted) == 1
    assert "confirmed" in promoted[0].body
    assert [attachment[0] for attachment in promoted[0].attachments] == ["event.ics"]
    assert not [message for message in mailoutbox if message.to == ["second@example.org"]]
    assert first_waiting.pk != second_waiting.pk


def test_cancelling_a_place_on_the_waiting_list_promotes_nobody(mailoutbox, django_capture_on_commit_callbacks):
    event = pages.event(capacity=1)
    register(event, "holder@example.org")
    waiting = register(event, "first@example.org")
    register(event, "second@example.org")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        events.registration_cancel(registration=waiting)
    assert statuses(event) == [("holder@example.org", CONFIRMED), ("first@example.org", CANCELLED),
                               ("second@example.org", WAITING)]
    assert [message.to for message in mailoutbox] == [["first@example.org"]]  # only the cancellation


def test_cancelling_twice_changes_nothing_the_second_time(mailoutbox, django_capture_on_commit_callbacks):
    event = pages.event(capacity=1)
    holder = register(event, "holder@example.org")
    register(event, "waiting@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        events.registration_cancel(registration=holder)
    holder.refresh_from_db()
    cancelled_at = holder.cancelled_at
    sent = len(mailoutbox)
    with django_capture_on_commit_callbacks(execute=True):
        again = events.registration_cancel(registration=holder)
    assert again.status == CANCELLED and again.cancelled_at == cancelled_at
    assert len(mailoutbox) == sent
    assert statuses(event) == [("holder@example.org", CANCELLED), ("waiting@example.org", CONFIRMED)]


def test_cancelling_after_the_event_has_ended_is_refused():
    event = pages.event(capacity=1)
    holder = register(event, "holder@example.org")
    register(event, "waiting@example.org")
    after_the_end = event.ends_at + timedelta(minutes=1)
    with pytest.raises(ValidationError) as refusal:
        events.registration_cancel(registration=holder, now=after_the_end)
    assert refusal.value.code == "ended"
    assert statuses(event) == [("holder@example.org", CONFIRMED), ("waiting@example.org", WAITING)]


# Duplicates --------------------------------------------------------------------------------------

def test_the_same_address_in_another_case_is_refused_and_nothing_is_saved(
        mailoutbox, django_capture_on_commit_callbacks):
    event = pages.event(capacity=10)
    register(event, "ana@example.org")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError) as refusal:
        register(event, "  ANA@Example.ORG ")
    assert refusal.value.code == "duplicate"
    assert refusal.value.messages == [DUPLICATE_MESSAGE]
    assert EventRegistration.objects.count() == 1
    assert mailoutbox == []


def test_after_cancelling_the_same_address_may_register_again():
    event = pages.event(capacity=10)
    first = register(event, "ana@example.org")
    events.registration_cancel(registration=first)
    again = register(event, "Ana@example.org")
    assert again.status == CONFIRMED
    assert statuses(event) == [("ana@example.org", CANCELLED), ("Ana@example.org", CONFIRMED)]


def test_the_database_refuses_a_second_live_registration_of_an_address():
    event = pages.event()
    common = {"event": event, "event_key": event.translation_key, "name": "Ana", "consent_text": "Yes"}
    EventRegistration.objects.create(email="ana@example.org", status=CONFIRMED, **common)
    EventRegistration.objects.create(email="ANA@example.org", status=CANCELLED, **common)
    with pytest.raises(IntegrityError), transaction.atomic():
        EventRegistration.objects.create(email="Ana@Example.org", status=WAITING, **common)


def test_a_duplicate_that_passes_the_check_at_the_same_moment_gets_the_same_message(monkeypatch):
    """Should the check miss a concurrent registration, the constraint's error becomes the same refusal."""
    event = pages.event(capacity=10)
    register(event, "ana@example.org")
    monkeypatch.setattr(events, "holds_live_registration", lambda *args: False)
    with pytest.raises(ValidationError) as refusal:
        register(event, "ANA@example.org")
    assert refusal.value.messages == [DUPLICATE_MESSAGE]
    assert EventRegistration.objects.count() == 1


# Closed registration ------------------------------------------------------------------------------

@pytest.mark.parametrize("fields", [
    {"registration_open": False},
    {"registration_closes_at": timezone.now() - timedelta(minutes=1)},
    {"starts_in": timedelta(minutes=-30)},
], ids=["closed by the editor", "closing time passed", "event started"])
def test_registration_is_refused_when_it_is_closed(fields):
    event = pages.event(capacity=10, **fields)
    with pytest.raises(ValidationError) as refusal:
        register(event)
    assert refusal.value.code == "closed"
    assert not EventRegistration.objects.exists()


def test_registration_is_refused_without_consent():
    event = pages.event()
    with pytest.raises(ValidationError) as refusal:
        register(event, consent=False)
    assert refusal.value.code == "consent"
    assert not EventRegistration.objects.exists()


def test_unpublished_event_has_neither_page_nor_form(client):
    event = pages.event(live=False)
    assert client.get(f"/en/events/{event.slug}/").status_code == 404
    assert client.get(f"/en/events/{event.slug}/register/").status_code == 404
    assert client.post(f"/en/events/{event.slug}/register/", form_data()).status_code == 404
    assert not EventRegistration.objects.exists()


# Translations share the places ----------------------------------------------------------------------

def test_the_translations_of_an_event_share_its_places():
    event = pages.event(capacity=2)
    albanian = translate(event)
    assert albanian.translation_key == event.translation_key and albanian.locale.language_code == "sq"
    assert register(event, "en@example.org").status == CONFIRMED
    assert register(albanian, "sq@example.org", language="sq").status == CONFIRMED
    assert register(albanian, "late@example.org", language="sq").status == WAITING
    assert events.places_left(event) == events.places_left(albanian) == 0
    registration = EventRegistration.objects.get(email="sq@example.org")
    assert registration.event_id == albanian.pk and registration.event_key == event.translation_key


def test_an_address_registered_in_one_language_is_refused_in_another():
    event = pages.event(capacity=5)
    albanian = translate(event)
    register(event, "ana@example.org")
    with pytest.raises(ValidationError):
        register(albanian, "ANA@example.org", language="sq")
    assert EventRegistration.objects.count() == 1


def test_cancelling_in_one_language_promotes_someone_waiting_in_another():
    event = pages.event(capacity=1)
    albanian = translate(event)
    holder = register(event, "en@example.org")
    waiting = register(albanian, "sq@example.org", language="sq")
    events.registration_cancel(registration=holder)
    waiting.refresh_from_db()
    assert waiting.status == CONFIRMED


def test_registering_through_the_albanian_page_keeps_the_language(client, mailoutbox,
                                                                  django_capture_on_commit_callbacks):
    starts_at = datetime(2031, 3, 14, 9, 0, tzinfo=UTC)
    event = pages.event(capacity=5, starts_at=starts_at, ends_at=starts_at + timedelta(hours=3))
    albanian = translate(event)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{albanian.url}register/", form_data(name="Artë Çela"))
    registration = EventRegistration.objects.get()
    assert response.status_code == 303
    assert response["Location"] == f"/sq/events/registration/{registration.token}/"
    assert registration.language == "sq" and registration.event_id == albanian.pk
    [message] = mailoutbox
    assert f"/sq/events/registration/{registration.token}/" in message.body
    assert albanian.title in message.subject
    assert "mars" in message.body.lower()  # the date in Albanian: 14 March is "14 mars"
    assert "March" not in message.body


# Two visitors at the same moment -----------------------------------------------------------------

def test_every_registration_of_an_event_first_locks_the_same_row_then_counts_the_places():
    """Two registrations at the same moment, through any translation, queue on one row (the event's page
    with the lowest id) before counting places, so they cannot both take the last place."""
    event = pages.event(capacity=1)
    albanian = translate(event)
    locks = []
    for page, email in ((event, "en@example.org"), (albanian, "sq@example.org")):
        with CaptureQueriesContext(connection) as captured:
            register(page, email, language=page.locale.language_code)
        sql = [query["sql"] for query in captured.captured_queries]
        [lock] = [position for position, statement in enumerate(sql) if "FOR UPDATE" in statement]
        count = next(position for position, statement in enumerate(sql)
                     if "COUNT(" in statement and "campaign_eventregistration" in statement)
        insert = next(position for position, statement in enumerate(sql)
                      if statement.startswith('INSERT INTO "campaign_eventregistration"'))
        assert lock < count < insert
        assert 'FROM "wagtailcore_page"' in sql[lock] and str(event.translation_key) in sql[lock]
        assert sql[lock].endswith("ORDER BY 1 ASC LIMIT 1 FOR UPDATE")  # 1: the id, the only column
        locks.append(sql[lock])
    assert locks[0] == locks[1]
    assert statuses(event) == [("en@example.org", CONFIRMED), ("sq@example.org", WAITING)]


# E-mails -------------------------------------------------------------------------------------------

def test_confirmation_email_gives_the_status_time_place_and_link_with_the_ics(
        mailoutbox, django_capture_on_commit_callbacks):
    starts_at = datetime(2031, 1, 20, 9, 0, tzinfo=UTC)  # 10:00 in Tirana (UTC+1 in winter)
    event = pages.event(capacity=5, starts_at=starts_at, ends_at=starts_at + timedelta(hours=3))
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, "ana@example.org")
    [message] = mailoutbox
    assert message.to == ["ana@example.org"]
    assert "confirmed" in message.subject and event.title in message.subject
    assert "Jan. 20, 2031, 10 a.m. – 1 p.m. (Europe/Tirane, UTC+01:00)" in message.body
    assert "Europe/Tirane, UTC+01:00" in message.body
    assert "Community centre, Rruga e Kavajës 1, Tirana, Albania" in message.body
    assert f"/en/events/registration/{registration.token}/" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("event.ics", "text/calendar")
    assert "DTSTART:20310120T090000Z" in content


def test_waiting_list_email_gives_the_position_and_no_ics(mailoutbox, django_capture_on_commit_callbacks):
    event = pages.event(capacity=1)
    register(event, "first@example.org")
    register(event, "second@example.org")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        register(event, "third@example.org")
    [message] = mailoutbox
    assert "waiting list" in message.subject
    assert "waiting list, number 2" in message.body
    assert message.attachments == []


def test_the_online_meeting_address_goes_only_to_confirmed_participants(
        mailoutbox, django_capture_on_commit_callbacks):
    secret = "https://meet.example.org/room-7f3a"
    event = pages.event(capacity=1, is_online=True, venue="", address="", online_url=secret)
    with django_capture_on_commit_callbacks(execute=True):
        register(event, "first@example.org")
        register(event, "second@example.org")
    confirmed, waiting = mailoutbox
    assert secret in confirmed.body
    assert secret in confirmed.attachments[0][1]
    assert secret not in waiting.body
    assert waiting.attachments == []


def test_a_promoted_participant_of_an_online_event_receives_the_meeting_address(
        mailoutbox, django_capture_on_commit_callbacks):
    secret = "https://meet.example.org/room-7f3a"
    event = pages.event(capacity=1, is_online=True, venue="", address="", online_url=secret)
    holder = register(event, "first@example.org")
    register(event, "second@example.org")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        events.registration_cancel(registration=holder)
    [promoted] = [message for message in mailoutbox if message.to == ["second@example.org"]]
    assert secret in promoted.body and secret in promoted.attachments[0][1]
    [cancelled] = [message for message in mailoutbox if message.to == ["first@example.org"]]
    assert secret not in cancelled.body and cancelled.attachments == []


# The event's page ------------------------------------------------------------------------------------

def test_event_page_shows_time_in_its_zone_place_language_audience_and_places(client):
    starts_at = datetime(2031, 7, 1, 8, 0, tzinfo=UTC)  # 10:00 in Tirana (UTC+2 in summer)
    event = pages.event(capacity=3, starts_at=starts_at, ends_at=starts_at + timedelta(hours=2),
                        event_language="sq", audience="csos", online_url="https://meet.example.org/hidden")
    register(event, "one@example.org")
    html = client.get(event.url).content.decode()
    assert '<time datetime="2031-07-01T10:00:00+0200">July 1, 2031, 10 a.m.</time>' in html
    assert "Europe/Tirane, UTC+02:00" in html
    assert "Community centre, Rruga e Kavajës 1, Tirana, Albania" in html
    assert "Shqip" in html and "Civil society organisations" in html
    assert "2 places left" in html
    assert f'href="{event.url}register/"' in html
    assert f'href="{event.url}calendar/"' in html
    assert '"@type": "Event"' in html
    assert "meet.example.org" not in html
    assert "csrfmiddlewaretoken" not in html


def test_event_page_is_kept_in_the_cache_for_anonymous_visitors_and_a_registration_refreshes_it(client):
    event = pages.event(capacity=2)
    first = client.get(event.url)
    assert first["X-Campaign-Cache"] == "miss"
    assert client.get(event.url)["X-Campaign-Cache"] == "hit"
    register(event, "one@example.org")
    refreshed = client.get(event.url)
    assert refreshed["X-Campaign-Cache"] == "miss"
    assert "1 place left" in refreshed.content.decode()


def test_online_event_page_says_online_and_never_shows_the_meeting_address(client):
    event = pages.event(is_online=True, venue="", address="", online_url="https://meet.example.org/room-7f3a")
    html = client.get(event.url).content.decode()
    assert "<dd>Online</dd>" in html
    assert "room-7f3a" not in html


def test_full_event_page_offers_the_waiting_list(client):
    event = pages.event(capacity=1)
    register(event)
    html = client.get(event.url).content.decode()
    assert "Full: you can join the waiting list." in html
    assert "Join the waiting list" in html


@pytest.mark.parametrize("fields", [
    {"registration_open": False},
    {"registration_closes_at": timezone.now() - timedelta(minutes=1)},
], ids=["closed by the editor", "closing time passed"])
def test_closed_event_page_says_registration_closed_without_a_register_link(client, fields):
    event = pages.event(**fields)
    html = client.get(event.url).content.decode()
    assert "Registration closed" in html
    assert f"{event.url}register/" not in html


# The registration form ----------------------------------------------------------------------------------

def test_registration_form_shows_the_consent_text_and_is_neither_cached_nor_indexed(client):
    event = pages.event(consent_text="We keep your data for the workshop only.")
    response = client.get(f"{event.url}register/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "We keep your data for the workshop only." in html
    assert 'aria-describedby="id_consent_text"' in html
    assert "csrfmiddlewaretoken" in html
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    assert "X-Campaign-Cache" not in response


def test_registering_redirects_to_the_registration_page_which_says_what_happened(
        client, mailoutbox, django_capture_on_commit_callbacks):
    event = pages.event(capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{event.url}register/", form_data(access_needs="Step-free access, please."))
    registration = EventRegistration.objects.get()
    assert response.status_code == 303
    assert response["Location"] == f"/en/events/registration/{registration.token}/"
    assert (registration.name, registration.organisation, registration.access_needs, registration.language) == (
        "Ana Hoxha", "Qendra Rinore", "Step-free access, please.", "en")
    assert registration.consent_text == event.consent_text
    assert len(mailoutbox) == 1
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Your place is confirmed." in html
    assert "You are registered." in html  # the message after the redirect
    assert "noindex" in page["X-Robots-Tag"]


def test_registering_when_full_puts_the_visitor_on_the_waiting_list(client):
    event = pages.event(capacity=1)
    register(event, "holder@example.org")
    response = client.post(f"{event.url}register/", form_data(), follow=True)
    assert "You are on the waiting list (number 1)." in response.content.decode()


LONG_NAME = "A" * 5000


@pytest.mark.parametrize(("overrides", "field"), [
    ({"name": LONG_NAME}, "name"),
    ({"name": ""}, "name"),
    ({"name": "   "}, "name"),
    ({"name": "<script>alert(1)</script>"}, "name"),
    ({"email": "not-an-address"}, "email"),
    ({"email": ""}, "email"),
    ({"email": "ana@example.org\r\nBcc: victim@example.org"}, "email"),
    ({"consent": None}, "consent"),
    ({"organisation": "O" * 201}, "organisation"),
    ({"access_needs": "N" * 1001}, "access_needs"),
], ids=["5000-character name", "empty name", "blank name", "markup", "invalid e-mail", "empty e-mail",
        "header injection", "no consent", "long organisation", "long access needs"])
def test_bad_input_is_shown_on_the_form_and_nothing_is_saved(client, mailoutbox, overrides, field,
                                                             django_capture_on_commit_callbacks):
    event = pages.event()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{event.url}register/", form_data(**overrides))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html
    assert f'id="id_{field}_error"' in html
    assert re.search(rf'aria-describedby="[^"]*\bid_{field}_error\b', html)
    assert "<script>alert(1)</script>" not in html
    assert not EventRegistration.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize("name", ["Мирослав Јовановић", "Artë Çela", "Ioana Rădulescu"])
def test_names_in_cyrillic_and_with_diacritics_are_kept(client, name):
    event = pages.event()
    response = client.post(f"{event.url}register/", form_data(name=name), follow=True)
    assert EventRegistration.objects.get().name == name
    assert name in response.content.decode()


def test_a_second_registration_of_an_address_shows_the_message_and_saves_nothing(client):
    event = pages.event(capacity=5)
    register(event, "ana@example.org")
    response = client.post(f"{event.url}register/", form_data(email="ANA@EXAMPLE.ORG"))
    assert response.status_code == 200
    assert DUPLICATE_MESSAGE.replace("'", "&#x27;") in response.content.decode()
    assert EventRegistration.objects.count() == 1


def test_closed_registration_form_says_so_and_a_post_saves_nothing(client):
    event = pages.event(registration_open=False)
    page = client.get(f"{event.url}register/")
    assert page.status_code == 200
    assert "Registration closed" in page.content.decode()
    assert "<form method=\"post\"" not in page.content.decode().split('class="site-footer"')[0]
    posted = client.post(f"{event.url}register/", form_data())
    assert posted.status_code == 409
    assert "Registration closed" in posted.content.decode()
    assert not EventRegistration.objects.exists()


# The registration's own page and cancellation ----------------------------------------------------------

def test_unknown_token_gives_a_kind_not_found_page(client):
    for path in ("/en/events/registration/no-such-token/", "/en/events/registration/no-such-token/cancel/"):
        response = client.get(path)
        assert response.status_code == 404
        assert "Registration not found" in response.content.decode()
        assert "noindex" in response["X-Robots-Tag"]
    assert client.post("/en/events/registration/no-such-token/cancel/").status_code == 404
    assert client.get(f"/en/events/registration/{'x' * 500}/").status_code == 404


def test_registration_page_has_the_cancel_form_and_the_participants_ics(client):
    event = pages.event(is_online=True, venue="", address="", online_url="https://meet.example.org/room-7f3a")
    registration = register(event)
    response = client.get(f"/en/events/registration/{registration.token}/")
    html = response.content.decode()
    assert f'action="/en/events/registration/{registration.token}/cancel/"' in html
    assert "csrfmiddlewaretoken" in html
    assert "https://meet.example.org/room-7f3a" in html
    assert "no-store" in response["Cache-Control"]
    calendar = client.get(f"/en/events/registration/{registration.token}/?format=ics")
    assert calendar["Content-Type"] == "text/calendar; charset=utf-8"
    assert "LOCATION:https://meet.example.org/room-7f3a" in calendar.content.decode()


def test_a_waiting_registration_page_gives_no_meeting_address_and_no_participants_ics(client):
    event = pages.event(capacity=1, is_online=True, venue="", address="", online_url="https://meet.example.org/x")
    register(event, "holder@example.org")
    waiting = register(event, "waiting@example.org")
    html = client.get(f"/en/events/registration/{waiting.token}/").content.decode()
    assert "meet.example.org/x" not in html
    assert "?format=ics" not in html
    calendar = client.get(f"/en/events/registration/{waiting.token}/?format=ics")
    assert calendar["Content-Type"].startswith("text/html")
    assert "meet.example.org/x" not in calendar.content.decode()


def test_following_the_cancel_link_with_get_cancels_nothing(client):
    event = pages.event()
    registration = register(event)
    response = client.get(f"/en/events/registration/{registration.token}/cancel/")
    assert response.status_code == 302
    assert response["Location"] == f"/en/events/registration/{registration.token}/"
    registration.refresh_from_db()
    assert registration.status == CONFIRMED


def test_cancelling_with_post_cancels_and_twice_is_harmless(client, mailoutbox, django_capture_on_commit_callbacks):
    event = pages.event(capacity=1)
    registration = register(event, "holder@example.org")
    waiting = register(event, "waiting@example.org")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/events/registration/{registration.token}/cancel/")
    assert response.status_code == 303
    assert response["Location"] == f"/en/events/registration/{registration.token}/"
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert (registration.status, waiting.status) == (CANCELLED, CONFIRMED)
    assert "This registration is cancelled." in client.get(response["Location"]).content.decode()
    sent = len(mailoutbox)
    again = client.post(f"/en/events/registration/{registration.token}/cancel/", follow=True)
    assert again.status_code == 200
    assert "already cancelled" in again.content.decode()
    assert len(mailoutbox) == sent
    waiting.refresh_from_db()
    assert waiting.status == CONFIRMED


def test_cancelling_after_the_event_has_ended_is_refused_with_a_message(client):
    event = pages.event(capacity=5)
    registration = register(event)
    event.starts_at = timezone.now() - timedelta(hours=5)
    event.ends_at = timezone.now() - timedelta(hours=2)
    event.save_revision().publish()
    response = client.post(f"/en/events/registration/{registration.token}/cancel/", follow=True)
    html = response.content.decode()
    assert "can no longer be cancelled" in html
    assert "Cancel my registration" not in html
    registration.refresh_from_db()
    assert registration.status == CONFIRMED and registration.cancelled_at is None


# The index ---------------------------------------------------------------------------------------------------

def test_index_lists_upcoming_events_soonest_first_and_past_ones_on_request(client):
    index = pages.event_index()
    later = pages.event(index, title="Training for AMOs", starts_in=timedelta(days=20), kind="training")
    sooner = pages.event(index, title="Webinar on re-use", starts_in=timedelta(days=2), is_online=True, venue="")
    past = pages.event(index, title="Workshop last year", starts_in=timedelta(days=-300))
    pages.event(index, title="Draft event", live=False)
    upcoming = client.get(index.url).content.decode()
    assert upcoming.index(sooner.title) < upcoming.index(later.title)
    assert past.title not in upcoming and "Draft event" not in upcoming
    assert "Training" in upcoming and "<dd>Online</dd>" in upcoming and "Europe/Tirane" in upcoming
    past_page = client.get(f"{index.url}?when=past").content.decode()
    assert past.title in past_page and later.title not in past_page


def test_index_shows_the_events_of_its_own_language(client):
    index = pages.event_index()
    event = pages.event(index, title="Workshop in Tirana")
    albanian = translate(event, title="Punëtori në Tiranë")
    english_html = client.get(index.url).content.decode()
    albanian_html = client.get(albanian.get_parent().url).content.decode()
    assert "Workshop in Tirana" in english_html and "Punëtori në Tiranë" not in english_html
    assert "Punëtori në Tiranë" in albanian_html and "Workshop in Tirana" not in albanian_html


def test_index_is_paginated(client):
    index = pages.event_index()
    for number in range(14):
        pages.event(index, title=f"Event number {number:02d}", starts_in=timedelta(days=number + 1))
    first = client.get(index.url).content.decode()
    second = client.get(f"{index.url}?page=2").content.decode()
    assert "Event number 11" in first and "Event number 12" not in first
    assert "Event number 12" in second and "Event number 13" in second
    assert client.get(f"{index.url}?page=nonsense").status_code == 200


def test_index_runs_the_same_number_of_queries_for_2_and_20_events(client, settings, django_assert_num_queries):
    settings.CAMPAIGN_PAGE_CACHE_SECONDS = 0
    index = pages.event_index()
    for number in range(2):
        pages.event(index, title=f"Event {number}", starts_in=timedelta(days=number + 1))
    client.get(index.url)  # warms the site's root paths and the content types, as a running server has
    with CaptureQueriesContext(connection) as few:
        response = client.get(index.url)
    assert response.content.decode().count('class="card"') == 2
    queries = len(few.captured_queries)  # read now: the next request empties the connection's query log
    assert queries <= MOST_QUERIES_OF_THE_INDEX
    for number in range(2, 20):
        pages.event(index, title=f"Event {number}", starts_in=timedelta(days=number + 1))
    client.get(index.url)
    with django_assert_num_queries(queries):
        response = client.get(index.url)
    assert response.content.decode().count('class="card"') == 12  # a page of the 20


# Wagtail's site and routing, the page's languages (the switcher), the count and the page of events.
MOST_QUERIES_OF_THE_INDEX = 12
