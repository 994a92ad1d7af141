"""The showcase's reads and the impact figures: exact numbers on a small crafted data set, the shape the
open data API serialises, the filters' stable names, the cache and the fixed number of queries."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import override

from calls.models import Proposal
from network.models import Municipality, Organisation
from projects import selectors, services
from projects.cache import bump_showcase_version
from projects.selectors import ShowcaseFilters, impact_figures, project_cards, project_ids_public
from tests.factories import PropertyFactory, accepted_report, reuse_project

pytestmark = pytest.mark.django_db


FIGURE_NAMES = {
    "properties_available", "properties_under_call", "properties_in_reuse", "projects_active",
    "projects_completed", "reports_accepted", "people_served", "jobs_created", "volunteers",
    "events_delivered", "services_delivered", "income_reinvested_eur",
}


YEAR_AGO = timezone.localdate() - dt.timedelta(days=400)


def parse(query):
    return ShowcaseFilters.from_query(QueryDict(query))


# Filters ------------------------------------------------------------------------------------------

def test_filters_are_read_by_their_stable_names():
    filters, ignored = parse("country=rs&use=youth-centre&theme=youth&status=completed&page=2")
    assert ignored == []
    assert (filters.country, filters.use, filters.theme, filters.status) == ("RS", "youth-centre", "youth", "completed")


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("country=XX", "country"),
        ("country=" + "A" * 100_000, "country"),
        ("use=castle", "use"),
        ("use=<script>alert(1)</script>", "use"),
        ("theme=Омладина", "theme"),
        ("theme=rinia-ë", "theme"),
        ("status=preparing", "status"),
        ("status=suspended", "status"),
        ("status=terminated", "status"),
        ("status=-1", "status"),
        ("status=%00", "status"),
    ],
)
def test_unknown_values_are_dropped_and_reported(query, name):
    filters, ignored = parse(query)
    assert ignored == [name]
    assert getattr(filters, name) == ""


def _make_projects():
    """Two public projects in Serbia (youth centre, active; social housing, completed), one in Albania
    (active), one suspended and one preparing (never public)."""
    albania = Organisation.objects.get(slug="aapsk-al")
    tirana = Municipality.objects.get(slug="tirana-al")
    active = reuse_project("active", use="youth-centre", title="Youth hub Novi Sad", start=YEAR_AGO)
    completed = reuse_project("completed", use="social-housing", title="Housing Novi Sad")
    albanian = reuse_project(
        "active", use="youth-centre", title="Qendra rinore Tiranë",
        property=PropertyFactory(amo=albania, municipality=tirana, reference="AL-1", status="under_call",
                                 published_at=timezone.now() - dt.timedelta(days=50)),
    )
    suspended = reuse_project("suspended", use="youth-centre", title="Suspended hub")
    preparing = reuse_project("preparing", use="youth-centre", title="Preparing hub")
    return active, completed, albanian, suspended, preparing


def test_the_list_holds_only_public_projects_and_filters_apply():
    active, completed, albanian, _suspended, _preparing = _make_projects()

    def ids(query=""):
        return set(project_ids_public(parse(query)[0]))

    assert ids() == {active.pk, completed.pk, albanian.pk}
    assert ids("country=RS") == {active.pk, completed.pk}
    assert ids("country=AL") == {albanian.pk}
    assert ids("use=youth-centre") == {active.pk, albanian.pk}
    assert ids("status=completed") == {completed.pk}
    active.thematic_areas.add(*active.thematic_areas.model.objects.filter(slug="youth"))
    assert list(project_ids_public(parse("theme=youth")[0])) == [active.pk]
    assert ids("theme=culture") == set()


def test_people_served_so_far_counts_accepted_reports_only():
    project = reuse_project("active", reporting_every_months=3, start=YEAR_AGO)
    accepted_report(project, people={"children": 10})
    accepted_report(project, people={"women": 5, "children": 1})
    accepted_report(project, people={"women": 1000}, status="submitted")
    [row] = project_cards([project.pk])
    assert row.people_served_total == 16


# The impact figures -------------------------------------------------------------------------------

def _set_days(project, days):
    """Decision `days` after the property's publication."""
    proposal = project.agreement.proposal
    decided = timezone.now() - dt.timedelta(days=1)
    Proposal.objects.filter(pk=proposal.pk).update(decided_at=decided)
    type(project.property).objects.filter(pk=project.property_id).update(
        published_at=decided - dt.timedelta(days=days)
    )


@pytest.fixture
def crafted():
    active, completed, albanian, suspended, preparing = _make_projects()
    # Catalogue: besides the projects' properties (in_reuse x2 RS + 1 AL in re-use, returned, assigned)
    PropertyFactory(available=True)
    PropertyFactory(available=True)
    PropertyFactory(under_call=True)
    PropertyFactory(withdrawn=True)
    PropertyFactory(available=True, archived_at=timezone.now())
    PropertyFactory(available=True, amo=Organisation.objects.get(slug="aapsk-al"),
                    municipality=Municipality.objects.get(slug="tirana-al"), reference="AL-2")
    accepted_report(active, people={"young_people": 100, "children": 20}, jobs_created=2, volunteers=5,
                    events_delivered=3, services_delivered=4, income_reinvested_eur=Decimal("1000.50"))
    accepted_report(active, people={"young_people": 999}, jobs_created=99, status="submitted")
    accepted_report(completed, people={"women": 7}, jobs_created=1, volunteers=0, events_delivered=0)
    accepted_report(albanian, people={"children": 5}, jobs_created=0, volunteers=2, events_delivered=1,
                    services_delivered=6, income_reinvested_eur=Decimal("99.50"))
    # An accepted report of a project that is now suspended: not public.
    later = reuse_project("active", title="Later suspended")
    accepted_report(later, people={"children": 500}, jobs_created=50)
    services.project_suspend(project=later, actor=None, reason="Insurance lapsed.")
    # Days from publication to decision: Serbia 10, 20, 30, 41 (+ the later-suspended one: 100), Albania 7.
    _set_days(active, 10)
    _set_days(completed, 20)
    _set_days(suspended, 30)
    _set_days(preparing, 41)
    _set_days(later, 100)
    _set_days(albanian, 7)
    return locals()


