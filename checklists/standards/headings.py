"""Headings a clause's text holds: the title a numbered clause opens with (2、报批采购方案。),
a line that heads a document, a part or a stage (第三章 使用管理, 冠县…应急预案), a plan's part
named by its noun (一、组织体系, （二）检查内容) and a stage with its dates
(排查摸底阶段（2016年2月至12月）): no duties. Pure module (standard library and the wording
tables); ``duties`` asks it of each sentence, ``dating`` of the dates a stage's heading writes.
"""

from __future__ import annotations

import re

from checklists.standards.modality import ANY_MODAL, LEAD_TOKEN
from checklists.standards.parties import (
    opens_with_party,
    party_first,
    party_named,
)
from checklists.standards.responsible import responsible_units
from checklists.standards.verbs import ACTION, AIM, POLICY

#: Some text after a position (a sentence's end): not only stops and blanks.
_MORE = re.compile(r"[^。；;\s]")


def is_title(masked: str, s_start: int, s_end: int) -> bool:
    """The heading a numbered clause opens with (2、报批采购方案。), followed by its text: short,
    no comma, naming no party (18、审计局加强…监督。 is a duty)."""
    lead = LEAD_TOKEN.match(masked, s_start, s_end)
    if lead is None:
        return False
    if masked[s_end : s_end + 1] in ("；", ";") or masked[lead.end() - 1 : lead.end()] == "是":
        return False  # 一是全面排查…；: a point of a list, no heading
    body = masked[lead.end() : s_end].strip()
    if "条" in lead.group(0) and ANY_MODAL.search(body):
        return False  # 第十一条 专项资金应当明确执行期限。: an article's first sentence, no heading
    body = re.sub(r"[（(][^（()）]*[）)]$", "", body)  # 排查摸底阶段（2016年2月至12月）
    if not body or len(body) > 16 or re.search(r"[，,]", body):
        return False
    if re.search(r"[：:]\s*\S", body):
        return False  # 2、禁放时间：全年禁止燃放。: a label and what it says, no heading
    if opens_with_party(body):
        # (三)镇(街道)审核。镇(街道)对…进行审核: a step's heading, its text names the party again
        named = party_first(body) or party_named(body)
        after = masked[s_end + 1 :].lstrip()
        return named is not None and len(body) <= 12 and after.startswith(named[0])
    if _MORE.search(masked, s_end) is None:
        return False  # 1、具备企业法人营业执照。: the clause is the duty
    rest = masked[s_end + 1 :].strip(" 　\n。；;＿")  # (an aside is blanked: ``without_asides``)
    if not rest or any(a == 0 and b >= len(rest) for a, b, _ in responsible_units(rest)):
        return False  # (1)建立隐患排查台账。（责任单位：市应急管理局）: a task and who answers
    return "、" not in body or ANY_MODAL.search(body) is None or len(body) <= 10


#: What an instrument's title ends with (…应急处置预案, …实施意见, …管理办法).
_TITLE_ENDS = (
    r"(?:预案|意见|办法|方案|规定|细则|决定|规则|纲要|要点|守则|条例|标准|规范|制度|须知|指南|清单)"
)
#: What a document's title ends with (an instrument's, or a notice's).
_A_TITLE = re.compile(rf"(?:{_TITLE_ENDS}|通知)$")


#: A chapter's or a section's heading: 第三章 使用管理, 第二节 经营许可 (its number masked; text
#: from a PDF may leave no space: 第二章收运处置).
_A_PART = re.compile(r"^(?:第[一二三四五六七八九十百零〇两\d]+|＿+)[章节编]\s*[^\s＿]{1,15}$")
#: A document's title alone on the clause's last line (…通知 ending the preamble that attaches
#: it: 重大事故隐患挂牌督办办法): no punctuation, no modal word, not too long.
_A_TITLE_LAST = re.compile(rf"\s*[^，,。；;：:\n\s]{{4,40}}?{_TITLE_ENDS}\s*")


#: A heading that names a part of a plan by its noun (检查重点, 工作要求, 整治范围, 实施步骤).
_A_HEADING_NOUN = re.compile(
    r"[\u4e00-\u9fff]{0,6}(?:重点|内容|范围|要求|目标|任务|对象|时间|方式|步骤|安排|措施|原则|依据|"
    r"职责|分工|标准|程序|流程)"
)


