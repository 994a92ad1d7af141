"""Query parameters of the API: one declaration per parameter, used both to parse a request (anything
unknown or malformed is a 400 naming the parameter) and to describe it in the OpenAPI schema."""

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from drf_spectacular.utils import OpenApiParameter

from network.places import COUNTRY_CODES

from .errors import BadParameter

MAX_ID = 2**63 - 1
MAX_PAGE = 10**9
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,140}$")
DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?([Zz]|[+-]\d{2}:?\d{2})?)?$"


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # "choice", "slug", "text", "decimal", "id", "date", "datetime", "page", "page_size"
    description: str
    choices: tuple = field(default_factory=tuple)

    def parse(self, raw: str):
        if "\x00" in raw:
            raise ValueError("must not contain NUL characters")
        value = raw.strip()
        if self.kind == "choice":
            if self.name == "country":
                value = value.upper()
            if value not in self.choices:
                raise ValueError(f"must be one of: {', '.join(self.choices)}")
            return value
        if self.kind == "slug":
            if not SLUG.match(value):
                raise ValueError("must be a slug: letters, digits, dashes and underscores, at most 140")
            return value
        if self.kind == "text":
            if len(value) > 200:
                raise ValueError("must be at most 200 characters")
            return value
        if self.kind == "decimal":
            try:
                number = Decimal(value)
            except InvalidOperation:
                raise ValueError("must be a number") from None
            if not number.is_finite() or number < 0 or number > 10**9:
                raise ValueError("must be a number between 0 and 1000000000")
            return number
        if self.kind in ("id", "page", "page_size"):
            if not re.fullmatch(r"[0-9]{1,19}", value):
                raise ValueError("must be a positive whole number")
            number = int(value)
            upper = {"id": MAX_ID, "page": MAX_PAGE, "page_size": MAX_PAGE_SIZE}[self.kind]
            if not 1 <= number <= upper:
                raise ValueError(f"must be between 1 and {upper}")
            return number
        if self.kind == "date":
            try:
                date = parse_date(value)
            except ValueError:
                date = None
            if date is None:
                raise ValueError("must be a date, YYYY-MM-DD")
            return date
        if self.kind == "datetime":
            moment = None
            if re.fullmatch(DATETIME_PATTERN, value):
                text = value.upper().replace(" ", "T")
                try:
                    moment = parse_datetime(text) if "T" in text else None
                    if moment is None and len(text) == 10:
                        date = parse_date(text)
                        moment = dt.datetime.combine(date, dt.time()) if date else None
                except ValueError:
                    moment = None
            if moment is None:
                raise ValueError("must be a date (YYYY-MM-DD) or a date and time (ISO 8601)")
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment, dt.UTC)
            return moment
        raise AssertionError(self.kind)  # pragma: no cover

    def openapi(self) -> OpenApiParameter:
        """The parameter in the schema, as strict as the parser: a value the schema allows is accepted."""
        if self.kind == "choice":
            schema = {"type": "string", "enum": list(self.choices)}
        elif self.kind == "slug":
            schema = {"type": "string", "pattern": SLUG.pattern, "minLength": 1, "maxLength": 140}
        elif self.kind == "text":
            schema = {"type": "string", "maxLength": 200, "pattern": r"^[^\u0000]*$"}
        elif self.kind == "decimal":
            schema = {"type": "number", "minimum": 0, "maximum": 10**9}
        elif self.kind in ("id", "page", "page_size"):
            upper = {"id": MAX_ID, "page": MAX_PAGE, "page_size": MAX_PAGE_SIZE}[self.kind]
            schema = {"type": "integer", "minimum": 1, "maximum": upper}
        elif self.kind == "date":
            schema = {"type": "string", "format": "date"}
        else:
            schema = {"type": "string", "pattern": DATETIME_PATTERN}
        return OpenApiParameter(self.name, schema, OpenApiParameter.QUERY, description=self.description)


COUNTRY = Param("country", "choice", "ISO code of one of the six countries.", COUNTRY_CODES)
PAGE = Param("page", "page", "Page number, from 1.")
PAGE_SIZE = Param("page_size", "page_size", f"Rows per page, {DEFAULT_PAGE_SIZE} by default, at most {MAX_PAGE_SIZE}.")
FORMAT = Param("format", "choice", "Only json.", ("json",))
PAGINATION = (PAGE, PAGE_SIZE)


def parse_query(query_params, params) -> dict:
    """The parsed values of the declared parameters present in the request. Unknown names, repeated
    names and malformed values raise `BadParameter` naming the parameter."""
    declared = {param.name: param for param in (*params, FORMAT)}
    values = {}
    for name in query_params:
        if name not in declared:
            raise BadParameter(name, "is not a parameter of this endpoint")
        raw = query_params.getlist(name)
        if len(raw) > 1:
            raise BadParameter(name, "is given more than once")
        if raw[0].strip() == "" and name not in ("q",):
            continue
        try:
            values[name] = declared[name].parse(raw[0])
        except ValueError as error:
            raise BadParameter(name, str(error)) from None
    return values
