"""Reading a bundled gazette as an import does, for the reading tests: each clause's
requirements by its key (a list item under its lead, conflicts marked)."""

from __future__ import annotations

from pathlib import Path

from checklists.standards import services
from checklists.standards.parsing import ParsedDocument, parse_gazette

DATA = Path(__file__).parent / "data"


def read_gazette(name: str) -> tuple[list[ParsedDocument], dict[str, list]]:
    """A bundled gazette's documents, and each clause's requirements by its key."""
    documents = parse_gazette((DATA / name).read_text("utf-8")).documents
    read = {
        c.key: reqs
        for d in documents
        for c, (reqs, _grams) in zip(d.clauses, services._read_requirements(d), strict=True)
    }
    return documents, read
