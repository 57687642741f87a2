"""Clause text → checkable requirements.

Pure module (standard library and ``cn2an`` only). ``extract`` reads the wording of one
clause: the modality (必须 / 应当 / 原则上 / 鼓励 / 可), thresholds with their comparator
(inclusive or exclusive as 民法典第1259条 says), ranges, units (万元 and 亿元 converted to 元),
deadlines with what starts them, frequencies per period, retention periods, and duties to be
done promptly (及时, 立即: flagged ``vague_deadline``, no time stated). Dates, year spans,
standard numbers, 文号 and article references are masked first so that they never produce a
threshold.
"""

from __future__ import annotations

import re
from dataclasses import replace

from checklists.standards.attribution import attribute, leaves_out_who
from checklists.standards.cases import band_ends, case_goes_on, counted, with_its_floor
from checklists.standards.comparators import NEGATE, with_marker
from checklists.standards.dating import with_due
from checklists.standards.denominators import (
    PER_OF_UNIT,
)
from checklists.standards.duties import duty_spans, leads_on
from checklists.standards.keeping import (
    A_CHANGE,
    TARGETS,
    TASKED,
    worth_keeping,
)
from checklists.standards.list_leads import cases_run_on
from checklists.standards.modality import (
    LEAD_TOKEN,
    PERMISSION,
    first_modal,
    modality_of,
    no_modal_words,
)
from checklists.standards.names_read import heading_party
from checklists.standards.no_duties import no_duties
from checklists.standards.number_words import (
    A_LIMIT_AFTER,
    A_PART_NAMED,
    A_SHARE_OF_WHAT,
    AN_ITEM_NEXT,
    AN_ITEM_S_VERB,
    ANOTHER_S_IS,
    BANNED_ACT,
    BANNED_PARALLEL,
    BANNED_ZONE,
    DEBARRED,
    DEBARRED_AFTER,
    EACH_OF,
    EXTENDED,
    HOW_DONE_AWAY,
    LISTED_NEXT,
    RUNS_AFTER,
    WHAT_IS_COUNTED,
)
from checklists.standards.numbers import (
    AHEAD,
    ROUND_THE_CLOCK,
    a_denominator,
    comparator_in_phrase,
    kind_for,
    period_before,
    topic_limit,
    topic_period,
    trigger_before,
)
from checklists.standards.parties import (
    condition_of,
    party_first,
)
from checklists.standards.phrase_conditions import a_case_in
from checklists.standards.picking import (
    A_LIMIT_BEFORE,
    DONE_AWAY_AFTER,
    DONE_AWAY_WITH,
    DONE_TO_THEM,
    ONLY_THEN,
    THE_AGED_NAMED,
    a_class_after,
    a_class_bound,
    a_price_for_it,
    a_season_first,
    acted_on_from,
    end_of,
    joined,
    phrase_bounds,
    phrase_of,
    plain_exception,
    presence,
    qualifies,
    served_from,
    source_span,
    with_exceptions,
    without_number,
)
from checklists.standards.promptly import read_promptly
from checklists.standards.quantities import (
    COUNTED,
    MEASURES,
    TIME_UNITS,
    quantities,
)
from checklists.standards.quantities import masked as mask_numbers
from checklists.standards.reports import HOW_MANY_NEED
from checklists.standards.requirements import Applicability, Requirement
from checklists.standards.responsible import responsible_units
from checklists.standards.sentences import SpanIndex, phrases, sentences
from checklists.standards.settling import (
    an_aim,
    answered_for,
    by_a_time,
    periodic,
    read_run_on,
    settled,
    settled_on,
)
from checklists.standards.spacing import close_up
from checklists.standards.task_tables import read_table
from checklists.standards.timing import (
    a_clean_record,
    a_window_before,
    an_interval_next,
    timing,
    what_per,
    which_ones,
)
from checklists.standards.verbs import ACTION, EXHORTATION

#: Some text after a heading: what it heads.
_HEADS_MORE = re.compile(r"[^。；;\s]")


#: The rest of an exception's phrase after its number (…10人以下的小微企业除外).
_EXCEPTED = re.compile(r"[^，,。；;\d＿]{0,24}?除外\s*[）)]?\s*$")
#: A Chinese word (a cell that holds one says what its number is).
_WORDS = re.compile(r"[\u4e00-\u9fff]")


#: 和, 及, 与 right before a count (配备2名专任教师和1名保育员): the next item of a list.
_JOINED_COUNT = re.compile(
    r"(?:以及|和|及|与)\s*(?=[\d＿一二三四五六七八九十两]+\s*[名人个台辆套处部座间张具只家所条支架艘])"
)


def extract(text: str, join_offsets: tuple[int, ...] = (), token: str = "") -> list[Requirement]:
    """Requirements stated by one clause text, in order of appearance.

    ``join_offsets`` (from ``ParsedClause.join_offsets``) flags requirements whose span crosses
    a page-break join; ``token`` is the clause's numbering (1.7座…: item 1's words are 7座). A
    list of duties or bans run on after its lead's colon (…不得用于以下支出：（一）…。（二）…。)
    is read item by item, each as its lead binds it.
    """
    if (tight := close_up(text)) is not None:  # (PDF text: 不少于 2 次, read as 不少于2次)
        return tight.back(extract(tight.text, tuple(map(tight.offset, join_offsets)), token))
    if token and re.match(re.escape(token) + r"[.．]\d", text):
        text = " " * (len(token) + 1) + text[len(token) + 1 :]
    if (cases := cases_run_on(text)) is not None:  # (…之一的，启动…：A的；B的。: no rows)
        text = text[: cases[0]] + " " * (cases[1] - cases[0]) + text[cases[1] :]
    listed = read_run_on(text, _read, join_offsets)
    if listed is not None:
        return listed
    # (序号 | 重点任务 | 责任单位 | 完成时限; 车型 | 白天 | 最高限价; 指标名称 | 单位 | 标准值)
    if "\t" in text and (rows := read_table(text, _read, join_offsets)) is not None:
        return rows
    return _read(text, join_offsets)


