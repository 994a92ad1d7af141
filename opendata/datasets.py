"""The open datasets: what rows each holds (only what the public may see), its filters, its order (always
ending in the primary key), and a cheap version number that changes whenever its content can change.

Shared by the API (`opendata.api.views`) and the bulk downloads (`opendata.exports`).
"""

from dataclasses import dataclass

from django.db.models import Count, IntegerField, Max, OuterRef, Prefetch, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from calls.models import Call, Decision
from network.models import Organisation, TaggedThematicArea
from network.text import fold
from network.thematic_areas import THEMATIC_AREAS
from projects.cache import showcase_changed_at, showcase_version
from projects.models import ReportPeopleServed, ReportPhoto, ResultsReport, ReuseProject
from projects.selectors import ShowcaseFilters, public_projects
from reuse_projects.cache import VERSION_KEY as CATALOGUE_KEY
from reuse_projects.cache import catalogue_version, changed_at
from reuse_projects.models import Property, TaggedSuitableUse
from reuse_projects.suitable_uses import SUITABLE_USES

from .api import params as p
from .api import serializers as s


@dataclass(frozen=True)
class Version:
    """A dataset's version (goes into ETags and export freshness) and when it last changed (POSIX time)."""

    tag: str
    changed_at: int


def _timestamp(moment) -> int:
    return int(moment.timestamp()) if moment else 0


def _stamp(moment) -> str:
    """To the microsecond, for version tags (two changes in one second are two versions)."""
    return f"{moment.timestamp():.6f}" if moment else "0"


# Properties ----------------------------------------------------------------------------------------

def properties_version() -> Version:
    return Version(f"c{catalogue_version()}", changed_at(CATALOGUE_KEY))


def properties_queryset(filters: dict | None = None):
    filters = filters or {}
    queryset = Property.objects.public()
    if "country" in filters:
        queryset = queryset.filter(municipality__country_id=filters["country"])
    if "municipality" in filters:
        queryset = queryset.filter(municipality__slug=filters["municipality"])
    if "type" in filters:
        queryset = queryset.filter(property_type=filters["type"])
    if "status" in filters:
        queryset = queryset.filter(status=filters["status"])
    if "use" in filters:
        queryset = queryset.filter(tagged_suitable_uses__tag__slug=filters["use"])
    if "min_area" in filters:
        queryset = queryset.filter(floor_area__gte=filters["min_area"])
    if "max_area" in filters:
        queryset = queryset.filter(floor_area__lte=filters["max_area"])
    if filters.get("q") and (folded := fold(filters["q"])):
        queryset = queryset.filter(Q(search_text__contains=folded) | Q(municipality__search_text__contains=folded))
    if "updated_since" in filters:
        queryset = queryset.filter(updated_at__gte=filters["updated_since"])
    return queryset.select_related("amo", "municipality").prefetch_related(
        Prefetch("tagged_suitable_uses", queryset=TaggedSuitableUse.objects.select_related("tag").order_by("pk")),
    ).order_by("-published_at", "-pk")


PROPERTY_PARAMS = (
    p.COUNTRY,
    p.Param("municipality", "slug", "Slug of a municipality, e.g. novi-sad-rs."),
    p.Param("type", "choice", "Type of property.", tuple(Property.Type.values)),
    p.Param("status", "choice", "Lifecycle status (public ones only).", Property.PUBLIC_STATUSES),
    p.Param("use", "choice", "A use the property suits.", tuple(slug for slug, _ in SUITABLE_USES)),
    p.Param("min_area", "decimal", "Smallest floor area, m²."),
    p.Param("max_area", "decimal", "Largest floor area, m²."),
    p.Param("q", "text", "Free text in the reference, the title or the municipality, in any script."),
    p.Param("updated_since", "datetime", "Only properties changed since this date or moment (ISO 8601)."),
)


# Calls ---------------------------------------------------------------------------------------------

def _public_call_properties():
    return Prefetch(
        "properties",
        queryset=Property.objects.public().select_related("amo").order_by("reference", "pk"),
        to_attr="public_properties",
    )


