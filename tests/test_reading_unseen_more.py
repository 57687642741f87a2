"""More of the reading, found by probing it with clauses written for the purpose (never from the
bundled gazettes): fund rules, farming, talent policy, fire and building safety. Each row is a
clear error a probe found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.scoring.units import display_name
from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "span", "when"),
    [
        (
            "绩效评价得分低于60分的区，下一年度资金分配时相应扣减绩效因素分配额。",
            "下一年度资金分配时相应扣减绩效因素分配额",
            ("<", Decimal(60), "分"),
        ),
        (
            "年度结余资金超过当年预算20%的地区，相应调减下一年度补助资金。",
            "相应调减下一年度补助资金",
            (">", Decimal(20), "%"),
        ),
    ],
)
def test_the_places_a_number_picks_out_are_the_measure_after_its_condition(text, span, when):
    """…的区，相应扣减…: the condition was a row of its own (< 60 分) and the measure had none, or
    one row held both."""
    (r,) = extract(text)
    aw = r.applies_when
    assert (r.span, (aw.comparator, aw.value, aw.unit)) == (span, when)


def test_at_least_every_two_hours_once_is_one_frequency():
    """至少每二小时一次: its 一次 was a count of its own (>= 1 次)."""
    (r,) = extract("公众聚集场所在营业期间的防火巡查应当至少每二小时一次。")
    assert (r.kind, r.comparator, r.value, r.unit) == ("frequency", "<=", 2, "hour")


@pytest.mark.parametrize(
    "text",
    [
        "遇六级以上大风天气，应当停止作业。",
        "起重机械每月至少进行一次全面检查；遇六级以上大风等恶劣天气，应当停止作业。",
    ],
)
def test_what_one_meets_opens_a_condition(text):
    """遇…，应当…: its number was a requirement (>= 6 级) and the duty had no condition, or the
    condition was cut at its number (遇六级以上)."""
    *_, r = extract(text)
    aw = r.applies_when
    assert (r.span, aw.comparator, aw.value, aw.unit) == ("应当停止作业", ">=", 6, "级")
    assert aw.text.startswith("遇六级以上大风")


@pytest.mark.parametrize(
    ("text", "when"),
    [
        (
            "有限空间作业应当严格遵守“先通风、再检测、后作业”的原则，未经通风和检测合格，严禁作业人员进入。",
            "未经通风和检测合格",
        ),
        ("企业应当建立动火审批制度，未经批准，不得擅自动火。", "未经批准"),
    ],
)
def test_without_leave_mid_sentence_is_the_bans_condition(text, when):
    """…，未经批准，不得…: 未经批准 was a row of its own and the ban had no condition."""
    first, ban = extract(text)
    assert first.applies_when is None
    assert (ban.kind, ban.applies_when.text) == ("prohibition", when)


def test_what_was_reached_already_is_a_report():
    """已达到860家: reached already (GUIDE 1.5, reports), not a target >= 860."""
    assert extract("全市高新技术企业已达到860家。") == []
    (r,) = extract("全市研发经费投入占地区生产总值比重已达到2.8%，到2025年要达到3%以上。")
    assert (r.comparator, r.value, r.unit) == (">=", 3, "%")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("购机者应当在购机后30日内向县农业农村局提交补贴申请。", "购机者"),
        ("动物饲养场应当配备与其饲养规模相适应的执业兽医。", "动物饲养场"),
        ("生鲜乳收购站不得收购用药期内的乳用动物产的生鲜乳。", "生鲜乳收购站"),
        ("乡镇农产品质量安全监管站要健全监管名录。", "乡镇农产品质量安全监管站"),
        ("食用农产品生产主体应当建立农产品生产记录。", "食用农产品生产主体"),
        ("货主应当在启运前3天向动物卫生监督机构报告。", "货主"),
    ],
)
def test_farm_parties_act(text, subject):
    (r,) = extract(text)
    assert r.subject == subject


def test_that_long_before_setting_off_is_at_least_that_long():
    (r,) = extract("货主应当在启运前3天向动物卫生监督机构报告。")
    assert (r.comparator, r.value, r.unit) == (">=", 3, "day")


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("对生猪实施强制免疫。", ["对生猪实施强制免疫"]),
        (
            "村民委员会负责组织农户填写补贴申报表，并对申报信息进行初审。",
            ["村民委员会负责组织农户填写补贴申报表", "并对申报信息进行初审"],
        ),
    ],
)
def test_directives_on_a_thing_or_a_form_are_rows(text, spans):
    """对…实施… is a directive (GUIDE 1.1: 实施…, 对…进行…); a form filled in (…申报表) is no
    table's title: both were dropped."""
    assert [r.span for r in extract(text)] == spans


def test_who_answers_for_projects_picks_no_projects_out():
    """负责项目验收: 县农业农村局负责项目 was read as a kind of project (the condition)."""
    (r,) = extract("县农业农村局负责项目验收。")
    assert (r.subject, r.applies_when) == ("县农业农村局", None)


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        (
            "应急物资储备库应当安装视频监控系统，监控录像保存时间不少于90天。",
            ["应急物资储备库", "应急物资储备库"],
        ),
        (
            "食品经营者未按要求贮存食品的，由县级以上人民政府市场监督管理部门责令改正，给予警告。",
            ["县级以上人民政府市场监督管理部门"] * 2,
        ),
        ("结余资金由项目承担单位统筹使用。", ["项目承担单位"]),
        ("由县质量检测中心出具检测报告。", ["县质量检测中心"]),
        ("由市纪委监委依规依纪追究责任。", ["市纪委监委"]),
    ],
)
def test_names_are_read_whole(text, subjects):
    """应急… lost its 应 as a modal word (急物资储备库); a name with 以上 or a verb-like word in it
    was cut (县级以上人民政府, 项目)."""
    assert [r.subject for r in extract(text)] == subjects


