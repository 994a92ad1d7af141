"""Background work of the network app, run by the `db_worker` process."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task(queue_name="email")
def send_email(*, subject: str, body: str, to: list[str], html: str = "") -> int:
    """Send one e-mail. Messages are rendered before they are queued, so arguments stay plain text."""
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to
    )
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()
