"""What the database and the query sets guarantee whatever the code does: one live project per property,
photos only with consent, the overdue boundary, what is public; and the data migration for old agreements."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction
from django.utils import timezone

from calls.models import ProposalPartner, ReuseAgreement, add_months
from projects import services
from projects.models import ProjectPost, ReportPhoto, ResultsReport, ReuseProject
from tests.factories import (
    CallFactory,
    OrganisationFactory,
    ProposalFactory,
    accepted_report,
    png_upload,
    reuse_project,
)

pytestmark = pytest.mark.django_db


# Overdue at the boundary --------------------------------------------------------------------------

def test_a_report_due_today_is_not_overdue_but_due_yesterday_is():
    project = reuse_project("active")
    report = project.reports.order_by("due_date").first()
    due = report.due_date
    assert not ResultsReport.objects.overdue(due).filter(pk=report.pk).exists()
    assert not report.is_overdue(due)
    assert ResultsReport.objects.overdue(due + dt.timedelta(days=1)).filter(pk=report.pk).exists()
    assert report.is_overdue(due + dt.timedelta(days=1))


def test_a_returned_report_can_be_overdue_a_submitted_or_accepted_one_never():
    project = reuse_project("active", start=timezone.localdate() - dt.timedelta(days=30))
    long_after = timezone.localdate() + dt.timedelta(days=3650)
    returned = accepted_report(project, status="returned")
    assert ResultsReport.objects.overdue(long_after).filter(pk=returned.pk).exists()
    services.report_save(report=returned, actor=None, narrative="Fixed.", lessons_learned="", people={"women": 3})
    submitted = services.report_submit(report=returned, actor=None)
    assert not ResultsReport.objects.overdue(long_after).filter(pk=submitted.pk).exists()
    assert not submitted.is_overdue(long_after)
    accepted = services.report_accept(report=submitted, actor=None)
    assert not ResultsReport.objects.overdue(long_after).filter(pk=accepted.pk).exists()


def test_overdue_without_a_date_means_today():
    reuse_project("active", start=timezone.localdate() - dt.timedelta(days=300))
    assert list(ResultsReport.objects.overdue()) == list(
        ResultsReport.objects.overdue(timezone.localdate())
    ) != []


# One live project per property --------------------------------------------------------------------

def _second_agreement(property):
    """An agreement (which creates a project) for the same property, written straight to the database. Its
    proposal is not `approved`, so that only the projects' own constraint is at play (the calls app refuses
    a second approved proposal for a property with its own constraint)."""
    call = CallFactory(closed=True, amo=property.amo, properties=[property])
    proposal = ProposalFactory(call=call, property=property, rejected=True)
    return ReuseAgreement.objects.create(
        proposal=proposal, property=property, organisation=proposal.organisation,
        start_date=timezone.localdate(), term_months=12, reporting_every_months=6,
    )


@pytest.mark.parametrize("status", ["preparing", "active", "suspended"])
def test_the_database_refuses_a_second_live_project_for_a_property(status):
    project = reuse_project(status)
    with pytest.raises(IntegrityError, match="one_live_project_per_property"), transaction.atomic():
        _second_agreement(project.property)
    assert ReuseProject.objects.filter(property=project.property).count() == 1


@pytest.mark.parametrize("status", ["completed", "terminated"])
def test_a_property_is_re_used_again_after_its_project_ended(status):
    project = reuse_project(status)
    agreement = _second_agreement(project.property)
    assert ReuseProject.objects.get(agreement=agreement).status == "preparing"
    assert ReuseProject.objects.filter(property=project.property).count() == 2


def test_a_live_project_cannot_be_moved_onto_a_property_already_in_re_use():
    first, second = reuse_project("active"), reuse_project("preparing")
    with pytest.raises(IntegrityError, match="one_live_project_per_property"), transaction.atomic():
        ReuseProject.objects.filter(pk=second.pk).update(property=first.property)


# Other constraints --------------------------------------------------------------------------------

def test_the_database_refuses_a_photo_without_consent():
    report = reuse_project("active").reports.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportPhoto.objects.create(report=report, image=png_upload(), alt_text="x", consent_confirmed=False)


def test_one_report_per_project_and_due_date():
    report = reuse_project("active").reports.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        ResultsReport.objects.create(project=report.project, period_start=report.period_start,
                                     period_end=report.period_end, due_date=report.due_date)


# What is public -----------------------------------------------------------------------------------

def test_only_active_and_completed_projects_are_public():
    projects = {status: reuse_project(status) for status in ("preparing", "active", "suspended", "completed",
                                                              "terminated")}
    assert set(ReuseProject.objects.public()) == {projects["active"], projects["completed"]}
    assert {p.status for p in ReuseProject.objects.public()} == set(ReuseProject.PUBLIC_STATUSES)
    assert [p.is_public for p in projects.values()] == [False, True, False, True, False]


def test_only_accepted_reports_of_public_projects_are_public():
    active = reuse_project("active", start=timezone.localdate() - dt.timedelta(days=250))
    suspended = reuse_project("active")
    shown = accepted_report(active)
    hidden = accepted_report(suspended)
    services.project_suspend(project=suspended, actor=None, reason="Insurance lapsed.")
    accepted_report(active, status="submitted")
    assert list(ResultsReport.objects.public()) == [shown]
    assert set(ResultsReport.objects.accepted()) == {shown, hidden}


@pytest.mark.parametrize("status, shown", [("preparing", False), ("active", True), ("suspended", False),
                                           ("completed", True), ("terminated", False)])
def test_only_published_posts_of_public_projects_are_published(status, shown):
    project = reuse_project(status)
    published = ProjectPost.objects.create(project=project, title="Priča", body="Tekst.", language="sr",
                                           status="published", published_at=timezone.now())
    for post_status in ("pending", "rejected"):
        ProjectPost.objects.create(project=project, title=post_status, body="Tekst.", language="sr",
                                   status=post_status)
    assert list(ProjectPost.objects.published()) == ([published] if shown else [])


def test_projects_of_an_office():
    serbian = reuse_project("active")
    assert list(ReuseProject.objects.of_office(serbian.property.amo)) == [serbian]
    assert not ReuseProject.objects.of_office(OrganisationFactory()).exists()


def test_the_name_is_searchable_in_either_script():
    project = reuse_project("active", title="Омладински центар Ђурђевак")
    project.save()
    assert project.search_text == "omladinski centar djurdjevak"


# The data migration for agreements made before projects existed ----------------------------------

def test_the_migration_gives_each_agreement_without_a_project_its_project():
    migration = importlib.import_module("projects.migrations.0002_projects_for_existing_agreements")
    partner, declined = OrganisationFactory(verified=True), OrganisationFactory(verified=True)
    kept = reuse_project("active")
    orphan = reuse_project("preparing", start=dt.date(2025, 1, 31), term_months=13)
    ProposalPartner.objects.create(proposal=orphan.agreement.proposal, organisation=partner, status="accepted")
    ProposalPartner.objects.create(proposal=orphan.agreement.proposal, organisation=declined, status="declined")
    agreement = orphan.agreement
    orphan.delete()

    migration.create_projects(apps, None)

    created = ReuseProject.objects.get(agreement=agreement)
    assert created.status == "preparing" and created.organisation_id == agreement.organisation_id
    assert created.start_date == dt.date(2025, 1, 31)
    # The same last day the service gives a new agreement's project.
    assert created.end_date == add_months(dt.date(2025, 1, 31), 13) - dt.timedelta(days=1) == dt.date(2026, 2, 27)
    assert set(created.partners.all()) == {partner}
    assert ReuseProject.objects.filter(agreement=kept.agreement).count() == 1
    assert ReuseProject.objects.count() == 2
