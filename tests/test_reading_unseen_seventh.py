"""A seventh round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): river chiefs, school canteens, rural water supply, task-division
tables, schooling and elderly allowances. Each case is a clear error a probe found, read as
GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.due_dates import due_in
from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("义务教育阶段辍学学生，由乡镇人民政府劝返复学。", "乡镇人民政府"),
        (
            "辍学学生，由乡镇人民政府、村（居）民委员会劝返复学。",
            "乡镇人民政府、村（居）民委员会",
        ),
        ("流浪乞讨人员，由县民政局甄别安置。", "县民政局"),
    ],
)
def test_by_a_party_then_a_verb_no_list_knows_is_a_duty_of_that_party(text, who):
    """由…劝返复学: the party named as acting (GUIDE 2), whatever its verb."""
    (r,) = extract(text)
    assert r.subject == who and r.subject_kind == "authority"


@pytest.mark.parametrize(
    "text",
    ["办公室主任由县民政局局长兼任。", "领导小组组长由王某某同志担任。"],
)
def test_who_holds_a_post_is_no_duty(text):
    """主任由…局长兼任: who holds a post, nothing to do."""
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (
            "全面落实河长制湖长制，常态化开展“清四乱”行动。",
            ["全面落实河长制湖长制", "常态化开展“清四乱”行动"],
        ),
        ("严格执行值班制度，经常性开展隐患排查。", ["严格执行值班制度", "经常性开展隐患排查"]),
    ],
)
def test_how_steadily_before_a_directive_verb_opens_a_duty_of_its_own(text, spans):
    """…，常态化开展…: a verb with an object of its own after a comma (GUIDE 1.1)."""
    assert [r.span for r in extract(text)] == spans


@pytest.mark.parametrize(
    ("text", "second"),
    [
        ("各县区要将进展情况报送市领导小组办公室，遇有重大情况随时报告。", "遇有重大情况随时报告"),
        ("各乡镇要每日巡查河道，遇到险情立即报告。", "遇到险情立即报告"),
    ],
)
def test_what_is_met_then_an_act_done_promptly_is_a_duty_of_its_own(text, second):
    """…，遇有重大情况随时报告: a second duty, not words describing the first."""
    first, then = extract(text)
    assert then.span == second and first.span != text.rstrip("。")
    assert then.subject == first.subject


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("各有关部门要切实提高政治站位，把思想和行动统一到市委、市政府决策部署上来。", []),
        ("各地要提高政治站位，每月召开一次调度会。", ["每月召开一次调度会"]),
    ],
)
def test_a_stance_to_take_is_no_requirement(text, spans):
    """提高政治站位, 把思想统一到…上来: an attitude (GUIDE 1.5), nothing an inspector checks."""
    assert [r.span for r in extract(text)] == spans


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "高校毕业生离校后12个月内未就业的，可以到当地公共就业服务机构进行失业登记。",
            "高校毕业生",
        ),
        ("大学毕业生应当在报到后30日内办理落户手续。", "大学毕业生"),
    ],
)
def test_graduates_of_a_school_are_who_acts_not_the_school(text, who):
    """高校毕业生…可以…: the graduates (高校 is no part that acts here)."""
    (r,) = extract(text)
    assert r.subject == who


@pytest.mark.parametrize(
    ("words", "date"),
    [
        ("力争到2024年6月底前全部完成整改任务", "2024-06-30"),
        ("到2024年6月30日前完成", "2024-06-30"),
        ("到2024年6月，覆盖率达到95%", "2024-06-30"),
        ("到2025年，覆盖率达到95%", "2025-12-31"),
        ("到2020年6月底，覆盖率达到90%", "2020-06-30"),
    ],
)
def test_until_a_year_then_its_month_is_due_at_that_months_end(words, date):
    """到2024年6月底前: June's end, not the year's (the month is the date's own)."""
    due, _start, _end = due_in(words)
    assert due == {"rule": "date", "date": date}


def test_a_task_due_until_a_month_of_a_year_keeps_the_year():
    (r,) = extract("力争到2024年6月底前全部完成整改任务。")
    assert r.due == {"rule": "date", "date": "2024-06-30"}


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        (
            "申请职业技能鉴定补贴的，需提供以下材料：身份证复印件、职业资格证书复印件、"
            "鉴定机构开具的发票。",
            "需提供以下材料",
        ),
        ("申请人应当提交下列材料：身份证复印件、鉴定机构开具的发票。", "申请人应当提交下列材料"),
        ("申报单位须报送如下申请材料：申请表、项目实施方案、银行出具的资信证明。", None),
    ],
)
def test_a_list_of_papers_after_its_lead_is_no_duty_of_its_own(text, lead):
    """…以下材料：…开具的发票: a paper named after an act (开具) is no verb (GUIDE 1.5: lists
    of names are no rows); the lead keeps its row."""
    (r,) = extract(text)
    assert r.span == (lead or text.split("：")[0])


