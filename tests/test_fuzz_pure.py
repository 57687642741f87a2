"""The pure modules fuzzed (issue 22), as properties (hypothesis): the gazette parser, the
requirement extractor and the scoring engine take any text (control characters, NUL, lone
surrogates, huge numbers, full-width digits, mixed CJK) without crashing, and what can be
written and read back reads back the same: a clause tree rendered as a gazette parses to the
same clauses (hard-wrapped too); a number reads the same in Arabic, full-width and Chinese
numerals; an answer's number, a fraction's text and a scored inspection's JSON read back as
they were.

Bounded and deterministic: every property runs a fixed number of examples from a fixed seed
(``derandomize``), a few seconds each. No database: these run once, in the SQLite suite.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from datetime import date
from decimal import Decimal
from fractions import Fraction

import cn2an
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checklists.scoring import (
    RESULTS,
    Answer,
    AnswerError,
    ItemSpec,
    TemplateSpec,
    evaluate,
    format_decimal,
    format_fraction,
    parse_value,
    score,
)
from checklists.scoring.numbers import MAX_DIGITS
from checklists.standards.clause_tree import clause_text_hash
from checklists.standards.extraction import extract
from checklists.standards.lines import _cn_int, _nfkc_compact, _prepare
from checklists.standards.parsing import normalize_number, parse_gazette


def bounded(examples: int):
    """Settings of every property here: a fixed number of examples, the same ones every run,
    no deadline (a slow machine is no failure), no example database."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# --- what "any text" is drawn from ------------------------------------------------------------

#: The characters gazettes and answers are made of, and the ones that break careless code:
#: numbering and 文号 punctuation, Chinese and full-width numerals, units, Markdown, control
#: characters (NUL, vertical tab, form feed, the separators), the ideographic space.
_SPECIAL = list(
    "第条章节款项一二三四五六七八九十百千万亿零〇两（）()、．.:：；。，〔〕[]【】号年月日①②⑩⑳"
    "应当必须不得严禁每次以上以下不少于不超过万元吨米％%‰０１２３４５６７８９0123456789"
    "#*-|_\t \x00\x0b\x0c\x1b\r\u3000\u2028\u2029\u202e\ufeff\u00a0"
)
CHAR = st.one_of(
    st.characters(),  # any code point, lone surrogates included
    st.sampled_from(_SPECIAL),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # CJK ideographs
)
ANY_TEXT = st.text(CHAR, max_size=300)
#: A huge number, as digits (beyond 64 bits, beyond what ``int()`` reads from text).
HUGE = st.integers(20, 5000).map(lambda n: "9" * n)
#: Lines as a gazette has them: a numbering token and text, a header, page furniture, any text.
LINE = st.one_of(
    st.builds(
        str.__add__,
        st.sampled_from(
            [
                "第一条",
                "第十二条",
                "第三章",
                "一、",
                "十、",
                "（一）",
                "（十一）",
                "1.",
                "1、",
                "2.1",
                "(2)",
                "①",
                "⑳",
                "1）",
                "附件1",
                "附件：",
                "",
            ]
        ),  # fmt: skip
        st.text(CHAR, max_size=40),
    ),
    st.sampled_from(
        [
            "某县人民政府文件",
            "某政发〔2020〕1号",
            "关于加强安全管理的通知",
            "各乡镇：",
            "某县人民政府",
            "2020年3月1日",
            "目  录",
            "— 3 —",
            "（上接第3页）",
            "（下转第5页）",
            "# 标题",
            "**加粗**",
            "| a | b |",
            "a\tb\tc",
            "---",
        ]
    ),  # fmt: skip
    HUGE,
    st.text(CHAR, max_size=60),
)
GAZETTE = st.lists(LINE, max_size=40).map("\n".join)


# --- the parser -------------------------------------------------------------------------------


