"""A tenth round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): appointment and nomination notices, work reports and
bulletins, medical insurance tiers, amending decisions, emergency plans, construction sites,
talent policies, traceability and waste, scoring rules, tendering, units written as symbols and
fines as shares and multiples. Each case is a clear error a probe found, read as GUIDE.md
(tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    "text",
    [
        "经市政府研究，决定：任命王明为市交通运输局局长；免去李华的市交通运输局局长职务。",
        "市人民政府决定：聘任陈静为市政府参事。",
        # a nominee's record in a 公示 (name, sex, birth, what they are and are to be)
        "张三，男，1975年3月出生，汉族，大学学历，现任某县副县长，拟任某局局长。",
        "李四同志，女，1980年5月生，中共党员，研究生学历，拟提名为市财政局副局长人选。",
        # the nominations a 公示 announces
        "经考察，拟提拔任用以下2名同志。",
        "拟任用张三为市财政局副局长。",
    ],
)
def test_what_an_appointment_notice_does_or_proposes_is_no_requirement(text):
    """决定：任命…, a nominee's record, 拟提拔任用以下2名同志: the notice appoints or proposes;
    nobody is to do anything. Each was a presence row to check."""
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # the objection a 公示 invites is a permission of its own
        (
            "对公示对象有异议的，可在公示期间以书面形式向市委组织部反映。",
            ["可在公示期间以书面形式向市委组织部反映"],
        ),
        # a rule about appointments binds whoever appoints
        ("拟任人选应当在本单位公示，公示期不少于5个工作日。", None),
    ],
)
def test_rules_about_appointments_are_still_read(text, spans):
    found = extract(text)
    assert found
    if spans is not None:
        assert [r.span for r in found] == spans


def test_how_a_nominee_was_chosen_is_no_case_of_the_notice_period():
    """经考察，拟提拔任用以下2名同志，公示期为5个工作日: 经考察 is how they were chosen, like
    经研究; it was the condition of the notice period, and the nomination a presence row."""
    (r,) = extract("经考察，拟提拔任用以下2名同志，公示期为5个工作日。")
    assert (r.span, r.applies_when) == ("公示期为5个工作日", None)


@pytest.mark.parametrize(
    "text",
    [
        # what an inspection found (检查发现, 经抽查 + a count): a finding, no rule
        "经抽查，12家企业未按规定设置安全警示标志，已责令限期整改。",
        "检查发现，3家加油站未按要求配备灭火器材。",
        "督查中发现，部分单位消防通道堵塞。",
        # what the figures show (监测数据显示, 从检查情况看): a report
        "监测数据显示，全市空气质量优良天数比例为82.3%，同比上升3.1个百分点。",
        "从检查情况看，大部分企业能够落实安全生产主体责任，但仍有少数企业存在隐患。",
        # only so much (仅为60%): a result told, and the target it missed
        "部分乡镇整改率仅为60%，未达到90%的要求。",
        # what was done in all, with more verbs (共抽取, 累计关停)
        "本次共抽取检查对象50家，其中合格45家，合格率90%。",
        "全年累计关停取缔“散乱污”企业326家。",
    ],
)
def test_what_a_bulletin_found_or_counted_is_no_requirement(text):
    """A bulletin's findings and totals: each gave presence rows or == counts (12家, 合格率90%)
    that a checklist would ask an inspected party to match."""
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # a finding as a case is still the case of a duty
        ("检查中发现安全隐患的，应当责令立即整改。", ["应当责令立即整改"]),
        ("经抽查不合格的，应当责令限期整改。", ["应当责令限期整改"]),
        # a report, then the duty it leads to
        (
            "从检查情况看，部分企业仍存在隐患，各县区要于6月30日前完成整改。",
            ["各县区要于6月30日前完成整改"],
        ),
        ("各企业累计整治时间不得少于30日。", ["各企业累计整治时间不得少于30日"]),
        # the findings open their own sentence, not the text's
        (
            "各企业要加强管理。从检查情况看，部分企业仍存在隐患，各县区要于6月30日前完成整改。",
            ["各企业要加强管理", "各县区要于6月30日前完成整改"],
        ),
    ],
)
def test_findings_as_cases_and_duties_after_reports_are_still_read(text, spans):
    assert [r.span for r in extract(text)] == spans


@pytest.mark.parametrize(
    ("text", "band", "share"),
    [
        # X以上至Y: from X up to Y, both ends in
        ("5万元以上至10万元的部分，报销80%。", ("range", None, 50000, 100000), 80),
        # a named lower end (起付标准以上至5万元): up to Y
        ("起付标准以上至5万元的部分，职工医保报销75%。", ("<=", 50000, None, None), 75),
        ("5万元以上至最高支付限额的部分，报销85%。", (">=", 50000, None, None), 85),
    ],
)
def test_a_band_of_costs_and_the_share_reimbursed_in_it(text, band, share):
    """起付标准以上至5万元的部分，报销75%: the band read == 5万元 (5万元以上至10万元: ≥ 5万元
    only) and the share reimbursed was a presence row with no number."""
    (r,) = extract(text)
    assert (r.kind, r.comparator, r.value, r.unit) == ("ratio", "==", share, "%")
    when = r.applies_when
    assert (when.comparator, when.value, when.low, when.high) == band


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("一级医院起付标准为200元，二级医院500元，三级医院800元。", [200, 500, 800]),
        ("小型车停车收费标准为每小时5元，大型车10元。", [5, 10]),
        # a bound binds each item after it (GUIDE 2: one comparison for its list)
        ("一类地区补助标准不低于300元，二类地区250元。", [300, 250]),
    ],
)
def test_the_next_class_s_amount_after_a_comma_carries_the_list_s_topic(text, values):
    """一级医院起付标准为200元，二级医院500元，三级医院800元: only the first amount was read;
    the next classes' were dropped as bare numbers."""
    found = extract(text)
    assert [r.value for r in found] == values
    assert len({r.comparator for r in found}) == 1
    assert len({(r.unit, r.per) for r in found}) == 1


