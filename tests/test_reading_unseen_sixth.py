"""A sixth round of the reading, found by probing it with clauses written for the purpose (never
from the bundled gazettes): employment subsidies, fund management, care homes, school buses and
more. Each case is a clear error a probe found, read as GUIDE.md (tests/data/reading_labels)
says."""

from __future__ import annotations

import cn2an
import pytest
from hypothesis import given
from hypothesis import strategies as st

from checklists.authoring.wording import item_from_requirement
from checklists.scoring import evaluate
from checklists.scoring.items import Answer, ItemSpec
from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    "text",
    [
        "申领社会保险补贴的期限最长不超过3年，距法定退休年龄不足5年的，可延长至退休。",
        "补贴期限不超过2年，从事特殊工种满10年的，可以适当延长。",
    ],
)
def test_the_ones_a_permission_after_a_comma_is_for_are_its_condition(text):
    """…，X不足5年的，可…: which ones may (GUIDE 3), not a permission row of their own."""
    limit, allowed = extract(text)
    assert limit.comparator == "<=" and limit.applies_when is None
    assert allowed.modality == "permission" and allowed.value is None
    assert allowed.applies_when is not None and allowed.applies_when.value in (5, 10)
    assert allowed.applies_when.comparator in ("<", ">=")


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("项目资金的使用情况，每半年向社会公示一次。", "half_year"),
        ("补贴发放情况，每季度公示一次。", "quarter"),
        ("企业的整改情况，每月向区安监局报告一次。", "month"),
    ],
)
def test_how_a_thing_stands_is_the_topic_of_the_duty_after_it(text, per):
    """资金使用情况，每半年公示一次: what is made public, no duty of its own (使用: no verb)."""
    (r,) = extract(text)
    assert (r.kind, r.per) == ("frequency", per)


@pytest.mark.parametrize(
    ("text", "duty"),
    [
        ("公开资金使用情况，接受社会监督。", "公开资金使用情况"),
        # (an adverb before the verb: still a verb of the phrase's own)
        ("定期通报工作进展情况，每月一次。", "定期通报工作进展情况"),
        ("及时掌握企业生产情况，每月报告一次。", "及时掌握企业生产情况"),
    ],
)
def test_a_verb_before_how_a_thing_stands_is_a_duty(text, duty):
    """公开资金使用情况: a duty to publish it."""
    assert extract(text)[0].span == duty


@pytest.mark.parametrize(
    "text",
    [
        "校车驾驶人最近连续3个记分周期内没有被记满分记录。",
        "申请人近3年内无重大安全生产事故。",
        "企业最近2个年度内未发生较大以上生产安全事故。",
        # (as before: the years before an act)
        "参加政府采购活动前三年内，在经营活动中没有重大违法记录。",
    ],
)
def test_a_record_clean_in_a_time_looked_back_on_is_a_yes_no_requirement(text):
    """近3年内无…事故: no count of periods, no time to act in; whether the record is clean."""
    (r,) = extract(text)
    assert (r.kind, r.comparator, r.value) == ("presence", None, None)
    assert r.span == text.rstrip("。")


@pytest.mark.parametrize(
    "text",
    [
        "第一阶段（2023年3月—4月）：排查摸底。",
        "整治工作分三个阶段进行。",
        "专项行动分两个阶段实施。",
    ],
)
def test_a_plan_s_stages_are_its_outline_not_requirements(text):
    """A stage's heading with its dates, and how the work is staged: no rows (GUIDE 1.5)."""
    assert extract(text) == []


def test_the_duty_under_a_stage_s_heading_is_read():
    """第一阶段（…）：排查摸底。各县要…: the heading no row, the duty after it one."""
    (r,) = extract("第一阶段（2023年3月—4月）：排查摸底。各县要全面排查辖区内问题。")
    assert (r.span, r.subject) == ("各县要全面排查辖区内问题", "各县")


