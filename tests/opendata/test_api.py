"""The open data API: every endpoint, its filters, its errors and its query budget."""

import pytest
from django.core.cache import cache
from django.utils import timezone

from network.models import Municipality, Organisation
from reuse_projects.models import Property, SuitableUse
from tests.factories import CallFactory, OrganisationFactory, PropertyFactory, set_thematic_areas

LISTS = ["properties", "calls", "decisions", "projects", "results", "organisations"]


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


@pytest.mark.parametrize("name", LISTS)
def test_every_list_answers_json_with_pagination(api, world, name):
    response = api.get(f"/api/v1/{name}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == len(body["results"]) > 0


def test_properties_list_only_public_ones_with_public_fields(api, world):
    rows = {row["reference"]: row for row in results(api.get("/api/v1/properties/?page_size=100"))}
    assert world.exact.public_reference in rows
    assert all(row["status"] in Property.PUBLIC_STATUSES for row in rows.values())
    row = rows[world.exact.public_reference]
    assert row["office"] == {"slug": "direkcija-rs", "name": world.exact.amo.name}
    assert row["location"]["precision"] == "exact"
    assert row["location"]["latitude"] == float(world.exact.latitude)
    assert "contact_email" not in row and "created_by" not in row and "documents" not in row
    approximate = rows[world.approximate.public_reference]["location"]
    municipality = world.approximate.municipality
    assert approximate == {"precision": "approximate", "municipality": municipality.name, "country": "RS",
                           "address": None, "latitude": float(municipality.latitude),
                           "longitude": float(municipality.longitude)}
    hidden = rows[world.hidden.public_reference]["location"]
    assert hidden["precision"] == "none" and hidden["latitude"] is None and hidden["address"] is None


def test_property_detail_and_404(api, world):
    response = api.get(f"/api/v1/properties/{world.hidden.public_reference}/")
    assert response.status_code == 200
    assert response.json()["title"] == "Hidden house"
    for reference in ["direkcija-rs--NOPE", "no-separator", "direkcija-rs--" + "x" * 100]:
        response = api.get(f"/api/v1/properties/{reference}/")
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found."}
    draft = Property.objects.get(title="SECRET-DRAFT-TITLE")
    assert api.get(f"/api/v1/properties/{draft.public_reference}/").status_code == 404


def test_property_filters(api, world):
    big = PropertyFactory(available=True, floor_area=500, property_type="house",
                          municipality=Municipality.objects.get(slug="novi-sad-rs"), title="Велика кућа Šabac")
    big.suitable_uses.set([SuitableUse.objects.get(slug="youth-centre")])
    albanian = PropertyFactory(available=True, amo=Organisation.objects.get(kind="amo", country_id="AL"),
                               municipality=Municipality.objects.filter(country_id="AL").first(),
                               title="Shtëpi në Tiranë")

    def references(query):
        return {row["reference"] for row in results(api.get(f"/api/v1/properties/?{query}"))}

    assert references("country=AL") == {albanian.public_reference}
    assert references("country=al") == {albanian.public_reference}
    assert big.public_reference in references("type=house") and world.exact.public_reference not in references(
        "type=house")
    assert references("use=youth-centre") == {big.public_reference}
    assert references("min_area=400") == {big.public_reference}
    assert big.public_reference not in references("max_area=100")
    assert references("q=velika kuca") == {big.public_reference}
    assert references("q=ВЕЛИКА") == {big.public_reference}
    assert references("q=shtepi ne tirane") == {albanian.public_reference}
    assert references("status=under_call") and all(
        row["status"] == "under_call" for row in results(api.get("/api/v1/properties/?status=under_call")))
    assert references("municipality=novi-sad-rs") >= {big.public_reference, world.exact.public_reference}
    future = (timezone.now() + timezone.timedelta(days=1)).date().isoformat()
    assert references(f"updated_since={future}") == set()
    assert world.exact.public_reference in references("updated_since=2000-01-01T00:00:00Z")


@pytest.mark.parametrize("query, parameter", [
    ("colour=red", "colour"),
    ("country=FR", "country"),
    ("page=abc", "page"),
    ("page=0", "page"),
    ("page_size=1000", "page_size"),
    ("page_size=-1", "page_size"),
    ("min_area=abc", "min_area"),
    ("min_area=-5", "min_area"),
    ("min_area=NaN", "min_area"),
    ("max_area=Infinity", "max_area"),
    ("updated_since=yesterday", "updated_since"),
    ("updated_since=2025-13-45", "updated_since"),
    ("type=castle", "type"),
    ("status=draft", "status"),
    ("use=casino", "use"),
    ("municipality=<script>", "municipality"),
    ("q=" + "x" * 100_000, "q"),
    ("q=a%00b", "q"),
    ("country=RS&country=AL", "country"),
    ("format=xml", "format"),
])
def test_bad_parameters_are_400_naming_the_parameter(api, world, query, parameter):
    response = api.get(f"/api/v1/properties/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == parameter
    assert parameter in body["detail"]


@pytest.mark.parametrize("url, parameter", [
    ("/api/v1/calls/?phase=soon", "phase"),
    ("/api/v1/calls/?office=a%20b", "office"),
    ("/api/v1/decisions/?call=abc", "call"),
    ("/api/v1/decisions/?call=99999999999999999999", "call"),
    ("/api/v1/projects/?theme=magic", "theme"),
    ("/api/v1/projects/?status=preparing", "status"),
    ("/api/v1/results/?period_end_after=31.12.2025", "period_end_after"),
    ("/api/v1/results/?project=-1", "project"),
    ("/api/v1/organisations/?thematic_area=x", "thematic_area"),
    ("/api/v1/impact/?country=RS", "country"),
    ("/api/v1/calls/1/?page=2", "page"),
])
def test_bad_parameters_of_other_endpoints(api, world, url, parameter):
    response = api.get(url)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter


def test_page_past_the_end_is_404_and_pages_link(api, world):
    body = api.get("/api/v1/properties/?page_size=2").json()
    assert body["count"] > 2 and len(body["results"]) == 2
    assert body["next"].endswith("/api/v1/properties/?page_size=2&page=2") and body["previous"] is None
    second = api.get("/api/v1/properties/?page_size=2&page=2").json()
    assert second["previous"] and {r["reference"] for r in second["results"]}.isdisjoint(
        {r["reference"] for r in body["results"]})
    assert api.get("/api/v1/properties/?page=999").status_code == 404


def test_order_is_stable_and_ends_in_the_primary_key(api, world):
    same_time = timezone.now()
    created = [PropertyFactory(available=True, published_at=same_time) for _ in range(5)]
    rows = [r["reference"] for r in results(api.get("/api/v1/properties/?page_size=100"))]
    positions = [rows.index(p.public_reference) for p in created]
    assert positions == sorted(positions, reverse=True)  # newest first, ties by descending id
    assert rows == [r["reference"] for r in results(api.get("/api/v1/properties/?page_size=100"))]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", ["/api/v1/properties/", "/api/v1/calls/", "/api/v1/impact/",
                                 "/api/v1/organisations/"])
