"""Scheduled publishing: Wagtail publishes pages whose "go live" time has come and unpublishes those
whose "expiry" time has passed when `publish_scheduled` runs. The worker runs it every minute: each run
queues the next (see `network.tasks.enqueue_once`), and `run_site` starts the chain."""

import datetime as dt

from django.core.management import call_command
from django.utils import timezone
from django_tasks import task

from network.tasks import enqueue_once

EVERY = dt.timedelta(minutes=1)


def schedule_next_run(*, now: dt.datetime | None = None):
    return enqueue_once(publish_scheduled_pages, run_after=(now or timezone.now()) + EVERY)


@task()
def publish_scheduled_pages() -> None:
    try:
        call_command("publish_scheduled", verbosity=0)
    finally:
        schedule_next_run()
