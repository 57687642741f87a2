"""Everything a Chinese user reads is Chinese (issue 21, "In the office"): the engine's reasons
name units in Chinese (3 年, 480 平方米, 12 个工作日); the exports head their columns in Chinese
and write a status, verdict, severity or result as its label, its code in a column of its own
headed “…代码”; the report and the 整改通知书 show no status, severity or result code."""

from __future__ import annotations

import csv
import html as htmllib
import io
import re
from typing import Any

import pytest
from openpyxl import load_workbook

from checklists.core.clock import local_today
from checklists.core.extensions import db
from checklists.scoring import Answer, AnswerError, ItemSpec, evaluate, parse_value
from checklists.scoring.units import UNITS, display_name
from inspections.filling import workflow
from inspections.findings.export import COLUMNS as FINDINGS_COLUMNS
from inspections.findings.models import RectificationNotice
from inspections.review import exports
from tests import test_inspections, test_workflow
from tests.conftest import login
from tests.test_inspections import passing_value
from tests.test_templates import by_prompt

coal = test_workflow.coal
world = test_inspections.world

LATIN = re.compile("[A-Za-z]")


def number(op: str, value: Any, unit: str | None, answer_type: str = "number") -> ItemSpec:
    rule: dict[str, Any] = {"op": op, "value": value}
    if unit:
        rule["unit"] = unit
    return ItemSpec(id=1, answer_type=answer_type, rule=rule)


# --- reasons ----------------------------------------------------------------------------------

RANGE = ItemSpec(
    id=1, answer_type="number", rule={"op": "range", "low": 6, "high": 10, "unit": "m"}
)


@pytest.mark.parametrize(
    ("spec", "answer", "reason"),
    [
        (number(">=", 2, "year"), "3", "实测 3 年 ≥ 2 年，符合"),
        (number(">=", 2, "年"), Answer("1", "年"), "实测 1 年 < 要求 ≥ 2 年"),
        (number("<=", 15, "working_day"), "12", "实测 12 个工作日 ≤ 15 个工作日，符合"),
        (number("<=", 15, "工作日"), "16", "实测 16 个工作日 > 要求 ≤ 15 个工作日"),
        (number("<=", 6, "month"), "7", "实测 7 个月 > 要求 ≤ 6 个月"),
        (number(">=", 18, "age_year"), "17", "实测 17 周岁 < 要求 ≥ 18 周岁"),
        (number(">=", 500, "m²"), "480", "实测 480 平方米 < 要求 ≥ 500 平方米"),
        (number(">=", 15, "cm"), Answer("0.2", "m"), "实测 0.2 米（= 20 厘米）≥ 15 厘米，符合"),
        (number("<=", 24, "hour"), Answer("2", "day"), "实测 2 日（= 48 小时）> 要求 ≤ 24 小时"),
        (number("<=", 40, "t"), Answer("45000", "kg"), "实测 45000 千克（= 45 吨）> 要求 ≤ 40 吨"),
        (number("<=", 1, "m³"), Answer("900", "L"), "实测 900 升（= 0.9 立方米）≤ 1 立方米，符合"),
        (number("<=", 10, "kg/hour"), "12", "实测 12 千克/小时 > 要求 ≤ 10 千克/小时"),
        (number("<=", 5, "m/second"), "6", "实测 6 米/秒 > 要求 ≤ 5 米/秒"),
        (number("<=", 30, "second"), Answer("1", "minute"), "实测 1 分钟（= 60 秒）> 要求 ≤ 30 秒"),
        (number(">=", 200, "lx"), "150", "实测 150 勒克斯 < 要求 ≥ 200 勒克斯"),
        (number(">=", 500, "N/个"), "450", "实测 450 牛顿/个 < 要求 ≥ 500 牛顿/个"),
        (number(">=", 4, "具", "count"), "3", "实测 3 具 < 要求 ≥ 4 具"),
        (number("<", 5, "%"), "5", "实测 5% ≥ 要求 < 5%"),
        (number(">=", 2, "辆", "count"), "1", "实测 1 辆 < 要求 ≥ 2 辆"),
        (
            ItemSpec(
                id=1, answer_type="number", rule={"op": "range", "low": 6, "high": 10, "unit": "m"}
            ),
            "5",
            "实测 5 米 不在要求范围 [6, 10] 米 内",
        ),
    ],
)
def test_reasons_name_units_in_chinese(spec, answer, reason):
    assert evaluate(spec, answer).reason == reason


@pytest.mark.parametrize(
    "symbol", [u.symbol for group in UNITS.values() for u in group], ids=lambda s: s
)
def test_every_unit_reads_in_chinese_in_a_reason(symbol):
    assert not LATIN.search(display_name(symbol)), symbol
    reason = evaluate(number(">=", 1, symbol), "2").reason
    assert not LATIN.search(reason), reason


@pytest.mark.parametrize(
    ("unit", "given", "message"),
    [
        ("m", "kg", "单位“千克”不能换算为“米”，请输入以 米 为单位的数值"),
        ("working_day", "day", "单位“日”不能换算为“个工作日”，请输入以 个工作日 为单位的数值"),
        (None, "year", "此项没有单位，请只输入数字（不要带“年”）"),
    ],
)
def test_unit_errors_name_units_in_chinese(unit, given, message):
    with pytest.raises(AnswerError) as info:
        parse_value(number(">=", 1, unit), "5", given)
    assert info.value.message == message


