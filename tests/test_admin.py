"""Admin pages: users, organisations, sites and regions; own settings."""

from __future__ import annotations

import sqlalchemy as sa

from checklists.accounts.models import Organisation, OrgKind, Region, Role, User
from checklists.core.extensions import db
from tests.conftest import PASSWORD, csrf_token, login


def _post(client, path, data):
    return client.post(path, data={**data, "csrf_token": csrf_token(client, path)})


def test_admin_creates_an_enterprise_user(client, as_user, make_org):
    as_user(Role.ADMIN)
    org = make_org("华泰化工")
    response = _post(
        client,
        "/admin/users/new",
        {
            "username": "hua",
            "role": "enterprise",
            "organisation_id": org.id,
            "region_id": 0,
            "password": "long-enough-1",
            "active": "y",
        },
    )
    assert response.status_code == 302
    user = db.session.scalar(sa.select(User).where(User.username == "hua"))
    assert user.role == Role.ENTERPRISE and user.organisation_id == org.id
    assert user.check_password("long-enough-1")


def test_enterprise_user_without_organisation_is_refused(client, as_user):
    as_user(Role.ADMIN)
    response = _post(
        client,
        "/admin/users/new",
        {
            "username": "lonely",
            "role": "enterprise",
            "organisation_id": 0,
            "region_id": 0,
            "password": "long-enough-1",
        },
    )
    assert response.status_code == 200
    assert "企业用户必须关联一个单位" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(User).where(User.username == "lonely")) is None


def test_short_password_and_taken_username_are_refused(client, as_user, make_user):
    as_user(Role.ADMIN)
    make_user("taken")
    response = _post(
        client,
        "/admin/users/new",
        {
            "username": "taken",
            "role": "inspector",
            "organisation_id": 0,
            "region_id": 0,
            "password": "long-enough-1",
        },
    )
    assert "用户名“taken”已被使用" in response.get_data(as_text=True)
    response = _post(
        client,
        "/admin/users/new",
        {
            "username": "newbie",
            "role": "inspector",
            "organisation_id": 0,
            "region_id": 0,
            "password": "short",
        },
    )
    html = response.get_data(as_text=True)
    assert "密码：" in html and "8" in html  # the field is named with the reason


def test_admin_disables_a_user(client, as_user, make_user):
    as_user(Role.ADMIN)
    target = make_user("leaver", role=Role.INSPECTOR)
    response = _post(
        client,
        f"/admin/users/{target.id}",
        {"username": "leaver", "role": "inspector", "organisation_id": 0, "region_id": 0},
    )
    assert response.status_code == 302
    db.session.refresh(target)
    assert target.active is False


def test_admin_cannot_disable_themself(client, as_user):
    me = as_user(Role.ADMIN)
    response = _post(
        client,
        f"/admin/users/{me.id}",
        {"username": me.username, "role": "admin", "organisation_id": 0, "region_id": 0},
    )
    assert "不能停用自己" in response.get_data(as_text=True)
    db.session.refresh(me)
    assert me.active


def test_admin_creates_an_organisation_with_lower_case_credit_code(client, as_user, make_region):
    as_user(Role.ADMIN)
    county = make_region("冠县")
    response = _post(
        client,
        "/admin/organisations/new",
        {
            "name": "鑫源配送中心",
            "kind": "enterprise",
            "credit_code": "91350100m000100y43",
            "region_id": county.id,
            "address": "建设路1号",
            "contact_person": "王",
            "contact_phone": "0635-1234567",
            "active": "y",
        },
    )
    assert response.status_code == 302
    org = db.session.scalar(sa.select(Organisation).where(Organisation.name == "鑫源配送中心"))
    assert org.credit_code == "91350100M000100Y43"
    assert org.region_id == county.id


