"""Confiscated (or seized) properties that an Asset Management Office makes available for social re-use."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from network.places import to_latin
from network.storage import private_storage
from network.text import fold


class SuitableUse(TagBase):
    """A use from the curated list in `reuse_projects.suitable_uses` (installed by migration)."""

    class Meta:
        verbose_name = _("suitable use")
        verbose_name_plural = _("suitable uses")
        ordering = ["name"]

    @property
    def label(self):
        from ..suitable_uses import suitable_use_label

        return suitable_use_label(self.slug)


class TaggedSuitableUse(TaggedItemBase):
    tag = models.ForeignKey(SuitableUse, related_name="tagged_items", on_delete=models.CASCADE)
    content_object = models.ForeignKey("Property", on_delete=models.CASCADE, related_name="tagged_suitable_uses")


class PropertyQuerySet(models.QuerySet):
    def public(self):
        """What a visitor may ever see: published, not withdrawn, not archived."""
        return self.filter(status__in=Property.PUBLIC_STATUSES, archived_at__isnull=True)

    def of_office(self, amo):
        return self.filter(amo=amo)


class Property(models.Model):
    """A property an AMO publishes for social re-use.

    Its lifecycle status changes only through `reuse_projects.services` following the table in
    `reuse_projects.transitions`; every change (and every edit) is a `PropertyEvent`. What the public
    receives of its location depends on `location_privacy` (see `reuse_projects.privacy`).
    """

    class Type(models.TextChoices):
        APARTMENT = "apartment", _("Apartment")
        HOUSE = "house", _("House")
        VILLA = "villa", _("Villa")
        COMMERCIAL = "commercial", _("Commercial premises")
        OFFICE = "office", _("Office")
        WAREHOUSE = "warehouse", _("Warehouse")
        HOTEL = "hotel", _("Hotel")
        AGRICULTURAL_LAND = "agricultural_land", _("Agricultural land")
        BUILDING_LAND = "building_land", _("Building land")
        FARM = "farm", _("Farm")
        VEHICLE = "vehicle", _("Vehicle")
        OTHER = "other", _("Other")

    class LegalStatus(models.TextChoices):
        SEIZED = "seized", _("Seized, for temporary use")
        CONFISCATED = "confiscated", _("Confiscated, final")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        AVAILABLE = "available", _("Available")
        UNDER_CALL = "under_call", _("Under a call for proposals")
        ASSIGNED = "assigned", _("Assigned")
        IN_REUSE = "in_reuse", _("In social re-use")
        RETURNED = "returned", _("Returned")
        REVOKED = "revoked", _("Revoked")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class LocationPrivacy(models.TextChoices):
        EXACT = "exact", _("Exact: the address and the point on the map are public")
        APPROXIMATE = "approximate", _("Approximate: the public sees only the municipality")
        HIDDEN = "hidden", _("Hidden: the public sees only the municipality's name, no map point")

    class Condition(models.TextChoices):
        READY = "ready", _("Ready to use")
        MINOR_WORKS = "minor_works", _("Needs minor works")
        MAJOR_RENOVATION = "major_renovation", _("Needs major renovation")
        RUIN = "ruin", _("Ruin")

    class Accessibility(models.TextChoices):
        UNKNOWN = "unknown", _("Not assessed")
        ACCESSIBLE = "accessible", _("Accessible for people with disabilities")
        PARTLY = "partly", _("Partly accessible")
        NOT_ACCESSIBLE = "not_accessible", _("Not accessible")

    class Payer(models.TextChoices):
        USER = "user", _("The organisation using it")
        AMO = "amo", _("The Asset Management Office")
        SHARED = "shared", _("Shared")

    # Visible to the public; draft and withdrawn never are.
    PUBLIC_STATUSES = ("available", "under_call", "assigned", "in_reuse", "returned", "revoked")
    # What the catalogue shows when no status is chosen: what a CSO can still apply for.
    OPEN_STATUSES = ("available", "under_call")

    amo = models.ForeignKey(
        "network.Organisation", on_delete=models.PROTECT, related_name="properties",
        limit_choices_to={"kind": "amo"}, verbose_name=_("Asset Management Office"),
    )
    reference = models.CharField(
        _("reference code"), max_length=40,
        validators=[RegexValidator(
            r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
            _("Use letters, digits, dots, dashes and underscores only, starting with a letter or digit."),
        )],
        help_text=_("The office's own code for the property; unique within the office."),
    )
    title = models.CharField(_("title"), max_length=200, help_text=_("In the office's language."))
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    description = models.TextField(_("description"), max_length=10000, blank=True)
    description_en = models.TextField(_("description in English"), max_length=10000, blank=True)
    property_type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    legal_status = models.CharField(
        _("legal status"), max_length=12, choices=LegalStatus.choices, default=LegalStatus.CONFISCATED
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    municipality = models.ForeignKey(
        "network.Municipality", on_delete=models.PROTECT, related_name="properties", verbose_name=_("municipality")
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    location_privacy = models.CharField(
        _("location privacy"), max_length=12, choices=LocationPrivacy.choices, default=LocationPrivacy.EXACT
    )
    floor_area = models.DecimalField(
        _("floor area (m²)"), max_digits=10, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    land_area = models.DecimalField(
        _("land area (m²)"), max_digits=12, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    rooms = models.PositiveSmallIntegerField(_("rooms"), null=True, blank=True)
    floors = models.PositiveSmallIntegerField(_("floors"), null=True, blank=True)
    year_built = models.PositiveSmallIntegerField(
        _("year built"), null=True, blank=True, validators=[MinValueValidator(1000), MaxValueValidator(2100)]
    )
    condition = models.CharField(_("condition"), max_length=20, choices=Condition.choices, blank=True)
    utilities = models.JSONField(_("utilities"), default=list, blank=True)
    accessibility = models.CharField(
        _("accessibility"), max_length=16, choices=Accessibility.choices, default=Accessibility.UNKNOWN
    )
    renovation_cost_min = models.PositiveIntegerField(
        _("estimated renovation cost from (EUR)"), null=True, blank=True
    )
    renovation_cost_max = models.PositiveIntegerField(
        _("estimated renovation cost up to (EUR)"), null=True, blank=True
    )
    suitable_uses = TaggableManager(
        verbose_name=_("suitable uses"), through=TaggedSuitableUse, blank=True, help_text=""
    )
    term_years = models.PositiveSmallIntegerField(_("term of use (years)"), null=True, blank=True)
    renewable = models.BooleanField(_("renewable"), default=False)
    utilities_paid_by = models.CharField(_("utilities paid by"), max_length=8, choices=Payer.choices, blank=True)
    maintenance_paid_by = models.CharField(_("maintenance paid by"), max_length=8, choices=Payer.choices, blank=True)
    restrictions = models.TextField(_("restrictions"), max_length=5000, blank=True)
    available_from = models.DateField(_("available from"), null=True, blank=True)
    available_until = models.DateField(_("available until"), null=True, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    search_text = models.TextField(editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)

    objects = PropertyQuerySet.as_manager()

    class Meta:
        verbose_name = _("property")
        verbose_name_plural = _("properties")
        ordering = ["-published_at", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["amo", "reference"], name="property_reference_unique_per_office"),
        ]
        indexes = [
            # The public catalogue reads only unarchived rows: its default order, its count and the
            # counts per status come straight from these partial indexes.
            models.Index(
                fields=["-published_at", "-id"], condition=models.Q(archived_at__isnull=True),
                name="property_public_newest",
            ),
            models.Index(
                fields=["status"], condition=models.Q(archived_at__isnull=True), name="property_public_status"
            ),
            models.Index(
                fields=["floor_area", "id"], condition=models.Q(archived_at__isnull=True), name="property_public_area"
            ),
            models.Index(fields=["status", "-published_at"]),
            models.Index(fields=["status", "property_type"]),
            models.Index(fields=["status", "floor_area"]),
            models.Index(fields=["amo", "status"]),
            models.Index(fields=["municipality", "status"]),
        ]

    def __str__(self):
        return f"{self.reference}: {self.title}"

    def save(self, *args, **kwargs):
        self.refresh_search_fields()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("reuse_projects:property_detail", kwargs={"reference": self.public_reference})

    def clean(self):
        errors = {}
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Give both coordinates, or neither.")
        if self.renovation_cost_min is not None and self.renovation_cost_max is not None:
            if self.renovation_cost_min > self.renovation_cost_max:
                errors["renovation_cost_max"] = _("The upper estimate is below the lower one.")
        if self.available_from and self.available_until and self.available_from > self.available_until:
            errors["available_until"] = _("The end of availability is before its start.")
        if self.amo_id and self.municipality_id and self.municipality.country_id != self.amo.country_id:
            errors["municipality"] = _("The municipality is not in the office's country.")
        if errors:
            raise ValidationError(errors)

    def refresh_search_fields(self):
        """Folded text for free-text matching (call it before bulk_create, which skips save)."""
        self.search_text = fold(" ".join([self.reference, self.title, self.title_en]))

    @property
    def public_reference(self):
        """Unique across offices: the office's slug and its own code, as in URLs. Office slugs never
        hold "--" (slugify collapses dashes), so the first "--" splits the two."""
        return f"{self.amo.slug}--{self.reference}"

    @property
    def display_title(self):
        return self._in_reader_language(self.title, self.title_en)

    @property
    def display_description(self):
        return self._in_reader_language(self.description, self.description_en)

    @staticmethod
    def _in_reader_language(text: str, english: str) -> str:
        """English readers get the English text when there is one; readers of Serbian in Latin script
        get Cyrillic text transliterated (Serbian Cyrillic maps one-to-one onto its Latin alphabet)."""
        language = get_language()
        if language == "en" and english:
            return english
        if language == "sr-latn":
            return to_latin(text, "sr")
        return text


class PropertyPhoto(models.Model):
    """A photo of a property, in the order the office chose, with a text alternative."""

    property = models.ForeignKey(Property, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to="properties/photos/%Y/%m/")
    alt_text = models.CharField(
        _("description of the photo"), max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.alt_text


class PropertyDocument(models.Model):
    """A document about a property; public, or for verified CSOs only. Always served through a view."""

    class Kind(models.TextChoices):
        FLOOR_PLAN = "floor_plan", _("Floor plan")
        INSPECTION_REPORT = "inspection_report", _("Inspection report")
        CADASTRAL_EXTRACT = "cadastral_extract", _("Cadastral extract")
        OTHER = "other", _("Other document")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Everyone")
        VERIFIED_CSOS = "verified_csos", _("Verified civil society organisations only")

    property = models.ForeignKey(Property, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), storage=private_storage, upload_to="properties/documents/%Y/%m/")
    visibility = models.CharField(
        _("visible to"), max_length=16, choices=Visibility.choices, default=Visibility.VERIFIED_CSOS
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "title", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title


class PropertyEvent(models.Model):
    """One thing that happened to a property: created, edited, a status change, archived... Never edited."""

    property = models.ForeignKey(Property, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=20)
    from_status = models.CharField(_("from"), max_length=12, choices=Property.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=12, choices=Property.Status.choices, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    changes = models.JSONField(_("changed fields"), default=list, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("property event")
        verbose_name_plural = _("property events")

    def __str__(self):
        return f"{self.property_id}: {self.action}"
