"""Units: canonical spellings and aliases, grouped by dimension, converted exactly."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from checklists.scoring.errors import AnswerError


@dataclass(frozen=True)
class Unit:
    """A canonical unit: its dimension and its size in the dimension's base unit."""

    symbol: str
    dimension: str
    factor: Fraction
    aliases: tuple[str, ...] = ()


def _units(dimension: str, *rows: tuple[str, Fraction | int, tuple[str, ...]]) -> tuple[Unit, ...]:
    return tuple(Unit(sym, dimension, Fraction(f), aliases) for sym, f, aliases in rows)


#: Canonical units and their aliases, grouped by dimension. Units of one dimension convert
#: into each other exactly; working_day, month, year and age_year convert to nothing else.
#: Any other unit string (counter words 辆 次 名 人 条 例 台 个 …) only matches itself.
UNITS: Mapping[str, tuple[Unit, ...]] = {
    "length": _units(
        "length",
        ("mm", Fraction(1, 1000), ("毫米",)),
        ("cm", Fraction(1, 100), ("厘米",)),
        ("m", 1, ("米",)),
        ("km", 1000, ("公里", "千米")),
    ),
    "area": _units(
        "area",
        ("m²", 1, ("平方米", "㎡", "m2", "平米")),
        ("亩", Fraction(2000, 3), ()),
        ("公顷", 10_000, ("ha",)),
        ("km²", 1_000_000, ("平方公里", "平方千米", "km2")),
    ),
    "mass": _units(
        "mass",
        ("μg", Fraction(1, 10**9), ("微克", "ug")),
        ("mg", Fraction(1, 10**6), ("毫克",)),
        ("g", Fraction(1, 1000), ("克",)),
        ("kg", 1, ("千克", "公斤")),
        ("t", 1000, ("吨",)),
    ),
    "volume": _units(
        "volume",
        ("mL", Fraction(1, 10**6), ("毫升", "ml")),
        ("L", Fraction(1, 1000), ("升",)),
        ("m³", 1, ("立方米", "m3")),
    ),
    "temperature": _units("temperature", ("°C", 1, ("℃", "摄氏度"))),
    "sound": _units("sound", ("dB", 1, ("分贝", "dB(A)"))),
    "illuminance": _units("illuminance", ("lx", 1, ("勒克斯",))),
    "luminous_intensity": _units("luminous_intensity", ("cd", 1, ("坎德拉",))),
    # energy as coal equivalent (吨标准煤): what an enterprise's consumption is reported in
    "energy": _units(
        "energy",
        ("kgce", Fraction(1, 1000), ("千克标准煤", "公斤标准煤", "千克标煤")),
        ("tce", 1, ("吨标准煤", "吨标煤")),
        ("万吨标准煤", 10_000, ("万吨标煤",)),
    ),
    # heat, in kJ (1 kcal = 4.1868 kJ, the international table calorie)
    "heat": _units(
        "heat",
        ("kJ", 1, ("千焦",)),
        ("kcal", Fraction(41868, 10000), ("大卡", "千卡")),
        ("MJ", 1000, ("兆焦",)),
    ),
    "force": _units("force", ("N", 1, ("牛顿", "牛"))),
    "pressure": _units("pressure", ("kPa", 1, ("千帕",)), ("MPa", 1000, ("兆帕",))),
    "power": _units(
        "power",
        ("W", Fraction(1, 1000), ("瓦", "瓦特")),
        ("kW", 1, ("千瓦",)),
        ("MW", 1000, ("兆瓦",)),
    ),
    "voltage": _units("voltage", ("V", 1, ("伏", "伏特")), ("kV", 1000, ("千伏",))),
    "resistance": _units("resistance", ("Ω", 1, ("欧姆", "欧"))),
    "frequency": _units("frequency", ("Hz", 1, ("赫兹",))),
    "money": _units("money", ("元", 1, ()), ("万元", 10**4, ()), ("亿元", 10**8, ())),
    "ratio": _units("ratio", ("‰", 1, ()), ("%", 10, ())),
    "time": _units(
        "time",
        ("second", Fraction(1, 3600), ("秒", "秒钟")),
        ("minute", Fraction(1, 60), ("分钟",)),
        ("hour", 1, ("小时",)),
        ("day", 24, ("日", "天")),
        ("week", 168, ("周", "星期")),
    ),
    "working_day": _units("working_day", ("working_day", 1, ("个工作日", "工作日"))),
    "month": _units("month", ("month", 1, ("个月", "月"))),
    "year": _units("year", ("year", 1, ("年",))),
    "age_year": _units("age_year", ("age_year", 1, ("周岁", "岁"))),
}


