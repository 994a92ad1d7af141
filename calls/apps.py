from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    """Calls for proposals, proposals, reviews, decisions, re-use agreements and their audit log."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "calls"
    verbose_name = _("Calls and proposals")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .context_processors import remember_has_reviews, remember_unread_notifications

        user_logged_in.connect(remember_has_reviews, dispatch_uid="calls_remember_has_reviews")
        user_logged_in.connect(remember_unread_notifications, dispatch_uid="calls_remember_unread_notifications")
