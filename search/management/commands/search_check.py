"""`manage.py search_check [--fix]`: compare the index with the public data. Prints the keys that are
missing from the index, stale (their document changed since it was indexed) and extra (no longer public,
or gone); exits with status 1 when there are any. `--fix` indexes and deletes them."""

from django.core.management.base import BaseCommand, CommandError

from search.backends import SearchUnavailable, get_backend
from search.contract import KINDS
from search.documents import all_documents
from search.indexing import flush_pending, index_now

SHOWN = 50


class Command(BaseCommand):
    help = "Report documents missing, stale or extra in the search index (exit status 1 when any)."

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Index the missing and stale, delete the extra.")

    def handle(self, *args, fix=False, **options):
        backend = get_backend()
        try:
            if fix:
                flush_pending(backend=backend)
            indexed = backend.indexed()
        except SearchUnavailable as error:
            raise CommandError(f"The search engine is unavailable: {error}") from error
        expected = {document.key: document.updated_at for document in all_documents(KINDS)}
        missing = sorted(key for key in expected if key not in indexed)
        stale = sorted(key for key, updated in expected.items() if key in indexed and indexed[key] != updated)
        extra = sorted(key for key in indexed if key not in expected)
        for label, keys in (("missing", missing), ("stale", stale), ("extra", extra)):
            self.stdout.write(f"{label}: {len(keys)}")
            for key in keys[:SHOWN]:
                self.stdout.write(f"  {key}")
            if len(keys) > SHOWN:
                self.stdout.write(f"  ... and {len(keys) - SHOWN} more")
        problems = missing + stale + extra
        if not problems:
            self.stdout.write(f"The index is consistent: {len(expected)} documents.")
            return
        if fix:
            if not index_now(problems, backend=backend):
                raise CommandError("The search engine is unavailable: the changes are kept for later.")
            self.stdout.write(f"Fixed {len(problems)} documents.")
            return
        raise CommandError(f"{len(problems)} documents differ from the public data (run with --fix).",
                           returncode=1)
