"""Use cases for users and organisations. They validate, mutate and flush; callers commit."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists.accounts.creditcode import CreditCodeError, normalise_credit_code
from checklists.accounts.forms import MIN_PASSWORD, credit_code_message
from checklists.accounts.models import Organisation, OrgKind, Region, RegionLevel, Role, User
from checklists.core.errors import InputError
from checklists.core.extensions import db


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
    if len(password) < MIN_PASSWORD:
        errors["password"] = _("A password needs at least %(n)d characters.", n=MIN_PASSWORD)
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
