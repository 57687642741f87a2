"""A sixteenth round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): sanitation, public toilets, land for homes, housing funds,
pharmacies, internet cafes, swimming pools, hotels, heating. Each case is a clear error a probe
found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("粪便清运不超过3天一次。", Decimal(3), "day"),
        ("生活垃圾应当日产日清，最长不超过2天清运一次。", Decimal(2), "day"),
        ("垃圾清运间隔不超过3天。", Decimal(3), "day"),
        ("巡查间隔最长不超过2小时。", Decimal(2), "hour"),
        # guards: every so often, as before
        ("粪便每3天至少清运1次。", Decimal(3), "day"),
        ("至少每15日进行一次检查。", Decimal(15), "day"),
    ],
)
def test_a_time_at_most_between_two_of_a_task_is_how_often(text, value, unit):
    """粪便清运不超过3天一次: emptied every three days or more often. It was read as a duration
    of at most three days (as if emptying might take no longer), with no frequency to plan
    inspections by; 清运间隔不超过3天 likewise. A time bounded at most, then 一次, or named as
    the interval, is a frequency: the interval at most."""
    r = extract(text)[-1]
    assert (r.kind, r.comparator, r.value, r.unit) == ("frequency", "<=", value, unit)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # guards: a time limit and a least interval are no frequency of this kind
        ("应当在接到通知后不超过3日内处理一次。", "deadline"),
        ("两次爆破作业间隔时间不少于30分钟。", "duration"),
        ("连续驾驶不超过4小时。", "duration"),
    ],
)
def test_a_time_limit_or_a_least_interval_is_not_read_as_how_often(text, kind):
    assert extract(text)[0].kind == kind


@pytest.mark.parametrize(
    ("text", "value", "unit", "per"),
    [
        ("每满一年增发100元。", Decimal(100), "元", "year"),
        ("工龄每满1年，增加年休假1天。", Decimal(1), "day", "year"),
        ("每增加1年增加补贴100元。", Decimal(100), "元", "year"),
        # guards: a step in the phrase before, as before
        ("每逾期一日，按合同金额的0.5‰支付违约金。", Decimal("0.5"), "‰", "day"),
        ("每多招用1人，给予补贴1000元。", Decimal(1000), "元", "人"),
        ("每超过1个月加收100元。", Decimal(100), "元", "month"),
        # (working days are no denominator: no per, not 个)
        ("供应商每超过1个工作日扣1分。", Decimal(1), "分", None),
    ],
)
def test_each_full_step_is_what_the_amount_after_it_is_per(text, value, unit, per):
    """工龄每满1年，增加年休假1天: a day more leave for each full year of service. 每满一年
    was read as a requirement of its own (at least a year), and the day had no period;
    每增加1年增加补贴100元 had none either. 满 (each full one) is a step as 每增加 and 每逾期
    are, in the amount's own phrase too: the amount is per it, and the step is no
    requirement."""
    (r,) = extract(text)
    assert (r.value, r.unit, r.per) == (value, unit, per)


def test_each_full_year_of_a_wage_month_is_no_requirement_of_a_year():
    """经济补偿…每满一年支付一个月工资: a month's wage per year worked (a wage, not read yet); it
    was a requirement of at least one year's service, with nothing to check."""
    assert extract("每满一年支付一个月工资。") == []


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("经济补偿按劳动者在本单位工作的年限支付，不得低于2000元。", None),
        ("经济补偿按劳动者在本单位工作的年限，每满一年增发100元。", None),
        # guards: 依照 before a party, 按摩 in a name, and a breach in it, as before
        ("补贴依照企业在本县缴纳的税额计算，不得超过50万元。", None),
        ("足浴按摩从业人员应当持有健康证明。", "足浴按摩从业人员"),
        ("未按规定公开信息的企业应当限期改正。", "未按规定公开信息的企业"),
    ],
)
def test_a_basis_is_no_part_of_a_party_s_name(text, subject):
    """经济补偿按劳动者在本单位工作的年限支付: the compensation goes by the worker's years. It was
    drafted as a duty of a party named 经济补偿按劳动者 (a regulated one, so the item was put to
    the inspected firm under a name no one has). A name holds no basis (按, 依照, 根据) before
    the party word; 按摩 and a breach (不按照…的单位, 未按规定…的企业) stay names."""
    assert {r.subject for r in extract(text)} == {subject}


