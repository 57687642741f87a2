"""A thirteenth round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): lifts, care homes, hotels, dogs, fireworks, mines, scenic
spots, building sites in the wind, grain stores, parking quotas and community buildings. Each
case is a clear error a probe found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "when", "comparator", "value"),
    [
        (
            "景区应当在游客数量达到最大承载量的80%时，采取限流措施。",
            "游客数量达到最大承载量的80%时",
            ">=",
            Decimal(80),
        ),
        ("施工单位应当在风力超过6级时，停止塔吊作业。", "风力超过6级时", ">", Decimal(6)),
        (
            "企业应当在室外温度低于零下5℃时，采取防冻措施。",
            "室外温度低于零下5℃时",
            "<",
            Decimal(-5),
        ),
    ],
)
def test_a_bound_reached_after_the_modal_word_is_the_case_of_the_duty(
    text, when, comparator, value
):
    """景区应当在游客数量达到最大承载量的80%时，采取限流措施: one duty, limiting visitors, when
    80 % is reached. The 80 % was read as a requirement of its own (at least 80 % of capacity),
    so a quiet day's visitors failed, and the duty had no case."""
    (r,) = extract(text)
    assert r.applies_when is not None
    assert (r.applies_when.text, r.applies_when.comparator) == (when, comparator)
    assert r.applies_when.value == value
    assert r.value is None and r.modality == "mandatory"


def test_a_time_alone_after_the_modal_word_is_no_case():
    """应当在申报预算时，制定绩效目标: when it is done (GUIDE: a time the duty is done at), not the
    case it applies in."""
    (r,) = extract("主管部门应当在申报专项资金预算时，制定绩效目标。")
    assert r.applies_when is None


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("风力超过六级时，施工单位应当停止塔吊作业。", ">", Decimal(6)),
        ("风力大于五级的，禁止高处作业。", ">", Decimal(5)),
        ("施工单位应当在风力达到六级时，停止塔吊作业。", ">=", Decimal(6)),
    ],
)
def test_a_grade_in_chinese_numerals_after_a_comparison_is_a_number(text, comparator, value):
    """风力超过六级时: a grade compared, six. Written in Chinese numerals it was masked as a
    grade's name (一级响应), so the case had no number and held in any wind."""
    (r,) = extract(text)
    assert r.applies_when is not None
    assert (r.applies_when.comparator, r.applies_when.value) == (comparator, value)


def test_a_grade_named_in_chinese_numerals_is_still_no_number():
    (r,) = extract("发生较大事故时，应当启动二级响应。")
    assert r.value is None and r.applies_when.value is None


@pytest.mark.parametrize(
    ("text", "value", "unit", "per", "per_count"),
    [
        ("建设项目配套停车位不少于每100平方米建筑面积1个。", Decimal(1), "个", "m²", Decimal(100)),
        ("网格员不少于每100户1名。", Decimal(1), "名", "户", Decimal(100)),
        ("执业医师不少于每1000名常住人口2.5人。", Decimal("2.5"), "人", "人", Decimal(1000)),
    ],
)
def test_a_comparison_before_each_bounds_the_count_after_what_it_is_per(
    text, value, unit, per, per_count
):
    """不少于每100平方米建筑面积1个: at least one space per 100 m². The 100 m² was read as the
    requirement (at least 100 m²), and the count after it was lost."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == (">=", value, unit)
    assert (r.per, r.per_count) == (per, per_count)


def test_a_duty_s_own_amount_before_a_rate_is_no_case():
    """企业应当组织不少于24学时的岗前安全培训，每年再培训时间不少于8学时: two requirements. The 24
    hours, followed by 的 and a rate after the comma, were read as the case of the rate (the
    ones with 24 hours of training, as in 车辆数在10辆以上的，每10辆车…), so the 24 hours went
    unchecked."""
    first, second = extract("企业应当组织不少于24学时的岗前安全培训，每年再培训时间不少于8学时。")
    assert (first.comparator, first.value, first.unit) == (">=", Decimal(24), "学时")
    assert second.applies_when is None
    assert (second.comparator, second.value, second.per) == (">=", Decimal(8), "year")


def test_the_ones_a_rate_is_for_are_still_its_case():
    (r,) = extract("车辆数在10辆以上的，每10辆车至少配备1名安全员。")
    assert (r.applies_when.comparator, r.applies_when.value) == (">=", Decimal(10))
    assert (r.value, r.per, r.per_count) == (Decimal(1), "辆", Decimal(10))


@pytest.mark.parametrize(
    "text",
    [
        "本次抽查合格率为92.5%，较上年提高3个百分点。",
        "该区域常住人口约15万人，建成区面积28平方公里。",
        "去年全县空气质量优良率为85%，同比上升4个百分点。",
    ],
)
def test_figures_reported_are_no_requirements(text):
    """本次抽查合格率为92.5%，较上年提高3个百分点: what a round of checks found (GUIDE 1.5: a
    report). It read as two requirements, the rate to be exactly 92.5 % and a rise of at least
    3 %; 常住人口约15万人 as a population to be exactly 150 000."""
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("力争合格率较上年提高3个百分点以上。", Decimal(3)),
        ("各地抽查合格率应当较上年提高3个百分点。", Decimal(3)),
        ("处理能力约500吨/日的垃圾焚烧厂应当每季度开展一次检测。", Decimal(1)),
    ],
)
def test_a_change_aimed_at_or_a_duty_near_an_estimate_is_still_read(text, value):
    (r,) = extract(text)
    assert r.value == value


def test_a_change_that_picks_out_the_ones_is_still_their_case():
    (r,) = extract("对空气质量同比下降的镇，县政府约谈其主要负责人。")
    assert r.applies_when is not None and r.subject == "县政府"


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        (
            "各地于2021年6月底前完成摸底排查，9月底前完成整改，12月底前组织验收。",
            ["2021-06-30", "2021-09-30", "2021-12-31"],
        ),
        (
            "各地于2021年10月底前完成排查，3月底前完成整改。",
            ["2021-10-31", "2022-03-31"],
        ),
        (
            "各地于2021年10月底前完成排查，次年3月底前完成整改，次年1月底前组织验收。",
            ["2021-10-31", "2022-03-31", "2022-01-31"],
        ),
    ],
)
def test_dates_after_one_with_its_year_are_in_that_year(text, dates):
    """于2021年6月底前完成摸底排查，9月底前完成整改: the second is September 2021. It was a day of a
    month with no year, made the document's year (or, when its date is not known, every
    year's), so a plan published in 2020 asked for the work in September 2020."""
    found = extract(text)
    assert [r.due for r in found] == [{"rule": "date", "date": d} for d in dates]


