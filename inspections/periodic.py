"""The periodic jobs (``checklists.core.jobs``): what cron used to run, now enqueued once per
slot across every host by ``flask jobs periodic`` (or a worker's tick) and run by a worker.

Each handler calls what its CLI command calls (``flask findings check-overdue`` …; the commands
stay, synchronous, for a host without workers), so that a record is flagged the same way
whichever runs it, and once: the slot is claimed once, and each check flags a record once.

| job | when | what |
| --- | --- | --- |
| findings.check_overdue | daily 00:15 | overdue findings flagged and notified |
| supervision.check_overdue | daily 00:20 | 挂牌督办 hazards overdue, late 约谈 reports |
| credit.check_overdue | daily 00:25 | deposits not paid by their day |
| standards.check_expiry | daily 00:30 | documents past their period in force |
| security.prune | daily 03:00 | the security log's retention |
| mail.send | every 5 minutes | notifications e-mailed (MAIL_SERVER set) |
| jobs.expire | every 15 minutes | finished jobs' files past ``JOB_FILE_HOURS`` removed |
"""

from __future__ import annotations

from flask import current_app
from flask_babel import force_locale

from checklists.accounts import notifications
from checklists.core import jobs, security
from checklists.core.clock import local_today
from checklists.core.db import utcnow
from checklists.core.extensions import db
from checklists.standards.services import expire_documents
from inspections.credit import due
from inspections.findings import operations as findings
from inspections.supervision import interviews
from inspections.supervision import operations as supervision


class MailFailed(RuntimeError):
    """The mail server refused or was away: the mails stay pending for the next run."""


def _locale():
    return force_locale(current_app.config["BABEL_DEFAULT_LOCALE"])  # the records' language


@jobs.handler("findings.check_overdue")
def findings_overdue(job: jobs.Job, progress: jobs.Progress) -> jobs.Result:
    with _locale():
        late = findings.check_overdue(local_today(), utcnow())
    db.session.commit()
    return jobs.Result(summary={"flagged": len(late)})


@jobs.handler("supervision.check_overdue")
def supervision_overdue(job: jobs.Job, progress: jobs.Progress) -> jobs.Result:
    with _locale():
        late = supervision.check_overdue(local_today())
        reports = interviews.check_overdue(local_today())
    db.session.commit()
    return jobs.Result(summary={"hazards": len(late), "interviews": len(reports)})


@jobs.handler("credit.check_overdue")
def credit_overdue(job: jobs.Job, progress: jobs.Progress) -> jobs.Result:
    with _locale():
        flagged = due.check_overdue(local_today())
    db.session.commit()
    return jobs.Result(summary={"deposits": len(flagged)})


@jobs.handler("standards.check_expiry")
def standards_expiry(job: jobs.Job, progress: jobs.Progress) -> jobs.Result:
    expired = expire_documents(local_today())
    db.session.commit()
    return jobs.Result(summary={"documents": len(expired)})


@jobs.handler("security.prune")
def security_prune(job: jobs.Job, progress: jobs.Progress) -> jobs.Result:
    removed = security.prune(current_app.config["SECURITY_LOG_MONTHS"])
    db.session.commit()
    return jobs.Result(summary={"removed": removed})


@jobs.handler("mail.send")
def send_mail(job: jobs.Job, progress: jobs.Progress) -> jobs.Result:
    sent, errors = notifications.send_pending_mail()
    if errors:  # the job fails (counted, shown); the mails are sent by the next slot
        raise MailFailed(f"{sent} sent; " + "; ".join(errors[:3]))
    return jobs.Result(summary={"sent": sent})


@jobs.handler("jobs.expire")
def expire_files(job: jobs.Job, progress: jobs.Progress) -> jobs.Result:
    return jobs.Result(summary={"expired": jobs.expire()})


def register() -> None:
    """The schedule (local times, ``BABEL_DEFAULT_TIMEZONE``)."""
    jobs.periodic("findings.check_overdue", "findings.check_overdue", daily_at="00:15")
    jobs.periodic("supervision.check_overdue", "supervision.check_overdue", daily_at="00:20")
    jobs.periodic("credit.check_overdue", "credit.check_overdue", daily_at="00:25")
    jobs.periodic("standards.check_expiry", "standards.check_expiry", daily_at="00:30")
    jobs.periodic("security.prune", "security.prune", daily_at="03:00")
    jobs.periodic("mail.send", "mail.send", minutes=5)
    jobs.periodic("jobs.expire", "jobs.expire", minutes=15)
