"""A twenty-ninth round of the reading, found by probing it with clauses written for the
purpose (never from the bundled gazettes): city cleaning, dogs, parking, night works.
Each case is a clear error a probe found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract
from checklists.standards.parsing import parse_gazette
from checklists.standards.quantities import masked, quantities


@pytest.mark.parametrize(
    ("text", "activities"),
    [
        ("机械化清扫每日不少于2次，洒水每日不少于4次。", ("机械化清扫", "洒水")),
        ("巡查每周不少于1次，检查每月不少于2次。", ("巡查", "检查")),
        ("日常巡检每日不少于1次，应急演练每年不少于2次。", ("日常巡检", "应急演练")),
    ],
)
def test_activities_counted_side_by_side_are_each_a_frequency_for_all(text, activities):
    rows = extract(text)
    assert [r.kind for r in rows] == ["frequency", "frequency"]
    assert all(r.applies_when is None for r in rows)
    assert all(r.span.startswith(a) for r, a in zip(rows, activities, strict=True))


def test_classes_then_what_they_do_counted_are_still_classes():
    rows = extract("重点单位每月检查不少于1次，一般单位每季度检查不少于1次。")
    assert [r.applies_when.text for r in rows if r.applies_when] == ["重点单位", "一般单位"]


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("每年的3月，各乡镇应报送隐患台账。", "year"),
        ("每年的3月、6月、9月、12月，各乡镇应向县应急管理局报送隐患台账。", "year"),
        ("每季度的第一个月，各乡镇应报送隐患台账。", "quarter"),
    ],
)
def test_a_time_of_each_period_with_its_de_is_when_it_is_done_not_a_case(text, per):
    (duty,) = extract(text)
    assert duty.applies_when is None
    assert duty.kind == "frequency" and duty.per == per
    assert duty.subject == "各乡镇" and duty.subject_kind == "authority"


def test_the_things_named_after_de_are_still_a_case():
    (duty,) = extract("挂牌督办的重大事故隐患，生产经营单位应当立即整改。")
    assert duty.applies_when is not None and duty.applies_when.text == "挂牌督办的重大事故隐患"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("每年3月，各乡镇向县应急管理局报送隐患台账。", "各乡镇"),
        ("每年的3月、6月、9月、12月，各乡镇向县应急管理局报送隐患台账。", "各乡镇"),
        ("每月各乡镇向县应急管理局报送隐患台账。", "各乡镇"),
        ("每月，企业向监管部门报送报表。", "企业"),
    ],
)
def test_who_acts_is_named_after_the_time_of_each_period(text, subject):
    (duty,) = extract(text)
    assert duty.kind == "frequency" and duty.subject == subject


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("每月5日，各乡镇应报送隐患台账。", 5),
        ("各乡镇应于每月5日报送隐患台账。", 5),
        ("每月15号，企业应当公示上月收费情况。", 15),
    ],
)
def test_a_day_of_each_month_is_a_date_not_a_number_of_days(text, day):
    (duty,) = extract(text)
    assert duty.due == {"rule": "monthly_day", "day": day}
    assert duty.value is None and duty.unit is None and duty.modality == "mandatory"


@pytest.mark.parametrize(
    ("text", "comparator"), [("职工每月休息4日。", "=="), ("每月工作5日以上。", ">=")]
)
def test_days_counted_in_each_month_are_still_a_number_of_days(text, comparator):
    (row,) = extract(text)
    assert (row.value, row.unit, row.per, row.comparator) == (
        Decimal("4" if "4" in text else "5"),
        "day",
        "month",
        comparator,
    )


@pytest.mark.parametrize(
    "text",
    [
        "单位应当每半年组织一次消防和疏散演练。",
        "单位应当每年开展一次培训和演练。",
        "单位应当每半年组织一次灭火演练和疏散演练。",
    ],
)
def test_two_things_done_at_once_are_both_in_the_frequency_s_words(text):
    (duty,) = extract(text)
    assert duty.kind == "frequency" and duty.value == 1
    assert duty.span.endswith("演练")


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("配备2台装载机和3部洒水车。", ("配备2台装载机", "3部洒水车")),
        ("配备2名专任教师和1名保育员。", ("配备2名专任教师", "1名保育员")),
    ],
)
def test_counts_joined_by_he_each_count_their_own_thing(text, spans):
    assert tuple(r.span for r in extract(text)) == spans


def _table(*rows: str) -> str:
    return "\n".join(rows)


def test_a_table_of_limits_gives_each_row_s_measure_its_bound_in_its_unit():
    text = _table(
        "序号\t指标名称\t单位\t标准值",
        "1\t出水化学需氧量\tmg/L\t≤50",
        "2\t出水氨氮\tmg/L\t≤5（8）",
        "3\t污泥含水率\t%\t≤80",
        "4\t运行负荷率\t%\t≥75",
    )
    rows = extract(text)
    assert [(r.comparator, r.value, r.unit, r.per) for r in rows] == [
        ("<=", 50, "mg", "L"),
        ("<=", 5, "mg", "L"),
        ("<=", 80, "%", None),
        (">=", 75, "%", None),
    ]
    assert [r.span.split("\t")[0] for r in rows] == [
        "出水化学需氧量",
        "出水氨氮",
        "污泥含水率",
        "运行负荷率",
    ]
    assert all(text[r.start : r.start + len(r.span)] == r.span for r in rows)


def test_a_table_of_limits_takes_the_unit_from_the_header_or_the_name():
    text = _table("污染物项目\t排放限值（mg/m³）", "颗粒物\t≤10", "二氧化硫\t≤35")
    assert [(r.value, r.unit, r.per) for r in extract(text)] == [(10, "mg", "m³"), (35, "mg", "m³")]
    text = _table("项目\t一级\t二级\t三级", "服务半径（米）\t≤500\t≤800\t≤1000", "备注\t—\t—\t—")
    rows = extract(text)
    assert [(r.applies_when.text, r.comparator, r.value, r.unit) for r in rows] == [
        ("一级", "<=", 500, "m"),
        ("二级", "<=", 800, "m"),
        ("三级", "<=", 1000, "m"),
    ]


def test_a_table_with_no_limit_column_is_no_table_of_limits():
    text = _table("指标名称\t说明", "出水化学需氧量\t按国家标准执行")
    assert all(r.value is None for r in extract(text))


_SPACED = """某某市人民政府关于印发某某市污水处理管理办法的通知
某政发〔2025〕12号

