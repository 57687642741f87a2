"""A twenty-fifth round of the reading, found by probing it with clauses written for the
purpose (never from the bundled gazettes): building-site dust, kitchen fumes, medical waste,
care homes, ride-hailing and taxis, fishing bans, factory noise, wages, talent subsidies, loan
interest, fuel stations, fireworks, pharmacies and cold stores. Each case is a clear error a
probe found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "kind", "case", "value"),
    [
        ("行驶里程达到60万千米的强制报废。", "presence", "行驶里程达到60万千米", "600000"),
        ("超过30日未缴纳的按日加收万分之五的滞纳金。", "ratio", "超过30日", "30"),
        ("月度考核得分低于60分的通报批评。", "presence", "月度考核得分低于60分", "60"),
        ("累计3次被投诉的取消其经营资格。", "presence", "累计3次", "3"),
    ],
)
def test_a_number_s_ones_then_what_befalls_them_with_no_comma_is_a_case(text, kind, case, value):
    """行驶里程达到60万千米的强制报废: cars driven that far are scrapped. With no comma between the
    ones and what befalls them, only a few sanctions' verbs (予以, 责令, 取消 right after 的) were
    read so: the mileage was a requirement of its own (≥ 600000 km: a new car failed), and so
    was 超过30日 before 未缴纳的按日加收…."""
    (found,) = extract(text)
    assert found.kind == kind
    assert found.applies_when.text == case
    assert found.applies_when.value == Decimal(value)


@pytest.mark.parametrize(
    "text",
    [
        # guards: a number of the duty's own after a modal word; a fine's amount
        "企业应当每年至少2次的开展演练。",
        "处5000元以上1万元以下的罚款。",
    ],
)
def test_a_duty_s_own_number_is_no_case(text):
    assert all(found.applies_when is None for found in extract(text))


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("教室人均使用面积小学不低于1.36平方米，中学不低于1.39平方米。", "人"),
        ("城市居民户均住房面积市区不低于60平方米，县城不低于80平方米。", "户"),
    ],
)
def test_what_the_shared_measure_is_per_holds_for_each_class(text, per):
    """教室人均使用面积小学不低于1.36平方米，中学不低于1.39平方米: each school's floor is per pupil.
    The 人均 is written once, in the measure's name before the first class: the second row was
    1.39 m² for the whole classroom."""
    first, second = extract(text)
    assert (first.per, second.per) == (per, per)
    assert second.applies_when.text in ("中学", "县城")


def test_each_class_s_own_per_stays_its_own():
    first, second = extract(
        "停车泊位配建标准：住宅每户不少于1个，商业每100平方米建筑面积不少于0.8个。"
    )
    assert (first.per, second.per, second.per_count) == ("户", "m²", Decimal(100))


def test_an_amount_s_name_is_no_part_of_the_class():
    """生均公用经费小学不低于650元，初中不低于850元: the class is 小学, as 初中 is; the amount's
    name was read into the first class."""
    first, second = extract("生均公用经费小学不低于650元，初中不低于850元。")
    assert (first.applies_when.text, second.applies_when.text) == ("小学", "初中")


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("每发现一个火点扣1分。", "个"),
        ("每个项目检查不少于2次。", "项目"),
    ],
)
def test_so_many_for_each_thing_is_no_frequency(text, per):
    """每发现一个火点扣1分: a point off for each fire found. An amount counted (次, 分…) per
    anything was read as how often (a frequency), as if 个 were a period."""
    (found,) = extract(text)
    assert (found.kind, found.per) == ("count", per)


def test_so_many_each_period_is_still_a_frequency():
    (found,) = extract("每户每年入户检查不少于1次。")
    assert (found.kind, found.per) == ("frequency", "year")


def test_the_one_pointed_back_to_after_a_verb_is_no_party():
    """对发现露天焚烧火点的村，每个火点扣减该乡镇年度考核分0.5分: the township loses the points; no
    one named acts. 每个火点扣减该乡镇 was read as a party's name (an authority) acting."""
    (found,) = extract("对发现露天焚烧火点的村，每个火点扣减该乡镇年度考核分0.5分。")
    assert found.subject is None
    assert found.value == Decimal("0.5")


def test_each_period_of_the_day_is_no_hour():
    """每个时段不少于2小时: each opening period lasts two hours at least; 时段 was read as 每时
    (per hour), so the two hours were per hour."""
    _slots, each = extract("厨余垃圾投放点每日定时开放不少于2个时段，每个时段不少于2小时。")
    assert (each.kind, each.per, each.value) == ("duration", None, Decimal(2))


