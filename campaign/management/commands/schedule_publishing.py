"""Start the worker's scheduled publishing of campaign pages (every minute; idempotent)."""

from django.core.management.base import BaseCommand

from campaign.tasks import schedule_next_run


class Command(BaseCommand):
    help = "Queue the background run that publishes and expires scheduled campaign pages every minute."

    def handle(self, *args, **options):
        result = schedule_next_run()
        if result is None:
            self.stdout.write("Scheduled publishing is already queued (or the task backend cannot defer).")
        else:
            self.stdout.write(f"Scheduled publishing is queued for {result.task.run_after.isoformat()}.")
