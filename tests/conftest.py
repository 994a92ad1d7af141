import pytest


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (cached public answers, rate-limit counters)."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _campaign_menus(request, _empty_cache):
    """The campaign's menus in the header are read once per publication (see
    `campaign.context_processors`): read them before the test, as a running site has, so that query
    budgets measure each page's own queries."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or marker.kwargs.get("transaction") or (marker.args and marker.args[0]):
        return
    request.getfixturevalue("db")
    from campaign.context_processors import menus

    menus()


@pytest.fixture(autouse=True)
def _english():
    """Each test starts in English, whatever language an earlier request left active in this thread."""
    from django.utils.translation import override

    with override("en"):
        yield


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploads of each test go to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": str(tmp_path / "media")}},
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None}},
    }


@pytest.fixture(scope="session")
def _migration_data_snapshot(django_db_setup, django_db_blocker):
    """Put the data that migrations create back at the end of the session.

    A transactional test (as every live_server test is) ends by flushing the database, and with it
    the reference data the migrations loaded (countries, thematic areas, Wagtail's root page...).
    Django restores that snapshot at the start of each `serialized_rollback` test, but not at the
    end, so with --reuse-db the next run would start on an empty database. Restore it here.
    """
    state = {"flushed": False}
    yield state
    if not state["flushed"]:
        return
    from django.apps import apps
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all(initialized_only=False):
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                call_command("flush", database=connection.alias, interactive=False,
                             inhibit_post_migrate=True, verbosity=0)
                connection.creation.deserialize_db_from_string(contents)
                # As loaddata does: sequences past the restored primary keys.
                models = apps.get_models(include_auto_created=True)
                with connection.cursor() as cursor:
                    for sql in connection.ops.sequence_reset_sql(no_style(), models):
                        cursor.execute(sql)


@pytest.fixture(autouse=True)
def _restore_migration_data(_migration_data_snapshot, request):
    marker = request.node.get_closest_marker("django_db")
    transactional = marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    if transactional or {"live_server", "transactional_db"} & set(request.fixturenames):
        _migration_data_snapshot["flushed"] = True
