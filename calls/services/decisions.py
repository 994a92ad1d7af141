"""Four-eyes decisions: one officer proposes the outcome with reasons, another officer of the office confirms
it (or sends it back). Confirming an approval assigns the property, rejects every other live proposal for it
and creates the re-use agreement, all in one transaction under a lock on the property row.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from network.services import ActionRefused, checked_text
from reuse_projects.models import Property
from reuse_projects.services import property_change_status

from .. import permissions
from ..audit import audit_append
from ..models import Decision, Proposal, ProposalMessage, ReuseAgreement
from ..notifications import link, members_of, notify
from ..selectors.reviews import proposal_weighted_score
from ..transitions import PROPOSAL_TRANSITIONS, can_move, refusal_message

REASONS_MAX_LENGTH = 8000
OBLIGATIONS_MAX_LENGTH = 10000
LIVE_STATUSES = (Proposal.Status.SUBMITTED, Proposal.Status.UNDER_REVIEW, Proposal.Status.CHANGES_REQUESTED)
ACTION_FOR_OUTCOME = {Decision.Outcome.APPROVED: "approve", Decision.Outcome.REJECTED: "reject"}


@transaction.atomic
def decision_propose(
    *, proposal: Proposal, actor, outcome: str, reasons: str, agreement_start=None, agreement_term_months=None,
    agreement_obligations: str = "", reporting_every_months=None,
) -> Decision:
    """Propose an outcome with written reasons (and, for an approval, the agreement's terms) for a second
    officer to confirm."""
    # Locked in the order decision_confirm uses: the property, then the proposal.
    list(Property.objects.select_for_update().filter(pk=proposal.property_id).values_list("pk", flat=True))
    proposal = Proposal.objects.select_for_update().select_related("call__amo", "property").get(pk=proposal.pk)
    if not permissions.can_propose_decision(actor, proposal):
        raise ActionRefused(_("Only officers of the call's office can propose a decision."))
    if outcome not in ACTION_FOR_OUTCOME:
        raise ActionRefused(_("Please choose approve or reject."))
    action = ACTION_FOR_OUTCOME[outcome]
    if not can_move(proposal, action):
        raise ActionRefused(refusal_message(proposal, action))
    if proposal.decisions.filter(status=Decision.Status.PROPOSED).exists():
        raise ActionRefused(_("A decision on this proposal is already waiting for a second officer."))
    reasons = checked_text(reasons, max_length=REASONS_MAX_LENGTH,
                          empty_message=_("Please give the reasons: they are sent to the applicant."))
    obligations = (agreement_obligations or "").strip()
    if len(obligations) > OBLIGATIONS_MAX_LENGTH:
        raise ActionRefused(_("The text is too long (at most %(max)s characters).") % {"max": OBLIGATIONS_MAX_LENGTH})
    decision = Decision(proposal=proposal, outcome=outcome, reasons=reasons, proposed_by=actor)
    if outcome == Decision.Outcome.APPROVED:
        if agreement_start is None or agreement_term_months is None or reporting_every_months is None:
            raise ActionRefused(_("An approval needs the agreement's start, term and reporting period."))
        if not 1 <= int(agreement_term_months) <= 1200:
            raise ActionRefused(_("The term must be between 1 and 1200 months."))
        if not 1 <= int(reporting_every_months) <= 60:
            raise ActionRefused(_("Results reports are due every 1 to 60 months."))
        rival = (
            Proposal.objects.filter(property_id=proposal.property_id, call_id=proposal.call_id)
            .exclude(pk=proposal.pk).filter(status=Proposal.Status.APPROVED).exists()
            or Decision.objects.filter(
                proposal__property_id=proposal.property_id, proposal__call_id=proposal.call_id,
                status=Decision.Status.PROPOSED,
                outcome=Decision.Outcome.APPROVED,
            ).exclude(proposal=proposal).exists()
        )
        if rival:
            raise ActionRefused(
                _("Another proposal for this property is approved or has an approval waiting for confirmation.")
            )
        decision.agreement_start = agreement_start
        decision.agreement_term_months = int(agreement_term_months)
        decision.agreement_obligations = obligations
        decision.reporting_every_months = int(reporting_every_months)
    decision.weighted_score = proposal_weighted_score(proposal)
    try:
        decision.full_clean()
    except ValidationError as error:
        raise ActionRefused(" ".join(error.messages)) from None
    decision.save()
    audit_append(action="decision_proposed", obj=decision, actor=actor, call_id=proposal.call_id, data={
        "proposal": proposal.pk, "outcome": outcome, "reasons": reasons, "weighted_score": decision.weighted_score,
        "agreement_start": decision.agreement_start, "agreement_term_months": decision.agreement_term_months,
        "reporting_every_months": decision.reporting_every_months, "obligations": decision.agreement_obligations,
    })
    notify(
        users=[user for user in members_of(proposal.call.amo_id) if user.pk != actor.pk], kind="decision_to_confirm",
        context={"proposal": proposal, "decision": decision, "proposer": actor},
        url=link("office_proposal", pk=proposal.pk),
    )
    return decision


def _apply(proposal: Proposal, action: str, *, actor, decision: Decision, now):
    from_status = proposal.status
    proposal.status = PROPOSAL_TRANSITIONS[action][1]
    proposal.decided_at = now
    proposal.save(update_fields=["status", "decided_at", "updated_at"])
    ProposalMessage.objects.create(proposal=proposal, author=actor, from_office=True, body=decision.reasons)
    audit_append(action=action, obj=proposal, actor=actor, call_id=proposal.call_id,
                 data={"from": from_status, "to": proposal.status, "decision": decision.pk,
                       "automatic": decision.automatic})
    notify(users=members_of(proposal.organisation_id), kind="decision",
           context={"proposal": proposal, "decision": decision}, url=link("proposal_detail", pk=proposal.pk))


@transaction.atomic
def decision_confirm(*, decision: Decision, actor) -> Decision:
    """The second officer confirms: the proposal is approved or rejected, with everything that follows."""
    proposal_id = decision.proposal_id
    property_id = Proposal.objects.values_list("property_id", flat=True).get(pk=proposal_id)
    # The property row is the lock every confirmation for the property queues on: two officers confirming
    # two approvals at the same moment are served one after the other, and the second sees the first.
    property = Property.objects.select_for_update().get(pk=property_id)
    proposal = Proposal.objects.select_for_update().select_related("call__amo", "organisation").get(pk=proposal_id)
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    decision.proposal = proposal
    if not permissions.can_confirm_decision(actor, decision):
        if decision.status != Decision.Status.PROPOSED:
            raise ActionRefused(_("This decision is no longer waiting for confirmation."))
        raise ActionRefused(_("Another officer of the office than the one who proposed it must confirm it."))
    action = ACTION_FOR_OUTCOME[decision.outcome]
    if not can_move(proposal, action):
        raise ActionRefused(refusal_message(proposal, action))
    approving = decision.outcome == Decision.Outcome.APPROVED
    # Within the call: a property re-used and returned may be given again under a later call.
    if approving and Proposal.objects.filter(
        property=property, call_id=proposal.call_id, status=Proposal.Status.APPROVED
    ).exists():
        raise ActionRefused(_("Another proposal for this property has already been approved."))
    now = timezone.now()
    decision.status, decision.confirmed_by, decision.confirmed_at = Decision.Status.CONFIRMED, actor, now
    decision.save(update_fields=["status", "confirmed_by", "confirmed_at"])
    audit_append(action="decision_confirmed", obj=decision, actor=actor, call_id=proposal.call_id,
                 data={"proposal": proposal.pk, "outcome": decision.outcome, "proposed_by": decision.proposed_by_id})
    _apply(proposal, action, actor=actor, decision=decision, now=now)
    if approving:
        _reject_the_others(proposal, decision=decision, actor=actor, now=now)
        property_change_status(
            property=property, actor=actor, action="assign",
            reason=_("Proposal %(reference)s approved") % {"reference": proposal.reference},
        )
        agreement = ReuseAgreement.objects.create(
            proposal=proposal, property=property, organisation=proposal.organisation,
            start_date=decision.agreement_start, term_months=decision.agreement_term_months,
            obligations=decision.agreement_obligations, reporting_every_months=decision.reporting_every_months,
        )
        audit_append(action="agreement_created", obj=agreement, actor=actor, call_id=proposal.call_id, data={
            "proposal": proposal.pk, "property": property.pk, "organisation": proposal.organisation_id,
            "start_date": agreement.start_date, "term_months": agreement.term_months,
            "reporting_every_months": agreement.reporting_every_months, "obligations": agreement.obligations,
        })
    return decision


def _reject_the_others(approved: Proposal, *, decision: Decision, actor, now):
    """Every other live proposal for the property is rejected by an automatic, confirmed decision."""
    others = (
        Proposal.objects.select_for_update().filter(property_id=approved.property_id, status__in=LIVE_STATUSES)
        .exclude(pk=approved.pk).order_by("pk")
    )
    reasons = _("Another proposal was approved for this property")
    for other in others:
        # A decision still waiting on it is overtaken by this one.
        for pending in other.decisions.filter(status=Decision.Status.PROPOSED):
            pending.status, pending.returned_reason = Decision.Status.RETURNED, reasons
            pending.save(update_fields=["status", "returned_reason"])
            audit_append(action="decision_returned", obj=pending, actor=actor, call_id=other.call_id,
                         data={"proposal": other.pk, "reason": reasons, "automatic": True})
        automatic = Decision.objects.create(
            proposal=other, outcome=Decision.Outcome.REJECTED, reasons=reasons, status=Decision.Status.CONFIRMED,
            proposed_by=decision.proposed_by, proposed_at=now, confirmed_by=actor, confirmed_at=now, automatic=True,
        )
        audit_append(action="decision_confirmed", obj=automatic, actor=actor, call_id=other.call_id, data={
            "proposal": other.pk, "outcome": automatic.outcome, "automatic": True, "approved_proposal": approved.pk,
        })
        _apply(other, "reject", actor=actor, decision=automatic, now=now)


@transaction.atomic
def decision_return(*, decision: Decision, actor, reason: str) -> Decision:
    """The second officer sends a proposed decision back to be reconsidered; the proposal stays where it is."""
    decision = Decision.objects.select_for_update().select_related("proposal__call__amo").get(pk=decision.pk)
    if not permissions.can_return_decision(actor, decision):
        if decision.status != Decision.Status.PROPOSED:
            raise ActionRefused(_("This decision is no longer waiting for confirmation."))
        raise ActionRefused(_("Another officer of the office than the one who proposed it must send it back."))
    reason = checked_text(reason, max_length=4000,
                         empty_message=_("Please say why you send it back."))
    decision.status, decision.returned_reason = Decision.Status.RETURNED, reason
    decision.save(update_fields=["status", "returned_reason"])
    proposal = decision.proposal
    audit_append(action="decision_returned", obj=decision, actor=actor, call_id=proposal.call_id,
                 data={"proposal": proposal.pk, "reason": reason})
    if decision.proposed_by is not None:
        notify(users=[decision.proposed_by], kind="decision_returned",
               context={"proposal": proposal, "decision": decision, "officer": actor},
               url=link("office_proposal", pk=proposal.pk))
    return decision
