"""A twelfth round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): tendering, swimming pools and internet cafes, parking and
charging, road transport, sewage, archives and accounting records, farms and fishing bans.
Each case is a clear error a probe found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    "text",
    [
        "客运车辆夜间行驶速度不得超过日间限速的80%。",
        "车辆装载高度不得超过限高的90%。",
    ],
)
def test_a_share_of_a_limit_is_bounded_by_the_words_before_it(text):
    """不得超过限速的80%: at most 80 % of the limit. 限速 named the comparison (<=), which 不得
    then turned round (>): a coach at 70 % of the limit failed."""
    (r,) = extract(text)
    assert (r.comparator, r.unit) == ("<=", "%")


@pytest.mark.parametrize(
    ("text", "value"),
    [("城区道路限速40公里/小时。", Decimal(40)), ("桥梁限重30吨。", Decimal(30))],
)
def test_a_limit_named_by_what_it_limits_still_bounds_its_number(text, value):
    (r,) = extract(text)
    assert (r.comparator, r.value) == ("<=", value)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("经营性停车场应当按照不低于总车位10%的比例设置新能源汽车充电设施。", "经营性停车场"),
        ("液化石油气钢瓶充装站应当对钢瓶逐只进行检查。", "液化石油气钢瓶充装站"),
    ],
)
def test_a_car_park_and_a_filling_station_act(text, subject):
    """经营性停车场应当…, …充装站应当…: the ones the duty binds, inspected as a 加油站 is. They
    had no subject, so drafting could not tell whose duty it was."""
    (r,) = extract(text)
    assert (r.subject, r.subject_kind) == (subject, "regulated")


@pytest.mark.parametrize(
    ("text", "per", "values"),
    [
        (
            "中小学生每天睡眠时间：小学生应达到10小时，初中生应达到9小时，高中生应达到8小时。",
            "day",
            [Decimal(10), Decimal(9), Decimal(8)],
        ),
        ("每月补助标准：城市低保对象500元，农村低保对象300元。", "month", [500, 300]),
    ],
)
def test_the_period_a_topic_names_is_each_amount_s_after_its_colon(text, per, values):
    """中小学生每天睡眠时间：小学生应达到10小时: ten hours a day. The period was the topic's
    only, so the hours had none (ten hours in all)."""
    found = extract(text)
    assert [(r.value, r.per) for r in found] == [(Decimal(v), per) for v in values]


def test_a_topic_with_no_period_gives_none():
    (r,) = extract("职工带薪年休假：累计工作已满1年不满10年的，年休假5天。")
    assert (r.value, r.per) == (Decimal(5), None)


@pytest.mark.parametrize(
    ("text", "when", "comparator", "value"),
    [
        ("河道水位超过警戒水位0.5米，启动Ⅲ级应急响应。", "河道水位超过警戒水位0.5米", ">", "0.5"),
        ("累计扣分达到12分，暂停其从业资格。", "累计扣分达到12分", ">=", "12"),
        ("年度考核得分在60分以下，取消其评优资格。", "年度考核得分在60分以下", "<=", "60"),
        (
            "企业年用电量在500万千瓦时以上，应当每年开展一次能源审计。",
            "企业年用电量在500万千瓦时以上",
            ">=",
            "5000000",
        ),
    ],
)
def test_a_bound_that_sets_off_what_follows_is_its_case(text, when, comparator, value):
    """河道水位超过警戒水位0.5米，启动Ⅲ级应急响应: the level is when the response starts, with
    no 的 nor 时 written. It was a requirement of its own (the river to stay above the mark)
    and the response had no case."""
    (r,) = extract(text)
    a = r.applies_when
    assert a is not None
    assert (a.text, a.comparator, a.value) == (when, comparator, Decimal(value))


@pytest.mark.parametrize(
    "text",
    [
        "围挡高度应在2.5米以上，应当设置警示标志。",  # (its own modal word: a requirement)
        "每班幼儿人数在30人以下，并应当配备2名教师。",  # (并: a second duty)
        "幼儿园每班人数在30人以下，配备2名专任教师。",  # (no response, no modal word)
    ],
)
def test_a_bound_followed_by_another_duty_stays_a_requirement(text):
    first, second = extract(text)
    assert first.value is not None and first.applies_when is None
    assert second.applies_when is None


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("在急弯、陡坡等路段，车辆行驶速度不得超过每小时20公里。", "在急弯、陡坡等路段"),
        ("在饮用水水源保护区内，禁止设置排污口。", "在饮用水水源保护区内"),
        ("在人员密集区域，应当设置不少于2个安全出口。", "在人员密集区域"),
    ],
)
def test_a_place_in_a_phrase_of_its_own_is_the_case_of_the_duty_after_it(text, where):
    """在急弯、陡坡等路段，…不得超过每小时20公里: the limit there, not on every road. The place
    was dropped, so a bus at 40 km/h on a straight road failed."""
    (r,) = extract(text)
    assert r.applies_when is not None and r.applies_when.text == where


def test_a_class_in_brackets_after_each_number_is_that_number_s_case():
    """去除效率不低于90%（大型）、85%（中型）、75%（小型）: each rate is a size's. The three rows
    had no case, so a small restaurant's 80 % failed the 90 % and 85 % rows."""
    found = extract("餐饮单位油烟净化设施去除效率不低于90%（大型）、85%（中型）、75%（小型）。")
    assert [(r.value, r.applies_when and r.applies_when.text) for r in found] == [
        (Decimal(90), "大型"),
        (Decimal(85), "中型"),
        (Decimal(75), "小型"),
    ]


