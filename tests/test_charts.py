"""Table-driven tests of inspections.charts (pure: no app, no database).

Every chart is parsed with ElementTree, so a malformed or badly escaped SVG fails loudly.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest

from inspections.review.charts import (
    BAR_ROW,
    BLUE,
    RED,
    SERIES_STYLES,
    bar_chart,
    histogram,
    line_chart,
    nice_max,
    truncate,
)

NS = "{http://www.w3.org/2000/svg}"
SPECIAL = "<A&B> \"q\" 'x'"  # 13 characters, too long: see SPECIAL_SHORT
SPECIAL_SHORT = '<A&B> "q"'
LONG = "北京市朝阳区市场监督管理局第一分局"
LONG_SHOWN = "北京市朝阳区市场监督管…"
ROOM = 360 - 4 - 64  # the longest bar in bar_chart
MONTHS = [f"{2024 + m // 12}-{m % 12 + 1:02d}" for m in range(36)]
BUCKETS = [("0–59", 2), ("60–69", 4), ("70–79", 8), ("80–89", 0), ("90–100", 5)]


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == NS + "svg"
    return root


def every(root: ET.Element, tag: str) -> list[ET.Element]:
    return list(root.iter(NS + tag))


def texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in every(root, "text")]


def bars(root: ET.Element) -> list[ET.Element]:
    return [r for r in every(root, "rect") if r.get("class") == "bar"]


def view_height(root: ET.Element) -> float:
    return float(root.get("viewBox").split()[3])


def estimated_width(text: str, size: float = 11) -> float:
    """The narrowest a label can plausibly be: wide characters 1 em, others half an em."""
    return sum(size if ord(c) > 0x2000 else size * 0.5 for c in text)


def series_of(values: list[float | None]) -> list[tuple[str, list[tuple[str, float | None]]]]:
    return [("全市", list(zip(MONTHS, values, strict=False)))]


# ---------------------------------------------------------------------------------------------
# Every chart: well-formed, accessible, CSP-safe, printable, deterministic
# ---------------------------------------------------------------------------------------------

CHARTS = {
    "bar": lambda: bar_chart(
        [(LONG, Decimal("92.5")), (SPECIAL, 61), ("上海", 48.25)],
        title="各机构平均分",
        unit="分",
        max_value=100,
        highlight=lambda label, value: value < 60,
    ),
    "bar-counts": lambda: bar_chart([("第一条", 7), ("第二条", 3)], title="最常不符合的条款"),
    "line": lambda: line_chart(
        [
            (
                f"系列{s}",
                [(m, None if (i + s) % 7 == 0 else 50 + i + s) for i, m in enumerate(MONTHS)],
            )
            for s in range(5)
        ],
        title="月度平均分 <趋势>",
        unit="分",
    ),
    "line-one-point": lambda: line_chart([("甲", [("2026-09", 80)])], title="一期"),
    "histogram": lambda: histogram(BUCKETS, title="分数分布", highlight=lambda b, c: b == "0–59"),
    "histogram-many": lambda: histogram(
        [(f"{i}–{i + 4}", i) for i in range(0, 100, 5)], title="细"
    ),
    "empty-bar": lambda: bar_chart([], title="空"),
    "empty-line": lambda: line_chart([("甲", [("2026-09", None)])], title="空的折线图"),
    "empty-histogram": lambda: histogram([("0–59", 0)], title="空", empty="本期没有检查"),
}
CHART_IDS = list(CHARTS)


@pytest.mark.parametrize("name", CHART_IDS)
def test_svg_is_well_formed_and_accessible(name):
    svg = CHARTS[name]()
    root = parse(svg)
    assert svg.startswith("<svg ") and svg.endswith("</svg>") and svg.count("<svg") == 1
    assert root.get("viewBox").split()[:3] == ["0", "0", "360"] and view_height(root) > 0
    assert root.get("width") == "100%" and root.get("height") is None
    assert root.get("role") == "img" and root.get("font-family") == "inherit"
    title_id, desc_id = root.get("aria-labelledby").split()
    title, desc = root[0], root[1]
    assert (title.tag, title.get("id"), desc.tag, desc.get("id")) == (
        NS + "title",
        title_id,
        NS + "desc",
        desc_id,
    )
    assert title.text and desc.text


@pytest.mark.parametrize("name", CHART_IDS)
def test_svg_is_safe_under_the_csp(name):
    svg = CHARTS[name]()
    root = parse(svg)
    assert all("style" not in el.attrib for el in root.iter())
    assert not {el.tag for el in root.iter()} & {
        NS + tag for tag in ("script", "style", "foreignObject", "image", "a", "use")
    }
    assert not re.search(r"href|url\(|javascript:|\son\w+=", svg)
    assert re.findall(r"https?://[^\"]*", svg) == ["http://www.w3.org/2000/svg"]


@pytest.mark.parametrize("name", CHART_IDS)
def test_text_is_readable_on_a_phone(name):
    root = parse(CHARTS[name]())
    sizes = [float(el.get("font-size")) for el in root.iter() if el.get("font-size")]
    assert root.get("font-size") and min(sizes) >= 11


@pytest.mark.parametrize("name", CHART_IDS)
def test_colours_print_in_black_and_white(name):
    """Only the dark blue, the red, greys and none: nothing pale that vanishes on paper."""
    root = parse(CHARTS[name]())
    colours = {el.get(a) for el in root.iter() for a in ("fill", "stroke") if el.get(a)}
    greys = {c for c in colours if re.fullmatch(r"#([0-9a-f]{2})\1\1", c)}
    assert colours - greys <= {BLUE, RED, "none"}


@pytest.mark.parametrize("name", CHART_IDS)
def test_output_is_deterministic(name):
    assert CHARTS[name]() == CHARTS[name]()


def test_different_charts_get_different_ids():
    ids = {parse(CHARTS[name]()).get("aria-labelledby") for name in CHART_IDS}
    assert len(ids) == len(CHART_IDS)


def test_module_is_pure():
    code = (
        "import sys; before = set(sys.modules); import inspections.review.charts; "
        "new = {m.split('.')[0] for m in set(sys.modules) - before}; "
        "print(sorted(new - set(sys.stdlib_module_names) - {'inspections'}))"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stderr


# ---------------------------------------------------------------------------------------------
# Empty data
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "draw, expected",
    [
        pytest.param(lambda: bar_chart([], title="t"), "无数据", id="bar-default"),
        pytest.param(lambda: bar_chart([], title="t", empty="暂无<数据>"), "暂无<数据>", id="bar"),
        pytest.param(lambda: line_chart([], title="t", empty="无"), "无", id="line-no-series"),
        pytest.param(lambda: line_chart([("甲", [])], title="t", empty="无"), "无", id="line-none"),
        pytest.param(
            lambda: line_chart([("甲", [("2026-01", None)])], title="t", empty="无"),
            "无",
            id="line-all-gaps",
        ),
        pytest.param(lambda: histogram([], title="t", empty="无"), "无", id="histogram"),
        pytest.param(
            lambda: histogram([("0–59", 0), ("60–100", 0)], title="t", empty="无"),
            "无",
            id="histogram-all-zero",
        ),
    ],
)
def test_empty_data_says_so(draw, expected):
    root = parse(draw())
    assert texts(root) == [expected]
    assert root[1].text == expected
    assert root.get("viewBox") == "0 0 360 40"
    assert not bars(root) and not every(root, "polyline")


# ---------------------------------------------------------------------------------------------
# bar_chart
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rows, unit, shown",
    [
        pytest.param([("甲", 90), ("乙", 75)], "分", ["甲", "90分", "乙", "75分"], id="ints"),
        pytest.param(
            [("A", Decimal("87.50")), ("B", 0.333), ("C", Decimal("100.00"))],
            "",
            ["A", "87.5", "B", "0.33", "C", "100"],
            id="decimals",
        ),
        pytest.param([(SPECIAL_SHORT, 3)], "次", [SPECIAL_SHORT, "3次"], id="escaped"),
        pytest.param([(LONG, 12)], "", [LONG_SHOWN, "12"], id="long-chinese"),
        pytest.param([(SPECIAL, 1)], "", ['<A&B> "q" \'…', "1"], id="long-escaped"),
        pytest.param([("负", -5)], "", ["负", "-5"], id="negative"),
    ],
)
def test_bar_chart_shows_every_label_and_value(rows, unit, shown):
    svg = bar_chart(rows, title="t", unit=unit)
    root = parse(svg)
    assert texts(root) == shown
    assert all(len(text) <= 12 for text in shown[::2])
    assert "<A&B>" not in svg
    for label, _ in rows:
        assert label in root[1].text  # the full label stays in the description


def test_bar_chart_keeps_the_full_long_label_as_a_tooltip():
    root = parse(bar_chart([(LONG, 1), ("短", 2)], title="t"))
    labels = every(root, "text")
    assert [t.text for t in labels[0].iter(NS + "title")] == [LONG]
    assert list(labels[2].iter(NS + "title")) == []


@pytest.mark.parametrize(
    "highlight, red_rows",
    [
        pytest.param(None, [], id="none"),
        pytest.param(lambda label, value: value < 60, [2, 3], id="failing"),
        pytest.param(lambda label, value: label == "乙", [1], id="by-label"),
        pytest.param(lambda label, value: True, [0, 1, 2, 3], id="all"),
    ],
)
def test_bar_chart_highlights_exactly_the_chosen_rows(highlight, red_rows):
    rows = [("甲", 90), ("乙", Decimal("75.5")), ("丙", 59.9), ("丁", 0)]
    root = parse(bar_chart(rows, title="t", max_value=100, highlight=highlight))
    fills = [r.get("fill") for r in bars(root)]
    assert [i for i, fill in enumerate(fills) if fill == RED] == red_rows
    assert all(fill == BLUE for i, fill in enumerate(fills) if i not in red_rows)
    values = every(root, "text")[1::2]
    assert [i for i, t in enumerate(values) if t.get("font-weight") == "bold"] == red_rows
    assert svg_mentions_red(root) == bool(red_rows)


def svg_mentions_red(root: ET.Element) -> bool:
    return "红色标出" in root[1].text


@pytest.mark.parametrize(
    "values, max_value, expected_widths",
    [
        pytest.param([100, 50, 25, 0], None, [ROOM, ROOM / 2, ROOM / 4, 0], id="scaled-to-100"),
        pytest.param([7, 3], None, [ROOM * 0.7, ROOM * 0.3], id="counts-nice-max-10"),
        pytest.param([40, 20], 100, [ROOM * 0.4, ROOM * 0.2], id="max-value"),
        pytest.param([120, 100, -5], 100, [ROOM, ROOM, 0], id="clamped"),
        pytest.param(
            [Decimal("87.5"), Decimal("62.5")], 100, [ROOM * 0.875, ROOM * 0.625], id="dec"
        ),
    ],
)
def test_bar_lengths_are_proportional(values, max_value, expected_widths):
    rows = [(f"r{i}", v) for i, v in enumerate(values)]
    root = parse(bar_chart(rows, title="t", max_value=max_value))
    widths = [float(r.get("width")) for r in bars(root)]
    assert widths == pytest.approx(expected_widths, abs=0.01)
    value_texts = every(root, "text")[1::2]
    for width, text in zip(widths, value_texts, strict=True):
        assert float(text.get("x")) == pytest.approx(4 + width + 4, abs=0.01)  # at the bar's end


@pytest.mark.parametrize("count", [1, 3, 12], ids=lambda n: f"{n}-rows")
def test_bar_chart_grows_a_row_per_item_without_overlap(count):
    root = parse(bar_chart([(f"第{i}项", i) for i in range(count)], title="t"))
    assert view_height(root) == 8 + count * BAR_ROW
    rects = bars(root)
    tops = [float(r.get("y")) for r in rects]
    assert all(b - a == BAR_ROW for a, b in zip(tops, tops[1:], strict=False))
    labels = every(root, "text")[0::2]
    for label, rect in zip(labels, rects, strict=True):  # each label sits above its own bar
        assert float(rect.get("y")) - 12 < float(label.get("y")) <= float(rect.get("y"))
    assert max(tops) + 12 <= view_height(root)


# ---------------------------------------------------------------------------------------------
# line_chart
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "values, segments, markers",
    [
        pytest.param([80, 82, 85], [3], 3, id="no-gap"),
        pytest.param([80, None, 85], [], 2, id="gap-between-single-points"),
        pytest.param([80, 81, None, 84, 85], [2, 2], 4, id="one-gap"),
        pytest.param([None, 1, 2, None, None, 3, 4, 5, None], [2, 3], 5, id="gaps-at-ends"),
        pytest.param([70, 71, None, 73], [2], 3, id="trailing-single"),
        pytest.param([Decimal("70.5"), 150, -3], [3], 3, id="clamped-decimal"),
    ],
)
def test_line_chart_breaks_the_line_at_gaps(values, segments, markers):
    root = parse(line_chart(series_of(values), title="t"))
    group = next(g for g in every(root, "g") if g.get("class") == "series")
    lines = [el for el in group if el.tag == NS + "polyline"]
    assert [len(el.get("points").split()) for el in lines] == segments
    assert len([el for el in group if el.tag != NS + "polyline"]) == markers
    ys = [float(p.split(",")[1]) for el in lines for p in el.get("points").split()]
    assert all(8 <= y <= 168 for y in ys)  # out-of-range values are drawn at the edge


def test_a_period_missing_from_one_series_is_a_gap_in_it():
    series = [
        ("甲", [("2026-01", 1), ("2026-02", 2), ("2026-03", 3), ("2026-04", 4)]),
        ("乙", [("2026-01", 1), ("2026-02", 2), ("2026-04", 4)]),
    ]
    root = parse(line_chart(series, title="t"))
    groups = [g for g in every(root, "g") if g.get("class") == "series"]
    counts = [len([el for el in g if el.tag == NS + "polyline"]) for g in groups]
    assert counts == [1, 1]  # 乙: one segment 01–02, a gap at 03, a lone marker at 04
    assert len(list(groups[1])) == 1 + 3


def x_labels(root: ET.Element) -> list[ET.Element]:
    return [t for t in every(root, "text") if t.get("y") == "184"]


@pytest.mark.parametrize(
    "count, width",
    [(1, 1), (2, 1), (6, 1), (7, 1), (12, 1), (13, 1), (24, 1), (36, 1), (12, 2), (6, 3)],
    ids=lambda v: str(v),
)
def test_line_chart_thins_x_labels(count, width):
    periods = [p * width for p in MONTHS[:count]]  # width 2/3: long labels, truncated to 8
    root = parse(line_chart([("甲", [(p, 70) for p in periods])], title="t"))
    labels = x_labels(root)
    shown = [t.text for t in labels]
    assert 1 <= len(labels) <= 6
    assert shown[0] == truncate(periods[-1], 8)  # the latest period is always labelled
    if count <= 6 and width == 1:
        assert len(labels) == count
    indices = [[truncate(p, 8) for p in periods].index(text) for text in shown]
    steps = {a - b for a, b in zip(indices, indices[1:], strict=False)}
    assert len(steps) <= 1  # evenly spaced
    boxes = sorted(
        (
            float(t.get("x")) - estimated_width(t.text) / 2,
            float(t.get("x")) + estimated_width(t.text) / 2,
        )
        for t in labels
    )
    assert all(0 <= left and right <= 360 for left, right in boxes)
    assert all(a[1] <= b[0] for a, b in zip(boxes, boxes[1:], strict=False))
    assert all(t.get("text-anchor") == "middle" and t.get("transform") is None for t in labels)


@pytest.mark.parametrize(
    "y_min, y_max, unit, ticks",
    [
        pytest.param(0, 100, "", ["0", "20", "40", "60", "80", "100"], id="scores"),
        pytest.param(50, 100, "分", ["50分", "60分", "70分", "80分", "90分", "100分"], id="unit"),
        pytest.param(0, 1, "", ["0", "0.2", "0.4", "0.6", "0.8", "1"], id="fraction"),
        pytest.param(0, 30, "%", ["0%", "10%", "20%", "30%"], id="rounded-step"),
    ],
)
def test_line_chart_grid_lines_and_y_labels(y_min, y_max, unit, ticks):
    root = parse(
        line_chart(series_of([y_min, y_max]), title="t", y_min=y_min, y_max=y_max, unit=unit)
    )
    labels = [t for t in every(root, "text") if t.get("text-anchor") == "end"]
    assert [t.text for t in labels] == ticks
    grid = [el for el in every(root, "line") if el.get("x1") == "36" and el.get("x2") == "330"]
    assert len(grid) == len(ticks)
    ys = [float(el.get("y1")) for el in grid]
    assert ys[0] == 168 and ys == sorted(ys, reverse=True)


def test_line_chart_series_are_told_apart_without_colour():
    series = [
        (f"第{s}组{'很长的名字' * s}", [("2026-01", 50 + s), ("2026-02", 60)]) for s in range(5)
    ]
    root = parse(line_chart(series, title="t"))
    groups = [g for g in every(root, "g") if g.get("class") == "series"]
    assert len(groups) == 5
    dashes = [g[0].get("stroke-dasharray") for g in groups]
    assert dashes == [style[1] or None for style in SERIES_STYLES] and len(set(dashes)) == 5
    markers = {
        (g[1].tag, g[1].get("d", "").count("L"), g[1].get("d", "").count("M")) for g in groups
    }
    assert len(markers) == 5
    legend = [t.text for t in every(root, "text") if t.get("text-anchor") is None]
    assert legend == [truncate(name, 10) for name, _ in series]
    for name, _ in series:
        assert name in root[1].text


@pytest.mark.parametrize(
    "kwargs, message",
    [
        pytest.param(
            {"series": [(f"s{i}", [("2026-01", 1)]) for i in range(6)]}, "at most 5", id="6"
        ),
        pytest.param({"y_min": 100, "y_max": 100}, "y_max must be above y_min", id="flat-axis"),
    ],
)
def test_line_chart_rejects(kwargs, message):
    args = {"series": series_of([1]), "title": "t", **kwargs}
    with pytest.raises(ValueError, match=message):
        line_chart(**args)


def test_line_chart_description_summarises_each_series():
    desc = parse(line_chart(series_of([70, None, 90, 80]), title="t", unit="分"))[1].text
    assert desc == (
        "2024-01至2024-04共4期。全市：2024-01 70分，2024-04 80分，"
        "最低 70分（2024-01），最高 90分（2024-03），1期无数据。"
    )


# ---------------------------------------------------------------------------------------------
# histogram
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "buckets",
    [
        pytest.param(BUCKETS, id="scores"),
        pytest.param([("不合格", 3), ("合格", 30)], id="two"),
        pytest.param([('<60 & "低"', 1)], id="escaped"),
    ],
)
def test_histogram_heights_are_proportional_with_counts_above(buckets):
    root = parse(histogram(buckets, title="t"))
    rects = bars(root)
    scale = nice_max(max(c for _, c in buckets))
    heights = [float(r.get("height")) for r in rects]
    assert heights == pytest.approx([c / scale * 140 for _, c in buckets], abs=0.01)
    assert all(float(r.get("y")) + float(r.get("height")) == pytest.approx(164) for r in rects)
    shown = texts(root)
    assert shown == [t for label, count in buckets for t in (str(count), label)]
    counts = every(root, "text")[0::2]
    for rect, text in zip(rects, counts, strict=True):  # each count just above its bar
        assert float(text.get("y")) == pytest.approx(float(rect.get("y")) - 4)


@pytest.mark.parametrize(
    "highlight, red",
    [
        pytest.param(None, [], id="none"),
        pytest.param(lambda label, count: label == "0–59", [0], id="failing-bucket"),
        pytest.param(lambda label, count: count >= 5, [2, 4], id="by-count"),
    ],
)
def test_histogram_highlights_exactly_the_chosen_buckets(highlight, red):
    root = parse(histogram(BUCKETS, title="t", highlight=highlight))
    fills = [r.get("fill") for r in bars(root)]
    assert [i for i, f in enumerate(fills) if f == RED] == red
    assert {f for i, f in enumerate(fills) if i not in red} <= {BLUE}


@pytest.mark.parametrize("count", [5, 10, 20], ids=lambda n: f"{n}-buckets")
def test_histogram_bucket_labels_do_not_overlap(count):
    buckets = [(f"{i * 100 // count}–{(i + 1) * 100 // count}", i + 1) for i in range(count)]
    root = parse(histogram(buckets, title="t"))
    labels = [t for t in every(root, "text") if t.get("y") == "180"]
    assert len(bars(root)) == count and 1 <= len(labels) <= count
    boxes = [
        (
            float(t.get("x")) - estimated_width(t.text) / 2,
            float(t.get("x")) + estimated_width(t.text) / 2,
        )
        for t in labels
    ]
    assert all(a[1] <= b[0] for a, b in zip(boxes, boxes[1:], strict=False))
    assert all(0 <= left and right <= 360 for left, right in boxes)


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        (0, 1),
        (-5, 1),
        (float("nan"), 1),
        (0.07, 0.1),
        (0.25, 0.25),
        (0.3, 0.5),
        (1, 1),
        (1.5, 2),
        (2, 2),
        (2.1, 2.5),
        (3, 5),
        (5, 5),
        (7, 10),
        (10, 10),
        (11, 20),
        (21, 25),
        (26, 50),
        (87.5, 100),
        (100, 100),
        (101, 200),
        (Decimal("240"), 250),
        (999, 1000),
        (1000, 1000),
        (12345, 20000),
    ],
    ids=lambda v: str(v),
)
def test_nice_max(value, expected):
    assert nice_max(value) == expected


@pytest.mark.parametrize(
    "label, limit, expected",
    [
        ("", 12, ""),
        ("abc", 3, "abc"),
        ("abcd", 3, "ab…"),
        ("一二三", 1, "…"),
        (LONG, 12, LONG_SHOWN),
        (LONG, len(LONG), LONG),
    ],
    ids=["empty", "fits", "cut", "one", "chinese", "exact"],
)
def test_truncate(label, limit, expected):
    assert truncate(label, limit) == expected
    assert len(truncate(label, limit)) <= limit


def test_truncate_rejects_a_zero_limit():
    with pytest.raises(ValueError):
        truncate("abc", 0)
