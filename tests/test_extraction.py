"""Table-driven tests of checklists.extraction: every wording pattern and every trap."""

from decimal import Decimal

import pytest

from checklists.standards.conflicts import find_conflicts, mark_conflicts
from checklists.standards.extraction import extract
from checklists.standards.modality import modality_of
from checklists.standards.requirements import Requirement


def d(value):
    return None if value is None else Decimal(value)


def found(text):
    return [(r.kind, r.comparator, r.value, r.low, r.high, r.unit, r.per) for r in extract(text)]


# (text, kind, comparator, value, low, high, unit, per)
PATTERNS = [
    # inclusive lower bounds (民法典第1259条: 以上 counts the number itself)
    ("储煤厂房建设面积不低于500平方米", "measure", ">=", "500", None, None, "m²", None),
    ("高度不低于6米", "measure", ">=", "6", None, None, "m", None),
    ("硬化厚度不低于15厘米", "measure", ">=", "15", None, None, "cm", None),
    ("抽查次数不少于3次", "count", ">=", "3", None, None, "次", None),
    ("至少设1名专职信息员", "count", ">=", "1", None, None, "名", None),
    ("一名以上的副职任副组长", "count", ">=", "1", None, None, "名", None),
    ("两名以上业务人员任成员", "count", ">=", "2", None, None, "名", None),
    ("限产30%以上", "ratio", ">=", "30", None, None, "%", None),
    ("查处率达到95%以上", "ratio", ">=", "95", None, None, "%", None),
    ("年满16周岁", "age", ">=", "16", None, None, "age_year", None),
    ("货车载重40吨及以上", "measure", ">=", "40", None, None, "t", None),
    # inclusive upper bounds
    ("森林火灾受害面积不超过森林面积的0.4%", "ratio", "<=", "0.4", None, None, "%", None),
    ("受害面积控制在0.4‰以下", "ratio", "<=", "0.4", None, None, "‰", None),
    ("有特殊情况的不超过 2 次", "count", "<=", "2", None, None, "次", None),
    ("最多设置3个配送中心", "cap", "<=", "3", None, None, "个", None),
    ("每户最高补贴1吨", "cap", "<=", "1", None, None, "t", "户"),
    # a briquette's strength: 牛 is newtons before what it is per (kN too)
    ("洁净型煤抗压强度不低于500牛/个", "measure", ">=", "500", None, None, "N", "个"),
    ("抗压强度不低于0.5千牛/个", "measure", ">=", "500", None, None, "N", "个"),
    # a period's amount named by its first character (日配送能力, 年经营规模)
    ("日配送能力不低于100吨", "measure", ">=", "100", None, None, "t", "day"),
    ("年经营规模在5000吨以下", "measure", "<=", "5000", None, None, "t", "year"),
    # …and a pay or an income (月工资, 人均年收入); not a count of periods (3个月工资), not a
    # given month (上月工资)
    ("保洁员月工资不低于1200元", "money", ">=", "1200", None, None, "元", "month"),
    ("农村居民人均年收入不低于8000元", "money", ">=", "8000", None, None, "元", "year"),
    ("上月工资不得低于2000元", "money", ">=", "2000", None, None, "元", None),
    # a year's cap or total (年度最高…, 年度累计…); not last year's (上年度), not a year's review
    ("医疗救助对象年度最高救助限额为2万元", "cap", "<=", "20000", None, None, "元", "year"),
    ("年度累计补助不超过5000元", "money", "<=", "5000", None, None, "元", "year"),
    ("上年度补助资金结余不超过10%", "ratio", "<=", "10", None, None, "%", None),
    # two bounds joined by 、 are one range
    ("处5万元以上、50万元以下罚款", "money", "range", None, "50000", "500000", "元", None),
    # at least once every 15 days: the interval at most 15 days
    ("电梯应当至少每15日进行一次清洁", "frequency", "<=", "15", None, None, "day", None),
    # a check point asks about the breach: the requirement is the other side of it
    ("软管长度是否超过2米", "measure", "<=", "2", None, None, "m", None),
    ("室内温度是否低于18℃", "measure", ">=", "18", None, None, "℃", None),
    ("覆盖率是否达到95%以上", "ratio", ">=", "95", None, None, "%", None),
    # (the whole a multiple is of is no period of it; a multiple: a ratio, as a share is)
    ("储存量为日销售量的3至5倍", "ratio", "range", None, "3", "5", "倍", None),
    # counted within one year
    (
        "同一检查对象在同一年度内被抽查次数不超过1次",
        "frequency",
        "<=",
        "1",
        None,
        None,
        "次",
        "year",
    ),
    # exclusive bounds
    ("固定资产投资额低于2亿元的项目", "money", "<", "200000000", None, None, "元", None),
    ("距法定退休年龄不足5年的", "duration", "<", "5", None, None, "year", None),
    ("超过30日的", "duration", ">", "30", None, None, "day", None),
    ("环境空气质量指数大于200平方米", "measure", ">", "200", None, None, "m²", None),
    ("未满18周岁", "age", "<", "18", None, None, "age_year", None),
    # ranges
    ("超员20%至50%的", "ratio", "range", None, "20", "50", "%", None),
    ("确定1—3名中标候选人", "count", "range", None, "1", "3", "名", None),
    ("每届任期一般为3-5年", "duration", "range", None, "3", "5", "year", None),
    ("处1倍以上3倍以下罚款", "ratio", "range", None, "1", "3", "倍", None),
    ("至少配备2-3辆全封闭式配送车辆", "count", ">=", "2", None, None, "辆", None),
    # a range of a value with no unit, written …之间
    ("pH值应介于6至9之间", "measure", "range", None, "6", "9", None, None),
    # each end of a range in its own unit and magnitude
    ("给予500元至2万元奖励", "money", "range", None, "500", "20000", "元", None),
    ("处5000元以上3万元以下罚款", "money", "range", None, "5000", "30000", "元", None),
    ("奖励5至10万元", "money", "range", None, "50000", "100000", "元", None),
    ("面积1万亩至3万亩", "measure", "range", None, "10000", "30000", "亩", None),
    # money is converted to 元
    ("缴纳 50 万元安全生产保证金", "money", "==", "500000", None, None, "元", None),
    ("补助标准按1.5万元执行", "money", "==", "15000", None, None, "元", None),
    ("安排不少于3000万元的资金", "money", ">=", "30000000", None, None, "元", None),
    ("补贴标准为每吨200元", "money", "==", "200", None, None, "元", "t"),
    # deadlines: working days, calendar days, hours, Chinese numerals
    ("在3个工作日内作出答复", "deadline", "<=", "3", None, None, "working_day", None),
    ("于十五个工作日内办结", "deadline", "<=", "15", None, None, "working_day", None),
    ("于5日内向区安委会办公室提交", "deadline", "<=", "5", None, None, "day", None),
    ("于三日内答复", "deadline", "<=", "3", None, None, "day", None),
    ("于1小时内报请指挥部", "deadline", "<=", "1", None, None, "hour", None),
    ("未通过验收的限期一个月整改", "deadline", "<=", "1", None, None, "month", None),
    # frequencies
    ("每月至少组织一次煤质抽检", "frequency", ">=", "1", None, None, "次", "month"),
    ("每季度对辖区内污染源监察一次", "frequency", "==", "1", None, None, "次", "quarter"),
    ("每年开展1次评估", "frequency", "==", "1", None, None, "次", "year"),
    ("每日进行至少6次洒水作业", "frequency", ">=", "6", None, None, "次", "day"),
    ("每周通报不少于2次", "frequency", ">=", "2", None, None, "次", "week"),
    # what a number is per, written before it (每吨, 每人, 每小时)
    ("车速不得高于每小时40公里", "measure", "<=", "40", None, None, "km", "hour"),
    ("车速每小时不超过40公里", "measure", "<=", "40", None, None, "km", "hour"),
    ("员工宿舍每人面积不小于4平方米", "measure", ">=", "4", None, None, "m²", "人"),
    ("每亩补助300元", "money", "==", "300", None, None, "元", "亩"),
    # units of temperature, sound, pressure, power, volume and minutes
    ("库房温度保持在5℃至25℃之间", "measure", "range", None, "5", "25", "℃", None),
    ("库房温度应为5～25℃", "measure", "range", None, "5", "25", "℃", None),
    ("库房温度应控制在5-25摄氏度", "measure", "range", None, "5", "25", "℃", None),
    ("冷库温度不得高于-18℃", "measure", "<=", "-18", None, None, "℃", None),
    ("出口温度等于80°C", "measure", "==", "80", None, None, "℃", None),
    ("噪声不宜大于60分贝", "measure", "<=", "60", None, None, "dB", None),
    ("厂界噪声昼间不得超过65dB(A)", "measure", "<=", "65", None, None, "dB", None),
    ("锅炉压力不超过1.6兆帕", "measure", "<=", "1.6", None, None, "MPa", None),
    ("单台锅炉功率不低于14兆瓦", "measure", ">=", "14", None, None, "MW", None),
    ("每次取样不少于500毫升", "measure", ">=", "500", None, None, "mL", None),
    ("应在30分钟内到达现场", "deadline", "<=", "30", None, None, "minute", None),
    # a time in which something is banned: the time that must pass first, not a deadline
    ("自列入之日起3年内不得参加政府采购活动", "duration", ">", "3", None, None, "year", None),
    # a zone where something is banned: the distance must be beyond it
    ("距离居民区300米以内不得建设", "measure", ">", "300", None, None, "m", None),
    ("沿国道两侧各50米范围内禁止焚烧秸秆", "measure", ">", "50", None, None, "m", None),
    # a share written in words
    ("罚款比例不低于百分之十", "ratio", ">=", "10", None, None, "%", None),
    ("抽检不合格率应控制在千分之五以内", "ratio", "<=", "5", None, None, "‰", None),
    # a fraction, as a percentage (to 4 places where it does not end)
    ("评审专家人数不得少于成员总数的三分之二", "ratio", ">=", "66.6667", None, None, "%", None),
    ("到会委员不少于二分之一", "ratio", ">=", "50", None, None, "%", None),
    # …in digits, after the whole it is of; a long whole between the comparison and its number
    # keeps the negation (不得少于…总数的2/3: not below)
    ("专家人数不得少于成员总数的2/3", "ratio", ">=", "66.6667", None, None, "%", None),
    (
        "评审专家人数不得少于竞争性谈判小组或者询价小组成员总数的2/3",
        "ratio",
        ">=",
        "66.6667",
        None,
        None,
        "%",
        None,
    ),
    # a share in words with no comparison word: the share it is charged at
    ("保证金按合同金额的百分之五收取", "ratio", "==", "5", None, None, "%", None),
    # only the ones within the number may: the number is the requirement (方可: not before)
    ("硫含量低于（含）0.5%的煤炭方可销售", "ratio", "<=", "0.5", None, None, "%", None),
    # an explicit marker written after the unit, with no 以上/以下 (whichever side: it decides)
    ("堆场高度不超过3米（不含）", "measure", "<", "3", None, None, "m", None),
    ("堆场高度低于3米（含）", "measure", "<=", "3", None, None, "m", None),
    ("处理能力高于50吨（含本数）", "measure", ">=", "50", None, None, "t", None),
    ("处理能力不低于50吨（不含本数）", "measure", ">", "50", None, None, "t", None),
    # counting words of things, and of visits (人次): a count, not a measure
    ("每层配备灭火器不少于4具", "count", ">=", "4", None, None, "具", None),
    ("通道照明灯不少于6盏", "count", ">=", "6", None, None, "盏", None),
    ("年接待游客不超过10万人次", "count", "<=", "100000", None, None, "人次", None),
    ("同一场所存放液化石油气钢瓶不得超过（含）5瓶", "count", "<=", "5", None, None, "瓶", None),
    ("每人每月培训时间不少于4学时", "frequency", ">=", "4", None, None, "学时", "month"),
    # one period, within: the period a count after it is in (not a deadline)
    ("同一市场主体一年内被抽查不超过2次", "frequency", "<=", "2", None, None, "次", "year"),
    ("原则上年内临时救助不超过2次", "frequency", "<=", "2", None, None, "次", "year"),
    # a window of two years: counted in, no period to name; with no comparison, a deadline
    ("两年内救助不超过2次", "count", "<=", "2", None, None, "次", None),
    ("企业应当在3个月内完成2次自查", "deadline", "<=", "3", None, None, "month", None),
    # a coal's quality: its heat per kilogram, a briquette's strength, a symbol's comma
    ("发热量≥5000大卡/千克", "measure", ">=", "5000", None, None, "kcal", "kg"),
    ("发热量不低于21MJ/kg", "measure", ">=", "21", None, None, "MJ", "kg"),
    ("抗压强度不低于500N/个", "measure", ">=", "500", None, None, "N", "个"),
    ("全硫（St,d）≤0.4%", "ratio", "<=", "0.4", None, None, "%", None),
    # notice given ahead: at least that long before
    ("约谈应当提前3个工作日通知", "duration", ">=", "3", None, None, "working_day", None),
    # a limit named by what it limits
    ("进场车辆限速5km/h", "measure", "<=", "5", None, None, "km", "hour"),
    ("桥梁限重30吨", "measure", "<=", "30", None, None, "t", None),
    # a speed, a rate per minute, an illuminance
    ("场内车速不得超过5米/秒", "measure", "<=", "5", None, None, "m", "second"),
    ("抽风量不低于30立方米/分钟", "measure", ">=", "30", None, None, "m³", "minute"),
    ("作业面照度不低于200勒克斯", "measure", ">=", "200", None, None, "lx", None),
    ("报警响应时间不超过30秒", "duration", "<=", "30", None, None, "second", None),
    # a boiler's size (蒸吨) is measured, not counted
    ("单台燃煤锅炉容量不低于35蒸吨", "measure", ">=", "35", None, None, "蒸吨", None),
    # a marker that restates the number is no number of its own; one before the number decides
    # the comparison written after it
    ("连续工作时间不应超过8小时（不含8小时）", "duration", "<", "8", None, None, "hour", None),
    ("载重量应在（不含）5吨以下", "measure", "<", "5", None, None, "t", None),
    # a time limit named as such, from what starts it
    ("整改完成时限为接到通知后20个工作日", "deadline", "<=", "20", None, None, "working_day", None),
    # retention
    ("台账最少留存两年", "retention", ">=", "2", None, None, "year", None),
    ("档案保存2年以上", "retention", ">=", "2", None, None, "year", None),
    ("资料保存期不少于2年", "retention", ">=", "2", None, None, "year", None),
    # a ratio a 比 names, as the share its first term is of its second
    ("师生比不低于1∶15", "ratio", ">=", "6.6667", None, None, "%", None),
    ("护理人员与失能老人的配比不低于1:4", "ratio", ">=", "25", None, None, "%", None),
    ("县级财政按照不低于1:1的比例安排配套资金", "ratio", ">=", "100", None, None, "%", None),
    # units of water, power and electricity, and the volume a concentration is per
    ("化学需氧量浓度不得高于50毫克/升", "measure", "<=", "50", None, None, "mg", "L"),
    ("菌落总数不得超过100CFU/mL", "measure", "<=", "100", None, None, "CFU", "mL"),
    ("浑浊度不超过1NTU", "measure", "<=", "1", None, None, "NTU", None),
    ("接地电阻不得大于4Ω", "measure", "<=", "4", None, None, "Ω", None),
    ("配电线路电压不低于380V", "measure", ">=", "380", None, None, "V", None),
    ("照明灯具功率不超过40瓦", "measure", "<=", "40", None, None, "W", None),
    # a limit named after its number
    ("颗粒物排放浓度执行10mg/m³的限值", "measure", "<=", "10", None, None, "mg", "m³"),
    # round the clock: 24 hours of each day, whatever is kept up
    ("供气企业应当建立24小时抢修服务制度", "duration", "==", "24", None, None, "hour", "day"),
    # a fine stated as an amount
    ("对单位处5000元罚款", "money", "==", "5000", None, None, "元", None),
    # a level a rate is cut or raised to: the target as written
    ("单位缴费比例降至16%", "ratio", "==", "16", None, None, "%", None),
    ("失业保险费率由1.5%降至1%", "ratio", "==", "1", None, None, "%", None),
    # a total after amounts per person is no one's
    (
        "按每人不超过20万元、总额不超过110万元的额度贷款",
        "money",
        "<=",
        "1100000",
        None,
        None,
        "元",
        None,
    ),
    # 最低/最高 that name a quantity (最低工资标准) compare nothing: the share as written
    ("岗位补贴按照当地最低工资标准的80%给予", "ratio", "==", "80", None, None, "%", None),
    # a limit named before its number (a floor: 下限)
    ("氨氮浓度限值为8毫克/升", "measure", "<=", "8", None, None, "mg", "L"),
    ("每户补助上限为3000元", "cap", "<=", "3000", None, None, "元", "户"),
    ("出水温度下限为12℃", "measure", ">=", "12", None, None, "℃", None),
    # a time cut to: at most
    ("企业开办时间压缩至1个工作日", "duration", "<=", "1", None, None, "working_day", None),
    ("不动产登记办理时限压缩至3个工作日", "deadline", "<=", "3", None, None, "working_day", None),
    # only so many: at most
    ("职业培训补贴每人每年只能享受一次", "frequency", "<=", "1", None, None, "次", "year"),
    # per person and month: the month is its period
    ("补贴标准为200元/人·月", "money", "==", "200", None, None, "元", "month"),
    # a speed in metres a second, written with symbols
    ("采掘工作面风速不得低于0.25m/s", "measure", ">=", "0.25", None, None, "m", "second"),
    # 件 counts (samples, cases)
    ("抽检样品数量每批次不少于3件", "frequency", ">=", "3", None, None, "件", "batch"),
    # a pure number: a ratio's or a coefficient's (no unit)
    ("住宅用地容积率不大于2.0", "measure", "<=", "2", None, None, None, None),
    ("安全系数不小于1.5", "measure", ">=", "1.5", None, None, None, None),
    ("出水pH值不低于6.5", "measure", ">=", "6.5", None, None, None, None),
    # at least once in a period of more than one: the interval at most
    ("集中空调通风系统每两年至少清洗一次", "frequency", "<=", "2", None, None, "year", None),
    ("应急预案每三年至少修订一次", "frequency", "<=", "3", None, None, "year", None),
    # durations
    ("张榜公示5天无异议", "duration", "==", "5", None, None, "day", None),
    ("本办法有效期两年，任期3年", "duration", "==", "3", None, None, "year", None),
]


