"""Instances of repeated sections (per depot, warehouse, vehicle, camera) in an inspection.

The device names each instance with a key of its own (so that an instance added offline, and
every answer queued for it, syncs once however often it is resent); the server adds an instance
the first time it hears of it, from ``put_instance`` or from an answer for it. Removing an
instance keeps it and its answers (``removed_at``): they leave the score, they are not lost.
"""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists import scoring
from checklists.accounts.models import User
from checklists.authoring.models import TemplateSection, repeat_key
from checklists.core.db import utcnow
from checklists.core.errors import InputError
from checklists.core.extensions import db
from inspections.filling import visibility
from inspections.filling.models import Inspection, RepeatInstance

#: An instance key as the device makes it (a UUID or a shorter random text).
KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")
LABEL_MAX = 100


def checked_key(key: Any) -> str:
    """``key`` when it is a valid instance key, else ``InputError`` on ``instance``."""
    if not isinstance(key, str) or not KEY_PATTERN.fullmatch(key):
        raise InputError({"instance": _("An instance key is 1 to 64 letters, digits, - or _.")})
    return key


def checked_instance(spec: scoring.ItemSpec, instance: str | None) -> str:
    """The instance an answer to ``spec`` names, checked: any other item than one of a
    repeated section names none; one of a repeated section may name none ("": its section's
    first instance, ``default_instance``)."""
    instance = instance or ""
    if spec.repeat is None and instance:
        raise InputError({"instance": _("This item is not in a repeated section.")})
    return checked_key(instance) if instance else ""


#: The key of the instance added for an answer that names none (``default_instance``).
DEFAULT_KEY = "first-{section_id}"


def section_of(inspection: Inspection, spec: scoring.ItemSpec) -> int:
    """The id of the repeated section item ``spec`` belongs to (kept with the template's
    ``visibility.condition_plan``: a template with a repeated section has one)."""
    plan = visibility.condition_plan(inspection.template_id)
    if plan is None or spec.id not in plan.item_sections:
        raise InputError({"instance": _("This item is not in a repeated section.")})
    return plan.item_sections[spec.id]


def default_instance(
    inspection: Inspection, spec: scoring.ItemSpec, live: list[tuple[str, int]] | None = None
) -> str:
    """The instance an answer to an item of a repeated section that names none is for (a
    client that fills one warehouse only, an integration written before repeats): the
    section's first live instance; when it has none, the key of the one ``ensure_instance``
    then adds. Under the inspection's lock; ``live``: ``visibility.live_rows`` as read under
    it."""
    section_id = section_of(inspection, spec)
    rows = visibility.live_rows(inspection.id) if live is None else live
    first = next((key for key, section in rows if section == section_id), None)
    return DEFAULT_KEY.format(section_id=section_id) if first is None else first


_SECTION_OF_KEY = sa.select(RepeatInstance.section_id).where(
    RepeatInstance.inspection_id == sa.bindparam("inspection_id", type_=sa.Integer),
    RepeatInstance.key == sa.bindparam("key", type_=sa.String),
)


def ensure_instance(
    inspection: Inspection,
    spec: scoring.ItemSpec,
    key: str,
    user: User | None,
    live: list[tuple[str, int]] | None = None,
) -> None:
    """Make sure instance ``key`` exists for the section of item ``spec`` (an answer may come
    before its instance when a device resends out of order: it is added, unnamed). Under the
    inspection's lock; ``live``: ``visibility.live_rows`` as read under it (an instance added
    here is appended to it, last of its section as its position makes it)."""
    section_id = section_of(inspection, spec)
    held = next((section for k, section in live if k == key), None) if live is not None else None
    if held is None:  # not live (or not read): it may still be there, set aside
        held = db.session.scalar(_SECTION_OF_KEY, {"inspection_id": inspection.id, "key": key})
    if held is not None:
        if held != section_id:
            raise InputError({"instance": _("This instance belongs to another section.")})
        return
    _add(inspection, section_id, key, "", None, user)
    if live is not None:
        live.append((key, section_id))


