"""Sentences that report or speak about the text, not what is to be done: what was done (已…,
近年来…, 全区上下…, 完成年度目标的112%), what was reckoned (经测算，…), and words about the document
itself (是指, 自…起施行, 联系电话：…). Pure module (standard library and the modal words);
``duties`` and ``numbers`` ask it.
"""

from __future__ import annotations

import functools
import re

from checklists.standards.modality import ANY_MODAL

#: An estimate or a count made, opening a sentence (经测算，…; 据不完全统计，…; not 经调查核实，
#: a procedure a case follows).
ESTIMATED = re.compile(r"\s*(?:经|据)(?:初步|不完全)?(?:测算|核算|估算|统计)[，,]")
#: Years of effort a sentence opens with, told of (经过多年努力，…; 经过三年专项治理，…): what they
#: brought about, a report; not a target set for the years ahead (经过三年努力，到2025年…, 力争…).
EFFORTS_MADE = (
    r"\s*经过(?:多年|近?[＿\d一二三四五六七八九十两几]+年|长期|持续|不懈|全市|全县|全区|各方|共同)"
    r"[^，,。；;]{0,10}?(?:努力|治理|整治|建设|攻坚|奋斗|发展|实践|探索|推进)[，,]"
    r"(?![^。；;]*(?:到\s*[＿\d]{4}|至\s*[＿\d]{4}|力争|争取|确保|计划))"
)
#: No target in what follows (2025年全市…5万人以上，比上年增长3%以上: a year's target, not its
#: results).
NOT_A_TARGET = r"(?![^。；;]*(?:以上|以下|以内|不低于|不少于|不超过|不高于|力争|确保|争取))"
#: A target or a modal word anywhere in the sentence (到2025年, 确保, 力争, 应当): what follows it
#: is aimed at, no report (read from the sentence's start, in a lookahead).
_AIMED = r"[^。；;]*(?:确保|目标|计划|预计|到\s*[\d＿]{4}|至\s*[\d＿]{4}|" + ANY_MODAL.pattern + ")"
#: Not right after the verb of taking back what was paid: 已 there (退回已拨付资金, 收回已发放补贴)
#: is what a sanction takes back, no report.
_NOT_TAKEN_BACK = r"(?<![回还缴])"
#: How a list is made up (全年为民办实事项目共10大类32项): its size, no target.
LIST_MADE_UP = r"共(?:计|有)?\s*[\d＿]+\s*(?:大类|类)\s*[\d＿]+\s*(?:项|个)"
#: A verb's 了, what was done (贡献了全市60%以上的税收; not 为了, 除了, 终了, 了解).
DID = re.compile(r"(?<![为除终])了(?!解)")
#: What an inspection found or the figures show, a bulletin's words (检查发现，…; 经抽查，12家
#: 企业…; 监测数据显示，…; 从检查情况看，…; 整改率仅为60%): a report, its numbers too (not the
#: ones found, a case: 检查中发现安全隐患的，应当…, which the duty after it keeps).
FOUND = re.compile(
    r"^(?:经|在)?[^，,。；;\d＿]{0,6}?(?:检查|抽查|督查|暗访|核查|巡查|排查)(?:中|时)?发现[，,：:]|"
    r"^经(?:抽查|检查|督查|暗访|巡查|核查)[，,]\s*[\d＿]|"
    r"^[^，,。；;]{0,12}(?:显示|表明)[，,：:]|^从[^，,。；;]{0,12}(?:情况|结果|数据|反馈)(?:来)?看[，,]|"
    # (本次检查共抽查企业120家: what this round did, 检查 or another word of it between)
    r"仅(?:为|有|占|达到?)\s*[\d＿]|(?:本次|此次)[^，,。；;\d＿]{0,6}?(?:共|累计)"
)
#: A sentence that reports what has been done, not what is to be done.
DESCRIPTIVE = re.compile(
    # (已 in a phrase that names which ones, 已聘任…的教师, reports nothing)
    # (取得…成效 reports; 取得健康证明后, 取得许可证 are conditions and duties)
    # (not 终了, the end of a period: 年度终了后3个月内; nor 了解, to find out)
    DID.pattern
    + "|"
    + _NOT_TAKEN_BACK
    + r"(?:已经|已(?!有|具备))(?![^，,。；;]*的)|近年来|目前|截至|"
    # (截止2025年底 reports as of then; not 投标截止后, a deadline passed)
    r"截止(?=\s*(?:到|至|目前|当前|今|[\d＿]|[上本去今]年|[上本]月))|"
    # (采矿权取得、进出口; 取得的成效 in a list of contents: nouns, no report)
    # (未取得备案的: not obtained, a case)
    r"(?<![未没])取得(?![、和及与等的]|[^，,。；;]{0,12}(?:后|前|证|资格|资质|许可|同意|批准|备案|登记|执照|权))|"
    r"去年|"
    # a year's totals (2023年，全市共清运…; ＿＿＿＿年全县累计…; 2018年底，全市…共有): what was done
    r"^[＿\s]*(?:\d{4}\s*年[度底末]?[，,]?\s*|[，,]\s*)?全(?:省|市|区|县|镇|乡)[^，,。；;]{0,8}?(?:共|累计)(?!同)|"
    # (not what is reported on: 将上半年资金使用情况报…, 报送上半年工作总结)
    r"今年以来|(?<![将把送报交])上半年(?![^，,。；;]{0,4}(?:完成|开工|建成|实现|启动|开展)|"
    r"[^，,。；;]{0,8}(?:情况|总结|报告|数据))|以来|^" + EFFORTS_MADE + "|"
    # a year's results against the year before (2022年全市…约45万单，同比增长12.6%)
    r"^\s*(?:\d{4}\s*年|＿{4,5}\s*年?)度?[，,]?\s*(?:全|我)(?:省|市|区|县|镇|乡)"
    + NOT_A_TARGET
    + r"[^。；;]*(?:同比|环比|[比较]上年)|"
    # (本次抽查合格率为92.5%，较上年提高3个百分点: a change told against the year before, in a
    # sentence with no target nor duty; not 力争…比上年增长10%, 合格率要较上年提高…)
    r"^(?!" + _AIMED + r")[^。；;]*?(?:同比|环比|[比较]上年(?:同期)?)\s*(?:增长|提高|下降|增加|"
    # (not a case: 对空气质量同比下降的镇，…约谈…)
    r"减少|上升|降低|提升|持平)(?![^，,。；;]{0,12}的)" + NOT_A_TARGET + "|"
    # (该区域常住人口约15万人: a number told as about so many, in a sentence with no duty)
    r"^(?!" + _AIMED + r")[^。；;]*?(?<![节制契合预签违履践])约\s*[\d＿]|"
    # an estimate or a count made (经测算，全年需补助资金约3000万元; 据统计，…): a report
    r"^" + ESTIMATED.pattern + "|" + LIST_MADE_UP + "|"
    # what a change costs, reckoned (每提高1元，全市每月需增加…支出约4.6万元)
    r"需要?[^，,。；;]{0,20}约\s*[\d＿]|"
    # what was done in all (全市共检查企业1200家, 累计排查隐患…处): a report (not what is
    # banned: 不得跨年度累计发放)
    r"(?<!不得)(?<!严禁)(?<!禁止)(?<!不准)(?<!不)(?<!跨年度)(?<!跨年)(?:共|累计)(?:检查|发现|排查|查处|整改|办理|受理|处理|开展|培训|组织|出动|下达|拨付|发放|确定|认定|"
    r"扶持|完成|实现|新增|投入|安排|建成|帮助|带动|救助|资助|补贴|吸纳|接收|接待|征集|办结|抽取|"
    r"抽查|抽检|督查|走访|约谈|关停|取缔|淘汰|整治|立案)|" + FOUND.pattern
)
#: A sentence about the document itself: a definition, its enactment, what follows.
ABOUT_THE_TEXT = re.compile(
    # (特制定本办法; not a plan of the year or the department's own: 制定本年度计划)
    r"是指|系指|所称|(?:特|现)制定本|"
    # (制定本实施办法, 本暂行办法, 本管理规定: what kind, then the instrument)
    r"(?:制定|编制|制订|修订)本(?:实施|暂行|试行|管理|工作|专项|应急|行动)?"
    r"(?:办法|规定|意见|细则|实施细则|方案|实施方案|制度|预案|通知|标准|规则|指南|条例|要点|计划|"
    r"规范|准则|规程|守则|导则|清单|措施|若干措施|规划|指引|政策|若干政策)|"
    r"(?:通知|意见|规定|办法|通告|公告|决定|要求)如下|如下[：:]?$|"
    r"现予印发|现印发|"
    r"(?:提出|制定|作出)(?:以下|如下)|"
    # (为确保…安全运行，决定开展水利工程安全检查: what the issuer decided, for a purpose)
    r"^为[^。；;]{2,80}?[，,]\s*(?:经[^，,。；;]{2,24}[，,]\s*)?决定[^，,。；;]{2,60}$|"
    # where to read more (详见本公报第15页, 具体见附件2): a cross-reference, no duty
    r"^(?:详见|参见|具体见|另见)|"
    # what an assessment is made of, covers, and how it is done (测评体系由…三部分构成; 主要考察
    # …等方面; 考核采取…相结合的方式进行): the rules described, no duty
    r"由[^，,。；;]{2,40}[一二三四五六七八九十两]+(?:部分|方面|类)(?:构成|组成)$|"
    r"主要(?:考察|考核|测评|包括|涵盖)[^，,。；;]{2,60}等?方面$|"
    r"采取[^，,。；;]{2,40}相结合的(?:方式|办法)(?:进行)?$|"
    # grades a result falls in (检查结论分为合格、基本合格和不合格三个等次): names, no duty
    r"分为[^，,。；;]{2,40}(?:等次|等级|档次|个档)$|"
    # a formula (得分=实际支出数÷预算数×10分): how a figure is reckoned, no duty
    r"[=＝][^，,。；;]*[×÷]|"
    # (《…办法》根据本决定作相应修改，重新公布: the amended text, no duty)
    r"根据本决定作相应的?修(?:改|正)|^重新公布$|"
    r"请认真(?:贯彻|遵照)|遵照执行|(?:一并|同步)执行$|(?:同时|一并)废止$|起施行|起执行(?:$|[，,])|解释$|负责解释|"
    # (…与本通知不一致的，以本通知为准: which text prevails)
    r"以本(?:通知|办法|规定|意见|细则|条例|决定|方案)(?:规定)?为准|"
    r"^附件|^附表|"
    # the text's own term (本通知执行期限为…至…; …自…起执行，执行期3年) and an article's
    # bracketed heading (【资金拨付】)
    r"^本[^，,。；;]{0,6}?(?:执行期限|执行期|有效期|实施期限)|(?:执行|实施)期限?(?:为|是)?\s*[\d＿一二三四五六七八九十]+\s*年$|"
    r"^[＿\s]*条?\s*【[^】]{1,16}】$|"
    # a notice's closing formula (特此通知, 特此公告)
    r"^特此(?:通知|通告|公告|函告|函复|批复|报告)$|"
    r"^(?:不含|不包括|包括)|"
    # a table's header row (序号 检查内容 检查结果)
    r"^序号[\s\t]|"
    # when the text takes effect (本通知自印发之日起30日后施行)
    r"起[^，,。；;]{0,10}(?:施行|生效)$|"
    # how to reach someone (举报电话：12345, 联系人：…, 邮编：…)
    r"^(?:举报|监督|咨询|投诉|服务|值班)?(?:电话|热线|联系人|联系电话|联系方式|地址|邮编|邮政编码|"
    r"传真|电子邮箱|邮箱|网址)\s*[:：]|"
    # (旅游投诉举报电话为12345: a number to call, no duty)
    r"(?:电话|热线)(?:号码)?(?:为|是)\s*[\d＿\-－—、 ]+$|"
    r"印发给你们|请结合实际|认真贯彻执行|认真抓好落实|^希望|"
    # (请各地结合实际认真贯彻落实: the document asks for itself to be carried out)
    r"^请[^，,。；;]{0,16}?(?:贯彻落实|贯彻执行|遵照执行|抓好落实|组织实施)$|"
    # what the document does to whom it names (现予以通报批评, 特予以表彰; 经查，…: its findings)
    r"(?:现|特)予以|^经(?:查|核查|调查|查实)[，,]|"
    # what the document hands out (现将…补助资金3500万元下达给你们)
    r"(?:^|[，,])现将[^。；;，,]*(?:下达|下发|拨付|分配|公布|通报)[^。；;，,]*(?:给你们|如下)|"
    r"^现将[^。；;]*(?:下达|下发|拨付|分配|公布|通报)|"
    # what a measure means (实行校长职级制，是深化…改革的重要举措): its significance, no duty
    # (稳就业是做好“六稳”工作的首要任务: what a field of work is, with no comma before 是)
    r"(?:[，,]|^[^，,。；;]{2,24})\s*是[^，,。；;]{2,40}(?:重要举措|重要内容|重要途径|重要手段|"
    r"重要保障|重要基础|必然要求|具体体现|有效途径|关键环节|首要任务|重要任务|中心任务|重中之重|之年|重要依据|主要依据)$|"
    # the guiding thought a plan opens with (以…思想为指导，全面贯彻…，深入落实…部署): no duty,
    # nor a number
    r"^以[^，,。；;\d]{2,60}为(?:指导|统领|引领|根本遵循)[，,][^\d。；;]*$|"
    # the text's scope (本细则适用于…经营者, 本实施方案适用于…, 本暂行办法适用于…): whom it
    # covers, no duty
    r"^本[\u4e00-\u9fff]{0,4}?(?:办法|规定|细则|实施细则|条例|意见|方案|预案|标准|规范|通知|制度|规则|政策|措施)适用于|"
    # the text's scope (…及其监督管理，适用本办法) and a reply's own decision (同意设立…)
    r"适用本(?:办法|规定|条例|细则|制度|意见|方案|通知)|^(?:[一二三四五六七八九十]+、)?同意(?!后)|"
    # what the document itself does (决定对…予以表彰, 决定任命): done by issuing it
    r"决定[：:]?(?:对|给予|授予|任命|免去|聘任)|"
    # (经市政府研究，决定成立…领导小组; 市政府决定命名…为…: the document's own act; not 报…决定,
    # 由…决定, 可决定: a power it gives)
    r"(?:^|[，,])[^，,。；;由报]{0,16}(?<![可并应须要])决定(?:成立|命名|设立|撤销|公布|废止|取消|保留|"
    r"调整|增补|组建)|^(?:任命|免去)[：:]?$|"
    # (经研究，确定2025年第一批重点项目30个: what the document settles, by issuing it)
    r"^经[^，,。；;]{0,12}?(?:研究|审定|讨论)[，,]\s*(?:确定|认定|命名|公布)(?![^。；;]*(?:应当|要|须|必须))|"
    # an appointment or a removal the notice makes (任命张三为…, 张三同志任…, 免去…职务)
    r"^(?:任命|免去|聘任|提名)\S|(?<!负责)同志(?:任|为)\S|免去[^，,。；;]{1,40}职务"
)