# --- a submitted inspection with two findings, approved ---------------------------------------

#: Answers that fail two number items of the clean-coal checklist (no photo needed for them).
FAILING = {"地面硬化厚度（实测）": ("12", "cm"), "储煤厂房高度（实测）": ("5", "m")}
#: Codes that must never be shown as text to a Chinese reader.
CODES = re.compile(
    r"\b(approved|submitted|in_progress|planned|returned|open|closed|reopened|withdrawn"
    r"|action_submitted|critical|major|minor|pass|fail|na|unanswered|cm|m²|m)\b"
)


@pytest.fixture
def approved(app, world):
    """A submitted, then approved inspection of the clean-coal checklist with two failed
    items (so two findings and a notice)."""
    template, person = world["template"], world["inspector"]
    inspection, _created = workflow.create_inspection(template, world["own"], person)
    failing = {by_prompt(template, prompt).id: answer for prompt, answer in FAILING.items()}
    for item in template.ordered_items():
        value, unit = failing.get(item.id, (passing_value(item), None))
        workflow.save_answer(inspection, item.id, value, person, unit=unit)
    workflow.submit(inspection, person, local_today())
    workflow.approve(inspection, world["supervisor"], "")
    db.session.commit()
    return inspection


def client_of(app, user):
    client = app.test_client()
    login(client, user)
    return client


def text_of(page: str) -> str:
    """What a reader sees: no scripts, styles, tags or attributes."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", page))


def test_the_report_and_the_notice_show_no_codes(app, world, approved):
    client = client_of(app, world["supervisor"])
    report = client.get(f"/inspections/{approved.uuid}/report")
    assert report.status_code == 200
    shown = text_of(report.get_data(as_text=True))
    assert not CODES.search(shown), CODES.search(shown)
    assert "实测 12 厘米 < 要求 ≥ 15 厘米" in shown and "实测 5 米 < 要求 ≥ 6 米" in shown
    assert "已批准" in shown and "待整改" in shown and "一般" in shown and "不合格" in shown
    assert re.search(r"<h2>结果</h2>", report.get_data(as_text=True)) and "导入结果" not in shown
    notice = db.session.query(RectificationNotice).one()
    page = client.get(f"/notices/{notice.id}")
    assert page.status_code == 200
    shown = text_of(page.get_data(as_text=True))
    assert not CODES.search(shown), CODES.search(shown)
    assert "严重程度" in shown and "实测 12 厘米 < 要求 ≥ 15 厘米" in shown


def rows_of(response) -> list[list[Any]]:
    """An export's rows, header first; the response read whole and closed (a workbook is sent
    from a temporary file)."""
    assert response.status_code == 200
    data = response.get_data()
    response.close()
    if response.mimetype == "text/csv":
        return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    book = load_workbook(io.BytesIO(data))
    return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]


def test_exports_head_columns_and_write_codes_in_chinese(app, world, approved):
    client = client_of(app, world["supervisor"])
    found = {}
    for kind in exports.KINDS:
        for fmt in exports.FORMATS:
            header, *body = rows_of(client.get(f"/exports/{kind}.{fmt}"))
            # Chinese headers; technical names only inside them (SHA-256)
            assert not [h for h in header if LATIN.search(h.replace("SHA-256", ""))], header
            assert [h for h in header if h.endswith("代码")], header  # the code columns
            found[kind, fmt] = [dict(zip(header, row, strict=True)) for row in body]
    for fmt in exports.FORMATS:
        [inspection] = found["inspections", fmt]
        assert (inspection["状态"], inspection["状态代码"]) == ("已批准", "approved")
        assert (inspection["结论"], inspection["结论代码"]) == ("合格", "pass")
        answers = {a["检查内容"]: a for a in found["answers", fmt]}
        thin = answers["地面硬化厚度（实测）"]
        assert (thin["判定结果"], thin["判定结果代码"]) == ("不合格", "fail")
        assert (thin["严重程度"], thin["严重程度代码"]) == ("一般", "major")
        assert (thin["单位"], thin["单位代码"]) == ("厘米", "cm")
        assert thin["判定理由"].startswith("实测 12 厘米 < 要求 ≥ 15 厘米")
        assert (thin["答案类型"], thin["答案类型代码"]) == ("带单位的数值", "number")
        assert (str(thin["填写的值"]), str(thin["填写的值代码"])) == ("12", "12")
        closed = answers["储煤厂房全封闭建设"]  # a yes/no item reads 是, its code yes
        assert (closed["填写的值"], closed["填写的值代码"]) == ("是", "yes")
        # choices and parts read as their labels (the codes, such as dark_grey, beside them)
        assert not [a["填写的值"] for a in answers.values() if LATIN.search(str(a["填写的值"]))]
        assert "dark_grey" in {a["填写的值代码"] for a in answers.values()}
        assert {a["判定结果"] for a in answers.values()} <= {"合格", "不合格", "不适用", "未作答"}
        findings = found["findings", fmt]
        assert len(findings) == 2
        assert {(f["状态"], f["状态代码"], f["严重程度"]) for f in findings} == {
            ("待整改", "open", "一般")
        }
    # the findings page's CSV is the same table
    header, *body = rows_of(client.get("/findings/export.csv?show=all"))
    assert header == [c.heading for c in FINDINGS_COLUMNS] and len(body) == 2
