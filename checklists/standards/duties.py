"""The wording of duties: sentences and phrases, and which phrases each state one thing to do
(the modal words are ``modality``'s). Pure module (standard library only); ``extraction`` reads
numbers, this module reads what a clause asks to be done.

Chinese administrative drafting lists duties phrase after phrase (采购人对…成立采购工作组，单位一把
手任组长，…): each phrase with a verb of its own is one duty, whether or not a modal word (应当,
要, 必须) stands before it; a phrase with no verb continues the one before (完整、明确) or leads
into the next (who acts, on what: 县财政局依据上述审核结果，将资金拨付…). Not duties: a clause's
title (2、报批采购方案。), conditions (…的，…时，…后，), purposes (为…), the document's own
machinery (特制定本办法, 现将有关事项通知如下), definitions (…是指…) and descriptions of
what has been done (已, 了); the sentences that state none at all are ``no_duties``'s.
"""

from __future__ import annotations

import re

from checklists.standards.agents import agent_named
from checklists.standards.denominators import STEP_WORDS
from checklists.standards.modality import ANY_MODAL, LEAD_TOKEN, PROHIBITION, no_modal_words
from checklists.standards.no_duties import no_duties
from checklists.standards.openings import APPROVED, DECIDED, MET
from checklists.standards.parties import (
    BOUND,
    BY_LAW,
    ends_with_party,
    opens_with_party,
    party_first,
)
from checklists.standards.reports import (
    DESCRIPTIVE,
    FOUND,
    HOW_MANY_NEED,
    PAPERS_LISTED,
    PHRASE_REPORTS,
    appoints,
)
from checklists.standards.responsible import responsible_units
from checklists.standards.sentences import DUTY_ASIDE, SpanIndex, phrases
from checklists.standards.topics import a_noun, counted_next, measured_next, topic_of
from checklists.standards.verbs import (
    ACTION,
    AIM,
    CONCRETE,
    DUE_THEN,
    ENCOURAGING,
    EXHORTATION,
    LISTED_DUTIES,
    POLICY,
    UNDERSTOOD,
)

# ---------------------------------------------------------------------------------------------
# Duties
# ---------------------------------------------------------------------------------------------

#: A phrase that says to what end (确保…; 做到… and 保证… are read as duties of their own): part
#: of the duty before it.
_TO_WHAT_END = re.compile(
    r"^(?:以|从而)?(?:确保|"
    # (加大…查处力度，形成有效震慑: the effect it is to have; …，形成居家社区机构相协调、…的
    # 发展格局: however long its words)
    r"形成[^，,。；;]{0,30}(?:震慑|氛围|格局|态势|局面|声势))"
)
#: An aside in brackets that names who is responsible or where details are
#: (（责任单位：…）, （具体任务见附表）) or explains (（可满足…）): never a duty.
ASIDE = re.compile(
    r"[（(]\s*(?:责任单位|牵头单位|配合单位|主办单位|协办单位|具体|详见|见附|各[^（()）]{0,12}见|"
    r"可满足|可达到|相当于|即|约合|折合|"
    # (whom to reach: （联系人：张明，电话：…）)
    r"联系人|联系电话|联系方式|电话|邮箱|传真|地址|邮编|邮政编码)[^（()）]*(?:[）)]|$)"
)


def without_asides(text: str) -> str:
    """``text`` with its asides (``ASIDE``, and the responsible units a task ends with:
    （市财政局负责）) blanked out, at the same length."""
    out = ASIDE.sub(lambda m: "＿" * len(m.group(0)), text)
    for start, end, _units in responsible_units(out):
        out = out[:start] + "＿" * (end - start) + out[end:]
    return out


