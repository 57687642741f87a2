"""A twenty-first round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): rural living conditions, policy opinions and their aims. Each
case is a clear error a probe found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

import pytest

from checklists.standards.extraction import extract
from checklists.standards.parsing import parse_gazette


@pytest.mark.parametrize(
    ("text", "subject", "kind"),
    [
        ("鼓励各乡镇建立村庄保洁队伍。", "各乡镇", "authority"),
        ("鼓励有条件的地区开展农村生活污水集中处理。", "有条件的地区", "authority"),
        ("鼓励有条件的县（市、区）先行先试。", "有条件的县（市、区）", "authority"),
        # guards: an inspected party encouraged, then what it would do (as before)
        ("鼓励有条件的企业开展清洁生产审核。", "有条件的企业", "regulated"),
        (
            "鼓励支持有条件的化工企业,聘请专家队伍开展安全管理服务。",
            "有条件的化工企业",
            "regulated",
        ),
    ],
)
def test_a_government_encouraged_is_who_would_act(text, subject, kind):
    """鼓励各乡镇建立村庄保洁队伍: the towns would build the teams. Only an inspected party was
    read after 鼓励 (鼓励有条件的企业…), so a government or an area encouraged acted for no one,
    as the guide's subject rule (the party named as acting) would have it."""
    (r,) = extract(text)
    assert (r.subject, r.subject_kind, r.modality) == (subject, kind, "advisory")


@pytest.mark.parametrize(
    ("text", "span", "subject"),
    [
        ("禁渔期为每年3月1日至6月30日，禁渔期内禁止一切捕捞作业。", "禁止一切捕捞作业", None),
        (
            "采暖期为每年11月15日至次年3月15日，采暖期内供热单位应当保证连续供热。",
            "供热单位应当保证连续供热",
            "供热单位",
        ),
        ("本市森林防火期为每年11月1日至次年4月30日，防火期内禁止野外用火。", "禁止野外用火", None),
    ],
)
def test_a_period_defined_then_within_it_is_when_the_duty_holds(text, span, subject):
    """禁渔期为每年3月1日至6月30日，禁渔期内禁止一切捕捞作业: the ban holds in the closed season
    the sentence defines. The definition and the ban were one duty with no case, so the ban held
    all year; 采暖期…为每年… read 每年 as a yearly frequency of the heating."""
    (r,) = extract(text)
    assert (r.span, r.subject, r.kind == "frequency") == (span, subject, False)
    assert r.applies_when is not None and r.applies_when.text.endswith("期内")


@pytest.mark.parametrize(
    "text",
    ["汛期内，水库不得超汛限水位运行。", "防汛期间，各水库应当实行24小时值班。"],
)
def test_within_a_season_is_a_case(text):
    """汛期内，水库不得超汛限水位运行: in the flood season only. 汛期，… was a case; with 内 after
    it the sentence held all year (防汛期间 was read already: the guard)."""
    r = extract(text)[0]
    assert r.applies_when is not None and r.applies_when.text.startswith(("汛期", "防汛"))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日。", 10, "day"),
        ("经批准，可以延长十五个工作日。", 15, "working_day"),
        # guards: in digits, and a term extended (no limit of its own), as before
        ("经批准，可以延长10日。", 10, "day"),
    ],
)
def test_a_time_limit_extended_in_words_is_a_bound(text, value, unit):
    """可以延长十日: the extension may be ten days at most, as 可以延长10日 already read. In
    Chinese numerals the number was dropped as words (二次扬尘), and the permission had nothing
    to check."""
    r = extract(text)[-1]
    assert (r.comparator, r.value, r.unit, r.modality) == ("<=", value, unit, "permission")


