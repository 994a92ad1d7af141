"""Four-eyes decisions: one officer proposes, another confirms or sends back. Confirming an approval assigns
the property, rejects the other live proposals for it and creates the agreement, all recorded."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from calls.models import AuditEntry, Decision, Notification, Proposal, ProposalMessage, ReuseAgreement
from calls.services.decisions import decision_confirm, decision_propose, decision_return
from network.services import ActionRefused
from reuse_projects.models import PropertyEvent
from tests.factories import (
    ProposalFactory,
    UserFactory,
    amo_officer,
    closed_call_with_proposals,
    coordinator,
    cso_member,
    submitted_review,
)

pytestmark = pytest.mark.django_db

TERMS = {"agreement_start": dt.date(2026, 3, 1), "agreement_term_months": 60, "agreement_obligations": "Open daily.",
         "reporting_every_months": 6}


def _approve(proposal, officer, **overrides):
    return decision_propose(proposal=proposal, actor=officer, outcome="approved",
                            reasons="The strongest plan for young people.", **{**TERMS, **overrides})


# Proposing ----------------------------------------------------------------------------------------

def test_an_officer_proposes_an_approval_with_the_ranking_figure_and_the_other_officers_are_asked_to_confirm(
    django_capture_on_commit_callbacks,
):
    _call, (proposal,) = closed_call_with_proposals(1, status="under_review")
    submitted_review(proposal, scores=[10, 5, 5, 0])  # 40 + 15 + 10 + 0 = 65
    submitted_review(proposal, scores=[5, 10, 10, 10])  # 20 + 30 + 20 + 10 = 80
    proposer, colleague = amo_officer(), amo_officer()
    amo_officer("auoi-mk")  # another office: not told
    with django_capture_on_commit_callbacks(execute=True):
        decision = _approve(proposal, proposer)
    assert decision.status == Decision.Status.PROPOSED and decision.weighted_score == Decimal("72.50")
    assert decision.agreement_term_months == 60 and decision.proposed_by == proposer
    notices = Notification.objects.filter(kind="decision_to_confirm")
    assert [n.user_id for n in notices] == [colleague.pk]
    assert [m.to for m in mail.outbox] == [[colleague.email]]
    proposal.refresh_from_db()
    assert proposal.status == "under_review"  # nothing happens before the second officer confirms
    assert AuditEntry.objects.get(action="decision_proposed").data["outcome"] == "approved"


@pytest.mark.parametrize("missing", ["agreement_start", "agreement_term_months", "reporting_every_months"])
def test_an_approval_needs_the_agreements_terms(missing):
    _call, (proposal,) = closed_call_with_proposals(1, status="under_review")
    with pytest.raises(ActionRefused, match="start, term and reporting"):
        _approve(proposal, amo_officer(), **{missing: None})
    assert not Decision.objects.exists() and not AuditEntry.objects.exists()


@pytest.mark.parametrize("overrides", [{"agreement_term_months": 0}, {"agreement_term_months": -5},
                                       {"agreement_term_months": 1201}, {"reporting_every_months": 61},
                                       {"agreement_obligations": "ж" * 10001}])
def test_agreement_terms_out_of_range_are_refused(overrides):
    _call, (proposal,) = closed_call_with_proposals(1, status="under_review")
    with pytest.raises(ActionRefused):
        _approve(proposal, amo_officer(), **overrides)
    assert not Decision.objects.exists()


@pytest.mark.parametrize("reasons", ["", "   ", "x" * 8001])
def test_a_decision_needs_reasons(reasons):
    _call, (proposal,) = closed_call_with_proposals(1, status="under_review")
    with pytest.raises(ActionRefused):
        decision_propose(proposal=proposal, actor=amo_officer(), outcome="rejected", reasons=reasons)
    assert not Decision.objects.exists()


def test_an_unknown_outcome_is_refused():
    _call, (proposal,) = closed_call_with_proposals(1, status="under_review")
    with pytest.raises(ActionRefused):
        decision_propose(proposal=proposal, actor=amo_officer(), outcome="<script>", reasons="Because.")
    assert not Decision.objects.exists()


@pytest.mark.parametrize("status,outcome,allowed", [
    ("submitted", "rejected", True), ("changes_requested", "rejected", True), ("under_review", "rejected", True),
    ("submitted", "approved", False), ("changes_requested", "approved", False),
    ("approved", "rejected", False), ("rejected", "rejected", False), ("withdrawn", "rejected", False),
])
def test_the_transition_table_decides_which_outcomes_can_be_proposed(status, outcome, allowed):
    _call, (proposal,) = closed_call_with_proposals(1, status=status)
    kwargs = TERMS if outcome == "approved" else {}
    if allowed:
        decision_propose(proposal=proposal, actor=amo_officer(), outcome=outcome, reasons="Because.", **kwargs)
        assert Decision.objects.count() == 1
    else:
        with pytest.raises(ActionRefused):
            decision_propose(proposal=proposal, actor=amo_officer(), outcome=outcome, reasons="Because.", **kwargs)
        assert not Decision.objects.exists()


def test_only_one_decision_waits_per_proposal_and_only_one_approval_per_property():
    _call, (first, second) = closed_call_with_proposals(2, status="under_review")
    officer = amo_officer()
    _approve(first, officer)
    with pytest.raises(ActionRefused, match="already waiting"):
        decision_propose(proposal=first, actor=officer, outcome="rejected", reasons="Changed my mind.")
    with pytest.raises(ActionRefused, match="approval waiting"):
        _approve(second, officer)
    # A rejection of the other proposal is still possible.
    decision_propose(proposal=second, actor=officer, outcome="rejected", reasons="Weaker plan.")
    assert Decision.objects.count() == 2


@pytest.mark.parametrize("role", ["other_office", "coordinator", "applicant_admin", "reviewer", "stranger"])
def test_only_the_offices_officers_propose_decisions(role):
    _call, (proposal,) = closed_call_with_proposals(1, status="under_review")
    actor = {
        "other_office": lambda: amo_officer("auoi-mk"),
        "coordinator": lambda: coordinator(totp=True),
        "applicant_admin": lambda: cso_member(proposal.organisation, admin=True),
        "reviewer": lambda: submitted_review(proposal, scores=[1, 1, 1, 1]).reviewer,
        "stranger": UserFactory,
    }[role]()
    with pytest.raises(ActionRefused):
        decision_propose(proposal=proposal, actor=actor, outcome="rejected", reasons="No.")
    assert not Decision.objects.exists()


# Confirming: four eyes ----------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["proposer", "other_office", "coordinator", "applicant_admin", "stranger"])
def test_four_eyes_only_another_officer_of_the_office_confirms(role):
    _call, (proposal,) = closed_call_with_proposals(1, status="under_review")
    proposer = amo_officer()
    decision = _approve(proposal, proposer)
    actor = {
        "proposer": lambda: proposer,
        "other_office": lambda: amo_officer("auoi-mk"),
        "coordinator": lambda: coordinator(totp=True),
        "applicant_admin": lambda: cso_member(proposal.organisation, admin=True),
        "stranger": UserFactory,
    }[role]()
    with pytest.raises(ActionRefused):
        decision_confirm(decision=decision, actor=actor)
    with pytest.raises(ActionRefused):
        decision_return(decision=decision, actor=actor, reason="No.")
    decision.refresh_from_db()
    proposal.refresh_from_db()
    assert decision.status == Decision.Status.PROPOSED and proposal.status == "under_review"
    assert not ReuseAgreement.objects.exists()


def test_the_database_refuses_a_decision_confirmed_by_its_proposer():
    _call, (proposal,) = closed_call_with_proposals(1, status="under_review")
    officer = amo_officer()
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(proposal=proposal, outcome="rejected", reasons="x", proposed_by=officer,
                                confirmed_by=officer, status="confirmed")


def test_confirming_an_approval_assigns_the_property_rejects_the_others_and_creates_the_agreement(
    django_capture_on_commit_callbacks,
):
    call, (chosen, second, third) = closed_call_with_proposals(3, status="under_review")
    Proposal.objects.filter(pk=third.pk).update(status="changes_requested", changes_requested_at=timezone.now())
    withdrawn = ProposalFactory(call=call, submitted=True, status="withdrawn")
    chosen_admin, second_member = cso_member(chosen.organisation, admin=True), cso_member(second.organisation)
    third_admin = cso_member(third.organisation, admin=True)
    proposer, confirmer = amo_officer(), amo_officer()
    decision = _approve(chosen, proposer)
    pending_rejection = decision_propose(proposal=second, actor=proposer, outcome="rejected", reasons="Weaker.")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decision_confirm(decision=decision, actor=confirmer)

    decision.refresh_from_db()
    assert decision.status == "confirmed" and decision.confirmed_by == confirmer
    statuses = dict(Proposal.objects.values_list("pk", "status"))
    assert statuses == {chosen.pk: "approved", second.pk: "rejected", third.pk: "rejected", withdrawn.pk: "withdrawn"}
    chosen.refresh_from_db()
    assert chosen.decided_at is not None
    # The others were rejected by automatic, confirmed decisions; the pending rejection was overtaken.
    automatic = Decision.objects.filter(automatic=True)
    assert {d.proposal_id for d in automatic} == {second.pk, third.pk}
    assert all(d.status == "confirmed" and d.outcome == "rejected" and d.confirmed_by == confirmer for d in automatic)
    assert all(d.reasons == "Another proposal was approved for this property" for d in automatic)
    pending_rejection.refresh_from_db()
    assert pending_rejection.status == "returned"
    # Each applicant gets the reasons as a message from the office, and a notification.
    assert ProposalMessage.objects.get(proposal=chosen).body == "The strongest plan for young people."
    assert ProposalMessage.objects.get(proposal=second).body == "Another proposal was approved for this property"
    assert set(Notification.objects.filter(kind="decision").values_list("user_id", flat=True)) == {
        chosen_admin.pk, second_member.pk, third_admin.pk}
    assert len(mail.outbox) == 3
    # The property is assigned once, through its own lifecycle, and the agreement follows the terms.
    chosen.property.refresh_from_db()
    assert chosen.property.status == "assigned"
    assert PropertyEvent.objects.filter(property=chosen.property, action="assign").count() == 1
    agreement = ReuseAgreement.objects.get()
    assert (agreement.proposal, agreement.organisation, agreement.property) == (
        chosen, chosen.organisation, chosen.property)
    assert (agreement.start_date, agreement.term_months, agreement.reporting_every_months) == (
        dt.date(2026, 3, 1), 60, 6)
    assert agreement.end_date == dt.date(2031, 3, 1)
    # Every event is in the audit log, with the call.
    actions = list(AuditEntry.objects.filter(call_id=call.pk).values_list("action", flat=True))
    assert actions.count("decision_confirmed") == 3 and actions.count("reject") == 2
    assert actions.count("approve") == 1 and actions.count("agreement_created") == 1
    assert actions.count("decision_returned") == 1


def test_confirming_a_rejection_rejects_only_that_proposal():
    _call, (rejected, other) = closed_call_with_proposals(2, status="under_review")
    decision = decision_propose(proposal=rejected, actor=amo_officer(), outcome="rejected", reasons="Too costly.")
    decision_confirm(decision=decision, actor=amo_officer())
    assert dict(Proposal.objects.values_list("pk", "status")) == {rejected.pk: "rejected", other.pk: "under_review"}
    rejected.property.refresh_from_db()
    assert rejected.property.status == "under_call" and not ReuseAgreement.objects.exists()


def test_a_decision_is_confirmed_only_once():
    _call, (proposal,) = closed_call_with_proposals(1, status="under_review")
    decision = _approve(proposal, amo_officer())
    confirmer = amo_officer()
    decision_confirm(decision=decision, actor=confirmer)
    with pytest.raises(ActionRefused, match="no longer waiting"):
        decision_confirm(decision=decision, actor=amo_officer())
    assert ReuseAgreement.objects.count() == 1


def test_an_approval_is_refused_when_the_property_cannot_be_assigned_and_nothing_changes():
    _call, (proposal,) = closed_call_with_proposals(1, status="under_review")
    decision = _approve(proposal, amo_officer())
    type(proposal.property).objects.filter(pk=proposal.property_id).update(status="withdrawn")
    with pytest.raises(ActionRefused):
        decision_confirm(decision=decision, actor=amo_officer())
    decision.refresh_from_db()
    proposal.refresh_from_db()
    assert decision.status == "proposed" and proposal.status == "under_review"
    assert not ReuseAgreement.objects.exists() and not ProposalMessage.objects.exists()


# Sending back -------------------------------------------------------------------------------------

def test_the_second_officer_sends_a_decision_back_with_a_reason_and_the_proposer_is_told():
    _call, (proposal,) = closed_call_with_proposals(1, status="under_review")
    proposer, second = amo_officer(), amo_officer()
    decision = _approve(proposal, proposer)
    with pytest.raises(ActionRefused):
        decision_return(decision=decision, actor=second, reason="  ")
    decision_return(decision=decision, actor=second, reason="Check the obligations — ë ș ћ.")
    decision.refresh_from_db()
    proposal.refresh_from_db()
    assert decision.status == "returned" and decision.returned_reason == "Check the obligations — ë ș ћ."
    assert proposal.status == "under_review"
    assert Notification.objects.filter(kind="decision_returned", user=proposer).exists()
    assert AuditEntry.objects.filter(action="decision_returned").exists()
    # A new decision can be proposed afterwards.
    _approve(proposal, proposer)
