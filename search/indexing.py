"""Indexing follows every change: signals (`search.signals`) queue the keys of what changed once the
transaction commits, the task `search.tasks.index_keys` rebuilds their documents from the public data and
hands them to the engine. When the engine is unavailable the keys wait in `PendingChange` and are indexed by
the next run (`flush_pending`, called first by every indexing task, by `search_reindex` and by
`search_check --fix`): nothing is lost.
"""

import logging

from django.db import transaction

from .backends import SearchUnavailable, get_backend
from .documents import documents_for_keys
from .models import PendingChange

logger = logging.getLogger(__name__)
FLUSH_BATCH = 1000


def queue_keys(keys) -> None:
    """Index `keys` once the current transaction commits (at once outside one)."""
    keys = sorted({str(key) for key in keys if key})
    if keys:
        transaction.on_commit(lambda: _enqueue(keys), robust=True)


def _enqueue(keys: list[str]) -> None:
    from .tasks import index_keys

    index_keys.enqueue(keys=keys)


def _apply(backend, keys: list[str]) -> None:
    """Index the public documents of `keys` and delete the others from the index (SearchUnavailable passes)."""
    documents, gone = documents_for_keys(keys)
    if documents:
        backend.index(documents)
    if gone:
        backend.delete(gone)


def index_now(keys, *, backend=None) -> bool:
    """Bring the index in line with the public data for `keys`: index what is public, delete the rest.
    Returns False (and keeps the keys as pending changes) when the engine is unavailable."""
    keys = list(dict.fromkeys(str(key) for key in keys))
    if not keys:
        return True
    try:
        _apply(backend or get_backend(), keys)
    except SearchUnavailable:
        logger.warning("Search engine unavailable: %(count)s changes kept for later", {"count": len(keys)})
        PendingChange.objects.bulk_create([PendingChange(key=key) for key in keys])
        return False
    return True


def flush_pending(*, backend=None) -> int:
    """Index the changes that waited for the engine. Returns how many keys were indexed (0 when the engine
    is still unavailable: they keep waiting)."""
    backend = backend or get_backend()
    done = 0
    while True:
        rows = list(PendingChange.objects.order_by("pk").values_list("pk", "key")[:FLUSH_BATCH])
        if not rows:
            return done
        last = rows[-1][0]
        keys = list(dict.fromkeys(key for _pk, key in rows))
        try:
            _apply(backend, keys)
        except SearchUnavailable:
            return done
        PendingChange.objects.filter(pk__lte=last).delete()
        done += len(keys)
