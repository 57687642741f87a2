"""A seventeenth round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): working hours and rest, parking and taxi tariffs, late fees,
staffing by headcount, construction sites, lifts, cold stores. Each case is a clear error a probe
found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "value", "unit", "per", "per_count"),
    [
        ("连续工作每满4小时，应安排休息不少于20分钟。", Decimal(20), "minute", "hour", Decimal(4)),
        ("每超过2小时，加收停车费2元。", Decimal(2), "元", "hour", Decimal(2)),
        ("每增加10人，应增配1名管理人员。", Decimal(1), "名", "人", Decimal(10)),
        ("每逾期三日，加收滞纳金100元。", Decimal(100), "元", "day", Decimal(3)),
        ("每满5年发放一次奖励500元。", Decimal(500), "元", "year", Decimal(5)),
        # guards: a step of one, and so many before a time in the same phrase, as before
        ("每超过1小时，加收停车费2元。", Decimal(2), "元", "hour", None),
        ("每满一年增发100元。", Decimal(100), "元", "year", None),
        ("每4小时停车休息不少于20分钟。", Decimal(20), "minute", "hour", Decimal(4)),
    ],
)
def test_a_step_of_more_than_one_is_what_the_amount_after_it_is_per(
    text, value, unit, per, per_count
):
    """连续工作每满4小时，应安排休息不少于20分钟: twenty minutes' rest for each four hours worked.
    A step (每满, 每超过, 每增加, 每逾期) was read only when it was one of its unit, so the rest had
    no per at all and a driver resting once a day complied; 每超过2小时加收2元 was a flat 2 yuan.
    A step of so many is what the amount is per, and how many of it (per_count)."""
    r = extract(text)[-1]
    assert (r.value, r.unit, r.per, r.per_count) == (value, unit, per, per_count)


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("每满2年增加1天年休假。", "=="),
        ("工龄每满1年，增加年休假1天。", "=="),
        # guards: an amount added with no step is a change by at least that much, as before
        ("重污染天数减少25%。", ">="),
        ("职工年休假增加1天。", ">="),
    ],
)
def test_what_a_step_adds_is_fixed(text, comparator):
    """每满2年增加1天年休假: one more day for each two years, no more, no less. 每满 was read as
    a bound (满2年: at least two years) and 增加 as a change by at least that much, so the day
    became "at least one day". A comparison word right after 每 is the step's, and what a step
    adds is fixed."""
    assert extract(text)[-1].comparator == comparator


@pytest.mark.parametrize(
    ("text", "comparator", "value", "unit"),
    [
        ("超过3公里的部分每公里2元。", ">", Decimal(3), "km"),
        ("月用电量超过200度的部分每度0.6元。", ">", Decimal(200), "kWh"),
        ("超过100立方米的部分为每立方米5元。", ">", Decimal(100), "m³"),
        # guards: with a comma or a verb after 的部分, as before
        ("超过3公里的部分，每公里加收2元。", ">", Decimal(3), "km"),
        ("100万元以下的部分按1.5%收取。", "<=", Decimal(1000000), "元"),
    ],
)
def test_the_part_over_a_bound_is_the_band_a_price_after_it_is_for(text, comparator, value, unit):
    """超过3公里的部分每公里2元: two yuan a kilometre beyond the third. With no comma or verb
    after 的部分 the bound was a requirement of its own (a trip must be over 3 km) and the price
    applied to every trip. The part over a bound is the band the price after it is for."""
    (r,) = extract(text)
    assert r.unit in ("元", "%")
    when = r.applies_when
    assert when is not None
    assert (when.comparator, when.value, when.unit) == (comparator, value, unit)


@pytest.mark.parametrize(
    ("text", "price", "comparator", "value", "unit"),
    [
        ("小型车2小时内收费5元。", Decimal(5), "<=", Decimal(2), "hour"),
        ("小型车2小时以内5元，超过2小时的部分每小时2元。", Decimal(5), "<=", Decimal(2), "hour"),
        ("起步价3公里以内10元。", Decimal(10), "<=", Decimal(3), "km"),
    ],
)
def test_a_time_or_distance_right_before_a_price_is_what_the_price_is_for(
    text, price, comparator, value, unit
):
    """小型车2小时内收费5元: five yuan for a stay of up to two hours. It was a deadline (charge
    within two hours) beside a flat price; 2小时以内5元 dropped the price, and 3公里以内10元 made
    "at most 3 km" a requirement of its own. A time or a distance right before a price (with at
    most 收费/为 between) says what the price is for: a condition."""
    r = extract(text)[0]
    assert (r.kind, r.value, r.unit) == ("money", price, "元")
    when = r.applies_when
    assert when is not None
    assert (when.comparator, when.value, when.unit) == (comparator, value, unit)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("首2小时5元。", "money"),
        # guards: a time limit with no price after it stays one
        ("接到报警后应当在2小时内到达现场。", "deadline"),
        ("物业服务企业应当在24小时内收取并公示费用。", "deadline"),
    ],
)
def test_a_price_for_the_first_hours_is_kept_and_a_time_limit_stays_one(text, kind):
    assert extract(text)[0].kind == kind


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("公交发车间隔高峰时段不超过10分钟，平峰时段不超过20分钟。", ["frequency", "frequency"]),
        ("垃圾清运间隔城区不超过1天，农村不超过3天。", ["frequency", "frequency"]),
        # guards: how long each takes is a duration, after an interval too
        ("粪便清运不超过3天一次，每次清运时间不超过2天。", ["frequency", "duration"]),
        ("每2小时巡查一次，每次不少于30分钟。", ["frequency", "duration"]),
    ],
)
def test_the_next_class_of_an_interval_is_an_interval(text, kinds):
    """发车间隔高峰时段不超过10分钟，平峰时段不超过20分钟: a bus at least every twenty minutes off
    peak. The off-peak phrase names no 间隔, so it was a duration (as if a trip might take no
    longer) and no inspection planned by it. The next class's bound, in the interval's unit
    and comparison, is the interval too."""
    assert [r.kind for r in extract(text)] == kinds


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("房地产经纪机构收取的佣金不得超过成交价的3%。", "房地产经纪机构"),
        ("物业服务企业收取的押金不得超过1000元。", "物业服务企业"),
        ("企业排放的废水不得超过排放标准限值的80%。", "企业"),
        # guards: the ones who go in are no party's thing; an authority's takings, as before
        ("进入施工现场的人员应当佩戴安全帽。", None),
        ("监管部门收取的费用应当上缴国库。", None),
    ],
)
def test_the_party_that_takes_or_discharges_a_thing_is_its_subject(text, subject):
    """房地产经纪机构收取的佣金不得超过成交价的3%: the agency must not charge more. The noun phrase
    before 不得 is the commission, so no one was obligated and drafting had no party to make
    the item for. A party, what it does (收取, 排放, 销售…) and the thing it does it to: the
    party is who must keep the bound."""
    assert extract(text)[0].subject == subject


@pytest.mark.parametrize(
    ("text", "comparators", "conditions"),
    [
        ("表决应当经过半数的委员同意。", [">"], [None]),
        (
            "业主大会会议应当有物业管理区域内专有部分占建筑物总面积过半数的业主且占总人数过半数"
            "的业主参加。",
            [">", ">"],
            [None, None],
        ),
        # guard: which ones a bound after is of, as before
        ("粒度为13～80毫米的块煤占比不低于90%。", [">="], ["range"]),
    ],
)
def test_more_than_half_agreeing_and_two_bounds_both_met(text, comparators, conditions):
    """表决应当经过半数的委员同意: 经 and 过半数, more than half; 经过 was read as "passed
    through", so the share was exactly half. 占建筑物总面积过半数的业主且占总人数过半数的业主参加:
    both bounds must be met; the first was read as a case the second applies under (as
    粒度为13～80毫米的块煤 is), so a meeting with a majority by area alone was never checked."""
    found = extract(text)
    assert [r.comparator for r in found] == comparators
    assert [r.applies_when and r.applies_when.comparator for r in found] == conditions


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("危险货物运输车辆运输途中每行驶2小时应当停车检查一次。", Decimal(2)),
        ("每运行500小时应当更换一次机油。", Decimal(500)),
        # guard: 每 right before the time, as before
        ("每2小时巡查一次。", Decimal(2)),
    ],
)
def test_each_so_long_of_running_then_once_is_how_often(text, value):
    """运输途中每行驶2小时应当停车检查一次: a stop to check every two hours on the road. With 行驶
    between 每 and the time it was a duration of exactly two hours (as if the trip had to
    last that long). 每 and a verb of running (行驶, 运行, 驾驶, 作业, 工作) before a time is each
    so long of it: an interval."""
    r = extract(text)[0]
    assert (r.kind, r.comparator, r.value, r.unit) == ("frequency", "==", value, "hour")


def test_each_so_long_of_driving_is_what_a_rest_in_its_phrase_is_per():
    """每驾驶4小时停车休息不少于20分钟: twenty minutes' rest for each four hours at the wheel."""
    (r,) = extract("每驾驶4小时停车休息不少于20分钟。")
    assert (r.comparator, r.value, r.unit, r.per, r.per_count) == (
        ">=",
        Decimal(20),
        "minute",
        "hour",
        Decimal(4),
    )


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("对新建设施蔬菜大棚，每亩补助3000元。", "对新建设施蔬菜大棚"),
        ("对新增规模以上工业企业，给予一次性奖励10万元。", "对新增规模以上工业企业"),
        # guards: a kind named with no verb, as before; an act on them is no case
        ("对工程类项目，采购人应当在30日内完成验收。", "对工程类项目"),
        ("对新建项目开展安全评价，评价报告应当报送备案。", None),
    ],
)
def test_new_things_after_dui_are_the_ones_an_amount_is_for(text, condition):
    """对新建设施蔬菜大棚，每亩补助3000元: the grant is for new greenhouses only. 新建 was read as
    an act (对…新建: building something), so the phrase was no case and every greenhouse got
    the grant. What is new or rebuilt (新建, 新增, 改扩建…) opening the ones after 对 names
    which ones; an act on them after (开展安全评价) still makes the phrase a duty's."""
    r = extract(text)[0]
    assert (r.applies_when.text if r.applies_when else None) == condition


