"""The reading issue's probes, one row each: comparisons as Chinese drafting writes them, rates,
conditions, who must act, deadlines written as dates, and numbers that are not thresholds."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from checklists.standards.due_dates import dated
from checklists.standards.extraction import extract
from checklists.standards.responsible import responsible_units


def _one(text):
    found = [r for r in extract(text) if r.value is not None or r.low is not None]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "comparator", "value", "unit", "per"),
    [
        ("合格率不应低于95%。", ">=", "95", "%", None),
        ("车辆数量大于等于3辆。", ">=", "3", "辆", None),
        ("排放浓度低于（含）50毫克/立方米。", "<=", "50", "mg", "m³"),
        ("年用量应达到3万吨（含）以上。", ">=", "30000", "t", None),
        ("保管期限超过（不含）30日。", ">", "30", "day", None),
        ("处理能力不得超过20千克/小时。", "<=", "20", "kg", "hour"),
        ("PM2.5年均浓度控制在60微克/立方米以下。", "<=", "60", "μg", "m³"),
        ("收费不高于200元/吨。", "<=", "200", "元", "t"),
        ("抽检次数不少于2次/月。", ">=", "2", "次", "month"),
        ("每月抽查率不低于10%。", ">=", "10", "%", "month"),
        ("至少配备2辆运输车。", ">=", "2", "辆", None),
        # 达 right before its number; counting words; 万 before a unit multiplies it
        ("污水集中处理率达95%。", ">=", "95", "%", None),
        ("每人每年撰写调研报告不少于2篇。", ">=", "2", "篇", "year"),
        ("新造林面积不少于1.5万亩。", ">=", "15000", "亩", None),
        ("全年植树不少于20万株。", ">=", "200000", "株", "year"),
        ("连续任职一般不超过2届。", "<=", "2", "届", None),
        # a rate's target with no comparison word; copies written in words
        ("在线监测设备安装率 100%。", "==", "100", "%", None),
        ("检验报告应一式三份。", "==", "3", "份", None),
        ("岗位比例上浮不超过2个百分点。", "<=", "2", "%", None),
        # a target with no comparison word, in a sentence that sets targets
        ("全年计划新造林3000亩，绿化道路。", "==", "3000", "亩", "year"),
        ("距法定退休年龄不满5年的除外。", "<", "5", "year", None),
    ],
)
def test_thresholds(text, comparator, value, unit, per):
    r = _one(text)
    assert (r.comparator, r.value, r.unit, r.per) == (comparator, Decimal(value), unit, per)


@pytest.mark.parametrize(
    "text",
    [
        "认真落实《打赢蓝天保卫战三年行动计划》。",
        "按照GB 3095-2012执行。",
        "联系电话：0635-5123456。",
        "根据冠政发〔2016〕109号文件执行。",
        "十三五期间完成改造。",
        "2019—2020年完成整治。",
        "依照本办法第十二条规定处理。",
        # a standard's numbered article, with its parts after a point and the spaces of a PDF
        "按照 GB/T 31356-2014 第 5.2 条规定检测。",
        "今年以来全年共完成造林3000亩。",
        "（一）年内发生累计死亡2人或造成重大影响的生产安全事故的；",
        "（二）全年发生2起一般生产安全事故的；",
        "（三）一年内发生两起较大事故的；",
        # 一次性 (1次性): one-off, no count
        "原则上给予1次性救助。",
        # what the document decided in all (共确定): a report of it, no duty
        "全市共确定10个县（市、区）为试点地区。",
        # what the place is, a report (what it will or is to reach is a target: below)
        "我市农村公路总里程达到2.1万公里，路网密度位居全省前列。",
    ],
)
def test_not_thresholds(text):
    assert [r for r in extract(text) if r.value is not None or r.low is not None] == []


def test_what_was_decided_in_all_is_no_duty():
    assert extract("全市共确定10个县（市、区）为试点地区。") == []


@pytest.mark.parametrize(
    ("text", "duties"),
    [
        # the amounts a notice hands down: what it does itself, no duty
        ("1.东昌府区：下达资金320万元，用于公益性岗位补贴。", []),
        ("本次下达补助资金1250万元。", []),
        ("本次下达资金中，东昌府区300万元，临清市200万元，阳谷县150万元。", []),
        # a party to hand funds down, modal word and all: a duty
        ("县财政局要及时下达资金。", ["县财政局要及时下达资金"]),
    ],
)
def test_an_allocation_the_notice_makes_is_no_duty(text, duties):
    assert [r.span for r in extract(text)] == duties


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # funds a party is to set aside: a commitment, its amount the requirement
        ("市财政每年安排专项资金5000万元。", [("==", Decimal(50000000), "元", "year")]),
        # standards listed under a label (…标准：): each item's amount
        (
            "职业培训补贴标准：初级工每人1000元，中级工每人1500元。",
            [("==", Decimal(1000), "元", "人"), ("==", Decimal(1500), "元", "人")],
        ),
        # an amount stated, or handed out by the document: none
        ("其中，中央补助资金2800万元。", []),
        ("现将2019年农村公路养护资金3500万元下达给你们。", []),
    ],
)
def test_funds_set_aside_are_a_requirement_funds_stated_are_not(text, expected):
    found = [(r.comparator, r.value, r.unit, r.per) for r in extract(text) if r.value is not None]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 由 the old level 提高到 the new: the new level only (as 提高至 reads: equal)
        ("补助标准由每人每年300元提高到500元。", [("==", Decimal(500), "元", "year")]),
        ("费率由1.5%降至1%。", [("==", Decimal(1), "%", None)]),
        # a share of a cost a party bears is its requirement; a split between parties (5:5)
        # is no ratio of one to the other (not "= 100 %")
        ("县级财政负担50%。", [("==", Decimal(50), "%", None)]),
        ("所需资金由市、县两级财政按照5:5比例分担。", []),
    ],
)
def test_a_level_changed_and_a_cost_shared(text, expected):
    found = [(r.comparator, r.value, r.unit, r.per) for r in extract(text) if r.value is not None]
    assert found == expected


def test_who_bears_a_cost_is_a_duty():
    (shared,) = extract("所需资金由市、县两级财政按照5:5比例分担。")
    assert (shared.kind, shared.subject) == ("presence", "市、县两级财政")
    (borne,) = extract("所需经费由县财政负担。")
    assert borne.subject == "县财政"


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # 截至 with no modal word: as of then, a report, nothing due
        ("截至2018年底，全市参保人数达到350万人。", None),
        # with one, or 截止到…前: the date things are due by
        ("截至2020年底，全市要完成改造任务。", "2020-12-31"),
        ("截止到2020年底前，各县要完成整改。", "2020-12-31"),
    ],
)
def test_as_of_a_date_is_a_report_by_a_date_a_deadline(text, due):
    found = extract(text)
    assert [(r.due or {}).get("date") for r in found] == ([due] if due else [])


def test_what_the_place_is_to_reach_is_a_target():
    (r,) = extract("我县力争到2020年森林覆盖率达到30%。")
    assert (r.comparator, r.value, r.unit) == (">=", Decimal(30), "%")


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("并于次月5日前报县煤炭办审核。", {"rule": "next_month_day", "day": 5}),
        ("下月10日前报送。", {"rule": "next_month_day", "day": 10}),
        ("县财政局应于每月最后一个工作日前完成资金拨付。", {"rule": "monthly_last_working_day"}),
        ("企业应于每月10日前报送上月数据。", {"rule": "monthly_day", "day": 10}),
        ("各乡镇应在当月25日前上报进度。", {"rule": "monthly_day", "day": 25}),
        ("各单位应于每月底前报送报表。", {"rule": "monthly_day", "day": 31}),
        ("应于次年1月15日前报送年度总结。", {"rule": "next_month_day", "day": 15}),
        ("次年1月底前完成年度审计。", {"rule": "next_month_day", "day": 31}),
        ("应于次年3月31日前报送上年度报告。", {"rule": "yearly_date", "month": 3, "day": 31}),
        ("次年6月底前完成整改复查。", {"rule": "yearly_date", "month": 6, "day": 30}),
        # "until" a year's or a month's end: 到2020年底, 至2025年末
        ("到2020年底，全部完成燃煤锅炉淘汰。", {"rule": "date", "date": "2020-12-31"}),
        ("至2025年末，完成老旧管网改造。", {"rule": "date", "date": "2025-12-31"}),
        ("截至2019年6月底，完成排查整治。", {"rule": "date", "date": "2019-06-30"}),
        # a part of a month (上旬 by the 10th, 中旬 by the 20th, 下旬 by its end), 以前, a weekday
        ("各县于2019年9月中旬前完成验收。", {"rule": "date", "date": "2019-09-20"}),
        ("2019年10月上旬完成评估。", {"rule": "date", "date": "2019-10-10"}),
        ("2019年12月31日以前完成全部任务。", {"rule": "date", "date": "2019-12-31"}),
        ("请于2019年5月20日（星期一）前报送。", {"rule": "date", "date": "2019-05-20"}),
        ("于6月下旬前报送。", {"rule": "month_day", "month": 6, "day": 30}),
        # not the end of a span of years
        ("2016年至2020年，全面完成造林任务。", None),
        ("于每季度第一个月的20日前向社会公布。", {"rule": "quarter_first_month_day", "day": 20}),
        ("每年3月底前启动报名工作。", {"rule": "yearly_date", "month": 3, "day": 31}),
        ("每年6月30日前报送。", {"rule": "yearly_date", "month": 6, "day": 30}),
        ("年底前完成验收。", {"rule": "year_end"}),
        ("市直各部门应于每季度末报送工作进展。", {"rule": "quarter_end"}),
        ("每个季度结束前报送检查情况。", {"rule": "quarter_end"}),
        # by a weekday each week (0 Monday … 6 Sunday); by a quarter's end each year; this year
        ("各乡镇每周五前上报本周巡查情况。", {"rule": "weekly_day", "weekday": 4}),
        ("每周日之前汇总报送。", {"rule": "weekly_day", "weekday": 6}),
        ("每年第一季度完成上年度考核。", {"rule": "yearly_date", "month": 3, "day": 31}),
        ("年内完成全部改造任务。", {"rule": "year_end"}),
        ("两年内完成全部改造任务。", None),
        # days after the quarter: no calendar rule, a number of days
        ("区生态办将在每季度结束后五日内汇总上报。", None),
        ("2018年底前基本完成搬迁。", {"rule": "date", "date": "2018-12-31"}),
        ("应当于2016年10月15日前完成验收。", {"rule": "date", "date": "2016-10-15"}),
        ("2016年2月底前报送方案。", {"rule": "date", "date": "2016-02-29"}),
        # a day with no year: the importer dates it by the document (``dated``)
        ("于5月15日前报市城市管理局。", {"rule": "month_day", "month": 5, "day": 15}),
        ("10月底前完成验收。", {"rule": "month_day", "month": 10, "day": 31}),
    ],
)
def test_deadlines_written_as_dates(text, due):
    if due is None:
        assert [r.due for r in extract(text) if r.due] == []
        return
    (r,) = [r for r in extract(text) if r.due]
    assert r.kind == "deadline" and r.due == due


def test_two_dates_of_one_sentence_are_each_the_deadline_of_their_phrase():
    """The leftmost date is the first read, whatever rule reads it (2019年底前 before
    2020年6月底前, though the rule of a month's end is tried first)."""
    found = extract("确保2019年底前完成全部整治任务，2020年6月底前通过省级验收。")
    assert [r.due for r in found] == [
        {"rule": "date", "date": "2019-12-31"},
        {"rule": "date", "date": "2020-06-30"},
    ]


@pytest.mark.parametrize(
    ("text", "subject", "kind", "condition", "cond_value"),
    [
        ("各县（市、区）要加强监管。", "各县（市、区）", "authority", None, None),
        ("县财政局应当按时拨付补贴。", "县财政局", "authority", None, None),
        ("配送中心应当建立进销货台账。", "配送中心", "regulated", None, None),
        # who a sentence says someone is (…是…第一责任人，对…负责): who acts in it
        (
            "企业主要负责人是本单位安全生产第一责任人，对本单位安全生产工作全面负责。",
            "企业主要负责人",
            "regulated",
            None,
            None,
        ),
        # an institution that is checked is the inspected party; one that checks is not
        ("医疗机构应当按规定处置医疗废物。", "医疗机构", "regulated", None, None),
        ("第三方检测机构应当出具检测报告。", "第三方检测机构", "regulated", None, None),
        ("监管机构应当每月开展检查。", "监管机构", "authority", None, None),
        (
            "凡年用煤量达到1万吨以上的企业，必须安装在线监测设备。",
            "企业",
            "regulated",
            "凡年用煤量达到1万吨以上",
            "10000",
        ),
        ("供应商违约的，采购人可以没收履约保证金。", "采购人", "regulated", "供应商违约的", None),
        # the opening words pick out which ones by a number; the number after is the requirement
        ("年满60周岁的老人，每月发放补贴不少于100元。", None, None, "年满60周岁", "60"),
        # a marker after the unit decides the condition's comparison too
        (
            "单次采购金额超过5万元（含本数）的，应当公开招标。",
            None,
            None,
            "单次采购金额超过5万元（含本数）的",
            "50000",
        ),
        # 对…的企业，: the ones the duty after it acts on (its condition), not who acts
        (
            "对检查不合格的企业，县应急局应当责令限期整改。",
            "县应急局",
            "authority",
            "对检查不合格的企业",
            "",
        ),
        # a quantifier is no part of the name
        ("每个配送中心每月至少自查一次。", "配送中心", "regulated", None, None),
        # 则 leads from the condition to who acts: no part of the name
        ("如发现超标排放，则环保部门应当责令停产。", "环保部门", "authority", "如发现超标排放", ""),
        # the words before a name's 的 that state a number are its condition, not its name
        (
            "营业面积在200平方米以上的门店，应配备灭火器不少于4具。",
            "门店",
            "regulated",
            "营业面积在200平方米以上",
            "200",
        ),
        # 经营者, 经办人: names (经 opens 经批准, a when, only before other words)
        ("经营者应当在显著位置公示价格。", "经营者", "regulated", None, None),
        ("经办人应当在3个工作日内办结。", "经办人", "regulated", None, None),
        ("经营单位应当建立进货查验制度。", "经营单位", "regulated", None, None),
        # a list of names before a comma and the modal word
        (
            "燃气经营企业的主要负责人和安全生产管理人员，应当经考核合格。",
            "燃气经营企业的主要负责人和安全生产管理人员",
            "regulated",
            None,
            None,
        ),
        # 从业人员 is one name, not a party followed by 从 (from)
        ("学校食堂从业人员应当持有健康证明。", "学校食堂从业人员", "regulated", None, None),
        # how it is done is no name (以书面形式通知…供应商)
        (
            "采购人应当作出答复，并以书面形式通知质疑供应商。",
            "采购人",
            "regulated",
            None,
            None,
        ),
        # a condition that opens with who acts, what they think (认为) after the name
        (
            "供应商认为其权益受到损害的，可以向采购人提出质疑。",
            "供应商",
            "regulated",
            "供应商认为其权益受到损害的",
            None,
        ),
        ("经销商应当查验煤炭质量检验报告。", "经销商", "regulated", None, None),
        # 经…， (经批准, 经审核合格): after which the duty applies, its condition
        ("经批准，企业可以延长作业时间。", "企业", "regulated", "经批准", None),
        ("经检验合格后，煤炭方可出厂销售。", None, None, "经检验合格后", None),
        # the party picked out by what it does acts; what picks it out is the condition
        (
            "凡在本市从事燃气经营活动的单位和个人，均应遵守本办法。",
            "单位和个人",
            "regulated",
            "凡在本市从事燃气经营活动的单位和个人",
            None,
        ),
        (
            "从事危险化学品运输的驾驶人员，应当取得从业资格证。",
            "驾驶人员",
            "regulated",
            "从事危险化学品运输",
            None,
        ),
        ("各地要在2022年底前完成散煤清零。", "各地", "authority", None, None),
        # how often is no name: 每季度对… is when, and whom it is done to
        ("每季度对配送网点检查一次。", None, None, None, None),
        # floors are counted (10层以上的高层建筑)
        ("10层以上的高层建筑应当设置消防控制室。", None, None, "10层以上", "10"),
        # a condition in a unit of its own (人次, 米/秒, 勒克斯)
        (
            "日均客流量超过1万人次的场所，每日至少巡查2次。",
            None,
            None,
            "日均客流量超过1万人次",
            "10000",
        ),
        ("当风速大于5米/秒时，应停止露天装卸作业。", None, None, "当风速大于5米/秒时", "5"),
        # a time window another number follows is where that number is counted: the number is
        # the condition's (2 times or more), not the window
        (
            "三年内受到2次以上行政处罚的企业，不得参加投标。",
            "企业",
            "regulated",
            "三年内受到2次以上行政处罚",
            "2",
        ),
        ("两年内累计3次以上被投诉的，列入黑名单。", None, None, "两年内累计3次以上被投诉的", "3"),
        (
            "一年内发生两起以上较大事故的，吊销许可证。",
            None,
            None,
            "一年内发生两起以上较大事故的",
            "2",
        ),
        # a window alone is the condition
        ("逾期30日内未整改的，予以通报。", None, None, "逾期30日内未整改的", "30"),
        # a condition that opens with who acts names them
        (
            "燃气经营企业发现用户存在安全隐患的，应当在24小时内书面告知用户。",
            "燃气经营企业",
            "regulated",
            "燃气经营企业发现用户存在安全隐患的",
            None,
        ),
        # 凡…的单位: the party; what picks it out is the condition
        (
            "凡使用燃气的单位，应当安装报警装置。",
            "单位",
            "regulated",
            "凡使用燃气的单位",
            None,
        ),
        # 零下 is below zero; 一经 opens a condition as 一旦 does
        ("当日气温低于零下5℃时，应当采取防冻措施。", None, None, "当日气温低于零下5℃时", "-5"),
        ("一经发现，立即取消其配送资格。", None, None, "一经发现", None),
        # a number that picks out the party a duty after it is for, with no modal word
        (
            "年综合能耗5000吨标准煤以上的重点用能单位，每年报送能源利用状况报告。",
            None,
            None,
            "年综合能耗5000吨标准煤以上",
            "5000",
        ),
        # the parties of a procurement and of a supply; a village's and a grid's workers
        ("中标人不得向他人转让中标项目。", "中标人", "regulated", None, None),
        ("燃气用户不得擅自改装燃气设施。", "燃气用户", "regulated", None, None),
        ("评标委员会成员应当客观、公正地履行职责。", "评标委员会成员", "regulated", None, None),
        ("村（社区）要落实网格化管理。", "村（社区）", "authority", None, None),
        ("各区县要于2025年6月30日前完成全面排查。", "各区县", "authority", None, None),
        ("每个乡镇至少建设1个洁净型煤配送网点。", "乡镇", "authority", None, None),
        ("每个配送中心配备专职安全管理人员不少于两名。", "配送中心", "regulated", None, None),
        # the party whose part must be so (set apart by its bracket or 的); 负责人 is a name
        ("洁净煤配送中心（点）地面要全部硬化。", "洁净煤配送中心（点）", "regulated", None, None),
        ("企业的厂区道路应当硬化。", "企业", "regulated", None, None),
        ("储煤厂房要进行全封闭建设。", None, None, None, None),
        ("企业负责人应当在检查记录上签字。", "企业负责人", "regulated", None, None),
        ("采购人、项目总监要对主要材料进行检查。", "采购人、项目总监", "regulated", None, None),
        ("区政府研究室将定期开展考评通报。", "区政府研究室", "authority", None, None),
        (
            "主要负责同志及班子成员要带头开展调研。",
            "主要负责同志及班子成员",
            "regulated",
            None,
            None,
        ),
        ("乡镇卫生院应当建立药品台账。", "乡镇卫生院", "regulated", None, None),
        ("网格员每周至少巡查2次。", "网格员", "authority", None, None),
        # 对 and a kind of thing: the ones the number after it is for, whatever verb its noun
        # holds (检查对象)
        ("对一般检查对象，年度抽查比例不低于5%。", None, None, "对一般检查对象", None),
        # …时 right before the modal word is when the duty applies; who a condition opens with acts
        ("检查时应当出示执法证件。", None, None, "检查时", None),
        (
            "企业发生安全事故后，应当立即启动应急预案。",
            "企业",
            "regulated",
            "企业发生安全事故后",
            None,
        ),
        # the party a sentence opens with, picked out by what it did; its ban is its own, a
        # window before it or not (…的供应商，不得投标 named 供应商 already)
        ("被列入失信名单的供应商，三年内不得投标。", "供应商", "regulated", "被列入失信名单", None),
        # each time, at once or in parts: no number of the condition's
        ("每次验收前，采购人应当进行核对。", "采购人", "regulated", "每次验收前", None),
        (
            "对一次或分次送达的货物，采购人应当验收。",
            "采购人",
            "regulated",
            "对一次或分次送达的货物",
            None,
        ),
        # the ones a sentence opens with, picked out by a comparison in words
        (
            "农村居民人均可支配收入低于当地平均水平的家庭，应当给予补贴。",
            None,
            None,
            "农村居民人均可支配收入低于当地平均水平的家庭",
            None,
        ),
        # 由 names who acts, whatever the name ends with
        ("由镇(街道)书面告知申请人。", "镇(街道)", "authority", None, None),
        ("由县财政承担所需经费。", "县财政", "authority", None, None),
        ("由采购人报行政监管部门依法处理。", "采购人", "regulated", None, None),
    ],
)
def test_who_and_when(text, subject, kind, condition, cond_value):
    (r,) = extract(text)
    assert (r.subject, r.subject_kind) == (subject, kind)
    if condition is None:
        assert r.applies_when is None
    else:
        assert r.applies_when.text == condition
        assert r.applies_when.value == (Decimal(cond_value) if cond_value else None)


@pytest.mark.parametrize(
    ("text", "subject", "condition"),
    [
        # the case, then its modal word: the ones it names must (not the party named before)
        ("施工期间，采购人实行电子签到制度，不能签到的需向采购人书面请假。", None, "不能签到的"),
        # (发现 opens a case or a party's description, no 发放/发至 carrying the duty on)
        ("监理单位应当巡查，发现隐患的企业应当立即整改。", "发现隐患的企业", None),
        # the case, then a verb: the party before deals with those ones
        ("采购人应当逐项核对，不一致的直接要求退换。", "采购人", "不一致的"),
    ],
)
def test_who_acts_after_a_case_named_inline(text, subject, condition):
    last = extract(text)[-1]
    assert last.subject == subject
    assert (last.applies_when.text if last.applies_when else None) == condition


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # 凡…的<party>，…: the ones it names act, however long the words picking them out
        (
            "凡在城市主城区、居民集中区、自然保护区和饮用水水源保护区等环境敏感区及重点保护区"
            "等区域内的化工企业，2018年底前原则上要完成搬迁、转产或关闭。",
            "化工企业",
        ),
        # …的<party>，其…: 其 points back to the ones named (its sulphur content)
        ("年用煤量达到1万吨以上的企业，其燃煤硫分不得高于0.5%。", "企业"),
        # …的<party>，… with no 凡 and no 其: the ones a policy is for, no actor
        ("符合条件的企业，按照规定给予补贴。", None),
        # …，一律通报批评: a sanction, imposed on the ones it names by someone not named
        ("凡未按期完成整改的单位，一律通报批评。", None),
        # a party named with its own sanction to impose keeps it
        ("区安委会必须予以通报。", "区安委会"),
    ],
)
def test_the_ones_a_condition_opening_with_fan_names_act_unless_sanctioned(text, subject):
    (r,) = extract(text)
    assert r.subject == subject


