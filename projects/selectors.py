"""Every public read of re-use projects, and the impact figures, shaped for the page that needs it.

What the public sees of projects: active and completed ones (`ReuseProject.objects.public()`), their
accepted reports, the public photos and the published posts. Nothing here reads a location: the views
take it from `reuse_projects.privacy.public_location()`. Every function runs a fixed number of queries,
whatever the number of projects, reports or photos.
"""

import datetime as dt
import math
import statistics
from dataclasses import dataclass
from decimal import Decimal

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.db.models import (
    Aggregate,
    Count,
    DecimalField,
    DurationField,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from calls.models import Proposal
from network.models import Country, Organisation
from network.places import COUNTRY_CODES
from network.query_filters import ParameterReader, QueryFilters
from network.thematic_areas import THEMATIC_AREA_LABELS
from reuse_projects.cache import catalogue_version
from reuse_projects.models import Property, PropertyEvent, PropertyPhoto
from reuse_projects.suitable_uses import SUITABLE_USE_LABELS
from reuse_projects.transitions import ACTION_LABELS as PROPERTY_ACTION_LABELS

from .cache import showcase_version
from .models import (
    TARGET_GROUPS,
    ConditionPhoto,
    ConditionReport,
    ProjectEvent,
    ReportPeopleServed,
    ReportPhoto,
    ResultsReport,
    ReuseProject,
)
from .transitions import ACTION_LABELS as PROJECT_ACTION_LABELS

# The showcase ------------------------------------------------------------------------------------

SHOWCASE_ORDER = ("-start_date", "-pk")


@dataclass
class ShowcaseFilters(QueryFilters):
    """The showcase's filter state, from query parameters with stable names (country, use, theme,
    status). Unknown or malformed values are dropped and reported in `ignored`, never an error."""

    country: str = ""  # ISO code
    use: str = ""  # ReuseProject.USES slug
    theme: str = ""  # ThematicArea slug
    status: str = ""  # active / completed

    @classmethod
    def from_query(cls, params) -> tuple["ShowcaseFilters", list[str]]:
        read = ParameterReader(params)
        filters = cls(
            country=read.choice("country", set(COUNTRY_CODES), upper=True),
            use=read.choice("use", set(SUITABLE_USE_LABELS)),
            theme=read.choice("theme", set(THEMATIC_AREA_LABELS)),
            status=read.choice("status", set(ReuseProject.PUBLIC_STATUSES)),
        )
        return filters, read.ignored


def public_projects(filters: ShowcaseFilters | None = None):
    """Active and completed projects matching the showcase's filters (the open data API's too)."""
    queryset = ReuseProject.objects.public()
    if filters is None:
        return queryset
    if filters.country:
        queryset = queryset.filter(country_id=filters.country)
    if filters.use:
        queryset = queryset.filter(use=filters.use)
    if filters.theme:
        queryset = queryset.filter(thematic_areas__slug=filters.theme)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    return queryset


def project_ids_public(filters: ShowcaseFilters | None = None):
    """The ids of the public projects matching the filters, newest first: what the list paginates. The
    order and the page come from the projects' own index; only the page's rows are then joined and
    annotated (`project_cards`), not every match."""
    return public_projects(filters).order_by(*SHOWCASE_ORDER).values_list("pk", flat=True)


def project_cards(ids) -> list:
    """The projects `ids`, in that order, for the list's cards (one query)."""
    rows = {project.pk: project for project in _card_rows().filter(pk__in=ids)}
    return [rows[pk] for pk in ids if pk in rows]


def _card_rows():
    """Public projects, each with `people_served_total` (accepted reports) and the first public photo
    (`report_photo` / `property_photo` names and alt texts). Call `with_thumbnails()` on the rows."""
    accepted = ResultsReport.objects.filter(project=OuterRef("pk"), status=ResultsReport.Status.ACCEPTED)
    people = accepted.order_by().values("project").annotate(total=Sum("people_served")).values("total")
    report_photos = ReportPhoto.objects.filter(
        report__project=OuterRef("pk"), report__status=ResultsReport.Status.ACCEPTED
    ).order_by("-report__period_end", "position", "pk")
    property_photos = PropertyPhoto.objects.filter(property=OuterRef("property_id")).order_by("position", "pk")
    return (
        public_projects()
        .select_related("organisation", "country", "property__municipality", "property__amo")
        .annotate(
            people_served_total=Coalesce(Subquery(people, output_field=IntegerField()), Value(0)),
            report_photo=Subquery(report_photos.values("image")[:1]),
            report_photo_alt=Subquery(report_photos.values("alt_text")[:1]),
            property_photo=Subquery(property_photos.values("image")[:1]),
            property_photo_alt=Subquery(property_photos.values("alt_text")[:1]),
        )
        .order_by(*SHOWCASE_ORDER)
    )


def with_thumbnails(projects):
    """Set `thumbnail` to (url, alt text) or None on each project of `project_cards()`: the latest
    accepted report's first photo, else the property's first photo."""
    for project in projects:
        if project.report_photo:
            project.thumbnail = (default_storage.url(project.report_photo), project.report_photo_alt)
        elif project.property_photo:
            project.thumbnail = (default_storage.url(project.property_photo), project.property_photo_alt)
        else:
            project.thumbnail = None
    return projects


def project_map_rows(filters: ShowcaseFilters | None = None, *, limit: int = 5000):
    """Public projects matching the filters with only what a map marker needs (one query)."""
    return (
        public_projects(filters)
        .select_related("property__municipality", "property__amo")
        .only(
            "title", "use", "status", "country_id", "start_date",
            "property__location_privacy", "property__latitude", "property__longitude", "property__address",
            "property__amo__slug", "property__amo__kind",
            "property__municipality__name", "property__municipality__latitude",
            "property__municipality__longitude", "property__municipality__country_id",
        )
        .order_by(*SHOWCASE_ORDER)[:limit]
    )


def project_for_page(pk: int):
    """The project of the public page, with what the page shows of it, or None. It is not filtered by
    status: the view decides with `permissions.can_view_project`."""
    return (
        ReuseProject.objects.filter(pk=pk)
        .select_related(
            "organisation", "country", "property__municipality", "property__amo",
            "agreement__proposal__call",
        )
        .prefetch_related(
            Prefetch("partners", queryset=Organisation.objects.order_by("name")),
            "thematic_areas",
        )
        .first()
    )


# The indicators of a results report, in the order the page and the charts show them.
INDICATORS = [
    ("people_served", _("People served")),
    ("jobs_created", _("Jobs created")),
    ("volunteers", _("Volunteers")),
    ("events_delivered", _("Events delivered")),
    ("services_delivered", _("Services delivered")),
]

# What the public timeline keeps of the property's and the project's history (never reasons or actors).
# The property's own moves that the call and the project do not already tell (the call's publication
# puts it under call; the decision assigns it; the project's start and end hand it over and back).
PUBLIC_PROPERTY_ACTIONS = ("publish", "republish")
PUBLIC_PROJECT_ACTIONS = ("activate", "suspend", "resume", "complete", "terminate", "renew")


def accepted_reports(project):
    """The project's accepted reports, oldest period first, with their photos (two queries)."""
    return list(
        project.reports.accepted()
        .order_by("period_start", "pk")
        .only(
            "project_id", "period_start", "period_end", "status", "narrative", "people_served", "jobs_created",
            "volunteers", "events_delivered", "services_delivered", "income_reinvested_eur",
        )
        .prefetch_related(Prefetch("photos", queryset=ReportPhoto.objects.order_by("position", "pk")))
    )


def results_series(reports) -> dict:
    """The accepted results over time, for the charts and the table: one label per period and one list
    of values per indicator (None where the report left it empty)."""
    return {
        "labels": [f"{r.period_start.isoformat()} – {r.period_end.isoformat()}" for r in reports],
        "periods": [[r.period_start.isoformat(), r.period_end.isoformat()] for r in reports],
        "indicators": [
            {"key": key, "label": str(label), "values": [getattr(r, key) for r in reports]}
            for key, label in INDICATORS
        ],
    }


def before_photos(project) -> list:
    """The property's photos and the public photos of the handover inspection (two queries)."""
    photos = [
        {"url": photo.image.url, "alt": photo.alt_text}
        for photo in PropertyPhoto.objects.filter(property_id=project.property_id).order_by("position", "pk")
    ]
    photos += [
        {"url": photo.image.url, "alt": photo.alt_text}
        for photo in ConditionPhoto.objects.filter(
            report__project=project, report__kind=ConditionReport.Kind.HANDOVER, public=True
        ).only("image", "alt_text").order_by("pk")
    ]
    return photos


def after_photos(reports) -> list:
    """The photos of accepted reports (already prefetched by `accepted_reports()`)."""
    return [
        {"url": photo.image.url, "alt": photo.alt_text, "period_end": report.period_end}
        for report in reports
        for photo in report.photos.all()
    ]


@dataclass(frozen=True)
class TimelineEntry:
    when: dt.datetime
    label: str
    kind: str  # "property", "call", "decision", "project"
    detail: str = ""
    url: str = ""


def public_timeline(project) -> list[TimelineEntry]:
    """The asset's public story from publication to re-use: the property's public moves, the call and
    the decision, and the project's moves. Dates and labels only (two queries)."""
    entries = [
        TimelineEntry(when, str(PROPERTY_ACTION_LABELS.get(action, action)), "property")
        for action, when in PropertyEvent.objects.filter(
            property_id=project.property_id, action__in=PUBLIC_PROPERTY_ACTIONS
        ).order_by("created_at", "pk").values_list("action", "created_at")
    ]
    proposal = project.agreement.proposal
    call = proposal.call
    if call.published_at:
        entries.append(TimelineEntry(call.published_at, str(_("Call for proposals published")), "call",
                                     detail=call.title, url=call.get_absolute_url()))
    if call.closes_at and call.closes_at <= timezone.now():
        entries.append(TimelineEntry(call.closes_at, str(_("Call for proposals closed")), "call", detail=call.title))
    if proposal.decided_at:
        entries.append(TimelineEntry(proposal.decided_at, str(_("Proposal approved by the office")), "decision"))
    entries += [
        TimelineEntry(when, str(PROJECT_ACTION_LABELS.get(action, action)), "project")
        for action, when in ProjectEvent.objects.filter(
            project=project, action__in=PUBLIC_PROJECT_ACTIONS
        ).order_by("created_at", "pk").values_list("action", "created_at")
    ]
    return sorted(entries, key=lambda entry: entry.when)


def published_posts(project):
    return list(project.posts.published().only("project_id", "kind", "title", "body", "published_at", "created_at"))


# The impact figures -------------------------------------------------------------------------------

INT_FIGURES = (
    "properties_available", "properties_under_call", "properties_in_reuse", "projects_active",
    "projects_completed", "reports_accepted", "people_served", "jobs_created", "volunteers",
    "events_delivered", "services_delivered",
)
IMPACT_CACHE_SECONDS = 300


def _empty_figures() -> dict:
    return {**{name: 0 for name in INT_FIGURES}, "income_reinvested_eur": Decimal("0.00")}


class _Median(Aggregate):
    """PostgreSQL's median of an expression (interpolated between the two middle values)."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    allow_distinct = False


def _round_days(days: float | None) -> int | None:
    """Whole days, halves rounded up (the same on every database)."""
    return None if days is None else math.floor(days + 0.5)


def _decision_times() -> dict[int, tuple[int, int | None]]:
    """office pk -> (approved proposals with both dates, median days from publication to decision).
    One query: grouped with percentile_cont on PostgreSQL, in Python elsewhere (SQLite, the demo)."""
    approved = Proposal.objects.filter(
        status=Proposal.Status.APPROVED, decided_at__isnull=False, property__published_at__isnull=False
    ).order_by()
    if connection.vendor == "postgresql":
        rows = approved.values("property__amo_id").annotate(
            decisions=Count("pk"),
            median=_Median(F("decided_at") - F("property__published_at"), output_field=DurationField()),
        ).values_list("property__amo_id", "decisions", "median")
        return {
            amo: (count, _round_days(median.total_seconds() / 86400 if median is not None else None))
            for amo, count, median in rows
        }
    by_office: dict[int, list[float]] = {}
    for amo, published_at, decided_at in approved.values_list("property__amo_id", "property__published_at",
                                                              "decided_at"):
        by_office.setdefault(amo, []).append((decided_at - published_at).total_seconds() / 86400)
    return {amo: (len(days), _round_days(statistics.median(days))) for amo, days in by_office.items()}


def _compute_impact() -> dict:
    """The numbers of the impact page, without translated names (those are added per request)."""
    codes = list(Country.objects.order_by("code").values_list("code", flat=True))
    per_country = {code: _empty_figures() for code in codes}
    region = _empty_figures()

    def add(code, name, value):
        region[name] += value
        if code in per_country:
            per_country[code][name] += value

    property_rows = (
        Property.objects.public()
        .filter(status__in=("available", "under_call", "in_reuse"))
        .values("municipality__country_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in property_rows:
        name = {"available": "properties_available", "under_call": "properties_under_call",
                "in_reuse": "properties_in_reuse"}[row["status"]]
        add(row["municipality__country_id"], name, row["n"])

    project_rows = (
        ReuseProject.objects.public()
        .values("country_id")
        .annotate(
            active=Count("pk", filter=Q(status=ReuseProject.Status.ACTIVE)),
            completed=Count("pk", filter=Q(status=ReuseProject.Status.COMPLETED)),
        )
        .order_by()
    )
    for row in project_rows:
        add(row["country_id"], "projects_active", row["active"])
        add(row["country_id"], "projects_completed", row["completed"])

    sums = ("people_served", "jobs_created", "volunteers", "events_delivered", "services_delivered")
    report_rows = (
        ResultsReport.objects.public()
        .values("project__country_id")
        .annotate(
            reports_accepted=Count("pk"),
            **{name: Coalesce(Sum(name), 0) for name in sums},
            income_reinvested_eur=Coalesce(
                Sum("income_reinvested_eur"), Value(Decimal("0")),
                output_field=DecimalField(max_digits=16, decimal_places=2),
            ),
        )
        .order_by()
    )
    for row in report_rows:
        code = row["project__country_id"]
        for name in ("reports_accepted", *sums):
            add(code, name, int(row[name]))
        add(code, "income_reinvested_eur", Decimal(row["income_reinvested_eur"]))

    groups = dict(
        ReportPeopleServed.objects.filter(report__in=ResultsReport.objects.public())
        .values("target_group")
        .annotate(people=Sum("people"))
        .order_by()
        .values_list("target_group", "people")
    )

    times = _decision_times()
    offices = [
        {"pk": pk, "slug": slug, "name": name, "country": country,
         "decisions": times.get(pk, (0, None))[0], "median_days_to_decision": times.get(pk, (0, None))[1]}
        for pk, slug, name, country in Organisation.objects.filter(kind=Organisation.Kind.AMO)
        .order_by("country_id", "name", "pk")
        .values_list("pk", "slug", "name", "country_id")
    ]

    quantum = Decimal("0.01")
    region["income_reinvested_eur"] = region["income_reinvested_eur"].quantize(quantum)
    for figures in per_country.values():
        figures["income_reinvested_eur"] = figures["income_reinvested_eur"].quantize(quantum)
    return {
        "as_of": timezone.now(),
        "region": region,
        "countries": [(code, per_country[code]) for code in codes],
        "offices": offices,
        "groups": {slug: int(groups.get(slug) or 0) for slug, _label in TARGET_GROUPS},
    }


def impact_cache_key() -> str:
    return f"projects:impact:{catalogue_version()}:{showcase_version()}"


def impact_figures() -> dict:
    """Region-wide and per-country figures from the catalogue and the accepted reports of public
    projects, and the time offices take from publication to decision. Computed in a fixed number of
    queries and cached under the catalogue's and the showcase's versions (any change the public can
    see drops it). Names and labels are in the current language.

    {"as_of": aware datetime, "region": {<figures>},
     "countries": [{"code", "name", **<figures>} for the six countries in code order],
     "offices": [{"slug", "name", "country", "decisions", "median_days_to_decision": int | None}],
     "people_by_target_group": [{"group", "label", "people"}]}
    <figures>: the ints of INT_FIGURES and "income_reinvested_eur" (Decimal, EUR).
    """
    key = impact_cache_key()
    raw = cache.get(key)
    if raw is None:
        raw = _compute_impact()
        cache.set(key, raw, timeout=IMPACT_CACHE_SECONDS)
    return {
        "as_of": raw["as_of"],
        "region": dict(raw["region"]),
        "countries": [
            {"code": code, "name": str(countries.name(code)), **figures} for code, figures in raw["countries"]
        ],
        "offices": [
            {key: office[key] for key in ("slug", "name", "country", "decisions", "median_days_to_decision")}
            for office in raw["offices"]
        ],
        "people_by_target_group": [
            {"group": slug, "label": str(label), "people": raw["groups"].get(slug, 0)} for slug, label in TARGET_GROUPS
        ],
    }