def test_one_named_period_alone_is_no_number_of_the_case():
    """参保人员在一个年度内多次住院的: 一个年度 is the period counted in; the case read == 1 个."""
    (r,) = extract("参保人员在一个年度内多次住院的，起付标准逐次降低10%。")
    when = r.applies_when
    assert when.text == "参保人员在一个年度内多次住院的"
    assert (when.comparator, when.value, when.unit) == (None, None, None)


def test_one_quarter_named_is_the_period_a_count_is_in():
    """同一企业一个季度内被投诉3次以上的: 3 times a quarter (per was none)."""
    (r,) = extract("同一企业一个季度内被投诉3次以上的，列入重点监管。")
    when = r.applies_when
    assert (when.comparator, when.value, when.unit, when.per) == (">=", 3, "次", "quarter")


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("施工单位应当洒水，风力四级以上时应当停止土方作业。", (">=", 4, "级")),
        ("施工单位应当洒水，气温超过35℃时应当停止室外作业。", (">", 35, "℃")),
    ],
)
def test_a_number_before_shi_and_a_modal_word_mid_sentence_is_the_case(text, when):
    """…，风力四级以上时应当停止土方作业: with no comma after 时, the wind force was a
    requirement (≥ 4 级 to reach) instead of when to stop."""
    first, second = extract(text)
    assert second.value is None and second.span.endswith("停止" + text.split("停止")[1][:-1])
    c = second.applies_when
    assert (c.comparator, c.value, c.unit) == when


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # what an amendment adds or takes out (增加一条, 删去…): no count
        ("在第十二条后增加一条，作为第十三条。", []),
        ("在第三条中增加一款，作为第二款。", []),
        # the words replaced are no rule; the new words are
        (
            "第二十条中的“处1000元以上5000元以下罚款”修改为“处2000元以上1万元以下罚款”。",
            [("range", 2000, 10000)],
        ),
        ("将第十条第二款中的“30日”修改为“15日”。", []),
        # words about the text amended
        ("《某市养犬管理办法》根据本决定作相应修改，重新公布。", []),
    ],
)
def test_an_amending_decision_s_own_acts_and_the_words_it_replaces(text, rows):
    """增加一条 read >= 1 条; the replaced “处1000元以上5000元以下罚款” was a range to meet beside
    the new one; 根据本决定作相应修改，重新公布 was a presence row."""
    assert [(r.comparator, r.low, r.high) for r in extract(text)] == rows


