"""Standards in the API: documents, their clauses and requirements, clause search."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import jsonify, request
from flask_babel import gettext as _

from checklists.core.api import ApiError, ApiRoutes, decimal_text, iso_date
from checklists.core.api import legacy_paginate as paginate
from checklists.core.extensions import db
from checklists.standards import openapi, services
from checklists.standards.models import Clause, Document
from checklists.standards.search import search_clauses

routes = ApiRoutes(paths=openapi.PATHS, schemas=openapi.SCHEMAS)


def document_json(doc) -> dict[str, Any]:
    return {
        "id": doc.id,
        "number": doc.number,
        "title": doc.title,
        "issuer": doc.issuer,
        "signed_on": iso_date(doc.signed_on),
        "in_force_from": iso_date(doc.in_force_from),
        "in_force_until": iso_date(doc.in_force_until),
        "version": doc.version,
        "is_current": doc.is_current,
        "clause_count": doc.clause_count,
    }


def requirement_json(req) -> dict[str, Any]:
    return {
        "modality": req.modality,
        "kind": req.kind,
        "comparator": req.comparator,
        "value": decimal_text(req.value),
        "low": decimal_text(req.low),
        "high": decimal_text(req.high),
        "unit": req.unit,
        "per": req.per,
        "span": req.span,
        "start": req.start,
        "trigger": req.trigger,
        "flags": list(req.flags),
    }


def clause_json(clause) -> dict[str, Any]:
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


@routes.route("/documents")
def documents():
    """Current documents; ``?issuer=&year=&in_force=yes|no&q=`` as on the documents page."""
    counts = sa.select(sa.func.count()).where(Clause.document_id == Document.id).scalar_subquery()
    query = services.document_query(request.args).options(
        sa.orm.with_expression(Document.clause_count, counts)
    )
    return paginate(query, document_json)


@routes.route("/documents/<int:document_id>")
def document(document_id: int):
    doc = db.session.get(Document, document_id)
    if doc is None:
        raise ApiError(404, "not_found", _("Not found."))
    clauses = services.clauses_with_requirements(doc)
    doc.clause_count = len(clauses)
    return jsonify(
        {**document_json(doc), "lineage": doc.lineage, "clauses": [clause_json(c) for c in clauses]}
    )


@routes.route("/clauses")
def clauses():
    """Clauses of current documents whose text contains ``q`` (two characters are enough)."""
    q = request.args.get("q", "").strip()
    if not q:
        raise ApiError(
            400, "bad_request", _("Give a search text in q."), {"q": _("This field is required.")}
        )
    limit = 1000
    hits = search_clauses(q, limit=limit)
    return jsonify(
        [
            {
                **clause_json(c),
                "document_id": c.document_id,
                "document_number": c.document.number,
                "document_title": c.document.title,
            }
            for c in hits
        ]
    )
