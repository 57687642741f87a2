"""Repeated sections: items answered once per instance (per depot, warehouse, vehicle).

The items of a template that share ``ItemSpec.repeat`` (a key, in a row) form one repeated
group; an inspection lists the group's instances in order, ``(instance key, label)``, and
answers its items per instance, keyed ``(item id, instance key)``. Each instance's answer is
judged as an ordinary item's (``engine._run``: validity, photos, 不适用 …); ``combine`` then
makes the item's one result out of them, by its ``aggregate``:

- no instance: unanswered (尚未添加…), missing when the item is required and scored;
- an instance unanswered, or failing without its photo: the item is missing that (the first
  such instance's code) and not counted;
- no instance counted (all 不适用, hidden …): excluded with the first instance's code;
- otherwise it fails when any counted instance fails (whatever the aggregate), and is a
  knockout when it is critical; its points are ``weight × f`` (满分 = weight, once), ``f``:
  ``all``, 0 when an instance fails, else the lowest instance's fraction (1 but for a choice
  that passes with partial points); ``average``, the mean of the counted instances'
  fractions; ``worst``, the lowest of them.

The item's result has ``value`` None and ``instances``: each instance's (key, label, result).

Visibility (``engine.Visibility``): a condition of a group's item that reads an earlier item
of the group is evaluated per instance; its other conditions (its section's) once, before the
group, and hide the item in every instance. After the group, the repeat key reads as the list
of the instances (``count``; none when every item of the group is hidden) and each item's key as
the list of the instances' answers (unanswered and hidden ones left out).

The engine calls this module only for templates with a repeated section: those without pay
nothing.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from fractions import Fraction
from typing import Any, Protocol

from checklists.scoring import conditions
from checklists.scoring.errors import AnswerError, RuleError
from checklists.scoring.items import (
    _ADVISORY_NOTE,
    _EXCLUSION_WORDS,
    _F0,
    CompiledItem,
    Instances,
    ItemResult,
    ItemSpec,
    _hidden_result,
    _Outcome,
    _run,
    stored_value,
)


# What this module reads of the engine's ``Visibility`` and ``CompiledTemplate``, as protocols:
# the engine imports this module, so naming its classes here would close a circle.
class Visibility(Protocol):
    """``engine.Visibility`` as ``explained`` and ``preset`` read it."""

    labels: dict[str, str]
    steps: tuple[Any, ...]
    conditional: bool

    def explained(
        self, answers: Mapping[Any, Any], instances: Instances | None = None
    ) -> dict[Any, tuple[int, str]]: ...


class CompiledTemplate(Protocol):
    """``engine.CompiledTemplate`` as this module reads it."""

    items: tuple[CompiledItem, ...]
    by_id: dict[Any, CompiledItem]
    repeats: dict[str, tuple[int, ...]]
    visibility: Visibility
    denominator: int
    _repeat_outcomes: dict[tuple[Any, Fraction], Any]

    def validity(self, as_of: date | None) -> tuple[tuple[str, str] | None, ...]: ...


#: How reasons name each aggregate.
MODES = {"all": "全部须合格", "average": "取平均", "worst": "取最差"}
_OUTCOMES_KEPT = 4096


# ---------------------------------------------------------------------------------------------
# The groups, and their keys in the conditions' order check
# ---------------------------------------------------------------------------------------------


def groups(items: Sequence[ItemSpec]) -> dict[str, tuple[int, ...]]:
    """Repeat key → the indices of its items (in a row, else ``RuleError`` on ``repeat``)."""
    found: dict[str, list[int]] = {}
    previous = None
    for n, item in enumerate(items):
        key = item.repeat or None
        if key is not None:
            if not isinstance(key, str):
                raise RuleError("repeat", "重复部分的标识须为文字", item.id)
            if key in found and previous != key:
                raise RuleError("repeat", f"重复部分“{key}”的检查项须排在一起", item.id)
            found.setdefault(key, []).append(n)
        previous = key
    return {key: tuple(indices) for key, indices in found.items()}


def order_problems(
    items: Sequence[ItemSpec],
    entries: Sequence[tuple[str | None, Sequence[str]]],
    found: Mapping[str, tuple[int, ...]],
) -> list[tuple[int, str, str]]:
    """``conditions.order_problems`` of the items' ``entries`` with each repeat key as a name
    known after its group's last item (a condition after the group may read it; it must be a
    valid key used nowhere else). Returns (item index, field, message); a problem with a
    repeat key is the field ``repeat`` of its group's first item."""
    last = {indices[-1]: key for key, indices in found.items()}
    checked: list[tuple[str | None, Sequence[str]]] = []
    owners: list[tuple[int, str | None]] = []
    for n, entry in enumerate(entries):
        checked.append(entry)
        owners.append((n, None))
        if n in last:
            checked.append((last[n], ()))
            owners.append((found[last[n]][0], "repeat"))
    out = []
    for m, field_name, message in conditions.order_problems(checked):
        n, instead = owners[m]
        out.append((n, instead or field_name, message))
    return out


