"""Whether a number a clause writes is a requirement at all: not a report of what was done
(共确定了3个项目, 同比增长8.2%), a grade's band, a document's own term, a definition, the
purpose a text is made for, whom a task benefits; and the amounts that are a plan's targets or
a task's (全年计划新造林3000亩, 培育100家龙头企业). Pure module (standard library and the wording
tables); ``extraction`` asks it of each number ``numbers`` has read.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import NamedTuple

from checklists.standards.denominators import PER_HEAD_AND_PERIOD, STEP_WORDS, per_before
from checklists.standards.modality import ANY_MODAL
from checklists.standards.number_words import A_FACTOR, A_MODEL, A_WEIGHT, AVERAGED, EXTENDED
from checklists.standards.numbers import phrase_facts
from checklists.standards.numerals import Qty
from checklists.standards.quantities import COUNTED, TIME_UNITS
from checklists.standards.reports import (
    DESCRIPTIVE,
    DID,
    EFFORTS_MADE,
    ESTIMATED,
    FOUND,
    HOW_MANY_NEED,
    LIST_MADE_UP,
    NAMES_LISTED,
    NOT_A_TARGET,
    PHRASE_REPORTS,
    THIS_ROUND,
    WHAT_WAS_DONE,
    WHOM_IT_BENEFITS,
    appoints,
)

#: A sentence that sets targets (全年计划新造林3000亩，绿化道路50公里): its bare amounts are them.
TARGETS = re.compile(
    r"计划|目标|任务|共计|合计|全年|力争|(?<![已经])(?:完成|建成|新增|新建)|"
    r"(?:^|[，,])\s*(?:力争)?到\s*＿{4,}"  # 到2020年，…: what is to be reached by then
)
#: A task's verb, then what it acts on and how many (培育100家龙头企业, 今年改造老旧小区30个,
#: 引进高层次人才50名, 开发公益性岗位500个, 帮扶…就业3000人): the amount is the task's target,
#: as with 新建/新增/完成; not when done
#: already (已改造…, 改造了…) or counted in all (共, 累计). The verb may follow its item's number
#: (4.改造老旧小区120个, （3）实施…项目42个).
_A_TASK_S_AMOUNT = re.compile(
    r"(?:^|[，,：:\s]|(?<=\d)[.．、]|[）)])(?:[^，,。；;\d已共]{0,8}?)(?<![已经])"
    r"(?:改造|培育|创建|引进|培训|打造|淘汰|整治|治理|招聘|招录|培养|扶持|种植|栽植|新造|创成|"
    r"建设|新开工|开工建设|实施|开发|帮扶|安置|吸纳|"
    # (新改建国省道100公里, 改扩建中小学校15所, 续建项目40个, 铺设管网30公里)
    r"改建|扩建|修建|续建|铺设)(?!了)"
    # (a grade's number is no amount: 创建4A级景区2家, 3星级; nor the bound that names which
    # ones: 培育10亿元以上骨干企业10家)
    r"(?:\d+[A-Za-z]*(?:星级|级)|[\d＿.]+\s*[^，,。；;\d＿]{0,3}?及?以[上下]的?|"
    r"[^，,。；;\d已共累计了]){0,16}$"
)
#: Items of the same list before a number (改造老旧小区50个、棚户区3000套: 50个、): the task's
#: verb reaches every item.
_EARLIER_ITEMS = re.compile(r"[\d＿.]+\s*[^\d＿，,。；;、\s]{1,3}、")
#: A clause that names who answers for it (（责任单位：…）, 牵头单位：…): a task, whose bare
#: amounts are its targets.
TASKED = re.compile(r"(?:责任|牵头|主办|承办)(?:单位|部门)\s*[:：]")


#: The measure of a thing a number names (1个最大储罐的容积): a reference compared with.
_A_REFERENCE = re.compile(
    r"[^，,。；;]{0,12}的(?:容积|容量|体积|面积|总和|总量|长度|宽度|高度|重量)"
)
#: A change a share states right before it (下降17%, 减少25%, 提高至50%): a target (with
#: no comparison word, read as equal: ``assumed_equal``, low confidence).
#: ``to``: a change to a level (提高至50%, 费率由1.5%降至1%), not by an amount.
A_CHANGE = re.compile(
    r"(?:(?:下降|降低|减少|增长|提高|提升|增加|压减|压降|削减)(?:了|(?P<to>至|到))?|"
    # (保证金上浮50%, 减免30%: a deposit changed by that much, as written)
    r"(?P<fixed>上浮|下浮|减免|减收|减半)|"
    # (在基准价基础上上下浮动10%: a band around a price, as far as that)
    r"(?P<band>(?:上下)?浮动(?:幅度)?(?:为)?)|"
    r"(?:降|下调|上调|调整|调低|调高|上浮|下浮)(?P<to2>至|到|为))\s*"
    # (提高至合同价款的5%: to a share of a whole)
    r"(?:(?<=[至到为])[^，,。；;\d＿]{1,10}的\s*)?"
    r"(?:\d{1,6}(?:\.\d+)?\s*%?\s*[、和及]\s*){0,6}$"  # (分别下降15%、12%、10%: each of the list)
)
#: What the document hands out (现将…资金…下达给你们).
_HANDED_OUT = re.compile(
    # (本次资金按照因素法分配，其中…权重60%: how this round was shared out, done by the notice)
    rf"[\s＿]*(?:条\s*)?(?:现将[^。；;]*(?:下达|下发|拨付|分配)|{THIS_ROUND})"
)
#: An amount of funds stated with no verb before it (中央补助资金2800万元, 所需经费10万元).
_FUNDS_STATED = re.compile(r"(?:资金|经费|预算|投资|总额|合计|共计|累计)\s*(?:为|是|共|计)?\s*$")
#: The verbs of setting funds aside (安排, 筹措…): before the funds or before their amount.
_SETTING_ASIDE = "安排|筹措|筹集|落实|配套"
#: A verb of setting funds aside or granting them, right before the funds' name (每年安排专项资金
#: 5000万元, 每户给予奖补资金1200元), or of completing an investment (完成固定资产投资…): funds a
#: party is to find or spend, a commitment.
_SETS_ASIDE = re.compile(
    # (not 预算内资金: funds of the budget, a noun)
    rf"(?:{_SETTING_ASIDE}|预算(?!内)|给予|发放)[^，,。；;共累计]{{0,8}}(?:资金|经费)\s*$|"
    # (全年完成固定资产投资350亿元: the investment a task is to complete, its target)
    r"(?<![已经])完成[^，,。；;共累计]{0,8}投资\s*$"
)
#: A verb of setting funds aside right before their amount (县财政每年安排500万元专项资金), and
#: the funds named after it.
_SETS_ASIDE_FIRST = re.compile(rf"(?<![已经])(?:{_SETTING_ASIDE})\s*$")
_FUNDS_AFTER = re.compile(r"\s*的?[^，,。；;\d＿]{0,6}(?:资金|经费)")
#: A verb of paying out right before the amount, a noun between at most (每人每月发放50元,
#: 一次性发给抚恤金1000元); the ones paid in all (共发放…) are a report, read before.
_PAID_OUT = re.compile(
    # (每月发放城市低保金500元、农村低保金300元: each amount of the list handed out)
    r"(?:发放|发给|计发|支付|给予|加发|增发|补发)(?:[^，,。；;\d＿共累计]|[\d.]+\s*[万亿]?元\s*、){0,16}$"
)
#: A fee or price named right before its rate (停车费5元/小时), not an average reported.
_A_FEE_NAMED = re.compile(r"^(?!.*(?:平均|均价)).*(?:费|价格?|租金)\s*$")
#: A price cut a party grants, right before its share (门票实行5折优惠, 享受八折优惠, 打五折).
_A_PRICE_CUT = re.compile(r"(?:(?:实行|执行|享受)[^，,。；;\d＿]{0,4}|给予|打|按照?)\s*$")
#: A term or a size named right before its number with 为 (有效期为五年, 试用期为一年, 处理规模为):
#: the standard it states, in words or in digits.
_STATED_AS = re.compile(
    r"(?:有效期|试用期|见习期|公示期|任期|期限|周期|规模|处理量|处理能力)(?:限|一般)?\s*"
    # (整改期限为自收到整改通知书之日起三个月: from when it runs, then how long)
    r"(?:(?:为|是)\s*(?:自[^，,。；;\d＿]{1,30}?起)?|自[^，,。；;\d＿]{1,30}?起)\s*$"
)
#: Grades a result is sorted into (结果分为优秀、良好、合格、不合格四个等次): bands, no targets.
#: (保管期限分为永久、定期30年和定期10年: the kinds a thing is sorted into, options too)
_GRADES = re.compile(
    r"分为[^。；;]*(?:等次|等级|档次|个档)|期限分为[^。；;]*[、和]|"
    # (受威胁人数在100人以上500人以下的地质灾害险情，为中型地质灾害险情: what grade an event is)
    # (一次死亡3人以上10人以下的事故为较大事故: the same, in one phrase)
    r"(?:[，,]\s*|的[^，,。；;\d＿]{0,12}?)(?:为|属于?|定为|列为)\s*"
    r"(?:特别重大|重大|较大|一般|特大|大型|中型|小型|[ⅠⅡⅢⅣ]+级|"
    r"[一二三四]级)[^，,。；;]{0,16}[。；;]?\s*$"
)


def _sorted_later(sentence: str, phrase: str) -> bool:
    """Whether the grades a result is sorted into (分为…四个等次) are listed only after the
    number's phrase (每月考核一次，考核结果分为优秀、良好…四个等次: how often, then the grades)."""
    at = sentence.find(phrase)
    grades = _GRADES.search(sentence)
    return (
        at >= 0
        and grades is not None
        and "分为" in grades.group(0)[:4]
        and grades.start() >= at + len(phrase)
    )


