"""The lists and their steps as the documents write them: each kind's document and articles,
the steps in their order (who takes each, the statuses it starts from and leads to), and the
labels people read. The register, the API, the documents and the due list all read these."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from inspections.credit.models import CreditKind, CreditStatus, DepositKind, QualificationStatus
from inspections.credit.terms import Case

S = CreditStatus


@dataclass(frozen=True)
class Basis:
    """A kind's document and the article of each step (clause paths below the 文号)."""

    document_number: str
    title: str
    #: The article the entry itself rests on (who is listed).
    listing: str
    #: The article of each step (also the term's, ``term``).
    articles: dict[str, str]
    #: The word before the year in an entry's number: 黑名单〔2026〕0001号.
    word: str
    #: Whether the region the document governs (SUPERVISION_REGION) limits it.
    regional: bool
    #: Published on the public list (一公开).
    public: bool


BASES: dict[CreditKind, Basis] = {
    CreditKind.BLACKLIST: Basis(
        "临政办字〔2016〕11号",
        "临淄区生产经营单位安全生产不良记录“黑名单”管理暂行规定",
        "第三条",
        {
            "term": "第四条",
            "notify": "第五条/（二）",
            "defence": "第五条/（二）",
            "decide": "第五条/（二）",
            "submit": "第五条/（三）",
            "publish": "第五条/（四）",
            "request_removal": "第五条/（五）",
            "remove": "第五条/（五）",
            "publish_removal": "第五条/（五）",
            "deposit": "第九条",
            "measures": "第七条",
        },
        "黑名单",
        True,
        True,
    ),
    CreditKind.PROCUREMENT_BAN: Basis(
        "冠政发〔2016〕78号",
        "关于进一步加强政府采购管理工作的意见",
        "三/（三）/10",
        {
            "term": "三/（三）/10",
            "publish": "三/（三）/10",
            "deposit": "三/（三）/10",
        },
        "禁入",
        False,
        True,
    ),
    CreditKind.DEPOT_DISQUALIFIED: Basis(
        "冠政发〔2016〕109号",
        "冠县洁净煤配送工作实施办法",
        "四/（二）",
        {},
        "配送",
        False,
        False,
    ),
}


def clause_key(kind: CreditKind, article: str) -> str:
    return f"{BASES[kind].document_number}/{article}"


def citation(kind: CreditKind, article: str) -> str:
    """An article as people cite it: 临政办字〔2016〕11号 第五条（五）."""
    return f"{BASES[kind].document_number} {article.replace('/', '')}"


def article_of(kind: CreditKind, step: str) -> str:
    basis = BASES[kind]
    return basis.articles.get(step, basis.listing)


@dataclass(frozen=True)
class Step:
    name: str
    #: ``supervisor`` or ``either`` (the enterprise, or a supervisor recording it for them).
    side: str
    starts: tuple[CreditStatus, ...]
    #: Where it leads (``decide`` and ``remove`` choose by their outcome, see ``OUTCOMES``).
    leads_to: CreditStatus
    label: object


SUPERVISOR, EITHER = "supervisor", "either"
STEPS: dict[str, Step] = {
    step.name: step
    for step in (
        Step("notify", SUPERVISOR, (S.PROPOSED,), S.NOTIFIED, _l("Written notice (告知书)")),
        Step("defence", EITHER, (S.NOTIFIED,), S.HEARING, _l("Defence heard (申辩)")),
        Step("decide", SUPERVISOR, (S.NOTIFIED, S.HEARING), S.DECIDED, _l("Decision (决定书)")),
        Step("submit", SUPERVISOR, (S.DECIDED,), S.DECIDED, _l("Reported to the office")),
        Step("publish", SUPERVISOR, (S.DECIDED,), S.LISTED, _l("Published")),
        Step(
            "request_removal",
            EITHER,
            (S.LISTED, S.RETAINED),
            S.REMOVAL_REQUESTED,
            _l("Removal requested"),
        ),
        Step("remove", SUPERVISOR, (S.REMOVAL_REQUESTED,), S.REMOVED, _l("Removal decided")),
        Step("publish_removal", SUPERVISOR, (S.REMOVED,), S.REMOVED, _l("Removal published")),
    )
}
ORDER = list(STEPS)
#: Steps taken once, though they leave the status as it was.
ONCE = {"submit": "submitted_on", "publish_removal": "removal_published_on"}
#: The outcomes of the steps that choose: outcome → the status it leads to.
OUTCOMES = {
    "decide": {"list": S.DECIDED, "drop": S.DROPPED},
    "remove": {"remove": S.REMOVED, "retain": S.RETAINED},
}
#: Statuses with nothing more to do.
FINAL = (S.DROPPED,)

