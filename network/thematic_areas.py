"""The curated list of thematic areas an organisation can choose from (stored as taggit tags).

The slug is the stable key (URLs, the API, the migration that installs the tags); the label is
translated for display.
"""

from django.utils.translation import gettext_lazy as _

THEMATIC_AREAS = [
    ("youth", _("Youth")),
    ("social-inclusion", _("Social inclusion")),
    ("victims-of-crime", _("Victims of crime")),
    ("education", _("Education")),
    ("culture", _("Culture")),
    ("agriculture", _("Agriculture")),
    ("health", _("Health")),
    ("housing", _("Housing")),
    ("anti-corruption", _("Anti-corruption")),
    ("environment", _("Environment")),
    ("employment", _("Employment")),
    ("disability", _("People with disabilities")),
    ("gender-equality", _("Gender equality")),
    ("human-rights", _("Human rights")),
    ("community-development", _("Community development")),
]
THEMATIC_AREA_LABELS = dict(THEMATIC_AREAS)


def thematic_area_label(slug: str) -> str:
    return str(THEMATIC_AREA_LABELS.get(slug, slug))
