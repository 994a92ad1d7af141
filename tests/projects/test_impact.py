"""The impact page: figures computed from the catalogue and the accepted reports of public projects,
the same numbers in charts and in tables, for everyone, in every language, in a fixed number of queries."""

import datetime as dt
import html
import json
import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from network.models import Municipality, Organisation
from projects.selectors import impact_figures
from tests.factories import (
    OrganisationFactory,
    PropertyFactory,
    UserFactory,
    accepted_report,
    amo_officer,
    coordinator,
    cso_member,
    organisation_with_admin,
    reuse_project,
)

pytestmark = pytest.mark.django_db


IMPACT = "/en/impact/"
LANGUAGES = ["en", "sq", "bs", "mk", "sr", "sr-latn", "ro"]


def json_data(response, element_id):
    match = re.search(rf'<script id="{element_id}" type="application/json">(.*?)</script>', response.text, re.S)
    assert match, element_id
    return json.loads(match.group(1))


def table(response, caption):
    """The rows of the table with `caption`, as lists of cell texts."""
    text = html.unescape(response.text)
    start = text.index(f"<caption>{caption}</caption>")
    body = text[start:text.index("</table>", start)]
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    return [[re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in rows]


@pytest.fixture
def data():
    serbia = reuse_project("active", title="Youth hub", start=timezone.localdate() - dt.timedelta(days=400))
    accepted_report(serbia, people={"children": 40, "women": 2}, jobs_created=3, volunteers=4, events_delivered=5,
                    services_delivered=6, income_reinvested_eur=Decimal("1234.50"))
    accepted_report(serbia, people={"children": 5000}, jobs_created=5000, status="submitted")
    albania = reuse_project("completed", title="Qendra", property=PropertyFactory(
        amo=Organisation.objects.get(slug="aapsk-al"), municipality=Municipality.objects.get(slug="tirana-al"),
        reference="AL-1", status="under_call", published_at=timezone.now() - dt.timedelta(days=30)))
    accepted_report(albania, people={"unemployed": 8}, jobs_created=1, volunteers=0, events_delivered=0)
    suspended = reuse_project("active", title="Later suspended")
    accepted_report(suspended, people={"children": 9000}, jobs_created=9000)
    from projects import services

    services.project_suspend(project=suspended, actor=None, reason="x")
    PropertyFactory(available=True)
    return serbia, albania


def test_the_page_shows_the_figures_in_tables_with_captions(client, data):
    response = client.get(IMPACT)
    assert response.status_code == 200
    rows = {row[0]: row[1:] for row in table(response, "Figures per country")}
    # header: Figure, Region, then the six countries in code order
    assert rows["Figure"] == ["Region", "Albania", "Bosnia and Herzegovina", "Moldova", "Montenegro",
                              "North Macedonia", "Serbia"]
    assert rows["People served"] == ["50", "8", "0", "0", "0", "0", "42"]
    assert rows["Jobs created"] == ["4", "1", "0", "0", "0", "0", "3"]
    assert rows["Active projects"] == ["1", "0", "0", "0", "0", "0", "1"]
    assert rows["Completed projects"] == ["1", "1", "0", "0", "0", "0", "0"]
    assert rows["Accepted results reports"] == ["2", "1", "0", "0", "0", "0", "1"]
    assert rows["Properties available"] == ["1", "0", "0", "0", "0", "0", "1"]
    assert rows["Income reinvested (EUR)"][0] == "1,234.50"
    groups = {row[0]: row[1:] for row in table(response, "People served per target group (a person may belong to "
                                                         "several groups)")}
    assert groups["Children (under 15)"] == ["40"] and groups["Unemployed people"] == ["8"]
    offices = {row[0]: row[1:] for row in table(response, "Decisions per office")}
    direkcija = Organisation.objects.get(slug="direkcija-rs").name
    assert offices[direkcija][0] == "Serbia" and offices[direkcija][1] == "2"
    assert offices[Organisation.objects.get(slug="auoi-mk").name][1:] == ["0", "–"]
    for secret in ("5000", "9000", "9,000", "5,000"):
        assert secret not in response.text


def test_the_charts_hold_the_same_numbers_as_the_tables(client, data):
    response = client.get(IMPACT)
    figures = impact_figures()
    results = json_data(response, "chart-results")
    assert results["labels"] == [country["name"] for country in figures["countries"]]
    people = next(d for d in results["datasets"] if d["label"] == "People served")
    assert people["data"] == [country["people_served"] for country in figures["countries"]] == [8, 0, 0, 0, 0, 42]
    properties = json_data(response, "chart-properties")
    assert [d["label"] for d in properties["datasets"]] == [
        "Properties available", "Properties under a call for proposals", "Properties in social re-use"]
    groups = json_data(response, "chart-groups")
    assert sum(groups["datasets"][0]["data"]) == figures["region"]["people_served"] == 50
    decisions = json_data(response, "chart-decisions")
    assert len(decisions["labels"]) == 2  # the two offices with decisions
    for canvas in re.findall(r"<canvas[^>]*>", response.text):
        assert 'role="img"' in canvas and "aria-label=" in canvas
    assert "vendor/chart.js/chart.umd.min.js" in response.text


def test_everyone_sees_the_same_figures(client, data):
    other, _admin = organisation_with_admin(verified=True)
    serbia, _albania = data
    users = [None, UserFactory(), cso_member(other), cso_member(serbia.organisation),
             cso_member(serbia.organisation, admin=True), amo_officer(), amo_officer("auoi-mk"), coordinator(totp=True),
             cso_member(OrganisationFactory())]
    seen = set()
    for user in users:
        client.logout()
        if user:
            client.force_login(user)
        response = client.get(IMPACT)
        assert response.status_code == 200
        seen.add(json.dumps(json_data(response, "chart-results")))
    assert len(seen) == 1


@pytest.mark.parametrize("query", ["?country=XX", "?page=-1", "?x=" + "a" * 100_000, "?%00=%00", "?y=Ђ<b>"])
def test_query_parameters_do_not_matter(client, data, query):
    assert client.get(IMPACT + query).status_code == 200


def test_only_get_is_allowed(client):
    assert client.post(IMPACT).status_code == 405


def test_a_new_accepted_report_shows_once_the_version_changes(client, data, django_capture_on_commit_callbacks):
    serbia, _albania = data
    assert table(client.get(IMPACT), "Figures per country")[7][1] == "50"  # People served, region
    with django_capture_on_commit_callbacks(execute=True):
        accepted_report(serbia, people={"women": 10})
    assert table(client.get(IMPACT), "Figures per country")[7][1] == "60"


def _count(client):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(IMPACT).status_code == 200
    return len(queries)


def test_the_query_count_does_not_grow_with_the_data(client):
    for index in range(2):
        accepted_report(reuse_project("active", title=f"P{index}"))
    few = _count(client)
    for index in range(18):
        project = reuse_project("completed" if index % 2 else "active", title=f"Q{index}")
        accepted_report(project, people={"children": index + 1, "women": 1})
        PropertyFactory(available=True)
    assert _count(client) == few
    with CaptureQueriesContext(connection) as cached:
        client.get(IMPACT)
    assert len(cached) < few  # the figures come from the cache


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_answers_in_every_language(client, data, language):
    response = client.get(f"/{language}/impact/")
    assert response.status_code == 200
    assert f'lang="{language}"' in response.text