@bounded(400)
@given(GAZETTE)
def test_any_text_parses_and_every_line_is_read_once(text):
    """Whatever the text: keys unique, parents present, hashes and positions consistent, and
    every line with text read into exactly one document or one named skip."""
    result = parse_gazette(text)
    owners: dict[int, int] = {}
    for doc in result.documents:
        keys = [c.key for c in doc.clauses]
        assert len(keys) == len(set(keys))
        for clause in doc.clauses:
            assert clause.parent_key is None or clause.parent_key in keys
            assert clause.text_hash == clause_text_hash(clause.text)
        assert [c.position for c in doc.clauses] == list(range(len(doc.clauses)))
        for no in doc.source_lines:
            owners[no] = owners.get(no, 0) + 1
    for skip in result.skipped:
        assert skip.reason
        for no in skip.lines:
            owners[no] = owners.get(no, 0) + 1
    unread = {ln.no: ln.text for ln in _prepare(text) if ln.text and owners.get(ln.no) != 1}
    assert unread == {}


_WORDS = (
    "企业 应当 建立 台账 每月 检查 安全 管理 制度 落实 责任 报告 部门 加强 监督 不得 必须".split()
)
_SENTENCE = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12).map("".join)


def _tree(depth: int = 0):
    """Clauses three levels deep: 一、 (a heading) → （一） → 1． (sentences)."""
    if depth == 3:
        return st.just([])
    text = _SENTENCE if depth == 0 else _SENTENCE.map(lambda s: s + "。")
    return st.lists(st.tuples(text, _tree(depth + 1)), max_size=4 if depth == 0 else 3)


def _rendered(nodes, depth: int = 0) -> list[str]:
    """The clauses' lines in order, each with its numbering token."""
    lines = []
    for n, (text, children) in enumerate(nodes, 1):
        token = (f"{cn2an.an2cn(n)}、", f"（{cn2an.an2cn(n)}）", f"{n}．")[depth]
        lines += [token + text, *_rendered(children, depth + 1)]
    return lines


_HEADER = (
    "某县人民政府文件\n\n某政发〔2020〕1号\n\n某县人民政府关于加强安全管理的通知\n\n各乡镇：\n\n"
)


@bounded(150)
@given(_tree().filter(bool), st.integers(6, 60))
def test_a_clause_tree_written_out_parses_back_the_same(nodes, width):
    """A document's clauses written as a gazette parse to those clauses; the parsed document
    written out again (parse → render → parse) gives the same keys and texts, and so does the
    same text hard-wrapped at any width."""
    lines = _rendered(nodes)
    (doc,) = parse_gazette(
        _HEADER + "\n\n".join(lines) + "\n\n某县人民政府\n2020年3月1日\n"
    ).documents
    assert [c.text for c in doc.clauses if c.path] == lines

    header = f"{doc.issuer}文件\n\n{doc.number}\n\n{doc.issuer}{doc.title}\n\n"
    (again,) = parse_gazette(header + "\n\n".join(c.text for c in doc.clauses)).documents
    assert [(c.key, c.text) for c in again.clauses] == [(c.key, c.text) for c in doc.clauses]

    wrapped = "\n\n".join(
        "\n".join(c.text[i : i + width] for i in range(0, len(c.text), width)) for c in doc.clauses
    )
    (hard,) = parse_gazette(header + wrapped).documents
    assert [(c.key, _nfkc_compact(c.text)) for c in hard.clauses] == [
        (c.key, _nfkc_compact(c.text)) for c in doc.clauses
    ]


def _full_width(text: str) -> str:
    return text.translate({c: c + 0xFEE0 for c in range(ord("0"), ord("9") + 1)})


@bounded(300)
@given(st.integers(0, 10**12))
def test_a_numeral_reads_back_in_every_script(n):
    assert _cn_int(str(n)) == _cn_int(_full_width(str(n))) == _cn_int(cn2an.an2cn(n)) == n


@bounded(300)
@given(
    st.one_of(
        ANY_TEXT, HUGE, st.text(st.sampled_from("0123456789０１２３４５６７８９零一二十百千万亿"))
    )
)
def test_a_numeral_is_read_or_refused_never_raised(text):
    found = _cn_int(text)
    assert found is None or found >= 0


