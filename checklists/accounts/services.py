"""Use cases for users and organisations. They validate, mutate and flush; callers commit."""

from __future__ import annotations

import threading

import sqlalchemy as sa
from flask_babel import gettext as _
from zxcvbn import zxcvbn

from checklists.accounts import throttle
from checklists.accounts.creditcode import CreditCodeError, normalise_credit_code
from checklists.accounts.forms import MIN_PASSWORD, credit_code_message
from checklists.accounts.models import (
    ApiToken,
    Organisation,
    OrgKind,
    Region,
    RegionLevel,
    Role,
    User,
    check_no_password,
)
from checklists.core import security
from checklists.core.errors import InputError
from checklists.core.extensions import db
from checklists.core.schemas import query_id

#: zxcvbn's score (0 to 4) a new password needs: 3 is "safely unguessable" (about 10^10
#: guesses), beyond an attacker who has the hashes and a list of common passwords.
MIN_PASSWORD_SCORE = 3
#: zxcvbn refuses longer inputs; the first 72 characters are scored.
ZXCVBN_MAX_LENGTH = 72
#: zxcvbn keeps the user inputs of the call in a module-level dictionary: one call at a time.
_ZXCVBN_LOCK = threading.Lock()


# --- logging in, sessions and passwords --------------------------------------------------


def authenticate(username: str, password: str) -> User | None:
    """The user with this username and password (active or not), else None. Exactly one
    password hash is checked either way, so that the time taken does not tell whether the
    username exists."""
    user = db.session.scalar(sa.select(User).where(User.username == username.strip()))
    if user is None:
        check_no_password(password)
        return None
    return user if user.check_password(password) else None


def log_in(username: str, password: str, address: str) -> User | None:
    """``authenticate`` behind the login throttle: raises ``throttle.Locked`` while this
    username or this address has failed too often, and counts a failure."""
    limits = throttle.current()
    wait = limits.wait(username, address)
    if wait:
        security.record("login_locked", username=username, status=429, detail={"wait": wait})
        raise throttle.Locked(wait)
    user = authenticate(username, password)
    if user is None:
        limits.failed(username, address)
        security.record("login_failed", username=username, status=401)
    elif not user.active:
        security.record("login_failed", actor=user, detail={"reason": "disabled"})
    else:
        security.record("login", actor=user)
    return user


def user_from_session(session_id: str) -> User | None:
    """Flask-Login's user loader: the active user whose ``get_id()`` is ``session_id``
    ("id:version"); a session or remember-me cookie from before the version was raised (or
    one in the old form, the bare id) finds no one."""
    user_id, _sep, version = session_id.partition(":")
    number, version_number = query_id(user_id), query_id(version)
    if not number or version_number is None:
        return None
    user = db.session.get(User, number)
    if user is None or not user.active or user.session_version != version_number:
        return None
    return user


def end_sessions(user: User, *, api_tokens: bool = False) -> None:
    """End every session and remember-me cookie of ``user``; with ``api_tokens``, revoke
    their API bearer tokens too (a new password, a reset, deactivation)."""
    user.session_version += 1
    if api_tokens:
        db.session.execute(sa.delete(ApiToken).where(ApiToken.user_id == user.id))


def password_problem(password: str, username: str) -> str | None:
    """Why ``password`` is refused for ``username`` (translated), or None if it is good."""
    if len(password) < MIN_PASSWORD:
        return _("A password needs at least %(n)d characters.", n=MIN_PASSWORD)
    if password.strip().casefold() == username.strip().casefold():
        return _("Must not be the username.")
    with _ZXCVBN_LOCK:
        score = zxcvbn(password[:ZXCVBN_MAX_LENGTH], user_inputs=[username.strip()])["score"]
    if score < MIN_PASSWORD_SCORE:
        return _(
            "Too easy to guess: avoid common passwords, names, dates, keyboard patterns and "
            "sequences such as 12345678; a few unrelated words make a strong password."
        )
    return None


def change_password(user: User, password: str) -> None:
    """Set a new password (one's own or an admin's reset): refused if weak; every session and
    API token of the user ends (the caller logs its own session in again)."""
    problem = password_problem(password, user.username)
    if problem:
        raise InputError({"password": problem})
    user.set_password(password)
    user.must_change_password = False
    end_sessions(user, api_tokens=True)
    security.record("password_changed", detail={"user_id": user.id, "username": user.username})


def update_user(
    user: User,
    *,
    username: str,
    display_name: str,
    email: str,
    role: Role | str,
    organisation_id: int | None,
    region_id: int | None,
    active: bool,
    password: str = "",
    must_change_password: bool | None = None,
) -> None:
    """An admin's edit. A new username, role, organisation or region ends the user's sessions
    (they log in again under what changed); a new password, deactivation or a forced reset
    also revokes their API tokens. A weak password is refused before anything changes. Role
    and scope changes, passwords and resets go to the security log."""
    username = username.strip()
    if password:
        problem = password_problem(password, username)
        if problem:
            raise InputError({"password": problem})
    role = Role(role)
    before = _scope(user)
    relogin = (username, role, organisation_id, region_id) != (
        user.username,
        user.role,
        user.organisation_id,
        user.region_id,
    )
    force_reset = bool(must_change_password) and not user.must_change_password
    revoke = bool(password) or (user.active and not active) or force_reset
    user.username = username
    user.display_name = display_name
    user.email = email.strip()
    user.role = role
    user.organisation_id = organisation_id
    user.region_id = region_id
    user.active = active
    if must_change_password is not None:
        user.must_change_password = must_change_password
    if password:
        user.set_password(password)
    if relogin or revoke:
        end_sessions(user, api_tokens=revoke)
    after = _scope(user)
    target = {"user_id": user.id, "username": user.username}
    if after != before:
        security.record("user_changed", detail={**target, "before": before, "after": after})
    if password:
        security.record("password_changed", detail=target)
    if force_reset:
        security.record("password_reset", detail=target)