def calls_version() -> Version:
    """One aggregate query: the published calls' count and latest change, and how many have opened and
    closed by now (so that a call moving from upcoming to open to closed is a new version)."""
    now = timezone.now()
    published = Q(status=Call.Status.PUBLISHED)
    row = Call.objects.aggregate(
        n=Count("pk", filter=published), updated=Max("updated_at"),
        opened=Count("pk", filter=published & Q(opens_at__lte=now)),
        closed=Count("pk", filter=published & Q(closes_at__lte=now)),
        last_open=Max("opens_at", filter=published & Q(opens_at__lte=now)),
        last_close=Max("closes_at", filter=published & Q(closes_at__lte=now)),
    )
    moments = [_timestamp(row[key]) for key in ("updated", "last_open", "last_close")]
    tag = f"{row['n']}.{_stamp(row['updated'])}.{row['opened']}.{row['closed']}.c{catalogue_version()}"
    return Version(tag, max([*moments, changed_at(CATALOGUE_KEY)]))


def calls_queryset(filters: dict | None = None):
    filters = filters or {}
    # The phases are the calls' own query methods: open(), upcoming(), closed() (published ones only).
    queryset = getattr(Call.objects, filters["phase"])() if "phase" in filters else Call.objects.published()
    if "country" in filters:
        queryset = queryset.filter(amo__country_id=filters["country"])
    if "office" in filters:
        queryset = queryset.filter(amo__slug=filters["office"])
    return queryset.select_related("amo").prefetch_related(
        _public_call_properties(), "criteria", "eligible_countries",
    ).order_by("-opens_at", "-pk")


OFFICE = p.Param("office", "slug", "Slug of an Asset Management Office, e.g. direkcija-rs.")
CALL_PARAMS = (p.COUNTRY, OFFICE, p.Param("phase", "choice", "Phase of the call.", ("open", "upcoming", "closed")))


# Decisions -----------------------------------------------------------------------------------------

def _organisations_row():
    return Organisation.objects.aggregate(n=Count("pk"), updated=Max("updated_at"))


def decisions_version() -> Version:
    row = Decision.objects.public().aggregate(n=Count("pk"), confirmed=Max("confirmed_at"), max_id=Max("pk"))
    organisations = _organisations_row()
    moments = [_timestamp(row["confirmed"]), _timestamp(organisations["updated"]), changed_at(CATALOGUE_KEY)]
    tag = f"{row['n']}.{row['max_id']}.{_stamp(row['confirmed'])}.o{organisations['n']}." \
          f"{_stamp(organisations['updated'])}.c{catalogue_version()}"
    return Version(tag, max(moments))


def decisions_queryset(filters: dict | None = None):
    filters = filters or {}
    queryset = Decision.objects.public()
    if "country" in filters:
        queryset = queryset.filter(proposal__call__amo__country_id=filters["country"])
    if "office" in filters:
        queryset = queryset.filter(proposal__call__amo__slug=filters["office"])
    if "call" in filters:
        queryset = queryset.filter(proposal__call_id=filters["call"])
    return queryset.select_related(
        "proposal__call__amo", "proposal__organisation", "proposal__property__amo",
    ).order_by("confirmed_at", "pk")


DECISION_PARAMS = (p.COUNTRY, OFFICE, p.Param("call", "id", "Id of a call."))


# Projects ------------------------------------------------------------------------------------------

def showcase_state() -> Version:
    tag = f"s{showcase_version()}.c{catalogue_version()}"
    return Version(tag, max(showcase_changed_at(), changed_at(CATALOGUE_KEY)))


def _int_subquery(queryset, expression):
    return Coalesce(Subquery(queryset.values("project").annotate(v=expression).values("v"),
                             output_field=IntegerField()), Value(0))


def projects_queryset(filters: dict | None = None):
    filters = filters or {}
    queryset = public_projects(ShowcaseFilters(**{
        name: filters[name] for name in ("country", "use", "theme", "status") if name in filters
    }))
    accepted = ResultsReport.objects.accepted().filter(project=OuterRef("pk")).order_by()
    return queryset.select_related("organisation", "property__amo", "property__municipality").prefetch_related(
        "thematic_areas", "partners",
    ).annotate(
        accepted_report_count=_int_subquery(accepted, Count("pk")),
        people_served_total=_int_subquery(accepted, Sum("people_served")),
    ).order_by("-start_date", "-pk")


PROJECT_PARAMS = (
    p.COUNTRY,
    p.Param("use", "choice", "Type of use.", tuple(slug for slug, _ in SUITABLE_USES)),
    p.Param("theme", "choice", "A thematic area.", tuple(slug for slug, _ in THEMATIC_AREAS)),
    p.Param("status", "choice", "Status of the project.", ReuseProject.PUBLIC_STATUSES),
)


