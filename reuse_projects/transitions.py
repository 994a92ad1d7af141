"""The one table of allowed property lifecycle moves. Services consult it; nothing else changes status."""

from django.utils.translation import gettext_lazy as _

from .models import Property

Status = Property.Status

# action -> (allowed from statuses, to status, reason required)
PROPERTY_TRANSITIONS = {
    "publish": ({Status.DRAFT}, Status.AVAILABLE, False),
    "open_call": ({Status.AVAILABLE}, Status.UNDER_CALL, False),
    "close_call": ({Status.UNDER_CALL}, Status.AVAILABLE, False),
    "assign": ({Status.AVAILABLE, Status.UNDER_CALL}, Status.ASSIGNED, True),
    "hand_over": ({Status.ASSIGNED}, Status.IN_REUSE, False),
    "return": ({Status.IN_REUSE}, Status.RETURNED, True),
    "revoke": ({Status.ASSIGNED, Status.IN_REUSE}, Status.REVOKED, True),
    "withdraw": ({Status.DRAFT, Status.AVAILABLE, Status.UNDER_CALL}, Status.WITHDRAWN, True),
    "republish": ({Status.WITHDRAWN, Status.RETURNED, Status.REVOKED}, Status.AVAILABLE, True),
}

# The moves an officer makes by hand on the property's page; the others follow calls and projects.
OFFICER_ACTIONS = ("publish", "withdraw", "republish")

ACTION_LABELS = {
    "created": _("Created"),
    "edited": _("Edited"),
    "imported": _("Imported"),
    "publish": _("Published"),
    "open_call": _("Call for proposals opened"),
    "close_call": _("Call for proposals closed"),
    "assign": _("Assigned"),
    "hand_over": _("Handed over for re-use"),
    "return": _("Returned"),
    "revoke": _("Revoked"),
    "withdraw": _("Withdrawn"),
    "republish": _("Available again"),
    "archive": _("Archived"),
    "unarchive": _("Restored from the archive"),
}

# Archiving hides a property from the office's working list; only where nothing is left to do.
ARCHIVABLE_STATUSES = {Status.DRAFT, Status.WITHDRAWN, Status.RETURNED, Status.REVOKED}


def allowed_actions(status: str, *, actions=tuple(PROPERTY_TRANSITIONS)) -> list[str]:
    return [a for a in actions if status in PROPERTY_TRANSITIONS[a][0]]
