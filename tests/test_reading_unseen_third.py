"""A third round of the reading, found by probing it with clauses written for the purpose (never
from the bundled gazettes): work plans, fund rules. Each case is a clear error a probe found,
read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    "text",
    [
        # what a field of work is (GUIDE 1.5: principles and attitudes)
        "稳就业工作是做好“六稳”工作的首要任务。",
        # aims with no modal word and no party (GUIDE 1.1): 健全…制度 as much as 完善…
        "健全分级诊疗制度，完善医疗联合体建设，提升基层医疗卫生服务能力。",
        # the guiding thought a plan opens with
        "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大和十九届二中、三中全会精神，"
        "牢固树立以人民为中心的发展思想，深入落实省委、省政府关于优化营商环境的决策部署。",
        # a year-end count of what there is (共有), its shares told
        "2018年底，全市义务教育阶段共有大班额1236个，其中超大班额87个，占比分别为8.3%和0.6%。",
    ],
)
def test_what_a_task_is_the_guiding_thought_aims_and_a_years_count_are_no_rows(text):
    assert extract(text) == []


def test_a_guiding_thought_with_a_target_keeps_the_target():
    """Only a sentence with no number is the guiding thought alone."""
    (r,) = extract("以新发展理念为指导，到2020年全市森林覆盖率达到35%。")
    assert (r.comparator, r.value, r.unit) == (">=", Decimal(35), "%")


def test_done_within_the_year_is_a_deadline_not_each_year():
    """年内完成…45处: by the year's end (a deadline), read as 45 处 every year."""
    _, r = extract("农村生活垃圾无害化处理率达到90%，年内完成非正规垃圾堆放点整治45处。")
    assert (r.comparator, r.value, r.unit, r.per, r.due) == (
        "==",
        Decimal(45),
        "处",
        None,
        {"rule": "year_end"},
    )


@pytest.mark.parametrize(
    "text", ["在职教师每五年累计参加培训不少于360学时。", "教师每5年参加培训不少于360学时。"]
)
def test_an_amount_over_several_years_is_one_row_per_those_years(text):
    """每五年…不少于360学时: one row, 360 学时 in each five years; its 五年 was a frequency of
    its own (== 5 年)."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit, r.per, r.per_count) == (
        ">=",
        Decimal(360),
        "学时",
        "year",
        Decimal(5),
    )


def test_every_two_years_at_least_once_stays_a_frequency():
    (r,) = extract("每两年至少清洗一次。")
    assert (r.kind, r.comparator, r.value, r.unit) == ("frequency", "<=", Decimal(2), "year")


@pytest.mark.parametrize(
    ("text", "amounts", "when"),
    [
        (
            "按培训后取得证书等级给予职业培训补贴，初级工每人1000元，中级工每人1500元，"
            "高级工每人2000元。",
            [1000, 1500, 2000],
            None,
        ),
        (
            "参加职业技能培训的，给予职业培训补贴，初级工每人1000元，中级工每人1500元。",
            [1000, 1500],
            "参加职业技能培训的",
        ),
    ],
)
def test_a_grants_amount_for_each_grade_is_a_row_each(text, amounts, when):
    """…给予补贴，初级工每人1000元，…: the amounts were lost into one row with no number (GUIDE
    1.4: one row per number; 1.1: the grant is the first amount's row, under its condition)."""
    found = extract(text)
    assert [(r.comparator, r.value, r.unit, r.per) for r in found] == [
        ("==", Decimal(a), "元", "人") for a in amounts
    ]
    assert (found[0].applies_when.text if found[0].applies_when else None) == when


def test_an_amount_paid_once_is_the_grants_own_row():
    """给予临时救助，一次性救助金额最高不超过5000元: two rows, the condition on the grant's."""
    (r,) = extract(
        "对遭遇突发事件、意外伤害导致基本生活暂时出现严重困难的家庭，给予临时救助，"
        "一次性救助金额最高不超过5000元。"
    )
    assert (r.comparator, r.value, r.unit) == ("<=", Decimal(5000), "元")
    assert r.applies_when.text.startswith("对遭遇突发事件")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # the ones a reward goes to, named in its case, do not give it
        (
            "用人单位安排残疾人就业达到职工总数1.5%以上的，按超比例安置人数每人每年给予3000元奖励。",
            None,
        ),
        ("企业年度考核优秀的，由县政府给予10万元奖励。", "县政府"),
        # 中小学校舍: a building, no 学校 cut out of it
        ("新建、改扩建中小学校舍面积达到10万平方米以上的，应当同步配建学生食堂和运动场地。", None),
    ],
)
def test_who_a_grant_goes_to_and_a_word_holding_a_partys_name_do_not_act(text, subject):
    (r,) = extract(text)
    assert r.subject == subject
    assert r.applies_when is not None


