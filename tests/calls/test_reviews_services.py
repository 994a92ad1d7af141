"""The review stage's services: appointing reviewers, starting the review, requesting changes, declaring
conflicts, scoring. Each refusal leaves nothing behind."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from calls.models import AuditEntry, CallReviewer, Notification, Proposal, ProposalMessage, Review, ReviewScore
from calls.services import reviews as services
from network.services import ActionRefused
from tests.factories import (
    CallFactory,
    ProposalFactory,
    ReviewFactory,
    UserFactory,
    amo_officer,
    closed_call_with_proposals,
    coordinator,
    cso_member,
)

pytestmark = pytest.mark.django_db


def _actions():
    return list(AuditEntry.objects.values_list("action", flat=True))


# Appointing and removing reviewers ----------------------------------------------------------------

def test_an_officer_appoints_a_person_with_an_account_who_gets_every_proposal_already_under_review(
    django_capture_on_commit_callbacks,
):
    call, proposals = closed_call_with_proposals(2, status="under_review")
    ProposalFactory(call=call, submitted=True)  # not under review yet: not assigned
    officer, expert = amo_officer(), UserFactory(email="Ekspert@Example.org")
    with django_capture_on_commit_callbacks(execute=True):
        appointment = services.reviewer_appoint(call=call, actor=officer, email="  ekspert@example.org ")
    assert appointment.user == expert and appointment.appointed_by == officer
    reviews = Review.objects.filter(reviewer=expert)
    assert {r.proposal_id for r in reviews} == {p.pk for p in proposals}
    assert all(r.status == Review.Status.ASSIGNED and r.assigned_by == officer for r in reviews)
    assert Notification.objects.filter(user=expert, kind="review_assigned").count() == 1
    assert [m.to for m in mail.outbox] == [[expert.email]]
    assert _actions() == ["reviewer_appointed", "review_assigned", "review_assigned"]


def test_an_officer_of_the_office_can_appoint_themselves_or_a_colleague():
    call, _proposals = closed_call_with_proposals(1, status="under_review")
    officer = amo_officer()
    services.reviewer_appoint(call=call, actor=officer, email=officer.email)
    assert CallReviewer.objects.filter(call=call, user=officer).exists()


@pytest.mark.parametrize("email", ["", "nobody@example.org", "<script>@x.org", "ж" * 300])
def test_appointing_someone_without_an_account_is_refused_and_saves_nothing(email):
    call, _proposals = closed_call_with_proposals(1, status="under_review")
    with pytest.raises(ActionRefused, match="create an account first"):
        services.reviewer_appoint(call=call, actor=amo_officer(), email=email)
    assert not CallReviewer.objects.exists() and not Review.objects.exists() and not AuditEntry.objects.exists()


def test_appointing_the_same_person_twice_is_refused():
    call, _proposals = closed_call_with_proposals(1, status="under_review")
    officer, expert = amo_officer(), UserFactory()
    services.reviewer_appoint(call=call, actor=officer, email=expert.email)
    with pytest.raises(ActionRefused, match="already a reviewer"):
        services.reviewer_appoint(call=call, actor=officer, email=expert.email)
    assert CallReviewer.objects.filter(call=call).count() == 1


@pytest.mark.parametrize("role", ["other_office", "coordinator", "cso_admin", "stranger"])
def test_only_the_offices_officers_appoint_reviewers(role):
    call, proposals = closed_call_with_proposals(1, status="under_review")
    actor = {
        "other_office": lambda: amo_officer("auoi-mk"),
        "coordinator": lambda: coordinator(totp=True),
        "cso_admin": lambda: cso_member(proposals[0].organisation, admin=True),
        "stranger": UserFactory,
    }[role]()
    with pytest.raises(ActionRefused):
        services.reviewer_appoint(call=call, actor=actor, email=UserFactory().email)
    assert not CallReviewer.objects.exists()


def test_a_reviewer_who_submitted_nothing_is_removed_with_their_unsubmitted_reviews():
    review = ReviewFactory(declared=True)
    ReviewFactory(proposal=ProposalFactory(call=review.proposal.call, under_review=True), reviewer=review.reviewer,
                  recused=True)
    appointment = CallReviewer.objects.get(user=review.reviewer)
    services.reviewer_remove(call_reviewer=appointment, actor=amo_officer())
    assert not CallReviewer.objects.exists() and not Review.objects.exists()
    entry = AuditEntry.objects.get(action="reviewer_removed")
    assert len(entry.data["reviews_removed"]) == 2


def test_a_reviewer_who_submitted_a_review_cannot_be_removed():
    review = ReviewFactory(declared=True, status="submitted", submitted_at=timezone.now())
    appointment = CallReviewer.objects.get(user=review.reviewer)
    with pytest.raises(ActionRefused, match="already submitted"):
        services.reviewer_remove(call_reviewer=appointment, actor=amo_officer())
    assert CallReviewer.objects.filter(pk=appointment.pk).exists() and Review.objects.count() == 1


def test_an_officer_of_another_office_cannot_remove_a_reviewer():
    review = ReviewFactory()
    appointment = CallReviewer.objects.get(user=review.reviewer)
    with pytest.raises(ActionRefused):
        services.reviewer_remove(call_reviewer=appointment, actor=amo_officer("auoi-mk"))
    assert CallReviewer.objects.exists() and Review.objects.exists()


# Starting the review ------------------------------------------------------------------------------

def test_starting_the_review_of_a_proposal_assigns_it_to_every_appointed_reviewer(
    django_capture_on_commit_callbacks,
):
    call, (proposal,) = closed_call_with_proposals(1)
    first, second = UserFactory(), UserFactory()
    for user in (first, second):
        CallReviewer.objects.create(call=call, user=user)
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_start_review(proposal=proposal, actor=amo_officer())
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.UNDER_REVIEW
    assert set(Review.objects.values_list("reviewer_id", flat=True)) == {first.pk, second.pk}
    assert Notification.objects.filter(kind="review_assigned").count() == 2
    assert _actions() == ["start_review", "review_assigned", "review_assigned"]


def test_the_review_does_not_start_before_the_call_closes():
    proposal = ProposalFactory(submitted=True)  # the call is open
    CallReviewer.objects.create(call=proposal.call, user=UserFactory())
    with pytest.raises(ActionRefused, match="once the call has closed"):
        services.proposal_start_review(proposal=proposal, actor=amo_officer())
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SUBMITTED and not Review.objects.exists()


@pytest.mark.parametrize("status", ["under_review", "approved", "rejected", "withdrawn", "changes_requested"])
def test_the_review_starts_only_for_a_submitted_proposal(status):
    call, (proposal,) = closed_call_with_proposals(1, status=status)
    with pytest.raises(ActionRefused):
        services.proposal_start_review(proposal=proposal, actor=amo_officer())
    proposal.refresh_from_db()
    assert proposal.status == status and not AuditEntry.objects.exists()


def test_an_officer_of_another_office_cannot_start_the_review():
    _call, (proposal,) = closed_call_with_proposals(1)
    with pytest.raises(ActionRefused):
        services.proposal_start_review(proposal=proposal, actor=amo_officer("auoi-mk"))
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SUBMITTED


def test_starting_the_review_of_a_whole_call_takes_every_submitted_proposal_and_nothing_else():
    call, proposals = closed_call_with_proposals(3)
    withdrawn = ProposalFactory(call=call, submitted=True, status="withdrawn")
    reviewer = UserFactory()
    CallReviewer.objects.create(call=call, user=reviewer)
    started = services.call_start_review(call=call, actor=amo_officer())
    assert {p.pk for p in started} == {p.pk for p in proposals}
    assert set(Proposal.objects.filter(call=call).values_list("status", flat=True)) == {"under_review", "withdrawn"}
    assert Review.objects.filter(reviewer=reviewer).count() == 3
    withdrawn.refresh_from_db()
    assert withdrawn.status == "withdrawn"
    with pytest.raises(ActionRefused, match="No submitted proposal"):
        services.call_start_review(call=call, actor=amo_officer())


def test_a_whole_call_does_not_start_its_review_while_open_nor_for_another_office():
    proposal = ProposalFactory(submitted=True)
    with pytest.raises(ActionRefused):
        services.call_start_review(call=proposal.call, actor=amo_officer())
    closed, _proposals = closed_call_with_proposals(1)
    with pytest.raises(ActionRefused):
        services.call_start_review(call=closed, actor=amo_officer("auoi-mk"))
    assert not Proposal.objects.filter(status="under_review").exists()


# Requesting changes -------------------------------------------------------------------------------

def test_requesting_changes_reopens_the_proposal_until_the_new_deadline_and_tells_its_members(
    django_capture_on_commit_callbacks,
):
    _call, (proposal,) = closed_call_with_proposals(1, status="under_review")
    admin, member = cso_member(proposal.organisation, admin=True), cso_member(proposal.organisation)
    deadline = timezone.now() + dt.timedelta(days=10)
    officer = amo_officer()
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_request_changes(proposal=proposal, actor=officer, message="Додајте буџет, ë ș.",
                                          deadline=deadline)
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.CHANGES_REQUESTED
    assert proposal.changes_deadline == deadline and proposal.changes_requested_at is not None
    message = ProposalMessage.objects.get(proposal=proposal)
    assert message.from_office and message.author == officer and message.body == "Додајте буџет, ë ș."
    assert set(Notification.objects.filter(kind="changes_requested").values_list("user_id", flat=True)) == {
        admin.pk, member.pk}
    assert "Додајте буџет" in mail.outbox[0].body
    assert AuditEntry.objects.get(action="request_changes").data["message"] == "Додајте буџет, ë ș."


def test_changes_are_requested_only_once():
    _call, (proposal,) = closed_call_with_proposals(1, status="under_review")
    officer = amo_officer()
    services.proposal_request_changes(proposal=proposal, actor=officer, message="Once.",
                                      deadline=timezone.now() + dt.timedelta(days=3))
    Proposal.objects.filter(pk=proposal.pk).update(status="submitted")  # as if resubmitted
    with pytest.raises(ActionRefused, match="already been requested once"):
        services.proposal_request_changes(proposal=proposal, actor=officer, message="Twice.",
                                          deadline=timezone.now() + dt.timedelta(days=3))
    assert ProposalMessage.objects.count() == 1


@pytest.mark.parametrize("message,days", [("", 3), ("   ", 3), ("x" * 8001, 3), ("Fine.", -1), ("Fine.", 0)])
def test_changes_need_a_message_and_a_future_deadline(message, days):
    _call, (proposal,) = closed_call_with_proposals(1, status="under_review")
    with pytest.raises(ActionRefused):
        services.proposal_request_changes(proposal=proposal, actor=amo_officer(), message=message,
                                          deadline=timezone.now() + dt.timedelta(days=days))
    proposal.refresh_from_db()
    assert proposal.status == "under_review" and proposal.changes_requested_at is None
    assert not ProposalMessage.objects.exists() and not Notification.objects.exists()


@pytest.mark.parametrize("status", ["approved", "rejected", "withdrawn"])
def test_changes_cannot_be_requested_on_a_decided_or_withdrawn_proposal(status):
    _call, (proposal,) = closed_call_with_proposals(1, status=status)
    with pytest.raises(ActionRefused):
        services.proposal_request_changes(proposal=proposal, actor=amo_officer(), message="Please.",
                                          deadline=timezone.now() + dt.timedelta(days=3))
    assert not ProposalMessage.objects.exists()


def test_an_officer_of_another_office_cannot_request_changes():
    _call, (proposal,) = closed_call_with_proposals(1, status="under_review")
    with pytest.raises(ActionRefused):
        services.proposal_request_changes(proposal=proposal, actor=amo_officer("auoi-mk"), message="Please.",
                                          deadline=timezone.now() + dt.timedelta(days=3))
    assert not ProposalMessage.objects.exists()


# Declaring conflicts ------------------------------------------------------------------------------

def test_declaring_no_conflict_opens_the_review():
    review = ReviewFactory()
    services.review_declare(review=review, actor=review.reviewer, has_conflict=False, note="ignored")
    review.refresh_from_db()
    assert review.status == Review.Status.IN_PROGRESS and review.declared_at is not None
    assert review.conflict_note == ""
    assert AuditEntry.objects.get(action="review_declared").data["has_conflict"] is False


def test_declaring_a_conflict_recuses_the_reviewer_and_keeps_the_explanation():
    review = ReviewFactory()
    services.review_declare(review=review, actor=review.reviewer, has_conflict=True, note="Моја сестра је чланица.")
    review.refresh_from_db()
    assert review.status == Review.Status.RECUSED and review.conflict_note == "Моја сестра је чланица."
    assert AuditEntry.objects.get(action="review_declared").data["note"] == "Моја сестра је чланица."


@pytest.mark.parametrize("note", ["", "   ", "x" * 2001])
def test_a_conflict_needs_a_short_explanation(note):
    review = ReviewFactory()
    with pytest.raises(ActionRefused):
        services.review_declare(review=review, actor=review.reviewer, has_conflict=True, note=note)
    review.refresh_from_db()
    assert review.status == Review.Status.ASSIGNED and not AuditEntry.objects.exists()


def test_only_the_reviewer_declares_and_only_once():
    review = ReviewFactory()
    with pytest.raises(ActionRefused):
        services.review_declare(review=review, actor=amo_officer(), has_conflict=False)
    services.review_declare(review=review, actor=review.reviewer, has_conflict=False)
    with pytest.raises(ActionRefused):
        services.review_declare(review=review, actor=review.reviewer, has_conflict=True, note="Changed my mind.")
    review.refresh_from_db()
    assert review.status == Review.Status.IN_PROGRESS


# Scoring ------------------------------------------------------------------------------------------

def _criteria(review):
    return list(review.proposal.call.criteria.all())


def test_a_draft_saves_any_subset_of_scores_and_can_be_changed():
    review = ReviewFactory(declared=True)
    social, feasibility, *_rest = _criteria(review)
    services.review_save(review=review, actor=review.reviewer, scores={social.pk: (7, "Good <b>fit</b>")},
                         recommendation="", comment="")
    assert list(ReviewScore.objects.values_list("criterion_id", "score", "comment")) == [
        (social.pk, 7, "Good <b>fit</b>")]
    services.review_save(review=review, actor=review.reviewer,
                         scores={social.pk: (None, ""), feasibility.pk: ("4", "")}, recommendation="reject")
    assert list(ReviewScore.objects.values_list("criterion_id", "score")) == [(feasibility.pk, 4)]
    review.refresh_from_db()
    assert review.status == Review.Status.IN_PROGRESS and review.recommendation == "reject"


def test_submitting_needs_every_criterion_and_a_recommendation_and_then_freezes_the_review():
    review = ReviewFactory(declared=True)
    criteria = _criteria(review)
    partial = {c.pk: (5, "") for c in criteria[:-1]}
    with pytest.raises(ActionRefused, match="score every criterion"):
        services.review_submit(review=review, actor=review.reviewer, scores=partial, recommendation="approve")
    complete = {c.pk: (5, "") for c in criteria}
    with pytest.raises(ActionRefused, match="recommendation"):
        services.review_submit(review=review, actor=review.reviewer, scores=complete, recommendation="")
    review.refresh_from_db()
    assert review.status == Review.Status.IN_PROGRESS and review.submitted_at is None
    services.review_submit(review=review, actor=review.reviewer, scores=complete, recommendation="conditions",
                           comment="Solid plan.")
    review.refresh_from_db()
    assert review.status == Review.Status.SUBMITTED and review.submitted_at is not None
    assert ReviewScore.objects.filter(review=review).count() == 4
    entry = AuditEntry.objects.get(action="review_submitted")
    assert entry.data["recommendation"] == "conditions" and set(entry.data["scores"].values()) == {5}
    with pytest.raises(ActionRefused):
        services.review_save(review=review, actor=review.reviewer, scores={criteria[0].pk: (0, "")})
    assert set(ReviewScore.objects.values_list("score", flat=True)) == {5}


@pytest.mark.parametrize("bad", [-1, 11, "seven", 2.5, "<script>", None])
def test_a_score_outside_zero_to_max_or_not_a_number_is_refused(bad):
    review = ReviewFactory(declared=True)
    scores = {c.pk: (5, "") for c in _criteria(review)}
    scores[next(iter(scores))] = (bad, "")
    with pytest.raises(ActionRefused):
        services.review_submit(review=review, actor=review.reviewer, scores=scores, recommendation="approve")
    assert not ReviewScore.objects.exists()


def test_a_score_for_another_calls_criterion_or_a_nonexistent_one_is_refused():
    review = ReviewFactory(declared=True)
    foreign = CallFactory().criteria.first()
    for key in (foreign.pk, 999999, "abc"):
        with pytest.raises(ActionRefused, match="criterion"):
            services.review_save(review=review, actor=review.reviewer, scores={key: (5, "")})
    assert not ReviewScore.objects.exists()


def test_an_unknown_recommendation_and_huge_comments_are_refused():
    review = ReviewFactory(declared=True)
    criterion = _criteria(review)[0]
    for kwargs in ({"recommendation": "maybe"}, {"comment": "ж" * 8001},
                   {"scores": {criterion.pk: (5, "ж" * 4001)}}):
        with pytest.raises(ActionRefused):
            services.review_save(review=review, actor=review.reviewer, **{"scores": {}, **kwargs})
    review.refresh_from_db()
    assert review.recommendation == "" and review.comment == "" and not ReviewScore.objects.exists()


@pytest.mark.parametrize("status", ["assigned", "recused"])
def test_a_reviewer_cannot_score_before_declaring_or_when_recused(status):
    review = ReviewFactory(**{"declared": status == "in_progress", "recused": status == "recused"})
    with pytest.raises(ActionRefused):
        services.review_save(review=review, actor=review.reviewer, scores={_criteria(review)[0].pk: (5, "")})
    assert not ReviewScore.objects.exists()


def test_nobody_but_the_reviewer_scores_a_review():
    review = ReviewFactory(declared=True)
    for actor in (amo_officer(), UserFactory(), cso_member(review.proposal.organisation, admin=True)):
        with pytest.raises(ActionRefused):
            services.review_save(review=review, actor=actor, scores={_criteria(review)[0].pk: (5, "")})
    assert not ReviewScore.objects.exists()


def test_changes_cannot_be_requested_while_a_decision_waits_for_the_second_officer():
    from calls.services import decisions

    proposal = ProposalFactory(under_review=True)
    officer = amo_officer()
    decisions.decision_propose(proposal=proposal, actor=officer, outcome="rejected", reasons="Not feasible.")
    with pytest.raises(ActionRefused):
        services.proposal_request_changes(proposal=proposal, actor=officer, message="Add a budget.",
                                          deadline=timezone.now() + dt.timedelta(days=7))
    proposal.refresh_from_db()
    assert proposal.status == "under_review" and proposal.changes_requested_at is None
    assert not ProposalMessage.objects.filter(proposal=proposal).exists()
