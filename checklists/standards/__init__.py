"""Standards: gazettes read into documents (versioned), clauses and requirements, and search.

The parser (``lines`` → ``clause_tree`` → ``parsing``) and the requirement extractor
(``extraction``) are pure: no Flask, no database.
"""