def test_whose_approval_a_time_limits_extension_needs_is_not_who_extends_it():
    """…；情况复杂的，经分管负责人批准，可以延长至7个工作日: the party of the sentence before
    extends it (GUIDE 2); 负责人 only approves, and the extension had no subject."""
    first, second = extract(
        "对企业反映的问题，有关部门应当在3个工作日内作出答复；情况复杂的，经分管负责人批准，"
        "可以延长至7个工作日。"
    )
    assert (second.subject, second.comparator, second.value) == ("有关部门", "<=", Decimal(7))
    assert second.applies_when.text == "情况复杂的"


@pytest.mark.parametrize(
    "text", ["当年考核不合格的乡镇，不得参加年度综合评先。", "未按期完成整改的乡镇，不得参加评优。"]
)
def test_an_authority_picked_out_by_its_review_is_under_a_condition(text):
    """…考核不合格的乡镇，不得…: the case was read as the subject's name (考核不合格的乡镇) and
    the duty had no condition (GUIDE 3: 对…的（企业）, 达到…的企业)."""
    (r,) = extract(text)
    assert (r.subject, r.modality) == ("乡镇", "mandatory")
    assert r.applies_when is not None and r.span.startswith("不得参加")


def test_who_the_review_picks_out_stays_the_party_acted_on():
    (r,) = extract("连续两年考核不合格的乡镇，由县政府对其主要负责人进行约谈。")
    assert r.subject == "县政府"
    assert (r.applies_when.comparator, r.applies_when.value) == (">=", Decimal(2))


def test_a_paper_named_after_an_act_makes_no_list_of_papers_a_duty():
    """提交下列材料：…、就业困难人员认定证明: 认定 in a paper's name read the list as a duty of its
    own, and the lead's row was lost (GUIDE 1.5: lists of names are no rows)."""
    (r,) = extract(
        "申请单位应当提交下列材料：营业执照复印件、社会保险费缴费凭证、就业困难人员认定证明。"
    )
    assert (r.span, r.subject, r.modality) == ("申请单位应当提交下列材料", "申请单位", "mandatory")


@pytest.mark.parametrize(
    "text",
    [
        # what a change would cost, reckoned (需…约: no duty, GUIDE 1.5)
        "低保标准每提高1元，全市每月需增加低保资金支出约4.6万元。",
        # the years since, told: its 到2018年的806元 is the level then, no target by a year
        "自2014年以来，我市特困人员基本生活标准由每人每月500元逐步提高到2018年的806元。",
        # the basis and what the document does itself
        "依据《森林防火条例》等法律法规，结合本县实际，编制本预案。",
    ],
)
def test_a_reckoned_cost_the_years_since_and_a_plan_drawn_up_are_no_rows(text):
    assert extract(text) == []


def test_a_basis_named_by_a_notice_is_no_row_of_its_own():
    (r,) = extract(
        "按照省财政厅、省民政厅联合下发的通知，我省城乡低保标准最低不得低于每人每月600元。"
    )
    assert (r.comparator, r.value, r.per) == (">=", Decimal(600), "month")


def test_a_level_raised_step_by_step_is_the_new_level_only():
    (r,) = extract("城市低保标准由每人每月580元逐步提高到650元。")
    assert (r.comparator, r.value, r.unit, r.per) == ("==", Decimal(650), "元", "month")


def test_who_was_covered_before_a_date_sets_no_deadline():
    """2018年底前已纳入…的人员: the ones covered by then, read as a deadline (2018-12-31)."""
    assert [
        r.due for r in extract("2018年底前已纳入特困供养的人员，自2019年1月起按新标准执行。")
    ] == [None]


