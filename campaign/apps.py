from django.apps import AppConfig


class CampaignConfig(AppConfig):
    """The awareness campaign's Wagtail pages."""

    name = "campaign"