@bounded(300)
@given(ANY_TEXT)
def test_normalising_a_document_number_twice_changes_nothing(raw):
    once = normalize_number(raw)
    assert normalize_number(once) == once


# --- the extractor ----------------------------------------------------------------------------


#: In make test's two suites side by side, the longest of these pure tests run in the
#: PostgreSQL suite (``one_suite``): the SQLite suite runs every other pure test and is the
#: longer one. Run alone, they run.
_THE_OTHER_SUITE = pytest.mark.one_suite("postgresql")


@_THE_OTHER_SUITE
@bounded(400)
@given(st.one_of(ANY_TEXT, GAZETTE), st.lists(st.integers(-5, 400), max_size=4))
def test_any_text_extracts_and_every_span_is_the_texts_own(text, joins):
    for found in extract(text, tuple(joins)):
        assert 0 <= found.start <= len(text)
        assert text[found.start : found.start + len(found.span)] == found.span
        if found.comparator == "range":
            assert found.low is not None and found.high is not None and found.low <= found.high
        json.dumps(found.to_dict(), ensure_ascii=False)


#: Sentences with one number, and what that number must read as: (kind, comparator, unit, per,
#: the multiplier from the number as written to the value).
_NUMBERED = [
    ("企业应当每月至少检查{}次。", ("frequency", ">=", "次", "month", 1)),
    ("应当于{}个工作日内完成报告。", ("deadline", "<=", "working_day", None, 1)),
    ("处{}万元以下罚款。", ("money", "<=", "元", None, 10000)),
    ("仓库面积不少于{}平方米。", ("measure", ">=", "m²", None, 1)),
]


@_THE_OTHER_SUITE
@bounded(100)
@given(st.sampled_from(_NUMBERED), st.one_of(HUGE, st.integers(10**15, 10**40).map(str)))
def test_a_number_no_quantity_has_is_no_requirements_value(numbered, digits):
    """A number longer than a threshold can be (an account number) is read as none (its 万
    overflowed the decimal context: InvalidOperation, a failed import)."""
    template, _reading = numbered
    for written in (digits, _full_width(digits)):
        assert [r.value for r in extract(template.format(written))] in ([], [None])


@bounded(200)
@given(st.sampled_from(_NUMBERED), st.integers(1, 9999))
def test_a_number_reads_the_same_in_arabic_full_width_and_chinese_numerals(numbered, n):
    template, (kind, comparator, unit, per, multiplier) = numbered
    read = []
    for written in (str(n), _full_width(str(n)), cn2an.an2cn(n)):
        (found,) = [r for r in extract(template.format(written)) if r.value is not None]
        read.append((found.kind, found.comparator, found.value, found.unit, found.per))
    assert read[0] == read[1] == read[2] == (kind, comparator, n * multiplier, unit, per)


#: Sentences of every kind the reading tells apart: thresholds, deadlines as times and dates,
#: frequencies, conditions with numbers, who acts after a condition, tiers, reports.
_SPACED = [
    "储煤场地面积不低于500平方米。",
    "颗粒物排放浓度不高于10毫克/立方米。",
    "企业应当在5个工作日内上报。",
    "各地要于2019年4月底前完成摸底调查，5月底前完成整改。",
    "于次月5日前报送上月统计报表。",
    "每季度第一个月的20日前公布。",
    "企业应当限期1个月完成整改。",
    "每月抽查率不低于10%。",
    "检测频次每季度不少于1次。",
    "需要搬迁的企业3年内完不成的要做到近限远迁，明确规划和实施期限。",
    "对30日内未整改的企业，应当依法处罚。",
    "凡年用煤量达到1万吨以上的企业，必须安装在线监测设备。",
    "各级政府对从教30年、20年、10年以上的教师按照有关规定颁发荣誉证书。",
    "2018年底前，企业要完成搬迁。",
    "我县力争到2020年森林覆盖率达到30%。",
    "县级财政按照每人每年不低于50元的标准安排资金。",
    "单次采购金额超过5万元（含本数）的，应当公开招标。",
    "2019—2020年完成整治。",
    "保育人员与婴幼儿的比例，乳儿班不低于1:3，托小班不低于1:5。",
    "当日气温低于零下5℃时，应当采取防冻措施。",
]


