"""An eighteenth round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): tendering, rural housing plots, medical insurance, fire safety,
labour law, tobacco retail spacing. Each case is a clear error a probe found, read as GUIDE.md
(tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("企业招用职工，应当依法签订劳动合同。", "企业"),
        ("物业服务企业收取物业费，应当公示收费标准。", "物业服务企业"),
        ("用人单位延长工作时间，一般不得超过一小时。", "用人单位"),
        ("用人单位延长工作时间，一般每日不得超过一小时。", "用人单位"),
        # guards: a party alone, and one that opens the duty's own phrase, as before
        ("旅行社组织出境旅游，应当为旅游团队安排领队全程陪同。", "旅行社"),
        ("经营者销售商品，不得缺斤短两。", "经营者"),
        ("县财政局、审计局应当加强监督。", "县财政局、审计局"),
        ("用人单位延长工作时间，每日不得超过三小时。", "用人单位"),
    ],
)
def test_a_phrase_of_who_does_what_before_the_duty_names_the_party(text, subject):
    """企业招用职工，应当依法签订劳动合同: the firm signs, not its staff. The phrase before the
    comma ends with 职工, a party's name, so the whole of it (企业招用职工) was the subject; in
    物业服务企业收取物业费，应当… no subject was read at all, and after 一般 the phrase before
    was not looked at. A phrase naming a party and what it does (招用, 收取, 延长…) names the
    party."""
    assert extract(text)[-1].subject == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("烟草制品零售点距离中小学校不得少于100米。", "烟草制品零售点"),
        ("烟草制品零售点之间的距离不得少于50米，距离中小学校不得少于100米。", None),
        ("养殖场距学校不得少于500米。", None),
        # guards: a party that keeps its distance from others, as before
        ("加油站与学校、医院的安全间距不应小于50米。", "加油站"),
    ],
)
def test_the_place_a_distance_is_from_is_no_party(text, subject):
    """烟草制品零售点距离中小学校不得少于100米: the shop keeps away from the school. A name was
    read up to its last party word, so the subject was 烟草制品零售点距离中小学校 (and 距离中小学校
    on its own), a school put in charge of where shops open. A name stops before 距/距离."""
    assert extract(text)[-1].subject == subject


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("医疗费用由统筹基金支付85%。", Decimal(85)),
        # guards: a party's share, one stated with its word, and funds handed down, as before
        ("住院费用个人负担20%。", Decimal(20)),
        ("超出部分由市、县两级财政分担50%。", Decimal(50)),
        ("统筹基金支付比例为85%。", Decimal(85)),
        ("第一批下达60%。", Decimal(60)),
    ],
)
def test_the_share_a_fund_pays_or_a_party_bears_is_kept(text, value):
    """医疗费用由统筹基金支付85%: what the fund must pay. With no modal word and no 比例, the share
    was no standard and the clause became a presence with no number: an 80 % payout passed. A
    share right after 支付, 报销, 负担 or 分担 is what is paid or borne."""
    r = extract(text)[-1]
    assert (r.kind, r.comparator, r.value, r.unit) == ("ratio", "==", value, "%")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        (
            "环境影响评价文件自批准之日起超过五年，方决定该项目开工建设的，应当报原审批部门重新审核。",
            Decimal(5),
            "year",
        ),
        ("许可证有效期届满后超过30日，才申请延续的，应当重新申请许可。", Decimal(30), "day"),
        ("项目批准后超过两年，再决定开工的，应当重新报批。", Decimal(2), "year"),
        # guards: a party first, and the case in one phrase, as before
        ("企业连续停产超过6个月，再次生产的，应当重新进行安全评价。", Decimal(6), "month"),
        ("建设单位领取施工许可证后超过三个月仍未开工的，应当申请延期。", Decimal(3), "month"),
    ],
)
def test_a_case_going_on_from_the_phrase_before_is_one_case(text, value, unit):
    """环境影响评价文件自批准之日起超过五年，方决定该项目开工建设的，应当报原审批部门重新审核: the
    review is owed only when five years have passed before building starts. The case was read
    from 方决定… alone: every project owed a review, and "more than five years" became a
    requirement of its own that a recent approval failed. A case phrase opening with 方, 才, 仍
    or 再 goes on from the phrase before, and both are the case."""
    reqs = extract(text)
    assert len(reqs) == 1
    when = reqs[0].applies_when
    assert (reqs[0].value, when.comparator, when.value, when.unit) == (None, ">", value, unit)
    assert when.text == text[: text.index("的，") + 1]


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind", "span"),
    [
        ("10吨以上货车每车次收费50元。", Decimal(10), "t", "money", "每车次收费50元"),
        ("100千瓦以上电动机应当安装计量装置。", Decimal(100), "kW", "presence", "应当安装计量装置"),
        ("功率100千瓦以上电动机每年检测一次。", Decimal(100), "kW", "frequency", "每年检测一次"),
        (
            "200马力以上拖拉机单机补贴额不超过30万元。",
            Decimal(200),
            "马力",
            "money",
            "不超过30万元",
        ),
        # guard: the same with 的, as before
        (
            "建筑面积1万平方米以上的商场应当设置母婴室。",
            Decimal(10000),
            "m²",
            "presence",
            "建筑面积1万平方米以上的商场应当设置母婴室",
        ),
    ],
)
def test_a_size_before_the_things_it_picks_out_is_their_case(text, value, unit, kind, span):
    """10吨以上货车每车次收费50元: the fee is for trucks of ten tonnes or more. With no 的 after
    以上, "at least 10 t" was read as a requirement of its own, so a 5-tonne truck failed, and the
    fee applied to every vehicle; 100千瓦以上电动机应当安装计量装置 lost its duty the same way. A
    size right before the things it names, at the start, is the case of what follows."""
    (r,) = extract(text)
    assert (r.kind, r.span) == (kind, span)
    assert (r.applies_when.comparator, r.applies_when.value, r.applies_when.unit) == (
        ">=",
        value,
        unit,
    )


@pytest.mark.parametrize(
    "text",
    [
        "具有5年以上工作经验，熟悉相关业务。",
        "全市90%以上行政村实现生活垃圾集中收运。",
    ],
)
def test_what_a_party_has_and_a_share_of_places_stay_requirements(text):
    """Guards for the case above: a size after a verb (具有5年以上工作经验) is what is required,
    and a share of places (90%以上行政村) is a target; neither is a case."""
    r = extract(text)[0]
    assert r.applies_when is None and r.comparator == ">="


def test_horsepower_is_a_unit():
    """200马力以上的拖拉机，单机补贴额不超过30万元: 马力 was no unit, so the class lost its number
    and the cap applied to every tractor. It is kept as written, as 蒸吨 is."""
    (r,) = extract("200马力以上的拖拉机，单机补贴额不超过30万元。")
    assert (r.applies_when.value, r.applies_when.unit, r.value) == (
        Decimal(200),
        "马力",
        Decimal(300000),
    )


@pytest.mark.parametrize(
    ("text", "cases"),
    [
        ("一类公厕每日保洁不少于4次，二类公厕每日保洁不少于2次。", ["一类公厕", "二类公厕"]),
        ("一类地区每人每月补助500元，二类地区每人每月补助400元。", ["一类地区", "二类地区"]),
        ("一级医院报销70%，二级医院报销60%。", ["一级医院", "二级医院"]),
        ("一等奖奖励5000元，二等奖奖励3000元。", ["一等奖", "二等奖"]),
        ("三级医院每年至少开展2次应急演练。", ["三级医院"]),
    ],
)
def test_a_class_opening_a_phrase_is_the_case_of_what_is_asked_in_it(text, cases):
    """一类公厕每日保洁不少于4次，二类公厕每日保洁不少于2次: the first-class toilets four times a
    day, the others twice. The classes were read only before a colon (一类区域：), so both bounds
    stood for every toilet and a first-class one cleaned twice passed one and failed the other. A
    class (一类, 二级, 甲级, 一等) and its things opening a phrase are the case of what follows."""
    assert [r.applies_when.text for r in extract(text)] == cases


@pytest.mark.parametrize(
    ("text", "case"),
    [
        ("一级响应期间，每2小时报告一次。", "一级响应期间"),
        ("二级以上医院应当设立感染管理科。", "二级以上"),
    ],
)
def test_a_response_level_and_a_grade_or_more_are_read_as_before(text, case):
    """Guards for the case above: a response level's time (一级响应期间) and a grade or more
    (二级以上医院) stay the cases they were."""
    (r,) = extract(text)
    assert r.applies_when.text == case


@pytest.mark.parametrize(
    ("text", "cases"),
    [
        ("生活垃圾无害化处理率，城区达到100%，农村达到90%以上。", ["城区", "农村"]),
        (
            "每班幼儿人数：小班不超过25人，中班不超过30人，大班不超过35人。",
            ["小班", "中班", "大班"],
        ),
        ("保育人员与婴幼儿的比例，乳儿班不低于1:3，托小班不低于1:5。", ["乳儿班", "托小班"]),
        ("夜间不超过45分贝，白天不超过55分贝。", ["夜间", "白天"]),
        ("城市急救平均反应时间城区不超过12分钟，农村不超过30分钟。", ["城区", "农村"]),
        ("绿化覆盖率城区不低于40%。", ["城区"]),
        ("田间道路通达度平原区达到100%，丘陵区达到90%以上。", ["平原区", "丘陵区"]),
        (
            "中小学生每天睡眠时间小学生不少于10小时、初中生不少于9小时、高中生不少于8小时。",
            ["小学生", "初中生", "高中生"],
        ),
    ],
)
def test_a_class_right_before_its_bound_is_its_case(text, cases):
    """城区达到100%，农村达到90%以上: the rate is 100 % in town and 90 % in the countryside. A
    class was read as a case only before a colon (城区：), so here both bounds stood for every
    place and a village at 95 % failed the first. A place, a time of day or a class of pupils
    right before its bound, opening the phrase (or after the name of the measure it bounds), is
    the case it is for."""
    assert [r.applies_when.text for r in extract(text)] == cases


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (
            "生活垃圾无害化处理率，城区达到100%，农村达到90%以上。",
            ["城区达到100%", "农村达到90%以上"],
        ),
        # guard: a duty to change a measure is one, as before
        ("各部门要不断提高新能源汽车使用比例。", ["各部门要不断提高新能源汽车使用比例"]),
    ],
)
def test_a_measure_s_name_alone_before_its_bounds_is_no_duty(text, spans):
    """生活垃圾无害化处理率，城区达到100%…: the rate's name heads its bounds. With 处理 in it, it
    was drafted as a duty of its own with nothing to check. A measure's name alone, with no
    modal word and no number, is what the bounds after it are of."""
    assert [r.span for r in extract(text)] == spans


@pytest.mark.parametrize(
    "text",
    [
        "每个乡镇至少建设1个洁净型煤配送网点。",
        "各乡镇不少于3人。",
    ],
)
def test_each_place_before_a_bound_is_no_case(text):
    """Guards for the case above: each or all of the places (每个乡镇, 各乡镇) name no case."""
    (r,) = extract(text)
    assert r.applies_when is None


@pytest.mark.parametrize(
    ("text", "cases"),
    [
        (
            "对发生一般、较大、重大生产安全事故的生产经营单位，纳入黑名单管理的期限分别为1年、3年、5年。",
            [
                "对发生一般生产安全事故的生产经营单位",
                "对发生较大生产安全事故的生产经营单位",
                "对发生重大生产安全事故的生产经营单位",
            ],
        ),
        (
            "对获得国家级、省级、市级示范称号的企业，分别给予50万元、20万元、10万元奖励。",
            ["对获得国家级示范称号的企业", "对获得省级示范称号的企业", "对获得市级示范称号的企业"],
        ),
        (
            "被评为A级、B级、C级的企业，抽查比例分别为5%、10%、20%。",
            ["被评为A级", "被评为B级", "被评为C级"],
        ),
        ("一等奖、二等奖、三等奖分别奖励5000元、3000元、1000元。", ["一等奖", "二等奖", "三等奖"]),
        # (the last class after 和; how many classes there are, no part of what they share)
        (
            "对一般、较大和重大隐患，整改期限分别不超过7日、30日和90日。",
            ["对一般隐患", "对较大隐患", "对重大隐患"],
        ),
        ("市、县、乡三级财政分别承担50%、30%、20%。", ["市财政", "县财政", "乡财政"]),
    ],
)
def test_amounts_listed_after_fenbie_each_take_their_own_class(text, cases):
    """对发生一般、较大、重大生产安全事故的生产经营单位，…期限分别为1年、3年、5年: one year for a
    minor accident, five for a major one. The whole list was the first amount's case and the
    others had none, so a firm blacklisted for five years after a minor accident passed. Amounts
    listed after 分别 go one to each class listed before it, in order."""
    assert [r.applies_when.text for r in extract(text)] == cases


@pytest.mark.parametrize(
    "text",
    [
        "对发生一般、较大生产安全事故的生产经营单位，纳入黑名单管理的期限分别为1年、3年、5年。",
        "甲、乙两个企业分别缴纳保证金1000元。",
    ],
)
def test_amounts_that_do_not_match_the_classes_stay_as_they_were(text):
    """Guards for the case above: two classes for three amounts, or one amount for two parties,
    distribute nothing; the first amount keeps what it had."""
    reqs = extract(text)
    assert all(r.applies_when is None or "、" in r.applies_when.text for r in reqs)


@pytest.mark.parametrize(
    ("text", "cases"),
    [
        (
            "经考核合格的，城区每人每月补助300元，农村每人每月补助200元。",
            ["经考核合格的", "经考核合格的"],
        ),
        (
            "停业整顿后符合条件的，准予恢复运营，但客运企业2年内不得新增班线，货运企业2年内不得新增车辆。",
            ["停业整顿后符合条件的", "停业整顿后符合条件的"],
        ),
        # guard: another measure after the first stays the sentence's, with no case (as before)
        ("凡新建项目的，应当配备2名安全员，每月检查不少于1次。", ["凡新建项目的", None]),
    ],
)
def test_the_same_measure_for_another_class_keeps_the_sentence_s_case(text, cases):
    """经考核合格的，城区每人每月补助300元，农村每人每月补助200元: only those who passed get either
    amount. The opening case was the first amount's alone, so the countryside's 200 yuan went to
    everyone. A requirement of the same measure as the one before it (kind, unit, comparison,
    period) is for another class under the same case."""
    assert [r.applies_when and r.applies_when.text for r in extract(text)] == cases


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("企业应当每年报送报告，连续两年未报送的，视为自动放弃资格。", ["企业应当每年报送报告"]),
        (
            "用地单位应当在1年内动工开发，动工开发面积不足三分之一的，视为闲置土地。",
            ["用地单位应当在1年内动工开发"],
        ),
        ("企业应当在30日内补正，补正材料超过3次的，视为撤回申请。", ["企业应当在30日内补正"]),
        # guard: a definition alone gives no row, as before (GUIDE 1.5)
        ("车货总质量超过49吨的，认定为超限运输车辆。", []),
    ],
)
def test_a_duty_before_a_definition_is_read_and_the_definition_s_number_is_not(text, spans):
    """企业应当每年报送报告，连续两年未报送的，视为自动放弃资格: the yearly report is owed. A
    sentence ending in what a case counts as (视为…) was all definition, so the duty before it was
    lost; and where the duty was kept, the case's number (面积不足三分之一) became a requirement
    of its own. The duties before stand; the case's number is the definition's."""
    assert [r.span for r in extract(text)] == spans


@pytest.mark.parametrize(
    ("text", "cases"),
    [
        ("对个人处500元以上2000元以下罚款，对单位处1万元以上5万元以下罚款。", ["对个人", "对单位"]),
        ("对单位可以处3万元以下罚款。", ["对单位"]),
        # guard: 处罚 is no 处 of a fine; what it is done to names no case (as before)
        ("监察局可以对其违法行为进行行政处罚。", [None]),
    ],
)
def test_whom_a_fine_is_for_is_its_case(text, cases):
    """对个人处500元以上2000元以下罚款，对单位处1万元以上5万元以下罚款: the lower band is for
    people, the higher for firms. With no comma after 对个人 neither was a case, so a firm fined
    1000 yuan passed the first band. 对… right before 处, 给予 or 予以 is whom the sanction is
    for."""
    assert [r.applies_when and r.applies_when.text for r in extract(text)] == cases


@pytest.mark.parametrize(
    ("text", "case", "value"),
    [
        (
            "党员每月缴纳党费，月工资收入3000元以下的，缴纳月工资收入的0.5%。",
            "月工资收入3000元以下",
            Decimal("0.5"),
        ),
        (
            "单位按月缴存公积金，职工月工资5000元以上的，缴存月工资的12%。",
            "职工月工资5000元以上",
            Decimal(12),
        ),
        (
            "企业按月计提，营业收入1000万元以下的，计提营业收入的2%。",
            "营业收入1000万元以下",
            Decimal(2),
        ),
    ],
)
def test_the_ones_a_share_paid_after_them_is_for_are_its_case(text, case, value):
    """党员每月缴纳党费，月工资收入3000元以下的，缴纳月工资收入的0.5%: the 0.5 % is for incomes up
    to 3000 yuan. The income band was read as a requirement of its own (at most 3000 yuan a month),
    so a member earning more failed, and the 0.5 % was owed by all (and with 计提 or 缴存 no share
    was read at all). A band ending 的 before 缴纳, 缴存, 计提 or 提取 is the case of the share
    paid, and a share set aside or paid in (计提, 缴存) is a standard as 缴纳's is. A how-often
    phrase first (单位按月缴存…) is no part of the case."""
    r = extract(text)[-1]
    assert (r.applies_when.text, r.value, r.unit) == (case, value, "%")
    assert all(q.unit == "%" for q in extract(text) if q.value is not None)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (
            "建筑施工场界环境噪声排放限值昼间70分贝，夜间55分贝。",
            [("昼间", Decimal(70)), ("夜间", Decimal(55))],
        ),
        (
            "社会生活噪声排放源边界噪声昼间不得超过60分贝，夜间不得超过50分贝。",
            [("昼间", Decimal(60)), ("夜间", Decimal(50))],
        ),
    ],
)
def test_a_noise_limit_by_day_and_night(text, rows):
    """建筑施工场界环境噪声排放限值昼间70分贝，夜间55分贝: 70 dB by day, 55 by night. With the time
    of day between 限值 and its number, no limit was read at all; with 昼间 after the measure's
    name (边界噪声昼间不得超过60分贝) the day's bound had no case and held at night too. The time
    of day is the case, and each limit is at most its number."""
    reqs = extract(text)
    assert [(r.applies_when.text, r.value) for r in reqs] == rows
    assert {(r.comparator, r.unit) for r in reqs} == {("<=", "dB")}


@pytest.mark.parametrize(
    ("text", "kind", "per"),
    [
        ("粉尘涉爆企业应当每班清扫作业场所。", "frequency", "班"),
        ("操作人员应当每班进行设备点检。", "frequency", "班"),
        # guard: a school's class is no shift (as before)
        ("学校应当每班设置图书角。", "presence", None),
    ],
)
def test_a_check_or_clean_up_done_each_shift_is_a_frequency(text, kind, per):
    """粉尘涉爆企业应当每班清扫作业场所: once every shift. It was a presence, so a site swept once a
    week complied. A check or clean-up done 每班 is a frequency per shift, as 每日 is per day."""
    (r,) = extract(text)
    assert (r.kind, r.per) == (kind, per)


def test_a_plain_text_gazette_of_farm_machine_subsidies_and_a_noise_notice():
    """A plain-text gazette written for this test (tests/data/unseen_plain_farm_machines_noise.txt):
    a 细则 with chapters and articles numbered 第1条 (one broken by a page's footer), and a notice
    numbered 一、. Amounts after 分别 each take their class, fines their party, a definition's
    number is no requirement, and the notice's limits, toilets and rates each keep their class."""
    from pathlib import Path

    from checklists.standards.parsing import parse_gazette

    text = (Path(__file__).parent / "data" / "unseen_plain_farm_machines_noise.txt").read_text(
        encoding="utf-8"
    )
    rules, notice = parse_gazette(text).documents
    assert (rules.number, notice.number) == ("某政发〔2025〕12号", "某政办发〔2025〕7号")
    clauses = {c.key.rsplit("/", 1)[-1]: c for c in rules.clauses + notice.clauses}

    def read(key):
        c = clauses[key]
        return extract(c.text, c.join_offsets, c.token)

    awards = read("第4条")
    assert [(r.applies_when.text, r.value) for r in awards] == [
        ("对获得国家级示范称号的农机合作社", Decimal(500000)),
        ("对获得省级示范称号的农机合作社", Decimal(200000)),
        ("对获得市级示范称号的农机合作社", Decimal(100000)),
    ]
    paid = read("第6条")[-1]
    assert (paid.value, paid.unit, "page_joined" in paid.flags) == (Decimal(5), "working_day", True)
    assert read("第7条")[-1].applies_when.text == "对个人"
    assert [r.kind for r in read("第8条")] == ["deadline"]
    assert [r.applies_when.text for r in read("一")[:2]] == ["昼间", "夜间"]
    assert [r.applies_when and r.applies_when.text for r in read("二")] == [
        None,
        "一类公厕",
        "二类公厕",
    ]
    assert [r.applies_when.text for r in read("三")] == ["城区", "农村"]


@pytest.mark.parametrize(
    "text",
    [
        "6周岁以下或身高1.2米以下的儿童免票，6周岁至18周岁未成年人半价。",
        "60周岁至69周岁老年人半价，70周岁以上老年人免票。",
    ],
)
def test_people_named_by_their_age_are_no_age_requirement(text):
    """6周岁至18周岁未成年人半价: half fare for those aged 6 to 18. The age band was read as an
    age requirement (range 6–18) with nothing to check it on; the people an age names are which
    ones a fare or benefit is for, no requirement of their own."""
    assert [r for r in extract(text) if r.unit == "age_year"] == []


def test_a_scenic_area_s_grade_is_its_case_and_part_of_its_name():
    """5A级景区门票价格不得超过100元，4A级景区不得超过60元: each grade its own cap. The grades were
    no cases (a digit before the class letter), and 4A级景区 lost its 4 as a subject."""
    reqs = extract(
        "旅游景区门票价格实行分级管理，5A级景区门票价格不得超过100元，4A级景区不得超过60元。"
    )
    a5, a4 = (r for r in reqs if r.value is not None)
    assert a5.applies_when.text.startswith("5A级景区") and a5.value == Decimal(100)
    assert (a4.applies_when.text, a4.subject, a4.value) == ("4A级景区", "4A级景区", Decimal(60))


def test_tasks_counted_in_a_lead_are_its_duties_and_an_ordinal_is_no_name():
    """各乡镇要做好三项工作：一是…；二是…；三是…: three duties of the townships. The lead named no
    list (no 下列), so its items had no modal word and the last one no party; and in 一是县安委办
    每季度组织一次督查 the ordinal was part of the party's name."""
    reqs = extract(
        "各乡镇要做好三项工作：一是每月至少开展一次安全检查；二是建立隐患整改台账；"
        "三是对重大隐患在24小时内上报。"
    )
    assert [(r.modality, r.subject) for r in reqs] == [("mandatory", "各乡镇")] * 3
    assert [r.subject for r in extract("加强督导检查，一是县安委办每季度组织一次督查。")] == [
        "县安委办"
    ]


@pytest.mark.parametrize(
    ("text", "month", "day"),
    [
        ("企业应当于每年1月至6月期间报送上一年度年度报告。", 6, 30),
        ("企业应当于每年3月至5月申报。", 5, 31),
        # guard: a window with its days, as before
        ("企业应当于每年1月1日至6月30日报送上一年度年度报告。", 6, 30),
    ],
)
def test_a_window_of_months_each_year_is_due_by_its_last_month_s_end(text, month, day):
    """企业应当于每年1月至6月期间报送上一年度年度报告: by June's end each year. A window written
    in months alone was read only with its days (1月1日至6月30日), so the duty was a frequency
    with no date to be late by."""
    (r,) = extract(text)
    assert (r.kind, r.due) == ("deadline", {"rule": "yearly_date", "month": month, "day": day})


@pytest.mark.parametrize(
    ("text", "value", "per", "per_count"),
    [
        ("每工作2小时，休息15分钟。", Decimal(15), "hour", Decimal(2)),
        ("高温天气作业每工作1小时，应安排休息不少于10分钟。", Decimal(10), "hour", None),
    ],
)
def test_a_rest_after_a_stretch_of_work_is_per_stretch(text, value, per, per_count):
    """每工作2小时，休息15分钟: a quarter hour's rest for every two hours worked. With a comma
    between them, the rest was dropped (or stood per nothing) and the stretch became an interval
    of its own. A rest after 每工作/驾驶 N小时 is per so many hours; the stretch is no row."""
    (r,) = extract(text)
    assert (r.kind, r.value, r.unit, r.per, r.per_count) == (
        "duration",
        value,
        "minute",
        per,
        per_count,
    )


def test_a_rest_after_a_continuous_stretch_is_owed_after_it():
    """驾驶员连续驾驶4小时，应当停车休息20分钟以上: after four hours' driving, twenty minutes'
    rest. The four hours were a requirement of their own (exactly four hours' driving); they are
    the case the rest is owed in."""
    (r,) = extract("驾驶员连续驾驶4小时，应当停车休息20分钟以上。")
    assert (r.value, r.unit, r.applies_when.comparator, r.applies_when.value) == (
        Decimal(20),
        "minute",
        ">=",
        Decimal(4),
    )


def test_two_bounds_of_or_more_joined_by_qie_are_both_met():
    """…应当经专有部分面积占比三分之二以上的业主且人数占比三分之二以上的业主同意: two thirds of the
    floor area and two thirds of the owners. Stop 70 read 过半数…且… as two bounds; with 以上 the
    first was still a case of the second, so a vote of the area's owners alone passed."""
    reqs = extract("应当经专有部分面积占比三分之二以上的业主且人数占比三分之二以上的业主同意。")
    assert [(r.comparator, r.unit, r.applies_when) for r in reqs] == [(">=", "%", None)] * 2


@pytest.mark.parametrize(
    "text",
    [
        "起步价为3公里10元。",
        "出租车驾驶员应当按照计价器显示金额收费，起步价为3公里10元，超过3公里的部分每公里2元。",
    ],
)
def test_a_base_fare_is_for_up_to_its_distance(text):
    """起步价为3公里10元: ten yuan for the first three kilometres or less. The distance was a case
    of exactly 3 km, so a 2 km trip had no fare; and after a duty's modal word in a phrase before
    (应当按照计价器…收费，), 3 km became a requirement of its own. A time or distance a price is
    for is at most it, whatever modal word an earlier phrase holds."""
    fare = extract(text)[-2 if "超过" in text else -1]
    assert (fare.value, fare.unit) == (Decimal(10), "元")
    assert (fare.applies_when.comparator, fare.applies_when.value) == ("<=", Decimal(3))


def test_an_amount_each_period_after_a_case_is_paid():
    """对80周岁以上的老年人，每月发放高龄津贴100元；90周岁以上的，每月200元；100周岁以上的，每月500元:
    three bands of an allowance. After the first, no verb says the amounts are paid, so the 200
    and 500 yuan were dropped as mere figures. An amount each period right after a case is the
    amount paid in that case."""
    reqs = extract(
        "对80周岁以上的老年人，每月发放高龄津贴100元；90周岁以上的，每月200元；100周岁以上的，"
        "每月500元。"
    )
    assert [(r.applies_when.value, r.value, r.per) for r in reqs] == [
        (Decimal(80), Decimal(100), "month"),
        (Decimal(90), Decimal(200), "month"),
        (Decimal(100), Decimal(500), "month"),
    ]
    assert extract("全市每月200元。") == []  # (no case: a figure, as before)


@pytest.mark.parametrize(
    ("text", "cases"),
    [
        (
            "停车泊位配建标准：住宅每户不少于1个，商业每100平方米建筑面积不少于0.8个，"
            "办公每100平方米建筑面积不少于0.6个。",
            ["住宅", "商业", "办公"],
        ),
        ("充电设施配建比例新建住宅应达到100%，公共停车场不低于20%。", ["新建住宅", "公共停车场"]),
        # guard: amounts per head for each grade, no bound, keep no case (as before)
        ("给予职业培训补贴，初级工每人1000元，中级工每人1500元。", [None, None]),
    ],
)
def test_bounds_of_one_measure_side_by_side_are_each_for_their_class(text, cases):
    """停车泊位配建标准：住宅每户不少于1个，商业每100平方米建筑面积不少于0.8个，办公…: parking for
    homes, shops and offices, each by its own rate. The classes are named by use, no word of a
    class list (城区, 一类) had them, so every rate stood for every building. Bounds of one
    measure side by side, each opening with a short name of its own, are each for their class."""
    assert [r.applies_when and r.applies_when.text for r in extract(text)] == cases


def test_continuous_driving_by_day_and_night_is_per_stretch_and_by_class():
    """客运车辆驾驶人24小时内累计驾驶时间不得超过8小时，日间连续驾驶不得超过4小时，夜间连续驾驶
    不得超过2小时: eight hours a day in all, and each stretch at most four hours by day, two by
    night. The stretches took the day as their period (four hours a day in all) and had no
    class, so a night stretch of three hours passed."""
    total, day, night = extract(
        "客运车辆驾驶人24小时内累计驾驶时间不得超过8小时，日间连续驾驶不得超过4小时，"
        "夜间连续驾驶不得超过2小时。"
    )
    assert (total.per, total.value, total.applies_when) == ("day", Decimal(8), None)
    assert [(r.per, r.value, r.applies_when.text) for r in (day, night)] == [
        (None, Decimal(4), "日间连续驾驶"),
        (None, Decimal(2), "夜间连续驾驶"),
    ]


def test_a_time_limit_after_one_from_an_event_counts_from_the_same_event():
    """网络订餐平台应当在接到消费者投诉后2小时内予以响应，24小时内予以处理: both from the complaint.
    The second limit had no trigger, so a finding could not say from when the 24 hours ran."""
    respond, handle = extract(
        "网络订餐平台应当在接到消费者投诉后2小时内予以响应，24小时内予以处理。"
    )
    assert respond.trigger == handle.trigger == "接到消费者投诉后"
    assert (handle.value, handle.unit) == (Decimal(24), "hour")


def test_a_clean_up_each_meal_is_a_frequency():
    """餐饮单位使用的餐具应当每餐次消毒: after every meal. It was a presence, so a canteen that
    sterilised its bowls once a day complied. A clean-up or sample taken 每餐次 is a frequency
    per meal (餐, the denominator 每餐 already reads)."""
    (r,) = extract("餐饮单位使用的餐具应当每餐次消毒。")
    assert (r.kind, r.per) == ("frequency", "餐")
