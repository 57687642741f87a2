"""Credit in the JSON API: ``/api/v1/credit`` (entries and their steps), ``/credit/due``,
``/credit/deposits`` (the ledger) and ``/credit/qualifications`` (depots). The contract is
``inspections.credit.schemas``."""

from __future__ import annotations

from flask import request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from checklists.accounts.models import Organisation
from checklists.accounts.permissions import visible_organisations
from checklists.core.api import (
    NOT_FOUND,
    ApiError,
    ApiRoutes,
    args,
    body,
    paginate,
    refuse_unless_ok,
    reply,
)
from checklists.core.clock import local_today
from checklists.core.errors import InputError
from checklists.core.extensions import db
from inspections.credit import deposits, depots, due, entries, regime
from inspections.credit import schemas as s
from inspections.credit.models import CreditEntry, DepotQualification
from inspections.credit.terms import Case

routes = ApiRoutes()


def _required(values: dict[str, object]) -> None:
    missing = {name: _("This field is required.") for name, v in values.items() if v is None}
    if missing:
        raise InputError(missing)


def entry_json(entry: CreditEntry) -> s.CreditEntry:
    waiting = entries.next_step(entry)
    return s.CreditEntry(
        id=entry.id,
        number=entry.number,
        organisation_id=entry.organisation_id,
        organisation=entry.organisation.name,
        kind=entry.kind,
        status=entry.status,
        next_step=waiting.name if waiting else None,
        case=Case(entry.case),
        reason=entry.reason,
        basis=regime.citation(entry.kind, regime.BASES[entry.kind].listing),
        document_number=entry.document_number,
        document_version=entry.document_version,
        clause_key=entry.clause_key,
        clause_text=entry.clause_text,
        clause_text_hash=entry.clause_text_hash,
        override=entry.override,
        term_years=entry.term_years,
        term_explanation=entry.term_explanation,
        proposed_on=entry.proposed_on,
        notified_on=entry.notified_on,
        defence_due_on=entry.defence_due_on,
        defence_on=entry.defence_on,
        decided_on=entry.decided_on,
        office_due_on=entry.office_due_on,
        submitted_on=entry.submitted_on,
        publish_due_on=entry.publish_due_on,
        published_on=entry.published_on,
        starts_on=entry.starts_on,
        ends_on=entry.ends_on,
        removal_request_due_on=entry.removal_request_due_on,
        removal_requested_on=entry.removal_requested_on,
        removal_decided_on=entry.removal_decided_on,
        removed_on=entry.removed_on,
        removal_publish_due_on=entry.removal_publish_due_on,
        removal_published_on=entry.removal_published_on,
        on_list=entry.on_list(local_today()),
        previous_id=entry.previous_id,
        client_id=entry.client_id,
        created_at=entry.created_at,
        events=[
            s.CreditEvent(
                kind=e.kind,
                on=e.on,
                at=e.at,
                actor=e.actor.name if e.actor else None,
                text=e.text,
                data=e.data,
            )
            for e in entry.events
        ],
        documents={
            name: url_for("credit.document", entry_id=entry.id, name=name)
            for name in documents_of(entry)
        },
    )


def documents_of(entry: CreditEntry) -> list[str]:
    """The notices an entry has so far: 告知书 once notified, 决定书 once decided, 移出决定."""
    names = []
    if entry.notified_on:
        names.append("notice")
    if entry.decided_on:
        names.append("decision")
    if entry.removal_decided_on:
        names.append("removal")
    return names


@routes.route(
    "/credit",
    query=s.CreditQuery,
    responses={200: ([s.CreditEntry], "One page; a Link header points at the next")},
)
def credit_list():
    """The entries the caller may see (an enterprise its own, a supervisor their region's),
    newest first, filtered by organisation, kind and status."""
    wanted = args(s.CreditQuery)
    query = entries.visible_entries(current_user).order_by(CreditEntry.id.desc())
    if wanted.organisation_id is not None:
        query = query.where(CreditEntry.organisation_id == wanted.organisation_id)
    if wanted.kind is not None:
        query = query.where(CreditEntry.kind == wanted.kind)
    if wanted.status is not None:
        query = query.where(CreditEntry.status == wanted.status)
    return paginate(query, wanted, entry_json)


