"""An eleventh round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): childcare and elderly care, wage guarantees, grain
reserves, forestry, animal health, fireworks, pharmacies and statistics. Each case is a clear
error a probe found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "limit", "when"),
    [
        (
            "乳儿班（6至12个月）每班不超过10人。",
            ("<=", Decimal(10), "人"),
            ("乳儿班（6至12个月）", "range", Decimal(6), Decimal(12), "month"),
        ),
        (
            "一类地区（年降水量800毫米以上）每亩补助100元。",
            ("==", Decimal(100), "元"),
            ("一类地区（年降水量800毫米以上）", ">=", Decimal(800), None, "mm"),
        ),
        (
            "中型企业（从业人员300人以上）应当配备不少于2名专职安全管理人员。",
            (">=", Decimal(2), "名"),
            ("中型企业（从业人员300人以上）", ">=", Decimal(300), None, "人"),
        ),
    ],
)
def test_a_bound_in_brackets_after_a_class_says_which_ones(text, limit, when):
    """乳儿班（6至12个月）每班不超过10人: the bracket says which classes the limit is for. It was
    a requirement of its own (a range of months to meet), and the limit had no case."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == limit
    a = r.applies_when
    assert a is not None
    low = a.low if a.comparator == "range" else a.value
    assert (a.text, a.comparator, low, a.high, a.unit) == when


def test_each_class_in_brackets_is_the_case_of_its_own_limit():
    """After an opening case of the whole sentence, each class's bracket is the nearer one:
    托小班（12至24个月） is the case of 每班不超过15人, not 托育机构收托3岁以下."""
    found = extract(
        "托育机构收托3岁以下婴幼儿，乳儿班（6至12个月）每班不超过10人，"
        "托小班（12至24个月）每班不超过15人。"
    )
    assert [(r.value, r.applies_when.text) for r in found] == [
        (Decimal(10), "乳儿班（6至12个月）"),
        (Decimal(15), "托小班（12至24个月）"),
    ]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a requirement in brackets after what it is of stays a requirement
        ("施工单位应当配备专职安全员（不少于2名）。", [None, Decimal(2)]),
        # what a unit is, in brackets after a number
        (
            "连续任教超过两个聘期(每个聘期3年)的教师，原则上应当交流轮岗。",
            [None],
        ),
    ],
)
def test_brackets_that_name_no_class_read_as_before(text, values):
    assert [r.value for r in extract(text)] == values


@pytest.mark.parametrize(
    ("text", "cases"),
    [
        (
            "职工带薪年休假：累计工作已满1年不满10年的，年休假5天；已满10年不满20年的，年休假10天。",
            [
                (Decimal(5), "range", Decimal(1), Decimal(10)),
                (Decimal(10), "range", Decimal(10), Decimal(20)),
            ],
        ),
        (
            "补助标准：年满80周岁以上的，每人每月100元。",
            [(Decimal(100), ">=", Decimal(80), None)],
        ),
    ],
)
def test_a_topic_and_its_colon_before_a_case(text, cases):
    """职工带薪年休假：累计工作已满1年不满10年的，年休假5天: the topic and its colon open the
    sentence, the case after them is still the case of the number that follows. The years were
    two requirements (≥ 1 年, < 10 年) and the 5 days had no case."""
    found = extract(text)
    got = []
    for r in found:
        a = r.applies_when
        assert a is not None, r.span
        low = a.low if a.comparator == "range" else a.value
        got.append((r.value, a.comparator, low, a.high))
    assert got == cases


def test_a_topic_before_amounts_alone_stays_their_topic():
    """职业培训补贴标准：初级工每人1000元: no case after the colon, the amounts keep their topic."""
    assert [r.value for r in extract("职业培训补贴标准：初级工每人1000元，中级工每人1500元。")] == [
        Decimal(1000),
        Decimal(1500),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "从业人员在100人以上不满300人的，应当配备2名专职安全员。",
        "从业人员在100人以上300人以下的，应当配备2名专职安全员。",
    ],
)
def test_a_range_of_staff_is_a_case_not_who_acts(text):
    """从业人员在100人以上不满300人的，应当配备…: how many staff the firm has, as 在100人以上的
    already read; the staff were the subject of the duty."""
    (r,) = extract(text)
    assert r.subject is None
    assert (r.applies_when.comparator, r.applies_when.low) == ("range", Decimal(100))


