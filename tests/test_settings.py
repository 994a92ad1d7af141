"""Production settings: safe by default, refuse to start without secrets."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "ALLOWED_"))}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment,
        capture_output=True, text=True, timeout=120,
    )


def test_production_settings_pass_the_deployment_checks_without_warnings():
    result = _manage(
        "check", "--deploy", "--fail-level", "WARNING", "--settings", "config.settings.production",
        DJANGO_SECRET_KEY="k" * 20 + "production-test-secret-key-with-enough-entropy-0123456789",
        ALLOWED_HOSTS="reuse.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check", "--settings", "config.settings.production", ALLOWED_HOSTS="reuse.example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_the_wagtail_admin_is_served(client, db):
    response = client.get("/cms/login/")
    assert response.status_code == 200


def test_production_collects_the_static_files_with_its_manifest_storage(tmp_path):
    """The manifest storage refuses any CSS or JS that names a missing file (a vendored source map...)."""
    result = _manage(
        "collectstatic", "--noinput", "-v", "0", "--settings", "config.settings.production",
        DJANGO_SECRET_KEY="k" * 60, ALLOWED_HOSTS="reuse.example.org", STATIC_ROOT=str(tmp_path / "static"),
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "static" / "staticfiles.json").exists()
    assert list((tmp_path / "static" / "vendor" / "leaflet").glob("leaflet.*.js"))
