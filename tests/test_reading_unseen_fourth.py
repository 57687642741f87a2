"""A fourth round of the reading, found by probing it with clauses written for the purpose (never
from the bundled gazettes): elderly and child care, food safety, government work rules, dust
control. Each case is a clear error a probe found, read as GUIDE.md (tests/data/reading_labels)
says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("运营方应当于每月10日前将上月服务台账报送乡镇（街道）审核。", "运营方"),
        ("婴幼儿午睡时，保育人员应当全程值守。", "保育人员"),
        ("护理员应当每2小时为卧床老人翻身一次。", "护理员"),
        # the ones it is (新招聘的), then the name, then when (上岗前)
        ("新招聘的护理员上岗前应当接受不少于40学时的岗前培训。", "护理员"),
        # the party a ban names right after its word
        ("严禁托育机构虐待、歧视、体罚婴幼儿。", "托育机构"),
        ("严禁养老机构以任何名义收取押金。", "养老机构"),
        # a party's own standard, then the duty
        ("托育机构收费标准应当向社会公示。", "托育机构"),
        # a party, then its units counted
        ("托育机构乳儿班每班不超过10人。", "托育机构"),
    ],
)
def test_care_workers_operators_and_a_party_named_after_a_ban_act(text, subject):
    assert extract(text)[0].subject == subject


def test_a_ban_on_a_thing_done_to_a_party_names_no_one():
    """严禁将…交给无资质单位: the unit is whom it is handed to, not who may not."""
    (r,) = extract("严禁将危险废物交给无资质单位处置。")
    assert r.subject is None


def test_the_next_classes_take_the_party_of_the_first():
    reqs = extract("托育机构乳儿班每班不超过10人，托小班每班不超过15人，托大班每班不超过20人。")
    assert [r.subject for r in reqs] == ["托育机构"] * 3


@pytest.mark.parametrize(
    "text",
    [
        # the ones a grant is for, listed after 包括： (names, their ages no threshold)
        "高龄津贴发放对象包括：80至89周岁老年人、90至99周岁老年人、100周岁以上老年人。",
        "补贴对象包括：城乡特困老年人、低保家庭中60周岁以上老年人。",
        # the kinds of a thing listed after 主要有：
        "公文的种类主要有：决议、决定、命令、公报、公告、通告、意见、通知、通报、报告、请示、批复、"
        "议案、函、纪要。",
        # who attends, a label and its names
        "参加人员：县市场监督管理局、县教育局、县卫生健康局分管领导及相关股室负责人。",
        # reached already (已达): a report
        "全县学校食堂“明厨亮灶”覆盖率已达100%。",
        # who issued a standard and when: a fact told
        "餐饮服务食品安全操作规范（2018年版）由国家市场监督管理总局于2018年6月发布。",
        # what a kind of document is: a definition with no 是指
        "公文是市政府实施领导、依法行政、处理公务的具有特定效力和规范体式的文书。",
        "公告是向国内外宣布重要事项的公文。",
    ],
)
def test_lists_of_names_reports_facts_and_definitions_are_no_rows(text):
    assert extract(text) == []


def test_what_a_silence_is_taken_as_is_no_row():
    """逾期未审核的视为同意: a legal effect, no one's duty (it was a mandatory row)."""
    reqs = extract("县住建局要在收到备案材料之日起5个工作日内完成审核，逾期未审核的视为同意。")
    assert [r.span for r in reqs] == ["县住建局要在收到备案材料之日起5个工作日内完成审核"]


def test_stopping_a_payment_is_not_the_familys_duty():
    """其家属应当…报告，从次月起停止发放: the authority stops paying, not the family."""
    reqs = extract(
        "享受高龄津贴的老年人死亡的，其家属应当在30日内向村（社区）报告，从次月起停止发放。"
    )
    assert [(r.span, r.subject) for r in reqs] == [
        ("其家属应当在30日内向村（社区）报告", "家属"),
        ("从次月起停止发放", None),
    ]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a school's canteen, whole (it was cut to 学校)
        ("学校食堂餐具煮沸消毒温度应在100℃。", "学校食堂"),
        ("严禁学校食堂采购、贮存、使用亚硝酸盐。", "学校食堂"),
        # the sites and vehicles a dust rule binds
        ("混凝土搅拌站砂石料堆场应当设置防风抑尘网。", "混凝土搅拌站砂石料堆场"),
        ("建设工程施工现场应当配备不少于2名专职扬尘污染防治管理人员。", "建设工程施工现场"),
        ("重型柴油货车禁止进入城区。", "重型柴油货车"),
        # a party, then how far it is from something
        ("畜禽养殖场距离饮用水水源保护区边界不得少于500米。", "畜禽养殖场"),
        ("食品摊贩经营场所距离学校、幼儿园出入口不少于50米。", "食品摊贩"),
        # an authority that summons, no modal word
        ("对空气质量同比下降的镇，县政府约谈其主要负责人。", "县政府"),
        # a government's members
        ("市政府组成人员应当按时参加会议。", "市政府组成人员"),
    ],
)
def test_canteens_dust_sites_vehicles_and_a_governments_members_act(text, subject):
    assert extract(text)[0].subject == subject


