"""E-mails travel through the real database queue (django-tasks-db) and are sent by the worker.

Transactional: the worker closes database connections between tasks, as it does in production.
"""

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from network.tasks import send_email

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}
}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_email_waits_in_the_queue_until_the_worker_sends_it(settings):
    settings.TASKS = DATABASE_QUEUE
    result = send_email.using(backend="default").enqueue(
        subject="Verified", body="Your organisation is verified.", to=["admin@example.org"]
    )
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(id=result.id, status="READY").exists()

    call_command("db_worker", queue_name="*", batch=True, no_startup_delay=True, verbosity=0)

    assert [m.subject for m in mail.outbox] == ["Verified"]
    assert mail.outbox[0].to == ["admin@example.org"]
    assert DBTaskResult.objects.get(id=result.id).status == "SUCCESSFUL"
