"""Search fixtures: an Elasticsearch test server for the session, and a backend with indices of its own per test.

ELASTICSEARCH_TEST_URL (or ELASTICSEARCH_URL) points the tests at a real cluster; without either, the
noida-db test server (an Elasticsearch 8.15-compatible API, from the `noida-db` package) is started in the
foreground on a free port with a throwaway data folder, and stopped when the session ends.
"""

import os
import socket
import subprocess
import time
import urllib.request
import uuid
from importlib.resources import files

import pytest


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.fixture(scope="session")
def elasticsearch_url(tmp_path_factory):
    url = os.environ.get("ELASTICSEARCH_TEST_URL") or os.environ.get("ELASTICSEARCH_URL")
    if url:
        yield url
        return
    # The package's own binary, not its `noida-db` wrapper: the wrapper runs it as a child that a stop
    # signal to the wrapper would leave running.
    binary = files("noida_db").joinpath("noida-db")
    os.chmod(str(binary), 0o755)
    port = _free_port()
    folder = tmp_path_factory.mktemp("noida-db")
    log = open(folder / "server.log", "wb")  # noqa: SIM115 - open for the whole session
    server = subprocess.Popen(
        [str(binary), "start", "--only", "elasticsearch", "--host", "127.0.0.1",
         "--elasticsearch-port", str(port), "--data-dir", str(folder / "data")],
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while not _answers(url):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"noida-db did not start: {(folder / 'server.log').read_text()}")
            time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


@pytest.fixture
def elasticsearch_backend(elasticsearch_url, settings):
    """The Elasticsearch backend as configured for the site, with a prefix of its own: this test sees only
    the documents it indexed, and its indices are deleted afterwards."""
    from search.backends.elasticsearch import ElasticsearchBackend

    settings.ELASTICSEARCH_URL = elasticsearch_url
    settings.SEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:12]}"
    backend = ElasticsearchBackend()
    yield backend
    # Deleting by wildcard is refused by default (action.destructive_requires_name): name each index.
    indices = backend.client.options(ignore_status=404).indices.get(index=f"{backend.prefix}-*")
    names = [name for name in indices.body if name.startswith(f"{backend.prefix}-")]
    if names:
        backend.client.indices.delete(index=",".join(names))
