"""How an item's result and an inspection's verdict read: the one set of words behind the
template preview, the inspection pages, the report and the exports. Lazy: each reads in the
language of the request that shows it."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

RESULT_LABELS = {
    "pass": _l("pass"),
    "fail": _l("fail"),
    "na": _l("N/A"),
    "unanswered": _l("unanswered"),
}
VERDICT_LABELS = {"pass": _l("Compliant"), "fail": _l("Non-compliant")}
