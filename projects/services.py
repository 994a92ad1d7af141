"""Every write to re-use projects, results reports, evaluations and posts.

Keyword-only, validated; a refusal is an `ActionRefused` with a message for the person. Every status
change follows `projects.transitions` and is recorded as a `ProjectEvent`; the property follows the
project through `reuse_projects.services.property_change_status`. Whatever the public sees bumps the
showcase version after the transaction commits.
"""

import datetime as dt
import functools

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from calls.models import ProposalPartner, add_months
from calls.notifications import members_of, notify
from network.services import ActionRefused, checked_text
from reuse_projects.services import property_change_status

from .cache import bump_showcase_version
from .models import (
    TARGET_GROUP_LABELS,
    ConditionPhoto,
    ConditionReport,
    Evaluation,
    ProjectEvent,
    ProjectPost,
    ReportPeopleServed,
    ReportPhoto,
    ResultsReport,
    ReuseProject,
)
from .transitions import PROJECT_TRANSITIONS, can_move, refusal_message

NOTIFICATION_TEMPLATES = "projects/email"


def _record(project, *, actor, action, from_status="", to_status="", reason=""):
    transaction.on_commit(bump_showcase_version)
    return ProjectEvent.objects.create(
        project=project, actor=actor, action=action, from_status=from_status, to_status=to_status, reason=reason,
    )


def _link(project_or_report):
    return lambda language: project_or_report.get_absolute_url()


def _notify(*, users, kind, context, about):
    notify(users=users, kind=kind, context=context, url=_link(about), templates=NOTIFICATION_TEMPLATES)


def _officers(project):
    return members_of(project.property.amo_id)


def _cso_people(project, *, admins_only=False):
    return members_of(project.organisation_id, admins_only=admins_only)


# Creation


def project_for_new_agreement(sender, instance, created, raw=False, **kwargs):
    """The `post_save` receiver for `calls.ReuseAgreement`: a new agreement gets its project."""
    if created and not raw:
        project_create_from_agreement(agreement=instance)


@transaction.atomic
def project_create_from_agreement(*, agreement) -> ReuseProject:
    """The project an approved proposal's agreement starts: the property, the lead CSO, the partners who
    accepted, the agreement's dates, obligations and reporting schedule, status `preparing`."""
    existing = ReuseProject.objects.filter(agreement=agreement).first()
    if existing is not None:
        return existing
    property = agreement.property
    proposal = agreement.proposal
    uses = list(property.suitable_uses.values_list("slug", flat=True)[:1])
    project = ReuseProject.objects.create(
        agreement=agreement, property=property, organisation=agreement.organisation,
        country_id=property.amo.country_id,
        title=property.title[:200], summary=proposal.planned_use[:5000], use=uses[0] if uses else "community-centre",
        start_date=agreement.start_date, end_date=agreement.end_date - dt.timedelta(days=1),
        obligations=agreement.obligations,
        reporting_every_months=agreement.reporting_every_months,
    )
    partners = ProposalPartner.objects.filter(proposal=proposal, status=ProposalPartner.Status.ACCEPTED)
    project.partners.set(partners.values_list("organisation_id", flat=True))
    project.thematic_areas.set(agreement.organisation.thematic_areas.all())
    _record(project, actor=None, action="created", to_status=project.status)
    return project


@transaction.atomic
def project_update(*, project: ReuseProject, actor, title: str, summary: str, use: str, thematic_areas) -> None:
    """The lead CSO's words for the public page."""
    project.title = checked_text(title, max_length=200, empty_message=_("Please give the project a name."))
    project.summary = checked_text(summary, max_length=5000)
    project.use = use
    try:
        project.full_clean(exclude=["agreement", "property", "organisation", "country"])
    except ValidationError as error:
        raise ActionRefused(" ".join(error.messages)) from error
    project.save()
    project.thematic_areas.set(thematic_areas)
    _record(project, actor=actor, action="edited")


