"""Overdue results report reminders: the boundary of the due date, who is told, once a day, and the daily
background run that queues itself for the next day."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from projects import services
from projects.models import ResultsReport
from projects.tasks import next_run_at, schedule_next_run, send_overdue_report_reminders
from tests.factories import OrganisationFactory, accepted_report, amo_officer, cso_member, reuse_project

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}


@pytest.fixture
def world():
    lead = OrganisationFactory(verified=True)
    project = reuse_project("active", organisation=lead)
    people = {
        "admin": cso_member(lead, admin=True),
        "member": cso_member(lead),
        "officer": amo_officer(),
        "other_officer": amo_officer("auoi-mk"),
    }
    report = project.reports.order_by("due_date").first()
    return {"project": project, "report": report, **people}


def _due(report, day):
    ResultsReport.objects.filter(pk=report.pk).update(due_date=day)


def _run(capture, today=None):
    """One run of the reminders with the e-mail tasks sent at once (the tests' immediate task backend)."""
    with capture(execute=True):
        return services.send_overdue_reminders(today=today)


def _recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_a_report_due_today_is_not_overdue_and_nobody_is_reminded(world, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    _due(world["report"], today)
    world["report"].refresh_from_db()
    assert not world["report"].is_overdue(today)
    assert _run(django_capture_on_commit_callbacks, today) == 0
    assert mail.outbox == []


def test_a_report_due_yesterday_reminds_each_member_and_each_officer_once(world, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    _due(world["report"], today - dt.timedelta(days=1))
    assert _run(django_capture_on_commit_callbacks, today) == 1
    expected = sorted(world[name].email for name in ("admin", "member", "officer"))
    assert _recipients() == expected  # not the other office's officer
    assert all(world["project"].title in message.body for message in mail.outbox)
    world["report"].refresh_from_db()
    assert world["report"].last_reminded_on == today


def test_a_second_run_the_same_day_sends_nothing_and_the_next_day_sends_again(
    world, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    _due(world["report"], today - dt.timedelta(days=1))
    _run(django_capture_on_commit_callbacks, today)
    first = len(mail.outbox)
    assert _run(django_capture_on_commit_callbacks, today) == 0
    assert len(mail.outbox) == first
    assert _run(django_capture_on_commit_callbacks, today + dt.timedelta(days=1)) == 1
    assert len(mail.outbox) == 2 * first


@pytest.mark.parametrize("status", ["submitted", "accepted"])
def test_submitted_and_accepted_reports_are_never_reminded(world, status, django_capture_on_commit_callbacks):
    report = accepted_report(world["project"], status=status)
    _due(report, timezone.localdate() - dt.timedelta(days=10))
    mail.outbox.clear()
    assert _run(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []
    report.refresh_from_db()
    assert report.last_reminded_on is None


def test_a_returned_report_is_the_csos_turn_again_and_is_reminded(world, django_capture_on_commit_callbacks):
    report = accepted_report(world["project"], status="returned")
    _due(report, timezone.localdate() - dt.timedelta(days=3))
    mail.outbox.clear()
    assert _run(django_capture_on_commit_callbacks) == 1


def test_terminated_projects_are_not_reminded(django_capture_on_commit_callbacks):
    lead = OrganisationFactory(verified=True)
    project = reuse_project("terminated", organisation=lead, start=timezone.localdate() - dt.timedelta(days=400))
    cso_member(lead)
    amo_officer()
    assert project.reports.filter(status="draft").exists()
    _due(project.reports.filter(status="draft").order_by("due_date").first(),
         timezone.localdate() - dt.timedelta(days=5))
    assert _run(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_the_task_sends_the_reminders_through_the_task_backend(world, django_capture_on_commit_callbacks):
    _due(world["report"], timezone.localdate() - dt.timedelta(days=2))
    with django_capture_on_commit_callbacks(execute=True):
        result = send_overdue_report_reminders.enqueue()
    assert result.status == "SUCCESSFUL"
    assert result.return_value == 1
    assert len(mail.outbox) == 3


def test_the_next_run_is_06_00_utc_after_now():
    utc = dt.UTC
    assert next_run_at(dt.datetime(2026, 3, 1, 5, 59, tzinfo=utc)) == dt.datetime(2026, 3, 1, 6, 0, tzinfo=utc)
    assert next_run_at(dt.datetime(2026, 3, 1, 6, 0, tzinfo=utc)) == dt.datetime(2026, 3, 2, 6, 0, tzinfo=utc)
    assert next_run_at(dt.datetime(2026, 12, 31, 23, 0, tzinfo=utc)) == dt.datetime(2027, 1, 1, 6, 0, tzinfo=utc)


def test_the_task_reschedules_itself_exactly_once(world, settings):
    """Run by the database queue, the task queues tomorrow's run; a second run (or --schedule) adds none."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_TASKS
    path = send_overdue_report_reminders.module_path
    assert send_overdue_report_reminders.call() == 0
    queued = list(DBTaskResult.objects.filter(task_path=path, status="READY"))
    assert len(queued) == 1
    assert queued[0].run_after == next_run_at()
    assert queued[0].run_after.hour == 6 and queued[0].run_after > timezone.now()
    send_overdue_report_reminders.call()
    call_command("send_report_reminders", "--schedule", stdout=io.StringIO())
    assert DBTaskResult.objects.filter(task_path=path, status="READY").count() == 1


def test_schedule_queues_once_and_nothing_with_the_immediate_backend(world, settings):
    from django_tasks_db.models import DBTaskResult

    assert schedule_next_run() is None  # the tests' immediate backend would run it again and again
    settings.TASKS = DB_TASKS
    out = io.StringIO()
    call_command("send_report_reminders", "--schedule", stdout=out)
    call_command("send_report_reminders", "--schedule", stdout=out)
    assert "queued for" in out.getvalue() and "already queued" in out.getvalue()
    assert DBTaskResult.objects.filter(task_path=send_overdue_report_reminders.module_path).count() == 1


def test_the_command_reminds_now_and_says_how_many(world, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    _due(world["report"], today - dt.timedelta(days=1))
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_report_reminders", stdout=out)
    assert "Reminded about 1 overdue report(s) and 0 project(s) due for evaluation." in out.getvalue()
    assert len(mail.outbox) == 3


def test_the_command_takes_another_day(world):
    """As on the due date itself, the report is not overdue; the day after, it is."""
    out = io.StringIO()
    call_command("send_report_reminders", "--today", world["report"].due_date.isoformat(), stdout=out)
    assert "Reminded about 0" in out.getvalue()
    call_command("send_report_reminders", "--today",
                 (world["report"].due_date + dt.timedelta(days=1)).isoformat(), stdout=out)
    assert "Reminded about 1" in out.getvalue()


@pytest.mark.parametrize("value", ["tomorrow", "2026-13-01", "", "<script>"])
def test_the_command_refuses_a_bad_date(value):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("send_report_reminders", "--today", value, stdout=io.StringIO())


# The evaluation near the end of the term ----------------------------------------------------------


def _renewals(capture, today):
    with capture(execute=True):
        return services.send_renewal_reminders(today=today)


def test_the_office_is_told_once_when_the_renewal_window_opens(world, settings, django_capture_on_commit_callbacks):
    from projects.models import ReuseProject

    project, today = world["project"], timezone.localdate()
    window = dt.timedelta(days=settings.PROJECT_RENEWAL_WINDOW_DAYS)
    ReuseProject.objects.filter(pk=project.pk).update(end_date=today + window + dt.timedelta(days=1))
    assert _renewals(django_capture_on_commit_callbacks, today) == 0  # the window opens tomorrow
    assert mail.outbox == []

    ReuseProject.objects.filter(pk=project.pk).update(end_date=today + window)
    assert _renewals(django_capture_on_commit_callbacks, today) == 1
    assert _recipients() == [world["officer"].email]  # the office only: not the CSO, not another office
    assert "is due for its evaluation" in mail.outbox[0].subject
    assert f"/projects/{project.pk}/manage/" in mail.outbox[0].body

    assert _renewals(django_capture_on_commit_callbacks, today + dt.timedelta(days=5)) == 0  # once per term
    assert len(mail.outbox) == 1


def test_a_renewed_term_is_reminded_again_and_ended_projects_never(world, settings, django_capture_on_commit_callbacks):
    from projects.models import ReuseProject

    project, today = world["project"], timezone.localdate()
    ReuseProject.objects.filter(pk=project.pk).update(end_date=today + dt.timedelta(days=10))
    assert _renewals(django_capture_on_commit_callbacks, today) == 1
    services.evaluation_record(project=project, actor=world["officer"], obligations_met="met",
                               assessment="Open every day, reports on time.", outcome="renew", renewed_months=12)
    project.refresh_from_db()
    later = project.end_date - dt.timedelta(days=settings.PROJECT_RENEWAL_WINDOW_DAYS)
    assert _renewals(django_capture_on_commit_callbacks, later) == 1  # the new term's window

    ended = reuse_project("terminated")
    ReuseProject.objects.filter(pk=ended.pk).update(end_date=today)
    assert _renewals(django_capture_on_commit_callbacks, today) == 0
