"""Open findings whose source clause changed, went away, was repealed or expired: flagged on
the finding (an event with the clause's old and new words) and to its inspectors and
supervisors. Receives ``checklists.standards.hooks.source_changed``."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists.accounts import notifications
from checklists.accounts.models import Role, User
from checklists.core.extensions import db
from checklists.standards.hooks import ChangeKind, ClauseChange
from checklists.standards.models import Document
from inspections.findings import notify
from inspections.findings.models import ACTIVE, Finding, FindingEvent

#: The event a flag leaves on the finding.
EVENT = "source_changed"


def on_source_changed(
    document: Document, *, changes: list[ClauseChange], user: User | None = None
) -> None:
    """Flag every active finding judged against an earlier (or this) version of a clause in
    ``changes`` whose words it quotes differ from the clause now (or that is no longer in
    force); once per finding, kind and version."""
    by_key = {c.clause_key: c for c in changes}
    if not by_key or document.number is None:
        return
    new_version = changes[0].kind in (ChangeKind.CHANGED, ChangeKind.REMOVED)
    unknown = Finding.document_version.is_(None)
    if new_version:  # judged against an earlier version
        which = sa.or_(unknown, Finding.document_version < document.version)
    else:  # judged against this version (repealed or expired: each version is sent)
        which = Finding.document_version == document.version
        if document.is_current:
            which = sa.or_(which, unknown)
    findings = db.session.scalars(
        sa.select(Finding)
        .options(sa.orm.selectinload(Finding.events))  # read below for each finding
        .where(
            Finding.status.in_(ACTIVE),
            Finding.document_number == document.number,
            Finding.clause_key.in_(list(by_key)),
            which,
        )
    ).all()
    flagged = []
    for finding in findings:
        change = by_key[finding.clause_key]
        if change.kind == ChangeKind.CHANGED and change.new_text == finding.clause_text:
            continue  # reworded since, then back: the finding quotes the words in force
        data = {
            "kind": str(change.kind),
            "document_id": document.id,
            "version": document.version,
            "old_text": finding.clause_text,
            "new_text": change.new_text,
        }
        if any(
            e.kind == EVENT
            and e.data.get("kind") == data["kind"]
            and e.data.get("document_id") == document.id
            for e in finding.events
        ):
            continue
        finding.events.append(
            FindingEvent(kind=EVENT, actor=user, text=_describe(change.kind), data=data)
        )
        flagged.append(finding)
    if not flagged:
        return
    db.session.flush()
    recipients = notify.recipients_of(flagged)
    for finding in flagged:
        people = [u for u in recipients.get(finding.id, []) if u.role != Role.ENTERPRISE]
        notifications.send(
            people,
            "source",
            lambda finding=finding: _(
                "The clause finding %(id)d was judged against (%(citation)s) %(what)s.",
                id=finding.id,
                citation=finding.citation,
                what=_describe(by_key[finding.clause_key].kind),
            ),
            link=notify.link(finding),
            finding_id=finding.id,
        )


def _describe(kind: str) -> str:
    return {
        ChangeKind.CHANGED: _("was reworded in a new version of its document"),
        ChangeKind.REMOVED: _("is gone from the new version of its document"),
        ChangeKind.REPEALED: _("belongs to a document that was repealed"),
        ChangeKind.EXPIRED: _("belongs to a document no longer in force"),
    }.get(kind, str(kind))


def open_flags(finding: Finding) -> list[FindingEvent]:
    """The finding's source-change events (shown on its page)."""
    return [e for e in finding.events if e.kind == EVENT]