@pytest.mark.parametrize(
    "text",
    [
        "每月召开食品安全调度会议，形成《每月食品安全调度会议纪要》。",
        "市人社局负责编制年度收支计划，提出资金分配建议方案，并对资金使用情况进行绩效评价。",
    ],
)
def test_minutes_and_proposals_are_nouns_no_modal_words(text):
    """纪要 (minutes) read 要 as a duty's modal word; 建议方案 (a proposal) read 建议 as advice."""
    assert {r.modality for r in extract(text)} == {None}


def test_the_principle_a_regime_follows_is_no_row():
    """实行分级负责、分类储备、统一调配的原则 (GUIDE 1.5: principles)."""
    assert extract("第二十条 应急物资储备实行分级负责、分类储备、统一调配的原则。") == []


@pytest.mark.parametrize(
    ("text", "when"),
    [
        (
            "设计规模低于500立方米/日的农村生活污水处理设施，出水水质每半年监测一次。",
            ("<", Decimal(500)),
        ),
        (
            "设计规模500立方米/日（含）以上的农村生活污水处理设施，出水水质每季度至少监测一次。",
            (">=", Decimal(500)),
        ),
    ],
)
def test_the_facilities_a_size_picks_out_are_the_checks_condition(text, when):
    """…的农村生活污水处理设施，出水水质…监测一次: the size was a requirement (a row of its own),
    the frequency had no condition."""
    (r,) = extract(text)
    assert (r.kind, (r.applies_when.comparator, r.applies_when.value)) == ("frequency", when)


def test_a_standard_listed_on_after_its_first_amount_keeps_each():
    """…资助标准为每生每年4000元，困难学生为每生每年3000元，…: only the first was kept."""
    text = (
        "特别困难学生资助标准为每生每年4000元，困难学生为每生每年3000元，"
        "一般困难学生为每生每年2000元。"
    )
    assert [(r.comparator, r.value, r.per) for r in extract(text)] == [
        ("==", 4000, "year"),
        ("==", 3000, "year"),
        ("==", 2000, "year"),
    ]


def test_a_rank_among_the_first_and_an_age_limit_relaxed_are_upper_bounds():
    (r,) = extract("对年度考核排名前三名的乡镇，给予通报表扬。")
    assert (r.applies_when.comparator, r.applies_when.value) == ("<=", 3)
    _, relaxed = extract("年龄一般不超过45周岁，特别优秀的可放宽至50周岁。")
    assert (relaxed.comparator, relaxed.value, relaxed.unit) == ("<=", 50, "age_year")


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (
            "各区要将资金使用情况报市人社局，同时抄送同级财政部门。",
            ["各区要将资金使用情况报市人社局", "同时抄送同级财政部门"],
        ),
        (
            "县级以上人民政府应当每季度至少召开一次消防工作专题会议，研究部署消防工作，协调解决重大问题。",
            [
                "县级以上人民政府应当每季度至少召开一次消防工作专题会议",
                "研究部署消防工作",
                "协调解决重大问题",
            ],
        ),
        (
            "重点排污单位应当安装自动监测设备，与环境保护主管部门的监控设备联网，并保证设备正常运行。",
            [
                "重点排污单位应当安装自动监测设备",
                "与环境保护主管部门的监控设备联网",
                "并保证设备正常运行",
            ],
        ),
        (
            "病死畜禽应当在24小时内进行无害化处理，严禁随意丢弃、出售或者作为饲料再利用。",
            ["病死畜禽应当在24小时内进行无害化处理", "严禁随意丢弃、出售或者作为饲料再利用"],
        ),
        (
            "畜禽养殖场（户）应当建立免疫档案，如实记录免疫病种、疫苗种类等内容。",
            ["畜禽养殖场（户）应当建立免疫档案", "如实记录免疫病种、疫苗种类等内容"],
        ),
    ],
)
def test_joined_duties_are_rows_of_their_own(text, spans):
    """GUIDE 1.1: a duty after a comma with a verb of its own is a row (抄送, 研究部署, 联网,
    如实记录 were no verbs; a ban ending in 作为饲料 was read as leading on, and was lost or
    merged)."""
    assert [r.span for r in extract(text)] == spans


def test_a_sanction_article_opening_with_a_partys_case_is_read_after_its_number():
    """第二十七条 单位对…，未在规定期限内整改的，由…处罚: with the article's number before it
    the case was not seen, and the whole sentence gave no row."""
    (r,) = extract(
        "第二十七条 单位对存在的火灾隐患，未在规定期限内整改的，由消防救援机构依法予以处罚。"
    )
    assert (r.span, r.subject) == ("由消防救援机构依法予以处罚", "消防救援机构")
    assert r.applies_when.text == "单位对存在的火灾隐患，未在规定期限内整改的"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("出差人员应当在出差结束后30日内办理报销手续。", "出差人员"),
        ("参会人员不得携带家属。", "参会人员"),
        ("公厕保洁人员每天保洁不少于2次。", "公厕保洁人员"),
        ("县级领导干部每季度至少下访1次。", "县级领导干部"),
        ("各村要建立保洁员考勤台账。", "各村"),
        ("各行政村应当设立垃圾分类督导员。", "各行政村"),
        ("价格监测点应当按时、如实报送价格数据。", "价格监测点"),
        ("信访人在信访过程中不得扰乱公共秩序。", "信访人"),
        ("各级党委和政府领导干部每月至少安排1天时间接待群众来访。", "各级党委和政府领导干部"),
        ("违反本条例规定的，由其上级机关责令改正。", "其上级机关"),
    ],
)
def test_who_travels_cleans_visits_or_petitions_acts(text, subject):
    assert extract(text)[0].subject == subject


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("考核结果为优秀的乡镇，给予10万元奖励。", "考核结果为优秀的乡镇"),
        ("未按期完成整改任务的村，扣减当年村级奖补资金的30%。", "未按期完成整改任务的村"),
    ],
)
def test_the_places_a_reward_or_sanction_is_for_are_its_condition(text, when):
    """…的乡镇，给予…; …的村，扣减…: the ones picked out were dropped (no condition)."""
    (r,) = extract(text)
    assert r.applies_when.text == when


