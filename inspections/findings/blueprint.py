"""The ``findings`` blueprint: its pages live in ``views``, ``inbox_views`` and
``calendar_views`` (endpoint names ``findings.<function>``)."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("findings", __name__)
