"""A nineteenth round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): pensions and housing subsidies, lifts, river chiefs,
information requests, petitions, vaccines, forestry, slaughterhouses, school canteens. Each case
is a clear error a probe found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        (
            "企业职工基本养老保险缴费基数按本人上年度月平均工资确定，"
            "低于全省上年度在岗职工月平均工资60%的，按60%确定。",
            "低于全省上年度在岗职工月平均工资60%",
        ),
        (
            "住房面积按户核定，人均住房面积低于15平方米的，可以申请租赁补贴。",
            "人均住房面积低于15平方米的",
        ),
        # guards: a case opening the sentence, and a party's act with its case, as before
        ("缴费基数按本人上年度月平均工资确定，低于60%的，按60%确定。", "低于60%"),
        (
            "企业吸纳登记失业人员就业，并签订1年以上劳动合同的，按每人1000元给予补贴。",
            "企业吸纳登记失业人员就业，并签订1年以上劳动合同的",
        ),
    ],
)
def test_how_a_base_is_set_is_no_part_of_the_case_after_it(text, condition):
    """企业职工基本养老保险缴费基数按本人上年度月平均工资确定，低于…60%的，按60%确定: the floor
    applies to wages under 60 %. The first phrase opens with a party's name (企业…), so the whole
    of both phrases was read as one case, the rule of how the base is set included; before 可申请
    (住房面积按户核定，…) likewise. A phrase saying how a base is set (按…确定/核定) is a rule of
    its own."""
    assert extract(text)[-1].applies_when.text == condition


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (
            "在城市道路上设置户外广告设施，其下沿距地面高度不得低于4.5米。",
            ["其下沿距地面高度不得低于4.5米"],
        ),
        (
            "在城市道路上设置户外广告设施，应当经市容环境卫生行政主管部门同意。",
            ["在城市道路上设置户外广告设施，应当经市容环境卫生行政主管部门同意"],
        ),
        (
            "在道路两侧设置广告牌，应当符合城市规划，其高度不得超过10米。",
            ["在道路两侧设置广告牌，应当符合城市规划", "其高度不得超过10米"],
        ),
        # guard: a place alone is the case, as before
        ("在禁止燃放区域内，不得燃放烟花爆竹。", ["不得燃放烟花爆竹"]),
    ],
)
def test_an_act_somewhere_before_what_is_owed_in_doing_it_is_no_duty(text, spans):
    """在城市道路上设置户外广告设施，其下沿距地面高度不得低于4.5米: the height is owed by whoever
    puts up a sign there. The first phrase has a verb, so it was a duty of its own (是否符合：在城市
    道路上设置户外广告设施), a check of nothing. An act somewhere (在…), then a modal word or its
    (其) thing's bound after the comma, leads into the duty."""
    assert [r.span for r in extract(text)] == spans


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("请各乡镇于本月底前报送排查情况。", {"rule": "this_month_day", "day": 31}),
        ("各单位于本月20日前完成自查。", {"rule": "this_month_day", "day": 20}),
        # guards: each month's day, and the month a task is for, as before
        ("每月10日前报送上月数据。", {"rule": "monthly_day", "day": 10}),
        ("各乡镇应在当月25日前上报进度。", {"rule": "monthly_day", "day": 25}),
    ],
)
def test_this_months_day_is_due_once(text, due):
    """请各乡镇于本月底前报送排查情况: once, by the end of the month the notice is issued in.
    本月 was read as each month (monthly_day), so a schedule would ask for the report every
    month. 本月 is this month: this_month_day, which the importer dates by the document."""
    assert extract(text)[0].due == due


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("申报时间为每年3月1日至3月31日。", {"rule": "yearly_date", "month": 3, "day": 31}),
        ("报名时间：每年9月1日至9月底。", {"rule": "yearly_date", "month": 9, "day": 30}),
        # guards: a dated window, and a window before its act, as before
        ("申报时间为2024年3月1日至3月31日。", {"rule": "date", "date": "2024-03-31"}),
        ("每年1月1日至6月30日报送上年度报告。", {"rule": "yearly_date", "month": 6, "day": 30}),
    ],
)
def test_a_window_each_year_named_as_the_time_to_apply_ends_when_it_is_due(text, due):
    """申报时间为每年3月1日至3月31日: applications close on 31 March each year. The window was
    read as how often (each year) with no day, while the same window with a year (2024年…) or
    before its act (…报送) was due on its last day. Named as the time to apply, it is due then."""
    assert extract(text)[0].due == due


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("出生人口性别比控制在107以内。", "<=", Decimal(107)),
        ("出生人口性别比不超过107。", "<=", Decimal(107)),
        # guards: other pure numbers, as before
        ("住宅用地容积率控制在2.5以内。", "<=", Decimal("2.5")),
        ("电力用户功率因数不低于0.9。", ">=", Decimal("0.9")),
    ],
)
def test_a_sex_ratio_is_a_pure_number(text, comparator, value):
    """出生人口性别比控制在107以内: at most 107 boys born per 100 girls. A number with no unit is
    read only after the name of a pure number (容积率, 系数, 指数…), and 性别比 was none: the
    target gave no row, or a check of nothing (是否符合：出生人口性别比不超过107)."""
    [r] = extract(text)
    assert (r.comparator, r.value, r.unit) == (comparator, value, None)