def _reading(text: str) -> list[tuple]:
    return [
        (
            r.kind,
            r.modality,
            r.comparator,
            r.value,
            r.low,
            r.high,
            r.unit,
            r.per,
            r.subject,
            json.dumps(r.due, sort_keys=True, default=str),
            (r.applies_when.comparator, r.applies_when.value, r.applies_when.unit)
            if r.applies_when
            else None,
        )
        for r in extract(text)
    ]


@bounded(60)
@given(st.sampled_from(_SPACED), st.data())
def test_spaces_around_numbers_change_no_reading(text, data):
    """Text converted from a PDF puts spaces around numbers (2018 年底前, 不低于 500 平方米,
    需要搬迁的企业 3 年内): wherever they fall, the reading is the same."""
    runs = list(re.finditer(r"\d+(?:\.\d+)?", text))
    spaced = data.draw(st.lists(st.sampled_from(range(len(runs))), unique=True))
    out, at = [], 0
    for k in sorted(spaced):
        out += [text[at : runs[k].start()], " ", runs[k].group(0), " "]
        at = runs[k].end()
    assert _reading("".join(out) + text[at:]) == _reading(text)


# --- the scoring engine -----------------------------------------------------------------------

_CITE = "某政发〔2020〕1号 一（一）1"
#: One item of every answer type, with a rule as an author writes it.
ITEMS = [
    ItemSpec(1, "yes_no", {}, citation=_CITE),
    ItemSpec(2, "number", {"op": ">=", "value": "500", "unit": "m²"}, citation=_CITE),
    ItemSpec(3, "number", {"op": "range", "low": "0.1", "high": "2.5"}, citation=_CITE),
    ItemSpec(4, "count", {"op": "<=", "value": 3}, citation=_CITE, severity="critical"),
    ItemSpec(5, "date", {"op": ">=", "value": "2024-01-01"}, citation=_CITE),
    ItemSpec(6, "date_pair", {"op": "<=", "value": 15, "unit": "working_day"}, citation=_CITE),
    ItemSpec(
        7,
        "choice",
        {
            "choices": [
                {"value": "full", "label": "符合", "score": "5"},
                {"value": "no", "label": "不符合", "pass": False},
            ]
        },
        citation=_CITE,
    ),
    ItemSpec(8, "parts", {"parts": ["章程", "资金", "场所"]}, citation=_CITE),
    ItemSpec(9, "text", {}, citation=_CITE, required=False),
    ItemSpec(10, "photo", {}, citation=_CITE),
]
_JSON_SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    ANY_TEXT,
    HUGE,
    st.sampled_from(
        [
            "yes",
            "否",
            "na",
            "不适用",
            "500",
            "５００",
            "1,200.5",
            "2024-02-30",
            "2024-03-01",
            "full",
            "符合",
            "章程",
            "1e5",
            "-0",
            "NaN",
        ]
    ),  # fmt: skip
)
#: Any value an answer could carry in JSON (and a few Python ones a caller could pass).
ANY_VALUE = st.recursive(
    _JSON_SCALAR,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(["from", "to", "x"]), inner, max_size=3),
    ),
    max_leaves=6,
)
ANY_UNIT = st.one_of(st.none(), st.sampled_from(["m²", "平方米", "亩", "kg", "day", ""]), ANY_TEXT)


@bounded(600)
@given(st.sampled_from(ITEMS), ANY_VALUE, ANY_UNIT, st.integers(0, 3))
def test_any_answer_is_judged_or_refused_with_a_reason(item, value, unit, photos):
    try:
        result = evaluate(item, Answer(value, unit, photos))
    except AnswerError as refused:
        assert refused.code and refused.message
        return
    assert result.result in RESULTS
    assert result.reason or result.result == "unanswered"
    json.dumps(result.to_dict(), ensure_ascii=False)


