"""Bulk import and export of an office's properties as CSV or XLSX: pure logic, no requests.

`read_table()` turns uploaded bytes into rows (the type is read from the content, never the name);
`plan_import()` decides, row by row and without writing, what would be created, updated, left
unchanged or rejected and why; `commit_import()` writes every valid row in one transaction through
the services (action "imported", so the history shows it). Rows are matched to the office's
properties by reference code, so importing the same file twice changes nothing the second time.
`export_rows()` / `to_csv()` / `to_xlsx()` write the same columns back, with cells that a spreadsheet
would run as a formula neutralised.
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from network.models import Municipality
from network.places import coordinates_in_country
from network.spreadsheets import neutralise
from network.text import fold

from . import services
from .models import Property
from .suitable_uses import SUITABLE_USE_LABELS

# The file's columns, in order. Stable English names: they are the file format, never translated.
COLUMNS = [
    "reference", "title", "title_en", "description", "description_en", "type", "legal_status",
    "municipality", "address", "latitude", "longitude", "location_privacy", "floor_area", "land_area",
    "rooms", "floors", "year_built", "condition", "utilities", "accessibility", "renovation_cost_min",
    "renovation_cost_max", "suitable_uses", "term_years", "renewable", "utilities_paid_by",
    "maintenance_paid_by", "restrictions", "available_from", "available_until", "contact_name",
    "contact_email", "contact_phone",
]
REQUIRED_COLUMNS = ("reference", "title", "type", "municipality")
# Column -> model field, where the names differ.
FIELD_OF_COLUMN = {"type": "property_type"}
TEXT_COLUMNS = (
    "title", "title_en", "description", "description_en", "address", "restrictions", "contact_name",
    "contact_email", "contact_phone",
)
CHOICE_COLUMNS = {
    "type": Property.Type, "legal_status": Property.LegalStatus, "location_privacy": Property.LocationPrivacy,
    "condition": Property.Condition, "accessibility": Property.Accessibility,
    "utilities_paid_by": Property.Payer, "maintenance_paid_by": Property.Payer,
}
DECIMAL_COLUMNS = ("latitude", "longitude", "floor_area", "land_area")
INTEGER_COLUMNS = ("rooms", "floors", "year_built", "renovation_cost_min", "renovation_cost_max", "term_years")
DATE_COLUMNS = ("available_from", "available_until")
LIST_SEPARATOR = ";"
YES = {"yes", "y", "true", "1", "da", "po", "да", "ja", "x"}
NO = {"no", "n", "false", "0", "ne", "jo", "не", "nu", ""}

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_CELL_CHARS = 10000
# An XLSX is a zip: refuse one that would unpack to far more than any real sheet (a "zip bomb").
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
ZIP_SIGNATURE = b"PK\x03\x04"

class ImportFileError(ValidationError):
    """The file as a whole cannot be read: wrong type, too large, empty, no header..."""


def max_bytes() -> int:
    return getattr(settings, "PROPERTY_IMPORT_MAX_BYTES", MAX_BYTES)


def max_rows() -> int:
    return getattr(settings, "PROPERTY_IMPORT_MAX_ROWS", MAX_ROWS)


# Reading ------------------------------------------------------------------------------------------

@dataclass
class Table:
    kind: str  # "csv" or "xlsx"
    columns: list[str]  # the known columns present, in the file's order
    unknown_columns: list[str]
    rows: list[tuple[int, dict]]  # (row number as a spreadsheet shows it, {column: text})
    formula_cells: dict = field(default_factory=dict)  # row number -> [column], XLSX only


def read_table(data: bytes) -> Table:
    """Rows of a CSV (UTF-8, with or without BOM, comma or semicolon) or an XLSX (its first sheet)."""
    limit = max_bytes()
    if len(data) > limit:
        raise ImportFileError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(len(data)), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if not data.strip():
        raise ImportFileError(_("The file is empty."), code="empty")
    if data.startswith(ZIP_SIGNATURE):
        return _read_xlsx(data)
    kind = filetype.guess(data[:8192])
    if kind is not None:
        raise ImportFileError(
            _("This is a %(type)s file, not a spreadsheet. Upload a CSV or XLSX file.") % {"type": kind.extension},
            code="wrong_type",
        )
    return _read_csv(data)


def _read_csv(data: bytes) -> Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            _("The file is not UTF-8 text. Save it as “CSV UTF-8” or as an Excel workbook (XLSX)."),
            code="not_utf8",
        ) from None
    if "\x00" in text:
        raise ImportFileError(_("The file holds binary data, not text."), code="wrong_type")
    header_line = text.split("\n", 1)[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    csv.field_size_limit(max(MAX_CELL_CHARS * 4, 131072))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        raw = list(reader)
    except csv.Error as error:
        raise ImportFileError(
            _("The CSV file cannot be read: %(error)s") % {"error": error}, code="bad_csv"
        ) from None
    return _table("csv", raw)


def _read_xlsx(data: bytes) -> Table:
    import openpyxl

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        names, unpacked = [], 0
    if "xl/workbook.xml" not in names:
        raise ImportFileError(
            _("This zip file is not an Excel workbook. Upload a CSV or XLSX file."), code="wrong_type"
        )
    if unpacked > MAX_UNPACKED_BYTES:
        raise ImportFileError(_("The workbook unpacks to more than the limit."), code="too_large")
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds of error on a damaged workbook
        raise ImportFileError(_("The workbook cannot be read. Is it damaged?"), code="bad_xlsx") from None
    try:
        sheet = workbook.worksheets[0]
        raw, formulas = [], {}
        for number, row in enumerate(sheet.iter_rows(), start=1):
            cells = []
            for index, cell in enumerate(row):
                if getattr(cell, "data_type", None) == "f":
                    formulas.setdefault(number, []).append(index)
                    cells.append("")
                else:
                    cells.append(_cell_text(cell.value))
            raw.append(cells)
            if len(raw) > max_rows() + 1 + 1000:  # enough to know it is too long, without reading it all
                break
    finally:
        workbook.close()
    table = _table("xlsx", raw)
    positions = _column_positions(raw[0]) if raw else {}
    by_position = {index: column for column, index in positions.items()}
    table.formula_cells = {
        number: [by_position.get(index, "?") for index in indices] for number, indices in formulas.items()
    }
    return table


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _column_positions(header: list[str]) -> dict[str, int]:
    positions = {}
    for index, name in enumerate(header):
        key = fold(str(name)).replace(" ", "_")
        if key in COLUMNS and key not in positions:
            positions[key] = index
    return positions


def _table(kind: str, raw: list[list[str]]) -> Table:
    while raw and not any(str(cell).strip() for cell in raw[0]):
        raw = raw[1:]
    if not raw:
        raise ImportFileError(_("The file is empty."), code="empty")
    header = [str(cell).strip() for cell in raw[0]]
    positions = _column_positions(header)
    missing = [column for column in REQUIRED_COLUMNS if column not in positions]
    if missing:
        raise ImportFileError(
            _("The first row must name the columns; missing: %(columns)s. Download the template to see them.")
            % {"columns": ", ".join(missing)},
            code="no_header",
        )
    known = {index for index in positions.values()}
    unknown = [name for index, name in enumerate(header) if name and index not in known]
    rows = []
    for number, cells in enumerate(raw[1:], start=2):
        if not any(str(cell).strip() for cell in cells):
            continue
        rows.append((number, {
            column: _unescape(str(cells[index]).strip()) if index < len(cells) else ""
            for column, index in positions.items()
        }))
    if not rows:
        raise ImportFileError(_("The file has a header but no rows."), code="empty")
    if len(rows) > max_rows():
        raise ImportFileError(
            _("The file has more than %(limit)s rows; split it into smaller files.") % {"limit": max_rows()},
            code="too_many_rows",
        )
    return Table(kind, [column for column in COLUMNS if column in positions], unknown, rows)


def _unescape(text: str) -> str:
    """Undo what the export does against formula injection: "'=x" was "=x"."""
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@":
        return text[1:]
    return text


# Planning -----------------------------------------------------------------------------------------

CREATE, UPDATE, UNCHANGED, REJECT = "create", "update", "unchanged", "reject"


@dataclass
class RowPlan:
    number: int
    reference: str
    action: str
    reasons: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)  # field names, for an update
    property: Property | None = None
    suitable_uses: list[str] | None = None

    def change_labels(self) -> list[str]:  # a method: the `property` field hides the builtin here
        labels = []
        for name in self.changes:
            if name == "suitable_uses":
                labels.append(str(Property._meta.get_field("suitable_uses").verbose_name))
            else:
                labels.append(str(Property._meta.get_field(name).verbose_name))
        return labels


@dataclass
class ImportPlan:
    rows: list[RowPlan]
    unknown_columns: list[str]

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def totals(self) -> dict[str, int]:
        return {action: self.count(action) for action in (CREATE, UPDATE, UNCHANGED, REJECT)}

    @property
    def writes(self) -> list[RowPlan]:
        return [row for row in self.rows if row.action in (CREATE, UPDATE)]


class MunicipalityIndex:
    """Municipalities of one country by folded name: local name first, then any GeoNames spelling."""

    def __init__(self, country):
        self.country = country
        self.by_name, self.by_alias = {}, {}
        rows = Municipality.objects.filter(country=country).order_by("-population", "pk")
        for municipality in rows.only("pk", "name", "search_text", "population", "country_id"):
            self.by_name.setdefault(fold(municipality.name), municipality)
            for alias in municipality.search_text.split(" | "):
                self.by_alias.setdefault(alias.strip(), municipality)

    def find(self, name: str) -> Municipality | None:
        folded = fold(name)
        return self.by_name.get(folded) or self.by_alias.get(folded)


def _decimal(text):
    try:
        value = Decimal(text.replace(" ", "").replace(",", "."))
    except InvalidOperation:
        raise ValueError from None
    if not value.is_finite():
        raise ValueError
    return value


def _integer(text):
    value = _decimal(text)
    if value != value.to_integral_value():
        raise ValueError
    return int(value)


def _choice(choices, text):
    folded = fold(text)
    for value, label in choices.choices:
        if folded in (value, fold(value.replace("_", " ")), fold(str(label))):
            return value
    raise ValueError


def _labels():
    return {
        "floor_area": _("floor area"), "land_area": _("land area"), "rooms": _("rooms"), "floors": _("floors"),
        "year_built": _("year built"), "renovation_cost_min": _("lowest renovation cost"),
        "renovation_cost_max": _("highest renovation cost"), "term_years": _("term of use"),
        "latitude": _("latitude"), "longitude": _("longitude"),
    }


def _parse_row(cells: dict, *, amo, municipalities: MunicipalityIndex):
    """The row's values as model field values, and every reason to reject it."""
    values, reasons, too_long = {}, [], set()
    country = amo.country
    labels = _labels()
    for column, text in cells.items():
        if len(text) > MAX_CELL_CHARS:
            too_long.add(column)
            reasons.append(
                _("%(column)s is longer than %(limit)s characters") % {"column": column, "limit": MAX_CELL_CHARS}
            )
            cells[column] = text = ""
    for column in TEXT_COLUMNS:
        if column in cells:
            values[column] = cells[column]
    if "title" in cells and not cells["title"]:
        reasons.append(_("no title"))
    for column, choices in CHOICE_COLUMNS.items():
        if column not in cells:
            continue
        text = cells[column]
        name = FIELD_OF_COLUMN.get(column, column)
        if not text:
            if column == "type":
                reasons.append(_("no type"))
            else:
                values[name] = Property._meta.get_field(name).get_default()
            continue
        try:
            values[name] = _choice(choices, text)
        except ValueError:
            if column == "type":
                reasons.append(_("unknown type “%(value)s”") % {"value": text})
            else:
                reasons.append(_("unknown %(column)s “%(value)s”") % {"column": column, "value": text})
    if "municipality" in cells:
        name = cells["municipality"]
        municipality = municipalities.find(name) if name else None
        if not name:
            reasons.append(_("no municipality"))
        elif municipality is None:
            reasons.append(
                _("unknown municipality “%(name)s” in %(country)s") % {"name": name, "country": country.name}
            )
        else:
            values["municipality"] = municipality
    for column in DECIMAL_COLUMNS:
        if column not in cells:
            continue
        if not cells[column]:
            values[column] = None
            continue
        try:
            value = _decimal(cells[column])
        except ValueError:
            reasons.append(_("%(column)s “%(value)s” is not a number") % {"column": column, "value": cells[column]})
            continue
        if column in ("floor_area", "land_area") and value < 0:
            reasons.append(_("negative %(what)s") % {"what": labels[column]})
            continue
        values[column] = value.quantize(Decimal("0.000001") if column in ("latitude", "longitude") else Decimal("0.01"))
    for column in INTEGER_COLUMNS:
        if column not in cells:
            continue
        if not cells[column]:
            values[column] = None
            continue
        try:
            value = _integer(cells[column])
        except ValueError:
            reasons.append(
                _("%(column)s “%(value)s” is not a whole number") % {"column": column, "value": cells[column]}
            )
            continue
        if value < 0:
            reasons.append(_("negative %(what)s") % {"what": labels[column]})
            continue
        if value > 2_000_000_000:
            reasons.append(_("%(column)s is too large") % {"column": column})
            continue
        values[column] = value
    for column in DATE_COLUMNS:
        if column not in cells:
            continue
        try:
            values[column] = datetime.date.fromisoformat(cells[column]) if cells[column] else None
        except ValueError:
            reasons.append(
                _("%(column)s “%(value)s” is not a date like 2026-03-31") % {"column": column, "value": cells[column]}
            )
    if "renewable" in cells:
        folded = fold(cells["renewable"])
        if folded in YES:
            values["renewable"] = True
        elif folded in NO:
            values["renewable"] = False
        else:
            reasons.append(_("renewable must be yes or no, not “%(value)s”") % {"value": cells["renewable"]})
    if "utilities" in cells:
        values["utilities"] = _split(cells["utilities"])
    suitable_uses = None
    if "suitable_uses" in cells:
        suitable_uses = []
        for slug in _split(cells["suitable_uses"]):
            key = fold(slug).replace(" ", "-")
            if key not in SUITABLE_USE_LABELS:
                matches = [k for k, label in SUITABLE_USE_LABELS.items() if fold(str(label)) == fold(slug)]
                if not matches:
                    reasons.append(_("unknown suitable use “%(value)s”") % {"value": slug})
                    continue
                key = matches[0]
            if key not in suitable_uses:
                suitable_uses.append(key)
    latitude, longitude = values.get("latitude"), values.get("longitude")
    if latitude is not None and longitude is not None and not coordinates_in_country(country.code, latitude, longitude):
        reasons.append(_("coordinates outside %(country)s") % {"country": country.name})
    # Columns already reported on: the model's own checks need not repeat them.
    failed = too_long | {column for column in cells if FIELD_OF_COLUMN.get(column, column) not in values}
    return values, suitable_uses, reasons, failed


