from django.apps import AppConfig


class CampaignConfig(AppConfig):
    """The awareness campaign's Wagtail pages."""

    name = "campaign"

    def ready(self):
        from . import signals  # noqa: F401