@pytest.mark.parametrize(
    ("text", "span", "due"),
    [
        # a number, a space, then its unit (text from a PDF): an amount, no numbering token
        ("2018 年底前，企业要完成搬迁。", "2018 年底前，企业要完成搬迁", "2018-12-31"),
        ("3 个工作日内，企业应当报送整改报告。", "3 个工作日内，企业应当报送整改报告", None),
    ],
)
def test_a_number_then_a_space_then_its_unit_opens_no_numbered_item(text, span, due):
    (r,) = extract(text)
    assert r.span == span
    assert (r.due or {}).get("date") == due


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("企业应当每100平方米配备不少于1具灭火器。", 1, "具"),
        ("每1000名学生至少配备1名专职卫生技术人员。", 1, "名"),
    ],
)
def test_a_number_after_每_before_another_is_what_that_is_per(text, value, unit):
    """每100平方米配备不少于1具: one requirement, the count, its words with what it is per (no
    "= 100 m²" of its own)."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == (">=", Decimal(value), unit)
    assert "每" in r.span


@pytest.mark.parametrize(
    ("text", "condition", "cond_value", "value"),
    [
        # the ones a limit right after them is for, with no comma between
        ("不足1000名的至少配备1名。", "不足1000名的", 1000, 1),
        # the ones a number picks out, then the number of them that is the requirement
        ("粒度为13～80毫米的块煤占比不低于90%。", "粒度为13～80毫米", None, 90),
        ("面积不低于500平方米的仓库不少于2个。", "面积不低于500平方米", 500, 2),
        # 其中…的，: the part of the ones just named the rule after it is for
        (
            "安全生产费用按比例提取，其中营业收入不超过1000万元的，按照2%提取。",
            "其中营业收入不超过1000万元",
            10000000,
            2,
        ),
        # the band of an amount a rule is for
        ("每户每月用水量超过15立方米的部分，应当按照阶梯水价收费。", None, 15, None),
    ],
)
def test_the_ones_a_number_picks_out_are_a_condition(text, condition, cond_value, value):
    (r,) = extract(text)
    expected = None if cond_value is None else Decimal(cond_value)
    assert r.applies_when is not None and r.applies_when.value == expected
    if condition is not None:
        assert r.applies_when.text == condition
    assert r.value == (None if value is None else Decimal(value))


def test_a_zone_a_duty_applies_in_is_its_condition():
    """在5公里范围内设立不少于2个配送点: the count is the requirement, the zone where it applies
    its condition (not a requirement "≤ 5 km" of its own)."""
    (r,) = extract("配送中心应在5公里范围内设立不少于2个配送点。")
    assert (r.comparator, r.value, r.unit) == (">=", Decimal(2), "个")
    assert r.applies_when.text == "在5公里范围内"
    assert (r.applies_when.comparator, r.applies_when.value) == ("<=", Decimal(5))


def test_when_and_to_whom_is_no_name():
    """并于次月5日前报县煤炭办审核: 县煤炭办 is whom it goes to, no one acting here."""
    (r,) = extract("并于次月5日前报县煤炭办审核。")
    assert r.subject is None and r.due == {"rule": "next_month_day", "day": 5}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("供应商在同一品目中累计两次被投诉属实的，列入不良行为记录名单。", "2"),
        ("对连续3次检查不合格的企业，列入重点监管名单。", "3"),
    ],
)
def test_a_count_reached_in_all_or_in_a_row_is_at_least_that(text, value):
    (r,) = extract(text)
    assert (r.applies_when.comparator, r.applies_when.value) == (">=", Decimal(value))


def test_a_duration_in_hours_is_no_time_when():
    """…4小时， is how long, not "when" (…时，): both numbers are requirements, neither the other's
    condition."""
    found = extract("驾驶员连续驾驶时间不得超过4小时，每次休息不少于20分钟。")
    assert [(r.comparator, r.value, r.unit, r.applies_when) for r in found] == [
        ("<=", Decimal(4), "hour", None),
        (">=", Decimal(20), "minute", None),
    ]


def test_a_condition_is_not_a_requirement_of_its_own():
    """对整改不及时造成安全事故的，… once drafted "是否符合：及时造成安全事故的"."""
    assert [
        r for r in extract("对整改不及时造成安全事故的，依法追究责任。") if r.kind == "deadline"
    ] == []
    (r,) = extract("凡年用煤量达到1万吨以上的企业，必须安装在线监测设备。")
    assert r.kind == "presence" and r.applies_when.comparator == ">="


@pytest.mark.parametrize(
    "text",
    [
        "彩钢瓦做外墙，可节省空间。",
        "厂房大门可满足40吨以上货车进出。",
        "人均可支配收入增长8%。",
        # 可 of an adjective: what a thing is, not what someone may do
        "可吸入颗粒物（PM10）年均浓度不高于70微克/立方米。",
        "餐饮企业应当安装可燃气体泄漏报警装置。",
        "企业应当建立可追溯的质量管理制度。",
        "网上可办率达到90%以上。",
    ],
)
def test_what_something_can_do_is_no_permission(text):
    assert [r for r in extract(text) if r.modality == "permission"] == []


def test_a_permission_word_inside_a_noun_does_not_hide_who_acts():
    """…的，应当安装可燃气体…: 可燃 is no modal word; who acts is who the condition opens with."""
    (r,) = extract("餐饮等非居民用户使用瓶装燃气的，应当安装可燃气体泄漏报警装置。")
    assert (r.subject, r.subject_kind, r.modality) == ("餐饮等非居民用户", "regulated", "mandatory")


@pytest.mark.parametrize(
    ("text", "expected", "flag"),
    [
        ("仓库面积不低于500平方米。", "high", None),
        ("缴纳50万元保证金。", "low", "assumed_equal"),
        ("发现问题应当及时报告。", "low", "vague_deadline"),
        ("配送半径应控制在5公里左右。", "low", "approximate"),
    ],
)
def test_confidence_says_why_in_flags(text, expected, flag):
    (r,) = extract(text)
    assert r.to_dict()["confidence"] == expected
    assert (flag in r.flags) if flag else not r.flags


def test_a_number_that_says_which_ones_is_their_condition():
    """连续工作10年以上的教师应当交流轮岗: the 10 years say which teachers, not a duty."""
    (r,) = extract("在同一所学校连续工作10年以上的城镇教师应当交流轮岗。")
    assert r.kind == "presence" and r.modality == "mandatory"
    assert r.applies_when.text == "在同一所学校连续工作10年以上"
    assert (r.applies_when.comparator, r.applies_when.value) == (">=", Decimal("10"))
    (r,) = extract("年用量3万吨（含）以上的应当备案。")
    assert r.applies_when.value == Decimal("30000") and r.applies_when.unit == "t"


@pytest.mark.parametrize(
    ("text", "duties"),
    [
        # one modal sentence, three things to do: three requirements, one subject
        (
            "区安委会办公室应当登记汇总重大隐患，建立台账，督促整改。",
            [
                ("区安委会办公室应当登记汇总重大隐患", "mandatory", "区安委会办公室"),
                ("建立台账", "mandatory", "区安委会办公室"),
                ("督促整改", "mandatory", "区安委会办公室"),
            ],
        ),
        # …，并…: a duty of its own after the comma, of the same party (GUIDE 1.1)
        (
            "企业应当建立安全生产责任制，并将落实情况报县安监局备案。",
            [
                ("企业应当建立安全生产责任制", "mandatory", "企业"),
                ("并将落实情况报县安监局备案", "mandatory", "企业"),
            ],
        ),
        # a party of its own: its own duty, with no modal word of its own
        (
            "采购人应当组建评标委员会，采购办负责监督。",
            [
                ("采购人应当组建评标委员会", "mandatory", "采购人"),
                ("采购办负责监督", None, "采购办"),
            ],
        ),
        # a phrase with no verb of its own continues the duty before it
        (
            "委派的代表必须有一定的专业特长，对采购的工程比较熟悉。",
            [("委派的代表必须有一定的专业特长，对采购的工程比较熟悉", "mandatory_strong", None)],
        ),
        # what happened is no duty; a sentence with no modal word still states the duty it
        # names a party and a verb for (drafting lists duties without 应当 as often as with)
        ("近年来，各部门已经建立台账，取得明显成效。", []),
        (
            "采购人对实施政府采购的项目成立采购工作组。",
            [("采购人对实施政府采购的项目成立采购工作组", None, "采购人")],
        ),
        # a purpose and a time are no duties; what follows them is
        (
            "为加强管理，隐患整改完成后，企业应当向镇街道提交销号报告。",
            [("企业应当向镇街道提交销号报告", "mandatory", "企业")],
        ),
        # to whom, a comma, 以及 more of them, then the verb: one duty, its verb at the end
        (
            "区安委会办公室应当向财政、环保等部门,以及所在镇街道通报。",
            [
                (
                    "区安委会办公室应当向财政、环保等部门,以及所在镇街道通报",
                    "mandatory",
                    "区安委会办公室",
                )
            ],
        ),
        # what a document must hold, 取得的成效 one of its parts (no report of what was achieved)
        (
            "评估报告应包括应急响应采取的措施、取得的成效、发现的问题以及改进建议等。",
            [
                (
                    "评估报告应包括应急响应采取的措施、取得的成效、发现的问题以及改进建议等",
                    "mandatory",
                    None,
                )
            ],
        ),
        # who, on what basis (a title in a title, its inner one closed by 》), then what: one
        # duty, whatever verbs the words describing the party or the title hold
        (
            "负有环境监管职责的部门按照《关于印发<环境保护工作责任规定》的通知》要求，实行销号制度。",
            [
                (
                    "负有环境监管职责的部门按照《关于印发<环境保护工作责任规定》的通知》要求，实行销号制度",
                    None,
                    "负有环境监管职责的部门",
                )
            ],
        ),
        # 由 inside the words describing a noun names no one acting
        (
            "成立由分管副市长任组长的工作领导小组。",
            [("成立由分管副市长任组长的工作领导小组", None, None)],
        ),
        # a ban holds the act it bans (严禁将…用于…): a duty of its own after the one before
        (
            "各地要加强资金监管，严禁将资金用于平衡预算。",
            [
                ("各地要加强资金监管", "mandatory", "各地"),
                ("严禁将资金用于平衡预算", "mandatory_strong", "各地"),
            ],
        ),
        # 将 and a verb acts (将收回资金); 将 and what a verb made (排查情况) leads on
        (
            "对截留资金的，一经查实，将收回资金，并按照规定追究相关责任。",
            [("将收回资金", None, None), ("并按照规定追究相关责任", None, None)],
        ),
        (
            "各乡镇要将排查情况，于每月5日前报县安委办。",
            [("各乡镇要将排查情况，于每月5日前报县安委办", "mandatory", "各乡镇")],
        ),
        # who leads and who helps, then what they do: one duty, of the one leading
        (
            "由市生态环境局牵头，市公安局、市交通运输局配合，开展柴油货车专项执法检查。",
            [
                (
                    "由市生态环境局牵头，市公安局、市交通运输局配合，开展柴油货车专项执法检查",
                    None,
                    "市生态环境局",
                )
            ],
        ),
        # 按照规定 and a verb: the verb is the duty's (规定报告 is no noun)
        ("区财政局按照规定报告。", [("区财政局按照规定报告", None, "区财政局")]),
        # …，以及 and a verb: a duty of its own; 以及 and more of a list: none
        (
            "企业应当对职工进行培训，以及组织应急演练。",
            [
                ("企业应当对职工进行培训", "mandatory", "企业"),
                ("以及组织应急演练", "mandatory", "企业"),
            ],
        ),
        (
            "企业应当向镇街道提交整改报告，以及有关部门出具的验收意见复印件等材料。",
            [("企业应当向镇街道提交整改报告", "mandatory", "企业")],
        ),
        # …，同时向…，以及…通报: a duty of its own after 同时, its verb after the list
        (
            "区安委会办公室应当通过媒体向社会公布，同时向同级财政、环保等部门，以及所在镇街道通报。",
            [
                ("区安委会办公室应当通过媒体向社会公布", "mandatory", "区安委会办公室"),
                ("同时向同级财政、环保等部门，以及所在镇街道通报", "mandatory", "区安委会办公室"),
            ],
        ),
    ],
)
def test_a_modal_sentence_states_each_of_its_duties(text, duties):
    """Duties with no number; those with one are the threshold and deadline tests' business."""
    found = [(r.span, r.modality, r.subject) for r in extract(text) if r.value is None]
    assert found == duties


