"""Checklist templates: drafted from clauses, edited, previewed, published in versions,
exchanged as JSON and Excel."""