def test_an_extra_amount_for_the_older_ones_is_a_row():
    """其中65周岁以上的老年人每人每月加发5元: the amount was lost (加发: paid on top)."""
    found = extract("60周岁以上参保人员按月领取基础养老金，其中65周岁以上的老年人每人每月加发5元。")
    extra = [r for r in found if r.unit == "元"]
    assert [(r.comparator, r.value, r.per) for r in extra] == [("==", Decimal(5), "month")]
    assert (extra[0].applies_when.comparator, extra[0].applies_when.value) == (">=", Decimal(65))


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("就业见习单位应当具备3名以上专职带教人员。", "就业见习单位"),  # (就 of 就业: no 'then')
        ("见习基地每年提供的见习岗位不少于10个，见习留用率不低于30%。", "见习基地"),
    ],
)
def test_a_trainee_host_and_a_training_base_act(text, subject):
    assert {r.subject for r in extract(text)} == {subject}


def test_advice_put_forward_is_a_duty_not_advice():
    """提出污染处置建议: 建议 the object of 提出, read as the advisory modal word."""
    found = extract(
        "县生态环境分局：负责组织开展应急监测，提出污染处置建议，协助指导污染物收集工作。"
    )
    assert "advisory" not in {r.modality for r in found}


def test_what_grade_an_event_is_is_no_row():
    """…100人以上500人以下的地质灾害险情，为中型地质灾害险情: a grade's definition (GUIDE 1.5),
    read as a range to meet."""
    assert extract("受威胁人数在100人以上500人以下的地质灾害险情，为中型地质灾害险情。") == []


@pytest.mark.parametrize(
    ("text", "subject", "when"),
    [
        (
            "当72小时内无新的急性病症患者出现时，由县食品安全事故应急指挥部终止Ⅳ级应急响应。",
            "县食品安全事故应急指挥部",
            ("<=", Decimal(72), "hour"),
        ),
        (
            "原患者病情稳定24小时以上时，县卫生健康局终止医疗救治应急响应。",
            "县卫生健康局",
            (">=", Decimal(24), "hour"),
        ),
    ],
)
def test_ending_a_response_is_a_duty_under_its_condition(text, subject, when):
    """终止…应急响应: no verb read, so the condition's number became a deadline or nothing."""
    (r,) = extract(text)
    assert r.subject == subject and r.span.endswith("应急响应")
    assert (r.applies_when.comparator, r.applies_when.value, r.applies_when.unit) == when


@pytest.mark.parametrize("text", ["监测频次不少于每2小时1次。", "监测频次不少于每二小时一次。"])
def test_no_fewer_than_once_every_two_hours_is_how_often(text):
    """不少于每2小时1次: read as at least two hours apart (>= 2 h), the opposite."""
    (r,) = extract(text)
    assert (r.kind, r.comparator, r.value, r.unit) == ("frequency", "<=", Decimal(2), "hour")


def test_a_bound_reached_mid_sentence_is_the_condition_of_how_often():
    """…，降雨量达到50毫米以上时，每3小时巡查不少于1次: its number was a row of its own."""
    first, second = extract(
        "地质灾害隐患点所在地村（居）委会应当确定监测责任人，降雨量达到50毫米以上时，"
        "每3小时巡查不少于1次。"
    )
    assert (second.kind, second.comparator, second.value) == ("frequency", "<=", Decimal(3))
    assert (second.applies_when.comparator, second.applies_when.value) == (">=", Decimal(50))


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        (
            "火灾扑灭后，火场所在地乡镇应当组织不少于2小时的看守。",
            ["火场所在地乡镇"],  # (场所 inside 火场所在地: no party)
        ),
        (
            "有关法律法规、机构职责或者应急资源发生重大变化时，应当及时修订。",
            [None],  # (机构职责: an agency's duties, no agency)
        ),
        (
            "当发生一般森林火灾时，由县森林防灭火指挥部办公室主任决定启动Ⅳ级响应。",
            ["县森林防灭火指挥部办公室主任"],  # (the director, not the office)
        ),
    ],
)
def test_names_holding_a_partys_word_and_a_director(text, subjects):
    assert [r.subject for r in extract(text)] == subjects