def test_the_ones_who_attend_a_bodys_meeting_are_not_the_body():
    """出席市政府会议的人员因故不能出席的，应当…: the subject was the fragment 出席市政府."""
    (r,) = extract("出席市政府会议的人员因故不能出席的，应当在会前向市长请假。")
    assert r.subject != "出席市政府"


def test_a_bound_held_for_hours_is_the_conditions_number_not_the_hours():
    """连续2小时超过150微克/立方米的: the condition's number is > 150 μg/m³, not >= 2 hours."""
    (r,) = extract("在建工地PM10监测数值连续2小时超过150微克/立方米的，应当立即停止施工作业。")
    assert (r.applies_when.comparator, r.applies_when.value) == (">", Decimal(150))


def test_the_ones_a_limit_after_a_mid_sentence_case_is_for():
    """…，经营户在100户以上的，专职…人员不少于2名: the case was a row of its own (>= 100 户)
    and the limit after it had no condition."""
    reqs = extract(
        "农贸市场开办者应当配备专职食品安全管理人员，经营户在100户以上的，"
        "专职食品安全管理人员不少于2名。"
    )
    assert [(r.value, r.applies_when and r.applies_when.value) for r in reqs] == [
        (None, None),
        (Decimal(2), Decimal(100)),
    ]


def test_a_length_in_characters_is_a_limit():
    """篇幅一般不超过5000字: the number was lost (字 was no unit)."""
    (r,) = extract("文件篇幅不得超过5000字。")
    assert (r.comparator, r.value, r.unit) == ("<=", Decimal(5000), "字")


def test_a_crossroads_is_no_count_of_characters():
    assert all(r.unit != "字" for r in extract("十字路口应当设置交通信号灯。"))


def test_a_list_of_parties_joined_by_yiji_is_read_whole():
    """…、集体用餐配送单位以及宴会餐饮服务单位必须…: the subject was 单位."""
    (r,) = extract("学校食堂、中央厨房、集体用餐配送单位以及宴会餐饮服务单位必须按规定留样。")
    assert r.subject == "学校食堂、中央厨房、集体用餐配送单位以及宴会餐饮服务单位"


@pytest.mark.parametrize(
    "text",
    [
        # what defines an alert's grade (a forecast, no duty)
        "黄色预警：预测日AQI均值＞200将持续2天（48小时）及以上，且短时出现重度污染、"
        "未达到高级别预警条件时。",
        "（一）红色预警：预测日AQI均值＞200将持续4天及以上。",
        # bands of air quality
        "AQI日均值在201至300之间为重度污染，大于300为严重污染。",
    ],
)
def test_what_defines_an_alert_or_a_band_of_air_quality_is_no_row(text):
    assert extract(text) == []


def test_a_duty_under_an_alerts_label_keeps_its_number():
    (r,) = extract("黄色预警：各单位应当每2小时巡查一次。")
    assert (r.subject, r.kind) == ("各单位", "frequency")


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # what befalls the party first (收到…), then the case, then its duty
        (
            "行政机关收到政府信息公开申请，能够当场答复的，应当当场予以答复。",
            ["应当当场予以答复"],
        ),
        # on whose behalf (受…委托), then what it may do
        (
            "副市长受市长委托，可以负责其他方面的工作或者专项任务。",
            ["可以负责其他方面的工作或者专项任务"],
        ),
    ],
)
def test_what_befalls_a_party_and_on_whose_behalf_are_no_rows(text, spans):
    assert [r.span for r in extract(text)] == spans


