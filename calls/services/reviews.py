"""Writes of the review stage: appointing reviewers, starting the review, asking for changes, the reviewers'
conflict-of-interest declarations and scores. Each in one transaction, each appended to the audit log.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from network.services import ActionRefused

from .. import permissions
from ..audit import audit_append
from ..context_processors import forget_has_reviews
from ..models import Call, CallReviewer, Decision, Proposal, ProposalMessage, Review, ReviewScore
from ..notifications import link, members_of, notify
from ..transitions import PROPOSAL_TRANSITIONS, can_move, refusal_message

MESSAGE_MAX_LENGTH = 8000
NOTE_MAX_LENGTH = 2000
COMMENT_MAX_LENGTH = 8000
SCORE_COMMENT_MAX_LENGTH = 4000


def _create_reviews(*, proposals, users, actor) -> list[Review]:
    """A review (waiting for the declaration) for each pair that has none yet."""
    proposals, users = list(proposals), list(users)
    existing = set(
        Review.objects.filter(proposal__in=proposals, reviewer__in=users).values_list("proposal_id", "reviewer_id")
    )
    new = [
        Review(proposal=proposal, reviewer=user, assigned_by=actor)
        for proposal in proposals for user in users if (proposal.pk, user.pk) not in existing
    ]
    forget_has_reviews(review.reviewer_id for review in new)
    return Review.objects.bulk_create(new)


def _audit_reviews(reviews, *, actor, call_id):
    for review in reviews:
        audit_append(action="review_assigned", obj=review, actor=actor, call_id=call_id,
                     data={"proposal": review.proposal_id, "reviewer": review.reviewer_id})


def _notify_assigned(reviews, *, call):
    by_user = {}
    for review in reviews:
        by_user.setdefault(review.reviewer_id, [review.reviewer, 0])[1] += 1
    for user, count in by_user.values():
        notify(users=[user], kind="review_assigned", context={"call": call, "count": count}, url=link("review_queue"))


# Reviewers ----------------------------------------------------------------------------------------

@transaction.atomic
def reviewer_appoint(*, call: Call, actor, email: str) -> CallReviewer:
    """Appoint a person with an account (office staff or an outside expert) to review the call's proposals."""
    if not permissions.can_manage_reviewers(actor, call):
        raise ActionRefused(_("Only officers of the call's office can appoint reviewers."))
    email = (email or "").strip()
    user = get_user_model().objects.filter(email__iexact=email, is_active=True).first() if email else None
    if user is None:
        raise ActionRefused(
            _("Nobody has an account with the e-mail address %(email)s: ask them to create an account first.")
            % {"email": email[:254]}
        )
    if CallReviewer.objects.filter(call=call, user=user).exists():
        raise ActionRefused(_("%(name)s is already a reviewer of this call.") % {"name": user})
    appointment = CallReviewer.objects.create(call=call, user=user, appointed_by=actor)
    audit_append(action="reviewer_appointed", obj=appointment, actor=actor, call_id=call.pk,
                 data={"reviewer": user.pk})
    proposals = Proposal.objects.filter(call=call, status=Proposal.Status.UNDER_REVIEW)
    reviews = _create_reviews(proposals=proposals, users=[user], actor=actor)
    _audit_reviews(reviews, actor=actor, call_id=call.pk)
    notify(users=[user], kind="review_assigned", context={"call": call, "count": len(reviews)},
           url=link("review_queue"))
    return appointment


@transaction.atomic
def reviewer_remove(*, call_reviewer: CallReviewer, actor) -> None:
    """Remove a reviewer who has submitted nothing for the call; their unsubmitted reviews go with them."""
    call = call_reviewer.call
    if not permissions.can_manage_reviewers(actor, call):
        raise ActionRefused(_("Only officers of the call's office can remove reviewers."))
    reviews = Review.objects.select_for_update().filter(proposal__call=call, reviewer_id=call_reviewer.user_id)
    if any(review.status == Review.Status.SUBMITTED for review in reviews):
        raise ActionRefused(_("This reviewer has already submitted a review for this call: they stay on it."))
    removed = [review.pk for review in reviews]
    audit_append(action="reviewer_removed", obj=call_reviewer, actor=actor, call_id=call.pk,
                 data={"reviewer": call_reviewer.user_id, "reviews_removed": removed})
    Review.objects.filter(pk__in=removed).delete()
    call_reviewer.delete()
    forget_has_reviews([call_reviewer.user_id])


# Starting the review, asking for changes ----------------------------------------------------------

def _check_review_can_start(proposal: Proposal, actor):
    if not permissions.can_start_review(actor, proposal):
        raise ActionRefused(_("Only officers of the call's office can start the review."))
    # Reviewers see every proposal of the call at once, so the review starts only after the call closes.
    if proposal.call.phase() != Call.Phase.CLOSED:
        raise ActionRefused(_("The review starts once the call has closed."))
    if not can_move(proposal, "start_review"):
        raise ActionRefused(refusal_message(proposal, "start_review"))


