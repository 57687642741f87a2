"""Scheduled inspections: recurring assignments per organisation or site (every month, every
quarter, every N weeks, by a date rule), their occurrences and a calendar for inspectors and
supervisors."""
