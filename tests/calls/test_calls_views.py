"""The public calls pages and the office's call pages (calls.views.calls, calls.views.office)."""

import datetime as dt
import zoneinfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from calls.models import AuditEntry, Call, CallQuestion, Decision, Notification, SiteVisitBooking, SiteVisitSlot
from calls.services import calls as services
from calls.views.calls import countdown_text
from network.models import Membership, Organisation
from reuse_projects.models import Property
from tests.factories import (
    CallFactory,
    OrganisationFactory,
    PropertyFactory,
    ProposalFactory,
    amo_officer,
    coordinator,
    cso_member,
)

pytestmark = pytest.mark.django_db

OFFICE = "direkcija-rs"
# Anonymous visitor: the phase counts, the page count, the page of calls, their properties.
CALL_LIST_QUERIES = 4
# Session, user, the officer's offices (context processor and the view), the page count, the page, and the
# navigation's questions (coordinator? reviewer?).
OFFICE_LIST_QUERIES = 7


def url(name, **kwargs):
    return reverse(f"calls:{name}", kwargs=kwargs or None)


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def html(response):
    return response.content.decode()


# The public list ----------------------------------------------------------------------------------


def test_call_list_shows_open_calls_with_office_properties_and_a_countdown():
    call = CallFactory(open=True, closes_at=timezone.now() + dt.timedelta(days=3, hours=4, minutes=30))
    property = call.properties.get()
    CallFactory(), CallFactory(upcoming=True), CallFactory(closed=True), CallFactory(cancelled=True)
    page = html(Client().get(url("call_list")))
    assert call.title in page and call.amo.name in page
    assert property.get_absolute_url() in page
    assert "closes in 3 days 4 hours" in page
    assert 'data-countdown' in page and "calls/countdown.js" in page
    assert page.count('class="card call-card"') == 1


def test_call_list_tabs_show_upcoming_and_closed_calls():
    upcoming, closed = CallFactory(upcoming=True), CallFactory(closed=True)
    assert upcoming.title in html(Client().get(url("call_list") + "?phase=upcoming"))
    page = html(Client().get(url("call_list") + "?phase=closed"))
    assert closed.title in page and upcoming.title not in page


@pytest.mark.parametrize("query", ["?phase=<script>", "?phase=", "?page=-1", "?page=abc", "?page=99999",
                                   "?phase=closed&page=ž"])
def test_call_list_survives_hostile_queries(query):
    CallFactory(open=True)
    response = Client().get(url("call_list") + query)
    assert response.status_code == 200 and "<script>" not in html(response).split("<main")[1]


def test_call_list_paginates_closed_calls():
    for _ in range(21):
        CallFactory(closed=True, properties=[])
    page = html(Client().get(url("call_list") + "?phase=closed"))
    assert page.count('class="card call-card"') == 20 and "Page 1 of 2" in page
    assert html(Client().get(url("call_list") + "?phase=closed&page=2")).count('class="card call-card"') == 1


def _list_queries(django_assert_num_queries, count):
    for _ in range(count):
        CallFactory(open=True, properties=[PropertyFactory(under_call=True), PropertyFactory(under_call=True)])
    client = Client()
    with django_assert_num_queries(CALL_LIST_QUERIES):
        response = client.get(url("call_list"))
    assert html(response).count('class="card call-card"') == count


def test_call_list_query_budget_with_2_calls(django_assert_num_queries):
    _list_queries(django_assert_num_queries, 2)


def test_call_list_query_budget_with_20_calls(django_assert_num_queries):
    _list_queries(django_assert_num_queries, 20)


def test_main_navigation_links_to_the_calls():
    assert f'href="{url("call_list")}"' in html(Client().get(reverse("reuse_projects:property_list")))


def test_countdown_text_says_days_and_hours_or_hours_and_minutes():
    now = timezone.now()
    assert countdown_text(now + dt.timedelta(days=1, hours=2, minutes=5), now=now) == "1 day 2 hours"
    assert countdown_text(now + dt.timedelta(hours=5, minutes=12), now=now) == "5 hours 12 minutes"
    assert countdown_text(now + dt.timedelta(seconds=20), now=now) == "1 minute"
    assert countdown_text(now, now=now, ended="closed") == "closed"


