"""Who may do what with calls, proposals, reviews and decisions. Plain functions, each tested alone.

Roles, in the domain's words:
- officers of the call's own office manage the call, its reviewers, the ranking and the decisions;
  officers of another office see only what the public sees;
- members (admin or not) of a verified CSO draft proposals; only the CSO's admin submits or withdraws;
- a partner CSO's admin accepts or declines; its members read the proposal they are partners in;
- a reviewer sees the applicant's name and the property until they declare no conflict of interest;
  after that, the proposal; a recused reviewer sees nothing more; no reviewer sees other reviews;
- network coordinators see what the public sees: proposals are between the applicant and the office.

Every view decides access through one of these; none of them touches request state.
"""

from django.utils import timezone

from network.models import Organisation
from network.permissions import is_admin, is_member
from reuse_projects.permissions import is_officer_of

from .models import Call, Decision, Proposal, ProposalPartner, Review


def _verified_cso(organisation) -> bool:
    return (
        organisation is not None
        and organisation.kind == Organisation.Kind.CSO
        and organisation.status == Organisation.Status.VERIFIED
    )


# Calls


def can_manage_call(user, call: Call) -> bool:
    """Create, edit, publish, cancel; answer questions; site visits; reviewers; ranking; decisions."""
    return is_officer_of(user, call.amo)


def can_view_call(user, call: Call) -> bool:
    return call.status != Call.Status.DRAFT or can_manage_call(user, call)


def can_ask_question(user, call: Call, organisation) -> bool:
    """Members of a verified CSO, while the call is published and not closed."""
    return (
        call.status == Call.Status.PUBLISHED
        and timezone.now() < call.closes_at
        and _verified_cso(organisation)
        and is_member(user, organisation)
    )


def can_book_site_visit(user, call: Call, organisation) -> bool:
    return can_ask_question(user, call, organisation)


def can_create_call(user, amo) -> bool:
    """Officers of the office start its calls."""
    return is_officer_of(user, amo)


def can_cancel_site_visit_booking(user, booking) -> bool:
    """A live booking: members of the organisation that booked it, and the call's office."""
    if booking.cancelled_at is not None or not user.is_authenticated:
        return False
    return is_member(user, booking.organisation) or can_manage_call(user, booking.slot.call)


# Proposals


def can_draft_proposal(user, call: Call, organisation) -> bool:
    """Start a proposal: an admin or member of a verified CSO, while the call is open."""
    return call.is_open() and _verified_cso(organisation) and is_member(user, organisation)


def is_partner_member(user, proposal: Proposal) -> bool:
    """A member of a partner CSO that has been invited to (and has not declined) the proposal."""
    if not user.is_authenticated:
        return False
    partner_ids = {
        partner.organisation_id for partner in _partners(proposal)
        if partner.status != ProposalPartner.Status.DECLINED
    }
    return any(is_member(user, Organisation(pk=pk)) for pk in partner_ids)


def _partners(proposal: Proposal):
    cache = getattr(proposal, "_prefetched_objects_cache", {})
    return cache["partners"] if "partners" in cache else list(proposal.partners.all())


def can_view_proposal(user, proposal: Proposal) -> bool:
    """The applicant's members, its partners' members, and (once submitted) the office's officers."""
    if is_member(user, proposal.organisation) or is_partner_member(user, proposal):
        return True
    return proposal.submitted_at is not None and is_officer_of(user, proposal.call.amo)


def can_edit_proposal(user, proposal: Proposal) -> bool:
    """Edit content and attachments: the applicant's members, while editable and before the deadline."""
    return (
        proposal.is_editable
        and proposal.call.status == Call.Status.PUBLISHED  # a cancelled call takes no more work
        and timezone.now() < proposal.deadline
        and _verified_cso(proposal.organisation)
        and is_member(user, proposal.organisation)
    )


def can_submit_proposal(user, proposal: Proposal) -> bool:
    """Submit (or resubmit after changes) and invite partners: only the applicant's admin."""
    return can_edit_proposal(user, proposal) and is_admin(user, proposal.organisation)


def can_invite_partner(user, proposal: Proposal) -> bool:
    return can_submit_proposal(user, proposal)


def can_withdraw_proposal(user, proposal: Proposal) -> bool:
    return proposal.status not in (*Proposal.DECIDED_STATUSES, Proposal.Status.WITHDRAWN) and is_admin(
        user, proposal.organisation
    )


