"""Filling's API schemas: inspections, their answers, photos and signatures, the review's
requests and the audit trail. The phone's offline client (``static/js/inspect.js``) sends
``AnswerWrite``, ``PhotoUpload`` and ``InspectionUpdate``; their names and types are a contract
with records queued on phones before a deploy."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from flask_babel import gettext as _
from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
)

from checklists.core.schemas import (
    Blank,
    Date,
    DecimalIn,
    DecimalText,
    Id,
    In,
    JsonValue,
    Moment,
    Out,
    Page,
    QueryInt,
    Required,
    Sha256,
    Text,
    Uuid,
    refuse,
    required_in_document,
)
from inspections.filling.models import InspectionStatus, PhotoKind

#: ``checklists.scoring.RESULTS`` (a tuple, not a StrEnum): an item's verdict.
Result = Literal["pass", "fail", "na", "unanswered"]
#: What the audit trail records of an inspection (``workflow.record``'s actions).
AuditAction = Literal["submitted", "returned", "approved"]

#: The service's zone (Asia/Shanghai, no summer time): a photo's EXIF time without an offset.
_SERVICE_ZONE = dt.timezone(dt.timedelta(hours=8))


def _within(limit: int) -> AfterValidator:
    def check(value: Decimal) -> Decimal:
        if abs(value) > limit:
            raise refuse(_("Must be between -%(n)s and %(n)s.", n=limit))
        return value

    return AfterValidator(check)


def _range(limit: int) -> WithJsonSchema:
    """``DecimalIn``'s schema with its bounds."""
    return WithJsonSchema(
        {
            "type": ["number", "string"],
            "pattern": "^-?[0-9]+(\\.[0-9]+)?$",
            "minimum": -limit,
            "maximum": limit,
        }
    )


#: Degrees north (a JSON number or a numeric string), -90 to 90.
Latitude = Annotated[DecimalIn, _within(90), _range(90)]
#: Degrees east (a JSON number or a numeric string), -180 to 180.
Longitude = Annotated[DecimalIn, _within(180), _range(180)]
#: Metres, as the device reports them (stored without the sign, to 0.1 m).
Accuracy = Annotated[DecimalIn, _within(100000), _range(100000)]


def _local_if_naive(value: Any) -> Any:
    """A time without an offset (a photo's EXIF time) is the service's: +08:00."""
    if not isinstance(value, str):
        return value
    try:
        moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return value  # ``Moment`` says what is wrong with it
    if moment.tzinfo is None:
        return moment.replace(tzinfo=_SERVICE_ZONE).isoformat()
    return value


#: A moment in ISO 8601; without an offset it is the service's time (+08:00), as EXIF's is.
LocalMoment = Annotated[Moment, BeforeValidator(_local_if_naive)]