@pytest.mark.parametrize(
    ("text", "kind", "comparator", "value", "low", "high", "unit", "per"), PATTERNS
)
def test_patterns(text, kind, comparator, value, low, high, unit, per):
    assert (kind, comparator, d(value), d(low), d(high), unit, per) in found(text)


@pytest.mark.parametrize(
    ("text", "modalities"),
    [
        # a permission of one act; the limit after it binds whoever uses it
        (
            "企业可在不影响安全的前提下，适当延长作业时间，但每日作业时间最长不超过10小时。",
            ["permission", None],
        ),
        ("每月至少组织一次煤质抽检，必要时可增加抽检频次。", [None, "permission"]),
        # a modal word scopes over what follows it, not over what came before it
        ("未按规定设置警示标志的，责令限期改正，可以处1万元以下罚款。", [None, "permission"]),
        # a binding word binds its own phrase: a number the sentence goes on to states its own
        ("储煤场要进行全封闭建设，建设面积不低于500平方米。", ["mandatory", None]),
        # what a sentence allows or encourages holds for all of it
        ("鼓励企业开展技术改造，每户补贴不超过10万元。", ["advisory", "advisory"]),
        # each limit as binding as its own word
        ("驾驶人每天驾驶时间不宜超过8小时，每周累计不得超过44小时。", ["advisory", "mandatory"]),
        # the ones a permission is for keep it
        (
            "对在乡村学校任职满10年的教师，高级岗位年满55周岁、中级岗位年满50周岁的，"
            "可保留其职务职级待遇。",
            ["permission", "permission", "permission"],
        ),
    ],
)
def test_a_permission_is_its_own_act_s(text, modalities):
    assert [r.modality for r in extract(text)][: len(modalities)] == modalities


