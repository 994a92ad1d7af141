"""Bulk import (dry run, confirm) and export of an office's properties as CSV and XLSX."""

import csv
import io
import os
import time
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from network.models import Municipality, Organisation
from network.places import COUNTRY_BOUNDS
from reuse_projects import imports, services
from reuse_projects.models import Property, PropertyEvent
from tests.factories import PNG_BYTES, PropertyFactory, UserFactory, amo_officer, organisation_with_admin

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("reuse_projects:property_import")
EXPORT_URL = reverse("reuse_projects:property_export")

HEADER = ["reference", "title", "title_en", "type", "municipality", "latitude", "longitude", "floor_area",
          "suitable_uses", "renewable", "available_from"]
GOOD_ROWS = [
    ["RS-IMP-1", "Стан у центру", "Flat in the centre", "apartment", "Нови Сад", "45.2517", "19.8369", "64.5",
     "shelter; social-housing", "yes", "2026-01-01"],
    ["RS-IMP-2", "Вила на Дедињу", "Villa in Dedinje", "villa", "Beograd", "44.7866", "20.4489", "420",
     "youth-centre", "no", ""],
    ["RS-IMP-3", "Њива код Ниша", "Field near Niš", "agricultural_land", "Nis", "", "", "", "social-farm", "", ""],
]


def csv_bytes(rows, *, header=HEADER, delimiter=",", bom=False) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")


def rs():
    return Organisation.objects.get(slug="direkcija-rs")


def plan(data: bytes, amo=None):
    return imports.plan_import(imports.read_table(data), amo=amo or rs())


def upload(client, data: bytes, name="properties.csv", **extra):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, data), **extra})


@pytest.fixture
def officer(client):
    user = amo_officer("direkcija-rs")
    client.force_login(user)
    return user


# Planning ------------------------------------------------------------------------------------------

def test_plan_of_a_good_file_creates_every_row_and_writes_nothing():
    result = plan(csv_bytes(GOOD_ROWS))

    assert [row.action for row in result.rows] == ["create"] * 3
    assert [row.number for row in result.rows] == [2, 3, 4]
    assert Property.objects.count() == 0
    assert PropertyEvent.objects.count() == 0


def test_cyrillic_names_and_latin_without_diacritics_both_resolve():
    """"Нови Сад", "Beograd" (Latin, the GeoNames spelling) and "Nis" (no diacritics) are all found."""
    rows = plan(csv_bytes(GOOD_ROWS)).rows
    assert [row.property.municipality.slug for row in rows] == ["novi-sad-rs", "beograd-rs", "nis-rs"]
    rows = plan(csv_bytes([[*GOOD_ROWS[0][:4], "novi sad", *GOOD_ROWS[0][5:]]])).rows
    assert rows[0].property.municipality.slug == "novi-sad-rs"


def test_a_file_of_bad_rows_gives_every_reason_and_writes_nothing():
    bad = [
        ["RS-BAD-1", "Замак", "", "castle", "Atlantis", "", "", "-5", "", "", ""],
        ["RS-BAD-2", "Стан", "", "apartment", "Нови Сад", "48.85", "2.35", "", "", "maybe", "31/12/2026"],
        ["RS-DUP", "Стан", "", "apartment", "Нови Сад", "", "", "", "", "", ""],
        ["RS-DUP", "Стан", "", "apartment", "Нови Сад", "", "", "", "", "", ""],
        ["", "", "", "", "", "45.25", "", "abc", "spaceport", "", ""],
        ["bad reference!", "Стан", "", "apartment", "Скопје", "", "", "", "", "", ""],
    ]
    result = plan(csv_bytes(bad))

    assert [row.action for row in result.rows] == ["reject"] * 6
    reasons = [" | ".join(row.reasons) for row in result.rows]
    assert "unknown type “castle”" in reasons[0]
    assert "unknown municipality “Atlantis” in Serbia" in reasons[0]
    assert "negative floor area" in reasons[0]
    assert "coordinates outside Serbia" in reasons[1]
    assert "renewable must be yes or no" in reasons[1]
    assert "not a date" in reasons[1]
    assert "duplicate reference in the file" in reasons[2] and "duplicate reference in the file" in reasons[3]
    for expected in ("no reference", "no title", "no type", "no municipality", "not a number",
                     "unknown suitable use “spaceport”"):
        assert expected in reasons[4]
    # A town of another country is not in this office's country; the reference must be a code.
    assert "unknown municipality “Скопје” in Serbia" in reasons[5]
    assert "reference" in reasons[5]
    assert Property.objects.count() == 0