#: What was done, with no modal word: the whole of a place, top to bottom (全区上下深入开展…),
#: or how much of a target (完成年度目标的112%). A report, no duty and no threshold.
WHAT_WAS_DONE = re.compile(
    r"全(?:省|市|区|县|镇|乡|系统|行业)上下|"
    # what was paid in all, and to whom (全年共为2.3万名…发放…, 全市累计为…发放补贴6280万元)
    r"全(?:年|省|市|区|县)(?:共|累计)(?:为|向)[^，,。；;]{1,20}?(?:发放|兑现|拨付|支付)|"
    # a rank reached (位居全省前列, 名列全市第一, 排名第三): a report
    # (not the ones a rank picks out: 对排名位居全市后三位的乡镇，…)
    r"(?:位居|名列|排名第|居全[省市国区县])(?![^，,。；;]*的)|"
    # how much of a target was done (完成年度目标的112%, 完成全年任务的95.6%): a report
    r"完成(?:了)?(?:年度|全年|年|省|市|县|区)?(?:下达的)?(?:目标|任务|计划)(?:任务)?的[\d.＿]+\s*[%％]|"
    # what a project is foreseen to bring (建成后年产值可达10亿元, 投产后可带动就业500人; its 可
    # blanked: ``modality.no_modal_words``), an estimate (预计全年可节约资金200万元)
    r"(?:建成|投产|达产|运营)(?:后|以后)[^，,。；;]{0,12}?[可将能＿]?(?:达到?|实现|带动|新增|增加|"
    r"形成|创造|节约|减少|提供)|(?:^|[，,])\s*预计|"
    # what the weather will do (12小时内降雨量将达50毫米以上, 24小时内最低气温将降至0℃以下: a
    # warning signal's meaning, no duty)
    # (from a number's first digit only: a long run of digits is read once)
    r"(?<![\d＿])[\d＿]{1,6}\s*小时内[^，,。；;]{0,12}?(?:将|可能)(?:达到?|出现|升至|降至|下降|升高|持续)"
)


