"""The login throttle: failed logins counted per username and per client address, over the web
form and the token endpoint together, in storage that every worker and host shares.

Per username (``LOGIN_RATE_LIMIT``, 5 a minute and 30 an hour): guessing one account's password
is slow whichever addresses the guesses come from. Unknown usernames are counted the same way,
so that a lock tells nothing about which accounts exist. Per address (``LOGIN_ADDRESS_RATE_LIMIT``,
100 an hour): one address cannot try many accounts, while an office behind one NAT, where
people mistype their own passwords, keeps working. Only failures count; a correct password does
not reset anything. The sync endpoints are not throttled at all.

Storage: ``RATELIMIT_STORAGE_URI`` (``redis://...``) through the ``limits`` library, or the
database (``DatabaseStorage``, the table ``login_counters``) when it is unset.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import sqlalchemy as sa
from flask import Flask, current_app
from flask_babel import gettext as _
from limits import RateLimitItem, parse_many
from limits.storage import Storage, storage_from_string
from limits.strategies import FixedWindowRateLimiter
from sqlalchemy.dialects import postgresql, sqlite

from checklists.accounts.models import LoginCounter
from checklists.core.extensions import db

EXTENSION = "clausecheck_login_throttle"


class DatabaseStorage(Storage):
    """Fixed-window counters in the ``login_counters`` table, each change in a short
    transaction of its own (independent of the request's session)."""

    STORAGE_SCHEME = None  # made directly, never from a URI

    @property
    def base_exceptions(self) -> type[Exception]:
        return sa.exc.SQLAlchemyError

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = time.time()
        table = LoginCounter.__table__
        dialect = db.engine.dialect.name
        insert = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
        expired = table.c.expires_at <= now
        statement = insert.values(key=key, count=amount, expires_at=now + expiry)
        statement = statement.on_conflict_do_update(
            index_elements=[table.c.key],
            set_={
                "count": sa.case((expired, amount), else_=table.c.count + amount),
                "expires_at": sa.case((expired, now + expiry), else_=table.c.expires_at),
            },
        ).returning(table.c.count)
        with db.engine.begin() as conn:
            count = conn.execute(statement).scalar_one()
            # windows that ended are of no use: the table holds only live ones
            conn.execute(sa.delete(table).where(table.c.expires_at <= now - 3600))
        return count

    def _row(self, key: str) -> tuple[int, float] | None:
        table = LoginCounter.__table__
        with db.engine.connect() as conn:
            row = conn.execute(
                sa.select(table.c.count, table.c.expires_at).where(
                    table.c.key == key, table.c.expires_at > time.time()
                )
            ).first()
        return (row.count, row.expires_at) if row else None

    def get(self, key: str) -> int:
        row = self._row(key)
        return row[0] if row else 0

    def get_expiry(self, key: str) -> float:
        row = self._row(key)
        return row[1] if row else time.time()

    def check(self) -> bool:
        return True

    def reset(self) -> int | None:
        with db.engine.begin() as conn:
            return conn.execute(sa.delete(LoginCounter.__table__)).rowcount

    def clear(self, key: str) -> None:
        with db.engine.begin() as conn:
            conn.execute(sa.delete(LoginCounter.__table__).where(LoginCounter.key == key))


@dataclass
class Throttle:
    strategy: FixedWindowRateLimiter
    per_username: list[RateLimitItem]
    per_address: list[RateLimitItem]
    prefix: str
    enabled: bool

    def _limits(self, username: str, address: str) -> list[tuple[RateLimitItem, tuple[str, ...]]]:
        name = username.strip().casefold()[:80]
        return [(item, (self.prefix, "user", name)) for item in self.per_username] + [
            (item, (self.prefix, "address", address)) for item in self.per_address
        ]

    def wait(self, username: str, address: str) -> int:
        """Seconds until ``username`` may try again from ``address`` (0: now)."""
        if not self.enabled:
            return 0
        windows = [
            self.strategy.get_window_stats(item, *keys)
            for item, keys in self._limits(username, address)
        ]
        waits = [w.reset_time - time.time() for w in windows if w.remaining == 0]
        return math.ceil(max(waits)) if waits else 0

    def failed(self, username: str, address: str) -> None:
        """Count one failed login."""
        if self.enabled:
            for item, keys in self._limits(username, address):
                self.strategy.hit(item, *keys)


def init_app(app: Flask) -> None:
    uri = app.config.get("RATELIMIT_STORAGE_URI") or ""
    storage = storage_from_string(uri) if uri else DatabaseStorage()
    app.extensions[EXTENSION] = Throttle(
        strategy=FixedWindowRateLimiter(storage),
        per_username=parse_many(app.config["LOGIN_RATE_LIMIT"]),
        per_address=parse_many(app.config["LOGIN_ADDRESS_RATE_LIMIT"]),
        prefix=app.config.get("RATELIMIT_KEY_PREFIX") or "login",
        enabled=bool(app.config.get("RATELIMIT_ENABLED", True)),
    )


def current() -> Throttle:
    return current_app.extensions[EXTENSION]


class Locked(Exception):
    """Login is locked for ``seconds`` more."""

    def __init__(self, seconds: int) -> None:
        super().__init__(f"locked for {seconds} s")
        self.seconds = seconds

    @property
    def message(self) -> str:
        """What the login page and the token endpoint say (translated)."""
        return _(
            "Too many failed login attempts: login is locked for a while. "
            "Try again in %(minutes)d minute(s).",
            minutes=max(1, math.ceil(self.seconds / 60)),
        )
