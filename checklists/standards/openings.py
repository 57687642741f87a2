"""The conditions a sentence may open with (…的，, 凡…, 如…, …时，, 除…外，, 未经…，): the patterns
``parties.condition_of`` reads them by. Pure module (standard library only)."""

from __future__ import annotations

import re

from checklists.standards.party_names import AUTHORITY as _AUTHORITY
from checklists.standards.party_names import REGULATED as _REGULATED

#: 经 that means "through, after" (经批准, 经审核), not the first word of a name (经营单位, 经营者,
#: 经办人, 经销商, 经理, 经济开发区).
VIA = r"经(?![营办销理纪济])"
#: An approval a thing needs first, a phrase of its own (经县民政部门批准, 经…委员会确认): who
#: approves, no duty, no party acting.
APPROVED = VIA + r"(?![常过])[^，,。；;]{0,24}?(?:批准|同意|审核|核准|审批|审定|认定|确认)"
#: How a text was decided, after 经 (经研究, 经市政府常务会议研究决定, 经…讨论通过): no case and
#: no duty (经…同意，可… is a case: not here); and how a nominee was chosen (经考察，拟…).
DECIDED = r"(?:研究决定|研究|审定|讨论(?:通过)?|会议决定|考察|民主推荐|酝酿)"
#: 经 opening a condition (经批准，…): as ``VIA``, and not 经常 (often) nor 经过 (after, a report),
#: nor how the text was decided (经研究，…).
VIA_WHEN = VIA + r"(?![常过])" + rf"(?![^，,。；;]{{0,12}}?{DECIDED}(?:[，,：:]|$))"


def opens_a_quote(words: str) -> bool:
    """Whether ``words`` open a quotation that does not close in them (修改为：“申请人应当…。”:
    the rule an amendment quotes, read without the mark)."""
    return words.startswith(("“", '"')) and not re.search(r"[”\"]", words[1:])


#: An article an amendment quotes, opening the rule it writes (修改为：“第五条 申请人应当…”,
#: “第十三条之一 …): its mark and its number, no part of a case or of a party's name.
QUOTED_ARTICLE = re.compile(
    r"\s*“\s*第[一二三四五六七八九十百零〇两\d]{1,8}条(?:之[一二三四五六七八九十]{1,3})?\s+"
)


