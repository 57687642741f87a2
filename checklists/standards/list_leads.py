"""What a clause's lead says about the list under it: the bans it lists (用户不得有下列行为：),
the duties (使用单位应当履行下列义务：), the conditions to meet (应当具备下列条件：), and the party
that owes them. Pure module (standard library and the wording tables); ``extraction`` and
``settling`` read list items with it.
"""

from __future__ import annotations

import re

from checklists.standards.modality import ANY_MODAL, LEAD_TOKEN, modality_of
from checklists.standards.names_read import who_as_read
from checklists.standards.parties import SubjectKind
from checklists.standards.subjects import subject_of
from checklists.standards.verbs import COUNTED_TASKS

#: A clause that lists what is banned (用户不得有下列行为：, 禁止下列行为：): each item under it
#: is one of the bans.
_BANS_LISTED = re.compile(
    r"(?:不得|禁止|严禁|不准)(?:有|实施|从事|出现|用于|列支|开支|支付)?(?:下列|以下)"
    r"[^。；;：:]{0,8}[:：]\s*$"
)


def lists_bans(lead: str) -> str | None:
    """The modality of the bans a clause's text lists under it (``lead``: 用户不得有下列行为：
    → mandatory), or None when it lists none."""
    return modality_of(lead) if _BANS_LISTED.search(lead.strip()) else None


#: A clause that lists what its party must do (电梯使用单位应当履行下列义务：, …并遵守下列规定：):
#: each item under it is one of the duties.
_DUTIES_LISTED = re.compile(
    r"(?:(?:下列|以下)(?![^。；;：:]{0,10}情形)[^。；;：:]{0,10}|"
    # (供热企业应当做到：, 应当履行安全生产职责：, 生产经营单位应当：: what it must do, with no
    # 下列)
    r"(?:做到|遵守|落实|履行[^。；;：:，,]{0,8}(?:职责|义务)|应当|必须|"
    # (各乡镇要做好三项工作：一是…；二是…: the tasks it names, counted)
    + COUNTED_TASKS
    + r"[^。；;：:，,]{0,4}(?:工作|任务)))\s*[:：]\s*$"
)


#: A lead of the conditions its party must meet (应当具备下列条件：, 须符合以下要求：): each item
#: is a state to have, a requirement even with no verb of its own.
_CONDITIONS_LISTED = re.compile(
    r"(?:具备|具有|符合|满足|达到)(?:下列|以下)(?:基本)?(?:条件|要求|标准|资质)[^。；;：:]{0,4}[:：]\s*$"
)


#: A lead that names who or what is meant by a list (且符合下列条件之一的人员：, 补助对象包括以下
#: 人员：, 本办法适用于下列单位：): its items are ones picked out, options, no requirements.
_OPTIONS_LISTED = re.compile(
    r"(?:(?:下列|以下)[^。；;：:]{0,12}的[^。；;：:的]{1,8}|"
    r"(?:包括|为|是|适用于|分为)(?:下列|以下)[^。；;：:]{0,8})[:：]\s*$"
)
#: …and a lead of what a paper holds or what papers are handed in (通知书应当载明下列事项：,
#: 申请销号应当提交下列材料：): its items are names, whatever modal word the lead has.
_CONTENTS_LISTED = re.compile(
    r"(?:载明|写明|注明|列明|包含|提交|提供|报送|附具)(?:下列|以下)(?:事项|内容|材料|资料|信息|文件)"
    r"[:：]\s*$"
)


#: A lead of the cases a sanction is for, the sanction between (采购人有下列情形之一的，责令限期
#: 改正，给予警告：): each item is a breach, the sanction's condition, never a duty; so too the
#: conditions of what is given or done (符合下列条件之一的，可以申请补贴：).
_CASES_LISTED = re.compile(
    r"(?:下列|以下)[^。；;：:，,]{0,6}(?:情形|行为|情况|情节|条件)(?:之一)?的?[，,][^。；;：:]*[:：]\s*$"
)


def lists_cases(lead: str) -> bool:
    """Whether ``lead`` names a sanction for the cases its items list (…有下列情形之一的，
    处…罚款：)."""
    return _CASES_LISTED.search(lead.strip()) is not None


#: Cases listed after their lead's colon with no numbering, each ending 的 (…情况之一的，启动Ⅳ级
#: 响应：因环境污染疏散人员1000人以下的；…500万元以下的。).
_CASES_RUN_ON = re.compile(
    r"[：:](?P<items>(?:[^：:；;。\n]{2,80}?的[；;])*[^：:；;。\n]{2,80}?的)(?=。|\s*$)"
)


def cases_run_on(text: str) -> tuple[int, int] | None:
    """Where the unnumbered cases a lead of cases lists after its colon run (start, end), or
    None: they are its condition, none of them a requirement (GUIDE 3)."""
    for m in _CASES_RUN_ON.finditer(text):
        lead_start = max(text.rfind(mark, 0, m.start()) for mark in "。；;\n") + 1
        if lists_cases(text[lead_start : m.start() + 1]):
            return m.start("items"), m.end("items")
    return None


def lists_options(lead: str) -> bool:
    """Whether ``lead`` names, with no modal word, the ones its items pick out (符合下列条件之一
    的人员：)."""
    if _CONTENTS_LISTED.search(lead.strip()):
        return True
    return _OPTIONS_LISTED.search(lead.strip()) is not None and ANY_MODAL.search(lead) is None


def lists_conditions(lead: str) -> bool:
    """Whether ``lead`` lists conditions its party must meet (企业应当具备下列条件：)."""
    listed = _CONDITIONS_LISTED.search(lead.strip())
    return listed is not None and ANY_MODAL.search(lead) is not None


def lists_duties(lead: str) -> tuple[str | None, str | None, SubjectKind | None] | None:
    """The modality of the duties a clause's text lists under it and the party that owes them
    (``lead``: 第四条 使用单位应当履行下列义务： → mandatory, 使用单位, regulated), or None when
    it lists none (…有下列情形之一的：: cases, not duties)."""
    if not _DUTIES_LISTED.search(lead.strip()) or ANY_MODAL.search(lead) is None:
        return None
    return lead_party(lead)


def lead_party(lead: str) -> tuple[str | None, str | None, SubjectKind | None]:
    """The modality of a list's lead and the party it names before its modal word (第四条
    使用单位应当履行下列义务： → mandatory, 使用单位, regulated)."""
    numbered = LEAD_TOKEN.match(lead.strip())  # (第四条 …: its number is no part of the name)
    words = lead.strip()[numbered.end() if numbered else 0 :].lstrip()
    modal = ANY_MODAL.search(words)
    who = (who_as_read(subject_of(words, modal.start())) if modal else None) or (None, None)
    return modality_of(words), who[0], who[1]
