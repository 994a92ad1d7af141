"""`manage.py seed_calls_bench`: the calls data `make bench` measures, in bulk, and the sessions to use it.

- a closed call of Serbia's Directorate with `--proposals` proposals under review over ten properties,
  each scored by three reviewers (the ranking page's worst case);
- an open call with `--drafts` complete draft proposals, one per CSO, whose admins upload attachments
  and submit during the benchmark;
- signed-in sessions for an officer of the office and for each draft's admin.

Writes what the benchmark needs (ids, session keys) as JSON to `--output`. Running it again replaces
what it made before. Rows are bulk-created, not written through the services: this is load-test data,
and the audit log is left alone.
"""

import json
import random
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from calls.models import (
    Call,
    CallCriterion,
    CallDocumentRequirement,
    CallReviewer,
    Proposal,
    Review,
    ReviewScore,
)
from network.models import Membership, Organisation, User
from reuse_projects.models import Property

MARKER = "[bench]"
OFFICE = "direkcija-rs"
CRITERIA = [("Social impact", 40), ("Feasibility", 30), ("Sustainability", 20), ("Local partnerships", 10)]


def session_for(user) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.set_expiry(24 * 3600)
    session.create()
    return session.session_key


class Command(BaseCommand):
    help = "Seed a call with many proposals and reviews, and draft proposals to submit, for `make bench`."

    def add_arguments(self, parser):
        parser.add_argument("--proposals", type=int, default=200)
        parser.add_argument("--drafts", type=int, default=60)
        parser.add_argument("--output", default="var/bench/calls.json")

    def handle(self, *args, proposals, drafts, output, **options):
        office = Organisation.objects.get(slug=OFFICE)
        csos = list(Organisation.objects.filter(kind="cso", status="verified").order_by("pk")[: proposals + drafts])
        if len(csos) < proposals + drafts:
            raise CommandError(f"{proposals + drafts} verified CSOs are needed; seed_demo --scale makes them.")
        properties = list(Property.objects.filter(amo=office, status__in=["available", "under_call"],
                                                  archived_at__isnull=True).order_by("pk")[:11])
        if len(properties) < 11:
            raise CommandError("Eleven available properties of the office are needed.")
        officer = Membership.objects.filter(organisation=office).select_related("user").first().user
        with transaction.atomic():
            self.remove_previous()
            ranking_call = self.ranking_call(office, properties[:10], csos[:proposals], officer)
            open_call, rows = self.open_call(office, properties[10], csos[proposals:], officer)
        data = {
            "ranking_call": ranking_call.pk,
            "open_call": open_call.pk,
            "officer_session": session_for(officer),
            "drafts": rows,
        }
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(json.dumps(data))
        self.stdout.write(f"Seeded call {ranking_call.pk} with {proposals} proposals and call {open_call.pk} "
                          f"with {drafts} drafts; sessions in {output}")

    def remove_previous(self):
        calls = Call.objects.filter(title__startswith=MARKER)
        Proposal.objects.filter(call__in=calls).delete()
        CallReviewer.objects.filter(call__in=calls).delete()
        calls.delete()

    def _call(self, office, officer, title, opens_at, closes_at, properties):
        call = Call.objects.create(
            amo=office, title=f"{MARKER} {title}", description="Load-test call.", opens_at=opens_at,
            closes_at=closes_at, status=Call.Status.PUBLISHED, published_at=opens_at, created_by=officer,
        )
        call.properties.set(properties)
        Property.objects.filter(pk__in=[p.pk for p in properties]).update(status="under_call")
        criteria = CallCriterion.objects.bulk_create([
            CallCriterion(call=call, title=title, weight=weight, max_score=10, position=i)
            for i, (title, weight) in enumerate(CRITERIA)
        ])
        CallDocumentRequirement.objects.create(call=call, title="Work plan", mandatory=True, position=0)
        CallDocumentRequirement.objects.create(call=call, title="Budget", mandatory=True, position=1)
        return call, criteria

    def ranking_call(self, office, properties, csos, officer):
        now = timezone.now()
        call, criteria = self._call(office, officer, "Flats across Serbia", now - timedelta(days=60),
                                    now - timedelta(days=1), properties)
        reviewers = [
            User.objects.get_or_create(email=f"bench.reviewer{i}@demo.example.org")[0] for i in range(1, 4)
        ]
        CallReviewer.objects.bulk_create([CallReviewer(call=call, user=user) for user in reviewers])
        rng = random.Random(2026)
        proposals = Proposal.objects.bulk_create([
            Proposal(
                call=call, property=properties[i % len(properties)], organisation=cso, status="under_review",
                reference=f"RS-BENCH-{i:06d}", planned_use="A community centre.", activities="Workshops.",
                beneficiaries=[{"group": "Young people", "people_per_year": 200}], timeline="One year.",
                renovation_cost=Decimal(20000), running_cost_per_year=Decimal(12000), funding_sources="Grants.",
                sustainability_plan="Room rental.", submitted_at=now - timedelta(days=2), digest="0" * 64,
            )
            for i, cso in enumerate(csos)
        ])
        reviews = Review.objects.bulk_create([
            Review(proposal=proposal, reviewer=reviewer, status="submitted", declared_at=now,
                   recommendation=rng.choice(["approve", "conditions", "reject"]), submitted_at=now)
            for proposal in proposals for reviewer in reviewers
        ])
        ReviewScore.objects.bulk_create([
            ReviewScore(review=review, criterion=criterion, score=rng.randint(3, 10), comment="Solid.")
            for review in reviews for criterion in criteria
        ])
        return call

    def open_call(self, office, property, csos, officer):
        now = timezone.now()
        call, _criteria = self._call(office, officer, "Flat in Novi Sad", now - timedelta(days=1),
                                     now + timedelta(days=30), [property])
        rows = []
        for cso in csos:
            membership = Membership.objects.filter(organisation=cso, role="admin").select_related("user").first()
            if membership is None:
                continue
            proposal = Proposal.objects.create(
                call=call, property=property, organisation=cso, planned_use="A youth centre.",
                activities="Homework club.", beneficiaries=[{"group": "Young people", "people_per_year": 150}],
                timeline="Six months.", renovation_cost=Decimal(15000), running_cost_per_year=Decimal(9000),
                funding_sources="A municipal grant.", sustainability_plan="A social café.",
                created_by=membership.user,
            )
            rows.append({
                "proposal": proposal.pk,
                "session": session_for(membership.user),
                "requirements": list(call.document_requirements.values_list("pk", flat=True)),
            })
        return call, rows
