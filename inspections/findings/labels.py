"""How a finding's status reads: the one set of labels behind the findings pages, the notice,
the inspection report and the exports (which cannot import a views module). Lazy: each reads
in the language of the request that shows it."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

STATUS_LABELS = {
    "open": _l("open"),
    "action_submitted": _l("action reported, to verify"),
    "closed": _l("closed"),
    "reopened": _l("reopened"),
    "withdrawn": _l("withdrawn"),
}
