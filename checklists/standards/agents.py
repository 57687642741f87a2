"""Who acts when a duty's words open with 由 (by): 由区安委会办公室拟定…, 由县财政承担…. Pure
module (standard library only); ``duties`` and ``attribution`` read duties with it.
"""

from __future__ import annotations

import re

from checklists.standards.modality import ANY_MODAL
from checklists.standards.parties import SubjectKind, ends_with_party, kind_of
from checklists.standards.verbs import ACTION, POLICY

#: 由 names who acts (由区安委会办公室拟定…, 由县财政承担): the words between it and the verb.
#: The parties 由 names (由区经信局、区安监局分别组织…: a list of them).
#: (a level named by one character, in a list: 由市、县两级财政…)
#: (a bracket is one piece of a name, whatever it lists: 由各县（市、区）确定)
_NAME_UNIT = r"(?:[（(][^（()）]{0,12}[）)]|[^，,。；;、（(])"
_WHO_LISTED = rf"(?P<who>(?:{_NAME_UNIT}{{2,24}}?|{_NAME_UNIT}(?=、))(?:、{_NAME_UNIT}{{2,24}}?)*)"
_BY_AGENT = re.compile(
    r"^\s*(?:并|同时|再|均|统一|分别)?由(?!于|此|其(?!上级|主管|所在|同级))"
    + _WHO_LISTED
    + r"(?=分别|负责|拟定|拟订|起草|牵头|会同|统一|书面|依法|及时|按|在|于|对|向|将|根据|依据|依照|"
    r"参照|结合|通过|决定|另行|予以|给予|分担|负担|分摊|"
    r"自行|共同|具体|组织(?!部)|统筹|安排|"
    + ACTION.pattern.replace("(?<!转移)", "")
    + "|"
    + POLICY.pattern
    + ")"
)


#: What follows who acts (the longest name a verb follows: 由县质量检测中心出具, 检测 inside it).
_AGENT_VERB = re.compile(_BY_AGENT.pattern.split(_WHO_LISTED, 1)[1])


#: A role named after a party's own name (项目 承担单位, 本单位 技术负责人): the name goes on.
_A_ROLE_AFTER = re.compile(r"[^，,。；;、由将对向]{1,6}(?:单位|负责人|责任人)")


def agent_named(words: str) -> tuple[str, SubjectKind] | None:
    """Who acts when a duty's words open with 由 (by): 由镇(街道)书面告知申请人 → 镇(街道)."""
    found = _BY_AGENT.match(words)
    if found is None:
        return _party_then_a_verb(words)
    if ANY_MODAL.search(found.group("who")):
        return None
    who = found.group("who").strip()
    # the whole name when a verb-like word is inside it (由县质量检测中心出具…: not 县质量;
    # 由县级以上人民政府市场监督管理部门责令…: not 县级以上人民政府)
    at = found.start("who")
    named = ends_with_party(who)
    longest = min(40, len(words) - at)
    for k in range(longest, len(who), -1):
        name = words[at : at + k]
        if named and not _A_ROLE_AFTER.fullmatch(name[len(who) :]):
            continue  # (由项目承担单位统筹…: 项目 a party, the role of one the name)
        if re.search(r"[，,。；;由将对向]", name[len(who) :]) or ANY_MODAL.search(name):
            continue
        if "、" in name[len(who) :] and not all(ends_with_party(p) for p in name.split("、")):
            continue  # (由县住房城乡建设局、县人力资源社会保障局责令…: a list of parties, whole)
        if ends_with_party(name) and _AGENT_VERB.match(words, at + k):
            return name.strip(), kind_of(name.strip())
    if not ends_with_party(who):
        # (由市人力资源和社会保障局协调…: 保障 read as a verb inside the name, which ends on;
        # 由市长签发…, 由市纪委监委依规依纪追究…: the name, not the words up to a verb known)
        name = next(
            (n for k in range(1, 5) if ends_with_party(n := words[at : at + len(who) + k])), ""
        )
        if name and not re.search(r"[，,。；;由将对向]", name[len(who) :]):
            return name, kind_of(name)
        k = next((k for k in range(len(who) - 1, 1, -1) if ends_with_party(who[:k])), 0)
        if k:
            return who[:k], kind_of(who[:k])
    return who, kind_of(who)


#: Who holds a post (由…局长兼任, 由…同志担任), not what is done.
_HOLDS_A_ROLE = re.compile(r"(?:兼任|担任|出任|同志)")
#: 由 opening a duty's words, before who acts.
_BY = re.compile(r"^\s*(?:并|同时|再|均|统一|分别)?由(?!于|此|其)")


def _party_then_a_verb(words: str) -> tuple[str, SubjectKind] | None:
    """由, a party's whole name, then a verb no list knows (由乡镇人民政府、村（居）民委员会
    劝返复学): the longest name that ends as a party's, with words of the act after it."""
    by = _BY.match(words)
    if by is None:
        return None
    end = re.search(r"[，,。；;：:]|$", words[by.end() :]).start() + by.end()
    if ANY_MODAL.search(words, by.end(), end):
        return None  # (a modal word in the phrase: its own duty's words, no name before a verb)
    for k in range(min(end - 2, by.end() + 40), by.end() + 1, -1):
        name = words[by.end() : k]
        if re.search(r"[的由将对向在于按]", name):
            continue
        rest = words[k:end]
        if _HOLDS_A_ROLE.search(rest):
            return None  # (主任由…局长兼任, 组长由…同志担任: who holds a post, no duty)
        if ends_with_party(name) and re.fullmatch(r"[\u4e00-\u9fff]{2,}", rest):
            if "、" in name and not all(ends_with_party(p) for p in name.split("、")):
                continue
            return name, kind_of(name)
    return None