#: A phrase that tells what there is or what was done (全市现有…48家, 共有58个部门, 已建成…2个,
#: 已对286家企业…): a report's numbers, whatever duty the sentence goes on to.
PHRASE_REPORTS = re.compile(
    # (not 发现有, 表现有, 体现有: found, shown)
    r"(?:(?<![发表体呈展])现有|共有|已有|尚有|拥有)(?![^，,。；;]*(?:以上|以下|不足|超过|的))|"
    + _NOT_TAKEN_BACK
    + r"(?:已经|已)(?:建成|完成|对|累计|发放|实现|达到|通过|开展|创建|培育|认定|评定|命名|签约|"
    # (市财政已安排专项资金1.2亿元, 已投入…: funds already spent)
    r"安排|拨付|下达|投入|筹集|兑现|支付)|"
    r"此前|截至|位居|普查|"
    # (会议定于3月15日上午9时在…召开: when an event is held, announced)
    r"定于[^，,。；;]{0,30}?(?:召开|举行|举办)|"
    # (你镇《关于…的请示》收悉: a reply's word that the request came, no duty)
    r"(?:请示|报告|来函|函|申请)[》>]?\s*(?:及[^，,。；;]{1,20})?收悉$|"
    # (本次检查共抽查企业120家，各县区要…: what this round did, before the duty)
    r"(?:本次|此次)[^，,。；;\d＿]{0,6}?(?:共|累计)"
)

