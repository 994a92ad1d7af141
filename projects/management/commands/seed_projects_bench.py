"""`manage.py seed_projects_bench`: re-use projects at scale for `make bench`, in bulk.

`--projects` projects (default 5,000) over as many bulk properties, each with an approved proposal under
one closed call per office, its agreement, and `--reports` results reports (default 20, every six months),
of which all but the last two are accepted; people served in two or three target groups. Nine in ten
projects are active, the rest completed. Running it again replaces what it made before. Rows are
bulk-created, not written through the services: this is load-test data.
"""

import datetime as dt
import random
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from calls.models import Call, Proposal, ReuseAgreement, add_months
from network.models import Organisation
from projects.models import TARGET_GROUPS, ReportPeopleServed, ResultsReport, ReuseProject
from reuse_projects.models import Property
from reuse_projects.suitable_uses import SUITABLE_USES

MARKER = "[bench projects]"
BATCH = 500


class Command(BaseCommand):
    help = "Seed re-use projects with results reports in bulk, for `make bench`."

    def add_arguments(self, parser):
        parser.add_argument("--projects", type=int, default=5000)
        parser.add_argument("--reports", type=int, default=20, help="Results reports per project.")

    def handle(self, *args, projects, reports, **options):
        if not 1 <= reports <= 60:
            raise CommandError("--reports must be between 1 and 60.")
        properties = list(
            Property.objects.filter(reference__startswith="BENCH", status="available", archived_at__isnull=True)
            .select_related("amo").order_by("pk")[:projects]
        )
        csos = list(Organisation.objects.filter(kind="cso", status="verified").order_by("pk").values_list(
            "pk", flat=True))
        if len(properties) < projects or not csos:
            raise CommandError(f"{projects} available bulk properties and verified CSOs are needed; "
                               "seed_demo --scale N --properties M makes them.")
        with transaction.atomic():
            self.remove_previous()
            calls = self.calls({p.amo for p in properties})
            for start in range(0, projects, BATCH):
                self.batch(properties[start:start + BATCH], calls, csos, reports, seed=start)
        with connection.cursor() as cursor:
            for model in (ReuseProject, ResultsReport, ReportPeopleServed, Proposal, Property):
                cursor.execute(f"ANALYZE {model._meta.db_table}")
        self.stdout.write(f"Seeded {projects} projects with {reports} reports each.")

    def remove_previous(self):
        calls = Call.objects.filter(title__startswith=MARKER)
        projects = ReuseProject.objects.filter(agreement__proposal__call__in=calls)
        Property.objects.filter(reuse_projects__in=projects).update(status="available")
        ResultsReport.objects.filter(project__in=projects).delete()
        project_ids = list(projects.values_list("pk", flat=True))
        ReuseProject.partners.through.objects.filter(reuseproject_id__in=project_ids).delete()
        ReuseProject.thematic_areas.through.objects.filter(reuseproject_id__in=project_ids).delete()
        ReuseProject.objects.filter(pk__in=project_ids).delete()
        ReuseAgreement.objects.filter(proposal__call__in=calls).delete()
        Proposal.objects.filter(call__in=calls).delete()
        calls.delete()

    def calls(self, offices) -> dict:
        now = timezone.now()
        opened = now - dt.timedelta(days=365 * 11)
        return {
            office.pk: Call.objects.create(
                amo=office, title=f"{MARKER} {office.name}", description="Load-test call.", opens_at=opened,
                closes_at=opened + dt.timedelta(days=30), status=Call.Status.PUBLISHED, published_at=opened,
            )
            for office in offices
        }

    def batch(self, properties, calls, csos, reports, *, seed):
        rng = random.Random(seed)
        today = timezone.localdate()
        start = add_months(today, -6 * reports)  # the last two periods are still running or due
        decided = timezone.now() - dt.timedelta(days=6 * 30 * reports + 30)
        proposals = Proposal.objects.bulk_create([
            Proposal(
                call=calls[p.amo_id], property=p, organisation_id=csos[(seed + i) % len(csos)], status="approved",
                reference=f"BENCH-P-{p.pk}", planned_use="A community centre with a homework club.",
                submitted_at=decided - dt.timedelta(days=20), decided_at=decided, digest="0" * 64,
            )
            for i, p in enumerate(properties)
        ])
        agreements = ReuseAgreement.objects.bulk_create([
            ReuseAgreement(proposal=proposal, property=proposal.property, organisation_id=proposal.organisation_id,
                           start_date=start, term_months=6 * (reports + 2), reporting_every_months=6,
                           obligations="Open to the public at least 20 hours a week.")
            for proposal in proposals
        ])
        completed = {agreement.pk for agreement in agreements if rng.random() < 0.1}
        projects = ReuseProject.objects.bulk_create([
            ReuseProject(
                agreement=agreement, property=agreement.property, organisation_id=agreement.organisation_id,
                country_id=agreement.property.amo.country_id, title=f"Community centre {agreement.property.reference}",
                search_text=f"community centre {agreement.property.reference}".lower(),
                summary="Homework club, workshops and a social café, open to everyone.",
                use=rng.choice(SUITABLE_USES)[0], start_date=start,
                end_date=add_months(start, 6 * (reports + 2)) - dt.timedelta(days=1),
                reporting_every_months=6, status="completed" if agreement.pk in completed else "active",
                activated_at=decided + dt.timedelta(days=40),
                ended_at=timezone.now() if agreement.pk in completed else None,
            )
            for agreement in agreements
        ])
        for status in ("active", "completed"):
            Property.objects.filter(pk__in=[p.property_id for p in projects if p.status == status]).update(
                status="in_reuse" if status == "active" else "returned")
        rows = []
        for project in projects:
            for k in range(reports):
                first = add_months(start, 6 * k)
                last = add_months(start, 6 * (k + 1)) - dt.timedelta(days=1)
                accepted = k < reports - 2
                rows.append(ResultsReport(
                    project=project, period_start=first, period_end=last, due_date=last + dt.timedelta(days=30),
                    status="accepted" if accepted else "draft", narrative="The centre was open all period.",
                    jobs_created=rng.randint(0, 3), volunteers=rng.randint(2, 30),
                    events_delivered=rng.randint(2, 40), services_delivered=rng.randint(20, 600),
                    hours_open_per_week=Decimal(rng.choice([20, 30, 40])),
                    income_reinvested_eur=Decimal(rng.randint(0, 5000)),
                    people_served=0, submitted_at=timezone.now() if accepted else None,
                    reviewed_at=timezone.now() if accepted else None,
                ))
        reports_made = ResultsReport.objects.bulk_create(rows)
        people, totals = [], {}
        for report in reports_made:
            for group, _label in rng.sample(TARGET_GROUPS, rng.randint(2, 3)):
                count = rng.randint(5, 200)
                people.append(ReportPeopleServed(report=report, target_group=group, people=count))
                totals[report.pk] = totals.get(report.pk, 0) + count
        ReportPeopleServed.objects.bulk_create(people)
        for report in reports_made:
            report.people_served = totals[report.pk]
        ResultsReport.objects.bulk_update(reports_made, ["people_served"], batch_size=2000)