def test_impact_figures_are_exactly_right(crafted):
    figures = impact_figures()
    assert set(figures) == {"as_of", "region", "countries", "offices", "people_by_target_group"}
    assert timezone.is_aware(figures["as_of"])
    region = figures["region"]
    assert set(region) == FIGURE_NAMES
    assert region == {
        "properties_available": 3, "properties_under_call": 1,
        # active, suspended and later-suspended projects in Serbia and the Albanian one
        "properties_in_reuse": 4,
        "projects_active": 2, "projects_completed": 1, "reports_accepted": 3,
        "people_served": 132, "jobs_created": 3, "volunteers": 7, "events_delivered": 4, "services_delivered": 10,
        "income_reinvested_eur": Decimal("1100.00"),
    }
    assert all(type(region[name]) is int for name in FIGURE_NAMES - {"income_reinvested_eur"})
    assert isinstance(region["income_reinvested_eur"], Decimal)

    countries = figures["countries"]
    assert [c["code"] for c in countries] == ["AL", "BA", "MD", "ME", "MK", "RS"]
    by_code = {c["code"]: c for c in countries}
    assert set(by_code["RS"]) == FIGURE_NAMES | {"code", "name"}
    assert by_code["RS"]["name"] == "Serbia"
    assert by_code["AL"] == {
        "code": "AL", "name": "Albania",
        "properties_available": 1, "properties_under_call": 0, "properties_in_reuse": 1,
        "projects_active": 1, "projects_completed": 0, "reports_accepted": 1, "people_served": 5,
        "jobs_created": 0, "volunteers": 2, "events_delivered": 1, "services_delivered": 6,
        "income_reinvested_eur": Decimal("99.50"),
    }
    rs = by_code["RS"]
    assert (rs["properties_available"], rs["properties_under_call"], rs["properties_in_reuse"]) == (2, 1, 3)
    assert (rs["projects_active"], rs["projects_completed"], rs["reports_accepted"]) == (1, 1, 2)
    assert (rs["people_served"], rs["jobs_created"], rs["income_reinvested_eur"]) == (127, 3, Decimal("1000.50"))
    assert by_code["MK"] == {"code": "MK", "name": by_code["MK"]["name"], **{
        name: 0 for name in FIGURE_NAMES - {"income_reinvested_eur"}}, "income_reinvested_eur": Decimal("0.00")}

    offices = {o["slug"]: o for o in figures["offices"]}
    assert set(figures["offices"][0]) == {"slug", "name", "country", "decisions", "median_days_to_decision"}
    assert offices["direkcija-rs"]["country"] == "RS"
    assert offices["direkcija-rs"]["decisions"] == 5
    assert offices["direkcija-rs"]["median_days_to_decision"] == 30  # 10, 20, 30, 41, 100
    assert (offices["aapsk-al"]["decisions"], offices["aapsk-al"]["median_days_to_decision"]) == (1, 7)
    assert (offices["auoi-mk"]["decisions"], offices["auoi-mk"]["median_days_to_decision"]) == (0, None)

    groups = {g["group"]: g for g in figures["people_by_target_group"]}
    assert groups["young_people"]["people"] == 100
    assert groups["children"]["people"] == 25
    assert groups["women"] == {"group": "women", "label": "Women", "people": 7}
    assert groups["unemployed"]["people"] == 0
    assert sum(g["people"] for g in figures["people_by_target_group"]) == region["people_served"]


def test_the_median_interpolates_between_the_two_middle_decisions(crafted):
    services.project_terminate(project=crafted["later"], actor=None, reason="Sublet.")
    Proposal.objects.filter(pk=crafted["later"].agreement.proposal_id).update(status="rejected")
    # Serbia: 10, 20, 30, 41 -> 25
    office = next(o for o in impact_figures()["offices"] if o["slug"] == "direkcija-rs")
    assert (office["decisions"], office["median_days_to_decision"]) == (4, 25)


def test_the_python_median_matches_postgresql(crafted, monkeypatch):
    postgres = selectors._decision_times()
    monkeypatch.setattr(connection, "vendor", "sqlite")
    assert selectors._decision_times() == postgres


def test_names_follow_the_language_and_figures_are_cached_until_a_version_changes(crafted, django_assert_num_queries):
    with override("sr"):
        first = impact_figures()
    assert first["countries"][0]["name"] == "Албанија"
    with django_assert_num_queries(0):
        again = impact_figures()
    assert again["as_of"] == first["as_of"] and again["region"] == first["region"]
    assert again["countries"][0]["name"] == "Albania"
    bump_showcase_version()
    with django_assert_num_queries(7):
        impact_figures()


@pytest.mark.parametrize("count", [2, 20])
def test_impact_queries_do_not_grow_with_the_data(count, django_assert_num_queries):
    for index in range(count):
        project = reuse_project("active" if index % 2 else "completed", reporting_every_months=12)
        if index < 4 or count == 20:
            accepted_report(project, people={"children": index + 1})
    with django_assert_num_queries(7):
        figures = impact_figures()
    assert figures["region"]["projects_active"] + figures["region"]["projects_completed"] == count
