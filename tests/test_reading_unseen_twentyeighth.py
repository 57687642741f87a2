"""A twenty-eighth round of the reading, found by probing it with clauses written for the
purpose (never from the bundled gazettes): building sites and their dust, out-of-school training.
Each case is a clear error a probe found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "subject", "case"),
    [
        ("企业如发现隐患，应当立即报告。", "企业", "企业如发现隐患"),
        ("企业一旦发生泄漏，应当立即报告。", "企业", "企业一旦发生泄漏"),
        ("施工单位遇有大风天气，应当停止土方开挖。", "施工单位", "施工单位遇有大风天气"),
        ("区教育局一旦接到举报，应当在3日内核查。", "区教育局", "区教育局一旦接到举报"),
        # guards: the case opening the sentence, and a party's 时, as before
        ("如发现隐患，企业应当立即报告。", "企业", "如发现隐患"),
        ("企业发生事故时，应当立即报告。", "企业", "企业发生事故时"),
    ],
)
def test_a_party_then_its_if_is_a_case_the_party_acts_after(text, subject, case):
    (duty,) = extract(text)
    assert duty.subject == subject
    assert duty.applies_when is not None and duty.applies_when.text == case
    assert case not in duty.span and "应当" in duty.span


@pytest.mark.parametrize(
    "text",
    [
        "企业如实填报数据，不得弄虚作假。",  # 如实: truthfully, no if
        "企业待遇应当按时发放。",  # 待遇: pay, nothing met
    ],
)
def test_if_words_inside_other_words_open_no_case(text):
    assert all(r.applies_when is None for r in extract(text))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("遇4级以上大风天气应当停止土方开挖。", "应当停止土方开挖"),
        ("遇有重大活动须暂停施工。", "须暂停施工"),
        ("施工单位每日至少洒水降尘2次，遇4级以上大风天气应当停止土方开挖。", None),
        ("施工单位应当文明施工，遇有重大活动须暂停施工。", None),
    ],
)
def test_what_is_met_with_no_comma_is_when_the_duty_holds(text, span):
    *_, duty = extract(text)
    assert duty.kind == "presence" and duty.comparator is None
    assert duty.applies_when is not None and duty.applies_when.text.startswith("遇")
    if span is not None:
        assert duty.span == span


def test_the_wind_force_met_is_the_case_not_a_count_to_reach():
    rows = extract("施工单位每日至少洒水降尘2次，遇4级以上大风天气应当停止土方开挖。")
    assert [(r.kind, r.value) for r in rows] == [("frequency", Decimal(2)), ("presence", None)]
    when = rows[1].applies_when
    assert (when.comparator, when.value, when.unit) == (">=", Decimal(4), "级")


@pytest.mark.parametrize(
    "text",
    [
        "因特殊需要必须连续作业的，应当取得夜间施工许可证明。",
        "夜间禁止进行施工作业，因特殊需要必须连续作业的，应当取得夜间施工许可证明。",
    ],
)
def test_a_need_that_makes_a_thing_necessary_is_a_case(text):
    *_, duty = extract(text)
    assert duty.span == "应当取得夜间施工许可证明"
    assert duty.applies_when is not None
    assert duty.applies_when.text == "因特殊需要必须连续作业的"


@pytest.mark.parametrize(
    ("text", "case"),
    [
        (
            "县住建局对违反本通知规定的施工单位，处1万元以上10万元以下的罚款。",
            "县住建局对违反本通知规定的施工单位",
        ),
        ("区教育局对未按规定整改的培训机构，依法予以通报。", "区教育局对未按规定整改的培训机构"),
        (
            "市场监管部门对未取得许可证的经营者，应当责令停止经营。",
            "市场监管部门对未取得许可证的经营者",
        ),
    ],
)
def test_an_authority_and_the_ones_it_acts_on_a_case_the_authority_acts_in(text, case):
    """The case was cut before the ones it names (县住建局对违反本通知规定), and a sanction with no
    modal word had no one acting."""
    (row,) = extract(text)
    assert row.applies_when is not None and row.applies_when.text == case
    assert (row.subject, row.subject_kind) == (case.split("对", 1)[0], "authority")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("餐饮服务单位的食品留样量每个品种不少于125克。", "餐饮服务单位"),
        ("企业的注册资本不低于100万元。", "企业"),
        ("配送中心的储煤场地面积不低于500平方米。", "配送中心"),
        ("学校的生均图书不少于30册。", "学校"),
        # guards: where the text holds, no party's; a party's people, no thing of its own
        ("本市的企业数量不少于100家。", None),
        ("企业的负责人不少于2名。", None),
    ],
)
def test_a_thing_of_the_party_the_sentence_opens_with_is_bound_for_that_party(text, subject):
    """GUIDE 2: the party the sentence opens with; 企业的注册资本不低于… named no one."""
    (row,) = extract(text)
    assert row.subject == subject
    assert row.subject_kind == ("regulated" if subject else None)


@pytest.mark.parametrize(
    ("text", "classes"),
    [
        (
            "污水处理费征收标准为居民生活用水每立方米0.95元，非居民用水每立方米1.4元。",
            ["居民生活用水", "非居民用水"],
        ),
        # guards: the head's last character only, and a class before its measure, as before
        ("县级医院急诊科医生不少于5名，乡镇卫生院不少于2名。", ["县级医院", "乡镇卫生院"]),
        ("主要街道垃圾滞留时间不超过30分钟，其他街道不超过1小时。", ["主要街道", "其他街道"]),
    ],
)
def test_the_first_class_is_the_whole_head_after_the_measure_s_is(text, classes):
    """污水处理费征收标准为居民生活用水…: the class was 污水 (the 水 of 污水处理费)."""
    assert [r.applies_when.text for r in extract(text)] == classes


def test_a_class_after_a_retention_period_keeps_as_long():
    """住院病历不得少于30年 after 门诊病历保存期限…: was a duration to reach, not a retention."""
    rows = extract("医疗机构门诊病历保存期限不得少于15年，住院病历不得少于30年。")
    assert [(r.kind, r.value, r.applies_when.text) for r in rows] == [
        ("retention", Decimal(15), "门诊病历"),
        ("retention", Decimal(30), "住院病历"),
    ]


def test_a_distance_in_what_is_so_then_when_is_the_case_of_the_duty_after():
    """周围半径200米距离内有建筑物时，烟囱应…: the radius was a requirement (== 200 m), and the
    height above the tallest building a cap (最高建筑物 read as 最高, at most)."""
    rows = extract(
        "燃煤锅炉房烟囱高度不得低于45米（含），周围半径200米距离内有建筑物时，"
        "烟囱应高出最高建筑物3米以上。"
    )
    assert [(r.kind, r.comparator, r.value) for r in rows] == [
        ("measure", ">=", Decimal(45)),
        ("measure", ">=", Decimal(3)),
    ]
    assert rows[1].applies_when is not None and rows[1].applies_when.value == Decimal(200)


@pytest.mark.parametrize(
    "text",
    [
        "连续三年无安全事故的企业，保证金可降低50%。",
        "保证金可减少30%。",
        "补贴标准可提高10%。",
    ],
)
def test_a_change_by_a_share_allowed_is_a_permission_up_to_it(text):
    """可降低50%: no modal word was read (可降低 as what a thing does, 可降低污染), and the cut
    allowed was a floor to reach."""
    (row,) = extract(text)
    assert (row.modality, row.comparator) == ("permission", "<=")


@pytest.mark.parametrize("text", ["该措施可降低污染。", "能耗较2020年降低13.5%。"])
def test_what_a_thing_does_and_a_target_cut_stay_no_permission(text):
    assert all(r.modality != "permission" for r in extract(text))


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("驾驶员连续驾驶不得超过4小时。", "驾驶员"),
        ("经营者累计停业不得超过30日。", "经营者"),
        ("长途客车驾驶员连续驾驶4小时停车休息不少于20分钟。", "长途客车驾驶员"),
    ],
)
def test_a_party_then_how_long_in_a_row_or_in_all_acts(text, subject):
    """驾驶员连续驾驶…: no one acted (连续 and 累计 after a party's name read as part of it)."""
    *_, row = extract(text)
    assert (row.subject, row.subject_kind) == (subject, "regulated")


def test_a_sanction_after_a_party_s_case_stays_no_one_s():
    (row,) = extract("企业连续两年考核不合格的，取消其资格。")
    assert row.subject is None and row.applies_when is not None


def test_the_points_after_a_lead_name_who_acts_and_a_halt_is_a_duty():
    """一是钢铁、焦化企业…: the lead's party acted (the one after 一是 read as inside a phrase);
    二是砖瓦窑企业…全部停产: no row (停产, a halt ordered, no verb of a duty)."""
    rows = extract(
        "各类工业企业要严格落实错峰生产要求，一是钢铁、焦化企业在重污染天气橙色预警期间限产50%以上；"
        "二是砖瓦窑企业在11月15日至次年3月15日期间全部停产。"
    )
    assert [r.subject for r in rows] == ["各类工业企业", "钢铁、焦化企业", "砖瓦窑企业"]
    assert rows[2].kind == "presence" and rows[2].span.endswith("全部停产")


def test_a_halt_named_in_a_list_of_measures_goes_on_with_its_duty():
    rows = extract("依法严格落实查封、扣押、吊销证照，以及停产整顿、关闭取缔等执法措施。")
    assert [r.kind for r in rows] == ["presence"]


def test_the_ones_then_their_highest_amount_is_their_case():
    """夫妻双方均缴存的最高不超过60万元: the ones the higher cap is for had no case."""
    *_, row = extract("单身职工贷款额度最高不超过30万元，夫妻双方均缴存的最高不超过60万元。")
    assert (row.comparator, row.value) == ("<=", Decimal(600000))
    assert row.applies_when is not None and row.applies_when.text == "夫妻双方均缴存的"


def test_a_ratio_of_heads_names_its_measure_before_the_classes():
    """生师比小学不高于19:1，初中…: 生师比 was no measure's name, so 小学 no class."""
    rows = extract("义务教育学校生师比小学不高于19:1，初中不高于13.5:1。")
    assert [r.applies_when.text for r in rows] == ["小学", "初中"]
    assert [r.comparator for r in rows] == ["<=", "<="]


def test_a_time_s_utmost_is_the_same_time_limit():
    """最长不得超过6个月 after 整改期限一般不超过3个月: a stretch of its own (duration)."""
    rows = extract("整改期限一般不超过3个月，最长不得超过6个月。")
    assert [(r.kind, r.value) for r in rows] == [("deadline", Decimal(3)), ("deadline", Decimal(6))]


@pytest.mark.parametrize(
    "text",
    [
        "企业收到整改通知书后，应当在10日内提交整改方案，逾期未提交的，视为拒不整改。",
        "逾期不申请的，视为自动放弃。",
    ],
)
def test_what_a_silence_is_taken_as_is_no_duty(text):
    assert all("视为" not in r.span for r in extract(text))


def test_holding_a_thing_as_another_stays_a_duty():
    (row,) = extract("各部门要把安全生产视为头等大事。")
    assert row.subject == "各部门"


@pytest.mark.parametrize(
    "text",
    [
        "第二批（共12家）企业于2025年9月30日前完成验收。",
        "列入名单的企业（共12家）应当于2025年9月30日前完成验收。",
        "第一批企业（12家）于年底前完成整改。",
    ],
)
def test_how_many_a_name_names_in_its_aside_is_no_threshold(text):
    """（共12家）: a count to equal (== 12 家), or the case's number."""
    (row,) = extract(text)
    assert row.kind == "deadline" and row.value is None
    assert row.applies_when is None


def test_a_bound_in_an_aside_stays_a_requirement():
    rows = extract("配备专职安全员（不少于2名）。")
    assert [(r.comparator, r.value) for r in rows if r.value is not None] == [(">=", Decimal(2))]


@pytest.mark.parametrize(
    ("text", "case"),
    [
        ("评审应当在20个工作日内完成，特殊情况经批准可延长10个工作日。", "特殊情况"),
        ("评审应当在20个工作日内完成，特殊情况下经批准可延长10个工作日。", "特殊情况下"),
        ("特殊情况可延长至30日。", "特殊情况"),
    ],
)
def test_a_special_case_before_its_leave_is_the_leave_s_case(text, case):
    """特殊情况经批准可延长…: the leave had no case, as if allowed always."""
    *_, leave = extract(text)
    assert leave.modality == "permission"
    assert leave.applies_when is not None and leave.applies_when.text == case


def test_a_past_year_s_figure_with_what_was_done_in_all_is_a_report():
    """2024年…支出进度为92.5%，共支出2.8亿元: the rate was read as one to equal."""
    assert extract("2024年全市就业补助资金支出进度为92.5%，共支出2.8亿元。") == []
    assert extract("2023年全县共完成改厕12560户。") == []


def test_a_year_s_total_to_reach_is_a_target_not_a_report():
    """2025年全市累计完成改造不少于500户: read as a past year's total (累计), no row."""
    (row,) = extract("2025年全市累计完成改造不少于500户。")
    assert (row.comparator, row.value, row.unit) == (">=", Decimal(500), "户")


def test_a_stretch_inside_the_party_s_phrase_is_the_case_of_its_number():
    """钢铁企业在重污染天气橙色预警期间限产50%以上: the alert's stretch was no case (it was one only
    with a modal word after it, 应当限产…)."""
    (row,) = extract("钢铁企业在重污染天气橙色预警期间限产50%以上。")
    assert row.subject == "钢铁企业" and (row.comparator, row.value) == (">=", Decimal(50))
    assert row.applies_when is not None and row.applies_when.text == "在重污染天气橙色预警期间"