def test_at_least_before_a_long_object_bounds_the_number_after_it():
    """每年至少对…的数量、质量和储存安全进行2次检查: 至少 was past the window read before a number
    (== 2)."""
    (r,) = extract("市粮食和物资储备局每年至少对市级储备粮的数量、质量和储存安全进行2次检查。")
    assert (r.comparator, r.value, r.per) == (">=", 2, "year")


def test_an_opening_when_holding_an_important_thing_is_a_condition():
    """当粮食等重要商品价格…超过15%时，…: 要 of 重要 was read as a modal word, so the when was no
    condition and its 2周 a deadline row of its own."""
    (r,) = extract(
        "当粮食等重要商品价格在连续2周内涨幅超过15%时，价格主管部门应当立即启动价格异常波动应急监测。"
    )
    assert (r.subject, r.applies_when.comparator, r.applies_when.value) == ("价格主管部门", ">", 15)


def test_the_ones_an_age_picks_out_then_by_whom_is_one_row():
    """年满60周岁以上的独居老人家庭改厕，由村集体…: the age was a row of its own (>= 60)."""
    (r,) = extract("年满60周岁以上的独居老人家庭改厕，由村集体统一组织施工。")
    assert (r.subject, r.applies_when.comparator, r.applies_when.value) == ("村集体", ">=", 60)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (
            "信访部门应当对信访事项办理情况进行满意度评价，满意率低于80%的单位，予以通报批评。",
            ["信访部门应当对信访事项办理情况进行满意度评价", "予以通报批评"],
        ),
        (
            "被评价单位应当在15个工作日内完成整改，并将整改情况反馈评价人。",
            ["被评价单位应当在15个工作日内完成整改", "并将整改情况反馈评价人"],
        ),
    ],
)
def test_duties_before_a_later_case_and_a_feedback_are_rows(text, spans):
    """A case later in the sentence (…，满意率低于80%的单位，予以…) skipped every phrase before
    it; 反馈 was no verb (并将…反馈评价人 led into nothing)."""
    assert [r.span for r in extract(text)] == spans


def test_a_representative_or_a_meter_is_no_tables_title():
    """应当推选代表 ended with 表 and was taken for a table's title (…情况表): no duty."""
    first, limit = extract("多人采用走访形式提出同一信访事项的，应当推选代表，代表人数不超过5人。")
    assert (first.span, first.applies_when.text) == (
        "应当推选代表",
        "多人采用走访形式提出同一信访事项的",
    )
    assert (limit.comparator, limit.value, limit.applies_when) == ("<=", 5, None)


@pytest.mark.parametrize(
    "text",
    [
        "市级储备粮的规模，由市发展改革委会同市粮食和物资储备局按照下达的计划确定。",
        "公务用车的购置，由市机关事务管理局统一组织。",
    ],
)
def test_the_thing_a_body_decides_is_its_topic_no_condition(text):
    """…的规模，由…确定; …的购置，由…组织: what is decided, no ones picked out (was a condition)."""
    (r,) = extract(text)
    assert r.applies_when is None


def test_the_lead_unit_of_an_aside_naming_lead_and_helpers_acts():
    """（责任单位：县农业农村局牵头，县卫健局、各乡镇人民政府配合）: the lead units (GUIDE 2); the
    subject was the aside's whole words."""
    found = extract(
        "开展村庄清洁行动。每月至少组织开展1次集中清洁活动（责任单位：县农业农村局牵头，"
        "县卫健局、各乡镇人民政府配合）。"
    )
    assert {r.subject for r in found} == {"县农业农村局"}


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("竞得人应当在成交之日起10个工作日内与出让人签订出让合同。", "竞得人"),
        ("采矿权人应当于每年3月31日前报送年度报告。", "采矿权人"),
        ("受让人应当在合同签订之日起30日内缴纳出让价款的50%作为首付款。", "受让人"),
    ],
)
def test_the_parties_of_a_land_sale_or_mining_right_act(text, subject):
    assert {r.subject for r in extract(text)} == {subject}


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("对年进出口额首次突破1亿元的企业，给予一次性奖励30万元。", ">"),
        ("每位消费者每期限领餐饮券1套。", "<="),
    ],
)
def test_beyond_a_mark_and_so_many_to_each(text, comparator):
    """突破1亿元 is more than it (was ==); 限领1套 is at most (was ==)."""
    (r,) = extract(text)
    assert (r.applies_when or r).comparator == comparator


def test_obtaining_a_right_is_a_duty_not_a_report():
    """…，必须依法申请登记，领取采矿许可证，取得采矿权: 取得 read as a report (取得…成效), so the
    whole sentence gave no row."""
    (r,) = extract("开采矿产资源，必须依法申请登记，领取采矿许可证，取得采矿权。")
    assert r.modality == "mandatory_strong"


def test_whom_a_government_places_is_its_duty():
    """对服现役满12年的士官，由安置地人民政府安排工作: 安排 was no verb after 由 (no row)."""
    (r,) = extract("对服现役满12年的士官，由安置地人民政府安排工作。")
    assert (r.subject, r.applies_when.comparator, r.applies_when.value) == (
        "安置地人民政府",
        ">=",
        12,
    )


