"""Charts for the supervisors' dashboard, drawn on the server as SVG strings.

Pure: no Flask, no database, standard library only. Each function returns one ``<svg>`` element
to put in a template with ``|safe`` (every piece of text in it is escaped here):

* ``viewBox`` 360 wide and ``width="100%"``: on a 360 px phone the chart is about 334 px wide
  (it runs to the edges of its card, app.css), so text of 13 units is at least 12 px and body
  text 13 px; the height follows from the viewBox, and the chart grows on wider screens and on
  paper;
* ``role="img"``, named by its ``<title>`` and described in words by its ``<desc>``;
* presentation attributes only (the CSP forbids inline styles), no script, no external
  references; dark blue, red for failures and greys, which stay apart in black-and-white print;
* labels are never rotated: long ones are cut to a number of characters with "…" (the full text
  stays in a ``<title>`` tooltip and in the ``<desc>``), x labels are thinned so none overlap;
* deterministic: the same input gives the same string (element ids come from the content).
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from xml.sax.saxutils import escape

Number = int | float | Decimal

WIDTH = 360
FONT = 14  # every text; axis labels use SMALL
SMALL = 13
BLUE = "#1d5e9e"
RED = "#b3261e"
INK = "#222222"
MUTED = "#555555"
GRID = "#cccccc"
AXIS = "#888888"
LABEL_CHARS = 12
BAR_ROW = 36
MAX_X_LABELS = 6
#: Line-chart series: stroke colour, dash pattern, marker; told apart without colour.
SERIES_STYLES = (
    (BLUE, "", "circle"),
    ("#444444", "7 4", "square"),
    (BLUE, "2 3", "triangle"),
    ("#777777", "9 3 2 3", "diamond"),
    (INK, "14 4", "cross"),
)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def nice_max(value: Number) -> float:
    """The smallest 1, 2, 2.5 or 5 × 10^k not below ``value`` (1 when it is not positive)."""
    value = float(value)
    if not (value > 0 and math.isfinite(value)):
        return 1.0
    exponent = math.floor(math.log10(value))
    for m in (1, 2, 2.5, 5):
        nice = m * 10.0**exponent if exponent >= 0 else m / 10.0**-exponent
        if nice >= value:
            return nice
    return 10.0 ** (exponent + 1)


def truncate(label: str, limit: int) -> str:
    """``label`` cut to at most ``limit`` characters, the last one "…" when it was cut."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _num(value: Number) -> str:
    """A number as shown and as a coordinate: at most two decimals, no trailing zeros."""
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _esc(text: str) -> str:
    return escape(_NOT_XML.sub("", text), {'"': "&quot;"})


def _width(text: str, size: float) -> float:
    """A generous estimate of the drawn width: wide (CJK) characters a full em, others 0.6."""
    return sum(size if unicodedata.east_asian_width(c) in "WFA" else size * 0.6 for c in text)


def _text(x: float, y: float, text: str, limit: int = 40, **attrs: object) -> str:
    """``<text>`` cut to ``limit`` characters; ``font_size=11`` gives ``font-size="11"``."""
    shown = truncate(text, limit)
    attrs = {"fill": INK, **attrs}
    extra = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in attrs.items() if v is not None)
    tip = f"<title>{_esc(text)}</title>" if shown != text else ""
    return f'<text x="{_num(x)}" y="{_num(y)}"{extra}>{_esc(shown)}{tip}</text>'


def _svg(height: float, title: str, desc: str, body: str) -> str:
    key = hashlib.sha1(f"{title}\0{desc}\0{body}".encode(), usedforsecurity=False).hexdigest()
    ident = f"chart-{key[:10]}"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {_num(height)}"'
        f' width="100%" role="img" aria-labelledby="{ident}-title {ident}-desc"'
        f' font-family="inherit" font-size="{FONT}">'
        f'<title id="{ident}-title">{_esc(title)}</title>'
        f'<desc id="{ident}-desc">{_esc(desc)}</desc>{body}</svg>'
    )


def _empty(title: str, empty: str) -> str:
    body = _text(WIDTH / 2, 25, empty, limit=60, text_anchor="middle", fill=MUTED)
    return _svg(40, title, empty, body)