def test_what_is_due_within_a_deadline_is_the_deadlines_words():
    """在…15个工作日内，将…报送…: one deadline whose words say what is due, not a deadline and
    a second, undated duty; and 自…到… is when the time runs, not a duty."""
    (due,) = extract(
        "被约谈单位应在约谈结束后15个工作日内，将约谈落实情况以书面形式报送区安委会办公室。"
    )
    assert (due.kind, due.comparator, due.value, due.unit) == ("deadline", "<=", 15, "working_day")
    assert due.span.endswith("报送区安委会办公室") and due.subject == "被约谈单位"
    (due,) = extract("原则上自提交救助申请到发放救助金，在15个工作日内完成。")
    assert (due.kind, due.value, due.modality) == ("deadline", 15, "default")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("机构编制部门每三年核定教职工编制。", "3", "year"),
        ("每2年开展一次安全评估。", "2", "year"),
        ("每隔6个月复查一次。", "6", "month"),
    ],
)
def test_every_n_years_is_a_frequency(text, value, unit):
    """每三年核定…: how often, with the duty it is about in the span."""
    r = _one(text)
    assert (r.kind, r.comparator, r.value, r.unit) == ("frequency", "==", Decimal(value), unit)
    assert r.span.endswith(text.rstrip("。")[-4:])


@pytest.mark.parametrize(
    ("text", "duty", "condition"),
    [
        # a phrase before the duty that says to what it applies
        ("对工程类项目，采购人实行诚信保证金制度。", "实行诚信保证金制度", "对工程类项目"),
        ("施工期间，监理单位应当每日巡查。", "巡查", "施工期间"),
        ("每次验收前，采购人应当核对采购需求。", "核对采购需求", "每次验收前"),
        # (…过程中, a stretch of time as …期间, right before the modal word)
        ("配送车辆要统一标识，运输过程中须全封闭。", "须全封闭", "运输过程中"),
        # a kind of project, then what is done for it: the projects it applies to
        ("重大项目须聘请专业机构或者专家参加验收。", "聘请专业机构", "重大项目"),
        ("公共服务类项目邀请服务对象参与。", "邀请服务对象参与", "公共服务类项目"),
        # before an event, right before the modal word (a date's 前 is its deadline instead)
        ("车辆驶出工地前应当冲洗干净。", "冲洗干净", "车辆驶出工地前"),
        # what must be done first, before 方可: the condition of what is then allowed
        (
            "从业人员应当每年进行健康检查，取得健康证明后方可上岗工作。",
            "方可上岗",
            "取得健康证明后",
        ),
        ("经验收合格后方可投入使用。", "方可投入使用", "经验收合格后"),
        # (right before a negated modal word: 不应, 不宜)
        ("燃气管道埋深不应小于0.6米，穿越道路时不应小于0.9米。", "0.9米", "穿越道路时"),
        # the ones a duty is about, before its verb
        ("抽查结果不一致的直接要求退换。", "要求退换", "抽查结果不一致的"),
        ("涉嫌犯罪的移交司法机关处理。", "移交司法机关处理", "涉嫌犯罪的"),
        # (a sanction's verbs: 约谈, 问责, 扣减…)
        (
            "对排名靠后的县，由市攻坚办通报，情节严重的约谈主要负责同志。",
            "约谈主要负责同志",
            "情节严重的",
        ),
        ("考核不合格的扣减下一年度补助资金。", "扣减下一年度补助资金", "考核不合格的"),
        # before a duty due promptly (及时): still its condition, never a duty of its own
        (
            "主动配合煤质检验，对经检验检测不达标的洁净煤，及时与煤源供应企业联系，依法进行处理。",
            "及时与煤源供应企业联系",
            "对经检验检测不达标的洁净煤",
        ),
    ],
)
def test_a_phrase_condition_belongs_to_the_duty_after_it(text, duty, condition):
    (r,) = [r for r in extract(text) if duty in r.span]
    assert r.applies_when is not None and r.applies_when.text == condition
    assert not [r for r in extract(text) if r.span.strip("，。") == condition]


@pytest.mark.parametrize(
    "text",
    [
        "该项目应当于年底前完工。",  # this project: the one named, no kind picked out
        "采购人应当建立台账，且项目实行终身负责制。",
        "采购人对项目实行终身负责制。",
    ],
)
def test_a_project_named_or_acted_on_is_no_condition(text):
    assert [r.applies_when for r in extract(text)] == [None] * len(extract(text))


def test_a_dates_before_is_no_condition():
    (r,) = extract("年底前应当完成整改。")
    assert r.applies_when is None and r.due == {"rule": "year_end"}


def test_a_phrase_condition_applies_to_its_duty_only():
    """施工期间，A…，B…: the time is A's; B, with no condition of its own, has none."""
    first, second = extract("施工期间，监理单位应当每日巡查，抽查次数不少于3次。")
    assert first.applies_when.text == "施工期间"
    assert second.applies_when is None and second.value == 3


def test_a_date_phrase_is_the_deadline_of_the_duty_after_it():
    """2018年底前，完成…: one requirement due then, not a date and an undated duty."""
    (r,) = extract("2018年12月底前，完成全部化工企业的评级工作。")
    assert r.kind == "deadline" and r.due == {"rule": "date", "date": "2018-12-31"}
    assert r.span.startswith("2018年12月底前") and r.applies_when is None


@pytest.mark.parametrize(
    ("text", "due", "ends", "subject"),
    [
        ("年底前，完成全部化工企业的评级工作。", {"rule": "year_end"}, "评级工作", None),
        (
            "到2020年底，各乡镇全部完成燃煤锅炉淘汰。",
            {"rule": "date", "date": "2020-12-31"},
            "燃煤锅炉淘汰",
            "各乡镇",
        ),
    ],
)
def test_a_date_phrase_reaches_to_what_is_due_then(text, due, ends, subject):
    """A date phrase alone, and after it words read as no duty of their own (no modal word):
    the deadline's words are what is to be done by then, and who it names acts."""
    (r,) = extract(text)
    assert r.kind == "deadline" and r.due == due
    assert r.span.endswith(ends) and r.subject == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "采购合同自签订之日起七个工作日内，采购人应当将合同副本报财政部门备案。",
            "采购人",
        ),
        ("自收到申请之日起5个工作日内，县财政局应当作出决定。", "县财政局"),
    ],
)
def test_a_deadline_that_names_no_one_is_of_the_party_after_it(text, subject):
    """…之日起N个工作日内，<party>应当…: one deadline, what is to be done by then its words, the
    party named after it who acts (not a deadline of no one and an undated duty)."""
    (r,) = extract(text)
    assert r.kind == "deadline" and r.subject == subject and r.span.endswith(text[-8:-1])


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("每日进行防火巡查。", "day"),
        ("学校食堂从业人员每年应当进行健康检查。", "year"),
        ("各乡镇每月报送工作进展。", "month"),
        # a school term: half of its year
        ("学校食堂每学期组织食品安全自查。", "half_year"),
    ],
)
def test_a_duty_done_each_period_is_a_frequency(text, per):
    """每日进行防火巡查: done every day, how many times unsaid (no number, a frequency)."""
    (r,) = extract(text)
    assert (r.kind, r.per, r.value) == ("frequency", per, None)