def test_a_quoted_rule_names_its_party_without_the_quote_mark():
    """将第五条修改为：“申请人应当…”: the span and the subject began with “."""
    (r,) = extract("将第五条修改为：“申请人应当自收到通知之日起10个工作日内补正材料。”")
    assert r.subject == "申请人"
    assert r.span.startswith("申请人")


def test_an_article_an_amendment_quotes_is_read_without_its_mark_and_number():
    """：“第五条 养犬人应当…”, ：“第十三条 携犬出户时，应当…”: the span, the party and the case
    began with the quote mark and the article's number."""
    (r,) = extract("一、将第五条修改为：“第五条 养犬人应当自取得犬只之日起30日内办理养犬登记。”")
    assert (r.span[:3], r.subject, r.value) == ("养犬人", "养犬人", 30)
    first, _length = extract(
        "二、在第十二条后增加一条，作为第十三条：“第十三条 携犬出户时，应当为犬只束犬链，"
        "犬链长度不得超过1.5米。”"
    )
    assert first.applies_when.text == "携犬出户时"


@pytest.mark.parametrize(
    "text",
    [
        "一次死亡3人以上10人以下的事故为较大事故。",
        "受威胁人数在100人以上500人以下的险情为中型地质灾害险情。",
    ],
)
def test_what_grade_an_event_is_in_one_phrase_is_a_definition(text):
    """…的事故为较大事故: what grade an event is (as …的，为较大事故 was read already), no range
    of deaths to meet."""
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        # minutes before an event, as days before one: at least that long ahead
        ("陪餐人员应当在学生就餐前30分钟完成试吃。", ">="),
        # not earlier than that: at most that long ahead; not later: at least
        ("检测时间不得早于作业开始前30分钟。", "<="),
        ("检测时间不得晚于作业开始前30分钟。", ">="),
        ("应当在开标前3日发布公告。", ">="),
    ],
)
def test_a_time_in_minutes_before_an_event_is_how_long_ahead(text, comparator):
    """在学生就餐前30分钟完成试吃 read == 30 (minutes stayed out of the ahead rule); 不得早于作业
    开始前30分钟, a cap, read no comparison."""
    (r,) = extract(text)
    assert (r.kind, r.comparator) == ("duration", comparator)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("旅馆应当对住宿旅客按规定登记，并在2小时内上传旅客信息。", "旅馆"),
        ("民宿应当在醒目位置公示收费标准。", "民宿"),
        ("电影院应当在每场放映前播放安全提示。", "电影院"),
    ],
)
def test_a_lodging_or_a_venue_acts_for_its_keeper(text, subject):
    """旅馆应当对住宿旅客…登记: no one acted (旅馆, 民宿, 电影院 named no party)."""
    assert {r.subject for r in extract(text)} == {subject}


@pytest.mark.parametrize("text", ["二级综合医院每床至少配备0.4名护士。", "每床位补助1万元。"])
def test_each_bed_is_what_a_number_is_per(text):
    """每床至少配备0.4名护士: per bed (张, as 每张床位), where it was per nothing."""
    (r,) = extract(text)
    assert r.per == "张"


def test_how_long_a_grant_is_paid_is_its_term():
    """…每人每月发放生活补贴3000元，连续发放3年: the three years were a presence row, no number."""
    _grant, term = extract("对新引进的全日制博士研究生，每人每月发放生活补贴3000元，连续发放3年。")
    assert (term.kind, term.comparator, term.value, term.unit) == ("duration", "==", 3, "year")


