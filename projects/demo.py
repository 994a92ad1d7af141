"""The demo re-use project for `manage.py seed_demo`, through the services: the project the demo's decided
call created (a youth centre in Novi Sad) is handed over, has results reports accepted, one waiting for
the office, and posts, one published and one waiting for a coordinator."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from network.models import Membership, ThematicArea

from . import services
from .models import ConditionReport, ReuseProject

REPORTS = [
    {
        "narrative": "The flat was repainted, the wiring renewed and the kitchen fitted by volunteers. The "
                     "centre opened in the fourth month with a homework club four afternoons a week.",
        "lessons_learned": "Ask the utility companies for the meter transfer on the day of the handover: it "
                           "took seven weeks.",
        "people": {"children": 46, "young_people": 38},
        "indicators": {"jobs_created": 1, "volunteers": 14, "events_delivered": 6, "services_delivered": 210,
                       "hours_open_per_week": 24, "income_reinvested_eur": 0},
        "photo": ("Volunteers painting the walls of the main room", (214, 160, 72)),
    },
    {
        "narrative": "The homework club runs every weekday; cooking classes with the local market started "
                     "and the repair café opens on Saturdays. Two summer camps took place.",
        "lessons_learned": "The café's income is steadier when the room is also rented for meetings.",
        "people": {"children": 71, "young_people": 64, "older_people": 22},
        "indicators": {"jobs_created": 2, "volunteers": 21, "events_delivered": 18, "services_delivered": 540,
                       "hours_open_per_week": 40, "income_reinvested_eur": 3850},
        "photo": ("Children and a volunteer at the homework club's long table", (72, 140, 110)),
    },
    {
        "narrative": "A second room opened as a small library. The city's youth fund renewed its grant.",
        "lessons_learned": "",
        "people": {"children": 80, "young_people": 70, "older_people": 25},
        "indicators": {"jobs_created": 2, "volunteers": 25, "events_delivered": 20, "services_delivered": 600,
                       "hours_open_per_week": 40, "income_reinvested_eur": 4100},
        "photo": None,
    },
]


def _photo(name: str, colour) -> SimpleUploadedFile:
    """A plain picture in the given colour (the demo has no camera)."""
    image = Image.new("RGB", (640, 400), colour)
    ImageDraw.Draw(image).rectangle((40, 260, 600, 360), fill=(245, 240, 230))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def _dates_in_order(project) -> None:
    """Put the demo's story in the order it would have happened. The seed runs everything today, and the
    decided call was moved back by a year and a half (see `calls.demo`): move back, to match, when the
    property was published, the call opened, the decision was taken and the property handed over. Only
    dates shown on the public timeline and in the impact figures change; the audit log keeps the seed's
    real times."""
    from calls.models import Call, Decision, Proposal
    from reuse_projects.models import Property, PropertyEvent

    proposal = project.agreement.proposal
    call = proposal.call
    start = timezone.make_aware(timezone.datetime.combine(project.start_date, timezone.datetime.min.time()))
    opened = call.closes_at - timezone.timedelta(days=45)
    decided = call.closes_at + timezone.timedelta(days=20)
    published = opened - timezone.timedelta(days=60)
    Property.objects.filter(pk=project.property_id).update(published_at=published)
    events = PropertyEvent.objects.filter(property_id=project.property_id)
    for action, when in [("publish", published), ("open_call", opened), ("assign", decided), ("hand_over", start)]:
        events.filter(action=action).update(created_at=when)
    events.filter(action="created").update(created_at=published - timezone.timedelta(days=7))
    Call.objects.filter(pk=call.pk).update(opens_at=opened, published_at=opened)
    Proposal.objects.filter(call=call, status__in=["approved", "rejected"]).update(decided_at=decided)
    Decision.objects.filter(proposal__call=call).update(proposed_at=decided - timezone.timedelta(days=2),
                                                         confirmed_at=decided)
    ReuseProject.objects.filter(pk=project.pk).update(activated_at=start)
    project.events.filter(action="activate").update(created_at=start)
    project.events.filter(action="created").update(created_at=decided)


def seed_projects_demo() -> None:
    project = (ReuseProject.objects.filter(status=ReuseProject.Status.PREPARING, property__amo__slug="direkcija-rs")
               .select_related("property", "organisation").order_by("pk").first())
    if project is None:
        return
    officer = Membership.objects.filter(organisation=project.property.amo).order_by("pk").first().user
    admin = Membership.objects.filter(organisation=project.organisation, role=Membership.Role.ADMIN).first().user
    services.project_update(
        project=project, actor=admin, title="Youth centre “Most” in Novi Sad",
        summary="A confiscated flat near the centre of Novi Sad became a youth centre: a homework club on "
                "weekdays, cooking classes, a repair café on Saturdays and summer camps for children from "
                "the nearby settlement. Entry is free.",
        use="youth-centre", thematic_areas=ThematicArea.objects.filter(slug__in=["youth", "education"]),
    )
    services.condition_report_add(
        project=project, actor=officer, kind=ConditionReport.Kind.HANDOVER, inspected_on=project.start_date,
        condition="minor_works", notes="Damp in the bathroom; the electrical installation needs renewing.",
        photos=[(_photo("handover.jpg", (150, 150, 150)), "The empty main room with peeling paint", True)],
    )
    project = services.project_activate(project=project, actor=officer)
    _dates_in_order(project)
    today = timezone.localdate()
    due = list(project.reports.filter(period_start__lte=today).order_by("due_date")[: len(REPORTS)])
    for report, content in zip(due, REPORTS, strict=False):
        report = services.report_save(report=report, actor=admin, narrative=content["narrative"],
                                      lessons_learned=content["lessons_learned"], people=content["people"],
                                      **content["indicators"])
        if content["photo"]:
            alt_text, colour = content["photo"]
            services.report_photo_add(report=report, actor=admin, image=_photo("result.jpg", colour),
                                      alt_text=alt_text, consent_confirmed=True)
        if report.period_end >= today:
            continue  # the current period: still a draft
        services.report_submit(report=report, actor=admin)
        if content is not REPORTS[-1]:
            services.report_accept(report=report, actor=officer, comments="Thank you: clear and complete.")
    post = services.post_submit(
        project=project, actor=admin, kind="story", language="en", title="The first summer camp",
        body="Forty children from the settlement spent two weeks with us: swimming lessons at the city pool, "
             "a cooking contest and a mural on the courtyard wall that the neighbours now show to visitors.",
    )
    from network.models import COORDINATORS_GROUP, User

    coordinator = User.objects.filter(groups__name=COORDINATORS_GROUP).order_by("pk").first()
    if coordinator is not None:
        services.post_moderate(post=post, actor=coordinator, publish=True, featured=True)
    services.post_submit(
        project=project, actor=admin, kind="lesson", language="en", title="Start the paperwork on day one",
        body="Transferring the utility meters took seven weeks. Ask for it at the handover.",
    )
