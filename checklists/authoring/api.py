"""Checklist templates in the API: the list and one template with its items and clauses."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists.authoring import schemas as s
from checklists.authoring.models import ChecklistTemplate, TemplateItem, TemplateSection
from checklists.authoring.permissions import visible_templates
from checklists.core.api import ApiError, ApiRoutes, args, paginate, reply
from checklists.core.extensions import db

routes = ApiRoutes()


def template_json(template: ChecklistTemplate) -> s.Template:
    return s.Template(
        id=template.id,
        name=template.name,
        version=template.version,
        status=template.status,
        lineage=template.lineage,
        org_kind=template.org_kind,
        documents=template.document_numbers(),
    )


def template_item_json(item: TemplateItem) -> s.TemplateItem:
    return s.TemplateItem(
        id=item.id,
        key=item.key,
        visible_when=item.visible_when,
        prompt=item.prompt,
        guidance=item.guidance,
        answer_type=item.answer_type,
        rule=item.rule or {},
        weight=item.weight,
        severity=item.severity,
        na_allowed=item.na_allowed,
        required=item.required,
        scored=item.scored,
        valid_from=item.valid_from,
        valid_to=item.valid_to,
        validity_confirmed=item.validity_confirmed,
        confirmed=item.confirmed,
        clause=s.TemplateItemClause(
            id=item.clause_id,
            key=item.clause_key,
            document=item.document_number,
            document_version=item.document_version,
            text=item.clause_text,
            text_hash=item.clause_text_hash,
        ),
    )


@routes.route(
    "/templates",
    query=s.TemplateQuery,
    responses={200: ([s.Template], "One page; a Link header points at the next")},
)
def templates():
    """Checklist templates: published and superseded ones; authors and admins see drafts too."""
    filters = args(s.TemplateQuery)
    query = visible_templates().options(
        sa.orm.selectinload(ChecklistTemplate.sections).selectinload(TemplateSection.items)
    )
    if filters.status is not None:
        query = query.where(ChecklistTemplate.status == filters.status)
    return paginate(query.order_by(ChecklistTemplate.id), filters, template_json)


@routes.route(
    "/templates/<int:template_id>",
    responses={
        200: (s.TemplateDetail, "The template version"),
        404: "No such template (or a draft the caller may not see)",
    },
)
def template(template_id: int):
    """A template version with its sections and items, each citing its clause."""
    found = db.session.scalar(visible_templates().where(ChecklistTemplate.id == template_id))
    if found is None:
        raise ApiError(404, "not_found", _("Not found."))
    return reply(
        s.TemplateDetail(
            **dict(template_json(found)),
            method=found.method,
            grade_bands=[s.GradeBand.model_validate(band) for band in found.grade_bands],
            sections=[
                s.TemplateSection(
                    title=section.title,
                    visible_when=section.visible_when,
                    key=section.key,
                    repeat=section.repeat,
                    repeat_label=section.repeat_label,
                    aggregate=section.aggregate,
                    items=[template_item_json(item) for item in section.items],
                )
                for section in found.sections
            ],
        )
    )
