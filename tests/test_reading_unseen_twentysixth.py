"""A twenty-sixth round of the reading, found by probing it with clauses written for the
purpose (never from the bundled gazettes): fire codes, boilers, building-site monitoring, flood
patrols, buses, schools and care homes. Each case is a clear error a probe found, read as
GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract
from tests.gazettes import read_gazette


@pytest.mark.parametrize(
    ("text", "case", "comparator"),
    [
        ("单台容量小于或者等于10蒸吨的燃煤锅炉应当予以淘汰。", "10蒸吨的燃煤锅炉", "<="),
        ("单台容量小于等于10蒸吨的燃煤锅炉应当淘汰。", "10蒸吨的燃煤锅炉", "<="),
        ("容量在10蒸吨以下的燃煤锅炉须拆除。", "10蒸吨以下的燃煤锅炉", "<="),
        # guard: no modal word, as before
        ("单台容量小于或者等于10蒸吨的燃煤锅炉一律淘汰。", "10蒸吨的燃煤锅炉", "<="),
    ],
)
def test_the_things_done_away_with_end_before_the_modal_word(text, case, comparator):
    """…的燃煤锅炉应当予以淘汰: the boilers that small are to go. The things were read up to
    the verb, so the case's words took the modal word in (10蒸吨的燃煤锅炉应当予以) and an author
    saw them as the condition."""
    (found,) = extract(text)
    assert found.applies_when.text == case
    assert found.applies_when.comparator == comparator
    assert found.applies_when.value == Decimal("10")
    assert found.modality is not None


@pytest.mark.parametrize(
    ("text", "case", "per"),
    [
        ("变形较大时每天观测1次。", "变形较大时", "day"),
        ("发生险情时每小时报告1次。", "发生险情时", "hour"),
        ("客流高峰时每5分钟发车1班。", "客流高峰时", None),
    ],
)
def test_an_event_right_before_how_often_is_when_it_holds(text, case, per):
    """变形较大时每天观测1次: daily only while the ground moves much. A time or an event (…时)
    with no comma before how often was read only as a stretch of time (…期间); the event was
    lost and the daily round read as always due."""
    (found,) = extract(text)
    assert found.applies_when is not None
    assert found.applies_when.text == case
    assert found.kind == "frequency"
    assert found.per == per


@pytest.mark.parametrize(
    "text",
    [
        # guards: 同时, 及时 are no event; a lesson's hour (课时) neither
        "企业应当建立台账，同时每月报送1次。",
        "企业应当及时每月报送1次。",
        "上课时每节课不超过45分钟。",
    ],
)
def test_words_ending_in_shi_that_are_no_event_make_no_case(text):
    assert all(r.applies_when is None for r in extract(text))


@pytest.mark.parametrize(
    ("text", "case", "comparator", "value"),
    [
        ("对6周岁以下儿童免费乘坐公交车。", "对6周岁以下", "<=", "6"),
        ("70周岁以上老年人免费乘坐市内公交车。", "70周岁以上", ">=", "70"),
        ("城市公园对60周岁以上老年人免费开放。", "60周岁以上", ">=", "60"),
    ],
)
def test_a_free_ride_granted_to_an_age_is_a_duty_under_that_case(text, case, comparator, value):
    """对6周岁以下儿童免费乘坐公交车: the buses carry small children free. A free ride or visit
    named no verb of a duty (免费 only as 免收), so nothing was drafted from it."""
    (found,) = extract(text)
    assert found.kind == "presence"
    assert found.applies_when.comparator == comparator
    assert found.applies_when.value == Decimal(value)
    if case is not None:
        assert found.applies_when.text == case


@pytest.mark.parametrize(
    ("text", "case"),
    [
        ("景区门票对65周岁以上老年人实行免费。", "65周岁以上"),
        ("公园对60周岁以上老年人免收门票。", "60周岁以上"),
    ],
)
def test_the_ones_after_a_name_and_dui_start_after_it(text, case):
    """景区门票对65周岁以上老年人实行免费: the case is the age, not the ticket's name before
    对 (it read 景区门票对65周岁以上); as 应当为80周岁以上… already was."""
    (found,) = extract(text)
    assert found.applies_when.text == case
    assert found.applies_when.value is not None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("门票按5折收取。", "50"),
        ("团体票按8.5折收取。", "85"),
    ],
)
def test_a_price_cut_to_tenths_is_a_share_in_percent(text, value):
    """按8.5折收取: 85 % of the full price. 折 was no unit, so nothing was drafted."""
    (found,) = extract(text)
    assert (found.kind, found.unit, found.value) == ("ratio", "%", Decimal(value))


def test_zhe_in_other_words_is_no_share():
    assert all(r.unit != "%" for r in extract("商品价值折合人民币5万元。"))


@pytest.mark.parametrize(
    ("text", "value", "due"),
    [
        ("2026年，全市完成老旧小区改造100个。", "100", "2026-12-31"),
        ("2026年全市完成老旧小区改造100个。", "100", "2026-12-31"),
        ("2027年，各乡镇完成农村改厕500户。", "500", "2027-12-31"),
    ],
)
def test_a_year_opening_an_area_s_task_is_when_it_is_due(text, value, due):
    """2026年，全市完成老旧小区改造100个: a plan's task for that year, due by its end, as
    2026年完成… and 到2026年，… already were; the comma and the area's name between lost it."""
    (found,) = extract(text)
    assert found.value == Decimal(value)
    assert found.due == {"rule": "date", "date": due}