def test_the_one_whose_house_is_taken_acts():
    (r,) = extract("被征收人应当配合调查登记。")
    assert r.subject == "被征收人"


def test_a_case_with_a_statutory_period_and_a_comma_is_the_sanctions_condition():
    """…在法定期限内不申请行政复议…，…又不搬迁的，由县人民政府…: 法定期限 held 定期 (read as
    "regularly", a duty of its own), so the whole sentence was one row of 被征收人."""
    (r,) = extract(
        "被征收人在法定期限内不申请行政复议或者不提起行政诉讼，在补偿决定规定的期限内又不搬迁的，"
        "由县人民政府依法申请人民法院强制执行。"
    )
    assert (r.span, r.subject) == ("由县人民政府依法申请人民法院强制执行", "县人民政府")
    assert r.applies_when.text.endswith("又不搬迁的")


@pytest.mark.parametrize("text", ["对违法建筑，不予补偿。", "超过60日的，不予奖励。"])
def test_no_compensation_or_reward_is_a_row_under_its_case(text):
    (r,) = extract(text)
    assert r.applies_when is not None and r.span.startswith("不予")


def test_an_award_named_after_what_it_is_for_keeps_its_amount():
    """给予每户2万元的按期搬迁奖励: the amount was read as the ones picked out (a condition)."""
    (r,) = extract("被征收人签订补偿协议并按期搬迁的，给予每户2万元的按期搬迁奖励。")
    assert (r.comparator, r.value, r.unit, r.per) == ("==", Decimal(20000), "元", "户")


@pytest.mark.parametrize(
    "text",
    [
        # what a year's budget held, against the year before
        "2019年市级财政安排就业补助资金2.3亿元，较上年增长8.6%。",
        # what was paid in a half-year, to how many
        "2019年1月至6月，全市累计为4.2万名企业职工发放职业技能提升补贴6280万元。",
        # what a level came to after it changed
        "调整后，全市月人均基础养老金达到135元。",
        # what a whole year did
        "全年共为2.3万名就业困难人员发放社会保险补贴。",
    ],
)
def test_what_a_fund_paid_or_reached_is_a_report_not_a_rule(text):
    assert extract(text) == []


def test_shares_of_what_falls_short_are_the_levels_shares_not_a_shortfall():
    """不足部分 names what is left to pay, not a bound (不足 as <)."""
    rows = extract("不足部分由市、县两级财政按照40%、60%的比例负担。")
    assert [(r.comparator, r.value, r.unit) for r in rows] == [
        ("==", Decimal(40), "%"),
        ("==", Decimal(60), "%"),
    ]
    assert {r.subject for r in rows} == {"市、县两级财政"}


def test_a_half_years_figures_sent_up_is_a_duty_not_a_report():
    (r,) = extract("各县（市、区）人社局要将上半年资金使用情况报市人社局。")
    assert r.subject == "各县（市、区）人社局"


def test_dealt_with_severely_by_law_is_a_sanction_under_its_case():
    (r,) = extract("对违反规定使用资金的，依照《财政违法行为处罚处分条例》等有关规定严肃处理。")
    assert r.span.endswith("严肃处理") and r.applies_when.text == "对违反规定使用资金的"


@pytest.mark.parametrize(
    "text, subject",
    [
        ("就业补助资金由市财政局根据各县（市、区）就业工作任务分配。", "市财政局"),
        ("资金不足部分由县级财政兜底。", "县级财政"),
    ],
)
def test_who_shares_out_or_backs_a_fund_is_its_subject(text, subject):
    (r,) = extract(text)
    assert r.subject == subject


@pytest.mark.parametrize(
    "text",
    [
        # what a year handed out in all, and how many it funded
        "本年度共下达福彩公益金1200万元，资助项目46个。",
        # a breakdown of funds, one of them matching funds (配套资金, a noun here)
        "其中，中央补助资金1.5亿元，省级补助资金0.4亿元，市县配套资金0.2亿元。",
        # how funds are shared out: a method, no act of anyone's
        "救助资金按照因素法分配。",
    ],
)
def test_a_years_totals_a_breakdown_and_a_method_are_no_rows(text):
    assert extract(text) == []


def test_a_bound_in_a_years_total_is_still_a_rule():
    (r,) = extract("全年共安排培训不少于3次。")
    assert (r.comparator, r.value, r.unit) == (">=", Decimal(3), "次")


