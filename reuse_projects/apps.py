from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReuseProjectsConfig(AppConfig):
    """The re-use path of an asset: properties published by AMOs (then calls, proposals, projects)."""

    name = "reuse_projects"
    verbose_name = _("Re-use of assets")
