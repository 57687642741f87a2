"""A twenty-first round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): rural living conditions, policy opinions and their aims. Each
case is a clear error a probe found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "subject", "kind"),
    [
        ("鼓励各乡镇建立村庄保洁队伍。", "各乡镇", "authority"),
        ("鼓励有条件的地区开展农村生活污水集中处理。", "有条件的地区", "authority"),
        ("鼓励有条件的县（市、区）先行先试。", "有条件的县（市、区）", "authority"),
        # guards: an inspected party encouraged, then what it would do (as before)
        ("鼓励有条件的企业开展清洁生产审核。", "有条件的企业", "regulated"),
        (
            "鼓励支持有条件的化工企业,聘请专家队伍开展安全管理服务。",
            "有条件的化工企业",
            "regulated",
        ),
    ],
)
def test_a_government_encouraged_is_who_would_act(text, subject, kind):
    """鼓励各乡镇建立村庄保洁队伍: the towns would build the teams. Only an inspected party was
    read after 鼓励 (鼓励有条件的企业…), so a government or an area encouraged acted for no one,
    as the guide's subject rule (the party named as acting) would have it."""
    (r,) = extract(text)
    assert (r.subject, r.subject_kind, r.modality) == (subject, kind, "advisory")