# Condition reports


@transaction.atomic
def condition_report_add(
    *, project: ReuseProject, actor, kind: str, inspected_on: dt.date, condition: str, notes: str = "", photos=()
) -> ConditionReport:
    """The office records the property's state at handover or return, with photos `(image, alt_text, public)`."""
    if kind == ConditionReport.Kind.HANDOVER and project.status != ReuseProject.Status.PREPARING:
        raise ActionRefused(_("The handover report is recorded before the project starts."))
    if kind == ConditionReport.Kind.RETURN and project.status not in (
        ReuseProject.Status.ACTIVE, ReuseProject.Status.SUSPENDED
    ):
        raise ActionRefused(_("The return report is recorded while the project runs, before it ends."))
    if project.condition_reports.filter(kind=kind).exists():
        raise ActionRefused(_("This condition report has already been recorded."))
    if inspected_on > timezone.localdate():
        raise ActionRefused(_("The inspection date cannot be in the future."))
    report = ConditionReport(
        project=project, kind=kind, inspected_on=inspected_on, condition=condition,
        notes=checked_text(notes, max_length=10000), recorded_by=actor,
    )
    try:
        report.full_clean()
    except ValidationError as error:
        raise ActionRefused(" ".join(error.messages)) from error
    report.save()
    for image, alt_text, public in photos:
        alt_text = checked_text(alt_text, max_length=250,
                                empty_message=_("Describe each photo for people who cannot see it."))
        ConditionPhoto.objects.create(report=report, image=image, alt_text=alt_text, public=bool(public))
    transaction.on_commit(bump_showcase_version)
    return report


# Lifecycle


def report_periods(start: dt.date, end: dt.date, every_months: int) -> list[tuple[dt.date, dt.date]]:
    """The reporting periods from `start` to `end` (inclusive), each `every_months` long, the last one
    cut at `end`: 1 Jan 2026 to 31 Dec 2026 every 6 months gives Jan-Jun and Jul-Dec."""
    periods, k = [], 0
    while True:
        period_start = add_months(start, k * every_months)
        if period_start > end:
            return periods
        period_end = min(add_months(start, (k + 1) * every_months) - dt.timedelta(days=1), end)
        periods.append((period_start, period_end))
        k += 1


def schedule_reports(project: ReuseProject, *, start: dt.date, end: dt.date) -> int:
    """Create the reports due for the periods between `start` and `end`; each is due a set number of days
    after its period ends (`RESULTS_REPORT_DAYS_TO_SUBMIT`). Periods already scheduled are kept. Returns
    the number of periods asked for (conflicts skipped by the database are counted too)."""
    days = dt.timedelta(days=settings.RESULTS_REPORT_DAYS_TO_SUBMIT)
    rows = [
        ResultsReport(project=project, period_start=first, period_end=last, due_date=last + days)
        for first, last in report_periods(start, end, project.reporting_every_months)
    ]
    return len(ResultsReport.objects.bulk_create(rows, ignore_conflicts=True))


def _move(project: ReuseProject, action: str, *, actor, reason: str = "") -> ReuseProject:
    """Apply one move of the table under a row lock, with the property's own move when it has one."""
    project = ReuseProject.objects.select_for_update().select_related("property__amo").get(pk=project.pk)
    if action not in PROJECT_TRANSITIONS:
        raise ActionRefused(_("Unknown action."))
    if not can_move(project, action):
        raise ActionRefused(refusal_message(project, action))
    sources, target, reason_required, property_action = PROJECT_TRANSITIONS[action]
    reason = checked_text(reason, max_length=5000)
    if reason_required and not reason:
        raise ActionRefused(_("Please give a reason: it is kept in the project's history."))
    from_status = project.status
    project.status = target
    now = timezone.now()
    if target == ReuseProject.Status.ACTIVE and project.activated_at is None:
        project.activated_at = now
    if target in (ReuseProject.Status.COMPLETED, ReuseProject.Status.TERMINATED):
        project.ended_at = now
    project.save(update_fields=["status", "activated_at", "ended_at", "updated_at"])
    if property_action:
        property_change_status(
            property=project.property, actor=actor, action=property_action,
            reason=reason or _("Re-use project “%(title)s”: %(status)s") % {
                "title": project.title, "status": project.get_status_display(),
            },
        )
    _record(project, actor=actor, action=action, from_status=from_status, to_status=target, reason=reason)
    return project


