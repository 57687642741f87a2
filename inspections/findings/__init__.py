"""Findings: what a submitted inspection found wrong, deadlines counted the official way
(working days, the holiday calendar), numbered 整改通知书, corrective actions and 复查."""