def test_a_year_s_report_stays_no_requirement():
    assert extract("2016年，全县共完成造林1万亩。") == []


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("垃圾清运车辆每日清运不少于2车次。", "车次", "2"),
        ("农村客运班线每日不少于4班次。", "班次", "4"),
    ],
)
def test_trips_counted_are_a_unit(text, unit, value):
    """每日清运不少于2车次: two loads a day at least. 车次 and 班次 were no unit, so the bound
    was lost and only 'daily' was drafted."""
    (found,) = extract(text)
    assert (found.comparator, found.unit, found.value) == (">=", unit, Decimal(value))
    assert (found.kind, found.per) == ("frequency", "day")


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("臭气浓度不得超过20（无量纲）。", "<=", "20"),
        ("厂界臭气浓度限值为20(无量纲)。", "<=", "20"),
    ],
)
def test_a_number_marked_dimensionless_is_a_bound(text, comparator, value):
    """臭气浓度不得超过20（无量纲）: an odour's limit, a pure number a standard marks as having no
    unit. A number with no unit was read only after a coefficient's name (容积率, pH值), so the
    limit was lost and 'is it so' drafted instead."""
    (found,) = extract(text)
    assert (found.kind, found.comparator, found.value) == ("measure", comparator, Decimal(value))
    assert found.unit in ("", None)


def test_a_party_s_discharge_measure_names_it_as_who_must_keep_it():
    (found,) = extract("处置单位出水化学需氧量不得高于500毫克/升。")
    assert (found.subject, found.subject_kind) == ("处置单位", "regulated")
    assert (found.comparator, found.value, found.unit, found.per) == ("<=", 500, "mg", "L")


def test_a_plain_gazette_of_a_city_s_measures_and_a_notice_reads_whole():
    """tests/data/unseen_plain_kitchen_waste.txt, written for this test: an issue's contents, a
    measures document in chapters and articles, a notice after it, page numbers inside a
    sentence. Each document keeps its own articles, a sentence broken by a page number reads
    whole, and what is asked reads as the sentences say."""
    documents, read = read_gazette("unseen_plain_kitchen_waste.txt")
    assert [d.number for d in documents] == ["某政发〔2026〕12号", "某政办发〔2026〕7号"]
    measures, notice = documents
    keys = [c.key for c in measures.clauses]
    assert keys.count("某政发〔2026〕12号/第二章/第六条/（三）") == 1
    assert keys[-1] == "某政发〔2026〕12号/第四章/第十条"
    texts = {c.key.rsplit("/", 1)[-1]: c.text for c in notice.clauses}
    assert texts["二"].endswith("日平均温度低于16℃的，应当按照规定退还热费。")
    assert "— 7 —" not in texts["二"]
    (_box, size, _kept) = read["某政发〔2026〕12号/第二章/第四条"]
    assert (size.comparator, size.value, size.unit) == (">=", 120, "L")
    (_odd, odour) = read["某政发〔2026〕12号/第三章/第八条"]
    assert (odour.comparator, odour.value) == ("<=", 20)
    (warm, refund) = read["某政办发〔2026〕7号/二"]
    assert (warm.comparator, warm.value, warm.unit, warm.subject) == (">=", 18, "℃", "供热单位")
    assert refund.applies_when is not None
    assert (refund.applies_when.comparator, refund.applies_when.value) == ("<", 16)


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("保证金下限为合同金额的2%。", ">=", "2"),
        ("缴存基数下限为上年度平均工资的60%。", ">=", "60"),
        ("缴存基数上限为上年度平均工资的300%。", "<=", "300"),
    ],
)
def test_a_floor_named_before_a_share_is_its_lower_bound(text, comparator, value):
    """缴存基数下限为上年度平均工资的60%: the base is at least 60 % of the average wage. 下限为 was
    no word of the comparator table (上限为 was), so the floor read as '== 60 %' or not at all."""
    (found,) = extract(text)
    assert (found.comparator, found.value, found.unit) == (comparator, Decimal(value), "%")