def test_when_a_term_starts_is_its_trigger_not_a_duty():
    (term,) = extract("失信主体名单的公示期限为3年，自列入之日起计算。")
    assert (term.kind, term.value, term.trigger) == ("duration", Decimal(3), "列入之日起")


def test_of_which_keeps_the_condition_of_the_ones_just_named():
    found = extract("采购金额在400万元以上的，验收小组成员不得少于5人，其中技术专家不少于3人。")
    assert [(r.value, r.applies_when.value) for r in found] == [
        (Decimal(5), Decimal(4000000)),
        (Decimal(3), Decimal(4000000)),
    ]


def test_one_comparison_for_the_list_it_opens():
    found = extract("型煤配送中心应配备不少于2台装载机、3辆运输车辆和1套计量设备。")
    assert [(r.comparator, r.value, r.unit) for r in found] == [
        (">=", Decimal(2), "台"),
        (">=", Decimal(3), "辆"),
        (">=", Decimal(1), "套"),
    ]
    # each (每个) is no denominator
    (r,) = extract("每个配送点服务户数不超过500户。")
    assert (r.comparator, r.value, r.unit, r.per) == ("<=", Decimal(500), "户", None)


def test_a_duty_read_from_the_start_goes_on_past_its_inline_condition():
    found = extract("煤炭销售时应当出具质量检验报告，并留存备查。")
    assert [(r.span, r.applies_when.text if r.applies_when else None) for r in found] == [
        ("应当出具质量检验报告", "煤炭销售时"),
        ("并留存备查", None),
    ]
    assert [r.span for r in extract("企业同时应当建立台账。")] == ["企业同时应当建立台账"]
    # an inline condition whose party follows it: the duty's words are its own phrase
    (r,) = extract("凡年销售量达到1万吨以上的配送中心，必须安装视频监控。")
    assert (r.span, r.subject) == ("必须安装视频监控", "配送中心")
    # …期间 right before the modal word, after a comma: the condition of that duty only
    found = extract("各配送中心每日营业时间不少于8小时，供暖季期间不得停业。")
    assert [r.applies_when.text if r.applies_when else None for r in found] == [None, "供暖季期间"]