def bar_chart(
    rows: list[tuple[str, Number]],
    *,
    title: str,
    unit: str = "",
    max_value: Number | None = None,
    highlight: Callable[[str, Number], bool] | None = None,
    empty: str = "无数据",
) -> str:
    """Horizontal bars, one row each: the label above its bar, the value after the bar's end.

    Bars are scaled to ``max_value`` (e.g. 100 for scores; values above it fill the row) or to
    ``nice_max`` of the largest value. Rows ``highlight`` picks are red, their values bold.
    """
    if not rows:
        return _empty(title, empty)
    largest = max(float(v) for _, v in rows)
    scale = float(max_value) if max_value and max_value > 0 else nice_max(largest)
    left, room = 4, WIDTH - 4 - 64  # 64 units after the longest bar for its value
    parts, hot_labels = [], []
    for i, (label, value) in enumerate(rows):
        top = 4 + i * BAR_ROW
        hot = bool(highlight and highlight(label, value))
        hot_labels += [label] if hot else []
        bold = "bold" if hot else None
        width = min(max(float(value), 0.0) / scale, 1.0) * room
        parts.append(_text(left, top + 14, label, limit=LABEL_CHARS))
        parts.append(
            f'<rect class="bar" x="{left}" y="{top + 19}" width="{_num(width)}" height="12"'
            f' fill="{RED if hot else BLUE}"/>'
        )
        parts.append(_text(left + width + 4, top + 30, f"{_num(value)}{unit}", font_weight=bold))
    desc = f"共{len(rows)}项：" + "；".join(f"{label} {_num(v)}{unit}" for label, v in rows) + "。"
    if hot_labels:
        desc += f"红色标出{len(hot_labels)}项：" + "、".join(hot_labels) + "。"
    return _svg(8 + len(rows) * BAR_ROW, title, desc, "".join(parts))


def _marker(kind: str, x: float, y: float) -> str:
    if kind == "circle":
        return f'<circle cx="{_num(x)}" cy="{_num(y)}" r="3.5"/>'
    if kind == "square":
        return f'<rect x="{_num(x - 3)}" y="{_num(y - 3)}" width="6" height="6"/>'
    shapes = {
        "triangle": [(0, -4.5), (4.5, 3.5), (-4.5, 3.5)],
        "diamond": [(0, -4.5), (4.5, 0), (0, 4.5), (-4.5, 0)],
    }
    if kind in shapes:
        points = " L".join(f"{_num(x + dx)},{_num(y + dy)}" for dx, dy in shapes[kind])
        return f'<path d="M{points} Z"/>'
    a, b, c, d = (_num(x - 3.5), _num(y - 3.5), _num(x + 3.5), _num(y + 3.5))
    return f'<path d="M{a},{b} L{c},{d} M{c},{b} L{a},{d}" fill="none" stroke-width="2"/>'


def _x_label_step(labels: list[str], spacing: float) -> int:
    """Label every n-th point: at most MAX_X_LABELS, each with room for the widest label.

    A label too wide for the 30-unit right margin is moved in (see line_chart), so it needs more.
    """
    if len(labels) < 2:
        return 1
    widest = max(_width(label, SMALL) for label in labels)
    room = widest + 4 + max(widest / 2 - 30, 0)
    return max(math.ceil((len(labels) - 1) / (MAX_X_LABELS - 1)), math.ceil(room / spacing))


