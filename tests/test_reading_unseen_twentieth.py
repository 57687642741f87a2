"""A twentieth round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): fireworks shops, e-bike charging, cold chains, shared bikes,
tutoring, wage deposits, rented homes, cemeteries, tailings dams, parcels, waste sorting. Each
case is a clear error a probe found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("尾矿库下游1公里范围内存在居民的，应当每季度开展1次安全评价。", None),
        ("矿山应当每月开展1次隐患排查。", "矿山"),
        # guards: a mine is a party; tailings opening the duty's phrase were none already
        ("煤矿应当每月开展1次隐患排查。", "煤矿"),
        ("尾矿库应当每季度开展1次安全评价。", None),
    ],
)
def test_tailings_are_no_mine(text, subject):
    """尾矿库下游…存在居民的，应当每季度开展1次安全评价: the subject was 尾矿, for a mine's name
    ends with 矿. Tailings (尾矿) are what a mine leaves, and 矿 before 库, 区, 井… is part of
    a thing's name, not a party's. 矿山 was cut to 矿 likewise (矿 before 山)."""
    (r,) = extract(text)
    assert (r.subject, r.per) == (subject, "quarter" if "季度" in text else "month")


def test_a_case_of_goods_is_counted():
    """每个零售点存放的烟花爆竹不得超过1箱: at most one case. 箱 was no counting word, so the
    clause was read as a duty with no number."""
    (r,) = extract("每个零售点存放的烟花爆竹不得超过1箱。")
    assert (r.kind, r.comparator, r.value, r.unit) == ("count", "<=", Decimal(1), "箱")
    (r,) = extract("配电箱应当每月检查1次。")
    assert (r.unit, r.per) == ("次", "month")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("客运车辆驾驶员连续驾驶时间不得超过4小时。", "客运车辆驾驶员"),
        ("客运车辆驾驶人连续驾驶时间不得超过4小时。", "客运车辆驾驶人"),
        # guards: a site's staff, its own measure (as before)
        ("建筑工地作业人员每日工作时间不得超过8小时。", "建筑工地作业人员"),
        ("建筑施工企业安全生产费用提取比例不得低于1.5%。", "建筑施工企业"),
    ],
)
def test_a_vehicles_crew_is_who_a_measure_of_theirs_binds(text, subject):
    """客运车辆驾驶员连续驾驶时间不得超过4小时: the driver's hours. The subject was 客运车辆, the
    shortest name before the measure, so the bus was held to its driver's hours. A vehicle's or a
    site's crew or staff named right after it (驾驶员, 作业人员) are who the name goes on to."""
    (r,) = extract(text)
    assert r.subject == subject


@pytest.mark.parametrize(
    ("text", "case", "subject"),
    [
        ("夜间客运车辆行驶速度不得超过日间限速的80%。", "夜间", "客运车辆"),
        (
            "夜间（22时至次日6时）客运车辆行驶速度不得超过日间限速的80%。",
            "夜间（22时至次日6时）",
            "客运车辆",
        ),
        ("汛期值班人员每日巡查不少于2次。", "汛期", "值班人员"),
        # guard: a season right before its number (as before)
        ("夏季每日至少清运两次。", "夏季", None),
    ],
)
def test_a_season_before_the_party_it_binds_is_the_case(text, case, subject):
    """夜间客运车辆行驶速度不得超过日间限速的80%: at night only. A season or a part of the day was
    read as the case only right before its number or modal word (夏季每日至少…); with the party
    named between, the bound held by day too. A speed is a party's measure, like its hours."""
    (r,) = extract(text)
    assert (r.applies_when and r.applies_when.text, r.subject) == (case, subject)


