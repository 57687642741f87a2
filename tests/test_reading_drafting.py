"""Drafting follows the reading: items for the inspected party, duties of authorities only on
request, a condition carried by its requirement (not drafted as a requirement of its own)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from checklists.accounts.models import Role
from checklists.authoring import operations
from checklists.authoring.models import ChecklistTemplate
from checklists.core.extensions import db
from checklists.standards.models import Clause, Document
from checklists.standards.services import import_text
from tests.conftest import csrf_token

GAZETTE = """示例县人民政府文件

示政发〔2026〕7号

示例县人民政府
关于加强洁净煤配送中心管理的通知

各乡镇人民政府，县政府各部门：
现就有关事项通知如下。
一、建设要求
（一）配送中心仓库面积不应低于500平方米。
（二）凡年销售量达到1万吨以上的配送中心，必须安装视频监控。
二、监督管理
（一）各乡镇（街道）要加强对配送中心的日常监管。
（二）县财政局应当按时拨付配送补贴资金。

示例县人民政府
2026年3月1日
"""


def _document():
    import_text(GAZETTE, "sample.txt")
    db.session.commit()
    return db.session.scalar(sa.select(Document).where(Document.number == "示政发〔2026〕7号"))


def _requirements(document):
    clauses = db.session.scalars(
        sa.select(Clause).where(Clause.document_id == document.id).order_by(Clause.position)
    ).all()
    return {c.key.split("/", 1)[-1]: c.requirements for c in clauses}


def test_the_reading_is_stored_with_subject_and_condition(app_ctx):
    reqs = _requirements(_document())
    (area,) = reqs["一/（一）"]
    assert (area.comparator, str(area.value.normalize()), area.unit) == (">=", "5E+2", "m²")
    (camera,) = reqs["一/（二）"]
    assert camera.subject == "配送中心" and camera.subject_kind == "regulated"
    assert camera.applies_when["comparator"] == ">="
    assert camera.applies_when["value"] == "10000" and camera.applies_when["unit"] == "t"
    (township,) = reqs["二/（一）"]
    assert (township.subject, township.subject_kind) == ("各乡镇（街道）", "authority")
    (bureau,) = reqs["二/（二）"]
    assert bureau.subject_kind == "authority"


def test_duties_of_authorities_are_drafted_only_on_request(app_ctx):
    document = _document()
    default = operations.draft_template("检查表", None, document=document)
    prompts = " ".join(i.prompt for i in default.ordered_items())
    assert "仓库面积" in prompts and "视频监控" in prompts
    assert "日常监管" not in prompts and "补贴资金" not in prompts
    everything = operations.draft_template(
        "检查表（含部门职责）", None, document=document, include_authority=True
    )
    assert len(everything.ordered_items()) == len(default.ordered_items()) + 2


def test_picked_clauses_of_authorities_get_no_fallback_item(app_ctx):
    document = _document()
    township = db.session.scalar(
        sa.select(Clause).where(Clause.document_id == document.id, Clause.key.endswith("二/（一）"))
    )
    area = db.session.scalar(
        sa.select(Clause).where(Clause.document_id == document.id, Clause.key.endswith("一/（一）"))
    )
    template = operations.draft_template("检查表", None, clauses=[township, area])
    assert len(template.ordered_items()) == 1


def test_the_drafting_page_marks_duties_of_authorities_and_offers_them(client, as_user):
    as_user(Role.AUTHOR)
    document = _document()
    page = client.get(f"/templates/new?document_id={document.id}").get_data(as_text=True)
    assert "各乡镇（街道）要加强" in page
    assert page.count("〔部门职责〕") == 2
    token = csrf_token(client, f"/templates/new?document_id={document.id}")
    response = client.post(
        f"/templates/new?document_id={document.id}",
        data={
            "csrf_token": token,
            "draft-csrf_token": token,
            "draft-name": "含部门职责",
            "draft-org_kind": "enterprise",
            "draft-include_authority": "y",
            "draft-submit": "1",
        },
    )
    assert response.status_code == 302
    db.session.remove()
    drafted = db.session.scalar(
        sa.select(ChecklistTemplate).where(ChecklistTemplate.name == "含部门职责")
    )
    assert any("日常监管" in item.prompt for item in drafted.ordered_items())


def test_a_rate_is_drafted_with_its_compound_unit_and_scored_across_units(app_ctx):
    """不得超过50毫克/立方米 becomes a number item in mg/m³; 0.04 g/m³ (40 mg/m³) passes."""
    from checklists import scoring
    from checklists.standards.extraction import extract
    from checklists.standards.models import Requirement

    (read,) = extract("排放浓度不得超过50毫克/立方米。")
    fields = operations.item_from_requirement(
        Requirement(
            **{
                k: getattr(read, k)
                for k in (
                    "modality",
                    "kind",
                    "comparator",
                    "value",
                    "low",
                    "high",
                    "unit",
                    "per",
                    "span",
                )
            },
            flags=[],
        )
    )
    assert fields["answer_type"] == "number"
    assert fields["rule"]["unit"] == "mg/m³" and fields["rule"]["op"] == "<="
    assert "mg/m³" in fields["prompt"]
    item = scoring.ItemSpec(id=1, answer_type="number", rule=fields["rule"])
    assert scoring.evaluate(item, scoring.Answer("0.04", unit="g/m³")).result == "pass"
    assert scoring.evaluate(item, scoring.Answer("0.06", unit="g/m³")).result == "fail"


FIX_GAZETTE = """示例县人民政府文件

