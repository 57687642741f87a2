"""Filling: inspections of one organisation against a pinned template version, answers under
the Sync rules, photos and signatures; the phone pages, the offline client's service worker
and the API."""