@pytest.mark.parametrize(
    ("lead", "subject", "modality"),
    [
        ("第四条 供热企业应当做到：", "供热企业", "mandatory"),
        ("生产经营单位应当：", "生产经营单位", "mandatory"),
        ("经营单位应当履行安全生产职责：", "经营单位", "mandatory"),
        # guard: with 下列, as before
        ("停车场经营者应当遵守下列规定：", "停车场经营者", "mandatory"),
    ],
)
def test_a_lead_with_no_xialie_still_binds_its_items(lead, subject, modality):
    """供热企业应当做到：（一）建立值班制度；: each item is the heat supplier's duty. A lead was
    read as listing duties only when it said 下列 or 以下, so items under 应当做到： or a bare
    应当： had no party and no modal word, and drafting had no one to make them for."""
    from checklists.standards.settling import under_a_lead

    item = "（一）建立24小时值班制度；"
    (r,) = under_a_lead(extract(item), lead, item, "（一）")
    assert (r.subject, r.subject_kind, r.modality) == (subject, "regulated", modality)


@pytest.mark.parametrize(
    ("text", "conditions"),
    [
        ("一类地区：每人每月补助500元；二类地区：每人每月补助400元。", ["一类地区", "二类地区"]),
        ("城区：每日清扫两次；农村：每周清扫一次。", ["城区", "农村"]),
        ("一类区域：小型车首小时5元。", ["一类区域"]),
        # guards: what is measured before a colon is a topic, no case
        ("幼儿园每班幼儿人数：小班25人，中班30人。", [None, None]),
        ("收费标准：每小时3元。", [None]),
    ],
)
def test_a_class_heading_its_colon_is_the_case_after_it(text, conditions):
    """一类地区：每人每月补助500元；二类地区：每人每月补助400元: which amount is for which area.
    The class before the colon was dropped, so the two amounts stood side by side for every
    area, contradicting each other. A place, a kind of vehicle or a time of day alone before a
    colon is the case of what follows it."""
    found = extract(text)
    assert [r.applies_when.text if r.applies_when else None for r in found] == conditions


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("四、供热企业接到报修后，应当在2小时内到达现场。", "供热企业接到报修后"),
        ("（二）接到举报后，应当在24小时内核查。", "接到举报后"),
        ("3.收到申请后，应当在5个工作日内办结。", "收到申请后"),
        # guard: an article's number, as before
        ("第四条 供热企业接到报修后，应当在2小时内到达现场。", "供热企业接到报修后"),
    ],
)
def test_an_items_number_is_no_part_of_what_starts_a_deadline(text, trigger):
    """四、供热企业接到报修后，应当在2小时内到达现场: the clock starts at the call. The item's
    number 四、 was kept in the trigger a finding cites (an article's 第四条 was already left
    out)."""
    assert extract(text)[0].trigger == trigger


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("用户应当配合燃气经营企业的入户安检，不得拒绝。", "用户"),
        ("经营者应当遵守市场监管部门的规定，不得哄抬价格。", "经营者"),
    ],
)
def test_a_duty_before_is_no_partys_thing(text, subject):
    """用户应当配合燃气经营企业的入户安检，不得拒绝: the user must not refuse. The phrase before
    (a duty of its own) was read as a party and its thing (…企业的入户安检), so the ban's
    subject was 用户应当配合燃气经营企业. A phrase with a modal word names no owner."""
    assert extract(text)[-1].subject == subject


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("各单位须于本月底前将自查报告报送市局。", "this_month_day"),
        ("租金应当于当月底前缴清。", "monthly_day"),
    ],
)
def test_this_months_end_is_a_deadline_as_its_tenth_is(text, rule):
    """各单位须于本月底前将自查报告报送市局: by the month's end. 本月10日前 was a deadline
    (monthly_day) but 本月底前 nothing: the duty had no date to be late by. (Stop 72: 本月 is the
    month the notice is issued in, once, this_month_day; 当月, of the month a task is for, is
    each month's, monthly_day.)"""
    r = extract(text)[0]
    assert (r.kind, r.due) == ("deadline", {"rule": rule, "day": 31})


