"""Review: the supervisors' queue and approval, the dashboard (charts drawn by the pure
``charts``) and the exports (one writer for CSV and Excel)."""