# A call's page ------------------------------------------------------------------------------------


def test_call_page_shows_everything_public_in_both_time_zones():
    now = timezone.now()
    closes = now.replace(microsecond=0) + dt.timedelta(days=10)
    call = CallFactory(open=True, closes_at=closes, min_years_active=2, description="Line one\nLine two")
    reader = cso_member(OrganisationFactory(verified=True))
    reader.time_zone = "Europe/Chisinau"
    reader.save()
    page = html(client_for(reader).get(url("call_detail", pk=call.pk)))
    belgrade = closes.astimezone(zoneinfo.ZoneInfo("Europe/Belgrade"))
    chisinau = closes.astimezone(zoneinfo.ZoneInfo("Europe/Chisinau"))
    assert f"{belgrade:%H:%M} {belgrade.tzname()}" in page, "the office's time, with its zone"
    assert f"{chisinau:%H:%M} {chisinau.tzname()}" in page, "the reader's time, with their zone"
    assert f'<time datetime="{chisinau.isoformat()}"' in page
    for text in ("Social impact", "40 %", "Work plan", "mandatory", "Letter of support", "optional",
                 "at least 2 years", "Registered in Serbia", call.properties.get().get_absolute_url()):
        assert text in page, text


def test_draft_call_is_404_for_everyone_but_its_office():
    call = CallFactory()
    for user in (None, cso_member(OrganisationFactory(verified=True)), amo_officer("auoi-mk"), coordinator()):
        assert client_for(user).get(url("call_detail", pk=call.pk)).status_code == 404
    assert client_for(amo_officer()).get(url("call_detail", pk=call.pk)).status_code == 200


def test_nonexistent_call_is_404():
    assert Client().get(url("call_detail", pk=999999)).status_code == 404


def test_cancelled_call_stays_public_with_a_notice():
    call = CallFactory(cancelled=True)
    assert "was cancelled" in html(Client().get(url("call_detail", pk=call.pk)))


def test_board_shows_answered_questions_without_the_asker_and_hides_the_others():
    call = CallFactory(open=True)
    asker = OrganisationFactory(verified=True, name="Secret Askers Association")
    CallQuestion.objects.create(call=call, organisation=asker, question="Is there heating?", answer="Yes.",
                                answered_at=timezone.now())
    CallQuestion.objects.create(call=call, organisation=asker, question="Unanswered private question")
    for user in (None, cso_member(OrganisationFactory(verified=True)), amo_officer("auoi-mk")):
        page = html(client_for(user).get(url("call_detail", pk=call.pk)))
        assert "Is there heating?" in page and "Yes." in page
        assert "Unanswered private question" not in page and "Secret Askers" not in page


def test_public_decisions_name_the_organisation_property_and_score():
    call = CallFactory(open=True)
    proposal = ProposalFactory(call=call, approved=True, organisation=OrganisationFactory(
        verified=True, name="Младi Нови Сад"))
    first, second = amo_officer(), amo_officer()
    Decision.objects.create(proposal=proposal, outcome="approved", reasons="Best plan", status="confirmed",
                            proposed_by=first, confirmed_by=second, confirmed_at=timezone.now(),
                            weighted_score="8.75")
    rejected = ProposalFactory(call=call, rejected=True, organisation=OrganisationFactory(
        verified=True, name="Rejected Org"))
    Decision.objects.create(proposal=rejected, outcome="rejected", reasons="Weak", status="confirmed",
                            proposed_by=first, confirmed_by=second, confirmed_at=timezone.now())
    page = html(Client().get(url("call_detail", pk=call.pk)))
    assert "Младi Нови Сад" in page and "8.75" in page and "Rejected Org" not in page