def test_a_number_that_picks_out_the_ones_mid_sentence_is_the_next_duty_s_condition():
    found = extract("食堂应当配备兼职食品安全管理人员，就餐人数超过300人的，应当配备专职人员。")
    assert [(r.span, r.subject) for r in found] == [
        ("食堂应当配备兼职食品安全管理人员", "食堂"),
        ("应当配备专职人员", "食堂"),
    ]
    assert found[0].applies_when is None
    assert (found[1].applies_when.comparator, found[1].applies_when.value) == (">", Decimal(300))


def test_to_obtain_a_licence_is_a_duty_not_a_report():
    assert [r.span for r in extract("企业应当取得燃气经营许可证。")] == [
        "企业应当取得燃气经营许可证"
    ]
    spans = [r.span for r in extract("从业人员每年应当进行健康检查，取得健康证明后方可上岗。")]
    assert spans == ["从业人员每年应当进行健康检查", "取得健康证明后方可上岗"]


def test_then_is_no_part_of_the_duty_after_a_condition():
    (r,) = extract("假如检测结果超标，则企业须在5个工作日内完成整改。")
    assert r.span == "企业须在5个工作日内完成整改" and r.subject == "企业"


def test_a_list_s_mark_is_no_part_of_the_next_span():
    spans = [r.span for r in extract("噪声昼间不超过60dB(A)、夜间不超过50dB(A)。")]
    assert spans == ["噪声昼间不超过60dB(A)", "夜间不超过50dB(A)"]