#: Words that lead into the duty of the next phrase: who acts with whom (区经信局要会同区安监局),
#: what is acted on (要将…情况), in what role (作为…主体).
_LEADS_ON = re.compile(
    # (not a noun: 联合惩戒名单, 联合执法队, 联合检查组)
    # (not who leads a body named: 建立政府负责人牵头的工作协调机制, …政府领导、民政牵头、部门
    # 配合的…机制)
    r"(?:会同|联合(?!惩戒|执法队|检查组|体|会)|协同|牵头(?![的、]))[^，,]*$|(?:将|把)"
    # (区住建局将不定期开展督查: what it will do, 将 of time, not what it takes)
    r"(?!关|握|控|不?定期|适时|组织|开展|继续|进一步|依法|严格|视情)"
    r"(?![^，,]*(?:作为|列为|视为))[^，,]*$|"
    # (要以未参保人员为重点，开展…: what the duty after it bears on)
    r"^[^将把，,]*作为|以[^，,]*为(?:主|重点|抓手|核心|导向|突破口|契机|载体|主线|依托)|"
    # (各部门要结合各自职责，制定…; 要围绕年度目标，…: the basis the next phrase's duty is on)
    r"(?:按照|根据|依据|依照|遵照|结合|围绕|对照)[^，,]*"
    r"(?:要求|规定|原则|标准|精神|需要|分工|职责|目标|任务|部署|清单|方案|预案|计划|程序|流程|特点|情况|特性|条件)$"
)
#: A phrase that only names the basis the next phrase's act is on (按照采购文件的规定).
_BASIS_ONLY = re.compile(
    r"(?:按照|根据|依据|依照|遵照|结合|对照)[^，,。；;]*(?:要求|规定|原则|标准|精神|需要|分工|职责)"
)
#: A phrase that is no duty of its own: a purpose, a basis, a time or a condition.
NOT_A_DUTY = re.compile(
    # (具体标准另行制定, 具体办法另行通知: what the text leaves for later, nothing to check now)
    r"^(?:具体|相关|有关)?[^，,。；;由]{0,10}另行(?:制定|通知|公布|明确|规定|下达|印发)$|"
    # (凡列入…的区域，…: the ones the duty after it is for, GUIDE 3)
    r"^凡是?[^，,。；;]{2,40}的[^，,。；;的]{0,8}$|"
    r"^(?:因(?!地制宜|势利导|材施教)为?|由于|可(?:节省|节约|满足|达到|实现|提高|减少|降低|有效)|能够?)|"
    # (a basis and the sanction it is imposed by, 依照《…》等有关规定追究责任, is a duty)
    # (为…提供服务, 为…办理…: for whom something is done, a duty; 为了…, 为…: a purpose)
    r"^(?:为了|为(?![^，,。；;]{1,16}?(?:提供|办理|解决|减免|发放|缴纳|代缴|购买))|以|除|(?:根据|依据|依照)(?![^，,]*(?:规定|条例|办法|法》|》)\s*(?:严肃|依法|从严|从重)?(?:追究|处理|处罚|"
    r"给予|予以|责令|查处|移送|处分))|按照[^，,]*(?:规定|通知|文件|部署)$|(?:原则上|一般)?(?:自|从)\S*(?:到|至))|"
    r"的$|(?:后|时|前|期间|之际|外|期限?内|过程中)$|^在[^，,。；;]{1,12}之?中$|在[^，,。；;]{1,16}(?:工作|活动|管理|使用)中$|^[^，,。；;]{1,10}(?:结束|终了|届满|期满)$|"
    # (经研究, 经市政府常务会议研究决定: how the text was decided, no duty)
    r"^经[^，,。；;]{0,16}" + DECIDED + "$|"
    # who a body is (市住房城乡建设局是本市燃气管理部门，负责…): a designation, no duty
    r"^[^，,。；;]{1,24}是[^，,。；;]{0,20}(?:部门|机构|主体|单位)$|"
    # (住宅小区电梯的使用单位为物业服务企业: which one is the party so named, no duty)
    r"^[^，,。；;]{1,24}(?:单位|主体|责任人)为[^，,。；;]{0,20}(?:部门|机构|单位|企业|公司|委员会)$|"
    # who holds a post (组长由县长担任, 办公室主任由…局长兼任): how a body is made up, no duty
    r"^(?![^，,。；;]*(?:应当|应|须|必须))[^，,。；;]{1,20}由[^，,。；;]{1,24}(?:担任|兼任)$|"
    # what a duty's scope leaves out (…给予补贴，不包括个人应缴纳的部分)
    r"^(?:不包括|不包含|不含)|^[^，,。；;]{0,12}不限$|"  # (…，下浮不限, 年龄不限: no limit)
    # (行政机关收到…申请，…: what befalls the party, the case its duty after it is for; 受市长
    # 委托，可以…: on whose behalf)
    r"^[^，,。；;]{0,16}?(?:收到|接到)(?!后)[^，,。；;]{1,30}$|^[^，,。；;]{0,12}?受[^，,。；;]{1,20}委托$|"
    # what a silence is taken as (逾期未审核的视为同意, 视为拒不整改): a legal effect, nobody's
    # act (not 将安全生产视为头等大事: whoever is told to hold it so)
    r"^(?![^，,。；;]*[将把])[^，,。；;]{0,20}视为[^，,。；;]{1,16}$|"
    # what a thing is (公文是…的文书, 公告是向国内外宣布…的公文): a definition (GUIDE 1.5)
    r"^[^，,。；;是]{1,12}是(?![指否])[^，,。；;]{2,60}的(?:文书|公文|文件|文种|制度|活动|行为)$|"
    # who issued what, and when (…规范（2018年版）由…于2018年6月发布): a fact told
    r"^[^，,。；;]{0,40}由[^，,。；;]{2,30}?于\s*(?:[＿\d]{2,4}\s*年|＿{4,})[^，,。；;]{0,10}?"
    r"(?:发布|印发|颁布|公布|出台|制定)$|"
    # a lead into the duties it lists (应当履行下列义务：, 并遵守下列规定：): they are the duties
    r"^(?:并|应当|应|须|必须|要)*" + LISTED_DUTIES + r"[^，,。；;]{0,8}$|"
    # (各县（市、区）分配数额见附件1，…: where the figures are, no act)
    r"(?:详见|参见|见)(?:附(?:件|表)\s*[\d＿一二三四五六七八九十]*|＿+)$|"
    # an approval a thing needs first, 经县民政部门批准，… (经…委员会确认，…): how it may, no
    # duty of its own
    rf"^{APPROVED}$|"
    # (a table's title, …情况表; not a form filled in: 组织农户填写补贴申报表)
    r"本(?:办法|规定|意见|制度|方案|预案)|"
    r"^(?![^，,。；;]*(?:填写|填报|报送|上报|编制|提交|汇总|审核|签字|盖章))[^，,。；;]*"
    # (not 推选代表, 安装电表, 水表: a representative, a meter)
    r"(?<![代发仪电水气钟手])表(?:[（(][^（）()]*[）)])?$|\t"
)
#: The end of a condition (…的, …前, …期间内): what leads into a duty, never one.
_CONDITION_END = re.compile(r"(?:的|后|时|前|期间|时期|之际|期限?内|过程中)$")
#: When a term starts running (从第2次纳入“黑名单”管理起, 自列入之日起计算): never a duty,
#: whatever led into it.
#: (从…起, or 自…到/至…: the span of a term, 原则上自提交申请到发放救助金)
_RUNS_FROM = re.compile(
    r"^(?:自|从)[^，,]*起(?:计算|算|计)?$|^(?:原则上|一般)?(?:自|从)(?![严重快事源而此头])[^，,]*(?:到|至)[^，,]*$"
)
#: What a duty is done for, after it (…，以便纳入…, …，从而…, a grant's …，用于…): the phrases from
#: there on, up to one with a modal word or a party of its own, say why (GUIDE 1.1), no duty.
_SO_THAT = re.compile(r"^(?:以便|以利于|以期|便于|从而|进而|用于)")


#: A list of three or more short names and nothing else (公开招标、邀请招标、竞争性谈判（或磋商）、
#: 询价), after a label of kinds (采购方式种类：): the options it names, no duty (GUIDE 1.5);
#: not after 检查内容：, 主要任务：, whose list may be of duties.
_KINDS_OF = re.compile(r"(?:种类|类型|类别|方式|形式|名称|范围|对象|品种|等级)$")
_OPTIONS = re.compile(
    r"[^，,。；;、：:应须要得]{2,12}(?:、[^，,。；;、：:应须要得]{2,12}){2,}[。；;]?"
)


