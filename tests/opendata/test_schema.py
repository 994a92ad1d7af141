"""The OpenAPI schema: valid, complete, and the API keeps to it under fuzzing (schemathesis, no network)."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.validation import validate_schema
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

OPERATIONS = {
    "/api/v1/properties/", "/api/v1/properties/{reference}/", "/api/v1/calls/", "/api/v1/calls/{id}/",
    "/api/v1/decisions/", "/api/v1/projects/", "/api/v1/projects/{id}/", "/api/v1/results/",
    "/api/v1/organisations/", "/api/v1/impact/",
}


def test_schema_is_valid_openapi_and_describes_the_api_only(api):
    response = api.get("/api/schema/?format=json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    schema = response.json()
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == OPERATIONS
    assert schema["info"]["license"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    listing = schema["paths"]["/api/v1/properties/"]["get"]
    assert {"200", "304", "400", "404", "429"} <= set(listing["responses"])
    assert {p["name"] for p in listing["parameters"]} == {
        "country", "municipality", "type", "status", "use", "min_area", "max_area", "q", "updated_since",
        "page", "page_size"}
    bad = listing["responses"]["400"]["content"]["application/json"]["schema"]["$ref"]
    assert set(schema["components"]["schemas"][bad.rsplit("/", 1)[1]]["properties"]) == {"detail", "parameter"}
    for path, item in schema["paths"].items():
        assert set(item) == {"get"}, path  # read-only


def test_impact_endpoint(api, world):
    response = api.get("/api/v1/impact/")
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == {"as_of", "region", "countries", "offices", "people_by_target_group"}
    assert body["region"]["projects_active"] >= 1
    assert body["region"]["people_served"] >= 160
    assert [c["code"] for c in body["countries"]] == ["AL", "BA", "MD", "ME", "MK", "RS"] or len(body["countries"]) == 6
    assert response["ETag"] and response["Last-Modified"]
    assert api.get("/api/v1/impact/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


# Loaded through the WSGI application (no network); the schema view reads no database.
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())


@pytest.fixture
def unthrottled(settings):
    """No rate limit, and (as Django's test client does) the test's database connection kept open across
    the WSGI requests: the app would otherwise close it at the end of each one."""
    settings.API_RATE_LIMIT = "1000000/minute"
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_keeps_to_its_schema(case, world, unthrottled):
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