def test_a_range_that_picks_out_the_ones_is_their_condition_with_its_ends_as_marked():
    """1万吨（含）至5万吨（不含）: a range with its markers inside is one quantity; as the ones
    a duty is for, it is the condition's range, the upper end left out."""
    (r,) = extract("年销售量1万吨（含）至5万吨（不含）的配送中心，应配备2名以上安全员。")
    assert (r.comparator, r.value, r.unit) == (">=", Decimal(2), "名")
    when = r.applies_when
    assert when.text == "年销售量1万吨（含）至5万吨（不含）"
    assert (when.comparator, when.low, when.high, when.unit) == ("range", 10000, 50000, "t")
    assert (when.low_inclusive, when.high_inclusive) == (True, False)


def test_a_marker_that_restates_the_number_adds_no_requirement():
    assert len(extract("作业人员连续工作时间不应超过8小时（含8小时）。")) == 1


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # 应 + 对…进行: a duty; 应对 with no verb after its object: to cope with
        ("采购人应对采购标的事先进行充分的市场调研", "mandatory"),
        ("应对突发事件的指挥部", None),
        ("必须使用建设用地", "mandatory_strong"),
        ("严禁在电力线路保护区范围内施工", "mandatory_strong"),
        ("一律停产整治", "mandatory_strong"),
        ("供应商应当严格遵守相关法律法规", "mandatory"),
        # a right (有权) allows, binds no one
        ("任何单位和个人都有权向监管部门举报", "permission"),
        # a slogan's modal word, quoted, binds no one (管行业必须管安全)
        ("监管部门应当按照“管行业必须管安全、管业务必须管安全”的要求加强监管", "mandatory"),
        # 确需/如需 (if need be) in a condition is no duty
        ("确需延期的，可延长不超过15日", "permission"),
        ("企业需建立台账", "mandatory"),
        # what one ought to have known (应当知道, 应知) is no duty
        ("供应商可以在知道或者应当知道其权益受到损害之日起7个工作日内提出质疑", "permission"),
        ("可以在知道或者应知其权益受到损害之日起提出质疑", "permission"),
        # only then may: a precondition, never a permission to leave out
        ("验收合格后方可投入使用", "mandatory"),
        ("办理审批手续后才可使用", "mandatory"),
        ("采购人应与招标文件中明确的采购需求进行核对", "mandatory"),
        ("为有效应对重污染天气，制定本预案", None),
        ("重大项目须聘请专业机构参加验收", "mandatory"),
        ("不得擅自调整预算", "mandatory"),
        ("禁止购买不符合标准的煤炭", "mandatory"),
        ("原则上不再核准新建项目", "default"),
        ("校长在同一所学校连续任职一般不超过2届", "default"),
        ("鼓励企业扩大出口", "advisory"),
        ("倡导公众乘坐公共交通工具出行", "advisory"),
        ("建议中小学减少户外活动", "advisory"),
        ("力争用5年时间完成", "advisory"),
        ("采购人可以依法授权代表参加评标委员会", "permission"),
        ("管行业必须管安全", "mandatory_strong"),
        # 需 before a verb is a duty (所需, 需要, 需求 are not: test_what_is_needed_is_no_duty)
        ("仓库大门需方便货车进出", "mandatory"),
        # 可 describing a thing (可复制可推广的经验): no permission
        ("各县要形成一批可复制可推广的经验", "mandatory"),
    ],
)
def test_modality(text, modality):
    assert {r.modality for r in extract(text)} == ({modality} if modality else set())


