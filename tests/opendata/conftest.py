"""A world with public data and, beside it, every kind of private data the open data must never show.

Every private value carries a distinctive marker (SECRET-...), so that a test can assert that no API
answer and no export file contains any of them.
"""

from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from calls.models import Decision
from network.models import Organisation
from projects.models import ResultsReport
from tests.factories import (
    CallFactory,
    OrganisationFactory,
    PropertyFactory,
    ProposalFactory,
    UserFactory,
    accepted_report,
    reuse_project,
    set_thematic_areas,
)

SECRETS = [
    "secret-contact@example.org", "SECRET-CONTACT-NAME", "SECRET-PHONE-381",
    "SECRET-DRAFT-TITLE", "SECRET-WITHDRAWN-TITLE", "SECRET-ARCHIVED-TITLE",
    "SECRET-APPROX-ADDRESS", "SECRET-HIDDEN-ADDRESS", "44.777777", "20.777777", "44.666666", "20.666666",
    "SECRET-PENDING-ORG", "SECRET-SUSPENDED-ORG", "secret-org@example.org", "SECRET-ORG-PHONE",
    "SECRET-DRAFT-CALL", "SECRET-PLANNED-USE", "SECRET-SUBMITTED-USE", "SECRET-DECISION-REASONS",
    "SECRET-PROPOSED-REASONS", "SECRET-PREPARING-PROJECT", "SECRET-SUSPENDED-PROJECT",
    "SECRET-REVIEW-COMMENT", "SECRET-SUBMITTED-NARRATIVE", "SECRET-OBLIGATIONS", "certificates/",
    "SECRET-RESTRICTIONS",
]


@dataclass
class World:
    exact: object = None
    approximate: object = None
    hidden: object = None
    open_call: object = None
    project: object = None
    report: object = None
    cso: object = None
    decision: object = None
    extra: dict = field(default_factory=dict)


@pytest.fixture
def api():
    return APIClient()


def _private_contact(**kwargs):
    return {"contact_name": "SECRET-CONTACT-NAME", "contact_email": "secret-contact@example.org",
            "contact_phone": "SECRET-PHONE-381", "restrictions": "SECRET-RESTRICTIONS", **kwargs}


@pytest.fixture
def world(db):
    w = World()
    w.exact = PropertyFactory(available=True, title="Villa Exact", title_en="Exact villa", **_private_contact())
    w.approximate = PropertyFactory(
        available=True, approximate=True, address="SECRET-APPROX-ADDRESS", latitude=Decimal("44.777777"),
        longitude=Decimal("20.777777"), title="Approximate flat", **_private_contact(),
    )
    w.hidden = PropertyFactory(
        available=True, hidden=True, address="SECRET-HIDDEN-ADDRESS", latitude=Decimal("44.666666"),
        longitude=Decimal("20.666666"), title="Hidden house", **_private_contact(),
    )
    PropertyFactory(title="SECRET-DRAFT-TITLE", **_private_contact())
    PropertyFactory(withdrawn=True, title="SECRET-WITHDRAWN-TITLE", published_at=timezone.now())
    PropertyFactory(available=True, title="SECRET-ARCHIVED-TITLE", archived_at=timezone.now())

    w.cso = OrganisationFactory(verified=True, name="Udruženje Mladi", email="secret-org@example.org",
                                phone="SECRET-ORG-PHONE", website="https://mladi.example.org",
                                verified_at=timezone.now(), registration_certificate="certificates/2025/01/c.pdf")
    set_thematic_areas(w.cso, "youth", "education")
    OrganisationFactory(name="SECRET-PENDING-ORG")
    OrganisationFactory(suspended=True, name="SECRET-SUSPENDED-ORG")

    CallFactory(title="SECRET-DRAFT-CALL")
    w.open_call = CallFactory(open=True, title="Open call for flats")
    ProposalFactory(call=w.open_call, planned_use="SECRET-PLANNED-USE")
    ProposalFactory(call=w.open_call, submitted=True, planned_use="SECRET-SUBMITTED-USE",
                    organisation=OrganisationFactory(verified=True, name="Applicant without a decision"))

    w.project = reuse_project("active", organisation=w.cso, title="Youth centre Novi Sad", term_months=36,
                              start=timezone.localdate() - timezone.timedelta(days=400),
                              summary="A youth centre.", obligations="SECRET-OBLIGATIONS")
    w.project.thematic_areas.set(w.cso.thematic_areas.all())
    w.report = accepted_report(w.project, people={"young_people": 120, "children": 40})
    ResultsReport.objects.filter(pk=w.report.pk).update(review_comments="SECRET-REVIEW-COMMENT")
    draft = accepted_report(w.project, status="submitted")
    ResultsReport.objects.filter(pk=draft.pk).update(narrative="SECRET-SUBMITTED-NARRATIVE")
    reuse_project("preparing", title="SECRET-PREPARING-PROJECT")
    reuse_project("suspended", title="SECRET-SUSPENDED-PROJECT")

    officer_a, officer_b = UserFactory(), UserFactory()
    proposal = w.project.agreement.proposal
    w.decision = Decision.objects.create(
        proposal=proposal, outcome="approved", reasons="SECRET-DECISION-REASONS", status="confirmed",
        proposed_by=officer_a, confirmed_by=officer_b, confirmed_at=timezone.now(), weighted_score=Decimal("8.25"),
    )
    pending = reuse_project("preparing", title="Another project").agreement.proposal
    Decision.objects.create(proposal=pending, outcome="approved", reasons="SECRET-PROPOSED-REASONS",
                            status="proposed", proposed_by=officer_a)
    assert Organisation.objects.filter(name="SECRET-PENDING-ORG").exists()
    return w
