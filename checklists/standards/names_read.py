"""A party's name as read (``who_as_read``: without the topic before 由, how it acts after it,
or None when the words are a duty's own) and the party a section's heading names
(``heading_party``: (二)各镇、街道。). Pure module (standard library only), moved out of
``parties`` as it was: the reading of names ``parties`` found.
"""

from __future__ import annotations

import re

from checklists.standards.openings import VIA
from checklists.standards.parties import (
    A_DUTY_WORD,
    AT,
    ONLY_A_NAME,
    SubjectKind,
    ends_with_party,
    kind_of,
)
from checklists.standards.party_names import REGULATED
from checklists.standards.subjects import VIA_AN_AUTHORITY

_BRACKETED = re.compile(r"[（(][^（()）]*[）)]")


def heading_party(heading: str, numbered: bool = True) -> tuple[str, SubjectKind] | None:
    """The party a section's heading names and nothing else ((二)各镇、街道。 without its
    numbering token): who acts in the sentences under it that name no one (GUIDE 1.1, 2). Not
    the addressees a text opens with (各区体育主管部门，各游泳场所经营单位：, not ``numbered``):
    whom it is sent to, not who acts."""
    if not numbered and heading.rstrip().endswith(("：", ":")):
        return None
    words = heading.strip().rstrip("。.：:；; ")
    if not words or len(words) > 40 or A_DUTY_WORD.search(words):
        return None
    # (各县（市、区）财政局: a 、 inside brackets parts no names)
    names = [n.strip() for n in re.split(r"[、，,和及与](?![^（(）)]*[）)])", words)]
    if re.match(r"(?:责任|牵头|配合|主办|协办|主责)", words):
        return None  # 责任单位: the label of a list, not a party
    if re.match(r"(?:如果?|若|假如|倘若|一旦|需|须)", words):
        return None  # (如需变更经营场所，应当…: a case, whatever noun it ends with)
    if not all(n and ONLY_A_NAME.fullmatch(_BRACKETED.sub("", n)) for n in names):
        return None
    named = (words, kind_of(words))
    if who_as_read(named) is None:
        return None  # (一)严格控制新建化工项目布局: a task's heading, no party
    return named


#: The word that leads from a condition to its consequence (如…，则环保部门…) and a quantifier
#: (每个配送中心): no part of a name.
_THEN = re.compile(r"^\s*(?:注\s*[:：]\s*)?(?:则|那么|就(?!业)|每一?个|每家|每一|每[名位]|请)?")
#: Words a name never starts with: when, where or to whom something is done (经批准, not
#: 经营者 nor 经办人; 每季度对…, 每月向…: how often).
_ADVERBIAL_START = re.compile(
    r"(?:于|"
    + AT
    + r"|向|按照?|从(?![事业])|"
    + VIA
    + r"|每(?:个?月|季度?|半年|年度?|日|天|周|星期|次|批))"
)
#: A name whose opening words before its last 的 state a number or a comparison: those words are
#: the condition it applies under (营业面积在200平方米以上的门店 → 门店), not its name.
_MEASURED_ONES = re.compile(
    r"^[^，,。；;]*(?:\d|[一二三四五六七八九十百千万]+[个名人家辆吨米元]|以上|以下|以内|超过|不足|不满|"
    r"达到|低于|高于|大于|小于|少于|多于)[^，,。；;]*的(?=[^的]+$)"
)
#: Words after a party's name that are how it acts, not its name (各单位自行报送).
_HOW_AFTER = re.compile(r"(?:自行|统一|分别|共同|直接|及时|全面|严格|认真|切实)+$")
#: A verb whose object is a party (移交司法机关, 连同镇、街道): the words are a duty's, no name.
_TO_A_PARTY = re.compile(
    r"(?:移交|移送|提供|查找|连同|聘请|鼓励|支持|督促|邀请|委托|通知|告知|报送|上报|抄送|严格|控制|"
    r"安排|选派|[^，,。；;]*到)"
)
#: 报 and the party something is reported to, inside what was read as a name.
_REPORTS_TO = re.compile(
    # (not 申报单位, 举报人: a name holding 报)
    r"(?<=[^\s])(?<![申填呈举通汇预])报(?=[^，,。；;]{2,}$)(?!告|送|表|名|道|刊|账|价|废|批)"
)
#: A name never opens with a verb of policy or with 其 (its).
_NOT_A_NAME_START = re.compile(
    r"(?:实施|推进|推动|加强|完善|健全|做好|确保|落实|开展|执行|明确|督促|其(?![他它余])|而|"
    r"强化|优化|加快|加大|深化|提升|提高|统筹|规范|"
    # (引导企业开展…, 支持企业上市, 鼓励企业…: whom the policy moves, no name)
    r"引导|支持|鼓励|帮助|促进|推广|"
    # (一、同意设立某某镇农贸市场，…: what a reply grants, no name)
    r"同意|"
    # how promptly, then a verb (及时转请监管部门…: to whom it is passed, no name)
    r"(?:及时|立即|迅速|尽快|按时|定期)[^，,。；;]{0,2}(?:转|报|送|交|请|通知|告知)|"
    # a sanction's verb and whom it is imposed on (依法追究有关单位…的责任, 责令相关企业…)
    r"(?:依法|依规|依纪|严肃|从严|一律)*(?:追究|给予|责令|处以|予以|取消|暂停|吊销)|"
    # (每招用1名高校毕业生，给予…: each one taken on, a step, no name)
    r"每)"
)
#: How something is done, before the verb (及时移交…).
_HOW_BEFORE = re.compile(r"^(?:及时|立即|依法|依规|一律|严格|迅速)+")
#: Words ending like an authority's name that are none (布局, 格局, 大局).
_NO_NAME_END = re.compile(r"(?:布局|格局|大局|全局|结局|开局|当局|骗局)$")


