"""The network: people, the organisations they belong to (CSOs and AMOs) and how CSOs get verified."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from .storage import private_storage
from .text import fold


class UserManager(DjangoUserManager):
    """Users sign in with their e-mail address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with an account. The e-mail address is the login."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )

    time_zone = models.CharField(
        _("time zone"), max_length=64, blank=True,
        help_text=_("Deadlines and times are shown in it. Empty: Central European Time."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


COORDINATORS_GROUP = "Network coordinators"


class Country(models.Model):
    """One of the six beneficiary states. Loaded by a migration; names are translated for display."""

    code = models.CharField(_("ISO code"), max_length=2, primary_key=True)
    time_zone = models.CharField(_("time zone"), max_length=64)
    default_language = models.CharField(_("main language"), max_length=10)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["code"]

    def __str__(self):
        return str(self.name)

    @property
    def name(self):
        return countries.name(self.code)


class MunicipalityQuerySet(models.QuerySet):
    def matching(self, query: str):
        """Name in either script, any diacritics (GeoNames' alternate spellings included)."""
        folded = fold(query)
        return self.filter(search_text__contains=folded) if folded else self


class Municipality(models.Model):
    """A municipality (town or village) with its centre point, from GeoNames, loaded by a migration.

    Its centre is what the public sees of a property whose location privacy is `approximate`.
    """

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="municipalities")
    geonameid = models.PositiveIntegerField(unique=True)
    name = models.CharField(_("name"), max_length=120, help_text=_("As written locally."))
    slug = models.SlugField(max_length=140, unique=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6)
    longitude = models.DecimalField(max_digits=9, decimal_places=6)
    population = models.PositiveIntegerField(default=0)
    # Folded local, GeoNames and alternate names: "Beograd", "Belgrade" and "Београд" all match.
    search_text = models.TextField(editable=False, default="")

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["country", "name"]
        indexes = [models.Index(fields=["country", "name"])]

    def __str__(self):
        return self.name


class ThematicArea(TagBase):
    """A thematic area from the curated list in `network.thematic_areas` (installed by migration)."""

    class Meta:
        verbose_name = _("thematic area")
        verbose_name_plural = _("thematic areas")
        ordering = ["name"]

    @property
    def label(self):
        from .thematic_areas import thematic_area_label

        return thematic_area_label(self.slug)


class TaggedThematicArea(TaggedItemBase):
    tag = models.ForeignKey(ThematicArea, related_name="tagged_items", on_delete=models.CASCADE)
    content_object = models.ForeignKey(
        "Organisation", on_delete=models.CASCADE, related_name="tagged_thematic_areas"
    )


class OrganisationQuerySet(models.QuerySet):
    def csos(self):
        return self.filter(kind=Organisation.Kind.CSO)

    def amos(self):
        return self.filter(kind=Organisation.Kind.AMO)

    def verified(self):
        return self.filter(status=Organisation.Status.VERIFIED)

    def pending(self):
        return self.filter(status=Organisation.Status.PENDING)

    def matching(self, query: str):
        """Name, Latin name, acronym or registration number, in either script, any diacritics."""
        folded = fold(query)
        if not folded:
            return self
        return self.filter(Q(search_text__contains=folded))


class Organisation(models.Model):
    """A civil society organisation (CSO) or a state Asset Management Office (AMO).

    CSOs register themselves and start `pending`; a network coordinator verifies them. AMOs are
    reference data loaded by a migration. Status changes only through `network.services`, each one
    recorded as an `OrganisationStatusChange`.
    """

    class Kind(models.TextChoices):
        CSO = "cso", _("Civil society organisation")
        AMO = "amo", _("Asset Management Office")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending verification")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")
        SUSPENDED = "suspended", _("Suspended")

    class LegalForm(models.TextChoices):
        ASSOCIATION = "association", _("Association")
        FOUNDATION = "foundation", _("Foundation")
        CENTRE = "centre", _("Centre")
        SOCIAL_ENTERPRISE = "social_enterprise", _("Social enterprise")
        COOPERATIVE = "cooperative", _("Cooperative")
        NETWORK = "network", _("Network or union of associations")
        PUBLIC_BODY = "public_body", _("Public body")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=3, choices=Kind.choices, default=Kind.CSO)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    slug = models.SlugField(_("address name"), max_length=120, unique=True)
    name = models.CharField(_("legal name"), max_length=255, help_text=_("As registered, in its own script."))
    name_latin = models.CharField(
        _("name in Latin script"), max_length=255, blank=True,
        help_text=_("Optional transliteration, if the legal name is in Cyrillic."),
    )
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    legal_form = models.CharField(
        _("legal form"), max_length=20, choices=LegalForm.choices, default=LegalForm.ASSOCIATION
    )
    registration_number = models.CharField(_("registration number"), max_length=60, blank=True)
    registry = models.CharField(
        _("registry"), max_length=255, blank=True,
        help_text=_("The register the organisation is entered in, e.g. the business registers agency."),
    )
    country = models.ForeignKey(Country, verbose_name=_("country"), on_delete=models.PROTECT)
    city = models.CharField(_("city"), max_length=120)
    address = models.CharField(_("address"), max_length=255, blank=True)
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"), null=True, blank=True,
        validators=[MinValueValidator(1850), MaxValueValidator(2100)],
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("public e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    mission = models.TextField(_("mission"), blank=True, max_length=5000)
    thematic_areas = TaggableManager(
        verbose_name=_("thematic areas"), through=TaggedThematicArea, blank=True,
        help_text="",
    )
    target_groups = models.TextField(_("target groups"), blank=True, max_length=2000)
    staff_count = models.PositiveIntegerField(_("staff"), null=True, blank=True)
    volunteer_count = models.PositiveIntegerField(_("volunteers"), null=True, blank=True)
    languages = models.JSONField(_("languages worked in"), default=list, blank=True)
    reuse_experience = models.TextField(
        _("previous experience with re-used assets"), blank=True, max_length=5000
    )
    registration_certificate = models.FileField(
        _("registration certificate"), storage=private_storage,
        upload_to="certificates/%Y/%m/", blank=True,
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("registered by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    # Folded (lower-case, Latin, no diacritics) name, Latin name, acronym and registration number.
    search_text = models.TextField(editable=False, default="")
    # The name folded to Latin: sorting by it interleaves Cyrillic and Latin names alphabetically.
    sort_name = models.CharField(max_length=255, editable=False, default="")
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["kind", "status", "country"]),
            models.Index(fields=["registration_number"]),
            # The directory's default order (verified CSOs by name) reads this index, not a sort.
            models.Index(fields=["kind", "status", "sort_name", "id"]),
        ]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        self.refresh_search_fields()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("network:organisation_detail", kwargs={"slug": self.slug})

    def refresh_search_fields(self):
        """Recompute the folded copies of the names (call it before bulk_create, which skips save)."""
        self.search_text = fold(
            " ".join([self.name, self.name_latin, self.acronym, self.registration_number])
        )
        self.sort_name = fold(self.name)[:255]

    @property
    def display_name(self):
        if self.acronym:
            return f"{self.name} ({self.acronym})"
        return self.name

    @property
    def is_verified(self):
        return self.status == self.Status.VERIFIED

    @property
    def language_labels(self):
        from .forms import LANGUAGE_LABELS

        return [str(LANGUAGE_LABELS.get(code, code)) for code in self.languages]


class OrganisationStatusChange(models.Model):
    """One change of an organisation's status: who, when, from, to, and why. Never edited."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="status_changes"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("by"),
    )
    from_status = models.CharField(_("from"), max_length=10, choices=Organisation.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=10, choices=Organisation.Status.choices)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.organisation_id}: {self.from_status} -> {self.to_status}"


class MembershipQuerySet(models.QuerySet):
    def admins(self):
        return self.filter(role=Membership.Role.ADMIN)


class Membership(models.Model):
    """A user's place in an organisation: `admin` manages members and submits; `member` drafts."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        MEMBER = "member", _("Member")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org"),
        ]

    def __str__(self):
        return f"{self.user} @ {self.organisation} ({self.role})"


class Invitation(models.Model):
    """An invitation to join an organisation, sent by e-mail as a signed link that expires."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(
        _("role"), max_length=10, choices=Membership.Role.choices, default=Membership.Role.MEMBER
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} -> {self.organisation}"

    @property
    def is_open(self):
        return self.accepted_at is None and self.revoked_at is None