#: A list item that only names a thing to have (5、有符合标准的煤炭计量设备。): not 有关…, 有效…,
#: 有条件的… (which ones), 有下列情形… (cases), nor 有重点地… (how).
_HAS_ONLY = re.compile(
    # (具有本市户籍, 具备…资质, 持有…证: a criterion an applicant must meet, the same)
    r"\s*(?:具有|具备|持有|有(?!关|效|条件|下列|以下|的|些|时|重点|序|力|利|所))"
    r"[^，,。；;：:]{2,40}(?<!的)\s*[。；;]?\s*"
)


#: Parties and how they help the one leading, nothing else (市公安局、市交通运输局配合).
_ASSISTS = re.compile(r"[^，,。；;]{2,60}?(?:配合|协助|协同|参与)")
#: What a thing of a standard is to be, no verb (外墙颜色为深灰或浅灰色, 办公用房干净、整洁).
_STATE = r"(?:干净|整洁|完好|畅通|齐全|清晰|醒目|牢固|平整|通风)"
_A_SPEC = re.compile(
    rf"[^，,。；;：:]{{2,30}}?(?:(?:颜色|材质|高度|宽度|面积|标识|字体|样式|形式|规格)为[^，,。；;]{{1,16}}|{_STATE}(?:、{_STATE})*)"
)


#: Who, a modal word and by when, nothing else (各乡镇（街道）要在每月25日前): the duty is in
#: the phrase after it.
_WHO_BY_WHEN = re.compile(
    r"[^，,。；;\d＿]{2,30}?(?:要|应当?|须|必须)(?:在|于)?[＿\s]+(?:前|之前|以前|内|之内|底前|末前)?"
)


def in_purpose(masked: str, s_start: int, pos: int) -> bool:
    """Whether ``pos`` is in the purpose a duty before it serves (…，以便纳入…，通过…及时向社会
    公开: 及时 there is no duty of its own)."""
    so_that = False
    for p_start, _p_end in phrases(masked[s_start:pos]):
        words = masked[s_start + p_start : pos].split("，")[0].split(",")[0].strip()
        so_that = _still_why(words, so_that)
    return so_that


def _still_why(words: str, so_that: bool, hit: bool = False) -> bool:
    """Whether the phrase ``words`` says why the duty before is done: it opens a purpose
    (以便…, 用于…), or goes on with one (``so_that``) with no modal word, party or number of its
    own (``hit``)."""
    if _SO_THAT.match(words) and not hit:
        return True
    if hit or ANY_MODAL.search(words) or opens_with_party(words):
        return False
    return so_that


#: Words that carry the duty before on (并将…, 或者…, 及时…).
#: (报 and 发 of a noun are none: 报警装置, 报表, 发电机组)
GOES_ON = re.compile(r"并|或者?|及时|同时|然后|再|报(?!警|表|纸|刊)|发(?!票|电|热|动机|现|生)")
#: An adverbial a phrase opens with before the verb it leads to (对…, 根据…, 通过…途径).
#: (确因工作需要，接待单位可以…: the need the next duty is for, no part of the one before)
_LEADS_IN = re.compile(
    r"^(?:对于?|针对|根据|依据|依照|按照|通过|围绕|结合|在|经|由|向|从|确因|确需)"
)


#: A party, then the basis it acts on, and no verb of its own yet (区财政局依据审核结果).
_ON_A_BASIS = re.compile(
    r"^[^，,。；;]{2,24}?(?P<on>依据|根据|按照|依照|通过|围绕|结合|对照)[^，,。；;]*$"
)
#: What a verb made: 审核结果, 检查情况 (a noun, not a duty's verb).
_RESULT_NOUN = re.compile(
    r"(?!规定|要求|标准|需要)[\u4e00-\u9fff]{2}(?:结果|情况|意见|报告|要求|需要|规定|标准)"
)


#: Acting as the place's facts allow, nothing else yet (…要结合实际, 立足本地实际).
_IN_PRACTICE = re.compile(
    r"(?:结合|根据|立足|从)(?:本地|当地|各自|本地区|本部门|工作)?实际(?:出发)?$"
)
#: 鼓励 and whom (鼓励支持有条件的化工企业): the party the next phrase's act is encouraged of.
_ENCOURAGES = re.compile(ENCOURAGING + r"[^，,。；;]{1,16}")
#: Titles and the asides after them (《…的通知》(临政发〔2015〕63号)): names, no verbs.
_TITLES_ONLY = re.compile(
    # (a title inside a title, in 《》 or in <> closed by either: 《关于印发<…规定》的通知》)
    r"《(?:[^《》<]|[《<][^《》<>]*[》>]|<)*》|[（(][^（()）]*[）)]"
)
_MEANS_END = re.compile(r"(?:途径|方式|手段|渠道|形式|方法)\s*$")


#: The matters a duty is done in (在市场准入、行政审批、政府采购等方面): nouns, whatever verbs
#: their names hold.
_IN_MATTERS = re.compile(r"(?:在|于)[^，,。；;]{2,200}?(?:等)?(?:方面|领域|环节)")


#: The role a party acts in (各乡镇作为补贴资金发放的监管主体), whatever verbs the role's words
#: hold: what it is to do follows.
_IN_A_ROLE = re.compile(r"[^，,。；;]{2,30}?作为[^，,。；;]{2,30}(?:主体|单位|部门|机构)")


#: What a verb made, as a noun (排查情况, 审核结果), not 书面报告 (to report in writing).
_MADE_NOUN = re.compile(r"[\u4e00-\u9fff]{2}(?:结果|情况)")


#: The ones a law binds, named (依法必须进行招标的项目, 依法应当公开的政府信息): its modal word
#: describes them, no duty of the phrase.
_BOUND_ONES = re.compile(BY_LAW + BOUND + r"[^，,。；;]{2,30}的[^，,。；;的]{1,10}")
#: Who leads and who helps, the verb after the comma (A牵头、B配合，开展…).
_LEAD_AND_HELP = re.compile(
    r"由?[^，,。；;]{2,40}?牵头[、和及]\s*[^，,。；;]{2,60}?(?:配合|参与|协助|协同)"
)