示政发〔2026〕9号

示例县人民政府
关于配送中心验收的通知

各乡镇人民政府，县政府各部门：
一、配送中心仓库面积不应低于500平方米，未通过验收的限期一个月整改。
二、配送中心应当配备计量设备。
三、发现问题的，企业应于15个工作日内完成整改。

示例县人民政府
2026年3月1日
"""


def test_a_clause_s_time_to_put_right_is_drafted_onto_its_items(app_ctx):
    """限期一个月整改 in a clause: the items drafted from it carry it (their findings fall due
    then, quoting the words); a clause that states no such time leaves the severity default."""
    import_text(FIX_GAZETTE, "fix.txt")
    db.session.commit()
    document = db.session.scalar(sa.select(Document).where(Document.number == "示政发〔2026〕9号"))
    template = operations.draft_template("检查表", None, document=document)
    by_clause = {}
    for item in template.ordered_items():
        by_clause.setdefault(item.clause_key.rsplit("/", 1)[-1], []).append(item)
    area = next(i for i in by_clause["一"] if i.answer_type == "number")
    assert (area.fix_n, area.fix_unit, area.fix_span) == (1, "month", "未通过验收的限期一个月整改")
    assert all(i.fix_n is None and i.fix_unit is None for i in by_clause["二"])
    assert {(i.fix_n, i.fix_unit) for i in by_clause["三"]} == {(15, "working_day")}


WEEKLY_GAZETTE = """示例县人民政府文件

示政发〔2026〕11号

示例县人民政府
关于配送中心台账报送的通知

各乡镇人民政府，县政府各部门：
一、配送中心应当于每周五前报送本周销售台账。

