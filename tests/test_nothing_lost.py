"""Nothing of a gazette is lost in reading it (the reading issue's structure part): every
non-blank line of each bundled gazette, as published and with its Markdown taken off, is read
into exactly one document or one named skip (cover, contents, speech, news, page furniture);
every line a document holds is in one of its clauses, or is its header or its signature."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from checklists.standards.lines import _nfkc_compact
from checklists.standards.parsing import parse_gazette

DATA = Path(__file__).parent / "data"
GAZETTES = sorted(DATA.glob("*.txt"))
_MARK = re.compile(r"[（(]\s*(?:上接|下转)第?\s*\d+\s*页\s*[）)]")
#: A signature: the issuing body's name alone on its line, who signs an order (市长 某某), or
#: the date of signature.
_SIGNATURE = re.compile(
    r"^(?:\S{2,20}(?:人民政府|办公室|办公厅|局|委员会|厅|委)|(?:代理)?(?:省|市|州|县|区)长\S{2,4}|"
    r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)$"
)


def _plain(text: str) -> str:
    """The gazette as plain text: headings, bullets and bold taken off (no markup at all)."""
    out = []
    for line in text.splitlines():
        line = re.sub(r"^\s*#+\s*", "", line)
        line = re.sub(r"^\s*[-*+]\s+", "", line)
        out.append(line.replace("**", "").replace("__", ""))
    return "\n".join(out)


def _words(line: str) -> str:
    """A line's words as a clause holds them: no markup (a table row's pipes included), no
    上接/下转 marks, no whitespace."""
    return _nfkc_compact(_MARK.sub("", _plain(line)).replace("|", ""))


def _blank(line: str) -> bool:
    return not re.sub(r"[\s#*_\-|=]", "", line)


@pytest.mark.parametrize("plain", [False, True], ids=["as_published", "plain_text"])
@pytest.mark.parametrize("path", GAZETTES, ids=[p.stem for p in GAZETTES])
def test_every_line_is_read_into_exactly_one_document_or_skip(path, plain):
    text = path.read_text("utf-8")
    if plain:
        text = _plain(text)
    result = parse_gazette(text)
    owners: dict[int, list[str]] = defaultdict(list)
    for doc in result.documents:
        for no in doc.source_lines:
            owners[no].append(f"{doc.number} {doc.title}")
    for skip in result.skipped:
        assert skip.reason, skip.title
        for no in skip.lines:
            owners[no].append(f"{skip.reason}: {skip.title}")
    lines = text.split("\n")
    wrong = {
        no: owners[no]
        for no, line in enumerate(lines, 1)
        if not _blank(line) and len(owners[no]) != 1
    }
    assert wrong == {}, "lines read into no part or into several: " + repr(
        {no: (lines[no - 1][:40], who) for no, who in list(wrong.items())[:10]}
    )


@pytest.mark.parametrize("plain", [False, True], ids=["as_published", "plain_text"])
@pytest.mark.parametrize("path", GAZETTES, ids=[p.stem for p in GAZETTES])
def test_a_documents_lines_are_in_its_clauses_header_or_signature(path, plain):
    text = path.read_text("utf-8")
    if plain:
        text = _plain(text)
    lines = text.split("\n")
    result = parse_gazette(text)
    assert result.documents
    outside = []
    for doc in result.documents:
        clauses = "\n".join(_nfkc_compact(c.text) for c in doc.clauses)
        for no in doc.source_lines:
            words = _words(lines[no - 1])
            if not words or words in clauses or no in doc.header_lines:
                continue
            # (a line laid out in two columns: each column's words in a clause)
            columns = [_words(part) for part in re.split(r"\s{4,}", lines[no - 1].strip())]
            if len(columns) > 1 and all(c in clauses for c in columns if c):
                continue
            if _SIGNATURE.match(words):
                continue
            outside.append((doc.number, no, lines[no - 1][:50]))
    assert outside == []


def test_page_furniture_is_a_named_skip():
    """A running header and a page number between two pages of one article: the article reads
    on, and the two lines are accounted for as page furniture, not lost."""
    text = "\n".join(
        [
            "示例县人民政府公报",
            "",
            "示例县人民政府文件",
            "示政发〔2026〕3号",
            "示例县人民政府",
            "关于加强煤炭经营管理的通知",
            "各乡镇人民政府：",
            "一、配送中心应当建立进销台账，",
            "",
            "— 12 —",
            "",
            *[""] * 40,
            "示例县人民政府公报",
            "",
            "台账保存期限不少于两年。",
            "示例县人民政府",
            "2026年3月1日",
        ]
    )
    result = parse_gazette(text)
    (doc,) = result.documents
    assert any("台账保存期限不少于两年" in c.text and "进销台账" in c.text for c in doc.clauses)
    lines = text.split("\n")
    page_no = lines.index("— 12 —") + 1
    running_header = len(lines) - lines[::-1].index("示例县人民政府公报")
    furniture = [s for s in result.skipped if s.reason == "版面"]
    assert [s.lines for s in furniture] == [(page_no, running_header)]
