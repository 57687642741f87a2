"""The shared request types and refusals (``checklists.core.schemas``), row by row: what each
accepts, what it turns it into, and the field name and Chinese message of each refusal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal

import pytest
from pydantic import Field

from checklists.core.schemas import (
    ID_MAX,
    INT64_MAX,
    Blank,
    Date,
    DecimalIn,
    DecimalText,
    Id,
    In,
    Moment,
    Out,
    Query,
    QueryInt,
    Refused,
    RequiredText,
    Text,
    Uuid,
    dump,
    parse,
)
from wsgi import create_app


class Colour(StrEnum):
    RED = "red"
    BLUE = "blue"


class Where(In):
    lat: DecimalIn


class Body(In):
    name: RequiredText
    id: Id | None = None
    on: Date | None = None
    at: Moment | None = None
    key: Uuid | None = None
    amount: DecimalIn | None = None
    colour: Colour | None = None
    size: Literal["s", "m"] | None = None
    note: Annotated[Text, Field(max_length=3)] = ""
    ids: list[Id] = []
    where: Where | None = None


class Filters(Query):
    n: Annotated[QueryInt | None, Blank] = None


@pytest.fixture(scope="module")
def _app():
    """One app for the module: the tests only read its translations (no database, no config)."""
    return create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})


@pytest.fixture(autouse=True)
def _chinese(_app):
    """Each test in its own request, in Chinese."""
    with _app.test_request_context(headers={"Accept-Language": "zh"}):
        yield


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("id", 7, 7),
        ("id", ID_MAX, ID_MAX),
        ("id", ID_MAX + 1, 0),  # beyond the database's ids: names no record, as 0 does
        ("id", INT64_MAX, 0),
        ("on", "2026-11-20", dt.date(2026, 11, 20)),
        ("at", "2026-11-20T09:30:00+08:00", dt.datetime(2026, 11, 20, 1, 30, tzinfo=dt.UTC)),
        ("at", "2026-11-20T01:30:00Z", dt.datetime(2026, 11, 20, 1, 30, tzinfo=dt.UTC)),
        ("key", "6F9619FF-8B86-D011-B42D-00C04FC964FF", "6f9619ff-8b86-d011-b42d-00c04fc964ff"),
        ("amount", 0.29, Decimal("0.29")),
        ("amount", "480", Decimal("480")),
        ("amount", 10**20, Decimal(10**20)),
        ("colour", "blue", Colour.BLUE),
        ("note", "", ""),
        ("ids", [1, 2], [1, 2]),
    ],
)
def test_accepted(field, value, expected):
    assert getattr(parse(Body, {"name": "x", field: value}), field) == expected


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"name": "x", "id": "7"}, "id", "必须是整数。"),
        ({"name": "x", "id": True}, "id", "必须是整数。"),
        ({"name": "x", "id": 0}, "id", "不能小于 1。"),
        ({"name": "x", "id": INT64_MAX + 1}, "id", f"不能大于 {INT64_MAX}。"),
        ({"name": "x", "on": "2026-02-30"}, "on", "请按 YYYY-MM-DD 格式填写日期。"),
        ({"name": "x", "on": 20261120}, "on", "请按 YYYY-MM-DD 格式填写日期。"),
        ({"name": "x", "at": "2026-11-20T09:30:00"}, "at", "时间须带时区偏移（如 +08:00）。"),
        ({"name": "x", "key": "nope"}, "key", "不是有效的 UUID。"),
        ({"name": "x", "amount": "1,5"}, "amount", "必须是数字。"),
        ({"name": "x", "amount": True}, "amount", "必须是数字。"),
        ({"name": "x", "amount": "NaN"}, "amount", "必须是数字。"),
        ({"name": "x", "colour": "green"}, "colour", "必须是以下之一：red, blue。"),
        ({"name": "x", "size": "xl"}, "size", "必须是以下之一：s, m。"),
        ({"name": "x", "note": "abcd"}, "note", "必须是不超过 3 个字符的文本。"),
        ({"name": "x", "note": 5}, "note", "必须是文本。"),
        ({"name": "x", "ids": [1, "2"]}, "ids", "必须是整数。"),
        ({"name": "x", "where": {"lat": "x"}}, "where.lat", "必须是数字。"),
        ({"name": "x", "where": {}}, "where.lat", "此项为必填项。"),
        ({"name": "x", "where": 5}, "where", "应为对象。"),
        ({"name": "x", "color": "red"}, "color", "未知字段。"),
    ],
)
def test_invalid_is_named_in_chinese(body, field, message):
    with pytest.raises(Refused) as refused:
        parse(Body, body)
    assert refused.value.missing == {}
    assert refused.value.invalid == {field: message}


@pytest.mark.parametrize("name", [None, "", "absent"])
def test_required_text_absent_null_or_empty_is_missing(name):
    body = {} if name == "absent" else {"name": name}
    with pytest.raises(Refused) as refused:
        parse(Body, body)
    assert refused.value.missing == {"name": "此项为必填项。"}


@pytest.mark.parametrize("at", ["0001-01-01T00:00:00+08:00", "9999-12-31T23:00:00-05:00"])
def test_a_moment_outside_the_years_1_to_9999_in_utc_is_refused(at):
    """Its offset would carry it into the year 0 or 10000 (an OverflowError, a 500, before)."""
    with pytest.raises(Refused) as refused:
        parse(Body, {"name": "x", "at": at})
    assert set(refused.value.invalid) == {"at"}
    assert "9999" in refused.value.invalid["at"]


def test_queries_convert_text_ignore_unknown_and_blank():
    assert parse(Filters, {"n": "12", "_": "cache-buster"}).n == 12
    assert parse(Filters, {"n": str(ID_MAX + 1)}).n == 0  # no record has it
    assert parse(Filters, {"n": ""}).n is None
    with pytest.raises(Refused) as refused:
        parse(Filters, {"n": str(INT64_MAX + 1)})
    assert set(refused.value.invalid) == {"n"}


class Answer(Out):
    on: Date
    at: Moment
    amount: DecimalText


def test_answers_write_dates_moments_and_decimals_as_text():
    naive_utc = dt.datetime(2026, 11, 20, 1, 30)  # as SQLite gives it back
    written = dump(Answer(on=dt.date(2026, 11, 20), at=naive_utc, amount=Decimal("29.000")))
    assert written == {"on": "2026-11-20", "at": "2026-11-20T01:30:00+00:00", "amount": "29"}
    kept = Answer(on=dt.date(2026, 11, 20), at=naive_utc, amount=Decimal("1E+2")).model_dump()
    assert kept["on"] == dt.date(2026, 11, 20)  # Python mode keeps the types (for services)
    assert dump(Answer(on=kept["on"], at=naive_utc, amount=Decimal("1E+2")))["amount"] == "100"
