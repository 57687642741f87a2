"""Visibility conditions: a small, safe expression language over earlier answers (issue 25).

An item or section is shown only when its condition holds, e.g. ``amount >= 4000000``,
``has_warehouse == "yes"``, ``count(vehicles) >= 2``. The phone evaluates the same language
offline with ``static/js/conditions.js``; both run the cases of
``tests/data/condition_cases.json`` and must agree on every result, error message and position.
Nothing is ``eval``-ed: a hand-written tokenizer and recursive-descent parser make a small tree
of frozen dataclasses (``parse``), which ``evaluate`` walks.

Grammar (precedence from loosest to tightest: ``or`` < ``and`` < ``not`` < comparison)::

    condition  := or
    or         := and { ("or" | "||") and }
    and        := not { ("and" | "&&") not }
    not        := ("not" | "!") not | comparison
    comparison := operand [ op operand | ["not"] "in" list ]
    op         := "==" | "!=" | "<" | "<=" | ">" | ">="
    list       := "[" [ literal { "," literal } ] "]"
    operand    := literal | name | ("count" | "answered") "(" name ")" | "(" or ")"
    literal    := number | string | "true" | "false" | "null"

Numbers are written ``4000000``, ``0.5``, ``-3`` (ASCII digits; a ``-`` right before the
digits); strings in "double" or 'single' quotes (a backslash takes the next character as it
is); names are item keys of ASCII letters, digits, ``_`` and CJK characters, not starting
with a digit; the keywords ``and or not in true false null`` are lower case and reserved.
Spaces, tabs, line breaks and the ideographic space (U+3000) separate tokens. So ``not a == 1``
is ``not (a == 1)``; comparisons do not chain (``a < b < c`` is an error: ``a < b and b < c``).
At most ``MAX_LENGTH`` characters and ``MAX_DEPTH`` levels of nesting (each ``(`` and each
``not`` opens one).

Semantics. ``answers`` maps an item key to its stored value, JSON as stored: numbers as
canonical decimal strings (``"1200000"``, ``"12.5"``), choices as strings (``"yes"``, ``"na"``),
multiple choices as lists, booleans; a repeated section's key holds the list of its instances.
(Keep numbers as strings: the phone reads a JSON number as a binary double, exact only to 15
digits; it then compares the double's shortest decimal text, as Python's ``repr`` writes it.)

- *Unanswered*: a missing key, ``null``, ``""`` or ``[]``. An unanswered name is ``null``
  (``"na"``, 不适用, is an answer: a string).
- *Null*: ``x == null`` holds when ``x`` is unanswered and ``x != null`` when it is answered
  (the ``null`` literal written on either side). Every other comparison with a null side is
  false, ``!=`` included: ``x != 5`` and ``x not in [...]`` are false while ``x`` is unanswered
  (the item waits for the answer it depends on). ``x in [..., null]`` holds when ``x`` is
  unanswered.
- *Numbers*: a value is a number when it is a JSON number or a string written as a decimal
  (``-?digits[.digits]``: ``"4000000.00"`` is the number 4000000, ``"1,200"`` and ``"1e3"`` are
  plain strings). Two numbers compare by value, exactly (``Decimal``, never binary floats).
- *Other values*: ``==`` and ``!=`` compare strings exactly (no case folding or trimming) and
  booleans by identity; a number, a string and a boolean never equal one another; lists and
  instances equal nothing (use ``in`` and ``count``). ``<``, ``<=``, ``>``, ``>=`` hold only
  between two numbers: on anything else they are false, never an error.
- ``x in [l1, l2]``: ``x`` equals one of the literals; when ``x`` is a list (a multiple choice),
  when one of its elements does. ``x not in [...]``: ``x`` is answered and not ``in``.
- ``count(x)``: the number of instances of a repeated section, or the length of a list
  answer; 0 when unanswered, 1 for any other answer. ``answered(x)``: ``x`` is answered.
- *Truthiness*: ``and``, ``or``, ``not`` and the condition as a whole read a value as true only
  when it is the boolean ``true`` or the string ``"yes"`` (how a 是/否 item stores 是); anything
  else (``null``, ``"no"``, numbers, other strings, lists) is false. So a bare ``has_warehouse``
  holds when the answer is 是, and ``not has_warehouse`` also holds while it is unanswered.
  ``and`` and ``or`` stop at the first operand that decides.

Errors: ``ConditionError(message, position)``, ``position`` the 0-based character (code
point) index of the offending token, ``message`` in Chinese and counting from 1, e.g.
``第 8 个字符：缺少右括号`` or ``条件末尾：条件不完整`` (at the end of the text).
The messages are the phone's too: change them in ``static/js/conditions.js`` as well (the
browser test compares them). ``names`` lists the items a condition reads (to check they exist
and come earlier); ``explain`` says in Chinese why a condition does (not) hold, the condition
written in Chinese (≥, ≠, 且, 或, 并非, “是” for ``"yes"``); ``describe`` writes just the
condition so; ``to_text`` writes a tree back as a canonical condition. ``key_problem`` and
``order_problems`` check a template's keys and that each condition reads only earlier items
(the authoring pages, the import and the engine use them).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from checklists.scoring.numbers import format_decimal

MAX_LENGTH = 500
MAX_DEPTH = 20
FUNCTIONS = ("count", "answered")
KEYWORDS = frozenset({"and", "or", "not", "in", "true", "false", "null"})

ERR_EMPTY = "条件为空"
ERR_LONG = f"条件过长，最多 {MAX_LENGTH} 个字符"
ERR_DEEP = f"嵌套过深，最多 {MAX_DEPTH} 层"
ERR_CHAR = "无法识别的字符“{}”"
ERR_WIDE = "请把全角字符“{}”改为半角字符“{}”"
ERR_EQ = "判断相等请写“==”"
ERR_STRING = "字符串缺少结束引号"
ERR_END = "条件不完整"
ERR_OPERAND = "此处应为数值、字符串、项目名称或“(”，却是“{}”"
ERR_RPAREN = "缺少右括号"
ERR_EXTRA_RPAREN = "多余的右括号"
ERR_OPERATOR = "“{}”前缺少运算符（如 ==、>=、and、or）"
ERR_CHAIN = "比较不能连写，请用 and 连接，例如 a < b and b < c"
ERR_FUNCTION = "未知函数“{}”，可用的函数：count、answered"
ERR_ARGUMENT = "{}() 的参数应为一个项目名称"
ERR_LIST = 'in 后应为方括号列表，例如 ["甲", "乙"]'
ERR_LIST_ITEM = "列表中只能写数值、字符串、true、false 或 null"
ERR_RBRACKET = "缺少右方括号"


class ConditionError(ValueError):
    """A condition the author must correct; ``message`` says in Chinese where and what."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