示例县人民政府
2026年3月1日
"""


def test_a_deadline_each_week_suggests_a_weekly_schedule(app_ctx):
    """每周五前报送: a deadline by a weekday (weekly_day), which a schedule of the checklist
    drafted from it takes as every Friday."""
    from inspections.scheduling import operations as scheduling
    from inspections.scheduling.rules import Recurrence

    import_text(WEEKLY_GAZETTE, "weekly.txt")
    db.session.commit()
    document = db.session.scalar(sa.select(Document).where(Document.number == "示政发〔2026〕11号"))
    (clause,) = [c for c in document.clauses if c.requirements]
    (req,) = clause.requirements
    assert req.kind == "deadline" and req.due == {"rule": "weekly_day", "weekday": 4}
    template = operations.draft_template("台账", None, document=document)
    operations.confirm_items(template, [i.id for i in template.ordered_items()])
    operations.publish(template, None)
    db.session.commit()
    suggested = scheduling.suggestion(template)
    assert suggested is not None
    assert (suggested.rule.kind, suggested.rule.weekday) == (Recurrence.WEEKS, 4)
    assert suggested.rule.describe() == "每周星期五"


def test_a_duty_joined_to_the_one_before_is_asked_without_its_joining_word(app_ctx):
    """…，并与紧急切断阀联动: its own yes/no question, without 并."""
    from checklists.standards.extraction import extract
    from checklists.standards.models import Requirement

    read = extract("餐饮场所应当安装燃气泄漏报警装置，并与紧急切断阀联动。")
    prompts = [
        operations.item_from_requirement(
            Requirement(
                **{k: getattr(r, k) for k in ("modality", "kind", "comparator", "span")},
                flags=[],
            )
        )["prompt"]
        for r in read
    ]
    assert prompts == ["是否符合：餐饮场所应当安装燃气泄漏报警装置", "是否符合：与紧急切断阀联动"]


def test_an_amount_per_batch_is_asked_for_each_batch_in_chinese(app_ctx):
    """最高不超过2000元/批次: a number item in 元, asked 每批次 (no Latin unit in its words)."""
    from checklists.standards.extraction import extract
    from checklists.standards.models import Requirement

    (read,) = extract("单次抽检费用最高不超过2000元/批次。")
    assert (read.unit, read.per) == ("元", "batch")
    keys = ("modality", "kind", "comparator", "value", "low", "high", "unit", "per", "span")
    fields = operations.item_from_requirement(
        Requirement(**{k: getattr(read, k) for k in keys}, flags=[])
    )
    assert fields["rule"] == {"op": "<=", "value": "2000", "unit": "元"}
    assert "每批次" in fields["prompt"] and "batch" not in fields["prompt"]


def _drafted(text: str) -> dict:
    """The item fields drafted from the one requirement ``text`` reads as."""
    from checklists.authoring import wording
    from checklists.standards.extraction import extract
    from checklists.standards.models import Requirement

    (read,) = extract(text)
    names = ("modality", "kind", "comparator", "value", "low", "high", "unit", "per", "span")
    names += ("per_count",)
    return wording.item_from_requirement(
        Requirement(
            **{k: getattr(read, k) for k in names},
            trigger=read.trigger,
            flags=list(read.flags),
        )
    )


@pytest.mark.parametrize(
    ("text", "answer_type", "op", "value", "unit", "says"),
    [
        # a time a thing may last is measured
        ("软管使用年限不得超过18个月。", "number", "<=", "18", "month", "实测"),
        # an interval between two times is measured, not counted
        ("电梯应当至少每15日进行一次清洁。", "number", "<=", "15", "day", "间隔"),
        ("集中空调通风系统每两年至少清洗一次。", "number", "<=", "2", "year", "间隔"),
        # a concentration keeps the volume it is per
        ("排放口氨氮浓度不得高于5毫克/升。", "number", "<=", "5", "mg/L", "毫克/升"),
        # times in a period are counted
        ("企业每月至少开展一次自查。", "count", ">=", "1", "次", "计数"),
        # times per hour, per shift, per half year: counted, the period said in its words
        # (a frequency as written, 每…一次, is met by doing it that often or more)
        ("排污单位应当每小时记录一次排放数据。", "count", ">=", "1", "次", "每小时计数"),
        ("安全员每班巡查两次。", "count", ">=", "2", "次", "每班计数"),
        ("学校校车应当每月进行一次安全技术检查。", "count", ">=", "1", "次", "每月计数"),
        (
            "燃气经营企业应当每两年对用户燃气设施进行一次全面检查。",
            "number",
            "<=",
            "2",
            "year",
            "间隔",
        ),
        ("每半年至少开展一次全面检查。", "count", ">=", "1", "次", "每半年计数"),
        # a count in each 100 households: asked per 100, as written
        ("每100户居民应配备不少于1名网格员。", "count", ">=", "1", "名", "每100户计数"),
        ("每千名老年人拥有养老床位数不少于35张。", "count", ">=", "35", "张", "每1000人计数"),
    ],
)
def test_how_a_number_is_asked(text, answer_type, op, value, unit, says):
    fields = _drafted(text)
    assert fields["answer_type"] == answer_type and says in fields["prompt"]
    assert (fields["rule"]["op"], fields["rule"]["value"], fields["rule"]["unit"]) == (
        op,
        value,
        unit,
    )


def test_a_range_s_end_left_out_by_its_marker_is_left_out_of_the_rule():
    from checklists import scoring

    fields = _drafted("冷库温度应控制在-18℃（含）至-15℃（不含）。")
    rule = fields["rule"]
    assert (rule["low"], rule["high"], rule["high_inclusive"]) == ("-18", "-15", False)
    assert "low_inclusive" not in rule or rule["low_inclusive"] is True
    spec = scoring.ItemSpec(id=1, answer_type="number", rule=rule, prompt="温度")
    assert scoring.evaluate(spec, "-18").result == "pass"
    assert scoring.evaluate(spec, "-15").result == "fail"


def test_a_ban_for_a_time_from_an_event_stays_a_question():
    """自列入之日起2年内不得参与…: what was done in those years is asked yes/no (no number an
    inspector measures)."""
    assert _drafted("自列入之日起2年内不得参与政府投资项目。")["answer_type"] == "yes_no"


def test_a_check_point_written_as_a_question_is_asked_as_written():
    fields = _drafted("是否安装可燃气体报警装置。")
    assert fields["answer_type"] == "yes_no" and fields["prompt"] == "是否安装可燃气体报警装置"


def test_a_ban_listed_under_its_lead_is_asked_as_a_ban():
    """An item of a list of bans whose own words name no ban (在地下室使用瓶装燃气) is asked as
    不得… (a yes means the ban is kept)."""
    from checklists.authoring import wording
    from checklists.standards.models import Requirement

    fields = wording.item_from_requirement(
        Requirement(modality="mandatory", kind="prohibition", span="在地下室使用瓶装燃气")
    )
    assert fields["prompt"] == "是否符合：不得在地下室使用瓶装燃气"


def test_a_ban_in_its_own_words_keeps_them():
    """原则上不重复救助 says the ban itself: asked as written, no 不得 put before it."""
    fields = _drafted("原则上不重复救助。")
    assert fields["prompt"] == "是否符合：原则上不重复救助"