def test_whom_an_age_picks_out_is_the_amounts_condition_without_the_articles_number():
    """第七条 年满60周岁的农村籍退役士兵，每…每月发放…30元: the age was a row of its own (GUIDE 3's
    own example), and a condition read at an article's start held its number (第七条 年满…)."""
    (r,) = extract("第七条 年满60周岁的农村籍退役士兵，每服一年义务兵役每月发放老年生活补助30元。")
    aw = r.applies_when
    assert (r.value, r.per, aw.text, aw.comparator, aw.value) == (
        30,
        "month",
        "年满60周岁",
        ">=",
        60,
    )


def test_the_spend_an_offer_is_for_is_its_condition():
    """单笔消费满3000元可抵扣300元，…: each spend was a row of its own (>= 3000)."""
    found = extract("家电券单笔消费满3000元可抵扣300元，满8000元可抵扣1000元。")
    assert [(r.value, r.applies_when.comparator, r.applies_when.value) for r in found] == [
        (300, ">=", 3000),
        (1000, ">=", 8000),
    ]


def test_a_rate_granted_then_its_cap_are_two_rows():
    """…，按销售价格的15%给予补贴，每台最高补贴不超过2000元: the rate was taken for a bare grant
    and merged into its cap (the 15% was lost)."""
    rate, cap = extract("购买节能家电的，按销售价格的15%给予补贴，每台最高补贴不超过2000元。")
    assert (rate.value, rate.unit, rate.applies_when.text) == (15, "%", "购买节能家电的")
    assert (cap.comparator, cap.value, cap.per) == ("<=", 2000, "台")


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("上年度进出口实绩不低于100万美元。", (">=", Decimal(1000000), "美元", "money")),
        ("年出口额在5亿美元以上。", (">=", Decimal(500000000), "美元", "money")),
    ],
)
def test_amounts_in_dollars_are_money_in_their_own_unit(text, read):
    """100万美元 was no amount (no unit read, the threshold lost)."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit, r.kind) == read


def test_a_body_that_no_longer_accepts_acts():
    """各级信访部门不再受理: 不再 was no verb after a party's name (no subject)."""
    (r,) = extract("对已经终结的信访事项，各级信访部门不再受理。")
    assert (r.subject, r.applies_when.text) == ("各级信访部门", "对已经终结的信访事项")


def test_the_one_served_by_another_in_the_case_acts():
    """出差人员由接待单位统一安排用餐的，应当向接待单位交纳伙食费: the payee (接待单位) was read as
    who pays; the traveller opens the case."""
    (r,) = extract("出差人员由接待单位统一安排用餐的，应当向接待单位交纳伙食费。")
    assert r.subject == "出差人员"


def test_an_amount_each_time_is_per_time():
    """收费标准原则上每次不超过50元: 每次 was no denominator (per None)."""
    (r,) = extract("粪污抽取服务收费标准原则上每次不超过50元。")
    assert (r.comparator, r.value, r.unit, r.per) == ("<=", 50, "元", "次")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("同一人员同时符合多项补贴条件的，只能选择其中一项，不可重复享受。", "不可重复享受"),
        ("中标人不可将项目转包给他人。", "中标人不可将项目转包给他人"),
    ],
)
def test_may_not_bars_as_must_not_does(text, span):
    """不可 is a ban's modal word (the phrase gave no row)."""
    (r,) = [r for r in extract(text) if r.span == span]
    assert (r.modality, r.kind) == ("mandatory", "prohibition")


@pytest.mark.parametrize(
    "text",
    [
        "互联网的力量不可估量，要把企业赶到网上去。",
        "因不可抗力导致无法履约的，可以解除合同。",
        "不可移动文物的保护，应当遵守文物保护法。",
        "党员干部必须遵守纪律，缺一不可。",
    ],
)
def test_what_cannot_be_is_no_ban(text):
    """不可 of an idiom or of what cannot be bars nothing and permits nothing (缺一不可 was a
    permission row of its own)."""
    found = extract(text)
    assert found
    assert all(r.kind != "prohibition" for r in found)
    assert all(r.modality != "permission" or "可以" in r.span for r in found)


@pytest.mark.parametrize(
    ("text", "when"),
    [
        (
            "养老护理员年满18周岁且取得职业技能等级证书的，可以申请岗位补贴，补贴标准为每人每月300元。",
            "养老护理员年满18周岁且取得职业技能等级证书的",
        ),
        (
            "符合条件的高校毕业生，可享受一次性求职创业补贴，补贴标准为每人1000元。",
            "符合条件的高校毕业生",
        ),
    ],
)
def test_a_grant_applied_for_and_its_standard_are_one_row(text, when):
    """GUIDE 1.1 (a grant and its amount are one row, the amount's): 可以申请…补贴 was a row of its
    own and took the condition from the amount."""
    (r,) = extract(text)
    assert (r.kind, r.applies_when.text) == ("money", when)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("丧葬补助金标准为每人1000元，由县级财政一次性发放给死亡参保人的法定继承人。", 1000),
        ("护理补贴标准为每人每月100元，由县级财政按月发放。", 100),
    ],
)
def test_who_pays_a_standard_amount_is_its_subject_not_a_row(text, value):
    """…标准为每人1000元，由县级财政…发放: one row, the amount's; the payer was a row of its own."""
    (r,) = extract(text)
    assert (r.value, r.subject) == (value, "县级财政")