@transaction.atomic
def project_activate(*, project: ReuseProject, actor) -> ReuseProject:
    """The handover: the property goes `in_reuse` and the reports fall due on the schedule."""
    if not project.condition_reports.filter(kind=ConditionReport.Kind.HANDOVER).exists():
        raise ActionRefused(_("Record the handover condition report first."))
    project = _move(project, "activate", actor=actor)
    schedule_reports(project, start=project.start_date, end=project.end_date)
    _notify(users=_cso_people(project), kind="project_activated", context={"project": project}, about=project)
    return project


@transaction.atomic
def project_suspend(*, project: ReuseProject, actor, reason: str) -> ReuseProject:
    project = _move(project, "suspend", actor=actor, reason=reason)
    _notify(users=_cso_people(project), kind="project_suspended", context={"project": project, "reason": reason},
            about=project)
    return project


@transaction.atomic
def project_resume(*, project: ReuseProject, actor) -> ReuseProject:
    project = _move(project, "resume", actor=actor)
    _notify(users=_cso_people(project), kind="project_resumed", context={"project": project}, about=project)
    return project


def _drop_unstarted_reports(project: ReuseProject) -> None:
    """Reports for periods that had not begun when the project ended are not owed."""
    project.reports.filter(status=ResultsReport.Status.DRAFT, period_start__gt=timezone.localdate()).delete()


@transaction.atomic
def project_complete(*, project: ReuseProject, actor, reason: str = "") -> ReuseProject:
    """The project ends as agreed: the property is returned to the office."""
    if not project.condition_reports.filter(kind=ConditionReport.Kind.RETURN).exists():
        raise ActionRefused(_("Record the return condition report first."))
    project = _move(project, "complete", actor=actor, reason=reason)
    _drop_unstarted_reports(project)
    _notify(users=_cso_people(project), kind="project_ended", context={"project": project, "reason": reason},
            about=project)
    return project


@transaction.atomic
def project_terminate(*, project: ReuseProject, actor, reason: str) -> ReuseProject:
    """The office ends the agreement early: the property's assignment is revoked."""
    project = _move(project, "terminate", actor=actor, reason=reason)
    _drop_unstarted_reports(project)
    _notify(users=_cso_people(project), kind="project_ended", context={"project": project, "reason": reason},
            about=project)
    return project


# Evaluation and renewal


def in_renewal_window(project: ReuseProject, today: dt.date | None = None) -> bool:
    """Near the end of the term: within `PROJECT_RENEWAL_WINDOW_DAYS` of it, or past it."""
    today = today or timezone.localdate()
    return (project.end_date - today).days <= settings.PROJECT_RENEWAL_WINDOW_DAYS