def test_a_share_of_aid_paid_by_the_province_is_a_duty_not_the_next_ones_condition():
    """省财政按照每人每月30元的标准给予补助，其余部分由…分担: the province's grant was the
    condition of the rest (…的标准给予补助 read as the things the rest is about)."""
    first, second = extract(
        "省财政按照每人每月30元的标准给予补助，其余部分由市、区财政按照4:6的比例分担。"
    )
    assert (first.subject, first.value, first.per) == ("省财政", Decimal(30), "month")
    assert (second.subject, second.applies_when) == ("市、区财政", None)


def test_a_programme_named_by_its_count_is_no_number_of_a_condition():
    """享受残疾人两项补贴的对象: 两项 names the programme; the condition read == 2 项."""
    (r,) = extract("享受残疾人两项补贴的对象，其补贴资金由区财政通过“一卡通”按月发放。")
    assert r.applies_when is not None and r.applies_when.value is None


def test_the_ones_an_age_names_right_before_them_are_the_duty_s_condition():
    """对0至6周岁残疾儿童实施康复救助: the age range was a row of its own and the duty was lost;
    the condition is the duty's own phrase's, not the amount's after it (GUIDE 3)."""
    duty, amount = extract("对0至6周岁残疾儿童实施康复救助，每人每年补助标准不超过20000元。")
    assert duty.span == "对0至6周岁残疾儿童实施康复救助"
    aw = duty.applies_when
    assert (aw.comparator, aw.low, aw.high, aw.unit) == ("range", 0, 6, "age_year")
    assert (amount.comparator, amount.value, amount.applies_when) == ("<=", 20000, None)


def test_the_ones_with_more_households_get_more_is_a_condition_not_a_row():
    """每300户以上的村增配1名: 每300户以上 was a row (>= 300 户) and 的村增配1名 another."""
    _, more = extract("每个行政村配备保洁员不少于2名，每300户以上的村增配1名。")
    assert (more.comparator, more.value, more.unit) == ("==", Decimal(1), "名")
    assert (more.applies_when.comparator, more.applies_when.value) == (">=", Decimal(300))


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # how often, then the verb: the party of the sentence before acts (GUIDE 2)
        (
            "各县（市区）要建立动态监测机制。每月要开展一次动态监测，监测结果报市乡村振兴局。",
            "各县（市区）",
        ),
        ("市应急管理局要指导各县建立分级管控台账。每季度组织一次安全生产大检查。", "市应急管理局"),
        ("二级以上公立医院要设立患者服务中心。每年开展一次患者满意度调查。", "二级以上公立医院"),
        # a team, a village doctor, a team member
        ("驻村工作队要每月向乡镇党委汇报一次工作，不得脱岗离岗。", "驻村工作队"),
        ("乡镇卫生院要加强对村医的业务培训。村医要每月对辖区高血压患者随访一次。", "村医"),
        # the party its sentence names, not the aside's units
        (
            "龙头企业带动农户不少于1000户，每年开展技术培训不少于2次。（责任单位：市农业农村局）",
            "龙头企业",
        ),
        # what a party is, or is as, said before its duty
        ("企业法定代表人是安全生产第一责任人，要每月至少带班检查一次。", "企业法定代表人"),
        ("市农业农村局作为牵头部门，要建立工作调度机制，每月调度一次。", "市农业农村局"),
        # an authority's things, 的 between
        (
            "市直各部门的行政审批事项要全部纳入政务服务中心办理，审批时限压缩至法定时限的50%以内。",
            "市直各部门",
        ),
        # the units of an aside: 等 after the last, and two parts apart by a space
        (
            "开展减税降费政策落实情况督查，每半年督查一次。（市税务局、市财政局等负责）",
            "市税务局、市财政局等",
        ),
        (
            "建立重大项目包联制度，每个项目明确1名市级领导包联。"
            "（牵头单位：市发展改革委 配合单位：市财政局）",
            "市发展改革委",
        ),
    ],
)
def test_who_acts_in_every_row_of_a_task(text, subject):
    """Each row's subject (GUIDE 2): the probe found them missing, run on (…是…第一责任人,
    …作为牵头部门), taken from the aside over the party named, or cut at a space."""
    found = extract(text)
    assert found and found[-1].subject == subject
    assert not any(r.span.startswith("（") for r in found)  # (an aside is no row)


