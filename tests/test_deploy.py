"""The deployment recipe (``deploy/``) checked as far as this machine can: no Docker engine runs
here, so the image is never built nor compose started; what they name is checked instead.

- the lock pins exactly what requirements.txt pins, every package with its hashes;
- nginx (Debian's, which ``make test`` installs; missing, these fail) accepts the site with
  either upstream file, then serves it on loopback in front of a stub app: the redirect to
  HTTPS, HSTS, the forwarded headers and request id, static files and their caching, gzip,
  X-Accel-Redirect into the internal location (which outside requests cannot reach), the
  upload limit and /metrics refused;
- the systemd units pass ``systemd-analyze verify`` and run real ``flask`` commands;
- gunicorn loads its config file and the app (``--check-config``);
- compose.yaml parses and names only files, services and volumes that exist, the Dockerfile
  copies only files that exist and the build context lets through, and every setting the
  app reads is documented in env.example.
"""

from __future__ import annotations

import configparser
import gzip
import http.client
import http.server
import os
import re
import shlex
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
SYSTEMD_ANALYZE = shutil.which("systemd-analyze")
UNITS = DEPLOY / "systemd"

sys.path.insert(0, str(DEPLOY))
import lock  # noqa: E402  (deploy/lock.py: the names as the index spells them)

sys.path.remove(str(DEPLOY))


# --- the lock ------------------------------------------------------------------------------


def _requirements() -> dict[str, str]:
    """requirements.txt's pins: canonical name -> version."""
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9._-]+)(\[[^\]]*\])?==([^\s;]+)", line)
        assert match, f"requirements.txt: not a pin: {line!r}"
        pins[lock.canonical(match[1])] = match[3]
    return pins


def _lock() -> dict[str, tuple[str, list[str]]]:
    """The lock's entries: canonical name -> (version, hashes)."""
    text = (DEPLOY / "requirements.lock").read_text()
    entries: dict[str, tuple[str, list[str]]] = {}
    for block in re.split(r"\n(?=\S)", text):
        lines = [ln for ln in block.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
        if not lines:
            continue
        match = re.fullmatch(r"([a-z0-9-]+)==(\S+) \\", lines[0])
        assert match, f"requirements.lock: not a hashed pin: {lines[0]!r}"
        hashes = [re.fullmatch(r"\s+--hash=sha256:([0-9a-f]{64})( \\)?", ln) for ln in lines[1:]]
        assert hashes and all(hashes), f"requirements.lock: {match[1]}: a line without its hash"
        assert not hashes[-1][2], f"requirements.lock: {match[1]}: ends in a backslash"
        entries[match[1]] = (match[2], [h[1] for h in hashes])
    return entries


def test_the_lock_pins_what_requirements_pins_with_hashes():
    pins, locked = _requirements(), _lock()
    missing = sorted(set(pins) - set(locked))
    assert not missing, f"not in deploy/requirements.lock: {missing}: run `make lock`"
    different = {n: (v, locked[n][0]) for n, v in pins.items() if locked[n][0] != v}
    assert not different, f"requirements.txt vs the lock: {different}: run `make lock`"
    assert all(hashes for _, hashes in locked.values())
    # the dependencies are locked too (the image installs with --no-deps)
    assert len(locked) > len(pins)
    assert {"jinja2", "markupsafe", "itsdangerous", "click"} <= set(locked)


def test_the_lock_is_made_for_the_images_python():
    image = re.search(r"^FROM python:(\d+)\.(\d+)", (DEPLOY / "Dockerfile").read_text(), re.M)
    assert image and (int(image[1]), int(image[2])) == lock.PYTHON


def test_lock_reads_versions_from_file_names():
    assert lock.version_of("flask_sqlalchemy-3.1.1-py3-none-any.whl", "flask-sqlalchemy") == "3.1.1"
    assert lock.version_of("Flask-SQLAlchemy-3.1.1.tar.gz", "flask-sqlalchemy") == "3.1.1"
    assert lock.version_of("python-docx-1.2.0.tar.gz", "python-docx") == "1.2.0"
    assert lock.version_of("psycopg_binary-3.3.9-cp311-cp311-manylinux_2_28_x86_64.whl", "x") == (
        "3.3.9"
    )
    assert lock.version_of("flask-3.1.3.tar.gz.asc", "flask") is None
    assert lock.same_version("1.0", "1.0.0") and not lock.same_version("1.0", "1.0.1")


# --- nginx -----------------------------------------------------------------------------------


def _need_nginx() -> str:
    if not NGINX:
        pytest.fail("no nginx: `make test` installs Debian's (apt-get install nginx)")
    return NGINX


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _certificate(folder: Path) -> None:
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
        + ["-subj", "/CN=localhost", "-keyout", str(folder / "privkey.pem")]
        + ["-out", str(folder / "fullchain.pem")],
        check=True,
        capture_output=True,
    )