def test_a_proposal_named_is_no_advice():
    """提出资金分配建议: 建议 is the paper proposed, not 'it is advised'."""
    rows = extract("市民政局负责审核资金需求，提出资金分配建议，会同市财政局进行绩效评价。")
    assert rows and all(r.modality is None for r in rows)
    assert {r.subject for r in rows} == {"市民政局"}


@pytest.mark.parametrize(
    "text, subject",
    [
        ("建议各地建立台账。", "各地"),
        ("建议各县（市、区）加强宣传。", "各县（市、区）"),
        ("鼓励企业建立安全生产责任保险制度。", "企业"),
    ],
)
def test_the_one_advised_or_encouraged_is_the_subject_without_the_word(text, subject):
    (r,) = extract(text)
    assert (r.subject, r.modality) == (subject, "advisory")


def test_a_body_at_its_work_before_its_breach_is_no_row():
    """…及其工作人员在资金分配、审核等工作中，存在…的，依法责令改正: the work they were at is
    no duty of its own."""
    rows = extract(
        "各级财政、民政部门及其工作人员在资金分配、审核等工作中，存在违反规定分配资金等违法违纪"
        "行为的，依法责令改正，并追究相应责任。"
    )
    assert [r.span for r in rows] == ["依法责令改正", "并追究相应责任"]


@pytest.mark.parametrize(
    "text, span, condition",
    [
        # the ones, then what else they did, before the grant: one case
        (
            "对企业新录用的五类人员，与企业签订1年以上期限劳动合同、并于签订劳动合同之日起1年内参加"
            "岗位技能培训的，在取得职业资格证书后给予职业培训补贴。",
            "在取得职业资格证书后给予职业培训补贴",
            (">=", Decimal(1), "year"),
        ),
        # two parts with 且, the ones named after the 的: their 1年以上 and 2年内 are two
        # measures, no band
        (
            "对首次创办小微企业或从事个体经营，且所创办企业或个体工商户自工商登记注册之日起正常运营"
            "1年以上的离校2年内高校毕业生、就业困难人员，给予一次性创业补贴。",
            "给予一次性创业补贴",
            (">=", Decimal(1), "year"),
        ),
        # what a grant is for, named by its noun
        (
            "对就业困难人员灵活就业后缴纳的社会保险费，给予一定数额的社会保险补贴，"
            "补贴标准原则上不超过其实际缴费的2/3。",
            "补贴标准原则上不超过其实际缴费的2/3",
            (None, None, None),
        ),
    ],
)
def test_the_ones_a_grant_is_for_are_its_condition_whole(text, span, condition):
    (r,) = extract(text)
    assert r.span == span
    assert r.applies_when.text.startswith("对") and r.applies_when.text.endswith(
        text.split("，给予")[0].split("，在取得")[0][-4:]
    )
    when = r.applies_when
    assert (when.comparator, when.value, when.unit) == condition


def test_an_aside_with_another_bound_stays_inside_the_case():
    """…比例达到25%（超过100人的企业比例为15%），并…的，可申请…: the aside's 15% is the case's
    too, no row of its own."""
    (r,) = extract(
        "小微企业当年新招用符合条件人员占现有在职职工比例达到25%（超过100人的企业比例为15%），"
        "并与其签订1年以上劳动合同的，可申请最高不超过300万元的创业担保贷款。"
    )
    assert (r.comparator, r.value, r.unit) == ("<=", Decimal(3000000), "元")
    when = r.applies_when
    assert (when.comparator, when.value, when.unit) == (">=", Decimal(25), "%")


def test_who_leads_a_body_to_be_set_up_is_not_who_sets_it_up():
    (r,) = extract("各级政府要高度重视，建立政府负责人牵头的工作协调机制。")
    assert (r.span, r.subject) == ("建立政府负责人牵头的工作协调机制", "各级政府")


def test_placing_the_ones_left_is_an_act():
    (r,) = extract("对通过市场渠道确实难以就业的困难人员，通过公益性岗位托底安置。")
    assert r.span == "通过公益性岗位托底安置" and r.applies_when is not None


def test_a_tasks_aside_with_a_time_limit_names_the_units_alone():
    """（责任单位：A、B；完成时限：…）: the units are A and B, not the time limit with them; the
    date the aside names is a row of theirs (GUIDE 1.4)."""
    rows = extract(
        "全面排查自然保护区内违法违规问题，建立问题清单。（责任单位：市生态环境局、市自然资源和"
        "规划局；完成时限：2019年6月底前）"
    )
    assert {r.subject for r in rows} == {"市生态环境局、市自然资源和规划局"}
    assert [r.due for r in rows if r.due] == [{"rule": "date", "date": "2019-06-30"}]


