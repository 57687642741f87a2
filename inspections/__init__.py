"""Inspections: filling on phones (online and offline), reviewing, findings and corrective
actions. Builds on ``checklists``; nothing in ``checklists`` imports this package."""