# ---------------------------------------------------------------------------------------------
# Visibility
# ---------------------------------------------------------------------------------------------


def steps(
    items: Sequence[ItemSpec],
    plan: Sequence[tuple[Any, str | None, tuple[conditions.Node, ...]]],
    found: Mapping[str, tuple[int, ...]],
    labels: dict[str, str],
) -> tuple[tuple[str | None, Any], ...]:
    """The visibility plan in steps: ``(None, (item id, key, trees))`` for an ordinary item,
    ``(repeat key, members)`` for a group, each member ``(item id, key, outer, inner)`` with its
    conditions as (index, tree): inner ones read an item of the group (evaluated per
    instance), outer ones do not (evaluated once). Adds the repeat keys' labels."""
    starts = {indices[0]: key for key, indices in found.items()}
    out: list[tuple[str | None, Any]] = []
    n = 0
    while n < len(plan):
        repeat = starts.get(n)
        if repeat is None:
            out.append((None, plan[n]))
            n += 1
            continue
        indices = found[repeat]
        own = {plan[i][1] for i in indices if plan[i][1]}
        members = []
        for i in indices:
            item_id, key, trees = plan[i]
            inner = tuple((k, t) for k, t in enumerate(trees) if conditions.names(t) & own)
            outer = tuple((k, t) for k, t in enumerate(trees) if not conditions.names(t) & own)
            members.append((item_id, key, outer, inner))
        labels.setdefault(repeat, (items[indices[0]].repeat_label or "").strip() or repeat)
        out.append((repeat, tuple(members)))
        n = indices[-1] + 1
    return tuple(out)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str | list) and not value)


def explained(
    visibility: Visibility, answers: Mapping[Any, Any], instances: Instances
) -> dict[Any, tuple[int, str]]:
    """``Visibility.explained`` of a template with repeated sections: item id → (condition
    index, why) for an item hidden in every instance, ``(item id, instance key)`` → … for one
    hidden in that instance only."""
    out: dict[Any, tuple[int, str]] = {}
    shown: dict[str, Any] = {}
    get = answers.get
    labels = visibility.labels
    evaluate, explain = conditions.evaluate, conditions.explain
    for repeat, step in visibility.steps:
        if repeat is None:
            item_id, key, trees = step
            for n, tree in enumerate(trees):
                if not evaluate(tree, shown):
                    out[item_id] = (n, explain(tree, shown, labels))
                    break
            else:
                if key is not None:
                    shown[key] = stored_value(get(item_id))
            continue
        lists: dict[str, list[Any]] = {}
        for item_id, key, outer, _inner in step:
            for n, tree in outer:
                if not evaluate(tree, shown):
                    out[item_id] = (n, explain(tree, shown, labels))
                    break
            if key is not None:
                lists[key] = []
        rows: list[dict[str, Any]] = []
        # every item hidden (its section's condition false): no instance reads as added
        listed = () if all(m[0] in out for m in step) else instances.get(repeat, ())
        for instance, _label in listed:
            own: dict[str, Any] = {}
            scope = ChainMap(own, shown)
            for item_id, key, _outer, inner in step:
                if item_id in out:
                    continue
                for n, tree in inner:
                    if not evaluate(tree, scope):
                        out[item_id, instance] = (n, explain(tree, scope, labels))
                        break
                else:
                    if key is not None:
                        value = own[key] = stored_value(get((item_id, instance)))
                        if not _blank(value):
                            lists[key].append(value)
            rows.append(own)
        shown[repeat] = rows
        shown.update(lists)
    return out


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


