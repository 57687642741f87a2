"""Wordings found by probing the reading with texts written for the purpose, genre by genre
(never taken from the bundled gazettes), continued from ``test_reading_genres``: city works and
management, market regulation, social funds, transport and schools, health and medical
insurance, government services, wages, work plans, finance rules, tourism and civil affairs.
One table row per wording."""

from __future__ import annotations

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "value", "unit", "per"),
    [
        ("每个村配备一名网格员。", 1, "名", "村"),
        ("每个乡镇设立一个配送中心。", 1, "个", "乡镇"),
        ("每个乡镇至少配备两名专职安全员。", 2, "名", "乡镇"),
    ],
)
def test_so_many_for_each_written_in_words_is_a_standard(text, value, unit, per):
    (r,) = extract(text)
    assert (r.value, r.unit, r.per) == (value, unit, per)
    assert r.comparator in ("==", ">=")


def test_a_count_in_words_with_no_one_it_is_for_stays_words():
    assert all(r.value is None for r in extract("建立一企一档，每年开展检查。"))


@pytest.mark.parametrize(
    ("text", "value", "unit", "per"),
    [
        ("载有学生的校车在高速公路上行驶的最高时速不得超过80公里。", 80, "km", "hour"),
        ("厂区内车速不得超过5公里。", 5, "km", "hour"),
        ("对加装电梯的老旧小区，每部电梯给予15万元的财政补贴。", 150000, "元", "部"),
        ("教师参与课后服务的，按照每课时50元的标准给予补助。", 50, "元", "课时"),
    ],
)
def test_speeds_are_per_hour_and_lifts_and_class_hours_are_denominators(text, value, unit, per):
    (r,) = extract(text)
    assert (r.value, r.unit, r.per) == (value, unit, per)


def test_a_share_of_a_speed_limit_is_no_speed():
    (r,) = extract("超过规定时速50%以上的，处200元罚款。")
    assert (r.applies_when.unit, r.applies_when.per) == ("%", None)


def test_an_item_of_a_list_naming_its_own_period_keeps_it():
    found = extract("2024年城乡最低生活保障标准调整为城市每人每月780元、农村每人每年7200元。")
    assert [(r.value, r.per) for r in found] == [(780, "month"), (7200, "year")]
    found = extract("每月补助老人100元、残疾人200元。")
    assert [(r.value, r.per) for r in found] == [(100, "month"), (200, "month")]


def test_each_amount_of_a_list_handed_out_is_kept():
    found = extract("每月发放城市低保金500元、农村低保金300元。")
    assert [(r.value, r.per) for r in found] == [(500, "month"), (300, "month")]


def test_a_time_limit_extended_is_still_a_time_limit():
    found = extract("应当自受理申请之日起10个工作日内完成调查核实，特殊情况可以延长至15个工作日。")
    assert [(r.kind, r.comparator, r.value) for r in found] == [
        ("deadline", "<=", 10),
        ("deadline", "<=", 15),
    ]
    (term,) = extract("试用期延长至6个月。")
    assert term.kind == "duration"


def test_kept_until_after_an_event_is_the_least_time():
    (r,) = extract("进货查验记录应当保存至医疗器械有效期满后2年。")
    assert (r.kind, r.comparator, r.value, r.unit) == ("retention", ">=", 2, "year")
    (r,) = extract("相关资料应当保存2年。")
    assert r.comparator == ">="  # (kept 5 years, it still complies: no exact time)


def test_a_service_kept_up_round_the_clock_is_per_day():
    r = extract("电梯维保单位应当设立24小时维保值班电话。")[0]
    assert (r.value, r.unit, r.per) == (24, "hour", "day")
    assert r.span.endswith("值班电话")


def test_a_may_inside_a_definition_is_the_definition_s():
    text = (
        "本办法所称巡游出租汽车，是指可在道路上巡游揽客，以七座及以下乘用车提供出行服务的经营活动。"
    )
    assert extract(text) == []


