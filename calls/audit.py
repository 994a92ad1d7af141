"""The append-only, hash-chained audit log of calls, proposals, reviews and decisions.

Each entry's hash is SHA-256 over the previous entry's hash and the entry's own content in a canonical
JSON form, so changing, removing or inserting any row breaks every hash from there on. Appends are
serialised (a transaction-scoped advisory lock on PostgreSQL; SQLite serialises writers anyway) so two
transactions never chain onto the same predecessor.
"""

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone

from .models import AuditEntry

GENESIS = "0" * 64
# An arbitrary constant naming the lock that serialises appends to the chain.
AUDIT_LOCK_KEY = 0x5EA5_0A0D


def canonical(entry: AuditEntry) -> bytes:
    content = {
        "position": entry.position,
        "created_at": entry.created_at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "call_id": entry.call_id,
        "actor_id": entry.actor_id,
        "data": entry.data,
        "previous_hash": entry.previous_hash,
    }
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, cls=DjangoJSONEncoder)
    return text.encode()


def entry_hash(entry: AuditEntry) -> str:
    return hashlib.sha256(canonical(entry)).hexdigest()


def _lock_chain():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [AUDIT_LOCK_KEY])


@transaction.atomic
def audit_append(*, action: str, obj, actor=None, call_id: int | None = None, data: dict | None = None) -> AuditEntry:
    """Append one event about `obj` (a model instance) to the chain, inside the caller's transaction."""
    _lock_chain()
    last = AuditEntry.objects.order_by("-position").values("position", "hash").first()
    entry = AuditEntry(
        position=(last["position"] + 1) if last else 1,
        created_at=timezone.now(),
        action=action,
        object_type=obj._meta.model_name,
        object_id=obj.pk,
        call_id=call_id,
        actor_id=getattr(actor, "pk", None),
        # Round-trip through JSON so the stored value hashes the same when read back.
        data=json.loads(json.dumps(data or {}, cls=DjangoJSONEncoder)),
        previous_hash=last["hash"] if last else GENESIS,
    )
    entry.hash = entry_hash(entry)
    entry.save()
    return entry


@dataclass
class ChainBreak:
    position: int
    entry_id: int
    problem: str


def audit_verify(*, batch_size: int = 2000) -> tuple[int, ChainBreak | None]:
    """Walk the chain in order; return (entries checked, the first break or None)."""
    expected_previous, expected_position, checked = GENESIS, 1, 0
    entries = AuditEntry.objects.order_by("position").iterator(chunk_size=batch_size)
    for entry in entries:
        checked += 1
        if entry.position != expected_position:
            problem = f"expected position {expected_position}: an entry is missing or was inserted"
            return checked, ChainBreak(entry.position, entry.pk, problem)
        if entry.previous_hash != expected_previous:
            problem = "does not follow the previous entry: an entry before it was removed, inserted or changed"
            return checked, ChainBreak(entry.position, entry.pk, problem)
        if entry_hash(entry) != entry.hash:
            return checked, ChainBreak(entry.position, entry.pk, "its content does not match its hash: it was changed")
        expected_previous, expected_position = entry.hash, entry.position + 1
    return checked, None