def test_a_term_extended_is_still_no_bound():
    """有效期延长五年: a term moved on, no limit to keep (the guard of the fix above)."""
    assert all(r.value is None for r in extract("有效期延长五年。"))


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "询价小组由采购人的代表和有关专家共3人以上的单数组成，其中专家的人数不得少于成员总数的三分之二。",
            "询价小组",
        ),
        ("谈判小组由采购人代表和评审专家共3人以上单数组成。", "谈判小组"),
    ],
)
def test_a_panel_s_size_odd_is_its_own_bound(text, subject):
    """询价小组由…共3人以上的单数组成，其中专家…不少于…三分之二: the panel has at least three
    members, an odd number. 3人以上的 was read as the ones the two-thirds were for (a case), so
    the size was no requirement; and the panel (询价小组) was no party's name."""
    r = extract(text)
    assert (r[0].comparator, r[0].value, r[0].unit, r[0].subject) == (">=", 3, "人", subject)
    assert all(x.applies_when is None for x in r)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (
            "幼儿园每班应当配备2名专任教师和1名保育员。",
            ["幼儿园每班应当配备2名专任教师", "1名保育员"],
        ),
        ("每个村配备1名网格员和2名保洁员。", ["每个村配备1名网格员", "2名保洁员"]),
    ],
)
def test_counts_joined_by_and_each_name_what_they_count(text, spans):
    """配备2名专任教师和1名保育员: two teachers, one nurse. The first span stopped at its number
    (…2名) and the second began with the first's noun (专任教师和1名保育员), so each item read as
    the other's; with 、 between they were right. And 每个村配备1名网格员和2名保洁员 had the whole
    phrase as its subject: a count (1名) is no part of a party's name."""
    found = extract(text)
    assert [r.span for r in found] == spans
    assert all(r.subject in (None, "幼儿园") for r in found)


@pytest.mark.parametrize(
    ("text", "value"),
    [("教师每周课时量原则上不少于12节。", 12), ("中小学每周不少于3节体育课。", 3)],
)
def test_class_periods_are_counted(text, value):
    """教师每周课时量原则上不少于12节: twelve periods a week. 节 was no counting word, so the
    clause was a duty with nothing to check (节日, 节能 and 第二节 stay words)."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit, r.per) == (">=", value, "节", "week")
    assert all(x.unit != "节" for x in extract("节假日期间应当安排值班，做好节能工作。"))


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("市公安局按照职责做好养犬管理工作。", "市公安局"),
        (
            "农业农村、城市管理、市场监管等部门按照各自职责做好养犬管理相关工作。",
            "农业农村、城市管理、市场监管等部门",
        ),
        # guard: with no basis between, as before
        ("市公安局做好养犬管理工作。", "市公安局"),
    ],
)
def test_a_party_s_direction_on_a_basis_is_its_duty(text, subject):
    """市公安局按照职责做好养犬管理工作: the police's duty (GUIDE 1.1: a direction is a row of the
    party named as acting). The basis (按照职责) was read as leading into a verb still to come,
    and with none after it the sentence gave no row at all."""
    (r,) = extract(text)
    assert (r.subject, r.subject_kind) == (subject, "authority")


def test_a_number_of_either_day_a_time_starts_from_is_no_bound():
    """犬只应当自出生满3个月或者取得之日起30日内办理养犬登记: thirty days from either day. 满3个月
    was read as a bound of its own (≥ 3 months), as it was not before …之日起 alone."""
    (r,) = extract("犬只应当自出生满3个月或者取得之日起30日内办理养犬登记。")
    assert (r.comparator, r.value, r.unit) == ("<=", 30, "day")
    assert r.trigger == "出生满3个月或者取得之日起"


@pytest.mark.parametrize(
    ("text", "values", "cases"),
    [
        (
            "城乡居民基本医疗保险住院费用报销比例，一级医疗机构为90%，二级医疗机构为75%，"
            "三级医疗机构为60%。",
            [90, 75, 60],
            ["一级医疗机构", "二级医疗机构", "三级医疗机构"],
        ),
        ("报销比例，乡镇卫生院为90%，县级医院为75%。", [90, 75], None),
    ],
)
def test_a_rate_named_then_each_class_s_share(text, values, cases):
    """住院费用报销比例，一级医疗机构为90%，…: the rate each class of hospital pays back. The
    shares were dropped as words (a % with no rate's name right before it), so the clause gave
    nothing; the graded classes' cases held their 为 (一级医疗机构为)."""
    found = extract(text)
    assert [r.value for r in found] == values
    assert all((r.comparator, r.unit) == ("==", "%") for r in found)
    if cases is not None:
        assert [r.applies_when.text for r in found] == cases


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("粮食收购者应当在收购场所明示所收购粮食的品种、质量标准和收购价格。", "粮食收购者"),
        ("危险货物运输者应当配备押运人员。", "危险货物运输者"),
    ],
)
def test_who_buys_in_or_carries_is_a_party(text, subject):
    """粮食收购者应当…明示…收购价格: the grain buyer's duty. 收购者 (and 运输者, 贮存者) ended no
    party's name, so the duty bound no one."""
    (r,) = extract(text)
    assert (r.subject, r.subject_kind) == (subject, "regulated")