@pytest.mark.parametrize(
    ("text", "span", "case"),
    [
        (
            "严格控制高耗能项目新增产能，对能效低于本行业基准水平的存量项目，"
            "要在2025年底前完成技术改造。",
            "要在2025年底前完成技术改造",
            "对能效低于本行业基准水平的存量项目",
        ),
        (
            "加强安全管理，对存在重大隐患的企业，要责令停产整顿。",
            "要责令停产整顿",
            "对存在重大隐患的企业",
        ),
    ],
)
def test_the_ones_named_after_a_direction_are_the_next_duty_s_case(text, span, case):
    """加强…，对…的企业，要…: the ones picked out are the duty's condition (GUIDE 3), no part of
    its words; the direction leads into it."""
    (r,) = extract(text)
    assert r.span == span and r.applies_when is not None and r.applies_when.text == case


@pytest.mark.parametrize(
    "text",
    [
        "经研究，同意市城管局内设机构调整方案，调整后设置科室8个。",
        "经市政府常务会议研究决定，调整后设置科室8个。",
        # (no duty after it to lead into: the phrase's own condition reading, 经…, refuses it too)
        "经研究，调整后设置科室8个。",
    ],
)
def test_how_a_text_was_decided_is_no_condition(text):
    """经研究，…: how the decision was made, not the case a requirement applies in."""
    (r,) = extract(text)
    assert r.value == 8 and r.applies_when is None


def test_after_leave_is_still_a_condition():
    (r,) = extract("经批准，可以延长至6个月。")
    assert r.applies_when is not None and r.applies_when.text == "经批准"


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("参会人员须达到应到人数的半数以上。", ">="),  # 以上 includes the number
        ("出席人数不得少于成员总数的半数。", ">="),
        ("表决事项须经全体成员过半数同意。", ">"),  # 过半数: more than half
    ],
)
def test_half_is_a_share_of_fifty_percent(text, comparator):
    """半数以上, 过半数: a share written in words, as 三分之二 is (50 %)."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == (comparator, 50, "%")


def test_more_than_half_in_a_condition():
    (r,) = extract("超过半数的成员提议召开会议的，应当召开临时会议。")
    assert (r.applies_when.comparator, r.applies_when.value) == (">", 50)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("年产值应介于500万元和2000万元之间。", 5000000, 20000000, "元"),
        ("水温应控制在60℃与70℃之间。", 60, 70, "℃"),
    ],
)
def test_two_amounts_joined_by_and_then_between_are_one_range(text, low, high, unit):
    """介于X和Y之间: one range, both ends included, as X至Y之间 is."""
    (r,) = extract(text)
    assert (r.comparator, r.low, r.high, r.unit) == ("range", low, high, unit)


def test_two_amounts_joined_by_and_with_no_between_stay_two():
    assert [r.value for r in extract("配备5人和10人的两个班组。")] == [5, 10]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("医疗废物集中处置单位，应当建立管理责任制。", "医疗废物集中处置单位"),
        (
            "医疗卫生机构和医疗废物集中处置单位，应当建立、健全医疗废物管理责任制。",
            "医疗卫生机构和医疗废物集中处置单位",
        ),
        ("危险废物处置单位、检测机构，应当建立管理责任制。", "危险废物处置单位、检测机构"),
    ],
)
def test_a_party_named_before_the_comma_and_its_modal_word_is_no_row(text, who):
    """处置单位，应当…: a verb inside a party's name (处置, 检测) makes no duty of the name."""
    (r,) = extract(text)
    assert r.subject == who and r.modality == "mandatory"


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "本市行政区域内的燃气经营企业，应当每年对用户燃气设施至少进行一次安全检查。",
            "燃气经营企业",
        ),
        ("本县范围内的加油站，应当每年进行一次检测。", "加油站"),
    ],
)
def test_where_the_text_holds_picks_no_one_out(text, who):
    """本市行政区域内的…企业，应当…: where the rule holds, all of it, no condition; the party
    is named without it."""
    (r,) = extract(text)
    assert r.applies_when is None and r.subject == who