#: How this round of funds was shared out, opening the sentence (本次资金按照因素法分配，…;
#: 此次下达资金…): what the notice itself did.
_THIS_ROUND_OPENS = r"(?:本次|此次|本批)[^，,。；;]{0,16}?"
THIS_ROUND = _THIS_ROUND_OPENS + r"(?:下达|下发|拨付|分配)"
#: …the way it was shared out, the words of a sentence that asks nothing (not 此次下达的资金，请
#: 按规定及时拨付: a request about the funds).
THIS_ROUND_SHARED = re.compile(r"[\s＿]*" + _THIS_ROUND_OPENS + r"分配(?![^。；;]*请)")

#: Whom a task's work benefits, right before their number (惠及居民3000户, 受益群众2万人): no
#: number to check.
WHOM_IT_BENEFITS = re.compile(r"(?:惠及|受益)[^，,。；;\d＿]{0,8}$")

#: An allocation the notice makes, an amount of funds handed down (东昌府区：下达资金320万元).
ALLOCATED = re.compile(
    # (possessive: a long run of blanks is read once, never backtracked through)
    r"\s*+(?:[（(]?[\d一二三四五六七八九十]+[）)、.．]?\s*+)?(?:[^，,。；;：:\s]{1,12}[：:])?\s*+"
    r"(?:共|本次|此次)?"
    # (本次下达资金中，东昌府区300万元，…: the amounts of each, listed after it)
    r"(?:下达|拨付|分配)[^，,。；;]{0,12}?(?:资金|经费|补助|补贴)[^，,。；;\d]{0,8}?(?:\d|中\s*[，,：:])"
)
#: Who answers for something, and nothing else (采购人是履约验收的责任主体).
WHO_ANSWERS = re.compile(
    r"[^，,。；;]{1,20}(?:是|为)[^，,。；;]{1,30}(?:责任主体|第一责任人|直接责任人|主体)"
)
#: A sentence that only says on what principle something is done (…按照…相结合的原则组织实施).
BY_PRINCIPLE = re.compile(
    r"^[^，,。；;]*(?:按照|遵循|坚持|本着)[^，,。；;]*原则(?:组织)?(?:实施|进行|开展|执行|推进)?$"
)