#: A score with its one decimal as text ("100.0", "87.5"): the decimal is part of it.
ScoreText = Annotated[
    Decimal,
    PlainSerializer(str, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": "^-?[0-9]+\\.[0-9]$"}),
]


# --- requests ---------------------------------------------------------------------------------


class InspectionQuery(Page):
    status: Annotated[InspectionStatus | None, Blank] = None
    organisation_id: Annotated[QueryInt | None, Blank] = None


class InspectionCreate(In):
    uuid: Annotated[Uuid, Required] = Field(
        description="made on the device; the same uuid again answers 200 with the inspection"
    )
    template_id: Annotated[Id, Required] = Field(description="a published template version")
    organisation_id: Annotated[Id, Required] = Field(
        description="an organisation the caller may see"
    )
    planned_on: Annotated[Date | None, Blank] = None
    inspector_ids: list[Id] | None = Field(
        None,
        description=(
            "who inspects; none: the creator. Inspectors may assign only themselves, "
            "supervisors any active inspector or supervisor"
        ),
    )
    project: Annotated[Text, Field(max_length=200)] = Field(
        "", description="a purchase or building project the inspection concerns"
    )
    basis_override: Annotated[Text, Field(max_length=1000)] = Field(
        "",
        description=(
            "why it goes ahead although a document it rests on is repealed or out of force on "
            "its date (recorded with who gave it); without it such a create answers 409"
        ),
    )


class LocationUpdate(In):
    lat: Latitude
    lon: Longitude
    accuracy: Accuracy | None = None


class InspectionUpdate(In):
    """Only the fields given change."""

    location: LocationUpdate | None = Field(None, description="where it was done; null forgets it")
    planned_on: Annotated[Date | None, Blank] = None
    project: Annotated[Text, Field(max_length=200)] = ""


class AnswerWrite(In):
    """One answer write; see Sync in the README for client_id, answered_at and template_id."""

    value: JsonValue = Field(
        description=(
            'By the item\'s answer type: "yes"/"no", a number (a JSON number or a numeric '
            'string), a choice value, a date, text, "na"; a parts item\'s list of the part '
            'values present ([] for none of them, "以上均无", judged fail); a date_pair item\'s '
            '{"from": "YYYY-MM-DD", "to": "YYYY-MM-DD"} (received, answered; to not before '
            "from); a barcode item's scanned or typed code (text, stripped, at most 500 "
            'characters, no control characters such as newlines); null or "" is unanswered. '
            "A number has at most 15 significant digits and is not negative for a length, area, "
            "mass, time or age unit (else 422 with fields.value)"
        )
    )
    unit: Text | None = None
    note: Annotated[Text, Field(max_length=2000)] | None = ""
    answered_at: Annotated[Moment | None, Blank] = Field(
        None, description="the device's time; absent: the receipt's"
    )
    client_id: Annotated[Text, Field(min_length=1, max_length=64)] | None = Field(
        None, description="made on the device: the same write again is stored once"
    )
    template_id: Id | None = Field(
        None, description="the template version the form was made from; another → 409 stale_form"
    )
    instance: (
        Annotated[Text, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")] | None
    ) = Field(
        None,
        description=(
            "for an item of a repeated section: the key of the instance (made on the device, "
            "see PUT …/instances/{key}); an instance not yet known is added, unnamed"
        ),
    )


class InstanceWrite(In):
    """An instance of a repeated section (a warehouse, a vehicle): added, or renamed."""

    model_config = ConfigDict(json_schema_extra=required_in_document("section_id"))

    section_id: Id | None = Field(None, description="the repeated section")
    label: Annotated[Text, Field(max_length=100)] = Field(
        "",
        description="the inspector's name for it (1号仓库); empty: the section's noun and number",
    )
    position: Annotated[int, Field(ge=0, le=100_000)] | None = None


class Instance(Out):
    """An instance of a repeated section in an inspection."""

    key: str
    section_id: int
    label: str = Field(description="as shown: the inspector's name, else the noun and number")
    position: int
    removed: bool = Field(description="set aside: its answers are kept, not scored")


def _file_part(schema: dict[str, Any]) -> None:
    """The file is a part of its own (read by the view, not validated here), but required; an
    item's photo (``kind`` item, the default) needs its ``item_id``."""
    schema["properties"]["file"].pop("default", None)
    schema["required"] = ["file", *schema.get("required", [])]
    required_in_document("item_id", when={"kind": {"const": PhotoKind.ITEM.value}})(schema)


def _item_if_blank(value: Any) -> Any:
    return value or PhotoKind.ITEM


_SHA256 = re.compile(r"[0-9a-fA-F]{64}")


def _sha256_hex(value: str) -> str:
    if not _SHA256.fullmatch(value):
        raise refuse(_("Give the SHA-256 of the original photo (64 hexadecimal digits)."))
    return value.lower()


#: A photo's SHA-256 as a client names it (hexadecimal, either case; read in lower case).
Sha256In = Annotated[
    Text,
    AfterValidator(_sha256_hex),
    WithJsonSchema({"type": "string", "pattern": "^[0-9a-fA-F]{64}$"}),
]


class PhotoUpload(In):
    """A photo of an item (``item_id``) or a signature (``kind``), with the device's time and
    place; every field but ``file`` may be left out or empty."""

    model_config = ConfigDict(json_schema_extra=_file_part)

    file: bytes = Field(b"", description="the photo: JPEG, PNG or WebP (not HEIC)")
    item_id: Annotated[QueryInt | None, Blank] = None
    kind: Annotated[PhotoKind, BeforeValidator(_item_if_blank)] = PhotoKind.ITEM
    taken_at: Annotated[LocalMoment | None, Blank] = Field(
        None, description="from the photo's EXIF; without an offset it is +08:00"
    )
    lat: Annotated[Latitude | None, Blank] = None
    lon: Annotated[Longitude | None, Blank] = None
    instance: Annotated[
        Annotated[Text, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")] | None,
        Blank,
    ] = Field(None, description="for an item of a repeated section: the instance's key")
    annotates: Annotated[Sha256In | None, Blank] = Field(
        None,
        description=(
            "an annotated copy (marks drawn on the phone): the SHA-256 of its original, a photo "
            "of the same item (and instance; absent: the original's) in this inspection, sent "
            "before it; the original stays the evidence and the copy is not counted as a photo"
        ),
    )


class ReturnRequest(In):
    model_config = ConfigDict(json_schema_extra=required_in_document("comment"))

    comment: Text = Field("", description="what needs correcting")


class ApproveRequest(In):
    comment: Text = ""


# --- answers ----------------------------------------------------------------------------------


class Answer(Out):
    """An item's answer as stored (one write)."""

    value: JsonValue = Field(
        description=(
            'The normalised answer: "yes"/"no", a number as a decimal string, a choice value, '
            'a date, text, "na"; a parts item\'s list of part values present ([] when none of '
            'them is); a date_pair item\'s {"from", "to"} (ISO dates); null when unanswered'
        )
    )
    unit: str | None
    note: str
    instance: str = Field("", description="the repeated section's instance; empty: none")
    answered_at: Moment = Field(description="the device's time, never later than the receipt")
    answered_by: int | None
    client_id: str | None
    revision: int
    clock_flag: Literal["ahead", "before_inspection"] | None = Field(
        description=(
            "ahead: the device's clock was more than 5 minutes ahead; before_inspection: "
            "stamped more than 5 minutes before the inspection existed"
        )
    )


class Progress(Out):
    answered: int = Field(description="required items answered")
    required: int


class AnswerResult(Out):
    item_id: int
    result: Result = Field(description="this write's verdict")
    reason: str
    current: bool = Field(description="this write is the item's current answer")
    answer: Answer = Field(description="the item's current answer")
    progress: Progress
    instance: str = Field("", description="the repeated section's instance; empty: none")


class Photo(Out):
    """A photo of an item or a signature: one use of a stored file."""

    id: int
    sha256: Sha256 = Field(description="of the file as received")
    kind: PhotoKind
    item_id: int | None
    instance: str = Field("", description="the repeated section's instance; empty: none")
    width: int
    height: int
    byte_size: int
    taken_at: Moment | None = Field(description="as the device reported it")
    lat: DecimalText | None
    lon: DecimalText | None
    exif_taken_at: Moment | None
    exif_lat: DecimalText | None
    exif_lon: DecimalText | None
    uploaded_at: Moment
    url: str
    thumbnail_url: str
    annotates: Sha256 | None = Field(
        None, description="an annotated copy: the SHA-256 of its original; null: an original"
    )
    annotations: list[Sha256] = Field(
        [], description="an original's annotated copies, oldest first (the last is shown)"
    )


class InspectionTemplate(Out):
    id: int
    version: int
    name: str


class InspectionSummary(Out):
    """An inspection as listed."""

    uuid: Uuid
    status: InspectionStatus
    revision: int = Field(description="1, and +1 each time a supervisor returns it")
    organisation_id: int
    organisation: str
    site_id: int | None
    project: str
    planned_on: Date | None
    template: InspectionTemplate
    inspectors: list[int]
    created_at: Moment
    submitted_at: Moment | None
    score: ScoreText | None
    verdict: Literal["pass", "fail"] | None
    grade: str | None
    return_comment: str


class InspectionLocation(Out):
    lat: DecimalText
    lon: DecimalText
    accuracy: DecimalText | None = Field(description="metres")


class InspectionSection(Out):
    title: str
    score: ScoreText | None
    counts: dict[Result, int] = Field(description="how many items have each result")


class MissingItem(Out):
    item_id: int
    code: Literal["unanswered", "photo_required"]


class InstanceAnswer(Out):
    key: str
    label: str
    answer: Answer | None
    result: Result
    reason: str
    photos: list[Sha256]


class InspectionItem(Out):
    item_id: int
    clause_key: str
    citation: str
    answer: Answer | None
    result: Result
    reason: str
    photos: list[Sha256] = Field(
        description="the SHA-256 of each photo (originals; annotated copies are in photos)"
    )
    writes: int = Field(description="how many answers were written (the history)")
    conflict: bool = Field(description="two people answered it differently in this revision")
    instances: list[InstanceAnswer] = Field(
        [], description="an item of a repeated section: its answer in each live instance"
    )


class Inspection(InspectionSummary):
    """One inspection with its items, answers, results and photos. Later features add keys
    (the findings feature: ``findings``)."""

    model_config = ConfigDict(extra="allow", json_schema_serialization_defaults_required=True)

    location: InspectionLocation | None
    progress: Progress
    complete: bool
    missing: list[MissingItem] = Field(description="required items unanswered or unphotographed")
    explanation: list[str] = Field(description="how the score came about, line by line")
    sections: list[InspectionSection]
    items: list[InspectionItem]
    photos: list[Photo]
    instances: list[Instance] = Field([], description="the instances of repeated sections")


class InspectionState(Out):
    status: InspectionStatus
    revision: int
    score: ScoreText | None
    verdict: Literal["pass", "fail"] | None
    grade: str | None


class AuditEntry(Out):
    id: int
    at: Moment
    actor: str | None
    actor_id: int | None
    action: AuditAction
    before: InspectionState
    after: InspectionState
    comment: str