def leads_on(words: str) -> bool:
    """Whether a phrase only leads into the next one's verb (会同…, 将…, 作为…, or who acts on
    what basis: 区财政局依据审核结果，…)."""
    if _IN_PRACTICE.search(words.strip()) or _LEAD_AND_HELP.fullmatch(words.strip()):
        # 各地要结合实际，因地制宜制定…; 市市场监管局牵头、市公安局配合，开展…: how and who,
        # leading into what is to be done
        return True
    if _BOUND_ONES.fullmatch(words.strip()):
        return True  # 依法必须进行招标的项目，…: the ones a law binds, what follows is theirs
    if re.fullmatch(r"(?:原则上|一般情况下|一般而言|通常情况下|具体而言)", words.strip()):
        return True  # 原则上，各县要…: how binding the duty after it is, no duty of its own
    if _IN_MATTERS.fullmatch(words.strip()):
        return True  # 在市场准入、行政审批…等方面，…: the matters the duty after it is done in
    if _IN_A_ROLE.fullmatch(words.strip()):
        return True  # 各乡镇作为补贴资金发放的监管主体，对…负主要责任: in what role, then the duty
    if _ENCOURAGES.fullmatch(words.strip()) and ends_with_party(words.strip()):
        return True  # 鼓励支持有条件的化工企业，聘请…: whom it encourages, to do what follows
    by = BY_INSIDE.search(words)
    if by is not None and _MANAGED_BY.match(words, by.start()):
        return False  # 所需资金由市、县两级财政按照5:5比例分担: who bears it, a duty
    basis = _ON_A_BASIS.match(words)
    # (负有环境监管职责的部门按照…: the verbs of what describes the party are no verb of its)
    if basis is not None and ACTION.search(words[: basis.start("on")].rsplit("的", 1)[-1]):
        basis = None  # 卫生健康部门负责医养结合的指导: the verb before it, 结合 inside a noun
    if basis is not None and ANY_MODAL.search(words) is None:
        rest = _RESULT_NOUN.sub("", _TITLES_ONLY.sub("", words[basis.end("on") :]))
        rest = re.sub(r"^\s*(?:的)?(?:有关)?(?:要求|精神|规定)", "", rest)  # 按照《…》要求
        # (请各县按照要求做好…工作: a request's verb of policy after the basis is its verb; so is
        # a party's, named as acting: 各县区按照各自职责做好…工作, GUIDE 1.1)
        policy = (
            _PLEASE.match(words) is not None or party_first(words.lstrip("由并")) is not None
        ) and POLICY.search(rest) is not None
        if (ACTION.search(rest) is None and not policy) or _MEANS_END.search(rest):
            return True  # (通过执法检查、事故调查等途径，…: the means, its verbs are nouns)
    found = _LEADS_ON.search(words)
    if found is not None and (
        PROHIBITION.search(words, 0, found.start()) or PROHIBITION.match(words.strip())
    ):
        # 严禁将资金用于平衡预算, 严禁出售或者作为饲料: the ban and the act it bans, a duty of
        # its own
        return False
    if found is None:
        return False
    # (past the word that leads on: 会同/牵头 two characters, 将/把 one: 将收回资金 acts)
    # (排查情况, 审核结果: what a verb made, a noun, no verb of the phrase)
    skip = 1 if words[found.start()] in "将把" else 2
    rest = _MADE_NOUN.sub("", words[found.start() + skip :])
    if skip == 1 and _HANDED_DOWN.search(rest):
        return False  # 要将目标任务分解落实到乡镇: handed down to whom, the duty itself
    if skip == 1 and _HANDED_OVER.search(rest):
        return False  # 应当将餐厨废弃物交由收运单位收运: handed to whom, the duty itself
    if skip == 1 and _CARRIED_TO.search(rest) and ANY_MODAL.search(words, 0, found.start()):
        # 应当在约定期限内将货物运到: carried where it goes, its modal word's duty itself
        return False
    return not ACTION.search(rest)


#: A direction alone, its object a party's role (发挥人力资源服务机构作用).
_A_DIRECTION = re.compile(r"(?:充分)?发挥[^，,。；;]{2,24}作用")
#: What 将/把 hands down, and to whom (将目标任务分解落实到乡镇, 把责任细化到人).
_HANDED_DOWN = re.compile(r"(?:分解|落实|细化|量化|下沉|延伸)(?:落实)?(?:到|至)")
#: What 将/把 hands over, and to whom (将餐厨废弃物交由取得许可的单位收运, 交给…处置).
_HANDED_OVER = re.compile(r"交(?:由|给|予|付)")
#: What 将/把 carries, and where (将货物运到, 将垃圾运至处理场, 将病死畜禽送往…).
_CARRIED_TO = re.compile(r"[运送寄递搬带押](?:到|至|往|回|达)")


#: Papers or means in the state they are to be in (环评手续完备, 安全设施齐全, 台账资料齐备).
_IN_ORDER = re.compile(
    r"(?:手续|资料|材料|档案|台账|证照|证件|设施|设备|器材)[^，,。；;]{0,2}(?:完备|齐全|齐备|完好|到位)(?:有效)?$"
)
#: A notice's request to its addressees (请各单位…, 请于…前…; not 请示, 请假, 请求).
_PLEASE = re.compile(r"\s*请(?![示假求教])")


#: A place, a phrase of its own (在急弯、陡坡等路段，…; 在饮用水水源保护区内，…).
A_PLACE = re.compile(
    r"在[^，,。；;\d＿]{1,20}?(?:路段|地段|区域|水域|河段|部位|地带|保护区|禁区|范围)内?"
)


#: Each one found or each step, opening a phrase (每发现一处隐患未整改，…; 每超过1日，…): the step
#: the amount or the act after it goes by.
_EACH_ONE_FOUND = re.compile(
    rf"每\s*(?:发现|查出|查实|出现|发生|{STEP_WORDS})\s*[一二两三四五六七八九十\d]"
)