def test_traceable_is_what_a_system_is_like_not_a_permission():
    """…，实现产品来源可查、去向可追: 可查 and 可追 (traceable) read as permissions, so the
    duty was optional; 可查询 and 可追究 stay powers."""
    found = extract("企业应当建立可追溯体系，实现产品来源可查、去向可追。")
    assert {r.modality for r in found} == {"mandatory"}
    assert extract("公众可查询企业信用信息。")[0].modality == "permission"


@pytest.mark.parametrize(
    "text", ["可回收物应当交由再生资源回收企业回收利用。", "医疗废物应当交由有资质的单位集中处置。"]
)
def test_whom_a_thing_is_handed_to_does_not_act(text):
    """应当交由再生资源回收企业回收利用: the one who receives was the subject; the one who
    hands over (not named here) acts."""
    (r,) = extract(text)
    assert r.subject is None


def test_a_thing_named_with_ke_after_de_is_no_case():
    """施工现场的可燃物应当每日清理: 可燃物 read as 可 (may) after the ones picked out, so
    施工现场的 became the duty's condition."""
    (r,) = extract("施工现场的可燃物应当每日清理。")
    assert (r.per, r.applies_when) == ("day", None)


@pytest.mark.parametrize(
    "text",
    ["罚款数额为违法所得的百分之五十以上三倍以下。", "处违法所得50%以上3倍以下的罚款。"],
)
def test_a_share_s_floor_and_a_multiple_s_cap_are_one_range(text):
    """违法所得的百分之五十以上三倍以下: no row at all in words; 50%以上3倍以下 read 50 to 3 %.
    Three times is 300 %."""
    (r,) = extract(text)
    assert (r.comparator, r.low, r.high, r.unit) == ("range", 50, 300, "%")


@pytest.mark.parametrize(
    ("text", "value", "unit", "per"),
    [
        ("消防水池补水时间不宜超过48h。", 48, "hour", None),
        ("变压器容量不小于630kVA。", 630, "kVA", None),
        ("地表水总放射性不超过1Bq/L。", 1, "Bq", "L"),
        ("照度均匀度不低于0.7。", Decimal("0.7"), None, None),
        ("新风量不少于30m³/(h·人)。", 30, "m³", "人"),
    ],
)
def test_units_in_symbols_and_a_bracketed_denominator(text, value, unit, per):
    """48h, 630kVA, 1Bq/L and a uniformity (0.7, a pure number) gave no number, or no row;
    30m³/(h·人) lost what it is per."""
    (r,) = extract(text)
    assert (r.value, r.unit, r.per) == (value, unit, per)


def test_a_firm_s_head_count_names_the_firm():
    """企业职工人数在300人以上的，应当设置…: the subject was 企业职工 (the staff), not the firm
    their number picks out; 企业职工应当参加培训 keeps the staff."""
    (r,) = extract("企业职工人数在300人以上的，应当设置安全生产管理机构。")
    assert r.subject == "企业"
    (staff,) = extract("企业职工应当参加培训。")
    assert staff.subject == "企业职工"


def test_a_rider_acts_and_a_measure_s_term_is_read():
    """外卖骑手每日应当进行体温检测 named no one acting; 密切接触者实行14天集中隔离医学观察 was a
    presence row with no number."""
    (rider,) = extract("外卖骑手每日应当进行体温检测。")
    assert rider.subject == "外卖骑手"
    (term,) = extract("密切接触者实行14天集中隔离医学观察。")
    assert (term.kind, term.value, term.unit) == ("duration", 14, "day")
    # (实行4级响应: the grades of a response, no term)
    assert [r.value for r in extract("对应预警等级，实行4级响应。")] == [None]


