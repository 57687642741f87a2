"""Two wordings of one text side by side in one line: what went (<del>) and what came (<ins>),
everything escaped."""

from __future__ import annotations

import difflib

from markupsafe import Markup, escape


def diff_html(old: str, new: str) -> Markup:
    out = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(escape(old[a1:a2]))
            continue
        if a2 > a1:
            out.append(Markup("<del>%s</del>") % old[a1:a2])
        if b2 > b1:
            out.append(Markup("<ins>%s</ins>") % new[b1:b2])
    return Markup("").join(out)
