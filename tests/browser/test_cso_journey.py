"""End to end in a real browser: a CSO registers, a coordinator verifies it, the public finds it.

Every distinct page the journey visits is checked with axe-core (WCAG 2.1 A and AA).
"""

import re
import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail
from playwright.sync_api import expect

from network.models import Organisation
from tests.factories import OrganisationFactory, UserFactory, with_totp

from .conftest import axe_check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CSO_NAME = "Удружење Млади за заједницу"
CSO_NAME_LATIN = "Udruženje Mladi za zajednicu"
PASSWORD = "A long passphrase 4 the browser test"


def small_pdf() -> bytes:
    """A real, valid one-page PDF (with a correct cross-reference table)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length 58 >>\nstream\nBT /F1 18 Tf 72 760 Td (Registration certificate) Tj ET\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def totp_code(secret: str) -> str:
    """The authenticator app's current code (waiting out the last seconds of a period)."""
    period = mfa_settings.TOTP_PERIOD
    if period - time.time() % period < 2:
        time.sleep(2)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign in")).to_be_visible()


def test_cso_registers_coordinator_verifies_public_finds_it(live_server, page, tmp_path):
    url = live_server.url
    coordinator = UserFactory(coordinator=True, email="coordinator@example.org")
    secret = with_totp(coordinator)

    # 1. A visitor arrives and looks at the directory.
    page.goto(f"{url}/en/")
    assert page.get_by_role("heading", level=1).inner_text()
    assert page.evaluate("getComputedStyle(document.body).margin") == "0px", "site.css is not served"
    axe_check(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Organisations").click()
    page.wait_for_url(f"{url}/en/organisations/")
    axe_check(page)

    # 2. Signs up, confirms the e-mail address from the link in the e-mail and is signed in.
    page.goto(f"{url}/en/accounts/signup/")
    axe_check(page)
    email = "mladi@example.org"
    page.fill("input[name=email]", email)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.locator("form:has(input[name=password1]) [type=submit]").click()
    page.wait_for_url(re.compile(r"/en/accounts/confirm-email/$"))
    axe_check(page)
    [message] = [m for m in mail.outbox if email in m.to]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    assert link.startswith(url)
    page.goto(link)
    axe_check(page)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(f"{url}/en/account/")
    assert page.get_by_role("button", name="Sign out").is_visible()

    # 3. Registers the CSO with its certificate and sees the pending profile.
    page.goto(f"{url}/en/organisations/register/")
    axe_check(page)
    certificate = tmp_path / "certificate.pdf"
    certificate.write_bytes(small_pdf())
    page.fill("#id_name", CSO_NAME)
    page.fill("#id_name_latin", CSO_NAME_LATIN)
    page.fill("#id_registration_number", "28123456")
    page.select_option("#id_country", "RS")
    page.fill("#id_city", "Нови Сад")
    page.check("input[name=thematic_areas][value=youth]")
    page.check("input[name=thematic_areas][value=social-inclusion]")
    page.fill("#id_mission", "Turns confiscated flats into youth centres run by young people.")
    page.set_input_files("#id_registration_certificate", str(certificate))
    page.get_by_role("button", name="Register", exact=True).click()
    page.wait_for_url(re.compile(r"/en/organisations/udruzenje-mladi-za-zajednicu-rs/$"))
    assert page.get_by_role("heading", level=1).inner_text().startswith(CSO_NAME)
    assert page.locator(".badge-pending").inner_text() == "Pending verification"
    assert "is registered" in page.locator(".messages").inner_text()
    axe_check(page)
    organisation = Organisation.objects.get(name=CSO_NAME)
    assert organisation.status == Organisation.Status.PENDING
    assert any(coordinator.email in m.to for m in mail.outbox), "coordinators are told of the CSO"
    sign_out(page)

    # 4. The coordinator signs in with password and authenticator code, and verifies the CSO.
    page.goto(f"{url}/en/accounts/login/")
    axe_check(page)
    page.fill("input[name=login]", coordinator.email)
    page.fill("input[name=password]", "correct horse battery")
    page.locator("form:has(input[name=password]) [type=submit]").first.click()
    page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/$"))
    axe_check(page)
    page.fill("input[name=code]", totp_code(secret))
    page.locator("form:has(input[name=code]) [type=submit]").first.click()
    page.wait_for_url(f"{url}/en/account/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Verification queue").click()
    page.wait_for_url(f"{url}/en/coordination/")
    axe_check(page)
    page.get_by_role("link", name=CSO_NAME, exact=True).click()
    page.wait_for_url(f"{url}/en/coordination/{organisation.slug}/")
    axe_check(page)
    href = page.get_by_role("link", name="Open the certificate").get_attribute("href")
    response = page.request.get(f"{url}{href}")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body() == certificate.read_bytes()
    page.get_by_label("Verify").check()
    page.get_by_role("button", name="Record the decision").click()
    page.wait_for_url(f"{url}/en/coordination/")
    assert "is now verified" in page.locator(".messages").inner_text()
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.VERIFIED
    [verified] = [m for m in mail.outbox if email in m.to and "is verified" in m.subject]
    assert CSO_NAME in verified.subject
    sign_out(page)

    # 5. The public finds it in the directory, in Latin without diacritics and in Cyrillic.
    page.goto(f"{url}/en/organisations/")
    page.get_by_label("Name").fill("mladi za zajednicu")
    page.get_by_role("button", name="Show organisations").click()
    page.wait_for_url(re.compile(r"q=mladi\+za\+zajednicu"))
    cards = page.locator(".cards .card")
    assert cards.count() == 1
    assert cards.get_by_role("link", name=CSO_NAME).is_visible()
    axe_check(page)
    page.goto(f"{url}/en/organisations/?q=заједницу")
    assert page.locator(".cards .card").count() == 1
    page.goto(f"{url}/en/organisations/?q=zajednica-nepostojeca")
    assert page.locator(".cards .card").count() == 0
    page.goto(f"{url}/en/organisations/?q=mladi&country=AL")
    assert page.locator(".cards .card").count() == 0
    page.goto(f"{url}{organisation.get_absolute_url()}")
    assert page.locator(".badge-verified").is_visible()


def test_sign_in_and_directory_filters_work_without_javascript(live_server, page_without_js):
    page, url = page_without_js, live_server.url
    UserFactory(email="nojs@example.org")
    OrganisationFactory(verified=True, name="Zelena kuća", country_id="RS")
    OrganisationFactory(verified=True, name="Shtëpia e gjelbër", country_id="AL")

    page.goto(f"{url}/en/accounts/login/")
    page.fill("input[name=login]", "nojs@example.org")
    page.fill("input[name=password]", "correct horse battery")
    page.locator("form:has(input[name=password]) [type=submit]").first.click()
    page.wait_for_url(f"{url}/en/account/")
    assert page.get_by_role("button", name="Sign out").is_visible()

    page.goto(f"{url}/en/organisations/")
    assert page.locator(".cards .card").count() == 2
    page.get_by_label("Name").fill("kuca")
    page.get_by_label("Country").select_option("RS")
    page.get_by_role("button", name="Show organisations").click()
    page.wait_for_url(re.compile(r"country=RS"))
    cards = page.locator(".cards .card")
    assert cards.count() == 1
    assert cards.get_by_role("link", name="Zelena kuća").is_visible()


def test_the_pages_of_an_organisation_admin_pass_the_accessibility_checks(live_server, page):
    """Every page a CSO admin manages the organisation from, and the public pages in each language."""
    url = live_server.url
    admin = UserFactory(email="admin@example.org")
    organisation = OrganisationFactory(verified=True, name="Zelena kuća", country_id="RS")
    organisation.memberships.create(user=admin, role="admin")
    organisation.memberships.create(user=UserFactory(email="member@example.org"), role="member")

    page.goto(f"{url}/en/accounts/login/")
    page.fill("input[name=login]", "admin@example.org")
    page.fill("input[name=password]", "correct horse battery")
    page.locator("form:has(input[name=password]) [type=submit]").first.click()
    page.wait_for_url(f"{url}/en/account/")
    for path in [
        "/en/account/",
        f"/en/organisations/{organisation.slug}/",
        f"/en/organisations/{organisation.slug}/edit/",
        f"/en/organisations/{organisation.slug}/members/",
        "/en/account/delete/",
        "/en/accounts/2fa/",
        "/en/accounts/2fa/totp/activate/",
        "/en/accounts/password/change/",
    ]:
        page.goto(f"{url}{path}")
        assert page.locator("h1").count() == 1, path
        axe_check(page)

    # Errors on a form are announced and linked to their fields.
    page.goto(f"{url}/en/organisations/{organisation.slug}/members/")
    page.locator("main").get_by_label("E-mail address").fill("not an address")
    page.get_by_role("button", name="Send invitation").click()
    assert page.get_by_role("alert").is_visible()
    axe_check(page)

    sign_out(page)
    for language in ["en", "sq", "bs", "mk", "sr", "sr-latn", "ro"]:
        for path in ["/", "/organisations/", "/organisations/verified/?q=zelena"]:
            page.goto(f"{url}/{language}{path}")
            assert page.locator("html").get_attribute("lang") == language
            axe_check(page)
