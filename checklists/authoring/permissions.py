"""Who may see and change checklist templates."""

from __future__ import annotations

import sqlalchemy as sa
from flask_login import current_user

from checklists.accounts.models import Role
from checklists.authoring.models import ChecklistTemplate, TemplateStatus


def can_edit() -> bool:
    return current_user.is_authenticated and current_user.role in (Role.ADMIN, Role.AUTHOR)


def visible_templates() -> sa.Select[tuple[ChecklistTemplate]]:
    """Authors and admins see drafts too; everyone else sees published versions."""
    query = sa.select(ChecklistTemplate)
    if not can_edit():
        query = query.where(ChecklistTemplate.status != TemplateStatus.DRAFT)
    return query