#: A grade's label opening what defines it (黄色预警：…, （一）Ⅳ级响应：…).
_A_GRADE_LABEL = re.compile(
    r"\s*(?:[（(]?[一二三四五六七八九十\d＿]{1,2}[)）、.．]\s*)?"
    r"(?:红色|橙色|黄色|蓝色|[ⅠⅡⅢⅣ]+级|[一二三四]级|特别重大|重大|较大|一般)"
    r"(?:预警|响应|应急响应|事件|险情|事故)?\s*[:：]"
)
#: A band named after its number (90分以上为优秀, 60分以下的为不合格).
_A_GRADE_AFTER = re.compile(
    # (90分（含）以上为优, 80分（含）至90分为良: a marker, the one-word grades)
    r"\s*分?\s*(?:[（(]不?含[）)])?\s*(?:及?以上|及?以下|以内|之间)?\s*(?:[（(]不?含[）)])?\s*(?:的)?\s*"
    # (AQI日均值在201至300之间为重度污染: a band of air quality)
    r"(?:为|是|评为|定为)\s*[“\"]?(?:(?:轻度|中度|重度|严重)污染|优秀|良好|合格|不合格|基本合格|"
    r"较好|较差|一般|好|差|[A-E]级|[一二三四五]星|(?:优|良|中|差|较差)(?=[，,。；;、）)”\"\s]|$))"
)
#: An amount per head and period right before its number (每人每月100元): a standard paid.
_PER_HEAD_AT_END = re.compile(PER_HEAD_AND_PERIOD.pattern + r"\s*$")
#: A period alone before an amount (每月200元), and a case a sentence opens with (90周岁以上的，).
_EACH_PERIOD_ALONE = re.compile(r"\s*每(?:月|年|季度?|日|天)\s*")
_A_CASE_FIRST = re.compile(r"[^，,。；;]{1,30}的\s*[，,]")
#: A grant the sentence names (给予…补贴, 补助标准): what an amount per head in it is.
_A_GRANT_NAMED = re.compile(r"给予[^，,。；;]{0,20}(?:补贴|补助|奖励|资助|救助)|(?:补贴|补助)标准")
#: What was done in all, right before its number (共开展…检查, 累计完成, 共查处): a report.
_DONE_IN_ALL = re.compile(
    r"(?:共|累计|合计|总计)(?:开展|完成|查处|整改|检查|排查|发放|投入|办理|受理|培训|帮扶|救助|"
    r"处理|销号|淘汰|改造|建成|新增)[^，,。；;\d＿]{0,12}$"
)
#: A change measured against the same time before (同比下降8.2%, 环比增长): a report.
_YEAR_ON_YEAR = re.compile(r"同比|环比|较上年同期|比上年同期")
_LIST_MADE_UP = re.compile(LIST_MADE_UP)  # (共10大类32项: how a list is made up, its size)
#: A year (or part of one) a sentence opens with, told of (2023年，…; 上半年，…; 去年，…).
_A_YEAR_TOLD = re.compile(
    # (2022年全市网约车日均完成订单约45万单，同比增长12.6%: the year, then the whole place)
    r"[\s＿]*(?:＿{4,}年?[度底末]?|去年|上半年|前三季度|一季度|全年)(?:[，,]|(?=全(?:省|市|区|县|镇|乡)"
    + NOT_A_TARGET
    + "))"
)
#: A year the sentence opens with, its words right after it (2019年市级财政安排…).
_A_YEAR_AT_START = re.compile(r"[\s＿]*＿{4,}(?:年度?)?(?![底末前内])")
#: Words of an aim or a forecast (力争, 预计, …左右): a target, never a report.
_AIMED = re.compile(r"力争|确保|争取|目标|预计|计划|左右|以上|不低于|不少于")
#: What a change comes to, opening the sentence (调整后，…; 经调整，…): a result told.
_AFTER_THE_CHANGE = re.compile(r"[\s＿]*(?:调整后|经调整|调整以后|提标后)[，,]")
#: How many there were in all (全县共有…, 共计…, 全市义务教育阶段共有…): told of a year, a report.
_IN_ALL_THERE = re.compile(r"全(?:省|市|区|县|镇|乡)(?:共|[^，,。；;]{0,8}?(?:共有|共计))")
#: The same, or against the year before (比上年增长8.2%, 较上年下降): a result reported.
_MEASURED_AGAINST = re.compile(
    r"同比|环比|[比较]上年(?:同期)?(?:增长|下降|提高|减少|增加|降低|上升)"
)
#: A year's total, opening the sentence (全年共…, 本年度累计…): a report, unless bound.
_A_YEAR_IN_ALL = re.compile(r"[\s＿]*(?:全年|本年度?|当年|上年度?|去年)(?:共|累计)")
#: A word of a bound (不少于, 至少, 以上): a total to reach, no report.
_A_BOUND_WORD = re.compile(r"不(?:少|低|小|多|高|大)于|不超过|至少|最少|最多|至多|以[上下内]")
#: A report's opening: the time it tells of (近年来，…; 今年以来，…; 截至9月底，…).
_A_REPORT_OPENS = re.compile(
    r"[\s＿]*(?:条\s*)?(?:近年来|近几年|近[＿\d一二三四五六七八九十]+年来|去年以来|今年以来|截至|截止到?|过去|"
    # (一年来，全市生态环境质量持续改善，…下降到38微克/立方米: the year past, told of)
    r"(?:[＿一二三四五六七八九十两多]+|几)年来|"
    r"目前|现阶段|" + EFFORTS_MADE + "|"
    # what there is in all (全县共有流域面积50平方公里以上河流23条): a count of what exists
    r"全(?:省|市|区|县|镇|乡)(?:共有|现有)|"
    # what was enforced in all (全市累计查处渣土车违法违规行为2150起，罚款金额达到860万元)
    r"全(?:省|市|区|县|镇|乡)(?:共|累计)(?:查处|检查|排查|出动|办理|受理|处理|发现|立案|处罚|罚没|办结)|"
    # a past year's totals (2023年全县共完成改厕12560户, 2022年以来，…): what was done
    # (not a total to reach: 2025年全市累计完成改造不少于500户)
    r"自?＿{4,5}\s*年?以来|＿{4,5}\s*年?[，,]?\s*全(?:市|县|区|省|镇)[^，,。；;]{0,8}?(?:共|累计)"
    + NOT_A_TARGET
    + r"|"
    # what the place is (我市农村公路总里程达到2.1万公里): not what it will or is to reach
    r"我(?:省|市|县|区|镇|乡)(?![^，,。；;]{0,12}(?:将|力争|计划|争取|确保|要|应|须)))"
)
#: What was done in all (全区共发放…, 累计排查…): a report's amount.
_IN_ALL_DONE = re.compile(
    # (全市累计为4.2万名企业职工发放…, 全年共为…发放: for whom, then what was given)
    r"(?:共|累计)(?:(?:为|向)[^，,。；;]{1,20}?)?"
    r"(?:发放|扶持|完成|实现|新增|投入|安排|建成|帮助|带动|救助|资助|吸纳|设立|设置|建立|组建|"
    # (…支出进度为92.5%，共支出2.8亿元: what was spent in all)
    r"支出|拨付|下达)"
    # (年度累计救助金额最高为3万元: a cap on what is given in all, no report)
    # (2025年全市累计完成改造不少于500户: a total to reach)
    r"(?![^，,。；;]{0,8}(?:最高|最多|不超过|不得超过|限额|封顶|上限|不少于|不低于|至少))"
)
#: A purpose, then the document made for it (为确保…，特制定本方案; 为…，现制定本办法).
_WHY_IT_IS_MADE = re.compile(r"^[\s＿]*为[^。；;]*[，,]\s*(?:特|现)?(?:制定|制订)本")
#: A sentence about the document itself (本办法…, 本通知…), after its numbering.
_OWN_TERM = re.compile(
    r"[\s＿]*(?:(?:第[一二三四五六七八九十百零〇\d]+)?条\s*)?"  # (a masked 第五条, ＿＿条, too)
    # (八、本通告自…起施行: an item's numbering first)
    r"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十＿\d]{1,3}[）)]|[＿\d]{1,2}[.．、])?\s*"
    r"本[^，,。；;《]{0,6}?(?:办法|规定|通知|意见|方案|细则|制度|决定|规则|条例|计划|规划|标准|公告|"
    r"通告|指南|导则)"
)