def test_so_many_for_each_building_or_stall():
    found = extract("机关应当设置有害垃圾收集容器，每栋楼至少1个。")[-1]
    assert (found.per, found.value) == ("栋", Decimal(1))
    stall, _aisle = extract("农贸市场每个摊位面积不少于2平方米，通道宽度不少于3米。")
    assert (stall.per, stall.value) == ("摊位", Decimal(2))


def test_every_denominator_read_is_one_the_model_names():
    """What a number is per (denominators.DENOMINATORS, PER_OF_UNIT) is one of ``Per``'s
    values, which the pages and the scoring engine know."""
    from typing import get_args

    from checklists.standards.denominators import DENOMINATORS, PER_OF_UNIT
    from checklists.standards.requirements import Denominator, Period

    named = set(get_args(Denominator)) | set(get_args(Period))
    assert set(DENOMINATORS.values()) | set(PER_OF_UNIT.values()) <= named


@pytest.mark.parametrize(
    ("text", "case", "value"),
    [
        (
            "政府对参保人缴费给予补贴，对选择300元档次缴费的，补贴标准为每人每年30元。",
            "对选择300元档次缴费的",
            "300",
        ),
        (
            "县政府给予补贴，对选择低档次缴费的，补贴标准为每人每年30元。",
            "对选择低档次缴费的",
            None,
        ),
    ],
)
def test_the_ones_after_to_mid_sentence_with_a_number_are_a_case(text, case, value):
    """…，对选择300元档次缴费的，补贴标准为每人每年30元: the subsidy of those paying at the
    300-yuan grade. Mid-sentence, a phrase of the ones after 对 holding a number was read as a
    deadline's or nothing's, so the amount held for everyone."""
    found = extract(text)[-1]
    assert found.applies_when.text == case
    assert found.applies_when.value == (None if value is None else Decimal(value))


def test_paid_by_oneself_names_no_party():
    """政策范围内个人自付医疗费用按100%比例救助: what a person pays themselves is covered in full;
    no one acts. 自 of 自付 was read as the verb after a party's name (个人)."""
    (found,) = extract("对特困供养人员，政策范围内个人自付医疗费用按100%比例救助。")
    assert found.subject is None


def test_the_next_band_s_amount_is_per_the_same():
    """对65岁以上参保人员，基础养老金每人每月增发5元，70岁以上的增发10元: ten more a month. The
    next class was followed only when it was a name (农村不低于600元), not a band."""
    _first, second = extract("对65岁以上参保人员，基础养老金每人每月增发5元，70岁以上的增发10元。")
    assert (second.per, second.applies_when.value) == ("month", Decimal(70))


@pytest.mark.parametrize(
    ("text", "pers", "classes"),
    [
        ("城市低保标准每人每月不低于800元；农村不低于600元。", ("month", "month"), (None, "农村")),
        ("主干道清扫每日不少于2次；次干道不少于1次。", ("day", "day"), ("主干道", "次干道")),
        (
            "对65岁以上参保人员，基础养老金每人每月增发5元；70岁以上的增发10元。",
            ("month", "month"),
            ("对65岁以上参保人员", "70岁以上"),
        ),
    ],
)
def test_a_list_of_one_measure_s_classes_goes_on_after_a_semicolon(text, pers, classes):
    """城市低保标准每人每月不低于800元；农村不低于600元: the rural floor is per person and month
    too. Each sentence was settled alone, so after a ； the next class lost the period (600 yuan
    at all), and 次干道不少于1次 was once at all, for every road."""
    first, second = extract(text)
    assert (first.per, second.per) == pers
    assert tuple(r.applies_when and r.applies_when.text for r in (first, second)) == classes


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("整改期限为自收到整改通知书之日起三个月。", "3", "month"),
        ("整改期限为自收到整改通知书之日起一个半月。", "45", "day"),
        ("有效期自发证之日起五年。", "5", "year"),
    ],
)
def test_a_term_in_words_from_when_it_runs_is_read(text, value, unit):
    """整改期限为自收到整改通知书之日起三个月: three months to put it right. A term in words was
    kept only right after 期限为 (期限为三个月); with the event it runs from between, it was
    dropped as words, as 1个月 in digits was not."""
    (found,) = extract(text)
    assert (found.value, found.unit) == (Decimal(value), unit)


