"""Every read the campaign's pages make, shaped for the template that shows it.

Each function runs a fixed number of queries whatever the number of rows: images come with the
renditions the cards use (`prefetch_renditions`), and what the platform shows (project posts, a story's
project) is read here, never in templates. The platform's data is only read, through its own public
rules (`ReuseProject.objects.public()`, `ProjectPost.objects.published()`, `ResultsReport.objects.public()`).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Prefetch, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django_countries import countries
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction

from network.permissions import can_view_organisation
from network.query_filters import ParameterReader, QueryFilters, page_of
from network.thematic_areas import THEMATIC_AREA_LABELS
from projects.models import ProjectPost, ResultsReport, ReuseProject
from reuse_projects.permissions import can_view_property

from .figures import HOME_FIGURES, figures_for
from .models import CampaignDocument, EventIndexPage, EventPage, StoryIndexPage, StoryPage

# The renditions the templates ask for: prefetched with the images so that a list costs no query per card.
CARD_RENDITION = "fill-640x400"
HERO_RENDITION = "width-1200"
STORY_RENDITION = "width-800"

HOME_STORIES = 3
HOME_POSTS = 3
HOME_EVENTS = 3


def _images_with(*renditions):
    return get_image_model().objects.prefetch_renditions(*renditions)


def _story_cards(queryset):
    """Stories with the images their cards show (after, else before) and those images' renditions."""
    images = _images_with(CARD_RENDITION)
    return queryset.select_related(None).prefetch_related(
        Prefetch("after_image", queryset=images), Prefetch("before_image", queryset=images),
    )


# The home page ------------------------------------------------------------------------------------

def featured_stories(home, *, limit: int = HOME_STORIES) -> list:
    """The home page's stories: those the editor chose (in their order, in the home page's language
    when translated), else the newest featured stories of the home page's language, else its newest
    stories. Live stories only."""
    of_language = _story_cards(StoryPage.objects.live().filter(locale_id=home.locale_id))
    rows = home.featured_stories.select_related("story")
    keys = [row.story.translation_key for row in rows if row.story_id]
    if keys:
        chosen = {story.translation_key: story for story in of_language.filter(translation_key__in=keys)}
        stories = [chosen[key] for key in dict.fromkeys(keys) if key in chosen][:limit]
        if stories:
            return stories
    return list(of_language.order_by("-featured", "-first_published_at", "-pk")[:limit])


def featured_project_posts(*, limit: int = HOME_POSTS) -> list:
    """Posts the coordinators published and featured for the campaign, of public projects, newest first."""
    return list(
        ProjectPost.objects.published()
        .filter(featured=True)
        .select_related("project")
        .only("title", "body", "kind", "language", "published_at", "created_at", "project__title",
              "project__status")
        .order_by("-published_at", "-created_at", "-pk")[:limit]
    )


def upcoming_events(locale_id, *, limit: int = HOME_EVENTS, now=None) -> list:
    """The next live events of a language that have not started yet, soonest first."""
    now = now or timezone.now()
    return list(
        EventPage.objects.live().filter(locale_id=locale_id, starts_at__gt=now).order_by("starts_at", "pk")[:limit]
    )


# Stories -----------------------------------------------------------------------------------------

STORY_COUNTRIES = list(settings.COUNTRIES_ONLY)


@dataclass
class StoryFilters(QueryFilters):
    """The story index's filter state (?country=AL&theme=youth). Unknown values are dropped and named in
    `ignored`, never an error."""

    country: str = ""
    theme: str = ""

    @classmethod
    def from_query(cls, params) -> tuple["StoryFilters", list[str]]:
        read = ParameterReader(params)
        filters = cls(country=read.choice("country", set(STORY_COUNTRIES), upper=True),
                      theme=read.choice("theme", set(THEMATIC_AREA_LABELS)))
        return filters, read.ignored


def stories_of(index):
    """The live stories under a story index (its language's tree)."""
    return StoryPage.objects.live().child_of(index)


def story_list(index, filters: StoryFilters):
    """The index's stories matching the filters, newest first, with their cards' images (paginate it)."""
    queryset = stories_of(index)
    if filters.country:
        queryset = queryset.filter(country=filters.country)
    if filters.theme:
        queryset = queryset.filter(theme=filters.theme)
    return _story_cards(queryset).order_by("-first_published_at", "-pk")


def story_facets(index, filters: StoryFilters) -> dict[str, dict[str, int]]:
    """How many stories each country and each theme would show, with the other filter applied (two queries)."""
    stories = stories_of(index).order_by()
    by_country = stories.filter(theme=filters.theme) if filters.theme else stories
    by_theme = stories.filter(country=filters.country) if filters.country else stories
    return {
        "country": dict(by_country.exclude(country="").values_list("country").annotate(n=Count("pk"))),
        "theme": dict(by_theme.exclude(theme="").values_list("theme").annotate(n=Count("pk"))),
    }


def story_project(story):
    """The story's re-use project with what the story shows of it (lead CSO, property), or None when
    there is none or it is not public (active or completed): then nothing of it is shown."""
    if not story.project_id:
        return None
    return (
        ReuseProject.objects.public()
        .filter(pk=story.project_id)
        .select_related("organisation", "property__amo")
        .first()
    )


def people_served(project) -> int:
    """People served by a project: the sum over its accepted reports, by the same rule as the impact
    figures (`ResultsReport.objects.public()`), never typed in."""
    total = ResultsReport.objects.public().filter(project=project).aggregate(total=Sum("people_served"))["total"]
    return total or 0


# The resources library ---------------------------------------------------------------------------

RESOURCE_LANGUAGES = [code for code, _name in settings.LANGUAGES]