#: 其 before a party's name (其家属, 其法定代表人): theirs, the named party acts.
_THEIRS = re.compile(f"其(?:{REGULATED})")


def who_as_read(named: tuple[str, str | None] | None) -> tuple[str, str | None] | None:
    """A party's name as read, without what is no part of it: a topic before 由 (工程竣工验收由
    主管预算单位 → 主管预算单位), how it acts after it (各单位自行 → 各单位); None when the words
    are a duty's own (移交司法机关, 连同镇、街道, 严格控制…布局)."""
    if named is None or named[0] is None:
        return None
    who, kind = named
    if "由" in who:
        after = who.rsplit("由", 1)[1]
        if after and not after.startswith("于"):
            who = after
    who = _HOW_AFTER.sub("", _THEN.sub("", who)).strip()
    who = _MEASURED_ONES.sub("", who)
    reported = _REPORTS_TO.search(who)
    if reported:  # 工作组成员报领导小组: who reports (if a party), not whom it reports to
        who = who[: reported.start()]
        if not ends_with_party(who):
            return None
    if not who or _NO_NAME_END.search(who) or _ADVERBIAL_START.match(who):
        return None  # (于次月5日前报县煤炭办: when and to whom, no name)
    if VIA_AN_AUTHORITY.search(who):
        return None  # (新建户厕须经县农业农村局验收…: the one it goes through, no actor)
    if _THEIRS.match(who):
        who = who[1:]  # 其家属或村（居）民委员会应当…: theirs, the named party acts
    if re.match(r"其(?:上级|主管|所在|同级)", who) and ends_with_party(who):
        return who, kind  # 由其上级机关责令改正: whose superior, named as acting
    if _NOT_A_NAME_START.match(who) or re.match(r"会同|协同|配合", who):
        # 实施乡村教师…, 其年度考核…: a verb or a pronoun, no name (…牵头，会同县公安局…: the
        # ones with whom the lead acts)
        return None
    if re.search(r"实行|执行|按照|依照|根据|参照|之日|日起|起至|为中标", who):
        # (物业服务费实行政府指导价: a verb before 政府, no name; 文件从发出之日起至供应商…,
        # 确定下一候选人为中标供应商: a time from an event, a choice made, no name)
        return None
    bare = _HOW_BEFORE.sub("", who)
    if _TO_A_PARTY.match(bare) or _TO_A_PARTY.match(who.rsplit("的", 1)[-1]):
        return None  # (涉嫌犯罪的)移交司法机关, 及时移交相关部门: what is done, to whom
    return who, kind