def test_a_standards_own_figure_picks_out_no_ones():
    """按照每300人配备1名保洁员的标准配齐保洁队伍，保洁员月工资不低于1500元: one cleaner for each
    300 people, and a wage floor. 1名保洁员的标准 was read as the ones the duties after it are
    for (as 5000吨标准煤以上的重点用能单位 is), so the staffing was a condition and the wage
    floor applied only "where one cleaner is staffed". A number followed by …的标准/比例/要求 is
    that standard's figure."""
    staff, wage = extract("按照每300人配备1名保洁员的标准配齐保洁队伍，保洁员月工资不低于1500元。")
    assert (staff.value, staff.unit, staff.per, staff.per_count) == (
        Decimal(1),
        "名",
        "人",
        Decimal(300),
    )
    assert staff.applies_when is None and wage.applies_when is None
    assert (wage.comparator, wage.value) == (">=", Decimal(1500))


@pytest.mark.parametrize(
    ("text", "when"),
    [
        (
            "三至六年级学生每天书面作业完成时间平均不超过60分钟。",
            ("range", None, Decimal(3), "年级"),
        ),
        ("学校应当为三年级以上学生开设信息技术课。", (">=", Decimal(3), None, "年级")),
        ("社区应当为80周岁以上老人提供上门服务。", (">=", Decimal(80), None, "age_year")),
    ],
)
def test_the_ones_served_by_age_or_school_year_are_a_case(text, when):
    """三至六年级学生每天书面作业…不超过60分钟: a limit for pupils of years three to six only;
    the school years were no quantity, so it bound every pupil. 社区应当为80周岁以上老人提供上门
    服务: the service is for those over 80; the age after 应当为 was read as a requirement of its
    own (the community "at least 80 years old") and the duty was lost."""
    r = extract(text)[0]
    c = r.applies_when
    assert c is not None
    assert (c.comparator, c.value, c.low, c.unit) == when
    assert r.kind in ("duration", "presence")
    assert not c.text.startswith(("学校", "社区"))