@dataclass
class ResourceFilters(QueryFilters):
    """The library's filter state (?type=handbook&language=sq&country=AL&year=2022); unknown values are
    dropped and named in `ignored`."""

    type: str = ""
    language: str = ""
    country: str = ""
    year: int | None = None

    @classmethod
    def from_query(cls, params) -> tuple["ResourceFilters", list[str]]:
        read = ParameterReader(params)
        filters = cls(
            type=read.choice("type", set(CampaignDocument.ResourceType.values)),
            language=read.choice("language", set(RESOURCE_LANGUAGES)),
            country=read.choice("country", set(STORY_COUNTRIES), upper=True),
        )
        year = str(params.get("year") or "").strip()
        if year:
            if year.isascii() and year.isdigit() and len(year) == 4 and 1990 <= int(year) <= 2100:
                filters.year = int(year)
            else:
                read.ignored.append("year")
        return filters, read.ignored


def _unrestricted(documents):
    """Leave out documents in collections with a view restriction, or under one that has it (Wagtail
    applies a collection's restriction to its descendants too). One query for the restricted paths."""
    paths = list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
    if not paths:
        return documents
    restricted = Q()
    for path in paths:
        restricted |= Q(collection__path__startswith=path)
    return documents.exclude(restricted)


def resources():
    """Every document of the library: with a resource type, visible to everyone."""
    return _unrestricted(CampaignDocument.objects.exclude(resource_type=""))


def resource_list(filters: ResourceFilters, documents=None):
    documents = resources() if documents is None else documents
    if filters.type:
        documents = documents.filter(resource_type=filters.type)
    if filters.language:
        documents = documents.filter(language=filters.language)
    if filters.country:
        documents = documents.filter(country=filters.country)
    if filters.year:
        documents = documents.filter(year=filters.year)
    return documents.order_by(F("year").desc(nulls_last=True), "title", "pk")


def resource_years(documents=None) -> list[int]:
    """The years the library has documents of, newest first (the year filter's choices)."""
    documents = resources() if documents is None else documents
    return list(documents.exclude(year=None).order_by("-year").values_list("year", flat=True).distinct())


# What each page type adds to its template's context ------------------------------------------------

STORIES_PER_PAGE = 12
RESOURCES_PER_PAGE = 20

PARAMETER_LABELS = {
    "country": gettext_lazy("country"),
    "theme": gettext_lazy("theme"),
    "type": gettext_lazy("type"),
    "language": gettext_lazy("language"),
    "year": gettext_lazy("year"),
    "page": gettext_lazy("page"),
}

# Where each of the home page's figures leads: the list it counts.
FIGURE_LINKS = {
    "properties_available": ("reuse_projects:property_list", "?status=available"),
    "projects_in_reuse": ("projects:project_list", ""),
    "csos": ("network:organisation_directory", ""),
    "people_served": ("projects:impact", ""),
}


def home_figures() -> list[dict]:
    """The home page's live figures (`campaign.figures.HOME_FIGURES`), each with the address of what it counts."""
    figures = figures_for(HOME_FIGURES)
    for figure in figures:
        name, query = FIGURE_LINKS.get(figure["key"], (None, ""))
        figure["url"] = reverse(name) + query if name else ""
    return figures


def _ignored_labels(ignored) -> list[str]:
    return [str(PARAMETER_LABELS.get(name, name)) for name in dict.fromkeys(ignored)]


def story_index_context(index, params) -> dict:
    """The story index: the filtered, paginated stories and the filter form's choices with their counts."""
    filters, ignored = StoryFilters.from_query(params)
    page = page_of(story_list(index, filters), STORIES_PER_PAGE, params.get("page"), ignored)
    facets = story_facets(index, filters)
    return {
        "stories": page,
        "filters": filters,
        "ignored": _ignored_labels(ignored),
        "query": urlencode(filters.as_query()),
        "country_choices": [
            (code, str(countries.name(code)), facets["country"].get(code, 0)) for code in STORY_COUNTRIES
        ],
        "theme_choices": [
            (slug, str(label), facets["theme"].get(slug, 0)) for slug, label in THEMATIC_AREA_LABELS.items()
        ],
    }


def story_context(story, user) -> dict:
    """A story's links to the platform: its project when public, the project's lead CSO and property (each
    linked only when this viewer may open its page) and the people served from accepted reports."""
    project = story_project(story)
    if project is None:
        return {"project": None}
    return {
        "project": project,
        "organisation_is_public": can_view_organisation(user, project.organisation),
        "property_is_public": can_view_property(user, project.property),
        "people_served": people_served(project),
    }


def resource_index_context(params) -> dict:
    """The resources library: the filtered, paginated documents and the filter form's choices."""
    filters, ignored = ResourceFilters.from_query(params)
    documents = resources()
    page = page_of(resource_list(filters, documents), RESOURCES_PER_PAGE, params.get("page"), ignored)
    return {
        "documents": page,
        "filters": filters,
        "ignored": _ignored_labels(ignored),
        "query": urlencode(filters.as_query()),
        "type_choices": [(value, str(label)) for value, label in CampaignDocument.ResourceType.choices],
        "language_choices": [(code, str(name)) for code, name in settings.LANGUAGES],
        "country_choices": [(code, str(countries.name(code))) for code in STORY_COUNTRIES],
        "year_choices": resource_years(documents),
    }


def home_indexes(home) -> dict:
    """The live story and event indexes under a home page, by kind ("stories", "events"), for the home
    page's "see all" links (one query)."""
    kinds = {
        ContentType.objects.get_for_model(StoryIndexPage).pk: "stories",
        ContentType.objects.get_for_model(EventIndexPage).pk: "events",
    }
    found = {}
    for index in home.get_children().live().filter(content_type_id__in=kinds).order_by("path"):
        found.setdefault(kinds[index.content_type_id], index)
    return found