@pytest.mark.parametrize(
    "text",
    [
        "对2022年底前未完成整治任务的县（市、区），由市政府约谈其主要负责同志。",
        "2023年6月底前未完成整改的企业，一律停产整顿。",
    ],
)
def test_a_date_inside_a_condition_is_no_deadline_of_the_duty_after_it(text):
    """…年底前未完成…的，由…约谈: the date says what the breach is, the sanction has no due."""
    (r,) = extract(text)
    assert r.due is None and r.kind == "presence"
    assert r.applies_when is not None and "底前未完成" in r.applies_when.text


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("开发公益性岗位500个，安置就业困难人员。", 500, "个"),
        ("帮扶困难人员就业3000人。", 3000, "人"),
    ],
)
def test_an_employment_task_s_amount_is_its_target(text, value, unit):
    """开发…岗位500个: a task's target (GUIDE 1.4), as 培育…15家 is."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == ("==", value, unit)
    assert "assumed_equal" in r.flags


@pytest.mark.parametrize("text", ["全市共开发公益性岗位500个。", "已安置就业困难人员300人。"])
def test_an_employment_task_done_is_a_report(text):
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "aim", "duty", "subject"),
    [
        (
            "加强安全管理，企业要建立隐患排查制度。",
            "加强安全管理",
            "企业要建立隐患排查制度",
            "企业",
        ),
        (
            "强化监督检查，各县要每月开展一次检查。",
            "强化监督检查",
            "各县要每月开展一次检查",
            "各县",
        ),
        (
            "加强用能预算管理，年综合能耗1万吨标准煤以上的企业要制定节能改造计划。",
            "加强用能预算管理",
            "年综合能耗1万吨标准煤以上的企业要制定节能改造计划",
            "企业",
        ),
    ],
)
def test_an_aim_before_a_party_s_duty_is_a_row_of_that_party(text, aim, duty, subject):
    """加强…，企业要…: with a modal word and a party acting, the aim is a row of that party
    (GUIDE 1.1), the duty after it another; not one row of both."""
    first, second = extract(text)
    assert (first.span, first.subject) == (aim, subject)
    assert (second.span, second.subject, second.modality) == (duty, subject, "mandatory")


def test_an_aim_alone_is_still_no_row():
    """积极推进…: a direction with no modal word and no party (GUIDE 1.1)."""
    assert extract("积极推进农村人居环境整治。") == []


def test_a_number_stated_to_be_so_much_is_a_rule_not_which_ones():
    """评标委员会成员人数为5人以上单数，其中…: the committee's size, a row of its own; not the
    condition of the share after it (as 4级以上大风天气，应当… would be)."""
    size, share = extract("评标委员会成员人数为5人以上单数，其中专家不得少于成员总数的三分之二。")
    assert (size.comparator, size.value, size.unit) == (">=", 5, "人")
    assert share.unit == "%" and share.applies_when is None


def test_the_ones_a_frequency_after_a_comma_is_for_are_its_condition():
    """…，营运客车使用年限达到8年以上的，每半年检测一次: which ones, not a row of their own."""
    yearly, half_yearly = extract(
        "道路运输车辆每年应当进行一次综合性能检测，营运客车使用年限达到8年以上的，每半年检测一次。"
    )
    assert (yearly.per, yearly.applies_when) == ("year", None)
    assert half_yearly.per == "half_year"
    when = half_yearly.applies_when
    assert when is not None and (when.comparator, when.value, when.unit) == (">=", 8, "year")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("人员配备：站长1名，工作人员2名。", [1, 2]),
        ("幼儿园每班幼儿人数：小班25人，中班30人，大班35人。", [25, 30, 35]),
    ],
)
def test_a_standard_s_values_listed_after_its_head_are_rows(text, values):
    """人员配备：站长1名，…: each value of the standard its head names, one row (GUIDE 1.4)."""
    rows = extract(text)
    assert [r.value for r in rows] == values
    assert {r.comparator for r in rows} == {"=="}


def test_a_report_s_list_after_a_colon_stays_a_report():
    assert extract("全市现有企业：规上企业320家，规下企业1200家。") == []
    assert extract("考核结果：优秀3个，良好5个。") == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("对不裁员或少裁员的参保企业，按规定返还失业保险费。", "按规定返还失业保险费"),
        ("开发一批科研助理岗位。", "开发一批科研助理岗位"),
    ],
)
def test_a_refund_and_jobs_to_create_are_directives(text, span):
    """返还…, 开发…岗位: directive phrases, rows modal word or not (GUIDE 1.1)."""
    assert [r.span for r in extract(text)] == [span]


def test_ranking_work_high_is_an_attitude_and_assigned_responsibility_a_duty():
    """把…摆在突出位置: an attitude (GUIDE 1.5); 压实工作责任: a duty of the party named."""
    (r,) = extract("各地各部门要把稳就业工作摆在突出位置，压实工作责任。")
    assert (r.span, r.subject) == ("压实工作责任", "各地各部门")


def test_the_supply_cooperative_is_an_authority_and_a_farmers_cooperative_is_inspected():
    """市供销社要加强…储备: the supply and marketing cooperative acts for the government."""
    duty, target = extract("市供销社要加强化肥、农药等农资储备，确保4月底前储备化肥不少于5万吨。")
    assert (duty.subject, duty.subject_kind) == ("市供销社", "authority")
    assert (target.subject, target.value, target.unit) == ("市供销社", 50000, "t")
    (r,) = extract("农民专业合作社应当建立生产记录。")
    assert r.subject_kind == "regulated"


def test_a_task_handed_down_is_a_duty_of_its_own():
    """要将目标任务分解落实到乡镇: the duty itself, not words leading into the target after it."""
    duty, target = extract(
        "各县（市、区）要将粮食生产目标任务分解落实到乡镇，确保全市粮食播种面积稳定在200万亩以上。"
    )
    assert duty.span == "各县（市、区）要将粮食生产目标任务分解落实到乡镇"
    assert (target.comparator, target.value, target.unit) == (">=", 2_000_000, "亩")


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("运价上限为0.5元/吨·公里。", "t·km"),
        ("运价不超过0.3元/人·公里。", "人·km"),
        # (as before: per person and day, the day its period)
        ("伙食补助标准为100元/人·天。", "day"),
    ],
)
def test_a_rate_per_a_product_keeps_both_parts(text, per):
    """元/吨·公里: per tonne and kilometre carried, not per kilometre (an open finding)."""
    (r,) = extract(text)
    assert (r.unit, r.per) == ("元", per)


def test_a_freight_rate_drafted_from_a_clause_judges_an_answer_in_other_units():
    """0.5元/吨·公里 drafted as a rule in 元/t·km; 0.0006 元/千克·公里 is 0.6 元/吨·公里, over."""
    item = item_from_requirement(extract("运价上限为0.5元/吨·公里。")[0])
    assert item["rule"] == {"op": "<=", "value": "0.5", "unit": "元/t·km"}
    spec = ItemSpec(1, item["answer_type"], item["rule"])
    assert evaluate(spec, Answer("0.0006", "元/kg·km")).result == "fail"
    assert evaluate(spec, Answer("0.4", "元/吨·公里")).result == "pass"


def test_a_fee_set_is_a_row_and_funds_stated_are_not():
    """保洁费为每月10元/户: a fee set (as 收费标准 is); 项目经费为50万元: funds stated."""
    (r,) = extract("保洁费为每月10元/户。")
    assert (r.comparator, r.value, r.unit) == ("==", 10, "元")
    assert all(r.value is None for r in extract("项目经费为50万元，由市财政承担。"))


def test_funds_of_the_budget_applied_for_are_a_breakdown_not_funds_set_aside():
    """其中申请中央预算内资金3亿元: 预算内 names the funds, no verb of setting them aside."""
    assert extract("该项目计划总投资12亿元，其中申请中央预算内资金3亿元。") == []
    (r,) = extract("市财政每年预算安排资金5000万元。")
    assert (r.value, r.per) == (50_000_000, "year")


def test_each_one_of_a_party_names_the_party():
    """每名网格员负责的住户不超过300户: the subject is 网格员, not 每名网格员."""
    (r,) = extract("每名网格员负责的住户不超过300户。")
    assert r.subject == "网格员"


def test_staff_breaching_in_their_work_are_the_sanction_s_case_not_who_acts():
    """各级…部门及其工作人员在…中，存在…行为的，依法追究…: the staff are the case; the sanction
    is the (unnamed) authority's (GUIDE 1.3)."""
    (r,) = extract(
        "各级财政、人力资源社会保障部门及其工作人员在资金分配审核工作中，"
        "存在违规分配资金等违法违纪行为的，依法追究相应责任。"
    )
    assert (r.span, r.subject) == ("依法追究相应责任", None)
    assert r.applies_when is not None
    assert r.applies_when.text.startswith("各级财政、人力资源社会保障部门及其工作人员")