@pytest.mark.parametrize(
    "text", ["各企业要严格落实24小时值班制度。", "重点部位要实行24小时在线监控。"]
)
def test_round_the_clock_is_24_hours_of_each_day(text):
    """24小时值班: round the clock, 24 hours of each day (not a bare 24 hours)."""
    (r,) = [r for r in extract(text) if r.value is not None]
    assert (r.kind, r.value, r.unit, r.per) == ("duration", Decimal(24), "hour", "day")


def test_within_24_hours_is_still_a_deadline():
    (r,) = extract("发生事故应当在24小时内报告。")
    assert (r.kind, r.comparator, r.value, r.unit) == ("deadline", "<=", Decimal(24), "hour")


def test_a_list_after_a_number_names_no_one_new():
    """每班应当配备2名专任教师和1名保育员: who must have the 保育员 is still the 幼儿园 (the list's
    专任教师 is what is had, not who acts)."""
    found = extract("幼儿园每班应当配备2名专任教师和1名保育员。")
    assert [(r.value, r.subject) for r in found] == [(Decimal(2), "幼儿园"), (Decimal(1), "幼儿园")]


def test_a_duty_of_its_own_after_a_noun_that_starts_like_a_verb():
    """…，报警装置应当与切断阀联动: 报警 is a noun, not 报 (report) carrying on the duty before;
    the phrase with its own modal word is a duty of its own."""
    spans = [r.span for r in extract("餐饮场所应当安装报警装置，报警装置应当与紧急切断阀联动。")]
    assert spans == ["餐饮场所应当安装报警装置", "报警装置应当与紧急切断阀联动"]


def test_each_one_is_no_period():
    """每个配送中心…: each one, not a frequency."""
    assert [r.kind for r in extract("每个配送中心应当建立台账。")] == ["record"]


def test_who_and_when_then_what_is_one_deadline():
    """请各单位于3月1日前，将…发送至…: the date's phrase names who and when, the duty after it
    what: one deadline (not a date with no duty and an undated duty)."""
    found = extract("请各单位于3月1日前，将近期调研类信息题目发送至指定邮箱。")
    (r,) = found
    assert r.kind == "deadline" and r.due == {"rule": "month_day", "month": 3, "day": 1}
    assert r.span.endswith("发送至指定邮箱") and r.subject == "各单位"


@pytest.mark.parametrize(
    "numbering", ["", "3、", "3.", "（三）"], ids=["bare", "arabic", "dotted", "bracketed"]
)
def test_a_target_after_a_date_phrase_is_due_then(numbering):
    """到2020年底，…达到95%以上: one requirement, the target, due then (not a bare date too),
    whatever numbers the item."""
    (r,) = extract(numbering + "到2020年底，全县洁净煤配送网点覆盖率达到95%以上。")
    assert (r.kind, r.comparator, r.value, r.unit) == ("ratio", ">=", Decimal(95), "%")
    assert r.due == {"rule": "date", "date": "2020-12-31"}


@pytest.mark.parametrize(
    "text",
    [
        "各单位要充分认识到安全生产工作的重要性。",
        "各乡镇要高度重视，切实加强组织领导。",
        "希望受到表彰的单位珍惜荣誉，再创佳绩。",
        "现将《实施意见》印发给你们，请结合实际，认真贯彻执行。",
        # an exhortation is no duty even where nothing else in its sentence is one
        "全市各级要以先进为榜样，毫不放松地抓好安全生产工作。",
        # what the document does, after its purpose
        "为规范项目管理，结合我市实际，提出以下意见。",
        # the legal basis: a list of titles
        "《中华人民共和国大气污染防治法》《山东省大气污染防治条例》（2018年11月30日）及有关法律、法规。",
        # what a document or a system of them consists of
        "本市应急预案体系包括本预案，各部门编制的专项预案，企业编制的应急响应方案。",
        # what the document does, whatever its kind (通告如下, 公告如下)
        "为保障公共安全，现就城区禁止燃放烟花爆竹有关事项通告如下：",
    ],
)
def test_exhortations_and_words_about_the_text_are_no_duties(text):
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 分别 before a list: one comparison for each number of the list
        (
            "全市绿化覆盖率、公园面积和林地面积分别达到 40%、120 公顷和 3500 亩。",
            [(">=", "40", "%"), (">=", "120", "公顷"), (">=", "3500", "亩")],
        ),
        (
            "两类车辆分别不超过 5 辆、8 辆。",
            [("<=", "5", "辆"), ("<=", "8", "辆")],
        ),
        # the list's unit written once, after its last number (10、35、50毫克/立方米)
        (
            "燃煤机组颗粒物、二氧化硫、氮氧化物排放浓度分别不高于10、35、50毫克/立方米。",
            [("<=", "10", "mg"), ("<=", "35", "mg"), ("<=", "50", "mg")],
        ),
        (
            "排放限值分别为35、50、10mg/Nm3。",
            [("<=", "35", "mg"), ("<=", "50", "mg"), ("<=", "10", "mg")],
        ),
        (
            "对一、二、三等奖分别奖励5、3、1万元。",
            [("==", "50000", "元"), ("==", "30000", "元"), ("==", "10000", "元")],
        ),
        # no 分别: a list of bare amounts states nothing by itself
        ("去年新造林 40 公顷、改造林网 50 亩。", []),
    ],
)
def test_respectively_gives_each_number_the_comparison(text, expected):
    found = [
        (r.comparator, str(r.value), r.unit)
        for r in extract(text)
        if r.value is not None or r.low is not None
    ]
    assert found == expected


def test_a_list_s_numbers_share_its_rate_s_denominator():
    """10、35、50毫克/立方米: each number a concentration per cubic metre, as the last one;
    a day of the month listed before 前 is a date, not a number of days."""
    found = extract("颗粒物、二氧化硫、氮氧化物排放浓度分别不高于10、35、50毫克/标准立方米。")
    assert [(r.per, r.unit) for r in found] == [("m³", "mg")] * 3
    (r,) = extract("天然气锅炉氮氧化物排放浓度不高于30mg/Nm3。")
    assert (r.comparator, r.value, r.unit, r.per) == ("<=", Decimal(30), "mg", "m³")
    from checklists.standards.quantities import quantities

    assert [q.low for q in quantities("每月5、15、25日前报送。")] == [Decimal(25)]


def test_the_last_number_of_a_list_is_quoted_without_its_he():
    spans = [r.span for r in extract("全市农村生活污水治理率分别达到30%、50%和70%。")]
    assert spans[1:] == ["50%", "70%"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # tiers down to the last, which carries 以上: the last is the threshold, the others
        # grades above it (a teacher of 25 years meets "≥ 10", fails no "= 30")
        (
            "各级政府对从教30年、20年、10年以上的教师按照有关规定颁发荣誉证书。",
            [(">=", "10", "year")],
        ),
        ("对月收入300元、500元、800元以下的家庭按照标准给予救助。", [("<=", "800", "元")]),
        # tiers up to the last: each is its own number, as before
        (
            "企业应当配备1名、2名以上安全员。",
            [("==", "1", "名"), (">=", "2", "名")],
        ),
    ],
)
def test_tiers_beyond_the_last_number_of_a_list_are_no_thresholds(text, expected):
    found = [(r.comparator, str(r.value), r.unit) for r in extract(text) if r.value is not None]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "duty", "threshold"),
    [
        # a requirement written in brackets is a phrase of its own
        ("建立进货台账（至少保存三年）。", "建立进货台账", ("至少保存三年", ">=", "3", "year")),
        ("报送检查计划(每季度不少于2次)。", "报送检查计划", ("每季度不少于2次", ">=", "2", "次")),
    ],
)
def test_a_bracketed_requirement_is_a_phrase_of_its_own(text, duty, threshold):
    found = extract(text)
    assert [r.span for r in found if r.value is None] == [duty]
    (number,) = [r for r in found if r.value is not None]
    assert (number.span, number.comparator, str(number.value), number.unit) == threshold


@pytest.mark.parametrize(
    "text",
    [
        # an aside that explains (可满足, 相当于) sets no threshold
        "仓库大门宽度应方便车辆进出（可满足30吨以上货车通行）。",
        "场地应当平整（相当于不少于2000平方米的硬化面积）。",
    ],
)
def test_a_number_in_an_explaining_aside_is_no_threshold(text):
    assert [r for r in extract(text) if r.value is not None] == []


def test_when_time_starts_running_is_no_duty():
    """从第2次…起: when a term starts, not something to do."""
    found = extract("多次违规的经营者，从第3次处罚起，停业期限为6个月。")
    assert [(r.comparator, str(r.value), r.unit) for r in found] == [("==", "6", "month")]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # a target compared with something that is not a number is still a target
        ("补种面积不少于砍伐面积。", "补种面积不少于砍伐面积"),
        ("事故死亡率低于全省平均水平。", "事故死亡率低于全省平均水平"),
        ("全年不发生较大以上生产安全事故。", "全年不发生较大以上生产安全事故"),
    ],
)
def test_a_target_compared_with_a_reference_is_a_requirement(text, span):
    assert [r.span for r in extract(text)] == [span]


@pytest.mark.parametrize(
    "text",
    [
        # what the document itself does by being issued: no one's duty
        "经市政府研究，决定对市环保局等10个先进单位予以通报表彰。",
        "市人民政府决定，任命：\n张三为市应急管理服务中心主任；\n李四为市应急管理服务中心副主任。",
        # a stage's heading with its dates, a document's title on its own line
        "（一）自查整改阶段（2017年3月至2017年6月）。\n各企业要对照标准逐项自查。",
        "县政府办公室：\n某县危险化学品安全专项整治实施方案\n附件：1. 工作台账",
    ],
)
def test_what_the_document_does_and_its_titles_are_no_duties(text):
    spans = [r.span for r in extract(text)]
    assert not any("表彰" in s or "主任" in s or "阶段" in s or "方案" in s for s in spans), spans


def test_a_stage_heading_leaves_its_body_duties():
    found = extract("（一）自查整改阶段（2017年3月至2017年6月）。\n各企业要对照标准逐项自查。")
    assert [r.span for r in found] == ["各企业要对照标准逐项自查"]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # a condition that runs over several phrases (对…，…的，) is the duty's, all of it
        (
            "对工作不力，不能按期完成整改的，由区应急局约谈其主要负责人。",
            [("由区应急局约谈其主要负责人", "对工作不力，不能按期完成整改的")],
        ),
        # a noun its 的 describes, then what is to be done about it: the things it is for
        ("首次使用的危险工艺，必须进行安全论证。", [("必须进行安全论证", "首次使用的危险工艺")]),
    ],
)
def test_a_topic_or_a_condition_leads_into_its_duty(text, spans):
    found = extract(text)
    assert [(r.span, r.applies_when and r.applies_when.text) for r in found] == spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a task with who answers for it: its bare amounts are its targets
        (
            "新增城镇就业5万人，城镇登记失业率控制在3.5%以内。（责任单位：市人社局）",
            [("==", "50000", "人"), ("<=", "3.5", "%")],
        ),
        # 到2020年，…: what is to be reached by then
        ("到2020年，全县新建污水处理厂3座。", [("==", "3", "座")]),
        # the same amounts told as news: no target
        ("去年全县新建污水处理厂3座。", []),
    ],
)
def test_the_amounts_of_a_task_or_a_dated_goal_are_targets(text, expected):
    found = [
        (r.comparator, str(r.value), r.unit)
        for r in extract(text)
        if r.value is not None or r.low is not None
    ]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # a duty, then a second one to be done promptly: both kept, each with its words; the
        # prompt one is a duty flagged as stating no time (the labellers' reading: no deadline)
        (
            "代理机构要对评审结果做好复核，及时发现违规行为。",
            [("代理机构要对评审结果做好复核", False), ("及时发现违规行为", True)],
        ),
        (
            "发现违法行为的，可以直接进行处分，并及时通报财政局。",
            [("可以直接进行处分", False), ("并及时通报财政局", True)],
        ),
    ],
)
def test_a_prompt_duty_after_another_keeps_both(text, spans):
    found = extract(text)
    assert [(r.span, "vague_deadline" in r.flags) for r in found] == spans
    assert {r.kind for r in found} == {"presence"}


def test_a_party_and_its_policy_verb_is_a_duty():
    """18、审计局加强对…的审计监督。: a party's duty, though no modal word is written."""
    found = extract("18、审计局加强对政府采购活动的审计监督。\n审计局应当依法开展审计。")
    assert found[0].span == "审计局加强对政府采购活动的审计监督"


def test_already_in_words_that_say_which_ones_reports_nothing():
    """已聘任…的教师: which teachers, not a report of what was done."""
    found = extract("已聘任高级职务、任教超过两个聘期的城镇教师，原则上应当交流轮岗。")
    duties = [r for r in found if r.value is None]
    assert [r.modality for r in duties] == ["default"]
    assert duties[0].span.endswith("原则上应当交流轮岗")
    assert [r.applies_when.value for r in found if r.applies_when] == [Decimal(2)]


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        (
            "建立园区安全巡查台账，定期开展检查。（市应急局、市生态环境局负责）",
            ["市应急局、市生态环境局", "市应急局、市生态环境局"],
        ),
        (
            "到2020年，污水处理率达到90%以上。（牵头单位：市住建局；配合单位：市财政局）",
            ["市住建局"],
        ),
        (
            "严禁新建燃煤锅炉。（责任单位：各县（市、区）政府，市生态环境局）",
            ["各县（市、区）政府，市生态环境局"],
        ),
        ("开展排查整治。(市农业农村局牵头,市水利局、市财政局按职责分工负责)", ["市农业农村局"]),
        # …written as a sentence of its own after the task
        (
            "每千名老年人拥有养老床位数达到35张以上。责任单位：市民政局、市发展改革委。",
            ["市民政局、市发展改革委"],
        ),
        (
            "设立老年病科的比例达到50%以上。牵头单位：市卫生健康委；配合单位：市民政局。",
            ["市卫生健康委"],
        ),
        # …or as a sentence of the units alone
        ("每年培训不少于500人次。市人社局、市民政局按职责分工负责。", ["市人社局、市民政局"]),
        ("建立养老服务评估制度。由市民政局牵头，市财政局配合。", ["市民政局"]),
        ("开展入户安全检查。市住建局负责。", ["市住建局"]),
        # the party a duty names stays its subject; each task takes the aside after it
        ("企业应当建立台账。（市生态环境局负责）", ["企业"]),
        (
            "建立巡查制度。（市水利局负责）\n开展专项检查。（市应急局负责）",
            ["市水利局", "市应急局"],
        ),
    ],
)
def test_a_tasks_responsible_units_are_who_must_act(text, subjects):
    """A task that ends with who answers for it (（责任单位：…）, （…负责）, （…牵头）): its
    duties that name no one are those units' (the aside itself is no duty)."""
    found = extract(text)
    assert [r.subject for r in found] == subjects
    assert all(
        r.subject_kind == ("regulated" if s == "企业" else "authority")
        for r, s in zip(found, subjects, strict=True)
    )