def test_an_event_announced_for_a_date_is_no_duty():
    """会议定于2026年3月15日上午9时在市政府第一会议室召开: when a meeting is held, announced. It
    was read as a duty with no party and nothing to check. The ask after it is kept."""
    assert extract("会议定于2026年3月15日上午9时在市政府第一会议室召开。") == []
    (r,) = extract("培训定于6月10日举行，请各单位于6月5日前报送参训人员名单。")
    assert (r.subject, r.due) == ("各单位", {"rule": "month_day", "month": 6, "day": 5})


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        (
            "供水企业出厂水浊度不得超过1NTU，管网末梢水余氯不低于0.05毫克/升。",
            ["供水企业", "供水企业"],
        ),
        ("游泳场所池水余氯含量不得低于0.3毫克/升。", ["游泳场所"]),
        # guard: a party's own concentration (as before)
        ("餐饮服务单位油烟排放浓度不得超过2.0毫克/立方米。", ["餐饮服务单位"]),
    ],
)
def test_a_partys_water_quality_is_its_own_measure(text, subjects):
    """供水企业出厂水浊度不得超过1NTU: the water works' turbidity. Turbidity, colour, hardness,
    residual chlorine, a content or an index were no measure a party's name could stand before,
    so the limits bound no one."""
    assert [r.subject for r in extract(text)] == subjects


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("房屋建筑工程质量保修期为5年。", [5]),
        ("屋面防水工程保修期为5年，装修工程保修期为2年。", [5, 2]),
        (
            "房屋建筑工程质量保修期：屋面防水工程为5年，装修工程为2年，电气管线工程为2年。",
            [5, 2, 2],
        ),
        # guard: a licence's term stated (as before)
        ("许可证有效期为5年。", [5]),
    ],
)
def test_a_warranty_term_is_a_standard(text, values):
    """房屋建筑工程质量保修期为5年: a work is warranted five years. A term stated with 为 and no
    modal word was read only where its name was known (有效期, 试用期), so the warranty gave
    nothing, and so did its terms listed after a colon."""
    found = extract(text)
    assert [(r.kind, r.comparator, r.value, r.unit) for r in found] == [
        ("duration", "==", Decimal(v), "year") for v in values
    ]


@pytest.mark.parametrize(
    ("text", "cases"),
    [
        (
            "施工现场围挡高度市区主要路段不得低于2.5米，一般路段不得低于1.8米。",
            ["市区主要路段", "一般路段"],
        ),
        ("围挡高度城区不得低于2.5米，郊区不得低于1.8米。", ["城区", "郊区"]),
        # guard: a rate's name, then its classes (as before)
        ("绿化覆盖率城区不低于40%，郊区不低于30%。", ["城区", "郊区"]),
    ],
)
def test_a_sizes_classes_after_its_name_are_cases(text, cases):
    """施工现场围挡高度市区主要路段不得低于2.5米，一般路段不得低于1.8米: 2.5 m on main roads. A
    height was no measure's name a class could follow, so the main roads' class was lost (the
    2.5 m held everywhere) or took the measure's name in (围挡高度城区)."""
    assert [r.applies_when and r.applies_when.text for r in extract(text)] == cases


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("计量误差不得超过±2%。", (Decimal(-2), Decimal(2), "%")),
        ("电压偏差不超过额定电压的±7%。", (Decimal(-7), Decimal(7), "%")),
        # guard: a value with its tolerance (as before)
        ("冷藏温度应控制在4℃±2℃。", (Decimal(2), Decimal(6), "℃")),
    ],
)
def test_a_deviation_either_way_is_a_band_around_none(text, band):
    """计量误差不得超过±2%: an error of −3 % fails as +3 % does. The ± with no value before it was
    read as its number alone, so the bound was ≤ 2 % and any error below zero passed."""
    (r,) = extract(text)
    assert (r.comparator, r.low, r.high, r.unit) == ("range", *band)


def test_a_permissible_deviation_is_no_permission():
    """允许偏差为±5%: the tolerance, a bound. 允许 was read as the modal word of a permission, so
    the item was optional. 允许 before 偏差, 误差, 范围 or 值 names the bound; 允许企业缓缴… is
    still a permission."""
    (r,) = extract("允许偏差为±5%。")
    assert (r.modality, r.comparator, r.low, r.high) == (None, "range", Decimal(-5), Decimal(5))
    assert extract("允许企业缓缴社会保险费。")[0].modality == "permission"


