"""A fourth round of gazette forms found by probing the importer with issues written for the
purpose (never from the bundled gazettes): OCR text in full-width digits, a form attached to rules
that name it, a back cover's imprint on one line. One test per form."""

from __future__ import annotations

from checklists.standards.parsing import parse_gazette

_NOTICE = (
    "南岭县人民政府办公室文件\n南政办发〔２０２３〕３３号\n"
    "南岭县人民政府办公室关于印发南岭县困难群众临时救助实施细则的通知\n"
    "各乡镇人民政府：\n《南岭县困难群众临时救助实施细则》已经县人民政府同意，现印发给你们。\n"
    "南岭县人民政府办公室\n２０２３年１２月８日\n\n"
    "南岭县困难群众临时救助实施细则\n"
    "第一条  为保障困难群众基本生活，制定本细则。\n"
    "第二条  申请临时救助应当填写《南岭县临时救助申请审批表》（见附件）。\n"
    "第三条  本细则自２０２４年１月１日起施行。\n\n"
    "附件\n南岭县临时救助申请审批表\n申请人姓名：\n申请事由：\n"
)


def test_a_number_in_full_width_digits_heads_its_document():
    """南政办发〔２０２３〕３３号 (OCR, full-width digits) was no 文号: the notice, its rules and
    its form were read as a news item, no document at all."""
    (doc,) = parse_gazette(_NOTICE).documents
    assert (doc.number, doc.issuer) == ("南政办发〔2023〕33号", "南岭县人民政府办公室")
    assert str(doc.signed_on) == "2023-12-08"


def test_a_form_the_rules_name_is_their_annex_not_an_instrument():
    """《…申请审批表》 named in an article and printed after 附件 was split off as a third
    instrument under the same 文号, and 附件 left alone as a clause (ASCII digits here)."""
    ascii_digits = str.maketrans("０１２３４５６７８９", "0123456789")
    (doc,) = parse_gazette(_NOTICE.translate(ascii_digits)).documents
    annex = [c for c in doc.clauses if c.key.endswith("/附件1")]
    assert annex and "南岭县临时救助申请审批表" in annex[0].text


def test_a_document_s_banner_after_a_page_header_is_its_own():
    """…公报  ２０２３年第４期 ⏎ 某县人民政府文件 ⏎ 文号: the banner was taken for the running
    column atop the page, page furniture, and the document lost its issuer line."""
    text = (
        "南岭县人民政府公报\n２０２３年第４期\n\n"
        "南岭县人民政府关于做好冬季安全生产工作的通知\n南政发〔2023〕30号\n各乡镇人民政府：\n"
        "一、各乡镇要开展隐患排查。\n南岭县人民政府\n2023年11月1日\n"
        "                                     — ９ —\n"
        "南岭县人民政府公报                                        ２０２３年第４期\n\n"
        "南岭县人民政府文件\n南政函〔２０２３〕４７号\n"
        "南岭县人民政府关于表彰安全生产工作先进单位的通报\n各乡镇人民政府：\n"
        "一、授予城关镇先进单位称号。\n南岭县人民政府\n2023年12月15日\n"
    )
    parsed = parse_gazette(text)
    last = parsed.documents[-1]
    assert last.number == "南政函〔2023〕47号"
    banner = text.splitlines().index("南岭县人民政府文件") + 1
    assert banner in last.source_lines
    assert not any(banner in s.lines for s in parsed.skipped)


def test_a_running_head_in_full_width_digits_is_page_furniture():
    """南岭县人民政府公报   ２０２３年第４期 between two halves of a sentence stayed in the
    clause's words (in ASCII digits it was dropped)."""
    text = (
        "南岭县人民政府关于印发财务管理办法的通知\n南政发〔2023〕21号\n各乡镇人民政府：\n"
        "第一条  单笔支出在5万元以下的，\n"
        "                                     — ３ —\n"
        "南岭县人民政府公报                                        ２０２３年第４期\n"
        "由村集体经济组织负责人审批。\n南岭县人民政府\n2023年11月30日\n"
    )
    (doc,) = parse_gazette(text).documents
    assert not any("公报" in c.text for c in doc.clauses)


def test_a_back_covers_imprint_on_one_line_is_no_clause():
    """*编辑出版：…办公室　地址：…* (two fields on one line) was read as the last 公告's words."""
    text = (
        "青川市自然资源和规划局公告\n青自然资告〔2024〕4号\n"
        "1. 被征收土地的权利人应在15个工作日内办理登记。\n特此公告。\n"
        "青川市自然资源和规划局\n2024年3月8日\n\n---\n\n*青川市人民政府公报　第3期*\n\n"
        "*编辑出版：青川市人民政府办公室　地址：青川市滨江大道88号*\n"
    )
    parsed = parse_gazette(text)
    assert not any("地址" in c.text for d in parsed.documents for c in d.clauses)
    assert any(s.reason == "封底" for s in parsed.skipped)


