"""`manage.py bench_search` (part of `make bench`): search under load on both engines, side by side.

Runs on the benchmark's database (settings `config.settings.bench`, seeded by `manage.py bench`: 50,000
properties, 5,000 CSOs, 5,000 projects). For each engine, PostgreSQL (the database backend) then
Elasticsearch (a noida-db server started here on a free port with a throwaway data folder and stopped at the
end, unless ELASTICSEARCH_URL is set; then indices of a prefix of their own, deleted at the end):

1. a full rebuild of the index from the public data, timed (documents a second);
2. gunicorn as `manage.py bench` starts it, with that engine, loaded by the same keep-alive clients: a
   one-word search, three words with two facets, and autocomplete;
3. the distance filter, called in this process (`search.api.search` with `Query.near`): the search page has
   no distance parameter. One client, so its requests a second are 1 / latency, not a server's throughput.

Prints one table: a row per query and for the rebuild, PostgreSQL and Elasticsearch columns. Everything
stays on 127.0.0.1; servers are stopped at the end, also after an error or Ctrl-C.
"""

import os
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from decimal import Decimal
from importlib.resources import files
from urllib.parse import urlencode

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import QueryDict
from django.test import override_settings

from network.management.commands import bench
from search import api
from search.contract import KINDS, Query
from search.documents import all_documents, count_for
from search.forms import AUTOCOMPLETE_LIMIT, SearchFilters
from search.management.commands.search_reindex import Progress

ENGINES = ("database", "elasticsearch")
ENGINE_LABELS = {"database": "PostgreSQL", "elasticsearch": "Elasticsearch"}
# Words of the bulk data (seed_demo's bench properties, CSOs and projects): "youth" is in many descriptions
# of every kind; a villa "with a walled garden, garage" is one of the property templates.
ONE_WORD = "youth"
THREE_WORDS = "villa garden garage"
AUTOCOMPLETE_PREFIX = "fam"  # "Family house in ..." and more
# Within 25 km of Belgrade's centre, with a word.
NEAR_WORD = "flat"
NEAR = (Decimal("44.8125"), Decimal("20.4612"), 25.0)
ANSWER_TIMEOUT = 60.0


def search_path(**params) -> str:
    return f"/en/search/?{urlencode(params)}"


QUERIES = [
    # (row label, path on the server or None for the in-process distance search, search parameters)
    (f"one word ({ONE_WORD})", search_path(q=ONE_WORD), {"q": ONE_WORD}),
    (f"3 words + 2 facets ({THREE_WORDS})", search_path(q=THREE_WORDS, country="RS", kind="property"),
     {"q": THREE_WORDS, "country": "RS", "kind": "property"}),
    (f"distance {NEAR[2]:g} km ({NEAR_WORD}) *", None, {"q": NEAR_WORD}),
    (f"autocomplete ({AUTOCOMPLETE_PREFIX})", f"/en/search/autocomplete/?q={AUTOCOMPLETE_PREFIX}", None),
]