@pytest.mark.parametrize(
    "text", ["补贴资金不得累计发放。", "原则上每月15日前发放到位，不得跨年度累计发放。"]
)
def test_a_ban_on_paying_in_all_is_a_ban_not_a_report(text):
    assert extract(text)[-1].modality == "mandatory"
    assert extract("全县累计发放补贴资金1200万元。") == []


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("对户籍在本县、年满80周岁的老年人，按月发放高龄津贴。", "month"),
        ("各乡镇按月报送工作进展情况。", "month"),
        ("按年缴纳保证金5万元。", "year"),
    ],
)
def test_paid_or_reported_by_the_period_is_each_period(text, per):
    (r,) = extract(text)
    assert r.per == per
    assert extract("按月计算，不足一个月的按一个月计算。") == []


@pytest.mark.parametrize(
    ("text", "due"),
    [
        (
            "到2025年，基本完成2000年底前建成的需改造城镇老旧小区改造任务。",
            {"rule": "date", "date": "2025-12-31"},
        ),
        ("2000年底前建成的城镇老旧小区，纳入改造范围。", None),
    ],
)
def test_a_date_saying_which_ones_were_built_is_no_deadline(text, due):
    (r,) = extract(text)
    assert r.due == due


def test_a_work_finished_by_a_date_is_a_deadline_of_its_own():
    found = extract("改造项目应当于当年11月30日前完工，12月底前完成竣工验收。")
    assert [(r.due["month"], r.due["day"]) for r in found] == [(11, 30), (12, 31)]


def test_a_case_mid_sentence_before_a_sanction_is_its_condition():
    text = "对违规抛洒滴漏的，每次扣除信用分5分，一年内累计扣分达到20分的，暂停其准运资格3个月。"
    found = extract(text)
    assert len(found) == 2
    when = found[1].applies_when
    assert (when.comparator, when.value, when.unit) == (">=", 20, "分")
    assert (found[1].value, found[1].unit) == (3, "month")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("每年11月15日至次年3月15日为冬季施工扬尘重点管控期，期间停止所有拆除作业。", None),
        ("每年6月1日至9月30日为主汛期，期间各单位应当实行24小时值班。", "各单位"),
    ],
)
def test_a_period_named_then_during_it_is_the_duty_s_condition(text, subject):
    (r,) = extract(text)
    assert r.applies_when.text == text.split("，")[0]
    assert r.subject == subject
    assert extract("每年5月1日至9月30日为我县主汛期。") == []


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        (
            "药品零售企业应当配备执业药师，营业时间内执业药师应当在岗履职。",
            ["药品零售企业", "执业药师"],
        ),
        (
            "学校应当指派照管人员随车照管学生，校车运载学生过程中，照管人员不得离开。",
            ["学校", "照管人员"],
        ),
        ("各乡镇要严格执行领导带班制度，值班人员不得擅离职守。", ["各乡镇", "值班人员"]),
        ("农贸市场应当配备不少于2台食品快速检测设备。", ["农贸市场"]),
        ("业主大会成立后，应当在30日内选举产生业主委员会。", ["业主大会"]),
        ("县残疾人联合会负责残疾等级信息核对。", ["县残疾人联合会"]),
        ("校车驾驶人驾驶校车上道路行驶前，应当对车况进行检查。", ["校车驾驶人"]),
        # (when, then how many: no name)
        (
            "学校应当实行封闭化管理，上学、放学时段安排不少于2名保安员在校门口值守。",
            ["学校", "学校"],
        ),
    ],
)
def test_people_on_duty_markets_and_owners_meetings_act(text, subjects):
    assert [r.subject for r in extract(text)] == subjects


@pytest.mark.parametrize(
    "text",
    [
        "为深入贯彻落实大气污染防治工作部署，切实改善城市空气质量，结合我县实际，制定本实施办法。",
        "为加强专项资金管理，制定本暂行办法。",
    ],
)
def test_a_purpose_then_making_this_kind_of_instrument_is_no_duty(text):
    assert extract(text) == []


