"""Who a sentence obliges, and under what condition. Pure module (standard library only).

``condition_of`` finds the condition a sentence opens with, the way Chinese drafting writes an
applicability clause: "…的，" (对整改不及时造成安全事故的，…), "凡…的，", "对…的，", "如（果）/若…，
（则）…", "…时，", and an inline "达到…的企业/单位". What follows the condition is the requirement;
the condition says when it applies (it is not a requirement of its own).

``kind_of`` tells whether a name is the inspected party's (``regulated``: 企业, 单位, 配送中心,
供应商, 采购人, 学校 …) or an authority's (``authority``: 政府, 部门, 局, 委, 办, 领导小组 …);
who must act, the noun phrase just before the modal word, is ``subjects``' (``subject_of``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from checklists.standards.modality import ANY_MODAL
from checklists.standards.openings import (
    A_MEASURE,
    A_MODAL_WORD,
    A_PARTY_FIRST,
    A_PARTY_IF,
    A_PARTY_S_CASE,
    A_PERIOD_DEFINED,
    A_PERIOD_NAMED,
    A_ZONE,
    AMONG,
    AUTHORITY_PICKED,
    BASIS_SET,
    BEFORE_APPLYING,
    BOTH_PARTS,
    BREACH,
    BROKEN_RULE,
    CLOCK_BOUND,
    EVERY_ONE_OF,
    EXCEPT,
    GOES_ON_CASE,
    GRADED,
    IF,
    MET_INLINE,
    NO_ONES,
    OWNED,
    PARTS_OF_THE_DAY,
    PARTY_PICKED,
    PEOPLE_S_CASE,
    QUOTED_ARTICLE,
    REACHING,
    REACHING_OPENS,
    SEASON,
    SEASON_WORDS,
    SIZED_CLASS,
    SIZED_WORKS,
    STAFF_CASE,
    STATE_REACHED,
    THE_ONES,
    THE_ONES_AND,
    THE_ONES_AND_NAMED,
    THE_ONES_DEALT_WITH,
    THE_ONES_LONG,
    THE_ONES_NAMED,
    THE_ONES_THEN_WHEN,
    THE_THINGS,
    THINGS_BY,
    THINGS_LIMITED,
    VIA,
    WHEN,
    WHEN_AFTER_MODAL,
    WHEN_INLINE,
    WHILE_OPEN,
    WITHIN_A_DISTANCE,
    WITHOUT_LEAVE,
    opens_a_quote,
)
from checklists.standards.party_names import AUTHORITY as _AUTHORITY
from checklists.standards.party_names import GOVERNMENT_UNITS
from checklists.standards.party_names import REGULATED as _REGULATED

SubjectKind = Literal["regulated", "authority"]

# A regulated party's name is tried first: 配送中心 ends like an authority's 中心 would.
_PAREN = r"(?:[（(][^（()）]{1,8}[）)])?"
_AUTHORITY_END = re.compile(f"(?:{_AUTHORITY}){_PAREN}$")
_REGULATED_END = re.compile(f"(?:{_REGULATED}){_PAREN}$")
_GOVERNMENT_UNITS_END = re.compile(f"{GOVERNMENT_UNITS}$")
_ADVERBIAL = (
    # (a space before it: text from a PDF, 需要搬迁的企业 3 年内…)
    r"(?=\s*(?:在|于|对|从(?!业)|自(?!身|己)|按|依|根据|通过|如|若|一旦|遇(?![难害险])|连续|累计|发现|接到|收到|发生|出现|存在|认为|拟|需要?|确需|"
    r"追加|变更|申请|支付|发放|"
    r"使用|从事|经营|销售|生产|储存|贮存|加工|运输|招用|聘用|举办(?!者)|未|违反|擅自|每|定期|购进|进货|"
    # (用人单位安排劳动者延长工作时间的: the employer, not its workers)
    r"安排(?=劳动者|职工|员工|从业人员|人员|工人)|"
    # (导游人员进行导游活动时: the guide, not what it guides)
    r"进行|开展|"
    r"采购(?=食品|食用|原料|商品|货物|物资|设备|产品|药品|农产品)|"
    # (驾驶员夜间连续驾驶…: the part of the day it acts in)
    rf"(?:{PARTS_OF_THE_DAY})|"
    # (零售药店营业时间内，…: while it is open)
    rf"{WHILE_OPEN}|"
    # a time it is in (经营者一年内累计停业…)
    r"[一二三四五六七八九十两\d]+\s*个?(?:年|月|日|天|周|小时)内))"
)
#: A basis a name holds no part of (经济补偿按劳动者…的年限: by the years worked; 按摩 aside; not
#: a breach in the name: 不按照规定公开信息的单位, 未依照…的企业).
_A_BASIS = r"(?<![不未])(?:按(?!摩)|依[照据])|根据"
#: How far from a place (烟草制品零售点距离中小学校不得少于100米: the shop, not the school; not
#: 间距, 短距离).
_A_SPACING = r"(?<![短长远近间])距(?!今)"
#: What is put into another's account (考核结果纳入乡镇年度考核: no name of the township's).
_PUT_INTO = r"[纳列计记]入"
#: A character of a name that is no part of a basis (the list of parties read first), nor of how
#: far it is from another, nor of what is put into another's account.
_NOT_A_BASIS = rf"(?:(?!{_A_BASIS}|{_A_SPACING}|{_PUT_INTO})[^，,。；;\t])"
#: (a name holds no 在/对/向 before another name: 救助对象在定点医疗机构发生的… names no one;
#: nor a basis)
_NAME_CHAR = rf"(?:(?![在对向]){_NOT_A_BASIS})"
_REGULATED_OPENS = re.compile(f"(?P<who>{_NAME_CHAR}{{0,12}}?(?:{_REGULATED}){_PAREN}){_ADVERBIAL}")
#: An authority, then whom it acts on (县住建局对违反本通知规定的施工单位，处…).
AUTHORITY_ON = re.compile(f"{_NAME_CHAR}{{0,12}}?(?:{_AUTHORITY}){_PAREN}(?=对于?)")
_AUTHORITY_OPENS = re.compile(f"(?P<who>{_NAME_CHAR}{{0,12}}?(?:{_AUTHORITY}){_PAREN}){_ADVERBIAL}")
#: Words after a verb that make it the start of a body's name (督导组, 指导中心, 组织部门).
_A_BODY_NEXT = r"[组站队所处科室局办]|中心|机构|部门|小组"
#: Verbs of steering other bodies (协调各成员单位…, 督促各乡镇…), not a name's first word.
_STEERS = rf"(?:协调|统筹|督促|指导|协助|责成|督导)(?!{_A_BODY_NEXT})"
_STEERS_IN = re.compile(_STEERS)
#: A party named at the very start of a phrase, before what it does (采购人在3个工作日内…).
_PARTY_VERBS = (
    # (政府自身建设: its own, no 自 of since when; 个人自付, 自费: paid by oneself)
    "在|于|对|从(?!业)|自(?!身|己|付|费)|按|依|应|须|必须|要|不得|严禁|可|将|负责(?!人)|最多|至少|每|年|向|由|主动|及时|"
    "原则上|一般|也|予以|给予|是|报送|上报|提交|完成|各(?=[负承自不]|为|按|缴)|收到|接到|不?定期|"
    # (市整治办组织有关部门…: the body, then whom it brings together; not 市委组织部)
    "组织(?!部)|"
    # (驾驶员连续驾驶4小时…, 经营者累计停业…: how long in a row or in all, then its act)
    "连续|累计|"
    # (企业提取安全生产费用按…计提: the party, then the verb of its duty)
    "提取|计提|缴纳|缴存|足额|"
    # (县卫生健康局终止医疗救治应急响应: a response started or ended by its body)
    "启动|终止|解除|带动|确定(?=\\d|[一二两三四五六七八九十]|专人|联络员)|"
    # (区政府决定在全区开展…检查: the body, then what it decided to do)
    "决定(?=在|于|对|从|自|开展|组织|实施|成立|设立|建立|启动)|"
    # (寄宿制学校还应当…, 行政机关不予受理, 市人民政府一次性奖励…, 各县具体负责…)
    "还(?=应|须|要|必须|可|不得|需)|最迟|最晚|不迟于|不予|不再|一次性(?=奖励|补助|补贴|给予|发放)|全额|具体|"
    # (验收不合格的，督办部门责令重新整改; 由县应急管理局处…罚款: an authority's sanction)
    "责令|处以|处(?=[\\d＿一二三四五六七八九十上])|吊销|没收|暂扣|依法(?=[处查责追予给吊撤没])|提请|约谈|受(?=[^，,。；;]{1,20}委托)|"
    # (县教育局2024年底前完成验收, 各乡镇6月底前完成…: by when, right after the name)
    "(?:＿{2,}|\\d{2,4}\\s*年\\s*(?:\\d{1,2}\\s*月)?|\\d{1,2}\\s*月)(?=[年月]?[底末]?前|[年月]?[底末])"
)
#: How or with whom a party acts, between its name and its verb (依据…, 会同…, 再将…).
_HOW = (
    # (not a body's name: 乡镇街道联合校, 联合体, 联合会)
    "作为|依据|根据|通过|会同|联合(?![校体会社])|牵头|再|直接|统一|分别|自行|共同|组织|确认|登记|"
    "建立|成立|设立|组建|承担|拨付|"
    # (各乡镇、各部门结合实际制定…: how, then the verb)
    "结合(?=实际|本地|各自|自身|本部门|本单位|职责)|"
    "抽取|出具|进行|实行|实施|落实|选择|安排|列入|填写|持|从(?!业)|一把手|"
    # (和 that goes on to a list's next name before the comma and modal word is no how:
    # 主要负责人和安全生产管理人员，应当…)
    # (个人和单位不可重复享受: the next name, then its modal word right away)
    r"和(?![^，,。；;]{0,12}?(?:[，,]\s*)?(?:应当|应|须|必须|要|不得|不可|不能|不予))|"
    # verbs of policy and procedure a party's duty opens with (审计局加强…, 领导小组邀请…)
    # (各单位高度重视，认真组织实施…: an attitude first, the party's duties after it)
    "加强|完善|健全|推进|推动|做好|抓好|搞好|确保|保证|保障|开展|执行|独立|邀请|主持|高度重视|"
    "审核|审批|审查|监督|检查|制定|编制(?!部门|办|委)|督促|指导|协调|配合|加快|严格|认真|切实|积极|"
    # (县应急管理局统筹各乡镇开展…: the body, then whom it steers; not 收回县级财政统筹安排)
    "统筹(?=各|全|本|协调|推进)|协助|帮助|引导|责成|督导(?![组室])|"
    # (县防汛指挥部发布…预警, 县防指召开…; how, before a verb of policy: 各成员单位扎实推进…)
    "发布|召开|启动|发出|下达|通报|公布|"
    "(?:扎实|深入|大力|着力|持续|稳步|有序|进一步|不断|努力)(?=[\u4e00-\u9fff]{2})|"
    "配备|全部|全面|基本|按时|按期|如期|合理|科学|依法|依规|足额|"
    # (what an inspected party is to stop or cut: 建筑工地停止土石方作业, 企业减少排放)
    "停止|暂停|减少|降低|削减|停产|限产|"
    # (采购人、代理机构、监理单位三方联合…: how many of them act together)
    "[两双三四五多各]方(?=联合|共同|会同|协商|签订)"
)
_PARTY_FIRST = re.compile(
    # Each party of a list is an atomic group, the list possessive: once a party is read it is
    # not split again (a failing match used to try every split, exponential in the list). A
    # party ends only where the list goes on or its verb follows (县政府办公室负责: not 县政府).
    # (各乡镇（街道）安全生产监督管理办公室: a long name before its last word)
    # (协调各成员单位应对…: whom a body steers, after its verb, is no party acting; nor does
    # a name open with 负责: 负责协调各成员单位…)
    # (nor holds a basis: 经济补偿按劳动者在…的年限 names no one)
    f"^(?!{_STEERS}|负责(?!人))(?P<who>(?>{_NOT_A_BASIS}{{0,16}}?"
    f"(?:{_REGULATED}|{_AUTHORITY}){_PAREN}"
    f"(?=(?:以及|[、和及与])|{_PARTY_VERBS}))"
    f"(?:(?:以及|[、和及与])(?>[^，,。；;\t]{{0,24}}?(?:{_REGULATED}|{_AUTHORITY}){_PAREN}"
    f"(?=(?:以及|[、和及与])|{_PARTY_VERBS})))*+)"
    f"(?={_PARTY_VERBS})"
)


#: A party named at the very start of a phrase, before how or with whom it acts (县财政局依据…,
#: 各乡镇作为…, 采购单位一把手任…).
_OPENS = re.compile(
    # (逐步为符合条件的单位设立…: how, then whom it is done for; no name)
    f"^(?![对向在由将把从按为自]|(?:逐步|积极|统一|及时|优先|专门|主动|依法)[为对向给]|{VIA}|{_STEERS}|负责(?!人))(?P<who>(?>{_NAME_CHAR}{{0,14}}?(?:{_REGULATED}|{_AUTHORITY})"
    f"{_PAREN}(?=(?:以及|[、和及与])|{_PARTY_VERBS}|{_HOW}))"
    # (a later name as long as the first: …、公共资源交易中心等监管单位)
    f"(?:(?:以及|[、和及与])(?>{_NAME_CHAR}{{0,14}}?(?:{_REGULATED}|{_AUTHORITY}){_PAREN}"
    f"(?=(?:以及|[、和及与])|{_PARTY_VERBS}|{_HOW})))*+)"
    f"(?={_PARTY_VERBS}|{_HOW})"
)
#: More parties after the first, joined to it (…和安全生产管理人员).
_MORE_PARTIES = re.compile(
    f"(?:(?:以及|[、和及与])(?:{_NAME_CHAR}){{0,10}}?(?:{_REGULATED}|{_AUTHORITY}){_PAREN}"
    # (the whole of each name: 城镇学校教师, not 城镇学校)
    f"(?!{_REGULATED}|{_AUTHORITY}))+"
)
#: A wish addressed to the parties (望各地…, 希望各企业…): not 望江县, 希望小学.
_ASKED = r"(?:希望|望)(?=各|全|你|贵|广大)"
#: Words a duty may open with before the party that acts (由财政局负责, 并由…, 同时…).
_BEFORE_PARTY = re.compile(
    # (…为主汛期，期间各单位应当…: during it, then the party)
    # (加强监管：（1）对重点企业…: an item's number after its lead's colon, then the words)
    rf"^(?:注\s*[:：])?\s*(?:[（(]\d{{1,2}}[）)]|[①②③④⑤⑥⑦⑧⑨⑩])?\s*(?:同时|并且|并|另外|此外|再|然后|其中|(?:在此)?期间)?[，,]?\s*(?:由|请|{_ASKED}|如果|倘若|假如|若)?(?:"
    + VIA
    + ")?"
)
#: Words no party's name contains: a modal word or a verb of the duty itself.
A_DUTY_WORD = re.compile(
    # (保密要害部门, 机要人员: names holding 要)
    r"必须|应当|(?<![反响适供])应(?![急用])|(?<![主重机纲])要(?![害])|(?<![必])须|不得|严禁|鼓励|可以|使用|确保|"
    # (中小学可适当增加教师编制: the words of what it may do, not a name)
    r"(?<![许认宁])可(?!能|行|靠|持续|追溯|再生|燃|吸入|视)"
)
#: 在 as "at, in" (在…中, 在…期间), not the first character of a name: 在建工地, 在用设备, 在岗人员.
AT = r"在(?![建用产岗职编校营])"
#: A word pointing back to a party named before (该生产经营单位, 上述单位).
_POINTING_BACK = re.compile(r"^(?:该|上述|此)(?=[\u4e00-\u9fff]{2})")
#: A note after a name that is no part of it: （以下简称区安委会）.
_SHORT_NAME = re.compile(r"[（(]以下(?:简称|称)[^（()）]*[）)]")


def opens_with_party(phrase: str) -> bool:
    """Whether ``phrase`` opens with the name of a party (who acts, before what it does)."""
    return _OPENS.match(phrase.strip()) is not None


#: A verb done to people, opening the words (检查主要管理人员…, 督促企业…): the ones named after
#: it are whom it is done to (not 检查组, 培训中心, 指导站: a body named for what it does).
_DONE_TO = (
    r"(?:检查|督促|指导|培训|配备|聘请|安排|选派|抽调|告知|约谈|表彰|奖励|处罚|动员|要求|"
    r"组织(?!部))(?!" + _A_BODY_NEXT + ")"
)


#: How many characters of a phrase may hold its opening party's name and verb.
_NAME_WINDOW = 240


#: A stretch of time a phrase opens with before who acts (营业时间内, 上学、放学时段, 运输过程中).
_A_TIME_FIRST = re.compile(r"^[^，,。；;]{1,10}?(?:时间内|时段内?|过程中)(?=[\u4e00-\u9fff])")
#: How many, inside words read as a name (安排不少于2名保安员): a count, no name.
_HOW_MANY_IN = re.compile(
    # (每个村配备1名网格员: how many it is to have, counted, no party's name)
    r"不少于|不低于|不超过|不多于|至少|最多|[\d＿]\s*名"
)


def party_named(phrase: str) -> tuple[str, SubjectKind] | None:
    """The party a duty's words open with (由县质量检测中心出具…, 县财政局依据…将…), as
    written without a leading 由/并 or a trailing （以下简称…）, and its kind."""
    # (its opening words only: a name and the verb after it are never this long; a caller
    # handing the rest of a long sentence in, once per number of a list, reads no more)
    words = _SHORT_NAME.sub("", _BEFORE_PARTY.sub("", phrase[:_NAME_WINDOW].strip(), count=1))
    # (营业时间内执业药师应当在岗, 上学、放学时段安排…: when, then who acts)
    words = _A_TIME_FIRST.sub("", words, count=1)
    if re.match(
        # (建立政府负责人牵头的…机制: a verb of setting up, no name)
        # (not a name that opens with 自: 自然保护区管理机构, 自治区…, 自来水公司)
        # (及时调整…领导小组: how promptly, then a verb; no name opens with an adverb)
        # (禁止货车在…通行: the ones banned, read by subject_of)
        f"[对向将把按为报请以]|自(?!然|治|来水|贸)|禁止|建立|设立|成立|制定|开展|发(?![证改展放])|{AT}|从(?![业事])|有(?![关])|通过|采用|采取|{VIA}|{_DONE_TO}|"
        r"(?:及时|定期|认真|切实|按时|积极|尽快|立即)(?=[\u4e00-\u9fff]{2})",
        words,
    ):
        # 对其主要负责人…, 报领导小组: whom it is done to, not who does it; 以书面形式通知…
        # 供应商: how it is done; 检查主要管理人员…: a verb, and the ones it is done to; 有固定的
        # 经营场所: a thing to have
        return None
    found = party_first(words)
    if found is None:
        match = _OPENS.match(words)
        if match is None:
            # (托育机构乳儿班每班不超过10人: the party whose units are counted)
            owner = _OWNER_PER.match(words) or _OWNER_OF.match(words)
            if owner is not None and owner.re is _OWNER_OF and ends_with_party(owner["what"]):
                return None  # (企业的负责人…: its people, not a thing of the firm's)
            return (clean_name(owner.group("who")), "regulated") if owner else None
        found = (match.group("who"), kind_of(match.group("who")))
    steers = _STEERS_IN.search(found[0])
    if steers is not None and steers.start() > 0 and ends_with_party(found[0][: steers.start()]):
        # (县住建局督促建设单位于…建成投运: the body that steers acts, not the one it steers)
        who = found[0][: steers.start()]
        found = (who, kind_of(who))
    if "该" in found[0][1:]:
        return None  # (每个火点扣减该乡镇年度考核分…: the one pointed back to, after a verb)
    more = _MORE_PARTIES.match(words, len(found[0])) if words.startswith(found[0]) else None
    if more is not None:
        # (…企业的主要负责人和安全生产管理人员初次培训时间…: a list of them, a measure after)
        found = (words[: more.end()], kind_of(words[: more.end()]))
    if A_DUTY_WORD.search(found[0]) or _HOW_MANY_IN.search(found[0]):
        # 必须使用县政府…: the duty's own words, not a name (安排不少于2名保安员: how many)
        return None
    if found[0].count("（") + found[0].count("(") > found[0].count("）") + found[0].count(")"):
        return None  # 完成…工作（市生态环境局牵头）: an aside's units, opened inside the words
    rest = words[len(found[0]) :]
    # (安全管理人员每周检查不少于2次, 乡级河长每月不少于1次: people make their own rounds; a firm
    # is checked so often)
    person = _A_PERSON_END.search(found[0]) is not None
    if (
        _DONE_TO_IT.match(rest)
        or _SHUT_DOWN.match(rest)
        # (…的企业每年检查次数不少于3次: how often it is checked; not an authority's own rate of
        # checks, 县民政局每年抽查比例不低于30%)
        or (found[1] == "regulated" and _INSPECTED_HOW_OFTEN.match(rest))
        # (…执法检查不少于1次，重点企业每半年不少于1次: how often they are, no verb of theirs)
        or (
            not person
            and re.fullmatch(
                r"\s*每(?:个|一)?(?:日|天|周|旬|月|季度?|半年|年度?|学期)(?:度)?"
                r"(?:不少于|至少|不超过|最多)\s*[\d＿一二三四五六七八九十]+\s*次\s*",
                rest,
            )
        )
        # (重点企业每年检查不少于2次，一般企业每2年…: an inspected party checked so often; 田长每月
        # 巡查… is an official's own round)
        or (found[1] == "regulated" and not person and _CHECKED_SO_OFTEN.match(rest))
    ):
        # (同一企业一年内被抽查不超过2次, …的企业每年检查次数不少于3次: what is done to it,
        # not who does it)
        return None
    if _A_SCHEME_OF.match(rest):
        return None  # (企业职工基本养老保险单位缴费比例为16%: a scheme's name, no one acting)
    if _HOW_MANY.match(rest) or _COUNTED_TO.match(rest):
        # (从业人员在100人以下的，…; 夜间值班人员不得少于2人: how many of them, not who acts)
        return None
    if found[0] in ("单位", "部门", "机构") and re.match(r"(?:主要)?(?:一把手|负责人|领导)", rest):
        return None  # (…，单位一把手任组长: its head acts, the unit the sentence before named)
    if "与" in found[0] and _TOGETHER.match(rest):
        # 中标的供应商与各乡镇进行对接洽谈: 与 is "with" before a verb two parties do together
        first = found[0].split("与", 1)[0]
        if ends_with_party(first):
            return clean_name(first), kind_of(first)
    if rest.startswith("会同"):
        # 机构编制部门会同教育、财政部门核定…: the ones it acts jointly with act too
        joint = _OPENS.match(rest[2:])
        if joint is not None:
            return clean_name(f"{found[0]}会同{joint.group('who')}"), found[1]
    return clean_name(found[0]), found[1]


#: A passive right after a name, in its own words (…一年内被抽查不超过2次; not 被…的, 被…后,
#: 被…时: a case, after which the party acts).
_DONE_TO_IT = re.compile(
    r"[^，,。；;的后时]{0,12}?被(?![^，,。；;]*(?:的|后|时|应当|应|须|必须|要))|"
    # (同一生产经营单位在一年内被随机抽查的次数不超过2次: how often it is checked)
    r"[^，,。；;的后时]{0,12}?被[^，,。；;的]{0,6}(?:检查|抽查|巡查|检测|抽检)的?(?:次数|频次)|"
    # (保洁员按照每300人1名的标准配备: how many are provided, by someone not named; not 学校
    # 按照…的比例配备校医, the school providing)
    r"\s*按照?[^，,。；;]{1,20}的?(?:标准|比例)(?:配备|配置|配齐|设置|招聘|聘用)\s*(?:[，,。；;]|$)"
)


#: A party closed down, the verb ending its phrase (全县散煤经营户全部取缔, 一律关停): done to it,
#: by someone not named (企业应当关停生产线: its own act, on what it names after).
_SHUT_DOWN = re.compile(
    r"\s*(?:全部|一律|坚决|依法|要|须|必须|应当?)*\s*(?:予以|依法)?\s*"
    r"(?:取缔|关停|关闭|淘汰|拆除|清退|查封)\s*(?=[，,。；;]|$)"
)


#: How often a party is inspected, right after its name (…的企业每年检查次数不少于3次): by
#: someone not named.
_INSPECTED_HOW_OFTEN = re.compile(
    r"[^，,。；;的]{0,6}?(?:检查|抽查|巡查|检测|抽检|监测)(?:次数|频次|频率|比例)"
)
#: A person's name's end, or an official's (安全管理人员, 主要负责人, 乡级河长, 网格员).
_A_PERSON_END = re.compile(r"(?:负责人|[河湖田林路山]长|[^单]员)$")
#: How often a party is checked, right after its name (每年检查不少于2次, 每2年抽查不少于1次).
_CHECKED_SO_OFTEN = re.compile(
    r"\s*每(?:个|一)?(?:[\d＿一二两三四五六七八九十]+\s*个?)?(?:日|天|周|旬|月|季度?|半年|年度?)"
    r"(?:检查|抽查|检测|抽检|督查)(?:不少于|至少|不超过|最多)\s*[\d＿一二三四五六七八九十]+\s*次"
    r"\s*(?=[，,。；;]|$)"
)
_A_PARTY_DONE_TO = re.compile(
    f"(?:{_REGULATED}|{_AUTHORITY})(?:"
    + _DONE_TO_IT.pattern
    + "|"
    + _INSPECTED_HOW_OFTEN.pattern
    + ")"
)


#: A verb two parties do together (A与B进行对接, 签订协议, 协商…): 与 before it means "with".
_TOGETHER = re.compile(r"(?:进行|开展)?(?:对接|洽谈|协商|签订|签署|沟通|联系|合作|衔接|会商)")


def _last_named(name: str) -> str:
    """The last name of a list (A局、B局 → B局), a bracket's own 、 passed by (各县（市、区））."""
    hidden = re.sub(r"[（(][^（()）]*[）)]", lambda m: "·" * len(m.group(0)), name)
    return name[len(name) - len(re.split(r"[、和及与]", hidden)[-1]) :]