def _split(text: str) -> list[str]:
    items = []
    for item in text.split(LIST_SEPARATOR):
        item = item.strip()
        if item and item not in items:
            items.append(item)
    return items


def _model_errors(property: Property, *, skip=()) -> list[str]:
    """The model's own checks (lengths, e-mail, reference format...), except on fields already reported."""
    skip = {FIELD_OF_COLUMN.get(column, column) for column in skip}
    try:
        property.full_clean(exclude=["amo", *skip], validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        reasons = []
        for name, messages in error.message_dict.items():
            if name == "__all__":
                reasons.extend(messages)
                continue
            column = {"property_type": "type"}.get(name, name)
            reasons.extend(f"{column}: {message}" for message in messages)
        return reasons
    return []


def plan_import(table: Table, *, amo) -> ImportPlan:
    """What importing the table into the office would do. Reads the database, never writes."""
    municipalities = MunicipalityIndex(amo.country)
    references = [fold(cells.get("reference", "")) for _number, cells in table.rows]
    counts = {}
    for reference in references:
        counts[reference] = counts.get(reference, 0) + 1
    wanted = {cells.get("reference", "") for _number, cells in table.rows}
    existing = {
        property.reference: property
        for property in Property.objects.filter(amo=amo, reference__in=wanted).select_related("municipality")
    }
    existing_uses = {}
    for property_id, slug in Property.suitable_uses.through.objects.filter(
        content_object__in=existing.values()
    ).values_list("content_object_id", "tag__slug"):
        existing_uses.setdefault(property_id, set()).add(slug)

    plans = []
    for number, cells in table.rows:
        cells = dict(cells)
        reference = cells.get("reference", "")
        values, suitable_uses, reasons, failed = _parse_row(cells, amo=amo, municipalities=municipalities)
        if not reference:
            reasons.insert(0, _("no reference"))
        elif counts[fold(reference)] > 1:
            reasons.insert(0, _("duplicate reference in the file"))
        if number in table.formula_cells:
            reasons.append(
                _("formulas are not accepted (column %(columns)s): paste the values instead")
                % {"columns": ", ".join(table.formula_cells[number])}
            )
        current = existing.get(reference)
        if current is not None:
            # A fresh copy: the stored object stays as read, for changed_fields() to compare with.
            property = _copy(current)
        else:
            property = Property(amo=amo, reference=reference)
        for name, value in values.items():
            setattr(property, FIELD_OF_COLUMN.get(name, name), value)
        failed = (failed - {"reference", "suitable_uses"}) | ({"reference"} if not reference else set())
        reasons.extend(_model_errors(property, skip=failed))
        if reasons:
            plans.append(RowPlan(number, reference, REJECT, reasons=reasons))
            continue
        if current is None:
            plans.append(RowPlan(number, reference, CREATE, property=property, suitable_uses=suitable_uses or []))
            continue
        changes = services.changed_fields(property)
        if suitable_uses is not None and set(suitable_uses) != existing_uses.get(current.pk, set()):
            changes.append("suitable_uses")
        action = UPDATE if changes else UNCHANGED
        plans.append(RowPlan(number, reference, action, changes=changes, property=property,
                             suitable_uses=suitable_uses))
    return ImportPlan(plans, table.unknown_columns)


def _copy(property: Property) -> Property:
    copy = Property(**{f.attname: getattr(property, f.attname) for f in Property._meta.concrete_fields})
    copy._state.adding = False
    copy._state.db = property._state.db
    return copy


@transaction.atomic
def commit_import(plan: ImportPlan, *, actor) -> dict[str, int]:
    """Write every create and update of the plan in one transaction: all of them, or none."""
    from .models import SuitableUse

    uses = {use.slug: use for use in SuitableUse.objects.all()}
    for row in plan.writes:
        suitable_uses = None if row.suitable_uses is None else [uses[slug] for slug in row.suitable_uses]
        if row.action == CREATE:
            services.property_create(
                property=row.property, actor=actor, suitable_uses=suitable_uses or [], action="imported"
            )
        else:
            services.property_update(
                property=row.property, actor=actor, suitable_uses=suitable_uses, action="imported"
            )
    return plan.totals


# Export -------------------------------------------------------------------------------------------

def _format(value) -> str | int | Decimal:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return Decimal(format(value.normalize(), "f"))  # 84.50 -> 84.5, 100.00 -> 100 (not 1E+2)
    return value


def property_row(property: Property, suitable_uses=None) -> dict:
    """One property as the file's columns (numbers stay numbers, lists are joined)."""
    if suitable_uses is None:
        suitable_uses = sorted(property.suitable_uses.values_list("slug", flat=True))
    row = {}
    for column in COLUMNS:
        if column == "municipality":
            row[column] = property.municipality.name
        elif column == "utilities":
            row[column] = f"{LIST_SEPARATOR} ".join(property.utilities or [])
        elif column == "suitable_uses":
            row[column] = f"{LIST_SEPARATOR} ".join(suitable_uses)
        else:
            row[column] = _format(getattr(property, FIELD_OF_COLUMN.get(column, column)))
    return row


def export_rows(amo) -> list[dict]:
    properties = list(
        Property.objects.of_office(amo).select_related("municipality").order_by("reference")
    )
    uses = {}
    for property_id, slug in Property.suitable_uses.through.objects.filter(
        content_object__amo=amo
    ).values_list("content_object_id", "tag__slug"):
        uses.setdefault(property_id, []).append(slug)
    return [property_row(property, sorted(uses.get(property.pk, []))) for property in properties]


def to_csv(rows: list[dict]) -> bytes:
    """UTF-8 with a BOM (so that Excel reads the Cyrillic right), comma-separated."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([neutralise(str(row[column])) for column in COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(rows: list[dict], *, title: str = "Properties") -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append([_xlsx_value(row[column]) for column in COLUMNS])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _xlsx_value(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, int):
        return value
    return neutralise(str(value))


def template_rows(amo) -> list[dict]:
    """One example row, in a town of the office's country, to show every column's format."""
    municipality = Municipality.objects.filter(country=amo.country).order_by("-population").first()
    return [{
        "reference": "EXAMPLE-001", "title": "Stan u centru", "title_en": "Flat in the town centre",
        "description": "", "description_en": "A two-room flat on the second floor, furnished.",
        "type": Property.Type.APARTMENT, "legal_status": Property.LegalStatus.CONFISCATED,
        "municipality": municipality.name if municipality else "", "address": "",
        "latitude": municipality.latitude if municipality else "",
        "longitude": municipality.longitude if municipality else "",
        "location_privacy": Property.LocationPrivacy.APPROXIMATE, "floor_area": Decimal("64.5"), "land_area": "",
        "rooms": 2, "floors": 1, "year_built": 1987, "condition": Property.Condition.MINOR_WORKS,
        "utilities": "electricity; water; heating", "accessibility": Property.Accessibility.UNKNOWN,
        "renovation_cost_min": 5000, "renovation_cost_max": 12000,
        "suitable_uses": "shelter; social-housing", "term_years": 5, "renewable": "yes",
        "utilities_paid_by": Property.Payer.USER, "maintenance_paid_by": Property.Payer.SHARED,
        "restrictions": "", "available_from": "2026-01-01", "available_until": "",
        "contact_name": "", "contact_email": "", "contact_phone": "",
    }]
