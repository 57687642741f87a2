"""Run the whole suite on SQLite, then on PostgreSQL when one is configured or answers.

Used by ``make test``. PostgreSQL: ``TEST_DATABASE_URL`` if set, else the local server at
127.0.0.1:5432 if it answers. ``REQUIRE_POSTGRES=1`` (set by .ci/run) turns a missing server
into a failure. Browser tests run when a chromium is found; ``REQUIRE_BROWSER=1`` makes a
missing chromium a failure instead of a skip. Prints which suites ran and a total line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

LOCAL_POSTGRES = "postgresql://postgres@127.0.0.1:5432/clausecheck_test"


def postgres_url() -> tuple[str | None, str]:
    """The PostgreSQL URL to test on, or None with the reason."""
    url = os.environ.get("TEST_DATABASE_URL") or LOCAL_POSTGRES
    import sqlalchemy as sa

    from checklists.core.config import normalise_database_url

    target = sa.engine.make_url(normalise_database_url(url))
    probe = sa.create_engine(target.set(database="postgres"), connect_args={"connect_timeout": 3})
    try:
        with probe.connect():
            pass
    except Exception as exc:  # any failure to connect means "not available"
        return None, f"{target.render_as_string(hide_password=True)}: {str(exc).splitlines()[0]}"
    finally:
        probe.dispose()
    return url, ""


def run(label: str, env: dict[str, str]) -> tuple[int, dict[str, int]]:
    print(f"\n===== {label} =====", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "junit.xml")
        code = subprocess.call(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                f"--junitxml={report}",
            ],
            env=env,
        )
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        if os.path.exists(report):
            suite = ET.parse(report).getroot()
            suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
            for key in counts:
                counts[key] = int(suite.get(key, 0))
    return code, counts


def main() -> int:
    env = dict(os.environ)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        print(f"Browser tests: running with {chromium}")
    elif env.get("REQUIRE_BROWSER") == "1":
        print("Browser tests: REQUIRED but no chromium found (apt-get install chromium)")
        return 1
    else:
        print("Browser tests: SKIPPED, no chromium on PATH (apt-get install chromium)")

    results = []
    sqlite_env = {k: v for k, v in env.items() if k != "TEST_DATABASE_URL"}
    results.append(("SQLite", *run("SQLite", sqlite_env)))

    url, reason = postgres_url()
    if url:
        results.append(
            ("PostgreSQL", *run(f"PostgreSQL ({url})", {**env, "TEST_DATABASE_URL": url}))
        )
    elif env.get("REQUIRE_POSTGRES") == "1" or env.get("TEST_DATABASE_URL"):
        print(f"\nPostgreSQL: REQUIRED but unreachable: {reason}")
        results.append(("PostgreSQL", 1, {"tests": 0, "failures": 0, "errors": 1, "skipped": 0}))
    else:
        print(f"\nPostgreSQL: skipped, no server answered ({reason})")

    print("\n===== Summary =====")
    passed = failed = skipped = 0
    for label, code, c in results:
        bad = c["failures"] + c["errors"]
        ok = c["tests"] - bad - c["skipped"]
        passed, failed, skipped = (
            passed + ok,
            failed + bad + (1 if code and not bad else 0),
            skipped + c["skipped"],
        )
        print(f"{label}: {ok} passed, {bad} failed, {c['skipped']} skipped (exit {code})")
    print(f"total: {passed} passed, {failed} failed, {skipped} skipped")
    return 0 if failed == 0 and all(code == 0 for _, code, _ in results) else 1


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    sys.exit(main())
