"""Bulk downloads, the data package, the open data page, and that nothing private ever leaves."""

import csv
import io
import json

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from opendata import exports
from reuse_projects.cache import bump_catalogue_version

from .conftest import SECRETS

LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
FILES = [("properties", "csv"), ("properties", "json"), ("properties", "geojson"), ("calls", "csv"),
         ("calls", "json"), ("decisions", "csv"), ("decisions", "json"), ("projects", "csv"),
         ("projects", "json"), ("projects", "geojson"), ("results", "csv"), ("results", "json"),
         ("organisations", "csv"), ("organisations", "json")]


def _read(dataset, format) -> str:
    with default_storage.open(exports.file_name(dataset, format), "rb") as handle:
        return handle.read().decode()


def _download(client, dataset, format):
    response = client.get(f"/en/open-data/download/{dataset}.{format}")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body.decode()


def test_nothing_private_leaves_through_the_api_or_the_files(api, world):
    urls = ["/api/v1/properties/?page_size=100", "/api/v1/calls/?page_size=100", "/api/v1/decisions/",
            "/api/v1/projects/", "/api/v1/results/", "/api/v1/organisations/?page_size=100",
            f"/api/v1/properties/{world.hidden.public_reference}/",
            f"/api/v1/properties/{world.approximate.public_reference}/",
            f"/api/v1/projects/{world.project.pk}/", f"/api/v1/calls/{world.open_call.pk}/"]
    texts = []
    for url in urls:
        response = api.get(url)
        assert response.status_code == 200, url
        texts.append(response.content.decode())
    call_command("opendata_export", stdout=io.StringIO())
    texts += [_read(dataset, format) for dataset, format in FILES]
    everything = "\n".join(texts)
    assert "Hidden house" in everything and world.cso.name in everything  # the public part is there
    leaked = [secret for secret in SECRETS if secret in everything]
    assert leaked == []


def test_management_command_builds_every_file_with_licence_metadata(world):
    out = io.StringIO()
    call_command("opendata_export", stdout=out)
    assert "14 file(s) built" in out.getvalue()
    for dataset, format in FILES:
        text = _read(dataset, format)
        if format == "csv":
            rows = list(csv.DictReader(io.StringIO(text)))
            assert rows, dataset
            continue
        document = json.loads(text)
        assert document["license"]["path"] == LICENSE_URL
        assert document["license"]["name"] == "CC-BY-4.0"
        assert "Re-use network" in document["attribution"]
        assert document["source"].endswith("/en/open-data/")
        assert document["generated_at"]
        assert document["dataset"] == dataset
        if format == "geojson":
            assert document["type"] == "FeatureCollection"
    properties = json.loads(_read("properties", "json"))["data"]
    assert {row["reference"] for row in properties} >= {world.exact.public_reference, world.hidden.public_reference}
    features = json.loads(_read("properties", "geojson"))["features"]
    references = {feature["properties"]["reference"]: feature for feature in features}
    assert world.hidden.public_reference not in references  # no point at all
    exact = references[world.exact.public_reference]
    assert exact["geometry"] == {"type": "Point", "coordinates": [float(world.exact.longitude),
                                                                  float(world.exact.latitude)]}
    assert exact["properties"]["location"]["precision"] == "exact"
    approximate = references[world.approximate.public_reference]
    assert approximate["geometry"]["coordinates"] == [float(world.approximate.municipality.longitude),
                                                      float(world.approximate.municipality.latitude)]
    assert approximate["properties"]["location"]["precision"] == "approximate"
    projects = json.loads(_read("projects", "geojson"))["features"]
    assert [f["properties"]["id"] for f in projects] == [world.project.pk]
    rows = list(csv.DictReader(io.StringIO(_read("properties", "csv"))))
    row = next(r for r in rows if r["reference"] == world.hidden.public_reference)
    assert row["location_precision"] == "none" and row["location_latitude"] == "" and row["office_slug"]
    results = list(csv.DictReader(io.StringIO(_read("results", "csv"))))
    assert results[0]["people_served"] == "160"