def test_the_ones_a_number_picks_out_stay_a_condition():
    (r,) = extract("年用气量10万立方米以上的燃气经营企业，应当每年进行一次检测。")
    assert r.applies_when is not None and r.applies_when.value == 100000


@pytest.mark.parametrize(
    ("text", "span", "case"),
    [
        (
            "依法必须进行招标的项目，招标文件发售期不得少于5日。",
            "招标文件发售期不得少于5日",
            "依法必须进行招标的项目",
        ),
        (
            "需要办理施工许可的工程，建设单位应当在开工前申领施工许可证。",
            "建设单位应当在开工前申领施工许可证",
            "需要办理施工许可的工程",
        ),
        (
            "依法必须进行招标的项目，自招标文件开始发出之日起至投标人提交投标文件截止之日止，"
            "最短不得少于20日。",
            "最短不得少于20日",
            None,
        ),
    ],
)
def test_the_ones_a_law_binds_are_no_duty_of_their_own(text, span, case):
    """依法必须进行招标的项目，…: 必须 describes the ones picked out (GUIDE 3), no row."""
    (r,) = extract(text)
    # (a span of days between, 自…之日起至…止, stands between the ones and their bound: no case
    # is read across it yet, but no row of theirs either)
    assert (r.span, r.applies_when.text if r.applies_when else None) == (span, case)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("单位和职工缴存比例均不得低于5%，最高不得超过12%。", "单位和职工"),
        (
            "危险化学品生产企业的主要负责人和安全生产管理人员初次培训时间不得少于48学时，"
            "每年再培训时间不得少于16学时。",
            "危险化学品生产企业的主要负责人和安全生产管理人员",
        ),
    ],
)
def test_parties_listed_before_their_measure_are_all_named(text, who):
    """单位和职工缴存比例均…: the list, not its first party, in every row of the sentence."""
    assert [r.subject for r in extract(text)] == [who, who]


def test_a_verb_after_an_adverb_opens_no_party_s_name():
    """代理机构…，及时协助采购人…: how promptly, then a verb, and whom it helps; who acts is
    the sentence's party, not 及时协助采购人."""
    rows = extract("代理机构应当按照合同约定组织采购，及时协助采购人对采购项目进行验收。")
    assert [r.subject for r in rows] == ["代理机构", "代理机构"]


def test_a_long_name_before_its_verb_is_who_acts():
    (r,) = extract("各乡镇（街道）安全生产监督管理办公室将检查结果报县应急管理局。")
    assert r.subject == "各乡镇（街道）安全生产监督管理办公室"


@pytest.mark.parametrize(
    ("words", "weekday"),
    [
        ("每周一上午10时前报送上周情况", 0),
        ("每周五17:00前报送", 4),
        ("每周五下班前报送本周信息", 4),
        ("每周三下午3点半前报送", 2),
    ],
)
def test_a_weekday_with_a_time_of_day_is_a_weekly_deadline(words, weekday):
    """每周一上午10时前: by that weekday each week (the hour is finer than the rule keeps)."""
    due, _start, _end = due_in(words)
    assert due == {"rule": "weekly_day", "weekday": weekday}


@pytest.mark.parametrize(
    ("words", "due"),
    [
        ("每月5日17时前报送上月数据", {"rule": "monthly_day", "day": 5}),
        ("次月5日12:00前报送", {"rule": "next_month_day", "day": 5}),
        ("于2024年3月15日下午5点前提交", {"rule": "date", "date": "2024-03-15"}),
        ("每季度首月15日下午5点前报送", {"rule": "quarter_first_month_day", "day": 15}),
    ],
)
def test_a_day_with_a_time_of_day_keeps_its_deadline(words, due):
    """次月5日12:00前: by that day (the hour between the day and 前 hid the rule)."""
    assert due_in(words)[0] == due


@pytest.mark.parametrize(
    "text",
    ["对不在岗的及时清退。", "各县区人社部门每季度进行一次核查，对不在岗的及时清退。"],
)
def test_the_ones_before_a_prompt_act_are_its_condition(text):
    """对不在岗的及时清退: the ones it is for, as 对不在岗的予以清退 (no comma between)."""
    r = extract(text)[-1]
    assert r.span == "对不在岗的及时清退" and r.applies_when.text == "对不在岗的"
    assert "vague_deadline" in r.flags