def line_chart(
    series: list[tuple[str, list[tuple[str, Number | None]]]],
    *,
    title: str,
    y_min: Number = 0,
    y_max: Number = 100,
    unit: str = "",
    empty: str = "无数据",
) -> str:
    """Values over periods (e.g. "2026-09"), up to five series, with a gap where one is None.

    The x axis holds the periods in order of first appearance; a period a series lacks is a gap
    too. At most six periods are labelled, counted back from the latest so it always is.
    Values outside ``y_min``–``y_max`` are drawn at the edge.
    """
    if len(series) > len(SERIES_STYLES):
        raise ValueError(f"at most {len(SERIES_STYLES)} series")
    lo, hi = float(y_min), float(y_max)
    if hi <= lo:
        raise ValueError("y_max must be above y_min")
    periods = list(dict.fromkeys(period for _, points in series for period, _ in points))
    if not any(v is not None for _, points in series for _, v in points):
        return _empty(title, empty)
    left, right, top, bottom = 36, WIDTH - 30, 8, 168
    spacing = (right - left) / max(len(periods) - 1, 1)

    def x_of(i: int) -> float:
        return (left + right) / 2 if len(periods) == 1 else left + i * spacing

    def y_of(v: Number) -> float:
        return bottom - (min(max(float(v), lo), hi) - lo) / (hi - lo) * (bottom - top)

    parts, step = [], nice_max((hi - lo) / 5)
    for k in range(int((hi - lo) / step + 1e-9) + 1):
        y = _num(y_of(lo + k * step))
        parts.append(f'<line x1="{left}" x2="{right}" y1="{y}" y2="{y}" stroke="{GRID}"/>')
        tick = f"{_num(lo + k * step)}{unit}"
        parts.append(_text(left - 4, float(y) + 4, tick, text_anchor="end", font_size=SMALL))
    labels = [truncate(period, 8) for period in periods]
    for i in range(len(periods) - 1, -1, -_x_label_step(labels, spacing)):
        half = _width(labels[i], SMALL) / 2
        x = min(max(x_of(i), half), WIDTH - half)
        parts.append(
            f'<line x1="{_num(x_of(i))}" x2="{_num(x_of(i))}" y1="{bottom}"'
            f' y2="{bottom + 4}" stroke="{AXIS}"/>'
        )
        parts.append(
            _text(x, bottom + 16, periods[i], limit=8, text_anchor="middle", font_size=SMALL)
        )
    summary = []
    for s, (name, points) in enumerate(series):
        colour, dash, marker = SERIES_STYLES[s]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        values = dict(points)
        runs: list[list[tuple[float, float]]] = [[]]
        for i, period in enumerate(periods):
            if values.get(period) is None:
                runs.append([])
            else:
                runs[-1].append((x_of(i), y_of(values[period])))
        lines = "".join(
            f'<polyline points="{" ".join(f"{_num(x)},{_num(y)}" for x, y in run)}"'
            f' fill="none" stroke-width="2"{dash_attr}/>'
            for run in runs
            if len(run) > 1
        )
        marks = "".join(_marker(marker, x, y) for run in runs for x, y in run)
        parts.append(f'<g class="series" stroke="{colour}" fill="{colour}">{lines}{marks}</g>')
        lx, ly = 8 + (s % 2) * 176, bottom + 34 + (s // 2) * 20
        parts.append(
            f'<g stroke="{colour}" fill="{colour}"><line x1="{lx}" x2="{lx + 24}" y1="{ly - 4}"'
            f' y2="{ly - 4}" stroke-width="2"{dash_attr}/>{_marker(marker, lx + 12, ly - 4)}</g>'
        )
        parts.append(_text(lx + 30, ly, name, limit=10))
        known = [(p, values[p]) for p in periods if values.get(p) is not None]
        if not known:
            summary.append(f"{name}：无数据")
            continue
        low, high = min(known, key=lambda pv: pv[1]), max(known, key=lambda pv: pv[1])
        summary.append(
            f"{name}：{known[0][0]} {_num(known[0][1])}{unit}，{known[-1][0]} "
            f"{_num(known[-1][1])}{unit}，最低 {_num(low[1])}{unit}（{low[0]}），"
            f"最高 {_num(high[1])}{unit}（{high[0]}），{len(periods) - len(known)}期无数据"
        )
    desc = f"{periods[0]}至{periods[-1]}共{len(periods)}期。" + "；".join(summary) + "。"
    height = bottom + 26 + math.ceil(len(series) / 2) * 20
    return _svg(height, title, desc, "".join(parts))


def histogram(
    buckets: list[tuple[str, int]],
    *,
    title: str,
    highlight: Callable[[str, int], bool] | None = None,
    empty: str = "无数据",
) -> str:
    """Vertical bars for a distribution, each count above its bar; ``highlight`` ones are red.

    All counts zero is no data. Bucket labels are thinned when they would not fit their bars.
    """
    if not any(count > 0 for _, count in buckets):
        return _empty(title, empty)
    left, top, bottom = 8, 24, 164
    slot = (WIDTH - 2 * left) / len(buckets)
    scale = nice_max(max(count for _, count in buckets))
    labels = [truncate(label, LABEL_CHARS) for label, _ in buckets]
    every = max(1, math.ceil((max(_width(label, SMALL) for label in labels) + 6) / slot))
    parts, hot_labels = [], []
    for i, (label, count) in enumerate(buckets):
        hot = bool(highlight and highlight(label, count))
        hot_labels += [label] if hot else []
        bold, mid = ("bold" if hot else None), "middle"
        centre, height = left + (i + 0.5) * slot, max(count, 0) / scale * (bottom - top)
        parts.append(
            f'<rect class="bar" x="{_num(centre - slot * 0.35)}" y="{_num(bottom - height)}"'
            f' width="{_num(slot * 0.7)}" height="{_num(height)}" fill="{RED if hot else BLUE}"/>'
        )
        parts.append(
            _text(centre, bottom - height - 4, str(count), text_anchor=mid, font_weight=bold)
        )
        if i % every == 0:
            label_text = _text(
                centre, bottom + 16, label, LABEL_CHARS, text_anchor=mid, font_size=SMALL
            )
            parts.append(label_text)
    parts.append(
        f'<line x1="{left}" x2="{WIDTH - left}" y1="{bottom}" y2="{bottom}" stroke="{AXIS}"/>'
    )
    total = sum(count for _, count in buckets)
    desc = f"共{total}个：" + "；".join(f"{label} {count}个" for label, count in buckets) + "。"
    if hot_labels:
        desc += "红色标出：" + "、".join(hot_labels) + "。"
    return _svg(bottom + 24, title, desc, "".join(parts))
