"""django-allauth hooks: its e-mails go through our background queue like every other message."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.db import transaction

from .tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        # The same base context as allauth's own send_mail: its templates use `email` and
        # `current_site` (without them: "Hello from !" and a blank address).
        request = allauth_context.request
        context = {"request": request, "email": email, "current_site": get_current_site(request),
                   **context}
        # Render now (the context holds live objects), send from the worker.
        message = self.render_mail(template_prefix, email, context)
        html = ""
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html = content
        payload = {"subject": message.subject, "body": message.body, "to": list(message.to), "html": html}
        transaction.on_commit(lambda: send_email.enqueue(**payload))