# "…的，" at the opening of a sentence (after an optional 凡/对/对于), at most 80 characters.
#: (…超过30立方米的部分，: the band of an amount a rule is for; …最高支付限额以下部分，: the
#: same with no 的)
THE_ONES = re.compile(
    r"^(?P<lead>凡是|凡|对于|对|针对)?(?P<cond>[^，,。；;：:]{2,80}?(?:的(?:部分)?|(?:以上|以下|以内)部分))[，,]"
)
#: The same after a phrase of means or circumstance (采取虚报、隐瞒等手段，骗取救助资金的，…;
#: 在信息采集过程中，存在…行为的，…); no modal word and no party acting before the 的.
#: The same going on after a comma with 且 (对首次创办小微企业的，且…正常运营1年以上的，…).
THE_ONES_AND = re.compile(
    r"^(?P<lead>凡是|凡|对于|对(?![照接]))(?P<cond>[^，,。；;：:的]{2,60}[，,]\s*(?:且|并且|并|同时)?"
    r"[^，,。；;：:]{2,60}?的)[，,]"
)
#: The same with the ones it names after its 的 (对首次创办小微企业，且…正常运营1年以上的离校2年内
#: 高校毕业生、就业困难人员，给予…; 对企业新录用的五类人员，与企业签订…并…参加培训的，…): with 对,
#: the ones a grant or a measure is for, not who acts.
THE_ONES_AND_NAMED = re.compile(
    # (not a first part that states a value: 对中小企业的价格扣除比例为10%，…的，给予4%…)
    r"^(?P<lead>对于|对(?![照接]))(?P<cond>(?:(?![^，,。；;：:]*(?:为|是)\s*\d)"
    r"[^，,。；;：:]{2,40}[，,]\s*(?:且|并且|并|同时)?)?"
    r"[^，,。；;：:]{2,60}?的[^，,。；;：:的]{0,24})[，,]"
    # (the grant or measure right after: not a duty of the ones named; 按每人1500元标准给予…:
    # how much first)
    r"(?=\s*(?:在[^，,。；;]{1,16}后)?(?:按照?[^，,。；;]{1,24}?(?:标准|比例))?\s*(?:给予|予以|发放))"
)
#: A case in two phrases, the second going on from the first (环境影响评价文件批准后超过五年，方决定
#: 开工建设的，: 方, 才, 仍, 再 need what came first).
GOES_ON_CASE = re.compile(
    r"(?P<cond>[^，,。；;：:]+[，,]\s*(?:方(?![面案式法向针可])|才(?![能可])|又(?!称)|仍|再(?!生))"
    r"[^，,。；;：:]*的)\s*[，,]"
)
#: The same with no lead, 且 opening its second part (家庭成员人均月收入低于当地低保标准，且家庭
#: 财产状况符合规定的，可以申请…; 预测AQI日均值大于200将持续3天，且出现…大于300时，发布…):
#: both parts one case.
BOTH_PARTS = re.compile(
    # (no aside: 经验收合格（应具备…，同时必须…）的 is one case with duties inside)
    r"^(?P<cond>[^，,。；;：:（(]{2,60}[，,]\s*(?:且|并且|同时)[^，,。；;：:（()）]{2,60}?(?:的|时))[，,]"
)
#: How an amount's base is set, a phrase of its own (缴费基数按本人上年度月平均工资确定，;
#: 住房面积按户核定，): a rule stated, no part of the case after it.
BASIS_SET = re.compile(
    r"[^，,。；;]{0,24}?按[^，,。；;]{1,24}(?:确定|核定|计算|核算|计发)\s*[，,]\s*"
)
#: What one does, then what one may apply for (企业招用高校毕业生，签订1年以上劳动合同，可申请
#: 一次性吸纳就业补贴): the case the benefit is for, though no 的 ends it.
BEFORE_APPLYING = re.compile(
    r"^(?P<cond>[^。；;：:（(]{2,60}?)[，,]\s*(?=(?:则|均)?可(?:以)?(?:按规定|按照规定)?(?:申请|申领|享受|领取))"
)
#: A party and what it did, then what else with 并/且 or in the next phrase, ending 的: one case
#: (企业吸纳登记失业人员就业，并签订1年以上劳动合同的，按每人1000元给予…; 用人单位招用就业困难
#: 人员，签订1年以上劳动合同并缴纳社会保险费的，给予…).
A_PARTY_S_CASE = re.compile(
    r"^(?P<cond>[^，,。；;：:的]{0,12}?(?:"
    + _REGULATED
    # (…比例达到25%（超过100人的企业比例为15%），并…的: an aside of another bound in it)
    + r")(?:[^，,。；;：:（(]|[（(][^，,。；;：:（()）]{1,20}[）)]){2,50}"
    r"[，,]\s*(?:且|并且|并|同时)?"
    r"[^，,。；;：:]{2,40}?的)[，,]"
)
#: The people a benefit is for and what they did, then what else in the next phrase, ending 的,
#: a grant after it (失业人员参加职业培训，取得职业资格证书的，给予职业培训补贴): one case, whom the
#: grant is for.
PEOPLE_S_CASE = re.compile(
    r"^(?P<cond>(?![对凡在为按据])[^，,。；;：:的（(]{0,24}?"
    r"(?:人员|毕业生|学生|农民工?|居民|农户|[贫困脱]{2}户|家庭|子女|劳动力|妇女|老年人|残疾人|军人|"
    r"创业者|青年|村民)"
    r"[^，,。；;：:（(]{2,40}?[，,]\s*(?:且|并且|并|同时)?[^，,。；;：:]{2,40}?的)[，,]"
    r"(?=[^，,。；;]{0,24}?(?:给予|发放|享受|申请|领取|奖励|补贴|补助|奖补))"
)
#: Staff (an authority's, or anyone's) breaching in their work, then dealt with (各级财政部门及其
#: 工作人员在资金分配审核工作中，存在…行为的，依法追究…): the staff are the case, not who acts.
STAFF_CASE = re.compile(
    r"^(?P<cond>[^，,。；;：:]{2,40}?(?:及其)?工作人员[^，,。；;：:]{0,30}?[，,]"
    r"[^，,。；;：:]{2,60}?的)[，,](?=\s*(?:依法|依规|依纪|由|予以|给予|追究|移送))"
)
#: An inspected party opening the words, then its verb (企业吸纳…, 用人单位招用…).
A_PARTY_FIRST = re.compile(
    r"(?P<who>[^，,。；;：:的\s]{0,8}?(?:" + _REGULATED + r"))(?=[\u4e00-\u9fff])(?!的)"
)
THE_ONES_LONG = re.compile(
    r"^(?P<lead>凡是|凡|对于|对|针对)?(?P<cond>(?:采取|通过|利用|借助?|以|在|因|由于)"
    r"[^，,。；;：:]{2,40}[，,][^，,。；;：:]{2,40}?的)[，,]"
)
#: "对…的企业，": the ones an action is to be taken on, named by their noun (凡…的企业，须…
#: names who must act: the party of the duty, read as such).
ONES_NAMED = (
    r"(?:" + _REGULATED + r"|项目|车辆|产品|行为|情形|问题|人员|家庭|"
    r"对象|设施|设备|资金|货物|服务|工程|"
    # places ranked or picked (对考核排名后3位的县（市、区），…)
    r"县[（(]市、区[）)]|乡镇[（(]街道[）)]|县区|县市区|乡镇|街道|村|社区|地区)"
)
THE_ONES_NAMED = re.compile(
    r"^(?P<lead>对于|对|针对)(?P<cond>[^，,。；;：:]{2,60}?的"
    # (a word or two before the noun: 任命的其他人员, 不达标的燃煤锅炉; a list of them:
    # …的特困供养人员、最低生活保障对象)
    r"[^，,。；;：:的]{0,6}?"
    + ONES_NAMED
    + r"(?:[、和及][^，,。；;：:的、]{0,10}?"
    + ONES_NAMED
    + r")*)[，,]"
)
#: "凡…的＋a thing，" (凡涉及企业切身利益的政策文件，起草部门应当…): the things a duty is for.
EVERY_ONE_OF = re.compile(
    r"^(?P<lead>凡是|凡)(?P<cond>[^，,。；;：:]{2,60}?的(?P<what>[^，,。；;：:的]{1,10}))[，,]"
    # (not before a when of its own: 凡列入…的区域，汛期…超过30毫米时，…: that one is read)
    r"(?![^，,。；;]{0,30}(?:时|期间|之前|之后)[，,])"
)
#: "If" (如发现…, 如有…); not 如实, 如期, 如数 (truthfully, on time, in full).
AS_IF = r"如(?![实期数])"
#: Meeting something (遇, 遇有, 遇到); not 遇难, 遇害, 遇险 (befallen).
MET = r"遇(?:有|到)?(?![难害险])"
#: What one meets, right before the modal word or the act, with no comma (遇4级以上大风天气应当
#: 停止…; …，遇有重大活动须暂停施工); not before 要 (遇到困难要及时报告: a duty as a whole).
MET_THEN = (
    rf"(?:如|若)?{MET}[^，,。；;的]{{2,16}}?(?=应当|应|须|必须|不得|严禁|禁止|一律|立即|停止)"
)
#: A case opening with "if" (如果…，; 如发现…，; 一旦…，), and then what to do.
IF = re.compile(
    rf"^(?P<lead>如果|{AS_IF}|若|假如|一旦|一经|{MET}|{VIA_WHEN})(?P<cond>[^，,。；;]{{2,80}})[，,](?:则)?"
)
#: A party named first, then the case it meets (企业如发现隐患，…; 施工单位遇大风天气，…;
#: 区教育局一旦接到举报，…): the case, its party in it as in ``WHEN`` (企业发生事故时，…), who
#: acts after it.
A_PARTY_IF = re.compile(
    # (its if-word looked for first, near the start: most sentences hold none, and the names
    # are many)
    r"^(?=[^，,。；;]{1,16}?(?:如|若|一旦|遇))"
    rf"(?P<cond>[^，,。；;：:的\s]{{0,12}}?(?:{_REGULATED}|{_AUTHORITY})"
    rf"(?:如果|{AS_IF}|若(?!干)|一旦|{MET})[^，,。；;]{{2,60}})[，,](?:则)?"
)
#: While a place is open or its staff at work (营业时间内, 工作期间).
WHILE_OPEN = r"(?:营业|工作|办公|开放)(?:时间内|期间)"
#: (…时，: not 4小时 nor 22时, a duration or an hour)
WHEN = re.compile(
    # (a time of day or of study is no when: 不得少于24学时，…)
    # (准时 is on time; 达到…标准时 is a when)
    r"^(?P<cond>[^，,。；;]{2,40}?(?:(?<![小\d同学课计历及按])(?<!(?<!标)准)时|期间|时期|期内|之后|以后|过程中|情况下|条件下|前提下|"
    # (营业时间内，…: while open)
    + WHILE_OPEN
    + r"|"
    # (合同履行中，…: while a thing is done)
    r"(?:履行|实施|执行|运行|使用|施工|建设|检查|验收|评审|招标|办理|审核)中))[，,]"
)
#: The parts of the day a rule may hold in (夜间, 昼间: a noise limit's, a driver's hours).
PARTS_OF_THE_DAY = "夜间|昼间|日间|白天"
#: A part of the day named before its hour (凌晨2时, 下午5时, 晚上22时).
CLOCK_PARTS = "上午|下午|中午|凌晨|早上|晚上"
#: A season, a period of the year or a part of the day (汛期, 冬季, 森林防火期, 节假日, 夜间).
SEASON_WORDS = (
    r"汛期|雨季|旱季|冬季|夏季|春季|秋季|采暖期|供暖期|防火期|禁渔期|休渔期|节假日|节日期间|"
    r"重大节日|高温季节|" + PARTS_OF_THE_DAY
)
#: A season or a period of the year the sentence opens with (在汛期，…; 冬季，…; 森林防火期，…).
SEASON = re.compile(
    # (汛期内，…: within it, the same)
    rf"^(?P<cond>(?:在|每年|进入)?[^，,。；;]{{0,10}}?(?:{SEASON_WORDS})(?:内|期间)?|"
    # (夜间22时至次日6时，…; 每年5月至9月，…; 11月15日至次年3月15日，…: a window of hours,
    # months or days)
    r"(?:在|每年|每日|夜间|白天)?[^，,。；;\d]{0,8}?\d{1,2}\s*(?:时|点|月)(?:\s*\d{1,2}\s*日)?"
    # (每日凌晨2时至上午8时，…: the part of the day named too)
    rf"\s*(?:至|到|—|－|-|~|～)\s*(?:次日|次年|当日)?(?:{CLOCK_PARTS})?\s*"
    r"\d{1,2}\s*(?:时|点|月)(?:\s*\d{1,2}\s*日)?"
    # (每日7时至9时、17时至19时，…: a second window of the day)
    r"(?:、\s*\d{1,2}\s*(?:时|点)\s*(?:至|到|—|－|-|~|～)\s*\d{1,2}\s*(?:时|点))?"
    r"(?:期间|之间)?)[，,]"
)
#: A time of day the sentence opens with, after or before it (每日22时后，禁止…; 夜间22时后应当
#: 关闭…): when the duty holds.
CLOCK_BOUND = re.compile(
    rf"^(?P<cond>(?:在|每日|每天|当日|晚上|{PARTS_OF_THE_DAY})?\s*\d{{1,2}}\s*(?:时|点)"
    r"(?:\s*\d{1,2}\s*分)?"
    r"\s*(?:以|之)?[后前])\s*(?:[，,]|(?=应当|应|须|必须|要|不得|严禁|禁止|一律))"
)
#: A period named, then 期间 (每年6月1日至9月30日为主汛期，期间…): the duty holds in it.
A_PERIOD_NAMED = re.compile(
    r"^(?P<cond>[^，,。；;]{2,40}?为[^，,。；;]{1,16}?期)\s*[，,](?=\s*(?:在此)?期间)"
)
#: A period defined, then within it (禁渔期为每年3月1日至6月30日，禁渔期内禁止…; 每年11月1日至次年
#: 5月31日为森林防火期，防火期内禁止…): both are when.
A_PERIOD_DEFINED = re.compile(
    r"^(?P<cond>(?:[^，,。；;]{0,10}?期为[^，,。；;]{2,30}?[，,]|"
    # (…为主汛期，期间…: A_PERIOD_NAMED's)
    r"[^，,。；;]{2,40}?为[^，,。；;]{1,16}?期[，,](?!\s*(?:在此)?期间))"
    r"\s*(?:在|此|在此)?"
    r"[^，,。；;\d]{0,6}?期(?:内|间))"
)
#: 时 that says when (销售时, 检查时; not 同时, 及时, 按时, 22时).
WHEN_WORD = r"(?<![同及随按准届适临实定小暂有学课计历\d])时"
#: A stretch of time a duty holds in (施工期间, 营业时间内).
DURING_WORD = rf"期间|时期|过程中|{WHILE_OPEN}"
#: "…时" right before the modal word, with no comma (煤炭销售时应当出具…).
WHEN_INLINE = re.compile(
    rf"^(?P<cond>[^，,。；;]{{2,20}}?{WHEN_WORD})(?=应当|应|须|必须|要|不得|严禁)"
)
#: What one meets, right before the modal word and with no comma (遇4级以上大风天气应当停止…;
#: 施工单位遇有重大活动须暂停…): when the duty holds, its party in it as in ``WHEN_INLINE``.
MET_INLINE = re.compile(
    r"^(?=[^，,。；;]{0,16}?遇)"  # (遇 looked for first, as for ``A_PARTY_IF``)
    rf"(?P<cond>(?:[^，,。；;：:的\s]{{0,12}}?(?:{_REGULATED}|{_AUTHORITY}))?{MET_THEN})"
)
#: A distance from a place the sentence opens with, then a ban, a duty or a leave (距离河道管理范围
#: 线30米以内，禁止新建建筑物; 在保护区边界500米以外，可以开展旅游活动): where it holds, the
#: distance its case; not a requirement of its own.
WITHIN_A_DISTANCE = re.compile(
    r"^(?P<cond>(?:在|距|距离|离)[^，,。；;]{1,24}?\d+(?:\.\d+)?\s*(?:米|公里|千米|m|km)\s*"
    r"(?:以内|之内|范围内|内|以外|之外|范围外))\s*[，,]"
    r"(?=\s*(?:禁止|严禁|不得|不准|一律不得|应当|应|必须|须|可以|可))"
)
#: A zone the sentence opens with, then what holds in it (禁养区内不得新建畜禽养殖场; 饮用水水源
#: 一级保护区内，禁止…): where the duty holds. Not where the whole text holds (本市行政区域内，…).
A_ZONE = re.compile(
    r"^(?P<cond>在?(?![本全各该])(?:(?!行政区域|辖区)[^，,。；;：:\d的]){1,16}?"
    r"(?:区|区域|地区|地带|范围)(?:内|以内|之内))"
    # (重点管理区内每户限养1只犬: a limit for each one in it, as after a comma)
    r"\s*(?:[，,]|(?=不得|禁止|严禁|一律不得|应当|应|须|必须|每))"
)
#: A bound reached, after the modal word and 在, to its comma (景区应当在游客数量达到最大承载量的
#: 80%时，采取限流措施): the duty after the comma holds then, the number is the case's. Not a
#: time alone (应当在申报预算时，制定绩效目标: when it is done, no case).
WHEN_AFTER_MODAL = re.compile(
    r"^[^，,。；;]{0,20}?(?:应当|应|必须|须)(?:在|于)"
    r"(?P<cond>[^，,。；;]{0,20}?(?:达到|超过|超出|低于|高于|不足|大于|小于)[^，,。；;]{0,12}?"
    rf"[\d一二三四五六七八九十两百千万][^，,。；;]{{0,12}}?{WHEN_WORD})[，,]"
)
#: The ones, then when, right before the modal word (参加职业培训的人员，取得证书后可按规定申请…).
THE_ONES_THEN_WHEN = re.compile(
    # (not a duty of its own first: 供应商…前可以撤回…的投标文件，投标截止后不得撤回)
    r"^(?P<cond>(?:(?!可以|应当|必须|不得)[^，,。；;：:]){2,40}?的[^，,。；;：:的]{1,8}[，,][^，,。；;：:]{2,20}?(?:之?后|时))"
    r"(?=可(?!能)|应当|应|须|必须|要|不得|严禁)"
)
REACHING = re.compile(
    r"(?P<cond>(?:年|月|日|日均|年均)?[^，,。；;]{0,20}?(?:达到|超过|在|不足|低于|高于)"
    r"[^，,。；;]{1,30}?)的(?P<who>企业|单位|项目|配送中心|配送点|场所|学校|经营户)"
)


