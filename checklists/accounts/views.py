"""Login, logout, own settings and password, and the admin pages for users and organisations."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, login_user, logout_user
from flask_login.config import COOKIE_NAME

from checklists.accounts import services, throttle
from checklists.accounts.forms import (
    ROLE_LABELS,
    ChangePasswordForm,
    LoginForm,
    OrganisationForm,
    RegionForm,
    SecurityLogFilterForm,
    SettingsForm,
    SiteForm,
    UserForm,
    choices,
)
from checklists.accounts.models import Organisation, Region, Role, Site, User
from checklists.accounts.permissions import role_required, visible_organisations
from checklists.core import security, tabular
from checklists.core.api import ApiError, error_response, wants_api
from checklists.core.errors import InputError
from checklists.core.extensions import client_address, db
from checklists.core.schemas import query_id

bp = Blueprint("accounts", __name__)


def _safe_next(target: str | None) -> str | None:
    """Only follow a ``next`` that stays on this site."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


#: Endpoints a user asked for a new password may still reach (the health checks and metrics
#: too: they serve machines, and load no user).
DURING_RESET = {
    "accounts.change_password",
    "accounts.logout",
    "static",
    "main.set_language",
    "main.healthz",
    "main.readyz",
    "metrics.metrics",
}


@bp.before_app_request
def held_for_a_new_password():
    """After an admin's forced reset: only the password page until a new one is set."""
    if request.endpoint in DURING_RESET or not current_user.is_authenticated:
        return None
    if not current_user.must_change_password:
        return None
    message = _("An administrator asks you to set a new password.")
    if wants_api():
        return error_response(ApiError(403, "password_change_required", message))
    return redirect(url_for("accounts.change_password"))


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = services.log_in(form.username.data, form.password.data, client_address())
        except throttle.Locked as locked:
            db.session.commit()  # the security log's event
            page = render_template("auth/login.html", form=LoginForm(), locked=locked.message)
            return page, 429, {"Retry-After": str(locked.seconds)}
        db.session.commit()  # the security log's event
        if user is None:
            form.password.errors.append(_("Wrong username or password."))
        elif not user.active:
            form.username.errors.append(_("This account is disabled; ask an administrator."))
        else:
            session.clear()
            # "Stay logged in": the session itself outlives a browser restart, so that answers
            # queued offline are sent with the same CSRF token (PERMANENT_SESSION_LIFETIME).
            session.permanent = bool(form.remember.data)
            login_user(user, remember=form.remember.data)
            if user.must_change_password:
                flash(_("An administrator asks you to set a new password."), "warning")
                return redirect(url_for("accounts.change_password"))
            return redirect(_safe_next(request.args.get("next")) or url_for("main.home"))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
def logout():
    if current_user.is_authenticated:
        # a copy of this session's cookie (or of a remember-me cookie) must not outlive it
        services.end_sessions(current_user)
        security.record("logout")
        db.session.commit()
    logout_user()
    session.clear()
    flash(_("You are logged out."), "info")
    return redirect(url_for("accounts.login"))


@bp.route("/account", methods=["GET", "POST"])
@login_required
def settings():
    form = SettingsForm(obj=current_user)
    if request.method == "GET":
        form.locale.data = current_user.locale or ""
    if form.validate_on_submit():
        current_user.display_name = (form.display_name.data or "").strip()
        current_user.email = (form.email.data or "").strip()
        current_user.locale = form.locale.data or None
        db.session.commit()
        flash(_("Saved."), "success")
        return redirect(url_for("accounts.settings"))
    return render_template("account/settings.html", form=form)


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if not current_user.check_password(form.current.data):
            form.current.errors.append(_("The current password is wrong."))
        else:
            user = current_user._get_current_object()
            try:
                services.change_password(user, form.new.data)
            except InputError as exc:
                _attach_errors(form, exc, {"password": "new"})
            else:
                db.session.commit()
                _stay_logged_in(user)
                flash(_("Your password has been changed."), "success")
                return redirect(url_for("main.home"))
    return render_template("account/password.html", form=form)


def _stay_logged_in(user: User) -> None:
    """After one's own sessions were ended (a new password): this one goes on, under the new
    session version, and so does its remember-me cookie if it had one."""
    cookie = current_app.config.get("REMEMBER_COOKIE_NAME", COOKIE_NAME)
    login_user(user, remember=cookie in request.cookies)