def check_keys(ct: CompiledTemplate, answers: Mapping[Any, Any], listed: Mapping[str, Any]) -> None:
    """``AnswerError("unknown_item")`` for the first answer key that names no item of the
    template, an item of a repeated section by its id alone, an instance of an ordinary item
    or an instance ``listed`` (repeat key → its instance keys) does not hold."""
    by_id = ct.by_id
    extra = [str(k) for k in answers if k.__class__ is not tuple and k not in by_id]
    if extra:
        raise AnswerError("unknown_item", f"条目“{'、'.join(extra)}”不在本检查表中", extra[0])
    for key in answers:
        if key.__class__ is tuple:
            item_id = key[0] if key else None
            ci = by_id.get(item_id) if len(key) == 2 else None
            if ci is None:
                message = f"条目“{item_id}”不在本检查表中"
            elif ci.repeat is None:
                message = f"条目“{item_id}”不在重复部分中，其答案不能按实例（“{key[1]}”）填写"
            elif key[1] not in listed.get(ci.repeat, ()):
                message = f"条目“{item_id}”的{ci.noun}“{key[1]}”不在本次检查中"
            else:
                continue
        elif by_id[key].repeat is not None:
            item_id = key
            message = f"条目“{key}”在重复部分中，其答案须按{by_id[key].noun}填写"
        else:
            continue
        raise AnswerError("unknown_item", message, item_id)


def preset(
    ct: CompiledTemplate, answers: Mapping[Any, Any], as_of: date | None, instances: Instances
) -> list[Any]:
    """Per item of ``ct`` (which has repeated sections), what ``score`` starts from: None for
    an ordinary item to judge, why it is hidden for a hidden one, and a repeated item's
    ``(result, outcome or None)``. Checks the answers' keys (``check_keys``)."""
    listed: dict[str, tuple[tuple[str, str], ...]] = {}
    for repeat in ct.repeats:
        rows = tuple((key, label) for key, label in instances.get(repeat, ()))
        keys = {key for key, _label in rows}
        if len(keys) != len(rows):
            raise ValueError(f"score: an instance of {repeat!r} is listed twice")
        listed[repeat] = rows
    check_keys(ct, answers, {r: {k for k, _l in rows} for r, rows in listed.items()})
    why = ct.visibility.explained(answers, listed) if ct.visibility.conditional else {}
    out: list[Any] = [None] * len(ct.items)
    if why:
        for n, ci in enumerate(ct.items):
            found = why.get(ci.id)
            if found is not None:
                out[n] = found[1]
    validity = ct.validity(as_of)
    for repeat, indices in ct.repeats.items():
        for n in indices:
            out[n] = _judge(ct, ct.items[n], listed[repeat], answers, validity[n], why)
    return out


def _judge(
    ct: CompiledTemplate,
    ci: CompiledItem,
    rows: Sequence[tuple[str, str]],
    answers: Mapping[Any, Any],
    validity: tuple[str, str] | None,
    why: Mapping[Any, tuple[int, str]],
) -> tuple[ItemResult, _Outcome | None]:
    """A repeated item's (result, outcome): each instance judged, then ``combine``-d."""
    whole = why.get(ci.id)
    if whole is not None:  # its section's condition does not hold: hidden in every instance
        res = _hidden_result(ci, whole[1])
        return replace(res, instances=tuple((key, label, res) for key, label in rows)), None
    judged = []
    get = answers.get
    for key, label in rows:
        hidden = why.get((ci.id, key))
        if hidden is not None:
            judged.append((key, label, _hidden_result(ci, hidden[1]), None))
            continue
        try:
            res, outcome = _run(ci, get((ci.id, key)), validity)
        except AnswerError as exc:
            if exc.item_id is None:
                exc.item_id = ci.id
            exc.instance = key  # type: ignore[attr-defined]
            raise
        judged.append((key, label, res, outcome))
    return combine(ct, ci, judged, validity)


