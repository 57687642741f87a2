"""Marks that other features put on organisations (their credit entries, say), without
``checklists`` importing those features: a feature registers a loader on the app; the
organisations API and the pages ask for the marks of the organisations they show."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask, current_app

Loader = Callable[[list[int]], dict[int, list[dict[str, Any]]]]
KEY = "organisation_marks"


def register(app: Flask, name: str, loader: Loader) -> None:
    """Add ``loader`` under ``name``: it maps organisation ids to their marks."""
    app.extensions.setdefault(KEY, {})[name] = loader


def of(name: str, organisation_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """The ``name`` marks of each organisation ([] when none, or no feature registered it)."""
    loader = current_app.extensions.get(KEY, {}).get(name)
    found = loader(organisation_ids) if loader and organisation_ids else {}
    return {i: found.get(i, []) for i in organisation_ids}