#: The others, opening a duty (其他医疗机构应当…, 其余企业…).
_OTHERS = ("其他", "其它", "其余")


def _read(text: str, join_offsets: tuple[int, ...] = ()) -> list[Requirement]:
    """``extract`` of a text that runs no list on."""
    masked = no_modal_words(mask_numbers(text))  # (所以不得不…, 建成后可达…: no modal word)
    tasked = TASKED.search(text) is not None
    reqs: list[Requirement] = []
    carry = None  # who acts, as the sentences before named them
    # (a task that names the units answering for it, （责任单位：…）: a sentence that names no
    # one is theirs, not the party a sentence before named)
    units = responsible_units(text)  # (read once: the duties are attributed, then settled)
    answered = bool(units)
    section = None  # the party a heading names ((二)各镇、街道。): who acts under it
    numbered = False  # …a numbered heading, not an addressee line (its directions are duties)
    planned = False  # the sentence before set targets and its list goes on after its ；
    for s_start, s_end in sentences(text):
        first = len(reqs)
        # (全年计划新造林3000亩；更新改造农田林网1万亩；…: the plan's list of targets goes on)
        listed_on = (after_semicolon := masked[s_start - 1 : s_start] in ("；", ";")) and planned
        planned = listed_on or TARGETS.search(masked, s_start, s_end) is not None
        lead = LEAD_TOKEN.match(text, s_start, s_end)
        heading = text[lead.end() if lead else s_start : s_end]
        if (lead is not None or not text[:s_start].strip()) and _HEADS_MORE.search(text, s_end + 1):
            # a party's name alone, heading more text: no verb, no number (最多设置3个配送中心)
            named = None if re.search(r"\d", heading) else heading_party(heading, lead is not None)
            if named is not None and not ACTION.search(heading):
                section, carry, numbered = named, None, lead is not None
                continue
        qualifiers: list[tuple[int, Applicability]] = []
        # (where an exception's phrase starts, and when the duties before it apply:
        # …，但从业人员10人以下的小微企业除外 → 从业人员 > 10)
        exceptions: list[tuple[int, int, Applicability]] = []
        # (where a qualifier read inside its duty's phrase stops applying: that phrase's end)
        phrase_only: dict[int, int] = {}
        classes: set[int] = set()  # (those of them in brackets after a class's name)
        turned: set[int] = set()  # (an exception turned round: the others' own, 除…外，其余…)
        sentence = masked[s_start:s_end]
        modality = modality_of(sentence)
        said = first_modal(sentence)  # (once a sentence: where its modal word stands)
        found = False
        prev_end = s_start
        read = quantities(sentence)
        window = None  # 一年内被抽查不超过2次: the period the count after it is in
        denominator = None  # (phrase, count, per) of 每100户, 每30名游客: what a number is per
        # (comparison, unit, per) of the limit a phrase named (限值为50mg/m³; a sentence's topic:
        # 贷款最高额度，单方缴存职工为40万元: any unit)
        named_limit = topic_limit(masked[s_start:s_end])
        topic_per = topic_period(masked, s_start, s_end)
        listed = None  # (phrase, comparison, end) of a compared number a list may go on from
        once_end = -1  # the end of a frequency's own 至少…一次 (每两年至少清洗一次)
        for k, q in enumerate(read):
            q_start, q_end = s_start + q.start, s_start + q.end
            if q_end <= once_end and q.unit == "次":
                continue
            if (
                k
                and read[k - 1].end == q.start
                and read[k - 1].unit in COUNTED
                and q.unit in MEASURES
            ):
                continue  # 2具35公斤推车式灭火器: the size of what is counted, no threshold
            if (
                k
                and masked[s_start + read[k - 1].end : q_start] in ("（", "(")
                and masked[q_end : q_end + 1] in ("）", ")")
            ):
                continue  # 起步价为10元（3公里）: how far the amount before reaches, no row
            ph_start, ph_end = phrase_bounds(masked, s_start, s_end, q_start)
            phrase = phrase_of(masked, ph_start, ph_end)
            if (season := a_season_first(text, masked, ph_start, q_start)) is not None:
                qualifiers.append(season)  # (…，夏季每日至少清运两次: when its own phrase holds)
                phrase_only[season[0]] = ph_end
            next_q = read[k + 1 : k + 2]  # (the next number: all of them, per number, is quadratic)
            if a_window_before(q, next_q, ph_end - s_start, sentence):
                # (两年内…不超过2次: a window of two years, counted in, no period to name)
                window = ("day" if q.unit == "hour" else q.unit if q.low == 1 else None, ph_start)
                continue
            comp_before, comp_pos = comparator_in_phrase(masked, ph_start, q_start)
            if a_denominator(
                q, comp_before, next_q, masked[ph_start:q_start], ph_end - s_start, sentence
            ):
                # 每100平方米配备不少于1具: what the count after it is per (and how many of it)
                denominator = (ph_start, q.low, PER_OF_UNIT.get(q.unit, q.unit))
                continue
            comp_word = None
            if comp_before:
                m = re.match(r"\S{1,4}", masked[comp_pos:q_start])
                comp_word = m.group(0) if m else None
            per, per_pos = period_before(masked, ph_start, q_start)
            cut = (
                0
                if per is None
                else next((e for e, _ in qualifiers[-2:] if per_pos < e <= q_start), 0)
            )
            if cut:
                # 年产值5000万元以上的企业至少配备2名: the year is the condition's (…的企业每年…:
                # the period after it)
                per, per_pos = period_before(masked, cut, q_start)
            if per is None and window is not None and window[0] and window[1] == ph_start:
                per = window[0]
            per, per_count, rate, stepped = what_per(
                q,
                per,
                masked,
                (s_start, ph_start, q_start, prev_end),
                None if denominator is None or denominator[0] != ph_start else denominator[1:],
                topic_per[0] if topic_per is not None and ph_start >= topic_per[1] else None,
            )
            round_the_clock = False
            if per is None and q.unit == "hour" and q.low == 24:
                if ROUND_THE_CLOCK.match(masked, q_end):
                    per = "day"  # 24小时值班制度: round the clock, 24 hours of each day
                    round_the_clock = True  # (its words reach to what is kept up: 值班制度)
            comparator = q.comparator
            value, low, high = q.low, None, None
            # 控制在5-25℃, 保持在…之间: within the range, not below its top
            within = re.match(r"控制在|保持在", masked[comp_pos:q_start]) is not None
            # (年满80周岁至89周岁: an age reached, a band; not 不少于3至5人's floor)
            # (比例应当达到1:7至1:9: the band reached, not its floor)
            within = within or re.match(r"年?满|达到", masked[comp_pos:q_start]) is not None
            if comparator == "range":
                low, high = q.low, q.high
                value = None
                # (误差不得超过±2%: a band either way around none, not below its top)
                within = within or (q.low == -q.high and "±" in masked[q_start:q_end])
                if not within and comp_before in (">=", ">"):
                    comparator, value, low, high = comp_before, q.low, None, None
                elif not within and comp_before in ("<=", "<"):
                    comparator, value, low, high = comp_before, q.high, None, None
            elif comparator is None:
                comparator = comp_before
            opens = comp_before if q.comparator is None else None
            if comparator is None and listed and listed[0] == ph_start:
                # 不少于2台装载机和3辆运输车辆: one comparison for the list it opens
                if LISTED_NEXT.fullmatch(masked, listed[2], q_start):
                    comparator = opens = listed[1]
            listed = (ph_start, opens, q_end) if opens else None
            if q.mark and comparator in ("<", ">", "<=", ">="):
                comparator = with_marker(comparator, q.mark)  # 不超过3米（不含）: strict
            if comp_before in (">", "<") and comparator == comp_before:
                if re.search(r"是否\s*$", masked[ph_start:comp_pos]):
                    # a check point asks about the breach (软管长度是否超过2米): the
                    # requirement is the other side of it
                    comparator = NEGATE[comparator]
            if comparator is None and (limit := A_LIMIT_AFTER.match(masked, q_end)):
                # 执行10mg/m³的限值: a limit named after its number (下限: a floor)
                comparator = ">=" if limit.group("floor") else "<="
            elif comparator in (None, "==") and (
                # (the words right before the number only: end-anchored, read near it)
                limit := A_LIMIT_BEFORE.search(masked, max(ph_start, q_start - 72), q_start)
            ):
                # 浓度限值为100毫克/升, 补助上限为5000元: a limit named before its number
                comparator = ">=" if limit.group("floor") else "<="
                named_limit = (comparator, q.unit, q.per)
            elif (
                comparator in (None, "==")
                and named_limit is not None
                and named_limit[1:] in ((q.unit, q.per), (None, None))
                and ANOTHER_S_IS.fullmatch(masked, ph_start, q_start)
            ):
                # (二氧化硫排放限值为50mg/m³，氮氧化物为100mg/m³: the next one's limit, the same)
                comparator = named_limit[0]
            ban_before = masked[ph_start : comp_pos if comp_before else q_start]
            if "一次性" in text[ph_start:q_start]:  # (不得一次性收取…超过: one-off, no number)
                ban_before = ban_before.replace("＿＿＿", "一次性", 1)
            zone_s = comparator  # (禁止在…50米范围内燃放: the zone's own bound, the ban's case)
            if comparator in NEGATE and BANNED_ACT.search(ban_before):
                # 严禁存放超过5公斤的易燃物品: the excess is banned, what is kept must be within it
                comparator = NEGATE[comparator]
                if listed and listed[2] == q_end:  # (…超过3个月或60课时: the list's, the same)
                    listed = (listed[0], comparator, q_end)
            banned = q.after is not None and (
                BANNED_ZONE.match(masked, q_end) is not None
                # (交付使用后5年内、大修的城市道路竣工后3年内不得挖掘: both windows banned)
                or BANNED_PARALLEL.match(masked, q_end) is not None
            )
            if banned and comparator in NEGATE:
                # 距居民区300米以内不得建设: the zone is banned, so the distance must exceed it
                comparator = NEGATE[comparator]
            elif q.after and q.after.startswith(("范围", "半径")) and comparator is not None:
                # 在1公里范围内设置不少于1个网点: where the duty after it applies
                at = max(masked.rfind("在", ph_start, q_start), ph_start)
                words = text[at:q_end].strip()
                qualifiers.append((q_end, Applicability(words, zone_s, q.low, q.unit, q.per)))
                continue
            if (
                comparator is None
                and q.unit in TIME_UNITS
                and re.search(r"用\s*$", masked[max(ph_start, q_start - 4) : q_start])
                and re.match(r"\s*(?:左右)?的?时间", masked[q_end:ph_end])
            ):
                comparator = "<="  # 用5年时间: within five years
            carried = (
                len(reqs) > first
                and (reqs[-1].unit, reqs[-1].value is None, comp_before) == (q.unit, False, None)
                # (the row before ends right before this phrase: read first, a phrase's own list
                # of N amounts never reaches the name's pattern, so reads it no N times)
                and masked[end_of(reqs[-1]) : ph_start].strip() in ("，", ",")
                and not masked[q_end:ph_end].strip()
                and AN_ITEM_NEXT.fullmatch(masked, ph_start, q_start) is not None
            )
            if carried:
                # 一级医院起付标准为200元，二级医院500元: the next class's amount, the list's
                # topic, bound and period carried
                per = per or reqs[-1].per
                if comparator is None and "assumed_equal" not in reqs[-1].flags:
                    comparator = reqs[-1].comparator
            kind = kind_for(q.unit, comp_word, phrase, None if rate else per)
            kind, comparator, every, once_at, deadline = timing(
                masked, q, q_start, q_end, ph_start, ph_end, kind, comparator, comp_pos
            )
            if once_at is not None:
                once_end = once_at
            if (
                kind == "duration"
                and comp_before is not None
                and len(reqs) > first
                and an_interval_next(masked, reqs[-1], q.unit, comparator, ph_start, comp_pos)
            ):
                # 发车间隔高峰时段不超过10分钟，平峰时段不超过20分钟: the next class's interval
                kind = "frequency"
            trigger = None
            # (自列入之日起3年内不得参加: banned within it, a time that must pass first from its
            # trigger, > 3 years, not a deadline)
            if deadline and (banned or kind != "retention"):
                trigger = trigger_before(text, s_start, q_start)
            debarred = deadline and (
                DEBARRED.search(masked, max(ph_start, q_start - 16), q_start) is not None
                or DEBARRED_AFTER.match(masked, q_end) is not None  # (5年内取消其…资格)
            )
            if debarred:
                # 取消其三年内享受补贴资格: how long a sanction lasts, not a time to act in
                deadline, kind, comparator = False, "duration", "=="
            clean = a_clean_record(masked, ph_start, q_start, q_end, s_end, deadline)
            if clean is not None:
                # 参加政府采购活动前三年内，在经营活动中没有重大违法记录: the years looked back
                # on, a record clean in them; no time to act in, the whole a yes/no requirement
                clean_end = phrase_bounds(masked, s_start, s_end, clean.start())[1]
                reqs.append(
                    without_number(
                        text,
                        ph_start,
                        clean_end,
                        modality=modality,
                        kind="presence",
                        join_offsets=join_offsets,
                    )
                )
                found = True
                prev_end = clean_end
                continue
            if deadline and not banned and kind != "retention":
                kind = "deadline"
                comparator = comparator or "<="
            following = masked[q_end:ph_end]
            ahead = (  # (the event's words before the number only: 32 characters hold them)
                not deadline
                and q.unit in TIME_UNITS
                and AHEAD.search(masked, max(ph_start, q_start - 32), q_end + 1)
            )
            if ahead:
                # 有效期届满30日前申请, 活动举办前七日报告: at least that long before the event
                # (检测时间不得早于作业开始前30分钟: not earlier, so at most that long before)
                early = re.search(r"(?:不得|不应|不能|不)早于", masked[ph_start:q_start])
                kind, comparator = "duration", comparator or ("<=" if early else ">=")
                trigger = trigger_before(text, s_start, q_start)
            if kind == "duration" and trigger is None:
                # 公示期限为3年，自列入之日起计算: when the term starts, in the phrase after it
                runs = RUNS_AFTER.match(masked, ph_end, s_end)
                trigger = text[runs.start("from") : runs.end("from")] if runs else None
            if re.match(r"\s*(?:为|是)", phrase):
                # 管理的期限，为自公布之日起1年: the phrase before names what the number is
                before = re.split(r"[，,]", masked[s_start : max(s_start, ph_start - 1)])[-1]
                phrase = before + phrase
            before = masked[ph_start:q_start]
            if not worth_keeping(
                q,
                kind,
                comparator,
                modality,
                phrase,
                sentence,
                following,
                tasked or listed_on or carried,
                before,
            ):
                continue
            if (
                comparator in NEGATE
                and _EXCEPTED.match(masked, q_end, ph_end)
                # (a duty before it to leave them out of: not an exception standing alone)
                and masked[s_start:ph_start].strip(" ，,")
            ):
                # 但从业人员10人以下的小微企业除外: the ones left out, so the duties before it
                # apply to the others (more than 10), no requirement of its own
                # (…不超过3年（距法定退休年龄不足5年的除外）: the aside only)
                opened = max(
                    masked.rfind("（", ph_start, q_start), masked.rfind("(", ph_start, q_start)
                )
                words = text[max(ph_start, opened + 1) : ph_end].strip().lstrip("但").strip()
                words = words.rstrip("）)").strip()
                # (a bracketed one is of the requirement of its own phrase only, right before it)
                lo, at = (ph_start, opened) if opened >= 0 else (-1, ph_start)
                exceptions.append(
                    (at, lo, Applicability(words, NEGATE[comparator], value, q.unit, q.per))
                )
                continue
            if (
                part := A_PART_NAMED.match(masked, ph_start, q_start)
            ) and part.end() not in phrase_only:
                # (…10个工作日内完成审查，其中大型项目不超过15个工作日: the ones its limit is for)
                qualifiers.append((part.end(), Applicability(text[part.start("who") : part.end()])))
                phrase_only[part.end()] = ph_end
            if qualifies(masked, s_start, s_end, q_start, q_end):
                # 连续工作10年以上的教师: the number says which ones; the duty is elsewhere
                # (not the article's number before them: 第七条 年满60周岁的…)
                words = text[ph_start:q_end].strip()
                words = words[lead.end() :].strip() if (lead := LEAD_TOKEN.match(words)) else words
                if (
                    served := served_from(masked, ph_start, q_start)
                    or acted_on_from(masked, ph_start, q_start, q_end)
                ) is not None:
                    # (应当为80周岁以上…, 应当对…3次以上的医师…: the ones only)
                    words = text[served:q_end].strip()
                if away := DONE_AWAY_WITH.search(masked, max(ph_start, q_start - 8), q_start):
                    # (淘汰35蒸吨/小时以下燃煤锅炉，完成…: which ones of its own duty only)
                    words = text[away.end() : q_end].strip()
                    phrase_only[q_end] = ph_end
                elif closed := a_class_bound(masked, ph_start, q_start, q_end):
                    # (托小班（12至24个月）每班…: that class's, up to the next of a list: 、)
                    next_item = masked.find("、", closed, ph_end)
                    phrase_only[q_end] = next_item if next_item >= 0 else ph_end
                    if (item := masked.rfind("、", max(ph_start, q_start - 24), q_start)) >= 0:
                        words = text[item + 1 : q_end].strip()  # (its own item's name only)
                    words += text[q_end:closed]
                    classes.add(q_end)
                elif quantities(masked[q_end:ph_end]):
                    # (照护2岁以下婴幼儿不超过3人，照护2至3岁幼儿不超过5人: each limit its own
                    # phrase's ones)
                    phrase_only[q_end] = ph_end
                elif "除" in masked[ph_start:q_start] and comparator in NEGATE:
                    # (除对…不足5年的人员可…外，其余人员…: those in its own phrase; the others
                    # after it, the other side of the number)
                    phrase_only[q_end] = ph_end
                    others = Applicability(words, NEGATE[comparator], value, q.unit, q.per)
                    qualifiers.append((ph_end, others))
                    turned.add(ph_end)
                elif (aged := THE_AGED_NAMED.match(masked, q_end)) and masked[
                    aged.end()
                ] not in "，,":
                    phrase_only[q_end] = ph_end  # (对0至6周岁残疾儿童实施…: its own phrase's)
                elif re.match(r"\s*的?部分", masked[q_end:ph_end]):
                    phrase_only[q_end] = ph_end  # (100万元以下部分按1.5%: its own band's rate)
                elif after := DONE_AWAY_AFTER.match(masked, q_end):
                    # (完成10蒸吨以下燃煤锅炉淘汰任务: the things, the verb after them)
                    # (not by when, nor the modal word: …燃煤锅炉应当予以淘汰)
                    words = text[q_start : after.end("things")].strip()
                    # (…燃煤锅炉全部淘汰, …锅炉完成超低排放改造: the things, not how it is done)
                    words = HOW_DONE_AWAY.sub("", words) or words
                    phrase_only[q_end] = ph_end
                if comparator == "range":  # (年满60周岁至79周岁的: both bounds)
                    # (1万吨（含）至5万吨（不含）: each bound as its marker says)
                    ends = band_ends(masked, ph_start, q_start, q)
                    when = Applicability(words, "range", None, q.unit, q.per, q.low, q.high, *ends)
                    qualifiers.append((q_end, when))
                else:
                    # (3年内完不成的: longer; …，逾期3个月未缴纳的: that long or more)
                    comparator = counted(comparator, masked, ph_start, q_start, q_end)
                    if comparator in (None, "==") and a_price_for_it(masked, q_end, ph_end):
                        comparator = "<="  # (起步价为3公里10元, 首2小时5元: for up to it)
                    # (…，年综合能源消费量5000吨标准煤以上的，由…: a rate as written, else the
                    # period its phrase names, 年)
                    when = Applicability(words, comparator or "==", value, q.unit, q.per or per)
                    qualifiers.append((q_end, with_its_floor(masked, ph_start, q_start, when)))
                continue
            change = A_CHANGE.search(masked, max(ph_start, q_start - 48), q_start)
            # (增长7%左右: about that much, no floor)
            about = masked[q_end : q_end + 2] == "左右"
            if comparator is None and change and not (change["to"] or change["to2"] or about):
                # 较2015年下降18%, 重污染天数减少25%: a change by at least that much (提高到35%:
                # to a level, as written; 偏远乡镇可增加20%, 可上浮30%: allowed, by that much at
                # most; 保证金上浮50%: a change fixed)
                if PERMISSION.search(masked, ph_start, q_end) or change["band"]:
                    comparator = "<="  # (上下浮动10%: a band around a price, that far at most)
                elif not change["fixed"] and not (q.unit == "元" and per) and not stepped:
                    # (每人每月增加150元: an amount added, as written; 每满2年增加1天: by so
                    # much a step, fixed)
                    comparator = ">="
            flags = []
            if comparator is None and kind == "retention":
                # 保存至有效期满后2年: kept at least until then; 检测报告保存3年: at least that
                # long, kept longer it still complies
                comparator = ">="
            elif (
                comparator is None
                and (q.unit in TIME_UNITS or q.unit == "age_year")
                and (ext := EXTENDED.search(before[-8:]))
                and (not ext.group("to") or q.unit == "age_year")
            ):
                # 可以延长10个工作日: extended by that much at most; 仍在校就读的，可延长至22周岁:
                # paid up to that age
                comparator = "<="
            elif (
                comparator is None
                and (q.unit in TIME_UNITS or q.unit == "age_year")
                and re.search(r"放宽(?:至|到)\s*$", before[-8:])
            ):
                comparator = "<="  # 特别优秀的可放宽至50周岁: a limit relaxed, still one
            if comparator is None:
                comparator = "=="
                flags.append("assumed_equal")
            if comparator == "range":  # (-18℃（含）至-15℃（不含）: an end left out)
                flags += ["low_exclusive"] * (not q.low_inclusive)
                flags += ["high_exclusive"] * (not q.high_inclusive)
            # the span starts at its phrase, or after the previous quantity in the same phrase
            span_from = max(ph_start, prev_end if prev_end <= q_start else ph_start)
            if masked[ph_start - 1 : ph_start] == "\t" and not _WORDS.search(
                masked, ph_start, comp_pos if comp_before else q_start
            ):
                # a table's cell of its number only (职业培训人数\t≥5000人, 储煤场面积\t不低于
                # 500平方米): from the cell before it, the name of what is measured
                span_from = max(s_start, masked.rfind("\t", s_start, ph_start - 1) + 1)
            # a deadline's words reach to what is to be done by then (15个工作日内向…投诉)
            # (and the ones that only then may: 硫分低于0.5%的煤炭方可销售)
            only_then = ONLY_THEN.match(masked, q_end) is not None
            # (限期一个月整改: what is to be done in the time allowed)
            allowed = kind == "deadline" and re.search(
                r"限期\s*\S{0,2}\s*$", masked[ph_start:q_start]
            )
            long = (kind == "deadline" and q.after) or every or only_then or banned or allowed
            # (提前48小时通知用户: what is to be done that long before)
            long = long or round_the_clock or (comp_word or "").startswith("提前") or debarred
            long = long or (ahead and kind == "duration")  # (在举行7日前通知当事人: what, too)
            span_to = ph_end if long else q_end
            item_end = AN_ITEM_S_VERB.match(masked, q_end, ph_end)
            if not long and item_end is not None and not item_end.group().endswith("的"):
                # (工地周边100%围挡、物料堆放100%覆盖: each item of the list, its verb after its
                # number, from the 、 before it to the 、 after it)
                span_to = item_end.end()
            mark = masked.rfind("、", span_from, q_start) if span_from > ph_start else -1
            if mark >= 0:
                # (…100%冲洗、施工现场地面100%硬化; 配备2名专任教师、1名保育员: the item after
                # the list's mark, not the words of the one before it)
                span_from = mark + 1
            elif (
                span_from > ph_start
                and q.unit in COUNTED
                and (joint := _JOINED_COUNT.search(masked, span_from, q_end))
                and joint.end() == q_start
            ):
                span_from = q_start  # (配备2名专任教师和1名保育员: the same, after 和)
            if long and kind in ("deadline", "duration"):
                # (市区30分钟内、其他地区1小时内到达现场: each time limit to the 、 before the next)
                nxt = next((n for n in next_q if s_start + n.start < ph_end), None)
                cut = masked.rfind("、", q_end, s_start + nxt.start) if nxt is not None else -1
                if nxt is not None and nxt.unit in TIME_UNITS and cut >= 0:
                    span_to = cut
            # (2名专任教师和1名保育员: what the first counts, up to the next count's 和; near the
            # number only: a long list's phrase is never scanned again per number)
            counts = ""
            if q.unit in COUNTED:
                joint = _JOINED_COUNT.search(following, 0, 24)
                counts = following[: joint.start()] if joint else following
            if span_to == q_end and counts and WHAT_IS_COUNTED.fullmatch(counts):
                span_to = q_end + len(counts)  # 有不少于2名专职安全管理人员: what the number counts
            if (
                span_to == q_end
                and q.unit == "%"
                and A_SHARE_OF_WHAT.fullmatch(masked, q_end, ph_end)
            ):
                span_to = ph_end  # (全县80%以上的行政村完成…试点: the share of which ones do what)
            span, span_start = source_span(text, span_from, span_to)
            prev_end = q_end
            # (the words right before it only: a long list of numbers reads each once)
            each = EACH_OF.search(masked, max(ph_start, q_start - 64), q_start)
            each = each if q.unit == "次" else None
            if each is not None and value is not None and per is not None:
                # 每日上午、下午各记录一次; 每年4月、10月各开展一次: once for each, twice a period
                value *= len(re.findall(r"、|和|及", each.group(1))) + 1
            if about or masked[max(0, q_start - 2) : q_start] == "大约":
                flags.append("approximate")
            own = modality_of(phrase)
            if (
                own is None
                and modality in _NOT_BINDING
                and (modality == "permission" or said is None or s_start + said.start() < q_start)
                # (原则上给予1次性救助，…，有特殊情况的不超过2次: a case of its own after it)
                and not (
                    modality == "default"
                    and said
                    and a_case_in(masked[s_start + said.end() : q_start])
                )
            ):
                # (…不少于500个，原则上每月举办1场: 原则上 softens what follows it, not the
                # number before it; 每300户至少设置1处，服务半径宜为100米: nor does 宜)
                own = modality
            if (
                modality == "permission"
                and not PERMISSION.search(phrase)
                and not phrase.rstrip(" ，,").endswith("的")
            ):
                # 企业可…延长作业时间，但每日作业时间最长不超过10小时: the permission is of
                # another act; the limit binds whoever uses it (…年满55周岁的，可…: the ones
                # the permission is for keep it)
                own = modality_of(phrase)
            elif re.match(r"\s*(?:但|但是|且)\s*[，,]?\s*(?:不得|不应|必须|应当?|严禁)", phrase):
                # …一般不低于1000平方米，…可适当放宽，但不得低于800平方米: the floor after 但
                # binds, whatever the sentence opened with
                own = modality_of(phrase)
            elif own is None and modality and re.match(r"\s*(?:并且?|且|同时)(?!不)", phrase):
                # (…，应当立即停止作业，并于24小时内…报告: a duty joined to the one before, its
                # modal word the sentence's)
                own = modality
            elif (mine := modality_of(phrase)) is not None and modality != "permission":
                # 每天…不宜超过8小时，每周…不得超过44小时: each limit as binding as its own word
                own = mine
            reqs.append(
                Requirement(
                    modality=own,
                    kind=kind,
                    comparator=comparator,
                    value=value if comparator != "range" else None,
                    low=low,
                    high=high,
                    unit=q.unit or None,
                    per=per,
                    per_count=per_count,
                    span=span,
                    start=span_start,
                    trigger=trigger,
                    flags=joined(flags, span_start, span_start + len(span), join_offsets),
                )
            )
            found = True
            if (class_at := a_class_after(masked, q_end)) is not None:
                qualifiers.append((q_start, Applicability(text[class_at[0] : class_at[1]])))
                phrase_only[q_start] = class_at[1]  # (90%（大型）、85%（中型）: each its own)
                classes.add(q_start)
        per_batch = re.search(r"每批次?", sentence)
        if per_batch and not any(r.per == "batch" for r in reqs if s_start <= r.start < s_end):
            b_start = s_start + per_batch.start()
            _, ph_end = phrase_bounds(masked, s_start, s_end, b_start)
            reqs.append(
                without_number(
                    text,
                    b_start,
                    ph_end,
                    modality=modality,
                    kind="frequency",
                    join_offsets=join_offsets,
                    per="batch",
                )
            )
            found = True
        # (its numbering token first: 第二十七条 单位对…，未在规定期限内整改的，由…处罚)
        token = LEAD_TOKEN.match(masked, s_start, s_end)
        o_start = token.end() if token is not None and token.end() < s_end else s_start
        opening = condition_of(masked[o_start:s_end])
        taken = [(r.start, end_of(r), r.value is not None and by_a_time(r)) for r in reqs[first:]]
        duties, extend = duty_spans(
            masked,
            s_start,
            s_end,
            taken,
            o_start + opening.end if opening else s_start,
            # (an opening condition at its start skips its numbering token too)
            o_start + opening.start if opening and opening.start else -1,
            headed=section is not None and numbered,
        )
        for k, end in extend.items():
            r = reqs[first + k]
            span, _at = source_span(text, r.start, end)
            # (…签订后5个工作日内，采购人应将…报…备案: the modal word of what is to be done)
            reqs[first + k] = replace(r, span=span, modality=r.modality or modality_of(span))
        for d_start, d_end in duties:
            # its own modal word; none when it names a party of its own (采购办负责监督)
            own = modality_of(masked[d_start:d_end])
            if (
                own is None
                and party_first(masked[d_start:d_end].lstrip("由")) is None
                and said is not None
                and s_start + said.start() < d_start
            ):
                # (应当登记…，建立台账，督促整改: the modal word scopes over what follows it, not
                # over what came before it: 责令限期改正，可以处1万元以下罚款)
                own = modality
            reqs.append(presence(text, masked, d_start, d_end, own, join_offsets, whole=True))
        if duties or not no_duties(masked, s_start, s_end):
            found = (
                read_promptly(text, masked, s_start, s_end, reqs, first, modality, join_offsets)
                or found
            )
        if modality and not found and not duties and not no_duties(masked, s_start, s_end):
            # (凡进入施工现场的人员，一律佩戴安全帽: the duty after the condition it opens with)
            after = (
                o_start + opening.end + 1
                if opening and o_start + opening.end + 1 < s_end
                else s_start
            )
            fallback = presence(text, masked, after, s_end, modality, join_offsets)
            # (全区各级要以先进为榜样: no duty; 各部门要按照职责分工，密切配合…: words leading
            # into attitudes only, none either)
            rest = [
                masked[s_start + a : s_start + b]
                for a, b in phrases(masked[s_start:s_end])
                if s_start + a >= end_of(fallback) and masked[s_start + a : s_start + b].strip()
            ]
            attitudes_only = bool(rest) and all(EXHORTATION.search(w) for w in rest)
            if (
                not EXHORTATION.search(fallback.span)
                and not (leads_on(fallback.span) and attitudes_only)
                and not HOW_MANY_NEED.match(fallback.span)  # (其中需配套…的892家: a count)
            ):
                reqs.append(fallback)
        # the sentence without its numbering token (（二）, 第三条: never part of a subject)
        lead = LEAD_TOKEN.match(text, s_start, s_end)
        b_start = lead.end() if lead is not None and lead.end() < s_end else s_start
        condition = condition_of(masked[b_start:s_end])
        # a sentence that opens with its modal word (要对…审核, 同时，应建立…) leaves out who
        # acts: the one the sentence before named
        elided = leaves_out_who(masked, b_start, s_end, condition, carry)
        # (已核准的项目，必须…: the things it names are what the duty is of, no one left out)
        # (对…的其他人员，…可以直接进行行政处分: the ones dealt with, by the party before)
        things = (
            condition is not None
            and re.search(r"的[^的]+$", condition.text) is not None
            and not condition.text.startswith(("对", "针对"))
        )
        carry = carry if elided and not things and not answered else None
        attributed = attribute(text, masked, b_start, s_end, reqs[first:], condition, carry)
        if (
            not attributed
            and modality
            and condition
            and b_start + condition.end < s_end
            and not no_duties(masked, s_start, s_end)  # (经测算，…需…: a report, no duty)
        ):
            # all it said was inside the condition: what remains is a duty with no number
            rest = presence(text, masked, b_start + condition.end, s_end, modality, join_offsets)
            attributed = attribute(text, masked, b_start, s_end, [rest], condition, carry)
        # (a class's bound first: the nearer says which ones it is for; sorted once a sentence)
        ordered = sorted(qualifiers, key=lambda ea: ea[0] not in classes) if classes else qualifiers
        # (those read before a duty's end whose reach, their phrase's end or the sentence's, is
        # past its start: by bisect, not a pass over all of them per duty of a long list)
        reaching = SpanIndex([(e, phrase_only.get(e, s_end + 1), False) for e, _ in ordered])
        attributed = [
            replace(
                r,
                applies_when=which_ones(
                    [
                        ordered[k][1]
                        # (…医院应当设立…，床位总数在100张以下的医院应当…: the one read inside a
                        # duty's own words before any read before them)
                        for k in sorted(
                            reaching.overlapping(r.start, end_of(r)),
                            key=lambda k, r=r: ordered[k][0] <= r.start,
                        )
                        # (the sentence's opening condition is its first duty's only: GUIDE 3;
                        # a duty whose words hold it, 不足500人的学校至少配备…, keeps it)
                        if not (
                            condition is not None
                            and ordered[k][0] <= b_start + condition.end <= r.start
                        )
                        # (…二级以上医院应当…，其他医疗机构应当…: the others are not the ones a
                        # number before picked out; 除…外，其余人员…: an exception turned round is
                        # theirs)
                        and not (
                            ordered[k][0] <= r.start
                            and masked.startswith(_OTHERS, r.start)
                            and ordered[k][0] not in turned
                        )
                    ]
                ),
            )
            if r.applies_when is None and qualifiers
            else case_goes_on(text, r, qualifiers)
            for r in attributed
        ]
        if (plain := plain_exception(text, masked, s_start, s_end)) is not None:
            exceptions.append(plain)  # (…禁止燃放烟花爆竹，但春节期间除外: no number)
        attributed = with_exceptions(attributed, exceptions)
        named = [(r.subject, r.subject_kind) for r in attributed if r.subject]
        # (各乡镇人民政府是…的责任主体。要组织…: a sentence with no row still names who acts)
        carry = named[-1] if named else None if attributed else party_first(text[b_start:s_end])
        if section is not None:  # no party of its own: the heading's (GUIDE 1.1, 2)
            # (（一）燃气经营企业。重点检查…, 依法予以取缔: what is done to the heading's
            # inspected party by someone not named; an authority's heading inspects)
            attributed = [
                r
                if r.subject or (section[1] == "regulated" and DONE_TO_THEM.match(r.span))
                else replace(r, subject=section[0], subject_kind=section[1])
                for r in attributed
            ]
        reqs[first:] = [
            periodic(r)
            for r in with_due(
                text,
                masked,
                s_start,
                s_end,
                settled(attributed),
                modality,
                join_offsets,
            )
            if not an_aim(r)
        ]
        if first and reqs[first:] and after_semicolon:
            # (城市低保标准每人每月不低于800元；农村不低于600元: a list goes on after its ；)
            reqs[first - 1 : first + 1] = settled_on(reqs[first - 1 : first + 1])
    reqs.sort(key=lambda r: r.start)
    return answered_for(reqs, units)


#: The modality a sentence's numbers share when their own phrase states none: what it allows,
#: encourages or softens (可, 鼓励, 原则上…) holds for all of it; a binding word binds its own
#: phrase (储煤厂房要全封闭建设，…，建设面积不低于500平方米: the area's phrase says none).
_NOT_BINDING = ("permission", "advisory", "default")