def test_a_range_of_ratios_is_one_range_each_class_its_own():
    """幼儿园教职工与幼儿比例为全日制1:5至1:7，半日制1:8至1:10: a range of ratios, each as the
    share its first term is of its second, smaller end first. It gave no row at all."""
    found = extract("幼儿园教职工与幼儿比例为全日制1:5至1:7，半日制1:8至1:10。")
    assert [(r.comparator, r.low, r.high, r.unit) for r in found] == [
        ("range", Decimal("14.2857"), Decimal(20), "%"),
        ("range", Decimal(10), Decimal("12.5"), "%"),
    ]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("师生比不低于1:15。", [Decimal("6.6667")]),
        ("保育员与幼儿比例：托小班1:5，托大班1:7。", [Decimal(20), Decimal("14.2857")]),
        ("按照5:5比例分担。", []),
    ],
)
def test_ratios_alone_read_as_before(text, values):
    assert [r.value for r in extract(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("小学每节课40分钟。", [Decimal(40)]),
        ("小学每节课时长为40分钟。", [Decimal(40)]),
        ("每次培训时间为2小时。", [Decimal(2)]),
        ("每场演出时长90分钟。", [Decimal(90)]),
        ("义务教育学校每节课时长：小学40分钟，初中45分钟。", [Decimal(40), Decimal(45)]),
        # a span of time told, not how long each session is to run
        ("会议历时3小时。", []),
        ("本次培训为期3天。", []),
    ],
)
def test_how_long_each_lesson_or_session_runs(text, values):
    """每节课40分钟, 每次培训时间为2小时, …时长：小学40分钟，初中45分钟: how long each runs, a
    standard stated (== as written, as 年休假5天). They gave no row."""
    found = extract(text)
    assert [r.value for r in found] == values
    assert all((r.comparator, r.kind) == ("==", "duration") for r in found)


def test_a_range_the_goods_are_in_is_the_case_of_the_limit_after_it():
    """熟食在10℃至60℃之间存放时间不得超过2小时: while the food is in that range it may stay 2
    hours at most. The range was a requirement of its own (a cooked food kept at 70℃ failed it)."""
    (r,) = extract("熟食在10℃至60℃之间存放时间不得超过2小时。")
    assert (r.comparator, r.value, r.unit) == ("<=", Decimal(2), "hour")
    a = r.applies_when
    assert (a.comparator, a.low, a.high, a.unit) == ("range", Decimal(10), Decimal(60), "℃")


def test_a_range_alone_is_still_a_requirement():
    (r,) = extract("温度在10℃至60℃之间。")
    assert (r.comparator, r.low, r.high, r.applies_when) == ("range", 10, 60, None)


@pytest.mark.parametrize(
    "text",
    [
        "昼间不超过60分贝，夜间不超过50分贝。",
        "工业企业厂界环境噪声排放限值：昼间不超过60分贝，夜间不超过50分贝。",
    ],
)
def test_the_day_is_a_case_as_the_night_is(text):
    """昼间不超过60分贝，夜间不超过50分贝: 夜间 was the case of its limit, 昼间 not, so the day's
    limit was checked at night too."""
    assert [r.applies_when.text for r in extract(text)] == ["昼间", "夜间"]


@pytest.mark.parametrize(
    "text",
    [
        # the text's scope, its kind named in more than one word
        "本实施方案适用于全市行政区域内的各类生产经营单位。",
        # what this round of checks did, 检查 between 本次 and 共
        "本次检查共抽查企业120家，发现问题隐患356项，已整改320项，整改率89.9%。",
        # what a project is foreseen to bring
        "该项目总投资5.6亿元，占地面积120亩，建成后年产值可达10亿元，新增就业岗位500个。",
        "项目投产后可带动就业500人。",
        "预计全年可节约资金200万元。",
    ],
)
def test_scope_findings_and_forecasts_state_no_requirement(text):
    """本实施方案适用于…, 本次检查共抽查…整改率89.9%, 建成后年产值可达10亿元: whom a text
    covers, what a check found, what a project is to bring. Each gave rows (the forecast's 可
    read as a permission, so every number of the sentence was kept)."""
    assert extract(text) == []


