import site
import sys


def test_stdlib_site_is_not_shadowed():
    """site/ is a plain folder; `import site` must still be the standard library's module."""
    assert site.__file__.startswith(sys.base_prefix) or "site-packages" not in site.__file__
    assert hasattr(site, "getsitepackages")


def test_healthz_answers_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "up"


def test_healthz_is_503_when_the_database_is_down(client, db):
    from unittest import mock

    from django.db import OperationalError, connection

    with mock.patch.object(connection, "cursor", side_effect=OperationalError("refused")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def test_root_redirects_by_browser_language(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="mk,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/mk/"