def test_prepare_a_proposal_link_only_for_verified_cso_members_while_open():
    call = CallFactory(open=True)
    member = cso_member(OrganisationFactory(verified=True))
    try:
        start = url("proposal_start", call_pk=call.pk)
    except Exception:
        pytest.skip("The proposals area has no start page yet.")
    assert f"{start}?property=" in html(client_for(member).get(url("call_detail", pk=call.pk)))
    for user in (None, cso_member(OrganisationFactory()), amo_officer()):
        assert f"{start}?property=" not in html(client_for(user).get(url("call_detail", pk=call.pk)))
    closed = CallFactory(closed=True)
    assert "?property=" not in html(client_for(member).get(url("call_detail", pk=closed.pk)))


# Asking a question --------------------------------------------------------------------------------


def test_member_of_a_verified_cso_asks_a_question_in_any_script():
    call = CallFactory(open=True)
    organisation = OrganisationFactory(verified=True)
    member = cso_member(organisation)
    text = "Да ли је стан усељив? A ka ngrohje në dimër? Există școală?"
    response = client_for(member).post(url("call_question_ask", pk=call.pk),
                                       {"organisation": organisation.pk, "question": text})
    assert response.status_code == 302
    question = CallQuestion.objects.get()
    assert question.question == text and question.organisation == organisation and question.asked_by == member


def test_member_of_several_organisations_chooses_which_one_asks():
    call = CallFactory(open=True)
    first, second = OrganisationFactory(verified=True), OrganisationFactory(verified=True)
    member = cso_member(first)
    Membership.objects.create(user=member, organisation=second)
    page = html(client_for(member).get(url("call_detail", pk=call.pk)))
    assert f'<option value="{second.pk}"' in page and 'name="organisation"' in page
    client_for(member).post(url("call_question_ask", pk=call.pk), {"organisation": second.pk, "question": "Q?"})
    assert CallQuestion.objects.get().organisation == second


@pytest.mark.parametrize("data", [
    {"question": ""}, {"question": "x" * 4001}, {"question": "Q?", "organisation": "not-a-number"},
    {"question": "Q?", "organisation": "-1"}, {"question": "Q?", "organisation": "999999"},
], ids=["empty", "huge", "wrong-type", "negative", "nonexistent"])
def test_bad_question_gets_a_message_and_nothing_is_saved(data):
    call = CallFactory(open=True)
    organisation = OrganisationFactory(verified=True)
    data = {"organisation": organisation.pk, **data}
    response = client_for(cso_member(organisation)).post(url("call_question_ask", pk=call.pk), data)
    assert response.status_code == 400 and "error-summary" in html(response)
    assert not CallQuestion.objects.exists()


def test_question_with_markup_is_shown_as_text_once_answered():
    call = CallFactory(open=True)
    organisation = OrganisationFactory(verified=True)
    client_for(cso_member(organisation)).post(url("call_question_ask", pk=call.pk), {
        "organisation": organisation.pk, "question": "<script>alert('x')</script>"})
    services.question_answer(question=CallQuestion.objects.get(), actor=amo_officer(), answer="<b>No</b>")
    page = html(Client().get(url("call_detail", pk=call.pk)))
    assert "&lt;script&gt;" in page and "<script>alert" not in page and "&lt;b&gt;No&lt;/b&gt;" in page


@pytest.mark.parametrize("role", ["visitor", "unverified", "officer", "other_office", "coordinator"])
def test_question_is_refused_to_people_who_may_not_ask(role):
    call = CallFactory(open=True)
    pending = OrganisationFactory()
    user = {"visitor": None, "unverified": cso_member(pending), "officer": amo_officer(),
            "other_office": amo_officer("auoi-mk"), "coordinator": coordinator()}[role]
    response = client_for(user).post(url("call_question_ask", pk=call.pk),
                                     {"organisation": pending.pk, "question": "Q?"})
    assert response.status_code in (302, 403)
    if role == "visitor":
        assert "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == 403
    assert not CallQuestion.objects.exists()


def test_question_on_a_closed_call_is_refused():
    call = CallFactory(closed=True)
    organisation = OrganisationFactory(verified=True)
    member = cso_member(organisation)
    assert 'name="question"' not in html(client_for(member).get(url("call_detail", pk=call.pk)))
    response = client_for(member).post(url("call_question_ask", pk=call.pk),
                                       {"organisation": organisation.pk, "question": "Late?"})
    assert response.status_code == 403 and not CallQuestion.objects.exists()


