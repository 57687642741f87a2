"""The words around a number that ``extraction`` reads to know what it bounds: a banned act or
zone, a base a share is of, how often (至少…一次, 各), a list going on, a time limit, a term
extended or kept, a sanction's term, a limit named after it, what a count counts; the words that
name a standard an amount states, a model a number names, a formula's factor, a value averaged.
Pure module (standard library only), moved out of ``numbers`` as it is: patterns only, no
reading of their own.
"""

from __future__ import annotations

import re

#: A ban on an act, a few words before the comparison of its amount (严禁存放超过…, 不得使用
#: 少于…, 不应设置在四层及以上): the act beyond it is what is banned.
#: (不得一次性收取时间跨度超过3个月…: the act and what it is measured by, a few words more)
#: (禁止吸烟标识设置率达到100%: the words a sign says, no ban; 严禁设置…标牌: a ban of a sign)
BANNED_ACT = re.compile(
    r"(?:(?:严禁|禁止)(?!(?:(?!设置|悬挂|张贴|安装|使用)[^，,。；;＿\d]){0,8}?(?:标志|标识|标牌|警示牌))"
    r"|不得|不准|不许|不允许|不应当?|不宜)"
    # (严禁在半径100米范围内存放超过5公斤…: the zone it is banned in, then the act)
    r"(?:[^，,。；;＿\d]{0,10}?[＿\d.]+\s*[^，,。；;＿\d]{0,3}?(?:范围|区域)?(?:以内|之内|内))?"
    r"[^，,。；;＿\d]{1,12}$"
)
#: A year's or month's amount a share is taken of, right before the share (年收入60%).
A_YEAR_S_BASE = re.compile(
    # (月平均工资的3倍, 上年度城镇居民人均可支配收入的60%: an average's multiple or share)
    r"[年月](?:[^，,。；;\d＿]{0,8}?(?:平均|人均|可支配))?"
    r"(?:收入|营业额|营业收入|销售额|销售收入|产值|工资|利润|缴费基数|租金|薪酬)[^，,。；;\d＿]{0,4}$"
)
#: Another window after a list's 、, then what is banned in both (…5年内、…3年内不得挖掘).
BANNED_PARALLEL = re.compile(
    r"、[^，,。；;\d＿]{0,20}?[\d＿]+\s*个?(?:年|月|日|天)(?:以|之)?内\s*(?:不得|禁止|严禁|不准)"
)
#: A zone a number bounds (…300米以内, …50米范围内) followed by what is banned in it.
BANNED_ZONE = re.compile(r"\s*(?:的?(?:区域|地带|地区|范围))?\s*(?:不得|禁止|严禁|不准|不允许)")


