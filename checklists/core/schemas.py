"""The API's request and response schemas: base classes and the types every feature shares.

Each feature writes its bodies, query strings and answers once, as pydantic models built on
these (its ``schemas.py``). The same models validate what comes in (``parse``: a refusal is a
flat map of field name → translated message), produce what goes out (``Out``: a builder fills
the model, ``dump`` writes its JSON), and the OpenAPI document is generated from them
(``checklists.core.apidoc``). Types with a contract of their own (dates, moments with offsets,
decimals written as text, UUIDs, ids within 64 bits) are defined here and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from flask_babel import gettext as _
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    PlainSerializer,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationError,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError, core_schema

from checklists.core.db import as_utc

M = TypeVar("M", bound=BaseModel)

#: The largest whole number an id, a page or a year in a request can be (PostgreSQL's BIGINT).
INT64_MAX = 2**63 - 1
#: The largest id a record can have: ids are INTEGER columns, 32 bits on PostgreSQL (an id
#: between the two is read, and names no record).
ID_MAX = 2**31 - 1


class In(BaseModel):
    """A request body or query string: unknown fields are refused, each by its name."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Query(In):
    """A query string: parameters arrive as text and are converted; unknown ones are ignored
    (cache-busters and tracking parameters are not the caller's mistake)."""

    model_config = ConfigDict(extra="ignore", frozen=True)


class Out(BaseModel):
    """An answer: every field is always written, so the document marks them all required.
    A model whose fields are a record's attributes is read from it (``model_validate(row)``)."""

    model_config = ConfigDict(
        extra="forbid", json_schema_serialization_defaults_required=True, from_attributes=True
    )


def required_in_document(*names: str, when: dict[str, Any] | None = None):
    """``json_schema_extra`` for a model whose ``names`` the document marks required although
    the model lets them be absent: the service refuses their absence in its own words (422,
    naming the field), or the view reads them (a file part). ``when`` makes it conditional:
    the properties (JSON Schema) under which they are required, e.g. ``{"kind": {"const":
    "item"}}``."""

    def extra(schema: dict[str, Any]) -> None:
        if when is not None:
            schema["if"] = {"properties": when}
            given = {"not": {"type": "null"}, "minLength": 1}  # null and "" are absent
            schema["then"] = {"required": list(names), "properties": dict.fromkeys(names, given)}
            return
        schema["required"] = [*schema.get("required", []), *names]
        for name in names:
            field = schema["properties"][name]
            field.pop("default", None)
            if field.get("type") == "string" and "format" not in field:
                field["minLength"] = 1  # "" is as absent as no field at all

    return extra


def dump(model: BaseModel) -> dict[str, Any]:
    """The JSON-ready dict of an answer (the types below write themselves)."""
    return model.model_dump(mode="json")


# --- errors -----------------------------------------------------------------------------------

#: Error types whose message was written (and translated) where it was raised.
_OWN_MESSAGE = "clausecheck"


def refuse(message: str) -> PydanticCustomError:
    """A validation error with a message of our own (already translated)."""
    return PydanticCustomError(_OWN_MESSAGE, message)


def _expected(ctx: dict[str, Any]) -> str:
    return str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")


def _message(error: dict[str, Any]) -> str:
    """One pydantic error in words the caller reads (Chinese by default)."""
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == _OWN_MESSAGE:
        return error["msg"]
    if kind == "missing":
        return _("This field is required.")
    if kind == "extra_forbidden":
        return _("Unknown field.")
    if kind in ("int_type", "int_parsing", "int_from_float", "int_parsing_size"):
        return _("Must be a whole number.")
    if kind in ("string_type", "string_unicode"):
        return _("Must be text.")
    if kind in ("bool_type", "bool_parsing"):
        return _("Expected true or false.")
    if kind in ("list_type", "tuple_type", "set_type"):
        return _("Expected a list.")
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return _("Expected an object.")
    if kind in ("decimal_type", "decimal_parsing", "float_type", "float_parsing", "finite_number"):
        return _("Must be a number.")
    if kind in ("uuid_type", "uuid_parsing", "uuid_version"):
        return _("Not a UUID.")
    if kind in ("enum", "literal_error"):
        return _("Must be one of: %(choices)s.", choices=_expected(ctx))
    if kind == "string_too_long":
        return _("Must be text of at most %(n)d characters.", n=ctx.get("max_length", 0))
    if kind in ("string_too_short", "too_short"):
        return _("This field is required.")
    if kind == "too_long":
        return _("At most %(n)s entries.", n=ctx.get("max_length", 0))
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        return (
            _("Must be at least %(n)s.", n=bound)
            if kind == "greater_than_equal"
            else _("Must be more than %(n)s.", n=bound)
        )
    if kind in ("less_than_equal", "less_than"):
        bound = ctx.get("le", ctx.get("lt"))
        return (
            _("Must be at most %(n)s.", n=bound)
            if kind == "less_than_equal"
            else _("Must be less than %(n)s.", n=bound)
        )
    return _("The data is not valid.")