KIND_LABELS = {
    CreditKind.BLACKLIST: _l("Safety blacklist (安全生产黑名单)"),
    CreditKind.PROCUREMENT_BAN: _l("Barred from government purchasing (政府采购禁入)"),
    CreditKind.DEPOT_DISQUALIFIED: _l("Depot qualification cancelled (取消配送资格)"),
}
#: The short mark shown beside an organisation's name.
KIND_MARKS = {
    CreditKind.BLACKLIST: _l("Blacklisted"),
    CreditKind.PROCUREMENT_BAN: _l("Barred from purchasing"),
    CreditKind.DEPOT_DISQUALIFIED: _l("Depot disqualified"),
}
STATUS_LABELS = {
    S.PROPOSED: _l("proposed"),
    S.NOTIFIED: _l("notified, defence awaited"),
    S.HEARING: _l("defence heard, to decide"),
    S.DECIDED: _l("decided, to publish"),
    S.LISTED: _l("listed"),
    S.REMOVAL_REQUESTED: _l("removal requested"),
    S.REMOVED: _l("removal decided"),
    S.DROPPED: _l("dropped (defence accepted)"),
    S.RETAINED: _l("retained with a new term"),
}
CASE_LABELS = {
    Case.VIOLATION: _l("Listed case (第三条)"),
    Case.ACCIDENT_GENERAL: _l("General accident (一般事故)"),
    Case.ACCIDENT_LARGER: _l("Larger accident (较大事故)"),
    Case.ACCIDENT_MAJOR: _l("Major accident (重大事故)"),
    Case.ACCIDENT_GRAVE: _l("Especially major accident (特别重大事故)"),
    Case.PROCUREMENT: _l("Breach in government purchasing"),
    Case.DEPOT: _l("Depot failed acceptance twice"),
}
#: The cases each kind allows.
KIND_CASES = {
    CreditKind.BLACKLIST: (
        Case.VIOLATION,
        Case.ACCIDENT_GENERAL,
        Case.ACCIDENT_LARGER,
        Case.ACCIDENT_MAJOR,
        Case.ACCIDENT_GRAVE,
    ),
    CreditKind.PROCUREMENT_BAN: (Case.PROCUREMENT,),
    CreditKind.DEPOT_DISQUALIFIED: (Case.DEPOT,),
}
DEPOSIT_KIND_LABELS = {
    DepositKind.REQUIRED: _l("due"),
    DepositKind.PAID: _l("paid"),
    DepositKind.FORFEITED: _l("forfeited"),
    DepositKind.REFUNDED: _l("refunded"),
}
DEPOSITS = {
    "safety": _l("Safety deposit (安全生产保证金)"),
    "performance": _l("Performance bond (履约保证金)"),
    "integrity": _l("Integrity deposit (诚信保证金)"),
}
#: 第九条: the safety deposit in yuan.
SAFETY_DEPOSIT = 500_000
QUALIFICATION_LABELS = {
    QualificationStatus.QUALIFIED: _l("qualified"),
    QualificationStatus.RECTIFYING: _l("to put right within a month"),
    QualificationStatus.CANCELLED: _l("qualification cancelled"),
}
#: 冠政发〔2016〕109号 四（二）: 县经济开发区、各乡镇（街道）最多设置3个配送中心（点）.
DEPOTS_PER_TOWNSHIP = 3
DEPOT_CLAUSE = "冠政发〔2016〕109号/四/（二）"