def test_what_this_round_did_is_no_part_of_the_duty_after_it():
    found = extract("本次检查共抽查企业120家，各县区要对发现的问题限期整改，整改率达到100%。")
    assert [(r.span, r.value) for r in found] == [
        ("各县区要对发现的问题限期整改", None),
        ("整改率达到100%", Decimal(100)),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("补贴最高可达5万元。", Decimal(50000)),
        ("每户最多可达3人。", Decimal(3)),
    ],
)
def test_up_to_is_a_cap(text, value):
    """补贴最高可达5万元: up to 5万, allowed; it read ≥ 5万 (达 as "reach")."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.modality) == ("<=", value, "permission")


def test_a_hundred_percent_in_words():
    """隐患排查覆盖率百分之百、整改率百分之百: 百分之百 is 100 %; it gave no number (百 alone
    was no numeral), so the three rates were one presence row."""
    found = extract("各乡镇要做到：隐患排查覆盖率百分之百、整改率百分之百、责任落实率百分之百。")
    assert [(r.value, r.unit) for r in found if r.value is not None] == [(Decimal(100), "%")] * 3
    (r,) = extract("覆盖率达到百分之百。")
    assert (r.comparator, r.value, r.unit) == (">=", Decimal(100), "%")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Ⅳ级响应由县应急管理局局长决定启动。", "县应急管理局局长"),
        ("县应急管理局局长应当签发。", "县应急管理局局长"),
        ("由市卫健委主任审批。", "市卫健委主任"),
    ],
)
def test_a_body_s_head_is_named_whole(text, subject):
    """由县应急管理局局长决定启动: the head of the bureau decides. The name was cut after its
    second 局 (县应急管理局局), or not read at all before 应当."""
    (r,) = extract(text)
    assert (r.subject, r.subject_kind) == (subject, "authority")


def test_the_ones_set_to_work_are_not_who_acts():
    """用人单位全天安排劳动者室外露天作业时间累计不得超过6小时: the employer sets the hours; the
    subject was 用人单位全天安排劳动者 (the name ran on through the verb to the workers)."""
    (r,) = extract("用人单位全天安排劳动者室外露天作业时间累计不得超过6小时。")
    assert r.subject is None or r.subject == "用人单位"
    assert (r.comparator, r.value, r.unit) == ("<=", Decimal(6), "hour")


@pytest.mark.parametrize(
    "text",
    [
        "暴雨蓝色预警信号：12小时内降雨量将达50毫米以上，或者已达50毫米以上且降雨可能持续。",
        "寒潮预警：24小时内最低气温将下降8℃以上。",
    ],
)
def test_what_a_warning_signal_means_is_no_requirement(text):
    """12小时内降雨量将达50毫米以上: what the weather will do, the signal's meaning. It read a
    deadline of 12 hours and a rainfall of at least 50 mm to meet."""
    assert extract(text) == []


def test_the_weather_foreseen_is_still_the_case_of_a_duty():
    (r,) = extract("24小时内降雨量将达50毫米以上时，应当组织人员转移。")
    assert (r.span, r.applies_when.comparator, r.applies_when.value) == (
        "应当组织人员转移",
        ">=",
        Decimal(50),
    )


@pytest.mark.parametrize(
    "text",
    [
        "经研究，确定2025年第一批重点项目30个，总投资120亿元。",
        "经县政府研究，认定以下5家企业为市级龙头企业。",
    ],
)
def test_what_the_document_settles_is_no_duty(text):
    """经研究，确定2025年第一批重点项目30个: the notice settles the list by being issued; it was
    a presence row (with the addressees as its subject, in a gazette)."""
    assert extract(text) == []


def test_a_second_case_before_a_permission_is_its_case():
    """对到基层工作的高校毕业生，服务期满2年后考核合格的，可优先录用: both cases are the
    permission's; 服务期满2年 was a requirement of its own (≥ 2 年) and 可优先录用 had no case."""
    (r,) = extract("对到基层工作的高校毕业生，服务期满2年后考核合格的，可优先录用。")
    assert (r.span, r.modality) == ("可优先录用", "permission")
    assert (r.applies_when.comparator, r.applies_when.value, r.applies_when.unit) == (
        ">=",
        Decimal(2),
        "year",
    )
    assert r.applies_when.text.endswith("服务期满2年后考核合格的")