def ends_with_party(name: str) -> bool:
    """Whether ``name`` ends with the name of a party (…办公室, …检测中心, …企业)."""
    last = _last_named(name)
    return bool(_AUTHORITY_END.search(last) or _REGULATED_END.search(last))


def kind_of(name: str) -> SubjectKind:
    """Whether a party's name is an inspected party's or (by default) an authority's."""
    last = _last_named(name)
    if last == "人员" and len(name) > 3:
        return kind_of(name[:-3])  # (相关单位和人员: the people of the parties before)
    if last == "单位" and re.search(r"..[、和及与]单位$", name):
        return kind_of(name[:-3])  # (相关部门和单位: the bodies of the parties before)
    # (县直部门主要负责同志: an authority's heads, as its 负责人)
    staff = re.fullmatch(r"(.+?)的?(?:(?:工作)?人员|(?:主要)?负责(?:人|同志))", last)
    if staff and (
        staff.group(1).endswith("窗口")
        or (ends_with_party(staff.group(1)) and kind_of(staff.group(1)) == "authority")
    ):
        return "authority"  # (窗口工作人员, 行政机关工作人员: the staff of an authority)
    if _GOVERNMENT_UNITS_END.search(last):
        return "authority"  # (市直各单位: the government's own units, not inspected firms)
    return "regulated" if _REGULATED_END.search(last) else "authority"