def test_the_income_tax_is_due_on_is_no_duty():
    """符合条件的小微企业，按应纳税所得额的25%计入…: a rate of a tax relief, stated with no modal
    word. The 应 of 应纳税所得额 (the taxable income) was read as one, so the rate was a duty;
    应纳入 is still one."""
    found = extract(
        "符合条件的小微企业，按应纳税所得额的25%计入应纳税所得额，按20%的税率缴纳企业所得税。"
    )
    assert [(r.modality, r.value) for r in found] == [(None, Decimal(25)), (None, Decimal(20))]
    assert extract("相关费用应纳入年度预算。")[0].modality == "mandatory"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("仓库面积不得少于1,000平方米。", Decimal(1000), "m²"),
        ("年处理能力不低于12,500吨。", Decimal(12500), "t"),
        ("罚款金额为一万五千元。", Decimal(15000), "元"),
        ("处二万五千元以上罚款。", Decimal(25000), "元"),
        # guards: a magnitude after its number (as before)
        ("罚款金额为一千万元。", Decimal(10_000_000), "元"),
        ("奖励两万元。", Decimal(20000), "元"),
    ],
)
def test_a_number_is_read_whole(text, value, unit):
    """仓库面积不得少于1,000平方米: a thousand square metres. Thousands separators were run
    together for money only, so the comma split the area into 1 and 000 (a duty with no number
    and a bound of 0). 一万五千元 was read from its 五千: 万 was a magnitude after a number only,
    never inside one."""
    (r,) = extract(text)
    assert (r.value if r.value is not None else r.low, r.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("投标截止后不得撤回。", [("prohibition", "mandatory")]),
        (
            "供应商在投标截止时间前可以撤回已提交的投标文件，投标截止后不得撤回。",
            [("presence", "permission"), ("prohibition", "mandatory")],
        ),
        # guards: 截止 of a date reports (as before)
        ("截止2025年底，全市共有养老机构126家。", []),
        ("截止目前，已完成整改。", []),
    ],
)
def test_a_deadline_passed_is_no_report(text, kinds):
    """投标截止后不得撤回: no withdrawal once bids close. 截止 was read as "as of" (截止2025年底,
    a report), so the ban gave nothing; and a duty of its own before (…可以撤回…的投标文件，) was
    read as the ones the next phrase's time is of, so the permission was lost too."""
    assert [(r.kind, r.modality) for r in extract(text)] == kinds


def test_a_part_of_the_one_before_is_no_class():
    """幼儿园户外活动时间每天不少于2小时，其中体育活动时间不少于1小时: two hours outdoors, one of
    them of sport. The two were read as classes of one measure (…活动时间), so the two hours held
    only for a class 幼儿园户外 and the hour for a class 其中体育. 其中 names a part of the one
    before, no class beside it."""
    found = extract("幼儿园户外活动时间每天不少于2小时，其中体育活动时间不少于1小时。")
    assert [(r.applies_when, r.value) for r in found] == [(None, Decimal(2)), (None, Decimal(1))]


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        (
            "歌舞娱乐场所包厢、包间内不得设置隔断，包厢门窗应当使用透明门窗。",
            ["歌舞娱乐场所", "歌舞娱乐场所"],
        ),
        ("养老机构居室内不得使用明火取暖。", ["养老机构"]),
        # guard: with 的 between (as before)
        ("歌舞娱乐场所的包厢、包间内不得设置隔断。", ["歌舞娱乐场所"]),
    ],
)
def test_a_partys_rooms_it_holds_a_duty_in_are_its_own(text, subjects):
    """歌舞娱乐场所包厢、包间内不得设置隔断: the venue may not partition its rooms. With no 的
    between the party and its rooms, no one was bound (the sentence after neither)."""
    assert [r.subject for r in extract(text)] == subjects


def test_pollutants_side_by_side_are_measures_not_classes():
    """燃煤锅炉烟尘排放浓度不高于10毫克/立方米，二氧化硫不高于35…，氮氧化物不高于50…: three
    limits, all of them binding. The pollutants after the first were read as classes of its
    measure, so each limit applied only "where 二氧化硫" and the form could mark it N/A."""
    found = extract(
        "燃煤锅炉烟尘排放浓度不高于10毫克/立方米，二氧化硫不高于35毫克/立方米，"
        "氮氧化物不高于50毫克/立方米。"
    )
    assert [(r.applies_when, r.value) for r in found] == [
        (None, Decimal(10)),
        (None, Decimal(35)),
        (None, Decimal(50)),
    ]
    # guard: classes of one measure after a bound for all of them (as before)
    assert [
        r.applies_when and r.applies_when.text for r in extract("城区不低于40%，郊区不低于30%。")
    ] == [
        "城区",
        "郊区",
    ]


