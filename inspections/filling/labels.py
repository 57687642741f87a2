"""How an inspection's codes read (status, audit action, an item's result, the verdict): the
one set of labels behind its pages, its report and the exports (which cannot import a views
module). Lazy: each reads in the language of the request that shows it."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from checklists.authoring import labels

STATUS_LABELS = {
    "planned": _l("planned"),
    "in_progress": _l("in progress"),
    "submitted": _l("submitted"),
    "returned": _l("returned for correction"),
    "approved": _l("approved"),
}

AUDIT_LABELS = {
    "submitted": _l("Submitted"),
    "returned": _l("Returned for correction"),
    "approved": _l("Approved"),
}

#: An item's result and an inspection's verdict: the checklists' own words.
RESULT_LABELS = labels.RESULT_LABELS
VERDICT_LABELS = labels.VERDICT_LABELS