# ---------------------------------------------------------------------------------------------
# The tree
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Literal:
    """A number (``Decimal``), string, ``True``, ``False`` or ``None`` (null)."""

    value: Decimal | str | bool | None
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Name:
    """An item key: the item's answer."""

    name: str
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Call:
    """``count(name)`` or ``answered(name)``."""

    function: str
    name: str
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Not:
    """``not operand``: true when the operand is not true (see truthiness)."""

    operand: Node
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class BoolOp:
    """``and`` / ``or`` over two or more operands, evaluated left to right."""

    op: str
    operands: tuple[Node, ...]
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Compare:
    """``left op right``; ``pos`` is the operator's."""

    op: str  # == != < <= > >=
    left: Node
    right: Node
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Member:
    """``operand in [items]``, or ``not in`` when ``negated``."""

    negated: bool
    operand: Node
    items: tuple[Literal, ...]
    pos: int = field(default=0, compare=False)  # of ``in`` / ``not``


Node = Literal | Name | Call | Not | BoolOp | Compare | Member


# ---------------------------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # num str name op ( ) [ ] , and or not in true false null end
    text: str
    pos: int
    value: Any = None


_SPACE = " \t\r\n\u3000"
_SYMBOLS = (
    ("==", "op"),
    ("!=", "op"),
    ("<=", "op"),
    (">=", "op"),
    ("&&", "and"),
    ("||", "or"),
    ("<", "op"),
    (">", "op"),
    ("!", "not"),
    ("(", "("),
    (")", ")"),
    ("[", "["),
    ("]", "]"),
    (",", ","),
)
#: Full-width characters a Chinese keyboard types, and the half-width ones meant.
_QUOTES = {"“": '"', "”": '"', "‘": "'", "’": "'", "、": ","}


