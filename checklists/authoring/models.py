"""Checklist templates: versions, sections and items, each item citing the clause it checks;
and ``item_spec``, an item as the scoring engine sees it."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from checklists import scoring
from checklists.accounts.models import OrgKind, User
from checklists.core.db import enum_column, utcnow
from checklists.core.extensions import db
from checklists.standards.models import Clause


class TemplateStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    #: A published version that a newer published version replaced (still pinned by the
    #: inspections that used it).
    SUPERSEDED = "superseded"


class ScoringMethod(StrEnum):
    WEIGHTED = "weighted"
    DEDUCTION = "deduction"


#: How a repeated section's item combines its instances' points (the author's choice): all
#: must pass, their average, or the worst; a failing instance is a failure whichever it is.
REPEAT_AGGREGATES = {"all": "全部须合格", "average": "取平均", "worst": "取最差"}


class Severity(StrEnum):
    CRITICAL = "critical"
    MAJOR = "major"
    MINOR = "minor"


_NUMBERING = re.compile(
    r"^(第[^/]{1,8}[编章节条款项]|附件\d*|表\d+|[一二三四五六七八九十百]+|[（(][^/]{1,6}[)）]|\d+)(~\d+)?$"
)


def cite(key: str, number: str | None) -> str:
    """A clause key as people cite it (see ``TemplateItem.citation``)."""
    root, _, path = key.partition("/")
    segments = [s for s in path.split("/") if s]
    head = number or root
    if segments and not _NUMBERING.match(segments[0]):
        head += f"《{segments.pop(0)}》"  # an instrument's title inside a 文号
    text = ""
    for segment in segments:
        if text and text[-1].isdigit() and segment[0].isdigit():
            text += f" 第{segment}项"
        else:
            text += segment
    return f"{head} {text}".strip() if text and not head.endswith("》") else f"{head}{text}"


class ChecklistTemplate(db.Model):
    """One version of a checklist template. A draft is edited; publishing freezes it; editing a
    published template makes a new draft version of the same ``lineage``. Inspections pin the
    version (the row) they used."""

    __tablename__ = "checklist_templates"
    __table_args__ = (
        sa.UniqueConstraint("lineage", "version", name="uq_checklist_templates_lineage_version"),
        sa.CheckConstraint("version >= 1", name="version_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Shared by all versions of one template (32 hex digits, kept in exports).
    lineage: Mapped[str] = mapped_column(sa.String(32), index=True)
    version: Mapped[int] = mapped_column(default=1)
    status: Mapped[TemplateStatus] = mapped_column(
        enum_column(TemplateStatus, "template_status"), default=TemplateStatus.DRAFT, index=True
    )
    name: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    #: Which kind of organisation it is for; None means any.
    org_kind: Mapped[OrgKind | None] = mapped_column(enum_column(OrgKind, "template_org_kind"))
    method: Mapped[ScoringMethod] = mapped_column(
        enum_column(ScoringMethod, "scoring_method"), default=ScoringMethod.WEIGHTED
    )
    #: [{"min": "90", "label": "优秀", "pass": true}, ...], highest first; one band has min 0.
    grade_bands: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON, default=list)
    previous_id: Mapped[int | None] = mapped_column(sa.ForeignKey("checklist_templates.id"))
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(
        sa.DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    published_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    published_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))

    previous: Mapped[ChecklistTemplate | None] = relationship(remote_side=[id])
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    published_by: Mapped[User | None] = relationship(foreign_keys=[published_by_id])
    sections: Mapped[list[TemplateSection]] = relationship(
        back_populates="template",
        order_by="TemplateSection.position",
        cascade="all, delete-orphan",
    )
    items: Mapped[list[TemplateItem]] = relationship(
        back_populates="template", viewonly=True, order_by="TemplateItem.id"
    )

    @property
    def is_draft(self) -> bool:
        return self.status == TemplateStatus.DRAFT

    def ordered_items(self) -> list[TemplateItem]:
        """Every item in display order (section by section)."""
        return [item for section in self.sections for item in section.items]

    def item_numbers(self) -> dict[int, int]:
        """Item id → its number in the whole template (1, 2, ...), as explanations cite it."""
        return {item.id: n for n, item in enumerate(self.ordered_items(), start=1)}

    def has_conditions(self) -> bool:
        """Whether a section or an item is shown only under a condition."""
        return any(s.visible_when for s in self.sections) or any(
            i.visible_when for i in self.ordered_items()
        )

    def condition_labels(self) -> dict[str, str]:
        """Item key → the item's prompt: how conditions name items in explanations."""
        return {i.key: i.prompt for i in self.ordered_items() if i.key}

    def document_numbers(self) -> list[str]:
        """The 文号 its items cite, in first-cited order."""
        seen: dict[str, None] = {}
        for item in self.ordered_items():
            if item.document_number:
                seen.setdefault(item.document_number, None)
        return list(seen)