@pytest.mark.parametrize(
    ("text", "case", "comparator"),
    [
        ("超30日未申报的，按日加收滞纳金。", "超30日未申报的", ">"),
        ("逾期未缴纳的，按日加收滞纳金。", "逾期未缴纳的", None),
    ],
)
def test_a_charge_added_by_the_day_is_a_sanction_under_its_breach(text, case, comparator):
    """逾期未缴纳的，按日加收滞纳金: the late fee the ones in breach pay. 加收 was no verb of a
    duty, so nothing was drafted; and 超30日 (more than 30 days) compared nothing."""
    (found,) = extract(text)
    assert found.kind == "presence"  # (a charge running by the day, not a thing done daily)
    assert found.applies_when.text == case
    assert found.applies_when.comparator == comparator


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("政府采购项目的资金支付，应当在验收合格后10日内完成。", "应当在验收合格后10日内完成"),
        ("专项资金的拨付，应当按照国库集中支付制度执行。", None),
    ],
)
def test_an_act_named_as_a_noun_is_the_topic_not_a_duty(text, span):
    """政府采购项目的资金支付，应当在…10日内完成: the payment is what the time limit is about.
    An act after 的 with no object (资金支付, 的拨付) read as a duty of its own: an item 'is the
    payment made' was drafted beside the time limit."""
    found = extract(text)
    assert len(found) == 1
    assert found[0].modality == "mandatory"
    if span is not None:
        assert found[0].span == span


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (
            "申请人应当具备下列条件：具有本市户籍；无违法记录。",
            ["具有本市户籍", "无违法记录"],
        ),
        (
            "申请人应当具备下列条件：具有本市户籍，家庭人均住房建筑面积低于15平方米。",
            ["具有本市户籍", "家庭人均住房建筑面积低于15平方米"],
        ),
    ],
)
def test_conditions_listed_with_no_numbers_are_each_a_requirement(text, spans):
    """应当具备下列条件：具有本市户籍；无违法记录。: the conditions run on after the colon with no
    （一）. Only numbered items were read as the lead binds them, so 具有本市户籍 and 无违法记录
    (no verb of a duty) were lost."""
    found = extract(text)
    assert [r.span for r in found] == spans
    assert all((r.modality, r.subject) == ("mandatory", "申请人") for r in found)


def test_bans_listed_with_no_numbers_are_each_a_ban():
    found = extract("在饮用水水源保护区内，禁止下列行为：设置排污口；从事网箱养殖。")
    assert [r.span for r in found[1:]] == ["设置排污口", "从事网箱养殖"]
    assert all(r.kind == "prohibition" and r.applies_when is not None for r in found)


def test_a_task_with_no_number_after_a_year_s_targets_is_due_then_too():
    """到2027年，…优良比例达到80%以上，劣V类水体全面消除: both due by the end of 2027. Only the
    targets with a number after a date alone were made due; the task after them had none."""
    share, cleared = extract(
        "到2027年，全市地表水国控断面水质优良比例达到80%以上，劣V类水体全面消除。"
    )
    assert share.due == cleared.due == {"rule": "date", "date": "2027-12-31"}
    assert cleared.span == "劣V类水体全面消除"