@pytest.mark.parametrize("text", ["（由申请人负责）", "（费用由企业负责）"])
def test_an_aside_that_names_no_units_names_no_one(text):
    assert responsible_units(text) == []


@pytest.mark.parametrize(
    ("text", "span", "comparator", "value", "unit"),
    [
        # what the number measures, named in the phrase before it
        ("企业纳入“黑名单”管理的期限，为自公布之日起1年。", "为自公布之日起1年", "==", "1", "year"),
        # when the term runs from and to: no duty of its own
        (
            "办理救助的时限，原则上自提交申请到发放救助金，在15个工作日内完成。",
            "在15个工作日内完成",
            "<=",
            "15",
            "working_day",
        ),
    ],
)
def test_a_terms_topic_and_its_running_are_the_numbers(text, span, comparator, value, unit):
    (r,) = extract(text)
    assert (r.span, r.comparator, r.value, r.unit) == (span, comparator, Decimal(value), unit)


@pytest.mark.parametrize(
    "text",
    [
        "经市政府研究，决定：\n任命张三为市财政局副局长（试用期一年）；\n免去王五的市财政局副局长职务。",
        "张三同志任市财政局局长；\n李四同志任市应急管理局副局长。",
    ],
)
def test_an_appointment_the_notice_makes_is_no_duty(text):
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "duty", "subject", "condition"),
    [
        # a breach written over phrases (means, then what was done): the sanction's condition
        (
            "采取虚报、隐瞒等手段，骗取救助资金的，由有关部门决定停止救助。",
            "由有关部门决定停止救助",
            "有关部门",
            "采取虚报、隐瞒等手段，骗取救助资金的",
        ),
        # sanctions are duties of the authority that imposes them
        (
            "经限期整改仍未达到要求的，依法予以关闭。",
            "依法予以关闭",
            None,
            "经限期整改仍未达到要求的",
        ),
        # (对…的企业: the ones it acts on, the condition; who acts is named after it)
        (
            "对违规排污的企业，由市生态环境局依法查处。",
            "由市生态环境局依法查处",
            "市生态环境局",
            "对违规排污的企业",
        ),
    ],
)
def test_a_sanction_is_a_duty_under_its_breach(text, duty, subject, condition):
    found = extract(text)
    assert [r.span for r in found] == [duty]
    assert found[0].subject == subject
    if condition is not None:
        assert found[0].applies_when.text == condition


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # an aim, no modal word, no party: nothing to check
        ("积极推进乡村教师周转房建设。", []),
        ("加快园区规划的编制、论证和报批工作，建立健全安全、消防管理机制。", []),
        # its responsible units do not make an aim a duty
        ("强化病虫害绿色防控。（市农业局负责）", []),
        ("建立健全园区安全管理机制，定期开展检查。（市应急局负责）", ["定期开展检查"]),
        # one phrase of a duty that is concrete keeps it all
        ("加大执法力度，严肃查处各类林木案件。", ["加大执法力度，严肃查处各类林木案件"]),
        # a modal word or a party named makes the aim a duty of that party
        ("各乡镇要加强环卫队伍建设。", ["各乡镇要加强环卫队伍建设"]),
        ("审计局加强对政府采购活动的审计监督。", ["审计局加强对政府采购活动的审计监督"]),
        # an aim with a number is a target
        ("提高林木绿化率到30%以上。", ["提高林木绿化率到30%以上"]),
    ],
)
def test_an_aim_with_nothing_to_check_is_no_duty(text, spans):
    assert [r.span for r in extract(text)] == spans


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # a comma, then 并 or 同时: a duty of its own (GUIDE 1.1)
        ("采购人应当组织验收，并签署意见。", ["采购人应当组织验收", "并签署意见"]),
        ("至少配备2-3辆车辆，并统一标识。", ["至少配备2-3辆车辆", "并统一标识"]),
        (
            "财政部门下达分配方案，并扣减相应财政资金。",
            ["财政部门下达分配方案", "并扣减相应财政资金"],
        ),
        ("企业要明确规划期限，同时不得扩大产能。", ["企业要明确规划期限", "同时不得扩大产能"]),
        # 并 with no comma before it joins two verbs of one duty
        ("各单位要制定并落实整改方案。", ["各单位要制定并落实整改方案"]),
        # 并 before a condition leads into the duty after it
        ("企业应当自查，并发现问题的，及时报告。", None),
    ],
)
def test_a_duty_joined_after_a_comma_is_its_own(text, spans):
    found = [r.span for r in extract(text)]
    if spans is None:
        assert not any(s.startswith("并发现") for s in found), found
    else:
        assert found == spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a section heading that names only a party: who acts in the sentences under it
        (
            "(二)各镇、街道。每季度对辖区内污染源监察一次,并填写记录表。",
            [
                ("每季度对辖区内污染源监察一次", "各镇、街道", "authority"),
                ("并填写记录表", "各镇、街道", "authority"),
            ],
        ),
        # …and makes an aim a duty of that party; a party a sentence names is its own
        (
            "（三）各企事业单位。加强日常巡查。区环保局负责监督。",
            [
                ("加强日常巡查", "各企事业单位", "regulated"),
                ("区环保局负责监督", "区环保局", "authority"),
            ],
        ),
        ("各乡镇\n建立巡查台账。", [("建立巡查台账", "各乡镇", "authority")]),
        # a heading that names no party, or the label of a list, names no one
        ("（三）工作要求。开展日常巡查。", [("开展日常巡查", None, None)]),
        ("（一）责任单位。建立巡查台账。", [("建立巡查台账", None, None)]),
        ("（二）加强组织领导。各镇要建立台账。", [("各镇要建立台账", "各镇", "authority")]),
        # a duty ending with a party's name is no heading (a verb, a number)
        (
            "最多设置3个配送中心。建立台账。",
            [("最多设置3个配送中心", None, None), ("建立台账", None, None)],
        ),
        ("最多设置3个配送中心。", [("最多设置3个配送中心", None, None)]),
    ],
)
def test_a_heading_that_names_a_party_names_who_acts_under_it(text, expected):
    assert [(r.span, r.subject, r.subject_kind) for r in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what an authority does to whom: verbs of enforcement and of administration
        ("各镇要严厉打击非法排污行为。", [("各镇要严厉打击非法排污行为", "各镇")]),
        ("各单位要明确责任权限。", [("各单位要明确责任权限", "各单位")]),
        ("对符合条件的予以立案。", [("对符合条件的予以立案", None)]),
        ("区财政局应全额退还安全生产保证金。", [("区财政局应全额退还安全生产保证金", "区财政局")]),
        ("对成绩显著的单位和个人进行表扬。", [("对成绩显著的单位和个人进行表扬", None)]),
        ("各单位将信息题目发送至指定邮箱。", [("各单位将信息题目发送至指定邮箱", "各单位")]),
        # a word that describes is no verb: 完整、明确; 确定的; 移出申请
        ("采购需求应当完整、明确。", [("采购需求应当完整、明确", None)]),
        # a sanction's verb takes the described noun after it as its object
        (
            "由有关部门决定停止救助，责令退回非法获取的救助资金。",
            [
                ("由有关部门决定停止救助", "有关部门"),
                ("责令退回非法获取的救助资金", "有关部门"),
            ],
        ),
        # 由 names who acts, after a topic
        (
            "区级名单，由区安委会办公室统一管理。",
            [("区级名单，由区安委会办公室统一管理", "区安委会办公室")],
        ),
        # a principle to follow is no duty
        ("名单管理按照分级负责和属地管理相结合的原则组织实施。", []),
    ],
)
def test_verbs_of_enforcement_and_who_does_them(text, expected):
    assert [(r.span, r.subject) for r in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # a step's heading (party and verb) whose text names the party again: a title
        (
            "(三)镇(街道)审核。镇(街道)对申请材料进行入户调查并审核。",
            ["镇(街道)对申请材料进行入户调查并审核"],
        ),
        ("（四）区民政局审批。区民政局对申请进行审批。", ["区民政局对申请进行审批"]),
        # a party's duty in a numbered sentence of its own, followed by another party's
        ("18、审计局加强监督。财政局要定期审计。", ["审计局加强监督", "财政局要定期审计"]),
    ],
)
def test_a_steps_heading_is_no_duty(text, spans):
    assert [r.span for r in extract(text)] == spans


@pytest.mark.parametrize(
    ("text", "span", "condition"),
    [
        # the ones a limit is for, written before it (…的不超过N)
        (
            "救助次数原则上不超过1次，有特殊情况的不超过2次。",
            "有特殊情况的不超过2次",
            "有特殊情况的",
        ),
        ("每户补贴不超过5吨，五保户的不少于3吨。", "五保户的不少于3吨", "五保户的"),
        # the ones a sanction is for (对…的通报批评)
        ("对未完成任务的通报批评，不再拨付推广经费。", "对未完成任务的通报批评", "对未完成任务的"),
        # a number that is no limit after 的: no condition (在15个工作日内…)
        ("申请人在15个工作日内提交材料。", "申请人在15个工作日内提交材料", None),
        # a measure named before the comma is what the limit bounds, not which ones
        (
            "失业保险金的标准，不得低于城市居民最低生活保障标准。",
            "失业保险金的标准，不得低于城市居民最低生活保障标准",
            None,
        ),
        # …while a thing named so is which ones (the duty after the comma is for them)
        (
            "涉及危险化工工艺的生产装置，必须装备自动化控制系统。",
            "必须装备自动化控制系统",
            "涉及危险化工工艺的生产装置",
        ),
    ],
)
def test_the_ones_a_limit_or_a_sanction_is_for(text, span, condition):
    found = {r.span: r.applies_when for r in extract(text)}
    assert span in found, found
    when = found[span]
    assert (when.text if when else None) == condition


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # a stage's heading with its dates is no duty; its text is
        (
            "(三)检查验收阶段(2018年1月至6月)。区经信局要组织复核验收。",
            ["区经信局要组织复核验收"],
        ),
        ("（一）排查摸底阶段。各镇要建立台账。", ["各镇要建立台账"]),
        # the people a duty is for, listed before it: 负责人 is a name, not 负责; the list
        # leads into the duty
        (
            "企业主要负责人、安全管理人员和特种作业人员,必须符合规定的从业资格条件。",
            ["企业主要负责人、安全管理人员和特种作业人员,必须符合规定的从业资格条件"],
        ),
        # a term's running (…期限内) leads into what is done in it
        (
            "管理期限内,如再次出现违规情形的,全额扣罚保证金。",
            ["全额扣罚保证金"],
        ),
    ],
)
def test_stages_names_and_terms_are_no_duties(text, spans):
    assert [r.span for r in extract(text)] == spans


@pytest.mark.parametrize(
    ("text", "span", "subject"),
    [
        # a topic before 由 is no part of the name
        ("工程竣工验收由主管预算单位主持。", "工程竣工验收由主管预算单位主持", "主管预算单位"),
        ("技术方面由专家组出具意见。", "技术方面由专家组出具意见", "专家组"),
        # how the party acts is no part of its name
        ("由各单位自行报送调研类信息题目。", "由各单位自行报送调研类信息题目", "各单位"),
        # a verb-like word inside a name (检测, 监督): the whole name
        ("由县质量检测中心出具检验报告。", "由县质量检测中心出具检验报告", "县质量检测中心"),
        (
            "由县煤炭清洁利用监督管理工作领导小组办公室组织验收。",
            "由县煤炭清洁利用监督管理工作领导小组办公室组织验收",
            "县煤炭清洁利用监督管理工作领导小组办公室",
        ),
        # …but a name already whole ends where its verb starts
        ("由采购人报行政监管部门依法处理。", "由采购人报行政监管部门依法处理", "采购人"),
        # a verb of policy or a pronoun opens no name; whom something is reported to is none
        ("实施乡村教师年度健康体检制度。", "实施乡村教师年度健康体检制度", None),
        ("其年度考核在流入学校进行。", "其年度考核在流入学校进行", None),
        ("其他有关部门要加强监督管理。", "其他有关部门要加强监督管理", "其他有关部门"),
        ("工作组成员报领导小组审批。", "工作组成员报领导小组审批", None),
        # 请 and a note's 注： are no part of the name they lead to
        (
            "请各单位于3月1日前将调研信息发送至区政府办公室。",
            "请各单位于3月1日前将调研信息发送至区政府办公室",
            "各单位",
        ),
        ("注：请各单位于2016年3月1日前发送。", "请各单位于2016年3月1日前发送", "各单位"),
        # a verb and the party it acts on are no name; 布局 is no bureau
        ("涉嫌违法犯罪的移交司法机关依法严惩。", "涉嫌违法犯罪的移交司法机关依法严惩", None),
        (
            "严格控制新建化工项目布局，不得核准新项目。",
            "严格控制新建化工项目布局，不得核准新项目",
            None,
        ),
    ],
)
def test_a_partys_name_as_written(text, span, subject):
    found = {r.span: r.subject for r in extract(text)}
    assert span in found, found
    assert found[span] == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a section (科) is an authority; 学科 is none
        ("区政府办公室信息科将定期下发通知。", "区政府办公室信息科"),
        ("财务科负责审核报销凭证。", "财务科"),
        # who imposes a sanction, before 予以/给予
        ("区安委会予以通报批评。", "区安委会"),
        ("县政府给予表彰奖励。", "县政府"),
        # who is sent somewhere is no party acting
        ("各单位要安排专兼职信息员到区政府办公室信息科通过以干代训的方式学习。", "各单位"),
        ("确定兼职信息员，安排专兼职信息员到区政府办公室信息科通过以干代训的方式学习。", None),
    ],
)
def test_sections_and_who_imposes(text, subject):
    found = extract(text)
    assert found, text
    assert found[0].subject == subject


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a party that is to commend: a duty of that party
        (
            "区政府办公室将实行月通报制度,对成绩显著的单位和个人予以表彰。",
            [
                ("区政府办公室将实行月通报制度", "区政府办公室"),
                ("对成绩显著的单位和个人予以表彰", "区政府办公室"),
            ],
        ),
        ("各乡镇要对表现突出的个人予以表彰。", [("各乡镇要对表现突出的个人予以表彰", "各乡镇")]),
        # the notice that commends: no duty
        ("对以下先进集体和个人予以通报表彰。", []),
        ("经研究，决定对张三等10名同志予以表彰。", []),
    ],
)
def test_a_commendation_is_a_duty_only_of_a_party_to_make_it(text, expected):
    assert [(r.span, r.subject) for r in extract(text)] == expected


