"""`search_reindex` rebuilds the index with a progress bar; `search_check` reports missing, stale and extra
documents, exits with status 1 when there are any, and `--fix` repairs them."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from search.backends import SearchUnavailable
from search.backends.database import DatabaseBackend
from search.documents import all_documents
from search.models import PendingChange, SearchEntry
from tests.factories import PropertyFactory

from . import document

pytestmark = pytest.mark.django_db


def _run(name, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command(name, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_reindex_rebuilds_everything_with_a_progress_bar():
    PropertyFactory.create_batch(3, available=True)
    PropertyFactory()  # a draft: never indexed
    DatabaseBackend().index([document("property:999999", "Left over")])
    PendingChange.objects.create(key="property:999999")
    expected = {document.key for document in all_documents()}
    out, err = _run("search_reindex")
    assert set(SearchEntry.objects.values_list("key", flat=True)) == expected
    assert f"Indexed {len(expected)} documents (database)." in out
    assert f"{len(expected)} / {len(expected)} (100%) [{'#' * 30}]" in err
    assert not PendingChange.objects.exists()


def test_reindex_of_one_kind_leaves_the_others_alone():
    properties = PropertyFactory.create_batch(2, available=True)
    DatabaseBackend().index([document("page:999999", "Not touched"), document("property:999999", "Gone")])
    out, _err = _run("search_reindex", "--kind", "property")
    assert "Indexed 2 documents" in out
    assert set(SearchEntry.objects.values_list("key", flat=True)) == {
        "page:999999", *(f"property:{property.pk}" for property in properties)}


def test_check_reports_missing_stale_and_extra_and_exits_with_status_1():
    fresh, stale, missing = PropertyFactory.create_batch(3, available=True)
    _run("search_reindex")
    SearchEntry.objects.filter(key=f"property:{stale.pk}").update(updated_at="2000-01-01T00:00:00+00:00")
    SearchEntry.objects.filter(key=f"property:{missing.pk}").delete()
    DatabaseBackend().index([document("property:999999", "Extra")])
    out = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("search_check", stdout=out)
    assert raised.value.returncode == 1
    report = out.getvalue()
    assert f"missing: 1\n  property:{missing.pk}\n" in report
    assert f"stale: 1\n  property:{stale.pk}\n" in report
    assert "extra: 1\n  property:999999\n" in report
    assert f"property:{fresh.pk}" not in report


def test_check_with_fix_repairs_the_index_and_then_finds_it_consistent():
    stale, missing = PropertyFactory.create_batch(2, available=True)
    _run("search_reindex")
    SearchEntry.objects.filter(key=f"property:{stale.pk}").update(updated_at="old", title="Old")
    SearchEntry.objects.filter(key=f"property:{missing.pk}").delete()
    DatabaseBackend().index([document("property:999999", "Extra")])
    out, _err = _run("search_check", "--fix")
    assert "Fixed 3 documents." in out
    out, _err = _run("search_check")
    assert "missing: 0\nstale: 0\nextra: 0\n" in out
    assert "The index is consistent" in out
    assert SearchEntry.objects.get(key=f"property:{stale.pk}").title != "Old"


def test_check_fix_indexes_the_changes_that_waited_for_the_engine():
    property = PropertyFactory(available=True)
    _run("search_reindex")
    SearchEntry.objects.all().delete()
    PendingChange.objects.create(key=f"property:{property.pk}")
    _run("search_check", "--fix")
    assert not PendingChange.objects.exists()
    assert SearchEntry.objects.filter(key=f"property:{property.pk}").exists()


def test_check_says_when_the_engine_is_unavailable(monkeypatch):
    def unavailable(self):
        raise SearchUnavailable("connection refused")

    monkeypatch.setattr(DatabaseBackend, "indexed", unavailable)
    with pytest.raises(CommandError, match="unavailable"):
        call_command("search_check", stdout=io.StringIO())
