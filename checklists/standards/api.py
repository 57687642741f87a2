"""Standards in the API: documents, their clauses and requirements, clause search."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists.core.api import ApiError, ApiRoutes, args, paginate, reply
from checklists.core.extensions import db
from checklists.standards import schemas as s
from checklists.standards import services
from checklists.standards.models import Clause, Document, Requirement
from checklists.standards.search import search_statement

routes = ApiRoutes()


def document_json(doc: Document) -> s.Document:
    return s.Document(
        id=doc.id,
        number=doc.number,
        title=doc.title,
        issuer=doc.issuer,
        signed_on=doc.signed_on,
        in_force_from=doc.in_force_from,
        in_force_until=doc.in_force_until,
        version=doc.version,
        is_current=doc.is_current,
        clause_count=doc.clause_count or 0,
    )


def requirement_json(req: Requirement) -> s.Requirement:
    return s.Requirement.model_validate(req)


def _clause_fields(clause: Clause) -> dict[str, Any]:
    return {
        "id": clause.id,
        "key": clause.key,
        "path": clause.key.split("/")[1:],
        "text": clause.text,
        "text_hash": clause.text_hash,
        "parent_id": clause.parent_id,
        "table": clause.table,
        "requirements": [requirement_json(r) for r in clause.requirements],
    }


def clause_json(clause: Clause) -> s.Clause:
    return s.Clause(**_clause_fields(clause))


def clause_hit_json(clause: Clause) -> s.ClauseHit:
    return s.ClauseHit(
        **_clause_fields(clause),
        document_id=clause.document_id,
        document_number=clause.document.number,
        document_title=clause.document.title,
    )


@routes.route(
    "/documents",
    query=s.DocumentQuery,
    responses={200: ([s.Document], "One page; a Link header points at the next")},
)
def documents():
    """Current documents, with their clause count (filters as on the documents page)."""
    filters = args(s.DocumentQuery)
    in_force = None if filters.in_force is None else filters.in_force == "yes"
    counts = sa.select(sa.func.count()).where(Clause.document_id == Document.id).scalar_subquery()
    query = services.document_query(
        issuer=filters.issuer, year=filters.year, in_force=in_force, q=filters.q
    ).options(sa.orm.with_expression(Document.clause_count, counts))
    return paginate(query, filters, document_json)


@routes.route(
    "/documents/<int:document_id>",
    responses={
        200: (s.DocumentDetail, "The document version"),
        404: "No such document",
    },
)
def document(document_id: int):
    """A document version with its clauses and their requirements."""
    doc = db.session.get(Document, document_id)
    if doc is None:
        raise ApiError(404, "not_found", _("Not found."))
    clauses = services.clauses_with_requirements(doc)
    doc.clause_count = len(clauses)
    return reply(
        s.DocumentDetail(
            **dict(document_json(doc)),
            lineage=doc.lineage,
            clauses=[clause_json(c) for c in clauses],
        )
    )


@routes.route(
    "/clauses",
    query=s.ClauseQuery,
    responses={200: ([s.ClauseHit], "One page; a Link header points at the next")},
)
def clauses():
    """Clauses of current documents whose text contains ``q`` (two characters are enough)."""
    search = args(s.ClauseQuery)
    statement = search_statement(search.q)
    if statement is None:  # nothing left to find once spaces are ignored
        return reply([])
    statement = statement.options(sa.orm.selectinload(Clause.requirements))
    return paginate(statement, search, clause_hit_json)