def _digit(c: str) -> bool:
    return "0" <= c <= "9"


def _name_char(c: str, first: bool) -> bool:
    o = ord(c)
    return (
        c == "_"
        or "a" <= c <= "z"
        or "A" <= c <= "Z"
        or (not first and "0" <= c <= "9")
        or 0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
    )


def _error(message: str, position: int, text: str) -> ConditionError:
    where = "条件末尾" if position >= len(text) else f"第 {position + 1} 个字符"
    return ConditionError(f"{where}：{message}", position)


def _bad_char(c: str, position: int, text: str) -> ConditionError:
    if c == "=":
        return _error(ERR_EQ, position, text)
    if 0xFF01 <= ord(c) <= 0xFF5E:
        return _error(ERR_WIDE.format(c, chr(ord(c) - 0xFEE0)), position, text)
    if c in _QUOTES:
        return _error(ERR_WIDE.format(c, _QUOTES[c]), position, text)
    return _error(ERR_CHAR.format(c), position, text)


def _tokenize(text: str) -> list[_Token]:
    out: list[_Token] = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        start = i
        if c in _SPACE:
            i += 1
        elif _digit(c) or (c == "-" and i + 1 < n and _digit(text[i + 1])):
            i += 1
            while i < n and _digit(text[i]):
                i += 1
            if i + 1 < n and text[i] == "." and _digit(text[i + 1]):
                i += 2
                while i < n and _digit(text[i]):
                    i += 1
            out.append(_Token("num", text[start:i], start, Decimal(text[start:i])))
        elif c in "\"'":
            chars = []
            i += 1
            while True:
                if i >= n:
                    raise _error(ERR_STRING, start, text)
                ch = text[i]
                i += 1
                if ch == c:
                    break
                if ch == "\\":
                    if i >= n:
                        raise _error(ERR_STRING, start, text)
                    ch = text[i]
                    i += 1
                chars.append(ch)
            out.append(_Token("str", text[start:i], start, "".join(chars)))
        elif _name_char(c, True):
            while i < n and _name_char(text[i], False):
                i += 1
            word = text[start:i]
            out.append(_Token(word if word in KEYWORDS else "name", word, start, word))
        else:
            for symbol, kind in _SYMBOLS:
                if text.startswith(symbol, i):
                    out.append(_Token(kind, symbol, start, symbol))
                    i += len(symbol)
                    break
            else:
                raise _bad_char(c, start, text)
    out.append(_Token("end", "", n))
    return out


# ---------------------------------------------------------------------------------------------
# The parser
# ---------------------------------------------------------------------------------------------