@pytest.mark.parametrize(
    "text",
    [
        "空气质量指数不超过100的天数比例达到80%。",
        "细颗粒物浓度低于35微克/立方米的天数比例达到80%。",
        # guard: the days counted, no share, as before
        "细颗粒物浓度低于35微克/立方米的天数达到300天以上。",
    ],
)
def test_a_bound_the_counted_days_meet_is_no_requirement_of_its_own(text):
    """空气质量指数不超过100的天数比例达到80%: four days in five are to be good ones. The index's
    bound only says which days are counted, but it was a requirement of its own (AQI ≤ 100 on
    every day) beside the share: 的…比例 was read as a rate itself (按不低于70%的比例), whatever
    came between. A share of counted days (天数, 人数, 户数…) is of the ones the bound picks."""
    [r] = extract(text)
    assert r.applies_when is not None and r.applies_when.comparator in ("<", "<=")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("医疗机构发现甲类传染病病人，应当于2小时内报告。", "医疗机构发现甲类传染病病人"),
        ("医疗机构发现甲类传染病病人时，应当于2小时内报告。", "医疗机构发现甲类传染病病人"),
        ("企业发生生产安全事故，应当在1小时内报告。", "企业发生生产安全事故"),
        ("发现火情，应当在5分钟内报警。", "发现火情"),
        # guards: 后 written, and the event in the limit's own phrase, as before
        ("企业发生生产安全事故后，应当在1小时内报告。", "企业发生生产安全事故后"),
        ("应当在收到整改通知书后的3日内整改。", "收到整改通知书后"),
    ],
)
def test_an_event_in_a_phrase_of_its_own_starts_the_time_limit(text, trigger):
    """医疗机构发现甲类传染病病人，应当于2小时内报告: two hours from finding the case. With 后
    written the finding started the limit; with a comma alone (or 时) nothing did, so the limit
    ran from nowhere. An event (发现, 发生, 接到…) in the phrase before the limit starts it."""
    assert extract(text)[-1].trigger == trigger


@pytest.mark.parametrize(
    "text",
    [
        "10蒸吨/小时以下燃煤锅炉于2027年3月底前全部淘汰。",
        "10蒸吨/小时以下燃煤锅炉2027年3月底前全部淘汰。",
        # guards: no date between, and the task named after the things, as before
        "10蒸吨/小时以下燃煤锅炉全部淘汰。",
        "2025年底前完成10蒸吨/小时及以下燃煤锅炉淘汰任务。",
    ],
)
def test_the_things_done_away_with_by_a_date_are_no_bound(text):
    """10蒸吨/小时以下燃煤锅炉于2027年3月底前全部淘汰: the small boilers go by March 2027. With
    the date between the boilers and 淘汰 the size was a bound of its own (≤ 10 t/h, every
    boiler), as if the big ones were banned. By when, between, leaves the size the case."""
    [r] = extract(text)
    assert (r.applies_when.text, r.applies_when.value) == (
        text.split("燃煤锅炉")[0].removeprefix("2025年底前完成") + "燃煤锅炉",
        Decimal(10),
    )