@pytest.mark.parametrize(
    "text",
    [
        "全年新增城镇就业3.5万人以上。责任单位：市人社局（牵头）、各县区政府。",
        "全年新增城镇就业3.5万人以上。（责任单位：市人社局（牵头）、各县区政府）",
    ],
)
def test_a_unit_marked_as_leading_is_the_task_s_subject(text):
    """责任单位：A（牵头）、B: the lead unit (GUIDE 2), without its marker."""
    assert extract(text)[0].subject == "市人社局"


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("改造城镇老旧小区50个、棚户区3000套。", [50, 3000]),
        ("培育龙头企业10家、家庭农场200个。", [10, 200]),
    ],
)
def test_a_task_s_verb_reaches_every_item_of_its_list(text, values):
    """改造…50个、棚户区3000套: each item's amount is the task's target."""
    assert [r.value for r in extract(text)] == values


def test_a_row_inside_an_aside_ends_before_its_close():
    """（市林业局负责；2024年11月底前完成）: the date's row, without the aside's ）."""
    rows = extract("完成造林绿化2万亩。（市林业局负责；2024年11月底前完成）")
    assert rows[-1].span == "2024年11月底前完成"
    assert rows[-1].due == {"rule": "date", "date": "2024-11-30"}


@pytest.mark.parametrize(
    ("text", "comparator", "value", "unit"),
    [
        ("整改期限不超过一年半。", "<=", 18, "month"),
        ("整改期限一年半以内。", "<=", 18, "month"),
        ("应在2小时半内到达。", "<=", 150, "minute"),
        ("试用期为半年。", "==", 6, "month"),  # (half a year alone, as before)
    ],
)
def test_a_unit_and_a_half_is_read_in_the_smaller_unit(text, comparator, value, unit):
    """一年半: 18 months, not 1 year (the 半 after the unit was dropped)."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == (comparator, value, unit)


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("容积率大于等于1.2。", ">=", Decimal("1.2")),
        ("安全系数小于或等于0.8。", "<=", Decimal("0.8")),
    ],
)
def test_a_pure_number_after_both_comparisons_in_words(text, comparator, value):
    """容积率大于等于1.2: 大于等于 is ≥ (the comparator table's), for a number with no unit too."""
    (r,) = extract(text)
    assert (r.comparator, r.value) == (comparator, value)


@pytest.mark.parametrize(
    "text",
    ["对同一市场主体的抽查原则上每年不超过1次。", "对同一企业的行政检查原则上每年不超过2次。"],
)
def test_the_party_checks_are_done_to_is_no_subject(text):
    """对同一市场主体的抽查…不超过1次: the checks done to it, not a duty of theirs."""
    (r,) = extract(text)
    assert r.subject is None and (r.kind, r.comparator, r.per) == ("frequency", "<=", "year")


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("评审专家与供应商存在利害关系的，应当主动回避。", "评审专家"),
        ("用人单位与劳动者发生劳动争议的，可以申请调解。", "用人单位与劳动者"),
    ],
)
def test_who_stands_in_a_relation_acts_alone(text, who):
    """A与B有利害关系的，应当回避: A withdraws, B is whom it stands with (a dispute of both, 发生
    劳动争议, is either's to take further)."""
    (r,) = extract(text)
    assert r.subject == who


def test_an_inspected_party_checked_so_often_is_no_subject():
    """重点企业每年检查不少于2次: the enterprises are checked (an authority checks them)."""
    rows = extract("重点企业每年检查不少于2次，一般企业每2年检查不少于1次。")
    assert [(r.subject, r.kind) for r in rows] == [(None, "frequency"), (None, "frequency")]


def test_an_official_s_own_round_keeps_its_subject():
    rows = extract("乡镇级田长每月巡查不少于1次，村级田长每周巡查不少于1次。")
    assert [r.subject for r in rows] == ["乡镇级田长", "村级田长"]


@pytest.mark.parametrize(
    ("text", "value"), [("一年开展两次评估。", 2), ("一月组织一次巡查。", 1), ("一年两次。", 2)]
)
def test_one_period_a_verb_then_how_many_times_is_each_period(text, value):
    """一年开展两次评估: as 每年开展两次 (the verb between the period and its times)."""
    (r,) = extract(text)
    assert (r.kind, r.value, r.unit) == ("frequency", value, "次")


def test_the_first_quarter_then_a_verb_is_no_frequency():
    """一季度召开一次调度会: 一季度 is the first quarter here, not each one."""
    (r,) = extract("一季度召开一次调度会。")
    assert r.per != "quarter"
