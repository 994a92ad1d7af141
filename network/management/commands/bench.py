"""`manage.py bench` (`make bench`): how many requests a second the public pages serve under load.

It prepares a PostgreSQL database of its own (created if missing, migrated, seeded with the demo
plus thousands of verified CSOs and tens of thousands of properties), serves the site with gunicorn
as production does, with the settings `config.settings.bench`, then sends concurrent keep-alive
requests from a thread pool to the directory, a profile, the home page, the property catalogue
(unfiltered and with three filters), a property, the map data, the calls page, a call, the ranking of a
call with 200 proposals (as its officer), the re-use projects showcase (5,000 projects with 20 results
reports each), a project, the impact page, the open data API's lists, the campaign's home page, a campaign
page and a story (answered from the anonymous page cache, then again on a second server with that cache
off), and a view that does nothing (the machine's ceiling), and
prints requests, errors, requests a second and latency percentiles per page. Then sixty CSOs each upload
10 MB of attachments and submit, and the workers' peak memory is compared before and after. Everything stays on
127.0.0.1; gunicorn is stopped at the end, also after an error or Ctrl-C.
"""

import http.client
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import environ
import psycopg2
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from psycopg2 import sql

HOST = "127.0.0.1"
BENCH_SETTINGS = "config.settings.bench"
PROFILE_LINK = re.compile(r'href="(/en/organisations/(?!register/|verified/)[\w-]+/)"')
PROPERTY_LINK = re.compile(r'href="(/en/properties/[\w.-]+--[\w.-]+/)"')
PROJECT_LINK = re.compile(r'href="(/en/projects/\d+/)"')
STORY_LINK = re.compile(r'href="(/en/stories/[\w-]+/)"')
# A campaign page of the demo content built from many kinds of blocks (figures, FAQ, map, quotes...).
CAMPAIGN_PAGE = "/en/what-is-social-re-use/"
PROJECTS = 5000
REPORTS_PER_PROJECT = 20
# The calls part: a call whose ranking has this many proposals (3 reviews each), and this many CSOs
# that each upload 10 MB of attachments (two 5 MB PDFs) to their draft and submit it.
RANKING_PROPOSALS = 200
SUBMISSIONS = 60
SUBMISSION_CLIENTS = 4
ATTACHMENT_BYTES = 5 * 1024 * 1024
CALLS_DATA = Path("var") / "bench" / "calls.json"
# Three filters a CSO would combine: a country, a type and a minimum floor area.
FILTERED_CATALOGUE = "/en/properties/?country=RS&type=apartment&min_area=50"


@dataclass
class Sample:
    """What one client saw: latency of each successful request, and how many failed."""

    latencies: list = field(default_factory=list)
    errors: int = 0