def _start_review(proposal: Proposal, actor, reviewers) -> list[Review]:
    from_status = proposal.status
    proposal.status = PROPOSAL_TRANSITIONS["start_review"][1]
    proposal.save(update_fields=["status", "updated_at"])
    audit_append(action="start_review", obj=proposal, actor=actor, call_id=proposal.call_id,
                 data={"from": from_status, "to": proposal.status})
    reviews = _create_reviews(proposals=[proposal], users=reviewers, actor=actor)
    _audit_reviews(reviews, actor=actor, call_id=proposal.call_id)
    return reviews


@transaction.atomic
def proposal_start_review(*, proposal: Proposal, actor) -> list[Review]:
    """Put a submitted proposal under review (once the call has closed); every appointed reviewer gets it."""
    proposal = Proposal.objects.select_for_update().select_related("call__amo").get(pk=proposal.pk)
    _check_review_can_start(proposal, actor)
    reviewers = [appointment.user for appointment in proposal.call.reviewers.select_related("user")]
    reviews = _start_review(proposal, actor, reviewers)
    _notify_assigned(reviews, call=proposal.call)
    return reviews


@transaction.atomic
def call_start_review(*, call: Call, actor) -> list[Proposal]:
    """Put every submitted proposal of a closed call under review at once. Returns the proposals started."""
    if not permissions.can_manage_call(actor, call):
        raise ActionRefused(_("Only officers of the call's office can start the review."))
    if call.phase() != Call.Phase.CLOSED:
        raise ActionRefused(_("The review starts once the call has closed."))
    proposals = list(
        Proposal.objects.select_for_update().filter(call=call, status=Proposal.Status.SUBMITTED).order_by("pk")
    )
    if not proposals:
        raise ActionRefused(_("No submitted proposal is waiting for the review to start."))
    reviewers = [appointment.user for appointment in call.reviewers.select_related("user")]
    reviews = []
    for proposal in proposals:
        proposal.call = call
        reviews += _start_review(proposal, actor, reviewers)
    _notify_assigned(reviews, call=call)
    return proposals


@transaction.atomic
def proposal_request_changes(*, proposal: Proposal, actor, message: str, deadline) -> ProposalMessage:
    """Ask the applicant, once, for changes by a new deadline; the proposal can be edited again until then."""
    proposal = Proposal.objects.select_for_update().select_related("call__amo").get(pk=proposal.pk)
    if not permissions.can_handle_proposal(actor, proposal):
        raise ActionRefused(_("Only officers of the call's office can request changes."))
    if not permissions.can_request_changes(actor, proposal):
        raise ActionRefused(_("Changes have already been requested once for this proposal."))
    if not can_move(proposal, "request_changes"):
        raise ActionRefused(refusal_message(proposal, "request_changes"))
    if proposal.decisions.filter(status=Decision.Status.PROPOSED).exists():
        # A decision waits for the second officer: it is confirmed or sent back first.
        raise ActionRefused(str(Decision.Status.PROPOSED.label))
    message = (message or "").strip()
    if not message:
        raise ActionRefused(_("Please say what should change."))
    if len(message) > MESSAGE_MAX_LENGTH:
        raise ActionRefused(_("The message is too long (at most %(max)s characters).") % {"max": MESSAGE_MAX_LENGTH})
    now = timezone.now()
    if deadline is None or deadline <= now:
        raise ActionRefused(_("The new deadline must be in the future."))
    from_status = proposal.status
    proposal.status = PROPOSAL_TRANSITIONS["request_changes"][1]
    proposal.changes_requested_at = now
    proposal.changes_deadline = deadline
    proposal.save(update_fields=["status", "changes_requested_at", "changes_deadline", "updated_at"])
    note = ProposalMessage.objects.create(proposal=proposal, author=actor, from_office=True, body=message)
    audit_append(action="request_changes", obj=proposal, actor=actor, call_id=proposal.call_id,
                 data={"from": from_status, "to": proposal.status, "deadline": deadline, "message": message})
    notify(
        users=members_of(proposal.organisation_id), kind="changes_requested",
        context={"proposal": proposal, "call": proposal.call, "message": message, "deadline": deadline,
                 "time_zone": proposal.call.time_zone},
        url=link("proposal_detail", pk=proposal.pk),
    )
    return note


# The reviewer's work ------------------------------------------------------------------------------