@pytest.mark.parametrize(
    "text",
    [
        "截至2024年3月底，全市已有95%的符合条件人员完成参保登记，已为2.3万名困难群体代缴保费。",
        "2023年12月底前，各县（市、区）已完成全部补贴对象资格复核。",
        "民营经济是我市经济发展的重要力量，贡献了全市60%以上的税收、70%以上的地区生产总值。",
        "民营经济贡献了全市50%以上的税收。",
        "关于下达2024年城乡居民基本养老保险中央财政补助资金的通知",
        "市人民政府关于印发《市级行政权力清单管理办法》的通知",
        "关于同意设立市高新技术产业开发区管理委员会的批复",
        "为切实加强组织领导，经市政府研究，决定成立市创建全国文明城市工作领导小组。",
        "经基层推荐和社会公示，市政府决定命名市第一人民医院等50个单位为第三批市级文明单位。",
    ],
)
def test_reports_titles_and_the_documents_own_acts_are_no_rows(text):
    """GUIDE 1.5: what was done by a date (已完成, 已有95%…) was a deadline; what was done (贡献了
    60%以上) a threshold; a document's title and what it does itself (决定成立, 决定命名) rows."""
    assert extract(text) == []


def test_what_a_body_decides_under_a_power_stays_a_duty():
    """由市政府决定撤销 is a power the text gives, no act of the document."""
    (r, _notice) = extract("需要撤销的，由市政府决定撤销，并向社会公告。")
    assert (r.subject, r.applies_when.text) == ("市政府", "需要撤销的")


@pytest.mark.parametrize(
    ("text", "spans", "subject"),
    [
        (
            "（二）各镇、街道。加强辖区企业走访服务，每个镇、街道至少配备2名企业服务专员。",
            ["加强辖区企业走访服务", "每个镇、街道至少配备2名企业服务专员"],
            None,
        ),
        (
            "（二）市财政局。优化资金拨付流程。加强辖区企业走访服务。",
            ["优化资金拨付流程", "加强辖区企业走访服务"],
            "市财政局",
        ),
        (
            "（三）各县（市、区）财政局。优化资金拨付流程，加快补助资金拨付进度。",
            ["优化资金拨付流程", "加快补助资金拨付进度"],
            "各县（市、区）财政局",
        ),
    ],
)
def test_directions_under_a_partys_heading_are_its_duties(text, spans, subject):
    """GUIDE 1.1's own example ((二)各镇、街道。): a direction alone in its phrase gave no row; a
    heading naming 各县（市、区）… named no one (the 、 in its brackets parted it); 优化…流程 was
    taken for a part's heading (流程)."""
    found = extract(text)
    assert [r.span for r in found] == spans
    assert subject is None or all(r.subject == subject for r in found)


def test_a_direction_leading_into_an_act_is_one_row_and_none_without_a_heading():
    assert [
        r.span for r in extract("（一）市财政局。强化信访舆情控制，重点查办重复性信访案件。")
    ] == ["强化信访舆情控制，重点查办重复性信访案件"]
    assert extract("加强辖区企业走访服务。") == []


@pytest.mark.parametrize(
    "text",
    [
        "2023年，全市共清运建筑垃圾320万吨，查处违规运输车辆1260台次。",
        "某市人民政府办公室关于印发某市建筑垃圾管理办法的通知（某府办发〔2024〕12号）",
        "本通知自印发之日起执行，此前有关规定与本通知不一致的，以本通知为准。",
    ],
)
def test_a_years_totals_a_numbered_title_and_which_text_prevails_are_no_rows(text):
    """GUIDE 1.5: what was done in a year (全市共清运…), a title with its 文号, and the text's own
    taking effect before a comma (…起执行，…以本通知为准) were presence rows."""
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("各校开展防溺水专题教育每月不少于1次，暑假前须向每位学生家长发放告家长书。", "各校"),
        ("临街商铺应当在店铺门前设置垃圾收集容器，不得将垃圾扫入道路。", "临街商铺"),
        ("补贴对象死亡的，其亲属应当在30日内告知户籍所在地乡镇（街道）。", "亲属"),
    ],
)
def test_schools_shops_and_kin_act(text, subject):
    assert all(r.subject == subject for r in extract(text))


@pytest.mark.parametrize(
    ("text", "span", "when"),
    [
        (
            "对建档立卡户等家庭经济困难学生，学校应当优先纳入资助范围。",
            "学校应当优先纳入资助范围",
            "对建档立卡户等家庭经济困难学生",
        ),
        (
            "节假日期间，各单位要安排好值班工作，遇有重大突发事件，要按规定及时报告并妥善处置。",
            "要按规定及时报告并妥善处置",
            "遇有重大突发事件",
        ),
        (
            "凡涉及企业切身利益的政策文件，起草部门应当听取企业和行业协会意见。",
            "起草部门应当听取企业和行业协会意见",
            "凡涉及企业切身利益的政策文件",
        ),
    ],
)
def test_which_pupils_what_one_meets_and_every_thing_of_a_kind_are_conditions(text, span, when):
    """对…学生 (建档立卡 was read as a duty's verb: a row of its own), 遇有… mid-sentence (glued to
    the duty before), 凡…的政策文件 (no condition)."""
    (r,) = [r for r in extract(text) if r.span == span]
    assert r.applies_when.text == when


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("二、管委会机关内设机构不超过6个，核定行政编制25名。", ("==", 25, "名", None)),
        ("（五）对城乡低保家庭，每户每月免收5立方米的水费。", ("==", 5, "m³", "month")),
        ("寄宿制学校每晚至少巡查2次。", (">=", 2, "次", "day")),
        ("每餐均应有1名以上学校负责人与学生共同用餐。", (">=", 1, "名", "餐")),
        ("公共厕所应当按照每平方公里不少于3座的标准设置。", (">=", 3, "座", "km²")),
    ],
)
def test_numbers_set_or_waived_and_what_they_are_each_of(text, read):
    """核定…25名 and 免收5立方米 were presence rows without their numbers; 每晚, 每餐 and
    每平方公里 named no denominator."""
    r = [r for r in extract(text) if r.value is not None][-1]
    assert (r.comparator, r.value, r.unit, r.per) == read


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("学校食堂“明厨亮灶”覆盖率达到100%，县教育局2024年底前完成验收。", "县教育局"),
        ("各乡镇2018年6月底前完成排查。", "各乡镇"),
    ],
)
def test_a_party_then_by_when_acts(text, subject):
    """县教育局2024年底前完成验收: a date right after the name hid the party (no subject)."""
    (r,) = [r for r in extract(text) if r.kind == "deadline"]
    assert r.subject == subject