def test_the_ones_then_when_right_before_the_modal_word_are_the_condition():
    """参加职业培训的人员，取得证书后可按规定申请…: which ones and when, one condition; the row is
    what they may do."""
    (r,) = extract("参加职业培训的人员，取得证书后可按规定申请职业培训补贴。")
    assert (r.span, r.modality) == ("可按规定申请职业培训补贴", "permission")
    assert r.applies_when is not None and r.applies_when.text == "参加职业培训的人员，取得证书后"


def test_the_ones_dealt_with_by_an_authority_after_a_comma_are_its_condition():
    """新上高耗能项目，年综合能源消费量5000吨标准煤以上的，由市发展改革委出具…: the number says
    whose case (a year's consumption), no row of its own; the row is the authority's act."""
    (r,) = extract(
        "新上高耗能项目，年综合能源消费量5000吨标准煤以上的，由市发展改革委出具节能审查意见。"
    )
    assert (r.span, r.subject) == ("由市发展改革委出具节能审查意见", "市发展改革委")
    when = r.applies_when
    assert when is not None
    assert (when.comparator, when.value, when.unit, when.per) == (">=", 5000, "tce", "year")


@pytest.mark.parametrize(
    ("text", "excepted"),
    [
        ("本市行政区域内禁止燃放烟花爆竹，但春节期间除外。", "但春节期间除外"),
        ("企业应当每月开展一次自查，法定节假日除外。", "法定节假日除外"),
    ],
)
def test_an_exception_with_no_number_is_the_condition_of_the_duty_before_it(text, excepted):
    """…，但春节期间除外: when the ban does not apply, its condition (as …10人以下的…除外 is)."""
    (r,) = extract(text)
    assert r.applies_when is not None and r.applies_when.text == excepted
    assert r.applies_when.comparator is None