@transaction.atomic
def evaluation_record(
    *, project: ReuseProject, actor, obligations_met: str, assessment: str, outcome: str,
    renewed_months: int | None = None,
) -> Evaluation:
    """The office's evaluation near the end of the term, and its decision: renew for some months, let the
    project complete (the return report must be recorded) or terminate it. Termination is possible at
    any time; the other two only within the renewal window."""
    project = ReuseProject.objects.select_for_update().get(pk=project.pk)
    if project.status not in (ReuseProject.Status.ACTIVE, ReuseProject.Status.SUSPENDED):
        raise ActionRefused(_("Only a running project is evaluated."))
    assessment = checked_text(assessment, max_length=10000, empty_message=_("Please write the assessment."))
    if obligations_met not in Evaluation.Obligations.values:
        raise ActionRefused(_("Say whether the obligations were met."))
    if outcome not in Evaluation.Outcome.values:
        raise ActionRefused(_("Choose what happens next."))
    if outcome != Evaluation.Outcome.TERMINATE and not in_renewal_window(project):
        raise ActionRefused(
            _("The evaluation opens %(days)s days before the end of the term (%(date)s).")
            % {"days": settings.PROJECT_RENEWAL_WINDOW_DAYS, "date": project.end_date.isoformat()}
        )
    if outcome == Evaluation.Outcome.RENEW:
        if not renewed_months or not 1 <= renewed_months <= 120:
            raise ActionRefused(_("Renew for 1 to 120 months."))
    else:
        renewed_months = None
    evaluation = Evaluation.objects.create(
        project=project, obligations_met=obligations_met, assessment=assessment, outcome=outcome,
        renewed_months=renewed_months, previous_end_date=project.end_date, evaluated_by=actor,
    )
    if outcome == Evaluation.Outcome.RENEW:
        next_day = project.end_date + dt.timedelta(days=1)
        new_end = add_months(next_day, renewed_months) - dt.timedelta(days=1)
        project.end_date = new_end
        project.save(update_fields=["end_date", "updated_at"])
        schedule_reports(project, start=next_day, end=new_end)
        _record(project, actor=actor, action="renew", from_status=project.status, to_status=project.status,
                reason=_("Renewed until %(date)s") % {"date": new_end.isoformat()})
        _notify(users=_cso_people(project), kind="project_renewed", context={"project": project}, about=project)
    elif outcome == Evaluation.Outcome.COMPLETE:
        project_complete(project=project, actor=actor, reason=assessment)
    else:
        project_terminate(project=project, actor=actor, reason=assessment)
    return evaluation


# Results reports

INDICATOR_FIELDS = (
    "jobs_created", "volunteers", "events_delivered", "services_delivered", "hours_open_per_week",
    "income_reinvested_eur",
)


def _lock_report(report: ResultsReport) -> ResultsReport:
    return ResultsReport.objects.select_for_update().select_related("project__property__amo").get(pk=report.pk)


@transaction.atomic
def report_save(*, report: ResultsReport, actor, narrative: str, lessons_learned: str, people: dict, **indicators):
    """Save the CSO's draft: the texts, the standard indicators and people served per target group."""
    report = _lock_report(report)
    if not report.is_editable:
        raise ActionRefused(_("This report has been submitted: it can no longer be changed."))
    unknown = set(indicators) - set(INDICATOR_FIELDS)
    if unknown:
        raise ActionRefused(_("Unknown indicator."))
    unknown_groups = set(people) - set(TARGET_GROUP_LABELS)
    if unknown_groups:
        raise ActionRefused(_("Unknown target group."))
    if any(isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= 10_000_000
           for count in people.values()):
        raise ActionRefused(_("People served must be whole numbers from 0 to 10,000,000 in each group."))
    report.narrative = checked_text(narrative, max_length=20000)
    report.lessons_learned = checked_text(lessons_learned, max_length=10000)
    for name, value in indicators.items():
        setattr(report, name, value)
    figures = {group: count for group, count in people.items() if count}
    report.people_served = sum(figures.values())
    try:
        report.full_clean()
    except ValidationError as error:
        raise ActionRefused(" ".join(error.messages)) from error
    report.save()
    report.people.all().delete()
    ReportPeopleServed.objects.bulk_create(
        ReportPeopleServed(report=report, target_group=group, people=count) for group, count in figures.items()
    )
    return report


