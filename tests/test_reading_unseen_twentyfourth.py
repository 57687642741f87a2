"""A twenty-fourth round of the reading, found by probing it with clauses written for the
purpose (never from the bundled gazettes): employment subsidies, minimum living allowances,
environmental emergency plans numbered by points, water works, rural sanitation, procurement,
hazards and blacklists, fire seasons, farm subsidies, heating and parking prices, nurseries,
workplace air and waste water. Each case is a clear error a probe found, read as GUIDE.md
(tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "case"),
    [
        (
            "城镇登记失业人员参加职业培训，取得职业资格证书的，给予职业培训补贴，补贴标准为每人800元至1500元。",
            "城镇登记失业人员参加职业培训，取得职业资格证书的",
        ),
        (
            "贫困家庭子女参加职业培训，取得证书的，按每人1000元给予补贴。",
            "贫困家庭子女参加职业培训，取得证书的",
        ),
        ("农民参加合作社，入股的，给予奖励。", "农民参加合作社，入股的"),
    ],
)
def test_the_people_a_grant_is_for_and_what_they_did_are_one_case(text, case):
    """失业人员参加职业培训，取得职业资格证书的，给予职业培训补贴: the subsidy is for the unemployed
    who trained and got a certificate. Only the inspected parties (企业招用…，签订…的) were read
    as opening a case of two phrases, so the training was read as a requirement of its own and
    the grant held for anyone with a certificate."""
    (found,) = extract(text)
    assert found.applies_when.text == case


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # guards: the people's own duty (a modal word), and an authority acting (as before)
        ("高校毕业生要积极参加培训，取得证书的，给予补贴。", "高校毕业生要积极参加培训"),
        ("县政府组织人员培训，考核合格的，给予补贴。", "县政府组织人员培训"),
    ],
)
def test_a_duty_before_a_grant_s_case_stays_a_duty(text, first):
    assert extract(text)[0].span == first


def test_how_often_a_grant_is_paid_between_it_and_its_amount_parts_them_not():
    """取得证书的，按规定给予职业培训补贴，每人每年只能享受一次，补贴标准为每人800元至1500元: one
    grant, its amount, and how often one may have it. The words between the grant and its amount
    left the grant a row of its own, holding the case, and the amount with none."""
    text = (
        "取得职业资格证书的，按规定给予职业培训补贴，每人每年只能享受一次，"
        "补贴标准为每人800元至1500元。"
    )
    often, amount = extract(text)
    assert (often.per, often.applies_when) == ("year", None)
    assert (amount.low, amount.high, amount.applies_when.text) == (800, 1500, "取得职业资格证书的")


@pytest.mark.parametrize(
    ("text", "classes", "subject"),
    [
        (
            "各地要加强动态管理，对城市低保家庭每半年核查一次，农村低保家庭每年核查一次。",
            ["对城市低保家庭", "农村低保家庭"],
            "各地",
        ),
        (
            "县市场监管局对食品生产企业每年检查不少于2次，食品销售企业每年不少于1次。",
            ["对食品生产企业", "食品销售企业"],
            "县市场监管局",
        ),
        ("对重点企业每月检查一次，一般企业每季度检查一次。", ["对重点企业", "一般企业"], None),
    ],
)
def test_whom_each_check_is_done_to_with_one_to_is_each_row_s_class(text, classes, subject):
    """各地…对城市低保家庭每半年核查一次，农村低保家庭每年核查一次: the authority checks urban
    households twice a year, rural ones once. With 对 written once the classes were cut to what
    the names do not share (对城市, 农村), or not read at all, and the second class was read as
    who acts (农村低保家庭 checking, a regulated party); who acts on the first acts on both."""
    rows = extract(text)[-2:]
    assert [r.applies_when and r.applies_when.text for r in rows] == classes
    assert [r.subject for r in rows] == [subject, subject]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("3.2 县生态环境分局接到报告后，应当在30分钟内进行核实。", "县生态环境分局"),
        ("5.1 县财政局要将经费纳入年度财政预算，每年安排不少于50万元。", "县财政局"),
        ("4.3.1 应急监测人员应当在2小时内到达现场。", "应急监测人员"),
        ("2.1.3县财政局要将经费纳入预算。", "县财政局"),
    ],
)
def test_a_numbering_with_points_is_no_part_of_who_acts(text, subject):
    """3.2 县生态环境分局接到报告后，应当…: clause 3.2 of a plan numbered by points. The space after
    a number a line opens with was kept only after a whole number, so 3.2 was closed up with the
    words after it and read as part of who acts (3.2 县生态环境分局) and of each span."""
    found = extract(text)
    assert {r.subject for r in found} == {subject}
    assert not any(r.span[0].isdigit() for r in found)


def test_a_number_with_its_unit_opening_a_line_is_still_a_number():
    (found,) = extract("3.5 米以上的围挡应当设置警示标志。")
    assert (found.applies_when.value, found.applies_when.unit) == (3.5, "m")


@pytest.mark.parametrize(
    ("text", "case"),
    [
        (
            "出现下列情况之一的，启动Ⅳ级响应：因环境污染疏散、转移人员1000人以下的；"
            "因环境污染造成直接经济损失500万元以下的。",
            "出现下列情况之一的",
        ),
        (
            "符合下列条件之一的，可以申请补贴：年营业收入500万元以上的；吸纳就业10人以上的。",
            "符合下列条件之一的",
        ),
        (
            "同时具备下列条件的，给予一次性奖励5000元：（一）年营业收入500万元以上；"
            "（二）吸纳就业10人以上。",
            "同时具备下列条件的",
        ),
    ],
)
def test_cases_listed_after_their_lead_s_colon_are_no_requirements(text, case):
    """出现下列情况之一的，启动Ⅳ级响应：…1000人以下的；…500万元以下的。: the response starts in
    either case. Cases run on with no numbering were read as requirements (疏散人员 ≤ 1000 人),
    and so were the conditions of a grant (符合下列条件之一的，可以申请补贴：…), numbered or not:
    each is the condition of what the lead says is done, none a requirement (GUIDE 3)."""
    (found,) = extract(text)
    assert found.applies_when.text == case


def test_a_duty_after_the_cases_is_still_read():
    text = (
        "采购人有下列情形之一的，责令限期改正：未按规定公告的；擅自提高采购标准的。"
        "供应商应当在3日内答复。"
    )
    assert [r.span for r in extract(text)] == ["责令限期改正", "供应商应当在3日内答复"]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("县政府成立县突发环境事件应急指挥部。", "县政府"),
        ("各乡镇成立工作专班。", "各乡镇"),
        ("县政府设立应急指挥部。", "县政府"),
        ("县民政局组建专业救援队伍。", "县民政局"),
        # guard: how, then whom it is done for, is no name
        ("逐步为符合条件的单位设立1个特级教师岗位。", None),
    ],
)
def test_a_body_setting_something_up_acts(text, subject):
    """县政府成立县突发环境事件应急指挥部: the county government sets up the command. 建立 was read
    as a verb after a party's name, 成立, 设立 and 组建 were not, so no one acted."""
    assert [r.subject for r in extract(text)] == [subject]


