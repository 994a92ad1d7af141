"""The one table of allowed re-use project moves, and what each does to the property."""

from django.utils.translation import gettext_lazy as _

from .models import ReuseProject

Status = ReuseProject.Status

# action -> (allowed from statuses, to status, reason required, the property's action or None)
PROJECT_TRANSITIONS = {
    "activate": ({Status.PREPARING}, Status.ACTIVE, False, "hand_over"),
    "suspend": ({Status.ACTIVE}, Status.SUSPENDED, True, None),
    "resume": ({Status.SUSPENDED}, Status.ACTIVE, False, None),
    "complete": ({Status.ACTIVE, Status.SUSPENDED}, Status.COMPLETED, False, "return"),
    "terminate": ({Status.PREPARING, Status.ACTIVE, Status.SUSPENDED}, Status.TERMINATED, True, "revoke"),
}

ACTION_LABELS = {
    "created": _("Agreement signed, handover being prepared"),
    "activate": _("Handed over: the re-use began"),
    "suspend": _("Suspended"),
    "resume": _("Resumed"),
    "complete": _("Completed"),
    "terminate": _("Terminated"),
    "renew": _("Agreement renewed"),
    "edited": _("Project page edited"),
}

# Actions an officer takes from the project's page (renewal goes through the evaluation).
OFFICER_ACTIONS = ("activate", "suspend", "resume", "complete", "terminate")


def can_move(project: ReuseProject, action: str) -> bool:
    return project.status in PROJECT_TRANSITIONS[action][0]


def allowed_actions(project: ReuseProject) -> list[str]:
    return [action for action in OFFICER_ACTIONS if can_move(project, action)]


def refusal_message(project: ReuseProject, action: str) -> str:
    target = PROJECT_TRANSITIONS[action][1]
    return _("This project is “%(status)s”: it cannot become “%(target)s”.") % {
        "status": project.get_status_display(), "target": Status(target).label,
    }
