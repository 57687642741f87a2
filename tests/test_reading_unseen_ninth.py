"""A ninth round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): elderly care, childcare, guesthouses, property management,
parking, funeral homes, internet cafés, slaughterhouses, reservoirs, medical waste, fuel
stations, cold stores, heating. Each case is a clear error a probe found, read as GUIDE.md
(tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("公共场所禁止吸烟标识设置率达到100%。", ">=", Decimal(100)),
        ("禁止吸烟标志设置率不低于95%。", ">=", Decimal(95)),
        ("禁止通行标志设置数量不少于2块。", ">=", Decimal(2)),
        ("严禁烟火警示牌数量不少于3块。", ">=", Decimal(3)),
        # a ban that a sign is the object of stays a ban
        ("严禁设置广告标牌超过3块。", "<=", Decimal(3)),
        ("禁止存放超过5公斤的易燃物品。", "<=", Decimal(5)),
    ],
)
def test_a_sign_that_says_a_ban_does_not_turn_its_number_round(text, comparator, value):
    """禁止吸烟标识设置率达到100%: the sign's words ban smoking, not reaching 100 %. Read as a
    ban, the rate became < 100 %, so a place with every sign up failed."""
    (r,) = extract(text)
    assert (r.comparator, r.value) == (comparator, value)


def test_the_ones_a_size_picks_out_mid_sentence_are_the_condition_of_the_rate_after():
    """…，日供水规模1000立方米以上的供水工程，每日检测不少于1次: after a duty of its own, the
    size was a requirement (≥ 1000 m³) and the rate held for every works."""
    first, second = extract(
        "供水单位应当建立水质检测制度，日供水规模1000立方米以上的供水工程，每日检测不少于1次。"
    )
    assert first.span == "供水单位应当建立水质检测制度"
    assert (second.comparator, second.value, second.per) == (">=", Decimal(1), "day")
    when = second.applies_when
    assert (when.comparator, when.value, when.unit) == (">=", Decimal(1000), "m³")


def test_a_target_then_a_rate_is_two_requirements_not_a_case():
    """全市建成500个以上的示范村，每村至少配备1名管理员: the 500 is a target to reach, not which
    villages the rate is for."""
    target, rate = extract("全市建成500个以上的示范村，每村至少配备1名管理员。")
    assert (target.comparator, target.value, target.applies_when) == (">=", Decimal(500), None)
    assert (rate.value, rate.per, rate.applies_when) == (Decimal(1), "村", None)


@pytest.mark.parametrize(
    ("text", "band"),
    [
        # 超过 and 不满 leave both ends out; the year is 12 months
        (
            "用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，"
            "应当向劳动者每月支付二倍的工资。",
            (Decimal(1), Decimal(12), "month", False, False),
        ),
        ("逾期3天以上2周以下的，扣1分。", (Decimal(3), Decimal(14), "day", True, True)),
        ("工作满1年不满10年的，年休假5天。", (Decimal(1), Decimal(10), "year", True, False)),
    ],
)
def test_a_band_in_two_units_of_time_is_read_in_the_smaller(text, band):
    """超过一个月不满一年的: only the lower bound was kept (> 1 month), so a firm two years
    late was still in the case; 3天以上2周以下 became 3 to 2 days."""
    when = extract(text)[0].applies_when
    assert (when.comparator, when.low, when.high, when.unit) == ("range", *band[:3])
    assert (when.low_inclusive, when.high_inclusive) == band[3:]


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("最低工资标准为2100元。", None),
        ("月最低工资标准为2100元。", "month"),
        ("月最低工资标准为每月2100元。", "month"),
    ],
)
def test_the_minimum_wage_s_amount_is_a_floor_of_its_period(text, per):
    """最低工资标准为2100元: read as == 2100, a firm paying more failed; 月最低工资标准 lost its
    month."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.per) == (">=", Decimal(2100), per)


def test_a_share_of_the_minimum_wage_names_it_and_compares_nothing_more():
    """病假工资不得低于最低工资标准的80%: the floor is the 80 %, 最低 only names the wage."""
    (r,) = extract("病假工资不得低于最低工资标准的80%。")
    assert (r.comparator, r.value, r.unit) == (">=", Decimal(80), "%")


