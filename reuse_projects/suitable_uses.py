"""The curated list of uses a property suits (stored as taggit tags; slugs are stable keys)."""

from django.utils.translation import gettext_lazy as _

SUITABLE_USES = [
    ("youth-centre", _("Youth centre")),
    ("shelter", _("Shelter")),
    ("social-housing", _("Social housing")),
    ("social-farm", _("Social farm")),
    ("community-centre", _("Community centre")),
    ("education", _("Education")),
    ("culture", _("Culture")),
    ("health", _("Health")),
    ("social-enterprise", _("Social enterprise")),
    ("sport", _("Sport and recreation")),
    ("environment", _("Environment")),
    ("offices-for-csos", _("Offices for civil society")),
]
SUITABLE_USE_LABELS = dict(SUITABLE_USES)


def suitable_use_label(slug: str) -> str:
    return str(SUITABLE_USE_LABELS.get(slug, slug))