def test_wrong_credit_code_is_refused_with_field_and_reason(client, as_user):
    as_user(Role.ADMIN)
    response = _post(
        client,
        "/admin/organisations/new",
        {
            "name": "坏代码公司",
            "kind": "enterprise",
            "credit_code": "91350100M000100Y44",
            "region_id": 0,
        },
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "统一社会信用代码：校验码（第18位）不正确" in html
    assert (
        db.session.scalar(sa.select(Organisation).where(Organisation.name == "坏代码公司")) is None
    )


def test_duplicate_credit_code_is_refused(client, as_user, make_org):
    as_user(Role.ADMIN)
    make_org("甲", credit_code="91350100M000100Y43")
    response = _post(
        client,
        "/admin/organisations/new",
        {"name": "乙", "kind": "enterprise", "credit_code": "91350100M000100Y43", "region_id": 0},
    )
    assert "已被其他单位使用" in response.get_data(as_text=True)


def test_admin_edits_and_disables_an_organisation(client, as_user, make_org):
    as_user(Role.ADMIN)
    org = make_org("旧名")
    response = _post(
        client,
        f"/admin/organisations/{org.id}/edit",
        {"name": "新名", "kind": "government", "credit_code": "", "region_id": 0},
    )
    assert response.status_code == 302
    db.session.refresh(org)
    assert (org.name, org.kind, org.active) == ("新名", OrgKind.GOVERNMENT, False)


def test_admin_adds_a_site_and_regions(client, as_user, make_org):
    as_user(Role.ADMIN)
    org = make_org("有场所的公司")
    response = client.post(
        f"/admin/organisations/{org.id}/sites",
        data={"name": "一号车间", "address": "", "csrf_token": csrf_token(client, "/")},
    )
    assert response.status_code == 302
    assert [s.name for s in db.session.scalars(sa.select(Organisation)).one().sites] == ["一号车间"]
    assert _post(client, "/admin/regions", {"name": "临淄区", "parent_id": 0}).status_code == 302
    county = db.session.scalar(sa.select(Region).where(Region.name == "临淄区"))
    assert (
        _post(client, "/admin/regions", {"name": "辛店街道", "parent_id": county.id}).status_code
        == 302
    )
    again = _post(client, "/admin/regions", {"name": "辛店街道", "parent_id": county.id})
    assert "该区域已存在" in again.get_data(as_text=True)
    db.session.refresh(county)
    assert [c.name for c in county.children] == ["辛店街道"]


def test_enterprise_sees_only_its_own_organisation(client, as_user, make_org):
    other = make_org("别家公司")
    me = as_user(Role.ENTERPRISE)
    listing = client.get("/organisations").get_data(as_text=True)
    assert me.organisation.name in listing and "别家公司" not in listing
    assert client.get(f"/organisations/{me.organisation_id}").status_code == 200
    assert client.get(f"/organisations/{other.id}").status_code == 404


def test_supervisor_limited_to_a_region(client, as_user, make_org, make_region):
    guan = make_region("冠县")
    town = make_region("清泉街道", parent=guan)
    linzi = make_region("临淄区")
    inside = make_org("县内单位", region=town)
    outside = make_org("区外单位", region=linzi)
    as_user(Role.SUPERVISOR, region=guan)
    assert client.get(f"/organisations/{inside.id}").status_code == 200
    assert client.get(f"/organisations/{outside.id}").status_code == 404


def test_user_sets_language_in_settings(client, as_user):
    user = as_user()
    response = _post(client, "/account", {"display_name": "刘洋", "locale": "en"})
    assert response.status_code == 302
    page = client.get("/").get_data(as_text=True)
    assert "Hello, 刘洋" in page and 'lang="en"' in page
    db.session.refresh(user)
    assert user.locale == "en"


# --- issue 22: hardening ------------------------------------------------------------------


def _user_form(user, **changes):
    form = {
        "username": user.username,
        "display_name": user.display_name,
        "role": user.role.value,
        "organisation_id": user.organisation_id or 0,
        "region_id": user.region_id or 0,
        "active": "y",
        "password": "",
    }
    form.update(changes)
    return {name: value for name, value in form.items() if value is not None}


def test_admin_reset_and_deactivation_end_the_users_sessions(app, client, as_user, make_user):
    as_user(Role.ADMIN)
    target = make_user("field-worker", role=Role.INSPECTOR)
    theirs = app.test_client()
    login(theirs, target)
    token = theirs.post("/api/v1/tokens", json={"username": "field-worker", "password": PASSWORD})
    bearer = {"Authorization": f"Bearer {token.json['token']}"}
    path = f"/admin/users/{target.id}"

    # a change of display name only: the user stays logged in
    assert _post(client, path, _user_form(target, display_name="王工")).status_code == 302
    assert theirs.get("/api/v1/me").status_code == 200

    # a password reset: every session and API token of the user ends
    reset = "copper-lantern-58"
    assert _post(client, path, _user_form(target, password=reset)).status_code == 302
    assert theirs.get("/api/v1/me").status_code == 401
    assert app.test_client().get("/api/v1/me", headers=bearer).status_code == 401

    # deactivated, then active again: the session from before stays ended
    login(theirs, target)
    assert theirs.get("/api/v1/me").status_code == 200
    assert _post(client, path, _user_form(target, active=None)).status_code == 302
    assert theirs.get("/api/v1/me").status_code == 401
    assert _post(client, path, _user_form(target)).status_code == 302
    assert theirs.get("/api/v1/me").status_code == 401


def test_admin_cannot_set_a_weak_password(client, as_user, make_user):
    as_user(Role.ADMIN)
    for password, reason in (
        ("12345678", "太容易被猜到"),
        ("password", "太容易被猜到"),
        ("liuxiaohong", "不能与用户名相同"),
    ):
        new = {"username": "liuxiaohong", "role": "inspector", "password": password}
        response = _post(client, "/admin/users/new", {**new, "organisation_id": 0, "region_id": 0})
        assert response.status_code == 200
        assert f"密码：{reason}" in response.get_data(as_text=True), password
    assert db.session.scalar(sa.select(User).where(User.username == "liuxiaohong")) is None
    target = make_user("zhaoxiaoli")
    response = _post(client, f"/admin/users/{target.id}", _user_form(target, password="zhaoxiaoli"))
    assert response.status_code == 200
    assert "密码：不能与用户名相同" in response.get_data(as_text=True)
    db.session.refresh(target)
    assert target.check_password(PASSWORD)
