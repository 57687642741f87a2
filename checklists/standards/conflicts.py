"""Conflicts inside one document: the same subject stated with contradicting values or units
across its clauses (20% in one article, 30‰ in another). Pure module (standard library only).
"""

from __future__ import annotations

import re

from checklists.standards.requirements import Conflict, Requirement

_SUBJECT_NOISE = re.compile(r"^(确保|要|应当?|必须|须|并|全年|使|保证|实现|做到|力争|控制|其中)+")


def _subject(r: Requirement) -> str:
    """The words before the comparator or number: what the threshold is about."""
    span = re.sub(r"\s+", "", r.span)
    m = re.search(
        r"(不低于|不少于|至少|最少|不超过|不高于|最多|最高|控制在|超过|大于|低于|不足|达到|为|\d)",
        span,
    )
    head = span[: m.start()] if m else span
    return _SUBJECT_NOISE.sub("", head)


def _shared(a: str, b: str, minimum: int = 4) -> str:
    """Longest common substring of a and b when at least ``minimum`` characters long."""
    best = ""
    for i in range(len(a)):
        for j in range(i + minimum, len(a) + 1):
            if a[i:j] in b:
                if j - i > len(best):
                    best = a[i:j]
            else:
                break
    return best


def find_conflicts(items: list[tuple[str, list[Requirement]]]) -> list[Conflict]:
    """Same subject stated with contradicting unit or value across one document's clauses.

    ``items`` are ``(clause key, requirements)``. Returns one ``Conflict`` per contradicting
    pair group; call ``mark_conflicts`` to get the requirements flagged ``source_conflict``.
    """
    flat = [
        (key, i, r, _subject(r))
        for key, reqs in items
        for i, r in enumerate(reqs)
        if r.value is not None
        and r.unit
        and r.kind in ("ratio", "measure", "money", "count", "cap")
    ]
    conflicts: list[Conflict] = []
    seen: set[tuple[tuple[str, int], ...]] = set()
    for a in range(len(flat)):
        ka, ia, ra, sa = flat[a]
        group = [(ka, ia)]
        reason = ""
        subject = ""
        for b in range(a + 1, len(flat)):
            kb, ib, rb, sb = flat[b]
            shared = _shared(sa, sb)
            if not shared:
                continue
            if ra.unit != rb.unit and {ra.unit, rb.unit} <= {"%", "‰"}:
                reason = f"{ra.value}{ra.unit} ≠ {rb.value}{rb.unit}"
            elif (
                ra.unit == rb.unit
                and ra.comparator == rb.comparator
                and ra.value != rb.value
                and ka != kb
                and sa == sb
                and len(sa) >= 4
            ):
                reason = f"{ra.value} ≠ {rb.value} {ra.unit}"
            else:
                continue
            subject = subject or shared
            group.append((kb, ib))
        members = tuple(group)
        if len(members) > 1 and members not in seen:
            seen.add(members)
            conflicts.append(Conflict(subject, members, reason))
    return conflicts


def mark_conflicts(
    items: list[tuple[str, list[Requirement]]],
) -> list[tuple[str, list[Requirement]]]:
    """The same items with every requirement in a conflict flagged ``source_conflict``."""
    hit = {m for c in find_conflicts(items) for m in c.members}
    out = []
    for key, reqs in items:
        new = []
        for i, r in enumerate(reqs):
            if (key, i) in hit and "source_conflict" not in r.flags:
                r = Requirement(**{**r.__dict__, "flags": r.flags + ("source_conflict",)})
            new.append(r)
        out.append((key, new))
    return out