def test_files_are_rebuilt_only_when_their_dataset_changed(world):
    assert exports.build("properties", "csv") is True
    assert exports.build("properties", "csv") is False
    assert exports.build("calls", "json") is True
    bump_catalogue_version()
    assert exports.build("properties", "csv") is True
    assert exports.build("properties", "csv") is False
    out = io.StringIO()
    call_command("opendata_export", "--dataset", "properties", "--format", "csv", stdout=out)
    assert "0 file(s) built, 1 up to date" in out.getvalue()
    call_command("opendata_export", "--dataset", "properties", "--format", "csv", "--force", stdout=out)
    assert "1 file(s) built" in out.getvalue()


def test_export_reads_rows_in_chunks(world, monkeypatch):
    """The rows stream from the database with .iterator(): a small chunk size still yields them all."""
    monkeypatch.setattr(exports, "CHUNK", 1)
    exports.build("properties", "json", force=True)
    from reuse_projects.models import Property

    assert len(json.loads(_read("properties", "json"))["data"]) == Property.objects.public().count() > 3


def test_download_serves_a_fresh_file_with_licence_link(client, world):
    response, body = _download(client, "properties", "csv")  # built at once by the immediate backend
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Link"] == f'<{LICENSE_URL}>; rel="license"'
    assert response["X-Dataset-Status"] == "fresh"
    assert world.exact.public_reference in body
    response, body = _download(client, "projects", "geojson")
    assert response["Content-Type"] == "application/geo+json"
    assert json.loads(body)["license"]["path"] == LICENSE_URL


def test_download_unknown_is_404(client, world):
    assert client.get("/en/open-data/download/secrets.csv").status_code == 404
    assert client.get("/en/open-data/download/calls.geojson").status_code == 404
    assert client.get("/en/open-data/download/calls.xlsx").status_code == 404


@pytest.fixture
def background_tasks(settings):
    """A task backend that only queues (as in production), so builds do not happen during the request."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": []}}
    from django_tasks import default_task_backend

    yield default_task_backend
    default_task_backend.clear()


def test_download_without_a_file_is_503_and_queues_one_build(client, world, background_tasks):
    response = client.get("/en/open-data/download/calls.json")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "being prepared" in response.content.decode() or "being generated" in response.content.decode()
    assert client.get("/en/open-data/download/calls.json").status_code == 503
    assert len(background_tasks.results) == 1  # one build queued, not one per request


def test_stale_file_is_served_with_a_header_while_a_new_one_is_queued(client, world, background_tasks):
    exports.build("properties", "json")
    bump_catalogue_version()
    response, body = _download(client, "properties", "json")
    assert response.status_code == 200
    assert response["X-Dataset-Status"].startswith("stale")
    assert json.loads(body)["license"]["path"] == LICENSE_URL
    assert len(background_tasks.results) == 1


def test_datapackage_lists_every_resource_with_its_licence(client, world):
    exports.build("calls", "csv")
    response = client.get("/en/open-data/datapackage.json")
    assert response.status_code == 200
    package = response.json()
    assert package["licenses"][0]["path"] == LICENSE_URL
    names = {resource["name"] for resource in package["resources"]}
    assert names == {f"{d}-{f}" for d, f in FILES}
    for resource in package["resources"]:
        assert resource["licenses"] == [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 "
                                         "International", "path": LICENSE_URL}]
    calls_csv = next(r for r in package["resources"] if r["name"] == "calls-csv")
    assert calls_csv["bytes"] > 0 and calls_csv["created"]
    assert {"name": "office_slug", "type": "any"} in calls_csv["schema"]["fields"]


@pytest.mark.parametrize("language", ["en", "sr", "sq"])
def test_open_data_page(client, world, language):
    exports.build("properties", "csv")
    response = client.get(f"/{language}/open-data/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert LICENSE_URL in html and "/api/v1/properties/" in html and "/api/schema/?format=json" in html
    assert "<caption" in html and 'scope="col"' in html
    assert f"/{language}/open-data/download/properties.csv" in html
    assert f"/{language}/open-data/datapackage.json" in html
    assert "120/minute" in html
    assert "onclick" not in html
