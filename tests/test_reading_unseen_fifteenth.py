"""A fifteenth round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): contracts and their penalties, travel and lodging costs,
tariffs and fees. Each case is a clear error a probe found, read as GUIDE.md
(tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "value", "unit", "per"),
    [
        ("供应商逾期交货的，每逾期一日，按合同金额的0.5‰支付违约金。", Decimal("0.5"), "‰", "day"),
        ("每迟延一日，按照未付款项的0.3%支付违约金。", Decimal("0.3"), "%", "day"),
        ("每超过1小时，加收停车费2元。", Decimal(2), "元", "hour"),
        ("用人单位每多招用1人，给予补贴1000元。", Decimal(1000), "元", "人"),
        # guards: the step in the amount's own phrase, and a period written there, as before
        ("每增加1人增加补贴1000元。", Decimal(1000), "元", "人"),
        ("逾期缴纳的，每日按滞纳税款的万分之五加收滞纳金。", Decimal("0.05"), "%", "day"),
    ],
)
def test_a_step_in_a_phrase_of_its_own_is_what_the_amount_after_it_is_per(text, value, unit, per):
    """每逾期一日，按合同金额的0.5‰支付违约金: 0.5‰ of the contract for each day late. The step
    (每逾期一日) stood in a phrase of its own, so the penalty had no period: one late week was
    charged as one day. The step right before an amount is what it is per."""
    (r,) = extract(text)
    assert (r.value, r.unit, r.per) == (value, unit, per)


@pytest.mark.parametrize(
    ("text", "pers"),
    [
        (
            "一类地区每人每天住宿费不超过500元，二类地区不超过400元，三类地区不超过300元。",
            ["day", "day", "day"],
        ),
        ("一档每月补助300元，二档补助200元，三档100元。", ["month", "month", "month"]),
        ("第一阶梯每月用水量不超过15立方米，第二阶梯不超过25立方米。", ["month", "month"]),
        # guards: a class's own once-only or total amount has no period
        ("一类地区每人每天不超过500元，二类地区一次性不超过4000元。", ["day", None]),
        ("一类地区每人每天不超过500元，二类地区累计不超过4000元。", ["day", None]),
    ],
)
def test_parallel_classes_of_one_scale_keep_the_period_of_the_first(text, pers):
    """一类地区每人每天住宿费不超过500元，二类地区不超过400元: 400 yuan a day in class-two areas.
    The second class dropped the period the first named, so a five-night stay of 2000 yuan was
    checked against 400 in all and failed. Classes named by their order (一类, 二档, 第二阶梯)
    are one scale: the next keeps the period, unless it names a once-only amount or a total."""
    assert [r.per for r in extract(text)] == pers


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("居民月用电量不超过200度的部分，执行第一档电价。", "kWh"),
        ("每户每月用电量超过260度的，执行第二档电价。", "kWh"),
        ("充电桩单次充电量不超过60度。", "kWh"),
        # guards: a grade or an angle, as before
        ("抗震设防烈度不低于7度。", "度"),
        ("无障碍坡道坡度不大于15度。", "度"),
    ],
)
def test_a_degree_of_power_used_is_a_kilowatt_hour(text, unit):
    """居民月用电量不超过200度的部分: up to 200 kWh a month. 度 was read as degrees (an angle's
    unit), so a meter reading in kWh never compared with it. 度 after power used, sold or
    charged is a kilowatt-hour, as 度电 is."""
    found = extract(text)
    assert len(found) == 1
    r = found[0]
    assert (r.applies_when.unit if r.applies_when and r.value is None else r.unit) == unit


@pytest.mark.parametrize(
    ("text", "value", "when"),
    [
        ("给予4%的价格扣除。", Decimal(4), None),
        ("对小型企业给予6%的价格扣除。", Decimal(6), None),
        ("联合体企业协议合同金额占比不低于30%的，给予4%的价格扣除。", Decimal(4), Decimal(30)),
        # guards: an amount given whose name reads no act, as before
        ("年营业收入超过1000万元的，给予5%的奖励。", Decimal(5), Decimal(10000000)),
        ("符合条件的，给予4%的价格优惠。", Decimal(4), None),
    ],
)
def test_the_amount_of_what_is_given_is_the_requirement_whatever_its_name(text, value, when):
    """给予4%的价格扣除: a 4 % price deduction. Its name ends in 扣除 (a sanction's word, as in
    …的，扣除…), so the 4 % was read as picking out the ones dealt with and the row kept no
    number: the deduction could not be checked. The amount right after 给予/予以/享受 is what is
    given."""
    (r,) = extract(text)
    assert (r.unit, r.value) == ("%", value)
    assert (r.applies_when.value if r.applies_when else None) == when


def test_an_opening_case_does_not_swallow_a_value_stated_before_it():
    """对中小企业的价格扣除比例为10%，联合体…占比不低于30%的，给予4%的价格扣除: two rates, the
    second for joint bids of 30 % or more. The opening 对…的 case ran over the first phrase,
    so the 10 % was lost and the 4 % read a case of "exactly 10 %". A first part that states a
    value (为10%) is a statement of its own, not part of the case."""
    text = (
        "对中小企业的价格扣除比例为10%，联合体中小企业协议合同金额占比不低于30%的，"
        "给予4%的价格扣除。"
    )
    first, second = extract(text)
    assert (first.comparator, first.value, first.applies_when) == ("==", Decimal(10), None)
    assert second.value == Decimal(4)
    assert (second.applies_when.comparator, second.applies_when.value) == (">=", Decimal(30))
    # guard: a case of two parts, the first naming no value, as before
    (r,) = extract("对首次创办小微企业，且正常运营1年以上的高校毕业生，给予一次性创业补贴5000元。")
    assert r.value == Decimal(5000) and r.applies_when is not None
    assert "首次创办" in r.applies_when.text


@pytest.mark.parametrize(
    ("text", "value", "unit", "per", "per_count"),
    [
        (
            "危险化学品运输车辆应当安装卫星定位装置，每4小时停车休息不少于20分钟。",
            Decimal(20),
            "minute",
            "hour",
            Decimal(4),
        ),
        ("驾驶人每2小时至少休息20分钟。", Decimal(20), "minute", "hour", Decimal(2)),
        # guards: a count of hours in a span of years, as before
        ("每3年累计培训不少于72学时。", Decimal(72), "学时", "year", Decimal(3)),
    ],
)
def test_a_shorter_time_in_each_span_of_hours_is_a_rate_of_that_span(
    text, value, unit, per, per_count
):
    """每4小时停车休息不少于20分钟: at least 20 minutes' rest in every 4 hours. The span was read
    as a requirement of its own (exactly every 4 hours, a frequency with nothing to count) and
    the rest had no span, so 20 minutes a day passed. A shorter time in each span of hours is
    per that span, as 每3年…72学时 is per three years."""
    found = [r for r in extract(text) if r.value is not None]
    assert [(r.value, r.unit, r.per, r.per_count) for r in found] == [(value, unit, per, per_count)]
    # guard: how often, per span, as before (每N小时…一次: every N hours)
    (r,) = extract("每2小时巡查1次。")
    assert (r.kind, r.value, r.unit) == ("frequency", Decimal(2), "hour")


def test_the_basis_a_rule_is_counted_on_is_no_part_of_its_case():
    """企业安全生产费用提取标准以上年度营业收入为依据，营业收入不超过1000万元的，按照3%提取:
    3 % where the income is 10 million or less. The basis (…为依据) was read as the firm's
    act, joined to the band into one case, so the item asked whether the firm "based its
    standard on last year's income" before the band. The basis is no part of the case."""
    (r,) = extract(
        "企业安全生产费用提取标准以上年度营业收入为依据，营业收入不超过1000万元的，按照3%提取。"
    )
    assert r.value == Decimal(3)
    assert r.applies_when.text.startswith("营业收入")
    assert (r.applies_when.comparator, r.applies_when.value) == ("<=", Decimal(10000000))
    # guard: a party's act, then what else, one case, as before
    (r,) = extract("企业吸纳登记失业人员就业，并签订1年以上劳动合同的，按每人1000元给予补贴。")
    assert r.applies_when.text.startswith("企业吸纳")


