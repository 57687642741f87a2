"""Numbers in clause text: the wording tables (units, rate denominators, periods), the masks
that blank out what looks like a number but sets no requirement (dates, 文号, standard numbers,
article numbers, phone numbers), and the reader of every number with its unit and the
comparison written after it (``quantities``; shares of a whole are ``shares``'s, a number as
written ``numerals``'s). Pure module (standard library and the comparator table);
``extraction`` reads requirements with it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from checklists.standards.comparators import comparator_after, with_marker
from checklists.standards.denominators import DENOMINATOR, DENOMINATORS, PRODUCTS
from checklists.standards.due_dates import ON_THE_MONTHS_DAY
from checklists.standards.duties import without_asides
from checklists.standards.numerals import MAGNITUDE, NUM, Qty, clean, value_of
from checklists.standards.ratios import unnamed_blanked
from checklists.standards.shares import shares

# ---------------------------------------------------------------------------------------------
# Wording tables
# ---------------------------------------------------------------------------------------------

# Full-width ASCII → half-width, one character for one so offsets stay valid.
_HALF = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_HALF[0x3000] = 0x20

#: Counting words, each with what must not follow it for it to count (人民, 具有, 组织, 瓶装;
#: 起 only before 以上 or an incident: 之日起 is no count), longest first where one holds another.
_COUNTING: list[tuple[str, str]] = [
    # (每日清运不少于2车次, 每日发车不少于10班次: trips made)
    ("人次", ""), ("家次", ""), ("车次", ""), ("班次", ""), ("辆", ""), ("名", ""),
    ("人", "(?!民|员|口|力|才|大|群|身|次)"),
    ("条", ""), ("例", ""), ("户", ""), ("家", ""), ("项", ""), ("份", ""), ("台", ""), ("套", ""),
    ("件", ""),
    ("座", ""), ("所", ""), ("处", ""), ("批次", ""), ("批", ""), ("篇", ""), ("届", ""),
    ("株", ""),
    ("棵", ""), ("本", "(?![级单地区市县])"), ("册", ""), ("场", "(?![所地])"), ("轮", ""),
    ("张", ""), ("间", ""), ("部", "(?![门分])"), ("头", ""), ("只", ""), ("具", "(?![有备体])"),
    ("盏", ""), ("学时", ""), ("课时", ""), ("学分", ""), ("组", "(?![织成建长员])"),
    # (教师每周课时量不少于12节, 每天2节体育课: class periods; not 节日, 节约, 节能, 节点)
    ("节", "(?![日约能水电点假庆气令奏])"),
    ("瓶", "(?![装颈子])"),
    # (篇幅一般不超过5000字: a length in characters; not 十字路口, 文号's 字)
    ("字", "(?![号路架形句])"),
    ("罐", "(?![区车体装])"), ("桶", "(?!装)"), ("袋", "(?!装)"), ("层", "(?![级面次])"),
    # (烟花爆竹不得超过1箱; not 箱体, 箱式, 箱内)
    ("箱", "(?![体式型内外底子])"),
    # (帐篷200顶, 棉被1000床, 救生衣500件, 冲锋舟10艘, 发电机5台: supplies counted)
    ("顶", "(?![层部端])"), ("床", "(?![位上头铺])"), ("艘", ""), ("架", "(?![构设空])"),
    ("把", "(?![关握控手])"),
    # (排名进入全省前10位, 跻身全国前50强: a rank; not 位置, 位于, 位列, 位次)
    ("位", "(?![置于列次居数])"),
    # (only after 前: 瞄准世界行业100强企业 names a group, no rank to reach)
    ("强", r"(?:(?<=前\d强)|(?<=前\d\d强)|(?<=前\d\d\d强))"),
    # (培训不少于4期, not 期间, 期限, 期满)
    ("期", "(?![间限满末内中初货望待])"),
    # (灭火毯5块, 接地极2根, 监测井3眼)
    ("块", "(?![钱状面])"), ("根", "(?![据本源系治])"), ("眼", "(?![睛前光镜下])"),
    # points of a score (得分低于80分; in digits only: 十分 is "very")
    ("分", "(?![钟之类别期批局级项配析布工管解散担包段摊享拨为成组数值制区队店公厂所站中行])"),
    ("起", "(?=\\s*(?:及?以上|以下|或以上|[^，,。；;]{0,8}事故|事件|案件))"),
    # (风力6级以上, 4级以上大风: a grade counted in digits; not 级别)
    # (not 市、县两级财政, 县乡两级要…: the levels of government named)
    ("级", "(?![别次]|财政|政府|人民|党|联动|书记|[河湖林田]长|要|应|须|负责|共同)"),
]  # fmt: skip
_UNITS: list[tuple[str, str, Decimal]] = [
    # (wording, unit, multiplier); longer wordings first
    (r"个工作日|工作日", "working_day", Decimal(1)),
    # (补水时间不宜超过48h, 24h内: an hour in its symbol)
    (r"个小时|小时|h(?![a-zA-Z])", "hour", Decimal(1)),
    (r"分钟|min(?![a-zA-Z])", "minute", Decimal(1)),
    (r"秒钟|秒", "second", Decimal(1)),
    (r"个月", "month", Decimal(1)),
    (r"周岁|岁", "age_year", Decimal(1)),
    # (三至六年级学生: the pupils of those school years, as ages name people)
    (r"年级", "年级", Decimal(1)),
    # (标准立方米, Nm³: a volume at standard conditions, how emission limits are written)
    (r"标准立方米|标立方米|立方米|N?m³|N?m3", "m³", Decimal(1)),
    (r"平方米|平米|㎡|m²|m2", "m²", Decimal(1)),
    (r"平方公里|平方千米|km²", "km²", Decimal(1)),
    (r"厘米|cm", "cm", Decimal(1)),
    (r"毫米|mm", "mm", Decimal(1)),
    (r"千米|公里|km", "km", Decimal(1)),
    (r"米|m(?![a-zA-Z²2])", "m", Decimal(1)),
    (r"公顷", "公顷", Decimal(1)),
    (r"亩", "亩", Decimal(1)),
    (r"蒸吨", "蒸吨", Decimal(1)),
    (r"万吨标准煤|万吨标煤", "tce", Decimal(10000)),
    (r"吨标准煤|吨标煤|tce", "tce", Decimal(1)),
    # (单位产品综合能耗不高于300千克标准煤/吨: a kilogram of standard coal, in tce)
    (r"千克标准煤|公斤标准煤|千克标煤|kgce", "tce", Decimal("0.001")),
    (r"万吨", "t", Decimal(10000)),
    (r"吨|t(?![a-zA-Z])", "t", Decimal(1)),
    (r"公斤|千克|kg", "kg", Decimal(1)),
    # (粮食总产稳定在50亿斤以上: a jin, half a kilogram)
    (r"斤", "kg", Decimal("0.5")),
    (r"毫克|mg", "mg", Decimal(1)),
    (r"微克|μg|ug", "μg", Decimal(1)),
    (r"克|g(?![a-zA-Z])", "g", Decimal(1)),
    (r"千瓦时|kWh", "kWh", Decimal(1)),
    # heat (a coal's calorific value: 5000大卡/千克, 21MJ/kg)
    (r"大卡|千卡|kcal", "kcal", Decimal(1)),
    (r"兆焦(?:耳)?|MJ", "MJ", Decimal(1)),
    (r"吉焦(?:耳)?|GJ", "GJ", Decimal(1)),  # (供热量不低于50GJ/h: heat supplied)
    # (牛 alone only before what it is per: 500牛/个, not 500头牛)
    (r"千牛(?:顿)?|kN(?![a-zA-Z])", "N", Decimal(1000)),
    (r"牛顿|牛(?=\s*[/／每]|$)|N(?![a-zA-Z])", "N", Decimal(1)),
    (r"千瓦|kW(?![a-zA-Z])", "kW", Decimal(1)),
    (r"马力", "马力", Decimal(1)),  # (200马力以上拖拉机: an engine's power as its class is named)
    (r"兆瓦|MW(?![a-zA-Z])", "MW", Decimal(1)),
    (r"千伏安|kVA(?![a-zA-Z])", "kVA", Decimal(1)),  # (变压器容量不小于630kVA: apparent power)
    (r"千伏|kV(?![a-zA-Z])", "kV", Decimal(1)),
    (r"伏特|伏(?![天季期旱汛击案笔])|V(?![a-zA-Z])", "V", Decimal(1)),
    (r"瓦特|瓦(?![斯片房])|W(?![a-zA-Z])", "W", Decimal(1)),
    (r"欧姆|Ω", "Ω", Decimal(1)),
    (r"赫兹|Hz", "Hz", Decimal(1)),
    (r"NTU|散射浊度单位", "NTU", Decimal(1)),  # turbidity (浑浊度不超过1NTU)
    (r"CFU|cfu|菌落形成单位", "CFU", Decimal(1)),  # colonies (菌落总数不超过100CFU/mL)
    (r"贝可(?:勒尔)?|Bq", "Bq", Decimal(1)),  # activity (总放射性不超过1Bq/L)
    (r"兆帕|MPa", "MPa", Decimal(1)),
    (r"千帕|kPa", "kPa", Decimal(1)),
    (r"毫升|mL|ml(?![a-zA-Z])", "mL", Decimal(1)),
    (r"升|L(?![a-zA-Z])", "L", Decimal(1)),
    (r"摄氏度|℃|°C", "℃", Decimal(1)),
    (r"度电", "kWh", Decimal(1)),  # (每户每月50度电: kilowatt-hours)
    # (抗震设防烈度不低于7度, 坡度不大于15度: a grade or an angle, as written; not 度假, 度汛)
    (r"度(?![假汛过日夏冬量数])", "度", Decimal(1)),
    (r"分贝|dB(?:\s*[(（]\s*A\s*[)）])?", "dB", Decimal(1)),
    (r"勒克斯|lx(?![a-zA-Z])", "lx", Decimal(1)),
    # (亮度不得超过每平方米300坎德拉, 300cd/m²: a luminance, candela per square metre)
    (r"坎德拉|cd(?![a-zA-Z])", "cd", Decimal(1)),
    # (出口额在500万美元以下: a foreign currency, its own unit, never converted to 元)
    (r"亿美元", "美元", Decimal(100000000)),
    (r"万美元", "美元", Decimal(10000)),
    (r"美元", "美元", Decimal(1)),
    (r"亿元", "元", Decimal(100000000)),
    (r"万元", "元", Decimal(10000)),
    (r"元", "元", Decimal(1)),
    (r"%|％|个百分点|百分点", "%", Decimal(1)),  # 上浮1—2个百分点: points of a percentage
    (r"‰", "‰", Decimal(1)),
    # (门票实行5折优惠, 按8.5折收取: a price cut to so many tenths of itself, 50 %, 85 %)
    (r"折(?![合旧叠算射扣痕])", "%", Decimal(10)),
    (r"日|天", "day", Decimal(1)),
    (r"周|星期", "week", Decimal(1)),
    (r"年(?!度|底|初|末|中|龄|级|代|份|内容)", "year", Decimal(1)),
    (r"倍", "倍", Decimal(1)),
    (r"次(?!性|要|日|月|年)", "次", Decimal(1)),
    ("|".join(word + guard for word, guard in _COUNTING), "", Decimal(1)),
    # terms of office counted (连续任教超过两个聘期): the term is the unit, not 个
    (r"个批次", "批次", Decimal(1)),  # (每日抽检不少于30个批次: batches sampled)
    (r"个?聘期", "聘期", Decimal(1)),
    (r"个?任期", "任期", Decimal(1)),
    (r"个(?!人|体|别|性)", "个", Decimal(1)),
]
#: Counting words (a number of things, not a measure): the unit is the word itself.
COUNTERS = frozenset(word for word, _guard in _COUNTING)
#: Every unit that is counted, a whole number: the counting words, 个 and 次.
COUNTED = COUNTERS | {"个", "次", "聘期", "任期"}
_UNIT_RE = re.compile("|".join(f"(?:{w})" for w, _, _ in _UNITS))
TIME_UNITS = {"working_day", "day", "hour", "minute", "second", "month", "year", "week"}
#: Units a quantity is measured in (米, 吨, 蒸吨, ℃, 勒克斯 …): every unit of the table but the
#: times, ages, money, shares and the words that count (次, 个, 倍, 辆 …).
MEASURES = frozenset(u for _, u, _ in _UNITS if u) - TIME_UNITS - {
    "age_year", "年级", "元", "美元", "%", "‰", "次", "个", "倍", "聘期", "任期"
}  # fmt: skip
#: A period's amount named by its first character (日配送能力, 日均客流量, 年经营规模, 年用煤量,
#: 月工资, 年收入; not the whole a share or a multiple is of: 日销售量的3至5倍; not a count of
#: periods: 3个月工资).
_AMOUNT_OF = (
    # (月最低工资标准: a month's, its floor)
    # (景区日最大承载量: a day's most)
    r"(?<![今去明当本前后上下每次作假生节周个\d一二三四五六七八九十百千两]){}(?=(?:最低|最高|最大|最小)?(?:(?:生|人|户)?均|平均|(?:配送|处理|供应|生产|销售|经营|用煤|用气|用水|用电|供水|供气|供热|供电|排水|转运|收运|清运|焚烧|"
    r"吞吐|接待|承载|运输|储存|产|出)(?:能力|量|总量|规模)(?!的)|"
    r"营业额|营业收入|销售额|销售收入|主营业务收入|产值|综合能耗|能耗|(?:综合)?能源消费量|排放量|"
    r"工资|薪酬|收入|租金|津贴|生活费|"
    # (单车年运行维护费不超过2.5万元: a year's running costs)
    r"(?:运行维护|维护|运维|运行|管理|办公)(?:费用|经费|费)))"
)
#: One period right before how many times (一年一次, 一月两次, 一季度一次): each period, as 每.
#: A payment or a report made by the period (按月发放, 按季度预拨, 按年缴纳): each period, as 每.
_PAID_BY = (
    r"(?=\s*(?:向[^，,。；;\d]{1,16}?)?(?:足额)?(?:发放|发给|计发|支付|拨付|预拨|缴纳|缴存|报送|上报|"
    r"报告|通报|结算|兑付|考核|记录|统计|调度))"
)
#: The verb between one period and how many times (一年开展两次评估, 一季度召开一次).
_VERB_OF_TIMES = r"(?:至少|开展|组织|进行|召开|举办|实施)"
_ONE_BEFORE_TIMES = (
    r"(?<![\d一二三四五六七八九十两半每第上下前后近])一(?:个)?{}"
    # (一年开展两次评估, 一季度召开一次: the verb between, as 每年开展两次)
    r"(?=\s*" + _VERB_OF_TIMES + r"?\s*[一二两三四五六七八九十\d]+\s*次)"
)
#: A charge running by the day (按日加收万分之五, 按日计收滞纳金): per day, a sanction's rate.
CHARGED_BY_THE_DAY = r"按[日天](?=\s*(?:加收|收取|计收|计息))"
PERIODS = [
    # (日配送能力, 日均客流量: a day's amount; 年经营规模: a year's)
    (
        # (按日加收万分之五: a charge per day)
        r"每个?工作日|每日|每天|"
        + CHARGED_BY_THE_DAY
        + "|按日"
        + _PAID_BY
        + "|"
        + _AMOUNT_OF.format("日")
        + "|"
        + _ONE_BEFORE_TIMES.format("[日天]"),
        "day",
    ),
    (r"每周|每星期|" + _ONE_BEFORE_TIMES.format("周"), "week"),
    (r"每旬", "ten_days"),  # (每旬消毒一次: a third of a month)
    (r"每半个?月", "half_month"),
    (
        r"每个?月|(?:按|逐)月"
        + _PAID_BY
        + "|"
        + _AMOUNT_OF.format("月")
        + "|"
        + _ONE_BEFORE_TIMES.format("月"),
        "month",
    ),
    (
        # (一季度召开一次…: the first quarter, a verb after it; 一季度一次 is each quarter)
        # (同一企业一个季度内被投诉3次以上的: counted within one quarter, named as such)
        r"每个?季度|每季|一个(?:自然)?季度(?:内|中)|同一(?:个)?季度内|(?:按|逐)季度?"
        + _PAID_BY
        + "|"
        + _ONE_BEFORE_TIMES.format(r"季度?(?!\s*" + _VERB_OF_TIMES + ")"),
        "quarter",
    ),
    (
        r"每半年|每个?学期|(?<![每上下前后近])半年(?=\s*[一两二\d]\s*次)",
        "half_year",
    ),  # (a school term: half of its year)
    # (年内: within the year; 两年内, 3年内 are windows, not the year; 年内完成…45处: by the
    # year's end, a deadline, due_dates.py)
    (
        # (完成全年…任务的50%: the year's task, a share of it, no period; 全年保持在70%以上:
        # throughout the year)
        r"每(?:个)?(?:学|自然)?年度?|(?<!完成)全年(?!保持|均保持|稳定)|按年度?" + _PAID_BY + "|"
        r"(?<![\d一二三四五六七八九十两百几多])年内(?!完成|全部|全面|基本|实现|建成|达到)|"
        + _ONE_BEFORE_TIMES.format("年")
        + "|"
        # 同一年度内被抽查…不超过1次: counted within one year
        r"同一(?:个)?(?:自然)?年度?内|" + _AMOUNT_OF.format("年") + "|"
        # 在一个自然年度内被抽查不超过2次: counted within one year, named as such
        r"一个(?:自然|考核|日历)?年度(?:内|中)|一个(?:自然|日历)年(?:内|中)|"
        # 年度最高救助限额为2万元, 年度累计不超过…: a year's cap (not 上年度, 年度考核)
        r"(?<![上下本今去明前后同每当该\d一二三四五六七八九十])年度(?=最高|最低|累计|救助|补助|补贴|"
        # (单个主体年度贴息额不超过10万元, 年度奖励总额: a year's interest subsidy, award)
        r"贴息|奖励|限额|总额|封顶)",
        "year",
    ),
    (r"每批次?", "batch"),
]
PERIOD_NAMES = {
    "day", "week", "ten_days", "half_month", "month", "quarter", "half_year", "year", "batch"
}  # fmt: skip
RETENTION = re.compile(r"保存|留存|保管|存档|保留|备查|存留")
_SLOGAN_OK = True  # 管行业必须管安全 stays a mandatory_strong presence with no number

# ---------------------------------------------------------------------------------------------
# Masking: things that look like numbers but are not requirements
# ---------------------------------------------------------------------------------------------

_MASKS = [
    # a document's list of its annexes (附件：1.检查表 / 2.整改台账), or an annex's heading and
    # title (附件2 / 隐患整改台账): titles, no duty or number
    re.compile(
        r"(?m)^[ \t　]*附件\s*(?:[:：][^\n]*(?:\n[ \t　]*\d{1,2}\s*[.．、][^\n。；;，,]{2,40}$)*|"
        r"[\d一二三四五六七八九十]{0,2}\s*\n[^\n。；;，,：:]{2,40}$)"
    ),
    re.compile(r"(?:19|20)\d{2}\s*[-—–~～至到]\s*(?:19|20)?\d{2}\s*年"),  # 2015-2020年
    re.compile(r"[A-Z]{1,4}(?:/[A-Z])?\s*\d+(?:\.\d+)?\s*[-—–]\s*(?:19|20)\d{2}"),  # GB3095-2012
    re.compile(
        r"[\u4e00-\u9fff]{1,12}\s*[〔\[【［(（﹝]\s*(?:19|20)\d{2}\s*[〕\]】］)）﹞]\s*\d+\s*号"
    ),
    re.compile(r"令\s*第\s*\d+\s*号"),
    # a pollutant's name with its subscript (PM2.5年均浓度, SO_2, PM_{10}, O3): no number of years
    re.compile(r"(?<![A-Za-z])(?:PM|SO|NO|CO|NH|CH|O)\s*_?\{?\d+(?:\.\d+)?\}?(?![\d.])"),
    # an annex, table or figure by its number (按照附件2所列, 见表3): a reference, no count
    re.compile(
        r"(?:附件|附表|附录|(?<![代发列报])表|图)\s*\d+(?:\s*[-—.．]\s*\d+)?(?=\s*[所中的、和及与）)，,。；;\s]|$)"
    ),
    re.compile(r"一次(?=或者?(?:分|多)次)"),  # 一次或分次送达: at once or in parts, no count
    # an amendment's words replaced (第二十条中的“处1000元…罚款”修改为“…”): no rule any more
    re.compile(r"“[^“”\n]{1,80}”(?=\s*(?:修改为|改为|修改成|替换为|调整为))"),
    # what an amendment adds or takes out (增加一条，作为第十三条; 删去一款): no count
    re.compile(
        r"(?:增加|增写|删去|删除)[一二三四五六七八九十两\d]+(?:条|款|项|章|节)(?=\s*[，,：:。；;]|\s*作为)"
    ),
    # a calendar rule's day (次月5日前, 每季度第一个月的20日前), whole: before 第…个 below
    re.compile(
        r"(?:次月|当月|本月|下月|每月|每年|每个?季度的?(?:第[一二三四]个月|首月|末月|最后一个月)的?|"
        r"每个?季度?末)\s*\d{1,2}\s*[日号]"
        r"(?:前|之前)"
    ),
    # …and the same after "no later than" (不迟于次月10日, 最迟不得超过次月15日): a date
    re.compile(
        r"(?<=不迟于|不晚于|得迟于|得晚于|应迟于|应晚于|最迟于|最晚于|不超过|得超过)\s*"
        r"(?:次月|下月|每个?月的?|当月|本月|每年的?|当年)\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号]"
    ),
    # a chapter's number (第三章): its word stays, so that its heading is known as one; an
    # article's (第八条 资金发放。) at the clause's start, so that its heading is known as one
    re.compile(
        r"第\s*[\d一二三四五六七八九十百零〇两]+\s*(?=[章节编](?![\u4e00-\u9fff]{0,2}[的是])|阶段)|"
        r"^\s*第\s*[\d一二三四五六七八九十百零〇两]+(?=条[\s　])"
    ),
    re.compile(
        # (第5.2条: a standard's numbered article, its parts after a point)
        r"第\s*[\d一二三四五六七八九十百零〇两]+(?:\.\d+)*\s*(?:条|款|项|章|节|届|次|批|期|位|名|个|页|号|季度|年|轮|类|阶段|部分)"
    ),
    re.compile(r"(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?"),  # dates
    # (a date in Chinese numerals: 二〇二三年十二月底前, 二〇二五年)
    re.compile(
        r"[〇○零一二三四五六七八九]{4}\s*年(?:\s*[一二三四五六七八九十]{1,2}\s*月(?:\s*[一二三四五六七八九十]{1,3}\s*日)?)?"
    ),
    re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*[日号](?:\s*[-—至]\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日)?"),
    re.compile(r"\d{1,2}\s*月(?:份|底|初|末|中旬|上旬|下旬)"),
    # this (or next) year's or month's end: 今年底前, 本月底前 (dates, no conditions)
    re.compile(r"(?:今|本|当|明)年(?:年)?(?:底|末)|(?:本|当|下)月(?:底|末)"),
    # (每月的5日前, 第一个月的20日前: a day of the month; not 举行听证的7日前, days before it)
    re.compile(r"月份?\s*的?\s*\d{1,2}\s*日(?:前|之前)"),
    re.compile(r"最后一个工作日"),  # 每月最后一个工作日前: a day of the calendar, no count
    # (…, and a day of each month named: 每月5日为安全检查日)
    re.compile(ON_THE_MONTHS_DAY + r"|每个?月的?\s*\d{1,2}\s*[日号](?=\s*为)"),
    # the year before (上一年总收入的70%, 前一年度): which year, no number of years
    re.compile(r"(?<=[上下])一(?:个)?(?:年度?|季度|月)"),
    re.compile(r"\d{3,4}\s*-\s*\d{7,8}"),  # telephone numbers
    re.compile(r"\$[^$]*\$"),  # LaTeX such as $200 < AQI \leq 500$
    # (达到一级A标准: a discharge standard's grade and class, its name, whatever is before it)
    re.compile(r"[一二三四五六七八九十]{1,2}级\s*[A-Da-d](?=\s*(?:标准|排放|限值))"),
    # IV级 style grades written in Chinese (一级响应), not one compared (四级以上, 超过六级)
    re.compile(
        r"(?<!超过|达到|低于|高于|大于|小于|不足|不到|多于|少于)"
        r"[一二三四五六七八九十]{1,2}[级类档](?!\s*(?:及|或)?(?:以上|以下))"
    ),
    # the tiers one may choose from (缴费标准设为每年100元、200元…2000元12个档次): options, not
    # a requirement each (a payer of 200元 meets no "= 100元")
    # (tried from a list's first number only, the list read once and never given back: a long
    # run of digits or of numbers and commas is read in linear time)
    re.compile(
        r"(?<![\d.、，,\s])(?>(?:\d+(?:\.\d+)?\s*(?:万?元|[\u4e00-\u9fff]{0,3}?)\s*[、，,]\s*){2,})"
        r"(?>\d+(?:\.\d+)?)\s*(?:万?元|[\u4e00-\u9fff]{0,3}?)\s*(?:[共等]\s*)?"
        r"(?>\d+|[一二三四五六七八九十]+)\s*个?档次?"
    ),
    # named sets such as “六公开”, “三同时”; slogans (“谁主管、谁负责，谁经营、谁负责”): words
    # quoted, no number, no verb of a duty
    re.compile(r"“[^”\n]{0,12}”|“[^”\n。；;]{0,40}[、，,][^”\n。；;]{0,40}”"),
    re.compile(r"[1１一]\s*次性"),  # 一次性 (1次性): "one-off", no count
    # (二次供水设施, 二次扬尘, 二次装修: a thing's name, "secondary", no count)
    re.compile(r"二次(?=供水|加压|供热|污染|扬尘|装修|开发|利用|伤害|倒运|搬运|分配|创业)"),
    # (一次灾害过程造成…10人以上的: one event, what a number after it counts in; no count)
    # (not what is done once: 开展一次事故应急演练)
    re.compile(
        r"(?:^|(?<=[，,。；;：:\s在因经遇凡对]))一次(?=(?:灾害|事故|突发|降雨|降水|强降雨|地震|火灾)"
        r"(?:过程|事件)?)"
    ),
    # the same, any or a certain one (在同一所学校, 任一项, 某一时段): which one, no count
    re.compile(
        r"(?:同|某|唯|逐|单|(?<![担责])任)一(?![一二三四五六七八九十百千万]|个?(?:自然)?年度?内)"
    ),
    re.compile(  # (from a run's first numeral only, as the ratios)
        r"(?<![一二三四五六七八九十])[一二三四五六七八九十]+"
        r"(?:落实|公开|同时|评级|个一律|个必须|统一|到位|(?=不)|查|有|证|项制度)"
    ),
]


#: An amount with thousands separators (最低工资标准为每月2,280元, 1,000万元): its digits run
#: together (the separators blanked before them, so offsets hold). Money only; a Chinese comma
#: after three digits is a list's (分别为800，600，400元), not a separator.
_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})((?:,\d{3})+)(?=(?:\.\d+)?\s*[万亿]?元)")


#: Digits an OCR spaced apart, before a unit or a word (2 0%, 3 0 0万元; not a list of
#: numbers: 1、2、3).
_SPACED_DIGITS = re.compile(
    r"(?<![\d.．A-Za-z])\d(?: \d){1,5}(?![\d.．])(?=\s?(?:[万亿]?元|[%％]|万|亿|[\u4e00-\u9fff]))"
)


def _run_together(m: re.Match[str], text: str) -> str:
    if len(m.group(1)) == 3 and "，" in text[m.start() : m.end()]:
        return m.group(0)
    commas = m.group(2).count(",")
    return "＿" * commas + m.group(1) + m.group(2).replace(",", "")


_SEASON_S_LIMIT = re.compile(
    r"(?<=\d)[（(]\d{1,5}(?:\.\d+)?[）)](?=\s*(?:[a-zA-Zμ]|毫克|微克|克|%))"
)


def masked(text: str) -> str:
    """The text with non-requirement numbers blanked out (same length, so offsets hold)."""
    out = text.translate(_HALF)
    out = _THOUSANDS.sub(lambda m: _run_together(m, text), out)
    # (加收2 0%, 3 0 0万元: an OCR's spaces between the digits, run together as the separators)
    out = _SPACED_DIGITS.sub(
        lambda m: "＿" * m.group(0).count(" ") + m.group(0).replace(" ", ""), out
    )
    out = without_asides(out)  # （可满足40吨以上…）, （市财政局负责）: no threshold, no duty
    # (氨氮不超过5（8）mg/L: a discharge standard's other season's limit, bracketed; the first
    # is the limit read, the bracket blanked)
    out = _SEASON_S_LIMIT.sub(lambda m: " " * len(m.group(0)), out)
    for pat in _MASKS:
        out = pat.sub(lambda m: "＿" * len(m.group(0)), out)
    # ratios such as 17.4:48.6:34, but not one of two terms a 比 names (师生比不低于1:15)
    out = unnamed_blanked(out)
    # a symbol's comma in brackets (全硫（St,d）, 发热量（Qnet,ar）) ends no phrase
    return _SYMBOL.sub(lambda m: m.group(0).replace(",", "·"), out)


_SYMBOL = re.compile(r"[（(][A-Za-z][A-Za-z0-9.]{0,6},[A-Za-z0-9.]{1,6}[）)]")


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


#: Half of a time in a whole number of a smaller unit (半个月: 15 日, as the courts count it).
#: Half a unit more after the number and its unit (一年半, 两小时半), not a half of the next
#: (一年半年, 半月).
_AND_A_HALF = re.compile(r"半(?![年月天日小个])")
_HALF_BOUND = re.compile(r"以内|之内|内(?![容部外涵])|以上|以下")
#: A whole and a part of a smaller unit after it: 一个半月, 一个半小时 (the whole counted in 个),
#: 两年零六个月, 1小时30分钟, 3分40秒.
_MORE_OF_A_SMALLER = re.compile(
    rf"\s*(?:(?P<half>半)(?P<unit>月|小时)|零?\s*(?P<n>{NUM})\s*(?P<unit2>个月|分钟|秒钟?))"
)
#: Each such smaller unit: how many make the whole, its name, and the whole's units as read
#: (3分40秒: the 分 before seconds is a minute, not a score's point).
_A_SMALLER = {
    "月": (Decimal(30), "day", ("个",)),
    "小时": (Decimal(60), "minute", ("个",)),
    "个月": (Decimal(12), "month", ("year",)),
    "分钟": (Decimal(60), "minute", ("hour",)),
    "秒": (Decimal(60), "second", ("minute", "分")),
    "秒钟": (Decimal(60), "second", ("minute", "分")),
}
_AND_A_HALF_IN = {"year": (Decimal(12), "month"), "hour": (Decimal(60), "minute")}
_HALF_OF = {
    "year": (Decimal(6), "month"),
    "month": (Decimal(15), "day"),
    "day": (Decimal(12), "hour"),
    "hour": (Decimal(30), "minute"),
}


def _unit_of(word: str) -> tuple[str, Decimal]:
    for pat, unit, mult in _UNITS:
        if re.fullmatch(pat, word):
            return unit or word, mult
    return word, Decimal(1)


#: An explicit inclusivity marker beside 以上/以下 (（含）, （不含本数）).
#: (its words are none, 本数, or the number restated: （不含500万元）, （含8小时）; not what is left
#: out of what is counted: （不含尾矿）, （不含税）)
_MARK = r"(?:[（(]\s*不?含\s*(?:本数|[\d一二三四五六七八九十两百千万.．]+[^（()）]{0,5})?[）)])"

# A quantity: number, optional range to a second number, unit, optional comparator after.
QTY = re.compile(
    rf"(?P<a>{NUM})\s*(?P<mag>万(?!一)|亿)?(?P<ua>{_UNIT_RE.pattern})?\s*"
    # 1万吨（含）至5万吨（不含）: a marker inside a range, for its lower end
    rf"(?:(?P<low_mark>{_MARK})\s*(?=[-—–~～至到]))?"
    # (-18℃至-15℃: an upper end below zero)
    rf"(?:(?P<mid>[-—–~～至到])\s*(?P<bneg>[-−－](?=\d))?(?P<b>{NUM})\s*(?P<bmag>万(?!一)|亿)?)?"
    rf"(?P<u>{_UNIT_RE.pattern})?"
    # (30m³/(h·人): its denominators in brackets)
    # (起步价8元/3公里: per so many of it)
    rf"(?:\s*(?:[/／]\s*(?P<per_n>\d{{1,4}}(?:\.\d+)?)\s*|[/／每]\s*[（(]?\s*)(?P<per>{DENOMINATOR})(?:\s*[·•．.]\s*(?P<per2>{DENOMINATOR}))?"
    r"(?(per2)\s*[）)]?))?"
    rf"(?:\s*(?P<after>{_MARK}?\s*(?:及以上|以上|及以下|以下(?!简称)|以内|之内|以外|届满|"
    rf"(?:半径)?范围(?:以|之)?内|内(?![容部外涵]))(?:\s*{_MARK})?)"
    # (5万元以上50万元以下, 5万元以上、50万元以下: one range; 5万元以上至10万元: to its end)
    rf"(?:\s*(?:(?P<to2>至)|、)?\s*(?P<b2>{NUM})\s*(?P<u2>{_UNIT_RE.pattern})\s*"
    r"(?P<after2>以下|以内|及以下|(?(to2)|(?!))))?)?"
)


_BETWEEN = re.compile(r"\s*之间")
#: A marker standing alone after a quantity (which may restate it: （不含8小时）).
_TAIL_MARK = re.compile(r"\s*(?:" + _MARK + r"|不?含本数)")
#: A marker written right before a number whose comparison word follows it: （不含）5吨以下.
_LEAD_MARK = re.compile(_MARK + r"\s*$")

#: Power used or sold, before its 度 (月用电量200度, 每度电价): kilowatt-hours, not degrees.
_OF_POWER = re.compile(r"用电|电量|耗电|发电|售电|购电|充电|电价|电费")


def quantities(masked: str) -> list[Qty]:
    """Every number with a unit in the (masked) text."""
    out: list[Qty] = []
    restated = 0  # the end of a marker that restates the number before it: （含8小时）
    for m in _TOLERANCE.finditer(masked):
        # 4℃±2℃, 20±2℃, （50±10）%: the range the tolerance allows around the value
        unit, mult = _unit_of(m.group("u"))
        # (误差不得超过±2%: a deviation either way, around none)
        centre, off = Decimal(m.group("c") or 0) * mult, Decimal(m.group("t")) * mult
        low, high = clean(centre - off), clean(centre + off)
        out.append(Qty(m.start(), m.end(), low, high, unit, "range", True, None))
    told = [(q.start, q.end) for q in out]
    for m in QTY.finditer(masked):
        if m.start() < restated or any(a <= m.start() < b for a, b in told):
            continue
        a_txt = m.group("a")
        unit_txt = m.group("ua") or m.group("u")  # the first number's own unit
        if (
            not unit_txt
            and a_txt == "0"
            and _A_SHARE_NAMED.search(masked, max(0, m.start() - 12), m.start())
        ):
            unit_txt = "%"  # (劣V类水体比例为0: none of them, a share written with no sign)
        if (
            not unit_txt
            and not (m.group("b") and _BETWEEN.match(masked, m.end()))
            # (pH值7.0～7.8: a range of a measure that has no unit, named right before it)
            and not (
                m.group("b") and _A_PURE_RANGE.search(masked, max(0, m.start() - 8), m.start())
            )
            and not _A_PURE_NUMBER.search(masked, max(0, m.start() - 20), m.start())
            and not _ITS_OTHER_BOUND.search(masked, max(0, m.start() - 36), m.start())
            and not _DIMENSIONLESS.match(masked, m.end())
        ):
            # (a range with no unit stands only as …之间: pH值应介于6至9之间; a number with no
            # unit only as a ratio's or a coefficient's: 容积率不大于2.0, 安全系数不小于1.5)
            continue
        arabic = a_txt[0].isdigit()
        start, sign = m.start(), 1
        before = masked[max(0, start - 2) : start]
        if arabic and before[-1:] in ("-", "−", "－") and not re.match(r"[0-9A-Za-z.]", before[:1]):
            start, sign = start - 1, -1  # 不得高于-18℃: a number below zero
        elif masked[max(0, start - 6) : start].rstrip().endswith("零下"):
            # 低于零下5℃: -5 ℃ (零下 5 ℃: a space between, text from a PDF)
            start = masked.rindex("零下", 0, start)
            sign = -1
        elif arabic and before[-1:] in (".", "-", "/"):
            continue
        if unit_txt == "分" and not arabic:
            continue  # (十分重要: "very", no score)
        unit, mult = _unit_of(unit_txt) if unit_txt else ("", Decimal(1))
        if unit == "度" and _OF_POWER.search(masked, max(0, m.start() - 16), m.start()):
            unit = "kWh"  # (居民月用电量不超过200度: kilowatt-hours, as 度电)
        bmag = MAGNITUDE.get(m.group("bmag") or "", 1)
        if m.group("mag") and not unit_txt.startswith(("万", "亿")):
            mult *= MAGNITUDE[m.group("mag")]  # 1 万亩, 20 万株
        elif not m.group("ua") and bmag != 1:
            mult *= bmag  # 5至10万元: both ends in 万
        low = value_of(a_txt)
        if low is None:
            continue
        high = None
        high_mult = mult  # each end in its own unit (500元至2万元, 5000元以上3万元以下)
        comparator = None
        if m.group("b"):
            high = value_of(m.group("b"))
            if high is not None and m.group("bneg"):
                high = -high
            comparator = "range"
            if m.group("ua") and m.group("u"):
                unit, high_mult = _unit_of(m.group("u"))
                first = _unit_of(m.group("ua"))[0]
                if (first, unit) in TIME_IN:
                    # (6个月至1年: both ends in the first end's, the smaller, unit: 6 to 12 months)
                    high_mult, unit = high_mult * TIME_IN[first, unit], first
            if bmag != 1 and unit_txt:
                high_mult = _unit_of(m.group("u") or unit_txt)[1] * bmag  # 1万亩至3万亩
        after = m.group("after")
        if after and m.group("b2"):
            high = value_of(m.group("b2"))
            second, high_mult = _unit_of(m.group("u2"))
            if (unit, second) in TIME_IN:  # (3天以上2周以下: both ends in days, 3 to 14)
                high_mult *= TIME_IN[unit, second]
            elif (unit, second) == ("%", "倍"):  # (违法所得50%以上3倍以下: 50 % to 300 %)
                high_mult *= 100
            comparator = "range"
        elif after:
            comp = comparator_after(after)
            lead = _LEAD_MARK.search(masked[max(0, start - 12) : start])
            if comp is not None and lead is not None:
                comp = with_marker(comp, lead.group(0))  # （不含）5吨以下: the marker before it
            comparator = comp if comparator is None else comparator
            if unit == "层" and masked[max(0, start - 2) : start] == "地下" and comparator:
                # 地下二层及以下: that deep or deeper (a floor counted down from the ground)
                comparator = comparator.translate(str.maketrans("<>", "><"))
        if a_txt.strip() == "半" and unit in _HALF_OF:
            low, unit = _HALF_OF[
                unit
            ]  # 半年 → 6 个月, 半个月 → 15 日, 半小时 → 30 分钟: whole units
        low = clean(sign * low * mult)
        high = clean(high * high_mult) if high is not None else None
        word = re.sub(_MARK, "", after).strip() if after else None  # the marker is applied
        # (元/人·月: per person and month, the month its period; 元/吨·公里: per tonne and
        # kilometre carried, a product of the two)
        per = DENOMINATORS[m.group("per2") or m.group("per")] if m.group("per") else None
        if m.group("per2") and f"{DENOMINATORS[m.group('per')]}·{per}" in PRODUCTS:
            per = f"{DENOMINATORS[m.group('per')]}·{per}"
        m_end = m.end()
        if (
            per is not None
            and unit in ("age_year", "年级")
            and "每" in masked[m.start() : m.start("per")]
        ):
            # (80至89周岁每人每月50元: an age per nothing, 每人 is the amount's after it; 小学
            # 1-2年级每周4课时: a school year, 每周 the periods')
            per, m_end = None, masked.rindex("每", m.start(), m.start("per"))
        tail = None if after else _TAIL_MARK.match(masked, m_end)
        mark = tail.group(0).strip() if tail else None
        if tail is not None:
            restated = tail.end()
        ends = (True, True)
        if comparator == "range":
            # its ends, each as its own marker says (X（含）至Y（不含）; 5万元以上（不含）…)
            low_mark = m.group("low_mark") or (after if m.group("b2") else None) or ""
            ends = ("不含" not in low_mark, "不含" not in (mark or ""))
        dated = unit == "day" and re.match(r"\s*(?:之?前|止|起)", masked[m_end:]) is not None
        if arabic and comparator != "range" and not dated:
            # 分别不高于10、35、50毫克/立方米: the list's numbers before it, in its unit
            floor = out[-1].end if out else 0
            out += _listed_before(masked, start, floor, mult, unit, comparator, word, per)
        end = m_end
        more = _MORE_OF_A_SMALLER.match(masked, end) if high is None and not after else None
        smaller = _A_SMALLER[more.group("unit") or more.group("unit2")] if more else None
        if smaller is not None and unit in smaller[2]:
            # 一个半月: 45 日, 一个半小时: 90 分钟; 两年零六个月: 30 个月, 1小时30分钟: 90 分钟
            # (a whole and a part, in the smaller unit)
            times, unit, _whole = smaller
            part = times / 2 if more.group("half") else value_of(more.group("n")) or Decimal(0)
            low, end = low * times + part, more.end()
            restated = max(restated, end)  # (六个月, 半小时: read here, no number of its own)
            bound = _HALF_BOUND.match(masked, end)  # (一个半月以内, 两年零六个月以上)
            if bound is not None and comparator is None:
                comparator, word, end = (
                    comparator_after(bound.group(0)),
                    bound.group(0),
                    bound.end(),
                )
        elif (
            unit in _AND_A_HALF_IN and high is None and not after and _AND_A_HALF.match(masked, end)
        ):
            # 一年半: 18 个月; 两小时半: 150 分钟 (half a unit more, in the smaller unit)
            times, unit = _AND_A_HALF_IN[unit]
            low, end = low * times + times / 2, end + 1
            bound = _HALF_BOUND.match(masked, end)  # (一年半以内, 2小时半内)
            if bound is not None and comparator is None:
                comparator, word, end = (
                    comparator_after(bound.group(0)),
                    bound.group(0),
                    bound.end(),
                )
        per_n = Decimal(m.group("per_n")) if m.group("per_n") else None  # (8元/3公里: 3)
        out.append(
            Qty(start, end, low, high, unit, comparator, arabic, word, per, mark, *ends, per_n)
        )
    out += shares(masked, [(q.start, q.end) for q in out])
    return _between_both(_to_a_multiple(sorted(out, key=lambda q: q.start), masked), masked)


def _to_a_multiple(found: list[Qty], masked: str) -> list[Qty]:
    """A share's floor, then a multiple's cap right after it (违法所得的百分之五十以上三倍以下):
    one range in %, the multiple as a share (three times: 300 %)."""
    kept: list[Qty] = []
    merged = -1  # where the last multiple read into a range ends
    for q in found:
        if q.start < merged:
            continue  # (三倍以下, read into the range before it)
        kept.append(q)
        if (q.unit, q.comparator, q.high) != ("%", ">=", None):
            continue
        if (cap := _TIMES_CAP.match(masked, q.end)) is None:
            continue
        times = value_of(cap.group("n"))
        if times is not None and q.low < times * 100:
            q.end, q.high, q.comparator, q.after = cap.end(), times * 100, "range", None
            merged = q.end
    return kept


#: A multiple's cap right after a share's floor (…百分之五十以上三倍以下).
_TIMES_CAP = re.compile(rf"\s*、?\s*(?P<n>{NUM})\s*倍\s*(?:及以下|以下|以内)")


#: Two amounts joined by 和/与, then 之间 (介于500万元和2000万元之间, 在60℃与70℃之间).
_AND = re.compile(r"\s*(?:和|与|及)\s*")


def _between_both(found: list[Qty], masked: str) -> list[Qty]:
    """Two amounts in one unit joined by 和/与 and followed by 之间: one range, as 10%至15%之间
    is (both ends included)."""
    out: list[Qty] = []
    for q in found:
        first = out[-1] if out else None
        if (
            first is not None
            and first.high is None
            and q.high is None
            and first.comparator is None
            and q.comparator is None
            and (first.unit, first.per) == (q.unit, q.per)
            and first.low < q.low
            and _AND.fullmatch(masked, first.end, q.start)
            and _BETWEEN.match(masked, q.end)
        ):
            first.end, first.high, first.comparator, first.after = q.end, q.low, "range", None
            continue
        out.append(q)
    return out


#: A number with no unit of its own, one of a list whose last number names the unit (10、35、
#: 50毫克/立方米): right before the list's next number, after 、 (or 和 before the last).
_LISTED_BARE = re.compile(r"(?<![\d.．/:：\-第A-Za-z_＿])(\d{1,6}(?:\.\d+)?)\s*(?:、|和|及|或)\s*$")


def _listed_before(
    masked: str,
    start: int,
    floor: int,
    mult: Decimal,
    unit: str,
    comparator: str | None,
    word: str | None,
    per: str | None,
) -> list[Qty]:
    """The bare numbers of a list that end at ``start`` (each one a look-back of a few
    characters, so a list of N numbers costs N short searches), after ``floor``."""
    found: list[Qty] = []
    at = start
    while True:
        m = _LISTED_BARE.search(masked, max(floor, at - 16), at)
        if m is None:
            break
        value = value_of(m.group(1))
        if value is None:
            break
        end = m.end(1)
        found.append(
            Qty(m.start(1), end, clean(value * mult), None, unit, comparator, True, word, per)
        )
        at = m.start(1)
    if found and not re.search(r"、\s*$", masked[found[0].end : start]):
        # (2和10毫克: a pair, not the list's last number after a 、: read as written only)
        if len(found) == 1:
            return []
    return found[::-1]


#: How many of a smaller unit of time make a larger (a month as 30 days, as a range's end).
TIME_IN = {
    ("month", "year"): Decimal(12), ("day", "year"): Decimal(365), ("week", "year"): Decimal(52),
    ("day", "month"): Decimal(30), ("day", "week"): Decimal(7), ("hour", "day"): Decimal(24),
    ("minute", "hour"): Decimal(60),
}  # fmt: skip
#: A value with its tolerance (4℃±2℃, 20±2℃, （50±10）%), the unit after the tolerance.
_TOLERANCE = re.compile(
    r"(?:(?<![\d.])[（(]?(?P<c>\d{1,6}(?:\.\d+)?)\s*(?:"
    + _UNIT_RE.pattern
    + r")?|(?<![\d.)）]))\s*±\s*"
    r"(?P<t>\d{1,6}(?:\.\d+)?)\s*[）)]?\s*(?P<u>" + _UNIT_RE.pattern + r")"
)
#: What is measured by a pure number, and its comparison right before the number (容积率不大于,
#: 安全系数不小于, pH值不低于, 功率因数应达到).
_PURE_NAME = (
    # (a few words between: 空气质量指数（AQI）日均值大于200)
    # (出生人口性别比控制在107以内: boys per 100 girls)
    r"(?:容积率|系数|因数|指数|比值|均匀度|pH值|PH值|pH|当量|AQI|性别比)[^，,。；;\d]{0,10}?\s*"
    # (空气质量指数（AQI）连续3天超过200: the days it lasts, then the index compared)
    r"(?:(?:连续|累计)\s*\d{1,3}\s*(?:个)?(?:天|日|小时|月|周)\s*)?"
    r"(?:应当?|须|必须|要|一般|原则上)?\s*"
)
# (功率因数应在0.9以上: 在 with 以上 after the number)
# (容积率大于等于1.2, 小于或等于: both comparisons in words)
_PURE_COMPARED = (
    r"(?:(?:大于|小于)(?:或者?)?等于|不大于|不小于|不高于|不低于|不超过|不少于|大于|小于|高于|低于|"
    r"超过|≤|≥|<|>|达到|为|在)\s*"
)
_A_PURE_NUMBER = re.compile(_PURE_NAME + _PURE_COMPARED + r"$")
_A_PURE_RANGE = re.compile(r"(?:pH值?|PH值?|容积率|系数|因数)\s*(?:应当?|须|为|在)?\s*$")
#: A share's name and its bound, right before a bare 0 (劣V类水体比例为0, 返贫率控制在0).
_A_SHARE_NAMED = re.compile(
    r"(?:比例|比率|占比|(?<![效频积])率)\s*(?:应当?|须|要)?\s*(?:为|控制在|降至|降为|保持在|达到)?\s*$"
)
#: A number a standard marks as having no unit (臭气浓度不得超过20（无量纲）): a measure still.
_DIMENSIONLESS = re.compile(r"\s*[（(]\s*无量纲\s*[）)]")
#: Its other bound, compared right after the first (pH值应大于6，小于9; 大于6且小于9; 容积率不得
#: 低于1.0且不得高于2.5: with its own modal word).
_ITS_OTHER_BOUND = re.compile(
    rf"{_PURE_NAME}{_PURE_COMPARED}\d+(?:\.\d+)?\s*(?:[，,]\s*)?(?:且|并且?|而且?)?\s*"
    rf"(?:不得|不应当?|不宜|应当?|须|必须)?{_PURE_COMPARED}$"
)
