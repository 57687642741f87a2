"""The draw of 双随机 (pure: no Flask, no database, no ``random``): targets by risk weight and a
team of inspectors for each, from a committed secret seed and a public value fixed after the
commitment. Anyone holding a plan's public JSON can run it again (``verify``).

The algorithm (README, "双随机、一公开: the draw"):

1. ``commitment = SHA-256(seed)`` and ``inputs_hash = SHA-256(canonical JSON of inputs)``, both
   lowercase hex of the UTF-8 bytes; canonical JSON sorts keys, keeps Chinese as is and has no
   spaces (``canonical``).
2. ``key = SHA-256(seed + "|" + beacon)`` (hex), the beacon being the public value recorded at the
   draw. Random numbers are ``int(SHA-256(key + "|" + label + "|" + n), 16)``, 256-bit, for
   n = 0, 1, …; a number below ``bound`` is taken by rejection (a draw at or above the largest
   multiple of ``bound`` under 2^256 moves on to the next n), so every value is equally likely.
3. Targets: ``count`` times, over the targets not yet drawn, sorted by id, with integer weights:
   ``r`` below the weights' sum (label ``target:k``); the first target whose running sum of
   weights exceeds ``r`` is drawn. No target is drawn twice.
4. Teams: for the k-th drawn target, the inspectors not recused from it, sorted by id;
   ``team_size`` times an index below their number (label ``team:k:j``) picks and removes one.
   Each team is written sorted by id.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from typing import Any

ALGORITHM = "clausecheck-spotcheck-1"
_SPACE = 2**256


class DrawError(ValueError):
    """The inputs cannot give a draw (too few targets, a target with too few inspectors)."""


def canonical(value: Any) -> bytes:
    """The canonical JSON of ``value``: keys sorted, no spaces, UTF-8 (Chinese kept as is)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def sha256_hex(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def new_seed() -> str:
    """32 random bytes from the operating system, as 64 lowercase hex characters."""
    return secrets.token_hex(32)


def commitment(seed: str) -> str:
    return sha256_hex(seed)


def inputs_hash(inputs: dict[str, Any]) -> str:
    return sha256_hex(canonical(inputs))


class Stream:
    """Uniform whole numbers from SHA-256 of a key, a label and a counter."""

    def __init__(self, seed: str, beacon: str) -> None:
        self.key = sha256_hex(f"{seed}|{beacon}")

    def below(self, label: str, bound: int) -> int:
        """A number in ``[0, bound)``, each equally likely (rejection sampling)."""
        if bound < 1:
            raise DrawError(f"bound {bound} < 1")
        limit = (_SPACE // bound) * bound
        n = 0
        while True:
            x = int(sha256_hex(f"{self.key}|{label}|{n}"), 16)
            if x < limit:
                return x % bound
            n += 1


@dataclass(frozen=True)
class Pick:
    organisation_id: int
    inspectors: tuple[int, ...]

    def as_json(self) -> dict[str, Any]:
        return {"organisation_id": self.organisation_id, "inspectors": list(self.inspectors)}


def draw(inputs: dict[str, Any], seed: str, beacon: str) -> list[Pick]:
    """The targets and teams the inputs and the seed give, in the order drawn.

    ``inputs``: ``targets`` ([{"id", "weight", ...}]), ``inspectors`` ([id]), ``recusals``
    ([[inspector, organisation]]), ``count``, ``team_size``."""
    targets = sorted(
        ((int(t["id"]), int(t["weight"])) for t in inputs["targets"]), key=lambda t: t[0]
    )
    if any(weight < 1 for _, weight in targets):
        raise DrawError("every weight must be a whole number of at least 1")
    count, team_size = int(inputs["count"]), int(inputs["team_size"])
    if count > len(targets):
        raise DrawError(f"count {count} > {len(targets)} targets")
    inspectors = sorted({int(i) for i in inputs["inspectors"]})
    recused = {(int(i), int(o)) for i, o in inputs["recusals"]}
    stream = Stream(seed, beacon)
    picks: list[Pick] = []
    weights = _Weights([weight for _, weight in targets])
    for k in range(count):
        index = weights.find(stream.below(f"target:{k}", weights.total))
        target_id = targets[index][0]
        weights.remove(index)
        eligible = [i for i in inspectors if (i, target_id) not in recused]
        if len(eligible) < team_size:
            raise DrawError(f"target {target_id}: {len(eligible)} inspectors < team {team_size}")
        team = [
            eligible.pop(stream.below(f"team:{k}:{j}", len(eligible))) for j in range(team_size)
        ]
        picks.append(Pick(target_id, tuple(sorted(team))))
    return picks


class _Weights:
    """The targets' weights in id order, a drawn one set to 0 (a Fenwick tree): the first
    target whose running sum of weights exceeds r, in log time. The same target as walking the
    targets not yet drawn, since a drawn one adds nothing to a running sum."""

    def __init__(self, weights: list[int]) -> None:
        self.weights = list(weights)
        self.size = len(weights)
        self.tree = [0] * (self.size + 1)
        for i, weight in enumerate(weights, start=1):
            self.tree[i] += weight
            parent = i + (i & -i)
            if parent <= self.size:
                self.tree[parent] += self.tree[i]
        self.total = sum(weights)

    def find(self, r: int) -> int:
        """The 0-based position of the first running sum greater than ``r`` (0 <= r < total)."""
        if not 0 <= r < self.total:
            raise DrawError(f"{r} beyond the weights' sum")
        position, step = 0, 1 << self.size.bit_length()
        while step:
            nxt = position + step
            if nxt <= self.size and self.tree[nxt] <= r:
                position = nxt
                r -= self.tree[nxt]
            step >>= 1
        return position

    def remove(self, index: int) -> None:
        weight, self.weights[index] = self.weights[index], 0
        self.total -= weight
        i = index + 1
        while i <= self.size:
            self.tree[i] -= weight
            i += i & -i


def unstaffable(inputs: dict[str, Any]) -> list[int]:
    """Targets with fewer inspectors not recused from them than a team needs."""
    inspectors = {int(i) for i in inputs["inspectors"]}
    recused: dict[int, set[int]] = {}
    for i, o in inputs["recusals"]:
        recused.setdefault(int(o), set()).add(int(i))
    need = int(inputs["team_size"])
    return [
        int(t["id"])
        for t in inputs["targets"]
        if len(inspectors - recused.get(int(t["id"]), set())) < need
    ]


def verify(public: dict[str, Any]) -> tuple[list[Pick], list[str]]:
    """Run a plan's public record again: the draw from its inputs, seed and beacon, and the
    differences from what it claims (commitment, inputs_hash, targets), in Chinese."""
    problems: list[str] = []
    inputs, seed = public.get("inputs"), public.get("seed")
    if not isinstance(inputs, dict) or not isinstance(seed, str):
        return [], ["缺少 inputs 或 seed（抽取尚未进行？）"]
    if commitment(seed) != public.get("commitment"):
        problems.append(
            f"种子与承诺值不符：SHA-256(seed) = {commitment(seed)}，"
            f"承诺值 {public.get('commitment')}"
        )
    if inputs_hash(inputs) != public.get("inputs_hash"):
        problems.append(
            f"输入与 inputs_hash 不符：重算 {inputs_hash(inputs)}，公布 {public.get('inputs_hash')}"
        )
    beacon = public.get("beacon")
    try:
        picks = draw(inputs, seed, str((beacon or {}).get("value") or ""))
    except (DrawError, KeyError, TypeError, ValueError, AttributeError) as exc:
        return [], [*problems, f"无法重算抽取：{exc}"]
    try:
        claimed = [
            (int(t["organisation_id"]), tuple(sorted(int(i) for i in t["inspectors"])))
            for t in public.get("targets") or []
        ]
    except (KeyError, TypeError, ValueError, AttributeError):
        return picks, [*problems, "targets 的格式不对"]
    recomputed = [(p.organisation_id, p.inspectors) for p in picks]
    if claimed != recomputed:
        problems.append(f"抽取结果不符：重算 {_describe(recomputed)}，公布 {_describe(claimed)}")
    return picks, problems


def _describe(picks: list[tuple[int, tuple[int, ...]]]) -> str:
    return (
        "；".join(f"对象 {o}（检查人员 {', '.join(map(str, team))}）" for o, team in picks) or "无"
    )
