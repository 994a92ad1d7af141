from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    """Calls for proposals, proposals, reviews, decisions, re-use agreements and their audit log."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "calls"
    verbose_name = _("Calls and proposals")