@transaction.atomic
def report_photo_add(*, report: ResultsReport, actor, image, alt_text: str, consent_confirmed: bool) -> ReportPhoto:
    report = _lock_report(report)
    if not report.is_editable:
        raise ActionRefused(_("This report has been submitted: it can no longer be changed."))
    if not consent_confirmed:
        raise ActionRefused(_("Confirm that everyone recognisable in the photo agreed to its publication."))
    alt_text = checked_text(alt_text, max_length=250,
                            empty_message=_("Describe the photo for people who cannot see it."))
    if report.photos.count() >= settings.RESULTS_REPORT_MAX_PHOTOS:
        raise ActionRefused(_("A report holds up to %(limit)s photos.") % {"limit": settings.RESULTS_REPORT_MAX_PHOTOS})
    position = (report.photos.order_by("-position").values_list("position", flat=True).first() or 0) + 1
    return ReportPhoto.objects.create(
        report=report, image=image, alt_text=alt_text, consent_confirmed=True, position=position
    )


@transaction.atomic
def report_photo_remove(*, photo: ReportPhoto, actor) -> None:
    report = _lock_report(photo.report)
    if not report.is_editable:
        raise ActionRefused(_("This report has been submitted: it can no longer be changed."))
    photo.image.delete(save=False)
    photo.delete()


def report_missing(report: ResultsReport) -> list[str]:
    """What must be filled in before the report can be submitted."""
    missing = []
    if not report.narrative.strip():
        missing.append(_("What happened in the period"))
    if report.people_served == 0 and not report.people.exists():
        missing.append(_("People served, in at least one target group"))
    return missing


@transaction.atomic
def report_submit(*, report: ResultsReport, actor) -> ResultsReport:
    report = _lock_report(report)
    if not report.is_editable:
        raise ActionRefused(_("This report has already been submitted."))
    if report.period_start > timezone.localdate():
        raise ActionRefused(_("This period has not begun yet."))
    missing = report_missing(report)
    if missing:
        raise ActionRefused(_("Still missing: %(items)s.") % {"items": "; ".join(str(item) for item in missing)})
    report.status = ResultsReport.Status.SUBMITTED
    report.submitted_at, report.submitted_by = timezone.now(), actor
    report.save(update_fields=["status", "submitted_at", "submitted_by", "updated_at"])
    _notify(users=_officers(report.project), kind="report_submitted", context={"report": report,
            "project": report.project}, about=report)
    return report


@transaction.atomic
def report_accept(*, report: ResultsReport, actor, comments: str = "") -> ResultsReport:
    """The office accepts: the report and its figures become public."""
    return _review(report, actor=actor, status=ResultsReport.Status.ACCEPTED, comments=comments)


@transaction.atomic
def report_return(*, report: ResultsReport, actor, comments: str) -> ResultsReport:
    """The office returns it with comments: the CSO changes it and submits again."""
    comments = checked_text(comments, max_length=10000, empty_message=_("Say what should change."))
    return _review(report, actor=actor, status=ResultsReport.Status.RETURNED, comments=comments)


def _review(report, *, actor, status, comments):
    report = _lock_report(report)
    if report.status != ResultsReport.Status.SUBMITTED:
        raise ActionRefused(_("Only a submitted report can be accepted or returned."))
    report.status = status
    report.review_comments = checked_text(comments, max_length=10000)
    report.reviewed_at, report.reviewed_by = timezone.now(), actor
    report.save(update_fields=["status", "review_comments", "reviewed_at", "reviewed_by", "updated_at"])
    if status == ResultsReport.Status.ACCEPTED:
        transaction.on_commit(bump_showcase_version)
    kind = "report_accepted" if status == ResultsReport.Status.ACCEPTED else "report_returned"
    _notify(users=_cso_people(report.project), kind=kind, context={"report": report, "project": report.project},
            about=report)
    return report


