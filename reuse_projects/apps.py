from django.apps import AppConfig


class ReuseProjectsConfig(AppConfig):
    """Re-use projects and their results reports (built on the proposals workflow)."""

    name = "reuse_projects"
    verbose_name = "Re-use projects"
