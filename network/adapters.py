"""django-allauth hooks: its e-mails go through our background queue like every other message, and a
person's language follows them from sign-up to every later sign-in and e-mail."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.db import transaction
from django.urls import translate_url
from django.utils import translation

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

    def save_user(self, request, user, form, commit=True):
        # The language the person signed up in is the one we write to them in.
        language = translation.get_language()
        if language in dict(settings.LANGUAGES):
            user.preferred_language = language
        return super().save_user(request, user, form, commit=commit)

    def get_login_redirect_url(self, request):
        url = super().get_login_redirect_url(request)
        language = getattr(request.user, "preferred_language", "")
        if language and language != translation.get_language():
            return translate_url(url, language)
        return url