def test_commit_writes_all_valid_rows_in_one_transaction_with_history(officer):
    result = plan(csv_bytes([*GOOD_ROWS, ["RS-IMP-4", "", "", "castle", "X", "", "", "", "", "", ""]]))

    totals = imports.commit_import(result, actor=officer)

    assert totals == {"create": 3, "update": 0, "unchanged": 0, "reject": 1}
    assert set(Property.objects.values_list("reference", flat=True)) == {"RS-IMP-1", "RS-IMP-2", "RS-IMP-3"}
    flat = Property.objects.get(reference="RS-IMP-1")
    assert flat.status == Property.Status.DRAFT and flat.created_by == officer
    assert flat.floor_area == Decimal("64.50") and flat.renewable is True
    assert set(flat.suitable_uses.values_list("slug", flat=True)) == {"shelter", "social-housing"}
    assert list(flat.events.values_list("action", flat=True)) == ["imported"]


def test_if_one_write_fails_at_commit_nothing_is_written(officer, monkeypatch):
    result = plan(csv_bytes(GOOD_ROWS))
    original, calls = services.property_create, []

    def failing(**kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return original(**kwargs)

    monkeypatch.setattr(services, "property_create", failing)
    with pytest.raises(RuntimeError):
        imports.commit_import(result, actor=officer)

    assert Property.objects.count() == 0
    assert PropertyEvent.objects.count() == 0


def test_reimporting_the_same_file_changes_nothing(officer):
    data = csv_bytes(GOOD_ROWS)
    imports.commit_import(plan(data), actor=officer)
    events = PropertyEvent.objects.count()

    again = plan(data)

    assert [row.action for row in again.rows] == ["unchanged"] * 3
    imports.commit_import(again, actor=officer)
    assert PropertyEvent.objects.count() == events


def test_an_update_of_one_field_shows_that_field(officer):
    imports.commit_import(plan(csv_bytes(GOOD_ROWS)), actor=officer)
    rows = [list(row) for row in GOOD_ROWS]
    rows[1][7] = "450"

    result = plan(csv_bytes(rows))

    assert [row.action for row in result.rows] == ["unchanged", "update", "unchanged"]
    assert result.rows[1].changes == ["floor_area"]
    imports.commit_import(result, actor=officer)
    villa = Property.objects.get(reference="RS-IMP-2")
    assert villa.floor_area == Decimal("450")
    event = villa.events.first()
    assert (event.action, event.changes) == ("imported", ["floor_area"])


def test_columns_left_out_of_the_file_are_left_alone(officer):
    """A file with only reference, title, type and municipality updates the title, nothing else."""
    property = PropertyFactory(reference="RS-OLD", floor_area=Decimal("84.50"))
    data = csv_bytes([["RS-OLD", "Нови наслов", "apartment", "Нови Сад"]],
                     header=["reference", "title", "type", "municipality"])

    [row] = plan(data).rows

    assert (row.action, row.changes) == ("update", ["title"])
    imports.commit_import(plan(data), actor=officer)
    property.refresh_from_db()
    assert property.title == "Нови наслов" and property.floor_area == Decimal("84.50")


def test_csv_with_bom_and_semicolons():
    data = csv_bytes(GOOD_ROWS, delimiter=";", bom=True)
    assert data.startswith("\ufeffreference;title;".encode())
    table = imports.read_table(data)
    assert table.columns[0] == "reference"
    result = imports.plan_import(table, amo=rs())
    assert [row.action for row in result.rows] == ["create"] * 3
    assert result.rows[0].suitable_uses == ["shelter", "social-housing"]
    # The decimal comma that goes with semicolon CSVs is read as a decimal point.
    rows = [list(GOOD_ROWS[0])]
    rows[0][7], rows[0][8] = "64,5", "shelter"
    [row] = plan(csv_bytes(rows, delimiter=";", bom=True)).rows
    assert row.property.floor_area == Decimal("64.50")


def test_xlsx_round_trip_is_unchanged(officer):
    """Export the office's properties, import the file: every row is unchanged."""
    imports.commit_import(plan(csv_bytes(GOOD_ROWS)), actor=officer)
    PropertyFactory(reference="RS-FULL", contact_phone="+381 21 123 456", utilities=["water", "electricity"],
                    renovation_cost_min=1000, renovation_cost_max=20000, land_area=Decimal("1000.00"))
    for fmt in ("xlsx", "csv"):
        content = (imports.to_xlsx if fmt == "xlsx" else imports.to_csv)(imports.export_rows(rs()))
        result = plan(content)
        assert {row.action for row in result.rows} == {"unchanged"}, [
            (row.reference, row.changes, row.reasons) for row in result.rows
        ]
        assert len(result.rows) == 4


def test_export_neutralises_formulas_and_holds_only_the_office_s_properties(officer, client):
    PropertyFactory(reference="RS-F", title="=cmd|' /C calc'!A0", contact_phone="+381 11 222",
                    address="@SUM(1+1)")
    PropertyFactory(reference="BA-OTHER", amo=Organisation.objects.get(slug="agencija-fbih-ba"),
                    municipality=Municipality.objects.get(slug="sarajevo-ba"), latitude=None, longitude=None)

    response = client.get(EXPORT_URL, {"format": "csv"})

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["reference"] for row in rows] == ["RS-F"]
    assert rows[0]["title"] == "'=cmd|' /C calc'!A0"
    assert rows[0]["contact_phone"] == "'+381 11 222"
    assert rows[0]["address"] == "'@SUM(1+1)"

    response = client.get(EXPORT_URL, {"format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    values = [cell.value for cell in sheet[2]]
    assert values[0] == "RS-F" and values[1] == "'=cmd|' /C calc'!A0"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    # Importing the export gives back the text as it was.
    [row] = plan(response.content).rows
    assert row.action == "unchanged"


def test_formula_cells_in_a_workbook_are_refused():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["RS-X", "=HYPERLINK(\"http://evil\")", "", "apartment", "Нови Сад"])
    out = io.BytesIO()
    workbook.save(out)

    [row] = plan(out.getvalue()).rows

    assert row.action == "reject"
    assert any("formulas are not accepted" in reason and "title" in reason for reason in row.reasons)


def test_text_that_looks_like_a_formula_in_a_csv_is_kept_as_text():
    [row] = plan(csv_bytes([["RS-T", "=cmd|' /C calc'!A0", "", "apartment", "Нови Сад", "", "", "", "", "", ""]])).rows
    assert row.action == "create" and row.property.title == "=cmd|' /C calc'!A0"


# Hostile files -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "message"), [
    ("Ref;Titel\nX;Ä".encode("latin-1"), "not UTF-8"),
    (PNG_BYTES, "png"),
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"reference,title,type,municipality\n", "no rows"),
    (b"a,b\n1,2\n", "missing"),
    (b"PK\x03\x04not really a zip", "not an Excel workbook"),
])
def test_unreadable_files_are_refused_with_a_reason(data, message):
    with pytest.raises(imports.ImportFileError) as error:
        imports.read_table(data)
    assert message in " ".join(error.value.messages)