@pytest.mark.parametrize(
    "text",
    [
        "为确保到2025年全市货车违法超限超载率控制在0.5%以内，特制定本方案。",
        "全市共设立超限检测站7个，分别为：江东检测站、城北检测站。",
        "六轴及以上汽车列车车货总质量超过49吨的，认定为超限运输车辆。",
        "土地闲置满一年、已投资额不足总投资25%的，可以认定为闲置土地。",
    ],
)
def test_the_purpose_a_text_is_made_for_what_was_set_up_and_what_counts_as_what_are_no_rows(
    text,
):
    """GUIDE 1.5: the purpose before 特制定本方案 (its target and year were a deadline row), what
    was set up in all (共设立…7个), and definitions (…的，认定为…) were rows."""
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("2024年底前，完成已建成小区的改造。", "deadline"),
        ("报送关于整改落实情况的报告。", "presence"),
        ("遇到困难要及时报告。", "presence"),
    ],
)
def test_what_a_task_is_done_to_a_report_sent_and_a_duty_when_met_stay_rows(text, kind):
    """Review: 已建成 as what a task is done to is no report; a title's words after 报送 are a
    duty's; 遇到… with its own modal word is no condition of the next phrase."""
    (r,) = extract(text)
    assert r.kind == kind and r.span == text.rstrip("。")


@pytest.mark.parametrize(
    ("text", "value", "unit", "per"),
    [
        ("停车场24小时内累计收费不得超过60元。", "60", "元", "day"),
        ("一年内合计发放补贴不超过5000元。", "5000", "元", "year"),
        ("一年内累计停业不超过30日。", "30", "day", "year"),
    ],
)
def test_an_amount_summed_up_over_a_window_is_per_the_window(text, value, unit, per):
    """24小时内累计收费不得超过60元: the 24 hours were read as a deadline (a second row); the
    window is what the sum is counted over, as 一年内…不超过2次 is."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit, r.per) == ("<=", Decimal(value), unit, per)


@pytest.mark.parametrize(
    "text",
    ["广告牌夜间亮度不得超过每平方米300坎德拉。", "LED显示屏表面亮度不应大于300cd/m²。"],
)
def test_a_luminance_is_candela_per_square_metre(text):
    """坎德拉 was no unit (a ban with no number); cd/m² is how a screen's brightness is capped."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit, r.per) == ("<=", Decimal(300), "cd", "m²")
    assert display_name("cd") == "坎德拉"


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("大型企业按不超过企业及其职工上年度实际缴纳失业保险费的30%返还。", "<="),
        ("按不低于企业及其职工上年度实际缴纳的失业保险费的30%返还。", ">="),
    ],
)
def test_a_bound_on_a_share_of_a_long_named_base(text, comparator):
    """不超过…(25 characters of the base's name)…的30%: the bound was out of reach (== 30)."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == (comparator, Decimal(30), "%")


@pytest.mark.parametrize(
    "text",
    [
        "经过三年专项治理，我市欺诈骗保高发频发势头得到有效遏制，基金监管长效机制初步建立。",
        "经过多年努力，我市物业服务覆盖率达到85%以上。",
        "经过多年努力，全县农机总动力已达到86.5万千瓦，主要农作物耕种收综合机械化率达到88%。",
        "2024年以来，县农业农村局已组织开展免疫，应免畜禽免疫密度达到100%。",
    ],
)
def test_what_years_of_effort_brought_about_is_a_report(text):
    """GUIDE 1.5: 经过多年努力，… tells what was reached (rows ≥ 85 %, ≥ 88 %); 应免畜禽 (those
    due to be immunised) is no modal word, so the report after 以来 was read as a duty."""
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("经过三年努力，到2025年全市绿化覆盖率达到45%以上。", ">="),
        ("应免畜禽免疫密度应当达到100%。", ">="),
    ],
)
def test_years_of_effort_towards_a_target_and_a_duty_about_those_due_stay_rows(text, comparator):
    (r,) = extract(text)
    assert r.comparator == comparator


def test_free_of_charge_is_still_a_duty():
    (r,) = extract("经营者应免费提供塑料袋。")
    assert (r.modality, r.subject) == ("mandatory", "经营者")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("定点零售药店应当按照规定在显著位置悬挂定点医药机构标识。", "定点零售药店"),
        ("申请家庭应当如实申报家庭人口、收入、住房和财产状况。", "申请家庭"),
        ("承租家庭应当按时缴纳租金。", "承租家庭"),
        ("县动物疫病预防控制中心每季度开展一次免疫效果监测。", "县动物疫病预防控制中心"),
        ("参保人员应当按时足额缴纳医疗保险费。", "参保人员"),
    ],
)
def test_pharmacies_households_and_the_insured_act(text, subject):
    """药店, 申请家庭 were no parties (no subject); 参保人员 was cut to 参保人."""
    (r,) = extract(text)
    assert r.subject == subject


@pytest.mark.parametrize(
    ("text", "read", "when", "modality"),
    [
        (
            "对招用就业困难人员的单位，给予社会保险补贴，补贴期限最长不超过3年。",
            ("<=", Decimal(3), "year"),
            "对招用就业困难人员的单位",
            None,
        ),
        (
            "对登记失业半年以上的人员，可按规定给予社会保险补贴，补贴期限最长不超过3年。",
            ("<=", Decimal(3), "year"),
            "对登记失业半年以上的人员",
            None,  # (the amount's row: its own modality, GUIDE 1.1)
        ),
        (
            "对吸纳见习人员的单位，给予就业见习补贴，见习补贴标准为当地最低工资标准的70%。",
            ("==", Decimal(70), "%"),
            "对吸纳见习人员的单位",
            None,
        ),
    ],
)
def test_a_grant_and_its_term_or_named_standard_are_one_row(text, read, when, modality):
    """GUIDE 1.1: 给予…补贴，补贴期限最长不超过3年 (or 见习补贴标准为…) was two rows, the limit
    without the grant's condition. The row is the amount's: its modality is its own."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == read
    assert r.applies_when.text == when and r.modality == modality


