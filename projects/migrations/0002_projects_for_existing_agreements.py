"""Agreements made before re-use projects existed get their project, `preparing`, as new ones do."""

import datetime as dt

from django.db import migrations


def create_projects(apps, schema_editor):
    from calls.models import add_months
    from network.text import fold

    ReuseAgreement = apps.get_model("calls", "ReuseAgreement")
    ReuseProject = apps.get_model("projects", "ReuseProject")
    ProposalPartner = apps.get_model("calls", "ProposalPartner")
    for agreement in ReuseAgreement.objects.filter(project__isnull=True).select_related(
        "property__amo", "proposal", "organisation"
    ):
        project = ReuseProject.objects.create(
            agreement=agreement, property=agreement.property, organisation=agreement.organisation,
            country_id=agreement.property.amo.country_id, title=agreement.property.title[:200],
            summary=agreement.proposal.planned_use[:5000], use="community-centre", status="preparing",
            start_date=agreement.start_date, end_date=add_months(agreement.start_date, agreement.term_months) - dt.timedelta(days=1),
            obligations=agreement.obligations, reporting_every_months=agreement.reporting_every_months,
            search_text=fold(agreement.property.title),
        )
        partners = ProposalPartner.objects.filter(proposal=agreement.proposal, status="accepted")
        project.partners.set(partners.values_list("organisation_id", flat=True))


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial"), ("calls", "0002_audit_append_only")]

    operations = [migrations.RunPython(create_projects, migrations.RunPython.noop)]