_DECIMALS = st.decimals(allow_nan=False, allow_infinity=False, places=None).filter(
    lambda d: len(d.normalize().as_tuple().digits) <= MAX_DIGITS and abs(d) < Decimal(10) ** 15
)


@bounded(300)
@given(_DECIMALS)
def test_a_number_answer_reads_back_as_written(number):
    """Written canonically (and in full-width digits, as a phone's Chinese keyboard may), a
    number answer is read as the number written."""
    item = ItemSpec(1, "number", {})
    text = format_decimal(number)
    assert parse_value(item, text) == number
    assert parse_value(item, unicodedata.normalize("NFKC", _full_width(text))) == number
    assert parse_value(item, _full_width(text)) == number


@bounded(300)
@given(st.fractions())
def test_a_fractions_text_reads_back_as_the_fraction(value):
    assert Fraction(format_fraction(value)) == value


_VALID = {
    1: st.sampled_from(["yes", "no", "是", "否", True, "na"]),
    2: st.decimals(0, 10**6, places=2).map(str),
    3: st.decimals(0, 5, places=2).map(str),
    4: st.integers(0, 10),
    5: st.dates(date(2000, 1, 1), date(2030, 12, 31)).map(date.isoformat),
    6: st.tuples(st.dates(date(2020, 1, 1), date(2026, 12, 31)), st.integers(0, 60)).map(
        lambda p: {"from": p[0].isoformat(), "to": date.fromordinal(p[0].toordinal() + p[1])}
    ),
    7: st.sampled_from(["full", "no", "符合"]),
    8: st.lists(st.sampled_from(["章程", "资金", "场所"]), max_size=3),
    9: ANY_TEXT,
    10: st.integers(0, 2),
}


@bounded(200)
@given(
    st.sampled_from(["weighted", "deduction"]),
    st.fixed_dictionaries({}, optional={k: v for k, v in _VALID.items()}),
)
def test_a_score_stays_between_0_and_100_and_its_json_reads_back(method, answers):
    summary = score(TemplateSpec(ITEMS, method=method), answers)
    if summary.score is not None:
        assert Decimal(0) <= summary.score <= Decimal(100)
        assert summary.verdict in ("pass", "fail")
    else:
        assert not summary.complete
    assert {r.item_id for r in summary.items.values()} == {i.id for i in ITEMS}
    written = summary.to_dict()
    assert json.loads(json.dumps(written, ensure_ascii=False)) == written


@pytest.mark.parametrize("text", ["\x00", "５\x00", "\ud800", "1" * 5000, "１" * 5000])
def test_a_number_answer_of_hostile_text_is_refused(text):
    with pytest.raises(AnswerError):
        parse_value(ItemSpec(1, "number", {}), text)


@pytest.mark.parametrize(
    "line",
    [
        "." * 100_000,
        "目录" + "." * 50_000 + "x",
        "…" * 50_000 + "x",
        "9" * 100_000 + "x",
        pytest.param("\t" * 50_000 + "x", marks=_THE_OTHER_SUITE),
        pytest.param(" " * 50_000 + "以上的企业", marks=_THE_OTHER_SUITE),
        "一" * 50_000 + "x",
        "1、" * 30_000 + "x",
    ],
    ids=["dots", "leader", "ellipsis", "digits", "tabs", "spaces", "numerals", "list"],
)
def test_a_long_run_of_one_character_is_read_in_linear_time(line):
    """A run of leaders, digits, numerals or spaces was searched from each of its characters
    (time quadratic in its length: such a line took from seconds to minutes); now well under
    a second."""
    started = time.perf_counter()
    parse_gazette(line)
    extract(line)
    assert time.perf_counter() - started < 10


# --- the period a number is per, found once per phrase -----------------------------------------