def test_those_unemployed_since_leaving_school_within_two_years():
    """离校2年内未就业高校毕业生: who left school within two years (<= 2), not a duty left undone
    in them (30日内未整改的: > 30)."""
    (r,) = extract("凡吸纳离校2年内未就业高校毕业生参加就业见习的单位，给予就业见习补贴。")
    assert (r.applies_when.comparator, r.applies_when.value) == ("<=", Decimal(2))
    (r,) = extract("30日内未整改的，责令停业。")
    assert (r.applies_when.comparator, r.applies_when.value) == (">", Decimal(30))


@pytest.mark.parametrize(
    "text",
    [
        "领导小组由县政府分管副县长任组长，县农业农村局局长任副组长，县财政局分管负责同志为成员。",
        "市重污染天气应急指挥部由市长任总指挥，分管副市长任副总指挥，市生态环境局等部门主要负责同志为成员。",
        "XX市养老机构设立和服务质量标准（2023年版）",
        "为提升养老机构服务质量，满足老年人多层次养老服务需求，制定本规范。",
        "依据《养老机构管理办法》，结合本市实际，制定本规范。",
        "（一）设立申请书；",
        "（二）举办者的身份证明或法人登记证书；",
        "2022年全市网约车日均完成订单约45万单，同比增长12.6%。",
        "全市累计查处渣土车违法违规行为2150起，罚款金额达到860万元。",
    ],
)
def test_a_groups_make_up_a_title_with_its_edition_papers_listed_and_a_years_results(text):
    """GUIDE 1.5: who a group holds (由…任组长，…为成员), an instrument's title (…（2023年版）),
    what the text does (制定本规范), the papers an applicant hands in, a year's results against
    the year before with no comma after the year, and what was enforced in all were rows."""
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("领导小组由县长任组长，负责制定实施方案。", 2),  # (a duty of its own: left as it was)
        ("（一）提交设立申请书；", 1),
        ("2025年全市城镇新增就业5万人以上，比上年增长3%以上。", 2),
        ("全市累计建成充电桩不少于2000个。", 1),
    ],
)
def test_a_groups_duty_handing_a_paper_in_and_a_years_targets_stay_rows(text, count):
    assert len(extract(text)) == count


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("各乡镇、各部门结合实际制定具体实施方案。", "各乡镇、各部门"),
        ("驾驶员被投诉属实的，由发证机关暂停其从业资格30日。", "发证机关"),
        ("橙色预警期间，渣土运输车辆禁止上路行驶。", "渣土运输车辆"),
        ("网约车应当安装车载卫星定位装置。", "网约车"),
    ],
)
def test_how_a_party_acts_issuing_bodies_and_vehicles(text, subject):
    """结合实际 between a party and its verb hid the party; 发证机关 was read as 发 (send to);
    vehicles were no parties (a ban on them went to the bureaus in the aside)."""
    (r,) = extract(text)
    assert r.subject == subject


def test_driving_four_hours_in_a_row_is_four_hours_or_more():
    """连续驾驶4小时的: a run reached (>= 4), as 累计3次 is; it was == 4."""
    (r,) = extract("巡游出租汽车驾驶员连续驾驶4小时的，应当停车休息不少于20分钟。")
    assert (r.applies_when.comparator, r.applies_when.value) == (">=", Decimal(4))


def test_a_formulas_factors_are_no_thresholds():
    """分配资金=（…总数×60%+…×40%）×资金总额: how an amount is computed (== 60 %, == 40 % rows);
    a factor's weight stated alone (权重为40%) stays a row."""
    assert (
        extract("某县分配资金=（该县救助对象数/全市救助对象总数×60%+该县财力系数×40%）×资金总额。")
        == []
    )
    (r,) = extract("低保对象数量因素权重为40%。")
    assert (r.comparator, r.value) == ("==", Decimal(40))


def test_a_fare_its_price_after_a_distance_and_a_bound_reached_with_no_comma():
    """起步价为10元（含2公里），超过2公里后每公里2.3元: the fares were no rows (a price stated with
    no verb) and the distance was a row of its own; 行驶里程达到60万千米时强制报废: the bound was
    the row, the duty lost."""
    rows = extract("巡游出租汽车起步价为10元（含2公里），超过2公里后每公里2.3元。")
    assert [(r.value, r.per) for r in rows] == [(Decimal(10), None), (Decimal("2.3"), "km")]
    assert (rows[1].applies_when.comparator, rows[1].applies_when.value) == (">", Decimal(2))
    (r,) = extract("超过2公里后，每公里2.3元。")
    assert r.applies_when.value == Decimal(2) and r.value == Decimal("2.3")
    (r,) = extract("网约车行驶里程达到60万千米时强制报废。")
    assert r.value is None and r.applies_when.value == Decimal(600000)
    (r,) = extract("各级领导干部每月至少安排1天时间接待群众来访。")
    assert (r.comparator, r.value) == (">=", Decimal(1))