@pytest.mark.parametrize(
    "text",
    ["作业时间不超过3年（含）。", "配备专职安全员（不少于2名）。", "补助标准为每人500元（含税）。"],
)
def test_brackets_after_a_number_that_name_no_class_give_no_case(text):
    assert all(r.applies_when is None for r in extract(text))


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("供水单位应当每半年对二次供水设施清洗消毒一次。", "half_year"),
        ("物业服务企业应当每季度对二次加压设备检查一次。", "quarter"),
    ],
)
def test_a_secondary_thing_s_name_is_no_count(text, per):
    """二次供水设施: "secondary water supply", a name. Read as 二次 it gave a second row,
    twice each half year, beside the right one (once)."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit, r.per) == ("==", Decimal(1), "次", per)


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("pH值应大于6，小于9。", [(">", Decimal(6)), ("<", Decimal(9))]),
        ("pH值应大于6且小于9。", [(">", Decimal(6)), ("<", Decimal(9))]),
        ("容积率不小于1.0，不大于2.5。", [(">=", Decimal(1)), ("<=", Decimal("2.5"))]),
    ],
)
def test_the_other_bound_of_a_pure_number_is_read_too(text, bounds):
    """pH值应大于6，小于9: both bounds. The second number, with no unit, was dropped (a pure
    number is kept only right after what it measures), so water at pH 12 passed."""
    assert [(r.comparator, r.value) for r in extract(text)] == bounds


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("无障碍坡道坡度不大于1:12。", "<=", Decimal("8.3333")),
        ("边坡坡度不应陡于1:1.5。", "<=", Decimal("66.6667")),
    ],
)
def test_a_slope_is_a_ratio(text, comparator, value):
    """坡度不大于1:12: rise to run, at most 1 in 12. It gave no row (a ratio was kept only
    beside 比), and 不应陡于 (not steeper) had no comparison."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == (comparator, value, "%")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("加油站与学校、医院的安全间距不应小于50米。", "加油站"),
        ("烟花爆竹零售点与居民住宅的距离不得少于50米。", "烟花爆竹零售点"),
        ("养殖场与居民区之间的距离应当不少于500米。", "养殖场"),
    ],
)
def test_the_party_that_keeps_its_distance_acts(text, subject):
    """加油站与学校、医院的安全间距不应小于50米: the filling station keeps it. The subject was
    none, or both (加油站与学校: a school checked for a filling station's distance)."""
    (r,) = extract(text)
    assert (r.subject, r.subject_kind) == (subject, "regulated")


@pytest.mark.parametrize(
    "text",
    [
        "2024年10月底前，全县散煤经营户全部取缔。",
        "全县无证经营户一律取缔。",
        "不符合要求的散煤销售点一律关停。",
    ],
)
def test_a_party_closed_down_does_not_act(text):
    """全县散煤经营户全部取缔: the dealers are closed down by someone the text does not name;
    they were the subject, so drafting asked each dealer to close itself."""
    (r,) = extract(text)
    assert r.subject is None


def test_a_party_that_closes_something_of_its_own_acts():
    (r,) = extract("企业应当关停落后生产线。")
    assert r.subject == "企业"


def test_a_case_goes_on_past_the_ones_it_names():
    """营业面积超过1000平方米的商场，每日开业前应当进行防火巡查: the large shops, before each
    opening. The condition was 每日开业前 only, so a corner shop was asked to patrol too."""
    (r,) = extract("营业面积超过1000平方米的商场，每日开业前应当进行防火巡查。")
    a = r.applies_when
    assert a is not None
    assert (a.text, a.comparator, a.value, a.unit) == (
        "营业面积超过1000平方米的商场，每日开业前",
        ">",
        Decimal(1000),
        "m²",
    )


@pytest.mark.parametrize(
    ("text", "kind_of_it"),
    [
        ("询价采购，采购人应当向不少于3家供应商发出询价通知书。", "询价采购"),
        ("竞争性谈判采购，谈判小组由3人以上单数组成。", "竞争性谈判采购"),
        ("重大项目，应当组织专家论证。", "重大项目"),
    ],
)
def test_a_kind_of_procurement_or_project_named_alone_is_the_case(text, kind_of_it):
    """询价采购，采购人应当向不少于3家供应商发出询价通知书: for a request for quotations only.
    The kind was dropped, so every purchase was asked for three quotes."""
    (r,) = extract(text)
    assert r.applies_when is not None and r.applies_when.text == kind_of_it


def test_a_task_on_a_project_is_no_case():
    (r,) = extract("实施教育扶贫工程，积极推动义务教育均衡发展。")
    assert r.applies_when is None