def _field_name(loc: tuple[Any, ...]) -> str:
    """``("location", "lat")`` → ``location.lat``; list positions name the list."""
    parts = [str(part) for part in loc if not isinstance(part, int)]
    return ".".join(parts) or "body"


class Refused(Exception):
    """What ``parse`` found wrong: ``missing`` (required fields absent: the request is
    malformed, 400) and ``invalid`` (present but wrong: 422), each field → message."""

    def __init__(self, missing: dict[str, str], invalid: dict[str, str]) -> None:
        super().__init__({**missing, **invalid})
        self.missing, self.invalid = missing, invalid


def parse(model: type[M], data: Any) -> M:
    """``data`` as ``model``, or ``Refused`` naming every field that is wrong and why."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        missing: dict[str, str] = {}
        invalid: dict[str, str] = {}
        for error in exc.errors(include_url=False):
            name = _field_name(error["loc"])
            top_level_absent = error["type"] == "missing" and len(error["loc"]) == 1
            into = missing if top_level_absent else invalid
            into.setdefault(name, _message(error))
        raise Refused(missing, invalid) from None


# --- shared types -----------------------------------------------------------------------------


def _required(value: Any) -> Any:
    if value is None or value == "":
        raise PydanticCustomError("missing", "required")
    return value


def _blank_is_absent(value: Any) -> Any:
    return None if value == "" else value


#: A field that must be given: absent, null and "" are all "required" (a malformed request).
Required = BeforeValidator(_required)


class _Blank:
    """``Annotated[T | None, Blank]``: "" is the same as leaving the field out (a GET form's
    "all", an empty form field), and the document says so (``T``, null or "")."""

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_before_validator_function(_blank_is_absent, handler(source))

    def __get_pydantic_json_schema__(self, schema: Any, handler: GetJsonSchemaHandler) -> Any:
        return {"anyOf": [handler(schema), {"const": ""}]}


Blank = _Blank()


def _whole_float(value: Any) -> Any:
    """40.0 is the whole number 40 (JSON Schema agrees); 40.5 stays a refusal."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _date_in(value: Any) -> Any:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        raise refuse(_("Give a date as YYYY-MM-DD."))
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise refuse(_("Give a date as YYYY-MM-DD.")) from None


def _moment_in(value: Any) -> Any:
    """ISO 8601 with an offset (``Z`` is UTC), in UTC."""
    if isinstance(value, dt.datetime):
        return as_utc(value)
    if not isinstance(value, str):
        raise refuse(_("Give a date and time as ISO 8601."))
    try:
        moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise refuse(_("Give a date and time as ISO 8601.")) from None
    if moment.tzinfo is None:
        raise refuse(_("Give the time with its offset (+08:00)."))
    try:
        return moment.astimezone(dt.UTC)
    except OverflowError:  # 0001-01-01T00:00+08:00 is in the year 0 in UTC
        raise refuse(_("The date and time fall outside the years 1 to 9999.")) from None


def _uuid_in(value: Any) -> Any:
    if isinstance(value, uuidlib.UUID):
        return str(value)
    if not isinstance(value, str):
        raise refuse(_("Not a UUID."))
    try:
        return str(uuidlib.UUID(value.strip()))
    except ValueError:
        raise refuse(_("Not a UUID.")) from None


def _decimal_in(value: Any) -> Any:
    """A JSON number or a numeric string; booleans are not numbers."""
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise refuse(_("Must be a number."))
    try:
        number = Decimal(str(value).strip()) if not isinstance(value, Decimal) else value
    except ArithmeticError:
        raise refuse(_("Must be a number.")) from None
    if not number.is_finite():
        raise refuse(_("Must be a number."))
    return number


