"""Reads for reviewing and deciding: the office's list of a call's proposals, the ranking, the reviewer's queue.

Each runs a fixed number of queries whatever the number of proposals or reviews: rows are fetched once
and the figures computed in Python.
"""

from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q

from ..models import Call, CallCriterion, Decision, Proposal, Review, ReviewScore

TWO_PLACES = Decimal("0.01")


def review_weighted_score(review: Review, criteria: list[CallCriterion]) -> Decimal:
    return _weighted({score.criterion_id: score.score for score in review.scores.all()}, criteria)


@dataclass
class ReviewFigure:
    """One submitted review as the ranking shows it: who, the weighted score, the recommendation."""

    reviewer: str
    weighted_score: Decimal
    recommendation: str


@dataclass
class RankingRow:
    proposal: Proposal
    reviews: list[ReviewFigure]
    # The average score of each criterion over the submitted reviews, in the call's order (None: no score).
    criterion_averages: list
    submitted: int
    assigned: int
    recused: int
    average: Decimal | None
    spread: Decimal | None
    recommendations: list  # [(label, number)] in the order of Review.Recommendation
    pending_outcome: str = ""
    rank: int | None = None


@dataclass
class PropertyRanking:
    property: object
    rows: list[RankingRow]


def _weighted(scores: dict, criteria: list[CallCriterion]) -> Decimal:
    """Sum over the criteria of score / max_score * weight ({criterion id: score}): 0..100 when the weights
    add up to 100."""
    total = sum(
        (Decimal(scores.get(c.pk, 0)) / Decimal(c.max_score) * Decimal(c.weight) for c in criteria), Decimal(0)
    )
    return total.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def call_ranking(call: Call) -> list[PropertyRanking]:
    """Per property of the call, its proposals (not drafts, not withdrawn) by average weighted score, best first.

    Five queries whatever the size: criteria, proposals (with applicant and property), reviews, scores
    and pending decisions, the last three as plain values: a call with 200 proposals has thousands of
    scores, and model instances for each would cost more than the figures.
    """
    criteria = list(call.criteria.all())
    proposals = list(
        Proposal.objects.filter(call=call).submitted().exclude(status=Proposal.Status.WITHDRAWN)
        .select_related("organisation", "property").order_by("property__reference", "pk")
    )
    reviews_of: dict[int, list[dict]] = {}
    for review in Review.objects.filter(proposal__call=call).values(
        "pk", "proposal_id", "status", "recommendation", "reviewer__full_name", "reviewer__email"
    ).order_by("pk"):
        reviews_of.setdefault(review["proposal_id"], []).append(review)
    scores_of: dict[int, dict[int, int]] = {}
    for review_id, criterion_id, score in ReviewScore.objects.filter(
        review__proposal__call=call, review__status=Review.Status.SUBMITTED
    ).values_list("review_id", "criterion_id", "score"):
        scores_of.setdefault(review_id, {})[criterion_id] = score
    outcomes = dict(Decision.Outcome.choices)
    pending = {
        proposal_id: outcomes.get(outcome, outcome)
        for proposal_id, outcome in Decision.objects.filter(
            proposal__call=call, status=Decision.Status.PROPOSED
        ).values_list("proposal_id", "outcome")
    }
    labels = Review.Recommendation.choices
    groups: dict[int, PropertyRanking] = {}
    for proposal in proposals:
        reviews = reviews_of.get(proposal.pk, [])
        submitted = [review for review in reviews if review["status"] == Review.Status.SUBMITTED]
        figures = [
            ReviewFigure(
                reviewer=review["reviewer__full_name"] or review["reviewer__email"],
                weighted_score=_weighted(scores_of.get(review["pk"], {}), criteria),
                recommendation=dict(labels).get(review["recommendation"], ""),
            )
            for review in submitted
        ]
        values = [figure.weighted_score for figure in figures]
        criterion_averages = []
        for criterion in criteria:
            given = [scores_of[r["pk"]][criterion.pk] for r in submitted if criterion.pk in scores_of.get(r["pk"], {})]
            criterion_averages.append(
                (Decimal(sum(given)) / len(given)).quantize(Decimal("0.1"), ROUND_HALF_UP) if given else None
            )
        counts = Counter(review["recommendation"] for review in submitted if review["recommendation"])
        recused = sum(1 for review in reviews if review["status"] == Review.Status.RECUSED)
        row = RankingRow(
            proposal=proposal, reviews=figures, criterion_averages=criterion_averages,
            submitted=len(submitted), assigned=len(reviews) - recused, recused=recused,
            average=(sum(values, Decimal(0)) / len(values)).quantize(TWO_PLACES, ROUND_HALF_UP) if values else None,
            spread=(max(values) - min(values)) if values else None,
            recommendations=[(label, counts[value]) for value, label in labels if counts[value]],
            pending_outcome=pending.get(proposal.pk, ""),
        )
        groups.setdefault(proposal.property_id, PropertyRanking(property=proposal.property, rows=[])).rows.append(row)
    for group in groups.values():
        # Unreviewed proposals last; ties keep the order of submission.
        group.rows.sort(key=lambda row: (row.average is None, -(row.average or 0), row.proposal.submitted_at))
        for rank, row in enumerate(group.rows, start=1):
            row.rank = rank if row.average is not None else None
    return list(groups.values())


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
            "proposal__property__reference", "proposal__property__title", "proposal__property__title_en",
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