@pytest.mark.parametrize(
    "text", ["所需经费由县财政列支", "根据需要设立分中心", "满足群众需求", "化学需氧量浓度"]
)
def test_what_is_needed_is_no_duty(text):
    assert modality_of(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("不得危及电力线路安全", "prohibition"),
        ("禁止露天焚烧", "prohibition"),
        ("严禁弄虚作假、套取补贴资金", "prohibition"),
        ("必须设立并提供真实、完整的财务账簿", "presence"),
        ("应当建立煤炭购销台账", "record"),
        ("供应商应当具备相应资质", "eligibility"),
        # a licence to hold is a qualification too
        ("燃气经营企业应当依法取得燃气经营许可证", "eligibility"),
        ("特种作业人员必须持有上岗证", "eligibility"),
        # a filing is a record; whom a duty names by a qualification, and a qualification
        # taken away (a sanction), hold none
        ("采购人应当将采购合同报财政部门备案", "record"),
        ("企业须聘请具备相应资质的设计单位进行复查", "presence"),
        ("对弄虚作假的，取消其补贴资格", "presence"),
        # 不 before the act barred, softened or not: a ban as 不得 is
        ("原则上不重复救助", "prohibition"),
        ("国土部门一律不予办理用地手续", "prohibition"),
    ],
)
def test_presence_kinds(text, kind):
    assert [r.kind for r in extract(text)] == [kind]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("采购人应当在收到质疑函后7个工作日内作出答复", "收到质疑函后"),
        ("被约谈单位应在约谈结束后 15 个工作日内报送", "约谈结束后"),
        ("财政局应当在收到投诉30个工作日内作出处理决定", "收到投诉"),
        ("生产经营单位纳入“黑名单”管理后,于 10 个工作日内缴纳", "生产经营单位纳入“黑名单”管理后"),
        ("采购人应当自收到验收申请之日起7个工作日内组织验收", "收到验收申请之日起"),
    ],
)
def test_deadline_trigger(text, trigger):
    deadlines = [r for r in extract(text) if r.kind == "deadline"]
    assert [r.trigger for r in deadlines] == [trigger]