def test_minutes_with_no_issue_number_are_a_document_not_news():
    """市政府第12次常务会议纪要 ⏎2024年2月25日，…主持召开…: minutes with no 〔2024〕第N期 under
    their title were skipped as a news item, their decided duties lost to every checklist."""
    text = (
        "某市人民政府关于加强道路管理的通知\n某政发〔2024〕5号\n各县（市、区）人民政府：\n"
        "一、各县（市、区）要加强道路巡查。\n某市人民政府\n2024年2月1日\n\n"
        "市政府第12次常务会议纪要\n\n"
        "2024年2月25日，市长张某主持召开市政府第12次常务会议。会议议定事项如下：\n"
        "一、会议原则同意《某市城市道路挖掘管理办法》，由市城市管理局按程序印发实施。\n"
        "二、会议要求，各县（市、区）要在3月底前完成农贸市场升级改造任务。\n"
    )
    result = parse_gazette(text)
    minutes = [d for d in result.documents if d.title == "市政府第12次常务会议纪要"]
    assert len(minutes) == 1
    assert any("3月底前完成农贸市场升级改造任务" in c.text for c in minutes[0].clauses)
    assert not any(s.reason == "新闻" for s in result.skipped)


def test_a_table_laid_out_with_single_full_width_spaces_is_a_table():
    """检查项目　检查内容　检查结果 ⏎…: rows with one full-width space between cells were read as
    prose, the rows run together in the annex's text."""
    text = (
        "某市人民政府办公室关于印发农贸市场管理规定的通知\n某政办发〔2024〕9号\n"
        "各县（市、区）人民政府：\n现印发给你们，请认真遵照执行。\n"
        "一、农贸市场应当每日开市前进行清扫。\n附件：农贸市场检查记录表\n"
        "某市人民政府办公室\n2024年2月20日\n\n附件\n\n农贸市场检查记录表\n"
        "检查项目　检查内容　检查结果\n环境卫生　地面清洁　合格\n消毒记录　每周消毒　合格\n"
    )
    (doc,) = parse_gazette(text).documents
    (table,) = [c for c in doc.clauses if c.is_table]
    assert table.table[0] == ("检查项目", "检查内容", "检查结果")
    assert len(table.table) == 3
    # (an article's full-width space after its number is no cell)
    assert not any(c.is_table for c in doc.clauses if c.text.startswith("一、"))


def test_a_count_wrapped_onto_the_next_line_joins_its_sentence():
    """…至少检查⏎1次，…: a heading-like line (三、…, no comma) runs on when the next line opens
    with a count; no paragraph opens with 1次."""
    text = (
        "青川市人民政府办公室关于加强建筑工地扬尘治理的通知\n青政办字〔2024〕15号\n"
        "各区县人民政府，市政府各部门：\n现就有关事项通知如下：\n"
        "三、各区县住建部门每月对辖区内在建工地至少检查\n1次，检查结果于次月5日前报市住建局。\n"
        "青川市人民政府办公室\n2024年5月6日\n"
    )
    (doc,) = parse_gazette(text).documents
    assert (
        doc.clauses[-1].text
        == "三、各区县住建部门每月对辖区内在建工地至少检查1次，检查结果于次月5日前报市住建局。"
    )


def test_decimal_items_under_a_heading_with_no_whole_number_nest_under_it():
    """二、重点任务 ⏎ 1.1 … ⏎ 1.2 … ⏎ （1）… ⏎ 三、保障措施: the 1.1 items were lifted to the top
    and 三 was filed under 1.2 (a decimal ranked above 一、 by convention)."""
    text = (
        "南岭市人民政府办公室关于印发燃气安全整治方案的通知\n南政办发〔2023〕9号\n"
        "各县（市、区）人民政府：\n现将方案印发给你们，请认真贯彻落实。\n"
        "一、工作目标\n2023年12月底前完成隐患整改。\n二、重点任务\n"
        "1.1 燃气经营企业每月至少开展1次自查。\n1.2 餐饮企业应当安装可燃气体报警装置。\n"
        "（1）气瓶存放量不得超过2瓶。\n三、保障措施\n各县（市、区）要于每月25日前报送进展。\n"
    )
    (doc,) = parse_gazette(text).documents
    keys = [c.key.split("/", 1)[1] for c in doc.clauses if "/" in c.key]
    assert keys == ["一", "二", "二/1.1", "二/1.2", "二/1.2/（1）", "三"]