_CONSTANTS: dict[str, bool | None] = {"true": True, "false": False, "null": None}


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.i = 0
        self.depth = 0

    def peek(self, ahead: int = 0) -> _Token:
        return self.tokens[min(self.i + ahead, len(self.tokens) - 1)]

    def take(self) -> _Token:
        token = self.tokens[self.i]
        if token.kind != "end":
            self.i += 1
        return token

    def fail(self, message: str, token: _Token) -> ConditionError:
        return _error(message, token.pos, self.text)

    def enter(self, token: _Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.fail(ERR_DEEP, token)

    def condition(self) -> Node:
        if self.peek().kind == "end":
            raise ConditionError(ERR_EMPTY, 0)
        node = self.or_()
        token = self.peek()
        if token.kind == ")":
            raise self.fail(ERR_EXTRA_RPAREN, token)
        if token.kind != "end":
            raise self.fail(ERR_OPERATOR.format(token.text), token)
        return node

    def or_(self) -> Node:
        parts = [self.and_()]
        while self.peek().kind == "or":
            self.take()
            parts.append(self.and_())
        return parts[0] if len(parts) == 1 else BoolOp("or", tuple(parts), parts[0].pos)

    def and_(self) -> Node:
        parts = [self.not_()]
        while self.peek().kind == "and":
            self.take()
            parts.append(self.not_())
        return parts[0] if len(parts) == 1 else BoolOp("and", tuple(parts), parts[0].pos)

    def not_(self) -> Node:
        token = self.peek()
        if token.kind != "not":
            return self.comparison()
        self.take()
        self.enter(token)
        node = Not(self.not_(), token.pos)
        self.depth -= 1
        return node

    def _at_comparison(self) -> bool:
        kind = self.peek().kind
        return kind in ("op", "in") or (kind == "not" and self.peek(1).kind == "in")

    def comparison(self) -> Node:
        left = self.operand()
        if not self._at_comparison():
            return left
        token = self.take()
        node: Node
        if token.kind == "op":
            node = Compare(token.value, left, self.operand(), token.pos)
        else:
            if token.kind == "not":
                self.take()
            node = Member(token.kind == "not", left, self.items(), token.pos)
        if self._at_comparison():
            raise self.fail(ERR_CHAIN, self.peek())
        return node

    def operand(self) -> Node:
        token = self.take()
        kind = token.kind
        if kind in ("num", "str"):
            return Literal(token.value, token.pos)
        if kind in _CONSTANTS:
            return Literal(_CONSTANTS[kind], token.pos)
        if kind == "name":
            if self.peek().kind != "(":
                return Name(token.text, token.pos)
            if token.text not in FUNCTIONS:
                raise self.fail(ERR_FUNCTION.format(token.text), token)
            self.take()
            argument = self.take()
            if argument.kind != "name":
                raise self.fail(ERR_ARGUMENT.format(token.text), argument)
            close = self.take()
            if close.kind != ")":
                raise self.fail(ERR_RPAREN, close)
            return Call(token.text, argument.text, token.pos)
        if kind == "(":
            self.enter(token)
            node = self.or_()
            close = self.take()
            if close.kind != ")":
                raise self.fail(ERR_RPAREN, close)
            self.depth -= 1
            return node
        if kind == "end":
            raise self.fail(ERR_END, token)
        raise self.fail(ERR_OPERAND.format(token.text), token)

    def items(self) -> tuple[Literal, ...]:
        token = self.take()
        if token.kind != "[":
            raise self.fail(ERR_LIST, token)
        items: list[Literal] = []
        if self.peek().kind == "]":
            self.take()
            return ()
        while True:
            token = self.take()
            if token.kind in ("num", "str"):
                items.append(Literal(token.value, token.pos))
            elif token.kind in _CONSTANTS:
                items.append(Literal(_CONSTANTS[token.kind], token.pos))
            else:
                raise self.fail(ERR_LIST_ITEM, token)
            token = self.take()
            if token.kind == "]":
                return tuple(items)
            if token.kind != ",":
                raise self.fail(ERR_RBRACKET, token)


@lru_cache(maxsize=1024)
def parse(text: str) -> Node:
    """The tree of a condition, or ``ConditionError`` (message in Chinese, 0-based position)."""
    if len(text) > MAX_LENGTH:
        raise _error(ERR_LONG, MAX_LENGTH, text)
    return _Parser(text).condition()


def _tree(condition: str | Node) -> Node:
    return parse(condition) if isinstance(condition, str) else condition


# ---------------------------------------------------------------------------------------------
# Evaluation
# ---------------------------------------------------------------------------------------------

_NUMBER_RE = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_ORDER: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def _read(value: Any) -> Any:
    """A stored answer as the language sees it: None (null) when unanswered, ints and floats
    as ``Decimal`` (a float by its shortest text, as the phone's ``String(x)`` writes it)."""
    if value is None or (isinstance(value, str | list) and not value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    return value


def _number(value: Any) -> Decimal | None:
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, str) and _NUMBER_RE.fullmatch(value):
        return Decimal(value)
    return None


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list | dict) or isinstance(b, list | dict):
        return False
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return type(a) is type(b) and a == b


