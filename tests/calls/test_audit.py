"""The audit log: append-only, hash-chained, and `audit_verify` names the first broken entry."""

import hashlib

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from calls.audit import GENESIS, audit_append, audit_verify, entry_hash
from calls.models import AuditEntry
from tests.factories import CallFactory, UserFactory

pytestmark = pytest.mark.django_db


def _chain(n=5):
    call = CallFactory()
    actor = UserFactory()
    return [
        audit_append(action=f"event_{i}", obj=call, actor=actor, call_id=call.pk, data={"i": i, "text": "ћирилица ë ș"})
        for i in range(n)
    ]


def _raw(sql, params=()):
    """Tamper as someone with direct database access would: around the append-only trigger."""
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE calls_auditentry DISABLE TRIGGER calls_auditentry_append_only")
        cursor.execute(sql, params)
        cursor.execute("ALTER TABLE calls_auditentry ENABLE TRIGGER calls_auditentry_append_only")


def test_entries_chain_each_onto_the_previous_hash():
    entries = _chain(3)
    assert entries[0].previous_hash == GENESIS
    assert [e.position for e in entries] == [1, 2, 3]
    assert entries[1].previous_hash == entries[0].hash and entries[2].previous_hash == entries[1].hash
    stored = AuditEntry.objects.get(pk=entries[2].pk)
    assert entry_hash(stored) == stored.hash  # what is read back hashes the same as what was written


def test_an_intact_chain_verifies(capsys):
    entries = _chain(4)
    assert audit_verify() == (4, None)
    call_command("audit_verify")
    out = capsys.readouterr().out
    assert "4 entries verified" in out and f"#4 {entries[-1].hash}" in out


def test_an_empty_log_verifies():
    assert audit_verify() == (0, None)


def test_the_application_cannot_update_or_delete_an_entry():
    entry = _chain(1)[0]
    entry.action = "changed"
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="changed")
    with pytest.raises(TypeError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).action == "event_0"


def test_the_database_refuses_updates_and_deletes_too():
    entry = _chain(1)[0]
    for sql in ("UPDATE calls_auditentry SET action = 'changed'", "DELETE FROM calls_auditentry"):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(sql)
    assert AuditEntry.objects.get(pk=entry.pk).action == "event_0"


def test_an_edited_entry_is_named():
    entries = _chain(5)
    _raw("UPDATE calls_auditentry SET data = %s WHERE id = %s", ['{"i": 99}', entries[2].pk])
    checked, broken = audit_verify()
    assert broken.position == 3 and "changed" in broken.problem
    with pytest.raises(CommandError, match="#3"):
        call_command("audit_verify")


def test_an_edit_with_a_recomputed_hash_breaks_the_next_entry():
    entries = _chain(5)
    _raw("UPDATE calls_auditentry SET action = 'forged' WHERE id = %s", [entries[1].pk])
    forged = AuditEntry.objects.get(pk=entries[1].pk)
    _raw("UPDATE calls_auditentry SET hash = %s WHERE id = %s", [entry_hash(forged), forged.pk])
    assert audit_verify()[1].position == 3


def test_a_deleted_entry_is_named():
    entries = _chain(5)
    _raw("DELETE FROM calls_auditentry WHERE id = %s", [entries[2].pk])
    broken = audit_verify()[1]
    assert broken.position == 4 and "missing" in broken.problem


def test_an_inserted_entry_is_named():
    entries = _chain(3)
    # Shift the last entry along and slip a forged one in at position 3, chained "correctly" onto #2.
    _raw("UPDATE calls_auditentry SET position = 4 WHERE id = %s", [entries[2].pk])
    forged = AuditEntry(position=3, created_at=entries[2].created_at, action="approve", object_type="proposal",
                        object_id=1, previous_hash=entries[1].hash, data={})
    forged.hash = entry_hash(forged)
    forged.save()
    broken = audit_verify()[1]
    assert broken.position == 4 and "previous" in broken.problem


def test_hashes_cover_every_field():
    entry = _chain(1)[0]
    for field, value in [("action", "x"), ("object_id", 999), ("actor_id", 999), ("data", {"i": 1}),
                         ("call_id", 999), ("previous_hash", "f" * 64)]:
        original = getattr(entry, field)
        setattr(entry, field, value)
        assert entry_hash(entry) != entry.hash, field
        setattr(entry, field, original)
    assert entry_hash(entry) == entry.hash
    assert len(entry.hash) == len(hashlib.sha256().hexdigest())


def test_the_call_audit_trail_is_for_the_office_only(client):
    from django.urls import reverse

    from tests.factories import OrganisationFactory, amo_officer, coordinator, cso_member

    entries = _chain(3)
    call_id = entries[0].call_id
    url = reverse("calls:call_audit", args=[call_id])
    export = reverse("calls:call_audit_export", args=[call_id])
    assert client.get(url).status_code == 302  # visitors sign in first
    refused = [amo_officer("auoi-mk"), coordinator(totp=True),
               cso_member(OrganisationFactory(verified=True), admin=True)]
    for user in refused:
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.get(export).status_code == 403
    client.force_login(amo_officer())
    page = client.get(url)
    assert page.status_code == 200 and "event_2" in page.content.decode()
    data = client.get(export).json()
    assert [e["position"] for e in data["entries"]] == [1, 2, 3]
    # What the export gives is enough to re-hash each entry.
    from django.utils.dateparse import parse_datetime

    for row, entry in zip(data["entries"], entries, strict=True):
        rebuilt = AuditEntry(**{**{k: v for k, v in row.items() if k != "hash"},
                                "created_at": parse_datetime(row["created_at"])})
        assert entry_hash(rebuilt) == row["hash"] == entry.hash


def test_the_audit_trail_page_holds_its_query_budget(client):
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from tests.factories import amo_officer

    call = CallFactory()
    officer = amo_officer()
    client.force_login(officer)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("calls:call_audit", args=[call.pk])).status_code == 200
        return len(queries)

    for _ in range(2):
        audit_append(action="a", obj=call, actor=UserFactory(), call_id=call.pk)
    few = count()
    for _ in range(20):
        audit_append(action="a", obj=call, actor=UserFactory(), call_id=call.pk)
    assert count() == few