def test_a_noun_after_de_inside_a_duty_is_no_case():
    (r, _) = extract("药品零售企业销售处方药应当凭医师开具的处方，经执业药师审核后方可调配、销售。")
    assert r.applies_when is None


def test_a_case_of_two_parts_joined_by_qie_is_one_condition():
    text = (
        "共同生活的家庭成员人均月收入低于当地城乡低保标准，且家庭财产状况符合规定的，"
        "可以申请最低生活保障。"
    )
    (r,) = extract(text)
    assert r.applies_when.text == text.split("，可以")[0]
    assert r.span == "可以申请最低生活保障"


def test_the_ones_right_before_how_often_are_its_condition():
    text = (
        "乡镇人民政府应当定期核查，其中对收入基本无变化的家庭每年核查一次，"
        "对收入来源不固定的家庭每半年核查一次。"
    )
    _, yearly, half_yearly = extract(text)
    assert yearly.applies_when.text.endswith("对收入基本无变化的家庭")
    assert half_yearly.applies_when.text == "对收入来源不固定的家庭"
    assert (yearly.per, half_yearly.per) == ("year", "half_year")


@pytest.mark.parametrize(
    ("text", "when", "fields"),
    [
        (
            "保安员配备比例不低于千分之二，学生人数不足500人的学校至少配备1名专职保安员。",
            ("<", 500, "人"),
            (">=", 1, "名", None),
        ),
        (
            "年产值5000万元以上的企业至少配备2名专职安全员。",
            (">=", 50000000, "元"),
            (">=", 2, "名", None),
        ),
        ("年用煤量1万吨以上的企业每年开展2次检测。", (">=", 10000, "t"), ("==", 2, "次", "year")),
        (
            "对年销售额100万元以上的企业每季度检查1次。",
            (">=", 1000000, "元"),
            ("==", 1, "次", "quarter"),
        ),
    ],
)
def test_the_ones_a_number_picks_then_their_own_limit_or_frequency(text, when, fields):
    r = extract(text)[-1]
    assert (r.applies_when.comparator, r.applies_when.value, r.applies_when.unit) == when
    assert (r.comparator, r.value, r.unit, r.per) == fields


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "网约车平台公司应当将订单信息实时传输至市监管平台，数据传输率不得低于95%。",
            "网约车平台公司应当将订单信息实时传输至市监管平台",
        ),
    ],
)
def test_sending_is_a_duty_beside_a_number(text, span):
    assert span in [r.span for r in extract(text)]
    # (统筹安排 is an aim's verb, GUIDE 1.1: where funds come from, no row of its own)
    assert len(extract("按照每课时50元的标准给予补助，补助所需资金由县财政统筹安排。")) == 1


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("享受高龄津贴的老年人死亡的，其家属应当在30日内向乡镇人民政府报告。", "家属"),
        ("县教育局牵头，会同县公安局每学期开学前对全县校车开展1次联合安全检查。", "县教育局"),
        ("由县应急局会同县公安局开展检查。", "县应急局"),
    ],
)
def test_theirs_and_the_lead_with_whom_others_act(text, subject):
    assert extract(text)[0].subject == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "由县住房城乡建设局、县人力资源社会保障局责令限期改正。",
            "县住房城乡建设局、县人力资源社会保障局",
        ),
        (
            "未开设专用账户的，由人力资源社会保障行政部门、相关行业工程建设主管部门责令限期改正。",
            "人力资源社会保障行政部门、相关行业工程建设主管部门",
        ),
    ],
)
def test_a_list_of_authorities_after_you_is_whole_though_their_names_hold_verbs(text, subject):
    assert extract(text)[0].subject == subject


def test_a_joint_punishment_list_is_a_noun_not_whom_one_acts_with():
    text = (
        "拖欠农民工工资金额达到20万元以上的，由县人力资源社会保障局依法列入失信联合惩戒对象名单。"
    )
    (r,) = extract(text)
    assert (r.subject, r.applies_when.comparator, r.applies_when.value) == (
        "县人力资源社会保障局",
        ">=",
        200000,
    )


