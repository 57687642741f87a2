"""Wordings found by probing the reading with texts written for the purpose, genre by genre
(never taken from the bundled gazettes): procurement rules, technical standards, credit and
spot-check rules. One table row per wording; ``test_reading_unseen`` and
``test_reading_probes`` hold the earlier ones."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract

# --- （含）/（不含） on a range's ends ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high", "flags"),
    [
        ("冷库温度应控制在-18℃（含）至-15℃（不含）。", -18, -15, {"high_exclusive"}),
        ("库房温度应保持在10℃（不含）至25℃（含）之间。", 10, 25, {"low_exclusive"}),
        ("库房温度应保持在10℃至25℃之间。", 10, 25, set()),
        ("冷藏温度应控制在-5℃至-1℃。", -5, -1, set()),
    ],
)
def test_a_range_keeps_each_end_as_its_marker_says(text, low, high, flags):
    (r,) = extract(text)
    assert (r.comparator, r.low, r.high) == ("range", low, high)
    assert {f for f in r.flags if f.endswith("_exclusive")} == flags


@pytest.mark.parametrize(
    ("text", "low", "high", "ends"),
    [
        ("对年处理量10吨（含）至100吨（不含）的企业，应当每季度检测一次。", 10, 100, (True, False)),
        ("月收入高于900元但低于1200元的，给予每月200元补助。", 900, 1200, (False, False)),
        ("年满60周岁至79周岁的，每月发放高龄津贴100元。", 60, 79, (True, True)),
    ],
)
def test_a_range_condition_keeps_each_end_as_written(text, low, high, ends):
    aw = extract(text)[0].applies_when
    assert (aw.comparator, aw.low, aw.high) == ("range", low, high)
    assert (aw.low_inclusive, aw.high_inclusive) == ends
    assert aw.to_dict()["high_inclusive"] is ends[1]


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        # the fine of the procurement law's article 77, as city rules copy it
        ("处以采购金额千分之五以上千分之十以下的罚款。", 5, 10, "‰"),
        ("处以合同金额百分之五以上、百分之十以下的罚款。", 5, 10, "%"),
        ("按合同金额的千分之三至千分之五收取。", 3, 5, "‰"),
    ],
)
def test_two_shares_in_words_make_one_range(text, low, high, unit):
    (r,) = extract(text)
    assert (r.comparator, r.low, r.high, r.unit) == ("range", low, high, unit)


def test_two_shares_listed_stay_two():
    rows = extract("按百分之三、百分之五的比例分别缴纳。")
    assert [(r.comparator, r.value) for r in rows] == [("==", 3), ("==", 5)]


# --- what a count is per ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "per", "per_count"),
    [
        ("每千张床位配备救护车不少于2辆。", "张", 1000),
        ("每百平方米设置灭火器不少于2具。", "m²", 100),
        ("每万人口公共厕所不少于3座。", "人", 10000),
        ("每个乡镇设置1个综合文化站。", "乡镇", None),
        ("每村配备1名保洁员。", "村", None),
        # a place of one township is no township
        ("为每个乡镇街道联合校配备1个特级教师岗位。", None, None),
    ],
)
def test_what_a_count_is_per(text, per, per_count):
    (r,) = extract(text)
    assert (r.per, r.per_count) == (per, per_count)


# --- credit and spot-check rules ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("应配备灭火毯不少于5块。", 5, "块"),
        ("每个作业面设置接地极不少于2根。", 2, "根"),
        ("应设置地下水监测井不少于3眼。", 3, "眼"),
    ],
)
def test_more_things_counted_by_their_measure_words(text, value, unit):
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == (">=", value, unit)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("失信主体可以申请信用修复。", "失信主体"),
        ("市场主体应当于每年6月30日前报送年度报告。", "市场主体"),
        ("检查对象应当配合检查，如实提供有关资料。", "检查对象"),
        # a plan of the year, of the department itself, is no text about itself
        ("各部门要制定本年度双随机抽查工作计划。", "各部门"),
        ("市场监管局要于每年1月底前制定本部门抽查工作计划。", "市场监管局"),
    ],
)
def test_the_parties_of_credit_and_spot_check_rules(text, subject):
    rows = extract(text)
    assert rows and all(r.subject == subject for r in rows)


def test_a_document_made_by_the_text_itself_is_still_no_duty():
    assert extract("为加强管理，根据有关法律法规，结合本市实际，制定本办法。") == []


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("对一般检查事项，每年至少开展一次双随机抽查。", "对一般检查事项"),
        ("对重点检查事项，抽查比例不低于10%。", "对重点检查事项"),
    ],
)
def test_the_matters_a_rule_is_for_are_its_condition(text, when):
    (r,) = extract(text)
    assert r.applies_when is not None and r.applies_when.text == when


# --- sanctions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("违反信用承诺的，记入信用记录。", ["记入信用记录"]),
        ("对失信企业，记入信用记录，并予以公示。", ["记入信用记录", "并予以公示"]),
        # a fine's amount is the fine's, not which ones the next sanction is for
        (
            "违反本办法规定的，处一万元以上三万元以下的罚款，列入不良行为记录名单，"
            "一至三年内禁止参加政府采购活动。",
            [
                "处一万元以上三万元以下的罚款",
                "列入不良行为记录名单",
                "一至三年内禁止参加政府采购活动",
            ],
        ),
        # the cases listed after the sanctions are their condition, never duties
        (
            "采购人有下列情形之一的，责令限期改正，给予警告，并予以通报：（一）应当采用公开招标方式"
            "而擅自采用其他方式采购；（二）擅自提高采购标准；（三）未按规定公告信息。",
            ["责令限期改正", "给予警告", "并予以通报"],
        ),
    ],
)
def test_sanctions_each_a_row(text, spans):
    rows = extract(text)
    assert [r.span for r in rows] == spans
    assert rows[0].applies_when is not None
    assert all(r.applies_when is None for r in rows[1:])


def test_the_fine_s_range_is_its_own_and_no_condition_of_the_ban_after_it():
    fine, _, ban = extract(
        "违反本办法规定的，处一万元以上三万元以下的罚款，列入不良行为记录名单，"
        "一至三年内禁止参加政府采购活动。"
    )
    assert (fine.comparator, fine.low, fine.high, fine.unit) == ("range", 10000, 30000, "元")
    assert (ban.low, ban.high, ban.unit, ban.applies_when) == (1, 3, "year", None)


def test_the_items_of_a_case_lead_under_it_are_no_duties():
    from checklists.standards.settling import under_a_lead

    lead = "采购人有下列情形之一的，责令限期改正，给予警告："
    item = "（一）应当采用公开招标方式而擅自采用其他方式采购；"
    assert under_a_lead(extract(item), lead, item, "（一）") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a deposit changed by that much, or to a share of a whole: the value as written
        ("保证金上浮50%。", 50),
        ("对信用评价为优秀的企业，保证金减免30%。", 30),
        ("履约保证金降至合同价款的1%。", 1),
        ("对信用评价为较差的企业，保证金提高至合同价款的5%。", 5),
    ],
)
def test_a_deposit_changed_is_a_fixed_share(text, value):
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == ("==", value, "%")


def test_a_drop_to_reach_is_still_at_least_that_much():
    (r,) = extract("单位GDP能耗比2020年下降13.5%。")
    assert (r.comparator, r.value) == (">=", Decimal("13.5"))


# --- who acts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        # a time from an event is no name, though a party is named in it
        ("竞争性谈判文件从发出之日起至供应商提交首次响应文件截止之日止不得少于3个工作日。", [None]),
        # a choice made is no name: the purchaser, named first, may do both
        (
            "采购人可以按照评审报告推荐的中标候选人名单排序，确定下一候选人为中标供应商，"
            "也可以重新开展政府采购活动。",
            ["采购人", "采购人", "采购人"],
        ),
        # an aside of who guides the task is its units, no row of its own
        ("每月至少开展一次自查。（市财政局负责指导）", ["市财政局"]),
        ("各乡镇每月至少开展一次自查。（市财政局负责指导）", ["各乡镇"]),
    ],
)
def test_who_acts_in_procurement_rules(text, subjects):
    assert [r.subject for r in extract(text)] == subjects


# --- technical standards ----------------------------------------------------------------------


def test_a_number_that_names_a_model_is_no_threshold():
    (r,) = extract("配备35kg推车式干粉灭火器不少于1具。")
    assert (r.comparator, r.value, r.unit) == (">=", 1, "具")


def test_a_radius_is_where_the_height_rule_applies():
    (r,) = extract("避雷针应高出周围200米半径范围内最高建筑物3米以上。")
    assert (r.comparator, r.value, r.unit) == (">=", 3, "m")
    aw = r.applies_when
    assert (aw.comparator, aw.value, aw.unit) == ("<=", 200, "m")


@pytest.mark.parametrize(
    ("text", "subject", "when"),
    [
        # a party's own people: its name whole, no condition
        ("企业的主要负责人，应当每年参加一次安全培训。", "企业的主要负责人", None),
        # the ones a check is done to are no party acting
        ("对一般企业，原则上每3年检查1次。", None, "对一般企业"),
        # 跨部门 (across departments) is no department
        (
            "跨部门联合抽查事项不少于年度抽查事项的30%。（牵头单位：市市场监管局；配合单位：市直各部门）",
            "市市场监管局",
            None,
        ),
    ],
)
def test_whose_duty_it_is_in_inspection_rules(text, subject, when):
    (r,) = extract(text)
    assert r.subject == subject
    assert (r.applies_when.text if r.applies_when else None) == when


# --- public services: schools, care homes, clinics, pools ----------------------------------------


def test_a_sanction_for_the_ones_that_did_not_obtain_a_filing():
    (r,) = extract("对未取得备案的机构，由县级民政部门责令限期改正。")
    assert (r.span, r.subject) == ("由县级民政部门责令限期改正", "县级民政部门")
    assert r.applies_when.text == "对未取得备案的机构"


def test_how_often_then_the_directive_is_a_duty_of_its_own():
    record, check = extract("托育机构应当建立健康档案，每日开展晨检。")
    assert (record.span, check.span) == ("托育机构应当建立健康档案", "每日开展晨检")
    assert (check.kind, check.per, check.subject) == ("frequency", "day", "托育机构")


def test_the_ones_after_a_duty_have_the_limit_after_them():
    first, limit = extract("游泳场所应当配备救生员，水面面积在250平方米以下的，至少配备3名救生员。")
    assert first.applies_when is None
    assert (limit.comparator, limit.value, limit.unit) == (">=", 3, "名")
    aw = limit.applies_when
    assert (aw.comparator, aw.value, aw.unit) == ("<=", 250, "m²")


def test_parties_picked_by_their_grade_act():
    (r,) = extract("二级以上综合医院应当设置感染性疾病科。")
    assert (r.span, r.subject) == ("二级以上综合医院应当设置感染性疾病科", "二级以上综合医院")
    assert (r.applies_when.comparator, r.applies_when.value) == (">=", 2)


@pytest.mark.parametrize(
    ("text", "subject", "when"),
    [
        ("医疗机构污水排放前应当进行消毒处理。", "医疗机构", "污水排放前"),
        ("企业停产检修期间应当制定专项方案。", "企业", "停产检修期间"),
        # a vehicle is no party: the whole is when
        ("车辆驶出工地前应当冲洗干净。", None, "车辆驶出工地前"),
    ],
)
def test_a_party_then_when_it_acts(text, subject, when):
    (r,) = extract(text)
    assert (r.subject, r.applies_when.text) == (subject, when)


# --- work safety ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("运输车辆行驶速度不得超过40公里/小时，严禁在禁行时段内驶入城区。", ("<=", 40, "km")),
        ("气瓶存放数量不得超过2瓶，严禁在地下室存放。", ("<=", 2, "瓶")),
    ],
)
def test_a_limit_then_a_ban_are_two_requirements(text, first):
    limit, ban = extract(text)
    assert (limit.comparator, limit.value, limit.unit) == first
    assert ban.kind == "prohibition" and ban.applies_when is None


def test_a_state_reached_before_a_duty_is_still_its_condition():
    (r,) = extract("当日降雨量超过50毫米，应当停止露天作业。")
    assert (r.applies_when.comparator, r.applies_when.value) == (">", 50)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a phrase of the party's name alone, then what it does
        ("危险化学品生产企业，每季度至少开展一次综合性隐患排查。", "危险化学品生产企业"),
        ("建筑施工企业，每年组织开展应急演练不少于2次。", "建筑施工企业"),
        # an authority named before its sanction
        ("验收不合格的，督办部门责令重新整改。", "督办部门"),
        ("由县应急管理局处上一年年收入60%至100%的罚款。", "县应急管理局"),
    ],
)
def test_who_acts_in_work_safety_rules(text, subject):
    (r,) = extract(text)
    assert r.subject == subject


def test_a_share_of_a_year_s_income_is_no_rate_per_year():
    (r,) = extract("由县应急管理局处上一年年收入60%至100%的罚款。")
    assert (r.comparator, r.low, r.high, r.unit, r.per) == ("range", 60, 100, "%", None)


# --- rural affairs ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "due"),
    [
        # a total to reach by a year is a target, not a report of what was done
        ("到2025年，全县累计建成高标准农田35万亩。", 350000, "2025-12-31"),
        ("力争到2025年，全县累计培训5000人次。", 5000, "2025-12-31"),
        # a year inside the phrase, before its target
        ("化肥使用量实现负增长，到2025年主要农作物化肥利用率提高至43%。", 43, "2025-12-31"),
        ("畜禽粪污综合利用率到2025年达到85%以上。", 85, "2025-12-31"),
    ],
)
def test_targets_due_by_a_year(text, value, due):
    r = extract(text)[-1]
    assert r.value == value and r.due == {"rule": "date", "date": due}


@pytest.mark.parametrize(
    "text",
    [
        "2021年至2023年，全县累计建成高标准农田30万亩。",
        "截至2023年底，全县累计建成高标准农田30万亩。",
    ],
)
def test_a_total_done_in_years_past_is_a_report(text):
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("亩均财政投入不低于1500元。", "亩"),
        ("户均配套消纳土地不少于20亩。", "户"),
        ("生均公用经费不低于650元。", "人"),
    ],
)
def test_an_average_per_mu_or_household(text, per):
    (r,) = extract(text)
    assert r.per == per


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("保洁员应当每天清扫2次。", ["保洁员"]),
        ("种粮大户应当于每年4月30日前申报种植面积。", ["种粮大户"]),
        # each phrase's own party, how often each acts
        ("乡镇级田长每月巡查不少于1次，村级田长每周巡查不少于1次。", ["乡镇级田长", "村级田长"]),
        ("县应急局每月巡查不少于1次，乡镇每周巡查不少于1次。", ["县应急局", "乡镇"]),
    ],
)
def test_who_acts_in_rural_rules(text, subjects):
    assert [r.subject for r in extract(text)] == subjects


@pytest.mark.parametrize(
    ("text", "subject", "when"),
    [
        ("①县应急管理局应当每月开展一次检查。", "县应急管理局", None),
        ("①对发现问题的，责令限期整改。", None, "对发现问题的"),
    ],
)
def test_a_circled_number_is_no_part_of_a_name_or_a_condition(text, subject, when):
    (r,) = extract(text)
    assert r.subject == subject
    assert (r.applies_when.text if r.applies_when else None) == when


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("每月检查企业不少于10家次。", 10, "家次"), ("每年组织培训不少于4期。", 4, "期")],
)
def test_visits_and_sessions_are_counted(text, value, unit):
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == (">=", value, unit)


def test_the_ones_a_standard_per_head_is_for_are_its_condition():
    (r,) = extract("人口超过2000人的行政村按照每500人1名的标准增配保洁员。")
    assert (r.value, r.unit, r.per, r.per_count) == (1, "名", "人", 500)
    assert (r.applies_when.comparator, r.applies_when.value) == (">", 2000)


# --- what is no requirement (plans and fund rules) -------------------------------------------


def test_a_slogan_in_quotes_splits_no_phrase_and_names_no_duty():
    (r,) = extract("按照“谁主管、谁负责，谁经营、谁负责”的原则，开展安全检查。")
    assert r.span.endswith("开展安全检查") and r.span.startswith("按照")


def test_what_the_text_leaves_for_later_is_no_row():
    rows = extract("对获评五星级的企业给予等级评定奖励，具体标准另行制定。")
    assert [r.span for r in rows] == ["对获评五星级的企业给予等级评定奖励"]
    # a party that will make it has a duty
    assert extract("具体办法由市财政局另行制定。")[0].subject == "市财政局"


def test_a_year_s_results_against_the_year_before_are_a_report():
    assert extract("2023年，全市新增市场主体5.6万户，同比增长12.3%。") == []


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # a grant, then how its amount is set: one row, the amount's, under the grant's case
        (
            "文化旅游企业开发新线路的，给予补贴，补贴金额按照线路开发费用的20%确定，最高20万元。",
            ("==", 20, "%"),
        ),
        (
            "对新建养老机构给予一次性补助，按照其场地面积每平方米50元计算，最高30万元。",
            ("==", 50, "元"),
        ),
    ],
)
def test_a_grant_and_how_its_amount_is_set_are_one_row(text, first):
    amount, cap = extract(text)
    assert (amount.comparator, amount.value, amount.unit) == first
    assert (cap.comparator, cap.kind) == ("<=", "cap")
    assert not any(r.span.startswith("给予") for r in (amount, cap))


def test_the_ones_a_subsidy_is_for_are_the_condition_of_its_amount():
    (r,) = extract(
        "居家养老服务补贴对象为本市户籍、年满80周岁的低保、特困老年人，补贴标准为每人每月300元。"
    )
    assert (r.value, r.unit, r.per) == (300, "元", "month")
    assert (r.applies_when.comparator, r.applies_when.value) == (">=", 80)


@pytest.mark.parametrize(
    "text",
    [
        # funds already spent: a report
        "2023年，市财政已安排专项资金1.2亿元，支持项目326个。",
        # a state hoped for by a year: no verb of a duty, no number
        "到2025年，农村人居环境显著改善，村容村貌明显提升。",
    ],
)
def test_reports_and_hopes_are_no_rows(text):
    assert extract(text) == []


def test_a_target_by_a_year_with_a_verb_is_still_a_duty():
    (r,) = extract("到2025年底，所有乡镇（街道）建成综合文化站。")
    assert r.due == {"rule": "date", "date": "2025-12-31"}


def test_whom_a_policy_moves_is_no_party():
    rows = extract("引导企业开展技术改造，支持企业上市融资，鼓励企业兼并重组。")
    assert all(r.subject is None for r in rows)
    assert not any(r.span.startswith(("引导", "支持")) for r in rows)


def test_parties_picked_by_grade_with_no_modal_word_act():
    (r,) = extract("全市二级以上公立医院全部开展预约诊疗服务。")
    assert r.span.endswith("开展预约诊疗服务") and r.subject == "全市二级以上公立医院"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # what a sanction takes back was paid already: no report
        ("对弄虚作假骗取资金的，由市财政局责令退回已拨付资金。", "由市财政局责令退回已拨付资金"),
        ("对骗取补贴的，收回已发放的补贴资金。", "收回已发放的补贴资金"),
    ],
)
def test_what_a_sanction_takes_back_is_no_report(text, span):
    (r,) = extract(text)
    assert r.span == span and r.applies_when is not None


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # the part above a limit, a share of it: no comparison
        ("对超过标准的部分，按超出部分的10%给予补助。", ("==", 10, "%", None)),
        # each visit of a person
        ("旅行社组织游客住宿的，按每人次20元给予奖励。", ("==", 20, "元", "人次")),
    ],
)
def test_shares_of_a_part_and_amounts_per_visit(text, fields):
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit, r.per) == fields


def test_which_bottles_are_counted_is_no_requirement():
    (r,) = extract("气瓶存放数量不得超过2瓶（单瓶15公斤规格）。")
    assert (r.comparator, r.value, r.unit) == ("<=", 2, "瓶")


def test_a_name_holding_a_word_of_reporting_is_a_name():
    (r,) = extract("申报单位应当在30日内提交申报材料。")
    assert r.subject == "申报单位"


def test_the_party_after_the_basis_a_duty_is_done_on_acts():
    (r,) = extract("按照属地管理原则，各县（市、区）负责辖区内的监督检查。")
    assert r.subject == "各县（市、区）"


# --- environment ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("夜间22时至次日6时，禁止施工作业。", "夜间22时至次日6时"),
        ("每年5月至9月，禁止露天喷涂作业。", "每年5月至9月"),
    ],
)
def test_a_window_of_hours_or_months_opening_a_sentence_is_its_condition(text, when):
    (r,) = extract(text)
    assert r.kind == "prohibition" and r.applies_when.text == when


def test_the_ones_a_rank_picks_out_are_a_condition_not_a_report():
    (r,) = extract("对排名位居全市后三位的乡镇，由县政府约谈其主要负责人。")
    assert r.subject == "县政府" and r.applies_when.text == "对排名位居全市后三位的乡镇"
    assert extract("2023年我县营商环境位居全市第一。") == []


def test_the_window_a_value_is_averaged_over_is_no_requirement():
    (r,) = extract("颗粒物30分钟均值不得超过20毫克/立方米。")
    assert (r.comparator, r.value, r.unit, r.per) == ("<=", 20, "mg", "m³")


def test_an_article_number_spaced_out_is_no_part_of_the_duty():
    (r,) = extract("第 五 条 村集体经济组织应当每年至少清查一次资产。")
    assert r.span.startswith("村集体经济组织") and r.subject == "村集体经济组织"


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("超标1倍以内的，加收50%。", ("<=", 1, "倍")),
        ("超标1倍以上2倍以内的，加收100%。", ("range", None, "倍")),
    ],
)
def test_a_tier_of_a_surcharge_is_its_condition(text, when):
    (r,) = extract(text)
    assert r.span.startswith("加收")
    assert (r.applies_when.comparator, r.applies_when.value, r.applies_when.unit) == when


def test_a_discharge_limit_with_another_season_s_in_brackets():
    (r,) = extract("氨氮排放浓度不超过5（8）mg/L。")
    assert (r.comparator, r.value, r.unit, r.per) == ("<=", 5, "mg", "L")


def test_each_phrase_s_own_new_staff_act():
    _, second = extract(
        "新上岗从业人员安全培训时间不得少于24学时，危险化学品企业新上岗人员不得少于72学时。"
    )
    assert second.subject == "危险化学品企业新上岗人员"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("超标的，加收2 0%。", 20, "%"), ("每村补助3 0 0万元。", 3000000, "元")],
)
def test_digits_an_ocr_spaced_apart_are_one_number(text, value, unit):
    (r,) = extract(text)
    assert (r.value, r.unit) == (value, unit)


def test_how_long_a_qualification_is_suspended():
    (r,) = extract("由市财政局暂停其评审资格6个月。")
    assert (r.kind, r.comparator, r.value, r.unit, r.subject) == (
        "duration",
        "==",
        6,
        "month",
        "市财政局",
    )
