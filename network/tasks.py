"""Background work of the network app, run by the `db_worker` process."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django_tasks import TaskResultStatus, task


def enqueue_once(task_function, *, run_after):
    """Queue a self-repeating task for `run_after` unless a run of it is already waiting. Returns the
    result, or None when nothing was queued.

    Only a backend that can defer work (the database queue) takes such a chain: the tests' immediate
    backend would run it at once, again and again.
    """
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    backend = task_function.get_backend()
    if not backend.supports_defer:
        return None
    if isinstance(backend, DatabaseBackend) and DBTaskResult.objects.filter(
        task_path=task_function.module_path, status=TaskResultStatus.READY
    ).exists():
        return None
    return task_function.using(run_after=run_after).enqueue()


@task(queue_name="email")
def send_email(*, subject: str, body: str, to: list[str], html: str = "", attachments: list | None = None,
               headers: dict | None = None) -> int:
    """Send one e-mail. Messages are rendered before they are queued, so arguments stay plain text
    (attachments too: [file name, text content, MIME type] each)."""
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to, headers=headers or None
    )
    if html:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    return message.send()