def clean_name(name: str) -> str:
    """A party's name without a note after it (临淄区安全生产委员会（以下简称区安委会）) nor a
    word pointing back to it (该生产经营单位: the one named before)."""
    name = _WHEN_FIRST.sub("", name)  # (今年各企业要…, 2023年各县要…: when, then who)
    name = _PLACE_FIRST.sub("", name)  # (本市行政区域内的燃气经营企业: where, then who)
    name = _ORDINAL_FIRST.sub("", name)  # (一是县安委办每季度…: the item's ordinal, then who)
    if opens_a_quote(name):
        # (修改为：“第五条 申请人应当…”: the quoted rule's party, without the mark nor the
        # article's number)
        quoted = QUOTED_ARTICLE.match(name)
        name = name[quoted.end() if quoted else 1 :]
    return _POINTING_BACK.sub("", _SHORT_NAME.sub("", name).strip())


#: Where the text holds, all of it (本市行政区域内, 本县范围内, 辖区内): picks no one out.
_A_PLACE_ONLY = re.compile(
    r"(?:在)?(?:本|全|我)?(?:省|市|县|区|镇|乡|街道)?(?:行政区域|辖区|区域)?(?:范围)?(?:内|之内)"
)
_PLACE_FIRST = re.compile("^" + _A_PLACE_ONLY.pattern + "的")
#: An item's ordinal in running text (一是…，二是…; 第三是…): no part of a name.
ORDINAL_IS = r"第?[一二三四五六七八九十]{1,2}是"
_ORDINAL_FIRST = re.compile(rf"^{ORDINAL_IS}(?=[\u4e00-\u9fff]{{2}})")
#: A time a phrase opens with before the party (今年各企业要…, 2023年各县要…, 下一步各地要…).
_WHEN_FIRST = re.compile(
    r"^(?:今年|明年|当年|本年度?|今后|近期|下一步|(?:19|20)\d{2}\s*年(?:底前|内|起)?|"
    # (夜间（22时至次日6时）长途客运车辆应当…, 汛期水库管理单位应当…: the season or the hours)
    r"(?:(?:主|森林|冬)?(?:" + SEASON_WORDS + r")(?:期间|内)?(?:[（(][^（()）]{1,20}[）)])?)|"
    # (how binding, before who: 原则上每个乡镇配备…)
    r"原则上|一般情况下|通常|"
    # (a word of advice before who is advised: 建议各地建立台账, 鼓励企业…)
    r"建议|鼓励|提倡|倡导|允许|准许)[，,\s]*"
    r"(?=[\u4e00-\u9fff]{2})"
)


