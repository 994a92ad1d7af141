"""Background indexing (django-tasks, run by the `db_worker` process; at once in the tests)."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from network.tasks import enqueue_once

from .indexing import flush_pending, index_now
from .models import PendingChange

RETRY_AFTER = timedelta(minutes=5)


@task()
def index_keys(*, keys: list[str]) -> int:
    """Index the documents of `keys` (after any changes still waiting for the engine). When the engine is
    unavailable the keys are kept and a retry is queued."""
    flush_pending()
    if not index_now(keys):
        enqueue_once(flush_pending_changes, run_after=timezone.now() + RETRY_AFTER)
    return len(keys)


@task()
def flush_pending_changes() -> int:
    """Retry the changes that waited for the engine; again later while it is still unavailable."""
    done = flush_pending()
    if PendingChange.objects.exists():
        enqueue_once(flush_pending_changes, run_after=timezone.now() + RETRY_AFTER)
    return done