第一条 污水处理厂出水应当符合下表规定的限值。
序号  指标名称        单位    标准值
1     出水化学需氧量  mg/L    ≤50
2     污泥含水率      %       ≤80
3     运行负荷率      %       ≥75
第二条 本办法自2025年4月1日起施行。
"""


def test_a_table_laid_out_with_spaces_keeps_a_row_whose_unit_is_one_sign():
    (document,) = parse_gazette(_SPACED).documents
    (table,) = [c for c in document.clauses if "\t" in c.text]
    assert table.text.count("\n") == 3  # the header and its three rows, none a clause apart
    rows = extract(table.text, table.join_offsets, table.token)
    assert [(r.comparator, r.value, r.unit) for r in rows] == [
        ("<=", 50, "mg"),
        ("<=", 80, "%"),
        (">=", 75, "%"),
    ]
    assert table.key.endswith("/第一条/表1")
    assert [c.key.rsplit("/", 1)[-1] for c in document.clauses if c.text][-1] == "第二条"


@pytest.mark.parametrize(
    "party", ["客运站", "汽车站", "货运场站", "码头", "瓶装燃气供应站", "瓶装燃气供应点"]
)
def test_a_transport_site_is_a_party_that_acts(party):
    (duty,) = extract(f"{party}应当建立安全生产制度。")
    assert (duty.subject, duty.subject_kind) == (party, "regulated")


def test_a_time_before_a_departure_is_at_least_that_long_before_it():
    rows = extract("客运站应当在发车前30分钟停止售票，开车前5分钟停止检票。")
    assert [(r.kind, r.comparator, r.value, r.unit) for r in rows] == [
        ("duration", ">=", 30, "minute"),
        ("duration", ">=", 5, "minute"),
    ]


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("单个项目补助金额不超过项目总投资的30%，最高不超过50万元。", "项目"),
        ("单台设备补贴不超过售价的30%，最高不超过5万元。", "台"),
        ("补助金额不超过总投资的30%，最高不超过50万元。", None),  # no one's own: a total
    ],
)
def test_a_cap_after_each_one_s_share_is_each_one_s_too(text, per):
    share, cap = extract(text)
    assert (share.unit, cap.unit, cap.comparator) == ("%", "元", "<=")
    assert cap.per == per


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("重点管理区内每户限养1只犬。", "重点管理区内"),
        ("在一般管理区内每户不得超过2只。", "在一般管理区内"),
        ("重点管理区内，每户限养1只犬。", "重点管理区内"),  # as with a comma
    ],
)
def test_a_zone_then_a_limit_for_each_one_in_it_is_the_limit_s_case(text, zone):
    (limit,) = extract(text)
    assert limit.applies_when is not None and limit.applies_when.text == zone
    assert limit.per == "户" and limit.comparator == "<=" and limit.span.startswith("每户")


@pytest.mark.parametrize(
    "text", ["每月5日为安全检查日。", "每年11月9日为消防宣传日。", "每年6月为全国安全生产月。"]
)
def test_a_day_of_each_period_named_is_a_definition_no_row(text):
    assert extract(text) == []


def test_a_duty_done_on_a_named_day_is_done_each_period_not_under_a_case():
    (duty,) = extract("每月15日为全市统一的垃圾分类宣传日，各街道应当组织开展宣传活动。")
    assert duty.applies_when is None
    assert (duty.kind, duty.per, duty.subject) == ("frequency", "month", "各街道")


def test_a_thing_s_work_done_by_a_party_is_that_party_s_duty_not_a_case():
    upkeep, share = extract(
        "共用设施设备的日常维修由物业服务企业负责，费用由全体业主按专有部分面积比例分摊。"
    )
    assert (upkeep.subject, upkeep.applies_when) == ("物业服务企业", None)
    assert (share.subject, share.applies_when) == ("全体业主", None)


@pytest.mark.parametrize(
    "text",
    [
        "到2025年，全市地表水国控断面水质优良比例达到80%，劣V类水体比例为0。",
        "返贫率控制在0。",
        "劣V类水体比例降为0。",
    ],
)
def test_a_share_of_none_written_with_no_sign_is_zero_percent(text):
    *_, zero = extract(text)
    assert (zero.value, zero.unit, zero.kind) == (0, "%", "ratio")


@pytest.mark.parametrize("text", ["容积率为0。", "效率为0。"])
def test_a_bare_zero_after_no_share_s_name_is_no_percentage(text):
    assert all(r.unit != "%" for r in extract(text))
    assert all(q.unit != "%" for q in quantities(masked(text)))  # (容积率: a plain ratio)