def send_overdue_reminders(*, today: dt.date | None = None) -> int:
    """Remind the CSO's members and the office's officers of each overdue report, at most once a day per
    report. Returns how many reports were reminded about."""
    today = today or timezone.localdate()
    reminded = 0
    overdue = (
        ResultsReport.objects.overdue(today)
        .filter(project__status__in=ReuseProject.LIVE_STATUSES + (ReuseProject.Status.COMPLETED,))
        .exclude(last_reminded_on=today)
        .select_related("project__property__amo", "project__organisation")
    )
    # An organisation's people are looked up once per run, however many of its reports are late.
    people = functools.cache(members_of)
    for report in overdue.iterator(chunk_size=200):
        with transaction.atomic():
            claimed = ResultsReport.objects.filter(pk=report.pk).exclude(last_reminded_on=today).update(
                last_reminded_on=today
            )
            if not claimed:  # another worker took it
                continue
            project = report.project
            context = {"report": report, "project": project, "days_late": (today - report.due_date).days}
            _notify(users=people(project.organisation_id), kind="report_overdue", context=context, about=report)
            _notify(users=people(project.property.amo_id), kind="report_overdue_office", context=context,
                    about=report)
        reminded += 1
    return reminded


def send_renewal_reminders(*, today: dt.date | None = None) -> int:
    """Tell the office's officers, once per term, that a running project has entered its renewal window
    and waits for their evaluation. Returns how many projects they were told about."""
    today = today or timezone.localdate()
    window_opened = today + dt.timedelta(days=settings.PROJECT_RENEWAL_WINDOW_DAYS)
    due = (
        ReuseProject.objects.filter(
            status__in=(ReuseProject.Status.ACTIVE, ReuseProject.Status.SUSPENDED), end_date__lte=window_opened,
        )
        .exclude(renewal_reminded_for=F("end_date"))
        .select_related("property__amo", "organisation")
    )
    reminded = 0
    for project in due.iterator(chunk_size=200):
        with transaction.atomic():
            claimed = ReuseProject.objects.filter(pk=project.pk).exclude(renewal_reminded_for=F("end_date")).update(
                renewal_reminded_for=F("end_date")
            )
            if not claimed:  # another worker took it
                continue
            notify(users=_officers(project), kind="renewal_due", context={"project": project},
                   url=lambda language, pk=project.pk: reverse("projects:project_workspace", kwargs={"pk": pk}),
                   templates=NOTIFICATION_TEMPLATES)
        reminded += 1
    return reminded


# Posts


@transaction.atomic
def post_submit(*, project: ReuseProject, actor, kind: str, title: str, body: str, language: str) -> ProjectPost:
    post = ProjectPost(
        project=project, kind=kind, language=language, author=actor,
        title=checked_text(title, max_length=200, empty_message=_("Please give the post a title.")),
        body=checked_text(body, max_length=20000, empty_message=_("Please write the post.")),
    )
    try:
        post.full_clean()
    except ValidationError as error:
        raise ActionRefused(" ".join(error.messages)) from error
    post.save()
    return post


@transaction.atomic
def post_moderate(*, post: ProjectPost, actor, publish: bool, note: str = "", featured: bool = False) -> ProjectPost:
    """A coordinator publishes (and may feature for the campaign) or rejects a post, with a note."""
    post = ProjectPost.objects.select_for_update().select_related("project").get(pk=post.pk)
    note = checked_text(note, max_length=2000)
    if not publish and not note:
        raise ActionRefused(_("Tell the author why the post is not published."))
    now = timezone.now()
    post.status = ProjectPost.Status.PUBLISHED if publish else ProjectPost.Status.REJECTED
    post.featured = publish and featured
    post.moderated_by, post.moderated_at, post.moderation_note = actor, now, note
    if publish and post.published_at is None:
        post.published_at = now
    post.save()
    transaction.on_commit(bump_showcase_version)
    kind = "post_published" if publish else "post_rejected"
    _notify(users=[post.author] if post.author else [], kind=kind, context={"post": post, "project": post.project},
            about=post.project)
    return post