def can_respond_to_partnership(user, partner: ProposalPartner) -> bool:
    """Accept or decline: the partner CSO's admin, while the proposal can still change."""
    return (
        partner.status == ProposalPartner.Status.INVITED
        and partner.proposal.is_editable
        and _verified_cso(partner.organisation)
        and is_admin(user, partner.organisation)
    )


def can_view_attachment(user, proposal: Proposal) -> bool:
    return can_view_proposal(user, proposal) or reviewer_can_read(user, proposal)


def can_message_office(user, proposal: Proposal) -> bool:
    """Reply to the office's messages: the applicant's members, once the proposal is submitted."""
    return proposal.submitted_at is not None and is_member(user, proposal.organisation)


# Office work on proposals


def can_handle_proposal(user, proposal: Proposal) -> bool:
    """Start review, request changes, assign reviewers, propose a decision: the office's officers."""
    return proposal.submitted_at is not None and is_officer_of(user, proposal.call.amo)


def can_request_changes(user, proposal: Proposal) -> bool:
    """Once per proposal."""
    return can_handle_proposal(user, proposal) and proposal.changes_requested_at is None


def can_confirm_decision(user, decision: Decision) -> bool:
    """Four eyes: another officer of the same office than the one who proposed it."""
    return (
        decision.status == Decision.Status.PROPOSED
        and is_officer_of(user, decision.proposal.call.amo)
        and user.pk != decision.proposed_by_id
    )


def can_view_ranking(user, call: Call) -> bool:
    """The office's officers, except one who is also a reviewer of the call and has not finished reviewing:
    their own scores must not be swayed by the others'."""
    return can_manage_call(user, call) and not has_unfinished_reviews(user, call)


def has_unfinished_reviews(user, call: Call) -> bool:
    """A reviewer of the call with a review not yet submitted (nor recused)."""
    if not user.is_authenticated:
        return False
    cache = user.__dict__.setdefault("_unfinished_review_calls", {})
    if call.pk not in cache:
        cache[call.pk] = Review.objects.filter(
            proposal__call_id=call.pk, reviewer=user, status__in=(Review.Status.ASSIGNED, Review.Status.IN_PROGRESS)
        ).exists()
    return cache[call.pk]


def can_start_review(user, proposal: Proposal) -> bool:
    return can_handle_proposal(user, proposal)


def can_propose_decision(user, proposal: Proposal) -> bool:
    return can_handle_proposal(user, proposal)


def can_return_decision(user, decision: Decision) -> bool:
    """Send a proposed decision back: the same second officer who could confirm it."""
    return can_confirm_decision(user, decision)


# Reviews


def can_declare_conflict(user, review: Review) -> bool:
    return review.reviewer_id == user.pk and review.status == Review.Status.ASSIGNED


def can_score(user, review: Review) -> bool:
    """Score and submit: the reviewer, after declaring no conflict, until they submit."""
    return review.reviewer_id == user.pk and review.status == Review.Status.IN_PROGRESS


def can_read_review(user, review: Review) -> bool:
    """A submitted review: its author and the office's officers. Never another reviewer, and not an
    officer who is also reviewing the call until they have submitted their own reviews."""
    if review.reviewer_id == user.pk:
        return True
    call = review.proposal.call
    return (
        review.status == Review.Status.SUBMITTED
        and is_officer_of(user, call.amo)
        and not has_unfinished_reviews(user, call)
    )


def reviewer_can_read(user, proposal: Proposal) -> bool:
    """The proposal's content: a reviewer of it who has declared no conflict of interest."""
    if not user.is_authenticated:
        return False
    return Review.objects.filter(
        proposal=proposal, reviewer=user, status__in=(Review.Status.IN_PROGRESS, Review.Status.SUBMITTED)
    ).exists()


# The audit trail


def can_view_audit(user, call: Call) -> bool:
    """A call's audit trail (every event with its hash): the office's officers."""
    return can_manage_call(user, call)


def can_open_review(user, review: Review) -> bool:
    """The review's page (declaration, then scoring): only its reviewer."""
    return user.is_authenticated and review.reviewer_id == user.pk


def can_manage_reviewers(user, call: Call) -> bool:
    """Appoint and remove reviewers: the office's officers, while the call is not cancelled."""
    return can_manage_call(user, call) and call.status != Call.Status.CANCELLED