def test_questions_are_refused_on_a_draft_call_with_404():
    call = CallFactory()
    organisation = OrganisationFactory(verified=True)
    response = client_for(cso_member(organisation)).post(url("call_question_ask", pk=call.pk),
                                                         {"organisation": organisation.pk, "question": "Q?"})
    assert response.status_code == 404


# Site visits on the public page -------------------------------------------------------------------


def make_slot(call, capacity=2):
    starts = timezone.now() + dt.timedelta(days=3)
    return SiteVisitSlot.objects.create(call=call, property=call.properties.first(), starts_at=starts,
                                        ends_at=starts + dt.timedelta(hours=1), capacity=capacity,
                                        meeting_point="Улаз из дворишта")


def test_member_books_and_cancels_a_visit_and_places_left_follow():
    call = CallFactory(open=True)
    slot = make_slot(call, capacity=2)
    organisation = OrganisationFactory(verified=True)
    member = cso_member(organisation)
    client = client_for(member)
    assert "2 places" in html(client.get(url("call_detail", pk=call.pk)))
    response = client.post(url("site_visit_book", pk=call.pk, slot_id=slot.pk),
                           {"organisation": organisation.pk, "people": 3})
    assert response.status_code == 302
    booking = SiteVisitBooking.objects.get()
    assert booking.people == 3 and booking.booked_by == member
    page = html(client.get(url("call_detail", pk=call.pk)))
    assert "1 place" in page and "Cancel the booking" in page
    client.post(url("site_visit_cancel", pk=call.pk, booking_id=booking.pk))
    booking.refresh_from_db()
    assert booking.cancelled_at is not None


def test_full_visit_shows_full_and_refuses_a_booking():
    call = CallFactory(open=True)
    slot = make_slot(call, capacity=1)
    first = OrganisationFactory(verified=True)
    services.site_visit_book(slot=slot, organisation=first, actor=cso_member(first), people=1)
    second = OrganisationFactory(verified=True)
    client = client_for(cso_member(second))
    assert "Full" in html(client.get(url("call_detail", pk=call.pk)))
    response = client.post(url("site_visit_book", pk=call.pk, slot_id=slot.pk),
                           {"organisation": second.pk, "people": 1}, follow=True)
    assert "This visit is full." in html(response)
    assert SiteVisitBooking.objects.count() == 1


@pytest.mark.parametrize("data", [{"people": "0"}, {"people": "-3"}, {"people": "lots"}, {"people": "11"},
                                  {"people": "1", "organisation": "abc"}])
def test_bad_booking_gets_a_message_and_nothing_is_saved(data):
    call = CallFactory(open=True)
    slot = make_slot(call)
    organisation = OrganisationFactory(verified=True)
    response = client_for(cso_member(organisation)).post(
        url("site_visit_book", pk=call.pk, slot_id=slot.pk), {"organisation": organisation.pk, **data})
    assert response.status_code == 400 and "error-summary" in html(response)
    assert not SiteVisitBooking.objects.exists()


def test_booking_a_visit_of_another_call_or_a_nonexistent_one_is_404():
    call, other = CallFactory(open=True), CallFactory(open=True)
    slot = make_slot(other)
    organisation = OrganisationFactory(verified=True)
    client = client_for(cso_member(organisation))
    assert client.post(url("site_visit_book", pk=call.pk, slot_id=slot.pk),
                       {"organisation": organisation.pk, "people": 1}).status_code == 404
    assert client.post(url("site_visit_book", pk=call.pk, slot_id=999999),
                       {"organisation": organisation.pk, "people": 1}).status_code == 404
    assert not SiteVisitBooking.objects.exists()