@pytest.mark.parametrize(
    ("due", "issued", "expected"),
    [
        ({"rule": "month_day", "month": 5, "day": 15}, (2025, 4, 20), "2025-05-15"),
        # over by the time the document was issued: the next year's
        ({"rule": "month_day", "month": 1, "day": 10}, (2025, 12, 5), "2026-01-10"),
        # 2月底 of a leap year
        ({"rule": "month_day", "month": 2, "day": 31}, (2028, 1, 3), "2028-02-29"),
    ],
)
def test_a_day_with_no_year_is_dated_by_its_document(due, issued, expected):
    assert dated(due, datetime.date(*issued)) == {"rule": "date", "date": expected}


@pytest.mark.parametrize(
    ("day", "issued", "expected"),
    [
        (31, (2026, 11, 5), "2026-11-30"),  # 本月底前 of a notice of November
        (10, (2025, 3, 2), "2025-03-10"),  # 本月10日前
        (31, (2028, 2, 1), "2028-02-29"),  # 本月底前 of February in a leap year
    ],
)
def test_a_day_of_this_month_is_dated_by_its_documents_month(day, issued, expected):
    due = {"rule": "this_month_day", "day": day}
    assert dated(due, datetime.date(*issued)) == {"rule": "date", "date": expected}


def test_dating_leaves_other_rules_and_unknown_documents_alone():
    assert dated({"rule": "year_end"}, datetime.date(2025, 1, 1)) == {"rule": "year_end"}
    undated = {"rule": "month_day", "month": 5, "day": 15}
    assert dated(undated, None) == undated


def test_annex_lists_titles_and_table_headers_are_no_duties():
    """附件：1.检查表 / 2.隐患整改台账 (a list of annexes), 附件2 / 隐患整改台账 (an annex's heading
    and title) and 序号 检查内容 检查结果 (a table's header row) ask nothing."""
    listed = "现印发给你们，请认真组织实施。\n附件：1.农村燃气安全检查表\n2.隐患整改台账"
    assert extract(listed) == []
    assert extract("附件2\n隐患整改台账\n序号 隐患内容 整改期限 整改结果") == []


def test_a_date_phrase_between_a_duty_and_a_target_is_the_target_s():
    """鼓励…安装报警器，到2025年底，安装率达到60%以上: the date is when the target is due, not
    part of the duty before it."""
    duty, target = extract("鼓励农村燃气用户安装燃气泄漏报警器，到2025年底，安装率达到60%以上。")
    assert duty.span == "鼓励农村燃气用户安装燃气泄漏报警器" and duty.due is None
    assert target.value == Decimal(60) and target.due == {"rule": "date", "date": "2025-12-31"}


@pytest.mark.parametrize(
    ("text", "value", "trigger", "subject"),
    [
        # at least that long before the event: 届满30日前, 举办前七日
        ("许可证持有人应当在有效期届满30日前提出延续申请。", 30, "有效期届满", "许可证持有人"),
        ("活动举办前七日，主办单位应当向公安机关报告。", 7, "活动举办前", "主办单位"),
    ],
)
def test_a_time_before_an_event_is_at_least_that_long(text, value, trigger, subject):
    (r,) = extract(text)
    assert (r.kind, r.comparator, r.value, r.unit) == ("duration", ">=", Decimal(value), "day")
    assert r.trigger == trigger and r.subject == subject


def test_within_days_before_an_event_is_a_deadline_from_it():
    (r,) = extract("采购人应当在合同履行期限届满前三十日内组织验收。")
    assert (r.kind, r.comparator, r.value) == ("deadline", "<=", Decimal(30))
    assert r.trigger == "合同履行期限届满前"


def test_promptly_inside_a_condition_is_no_deadline_of_its_own():
    """不能立即消除的，应当在24小时内报告: 立即 says which ones; the duty after it is the
    deadline."""
    found = extract("应当立即采取措施予以消除，不能立即消除的，应当在24小时内报告。")
    assert [r.span for r in found] == ["应当立即采取措施予以消除", "应当在24小时内报告"]
    assert found[1].applies_when.text == "不能立即消除的"


def test_a_standards_title_on_a_line_of_its_own_is_no_duty():
    """现将《燃气安全检查标准》印发给你们 / 燃气安全检查标准: the title of what is issued, no
    duty."""
    assert extract("现将《燃气安全检查标准》印发给你们，请遵照执行。\n燃气安全检查标准") == []


def test_the_points_of_a_list_are_duties_not_headings():
    """一是全面排查…；二是集中整治…: each point is a duty (the first is no heading of the rest)."""
    points = "一是全面排查燃气管道老化问题；二是集中整治违规使用燃气行为。"
    spans = [r.span for r in extract(points)]
    assert spans == ["全面排查燃气管道老化问题", "集中整治违规使用燃气行为"]


def test_the_cases_a_sanction_lists_are_its_condition():
    """有下列情形之一的，纳入“黑名单”管理：（一）一年内发生2起以上…的；（二）…的。 The sanction is
    the one requirement; the numbered cases say when (no "≥ 2 起 a year" to reach)."""
    text = "生产经营单位有下列情形之一的，纳入“黑名单”管理：（一）一年内发生2起以上较大事故的；"
    (r,) = extract(text + "（二）拒不执行安全监管指令的。")
    assert r.span == "纳入“黑名单”管理" and r.value is None
    assert r.applies_when.text == "生产经营单位有下列情形之一的"


def test_a_floor_after_but_binds_whatever_the_sentence_opened_with():
    """一般不低于1000平方米，特殊情况下可适当放宽，但不得低于800平方米: the 800 floor is mandatory
    (不得), not a default like the 1000 one (一般) nor a permission (可)."""
    found = extract("储煤场地面积一般不低于1000平方米，特殊情况下可适当放宽，但不得低于800平方米。")
    floors = {r.value: r.modality for r in found if r.value is not None}
    assert floors == {Decimal(1000): "default", Decimal(800): "mandatory"}


def test_a_trigger_holds_no_article_number():
    """第十二条 供气企业接到燃气泄漏报告后，应当在30分钟内到达: the trigger is the event only."""
    (r,) = extract("第十二条 供气企业接到燃气泄漏报告后，应当在30分钟内到达现场处置。")
    assert r.trigger == "供气企业接到燃气泄漏报告后"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # a count's words reach to the noun it counts
        ("（二）有不少于2名专职安全管理人员；", "有不少于2名专职安全管理人员"),
        # …a noun that starts like a modal word included (应急演练)
        ("（四）每年至少组织一次电梯应急演练。", "每年至少组织一次电梯应急演练"),
        # …not across a list going on to another number (its own noun, up to the 和 before the
        # next count: it stopped at the number before the twenty-first round)
        ("配送中心应配备不少于2台装载机和3辆运输车辆。", "配送中心应配备不少于2台装载机"),
    ],
)
def test_a_count_names_what_it_counts(text, span):
    assert extract(text)[0].span == span


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a platform's operator and a service's provider are parties
        (
            "网络餐饮服务第三方平台提供者应当对入网餐饮服务提供者进行审查。",
            "网络餐饮服务第三方平台提供者",
        ),
        # …and the ones 从事… picks out (从事 is no adverbial 从)
        (
            "从事接触直接入口食品工作的从业人员应当进行健康检查。",
            "从事接触直接入口食品工作的从业人员",
        ),
        # a time a party acts in, after its name (经营者一年内…)
        ("经营者一年内累计停业不得超过30日。", "经营者"),
        ("驾驶人在24小时内累计驾驶时间不得超过8小时。", "驾驶人"),
    ],
)
def test_who_acts_among_providers_staff_and_drivers(text, subject):
    assert {r.subject for r in extract(text)} == {subject}


@pytest.mark.parametrize(
    ("text", "value", "unit", "per"),
    [
        # a time summed up in a window is a time per that window, no deadline
        ("驾驶人在24小时内累计驾驶时间不得超过8小时。", "8", "hour", "day"),
        ("经营者一年内累计停业不得超过30日。", "30", "day", "year"),
    ],
)
def test_a_time_summed_up_in_a_window_is_per_that_window(text, value, unit, per):
    (r,) = extract(text)
    assert (r.kind, r.comparator, r.value, r.unit, r.per) == (
        "duration",
        "<=",
        Decimal(value),
        unit,
        per,
    )


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a government's treasury named by its level
        ("市财政每年安排不少于1000万元专项资金。", "市财政"),
        ("县级财政要足额保障工作经费。", "县级财政"),
        # …but not the funds it holds
        ("财政资金应当专款专用。", None),
    ],
)
def test_a_treasury_named_by_its_level_is_an_authority(text, subject):
    (r,) = extract(text)
    assert r.subject == subject
    assert r.subject_kind == ("authority" if subject else None)


def test_each_date_of_a_sentence_is_its_own_phrase_s():
    """…于每季度末报…，全年工作总结于12月20日前报送: two deadlines, each of its phrase."""
    found = extract("各县要于每季度末将进展情况报市农业农村局，全年工作总结于12月20日前报送。")
    assert [r.due for r in found] == [
        {"rule": "quarter_end"},
        {"rule": "month_day", "month": 12, "day": 20},
    ]
    assert {r.kind for r in found} == {"deadline"}


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a year alone before the comma: by its end (an aim's 力争 before it too)
        ("到2020年，污水处理率达到90%以上。", "2020-12-31"),
        ("力争到2022年，垃圾回收利用率达到35%以上。", "2022-12-31"),
    ],
)
def test_a_target_by_a_year_is_due_at_its_end(text, date):
    (r,) = extract(text)
    assert (r.kind, r.due) == ("ratio", {"rule": "date", "date": date})


def test_a_date_phrase_makes_every_target_after_it_due_then():
    found = extract("到2021年底，垃圾无害化处理率达到90%以上，保洁员配备率达到100%。")
    assert [(r.value, r.due) for r in found] == [
        (Decimal(90), {"rule": "date", "date": "2021-12-31"}),
        (Decimal(100), {"rule": "date", "date": "2021-12-31"}),
    ]


def test_a_sanction_by_a_named_regulation_is_a_duty_under_its_breach():
    (r,) = extract("对虚报冒领医疗救助资金的，依照《财政违法行为处罚处分条例》等有关规定追究责任。")
    assert r.span == "依照《财政违法行为处罚处分条例》等有关规定追究责任"
    assert r.applies_when is not None and r.applies_when.text == "对虚报冒领医疗救助资金的"


def test_a_principle_to_follow_is_no_duty():
    assert extract("医疗救助资金的筹集、使用和管理，遵循公开、公平、公正的原则。") == []


def test_the_years_end_as_a_noun_is_no_deadline():
    found = extract("医疗救助资金年终结余可以结转下年继续使用。")
    assert [r.due for r in found] == [None]


def test_the_rate_a_thing_is_done_at_is_the_requirement_not_its_condition():
    """按不低于70%的比例给予救助: the rate of the aid, not the ones it is for; who receives aid
    (救助对象在定点医疗机构…) names no one acting."""
    found = extract(
        "救助对象发生的个人负担部分，按不低于70%的比例给予救助，年度救助限额原则上不低于1万元。"
    )
    rate, limit = [r for r in found if r.value is not None]
    assert (rate.comparator, rate.value, rate.unit) == (">=", Decimal(70), "%")
    assert rate.applies_when is None or rate.applies_when.value is None
    (r,) = [
        r
        for r in extract("救助对象在定点医疗机构发生的住院费用，年度救助限额原则上不低于1万元。")
        if r.value is not None
    ]
    assert r.subject is None


@pytest.mark.parametrize(
    ("text", "subject", "kind"),
    [
        ("市政府督查室要定期开展督导检查。", "市政府督查室", "authority"),
        ("市属开发区管委会要参照县级政府职责抓好落实。", "市属开发区管委会", "authority"),
        ("各县（市区）、市属开发区要成立领导小组。", "各县（市区）、市属开发区", "authority"),
        ("各高等院校要将安全教育纳入教学计划。", "各高等院校", "regulated"),
        ("由户主向户籍所在地乡镇人民政府提出申请。", "户主", "regulated"),
        ("县级财政部门合理保障医疗救助资金。", "县级财政部门", "authority"),
        ("消防救援队伍应当在5分钟内出动。", "消防救援队伍", "authority"),
    ],
)
def test_offices_zones_colleges_and_householders_are_parties(text, subject, kind):
    r = extract(text)[0]
    assert (r.subject, r.subject_kind) == (subject, kind)


def test_a_group_led_by_its_head_is_a_duty_not_an_appointment():
    """成立由主要负责同志任组长的领导小组 is a duty; 张三同志任组长 is an appointment."""
    (r,) = extract("各县要成立由主要负责同志任组长的领导小组。")
    assert r.subject == "各县"
    assert extract("张三同志任领导小组组长。") == []


def test_an_approval_needed_first_is_no_duty_of_its_own():
    found = extract("特殊情况需要提高救助标准的，经县民政部门批准，最高不超过2万元。")
    assert [(r.value, r.applies_when.text) for r in found] == [
        (Decimal(20000), "特殊情况需要提高救助标准的")
    ]


