"""A fourteenth round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): wages and labour, building sites, swimming pools, internet
cafés, petrol stations, rivers and floods, school buses, public housing and funerals. Each case
is a clear error a probe found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "comparator", "value", "unit"),
    [
        ("职工月工资不得低于当地最低工资标准1820元。", ">=", Decimal(1820), "元"),
        ("试用期工资不得低于本单位相同岗位最低档工资的80%。", ">=", Decimal(80), "%"),
        ("职工月工资应当高于最低工资标准1820元。", ">", Decimal(1820), "元"),
        # guards: the extreme alone still compares (a floor, a cap)
        ("最低工资标准为每月2100元。", ">=", Decimal(2100), "元"),
        ("补助标准为最高5000元。", "<=", Decimal(5000), "元"),
    ],
)
def test_an_extreme_after_a_comparison_names_what_is_compared_with(text, comparator, value, unit):
    """职工月工资不得低于当地最低工资标准1820元: at least 1820 yuan. 最低 (the wage floor's name)
    was read as the comparison and 不得 then negated it, so the wage had to be under 1820 yuan:
    every lawful employer failed. After 低于/高于… the extreme names what is compared with."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == (comparator, value, unit)


@pytest.mark.parametrize(
    ("text", "modality", "comparator", "value"),
    [
        ("在保护区边界500米以外，可以适当开展旅游活动。", "permission", ">", Decimal(500)),
        ("距学校200米以外，应当设置警示标志。", "mandatory", ">", Decimal(200)),
        ("在道路两侧100米范围内，应当种植行道树。", "mandatory", "<=", Decimal(100)),
        # guard: the ban, as before
        ("距离河道管理范围线30米以内，禁止新建建筑物。", "mandatory", "<=", Decimal(30)),
    ],
)
def test_a_distance_a_duty_or_a_leave_holds_beyond_or_within_is_its_case(
    text, modality, comparator, value
):
    """在保护区边界500米以外，可以适当开展旅游活动: tourism is allowed beyond 500 m. The 500 m was
    read as a requirement of its own (more than 500 m from the reserve's edge) beside the leave,
    so a site checked at 100 m failed a rule that does not bind it. The distance a duty or a
    leave holds in is its case, as a ban's is."""
    (r,) = extract(text)
    assert r.modality == modality and r.value is None
    assert r.applies_when is not None
    assert (r.applies_when.comparator, r.applies_when.value) == (comparator, value)


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("县市场监管局每年抽检批次不少于每千人4批次。", ">=", Decimal(4)),
        ("网格员配备不少于每百户1名。", ">=", Decimal(1)),
    ],
)
def test_a_comparison_before_each_hundred_or_thousand_bounds_the_count_after(
    text, comparator, value
):
    """不少于每千人4批次: at least 4 batches per thousand people. 每千 (a Chinese numeral) was not
    read as 每100 was, so the comparison was lost and 4 read as exactly 4."""
    (r,) = extract(text)
    assert (r.comparator, r.value) == (comparator, value)


@pytest.mark.parametrize(
    ("text", "comparator", "value", "unit"),
    [
        ("承租人应当按月缴纳租金，逾期3个月未缴纳的，出租人有权解除合同。", ">=", 3, "month"),
        ("企业应当按时缴纳保证金，逾期30日未缴纳的，取消其资格。", ">=", 30, "day"),
        ("企业应当及时整改，超过3个月未整改的，责令停产整顿。", ">", 3, "month"),
        ("企业应当及时整改，连续2次检查不合格的，责令停产整顿。", ">=", 2, "次"),
        ("逾期3个月未缴纳的，出租人有权解除合同。", ">=", 3, "month"),
    ],
)
def test_a_case_with_a_number_after_a_duty_is_the_case_of_the_sanction_or_leave_after_it(
    text, comparator, value, unit
):
    """承租人应当按月缴纳租金，逾期3个月未缴纳的，出租人有权解除合同: the landlord may end the lease
    once rent is 3 months overdue. The 3 months were read as a requirement of the tenant
    (overdue exactly 3 months) and the leave had no case; 逾期/连续 N… is that long or more."""
    *duties, last = extract(text)
    assert all(r.value is None for r in duties)
    assert last.value is None and last.applies_when is not None
    when = last.applies_when
    assert (when.comparator, when.value, when.unit) == (comparator, Decimal(value), unit)