def test_a_window_with_nothing_happened_in_it_stays_within():
    text = "对两年内未发生工资拖欠的施工总承包单位，其新开工工程存储比例可下浮50%。"
    when = extract(text)[0].applies_when
    assert (when.comparator, when.value, when.unit) == ("<=", 2, "year")
    when = extract("30日内未整改的，责令停产整顿。")[0].applies_when
    assert (when.comparator, when.value) == (">", 30)


def test_ji_ke_is_what_follows_and_a_policy_paid_out_is_a_duty():
    (r,) = extract("对无需企业申报即可兑现的政策，由主管部门主动兑现。")
    assert (r.modality, r.subject, r.span) == (None, "主管部门", "由主管部门主动兑现")
    assert r.applies_when.text == "对无需企业申报即可兑现的政策"
    assert "推行“免申即享”" in [r.span for r in extract("推行“免申即享”，由主管部门主动兑现。")]


def test_a_sanction_s_term_first_and_an_extension_by_an_amount():
    text = "企业骗取惠企资金的，由相关部门追回已拨付资金，5年内取消其享受本县惠企政策资格。"
    r = extract(text)[-1]
    assert (r.kind, r.comparator, r.value, r.unit) == ("duration", "==", 5, "year")
    (r,) = extract("经批准，可以延长10个工作日。")
    assert (r.comparator, r.value, r.unit) == ("<=", 10, "working_day")
    assert extract("有效期延长2年。")[0].comparator == "=="


@pytest.mark.parametrize(
    ("text", "subject", "per"),
    [
        (
            "县人社局、县财政局要按季度向县政府报告就业补贴资金使用情况。",
            "县人社局、县财政局",
            "quarter",
        ),
        ("劳资专管员应当按日记录农民工考勤情况。", "劳资专管员", "day"),
        ("分包单位应当按月考核农民工工作量。", "分包单位", "month"),
        ("帮办代办人员不得收取任何费用。", "帮办代办人员", None),
    ],
)
def test_reported_by_the_period_and_whoever_holds_a_post(text, subject, per):
    (r,) = extract(text)
    assert (r.subject, r.per) == (subject, per)


def test_colonies_per_plate_and_the_time_sampled_is_no_requirement():
    text = "手术室空气细菌菌落总数应当≤4cfu/皿（15分钟），物体表面细菌菌落总数应当≤5cfu/cm²。"
    found = extract(text)
    assert [(r.comparator, r.value, r.unit, r.per) for r in found] == [
        ("<=", 4, "CFU", "皿"),
        ("<=", 5, "CFU", "cm²"),
    ]


def test_an_equivalent_level_s_hours_are_its_window_and_morning_and_evening_each():
    (r,) = extract("作业场所噪声8小时等效声级不得超过85dB(A)。")
    assert (r.comparator, r.value, r.unit) == ("<=", 85, "dB")
    (r,) = extract("接种单位应当每日早、晚各测温1次。")
    assert (r.value, r.per) == (2, "day")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("责任报告单位和责任疫情报告人应当于2小时内进行网络直报。", "责任报告单位和责任疫情报告人"),
        (
            "年综合能源消费量5000吨标准煤以上的重点用能单位，每年应当开展一次能源审计。",
            "重点用能单位",
        ),
    ],
)
def test_a_reporter_is_a_party_and_how_often_before_the_modal_word_names_no_one(text, subject):
    assert extract(text)[0].subject == subject


def test_a_case_after_a_means_phrase_before_the_party_s_duty_is_its_condition():
    text = "经专家确认，5例以上疑似医院感染暴发的，医疗机构应当于12小时内向县卫生健康局报告。"
    (r,) = extract(text)
    assert (r.subject, r.value, r.unit) == ("医疗机构", 12, "hour")
    assert (r.applies_when.comparator, r.applies_when.value, r.applies_when.unit) == (">=", 5, "例")