@pytest.mark.parametrize("text", ["请各地结合实际认真贯彻落实。", "请各地认真组织实施。"])
def test_a_request_to_carry_the_document_out_is_no_duty(text):
    """请各地结合实际认真贯彻落实: what the document asks of itself (GUIDE 1.5), as 请结合实际，
    认真贯彻执行 already was; naming whom it asks made it a duty of theirs."""
    assert extract(text) == []


def test_a_request_to_do_a_task_stays_a_duty():
    """请各县按照要求做好秸秆禁烧工作: a task asked for, a duty (the guard of the rule above)."""
    (r,) = extract("请各县按照要求做好秸秆禁烧工作。")
    assert r.subject == "各县"


def test_the_state_it_is_to_form_however_long_belongs_to_the_duty_before():
    """到2025年，基本建立…养老服务体系，形成居家社区机构相协调、医养康养相结合的发展格局: the
    pattern to form is what the duty before is for (GUIDE 1.1: 确保…, 实现… belong to the row
    before). Only a short one (形成有效震慑) was; a longer one was a duty of its own."""
    (r,) = extract(
        "到2025年，基本建立覆盖城乡的养老服务体系，形成居家社区机构相协调、医养康养相结合的发展格局。"
    )
    assert r.span.endswith("发展格局") and r.span.startswith("到2025年")


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("企业连续两年被评为A级的，检查频次可降低为每两年1次。", "permission"),
        ("补助标准可提高为每人每月200元。", "permission"),
        # guards: to a level allowed (as before), and what a thing does (no permission)
        ("补助标准可提高至每人每月200元。", "permission"),
        ("采用新技术可降低能耗。", None),
    ],
)
def test_lowered_or_raised_to_a_level_is_allowed(text, modality):
    """检查频次可降低为每两年1次: the checks may be that rare. 可降低 and 可提高 were read as what a
    thing does (可降低能耗) unless 至 or 到 followed; 为 names the level allowed as well."""
    assert extract(text)[-1].modality == modality


REPLY = """某某县人民政府
关于同意设立某某镇农贸市场的批复
某政字〔2026〕15号

某某镇人民政府：
你镇《关于设立某某镇农贸市场的请示》收悉。经研究，现批复如下：
一、同意设立某某镇农贸市场，市场占地面积不少于3000平方米。
二、你镇要严格落实市场开办者主体责任。
三、市场内应当设置不少于20个
公益性摊位，免费提供给周边农户使用。
此复。

某某县人民政府
2026年5月8日
"""


def test_a_reply_read_end_to_end():
    """A county's reply (批复), in plain text with short lines:
    - 三、市场内应当设置不少于20个⏎公益性摊位: the line was read as a heading's (short, no stop),
      so the stalls counted were cut from their number; no heading ends with a bound;
    - 你镇《…的请示》收悉: the request came, no duty (it was one, of the town);
    - 同意设立某某镇农贸市场，…: what the reply grants names no party (it was the subject)."""
    (doc,) = parse_gazette(REPLY).documents
    rows = {c.key.rsplit("/", 1)[-1]: extract(c.text, c.join_offsets, c.token) for c in doc.clauses}
    assert rows["三"][0].span == "市场内应当设置不少于20个公益性摊位"
    assert (rows["三"][0].comparator, rows["三"][0].value) == (">=", 20)
    assert rows["一"][0].subject is None and rows["一"][0].value == 3000
    assert [r.subject for r in rows["二"]] == ["你镇"]
    preamble = [c for c in doc.clauses if "收悉" in c.text]
    assert preamble and all(extract(c.text) == [] for c in preamble)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("从事网约车服务的车辆使用年限达到8年时，退出网约车经营。", "退出网约车经营", 8),
        ("车辆行驶里程达到60万千米时，强制报废。", "强制报废", 600000),
    ],
)
def test_a_bound_reached_then_what_befalls_it(text, span, value):
    """…使用年限达到8年时，退出网约车经营: once the car is eight years old it leaves the trade. The
    eight years were a bound to keep (≥ 8 years, so a new car failed); the leaving, no modal
    word before it, was no duty. 强制报废 was read so already (the guard): 强制 is a verb's."""
    (r,) = extract(text)
    assert r.span == span and r.value is None
    assert (r.applies_when.comparator, r.applies_when.value) == (">=", value)


