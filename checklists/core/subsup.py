"""Sub- and superscripts in clause text, shown as HTML ``<sub>``/``<sup>``; everything else is
escaped, so a clause's words never inject markup (PURE: no Flask, no database).

Gazettes converted from PDF or Word write PM2.5, SO2 and m³ in several ways, all read here:

- TeX math: ``$PM_{2.5}$``, ``$\\mathrm{m}^{3}$``, ``$\\mathrm { S O } _ { 2 }$`` (spaces in
  math are dropped; ``\\mathrm{}``/``\\text{}`` give their words, a short table of symbols
  such as ``\\%``, ``\\times``, ``\\geq``, ``^{\\circ}`` gives the character; math with any
  other command stays as written);
- TeX without dollars: ``PM_{2.5}``, ``m^{3}``;
- bare: ``SO_2``, ``PM_2.5``, ``m^3``, ``10^-6``, ``NO_x`` (after a letter, digit or closing
  bracket: a number or a single letter);
- HTML: ``PM<sub>2.5</sub>``, ``m<sup>3</sup>`` (only these two tags; any other ``<`` is text).

Web addresses are left as they are. ``to_html`` renders a text; ``render`` also wraps marks
(requirement spans, search hits: source offsets) and can show only a window of the text;
``diff_html`` shows two wordings' differences (``<del>``/``<ins>``) without cutting a formula.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import NamedTuple

from markupsafe import Markup, escape


class Atom(NamedTuple):
    """A run of visible text and the source characters it comes from. ``tag`` is "", "sub"
    or "sup"; a ``plain`` atom's text is its source (it may be cut anywhere), any other one is
    whole (a formula: marked and shown all or nothing)."""

    text: str
    start: int
    end: int
    tag: str = ""
    plain: bool = False


class Mark(NamedTuple):
    """Source characters ``start``..``end`` wrapped in ``open`` … ``close`` (trusted HTML)."""

    start: int
    end: int
    open: Markup
    close: Markup


TAGS = {"_": "sub", "^": "sup"}
#: TeX commands whose braced argument is shown as its words.
TEXT_COMMANDS = {
    "mathrm",
    "text",
    "textrm",
    "mathbf",
    "mathit",
    "mathsf",
    "mathtt",
    "boldsymbol",
    "operatorname",
}
#: TeX commands (and escaped characters) shown as one character.
SYMBOLS = {
    "%": "%",
    "$": "$",
    "&": "&",
    "#": "#",
    "_": "_",
    "{": "{",
    "}": "}",
    ",": " ",
    ";": " ",
    ":": " ",
    " ": " ",
    "!": "",
    "quad": " ",
    "rm": "",
    "times": "×",
    "cdot": "·",
    "div": "÷",
    "pm": "±",
    "sim": "~",
    "approx": "≈",
    "le": "≤",
    "leq": "≤",
    "leqslant": "≤",
    "ge": "≥",
    "geq": "≥",
    "geqslant": "≥",
    "neq": "≠",
    "ne": "≠",
    "lt": "<",
    "gt": ">",
    "circ": "°",
    "degree": "°",
    "prime": "′",
    "mu": "μ",
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "delta": "δ",
    "Delta": "Δ",
    "lambda": "λ",
    "pi": "π",
    "rho": "ρ",
    "sigma": "σ",
    "Omega": "Ω",
    "permil": "‰",
    "textperthousand": "‰",
}

_TOKEN = re.compile(
    r"(?P<url>https?://[^\s<>\"'，。；：、）)\]】]+)"
    r"|<(?P<htag>[sS][uU][bpBP])>(?P<hbody>[^<>]{1,60})</(?P=htag)>"
    r"|\$(?P<math>[^$\s](?:[^$\n]{0,150}[^$\s])?)\$"
    r"|(?<=\S)(?P<bop>[_^])\{(?P<bbody>[^{}\n]{1,40})\}"
    r"|(?<=[A-Za-z0-9)\]])(?P<sop>[_^])(?P<sbody>[+\-−]?\d+(?:\.\d+)?|[A-Za-z](?![A-Za-z0-9]))"
)


def atoms(text: str | None) -> list[Atom]:
    """``text`` read into runs of plain text and formulas, in source order."""
    text = text or ""
    out: list[Atom] = []
    cursor = pos = 0
    while (match := _TOKEN.search(text, pos)) is not None:
        start, end = match.span()
        made = _token(match, start, end)
        if made is None:
            pos = start + 1  # a $ that opens no formula read here: plain text
            continue
        if start > cursor:
            out.append(Atom(text[cursor:start], cursor, start, "", True))
        out.extend(made)
        cursor = pos = end
    if cursor < len(text):
        out.append(Atom(text[cursor:], cursor, len(text), "", True))
    return out


def _token(match: re.Match, start: int, end: int) -> list[Atom] | None:
    if match["url"]:
        return [Atom(match["url"], start, end, "", True)]
    if match["htag"]:
        return [Atom(match["hbody"], start, end, match["htag"].lower())]
    if match["math"]:
        runs = _math(match["math"])
        if runs is None:
            return None
        return [Atom(body, start, end, tag) for tag, body in runs]
    if match["bop"]:
        return [Atom(match["bbody"], start, end, TAGS[match["bop"]])]
    return [Atom(match["sbody"], start, end, TAGS[match["sop"]])]


# --- TeX math ------------------------------------------------------------------------------------


class _Unreadable(Exception):
    """Math with a command or a brace this reader does not know: shown as written."""


def _math(body: str) -> list[tuple[str, str]] | None:
    """(tag, text) runs of a ``$…$`` body; None unless it has a script or a command."""
    if not any(ch in body for ch in "_^\\"):
        return None
    try:
        runs, at = _math_group(body, 0, closing=False)
    except _Unreadable:
        return None
    if at != len(body):
        return None
    merged: list[tuple[str, str]] = []
    for tag, chunk in runs:
        if merged and merged[-1][0] == tag:
            merged[-1] = (tag, merged[-1][1] + chunk)
        elif chunk:
            merged.append((tag, chunk))
    return merged or None


def _math_group(s: str, i: int, closing: bool) -> tuple[list[tuple[str, str]], int]:
    """Runs up to the end of ``s`` (or, with ``closing``, past the ``}`` that ends a group)."""
    runs: list[tuple[str, str]] = []
    while i < len(s):
        ch = s[i]
        if ch.isspace():
            i += 1
            continue
        if ch == "}":
            if not closing:
                raise _Unreadable
            return runs, i + 1
        if ch in TAGS:
            inner, i = _math_item(s, i + 1)
            text = "".join(chunk for _, chunk in inner)
            if text in ("°", "′"):
                runs.append(("", text))  # ^{\circ}: the degree sign itself
            elif text:
                runs.append((TAGS[ch], text))
            continue
        inner, i = _math_item(s, i)
        runs.extend(inner)
    if closing:
        raise _Unreadable
    return runs, i


def _math_item(s: str, i: int) -> tuple[list[tuple[str, str]], int]:
    """One item: a group, a command with its argument, or one character."""
    while i < len(s) and s[i].isspace():
        i += 1
    if i >= len(s):
        raise _Unreadable
    ch = s[i]
    if ch == "{":
        return _math_group(s, i + 1, closing=True)
    if ch == "\\":
        return _math_command(s, i + 1)
    if ch in "}_^":
        raise _Unreadable
    if ch == "~":
        return [("", " ")], i + 1
    return [("", ch)], i + 1


def _math_command(s: str, i: int) -> tuple[list[tuple[str, str]], int]:
    name = re.match(r"[A-Za-z]+", s[i:])
    if name is None:
        if i < len(s) and s[i] in SYMBOLS:
            return [("", SYMBOLS[s[i]])], i + 1
        raise _Unreadable
    word, i = name.group(), i + len(name.group())
    if word in TEXT_COMMANDS:
        while i < len(s) and s[i].isspace():
            i += 1
        if i >= len(s) or s[i] != "{":
            raise _Unreadable
        close = s.find("}", i)
        if close < 0 or "{" in s[i + 1 : close]:
            raise _Unreadable
        words = s[i + 1 : close]
        return [("", words if word.startswith("text") else "".join(words.split()))], close + 1
    if word in SYMBOLS:
        return [("", SYMBOLS[word])], i
    raise _Unreadable


# --- rendering -----------------------------------------------------------------------------------


def has_scripts(text: str | None) -> bool:
    """``text`` has a sub- or superscript (or TeX math) that ``to_html`` shows as such."""
    return any(not a.plain for a in atoms(text))


def to_html(text: str | None) -> Markup:
    """``text`` escaped, its sub- and superscripts as ``<sub>``/``<sup>``."""
    return render(text)


def render(
    text: str | None, marks: Sequence[Mark | tuple[int, int, Markup, Markup]] = ()
) -> Markup:
    """``text`` as ``to_html`` shows it, each of ``marks`` (sorted, not overlapping) wrapped
    round the characters it covers; a formula a mark touches is wrapped whole."""
    wraps = [Mark(*m) for m in marks]
    return _emit(_pieces(atoms(text), wraps), wraps)


def excerpt(
    text: str | None,
    window: tuple[int, int],
    marks: Sequence[Mark | tuple[int, int, Markup, Markup]] = (),
) -> Markup:
    """The source characters ``window`` of ``text`` (and any formula it cuts into) rendered
    with ``marks``, "…" on each side where the text goes on."""
    text = text or ""
    runs = _clip(atoms(text), *window)
    if not runs:
        return Markup("")
    wraps = [Mark(*m) for m in marks]
    shown = _emit(_pieces(runs, wraps), wraps)
    before = "…" if runs[0].start > 0 else ""
    after = "…" if runs[-1].end < len(text) else ""
    return Markup("{}{}{}").format(before, shown, after)


def truncate(text: str | None, limit: int) -> Markup:
    """The first ``limit`` characters of ``text`` rendered, "…" when it goes on."""
    return excerpt(text, (0, limit))


def _clip(runs: list[Atom], start: int, end: int) -> list[Atom]:
    out = []
    for a in runs:
        if a.end <= start or a.start >= end:
            continue
        if a.plain:
            lo, hi = max(a.start, start), min(a.end, end)
            a = Atom(a.text[lo - a.start : hi - a.start], lo, hi, "", True)
        out.append(a)
    return out


def _pieces(runs: list[Atom], marks: list[Mark]) -> list[tuple[Atom, int | None]]:
    """Each atom with the index of the mark it stands in; plain atoms cut at mark edges."""
    out: list[tuple[Atom, int | None]] = []
    for a in runs:
        if not a.plain:
            hit = next(
                (n for n, m in enumerate(marks) if m.start < a.end and m.end > a.start), None
            )
            out.append((a, hit))
            continue
        edges = sorted(
            {a.start, a.end} | {e for m in marks for e in (m.start, m.end) if a.start < e < a.end}
        )
        for lo, hi in zip(edges, edges[1:], strict=False):
            part = Atom(a.text[lo - a.start : hi - a.start], lo, hi, "", True)
            hit = next((n for n, m in enumerate(marks) if m.start <= lo and hi <= m.end), None)
            out.append((part, hit))
    return out


def _emit(pieces: list[tuple[Atom, int | None]], marks: list[Mark]) -> Markup:
    out: list[Markup] = []
    n = 0
    while n < len(pieces):
        hit = pieces[n][1]
        group = []
        while n < len(pieces) and pieces[n][1] == hit:
            group.append(pieces[n][0])
            n += 1
        inner = _atoms_html(group)
        out.append(inner if hit is None else marks[hit].open + inner + marks[hit].close)
    return Markup("").join(out)


def _atoms_html(runs: Sequence[Atom]) -> Markup:
    out: list[Markup] = []
    tag, chunk = "", ""
    for a in [*runs, Atom("", 0, 0, "\0")]:
        if a.tag != tag:
            if chunk:
                out.append(_tagged(tag, chunk))
            tag, chunk = a.tag, ""
        chunk += a.text
    return Markup("").join(out)


def _tagged(tag: str, text: str) -> Markup:
    if not tag:
        return Markup(escape(text))
    return Markup("<{0}>{1}</{0}>").format(Markup(tag), text)


# --- two wordings --------------------------------------------------------------------------------


def _units(text: str) -> list[list[Atom]]:
    """The text as the diff compares it: one unit per plain character, one per formula."""
    units: list[list[Atom]] = []
    for a in atoms(text):
        if a.plain:
            units.extend(
                [Atom(ch, a.start + k, a.start + k + 1, "", True)] for k, ch in enumerate(a.text)
            )
        elif units and not units[-1][0].plain and units[-1][0].start == a.start:
            units[-1].append(a)  # the next run of the same formula
        else:
            units.append([a])
    return units


def diff_html(old: str | None, new: str | None) -> Markup:
    """Two wordings in one line: what went in ``<del>``, what came in ``<ins>``, formulas shown
    as formulas and compared whole, everything escaped."""
    old, new = old or "", new or ""
    a, b = _units(old), _units(new)
    keys_a = [old[u[0].start : u[0].end] for u in a]
    keys_b = [new[u[0].start : u[0].end] for u in b]
    out: list[Markup] = []
    matcher = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(_atoms_html([x for u in a[a1:a2] for x in u]))
            continue
        if a2 > a1:
            out.append(Markup("<del>%s</del>") % _atoms_html([x for u in a[a1:a2] for x in u]))
        if b2 > b1:
            out.append(Markup("<ins>%s</ins>") % _atoms_html([x for u in b[b1:b2] for x in u]))
    return Markup("").join(out)
