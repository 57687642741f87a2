"""More wordings found by probing the reading with texts written for the purpose (never taken
from the bundled gazettes): city management rules, plans and notices. One table row per
wording; ``test_reading_probes`` holds the first ones."""

from __future__ import annotations

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        # a verb before 政府 makes no name of the words before it
        ("普通住宅小区物业服务费实行政府指导价，基准价为每月1.2元/平方米。", [None, None]),
        # who holds or runs a thing
        ("户外广告设置人应当每季度至少进行一次安全检查。", ["户外广告设置人"]),
        ("房屋管理人应当定期检查房屋安全状况。", ["房屋管理人"]),
    ],
)
def test_who_acts(text, subjects):
    assert [r.subject for r in extract(text)] == subjects


def test_what_is_done_a_time_before_an_event_is_one_row_with_the_time():
    (r,) = extract("建设单位应当在工程开工15日前，向区住房城乡建设局申请办理建筑垃圾处置核准。")
    assert (r.comparator, r.value, r.unit) == (">=", 15, "day")
    assert r.span.endswith("申请办理建筑垃圾处置核准")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # supplies counted by their own measure words
        ("应急物资储备库储备的帐篷不少于200顶。", 200, "顶"),
        ("储备棉被不少于1000床。", 1000, "床"),
        ("每个乡镇配备冲锋舟不少于2艘。", 2, "艘"),
        # points a scoring rule takes, after the breach
        ("未按规定时限报送信息的，每次扣2分，扣完为止。", 2, "分"),
    ],
)
def test_counted_things_and_points(text, value, unit):
    (r,) = extract(text)
    assert (r.value, r.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "when"),
    [
        # a grade compared, in Chinese numerals (一级响应 stays a level's name)
        ("森林火险气象等级达到四级以上时，县森林防火指挥部应当发布高火险预警。", (">=", 4, "级")),
        # ones another party acts on, themselves a party
        ("连续两年考核不合格的乡镇，由县委、县政府对其主要负责人进行约谈。", (">=", 2, "year")),
    ],
)
def test_the_condition_is_read_with_its_number(text, when):
    (r,) = extract(text)
    aw = r.applies_when
    assert aw is not None and (aw.comparator, aw.value, aw.unit) == when


def test_a_level_s_name_is_no_number():
    (r,) = extract("启动一级响应。")
    assert r.value is None and r.applies_when is None


@pytest.mark.parametrize(
    ("text", "spans", "subject"),
    [
        # a plan's parts named by their noun
        ("一、组织体系", [], None),
        ("五、后期处置", [], None),
        ("（三）建立预警机制。", ["建立预警机制"], None),
        # a command that announces or convenes, after the condition
        (
            "当24小时降雨量达到100毫米以上时，县防汛指挥部发布防汛Ⅰ级预警。",
            ["县防汛指挥部发布防汛Ⅰ级预警"],
            "县防汛指挥部",
        ),
        (
            "Ⅱ级响应启动后，县防指每日至少召开1次会商会议。",
            ["县防指每日至少召开1次会商会议"],
            "县防指",
        ),
        # the basis a duty is done on leads into it, no row of its own
        (
            "工业企业应当按照应急减排清单，削减大气污染物排放量30%以上。",
            ["削减大气污染物排放量30%以上"],
            "工业企业",
        ),
    ],
)
def test_emergency_plan_wordings(text, spans, subject):
    rows = extract(text)
    assert [r.span for r in rows] == spans
    assert all(r.subject == subject for r in rows)


def test_what_a_response_orders_is_a_duty_of_its_own():
    rows = extract("Ⅰ级响应时，全县中小学、幼儿园停止户外活动，必要时停课。")
    assert [r.span for r in rows] == ["全县中小学、幼儿园停止户外活动", "必要时停课"]
    assert rows[0].applies_when is not None and rows[1].applies_when is None


def test_an_address_aside_is_no_part_of_the_duty_nor_a_number():
    (r,) = extract(
        "请于5月20日前将报名表报送至市人社局（地址：东昌路88号，邮编：252000，电话：8241234）。"
    )
    assert r.span == "请于5月20日前将报名表报送至市人社局"
    assert r.value is None and r.due == {"rule": "month_day", "month": 5, "day": 20}


@pytest.mark.parametrize(
    "text",
    ["第二阶段：全面实施（2022年3月至2023年6月）。", "第一阶段：动员部署（2022年1月—2月）。"],
)
def test_a_numbered_stage_with_its_dates_is_a_heading(text):
    assert extract(text) == []


def test_a_fine_per_vehicle_trip_is_per_that_trip():
    (r,) = extract("对未按规定运输的，每车次处5000元以上2万元以下罚款。")
    assert (r.comparator, r.low, r.high, r.per) == ("range", 5000, 20000, "车次")
    assert extract("每次取样不少于500毫升。")[0].per is None


def test_the_ones_points_are_taken_from_are_the_condition():
    rows = extract("各乡镇应当每年至少组织开展2次应急演练，未开展的扣5分。")
    assert rows[-1].value == 5 and rows[-1].applies_when.text == "未开展的"


def test_a_party_named_before_its_basis_has_the_policy_duty_after_it():
    (r,) = extract("各成员单位按照职责分工，扎实推进各项任务落实。")
    assert r.subject == "各成员单位"
