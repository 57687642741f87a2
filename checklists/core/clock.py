"""The service's clock: today where the service is (``BABEL_DEFAULT_TIMEZONE``, Asia/Shanghai)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from flask import current_app


def local_today() -> dt.date:
    """Today in the service's time zone (Asia/Shanghai)."""
    return dt.datetime.now(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])).date()
