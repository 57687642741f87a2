"""Deadlines a sentence writes as dates (次月5日前, 年底前, 每季度第一个月的20日前): which of its
requirements each date makes due, or the deadline added when none is. Pure module (standard
library and the wording tables); ``extraction`` applies it to each sentence."""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import replace

from checklists.standards.due_dates import as_written, dated, due_in, in_year
from checklists.standards.duties import A_DATE_ONLY
from checklists.standards.headings import a_stage_heading
from checklists.standards.modality import ANY_MODAL, LEAD_TOKEN
from checklists.standards.names_read import who_as_read
from checklists.standards.parties import party_named
from checklists.standards.picking import end_of, phrase_bounds, source_span, without_number
from checklists.standards.reports import ABOUT_THE_TEXT, DESCRIPTIVE, PHRASE_REPORTS
from checklists.standards.requirements import Requirement
from checklists.standards.verbs import ACTION

#: A time cut down to a length (压缩至3个工作日以内): a target, not a time to act in.
_CUT_TO = re.compile(r"(?:压缩|缩短|减少|降低|控制)(?:至|到|在)")


#: The kinds of a target a date leading a sentence makes due (a share, an amount, a count).
_TARGETS = ("ratio", "measure", "count", "money")


def _a_date_alone(masked: str, ph_start: int, ph_end: int) -> bool:
    """Whether a phrase says only by when (2017年12月底前，; 3、到2020年，: after its number)."""
    numbered = LEAD_TOKEN.match(masked, ph_start, ph_end)
    return not masked[numbered.end() if numbered else ph_start : ph_end].strip(A_DATE_ONLY)


def _targets_due_too(
    found: list[Requirement], duty: int, rule: dict, masked: str, s_end: int
) -> None:
    """The targets after a duty a date alone made due (2024年底前，…基本消除，…比例达到90%), up to
    the next ； (…；到2025年底，…: another date's), due then too."""
    until = masked.find("；", end_of(found[duty]), s_end)
    for i in range(duty + 1, len(found)):
        if until >= 0 and found[i].start >= until:
            break
        if _numbered(found[i]) and found[i].kind in _TARGETS and not found[i].due:
            found[i] = replace(found[i], due=rule)