@pytest.mark.parametrize(
    "text",
    [
        "2019年是新中国成立70周年，是决胜全面建成小康社会的关键之年。",
        "各项目建成后将惠及群众约20万人。",  # (将…约: foreseen)
        "法制审核机构的审核意见是行政执法机关作出决定的重要依据。",  # (what it is: a basis)
    ],
)
def test_what_a_year_is_and_a_foreseen_benefit_are_no_rows(text):
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "due"),
    [
        (
            "各牵头单位要于每季度末5日前将工作进展情况报市政府办公室。",
            {"rule": "quarter_first_month_day", "day": 5},
        ),
        ("一季度末前完成项目立项。", {"rule": "month_day", "month": 3, "day": 31}),
        ("2019年上半年完成污水处理厂扩建工程招标。", {"rule": "date", "date": "2019-06-30"}),
    ],
)
def test_a_quarters_end_and_a_half_year_are_deadlines(text, due):
    """每季度末5日前 was read as at least 5 days; 一季度末前 and 2019年上半年完成 set no date (the
    latter was even a report: 上半年)."""
    (r,) = extract(text)
    assert (r.due, r.value) == (due, None)


def test_a_share_of_the_years_task_by_mid_year_is_not_each_year():
    """上半年完成全年…任务的50%以上: 全年 read as per year, and no date."""
    first, _ = extract(
        "上半年完成全年棚户区改造任务的50%以上，年底前全面完成。（市住房城乡建设局负责）"
    )
    assert (first.comparator, first.value, first.per) == (">=", Decimal(50), None)
    assert first.due == {"rule": "month_day", "month": 6, "day": 30}


def test_growth_of_about_a_rate_is_no_floor():
    """增长7%左右: about 7 %, read as at least 7 %."""
    found = extract("全市地区生产总值增长7%左右，一般公共预算收入增长6%左右。")
    assert [(r.comparator, r.value) for r in found] == [("==", Decimal(7)), ("==", Decimal(6))]
    assert all("approximate" in r.flags for r in found)


def test_how_many_a_task_is_to_move_is_a_target():
    """推动100家规模以上工业企业实施智能化改造: 推动 with a number is a row (GUIDE 1.1, 1.4)."""
    (r,) = extract("推动100家规模以上工业企业实施智能化改造。")
    assert (r.value, r.unit) == (Decimal(100), "家")


def test_the_ones_a_sanction_names_before_it_with_no_comma_are_its_condition():
    """对工作不力、进度滞后的单位予以通报批评: the breach is the sanction's condition (GUIDE 3)."""
    *_, r = extract(
        "市政府督查室将对各项任务落实情况进行督导检查，对工作不力、进度滞后的单位予以通报批评。"
    )
    assert r.applies_when.text == "对工作不力、进度滞后的单位"
    assert r.subject == "市政府督查室"


def test_a_lists_size_is_no_target():
    """全年为民办实事项目共10大类32项: how the list is made up, read as 32 项 each year."""
    assert extract("全年为民办实事项目共10大类32项，涉及教育、医疗、养老、交通等领域。") == []


def test_a_time_cut_down_by_a_date_is_one_row_due_then():
    """年底前将企业开办时间压缩至3个工作日以内: the date was a row of its own, same span."""
    (r,) = extract("年底前将企业开办时间压缩至3个工作日以内。")
    assert (r.comparator, r.value, r.unit, r.due) == ("<=", 3, "working_day", {"rule": "year_end"})


def test_the_projects_a_size_picks_out_are_the_counts_condition():
    """全年新增1000万元以上的招商引资项目80个: >= 1000万元 was a row, 的…项目80个 another."""
    (r,) = extract("全年新增1000万元以上的招商引资项目80个。（市投资促进局牵头）")
    assert (r.comparator, r.value, r.unit, r.subject) == ("==", 80, "个", "市投资促进局")
    assert (r.applies_when.comparator, r.applies_when.value) == (">=", Decimal(10000000))


