"""An eighth round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): building sites, forest fire, lifts, swimming pools, waste
sorting, taxis, pharmacies. Each case is a clear error a probe found, read as GUIDE.md
(tests/data/reading_labels) says."""

from __future__ import annotations

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("投放点每300户至少设置1处，服务半径宜为100米。", None),
        ("新建小区绿地率不低于30%，人均公共绿地宜达到2平方米。", None),
        ("投放点宜每300户设置1处，服务半径不超过100米。", "advisory"),
    ],
)
def test_a_soft_word_softens_what_follows_it_not_the_number_before_it(text, first):
    """…至少设置1处，服务半径宜为100米: 宜 is the second limit's word only, as 原则上 is."""
    assert extract(text)[0].modality == first


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("各成员单位每月25日前将本月工作进展报送领导小组办公室。", "各成员单位"),
        ("牵头单位要于每季度末将进展情况报送市政府督查室。", "牵头单位"),
        ("各配合单位要在5个工作日内反馈意见。", "各配合单位"),
    ],
)
def test_a_commands_member_units_and_a_tasks_lead_units_are_authorities(text, who):
    """各成员单位, 牵头单位: government bodies named by their part in the work (GUIDE 2)."""
    (r,) = extract(text)
    assert (r.subject, r.subject_kind) == (who, "authority")


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("县应急管理局统筹各乡镇开展隐患排查。", "县应急管理局"),
        ("市住建局协助各区县开展燃气安全检查。", "市住建局"),
        ("负责协调各成员单位应对重污染天气；组织相关信息发布和上报。", None),
        ("督导组每月开展一次督导。", "督导组"),
    ],
)
def test_whom_a_body_steers_is_not_part_of_its_name_nor_a_party_acting(text, who):
    """县应急管理局统筹各乡镇…: the body acts, the ones it steers do not (GUIDE 2)."""
    assert extract(text)[-1].subject == who


@pytest.mark.parametrize(
    "text",
    [
        "企业年度内被投诉3次以上的，列入重点监管对象。",
        "经营者年内受到2次以上行政处罚的，纳入失信名单。",
        "企业年用电量1.5万千瓦时以上的，纳入重点监测。",
    ],
)
def test_listing_the_ones_a_case_names_is_an_authoritys_act_not_theirs(text):
    """…的，列入重点监管对象/纳入失信名单: imposed on them, like a sanction (GUIDE 1.3)."""
    (r,) = extract(text)
    assert r.subject is None and r.applies_when is not None


def test_a_limits_trigger_stops_at_the_limit_listed_before_it():
    """…交付使用后5年内、大修的城市道路竣工后3年内不得挖掘: each limit its own start."""
    first, second = extract(
        "新建、扩建、改建的城市道路交付使用后5年内、大修的城市道路竣工后3年内不得挖掘。"
    )
    assert first.trigger == "新建、扩建、改建的城市道路交付使用后"
    assert second.trigger == "大修的城市道路竣工后"


@pytest.mark.parametrize("lead", ["一旦发生突发环境事件", "如遇突发环境事件", "一旦发生险情"])
def test_the_duty_after_a_met_with_condition_is_kept_when_a_deadline_follows(lead):
    """一旦发生…，企业应当立即启动应急预案，并在1小时内…: both duties, the first under the
    condition (GUIDE 3)."""
    first, second = extract(lead + "，企业应当立即启动应急预案，并在1小时内向生态环境部门报告。")
    assert first.span == "企业应当立即启动应急预案" and first.applies_when.text == lead
    assert second.value == 1 and second.unit == "hour"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("申请人材料齐全的，窗口工作人员应当当场受理。", "authority"),
        ("行政机关工作人员应当在3个工作日内答复。", "authority"),
        ("医疗机构工作人员应当每年参加2次培训。", "regulated"),
        ("企业工作人员应当持证上岗。", "regulated"),
        ("由县政府主要负责人担任总召集人。", "authority"),
        ("企业主要负责人应当每年接受安全培训。", "regulated"),
    ],
)
def test_staff_are_of_the_kind_of_the_body_they_work_for(text, kind):
    """窗口工作人员, 行政机关工作人员: an authority's staff; 医疗机构工作人员: the inspected
    party's (GUIDE 2)."""
    assert extract(text)[0].subject_kind == kind


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("每年汛期前（5月31日前）完成水库安全检查。", {"month": 5, "day": 31}),
        ("每年入冬前（11月15日前）完成供热设施检修。", {"month": 11, "day": 15}),
    ],
)
def test_a_day_of_the_month_in_a_yearly_phrase_is_due_every_year(text, due):
    """每年汛期前（5月31日前）: each year's 31 May, not the document's year's alone."""
    (r,) = extract(text)
    assert r.due == {"rule": "yearly_date", **due}