@pytest.mark.parametrize(
    ("text", "who", "value", "per"),
    [
        (
            "由村（居）委会负责组织本村（居）的环境卫生整治，每周不少于1次。",
            "村（居）委会",
            1,
            "week",
        ),
        ("县卫健局负责组织全县医疗机构的监督检查，每年不少于2次。", "县卫健局", 2, "year"),
    ],
)
def test_a_party_s_charge_before_a_limit_is_a_duty_not_a_case(text, who, value, per):
    """由村（居）委会负责组织本村（居）的环境卫生整治，每周不少于1次: the committee organises the
    clean-up, once a week at least. The charge was read as the case the weekly rate applies in
    (its 的 taken for …的X, picking things out), so the rate held only where the charge did."""
    found = extract(text)
    assert all(r.applies_when is None for r in found)
    (rate,) = [r for r in found if r.value is not None]
    assert (rate.comparator, rate.value, rate.per) == (">=", Decimal(value), per)
    assert rate.subject == who


@pytest.mark.parametrize(
    ("text", "when"),
    [
        (
            "新建户厕须经县农业农村局验收合格后，方可拨付奖补资金。",
            "新建户厕须经县农业农村局验收合格后",
        ),
        ("项目须经县财政局审核后，方可拨付资金。", "项目须经县财政局审核后"),
        (
            "新建户厕经县农业农村局验收合格后，方可拨付奖补资金。",
            "新建户厕经县农业农村局验收合格后",
        ),
    ],
)
def test_what_must_go_first_is_the_case_and_whom_it_goes_through_is_no_actor(text, when):
    """新建户厕须经县农业农村局验收合格后，方可拨付奖补资金: the subsidy is paid once the toilet
    passes the bureau's check. Its subject read 新建户厕须经县农业农村局 (a topic, a modal word
    and the bureau it goes through, taken for a name) and the check was not the payment's case
    (its 须 read as a duty's own)."""
    (r,) = extract(text)
    assert r.subject is None
    assert r.applies_when is not None and r.applies_when.text == when


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        (
            "县农业农村局每季度进行一次考核，连续两次考核排名末位的乡镇，由县政府进行约谈。",
            ">=",
            Decimal(2),
        ),
        ("考核结果纳入年度综合考核，考核排名末位的乡镇，由县政府进行约谈。", None, None),
    ],
)
def test_the_ones_another_party_acts_on_after_a_duty_are_its_case(text, comparator, value):
    """…，连续两次考核排名末位的乡镇，由县政府对其主要负责人进行约谈: the talk is for the towns last
    twice running. At a sentence's start that was read; after a duty in the same sentence the
    talk had no case, so every town was to be called in."""
    last = extract(text)[-1]
    assert last.subject == "县政府"
    assert last.applies_when is not None
    assert (last.applies_when.comparator, last.applies_when.value) == (comparator, value)


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("抗震设防烈度不低于7度。", ">=", Decimal(7)),
        ("坡度不大于15度。", "<=", Decimal(15)),
    ],
)
def test_degrees_are_a_unit(text, comparator, value):
    """抗震设防烈度不低于7度: seismic design intensity at least 7. 度 was no unit, so the number
    was dropped and the item asked only whether an intensity was set."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == (comparator, value, "度")


def test_degrees_in_a_case_are_its_bound():
    (r,) = extract("烈度7度以上地区的学校，应当进行加固。")
    assert r.applies_when is not None
    assert (r.applies_when.comparator, r.applies_when.value) == (">=", Decimal(7))


def test_where_a_ban_keeps_one_from_going_names_no_one_banned():
    """禁止携犬进入下列场所: taking a dog into these places is banned. Its subject read
    携犬进入下列场所 (the places, 场所, taken for a party's name), an actor nobody is."""
    (r,) = extract("禁止携犬进入下列场所：")
    assert r.kind == "prohibition" and r.subject is None
    # guard: a party the ban names still is one
    (r,) = extract("禁止无证经营户销售散煤。")
    assert r.subject == "无证经营户"


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("经营者收取预付款的，应当与消费者签订书面合同。", "经营者"),
        ("经销商收取保证金的，应当开具收据。", "经销商"),
    ],
)
def test_a_party_whose_name_opens_with_jing_is_who_did_what_its_duty_follows(text, who):
    """经营者收取预付款的，应当与消费者签订书面合同: the trader who took prepayment signs. 经 at the
    start was read as 经 of 经批准 (through), so the trader was not who acts and the contract had
    no one to sign it."""
    (r,) = extract(text)
    assert r.subject == who and r.applies_when is not None


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("各地救助资金支出进度要在9月底前达到80%以上。", "各地"),
        ("各乡镇垃圾清运率要达到100%。", "各乡镇"),
    ],
)
def test_each_area_s_own_measure_is_its_government_s_to_meet(text, who):
    """各地救助资金支出进度要在9月底前达到80%以上: each area's spending is to reach 80 % by
    September, its government's target. It had no subject (各县（市、区）… had), so the item was
    drafted for the inspected enterprise."""
    (r,) = extract(text)
    assert (r.subject, r.subject_kind) == (who, "authority")