def combine(
    ct: CompiledTemplate,
    ci: CompiledItem,
    judged: Sequence[tuple[str, str, ItemResult, _Outcome | None]],
    validity: tuple[str, str] | None = None,
) -> tuple[ItemResult, _Outcome | None]:
    """The item's (result, outcome whose points count, or None) from its instances' results
    ``(instance key, label, result, outcome)`` (see the module docstring)."""
    if not judged:
        if validity is not None:
            code, reason = validity
            res = ItemResult(ci.id, "na", reason, None, False, code, _F0, _F0, _F0, False, None)
            return res, None
        base = ci.unanswered
        return replace(base, reason=f"尚未添加{ci.noun}" + base.reason.removeprefix("未作答")), None
    results = tuple((key, label, res) for key, label, res, _o in judged)
    reason = _reason(ci, judged)
    counted = [(res, o) for _k, _l, res, o in judged if o is not None]
    failed = any(res.result == "fail" for res, _o in counted)
    missing = next((res.missing for _k, _l, res, _o in judged if res.missing), None)
    if missing is not None:
        result = "fail" if failed else "unanswered"
        res = ItemResult(
            ci.id, result, reason, None, False, None, _F0, _F0, _F0, False, missing, None, results
        )
        return res, None
    if not counted:
        seen = {res.result for _k, _l, res, _o in judged}
        result = "fail" if "fail" in seen else "pass" if "pass" in seen else "na"
        code = judged[0][2].excluded or "na"
        res = ItemResult(
            ci.id, result, reason, None, False, code, _F0, _F0, _F0, False, None, None, results
        )
        return res, None
    fractions = [o.fraction for _r, o in counted if o is not None]
    if ci.aggregate == "average":
        fraction = sum(fractions, _F0) / len(fractions)
    elif ci.aggregate == "worst" or not failed:
        fraction = min(fractions)
    else:  # all: a failing instance earns the item nothing
        fraction = _F0
    outcome = _outcome(ct, ci, fraction)
    knockout = any(res.knockout for res, _o in counted)
    res = ItemResult(
        ci.id, "fail" if failed else "pass", reason, None, True, None, outcome.earned,
        outcome.possible, outcome.deducted, knockout, None, None, results,
    )  # fmt: skip
    return res, outcome


def _scaled(points: Fraction, denominator: int) -> int | Fraction:
    """``points`` over ``denominator``: an int, or a Fraction when an average leaves one."""
    scaled = points * denominator
    return scaled.numerator if scaled.denominator == 1 else scaled


def _outcome(ct: CompiledTemplate, ci: CompiledItem, fraction: Fraction) -> _Outcome:
    """The outcome earning ``fraction`` of ``ci``'s weight, its points scaled over the
    template's denominator (an average's may not be whole: a Fraction then; memoised)."""
    memo = ct._repeat_outcomes
    found = memo.get((ci.id, fraction))
    if found is None:
        found = _Outcome(ci, fraction)
        den = ct.denominator
        found.e = _scaled(found.earned, den)  # type: ignore[assignment]
        found.p = _scaled(found.possible, den)  # type: ignore[assignment]
        found.d = _scaled(found.deducted, den)  # type: ignore[assignment]
        if len(memo) < _OUTCOMES_KEPT:
            memo[ci.id, fraction] = found
    return found


def _status(ci: CompiledItem, res: ItemResult, outcome: _Outcome | None) -> str:
    """One instance in the item's reason: 合格 / 不合格：… / 未作答 / 不适用 …"""
    if res.result == "unanswered":
        return "未作答"
    text = res.reason.replace(ci.cit, "") if ci.cit else res.reason
    text = text.replace(_ADVISORY_NOTE, "")
    if res.result == "fail":
        return f"不合格：{text}"
    if res.result == "pass":
        return f"合格：{text}" if outcome is not None and outcome.fraction < 1 else "合格"
    return _EXCLUSION_WORDS.get(res.excluded or "na", "不适用")


def _reason(
    ci: CompiledItem, judged: Sequence[tuple[str, str, ItemResult, _Outcome | None]]
) -> str:
    """``3 个仓库：仓库1 合格；仓库2 不合格：…；仓库3 合格（全部须合格）（citation）``; with one
    instance, its own reason (a depot with one warehouse reads as before)."""
    if len(judged) == 1:
        return judged[0][2].reason
    parts = []
    for n, (_key, label, res, outcome) in enumerate(judged, start=1):
        name = (label or "").strip() or f"第{n}个{ci.noun}"
        parts.append(f"{name} {_status(ci, res, outcome)}")
    note = "" if ci.scored else _ADVISORY_NOTE
    head = f"{len(judged)} 个{ci.noun}："
    return head + "；".join(parts) + f"（{MODES[ci.aggregate]}）{note}{ci.cit}"