def test_a_duty_joined_to_a_ban_is_banned_too():
    text = "旅行社不得以不合理的低价组织旅游活动，诱骗旅游者，并通过安排购物获取回扣等不正当利益。"
    assert [r.kind for r in extract(text)] == ["prohibition", "prohibition"]
    found = extract("企业不得超标排放，并应当安装在线监测设备。")
    assert [r.kind for r in found] == ["prohibition", "presence"]


def test_the_parts_of_a_per_day_quota_are_per_day():
    text = "会议费综合定额标准为每人每天400元，其中住宿费200元、伙食费130元、其他费用70元。"
    assert [(r.value, r.per) for r in extract(text)] == [
        (400, "day"),
        (200, "day"),
        (130, "day"),
        (70, "day"),
    ]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("旅行社应当建立投诉处理制度。", "旅行社"),
        ("A级旅游景区应当配备安全管理人员。", "A级旅游景区"),
        ("承办者应当提出申请。", "承办者"),
        ("理事会每年至少召开2次会议。", "理事会"),
        ("网吧经营单位不得接纳未成年人，并应当悬挂未成年人禁入标志。", "网吧经营单位"),
    ],
)
def test_tourism_event_and_civil_affairs_parties_act(text, subject):
    assert {r.subject for r in extract(text)} == {subject}


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        (
            "物业服务企业退出物业服务项目的，应当在退出前30日书面告知业主委员会。",
            30,
            "物业服务企业",
        ),
        ("各乡镇（街道）要于每年清明节前15日完成辖区内散埋乱葬排查。", 15, "各乡镇（街道）"),
    ],
)
def test_that_long_before_an_event_is_at_least_and_the_party_of_its_case_acts(text, value, subject):
    (r,) = extract(text)
    assert (r.kind, r.comparator, r.value, r.unit, r.subject) == (
        "duration",
        ">=",
        value,
        "day",
        subject,
    )
    assert extract("企业违反本办法规定的，责令改正。")[0].subject is None


def test_the_part_above_is_no_comparison_and_the_ones_a_standard_is_for_no_deadline():
    text = (
        "15天以内的培训，按照综合定额标准控制；"
        "超过15天的培训，超过天数部分按照综合定额标准的70%控制。"
    )
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == ("==", 70, "%")
    assert (r.applies_when.comparator, r.applies_when.value) == (">", 15)


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("公务用车运行维护费每车每年不超过2.5万元，偏远乡镇可增加20%。", "<="),
        ("到偏远地区出差，住宿费标准可上浮30%。", "<="),
        ("工资保证金存储比例上浮50%。", "=="),
        ("能耗较2015年下降18%。", ">="),
    ],
)
def test_a_change_allowed_is_at_most_that_much(text, comparator):
    assert extract(text)[-1].comparator == comparator


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("娱乐场所应当在显著位置悬挂含有禁毒、禁赌、禁止卖淫嫖娼等内容的警示标志。", "presence"),
        ("应当在入口处设置禁止吸烟标志。", "presence"),
        ("严禁在楼道内停放电动自行车。", "prohibition"),
    ],
)
def test_the_ban_a_sign_says_is_no_ban_of_the_duty_to_put_it_up(text, kind):
    (r,) = extract(text)
    assert r.kind == kind


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("企业吸纳就业困难人员，并取得相关证明材料，可申请社会保险补贴。", (None, None, None)),
        (
            "企业招用毕业年度高校毕业生，签订1年以上劳动合同，可申请一次性吸纳就业补贴。",
            (">=", 1, "year"),
        ),
    ],
)
def test_what_one_does_before_what_one_may_apply_for_is_its_case(text, when):
    (r,) = extract(text)
    assert (r.modality, r.span.startswith("可申请")) == ("permission", True)
    assert r.applies_when.text == text.rsplit("，", 1)[0]
    assert (r.applies_when.comparator, r.applies_when.value, r.applies_when.unit) == when


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        (
            "养老机构每年应当至少组织2次消防演练，夜间值班人员不得少于2人。",
            ["养老机构", "养老机构"],
        ),
        ("政府采购货物项目，单项采购金额达到400万元以上的，必须采用公开招标方式。", [None]),
    ],
)
def test_the_ones_counted_and_a_kind_of_purchase_are_no_party(text, subjects):
    assert [r.subject for r in extract(text)] == subjects


