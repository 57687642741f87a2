"""The full-text index over clause text in Chinese, including two-character words (台账).

Each clause stores ``search_grams``: the overlapping character pairs of its normalised text.
A query becomes the phrase of its own pairs, so two characters are enough (a trigram index
misses those). SQLite answers it with an FTS5 table over the pairs; PostgreSQL with a GIN index
on ``to_tsvector('simple', search_grams)``. A final ``LIKE`` keeps only exact matches.
"""

from __future__ import annotations

import unicodedata

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


def alnum(text: str) -> str:
    return "".join(ch for ch in normalise(text) if ch.isalnum()).lower()


def grams(text: str) -> str:
    """Space-separated overlapping pairs of the letters and digits of ``text``."""
    chars = alnum(text)
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