def party_first(phrase: str) -> tuple[str, SubjectKind] | None:
    """The party a phrase opens with, before what it does, and its kind."""
    match = _PARTY_FIRST.match(phrase)
    if match is None:
        return None
    who = match.group("who")
    return who, kind_of(who)


#: A social insurance or fund named after whom it covers (企业职工基本养老保险, 城乡居民医疗保险).
_A_SCHEME_OF = re.compile(r"(?:基本)?(?:养老|医疗|失业|工伤|生育|大病)保险|住房公积金")

_LEADS = re.compile(
    rf"^(?:同时|并且|并|另外|此外|其中|因此|为此|对此|要求|由|请|{_ASKED}|凡是|凡|所有|全体|如果|倘若|假如|若|"
    r"(?:在此)?期间)"
)


@dataclass(frozen=True)
class Condition:
    """The condition a requirement applies under: its words and where they are."""

    text: str
    start: int
    end: int


#: When the one acting judges it needed (必要时, 需要时): discretion, no condition.
DISCRETION = ("必要时", "需要时", "必要的时候", "确有必要时")


#: A bracket opened and not closed (the words stop at a comma inside an aside).
_OPENED = re.compile(r"[（(][^（()）]*$")


@functools.lru_cache(maxsize=256)  # (asked of one sentence once per requirement in it)
def condition_of(sentence: str) -> Condition | None:
    """The applicability condition ``sentence`` opens with (or names inline), or None."""
    found = _condition_of(sentence)
    if found is not None and found.start == 0:
        return found
    # 环境影响评价文件批准后超过五年，方决定开工建设的，应当…: both phrases are the case, when
    # they open the sentence and state no duty of their own
    two = GOES_ON_CASE.match(sentence)
    if two is None or A_MODAL_WORD.search(two.group("cond")):
        return found
    return Condition(two.group("cond"), 0, two.end("cond"))