def _acts(words: str) -> bool:
    """Whether a phrase states something to do on its own."""
    token = LEAD_TOKEN.match(words)
    words = words[token.end() :] if token else words  # (（一）开展…, 一是开展…: the item's words)
    if A_PLACE.fullmatch(words):
        return False  # (在禁止燃放区域内，…: where the duty after it holds, whatever its name)
    if _EACH_ONE_FOUND.match(words):
        return False  # (每发现一处隐患未整改，扣减…: the step of what follows, whatever it names)
    if ANY_MODAL.search(words) or (_IN_A_MANNER.match(words) and not AIM.match(words)):
        return True
    if _PLEASE.match(words) and (ACTION.search(words) or POLICY.search(words)):
        return True  # 请各县按照要求做好…工作: a notice's request, a directive
    if _IN_ORDER.search(words):
        return True  # 所有化工企业环评手续完备: a state of papers or means to check
    verbs = words.rsplit("的", 1)[-1] if words.startswith("对") else words
    if ACTION.search(verbs):
        return True
    if words.lstrip("并同时，, ").startswith("由") and agent_named(words) is not None:
        return True  # 由区安委会办公室统一管理: who does it, named as acting
    by = BY_INSIDE.search(words)
    if by is not None and _MANAGED_BY.match(words, by.start()) and agent_named(words[by.start() :]):
        return True  # 就业补助资金由市财政局、市人社局共同管理: what is done, then by whom
    if POLICY.search(words):
        lead = words.lstrip("由并")
        return (
            party_first(lead) is not None
            or opens_with_party(lead)
            or bool(CONCRETE.search(words))
            # 严格落实…, 全面开展…: a directive of its own, modal word or not (GUIDE 1.1)
            or bool(_DIRECTS.match(lead))
        )
    return False


#: A manner of doing, opening the phrase, then what is done (严格量化考核, 认真核对…, 定期组织…):
#: a directive of its own (GUIDE 1.1), not words describing the duty before (an aim's words
#: aside: 严格规范…).
_IN_A_MANNER = re.compile(r"(?:严格|认真|定期)(?:按照?规定|依法|按时)?[\u4e00-\u9fff]{2}(?!的)")


#: 由 inside a duty's words, after what is done (…资金由市财政局…管理, …的审核工作由县人社局负责).
# (not handed to: 应当交由再生资源回收企业回收利用, the one who hands over acts)
BY_INSIDE = re.compile(r"(?<=[\u4e00-\u9fff）)])(?<!交)(?<!转)(?<!移)由(?!于|此|其)")
#: …由 a party, then how it acts and a verb of charge (共同管理, 统一负责, 负责组织实施).
_MANAGED_BY = re.compile(
    r"由[^，,。；;]{2,40}?(?:共同|统一|分别|具体|自行|按职责)?(?:负责|管理|组织实施|实施|承担|审核|审批|"
    # (所需资金由市、县两级财政按照5:5比例分担: who bears what share of a cost)
    r"分担|负担|分摊)"
)


#: 同时/并 and to whom or what, the verb in a later phrase (…，同时向…等部门，以及…通报).
_TO_WHOM_THEN = re.compile(r"(?:同时|并)(?:向|对|给|与|同)")
#: To whom or what, at a phrase's end, with its verb still to come (应当向财政、环保等部门,).
_TO_WHOM_END = re.compile(r"(?:向|对|给|与)([^，,。；;]*)$")


#: The directive verbs a phrase may open with (GUIDE 1.1: 开展…, 实施…, 落实… are rows, modal
#: word or not), after adverbs of manner.
_DIRECTS = re.compile(
    # (每日开展晨检: how often; 对生猪实施强制免疫: on what; 按照要求开展自行监测: on what basis)
    # (常态化开展…: how steadily)
    r"(?:(?:对|按照?(?![^，,。；;]*执行))[^，,。；;]{1,30}?)?(?:严格|认真|全面|切实|坚决|深入|扎实|积极|广泛|大力|持续|不断|进一步|定期|"
    r"常态化|经常性|常年|长期|"
    r"每(?:日|天|周|旬|月|季度?|半年|年|学期|班))*(?:落实|开展|实施|执行)"
)


#: A duty joined to the one before after a comma (…，并将结果报…, …，同时不得…): 并/同时 and
#: what its own words do (并 with no comma before it, 制定并落实, joins verbs of one duty).
_JOINED = re.compile(
    r"^(?:并且?|同时|以及)(?![^，,]{0,2}(?:的|(?<![按及准随同])时))"
)  # (并按时…: a verb)


#: What 并/同时 may lead into that is no duty: a purpose, a reason, a benefit.
_NOT_JOINED = re.compile(r"(?:为了?|以便|以|因为?|由于|可(?:节省|节约|满足|达到|实现)|能够?)")


#: Adverbs of manner before a verb (及时组织…, 定期开展…).
_ADVERBS = re.compile(r"(?:及时|定期|认真|严格|按时|依法|切实|全面|积极)*")


def _joined_duty(words: str) -> bool:
    """Whether a phrase after a comma is a duty of its own joined by 并/同时 (GUIDE 1.1)."""
    found = _JOINED.match(words)
    if found is None:
        return False
    rest = words[found.end() :].lstrip("，, ")
    if not rest or _CONDITION_END.search(rest) or _NOT_JOINED.match(rest) or leads_on(rest):
        return False  # 并根据工作需要，…: what leads into the next phrase's duty
    if found.group(0) == "以及":
        # …，以及组织应急演练: a verb of its own (…，以及…的复印件等材料: more of a list, no duty)
        verb = _ADVERBS.match(rest).end()
        if _LEADS_IN.match(rest, verb):
            return ACTION.search(rest.rsplit("的", 1)[-1]) is not None  # 以及对…进行…
        return ACTION.match(rest, verb) is not None
    if found.group(0).startswith("并"):
        return True  # 并 joins predicates (nouns are joined by 和/及/与): its words do something
    return _acts(rest) or opens_with_party(rest)


#: 对 and a kind of party or thing, nothing else: the ones the duty after it is for.
WHICH_KIND = re.compile(
    r"(?:对于|对|针对)[^，,。；;：:的]{1,16}(?:对象|企业|单位|项目|主体|行业|领域|场所|人员|产品|车辆|设备|"
    # (对一般检查事项，每年至少…: which matters, whatever verb the name holds)
    r"设施|区域|事项|案件|工程|商户|经营户|门店|网点|"
    # (对建档立卡户等家庭经济困难学生，…: which people, whatever verb the name holds)
    r"学生|儿童|家庭|群众|居民|农户|老年人|老人|患者|残疾人|职工|幼儿)"
)


#: How a phrase that says by when ends (…内, …前, 活动举办前七日).
_BY_THEN_END = re.compile(r"(?:内|前|前[^，,。；;]{1,6}(?:日|天|周|月|年|小时))$")
#: What is left of a phrase that only says by when, its date masked (到＿＿＿＿年底, ＿＿前; an
#: aim's 力争/争取/确保 before it: 力争到＿＿＿＿年，).
A_DATE_ONLY = " ＿于在至到年底末终前之以内止,，力争取确保"


