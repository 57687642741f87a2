"""Presence: the QR codes of organisations and sites (扫码), the scans that show an inspector
stood there, and the place check (the inspection's position against the site's). Imports
nothing: ``feature`` registers it on the app; ``place`` is pure."""