#: The words of a target to reach (全市建成500个以上的示范村，…): its number picks no ones out.
TARGET = r"建成|完成|新增|培育|打造|创建|实现|力争|累计"
#: The same for other ones a sentence opens with, before its comma (…收入低于当地平均水平的家庭，).
REACHING_OPENS = re.compile(
    # (not a target: 全市建成500个以上的示范村，…)
    rf"^(?![^，,。；;]*?(?:{TARGET}))"
    r"(?P<cond>[^，,。；;]{0,20}?(?:达到|超过|不足|低于|高于)[^，,。；;]{1,30}?)的"
    r"(?:[^，,。；;的]{0,10}?(?:设施|装置|工程|水厂|处理厂))?"
    r"(?:家庭|居民|人员|对象|车辆|产品|设备|门店|网点|个人|用户|"
    # (绩效评价得分低于60分的区，相应扣减…: the places or projects a measure after it is for)
    r"区|县|市|地区|区县|县区|市县|县（市、区）|乡镇|街道|村|社区|单位|项目|学校|部门|(?<=[施置程厂]))[，,]"
)


#: The works a size picks out (设计规模500立方米/日（含）以上的农村生活污水处理设施，…).
SIZED_WORKS = re.compile(
    r"^(?P<cond>[^，,。；;]{0,20}?\d[^，,。；;]{0,16}?(?:以上|以下|以内))的"
    r"[^，,。；;的]{0,10}?(?:设施|装置|工程|水厂|处理厂)[，,]"
)