def test_two_parties_each_with_its_own_duty_are_two_rows():
    """…企业按照绩效分级要求减排，A级企业可自主采取减排措施: one row (the first party's, a
    permission) held both."""
    first, second = extract(
        "橙色及以上预警期间，涉气重点行业企业按照绩效分级要求减排，A级企业可自主采取减排措施。"
    )
    assert (first.subject, first.modality) == ("涉气重点行业企业", None)
    assert (second.subject, second.modality, second.span) == (
        "A级企业",
        "permission",
        "A级企业可自主采取减排措施",
    )


def test_units_alone_in_brackets_after_a_task_answer_for_it():
    """推进农村改厕，年内完成改厕2万户。（市农业农村局、市卫生健康委，各县（市区）政府）: the
    units named with no 负责/牵头 are the task's responsible units (GUIDE 2); the row had none."""
    (r,) = extract(
        "推进农村改厕，年内完成改厕2万户。（市农业农村局、市卫生健康委，各县（市区）政府）"
    )
    assert r.subject == "市农业农村局、市卫生健康委，各县（市区）政府"
    (own,) = extract("采购人应当在5个工作日内作出答复。（采购人、供应商）")  # (no task's units)
    assert own.subject == "采购人"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # when the time starts (满3个月之日起) is no threshold; 养犬人 acts
        ("养犬人应当在犬只满3个月之日起30日内到公安机关办理养犬登记。", [("<=", 30, "养犬人")]),
        # 限养: a cap
        ("重点管理区内每户限养一只犬。", [("<=", 1, None)]),
    ],
)
def test_a_times_start_a_cap_and_a_dog_owner(text, expected):
    assert [(r.comparator, r.value, r.subject) for r in extract(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "预算执行率得分=实际支出数÷预算数×10分，执行率低于60%的不得分。",  # (不得分: no ban)
    ],
)
def test_a_formula_and_scoring_nothing_are_no_rows(text):
    assert extract(text) == []


def test_quantifiable_is_no_permission():
    """可量化的指标不少于…70%: 可 of 可量化 read as the modal word (a permission)."""
    *_, r = extract("绩效目标应当细化量化，可量化的指标不少于总指标数的70%。")
    assert (r.comparator, r.value, r.modality) == (">=", Decimal(70), None)


def test_where_the_figures_are_is_no_part_of_the_duty():
    """各县（市、区）分配数额见附件1，请于…前将资金拨付到位: the reference was the row's start."""
    (r,) = extract("各县（市、区）分配数额见附件1，请于2020年3月31日前将资金拨付到位。")
    assert r.span == "请于2020年3月31日前将资金拨付到位"
    assert r.due == {"rule": "date", "date": "2020-03-31"}


def test_issuing_a_permit_after_a_case_is_the_authoritys_duty():
    """…；予以许可的，核发…许可证: 核发 no verb read, so no party carried to it."""
    _, r = extract(
        "市城市管理局应当自受理申请之日起20个工作日内作出决定；予以许可的，核发户外广告设置许可证。"
    )
    assert (r.subject, r.applies_when.text) == ("市城市管理局", "予以许可的")


@pytest.mark.parametrize(
    ("text", "span", "when"),
    [
        (
            "绩效目标审核采取百分制，审核得分在80分以下的，退回项目单位修改完善。",
            "退回项目单位修改完善",
            ("<=", Decimal(80), "分"),
        ),
        (
            "各县（市、区）应当于每年6月30日前完成结转资金清理，结转两年以上的资金一律收回同级财政。",
            "结转两年以上的资金一律收回同级财政",
            (">=", Decimal(2), "year"),
        ),
    ],
)
def test_the_ones_a_bound_picks_out_before_what_is_done_to_them(text, span, when):
    """…80分以下的，退回…; …两年以上的资金一律收回…: the bound was a row of its own and what is
    done to them had no condition (GUIDE 3)."""
    r = extract(text)[-1]
    aw = r.applies_when
    assert (r.span, (aw.comparator, aw.value, aw.unit)) == (span, when)


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("流转双方应当在合同签订后15个工作日内报镇（街道）农村经营管理部门备案。", ["流转双方"]),
        ("养殖场户应当建立免疫档案，档案保存期不少于2年。", ["养殖场户", "养殖场户"]),
        ("土地流转价格由流转双方协商确定。", ["流转双方"]),  # (协商: its verb, no name's)
    ],
)
def test_the_parties_of_a_land_transfer_and_a_farm_act(text, subjects):
    assert [r.subject for r in extract(text)] == subjects


