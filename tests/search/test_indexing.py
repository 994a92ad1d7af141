"""Indexing follows every change once the transaction commits: saves, status and privacy changes, deletes,
thematic areas, Wagtail publishing and restrictions. When the engine is unavailable the changes wait and are
indexed by the next run; nothing is lost."""

from decimal import Decimal

import pytest
from django.db import transaction
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from network.models import Organisation
from search.backends import SearchUnavailable
from search.backends.database import DatabaseBackend
from search.contract import Query
from search.indexing import flush_pending, index_now
from search.models import PendingChange, SearchEntry
from tests.campaign import pages
from tests.factories import OrganisationFactory, PropertyFactory, set_thematic_areas

pytestmark = pytest.mark.django_db


def _entry(key):
    return SearchEntry.objects.filter(key=key).first()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the on-commit callbacks (and with them the indexing tasks, immediate in the tests)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_published_property_is_indexed_updated_and_removed_when_withdrawn(commit):
    with commit():
        property = PropertyFactory(available=True, title="Vila u Budvi", title_en="Villa in Budva")
    key = f"property:{property.pk}"
    assert _entry(key).title == "Vila u Budvi\nVilla in Budva"
    with commit():
        property.title = "Kuća u Budvi"
        property.save()
    assert _entry(key).title_norm.startswith("kuca u budvi")
    with commit():
        property.status = "withdrawn"
        property.save()
    assert _entry(key) is None


def test_a_draft_property_is_never_indexed(commit):
    with commit():
        property = PropertyFactory()
    assert _entry(f"property:{property.pk}") is None
    assert not PendingChange.objects.exists()


def test_a_property_going_hidden_loses_its_point_in_the_index(commit):
    with commit():
        property = PropertyFactory(available=True)
    key = f"property:{property.pk}"
    assert _entry(key).latitude == property.latitude
    with commit():
        property.location_privacy = "hidden"
        property.save()
    entry = _entry(key)
    assert (entry.latitude, entry.longitude) == (None, None)
    near = DatabaseBackend().search(Query(text="", near=(property.latitude, property.longitude, 50)))
    assert key not in [hit.key for hit in near.hits]


def test_a_deleted_property_leaves_the_index(commit):
    with commit():
        property = PropertyFactory(available=True)
    key = f"property:{property.pk}"
    assert _entry(key) is not None
    with commit():
        property.delete()
    assert _entry(key) is None


def test_nothing_is_indexed_when_the_transaction_rolls_back(commit):
    with commit():
        try:
            with transaction.atomic():
                property = PropertyFactory(available=True)
                raise RuntimeError
        except RuntimeError:
            pass
    assert not SearchEntry.objects.filter(key=f"property:{property.pk}").exists()


def test_an_organisation_is_indexed_when_verified_and_follows_its_thematic_areas(commit):
    with commit():
        organisation = OrganisationFactory()
    key = f"organisation:{organisation.pk}"
    assert _entry(key) is None
    with commit():
        organisation.status = Organisation.Status.VERIFIED
        organisation.save()
    assert _entry(key).themes == []
    with commit():
        set_thematic_areas(organisation, "youth", "education")
    assert sorted(_entry(key).themes) == ["education", "youth"]
    with commit():
        organisation.status = Organisation.Status.SUSPENDED
        organisation.save()
    assert _entry(key) is None


def test_pages_follow_publishing_unpublishing_restrictions_and_deletes(commit):
    with commit():
        page = pages.campaign_page(title="Why re-use matters")
    key = f"page:{page.pk}"
    assert _entry(key).language == "en"
    with commit():
        page.title = "Why social re-use matters"
        page.save_revision().publish()
    assert _entry(key).title == "Why social re-use matters"
    with commit():
        page.unpublish()
    assert _entry(key) is None
    with commit():
        page.save_revision().publish()
    assert _entry(key) is not None
    with commit():
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert _entry(key) is None
    with commit():
        PageViewRestriction.objects.filter(page=page).delete()
    assert _entry(key) is not None
    with commit():
        page.delete()
    assert _entry(key) is None


def test_a_library_document_leaves_the_index_when_its_collection_is_restricted(commit):
    collection = Collection.get_first_root_node().add_child(name="Studies")
    with commit():
        document = pages.document("Study on re-use", collection=collection)
    key = f"resource:{document.pk}"
    assert _entry(key) is not None
    with commit():
        CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    assert _entry(key) is None


def _unavailable(*args, **kwargs):
    raise SearchUnavailable("down")


def test_changes_made_while_the_engine_is_down_are_kept_and_indexed_by_the_next_run(commit, monkeypatch):
    with commit():
        gone = PropertyFactory(available=True)
    with monkeypatch.context() as patched:
        patched.setattr(DatabaseBackend, "index", _unavailable)
        patched.setattr(DatabaseBackend, "delete", _unavailable)
        with commit():
            waiting = PropertyFactory(available=True, title="Farm in Ulcinj")
        with commit():
            gone.status = "withdrawn"
            gone.save()
        assert set(PendingChange.objects.values_list("key", flat=True)) == {
            f"property:{waiting.pk}", f"property:{gone.pk}"}
        assert _entry(f"property:{waiting.pk}") is None
        assert _entry(f"property:{gone.pk}") is not None
        # Still down: a retry indexes nothing and keeps the changes.
        assert flush_pending() == 0
        assert PendingChange.objects.count() == 2
    # The engine is back: the next indexing task indexes what waited first.
    with commit():
        other = PropertyFactory(available=True)
    assert not PendingChange.objects.exists()
    assert _entry(f"property:{waiting.pk}").title.startswith("Farm in Ulcinj")
    assert _entry(f"property:{gone.pk}") is None
    assert _entry(f"property:{other.pk}") is not None


def test_index_now_reports_an_unavailable_engine(monkeypatch):
    property = PropertyFactory(available=True)
    monkeypatch.setattr(DatabaseBackend, "index", _unavailable)
    assert index_now([f"property:{property.pk}"]) is False
    assert list(PendingChange.objects.values_list("key", flat=True)) == [f"property:{property.pk}"]


def test_the_index_is_consistent_after_updates_and_deletes(commit):
    with commit():
        properties = [PropertyFactory(available=True, approximate=n % 2 == 0) for n in range(4)]
    with commit():
        properties[0].latitude = Decimal("45.300000")
        properties[0].location_privacy = "exact"
        properties[0].save()
        properties[1].status = "draft"
        properties[1].save()
        properties[2].delete()
    from search.documents import documents_for

    expected = {document.key: document.updated_at for document in documents_for("property")}
    assert DatabaseBackend().indexed() == expected
    assert _entry(f"property:{properties[0].pk}").latitude == Decimal("45.300000")


def test_a_project_is_indexed_when_it_becomes_active_and_found_in_either_script(commit):
    from tests.factories import reuse_project

    with commit():
        project = reuse_project("preparing", title="Кућа за младе")
    key = f"project:{project.pk}"
    assert _entry(key) is None
    from projects import services

    with commit():
        services.condition_report_add(project=project, actor=None, kind="handover",
                                      inspected_on=project.start_date, condition="ready")
        services.project_activate(project=project, actor=None)
    assert _entry(key).status == "active"
    assert key in [hit.key for hit in DatabaseBackend().search(Query(text="kuca za mla")).hits]