#: Where one goes to do it (到窗口领取…, 前往…办理), not 到2025年, 到期, 到位.
_GOES_TO = re.compile(r"\s*(?:到|前往|赴)(?![\d＿]|期|位|达|底|年|时|点|岗)[^，,。；;]{2,}")


#: A measure's name alone, its bounds in the phrases after it (生活垃圾无害化处理率，城区…); not
#: a duty to change it (不断提高…使用比例, 严格控制人流密度).
_A_MEASURE_S_NAME = re.compile(
    r"(?![^，,。；;]*?(?:提高|提升|增加|扩大|降低|减少|压减|控制|限制|达到|保持|确保))"
    r"[^，,。；;：:\d＿]{2,20}(?:率|比例|比重|人数|密度)"
)


def duty_spans(
    masked: str,
    s_start: int,
    s_end: int,
    taken: list[tuple[int, int, bool]],
    skip_to: int,
    skip_from: int = -1,
    headed: bool = False,
) -> tuple[list[tuple[int, int]], dict[int, int]]:
    """Phrases of a sentence that each state something to do, outside the ``taken`` spans
    (requirements with a number already read: start, end, and whether it is a deadline) and
    after ``skip_to`` (the condition the sentence opens with; from ``skip_from`` when it stands
    after duties of the sentence: 信访部门应当…评价，满意率低于80%的单位，予以…). A phrase
    with no verb continues the duty before it, or leads into the next one when it names who
    acts or opens with an adverbial (对…, 根据…). And what a deadline asks to be done by then
    (在15个工作日内，将…报送…): the deadline's words reach to its end (index in ``taken`` →
    new end). Under a heading that names who acts (``headed``: (二)各镇、街道。) a direction
    is a duty of that party (GUIDE 1.1)."""
    if no_duties(masked, s_start, s_end):
        return [], {}
    lead = LEAD_TOKEN.match(masked, s_start, s_end)
    item = (lead.end() if lead else s_start, s_end)
    if lead is not None and _HAS_ONLY.fullmatch(masked, *item) and not taken:
        # 5、有符合标准的煤炭计量设备。: an item of a standard, a thing to have
        return [(item[0], item[0] + len(masked[item[0] : s_end].rstrip(" 。；;")))], {}
    # (its asides, （责任单位：…）, are blanked already: ``quantities.masked``)
    masked = no_modal_words(masked)
    spans: list[list[int]] = []
    extend: dict[int, int] = {}
    by_then = None  # the deadline of the phrase before: 在15个工作日内，…
    by_then_words = ""  # (its phrase)
    pending: int | None = None  # where words leading into the next duty start
    pending_end = 0
    after_number = False  # the phrase before stated a number (至少配备2辆车，并统一标识)
    so_that = False  # in the purpose the duty before serves (…，以便…，…)
    awaits_verb = False  # the phrase before ends with to whom, its verb still to come
    understood = ""  # after what is to be understood (open), in its 而… that runs on (run)
    aimed = False  # the phrase before was a direction under a party's heading
    # (从检查情况看，部分企业仍存在隐患，各县区要…: the findings a sentence opens with, to its duty)
    told = FOUND.match(masked[s_start:s_end].lstrip()) is not None
    index = SpanIndex(taken)
    for p_start, p_end in phrases(masked[s_start:s_end]):
        a, b = s_start + p_start, s_start + p_end
        words = masked[a:b].strip()
        if not words.strip("＿") or LEAD_TOKEN.fullmatch(words):
            continue
        after_aim, aimed = aimed, False
        told = not (modal_here := ANY_MODAL.search(words)) and told
        if not modal_here and (
            told or PHRASE_REPORTS.search(words) or DESCRIPTIVE.search(words) or appoints(words)
        ):
            pending = None
            continue  # (全市现有…企业48家，各县要…; 去年…共查处…: a report before the duty)
        if not modal_here and _A_MEASURE_S_NAME.fullmatch(words) and not index.overlapping(a, b):
            pending = None
            continue  # (生活垃圾无害化处理率，城区达到100%…: the measure the bounds after are of)
        # 有下列情形之一的，纳入…：; …之一的，责令改正，并予以通报：: the sanctions of the cases
        before = masked[s_start:a].rstrip(" ，,")
        after_case = before.endswith("的") or re.search(r"之一的[，,]", before) is not None
        # (（一）市人社局：…: the label's own words; matched at its start, never searched)
        token = LEAD_TOKEN.match(words)
        label = words[token.end() :] if token else words
        if masked[b : b + 1] in "：:" and len(label) <= 12 and masked[b : b + 1] and not after_case:
            spans.append([-1, -1])  # 1、送检：…, 采购方式种类：…: the label of what follows
            pending = None
            continue
        hit = index.overlapping(a, b)  # (the requirements whose spans the phrase overlaps)
        if (
            not hit
            and masked[a - 1 : a] in ("：", ":")
            and _OPTIONS.fullmatch(words)
            and _KINDS_OF.search(masked[s_start : a - 1].rstrip())
        ):
            spans.append([-1, -1])  # 采购方式种类：公开招标、邀请招标、…询价: options named
            pending = None
            continue
        if not hit and masked[a - 1 : a] in ("：", ":") and PAPERS_LISTED.search(masked, 0, a - 1):
            spans.append([-1, -1])  # 需提供以下材料：身份证复印件、…开具的发票: the papers named
            pending = None
            continue
        follows_number, after_number = after_number, bool(hit)
        if lead is not None and not hit and pending is None and _A_SPEC.fullmatch(words):
            # 4、…的整体外墙颜色为深灰或浅灰色，…; 7、办公用房干净、整洁，…: an item of a
            # standard states what a thing is to be, each phrase a requirement
            spans.append([a, b])
            continue
        if (
            not hit
            and words.startswith("以及")
            and awaits_verb
            and pending is None
            and spans
            and spans[-1][0] >= 0
            and ACTION.search(words)
        ):
            spans[-1][1] = b  # 应当向财政、环保等部门,以及所在镇街道通报: the list goes on
            continue
        to_whom = _TO_WHOM_END.search(words[-40:])  # (its end only: read once, near it)
        awaits_verb = to_whom is not None and not ACTION.search(to_whom.group(1))
        if by_then is not None and not hit and _BASIS_ONLY.fullmatch(words.strip()):
            # (…之日起30日内，按照采购文件的规定，与中标人签订…: the basis, then what is done)
            spans.append([-1, -1])
            continue
        if (
            by_then is not None
            and not hit
            and (
                # (…10日内，到窗口领取证照: where to go, then what is done there)
                ACTION.search(words)
                or DUE_THEN.search(words)
                or ANY_MODAL.search(words)
                or _GOES_TO.match(words)
            )
        ):
            # (…自签订之日起七个工作日内，采购人应当将合同副本报…备案: a deadline that names no
            # one and no modal word is of the party that acts after it)
            # (…15日内，向区安委会办公室提交…: the one it goes to, not one who acts)
            to_them = re.match(r"\s*(?:向|给|报送?|送)", words) is not None
            if (
                to_them
                or party_first(words.lstrip("由")) is None
                or not (ANY_MODAL.search(by_then_words) or opens_with_party(by_then_words))
            ):
                extend[by_then] = b  # what is to be done within the deadline
                by_then = None
                spans.append([-1, -1])
                continue
        by_then = None
        if hit and taken[hit[-1]][2] and taken[hit[-1]][1] >= b - 1:
            if _BY_THEN_END.search(masked[a:b].rstrip()):
                by_then, by_then_words = hit[-1], masked[a:b]
        if EXHORTATION.search(words) and not hit:
            spans.append([-1, -1])
            pending = None
            # (要充分认识到…目的不是罚，而在于督促…，督促…: what is to be understood runs on)
            understood = "open" if UNDERSTOOD.search(words) else ""
            continue
        if understood and not hit and not ANY_MODAL.search(words):
            if understood == "run" or words.startswith("而"):
                spans.append([-1, -1])
                understood = "run"
                continue
        understood = ""
        so_that = _still_why(words, so_that, bool(hit))  # …，以便纳入…，通过…及时向社会公开
        if so_that:
            spans.append([-1, -1])
            pending = None
            continue
        open_duty = bool(spans) and spans[-1][0] >= 0
        if open_duty and not hit and pending is None and _TO_WHAT_END.match(words):
            spans[-1][1] = b  # …拨付到位，确保待遇按时发放: to what end, the duty before's
            continue
        if follows_number and not hit and pending is None and _TO_WHAT_END.match(words):
            # (应当每年检测一次，确保设施完好有效: to what end, the number's requirement's)
            extend[max(range(len(taken)), key=lambda k: (taken[k][1] <= a, taken[k][1]))] = b
            spans.append([-1, -1])
            continue
        if (
            (
                WHICH_KIND.fullmatch(words)
                or WITHOUT_LEAVE.match(words)
                or _MET_WITH.fullmatch(words)
            )
            and not hit
            and pending is None
            # (一旦发生…，企业应当…: the sentence's opening condition, skipped, leads into none)
            and not (skip_from <= a and b <= skip_to)
        ):
            # 对一般检查对象，…: the ones the next duty is for; …，未经批准，不得…: when
            pending, pending_end = a, b
            continue
        joined = (open_duty or follows_number) and pending is None and _joined_duty(words)
        if _ASIDE_THEN_CASE.match(masked, b):
            # 经验收合格（应具备…，同时必须…）的，…: the case the aside's duties belong to
            spans.append([-1, -1])
            continue
        named_after = masked[skip_to:b].strip() if a < skip_to < b else ""
        if re.fullmatch(r"的[^，,。；;的]{1,12}", named_after) and ends_with_party(named_after):
            # …5000吨标准煤以上的重点用能单位，每年报送…: the ones the condition picks out, named
            # after it, act in the phrase after
            spans.append([-1, -1])
            continue
        if (
            hit
            or skip_from <= a
            and b <= skip_to
            or (NOT_A_DUTY.search(words) and pending is None and not joined)
            or HOW_MANY_NEED.match(words.strip())  # (其中需配套…的892家: a count)
            or (_RUNS_FROM.match(words))
        ):
            spans.append([-1, -1])
            pending = None
            continue
        if pending is not None and _ASSISTS.fullmatch(words) and opens_with_party(words):
            pending_end = b  # 由A牵头，B、C配合，开展…: who helps, leading on with the lead
            continue
        if pending is not None and _CONDITION_END.search(words):
            pending_end = b  # 对工作不力，不能按时整改的，…: the condition goes on
            continue
        if not words.strip(A_DATE_ONLY) or _WHO_BY_WHEN.fullmatch(words):
            # 到2025年底，…: when, leading into what comes next (a target or a duty), no part
            # of the duty before; 各乡镇要在每月25日前，将…报…: who, by when, then what
            pending, pending_end = (a if pending is None else pending), b
            continue
        if joined:
            spans.append([a, b])  # …，并将结果报…: a duty of its own after the comma
        elif _TO_WHOM_THEN.match(words) and not ACTION.search(words):
            pending, pending_end = a, b  # …，同时向…等部门，以及…通报: to whom, then the verb
        elif open_duty and pending is None and GOES_ON.match(words):
            spans[-1][1] = b  # 并将…, 或者…, 及时…: the same duty carried on
        elif (
            leads_on(words)
            # (医疗废物集中处置单位，应当…: who, named before the modal word after the comma; a
            # verb inside the name, 处置, is no verb of the phrase)
            or (ends_with_party(words) and _MODAL_NEXT.match(masked, b) is not None)
            or (
                # 承担教学任务的中小学，…: a noun its 的 describes, the topic of what follows
                a_noun(words) and (topic_of(masked, b, s_end) or measured_next(masked, b, taken))
            )
            # (对同一企业的行政检查，同一年度内…不超过2次: what the number after it counts)
            or counted_next(masked, words, b, s_end, taken)
            # (在城市道路上设置户外广告设施，其下沿…不得…; 在…设置…，应当经…同意: an act
            # somewhere, then what is owed in doing it)
            or (
                pending is None
                and not open_duty
                and not ANY_MODAL.search(words)
                and _OWED_IN_DOING.match(masked, b) is not None
                # (第五条　在…: after the article's number)
                and words[(lead.end() if (lead := LEAD_TOKEN.match(words)) else 0) :]
                .lstrip()
                .startswith("在")
            )
            # (校舍安全排查，由县教育局组织实施: the work named, no verb before its own last
            # word, then who takes charge of it)
            or (
                (_IN_CHARGE_NEXT.match(masked, b) or _CLASSES_NEXT.match(masked, b)) is not None
                and not ANY_MODAL.search(words)
                and not ACTION.search(words.strip()[:-2])
            )
        ):
            if pending is None:
                pending = a
            pending_end = b
        elif (
            (acts := _acts(words))
            # ((二)市财政局。加强辖区企业走访服务。: a direction, the heading's party's duty)
            or (headed and pending is None and AIM.match(words) is not None)
            # (发挥人力资源服务机构作用，组织开展…: a direction of its own, no words leading into
            # the act after it; a row only where a modal word or a party makes it one, GUIDE 1.1)
            or (pending is None and not open_duty and _A_DIRECTION.fullmatch(words) is not None)
            # 对不达标的，及时与…联系: what the words before led into
            or (
                pending is not None
                and (GOES_ON.match(words) or POLICY.search(words))
                and (
                    GOES_ON.match(words)
                    or ANY_MODAL.search(masked, pending, a)
                    # (各成员单位按照职责分工，扎实推进…: the party named as acting, GUIDE 1.1)
                    or opens_with_party(masked[pending:a])
                )
            )
        ):
            if after_aim and pending is None and not hit:
                spans[-1][1] = b  # (强化…控制，重点查办…: the direction leads into the act)
            elif (
                pending is not None
                and acts
                and opens_with_party(words)
                and opens_with_party(masked[pending:pending_end].strip(" ，,"))
                and ANY_MODAL.search(words)
            ):
                # (企业按照…要求减排，A级企业可自主采取…: two parties, each its own duty)
                spans += [[pending, pending_end], [a, b]]
            elif (
                pending is not None
                and acts
                and AIM.match(masked, pending) is not None
                and not re.search(r"[，,]", masked[pending:pending_end].strip(" ，,"))
                and opens_with_party(words)
                and ANY_MODAL.search(words)
            ):
                # (加强安全管理，企业要建立…: an aim is a row where its sentence has a modal word
                # and a party acting, GUIDE 1.1; the party's duty another)
                spans += [[pending, pending_end], [a, b]]
            elif (
                pending is not None
                and acts
                and ANY_MODAL.search(words)
                and AIM.match(masked, pending) is not None
                and (cut := re.search(r"[，,]", masked[pending:a])) is not None
                and _WHICH_ONES.fullmatch(masked[pending + cut.end() : a].strip(" ，,"))
            ):
                # (严格控制…新增产能，对能效低于…的存量项目，要在…前完成…: the direction leads into
                # the act, as 加强…，要建立…; the ones named between are the act's case, no part
                # of its words)
                spans.append([a, b])
            else:
                # (新上高耗能项目，年综合能源消费量…以上的，由…出具…: the case before it is the
                # duty's condition, no part of its words)
                case = (
                    pending is not None
                    and words.lstrip().startswith("由")
                    and re.search(r"的\s*[，,]\s*$", masked[pending:a])
                )
                spans.append([a if pending is None or case else pending, b])
                aimed = not acts and headed and pending is None
            pending = None
        elif opens_with_party(words) or _LEADS_IN.match(words) or not open_duty:
            if pending is None:
                pending = a
            pending_end = b
        else:
            spans[-1][1] = b  # 完整、明确: the duty before, described
            pending = None
    if pending is not None and spans and spans[-1][0] >= 0:
        spans[-1][1] = pending_end  # 对…比较熟悉 at the end: the duty before it, described
    return [(a, b) for a, b in spans if a >= 0], extend


