"""`manage.py seed_demo`: demo data in all six countries, the same on every run, and --scale."""

import time
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from network.management.commands.seed_demo import (
    COORDINATORS,
    DEMO_PASSWORD,
    SCALE_SLUG,
    demo_plan,
)
from network.models import (
    COORDINATORS_GROUP,
    Invitation,
    Membership,
    Organisation,
    OrganisationStatusChange,
    TaggedThematicArea,
    User,
)
from network.thematic_areas import THEMATIC_AREA_LABELS
from reuse_projects.models import Property, PropertyEvent, TaggedSuitableUse

pytestmark = pytest.mark.django_db

SIX_COUNTRIES = {"AL", "BA", "ME", "MK", "RS", "MD"}


def seed(*args) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    """Every row the seed writes, with the columns that would show a change."""
    return {
        "users": sorted(User.objects.values_list("email", "password", "full_name")),
        "addresses": sorted(EmailAddress.objects.values_list("email", "verified", "primary")),
        "authenticators": sorted(Authenticator.objects.values_list("user__email", "data")),
        "coordinators": sorted(
            User.objects.filter(groups__name=COORDINATORS_GROUP).values_list("email", flat=True)
        ),
        "organisations": sorted(
            Organisation.objects.values_list("slug", "name", "status", "search_text", "updated_at")
        ),
        "memberships": sorted(Membership.objects.values_list("user__email", "organisation__slug", "role")),
        "status_changes": OrganisationStatusChange.objects.count(),
        "invitations": Invitation.objects.count(),
        "thematic_areas": TaggedThematicArea.objects.count(),
        "properties": sorted(
            Property.objects.values_list("amo__slug", "reference", "status", "title", "search_text", "updated_at")
        ),
        "property_events": PropertyEvent.objects.count(),
        "suitable_uses": TaggedSuitableUse.objects.count(),
    }


def test_seed_creates_the_network_in_all_six_countries():
    """Coordinators with an authenticator, an officer per AMO, and verified, pending, rejected and
    suspended CSOs in every country, with members and the history of how they got there."""
    output = seed()

    csos = Organisation.objects.csos()
    assert set(csos.values_list("country_id", flat=True)) == SIX_COUNTRIES
    for country in SIX_COUNTRIES:
        assert csos.filter(country_id=country).verified().exists()
        assert csos.filter(country_id=country).pending().exists()
    assert csos.filter(status=Organisation.Status.REJECTED).exists()
    assert csos.filter(status=Organisation.Status.SUSPENDED).exists()

    for organisation in csos.verified():
        steps = list(organisation.status_changes.order_by("created_at", "id")
                     .values_list("from_status", "to_status"))
        assert steps[:2] == [("", "pending"), ("pending", "verified")]
        assert organisation.memberships.admins().exists()
        assert organisation.thematic_areas.exists()
        assert organisation.mission and organisation.registration_number and organisation.languages
    for organisation in csos.pending():
        assert organisation.status_changes.first().to_status == Organisation.Status.PENDING
    assert set(TaggedThematicArea.objects.values_list("tag__slug", flat=True)) <= set(
        THEMATIC_AREA_LABELS
    )
    # Serbian and Macedonian CSOs are named in Cyrillic, with a Latin spelling beside.
    for organisation in csos.filter(country_id__in=["RS", "MK"]):
        assert any("\u0400" <= char <= "\u04ff" for char in organisation.name)
        assert organisation.name_latin
        assert not any("\u0400" <= char <= "\u04ff" for char in organisation.name_latin)

    for amo in Organisation.objects.amos():
        assert amo.memberships.admins().exists()

    coordinators = User.objects.filter(groups__name=COORDINATORS_GROUP)
    assert coordinators.count() == len(COORDINATORS)
    for email, _name, _language, secret in COORDINATORS:
        authenticator = Authenticator.objects.get(user__email=email, type=Authenticator.Type.TOTP)
        # The printed key is the one stored: a code from an app set up with it is accepted.
        code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
        assert TOTP(authenticator).validate_code(code)
        assert secret in output

    # Everyone can sign in at once: verified primary address, the shared password.
    assert DEMO_PASSWORD in output
    for user in User.objects.all():
        assert EmailAddress.objects.filter(user=user, verified=True, primary=True).exists()
        assert user.email in output
    assert User.objects.get(email=COORDINATORS[0][0]).check_password(DEMO_PASSWORD)


def test_the_plan_is_the_same_on_every_run():
    """A fixed seed: names, towns and people do not change between runs."""
    assert demo_plan() == demo_plan()