#: A number with its bound in words (一般不超过12个月, 不少于3人).
_A_BOUND_STATED = re.compile(
    r"(?:不(?:得|应|宜)?(?:超过|少于|低于|高于|多于|大于|小于)|至少|最多)\s*[\d＿一二三四五六七八九十两]"
)


def _condition_of(sentence: str) -> Condition | None:
    for pattern in (
        STAFF_CASE,
        BROKEN_RULE,
        IF,
        A_PARTY_IF,
        EXCEPT,
        WITHOUT_LEAVE,
        BREACH,
        AMONG,
        THE_ONES_AND_NAMED,
        THE_ONES,
        THE_ONES_NAMED,
        THE_ONES_AND,
        EVERY_ONE_OF,
        BOTH_PARTS,
        STATE_REACHED,
        A_PERIOD_DEFINED,
        WHEN,
        SEASON,
        CLOCK_BOUND,
        A_PERIOD_NAMED,
        WHEN_INLINE,
        MET_INLINE,
        WHEN_AFTER_MODAL,
        WITHIN_A_DISTANCE,
        A_ZONE,
        THE_ONES_THEN_WHEN,
        THE_ONES_LONG,
        SIZED_CLASS,
        A_PARTY_S_CASE,
        PEOPLE_S_CASE,
        BEFORE_APPLYING,
        THE_ONES_DEALT_WITH,
        GRADED,
    ):
        match = pattern.search(sentence)
        if (
            match
            and pattern is THE_ONES_LONG
            and (A_DUTY_WORD.search(match.group("cond")) or party_first(match.group("cond")))
        ):
            continue
        if match and pattern is EVERY_ONE_OF and ONLY_A_NAME.fullmatch(match.group("what")):
            continue  # (凡…的企业，须…: the party acts, picked out: PARTY_PICKED)
        if match and pattern in (A_PARTY_S_CASE, PEOPLE_S_CASE):
            cond = match.group("cond")
            # (the people a grant is for: no inspected party opens their words)
            first = A_PARTY_FIRST.match(cond) if pattern is A_PARTY_S_CASE else match
            opened, second = re.split(r"[，,]", cond, maxsplit=1)  # (its two parts, read once)
            second = second.lstrip()
            if (
                A_MODAL_WORD.search(cond)  # (企业应当…，并…的: a duty, its modal word in it)
                or first is None
                # (县政府每年不定期开展乡村教师…督查，对…的，: an authority acting)
                or re.search(r"政府|局|部门|委员会|办公室|每|开展", first.group(0))
                # (各预算单位每季度至少开展一次…监控，发现…的，: a duty of its own, how often)
                or re.search(
                    r"每|按(?:月|季度?|年度?|日|周)|开展|至少|不少于|(?<![法规约])定期(?!限)",
                    opened,
                )
                or second.startswith(("对", "凡"))  # (a case of its own after the comma)
                # (项目单位对申报材料的真实性负责，弄虚作假的，: a duty of its own, what it
                # answers for)
                or re.search(r"负(?:总|全)?责\s*$", opened)
                # (企业安全生产费用提取标准以上年度营业收入为依据，营业收入…的，: the basis the
                # rule is counted on, no act of the party's)
                or re.search(r"为(?:依据|准|基础|基数|计算基数|计提依据)\s*$", opened)
                # (缴费基数按本人上年度月平均工资确定，低于…的，: how the base is set, a rule
                # of its own)
                or BASIS_SET.fullmatch(opened + "，")
                # (工伤职工停工留薪期一般不超过12个月，伤情严重的，: a bound of its own, then
                # the case of what follows; not …超过500万千瓦时，且…的: both the case)
                or (
                    _A_BOUND_STATED.search(opened) is not None
                    and not second.startswith(("且", "并", "同时"))
                )
                # (列入失信主体名单的期限为3年，期满…的，: a term stated, a rule of its own)
                or re.search(
                    r"的[^，,（()）]{0,6}(?:为|是)\s*[\d一二三四五六七八九十两]",
                    re.sub(r"[（(][^（()）]*[）)]", "", opened),  # (not an aside's: （…比例为15%）)
                )
            ):
                continue
        if (
            match
            and pattern is WHEN
            # (达到一级响应标准时: 响应 is no modal word)
            and re.search(
                r"可(?!能)|(?<![响反适供对])应(?![急用])|须|(?<![主需重纲摘概必紧简纪])要(?![求素点件闻害])",
                match.group("cond"),
            )
        ):
            continue  # (企业可在不影响安全的前提下，…: the duty's own words, its modal in them)
        if match and pattern is BEFORE_APPLYING and A_MODAL_WORD.search(match.group("cond")):
            continue  # (企业应当在10日内完成整改，不能按期完成的，可以申请延期: a duty first)
        if match and pattern is WHEN and match.group("cond").strip() in DISCRETION:
            continue  # 必要时，可以…: discretion, part of what is allowed, nothing to check
        if match and _OPENED.search(match.group("cond")):
            continue  # (经验收合格（应具备…，…）的: a comma inside an aside ends no case)
        if match:
            start = match.start("cond") - len(match.groupdict().get("lead") or "")
            if pattern is BEFORE_APPLYING and (basis := BASIS_SET.match(sentence, start)):
                start = basis.end()  # (住房面积按户核定，人均…低于…的，可申请…: the rule first)
            return Condition(sentence[start : match.end("cond")], start, match.end("cond"))
    match = REACHING.search(sentence)
    if match:
        # (城镇学校、…、已聘…达到或超过岗位设置比例的学校，: the whole of the phrase the
        # sentence opens with)
        start = max(sentence.rfind(mark, 0, match.start("cond")) for mark in "，,。；;") + 1
        if start == 0 < match.start("cond") and not A_DUTY_WORD.search(sentence, 0, match.start()):
            return Condition(sentence[: match.end("cond")], 0, match.end("cond"))
        return Condition(match.group("cond"), match.start("cond"), match.end("cond"))
    match = (
        REACHING_OPENS.match(sentence)
        or SIZED_WORKS.match(sentence)
        or PARTY_PICKED.match(sentence)
        or AUTHORITY_PICKED.match(sentence)
    )
    if match and match.re is PARTY_PICKED and ends_with_party(match.group("cond")):
        match = None  # (企业的主要负责人，应当…: a party's own people, whose party it is)
    if match and match.re is PARTY_PICKED and _A_PLACE_ONLY.fullmatch(match.group("cond")):
        match = None  # (本市行政区域内的燃气经营企业，应当…: where the text holds, no case)
    if match and _TO_HAVE.match(match.group("cond")) and not ANY_MODAL.search(sentence):
        match = None  # (（一）有符合国家标准的储配站，储存能力…: a thing to have, no case)
    if match and not A_MODAL_WORD.search(match.group("cond")):
        # (配送中心要有固定的场所，面积…: a duty, its modal word in it, picks no one out; the
        # ones named after 的 are the condition's too: what is to be done starts after them)
        end = match.end() - 1 if match.re in (REACHING_OPENS, SIZED_WORKS) else match.end("cond")
        if match.re is PARTY_PICKED and AUTHORITY_ON.match(match.group("cond")):
            end = match.end("who")  # (县住建局对违反…的施工单位，处…: the ones it acts on)
        return Condition(sentence[match.start("cond") : end], match.start("cond"), end)
    match = (
        THE_THINGS.match(sentence) or THINGS_LIMITED.match(sentence) or THINGS_BY.match(sentence)
    )
    if match:
        noun, cond = match.group("noun"), match.group("cond")
        # (连续两年考核不合格的乡镇，由县政府…约谈: ones another party acts on, a party or not)
        acted_on = match.re is THINGS_BY
        if not (
            NO_ONES.match(noun)
            or A_MEASURE.search(noun)
            or (_REGULATED_END.search(noun) and not acted_on)
            or (_AUTHORITY_END.search(noun) and not acted_on)
            # (依法必须进行招标的项目，招标人…: which ones the law binds, named, no duty of theirs)
            or A_MODAL_WORD.search(_BOUND_BY_LAW.sub("", cond))
            # (符合条件的人员可按规定申请…，贷款额度…: what they may do, a duty's words)
            or re.search(r"可(?!能|行|靠|持续|再生|燃|回收|吸入|视|控)", noun)
            or re.match(r"(?:按照|按|根据|依据|依照|为了|为|在)", cond)
            # (由村委会负责组织本村的环境卫生整治，每周不少于1次: who does it, a duty)
            or re.match(r"(?:由(?!于|此))?[^，,。；;的]{1,20}?负责(?!人)", cond)
            # (各县人民政府是…的责任主体，要…: who it is, a statement, no ones picked out)
            or re.search(r"(?<!凡)是", cond)
            # (化工企业新建项目的安全设施，必须…: a party's things, the party's duty)
            or OWNED.match(cond)
            # (省财政按照每人每月30元的标准给予补助，其余部分由…: a duty, its verb after 的)
            or re.search(r"给予|发放|拨付|支付|承担|补助$", noun)
            # (仓库的单库存储量不超过设计药量，…: a limit stated, a requirement of its own)
            or re.search(r"不(?:得|应|宜)?(?:超过|低于|少于|高于|大于|小于|多于)", noun)
            # (…护理标准按照最低工资标准的10%确定，…: a share of a base, the 的 a base's)
            or re.match(r"[\d＿.]+\s*[%％]", noun)
            # (（二）有固定的经营场所，面积不少于…: a thing to have, an item of a list of them)
            or (_TO_HAVE.match(cond) and not ANY_MODAL.search(sentence))
        ):
            return Condition(cond, 0, match.end("cond"))
    return None