def with_due(
    text: str,
    masked: str,
    s_start: int,
    s_end: int,
    found: list[Requirement],
    modality: str | None,
    join_offsets: tuple[int, ...],
) -> list[Requirement]:
    """A sentence's requirements with each deadline it writes as a date (次月5日前, 年底前): a
    duty with no number of that phrase becomes the deadline, a target of it is due then (2019年
    完成…改造10万户), else the duty or the targets after a phrase that only says by when are due
    then, else the deadline is added."""
    pos = s_start

    @functools.cache
    def about_the_text() -> bool:  # (为确保…，特制定本方案: asked once a sentence, not a date)
        return ABOUT_THE_TEXT.search(masked[s_start:s_end].strip()) is not None

    written = as_written(text[s_start:s_end])  # (once: 号 as 日, 不迟于… as …前)
    year_of = None  # the last date the sentence wrote with its year
    dated_last = None  # the row the date before made due (its index in ``found``)
    yearly = False  # whether a date before was each year's (每年5月31日前)
    while (due := due_in(written[pos - s_start :])) is not None:
        rule, d_start, d_end = due
        if rule["rule"] == "date":
            year_of = datetime.date.fromisoformat(rule["date"])
        elif rule["rule"] == "month_day" and year_of is not None:
            # 于2021年6月底前完成排查，9月底前完成整改: the year the dates before it named (or
            # the next, for a month already past then)
            rule = dated(rule, year_of)
        elif rule["rule"] == "month_day" and yearly:
            # (要在每年5月31日前完成…，6月30日前将…发放到户: each year's, as the one before)
            rule = {**rule, "rule": "yearly_date"}
        elif year_of is not None and written.startswith("次年", pos - s_start + d_start):
            # (…2021年10月底前完成排查，次年3月底前完成整改: the year after that one)
            rule = in_year(year_of.year + 1, rule.get("month", 1), rule["day"])
        yearly = yearly or rule["rule"] == "yearly_date"
        last, at, pos = pos, pos + d_start, pos + max(d_end, 1)
        as_of = text.startswith(("截至", "截止"), at) and not text.startswith(
            ("截止日期", "截止时间"), at
        )
        if as_of and (
            (modality is None and not found and not ACTION.search(masked, pos, s_end))
            or (text.startswith("截至", at) and _reported_next(masked, s_start, s_end, at))
        ):
            # 截至2018年底，全市参保人数达到350万人: as of then, a report (截至…，完成…: a task);
            # 截至6月底，全市已完成改造286户，剩余部分要…: a report, whatever duty follows
            continue
        # (near the date only: a list of dates reads each once)
        if modality is None and _DONE_BY_THEN.search(masked, at, min(s_end, pos + 40)):
            # 2023年12月底前，各县已完成…复核; 截至3月底，全市已有95%的…: what was done by
            # then, a report (GUIDE 1.5), no deadline
            continue
        if _WHICH_ONES_AFTER.match(masked, pos, s_end):
            continue  # 2000年底前建成的老旧小区: which ones, by when they were built; no deadline
        if (
            dated_last is not None
            and found[dated_last].start <= at < end_of(found[dated_last])
            and _JOINED_DATES.fullmatch(written, last - s_start, at - s_start)
        ):
            # (于7月15日前和次年1月15日前报送: one duty, due by each date; found right after the
            # one before, no scan of the rows a long list of dates has made)
            dated_last += 1
            found.insert(dated_last, replace(found[dated_last - 1], due=rule))
            continue
        dated_last = None
        if any(
            r.applies_when is not None and at < r.start and text[at:pos] in r.applies_when.text
            for r in found
        ):
            # 对2022年底前未完成整治任务的县，由市政府约谈…: the date is the condition's (the
            # breach: not done by then), no deadline of the sanction
            continue
        ph_start, ph_end = phrase_bounds(masked, s_start, s_end, at)
        within = [i for i, r in enumerate(found) if r.start <= at < end_of(r)]
        duty = next((i for i in within if not _numbered(found[i])), None)
        # (年底前将企业开办时间压缩至3个工作日以内: a time cut down to, a target due then)
        target = next(
            (
                i
                for i in within
                if found[i].due is None
                and (found[i].kind != "deadline" or _CUT_TO.search(found[i].span))
            ),
            None,
        )
        if duty is not None:
            d = found[duty]
            then = duty + 1 < len(found) and found[duty + 1]
            if (
                then
                and not ACTION.search(masked, d.start, end_of(d))
                and end_of(d) <= ph_end < then.start
                and not _numbered(then)
                and then.due is None
                and not masked[ph_end + 1 : then.start].strip()
            ):
                # 各县要在每季度第一个月的20日前，将…报…: who and by when, then what is done by
                # then (one deadline, not a date with nothing to do and an undated duty)
                span, start = source_span(text, d.start, end_of(then))
                merged = replace(then, kind="deadline", due=rule, span=span, start=start)
                merged = replace(merged, subject=d.subject or then.subject)
                merged = replace(merged, subject_kind=d.subject_kind or then.subject_kind)
                merged = replace(merged, modality=d.modality or then.modality)
                found[duty : duty + 2] = [merged]
                dated_last = duty
                continue
            found[duty] = replace(d, kind="deadline", due=rule)
            dated_last = duty
            if _a_date_alone(masked, ph_start, ph_end):
                # (到2024年底，…基本消除，…收集率达到70%以上: the targets after it too)
                _targets_due_too(found, duty, rule, masked, s_end)
            continue
        if target is not None:
            found[target] = replace(found[target], due=rule)
            continue
        named = (found[0].subject, found[0].subject_kind) if found else (None, None)
        bare = _a_date_alone(masked, ph_start, ph_end)
        if bare or not ACTION.search(masked, ph_start, ph_end):
            # 2017年12月底前，完成…; 请各单位于3月1日前，将…发送至…: the date's phrase does nothing
            # itself; the duty after it (or, after a date alone, the targets) is due then
            after = [i for i, r in enumerate(found) if r.start >= ph_end]
            first = next((i for i in after if bare or not _numbered(found[i])), None)
            if first is not None and _numbered(found[first]):
                # 到2020年底，…覆盖率达到95%以上，…达到100%: the targets after it are due then
                # (…，劣V类水体全面消除: a task with no number among them too, up to the next ；)
                until = masked.find("；", ph_end, s_end)
                for i in after:
                    if _numbered(found[i]):
                        found[i] = replace(found[i], due=rule)
                    elif (
                        bare
                        and found[i].kind == "presence"
                        and found[i].due is None
                        and (until < 0 or found[i].start < until)
                    ):
                        found[i] = replace(found[i], due=rule)
                continue
            if first is not None:
                span, start = source_span(text, ph_start, end_of(found[first]))
                found[first] = replace(
                    found[first], kind="deadline", due=rule, span=span, start=start
                )
                dated_last = first
                if bare:
                    # (2024年底前，…基本消除，…消除比例达到90%: the targets after it too)
                    _targets_due_too(found, first, rule, masked, s_end)
                continue
            if not after and ph_end < s_end:
                # …, and nothing after it was read as a duty: what is to be done by then is the
                # phrase after it, and who acts the one it names (到2020年底，各乡镇全部完成…)
                next_phrase = ph_end + 1
                ph_end = phrase_bounds(masked, s_start, s_end, next_phrase)[1]
                if not found:
                    named = who_as_read(party_named(text[next_phrase:ph_end])) or named
                if (
                    not found
                    and modality is None
                    and not ACTION.search(masked, next_phrase, ph_end)
                    and _A_STATE_HOPED.search(masked, next_phrase, ph_end)
                ):
                    # 到2025年，农村人居环境显著改善，…: a state hoped for by then, no verb of a
                    # duty and no number: nothing to check (GUIDE 1.1)
                    continue
        if not found and (a_stage_heading(masked[s_start:s_end]) or about_the_text()):
            # (三)总结验收阶段（2021年11月底前）: a stage's heading, its dates no duty; 为确保到
            # 2025年…，特制定本方案: words about the text
            continue
        added = without_number(
            text, ph_start, ph_end, modality=modality, kind="deadline", join_offsets=join_offsets
        )
        found = [*found, replace(added, due=rule, subject=named[0], subject_kind=named[1])]
        dated_last = len(found) - 1
    return found