@pytest.mark.parametrize(
    ("text", "value", "per"),
    [
        ("停车场24小时内最高收费不超过30元。", Decimal(30), "day"),
        ("一个月内最多补助500元。", Decimal(500), "month"),
        ("3年内最高奖励10万元。", Decimal(100000), None),
        # guard: summed in the window, as before
        ("24小时内累计收费不得超过60元。", Decimal(60), "day"),
    ],
)
def test_the_most_in_a_window_is_a_cap_in_it_not_a_deadline(text, value, per):
    """停车场24小时内最高收费不超过30元: at most 30 yuan for any 24 hours parked. 24小时内 was read
    as a time limit to act in (a deadline of 24 hours beside the cap, which had no period). The
    most in a window (最高, 最多) is capped in it, as what is summed in it (累计) was: one row,
    per the window's period where it names one."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit, r.per) == ("<=", value, "元", per)


@pytest.mark.parametrize(
    ("text", "comparator", "values"),
    [
        ("综合医院床位与护士之比不低于1:0.6。", ">=", [Decimal(60)]),
        ("失能老年人与护理人员比例不低于3:1。", ">=", [Decimal("33.3333")]),
        (
            "托育机构婴幼儿与保育人员的比例，乳儿班不低于3:1，托小班不低于5:1。",
            ">=",
            [Decimal("33.3333"), Decimal(20)],
        ),
        # guards: staff first, and a ceiling on the ones served per staff, as written
        ("护理人员与失能老人的配比不低于1:4。", ">=", [Decimal(25)]),
        ("师生比不低于1:15。", ">=", [Decimal("6.6667")]),
        ("学生与教师之比不高于19:1。", "<=", [Decimal(1900)]),
    ],
)
def test_a_floor_on_the_served_to_staff_ratio_is_the_staff_s_share(text, comparator, values):
    """床位与护士之比不低于1:0.6: at least 0.6 nurses a bed. The ratio was read as written, beds
    per nurse at least 1.67, so a ward of 100 beds and 80 nurses (better staffed) failed and one
    with 50 nurses passed. With the ones served first and the staff second, a floor is on the
    staffing level: the share is the staff's of the ones served (60 %)."""
    rows = extract(text)
    assert [(r.comparator, r.value) for r in rows] == [(comparator, v) for v in values]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("二级以上综合医院床位与护士之比不低于1:0.6。", Decimal(60)),
        ("二级以上综合医院床护比不低于1:0.6。", Decimal(60)),
        ("二级以上医院医护比不低于1:1.25。", Decimal(125)),
    ],
)
def test_a_grade_before_a_ratio_is_its_case_and_the_ratio_one_phrase(text, value):
    """二级以上综合医院床护比不低于1:0.6: the ratio's colon split its phrase, so 二级以上 was read
    as a requirement of its own (a grade of at least 2 to check) and the ratio lost its case. A
    colon between digits (1:0.6, 20:30) separates no phrases. 床护比 and 医护比 are the nurses'
    share (of the beds, of the doctors), as the served-to-staff ratios are."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == (">=", value, "%")
    assert (r.applies_when.comparator, r.applies_when.value) == (">=", Decimal(2))


@pytest.mark.parametrize(
    ("text", "value", "per"),
    [
        ("停车场24小时最高限价为30元。", Decimal(30), "day"),
        ("小型车24小时最高收费30元。", Decimal(30), "day"),
        ("燃油车最高限价为每升8元。", Decimal(8), "L"),
        ("停车场最高收费标准为每天30元。", Decimal(30), "day"),
    ],
)
def test_a_price_cap_named_before_its_amount_is_a_ceiling(text, value, per):
    """停车场24小时最高限价为30元: at most 30 yuan a day. 最高限价为 (a price cap, named before its
    amount as 限值为 is) was not read as one, so the amount, with no comparison and no verb, was
    dropped: nothing was drafted. A cap named before its amount (also per a unit sold: 每升8元)
    is a ceiling, and 24小时 right before the most in it is a day, as 24小时内 was."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit, r.per) == ("<=", value, "元", per)


