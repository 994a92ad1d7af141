from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Platform-wide search over properties, organisations, projects and campaign pages."""

    name = "search"
    label = "platform_search"

    def ready(self):
        from . import signals

        signals.connect()
