"""Serve the site and run the background worker beside it, in one command (used by `make run`)."""

import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Start the task worker in the background, then the web server; stop both on exit."

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000")
        parser.add_argument("--host", default="127.0.0.1")

    def handle(self, *args, port, host, **options):
        # The daily reminders of overdue results reports: queued once, then each run queues the next.
        call_command("send_report_reminders", "--schedule")
        # Scheduled publishing of campaign pages: checked every minute by the worker.
        call_command("schedule_publishing")
        worker = subprocess.Popen(
            [sys.executable, sys.argv[0], "db_worker", "--queue-name", "*", "--interval", "1", "--no-reload"],
        )
        try:
            call_command("runserver", f"{host}:{port}", use_reloader=False)
        finally:
            worker.terminate()
            worker.wait(timeout=10)