# Results -------------------------------------------------------------------------------------------

def results_queryset(filters: dict | None = None):
    filters = filters or {}
    queryset = ResultsReport.objects.public()
    if "project" in filters:
        queryset = queryset.filter(project_id=filters["project"])
    if "country" in filters:
        queryset = queryset.filter(project__country_id=filters["country"])
    if "period_end_after" in filters:
        queryset = queryset.filter(period_end__gte=filters["period_end_after"])
    if "period_end_before" in filters:
        queryset = queryset.filter(period_end__lte=filters["period_end_before"])
    return queryset.select_related("project").prefetch_related(
        Prefetch("people", queryset=ReportPeopleServed.objects.order_by("pk")),
        Prefetch("photos", queryset=ReportPhoto.objects.order_by("position", "pk")),
    ).order_by("period_end", "pk")


RESULT_PARAMS = (
    p.Param("project", "id", "Id of a project."),
    p.COUNTRY,
    p.Param("period_end_after", "date", "Periods ending on or after this date."),
    p.Param("period_end_before", "date", "Periods ending on or before this date."),
)


# Organisations -------------------------------------------------------------------------------------

def _verified_csos():
    return Organisation.objects.filter(kind=Organisation.Kind.CSO, status=Organisation.Status.VERIFIED)


def organisations_version() -> Version:
    verified = Q(status=Organisation.Status.VERIFIED)
    row = Organisation.objects.csos().aggregate(
        n=Count("pk", filter=verified), updated=Max("updated_at"), max_id=Max("pk", filter=verified)
    )
    return Version(f"{row['n']}.{row['max_id']}.{_stamp(row['updated'])}", _timestamp(row["updated"]))


def organisations_queryset(filters: dict | None = None):
    filters = filters or {}
    queryset = _verified_csos()
    if "country" in filters:
        queryset = queryset.filter(country_id=filters["country"])
    if "thematic_area" in filters:
        queryset = queryset.filter(tagged_thematic_areas__tag__slug=filters["thematic_area"])
    if filters.get("q"):
        queryset = queryset.matching(filters["q"])
    return queryset.prefetch_related(
        Prefetch("tagged_thematic_areas", queryset=TaggedThematicArea.objects.select_related("tag").order_by("pk")),
    ).order_by("sort_name", "pk")


ORGANISATION_PARAMS = (
    p.COUNTRY,
    p.Param("thematic_area", "choice", "A thematic area.", tuple(slug for slug, _ in THEMATIC_AREAS)),
    p.Param("q", "text", "Free text in the name, Latin name, acronym or registration number, in any script."),
)


# The registry --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    description: str
    queryset: object
    serializer: type
    version: object
    params: tuple
    geojson: bool = False


DATASETS = {
    "properties": Dataset(
        "properties", "Properties",
        "Confiscated and seized properties offered for social re-use (published ones only), with their "
        "public location.",
        properties_queryset, s.PropertySerializer, properties_version, PROPERTY_PARAMS, geojson=True,
    ),
    "calls": Dataset(
        "calls", "Calls for proposals",
        "Published calls for proposals: offices, dates, phase, properties, criteria and who may apply.",
        calls_queryset, s.CallSerializer, calls_version, CALL_PARAMS,
    ),
    "decisions": Dataset(
        "decisions", "Decisions",
        "Confirmed decisions giving a property to a civil society organisation, with the weighted score.",
        decisions_queryset, s.DecisionSerializer, decisions_version, DECISION_PARAMS,
    ),
    "projects": Dataset(
        "projects", "Re-use projects",
        "Active and completed social re-use projects: who runs them, where, and what they achieved.",
        projects_queryset, s.ProjectSerializer, showcase_state, PROJECT_PARAMS, geojson=True,
    ),
    "results": Dataset(
        "results", "Results reports",
        "Accepted results reports of public projects: people served by target group and indicators.",
        results_queryset, s.ResultsReportSerializer, showcase_state, RESULT_PARAMS,
    ),
    "organisations": Dataset(
        "organisations", "Organisations",
        "Verified civil society organisations of the network and their public profile.",
        organisations_queryset, s.OrganisationSerializer, organisations_version, ORGANISATION_PARAMS,
    ),
}
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json", "geojson": "application/geo+json"}


def formats_of(dataset: Dataset) -> tuple[str, ...]:
    return ("csv", "json", "geojson") if dataset.geojson else ("csv", "json")