def test_the_most_of_a_measure_in_a_day_stays_a_case():
    """(guard) 24小时最高气温达到35℃以上时: the day's highest temperature is the case, as before."""
    (r,) = extract("24小时最高气温达到35℃以上时，应当停止户外作业。")
    assert (r.kind, r.applies_when.comparator, r.applies_when.value) == (
        "presence",
        ">=",
        Decimal(35),
    )


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("停车首小时5元。", [(Decimal(5), None, None)]),
        ("夜间每2小时1元。", [(Decimal(1), "hour", 2)]),
        (
            "小型车白天首小时5元，之后每小时2元，夜间每2小时1元。",
            [(Decimal(5), None, None), (Decimal(2), "hour", None), (Decimal(1), "hour", 2)],
        ),
    ],
)
def test_a_price_for_the_first_unit_or_per_so_many_units_is_kept(text, rows):
    """小型车白天首小时5元，之后每小时2元，夜间每2小时1元: a parking tariff. Only 每小时2元 was
    kept: a price for the first hour (首小时) and one per so many hours (每2小时), stated with
    no verb, were dropped as amounts with nothing to meet. They are prices as 每小时2元 is."""
    assert [(r.value, r.per, r.per_count) for r in extract(text)] == rows


@pytest.mark.parametrize(
    ("text", "value", "per"),
    [
        ("24小时最高限价30元。", Decimal(30), "day"),
        ("限价200元/吨。", Decimal(200), "t"),
        ("补助限额5000元。", Decimal(5000), None),
    ],
)
def test_a_limit_named_right_before_its_amount_with_no_is_is_a_ceiling(text, value, per):
    """24小时最高限价30元 (as a fee table's cell reads, or a terse clause): the cap with no 为
    between its name and its amount was not read, so nothing was drafted."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.per) == ("<=", value, per)


_TARIFF = (
    "车型\t白天（8:00-20:00）\t夜间（20:00-次日8:00）\t24小时最高限价\n"
    "小型车\t首小时5元，之后每小时2元\t每2小时1元\t30元\n"
    "大型车\t首小时10元，之后每小时4元\t每2小时2元\t60元"
)


def test_a_table_of_rates_gives_each_class_its_figures():
    """An annexed fee table (车型 | 白天 | 夜间 | 24小时最高限价; one row a class): the caps in the
    last column (30元, 60元 alone in their cells) were dropped, and no price said which class it
    was for, so a large car's 4 yuan an hour and a small car's 2 were one list with no case.
    Each row's figures apply to the class its first cell names; a cell that says nothing alone
    is read after its column's header."""
    rows = extract(_TARIFF)
    got = [(r.applies_when.text, r.comparator, r.value, r.per) for r in rows]
    assert got == [
        ("小型车", "==", Decimal(5), None),
        ("小型车", "==", Decimal(2), "hour"),
        ("小型车", "==", Decimal(1), "hour"),
        ("小型车", "<=", Decimal(30), "day"),
        ("大型车", "==", Decimal(10), None),
        ("大型车", "==", Decimal(4), "hour"),
        ("大型车", "==", Decimal(2), "hour"),
        ("大型车", "<=", Decimal(60), "day"),
    ]
    for r in rows:  # (each span is the source's, where it stands)
        assert _TARIFF[r.start : r.start + len(r.span)] == r.span


def test_a_bare_figure_takes_its_header_s_unit():
    """类别 | 补助标准（元/人·月）: the unit is the header's, the cell a bare number."""
    text = "类别\t补助标准（元/人·月）\t备注\n集中供养\t1500\t\n分散供养\t1000\t按月发放"
    rows = extract(text)
    assert [(r.applies_when.text, r.value, r.unit, r.per) for r in rows] == [
        ("集中供养", Decimal(1500), "元", "month"),
        ("分散供养", Decimal(1000), "元", "month"),
    ]
    assert [text[r.start : r.start + len(r.span)] for r in rows] == ["1500", "1000"]