def test_a_task_after_the_next_semicolon_keeps_no_earlier_date():
    found = extract("到2027年，污水收集率达到70%以上；建立长效管护机制。")
    assert found[0].due == {"rule": "date", "date": "2027-12-31"}
    assert all(r.due is None for r in found[1:])


def test_a_label_and_what_it_says_is_no_title():
    """2、禁放时间：全年禁止燃放。春节期间…可以燃放。: the ban is the item's first sentence after
    its label. A short first sentence of a numbered item with more after it read as the item's
    title (2、报批采购方案。), so the ban was lost and only the leave drafted."""
    ban, leave = extract("2、禁放时间：全年禁止燃放。春节期间在指定地点可以燃放。")
    assert (ban.kind, ban.span) == ("prohibition", "全年禁止燃放")
    assert leave.modality == "permission"


def test_a_title_with_no_label_stays_a_title():
    found = extract("2、报批采购方案。采购人应当在采购活动开始前报批采购方案。")
    assert [r.span for r in found] == ["采购人应当在采购活动开始前报批采购方案"]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("县住建局督促建设单位于2027年6月30日前建成投运。", "县住建局"),
        ("请你局督促建设单位于2027年6月30日前建成投运。", "你局"),
        ("县农业技术指导站负责培训。", "县农业技术指导站"),  # guard: 指导站 is its name
    ],
)
def test_the_body_that_steers_acts_not_the_one_it_steers(text, who):
    """县住建局督促建设单位于…建成投运: the bureau sees to it. The name ran on through the verb
    to the party steered (县住建局督促建设单位, an inspected party)."""
    (found,) = extract(text)
    assert (found.subject, found.subject_kind) == (who, "authority")


def test_a_plain_gazette_of_a_reply_a_ban_and_appointments_reads_as_each_says():
    """tests/data/unseen_plain_reply_ban_appointment.txt, written for this test: a reply (批复)
    with a plant's limits, a ban's notice (通告) numbered 1、 with (1) items under one, and a
    notice of appointments. The reply's limits and the ban read; appointments ask nothing."""
    documents, read = read_gazette("unseen_plain_reply_ban_appointment.txt")
    numbers = [d.number for d in documents]
    assert numbers == ["某政函〔2026〕21号", "某政告〔2026〕3号", "某政任〔2026〕9号"]
    cod, ammonia = read["某政函〔2026〕21号/二"]
    assert (cod.comparator, cod.value, cod.unit, cod.per) == ("<=", 50, "mg", "L")
    assert (ammonia.comparator, ammonia.value) == ("<=", 5)
    (built,) = read["某政函〔2026〕21号/三"]
    assert built.due == {"rule": "date", "date": "2027-06-30"}
    assert built.subject == "你局"
    ban = read["某政告〔2026〕3号/2"][0]
    assert (ban.kind, ban.span) == ("prohibition", "全年禁止燃放")
    (fine,) = read["某政告〔2026〕3号/3/（1）"]
    assert (fine.comparator, fine.low, fine.high) == ("range", 1000, 5000)
    appointments = [key for key in read if key.startswith("某政任〔2026〕9号")]
    assert appointments and all(read[key] == [] for key in appointments)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("幼儿园保教人员与幼儿比例为1∶7。", "14.2857"),
        ("师生比为1:19。", "5.2632"),
        # the served, then the staff: the staff's share, as with a floor (不低于1∶0.6)
        ("床护比为1∶0.6。", "60"),
    ],
)
def test_a_ratio_stated_with_wei_is_a_requirement(text, value):
    """保教人员与幼儿比例为1∶7: one member of staff to seven children. A rate's name before 为
    kept only a share written with %, so a ratio stated with 为 was dropped as a bare number."""
    (found,) = extract(text)
    assert (found.kind, found.unit, found.value) == ("ratio", "%", Decimal(value))
    assert found.comparator == "=="


def test_a_grant_with_shixing_and_its_standard_are_one_row_for_the_ones_named():
    """对种粮大户实行补贴，补贴标准为每亩100元: one grant, its amount per mu, for large grain
    growers (GUIDE: grant and amount one row). With 实行 (not 给予) the grant stood as a row of
    its own, and the amount lost whom it is for."""
    (found,) = extract("对种粮大户实行补贴，补贴标准为每亩100元。")
    assert (found.value, found.unit, found.per) == (100, "元", "亩")
    assert found.applies_when.text == "对种粮大户"