def test_a_plain_text_gazette_of_lifts_rivers_and_air():
    """A plain-text gazette written for this test (tests/data/unseen_plain_lifts_rivers.txt): a
    contents list with page numbers and no dots, a county order (某某县人民政府令 第8号) whose
    规定 follows its promulgation, two notices numbered 一、 and （一）, a page's footer. The order
    is one document and each notice another; a sign's act is no duty, an event starts its
    limit, 本月底前 is due once and the good days' share has the index's bound as its case."""
    from pathlib import Path

    from checklists.standards.parsing import parse_gazette

    text = (Path(__file__).parent / "data" / "unseen_plain_lifts_rivers.txt").read_text(
        encoding="utf-8"
    )
    order, rivers, air = parse_gazette(text).documents
    assert (order.number, rivers.number, air.number) == (
        "某某县人民政府令第8号",
        "某政办发〔2026〕21号",
        "某政办发〔2026〕23号",
    )
    clauses = {c.key.rsplit("/", 1)[-1]: c for c in order.clauses}
    assert [k for k in clauses if k.startswith("第")] == [f"第{n}条" for n in "一二三四五六七"]

    def read(clause):
        return extract(clause.text, clause.join_offsets, clause.token)

    assert [r.trigger for r in read(clauses["第四条"])][1:] == [
        "维护保养单位接到电梯困人故障报告后",
        "发生电梯事故",
    ]
    assert [r.span for r in read(clauses["第五条"])] == ["其收益的50%以上"]
    river = {c.key.rsplit("/", 1)[-1]: c for c in rivers.clauses}
    assert [r.per for r in read(river["一"])] == ["quarter", "month", "week"]
    assert read(river["三"])[0].due == {"rule": "this_month_day", "day": 31}
    [days, fine_dust] = read(next(c for c in air.clauses if c.key.endswith("/一")))
    assert (days.value, days.applies_when.value) == (Decimal(80), Decimal(100))
    assert (fine_dust.comparator, fine_dust.value, fine_dust.per) == ("<=", Decimal(35), "m³")
    [boilers] = read(next(c for c in air.clauses if c.key.endswith("/（二）")))
    assert boilers.due == {"rule": "date", "date": "2027-03-31"}


def test_parties_side_by_side_are_who_acts_not_cases():
    """县级河长每季度巡河不少于1次，乡级河长每月…，村级河长每周…: each level of river chief its
    own patrols. Each row had its chief as the subject and again as the case it applies under
    (applies when 县级河长), a condition of nothing an author could answer. Names side by side
    that are each row's own party are who acts; classes that are not (一级医院…) stay cases."""
    chiefs = extract(
        "县级河长每季度巡河不少于1次，乡级河长每月巡河不少于1次，村级河长每周巡河不少于1次。"
    )
    assert [(r.subject, r.applies_when) for r in chiefs] == [
        ("县级河长", None),
        ("乡级河长", None),
        ("村级河长", None),
    ]
    hospitals = extract("一级医院每季度检查不少于1次，二级医院每月检查不少于1次。")
    assert [r.applies_when.text for r in hospitals] == ["一级医院", "二级医院"]


def test_a_default_bound_then_a_case_approved_and_its_leave():
    """工伤职工停工留薪期一般不超过12个月，伤情严重的，经…委员会确认，可以适当延长，但延长不得超过
    12个月: twelve months as a rule; longer for severe injuries, once confirmed, by twelve months
    at most. The first phrase opens with a party's name (职工), so it and 伤情严重的 were one case
    and the twelve-month rule was lost; the confirmation was a duty of the committee, and the
    case was not found across it. A phrase stating a bound is a rule of its own; an approval
    (经…确认) is no duty and joins the case before it."""
    found = extract(
        "工伤职工停工留薪期一般不超过12个月，伤情严重的，经设区的市级劳动能力鉴定委员会确认，"
        "可以适当延长，但延长不得超过12个月。"
    )
    assert [(r.span, r.modality, r.applies_when and r.applies_when.text) for r in found] == [
        ("工伤职工停工留薪期一般不超过12个月", "default", None),
        ("可以适当延长", "permission", "伤情严重的，经设区的市级劳动能力鉴定委员会确认"),
        ("但延长不得超过12个月", "mandatory", None),
    ]
    # guards: two parts of one case joined by 且, and an approval after the opening case
    [audit] = extract("企业年用电量超过500万千瓦时，且未完成节能目标的，应当开展能源审计。")
    assert audit.applies_when.text == "企业年用电量超过500万千瓦时，且未完成节能目标的"
    [cap] = extract("特殊情况需要提高救助标准的，经县民政部门批准，最高不超过2万元。")
    assert cap.applies_when.text == "特殊情况需要提高救助标准的"


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("用水量超过1万立方米的单位应当每年开展一次水平衡测试。", "=="),
        ("用水量超过1万立方米的单位应当每年至少开展一次水平衡测试。", ">="),
        # guards: a count in words right after the case's noun, and in digits, as before
        ("学生人数不足500人的学校至少配备一名专职校医。", ">="),
        ("用水量超过1万立方米的单位应当每年开展1次水平衡测试。", "=="),
    ],
)
def test_a_count_in_words_after_the_case_is_a_requirement(text, comparator):
    """用水量超过1万立方米的单位应当每年开展一次水平衡测试: once a year, for the big users. A
    row read from the sentence's start was kept past its opening case only where a digit
    followed the case; 一次 in words did not count, so the frequency was lost and a presence
    from 的单位… stood in for it. Any number after the case keeps its row."""
    [r] = extract(text)
    assert (r.comparator, r.value, r.applies_when.value) == (
        comparator,
        1,
        10000 if "用水" in text else 500,
    )


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "挂牌督办的重大事故隐患整改完成后，企业应当在5个工作日内提出销号申请。",
            "挂牌督办的重大事故隐患整改完成后",
        ),
        ("整改完成后，生产经营单位应当在3日内报告。", "整改完成后"),
        ("接到报告后，县应急管理局应当在1小时内赶赴现场。", "接到报告后"),
    ],
)
def test_who_acts_between_the_event_and_its_limit_leaves_the_event_its_start(text, trigger):
    """…整改完成后，企业应当在5个工作日内提出销号申请: five working days from the repair. The
    party named after the comma (企业) ended the words before the limit, so no event was read
    and the limit ran from nowhere. A party's name alone there is who acts."""
    assert extract(text)[0].trigger == trigger


