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


def test_an_item_whose_words_open_with_a_class_is_an_item():
    """二、一类地区包括…: read as classes listed (一、二类), so item 二 joined item 一; 四、一、二类
    地区的…: item 四, whose words list classes."""
    text = (
        "江州市人民政府关于调整全市最低工资标准的通知\n江政发〔2023〕7号\n各县（区）人民政府：\n"
        "一、调整后的全市最低工资标准如下：一类地区2100元，二类地区1900元。\n"
        "二、一类地区包括江城区、江北区；二类地区包括临江县、东湖县；三类地区包括西山\n县、南溪县。\n"
        "三、本通知自2023年7月1日起执行。\n四、一、二类地区的用人单位应当按月足额支付工资。\n"
        "江州市人民政府\n2023年6月1日\n"
    )
    (doc,) = parse_gazette(text).documents
    assert [c.token for c in doc.clauses[1:]] == ["一", "二", "三", "四"]
    assert doc.clauses[2].text.startswith("二、一类地区包括") and "南溪县" in doc.clauses[2].text


def test_a_wrapped_joint_notices_title_and_an_article_cited_at_a_lines_start():
    """临川市公安局 临川市交通运输局关于…货车通行 ⏎ 管理有关事项的通告: the title wrapped, the
    notice was read into the document before; 第五十条等规定，… at a wrapped line's start was an
    article, its items nested under it."""
    text = (
        "临川市人民政府关于加快推进社区服务设施建设的实施意见\n临政发〔2024〕9号\n"
        "各县（区）人民政府：\n一、各县（区）要编制社区服务设施规划。\n临川市人民政府\n"
        "2024年5月20日\n\n【部门文件】\n\n"
        "临川市公安局 临川市交通运输局关于中心城区货车通行\n管理有关事项的通告\n\n"
        "为缓解中心城区交通压力，根据《中华人民共和国道路交通安全法实施条例》\n"
        "第五十条等规定，现就中心城区货车通行管理有关事项通告如下：\n"
        "一、限行区域内禁止通行核定载质量为8吨以上（含）的货车。\n二、本通告自2024年7月1日起施行。\n"
        "临川市公安局            临川市交通运输局\n2024年6月12日\n"
    )
    first, notice = parse_gazette(text).documents
    assert notice.title == "关于中心城区货车通行管理有关事项的通告"
    assert notice.issuer == "临川市公安局、临川市交通运输局"
    assert notice.signed_on.isoformat() == "2024-06-12"
    assert first.signed_on.isoformat() == "2024-05-20" and len(first.clauses) == 2
    assert [c.token for c in notice.clauses[1:]] == ["一", "二"]
    assert "第五十条等规定" in notice.clauses[0].text


def test_contents_over_two_pages_name_an_explanation_kept_out_of_the_document():
    """The contents went on after a page's footer and header (— 1 — ⏎ 某市人民政府公报…): they
    were cut there, and an entry wrapped before its leader (…就《关于…资金 ⏎ 管理…的通知》答记者问
    ……（7）) lost its first line: the explanation was read as words of the notice before it."""
    text = (
        "江州市人民政府公报\n2023年第4期\n\n目    录\n\n【市政府文件】\n"
        "江州市人民政府关于调整江州市最低工资标准的通知\n（江政发〔2023〕7号）…………………（3）\n\n"
        "— 1 —\n\n江州市人民政府公报                                2023年第4期\n\n【部门文件】\n"
        "江州市财政局关于做好2023年就业补助资金\n管理使用工作的通知（江财社〔2023〕12号）………（5）\n"
        "【政策解读】\n市财政局有关负责人就《关于做好2023年就业补助资金管理使用工作的通知》\n"
        "答记者问…………………………………（7）\n\n— 2 —\n\n"
        "江州市人民政府关于调整江州市最低工资标准的通知\n江政发〔2023〕7号\n各区县人民政府：\n"
        "一、最低工资标准调整为每月2100元。\n江州市人民政府\n2023年4月6日\n\n"
        "江州市财政局关于做好2023年就业补助资金管理使用工作的通知\n江财社〔2023〕12号\n"
        "各区县财政局：\n一、各区县要规范补贴标准。\n江州市财政局\n2023年4月3日\n\n【政策解读】\n\n"
        "市财政局有关负责人就《关于做好2023年就业补助资金\n管理使用工作的通知》答记者问\n\n"
        "问：《通知》出台的背景是什么？\n答：为进一步提高资金使用效益，印发了本通知。\n"
    )
    parsed = parse_gazette(text)
    assert [d.number for d in parsed.documents] == ["江政发〔2023〕7号", "江财社〔2023〕12号"]
    assert not any("答记者问" in c.text for d in parsed.documents for c in d.clauses)
    (explained,) = [s for s in parsed.skipped if s.reason == "政策解读"]
    assert explained.title.endswith("答记者问")


