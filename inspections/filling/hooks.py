"""Where later features join an inspection's life without filling importing them.

Filling sends; features that build on it (findings now, 挂牌督办 supervision later) connect
receivers from their ``feature.register``. Receivers run in the caller's transaction, in the
order they connected; connecting the same function again is a no-op.
"""

from __future__ import annotations

from typing import Any

from blinker import Namespace

_signals = Namespace()

#: After an inspection was submitted and flushed. Receivers get the inspection and the keywords
#: ``summary`` (the engine's scoring.Summary), ``user`` (or None) and ``as_of`` (the day).
submitted = _signals.signal("inspection-submitted")

#: Around a change of an inspection's status (submitted, returned, approved), in the caller's
#: transaction: ``status_changing`` before it, ``status_changed`` once it is flushed (for a
#: submission after ``submitted``'s receivers: its findings are raised). Both carry ``state``,
#: a dict of that change's own where a receiver keeps what it read before (the dashboard's
#: rollups: what the inspection counted for as it was).
status_changing = _signals.signal("inspection-status-changing")
status_changed = _signals.signal("inspection-status-changed")

#: What a feature adds to the inspection's page and report: each receiver returns a dict of
#: template variables (the findings give ``findings`` and ``notice``).
page_context = _signals.signal("inspection-page-context")

#: What a feature adds to the inspection's JSON: each receiver returns a dict of keys.
json_extra = _signals.signal("inspection-json")

#: The official calendar that ``date_pair`` answers are judged with: a receiver returns
#: ``{"calendar": OfficialCalendar}`` (the findings give the bundled calendar with the years an
#: administrator loaded); sent with no sender. No receiver: the engine's bundled calendar.
official_calendar = _signals.signal("official-calendar")


def collect(signal: Any, inspection: Any) -> dict[str, Any]:
    """The receivers' dicts for ``inspection``, merged in connection order."""
    merged: dict[str, Any] = {}
    for _receiver, result in signal.send(inspection):
        merged.update(result or {})
    return merged