@pytest.mark.parametrize(
    ("text", "cases"),
    [
        (
            "出差人员住宿费标准：省会城市每人每天不超过450元，其他地区每人每天不超过350元。",
            ["省会城市", "其他地区"],
        ),
        ("住宅每户不少于1个，其他建筑每100平方米不少于0.5个。", ["住宅", "其他建筑"]),
        ("县级医院急诊科医生不少于5名，乡镇卫生院不少于2名。", ["县级医院", "乡镇卫生院"]),
        ("主要街道垃圾滞留时间不超过30分钟，其他街道不超过1小时。", ["主要街道", "其他街道"]),
        ("城区学校班额不超过45人，农村学校不超过40人。", ["城区学校", "农村学校"]),
        ("小学服务半径不宜大于500米，中学不宜大于1000米。", ["小学", "中学"]),
        # guard: a bound for all, then the classes after it, as before
        (
            "客运车辆驾驶人24小时内累计驾驶时间不得超过8小时，日间连续驾驶不得超过4小时，"
            "夜间连续驾驶不得超过2小时。",
            [None, "日间连续驾驶", "夜间连续驾驶"],
        ),
        ("储备粮储存年限一般为小麦5年、稻谷3年、玉米3年。", ["小麦", "稻谷", "玉米"]),
        ("补助标准为城区300元、农村200元。", ["城区", "农村"]),
        # guard: amounts listed with no names, as before
        ("比例分别为85%、90%。", [None, None]),
        (
            "城市低保标准每人每月不低于800元，农村低保标准每人每年不低于6000元。",
            ["城市", "农村"],
        ),
        ("城区绿化覆盖率不低于40%，郊区绿化覆盖率不低于30%。", ["城区", "郊区"]),
        (
            "主城区公厕服务半径不超过500米，一般地区公厕服务半径不超过1000米。",
            ["主城区", "一般地区"],
        ),
        # guard: two measures that share only their last word are no classes
        ("学生人数不少于100人，教师人数不少于10人。", [None, None]),
    ],
)
def test_classes_side_by_side_are_each_one_s_case(text, cases):
    """Classes listed side by side, each with its own bound: which row is for which class.

    省会城市每人每天不超过450元，其他地区每人每天不超过350元: a capital's cap and everyone
    else's. A class's name could not open with 其 (so that 其中 is none), so 其他地区 was no
    class, the list was not read as classes at all, and both caps applied everywhere.

    县级医院急诊科医生不少于5名，乡镇卫生院不少于2名: five for a county hospital, two for a
    township clinic. The first class is followed by the measure's name (急诊科医生), the
    others by their bound alone, so no class was read and every hospital owed both. The first
    one's class is its words up to the head noun the others end with (…院, …街道); a time
    limit's unit may differ (30分钟, 1小时).

    储备粮储存年限一般为小麦5年、稻谷3年、玉米3年: each grain its own term. The items after 为
    each name their class before their number, but no item was any row's case, so all three
    terms applied to every grain.

    城市低保标准每人每月不低于800元，农村低保标准每人每年不低于6000元: a town's floor and a
    village's. Each row names the same measure after its class, so no name was short enough to
    be a class and both floors applied everywhere. The words before the measure's name they all
    end with are each one's class."""
    assert [r.applies_when and r.applies_when.text for r in extract(text)] == cases


