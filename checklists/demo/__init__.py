"""Demo data: regions, organisations and accounts, the bundled gazettes (``gazettes/``) and the
ready-made templates drafted from them. ``flask demo load`` (``inspections.cli``) runs it."""
