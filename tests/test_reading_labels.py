"""The labelled set the reading is measured against stays what it claims to be: every row
quotes its clause verbatim, uses the requirement vocabulary, and its clause is the bundled
gazette's (so the benchmark measures the text users import, not a copy that drifted)."""

from __future__ import annotations

import json
import pathlib
import typing
from decimal import Decimal

import pytest

from checklists.standards.clause_tree import clause_text_hash
from checklists.standards.parsing import parse_gazette
from checklists.standards.requirements import Comparator, Kind, Modality

DATA = pathlib.Path(__file__).parent / "data"
LABELS = sorted((DATA / "reading_labels").glob("*.json"))


def test_the_set_is_large_enough_and_has_a_held_out_gazette():
    rows = sum(
        len(c["requirements"])
        for path in LABELS
        for c in json.loads(path.read_text("utf-8"))["clauses"]
    )
    assert rows >= 300
    assert "003_919e3a96157a6362.json" in {p.name for p in LABELS}


@pytest.mark.parametrize("path", LABELS, ids=lambda p: p.stem)
def test_rows_quote_their_clause_and_use_the_vocabulary(path):
    data = json.loads(path.read_text("utf-8"))
    clauses = {
        c.text_hash
        for d in parse_gazette((DATA / data["gazette"]).read_text("utf-8")).documents
        for c in d.clauses
    }
    for clause in data["clauses"]:
        assert clause_text_hash(clause["text"]) == clause["text_hash"]
        assert clause["text_hash"] in clauses, clause["key"]
        for row in clause["requirements"]:
            assert row["span"] in clause["text"], row["span"]
            assert row["kind"] in typing.get_args(Kind)
            assert row["modality"] in (*typing.get_args(Modality), None)
            assert row["comparator"] in (*typing.get_args(Comparator), None)
            assert row["subject_kind"] in ("regulated", "authority", None)
            for number in ("value", "low", "high"):
                if row.get(number) is not None:
                    Decimal(row[number])  # a decimal string
            if row["applies_when"]:
                assert row["applies_when"]["text"] in clause["text"]
