"""Tell people what concerns them: an on-site notification and an e-mail, each in their own language.

The e-mail is rendered now and sent by a background task once the transaction commits; the on-site
notice is its subject line with a link.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from network.emails import absolute_url, queue_email
from network.models import Membership, User

from .context_processors import forget_unread_notifications
from .models import Notification


def members_of(*organisation_ids, admins_only: bool = False) -> list:
    """The active people of these organisations: an office's officers, a CSO's members (or admins)."""
    memberships = Membership.objects.filter(organisation_id__in=organisation_ids)
    if admins_only:
        memberships = memberships.admins()
    return list(User.objects.filter(pk__in=memberships.values("user_id"), is_active=True))


def link(name: str, *, fragment: str = "", **kwargs):
    """The `url` of a notification: the page `calls:<name>`, reversed in each recipient's language."""
    return lambda language: reverse(f"calls:{name}", kwargs=kwargs or None) + fragment


def notify(*, users, kind: str, context: dict, url: str = "", templates: str = "calls/email") -> list[Notification]:
    """Notify each user once about `kind` (templates `<templates>/<kind>_subject.txt` and `_body.txt`).

    `url` is a path in the language-neutral form `reverse()` gives inside `translation.override`;
    it is rebuilt per recipient language by the caller's `url_for(language)` when given as a callable.
    """
    notices, seen = [], set()
    for user in users:
        if user is None or user.pk in seen or not user.is_active:
            continue
        seen.add(user.pk)
        language = user.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language):
            link = url(language) if callable(url) else url
            message_context = {**context, "user": user, "url": absolute_url(link) if link else ""}
            subject = " ".join(render_to_string(f"{templates}/{kind}_subject.txt", message_context).split())
        notices.append(Notification(user=user, kind=kind, message=subject[:500], url=link))
        queue_email(template=f"{templates}/{kind}", to=[user.email], context=message_context, language=language)
    created = Notification.objects.bulk_create(notices)
    forget_unread_notifications(seen)
    return created