def test_an_ocrs_angle_brackets_and_a_number_wrapped_after_its_year_are_a_documents():
    """江政任〈2024〉6号 (〔〕 read as 〈〉) and 江政办发〔2024〕 ⏎ ３５号 (the number on the next
    line): neither was known as a 文号, so both documents were read into the one before."""
    text = (
        "江泉市人民政府关于印发城市道路挖掘管理办法的通知\n江政发〔2024〕12号\n各区人民政府：\n"
        "一、本办法自２０２４年７月１日起施行，有效期５年。\n江泉市人民政府\n2024年5月20日\n\n"
        "江泉市人民政府办公室\n关于做好2024年防汛抗旱工作的通知\n江政办发〔2024〕\n３５号\n"
        "各区人民政府：\n一、各区要落实防汛责任。\n江泉市人民政府办公室\n2024年5月28日\n\n"
        "江泉市人民政府关于刘建国等同志职务任免的通知\n江政任〈2024〉6号\n各区人民政府：\n"
        "任命刘建国为江泉市发展和改革委员会副主任。\n江泉市人民政府\n2024年6月5日\n"
    )
    first, second, third = parse_gazette(text).documents
    assert [d.number for d in (first, second, third)] == [
        "江政发〔2024〕12号",
        "江政办发〔2024〕35号",
        "江政任〔2024〕6号",
    ]
    assert second.signed_on.isoformat() == "2024-05-28" and third.issuer == "江泉市人民政府"
    # (有效期５年 in full-width digits: its end was not worked out)
    assert first.in_force_until.isoformat() == "2029-06-30"


def test_a_page_number_after_a_lines_words_a_footer_with_its_page_and_the_column_atop_it():
    """…细则。 - 3 - (the page's number glued on), …公报·第 4 页 ⏎ 规范性文件 (a footer with the
    page, then the column's name atop the next page): all were words of the article."""
    text = (
        "桐源县人民政府办公室关于印发农村危房改造补助办法的通知\n桐政办规〔2024〕1号\n各乡镇：\n"
        "第一条 补助标准由县住房城乡建设局另行制定实施细则。 - 3 -\n"
        "第二条 县级审批的程序按照县住房城乡建设局制定的操作规程\n\n桐源县人民政府公报·第 4 页\n"
        "规范性文件\n执行。\n第三条 本办法自印发之日起施行。\n桐源县人民政府办公室\n2024年3月1日\n"
    )
    (doc,) = parse_gazette(text).documents
    words = "\n".join(c.text for c in doc.clauses)
    assert "- 3 -" not in words and "公报·第" not in words and "规范性文件" not in words
    assert doc.clauses[1].text.endswith("实施细则。")


def test_an_imprint_with_its_frequency_and_free_copies_is_the_back_cover():
    """（月刊）, 主管主办：…, 内部资料  免费赠阅: read as the last clause's words."""
    text = (
        "江泉市人民政府关于刘建国等同志职务任免的通知\n江政任〔2024〕6号\n各区人民政府：\n"
        "任命刘建国为江泉市发展和改革委员会副主任。\n江泉市人民政府\n2024年6月5日\n\n"
        "江泉市人民政府公报\n（月刊）\n主管主办：江泉市人民政府办公室\n编辑出版：江泉市人民政府公报编辑部\n"
        "地址：江泉市滨江大道188号\n邮政编码：332000\n电话：0796-8223456\n内部资料  免费赠阅\n"
    )
    parsed = parse_gazette(text)
    assert not any(
        "免费赠阅" in c.text or "（月刊）" in c.text for c in parsed.documents[0].clauses
    )
    (back,) = [s for s in parsed.skipped if s.reason == "封底"]
    assert back.lines == tuple(range(9, 16))  # (its name above: a page's header, 版面)
