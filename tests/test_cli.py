"""CLI: users create, orgs create, demo load."""

from __future__ import annotations

import pathlib

import pytest
import sqlalchemy as sa

from checklists.accounts.models import Organisation, Region, Role, Site, User
from checklists.core.extensions import db
from checklists.demo.data import DEMO_PASSWORD, USERS
from checklists.standards.models import Clause, Document
from tests.conftest import load_demo_once


@pytest.fixture
def cli(app):
    return app.test_cli_runner()


def test_users_create_with_password(cli, app_ctx):
    result = cli.invoke(
        args=["users", "create", "zhang", "--role", "author", "--password", "secret-pass-27"]
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(sa.select(User).where(User.username == "zhang"))
    assert user.role == Role.AUTHOR and user.check_password("secret-pass-27")
    assert result.output.strip() == str(user.id)


def test_users_create_refuses_a_weak_password(cli, app_ctx):
    for password in ("12345678", "chenxiaolong"):
        result = cli.invoke(
            args=["users", "create", "chenxiaolong", "--role", "author", "--password", password]
        )
        assert result.exit_code == 1 and "password" in result.output, password
    assert db.session.scalar(sa.select(User).where(User.username == "chenxiaolong")) is None


def test_users_create_reads_password_from_stdin(cli, app_ctx):
    result = cli.invoke(
        args=["users", "create", "li", "--role", "inspector"], input="from-stdin-1\n"
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(sa.select(User).where(User.username == "li"))
    assert user.check_password("from-stdin-1")


def test_enterprise_user_needs_an_existing_org(cli, app_ctx, make_org):
    result = cli.invoke(
        args=["users", "create", "e1", "--role", "enterprise", "--password", "long-enough-1"]
    )
    assert result.exit_code == 1
    assert "企业用户必须关联一个单位" in result.output
    result = cli.invoke(
        args=[
            "users",
            "create",
            "e1",
            "--role",
            "enterprise",
            "--org",
            "没有这家",
            "--password",
            "long-enough-1",
        ]
    )
    assert result.exit_code == 1 and "没有名为“没有这家”的单位" in result.output
    make_org("真实公司")
    result = cli.invoke(
        args=[
            "users",
            "create",
            "e1",
            "--role",
            "enterprise",
            "--org",
            "真实公司",
            "--password",
            "long-enough-1",
        ]
    )
    assert result.exit_code == 0, result.output
    assert (
        db.session.scalar(sa.select(User).where(User.username == "e1")).organisation.name
        == "真实公司"
    )


def test_unknown_role_is_refused(cli):
    result = cli.invoke(args=["users", "create", "x", "--role", "boss", "--password", "longenough"])
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("code", "exit_code", "stored", "message"),
    [
        ("91350100M000100Y43", 0, "91350100M000100Y43", None),
        ("91350100m000100y43", 0, "91350100M000100Y43", None),
        ("91350100M000100Y44", 1, None, "校验码（第18位）不正确"),
        ("91350100M000100Y4", 1, None, "统一社会信用代码应为18位"),
    ],
)
def test_orgs_create_checks_credit_code(cli, app_ctx, code, exit_code, stored, message):
    result = cli.invoke(
        args=["orgs", "create", "测试公司", "--kind", "enterprise", "--credit-code", code]
    )
    assert result.exit_code == exit_code, result.output
    org = db.session.scalar(sa.select(Organisation).where(Organisation.name == "测试公司"))
    if stored:
        assert org.credit_code == stored
        assert result.output.strip() == str(org.id)
    else:
        assert org is None
        assert message in result.output and "credit_code" in result.output


def test_orgs_create_with_region(cli, app_ctx, make_region):
    county = make_region("冠县")
    make_region("清泉街道", parent=county)
    result = cli.invoke(
        args=["orgs", "create", "县局", "--kind", "government", "--region", "冠县 清泉街道"]
    )
    assert result.exit_code == 0, result.output
    org = db.session.scalar(sa.select(Organisation).where(Organisation.name == "县局"))
    assert org.region.full_name == "冠县 清泉街道"
    missing = cli.invoke(
        args=["orgs", "create", "别处", "--kind", "government", "--region", "火星"]
    )
    assert missing.exit_code == 1


def _counts():
    return tuple(
        db.session.scalar(sa.select(sa.func.count()).select_from(model))
        for model in (Region, Organisation, Site, User, Document, Clause)
    )


def test_demo_load_is_idempotent(cli, app_ctx):
    first = cli.invoke(args=["demo", "load"])
    assert first.exit_code == 0, first.output
    counts = _counts()
    assert counts[3] == len(USERS)
    assert counts[4] >= 30 and counts[5] >= 900  # the bundled gazettes
    second = cli.invoke(args=["demo", "load"])
    assert second.exit_code == 0
    assert "演示数据已是最新" in second.output
    db.session.expire_all()
    assert _counts() == counts


def test_demo_accounts_log_in_and_readme_lists_them(app, app_ctx):
    load_demo_once()  # what `flask demo load` loads (test_demo_load_is_idempotent runs it)
    readme = (pathlib.Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert DEMO_PASSWORD in readme
    for username, role, *_ in USERS:
        assert f"`{username}`" in readme, username
        client = app.test_client()
        response = client.post(
            "/api/v1/tokens", json={"username": username, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 201, username
        me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {response.json['token']}"})
        assert me.json["role"] == role.value