def test_a_window_of_the_day_named_by_its_parts_is_the_condition():
    (r,) = extract("每日凌晨2时至上午8时，娱乐场所不得营业。")
    assert (r.applies_when.text, r.subject) == ("每日凌晨2时至上午8时", "娱乐场所")


def test_each_body_is_a_denominator_and_liveable_is_no_advice():
    (r,) = extract("对城乡低保对象免除基本殡葬服务费用，每具遗体减免标准不超过1500元。")
    assert (r.value, r.per) == (1500, "具")
    assert extract("加快补齐基础设施短板，着力打造宜居宜业和美乡村。") == []


@pytest.mark.parametrize(
    ("text", "per", "per_count"),
    [
        ("水面面积在250平方米以上的，按照每增加250平方米增配1名的比例配备。", "m²", 250),
        ("营业面积超过1000平方米的，每增加500平方米增配保安人员1名。", "m²", 500),
    ],
)
def test_one_more_for_each_step_above_is_a_rate_of_the_step(text, per, per_count):
    (r,) = extract(text)
    assert (r.value, r.unit, r.per, r.per_count) == (1, "名", per, per_count)
    assert r.applies_when.comparator in (">", ">=")


def test_a_need_mid_sentence_is_the_next_duty_s_condition():
    text = "接待对象应当按照规定标准自行用餐，确因工作需要，接待单位可以安排工作餐一次。"
    first, second = extract(text)
    assert (first.span, first.subject) == ("接待对象应当按照规定标准自行用餐", "接待对象")
    assert (second.subject, second.applies_when.text) == ("接待单位", "确因工作需要")


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("一般涉密人员脱密期为6个月至1年。", 6, 12, "month"),
        ("借阅期限为10日至1个月。", 10, 30, "day"),
        ("核心涉密人员脱密期为2年至3年。", 2, 3, "year"),
    ],
)
def test_a_range_whose_ends_are_in_two_units_of_time_is_in_the_smaller(text, low, high, unit):
    (r,) = extract(text)
    assert (r.comparator, r.low, r.high, r.unit) == ("range", low, high, unit)


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("一次灾害过程造成本县死亡（含失踪）10人以上的，启动Ⅰ级响应。", (">=", 10, "人")),
        (
            "对因灾倒损房屋需恢复重建的特困供养人员、最低生活保障对象，每户补助标准提高20%。",
            (None, None, None),
        ),
        ("因灾无家可归的受灾人员，由乡镇人民政府负责安排临时住所。", (None, None, None)),
    ],
)
def test_relief_cases_keep_their_condition(text, when):
    (r,) = extract(text)
    assert r.applies_when is not None and r.modality is None
    assert (r.applies_when.comparator, r.applies_when.value, r.applies_when.unit) == when
    assert extract("每年开展一次事故应急演练。")[0].value == 1


def test_an_idiom_s_ke_is_no_permission():
    assert extract("过渡期生活救助对象为因灾房屋倒塌、无房可住、无生活来源的受灾人员。") == []


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("保密要害部门部位工作人员不得携带个人手机进入涉密场所。", "保密要害部门部位工作人员"),
        ("统计调查对象应当及时提供统计资料。", "统计调查对象"),
        ("机要人员不得私自复制涉密文件。", "机要人员"),
        ("住房公积金管理中心应当在3个工作日内作出决定。", "住房公积金管理中心"),
        ("单位和职工缴存住房公积金的缴存比例均不得低于5%。", "单位和职工"),
        ("职工购买自住住房的，可以提取本人住房公积金账户内的存储余额。", "职工"),
        ("县未成年人救助保护中心应当配备不少于5名专职工作人员。", "县未成年人救助保护中心"),
    ],
)
def test_records_secrets_and_housing_parties_act(text, subject):
    assert extract(text)[0].subject == subject


