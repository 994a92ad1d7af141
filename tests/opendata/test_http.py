"""Validators and conditional requests, the rate limit, CORS."""

import pytest
from django.core.cache import cache
from django.utils.http import http_date, parse_http_date

from projects.cache import bump_showcase_version
from reuse_projects.cache import bump_catalogue_version
from tests.factories import CallFactory, OrganisationFactory

ENDPOINTS = ["/api/v1/properties/", "/api/v1/calls/", "/api/v1/decisions/", "/api/v1/projects/",
             "/api/v1/results/", "/api/v1/organisations/"]


@pytest.mark.parametrize("url", ENDPOINTS)
def test_every_answer_has_etag_and_last_modified_and_304_when_unchanged(api, world, url, django_assert_max_num_queries):
    first = api.get(url)
    assert first.status_code == 200
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('"') and parse_http_date(last_modified)
    with django_assert_max_num_queries(2):  # the version only: no list query
        again = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert api.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=http_date(parse_http_date(last_modified) - 10)).status_code == 200
    assert api.get(url, HTTP_IF_MODIFIED_SINCE="not a date").status_code == 200


def test_etag_depends_on_path_and_query(api, world):
    a = api.get("/api/v1/properties/")["ETag"]
    b = api.get("/api/v1/properties/?country=RS")["ETag"]
    c = api.get(f"/api/v1/properties/{world.exact.public_reference}/")["ETag"]
    assert len({a, b, c}) == 3


def test_etag_changes_with_the_catalogue_version(api, world):
    etag = api.get("/api/v1/properties/")["ETag"]
    bump_catalogue_version()
    response = api.get("/api/v1/properties/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response["ETag"] != etag


def test_etag_of_projects_and_results_follows_the_showcase(api, world):
    for url in ("/api/v1/projects/", "/api/v1/results/"):
        etag = api.get(url)["ETag"]
        bump_showcase_version()
        assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_etag_of_calls_and_organisations_changes_with_their_rows(api, world):
    etag = api.get("/api/v1/calls/")["ETag"]
    CallFactory(open=True)
    assert api.get("/api/v1/calls/", HTTP_IF_NONE_MATCH=etag).status_code == 200
    etag = api.get("/api/v1/organisations/")["ETag"]
    OrganisationFactory(verified=True)
    assert api.get("/api/v1/organisations/", HTTP_IF_NONE_MATCH=etag).status_code == 200
    etag = api.get("/api/v1/organisations/")["ETag"]
    world.cso.city = "Subotica"
    world.cso.save()
    assert api.get("/api/v1/organisations/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_rate_limit_answers_429_with_retry_after(api, world, settings):
    settings.API_RATE_LIMIT = "3/minute"
    cache.clear()
    for _ in range(3):
        assert api.get("/api/v1/calls/").status_code == 200
    response = api.get("/api/v1/calls/")
    assert response.status_code == 429
    seconds = int(response["Retry-After"])
    assert 1 <= seconds <= 60
    assert response.json() == {"detail": f"Too many requests: try again in {seconds} seconds."}
    # Another client (IP address) is not limited by the first one's requests.
    assert api.get("/api/v1/calls/", REMOTE_ADDR="10.1.2.3").status_code == 200
    # A forged X-Forwarded-For does not give a new allowance.
    assert api.get("/api/v1/calls/", HTTP_X_FORWARDED_FOR="192.0.2.77").status_code == 429


def test_cors_on_the_api_only(api, world, client):
    response = api.get("/api/v1/properties/", HTTP_ORIGIN="https://data.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = api.options("/api/v1/properties/", HTTP_ORIGIN="https://data.example.org",
                            HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert set(preflight["Access-Control-Allow-Methods"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}
    page = client.get("/en/open-data/", HTTP_ORIGIN="https://data.example.org")
    assert page.status_code == 200
    assert "Access-Control-Allow-Origin" not in page
    assert "Access-Control-Allow-Origin" not in client.get("/en/properties/", HTTP_ORIGIN="https://x.example")


def test_an_answer_is_shared_until_its_dataset_changes(api, world, django_assert_max_num_queries):
    from tests.factories import PropertyFactory

    first = api.get("/api/v1/properties/")
    PropertyFactory(available=True, title="A property published a moment later")
    with django_assert_max_num_queries(2):  # the version only: the answer comes from the cache
        again = api.get("/api/v1/properties/")
    assert again.json() == first.json()
    bump_catalogue_version()  # what the property services do once their transaction commits
    fresh = api.get("/api/v1/properties/")
    assert fresh["ETag"] != first["ETag"]
    assert "A property published a moment later" in fresh.content.decode()