@pytest.mark.parametrize("role", ["other_cso", "officer_other_office", "coordinator"])
def test_cancelling_someone_elses_booking_is_forbidden(role):
    call = CallFactory(open=True)
    slot = make_slot(call)
    organisation = OrganisationFactory(verified=True)
    booking = services.site_visit_book(slot=slot, organisation=organisation, actor=cso_member(organisation), people=1)
    user = {"other_cso": cso_member(OrganisationFactory(verified=True)),
            "officer_other_office": amo_officer("auoi-mk"), "coordinator": coordinator()}[role]
    response = client_for(user).post(url("site_visit_cancel", pk=call.pk, booking_id=booking.pk))
    assert response.status_code == 403
    booking.refresh_from_db()
    assert booking.cancelled_at is None


def test_booking_forms_are_not_offered_to_visitors_or_unverified_members():
    call = CallFactory(open=True)
    make_slot(call)
    for user in (None, cso_member(OrganisationFactory()), amo_officer()):
        assert "Book a place" not in html(client_for(user).get(url("call_detail", pk=call.pk)))


# The office's list --------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["visitor", "cso_member", "coordinator"])
def test_office_pages_refuse_people_who_are_not_officers(role):
    call = CallFactory(open=True)
    user = {"visitor": None, "cso_member": cso_member(OrganisationFactory(verified=True), admin=True),
            "coordinator": coordinator(totp=True)}[role]
    client = client_for(user)
    for name, kwargs in [("office_call_list", {}), ("office_call_create", {}), ("office_call_detail", {"pk": call.pk}),
                         ("office_call_edit", {"pk": call.pk})]:
        response = client.get(url(name, **kwargs))
        assert response.status_code == (302 if user is None else 403), name


def test_officer_of_another_office_is_refused_the_call_pages_and_actions():
    call = CallFactory(open=True)
    slot = make_slot(call)
    question = CallQuestion.objects.create(call=call, organisation=OrganisationFactory(verified=True), question="Q?")
    client = client_for(amo_officer("auoi-mk"))
    assert client.get(url("office_call_detail", pk=call.pk)).status_code == 403
    assert client.get(url("office_call_edit", pk=call.pk)).status_code == 403
    for name, kwargs, data in [
        ("office_call_publish", {"pk": call.pk}, {"confirm": "on"}),
        ("office_call_cancel", {"pk": call.pk}, {"reason": "x", "confirm": "on"}),
        ("office_question_answer", {"pk": call.pk, "question_id": question.pk}, {"answer": "A"}),
        ("office_site_visit_add", {"pk": call.pk}, {}),
        ("office_site_visit_remove", {"pk": call.pk, "slot_id": slot.pk}, {}),
    ]:
        assert client.post(url(name, **kwargs), data).status_code == 403, name
    assert Call.objects.get(pk=call.pk).status == "published" and SiteVisitSlot.objects.exists()
    assert CallQuestion.objects.get().answered_at is None and not AuditEntry.objects.exists()


def test_office_list_shows_the_office_calls_only_and_links_back_to_properties():
    own = CallFactory(open=True)
    draft = CallFactory()
    foreign = CallFactory(amo=Organisation.objects.get(slug="auoi-mk"), properties=[])
    page = html(client_for(amo_officer()).get(url("office_call_list")))
    assert own.title in page and draft.title in page and foreign.title not in page
    assert reverse("reuse_projects:office_dashboard") in page


def test_officer_of_several_offices_chooses_one():
    officer = amo_officer()
    Membership.objects.create(user=officer, organisation=Organisation.objects.get(slug="auoi-mk"))
    foreign = CallFactory(amo=Organisation.objects.get(slug="auoi-mk"), properties=[])
    client = client_for(officer)
    assert "Choose an office" in html(client.get(url("office_call_list")))
    assert foreign.title in html(client.get(url("office_call_list") + "?office=auoi-mk"))
    assert client.get(url("office_call_list") + "?office=arbi-md").status_code == 403
    assert client.get(url("office_call_list") + "?office=<script>").status_code == 403


def _office_list_queries(django_assert_num_queries, count):
    for _ in range(count):
        call = CallFactory(open=True)
        ProposalFactory(call=call, submitted=True)
    client = client_for(amo_officer())
    with django_assert_num_queries(OFFICE_LIST_QUERIES):
        response = client.get(url("office_call_list"))
    assert html(response).count('<th scope="row">') == count


