"""Cross-page continuations: a document's text that runs on elsewhere in the gazette, marked
(（下转第N页）…（上接第N页）) or not (its articles resume after another document), sent back to
the document it continues. Pure module (standard library only), a pass of ``parsing``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checklists.standards.lines import (
    _CLOSING,
    _CONT_START,
    _DOWN_MARK,
    _heading_like,
    _is_date_line,
    _is_issuer,
    _Line,
    _token,
)


@dataclass
class _Header:
    """A document's header lines, found by ``parsing``: where they are and what they say."""

    start: int  # index of the first header line (banner or title)
    end: int  # index of the last header line
    number: str | None
    title: str
    issuer: str | None
    number_line: int


@dataclass
class _Section:
    start: int
    end: int  # exclusive
    header: _Header | None = None
    skip_title: str = ""
    skip_reason: str = ""
    lines: list[int] = field(default_factory=list)  # indices of body lines (after re-homing)
    toc_page: int | None = None


# ---------------------------------------------------------------------------------------------
# Pass 3: cross-page continuations
# ---------------------------------------------------------------------------------------------


def _last_text(lines: list[_Line], idx: list[int]) -> str:
    for j in reversed(idx):
        if lines[j].text and not lines[j].table:
            return lines[j].text
    return ""


def _rehome(lines: list[_Line], sections: list[_Section]) -> None:
    """Move every ``(上接第N页)`` block back to the document it continues."""
    docs = [s for s in sections if s.header is not None]
    paged = sorted((s for s in docs if s.toc_page is not None), key=lambda s: s.toc_page or 0)
    moved: set[int] = set()
    fed: set[int] = set()  # the documents a 下转 of which has had its block
    for host in docs:
        pos = 0
        while pos < len(host.lines):
            m = _CONT_START.match(lines[host.lines[pos]].text)
            if not m or host.lines[pos] in moved:
                pos += 1
                continue
            # (上接第1页 …, 上接第2页 …: each block to the next mark, each to its own document)
            end = next(
                (
                    p
                    for p in range(pos + 1, len(host.lines))
                    if _CONT_START.match(lines[host.lines[p]].text)
                ),
                len(host.lines),
            )
            block = host.lines[pos:end]
            target = _continuation_target(lines, host, int(m.group(1)), paged, docs, fed)
            if target is None:
                pos += 1
                continue
            host.lines = host.lines[:pos] + host.lines[end:]
            moved.update(block)
            fed.add(id(target))
            _insert_block(lines, target, block)


def _continuation_target(
    lines: list[_Line],
    host: _Section,
    page: int,
    paged: list[_Section],
    docs: list[_Section],
    fed: set[int] = frozenset(),  # type: ignore[assignment]
) -> _Section | None:
    """The document printed on ``page``: by TOC start pages, else by a dangling 下转 (one not
    yet given its block, in order), else by an unfinished end."""
    best = None
    for s in paged:
        if (s.toc_page or 0) <= page:
            best = s
    if best is not None and best is not host:
        return best
    for s in docs:
        if (
            s is not host
            and id(s) not in fed
            and any(_DOWN_MARK.search(lines[j].text) for j in s.lines[-3:])
        ):
            return s
    earlier = [s for s in docs if s.start < host.start]
    for s in reversed(earlier):
        tail = _last_text(lines, s.lines)
        if tail and tail[-1] not in _CLOSING:
            return s
    return None


def _rehome_unmarked(lines: list[_Line], sections: list[_Section]) -> None:
    """Send home a document's text resuming after another document with no 上接/下转 mark.

    What follows a document's signature date is its own annex or issued instrument, or, when
    the layout put it there, the rest of an earlier document. It is the earlier one's when it
    continues that one's numbering (第八条 there, 第九条 here: an instrument of its own would
    start at one) or its last sentence (the earlier text stops mid-sentence, this one does not
    start a heading or numbered paragraph).
    """
    docs = [s for s in sections if s.header is not None]
    for k in range(1, len(docs)):
        host = docs[k]
        texts = [(pos, j) for pos, j in enumerate(host.lines) if not lines[j].table]
        dates = [pos for pos, j in texts if _is_date_line(lines[j].text)]
        if not dates or dates[-1] == len(host.lines) - 1:
            continue
        cut = dates[-1] + 1
        first = lines[host.lines[cut]].text
        for earlier in reversed(docs[:k]):
            if _resumes(lines, earlier, host.lines[:cut], first):
                block = host.lines[cut:]
                host.lines = host.lines[:cut]
                earlier.lines.extend(block)
                break
        else:
            _articles_resume(lines, host, cut, docs[:k])


def _articles_resume(lines: list[_Line], host: _Section, cut: int, earlier: list[_Section]) -> None:
    """Articles that carry on an earlier document's (第二条 there; 第三条 here, after the host's
    signature and the instrument it issues, numbered 一、（一）): that document's, from there on."""
    # (read once: whether the host has articles of its own before each line)
    if any((t := _token(lines[j].text)) and t.kind == "article" for j in host.lines[:cut]):
        return
    for pos in range(cut, len(host.lines)):
        tok = _token(lines[host.lines[pos]].text)
        if tok is None or tok.kind != "article":
            continue
        if (tok.value or 0) < 2:
            return  # the host has articles of its own (its 第一条)
        for doc in reversed(earlier):
            theirs = [t for j in doc.lines if (t := _token(lines[j].text)) and t.kind == "article"]
            if theirs and theirs[-1].value == tok.value - 1:
                doc.lines.extend(host.lines[pos:])
                host.lines = host.lines[:pos]
                return
        return


def _resumes(lines: list[_Line], earlier: _Section, host_own: list[int], first: str) -> bool:
    """``first`` (the line after a signature) carries on ``earlier``'s numbering or sentence."""
    tok = _token(first)
    if tok is not None:
        if not tok.value or tok.value < 2:
            return False
        mine = [t for j in host_own if (t := _token(lines[j].text)) and t.kind == tok.kind]
        if any(t.value == tok.value - 1 for t in mine):
            return False  # the host's own numbering goes on
        theirs = [t for j in earlier.lines if (t := _token(lines[j].text)) and t.kind == tok.kind]
        return bool(theirs) and theirs[-1].value == tok.value - 1
    tail = _last_text(lines, earlier.lines)
    return bool(
        tail
        and tail[-1] not in _CLOSING
        and not _is_date_line(tail)
        and not _is_issuer(tail)
        and not _heading_like(tail)
        # a sentence running on, not a title (an issued instrument's name has no punctuation)
        and re.search(r"[，,。；;、]", first) is not None
        and not first.startswith("附件")
    )


def _insert_block(lines: list[_Line], target: _Section, block: list[int]) -> None:
    """Insert right after the target's 下转 marker if it has one, else at its end."""
    for pos, j in enumerate(target.lines):
        if _DOWN_MARK.search(lines[j].text):
            target.lines[pos + 1 : pos + 1] = block
            return
    target.lines.extend(block)