#: A commendation (予以表彰), the notice's own act unless a party is to make it.
COMMENDS = re.compile(r"予以(?:通报)?表彰")
COMMENDER = re.compile(
    r"(?:将|要|应当?|须|负责|由)[^。；;]*予以(?:通报)?表彰|^[^，,。；;]{0,24}?(?:将|要|应当?|须)|"
    # (对…的优秀教师按照有关规定予以表彰奖励: a standing rule of whom to commend, by its basis)
    r"(?:按照|根据|依照)[^。；;]{0,12}(?:规定|办法|制度)[^。；;]{0,4}予以(?:通报)?表彰"
)


#: An appointment (王某某任市财政局副局长（试用期一年）, 张某某同志兼任…成员): a person's name,
#: then the post; the notice makes it, nobody is to do anything.
_NAME = (
    r"[\u4e00-\u9fff]{2,4}?(?=同志|、|[（(]|兼任|担任|任|为)(?<![长员人手部门局委办])"
    r"(?:[（(][^（）()]{1,6}[）)])?(?:同志)?"
)
APPOINTED = re.compile(
    r"(?:(?:拟(?:提拔)?)?(?:任命|任用|聘任|聘请|提名)?"
    + _NAME
    + r"(?:、"
    + _NAME
    + r")*(?:同志)?(?:挂职)?(?:兼任|担任|任|为)"
    + r"[^，,。；;]{2,30}?(?:主任|局长|处长|科长|主席|书记|委员|成员|参事|组长|秘书长|"
    r"巡视员|调研员|经理|校长|院长|所长|站长|队长|馆长|顾问|专员)(?:职务)?"
    r"(?:[（(][^（）()]*[）)])?)"
)
#: The other phrases of an appointment notice (…，试用期一年; 免去某某的…职务; 不再担任…职务;
#: 聘期三年; 退休): an appointment sentence is made of these and appointments only.
_WITH_AN_APPOINTMENT = re.compile(
    r"(?:(?:决定)?(?:任命|免去|聘任)[：:]?)?(?:"
    + APPOINTED.pattern
    + r"|免去[^，,。；;]{2,40}职务|(?:不再|同时免去)[^，,。；;]{0,40}职务|"
    r"(?:试用期|聘期|任期)[为]?[一二三四五六两\d]{1,2}(?:年|个月)|退休|辞职|另有任用|"
    # the nominations a 公示 announces, and on what ground (经考察，拟提拔任用以下2名同志)
    r"经[^，,。；;]{0,8}?(?:研究|考察|考核|民主推荐|酝酿)|"
    r"拟(?:提拔)?(?:任用|任命|提名|推荐|交流)?[^，,。；;]{0,12}?[\d一二三四五六七八九十两]+名同志)"
)
#: A nominee's record, as a 公示 lists it: the name, then the sex (张三，男，…).
_RECORD_OPENS = re.compile(r"[\u4e00-\u9fff·]{2,6}(?:同志)?[，,]\s*[男女](?=[，,])")
#: What else a nominee's record holds (1975年3月出生, 汉族, 大学学历, 中共党员, 现任…, 拟任…).
_RECORD_PART = re.compile(
    # (a date is masked, ＿, by the time the sentence is asked)
    r"[\u4e00-\u9fff]{1,4}族|[＿\d〇○一二三四五六七八九十年月.．]{3,14}(?:出生|生|参加工作|入党)|(?:中共)?(?:预备)?党员|群众|无党派人士|"
    r"[^，,。；;]{0,12}(?:学历|学位)|(?:现任|曾任|拟任|拟提名为|拟推荐为|拟提拔为)[^，,。；;]{1,40}"
)


