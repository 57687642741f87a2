"""Demo data: one submitted inspection of the demo enterprise with two findings and its notice,
so that every demo account has something to look at. Idempotent (a fixed uuid)."""

from __future__ import annotations

import io
import uuid

import sqlalchemy as sa
from flask_babel import gettext as _
from PIL import Image, ImageDraw

from checklists.accounts.models import Organisation, User
from checklists.authoring.models import ChecklistTemplate, TemplateItem, TemplateStatus
from checklists.core.clock import local_today
from checklists.core.extensions import db
from inspections.filling import attaching, repeats, workflow
from inspections.filling.models import Inspection

DEMO_UUID = str(uuid.uuid5(uuid.NAMESPACE_URL, "clausecheck/demo/inspection/1"))
#: Items of the clean-coal template that the demo inspection finds wrong, with the answer.
FAILURES = {"储煤厂房建设面积": "480", "地面硬化厚度": "12"}


def _photo(label: str) -> bytes:
    image = Image.new("RGB", (640, 480), (120, 126, 130))
    ImageDraw.Draw(image).text((20, 20), label, fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def passing(item: TemplateItem) -> object:
    """An answer that passes ``item``'s rule."""
    rule = item.rule or {}
    if item.answer_type == "yes_no":
        return "yes"
    if item.answer_type in ("number", "count"):
        if rule.get("op") == "range":
            return rule["low"]
        return rule.get("value", "1")
    if item.answer_type == "choice":
        good = [c for c in rule.get("choices", []) if c.get("pass", True)]
        return good[0]["value"]
    if item.answer_type == "parts":
        return [p["value"] for p in rule.get("parts", [])]
    if item.answer_type == "date":
        return local_today().isoformat()
    if item.answer_type == "date_pair":  # answered the day it was received
        return {"from": local_today().isoformat(), "to": local_today().isoformat()}
    return "符合要求"


def load() -> list[str]:
    if db.session.scalar(sa.select(Inspection.id).where(Inspection.uuid == DEMO_UUID)):
        return []
    template = db.session.scalar(
        sa.select(ChecklistTemplate)
        .where(
            ChecklistTemplate.name.startswith("洁净煤"),
            ChecklistTemplate.status == TemplateStatus.PUBLISHED,
        )
        .order_by(ChecklistTemplate.version.desc())
        .limit(1)
    )
    org = db.session.scalar(sa.select(Organisation).where(Organisation.name.contains("鑫源")))
    inspector = db.session.scalar(sa.select(User).where(User.username == "inspector"))
    if template is None or org is None or inspector is None:
        return []
    inspection, _created = workflow.create_inspection(
        template, org, inspector, uuid=DEMO_UUID, planned_on=local_today(), inspectors=[inspector]
    )
    # a repeated section (the depot's coal warehouses): two, the first with the failures
    for section in template.sections:
        if section.repeat:
            for n, label in enumerate(("东厂房", "西厂房"), start=1):
                repeats.put_instance(inspection, f"demo-{section.id}-{n}", section.id, label, None)
    for item in template.ordered_items():
        failing = next((v for p, v in FAILURES.items() if item.prompt.startswith(p)), None)
        instances = [""]
        if item.section.repeat:
            instances = [f"demo-{item.section_id}-1", f"demo-{item.section_id}-2"]
        for n, instance in enumerate(instances):
            fails = failing is not None and n == 0
            if item.answer_type == "photo" or fails:
                photo = _photo(item.prompt[:20] + (f" {n + 1}" if instance else ""))
                attaching.add_photo(
                    inspection, photo, inspector, item_id=item.id, instance=instance
                )
            if item.answer_type != "photo":
                unit = "年" if (item.rule or {}).get("unit") == "year" else None
                value = failing if fails else passing(item)
                workflow.save_answer(
                    inspection, item.id, value, inspector, unit=unit, instance=instance
                )
    workflow.submit(inspection, inspector, local_today())
    return [_("Demo inspection of %(org)s submitted, with its findings.", org=org.name)]
