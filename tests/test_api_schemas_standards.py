"""The standards and templates API from their schemas: filters, pages, exact answers."""

from __future__ import annotations

import pathlib
import typing

import pytest
import sqlalchemy as sa

from checklists import scoring
from checklists.accounts.models import Role
from checklists.authoring import schemas as authoring_schemas
from checklists.authoring.models import ChecklistTemplate
from checklists.core.extensions import db
from checklists.standards import extraction, requirements
from checklists.standards.models import Requirement
from checklists.standards.parsing import parse_gazette
from tests.conftest import import_gazettes, load_demo_once

DATA = pathlib.Path(__file__).parent / "data"
HUGE = "99999999999999999999999"


@pytest.fixture
def gazettes(app_ctx):
    import_gazettes()


def test_document_filters_refuse_what_they_cannot_mean(gazettes, client, as_user):
    as_user(Role.INSPECTOR)
    everything = client.get("/api/v1/documents?per_page=1000").json
    blank = client.get("/api/v1/documents?per_page=1000&issuer=&year=&in_force=&q=&utm=x")
    assert blank.status_code == 200 and blank.json == everything
    of_2016 = client.get("/api/v1/documents?per_page=1000&year=2016").json
    assert of_2016 and all("2016" in (d["signed_on"] or d["number"]) for d in of_2016)
    in_force = client.get("/api/v1/documents?per_page=1000&in_force=yes").json
    not_in_force = client.get("/api/v1/documents?per_page=1000&in_force=no").json
    assert len(in_force) + len(not_in_force) == len(everything)
    for query in (f"year={HUGE}", "year=0", "year=abc", "in_force=x"):
        refused = client.get(f"/api/v1/documents?{query}")
        field = query.split("=")[0]
        assert refused.status_code == 400 and field in refused.json["error"]["fields"]
    # the page keeps ignoring what its form never sends
    assert client.get(f"/standards/?year={HUGE}").status_code == 200
    assert client.get("/standards/?year=²&in_force=x").status_code == 200


def test_clause_search_pages_and_needs_text(gazettes, client, as_user):
    as_user(Role.ENTERPRISE)
    first = client.get("/api/v1/clauses?q=台账&per_page=1")
    assert len(first.json) == 1 and 'rel="next"' in first.headers["Link"]
    second = client.get("/api/v1/clauses?q=台账&per_page=1&page=2").json
    assert second[0]["id"] != first.json[0]["id"] and second[0]["document_number"]
    for query in ("", "?q=", "?q=%20%20"):
        refused = client.get(f"/api/v1/clauses{query}")
        assert refused.status_code == 400 and "q" in refused.json["error"]["fields"]


def test_unknown_ids_are_404_however_large(gazettes, client, as_user):
    as_user(Role.SUPERVISOR)
    for path in ("/api/v1/documents/", "/api/v1/templates/"):
        assert client.get(path + HUGE).status_code == 404


def test_requirements_keep_their_decimals_as_text(gazettes, client, as_user):
    as_user(Role.SUPERVISOR)
    stored = db.session.scalar(sa.select(Requirement).where(Requirement.value.is_not(None)))
    detail = client.get(f"/api/v1/documents/{stored.clause.document_id}").json
    [clause] = [c for c in detail["clauses"] if c["id"] == stored.clause_id]
    answer = clause["requirements"][stored.position]
    assert answer["value"] == format(stored.value.normalize(), "f")
    assert detail["clause_count"] == len(detail["clauses"])


def test_template_detail_writes_grade_bands_as_stored(app_ctx, client, as_user):
    load_demo_once()
    as_user(Role.INSPECTOR)
    template = db.session.scalars(sa.select(ChecklistTemplate)).first()
    detail = client.get(f"/api/v1/templates/{template.id}").json
    assert detail["grade_bands"] == template.grade_bands
    assert all(set(band) == {"min", "label", "pass"} for band in detail["grade_bands"])
    published = client.get("/api/v1/templates?status=published&status_unknown=1").json
    assert published and {t["status"] for t in published} == {"published"}


def test_vocabularies_are_the_engines():
    assert typing.get_args(authoring_schemas.AnswerTypeName) == scoring.ANSWER_TYPES
    # (each clause read as the importer reads it: a whole gazette as one text took 30 s here)
    clauses = [
        clause
        for path in sorted(DATA.glob("0*.txt"))
        for document in parse_gazette(path.read_text("utf-8")).documents
        for clause in document.clauses
    ]
    kinds = {r.kind for c in clauses for r in extraction.extract(c.text, c.join_offsets, c.token)}
    assert len(kinds) > 10
    assert kinds <= set(typing.get_args(requirements.Kind))