def test_a_date_inside_an_aside_is_that_asides_units():
    rows = extract(
        "1.加快建设就业服务平台。（责任单位：市人社局；完成时限：2019年底前）2.推进项目建设。"
        "（责任单位：市发改委；完成时限：2020年6月底前）"
    )
    assert [(r.subject, r.due["date"]) for r in rows if r.due] == [
        ("市人社局", "2019-12-31"),
        ("市发改委", "2020-06-30"),
    ]


def test_a_body_whose_name_opens_with_zi_acts():
    """自然保护区管理机构: 自 opened no name (as in 自…起), so the body was no subject."""
    (r,) = extract("自然保护区管理机构每年至少组织一次全面巡查。")
    assert (r.subject, r.comparator, r.value, r.per) == ("自然保护区管理机构", ">=", 1, "year")


@pytest.mark.parametrize(
    "text, value",
    [
        ("对能效达不到标杆水平的企业，实施差别电价，每千瓦时加价0.1元。", Decimal("0.1")),
        ("居民用电每度0.55元。", Decimal("0.55")),
    ],
)
def test_a_price_per_kilowatt_hour_is_an_amount_per_kwh(text, value):
    (r,) = [r for r in extract(text) if r.value is not None]
    assert (r.comparator, r.value, r.unit, r.per) == ("==", value, "元", "kWh")


def test_how_many_of_them_need_something_is_a_count_not_a_duty():
    assert extract("全市现有规模养殖场1268家，其中需配套粪污处理设施的892家。") == []


@pytest.mark.parametrize(
    "text, subject, kind",
    [
        # the next name of a list, its modal word right after it (不可, not only 应当/不得)
        (
            "同一项目就业补助资金补贴与失业保险待遇有重复的，个人和单位不可重复享受。",
            "个人和单位",
            "regulated",
        ),
        # the people of the parties before
        ("相关单位和人员应当予以配合。", "相关单位和人员", "regulated"),
    ],
)
def test_a_list_of_parties_is_read_whole(text, subject, kind):
    (r,) = extract(text)
    assert (r.subject, r.subject_kind) == (subject, kind)


def test_who_counts_as_one_is_a_definition_no_age_limit():
    """…年满40周岁、…的城镇登记失业人员可认定为就业困难人员: who counts as one; the ages are no
    requirement."""
    rows = extract("女性年满40周岁、男性年满50周岁的城镇登记失业人员可认定为就业困难人员。")
    assert all(r.value is None for r in rows)


def test_a_body_then_whom_it_brings_together_is_the_body():
    """市整治办组织有关部门…验收: 组织 is its verb; not 市委组织部, a name."""
    rows = extract("市整治办组织有关部门对整改情况进行验收，验收合格的予以销号。")
    assert {r.subject for r in rows} == {"市整治办"}
    (r,) = extract("市委组织部负责考核。")
    assert r.subject == "市委组织部"


@pytest.mark.parametrize(
    "text, condition",
    [
        ("对违法违规开发建设活动，要依法依规严肃处理。", "对违法违规开发建设活动"),
        ("对违法建设行为，要依法查处。", "对违法建设行为"),
    ],
)
def test_the_acts_a_duty_is_about_are_its_condition(text, condition):
    """对…建设活动: 建设 a noun of the acts named, no verb of policy."""
    (r,) = extract(text)
    assert r.applies_when.text == condition and r.span.startswith("要")


def test_applications_refused_for_a_term_is_the_sanctions_term_not_a_deadline():
    """两年内不予受理其挖掘申请: for two years its applications are refused (as 3年内取消其…资格),
    no time to do anything within."""
    (r,) = extract("对一年内违法挖掘城市道路两次以上的单位，两年内不予受理其挖掘申请。")
    assert (r.comparator, r.value, r.unit, r.kind) == ("==", 2, "year", "duration")


@pytest.mark.parametrize(
    "text, subject",
    [
        ("乡镇、村两级要建立台账。", "乡镇、村两级"),
        ("县、乡、村三级要落实网格化管理。", "县、乡、村三级"),
    ],
)
def test_levels_of_government_named_together_act(text, subject):
    (r,) = extract(text)
    assert (r.subject, r.subject_kind) == (subject, "authority")


