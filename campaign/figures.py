"""The platform's live figures as the campaign shows them: computed from the data, cached, never typed in.

The catalogue and the showcase bump their versions on every change the public can see; the figures
(and the cached campaign pages that show them, see `campaign.cache`) are keyed by both, so they change
at once. The number of verified CSOs has no version of its own and is at most FIGURES_CACHE_SECONDS old.
"""

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from network.models import Organisation
from projects.cache import showcase_version
from projects.selectors import impact_figures
from reuse_projects.cache import catalogue_version

FIGURES_CACHE_SECONDS = 300

# (key, label) in the order editors see them; the keys are stored in the figures block.
FIGURE_CHOICES = [
    ("properties_available", _("Properties available for re-use")),
    ("properties_under_call", _("Properties under a call for proposals")),
    ("projects_in_reuse", _("Projects in re-use")),
    ("projects_completed", _("Projects completed")),
    ("csos", _("Civil society organisations in the network")),
    ("people_served", _("People served")),
    ("jobs_created", _("Jobs created")),
    ("volunteers", _("Volunteers")),
    ("events_delivered", _("Events held")),
]
FIGURE_LABELS = dict(FIGURE_CHOICES)
HOME_FIGURES = ["properties_available", "projects_in_reuse", "csos", "people_served"]


def figures_version() -> str:
    """Changes whenever a figure the campaign shows may have changed (part of every page cache key)."""
    return f"{catalogue_version()}.{showcase_version()}"


def platform_figures() -> dict[str, int]:
    """Every figure of FIGURE_CHOICES, by key."""
    key = f"campaign:figures:{figures_version()}"
    figures = cache.get(key)
    if figures is None:
        region = impact_figures()["region"]
        figures = {
            "properties_available": region["properties_available"],
            "properties_under_call": region["properties_under_call"],
            "projects_in_reuse": region["projects_active"],
            "projects_completed": region["projects_completed"],
            "csos": Organisation.objects.csos().verified().count(),
            "people_served": region["people_served"],
            "jobs_created": region["jobs_created"],
            "volunteers": region["volunteers"],
            "events_delivered": region["events_delivered"],
        }
        cache.set(key, figures, timeout=FIGURES_CACHE_SECONDS)
    return figures


def figures_for(keys) -> list[dict]:
    """[{"key", "label", "value"}] for the given keys, in the given order (unknown keys are left out)."""
    figures = platform_figures()
    return [{"key": key, "label": FIGURE_LABELS[key], "value": figures[key]} for key in keys if key in figures]