@pytest.mark.parametrize("word", ["及时", "第一时间", "立即"])
def test_vague_deadline_has_no_value(word):
    """及时, 立即: a duty to be done promptly, flagged as stating no time (not a deadline: the
    labels read it as the duty it is)."""
    (req,) = extract(f"发现火情{word}组织扑救")
    assert req.kind == "presence"
    assert req.flags == ("vague_deadline",)
    assert (req.value, req.comparator, req.unit) == (None, None, None)
    assert word in req.span


# Traps: wording that must produce no threshold (and, where stated, no modality).
TRAPS = [
    "采购代理机构（以下简称代理机构）负责记录",
    "规模以上工业企业户数292户",
    "由市级以上投资管理部门负责",
    "县级以上人民政府通过一般公共预算安排",
    "《冠县乡村教师支持计划（2015-2020年）实施办法》",
    "编制《冠县社会信用体系建设规划（2016-2020年）》",
    "根据《环境空气质量标准》(GB3095-2012)和(HJ633-2012)",
    "按照冠政发〔2016〕78号文件执行",
    "按照《社会救助暂行办法》(国务院令 第 649 号)第六十六条规定",
    "依照本办法第三条处理",
    "县直各有关部门请于2016年8月30日前报送",
    "于次月5日前报县经济开发区审核",
    "于每季度第一个月的20日前通过主流媒体公布",
    "预测未来1天发生严重污染天气( $AQI = 500$ )",
    "造成二次扬尘污染",
    "落实“六公开”制度和“三同时”要求",
    "三次产业比17.4:48.6:34",
    "各级按照1∶2∶7的比例分担",
    "地形图比例尺为1:500",
    "上午8:30前到岗",
    "三伏天高温作业时段",
    # the document's own term (GUIDE 1.5), contacts, plan names, formulas, spans of years
    "第五条 本办法自2021年4月1日起施行，有效期5年",
    "联系电话：0635-8888888，邮编252000",
    "按照《全市大气污染防治三年行动计划》要求",
    "二氧化硫（SO_2）和PM_{2.5}浓度",
    "“十三五”期间淘汰落后产能",
    "在2019—2020年期间完成治理任务",
    "详见第5页附件2",
    "联系人：张三，电话：0531-86123456，13812345678，邮编：250001。",
    # a grade's band (分为…等次, 90分以上为优秀): no target to meet
    "考核结果分为优秀（90分以上）、良好（75—89分）和不合格（60分以下）三个等次",
    # the tiers to choose from: options, not one requirement each
    "个人缴费标准设为每年100元、200元、300元、500元、1000元、2000元6个档次",
    "缴费档次分为200元、300元、500元三档",
    "综合得分85分以上为优秀，60分以下为不合格",
    # a report and what the document hands out
    "近年来，全县新增就业连续三年保持在1万人以上",
    "目前全市农村生活垃圾无害化处理率为85%",
    "2018年全市PM2.5平均浓度为56微克/立方米，同比下降8.2%",
    "二〇二五年三月十日",
    "按GB/T 50016要求设置消防通道。",
    "执行《锅炉大气污染物排放标准》（DB37/2374-2018）和HJ 2.2-2018技术导则。",
]


@pytest.mark.parametrize("text", TRAPS)
def test_traps_give_no_threshold(text):
    assert [r for r in extract(text) if r.value is not None or r.low is not None] == []


@pytest.mark.parametrize(
    "text",
    [
        "规模以上工业企业户数292户",
        "采购代理机构（以下简称代理机构）",
        "县级以上人民政府",
        # (取得…成效 reports; 取得…许可证 is a duty, kept below)
        "去年取得了显著成效。",
        # how to reach someone, and when the text takes effect: no duty
        "举报电话：12345政务服务便民热线，环保举报热线12369。",
        "监督电话：0531-86123456",
        "本通知自印发之日起30日后施行。",
        # who answers for something, and nothing else to check
        "采购人是履约验收的责任主体。",
    ],
)
def test_traps_give_no_modality(text):
    assert extract(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a chapter's or a section's heading, whatever verb its words hold
        "第三章 使用管理",
        "第二节 经营许可",
        # a scope: which ones, a noun
        "全市所有使用燃气的餐饮场所。",
        "一、整治范围\n全市所有使用燃气的餐饮场所。",
        # the title of the document a notice attaches, on its preamble's last line
        "各区县应急管理局：\n现将《重大事故隐患挂牌督办办法》印发给你们，请遵照执行。\n"
        "重大事故隐患挂牌督办办法",
    ],
)
def test_headings_titles_and_scopes_are_no_duties(text):
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # a chapter's heading before its first article: the article's duty is read
        ("第三章 使用管理\n第七条 餐饮场所应当安装报警装置。", ["餐饮场所应当安装报警装置"]),
        # a duty whose words end like a title is still a duty
        ("各单位要制定并落实整改方案。", ["各单位要制定并落实整改方案"]),
        ("制定应急预案", ["制定应急预案"]),
        ("按照第三章规定执行。", []),
    ],
)
def test_a_heading_is_known_by_its_form_not_its_last_word(text, spans):
    assert [r.span for r in extract(text)] == spans


