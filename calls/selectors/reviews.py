"""Reads for reviewing and deciding: the office's list of a call's proposals, the ranking, the reviewer's queue.

Each runs a fixed number of queries whatever the number of proposals or reviews: rows are fetched once
and the figures computed in Python.
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Prefetch, Q

from ..models import Call, CallCriterion, Decision, Proposal, Review

TWO_PLACES = Decimal("0.01")


def review_weighted_score(review: Review, criteria: list[CallCriterion]) -> Decimal:
    """Sum over the criteria of score / max_score * weight: 0..100 when the weights add up to 100."""
    scores = {score.criterion_id: score.score for score in review.scores.all()}
    total = sum(
        (Decimal(scores.get(criterion.pk, 0)) / Decimal(criterion.max_score) * Decimal(criterion.weight)
         for criterion in criteria),
        Decimal(0),
    )
    return total.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


@dataclass
class ReviewRow:
    review: Review
    weighted_score: Decimal
    # (criterion, score or None, comment) in the call's order of criteria.
    scores: list = field(default_factory=list)


@dataclass
class RankingRow:
    proposal: Proposal
    reviews: list[ReviewRow]
    submitted: int
    assigned: int
    recused: int
    average: Decimal | None
    spread: Decimal | None
    recommendations: dict
    pending_decision: Decision | None = None
    rank: int | None = None


@dataclass
class PropertyRanking:
    property: object
    rows: list[RankingRow]


def _ranking_row(proposal: Proposal, criteria: list[CallCriterion]) -> RankingRow:
    reviews = list(proposal.reviews.all())
    submitted = [review for review in reviews if review.status == Review.Status.SUBMITTED]
    review_rows = []
    for review in submitted:
        by_criterion = {score.criterion_id: score for score in review.scores.all()}
        scores = [
            (criterion, getattr(by_criterion.get(criterion.pk), "score", None),
             getattr(by_criterion.get(criterion.pk), "comment", ""))
            for criterion in criteria
        ]
        review_rows.append(ReviewRow(review=review, weighted_score=review_weighted_score(review, criteria),
                                     scores=scores))
    figures = [row.weighted_score for row in review_rows]
    average = (sum(figures, Decimal(0)) / len(figures)).quantize(TWO_PLACES, ROUND_HALF_UP) if figures else None
    recused = sum(1 for review in reviews if review.status == Review.Status.RECUSED)
    pending = next((d for d in proposal.decisions.all() if d.status == Decision.Status.PROPOSED), None)
    return RankingRow(
        proposal=proposal,
        reviews=review_rows,
        submitted=len(submitted),
        assigned=len(reviews) - recused,
        recused=recused,
        average=average,
        spread=(max(figures) - min(figures)) if figures else None,
        recommendations=dict(Counter(review.recommendation for review in submitted if review.recommendation)),
        pending_decision=pending,
    )


def _ranked_proposals(call: Call):
    return (
        Proposal.objects.filter(call=call).submitted().exclude(status=Proposal.Status.WITHDRAWN)
        .select_related("organisation", "property")
        .prefetch_related(
            Prefetch("reviews", queryset=Review.objects.select_related("reviewer").order_by("pk")),
            "reviews__scores",
            "decisions",
        )
        .order_by("property__reference", "pk")
    )


def call_ranking(call: Call) -> list[PropertyRanking]:
    """Per property of the call, its proposals (not drafts, not withdrawn) by average weighted score, best first.

    Five queries: criteria, proposals (with applicant and property), reviews, scores, decisions.
    """
    criteria = list(call.criteria.all())
    groups: dict[int, PropertyRanking] = {}
    for proposal in _ranked_proposals(call):
        group = groups.setdefault(proposal.property_id, PropertyRanking(property=proposal.property, rows=[]))
        group.rows.append(_ranking_row(proposal, criteria))
    for group in groups.values():
        # Unreviewed proposals last; ties keep the order of submission.
        group.rows.sort(key=lambda row: (row.average is None, -(row.average or 0), row.proposal.submitted_at))
        for rank, row in enumerate(group.rows, start=1):
            row.rank = rank if row.average is not None else None
    return list(groups.values())


def call_ranking_criteria(call: Call) -> list[CallCriterion]:
    return list(call.criteria.all())


def proposal_weighted_score(proposal: Proposal) -> Decimal | None:
    """The average weighted score of the proposal's submitted reviews (None without any): the ranking's figure."""
    criteria = list(proposal.call.criteria.all())
    reviews = list(proposal.reviews.submitted().prefetch_related("scores"))
    if not reviews:
        return None
    figures = [review_weighted_score(review, criteria) for review in reviews]
    return (sum(figures, Decimal(0)) / len(figures)).quantize(TWO_PLACES, ROUND_HALF_UP)


def call_proposals_for_office(call: Call) -> list[Proposal]:
    """Every proposal the office can see (submitted at least once), with review progress, in one query.

    Each carries `reviews_submitted`, `reviews_expected` (not recused) and `reviews_recused`, and
    `pending_decisions` (0 or 1).
    """
    return list(
        Proposal.objects.filter(call=call).submitted()
        .select_related("organisation", "property")
        .annotate(
            reviews_submitted=Count("reviews", filter=Q(reviews__status=Review.Status.SUBMITTED), distinct=True),
            reviews_expected=Count("reviews", filter=~Q(reviews__status=Review.Status.RECUSED), distinct=True),
            reviews_recused=Count("reviews", filter=Q(reviews__status=Review.Status.RECUSED), distinct=True),
            pending_decisions=Count(
                "decisions", filter=Q(decisions__status=Decision.Status.PROPOSED), distinct=True
            ),
        )
        .order_by("property__reference", "submitted_at", "pk")
    )


def review_queue(user):
    """The reviewer's reviews with only the call, the property and the applicant's name: nothing of the content."""
    return (
        Review.objects.by_reviewer(user)
        .select_related("proposal__call", "proposal__property", "proposal__organisation")
        .only(
            "status", "assigned_at", "declared_at", "submitted_at", "proposal_id", "reviewer_id",
            "proposal__reference", "proposal__call_id", "proposal__property_id", "proposal__organisation_id",
            "proposal__call__title", "proposal__call__closes_at",
            "proposal__property__reference", "proposal__property__title",
            "proposal__organisation__name",
        )
        .order_by("-assigned_at", "-pk")
    )


def call_reviewers_with_progress(call: Call):
    """The call's reviewers, each with counts of their reviews by status, in one query."""
    from ..models import CallReviewer

    def count(status):
        return Count(
            "user__reviews", filter=Q(user__reviews__proposal__call=call, user__reviews__status=status), distinct=True
        )

    return (
        CallReviewer.objects.filter(call=call).select_related("user")
        .annotate(
            reviews_total=Count("user__reviews", filter=Q(user__reviews__proposal__call=call), distinct=True),
            reviews_submitted=count(Review.Status.SUBMITTED),
            reviews_recused=count(Review.Status.RECUSED),
            reviews_waiting=count(Review.Status.ASSIGNED),
        )
        .order_by("appointed_at", "pk")
    )


def proposal_reviews_for_office(proposal: Proposal):
    """The proposal's reviews with their reviewers and scores (two queries)."""
    return list(proposal.reviews.select_related("reviewer").prefetch_related("scores__criterion").order_by("pk"))