@pytest.mark.parametrize(
    ("text", "month", "day"),
    [
        ("市场主体应当于每年1月1日至6月30日，通过国家企业信用信息公示系统报送年度报告。", 6, 30),
        ("市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送年度报告。", 6, 30),
        ("纳税人应当于每年1月1日至5月31日，向主管税务机关办理汇算清缴。", 5, 31),
        # guard: the act right after the window, as before
        ("每年1月1日至6月30日报送年度报告。", 6, 30),
    ],
)
def test_a_yearly_window_then_how_or_to_whom_then_the_act_is_due_at_its_end(text, month, day):
    """市场主体应当于每年1月1日至6月30日，通过…系统报送年度报告: due by 30 June each year. With
    how (通过…) or to whom (向…) between the window and the act, the window was read as a
    yearly frequency with no date, so a report filed in December passed. The window's last
    day is the yearly deadline, whatever stands between it and the act."""
    (r,) = extract(text)
    assert r.due == {"rule": "yearly_date", "month": month, "day": day}


@pytest.mark.parametrize(
    ("text", "dues"),
    [
        (
            "申报单位应当于7月15日前和次年1月15日前报送半年度报告。",
            [("month_day", 7, 15), ("next_month_day", None, 15)],
        ),
        (
            "申报单位应当不迟于7月15日和次年1月15日报送半年度报告。",
            [("month_day", 7, 15), ("next_month_day", None, 15)],
        ),
        (
            "各县应当于6月30日前、9月30日前和12月31日前报送进展情况。",
            [("month_day", 6, 30), ("month_day", 9, 30), ("month_day", 12, 31)],
        ),
        # guard: dates of two duties, each its own, as before
        (
            "各县应当于6月底前完成排查，9月底前完成整改。",
            [("month_day", 6, 30), ("month_day", 9, 30)],
        ),
    ],
)
def test_dates_joined_in_one_phrase_each_make_the_duty_due(text, dues):
    """申报单位应当于7月15日前和次年1月15日前报送半年度报告: due twice, by 15 July and by 15
    January. The second date overwrote the first (after 不迟于 it was lost), so the mid-year
    report was never due. Dates joined by 和/、/及 each make the duty due: one row each."""
    found = extract(text)
    assert [(r.due["rule"], r.due.get("month"), r.due["day"]) for r in found] == dues
    assert all(r.kind == "deadline" for r in found)