@transaction.atomic
def review_declare(*, review: Review, actor, has_conflict: bool, note: str = "") -> Review:
    """The conflict-of-interest declaration: a conflict recuses the reviewer; none opens the proposal to them."""
    review = Review.objects.select_for_update().select_related("proposal").get(pk=review.pk)
    if not permissions.can_declare_conflict(actor, review):
        raise ActionRefused(_("This declaration has already been made, or the review is not yours."))
    note = (note or "").strip()
    if has_conflict and not note:
        raise ActionRefused(_("Please describe the conflict of interest: it is kept on record."))
    if len(note) > NOTE_MAX_LENGTH:
        raise ActionRefused(_("The explanation is too long (at most %(max)s characters).") % {"max": NOTE_MAX_LENGTH})
    review.declared_at = timezone.now()
    review.status = Review.Status.RECUSED if has_conflict else Review.Status.IN_PROGRESS
    review.conflict_note = note if has_conflict else ""
    review.save(update_fields=["declared_at", "status", "conflict_note"])
    audit_append(action="review_declared", obj=review, actor=actor, call_id=review.proposal.call_id,
                 data={"proposal": review.proposal_id, "has_conflict": bool(has_conflict),
                       "note": review.conflict_note})
    return review


def _clean_scores(review: Review, scores: dict, *, complete: bool) -> dict:
    """{criterion_id: (score or None, comment)} checked against the call's criteria."""
    criteria = {criterion.pk: criterion for criterion in review.proposal.call.criteria.all()}
    cleaned = {}
    for key, value in (scores or {}).items():
        try:
            criterion = criteria[int(key)]
            score, comment = value
        except (KeyError, TypeError, ValueError):
            raise ActionRefused(_("A score refers to a criterion this call does not have.")) from None
        comment = (comment or "").strip()
        if len(comment) > SCORE_COMMENT_MAX_LENGTH:
            raise ActionRefused(_("A comment on “%(criterion)s” is too long (at most %(max)s characters).")
                                % {"criterion": criterion.title, "max": SCORE_COMMENT_MAX_LENGTH})
        if score is not None and score != "":
            try:
                score = int(str(score).strip())  # "2.5" or 2.5 is refused, not truncated
            except (TypeError, ValueError):
                raise ActionRefused(_("The score for “%(criterion)s” must be a whole number.")
                                    % {"criterion": criterion.title}) from None
            if not 0 <= score <= criterion.max_score:
                raise ActionRefused(_("The score for “%(criterion)s” must be between 0 and %(max)s.")
                                    % {"criterion": criterion.title, "max": criterion.max_score})
        else:
            score = None
        cleaned[criterion.pk] = (score, comment)
    if complete:
        missing = [c.title for pk, c in criteria.items() if cleaned.get(pk, (None, ""))[0] is None]
        if missing:
            raise ActionRefused(_("Please score every criterion before submitting: %(criteria)s.")
                                % {"criteria": ", ".join(missing)})
    return cleaned


def _save_review(review: Review, actor, scores, recommendation, comment, *, complete: bool):
    if not permissions.can_score(actor, review):
        raise ActionRefused(_("This review cannot be changed: it is not yours, not declared yet, or submitted."))
    cleaned = _clean_scores(review, scores, complete=complete)
    recommendation = recommendation or ""
    if recommendation not in Review.Recommendation.values and recommendation != "":
        raise ActionRefused(_("Please choose one of the recommendations offered."))
    if complete and not recommendation:
        raise ActionRefused(_("Please give your recommendation before submitting."))
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX_LENGTH:
        raise ActionRefused(_("The comment is too long (at most %(max)s characters).") % {"max": COMMENT_MAX_LENGTH})
    existing = {score.criterion_id: score for score in review.scores.all()}
    for criterion_id, (score, criterion_comment) in cleaned.items():
        row = existing.get(criterion_id)
        if score is None:
            if row is not None:
                row.delete()
            continue
        if row is None:
            ReviewScore.objects.create(review=review, criterion_id=criterion_id, score=score,
                                       comment=criterion_comment)
        elif (row.score, row.comment) != (score, criterion_comment):
            row.score, row.comment = score, criterion_comment
            row.save(update_fields=["score", "comment"])
    review.recommendation, review.comment = recommendation, comment
    return cleaned


@transaction.atomic
def review_save(*, review: Review, actor, scores: dict, recommendation: str = "", comment: str = "") -> Review:
    """Save a draft of the scores (any subset of the criteria) while the review is in progress."""
    review = Review.objects.select_for_update().select_related("proposal__call").get(pk=review.pk)
    _save_review(review, actor, scores, recommendation, comment, complete=False)
    review.save(update_fields=["recommendation", "comment"])
    return review


@transaction.atomic
def review_submit(*, review: Review, actor, scores: dict, recommendation: str, comment: str = "") -> Review:
    """Submit the review: every criterion scored within its range and a recommendation. It is frozen then."""
    review = Review.objects.select_for_update().select_related("proposal__call").get(pk=review.pk)
    cleaned = _save_review(review, actor, scores, recommendation, comment, complete=True)
    review.status = Review.Status.SUBMITTED
    review.submitted_at = timezone.now()
    review.save(update_fields=["recommendation", "comment", "status", "submitted_at"])
    audit_append(action="review_submitted", obj=review, actor=actor, call_id=review.proposal.call_id, data={
        "proposal": review.proposal_id,
        "scores": {str(pk): score for pk, (score, _comment) in sorted(cleaned.items())},
        "recommendation": review.recommendation,
    })
    return review