def test_an_age_stated_as_what_it_must_be_stays_a_requirement():
    (r,) = extract("入学年龄应当为6周岁以上。")
    assert (r.kind, r.comparator, r.value, r.applies_when) == ("age", ">=", Decimal(6), None)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("每月考核一次，考核结果分为优秀、良好、合格、不合格四个等次。", 1),
        # guard: a band inside the grades listed is no target, as before
        ("考核结果分为优秀（90分以上）、良好（75分以上）、合格、不合格四个等次。", 0),
    ],
)
def test_grades_listed_after_a_frequency_leave_it_standing(text, count):
    """每月考核一次，考核结果分为优秀、良好…四个等次: a monthly assessment. The grades the
    results are sorted into were read over the whole sentence, so the frequency before them
    was dropped as a grade's band."""
    assert len(extract(text)) == count


def test_a_term_stated_before_a_case_is_no_part_of_it():
    """列入严重失信主体名单的期限为3年，期满未再发生失信行为的，自动移出: a three-year listing,
    then removal. With a party's name (主体) first, the term was read as the opening of the
    case, so the three years were no requirement and the case held them."""
    term, removed = extract("列入严重失信主体名单的期限为3年，期满未再发生失信行为的，自动移出。")
    assert (term.kind, term.value, term.unit, term.applies_when) == (
        "duration",
        Decimal(3),
        "year",
        None,
    )
    assert removed.applies_when.text == "期满未再发生失信行为的"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("每批次抽样数量不少于3件，且每件不少于500克。", Decimal(500), "g"),
        ("快递每件收费不超过10元。", Decimal(10), "元"),
    ],
)
def test_each_item_is_a_denominator(text, value, unit):
    """每件不少于500克: 500 grams in each item sampled. 件 was no denominator, so the weight was
    read as a total (three items of 200 g passed)."""
    r = extract(text)[-1]
    assert (r.value, r.unit, r.per) == (value, unit, "件")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("各镇街要明确专人负责，建立工作台账。", "各镇街"),
        ("各镇（街）要加强巡查。", "各镇（街）"),
        # guard: written out, as before
        ("各镇（街道）要加强巡查。", "各镇（街道）"),
        ("各功能区要加强巡查。", "各功能区"),
        ("各区市要在6月底前完成排查。", "各区市"),
        ("各旗县区要加强监管。", "各旗县区"),
        ("各盟市要加强监管。", "各盟市"),
        ("市直各单位要落实责任。", "市直各单位"),
        ("县直单位要按时报送。", "县直单位"),
    ],
)
def test_towns_areas_and_the_governments_own_units_are_authorities(text, subject):
    """各镇街要明确专人负责: the towns and subdistricts, in short; 各区市要在6月底前完成排查,
    各旗县区要加强监管: the areas under a city or a region (their governments). None had a
    party's name, so the duties had no subject and drafting offered them as the inspected
    firm's; 市直各单位 (the city government's own units) was an inspected party by its 单位."""
    r = extract(text)[0]
    assert (r.subject, r.subject_kind) == (subject, "authority")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("歌舞娱乐场所的包厢、包间内不得设置隔断。", "歌舞娱乐场所"),
        ("游艺娱乐场所设置的电子游戏机不得向未成年人提供。", "游艺娱乐场所"),
        # guard: one thing of the party's, as before
        ("配送中心的地面要全部硬化。", "配送中心"),
    ],
)
def test_a_partys_things_listed_or_set_up_are_its_to_keep(text, subject):
    """歌舞娱乐场所的包厢、包间内不得设置隔断: the venue must keep its rooms open. A party's things
    were read only one at a time (…的包厢), and what it sets up (设置的电子游戏机) not at all, so
    these bans had no subject."""
    assert extract(text)[0].subject == subject


