"""The phone's condition evaluator (static/js/conditions.js) in Debian's chromium agrees with
the server's (checklists.scoring.conditions) on every row of tests/data/condition_cases.json:
the same result, or the same error message at the same position, and the same names read;
then on random conditions, on broken texts made from them and on JSON numbers of every
magnitude (read as the same decimal). One blank page, one ``page.evaluate`` per test: a few
seconds.

Skipped when no chromium is installed, unless REQUIRE_BROWSER=1, which fails.
"""

from __future__ import annotations

import json
import os
import pathlib
import random
from decimal import Decimal
from typing import Any

import pytest

from checklists.scoring.numbers import format_decimal
from tests.test_browser import ARGS, CHROMIUM
from tests.test_conditions import CASES, outcome, random_answers, random_condition

pytestmark = pytest.mark.browser

SCRIPT = pathlib.Path(__file__).resolve().parent.parent / "static" / "js" / "conditions.js"

# Every row through the phone's evaluator, as text and as a parsed tree.
RUN = """(json) => JSON.parse(json).map(([expr, answers]) => {
  const C = window.ClauseConditions;
  try {
    const tree = C.parse(expr), result = C.evaluate(expr, answers);
    if (C.evaluate(tree, answers) !== result) return {crash: "tree and text disagree"};
    return {result, names: C.names(expr)};
  } catch (error) {
    if (error instanceof Error) return {crash: String(error)};
    return {message: error.message, position: error.position};
  }
})"""


@pytest.fixture(scope="module")
def page():
    if not CHROMIUM:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("REQUIRE_BROWSER=1 but no chromium is installed (apt-get install chromium)")
        pytest.skip("no chromium installed")
    from playwright.sync_api import sync_playwright

    noise: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page()
        page.on("console", lambda message: noise.append(message.text))
        page.on("pageerror", lambda error: noise.append(str(error)))
        page.set_content("<!doctype html><html><body></body></html>")
        page.add_script_tag(path=str(SCRIPT))
        yield page
        browser.close()
    assert noise == []


def _disagreements(page, rows: list[tuple[str, dict[str, Any]]]) -> list[str]:
    phone = page.evaluate(RUN, json.dumps(rows, ensure_ascii=False))
    assert len(phone) == len(rows)
    return [
        f"{expr!r} {answers}: server {server}, phone {got}"
        for (expr, answers), got in zip(rows, phone, strict=True)
        if got != (server := outcome(expr, answers))
    ]


def test_every_case_agrees_with_the_server(page):
    rows = [(row["expr"], row.get("answers", {})) for row in CASES]
    assert _disagreements(page, rows) == []


def test_random_conditions_agree_with_the_server(page):
    rng = random.Random(25)
    rows = [(random_condition(rng, rng.randrange(1, 10)), random_answers(rng)) for _ in range(400)]
    # broken ones: a character dropped, doubled or put in, or the text cut short
    noise = list("()[],=!<>&|\"'-.1a甲（“🔥 ")
    for expr, answers in rows[:300]:
        at = rng.randrange(len(expr) + 1)
        how = rng.randrange(4)
        if how == 0:
            broken = expr[:at] + expr[at + 1 :]
        elif how == 1:
            broken = expr[:at] + expr[at : at + 1] * 2 + expr[at + 1 :]
        elif how == 2:
            broken = expr[:at] + rng.choice(noise) + expr[at:]
        else:
            broken = expr[:at]
        rows.append((broken, answers))
    assert sum("message" in outcome(expr, answers) for expr, answers in rows) > 100
    # JSON numbers (binary doubles) read as the same decimal on both sides, exponents too
    for _ in range(100):
        number = rng.uniform(-10, 10) * 10.0 ** rng.randrange(-60, 60)
        rows.append((f"a == {format_decimal(Decimal(repr(number)))}", {"a": number}))
        rows.append((f"a < {format_decimal(Decimal(repr(number)))}", {"a": number}))
    assert _disagreements(page, rows) == []