def test_working_together_is_an_attitude_not_a_duty():
    assert extract("各部门要密切配合，形成工作合力。") == []


@pytest.mark.parametrize(
    "text",
    [
        # the text's scope, and a reply's own decision: what the document does
        "本市行政区域内电梯的生产、使用、维护保养及其监督管理，适用本办法。",
        "一、同意设立某某高新技术产业园区，规划面积12.5平方公里。",
    ],
)
def test_a_scope_and_a_replys_decision_are_no_duties(text):
    assert extract(text) == []


def test_the_addressee_of_a_reply_acts():
    (r,) = extract("三、你区要加强对园区建设的组织领导，确保园区规范有序发展。")
    assert (r.subject, r.subject_kind) == ("你区", "authority")


def test_a_lead_into_the_duties_it_lists_is_none_of_them():
    """应当履行下列义务： leads into its items, the duties (the importer gives them its party)."""
    assert extract("第四条 电梯使用单位应当履行下列义务：") == []
    assert extract("第八条 用户不得有下列行为：") == []
    found = extract("维护保养单位应当对电梯安全性能负责，并遵守下列规定：")
    assert [r.span for r in found] == ["维护保养单位应当对电梯安全性能负责"]


def test_whom_a_sanction_is_imposed_on_is_no_one_acting():
    (r,) = extract("对截留、挪用救助资金的，依法追究有关单位和人员的责任。")
    assert r.subject is None and r.applies_when.text == "对截留、挪用救助资金的"


def test_to_what_end_belongs_to_the_duty_before():
    """…拨付到位，确保待遇按时发放: one duty (GUIDE 1.1); 确保 with a target of its own is one."""
    (r,) = extract("县财政局要将资金拨付到位，确保待遇按时发放。")
    assert r.span == "县财政局要将资金拨付到位，确保待遇按时发放"
    found = extract("要加强巡查，确保林业行政案件查处率达到95%以上。")
    assert [r.span for r in found if r.value is not None] == ["确保林业行政案件查处率达到95%以上"]


@pytest.mark.parametrize(
    "text",
    [
        # what the document hands out, and its parts: amounts stated, no standard to meet
        "现将2019年城乡居民基本养老保险补助资金3500万元下达给你们，具体分配情况见附件。",
        "其中，中央补助资金2800万元，省级补助资金500万元，市级补助资金200万元。",
    ],
)
def test_funds_handed_out_are_no_thresholds(text):
    assert [r for r in extract(text) if r.value is not None] == []


def test_in_the_course_of_is_a_condition():
    found = extract("资金使用过程中，要严格执行国家有关规定，不得截留、挤占、挪用。")
    assert found[0].applies_when.text == "资金使用过程中"
    assert "资金使用过程中" not in [r.span for r in found]


def test_the_size_of_what_is_counted_is_no_threshold():
    found = extract(
        "加油站应当配备不少于2具35公斤推车式干粉灭火器和不少于4具8公斤手提式干粉灭火器。"
    )
    assert [(r.comparator, r.value, r.unit, r.subject) for r in found] == [
        (">=", Decimal(2), "具", "加油站"),
        (">=", Decimal(4), "具", "加油站"),
    ]


def test_the_ones_a_number_picks_out_before_the_modal_word_with_no_comma():
    (r,) = extract("地下储油罐使用年限超过15年的应当更换。")
    assert r.value is None and r.kind == "presence"
    assert (r.applies_when.comparator, r.applies_when.value, r.applies_when.unit) == (
        ">",
        Decimal(15),
        "year",
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [("单位地区生产总值能耗比2015年下降17%。", "17"), ("重污染天数减少25%。", "25")],
)
def test_a_change_to_reach_is_a_target_read_as_written(text, value):
    """下降17% is a change by at least that much (a cut of 20% meets it; read as equal, it
    would fail a compliant region): a floor, not an assumed equality."""
    (r,) = extract(text)
    assert (r.kind, r.comparator, r.value, r.unit) == ("ratio", ">=", Decimal(value), "%")
    assert "assumed_equal" not in r.flags


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("今年底前，各县（市区）完成排查。", "各县（市区）"),
        ("9月30日前，市直各部门报送总结。", "市直各部门"),
    ],
)
def test_who_acts_after_a_date_phrase(text, subject):
    (r,) = extract(text)
    assert (r.kind, r.subject, r.applies_when) == ("deadline", subject, None)


def test_an_exception_is_a_condition():
    (r,) = extract("除涉及国家秘密的外，检查结果应当在7个工作日内向社会公开。")
    assert r.applies_when.text == "除涉及国家秘密的外" and r.kind == "deadline"


@pytest.mark.parametrize(
    ("text", "subject", "kind"),
    [
        ("发现重大事故隐患的，检查人员应当立即责令停产整改。", "检查人员", "authority"),
    ],
)
def test_inspectors_act(text, subject, kind):
    (r,) = extract(text)
    assert (r.subject, r.subject_kind) == (subject, kind)


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("年营业额在500万元以下的小型企业，可以简化检查程序。", "year"),
        ("日均客流量超过1万人次的场所，应当配备专职安保人员。", "day"),
    ],
)
def test_a_conditions_amount_of_a_period_is_per_that_period(text, per):
    assert extract(text)[0].applies_when.per == per


def test_a_level_to_raise_to_is_a_target():
    found = extract("对连续两次抽查不合格的企业，列入重点监管对象，抽查比例提高至50%。")
    assert [(r.kind, r.value, r.unit) for r in found if r.value is not None] == [
        ("ratio", Decimal(50), "%")
    ]


def test_the_ones_a_condition_picks_out_named_after_it_are_no_duty():
    """…5000吨标准煤以上的重点用能单位，每年报送…: the duty is the phrase after the name."""
    (r,) = extract("年综合能耗5000吨标准煤以上的重点用能单位，每年报送能源利用状况报告。")
    assert (r.span, r.kind, r.per) == ("每年报送能源利用状况报告", "frequency", "year")
    assert r.applies_when.value == Decimal(5000)


def test_what_is_due_within_a_deadline_includes_a_proposal():
    (r,) = extract("县财政局应当在收到上级资金后15日内，会同县民政局提出分配方案。")
    assert r.span.endswith("会同县民政局提出分配方案") and r.kind == "deadline"


def test_round_the_clock_duty_keeps_what_is_kept_up():
    r = extract("汛期实行24小时值班制度，值班人员不得脱岗。")[0]
    assert (r.span, r.per) == ("汛期实行24小时值班制度", "day")


def test_a_state_reached_before_a_duty_is_when_it_applies():
    """每日最高气温达到40℃以上，应当停止…: not a requirement that it be 40℃ or hotter."""
    (r,) = extract("每日最高气温达到40℃以上，应当停止当日室外露天作业。")
    assert (r.span, r.value) == ("应当停止当日室外露天作业", None)
    assert (r.applies_when.comparator, r.applies_when.value, r.applies_when.unit) == (
        ">=",
        Decimal(40),
        "℃",
    )


def test_a_way_of_counting_is_no_requirement():
    """不足1小时的按1小时计算: how a time is counted, neither < 1 hour nor == 1 hour to check."""
    assert extract("不足1小时的按1小时计算。") == []


def test_a_time_limit_bounded_is_a_deadline():
    r = extract("办理时限不超过5个工作日，特殊情况可延长至10个工作日。")[0]
    assert (r.kind, r.comparator, r.value, r.unit) == ("deadline", "<=", Decimal(5), "working_day")
    (kept,) = extract("有效期限不超过3年。")
    assert kept.kind == "duration"


def test_a_sanction_for_a_breach_is_not_the_breaching_partys():
    """…低于80分的，予以通报: the breach names who breached; the sanction is imposed on them."""
    (r,) = extract("各县（市区）年度考核得分低于80分的，予以通报。")
    assert r.subject is None
    assert (r.applies_when.comparator, r.applies_when.value, r.applies_when.unit) == (
        "<",
        Decimal(80),
        "分",
    )


@pytest.mark.parametrize("text", ["此项工作十分重要。", "考核满分为100分。"])
def test_very_and_full_marks_are_no_thresholds(text):
    assert [r for r in extract(text) if r.value is not None] == []


def test_a_years_work_to_complete_is_a_target_due_at_its_end():
    (r,) = extract("（一）推进农村改厕。2019年完成农村无害化卫生厕所改造10万户。")
    assert (r.comparator, r.value, r.unit) == ("==", Decimal(100000), "户")
    assert r.due == {"rule": "date", "date": "2019-12-31"}
    assert extract("2019年已完成改造3万户。") == []


def test_a_duty_to_set_up_a_model_is_no_topic():
    found = extract(
        "建立“户集、村收、镇运、县处理”的城乡环卫一体化模式，垃圾无害化处理率达到90%以上。"
    )
    assert [r.span for r in found][0] == "建立“户集、村收、镇运、县处理”的城乡环卫一体化模式"


def test_a_grant_and_its_standard_are_one_requirement():
    """GUIDE 1.1: 对…的，给予…补贴，补贴标准为5000元 is one row, the amount's, under the grant's
    condition."""
    (r,) = extract("对符合条件的创业人员，给予一次性创业补贴，补贴标准为5000元。")
    assert (r.span, r.value, r.applies_when.text) == (
        "补贴标准为5000元",
        Decimal(5000),
        "对符合条件的创业人员",
    )
    (capped,) = extract("灵活就业的，给予社会保险补贴，补贴标准原则上不超过其实际缴费的2/3。")
    assert (capped.comparator, capped.applies_when.text) == ("<=", "灵活就业的")


@pytest.mark.parametrize(
    "text",
    [
        "就业补助资金分为对个人和单位的补贴、公共就业服务能力建设补助两类。",
        "职业培训补贴用于下列人员参加职业培训：（一）贫困家庭子女；（二）毕业年度高校毕业生。",
    ],
)
def test_what_funds_are_divided_into_or_go_to_is_no_duty(text):
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("“十四五”期间建成5G基站1000个。", "1000", "个"), ("新增就业5万人。", "50000", "人")],
)
def test_what_is_to_be_built_or_added_is_a_target(text, value, unit):
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == ("==", Decimal(value), unit)


def test_what_was_built_already_is_no_target():
    assert extract("全县已新建公厕30座。") == []


def test_a_measure_compared_with_a_things_measure_counts_nothing():
    """不应小于罐组内1个最大储罐的容积: a comparison with a reference, not "at least 1"."""
    (r,) = extract("防火堤内有效容积不应小于罐组内1个最大储罐的容积。")
    assert (r.kind, r.value) == ("presence", None)


@pytest.mark.parametrize(
    "text",
    [
        # what the notice does to whom it names, and its findings
        "经查，该企业存在3处重大事故隐患，现予以通报批评。",
        # a change already seen: a report, no target
        "上半年，全市规模以上工业增加值增长6.5%。",
        # what was done in all: a report
        "全市共检查企业1200家，发现隐患3500处。",
    ],
)
def test_reports_and_the_notices_own_acts_are_no_requirements(text):
    assert extract(text) == []


def test_shares_borne_and_amounts_per_head():
    (r,) = extract("贷款贴息资金由市财政和县财政各承担50%。")
    assert (r.value, r.unit, r.subject) == (Decimal(50), "%", "市财政和县财政")
    (grant,) = extract("对开发公益性岗位的单位，按照每人每月不超过当地最低工资标准给予岗位补贴。")
    assert grant.kind == "presence" and grant.per is None  # an amount per head, no frequency


@pytest.mark.parametrize(
    "text",
    [
        "工程竣工后15日内，建设单位应当清除施工现场的建筑垃圾。",
        "工程竣工后15日内，建设单位应当将建筑垃圾清运完毕。",
    ],
)
def test_a_deadline_that_names_no_one_is_the_duty_after_it(text):
    (r,) = extract(text)
    assert (r.kind, r.subject, r.trigger) == ("deadline", "建设单位", "工程竣工后")
    assert r.span == text.rstrip("。")


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        # the excess is banned: what is kept must be within it
        ("居民楼内严禁存放超过5公斤的易燃易爆物品。", "<=", "5"),
        ("严禁使用超过15年的液化石油气钢瓶。", "<=", "15"),
        # (the negation right before its word as ever)
        ("不得少于3人。", ">=", "3"),
    ],
)
def test_a_ban_on_an_act_beyond_an_amount_requires_the_amount(text, comparator, value):
    (r,) = extract(text)
    assert (r.comparator, r.value) == (comparator, Decimal(value))


def test_a_duty_after_the_condition_it_follows_is_its_own_words():
    (r,) = extract("凡进入施工现场的人员，一律佩戴安全帽。")
    assert (r.span, r.applies_when.text) == ("一律佩戴安全帽", "凡进入施工现场的人员")


@pytest.mark.parametrize(
    "text",
    [
        "第二条 生活垃圾分为可回收物、有害垃圾、厨余垃圾和其他垃圾四类。",
        "重大事故隐患分为一级、二级两个等级。",
    ],
)
def test_what_something_is_divided_into_is_no_duty(text):
    assert extract(text) == []


def test_an_item_that_sets_something_up_is_a_duty_not_a_heading():
    (r,) = extract("（一）建立生活垃圾分类日常管理制度；")
    assert r.span == "建立生活垃圾分类日常管理制度"
    assert extract("（一）安全生产责任制度") == []  # (a name alone: a heading)


def test_how_long_before_keeps_what_is_done_then():
    (r,) = extract("燃气经营企业停止供气时，应当提前48小时通知用户。")
    assert (r.span, r.comparator, r.value, r.unit) == (
        "应当提前48小时通知用户",
        ">=",
        Decimal(48),
        "hour",
    )


def test_ages_before_a_counted_noun_say_which_ones():
    """拥有3岁以下婴幼儿托位数达到4.5个: the ones counted, not an age to check."""
    (r,) = extract("每千人口拥有3岁以下婴幼儿托位数达到4.5个。")
    assert (r.value, r.unit) == (Decimal("4.5"), "个")
    assert (r.applies_when.comparator, r.applies_when.value) == ("<=", Decimal(3))


def test_ratios_after_the_proportion_they_state():
    found = extract("保育人员与婴幼儿的比例，乳儿班不低于1:3，托小班不低于1:5。")
    assert [(r.comparator, r.value, r.unit) for r in found] == [
        (">=", Decimal("33.3333"), "%"),
        (">=", Decimal(20), "%"),
    ]


