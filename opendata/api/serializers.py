"""What the public receives of each dataset. Only the fields listed here ever leave: no contact data, no
documents, no internal notes. Locations only through `reuse_projects.privacy.public_location()` for a
visitor who is not signed in. Used by the API and by the bulk downloads alike."""

from django.contrib.auth.models import AnonymousUser
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from calls.models import Call
from network.emails import absolute_url
from network.models import Organisation
from projects.models import TARGET_GROUPS, ReuseProject
from reuse_projects.models import Property
from reuse_projects.privacy import public_location
from reuse_projects.suitable_uses import SUITABLE_USES

ANONYMOUS = AnonymousUser()


class LocationSerializer(serializers.Serializer):
    """What a visitor may know of where a property is."""

    precision = serializers.ChoiceField(
        choices=["exact", "approximate", "none"],
        help_text="exact: the building; approximate: the municipality's centre; none: no point at all.",
    )
    municipality = serializers.CharField()
    country = serializers.CharField()
    address = serializers.CharField(allow_null=True, help_text="Only when the office makes it public.")
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)


def location_data(property: Property) -> dict:
    location = public_location(property, ANONYMOUS)
    return {
        "precision": location.precision,
        "municipality": location.municipality,
        "country": location.country,
        "address": location.address or None,
        "latitude": float(location.latitude) if location.latitude is not None else None,
        "longitude": float(location.longitude) if location.longitude is not None else None,
    }


@extend_schema_field(LocationSerializer)
class LocationField(serializers.Field):
    """The public location of a property (`source` is the property)."""

    columns = ("precision", "municipality", "country", "address", "latitude", "longitude")

    def to_representation(self, value):
        return location_data(value)


class OrganisationRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class SlugListField(serializers.Field):
    """Slugs of a prefetched tag relation (`source` is the related manager)."""

    def __init__(self, *, attribute="slug", **kwargs):
        self.attribute = attribute
        super().__init__(**kwargs)

    def to_representation(self, value):
        return [getattr(item, self.attribute) for item in value.all()]


class PropertySerializer(serializers.Serializer):
    reference = serializers.CharField(source="public_reference", help_text="<office slug>--<office's code>")
    title = serializers.CharField()
    title_en = serializers.CharField()
    description = serializers.CharField()
    description_en = serializers.CharField()
    type = serializers.ChoiceField(source="property_type", choices=Property.Type.values)
    legal_status = serializers.ChoiceField(choices=Property.LegalStatus.values)
    status = serializers.ChoiceField(choices=list(Property.PUBLIC_STATUSES))
    municipality = serializers.CharField(source="municipality.name")
    municipality_slug = serializers.CharField(source="municipality.slug")
    country = serializers.CharField(source="municipality.country_id")
    office = OrganisationRefSerializer(source="amo")
    floor_area = serializers.DecimalField(max_digits=10, decimal_places=2, allow_null=True)
    land_area = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    rooms = serializers.IntegerField(allow_null=True)
    condition = serializers.CharField(help_text="ready, minor_works, major_renovation, ruin, or empty.")
    accessibility = serializers.ChoiceField(choices=Property.Accessibility.values)
    suitable_uses = serializers.SerializerMethodField()
    term_years = serializers.IntegerField(allow_null=True)
    renewable = serializers.BooleanField()
    available_from = serializers.DateField(allow_null=True)
    available_until = serializers.DateField(allow_null=True)
    published_at = serializers.DateTimeField(allow_null=True)
    updated_at = serializers.DateTimeField()
    url = serializers.SerializerMethodField()
    location = LocationField(source="*")

    @extend_schema_field({"type": "array", "items": {"type": "string"},
                          "description": "Slugs of the suitable uses (see the `use` filter)."})
    def get_suitable_uses(self, obj):
        return [tagged.tag.slug for tagged in obj.tagged_suitable_uses.all()]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj):
        return absolute_url(obj.get_absolute_url())


class CriterionSerializer(serializers.Serializer):
    title = serializers.CharField()
    description = serializers.CharField()
    weight = serializers.IntegerField(help_text="Percent; the weights of a call add up to 100.")
    max_score = serializers.IntegerField()


class EligibilitySerializer(serializers.Serializer):
    scope = serializers.ChoiceField(choices=Call.Scope.values)
    countries = serializers.ListField(child=serializers.CharField(), help_text="ISO codes of the countries allowed.")
    min_years_active = serializers.IntegerField()
    verified_cso_only = serializers.BooleanField()


class CallSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    description = serializers.CharField()
    office = OrganisationRefSerializer(source="amo")
    country = serializers.CharField(source="amo.country_id")
    opens_at = serializers.DateTimeField()
    closes_at = serializers.DateTimeField()
    phase = serializers.SerializerMethodField()
    properties = serializers.SerializerMethodField()
    criteria = CriterionSerializer(many=True, source="criteria.all")
    eligibility = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    @extend_schema_field({"type": "string", "enum": ["open", "upcoming", "closed"]})
    def get_phase(self, obj):
        return str(obj.phase())

    @extend_schema_field({"type": "array", "items": {"type": "string"}})
    def get_properties(self, obj):
        return [p.public_reference for p in obj.public_properties]

    @extend_schema_field(EligibilitySerializer)
    def get_eligibility(self, obj):
        countries = [obj.amo.country_id] if obj.scope == Call.Scope.NATIONAL else sorted(
            c.code for c in obj.eligible_countries.all()
        )
        return {"scope": obj.scope, "countries": countries, "min_years_active": obj.min_years_active,
                "verified_cso_only": True}

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj):
        return absolute_url(obj.get_absolute_url())


class DecisionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    call = serializers.IntegerField(source="proposal.call_id")
    call_title = serializers.CharField(source="proposal.call.title")
    office = OrganisationRefSerializer(source="proposal.call.amo")
    country = serializers.CharField(source="proposal.call.amo.country_id")
    property = serializers.CharField(source="proposal.property.public_reference")
    organisation = OrganisationRefSerializer(source="proposal.organisation")
    decided_at = serializers.DateTimeField(source="confirmed_at")
    weighted_score = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True)


class PeopleSerializer(serializers.Serializer):
    group = serializers.ChoiceField(source="target_group", choices=[g for g, _ in TARGET_GROUPS])
    people = serializers.IntegerField()


class PhotoSerializer(serializers.Serializer):
    url = serializers.SerializerMethodField()
    alt_text = serializers.CharField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj):
        return absolute_url(obj.image.url)


class ProjectSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    use = serializers.ChoiceField(choices=[s for s, _ in SUITABLE_USES])
    thematic_areas = SlugListField()
    status = serializers.ChoiceField(choices=list(ReuseProject.PUBLIC_STATUSES))
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    lead_organisation = OrganisationRefSerializer(source="organisation")
    partners = OrganisationRefSerializer(many=True, source="partners.all")
    property = serializers.CharField(source="property.public_reference")
    country = serializers.CharField(source="country_id")
    accepted_reports = serializers.IntegerField(source="accepted_report_count")
    people_served = serializers.IntegerField(source="people_served_total")
    url = serializers.SerializerMethodField()
    location = LocationField(source="property")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj):
        return absolute_url(obj.get_absolute_url())


class ResultsReportSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    project = serializers.IntegerField(source="project_id")
    project_title = serializers.CharField(source="project.title")
    country = serializers.CharField(source="project.country_id")
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    people_served = serializers.IntegerField()
    people = PeopleSerializer(many=True, source="people.all")
    jobs_created = serializers.IntegerField(allow_null=True)
    volunteers = serializers.IntegerField(allow_null=True)
    events_delivered = serializers.IntegerField(allow_null=True)
    services_delivered = serializers.IntegerField(allow_null=True)
    hours_open_per_week = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True)
    income_reinvested_eur = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    narrative = serializers.CharField()
    lessons_learned = serializers.CharField()
    photos = PhotoSerializer(many=True, source="photos.all")


class OrganisationSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    name_latin = serializers.CharField()
    acronym = serializers.CharField()
    legal_form = serializers.ChoiceField(choices=Organisation.LegalForm.values)
    registration_number = serializers.CharField()
    registry = serializers.CharField()
    country = serializers.CharField(source="country_id")
    city = serializers.CharField()
    year_founded = serializers.IntegerField(allow_null=True)
    website = serializers.CharField()
    mission = serializers.CharField()
    thematic_areas = serializers.SerializerMethodField()
    target_groups = serializers.CharField()
    staff_count = serializers.IntegerField(allow_null=True)
    volunteer_count = serializers.IntegerField(allow_null=True)
    languages = serializers.ListField(child=serializers.CharField())
    reuse_experience = serializers.CharField()
    verified_at = serializers.DateTimeField(allow_null=True)
    url = serializers.SerializerMethodField()

    @extend_schema_field({"type": "array", "items": {"type": "string"}})
    def get_thematic_areas(self, obj):
        return [tagged.tag.slug for tagged in obj.tagged_thematic_areas.all()]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj):
        return absolute_url(obj.get_absolute_url())


def _figures(serializer_fields: dict) -> dict:
    names = ["properties_available", "properties_under_call", "properties_in_reuse", "projects_active",
             "projects_completed", "reports_accepted", "people_served", "jobs_created", "volunteers",
             "events_delivered", "services_delivered"]
    fields = {name: serializers.IntegerField() for name in names}
    fields["income_reinvested_eur"] = serializers.DecimalField(max_digits=14, decimal_places=2)
    return {**fields, **serializer_fields}


FiguresSerializer = type("FiguresSerializer", (serializers.Serializer,), _figures({}))
CountryFiguresSerializer = type("CountryFiguresSerializer", (serializers.Serializer,), _figures({
    "code": serializers.CharField(), "name": serializers.CharField(),
}))


class OfficeFiguresSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    country = serializers.CharField()
    decisions = serializers.IntegerField()
    median_days_to_decision = serializers.IntegerField(allow_null=True)


class GroupFiguresSerializer(serializers.Serializer):
    group = serializers.CharField()
    label = serializers.CharField()
    people = serializers.IntegerField()


class ImpactSerializer(serializers.Serializer):
    as_of = serializers.DateTimeField()
    region = FiguresSerializer()
    countries = CountryFiguresSerializer(many=True)
    offices = OfficeFiguresSerializer(many=True)
    people_by_target_group = GroupFiguresSerializer(many=True)