#: Dimensions whose quantities cannot be negative, with the word a refusal names them by ("面积不能
#: 为负数"). Money (a balance, a loss) and ratios (a change rate, 超员 above 100 %) may be
#: negative, and so may a temperature (℃) or a level in decibels; a counter word (辆, 人) is not a
#: dimension and sets no bound.
NON_NEGATIVE: Mapping[str, str] = {
    "length": "长度",
    "area": "面积",
    "mass": "重量",
    "time": "时长",
    "pressure": "压力",
    "power": "功率",
    "illuminance": "照度",
    "luminous_intensity": "发光强度",
    "energy": "能耗",
    "heat": "热量",
    "force": "力",
    "resistance": "电阻",
    "frequency": "频率",
    "working_day": "工作日数",
    "month": "月数",
    "year": "年数",
    "age_year": "年龄",
}


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


_UNIT_BY_KEY: dict[str, Unit] = {}
_KNOWN_SYMBOLS = frozenset(u.symbol for group in UNITS.values() for u in group)
for _group in UNITS.values():
    for _unit in _group:
        for _name in (_unit.symbol, *_unit.aliases):
            _UNIT_BY_KEY[_nfkc(_name)] = _unit
_UNIT_MEMO: dict[str, str | None] = {}


def canonical_unit(unit: str | None) -> str | None:
    """The canonical spelling of ``unit`` (``"平方米"`` → ``"m²"``), None for no unit.

    The string is NFKC-normalised and stripped first; an unknown unit (a counter word such as
    ``"辆"``) comes back normalised and only ever matches itself.
    """
    if unit is None:
        return None
    hit = _UNIT_MEMO.get(unit, False)
    if hit is not False:
        return hit
    if not isinstance(unit, str):
        raise TypeError("unit must be a string or None")
    key = _nfkc(unit)
    found = _UNIT_BY_KEY.get(key)
    if found is None and key.isascii():
        found = _UNIT_BY_KEY.get(key.lower())
    if found is None and "/" in key:
        found = _unit_info(key)  # a rate: each part canonical (千克/小时 → kg/hour)
    out = found.symbol if found is not None else (key or None)
    if len(_UNIT_MEMO) < 4096:
        _UNIT_MEMO[unit] = out
    return out


def _unit_info(symbol: str | None) -> Unit | None:
    """A unit, or a rate of two (``kg/hour``, ``μg/m³``, ``元/t``): a rate's dimension is
    ``a/b`` and its factor a's over b's, so 1 kg/hour converts to 24 kg/day."""
    if symbol is None:
        return None
    key = _nfkc(symbol)
    found = _UNIT_BY_KEY.get(key)
    if found is None and "/" in key:
        top, _slash, bottom = key.partition("/")
        a, b = _UNIT_BY_KEY.get(top), _product(bottom)
        if a is not None and b is not None:
            return Unit(
                f"{a.symbol}/{b.symbol}", f"{a.dimension}/{b.dimension}", a.factor / b.factor
            )
    return found


def _product(key: str) -> Unit | None:
    """A unit, or a product of units (``t·km``: a tonne carried a kilometre, 1000 kg·km)."""
    if "·" not in key:
        return _UNIT_BY_KEY.get(key)
    parts = [_UNIT_BY_KEY.get(p) for p in key.split("·")]
    if not all(parts):
        return None
    factor = Fraction(1)
    for part in parts:
        factor *= part.factor
    return Unit("·".join(p.symbol for p in parts), "·".join(p.dimension for p in parts), factor)


