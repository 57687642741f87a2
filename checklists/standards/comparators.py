"""How Chinese legal drafting says "at least", "at most", "below", "above": one table.

Pure module (standard library only). ``comparator_before`` reads the words just before a number
(``面积不应低于`` → ``>=``), ``comparator_after`` the words just after its unit (``500平方米以上`` →
``>=``), and ``with_marker`` applies an explicit inclusivity marker wherever it sits
(``低于（含）`` → ``<=``).

The rules, from 民法典 第一千二百五十九条 ("民法所称的'以上'、'以下'、'以内'、'届满'，包括本数；
所称的'不满'、'超过'、'以外'，不包括本数"):

- a base word names a strict or inclusive comparison: 低于/少于/小于/短于/不足/不满/未满/不到 (<),
  高于/多于/大于/长于/超过/超出 (>), 小于等于/不大于… (<=), 大于等于/至少… (>=), 等于/为 (==);
- a negation before a base word turns it round: 不 + 低于 is >=, 不得 + 超过 is <=, 不应 + 低于 is
  >=, 不宜 + 大于 is <= (not < is >=, not > is <=, not <= is >, not >= is <);
- after the number: 以上/及以上 and 届满 include it (>=), 以下/及以下/以内/之内/内 include it (<=),
  以外 does not (>);
- an explicit （含）/（含本数）/含本数 makes the comparison inclusive, （不含）/不含本数 strict, on
  whichever side of the number it is written.
"""

from __future__ import annotations

import re
from typing import Literal

Comparator = Literal[">=", "<=", ">", "<", "=="]

#: Negation turns a comparison round.
NEGATE: dict[str, str] = {"<": ">=", ">": "<=", "<=": ">", ">=": "<"}
#: An explicit inclusivity marker: (comparator, inclusive?) → comparator.
_INCLUSIVE = {"<": "<=", ">": ">=", "<=": "<=", ">=": ">="}
_EXCLUSIVE = {"<=": "<", ">=": ">", "<": "<", ">": ">"}

