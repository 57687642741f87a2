"""The house rules of the layout (README "Architecture"), read from the source with ``ast``.

Rooms: ``checklists/core`` imports nothing else of the project; ``checklists`` never imports
``inspections``; the pure cores import neither Flask nor the database; a views module is
imported only by its feature's registration (``feature.py``) or ``wsgi.py``; no import circle
among the app's modules; imports inside functions are rare and say why; no module is huge.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP = sorted(
    p
    for p in [*ROOT.glob("checklists/**/*.py"), *ROOT.glob("inspections/**/*.py"), ROOT / "wsgi.py"]
    if "migrations" not in p.parts
)
PURE = [
    "checklists.scoring",
    "checklists.standards.parsing",
    "checklists.standards.contents",
    "checklists.standards.extraction",
    "checklists.standards.conflicts",
    "checklists.standards.duties",
    "checklists.standards.no_duties",
    "checklists.standards.cases",
    "checklists.standards.subjects",
    "checklists.standards.timing",
    "checklists.standards.agents",
    "checklists.standards.topics",
    "checklists.standards.denominators",
    "checklists.standards.number_words",
    "checklists.standards.names_read",
    "checklists.standards.spacing",
    "checklists.standards.promptly",
    "checklists.standards.ratios",
    "checklists.standards.shares",
    "checklists.standards.numerals",
    "checklists.standards.headings",
    "checklists.standards.responsible",
    "checklists.standards.party_names",
    "checklists.standards.openings",
    "checklists.standards.continuations",
    "checklists.standards.verbs",
    "checklists.standards.reports",
    "checklists.standards.modality",
    "checklists.standards.attribution",
    "checklists.standards.settling",
    "checklists.standards.classes",
    "checklists.standards.dating",
    "checklists.standards.validity",
    "checklists.standards.keeping",
    "checklists.core.textdiff",
    "inspections.supervision.triggers",
    "inspections.credit.terms",
    "inspections.findings.workdays",
    "inspections.filling.watermark",
    "inspections.review.charts",
    "inspections.scheduling.rules",
]
VIEW_MODULES = {"views", "export_views", "inbox_views", "calendar_views", "home"}
MAX_LINES = 900
MAX_FUNCTION_IMPORTS = 10


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_imports(path: Path) -> list[tuple[str, int, bool]]:
    """(imported module, line, inside a function) for every import of the project's modules;
    ``from package import module`` names the module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    known = {module_name(p) for p in APP}
    found = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and ast.unparse(child.test) == "TYPE_CHECKING":
                continue  # imports for annotations only: never run, so no circle at load time
            inner = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                found.extend((a.name, child.lineno, in_function) for a in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                for alias in child.names:
                    full = f"{child.module}.{alias.name}"
                    found.append(
                        (full if full in known else child.module, child.lineno, in_function)
                    )
            visit(child, inner)

    visit(tree, False)
    return [
        (m, line, f) for m, line, f in found if m.split(".")[0] in ("checklists", "inspections")
    ]


GRAPH = {module_name(p): [m for m, _, _ in project_imports(p)] for p in APP}


@pytest.mark.parametrize("path", APP, ids=lambda p: str(p.relative_to(ROOT)))
def test_module_is_not_huge(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_checklists_never_imports_inspections():
    wrong = {
        name: [m for m in imported if m.startswith("inspections")]
        for name, imported in GRAPH.items()
        if name.startswith("checklists")
    }
    assert {k: v for k, v in wrong.items() if v} == {}


def test_core_imports_no_feature():
    wrong = {
        name: [m for m in imported if not m.startswith("checklists.core")]
        for name, imported in GRAPH.items()
        if name.startswith("checklists.core")
    }
    assert {k: v for k, v in wrong.items() if v} == {}


def test_views_are_imported_only_by_registration():
    wrong = [
        (name, m)
        for name, imported in GRAPH.items()
        for m in imported
        if m.rsplit(".", 1)[-1] in VIEW_MODULES
        and not (name == "wsgi" or name.endswith(".feature"))
    ]
    assert wrong == []


def test_no_import_circle():
    """Depth-first search over the module graph (package ``__init__`` files import nothing)."""
    graph = {name: [m for m in imported if m in GRAPH] for name, imported in GRAPH.items()}
    circles, state = [], {}

    def walk(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for nxt in graph[name]:
            if state.get(nxt) == "open":
                circles.append([*trail[trail.index(nxt) :], nxt])
            elif nxt not in state:
                walk(nxt, [*trail, nxt])
        state[name] = "done"

    for name in graph:
        if name not in state:
            walk(name, [name])
    assert circles == []


def test_function_level_imports_are_few_and_justified():
    inside = []
    for path in APP:
        lines = path.read_text(encoding="utf-8").splitlines()
        tree = ast.parse("\n".join(lines))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            if node.name == "create_app" or node.name.startswith("register"):
                continue
            for child in ast.walk(node):
                if isinstance(child, ast.Import | ast.ImportFrom):
                    # the reason: a comment on the line or the one above
                    nearby = lines[child.lineno - 2 : child.lineno]
                    inside.append((f"{path.name}:{child.lineno}", any("#" in x for x in nearby)))
    assert len(inside) < MAX_FUNCTION_IMPORTS, inside
    assert [where for where, justified in inside if not justified] == []


#: Each pure module imported in turn in one fresh interpreter, and what of Flask and the
#: database its import loaded: the first module that brings either in shows it (one
#: interpreter, not one per module: each would compile the same wording tables again).
_PURE_IMPORTS = """
import importlib, json, sys
seen = {}
for name in sys.argv[1:]:
    before = {"flask", "sqlalchemy"} & set(sys.modules)
    importlib.import_module(name)
    seen[name] = sorted({"flask", "sqlalchemy"} & set(sys.modules) - before)
print(json.dumps(seen))
"""


@pytest.fixture(scope="module")
def loaded_with_pure() -> dict[str, list[str]]:
    out = subprocess.run(
        [sys.executable, "-c", _PURE_IMPORTS, *PURE], cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@pytest.mark.parametrize("module", PURE)
def test_pure_cores_import_neither_flask_nor_the_database(module, loaded_with_pure):
    assert loaded_with_pure[module] == []