#: 由 and what a level is per, right before its old value (由每人每月118元提高到…).
_FROM_A_LEVEL = re.compile(r"由(?:每[^，,。；;\d＿每]{1,3})*\s*$")
#: What the level is changed to, right after the old value.
_CHANGED_TO = re.compile(
    r"\s*(?:逐步|逐年|分步|进一步|相应|统一)?(?:提高|降低|调整|上调|下调|增加|减少|提升|调减|调增|调高|调低|降|升|增)(?:到|至|为)"
)
#: A label that the standards after it are listed under (补贴标准：…, 收费标准为：…).
_STANDARDS_LISTED = re.compile(
    # (人员配备：站长1名，…; 每班幼儿人数：小班25人，…: a standard's values listed after it)
    # (每节课时长：小学40分钟，初中45分钟: how long, the same)
    # (质量保修期：屋面防水工程为5年，…: how long each is warranted, the same)
    r"(?:标准|额度|限额|定额|上限|比例|人数|配备|配置|班额|定员|编制|职数|时长|期限|年限|保修期|"
    r"保质期|有效期)(?:分别)?(?:为|是)?\s*[:：]|"
    # (补贴标准按照培训工种确定，其中：初级工每人1000元，…: the standards its items state)
    r"(?:标准|额度|限额|定额)[^。；;：:]{0,30}?[，,]\s*其中\s*[:：，,]?|"
    # (特别困难学生资助标准为每生每年4000元，困难学生为每生每年3000元: the standard goes on)
    r"(?:标准|额度|限额|定额)(?:分别)?(?:为|是)[^，,。；;]{0,20}?[\d＿][^，,。；;]{0,6}[，,]"
    r"[^，,。；;]{1,16}?(?:为|是)[^，,。；;]{0,12}?[\d＿]"
)
#: A numbered case of a list, opening the sentence or after its lead-in's colon (有下列情形之一
#: 的，…：（一）一年内发生2起以上较大事故的；): its number says which cases, no target.
_A_CASE = re.compile(r"(?:^|[：:])\s*[（(][一二三四五六七八九十\d]+[）)][^：:；;]*$")