def test_the_ones_given_points_are_the_case_of_the_points():
    """按时报送的得10分: the ones given the points (as 未开展的扣5分, the ones they are taken
    from) had no case."""
    first, _late = extract("按时报送的得10分，每迟报1天扣1分。")
    assert (first.value, first.applies_when.text) == (10, "按时报送的")


def test_to_conclude_a_contract_is_what_a_deadline_asks():
    """…自中标通知书发出之日起30日内，按照招标文件…订立书面合同: the deadline's row stopped at
    30日内 (订立, to conclude, was no verb of a duty)."""
    (r,) = extract(
        "招标人和中标人应当自中标通知书发出之日起30日内，按照招标文件和中标人的投标文件"
        "订立书面合同。"
    )
    assert r.span.endswith("订立书面合同")


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("申请人应当自收到通知之日起10日内，补正全部材料。", "补正全部材料"),
        ("受理后，应当在20个工作日内，办结相关手续。", "办结相关手续"),
    ],
)
def test_what_a_time_limit_asks_after_its_comma_is_due_then(text, end):
    """…10日内，补正全部材料: the row stopped at 10日内 (补正, 办结 were no verbs of a duty; read
    only after a deadline, so 应急演练, a noun, splits no duty)."""
    (r,) = extract(text)
    assert r.span.endswith(end)


def test_an_inserted_article_s_number_is_no_part_of_its_duty():
    """第三条之一　犬只应当每年接种一次狂犬病疫苗: the span began with 之一 (an article an amendment
    inserts, numbered after the one before it)."""
    (r,) = extract("第三条之一　犬只应当每年接种一次狂犬病疫苗。")
    assert r.span.startswith("犬只")


def test_by_the_end_of_a_weekday_afternoon_is_that_weekday():
    """请于每周五下午下班前报送…: no due rule (每周五下班前 had one: Friday)."""
    (r,) = extract("请于每周五下午下班前报送本周工作动态。")
    assert r.due == {"rule": "weekly_day", "weekday": 4}


@pytest.mark.parametrize(
    "text",
    ["实行政府指导价的，经营者可在基准价基础上上下浮动10%。", "政府指导价上下浮动幅度为10%。"],
)
def test_a_band_around_a_price_is_as_far_as_that(text):
    """上下浮动10%: read == 10 %, so a price 5 % above its base failed; it floats that far at
    most (保证金上浮50%, a change fixed, stays as written)."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == ("<=", 10, "%")


@pytest.mark.parametrize(
    ("text", "rows"),
    [("车辆停放服务收费标准上浮幅度不得超过20%，下浮不限。", 1), ("报名者年龄不限，户籍不限。", 0)],
)
def test_no_limit_is_no_duty(text, rows):
    """…，下浮不限 and 年龄不限，户籍不限 were presence rows (a mandatory one after 不得): no
    limit, nothing to check."""
    assert len(extract(text)) == rows


@pytest.mark.parametrize(
    "party",
    [
        "开发商",
        "运营商",
        "出租方",
        "房东",
        "摊贩",
        "店主",
        "渔民",
        "医师",
        "律师",
        "志愿者",
        "慈善组织",
    ],
)
def test_those_who_trade_serve_or_give_are_parties_who_act(party):
    """开发商应当按照规定缴存…, 摊贩不得…: none of these names was read as a party, so the duty
    named no one acting."""
    (r,) = extract(f"{party}应当建立管理制度。")
    assert (r.subject, r.subject_kind) == (party, "regulated")


@pytest.mark.parametrize(
    ("text", "unit", "per"),
    [
        ("污水处理规模不小于500m³/d。", "m³", "day"),
        ("年产能不超过10万t/a。", "t", "year"),
        ("供热量不低于50GJ/h。", "GJ", "hour"),
    ],
)
def test_a_day_a_year_and_heat_in_symbols(text, unit, per):
    """500m³/d lost what it is per (d, a day), and 50GJ/h gave no number (GJ, heat)."""
    (r,) = extract(text)
    assert (r.unit, r.per) == (unit, per)