def test_a_day_of_each_year_stays_each_year_s():
    found = extract("企业应当于每年11月底前报送计划，次年3月底前报送总结。")
    assert [r.due["rule"] for r in found] == ["yearly_date", "yearly_date"]


@pytest.mark.parametrize(
    "text", ["投标人少于3个的，应当重新招标。", "报名参加的供应商不足3家的，应当重新组织采购。"]
)
def test_the_ones_counted_in_a_case_do_not_act(text):
    """投标人少于3个的，应当重新招标: fewer than three bidders, and the one who tenders (not
    named) tenders again. The bidders counted were read as who must tender again."""
    (r,) = extract(text)
    assert r.applies_when is not None and r.applies_when.comparator == "<"
    assert r.subject is None


def test_a_party_whose_measure_is_the_case_still_acts():
    (r,) = extract("企业职工人数超过300人的，应当设立安全管理机构。")
    assert (r.subject, r.applies_when.value) == ("企业", Decimal(300))


@pytest.mark.parametrize(
    "text",
    [
        "单位和个人购买非洲猪瘟疫苗的，每头猪补助不超过3元。",
        "用人单位招用就业困难人员的，每人每月补贴500元。",
    ],
)
def test_the_ones_a_grant_goes_to_do_not_pay_it(text):
    """单位和个人购买疫苗的，每头猪补助不超过3元: the buyers are granted 3 yuan a pig by an
    authority not named. They were read as who pays, so drafting asked each buyer to subsidise
    itself (…的，给予…奖励 was already read so)."""
    (r,) = extract(text)
    assert r.applies_when is not None and r.unit == "元"
    assert r.subject is None


def test_each_one_added_is_the_step_a_grant_is_per():
    """养老机构每新增1张护理型床位，给予一次性建设补贴5000元: each new bed brings 5000 yuan. The
    one bed was read as a requirement (exactly one new bed), as 每增加1张 was not."""
    (r,) = extract("养老机构每新增1张护理型床位，给予一次性建设补贴5000元。")
    assert (r.value, r.unit) == (Decimal(5000), "元")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("距离河道管理范围线30米以内，禁止新建建筑物。", Decimal(30)),
        ("在学校周边200米范围内，不得设置网吧。", Decimal(200)),
        ("距居民区500米以内，严禁建设养殖场。", Decimal(500)),
    ],
)
def test_a_distance_a_ban_holds_within_is_its_case(text, value):
    """距离河道管理范围线30米以内，禁止新建建筑物: one ban, within 30 m. The 30 m was read as a
    requirement of its own (at most 30 m), so a house built 10 m from the river passed it."""
    (r,) = extract(text)
    assert r.kind == "prohibition" and r.value is None
    assert (r.applies_when.comparator, r.applies_when.value) == ("<=", value)
    assert r.subject is None


def test_what_a_ban_forbids_building_is_not_who_is_banned():
    """严禁建设养殖场: no one may build a farm; the farm is what is built, not who acts."""
    (r,) = extract("严禁建设养殖场。")
    assert r.subject is None
    (named,) = extract("禁止无证经营户销售散煤。")
    assert named.subject == "无证经营户"


@pytest.mark.parametrize(
    "text",
    [
        "企业应当在取得排污许可证后，按照许可证规定的频次开展自行监测。",
        "企业应当在取得许可证后，按照要求开展自行监测。",
    ],
)
def test_a_directive_after_its_basis_is_a_duty_after_a_time(text):
    """企业应当在取得排污许可证后，按照…开展自行监测: the duty is the monitoring. 开展 after a basis
    (按照…) was no verb of a duty, so the phrase waited for one that never came and the row
    was the licence (an eligibility, 取得许可证) instead."""
    (r,) = extract(text)
    assert r.kind == "presence" and "开展自行监测" in r.span
    assert r.subject == "企业"


def test_a_basis_after_the_modal_word_leads_into_the_duty():
    """企业应当根据生产经营特点，开展有针对性的应急演练: one duty, the drill; the basis it is done
    on (根据…特点) was a row of its own, nothing to check (GUIDE 1.5: the basis is no
    requirement)."""
    (r,) = extract("企业应当根据生产经营特点，开展有针对性的应急演练。")
    assert r.span.endswith("开展有针对性的应急演练") and r.subject == "企业"
