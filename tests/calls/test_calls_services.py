"""Services of the office's side of a call (calls.services.calls): rules, side effects, audit entries."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from calls.models import AuditEntry, Call, CallQuestion, Decision, Notification, SiteVisitBooking, SiteVisitSlot
from calls.selectors import calls as selectors
from calls.services import calls as services
from network.models import Organisation
from network.services import ActionRefused
from reuse_projects.models import Property
from tests.factories import (
    CallFactory,
    OrganisationFactory,
    PropertyFactory,
    ProposalFactory,
    amo_officer,
    cso_member,
)

pytestmark = pytest.mark.django_db

CRITERIA = [
    {"title": "Social impact", "description": "", "weight": 60, "max_score": 10},
    {"title": "Feasibility", "description": "", "weight": 40, "max_score": 10},
]
DOCUMENTS = [{"title": "Work plan", "description": "", "mandatory": True}]


def actions(call):
    return list(AuditEntry.objects.filter(call_id=call.pk).values_list("action", flat=True))


def new_call(officer, **overrides):
    now = timezone.now()
    values = {"title": "Flats in Novi Sad", "description": "For community use.",
              "opens_at": now + dt.timedelta(days=1), "closes_at": now + dt.timedelta(days=30)}
    values.update(overrides)
    return Call(amo=Organisation.objects.get(slug="direkcija-rs"), **values)


@pytest.fixture
def officer():
    return amo_officer()


@pytest.fixture
def draft(officer):
    """A draft call with one available property and criteria adding up to 100."""
    return CallFactory(properties=[PropertyFactory(available=True)])


# Create and edit ----------------------------------------------------------------------------------


def test_create_saves_a_draft_with_its_rows_and_an_audit_entry(officer):
    property = PropertyFactory(available=True)
    call = services.call_create(call=new_call(officer), actor=officer, properties=[property], criteria=CRITERIA,
                                document_requirements=DOCUMENTS)
    assert call.status == Call.Status.DRAFT and call.created_by == officer
    assert list(call.properties.all()) == [property]
    assert list(call.criteria.values_list("title", "weight", "position")) == [
        ("Social impact", 60, 0), ("Feasibility", 40, 1)]
    assert list(call.document_requirements.values_list("title", "mandatory")) == [("Work plan", True)]
    assert actions(call) == ["call_created"]
    property.refresh_from_db()
    assert property.status == Property.Status.AVAILABLE, "a draft does not put the property under a call"


@pytest.mark.parametrize("make_property", [
    lambda: PropertyFactory(available=True, amo=Organisation.objects.get(slug="auoi-mk")),
    lambda: PropertyFactory(status="draft"),
    lambda: PropertyFactory(under_call=True),
    lambda: PropertyFactory(withdrawn=True),
], ids=["other-office", "draft", "under-another-call", "withdrawn"])
def test_create_refuses_a_property_that_is_not_an_available_one_of_the_office(officer, make_property):
    with pytest.raises(ValidationError) as error:
        services.call_create(call=new_call(officer), actor=officer, properties=[make_property()], criteria=CRITERIA,
                             document_requirements=[])
    assert "properties" in error.value.message_dict
    assert not Call.objects.exists() and not AuditEntry.objects.exists()


def test_create_refuses_an_officer_of_another_office_and_a_cso_member():
    property = PropertyFactory(available=True)
    for user in (amo_officer("auoi-mk"), cso_member(OrganisationFactory(verified=True), admin=True)):
        with pytest.raises(ActionRefused):
            services.call_create(call=new_call(user), actor=user, properties=[property], criteria=CRITERIA,
                                 document_requirements=[])
    assert not Call.objects.exists()


@pytest.mark.parametrize("criteria", [
    [{"title": "Impact", "weight": -5, "max_score": 10}],
    [{"title": "Impact", "weight": 101, "max_score": 10}],
    [{"title": "", "weight": 50, "max_score": 10}],
    [{"title": "x" * 201, "weight": 50, "max_score": 10}],
    [{"title": "Impact", "weight": 50, "max_score": 0}],
], ids=["negative", "over-100", "empty-title", "huge-title", "zero-max-score"])
def test_create_refuses_bad_criteria_and_saves_nothing(officer, criteria):
    with pytest.raises(ValidationError):
        services.call_create(call=new_call(officer), actor=officer, properties=[PropertyFactory(available=True)],
                             criteria=criteria, document_requirements=[])
    assert not Call.objects.exists()


def test_create_refuses_a_call_closing_before_it_opens(officer):
    now = timezone.now()
    with pytest.raises(ValidationError) as error:
        services.call_create(call=new_call(officer, opens_at=now + dt.timedelta(days=2), closes_at=now),
                             actor=officer, properties=[], criteria=[], document_requirements=[])
    assert "closes_at" in error.value.message_dict


def test_create_keeps_markup_and_other_scripts_as_text(officer):
    title = "<script>alert(1)</script> Кућа në Tiranë, școală"
    call = services.call_create(call=new_call(officer, title=title), actor=officer, properties=[],
                                criteria=[{"title": "Утицај ë ș", "weight": 100, "max_score": 10}],
                                document_requirements=[])
    call.refresh_from_db()
    assert call.title == title and call.criteria.get().title == "Утицај ë ș"


def test_update_of_a_draft_replaces_criteria_and_records_what_changed(officer, draft):
    draft.title = "A better title"
    changes = services.call_update(call=draft, actor=officer, criteria=CRITERIA, document_requirements=DOCUMENTS)
    assert set(changes) == {"title", "criteria", "document_requirements"}
    assert list(draft.criteria.values_list("weight", flat=True)) == [60, 40]
    entry = AuditEntry.objects.get(action="call_edited")
    assert entry.data["changes"]["title"][1] == "A better title"


def test_update_without_changes_records_nothing(officer, draft):
    rows = [{"title": c.title, "description": c.description, "weight": c.weight, "max_score": c.max_score}
            for c in draft.criteria.all()]
    assert services.call_update(call=draft, actor=officer, criteria=rows) == []
    assert actions(draft) == []


def test_published_call_description_amended_and_closing_extended_are_recorded(officer):
    call = CallFactory(open=True)
    before = call.closes_at
    call.description = "Corrected: the flat has two rooms."
    call.closes_at = before + dt.timedelta(days=7)
    assert set(services.call_update(call=call, actor=officer)) == {"description", "closes_at"}
    entry = AuditEntry.objects.get(action="call_amended")
    assert entry.data["changes"]["description"][1] == "Corrected: the flat has two rooms."
    assert entry.data["changes"]["closes_at"][0].startswith(str(before.year))


def test_published_call_closing_time_is_never_brought_forward(officer):
    call = CallFactory(open=True)
    stored = call.closes_at
    call.closes_at = stored - dt.timedelta(days=1)
    with pytest.raises(ActionRefused):
        services.call_update(call=call, actor=officer)
    call.refresh_from_db()
    assert call.closes_at == stored and not AuditEntry.objects.exists()


def test_published_call_closing_time_cannot_change_once_closed(officer):
    call = CallFactory(closed=True)
    call.closes_at = timezone.now() + dt.timedelta(days=5)
    with pytest.raises(ActionRefused):
        services.call_update(call=call, actor=officer)
    call.refresh_from_db()
    assert call.closes_at < timezone.now()


@pytest.mark.parametrize("field, value", [("title", "New title"), ("min_years_active", 3)])
def test_published_call_other_fields_are_fixed(officer, field, value):
    call = CallFactory(open=True)
    setattr(call, field, value)
    with pytest.raises(ActionRefused):
        services.call_update(call=call, actor=officer)
    with pytest.raises(ActionRefused):
        services.call_update(call=Call.objects.get(pk=call.pk), actor=officer, criteria=CRITERIA)
    assert call.criteria.count() == 4 and not AuditEntry.objects.exists()


def test_cancelled_call_never_changes(officer):
    call = CallFactory(cancelled=True)
    call.description = "Changed"
    with pytest.raises(ActionRefused):
        services.call_update(call=call, actor=officer)


# Publish ------------------------------------------------------------------------------------------


def test_publish_puts_properties_under_the_call_and_records_it(officer, draft):
    property = draft.properties.get()
    services.call_publish(call=draft, actor=officer)
    draft.refresh_from_db()
    property.refresh_from_db()
    assert draft.status == Call.Status.PUBLISHED and draft.published_at is not None
    assert property.status == Property.Status.UNDER_CALL
    assert property.events.filter(action="open_call").exists()
    entry = AuditEntry.objects.get(action="call_published")
    assert entry.call_id == draft.pk and entry.actor_id == officer.pk and entry.data["properties"] == [property.pk]


def _assert_nothing_published(call, properties):
    call.refresh_from_db()
    assert call.status == Call.Status.DRAFT and call.published_at is None
    for property in properties:
        before = property.status
        property.refresh_from_db()
        assert property.status == before
    assert not AuditEntry.objects.filter(action="call_published").exists()


@pytest.mark.parametrize("criteria, expected", [
    ([("Impact", 50), ("Feasibility", 40)], "add up to 90"),
    ([("Impact", 70), ("Feasibility", 40)], "add up to 110"),
    ([], "at least one evaluation criterion"),
], ids=["90", "110", "none"])
def test_publish_refuses_criteria_not_weighing_exactly_100(officer, criteria, expected):
    property = PropertyFactory(available=True)
    call = CallFactory(properties=[property], criteria=criteria)
    with pytest.raises(services.CallNotReady) as refusal:
        services.call_publish(call=call, actor=officer)
    assert any(expected in problem for problem in refusal.value.problems)
    _assert_nothing_published(call, [property])


def test_publish_refuses_a_call_without_property(officer):
    call = CallFactory(properties=[])
    with pytest.raises(services.CallNotReady) as refusal:
        services.call_publish(call=call, actor=officer)
    assert refusal.value.problems == ["Choose at least one property."]


def test_publish_refuses_a_property_no_longer_available_and_moves_none(officer):
    available, gone = PropertyFactory(available=True), PropertyFactory(available=True)
    call = CallFactory(properties=[available, gone])
    Property.objects.filter(pk=gone.pk).update(status="withdrawn")
    with pytest.raises(services.CallNotReady) as refusal:
        services.call_publish(call=call, actor=officer)
    assert gone.reference in str(refusal.value)
    _assert_nothing_published(call, [available])


def test_publish_refuses_a_property_of_another_office(officer):
    foreign = PropertyFactory(available=True, amo=Organisation.objects.get(slug="auoi-mk"))
    call = CallFactory(properties=[foreign])
    with pytest.raises(services.CallNotReady) as refusal:
        services.call_publish(call=call, actor=officer)
    assert any("another office" in problem for problem in refusal.value.problems)
    _assert_nothing_published(call, [foreign])


def test_publish_refuses_a_closing_time_in_the_past_and_lists_every_problem(officer):
    now = timezone.now()
    call = CallFactory(properties=[], criteria=[("Impact", 10)], opens_at=now - dt.timedelta(days=3),
                       closes_at=now - dt.timedelta(days=1))
    with pytest.raises(services.CallNotReady) as refusal:
        services.call_publish(call=call, actor=officer)
    assert len(refusal.value.problems) == 3
    assert any("closing time has passed" in problem for problem in refusal.value.problems)


def test_publish_refuses_what_is_not_a_draft_and_other_people(draft):
    with pytest.raises(ActionRefused):
        services.call_publish(call=draft, actor=amo_officer("auoi-mk"))
    with pytest.raises(ActionRefused):
        services.call_publish(call=CallFactory(open=True), actor=amo_officer())
    _assert_nothing_published(draft, list(draft.properties.all()))


# Phases -------------------------------------------------------------------------------------------


def test_a_call_closing_at_t_is_open_one_second_before_and_closed_at_t():
    call = CallFactory(open=True)
    closing = call.closes_at
    before, at = closing - dt.timedelta(seconds=1), closing
    assert call.phase(before) == Call.Phase.OPEN and call.phase(at) == Call.Phase.CLOSED
    assert list(selectors.call_list_public(phase="open", now=before)) == [call]
    assert list(selectors.call_list_public(phase="closed", now=before)) == []
    assert list(selectors.call_list_public(phase="open", now=at)) == []
    assert list(selectors.call_list_public(phase="closed", now=at)) == [call]


def test_a_call_opening_at_t_is_upcoming_one_second_before_and_open_at_t():
    call = CallFactory(upcoming=True)
    opening = call.opens_at
    assert list(selectors.call_list_public(phase="upcoming", now=opening - dt.timedelta(seconds=1))) == [call]
    assert list(selectors.call_list_public(phase="open", now=opening)) == [call]


def test_public_lists_are_ordered_by_the_next_deadline():
    now = timezone.now()
    late = CallFactory(open=True, closes_at=now + dt.timedelta(days=20))
    soon = CallFactory(open=True, closes_at=now + dt.timedelta(days=2))
    later = CallFactory(upcoming=True, opens_at=now + dt.timedelta(days=9))
    sooner = CallFactory(upcoming=True, opens_at=now + dt.timedelta(days=3))
    old = CallFactory(closed=True, closes_at=now - dt.timedelta(days=30))
    recent = CallFactory(closed=True, closes_at=now - dt.timedelta(days=1))
    CallFactory(), CallFactory(cancelled=True)
    assert list(selectors.call_list_public(phase="open")) == [soon, late]
    assert list(selectors.call_list_public(phase="upcoming")) == [sooner, later]
    assert list(selectors.call_list_public(phase="closed")) == [recent, old]


# Cancel -------------------------------------------------------------------------------------------


def test_cancel_releases_properties_notifies_applicants_and_records_the_reason(officer):
    call = CallFactory(open=True)
    property = call.properties.get()
    proposal = ProposalFactory(call=call, submitted=True)
    applicant = cso_member(proposal.organisation, admin=True)
    other = cso_member(OrganisationFactory(verified=True))
    services.call_cancel(call=call, actor=officer, reason="The court returned the flat to its owner.")
    call.refresh_from_db()
    property.refresh_from_db()
    proposal.refresh_from_db()
    assert call.status == Call.Status.CANCELLED
    assert property.status == Property.Status.AVAILABLE
    assert proposal.status == "submitted", "proposals keep their status; the cancelled call stops them"
    assert list(Notification.objects.filter(kind="call_cancelled").values_list("user", flat=True)) == [applicant.pk]
    assert not Notification.objects.filter(user=other).exists()
    entry = AuditEntry.objects.get(action="call_cancelled")
    assert entry.data["reason"] == "The court returned the flat to its owner."
    assert entry.data["properties_released"] == [property.pk]


def test_cancel_of_a_published_call_needs_a_reason(officer):
    call = CallFactory(open=True)
    with pytest.raises(ActionRefused):
        services.call_cancel(call=call, actor=officer, reason="   ")
    call.refresh_from_db()
    assert call.status == Call.Status.PUBLISHED
    assert call.properties.get().status == Property.Status.UNDER_CALL


def test_cancel_is_refused_once_a_proposal_is_approved(officer):
    call = CallFactory(open=True)
    ProposalFactory(call=call, approved=True)
    with pytest.raises(ActionRefused):
        services.call_cancel(call=call, actor=officer, reason="Changed plans")
    call.refresh_from_db()
    assert call.status == Call.Status.PUBLISHED and not Notification.objects.exists()


def test_cancel_is_refused_while_a_decision_waits_for_a_second_officer(officer):
    call = CallFactory(open=True)
    proposal = ProposalFactory(call=call, under_review=True)
    Decision.objects.create(proposal=proposal, outcome="rejected", reasons="Weak plan", proposed_by=officer)
    with pytest.raises(ActionRefused):
        services.call_cancel(call=call, actor=officer, reason="Changed plans")
    assert Call.objects.get(pk=call.pk).status == Call.Status.PUBLISHED


def test_cancel_of_a_draft_needs_no_reason_and_moves_no_property(officer, draft):
    services.call_cancel(call=draft, actor=officer, reason="")
    assert Call.objects.get(pk=draft.pk).status == Call.Status.CANCELLED
    assert draft.properties.get().status == Property.Status.AVAILABLE


def test_cancel_refuses_other_people_and_a_cancelled_call(officer):
    call = CallFactory(open=True)
    with pytest.raises(ActionRefused):
        services.call_cancel(call=call, actor=amo_officer("auoi-mk"), reason="No")
    services.call_cancel(call=call, actor=officer, reason="Yes")
    with pytest.raises(ActionRefused):
        services.call_cancel(call=call, actor=officer, reason="Again")
    assert actions(call) == ["call_cancelled"]


# The clarification board --------------------------------------------------------------------------


@pytest.fixture
def asker():
    organisation = OrganisationFactory(verified=True)
    return organisation, cso_member(organisation)


def test_question_is_private_until_answered_and_the_board_never_names_the_asker(officer, asker):
    organisation, member = asker
    call = CallFactory(open=True)
    question = services.question_ask(call=call, organisation=organisation, actor=member,
                                     question="  Can two CSOs apply together?  ")
    assert question.question == "Can two CSOs apply together?"
    assert list(selectors.call_public_board(call)) == []
    services.question_answer(question=question, actor=officer, answer="Yes, as partners.")
    board = list(selectors.call_public_board(call))
    assert [(q.question, q.answer) for q in board] == [("Can two CSOs apply together?", "Yes, as partners.")]
    assert "organisation" not in board[0].__dict__ and "organisation_id" not in board[0].__dict__
    assert actions(call) == ["question_asked", "question_answered"]


def test_answer_notifies_the_asking_organisation_once(officer, asker):
    organisation, member = asker
    admin = cso_member(organisation, admin=True)
    cso_member(OrganisationFactory(verified=True))
    call = CallFactory(open=True)
    question = services.question_ask(call=call, organisation=organisation, actor=member, question="Parking?")
    services.question_answer(question=question, actor=officer, answer="Two places.")
    services.question_answer(question=question, actor=officer, answer="Two places in the yard.")
    notified = set(Notification.objects.filter(kind="question_answered").values_list("user", flat=True))
    assert notified == {member.pk, admin.pk}
    assert Notification.objects.get(user=member).url.endswith(f"#question-{question.pk}")
    assert actions(call)[-1] == "question_answer_corrected"


@pytest.mark.parametrize("situation", ["unverified", "closed", "not-member", "draft", "officer"])
def test_question_ask_is_refused_outside_its_rule(asker, situation):
    organisation, member = asker
    call = CallFactory(open=True)
    if situation == "unverified":
        organisation = OrganisationFactory()
        member = cso_member(organisation)
    elif situation == "closed":
        call = CallFactory(closed=True)
    elif situation == "not-member":
        member = cso_member(OrganisationFactory(verified=True))
    elif situation == "draft":
        call = CallFactory()
    elif situation == "officer":
        member = amo_officer()
    with pytest.raises(ActionRefused):
        services.question_ask(call=call, organisation=organisation, actor=member, question="Hello?")
    assert not CallQuestion.objects.exists()


@pytest.mark.parametrize("text", ["", "   ", "x" * 4001])
def test_question_with_no_text_or_too_much_is_refused(asker, text):
    organisation, member = asker
    with pytest.raises(ValidationError):
        services.question_ask(call=CallFactory(open=True), organisation=organisation, actor=member, question=text)
    assert not CallQuestion.objects.exists()


def test_answer_is_refused_to_other_offices_and_when_empty(officer, asker):
    organisation, member = asker
    call = CallFactory(open=True)
    question = services.question_ask(call=call, organisation=organisation, actor=member, question="Parking?")
    with pytest.raises(ActionRefused):
        services.question_answer(question=question, actor=amo_officer("auoi-mk"), answer="No")
    with pytest.raises(ValidationError):
        services.question_answer(question=question, actor=officer, answer="   ")
    question.refresh_from_db()
    assert question.answered_at is None and not Notification.objects.exists()


# Site visits --------------------------------------------------------------------------------------


def slot_for(call, *, capacity=2, starts_in=dt.timedelta(days=3)):
    starts = timezone.now() + starts_in
    return SiteVisitSlot.objects.create(call=call, property=call.properties.first(), starts_at=starts,
                                        ends_at=starts + dt.timedelta(hours=1), capacity=capacity)


def verified_member():
    organisation = OrganisationFactory(verified=True)
    return organisation, cso_member(organisation)


def test_slot_create_checks_the_property_and_the_time(officer):
    call = CallFactory(open=True)
    starts = timezone.now() + dt.timedelta(days=2)
    slot = services.site_visit_slot_create(slot=SiteVisitSlot(
        call=call, property=call.properties.get(), starts_at=starts, ends_at=starts + dt.timedelta(hours=1)),
        actor=officer)
    assert slot.pk and actions(call) == ["site_visit_added"]
    with pytest.raises(ValidationError):
        services.site_visit_slot_create(slot=SiteVisitSlot(
            call=call, property=PropertyFactory(available=True), starts_at=starts,
            ends_at=starts + dt.timedelta(hours=1)), actor=officer)
    with pytest.raises(ValidationError):
        services.site_visit_slot_create(slot=SiteVisitSlot(
            call=call, property=call.properties.get(), starts_at=timezone.now() - dt.timedelta(hours=1),
            ends_at=timezone.now()), actor=officer)
    with pytest.raises(ValidationError):
        services.site_visit_slot_create(slot=SiteVisitSlot(
            call=call, property=call.properties.get(), starts_at=starts, ends_at=starts), actor=officer)
    with pytest.raises(ActionRefused):
        services.site_visit_slot_create(slot=SiteVisitSlot(
            call=call, property=call.properties.get(), starts_at=starts, ends_at=starts + dt.timedelta(hours=1)),
            actor=amo_officer("auoi-mk"))
    assert SiteVisitSlot.objects.count() == 1


def test_a_full_visit_is_refused_and_a_cancellation_frees_a_place():
    call = CallFactory(open=True)
    slot = slot_for(call, capacity=2)
    first, second, third = verified_member(), verified_member(), verified_member()
    booking = services.site_visit_book(slot=slot, organisation=first[0], actor=first[1], people=2)
    services.site_visit_book(slot=slot, organisation=second[0], actor=second[1], people=1)
    with pytest.raises(ActionRefused, match="full"):
        services.site_visit_book(slot=slot, organisation=third[0], actor=third[1], people=1)
    assert SiteVisitBooking.objects.filter(organisation=third[0]).count() == 0
    services.site_visit_cancel(booking=booking, actor=first[1])
    services.site_visit_book(slot=slot, organisation=third[0], actor=third[1], people=1)
    assert SiteVisitBooking.objects.filter(slot=slot, cancelled_at__isnull=True).count() == 2
    assert actions(call) == ["site_visit_booked", "site_visit_booked", "site_visit_booking_cancelled",
                             "site_visit_booked"]


def test_an_organisation_books_a_visit_once():
    call = CallFactory(open=True)
    slot = slot_for(call)
    organisation, member = verified_member()
    colleague = cso_member(organisation)
    services.site_visit_book(slot=slot, organisation=organisation, actor=member, people=1)
    with pytest.raises(ActionRefused, match="already"):
        services.site_visit_book(slot=slot, organisation=organisation, actor=colleague, people=3)
    assert SiteVisitBooking.objects.count() == 1


def test_a_visit_that_has_started_can_no_longer_be_booked_or_cancelled_by_the_organisation(officer):
    call = CallFactory(open=True)
    slot = slot_for(call)
    organisation, member = verified_member()
    booking = services.site_visit_book(slot=slot, organisation=organisation, actor=member, people=1)
    later = slot.starts_at
    other, other_member = verified_member()
    with pytest.raises(ActionRefused, match="started"):
        services.site_visit_book(slot=slot, organisation=other, actor=other_member, people=1, now=later)
    with pytest.raises(ActionRefused, match="started"):
        services.site_visit_cancel(booking=booking, actor=member, now=later)
    services.site_visit_cancel(booking=booking, actor=officer, now=later)
    assert SiteVisitBooking.objects.get().cancelled_at == later


@pytest.mark.parametrize("people", [0, -1, 11])
def test_booking_refuses_a_wrong_number_of_people(people):
    slot = slot_for(CallFactory(open=True))
    organisation, member = verified_member()
    with pytest.raises(ValidationError):
        services.site_visit_book(slot=slot, organisation=organisation, actor=member, people=people)
    assert not SiteVisitBooking.objects.exists()


def test_booking_is_refused_to_unverified_organisations_and_closed_calls():
    slot = slot_for(CallFactory(open=True))
    pending = OrganisationFactory()
    with pytest.raises(ActionRefused):
        services.site_visit_book(slot=slot, organisation=pending, actor=cso_member(pending), people=1)
    closed = CallFactory(closed=True)
    closed_slot = SiteVisitSlot.objects.create(
        call=closed, property=closed.properties.get(), starts_at=timezone.now() + dt.timedelta(days=1),
        ends_at=timezone.now() + dt.timedelta(days=1, hours=1))
    organisation, member = verified_member()
    with pytest.raises(ActionRefused):
        services.site_visit_book(slot=closed_slot, organisation=organisation, actor=member, people=1)
    assert not SiteVisitBooking.objects.exists()


def test_another_organisation_cannot_cancel_a_booking():
    slot = slot_for(CallFactory(open=True))
    organisation, member = verified_member()
    booking = services.site_visit_book(slot=slot, organisation=organisation, actor=member, people=1)
    with pytest.raises(ActionRefused):
        services.site_visit_cancel(booking=booking, actor=verified_member()[1])
    assert SiteVisitBooking.objects.get().cancelled_at is None


def test_a_booked_visit_cannot_be_removed_until_its_bookings_are_cancelled(officer):
    call = CallFactory(open=True)
    slot = slot_for(call)
    organisation, member = verified_member()
    booking = services.site_visit_book(slot=slot, organisation=organisation, actor=member, people=1)
    with pytest.raises(ActionRefused):
        services.site_visit_slot_delete(slot=slot, actor=officer)
    services.site_visit_cancel(booking=booking, actor=officer)
    services.site_visit_slot_delete(slot=slot, actor=officer)
    assert not SiteVisitSlot.objects.exists()
    assert actions(call)[-1] == "site_visit_removed"


def test_answer_longer_than_its_limit_is_refused(officer, asker):
    organisation, member = asker
    call = CallFactory(open=True)
    question = services.question_ask(call=call, organisation=organisation, actor=member, question="Parking?")
    with pytest.raises(ValidationError):
        services.question_answer(question=question, actor=officer, answer="y" * 8001)
    assert CallQuestion.objects.get().answered_at is None


def test_huge_description_is_refused_on_create_and_amend(officer):
    with pytest.raises(ValidationError):
        services.call_create(call=new_call(officer, description="d" * 20001), actor=officer, properties=[],
                             criteria=[], document_requirements=[])
    call = CallFactory(open=True)
    call.description = "d" * 20001
    with pytest.raises(ValidationError):
        services.call_update(call=call, actor=officer)
    assert Call.objects.get(pk=call.pk).description != call.description


def test_notification_emails_are_plain_text_in_the_recipient_language(officer, django_capture_on_commit_callbacks,
                                                                       mailoutbox):
    call = CallFactory(open=True, title="Flats & <gardens>")
    proposal = ProposalFactory(call=call, submitted=True)
    applicant = cso_member(proposal.organisation, admin=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.call_cancel(call=call, actor=officer, reason="Returned to the owner's heirs & <family>.")
    [message] = mailoutbox
    assert message.to == [applicant.email]
    assert "Flats & <gardens>" in message.subject
    assert "Returned to the owner's heirs & <family>." in message.body
    assert f"/en/calls/{call.pk}/" in message.body
    assert Notification.objects.get(user=applicant).message.startswith("The call “Flats & <gardens>”")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_organisations_booking_the_last_place_at_the_same_moment_get_one_place():
    import threading

    from django.db import connection

    slot = slot_for(CallFactory(open=True), capacity=1)
    people = [verified_member(), verified_member()]
    barrier = threading.Barrier(2)
    outcomes = []

    def book(organisation, member):
        try:
            barrier.wait(timeout=10)
            services.site_visit_book(slot=slot, organisation=organisation, actor=member, people=1)
            outcomes.append("booked")
        except ActionRefused:
            outcomes.append("refused")
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            outcomes.append(f"error: {error!r}")
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=pair) for pair in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["booked", "refused"], outcomes
    assert SiteVisitBooking.objects.filter(slot=slot, cancelled_at__isnull=True).count() == 1


# After the call: properties nobody will get under it ---------------------------------------------------


def test_a_closed_call_releases_a_property_with_no_proposal_left_to_decide(client):
    from django.urls import reverse

    """Closed with one property that got no proposal and one whose only proposal was rejected: both can be
    made available again; one with a proposal under review cannot; an open call releases nothing."""
    from calls.services.calls import call_releasable_property_ids, call_release_property
    from tests.factories import CallFactory, PropertyFactory, ProposalFactory, amo_officer

    officer = amo_officer()
    empty, rejected, reviewed = (PropertyFactory(status="under_call") for _ in range(3))
    call = CallFactory(closed=True, properties=[empty, rejected, reviewed])
    ProposalFactory(call=call, property=rejected, rejected=True)
    ProposalFactory(call=call, property=reviewed, under_review=True)
    assert call_releasable_property_ids(call) == {empty.pk, rejected.pk}
    call_release_property(call=call, property=empty, actor=officer)
    assert Property.objects.get(pk=empty.pk).status == "available"
    with pytest.raises(ActionRefused):
        call_release_property(call=call, property=reviewed, actor=officer)
    assert Property.objects.get(pk=reviewed.pk).status == "under_call"
    with pytest.raises(ActionRefused):
        call_release_property(call=call, property=rejected, actor=amo_officer("auoi-mk"))
    assert Property.objects.get(pk=rejected.pk).status == "under_call"
    open_call = CallFactory(open=True)
    assert call_releasable_property_ids(open_call) == set()
    # On the office's page: a button for the one left, none for the one under review.
    client.force_login(officer)
    page = client.get(reverse("calls:office_call_detail", kwargs={"pk": call.pk})).content.decode()
    assert page.count("Make available again") == 1
    response = client.post(reverse("calls:office_call_release_property",
                                   kwargs={"pk": call.pk, "property_pk": rejected.pk}))
    assert response.status_code == 302 and Property.objects.get(pk=rejected.pk).status == "available"
    client.force_login(amo_officer("auoi-mk"))
    assert client.post(reverse("calls:office_call_release_property",
                               kwargs={"pk": call.pk, "property_pk": reviewed.pk})).status_code == 403