#: Things of a size or more named by it with no 的 (10吨以上货车每车次收费50元, 100千瓦以上电动机
#: 应当安装…, 建筑面积1万平方米以上商场…): the ones the rest is for. (Not a share, 90%以上行政村
#: 实现…, a target; not what a party has, 具有5年以上工作经验: nothing but a measure's name
#: before the number.)
SIZED_CLASS = re.compile(
    r"^(?P<lead>对于|对|凡是|凡)?(?P<cond>(?:[^，,。；;：:的\d]{0,6}?(?:面积|容量|功率|排量|吨位|载重量?|"
    r"总质量|产量|产值|规模|高度|长度|层数|座位数))?"
    r"\d[\d.]*\s*(?![%‰成倍人名位个])[^\d，,。；;：:的%‰]{1,4}?(?:及以上|及以下|以上|以下)"
    r"(?:(?!的)[\u4e00-\u9fff]){1,8}?)"
    r"(?=每|应当?|须|必须|要(?!求)|不得|严禁|禁止|不应|不宜|可以?|一律|均|\d|不超过|不少于|不低于|"
    r"不高于|最高|最多|至少|[，,])"
)


#: The inspected party a sentence opens with, picked out by what it did (列入黑名单的企业，…;
#: 未按期完成整改的企业，…): what picks it out is the condition, the party who acts.
PARTY_PICKED = re.compile(
    # (not what a party is: 各医疗机构是医疗废物管理的第一责任人，应当…: it acts, no case)
    f"^(?!鼓励|倡导|提倡|支持|引导)(?![^，,。；;：:的]{{1,20}}(?<![凡但还就])是(?!否))"
    f"(?P<cond>[^，,。；;：:]{{2,30}}?)"
    # (not whose they are: 住宅物业的业主, 本小区的业主)
    f"(?<!物业)(?<!小区)(?<!房屋)(?<!住宅)(?<!楼)的(?P<who>[^，,。；;的]{{0,10}}?(?:{_REGULATED}))[，,]"
)

