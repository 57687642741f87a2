"""The app factory and configuration."""

from __future__ import annotations

import os

import pytest
import sqlalchemy as sa

from checklists.core.config import DEFAULT_SECRET_KEY, from_environment, normalise_database_url
from checklists.core.extensions import db
from wsgi import create_app


def test_test_config_is_used(app):
    assert app.testing
    assert app.config["SECRET_KEY"] == "test-secret"


def test_defaults_are_safe(app):
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert app.config["WTF_CSRF_TIME_LIMIT"] is None  # valid for the whole session
    assert app.config["BABEL_DEFAULT_LOCALE"] == "zh"


def test_sqlite_in_instance_folder_by_default():
    app = create_app({"TESTING": True, "SECRET_KEY": "x"})
    expected = "sqlite:///" + os.path.join(app.instance_path, "clausecheck.sqlite")
    assert app.config["SQLALCHEMY_DATABASE_URI"] == expected


def test_refuses_default_secret_outside_debug_and_tests():
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app({"TESTING": False, "SECRET_KEY": DEFAULT_SECRET_KEY})


def test_default_secret_allowed_in_tests():
    assert create_app({"TESTING": True}).config["SECRET_KEY"] == DEFAULT_SECRET_KEY


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, {}),
        ({"SECRET_KEY": "s3"}, {"SECRET_KEY": "s3"}),
        ({"DATABASE_URL": "postgresql://u@h/d"}, {"SQLALCHEMY_DATABASE_URI": "postgresql://u@h/d"}),
        (
            {"RATELIMIT_STORAGE_URI": "redis://localhost:6379/0"},
            {"RATELIMIT_STORAGE_URI": "redis://localhost:6379/0"},
        ),
        (
            {"SESSION_COOKIE_SECURE": "0"},
            {"SESSION_COOKIE_SECURE": False, "REMEMBER_COOKIE_SECURE": False},
        ),
        (
            {"MAX_CONTENT_LENGTH": "1024", "PROXY_COUNT": "1"},
            {"MAX_CONTENT_LENGTH": 1024, "PROXY_COUNT": 1},
        ),
        ({"SECRET_KEY": ""}, {}),
    ],
)
def test_environment_overrides(environ, expected):
    assert from_environment(environ) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql://u@h:5432/d", "postgresql+psycopg://u@h:5432/d"),
        ("postgres://u@h/d", "postgresql+psycopg://u@h/d"),
        ("postgresql+psycopg://u@h/d", "postgresql+psycopg://u@h/d"),
        ("sqlite:///x.db", "sqlite:///x.db"),
    ],
)
def test_database_url_normalised(url, expected):
    assert normalise_database_url(url) == expected


def test_database_engine_settings(app, database_url):
    """SQLite: WAL and foreign keys; PostgreSQL: the psycopg 3 driver."""
    with app.app_context():
        if database_url.startswith("sqlite"):
            with db.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        else:
            assert db.engine.dialect.name == "postgresql"
            assert db.engine.dialect.driver == "psycopg"


def test_foreign_keys_enforced(app):
    with app.app_context():
        with pytest.raises(sa.exc.IntegrityError):
            with db.engine.begin() as conn:
                conn.execute(
                    sa.text(
                        "INSERT INTO sites (organisation_id, name, address) VALUES (9999, 'x', '')"
                    )
                )


def test_readyz_checks_database(client):
    """The database check moved from /healthz (the process answers) to /readyz (issue 23;
    the other parts: tests/test_observability.py)."""
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json["checks"]["database"] == "ok"


def test_readyz_reports_unreachable_database(app_factory):
    app = app_factory(SQLALCHEMY_DATABASE_URI="sqlite:////nonexistent-dir/x/y.sqlite")
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.json["checks"]["database"].startswith("unreachable")
    assert app.test_client().get("/healthz").status_code == 200


def test_security_headers(client):
    response = client.get("/login")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
