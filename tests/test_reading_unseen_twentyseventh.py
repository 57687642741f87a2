"""A twenty-seventh round of the reading, found by probing it with clauses written for the
purpose (never from the bundled gazettes): scenic spots, taxis, parking, care homes, pharmacies.
Each case is a clear error a probe found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract
from tests.gazettes import read_gazette


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("旅游景区门票实行5折优惠。", Decimal(50)),
        ("门票实行五折优惠。", Decimal(50)),
        ("学生凭学生证享受门票8折优惠。", Decimal(80)),
        ("老年人乘坐公交车实行50%优惠。", Decimal(50)),
        # guard: a cut with a word that says so, as before
        ("价格实行9折。", Decimal(90)),
    ],
)
def test_a_price_cut_granted_is_its_share(text, value):
    (cut,) = extract(text)
    assert (cut.comparator, cut.value, cut.unit) == ("==", value, "%")


@pytest.mark.parametrize(
    ("text", "per", "value"),
    [
        ("养老机构每名护理员照护失能老年人不得超过4人。", "人", Decimal(4)),
        ("每名保育员负责幼儿不超过7名。", "人", Decimal(7)),
        ("每位护理员护理的老人不超过6人。", "人", Decimal(6)),
        ("每家药店至少配备1名执业药师。", "家", Decimal(1)),
        # guards: a period after the head is the amount's, as before
        ("每名学生每天体育活动时间不少于1小时。", "day", Decimal(1)),
        ("每名教师每周课时不超过16课时。", "week", Decimal(16)),
    ],
)
def test_the_heads_each_one_looks_after_are_per_head(text, per, value):
    (row,) = extract(text)
    assert (row.per, row.value) == (per, value)


@pytest.mark.parametrize(
    ("text", "value", "per", "per_count"),
    [
        ("出租汽车起步价为8元/3公里。", Decimal(8), "km", Decimal(3)),
        ("停车费5元/2小时。", Decimal(5), "hour", Decimal(2)),
        ("停车费5元/小时。", Decimal(5), "hour", None),
        # guard: a slash then its unit alone, as before
        ("排放浓度不超过50mg/m³。", Decimal(50), "m³", None),
    ],
)
def test_a_rate_per_so_many_after_its_slash_keeps_how_many(text, value, per, per_count):
    (row,) = extract(text)
    assert (row.value, row.per, row.per_count) == (value, per, per_count)


def test_an_average_price_reported_is_no_fee():
    assert extract("全市平均房价8000元/平方米。") == []


def test_how_often_a_check_of_some_ones_is_done_is_no_case_of_the_duty_after():
    frequency, deadline = extract(
        "区县教育行政部门每学期至少组织1次对培训机构的检查，"
        "检查结果应当在检查结束后15日内向社会公布。"
    )
    assert (frequency.comparator, frequency.value, frequency.per) == (">=", Decimal(1), "half_year")
    assert frequency.applies_when is None and deadline.applies_when is None
    assert (deadline.value, deadline.unit) == (Decimal(15), "day")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("企业专职安全管理人员不得少于2名。", "企业"),
        ("培训机构专职教学人员不得少于教学人员总数的50%。", "培训机构"),
        ("培训机构的专职教师不得少于5名。", "培训机构"),
        ("养老机构夜间值班人员不得少于2人。", "养老机构"),
        # guard: staff with no party named, as before
        ("夜间值班人员不得少于2人。", None),
    ],
)
def test_the_party_whose_staff_are_counted_is_who_must_have_them(text, subject):
    (row,) = extract(text)
    assert row.subject == subject


def test_a_limit_after_the_party_s_staff_counted_is_the_same_party_s():
    _share, size = extract(
        "培训机构专职教学人员不得少于教学人员总数的50%，每个教学班学员人数原则上不超过30人。"
    )
    assert (size.subject, size.modality, size.value) == ("培训机构", "default", Decimal(30))


def test_the_sentences_after_a_list_run_on_with_no_numbering_are_read():
    rows = extract(
        "池水水质应当符合以下标准：游离性余氯0.3～1.0mg/L，浑浊度不超过1NTU。"
        "深水区水深不得低于1.8米，浅水区水深不超过1.4米。"
    )
    assert [(r.comparator, r.value, r.unit) for r in rows[2:]] == [
        (">=", Decimal("1.8"), "m"),
        ("<=", Decimal("1.4"), "m"),
    ]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("池水pH值7.0～7.8，浑浊度不超过1NTU。", Decimal(7), Decimal("7.8")),
        # guard: with 为 before it, as before
        ("出水pH值应为6～9。", Decimal(6), Decimal(9)),
    ],
)
def test_a_range_of_a_measure_with_no_unit_named_before_it_is_a_range(text, low, high):
    ph = extract(text)[0]
    assert (ph.comparator, ph.low, ph.high, ph.unit) == ("range", low, high, None)


def test_a_bound_on_what_the_party_before_must_do_after_a_case_is_that_party_s():
    _licence, lifeguards = extract(
        "游泳场所应当取得许可证。水面面积在250平方米以下的，至少配备2名救生员。"
    )
    assert (lifeguards.subject, lifeguards.value) == ("游泳场所", Decimal(2))
    assert lifeguards.applies_when is not None and lifeguards.applies_when.value == 250


def test_a_plain_notice_with_no_numbering_is_read_to_its_end_and_not_as_its_addressees():
    """A notice with no numbering at all, its lines wrapped as a PDF's: its addressees are whom
    it is sent to, not who acts; every sentence after a list run on is read."""
    documents, read = read_gazette("unseen_plain_pool.txt")
    (document,) = documents
    assert document.number == "某体发〔2023〕7号"
    rows = [r for reqs in read.values() for r in reqs]
    spans = [r.span for r in rows]
    assert not any(r.subject and "各区体育主管部门" in r.subject for r in rows)
    lifeguards = next(r for r in rows if r.span.startswith("至少配备2名"))
    assert lifeguards.subject == "游泳场所"
    deep = next(r for r in rows if r.span == "深水区水深不得低于1.8米")
    assert (deep.comparator, deep.value, deep.unit) == (">=", Decimal("1.8"), "m")
    assert "儿童池水深不得超过0.6米" in spans
    fined = next(r for r in rows if r.span == "由区体育主管部门责令限期改正")
    assert fined.subject == "区体育主管部门"


def test_a_band_then_its_price_each_unit_with_no_comma_is_one_row():
    free, hourly, capped = extract(
        "停车场收费实行首小时免费，超过1小时的每小时收费3元，24小时内最高收费不超过30元。"
    )
    assert (hourly.value, hourly.unit, hourly.per) == (Decimal(3), "元", "hour")
    assert hourly.applies_when is not None
    assert (hourly.applies_when.comparator, hourly.applies_when.value) == (">", Decimal(1))
    assert (capped.comparator, capped.value) == ("<=", Decimal(30))


@pytest.mark.parametrize(
    ("text", "classes"),
    [
        ("噪声昼间不超过60分贝，夜间不超过50分贝。", ["昼间", "夜间"]),
        ("温度冬季不低于18℃，夏季不高于28℃。", ["冬季", "夏季"]),
    ],
)
def test_a_class_right_after_the_measure_s_name_is_the_class_alone(text, classes):
    assert [r.applies_when.text for r in extract(text)] == classes


def test_measures_each_named_whole_with_their_place_are_no_classes():
    rows = extract("深水区水深不得低于1.8米，浅水区水深不超过1.4米；儿童池水深不得超过0.6米。")
    assert [(r.comparator, r.value, r.applies_when) for r in rows] == [
        (">=", Decimal("1.8"), None),
        ("<=", Decimal("1.4"), None),
        ("<=", Decimal("0.6"), None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "企业从业人员超过（含）100人的，应当设置安全生产管理机构。",
        # guards: as before
        "企业职工人数在300人以上的，应当设立医务室。",
        "企业的从业人员不足100人的，应当配备兼职安全生产管理人员。",
    ],
)
def test_the_firm_whose_staff_are_counted_in_the_case_acts(text):
    (row,) = extract(text)
    assert row.subject == "企业" and row.applies_when is not None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("企业应当于每半年第一个月10日前报送上半年安全生产情况。", 10),
        ("各单位应当在每半年的首月15日前报送自查报告。", 15),
    ],
)
def test_a_day_of_each_half_year_s_first_month_is_a_deadline_rule(text, day):
    (row,) = extract(text)
    assert (row.kind, row.due) == ("deadline", {"rule": "half_year_first_month_day", "day": day})


def test_what_the_topic_s_each_names_is_what_the_counts_after_its_colon_are_per():
    rows = extract("幼儿园每班幼儿人数：小班25人，中班30人，大班35人。")
    assert [(r.kind, r.value, r.per) for r in rows] == [
        ("count", Decimal(25), "班"),
        ("count", Decimal(30), "班"),
        ("count", Decimal(35), "班"),
    ]


def test_a_class_after_jiang_is_the_class_alone():
    urban, rural = extract(
        "将城市居民最低生活保障标准由每人每月780元提高到每人每月820元，"
        "农村居民最低生活保障标准由每人每年6500元提高到每人每年6900元。"
    )
    assert [urban.applies_when.text, rural.applies_when.text] == ["城市", "农村"]
    assert (urban.value, urban.per, rural.value, rural.per) == (
        Decimal(820),
        "month",
        Decimal(6900),
        "year",
    )


@pytest.mark.parametrize("text", ["每日抽检样品不少于30批次。", "每日抽检样品不少于30个批次。"])
def test_batches_sampled_are_counted_in_batches(text):
    (row,) = extract(text)
    assert (row.value, row.unit, row.per) == (Decimal(30), "批次", "day")


def test_funds_a_party_is_to_set_aside_before_their_name_are_its_amount():
    (funds,) = extract("县财政每年安排500万元专项资金，用于支持企业技术改造。")
    assert (funds.value, funds.per, funds.subject) == (Decimal(5000000), "year", "县财政")
    assert extract("县财政已安排500万元专项资金。") == []  # (a report: done already)


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("购置农机具的，按照购机价格的30%给予补贴，单台补贴额不超过5万元。", "台"),
        ("种粮大户每亩另行奖励20元，单户最高不超过2万元。", "户"),
        ("单个项目补助不超过100万元。", "项目"),
    ],
)
def test_an_amount_capped_for_each_single_one_is_per_that_one(text, per):
    cap = extract(text)[-1]
    assert (cap.comparator, cap.unit, cap.per) == ("<=", "元", per)


def test_a_single_unit_is_no_denominator():
    (row,) = extract("单位应当配备2名安全员。")
    assert (row.per, row.subject) == (None, "单位")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("1）施工现场必须设置连续、封闭的围挡。", "施工现场必须设置连续、封闭的围挡"),
        ("2)围挡底部应设置高度不低于30厘米的防溢座。", "围挡底部应设置高度不低于30厘米的防溢座"),
    ],
)
def test_a_number_with_its_bracket_closed_is_the_item_s_numbering(text, span):
    (row,) = extract(text)
    assert row.span == span and not (row.subject or "").startswith(("1", "2"))


def test_what_an_authority_will_do_is_its_duty_and_the_case_after_it_apart():
    check, closed = extract("区住建局将不定期开展督查，对检查不合格的工地，一律停工整改。")
    assert (check.span, check.subject) == ("区住建局将不定期开展督查", "区住建局")
    assert closed.span == "一律停工整改" and closed.applies_when.text == "对检查不合格的工地"


def test_the_names_of_ratios_side_by_side_are_measures_not_classes():
    beds, doctors = extract("二级综合医院床护比不低于1:0.6，医护比不低于1:1.25。")
    assert (beds.applies_when, doctors.applies_when) == (None, None)
    assert (beds.value, doctors.value) == (Decimal(60), Decimal(125))


@pytest.mark.parametrize(
    "text",
    [
        "任永江 区政府办公室副主任、区行政服务中心主任",
        "宗可悦 区人社局党委委员、区军转干部管理办公室主任",
        "路应范 区城管执法局副局长、区城镇执法大队大队长",
        "副总指挥：任永江 区政府办公室副主任",
        "李玲 区政府副区长（挂职）",
    ],
)
def test_a_member_listed_with_posts_is_no_duty_whatever_the_name_holds(text):
    assert extract(text) == []


def test_a_long_name_listed_after_another_party_is_part_of_who_acts():
    (row,) = extract(
        "市城管局、各区（开发区）环境卫生综合整治工作领导小组办公室将检查结果报市政府。"
    )
    assert row.subject == "市城管局、各区（开发区）环境卫生综合整治工作领导小组办公室"


def test_classes_bounded_by_a_sign_are_classes_as_in_words():
    day, night = extract("厂界噪声昼间≤60dB(A)，夜间≤50dB(A)。")
    assert [day.applies_when.text, night.applies_when.text] == ["昼间", "夜间"]
    assert (day.value, night.value, night.unit) == (Decimal(60), Decimal(50), "dB")
    # (pollutants each bounded by a sign: measures of their own, no classes)
    assert all(r.applies_when is None for r in extract("颗粒物≤5mg/m³，二氧化硫≤10mg/m³。"))


@pytest.mark.parametrize(
    "text",
    [
        "如需变更经营场所，应当提前15日向原审批机关申请。",
        "若需调整服务场所，应当报主管部门备案。",
    ],
)
def test_a_case_ending_with_a_place_names_no_one_acting(text):
    (row,) = extract(text)
    assert row.subject is None and row.applies_when is not None


def test_where_a_duty_is_done_names_no_one_acting():
    (row,) = extract("在人员密集场所，应当设置明显的安全出口标志。")
    assert row.subject is None
    # guard: the place as the sentence's subject, as before
    (own,) = extract("人员密集场所应当设置明显的安全出口标志。")
    assert own.subject == "人员密集场所"


def test_the_party_that_stores_a_thing_is_who_keeps_its_limit():
    (row,) = extract("零售点存放烟花爆竹不得超过200箱。")
    assert (row.subject, row.comparator, row.value, row.unit) == ("零售点", "<=", 200, "箱")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("幼儿园招收幼儿不得超过核定规模。", "幼儿园"),
        ("景区接待游客不得超过最大承载量。", "景区"),
        ("医院收治病人不得超过核定床位的105%。", "医院"),
        ("停车场停放车辆不得超过泊位数。", "停车场"),
    ],
)
def test_the_party_that_takes_in_or_keeps_ones_is_who_keeps_their_limit(text, subject):
    (row,) = extract(text)
    assert row.subject == subject


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "超过2小时的，应当在高于60℃或者低于8℃的条件下存放。",
            "应当在高于60℃或者低于8℃",
        ),
        (
            "企业安全管理人员不少于3人或者不少于从业人员总数的1%。",
            "企业安全管理人员不少于3人或者不少于从业人员总数的1%",
        ),
    ],
)
def test_two_bounds_either_of_which_will_do_are_one_thing_to_check(text, span):
    """Two requirements would fail whoever meets the other bound: one check, met by either."""
    (row,) = extract(text)
    assert (row.span, row.kind, row.comparator, row.value) == (span, "presence", None, None)


def test_bounds_joined_by_and_stay_two():
    low, high = extract("冷藏温度不低于0℃且不高于8℃。")
    assert (low.comparator, high.comparator) == (">=", "<=")


def test_a_multiple_of_a_base_is_a_ratio_not_a_count():
    fine = extract("处违法所得1倍以上3倍以下罚款。")[0]
    assert (fine.kind, fine.comparator, fine.low, fine.high, fine.unit) == (
        "ratio",
        "range",
        Decimal(1),
        Decimal(3),
        "倍",
    )
