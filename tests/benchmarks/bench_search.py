"""Benchmark: import the bundled gazettes into a database, grow it to 50,000 clauses, and time
clause search (warm median of repeated queries). Prints figures; asserts nothing.

    .venv/bin/python tests/benchmarks/bench_search.py                # SQLite (temporary file)
    BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/clausecheck_bench \
        .venv/bin/python tests/benchmarks/bench_search.py            # PostgreSQL
"""

from __future__ import annotations

import os
import pathlib
import random
import statistics
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from checklists.core.extensions import db  # noqa: E402
from checklists.standards import search, search_index  # noqa: E402
from checklists.standards.models import Clause, Document, ImportRun  # noqa: E402
from checklists.standards.services import import_text  # noqa: E402
from wsgi import create_app  # noqa: E402

TARGET = 50_000
QUERIES = ["台账", "洁净煤配送中心", "工作日内", "安全生产", "不低于500平方米", "没有这个词语"]


def _database_url(tmp: str) -> str:
    url = os.environ.get("BENCH_DATABASE_URL")
    if not url:
        return f"sqlite:///{tmp}/bench.sqlite"
    target = sa.engine.make_url(url.replace("postgresql://", "postgresql+psycopg://", 1))
    admin = sa.create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()
    return target.render_as_string(hide_password=False)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": _database_url(tmp)})
        with app.app_context():
            db.create_all()
            print(f"database: {db.engine.dialect.name}")
            gazettes = sorted((ROOT / "checklists" / "demo" / "gazettes").glob("*.txt"))
            start = time.perf_counter()
            for path in gazettes:
                import_text(path.read_text(encoding="utf-8"), path.name)
            db.session.commit()
            elapsed = time.perf_counter() - start
            real = db.session.scalar(sa.select(sa.func.count()).select_from(Clause))
            print(
                f"import of {len(gazettes)} gazettes into the database: {elapsed * 1000:.0f} ms, "
                f"{real} clauses, {real / elapsed:.0f} clauses/s"
            )

            texts = db.session.scalars(sa.select(Clause.text)).all()
            rng = random.Random(7)
            run = ImportRun(filename="synthetic", text_sha256="0" * 64)
            db.session.add(run)
            start = time.perf_counter()
            batch, n_doc = [], 0
            while real + n_doc * 500 < TARGET:
                doc = Document(
                    lineage=f"synthetic-{n_doc}",
                    number=f"合成〔2026〕{n_doc}号",
                    title=f"合成文件{n_doc}",
                    content_hash="0" * 64,
                    import_run=run,
                )
                db.session.add(doc)
                db.session.flush()
                rows = []
                for position in range(500):
                    text = rng.choice(texts) + f"（第{rng.randint(1, 9999)}项）"
                    rows.append(
                        {
                            "document_id": doc.id,
                            "key": f"{doc.number}/{position}",
                            "token": "",
                            "position": position,
                            "text": text,
                            "normalized": search_index.normalise(text),
                            "search_grams": search_index.grams(text),
                            "text_hash": "0" * 64,
                            "is_table": False,
                            "flags": [],
                        }
                    )
                db.session.execute(sa.insert(Clause), rows)
                batch.append(doc.id)
                n_doc += 1
            db.session.flush()
            ids = db.session.scalars(
                sa.select(Clause.id).where(Clause.document_id.in_(batch))
            ).all()
            search_index.index_clauses(db.session.connection(), list(ids))
            db.session.commit()
            if db.engine.dialect.name == "postgresql":
                db.session.execute(sa.text("ANALYZE"))
                db.session.commit()
            total = db.session.scalar(sa.select(sa.func.count()).select_from(Clause))
            print(f"grew to {total} clauses in {time.perf_counter() - start:.1f} s")

            for query in QUERIES:
                search.search_clauses(query, limit=100)  # warm
                times, hits = [], 0
                for _ in range(15):
                    t0 = time.perf_counter()
                    hits = len(search.search_clauses(query, limit=100))
                    times.append((time.perf_counter() - t0) * 1000)
                    db.session.rollback()
                print(
                    f"search {query!r:>14}: median {statistics.median(times):6.1f} ms, "
                    f"max {max(times):6.1f} ms, {hits} hits (first 100)"
                )
            db.session.remove()
            db.engine.dispose()


if __name__ == "__main__":
    main()
