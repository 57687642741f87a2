"""Foundation and standards of ClauseCheck.

This package sits at the bottom of the dependency graph: the database object, login,
users, organisations, regions and roles live here (``extensions``, ``accounts``), and so do
the standards (documents, clauses, requirements), checklist templates and the scoring engine.
``inspections`` builds on it; nothing here imports ``inspections``.
"""