def _nginx_prefix(folder: Path, upstream: str, ports: tuple[int, int], app_port: int) -> Path:
    """A prefix for nginx with the site and ``upstream``, the paths that belong to a server
    (certificate, logs, static/, the uploads) moved into ``folder``, listening on ``ports``."""
    uploads = folder / "uploads"
    (uploads / "photos" / "ab").mkdir(parents=True, exist_ok=True)
    (folder / "acme").mkdir(exist_ok=True)
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / name).mkdir(exist_ok=True)
    if not (folder / "fullchain.pem").exists():
        _certificate(folder)
    site = (DEPLOY / "nginx" / "clausecheck.conf").read_text()
    for old, new in {
        "/etc/clausecheck/tls/": f"{folder}/",
        "/var/log/nginx/": f"{folder}/",
        "/opt/clausecheck/static/": f"{ROOT}/static/",
        "/var/lib/clausecheck/uploads/": f"{uploads}/",
        "/var/www/acme": f"{folder}/acme",
        "listen 80;": f"listen 127.0.0.1:{ports[0]};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{ports[1]} ssl http2;",
    }.items():
        assert old in site, f"clausecheck.conf no longer says {old!r}: update this test"
        site = site.replace(old, new)
    site = re.sub(r"\n\s*listen \[::\]:\d+[^;]*;", "", site)  # loopback IPv4 only
    (folder / "site.conf").write_text(site)
    text = (DEPLOY / "nginx" / upstream).read_text()
    (folder / "upstream.conf").write_text(text.replace("127.0.0.1:8000", f"127.0.0.1:{app_port}"))
    user = "user root;\n" if os.geteuid() == 0 else ""  # the workers read the temporary files
    (folder / "nginx.conf").write_text(
        f"{user}pid {folder}/nginx.pid;\nerror_log {folder}/error.log;\nworker_processes 1;\n"
        "events { worker_connections 64; }\n"
        "http {\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
        f"  client_body_temp_path {folder}/body;\n  proxy_temp_path {folder}/proxy;\n"
        f"  fastcgi_temp_path {folder}/fastcgi;\n  uwsgi_temp_path {folder}/uwsgi;\n"
        f"  scgi_temp_path {folder}/scgi;\n  access_log off;\n"
        "  include site.conf;\n  include upstream.conf;\n}\n"
    )
    return folder / "nginx.conf"


