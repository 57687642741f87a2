"""Run the whole suite on SQLite and on PostgreSQL, side by side (one per core).

Used by ``make test``. PostgreSQL: ``TEST_DATABASE_URL`` if set, else the local server at
127.0.0.1:5432 if it answers. ``REQUIRE_POSTGRES=1`` (set by .ci/run) turns a missing server
into a failure. The browser tests need Debian's chromium (``make test`` installs it): without
one the run fails instead of skipping them. The PostgreSQL suite keeps the stored files in an
S3 bucket (``TEST_BLOB_STORE=s3``: moto's S3 server, started by the suite), the SQLite suite
on local disk, so both blob stores run the whole suite. Prints progress every 30 seconds, then each
suite's report and a total line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
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


class Suite:
    """One pytest run in a subprocess, its output in a file, its counts from a JUnit report."""

    def __init__(self, label: str, env: dict[str, str], folder: str) -> None:
        self.label = label
        self.log = os.path.join(folder, f"{label}.log")
        self.report = os.path.join(folder, f"{label}.xml")
        with open(self.log, "w") as out:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "pytest",
                    "-q",
                    "-p",
                    "no:cacheprovider",
                    f"--junitxml={self.report}",
                    "--durations=8",
                ],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def done_so_far(self) -> int:
        """Tests finished: the progress characters pytest -q has written so far."""
        with open(self.log, errors="replace") as log:
            head = log.read().split("\n=", 1)[0]
        return sum(head.count(c) for c in ".FEsx")

    def counts(self) -> dict[str, int]:
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        if os.path.exists(self.report):
            suite = ET.parse(self.report).getroot()
            suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
            for key in counts:
                counts[key] = int(suite.get(key, 0))
        return counts

    def slowest_files(self, n: int = 8) -> list[tuple[float, str]]:
        """The ``n`` test modules (or classes) that took longest, in seconds (setup included)."""
        if not os.path.exists(self.report):
            return []
        seconds: dict[str, float] = {}
        for case in ET.parse(self.report).getroot().iter("testcase"):
            name = case.get("classname", "")  # the module (or module.Class)
            seconds[name] = seconds.get(name, 0.0) + float(case.get("time", 0))
        return sorted(((t, f) for f, t in seconds.items()), reverse=True)[:n]


def run_all(suites: dict[str, dict[str, str]]) -> list[tuple[str, int, dict[str, int]]]:
    """Run the suites at once; progress every 30 s; then each one's output."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        running = [Suite(label, env, folder) for label, env in suites.items()]
        next_report = 30
        while any(s.process.poll() is None for s in running):
            time.sleep(1)
            elapsed = int(time.monotonic() - started)
            if elapsed >= next_report:
                next_report += 30
                parts = ", ".join(
                    f"{s.label} {s.done_so_far()} tests"
                    + ("" if s.process.poll() is None else " (done)")
                    for s in running
                )
                print(f"[{elapsed // 60}:{elapsed % 60:02d}] {parts}", flush=True)
        results = []
        for suite in running:
            print(f"\n===== {suite.label} =====", flush=True)
            with open(suite.log, errors="replace") as log:
                print(log.read().rstrip(), flush=True)
            slowest = ", ".join(
                f"{f.removeprefix('tests.')} {t:.0f}s" for t, f in suite.slowest_files()
            )
            print(f"slowest files: {slowest}", flush=True)
            results.append((suite.label, suite.process.returncode, suite.counts()))
    return results


def main() -> int:
    env = dict(os.environ)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print(
            "Browser tests: no chromium on PATH; `make test` installs it (apt-get install chromium)"
        )
        return 1
    print(f"Browser tests: running with {chromium}")

    suites = {"SQLite": {k: v for k, v in env.items() if k != "TEST_DATABASE_URL"}}
    failed_early = []
    url, reason = postgres_url()
    if url:
        print(f"PostgreSQL: {url}")
        # tests that touch no database (pure modules, templates, layout) run once, in the
        # SQLite suite: running them again beside PostgreSQL would test nothing new
        suites["PostgreSQL"] = {
            **env,
            "TEST_DATABASE_URL": url,
            "TESTS_WITHOUT_DATABASE": "elsewhere",
            "TEST_SUITE": "postgresql",
            # stored files in a bucket of a real S3 server (tests/conftest.py: s3_server)
            "TEST_BLOB_STORE": "s3",
        }
        # a long test split between the suites (``one_suite``) runs its share in each
        suites["SQLite"]["TEST_SUITE"] = "sqlite"
    elif env.get("REQUIRE_POSTGRES") == "1" or env.get("TEST_DATABASE_URL"):
        print(f"PostgreSQL: REQUIRED but unreachable: {reason}")
        failed_early.append(
            ("PostgreSQL", 1, {"tests": 0, "failures": 0, "errors": 1, "skipped": 0})
        )
    else:
        print(f"PostgreSQL: skipped, no server answered ({reason})")
    results = run_all(suites) + failed_early

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
        note = (
            " (the tests that touch a database, browser tests aside)"
            if label == "PostgreSQL"
            else ""
        )
        print(f"{label}: {ok} passed, {bad} failed, {c['skipped']} skipped (exit {code}){note}")
    print(f"total: {passed} passed, {failed} failed, {skipped} skipped")
    return 0 if failed == 0 and all(code == 0 for _, code, _ in results) else 1


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    sys.exit(main())