@routes.route(
    "/credit",
    methods=["POST"],
    body=s.CreditCreate,
    responses={
        201: (s.CreditEntry, "Proposed, with its number"),
        200: (s.CreditEntry, "Already proposed with this client_id"),
        403: "Only supervisors and administrators",
        409: "id_reused; regime_not_applicable: the list's document is not in force that "
        "day, or the organisation is outside SUPERVISION_REGION (give override)",
        422: "No client_id, an unknown organisation, no reason, a case of another list, "
        "term_years outside 1—3 for 禁入",
    },
)
def credit_create():
    """Propose an entry on a list (安全生产黑名单, 政府采购禁入); the same client_id again
    answers 200."""
    if not entries.can_create(current_user):
        refuse_unless_ok(403)
    data = body(s.CreditCreate)
    _required(
        {
            "client_id": data.client_id,
            "organisation_id": data.organisation_id,
            "kind": data.kind,
        }
    )
    entry, created = entries.create(
        current_user,
        today=local_today(),
        organisation_id=data.organisation_id,
        kind=data.kind,
        case=data.case,
        reason=data.reason,
        term_years=data.term_years,
        client_id=data.client_id,  # type: ignore[arg-type]
        override=data.override,
    )
    db.session.commit()
    return reply(entry_json(entry), 201 if created else 200)


@routes.route(
    "/credit/due",
    responses={200: ([s.CreditDue], "Due work on the lists"), 403: "Supervisors only"},
)
def credit_due():
    """What the lists ask of the caller (a supervisor): publications, reports to the office,
    removals, deposits owed, listed units to inspect and interview, depots to check again."""
    if not entries.can_create(current_user):
        refuse_unless_ok(403)
    today = local_today()
    return reply(
        [
            s.CreditDue(
                what=d.what,
                organisation_id=d.organisation_id,
                organisation=d.organisation,
                text=d.text,
                due_on=d.due_on,
                overdue=d.overdue(today),
                link=d.link,
                basis=d.basis,
            )
            for d in due.due_work(current_user, today)
        ]
    )


@routes.route(
    "/credit/<int:entry_id>",
    responses={200: (s.CreditEntry, "The entry"), 404: NOT_FOUND},
)
def credit_entry(entry_id: int):
    """One entry with its steps and notices."""
    found, status = entries.checked(current_user, entry_id)
    refuse_unless_ok(status)
    return reply(entry_json(found))


@routes.route(
    "/credit/<int:entry_id>/<step>",
    methods=["POST"],
    body=s.CreditStep,
    responses={
        201: (s.CreditEntry, "Recorded"),
        200: (s.CreditEntry, "Already recorded (the same client_id or content)"),
        403: "The enterprise takes only defence and request_removal",
        404: NOT_FOUND + " (or no such step)",
        409: "out_of_order (the message names the step due first); already_done; closed; id_reused",
        422: "A bad day, outcome, term or text (fields says which)",
    },
)
def credit_step(entry_id: int, step: str):
    """A step: notify, defence, decide (list|drop), submit, publish, request_removal, remove
    (remove|retain) or publish_removal, in the order of 第五条."""
    found, status = entries.checked(current_user, entry_id, step)
    refuse_unless_ok(status)
    try:
        data = body(s.CreditStep) if request.get_data() else s.CreditStep()
    except ApiError:
        entries.check_order(found, regime.STEPS[step])  # 409 before the body's mistakes
        raise
    values = data.model_dump(mode="json", exclude_none=True, exclude={"client_id"})
    _event, created = entries.take_step(
        found, step, current_user, values, today=local_today(), client_id=data.client_id
    )
    db.session.commit()
    return reply(entry_json(found), 201 if created else 200)


# --- the ledger ---------------------------------------------------------------------------------


def ledger_json(organisation: Organisation) -> s.CreditLedger:
    today = local_today()
    return s.CreditLedger(
        organisation_id=organisation.id,
        organisation=organisation.name,
        balances=[
            s.CreditBalance(
                deposit=b.deposit,
                due=b.due,
                paid=b.paid,
                forfeited=b.forfeited,
                refunded=b.refunded,
                held=b.held,
                owed=b.owed,
                unpaid_due_on=b.unpaid_due_on,
                overdue=b.overdue(today),
            )
            for b in deposits.balances(organisation.id)
        ],
        lines=[s.CreditDepositLine.model_validate(x) for x in deposits.lines_of(organisation.id)],
    )


@routes.route(
    "/credit/deposits/<int:organisation_id>",
    responses={200: (s.CreditLedger, "The organisation's ledger and balances"), 404: NOT_FOUND},
)
def credit_ledger(organisation_id: int):
    """An organisation's deposit ledger (an enterprise its own; inspectors and authors none)."""
    organisation = db.session.scalar(
        visible_organisations(current_user).where(Organisation.id == organisation_id)
    )
    if organisation is None or current_user.role.value in ("inspector", "author"):
        refuse_unless_ok(404)
    return reply(ledger_json(organisation))