#: Who takes charge of the work named before, opening the next phrase (…，由县教育局组织实施).
_IN_CHARGE_NEXT = re.compile(
    r"[，,]\s*由(?!于)[^，,。；;]{2,30}?(?:具体)?(?:负责|组织实施|组织开展|牵头|承担)"
)
#: Two classes next, each with its bound (用户燃气设施安全检查，居民用户每年不少于1次，非居民用户
#: 每半年不少于1次): the work named is what they bound, no duty of its own.
_A_CLASS_S_BOUND = r"[，,]\s*[\u4e00-\u9fff]{2,8}?(?:每|不少于|不超过|不低于|不高于|至少)"
_CLASSES_NEXT = re.compile(f"{_A_CLASS_S_BOUND}[^，,。；;]*?\\d[^，,。；;]*{_A_CLASS_S_BOUND}")
#: A modal word opening the next phrase (…，应当…).
_MODAL_NEXT = re.compile(r"[，,]\s*(?:应当|应|须|必须|要|不得|严禁|禁止)")
#: A duty right after a comma, or its (其) thing's bound (…，其下沿距地面高度不得低于4.5米).
_OWED_IN_DOING = re.compile(
    r"[，,]\s*(?:应当|应|须|必须|不得|严禁|禁止|"
    r"其(?![中他余次实间])[^，,。；;]{1,16}?(?:应当|应|须|必须|不得|不应|不宜))"
)
#: The ones a duty is for, named with what picks them out (对能效低于基准水平的存量项目).
_WHICH_ONES = re.compile(r"(?:对于?|针对|凡)[^，,。；;]{2,40}的[^，,。；;的]{1,10}")


#: What one meets (…，遇有重大突发事件，要…; 一旦发生险情，…): when the duty after it holds.
_MET_WITH = re.compile(
    rf"(?:(?:如|若)?{MET}|一旦)"
    # (…，遇有重大情况随时报告: what is met, then the act done promptly, a duty of its own)
    r"(?:(?!应当|应|须|必须|要|不得|严禁|随时|立即|及时|马上|第一时间)[^，,。；;]){2,20}"
)


#: Without leave (未经批准, 未经检测合格), no modal word: when the ban after it holds.
WITHOUT_LEAVE = re.compile(r"未经(?:(?!应当|应|须|必须|要|不得|严禁|禁止)[^，,。；;]){1,28}$")


#: An aside of duties that a 的 after it makes part of a case (…（应具备…）的，).
_ASIDE_THEN_CASE = re.compile(DUTY_ASIDE + r"\s*的")
