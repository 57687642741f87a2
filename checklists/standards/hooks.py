"""Where features that rest on the standards hear that a source changed, without the standards
importing them.

Standards send; authoring (templates) and findings connect receivers from their
``feature.register``. Receivers run in the caller's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from blinker import Namespace

_signals = Namespace()


class ChangeKind(StrEnum):
    #: A new version words the clause differently.
    CHANGED = "changed"
    #: A new version has no clause with that key.
    REMOVED = "removed"
    #: The document was marked repealed (废止).
    REPEALED = "repealed"
    #: The document's in-force window ended.
    EXPIRED = "expired"


@dataclass(frozen=True)
class ClauseChange:
    """One clause of a document version that changed, went away or stopped being in force."""

    kind: ChangeKind
    clause_key: str
    #: The clause as cited (the earlier version's row) and its words.
    old_clause_id: int
    old_text: str
    old_document_id: int
    #: The new version's clause (None: removed, repealed, expired) and its words.
    new_clause_id: int | None = None
    new_text: str = ""
    new_document_id: int | None = None


#: Sent with the document (the new version, or the repealed or expired one) and the keywords
#: ``changes`` (list of ClauseChange) and ``user`` (or None).
source_changed = _signals.signal("source-changed")