@pytest.mark.parametrize(
    ("text", "span", "when"),
    [
        (
            "在禁止燃放区域内，任何单位和个人不得燃放烟花爆竹。",
            "任何单位和个人不得燃放烟花爆竹",
            "在禁止燃放区域内",
        ),
        ("在禁止养犬区域内，禁止饲养烈性犬。", "禁止饲养烈性犬", "在禁止养犬区域内"),
        (
            "在限制燃放区域内，任何单位和个人不得燃放烟花爆竹。",
            "任何单位和个人不得燃放烟花爆竹",
            "在限制燃放区域内",
        ),
        # guards: a ban to go in or be in a place, as before
        ("重型柴油货车禁止进入城区。", "重型柴油货车禁止进入城区", None),
        ("禁止驶入施工区域。", "禁止驶入施工区域", None),
        ("禁止在居民区燃放烟花爆竹。", "禁止在居民区燃放烟花爆竹", None),
    ],
)
def test_a_zone_named_by_what_is_banned_in_it_is_where_the_ban_holds(text, span, when):
    """在禁止燃放区域内，任何单位和个人不得燃放烟花爆竹: no fireworks in the no-fireworks zone. The
    zone's name (禁止燃放区域) was read as a ban of its own, an item "在禁止燃放区域内" with
    nothing to check, and the real ban lost its place, so fireworks anywhere failed. A zone
    named by what is banned in it is where the ban after it holds."""
    (r,) = extract(text)
    assert (r.span, r.kind) == (span, "prohibition")
    assert (r.applies_when.text if r.applies_when else None) == when