def _scope(user: User) -> dict[str, object]:
    """What decides what a user may reach: as the security log records it."""
    return {
        "username": user.username,
        "role": str(user.role),
        "organisation_id": user.organisation_id,
        "region_id": user.region_id,
        "active": user.active,
    }


# --- users and organisations --------------------------------------------------------------


def create_user(
    username: str,
    role: Role | str,
    password: str,
    *,
    organisation: Organisation | None = None,
    region: Region | None = None,
    display_name: str = "",
    email: str = "",
) -> User:
    """Create an active user; an enterprise user needs an organisation."""
    username = username.strip()
    errors: dict[str, str] = {}
    try:
        role = Role(role)
    except ValueError:
        errors["role"] = _("Unknown role %(role)s.", role=role)
    if not username:
        errors["username"] = _("A username is required.")
    elif db.session.scalar(sa.select(User.id).where(User.username == username)) is not None:
        errors["username"] = _("The username %(name)s is taken.", name=username)
    problem = password_problem(password, username)
    if problem:
        errors["password"] = problem
    if role == Role.ENTERPRISE and organisation is None:
        errors["organisation"] = _("An enterprise user must belong to an organisation.")
    if errors:
        raise InputError(errors)
    user = User(
        username=username,
        role=Role(role),
        organisation=organisation,
        region=region,
        display_name=display_name,
        email=email.strip(),
    )
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    security.record(
        "user_changed",
        detail={"user_id": user.id, "username": user.username, "before": {}, "after": _scope(user)},
    )
    return user


def check_credit_code(code: str | None, *, exclude_id: int | None = None) -> str | None:
    """Normalise a credit code and make sure no other organisation has it."""
    if not code or not code.strip():
        return None
    try:
        code = normalise_credit_code(code)
    except CreditCodeError as exc:
        raise InputError({"credit_code": credit_code_message(exc)}) from exc
    query = sa.select(Organisation.id).where(Organisation.credit_code == code)
    if exclude_id is not None:
        query = query.where(Organisation.id != exclude_id)
    if db.session.scalar(query) is not None:
        raise InputError(
            {"credit_code": _("Another organisation already has the code %(code)s.", code=code)}
        )
    return code


def check_org_name(name: str, *, exclude_id: int | None = None) -> str:
    """Strip a name and make sure no other organisation has it."""
    name = name.strip()
    if not name:
        raise InputError({"name": _("A name is required.")})
    query = sa.select(Organisation.id).where(Organisation.name == name)
    if exclude_id is not None:
        query = query.where(Organisation.id != exclude_id)
    if db.session.scalar(query) is not None:
        raise InputError({"name": _("An organisation named %(name)s exists.", name=name)})
    return name


def create_organisation(
    name: str,
    kind: OrgKind | str,
    *,
    credit_code: str | None = None,
    region: Region | None = None,
    address: str = "",
    contact_person: str = "",
    contact_phone: str = "",
) -> Organisation:
    """Create an organisation after checking its name, kind and credit code."""
    try:
        kind = OrgKind(kind)
    except ValueError:
        raise InputError({"kind": _("The kind must be enterprise or government.")}) from None
    org = Organisation(
        name=check_org_name(name),
        kind=kind,
        credit_code=check_credit_code(credit_code),
        region=region,
        address=address,
        contact_person=contact_person,
        contact_phone=contact_phone,
    )
    db.session.add(org)
    db.session.flush()
    return org


def get_or_create_region(name: str, parent: Region | None = None) -> Region:
    """Return the region called ``name`` under ``parent``, creating it if needed."""
    query = sa.select(Region).where(Region.name == name)
    query = query.where(
        Region.parent_id == parent.id if parent is not None else Region.parent_id.is_(None)
    )
    region = db.session.scalar(query)
    if region is None:
        level = RegionLevel.TOWNSHIP if parent is not None else RegionLevel.COUNTY
        region = Region(name=name, parent=parent, level=level)
        db.session.add(region)
        db.session.flush()
    return region


def find_region(name: str) -> Region | None:
    """Find a region by its name, or by "county township"."""
    parts = name.split()
    if len(parts) == 2:
        county = db.session.scalar(
            sa.select(Region).where(Region.name == parts[0], Region.parent_id.is_(None))
        )
        if county is None:
            return None
        return db.session.scalar(
            sa.select(Region).where(Region.name == parts[1], Region.parent_id == county.id)
        )
    return db.session.scalars(sa.select(Region).where(Region.name == name)).first()