@pytest.mark.parametrize(
    ("text", "value"),
    [("城市公交车辆报废年限为8年。", Decimal(8)), ("设备使用年限为10年。", Decimal(10))],
)
def test_how_long_a_thing_may_serve_is_a_term_stated(text, value):
    """城市公交车辆报废年限为8年: a bus is scrapped after eight years. The term was dropped (a
    presence with no number), as 有效期为五年 was before it was named a term."""
    (r,) = extract(text)
    assert (r.kind, r.comparator, r.value, r.unit) == ("duration", "==", value, "year")


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("每日不少于2次、每次不少于30分钟。", None),
        ("每周巡查2次和每次不少于1小时。", None),
        # guards: each time with a head before it, and a comma between, as before
        ("每人每次不超过50元。", "人"),
        ("每日巡查不少于2次，每次不少于30分钟。", None),
    ],
)
def test_each_time_after_a_listed_frequency_has_no_period(text, per):
    """每日不少于2次、每次不少于30分钟: half an hour each time. Listed after 、, the 30 minutes
    took the day as its period (30 minutes a day in all), so two rounds of 15 minutes
    passed. 每次 after another number is each time's, with no period."""
    assert extract(text)[-1].per == per


def test_a_plain_text_gazette_of_a_parking_rule_and_a_heating_notice():
    """A plain-text gazette written for this test (tests/data/unseen_plain_parking_heating.txt):
    a 办法 with items numbered 1、 and (1), and a notice numbered 一、. Each area's fees are for
    that area, and a deadline's trigger is cited without its item's number."""
    from pathlib import Path

    from checklists.standards.parsing import parse_gazette

    text = (Path(__file__).parent / "data" / "unseen_plain_parking_heating.txt").read_text(
        encoding="utf-8"
    )
    rules, notice = parse_gazette(text).documents
    assert (rules.number, notice.number) == ("某政发〔2025〕31号", "某政办发〔2025〕47号")
    clauses = {c.key.split("/", 1)[1]: c for c in rules.clauses if "/" in c.key}
    first, second = (extract(clauses[f"第五条/（{n}）"].text) for n in (1, 2))
    assert (first[0].applies_when.text, first[0].value) == ("一类区域", Decimal(5))
    assert (second[0].applies_when.text, second[0].value) == ("二类区域", Decimal(3))
    repairs = next(c for c in notice.clauses if c.key.endswith("/四"))
    (arrive, _repair) = extract(repairs.text, repairs.join_offsets, repairs.token)
    assert (arrive.trigger, arrive.value, arrive.unit) == ("供热企业接到报修后", Decimal(2), "hour")


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("本办法施行前已取得许可的，自本办法施行之日起6个月内完成整改。", 1),
        # guards: the document's own term and start, as before
        ("本办法自2025年1月1日起施行，有效期5年。", 0),
        ("本办法自印发之日起30日后施行。", 0),
    ],
)
def test_a_time_limit_from_the_rules_start_is_no_term_of_its_own(text, count):
    """本办法施行前已取得许可的，自本办法施行之日起6个月内完成整改: six months to comply. A sentence
    opening with 本办法 and naming 施行 was taken for the document's own term, so the time limit
    for those already licensed was dropped."""
    found = extract(text)
    assert len(found) == count
    if found:
        assert (found[0].kind, found[0].value, found[0].unit) == ("deadline", Decimal(6), "month")


@pytest.mark.parametrize(
    ("text", "per"),
    [("每个项目补助金额不超过100万元。", "项目"), ("每个品种留样量不少于125克。", "品种")],
)
def test_each_project_or_dish_is_a_denominator(text, per):
    """每个项目补助金额不超过100万元: a cap per project, not on the programme; 每个品种留样量不少于
    125克: 125 g of each dish kept, not in all."""
    assert extract(text)[0].per == per


def test_every_denominator_the_reader_writes_is_one_the_api_declares():
    """件, 项目 and 品种 (this stop) and kWh (每度电价, earlier) were written as ``per`` but were
    not in the ``Per`` type the API schema validates against. Every value of the denominator
    table (and each product of two) must be one ``Per`` declares."""
    from typing import get_args

    from checklists.standards.denominators import DENOMINATORS, PRODUCTS
    from checklists.standards.requirements import Per

    def names(t):
        for a in get_args(t):
            yield from ([a] if isinstance(a, str) else names(a))

    assert set(DENOMINATORS.values()) | PRODUCTS <= set(names(Per))