def test_a_loan_and_its_amount_and_a_one_off_award():
    (loan,) = extract("对符合条件的个人，按规定给予创业担保贷款，贷款额度最高不超过20万元。")
    assert (loan.comparator, loan.value, loan.applies_when.text) == (
        "<=",
        Decimal(200000),
        "对符合条件的个人",
    )
    (award,) = extract("企业吸纳贫困劳动力就业的，给予每人1000元的一次性奖补。")
    assert (award.value, award.unit, award.per) == (Decimal(1000), "元", "人")


def test_a_condition_going_on_with_and_holds_its_number():
    """对首次创办…，且…正常运营1年以上的，给予…: the year is which ones, not a requirement."""
    (r,) = extract(
        "对首次创办小微企业，且自工商登记注册之日起正常运营1年以上的，给予一次性创业补贴。"
    )
    assert (r.span, r.value) == ("给予一次性创业补贴", None)
    assert (r.applies_when.comparator, r.applies_when.value) == (">=", Decimal(1))


def test_all_levels_of_government_act():
    (r,) = extract("各级要将就业补助资金列入年度预算。")
    assert (r.subject, r.subject_kind) == ("各级", "authority")


def test_a_fixed_quota_per_head_and_year_is_read():
    found = extract("生均公用经费基准定额为小学每生每年650元、初中每生每年850元。")
    assert [(r.comparator, r.value, r.per) for r in found] == [
        ("==", Decimal(650), "year"),
        ("==", Decimal(850), "year"),
    ]


def test_when_a_ban_holds_names_no_one():
    """列入黑名单的企业，在公示期内不得…: the ones picked out act; 在公示期内 is no name."""
    (r,) = extract("列入黑名单的企业，在公示期内不得享受财政补贴。")
    assert (r.subject, r.kind) == ("企业", "prohibition")


def test_a_parallel_time_is_per_the_same_period():
    found = extract("小学生每天睡眠时间应达到10小时，初中生应达到9小时。")
    assert [(r.value, r.unit, r.per) for r in found] == [
        (Decimal(10), "hour", "day"),
        (Decimal(9), "hour", "day"),
    ]
    parts = extract("全年计划新造林3000亩，其中经济林480亩。")
    assert [r.per for r in parts if r.value == Decimal(480)] == [None]
    # a count parallel to a frequency, in its unit: as many in the same period
    counted = extract("各镇年内至少撰写报送2篇调研文章，各部门至少撰写报送1篇调研文章。")
    assert [(r.kind, r.value, r.unit, r.per) for r in counted] == [
        ("frequency", Decimal(2), "篇", "year"),
        ("frequency", Decimal(1), "篇", "year"),
    ]
    # (another unit is another thing: 参加人数不少于20人 is no count per year)
    drill = extract("每年至少开展2次演练，参加人数不少于20人。")
    assert [(r.kind, r.per) for r in drill] == [("frequency", "year"), ("count", None)]


def test_a_target_after_a_year_with_no_comma_is_due_at_its_end():
    """到2020年全市…达到500家: the place the target is for follows the year with no comma."""
    (r,) = extract("到2020年全市科技型企业达到500家。")
    assert (r.comparator, r.value, r.due) == (">=", 500, {"rule": "date", "date": "2020-12-31"})


@pytest.mark.parametrize(
    "text",
    [
        "请各县按照附件2所列绩效目标做好绩效监控工作。",
        "各乡镇按照附件3的要求做好统计工作。",
        "具体指标详见表4中的说明。",
    ],
)
def test_an_annex_or_table_by_its_number_is_no_count(text):
    assert all(r.value is None for r in extract(text))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("产出指标\t数量指标\t职业培训人数\t≥5000人", "职业培训人数\t≥5000人"),
        ("1\t储煤场面积\t不低于500平方米", "储煤场面积\t不低于500平方米"),
        # a cell that names what it measures is its own span
        ("1\t消防通道\t宽度不小于4米", "宽度不小于4米"),
    ],
)
def test_a_table_cell_of_a_number_only_is_read_with_the_name_before_it(text, span):
    (r,) = extract(text)
    assert r.span == span and r.value is not None


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # half of a time, in whole units of the next smaller one
        ("企业应当在半年内整改完毕。", Decimal(6), "month"),
        ("限期半年整改。", Decimal(6), "month"),
        ("应在半个月内完成整改。", Decimal(15), "day"),
        ("应在半小时内到达现场。", Decimal(30), "minute"),
    ],
)
def test_half_of_a_time_is_a_deadline_in_whole_units(text, value, unit):
    (r,) = extract(text)
    assert (r.kind, r.comparator, r.value, r.unit) == ("deadline", "<=", value, unit)


@pytest.mark.parametrize(
    ("text", "per"),
    [("每半年至少开展一次检查。", "half_year"), ("上半年完成验收工作的，予以奖励。", None)],
)
def test_a_half_year_period_is_no_half_of_a_time(text, per):
    assert all(r.value != Decimal("0.5") and r.value != Decimal(6) for r in extract(text))
    if per:
        assert extract(text)[0].per == per


def test_a_full_stop_typed_as_a_point_is_no_part_of_a_span():
    spans = [r.span for r in extract("抽查比例不低于5%;每年至少2次.")]
    assert spans == ["抽查比例不低于5%", "每年至少2次"]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "各县（市、区）要在每季度第一个月的20日前，将上季度工作进展情况报市生态环境局。",
            "quarter_first_month_day",
        ),
        ("各乡镇要于每年12月10日前，报送年度工作总结。", "yearly_date"),
    ],
)
def test_who_and_by_when_then_what_is_one_deadline(text, rule):
    """<party>要在<date>前，<what>: one deadline of that party, what is done its words (not a
    date with nothing to do and a duty with no date)."""
    (r,) = extract(text)
    assert r.kind == "deadline" and r.due["rule"] == rule
    assert r.span == text.rstrip("。") and r.subject == text[: text.index("要")]


def test_parallel_time_limits_each_end_at_the_list_mark():
    """市区30分钟内、其他地区1小时内到达现场: two limits, the first not spanning the second."""
    first, second = extract("市区30分钟内、其他地区1小时内到达现场。")
    assert first.span == "市区30分钟内" and (first.value, first.unit) == (Decimal(30), "minute")
    assert second.span == "其他地区1小时内到达现场" and second.unit == "hour"


def test_the_amounts_a_standard_lists_after_how_it_is_set_are_its_rows():
    """补贴标准按照…确定，其中：初级工每人1000元，…: each amount a row (per head); how the
    standard is set is no row of its own (GUIDE 1.1: a grant and its amount are one row)."""
    found = extract(
        "职业培训补贴标准按照培训工种和培训时长确定，其中：初级工每人1000元，中级工每人1500元。"
    )
    assert [(r.value, r.unit, r.per) for r in found] == [
        (Decimal(1000), "元", "人"),
        (Decimal(1500), "元", "人"),
    ]


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("生猪收购价格每头补贴50元。", "头"),
        ("购置农机每台补贴3000元。", "台"),
        ("对新增养老床位每张床位补贴5000元。", "张"),
        ("受表彰的学校每校奖励3万元。", "所"),
        # an average per head, written before its number
        ("学校按生均不低于10元的标准安排公用经费。", "人"),
    ],
)
def test_an_amount_per_head_or_piece_keeps_what_it_is_per(text, per):
    (r,) = [r for r in extract(text) if r.value is not None]
    assert (r.unit, r.per) == ("元", per)


def test_a_date_in_the_year_it_is_for_is_yearly():
    (r,) = extract("项目单位应当于当年12月31日前将资金支出完毕。")
    assert r.kind == "deadline" and r.due == {"rule": "yearly_date", "month": 12, "day": 31}


def test_each_item_of_a_list_is_quoted_with_its_own_words():
    """工地周边100%围挡、物料堆放100%覆盖: each 100% with its own thing and verb, not the
    verb of the item before it."""
    found = extract(
        "施工工地应当做到：工地周边100%围挡、物料堆放100%覆盖、出入车辆100%冲洗、施工现场地面100%硬化。"
    )
    assert [r.span for r in found if r.value is not None] == [
        "工地周边100%围挡",
        "物料堆放100%覆盖",
        "出入车辆100%冲洗",
        "施工现场地面100%硬化",
    ]
    spans = [r.span for r in extract("幼儿园每班配备2名专任教师、1名保育员。")]
    assert spans[-1] == "1名保育员"


@pytest.mark.parametrize(
    "text",
    [
        "参加政府采购活动前三年内，在经营活动中没有重大违法记录。",
        "申请前两年内未发生较大以上生产安全事故。",
    ],
)
def test_the_years_looked_back_on_are_no_deadline(text):
    """前三年内，…没有重大违法记录: a clean record in the years before, asked yes/no; not a
    time of three years to act in."""
    (r,) = extract(text)
    assert r.kind == "presence" and r.value is None and r.span == text.rstrip("。")


@pytest.mark.parametrize(
    ("text", "value", "per", "per_count"),
    [
        ("每100户居民应配备不少于1名网格员。", 1, "户", 100),
        ("旅行社应当按照每30名游客至少配备1名导游的标准安排导游。", 1, "人", 30),
        ("每300米设置1处错车道。", 1, "m", 300),
        # heads counted in words
        ("每千名老年人拥有养老床位数不少于35张。", 35, "人", 1000),
        ("按每万人不少于1名的标准配备社会工作者。", 1, "人", 10000),
        # per one: no count
        ("寄宿制学校宿舍每间居住学生不得超过8人。", 8, "间", None),
    ],
)
def test_a_count_per_many_keeps_how_many(text, value, per, per_count):
    """每100户配备1名: one per 100 households (not one in all); the kind stays a count."""
    (r,) = [r for r in extract(text) if r.value is not None]
    assert (r.value, r.per) == (Decimal(value), per)
    assert r.per_count == (Decimal(per_count) if per_count else None)
    assert r.kind == "count"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # once in N years: one frequency, its 1次 no count of its own
        ("大中型水库每5年进行1次安全鉴定。", [("frequency", "==", Decimal(5), "year")]),
        ("集中空调通风系统每2年至少进行1次全面清洗。", [("frequency", "<=", Decimal(2), "year")]),
        # the previous year is no number of years
        (
            "基金会每年用于公益事业的支出不得低于上一年总收入的70%。",
            [("ratio", ">=", Decimal(70), "%")],
        ),
        # an alternative limit after 或 takes the comparison
        (
            "燃气管道与建筑物的水平净距不应小于1.5米（中压）或0.7米（低压）。",
            [("measure", ">=", Decimal("1.5"), "m"), ("measure", ">=", Decimal("0.7"), "m")],
        ),
    ],
)
def test_numbers_read_in_their_frame(text, expected):
    assert [(r.kind, r.comparator, r.value, r.unit) for r in extract(text)] == expected


def test_an_alternative_limit_is_quoted_without_the_aside_before_it():
    spans = [r.span for r in extract("水平净距不应小于1.5米（中压）或0.7米（低压）。")]
    assert spans[-1] == "0.7米"


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("当风力达到6级以上时，应当停止高空作业。", (">=", Decimal(6), "级")),
        ("4级以上大风天气，应当停止土方作业。", (">=", Decimal(4), "级")),
    ],
)
def test_a_grade_in_digits_picks_out_when(text, condition):
    (r,) = extract(text)
    assert r.value is None
    assert (r.applies_when.comparator, r.applies_when.value, r.applies_when.unit) == condition


def test_standards_listed_respectively_after_a_colon_are_each_a_row():
    found = extract(
        "物业服务收费标准分别为：多层住宅每月每平方米0.6元，高层住宅每月每平方米1.2元。"
    )
    assert [r.value for r in found] == [Decimal("0.6"), Decimal("1.2")]


@pytest.mark.parametrize(
    "text",
    [
        # a past year's totals and rates: a report
        "2023年全县共完成改厕12560户，建成农村公厕86座，群众满意度达到92.3%。",
        "2022年以来，全县共排查隐患1865处，已整改1820处，整改率97.6%。",
        # the document acting on another
        "《某县农村改厕实施方案》（某政办发〔2024〕15号）同时废止。",
        # funds stated, not granted
        "其中，中央补助资金2800万元。",
    ],
)
def test_reports_and_what_the_document_does_are_no_requirements(text):
    assert extract(text) == []


def test_an_amount_granted_each_household_is_a_requirement():
    (r,) = extract("对改厕验收合格的农户，每户给予奖补资金1200元。")
    assert (r.value, r.unit, r.per) == (Decimal(1200), "元", "户")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("门诊慢特病年度起付线为300元，报销比例不低于60%。", [Decimal(300), Decimal(60)]),
        ("超过起付线的部分，职工医保报销比例分别为85%、90%。", [Decimal(85), Decimal(90)]),
    ],
)
def test_a_deductible_and_shares_listed_are_requirements(text, values):
    assert [r.value for r in extract(text)] == values


def test_parallel_windows_of_one_ban_are_each_banned():
    """交付使用后5年内、大修的城市道路竣工后3年内不得挖掘: both windows bar the digging."""
    first, second = extract("新建的城市道路交付使用后5年内、大修的城市道路竣工后3年内不得挖掘。")
    assert (first.comparator, first.value) == (">", Decimal(5)) and first.span.endswith("5年内")
    assert (second.comparator, second.value) == (">", Decimal(3))


def test_an_amount_per_administrative_village_keeps_it():
    (r,) = extract("每个行政村至少设置1个垃圾分类收集点。")
    assert (r.comparator, r.value, r.per) == (">=", Decimal(1), "村")


def test_who_acts_after_a_quarter_s_date_phrase():
    (r,) = extract("每季度第一个月10日前，各单位报送上季度工作情况。")
    assert r.subject == "各单位" and r.due == {"rule": "quarter_first_month_day", "day": 10}


def test_the_next_thing_s_limit_after_a_named_limit_is_a_limit_too():
    """二氧化硫排放限值为50mg/Nm3，氮氧化物为100mg/Nm3: the limit named once, for both."""
    found = extract("燃煤锅炉二氧化硫排放限值为50mg/Nm3，氮氧化物为100mg/Nm3。")
    assert [(r.comparator, r.value, r.unit, r.per) for r in found] == [
        ("<=", Decimal(50), "mg", "m³"),
        ("<=", Decimal(100), "mg", "m³"),
    ]