def test_kept_all_year_round_is_no_yearly_amount():
    """全年保持在70%以上: throughout the year, read as per year."""
    (r,) = extract("免疫抗体合格率全年保持在70%以上。")
    assert (r.comparator, r.value, r.per) == (">=", Decimal(70), None)


def test_the_ones_an_age_names_before_a_comma_are_the_next_duty_s_condition():
    """对辖区内65岁及以上常住居民，每年提供1次…: the age was a row (>= 65) and the duty had none."""
    (r,) = extract("对辖区内65岁及以上常住居民，每年提供1次生活方式和健康状况评估、体格检查。")
    assert (r.kind, r.value, r.per) == ("frequency", 1, "year")
    assert (r.applies_when.comparator, r.applies_when.value) == (">=", Decimal(65))


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("学校举办者应当保障食堂建设所需经费。", "学校举办者"),  # (not 学校)
        ("家庭医生团队对签约患者每年至少提供4次面对面随访。", "家庭医生团队"),
    ],
)
def test_a_schools_sponsor_and_a_doctors_team_act(text, subject):
    (r,) = extract(text)
    assert r.subject == subject


@pytest.mark.parametrize(
    "text",
    [
        "截至去年底，全市住房公积金缴存总额达到2380亿元，同比增长11.2%。",  # (去年底: no deadline)
        "社会组织年度检查结论分为合格、基本合格和不合格三个等次。",  # (grades named)
    ],
)
def test_last_years_totals_and_the_grades_named_are_no_rows(text):
    assert extract(text) == []


def test_not_earlier_than_an_age_is_that_age_or_older():
    """男不得早于22周岁: read as exactly 22."""
    assert [
        (r.comparator, r.value) for r in extract("结婚年龄，男不得早于22周岁，女不得早于20周岁。")
    ] == [
        (">=", 22),
        (">=", 20),
    ]


def test_an_amount_added_per_head_is_as_written():
    """每人每月增加150元: added as written (read >= 150 元); a rate's growth stays a floor."""
    (amount,) = extract("三口以上家庭的租赁补贴，每人每月增加150元。")
    (rate,) = extract("城乡居民收入增长7%。")
    assert (amount.comparator, rate.comparator) == ("==", ">=")


@pytest.mark.parametrize(
    "text",
    [
        "第十条 挂牌督办通知书应当载明下列事项：（一）隐患单位名称和地址；（二）隐患的具体内容；"
        "（三）整改要求和期限；（四）督办单位及联系人。",
        "第十六条 申请销号应当提交下列材料：（一）销号申请书；（二）重大事故隐患整改报告；"
        "（三）整改评估报告；（四）有关影像资料。",
    ],
)
def test_what_a_paper_holds_and_the_papers_handed_in_are_names_not_duties(text):
    """载明下列事项：…（三）整改要求和期限: items with 要求, 报告 were rows."""
    (r,) = extract(text)
    assert r.modality == "mandatory" and r.span.endswith(("下列事项", "下列材料"))


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # (督办: supervision, no 办 office; the party before is who acts)
        (
            "第八条 负有安全生产监督管理职责的部门在监督检查中发现重大事故隐患的，应当自发现之日起"
            "5个工作日内提出挂牌督办建议。",
            "负有安全生产监督管理职责的部门",
        ),
        (
            "涉及多个行业领域的重大事故隐患，由县安全生产委员会办公室指定牵头督办部门。",
            "县安全生产委员会办公室",
        ),
        (
            "被约谈方应当在约谈结束后15个工作日内，将整改措施及落实情况书面报送约谈实施部门。",
            "被约谈方",
        ),
        # (checked, not checking)
        ("同一生产经营单位在一年内被随机抽查的次数不超过2次，但举报投诉等情形除外。", None),
    ],
)
def test_who_acts_in_hazard_supervision(text, subject):
    assert extract(text)[0].subject == subject


