"""Denominators: what a rate or an amount is per (千克/小时, 每吨200元, 每百户, 人均, 时速),
as ``Per``. Pure module (standard library only); ``quantities`` and ``extraction`` read with it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from checklists.standards.numerals import value_of

#: The denominator of a rate as written → ``Per`` (千克/小时, 微克/立方米, 元/吨).
DENOMINATORS = {
    "小时": "hour",
    "时": "hour",
    "分钟": "minute",
    "min": "minute",
    "秒": "second",
    "s": "second",
    "h": "hour",
    # (污水处理规模不小于500m³/d, 年产10万t/a: a day's, a year's, in symbols)
    "d": "day",
    "a": "year",
    "天": "day",
    "日": "day",
    "周": "week",
    "月": "month",
    "季度": "quarter",
    "年": "year",
    "立方米": "m³",
    "m³": "m³",
    "毫升": "mL",
    "mL": "mL",
    "升": "L",
    "L": "L",
    "m3": "m³",
    "标准立方米": "m³",
    "标立方米": "m³",
    "Nm³": "m³",
    "Nm3": "m³",
    "平方米": "m²",
    "m²": "m²",
    "吨": "t",
    "t": "t",
    "千克": "kg",
    "公斤": "kg",
    "kg": "kg",
    "公里": "km",
    "km": "km",
    "班": "班",
    "批次": "batch",
    "个": "个",
    "批": "batch",
    "人": "人",
    "位": "人",
    "户": "户",
    # (每家药店至少配备1名执业药师: each firm or shop; 每个家庭: each household)
    "家庭": "户",
    "家": "家",
    "次": "次",
    "辆": "辆",
    # (每车配备不少于2具灭火器: each vehicle; not 每车间, a workshop)
    "车": "辆",
    # (每件不少于500克: each item sampled, each parcel)
    "件": "件",
    # (每个项目补助不超过100万元: each project; 每个品种留样量不少于125克: each dish)
    "项目": "项目",
    "品种": "品种",
    # (每车次处…罚款: each trip of a vehicle; 每人次20元: each visit of a person)
    "车次": "车次",
    "人次": "人次",
    "亩": "亩",
    "蒸吨": "蒸吨",
    "座": "座",
    "间": "间",
    "行政村": "村",
    "村": "村",
    # (每个乡镇（街道）设置1个…, 每个社区配备…: each township or community)
    "乡镇": "乡镇",
    "社区": "社区",
    "学校": "所",
    "头": "头",
    # (每株罚款500元, 每棵补植3棵: each tree; 每只犬: each animal; 每套住房: each flat)
    "株": "株",
    "棵": "株",
    "只": "只",
    "套": "套",
    "台": "台",
    "张": "张",
    # (每床至少配备0.4名护士, 每张床位…: each bed, counted as 张)
    "床位": "张",
    "床": "张",
    "所": "所",
    "校": "所",
    "生": "人",
    # (每具遗体减免标准不超过1500元: each body)
    "具": "具",
    # (每发现一处隐患扣2分, 每处设置…: each place or fault found)
    "处": "处",
    # (≤4cfu/皿, ≤5cfu/cm²: colonies per plate, per square centimetre)
    "皿": "皿",
    "cm²": "cm²",
    "cm2": "cm²",
    "平方厘米": "cm²",
    # (每部电梯给予15万元: each lift; 每课时50元: each class hour)
    "部": "部",
    # (每个摊位面积不少于2平方米: each market stall)
    "摊位": "摊位",
    # (每栋楼至少1个, 每幢住宅楼: each building)
    "栋": "栋",
    "幢": "栋",
    "课时": "课时",
    # (每晚至少巡查2次: each night, a day's; 每餐…1名以上: each meal; 每平方公里不少于3座: an area)
    "晚": "day",
    "餐": "餐",
    "平方公里": "km²",
    "平方千米": "km²",
    # (每千瓦时加价0.1元: each kilowatt-hour of power)
    "千瓦时": "kWh",
    "度": "kWh",
}
#: What a rate may be per two of (元/吨·公里, 元/人·公里: freight and passenger transport).
PRODUCTS = {"t·km", "人·km"}
DENOMINATOR = "|".join(sorted(map(re.escape, DENOMINATORS), key=len, reverse=True))
#: What a number is per, written before it (每吨200元, 每小时不超过40公里, 每人不少于4平方米);
#: 每次 is "each time" (每次取样不少于500毫升), no denominator.
_PER_BEFORE = re.compile(
    rf"每\s*(?:个\s*)?(?P<per>{DENOMINATOR})(?<!个)(?<![^车人]次)"
    # (每个乡镇街道联合校, 每个社区卫生服务站: a place of one, each of those)
    r"(?<!乡镇(?=(?:街道)?(?:联合校|中心校|学校|卫生院|敬老院|政府|党委|文化站|派出所)))"
    r"(?<!社区(?=(?:卫生|居委|服务|医院|学校)))"
    r"(?<!部(?=[门分委]))"  # (每部门, 每部分: no lift)
    r"(?<!车(?=[间道位库]))"  # (每车间, 每车道: no vehicle)
    r"(?<!时(?=[段期点刻]))"  # (每个时段不少于2小时: each period of the day, no hour)
)


#: 单 before what an amount is each one's (单台补贴额, 单户最高, 单个项目): as 每 (not 单位, 单价,
#: 单车 a bicycle, 单独).
_EACH_SINGLE = re.compile(
    r"(?<![简清名菜账订保罚表])单\s*(?:个\s*)?(?P<per>户|台|项目|家|座|套|株|头|件|次)"
)


def per_single(words: str) -> str | None:
    """What an amount is each one's when a 单 names it (单台补贴额不超过5万元: each machine's);
    a size is no amount (单台锅炉功率: one boiler's own), so only an amount asks."""
    single = _EACH_SINGLE.search(words)
    return None if single is None else DENOMINATORS[single.group("per")]


#: A number (or a masked one) between a 每 and a bare 每次 after it: another quantity's 每.
_A_NUMBER_BETWEEN = re.compile(r"[\d＿]")


def per_before(words: str) -> str | None:
    """The denominator a 每 names last in ``words`` (the phrase up to a number), as ``Per``;
    生均 and 人均 name a head (生均不低于10元, 人均住房面积低于15平方米)."""
    # The last 每 that names one, tried from the end (no scan of the whole phrase per number: a
    # phrase may list thousands; a match starts at its 每 and holds no other, so the last match
    # of a left-to-right scan is this one)
    at = words.rfind("每")
    each_time = None  # (a bare 每次 after it: 每日不少于2次、每次不少于30分钟)
    while at >= 0:
        found = _PER_BEFORE.match(words, at)
        if found:
            if each_time is not None and _A_NUMBER_BETWEEN.search(words, at, each_time):
                return None  # (each time's, after another number: no period of its own)
            return DENOMINATORS[found.group("per")]
        if words.startswith("每次", at):
            each_time = at
        at = words.rfind("每", 0, at)
    if _SPEED.search(words, max(0, len(words) - 12)):
        return "hour"  # 最高时速不得超过80公里: km an hour (its words end the phrase: read there)
    # (户均 per household, 亩均 per mu: 亩均财政投入不低于1500元)
    at = words.find("均", 1)  # (the first 均 that names one: as a search, with no regex scan)
    while at >= 0:
        average = _PER_HEAD_AVERAGE.match(words, at - 1)
        if average:
            return {"户": "户", "亩": "亩"}.get(average.group("of"), "人")
        at = words.find("均", at + 1)
    return None


#: A phrase of its own that is the step an amount after it goes by (每逾期一日，按…的0.5‰支付违约金;
#: 每超过1小时，加收停车费2元; 每多招用1人，给予补贴1000元): each one, what that amount is per.
#: The steps an amount may go by (每增加1人, 每超过1小时, 每逾期一日, 每吸纳1人): one list.
STEP_WORDS = (
    r"新增|增加|增|多招用|多|超过|超出|超期|超时|减少|少|提高|降低|上调|下调|吸纳|招用|招收|安置|"
    r"聘用|录用|接收|带动|引进|逾期|迟延|延迟|延误|拖延|满|发现|查出|查实"
)
#: Running or working, between 每 and a time (每行驶2小时…检查一次, 每工作2小时休息不少于15分钟):
#: each so long of it.
RUNNING = r"行驶|运行|驾驶|作业|工作"
_A_STEP_ALONE = re.compile(
    rf"每\s*(?:{STEP_WORDS})\s*"
    # (not 个 alone: 每超过1个工作日 goes by working days, no denominator)
    # (each one, or each so many: 每满4小时, 每增加10人, 每逾期三日)
    rf"(?P<n>一|1|\d{{1,4}}|[两二三四五六七八九十]{{1,3}})\s*(?:个\s*)?(?P<per>{DENOMINATOR})(?<!个)"
    # (a phrase of its own, or in the amount's own phrase, a verb after it: 每满一年增发100元;
    # what is found in the step's phrase: 每发现一处隐患未整改，扣减…)
    r"(?:[^，,。；;\d＿每]{0,8}[，,])?[^，,。；;\d＿每]{0,16}$"
)


def per_step_before(words: str) -> tuple[str, Decimal | None] | None:
    """What an amount is per when the words right before it (``words``, a few characters that
    end there) are the step it goes by (每逾期一日，按…的0.5‰: per day; in its own phrase:
    每满一年增发100元), and how many of it make a step when more than one (连续工作每满4小时，
    应安排休息不少于20分钟: per 4 hours)."""
    found = _A_STEP_ALONE.search(words)
    if found is None:
        return None
    many = value_of(found.group("n"))
    return DENOMINATORS[found.group("per")], many if many is not None and many > 1 else None


#: What a denominator counted in its own unit is per (每100户, 每30名游客, 每300米), as ``Per``.
PER_OF_UNIT = {
    "人": "人", "名": "人", "位": "人", "户": "户", "m": "m", "km": "km", "m²": "m²", "亩": "亩",
    "辆": "辆", "台": "台", "张": "张", "座": "座", "间": "间", "所": "所", "个": "个", "t": "t",
}  # fmt: skip
#: 每百户, 每千常住人口, 每万人, 每千张床位, 每百平方米: a count of heads, households, beds or
#: a measure in words, before a number.
_PER_MANY = re.compile(
    r"每\s*(?P<n>十万|百|千|万)\s*(?:名|个|位|张)?\s*"
    r"(?P<what>户|常住人口|服务人口|户籍人口|人口|人|老年人|学生|游客|居民|儿童|职工|床位?|"
    r"平方米|亩|公里|千米|米|吨)"
)
#: What each of those is counted in, as ``Per`` (heads: 人).
_MANY_OF = {"户": "户", "床": "张", "床位": "张", "平方米": "m²", "亩": "亩", "公里": "km"}
_MANY_OF |= {"千米": "km", "米": "m", "吨": "t"}
_MANY = {"百": Decimal(100), "千": Decimal(1000), "万": Decimal(10000), "十万": Decimal(100000)}


def per_many_before(words: str) -> tuple[str, Decimal] | None:
    """The heads or households a 每百…/每千…/每万… names last in ``words``, as (per, count).
    (Read back from its end, 每 by 每: a long list's phrase, asked once per number of it, is not
    read again from its start each time.)"""
    at = len(words)
    while (at := words.rfind("每", 0, at)) >= 0:
        if m := _PER_MANY.match(words, at):
            return _MANY_OF.get(m.group("what"), "人"), _MANY[m.group("n")]
    return None


#: A rate per head and period (每人每月, 每户每年): an amount's, not how often.
PER_HEAD_AND_PERIOD = re.compile(r"每(?:人|户|名|位|个)每(?:日|天|周|月|季度?|年)")
#: An average per head, written before its number (生均, 人均, 户均 is per household).
#: A speed named before its number (时速, 车速…每小时 aside): the distance is per hour.
_SPEED = re.compile(
    # (超过规定时速50%: a share of the limit, no speed)
    r"(?:(?<!规定)时速|(?:车|航|船|行驶)速度?)[^，,。；;\d＿%]{0,8}$"
)
_PER_HEAD_AVERAGE = re.compile(r"(?P<of>生|人|户|亩)均(?!可支配|纯收入|收入|GDP|地区生产总值|消费)")
