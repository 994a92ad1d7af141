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


# Calls, proposals, reviews ------------------------------------------------------------------------

DEFAULT_CRITERIA = [("Social impact", 40), ("Feasibility", 30), ("Sustainability", 20), ("Local partnerships", 10)]


class CallFactory(factory.django.DjangoModelFactory):
    """A call of Serbia's Directorate, with the four usual criteria (40/30/20/10, out of 10 each) and a
    two-line checklist (a mandatory work plan, an optional letter of support).

    Traits: `open=True` (published, opened a day ago, closes in 30 days), `upcoming=True`,
    `closed=True`, `cancelled=True`. Pass `properties=[...]` or get one available property of the office.
    """

    class Meta:
        model = "calls.Call"
        skip_postgeneration_save = True

    amo = factory.LazyFunction(lambda: Organisation.objects.get(slug="direkcija-rs"))
    title = factory.Sequence(lambda n: f"Call for the social re-use of flats in Novi Sad {n}")
    description = "Proposals for community use of confiscated flats."
    opens_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=30))
    status = "draft"

    class Params:
        open = factory.Trait(
            status="published",
            published_at=factory.LazyFunction(timezone.now),
            opens_at=factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=1)),
        )
        upcoming = factory.Trait(status="published", published_at=factory.LazyFunction(timezone.now))
        closed = factory.Trait(
            status="published",
            published_at=factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=40)),
            opens_at=factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=40)),
            closes_at=factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=1)),
        )
        cancelled = factory.Trait(status="cancelled")

    @factory.post_generation
    def properties(self, create, extracted, **kwargs):
        if not create:
            return
        status = "under_call" if self.status == "published" else "available"
        self.properties.set(extracted if extracted is not None else [PropertyFactory(amo=self.amo, status=status,
                                                                                     published_at=timezone.now())])

    @factory.post_generation
    def criteria(self, create, extracted, **kwargs):
        if not create:
            return
        from calls.models import CallCriterion

        for position, (title, weight) in enumerate(extracted if extracted is not None else DEFAULT_CRITERIA):
            CallCriterion.objects.create(call=self, title=title, weight=weight, max_score=10, position=position)

    @factory.post_generation
    def document_requirements(self, create, extracted, **kwargs):
        if not create:
            return
        from calls.models import CallDocumentRequirement

        rows = extracted if extracted is not None else [("Work plan", True), ("Letter of support", False)]
        for position, (title, mandatory) in enumerate(rows):
            CallDocumentRequirement.objects.create(call=self, title=title, mandatory=mandatory, position=position)


class ProposalFactory(factory.django.DjangoModelFactory):
    """A complete draft by a verified CSO for the first property of an open call.

    Traits set the status as the services would leave it: `submitted=True`, `under_review=True`,
    `changes_requested=True`, `approved=True`, `rejected=True`, `withdrawn=True`.
    """

    class Meta:
        model = "calls.Proposal"

    call = factory.SubFactory(CallFactory, open=True)
    property = factory.LazyAttribute(lambda proposal: proposal.call.properties.first())
    organisation = factory.SubFactory(OrganisationFactory, verified=True)
    planned_use = "A youth centre with a homework club and a community kitchen."
    activities = "Homework club on weekdays; cooking classes; a repair café on Saturdays."
    beneficiaries = factory.LazyFunction(lambda: [{"group": "Young people aged 15-25", "people_per_year": 300}])
    timeline = "Renovation in the first six months, opening in the seventh."
    renovation_cost = Decimal("25000.00")
    running_cost_per_year = Decimal("18000.00")
    funding_sources = "Municipal grant, EU programme, own income from the café."
    sustainability_plan = "The café and room rental cover half the running costs from the second year."

    class Params:
        submitted = factory.Trait(
            status="submitted",
            reference=factory.Sequence(lambda n: f"P-TEST-{n:06d}"),
            submitted_at=factory.LazyFunction(timezone.now),
            digest="0" * 64,
        )
        under_review = factory.Trait(
            submitted=True, status="under_review",
        )
        changes_requested = factory.Trait(
            submitted=True, status="changes_requested",
            changes_requested_at=factory.LazyFunction(timezone.now),
            changes_deadline=factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=7)),
        )
        approved = factory.Trait(submitted=True, status="approved", decided_at=factory.LazyFunction(timezone.now))
        rejected = factory.Trait(submitted=True, status="rejected", decided_at=factory.LazyFunction(timezone.now))
        withdrawn = factory.Trait(status="withdrawn")


class ReviewFactory(factory.django.DjangoModelFactory):
    """A review assigned to a reviewer (appointed for the call); `declared=True` has declared no conflict."""

    class Meta:
        model = "calls.Review"
        skip_postgeneration_save = True

    proposal = factory.SubFactory(ProposalFactory, under_review=True)
    reviewer = factory.SubFactory(UserFactory)

    class Params:
        declared = factory.Trait(status="in_progress", declared_at=factory.LazyFunction(timezone.now))
        recused = factory.Trait(
            status="recused", declared_at=factory.LazyFunction(timezone.now), conflict_note="My brother chairs it."
        )

    @factory.post_generation
    def appointed(self, create, extracted, **kwargs):
        if create:
            from calls.models import CallReviewer

            CallReviewer.objects.get_or_create(call=self.proposal.call, user=self.reviewer)


