"""Who a sentence obliges, and under what condition. Pure module (standard library only).

``condition_of`` finds the condition a sentence opens with, the way Chinese drafting writes an
applicability clause: "…的，" (对整改不及时造成安全事故的，…), "凡…的，", "对…的，", "如（果）/若…，
（则）…", "…时，", and an inline "达到…的企业/单位". What follows the condition is the requirement;
the condition says when it applies (it is not a requirement of its own).

``subject_of`` reads who must act: the noun phrase just before the modal word (企业应…,
各县（市、区）要…, 财政局负责…), and whether it is the inspected party (``regulated``: 企业,
单位, 配送中心, 供应商, 采购人, 学校 …) or an authority (``authority``: 政府, 部门, 局, 委, 办,
领导小组 …).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from checklists.standards.openings import (
    A_MEASURE,
    A_MODAL_WORD,
    A_PARTY_FIRST,
    A_PARTY_S_CASE,
    A_PERIOD_NAMED,
    AMONG,
    AUTHORITY_PICKED,
    BEFORE_APPLYING,
    BOTH_PARTS,
    BREACH,
    BROKEN_RULE,
    DURING_WORD,
    EVERY_ONE_OF,
    EXCEPT,
    GRADED,
    IF,
    NO_ONES,
    OWNED,
    PARTY_PICKED,
    QUOTED_ARTICLE,
    REACHING,
    REACHING_OPENS,
    SEASON,
    SEASON_WORDS,
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
    WHEN_WORD,
    WITHIN_A_DISTANCE,
    WITHOUT_LEAVE,
    opens_a_quote,
)
from checklists.standards.party_names import AUTHORITY as _AUTHORITY
from checklists.standards.party_names import REGULATED as _REGULATED

SubjectKind = Literal["regulated", "authority"]

# A regulated party's name is tried first: 配送中心 ends like an authority's 中心 would.
_PAREN = r"(?:[（(][^（()）]{1,8}[）)])?"
_AUTHORITY_END = re.compile(f"(?:{_AUTHORITY}){_PAREN}$")
_REGULATED_END = re.compile(f"(?:{_REGULATED}){_PAREN}$")
_ADVERBIAL = (
    # (a space before it: text from a PDF, 需要搬迁的企业 3 年内…)
    r"(?=\s*(?:在|于|对|从(?!业)|自|按|依|根据|通过|如|若|发现|接到|收到|发生|出现|存在|认为|拟|需要?|确需|"
    r"追加|变更|申请|支付|发放|"
    r"使用|从事|经营|销售|生产|储存|贮存|加工|运输|招用|聘用|举办(?!者)|未|违反|擅自|每|定期|购进|进货|"
    r"采购(?=食品|食用|原料|商品|货物|物资|设备|产品|药品|农产品)|"
    # a time it is in (经营者一年内累计停业…)
    r"[一二三四五六七八九十两\d]+\s*个?(?:年|月|日|天|周|小时)内))"
)
#: (a name holds no 在/对/向 before another name: 救助对象在定点医疗机构发生的… names no one)
_NAME_CHAR = r"(?:(?![在对向])[^，,。；;\t])"
_REGULATED_OPENS = re.compile(f"(?P<who>{_NAME_CHAR}{{0,12}}?(?:{_REGULATED}){_PAREN}){_ADVERBIAL}")
_AUTHORITY_OPENS = re.compile(f"(?P<who>{_NAME_CHAR}{{0,12}}?(?:{_AUTHORITY}){_PAREN}){_ADVERBIAL}")
#: Words after a verb that make it the start of a body's name (督导组, 指导中心, 组织部门).
_A_BODY_NEXT = r"[组站队所处科室局办]|中心|机构|部门|小组"
#: Verbs of steering other bodies (协调各成员单位…, 督促各乡镇…), not a name's first word.
_STEERS = rf"(?:协调|统筹|督促|指导|协助|责成|督导)(?!{_A_BODY_NEXT})"
#: A party named at the very start of a phrase, before what it does (采购人在3个工作日内…).
_PARTY_VERBS = (
    "在|于|对|从(?!业)|自|按|依|应|须|必须|要|不得|严禁|可|将|负责(?!人)|最多|至少|每|年|向|由|主动|及时|"
    "原则上|一般|也|予以|给予|是|报送|上报|提交|完成|各(?=[负承自不]|为|按|缴)|收到|接到|不?定期|"
    # (市整治办组织有关部门…: the body, then whom it brings together; not 市委组织部)
    "组织(?!部)|"
    # (企业提取安全生产费用按…计提: the party, then the verb of its duty)
    "提取|计提|缴纳|缴存|足额|"
    # (县卫生健康局终止医疗救治应急响应: a response started or ended by its body)
    "启动|终止|解除|带动|确定(?=\\d|[一二两三四五六七八九十]|专人|联络员)|"
    # (寄宿制学校还应当…, 行政机关不予受理, 市人民政府一次性奖励…, 各县具体负责…)
    "还(?=应|须|要|必须|可|不得|需)|最迟|最晚|不迟于|不予|不再|一次性(?=奖励|补助|补贴|给予|发放)|全额|具体|"
    # (验收不合格的，督办部门责令重新整改; 由县应急管理局处…罚款: an authority's sanction)
    "责令|处以|处(?=[\\d＿一二三四五六七八九十上])|吊销|没收|暂扣|依法(?=[处查责追予给吊撤没])|提请|约谈|受(?=[^，,。；;]{1,20}委托)|"
    # (县教育局2024年底前完成验收, 各乡镇6月底前完成…: by when, right after the name)
    "(?:＿{2,}|\\d{2,4}\\s*年\\s*(?:\\d{1,2}\\s*月)?|\\d{1,2}\\s*月)(?=[年月]?[底末]?前|[年月]?[底末])"
)
#: How or with whom a party acts, between its name and its verb (依据…, 会同…, 再将…).
_HOW = (
    "作为|依据|根据|通过|会同|联合|牵头|再|直接|统一|分别|自行|共同|组织|确认|登记|建立|承担|拨付|"
    # (各乡镇、各部门结合实际制定…: how, then the verb)
    "结合(?=实际|本地|各自|自身|本部门|本单位|职责)|"
    "抽取|出具|进行|实行|实施|落实|选择|安排|列入|登记|填写|持|从(?!业)|一把手|"
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
    f"^(?!{_STEERS}|负责(?!人))(?P<who>(?>[^，,。；;\t]{{0,16}}?(?:{_REGULATED}|{_AUTHORITY}){_PAREN}"
    f"(?=(?:以及|[、和及与])|{_PARTY_VERBS}))"
    f"(?:(?:以及|[、和及与])(?>[^，,。；;\t]{{0,16}}?(?:{_REGULATED}|{_AUTHORITY}){_PAREN}"
    f"(?=(?:以及|[、和及与])|{_PARTY_VERBS})))*+)"
    f"(?={_PARTY_VERBS})"
)


#: A party named at the very start of a phrase, before how or with whom it acts (县财政局依据…,
#: 各乡镇作为…, 采购单位一把手任…).
_OPENS = re.compile(
    f"^(?![对向在由将把从按为自]|{VIA}|{_STEERS}|负责(?!人))(?P<who>(?>{_NAME_CHAR}{{0,14}}?(?:{_REGULATED}|{_AUTHORITY})"
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
    rf"^(?:注\s*[:：])?\s*(?:同时|并且|并|另外|此外|再|然后|其中|(?:在此)?期间)?[，,]?\s*(?:由|请|{_ASKED}|如果|倘若|假如|若)?(?:"
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
_HOW_MANY_IN = re.compile(r"不少于|不低于|不超过|不多于|至少|最多")


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
            owner = _OWNER_PER.match(words)
            return (clean_name(owner.group("who")), "regulated") if owner else None
        found = (match.group("who"), kind_of(match.group("who")))
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
    if (
        _DONE_TO_IT.match(rest)
        or _SHUT_DOWN.match(rest)
        or _INSPECTED_HOW_OFTEN.match(rest)
        # (…执法检查不少于1次，重点企业每半年不少于1次: how often they are, no verb of theirs)
        or re.fullmatch(
            r"\s*每(?:个|一)?(?:日|天|周|旬|月|季度?|半年|年度?|学期)(?:度)?"
            r"(?:不少于|至少|不超过|最多)\s*[\d＿一二三四五六七八九十]+\s*次\s*",
            rest,
        )
        # (重点企业每年检查不少于2次，一般企业每2年…: an inspected party checked so often; 田长每月
        # 巡查… is an official's own round)
        or (found[1] == "regulated" and _CHECKED_SO_OFTEN.match(rest))
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
    r"[^，,。；;的后时]{0,12}?被[^，,。；;的]{0,6}(?:检查|抽查|巡查|检测|抽检)的?(?:次数|频次)"
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
#: How often a party is checked, right after its name (每年检查不少于2次, 每2年抽查不少于1次).
_CHECKED_SO_OFTEN = re.compile(
    r"\s*每(?:个|一)?(?:[\d＿一二两三四五六七八九十]+\s*个?)?(?:日|天|周|旬|月|季度?|半年|年度?)"
    r"(?:检查|抽查|检测|抽检|督查)(?:不少于|至少|不超过|最多)\s*[\d＿一二三四五六七八九十]+\s*次"
    r"\s*(?=[，,。；;]|$)"
)
#: A relation between two parties named before it (…与检查对象有利害关系).
_IN_A_RELATION = re.compile(r"(?:有|存在|具有)[^，,。；;]{0,8}关系")
#: The checks done to a party, named with 对 (对同一市场主体的抽查, 对企业的行政检查).
_CHECKS_OF_IT = re.compile(
    r"(?:对于?|针对)[^，,。；;]{1,20}?的[^，,。；;的]{0,8}(?:检查|抽查|巡查|检测|抽检|监测|核查|督查)"
)
_A_PARTY_DONE_TO = re.compile(
    f"(?:{_REGULATED}|{_AUTHORITY})(?:"
    + _DONE_TO_IT.pattern
    + "|"
    + _INSPECTED_HOW_OFTEN.pattern
    + ")"
)


#: The distance of a party from others (加油站与学校、医院的安全间距): the first keeps it.
_APART = re.compile(
    r"(?P<who>[^，,。；;与]{2,24}?)与[^，,。；;]{1,24}?(?:之间)?的?(?:安全|防火|卫生|防护)?(?:距离|间距)"
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
    return "regulated" if _REGULATED_END.search(last) else "authority"


def clean_name(name: str) -> str:
    """A party's name without a note after it (临淄区安全生产委员会（以下简称区安委会）) nor a
    word pointing back to it (该生产经营单位: the one named before)."""
    name = _WHEN_FIRST.sub("", name)  # (今年各企业要…, 2023年各县要…: when, then who)
    name = _PLACE_FIRST.sub("", name)  # (本市行政区域内的燃气经营企业: where, then who)
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
    for pattern in (
        STAFF_CASE,
        BROKEN_RULE,
        IF,
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
        WHEN,
        SEASON,
        A_PERIOD_NAMED,
        WHEN_INLINE,
        WHEN_AFTER_MODAL,
        WITHIN_A_DISTANCE,
        THE_ONES_THEN_WHEN,
        THE_ONES_LONG,
        A_PARTY_S_CASE,
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
        if match and pattern is A_PARTY_S_CASE:
            cond = match.group("cond")
            first = A_PARTY_FIRST.match(cond)
            second = re.split(r"[，,]", cond, maxsplit=1)[1].lstrip()
            if (
                A_MODAL_WORD.search(cond)  # (企业应当…，并…的: a duty, its modal word in it)
                or first is None
                # (县政府每年不定期开展乡村教师…督查，对…的，: an authority acting)
                or re.search(r"政府|局|部门|委员会|办公室|每|开展", first.group(0))
                # (各预算单位每季度至少开展一次…监控，发现…的，: a duty of its own, how often)
                or re.search(
                    r"每|开展|至少|不少于|(?<![法规约])定期(?!限)",
                    re.split(r"[，,]", cond, maxsplit=1)[0],
                )
                or second.startswith(("对", "凡"))  # (a case of its own after the comma)
                # (项目单位对申报材料的真实性负责，弄虚作假的，: a duty of its own, what it
                # answers for)
                or re.search(r"负(?:总|全)?责\s*$", re.split(r"[，,]", cond, maxsplit=1)[0])
                # (企业安全生产费用提取标准以上年度营业收入为依据，营业收入…的，: the basis the
                # rule is counted on, no act of the party's)
                or re.search(
                    r"为(?:依据|准|基础|基数|计算基数|计提依据)\s*$",
                    re.split(r"[，,]", cond, maxsplit=1)[0],
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
        if match and pattern is WHEN and match.group("cond").strip() in DISCRETION:
            continue  # 必要时，可以…: discretion, part of what is allowed, nothing to check
        if match and _OPENED.search(match.group("cond")):
            continue  # (经验收合格（应具备…，…）的: a comma inside an aside ends no case)
        if match:
            start = match.start("cond") - len(match.groupdict().get("lead") or "")
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
    if match and not A_MODAL_WORD.search(match.group("cond")):
        # (配送中心要有固定的场所，面积…: a duty, its modal word in it, picks no one out; the
        # ones named after 的 are the condition's too: what is to be done starts after them)
        end = match.end() - 1 if match.re in (REACHING_OPENS, SIZED_WORKS) else match.end("cond")
        return Condition(match.group("cond"), match.start("cond"), end)
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
        ):
            return Condition(cond, 0, match.end("cond"))
    return None


#: The words that say a law binds the ones named after them (依法必须…的项目): how, then 必须.
BY_LAW = r"(?:依法|依规|按规定|按照规定|依照规定)"
BOUND = r"(?:必须|应当|应|需要?)"
#: The things a law binds, named at their start (依法必须进行招标的项目, 依法应当公开的信息).
_BOUND_BY_LAW = re.compile(
    # (需要办理施工许可的工程: the ones that need it)
    rf"^{BY_LAW}?{BOUND}(?=[^，,。；;]+的)"
)


#: An inspected party and a part or thing of it, with no verb, set apart by its bracket or 的
#: (配送中心（点）地面, 企业的厂区).
#: (用人单位支付劳动者的工资: who pays is named first, not the one paid; 用人单位全天安排劳动者
#: 室外作业时间: who sets the work, not the one set to it)
_NOT_THE_PAID = "(?!支付|发放|招用|聘用|雇用|安排|指派|委派|派遣|录用)"
_GOES_IN = "进入|进出|出入|前往|从事|参加|参与"
_OWNER = re.compile(
    # (进入施工现场的人员: the ones who go in, a relative clause; not the site's own staff)
    f"(?!{_GOES_IN})(?P<who>(?:{_NOT_THE_PAID}[^，,。；;、]){{0,14}}?(?:{_REGULATED}|{_AUTHORITY})"
    f"(?:[（(][^（()）]{{1,8}}[）)]|(?=的)))"
    f"的?[^，,。；;、的]{{1,6}}"
)


#: The same with no 的, where what follows the party is a measure of its own (建筑施工企业安全生产
#: 费用提取比例, 学校食堂留样时间): the party whose measure it is.
_OWNER_BARE = re.compile(
    # (单位和职工缴存比例: a list of parties, each its measure)
    f"(?P<who>(?:{_NOT_THE_PAID}[^，,。；;、的]){{0,12}}?(?:{_REGULATED})"
    f"(?:[和及与、](?:{_NOT_THE_PAID}[^，,。；;、的]){{0,8}}?(?:{_REGULATED}))*"
    # (各地资金支出进度要达到80%, 各乡镇垃圾清运率…: each area's own measure, its government's)
    r"|各(?:地|乡镇|街道|县|区|市)(?:[（(][^（()）]{1,8}[）)])?)"
    r"[^，,。；;、的\d]{2,10}(?:费用|比例|面积|时间|时段|时长|次数|频次|数量|浓度|高度|宽度|距离|长度|人数|温度|压力|水压|容量|率|标准|进度)"
)


#: The same, where what follows is counted per one of its units or is how far it is (托育机构乳儿班
#: 每班不超过10人, 畜禽养殖场距离…不得少于500米,
#: 养老机构每张床位…): the party whose units they are.
_OWNER_PER = re.compile(
    f"(?P<who>(?:{_NOT_THE_PAID}[^，,。；;、的]){{0,12}}?(?:{_REGULATED}))"
    r"[^，,。；;、的\d]{0,8}(?:每[个张间班户名床辆台]|距离)"
)


#: A time or a place a duty holds in (在公示期内, 在检查期间, 于施工过程中).
_WHILE = re.compile(
    # (…的企业，在隐患消除前不得…: before a thing is done, the same)
    r"(?:在|于)[^，,。；;\d]{1,12}(?:内|期间|中|时|前|之前|以前)|"
    # (…的企业，一年内不得…: a window of so long, no name)
    r"[\d一二两三四五六七八九十]{1,3}\s*个?(?:年|月|日|天|周|工作日)(?:以内|之内|内)"
)
#: How often, and nothing else (每月, 每个季度, 定期): a time of the duty, no party's name.
HOW_OFTEN_ONLY = re.compile(r"每个?(?:年度?|月|季度?|半年|周|日|天)|定期")
#: Adverbs between a name and its modal word (企业均应…, 单位和个人，均应…, 各乡镇也要…).
_ALL_OF_THEM = re.compile(r"(?:均|都|也|亦|一律|一概|同样)$")


#: The inspected party a sentence encourages, right after its word (鼓励支持企业采用…).
_ENCOURAGED = re.compile(
    rf"(?:鼓励|倡导|提倡)(?:和|、)?(?:支持|引导)?(?P<who>[^，,。；;]{{0,12}}?(?:{_REGULATED}){_PAREN})"
    r"(?![\u4e00-\u9fff]{0,2}(?:资金|产品|项目))"
)


#: The party a ban names right after its word, before what it may not do (严禁托育机构体罚…,
#: 禁止养老机构收取押金); not a thing done to one (严禁将…交给无资质单位, 严禁向企业摊派), nor
#: two mixed (严禁化工企业与非化工企业混建: what is banned is the mix, the task's units see to it).
_BANNED = re.compile(
    # (not what is built or set up: 严禁建设养殖场, 禁止新建加油站; nor where one may not go
    # or take: 禁止携犬进入下列场所)
    r"(?:严禁|禁止)(?!(?:新|改|扩|兴)?建|设立|设置|开设|开办|引进|审批|批准|携|进入|擅自)"
    rf"(?P<who>[^\s，,。；;：:为的是在对将把要应须向从给以用与和及、]{{0,8}}?"
    rf"(?:{_REGULATED}|{_AUTHORITY}){_PAREN})(?![的、和及与等]|[\u4e00-\u9fff]{{0,2}}(?:资金|财产|名义))"
)


#: A party's name opening a time it acts at, right before its modal word (医疗机构污水排放前,
#: 企业停产检修期间): the party acts, the rest is when.
PARTY_BEFORE_WHEN = re.compile(
    r"(?P<who>[^，,。；;的\d＿在于]{0,10}?(?:机构|企业|单位|场所|公司|学校|医院|经营者|运营者|驾驶人|驾驶员|"
    r"人员|护理员|保育员))"
    # (not one of a list, nor a word of a longer name: 学校、医院等人员密集场所营业期间)
    r"(?![、等和及与]|密集)"
    r"(?=[^，,。；;]{2,}?(?:前|期间|之前|以前|时)$)"
)
#: 对/对于/针对 opening a phrase: the ones something is done to (not 对照, 对接).
_TO_THE_ONES = re.compile(r"(?:对于|对|针对)(?![照接])")


def subject_of(sentence: str, modal_at: int) -> tuple[str | None, SubjectKind | None]:
    """Who must act: the noun phrase ending just before the modal word at ``modal_at``."""
    before = sentence[:modal_at]
    encouraged = _ENCOURAGED.match(sentence, modal_at)
    if encouraged is not None and not before.strip(" \t，,"):
        # 鼓励支持有条件的化工企业，聘请…: the party encouraged is who would act
        return _trim(encouraged.group("who")), "regulated"
    banned = _BANNED.match(sentence, modal_at)
    if _SHUT_DOWN.match(sentence, modal_at):
        return None, None  # (全县无证经营户一律取缔: closed down, by someone not named)
    condition = condition_of(sentence)
    if (
        banned is not None
        and (
            not before.strip(" \t，,")
            # (每日7时至9时，禁止货车…: a case, then the ban)
            or (
                condition is not None
                and condition.end <= modal_at
                and not sentence[condition.end : modal_at].strip(" \t，,的")
            )
        )
    ):
        return _trim(banned.group("who")), kind_of(banned.group("who"))
    if condition is not None and condition.end <= modal_at:
        before = sentence[condition.end : modal_at]
        if before.startswith(("的", "，", ",")):
            before = before.lstrip("的，,")
    # the last clause before the modal word, without leading connectives
    pieces = [p.strip() for p in re.split(r"[，,；;。：:\t]", before) if p.strip()]
    # (…的企业，在公示期内不得…: when it holds is no name; the piece before names who)
    if len(pieces) > 1 and _WHILE.fullmatch(pieces[-1]) and _REGULATED_END.search(pieces[-2]):
        pieces.pop()
    # …的单位和个人，均应…: an adverb of all of them before the modal word is no name
    last_words = _ALL_OF_THEM.sub("", pieces[-1]) if pieces else ""
    pieces = pieces[:-1] + [last_words] if last_words else pieces[:-1]
    if len(pieces) > 1 and HOW_OFTEN_ONLY.fullmatch(pieces[-1]):
        pieces.pop()  # (…的重点用能单位，每年应当…: how often, the piece before names who)
    if pieces and _COUNTED_TO.match(sentence, modal_at):
        # (养老机构…，夜间值班人员不得少于2人: the ones counted, the party before acts)
        pieces.pop()
        if not pieces:
            return None, None
    if pieces and (
        (who := PARTY_BEFORE_WHEN.match(pieces[-1]))
        # (新招聘的护理员上岗前应当…: the ones it is, then their name)
        or (who := PARTY_BEFORE_WHEN.match(pieces[-1], pieces[-1].rfind("的") + 1))
    ):
        return _trim(who.group("who")), kind_of(who.group("who"))  # 医疗机构污水排放前应当…
    if pieces and before.rstrip().endswith(("，", ",")) and _TO_THE_ONES.match(pieces[-1]):
        return None, None  # (对一般企业，原则上每3年检查1次: the ones it is done to)
    if not pieces and condition is not None:
        if _TO_THE_ONES.match(condition.text):
            return None, None  # (对…的企业，原则上…: the same, as a case)
        staff = _ITS_STAFF.match(condition.text)
        if (
            staff is not None
            and ends_with_party(staff.group("who"))
            and _HOW_MANY.match(condition.text, staff.end())
        ):
            # (生产经营单位的从业人员不足100人的，应当配备…: the firm whose staff are counted)
            return _trim(staff.group("who")), kind_of(staff.group("who"))
        # 燃气经营企业发现用户存在安全隐患的，应当…: the condition opens with who acts (用人单位
        # 招用人员后，应当…: with what it did, whatever the verb)
        found = _opening_party(condition.text)
        if (
            found[0] is None
            # (物业服务企业退出物业服务项目的，应当…: what the party does, then its duty)
            and (_AFTER_AN_ACT.search(condition.text) or condition.text.endswith("的"))
            and (did := _WHO_DID.match(condition.text))
            and not _HOW_MANY.match(condition.text, did.end())  # (从业人员在100人以下的)
        ):
            who = did.group("who")
            before_by = who.split("由", 1)[0]
            if "由" in who and ends_with_party(before_by):
                who = before_by  # (出差人员由接待单位统一安排用餐的: the traveller, served by it)
            found = _trim(who), kind_of(who)
        if found[0] and "与" in found[0] and _IN_A_RELATION.match(condition.text, len(found[0])):
            # (检查人员与检查对象有利害关系的，应当回避: the first acts, with whom it stands)
            first = found[0].split("与", 1)[0]
            found = first, kind_of(first)
        return found
    if not pieces:
        return None, None
    last = _LEADS.sub("", pieces[-1]).strip()
    if _A_PARTY_DONE_TO.search(last) or _CHECKS_OF_IT.match(last):
        # (同一企业一年内被抽查次数不超过…, 对同一市场主体的抽查原则上…: done to it, not by it)
        return None, None
    if (then := _NAMED_THEN.match(last)) and ends_with_party(then.group("who")):
        last = then.group(
            "who"
        )  # (企业法定代表人是…第一责任人，要…; 市农业农村局作为牵头部门，要…)
    for pattern in (_REGULATED_END, _AUTHORITY_END):
        match = _ending_subject(last, pattern)
        if match:
            return match, kind_of(match)
    # (the modal word of 不应小于 is 应: its 不 is the comparison's)
    apart = _APART.match(last)
    if apart and last[apart.end() :] in ("", "不") and ends_with_party(apart.group("who")):
        # 加油站与学校、医院的安全间距不应小于50米: the one that keeps its distance from them
        return _trim(apart.group("who")), kind_of(apart.group("who"))
    # 洁净煤配送中心（点）地面要全部硬化: the party whose part or thing must be so
    owner = _OWNER.fullmatch(last) or _OWNER_BARE.fullmatch(last) or _OWNER_PER.match(last)
    if owner:
        return _trim(owner.group("who")), kind_of(owner.group("who"))
    # 生产经营单位在…后，应当…: the party opens the sentence, an adverbial follows it
    found = _opening_party(pieces[0])
    if found[0] is None and _AFTER_AN_ACT.search(pieces[0]) and (did := _WHO_DID.match(pieces[0])):
        # 用人单位招用人员后，应当…: the party opens what it did, the time the duty follows
        found = _trim(did.group("who")), kind_of(did.group("who"))
    elif (
        found[0] is None
        and (owner := _OWNER_BARE.match(pieces[0]))
        # (what it says of it, not only the modal word's adverbs: 仓库面积原则上不应…)
        and not re.fullmatch(r"\s*(?:原则上|一般|均|也|都)?\s*不?\s*", pieces[0][owner.end() :])
    ):
        # 校外培训机构收费时段与…一致，不得…: the party whose measure the sentence opens with, what
        # it says of it after (配送中心仓库面积不应低于…: a measure alone, no one named as acting)
        found = _trim(owner.group("who")), kind_of(owner.group("who"))
    return found


#: 经 before an authority's name (须经县财政局审核后: through whom it goes first), not 经济, 经营.
VIA_AN_AUTHORITY = re.compile(r"经(?=[县市区省乡镇]|国家|有关|相关|主管|上级|所在|当地)")


def who_did(words: str) -> tuple[str, SubjectKind] | None:
    """The party that opens ``words``, a time a duty follows (生产经营单位纳入黑名单管理后):
    who did it, and so who acts after it; None when the words name no time or no party."""
    if not _AFTER_AN_ACT.search(words.strip()):
        return None
    did = _WHO_DID.match(words.strip())
    if did is None or VIA_AN_AUTHORITY.search(did.group("who")):
        return None  # (新建户厕须经县农业农村局验收合格后: the one it goes through, no actor)
    return _trim(did.group("who")), kind_of(did.group("who"))


#: What was done, as the time a duty follows (…后, …之后, …时).
_AFTER_AN_ACT = re.compile(rf"(?:之?后|以后|{WHEN_WORD}|{DURING_WORD})$")


#: A party, then what it did (用人单位招用人员后): its name, not what follows it.
_WHO_DID = re.compile(
    # (not 经 of 经批准, ``VIA``; 经营者, 经销商 are names)
    f"(?!未|{VIA}|对|在|于|按|依|根据|如|若|凡)"
    f"(?P<who>{_NAME_CHAR}{{0,10}}?(?:{_REGULATED}|{_AUTHORITY}){_PAREN})"
    r"(?![的、和及与]|[^，,。；;]{0,4}(?:" + _REGULATED + ")"
    # (出席市政府会议的人员: the ones who attend what the body holds, not the body)
    r"|[^，,。；;的]{0,8}的(?:人员|单位|企业|个人))"
)


def _opening_party(words: str) -> tuple[str | None, SubjectKind | None]:
    """The party ``words`` open with before an adverbial (生产经营单位在…, 企业发现…), or none."""
    words = _LEADS.sub("", words).strip()
    found = []
    for pattern, kind in ((_REGULATED_OPENS, "regulated"), (_AUTHORITY_OPENS, "authority")):
        match = pattern.match(words)
        if match and not _HOW_MANY.match(words, match.end()):
            found.append((match.end(), _trim(match.group("who")), kind))
    if not found:
        return None, None
    # (监管部门发现企业存在…的: the party named first acts, not the one it finds at fault)
    _end, who, kind = min(found, key=lambda f: f[0])
    return who, kind  # type: ignore[return-value]


#: How many of them there are, after a party's name (从业人员在100人以下的): a count of them,
#: who acts is another (the unit they work for).
#: How many of them there must be, right after their name (值班人员不得少于2人, 参会人员不得超过
#: 150人): the ones counted.
_COUNTED_TO = re.compile(
    r"\s*(?:原则上|一般)?(?:不得|不应|不能|应当?|须)?(?:少于|多于|超过|低于|不少于|不超过|不低于|不多于|"
    r"控制在)\s*[\d＿一二三四五六七八九十百千万.]+\s*(?:人|名)"
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


#: A party, then its staff counted (生产经营单位的从业人员不足100人的).
_ITS_STAFF = re.compile(
    r"(?P<who>[^，,。；;的]{2,16})的(?:从业人员|职工|员工|工作人员)(?:总数|人数)?"
)

#: A figure or a modal word: words before a name that are no part of it (not 应急, 相应, 要素).
_CUT_BEFORE_A_NAME = re.compile(r"[\d＿]|(?<![反响适供相对])应(?![急用届])|须|要(?!求|素|点)")


def _ending_subject(words: str, pattern: re.Pattern[str]) -> str | None:
    """``words`` if they end with a party of the kind (the whole phrase when it is short
    enough to be a name: 县财政局、审计局; else just the party's own words), or None."""
    match = pattern.search(words)
    if match is None:
        return None
    if len(words) <= 24 and not _CUT_BEFORE_A_NAME.search(words[: match.start()]):
        # (城区应在30分钟内、乡镇: a duty's words before the name, not part of it)
        return _trim(words)
    tail = re.split(r"[）)]|" + _CUT_BEFORE_A_NAME.pattern, words)[-1].lstrip("、，, ")
    if (
        1 < len(tail) <= 16
        and ONLY_A_NAME.fullmatch(tail)
        and pattern.search(tail)
        and len(tail) > len(match.group(0))
    ):
        # (汛期（每年5月1日至9月30日）各级防汛责任人: the name after the time)
        return _trim(tail)
    items = re.split(r"以及|[、和及与]", words)
    if len(words) <= 80 and all(0 < len(i) <= 16 and ends_with_party(i) for i in items):
        # 企业主要负责人、安全管理人员和特种作业人员、危险工艺岗位操作人员: a list of parties,
        # each a name, all of them
        return _trim(words)
    return match.group(0)


def _trim(name: str) -> str:
    """Drop a clause's leftovers before the name (和/及/与 joins stay: 财政局和审计局)."""
    # (使用…的单位; 在建工地, 在用设备, 在岗人员: 在 part of the name)
    name = re.sub(rf"^(?:的|是|为|由|{AT}|对|把|将|让|使(?!用)|给)+", "", name)
    return _POINTING_BACK.sub("", name)


#: A party, then what it is or is as (是…第一责任人, 作为牵头部门) or whom it acts on (对…的企业).
_NAMED_THEN = re.compile(r"(?P<who>[^，,。；;]{2,24}?)(?:是|作为|对)(?=[^，,。；;]{2})")


#: One party's name and nothing else (各镇, 区直有关部门, 各企事业单位, 镇(街道)).
ONLY_A_NAME = re.compile(
    f"[^\\s，,。；;：:、和及与为的是在对将把要应须]{{0,14}}?(?:{_REGULATED}|{_AUTHORITY}){_PAREN}"
)