def test_a_limit_a_sentence_opens_with_bounds_each_x_wei_n_after_it():
    text = "住房公积金个人住房贷款最高额度，单方缴存职工为40万元，双方缴存职工为60万元。"
    assert [(r.comparator, r.value) for r in extract(text)] == [("<=", 400000), ("<=", 600000)]


@pytest.mark.parametrize(
    "text",
    [
        "住房公积金月缴存基数最高不得超过上一年度设区城市职工月平均工资的3倍。",
        "家庭人均月收入应当低于上年度城镇居民人均可支配收入的60%。",
    ],
)
def test_a_multiple_or_share_of_an_average_income_is_no_rate(text):
    (r,) = extract(text)
    assert r.per is None


@pytest.mark.parametrize(
    "text",
    [
        "文书档案的保管期限分为永久、定期30年和定期10年。",
        "2023年，全县共接收进馆档案2.3万卷，完成数字化扫描120万页。",
    ],
)
def test_the_kinds_of_a_term_and_what_was_received_in_all_are_no_rows(text):
    assert extract(text) == []


def test_the_ones_then_by_whom_with_no_comma_between_name_the_authority():
    text = (
        "专项维修资金管理机构不得挪用专项维修资金，挪用的由县住房城乡建设局追回挪用的资金，"
        "对直接负责的主管人员依法给予处分。"
    )
    ban, take_back, punish = extract(text)
    assert ban.subject == "专项维修资金管理机构"
    assert (take_back.span, take_back.subject) == (
        "由县住房城乡建设局追回挪用的资金",
        "县住房城乡建设局",
    )
    assert take_back.applies_when.text == "挪用的"
    assert punish.subject == "县住房城乡建设局"


def test_the_ones_a_number_picks_right_before_their_sanction_are_its_condition():
    (r,) = extract("超期3个工作日以上的亮红灯并纳入督查督办。")
    assert r.value is None
    assert (r.applies_when.comparator, r.applies_when.value) == (">=", 3)


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("施工图审查机构应当在10个工作日内完成审查，其中大型项目不超过15个工作日。", "大型项目"),
        ("工作餐每人每餐不得超过120元，其中外地来客不得超过150元。", "外地来客"),
    ],
)
def test_the_part_qi_zhong_names_is_its_limit_s_condition(text, when):
    first, part = extract(text)
    assert first.applies_when is None
    assert part.applies_when.text == when


def test_how_many_there_were_in_a_year_told_is_a_report():
    assert extract("2022年度，全县共有468家社会组织参加年检，年检合格率为95.3%。") == []


def test_whose_a_party_is_picks_no_ones_out():
    (r,) = extract("住宅物业的业主，应当在办理房屋交付手续前交存首期专项维修资金。")
    assert (r.subject, r.applies_when) == ("住宅物业的业主", None)
    (r,) = extract("使用燃气的餐饮企业，应当安装可燃气体报警装置。")
    assert (r.subject, r.applies_when.text) == ("餐饮企业", "使用燃气")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("渔船应当在台风红色预警发布前6小时全部回港避风。", "渔船"),
        ("县级救灾物资储备库应当储备不少于2000人的基本生活类救灾物资。", "县级救灾物资储备库"),
        ("山洪地质灾害危险区人员应当立即转移。", "山洪地质灾害危险区人员"),
    ],
)
def test_relief_parties_act(text, subject):
    (r,) = extract(text)
    assert r.subject == subject
    (r,) = extract("渔船应当在台风红色预警发布前6小时全部回港避风。")
    assert (r.comparator, r.value, r.unit) == (">=", 6, "hour")
