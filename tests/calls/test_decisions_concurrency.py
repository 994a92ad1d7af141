"""Two officers confirm two approvals for the same property at the same moment: exactly one wins."""

import datetime as dt
import threading

import pytest
from django.db import connection

from calls.models import Decision, Proposal, ReuseAgreement
from calls.services.decisions import decision_confirm
from network.services import ActionRefused
from reuse_projects.models import PropertyEvent
from tests.factories import amo_officer, closed_call_with_proposals

TERMS = {"agreement_start": dt.date(2026, 3, 1), "agreement_term_months": 36, "reporting_every_months": 12,
         "agreement_obligations": ""}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_confirmations_for_one_property_approve_exactly_one_proposal():
    _call, (first, second) = closed_call_with_proposals(2, status="under_review")
    officer_a, officer_b, officer_c = amo_officer(), amo_officer(), amo_officer()
    # Proposed directly: the service itself refuses a second pending approval for the property, so this is
    # the state two officers could reach only by proposing at the same moment.
    decisions = [
        Decision.objects.create(proposal=proposal, outcome="approved", reasons="Best plan.", proposed_by=officer_a,
                                **TERMS)
        for proposal in (first, second)
    ]
    barrier = threading.Barrier(2)
    outcomes = {}

    def confirm(decision, officer):
        try:
            barrier.wait(timeout=10)
            decision_confirm(decision=decision, actor=officer)
            outcomes[decision.pk] = "confirmed"
        except ActionRefused as refusal:
            outcomes[decision.pk] = f"refused: {refusal}"
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            outcomes[decision.pk] = f"error: {error!r}"
        finally:
            connection.close()

    threads = [
        threading.Thread(target=confirm, args=(decisions[0], officer_b)),
        threading.Thread(target=confirm, args=(decisions[1], officer_c)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(value.split(":")[0] for value in outcomes.values()) == ["confirmed", "refused"], outcomes
    statuses = sorted(Proposal.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", flat=True))
    assert statuses == ["approved", "rejected"]
    assert ReuseAgreement.objects.count() == 1
    assert PropertyEvent.objects.filter(property=first.property, action="assign").count() == 1
    first.property.refresh_from_db()
    assert first.property.status == "assigned"
