"""Check the audit log's hash chain from the first entry to the last; name the first broken entry."""

from django.core.management.base import BaseCommand, CommandError

from calls.audit import audit_verify
from calls.models import AuditEntry


class Command(BaseCommand):
    help = "Verify the audit log's hash chain; exits with an error naming the first broken entry."

    def handle(self, *args, **options):
        checked, broken = audit_verify()
        if broken is not None:
            raise CommandError(
                f"The audit log is broken at entry #{broken.position} (id {broken.entry_id}): {broken.problem}. "
                f"{checked - 1} entries before it are intact."
            )
        self.stdout.write(self.style.SUCCESS(f"The audit log is intact: {checked} entries verified."))
        last = AuditEntry.objects.order_by("-position").values("position", "hash").first()
        if last:
            # Kept elsewhere, it shows later that no entry after it was cut off.
            self.stdout.write(f"Last entry: #{last['position']} {last['hash']}")