def _compare(op: str, a: Any, b: Any) -> bool:
    """Two answered values (neither None)."""
    x, y = _number(a), _number(b)
    if x is not None and y is not None:
        return _ORDER[op](x, y)
    if op == "==":
        return _same(a, b)
    if op == "!=":
        return not _same(a, b)
    return False


def _truthy(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value == "yes")


def _is_null(node: Node) -> bool:
    return isinstance(node, Literal) and node.value is None


def _value(node: Node, answers: Mapping[str, Any]) -> Any:
    if isinstance(node, Literal):
        return node.value
    if isinstance(node, Name):
        return _read(answers.get(node.name))
    if isinstance(node, Call):
        value = _read(answers.get(node.name))
        if node.function == "answered":
            return value is not None
        return Decimal(0 if value is None else len(value) if isinstance(value, list) else 1)
    if isinstance(node, Not):
        return not _truthy(_value(node.operand, answers))
    if isinstance(node, BoolOp):
        if node.op == "and":
            return all(_truthy(_value(part, answers)) for part in node.operands)
        return any(_truthy(_value(part, answers)) for part in node.operands)
    if isinstance(node, Compare):
        if node.op in ("==", "!=") and (_is_null(node.left) or _is_null(node.right)):
            other = node.right if _is_null(node.left) else node.left
            return (_value(other, answers) is None) == (node.op == "==")
        left, right = _value(node.left, answers), _value(node.right, answers)
        return left is not None and right is not None and _compare(node.op, left, right)
    value = _value(node.operand, answers)
    if value is None:
        return not node.negated and any(item.value is None for item in node.items)
    elements = [_read(e) for e in value] if isinstance(value, list) else [value]
    hit = any(
        e is not None and item.value is not None and _compare("==", e, item.value)
        for e in elements
        for item in node.items
    )
    return hit != node.negated


def evaluate(condition: str | Node, answers: Mapping[str, Any]) -> bool:
    """Whether ``condition`` (text or tree) holds for ``answers`` (item key → stored value)."""
    return _truthy(_value(_tree(condition), answers))


def _walk(node: Node) -> Iterator[Node]:
    """The nodes of a tree, in the order of the text."""
    yield node
    if isinstance(node, Not):
        yield from _walk(node.operand)
    elif isinstance(node, BoolOp):
        for part in node.operands:
            yield from _walk(part)
    elif isinstance(node, Compare):
        yield from _walk(node.left)
        yield from _walk(node.right)
    elif isinstance(node, Member):
        yield from _walk(node.operand)


def names(condition: str | Node) -> set[str]:
    """The item keys a condition reads (bare and in ``count``/``answered``)."""
    return {n.name for n in _walk(_tree(condition)) if isinstance(n, Name | Call)}


# ---------------------------------------------------------------------------------------------
# Writing conditions back: canonical text, and Chinese for explanations
# ---------------------------------------------------------------------------------------------

_PRECEDENCE = {"or": 1, "and": 2}
_SIGNS = {"==": "=", "!=": "≠", "<": "<", "<=": "≤", ">": ">", ">=": "≥"}
_WORDS = {"yes": "是", "no": "否", "na": "不适用"}