def test_writes_are_405(api, world, method, url):
    response = getattr(api, method)(url, {"title": "x"}, format="json")
    assert response.status_code == 405
    assert "detail" in response.json()


def test_head_and_options(api, world):
    assert api.head("/api/v1/properties/").status_code == 200
    response = api.options("/api/v1/properties/")
    assert response.status_code == 200
    assert "GET" in response["Allow"] and "POST" not in response["Allow"]


def test_calls_published_only_with_phase_and_filters(api, world):
    upcoming = CallFactory(upcoming=True, title="Upcoming call")
    CallFactory(cancelled=True, title="Cancelled call")
    rows = {row["title"]: row for row in results(api.get("/api/v1/calls/?page_size=100"))}
    assert "SECRET-DRAFT-CALL" not in rows and "Cancelled call" not in rows
    assert rows["Open call for flats"]["phase"] == "open"
    assert rows["Upcoming call"]["phase"] == "upcoming"
    assert [c["weight"] for c in rows["Open call for flats"]["criteria"]] == [40, 30, 20, 10]
    assert rows["Open call for flats"]["eligibility"]["countries"] == ["RS"]
    assert rows["Open call for flats"]["properties"] == [
        p.public_reference for p in world.open_call.properties.all()]
    assert {r["title"] for r in results(api.get("/api/v1/calls/?phase=upcoming"))} == {"Upcoming call"}
    assert results(api.get("/api/v1/calls/?country=AL")) == []
    assert results(api.get("/api/v1/calls/?office=nobody")) == []
    assert len(results(api.get("/api/v1/calls/?office=direkcija-rs&phase=open"))) == 1
    detail = api.get(f"/api/v1/calls/{upcoming.pk}/")
    assert detail.status_code == 200 and detail.json()["title"] == "Upcoming call"
    draft = type(upcoming).objects.get(title="SECRET-DRAFT-CALL")
    assert api.get(f"/api/v1/calls/{draft.pk}/").status_code == 404
    assert api.get("/api/v1/calls/99999999/").status_code == 404
    assert api.get("/api/v1/calls/99999999999999999999999/").status_code == 404


