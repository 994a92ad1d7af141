"""The permission functions of the review stage, each alone."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from calls import permissions
from calls.models import Decision
from tests.factories import ReviewFactory, UserFactory, amo_officer, closed_call_with_proposals, coordinator

pytestmark = pytest.mark.django_db


def test_an_officer_reviewing_the_call_may_not_view_the_ranking_until_their_reviews_are_done():
    review = ReviewFactory(reviewer=amo_officer())
    officer, call = review.reviewer, review.proposal.call
    assert permissions.has_unfinished_reviews(officer, call)
    assert not permissions.can_view_ranking(officer, call)
    review.status, review.submitted_at = "submitted", timezone.now()
    review.save()
    fresh = type(officer).objects.get(pk=officer.pk)  # the answer is cached per user object and request
    assert not permissions.has_unfinished_reviews(fresh, call) and permissions.can_view_ranking(fresh, call)


def test_a_recused_officer_has_no_unfinished_review():
    review = ReviewFactory(reviewer=amo_officer(), recused=True)
    assert permissions.can_view_ranking(review.reviewer, review.proposal.call)


@pytest.mark.parametrize("who", ["other_office", "coordinator", "stranger", "anonymous"])
def test_only_officers_of_the_office_view_the_ranking_and_manage_reviewers(who):
    call, _proposals = closed_call_with_proposals(1)
    user = {"other_office": lambda: amo_officer("auoi-mk"), "coordinator": lambda: coordinator(totp=True),
            "stranger": UserFactory, "anonymous": AnonymousUser}[who]()
    assert not permissions.can_view_ranking(user, call)
    assert not permissions.can_manage_reviewers(user, call)
    assert permissions.can_manage_reviewers(amo_officer(), call)


def test_reviewers_are_not_managed_on_a_cancelled_call():
    call, _proposals = closed_call_with_proposals(1)
    call.status = "cancelled"
    assert not permissions.can_manage_reviewers(amo_officer(), call)


def test_a_review_is_read_by_its_author_and_once_submitted_by_the_offices_officers_only():
    review = ReviewFactory(declared=True)
    officer, other_reviewer = amo_officer(), ReviewFactory(proposal=review.proposal).reviewer
    assert permissions.can_read_review(review.reviewer, review)
    assert not permissions.can_read_review(officer, review)  # not submitted yet
    review.status = "submitted"
    assert permissions.can_read_review(officer, review)
    assert not permissions.can_read_review(other_reviewer, review)
    assert not permissions.can_read_review(amo_officer("auoi-mk"), review)
    assert not permissions.can_read_review(coordinator(totp=True), review)


def test_only_the_reviewer_opens_a_review():
    review = ReviewFactory()
    assert permissions.can_open_review(review.reviewer, review)
    assert not permissions.can_open_review(amo_officer(), review)
    assert not permissions.can_open_review(AnonymousUser(), review)


def test_returning_a_decision_follows_the_four_eyes_rule():
    _call, (proposal,) = closed_call_with_proposals(1, status="under_review")
    proposer = amo_officer()
    decision = Decision.objects.create(proposal=proposal, outcome="rejected", reasons="x", proposed_by=proposer)
    assert not permissions.can_return_decision(proposer, decision)
    assert permissions.can_return_decision(amo_officer(), decision)
    assert not permissions.can_return_decision(amo_officer("auoi-mk"), decision)
    decision.status = "returned"
    assert not permissions.can_return_decision(amo_officer(), decision)