@override_settings(PROPERTY_IMPORT_MAX_BYTES=1000, PROPERTY_IMPORT_MAX_ROWS=2)
def test_files_over_the_limits_are_refused():
    with pytest.raises(imports.ImportFileError, match="limit"):
        imports.read_table(b"x" * 1001)
    with pytest.raises(imports.ImportFileError, match="more than 2 rows"):
        imports.read_table(csv_bytes(GOOD_ROWS))


def test_very_long_cells_reject_the_row_without_failing():
    rows = [list(GOOD_ROWS[0]), list(GOOD_ROWS[1])]
    rows[0][1] = "Ж" * 10001
    rows[1][2] = "x" * 10000  # title_en: at most 200 characters
    result = plan(csv_bytes(rows))
    assert [row.action for row in result.rows] == ["reject", "reject"]
    assert "longer than 10000 characters" in result.rows[0].reasons[0]
    assert any(reason.startswith("title_en:") for reason in result.rows[1].reasons)


def test_a_png_renamed_csv_is_refused_in_the_form(officer, client):
    response = upload(client, PNG_BYTES, name="properties.csv")
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert "not a spreadsheet" in response.content.decode()


# Views ---------------------------------------------------------------------------------------------

def test_dry_run_shows_every_row_and_writes_nothing_until_confirmed(officer, client):
    data = csv_bytes([*GOOD_ROWS, ["RS-IMP-9", "Замак", "", "castle", "Нови Сад", "", "", "", "", "", ""]])

    response = upload(client, data)

    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>" in page and 'scope="col"' in page
    assert "unknown type “castle”" in page
    assert response.context["totals"] == {"create": 3, "update": 0, "unchanged": 0, "reject": 1}
    assert Property.objects.count() == 0
    token = response.context["token"]

    response = client.post(IMPORT_URL, {"token": token, "office": "direkcija-rs"})

    assert response.status_code == 302
    assert Property.objects.count() == 3
    assert set(PropertyEvent.objects.values_list("action", flat=True)) == {"imported"}
    # The stored file is gone: the same token cannot import twice.
    response = client.post(IMPORT_URL, {"token": token, "office": "direkcija-rs"}, follow=True)
    assert "expired" in response.content.decode()