def test_decisions_confirmed_approvals_only(api, world):
    rows = results(api.get("/api/v1/decisions/"))
    assert len(rows) == 1
    row = rows[0]
    assert row["id"] == world.decision.pk
    assert row["organisation"] == {"slug": world.cso.slug, "name": world.cso.name}
    assert row["property"] == world.project.property.public_reference
    assert row["weighted_score"] == 8.25
    assert "reasons" not in row
    call_id = world.decision.proposal.call_id
    assert len(results(api.get(f"/api/v1/decisions/?call={call_id}"))) == 1
    assert results(api.get(f"/api/v1/decisions/?call={call_id + 1000}")) == []
    assert results(api.get("/api/v1/decisions/?country=MD")) == []
    assert len(results(api.get("/api/v1/decisions/?office=direkcija-rs&country=RS"))) == 1


def test_projects_public_only_with_figures_and_filters(api, world):
    rows = results(api.get("/api/v1/projects/"))
    assert [r["id"] for r in rows] == [world.project.pk]
    row = rows[0]
    assert row["accepted_reports"] == 1 and row["people_served"] == 160
    assert row["lead_organisation"]["slug"] == world.cso.slug
    assert row["thematic_areas"] == ["education", "youth"]
    assert row["location"]["precision"] == "exact"
    assert "obligations" not in row
    assert len(results(api.get("/api/v1/projects/?theme=youth&country=RS&status=active"))) == 1
    assert results(api.get("/api/v1/projects/?theme=health")) == []
    assert results(api.get("/api/v1/projects/?status=completed")) == []
    assert len(results(api.get(f"/api/v1/projects/?use={world.project.use}"))) == 1
    assert api.get(f"/api/v1/projects/{world.project.pk}/").json()["title"] == "Youth centre Novi Sad"
    hidden = type(world.project).objects.get(title="SECRET-PREPARING-PROJECT")
    assert api.get(f"/api/v1/projects/{hidden.pk}/").status_code == 404


def test_results_accepted_only_with_filters(api, world):
    rows = results(api.get("/api/v1/results/"))
    assert [r["id"] for r in rows] == [world.report.pk]
    assert rows[0]["people"] == [{"group": "young_people", "people": 120}, {"group": "children", "people": 40}]
    assert "review_comments" not in rows[0]
    end = world.report.period_end
    assert len(results(api.get(f"/api/v1/results/?project={world.project.pk}"))) == 1
    assert results(api.get(f"/api/v1/results/?project={world.project.pk + 1000}")) == []
    assert len(results(api.get(f"/api/v1/results/?period_end_after={end}&period_end_before={end}"))) == 1
    assert results(api.get(f"/api/v1/results/?period_end_after={end + timezone.timedelta(days=1)}")) == []
    assert results(api.get("/api/v1/results/?country=AL")) == []


def test_organisations_verified_csos_only(api, world):
    rows = {row["slug"]: row for row in results(api.get("/api/v1/organisations/?page_size=100"))}
    assert world.cso.slug in rows
    assert "direkcija-rs" not in rows  # offices are not in this dataset
    row = rows[world.cso.slug]
    assert row["thematic_areas"] == ["youth", "education"] or set(row["thematic_areas"]) == {"youth", "education"}
    for private in ("email", "phone", "registration_certificate", "registered_by", "address"):
        assert private not in row
    assert set(r["slug"] for r in results(api.get("/api/v1/organisations/?thematic_area=youth"))) == {
        world.cso.slug}
    assert set(r["slug"] for r in results(api.get("/api/v1/organisations/?q=udruzenje mladi"))) == {world.cso.slug}
    assert results(api.get("/api/v1/organisations/?country=ME")) == []


def _grow(n):
    """n more rows of every dataset's kind that a list reads (properties with uses, calls, CSOs)."""
    use = SuitableUse.objects.get(slug="youth-centre")
    for _ in range(n):
        item = PropertyFactory(available=True)
        item.suitable_uses.set([use])
        CallFactory(open=True)
        set_thematic_areas(OrganisationFactory(verified=True), "youth", "health")


@pytest.mark.parametrize("name, budget", [
    ("properties", 3), ("calls", 5), ("decisions", 2), ("projects", 4), ("results", 4), ("organisations", 3),
])
def test_query_budget_does_not_grow_with_the_data(api, world, django_assert_max_num_queries, name, budget):
    _grow(2)
    with django_assert_max_num_queries(budget + 2):  # + the dataset's version (at most 2 queries)
        small = api.get(f"/api/v1/{name}/?page_size=100")
    assert small.status_code == 200
    _grow(18)
    cache.clear()  # the factories bump no version (no commit here): drop the shared answer by hand
    with django_assert_max_num_queries(budget + 2):
        large = api.get(f"/api/v1/{name}/?page_size=100")
    assert large.status_code == 200
    if name in ("properties", "calls", "organisations"):
        assert large.json()["count"] >= small.json()["count"] + 18