class Command(BaseCommand):
    help = "Seed a PostgreSQL database, serve it with gunicorn and measure the public pages under load."

    def add_arguments(self, parser):
        parser.add_argument(
            "--database-url", default="postgres://postgres@127.0.0.1:5432/reuse_bench",
            help="PostgreSQL database of the benchmark; created if missing (default: %(default)s).",
        )
        parser.add_argument("--organisations", type=int, default=5000,
                            help="Verified CSOs added in bulk (default: %(default)s).")
        parser.add_argument("--properties", type=int, default=50000,
                            help="Properties added in bulk (default: %(default)s).")
        parser.add_argument("--clients", type=int, default=16,
                            help="Concurrent clients (default: %(default)s).")
        parser.add_argument("--seconds", type=float, default=10.0,
                            help="Load time per page (default: %(default)s).")
        parser.add_argument("--requests", type=int, default=2000,
                            help="At most this many requests per client and page (default: %(default)s).")
        parser.add_argument("--workers", type=int, default=0,
                            help="gunicorn workers (default: 2 per CPU core, at least 2).")
        parser.add_argument("--skip-seed", action="store_true",
                            help="Use the database as it is: no migrate, seed or collectstatic.")
        parser.add_argument("--skip-search", action="store_true",
                            help="Leave out the search benchmark (manage.py bench_search).")

    def handle(self, *args, **options):
        if not 1 <= options["clients"] <= 256:
            raise CommandError("--clients must be between 1 and 256.")
        if not 0 < options["seconds"] <= 600:
            raise CommandError("--seconds must be more than 0 and at most 600.")
        database_url = options["database_url"]
        workers = options["workers"] or max(2, 2 * (os.cpu_count() or 1))
        environment = {
            **os.environ,
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": BENCH_SETTINGS,
            "PYTHONUNBUFFERED": "1",
        }
        if not options["skip_seed"]:
            self.create_database(database_url)
            self.prepare(environment, options["organisations"], options["properties"])
        port = free_port()
        server = self.start_gunicorn(environment, port, workers)
        try:
            wait_until_healthy(port, server)
            profile = find_link(port, "/en/organisations/", PROFILE_LINK)
            detail = find_link(port, "/en/properties/", PROPERTY_LINK)
            # A project of the bulk data (twenty reports); the demo project is in Serbia.
            project = find_link(port, "/en/projects/?country=AL", PROJECT_LINK)
            story = find_link(port, "/en/stories/", STORY_LINK)
            calls = json.loads((Path(settings.BASE_DIR) / CALLS_DATA).read_text())
            officer = {"Cookie": f"sessionid={calls['officer_session']}"}
            pages = [
                ("directory", "/en/organisations/"),
                ("profile", profile),
                ("home (cached)", "/en/"),
                ("campaign page (cached)", CAMPAIGN_PAGE),
                ("story (cached)", story),
                ("catalogue", "/en/properties/"),
                ("filtered", FILTERED_CATALOGUE),
                ("property", detail),
                ("map data", "/en/properties/map.geojson"),
                ("calls", "/en/calls/"),
                ("call", f"/en/calls/{calls['ranking_call']}/"),
                ("ranking", f"/en/office/calls/{calls['ranking_call']}/ranking/", officer),
                ("projects", "/en/projects/"),
                ("projects filtered", "/en/projects/?country=RS&use=youth-centre"),
                ("project", project),
                ("impact", "/en/impact/"),
                ("api properties", "/api/v1/properties/?country=RS"),
                ("api projects", "/api/v1/projects/"),
                ("api results", "/api/v1/results/"),
                ("api organisations", "/api/v1/organisations/"),
                ("api calls", "/api/v1/calls/"),
                ("api impact", "/api/v1/impact/"),
                ("bare view", "/bench/bare/"),
            ]
            self.stdout.write(
                f"gunicorn: {workers} workers on {HOST}:{port}; {options['clients']} clients, "
                f"{options['seconds']:g} s or {options['requests']} requests each per page; "
                f"profile {profile}, property {detail}, project {project}"
            )
            results = [
                (name, path, *load(port, path, options["clients"], options["seconds"],
                                   options["requests"], headers=headers[0] if headers else None))
                for name, path, *headers in pages
            ]
            self.print_table(results)
            self.measure_submissions(server, port, calls["drafts"])
        except KeyboardInterrupt:
            raise CommandError("Interrupted; gunicorn is stopped.", returncode=130) from None
        finally:
            stop(server)
        self.measure_uncached_campaign(environment, workers, options, story)
        if not options["skip_search"]:
            self.measure_search(environment, workers, options)

    def measure_uncached_campaign(self, environment: dict, workers: int, options: dict, story: str):
        """The campaign pages again, on a server with the anonymous page cache turned off: every request
        routes and renders the page (the cost of the first visitor after a publication)."""
        port = free_port()
        server = self.start_gunicorn({**environment, "CAMPAIGN_PAGE_CACHE_SECONDS": "0"}, port, workers)
        try:
            wait_until_healthy(port, server)
            pages = [("home (uncached)", "/en/"), ("campaign page (uncached)", CAMPAIGN_PAGE),
                     ("story (uncached)", story), ("bare view", "/bench/bare/")]
            self.print_table([
                (name, path, *load(port, path, options["clients"], options["seconds"], options["requests"]))
                for name, path in pages
            ])
        except KeyboardInterrupt:
            raise CommandError("Interrupted; gunicorn is stopped.", returncode=130) from None
        finally:
            stop(server)

    def measure_search(self, environment: dict, workers: int, options: dict):
        """Search on both engines (manage.py bench_search), in a process of its own: it works on the
        benchmark's database, with the benchmark's settings, as the servers do."""
        command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "bench_search",
                   "--clients", str(options["clients"]), "--seconds", f"{options['seconds']:g}",
                   "--requests", str(options["requests"]), "--workers", str(workers)]
        self.stdout.write("\nRunning manage.py " + " ".join(command[2:]))
        self.stdout.flush()
        subprocess.run(command, env=environment, cwd=settings.BASE_DIR, check=True)

    # Preparing the database -----------------------------------------------------------------------

    def create_database(self, database_url: str):
        config = environ.Env.db_url_config(database_url)
        if "postgresql" not in config["ENGINE"]:
            raise CommandError("The benchmark needs PostgreSQL: give a postgres:// --database-url.")
        # CREATE DATABASE cannot run inside a transaction, nor while connected to the database
        # itself: connect to the server's maintenance database in autocommit mode.
        connection = psycopg2.connect(
            dbname="postgres", user=config["USER"] or None, password=config["PASSWORD"] or None,
            host=config["HOST"] or None, port=config["PORT"] or None,
        )
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]])
                if cursor.fetchone() is None:
                    self.stdout.write(f"Creating database {config['NAME']}")
                    cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
        finally:
            connection.close()

    def prepare(self, environment: dict, organisations: int, properties: int):
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        steps = [
            ["migrate", "--noinput", "-v", "0"],
            ["seed_demo", "--scale", str(organisations), "--properties", str(properties), "-v", "0"],
            ["seed_calls_bench", "--proposals", str(RANKING_PROPOSALS), "--drafts", str(SUBMISSIONS),
             "--output", str(CALLS_DATA)],
            ["seed_projects_bench", "--projects", str(PROJECTS), "--reports", str(REPORTS_PER_PROJECT)],
            # The manifest storage refuses to render a page whose static files were not collected.
            ["collectstatic", "--noinput", "-v", "0"],
        ]
        for step in steps:
            self.stdout.write("Running manage.py " + " ".join(step))
            started = time.monotonic()
            subprocess.run(manage + step, env=environment, cwd=settings.BASE_DIR, check=True)
            self.stdout.write(f"  done in {time.monotonic() - started:.1f} s")

    # The server -----------------------------------------------------------------------------------

    def start_gunicorn(self, environment: dict, port: int, workers: int) -> subprocess.Popen:
        command = [
            sys.executable, "-m", "gunicorn", "--pythonpath", "site", "config.wsgi",
            "--bind", f"{HOST}:{port}", "--workers", str(workers),
            # gunicorn 27 opens one control socket per machine by default; a second server (the
            # developer's own, another benchmark) would clash with it.
            "--no-control-socket",
            "--log-level", "warning",
        ]
        self.stdout.write("Starting " + " ".join(command[2:]))
        # A session of its own: Ctrl-C reaches this command only, which then stops gunicorn
        # in order (SIGTERM, then SIGKILL if it lingers).
        return subprocess.Popen(command, env=environment, cwd=settings.BASE_DIR, start_new_session=True)

    def measure_submissions(self, server: subprocess.Popen, port: int, drafts: list[dict]):
        """Each CSO uploads two 5 MB PDFs to its draft and submits it, SUBMISSION_CLIENTS at a time.

        Prints the time per submission and each worker's peak resident memory before and after: uploads
        stream to temporary files and are hashed by chunks, so the peak must not grow by the upload size.
        """
        before = worker_memory(server.pid)
        payload = b"%PDF-1.4\n" + b"0" * (ATTACHMENT_BYTES - 20) + b"\n%%EOF\n"
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=SUBMISSION_CLIENTS) as pool:
            outcomes = list(pool.map(lambda draft: submit_with_attachments(port, draft, payload), drafts))
        elapsed = time.monotonic() - started
        after = worker_memory(server.pid)
        durations = sorted(seconds for ok, seconds in outcomes if ok)
        failures = sum(1 for ok, _seconds in outcomes if not ok)
        self.stdout.write("")
        if not durations:
            raise CommandError(f"No submission succeeded ({failures} failed).")
        megabytes = len(durations) * 2 * ATTACHMENT_BYTES / 1024 / 1024
        self.stdout.write(
            f"submission with 2 x {ATTACHMENT_BYTES // 1024 // 1024} MB attachments: {len(durations)} done, "
            f"{failures} failed, {SUBMISSION_CLIENTS} clients, {len(durations) / elapsed:.2f} submissions/s, "
            f"{megabytes / elapsed:.1f} MB/s; p50 {statistics.median(durations) * 1000:.0f} ms, "
            f"p95 {durations[min(len(durations) - 1, int(len(durations) * 0.95))] * 1000:.0f} ms"
        )
        self.stdout.write(
            "worker peak memory (VmHWM) before -> after: "
            + ", ".join(f"{before.get(pid, 0) / 1024:.1f} -> {after[pid] / 1024:.1f} MB" for pid in sorted(after))
        )

    def print_table(self, results):
        header = f"{'page':<24} {'path':<42} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7}"
        self.stdout.write("")
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for name, path, requests, errors, elapsed, p50, p95 in results:
            self.stdout.write(
                f"{name:<24} {path[:42]:<42} {requests:>8} {errors:>6} "
                f"{requests / elapsed:>8.1f} {p50:>7.1f} {p95:>7.1f}"
            )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def wait_until_healthy(port: int, server: subprocess.Popen, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise CommandError(f"gunicorn exited with status {server.returncode}.")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise CommandError(f"/healthz did not answer 200 within {timeout:g} s.")


def find_link(port: int, page: str, link: re.Pattern) -> str:
    """The first link of a list page, as a visitor would click it (a profile, a property)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    connection.request("GET", page)
    response = connection.getresponse()
    match = link.search(response.read().decode())
    if response.status != 200 or match is None:
        raise CommandError(f"{page} lists nothing to open.")
    return match.group(1)


def load(port: int, path: str, clients: int, seconds: float, requests: int, headers: dict | None = None):
    """`clients` threads, each with one keep-alive connection, until time or requests run out.

    Returns (requests, errors, elapsed seconds, p50 ms, p95 ms).
    """
    # Warm up first: every worker loads templates and opens connections on its first requests.
    client(port, path, deadline=time.monotonic() + 1.0, limit=20, stopping=threading.Event(), headers=headers)
    started = time.monotonic()
    deadline = started + seconds
    stopping = threading.Event()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        try:
            samples = list(pool.map(
                lambda _n: client(port, path, deadline, requests, stopping, headers), range(clients)
            ))
        except BaseException:
            stopping.set()  # Ctrl-C: let the clients finish their request and stop
            raise
    elapsed = time.monotonic() - started
    latencies = sorted(latency for sample in samples for latency in sample.latencies)
    errors = sum(sample.errors for sample in samples)
    if not latencies:
        return errors, errors, elapsed, float("nan"), float("nan")
    p50 = statistics.median(latencies) * 1000
    p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))] * 1000
    return len(latencies) + errors, errors, elapsed, p50, p95


def client(port: int, path: str, deadline: float, limit: int, stopping: threading.Event,
           headers: dict | None = None) -> Sample:
    sample = Sample()
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        for _n in range(limit):
            if time.monotonic() >= deadline or stopping.is_set():
                break
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Accept-Language": "en", **(headers or {})})
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                sample.errors += 1
                connection.close()  # reconnects on the next request
                continue
            if response.status == 200:
                sample.latencies.append(time.perf_counter() - started)
            else:
                sample.errors += 1
    finally:
        connection.close()
    return sample


def worker_memory(master_pid: int) -> dict[int, int]:
    """Peak resident memory (kB) of each gunicorn worker, from /proc."""
    peaks = {}
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    for pid in children.read_text().split() if children.exists() else []:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
        if match:
            peaks[int(pid)] = int(match.group(1))
    return peaks


def multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, (filename, content) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: application/pdf\r\n\r\n".encode() + content + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def submit_with_attachments(port: int, draft: dict, payload: bytes) -> tuple[bool, float]:
    """One CSO's submission as its browser would send it: upload each checklist document, then submit."""
    token = uuid.uuid4().hex  # any 32 characters: the cookie and the header must match
    headers = {"Cookie": f"sessionid={draft['session']}; csrftoken={token}", "X-CSRFToken": token,
               "Accept-Language": "en"}
    connection = http.client.HTTPConnection(HOST, port, timeout=120)
    started = time.perf_counter()
    try:
        base = f"/en/proposals/{draft['proposal']}"
        for requirement in draft["requirements"]:
            body, content_type = multipart({"requirement": requirement}, {"file": ("plan.pdf", payload)})
            connection.request("POST", f"{base}/attachments/add/", body=body,
                               headers={**headers, "Content-Type": content_type})
            response = connection.getresponse()
            response.read()
            if response.status != 302:
                return False, 0.0
        body, content_type = multipart({}, {})
        connection.request("POST", f"{base}/submit/", body=body, headers={**headers, "Content-Type": content_type})
        response = connection.getresponse()
        response.read()
        return response.status == 302, time.perf_counter() - started
    except (OSError, http.client.HTTPException):
        return False, 0.0
    finally:
        connection.close()


def stop(server: subprocess.Popen):
    if server.poll() is not None:
        return
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
