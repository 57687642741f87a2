"""The 挂牌督办 regime as 临政办字〔2016〕10号《临淄区重大安全生产隐患挂牌督办办法》 writes it:
who issues what, the steps in their order, who takes each one and the article it rests on.

Each step names the status it starts from and the one it leads to; the page, the API and the
overdue check all read this table, so the order lives in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from inspections.supervision.models import HazardStatus

#: The document the regime rests on and its instrument (clause keys begin with both).
DOCUMENT_NUMBER = "临政办字〔2016〕10号"
INSTRUMENT = "临淄区重大安全生产隐患挂牌督办办法"
#: Who issues the notice and the 通报批评 (第三条, 第五条, 第十条), and whose office keeps
#: the register (第六条).
AUTHORITY = "临淄区安全生产委员会"
OFFICE = "临淄区安全生产委员会办公室"
#: The word before the year in a notice's and a 通报批评's number.
NOTICE_WORD = "督办"
CRITICISM_WORD = "通报"

#: Who takes a step: the enterprise of the hazard's organisation, or a supervisor whose region
#: holds it (the township, for ``confirm``). An administrator may take any step.
ENTERPRISE, SUPERVISOR = "enterprise", "supervisor"


@dataclass(frozen=True)
class Step:
    name: str
    #: The event's ``kind`` (the name with ``_`` for ``-``).
    kind: str
    side: str
    #: The statuses it may be taken in.
    starts: tuple[HazardStatus, ...]
    #: The status it leads to (``confirm`` returned and ``verification`` failed lead back to
    #: ``rectifying``).
    leads_to: HazardStatus
    #: The article it rests on (a clause key below the instrument).
    article: str
    label: object


STEPS: dict[str, Step] = {
    step.name: step
    for step in (
        Step(
            "receipt",
            "receipt",
            ENTERPRISE,
            (HazardStatus.LISTED,),
            HazardStatus.ACKNOWLEDGED,
            "第五条/（四）",
            _l("Sign the receipt"),
        ),
        Step(
            "plan",
            "plan",
            ENTERPRISE,
            (HazardStatus.ACKNOWLEDGED, HazardStatus.RECTIFYING),
            HazardStatus.RECTIFYING,
            "第七条",
            _l("Rectification plan (six measures in place)"),
        ),
        Step(
            "closure-report",
            "closure_report",
            ENTERPRISE,
            (HazardStatus.RECTIFYING,),
            HazardStatus.CLOSURE_REQUESTED,
            "第七条",
            _l("Closure report"),
        ),
        Step(
            "confirm",
            "confirm",
            SUPERVISOR,
            (HazardStatus.CLOSURE_REQUESTED,),
            HazardStatus.CONFIRMED,
            "第七条",
            _l("Confirmation by the township"),
        ),
        Step(
            "verification",
            "verification",
            SUPERVISOR,
            (HazardStatus.CONFIRMED,),
            HazardStatus.VERIFIED,
            "第八条",
            _l("On-site verification"),
        ),
        Step(
            "close",
            "close",
            SUPERVISOR,
            (HazardStatus.VERIFIED,),
            HazardStatus.CLOSED,
            "第九条",
            _l("Close the hazard (销号)"),
        ),
    )
}
ORDER = list(STEPS)
#: The step each status waits for (None once closed).
NEXT: dict[HazardStatus, str | None] = {
    HazardStatus.LISTED: "receipt",
    HazardStatus.ACKNOWLEDGED: "plan",
    HazardStatus.RECTIFYING: "closure-report",
    HazardStatus.CLOSURE_REQUESTED: "confirm",
    HazardStatus.CONFIRMED: "verification",
    HazardStatus.VERIFIED: "close",
    HazardStatus.CLOSED: None,
}
#: The articles of the other records: listing and the notice, the register, 通报批评.
LISTING_ARTICLE = "第五条"
REGISTER_ARTICLE = "第六条"
CRITICISM_ARTICLE = "第十条"

STATUS_LABELS = {
    HazardStatus.LISTED: _l("listed, receipt awaited"),
    HazardStatus.ACKNOWLEDGED: _l("receipt signed, plan awaited"),
    HazardStatus.RECTIFYING: _l("rectifying"),
    HazardStatus.CLOSURE_REQUESTED: _l("closure report filed, township to confirm"),
    HazardStatus.CONFIRMED: _l("confirmed by the township, to verify on site"),
    HazardStatus.VERIFIED: _l("verified, to close"),
    HazardStatus.CLOSED: _l("closed (销号)"),
}
EVENT_LABELS = {
    "listed": _l("Listed for supervision"),
    "receipt": _l("Receipt signed"),
    "plan": _l("Rectification plan"),
    "closure_report": _l("Closure report"),
    "confirm": _l("Township's confirmation"),
    "verification": _l("On-site verification"),
    "close": _l("Closed (销号)"),
    "overdue": _l("Overdue"),
    "criticism": _l("Public criticism (通报批评)"),
}
#: The six 落实 of 第七条, in its order: field name → label.
PLAN_FIELDS = {
    "responsibility": _l("Responsibility (整改责任)"),
    "measures": _l("Measures (整改措施)"),
    "funds": _l("Funds (整改资金)"),
    "deadline": _l("Deadline (整改期限)"),
    "emergency_plan": _l("Emergency plan (应急预案)"),
    "monitoring": _l("Monitoring (监控)"),
}


def clause_key(article: str) -> str:
    """The clause key of an article of the regime (第七条 → 临政办字〔2016〕10号/…/第七条)."""
    return f"{DOCUMENT_NUMBER}/{INSTRUMENT}/{article}"


def citation(article: str) -> str:
    """An article as people cite it: 临政办字〔2016〕10号《…办法》第七条."""
    return f"{DOCUMENT_NUMBER}《{INSTRUMENT}》{article.replace('/', '')}"
