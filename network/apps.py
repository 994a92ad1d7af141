from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    """Accounts, organisations (CSOs and AMOs), memberships and verification."""

    name = "network"
    verbose_name = _("Network")