def test_the_points_of_a_list_are_numbered_by_yi_shi_er_shi():
    found = extract("一是各企业要建立台账，二是每月至少检查1次。")
    assert [(r.span, r.subject) for r in found] == [
        ("各企业要建立台账", "各企业"),
        ("每月至少检查1次", "各企业"),
    ]
    (ban,) = extract("列入严重失信主体名单的，自列入之日起3年内不得参加政府采购活动。")
    assert ban.trigger == "列入之日起" and ban.kind == "duration"


def test_bu_de_bu_is_not_a_prohibition():
    reqs = extract("由于其他原因不得不推迟")
    assert all(r.kind != "prohibition" for r in reqs)
    assert all(r.modality is None for r in reqs)


def test_a_slogan_is_no_requirement():
    """管行业必须管安全 is a slogan (domain.md): its 必须, quoted, binds no one, and the words
    around it ask nothing to be checked."""
    assert extract("按照“管行业必须管安全、管业务必须管安全”的要求") == []


def test_span_is_exact_source_text():
    text = "1、储煤厂房建设面积不低于500平方米，高度不低于6米。"
    for r in extract(text):
        assert text[r.start : r.start + len(r.span)] == r.span
    assert [r.span for r in extract(text)] == ["储煤厂房建设面积不低于500平方米", "高度不低于6米"]


def test_page_joined_flag_from_join_offsets():
    text = "于15个工作日内按原信息公布渠道向社会公布"
    (req,) = [r for r in extract(text, join_offsets=(5,)) if r.kind == "deadline"]
    assert "page_joined" in req.flags


def test_full_width_digits():
    assert ("deadline", "<=", Decimal(15), None, None, "working_day", None) in found(
        "于１５个工作日内"
    )


def test_to_dict_is_json_ready():
    (req,) = extract("缴纳 50 万元保证金")
    assert req.to_dict() == {
        "modality": None,
        "kind": "money",
        "comparator": "==",
        "value": "500000",
        "low": None,
        "high": None,
        "unit": "元",
        "per": None,
        "per_count": None,
        "span": "缴纳 50 万元保证金",
        "start": 0,
        "trigger": None,
        "flags": ["assumed_equal"],
        "subject": None,
        "subject_kind": None,
        "applies_when": None,
        "due": None,
        "confidence": "low",
    }


def test_source_conflict_percent_vs_permille():
    a = extract("（四）森林火灾受害面积不超过森林面积的0.4%")
    b = extract("确保森林火灾受害面积控制在0.4‰以下")
    other = extract("无公害防治率90%以上")
    items = [("k/二/（四）", a), ("k/三/（五）", b), ("k/二/（五）", other)]
    (conflict,) = find_conflicts(items)
    assert conflict.subject == "森林火灾受害面积"
    assert set(conflict.members) == {("k/二/（四）", 0), ("k/三/（五）", 0)}
    marked = dict(mark_conflicts(items))
    assert "source_conflict" in marked["k/二/（四）"][0].flags
    assert "source_conflict" in marked["k/三/（五）"][0].flags
    assert "source_conflict" not in marked["k/二/（五）"][0].flags


def test_no_conflict_for_different_subjects():
    items = [("a", extract("征占用林地审核率达到100%")), ("b", extract("有虫株率控制在5‰以下"))]
    assert find_conflicts(items) == []


def test_requirement_is_frozen():
    (req,) = extract("不得擅自调整预算")
    assert isinstance(req, Requirement)
    with pytest.raises(AttributeError):
        req.kind = "presence"  # type: ignore[misc]


def test_the_level_a_rate_is_cut_from_is_no_requirement():
    """由1.5%降至1%: the rate before is what was, only the level reached is required."""
    assert [r.value for r in extract("失业保险费率由1.5%降至1%。")] == [Decimal("1")]


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("区政府办公室实行月通报制度。", "month"),
        ("实施乡村教师年度健康体检制度。", "year"),
        ("各乡镇建立季度考核制度。", "quarter"),
    ],
)
def test_a_system_of_a_thing_done_each_period_is_a_frequency(text, per):
    """月通报制度: once a month, how many times unsaid (no number to check)."""
    (r,) = extract(text)
    assert (r.kind, r.per, r.value, r.comparator) == ("frequency", per, None, None)


def test_a_plans_list_of_targets_goes_on_after_its_semicolons():
    """全年计划新造林3000亩；更新改造农田林网1万亩；…: each amount of the plan's list is a
    target, not only the one its 计划 is written beside."""
    found = extract("全年计划新造林3000亩；更新改造农田林网1万亩；绿化各级道路50公里。")
    assert [(r.value, r.unit) for r in found] == [
        (Decimal(3000), "亩"),
        (Decimal(10000), "亩"),
        (Decimal(50), "km"),
    ]
    # (no plan before it: a bare amount states no target)
    assert extract("道路总长50公里；农田林网1万亩。") == []