def test_a_trigger_read_from_a_received_notice_drops_its_trailing_de():
    """在收到整改通知书后的3日内: the trigger is 收到整改通知书后."""
    (r,) = extract("在收到整改通知书后的3日内提交整改方案。")
    assert r.trigger == "收到整改通知书后"


@pytest.mark.parametrize(
    "text", ["创建国家4A级旅游景区2家。", "创建3星级农家乐5家。", "建设5A级景区1个。"]
)
def test_a_grades_number_before_a_tasks_amount_is_no_amount(text):
    """创建4A级景区2家: the task's target is 2; 4A级 is the grade of what is made."""
    (r,) = extract(text)
    assert r.unit in ("家", "个") and r.value in (1, 2, 5)


def test_a_grade_is_still_no_target_of_a_task_done_already():
    assert extract("已创建4A级景区2家。") == []


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("女职工生育享受98天产假。", 98),
        ("职工累计工作已满1年不满10年的，年休假5天。", 5),
        ("晚婚的职工，婚假为15天。", 15),
    ],
)
def test_a_leave_to_be_granted_is_a_standard(text, days):
    """享受98天产假, 年休假5天: a leave of so many days, checked as a duration."""
    (r,) = extract(text)
    assert (r.kind, r.value, r.unit) == ("duration", days, "day")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("付款期限原则上不超过验收合格后30日。", "验收合格后"),
        ("整改期限不超过收到通知之日起30日。", "收到通知之日起"),
        ("答复期限不超过受理之日起15个工作日。", "受理之日起"),
    ],
)
def test_a_time_limit_with_its_start_after_the_bound_is_a_deadline_from_that_start(text, trigger):
    """付款期限…不超过验收合格后30日: a deadline, counted from 验收合格后."""
    (r,) = extract(text)
    assert (r.kind, r.comparator, r.trigger) == ("deadline", "<=", trigger)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("营商环境评价排名进入全省前10位。", 10, "位"),
        ("力争跻身全国前50强。", 50, "强"),
    ],
)
def test_a_rank_among_the_first_so_many_is_at_most_that_rank(text, value, unit):
    """进入全省前10位: rank 10 or better, a target (GUIDE 1.4)."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == ("<=", value, unit)


def test_people_counted_by_wei_with_no_bound_are_still_no_threshold():
    assert [r.value for r in extract("邀请3位专家参加评审。")] == [None]


def test_the_top_so_many_named_as_a_group_is_no_rank_to_reach():
    """瞄准世界行业100强企业: a group named, not 前100强."""
    assert all(r.value is None for r in extract("瞄准世界行业100强企业进行招商。"))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("储备能力可满足全市居民7天的需求。", 7, "day"),
        ("应急物资储备应能满足3万人基本生活需要。", 30000, "人"),
    ],
)
def test_a_capacity_that_must_cover_so_much_is_a_floor(text, value, unit):
    """可满足…7天的需求: 7 days or more; 可满足 is no permission (the issue's own case)."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == (">=", value, unit)
    assert r.modality != "permission"


@pytest.mark.parametrize(
    ("text", "sanction"),
    [
        ("企业要建立台账，未建立的，责令改正。", "责令改正"),
        ("企业应当对数据真实性负责，弄虚作假的，依法处理。", "依法处理"),
        ("经营者应当明码标价，拒不改正的，予以通报。", "予以通报"),
    ],
)
def test_a_sanction_after_a_case_is_no_duty_of_the_party_named_before(text, sanction):
    """…，未建立的，责令改正: imposed by an authority not named, never the enterprise's own duty
    (GUIDE 1.3)."""
    last = extract(text)[-1]
    assert last.span == sanction and last.subject is None and last.applies_when is not None


@pytest.mark.parametrize(
    "text",
    [
        "企业对数据真实性负责，弄虚作假的，依法处理。",
        "项目单位对申报材料的真实性负责，弄虚作假的，取消其3年内申报资格。",
    ],
)
def test_what_a_party_answers_for_is_a_duty_not_part_of_the_case_after_it(text):
    """X对…负责，弄虚作假的，…: a duty of X, then a sanction under 弄虚作假的 (GUIDE 1, 3)."""
    first, second = extract(text)
    assert first.span.endswith("负责") and first.applies_when is None
    assert second.applies_when.text == "弄虚作假的" and second.subject is None


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("一、月最低工资标准：一类地区2100元，二类地区1900元。", ">="),
        ("最高补助限额：一类地区5000元，二类地区3000元。", "<="),
    ],
)
def test_a_floor_or_cap_named_before_a_colon_binds_each_class_of_place(text, comparator):
    """最低工资标准：一类地区2100元，二类地区1900元: a floor for each class, not an amount equal."""
    assert [(r.comparator, r.unit) for r in extract(text)] == [(comparator, "元")] * 2


