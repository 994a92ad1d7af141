"""Transactional e-mail: rendered in the recipient's language, then sent by a background task."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .tasks import send_email


def absolute_url(path: str) -> str:
    """The site's public address (settings.WAGTAILADMIN_BASE_URL, from SITE_URL) before a path; a URL
    that is already absolute (a file in remote storage) is kept."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def queue_email(*, template: str, to: list[str], context: dict, language: str | None = None,
                attachments: list[tuple[str, str, str]] | None = None, headers: dict[str, str] | None = None) -> None:
    """Render `<template>_subject.txt` and `_body.txt` (under `network/email/` unless the name has a
    folder), send once the transaction commits. `attachments`: (file name, text content, MIME type);
    `headers`: extra message headers (such as List-Unsubscribe)."""
    prefix = template if "/" in template else f"network/email/{template}"
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{prefix}_subject.txt", context)
        body = render_to_string(f"{prefix}_body.txt", context)
    subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split())
    extra = {"attachments": [list(attachment) for attachment in attachments]} if attachments else {}
    if headers:
        extra["headers"] = dict(headers)
    transaction.on_commit(lambda: send_email.enqueue(subject=subject, body=body, to=to, **extra))