def test_how_far_a_fare_reaches_in_brackets_is_no_row():
    """出租车起步价为10元（3公里），超过3公里后每公里2.5元: the base fare covers three kilometres.
    The bracketed distance was a row of its own, == 3 km, a check of nothing a taxi does."""
    found = extract("出租车起步价为10元（3公里），超过3公里后每公里2.5元。")
    assert [(r.value, r.unit, r.per) for r in found] == [
        (Decimal(10), "元", None),
        (Decimal("2.5"), "元", "km"),
    ]


def test_a_length_of_service_naming_the_ones_is_no_bound():
    """连续工作满12个月以上的职工享受带薪年休假: the staff a year's service entitles. It was read
    as a bound, ≥ 12 months of work, for the employer to be checked against; as with an age
    (年满60周岁的…), the length reached picks out whom the rest is for."""
    assert extract("连续工作满12个月以上的职工享受带薪年休假。") == []
    (r,) = extract("职工连续工作应当满12个月。")  # guard: a bound with its modal word
    assert (r.comparator, r.value, r.unit) == (">=", Decimal(12), "month")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("村集体经济组织库存现金限额不得超过5000元。", "村集体经济组织"),
        ("采购单位单笔公务卡支付额度不得超过5万元。", "采购单位"),
    ],
)
def test_a_partys_cash_limit_is_its_own_measure(text, subject):
    """村集体经济组织库存现金限额不得超过5000元: the collective's cash on hand. A limit or a quota
    was no measure a party's name could stand before, so it bound no one."""
    (r,) = extract(text)
    assert r.subject == subject


def test_the_first_class_of_ratios_side_by_side_is_a_case_too():
    """乳儿班保育人员与婴幼儿的比例不低于1:3，托小班不低于1:5，托大班不低于1:7: one carer for three
    infants in the infants' class. A ratio's two terms counted as two numbers, and the classes
    after it were read already by their own names, so the first class was never read: the 1:3
    held for every class."""
    found = extract("乳儿班保育人员与婴幼儿的比例不低于1:3，托小班不低于1:5，托大班不低于1:7。")
    assert [r.applies_when.text for r in found] == ["乳儿班", "托小班", "托大班"]


@pytest.mark.parametrize(
    ("text", "cases"),
    [
        ("城市道路挖掘修复期限一般不超过15日，主干道不超过7日。", [None, "主干道"]),
        (
            "城市道路挖掘修复期限一般不超过15日，主干道不超过7日，次干道不超过10日。",
            [None, "主干道", "次干道"],
        ),
        # guards: classes each before their measure, and items after 为 (as before)
        ("县级医院急诊科医生不少于5名，乡镇卫生院不少于2名。", ["县级医院", "乡镇卫生院"]),
        ("储存年限一般为小麦5年、稻谷3年、玉米3年。", ["小麦", "稻谷", "玉米"]),
    ],
)
def test_the_rule_for_all_then_a_class_apart(text, cases):
    """城市道路挖掘修复期限一般不超过15日，主干道不超过7日: fifteen days as a rule, seven on main
    roads. The first was read as a class cut from its own words (城市道, up to the 道 主干道 ends
    with), so the fifteen days held nowhere else. 一般 or 原则上 states the rule for all; the
    classes after it are apart from it."""
    assert [r.applies_when and r.applies_when.text for r in extract(text)] == cases


def test_because_of_is_no_part_of_a_name():
    """因供热单位原因导致室温不达标的，应当按日退还热费: the heating company refunds. The subject
    was 因供热单位, 因 (because of) kept in the name."""
    (r,) = extract("因供热单位原因导致室温不达标的，应当按日退还热费。")
    assert r.subject == "供热单位"


def test_a_party_then_the_part_of_the_day_it_acts_in():
    """驾驶员日间连续驾驶不得超过4小时，夜间连续驾驶不得超过2小时: the driver's stretches by day
    and by night. The part of the day after the name hid who acts (no subject), and the day's
    class took the driver's name in (驾驶员日间). A time of day after a name is when it acts; the
    first class is read after who acts, as the others are."""
    found = extract("驾驶员日间连续驾驶不得超过4小时，夜间连续驾驶不得超过2小时。")
    assert [(r.subject, r.applies_when.text) for r in found] == [
        ("驾驶员", "日间连续驾驶"),
        ("驾驶员", "夜间连续驾驶"),
    ]