def test_each_class_of_a_list_in_one_phrase_is_the_case_of_its_own_number():
    """每班人数：乳儿班（6至12个月）10人、托小班（12至24个月）15人: one phrase, two classes; each
    bracket is the case of its own item only (the second took the first's, the words of the whole
    list before it as its text)."""
    found = extract("每班人数：乳儿班（6至12个月）10人、托小班（12至24个月）15人。")
    assert [(r.value, r.applies_when.text, r.applies_when.low) for r in found] == [
        (Decimal(10), "乳儿班（6至12个月）", Decimal(6)),
        (Decimal(15), "托小班（12至24个月）", Decimal(12)),
    ]


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("禁止货车在城区主干道通行。", None),
        ("每日7时至9时，禁止货车在城区主干道通行。", "每日7时至9时"),
        ("每日7时至9时、17时至19时，禁止货车在城区主干道通行。", "每日7时至9时、17时至19时"),
    ],
)
def test_the_ones_banned_after_禁止_and_the_hours_of_the_ban(text, when):
    """禁止货车在城区主干道通行: the lorries are banned; the subject was 禁止货车 (严禁 read right).
    Two windows of the day (7时至9时、17时至19时) are the ban's case, as one was."""
    (r,) = extract(text)
    assert (r.kind, r.subject) == ("prohibition", "货车")
    assert (r.applies_when.text if r.applies_when else None) == when


@pytest.mark.parametrize(
    "text",
    ["所有进入施工现场的人员必须佩戴安全帽。", "进入施工现场的人员必须佩戴安全帽。"],
)
def test_the_ones_who_go_in_are_not_the_place_s_own(text):
    """进入施工现场的人员必须佩戴安全帽: everyone who goes in must wear a helmet; the subject was
    进入施工现场 (read as the site owning its staff, as 企业的从业人员 is read)."""
    (r,) = extract(text)
    assert r.subject != "进入施工现场"
    assert (r.modality, r.kind) == ("mandatory_strong", "presence")
    assert extract("施工现场应当设置围挡。")[0].subject == "施工现场"


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("听证应当在举行听证的7日前通知申请人、利害关系人。", Decimal(7)),
        ("应当在会议召开的3日前通知。", Decimal(3)),
    ],
)
def test_days_before_an_event_after_的(text, days):
    """在举行听证的7日前通知: at least 7 days ahead. 的7日前 was masked as a day of a month
    (每月的5日前), so the notice had no number."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == (">=", days, "day")


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("应当于每季度第一个月的20日前报送。", {"rule": "quarter_first_month_day", "day": 20}),
        ("每月的5日前报送上月报表。", {"rule": "monthly_day", "day": 5}),
    ],
)
def test_a_day_of_the_month_after_的_is_still_a_date(text, due):
    """每月的5日前: the 5th of each month (it read a frequency with no date)."""
    (r,) = extract(text)
    assert (r.kind, r.due) == ("deadline", due)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "生产经营单位的从业人员不足100人的，应当配备专职或者兼职的安全生产管理人员。",
            "生产经营单位",
        ),
        ("企业的职工人数在300人以上的，应当设立工会。", "企业"),
    ],
)
def test_the_party_whose_staff_are_counted_acts(text, subject):
    """生产经营单位的从业人员不足100人的，应当配备…: the firm with fewer than 100 staff must
    appoint them; the duty had no subject (企业职工人数在300人以上的 with no 的 read it)."""
    (r,) = extract(text)
    assert (r.subject, r.subject_kind) == (subject, "regulated")
    assert r.applies_when is not None and r.applies_when.unit == "人"


def test_a_number_s_case_right_before_another_case_is_one_condition():
    """连续从事本工种10年以上的，经用人单位同意，复审时间可以延长至每6年一次: both are the
    permission's case; its condition was 经用人单位同意 alone, the 10 years lost."""
    found = extract(
        "特种作业人员应当每3年复审一次，连续从事本工种10年以上的，经用人单位同意，"
        "复审时间可以延长至每6年一次。"
    )
    a = found[-1].applies_when
    assert (a.comparator, a.value, a.unit) == (">=", Decimal(10), "year")
    assert a.text.endswith("经用人单位同意")


def test_the_others_do_not_take_the_case_of_the_ones_named_before():
    """二级以上医院应当设置…，其他医疗机构应当设置…: the other institutions are those below
    二级; they took the condition 二级以上, so a 一级 clinic was never asked. A 除…外 exception
    turned round (其余人员最长不超过3年) is still theirs (test_reading_probes)."""
    first, others = extract(
        "二级以上医院应当设置独立的感染性疾病科，其他医疗机构应当设置感染性疾病诊室。"
    )
    assert (first.applies_when.comparator, first.applies_when.value) == (">=", Decimal(2))
    assert (others.subject, others.applies_when) == ("其他医疗机构", None)
