"""The one table of allowed organisation status changes. Services consult it; nothing else changes status."""

from django.utils.translation import gettext_lazy as _

from .models import Organisation

Status = Organisation.Status

# action -> (allowed from statuses, to status, reason required)
ORGANISATION_TRANSITIONS = {
    "verify": ({Status.PENDING}, Status.VERIFIED, False),
    "reject": ({Status.PENDING}, Status.REJECTED, True),
    "suspend": ({Status.VERIFIED}, Status.SUSPENDED, True),
    "reinstate": ({Status.SUSPENDED}, Status.VERIFIED, True),
    "resubmit": ({Status.REJECTED}, Status.PENDING, False),
}

ACTION_LABELS = {
    "verify": _("Verify"),
    "reject": _("Reject"),
    "suspend": _("Suspend"),
    "reinstate": _("Reinstate"),
    "resubmit": _("Submit again for verification"),
}


def allowed_actions(status: str) -> list[str]:
    return [action for action, (sources, _to, _r) in ORGANISATION_TRANSITIONS.items() if status in sources]