@pytest.mark.parametrize("text", ["检测报告保存3年。", "监控录像保存期限为30日。", "台账留存2年。"])
def test_a_retention_with_no_bound_written_is_a_least(text):
    """检测报告保存3年: kept at least 3 years; kept longer it still complies."""
    (r,) = extract(text)
    assert (r.kind, r.comparator) == ("retention", ">=")


def test_a_limit_stated_against_a_reference_is_a_requirement_not_a_case():
    """仓库的单库存储量不超过设计药量，总存储量不超过30吨: two limits, no condition."""
    first, second = extract("烟花爆竹批发仓库的单库存储量不超过设计药量，总存储量不超过30吨。")
    assert first.span.endswith("不超过设计药量") and first.applies_when is None
    assert (second.comparator, second.value, second.applies_when) == ("<=", 30, None)


def test_a_founder_named_as_such_is_the_party_not_cut_at_ju_ban():
    """民办学校举办者…，出资不得低于…: the founder acts in both (举办 is no verb here)."""
    rows = extract("民办学校举办者应当按时足额履行出资义务，出资不得低于注册资本的100%。")
    assert [r.subject for r in rows] == ["民办学校举办者"] * 2


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("校舍安全排查，由县教育局组织实施。", "校舍安全排查，由县教育局组织实施"),
        ("城市道路清扫保洁工作，由各区环卫部门负责。", "城市道路清扫保洁工作，由各区环卫部门负责"),
    ],
)
def test_the_work_named_then_who_takes_charge_of_it_is_one_duty(text, span):
    """校舍安全排查，由县教育局组织实施: one duty of 县教育局, the work its object (GUIDE 1.1)."""
    (r,) = extract(text)
    assert (r.span, r.subject_kind) == (span, "authority")


def test_a_duty_with_its_own_verb_before_who_takes_charge_stays_a_row():
    spans = [r.span for r in extract("建立联席会议，由县政府主要负责人担任总召集人。")]
    assert spans == ["建立联席会议", "由县政府主要负责人担任总召集人"]