# ---------------------------------------------------------------------------------------------
# Words around a number that say how it is counted (frequencies, lists, time limits)
# ---------------------------------------------------------------------------------------------
#: A time limit, a number of hours or days and 内 (2小时内, 3个工作日以内): a place's or a class's
#: (市区2小时内、县城4小时内到达).
A_TIME_LIMIT = r"\d+(?:\.\d+)?\s*个?(?:小时|分钟|日|天|工作日)(?:以|之)?内"
#: The words between a band's floor and its top (超过15分钟不足1小时, 3个月以上不满1年).
BAND_UP_TO = r"\s*(?:及?以上)?\s*(?:不足|不满|未满)\s*"
#: 至少…一次 after a period of more than one (每两年至少清洗一次): how often, at least.
AT_LEAST_ONCE = re.compile(
    # (每两年至少对资金使用情况审计一次: what it is done to between)
    r"[^，,。；;＿\d]{0,6}?(?:至少|最少|不少于)[^，,。；;＿\d]{0,16}?(?:一|1)\s*次"
)
#: Times named in a list, then 各 (each): 上午、下午各…, 4月、10月各… (the list's items).
#: (not parties: 各县、各乡镇各开展一次 is once each, not twice)
A_TIME_ITEM = (
    # (每日早、晚各测温1次; 上、下午各记录1次: the morning's and the evening's)
    r"(?:\d{1,2}\s*月份?|[一二三四五六七八九十]{1,2}月份?|上午|下午|中午|晚上|早上|夜间|白天|早|晚|"
    r"上(?=\s*、\s*下午)|"
    r"上半年|下半年|[春夏秋冬]季|第[一二三四]季度|周[一二三四五六日]|"
    # (枯水期和丰水期, 汛期前和汛期后: parts of the year)
    r"[枯丰平汛旱雨]水?期[前后]?)"
)
EACH_OF = re.compile(
    rf"((?:{A_TIME_ITEM}\s*(?:、|和|及)\s*)+{A_TIME_ITEM})\s*各[^，,。；;、\d]{{0,6}}$"
)
#: 一次 (1次) after a period of more than one, no comparison (每5年进行1次安全鉴定).
ONCE = re.compile(r"[^，,。；;＿\d]{0,8}?(?:一|1)\s*次")
#: What stands between two numbers of one list: a noun and 和/及/与/、 (2台装载机和3辆).
#: (集中供养每人每月1500元、分散供养每人每月1000元: the next item's own words, then its number)
LISTED_NEXT = re.compile(r"[^\d，,。；;的＿]{0,10}?(?:[和及与、]|或者?)\s*[^\d，,。；;的＿、]{0,8}")
#: The next item of a list of classes after a comma, its name then its number alone
#: (…起付标准为200元，二级医院500元): the topic of the item before is its own. (ANOTHER_S_IS,
#: below, reads the next thing after a limit named first, 氮氧化物为100mg/m³; this one carries
#: the row before, whatever named it: they accept different names, so each keeps its own.)
# (its name may hold a grade, masked: 二级医院 → ＿＿医院; not a part of the one before: 其中…)
# (nor a change or a modal word of its own: 重特大疾病患者可提高至5万元)
AN_ITEM_NEXT = re.compile(
    r"\s*(?!其中)(?![^，,。；;]{0,14}?(?:可|应|须|要|得|至|到|达|按|以|提高|降低|增加|减少|调整))"
    r"[^\d，,。；;、：:的\s]{2,12}?(?:为|是)?\s*"
)
#: When a term starts, written after it (，自列入之日起计算).
RUNS_AFTER = re.compile(
    r"[，,]\s*(?:自|从)(?P<from>[^，,。；;]{1,24}?(?:之日)?起)(?:计算|算|计)?\s*(?=[，,。；;]|$)"
)
#: 其中 and the ones a limit after it is for (其中大型项目不超过15个工作日, 其中外地来客不得超过
#: 150元; not a part of what is measured: 其中省级补助不低于50%, 其中工作人员控制在…10%以内).
A_PART_NAMED = re.compile(
    r"\s*其中\s*(?P<who>[^，,。；;\d＿、]{0,6}?(?:项目|工程|企业|单位|学校|家庭|车辆|来客|客人|病例))"
    r"(?=不得|不应|不超过|不低于|不少于|不高于|最高|最多|至少)"
)
#: A time limit extended to or by an amount (可以延长至15个工作日, 可以延长10个工作日; not a term:
#: 有效期延长).
EXTENDED = re.compile(r"(?<![有效试用聘任]期)(?<!期限)延长(?P<to>至|到)?\s*$")
#: The words that name a time limit before its number (完成时限为…, 办结期限是…).
TIME_LIMIT = re.compile(
    r"(?:时限|办结期限|完成期限)\s*(?:为|是)[^，,。；;]{0,16}$|"
    # 办理时限不超过5个工作日: a time limit bounded (not 有效期限, 保存期限: how long it lasts)
    # (付款期限原则上不超过验收合格后30日: a time to pay in, its start before the number)
    r"(?:时限|(?:办理|办结|完成|整改|付款|支付|答复|审核|审批)期限)\s*(?:一般|最长|原则上)?\s*"
    r"(?:(?:不得|不应|不)?(?:超过|多于|长于)|压缩(?:至|到)|缩短(?:至|到)|控制在)"
    r"(?:[^，,。；;\d＿]{1,16}?(?:后|之日起))?\s*$"
)
#: Another thing and 为 before its number, nothing else (氮氧化物为100mg/m³).
ANOTHER_S_IS = re.compile(
    r"\s*[^，,。；;\d＿为是]{1,12}(?:为|是)\s*|"
    # (最低工资标准：一类地区2100元，二类地区1900元: each class of place named, then its amount)
    # (一类 masked as a named number: ＿＿地区)
    r"\s*(?:[一二三四五六七八九十\d]类|＿＿)(?:地区|区域|城市|县|市|区)\s*"
)
#: A total named before a number (总额不超过…): not per any one, whatever came before.
A_TOTAL = re.compile(r"总额|总计|合计|共计|总量|总数")
#: A sanction's term before its number (取消其…, 暂停其…, 禁止其…).
DEBARRED = re.compile(
    # (暂停其评审资格6个月: what is suspended, then for how long)
    r"(?:取消|暂停|停止|禁止|限制)(?:其|该[^，,。；;\d＿]{1,4}?)?(?:[^，,。；;\d＿]{0,8}?资格)?\s*$"
)
#: The same with the term first (5年内取消其享受…政策资格).
DEBARRED_AFTER = re.compile(
    r"\s*(?:以|之)?内?\s*(?:(?:取消|暂停|停止|禁止|限制)(?:其|该[^，,。；;\d＿]{1,4}?)?[^，,。；;\d＿]{0,16}?资格|"
    # (两年内不予受理其挖掘申请: its applications refused for that long)
    r"不(?:予|再)受理(?:其|该单位|该企业)?[^，,。；;\d＿]{0,12}?(?:申请|申报))"
)
#: A limit named right after its number (…10mg/m³的限值, 的上限, 的下限).
A_LIMIT_AFTER = re.compile(
    # (以每人每年500元为上限, 以50万元为限: the cap it is taken as; 以…为下限: the floor)
    r"\s*(?:的(?:排放)?|为)(?:(?:最高)?限值|上限|最高限额|(?<=为)限(?!制)|(?P<floor>下限|最低限值))"
)
#: The verb of a list's item right after its number, to the list's 、 (100%围挡、).
AN_ITEM_S_VERB = re.compile(r"[\u4e00-\u9fff]{1,4}(?=、|$)")
#: How the things a number picks out are done away with, between them and the verb.
HOW_DONE_AWAY = re.compile(
    r"(?:(?:完成|实施|进行)[\u4e00-\u9fff]*|(?:全部|全面|一律|依法|基本|逐步)(?:予以)?)$"
)
#: The noun a count counts, right after it to its phrase's end (2名专职安全管理人员; 一次消防
#: 和疏散演练, two things done at once; not a list going on, 2台装载机和3辆…, nor a verb, 1次以上
#: 检查).
WHAT_IS_COUNTED = re.compile(
    r"的?(?:(?!应(?![急用对])|须|要(?![求素点])|不得)[^\d＿，,。；;、的]){1,12}"
)
#: 每次 right before an amount (每次不超过50元): what the amount is per.
EACH_TIME = re.compile(r"每次[^，,。；;\d＿]{0,8}$")
#: How the name of a measure ends (绿化覆盖率, 平均反应时间, 边界噪声, 发车间隔): what a class after
#: it is a class of, no class itself.
A_MEASURE_END = (
    "率|比例|比重|数量|人数|面积|标准|时间|密度|通达度|覆盖度|噪声|浓度|温度|间隔|时长|频次|"
    # (生师比小学不高于19:1, 床护比…: a ratio of two heads' name)
    "[生师床护医班]比|"
    # (围挡高度主要路段不得低于2.5米: a size's name)
    "高度|宽度|长度|深度|水深|厚度|距离|间距|半径|"
    # (校车行驶速度在高速公路上不得超过80公里/小时: a speed's name)
    "速度|车速|"
    # (生均公用经费小学不低于650元: an amount's name)
    "经费|资金|金额"
)