def nonnegative_word(unit: str | None) -> str | None:
    """The word naming a quantity in ``unit`` when it cannot be negative (``"m²"`` → ``"面积"``),
    None when it can (no unit, money, ratios, counter words)."""
    found = _unit_info(unit)
    return None if found is None else NON_NEGATIVE.get(found.dimension)


def _ratio(from_unit: str | None, to_unit: str | None) -> Fraction | None:
    """Factor from ``from_unit`` to ``to_unit`` (canonical), None when they do not convert."""
    if from_unit == to_unit:
        return Fraction(1)
    a, b = _unit_info(from_unit), _unit_info(to_unit)
    if a is None or b is None or a.dimension != b.dimension:
        return None
    return a.factor / b.factor


def _unit_text(unit: str | None) -> str:
    return display_name(unit) if unit else "无单位"


def convert(value: Decimal | int, from_unit: str, to_unit: str) -> Fraction:
    """``value`` in ``from_unit`` expressed exactly in ``to_unit`` (600 cm → 6 m).

    Raises ``AnswerError("bad_unit")`` when the units are of different dimensions or unknown.
    """
    src, dst = canonical_unit(from_unit), canonical_unit(to_unit)
    factor = _ratio(src, dst)
    if factor is None:
        raise AnswerError(
            "bad_unit",
            f"单位“{_unit_text(src)}”不能换算为“{_unit_text(dst)}”，"
            f"请输入以 {_unit_text(dst)} 为单位的数值",
        )
    return Fraction(value) * factor


def display_name(symbol: str) -> str:
    """How a Chinese reader names a canonical unit: its first Chinese alias (cm → 厘米,
    m² → 平方米, hour → 小时, working_day → 个工作日, year → 年; a rate part by part,
    kg/hour → 千克/小时), else the symbol (%, 亩, 元, a counter word); °C as ℃. Reasons and messages
    name units this way; the rule and the answer keep the canonical symbol."""
    if "/" in symbol:
        top, _slash, bottom = symbol.partition("/")
        return f"{display_name(top)}/{display_name(bottom)}"
    if "·" in symbol:  # (t·km → 吨·公里)
        return "·".join(display_name(part) for part in symbol.split("·"))
    found = _UNIT_BY_KEY.get(_nfkc(symbol))
    if found is None or _cjk(found.symbol):
        return symbol
    if found.symbol in _WRITTEN_AS:
        return _WRITTEN_AS[found.symbol]
    return next((a for a in found.aliases if _cjk(a)), found.symbol)


#: Units a Chinese text writes as a symbol, not a word (5 ℃, not 5 摄氏度).
_WRITTEN_AS = {"°C": "℃"}


def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def names_of(symbol: str) -> tuple[str, ...]:
    """A canonical unit's spellings: the symbol and its aliases (cm: cm, 厘米)."""
    found = _UNIT_BY_KEY.get(_nfkc(symbol))
    return (symbol, *found.aliases) if found is not None and found.symbol == symbol else (symbol,)


def same_dimension(unit: str | None) -> list[tuple[str, Fraction]]:
    """The units an answer to a rule in ``unit`` may be given in, each with the factor that
    turns it into ``unit`` (rule in cm: [("mm", 1/10), ("cm", 1), ("m", 100), ("km", 100000)]);
    just the rule's own unit when nothing converts into it (counter words, working days, rates).
    """
    own = canonical_unit(unit)
    found = _UNIT_BY_KEY.get(_nfkc(own)) if own else None
    if found is None or len(UNITS[found.dimension]) < 2:
        return [(own, Fraction(1))] if own else []
    return [(u.symbol, u.factor / found.factor) for u in UNITS[found.dimension]]


def _spaced_unit(unit: str | None) -> str:
    """A unit as it follows a number in Chinese text: its display name after a space
    ("480 平方米", "3 个工作日"), % and ‰ without one ("15%")."""
    if not unit:
        return ""
    shown = display_name(unit)
    return shown if shown in ("%", "‰") else " " + shown
