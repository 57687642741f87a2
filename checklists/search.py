"""Full-text search over clause text in Chinese, including two-character words (台账).

Each clause stores ``search_grams``: the overlapping character pairs of its normalised text.
A query becomes the phrase of its own pairs, so two characters are enough (a trigram index
misses those). SQLite answers it with an FTS5 table over the pairs; PostgreSQL with a GIN index
on ``to_tsvector('simple', search_grams)``. A final ``LIKE`` keeps only exact matches.
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from sqlalchemy.engine import Connection

FTS_TABLE = "clause_search"

CREATE_FTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "search_grams, content='clauses', content_rowid='id', tokenize='unicode61')"
)
DROP_FTS = f"DROP TABLE IF EXISTS {FTS_TABLE}"


def normalise(text: str) -> str:
    """NFKC with all whitespace removed: the form clause text is stored and matched in."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _alnum(text: str) -> str:
    return "".join(ch for ch in normalise(text) if ch.isalnum()).lower()


def grams(text: str) -> str:
    """Space-separated overlapping pairs of the letters and digits of ``text``."""
    chars = _alnum(text)
    if len(chars) == 1:
        return chars
    return " ".join(chars[i : i + 2] for i in range(len(chars) - 1))


#: The PostgreSQL GIN index on search_grams (an expression index, made by the migration).
GIN_INDEX = "ix_clauses_search_grams"


def include_name(name: str | None, type_: str, _parent_names: dict) -> bool:
    """Alembic filter: the FTS5 tables and the expression index are managed by hand."""
    if type_ == "table" and name is not None and name.startswith(FTS_TABLE):
        return False
    return not (type_ == "index" and name == GIN_INDEX)


def include_object(_object, name: str | None, type_: str, _reflected, _compare_to) -> bool:
    """Alembic filter, model side: leave the expression index to the migration."""
    return not (type_ == "index" and name == GIN_INDEX)


def create_index(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(CREATE_FTS)


def drop_index(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(DROP_FTS)


def clear_index(conn: Connection) -> None:
    """Forget every indexed clause (tests wipe tables between cases)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES('delete-all')")


def index_clauses(conn: Connection, clause_ids: list[int]) -> None:
    """Add new clauses to the SQLite FTS table (PostgreSQL's index maintains itself)."""
    if conn.dialect.name != "sqlite" or not clause_ids:
        return
    for start in range(0, len(clause_ids), 500):
        chunk = clause_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        conn.exec_driver_sql(
            f"INSERT INTO {FTS_TABLE}(rowid, search_grams) "
            f"SELECT id, search_grams FROM clauses WHERE id IN ({marks})",
            tuple(chunk),
        )


def match_clause_ids(conn: Connection, query: str) -> sa.ColumnElement[bool] | None:
    """A condition on ``clauses.id`` / ``clauses.search_grams`` for the pairs of ``query``.

    None when the query has fewer than two letters or digits (the caller scans with LIKE).
    """
    chars = _alnum(query)
    if len(chars) < 2:
        return None
    pairs = grams(chars)
    from checklists.models import Clause

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
    from checklists.extensions import db
    from checklists.models import Clause, Document

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
    from checklists.extensions import db

    statement = search_statement(query, current_only=current_only)
    if statement is None:
        return []
    return list(db.session.scalars(statement.limit(limit)))