@pytest.mark.parametrize(
    "text",
    [
        "车间空气中苯的容许浓度不得超过6mg/m³，甲苯不得超过50mg/m³。",
        "废水中总汞不得超过0.05mg/L，总镉不得超过0.1mg/L，六价铬不得超过0.5mg/L。",
        "室内空气中甲醛不得超过0.08mg/m³，苯不得超过0.09mg/m³。",
    ],
)
def test_each_substance_s_limit_is_a_measure_of_its_own_no_class(text):
    """车间空气中苯的容许浓度不得超过6mg/m³，甲苯不得超过50mg/m³: two substances, a limit each.
    The pollutants of the air were known as measures (二氧化硫, 氮氧化物…), other substances were
    read as classes (where 苯, where 甲苯), so a check held only 'where 甲苯'."""
    assert [r.applies_when for r in extract(text)] == [None] * len(extract(text))


def test_a_time_limit_after_each_event_is_no_class():
    """项目单位应在项目竣工后3个月内完成竣工验收，验收合格后10个工作日内办理备案手续: two time
    limits, each from its event. Two deadlines side by side were read as classes of one measure,
    the first 'where 应在项目竣工后' (the modal word in it); when each runs from is its trigger."""
    first, second = extract(
        "项目单位应在项目竣工后3个月内完成竣工验收，验收合格后10个工作日内办理备案手续。"
    )
    assert (first.trigger, first.applies_when) == ("项目竣工后", None)
    assert (second.trigger, second.subject) == ("验收合格后", "项目单位")