def test_each_bound_listed_before_respectively_is_its_own_case():
    """对年销售收入首次突破1亿元、5亿元、10亿元的工业企业，分别奖励10万元、30万元、50万元: each
    reward for its own bound of sales. The second and third rewards' cases were 对5亿元的工业企业
    with the first's number (> 1亿元): a firm past 1亿 had all three."""
    found = extract(
        "对年销售收入首次突破1亿元、5亿元、10亿元的工业企业，分别奖励10万元、30万元、50万元。"
    )
    assert [r.applies_when.value for r in found] == [
        Decimal(10**8),
        Decimal(5 * 10**8),
        Decimal(10**9),
    ]
    assert found[1].applies_when.text == "对年销售收入首次突破5亿元的工业企业"
    assert [r.value for r in found] == [Decimal(100000), Decimal(300000), Decimal(500000)]


def test_classes_listed_before_respectively_with_no_number_keep_their_case():
    found = extract(
        "对发生一般、较大、重大生产安全事故的生产经营单位，禁入期限分别为1年、3年、5年。"
    )
    assert [r.applies_when.text for r in found] == [
        "对发生一般生产安全事故的生产经营单位",
        "对发生较大生产安全事故的生产经营单位",
        "对发生重大生产安全事故的生产经营单位",
    ]


def test_the_townships_acting_are_no_class_of_places():
    """乡镇应当在基槽开挖、主体结构施工、竣工三个阶段分别到场巡查: the townships inspect. 乡镇 is
    also a class of places (城区达到100%，乡镇应达到90%), so the row applied 'where 乡镇' to its
    own party."""
    patrol, _each = extract(
        "乡镇应当在基槽开挖、主体结构施工、竣工三个阶段分别到场巡查，每个阶段不少于1次。"
    )
    assert (patrol.subject, patrol.applies_when) == ("乡镇", None)
    _city, towns = extract("生活垃圾无害化处理率城区达到100%，乡镇应达到90%。")
    assert towns.applies_when.text == "乡镇"  # (a class of places, with its bound: as before)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("施工队伍负责人须持有培训合格证书。", "施工队伍负责人"),
        ("建房户应当委托具有资质的施工队伍施工。", "建房户"),
        ("犬主应当在犬只出户时为其束犬链。", "犬主"),
    ],
)
def test_who_builds_a_house_and_for_whom_are_inspected(text, subject):
    """施工队伍负责人须持有培训合格证书: the builders' foreman is checked, not an authority (队伍
    ends a rescue team's name, an authority's)."""
    (found,) = extract(text)
    assert (found.subject, found.subject_kind) == (subject, "regulated")


@pytest.mark.parametrize(
    ("text", "case"),
    [
        ("22时至次日6时禁止施工。", "22时至次日6时"),
        ("夜间（22时至次日6时）禁止施工。", "夜间（22时至次日6时）"),
        ("高温时段（12时至15时）应当停止室外作业。", "高温时段（12时至15时）"),
        ("长途客运车辆凌晨2时至5时停止运行。", "凌晨2时至5时"),
        ("客运车辆夜间（22时至次日6时）行驶速度不得超过日间限速的80%。", "夜间（22时至次日6时）"),
        # (with a comma, as before)
        ("每日22时至次日6时，禁止在居民区进行产生噪声的施工作业。", "每日22时至次日6时"),
    ],
)
def test_hours_of_the_day_with_no_comma_are_when_the_duty_holds(text, case):
    """高温时段（12时至15时）应当停止室外作业: outdoor work stops in those hours only. Hours of the
    day were a case only before a comma; with none, the ban and the stop held all day, and a
    party before the hours (长途客运车辆…) hid them too."""
    (found,) = extract(text)
    assert found.applies_when.text == case
    assert found.applies_when.comparator is None


def test_a_class_s_own_time_limit_runs_from_the_same_event():
    """电梯困人故障发生后，维保人员应当在30分钟内抵达现场，偏远地区不超过1小时: in remote areas an
    hour from the same call. The class's limit was a duration of nothing (no event to count
    from), so a late arrival could not be told from an early one."""
    _first, remote = extract(
        "电梯困人故障发生后，维保人员应当在30分钟内抵达现场，偏远地区不超过1小时。"
    )
    assert (remote.kind, remote.trigger) == ("deadline", "电梯困人故障发生后")
    assert remote.applies_when.text == "偏远地区"