def test_a_table_of_items_to_meet_is_read_as_before():
    """(guard) 序号 | 项目 | 要求 | 分值: the first named column is what is measured, no class:
    read as the text it is, no case added."""
    text = "序号\t项目\t要求\t分值\n1\t床位\t不少于50张\t10\n2\t护理员配比\t不低于1:4\t10"
    rows = extract(text)
    assert [(r.comparator, r.value, r.applies_when) for r in rows] == [
        (">=", Decimal(50), None),
        (">=", Decimal(25), None),
    ]


def test_an_unseen_gazette_s_fee_table_gives_each_class_its_caps():
    """A plain-text notice written for this test (tests/data/unseen_plain_tariff_table.txt): two
    articles, then 附表 with a parking tariff, one row per vehicle class. Imported as a user
    would, the table clause gives each class its prices and its day's cap."""
    from pathlib import Path

    from checklists.standards.parsing import parse_gazette

    text = (Path(__file__).parent / "data" / "unseen_plain_tariff_table.txt").read_text(
        encoding="utf-8"
    )
    (doc,) = parse_gazette(text).documents
    (table,) = [c for c in doc.clauses if c.is_table]
    rows = extract(table.text, table.join_offsets, table.token)
    caps = [(r.applies_when.text, r.value, r.per) for r in rows if r.comparator == "<="]
    assert caps == [("小型车", Decimal(30), "day"), ("大型车", Decimal(60), "day")]
    assert {r.applies_when.text for r in rows} == {"小型车", "大型车"}


def test_a_class_named_by_a_bound_is_a_case_with_its_number():
    """类别 | 补助标准: 80—89周岁 | 每人每月100元, 90周岁以上 | 每人每月300元. Each row's class
    is a band of age: the case carries it (so a 92-year-old is checked against 300, not 100)."""
    text = "类别\t补助标准\n80—89周岁\t每人每月100元\n90周岁以上\t每人每月300元"
    cases = [r.applies_when for r in extract(text)]
    assert [(c.comparator, c.value, c.low, c.high, c.unit) for c in cases] == [
        ("range", None, Decimal(80), Decimal(89), "age_year"),
        (">=", Decimal(90), None, None, "age_year"),
    ]


@pytest.mark.parametrize(
    "text",
    ["城镇污水处理厂出水应当达到一级A标准。", "出水应当达到一级B排放标准。"],
)
def test_a_standard_s_grade_and_class_is_its_name_not_a_level(text):
    """出水应当达到一级A标准: the discharge standard's grade A of class one (GB 18918). It was a
    requirement of at least grade 1 (a count of 级), which any plant meets. A grade with its
    letter before 标准 or 排放 names the standard; the duty to meet it stays."""
    (r,) = extract(text)
    assert (r.kind, r.value, r.unit) == ("presence", None, None)


def test_a_grade_reached_is_still_a_case():
    """(guard) 应急响应达到二级以上的: a grade compared, a case, as before."""
    (r,) = extract("应急响应达到二级以上的，应当停止户外作业。")
    assert (r.applies_when.comparator, r.applies_when.value) == (">=", Decimal(2))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("每发现一处隐患扣2分。", Decimal(2), "分"),
        ("每发现一处隐患未整改，扣减考核分2分。", Decimal(2), "分"),
        ("每处公厕配备保洁人员不少于1名。", Decimal(1), "名"),
    ],
)
def test_each_place_or_fault_found_is_what_an_amount_is_per(text, value, unit):
    """每发现一处隐患扣2分: two points off for each fault found. 处 was no denominator, so the
    deduction had no per (a site with five faults lost two points). Each 处, and each one found
    (每发现/查出/查实 一处, in the amount's phrase or the one before), is what it is per."""
    (r,) = extract(text)
    assert (r.value, r.unit, r.per) == (value, unit, "处")
