"""Standards: gazettes read into documents (versioned), clauses and requirements, and search.

``parsing`` and ``extraction`` are pure (no Flask, no database): the clause parser and the
requirement extractor.
"""