class _SentenceFacts(NamedTuple):
    own_term: bool
    a_report: bool
    grades: bool
    handed_out: bool
    descriptive: bool
    targets: bool
    all_done: bool
    a_case: bool  # (ends with 的: a case named, no duty)
    listed_case: bool
    standards_listed: bool  # (补贴标准：初级工每人1000元，…: the standards its items state)
    estimated: bool  # (经测算，全年需补助资金约3000万元: what was reckoned, a report)
    defines: bool  # (种粮大户是指耕种面积在50亩以上的农户: a definition, GUIDE 1.5)
    by_a_year: bool  # (到2025年，全县累计建成…: a total to reach by then, no report)
    did: bool  # (贡献了全市60%以上的税收: a verb's 了, what was done)
    why_made: bool  # (为确保…0.5%以内，特制定本方案: the purpose the text is made for)


#: A year a target is to be reached by (到2025年, 力争到2022年底, 至2025年末).
_BY_A_YEAR = re.compile(r"(?<![截＿年\d])(?:到|至)\s*(?:\d{4}+|＿{4,}+)\s*年?+(?!以来|来|的)")


@functools.lru_cache(maxsize=64)
def _sentence_facts(sentence: str) -> _SentenceFacts:
    """What ``worth_keeping`` asks of the whole sentence: read once per sentence, not once per
    number in it."""
    # (到2025年，全县累计建成…35万亩: a total to reach by then, a target, no report)
    by_a_year = _BY_A_YEAR.search(sentence) is not None
    return _SentenceFacts(
        own_term=_OWN_TERM.match(sentence) is not None,
        # (…，完成年度目标的112%: how much was done, a report, its numbers too)
        a_report=_A_REPORT_OPENS.match(sentence) is not None
        or WHAT_WAS_DONE.search(sentence) is not None
        # (经抽查，12家企业未按规定…; 合格率仅为60%，未达到90%的要求: what a bulletin found)
        or FOUND.search(sentence) is not None
        or _LIST_MADE_UP.search(sentence) is not None
        # (高龄津贴发放对象包括：80至89周岁老年人、…: the ones named, a list)
        or NAMES_LISTED.match(sentence.strip()) is not None
        # (2023年，全市新增市场主体5.6万户，同比增长12.3%: measured against the year before,
        # with no modal word: a report of the year's results)
        # (2019年市级财政安排…资金2.3亿元，较上年增长8.6%: the year's figures against the year
        # before, no aim stated)
        or (
            _A_YEAR_AT_START.match(sentence) is not None
            and _MEASURED_AGAINST.search(sentence) is not None
            and not ANY_MODAL.search(sentence)
            and not _AIMED.search(sentence)
        )
        # (调整后，全市月人均基础养老金达到135元: what the change comes to)
        or _AFTER_THE_CHANGE.match(sentence) is not None
        # (全年共为2.3万名…发放…, 本年度共下达…1200万元，资助项目46个: what a year did in all;
        # not 全年共开展检查不少于4次, a bound)
        or (
            _A_YEAR_IN_ALL.match(sentence) is not None
            and not _A_BOUND_WORD.search(sentence)
            and not ANY_MODAL.search(sentence)
        )
        or (
            _A_YEAR_TOLD.match(sentence) is not None
            # (2022年度，全县共有468家社会组织参加年检，年检合格率为95.3%: how many there were;
            # 2024年全市…支出进度为92.5%，共支出2.8亿元: what was done in all)
            and (
                _MEASURED_AGAINST.search(sentence)
                or _IN_ALL_THERE.search(sentence)
                or _IN_ALL_DONE.search(sentence)
            )
            and not ANY_MODAL.search(sentence)
        ),
        grades=_GRADES.search(sentence) is not None
        # (黄色预警：预测日AQI均值＞200将持续2天…时。: when an alert's grade is, no duty)
        or (_A_GRADE_LABEL.match(sentence) is not None and not ANY_MODAL.search(sentence)),
        handed_out=_HANDED_OUT.match(sentence) is not None,
        descriptive=DESCRIPTIVE.search(sentence) is not None and not by_a_year,
        targets=TARGETS.search(sentence) is not None,
        all_done=_IN_ALL_DONE.search(sentence) is not None and not by_a_year,
        a_case=sentence.rstrip(" 。；;，,").endswith("的"),
        listed_case=_A_CASE.search(sentence) is not None,
        standards_listed=_STANDARDS_LISTED.search(sentence) is not None,
        estimated=ESTIMATED.match(sentence) is not None,
        # (…年满40周岁、…的城镇登记失业人员可认定为就业困难人员: who counts as one)
        defines=re.search(r"(?:是|系)指|(?<!由)(?<!应)可(?:以)?(?:认定|视)为", sentence)
        is not None,
        by_a_year=by_a_year,
        did=DID.search(sentence) is not None,
        why_made=_WHY_IT_IS_MADE.search(sentence) is not None,
    )