def test_a_floor_named_first_before_a_colon_binds_each_class_of_place():
    """最低工资标准：一类地区…: with nothing before 最低 (no numbering, no 月) it read == each."""
    found = extract("最低工资标准：一类地区2100元，二类地区1900元。")
    assert [(r.comparator, r.value) for r in found] == [
        (">=", Decimal(2100)),
        (">=", Decimal(1900)),
    ]


@pytest.mark.parametrize(
    ("text", "done"),
    [
        ("申请人应当自收到通知之日起10日内，到窗口领取证照。", "到窗口领取证照"),
        ("养犬人应当在犬只满3月龄后30日内，到动物诊疗机构为犬只注射狂犬病疫苗。", "注射狂犬病疫苗"),
        ("企业应当在取得许可后15日内，前往属地监管所报到。", "前往属地监管所报到"),
    ],
)
def test_where_to_go_after_a_deadline_is_what_is_due_then(text, done):
    """…10日内，到窗口领取证照: the item was "…10日内" alone, what is to be done was lost."""
    (r,) = extract(text)
    assert r.kind == "deadline" and r.span.endswith(done)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("新能源汽车占新增车辆的比例不低于三成。", Decimal(30)),
        ("新能源汽车占新增车辆的比例不低于3成。", Decimal(30)),
        ("本地农产品采购比例不低于2.5成。", Decimal(25)),
    ],
)
def test_tenths_are_a_share(text, value):
    """不低于三成: the number was lost, and the row asked only that the share be there."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == (">=", value, "%")


@pytest.mark.parametrize("text", ["政策一成不变。", "建成3个示范村。", "各成员单位要加强配合。"])
def test_words_that_begin_with_cheng_are_no_share(text):
    assert all(r.unit != "%" for r in extract(text))


def test_an_item_of_a_list_after_he_names_its_own_period():
    """分别为每周2次和每月1次: the second was read per week, the first item's period."""
    first, second = extract("重点区域和一般区域巡查频次分别为每周2次和每月1次。")
    assert (first.per, second.per) == ("week", "month")


def test_grades_listed_open_no_numbered_item():
    """一、二、三级医院…: 一、 was taken for the item's number, so the span lost it."""
    first = extract("一、二、三级医院的床位使用率分别不低于85%、80%、75%。")[0]
    assert first.span.startswith("一、二、三级医院")
    (r,) = extract("一、建立台账。")
    assert r.span == "建立台账"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("相关部门和单位要加强配合，建立联络机制。", "authority"),
        ("区政府有关部门和单位要抓紧制定具体工作方案。", "authority"),
        ("各企业和单位要建立安全台账。", "regulated"),
    ],
)
def test_units_listed_after_departments_are_theirs(text, kind):
    """相关部门和单位: the bare 单位 after 部门 made the whole list an inspected party."""
    assert extract(text)[0].subject_kind == kind


def test_what_a_party_is_is_no_case_of_its_duty():
    """各医疗机构是…的第一责任人，应当…: read as a case (各医疗机构是医疗废物管理) and a party
    named 第一责任人."""
    (r,) = extract("各医疗机构是医疗废物管理的第一责任人，应当建立医疗废物管理台账。")
    assert (r.subject, r.applies_when) == ("各医疗机构", None)


@pytest.mark.parametrize(
    "text",
    [
        "企业吸纳登记失业半年以上人员就业的，每吸纳1人给予1000元补助。",
        "每安置1名残疾人就业补贴3000元。",
    ],
)
def test_each_one_taken_on_is_what_an_amount_is_per(text):
    """每吸纳1人给予1000元: 每吸纳1人 was a requirement of its own (== 1 人), the amount per
    none."""
    (r,) = extract(text)
    assert (r.unit, r.per) == ("元", "人")


def test_a_floor_binds_the_next_item_of_its_list_with_words_of_its_own():
    """最低养育标准为集中供养每人每月1500元、分散供养每人每月1000元: the second was == 1000."""
    found = extract("孤儿基本生活费最低养育标准为集中供养每人每月1500元、分散供养每人每月1000元。")
    assert [(r.comparator, r.value) for r in found] == [
        (">=", Decimal(1500)),
        (">=", Decimal(1000)),
    ]


