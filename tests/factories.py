"""Factories with traits for states: `OrganisationFactory(verified=True)`, `UserFactory(coordinator=True)`."""

from decimal import Decimal

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from network.models import COORDINATORS_GROUP, Country, Membership, Municipality, Organisation, User

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7V\xbd\xfa\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


def pdf_upload(name="certificate.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def png_upload(name="logo.png"):
    return SimpleUploadedFile(name, PNG_BYTES, content_type="image/png")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
        if create:
            self.save()

    class Params:
        coordinator = factory.Trait(
            _coordinator=factory.PostGeneration(
                lambda user, create, extracted, **kw: user.groups.add(
                    Group.objects.get_or_create(name=COORDINATORS_GROUP)[0]
                )
            )
        )


def with_totp(user):
    """Give a user an authenticator app, as a coordinator must have."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    return secret


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    kind = Organisation.Kind.CSO
    status = Organisation.Status.PENDING
    name = factory.Sequence(lambda n: f"Association for Community {n}")
    slug = factory.Sequence(lambda n: f"association-{n}")
    country = factory.LazyFunction(lambda: Country.objects.get(code="RS"))
    city = "Novi Sad"
    registration_number = factory.Sequence(lambda n: f"REG-{n:06d}")
    mission = "Turns confiscated property into places for young people."

    class Params:
        verified = factory.Trait(status=Organisation.Status.VERIFIED)
        rejected = factory.Trait(status=Organisation.Status.REJECTED)
        suspended = factory.Trait(status=Organisation.Status.SUSPENDED)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.MEMBER

    class Params:
        admin = factory.Trait(role=Membership.Role.ADMIN)


# Helpers for the network test suite (added; the names above are unchanged) ----------------------


def coordinator(*, totp=False, **kwargs):
    """A network coordinator, with an authenticator app when `totp` is true."""
    user = UserFactory(coordinator=True, **kwargs)
    if totp:
        with_totp(user)
    return user


def organisation_with_admin(**kwargs):
    """A CSO and its administrator: `(organisation, admin)`."""
    organisation = OrganisationFactory(**kwargs)
    admin = MembershipFactory(organisation=organisation, admin=True).user
    return organisation, admin


def amo_officer(slug="direkcija-rs"):
    """Staff of an Asset Management Office installed by the reference-data migration."""
    return MembershipFactory(organisation=Organisation.objects.get(slug=slug), admin=True).user


def set_thematic_areas(organisation, *slugs):
    from network.models import ThematicArea

    organisation.thematic_areas.set(list(ThematicArea.objects.filter(slug__in=slugs)))
    return organisation


def registration_data(**overrides):
    """A complete, valid registration form (multipart POST data) with a PDF certificate."""
    data = {
        "name": "Udruženje Mladi za zajednicu",
        "name_latin": "",
        "acronym": "UMZ",
        "legal_form": Organisation.LegalForm.ASSOCIATION,
        "registration_number": "28100001",
        "registry": "Agencija za privredne registre",
        "country": "RS",
        "city": "Novi Sad",
        "address": "",
        "year_founded": "2012",
        "website": "https://example.org",
        "email": "info@example.org",
        "phone": "",
        "mission": "Turns a confiscated villa into a youth centre.",
        "thematic_areas": ["youth", "education"],
        "target_groups": "",
        "staff_count": "3",
        "volunteer_count": "12",
        "languages": ["sr", "en"],
        "reuse_experience": "",
        "registration_certificate": pdf_upload(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


# Properties ---------------------------------------------------------------------------------------

class PropertyFactory(factory.django.DjangoModelFactory):
    """A property of Serbia's Directorate in Novi Sad; `available=True` etc. set the lifecycle status."""

    class Meta:
        model = "reuse_projects.Property"

    amo = factory.LazyFunction(lambda: Organisation.objects.get(slug="direkcija-rs"))
    reference = factory.Sequence(lambda n: f"RS-{n:05d}")
    title = factory.Sequence(lambda n: f"Стан у центру {n}")
    title_en = factory.Sequence(lambda n: f"Flat in the centre {n}")
    property_type = "apartment"
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(slug="novi-sad-rs"))
    address = "Булевар ослобођења 12"
    latitude = factory.Sequence(lambda n: Decimal("45.251700") + Decimal(n % 100) / 10000)
    longitude = Decimal("19.836900")
    location_privacy = "exact"
    floor_area = Decimal("84.50")
    condition = "minor_works"
    status = "draft"

    class Params:
        available = factory.Trait(status="available", published_at=factory.LazyFunction(timezone.now))
        under_call = factory.Trait(status="under_call", published_at=factory.LazyFunction(timezone.now))
        in_reuse = factory.Trait(status="in_reuse", published_at=factory.LazyFunction(timezone.now))
        withdrawn = factory.Trait(status="withdrawn")
        approximate = factory.Trait(location_privacy="approximate")
        hidden = factory.Trait(location_privacy="hidden")