@pytest.mark.parametrize(
    "text",
    [
        "用人单位安排劳动者延长工作时间的，应当支付不低于工资的150%的工资报酬。",
        "用人单位安排劳动者在休息日工作，又不能安排补休的，应当支付不低于工资的200%的工资报酬。",
    ],
)
def test_the_employer_who_has_its_workers_work_longer_pays(text):
    """用人单位安排劳动者延长工作时间的，应当支付…150%: the employer pays. Its name ran on into
    the workers it has work (用人单位安排劳动者), both a party's word, so the subject was the
    two together. A name stops before 安排 and the people it sets to work."""
    [r] = extract(text)
    assert (r.subject, r.subject_kind) == ("用人单位", "regulated")


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("检测机构出具的检测报告，有效期为1年。", ["有效期为1年"]),
        ("监理单位出具的监理报告，保存期限不少于5年。", ["保存期限不少于5年"]),
        # guard: a thing's noun that is no verb, as before
        ("企业取得的排污许可证，有效期为5年。", ["有效期为5年"]),
    ],
)
def test_a_document_a_party_issues_is_the_topic_of_the_number_after(text, spans):
    """检测机构出具的检测报告，有效期为1年: the report is valid a year. 报告 is also a verb (to
    report), so the noun the 的 describes read as a duty of its own (是否符合：检测机构出具的检测
    报告), a check of nothing. A document's noun (报告, 证书, 记录…) ending it is the topic."""
    assert [r.span for r in extract(text)] == spans


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("单位产品综合能耗不高于300千克标准煤/吨。", "t"),
        ("每吨产品能耗不超过300千克标准煤。", "t"),
    ],
)
def test_kilograms_of_standard_coal_are_energy_and_keep_what_they_are_per(text, per):
    """单位产品综合能耗不高于300千克标准煤/吨: an energy intensity, 0.3 tce a tonne. 千克 was read
    as a mass and the rest dropped: 300 kg, per nothing, a cap no meter reads. A kilogram of
    standard coal is a thousandth of a tce (scoring converts either way), per what follows."""
    [r] = extract(text)
    assert (r.comparator, r.value, r.unit, r.per) == ("<=", Decimal("0.3"), "tce", per)


def test_an_age_band_before_each_ones_amount_is_per_no_one():
    """高龄津贴：80至89周岁每人每月50元，90至99周岁每人每月100元: fifty yuan a month each for
    those aged 80 to 89. 每人 after the band was read as what the ages are per (years per
    person), so the case was "80至89周岁每人", per 人, an age band no answer could meet. An age
    is per nothing; 每人 is the amount's."""
    found = extract(
        "高龄津贴：80至89周岁每人每月50元，90至99周岁每人每月100元，100周岁以上每人每月500元。"
    )
    assert [(r.applies_when.text, r.applies_when.per) for r in found] == [
        ("80至89周岁", None),
        ("90至99周岁", None),
        ("100周岁以上", None),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("用人单位未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资。", Decimal(2)),
        # guard: a base's multiple after its 的, as before
        ("增加赔偿的金额为消费者购买商品的价款的三倍。", Decimal(3)),
    ],
)
def test_a_multiple_in_words_before_what_it_multiplies_is_an_amount(text, value):
    """应当向劳动者每月支付二倍的工资: double wages each month without a written contract. A
    multiple in words was kept only after the base it multiplies (价款的三倍), so 二倍的工资 gave
    a frequency with nothing to pay. Before its 的 and the base, it is the amount."""
    r = extract(text)[-1]
    assert (r.value, r.unit) == (value, "倍")