_TASK_TABLE = (
    "序号\t重点任务\t责任单位\t完成时限\n"
    "1\t全面排查自然保护区内违法违规问题，建立问题台账\t市生态环境局、市自然资源局\t2024年4月底前\n"
    "2\t开展生态修复，修复面积不少于500亩\t市林业局牵头，各县（市、区）政府配合\t2024年12月底前"
)


def test_a_table_of_tasks_reads_each_rows_task_for_its_units():
    """序号 | 重点任务 | 责任单位 | 完成时限: the task cells gave no requirement (read as one text
    with the cells after them), the dates named no one."""
    rows = extract(_TASK_TABLE)
    assert [(r.span, r.subject) for r in rows] == [
        ("全面排查自然保护区内违法违规问题", "市生态环境局、市自然资源局"),
        ("建立问题台账", "市生态环境局、市自然资源局"),
        ("2024年4月底前", "市生态环境局、市自然资源局"),
        ("开展生态修复", "市林业局"),
        ("修复面积不少于500亩", "市林业局"),
        ("2024年12月底前", "市林业局"),
    ]
    assert all(_TASK_TABLE[r.start : r.start + len(r.span)] == r.span for r in rows)
    assert [r.due["date"] for r in rows if r.due] == ["2024-04-30", "2024-12-31"]


def test_a_table_of_figures_is_read_as_before():
    """A table with no 责任单位 column is no table of tasks: read as one text, as it was."""
    text = "项目\t标准\n储煤场面积\t不低于500平方米"
    (r,) = extract(text)
    assert (r.comparator, r.value) == (">=", 500)


@pytest.mark.parametrize(
    "text",
    [
        "八、本通告自发布之日起施行，有效期5年。",
        "（十）本办法自2024年1月1日起施行，有效期5年。",
        "3.本方案自印发之日起施行，有效期3年。",
    ],
)
def test_the_texts_own_term_after_an_items_numbering_is_no_row(text):
    assert extract(text) == []


def test_what_is_to_be_done_away_with_is_no_number_to_reach():
    """逐步消除56人以上大班额: classes of 56 or more go; read as ">= 56" it failed every class that
    keeps the rule."""
    rows = extract("小学班额不超过45人，初中班额不超过50人，逐步消除56人以上大班额。")
    assert [(r.comparator, r.value) for r in rows[:2]] == [("<=", 45), ("<=", 50)]
    last = rows[2]
    assert last.comparator is None and last.value is None
    assert (last.applies_when.comparator, last.applies_when.value) == (">=", 56)


def test_a_share_after_qizhong_is_the_named_partys():
    """其中县财政承担600元: 其中 opened the name (其中县财政), so no one bore the share."""
    rows = extract("农村户厕改造每户补助1000元，其中县财政承担600元，乡镇承担400元。")
    assert [(r.value, r.subject) for r in rows] == [(1000, None), (600, "县财政"), (400, "乡镇")]


def test_a_band_and_its_grade_is_the_condition_of_what_the_ones_in_it_get():
    rows = extract(
        "考核得分90分以上的为优秀，给予10万元奖励；60分以下的为不合格，扣减以奖代补资金20%。"
    )
    assert [(r.applies_when.comparator, r.applies_when.value) for r in rows] == [
        (">=", 90),
        ("<=", 60),
    ]


def test_the_households_a_grant_is_for_each_are_its_condition():
    """对符合条件的建档立卡贫困户，每户给予…: the households were a row of their own (eligibility)
    and the grant had no condition."""
    (r,) = extract("对符合条件的建档立卡贫困户，每户给予3000元产业扶持资金。")
    assert (r.value, r.per) == (3000, "户")
    assert r.applies_when.text == "对符合条件的建档立卡贫困户"


@pytest.mark.parametrize(
    "text",
    [
        "王五任市人力资源社会保障局副局长，试用期1年。",
        "赵七同志挂职任市发展改革委副主任（挂职时间2年）。",
    ],
)
def test_an_appointment_and_its_term_are_no_rows(text):
    assert extract(text) == []


def test_a_probation_rule_is_still_a_row():
    (r,) = extract("新录用公务员试用期为1年。")
    assert (r.value, r.unit) == (1, "year")