def _nginx(conf: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [_need_nginx(), "-p", str(conf.parent), "-c", str(conf), "-e", "stderr", *args],
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("upstream", ["upstream.conf", "upstream-compose.conf"])
def test_nginx_accepts_the_site(tmp_path, upstream):
    conf = _nginx_prefix(tmp_path, upstream, (_free_port(), _free_port()), 8000)
    result = _nginx(conf, "-t")
    assert result.returncode == 0, result.stderr
    assert "[warn]" not in result.stderr, result.stderr


class _StubApp(http.server.BaseHTTPRequestHandler):
    """What the app answers, as far as nginx is concerned: its request headers echoed, and a
    photo answered with X-Accel-Redirect."""

    protocol_version = "HTTP/1.1"
    seen: list[dict[str, str]] = []

    def do_GET(self) -> None:  # noqa: N802 (BaseHTTPRequestHandler's name)
        _StubApp.seen.append(dict(self.headers.items()))
        if self.path.startswith("/photo"):
            self.send_response(200)
            self.send_header("X-Accel-Redirect", "/_blobs/photos/ab/abcdef.show")
            self.send_header("Content-Type", "image/jpeg")
            self.send_header("Cache-Control", "private, max-age=3600")
            self.send_header("ETag", '"abcdef.show"')
            self.send_header("Content-Security-Policy", "default-src 'none'")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b"<html>" + b"app " * 400 + b"</html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Strict-Transport-Security", "max-age=1")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[dict]:
    """nginx with the site (hosts' upstream) on loopback, in front of ``_StubApp``."""
    folder = tmp_path_factory.mktemp("nginx")
    folder.chmod(0o755)
    app = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _StubApp)
    threading.Thread(target=app.serve_forever, daemon=True).start()
    ports = (_free_port(), _free_port())
    conf = _nginx_prefix(folder, "upstream.conf", ports, app.server_address[1])
    (folder / "uploads" / "photos" / "ab" / "abcdef.show").write_bytes(b"\xff\xd8 a photo")
    log = folder / "nginx.stderr"
    with open(log, "w") as stderr:
        server = subprocess.Popen(
            [_need_nginx(), "-p", str(folder), "-c", str(conf), "-e", "stderr"]
            + ["-g", "daemon off;"],
            stderr=stderr,
        )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", ports[1]), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"nginx did not start: {log.read_text()}")
                time.sleep(0.05)
        yield {"http": ports[0], "https": ports[1]}
    finally:
        server.terminate()
        server.wait(timeout=10)
        app.shutdown()
        app.server_close()


def _get(site: dict, path: str, headers: dict | None = None, method: str = "GET", tls=True):
    if tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        conn = http.client.HTTPSConnection("127.0.0.1", site["https"], context=context, timeout=10)
    else:
        conn = http.client.HTTPConnection("127.0.0.1", site["http"], timeout=10)
    conn.request(method, path, headers={"Host": "cc.example.gov.cn", **(headers or {})})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


def test_plain_http_is_redirected_to_https(site):
    response, _ = _get(site, "/inspections?x=1", tls=False)
    assert response.status == 301
    assert response.getheader("Location") == "https://cc.example.gov.cn/inspections?x=1"