def _precedence(node: Node) -> int:
    if isinstance(node, BoolOp):
        return _PRECEDENCE[node.op]
    if isinstance(node, Not):
        return 3
    if isinstance(node, Compare | Member):
        return 4
    return 5


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _literal(value: Any, chinese: bool) -> str:
    if value is None:
        return "空" if chinese else "null"
    if isinstance(value, bool):
        return ("是" if value else "否") if chinese else ("true" if value else "false")
    if isinstance(value, Decimal):
        return format_decimal(value)
    if chinese:
        return value if _NUMBER_RE.fullmatch(value) else f"“{_WORDS.get(value, value)}”"
    return _quote(value)


class _Writer:
    def __init__(self, labels: Mapping[str, str] | None, chinese: bool) -> None:
        self.labels = labels or {}
        self.chinese = chinese

    def label(self, name: str) -> str:
        return self.labels.get(name, name)

    def inner(self, node: Node, least: int) -> str:
        text = self.write(node)
        return f"({text})" if _precedence(node) < least else text

    def write(self, node: Node) -> str:
        zh = self.chinese
        if isinstance(node, Literal):
            return _literal(node.value, zh)
        if isinstance(node, Name):
            return self.label(node.name)
        if isinstance(node, Call):
            if not zh:
                return f"{node.function}({node.name})"
            suffix = "的数量" if node.function == "count" else "已作答"
            return f"{self.label(node.name)} {suffix}"
        if isinstance(node, Not):
            return ("并非 " if zh else "not ") + self.inner(node.operand, 3)
        if isinstance(node, BoolOp):
            joint = {"and": " 且 ", "or": " 或 "}[node.op] if zh else f" {node.op} "
            least = _PRECEDENCE[node.op] + 1
            return joint.join(self.inner(part, least) for part in node.operands)
        if isinstance(node, Compare):
            if zh and node.op in ("==", "!=") and (_is_null(node.left) or _is_null(node.right)):
                other = node.right if _is_null(node.left) else node.left
                word = "未作答" if node.op == "==" else "已作答"
                return f"{self.inner(other, 5)} {word}"
            sign = _SIGNS[node.op] if zh else node.op
            return f"{self.inner(node.left, 5)} {sign} {self.inner(node.right, 5)}"
        items = ", ".join(_literal(item.value, zh) for item in node.items)
        if zh:
            word = "不属于" if node.negated else "属于"
        else:
            word = "not in" if node.negated else "in"
        return f"{self.inner(node.operand, 5)} {word} [{items}]"


def to_text(condition: str | Node) -> str:
    """The canonical text of a condition: ``parse(to_text(tree))`` is ``tree`` again."""
    return _Writer(None, False).write(_tree(condition))


def describe(condition: str | Node, labels: Mapping[str, str] | None = None) -> str:
    """A condition written in Chinese, naming items by ``labels`` (key → label):
    ``项目金额 ≥ 4000000``, ``有仓库 = “是” 且 车辆 的数量 ≥ 2``."""
    return _Writer(labels, True).write(_tree(condition))


# ---------------------------------------------------------------------------------------------
# Keys, and conditions that read only earlier items
# ---------------------------------------------------------------------------------------------

#: The longest item key.
KEY_MAX = 40
PROBLEM_KEY_CHARS = "标识只能由字母、数字、下划线和汉字组成，且不能以数字开头"
PROBLEM_KEY_RESERVED = "“{}”是条件语言的保留字，不能作标识"
PROBLEM_KEY_LONG = f"标识最多 {KEY_MAX} 个字符"
PROBLEM_KEY_TWICE = "标识“{}”与前面的检查项重复"
PROBLEM_NAME_UNKNOWN = "没有标识为“{}”的检查项"
PROBLEM_NAME_LATER = "“{}”是后面的检查项：条件只能引用前面的检查项"
PROBLEM_NAME_OWN = "条件不能引用本项自己的答案“{}”"