def test_each_one_taken_on_names_no_party():
    """每招用1名高校毕业生，给予2000元奖励: the subject was 每招用1名高校毕业生."""
    (r,) = extract("每招用1名高校毕业生，给予2000元奖励。")
    assert r.subject is None and r.value == Decimal(2000)
    (r,) = extract("每个企业应当配备1名安全员。")
    assert r.subject == "企业"


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("发生较大以上生产安全事故的企业，一年内不得参加评先评优。", "企业"),
        ("列入黑名单的供应商，3年内不得参加政府采购活动。", "供应商"),
    ],
)
def test_a_window_between_the_ones_picked_out_and_their_ban_names_no_one(text, who):
    """…的企业，一年内不得…: the window hid the party, the ban had no subject."""
    (r,) = extract(text)
    assert (r.subject, r.subject_kind) == (who, "regulated")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("整改期限不超过一个半月。", Decimal(45), "day"),
        ("一个半小时内到达现场。", Decimal(90), "minute"),
        ("保存期限不少于两年零六个月。", Decimal(30), "month"),
        ("保存期限不少于2年6个月。", Decimal(30), "month"),
        ("连续驾驶不超过1小时30分钟。", Decimal(90), "minute"),
    ],
)
def test_a_whole_and_a_part_of_a_smaller_unit_are_one_time(text, value, unit):
    """一个半月 was 1 个 (a count); 两年零六个月 two rows (>= 2 years and >= 6 months)."""
    (r,) = extract(text)
    assert (r.value, r.unit) == (value, unit)


def test_more_than_half_a_year_is_six_months():
    """超过半年的: 过半 (more than half) hid the number, the case had none."""
    (r,) = extract("连续停产停业超过半年的，应当重新验收。")
    assert (r.applies_when.comparator, r.applies_when.value, r.applies_when.unit) == (
        ">",
        Decimal(6),
        "month",
    )


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("补助标准以每人每年500元为上限。", "<="),
        ("单个项目补助以50万元为限。", "<="),
        ("单笔贷款以10万元为最高限额。", "<="),
        ("补偿标准以3000元为下限。", ">="),
    ],
)
def test_an_amount_taken_as_the_limit_is_a_cap_or_a_floor(text, comparator):
    """以每人每年500元为上限: read == 500, so a grant of 400 failed its own cap."""
    (r,) = extract(text)
    assert r.comparator == comparator


@pytest.mark.parametrize(
    "text",
    ["每个考核年度内扣分累计达到12分的，暂停其资格。", "考核不合格的，暂停其定点资格。"],
)
def test_a_suspension_after_a_case_is_a_sanction_row(text):
    """…的，暂停其资格: no row at all (取消其资格 made one); GUIDE 1.3, a sanction of the
    authority under the breach that is its condition."""
    (r,) = extract(text)
    assert r.span.startswith("暂停") and r.applies_when is not None


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("请各单位高度重视，认真组织实施，并于每季度末将进展情况报县政府办公室。", "各单位"),
        ("望各地结合实际，抓好贯彻落实。", "各地"),
    ],
)
def test_the_party_a_request_opens_with_acts(text, who):
    """请各单位高度重视，…: the duties after the attitude had no subject; 望各地 was a name."""
    assert {r.subject for r in extract(text)} == {who}


def test_a_place_whose_name_opens_with_wang_keeps_it():
    """望 leads into the party only before 各/全/你/贵/广大: 望江县 is a county."""
    (r,) = extract("望江县应急管理局应当每月开展一次检查。")
    assert r.subject == "望江县应急管理局"


def test_an_insurance_named_after_whom_it_covers_names_no_one_acting():
    """企业职工基本养老保险单位缴费比例为16%: the subject was 企业职工, the insured, not the
    payer."""
    (r,) = extract("企业职工基本养老保险单位缴费比例为16%。")
    assert r.subject is None and r.value == Decimal(16)
    (r,) = extract("企业职工应当参加基本养老保险。")
    assert r.subject == "企业职工"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("采购人应当在开标前3日发布公告。", Decimal(3), "day"),
        ("申请人应当于考试前2个工作日确认报名信息。", Decimal(2), "working_day"),
    ],
)
def test_a_time_before_any_event_after_zai_is_at_least_that_long(text, value, unit):
    """在开标前3日发布: == 3 days, so a notice 5 days ahead failed; only listed events (举办,
    召开…) were read as at least so long before."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == (">=", value, unit)
