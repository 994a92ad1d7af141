from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    """Re-use projects after the decision: handover, results reports, renewal, the showcase and impact."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "projects"
    verbose_name = _("Re-use projects")

    def ready(self):
        from django.db.models.signals import post_save

        from calls.models import ReuseAgreement

        from .services import project_for_new_agreement

        # An approval creates the agreement inside the decision's transaction; its project is created
        # in the same transaction, so there is never an agreement without its project.
        post_save.connect(project_for_new_agreement, sender=ReuseAgreement, dispatch_uid="projects_from_agreement")
