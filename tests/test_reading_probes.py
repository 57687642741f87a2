"""Wordings found by probing the reading with sentences written for the purpose (never taken
from the bundled gazettes): numbers as gazettes print them, closing formulas, pollutants' names
and the parties of works, buildings and mass organisations. One table row per wording."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "comparator", "value", "per"),
    [
        # thousands separators: the digits run together
        # (a floor, as without the separator: test_reading_unseen_fourteenth's 最低工资标准为每月
        # 2100元; == here was the separator's doing, its blank before the digits)
        ("最低工资标准为每月2,280元。", ">=", Decimal(2280), "month"),
        ("补助1,000元。", "==", Decimal(1000), None),
        ("一次性补助１，０００元。", "==", Decimal(1000), None),  # full width
        # (单个项目: each project's, as 每个项目)
        ("单个项目补助金额最高不超过1,000万元。", "<=", Decimal(10_000_000), "项目"),
        ("奖励1,000,000元以上。", ">=", Decimal(1_000_000), None),
    ],
)
def test_an_amount_with_thousands_separators_is_one_number(text, comparator, value, per):
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit, r.per) == (comparator, value, "元", per)


def test_a_condition_s_amount_with_a_separator_is_one_number():
    (r,) = extract("年销售收入达到1，000万元以上的企业，应当设立安全管理机构。")
    when = r.applies_when
    assert (when.comparator, when.value, when.unit) == (">=", Decimal(10_000_000), "元")


def test_a_chinese_comma_after_three_digits_is_a_list_s_not_a_separator():
    assert all(r.value != Decimal(800600400) for r in extract("补助标准分别为800，600，400元。"))


@pytest.mark.parametrize("text", ["特此通知。", "特此公告。", "特此通告。"])
def test_a_notice_s_closing_formula_is_no_requirement(text):
    assert extract(text) == []


def test_the_duty_before_a_closing_formula_stays():
    (r,) = extract("各单位要按时报送。特此通知。")
    assert r.span == "各单位要按时报送" and r.subject == "各单位"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("PM2.5年均浓度应控制在35μg/m³以下。", Decimal(35), "μg"),
        ("PM_{2.5}年均浓度不高于35微克/立方米。", Decimal(35), "μg"),
        ("O3日最大8小时平均浓度不超过160μg/m³。", Decimal(160), "μg"),
        ("CO2年排放量不超过1万吨。", Decimal(10000), "t"),
    ],
)
def test_a_pollutant_s_subscript_is_no_number(text, value, unit):
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == ("<=", value, unit)


def test_a_pollutant_s_subscript_before_年_is_no_number_of_years():
    assert all(r.unit != "year" for r in extract("环境空气质量PM2.5年均浓度达到国家二级标准。"))


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a word between the party and its verb
        ("学校应当组织演练；寄宿制学校还应当开展夜间演练。", "寄宿制学校"),
        ("企业还应当安装在线监测设备。", "企业"),
        ("申请人提供虚假材料的，行政机关不予受理。", "行政机关"),
        ("市人民政府一次性奖励50万元。", "市人民政府"),
        ("市人力资源社会保障局全额承担培训费用。", "市人力资源社会保障局"),
        ("各县（市、区）人民政府具体负责本辖区的组织实施。", "各县（市、区）人民政府"),
        # the parties of works, buildings and professions
        ("项目法人应当在工程开工前15日内办理质量监督手续。", "项目法人"),
        ("发包人应当按时支付工程款。", "发包人"),
        ("承包人不得转包。", "承包人"),
        ("注册执业人员应当在图纸上签字。", "注册执业人员"),
        ("物业服务人应当及时制止。", "物业服务人"),
        ("房屋所有权人、使用人应当配合检查。", "房屋所有权人、使用人"),
        # mass organisations and river chiefs
        ("团市委、市妇联、市总工会要积极参与。", "团市委、市妇联、市总工会"),
        ("各级河长要定期巡河。", "各级河长"),
    ],
)
def test_who_acts_is_named(text, subject):
    assert extract(text)[-1].subject == subject


@pytest.mark.parametrize(
    ("text", "spans", "subject"),
    [
        # a numbered item that is one directive phrase (GUIDE 1.1: 开展… is a row)
        ("（一）开展专项整治行动。", ["开展专项整治行动"], None),
        ("一是开展专项整治行动。", ["开展专项整治行动"], None),
        ("一是加强组织领导。二是开展专项整治行动。", ["开展专项整治行动"], None),
        # …with the units answering for it after its full stop: a task, no heading
        ("（1）建立隐患排查台账。（责任单位：市应急管理局）", ["建立隐患排查台账"], "市应急管理局"),
        ("一是开展专项整治行动。（责任单位：市生态环境局）", ["开展专项整治行动"], "市生态环境局"),
        (
            '（1）开展河湖"清四乱"专项行动。责任单位：市水利局。',
            ['开展河湖"清四乱"专项行动'],
            "市水利局",
        ),
        (
            "（1）建立隐患排查台账。（市应急管理局牵头，市公安局配合）",
            ["建立隐患排查台账"],
            "市应急管理局",
        ),
    ],
)
def test_a_numbered_task_of_one_phrase_is_a_requirement(text, spans, subject):
    found = extract(text)
    assert [r.span for r in found] == spans
    assert all(r.subject == subject for r in found)


def test_a_numbered_heading_before_its_text_is_still_no_requirement():
    (r,) = extract("2、报批采购方案。采购人应当报财政局审批。")
    assert r.span == "采购人应当报财政局审批"


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # what there is or was done, in a phrase of its own before the duty: no row, no number
        (
            "全市现有危险化学品企业48家，各县（市、区）要于6月底前完成全面排查。",
            ["各县（市、区）要于6月底前完成全面排查"],
        ),
        (
            "全市共有58个部门，其中32个部门已完成系统对接，其余部门要在9月底前完成。",
            ["其余部门要在9月底前完成"],
        ),
        (
            "全市已有12个县完成验收，其余县要在10月底前通过验收。",
            ["其余县要在10月底前通过验收"],
        ),
        (
            "截至2023年6月底，全市已完成改造286户，剩余部分要在年底前全部完成。",
            ["剩余部分要在年底前全部完成"],
        ),
        (
            "我市已出台《某市生活垃圾分类管理条例》，各单位应当按照规定分类投放生活垃圾。",
            ["各单位应当按照规定分类投放生活垃圾"],
        ),
        (
            "经过三年努力，全市已建成国家级示范区2个，下一步要重点抓好示范区的提档升级。",
            ["下一步要重点抓好示范区的提档升级"],
        ),
        (
            "去年全市共查处违法案件120起，今年各企业要建立隐患排查台账。",
            ["今年各企业要建立隐患排查台账"],
        ),
        # as of a date, what was done: a report, no deadline
        ("截至2023年底，全区累计发放创业担保贷款3.6亿元。", []),
    ],
)
def test_a_report_before_the_duty_is_no_requirement(text, spans):
    found = extract(text)
    assert [r.span for r in found] == spans
    assert all(r.value is None or r.value == 3000 for r in found)


@pytest.mark.parametrize(
    "text",
    [
        # 发现有 is found, not 现有 (there are): the duty after it keeps the words
        "采购当事人发现有违法行为的，应当予以记录。",
        # a number the ones there are must reach is a condition, not a report
        "企业现有从业人员100人以上的，应当设置安全生产管理机构。",
    ],
)
def test_what_only_looks_like_a_report_is_read(text):
    (r,) = extract(text)
    assert r.applies_when is not None and r.modality == "mandatory"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("今年各企业要严格落实主体责任。", "各企业"),
        ("2023年各县要完成排查。", "各县"),
        ("明年各乡镇要全面完成改厕任务。", "各乡镇"),
        ("各单位最迟于6月30日前报送。", "各单位"),
    ],
)
def test_a_time_before_the_party_is_no_part_of_its_name(text, subject):
    (r,) = extract(text)
    assert r.subject == subject


@pytest.mark.parametrize(
    ("text", "value", "unit", "per"),
    [
        ("幼儿园应当每旬对玩具进行一次消毒。", 1, "次", "ten_days"),
        ("各街道每半月召开一次工作调度会。", 1, "次", "half_month"),
        ("网格员每半个月走访一次重点人员。", 1, "次", "half_month"),
        # one period before how many times: each period, 每 left out
        ("一年一次开展综合评价。", 1, "次", "year"),
        ("一季度一次开展督导检查。", 1, "次", "quarter"),
        ("半年一次向社会公布。", 1, "次", "half_year"),
        ("一年两次组织业务培训。", 2, "次", "year"),
        # so many periods before 一次: once every so many
        ("两年一次开展评估。", 2, "year", None),
        ("三年一次进行全面检验。", 3, "year", None),
    ],
)
def test_a_frequency_written_every_way(text, value, unit, per):
    (r,) = extract(text)
    assert (r.kind, r.value, r.unit, r.per) == ("frequency", value, unit, per)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # 号 as spoken for 日
        ("请于5月10号前报送。", {"rule": "month_day", "month": 5, "day": 10}),
        ("各地应于次月5号前报送上月数据。", {"rule": "next_month_day", "day": 5}),
        # no later than a date: by then
        ("不迟于次月10日报送。", {"rule": "next_month_day", "day": 10}),
        ("应当不迟于每年3月31日报送上年度报告。", {"rule": "yearly_date", "month": 3, "day": 31}),
    ],
)
def test_a_date_written_as_spoken_or_after_no_later_than_is_a_deadline(text, due):
    (r,) = extract(text)
    assert r.kind == "deadline" and r.due == due and r.value is None


def test_the_latest_day_of_a_payment_is_a_date_not_a_number_of_days():
    pay, latest = extract("用人单位应当按月支付工资，最迟不得超过次月15日。")
    assert latest.due == {"rule": "next_month_day", "day": 15} and latest.value is None
    assert latest.subject == "用人单位"


def test_the_latest_time_after_an_event_is_a_time_limit():
    _report, latest = extract("应当在事发后立即报告，最迟不得超过1小时。")
    assert (latest.kind, latest.comparator, latest.value, latest.unit) == (
        "deadline",
        "<=",
        1,
        "hour",
    )


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # the sentence before names who acts, though it gives no row itself (GUIDE 2)
        ("各乡镇人民政府是秸秆禁烧工作的责任主体。要组织巡查队伍。", "各乡镇人民政府"),
        (
            "各县（市、区）人民政府对本行政区域内的耕地保护负总责。要严格落实耕地占补平衡制度。",
            "各县（市、区）人民政府",
        ),
        # an official acting for the body; after 由, the name up to it
        ("由市长签发启动命令。", "市长"),
        ("达到一级响应标准时，由市防汛抗旱指挥部总指挥签发启动命令。", "市防汛抗旱指挥部总指挥"),
        ("如有违反，由市纪委监委依规依纪追究相关人员责任。", "市纪委监委"),
        ("由县质量检测中心出具检验检测报告。", "县质量检测中心"),
    ],
)
def test_who_acts_is_the_party_named(text, subject):
    assert extract(text)[-1].subject == subject


def test_who_leads_and_who_helps_lead_into_the_duty():
    (r,) = extract("市市场监管局牵头、市公安局配合，开展食品安全专项整治行动。")
    assert r.span.endswith("开展食品安全专项整治行动") and r.subject == "市市场监管局"


@pytest.mark.parametrize(
    ("text", "values", "unit", "per"),
    [
        # an amount in Chinese numerals is an amount (一元化 is no money: too small a sum)
        ("处二千元罚款。", [2000], "元", None),
        ("对个人处一万元罚款，对单位处五万元罚款。", [10000, 50000], "元", None),
        ("给予一次性奖励五十万元。", [500000], "元", None),
        # a term or a size stated with 为, in words or in digits
        ("许可证有效期为五年。", [5], "year", None),
        ("公示期为五个工作日。", [5], "working_day", None),
        ("新录用的公务员试用期为1年。", [1], "year", None),
        ("特种设备定期检验周期为1年。", [1], "year", None),
        ("处理规模为200吨/日。", [200], "t", "day"),
        # 万分之五 per day: 0.05 % a day
        ("滞纳金按日加收万分之五。", [Decimal("0.05")], "%", "day"),
    ],
)
def test_a_number_in_words_or_stated_with_为_is_read(text, values, unit, per):
    found = extract(text)
    assert [r.value for r in found] == values
    assert all((r.comparator, r.unit, r.per) == ("==", unit, per) for r in found)


@pytest.mark.parametrize("text", ["推进城乡一元化管理。", "规模以上工业企业户数292户。"])
def test_words_with_numerals_are_no_number(text):
    assert all(r.value is None for r in extract(text))


@pytest.mark.parametrize(
    "text",
    [
        # a rank reached: a report, its number no target
        "全县森林覆盖率达到72.5%，位居全省前列。",
        # a report's 及时 is no duty
        "各地各部门高度重视，及时研究部署，取得了阶段性成效。",
        # papers a list of papers names
        "（二）近三年财务审计报告；",
        "（四）年度工作报告；",
        "（二）环境影响评价报告书及批复文件；",
        # the text's own term, an article's bracketed heading
        "本通知执行期限为2023年1月1日至2025年12月31日。",
        "该政策自2023年1月1日起执行，执行期3年。",
        "第十二条 【资金拨付】",
    ],
)
def test_what_states_no_requirement(text):
    assert extract(text) == []


@pytest.mark.parametrize(
    "text",
    ["（三）向主管部门报告。", "（三）提交年度报告。", "1、具备企业法人营业执照、税务登记证。"],
)
def test_a_paper_to_hand_in_or_to_have_is_a_requirement(text):
    assert len(extract(text)) == 1


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # so long before an event: what is done then is part of it
        ("听证会应当在举行7日前通知当事人。", "听证会应当在举行7日前通知当事人"),
        (
            "应当在有效期届满30日前向原发证机关提出申请。",
            "应当在有效期届满30日前向原发证机关提出申请",
        ),
    ],
)
def test_a_time_before_an_event_reaches_to_what_is_done(text, span):
    (r,) = extract(text)
    assert (r.span, r.kind, r.comparator) == (span, "duration", ">=")


def test_this_year_s_month_is_a_deadline():
    (r,) = extract("今年9月底前完成验收。")
    assert r.due == {"rule": "month_day", "month": 9, "day": 30}


@pytest.mark.parametrize(
    ("text", "value", "per"),
    [
        ("疫苗冷链温度每日上午、下午各记录一次。", 2, "day"),
        ("每年4月、10月各开展一次集中检查。", 2, "year"),
        # parties each doing it: once each, once a year
        ("每年各县、各乡镇各开展一次检查。", 1, "year"),
    ],
)
def test_times_listed_then_各_count_once_each(text, value, per):
    (r,) = extract(text)
    assert (r.kind, r.value, r.per) == ("frequency", value, per)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("冷藏库温度应保持在4℃±2℃。", 2, 6, "℃"),
        ("控制温度为20±2℃。", 18, 22, "℃"),
        ("湿度保持在（50±10）%。", 40, 60, "%"),
    ],
)
def test_a_tolerance_is_the_range_it_allows(text, low, high, unit):
    (r,) = extract(text)
    assert (r.comparator, r.low, r.high, r.unit) == ("range", low, high, unit)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # the last day of a window to do it in, and a closing date
        (
            "企业应当于每年1月1日至6月30日报送上一年度年度报告。",
            {"rule": "yearly_date", "month": 6, "day": 30},
        ),
        ("申报时间为2024年3月1日至3月31日。", {"rule": "date", "date": "2024-03-31"}),
        ("报名截止日期为2024年6月30日。", {"rule": "date", "date": "2024-06-30"}),
    ],
)
def test_the_end_of_a_window_to_apply_in_is_the_deadline(text, due):
    (r,) = extract(text)
    assert r.kind == "deadline" and r.due == due


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("功率因数应在0.9以上。", ">=", Decimal("0.9")),
        ("容积率在1.0以上。", ">=", Decimal(1)),
    ],
)
def test_a_pure_number_after_在_is_a_threshold(text, comparator, value):
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == (comparator, value, None)


@pytest.mark.parametrize(
    ("text", "condition", "span"),
    [
        (
            "违反规定，造成重大损失的，依法追究有关人员的法律责任。",
            "违反规定，造成重大损失的",
            "依法追究有关人员的法律责任",
        ),
        (
            "违反规定，擅自改变绿地用途的，责令限期改正。",
            "违反规定，擅自改变绿地用途的",
            "责令限期改正",
        ),
    ],
)
def test_a_rule_broken_then_what_was_done_is_one_condition(text, condition, span):
    (r,) = extract(text)
    assert (r.applies_when.text, r.span) == (condition, span)


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("在汛期，各水库管理单位要严格执行值班制度。", "在汛期"),
        ("冬季，供热单位应当保证室温不低于18℃。", "冬季"),
        ("达到一级响应标准时，市防汛抗旱指挥部应当启动一级响应。", "达到一级响应标准时"),
    ],
)
def test_a_season_or_a_when_the_sentence_opens_with_is_its_condition(text, condition):
    (r,) = extract(text)
    assert r.applies_when is not None and r.applies_when.text == condition


@pytest.mark.parametrize(
    ("text", "condition", "value"),
    [
        # the ones its own phrase's duty is for, after a duty of the sentence's party
        (
            "供水单位应当设立保护标志，日供水1000吨以上的工程应当配备水质化验室。",
            (">=", Decimal(1000), "t"),
            None,
        ),
        (
            "运输企业应当配备安全管理人员，车辆数在10辆以上的，每10辆车至少配备1名专职安全管理人员。",
            (">=", Decimal(10), "辆"),
            Decimal(1),
        ),
    ],
)
def test_the_ones_a_later_phrase_picks_out_are_its_duty_s_condition(text, condition, value):
    first, second = extract(text)
    assert first.applies_when is None
    when = second.applies_when
    assert (when.comparator, when.value, when.unit) == condition
    assert second.value == value


@pytest.mark.parametrize(
    "text", ["每年在枯水期和丰水期各开展一次水质检测。", "每年汛期前和汛期后各检查一次。"]
)
def test_parts_of_the_year_then_各_count_once_each(text):
    (r,) = extract(text)
    assert (r.kind, r.value, r.per) == ("frequency", 2, "year")


@pytest.mark.parametrize(
    "text",
    [
        "县民政局每季度对补贴发放情况进行一次检查，确保补贴资金及时足额发放到位。",
        "单位应当每年检测一次，确保设施完好有效。",
    ],
)
def test_to_what_end_after_a_number_is_that_requirement_s(text):
    (r,) = extract(text)
    assert r.kind == "frequency" and r.span == text.rstrip("。")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("县疾控中心每年开展一次水质监测。", "县疾控中心"),
        ("县疾病预防控制中心应当及时报告。", "县疾病预防控制中心"),
    ],
)
def test_a_disease_control_centre_acts(text, subject):
    (r,) = extract(text)
    assert r.subject == subject


@pytest.mark.parametrize(
    "text",
    [
        "郑某某任市住房和城乡建设局党组成员，试用期一年。",
        "吴某某兼任市应急管理局局长，不再担任市安全生产监督管理局局长职务。",
        "聘任赵六为市政府参事，聘期三年。",
        "免去孙九的市卫生健康委员会主任职务，退休。",
    ],
)
def test_an_appointment_with_its_terms_is_no_requirement(text):
    assert extract(text) == []


def test_a_party_to_appoint_someone_has_a_duty():
    (r,) = extract("各乡镇要明确一名分管领导为联络员，试用期一年。")
    assert r.subject == "各乡镇"


@pytest.mark.parametrize(
    "text",
    [
        "对虚报冒领就业补助资金的，依法依规追究有关单位和人员责任。",
        "对失职渎职的，依法依纪追究有关单位责任。",
        "对弄虚作假的，一律取消有关单位的申报资格。",
    ],
)
def test_whom_a_sanction_is_imposed_on_is_not_who_imposes_it(text):
    (r,) = extract(text)
    assert r.subject is None and r.applies_when is not None


def test_what_the_ones_picked_out_may_do_is_no_condition_of_the_limits_after():
    text = (
        "符合条件的人员可按规定申请创业担保贷款，贷款额度最高不超过15万元，贷款期限最长不超过3年。"
    )
    rows = extract(text)
    assert [r.modality for r in rows][:1] == ["permission"]
    assert [(r.comparator, r.value) for r in rows[1:]] == [("<=", 150000), ("<=", 3)]
    assert all(r.applies_when is None for r in rows)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("低保对象数量因素权重为40%。", [40]),
        ("资金按照因素法进行分配，其中低保对象数量权重为40%，特困人员数量权重为30%。", [40, 30]),
        ("绩效因素所占比重为20%。", [20]),
    ],
)
def test_a_factor_s_weight_in_an_allocation_is_a_fixed_value(text, values):
    rows = [r for r in extract(text) if r.value is not None]
    assert [(r.comparator, r.value, r.unit) for r in rows] == [("==", v, "%") for v in values]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("实施“百千万”工程，培育100家龙头企业。", 100, "家"),
        ("今年改造老旧小区30个。", 30, "个"),
        ("创建省级卫生乡镇3个。", 3, "个"),
        ("引进高层次人才50名。", 50, "名"),
    ],
)
def test_a_task_s_amount_is_its_target(text, value, unit):
    (r,) = [r for r in extract(text) if r.value is not None]
    assert (r.comparator, r.value, r.unit) == ("==", value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "今年已改造老旧小区30个。",
        "近年来，我市累计培育龙头企业100家。",
        "去年全市改造了老旧小区30个。",
    ],
)
def test_a_task_done_already_states_no_target(text):
    assert [r for r in extract(text) if r.value is not None] == []


@pytest.mark.parametrize(
    "text",
    [
        "补助对象。具有本市户籍，且符合下列条件之一的人员：\n（一）年满80周岁以上的老年人；\n"
        "（二）经济困难的失能老年人。",
        "本办法适用于下列单位：（一）年产量1万吨以上的企业；（二）从业人员100人以上的企业。",
    ],
)
def test_the_items_of_a_list_of_the_ones_meant_are_no_requirements(text):
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (
            "用户不得有下列行为：\n（一）擅自改装钢瓶；\n（二）倒灌钢瓶。",
            ["擅自改装钢瓶", "倒灌钢瓶"],
        ),
        (
            "申请人应当符合下列条件：\n（一）年满18周岁；\n（二）具有高中以上学历。",
            ["年满18周岁", "具有高中以上学历"],
        ),
    ],
)
def test_a_list_on_the_lines_below_its_lead_is_read_as_the_lead_binds_it(text, spans):
    rows = extract(text)
    assert [r.span for r in rows] == spans and all(r.modality == "mandatory" for r in rows)


def test_an_age_band_before_the_amount_is_the_amount_s_condition():
    text = (
        "80—89周岁老年人每人每月补助100元，90—99周岁每人每月补助200元，"
        "100周岁以上每人每月补助500元。"
    )
    rows = extract(text)
    assert [(r.value, r.per) for r in rows] == [(100, "month"), (200, "month"), (500, "month")]
    bands = [(r.applies_when.comparator, r.applies_when.low, r.applies_when.high) for r in rows]
    assert bands == [("range", 80, 89), ("range", 90, 99), (">=", None, None)]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # an article's heading after its number
        (
            "第八条 资金发放。补助资金由县民政局于每月10日前发放到个人账户。",
            ["补助资金由县民政局于每月10日前发放到个人账户"],
        ),
        ("第七条　申请程序。申请人向村委会提出书面申请。", ["申请人向村委会提出书面申请"]),
        # an article's first sentence, a duty
        ("第十一条 专项资金应当明确执行期限。", ["专项资金应当明确执行期限"]),
        # words about the text, a report, after an article's number
        ("第三条 现将补助资金3500万元下达给你们。", []),
        ("第三条 近年来，全市低保对象保持在6万人以上。", []),
        ("第五条 本办法自2021年4月1日起施行，有效期5年。", []),
    ],
)
def test_an_article_s_number_changes_nothing_of_its_reading(text, spans):
    assert [r.span for r in extract(text)] == spans


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("县社保中心应当在每季度结束后15日内完成补贴核算。", "县社保中心"),
        ("乡镇财政所负责补贴资金的具体发放。", "乡镇财政所"),
        ("县公共资源交易中心应当及时公开交易信息。", "县公共资源交易中心"),
        ("具体由各县（市、区）确定。", "各县（市、区）"),
        ("由各县（市、区）负责组织实施。", "各县（市、区）"),
    ],
)
def test_centres_stations_and_bracketed_lists_are_named_whole(text, subject):
    (r,) = extract(text)
    assert r.subject == subject


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("补贴资金原则上按季度发放，每季度首月15日前发放到位。", 15),
        ("各县要在每季度的第一个月10日前报送上季度情况。", 10),
    ],
)
def test_each_quarter_s_first_month_by_a_day_is_a_calendar_rule(text, day):
    (r,) = [r for r in extract(text) if r.due]
    assert r.due == {"rule": "quarter_first_month_day", "day": day}


def test_a_cap_on_what_is_given_in_all_is_no_report_and_a_higher_one_may_be_allowed():
    rows = extract("医疗救助年度累计救助金额最高为3万元，重特大疾病患者可提高至5万元。")
    assert [(r.comparator, r.value, r.modality) for r in rows] == [
        ("<=", 30000, None),
        ("==", 50000, "permission"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "县财政局按季度向社会公开资金分配结果。",
        "县应急管理局应当及时发布预警信息。",
        "各乡镇要将核查结果录入信息系统。",
    ],
)
def test_to_make_known_or_to_enter_is_a_duty(text):
    (r,) = extract(text)
    assert r.span == text.rstrip("。")


def test_open_fair_and_just_is_a_principle_not_a_duty():
    assert extract("坚持公开、公平、公正的原则。") == []


@pytest.mark.parametrize(
    ("text", "due"),
    [
        (
            "并于每季度末月25日前将工作情况报送区安委办。",
            {"rule": "quarter_last_month_day", "day": 25},
        ),
        ("各县应于每季度最后一个月的20日前报送。", {"rule": "quarter_last_month_day", "day": 20}),
        ("每季度末前报送工作总结。", {"rule": "quarter_end"}),
    ],
)
def test_each_quarter_s_last_month_by_a_day_is_a_calendar_rule(text, due):
    (r,) = extract(text)
    assert r.due == due and r.value is None


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("人员密集场所每日至少进行两次防火巡查，营业期间每2小时至少巡查一次。", "营业期间"),
        ("施工期间每天洒水不少于4次。", "施工期间"),
    ],
)
def test_a_stretch_of_time_right_before_how_often_is_its_condition(text, when):
    r = extract(text)[-1]
    assert r.applies_when is not None and r.applies_when.text == when


@pytest.mark.parametrize(
    ("text", "subject", "spans"),
    [
        ("原则上每个乡镇配备专职安全监管人员不少于3名。", "乡镇", 1),
        ("原则上，各县要在年底前完成。", "各县", 1),
    ],
)
def test_how_binding_before_who_is_no_part_of_the_name_nor_a_row(text, subject, spans):
    rows = extract(text)
    assert len(rows) == spans and rows[0].subject == subject and rows[0].modality == "default"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "请各单位于2023年11月20日前将年度工作总结报送市安委办（联系人：张明，电话：0635-1234567）。",
            "请各单位于2023年11月20日前将年度工作总结报送市安委办",
        ),
        (
            "并将检查结果在区政府网站公示（责任单位：区住建局、区城管局）。",
            "并将检查结果在区政府网站公示",
        ),
    ],
)
def test_an_aside_of_whom_to_reach_or_who_answers_is_no_part_of_the_span(text, span):
    (r,) = extract(text)
    assert r.span == span


def test_an_exception_that_allows_something_is_a_permission_and_the_condition_after_it():
    """除对…的人员可延长至退休外: its 可 is a directive phrase (GUIDE 1.1), and the exception is
    the condition of the limit after it, turned round (the limit is the others')."""
    text = (
        "社会保险补贴期限，除对距法定退休年龄不足5年的人员可延长至退休外，其余人员最长不超过3年。"
    )
    first, limit = extract(text)
    assert first.modality == "permission"
    assert (limit.comparator, limit.value, limit.unit) == ("<=", 3, "year")
    assert limit.applies_when is not None and limit.applies_when.text.startswith("除")
    # the limit is the others': the other side of the exception's number (5 years or more)
    assert (first.applies_when.comparator, limit.applies_when.comparator) == ("<", ">=")


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # a fraction in digits after the whole it is of, no 的 between
        (
            "对符合条件的用人单位招用就业困难人员并缴纳社会保险费的，给予不超过其实际缴费2/3的"
            "社会保险补贴，补贴期限最长不超过3年。",
            [("<=", Decimal("66.6667"), "%", True), ("<=", 3, "year", False)],
        ),
        # the grant and its share: one row, the share's, under the grant's condition
        (
            "用人单位招用就业困难人员的，按其实际缴纳的社会保险费给予补贴，补贴比例为单位缴费部分的1/2。",
            [("==", 50, "%", True)],
        ),
        # the ones a step's amount is for; the step itself no target
        (
            "一次性创业补贴标准为5000元/户，带动就业3人以上的，每增加1人增加补贴1000元。",
            [("==", 5000, "元", False), ("==", 1000, "元", True)],
        ),
    ],
)
def test_subsidy_wordings(text, rows):
    got = [(r.comparator, r.value, r.unit, r.applies_when is not None) for r in extract(text)]
    assert got == rows