def test_a_direction_to_bring_a_role_into_play_leads_into_nothing():
    """发挥…机构作用，组织开展…: an aim with no modal word and no party (GUIDE 1.1), no part of
    the duty after it."""
    first, count = extract(
        "发挥人力资源服务机构作用，组织开展线上线下招聘活动，全年举办招聘会不少于100场。"
    )
    assert first.span == "组织开展线上线下招聘活动"
    assert (count.comparator, count.value, count.per) == (">=", 100, "year")


def test_allowed_is_a_permission_and_not_allowed_a_ban():
    """允许企业缓缴…: a permission of 企业 (not of "允许企业"); 不允许…: a ban."""
    r = extract("允许企业在一定期限内缓缴社会保险费。")[0]
    assert (r.modality, r.subject) == ("permission", "企业")
    (ban,) = extract("不允许企业缓缴社会保险费。")
    assert ban.kind == "prohibition"


@pytest.mark.parametrize(
    ("aside", "date"),
    [("完成时限：2023年12月底", "2023-12-31"), ("完成时限：2024年底", "2024-12-31")],
)
def test_a_task_aside_s_time_limit_is_a_deadline_with_no_before(aside, date):
    """（…；完成时限：2023年12月底）: the time limit the aside names, a deadline row (GUIDE 1.4),
    as 2023年12月底前 was."""
    duty, due = extract(f"1.开展排查。全面排查违规建设项目。（牵头单位：市林业局；{aside}）")
    assert duty.due is None
    assert (due.kind, due.due, due.subject) == (
        "deadline",
        {"rule": "date", "date": date},
        "市林业局",
    )


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("对同一企业的行政检查，同一年度内原则上不超过2次。", "<=", 2),
        ("对企业的检查，每年不少于1次。", ">=", 1),
    ],
)
def test_what_a_bound_after_it_counts_is_no_duty_of_its_own(text, comparator, value):
    """对同一企业的行政检查，…不超过2次: the checks counted, the topic of the bound (its 检查 a
    noun); one row, the bound's."""
    (r,) = extract(text)
    assert (r.kind, r.comparator, r.value, r.per) == ("frequency", comparator, value, "year")


def test_a_one_off_ban_s_bounds_are_what_is_allowed():
    """不得一次性收取时间跨度超过3个月或60课时的费用: the excess banned, so at most 3 months and at
    most 60 class hours (一次性 is masked as no number; the list's second bound the same)."""
    months, hours = extract("不得一次性收取时间跨度超过3个月或60课时的费用。")
    assert (months.comparator, months.value, months.unit) == ("<=", 3, "month")
    assert (hours.comparator, hours.value, hours.unit) == ("<=", 60, "课时")