#: Base words before a number, longest first within the table (大于等于 before 大于).
BEFORE: tuple[tuple[str, str], ...] = (
    ("大于或等于", ">="),
    ("大于或者等于", ">="),
    ("高于或等于", ">="),
    ("高于或者等于", ">="),
    ("多于或等于", ">="),
    ("大于等于", ">="),
    ("小于或等于", "<="),
    ("小于或者等于", "<="),
    ("低于或等于", "<="),
    ("低于或者等于", "<="),
    ("少于或等于", "<="),
    ("小于等于", "<="),
    ("至少", ">="),
    ("最少", ">="),
    ("最低", ">="),
    ("起码", ">="),
    ("至多", "<="),
    # up to, at most (补贴最高可达5万元, 每户最多可达3人): not "reach", a cap
    ("最高可达", "<="),
    ("最多可达", "<="),
    ("最多", "<="),
    ("最高", "<="),
    # (景区日最大承载量为2万人次, 最小净距为1米: the most or least of a measure named)
    ("最大", "<="),
    ("最小", ">="),
    ("最长", "<="),
    ("上限为", "<="),
    ("上限是", "<="),
    # (缴存基数下限为上年度平均工资的60%: a floor named, the number its bound)
    ("下限为", ">="),
    ("下限是", ">="),
    ("控制在", "<="),
    # a time cut to (审批时限压缩至3个工作日): at most, a faster one complies
    ("压缩至", "<="),
    ("压缩到", "<="),
    ("缩短至", "<="),
    ("缩短到", "<="),
    # only so many (每人每年只能享受一次): at most
    ("只能", "<="),
    ("仅能", "<="),
    ("只可", "<="),
    ("仅限", "<="),
    # a capacity that covers so much (储备能力可满足全市居民7天的需求): that much or more
    ("满足", ">="),
    # a band from a named end up to a number (起付标准以上至5万元的部分): up to it
    ("以上至", "<="),
    # beyond a mark (首次突破1亿元): more than it, as 超过
    ("突破", ">"),
    # only so many to each (每期限领1套, 限购2件): at most
    ("限领", "<="),
    ("限购", "<="),
    ("限报", "<="),
    ("限养", "<="),  # (每户限养一只犬: a cap)
    # a rank among the first so many (排名前三名的乡镇): that rank or better
    ("排名前", "<="),
    ("排在前", "<="),
    ("位居前", "<="),
    ("位列前", "<="),
    # (排名进入全省前10位, 跻身全国前50强: among the first so many of a place's)
    ("进入前", "<="),
    ("跻身前", "<="),
    ("全省前", "<="),
    ("全市前", "<="),
    ("全国前", "<="),
    # a limit named by what it limits (限速5km/h, 限高4.5米, 限重30吨)
    ("限速", "<="),
    ("限高", "<="),
    ("限重", "<="),
    ("限载", "<="),
    ("限宽", "<="),
    ("≥", ">="),
    (">=", ">="),
    ("≤", "<="),
    ("<=", "<="),
    ("不足", "<"),
    ("不满", "<"),
    ("未满", "<"),
    ("不到", "<"),
    ("未达到", "<"),
    ("未达", "<"),
    ("低于", "<"),
    ("缓于", "<"),  # (a slope less steep: 坡度不应缓于1:3)
    ("少于", "<"),
    ("小于", "<"),
    ("短于", "<"),
    ("早于", "<"),  # (男不得早于22周岁: not younger, so 22 or older)
    ("<", "<"),
    ("高于", ">"),
    ("陡于", ">"),  # (a slope steeper: 边坡坡度不应陡于1:1.5, so at most that steep)
    ("多于", ">"),
    ("大于", ">"),
    ("长于", ">"),
    ("晚于", ">"),
    ("超过", ">"),
    ("超出", ">"),
    ("逾", ">"),
    ("超", ">"),  # only right before its number: 超30日未申报的 (超标, 超低 are other words)
    (">", ">"),
    ("等于", "=="),
    ("达到", ">="),
    ("达", ">="),  # only right before its number: 审核率达100% (达标, 达成 are other words)
    ("年满", ">="),
    ("提前", ">="),  # 提前3个工作日通知: at least that long before (right before its number)
    # (points reached on a licence: 记满12分, 扣满12分; 未记满 is below them)
    ("记满", ">="),
    ("扣满", ">="),
    ("满", ">="),
)
#: Negations that turn a following base word round (longest first).
NEGATIONS: tuple[str, ...] = (
    "不应当",
    "不应该",
    "不得",
    "不应",
    "不宜",
    "不能",
    "不可",
    "不准",
    "不许",
    "不要",
    "严禁",
    "禁止",
    "不",
    "没有",  # (没有达到12分的: below them)
    "未",  # (未超过3次的: not over, so at most; 未低于: at least)
)
#: Words after the number (and its unit).
AFTER: tuple[tuple[str, str], ...] = (
    ("及以上", ">="),
    ("以上", ">="),
    ("届满", ">="),
    ("及以下", "<="),
    ("以下", "<="),
    ("范围以内", "<="),
    ("范围之内", "<="),
    ("范围内", "<="),
    # (周围200米半径范围内: within that radius)
    ("半径范围以内", "<="),
    ("半径范围之内", "<="),
    ("半径范围内", "<="),
    ("以内", "<="),
    ("之内", "<="),
    ("以外", ">"),
    ("内", "<="),
)
_MARK = r"(?:[（(]\s*不?含\s*(?:本数)?[^（()）]{0,6}[）)]|不?含本数)"
_INCLUSIVE_MARK = re.compile(r"[（(]\s*含|(?<!不)含本数")
_EXCLUSIVE_MARK = re.compile(r"不含")

_BEFORE_RE = re.compile(
    # (没有被记满12分, 未被扣满: a passive between the negation and its word)
    "(?:(?P<neg>" + "|".join(map(re.escape, NEGATIONS)) + r")\s*被?)?\s*"
    "(?P<base>" + "|".join(re.escape(w) for w, _ in BEFORE) + r")\s*"
    "(?P<mark>" + _MARK + r")?"
)
#: What may stand between a comparator and its number: words, but no other number.
_A_NUMBER = re.compile(r"\d|[零〇一二两三四五六七八九十百千万]{1,4}(?:个|名|次|人|年|日|天|倍)")
#: (Spaces before the word are read once: ``\s*(mark)?\s*`` took time quadratic in a long
#: run of spaces.)
_AFTER_RE = re.compile(
    r"^\s*(?:(?P<mark1>" + _MARK + r")\s*)?"
    "(?P<word>" + "|".join(re.escape(w) for w, _ in AFTER) + ")"
    r"\s*(?P<mark2>" + _MARK + ")?"
)
_BEFORE_WORDS = dict(BEFORE)
#: 每 and what is counted, right after the comparison (不少于每100户1名): the comparison is the
#: number's after them, the one after 每 says what it is per.
_EACH_THEN = re.compile(r"\s*每\s*(?:\d+(?:\.\d+)?|[十百千万])\s*[^\d，,。；;每]{1,10}$")
#: The words of the most or least of a measure (最低, 最高, 最大, 最小).
_EXTREMES = ("最低", "最高", "最大", "最小")
#: What 最低/最高 name rather than compare (最低工资标准, 最低生活保障, 最高气温, 最高人民法院).
_NAMED_EXTREME = re.compile(
    r"\s*(?:工资|生活|气温|温度|限价|价格?|收购价|人民|水位|风速|学历|级别|档次|等级|层|峰|"
    # (最大限度, 最大程度, 最小化; 不应小于罐组内1个最大储罐的容积, 高出最高建筑物3米: a thing
    # named by its size)
    r"限度|程度|化|努力|可能|储罐|冻土|值|建筑|楼|点|处)"
)
#: The minimum wage's own amount next (最低工资标准为每月2100元; 最低工资标准：): the floor, not
#: a name (最低工资标准的80%: a share of it).
_A_WAGE_FLOOR_S_OWN = re.compile(r"工资标准\s*(?:为|是|：|:)?\s*(?:每月|每小时)?\s*$")
_AFTER_WORDS = dict(AFTER)


