"""Background work of re-use projects, run by the `db_worker` process.

The overdue reminders run once a day: each run queues the next one for 06:00 UTC the following day,
unless a run is already waiting, so that restarting the site (which calls
`send_report_reminders --schedule`) never doubles the chain.
"""

import datetime as dt

from django.utils import timezone
from django_tasks import task

from network.tasks import enqueue_once

from . import services

DAILY_AT_UTC = dt.time(6, 0)


def next_run_at(now: dt.datetime | None = None) -> dt.datetime:
    """The next 06:00 UTC strictly after `now`."""
    now = (now or timezone.now()).astimezone(dt.UTC)
    run = dt.datetime.combine(now.date(), DAILY_AT_UTC, tzinfo=dt.UTC)
    return run if run > now else run + dt.timedelta(days=1)


def schedule_next_run(*, now: dt.datetime | None = None):
    """Queue the next daily run unless one is waiting. Returns its result, or None when nothing was queued."""
    return enqueue_once(send_overdue_report_reminders, run_after=next_run_at(now))


@task()
def send_overdue_report_reminders() -> int:
    """Remind the CSOs and offices of overdue results reports and the offices of projects whose renewal
    window has opened, then queue tomorrow's run. Returns how many reports and projects were reminded of."""
    try:
        return services.send_overdue_reminders() + services.send_renewal_reminders()
    finally:
        # Even when this run fails, tomorrow's must happen.
        schedule_next_run()