def key_problem(key: str) -> str | None:
    """Why ``key`` cannot name an item in conditions (in Chinese), or None when it can: the
    language's name rule (ASCII letters, digits, ``_``, CJK; not starting with a digit), not a
    keyword or function name, at most ``KEY_MAX`` characters."""
    if len(key) > KEY_MAX:
        return PROBLEM_KEY_LONG
    if not key or not all(_name_char(c, n == 0) for n, c in enumerate(key)):
        return PROBLEM_KEY_CHARS
    if key in KEYWORDS or key in FUNCTIONS:
        return PROBLEM_KEY_RESERVED.format(key)
    return None


def order_problems(
    entries: Sequence[tuple[str | None, Sequence[str]]],
) -> list[tuple[int, str, str]]:
    """What is wrong with the keys and conditions of a template read in order.

    ``entries`` are the template's sections and items in display order: ``(key, conditions)``,
    a section with no key and its own condition, an item with its key (or None) and its own
    condition (or none). A key must be valid (``key_problem``) and not used before; a condition
    must parse and read only the keys of items that come earlier. Returns ``(index, field,
    message)`` per problem, ``field`` ``"key"`` or ``"visible_when"``, the message in Chinese
    (a parse error as ``parse`` words it, with its position)."""
    later = {key: n for n, (key, _when) in enumerate(entries) if key}
    seen: set[str] = set()
    out: list[tuple[int, str, str]] = []
    for n, (key, whens) in enumerate(entries):
        for when in whens:
            try:
                read = sorted(names(when))
            except ConditionError as exc:
                out.append((n, "visible_when", exc.message))
                continue
            for name in read:
                if name in seen:
                    continue
                if name == key:
                    message = PROBLEM_NAME_OWN.format(name)
                elif name in later:
                    message = PROBLEM_NAME_LATER.format(name)
                else:
                    message = PROBLEM_NAME_UNKNOWN.format(name)
                out.append((n, "visible_when", message))
                break
        if key:
            problem = key_problem(key)
            if problem is None and key in seen:
                problem = PROBLEM_KEY_TWICE.format(key)
            if problem is not None:
                out.append((n, "key", problem))
            seen.add(key)
    return out


def _shown(value: Any) -> str:
    """An answer in an explanation: 1200000, “是”, “甲”、“乙”, 3 项."""
    if isinstance(value, list):
        if all(isinstance(e, str | bool | int | float | Decimal) for e in value):
            return "、".join(_literal(_read(e), True) for e in value)
        return f"{len(value)} 项"
    if isinstance(value, dict):
        return "已作答"
    return _literal(value, True)


def explain(
    condition: str | Node, answers: Mapping[str, Any], labels: Mapping[str, str] | None = None
) -> str:
    """Why a condition does or does not hold, in Chinese, naming items by ``labels``:
    ``不适用：项目金额 = 1200000，条件 项目金额 ≥ 4000000 不成立`` (``适用：…成立`` when it holds).
    """
    tree = _tree(condition)
    writer = _Writer(labels, True)
    facts: dict[str, None] = {}
    for node in _walk(tree):
        if not isinstance(node, Name | Call):
            continue
        label = writer.label(node.name)
        value = _read(answers.get(node.name))
        if isinstance(node, Call) and node.function == "count":
            facts[f"{label} 的数量 = {format_decimal(_value(node, answers))}"] = None
        elif value is None:
            facts[f"{label} 未作答"] = None
        elif isinstance(node, Call):
            facts[f"{label} 已作答"] = None
        else:
            facts[f"{label} = {_shown(value)}"] = None
    holds = evaluate(tree, answers)
    head = "适用：" if holds else "不适用："
    known = "，".join(facts) + "，" if facts else ""
    return f"{head}{known}条件 {writer.write(tree)} {'成立' if holds else '不成立'}"
