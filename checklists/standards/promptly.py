"""Duties to be done promptly with no time stated (及时, 立即, 第一时间): read apart from the
numbers, as a flag on the duty they are part of or as a duty of their own. Pure module
(standard library only); ``extraction`` asks it once per sentence."""

from __future__ import annotations

import re
from dataclasses import replace

from checklists.standards.duties import in_purpose, leads_on
from checklists.standards.modality import VAGUE, presence_kind
from checklists.standards.phrase_conditions import phrase_condition
from checklists.standards.picking import end_of, phrase_bounds, source_span, without_number
from checklists.standards.requirements import Requirement


def read_promptly(
    text: str,
    masked: str,
    s_start: int,
    s_end: int,
    reqs: list[Requirement],
    first: int,
    modality: str | None,
    join_offsets: tuple[int, ...],
) -> bool:
    """Flag the sentence's duties (``reqs[first:]``) that are to be done promptly, or add
    those duties where no row holds them; whether one was added."""
    found = False
    for m in VAGUE.finditer(masked, s_start, s_end):
        # 及时, 立即: no time stated, a flag on the duty it is part of (none in a report:
        # 各地高度重视，及时研究部署，取得了阶段性成效)
        v_start = m.start()
        at = next((k for k, r in enumerate(reqs[first:]) if r.start <= v_start < end_of(r)), None)
        if at is not None:
            r = reqs[first + at]
            head = re.search(r"[，,]\s*(?:并且?|同时)?\s*$", masked[r.start : v_start])
            if head is not None:
                words = masked[r.start : r.start + head.start()].strip()
                last = re.split(r"[，,]", words)[-1].strip()  # (对…，经…备案后，及时…)
                if (
                    phrase_condition(words) == len(words)
                    or phrase_condition(last) == len(last)
                    or leads_on(words)
                ):
                    head = None  # 对不达标的洁净煤，及时…: a condition, not a duty before
            if head is not None and r.value is None and r.low is None:
                # 代理公司要做好复核，及时发现…: the duty, then a second one due promptly
                keep, keep_start = source_span(text, r.start, r.start + head.start())
                due, due_start = source_span(text, r.start + head.end(), end_of(r))
                reqs[first + at] = replace(r, span=keep, start=keep_start)
                reqs.insert(
                    first + at + 1,
                    replace(
                        r,
                        kind=presence_kind(due),
                        span=due,
                        start=due_start,
                        flags=tuple(dict.fromkeys((*r.flags, "vague_deadline"))),
                    ),
                )
                continue
            if r.value is None and r.low is None and r.kind not in ("frequency", "deadline"):
                # a duty to be done promptly, no time stated: what it asks, flagged (the
                # labellers read 及时公开… as a duty, not a deadline)
                flags = (*r.flags, "vague_deadline")
                reqs[first + at] = replace(r, flags=tuple(dict.fromkeys(flags)))
            continue
        v_phrase, ph_end = phrase_bounds(masked, s_start, s_end, v_start)
        if masked[v_phrase:ph_end].rstrip().endswith("的"):
            continue  # 不能立即消除的，…: which ones the duty after it is for, no duty
        if in_purpose(masked, s_start, v_start):
            continue  # …，以便纳入…，通过…及时向社会公开: why the duty before is done
        ones = masked[v_phrase:v_start].strip()
        if ones and phrase_condition(ones) == len(ones):
            v_start = v_phrase  # 对不在岗的及时清退: the ones it is for, its condition
        reqs.append(
            without_number(
                text,
                v_start,
                ph_end,
                modality=modality,
                kind=presence_kind(masked[v_start:ph_end]),
                join_offsets=join_offsets,
                flags=("vague_deadline",),
            )
        )
        found = True
    return found