#: …and the nouns a plan's parts are named by (组织体系, 预警机制, 应急响应, 后期处置, 附则).
_A_PART_NOUN = re.compile(
    r"(?P<how>[\u4e00-\u9fff]{0,6}?)(?:组织体系|组织机构|体系|机构|机制|组织|响应|预警|处置|监测|"
    r"保障|总则|附则|分级)"
)


def is_heading_line(masked: str, s_start: int, s_end: int) -> bool:
    """A line with no final punctuation and no comma, opening the clause or followed by a
    numbered line: the heading of a document, a part or a stage (冠县…应急预案, 检测方式), not a
    duty. (Elsewhere such a line may be a hard-wrapped piece of a sentence.)"""
    words = masked[s_start:s_end].strip()
    if _A_PART.match(words) and not re.search(r"[，,。；;：:]", words):
        return True  # 第三章 使用管理: a chapter's heading, whatever its words
    line_end = masked.find("\n", s_start)
    if line_end < 0 or line_end > s_end:
        token = LEAD_TOKEN.match(words)
        body = words[token.end() :].lstrip() if token else words  # (（一）建立…制度: a duty)
        return (
            _A_TITLE_LAST.fullmatch(masked, s_start, s_end) is not None
            and (s_start == 0 or masked[s_start - 1] == "\n")
            # (a title has no full stop; a numbered heading may: 15、严格执行…制度。)
            and (token is not None or masked[s_end : s_end + 1] not in ("。", "；", ";"))
            and not ANY_MODAL.search(words)
            and not opens_with_party(body)
            and not ACTION.match(body)
            and not POLICY.match(body)
            # (3.家庭人均收入低于当地最低生活保障标准。: a comparison, a criterion, no title)
            and not _COMPARES.search(body)
        )
    if not words or re.search(r"[，,。；;：:]", words) or ANY_MODAL.search(words):
        return False
    if len(words) > 40 or opens_with_party(words) or _MORE.search(masked, line_end) is None:
        return False
    first = not masked[:s_start].strip()
    if _A_TITLE.search(re.sub(r"\s+", "", words)):
        return True  # 冠县重污染天气监测预警和应急处置预案: a document's title on its own line
    return first or LEAD_TOKEN.match(masked, line_end + 1) is not None


#: A comparison, which no title makes (低于…标准: a criterion that ends like one).
_COMPARES = re.compile(r"低于|高于|少于|多于|不超过|超过|达到|不足|以上|以下")


#: A stage's heading: its name, and the dates it runs (排查摸底阶段（2016年2月至12月）).
_A_STAGE = re.compile(r"[^，,。；;]{2,30}阶段\s*(?:[（(][^（()）]*[）)])?")


def a_stage_heading(sentence: str) -> bool:
    """(三)检查验收阶段(2018年1月至6月): a stage's heading, its dates no deadline of anything
    (GUIDE 1.5)."""
    lead = LEAD_TOKEN.match(sentence)
    body = sentence[lead.end() if lead else 0 :].strip(" 。.")
    return bool(
        _A_STAGE.fullmatch(body) or _A_NUMBERED_STAGE.fullmatch(body) or _IN_STAGES.fullmatch(body)
    )


#: A stage by its number, its name and dates (第二阶段：全面实施（2022年3月至2023年6月）; the
#: number masked, its 阶段 kept; the dates before the name too: 第一阶段（2023年3月—4月）：排查
#: 摸底).
_A_NUMBERED_STAGE = re.compile(
    r"＿+阶段\s*(?:[（(][^（()）]*[）)])?\s*[：:]\s*[^，,。；;：:]{2,16}?\s*(?:[（(][^（()）]*[）)])?"
)
#: How the work is staged (整治工作分三个阶段进行): the plan's outline, the stages' headings next.
_IN_STAGES = re.compile(
    r"[^，,。；;]{2,20}?分(?:＿+|[一二三四五六两])个?(?:阶段|步骤)(?:进行|实施|开展|推进|组织实施)"
)


def names_a_part(sentence: str) -> bool:
    """一、组织体系, （二）应急响应, （二）检查内容: a heading that names a part of a plan by its
    noun, with no verb of a duty before it."""
    lead = LEAD_TOKEN.match(sentence)
    heading = sentence[lead.end() if lead else 0 :].strip(" 。.")
    part = _A_PART_NOUN.fullmatch(heading)
    if part and not (ACTION.search(part.group("how")) or POLICY.search(part.group("how"))):
        return True
    # (优化资金拨付流程: a direction, its object a part's noun; a duty under a party's heading)
    return _A_HEADING_NOUN.fullmatch(heading) is not None and AIM.match(heading) is None