def test_a_zone_named_by_what_is_banned_in_it_is_no_ban_of_a_duty():
    """市政府应当划定禁止燃放区域: a duty to draw the zone, not a ban."""
    (r,) = extract("市政府应当划定禁止燃放区域。")
    assert (r.kind, r.modality) == ("presence", "mandatory")


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("空气质量指数（AQI）连续3天超过200的，启动橙色预警。", ">", Decimal(200)),
        ("空气质量指数连续2日大于150的，启动黄色预警。", ">", Decimal(150)),
        # guard: the index with no days between, as before
        ("空气质量指数（AQI）日均值大于200的，启动橙色预警。", ">", Decimal(200)),
    ],
)
def test_an_index_compared_after_the_days_it_lasts_is_the_case(text, comparator, value):
    """空气质量指数（AQI）连续3天超过200的，启动橙色预警: an index over 200 three days running. The
    index has no unit and the days stood between its name and the comparison, so the case read
    "3 days or more" of anything: three clean days set off the alert. The index is compared
    after the days it lasts."""
    (r,) = extract(text)
    assert (r.applies_when.comparator, r.applies_when.value) == (comparator, value)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("赔偿金额为商品价款的3倍。", Decimal(3), "倍"),
        ("赔偿金额为商品价款的三倍。", Decimal(3), "倍"),
        ("违约金为合同金额的5%。", Decimal(5), "%"),
        ("赔偿金额为100元。", Decimal(100), "元"),
        # guard: a grant stated, as before
        ("补偿金额为商品价款的3倍。", Decimal(3), "倍"),
    ],
)
def test_what_is_owed_for_a_breach_is_a_standard_stated(text, value, unit):
    """赔偿金额为商品价款的三倍: damages of three times the price. An amount owed for a breach
    (赔偿, 违约金) named no standard the reader knew, and a multiple in words (三倍) was taken for
    words, so nothing was drafted: the rule could not be checked. What is owed is a standard
    stated, and a base's multiple in words (…的三倍) is a number."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == ("==", value, unit)


def test_a_multiple_in_words_reported_is_still_no_standard():
    """全市地区生产总值是2010年的三倍: a result reported, nothing to check (GUIDE 1.5)."""
    assert extract("全市地区生产总值是2010年的三倍。") == []


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("用水户应当按月缴纳水费。", "用水户"),
        ("用气户不得擅自改装燃气设施。", "用气户"),
        # guard: a user, as before
        ("用户应当按月缴纳水费。", "用户"),
    ],
)
def test_a_household_that_takes_water_or_gas_is_an_inspected_party(text, subject):
    """用水户应当按月缴纳水费: the water user pays monthly. 用水户 was no party the reader knew, so
    the duty had no subject and was drafted for no one."""
    (r,) = extract(text)
    assert (r.subject, r.subject_kind) == (subject, "regulated")


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("日供水规模不低于1000立方米。", "day"),
        ("年供热量超过10万吉焦的，应当安装在线监测设备。", "year"),
        ("生活垃圾转运站日转运能力不低于50吨。", "day"),
        ("焚烧厂日焚烧量不低于600吨。", "day"),
        # guard: a day's supply, as before
        ("日供应量不低于1000立方米。", "day"),
    ],
)
def test_a_periods_supply_of_water_or_heat_is_per_that_period(text, per):
    """日供水规模不低于1000立方米: 1000 m³ a day. 日供水 (a day's water supplied) named no period
    the reader knew, as 日供应量 did, so a works supplying 1000 m³ a month passed."""
    (r,) = extract(text)
    got = r.per if r.value is not None else r.applies_when.per
    assert got == per


@pytest.mark.parametrize(
    ("text", "prices"),
    [
        (
            "第一阶梯年用水量不超过180立方米，水价3.5元/立方米。",
            [(Decimal("3.5"), "<=", Decimal(180), None)],
        ),
        (
            "第二阶梯年用水量180至260立方米，水价4.5元/立方米；"
            "第三阶梯年用水量超过260立方米，水价7元/立方米。",
            [(Decimal("4.5"), "range", None, Decimal(260)), (Decimal(7), ">", Decimal(260), None)],
        ),
        (
            "第一档月用电量不超过200千瓦时，电价每千瓦时0.52元。",
            [(Decimal("0.52"), "<=", Decimal(200), None)],
        ),
    ],
)
def test_a_tiers_bound_is_the_case_of_its_price(text, prices):
    """第一阶梯年用水量不超过180立方米，水价3.5元/立方米: 3.5 yuan a cubic metre for the first
    180 m³ a year. The tier's bound was read as a requirement of its own (use no more than
    180 m³ a year), so every household above it failed, and the price applied to all use. The
    bound says which use the price is for."""
    found = extract(text)
    assert [
        (r.value, r.applies_when.comparator, r.applies_when.value, r.applies_when.high)
        for r in found
    ] == prices
    assert all(r.unit == "元" for r in found)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("约谈对象应当在约谈后15个工作日内提交书面整改报告。", "约谈对象"),
        ("被约谈单位应当在10个工作日内报送整改方案。", "被约谈单位"),
        # guard: the one checked, as before
        ("检查对象应当如实提供有关资料。", "检查对象"),
    ],
)
def test_the_one_talked_to_is_an_inspected_party(text, subject):
    """约谈对象应当在约谈后15个工作日内提交书面整改报告: the one talked to reports within 15
    working days. 约谈对象 was no party, so the follow-up of a 约谈 was drafted for no one."""
    (r,) = extract(text)
    assert (r.subject, r.subject_kind) == (subject, "regulated")


@pytest.mark.parametrize(
    ("text", "comparator", "value", "unit"),
    [
        (
            "能繁母猪存栏量连续3个月低于正常保有量的90%时，启动生猪产能调控预案。",
            "<",
            Decimal(90),
            "%",
        ),
        ("连续3年考核合格率低于90%的，取消其资格。", "<", Decimal(90), "%"),
        # guards: a time that is itself compared, and hours before a measure, as before
        ("连续工作10年以上的教师，每月补助200元。", ">=", Decimal(10), "year"),
        ("连续2小时超过150微克/立方米的，启动预警。", ">", Decimal(150), "μg"),
    ],
)
def test_months_or_years_a_measure_lasts_are_no_number_of_the_case(text, comparator, value, unit):
    """能繁母猪存栏量连续3个月低于正常保有量的90%时，启动…预案: the stock below 90 % three months
    running. The months were read as the case's number (3 months or more of anything), so the
    plan started whatever the stock; as 连续2小时超过150微克 was read, the measure compared after
    the months, weeks or years it lasts is the case's."""
    r = extract(text)[0]
    assert (r.applies_when.comparator, r.applies_when.value, r.applies_when.unit) == (
        comparator,
        value,
        unit,
    )


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("夜间（22时至次日6时）长途客运车辆应当停车休息或者实行接驳运输。", "长途客运车辆"),
        ("汛期水库管理单位应当实行24小时值班。", "水库管理单位"),
        ("节假日期间景区应当加强客流管控。", "景区"),
        # guard: a year before who acts, as before
        ("今年各企业要完成隐患排查。", "各企业"),
    ],
)
def test_a_season_or_the_hours_before_who_acts_is_no_part_of_its_name(text, subject):
    """夜间（22时至次日6时）长途客运车辆应当停车休息: the coaches stop at night. The night's hours
    were read into the party's name (夜间（22时至次日6时）长途客运车辆), so no coach company was
    ever matched to the duty. A season or the hours before who acts are when, not who."""
    (r,) = extract(text)
    assert r.subject == subject


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("孕产妇死亡率控制在10/10万以下。", "<=", Decimal("0.01")),
        ("发病率控制在1/10万以下。", "<=", Decimal("0.001")),
        ("事故死亡率不超过0.5/万。", "<=", Decimal("0.005")),
        ("抽检比例不低于1/1000。", ">=", Decimal("0.1")),
        # guard: a share of a whole in digits, as before
        ("补助金额不低于总数的2/3。", ">=", Decimal("66.6667")),
    ],
)
def test_a_rate_per_a_large_whole_is_a_share(text, comparator, value):
    """孕产妇死亡率控制在10/10万以下: at most 10 deaths in 100,000 (0.01 %). A rate per a large
    whole was no number the reader knew, so the target was dropped or drafted with nothing to
    check. It is a share, as 总数的2/3 is."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == (comparator, value, "%")


@pytest.mark.parametrize("text", ["比例尺不小于1/500。", "于2024/1/5前报送。"])
def test_a_scale_or_a_date_with_slashes_is_no_rate(text):
    """比例尺不小于1/500 (a map's scale), 2024/1/5 (a date): no share of a large whole."""
    assert all(r.unit != "%" for r in extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "失业保险金的标准，不得低于城市居民最低生活保障标准。",
        "职工工资不得低于当地最低工资标准。",
        "收费不得超过政府指导价。",
    ],
)
def test_a_bound_by_a_standard_named_is_no_ban(text):
    """职工工资不得低于当地最低工资标准: wages at least the local minimum. 不得 before a comparison
    was read as a ban (kind prohibition), so the item asked whether wages "were not paid below"
    in the form of a thing not to do; a bound compared with a standard named is a duty to meet
    it."""
    (r,) = extract(text)
    assert (r.kind, r.modality) == ("presence", "mandatory")


