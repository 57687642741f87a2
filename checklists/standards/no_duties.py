"""Sentences that state no duty at all (the ones ``duties`` skips before it reads phrases): a
title, a heading, a report of what was done, words about the text itself, what something consists
of, a list of titles (the legal basis: 《…》《…》…), an appointment, a commendation, an attitude
(各乡镇要高度重视), the lead into a list of duties (its items are the duties), a principle and a
definition (…的，认定为…). Pure module (standard library only).
"""

from __future__ import annotations

import re

from checklists.standards.headings import (
    a_stage_heading,
    is_heading_line,
    is_title,
    names_a_part,
)
from checklists.standards.modality import ANY_MODAL, LEAD_TOKEN
from checklists.standards.openings import A_DAY_NAMED
from checklists.standards.parties import opens_with_party
from checklists.standards.reports import (
    A_PAPER,
    ABOUT_THE_TEXT,
    ALLOCATED,
    BY_PRINCIPLE,
    COMMENDER,
    COMMENDS,
    CONSISTS_OF,
    DESCRIPTIVE,
    ESTIMATED,
    PHRASE_REPORTS,
    THIS_ROUND_SHARED,
    WHAT_WAS_DONE,
    WHO_ANSWERS,
    appoints,
)
from checklists.standards.sentences import phrases
from checklists.standards.verbs import (
    ACTION,
    EXHORTATION,
    LISTED_BANS,
    LISTED_DUTIES,
    POLICY,
    PRINCIPLE,
)

#: A member of a body listed, a name and posts (召集人:田钢昌 市环保局…局长, 宗可悦 区人社局党委
#: 委员、…主任): whatever modal-looking characters the name holds, no duty.
_A_MEMBER = re.compile(
    r"(?:[-·]\s*)?(?:[\u4e00-\u9fff]{1,6}\s*[:：]\s*)?[\u4e00-\u9fff]{2,4}\s+"
    r"[^，,。；;：:\s]{2,40}?(?:长|主任|书记|委员|主席|专员|干部|负责人|馆长|站长|所长|经理)"
    r"(?:[（(][^（()）]{1,6}[）)])?"
)
#: A lead into the duties or bans a clause lists (应当履行下列义务：, 用户不得有下列行为：).
_LEADS_A_LIST = re.compile(rf"(?:{LISTED_DUTIES}|{LISTED_BANS})[^，,。；;：:]{{0,8}}[:：]?\s*$")
#: A principle to follow, as a sentence's last phrase.
_A_PRINCIPLE = re.compile(r"^\s*" + PRINCIPLE)


#: A scope: a noun and the words before its 的 that say which ones (全市所有使用燃气的餐饮场所).
_ONLY_A_NOUN = re.compile(
    r"(?:全市|全县|全区|全省|全镇|所有|各类|本市|本县|本区|辖区内)[^，,。；;：:]{0,30}的[^的，,。；;：:]{1,10}"
)
#: What a list of titles leaves of its own words: titles, asides, and the words joining them.
_TITLES = re.compile(
    r"《[^《》]*》|[（(][^（()）]*[）)]|[\s、，,。；;：:及和与等以以下上述有关相关]"
)


def _a_duty_after(sentence: str) -> bool:
    """Whether a phrase with a modal word and no report of its own follows every report the
    sentence opens with (我市已出台《…》，各单位应当…; 近年来，…总体稳定，各地要…)."""
    if ESTIMATED.match(sentence):
        return False  # 经测算，全年需补助资金约3000万元: what was reckoned, its 需 a need
    reported = max(m.end() for m in DESCRIPTIVE.finditer(sentence))
    for a, b in phrases(sentence):
        words = sentence[a:b]
        if a >= reported and ANY_MODAL.search(words) and not PHRASE_REPORTS.search(words):
            return True
    return False