def test_a_share_of_a_base_is_no_case_of_the_shares_after_it():
    """全自理特困人员照料护理标准按照当地最低工资标准的10%确定，半护理人员按照30%确定，…: three
    standards, one per class. The first phrase was read as "the ones" (…的10%确定，) the others
    applied to, so the 10 % was no standard and the 30 % held only where the 10 % did."""
    found = extract(
        "全自理特困人员照料护理标准按照当地最低工资标准的10%确定，半护理人员按照30%确定，"
        "全护理人员按照60%确定。"
    )
    assert [r.value for r in found] == [10, 30, 60]
    assert all(r.applies_when is None or "10%" not in r.applies_when.text for r in found)


def test_whom_each_is_done_to_is_its_class():
    """供水企业对居民用户每年抄表不少于4次，对非居民用户每月抄表1次: homes four times a year,
    others monthly. The classes were cut from the words before the name both end with
    (居民用户): 供水企业对 and 对非. Whom each is done to, from its 对, is the class."""
    found = extract("供水企业对居民用户每年抄表不少于4次，对非居民用户每月抄表1次。")
    assert [r.applies_when.text for r in found] == ["对居民用户", "对非居民用户"]
    assert [(r.value, r.per) for r in found] == [(4, "year"), (1, "month")]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("合同期满前60日，出租人应当通知承租人。", "出租人"),
        # guard: the days before the 前, as before
        ("合同期满60日前，出租人应当通知承租人。", "出租人"),
    ],
)
def test_how_long_before_an_event_then_what_is_done(text, subject):
    """合同期满前60日，出租人应当通知承租人: the notice at least sixty days before the lease ends.
    With the days after 前 the time was a row of its own and the notice another, with nothing
    to check; with 60日前 they were one already."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit, r.subject) == (">=", 60, "day", subject)
    assert r.span.endswith("通知承租人") and r.modality == "mandatory"


CHECK_TABLE = (
    "序号\t检查项目\t检查标准\t检查结果\n"
    "1\t经营许可\t持有有效经营许可证\t是/否\n"
    "2\t报警装置\t安装可燃气体报警装置\t是/否\n"
    "3\t软管长度\t不超过2米\t是/否\n"
    "4\t备注\t/\t"
)


def test_each_row_of_a_check_table_is_a_requirement():
    """An annex's check table (序号 | 检查项目 | 检查标准 | 检查结果): each row's standard is what
    the thing checked must meet. Read as one text only the row with a number gave a requirement;
    持有有效经营许可证 and 安装可燃气体报警装置, states to check, gave none."""
    found = extract(CHECK_TABLE)
    assert [r.span for r in found] == [
        "持有有效经营许可证",
        "安装可燃气体报警装置",
        "软管长度\t不超过2米",
    ]
    assert [r.kind for r in found] == ["presence", "presence", "measure"]
    assert (found[2].comparator, found[2].value, found[2].unit) == ("<=", 2, "m")
    assert all(CHECK_TABLE[r.start : r.start + len(r.span)] == r.span for r in found)


def test_a_body_that_decides_to_act_is_who_acts():
    """…，区政府决定在全区开展燃气安全专项检查: the district government acts. 决定 after a name was
    no verb of a party's, so the notice's addressees (the line above) were the subject."""
    (r,) = extract(
        "各街道办事处，区直有关部门：\n为切实做好燃气安全工作，区政府决定在全区开展燃气安全专项检查。"
    )
    assert (r.subject, r.subject_kind) == ("区政府", "authority")