def test_a_measure_named_before_its_numbers_is_their_topic():
    """失业保险稳岗返还比例，中小微企业由60%提高至90%，…: what the numbers after it are, no
    duty of its own."""
    rows = extract("失业保险稳岗返还比例，中小微企业由60%提高至90%，大型企业由30%提高至50%。")
    assert [(r.value, r.subject) for r in rows] == [(90, "中小微企业"), (50, "大型企业")]


def test_the_effect_a_duty_is_to_have_belongs_to_it():
    """要加大…查处力度，形成有效震慑: to what end (GUIDE 1.1), part of the row before it."""
    (r,) = extract("要加大对违法违规行为的查处力度，形成有效震慑。")
    assert r.span == "要加大对违法违规行为的查处力度，形成有效震慑"


@pytest.mark.parametrize(
    ("text", "comparator", "value", "per"),
    [
        ("补助资金按照每亩不超过贰佰元标准发放。", "<=", 200, "亩"),
        ("奖励标准为每人壹仟伍佰元。", "==", 1500, "人"),
    ],
)
def test_an_amount_in_financial_numerals_is_read(text, comparator, value, per):
    """贰佰元, 壹仟伍佰元: the numerals amounts are written in on paper that must not be altered."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit, r.per) == (comparator, value, "元", per)


def test_a_headcount_with_a_marker_is_the_condition_not_who_acts():
    """从业人员超过（含）50人的，应当配备…: how many staff, the case; the staff do not act."""
    (r,) = extract("从业人员超过（含）50人的，应当配备专职安全管理人员。")
    assert r.subject is None
    assert (r.applies_when.comparator, r.applies_when.value) == (">=", 50)


@given(st.integers(min_value=1, max_value=999_999))
def test_any_amount_in_financial_numerals_reads_as_its_value(n):
    """Property: 不超过{n in 大写}元 reads as ≤ n 元, whatever n (cn2an writes the numerals)."""
    (r,) = extract(f"补助金额不超过{cn2an.an2cn(n, 'up')}元。")
    assert (r.comparator, r.value, r.unit) == ("<=", n, "元")


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (
            "各级各部门要加大对调研干部的培养，积极选拔年轻干部充实到调研队伍。",
            ["各级各部门要加大对调研干部的培养", "积极选拔年轻干部充实到调研队伍"],
        ),
        ("不断改善基层工作条件。", ["不断改善基层工作条件"]),
        # (a state hoped for: no verb of a duty)
        ("到2025年，农村人居环境显著改善。", []),
    ],
)
def test_selecting_and_improving_are_directives(text, spans):
    """选拔…, 改善…条件: directive phrases (GUIDE 1.1's aims do not list them), a row each."""
    assert [r.span for r in extract(text)] == spans


@pytest.mark.parametrize(
    "text",
    [
        "一年来，全市生态环境质量持续改善，PM2.5平均浓度下降到38微克/立方米。",
        "五年来，全市累计新增就业15万人。",
    ],
)
def test_the_years_past_told_of_are_a_report(text):
    """一年来，…: what was done, a report (GUIDE 1.5), as 近年来 is; no target."""
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("行业主管部门依法履行燃气安全监管职责。", ["行业主管部门依法履行燃气安全监管职责"]),
        # (a case of duties not done: no duty of its own)
        ("赡养人有赡养能力但未依法履行义务的，由民政部门督促其履行。", ["由民政部门督促其履行"]),
    ],
)
def test_duties_taken_up_are_a_directive(text, rows):
    """履行…职责: an act of the party named (GUIDE 1.1), modal word or not; 未…履行 is a case."""
    assert [r.span for r in extract(text)] == rows


@pytest.mark.parametrize(
    ("text", "season"),
    [
        ("每日至少清运一次，夏季每日至少清运两次。", "夏季"),
        ("汛期每天巡查不少于2次。", "汛期"),
        ("夜间应当保持2人以上值班。", "夜间"),
    ],
)
def test_a_season_opening_a_phrase_is_its_condition(text, season):
    """…，夏季每日至少清运两次: the summer's rate holds in summer only (its condition); the row
    before it keeps none."""
    rows = extract(text)
    assert rows[-1].applies_when is not None and rows[-1].applies_when.text == season
    assert all(r.applies_when is None for r in rows[:-1])