def no_duties(masked: str, s_start: int, s_end: int) -> bool:
    """A sentence that states no duty at all: a title, a report, words about the text, a list
    of what something consists of, or a list of titles (the legal basis: 《…》《…》…)."""
    sentence = masked[s_start:s_end]
    if _A_MEMBER.fullmatch(sentence.strip()):
        return True  # 路应范 区城管执法局副局长: a member listed, name and post (GUIDE 1.5)
    if is_heading_line(masked, s_start, s_end) or _A_DOCUMENTS_TITLE.fullmatch(sentence.strip()):
        return True  # (关于下达…补助资金的通知: a document's title, GUIDE 1.5)
    if not ANY_MODAL.search(sentence):
        if CONSISTS_OF.match(sentence.strip()) or WHAT_WAS_DONE.search(sentence):
            return True  # (全区上下深入学习…, …完成年度目标的112%: what was done, a report)
        own = _TITLES.sub("", sentence)
        if "《" in sentence and 6 * len(own) < len(sentence) and not ACTION.search(own):
            if not POLICY.search(own):
                return True
    if "\t" in sentence or (DESCRIPTIVE.search(sentence) and not _a_duty_after(sentence)):
        return True
    lead = LEAD_TOKEN.match(sentence)
    if a_stage_heading(sentence) or names_a_part(sentence):
        return True  # (三)检查验收阶段(…), 一、组织体系, （二）检查内容: headings (GUIDE 1.5)
    if ANY_MODAL.search(sentence) is None and _ONLY_A_NOUN.fullmatch(
        sentence[lead.end() if lead else 0 :].strip()
    ):
        tail = sentence.rsplit("的", 1)[1]
        if not (ACTION.search(tail) or POLICY.search(tail) or opens_with_party(sentence.strip())):
            return True  # 全市所有使用燃气的餐饮场所: what a scope covers, a noun, no duty
    if ANY_MODAL.search(sentence) is None and THIS_ROUND_SHARED.match(sentence):
        return True  # 本次资金按照因素法分配，其中…: how the notice shared the funds out, no duty
    if ANY_MODAL.search(sentence) is None and ALLOCATED.match(sentence):
        return True  # 1.东昌府区：下达资金320万元，用于…: what the notice hands out, no duty
    if ANY_MODAL.search(sentence) is None and WHO_ANSWERS.fullmatch(sentence.strip()):
        return True  # 采购人是履约验收的责任主体: who answers for it, nothing to check
    if appoints(sentence):
        return True  # 王某某任市财政局副局长（试用期一年）: an appointment the notice makes
    if ANY_MODAL.search(sentence) is None and BY_PRINCIPLE.search(sentence.strip()):
        return True  # …按照属地管理的原则组织实施: a principle, nothing to check (GUIDE 1.5)
    if ABOUT_THE_TEXT.search(sentence.strip()) or (
        lead and ABOUT_THE_TEXT.search(sentence[lead.end() :].strip())
    ):
        return True  # (第三条 现将…资金…下达给你们: words about the text after an article's number)
    body = sentence[lead.end() if lead else 0 :].strip(" 。；;")
    if (
        lead is not None
        and A_PAPER.fullmatch(body)
        and not (ANY_MODAL.search(body) or ACTION.match(body) or POLICY.match(body))
        and not re.match(r"具备|具有|持有|取得|拥有|有(?!关)", body)  # (具备…营业执照: to have)
    ):
        return True  # （二）近三年财务审计报告；: a paper a list of papers names, no duty
    if COMMENDS.search(sentence) and not COMMENDER.search(sentence):
        return True  # 对…予以通报表彰: the notice commends; 区政府办公室将…予以表彰 is a duty
    words = [sentence[a:b] for a, b in phrases(sentence) if sentence[a:b].strip()]
    if words and all(EXHORTATION.search(w) for w in words):
        return True  # 各乡镇要高度重视，切实加强组织领导: an attitude, nothing to check
    if len(words) == 1 and _LEADS_A_LIST.search(words[0]):
        return True  # 使用单位应当履行下列义务：: its items are the duties
    if words and _A_PRINCIPLE.search(words[-1]) and not ANY_MODAL.search(sentence):
        return True  # 资金的筹集、使用和管理，遵循…的原则: its topic, then the principle
    if (
        len(words) > 1
        and a_definition(words[-2], words[-1])
        # (企业应当每年报送…，连续两年未报送的，视为自动放弃资格: a duty before, read)
        and not ANY_MODAL.search("".join(words[:-2]))
    ):
        return (
            True  # …超过49吨的，认定为超限运输车辆: what counts as what, a definition (GUIDE 1.5)
        )
    if ANY_MODAL.search(sentence) is None and _GRADED_AS.search(sentence.strip(" 。；;")):
        return True  # 一次死亡3人以上10人以下…的事故为较大事故: a grade defined (GUIDE 1.5)
    if ANY_MODAL.search(sentence) is None and _A_DAY_NAMED.fullmatch(sentence.strip(" 。；;")):
        return True  # 每月5日为安全检查日: a day named, a definition (GUIDE 1.5)
    return is_title(masked, s_start, s_end)


#: A day (week, month) of each period named for something (每月5日为安全检查日, 每年6月为安全
#: 生产月): what it is called, no duty.
_A_DAY_NAMED = re.compile(rf"{A_DAY_NAMED}[^，,。；;]{{1,24}}(?:日|周|月|节)")


#: The grade the ones before it are, ending the sentence (…的事故为较大事故, …的为一般隐患).
_GRADED_AS = re.compile(
    r"的[^，,。；;的]{0,8}?为(?:特别重大|重大|较大|一般|轻微|[一二三四五ⅠⅡⅢⅣ]级)"
    r"[^，,。；;]{0,6}?(?:事故|事件|隐患|灾害|险情|污染|火灾|预警|响应)?$"
)


#: A document's title (某市人民政府关于印发《…》的通知, 关于同意…的批复): a name, no duty.
_A_DOCUMENTS_TITLE = re.compile(
    # (its issuer before 关于, if any: not 报送关于…情况的报告, a duty)
    r"(?:[^，,。；;：:]{0,40}?(?:人民政府|政府|办公室|办公厅|委员会|局|厅|委|办|部|院|中心))?"
    r"关于[^。；;：:]{2,90}的(?:通知|批复|决定|意见|实施意见|报告|函|复函|请示|"
    r"通报|公告|通告|命令|指示)(?:[（(][^（()）]{2,30}[）)]|＿+)?[。]?"
)


#: What a case counts as (认定为超限运输车辆, 可以认定为闲置土地, 视为放弃): a definition.
_CLASSED = re.compile(
    r"(?:均|即|一律)?(?:可以?|应当?)?(?:认定为|视为|界定为|判定为)[^，,。；;]{1,30}"
)


def a_definition(case: str, then: str) -> bool:
    """Whether a case's phrase (…超过49吨的) and the last phrase after it (认定为超限运输车辆)
    say what counts as what (GUIDE 1.5): the case's number is no requirement."""
    return case.rstrip().endswith("的") and _CLASSED.fullmatch(then.strip()) is not None