def test_the_app_is_told_the_client_scheme_and_request_id(site):
    _StubApp.seen.clear()
    response, body = _get(site, "/login", {"X-Forwarded-For": "6.6.6.6"})
    assert response.status == 200 and body.startswith(b"<html>")
    seen = _StubApp.seen[-1]
    # the client's own X-Forwarded-For kept first, the address nginx saw last (PROXY_COUNT=1)
    assert seen["X-Forwarded-For"] == "6.6.6.6, 127.0.0.1"
    assert seen["X-Forwarded-Proto"] == "https"
    assert seen["X-Forwarded-Host"] == "cc.example.gov.cn"
    assert re.fullmatch(r"[0-9a-f]{32}", seen["X-Request-ID"])
    assert (
        response.getheaders().count(
            ("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        )
        == 1
    )
    assert len(response.msg.get_all("Strict-Transport-Security")) == 1


def test_text_is_compressed(site):
    response, body = _get(site, "/login", {"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(body).startswith(b"<html>")


def test_static_files_are_served_by_nginx_and_cached_by_version(site):
    css = next(p for p in sorted((ROOT / "static").rglob("*.css")))
    path = "/static/" + css.relative_to(ROOT / "static").as_posix()
    response, body = _get(site, path + "?v=0123456789ab")
    assert response.status == 200 and body == css.read_bytes()
    assert response.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("Strict-Transport-Security")
    response, _ = _get(site, path)
    assert response.getheader("Cache-Control") == "no-cache"
    # nothing outside static/ is sent as a file (the path is normalised: the app's)
    for outside in ("/static/../wsgi.py", "/static/..%2fwsgi.py", "/static/%2e%2e/wsgi.py"):
        _, body = _get(site, outside)
        assert b"create_app" not in body


def test_a_photo_is_sent_by_nginx_after_the_app_said_so(site):
    response, body = _get(site, "/photo/1")
    assert response.status == 200 and body == b"\xff\xd8 a photo"
    assert response.getheader("Content-Type") == "image/jpeg"
    assert response.getheader("Cache-Control") == "private, max-age=3600"
    assert response.getheader("ETag") == '"abcdef.show"'
    assert response.getheader("Content-Security-Policy") == "default-src 'none'"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    response, body = _get(site, "/photo/1", {"Range": "bytes=0-1"})
    assert response.status == 206 and body == b"\xff\xd8"


def test_the_internal_locations_and_metrics_are_closed_from_outside(site):
    response, _ = _get(site, "/_blobs/photos/ab/abcdef.show")
    assert response.status == 404
    response, _ = _get(site, "/metrics")
    assert response.status == 403


def test_a_body_over_the_app_limit_is_refused_by_nginx(site):
    _StubApp.seen.clear()
    response, _ = _get(site, "/api/v1/photos", {"Content-Length": str(33 * 1024 * 1024)}, "POST")
    assert response.status == 413 and not _StubApp.seen


# --- systemd -------------------------------------------------------------------------------


def _unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # systemd's keys are case-sensitive
    parser.read_string((UNITS / name).read_text())
    return parser


UNIT_NAMES = sorted(p.name for p in UNITS.iterdir()) if UNITS.is_dir() else []


def test_the_units_are_the_ones_the_readme_names():
    assert UNIT_NAMES == [
        "clausecheck-migrate.service",
        "clausecheck-periodic.service",
        "clausecheck-periodic.timer",
        "clausecheck-web.service",
        "clausecheck-worker@.service",
    ]


@pytest.mark.parametrize("name", [n for n in UNIT_NAMES if n.endswith(".service")])
def test_each_service_is_hardened_and_reads_the_settings_file(name):
    service = _unit(name)["Service"]
    assert service["User"] == "clausecheck" and service["WorkingDirectory"] == "/opt/clausecheck"
    assert service["EnvironmentFile"] == "/etc/clausecheck/env"
    assert service["NoNewPrivileges"] == "yes" and service["PrivateTmp"] == "yes"
    assert service["ProtectSystem"] == "strict"
    assert "/var/lib/clausecheck" in service["ReadWritePaths"].split()
    # the uploads' folder of env.example is under the one folder the units may write
    settings = _env_example()
    assert settings["UPLOAD_FOLDER"].startswith("/var/lib/clausecheck/")


def test_the_timer_starts_the_periodic_jobs_every_five_minutes():
    timer = _unit("clausecheck-periodic.timer")
    assert "Unit" not in timer["Timer"]  # the service of the same name
    assert timer["Timer"]["OnCalendar"] == "*:0/5"
    assert timer["Install"]["WantedBy"] == "timers.target"
    assert _unit("clausecheck-periodic.service")["Service"]["Type"] == "oneshot"


def test_systemd_analyze_verifies_the_units(tmp_path):
    """With the paths that belong to a host (/opt/clausecheck and its .venv) moved to this
    tree and its virtualenv, so that systemd can check the commands are there."""
    if not SYSTEMD_ANALYZE:
        pytest.fail("no systemd-analyze: `make test` installs it (apt-get install systemd)")
    venv_bin = str(Path(sys.executable).parent)
    for name in UNIT_NAMES:
        text = (UNITS / name).read_text()
        text = text.replace("/opt/clausecheck/.venv/bin", venv_bin).replace(
            "/opt/clausecheck", str(ROOT)
        )
        (tmp_path / name).write_text(text)
    result = subprocess.run(
        [SYSTEMD_ANALYZE, "verify", *(str(tmp_path / n) for n in UNIT_NAMES)],
        capture_output=True,
        text=True,
        env={**os.environ, "SYSTEMD_LOG_LEVEL": "warning"},
    )
    # unknown keys and the like are only warnings (exit 0): any line about our units fails
    ours = [ln for ln in (result.stdout + result.stderr).splitlines() if "clausecheck" in ln]
    assert result.returncode == 0 and not ours, result.stdout + result.stderr


# --- the commands the recipe runs ----------------------------------------------------------


def _unit_commands() -> list[list[str]]:
    commands = []
    for name in UNIT_NAMES:
        for section in _unit(name).values():
            if "ExecStart" in section:
                commands.append(shlex.split(section["ExecStart"]))
    return commands


def _compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def _compose_commands() -> list[list[str]]:
    return [
        service["command"]
        for name, service in _compose()["services"].items()
        if isinstance(service.get("command"), list) and service["command"][0] == "flask"
    ]


def _dockerfile() -> str:
    return (DEPLOY / "Dockerfile").read_text()


def test_every_flask_command_run_is_a_command_of_the_app():
    from wsgi import create_app

    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "deploy-test",
            "SQLALCHEMY_DATABASE_URI": "sqlite://",
            "JOB_WORKERS_IN_PROCESS": 0,
        }
    )
    runner = app.test_cli_runner()
    flask_commands = [
        c[1:] for c in _unit_commands() + _compose_commands() if Path(c[0]).name == "flask"
    ]
    assert {"jobs worker", "jobs periodic", "jobs scheduler", "db upgrade"} <= {
        " ".join(c) for c in flask_commands
    }
    for command in flask_commands:
        result = runner.invoke(args=[*command, "--help"])
        assert result.exit_code == 0, f"flask {' '.join(command)}: {result.output}"


def test_gunicorn_runs_the_app_with_the_config_file():
    gunicorns = [c for c in _unit_commands() if Path(c[0]).name == "gunicorn"]
    cmd = re.search(r"^CMD (\[.*\])$", _dockerfile(), re.M)
    assert cmd
    gunicorns.append(yaml.safe_load(cmd[1]))
    for command in gunicorns:
        assert command[1:] == ["-c", "deploy/gunicorn.conf.py", "wsgi:create_app()"], command


def test_the_gunicorn_config_file_sets_only_gunicorn_settings(monkeypatch):
    from gunicorn.config import Config

    for name in list(os.environ):
        if name.startswith("GUNICORN_") or name == "FORWARDED_ALLOW_IPS":
            monkeypatch.delenv(name)
    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    namespace: dict = {"__file__": str(DEPLOY / "gunicorn.conf.py")}
    exec(compile((DEPLOY / "gunicorn.conf.py").read_text(), "gunicorn.conf.py", "exec"), namespace)
    config = Config()
    settings = {
        k: v
        for k, v in namespace.items()
        if not k.startswith("_")
        and not isinstance(v, type(os))
        and k != "annotations"
        and not (callable(v) and k not in config.settings)
    }
    unknown = sorted(set(settings) - set(config.settings))
    assert not unknown, f"not gunicorn settings (typos?): {unknown}"
    for key, value in settings.items():
        config.set(key, value)  # gunicorn's own validation
    assert config.workers == 3 and config.worker_class_str == "gthread"
    assert config.timeout == 30 and config.accesslog is None
    assert config.max_requests and config.max_requests_jitter
    assert config.forwarded_allow_ips == ["127.0.0.1", "::1"]
    assert config.bind == ["127.0.0.1:8000"]
    assert callable(namespace["child_exit"]) and callable(namespace["when_ready"])
    monkeypatch.delenv("GUNICORN_WORKERS")
    exec(compile((DEPLOY / "gunicorn.conf.py").read_text(), "gunicorn.conf.py", "exec"), namespace)
    assert namespace["workers"] == 2 * namespace["_cpus"]() + 1


# --- compose, the image, the settings -------------------------------------------------------


def _gitignored_here() -> set[str]:
    lines = (DEPLOY / ".gitignore").read_text().splitlines()
    return {ln.strip("/") for ln in lines if ln and not ln.startswith("#")}


def test_compose_names_only_what_exists():
    compose = _compose()
    services = compose["services"]
    assert {"nginx", "app", "worker", "scheduler", "migrate", "postgres", "redis", "minio"} <= set(
        services
    )
    volumes = set(compose["volumes"])
    provided = _gitignored_here()  # what the operator puts in deploy/ (.env, tls/ ...)
    for name, service in services.items():
        build = service.get("build")
        if build:
            context = (DEPLOY / build["context"]).resolve()
            assert context == ROOT and (context / build["dockerfile"]).is_file(), name
        env_file = service.get("env_file")
        if env_file:
            assert env_file in provided, f"{name}: env_file {env_file} is not in deploy/.gitignore"
        for mount in service.get("volumes", []):
            source = mount.split(":")[0]
            if source.startswith("."):
                path = (DEPLOY / source).resolve()
                relative = os.path.relpath(path, DEPLOY)
                assert path.exists() or relative in provided, f"{name}: {source} does not exist"
            else:
                assert source in volumes, f"{name}: volume {source} is not declared"
        for other in service.get("depends_on", []):
            assert other in services, f"{name} depends on {other}, which is not a service"
    assert _compose_file_mounts_match_the_site(services["nginx"])


def _compose_file_mounts_match_the_site(nginx: dict) -> bool:
    """nginx in compose finds the paths the site names: certificates, static/, the uploads."""
    site = (DEPLOY / "nginx" / "clausecheck.conf").read_text()
    targets = {m.split(":")[1] for m in nginx["volumes"]}
    paths = ("/etc/clausecheck/tls", "/opt/clausecheck/static", "/var/lib/clausecheck/uploads")
    for needed in paths:
        assert needed in site and needed in targets, needed
    return True


def test_compose_values_are_documented():
    text = (DEPLOY / "compose.yaml").read_text()
    used = set(re.findall(r"(?<!\$)\$\{([A-Z0-9_]+)", text))
    example = (DEPLOY / "compose.env.example").read_text()
    documented = set(re.findall(r"^([A-Z0-9_]+)=", example, re.M))
    assert used <= documented, f"not in compose.env.example: {sorted(used - documented)}"


def _env_example() -> dict[str, str]:
    text = (DEPLOY / "env.example").read_text()
    return {m[1]: m[2] for m in re.finditer(r"^#?([A-Z][A-Z0-9_]+)=(.*)$", text, re.M)}


def test_every_setting_the_app_reads_is_in_env_example():
    from checklists.core.config import ENV_VARS

    documented = _env_example()
    missing = sorted(set(ENV_VARS) - set(documented))
    assert not missing, f"settings the app reads, not in deploy/env.example: {missing}"
    gunicorn = set(
        re.findall(
            r"\"(GUNICORN_[A-Z_]+|FORWARDED_ALLOW_IPS)\"", (DEPLOY / "gunicorn.conf.py").read_text()
        )
    )
    assert gunicorn <= set(documented), sorted(gunicorn - set(documented))
    # and nothing in it that nothing reads
    assert set(documented) <= set(ENV_VARS) | gunicorn, sorted(
        set(documented) - set(ENV_VARS) - gunicorn
    )
    assert documented["SECRET_KEY"] == ""  # empty: the app refuses to start until it is set
    assert int(documented["MAX_CONTENT_LENGTH"]) == 32 * 1024 * 1024
    assert "client_max_body_size 32m;" in (DEPLOY / "nginx" / "clausecheck.conf").read_text()


def test_the_dockerfile_copies_what_exists_and_the_context_lets_through():
    copies = re.findall(r"^COPY (?!--from)(.+)$", _dockerfile(), re.M)
    assert copies
    allowed = [
        ln[1:]
        for ln in (DEPLOY / "Dockerfile.dockerignore").read_text().splitlines()
        if ln.startswith("!")
    ]
    for line in copies:
        *sources, _target = line.split()
        for source in sources:
            assert (ROOT / source).exists(), f"COPY {source}: no such file"
            assert source.rstrip("/") in allowed, f"COPY {source}: excluded by the dockerignore"
    # the image has what `make system-packages-pdf` installs on a host
    makefile = (ROOT / "Makefile").read_text()
    for package in ("libpango-1.0-0", "libpangoft2-1.0-0", "fonts-noto-cjk"):
        assert package in makefile and package in _dockerfile(), package
    assert "--require-hashes --no-deps" in _dockerfile() and "pybabel compile" in _dockerfile()
    assert re.search(r"^USER (?!root)\w+", _dockerfile(), re.M)
    assert re.search(r"^HEALTHCHECK .*\n?.*/healthz", _dockerfile(), re.M)