@pytest.mark.parametrize(
    ("text", "dues"),
    [
        (
            "各部门分别于6月30日和12月31日前报送半年和全年工作总结。",
            [("month_day", 6, 30), ("month_day", 12, 31)],
        ),
        (
            "各乡镇分别于每年6月底和12月底前报送工作进展。",
            [("yearly_date", 6, 30), ("yearly_date", 12, 31)],
        ),
        (
            "企业应于每年3月31日、6月30日、9月30日、12月31日前报送季度报表。",
            [("yearly_date", m, d) for m, d in ((3, 31), (6, 30), (9, 30), (12, 31))],
        ),
    ],
)
def test_dates_listed_before_one_by_are_each_a_deadline(text, dues):
    """分别于6月30日和12月31日前报送: two reports, one due by each date. Only a date with its own 前
    was read, so the first was lost (due by 12月31日 only); and a date after 每年… is each
    year's, as the first is."""
    assert [(r.due["rule"], r.due["month"], r.due["day"]) for r in extract(text)] == dues


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("安全管理人员每周检查不少于2次。", ["安全管理人员"]),
        (
            "企业主要负责人每月至少带队检查1次，安全管理人员每周检查不少于2次。",
            ["企业主要负责人", "安全管理人员"],
        ),
        ("县级河长每季度巡河不少于1次，乡级河长每月不少于1次。", ["县级河长", "乡级河长"]),
        # guard: a firm is checked so often, by no one named (as before)
        ("重点企业每年检查不少于2次，一般企业每2年检查不少于1次。", [None, None]),
    ],
)
def test_people_make_their_own_rounds_so_often(text, subjects):
    """企业主要负责人每月至少带队检查1次，安全管理人员每周检查不少于2次: the safety staff check
    twice a week. A party with how often it is checked after its name (重点企业每年检查不少于2次)
    was read as checked, not checking, whoever it was: people (人员, 负责人, 河长) make their own
    rounds, so each acts in its own row."""
    assert [r.subject for r in extract(text)] == subjects


@pytest.mark.parametrize(
    "text",
    [
        "各县（市、区）水利局：\n为确保汛期水利工程安全运行，决定开展水利工程安全检查。",
        "为确保汛期安全，经研究，决定在全市开展安全大检查。",
    ],
)
def test_what_the_issuer_decided_for_a_purpose_is_about_the_text(text):
    """为确保汛期水利工程安全运行，决定开展水利工程安全检查: the notice says what it is for and
    what its issuer decided, then sets out the checks (GUIDE 1.5: what the document does itself).
    It was read as a duty of the addressees named above it."""
    assert extract(text) == []


def test_a_body_s_decision_is_still_its_duty():
    (found,) = extract("区政府决定在全区开展安全检查。")
    assert found.subject == "区政府"