@pytest.mark.parametrize(
    ("text", "value", "when"),
    [
        (
            "临时救助金额原则上不超过当地月低保标准的6倍，特殊情况可适当提高，最高不超过12倍。",
            12,
            "特殊情况",
        ),
        ("特殊情况下可延长，但最长不超过60日。", 60, "特殊情况下"),
        ("补助期限一般不超过3年，确有需要的，可以延长，最长不超过5年。", 5, "确有需要的"),
    ],
)
def test_a_leave_to_raise_then_its_cap_is_one_leave_up_to_the_cap(text, value, when):
    """…，特殊情况可适当提高，最高不超过12倍: in special cases the grant may be raised, to 12
    times at most. The leave was an item of its own (特殊情况可适当提高: nothing to check) and
    the cap had no case, as if 12 times were the rule."""
    last = extract(text)[-1]
    assert (last.modality, last.comparator, last.value) == ("permission", "<=", Decimal(value))
    assert last.applies_when is not None and last.applies_when.text == when
    assert not [r for r in extract(text) if r.kind == "presence"]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("商场、超市等人员密集场所每日营业前应当进行防火巡查。", "商场、超市等人员密集场所"),
        ("学校、医院等人员密集场所营业期间应当保持疏散通道畅通。", "学校、医院等人员密集场所"),
        # guard: a party, then the time it acts at
        ("医疗机构污水排放前应当进行消毒处理。", "医疗机构"),
    ],
)
def test_a_listed_or_longer_name_before_a_time_is_one_party(text, who):
    """商场、超市等人员密集场所每日营业前应当进行防火巡查: the crowded places patrol. The name was
    cut at its first word that ends a name (商场、超市等人员: 人员 of 人员密集; 学校 of a list),
    so the patrol fell to 'people' (an authority, by 超市's 市) or to schools alone."""
    (r,) = extract(text)
    assert (r.subject, r.subject_kind) == (who, "regulated")


def test_an_authority_s_heads_named_as_comrades_are_the_authority_s():
    """县直部门主要负责同志每年到基层调研不少于30天: the heads of county departments, an
    authority's people (as 负责人 was read); they were drafted as the inspected party's."""
    (r,) = extract("县直部门主要负责同志每年到基层调研不少于30天。")
    assert (r.subject, r.subject_kind) == ("县直部门主要负责同志", "authority")


@pytest.mark.parametrize(
    "text",
    [
        "门店不得超出门窗外墙经营，拒不改正的，处50元以上500元以下罚款。",
        "企业应当按时缴纳保证金，逾期未缴纳的，处1000元罚款。",
    ],
)
def test_a_fine_on_the_ones_in_breach_is_no_duty_of_theirs(text):
    """…，拒不改正的，处50元以上500元以下罚款: the shops that refuse are fined (by an authority the
    sentence does not name). The fine was drafted as the shops' own duty (subject 门店), as
    予以/处以 sanctions no longer are: 处 before a fine is one too."""
    fine = extract(text)[-1]
    assert fine.low is not None or fine.value is not None
    assert fine.subject is None and fine.applies_when is not None


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("营业收入超过1000万元至1亿元的部分，按照1%提取。", (False, True)),
        # guards: a band with no comparison keeps both ends; markers still say
        ("营业收入在1000万元至1亿元的，按照1%提取。", (True, True)),
        ("年产量1万吨（含）至5万吨（不含）的企业，应当配备专职人员。", (True, False)),
    ],
)
def test_a_band_over_its_low_bound_leaves_the_bound_out(text, ends):
    """营业收入超过1000万元至1亿元的部分，按照1%提取: the band above 10 million. Its low bound was
    read as in it, so revenue of exactly 10 million fell in two bands (2 % and 1 %)."""
    when = extract(text)[-1].applies_when
    assert when is not None and when.comparator == "range"
    assert (when.low_inclusive, when.high_inclusive) == ends