def test_unconfirmed_dry_run_files_are_purged_later(officer, client):
    upload(client, csv_bytes(GOOD_ROWS))
    storage = storages["private"]
    [name] = storage.listdir("imports")[1]
    old = time.time() - 3 * 3600
    os.utime(storage.path(f"imports/{name}"), (old, old))

    upload(client, csv_bytes(GOOD_ROWS))

    assert name not in storage.listdir("imports")[1]
    assert len(storage.listdir("imports")[1]) == 1


def test_a_confirmation_token_works_only_for_its_user(officer, client):
    token = upload(client, csv_bytes(GOOD_ROWS)).context["token"]
    colleague = amo_officer("direkcija-rs")
    client.force_login(colleague)
    response = client.post(IMPORT_URL, {"token": token, "office": "direkcija-rs"})
    assert response.status_code == 403
    response = client.post(IMPORT_URL, {"token": token + "x", "office": "direkcija-rs"}, follow=True)
    assert "expired" in response.content.decode()
    assert Property.objects.count() == 0


def test_a_file_with_only_bad_rows_offers_no_confirmation(officer, client):
    response = upload(client, csv_bytes([["", "", "", "castle", "X", "", "", "", "", "", ""]]))
    assert response.context["token"] == ""
    assert "Confirm the import" not in response.content.decode()


def test_xlsx_upload_through_the_form(officer, client):
    content = imports.to_xlsx([{**dict.fromkeys(imports.COLUMNS, ""), **dict(zip(HEADER, GOOD_ROWS[0], strict=True))}])
    response = upload(client, content, name="properties.xlsx")
    assert response.context["totals"]["create"] == 1


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_template_has_the_header_and_an_example_row_that_plans_cleanly(officer, client, fmt):
    response = client.get(reverse("reuse_projects:property_import_template", args=[fmt]))
    assert response.status_code == 200
    [row] = plan(response.content).rows
    assert row.action == "create", row.reasons
    assert client.get(reverse("reuse_projects:property_import_template", args=["exe"])).status_code == 404


def pages():
    return [
        ("get", IMPORT_URL, {}),
        ("post", IMPORT_URL, {"file": SimpleUploadedFile("p.csv", csv_bytes(GOOD_ROWS))}),
        ("get", EXPORT_URL, {"format": "csv"}),
        ("get", reverse("reuse_projects:property_import_template", args=["csv"]), {}),
    ]


def test_visitors_are_sent_to_sign_in(client):
    for method, url, data in pages():
        response = getattr(client, method)(url, data)
        assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("who", ["cso_member", "plain_user", "other_office"])
def test_anyone_but_the_office_s_officers_is_refused(client, who):
    if who == "cso_member":
        _organisation, user = organisation_with_admin(verified=True)
    elif who == "plain_user":
        user = UserFactory()
    else:
        user = amo_officer("auoi-mk")
    client.force_login(user)
    for method, url, data in pages():
        if who == "other_office":
            data = {**data, "office": "direkcija-rs"}
        response = getattr(client, method)(url, data)
        assert response.status_code == 403, url
    assert Property.objects.count() == 0


def test_the_office_s_officer_is_allowed(officer, client):
    for method, url, data in pages():
        assert getattr(client, method)(url, data).status_code == 200, url
    assert client.get(IMPORT_URL, {"office": "direkcija-rs"}).status_code == 200


def test_an_officer_of_several_offices_chooses_one(client):
    user = amo_officer("direkcija-rs")
    Organisation.objects.get(slug="auoi-mk").memberships.create(user=user, role="admin")
    client.force_login(user)

    response = client.get(EXPORT_URL)
    assert "?office=auoi-mk" in response.content.decode()

    response = client.get(EXPORT_URL, {"office": "auoi-mk", "format": "csv"})
    assert response.status_code == 200
    assert client.get(EXPORT_URL, {"office": "agencija-fbih-ba"}).status_code == 403


def test_every_municipality_lies_inside_its_country_s_box():
    """The bounding boxes used to catch typos hold every municipality centre of the reference table."""
    for municipality in Municipality.objects.all():
        south, west, north, east = COUNTRY_BOUNDS[municipality.country_id]
        assert south <= municipality.latitude <= north and west <= municipality.longitude <= east, municipality