class Command(bench.Command):
    help = "Rebuild the search index and load the search pages, on PostgreSQL and on Elasticsearch."

    def add_arguments(self, parser):
        parser.add_argument("--engine", action="append", choices=ENGINES, dest="engines",
                            help="Only this engine (may be repeated; default: both).")
        parser.add_argument("--clients", type=int, default=16, help="Concurrent clients (default: %(default)s).")
        parser.add_argument("--seconds", type=float, default=10.0,
                            help="Load time per query (default: %(default)s).")
        parser.add_argument("--requests", type=int, default=2000,
                            help="At most this many requests per client and query (default: %(default)s).")
        parser.add_argument("--workers", type=int, default=0,
                            help="gunicorn workers (default: 2 per CPU core, at least 2).")

    def handle(self, *args, **options):
        if settings.SETTINGS_MODULE != bench.BENCH_SETTINGS:
            raise CommandError(f"Run with DJANGO_SETTINGS_MODULE={bench.BENCH_SETTINGS} (the benchmark's database).")
        if connections[DEFAULT_DB_ALIAS].vendor != "postgresql":
            raise CommandError("The benchmark needs PostgreSQL: set DATABASE_URL to a postgres:// database.")
        if not 1 <= options["clients"] <= 256:
            raise CommandError("--clients must be between 1 and 256.")
        if not 0 < options["seconds"] <= 600:
            raise CommandError("--seconds must be more than 0 and at most 600.")
        self.migrate_if_needed()
        self.collect_static_if_needed()
        options["workers"] = options["workers"] or max(2, 2 * (os.cpu_count() or 1))
        engines = [engine for engine in ENGINES if engine in (options["engines"] or ENGINES)]
        totals = {kind: count_for(kind) for kind in KINDS}
        self.stdout.write("Public documents: " + ", ".join(f"{count} {kind}" for kind, count in totals.items()))
        columns = {}
        try:
            for engine in engines:
                if engine == "database":
                    columns[engine] = self.measure_engine(engine, "", "", sum(totals.values()), options)
                else:
                    with elasticsearch_server() as (url, prefix):
                        columns[engine] = self.measure_engine(engine, url, prefix, sum(totals.values()), options)
        except KeyboardInterrupt:
            raise CommandError("Interrupted; servers are stopped.", returncode=130) from None
        self.print_comparison(engines, columns)

    def migrate_if_needed(self):
        """The search tables: a database seeded before the search app existed (`bench --skip-seed`) lacks them."""
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            self.stdout.write("Applying the database's pending migrations")
            call_command("migrate", "--noinput", verbosity=0)

    def collect_static_if_needed(self):
        """The manifest storage refuses to render a page whose static files were not collected (the search
        page's script, on a database prepared before the search app existed)."""
        from django.contrib.staticfiles.finders import get_finders
        from django.contrib.staticfiles.storage import staticfiles_storage

        if not hasattr(staticfiles_storage, "load_manifest"):
            return
        collected, _hash = staticfiles_storage.load_manifest()
        wanted = {path for finder in get_finders() for path, _storage in finder.list(["CVS", ".*", "*~"])}
        if wanted - set(collected):
            self.stdout.write("Collecting the static files (some are new)")
            call_command("collectstatic", "--noinput", verbosity=0)

    def measure_engine(self, engine: str, url: str, prefix: str, total: int, options: dict) -> dict:
        """{row label: (hits, requests, errors, seconds, p50 ms, p95 ms)} and the rebuild, for one engine."""
        overrides = {"ELASTICSEARCH_URL": url}
        if prefix:
            overrides["SEARCH_INDEX_PREFIX"] = prefix
        with override_settings(**overrides):
            from search.backends import get_backend

            backend = get_backend()
            self.stdout.write(f"\n{ENGINE_LABELS[engine]}: rebuilding the index ({total} documents)")
            progress = Progress(total, lambda text: (self.stderr.write(text, style_func=str, ending=""),
                                                     self.stderr.flush()))
            started = time.monotonic()
            count = backend.rebuild(all_documents(), progress=progress)
            rebuild_seconds = time.monotonic() - started
            progress.done()
            self.stdout.write(f"  {count} documents in {rebuild_seconds:.1f} s")
            rows = {"rebuild": (count, count, 0, rebuild_seconds, float("nan"), float("nan"))}
            hits = {label: found_by(params, path) for label, path, params in QUERIES}
            rows[QUERIES[2][0]] = (hits[QUERIES[2][0]], *self.measure_in_process(options))
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": bench.BENCH_SETTINGS,
            "PYTHONUNBUFFERED": "1",
            "ELASTICSEARCH_URL": url,
            "SEARCH_INDEX_PREFIX": prefix or settings.SEARCH_INDEX_PREFIX,
        }
        port = bench.free_port()
        server = self.start_gunicorn(environment, port, options["workers"])
        try:
            bench.wait_until_healthy(port, server)
            for label, path, _params in QUERIES:
                if path is None:
                    continue
                status = wait_for_answer(port, path)
                if status != 200:
                    # The engine is still busy with the previous load (or down): the row says so, the others run.
                    self.stderr.write(f"{path} answered {status} for {ANSWER_TIMEOUT:g} s: not measured.")
                    rows[label] = (hits[label], 1, 1, 1.0, float("nan"), float("nan"))
                    continue
                rows[label] = (hits[label], *bench.load(port, path, options["clients"], options["seconds"],
                                                        options["requests"]))
        finally:
            bench.stop(server)
        return rows

    @staticmethod
    def measure_in_process(options: dict) -> tuple:
        """The distance search through `search.api.search`, one call after another, for `--seconds`."""
        query = Query(text=NEAR_WORD, near=NEAR, language="en")
        for _warm_up in range(3):
            api.search(query)
        latencies = []
        started = time.monotonic()
        deadline = started + options["seconds"]
        while time.monotonic() < deadline and len(latencies) < options["requests"]:
            begun = time.perf_counter()
            api.search(query)
            latencies.append(time.perf_counter() - begun)
        elapsed = time.monotonic() - started
        latencies.sort()
        p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]
        return len(latencies), 0, elapsed, statistics.median(latencies) * 1000, p95 * 1000

    def print_comparison(self, engines: list[str], columns: dict):
        labels = [label for label, _path, _params in QUERIES] + ["rebuild"]
        width = max(len(label) for label in labels) + 1
        cell = f"{'hits':>6} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'err':>4}"
        header = f"{'':<{width}}" + "".join(f" | {ENGINE_LABELS[engine]:<{len(cell)}}" for engine in engines)
        self.stdout.write("")
        self.stdout.write(header)
        self.stdout.write(f"{'query':<{width}}" + f" | {cell}" * len(engines))
        self.stdout.write("-" * len(header))
        for label in labels:
            line = f"{'rebuild (documents/s)' if label == 'rebuild' else label:<{width}}"
            for engine in engines:
                hits, requests, errors, elapsed, p50, p95 = columns[engine][label]
                if label == "rebuild":
                    line += f" | {hits:>6} {requests / elapsed:>8.0f} {'':>7} {'':>7} {'':>4}"
                else:
                    line += f" | {hits:>6} {requests / elapsed:>8.1f} {p50:>7.1f} {p95:>7.1f} {errors:>4}"
            self.stdout.write(line)
        self.stdout.write(
            "hits: results found (autocomplete: titles offered, at most "
            f"{AUTOCOMPLETE_LIMIT}; rebuild: documents indexed). "
            "* in this process through search.api.search(Query(near=...)), one client: the search page has no "
            "distance parameter."
        )