def cso_member(organisation, *, admin=False):
    """A user who is a member (or the admin) of `organisation`."""
    return MembershipFactory(organisation=organisation, role="admin" if admin else "member").user


# Reviews and decisions ----------------------------------------------------------------------------

def closed_call_with_proposals(count=2, *, status="submitted", **call_kwargs):
    """A closed call of Serbia's Directorate for one property, and `count` proposals for it by different
    verified CSOs, in `status` (a ProposalFactory trait): `(call, proposals)`."""
    call = CallFactory(closed=True, **call_kwargs)
    proposals = [ProposalFactory(call=call, **{status: True}) for _ in range(count)]
    return call, proposals


def submitted_review(proposal, reviewer=None, *, scores, recommendation="approve", comment=""):
    """A submitted review of `proposal` with `scores` in the call's order of criteria."""
    from calls.models import ReviewScore

    review = ReviewFactory(proposal=proposal, declared=True, status="submitted",
                           submitted_at=timezone.now(), recommendation=recommendation, comment=comment,
                           **({"reviewer": reviewer} if reviewer is not None else {}))
    for criterion, score in zip(proposal.call.criteria.all(), scores, strict=True):
        ReviewScore.objects.create(review=review, criterion=criterion, score=score)
    return review


# Re-use projects ----------------------------------------------------------------------------------

def reuse_project(status="active", *, start=None, term_months=24, reporting_every_months=6, organisation=None,
                  property=None, partners=(), **project_fields):
    """A re-use project as the services leave it in `status` (`preparing`, `active`, `suspended`,
    `completed`, `terminated`): an approved proposal for a property of Serbia's Directorate (or
    `property`'s office), its agreement (which creates the project), the handover report and the moves.
    The term starts `start` (default: 30 days ago)."""
    from calls.models import ProposalPartner, ReuseAgreement
    from projects import services
    from projects.models import ConditionReport

    today = timezone.localdate()
    start = start or today - timezone.timedelta(days=30)
    property = property or PropertyFactory(status="under_call", published_at=timezone.now() - timezone.timedelta(
        days=120))
    call = CallFactory(closed=True, amo=property.amo, properties=[property])
    proposal = ProposalFactory(
        call=call, property=property, approved=True,
        **({"organisation": organisation} if organisation is not None else {}),
    )
    for partner in partners:
        ProposalPartner.objects.create(proposal=proposal, organisation=partner, status="accepted")
    type(property).objects.filter(pk=property.pk).update(status="assigned")
    agreement = ReuseAgreement.objects.create(
        proposal=proposal, property=property, organisation=proposal.organisation, start_date=start,
        term_months=term_months, obligations="Open to the public at least 20 hours a week.",
        reporting_every_months=reporting_every_months,
    )
    project = agreement.project
    if project_fields:
        type(project).objects.filter(pk=project.pk).update(**project_fields)
        project.refresh_from_db()
    if status == "preparing":
        return project
    services.condition_report_add(project=project, actor=None, kind=ConditionReport.Kind.HANDOVER,
                                  inspected_on=min(start, today), condition="minor_works", notes="Roof leaks.")
    project = services.project_activate(project=project, actor=None)
    if status == "suspended":
        project = services.project_suspend(project=project, actor=None, reason="The agreement's insurance lapsed.")
    elif status == "completed":
        services.condition_report_add(project=project, actor=None, kind=ConditionReport.Kind.RETURN,
                                      inspected_on=today, condition="ready")
        project = services.project_complete(project=project, actor=None)
    elif status == "terminated":
        project = services.project_terminate(project=project, actor=None, reason="The premises were sublet.")
    return project


def accepted_report(project, *, people=None, status="accepted", **indicators):
    """The project's first report that is not yet submitted, filled in and taken to `status` (`draft`,
    `submitted`, `accepted` or `returned`) by the services."""
    from projects import services

    report = project.reports.filter(status__in=["draft", "returned"]).order_by("due_date").first()
    indicators = {"jobs_created": 2, "volunteers": 12, "events_delivered": 8, **indicators}
    report = services.report_save(
        report=report, actor=None, narrative="The youth centre opened its doors; the homework club runs daily.",
        lessons_learned="Start the renovation permits early.",
        people=people if people is not None else {"young_people": 120, "children": 40}, **indicators,
    )
    if status == "draft":
        return report
    report = services.report_submit(report=report, actor=None)
    if status == "accepted":
        report = services.report_accept(report=report, actor=None)
    elif status == "returned":
        report = services.report_return(report=report, actor=None, comments="Add the figures for May.")
    return report