def test_the_measure_each_class_s_name_ends_with_is_no_part_of_the_class():
    """出厂水水质每日检测不少于1次，管网水水质每月检测不少于2次: the water sent out checked daily,
    the network's monthly. The classes kept the measure they share (出厂水水质, 管网水水质); the
    work they share was left out already (…水质检测每日…)."""
    rows = extract(
        "城市供水企业应当建立健全水质检测制度，出厂水水质每日检测不少于1次，"
        "管网水水质每月检测不少于2次。"
    )
    assert [r.applies_when and r.applies_when.text for r in rows] == [None, "出厂水", "管网水"]


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("对违规套取补贴资金的，追回补贴资金，取消该户3年内享受补贴资格。", (3, "year")),
        ("对弄虚作假的供应商，取消该供应商2年内参加政府采购活动资格。", (2, "year")),
    ],
)
def test_how_long_anyone_is_debarred_is_a_sanction_s_term(text, months):
    """取消该户3年内享受补贴资格: the household loses the subsidy for three years. Only 其, 该单位
    and 该企业 were known before the term of a debarment, so this one was a deadline to act in
    (≤ 3 years)."""
    found = extract(text)[-1]
    assert (found.kind, found.comparator, found.value, found.unit) == ("duration", "==", *months)


def test_a_date_after_one_of_each_year_is_each_year_s():
    """各县（市、区）要在每年5月31日前完成补贴面积核实，6月30日前将补贴资金发放到户: both each
    year's. The second date, with no 每年 of its own, was read as a day of no year in particular."""
    first, second = extract(
        "各县（市、区）要在每年5月31日前完成补贴面积核实，6月30日前将补贴资金发放到户。"
    )
    assert (first.due["rule"], second.due["rule"]) == ("yearly_date", "yearly_date")
    assert (second.due["month"], second.due["day"]) == (6, 30)


def test_dates_named_as_a_period_then_within_it_are_when_a_ban_holds():
    """每年11月1日至次年5月31日为森林防火期，防火期内禁止野外用火: no fires in the open in the fire
    season. Written dates first, the period's definition was read into the ban's words and the
    ban held all year; as 禁渔期为…，禁渔期内禁止… was, both are when it holds."""
    (found,) = extract("每年11月1日至次年5月31日为森林防火期，防火期内禁止野外用火。")
    assert (found.span, found.applies_when.text) == (
        "禁止野外用火",
        "每年11月1日至次年5月31日为森林防火期，防火期内",
    )


def test_people_counted_as_a_share_of_a_whole_do_not_act():
    """…，其中评审专家不得少于成员总数的三分之二: experts make up two thirds of the panel. The
    experts were read as acting (a regulated party held to a share); counted by heads (值班人员不得
    少于2人) they were not."""
    rows = extract("评标委员会成员人数应当为5人以上单数，其中评审专家不得少于成员总数的三分之二。")
    assert rows[-1].subject != "评审专家"
    assert rows[-1].value is not None


@pytest.mark.parametrize(
    ("text", "modalities"),
    [
        (
            "原则上给予1次性救助，救助金额为4000元，有特殊情况的不超过2次，每个家庭全年累计最高"
            "救助金额为8000元。",
            ["default", None, None],  # (the grant and its amount one row)
        ),
        (
            "督办期限一般不超过90日，确需延期的，经督办部门批准可延期一次，延期不超过30日。",
            ["default", "permission", None],
        ),
    ],
)
def test_a_softening_word_holds_up_to_a_case_of_its_own(text, modalities):
    """原则上给予1次性救助，救助金额为4000元，有特殊情况的不超过2次: 原则上 softens the grant and
    its amount, not the exception after it, which has a case of its own (the labelled set reads
    so, 临政发〔2016〕4号)."""
    assert [r.modality for r in extract(text)] == modalities


def test_a_year_s_target_after_again_is_due_by_its_end():
    """2021年完成新改建农村户厕3000户，2022年再完成2000户: the second target is due by the end of
    2022; with 再 between the year and 完成 it was due by no date."""
    first, second = extract("2021年完成新改建农村户厕3000户，2022年再完成2000户。")
    assert (first.due["date"], second.due["date"]) == ("2021-12-31", "2022-12-31")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("每个行政村至少配备1名保洁员，保洁员按照每300人1名的标准配备。", None),
        # guard: the party that provides them, named before its verb and what it provides
        ("学校按照每200名学生1名的比例配备校医。", "学校"),
    ],
)
def test_the_ones_provided_at_a_rate_do_not_act(text, subject):
    """保洁员按照每300人1名的标准配备: one cleaner for every 300 people. The cleaners were read as
    acting (a regulated party providing), though they are what is provided, by no one named."""
    assert extract(text)[-1].subject == subject


