"""A document's own table of contents is text, not clauses (the reading issue's structure
part): with or without a 目录 heading, with page numbers and dot leaders or without."""

from __future__ import annotations

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
    assert result.skipped == []
    keys = [c.key.split("/", 1)[1] for c in document.clauses if "/" in c.key]
    assert keys == EXPECTED  # no 第一章~2: the chapters are read once, with their articles
    assert ("第二章" in document.text.split("第一条")[0]) == kept  # the contents stay as text


def test_headings_that_are_not_repeated_are_clauses():
    body = "第一章  总则\n第二章  职责\n第三章  附则\n第一条  本办法自发布之日起施行。\n"
    (document,) = parse_gazette(HEAD + body).documents
    keys = [c.key.split("/", 1)[1] for c in document.clauses if "/" in c.key]
    assert keys[:3] == ["第一章", "第二章", "第三章"]