def test_a_ban_is_still_a_ban():
    """不得擅自占用城市绿地: a ban, as before."""
    (r,) = extract("任何单位和个人不得擅自占用城市绿地。")
    assert r.kind == "prohibition"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("送餐人员应当保持个人卫生。", "送餐人员"),
        ("导游应当佩戴导游证。", "导游"),
        ("快递员不得私自开拆邮件。", "快递员"),
    ],
)
def test_the_ones_who_deliver_guide_or_clean_are_inspected_parties(text, subject):
    """送餐人员应当保持个人卫生: the couriers keep clean. 送餐人员, 导游, 快递员 were no party, so
    their duties were drafted for no one."""
    (r,) = extract(text)
    assert (r.subject, r.subject_kind) == (subject, "regulated")


def test_one_list_of_seasons_for_the_case_and_for_the_name():
    """The seasons a sentence opens with (a case, openings.SEASON) and the ones stripped from a
    party's name (parties._WHEN_FIRST) were two lists, each missing some of the other's:
    高温季节，施工单位应当… had no case, and 昼间施工单位 was a party's name. One list now."""
    (r,) = extract("高温季节，施工单位应当调整作业时间。")
    assert (r.subject, r.applies_when.text) == ("施工单位", "高温季节")
    (r,) = extract("昼间施工单位不得超标排放噪声。")
    assert r.subject == "施工单位"


