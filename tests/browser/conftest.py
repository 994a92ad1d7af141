"""Fixtures for real-browser tests: Debian's Chromium driven by Playwright (sync API), and axe-core.

pytest-django's `live_server` runs the app in a thread of this process. Playwright's sync API runs
an event loop in the test thread, so Django would refuse ORM calls there (SynchronousOnlyOperation);
DJANGO_ALLOW_ASYNC_UNSAFE is Django's documented switch for exactly this. The `browser` fixture sets
it while Playwright runs, so only these tests get it.
"""

import itertools
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
TIMEOUT_MS = 10_000
_screenshots = itertools.count(1)


@pytest.fixture
def browser(monkeypatch):
    """Chromium for one test, started after (and stopped before) the test's database set-up.

    Playwright's sync API leaves an asyncio loop running in this thread while it is started. Django
    then keeps its database connections per context instead of per thread, so anything the database
    fixtures did before or do after (such as the serialized rollback) must not see Playwright running:
    this fixture is function-scoped and not autouse, so it comes after them and goes before them.
    """
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM}")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()
        # The connections the test body opened while Playwright ran; nothing else can close them.
        from django.db import connections

        connections.close_all()


def new_page(browser, **context_options):
    context = browser.new_context(
        locale="en-GB", viewport={"width": 1280, "height": 900}, **context_options
    )
    context.set_default_timeout(TIMEOUT_MS)
    return context, context.new_page()


@pytest.fixture
def page(browser):
    context, page = new_page(browser)
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser):
    context, page = new_page(browser, java_script_enabled=False)
    yield page
    context.close()


def axe_check(page):
    """Run axe-core (WCAG 2.0/2.1 A and AA rules) on the page; fail on serious or critical violations.

    With BROWSER_TEST_SCREENSHOTS=<folder> set, also saves a full-page screenshot of each page checked.
    """
    if folder := os.environ.get("BROWSER_TEST_SCREENSHOTS"):
        name = re.sub(r"[^a-z0-9]+", "-", urlsplit(page.url).path.lower()).strip("-") or "home"
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{next(_screenshots):02d}-{name[:60]}.png"),
                        full_page=True)
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    violations = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    if violations:
        lines = [f"axe: {len(violations)} serious/critical violation(s) on {page.url}"]
        for violation in violations:
            lines.append(f"- [{violation['impact']}] {violation['id']}: {violation['help']}")
            for node in violation["nodes"]:
                lines.append(f"    {' '.join(node['target'])}")
        pytest.fail("\n".join(lines), pytrace=False)
    return results


def signed_in(browser, url, user, password="correct horse battery"):
    """A new browser context (its own session) with `user` signed in (UserFactory's password)."""
    _context, page = new_page(browser)
    page.goto(f"{url}/en/accounts/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", password)
    page.locator("form:has(input[name=password]) [type=submit]").first.click()
    page.wait_for_url(f"{url}/en/account/")
    return page