def test_second_run_changes_nothing():
    seed()
    before = snapshot()

    seed()

    assert snapshot() == before


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_seeding_sends_and_queues_no_email(settings):
    """Registrations and decisions would e-mail coordinators and CSO admins; the seed drops those
    e-mails, whichever task backend is configured."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}
    seed()
    assert DBTaskResult.objects.count() == 0

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
                                  "QUEUES": []}}
    from calls.models import Call, Proposal, ReuseAgreement
    from projects.models import ReuseProject

    ReuseProject.objects.all().delete()
    ReuseAgreement.objects.all().delete()
    Proposal.objects.all().delete()
    Call.objects.all().delete()
    Organisation.objects.csos().delete()
    seed()
    assert mail.outbox == []


def test_scale_adds_exactly_n_verified_csos_and_a_rerun_adds_none():
    seed()
    verified_before = Organisation.objects.csos().verified().count()

    seed("--scale", "50")

    scaled = Organisation.objects.filter(slug__startswith="scale-cso-")
    assert scaled.count() == 50
    assert Organisation.objects.csos().verified().count() == verified_before + 50
    assert set(scaled.values_list("status", flat=True)) == {Organisation.Status.VERIFIED}
    assert OrganisationStatusChange.objects.filter(organisation__in=scaled).count() == 100
    assert Membership.objects.admins().filter(organisation__in=scaled).count() == 50
    # search_text is filled in although bulk_create skips save(): the directory search finds them.
    sample = scaled.get(slug=SCALE_SLUG.format(7))
    assert sample.search_text
    assert Organisation.objects.matching(sample.name_latin or sample.name).filter(pk=sample.pk).exists()
    admin = sample.memberships.admins().get().user
    assert admin.check_password(DEMO_PASSWORD)
    assert EmailAddress.objects.filter(user=admin, verified=True, primary=True).exists()

    before = snapshot()
    seed("--scale", "50")
    assert snapshot() == before

    seed("--scale", "55")
    assert scaled.count() == 55
    assert Organisation.objects.csos().verified().count() == verified_before + 55


def test_demo_properties_in_all_six_countries_with_their_history():
    """Six properties per office in its own country, titled in its language and English, moved through
    the services: mostly available, one under a call, one in re-use, one draft; exact, approximate
    and hidden locations."""
    seed()

    demo = Property.objects.filter(reference__startswith="DEMO-").select_related("amo", "municipality")
    from calls.models import Call

    in_calls = set(Call.objects.values_list("properties", flat=True))
    assert set(demo.values_list("amo__country_id", flat=True)) == SIX_COUNTRIES
    for amo in Organisation.objects.amos():
        properties = [p for p in demo if p.amo_id == amo.pk]
        assert len(properties) == 6, amo.slug
        # The demo calls take some of the available ones (see test_demo_calls_...).
        called = [p for p in properties if p.pk in in_calls]
        statuses = sorted(p.status for p in properties if p.pk not in in_calls)
        assert statuses == sorted(["available"] * (3 - len(called)) + ["draft", "in_reuse", "under_call"])
        assert {p.location_privacy for p in properties} == {"exact", "approximate", "hidden"}
        assert {p.property_type for p in properties} >= {"apartment", "villa", "hotel", "warehouse"}
        for property in properties:
            assert property.municipality.country_id == amo.country_id
            assert property.title and property.title_en and property.description_en
            assert property.suitable_uses.exists()
            assert property.latitude is not None
            # Near the municipality's centre (within about a kilometre).
            assert abs(property.latitude - property.municipality.latitude) < 1 / 100
            events = list(property.events.order_by("created_at", "pk").values_list("action", "to_status"))
            assert events[0] == ("created", "draft")
            assert events[-1][1] == property.status
            assert all(event.actor_id for event in property.events.all())
        hidden = [p for p in properties if p.location_privacy == "hidden"]
        assert hidden[0].suitable_uses.filter(slug="shelter").exists()
    serbian = demo.get(amo__slug="direkcija-rs", reference="DEMO-01")
    assert any("\u0400" <= char <= "\u04ff" for char in serbian.title)
    assert not any("\u0400" <= char <= "\u04ff" for char in serbian.title_en)
    in_reuse = demo.filter(status="in_reuse").first()
    assert list(in_reuse.events.order_by("created_at", "pk").values_list("action", flat=True)) == [
        "created", "publish", "assign", "hand_over",
    ]


def test_bulk_properties_add_exactly_n_and_a_rerun_adds_none():
    seed()
    demo_count = Property.objects.count()

    seed("--properties", "30")

    bench = Property.objects.filter(reference__startswith="BENCH-")
    assert bench.count() == 30
    assert Property.objects.count() == demo_count + 30
    # Spread over the offices, in their own countries, searchable and with a history.
    assert bench.values("amo").distinct().count() == Organisation.objects.amos().count()
    for property in bench.select_related("amo", "municipality"):
        assert property.municipality.country_id == property.amo.country_id
        assert property.search_text
        assert property.events.filter(action="created").exists()
        assert property.events.order_by("-created_at", "-pk").first().to_status == property.status

    before = snapshot()
    seed("--properties", "30")
    assert snapshot() == before

    seed("--properties", "33")
    assert bench.count() == 33


def test_demo_calls_cover_every_phase_with_a_four_eyes_decision_and_an_intact_audit_log():
    from calls.audit import audit_verify
    from calls.models import Call, Decision, Proposal, ReuseAgreement

    seed()
    phases = sorted(call.phase() for call in Call.objects.all())
    assert phases == ["closed", "open", "upcoming"]
    approved = Proposal.objects.get(status="approved")
    assert approved.property.status == "in_reuse"  # its re-use project has started
    assert ReuseAgreement.objects.get().proposal == approved
    decision = Decision.objects.get(proposal=approved, status="confirmed")
    assert decision.proposed_by != decision.confirmed_by
    assert Proposal.objects.filter(call=approved.call, status="rejected").count() == 1
    assert {"draft", "submitted"} <= set(Proposal.objects.values_list("status", flat=True))
    assert audit_verify()[1] is None
    seed()  # a second run adds no calls
    assert Call.objects.count() == 3


def test_demo_project_is_handed_over_with_reports_in_each_state_and_posts():
    from projects.models import ProjectPost, ResultsReport, ReuseProject

    seed()
    project = ReuseProject.objects.get()
    assert project.status == "active" and project.property.status == "in_reuse"
    assert project.condition_reports.get().kind == "handover"
    statuses = list(project.reports.order_by("due_date").values_list("status", flat=True)[:4])
    assert statuses == ["accepted", "accepted", "submitted", "draft"]
    assert ResultsReport.objects.accepted().filter(photos__isnull=False).count() == 2
    assert sorted(ProjectPost.objects.values_list("status", flat=True)) == ["pending", "published"]
    seed()  # a second run changes nothing
    assert ReuseProject.objects.count() == 1 and ProjectPost.objects.count() == 2