#: What a party is to have, opening an item of a list of them (有固定的经营场所，…; not 有条件的
#: 地区, the ones able to, nor 有关, 有的).
_TO_HAVE = re.compile(r"有(?!关|的|些|条件)")


#: The words that say a law binds the ones named after them (依法必须…的项目): how, then 必须.
BY_LAW = r"(?:依法|依规|按规定|按照规定|依照规定)"
BOUND = r"(?:必须|应当|应|需要?)"
#: The things a law binds, named at their start (依法必须进行招标的项目, 依法应当公开的信息).
_BOUND_BY_LAW = re.compile(
    # (需要办理施工许可的工程: the ones that need it)
    rf"^{BY_LAW}?{BOUND}(?=[^，,。；;]+的)"
)


#: (用人单位支付劳动者的工资: who pays is named first, not the one paid; 用人单位全天安排劳动者
#: 室外作业时间: who sets the work, not the one set to it)
_NOT_THE_PAID = "(?!支付|发放|招用|聘用|雇用|安排|指派|委派|派遣|录用)"
_GOES_IN = "进入|进出|出入|前往|从事|参加|参与|驶出|驶入|驶离|离开"


#: An inspected party, where what follows is counted per one of its units or is how far it is
#: (托育机构乳儿班每班不超过10人, 畜禽养殖场距离…不得少于500米, 养老机构每张床位…): the party
#: whose units they are.
_OWNER_PER = re.compile(
    f"(?P<who>(?:{_NOT_THE_PAID}[^，,。；;、的]){{0,12}}?(?:{_REGULATED}))"
    r"[^，,。；;、的\d]{0,8}(?:每[个张间班户名床辆台]|距离)"
)