@routes.route(
    "/credit/deposits",
    methods=["POST"],
    body=s.CreditDepositCreate,
    responses={
        201: (s.CreditLedger, "Recorded; the ledger after it"),
        200: (s.CreditLedger, "Already recorded with this client_id"),
        403: "Only supervisors and administrators",
        409: "id_reused; still_listed: a safety deposit refunded before the term ended",
        422: "Missing or bad fields; paying more than owed, forfeiting or refunding more than held",
    },
)
def credit_deposit():
    """A line of the deposit ledger: due, paid, forfeited or refunded."""
    if not deposits.can_record(current_user):
        refuse_unless_ok(403)
    data = body(s.CreditDepositCreate)
    _required(
        {
            "client_id": data.client_id,
            "organisation_id": data.organisation_id,
            "kind": data.kind,
            "amount": data.amount,
            "on": data.on,
        }
    )
    line, created = deposits.record(
        current_user,
        today=local_today(),
        organisation_id=data.organisation_id,
        deposit=data.deposit,
        kind=data.kind,
        amount=data.amount,
        on=data.on,
        entry_id=data.entry_id,
        due_on=data.due_on,
        voucher=data.voucher,
        note=data.note,
        client_id=data.client_id,  # type: ignore[arg-type]
    )
    db.session.commit()
    return reply(ledger_json(line.organisation), 201 if created else 200)


# --- depots -------------------------------------------------------------------------------------


def qualification_json(record: DepotQualification) -> s.CreditQualification:
    return s.CreditQualification(
        id=record.id,
        organisation_id=record.organisation_id,
        organisation=record.organisation.name,
        region=record.region.name,
        name=record.name,
        status=record.status,
        checked_on=record.checked_on,
        rectify_due_on=record.rectify_due_on,
        cancelled_on=record.cancelled_on,
        clause_key=record.clause_key,
        events=list(record.events),
    )


@routes.route(
    "/credit/qualifications",
    responses={200: ([s.CreditQualification], "Depots' qualifications the caller may see")},
)
def credit_qualifications():
    """Clean-coal depots and their right to operate (冠政发〔2016〕109号 四（二））."""
    query = depots.visible_qualifications(current_user).order_by(DepotQualification.id)
    return reply([qualification_json(q) for q in db.session.scalars(query)])


@routes.route(
    "/credit/qualifications",
    methods=["POST"],
    body=s.CreditQualificationCreate,
    responses={
        201: (s.CreditQualification, "Recorded"),
        200: (s.CreditQualification, "Already recorded with this client_id"),
        403: "Only supervisors and administrators",
        409: "township_full: the township has 3 depots already (the clause is quoted)",
        422: "Missing or bad fields",
    },
)
def credit_qualify():
    """A depot's acceptance: passed (qualified) or failed (a month to put it right)."""
    if not entries.can_create(current_user):
        refuse_unless_ok(403)
    data = body(s.CreditQualificationCreate)
    _required(
        {
            "client_id": data.client_id,
            "organisation_id": data.organisation_id,
            "name": data.name,
            "passed": data.passed,
        }
    )
    record, created = depots.qualify(
        current_user,
        today=local_today(),
        organisation_id=data.organisation_id,
        name=data.name,
        passed=data.passed,
        region_id=data.region_id,
        client_id=data.client_id,  # type: ignore[arg-type]
    )
    db.session.commit()
    return reply(qualification_json(record), 201 if created else 200)


@routes.route(
    "/credit/qualifications/<int:qualification_id>/<step>",
    methods=["POST"],
    body=s.CreditQualificationStep,
    responses={
        201: (s.CreditQualification, "Recorded"),
        200: (s.CreditQualification, "Already in that state"),
        403: "Only supervisors and administrators",
        404: NOT_FOUND + " (or no such step)",
        409: "out_of_order; too_early: the month to put it right has not run out",
    },
)
def credit_qualification_step(qualification_id: int, step: str):
    """``fail`` (a month to put it right), ``pass``, or ``cancel`` (取消配送资格)."""
    found, status = depots.checked(current_user, qualification_id, write=True)
    refuse_unless_ok(404 if step not in depots.STEPS else status)
    data = body(s.CreditQualificationStep) if request.get_data() else s.CreditQualificationStep()
    created = depots.take_step(found, step, current_user, today=local_today(), text=data.text or "")
    db.session.commit()
    return reply(qualification_json(found), 201 if created else 200)


def marks_for(ids: list[int]) -> dict[int, list[dict]]:
    """For the organisations API: each organisation's entries on a list today."""
    return entries.marks(ids, local_today())