#: Words a phrase is made of around its numbers: periods (每月, 月工资, 年内), words that look
#: like them (上月工资, 3年内), a comma that ends the phrase.
_PERIOD_BITS = st.sampled_from(
    ["每月", "每个月", "每日", "每天", "每周", "每季度", "每半年", "每年", "全年", "年内", "3年内",
     "月工资", "上月工资", "年度最高", "上年度累计", "日均", "人均年收入", "每批次", "补助",
     "标准为", "不低于", "、", "，", "元", "吨", "的", "1", "25", "三"]
)  # fmt: skip


def _period_by_scanning(masked: str, phrase_start: int, pos: int):
    """The reading as it was: every period's every match in the window, the first one kept; then
    an item of a list after it naming its own period (城市每人每月780元、农村每人每年7200元) keeps
    its own, the first in the item."""
    import re

    from checklists.standards.quantities import PERIODS

    window = masked[phrase_start:pos]
    found = (None, pos)
    for pat, per in PERIODS:
        for m in re.finditer(pat, window):
            if found[0] is None or phrase_start + m.start() < found[1]:
                found = (per, phrase_start + m.start())
    item = masked.rfind("、", max(phrase_start, pos - 24), pos)
    if found[0] is not None and item > found[1]:
        own = [
            (item + m.start(), per)
            for pat, per in PERIODS
            for m in re.finditer(pat, masked[item:pos])
        ]
        if own:
            at, per = min(own)
            return per, at
    return found


@bounded(300)
@given(st.lists(_PERIOD_BITS, max_size=30).map("".join), st.data())
def test_the_period_before_each_number_is_the_one_a_scan_finds(text, data):
    """``period_before`` reads each phrase once for all its numbers: for every number (a digit
    that starts one) and every phrase start before it, it finds what a scan of the window finds."""
    from checklists.standards.numbers import period_before

    numbers = [
        i for i, ch in enumerate(text) if ch.isdigit() and (i == 0 or not text[i - 1].isdigit())
    ]
    if not numbers:
        return
    pos = data.draw(st.sampled_from(numbers))
    starts = [0] + [i + 1 for i, ch in enumerate(text[:pos]) if ch in "，、"]
    phrase_start = data.draw(st.sampled_from(starts))
    assert period_before(text, phrase_start, pos) == _period_by_scanning(text, phrase_start, pos)


#: Pieces of phrases that name what a number is per, or nearly (每个乡镇…, 每部门, 人均, 户均).
_PER_BITS = st.sampled_from(
    ["每", "每个", "每人", "每户", "每吨", "每小时", "每次", "每车次", "每部门", "每部", "每乡镇",
     "每个乡镇中心校", "每个社区卫生", "每社区", "每亩", "每班", "人均", "户均", "亩均", "生均",
     "人均可支配", "均", "时速", "车速", "个", "次", "，", "、", "3", "吨", "不少于", "元"]
)  # fmt: skip


def _per_by_scanning(words: str):
    """``per_before`` as it was: the last 每 of a left-to-right scan, then the first 均."""
    from checklists.standards.denominators import (
        _PER_BEFORE,
        _PER_HEAD_AVERAGE,
        _SPEED,
        DENOMINATORS,
    )

    found = _PER_BEFORE.findall(words)
    if found:
        return DENOMINATORS[found[-1]]
    if _SPEED.search(words, max(0, len(words) - 12)):
        return "hour"
    average = _PER_HEAD_AVERAGE.search(words)
    return None if average is None else {"户": "户", "亩": "亩"}.get(average.group("of"), "人")


@bounded(400)
@given(st.lists(_PER_BITS, max_size=30).map("".join))
def test_the_per_before_a_number_is_the_one_a_scan_of_the_phrase_finds(words):
    """``per_before`` tries the 每 of the phrase from its end, not the whole phrase per number
    (a phrase may list thousands): it reads what a scan of the whole phrase reads."""
    from checklists.standards.denominators import per_before

    assert per_before(words) == _per_by_scanning(words)