#: A thing of an inspected party and its bound (企业的注册资本不低于100万元, 配送中心的储煤场地面积
#: 不低于500平方米): the party whose thing is bound, named first.
_OWNER_OF = re.compile(
    f"(?P<who>(?:{_NOT_THE_PAID}[^，,。；;、的]){{0,12}}?(?:{_REGULATED}))的"
    r"(?P<what>[^，,。；;、的\d]{1,12}?)"
    r"(?=不(?:得|应|宜)?(?:低于|少于|高于|超过|小于|大于|多于)|至少|最多|达到)"
)


#: How many of them there are, after a party's name (从业人员在100人以下的): a count of them,
#: who acts is another (the unit they work for).
#: How many of them there must be, right after their name (值班人员不得少于2人, 参会人员不得超过
#: 150人): the ones counted.
_COUNTED_TO = re.compile(
    r"\s*(?:原则上|一般)?(?:不得|不应|不能|应当?|须)?(?:少于|多于|超过|低于|不少于|不超过|不低于|不多于|"
    r"控制在)\s*(?:[\d＿一二三四五六七八九十百千万.]+\s*(?:人|名)|"
    # (其中评审专家不得少于成员总数的三分之二: their share of a whole of people)
    r"[^，,。；;\d]{0,8}(?:总数|人数|成员|名额)的\s*(?:[\d.]+\s*[%％]|[一二三四五六七八九十]+分之[一二三四五六七八九十]+))"
)
_HOW_MANY = re.compile(
    # (从业人员超过（含）50人的: a marker of the bound before its number)
    r"\s*(?:在|达到|超过|不足|低于|高于|少于|多于)?\s*(?:[（(]\s*不?含\s*[）)])?\s*"
    r"[\d＿一二三四五六七八九十百千万.]+\s*"
    # (投标人少于3个的: the bidders counted, 个 as the unit)
    r"(?:人|名|家|户|辆|台|个)(?:次)?\s*(?:及?以上|及?以下)?\s*"
    # (从业人员在100人以上不满300人的, 100人以上300人以下的: a range of them)
    r"(?:(?:不满|不足|未满|低于|少于|至|到|—|-|~|～)?\s*[\d一二三四五六七八九十百千万.]+\s*"
    r"(?:人|名|家|户|辆|台|个)?(?:次)?\s*(?:及?以上|及?以下)?\s*)?的"
)


#: One party's name and nothing else (各镇, 区直有关部门, 各企事业单位, 镇(街道)).
ONLY_A_NAME = re.compile(
    f"[^\\s，,。；;：:、和及与为的是在对将把要应须]{{0,14}}?(?:{_REGULATED}|{_AUTHORITY}){_PAREN}"
)
