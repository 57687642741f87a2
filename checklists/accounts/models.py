"""Users, roles, organisations, sites, regions and API tokens."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from decimal import Decimal
from enum import StrEnum

import sqlalchemy as sa
from flask import current_app, has_app_context
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from checklists.core.db import enum_column, utcnow
from checklists.core.extensions import db


def new_scan_code() -> str:
    """A new QR code's text: 16 URL-safe random characters (96 bits)."""
    return secrets.token_urlsafe(12)


class Role(StrEnum):
    ADMIN = "admin"
    AUTHOR = "author"
    INSPECTOR = "inspector"
    SUPERVISOR = "supervisor"
    ENTERPRISE = "enterprise"


class OrgKind(StrEnum):
    ENTERPRISE = "enterprise"
    GOVERNMENT = "government"


class RegionLevel(StrEnum):
    COUNTY = "county"
    TOWNSHIP = "township"


class Region(db.Model):
    """A county, or a township/street inside one (a two-level tree)."""

    __tablename__ = "regions"
    __table_args__ = (sa.UniqueConstraint("parent_id", "name", name="uq_regions_parent_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(100))
    level: Mapped[RegionLevel] = mapped_column(enum_column(RegionLevel, "region_level"))
    #: The county a township belongs to; None for a county.
    parent_id: Mapped[int | None] = mapped_column(sa.ForeignKey("regions.id"), index=True)

    parent: Mapped[Region | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Region]] = relationship(back_populates="parent", order_by="Region.name")

    @property
    def full_name(self) -> str:
        return f"{self.parent.name} {self.name}" if self.parent else self.name

    def subtree_ids(self) -> list[int]:
        """This region's id and its descendants' (the tree is two levels deep)."""
        return [self.id, *(child.id for child in self.children)]


class Organisation(db.Model):
    """An inspected party: an enterprise or a government unit."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[OrgKind] = mapped_column(enum_column(OrgKind, "org_kind"))
    name: Mapped[str] = mapped_column(sa.String(200), unique=True)
    #: 统一社会信用代码 (GB 32100-2015), upper case, check character verified on input.
    credit_code: Mapped[str | None] = mapped_column(sa.String(18), unique=True)
    region_id: Mapped[int | None] = mapped_column(sa.ForeignKey("regions.id"), index=True)
    address: Mapped[str] = mapped_column(sa.String(300), default="")
    contact_person: Mapped[str] = mapped_column(sa.String(100), default="")
    contact_phone: Mapped[str] = mapped_column(sa.String(40), default="")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    #: What the organisation's printed QR code carries (扫码): unguessable, so that a scan of
    #: it shows the inspector stood where it hangs.
    scan_code: Mapped[str | None] = mapped_column(sa.String(24), unique=True, default=new_scan_code)
    #: Where it is (WGS-84 degrees), for the place check of inspections without a site's.
    lat: Mapped[Decimal | None] = mapped_column(sa.Numeric(9, 6))
    lon: Mapped[Decimal | None] = mapped_column(sa.Numeric(9, 6))

    region: Mapped[Region | None] = relationship()
    sites: Mapped[list[Site]] = relationship(
        back_populates="organisation", order_by="Site.name", cascade="all, delete-orphan"
    )


class Site(db.Model):
    """A place of an organisation that can be inspected on its own (a depot, a workshop)."""

    __tablename__ = "sites"
    __table_args__ = (
        sa.UniqueConstraint("organisation_id", "name", name="uq_sites_organisation_name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    address: Mapped[str] = mapped_column(sa.String(300), default="")
    #: As ``Organisation.scan_code``: the site's own QR code.
    scan_code: Mapped[str | None] = mapped_column(sa.String(24), unique=True, default=new_scan_code)
    lat: Mapped[Decimal | None] = mapped_column(sa.Numeric(9, 6))
    lon: Mapped[Decimal | None] = mapped_column(sa.Numeric(9, 6))

    organisation: Mapped[Organisation] = relationship(back_populates="sites")


class User(UserMixin, db.Model):
    """A person who logs in. Enterprise users are bound to exactly one organisation."""

    __tablename__ = "users"
    __table_args__ = (
        sa.CheckConstraint(
            "role <> 'enterprise' OR organisation_id IS NOT NULL", name="enterprise_has_org"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(sa.String(80), unique=True)
    display_name: Mapped[str] = mapped_column(sa.String(100), default="")
    #: Where notifications are e-mailed when SMTP is configured ("" for none).
    email: Mapped[str] = mapped_column(sa.String(200), default="", server_default="")
    password_hash: Mapped[str] = mapped_column(sa.String(256))
    role: Mapped[Role] = mapped_column(enum_column(Role, "role"))
    organisation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organisations.id"), index=True
    )
    #: A supervisor limited to a region sees only organisations inside it.
    region_id: Mapped[int | None] = mapped_column(sa.ForeignKey("regions.id"))
    #: "zh" or "en"; None follows the browser's Accept-Language.
    locale: Mapped[str | None] = mapped_column(sa.String(10))
    active: Mapped[bool] = mapped_column(default=True)
    #: Part of the id kept in sessions and remember-me cookies (``get_id``): raising it ends
    #: every session of the user (logout, a new password, an admin's change).
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")
    #: An admin's forced reset: until a new password is set, the user reaches only the
    #: password page, and gets no API token.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    organisation: Mapped[Organisation | None] = relationship()
    region: Mapped[Region | None] = relationship()

    def get_id(self) -> str:
        """What Flask-Login keeps in the session and the remember-me cookie: "id:version"."""
        return f"{self.id}:{self.session_version}"

    def set_password(self, password: str) -> None:
        """Hash with ``PASSWORD_HASH_METHOD`` (scrypt; the tests use a cheap one)."""
        self.password_hash = generate_password_hash(password, method=_hash_method())

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    @property
    def name(self) -> str:
        return self.display_name or self.username


def _hash_method() -> str:
    return current_app.config["PASSWORD_HASH_METHOD"] if has_app_context() else "scrypt"


#: A hash of no one's password per hashing method, made on first use (``check_no_password``).
_DUMMY_HASHES: dict[str, str] = {}


def check_no_password(password: str) -> None:
    """Check ``password`` against a hash of the configured method and cost that belongs to
    no one: a login with an unknown username then takes as long as one with a known username
    and a wrong password (no finding out usernames by timing)."""
    method = _hash_method()
    if method not in _DUMMY_HASHES:
        _DUMMY_HASHES[method] = generate_password_hash(secrets.token_urlsafe(16), method=method)
    check_password_hash(_DUMMY_HASHES[method], password)


class ApiToken(db.Model):
    """A bearer token for the API; only its SHA-256 is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True))

    user: Mapped[User] = relationship()

    @staticmethod
    def hash(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def issue(cls, user: User, days: int) -> tuple[ApiToken, str]:
        """Make a new token for ``user``; returns the record and the plain token (shown once)."""
        plain = secrets.token_urlsafe(32)
        record = cls(
            user=user, token_hash=cls.hash(plain), expires_at=utcnow() + dt.timedelta(days=days)
        )
        db.session.add(record)
        return record, plain


class LoginCounter(db.Model):
    """One window's count of failed logins for a username or a client address: the login
    throttle's shared storage when no Redis is configured (``accounts.throttle``)."""

    __tablename__ = "login_counters"

    key: Mapped[str] = mapped_column(sa.String(255), primary_key=True)
    count: Mapped[int] = mapped_column(default=0)
    #: When the window ends (seconds since the epoch).
    expires_at: Mapped[float] = mapped_column(sa.Float, index=True)