def _decimal_text(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _iso_moment(value: dt.datetime) -> str:
    return as_utc(value).isoformat()


_DATE_SCHEMA = {"type": "string", "format": "date"}
_MOMENT_SCHEMA = {"type": "string", "format": "date-time"}
_DECIMAL_SCHEMA = {"type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$"}


def _no_record_beyond_ids(value: int) -> int:
    """An id beyond ``ID_MAX`` names no record, as 0 does (ids start at 1): a lookup finds
    nothing and a filter keeps nothing, instead of overflowing PostgreSQL's INTEGER."""
    return value if value <= ID_MAX else 0


#: A database id in a body: a JSON whole number within 64 bits ("5" and true are refused).
Id = Annotated[
    StrictInt,
    BeforeValidator(_whole_float),
    Field(ge=1, le=INT64_MAX),
    AfterValidator(_no_record_beyond_ids),
]
#: An id from a query string or a form ("5" is 5), within 64 bits.
QueryInt = Annotated[int, Field(ge=1, le=INT64_MAX), AfterValidator(_no_record_beyond_ids)]


def query_id(raw: Any) -> int | None:
    """A record's id as a page's query string or form sends it (``?organisation_id=7``): None
    for anything but ASCII digits (a filter left out; ``²`` and ``١`` are digits to
    ``str.isdigit`` that ``int`` refuses or reads); 0 for a number beyond the ids a record
    can have (``ID_MAX``), which names no record as 0 does (ids start at 1), so that a filter
    by it keeps nothing and a lookup finds nothing instead of overflowing the database."""
    text = str(raw if raw is not None else "").strip()
    if not (text.isascii() and text.isdigit()):
        return None
    digits = text.lstrip("0") or "0"
    if len(digits) > len(str(INT64_MAX)):  # and never int() of 5,000 digits (a ValueError)
        return 0
    number = int(digits)
    return number if number <= ID_MAX else 0


#: Text, never a number or a boolean in disguise.
Text = StrictStr
#: Text that must be given: absent, null and "" are all "required".
RequiredText = Annotated[StrictStr, Required, Field(min_length=1)]
Flag = StrictBool
#: A calendar day, ``YYYY-MM-DD`` both ways.
Date = Annotated[
    dt.date,
    BeforeValidator(_date_in),
    PlainSerializer(dt.date.isoformat, return_type=str, when_used="json"),
    WithJsonSchema(_DATE_SCHEMA),
]
#: A moment with its offset (ISO 8601; ``Z`` or ``+08:00`` in, UTC with ``+00:00`` out).
Moment = Annotated[
    dt.datetime,
    BeforeValidator(_moment_in),
    PlainSerializer(_iso_moment, return_type=str, when_used="json"),
    WithJsonSchema(_MOMENT_SCHEMA),
]
#: A UUID in its canonical lower-case text.
Uuid = Annotated[
    str, BeforeValidator(_uuid_in), WithJsonSchema({"type": "string", "format": "uuid"})
]
#: An exact number in: a JSON number or a numeric string (never a binary float inside).
DecimalIn = Annotated[
    Decimal,
    BeforeValidator(_decimal_in),
    WithJsonSchema({"type": ["number", "string"], "pattern": "^-?[0-9]+(\\.[0-9]+)?$"}),
]
#: An exact number out: written as text so no client reads it as a binary float.
DecimalText = Annotated[
    Decimal,
    PlainSerializer(_decimal_text, return_type=str, when_used="json"),
    WithJsonSchema(_DECIMAL_SCHEMA),
]
#: A SHA-256 in lower-case hex.
Sha256 = Annotated[str, Field(pattern="^[0-9a-f]{64}$")]
#: Any JSON value (an answer's value: its item's answer type says which).
JsonValue = Any


class Page(Query):
    """``?page=&per_page=`` of every list (default 100, at most 1000)."""

    #: At most what keeps (page − 1) × 1000 rows of offset within the database's 64 bits.
    page: Annotated[int, Field(ge=1, le=INT64_MAX // 1000)] = 1
    per_page: Annotated[int, Field(ge=1, le=1000)] = 100


class ErrorDetail(Out):
    code: str = Field(description="what went wrong, for programs: bad_request, invalid, …")
    message: str = Field(description="for people: Chinese, English with Accept-Language: en")
    fields: dict[str, str] = Field(description="field name → what is wrong with it")


class Error(Out):
    """Every error answer of the API."""

    error: ErrorDetail