#: The numbers after one in a list whose last carries the comparison (从教30年、20年、10年以上):
#: tiers, each "or more" (或以下).
_TIERS_AFTER = re.compile(
    r"(?:\s*、\s*\d+(?:\.\d+)?\s*[^\d、，,。；;＿]{0,3}?)*"
    r"\s*、\s*(?P<last>\d+(?:\.\d+)?)\s*[^\d、，,。；;＿]{0,3}?\s*(?P<word>及?以上|及?以下|以内)"
)


def a_higher_tier(q: Qty, following: str) -> bool:
    """A number of a tiered list beyond its last one (30年 of 从教30年、20年、10年以上): a grade
    above the threshold the last number states, no threshold of its own."""
    tiers = _TIERS_AFTER.match(following)
    if tiers is None or q.low is None:
        return False
    last = Decimal(tiers.group("last"))
    return q.low > last if tiers.group("word").endswith("上") else q.low < last


#: A class, then 为, right before its share (一级医疗机构为90%).
_A_CLASS_S_SHARE = re.compile(r"[^，,。；;\d]{1,16}?(?:为|是)\s*")
#: A rate named in a phrase of its own, then the classes before (报销比例，一级…为90%，): what
#: the shares after it are.
_A_RATE_NAMED_FIRST = re.compile(
    r"(?:率|比例|比重|占比)\s*[，,](?:[^，,。；;]{1,16}?(?:为|是)\s*[\d.]+\s*%\s*[，,])*\s*$"
)