def _add(
    inspection: Inspection,
    section_id: int,
    key: str,
    label: str,
    position: int | None,
    user: User | None,
) -> RepeatInstance:
    if position is None:
        position = 1 + (
            db.session.scalar(
                sa.select(sa.func.max(RepeatInstance.position)).where(
                    RepeatInstance.inspection_id == inspection.id,
                    RepeatInstance.section_id == section_id,
                )
            )
            or 0
        )
    instance = RepeatInstance(
        inspection_id=inspection.id,
        section_id=section_id,
        key=key,
        label=label,
        position=position,
        created_by_id=None if user is None else user.id,
    )
    db.session.add(instance)
    db.session.flush()
    return instance


def repeated_section(inspection: Inspection, section_id: Any) -> TemplateSection:
    """Section ``section_id`` of the inspection's template when it repeats, else
    ``InputError`` on ``section_id``."""
    section = db.session.get(TemplateSection, section_id) if isinstance(section_id, int) else None
    if section is None or section.template_id != inspection.template_id:
        raise InputError({"section_id": _("This section is not in the inspection's template.")})
    if not section.repeat:
        raise InputError({"section_id": _("This section does not repeat.")})
    return section


def put_instance(
    inspection: Inspection,
    key: str,
    section_id: int,
    label: str,
    user: User | None,
    position: int | None = None,
) -> tuple[RepeatInstance, bool]:
    """Add instance ``key`` of a repeated section, or rename it (a resend changes nothing).
    Returns the instance and whether it was added. The caller holds the inspection's lock and
    has checked it is open."""
    checked_key(key)
    label = (label or "").strip()
    if len(label) > LABEL_MAX:
        raise InputError({"label": _("At most %(n)s characters.", n=LABEL_MAX)})
    section = repeated_section(inspection, section_id)
    found = find(inspection, key)
    if found is None:
        return _add(inspection, section.id, key, label, position, user), True
    if found.section_id != section.id:
        raise InputError({"instance": _("This instance belongs to another section.")})
    if label and found.label != label:
        found.label = label
    if position is not None and found.position != position:
        found.position = position
    return found, False


def find(inspection: Inspection, key: str) -> RepeatInstance | None:
    """The inspection's instance ``key`` (removed or not), if it has one."""
    return db.session.scalar(
        sa.select(RepeatInstance).where(
            RepeatInstance.inspection_id == inspection.id, RepeatInstance.key == key
        )
    )


def remove_instance(inspection: Inspection, key: str) -> RepeatInstance | None:
    """Set instance ``key`` aside (kept with its answers, out of the score); None when the
    inspection has no such instance. Removing it again changes nothing."""
    found = find(inspection, key)
    if found is not None and found.removed_at is None:
        found.removed_at = utcnow()
    return found


def label_of(instance: RepeatInstance) -> str:
    """How an instance is named: its label, else its section's noun and its position (which
    stays when another instance is removed)."""
    if instance.label:
        return instance.label
    noun = instance.section.repeat_label or _("Instance")
    return f"{noun} {instance.position}"


def instances_by_section(inspection: Inspection) -> dict[int, list[RepeatInstance]]:
    """Section id → its live instances in order."""
    out: dict[int, list[RepeatInstance]] = {}
    for instance in inspection.live_instances():
        out.setdefault(instance.section_id, []).append(instance)
    return out


def engine_instances(inspection: Inspection) -> dict[str, list[tuple[str, str]]]:
    """What the engine's ``score`` takes as ``instances``: each repeated section's key (every
    one of the template's, with none added yet too) → its live instances' (key, label)."""
    by_section = instances_by_section(inspection)
    return {
        repeat_key(section): [(i.key, label_of(i)) for i in by_section.get(section.id, [])]
        for section in inspection.template.sections
        if section.repeat
    }
