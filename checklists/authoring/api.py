"""Checklist templates in the API: the list and one template with its items and clauses."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import jsonify
from flask_babel import gettext as _

from checklists.authoring import openapi
from checklists.authoring.models import ChecklistTemplate, TemplateSection
from checklists.authoring.permissions import visible_templates
from checklists.core.api import ApiError, ApiRoutes, choice_arg, decimal_text, iso_date
from checklists.core.api import legacy_paginate as paginate
from checklists.core.extensions import db

routes = ApiRoutes(paths=openapi.PATHS, schemas=openapi.SCHEMAS)


def template_json(template) -> dict[str, Any]:
    return {
        "id": template.id,
        "name": template.name,
        "version": template.version,
        "status": str(template.status),
        "lineage": template.lineage,
        "org_kind": str(template.org_kind) if template.org_kind else None,
        "documents": template.document_numbers(),
    }


def template_item_json(item) -> dict[str, Any]:
    return {
        "id": item.id,
        "prompt": item.prompt,
        "guidance": item.guidance,
        "answer_type": item.answer_type,
        "rule": item.rule or {},
        "weight": decimal_text(item.weight),
        "severity": str(item.severity),
        "na_allowed": item.na_allowed,
        "required": item.required,
        "scored": item.scored,
        "valid_from": iso_date(item.valid_from),
        "valid_to": iso_date(item.valid_to),
        "validity_confirmed": item.validity_confirmed,
        "clause": {
            "id": item.clause_id,
            "key": item.clause_key,
            "document": item.document_number,
            "document_version": item.document_version,
            "text": item.clause_text,
            "text_hash": item.clause_text_hash,
        },
    }


@routes.route("/templates")
def templates():
    """Checklist templates: published (and superseded) ones; authors and admins see drafts too.
    ``?status=draft|published|superseded`` narrows the list."""
    query = visible_templates().options(
        sa.orm.selectinload(ChecklistTemplate.sections).selectinload(TemplateSection.items)
    )
    status = choice_arg("status", ("draft", "published", "superseded"))
    if status:
        query = query.where(ChecklistTemplate.status == status)
    return paginate(query.order_by(ChecklistTemplate.id), template_json)


@routes.route("/templates/<int:template_id>")
def template(template_id: int):
    found = db.session.scalar(visible_templates().where(ChecklistTemplate.id == template_id))
    if found is None:
        raise ApiError(404, "not_found", _("Not found."))
    return jsonify(
        {
            **template_json(found),
            "method": str(found.method),
            "grade_bands": found.grade_bands,
            "sections": [
                {"title": s.title, "items": [template_item_json(i) for i in s.items]}
                for s in found.sections
            ],
        }
    )