def test_a_plain_order_hard_wrapped_mid_word_reads_whole():
    """tests/data/unseen_plain_wrapped_order.txt, written for this test: a government order's
    measures, lines wrapped at a fixed width in the middle of words (建/设, 制/定) and once before
    a comma. Each article reads as one sentence run, its terms and limits as written."""
    (order,), clauses = read_gazette("unseen_plain_wrapped_order.txt")
    assert (order.number, order.title) == ("某市人民政府令第88号", "某市城市供水管理办法")
    assert (str(order.signed_on), str(order.in_force_from)) == ("2026-06-01", "2026-07-01")
    texts = {c.key.rsplit("/", 1)[-1]: c.text for c in order.clauses}
    assert "建设、经营" in texts["第二条"] and "制定本办法" in texts["第一条"]
    assert "责令改正，可以处" in texts["第六条"]
    read = {key.rsplit("/", 1)[-1]: reqs for key, reqs in clauses.items()}
    _system, daily, monthly = read["第三条"]
    assert (daily.per, daily.comparator, daily.value) == ("day", ">=", 1)
    assert (monthly.per, monthly.comparator, monthly.value) == ("month", ">=", 1)
    notice = read["第四条"][1]
    assert (notice.comparator, notice.value, notice.unit) == (">=", 24, "hour")
    (fine_order, fine) = read["第六条"]
    assert (fine.low, fine.high, fine.subject) == (2000, 10000, "供水主管部门")


@pytest.mark.parametrize(
    ("text", "comparator", "value", "unit"),
    [
        ("景区日最大承载量为2万人次。", "<=", "20000", "人次"),
        ("单次最大采购量为500吨。", "<=", "500", "t"),
        ("管道最小净距为1米。", ">=", "1", "m"),
    ],
)
def test_the_most_or_least_of_a_measure_stated_with_wei_is_its_bound(text, comparator, value, unit):
    """景区日最大承载量为2万人次: at most 20 000 visits a day. 最大 and 最小 were no words of the
    comparator table (最高, 最低 were), so the capacity read as a bare number and was dropped."""
    (found,) = extract(text)
    assert (found.comparator, found.value, found.unit) == (comparator, Decimal(value), unit)


@pytest.mark.parametrize(
    "text",
    [
        "住院医疗费用起付标准以上至最高支付限额以下部分，统筹基金支付比例为85%。",
        "起付标准以上至最高支付限额以下的部分，统筹基金支付比例为85%。",
    ],
)
def test_a_band_up_to_a_limit_is_the_case_of_the_share_after_it(text):
    """…起付标准以上至最高支付限额以下部分，统筹基金支付比例为85%: the fund pays 85 % of the
    band. With no 的 before 部分 the band was a duty of its own, and its 最高…限额 read as the
    sentence's topic limit, so the share read '<= 85 %'."""
    (found,) = extract(text)
    assert (found.comparator, found.value, found.unit) == ("==", 85, "%")
    assert found.applies_when.text.endswith("部分")


def test_a_day_s_most_a_place_takes_is_a_count_per_day():
    """景区日最大承载量为2万人次: at most 20 000 visits a day. 日 before 最大 named no period (日
    处理能力 did), and visits per day read as how often something is done."""
    (found,) = extract("景区日最大承载量为2万人次。")
    assert (found.kind, found.per, found.comparator, found.value) == ("count", "day", "<=", 20000)


def test_the_time_between_two_events_is_how_long_it_lasts_not_how_often():
    """从烧熟至食用的间隔时间不得超过2小时: food eaten within two hours of cooking. 间隔 read as a
    round repeated (垃圾清运间隔不超过3天: at least every 3 days), so a frequency was drafted."""
    (found,) = extract("集体用餐配送单位配送的食品，从烧熟至食用的间隔时间不得超过2小时。")
    assert (found.kind, found.comparator, found.value, found.unit) == ("duration", "<=", 2, "hour")
    (round_,) = extract("垃圾清运间隔不超过3天。")
    assert round_.kind == "frequency"