@pytest.mark.parametrize(
    "text",
    [
        "90分（含）以上为优，80分（含）至90分为良，60分（含）至80分为中，60分以下为差。",
        "根据《关于下达困难群众救助补助资金的通知》，现将补助资金4500万元下达给你们，请按规定使用。",
        "第三条 困难残疾人生活补贴对象为纳入最低生活保障范围的残疾人。",
        "（八）本细则适用于本市行政区域内从事商品销售和提供服务的经营者。",
        "县防汛抗旱指挥部由县长任总指挥，县应急管理局等部门主要负责人为成员。",
    ],
)
def test_grade_bands_funds_handed_down_whom_a_grant_is_for_and_a_texts_scope(text):
    """GUIDE 1.5: grade bands with （含） and one-word grades (为优, 为良), 现将…下达给你们
    after the legal basis, whom a grant is for, the text's scope, and a headquarters' make-up
    naming an 应急 bureau (its 应 was read as a modal word) were rows."""
    assert extract(text) == []


def test_all_those_due_is_no_modal_word():
    """应保尽保率达到100%: a target, with no 应 of a duty in it."""
    (r, _) = extract("城乡低保对象应保尽保率达到100%，特困人员救助供养覆盖率不低于95%。")
    assert (r.modality, r.value) == (None, Decimal(100))


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("县财政国库支付中心应当在3个工作日内完成审核。", "县财政国库支付中心"),
        ("评价工作组应当在10个工作日内形成评价报告。", "评价工作组"),
        ("食品小作坊应当建立进货查验记录制度。", "食品小作坊"),
    ],
)
def test_a_payment_office_a_working_group_and_a_food_workshop_act(text, subject):
    (r,) = extract(text)
    assert r.subject == subject


def test_a_duty_with_how_often_before_a_case_is_no_part_of_the_case():
    """各预算单位每季度至少开展一次绩效运行监控，发现…偏差的，应当…纠正: the duty and its frequency
    were read as the case the next duty is for (no frequency row)."""
    first, second = extract(
        "各预算单位每季度至少开展一次绩效运行监控，发现绩效目标执行偏差的，应当及时采取措施予以纠正。"
    )
    assert (first.kind, first.comparator, first.per, first.applies_when) == (
        "frequency",
        ">=",
        "quarter",
        None,
    )
    assert second.applies_when.text == "发现绩效目标执行偏差的"


def test_extended_to_an_age_is_up_to_it_and_answering_by_duties_is_no_row():
    """可延长至22周岁: paid up to that age (was == 22); 各部门按职责分工负责: who answers, no
    duty."""
    (r,) = extract("仍在校就读的，可延长至22周岁。")
    assert (r.comparator, r.value, r.unit) == ("<=", Decimal(22), "age_year")
    assert extract("本预案由县应急管理局牵头组织实施，各乡镇、各有关部门按职责分工负责。") == []
    (r,) = extract("各有关部门按职责分工负责做好资金监管工作。")
    assert r.subject == "各有关部门"


@pytest.mark.parametrize(
    "text",
    [
        "全县共有流域面积50平方公里以上河流23条，水库41座。",
        "实行校长职级制，是深化教育人事制度改革的重要举措。",
        "一个学时计为1个学分。",
        "每3年为一个周期。",
    ],
)
def test_what_there_is_what_a_measure_means_and_how_things_are_counted(text):
    """GUIDE 1.5: 全县共有…50平方公里以上河流 (what exists, a row >= 50), …，是…的重要举措 (what a
    measure means), 一个学时计为1个学分 (how one is counted in another) were rows."""
    assert extract(text) == []


def test_credits_a_training_period_and_who_patrols_or_develops_teachers():
    """每年度所获学分不得少于24学分: 学分 was no unit (a ban with no number); 每5年一个周期内…不少于
    360学时: the period was a frequency row of its own; 河湖巡查员, 县教师发展中心 are parties."""
    (r,) = extract("每年度所获学分不得少于24学分。")
    assert (r.comparator, r.value, r.unit, r.per) == (">=", Decimal(24), "学分", "year")
    (r,) = extract("教师每5年一个周期内累计培训不少于360学时。")
    assert (r.comparator, r.value, r.unit) == (">=", Decimal(360), "学时")
    (r,) = extract("河湖巡查员每日巡查不少于1次。")
    assert r.subject == "河湖巡查员"
    (r,) = extract("教师培训学分由县教师发展中心统一登记。")
    assert r.subject == "县教师发展中心"


def test_a_land_user_acts_and_a_committees_members_are_no_row():
    """国有建设用地使用权人应当…: no party (…用地使用权人); 市规划委员会由市长任主任，成员包括…: a
    committee's make-up was a row."""
    (r,) = extract("国有建设用地使用权人应当在接到通知之日起30日内提供相关说明材料。")
    assert r.subject == "国有建设用地使用权人"
    assert (
        extract("市规划委员会由市长任主任，成员包括市发展改革委、市自然资源和规划局等部门负责人。")
        == []
    )


def test_a_bureau_named_with_a_verb_inside_and_measures_made_by_the_text():
    """由市人力资源和社会保障局协调…: 保障 was read as the verb, the subject cut short (市人力资源
    和社会); …，制定本措施: what the text does (a row)."""
    (r,) = extract("人才配偶随迁的，由市人力资源和社会保障局协调安置就业。")
    assert r.subject == "市人力资源和社会保障局"
    assert extract("为深入实施人才强市战略，结合本市实际，制定本措施。") == []