def test_both_bounds_of_a_band_condition_make_a_range():
    rows = extract(
        "家庭月人均收入低于900元的，按差额补足；高于900元但低于1200元的，按每人每月150元给予补助。"
    )
    assert rows[0].span == "按差额补足" and rows[0].applies_when.comparator == "<"
    band = rows[1].applies_when
    assert (band.comparator, band.low, band.high, band.unit) == ("range", 900, 1200, "元")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("二〇二三年十二月底前，各县（市、区）完成老旧小区改造阶段性任务。", "2023-12-31"),
        ("各乡镇要在二〇二五年六月底前完成排查。", "2025-06-30"),
    ],
)
def test_a_date_in_chinese_numerals_is_a_deadline_not_a_number(text, date):
    (r,) = extract(text)
    assert r.due == {"rule": "date", "date": date}
    assert r.value is None and r.applies_when is None


def test_a_dated_stage_heading_is_no_deadline():
    rows = extract("（三）总结验收阶段（2021年11月底前）。市领导小组办公室组织开展验收。")
    assert [(r.span, r.due) for r in rows] == [("市领导小组办公室组织开展验收", None)]


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        # an aside after a full stop belongs to the task before it, not to the next one
        (
            "开展校园安全专项整治。（责任单位：市教育局）建立学生资助台账，实行精准资助。"
            "（责任单位：市教育局、市财政局）",
            ["市教育局", "市教育局、市财政局", "市教育局、市财政局"],
        ),
        (
            "开展校园安全专项整治。（市教育局负责）建立学生资助台账。（市财政局负责）",
            ["市教育局", "市财政局"],
        ),
        # the names, without the words around them
        (
            "全面淘汰燃煤锅炉。（责任单位：各县（市、区）人民政府，市生态环境局按职责分工负责）",
            ["各县（市、区）人民政府，市生态环境局"],
        ),
    ],
)
def test_each_task_takes_the_aside_after_it(text, subjects):
    rows = extract(text)
    assert [r.subject for r in rows] == subjects
    assert not any(r.span.startswith("（") for r in rows)


def test_in_principle_softens_what_follows_it_not_the_number_before_it():
    first, second = extract("每次招聘会提供岗位不少于500个，原则上每月举办1场。")
    assert (first.modality, second.modality) == (None, "default")


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (
            "印发工作方案，召开全市推进会议，对工作任务进行分解。",
            ["印发工作方案", "召开全市推进会议", "对工作任务进行分解"],
        ),
        (
            "建立重点项目帮办代办制度，为企业提供全流程免费帮办服务。",
            ["建立重点项目帮办代办制度", "为企业提供全流程免费帮办服务"],
        ),
        ("为进一步规范资金管理，提高资金使用效益，特制定本办法。", []),
    ],
)
def test_meetings_papers_and_services_for_someone_are_duties(text, spans):
    assert [r.span for r in extract(text)] == spans


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("各成员单位扎实推进各项任务落实。", "各成员单位"),
        ("市教育局深入开展校园安全整治。", "市教育局"),
    ],
)
def test_a_party_named_before_how_and_a_verb_of_policy_has_that_duty(text, subject):
    (r,) = extract(text)
    assert r.subject == subject