#: The number of a share as written (100%, 1:7): what a rate's name comes before.
_SHARE_WRITTEN = re.compile(r"[\d.]+\s*(?:%|[:：∶]\s*\d)")


#: An aside opening right before a number that counts what it follows (第二批（共12家）企业).
_HOW_MANY_ASIDE = re.compile(r"[\u4e00-\u9fff＿][（(]\s*(?:共|计|共计|合计)?\s*$")


def worth_keeping(
    q: Qty,
    kind: str,
    comparator: str | None,
    modality,
    phrase: str,
    sentence: str = "",
    following: str = "",
    tasked: bool = False,
    before: str = "",
) -> bool:
    """Bare descriptive numbers (共确定了3个项目) are not requirements; thresholds and targets
    are. ``before``: the phrase's words before the number."""
    facts = _sentence_facts(sentence)
    # (the words right before the number, for what must end there: one number of a long list
    # scans its own neighbourhood, not the whole phrase again)
    tail = before[-32:]
    if re.search(rf"每(?:{STEP_WORDS})\s*$", tail):
        return False  # 每增加1人增加补贴1000元: the step an amount after it is per, no target
    if comparator is None and _HOW_MANY_ASIDE.search(tail) and re.match(r"\s*[）)]", following):
        return False  # 第二批（共12家）企业…: how many the name before it names, an aside
    if re.match(
        r"\s*(?:(?:之日|的当日|当日)?起|(?:之?后|以后)\s*[\d一二两三四五六七八九十]+\s*个?"
        r"(?:工作日|日|天|月|年|小时)\s*(?:以?内)|"
        # (自出生满3个月或者取得之日起30日内: either day the time starts from)
        r"\s*(?:或者?|、)[^，,。；;\d＿]{1,12}?(?:之日|的当日|当日)起)",
        following,
    ):
        return False  # 在犬只满3个月之日起30日内, 满3个月后30日内: when the time after it starts
    if re.search(r"(?:需|将)[^，,。；;\d＿]{0,20}约\s*$", tail):
        return False  # 全市每月需增加…支出约4.6万元, 将惠及群众约20万人: reckoned, foreseen
    if comparator is None and re.search(r"(?:计为|折算为|折合|视为|记为)\s*$", tail):
        return False  # 一个学时计为1个学分: how one thing is counted in another, no target
    if re.match(r"\s*(?:为)?一个(?:培训|考核|学习)?周期", following):
        return False  # 每5年一个周期内累计培训不少于360学时: the period the sum is over
    if comparator is None and (A_WEIGHT.search(tail) or A_FACTOR.match(following)):
        # 分配资金=（…对象总数×60%+…）×资金总额: how funds are computed, a formula's factor
        return False
    if comparator is None and A_MODEL.match(following):
        return False  # 35kg推车式干粉灭火器不少于1具: the model of the thing counted
    if (
        (comparator is None or re.search(r"最[大小高低]\s*$", tail))
        and q.unit in TIME_UNITS
        and AVERAGED.match(following)
    ):
        # 30分钟均值不得超过20毫克/立方米: the window a value is averaged over (日最大8小时平均
        # 浓度: the window whose most is taken)
        return False
    if (
        comparator is None
        and q.unit in TIME_UNITS
        and re.search(r"\d[^，,。；;（(\d]{0,8}[（(]\s*$", tail)
        and re.match(r"\s*[）)]", following)
    ):
        return False  # ≤4cfu/皿（15分钟）: how long the value before it was sampled
    if _FROM_A_LEVEL.search(tail) and _CHANGED_TO.match(following):
        return False  # 由每人每月118元提高到123元: the level it is changed from, no requirement
    if (
        facts.own_term
        and re.search(r"有效期|施行", phrase)
        # (本办法施行前已取得许可的，自本办法施行之日起6个月内完成整改: a time limit from then)
        and q.after not in ("以内", "之内", "内")
    ):
        return False  # 本办法自…起施行，有效期5年: the document's own term (GUIDE 1.5)
    if facts.why_made:
        return False  # 为确保…控制在0.5%以内，特制定本方案: the purpose it is made for (GUIDE 1.5)
    if modality in (None, "permission") and facts.defines:
        # (…是指可在道路上巡游揽客…以七座及以下乘用车…: its 可 is the definition's)
        return False  # 本办法所称小微企业，是指从业人员100人以下的企业: what a word means
    # (the words near the number only: one number of a long list reads no more than its own)
    near = before[-48:] + following[:32]
    if re.search(
        r"(?<![回还缴])已(?:经)?(?:达到?|实现|超过|突破|逾)\s*$", tail
    ) and not ANY_MODAL.search(near):
        return False  # 全市高新技术企业已达到860家: reached already, a report (GUIDE 1.5)
    if comparator is None and WHOM_IT_BENEFITS.search(tail):
        return False  # 完成10个小区改造，惠及居民3000户: whom it benefits, nothing to check
    if comparator is None and PHRASE_REPORTS.search(near) and not ANY_MODAL.search(near):
        # 全市现有危险化学品企业48家，各县要…; 其中32个部门已完成…，其余部门要…: what there is or
        # was done, a report in its own phrase before the duty
        return False
    if (modality is None and (facts.a_report or facts.did)) or facts.estimated:
        # 近年来，…保持在6万人以上: what was, a report (GUIDE 1.5); 经测算，…需…约3000万元: what
        # was reckoned, its 需 a need, no duty
        return False
    if comparator is None and appoints(sentence):
        return False  # 王某任…副局长，试用期1年: an appointment's term, no requirement
    if comparator is None and HOW_MANY_NEED.match(phrase.strip()):
        return False  # 全市现有…1268家，其中需配套…设施的892家: how many of them need it, a count
    if (facts.grades and not _sorted_later(sentence, phrase)) or _A_GRADE_AFTER.match(following):
        return (
            False  # 分为优秀（90分以上）、良好…四个等次; 90分以上为优秀: a grade's band, no target
        )
    if q.unit == "个" and _A_REFERENCE.match(following):
        return False  # 不应小于罐组内1个最大储罐的容积: compared with a thing's measure, no count
    if (
        comparator is None
        and re.search(r"按照?\s*$", tail)
        and re.match(r"\s*(?:计算|计|算)", following)
    ):
        return False  # (不足1小时的)按1小时计算: how it is counted, no threshold
    if comparator is None and q.unit == "元" and modality is None:
        if facts.handed_out or (
            # (市财政每年安排专项资金5000万元: what a party is to set aside, a commitment)
            _FUNDS_STATED.search(tail)
            # (其中，…省级补助资金0.4亿元，市县配套资金0.2亿元: a breakdown names the funds)
            and (not _SETS_ASIDE.search(tail) or re.match(r"\s*其中\s*[，,：:]", sentence))
        ):
            # 现将…补助资金3500万元下达给你们; 其中，中央补助资金2800万元: what the document
            # hands out, an amount stated, no standard to meet
            return False
    if comparator is None and modality is None and facts.handed_out and q.unit == "%":
        return False  # 本次资金按照因素法分配，其中…权重60%: the notice's own sharing out
    a_case = modality is None and facts.a_case
    if a_case and (comparator is None or kind == "deadline" or facts.listed_case):
        # (二)全年发生2起…事故的；, (三)一年内发生…的；: a case a list of cases names, no target
        # and no time to do anything in
        return False
    if (
        comparator is None
        and modality is None
        and _DONE_IN_ALL.search(tail)
        and not facts.by_a_year
    ):
        # 全年共开展消防安全检查2.3万次: what was done in all, a report (到2025年，累计建成…:
        # a total to reach by then)
        return False
    if kind in ("deadline", "frequency", "retention", "cap"):
        return True
    if comparator is None and a_higher_tier(q, following[:64]):
        return False  # 从教30年、20年、10年以上: 30年 a tier above the threshold, 10年以上
    if (
        comparator is None
        and q.unit in TIME_UNITS
        and re.match(r"\s*(?:来|以来|间|工作)", following)
    ):
        return False  # 对3年工作进行总结, 5年来: a span of time talked about, no threshold
    if comparator is not None:
        return True
    if (
        q.unit not in TIME_UNITS
        and A_CHANGE.search(tail)
        and not facts.descriptive
        and not _YEAR_ON_YEAR.search(before)
    ):
        return True  # 能耗比2015年下降17%, 重污染天数减少25%: a change to reach, a target
    if q.unit == "份" and "一式" in phrase:
        return True  # 一式三份: how many copies, written in words
    if (
        q.unit == "%"
        # (本次抽查合格率为92.5%，较上年提高…: a rate reported, GUIDE 1.5)
        and not (facts.descriptive and modality is None)
        and re.search(
            # (比例分别为85%、90%; a factor's weight in an allocation: 权重为40%; of a base:
            # 个人缴费比例为本人缴费工资的8%)
            r"(?:率|比例|权重|比重|占比|(?<![同环对相])比)\s*(?:分别)?\s*(?:为|是|保持|稳定在?)?"
            r"(?:(?<=[为是])[^，,。；;\d＿]{1,16}的)?\s*$",
            # (保教人员与幼儿比例为1:7: a ratio, read as a share, its first term's number)
            _SHARE_WRITTEN.split(phrase, maxsplit=1)[0],
        )
    ):
        return True  # 安装率 100%: a rate's target
    if (
        q.unit == "%"
        and not (facts.descriptive and modality is None)
        and _A_CLASS_S_SHARE.fullmatch(before)
        and phrase in sentence
        and _A_RATE_NAMED_FIRST.search(sentence, 0, sentence.find(phrase))
    ):
        return True  # 报销比例，一级医疗机构为90%，二级…为75%: the rate's own for each class
    if not q.arabic and not (
        (q.unit == "元" and q.low >= 10)  # 处二千元罚款, 奖励五十万元: an amount in words
        # (每个村配备一名网格员: so many for each, a standard written in words)
        or (q.unit in COUNTED and per_before(before) is not None)
        or (q.unit == "%" and _A_PRICE_CUT.search(tail))  # 享受八折优惠: a price cut granted
        or _STATED_AS.search(tail)  # 有效期为五年, 试用期为一年: a term stated
        # (经批准，可以延长十日: a time limit extended by so much, at most)
        or (q.unit in TIME_UNITS and EXTENDED.search(tail) is not None)
        or (q.unit == "倍" and tail.rstrip().endswith("的"))  # 商品价款的三倍: a base's multiple
        or (q.unit == "倍" and following.lstrip().startswith("的"))  # 支付二倍的工资: the same
    ):
        return False  # 二次扬尘, 六家企业: words, not thresholds
    if modality is not None:
        return True
    if (
        q.unit not in TIME_UNITS
        and (tasked or facts.targets or _A_TASK_S_AMOUNT.search(_EARLIER_ITEMS.sub("", tail)))
        and not facts.descriptive
        and not facts.a_case  # (一)…发生2起事故的: a case, no target
    ):
        return True
    if facts.all_done:
        return False  # 全区共发放稳岗补贴800万元: an amount reported, no standard to meet
    return bool(
        phrase_facts(phrase).names_a_standard
        # (每公里2.3元, 每立方米3.2元: a price per unit of what is sold; 每2小时1元, 首小时5元,
        # 首2小时5元: per so many units, for the first; 2小时以内5元: for so much at most)
        or (q.unit == "元" and _A_PRICE_S_UNIT.search(tail) is not None)
        # (市财政每年安排专项资金5000万元: funds a party is to set aside)
        or _SETS_ASIDE.search(tail)
        # (县财政每年安排500万元专项资金: the same, the amount before the funds)
        or (_SETS_ASIDE_FIRST.search(tail) and _FUNDS_AFTER.match(following) is not None)
        # (推动100家规模以上工业企业实施智能化改造: how many a task is to move, a target)
        or (q.unit in COUNTED and re.search(r"(?:推动|推进|引导|培育|扶持|带动|引进)\s*$", tail))
        # (未按时报送的，每次扣2分; 加5分: points a scoring rule takes or gives, a sanction's)
        or (q.unit == "分" and re.search(r"(?:扣|扣除|减|加|奖励|另加)\s*$", tail) is not None)
        # (第一批下达60%: the share of funds handed down in a batch, a schedule to keep; 由统筹
        # 基金支付85%: the share a fund pays)
        or (q.unit == "%" and re.search(r"(?:下达|拨付|预拨|拨付到位|支付|报销)\s*$", tail))
        # (90周岁至99周岁的，每人每月100元: an amount per head and period, a standard paid)
        or (q.unit == "元" and _PER_HEAD_AT_END.search(tail) is not None)
        # (给予职业培训补贴，初级工每人1000元，中级工每人1500元: the grant's amount for each)
        or (q.unit == "元" and tail.endswith("每人") and _A_GRANT_NAMED.search(sentence))
        # (每人每月发放50元, 一次性发给…1000元: an amount handed out to each, a standard paid)
        or (q.unit == "元" and _PAID_OUT.search(tail) is not None)
        # (…；90周岁以上的，每月200元: a case, then the amount each period it is paid)
        or (
            q.unit == "元"
            and _EACH_PERIOD_ALONE.fullmatch(before)
            and _A_CASE_FIRST.match(sentence)
        )
        or facts.standards_listed
        # (停车费5元/小时: a fee named, then its rate; not 平均房价, a figure reported)
        or (q.unit == "元" and q.per is not None and _A_FEE_NAMED.search(tail) is not None)
        # (门票实行5折优惠: as 享受八折优惠 in words above)
        or (q.unit == "%" and _A_PRICE_CUT.search(tail) is not None)
    )


#: What a price is for, right before it: each unit of what is sold (每公里, 每2小时, 每半小时), and
#: each period of it (每平方米每采暖期), the first (首小时, 首2小时) or so much at most (2小时以内).
_A_PRICE_S_UNIT = re.compile(
    r"(?:(?:每|首)\s*(?:(?:\d{1,4}(?:\.\d+)?|半)\s*个?\s*)?"
    r"(?:公里|千米|立方米|吨|千瓦时|度|小时|分钟|平方米|亩|人次|车次|辆|件|份|次)"
    r"(?:\s*每\s*(?:月|年|季度?|日|天|采暖期|供暖期|供热期))?|"
    r"\d{1,4}(?:\.\d+)?\s*个?\s*(?:公里|千米|小时|分钟)\s*(?:以内|之内|内))\s*$"
)