@pytest.mark.parametrize(
    "text", ["公务用车单车年运行维护费不超过2.5万元。", "年办公经费不超过5万元。"]
)
def test_a_year_s_running_costs_are_per_year(text):
    """公务用车单车年运行维护费不超过2.5万元: 25 000 yuan a year per car. The 年 of 年运行维护费
    was not read as the period (as 年营业收入's is), so the cap looked like a total for all time."""
    (r,) = extract(text)
    assert (r.comparator, r.per) == ("<=", "year")


@pytest.mark.parametrize(
    "text",
    [
        "单位内部审计部门每两年至少对资金使用情况审计一次。",
        "单位内部审计部门每2年至少对资金使用情况审计1次。",
    ],
)
def test_at_least_once_with_what_it_is_done_to_between_is_the_interval(text):
    """每两年至少对资金使用情况审计一次: an audit every two years or more often. With the audited
    thing between 至少 and 一次 it read as two rows: exactly every 2 years, and at least 1 audit
    (ever). One row, the interval at most 2 years, as 每两年至少审计一次 is read."""
    (r,) = extract(text)
    assert (r.kind, r.comparator, r.value, r.unit) == ("frequency", "<=", Decimal(2), "year")


@pytest.mark.parametrize(
    ("text", "when"),
    [
        (
            "挂牌督办的隐患，逾期未完成整改的，对其主要负责人进行约谈。",
            "挂牌督办的隐患，逾期未完成整改的",
        ),
        ("列入黑名单的企业，逾期未整改的，取消其评优资格。", "列入黑名单的企业，逾期未整改的"),
    ],
)
def test_the_things_then_the_ones_of_them_in_breach_are_one_case(text, when):
    """挂牌督办的隐患，逾期未完成整改的，对其主要负责人进行约谈: the talk is for listed hazards not
    closed in time. 挂牌督办的隐患 was an item of its own (a noun, nothing to do) and only the
    second phrase was the case. The things, then a breach of theirs (逾期/未/拒不…的), are one."""
    (r,) = extract(text)
    assert r.applies_when is not None and r.applies_when.text == when


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("男生1000米跑不得超过3分40秒。", 220, "second"),
        ("女生800米跑不得超过4分钟。", 4, "minute"),
        # guard: a whole and a part, as before
        ("每次连续驾驶时间不得超过1小时30分钟。", 90, "minute"),
    ],
)
def test_minutes_and_seconds_are_one_time_and_a_race_s_distance_its_name(text, value, unit):
    """男生1000米跑不得超过3分40秒: the 1000 m run in 3:40 at most. It read three rows: exactly
    1000 m, at most 3 points (分 as a score) and exactly 40 seconds. 分 before N秒 is a minute
    (220 seconds in all), and the distance before 跑 names the race."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == ("<=", Decimal(value), unit)


def test_a_duty_to_hand_over_then_a_ban_are_two():
    """…应当将餐厨废弃物交由取得许可的收运单位收运，不得交给无资质的单位或者个人: a duty to hand
    the waste to licensed haulers, and a ban on others. They read as one ban (将… with no verb
    after it, 交由 not read as one, led into the ban), so the duty was lost."""
    duty, ban = extract(
        "餐厨废弃物产生单位应当将餐厨废弃物交由取得许可的收运单位收运，不得交给无资质的单位或者个人。"
    )
    assert (duty.kind, ban.kind) == ("presence", "prohibition")
    assert duty.subject == ban.subject == "餐厨废弃物产生单位"


def test_a_chapter_s_heading_with_no_space_is_no_duty():
    """第二章收运处置 (a PDF left no space after 章): a chapter's heading, drafted as a duty."""
    assert extract("第二章收运处置") == []


def test_a_year_s_interest_subsidy_is_per_year():
    """单个主体年度贴息额不超过10万元: 100 000 yuan of interest subsidy a year per firm; 年度 before
    贴息 was no period (before 补助/补贴 it was)."""
    r = extract(
        "对符合条件的新型农业经营主体，按照贷款额度的2%给予贴息，单个主体年度贴息额不超过10万元。"
    )[-1]
    assert (r.comparator, r.value, r.per) == ("<=", Decimal(100000), "year")


def test_a_cut_for_the_ones_that_did_not_finish_is_no_duty_of_theirs():
    """企业应当于每年12月31日前完成整改，未完成的，扣减其补助资金的10%: the cut falls on the firms
    that did not finish, imposed by an authority not named; it was drafted as the firms' own
    duty (未完成 was no breach, as 未按 was)."""
    cut = extract("企业应当于每年12月31日前完成整改，未完成的，扣减其补助资金的10%。")[-1]
    assert cut.value == Decimal(10) and cut.subject is None