@pytest.mark.parametrize(
    "text",
    [
        "为加快推进新型工业化进程，进一步优化营商环境，根据国家和省有关规定，结合我县实际，制定本政策。",
        "本政策适用于在我县行政区域内依法登记注册、实行独立核算的工业企业和服务业企业。",
        "文明城市测评体系由实地考察、问卷调查和材料审核三部分构成。",
        "市民文明素质测评主要考察公共场所秩序、志愿服务参与和文明交通等方面。",
        "考核采取日常考核、专项考核和年终考核相结合的方式进行。",
    ],
)
def test_a_policys_making_and_scope_and_an_assessment_described_are_no_rows(text):
    """制定本政策, 本政策适用于…, …由…三部分构成, 主要考察…等方面, 采取…相结合的方式进行:
    the document and its rules described (GUIDE 1.5)."""
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "subject", "when"),
    [
        ("未设立志愿服务站点的社区，每个扣0.5分。", None, "未设立志愿服务站点"),
        (
            "连续两年考核为末位的，由市委组织部约谈其主要负责人。",
            "市委组织部",
            "连续两年考核为末位的",
        ),
    ],
)
def test_the_ones_that_did_not_and_a_partys_department(text, subject, when):
    """未设立…的社区，每个扣0.5分: no condition read; 由市委组织部约谈: cut at 组织, a verb."""
    (r,) = extract(text)
    assert (r.subject, r.applies_when.text) == (subject, when)


def test_the_units_that_help_alone_in_brackets_are_no_row():
    """（市公安局配合）: the helping units named alone after a task were a row of no words."""
    found = extract(
        "市交通运输局牵头，对全市重点货运源头企业实行驻点监管，货车超限超载率控制在0.5%以内。"
        "（市公安局配合）"
    )
    assert not any(r.span.startswith("（") for r in found)
    assert {r.subject for r in found} == {"市交通运输局"}


def test_a_request_that_the_units_name_someone_is_theirs():
    """请各单位确定1名…作为联络员，于…前将…报…: 确定 after the party was no verb read."""
    assert {
        r.subject
        for r in extract(
            "请各单位确定1名科级干部作为联络员，于4月20日前将联络员名单报市政府办公室综合科。"
        )
    } == {"各单位"}


def test_a_number_to_call_is_no_row():
    assert extract("旅游投诉举报电话为12345。") == []


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("出境旅游组团社应当为旅游团队安排领队全程陪同。", "出境旅游组团社"),
        ("文化馆、乡镇综合文化站应当免费开放。", "文化馆、乡镇综合文化站"),
        ("文化遗产日期间，国有博物馆应当组织开展主题宣传活动。", "国有博物馆"),
        ("导游人员每年参加培训的时间累计不得少于24小时。", "导游人员"),
        ("市、县两级公共图书馆每周开放时间不少于56小时。", "市、县两级公共图书馆"),
        ("有限空间作业时，监护人员不得离开作业现场。", "监护人员"),
    ],
)
def test_tour_operators_cultural_venues_and_a_watchman_act(text, subject):
    assert extract(text)[-1].subject == subject


def test_not_earlier_than_a_time_before_another_is_no_floor():
    """不得早于作业开始前30分钟: 早于 with a time before another between it and the number read
    as at least 30 minutes (the opposite); an age right after it stays a floor."""
    (r,) = extract("检测时间不得早于作业开始前30分钟。")
    assert r.comparator != ">="


def test_a_long_named_party_picked_out_by_its_size_keeps_its_name():
    """…的危险化学品经营单位，应当…: the name was cut to 单位 (six characters at most before it)."""
    (r,) = extract(
        "从业人员不足100人的危险化学品经营单位，应当配备至少1名专职或者兼职安全生产管理人员。"
    )
    assert (r.subject, r.applies_when.comparator, r.applies_when.value) == (
        "危险化学品经营单位",
        "<",
        Decimal(100),
    )
