"""Conditions a sentence opens with, in the forms the labelling guide names (GUIDE 3): the
things a duty is for, leave not given, a breach before its sanction, an exception or the ones
among many, each read as the duty's ``applies_when``, never as a requirement of its own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract
from checklists.standards.parties import condition_of


@pytest.mark.parametrize(
    ("text", "duty", "condition"),
    [
        # the things a duty is for, named by the noun after 的 (not a party who acts)
        ("储存易燃液体的仓库，必须设置防爆照明。", "必须设置防爆照明", "储存易燃液体的仓库"),
        ("已通过竣工验收的房屋，应当按规定办理登记。", "办理登记", "已通过竣工验收的房屋"),
        ("列入名录的古树名木，严禁砍伐。", "严禁砍伐", "列入名录的古树名木"),
        (
            "达不到建设标准的农家书屋，按服务人口核定补助资金。",
            "核定补助资金",
            "达不到建设标准的农家书屋",
        ),
        # the things a limit is for, then a measure of theirs and the limit (…的X，Y不超过…)
        (
            "挂牌督办的重大事故隐患，整改期限一般不超过90日。",
            "整改期限一般不超过90日",
            "挂牌督办的重大事故隐患",
        ),
        # a regulation's penalty clause: the rule broken and who did what, one condition
        (
            "违反本条例规定，燃气经营者未按照规定进行安全检查的，由燃气管理部门责令限期改正。",
            "由燃气管理部门责令限期改正",
            "违反本条例规定，燃气经营者未按照规定进行安全检查的",
        ),
        # the sentence's condition going on in the phrase before the duty: one condition
        (
            "对虚报冒领、截留挪用补助资金的，一经查实，全额收回补助资金。",
            "全额收回补助资金",
            "对虚报冒领、截留挪用补助资金的，一经查实",
        ),
        # a stretch of time, …时期 as …期间 (GUIDE 3)
        ("履行合同时期，要加强中间管理。", "要加强中间管理", "履行合同时期"),
        ("汛期施工期间，必须安排专人值守。", "必须安排专人值守", "汛期施工期间"),
        # leave not given
        ("未经规划部门批准，不得改变绿地用途。", "不得改变绿地用途", "未经规划部门批准"),
        ("未经检验合格，特种设备不得投入使用。", "不得投入使用", "未经检验合格"),
        # a breach, then its sanction after the comma
        ("经营者擅自涨价，由市场监管部门依法查处。", "依法查处", "经营者擅自涨价"),
        (
            "监理单位未按规定履行职责，追究有关人员责任。",
            "追究有关人员责任",
            "监理单位未按规定履行职责",
        ),
        (
            "申请人弄虚作假骗取补贴，责令退回已领取的资金。",
            "责令退回已领取的资金",
            "申请人弄虚作假骗取补贴",
        ),
        # the ones among many a number is of
        ("参加培训的学员中，取得证书的比例不低于80%。", "不低于80%", "参加培训的学员中"),
    ],
)
def test_an_opening_condition_is_the_duty_s_not_a_requirement(text, duty, condition):
    found = extract(text)
    (r,) = [r for r in found if duty in r.span]
    assert r.applies_when is not None and r.applies_when.text == condition
    assert not [r for r in found if condition in r.span]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a party picked out by 的 is who acts (its condition is what picks it out)
        ("使用燃气的餐饮企业，应当安装燃气泄漏报警器。", "餐饮企业"),
        ("负有监管职责的部门，应当公布举报电话。", "负有监管职责的部门"),
        # a party's own things: the party's duty, no condition
        ("企业新建项目的消防设施，必须与主体工程同时验收。", None),
    ],
)
def test_a_party_named_by_its_noun_is_who_acts_not_a_condition(text, subject):
    (r,) = extract(text)
    if subject is None:
        assert r.applies_when is None
    else:
        assert r.subject == subject


@pytest.mark.parametrize(
    "sentence",
    [
        "按照省政府的要求，各县应当完成排查。",
        "在现有工作的基础上，各部门要健全机制。",
        "企业在满足安全距离的同时，应当控制总量。",
    ],
)
def test_what_names_no_ones_is_no_condition(sentence):
    assert condition_of(sentence) is None


def test_the_requirements_a_duty_follows_are_no_condition():
    """按照…的要求，普及…: the basis it acts on (…的要求), not the ones it is for."""
    (r,) = extract("按照群众接受、经济适用、维护方便的要求，普及卫生厕所。")
    assert r.applies_when is None and r.span.endswith("普及卫生厕所")


def test_the_things_a_duty_is_for_leave_no_one_out():
    """…的装置，必须…: the sentence names what the duty is of, not a party the sentence
    before named (no subject carried over)."""
    found = extract("化工企业应当建立台账。涉及危险工艺的装置，必须装备紧急停车系统。")
    assert [(r.subject, r.applies_when is not None) for r in found] == [
        ("化工企业", False),
        (None, True),
    ]


def test_an_opening_list_picked_by_a_number_is_all_of_its_condition():
    """城镇学校、…、职数达到或超过比例的学校，…: the whole list picks out the ones."""
    (r,) = extract("城区学校、示范学校、高级职称达到或超过岗位设置比例的学校，交流比例不低于10%。")
    assert r.applies_when.text == "城区学校、示范学校、高级职称达到或超过岗位设置比例"
    assert (r.comparator, r.value) == (">=", Decimal(10))


@pytest.mark.parametrize(
    ("text", "duty", "condition"),
    [
        # an exception in the middle of a sentence, before the duty it excepts from
        (
            "指挥部组织总结评估，除四级响应外，响应终止3个工作日内报送总结。",
            "3个工作日内报送总结",
            "除四级响应外",
        ),
        # 对…的 right before a time limit, no comma
        ("乡镇审核材料，对符合条件的5个工作日内报县民政局审批。", "报县民政局审批", "对符合条件的"),
    ],
)
def test_a_condition_inside_the_sentence_is_the_next_duty_s(text, duty, condition):
    (r,) = [r for r in extract(text) if duty in r.span]
    assert r.applies_when is not None and r.applies_when.text == condition


@pytest.mark.parametrize(
    ("text", "subject", "condition"),
    [
        # a party, what it did, then the duty that follows it: the party acts, the act is when
        ("用人单位招用人员后，应当在30日内办理就业登记。", "用人单位", "用人单位招用人员后"),
        (
            "经营单位列入“重点监管名单”后，于10个工作日内提交整改方案。",
            "经营单位",
            "经营单位列入“重点监管名单”后",
        ),
        ("县民政局收到乡镇上报的申请后，及时审批。", "县民政局", "县民政局收到乡镇上报的申请后"),
        # a party's working hours, right before the modal word: the party acts in them
        ("药品零售企业营业时间内应当有执业药师在岗。", "药品零售企业", "药品零售企业营业时间内"),
        # leave not given names no one who acts
        ("未经县政府批准，不得设立专项资金。", None, "未经县政府批准"),
    ],
)
def test_who_did_what_a_duty_follows_acts(text, subject, condition):
    (r,) = extract(text)
    assert (r.subject, r.applies_when.text) == (subject, condition)


@pytest.mark.parametrize(
    ("text", "duty", "condition"),
    [
        # once something is done (经…后), or over (…结束), the duty after it is due: no duty of
        # its own (the ones it is for, 对…, stay the condition)
        ("经向上级财政部门备案后，及时收回统筹安排。", "收回统筹安排", "经向上级财政部门备案后"),
        ("对结余资金，经向上级财政部门备案后，及时收回统筹安排。", "收回统筹安排", "对结余资金"),
        ("整改结束，企业向镇街道提报销号报告。", "企业向镇街道提报销号报告", "整改结束"),
        # a breach with no 的, its sanction due promptly
        ("发现弄虚作假情况，及时做出处理。", "及时做出处理", "发现弄虚作假情况"),
    ],
)
def test_what_a_duty_follows_is_its_condition(text, duty, condition):
    found = extract(text)
    (r,) = [r for r in found if duty in r.span]
    assert r.applies_when is not None and r.applies_when.text == condition
    assert not [r for r in found if r.span == condition]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # not done within a time: the ones that took longer than it (a condition, no deadline)
        ("企业在3年内完不成搬迁的，不得扩大产能。", (">", Decimal(3), "year")),
        ("对30日内未整改的企业，应当依法处罚。", (">", Decimal(30), "day")),
        ("需要搬迁的企业3年内完不成的要做到近限远迁。", (">", Decimal(3), "year")),
        # a period named after 一个 is what the count after it is counted in
        (
            "对在一个考核年度内发生2次以上重大隐患的企业，列入重点监管名单。",
            (">=", Decimal(2), "次"),
        ),
        # done within it: within it, as written
        ("对30日内完成整改的企业，给予奖励。", ("<=", Decimal(30), "day")),
        ("储存量超过10吨的要设置围堰。", (">", Decimal(10), "t")),
    ],
)
def test_not_done_within_a_time_is_longer_than_it(text, expected):
    (r,) = extract(text)
    assert r.value is None and r.kind != "deadline"
    when = r.applies_when
    assert (when.comparator, when.value, when.unit) == expected


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        # 对…的 and a place: the places picked out (ranked, or falling behind)
        (
            "对考核排名后3位的县（市、区），由市政府约谈其主要负责人。",
            "对考核排名后3位的县（市、区）",
        ),
        ("对工作推进不力的乡镇，予以通报批评。", "对工作推进不力的乡镇"),
    ],
)
def test_places_picked_out_are_a_condition(text, condition):
    (r,) = extract(text)
    assert r.applies_when is not None and r.applies_when.text == condition


def test_the_ones_dealt_with_then_a_case_leave_the_party_before_acting():
    """对…的其他人员 (a word before the noun), then a second case, then 可以: the party the
    sentence before named acts, under both cases."""
    found = extract(
        "监察局加强对政府采购活动的监察。对参与政府采购活动的国家机关任命的其他人员，"
        "在监察过程中发现存在违法行为的，可以直接进行行政处分。"
    )
    assert [(r.span, r.subject) for r in found] == [
        ("监察局加强对政府采购活动的监察", "监察局"),
        ("可以直接进行行政处分", "监察局"),
    ]
    assert found[1].applies_when.text == (
        "对参与政府采购活动的国家机关任命的其他人员，在监察过程中发现存在违法行为的"
    )


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        # a marker of inclusivity between the number and its 的: still the ones picked out
        ("超过5层（含5层）的建筑应设置电梯。", ">="),
        ("超过5层的建筑应设置电梯。", ">"),
    ],
)
def test_a_number_with_its_marker_picks_out_the_ones(text, comparator):
    (r,) = extract(text)
    assert r.value is None and r.kind == "presence"
    assert (r.applies_when.comparator, r.applies_when.value, r.applies_when.unit) == (
        comparator,
        Decimal(5),
        "层",
    )


@pytest.mark.parametrize(
    "text",
    ["区应急局负责验收。同时，企业应当配合验收。", "区安委会办公室确认销号。同时，建立销号目录。"],
)
def test_at_the_same_time_is_no_time_a_duty_applies_in(text):
    """同时 ends in 时 but names no time: the duty after it applies whenever it would."""
    (r,) = [r for r in extract(text) if "同时" in r.span or r.span.startswith(("企业", "建立"))]
    assert r.applies_when is None


def test_a_duty_with_its_modal_word_picks_no_party_out():
    """配送中心（点）要有固定的场所，面积…: 场所 is a thing to have, the words before it a duty,
    not the ones a condition picks out (列入黑名单的企业，… is one)."""
    found = extract("配送中心（点）要有固定的场所，面积不低于500平方米。")
    assert [(r.span, r.applies_when) for r in found] == [
        ("配送中心（点）要有固定的场所", None),
        ("面积不低于500平方米", None),
    ]
    assert condition_of("列入黑名单的企业，不得参加评优。").text == "列入黑名单"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a directive opening with its verb is of the party the sentence before named, not of
        # the heading's parties
        (
            "(一)区直有关部门。临淄环保分局要强化统一监督管理职能。协调各部门履行环保监督职能。",
            "临淄环保分局",
        ),
        (
            "县财政局负责资金拨付。严格执行专项资金管理制度。",
            "县财政局",
        ),
        # no party before: none is made up
        ("严格执行专项资金管理制度。", None),
    ],
)
def test_a_directive_opening_with_its_verb_is_the_party_befores(text, subject):
    assert extract(text)[-1].subject == subject


def test_yuyi_and_what_is_done_is_a_duty():
    """予以 and its act (予以销号, 予以受理): a duty of whoever the text names, under its case."""
    found = extract("核查合格的，予以销号；不合格的，责令继续整改。")
    assert [(r.span, r.applies_when.text) for r in found] == [
        ("予以销号", "核查合格的"),
        ("责令继续整改", "不合格的"),
    ]


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        # a measure picking out the things to do away with: which ones, no threshold
        ("全市淘汰35蒸吨/小时以下燃煤锅炉。", ("35蒸吨/小时以下", "<=", Decimal(35), "蒸吨")),
        ("企业应当淘汰功率10千瓦以下的电机。", ("10千瓦以下", "<=", Decimal(10), "kW")),
    ],
)
def test_the_things_done_away_with_are_picked_out_by_their_measure(text, condition):
    (r,) = extract(text)
    assert r.value is None and r.kind == "presence"
    when = r.applies_when
    assert (when.text, when.comparator, when.value, when.unit) == condition


def test_how_many_to_do_away_with_is_a_target_and_which_ones_is_the_phrases_own():
    (target,) = extract("年内整治50处以上黑臭水体。")
    assert (target.comparator, target.value, target.unit) == (">=", Decimal(50), "处")
    first, second = extract("全市淘汰35蒸吨/小时以下燃煤锅炉，完成燃气锅炉低氮改造。")
    assert first.applies_when is not None and second.applies_when is None


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        # when, right before a permission: the condition of what is allowed
        ("夜间施工时可以适当延长作业时间。", "夜间施工时"),
        # 必要时: the discretion of the one allowed, nothing to check
        ("红色预警期间，中小学停止户外活动，必要时可以停课。", None),
        ("必要时，区安委会办公室可以组织专家进行论证。", None),
    ],
)
def test_when_before_a_permission_and_discretion(text, condition):
    last = extract(text)[-1]
    assert (last.applies_when.text if last.applies_when else None) == condition


def test_an_index_with_words_between_it_and_its_comparison_is_a_pure_number():
    (r,) = extract("当空气质量指数（AQI）日均值大于200且持续48小时以上时，启动橙色预警。")
    when = r.applies_when
    assert (when.comparator, when.value) == (">", Decimal(200))


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # an inspected party's heading: what is done to it has no actor named
        ("（一）燃气经营企业。重点检查经营许可情况，对无证经营的，依法予以取缔。", None),
        # its own duties are its own
        ("（一）燃气经营企业。建立钢瓶追溯系统。", "燃气经营企业"),
        # an authority's heading: its inspections are its own
        ("（二）各镇、街道。重点检查环保手续落实情况。", "各镇、街道"),
    ],
)
def test_what_a_section_does_to_the_party_its_heading_names(text, subject):
    assert extract(text)[0].subject == subject


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # an item of a list of criteria: what an applicant must meet (no title ending in 标准)
        ("3.家庭人均收入低于当地最低生活保障标准。", "家庭人均收入低于当地最低生活保障标准"),
        ("1.具有本市户籍；", "具有本市户籍"),
        ("2.具备相应的资质条件。", "具备相应的资质条件"),
    ],
)
def test_an_item_of_criteria_is_a_requirement(text, span):
    assert [r.span for r in extract(text)] == [span]


def test_a_title_ending_in_its_kind_is_still_no_requirement():
    assert extract("冠县重污染天气监测预警和应急处置预案") == []


def test_a_party_labelling_its_duties_acts_in_them():
    """职责分工: 市财政局：负责…，…: the label names who acts, and is no duty itself."""
    found = extract("（一）市人力资源社会保障局：负责政策制定和组织实施，做好资金使用的监督管理。")
    assert [(r.span, r.subject) for r in found] == [
        ("负责政策制定和组织实施", "市人力资源社会保障局"),
        ("做好资金使用的监督管理", "市人力资源社会保障局"),
    ]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a level of government acting as such
        ("属于县乡共同事权的，县级通过安排专项资金承担相应支出责任。", "县级"),
        ("属于乡镇级事权的，县级一般不安排专项资金。", "县级"),
        # 县级以上… is the start of a longer name
        ("县级以上人民政府应当建立协调机制。", "县级以上人民政府"),
    ],
)
def test_a_level_of_government_acts(text, subject):
    assert extract(text)[-1].subject == subject


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # an item of a standard: what a thing is to be, each phrase a requirement of its own
        (
            "4、配送点的整体外墙颜色为深灰或浅灰色，规划设计要与周边环境相适应。",
            ["配送点的整体外墙颜色为深灰或浅灰色", "规划设计要与周边环境相适应"],
        ),
        ("7、办公用房干净、整洁，消防通道畅通。", ["办公用房干净、整洁", "消防通道畅通"]),
    ],
)
def test_what_a_thing_of_a_standard_is_to_be_is_a_requirement(text, spans):
    assert [r.span for r in extract(text)] == spans


def test_the_things_a_duty_is_for_before_the_party_that_acts_on_them():
    first = extract(
        "挂牌督办的重大事故隐患，生产经营单位应当在收到通知书之日起10个工作日内制定整改方案。"
    )[0]
    assert first.subject == "生产经营单位"
    assert first.applies_when is not None and first.applies_when.text == "挂牌督办的重大事故隐患"


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        # an aside on the unit before the 的 (每个聘期3年): part of the noun, no requirement
        (
            "连续任教超过两个聘期（每个聘期3年）的城镇专任教师，原则上应当交流轮岗。",
            (">", Decimal(2), "聘期"),
        ),
        (
            "连续任教超过两个聘期(每个聘期三年)的教师，原则上应当交流轮岗。",
            (">", Decimal(2), "聘期"),
        ),
        # 同一所 is "the same one", no count of one; a term of office counted is its unit
        ("在同一所学校连续任职满两个任期的校长，应当交流。", (">=", Decimal(2), "任期")),
    ],
)
def test_an_aside_on_the_unit_is_part_of_the_ones_picked_out(text, condition):
    (r,) = extract(text)
    assert r.value is None and r.kind == "presence"
    c = r.applies_when
    assert (c.comparator, c.value, c.unit) == condition


def test_the_ones_named_in_a_second_phrase_are_the_topic_not_a_duty():
    # …的在编教师，已聘任中级职务的城镇专任教师，原则上应当…: who the duty is for, in two groups
    reqs = extract(
        "在同一所学校连续工作10年以上的在编教师，已聘任中级职务的城镇专任教师，原则上应当交流轮岗。"
    )
    assert len(reqs) == 1
    assert reqs[0].span.endswith("原则上应当交流轮岗")
    assert reqs[0].applies_when.value == Decimal(10)


@pytest.mark.parametrize(
    "text",
    [
        "在同一所学校任教的教师，应当交流。",
        "对某一家企业检查的人员，应当回避。",
        "任一个检查组发现问题的，应当报告。",
    ],
)
def test_the_same_or_any_one_is_no_count(text):
    (r,) = extract(text)
    c = r.applies_when
    assert r.value is None and c is not None and c.value is None and c.text


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "承担示范任务的中小学，有寄宿学生的中小学，以及育龄女教师较多的中小学，"
            "可按不超过教职工总量5%的比例增加教师编制。",
            "可按不超过教职工总量5%",
        ),
        (
            "有寄宿学生的中小学，承担教学点管理任务的乡镇中心小学，可适当增加教师编制。",
            "可适当增加教师编制",
        ),
    ],
)
def test_a_list_of_the_ones_a_duty_is_for_is_all_of_its_condition(text, span):
    (r,) = extract(text)
    assert r.span == span
    assert r.applies_when is not None and r.applies_when.text == text.split("，可")[0]
    assert r.subject is None  # (可适当增加教师: what they may do, no name)


@pytest.mark.parametrize(
    ("text", "condition", "value"),
    [
        # a case then its modal word, no comma, the number the duty's after it
        ("整改时限不超过30日，情况复杂的可延长至60日。", "情况复杂的", Decimal(60)),
        ("情况特殊的可以延长30日。", "情况特殊的", Decimal(30)),
    ],
)
def test_a_case_before_a_numbered_duty_is_its_condition(text, condition, value):
    r = extract(text)[-1]
    assert r.value == value and r.applies_when is not None
    assert r.applies_when.text == condition and r.applies_when.value is None


@pytest.mark.parametrize(
    "text",
    [
        "同一企业在一个年度内被抽查次数原则上不超过2次。",
        "同一市场主体在一个自然年度内被抽查不超过2次。",
        "同一企业一年内被抽查不超过2次。",
    ],
)
def test_a_count_within_one_year_is_per_year_and_the_party_it_is_done_to_acts_not(text):
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit, r.per) == ("<=", Decimal(2), "次", "year")
    assert r.subject is None  # 被抽查: what is done to it; the inspectors act


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("被检查单位应当配合检查。", "被检查单位"),  # 被 inside the name
        ("企业被约谈后要立即整改。", "企业"),  # a case, after which it acts
        ("企业被抽查时应当如实提供资料。", "企业"),
    ],
)
def test_a_passive_case_before_the_duty_leaves_the_party_acting(text, subject):
    assert extract(text)[-1].subject == subject


def test_while_something_goes_on_is_a_condition_not_a_duty():
    (r,) = extract("在检查中，企业应当配合。")
    assert r.span == "企业应当配合" and r.subject == "企业"
    assert r.applies_when is not None and r.applies_when.text == "在检查中"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("年度考核结果为不合格的，扣除当年保证金的50%。", Decimal(50)),
        ("验收合格后，退还保证金的80%。", Decimal(80)),
    ],
)
def test_the_share_a_sanction_or_a_refund_takes_is_a_requirement(text, value):
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == ("==", value, "%")
    assert r.applies_when is not None


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("2019年底前，完成10蒸吨以下燃煤锅炉淘汰任务。", "10蒸吨以下燃煤锅炉"),
        ("完成20蒸吨及以下的燃煤锅炉拆除工作。", "20蒸吨及以下的燃煤锅炉"),
    ],
)
def test_the_things_a_task_does_away_with_are_picked_out_by_their_measure(text, condition):
    (r,) = extract(text)
    assert r.value is None  # no threshold of 10 蒸吨 to meet
    assert r.applies_when is not None and r.applies_when.text == condition
    assert r.applies_when.comparator == "<="


def test_how_many_to_do_away_with_stays_a_target():
    (r,) = extract("完成50家以上企业整治任务。")
    assert (r.comparator, r.value, r.unit) == (">=", Decimal(50), "家")


def test_an_aside_of_duties_inside_a_case_is_read_as_duties_and_the_case_stays_whole():
    reqs = extract(
        "经验收合格（应具备完备的建设手续，同时必须提供真实、完整的财务资料）的，"
        "县政府按每个中心5万元的标准予以奖励。"
    )
    assert [r.span for r in reqs] == [
        "应具备完备的建设手续",
        "同时必须提供真实、完整的财务资料",
        "县政府按每个中心5万元",
    ]
    assert reqs[-1].value == Decimal(50000) and reqs[-1].subject == "县政府"
    assert reqs[-1].applies_when is not None and reqs[-1].applies_when.text == "经验收合格"


def test_an_aside_of_a_duty_after_its_duty_is_one_of_its_own():
    spans = [r.span for r in extract("企业应当配备专职安全员（应具备相应资格）。")]
    assert spans == ["企业应当配备专职安全员", "应具备相应资格"]


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        # the ones an exception leaves out: the duty applies to the others, no requirement
        (
            "企业应当建立安全生产责任制，但从业人员10人以下的小微企业除外。",
            (">", Decimal(10), "人"),
        ),
        ("企业应当配备专职安全员，从业人员不足30人的除外。", (">=", Decimal(30), "人")),
    ],
)
def test_an_exception_by_a_number_is_when_the_duty_before_it_applies(text, condition):
    (r,) = extract(text)
    assert r.value is None and r.kind == "presence" and r.subject == "企业"
    c = r.applies_when
    assert c is not None and c.text.endswith("除外")
    assert (c.comparator, c.value, c.unit) == condition


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # the noun after 的 opens with a modal's character (应急, 处理, 可行): what is done,
        # not ones picked out for a duty after them
        ("企业每年应组织不少于一次的应急演练。", "企业每年应组织不少于一次的应急演练"),
        ("企业每季度至少开展两次的处理演练。", "企业每季度至少开展两次的处理演练"),
    ],
)
def test_a_count_of_a_noun_that_opens_like_a_modal_is_no_condition(text, span):
    (r,) = extract(text)
    assert r.applies_when is None
    assert r.span == span and r.comparator == ">="


def test_the_ones_a_number_picks_out_spared_a_duty_state_no_requirement():
    """…500万元以下的小微企业，免于年度审计: which enterprises are spared, not a ceiling on sales
    (a compliant enterprise above it would otherwise be scored 不合格)."""
    assert extract("年销售额在500万元以下（不含500万元）的小微企业，免于年度审计。") == []
    (r,) = extract("年销售额在500万元以下的小微企业，可以免于年度审计。")
    assert r.modality == "permission" and r.applies_when.value == Decimal("5000000")


@pytest.mark.parametrize(
    "text",
    [
        "生产经营单位在接到整改通知之日起15日内，向区安委会办公室提交整改报告。",
        "施工单位自收到通知之日起10个工作日内，报送整改方案。",
        # the basis it is done on, between the time and the act
        "采购人应当自中标通知书发出之日起30日内，按照采购文件的规定，与中标人签订书面合同。",
    ],
)
def test_a_deadline_reaches_to_what_is_handed_in_by_then(text):
    (r,) = extract(text)
    assert r.kind == "deadline" and r.span == text.rstrip("。")


@pytest.mark.parametrize(
    ("text", "condition", "value"),
    [
        # the ones among many, then a number picking out which of them: one condition
        (
            "上述企业中，年产量超过1万吨的，应当安装在线监测设备。",
            "上述企业中，年产量超过1万吨的",
            Decimal(10000),
        ),
        # among the funds a notice hands down
        ("本次下达资金中，用于职业培训的部分应当单独核算。", "本次下达资金中", None),
    ],
)
def test_the_ones_among_many_then_a_number_is_one_condition(text, condition, value):
    (r,) = extract(text)
    assert r.modality == "mandatory"
    assert (r.applies_when.text, r.applies_when.value) == (condition, value)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # the party that finds the breach acts on it, not the one found at fault
        ("监管部门发现企业存在重大隐患的，应当责令立即停产整改。", "监管部门"),
        ("检查人员发现企业存在违法行为的，应当责令改正。", "检查人员"),
        ("燃气经营企业发现用户存在安全隐患的，应当书面告知用户。", "燃气经营企业"),
        # the ones sanctioned are no one who acts
        ("凡未按期完成整改的单位，一律通报批评。", None),
    ],
)
def test_who_finds_the_case_acts_on_it(text, subject):
    (r,) = extract(text)
    assert r.subject == subject and r.applies_when is not None


def test_the_ones_dealt_with_before_进行_a_sanction_are_its_condition():
    found = extract("对工作成效突出的予以表扬，对工作不力的进行通报批评。")
    assert [r.applies_when.text for r in found] == ["对工作成效突出的", "对工作不力的"]


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        # while a thing is done (…履行中，), then the ones who need to (…需追加…的): one case;
        # the party it opens with acts (采购人), its 需 no duty
        ("合同履行中，采购人追加货物的，可以签订补充合同。", "合同履行中，采购人追加货物的"),
        (
            "采购人需追加与合同标的相同的货物的，可以与供应商协商签订补充合同。",
            "采购人需追加与合同标的相同的货物的",
        ),
    ],
)
def test_while_it_is_done_and_the_ones_who_need_to_are_the_case(text, condition):
    (r,) = extract(text)
    assert (r.modality, r.subject, r.applies_when.text) == ("permission", "采购人", condition)


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        # the things, then the verb ending the phrase (…全部淘汰) or how it is done (完成…改造)
        (
            "2021年底前，全县10蒸吨/小时及以下燃煤锅炉全部淘汰。",
            ("10蒸吨/小时及以下燃煤锅炉", "<=", Decimal(10)),
        ),
        ("35蒸吨以上锅炉完成超低排放改造。", ("35蒸吨以上锅炉", ">=", Decimal(35))),
    ],
)
def test_the_things_before_their_verb_are_picked_out_no_threshold(text, condition):
    (r,) = extract(text)
    assert r.value is None
    assert (r.applies_when.text, r.applies_when.comparator, r.applies_when.value) == condition


def test_an_amount_per_steam_tonne_is_a_rate():
    (r,) = extract("县财政对按期完成淘汰的锅炉给予每蒸吨3万元补助。")
    assert (r.value, r.unit, r.per) == (Decimal(30000), "元", "蒸吨")


@pytest.mark.parametrize(
    ("text", "expected", "condition"),
    [
        # an age band picks out who a benefit is for; the amount is the requirement
        ("80周岁以上老年人每人每月发放高龄津贴100元。", (Decimal(100), "month"), Decimal(80)),
        ("60至69周岁的低收入老年人每人每月补贴30元。", (Decimal(30), "month"), None),
        ("对80至89周岁的老年人，每人每月发放高龄津贴50元。", (Decimal(50), "month"), None),
        # the ones an opening phrase picks out, what follows has no modal word
        ("营运年限超过8年的客车，每季度进行一次安全检查。", (Decimal(1), "quarter"), Decimal(8)),
        ("种植面积50亩（含）以上的种粮大户，每亩补贴80元。", (Decimal(80), "亩"), Decimal(50)),
        ("购置5吨以上的农用车辆，每台补贴3000元。", (Decimal(3000), "台"), Decimal(5)),
    ],
)
def test_the_ones_a_number_picks_out_before_what_they_get(text, expected, condition):
    (r,) = extract(text)
    assert (r.value, r.per) == expected
    assert r.applies_when is not None and r.applies_when.value == condition


def test_a_schedule_of_benefits_by_age_is_one_row_per_band():
    found = extract(
        "年满80周岁至89周岁的老年人，每人每月发放高龄津贴50元；90周岁至99周岁的，每人每月100元；"
        "100周岁及以上的，每人每月300元。"
    )
    assert [r.value for r in found] == [Decimal(50), Decimal(100), Decimal(300)]
    assert [r.applies_when.comparator for r in found] == ["range", "range", ">="]
    bands = [(r.applies_when.low, r.applies_when.high, r.applies_when.unit) for r in found[:2]]
    assert bands == [(Decimal(80), Decimal(89), "age_year"), (Decimal(90), Decimal(99), "age_year")]


@pytest.mark.parametrize(
    ("text", "low", "high", "unit", "value"),
    [
        # a range picks the ones out: both bounds, never one of them dropped
        ("年满60周岁至79周岁的老年人，每人每月发放50元。", 60, 79, "age_year", 50),
        ("建筑面积在1万平方米至5万平方米的项目，应配备2名专职安全员。", 10000, 50000, "m²", 2),
        ("对年营业收入500万元至2000万元的企业，每年检查不少于1次。", 5000000, 20000000, "元", 1),
    ],
)
def test_a_range_that_picks_the_ones_out_keeps_both_bounds(text, low, high, unit, value):
    (r,) = extract(text)
    when = r.applies_when
    assert (when.comparator, when.low, when.high, when.unit) == ("range", low, high, unit)
    assert when.to_dict()["low"] == str(low) and when.to_dict()["high"] == str(high)
    assert r.value == value


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("每人每月发放50元。", "month"),
        ("每人发放50元。", "人"),
        ("对符合条件的困难职工，一次性发给慰问金500元。", None),
    ],
)
def test_an_amount_paid_out_is_the_standard_paid(text, per):
    (r,) = extract(text)
    assert (r.comparator, r.unit, r.per) == ("==", "元", per)
    assert r.value in (50, 500)


@pytest.mark.parametrize("text", ["全区共发放稳岗补贴800万元。", "2023年累计发放救助金1200万元。"])
def test_an_amount_paid_out_in_all_is_a_report(text):
    assert extract(text) == []


@pytest.mark.parametrize(
    "text", ["年龄在60周岁以上的老人乘坐公交车免费。", "不足1万元的，按1万元计算。"]
)
def test_the_ones_spared_or_counted_otherwise_state_no_requirement(text):
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # 学时/课时/工时 are no time a duty follows (…时，): two limits, no condition
        (
            "新上岗从业人员岗前安全培训时间不得少于24学时，危险化学品企业不得少于72学时。",
            [Decimal(24), Decimal(72)],
        ),
        (
            "教师每学年参加继续教育培训不少于72学时，五年累计不少于360学时。",
            [Decimal(72), Decimal(360)],
        ),
    ],
)
def test_hours_of_study_are_no_time_a_duty_follows(text, values):
    found = extract(text)
    assert [r.value for r in found] == values
    assert all(r.applies_when is None for r in found)
    # (五年累计: a window of its own, not the year of the limit before it)
    assert found[-1].per != "year" or "五年" not in found[-1].span


def test_each_band_of_a_progressive_rate_is_its_rate_s_condition():
    found = extract(
        "代理服务费按差额定率累进法计算，100万元以下部分按1.5%收取，100万元至500万元部分按1.1%"
        "收取，500万元以上部分按0.8%收取。"
    )
    assert [r.value for r in found] == [Decimal("1.5"), Decimal("1.1"), Decimal("0.8")]
    assert [r.applies_when.text for r in found] == [
        "100万元以下",
        "100万元至500万元",
        "500万元以上",
    ]


@pytest.mark.parametrize(
    "text",
    ["种粮大户是指耕种面积在50亩以上的农户。", "本办法所称小微企业，是指从业人员100人以下的企业。"],
)
def test_a_definition_states_no_requirement(text):
    assert extract(text) == []


def test_shares_listed_after_their_name_are_each_a_row():
    found = extract("保费补贴比例为：中央财政40%，省级财政25%，市县财政15%，农户自缴20%。")
    assert [(r.comparator, r.value) for r in found] == [
        ("==", Decimal(40)),
        ("==", Decimal(25)),
        ("==", Decimal(15)),
        ("==", Decimal(20)),
    ]


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        # a sanction on the ones in breach is no duty of theirs (GUIDE 1.3): no one named
        ("砖瓦企业年产能低于6000万块的，一律予以关停。", "砖瓦企业年产能低于6000万块的"),
        ("资金拨付后，项目单位应在3个月内开工建设，逾期未开工的，收回资金。", "逾期未开工的"),
        ("定点医疗机构不得超过规定标准收费，违者取消定点资格。", "违者"),
    ],
)
def test_a_sanction_on_the_ones_in_breach_names_no_one_acting(text, condition):
    r = extract(text)[-1]
    assert r.subject is None and r.applies_when.text == condition


def test_the_party_a_conditional_opens_with_is_named_without_its_if():
    (r,) = extract("若单位年度综合能耗超过5000吨标准煤，则应当开展能源审计。")
    assert r.subject == "单位" and r.applies_when.value == Decimal(5000)


def test_a_later_duty_of_the_sentence_repeats_no_opening_condition():
    """GUIDE 3: the opening condition is its first duty's; the number inside it is not read
    again as a condition of the duty after."""
    first, second = extract(
        "对日处理能力500吨以上的污水处理厂，应当安装在线监测设备，并与生态环境部门联网。"
    )
    assert first.applies_when.value == Decimal(500) and second.applies_when is None


def test_a_duty_s_words_before_a_place_are_no_name():
    found = extract("抢修人员接到报警后，城区应在30分钟内、乡镇应在60分钟内到达现场。")
    assert all("分钟" not in (r.subject or "") for r in found)


def test_how_often_a_party_is_inspected_is_no_duty_of_its_own():
    found = extract("风险等级为C级、D级的企业每年检查次数分别不少于3次、4次。")
    assert [(r.value, r.per, r.subject) for r in found] == [
        (Decimal(3), "year", None),
        (Decimal(4), "year", None),
    ]


def test_a_period_it_is_in_opens_a_case():
    (r,) = extract("森林防火期内，在森林防火区内禁止野外用火。")
    assert r.kind == "prohibition" and r.applies_when.text == "森林防火期内"


@pytest.mark.parametrize(
    ("text", "value"),
    [("饮用水水源地水质达标率保持100%。", 100), ("门诊慢特病待遇报销比例65%。", 65)],
)
def test_a_rate_named_before_its_share_is_a_target(text, value):
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == ("==", Decimal(value), "%")


@pytest.mark.parametrize(
    ("text", "condition", "value"),
    [
        # an inspected party's case over two phrases, ending 的: one condition, its numbers its own
        (
            "企业吸纳登记失业半年以上人员就业，并签订1年以上劳动合同的，按每人1000元给予一次性吸纳就业补贴。",
            "企业吸纳登记失业半年以上人员就业，并签订1年以上劳动合同的",
            Decimal(1000),
        ),
        # a measure over a threshold, then 时: when the duty after it applies
        ("日降雨量超过30毫米时，必须组织群众转移。", "日降雨量超过30毫米时", None),
        (
            "凡列入地质灾害隐患点的区域，汛期每日降雨量超过30毫米时，必须组织群众转移。",
            "汛期每日降雨量超过30毫米",
            None,
        ),
    ],
)
def test_cases_over_phrases_and_thresholds_before_shi_are_conditions(text, condition, value):
    (r,) = extract(text)
    assert r.applies_when.text == condition and r.value == value


def test_the_measure_compared_is_the_condition_s_number_not_its_window():
    (r,) = extract("当24小时降雨量达到50毫米以上时，各镇（街道）应当立即启动应急响应。")
    assert (r.applies_when.comparator, r.applies_when.value, r.applies_when.unit) == (
        ">=",
        Decimal(50),
        "mm",
    )


def test_an_exception_in_brackets_is_the_one_before_it_s():
    found = extract(
        "用人单位招用就业困难人员，签订1年以上劳动合同并缴纳社会保险费的，给予社会保险补贴，"
        "期限不超过3年（距法定退休年龄不足5年的除外）。"
    )
    assert [r.value for r in found] == [None, Decimal(3)]
    assert found[-1].applies_when.text == "距法定退休年龄不足5年的除外"
    assert found[0].applies_when.value == Decimal(1)


@pytest.mark.parametrize(
    "text",
    [
        "全年共开展消防安全检查2.3万次，整改火灾隐患1.8万处。",
        "《国土空间调查、规划、用途管制用地用海分类指南》（自然资办发〔2023〕234号）同步执行。",
    ],
)
def test_what_was_done_in_all_and_a_document_applied_too_state_nothing(text):
    assert extract(text) == []


def test_each_age_band_is_the_condition_of_its_own_limit():
    first, second = extract(
        "托育机构每名保育人员照护2岁以下婴幼儿不超过3人，照护2至3岁幼儿不超过5人。"
    )
    assert (first.value, first.applies_when.value) == (Decimal(3), Decimal(2))
    assert (second.value, second.applies_when.text) == (Decimal(5), "照护2至3岁")


def test_long_names_of_things_limited_are_the_limit_s_condition():
    found = extract(
        "临时用地期限一般不超过2年；建设周期较长的能源、交通、水利等基础设施建设项目，临时用地期限不超过4年。"
    )
    assert found[0].applies_when is None
    assert found[1].applies_when.text == "建设周期较长的能源、交通、水利等基础设施建设项目"


def test_a_time_from_an_event_is_a_deadline_not_a_period():
    """认定后1个月内实现至少1人就业: within a month of it, not one a month."""
    found = extract("零就业家庭应在认定后1个月内实现至少1人就业。")
    assert (found[0].kind, found[0].value, found[0].unit) == ("deadline", Decimal(1), "month")
    assert all(r.per != "month" for r in found)


def test_a_name_after_a_time_aside_is_whole_and_reachable_round_the_clock():
    (r,) = extract("汛期（每年5月1日至9月30日）各级防汛责任人应当24小时保持通讯畅通。")
    assert r.subject == "各级防汛责任人" and (r.value, r.unit, r.per) == (
        Decimal(24),
        "hour",
        "day",
    )