#: The kind of a thing a number names, right after it (35kg推车式, 8kg手提式, 4kg型): a model.
A_MODEL = re.compile(
    r"(?![^式]{0,2}(?:正式|方式|形式|模式|格式|公式|仪式|程式))[\u4e00-\u9fff]{0,2}式|型(?!号)|"
    r"规格|"  # (单瓶15公斤规格: which bottles are counted)
    r"跑(?!道)"  # (男生1000米跑不得超过3分40秒: the race's name, its distance)
)


#: A formula's factor, right before the number (…对象总数×60%, ÷2; a factor's weight stated
#: alone, 因素权重为40%, is a value fixed: a row).
A_WEIGHT = re.compile(r"[×÷*＊]\s*$")
#: A number a formula multiplies or divides (60%×资金总额).
A_FACTOR = re.compile(r"\s*[×÷＊]")
#: A value averaged over the time before it (30分钟均值, 24小时平均浓度, 1小时滑动平均值).
AVERAGED = re.compile(r"\s*(?:滑动)?(?:均值|平均值|平均浓度|平均|浓度均值|等效声级|等效连续|等效)")


#: Words that name a standard an amount with no comparison states (补贴标准, 每节课40分钟,
#: 产假98天, 起步价为10元): read once a phrase (``_phrase_facts``).
NAMES_A_STANDARD = re.compile(
    r"标准|按照?|补贴|补助|资助|奖励|奖补|救助|补偿|津贴|抚恤|配备|增配|增设|设置|设立|缴纳|缴存|计提|公示|期限|休息|"
    r"有效期|罚款|资格|"
    # (屋面防水工程保修期为5年, 保证期不少于…: how long a work or a good is warranted)
    r"保修期|质保期|保质期|保证期|"
    # (赔偿金额为商品价款的3倍, 违约金为合同金额的5%: what is owed for a breach)
    r"赔偿|赔付|违约金|滞纳金|"
    # (核定行政编制25名, 领导职数2名, 每户每月免收5立方米: a number set or waived)
    r"核定|编制|职数|免收|免缴|减收|"
    # (总产量保持在50万吨左右: a level to keep, a target)
    r"(?:保持|稳定)在|"
    r"任期|承担|分担|负担|分摊|额度|定额|限额|基准|起付线|起付标准|封顶线|支付限额|"
    # (试用期为1年, 检验周期为1年, 处理规模为200吨/日: a term or a size stated; 报废年限为8年,
    # 使用年限: how long a thing may serve)
    r"试用期|见习期|公示期|周期|规模(?:为|是)|处理量|处理能力|(?<!工作)年限(?:为|是)|"
    # (每人每月发放生活补贴3000元，连续发放3年: how long a grant is paid)
    r"连续(?:发放|享受|给予|补助|补贴|资助|支付)|"
    # (密切接触者实行14天集中隔离医学观察: a term a measure runs)
    # (not 实行4级响应: the grades of a response)
    r"实行\s*[\d＿.]+\s*个?(?:天|日|小时|周|月|年)|"
    # (女职工生育享受98天产假, 年休假5天: a leave to be granted)
    r"(?:产|年休|婚|丧|护理|育儿|陪产|探亲|哺乳)假|"
    # (每节课40分钟, 每次培训时长为2小时: how long each lesson or session runs)
    r"时长|每(?:节|堂)课|课时|每(?:次|期|场)[\u4e00-\u9fff]{0,4}时间(?:为|是)|"
    # (扣除当年保证金的50%, 退还保证金的50%: the share a sanction or a refund takes)
    # (…的部分，报销80%: the share a scheme pays back)
    r"扣除|扣减|扣罚|扣发|退还|返还|收取|加收|加价|报销|"
    # (起步价为10元, 水价为每立方米3.2元, 收费标准, 租金: a price set)
    r"(?:起步|基础|单|票|零售|销售|租赁|指导|最高|收购|水|电|气)价(?!值)|价格|收费|计费|租金|"
    # (保洁费为每月10元/户: a fee set; not 经费为…, funds stated)
    r"(?<![经])(?<=[\u4e00-\u9fff])费(?:用)?(?:标准)?(?:为|是)",
)


#: What a share is of, and what they do, after it (80%以上的行政村完成生活垃圾分类试点).
A_SHARE_OF_WHAT = re.compile(
    r"\s*的[^，,。；;\d＿%]{2,30}?(?:完成|实现|达到|开展|建成|通过)[^，,。；;\d＿]*"
)
