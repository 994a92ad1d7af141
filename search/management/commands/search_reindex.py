"""`manage.py search_reindex [--kind K ...]`: rebuild the search index from the public data."""

from django.core.management.base import BaseCommand

from search.backends import get_backend
from search.contract import KINDS
from search.documents import all_documents, count_for, documents_for
from search.indexing import flush_pending
from search.models import PendingChange

BAR_WIDTH = 30


class Progress:
    """"12345 / 60000 (20%) [######......]" on one line of stderr, redrawn in place: no dependency."""

    def __init__(self, total: int, write):
        self.total, self.write, self.shown = total, write, -1

    def __call__(self, count: int) -> None:
        percent = 100 if not self.total else min(100, count * 100 // self.total)
        if percent == self.shown and count < self.total:
            return
        self.shown = percent
        filled = BAR_WIDTH * percent // 100
        self.write(f"\r{count} / {self.total} ({percent}%) [{'#' * filled}{'.' * (BAR_WIDTH - filled)}]")

    def done(self) -> None:
        self.write("\n")


class Command(BaseCommand):
    help = "Rebuild the search index (all of it, or the documents of some kinds) from the public data."

    def add_arguments(self, parser):
        parser.add_argument("--kind", action="append", choices=KINDS, dest="kinds",
                            help="Only this kind of document (may be repeated).")

    def handle(self, *args, kinds=None, **options):
        backend = get_backend()
        kinds = list(dict.fromkeys(kinds or KINDS))
        total = sum(count_for(kind) for kind in kinds)
        progress = Progress(total, lambda text: (self.stderr.write(text, style_func=str, ending=""),
                                                 self.stderr.flush()))
        if set(kinds) == set(KINDS):
            # Everything is read afresh: the changes that waited are part of it.
            waiting = PendingChange.objects.order_by("-pk").values_list("pk", flat=True).first()
            count = backend.rebuild(all_documents(kinds), progress=progress)
            if waiting is not None:
                PendingChange.objects.filter(pk__lte=waiting).delete()
        else:
            flush_pending(backend=backend)
            count = self._reindex_kinds(backend, kinds, progress)
        progress.done()
        self.stdout.write(f"Indexed {count} documents ({backend.name}).")

    @staticmethod
    def _reindex_kinds(backend, kinds, progress) -> int:
        """Index every document of `kinds` and delete their kinds' keys that are no longer public."""
        indexed = set(backend.indexed())
        count, seen, batch = 0, set(), []
        for kind in kinds:
            for document in documents_for(kind):
                batch.append(document)
                seen.add(document.key)
                if len(batch) >= 500:
                    backend.index(batch)
                    count += len(batch)
                    batch = []
                    progress(count)
        backend.index(batch)
        count += len(batch)
        progress(count)
        prefixes = tuple(f"{kind}:" for kind in kinds)
        backend.delete([key for key in indexed - seen if key.startswith(prefixes)])
        return count