def found_by(params: dict | None, path: str | None) -> int:
    """How many results the engine gives for a row, asked in this process as the view asks (a sanity check:
    both engines must find something)."""
    if params is None:
        return len(api.autocomplete(AUTOCOMPLETE_PREFIX, language="en", limit=AUTOCOMPLETE_LIMIT))
    filters, page, _ignored = SearchFilters.from_query(QueryDict(urlencode(params)))
    query = filters.to_query(language="en", page=page)
    if path is None:
        query.near = NEAR
    return api.search(query).total


def wait_for_answer(port: int, path: str) -> int:
    """The status of `path`, once it answers 200 or after ANSWER_TIMEOUT seconds of other answers."""
    deadline = time.monotonic() + ANSWER_TIMEOUT
    while True:
        try:
            with urllib.request.urlopen(f"http://{bench.HOST}:{port}{path}", timeout=ANSWER_TIMEOUT) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError:
            status = 0
        if status == 200 or time.monotonic() > deadline:
            return status
        time.sleep(1)


class elasticsearch_server:
    """(url, index prefix): ELASTICSEARCH_URL's cluster with a prefix of its own (indices deleted at the end),
    or a noida-db server started on a free port with a throwaway data folder, stopped at the end."""

    def __enter__(self):
        self.server = self.folder = None
        self.url = os.environ.get("ELASTICSEARCH_URL", "")
        self.prefix = f"bench-{uuid.uuid4().hex[:8]}"
        if self.url:
            return self.url, self.prefix
        # The package's own binary, not its `noida-db` wrapper, which would leave its child running on stop.
        binary = files("noida_db").joinpath("noida-db")
        os.chmod(str(binary), 0o755)  # noqa: S103 - the package's executable, as installed
        port = bench.free_port()
        self.folder = tempfile.mkdtemp(prefix="bench-noida-")
        self.log = open(os.path.join(self.folder, "server.log"), "wb")  # noqa: SIM115 - closed in __exit__
        self.server = subprocess.Popen(
            [str(binary), "start", "--only", "elasticsearch", "--host", bench.HOST,
             "--elasticsearch-port", str(port), "--data-dir", os.path.join(self.folder, "data")],
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
        )
        self.url = f"http://{bench.HOST}:{port}"
        deadline = time.monotonic() + 30
        while not answers(self.url):
            if self.server.poll() is not None or time.monotonic() > deadline:
                self.__exit__(None, None, None)
                raise CommandError("noida-db did not start.")
            time.sleep(0.1)
        return self.url, self.prefix

    def __exit__(self, kind, error, traceback):
        if self.server is None:
            from search.backends.elasticsearch import ElasticsearchBackend

            backend = ElasticsearchBackend(self.url, self.prefix)
            indices = backend.client.options(ignore_status=404).indices.get(index=f"{self.prefix}-*")
            names = [name for name in indices.body if name.startswith(f"{self.prefix}-")]
            if names:
                backend.client.indices.delete(index=",".join(names))
            return False
        self.server.terminate()
        try:
            self.server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.server.kill()
            self.server.wait()
        self.log.close()
        shutil.rmtree(self.folder, ignore_errors=True)
        return False


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return response.status == 200
    except OSError:
        return False