# --- admin: users -------------------------------------------------------------------------


def _fill_user_choices(form: UserForm) -> None:
    orgs = db.session.execute(
        sa.select(Organisation.id, Organisation.name).order_by(Organisation.name)
    )
    form.organisation_id.choices = choices([(0, "—"), *orgs.all()])
    regions = db.session.scalars(
        sa.select(Region).order_by(Region.parent_id.nullsfirst(), Region.name)
    )
    form.region_id.choices = choices([(0, "—"), *((r.id, r.full_name) for r in regions)])


@bp.route("/admin/users")
@role_required(Role.ADMIN)
def users():
    rows = db.session.scalars(
        sa.select(User).options(sa.orm.joinedload(User.organisation)).order_by(User.username)
    ).all()
    return render_template("admin/users.html", users=rows)


@bp.route("/admin/users/new", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def user_new():
    form = UserForm()
    _fill_user_choices(form)
    if form.validate_on_submit():
        if not form.password.data:
            form.password.errors.append(_("A password is required for a new user."))
        else:
            try:
                services.create_user(
                    form.username.data,
                    form.role.data,
                    form.password.data,
                    organisation=db.session.get(Organisation, form.organisation_id.data or 0),
                    region=db.session.get(Region, form.region_id.data or 0),
                    display_name=form.display_name.data or "",
                    email=form.email.data or "",
                )
            except InputError as exc:
                _attach_errors(form, exc, {"organisation": "organisation_id"})
            else:
                db.session.commit()
                flash(_("User %(name)s created.", name=form.username.data), "success")
                return redirect(url_for("accounts.users"))
    return render_template("admin/user_form.html", form=form, user=None)


@bp.route("/admin/users/<int:user_id>", methods=["GET", "POST"])
@login_required
def user_edit(user_id: int):
    user = db.session.get(User, user_id) or abort(404)
    if user.organisation_id is not None:
        _visible_org_or_404(user.organisation_id)  # another organisation's user: not found
    _require_admin()
    form = UserForm(obj=user)
    _fill_user_choices(form)
    if request.method == "GET":
        form.role.data = user.role.value
        form.organisation_id.data = user.organisation_id or 0
        form.region_id.data = user.region_id or 0
    if form.validate_on_submit():
        clash = db.session.scalar(
            sa.select(User.id).where(
                User.username == form.username.data.strip(), User.id != user.id
            )
        )
        if clash is not None:
            form.username.errors.append(
                _("The username %(name)s is taken.", name=form.username.data)
            )
        elif user.id == current_user.id and (not form.active.data or form.role.data != Role.ADMIN):
            form.active.errors.append(_("You cannot disable yourself or drop your own admin role."))
        else:
            try:
                services.update_user(
                    user,
                    username=form.username.data,
                    display_name=form.display_name.data or "",
                    email=form.email.data or "",
                    role=form.role.data,
                    organisation_id=form.organisation_id.data or None,
                    region_id=form.region_id.data or None,
                    active=form.active.data,
                    password=form.password.data or "",
                    must_change_password=form.must_change_password.data,
                )
            except InputError as exc:
                _attach_errors(form, exc)
            else:
                db.session.commit()
                if user.id == current_user.id:
                    _stay_logged_in(user)
                flash(_("User %(name)s saved.", name=user.username), "success")
                return redirect(url_for("accounts.users"))
    return render_template("admin/user_form.html", form=form, user=user)


# --- admin: the security log -----------------------------------------------------------

SECURITY_PAGE = 100


@bp.route("/admin/security")
@role_required(Role.ADMIN)
def security_log():
    form = SecurityLogFilterForm(request.args)
    form.kind.choices = [("", _("All events"))] + [(k, str(v)) for k, v in security.KINDS.items()]
    filters = _security_filters(form)
    page = max(1, min(query_id(request.args.get("page")) or 1, 10**6))
    rows = db.session.scalars(
        security.events(**filters).offset((page - 1) * SECURITY_PAGE).limit(SECURITY_PAGE + 1)
    ).all()
    return render_template(
        "admin/security.html",
        form=form,
        events=rows[:SECURITY_PAGE],
        describe=_describe_event,
        page=page,
        more=len(rows) > SECURITY_PAGE,
        args={k: v for k, v in request.args.items() if k != "page"},
        months=current_app.config["SECURITY_LOG_MONTHS"],
    )


@bp.route("/admin/security.csv")
@role_required(Role.ADMIN)
def security_log_csv():
    form = SecurityLogFilterForm(request.args)
    form.kind.choices = [(k, k) for k in security.KINDS]
    events = db.session.scalars(security.events(**_security_filters(form))).all()
    header = [
        _("Time"), _("Event"), _("Username"), _("Address"), _("Request"), _("Status"),
        _("Details"), _("Browser"),
    ]  # fmt: skip
    rows = [
        [
            tabular.local_time(e.at),
            e.label,
            e.username,
            e.address,
            f"{e.method} {e.path}".strip(),
            e.status if e.status is not None else "",
            json.dumps(e.detail, ensure_ascii=False, sort_keys=True),
            e.user_agent,
        ]
        for e in events
    ]
    return tabular.csv_response(header, rows, "security-log.csv")


def _describe_event(event: security.SecurityEvent) -> str:
    """What a security event's details say, in words (a role or scope change field by field)."""
    detail = event.detail or {}
    target = _("User %(name)s", name=detail.get("username", "")) if "user_id" in detail else ""
    if event.kind == "user_changed":
        before, after = detail.get("before") or {}, detail.get("after") or {}
        changes = [
            f"{label}：{_scope_value(key, before.get(key))} → {_scope_value(key, after.get(key))}"
            for key, label in _SCOPE_LABELS.items()
            if before.get(key) != after.get(key)
        ]
        return f"{target}：{'；'.join(changes)}" if changes else target
    if event.kind == "login_locked":
        return _("Locked for %(n)d more seconds.", n=int(detail.get("wait") or 0))
    if detail.get("reason") == "disabled":
        return _("This account is disabled; ask an administrator.")
    return target


_SCOPE_LABELS = {
    "username": _l("Username"),
    "role": _l("Role"),
    "organisation_id": _l("Organisation"),
    "region_id": _l("Region"),
    "active": _l("Active"),
}


def _scope_value(key: str, value: Any) -> str:
    if value is None:
        return "—"
    if key == "role":
        return str(ROLE_LABELS.get(value, value))
    if key == "active":
        return _("yes") if value else _("no")
    if key in ("organisation_id", "region_id"):
        model = Organisation if key == "organisation_id" else Region
        found = db.session.get(model, value)
        return found.name if found is not None else f"#{value}"
    return str(value)


def _security_filters(form: SecurityLogFilterForm) -> dict[str, Any]:
    """The filters a valid form gives (an invalid date is left out and shown as an error)."""
    form.validate()
    return {
        "kind": form.kind.data if form.kind.data in security.KINDS else None,
        "username": (form.username.data or "").strip()[:80] or None,
        "start": form.start.data if not form.start.errors else None,
        "end": form.end.data if not form.end.errors else None,
    }


def _attach_errors(form, exc: InputError, aliases: dict[str, str] | None = None) -> None:
    """Show a service's field errors next to the form's fields."""
    aliases = aliases or {}
    for name, message in exc.fields.items():
        field = getattr(form, aliases.get(name, name), None)
        if field is None:
            flash(message, "error")
        else:
            field.errors = [*field.errors, message]


# --- admin: organisations, sites and regions -------------------------------------------------


def _fill_region_choices(field) -> None:
    regions = db.session.scalars(
        sa.select(Region).order_by(Region.parent_id.nullsfirst(), Region.name)
    )
    field.choices = choices([(0, "—"), *((r.id, r.full_name) for r in regions)])


@bp.route("/organisations")
@role_required(Role.ADMIN, Role.AUTHOR, Role.INSPECTOR, Role.SUPERVISOR, Role.ENTERPRISE)
def organisations():
    query = visible_organisations(current_user).options(
        sa.orm.joinedload(Organisation.region).joinedload(Region.parent)
    )
    rows = db.session.scalars(query.order_by(Organisation.name)).all()
    return render_template("admin/organisations.html", organisations=rows)


def _visible_org_or_404(org_id: int) -> Organisation:
    """The organisation if the user may see it; another organisation's is "not found"."""
    query = visible_organisations(current_user).where(Organisation.id == org_id)
    return db.session.scalar(query) or abort(404)


def _require_admin() -> None:
    if current_user.role != Role.ADMIN:
        abort(403)


@bp.route("/organisations/<int:org_id>")
@login_required
def organisation(org_id: int):
    org = _visible_org_or_404(org_id)
    return render_template("admin/organisation.html", org=org, site_form=SiteForm())


@bp.route("/admin/organisations/new", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def organisation_new():
    form = OrganisationForm()
    _fill_region_choices(form.region_id)
    if form.validate_on_submit():
        try:
            org = services.create_organisation(
                form.name.data,
                form.kind.data,
                credit_code=form.credit_code.data,
                region=db.session.get(Region, form.region_id.data or 0),
                address=form.address.data or "",
                contact_person=form.contact_person.data or "",
                contact_phone=form.contact_phone.data or "",
            )
        except InputError as exc:
            _attach_errors(form, exc)
        else:
            org.lat, org.lon = form.lat.data, form.lon.data
            db.session.commit()
            flash(_("Organisation %(name)s created.", name=org.name), "success")
            return redirect(url_for("accounts.organisation", org_id=org.id))
    return render_template("admin/organisation_form.html", form=form, org=None)


@bp.route("/admin/organisations/<int:org_id>/edit", methods=["GET", "POST"])
@login_required
def organisation_edit(org_id: int):
    org = _visible_org_or_404(org_id)
    _require_admin()
    form = OrganisationForm(obj=org)
    _fill_region_choices(form.region_id)
    if request.method == "GET":
        form.kind.data = org.kind.value
        form.region_id.data = org.region_id or 0
    if form.validate_on_submit():
        try:
            name = services.check_org_name(form.name.data, exclude_id=org.id)
            code = services.check_credit_code(form.credit_code.data, exclude_id=org.id)
        except InputError as exc:
            _attach_errors(form, exc)
        else:
            org.name, org.credit_code, org.kind = name, code, form.kind.data
            org.region_id = form.region_id.data or None
            org.address = form.address.data or ""
            org.contact_person = form.contact_person.data or ""
            org.contact_phone = form.contact_phone.data or ""
            org.lat, org.lon = form.lat.data, form.lon.data
            org.active = form.active.data
            db.session.commit()
            flash(_("Organisation %(name)s saved.", name=org.name), "success")
            return redirect(url_for("accounts.organisation", org_id=org.id))
    return render_template("admin/organisation_form.html", form=form, org=org)


@bp.route("/admin/organisations/<int:org_id>/sites", methods=["POST"])
@login_required
def site_new(org_id: int):
    org = _visible_org_or_404(org_id)
    _require_admin()
    form = SiteForm()
    if form.validate_on_submit():
        name = form.name.data.strip()
        if any(site.name == name for site in org.sites):
            flash(_("The site %(name)s exists already.", name=name), "error")
        else:
            db.session.add(
                Site(
                    organisation=org,
                    name=name,
                    address=form.address.data or "",
                    lat=form.lat.data,
                    lon=form.lon.data,
                )
            )
            db.session.commit()
            flash(_("Site %(name)s added.", name=name), "success")
    else:
        for field, errors in form.errors.items():
            flash(f"{getattr(form, field).label.text}: {'; '.join(errors)}", "error")
    return redirect(url_for("accounts.organisation", org_id=org.id))


@bp.route("/admin/regions", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def regions():
    form = RegionForm()
    counties = db.session.scalars(
        sa.select(Region)
        .where(Region.parent_id.is_(None))
        .options(sa.orm.selectinload(Region.children))
        .order_by(Region.name)
    ).all()
    form.parent_id.choices = choices([(0, "—"), *((c.id, c.name) for c in counties)])
    if form.validate_on_submit():
        parent = db.session.get(Region, form.parent_id.data or 0)
        name = form.name.data.strip()
        exists = sa.select(Region.id).where(
            Region.name == name,
            Region.parent_id == parent.id if parent else Region.parent_id.is_(None),
        )
        if db.session.scalar(exists) is not None:
            form.name.errors.append(_("This region exists already."))
        else:
            services.get_or_create_region(name, parent)
            db.session.commit()
            flash(_("Region %(name)s added.", name=name), "success")
            return redirect(url_for("accounts.regions"))
    return render_template("admin/regions.html", form=form, counties=counties)