class TemplateSection(db.Model):
    """A titled group of items within one template version."""

    __tablename__ = "template_sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        sa.ForeignKey("checklist_templates.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(sa.String(200))
    #: Shown only when this condition holds (``checklists.scoring.conditions``: over the keys
    #: of items before the section); None: always.
    visible_when: Mapped[str | None] = mapped_column(sa.String(500))
    #: The section's name in conditions (``count(warehouses) >= 2``), unique among the
    #: template's item and section keys; None: no condition reads it.
    key: Mapped[str | None] = mapped_column(sa.String(40))
    #: Filled once per instance (per depot, warehouse, vehicle, camera) the inspector adds.
    repeat: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    #: What one instance is called (仓库, 车辆): the add button and the instances' labels.
    repeat_label: Mapped[str] = mapped_column(sa.String(40), default="", server_default="")
    #: How an item's instances make its points (``REPEAT_AGGREGATES``).
    aggregate: Mapped[str] = mapped_column(sa.String(10), default="all", server_default="all")

    template: Mapped[ChecklistTemplate] = relationship(back_populates="sections")
    items: Mapped[list[TemplateItem]] = relationship(
        back_populates="section", order_by="TemplateItem.position", cascade="all, delete-orphan"
    )


class TemplateItem(db.Model):
    """One check: a prompt, an answer type with its rule, and the clause it is judged against.

    The clause is kept twice on purpose: ``clause_id`` links the stored clause, and the quoted
    text, its hash, the 文号, the key and the document version stay with the item even if the
    standards library changes later."""

    __tablename__ = "template_items"
    __table_args__ = (
        sa.CheckConstraint("weight >= 0", name="weight_not_negative"),
        sa.CheckConstraint(
            "valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to",
            name="validity_ordered",
        ),
        # conditions name items by key: one item per key in a template version (NULLs apart)
        sa.UniqueConstraint("template_id", "key", name="uq_template_items_template_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        sa.ForeignKey("checklist_templates.id", ondelete="CASCADE"), index=True
    )
    section_id: Mapped[int] = mapped_column(
        sa.ForeignKey("template_sections.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    #: The author's name for the item's answer in conditions (``amount``, ``有仓库``): ASCII
    #: letters, digits, ``_`` and CJK, unique in the template; None: no condition reads it.
    key: Mapped[str | None] = mapped_column(sa.String(40))
    #: Shown only when this condition holds (``checklists.scoring.conditions``: over the keys
    #: of earlier items); None: always. A hidden item is neither required nor scored.
    visible_when: Mapped[str | None] = mapped_column(sa.String(500))
    prompt: Mapped[str] = mapped_column(sa.String(500))
    guidance: Mapped[str] = mapped_column(sa.Text, default="")
    #: A key of checklists.scoring.ANSWER_TYPES.
    answer_type: Mapped[str] = mapped_column(sa.String(20))
    #: Normalised by checklists.scoring.validate_rule (interfaces.md "rule").
    rule: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    #: Weighted scoring: the item's weight; deduction scoring: the points a failure deducts.
    weight: Mapped[Decimal] = mapped_column(sa.Numeric(10, 3), default=Decimal(1))
    severity: Mapped[Severity] = mapped_column(enum_column(Severity, "item_severity"))
    na_allowed: Mapped[bool] = mapped_column(default=True)
    required: Mapped[bool] = mapped_column(default=True)
    #: False for advisory wording (鼓励, 宜 ...): shown and answered, never scored.
    scored: Mapped[bool] = mapped_column(default=True)
    valid_from: Mapped[dt.date | None] = mapped_column(sa.Date)
    valid_to: Mapped[dt.date | None] = mapped_column(sa.Date)
    #: The author confirmed that a rule past ``valid_to`` still applies (``validity_note`` why).
    validity_confirmed: Mapped[bool] = mapped_column(default=False)
    validity_note: Mapped[str] = mapped_column(sa.Text, default="")
    clause_id: Mapped[int | None] = mapped_column(sa.ForeignKey("clauses.id"), index=True)
    #: Provenance, copied from the clause when the item was made.
    clause_key: Mapped[str] = mapped_column(sa.String(500), default="")
    document_number: Mapped[str | None] = mapped_column(sa.String(100))
    document_version: Mapped[int | None]
    clause_text: Mapped[str] = mapped_column(sa.Text, default="")
    clause_text_hash: Mapped[str] = mapped_column(sa.String(64), default="")
    #: The requirement wording the item was drafted from (empty when added by hand).
    source_span: Mapped[str] = mapped_column(sa.Text, default="")
    #: Why the item's rule differs from what its clause's requirement drafts (empty: it does not).
    derivation_note: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    #: The time to put a failure right that the clause itself states (限期一个月整改 → 1 month):
    #: findings count it on the working-day calendar; None: the severity's default applies.
    fix_n: Mapped[int | None]
    fix_unit: Mapped[str | None] = mapped_column(sa.String(12))
    #: The clause's words that state it.
    fix_span: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    #: The author checked the drafted item against its source before publishing (items of
    #: templates published before this existed count as checked).
    confirmed: Mapped[bool] = mapped_column(default=False, server_default=sa.true())

    template: Mapped[ChecklistTemplate] = relationship(back_populates="items", viewonly=True)
    section: Mapped[TemplateSection] = relationship(back_populates="items")
    clause: Mapped[Clause | None] = relationship()

    @property
    def citation(self) -> str:
        """文号 and clause path as people write them: 冠政发〔2016〕109号 二（二）1, or
        临政办字〔2016〕10号《临淄区安全生产约谈制度》第七条, or 冠政发〔2016〕78号 附件1 第1项."""
        return cite(self.clause_key, self.document_number)

    def expired_on(self, day: dt.date) -> bool:
        """True when the rule's validity ended before ``day`` and nobody confirmed it."""
        return bool(self.valid_to and day > self.valid_to and not self.validity_confirmed)


# --- engine adapters ------------------------------------------------------------------------------


def item_spec(
    item: TemplateItem,
    section_title: str | None = None,
    number: int | None = None,
    visible_when: tuple[str, ...] | None = None,
) -> scoring.ItemSpec:
    """The engine's view of one item (``visible_when``: its conditions when the caller has
    them, or ``()`` when they play no part, as in judging one answer; else read from the
    item and its section)."""
    return scoring.ItemSpec(
        id=item.id,
        answer_type=item.answer_type,
        rule=item.rule or {},
        prompt=item.prompt,
        weight=Decimal(item.weight),
        severity=str(item.severity),
        na_allowed=item.na_allowed,
        required=item.required,
        scored=item.scored,
        section=section_title if section_title is not None else item.section.title,
        citation=item.citation,
        valid_from=item.valid_from,
        valid_to=item.valid_to,
        validity_confirmed=item.validity_confirmed,
        label=f"第{number}项" if number else "",
        key=item.key,
        visible_when=item_conditions(item) if visible_when is None else visible_when,
        **repeat_fields(item.section),
    )


def repeat_key(section: TemplateSection) -> str:
    """The name the engine groups a repeated section's items by: its key, else one made from
    its id (no condition can read a section that has no key)."""
    return section.key or f"_section{section.id}"


def repeat_fields(section: TemplateSection) -> dict[str, Any]:
    """The engine's repeat fields of an item of ``section`` (none for an ordinary section)."""
    if not section.repeat:
        return {}
    return {
        "repeat": repeat_key(section),
        "aggregate": section.aggregate or "all",
        "repeat_label": section.repeat_label,
    }


def item_conditions(item: TemplateItem) -> tuple[str, ...]:
    """The conditions an item is shown under: its section's, then its own."""
    return tuple(w for w in (item.section.visible_when, item.visible_when) if w)


class SourceChangeKind(StrEnum):
    #: A new version of the document words the clause differently.
    CHANGED = "changed"
    #: A new version of the document has no clause with that key.
    REMOVED = "removed"
    #: The document was marked repealed (废止).
    REPEALED = "repealed"
    #: The document's in-force window ended.
    EXPIRED = "expired"


class SourceChange(db.Model):
    """A template item whose source clause changed, went away or stopped being in force: shown
    to the template's author (with the clause's old and new words) until re-pointed or
    confirmed."""

    __tablename__ = "source_changes"
    __table_args__ = (
        sa.UniqueConstraint("item_id", "kind", "new_document_id", name="uq_source_changes_once"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        sa.ForeignKey("template_items.id", ondelete="CASCADE"), index=True
    )
    template_id: Mapped[int] = mapped_column(
        sa.ForeignKey("checklist_templates.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[SourceChangeKind] = mapped_column(
        enum_column(SourceChangeKind, "source_change_kind")
    )
    clause_key: Mapped[str] = mapped_column(sa.String(500))
    #: The version the item cites, and the version that changed it (None: repealed, expired).
    old_document_id: Mapped[int | None] = mapped_column(sa.ForeignKey("documents.id"))
    new_document_id: Mapped[int | None] = mapped_column(sa.ForeignKey("documents.id"))
    old_text: Mapped[str] = mapped_column(sa.Text, default="")
    #: The clause's words in the new version ("" when removed).
    new_text: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    resolved_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    #: "repointed" (the item now cites the new version) or "confirmed" (kept, with a note).
    resolution: Mapped[str | None] = mapped_column(sa.String(20))
    note: Mapped[str] = mapped_column(sa.Text, default="")

    item: Mapped[TemplateItem] = relationship()
    template: Mapped[ChecklistTemplate] = relationship()
    resolved_by: Mapped[User | None] = relationship()

    @property
    def open(self) -> bool:
        return self.resolved_at is None