def test_an_item_s_number_after_its_lead_s_colon_is_no_part_of_a_name():
    """加强监管：（1）对重点企业每月检查1次；（2）…: the number of the list's first item was read
    into who acts (（1）对重点企业, a regulated party checking)."""
    rows = extract("加强监管：（1）对重点企业每月检查1次；（2）对一般企业每季度检查1次。")
    assert [r.subject for r in rows] == [None, None]


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("幼儿园教职工与幼儿的比例应当达到1:7至1:9。", (Decimal("11.1111"), Decimal("14.2857"))),
        ("培训时间达到3至5天。", (3, 5)),
    ],
)
def test_a_band_reached_is_the_band(text, band):
    """幼儿园教职工与幼儿的比例应当达到1:7至1:9: one adult for every seven to nine children. 达到
    before a band was read as its floor, as 不少于3至5人 is, so 1:5 passed."""
    (found,) = extract(text)
    assert (found.comparator, found.low, found.high) == ("range", *band)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("供热费按建筑面积收取，每平方米每月5元。", 5),
        ("供热价格按建筑面积计收，每平方米每采暖期22元。", 22),
        ("此后每半小时1元。", 1),
    ],
)
def test_a_price_per_unit_and_period_is_a_price(text, value):
    """供热价格按建筑面积计收，每平方米每采暖期22元: 22 yuan a square metre a heating season. A
    price per unit of what is sold was kept (每平方米22元), one per unit and period, or per half
    an hour, was dropped as a bare number: the price was lost."""
    (found,) = extract(text)
    assert (found.value, found.unit) == (value, "元")


def test_a_badge_showing_a_qualification_is_no_qualification_to_hold():
    """…执业药师…应当在岗，并佩戴标明姓名、执业资格等内容的胸卡: wear a badge that shows one's name
    and qualification. Any 资格 made a duty one of eligibility, to be drafted as a licence check."""
    rows = extract(
        "药品零售企业营业时间内，执业药师或者药学技术人员应当在岗，"
        "并佩戴标明姓名、执业资格等内容的胸卡。"
    )
    assert [r.kind for r in rows] == ["presence", "presence"]


def test_a_band_s_floor_picks_out_as_its_top_does():
    """机动车停放时间超过15分钟不足1小时的，按1小时计费: a stay between 15 minutes and an hour is
    billed as an hour (how it is counted, no threshold). The band's top was read as the case, its
    floor as a requirement of its own (停放时间 > 15 分钟)."""
    assert extract("机动车停放时间超过15分钟不足1小时的，按1小时计费。") == []
    (fee,) = extract("机动车停放时间超过15分钟不足1小时的，收费5元。")
    assert (fee.applies_when.low, fee.applies_when.high) == (15, 60)


@pytest.mark.parametrize(
    ("text", "band"),
    [
        (
            "试用期最长不得超过6个月，劳动合同期限3个月以上不满1年的，试用期不得超过1个月。",
            ("month", 3, 12, True),
        ),
        (
            "试用期最长不得超过6个月，劳动合同期限超过3个月不满1年的，试用期不得超过1个月。",
            ("month", 3, 12, False),
        ),
    ],
)
def test_a_band_of_two_units_after_a_rule_for_all_keeps_its_floor(text, band):
    """…，劳动合同期限3个月以上不满1年的，试用期不得超过1个月: for contracts of 3 to 12 months. Read
    after a phrase of its own, the band kept its top only (< 1 year), so a two-month contract was
    held to it; its floor is read in the floor's unit, the top turned into it."""
    when = extract(text)[-1].applies_when
    assert (when.comparator, when.unit, when.low, when.high) == ("range", *band[:3])
    assert (when.low_inclusive, when.high_inclusive) == (band[3], False)