#: The same of an authority, picked out by how it did in a review (当年考核不合格的乡镇，不得参加
#: 评先; 未完成年度任务的县（市区），…): a case, not a name (负责审批的部门 names who acts).
AUTHORITY_PICKED = re.compile(
    r"^(?P<cond>[^，,。；;：:]{0,16}?(?:考核|评估|评价|检查|排名|验收)[^，,。；;：:]{0,8}?"
    r"(?:不合格|不达标|不及格|较差|末位|靠后|后三位|落后)|"
    # (上年度考核结果为“优秀”的县，…: the ones its review graded so)
    r"[^，,。；;：:]{0,16}?(?:考核|评估|评价|验收)(?:结果|等次)?(?:为|被评为|评为)[^，,。；;：:的]{1,8}|"
    # (未设立志愿服务站点的社区，每个扣0.5分: the ones that did not)
    r"[^，,。；;：:]{0,16}?未[^，,。；;：:的]{1,16}"
    r"[^，,。；;：:]{0,12}?)的(?P<who>[^，,。；;的]{0,6}?(?:" + _AUTHORITY + r"))[，,]"
)


#: A state reached that the sentence opens with, the modal word right after its comma (每日最高
#: 气温达到40℃以上，应当停止…): when the duty applies.
STATE_REACHED = re.compile(
    # (not a limit, 速度不得超过40公里/小时，严禁…: a requirement, then another)
    r"^(?P<cond>[^，,。；;：:]{2,30}?(?<![不得应宜能准须])(?:达到|超过|高于|低于|不足|大于|小于)"
    r"[^，,。；;：:的]{1,20}?)"
    r"[，,](?=\s*(?:则|就)?\s*(?:应当|应|须|必须|要|不得|严禁))"
)
#: An exception the sentence opens with (除涉及国家秘密的外，…; 除…以外，).
EXCEPT = re.compile(r"^(?P<cond>除[^，,。；;]{2,40}?(?:以|之)?外)[，,]")
#: Leave not given, the sentence opens with it (未经批准，不得…): when the duty after it holds.
WITHOUT_LEAVE = re.compile(r"^(?P<cond>未经[^，,。；;]{1,40}?)[，,]")
#: Which ones among many (城区到乡村交流轮岗的教师中，…): the ones the rule after it counts.
AMONG = re.compile(
    r"^(?P<cond>[^，,。；;：:]{2,40}?的[^，,。；;：:的]{1,10}(?<!其)中|"
    # (本次下达资金中，用于…的部分应当…: the ones among the funds this notice hands down)
    r"(?:本次|此次|本批|上述)[^，,。；;：:的]{1,16}(?<!其)中)[，,]"
)
#: A breach the sentence opens with, the sanction for it after its comma (采购人不作为、慢作为，
#: 追究…责任; …出现违法、违规行为，由财政局等部门依法处理): no duty of its own.
#: A regulation's penalty clause: the rule broken, then who did what (违反本条例规定，燃气经营者
#: 未按照规定进行安全检查的，由…责令…): one condition, the two phrases.
BROKEN_RULE = re.compile(
    r"^(?P<cond>违反[^，,。；;：:]{0,30}?规定[，,][^，,。；;：:]{2,60}?的)[，,]"
)
BREACH = re.compile(
    r"^(?P<cond>[^，,。；;：:]{0,40}?(?:违法|违规|违反|未按|不按|拒不|拒绝|擅自|弄虚作假|骗取|"
    r"套取|虚报|冒领|不作为|慢作为|乱作为|滥作为|失职|渎职|造成|发生|出现)[^，,。；;：:]{0,40}?)[，,]"
    r"(?=\s*(?:由[^，,。；;]{2,30}?)?(?:及时|立即|迅速)?(?:依法|依规|依纪|严肃|从严|并)*"
    r"(?:予以|给予|责令|追究|处以|处理|查处|移交|移送|吊销|没收|取消|追回|[做作]出处理))"
)
#: A time in a period, no thing (3月, 12月份, 第一个月, 月底, 周一; 第一季度, masked whole).
_A_DATE = (
    r"(?:＿+|\d{1,2}月份?(?:\d{1,2}日)?|第?[一二三四\d＿]{1,3}个?(?:月|周|季度)|[月年季][初底末中]|"
    r"(?:周|星期)[一二三四五六日天])"
)
#: Times in a period, listed (3月、6月、9月、12月; 3月和9月).
_DATES = rf"{_A_DATE}(?:[、和及与]{_A_DATE})*"
#: The time in each period a duty is done, opening its phrase (每年3月，…; 每年的3月、9月，…;
#: 每季度的第一个月，…; 每月…): who acts is named after it.
A_TIME_FIRST = re.compile(rf"\s*每(?:半年|年度?|季度?|月|周|日|天)(?:的?{_DATES})?\s*[，,]?\s*")
#: A day (week, month) of each period, then what it is named (每月5日为安全检查日, 每年6月为…月;
#: 每月5日 masked whole, a date).
A_DAY_NAMED = r"(?:每(?:年|个?月|周|季度)|＿{3,})[^，,。；;为]{0,12}为"
#: Which things a duty is for, named by a noun after 的, the modal word right after its comma
#: (涉及危险化工工艺的生产装置，必须装备…; 已核准的项目，必须…; 达不到标准班额的教学点，
#: 按…核定编制): a party named so is who acts (``PARTY_PICKED``), these are not.
THE_THINGS = re.compile(
    # (not a day named: 每月15日为全市统一的垃圾分类宣传日，各街道应当…: when it is done)
    rf"^(?!{A_DAY_NAMED})"
    # (…的中小学，有寄宿学生的中小学，以及…的中小学，可…: a list of them, all the condition)
    r"(?P<cond>(?:[^，,。；;：:]{2,60}?的[^，,。；;：:的]{1,14}[，,]\s*(?:以及|及|和|或者?)?){0,5}"
    # (not a time of a period: 每年的3月、9月，…; 每季度的第一个月，…: when it is done)
    rf"[^，,。；;：:]{{2,60}}?的(?!{_DATES}[，,])"
    # (not a duty of its own: 共用设施设备的日常维修由物业服务企业负责，…)
    r"(?P<noun>(?:(?!由|负责)[^，,。；;：:的]){1,14}))[，,]"
    r"(?=\s*(?:则)?\s*"
    # (挂牌督办的重大事故隐患，生产经营单位应当…: who acts on them, named before the modal word)
    r"(?:[^，,。；;：:的]{0,14}?(?:" + _REGULATED + "|" + _AUTHORITY + r"))?"
    r"(?:原则上|一律|均|都|也)?\s*"
    r"(?:应当|应|须|必须|要|不得|严禁|禁止|可以|可|方可|按照|按)|"
    # (依法必须进行招标的项目，招标文件发售期不得少于5日: a measure of theirs, then its bound)
    r"[^，,。；;：:的]{2,10}?(?:期|期限|时间|比例|金额|面积|数量)(?:不得|不应|应当?|须)"
    r"(?:少于|低于|超过|高于|短于|长于|不少于|不低于|不超过|不高于)|"
    # (挂牌督办的隐患，逾期未完成整改的，对其…约谈: the ones of them in breach, a case of theirs)
    r"(?:逾期|未|拒不|不按)[^，,。；;：:]{1,16}的[，,])"
)
#: …or the one who acts on them after 由 (挂牌督办的重大隐患，整改完成后由企业提出销号申请): a
#: short noun phrase, no verb of a duty of its own before its 的.
THINGS_BY = re.compile(
    # (因灾无家可归的受灾人员: an idiom's 可 may be in it)
    r"^(?P<cond>(?:(?!(?<!无家)(?<!无房)可|将|把|应|要|须|不得)[^，,。；;：:]){2,20}?的"
    r"(?P<noun>[^，,。；;：:的]{1,8}))[，,]"
    r"(?=[^，,。；;：:]{0,12}?由[^，,。；;：:]{0,16}?(?:" + _REGULATED + "|" + _AUTHORITY + r"))"
)
#: …or a limit of theirs after the comma (挂牌督办的重大事故隐患，整改期限一般不超过90日); not
#: where a number picks them out (年满60周岁的老人，…: that condition is the number's).
THINGS_LIMITED = re.compile(
    r"^(?P<cond>[^，,。；;：:\d＿]{2,60}?的(?P<noun>[^，,。；;：:的\d＿]{1,20}))[，,]"
    r"(?=[^，,。；;]{1,12}?(?:不超过|不得超过|不少于|不低于|不高于|不多于|最长|最高|最多|至少))"
)
#: A modal word (the words before a comma that hold one state a duty, not which ones).
A_MODAL_WORD = re.compile(
    r"必须|应当|(?<![反响适供])应(?![急用])|(?<![主重])要(?![求素点])|(?<![必])须|不得|严禁"
)
#: A party the words open with, what it owns after it (化工企业新建、改建项目的…).
OWNED = re.compile(f"[^，,。；;的]{{0,10}}?(?:{_REGULATED})")
#: Nouns after 的 that name no ones (按照…的要求，; 在…的基础上，).
NO_ONES = re.compile(r"^(?:要求|规定|原则|精神|部署|安排|基础上|同时|需要|前提下|通知|意见|办法)")
#: A measure after 的: what the duty after the comma bounds, not which ones it is for
#: (失业保险金的标准，不得低于…; 补助资金的比例，不超过…); or what is done with the thing, the
#: topic of whoever does it (市级储备粮的规模，由…确定; 公务用车的购置，由…统一组织).
A_MEASURE = re.compile(
    r"(?:标准|金额|数额|额度|限额|比例|比率|面积|数量|费用|价格|水平|幅度|年限|期限|浓度|"
    r"规模|购置|配置|采购|处置|轮换|收储|动用|调整|核定|分配)$"
)
#: The ones a reward or a sanction is for, named as places or parties (考核结果为优秀的乡镇，给予…;
#: 未按期完成整改任务的村，扣减…): no modal word, the measure right after the comma.
THE_ONES_DEALT_WITH = re.compile(
    r"^(?P<cond>[^，,。；;：:]{2,40}?的[^，,。；;的]{0,6}?"
    r"(?:乡镇|街道|村|社区|单位|企业|个人|部门|学校|项目|家庭|人员|区|县|地区|户))[，,]"
    # (…的建档立卡贫困户，每户给予3000元: each of them, then the grant)
    r"(?=\s*(?:每(?:户|人|家|个|名)?)?(?:给予|扣减|扣除|扣罚|通报|约谈|取消|奖励|予以|收回|追回|暂停|停止|责令|列入|纳入|"
    r"一次性|按照?|不予|不再))"
)
#: A band and its grade, then what the ones in it get (考核得分90分以上的为优秀，给予10万元奖励;
#: 60分以下的为不合格，扣减…): the band is the condition.
GRADED = re.compile(
    r"^(?P<cond>[^，,。；;：:]{2,30}?的)为(?:优秀|良好|合格|不合格|基本合格|较好|一般|较差|差|"
    r"[A-DＡ-Ｄ]级|[一二三四五]等|[一二三四五]档)[，,]"
    r"(?=\s*(?:给予|扣减|扣除|扣罚|通报|约谈|取消|奖励|予以|收回|追回|暂停|停止|责令|列入|按照?|不予))"
)
