"""Every write to re-use projects: creation from the agreement, the lifecycle table with the property
following it, the reporting schedule, the results reports, the photos and the evaluation. A refusal is an
`ActionRefused` with a message, and changes nothing."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from calls.models import Notification, ProposalPartner, ReuseAgreement, add_months
from calls.services.decisions import decision_confirm, decision_propose
from network.services import ActionRefused
from projects import services
from projects.models import (
    ConditionReport,
    Evaluation,
    ProjectEvent,
    ReportPeopleServed,
    ReportPhoto,
    ResultsReport,
    ReuseProject,
)
from projects.services import report_periods, schedule_reports
from reuse_projects.models import Property, PropertyEvent
from tests.factories import (
    OrganisationFactory,
    accepted_report,
    amo_officer,
    closed_call_with_proposals,
    cso_member,
    png_upload,
    reuse_project,
)

pytestmark = pytest.mark.django_db

D = dt.date


def _today():
    return timezone.localdate()


def _state(project):
    """Everything a refused move must leave as it was."""
    project = ReuseProject.objects.get(pk=project.pk)
    return {
        "status": project.status,
        "end_date": project.end_date,
        "activated_at": project.activated_at,
        "ended_at": project.ended_at,
        "property": Property.objects.get(pk=project.property_id).status,
        "events": ProjectEvent.objects.filter(project=project).count(),
        "property_events": PropertyEvent.objects.filter(property_id=project.property_id).count(),
        "reports": sorted(project.reports.values_list("due_date", "status")),
        "evaluations": project.evaluations.count(),
        "notifications": Notification.objects.count(),
    }


# Creation from the agreement ----------------------------------------------------------------------

def test_confirming_an_approval_creates_the_project_with_the_partners_who_accepted(
    django_capture_on_commit_callbacks,
):
    _call, (proposal, rival) = closed_call_with_proposals(2, status="under_review")
    accepted, declined, invited = (OrganisationFactory(verified=True) for _ in range(3))
    ProposalPartner.objects.create(proposal=proposal, organisation=accepted, status="accepted")
    ProposalPartner.objects.create(proposal=proposal, organisation=declined, status="declined")
    ProposalPartner.objects.create(proposal=proposal, organisation=invited, status="invited")
    proposer, confirmer = amo_officer(), amo_officer()
    with django_capture_on_commit_callbacks(execute=True):
        decision = decision_propose(
            proposal=proposal, actor=proposer, outcome="approved", reasons="The strongest plan.",
            agreement_start=D(2026, 3, 1), agreement_term_months=60, reporting_every_months=6,
            agreement_obligations="Open to the public daily.",
        )
        decision_confirm(decision=decision, actor=confirmer)
    agreement = ReuseAgreement.objects.get(proposal=proposal)
    project = ReuseProject.objects.get(agreement=agreement)
    assert project.status == "preparing"
    assert project.organisation_id == proposal.organisation_id and project.property_id == proposal.property_id
    assert set(project.partners.all()) == {accepted}
    assert project.start_date == D(2026, 3, 1) and project.end_date == D(2031, 2, 28)  # the last day of the term
    assert project.reporting_every_months == 6 and project.obligations == "Open to the public daily."
    assert project.country_id == proposal.property.amo.country_id
    assert project.summary == proposal.planned_use
    assert list(project.events.values_list("action", "to_status")) == [("created", "preparing")]
    assert Property.objects.get(pk=project.property_id).status == "assigned"
    assert not project.reports.exists()  # reports fall due from the handover, not before
    assert not ReuseProject.objects.filter(agreement__proposal=rival).exists()


def test_creation_is_idempotent_for_an_agreement():
    project = reuse_project("preparing")
    again = services.project_create_from_agreement(agreement=project.agreement)
    assert again.pk == project.pk
    assert ReuseProject.objects.filter(agreement=project.agreement).count() == 1
    assert project.events.count() == 1


def test_loading_an_agreement_from_a_fixture_creates_no_project():
    project = reuse_project("preparing")
    services.project_for_new_agreement(sender=ReuseAgreement, instance=project.agreement, created=True, raw=True)
    services.project_for_new_agreement(sender=ReuseAgreement, instance=project.agreement, created=False)
    assert ReuseProject.objects.count() == 1


# The lifecycle table -------------------------------------------------------------------------------

STATUSES = ("preparing", "active", "suspended", "completed", "terminated")
ACTIONS = ("activate", "suspend", "resume", "complete", "terminate")
# (from status, action) -> (project status, property status) afterwards. Everything else is refused.
ALLOWED = {
    ("preparing", "activate"): ("active", "in_reuse"),
    ("active", "suspend"): ("suspended", "in_reuse"),
    ("suspended", "resume"): ("active", "in_reuse"),
    ("active", "complete"): ("completed", "returned"),
    ("suspended", "complete"): ("completed", "returned"),
    ("preparing", "terminate"): ("terminated", "revoked"),
    ("active", "terminate"): ("terminated", "revoked"),
    ("suspended", "terminate"): ("terminated", "revoked"),
}
PROPERTY_FOR = {"preparing": "assigned", "active": "in_reuse", "suspended": "in_reuse", "completed": "returned",
                "terminated": "revoked"}


def _do(action, project, actor, reason="The reason, in Cyrillic: разлог."):
    if action == "activate":
        return services.project_activate(project=project, actor=actor)
    if action == "suspend":
        return services.project_suspend(project=project, actor=actor, reason=reason)
    if action == "resume":
        return services.project_resume(project=project, actor=actor)
    if action == "complete":
        return services.project_complete(project=project, actor=actor, reason=reason)
    return services.project_terminate(project=project, actor=actor, reason=reason)


def _with_the_reports_it_needs(project):
    """The handover report before activation and the return report before completion, when possible."""
    if project.status == "preparing":
        services.condition_report_add(project=project, actor=None, kind="handover", inspected_on=_today(),
                                      condition="minor_works")
    if project.status in ("active", "suspended"):
        services.condition_report_add(project=project, actor=None, kind="return", inspected_on=_today(),
                                      condition="ready")
    return project


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("action", ACTIONS)
def test_every_action_from_every_status(status, action, django_capture_on_commit_callbacks):
    project = _with_the_reports_it_needs(reuse_project(status))
    assert Property.objects.get(pk=project.property_id).status == PROPERTY_FOR[status]
    officer = amo_officer()
    before = _state(project)
    if (status, action) in ALLOWED:
        with django_capture_on_commit_callbacks(execute=True):
            moved = _do(action, project, officer)
        project_status, property_status = ALLOWED[(status, action)]
        project.refresh_from_db()
        assert moved.status == project.status == project_status
        assert Property.objects.get(pk=project.property_id).status == property_status
        event = project.events.last()
        assert (event.action, event.from_status, event.to_status, event.actor) == (
            action, status, project_status, officer
        )
        if property_status != PROPERTY_FOR[status]:
            property_event = PropertyEvent.objects.filter(property_id=project.property_id).latest("pk")
            assert property_event.to_status == property_status and property_event.actor == officer
        else:
            assert _state(project)["property_events"] == before["property_events"]
        if project_status in ("completed", "terminated"):
            assert project.ended_at is not None
    else:
        with pytest.raises(ActionRefused) as refusal:
            _do(action, project, officer)
        assert str(refusal.value)
        assert _state(project) == before


def test_activation_needs_the_handover_report_and_schedules_the_reports():
    project = reuse_project("preparing", start=_today() - dt.timedelta(days=30), term_months=24)
    before = _state(project)
    with pytest.raises(ActionRefused, match="handover condition report"):
        services.project_activate(project=project, actor=amo_officer())
    assert _state(project) == before
    services.condition_report_add(project=project, actor=None, kind="handover", inspected_on=_today(),
                                  condition="minor_works")
    project = services.project_activate(project=project, actor=amo_officer())
    assert project.activated_at is not None
    reports = list(project.reports.order_by("period_start"))
    assert len(reports) == 4
    assert reports[0].period_start == project.start_date and reports[-1].period_end == project.end_date
    assert all(r.due_date == r.period_end + dt.timedelta(days=30) and r.status == "draft" for r in reports)


def test_activation_tells_the_cso_members(django_capture_on_commit_callbacks):
    project = reuse_project("preparing")
    member = cso_member(project.organisation)
    services.condition_report_add(project=project, actor=None, kind="handover", inspected_on=_today(),
                                  condition="minor_works")
    with django_capture_on_commit_callbacks(execute=True):
        services.project_activate(project=project, actor=amo_officer())
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert Notification.objects.get(user=member).kind == "project_activated"


@pytest.mark.parametrize("status", ["active", "suspended"])
def test_completion_needs_the_return_report(status):
    project = reuse_project(status)
    before = _state(project)
    with pytest.raises(ActionRefused, match="return condition report"):
        services.project_complete(project=project, actor=amo_officer())
    assert _state(project) == before


@pytest.mark.parametrize("reason", ["", "   ", "ж" * 5001])
@pytest.mark.parametrize("action", ["suspend", "terminate"])
def test_suspension_and_termination_need_a_reason_of_reasonable_length(action, reason):
    project = reuse_project("active")
    before = _state(project)
    with pytest.raises(ActionRefused):
        _do(action, project, amo_officer(), reason=reason)
    assert _state(project) == before


def test_ending_drops_the_reports_of_periods_not_begun():
    project = reuse_project("active", start=_today() - dt.timedelta(days=30), term_months=24)
    assert project.reports.count() == 4
    services.project_terminate(project=project, actor=amo_officer(), reason="The premises were sublet.")
    assert list(project.reports.values_list("period_start", flat=True)) == [project.start_date]


def test_suspending_and_resuming_keeps_the_first_handover_time():
    project = reuse_project("active")
    first = project.activated_at
    project = services.project_suspend(project=project, actor=None, reason="Insurance lapsed.")
    project = services.project_resume(project=project, actor=None)
    assert project.activated_at == first and project.ended_at is None


# Condition reports --------------------------------------------------------------------------------

def test_the_handover_report_is_recorded_once_before_the_start_and_not_in_the_future():
    project = reuse_project("preparing")
    with pytest.raises(ActionRefused, match="future"):
        services.condition_report_add(project=project, actor=None, kind="handover",
                                      inspected_on=_today() + dt.timedelta(days=1), condition="ready")
    with pytest.raises(ActionRefused, match="while the project runs"):
        services.condition_report_add(project=project, actor=None, kind="return", inspected_on=_today(),
                                      condition="ready")
    services.condition_report_add(project=project, actor=None, kind="handover", inspected_on=_today(),
                                  condition="ready")
    with pytest.raises(ActionRefused, match="already"):
        services.condition_report_add(project=project, actor=None, kind="handover", inspected_on=_today(),
                                      condition="ready")
    assert project.condition_reports.count() == 1


def test_a_condition_report_refuses_an_unknown_condition_and_photos_without_a_description():
    project = reuse_project("preparing")
    with pytest.raises(ActionRefused):
        services.condition_report_add(project=project, actor=None, kind="handover", inspected_on=_today(),
                                      condition="<script>")
    with pytest.raises(ActionRefused, match="Describe"):
        services.condition_report_add(project=project, actor=None, kind="handover", inspected_on=_today(),
                                      condition="ready", photos=[(png_upload(), "  ", True)])
    # The refusal rolled the whole report back, not only the photo.
    assert not ConditionReport.objects.filter(project=project).exists()


# The reporting schedule ---------------------------------------------------------------------------

def test_six_month_periods_over_a_year():
    assert report_periods(D(2026, 1, 1), D(2026, 12, 31), 6) == [
        (D(2026, 1, 1), D(2026, 6, 30)), (D(2026, 7, 1), D(2026, 12, 31)),
    ]


def test_the_last_period_is_cut_at_the_end():
    assert report_periods(D(2026, 1, 1), D(2026, 10, 15), 6) == [
        (D(2026, 1, 1), D(2026, 6, 30)), (D(2026, 7, 1), D(2026, 10, 15)),
    ]


def test_monthly_periods_from_the_31st_of_january_follow_the_short_months():
    assert report_periods(D(2026, 1, 31), D(2026, 4, 30), 1) == [
        (D(2026, 1, 31), D(2026, 2, 27)), (D(2026, 2, 28), D(2026, 3, 30)),
        (D(2026, 3, 31), D(2026, 4, 29)), (D(2026, 4, 30), D(2026, 4, 30)),
    ]
    assert report_periods(D(2028, 1, 31), D(2028, 2, 29), 1)[1][0] == D(2028, 2, 29)  # a leap year


def test_no_period_when_the_end_is_before_the_start():
    assert report_periods(D(2026, 5, 1), D(2026, 4, 30), 6) == []


@pytest.mark.parametrize("start", [D(2026, 1, 1), D(2026, 1, 31), D(2024, 2, 29), D(2026, 8, 30)])
@pytest.mark.parametrize("every", [1, 3, 6, 12, 24])
@pytest.mark.parametrize("term", [1, 7, 24, 60])
def test_periods_cover_the_term_without_gaps_or_overlaps(start, every, term):
    end = add_months(start, term) - dt.timedelta(days=1)
    periods = report_periods(start, end, every)
    assert periods[0][0] == start and periods[-1][1] == end
    for (_first, last), (next_first, _next_last) in zip(periods, periods[1:], strict=False):
        assert next_first == last + dt.timedelta(days=1)
    assert all(first <= last for first, last in periods)


def test_scheduling_twice_adds_no_duplicates(settings):
    settings.RESULTS_REPORT_DAYS_TO_SUBMIT = 20
    project = reuse_project("preparing", start=D(2026, 1, 1), term_months=12)
    schedule_reports(project, start=project.start_date, end=project.end_date)
    schedule_reports(project, start=project.start_date, end=project.end_date)
    assert list(project.reports.values_list("period_start", "period_end", "due_date")) == [
        (D(2026, 1, 1), D(2026, 6, 30), D(2026, 7, 20)), (D(2026, 7, 1), D(2026, 12, 31), D(2027, 1, 20)),
    ]


def test_scheduling_a_renewal_adds_only_the_new_periods():
    project = reuse_project("preparing", start=D(2026, 1, 1), term_months=12)
    schedule_reports(project, start=project.start_date, end=project.end_date)
    schedule_reports(project, start=project.start_date, end=D(2027, 12, 31))  # overlapping on purpose
    assert project.reports.count() == 4
    assert len(set(project.reports.values_list("due_date", flat=True))) == 4


# Evaluation and renewal ---------------------------------------------------------------------------

def _near_the_end(status="active", *, days_left=30):
    """A project whose term ends `days_left` days from today."""
    end = _today() + dt.timedelta(days=days_left)
    start = add_months(end + dt.timedelta(days=1), -24)
    return reuse_project(status, start=start, term_months=24, end_date=end)


def _evaluate(project, outcome, **kwargs):
    return services.evaluation_record(
        project=project, actor=amo_officer(), obligations_met=kwargs.pop("obligations_met", "met"),
        assessment=kwargs.pop("assessment", "Ура! The centre ran every day."), outcome=outcome, **kwargs
    )


@pytest.mark.parametrize("status", ["active", "suspended"])
def test_renewal_extends_the_term_and_schedules_the_new_periods(status, django_capture_on_commit_callbacks):
    project = _near_the_end(status)
    old_end = project.end_date
    old_due = set(project.reports.values_list("due_date", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        evaluation = _evaluate(project, "renew", renewed_months=12)
    project.refresh_from_db()
    assert project.end_date == add_months(old_end + dt.timedelta(days=1), 12) - dt.timedelta(days=1)
    assert project.status == status
    assert evaluation.previous_end_date == old_end and evaluation.renewed_months == 12
    new = project.reports.exclude(due_date__in=old_due).order_by("period_start")
    assert new.count() == 2
    assert new.first().period_start == old_end + dt.timedelta(days=1) and new.last().period_end == project.end_date
    assert project.events.last().action == "renew"


@pytest.mark.parametrize("months", [None, 0, -1, 121])
def test_renewal_needs_1_to_120_months(months):
    project = _near_the_end()
    before = _state(project)
    with pytest.raises(ActionRefused, match="1 to 120"):
        _evaluate(project, "renew", renewed_months=months)
    assert _state(project) == before


@pytest.mark.parametrize("outcome", ["renew", "complete"])
def test_outside_the_window_only_termination_is_possible(outcome, settings):
    settings.PROJECT_RENEWAL_WINDOW_DAYS = 90
    project = _near_the_end(days_left=91)
    if outcome == "complete":
        services.condition_report_add(project=project, actor=None, kind="return", inspected_on=_today(),
                                      condition="ready")
    before = _state(project)
    with pytest.raises(ActionRefused, match="90 days"):
        _evaluate(project, outcome, renewed_months=12)
    assert _state(project) == before


def test_the_window_opens_exactly_on_its_first_day(settings):
    settings.PROJECT_RENEWAL_WINDOW_DAYS = 90
    project = _near_the_end(days_left=90)
    _evaluate(project, "renew", renewed_months=6)
    assert project.evaluations.count() == 1


def test_termination_by_evaluation_works_at_any_time():
    project = _near_the_end(days_left=400)
    evaluation = _evaluate(project, "terminate", obligations_met="not_met")
    project.refresh_from_db()
    assert project.status == "terminated" and evaluation.renewed_months is None
    assert Property.objects.get(pk=project.property_id).status == "revoked"
    assert project.events.last().reason == "Ура! The centre ran every day."


def test_completion_by_evaluation_needs_the_return_report():
    project = _near_the_end()
    before = _state(project)
    with pytest.raises(ActionRefused, match="return condition report"):
        _evaluate(project, "complete")
    assert _state(project) == before  # the evaluation itself is rolled back too
    services.condition_report_add(project=project, actor=None, kind="return", inspected_on=_today(),
                                  condition="ready")
    _evaluate(project, "complete")
    project.refresh_from_db()
    assert project.status == "completed"
    assert Property.objects.get(pk=project.property_id).status == "returned"


@pytest.mark.parametrize("status", ["preparing", "completed", "terminated"])
def test_only_a_running_project_is_evaluated(status):
    project = reuse_project(status)
    before = _state(project)
    with pytest.raises(ActionRefused):
        _evaluate(project, "terminate")
    assert _state(project) == before


@pytest.mark.parametrize("kwargs", [{"assessment": ""}, {"assessment": "x" * 10001}, {"obligations_met": "maybe"},
                                    {"outcome": "<b>close</b>"}])
def test_an_evaluation_refuses_bad_input(kwargs):
    project = _near_the_end()
    before = _state(project)
    outcome = kwargs.pop("outcome", "terminate")
    with pytest.raises(ActionRefused):
        _evaluate(project, outcome, **kwargs)
    assert _state(project) == before
    assert not Evaluation.objects.exists()


# Results reports ----------------------------------------------------------------------------------

def _first_report(project):
    return project.reports.order_by("period_start").first()


def _save(report, **overrides):
    data = {"narrative": "Radionice za mlade svake sedmice.", "lessons_learned": "", "people": {"young_people": 80},
            **overrides}
    return services.report_save(report=report, actor=None, **data)


def _report_state(report):
    report = ResultsReport.objects.get(pk=report.pk)
    return (report.status, report.narrative, report.people_served, report.jobs_created, report.volunteers,
            report.hours_open_per_week, report.income_reinvested_eur,
            sorted(report.people.values_list("target_group", "people")), report.photos.count())


def test_saving_a_draft_keeps_the_figures_per_target_group():
    report = _first_report(reuse_project("active"))
    report = _save(report, people={"children": 40, "women": 25, "unemployed": 0}, jobs_created=3,
                   hours_open_per_week=Decimal("37.5"), income_reinvested_eur=Decimal("1200.00"))
    assert report.people_served == 65 and report.status == "draft"
    assert sorted(ReportPeopleServed.objects.filter(report=report).values_list("target_group", "people")) == [
        ("children", 40), ("women", 25),
    ]
    report = _save(report, people={"women": 5})  # saving again replaces the figures
    assert report.people_served == 5 and list(report.people.values_list("target_group", flat=True)) == ["women"]


@pytest.mark.parametrize("overrides", [
    {"people": {"pirates": 3}},
    {"people": {"children": -5}},
    {"people": {"children": -5, "women": 10}},
    {"people": {"children": 10_000_001}},
    {"jobs_created": -1},
    {"volunteers": 10**12},
    {"events_delivered": -3},
    {"hours_open_per_week": Decimal("168.5")},
    {"hours_open_per_week": Decimal("-1")},
    {"income_reinvested_eur": Decimal("-0.01")},
    {"income_reinvested_eur": Decimal("10000000000")},
    {"narrative": "ж" * 20001},
    {"lessons_learned": "x" * 10001},
    {"status": "accepted"},
])
def test_a_draft_refuses_unknown_groups_and_negative_or_huge_numbers(overrides):
    report = _save(_first_report(reuse_project("active")))
    before = _report_state(report)
    with pytest.raises(ActionRefused) as refusal:
        _save(report, **overrides)
    assert str(refusal.value)
    assert _report_state(report) == before


def test_the_full_cycle_submit_return_change_submit_accept(django_capture_on_commit_callbacks):
    project = reuse_project("active")
    report = _save(_first_report(project))
    report = services.report_submit(report=report, actor=None)
    assert report.status == "submitted" and report.submitted_at is not None
    with pytest.raises(ActionRefused, match="Say what should change"):
        services.report_return(report=report, actor=None, comments="  ")
    report = services.report_return(report=report, actor=None, comments="Add the figures for May.")
    assert report.status == "returned" and report.is_editable
    report = _save(report, people={"young_people": 95})
    report = services.report_submit(report=report, actor=None)
    report = services.report_accept(report=report, actor=None)
    assert report.status == "accepted" and report.reviewed_at is not None
    assert ResultsReport.objects.public().filter(pk=report.pk).exists()


def test_submitting_twice_and_editing_after_submission_are_refused():
    report = services.report_submit(report=_save(_first_report(reuse_project("active"))), actor=None)
    before = _report_state(report)
    with pytest.raises(ActionRefused, match="already been submitted"):
        services.report_submit(report=report, actor=None)
    with pytest.raises(ActionRefused, match="no longer be changed"):
        _save(report, narrative="Changed after the fact.")
    with pytest.raises(ActionRefused, match="no longer be changed"):
        services.report_photo_add(report=report, actor=None, image=png_upload(), alt_text="Kids painting.",
                                  consent_confirmed=True)
    assert _report_state(report) == before


@pytest.mark.parametrize("status", ["draft", "returned", "accepted"])
def test_only_a_submitted_report_is_reviewed(status):
    report = accepted_report(reuse_project("active"), status=status)
    before = _report_state(report)
    with pytest.raises(ActionRefused, match="Only a submitted report"):
        services.report_accept(report=report, actor=None)
    with pytest.raises(ActionRefused, match="Only a submitted report"):
        services.report_return(report=report, actor=None, comments="Again.")
    assert _report_state(report) == before


def test_a_period_not_begun_cannot_be_reported():
    project = reuse_project("active", start=_today() - dt.timedelta(days=30))
    later = project.reports.order_by("period_start")[1]
    assert later.period_start > _today()
    later = _save(later)
    with pytest.raises(ActionRefused, match="not begun"):
        services.report_submit(report=later, actor=None)
    assert ResultsReport.objects.get(pk=later.pk).status == "draft"


@pytest.mark.parametrize("overrides, missing", [
    ({"narrative": "   "}, "What happened in the period"),
    ({"people": {}}, "People served"),
    ({"people": {"children": 0}}, "People served"),
])
def test_submission_needs_the_narrative_and_people_served(overrides, missing):
    report = _save(_first_report(reuse_project("active")), **overrides)
    with pytest.raises(ActionRefused, match=missing):
        services.report_submit(report=report, actor=None)
    assert ResultsReport.objects.get(pk=report.pk).status == "draft"


def test_submission_and_review_tell_the_office_and_then_the_cso(django_capture_on_commit_callbacks):
    project = reuse_project("active")
    officer, member = amo_officer(), cso_member(project.organisation)
    amo_officer("auoi-mk")  # another office: not told
    report = _save(_first_report(project))
    with django_capture_on_commit_callbacks(execute=True):
        services.report_submit(report=report, actor=member)
    assert [m.to for m in mail.outbox] == [[officer.email]]
    with django_capture_on_commit_callbacks(execute=True):
        services.report_accept(report=report, actor=officer)
    assert [m.to for m in mail.outbox[1:]] == [[member.email]]


# Photos -------------------------------------------------------------------------------------------

def test_a_photo_needs_consent_and_a_description():
    report = _first_report(reuse_project("active"))
    with pytest.raises(ActionRefused, match="agreed to its publication"):
        services.report_photo_add(report=report, actor=None, image=png_upload(), alt_text="Kids painting.",
                                  consent_confirmed=False)
    for alt_text in ("", "   ", "x" * 251):
        with pytest.raises(ActionRefused):
            services.report_photo_add(report=report, actor=None, image=png_upload(), alt_text=alt_text,
                                      consent_confirmed=True)
    assert not ReportPhoto.objects.exists()
    photo = services.report_photo_add(report=report, actor=None, image=png_upload(), alt_text="Fëmijët pikturojnë.",
                                      consent_confirmed=True)
    assert photo.consent_confirmed and photo.position == 1


def test_a_report_holds_at_most_the_maximum_number_of_photos(settings):
    settings.RESULTS_REPORT_MAX_PHOTOS = 2
    report = _first_report(reuse_project("active"))
    for n in range(2):
        services.report_photo_add(report=report, actor=None, image=png_upload(), alt_text=f"Photo {n}",
                                  consent_confirmed=True)
    with pytest.raises(ActionRefused, match="up to 2 photos"):
        services.report_photo_add(report=report, actor=None, image=png_upload(), alt_text="One too many",
                                  consent_confirmed=True)
    assert list(report.photos.values_list("position", flat=True)) == [1, 2]


def test_a_photo_is_removed_only_while_the_report_is_editable():
    report = _save(_first_report(reuse_project("active")))
    kept = services.report_photo_add(report=report, actor=None, image=png_upload(), alt_text="Kept",
                                     consent_confirmed=True)
    gone = services.report_photo_add(report=report, actor=None, image=png_upload(), alt_text="Gone",
                                     consent_confirmed=True)
    services.report_photo_remove(photo=gone, actor=None)
    services.report_submit(report=report, actor=None)
    with pytest.raises(ActionRefused):
        services.report_photo_remove(photo=kept, actor=None)
    assert list(report.photos.values_list("alt_text", flat=True)) == ["Kept"]


# Overdue reminders --------------------------------------------------------------------------------

def test_overdue_reminders_go_once_a_day_to_the_cso_and_the_office(django_capture_on_commit_callbacks):
    project = reuse_project("active", start=_today() - dt.timedelta(days=300))
    member, officer = cso_member(project.organisation), amo_officer()
    overdue = project.reports.filter(due_date__lt=_today())
    assert overdue.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_overdue_reminders() == 1
        assert services.send_overdue_reminders() == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted([member.email, officer.email])


# A property re-used a second time ------------------------------------------------------------------

@pytest.mark.parametrize("ended", ["completed", "terminated"])
def test_a_property_returned_after_its_project_can_be_re_used_again_through_a_new_call(ended):
    """The product's cycle: after a project ends the office republishes the property, opens a new call and
    approves a new proposal, which gets its own project."""
    from reuse_projects.services import property_change_status
    from tests.factories import CallFactory, ProposalFactory

    first = reuse_project(ended)
    property = Property.objects.get(pk=first.property_id)
    property_change_status(property=property, actor=None, action="republish", reason="Ready for a new call.")
    call = CallFactory(closed=True, amo=property.amo, properties=[property])
    proposal = ProposalFactory(call=call, property=property, under_review=True)
    proposer, confirmer = amo_officer(), amo_officer()
    decision = decision_propose(
        proposal=proposal, actor=proposer, outcome="approved", reasons="A new youth club.",
        agreement_start=_today(), agreement_term_months=24, reporting_every_months=6,
    )
    decision_confirm(decision=decision, actor=confirmer)
    second = ReuseProject.objects.get(agreement__proposal=proposal)
    assert second.status == "preparing" and second.property_id == first.property_id
