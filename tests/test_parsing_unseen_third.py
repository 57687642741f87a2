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


@pytest.mark.parametrize("banner", ["会议纪要", "县政府批复", "【政府令】"])
def test_a_columns_banner_above_a_document_is_no_words_of_the_one_before(banner):
    """会议纪要, 县政府批复 above a document (as 县政府文件 was): the banner was glued to the last
    line of the document before (…记录：赵明县政府批复, …单位：公顷⏎会议纪要)."""
    text = (
        "青山县人民政府办公室关于耕地保护的通知\n青政办发〔2023〕18号\n各乡镇人民政府：\n"
        "一、各乡镇要于每季度末5日前将进展情况报县自然资源局。\n青山县人民政府办公室\n"
        "2023年6月5日\n\n" + banner + "\n\n青政函〔2023〕22号\n\n"
        "青山县人民政府关于同意石门镇调整村级建制的批复\n\n石门镇人民政府：\n"
        "你镇请示收悉。现批复如下：\n一、同意撤销石门镇东岭村。\n青山县人民政府\n2023年6月20日\n"
    )
    parsed = parse_gazette(text)
    assert [d.number for d in parsed.documents] == ["青政办发〔2023〕18号", "青政函〔2023〕22号"]
    assert not any(banner in c.text for d in parsed.documents for c in d.clauses)
    assert any(s.reason == "栏目" for s in parsed.skipped)


def test_minutes_are_issued_by_their_government_and_their_attendance_is_no_table():
    """某县人民政府第12次常务会议纪要 ⏎〔2023〕第12期 with no keeper's line under it: no issuer;
    出席：王某  刘某  张某 (names spaced) was a table, put after the lines below it."""
    text = (
        "青山县人民政府第12次常务会议纪要\n\n〔2023〕第12期\n\n"
        "2023年6月12日，县长王志强主持召开县人民政府第12次常务会议。纪要如下：\n"
        "一、关于安全生产工作\n会议要求，各乡镇要压实安全生产责任。\n\n"
        "出席：王志强  刘建军  张丽萍  陈国栋  杨帆\n列席：县政府办公室主要负责同志\n记录：赵明\n"
    )
    (doc,) = parse_gazette(text).documents
    assert doc.issuer == "青山县人民政府"
    assert not any(c.is_table for c in doc.clauses)
    last = doc.clauses[-1].text
    assert last.index("出席：王志强") < last.index("列席：") < last.index("记录：赵明")
