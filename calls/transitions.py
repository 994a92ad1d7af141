"""The one table of allowed proposal moves. Services consult it; nothing else changes a proposal's status."""

from django.utils.translation import gettext_lazy as _

from .models import Proposal

Status = Proposal.Status

# action -> (allowed from statuses, to status)
PROPOSAL_TRANSITIONS = {
    "submit": ({Status.DRAFT}, Status.SUBMITTED),
    "start_review": ({Status.SUBMITTED}, Status.UNDER_REVIEW),
    "request_changes": ({Status.SUBMITTED, Status.UNDER_REVIEW}, Status.CHANGES_REQUESTED),
    "resubmit": ({Status.CHANGES_REQUESTED}, Status.SUBMITTED),
    "approve": ({Status.UNDER_REVIEW}, Status.APPROVED),
    "reject": ({Status.SUBMITTED, Status.UNDER_REVIEW, Status.CHANGES_REQUESTED}, Status.REJECTED),
    "withdraw": ({Status.DRAFT, Status.SUBMITTED, Status.UNDER_REVIEW, Status.CHANGES_REQUESTED}, Status.WITHDRAWN),
}

ACTION_LABELS = {
    "submit": _("Submitted"),
    "start_review": _("Review started"),
    "request_changes": _("Changes requested"),
    "resubmit": _("Submitted again with changes"),
    "approve": _("Approved"),
    "reject": _("Rejected"),
    "withdraw": _("Withdrawn"),
}


def can_move(proposal: Proposal, action: str) -> bool:
    return proposal.status in PROPOSAL_TRANSITIONS[action][0]


def refusal_message(proposal: Proposal, action: str) -> str:
    target = PROPOSAL_TRANSITIONS[action][1]
    return _("This proposal is “%(status)s”: it cannot become “%(target)s”.") % {
        "status": proposal.get_status_display(), "target": Status(target).label,
    }