def test_one_list_of_steps_an_amount_goes_by():
    """The steps an amount goes by (每增加1人, 每逾期一日) were three lists (numbers._EACH_STEP,
    worth_keeping's, and denominators' for a step in a phrase of its own), each missing some
    of the others': 每逾期1日加收…0.5‰ read the step as a requirement of its own (exactly one
    day late), and 每减少1人，扣减补助500元 had no per. One list now."""
    assert [(r.value, r.unit) for r in extract("每逾期1日加收合同金额的0.5‰。")] == [
        (Decimal("0.5"), "‰")
    ]
    (r,) = extract("每减少1人，扣减补助500元。")
    assert (r.value, r.per) == (Decimal(500), "人")


def test_each_one_found_opening_a_phrase_is_the_step_not_a_duty():
    """每发现一处隐患未整改，扣减考核分2分: 2 points off for each hazard left. The step (每发现一处
    隐患未整改) names an act (整改), so it was drafted as a duty of its own with nothing to
    check. Each one found, opening its phrase, is the step of what follows."""
    assert [r.span for r in extract("每发现一处隐患未整改，扣减考核分2分。")] == ["扣减考核分2分"]


@pytest.mark.parametrize(
    "text",
    [
        "存在重大事故隐患的企业，在隐患消除前不得恢复生产。",
        "被责令停产整顿的企业，在整改验收合格前不得恢复生产。",
        # guard: within a time, as before
        "被列入严重失信名单的企业，在公示期内不得参与政府采购。",
    ],
)
def test_before_a_thing_is_done_is_no_name_the_ones_before_it_act(text):
    """存在重大事故隐患的企业，在隐患消除前不得恢复生产: the firm may not restart before the hazard
    is gone. 在隐患消除前 was taken for the name of who acts, so the ban had no subject and was
    drafted for no one; before a thing is done is when, as 在公示期内 was."""
    (r,) = extract(text)
    assert (r.subject, r.kind) == ("企业", "prohibition")


def test_a_price_right_after_a_span_of_hours_is_per_that_span():
    """停车场收费标准：…夜间每2小时1元: 1 yuan for each two hours at night. The span was read as a
    requirement of its own (exactly every 2 hours, a frequency with nothing to count) and the
    price had no span, so a night's parking was charged 1 yuan in all."""
    found = extract("停车场收费标准：白天每小时3元，夜间每2小时1元。")
    assert [(r.value, r.unit, r.per, r.per_count) for r in found] == [
        (Decimal(3), "元", "hour", None),
        (Decimal(1), "元", "hour", Decimal(2)),
    ]


def test_a_time_then_after_then_a_time_limit_is_when_the_limit_starts():
    """犬只饲养人应当在犬只满3个月后30日内为其注射狂犬病疫苗: within 30 days of the dog turning
    three months. The three months were read as a requirement of their own (at least 3 months,
    beside a deadline whose words began at 后), as 满3个月之日起 was not. A time, then 后 and a
    time limit, is when the limit starts."""
    (r,) = extract("犬只饲养人应当在犬只满3个月后30日内为其注射狂犬病疫苗。")
    assert (r.kind, r.value, r.unit, r.trigger) == ("deadline", Decimal(30), "day", "犬只满3个月后")


def test_the_ones_a_payments_share_is_for_are_its_case():
    """…，项目完成进度50%以上的，拨付至70%: pay up to 70 % once half the work is done. The 50 %
    was read as a requirement of its own (progress of at least 50 %) and the 70 % had no case,
    so a project at 10 % was owed 70 %. The ones a payment's share is for are its case."""
    found = extract("首次拨付资金不超过项目总投资的30%，项目完成进度50%以上的，拨付至70%。")
    assert [r.value for r in found] == [Decimal(30), Decimal(70)]
    assert (found[1].applies_when.comparator, found[1].applies_when.value) == (">=", Decimal(50))