def comparator_before(words: str) -> tuple[str, int] | None:
    """The comparison ``words`` (the text up to a number) state last, and the offset in
    ``words`` where its wording starts; None if they state none. Words may follow the
    comparison (至少配备, 不高于上年度的) but no other number."""
    found = None
    for match in _BEFORE_RE.finditer(words):
        if _A_NUMBER.search(words, match.end()) and not _EACH_THEN.match(words, match.end()):
            continue
        if not match.group("neg") and words[: match.start()].rstrip().endswith("每"):
            continue  # (每满2年, 每超过1小时: the step an amount goes by, no bound)
        if (
            match.group("base") in ("达", "提前", "满", "记满", "扣满", "逾", "超", "早于", "晚于")
            and words[match.end() :].strip()
        ):
            # (不得早于作业开始前30分钟: a time before another, the number no age nor date)
            # (only right before its number: 达标, 提前完成3项, 满分为, 逾期 are other words)
            continue
        if match.group("base") == "达" and words[match.start() - 1 : match.start()] in (
            "下",
            "传",
            "送",
            "表",
            "通",
            "转",
            "到",
        ):
            continue  # (第一批下达60%: handed down, 传达, 送达: no "reach")
        if (
            match.group("base") in _EXTREMES
            and _NAMED_EXTREME.match(words, match.end())
            # (最低工资标准为2100元: the wage's floor itself, its number right after it)
            and not _A_WAGE_FLOOR_S_OWN.match(words, match.end())
        ):
            continue  # (最低工资标准的80%, 最高气温: a quantity's name, no comparison)
        if (
            match.group("base") in _EXTREMES
            and found is not None
            and _BEFORE_WORDS[found.group("base")] != "=="
        ):
            # (不得低于最低工资标准1820元, 不得低于…最低档工资的80%: the comparison before
            # it is the number's, the extreme names what it is compared with)
            continue
        if match.group("base").startswith("限") and words[match.end() :].lstrip().startswith("的"):
            continue  # (不得超过限速的80%: a share of the limit, which names no comparison)
        if match.group("base") in ("超出", "超过", "不足") and re.match(
            r"[^，,。；;\d]{0,6}?部分", words[match.end() :]
        ):
            # (按超出部分的10%给予补助, 超过天数部分按…的70%: the part above, a share of it;
            # 不足部分由…按照40%、60%的比例负担: the part short, shared)
            continue
        found = match
    if found is None:
        return None
    comparator = _BEFORE_WORDS[found.group("base")]
    if found.group("neg") and comparator != "==":
        comparator = NEGATE[comparator]
    start = found.start("neg") if found.group("neg") else found.start("base")
    return with_marker(comparator, found.group("mark") or ""), start


def comparator_after(words: str) -> str | None:
    """The comparison that ``words`` (the text after the number and its unit) begin with,
    with a marker on either side of its word (``（含）以上``, ``以上（含）``)."""
    match = _AFTER_RE.search(words)
    if match is None:
        return None
    marks = (match.group("mark1") or "") + (match.group("mark2") or "")
    return with_marker(_AFTER_WORDS[match.group("word")], marks)


def with_marker(comparator: str, marks: str) -> str:
    """``comparator`` made inclusive or strict by an explicit marker (``（含）``, ``（不含）``,
    ``含本数``, ``不含本数``) in ``marks``."""
    if comparator == "==":
        return comparator
    if _EXCLUSIVE_MARK.search(marks):
        return _EXCLUSIVE[comparator]
    if _INCLUSIVE_MARK.search(marks):
        return _INCLUSIVE[comparator]
    return comparator


def holds(comparator: str, value: float, threshold: float) -> bool:
    """Whether ``value`` meets ``comparator threshold`` (for tests and explanations)."""
    return {
        ">=": value >= threshold,
        "<=": value <= threshold,
        ">": value > threshold,
        "<": value < threshold,
        "==": value == threshold,
    }[comparator]
