"""A third round of gazette forms found by probing the importer with issues written for the
purpose (never from the bundled gazettes): how a document is made public under its signature, a
roster whose names are padded to three characters' width. One test per form."""

from __future__ import annotations

import pytest

from checklists.standards.parsing import parse_gazette


@pytest.mark.parametrize("note", ["（此件公开发布）", "（此件主动公开）", "(此件依申请公开)"])
def test_how_a_document_is_made_public_is_its_colophon_not_the_next_ones_title(note):
    """（此件公开发布） under a 批复's signature became the start of the next document's title and
    issuer, or words of a clause before its first item."""
    text = (
        "江州市人民政府关于同意设立某某管理委员会内设机构的批复\n江府函〔2023〕31号\n"
        "某某管理委员会：\n你委请示收悉。经研究，现批复如下：\n一、同意设立综合办公室。\n"
        "江州市人民政府\n2023年5月6日\n" + note + "\n\n"
        "江州市人民政府任免工作人员\n江府任〔2023〕7号\n任命王某为江州市某某局局长。\n"
        "江州市人民政府\n2023年5月12日\n"
    )
    parsed = parse_gazette(text)
    first, second = parsed.documents
    assert (second.title, second.issuer) == ("江州市人民政府任免工作人员", "江州市人民政府")
    assert not any(note in c.text for d in parsed.documents for c in d.clauses)
    (colophon,) = [s for s in parsed.skipped if s.reason == "版记"]
    assert colophon.lines == (text.splitlines().index(note) + 1,)
    assert first.number == "江府函〔2023〕31号"


def test_a_rosters_names_padded_to_three_characters_stay_in_its_table():
    """赵  敏 (two characters padded to three's width) made its row four cells' five: the row
    fell out of the table as words, and the table broke in two around it."""
    rows = [
        "单位                    姓名      职务            联系电话",
        "市应急管理局            王建国    副局长          0791-86123456",
        "市水利局                李秀英    科长            0791-86234567",
        "市住房城乡建设局        赵  敏    副科长          0791-86567890",
        "市城市管理局            孙伟东    科长            0791-86678901",
        "江州军分区              郑  强    参谋            0791-86901234",
    ]
    text = (
        "江州市人民政府办公室关于做好防汛抗旱工作的通知\n江府办发〔2023〕12号\n各县（区）人民政府：\n"
        "一、压实责任。各县（区）要落实行政首长负责制。\n江州市人民政府办公室\n2023年5月8日\n"
        "附件\n江州市防汛抗旱指挥部成员单位联络员名单\n" + "\n".join(rows) + "\n"
    )
    (doc,) = parse_gazette(text).documents
    (table,) = [c for c in doc.clauses if c.is_table]
    assert len(table.table) == 6
    assert [row[1] for row in table.table[1:]] == ["王建国", "李秀英", "赵敏", "孙伟东", "郑强"]
    assert all(len(row) == 4 for row in table.table)