@functools.lru_cache(maxsize=64)  # (asked once per number of a sentence: read it once)
def appoints(sentence: str) -> bool:
    """The sentence makes or ends appointments only (王某某任…局长，试用期一年; 免去…职务)."""
    record = _RECORD_OPENS.match(sentence.strip())
    rest = sentence.strip()[record.end() :] if record else sentence
    parts = [p.strip() for p in re.split(r"[，,；;。]", rest) if p.strip()]
    if record:
        return all(_RECORD_PART.fullmatch(p) or _WITH_AN_APPOINTMENT.fullmatch(p) for p in parts)
    return bool(parts) and all(_WITH_AN_APPOINTMENT.fullmatch(p) for p in parts)


#: An item's numbering before its words (（一）, 1., 一、; a list's items only name things).
_ITEM_TOKEN = r"(?:[（(]?[一二三四五六七八九十\d＿]{1,3}[)）、.．]\s*)"
#: A list of the ones or the things a scope or a label names (享受补贴的人员范围包括：…; 补助对象
#: 为：…; 公文的种类主要有：…; 参加人员：县市场监督管理局、…): names, no duty, no threshold.
NAMES_LISTED = re.compile(
    r"^[^，,。；;]{0,30}?(?:范围|对象|内容|种类|类别)(?:主要)?(?:包括|包含|涵盖|为|是|有)\s*[:：]|"
    r"^(?:参加|参会|出席|列席|参训|成员|主送|抄送)(?:人员|单位|对象)\s*[:：][^，,。；;：:]*$"
)
#: A sentence that says what a document or a system of them consists of (预案体系包括…,
#: 本办法分为…): a list, no duty.
CONSISTS_OF = re.compile(
    r"^[^，,。；;]{0,30}?(?:预案|方案|办法|意见|规定|细则|体系)(?:主要)?"
    r"(?:包括|包含|涵盖|分为|由[^，,]{1,20}组成)|"
    # what something includes, and no more (社会保险补贴包括…，不包括…): its scope
    r"^[^，,。；;：:]{1,30}?(?:包括|包含)[^，,。；;]*(?:[，,]\s*(?:不包括|不包含|不含)[^，,。；;]*)?$|"
    # whom a grant is for, and nothing more (困难残疾人生活补贴对象为纳入…范围的残疾人)
    r"^(?:" + _ITEM_TOKEN + r"|第[一二三四五六七八九十百]+条\s*)?"
    r"[^，,。；;]{0,30}?(?:对象|范围)(?:为|是)[^，,。；;]*的[^，,。；;的]{1,16}[。；;]?$|"
    # who or what a scope holds (享受补贴的人员范围包括：…; 补助对象为：…)
     + NAMES_LISTED.pattern + "|"
    # what something is divided into (生活垃圾分为…四类; 资金分为…两类) and what funds go to
    # (补贴用于下列人员…：)
    r"^[^，,。；;]{0,30}?分为[^，,。；;]*(?:类|种|部分|项|级|档|个等级|＿)$|"  # (四类: masked)
    r"^[^，,。；;]{0,30}?(?:资金|补贴|补助|经费|奖励)(?:主要)?用于(?:下列|以下|如下)|"
    # a group's make-up (领导小组由…任组长，…为成员; 指挥部由市长任总指挥): who it holds
    r"^[^，,。；;]{0,30}?(?:领导小组|工作小组|小组|指挥部|工作组|委员会|工作专班|专班|联席会议)"
    r"(?:由|以)(?:(?!负责(?!同志|人)|承担|(?<![相适供反响效])应(?!急)|(?<!主)要|须)[^。；;])*?"
    r"(?:(?:任|担任|兼任|为)(?:常务)?(?:副)?"
    r"(?:组长|总指挥|指挥长|指挥|主任|召集人|总召集人|主席|成员|成员单位)|成员(?:包括|为)[^。；;]*)[。；;]?$|"
    # an instrument's title with its edition (…服务质量标准（2023年版）, …办法（试行）)
    r"^[^，,。；;：:\s]{2,40}?(?:标准|办法|规定|细则|规范|条例|方案|意见|规则|指南|准则|规程|导则|"
    r"清单|目录|名录)[（(][^（）()]{0,12}(?:版|试行|暂行|修订|修订稿|征求意见稿)[）)]$|"
    # a paper an applicant hands in, as an item of a list (设立申请书；, 举办者的身份证明或法人登记
    # 证书；): what is listed, no duty (not 提交申请书, 编制实施方案: a verb and its object)
    r"^(?!" + _ITEM_TOKEN + r"?(?:依法|按照?规定|如实|及时)?"
    r"(?:提交|提供|报送|出具|填写|签订|签署|制定|编制|建立|办理|取得|持有|具备|具有|上传|报|申领|"
    r"领取|获得|核发|颁发|换发|补发|查验|审核|收取|留存|保存))" + _ITEM_TOKEN + r"?"
    r"[^，,。；;：:]{0,40}?(?:申请书|申请表|审批表|登记表|证明|证书|证明材料|复印件|身份证|执照|"
    r"承诺书|协议书|委托书|说明书|意见书|章程)(?:复印件|原件)?[；;。]?$"
)


#: How many of those named need something (…，其中需配套粪污处理设施的892家): a count, no duty.
HOW_MANY_NEED = re.compile(
    r"其中[^，,。；;\d＿]{0,4}(?:需要?|应|须)[^，,。；;\d＿]{1,20}的\s*[\d＿.]+\s*"
    r"[家个户人名所处座辆台]$"
)


#: The lead of a list of papers (提供以下材料：, 提交下列申请材料：): what follows names them.
PAPERS_LISTED = re.compile(r"(?:下列|以下|如下)[^，,。；;：:]{0,6}(?:材料|资料|文件|证件|证明)\s*$")
#: A paper named as an item of a list of papers (近三年财务审计报告, 环境影响评价报告书及批复文件).
A_PAPER = re.compile(
    r"[^，,。；;向将对由]{2,30}(?:报告|报告书|报告表|证明|文件|材料|复印件|批复|执照|证书|清单)"
    r"(?:(?:及|和|、)[^，,。；;]{1,16})?"
)