def test_office_list_query_budget_with_2_calls(django_assert_num_queries):
    _office_list_queries(django_assert_num_queries, 2)


def test_office_list_query_budget_with_20_calls(django_assert_num_queries):
    _office_list_queries(django_assert_num_queries, 20)


# Create, edit, publish, cancel --------------------------------------------------------------------


def call_data(properties=(), **overrides):
    data = {
        "office": OFFICE,
        "title": "Позив за станове у Новом Саду",
        "description": "Proposals for the community use of two flats.",
        "opens_at": "2030-03-01T09:00",
        "closes_at": "2030-03-31T15:00",
        "min_years_active": "1",
        "scope": "national",
        "properties": [str(p.pk) for p in properties],
        "criteria-TOTAL_FORMS": "2", "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "0", "criteria-MAX_NUM_FORMS": "20",
        "criteria-0-title": "Social impact", "criteria-0-weight": "60", "criteria-0-max_score": "10",
        "criteria-1-title": "Feasibility", "criteria-1-weight": "40", "criteria-1-max_score": "10",
        "documents-TOTAL_FORMS": "1", "documents-INITIAL_FORMS": "0",
        "documents-MIN_NUM_FORMS": "0", "documents-MAX_NUM_FORMS": "30",
        "documents-0-title": "Work plan", "documents-0-mandatory": "on",
    }
    data.update(overrides)
    return data


def test_officer_creates_a_call_with_times_in_the_office_time_zone():
    property = PropertyFactory(available=True)
    officer = amo_officer()
    officer.time_zone = "Europe/Chisinau"
    officer.save()
    response = client_for(officer).post(url("office_call_create"), call_data([property]))
    assert response.status_code == 302
    call = Call.objects.get()
    assert response["Location"] == url("office_call_detail", pk=call.pk)
    belgrade = zoneinfo.ZoneInfo("Europe/Belgrade")
    assert call.opens_at == dt.datetime(2030, 3, 1, 9, 0, tzinfo=belgrade)
    assert call.closes_at == dt.datetime(2030, 3, 31, 15, 0, tzinfo=belgrade)
    assert list(call.criteria.values_list("title", "weight")) == [("Social impact", 60), ("Feasibility", 40)]
    assert call.document_requirements.get().mandatory is True
    assert list(call.properties.all()) == [property]
    edit = html(client_for(officer).get(url("office_call_edit", pk=call.pk)))
    assert 'value="2030-03-01T09:00"' in edit and "Europe/Belgrade" in edit


def test_create_form_offers_only_the_office_available_properties():
    own = PropertyFactory(available=True)
    draft = PropertyFactory()
    foreign = PropertyFactory(available=True, amo=Organisation.objects.get(slug="auoi-mk"))
    page = html(client_for(amo_officer()).get(url("office_call_create")))
    assert own.reference in page and draft.reference not in page and foreign.reference not in page
    assert 'type="datetime-local"' in page and "office&#x27;s time zone (Europe/Belgrade)" in page


@pytest.mark.parametrize("overrides", [
    {"title": ""},
    {"title": "x" * 201},
    {"description": "d" * 20001},
    {"opens_at": "yesterday"},
    {"closes_at": "2030-02-01T09:00"},
    {"opens_at": "99999-01-01T00:00"},
    {"min_years_active": "-1"},
    {"min_years_active": "many"},
    {"scope": "<script>"},
    {"properties": ["999999"]},
    {"properties": ["abc"]},
    {"properties": ["-1"]},
    {"criteria-0-weight": "-10"},
    {"criteria-0-weight": "ten"},
    {"criteria-0-max_score": "0"},
    {"criteria-TOTAL_FORMS": "5000"},
    {"criteria-TOTAL_FORMS": "x"},
    {"documents-0-title": "t" * 201},
], ids=lambda o: next(iter(o)) + "=" + str(next(iter(o.values())))[:12])
def test_bad_call_form_is_shown_again_with_a_message_and_nothing_is_saved(overrides):
    property = PropertyFactory(available=True)
    data = {**call_data([property]), **overrides}
    response = client_for(amo_officer()).post(url("office_call_create"), data)
    assert response.status_code == 400
    page = html(response)
    assert "errorlist" in page or "error-summary" in page
    assert not Call.objects.exists() and not AuditEntry.objects.exists()
    if "title" not in overrides:
        assert "Позив за станове у Новом Саду" in page, "what was typed is kept"


