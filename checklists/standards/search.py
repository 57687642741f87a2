"""Full-text search over clause text (the index itself: ``search_index``)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checklists.core.extensions import db
from checklists.standards.models import Clause, Document
from checklists.standards.search_index import FTS_TABLE, alnum, grams, normalise


def match_clause_ids(conn: Connection, query: str) -> sa.ColumnElement[bool] | None:
    """A condition on ``clauses.id`` / ``clauses.search_grams`` for the pairs of ``query``.

    None when the query has fewer than two letters or digits (the caller scans with LIKE).
    """
    chars = alnum(query)
    if len(chars) < 2:
        return None
    pairs = grams(chars)
    if conn.dialect.name == "postgresql":
        vector = sa.func.to_tsvector(sa.literal_column("'simple'"), Clause.search_grams)
        return vector.op("@@")(sa.func.plainto_tsquery(sa.literal_column("'simple'"), pairs))
    phrase = '"' + pairs + '"'
    ids = (
        sa.select(sa.column("rowid"))
        .select_from(sa.table(FTS_TABLE))
        .where(sa.text(f"{FTS_TABLE} MATCH :phrase").bindparams(phrase=phrase))
    )
    return Clause.id.in_(ids)


def search_statement(query: str, *, current_only: bool = True) -> sa.Select | None:
    """Clauses whose text contains ``query`` (whitespace and width ignored), in document order.

    None for an empty query.
    """
    needle = normalise(query)
    if not needle:
        return None
    statement = (
        sa.select(Clause)
        .join(Document, Document.id == Clause.document_id)
        .where(Clause.normalized.contains(needle, autoescape=True))
        .options(sa.orm.contains_eager(Clause.document))
        # Import order is document order; sorting by id lets the database stop at the limit.
        .order_by(Clause.id)
    )
    if current_only:
        statement = statement.where(Document.is_current)
    condition = match_clause_ids(db.session.connection(), needle)
    if condition is not None:
        statement = statement.where(condition)
    return statement


def search_clauses(query: str, *, limit: int = 100, current_only: bool = True) -> list:
    """The first ``limit`` clauses matching ``query``."""
    statement = search_statement(query, current_only=current_only)
    if statement is None:
        return []
    return list(db.session.scalars(statement.limit(limit)))
