"""Remind CSOs and offices of overdue results reports, and offices of projects due for their evaluation,
now, or (with --schedule) start the daily run."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from projects import services
from projects.tasks import schedule_next_run


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--today must be a date as YYYY-MM-DD, not {value!r}.") from error


class Command(BaseCommand):
    help = (
        "Send the reminders for overdue results reports now (at most once a day per report). With --schedule, "
        "queue the daily background run instead (does nothing if a run is already queued)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", type=_date, help="Count overdue reports as on this day (YYYY-MM-DD).")
        parser.add_argument("--schedule", action="store_true",
                            help="Queue the daily run at 06:00 UTC (idempotent) instead of sending now.")

    def handle(self, *args, today=None, schedule=False, **options):
        if schedule:
            result = schedule_next_run()
            if result is None:
                self.stdout.write("The daily reminders run is already queued (or the task backend cannot defer).")
            else:
                self.stdout.write(f"The daily reminders run is queued for {result.task.run_after.isoformat()}.")
            return
        reminded = services.send_overdue_reminders(today=today)
        renewals = services.send_renewal_reminders(today=today)
        self.stdout.write(f"Reminded about {reminded} overdue report(s) and {renewals} project(s) due for evaluation.")