@pytest.mark.parametrize(
    ("item", "token", "case"),
    [
        ("① 设置不少于2个安全出口；", "①", "用作经营的自建房"),
        (
            "② 经营面积超过300平方米的，应当取得消防验收合格证明。",
            "②",
            "用作经营的自建房，经营面积超过300平方米的",
        ),
    ],
)
def test_the_items_of_a_lead_with_a_case_are_for_those_only(item, token, case):
    """用作经营的自建房，应当符合下列规定：① …；② 经营面积超过300平方米的，应当…: the rules are
    for houses used for business. Each item took the lead's modal word but not its case, so
    every home was held to a shop's exits. An item's case is inside its lead's."""
    from checklists.standards.settling import under_a_lead

    lead = "第三条 用作经营的自建房，应当符合下列规定："
    [r] = under_a_lead(extract(item, (), token), lead, item, token)
    assert (r.modality, r.applies_when.text) == ("mandatory", case)
    # guard: a lead with no case leaves its items' cases as they are
    [plain] = under_a_lead(
        extract(item, (), token), "第二条 农村自建房应当符合下列要求：", item, token
    )
    assert plain.applies_when is None or plain.applies_when.text == case.split("，")[-1]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("护理员按1:4配备。", Decimal(25)),
        ("养老机构应当按照1:4的比例配备护理员，失能老人按1:3配备。", Decimal("33.3333")),
        # guard: a split between parties is no ratio to meet, as before
        ("市、县两级财政按照5:5比例分担。", None),
    ],
)
def test_a_staffing_ratio_with_no_bi_written_is_read(text, value):
    """失能老人按1:3配备: one carer for three frail residents. A ratio was read only beside a 比
    (比例, 师生比), so 按1:3配备 gave a check of nothing. A ratio after 按 that a staffing verb
    (配备, 配置…) follows is the level to meet."""
    found = extract(text)
    assert (found[-1].value if found else None) == value


def test_the_items_of_a_ban_list_in_a_place_are_banned_there():
    """在饮用水水源一级保护区内，禁止下列行为：（一）设置排污口；: no outfall inside the zone. The
    item became a ban everywhere. Where the lead says (在…内，), its items hold there."""
    from checklists.standards.settling import under_a_lead

    item = "（一）设置排污口；"
    lead = "第十条 在饮用水水源一级保护区内，禁止下列行为："
    [r] = under_a_lead(extract(item, (), "（一）"), lead, item, "（一）")
    assert (r.kind, r.applies_when.text) == ("prohibition", "在饮用水水源一级保护区内")
    # guard: a party's bans, no place, as before
    [users] = under_a_lead(extract(item, (), "（一）"), "燃气用户不得有下列行为：", item, "（一）")
    assert (users.subject, users.applies_when) == ("燃气用户", None)


@pytest.mark.parametrize(
    ("text", "cases"),
    [
        ("施工现场噪声排放昼间不得超过70分贝，夜间不得超过55分贝。", ["昼间", "夜间"]),
        # guards: a measure's name before the time of day, and a limit's, as before
        ("边界噪声昼间不得超过60分贝，夜间不得超过50分贝。", ["昼间", "夜间"]),
        ("噪声排放限值昼间70分贝，夜间55分贝。", ["昼间", "夜间"]),
    ],
)
def test_a_time_of_day_is_a_case_alone(text, cases):
    """施工现场噪声排放昼间不得超过70分贝: 70 dB by day. A class's label could take up to six
    characters before its word, so the case was 排放昼间, no time an author would recognise. A
    time of day is its own label, after a measure's name (…噪声排放)."""
    assert [r.applies_when.text for r in extract(text)] == cases


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("导游人员进行导游活动时，应当佩戴导游证。", "导游人员"),
        # guard: 开展 after a name that no party word follows, as before
        ("培训机构开展培训活动时，应当公示收费标准。", "培训机构"),
    ],
)
def test_a_name_stops_before_what_its_party_carries_out(text, subject):
    """导游人员进行导游活动时，应当佩戴导游证: the guide wears the badge. 导游 is a party's word,
    so the name ran on through 进行 to the next one (导游人员进行导游). A name stops before 进行
    and 开展, what its party carries out."""
    assert extract(text)[0].subject == subject


def test_a_duty_s_own_case_comes_before_one_read_earlier_in_its_sentence():
    """二级以上医院应当设立感染管理科，床位总数在100张以下的医院应当指定专职人员负责: the small
    hospitals appoint staff. The grade read first reaches the sentence's end (二级以上医院 act),
    and the first case reaching a duty was taken, so the small ones' duty applied to hospitals
    of grade two and above. A case read inside a duty's own words comes first."""
    big, small = extract(
        "二级以上医院应当设立感染管理科，床位总数在100张以下的医院应当指定专职人员负责。"
    )
    assert (big.applies_when.text, small.applies_when.text) == ("二级以上", "床位总数在100张以下")
    assert (small.applies_when.comparator, small.applies_when.value) == ("<=", 100)