def test_a_property_of_another_office_posted_by_hand_is_refused():
    foreign = PropertyFactory(available=True, amo=Organisation.objects.get(slug="auoi-mk"))
    response = client_for(amo_officer()).post(url("office_call_create"), call_data([foreign]))
    assert response.status_code == 400 and not Call.objects.exists()


def test_officer_edits_a_draft_and_deletes_a_criterion():
    officer = amo_officer()
    client = client_for(officer)
    property = PropertyFactory(available=True)
    client.post(url("office_call_create"), call_data([property]))
    call = Call.objects.get()
    data = call_data([property], **{
        "criteria-INITIAL_FORMS": "2", "criteria-1-DELETE": "on", "criteria-0-weight": "100", "title": "Renamed",
    })
    assert client.post(url("office_call_edit", pk=call.pk), data).status_code == 302
    call.refresh_from_db()
    assert call.title == "Renamed"
    assert list(call.criteria.values_list("title", "weight")) == [("Social impact", 100)]


def test_published_call_edit_offers_only_the_amendment():
    call = CallFactory(open=True)
    client = client_for(amo_officer())
    page = html(client.get(url("office_call_edit", pk=call.pk)))
    assert 'name="description"' in page and 'name="closes_at"' in page and 'name="title"' not in page
    new_close = timezone.localtime(call.closes_at, zoneinfo.ZoneInfo("Europe/Belgrade")) + dt.timedelta(days=5)
    response = client.post(url("office_call_edit", pk=call.pk), {
        "description": "Amended", "closes_at": new_close.strftime("%Y-%m-%dT%H:%M"), "title": "Ignored"})
    assert response.status_code == 302
    call.refresh_from_db()
    assert call.description == "Amended" and call.title != "Ignored"
    shortened = (new_close - dt.timedelta(days=10)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(url("office_call_edit", pk=call.pk), {"description": "Again", "closes_at": shortened})
    assert response.status_code == 400 and "never brought forward" in html(response)
    call.refresh_from_db()
    assert call.description == "Amended"


def test_cancelled_call_cannot_be_edited():
    call = CallFactory(cancelled=True)
    response = client_for(amo_officer()).get(url("office_call_edit", pk=call.pk))
    assert response.status_code == 302


def test_office_call_page_lists_what_stops_publishing_and_publishing_needs_confirmation():
    call = CallFactory(properties=[PropertyFactory(available=True)], criteria=[("Impact", 70)])
    client = client_for(amo_officer())
    page = html(client.get(url("office_call_detail", pk=call.pk)))
    assert "add up to 70" in page
    response = client.post(url("office_call_publish", pk=call.pk), {})
    assert response.status_code == 400
    response = client.post(url("office_call_publish", pk=call.pk), {"confirm": "on"}, follow=True)
    assert "add up to 70" in html(response)
    assert Call.objects.get(pk=call.pk).status == "draft"


def test_officer_publishes_then_cancels_a_call():
    property = PropertyFactory(available=True)
    call = CallFactory(properties=[property])
    client = client_for(amo_officer())
    client.post(url("office_call_publish", pk=call.pk), {"confirm": "on"})
    property.refresh_from_db()
    assert Call.objects.get(pk=call.pk).status == "published" and property.status == "under_call"
    response = client.post(url("office_call_cancel", pk=call.pk), {"reason": "", "confirm": "on"})
    assert response.status_code == 400 and Call.objects.get(pk=call.pk).status == "published"
    client.post(url("office_call_cancel", pk=call.pk), {"reason": "The flat was returned.", "confirm": "on"})
    property.refresh_from_db()
    assert Call.objects.get(pk=call.pk).status == "cancelled" and property.status == Property.Status.AVAILABLE


def test_officer_answers_a_question_and_it_appears_on_the_public_page():
    call = CallFactory(open=True)
    organisation = OrganisationFactory(verified=True, name="Hidden Name Association")
    member = cso_member(organisation)
    question = CallQuestion.objects.create(call=call, organisation=organisation, asked_by=member,
                                           question="Is the yard shared?")
    client = client_for(amo_officer())
    page = html(client.get(url("office_call_detail", pk=call.pk)))
    assert "Hidden Name Association" in page and "not public" in page
    response = client.post(url("office_question_answer", pk=call.pk, question_id=question.pk), {"answer": ""})
    assert response.status_code == 400
    client.post(url("office_question_answer", pk=call.pk, question_id=question.pk), {"answer": "No, it is private."})
    public = html(Client().get(url("call_detail", pk=call.pk)))
    assert "No, it is private." in public and "Hidden Name Association" not in public
    assert Notification.objects.get(user=member).kind == "question_answered"


def test_answering_a_question_of_another_call_is_404():
    call, other = CallFactory(open=True), CallFactory(open=True)
    question = CallQuestion.objects.create(call=other, organisation=OrganisationFactory(verified=True), question="Q")
    response = client_for(amo_officer()).post(url("office_question_answer", pk=call.pk, question_id=question.pk),
                                              {"answer": "A"})
    assert response.status_code == 404


def test_officer_adds_and_removes_site_visits():
    call = CallFactory(open=True)
    property = call.properties.get()
    client = client_for(amo_officer())
    start = timezone.localtime(timezone.now() + dt.timedelta(days=4), zoneinfo.ZoneInfo("Europe/Belgrade"))
    data = {"property": property.pk, "starts_at": start.strftime("%Y-%m-%dT10:00"),
            "ends_at": start.strftime("%Y-%m-%dT11:00"), "capacity": "3", "meeting_point": "Главни улаз"}
    assert client.post(url("office_site_visit_add", pk=call.pk), data).status_code == 302
    slot = SiteVisitSlot.objects.get()
    assert slot.starts_at.astimezone(zoneinfo.ZoneInfo("Europe/Belgrade")).hour == 10
    for bad in ({"capacity": "0"}, {"capacity": "-2"}, {"ends_at": data["starts_at"]},
                {"property": str(PropertyFactory(available=True).pk)}, {"starts_at": "2001-01-01T10:00",
                                                                        "ends_at": "2001-01-01T11:00"}):
        response = client.post(url("office_site_visit_add", pk=call.pk), {**data, **bad})
        assert response.status_code == 400, bad
    assert SiteVisitSlot.objects.count() == 1
    organisation = OrganisationFactory(verified=True)
    booking = services.site_visit_book(slot=slot, organisation=organisation, actor=cso_member(organisation), people=2)
    page = html(client.get(url("office_call_detail", pk=call.pk)))
    assert organisation.name in page and "1 of 3 booked" in page
    client.post(url("office_site_visit_remove", pk=call.pk, slot_id=slot.pk))
    assert SiteVisitSlot.objects.exists()
    client.post(url("office_booking_cancel", pk=call.pk, booking_id=booking.pk))
    client.post(url("office_site_visit_remove", pk=call.pk, slot_id=slot.pk))
    assert not SiteVisitSlot.objects.exists()


def test_office_page_links_to_the_review_pages_when_they_exist():
    call = CallFactory(open=True)
    page = html(client_for(amo_officer()).get(url("office_call_detail", pk=call.pk)))
    for name in ("call_proposals", "call_reviewers", "call_ranking"):
        try:
            link = url(name, pk=call.pk)
        except Exception:
            continue
        assert link in page


def test_get_on_an_action_url_is_refused():
    call = CallFactory()
    client = client_for(amo_officer())
    assert client.get(url("office_call_publish", pk=call.pk)).status_code == 405
    assert Call.objects.get(pk=call.pk).status == "draft"