def test_school_years_are_whom_the_number_after_them_is_for():
    """义务教育学校体育课时小学1-2年级每周4课时，3-6年级每周3课时: four lessons a week in years one
    and two. The school years were requirements of their own (1 to 2 年级 a week), four rows for
    two."""
    first, second = extract("义务教育学校体育课时小学1-2年级每周4课时，3-6年级每周3课时。")
    assert (first.value, first.per) == (Decimal(4), "week")
    assert (first.applies_when.low, first.applies_when.high) == (Decimal(1), Decimal(2))
    assert first.applies_when.per is None
    assert (second.value, second.applies_when.text) == (Decimal(3), "3-6年级")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("发放日期不得晚于每月15日。", 15),
        ("工资发放不迟于每月15日。", 15),
        ("报表不应晚于每月10日报送。", 10),
    ],
)
def test_a_date_no_later_than_bound_is_a_deadline(text, day):
    """发放日期不得晚于每月15日: wages paid by the 15th of each month. 不迟于/不晚于 were read as
    'by', not 不得晚于 (was a duration of 15 days a month)."""
    (found,) = extract(text)
    assert found.kind == "deadline"
    assert found.due == {"rule": "monthly_day", "day": day}


def test_each_kind_s_amount_after_is_is_for_that_kind():
    """采购限额标准为货物和服务类30万元，工程类60万元: the threshold is 300 thousand for goods and
    services, 600 thousand for works; both were read for every purchase."""
    goods, works = extract("采购限额标准为货物和服务类30万元，工程类60万元。")
    assert (goods.applies_when.text, works.applies_when.text) == ("货物和服务类", "工程类")
    assert (goods.value, works.value) == (Decimal(300000), Decimal(600000))


def test_each_kind_s_price_per_unit_is_for_that_kind():
    """物业服务收费标准：多层住宅每月每平方米0.6元，高层住宅每月每平方米1.2元: each kind of block
    its own fee. A class was read only before a bound's word (不超过, 达到…), not before a price per
    unit, so both fees held for every flat."""
    low, high = extract("物业服务收费标准：多层住宅每月每平方米0.6元，高层住宅每月每平方米1.2元。")
    assert (low.applies_when.text, high.applies_when.text) == ("多层住宅", "高层住宅")


def test_the_utmost_is_no_class():
    """储备粮轮换架空期原则上不超过4个月，最长不得超过6个月: six months at the utmost, for all
    grain. 最长 was read as the class the six months were for."""
    _default, utmost = extract("储备粮轮换架空期原则上不超过4个月，最长不得超过6个月。")
    assert (utmost.applies_when, utmost.value) == (None, Decimal(6))


def test_each_item_s_range_after_is_is_for_that_item():
    """政府储备粮储存年限一般为小麦4至5年，稻谷2至3年，玉米2至3年: each grain its own range; the
    items were read only with one number each (小麦5年、稻谷3年), and a range was no class's."""
    found = extract("政府储备粮储存年限一般为小麦4至5年，稻谷2至3年，玉米2至3年。")
    assert [r.applies_when.text for r in found] == ["小麦", "稻谷", "玉米"]
    assert [(r.low, r.high) for r in found][0] == (Decimal(4), Decimal(5))


def test_a_joint_school_is_no_party_acting_jointly():
    """每个乡镇街道联合校配备1名校医: each joint school has a doctor. 联合 was read as how a party
    acts (三方联合…), so 乡镇街道 acted."""
    (found,) = extract("每个乡镇街道联合校配备1名校医。")
    assert found.subject is None


def test_how_binding_is_no_part_of_a_class():
    """处方一般不得超过7日用量；急诊处方一般不得超过3日用量: the class is 急诊处方, not
    '急诊处方一般'."""
    _all, emergency = extract("处方一般不得超过7日用量；急诊处方一般不得超过3日用量。")
    assert emergency.applies_when.text == "急诊处方"


def test_staff_counted_by_role_are_measures_no_classes():
    """诊所执业医师不得少于1名，护士不得少于1名: a doctor and a nurse at least, both. Each role was
    read as a class ('where 护士'), so a clinic with no nurse met the nurse row by not being one."""
    doctors, nurses = extract("诊所执业医师不得少于1名，护士不得少于1名。")
    assert (doctors.applies_when, nurses.applies_when) == (None, None)
    _small, middle = extract("每班幼儿人数：小班不超过25人，中班不超过30人。")
    assert middle.applies_when.text == "中班"  # (a class of pupils, as before)


def test_the_heads_of_the_ones_sanctioned_are_the_case():
    """对连续两年考核不合格的单位主要负责人进行约谈: the heads of units failing two years running
    are summoned. With the heads named between the units and the act, no case was read: every
    unit's head was to be summoned."""
    (found,) = extract("对连续两年考核不合格的单位主要负责人进行约谈。")
    assert found.applies_when.text == "对连续两年考核不合格的单位主要负责人"