#: What joins two dates one duty is due by (7月15日前和次年1月15日前, 6月30日前、12月31日前).
_JOINED_DATES = re.compile(r"\s*(?:和|、|及|以及|或者?)?\s*(?:于|在)?\s*")
#: What was done before a date, then 的 (2000年底前建成的…, 2019年1月1日以后出生的): which
#: ones the date picks out, no deadline.
_WHICH_ONES_AFTER = re.compile(
    r"\s*(?:以前|之前|以后|之后)?\s*(?:已经?)?(?:建成|建设|建造|竣工|投产|投入使用|出生|登记|注册|取得|"
    r"批准|成立|设立|购买|购置|颁发|安装|开工|入住|认定|办理)[^，,。；;]{0,16}?的"
)
#: Done already (已完成, 已经建成, 已有95%的…完成): a report's verb (not what a task is done to:
#: 完成已建成小区的改造, 对已完成的项目).
_DONE_BY_THEN = re.compile(
    r"(?<![回还缴成对将把为的收])已经?(?:有|完成|建成|实现|达到|办结|发放|拨付|落实|开展|全部|基本)"
)
#: A state hoped for, ending its phrase (环境显著改善, 格局基本形成, 水平明显提升): an aim.
_A_STATE_HOPED = re.compile(
    r"(?:显著|明显|基本|进一步|全面|持续|不断|大幅|稳步|有效)?"
    r"(?:改善|提升|提高|增强|形成|健全|完善|优化|好转|加强|巩固|缩小|扩大|加快)\s*$"
)


def _reported_next(masked: str, s_start: int, s_end: int, at: int) -> bool:
    """Whether the phrase after the one at ``at`` tells what was done (已完成…, 累计发放…) with
    no modal word: the date is what a report is as of."""
    ph_end = phrase_bounds(masked, s_start, s_end, at)[1]
    if ph_end + 1 >= s_end:
        return False
    words = masked[ph_end + 1 : phrase_bounds(masked, s_start, s_end, ph_end + 1)[1]]
    return bool(PHRASE_REPORTS.search(words) or DESCRIPTIVE.search(words)) and not (
        ANY_MODAL.search(words)
    )


def _numbered(r: Requirement) -> bool:
    """Whether a requirement states a number (a value or a range's end)."""
    return r.value is not None or r.low is not None
