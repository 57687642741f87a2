"""A document's own table of contents is text, not clauses (the reading issue's structure
part): with or without a 目录 heading, with page numbers and dot leaders or without."""

from __future__ import annotations

import datetime

import pytest

from checklists.standards.parsing import parse_gazette

HEAD = """示例市人民政府文件

示政发〔2026〕9号

示例市人民政府
关于印发示例市安全生产管理办法的通知

各区县人民政府，市政府各部门：
现将《示例市安全生产管理办法》印发给你们，请认真贯彻执行。

示例市人民政府
2026年3月1日

示例市安全生产管理办法

"""
BODY = """第一章  总则
第一条  为了加强安全生产工作，制定本办法。
第二条  本办法适用于本市行政区域内的生产经营单位。
第二章  安全生产保障
第三条  生产经营单位应当建立安全生产责任制。
第四条  生产经营单位每月至少组织一次安全检查。
第三章  监督管理
第五条  市应急管理局负责监督检查。
第四章  附则
第六条  本办法自2026年4月1日起施行。
"""
EXPECTED = [
    "第一章",
    "第一章/第一条",
    "第一章/第二条",
    "第二章",
    "第二章/第三条",
    "第二章/第四条",
    "第三章",
    "第三章/第五条",
    "第四章",
    "第四章/第六条",
]


@pytest.mark.parametrize(
    ("contents", "kept"),
    [
        ("目  录\n第一章  总则\n第二章  安全生产保障\n第三章  监督管理\n第四章  附则\n\n", True),
        # dot leaders and page numbers are page furniture: blanked like the gazette's own
        (
            "目录\n第一章 总则……1\n第二章 安全生产保障……2\n第三章 监督管理……3\n第四章 附则……4\n\n",
            False,
        ),
        ("第一章  总则\n第二章  安全生产保障\n第三章  监督管理\n第四章  附则\n\n", True),
    ],
)
def test_a_documents_own_contents_are_not_clauses(contents, kept):
    """Not the gazette's contents either (a 目录 after a 文号 line is the document's own)."""
    result = parse_gazette(HEAD + contents + BODY)
    (document,) = result.documents
    # nothing is skipped but page furniture (the dot-leader lines, when there are some)
    assert [s.reason for s in result.skipped] == ([] if kept else ["版面"])
    keys = [c.key.split("/", 1)[1] for c in document.clauses if "/" in c.key]
    assert keys == EXPECTED  # no 第一章~2: the chapters are read once, with their articles
    assert ("第二章" in document.text.split("第一条")[0]) == kept  # the contents stay as text


def test_headings_that_are_not_repeated_are_clauses():
    body = "第一章  总则\n第二章  职责\n第三章  附则\n第一条  本办法自发布之日起施行。\n"
    (document,) = parse_gazette(HEAD + body).documents
    keys = [c.key.split("/", 1)[1] for c in document.clauses if "/" in c.key]
    assert keys[:3] == ["第一章", "第二章", "第三章"]


# Two documents laid out across pages: the first's last articles (or the end of its last
# sentence) printed after the second, with no 上接/下转 mark.
FIRST = """示例县人民政府文件

示政发〔2026〕11号

示例县人民政府
关于加强煤炭经营管理的规定

第一条  为加强煤炭经营管理，制定本规定。
第二条  配送中心应当建立进销台账。
第三条  配送中心应当每月报送经营情况，报送时间为次月5日前，报送内容包括销售量、"""
SECOND = """示例县人民政府文件

示政发〔2026〕12号

示例县人民政府
关于召开安全生产工作会议的通知

各乡镇人民政府：
定于3月10日召开全县安全生产工作会议，请各乡镇主要负责同志参加。

示例县人民政府
2026年3月1日

"""


@pytest.mark.parametrize(
    ("stops", "resumed", "moved_into"),
    [
        # numbering continuity: 第四条 after 第三条 there, and this notice has no articles
        ("库存量。\n", "第四条  本规定自2026年4月1日起施行。\n", "示政发〔2026〕11号/第四条"),
        # sentence continuity: the first stops mid-sentence, this goes on without a heading
        ("\n", "库存量和质量检测情况，并对报送内容的真实性负责。\n", "示政发〔2026〕11号/第三条"),
    ],
)
def test_text_resuming_after_another_document_goes_home(stops, resumed, moved_into):
    result = parse_gazette(FIRST + stops + "\n" + SECOND + resumed)
    first, second = result.documents
    keys = {c.key: c for c in first.clauses}
    assert moved_into in keys
    words = resumed.split("  ")[-1].strip()
    assert words in keys[moved_into].text.replace("\n", "")
    assert all(words not in c.text for c in second.clauses)
    assert words not in second.text
    if "施行" in words:  # the validity it states is the first document's, not the notice's
        assert (first.in_force_from, second.in_force_from) == (datetime.date(2026, 4, 1), None)


def test_what_a_notice_issues_after_its_signature_stays_its_own():
    """An instrument issued by the notice starts at 第一条 and under its own title."""
    issued = "示例县会议管理办法\n第一条  会议应当提前三天通知。\n第二条  会议材料应当存档。\n"
    result = parse_gazette(FIRST + "库存量。\n\n" + SECOND + issued)
    first, second = result.documents
    assert not any("会议材料" in c.text for c in first.clauses)
    assert any("会议材料应当存档" in c.text for c in second.clauses)
