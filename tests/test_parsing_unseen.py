"""More gazette forms found by probing the importer with texts written for the purpose (never
taken from the bundled gazettes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checklists.standards.parsing import parse_gazette


def test_a_number_line_after_the_last_article_then_a_title_starts_a_document():
    """…第二条 本办法自…起施行。 then 临江政发〔2023〕9号 alone, then 关于…的通知: the article's
    sentence has ended and a title follows, so the 文号 heads a document of its own."""
    text = (
        "临江政发〔2023〕8号\n临江市人民政府关于印发临江市养犬管理办法的通知\n"
        "各区人民政府，市政府各部门：\n现将《临江市养犬管理办法》印发给你们。\n临江市人民政府\n"
        "2023年8月3日\n临江市养犬管理办法\n第一条 为了加强养犬管理，制定本办法。\n"
        "第二条 本办法自2023年9月1日起施行。\n临江政发〔2023〕9号\n"
        "临江市人民政府关于做好2023年防汛工作的通知\n各区人民政府，市政府各部门：\n"
        "现就做好防汛工作通知如下。\n临江市人民政府\n2023年8月5日\n"
    )
    first, second = parse_gazette(text).documents
    assert first.clauses[-1].text == "第二条 本办法自2023年9月1日起施行。"
    assert (second.number, second.title) == ("临江政发〔2023〕9号", "关于做好2023年防汛工作的通知")
    assert str(second.signed_on) == "2023-08-05"


def test_a_number_cited_in_a_wrapped_sentence_stays_in_it():
    text = (
        "临江政发〔2023〕8号\n临江市人民政府关于加强管理的通知\n各区人民政府：\n"
        "一、各区要按照\n临江政发〔2022〕3号\n文件要求落实。\n临江市人民政府\n2023年8月3日\n"
    )
    (doc,) = parse_gazette(text).documents
    assert "临江政发〔2022〕3号" in doc.clauses[-1].text


_ORDER_AND_PROCLAMATION = (
    "青山县人民政府公报\n2023年第2期\n目录\n青山县人民政府令（第3号）\n青山县城市绿化管理办法\n"
    "青山县人民政府公告\n青山县人民政府关于禁止燃放烟花爆竹的公告\n"
    "青山县人民政府令\n第3号\n《青山县城市绿化管理办法》已经2023年3月10日县人民政府常务会议通过，"
    "现予公布，自2023年5月1日起施行。\n县长 王强\n2023年3月20日\n青山县城市绿化管理办法\n"
    "第一条 为了促进城市绿化事业的发展，制定本办法。\n第二条 本办法自2023年5月1日起施行。\n"
    "— 5 —\n青山县人民政府公告\n〔2023〕第1号\n关于禁止燃放烟花爆竹的公告\n"
    "现就有关事项公告如下：\n一、县城建成区范围内全年禁止燃放烟花爆竹。\n"
    "二、违反本公告规定燃放烟花爆竹的，由公安机关依法予以处罚。\n青山县人民政府\n2023年3月25日\n"
)


def test_a_contents_with_no_pages_lists_an_order_that_heads_a_document_below_only():
    docs = parse_gazette(_ORDER_AND_PROCLAMATION).documents
    assert [(d.number, d.title, str(d.signed_on)) for d in docs] == [
        ("青山县人民政府令第3号", "青山县城市绿化管理办法", "2023-03-20"),
        ("青山县人民政府公告〔2023〕第1号", "关于禁止燃放烟花爆竹的公告", "2023-03-25"),
    ]


def test_a_proclamation_numbered_in_its_year_after_the_last_article_is_its_own():
    order, notice = parse_gazette(_ORDER_AND_PROCLAMATION).documents
    assert order.clauses[-1].text.startswith("第二条 本办法自2023年5月1日起施行。")
    assert "烟花爆竹" not in "".join(c.text for c in order.clauses)
    assert [c.key.rsplit("/", 1)[-1] for c in notice.clauses][-2:] == ["一", "二"]


def test_a_contents_entry_with_its_number_inline_is_no_document():
    text = (
        "南岭市人民政府公报\n目    录\n市政府文件\n"
        "南岭市人民政府关于印发南岭市政府投资项目管理办法的通知（南府发〔2023〕8号）\n"
        "南岭市人民政府办公室关于加强安全生产工作的通知（南府办发〔2023〕21号）\n"
        "南府发〔2023〕8号\n南岭市人民政府关于印发南岭市政府投资项目管理办法的通知\n"
        "各县（市、区）人民政府：\n现印发给你们。\n南岭市人民政府\n2023年6月2日\n"
        "南府办发〔2023〕21号\n南岭市人民政府办公室关于加强安全生产工作的通知\n"
        "各县（市、区）人民政府：\n一、压实责任。\n南岭市人民政府办公室\n2023年6月15日\n"
    )
    docs = parse_gazette(text).documents
    assert [(d.number, str(d.signed_on)) for d in docs] == [
        ("南府发〔2023〕8号", "2023-06-02"),
        ("南府办发〔2023〕21号", "2023-06-15"),
    ]


def test_the_lines_of_a_labelled_or_numbered_list_stay_lines():
    """组  长：…⏎副组长：… and 附件：1.…⏎2.2022年度…: each line of the list stays its own, not run
    on into the one before as a hard wrap would be."""
    text = (
        "江州市人民政府关于成立领导小组的通知\n江政字〔2023〕3号\n各部门：\n"
        "为加强领导，成立领导小组，组成如下：\n组  长：王建国  市长\n副组长：张华    副市长\n"
        "成  员：李四    市财政局局长\n附件：1.2022年度获奖项目\n2.2022年度获奖人员\n"
        "江州市人民政府\n2023年5月1日\n"
    )
    (doc,) = parse_gazette(text).documents
    lines = doc.clauses[0].text.splitlines()
    assert "副组长：张华    副市长" in lines and "成  员：李四    市财政局局长" in lines
    assert "2.2022年度获奖人员" in lines


def test_a_number_broken_by_a_wrap_is_still_joined():
    text = (
        "江州市人民政府关于补助的通知\n江政字〔2023〕4号\n各部门：\n一、每户补助8\n000元。\n"
        "江州市人民政府\n2023年5月1日\n"
    )
    (doc,) = parse_gazette(text).documents
    assert doc.clauses[-1].text.endswith("每户补助8000元。")


_WRAPPED_AT_A_WIDTH = (
    "石门县人民政府文件\n石政发〔2024〕9号\n石门县人民政府关于印发医疗保险实施办法的通知\n"
    "各乡镇人民政府，县直各单位：\n现将《石门县城乡居民基本医疗保险实施办法》印发给你们。\n"
    "石门县人民政府\n2024年3月5日\n石门县城乡居民基本医疗保险实施办法\n第一章　总　则\n"
    "第一条　为健全城乡居民基本医疗保险制度，保障参保人员\n"
    "基本医疗需求，根据《中华人民共和国社会保险法》等法律法\n规，结合本县实际，制定本办法。\n"
    "第二条　本办法适用于本县行政区域内城乡居民基本医疗保险\n"
    "的参保缴费、待遇享受和基金管理等活动。\n第二章　参保缴费\n"
    "第三条　除职工基本医疗保险应参保人员以外的其他所有城乡\n居民，均可参加城乡居民基本医疗保险。\n"
    "第四条　城乡居民医保实行个人缴费与政府补助相结合的筹资\n"
    "方式。个人缴费标准按照省、市规定执行。\n"
    "第五条　参保人员住院发生的政策范围内医疗费用由医保基金\n按规定比例支付。\n"
)


def test_a_line_that_fills_the_text_s_width_runs_on_without_a_comma():
    """A PDF's text wrapped at its width (28 characters, GB/T 9704): a full line with no comma
    (…以外的其他所有城乡⏎居民，…) runs on into the next, as one with a comma does; short
    headings (第二章　参保缴费) stay lines of their own."""
    (doc,) = parse_gazette(_WRAPPED_AT_A_WIDTH).documents
    texts = {c.key.rsplit("/", 1)[-1]: c.text for c in doc.clauses}
    third = "第三条　除职工基本医疗保险应参保人员以外的其他所有城乡居民，"
    assert texts["第三条"] == third + "均可参加城乡居民基本医疗保险。"
    assert texts["第四条"].startswith(
        "第四条　城乡居民医保实行个人缴费与政府补助相结合的筹资方式。"
    )
    assert texts["第五条"].endswith("由医保基金按规定比例支付。")
    assert texts["第二章"] == "第二章　参保缴费"


def test_an_even_page_s_running_header_is_page_furniture():
    """·10·　　南溪市人民政府公报 (the page number first) and 2024年第6期 alone, at the top of
    a later page: a running header, in no clause."""
    text = (
        "南溪市人民政府公报\n2024年第6期\n南溪市人民政府办公室文件\n南府办发〔2024〕22号\n"
        "南溪市人民政府办公室关于加强防汛工作的通知\n各县（区）人民政府：\n"
        "一、各县（区）要落实防汛责任，\n·10·　　　南溪市人民政府公报\n加强隐患排查。\n"
        "二、各部门要做好物资储备，\n2024年第6期\n确保防汛需要。\n南溪市人民政府办公室\n"
        "2024年5月6日\n"
    )
    (doc,) = parse_gazette(text).documents
    texts = [c.text for c in doc.clauses]
    assert "一、各县（区）要落实防汛责任，加强隐患排查。" in texts
    assert "二、各部门要做好物资储备，确保防汛需要。" in texts


def test_a_proclamation_with_no_number_whose_first_sentence_wraps_is_a_document():
    """关于…的通告 after another document's date, with no 文号 and no addressee line: its first
    sentence (wrapped, no colon at the line's end) opens it, as an addressee line would."""
    text = (
        "石门县人民政府办公室关于加强城区餐厨废弃物管理的通知\n石政办发〔2024〕14号\n"
        "各乡镇人民政府、街道办事处，县直有关单位：\n现就有关事项通知如下：\n"
        "一、县城市管理局要定期开展联合检查。\n石门县人民政府办公室\n2024年3月15日\n"
        "石门县人民政府关于禁止在城区燃放烟花爆竹的通告\n"
        "为保护环境，保障公共安全和人身财产安全，根据《烟花爆竹\n"
        "安全管理条例》等规定，现就有关事项通告如下：\n"
        "一、本县城区全年禁止燃放烟花爆竹。\n二、本通告自发布之日起施行。\n"
        "石门县人民政府\n2024年3月18日\n"
    )
    first, second = parse_gazette(text).documents
    assert [c.key for c in first.clauses] == ["石政办发〔2024〕14号", "石政办发〔2024〕14号/一"]
    assert (second.number, second.title) == (None, "关于禁止在城区燃放烟花爆竹的通告")
    assert str(second.signed_on) == "2024-03-18"
    assert [c.key.split("/")[-1] for c in second.clauses][1:] == ["一", "二"]


def test_an_order_listed_by_its_rules_title_and_short_number_keeps_its_articles():
    """目录: 江州市公共数据管理办法（第15号）……（2）: the order's rules, listed by their title and
    the order's number; their articles are the order's clauses, no news item."""
    text = (
        "江州市人民政府公报\n2024年第3期\n目　　录\n市政府令\n"
        "江州市公共数据管理办法（第15号）……………………（2）\n"
        "江州市人民政府令\n第 15 号\n"
        "《江州市公共数据管理办法》已经市人民政府常务会议通过，现予公布。\n"
        "市　长　周明远\n2024年2月20日\n江州市公共数据管理办法\n第一章　总则\n"
        "第一条　为了规范公共数据管理，制定本办法。\n第二条　本办法自2024年4月1日起施行。\n"
    )
    result = parse_gazette(text)
    (doc,) = result.documents
    assert [c.key.split("/")[-1] for c in doc.clauses][-2:] == ["第一条", "第二条"]
    assert all(s.reason != "新闻" for s in result.skipped)


def test_rules_titled_with_their_order_in_brackets_are_one_document_with_the_order_s_page():
    """南溪市电动自行车安全管理规定 above （南溪市人民政府令第57号）, the articles, then the order's
    own page (南溪市人民政府令 第57号 …现予公布 市长 日期): one document, numbered by the order,
    titled by the rules, signed on the order's date; nothing of the order's page is skipped."""
    text = (
        "南溪市人民政府公报\n2024年第8期\n目　　录\n南溪市电动自行车安全管理规定\n"
        "南溪市人民政府令第57号………………………12\n"
        "南溪市电动自行车安全管理规定\n（南溪市人民政府令第57号）\n第一章　总　则\n"
        "第一条　为了加强电动自行车安全管理，制定本规定。\n"
        "第二条　本规定自2024年10月1日起施行。\n南溪市人民政府令\n第57号\n"
        "《南溪市电动自行车安全管理规定》已经市人民政府常务会议通过，现予公布。\n"
        "市长　吴　海\n2024年8月9日\n"
    )
    result = parse_gazette(text)
    (doc,) = result.documents
    assert (doc.number, doc.title) == ("南溪市人民政府令第57号", "南溪市电动自行车安全管理规定")
    assert str(doc.signed_on) == "2024-08-09"
    assert "现予公布" in "".join(c.text for c in doc.clauses)
    assert [s.reason for s in result.skipped if s.reason not in ("封面/刊头", "目录", "版面")] == []


def test_rules_under_their_title_with_the_order_that_made_them_are_a_document():
    """江州市户外广告设置管理办法 ⏎（2024年1月8日江州市人民政府令第3号公布 ⏎自2024年3月1日起施行）
    then the articles, no order's page: a document numbered by the order, made on its date
    (it was skipped whole, as the cover or as news)."""
    text = (
        "江州市人民政府公报\n2024年第3期\n目　　录\n江州市户外广告设置管理办法……………………（2）\n"
        "江州市人民政府关于做好防汛工作的通知…………（5）\n江州市户外广告设置管理办法\n"
        "（2024年1月8日江州市人民政府令第3号公布\n自2024年3月1日起施行）\n第一章　总则\n"
        "第一条　为了规范户外广告设置，制定本办法。\n"
        "第二条　户外广告设置人应当每季度至少进行一次安全检查。\n"
        "第三条　本办法自2024年3月1日起施行。\n江政发〔2024〕5号\n"
        "江州市人民政府关于做好防汛工作的通知\n各县（市、区）人民政府：\n一、各县要落实责任。\n"
        "江州市人民政府\n2024年5月6日\n"
    )
    rules, notice = parse_gazette(text).documents
    assert (rules.number, rules.title) == ("江州市人民政府令第3号", "江州市户外广告设置管理办法")
    assert str(rules.signed_on) == "2024-01-08" and str(rules.in_force_from) == "2024-03-01"
    assert [c.key.split("/")[-1] for c in rules.clauses][-3:] == ["第一条", "第二条", "第三条"]
    assert notice.number == "江政发〔2024〕5号"


_SIGNED = (
    "某县人民政府关于做好养老保险工作的通知\n某政发〔2024〕22号\n各乡镇人民政府：\n"
    "为做好城乡居民基本养老保险工作，现就有关事项通知如下：\n"
    "（一）做好参保扩面。各乡镇要全面开展参保动员。\n某县人民政府\n2024年5月10日\n"
)


def test_a_column_of_the_month_s_events_after_a_document_is_skipped():
    result = parse_gazette(
        _SIGNED
        + "政务动态\n4月1日 县政府召开全县耕地保护工作推进会。\n4月9日 县长带队对接重点项目。\n"
    )
    (doc,) = result.documents
    assert "耕地" not in "".join(c.text for c in doc.clauses)
    assert [(s.title, s.reason) for s in result.skipped] == [("政务动态", "大事记")]


def test_a_document_explained_as_questions_and_answers_is_skipped():
    result = parse_gazette(
        _SIGNED + "政策问答\n一、为什么要出台此通知？\n为进一步扩大参保覆盖面。\n"
        "二、主要内容有哪些？\n通知明确了参保扩面等三项任务。\n"
    )
    (doc,) = result.documents
    assert [c.key.split("/")[-1] for c in doc.clauses] == ["某政发〔2024〕22号", "（一）"]
    assert [(s.title, s.reason) for s in result.skipped] == [("政策问答", "政策解读")]


@pytest.mark.parametrize(
    ("rows", "cells"),
    [
        # numbered rows under their header
        (
            "序号 路面类型 收费标准（元/平方米）\n1 沥青混凝土路面 420\n2 水泥混凝土路面 380\n",
            [("序号", "路面类型", "收费标准（元/平方米）"), ("1", "沥青混凝土路面", "420")],
        ),
        # named rows, and a total with fewer cells
        (
            "乡镇 播种面积 总产量\n城关镇 3.2 1.5\n龙泉乡 4.8 2.3\n合计 8.0\n",
            [("乡镇", "播种面积", "总产量"), ("城关镇", "3.2", "1.5")],
        ),
    ],
)
def test_a_table_laid_out_with_single_spaces_is_a_table(rows, cells):
    """A PDF's table as text, its cells apart by one space: a table, its numbers whole (as
    text, the rows ran together: 4202 水泥混凝土路面 3803)."""
    text = (
        "清政发〔2024〕25号\n清河县人民政府关于公布道路挖掘修复收费标准的通知\n各乡镇人民政府：\n"
        "现将收费标准公布如下。\n附件\n道路挖掘修复收费标准\n"
        + rows
        + "清河县人民政府\n2024年6月3日\n"
    )
    (doc,) = parse_gazette(text).documents
    (table,) = [c for c in doc.clauses if c.is_table]
    assert list(table.table[:2]) == cells
    assert "4202" not in table.text and "3803" not in table.text


def test_a_wrapped_sentence_with_spaces_around_its_numbers_is_no_table():
    text = (
        "清政发〔2024〕26号\n清河县人民政府关于加强金融风险防控的通知\n各乡镇人民政府：\n"
        "一、严厉打击恶意逃废债务行为，处置不良贷款 60 亿元，确保\n"
        "风险不外溢扩散，推进企业改制，确保 50% 的规模以上\n"
        "企业完成改制任务，培育上市后备企业 10 家，实现\n直接融资100亿元以上。\n"
        "清河县人民政府\n2024年6月3日\n"
    )
    (doc,) = parse_gazette(text).documents
    assert not any(c.is_table for c in doc.clauses)


@pytest.mark.parametrize(
    "banner_line",
    ["临江市人民政府文件　临政发〔2024〕3号", "# 临江市人民政府办公室文件  临政发〔2024〕3号"],
)
def test_a_banner_and_its_number_on_one_line(banner_line):
    text = (
        banner_line + "\n临江市人民政府关于加强城市供水安全管理的意见\n各县（市、区）人民政府：\n"
        "一、各县要落实供水安全责任。\n临江市人民政府\n2024年3月1日\n"
    )
    (doc,) = parse_gazette(text).documents
    assert doc.number == "临政发〔2024〕3号"
    assert doc.clauses[-1].key == "临政发〔2024〕3号/一"


def test_a_markdown_converter_s_leftovers_are_no_text():
    """Pandoc's escapes (1\\. …), its line breaks (a trailing backslash), an aligned table rule
    (|:--:|--:|) and a cell wrapped outside its pipes: read as the text and table they are."""
    text = (
        "临政发〔2024〕8号\n临江市人民政府关于加强物业管理的通知\n各县（市、区）人民政府：\n"
        "一、业主大会决定下列事项：\n1\\. 制定和修改管理规约；\n2\\. 选举业主委员会。\\\n"
        "附件\n任务分工表\n| 序号 | 任务 | 完成时限 |\n|:--:|:--|--:|\n"
        "| 1 | 清理违规涉企收费 | 2024年6\n月 |\n| 2 | 推行一件事一次办 | 2024年12月 |\n"
        "临江市人民政府\n2024年3月1日\n"
    )
    (doc,) = parse_gazette(text).documents
    by_key = {c.key.split("/", 1)[-1]: c for c in doc.clauses}
    assert by_key["一/1"].text == "1. 制定和修改管理规约；"
    assert by_key["一/2"].text == "2. 选举业主委员会。"
    (table,) = [c for c in doc.clauses if c.is_table]
    assert list(table.table) == [
        ("序号", "任务", "完成时限"),
        ("1", "清理违规涉企收费", "2024年6月"),
        ("2", "推行一件事一次办", "2024年12月"),
    ]


def test_an_ocr_s_spaces_inside_numbers_and_between_cells():
    """第 一 章 / 第 一 条 / 第二 条 (spaces inside the number), an article spaced out like a
    table row (第三条  参保人员  应当…) and a page number with spaced digits (- 1 2 -): read as
    the chapters, articles and page furniture they are."""
    text = (
        "某政发〔2016〕12号\n某县人民政府关于印发管理办法的通知\n各乡镇：\n第 一 章 总 则\n"
        "第 一 条 为加强管理，制定本办法。\n第二 条 村集体经济组织应当建立资产台账。\n"
        "第三条  参保人员  应当按时缴费。\n- 1 2 -\n第 二 章 附 则\n"
        "第 四 条 本办法自发布之日起施行。\n"
        "某县人民政府\n2016年3月12日\n"
    )
    result = parse_gazette(text)
    (doc,) = result.documents
    keys = [c.key.split("/", 1)[-1] for c in doc.clauses if "/" in c.key]
    assert keys == [
        "第一章",
        "第一章/第一条",
        "第一章/第二条",
        "第一章/第三条",
        "第二章",
        "第二章/第四条",
    ]
    assert not any(c.is_table for c in doc.clauses)
    assert "1 2" not in "".join(c.text for c in doc.clauses)


def test_a_title_and_its_number_on_one_line_and_a_signature_on_one_line():
    """某县人民政府关于甲事项的通知 某政发[2016]8号 after the date the document before was signed
    on heads a document (it was filed under the one before, its items ~2); 某县人民政府
    2016年3月12日 is its signature and date (they were text of its last item)."""
    text = (
        "某政发〔2016〕7号\n某县人民政府关于乙事项的通知\n各乡镇：\n一、做好工作。\n某县人民政府\n"
        "2016年3月1日\n某县人民政府关于甲事项的通知 某政发[2016]8号\n各乡镇：\n一、总体要求。\n"
        "二、工作措施。\n某县人民政府 2016年3月12日\n"
    )
    first, second = parse_gazette(text).documents
    assert (second.number, second.title, str(second.signed_on)) == (
        "某政发〔2016〕8号",
        "关于甲事项的通知",
        "2016-03-12",
    )
    assert second.clauses[-1].text == "二、工作措施。"
    assert [c.key for c in first.clauses] == ["某政发〔2016〕7号", "某政发〔2016〕7号/一"]


def test_a_half_width_full_stop_ends_a_line_s_sentence():
    text = (
        "某政发〔2016〕9号\n某县人民政府关于加强管理的通知\n各乡镇：\n"
        "一、本通知自2016年4月1日起施行，各乡镇、县直各部门要认真组织学习并抓好落实.\n"
        "各乡镇要做好宣传。\n某县人民政府\n2016年3月12日\n"
    )
    (doc,) = parse_gazette(text).documents
    assert doc.clauses[-1].text.endswith("抓好落实.\n各乡镇要做好宣传。")


def test_a_table_row_with_a_figure_of_one_digit_stays_in_its_table():
    """东湖区        8        154.5: a one-digit cell is a cell (the row fell out of its table,
    into the annex's text above it, and split the table in two)."""
    text = (
        "青财教〔2021〕88号\n青川市财政局关于下达科技专项资金的通知\n各区财政局：\n"
        "现将资金下达给你们。\n青川市财政局\n2021年9月10日\n附件\n科技专项资金分配表\n"
        "地区          企业数（家）      补助金额\n青川市本级    12                 286\n"
        "东湖区        8                  154.5\n白石县        5                  97\n"
        "合计          25                 537.5\n"
    )
    (doc,) = parse_gazette(text).documents
    (table,) = [c for c in doc.clauses if c.is_table]
    assert [row[0] for row in table.table] == ["地区", "青川市本级", "东湖区", "白石县", "合计"]


def test_a_paragraph_opening_with_a_noun_of_di_is_no_wrapped_particle():
    """一、主要预期目标⏎地区生产总值增长…: 地区 opens a paragraph (it was glued onto the heading
    as if 地 were the particle of a wrapped line, 认真⏎地落实)."""
    text = (
        "某政发〔2021〕3号\n某县人民政府关于印发测试办法的通知\n各乡镇人民政府：\n"
        "一、主要预期目标\n地区生产总值增长7.5%左右。\n二、工作要求\n各乡镇要认真\n地落实。\n"
        "某县人民政府\n2021年3月5日\n"
    )
    (doc,) = parse_gazette(text).documents
    texts = [c.text for c in doc.clauses]
    assert "一、主要预期目标\n地区生产总值增长7.5%左右。" in texts
    assert any(t.endswith("各乡镇要认真地落实。") for t in texts)


def test_a_gazette_s_column_headings_are_furniture_and_a_work_report_is_named():
    """【部门文件】, ·人事任免· between documents are the gazette's columns (they were glued onto
    the last clause before them); a 政府工作报告 is skipped as a work report, not as news."""
    text = (
        "清政办发〔2021〕15号\n清源县人民政府办公室关于加强管理的通知\n各乡镇：\n"
        "一、强化资金保障。县财政每年安排专项资金。\n清源县人民政府办公室\n2021年3月26日\n"
        "【部门文件】\n清源县教育局关于规范校外培训的通知\n清教〔2021〕22号\n各学校：\n"
        "一、规范办学行为。\n清源县教育局\n2021年4月2日\n·人事任免·\n【政府工作报告】\n"
        "政府工作报告\n——2021年2月26日在清源县第十七届人民代表大会第五次会议上\n各位代表：\n"
        "现在，我代表县人民政府向大会报告工作，请予审议。\n"
    )
    result = parse_gazette(text)
    body = "".join(c.text for d in result.documents for c in d.clauses)
    assert "部门文件" not in body and "人事任免" not in body and "政府工作报告" not in body
    assert [d.number for d in result.documents] == ["清政办发〔2021〕15号", "清教〔2021〕22号"]
    assert "工作报告" in [s.reason for s in result.skipped]


def test_joint_issuers_below_the_number_are_named_one_by_one():
    text = (
        "某财〔2021〕5号\n中共清源县委组织部 清源县人力资源和社会保障局\n关于调整使用范围的通知\n"
        "各单位：\n一、使用范围。\n2021年5月20日\n"
    )
    (doc,) = parse_gazette(text).documents
    assert (doc.issuer, doc.title) == (
        "中共清源县委组织部、清源县人力资源和社会保障局",
        "关于调整使用范围的通知",
    )


def test_a_registration_number_and_a_validity_line_of_a_normative_document():
    """登记号 JNJT-2021-0007 and 有效期至… under the 文号 are the header's (they were the
    title's first words, and the window was not read); the next document's 登记号 above its
    banner is no text of the document before (it was glued to its last line)."""
    text = (
        "江南省交通运输厅文件\n江交规〔2021〕2号\n登记号 JNJT-2021-0007\n有效期至2026年4月30日\n\n"
        "江南省交通运输厅关于印发《江南省道路货运\n车辆超限治理办法》的通知\n\n各设区市交通运输局：\n"
        "现将《江南省道路货运车辆超限治理办法》印发给你们。\n第一条 为加强超限治理，制定本办法。\n"
        "第二条 本办法自2021年5月1日起施行。\n江南省交通运输厅\n2021年4月20日\n"
        "（有效期：2021年5月1日至2026年4月30日）\n\n登记号 JNJT-2021-0008\n江南省交通运输厅文件\n"
        "江交规〔2021〕3号\n\n江南省交通运输厅关于公路养护工程管理的通知\n\n各设区市交通运输局：\n"
        "一、总体要求。加强公路养护管理。\n江南省交通运输厅\n2021年5月8日\n"
    )
    first, second = parse_gazette(text).documents
    assert first.title == "关于印发《江南省道路货运车辆超限治理办法》的通知"
    assert (str(first.in_force_from), str(first.in_force_until)) == ("2021-05-01", "2026-04-30")
    body = "".join(c.text for d in (first, second) for c in d.clauses)
    assert "登记号" not in body
    assert second.number == "江交规〔2021〕3号"


def test_a_form_drawn_with_box_characters_is_a_table():
    """┌──┬──┐ │企业名称  │  │: a form drawn with box characters (it was flattened into one
    line, its rules and all); a row of one cell across the form is its words."""
    text = (
        "青政办规〔2021〕7号\n青川市人民政府办公室关于印发补助办法的通知\n各区政府：\n"
        "现将办法印发给你们。\n青川市人民政府办公室\n2021年8月16日\n附件3\n补助申请表\n"
        "┌────────────┬──────────────┬──────────┬────────────┐\n"
        "│企业名称    │              │统一社会信用│            │\n"
        "├────────────┼──────────────┼──────────┼────────────┤\n"
        "│联系人      │              │联系电话    │            │\n"
        "├────────────┴──────────────┴──────────┴────────────┤\n"
        "│区县科技部门意见：                                      │\n"
        "└────────────────────────────────────────────────────────┘\n"
    )
    (doc,) = parse_gazette(text).documents
    (table,) = [c for c in doc.clauses if c.is_table]
    assert [row[0] for row in table.table] == ["企业名称", "联系人"]
    annex = next(c for c in doc.clauses if c.key.endswith("附件3"))
    assert annex.text.endswith("区县科技部门意见：")
    assert "─" not in "".join(c.text for c in doc.clauses)


def test_roman_numbering_and_a_plan_s_parts_are_levels():
    """Ⅰ. 总体目标 ⏎ Ⅱ. 重点任务 ⏎ 1. … and 第二部分 降低企业经营成本 ⏎ 3．…: levels above the
    items (they were text of the item before, the items after them keyed 1~2, 2~2)."""
    text = (
        "青政办发〔2022〕9号\n青山县人民政府办公室关于做好稳就业工作的实施意见\n各乡镇人民政府：\n"
        "现提出如下实施意见。\nⅠ. 总体目标\n到2025年，普及率达到90%以上。\nⅡ. 重点任务\n"
        "1. 推进农村厕所革命\n2. 推进生活污水治理\nⅢ. 保障措施\n1. 强化组织领导\n"
        "第一部分 提升政务服务效能\n1．推行“一网通办”。\n第二部分 降低企业经营成本\n"
        "2．落实减税降费政策。\n青山县人民政府办公室\n2022年3月25日\n"
    )
    (doc,) = parse_gazette(text).documents
    keys = [c.key.split("/", 1)[1] for c in doc.clauses if "/" in c.key]
    assert keys == [
        "Ⅰ",
        "Ⅱ",
        "Ⅱ/1",
        "Ⅱ/2",
        "Ⅲ",
        "Ⅲ/1",
        "第一部分",
        "第一部分/1",
        "第二部分",
        "第二部分/2",
    ]


def test_a_word_list_s_half_bracket_items_hold_their_bracketed_ones():
    text = (
        "青政办发〔2022〕9号\n青山县人民政府办公室关于做好稳就业工作的实施意见\n各乡镇人民政府：\n"
        "现提出如下实施意见。\n1) 落实阶段性降费率政策。\n2) 发放稳岗返还。\n"
        "(1) 大型企业返还50%；\n(2) 中小微企业返还90%。\n3) 支持企业吸纳就业。\n"
        "青山县人民政府办公室\n2022年3月25日\n"
    )
    (doc,) = parse_gazette(text).documents
    keys = [c.key.split("/", 1)[1] for c in doc.clauses if "/" in c.key]
    assert keys == ["1）", "2）", "2）/（1）", "2）/（2）", "3）"]


def test_a_footnote_s_divider_is_a_rule_accounted_for():
    text = (
        "河政发〔2023〕7号\n河西省人民政府关于印发节能减排方案的通知\n各市人民政府：\n"
        "一、主要目标。\n（二）园区节能环保提升工程。\n——————————\n① 以下简称《国家方案》。\n"
        "河西省人民政府\n2023年2月20日\n"
    )
    result = parse_gazette(text)
    (doc,) = result.documents
    assert "——" not in "".join(c.text for c in doc.clauses)
    assert 6 in [n for s in result.skipped for n in s.lines]


def test_a_spaced_table_s_cell_wrapped_onto_the_next_line_stays_in_its_cell():
    text = (
        "河政发〔2023〕8号\n河西省人民政府关于公布非遗名录的通知\n各市人民政府：\n现予公布。\n"
        "河西省人民政府\n2023年3月1日\n附件\n非遗代表性项目名录\n一、民间文学（3项）\n"
        "序号  项目编号      项目名称              申报地区或单位\n"
        "1     Ⅰ-21         白水河传说            白水市白水县\n"
        "2     Ⅰ-22         金城古渡口的故      金城市文化馆\n"
        "                    事\n"
        "3     Ⅰ-23         临港渔歌谣谚          河西市临港开发区\n"
    )
    (doc,) = parse_gazette(text).documents
    (table,) = [c for c in doc.clauses if c.is_table]
    assert [row[2] for row in table.table][1:] == ["白水河传说", "金城古渡口的故事", "临港渔歌谣谚"]
    assert all(not c.text.endswith("事") for c in doc.clauses if not c.is_table)


def test_an_annex_s_own_annex_nests_under_it():
    """附件1 …附件：某办法 ⏎ 附件 ⏎ 某办法 ⏎ 附件2: the first annex's own annex is under it (it
    took the number 附件2, and the real 附件2 became 附件2~2; its 附件： line went to the
    notice)."""
    text = (
        "江政办发〔2021〕15号\n江州市人民政府办公室关于印发老旧小区改造工作方案的通知\n"
        "各区县人民政府：\n现将方案印发给你们。\n附件：1.江州市老旧小区改造工作方案\n"
        "2.江州市2021年老旧小区改造项目清单\n江州市人民政府办公室\n2021年3月12日\n附件1\n"
        "江州市老旧小区改造工作方案\n一、改造范围。2000年底前建成的住宅小区。\n"
        "二、资金支持。具体分配办法见附件。\n附件：江州市老旧小区改造资金分配办法\n附件\n"
        "江州市老旧小区改造资金分配办法\n一、资金来源。中央补助资金。\n附件2\n"
        "江州市2021年老旧小区改造项目清单\n一、江北区纺织厂宿舍，456户。\n"
    )
    (doc,) = parse_gazette(text).documents
    keys = [c.key.split("/", 1)[1] for c in doc.clauses if "/" in c.key]
    assert keys == [
        "附件1",
        "附件1/一",
        "附件1/二",
        "附件1/附件",
        "附件1/附件/一",
        "附件2",
        "附件2/一",
    ]
    assert "资金分配办法" not in doc.clauses[0].text


def test_a_note_s_numbered_points_stay_the_note_s():
    text = (
        "河政发〔2023〕7号\n河西省人民政府关于印发节能减排方案的通知\n各市人民政府：\n一、主要目标。\n"
        "二、各市目标。\n地区    目标    备注\n河西市    14    含新区\n金城市    15    重点城市\n"
        "注：1.能耗强度降低目标不含国家单列的重大项目能耗。\n2.各市可根据实际制定更高目标。\n"
        "三、保障措施。\n河西省人民政府\n2023年2月20日\n"
    )
    (doc,) = parse_gazette(text).documents
    keys = [c.key.split("/", 1)[1] for c in doc.clauses if "/" in c.key]
    assert keys == ["一", "二", "二/表1", "三"]
    assert doc.clauses[2].text.endswith(
        "注：1.能耗强度降低目标不含国家单列的重大项目能耗。\n2.各市可根据实际制定更高目标。"
    )


def test_a_table_over_a_page_break_loses_its_furniture():
    """— 12 — under a spaced table's row is the page's number (it was glued into a cell); the
    gazette's header numbered 第9号, 续表 and the header row printed again are page furniture
    (they were clause text, and the repeated header a table of its own)."""
    text = (
        "湘阳政发〔2021〕14号\n湘阳省人民政府关于公布非遗名录的通知\n各市人民政府：\n现予公布。\n"
        "湘阳省人民政府\n2021年9月1日\n附件\n非遗名录\n"
        "序号   项目编号    项目名称                 申报地区或单位\n"
        "8      Ⅱ-34      唢呐艺术                 丰水市丰水县\n"
        "9      Ⅱ-35      道情                     云梦市\n"
        "                                — 12 —\n"
        "湖阳省人民政府公报                                           2021年第9号\n续表\n"
        "序号   项目编号    项目名称                 申报地区或单位\n"
        "10     Ⅲ-15      龙舞                     丰水市丰水县\n"
    )
    (doc,) = parse_gazette(text).documents
    (table,) = [c for c in doc.clauses if c.is_table]
    assert [row[0] for row in table.table] == ["序号", "8", "9", "10"]
    assert table.table[2] == ("9", "Ⅱ-35", "道情", "云梦市")
    body = "".join(c.text for c in doc.clauses)
    assert "续表" not in body and "公报" not in body


def test_a_chapter_or_an_item_cited_at_a_wrapped_line_s_start_is_no_heading():
    text = (
        "云州政发〔2021〕5号\n云岭州城市道路管理办法\n第一章　总则\n"
        "第三条　市政主管部门主管本行政区域内的城市道路管理工作。公安等部门依照本办法\n"
        "第二章规定的职责，做好相关工作。\n第二章　建设和养护\n"
        "第五条　城市道路的养护按照下列规定分工：\n"
        "（一）市政主管部门的道路由养护单位负责；条件依照本条第\n（二）项的规定执行；\n"
        "（二）单位投资的道路由投资单位负责。\n"
    )
    (doc,) = parse_gazette(text).documents
    keys = [c.key.split("/", 1)[1] for c in doc.clauses if "/" in c.key]
    assert keys == [
        "第一章",
        "第一章/第三条",
        "第二章",
        "第二章/第五条",
        "第二章/第五条/（一）",
        "第二章/第五条/（二）",
    ]


def test_a_listed_annex_title_wrapped_keeps_its_last_word():
    text = (
        "临府办发〔2021〕7号\n临川市人民政府办公室关于加强农村生活污水治理的实施意见\n"
        "各县（区）人民政府：\n现提出如下实施意见。\n一、工作目标\n治理率达到45%以上。\n"
        "二、保障措施\n市财政每年安排专项资金3000万元。\n附件：1.临川市农村生活污水治理任务清单\n"
        "      2.临川市农村生活污水处理设施运行维护管理\n        办法\n临川市人民政府办公室\n"
        "2021年2月8日\n"
    )
    (doc,) = parse_gazette(text).documents
    assert doc.clauses[-1].text.endswith("专项资金3000万元。")
    assert doc.clauses[0].text.replace("\n", "").endswith("运行维护管理办法")


def test_two_issuers_signing_side_by_side_with_their_dates_sign_the_document():
    text = (
        "江教发〔2021〕7号\n江州市教育局 江州市人力资源和社会保障局关于做好教师招聘工作的通知\n"
        "各区教育局：\n一、招聘计划。全市计划招聘中小学教师1200名。\n"
        "二、工作要求。各地要严格执行招聘纪律。\n"
        "江州市教育局                   江州市人力资源和社会保障局\n"
        "2021年3月18日                        2021年3月18日\n"
    )
    (doc,) = parse_gazette(text).documents
    assert str(doc.signed_on) == "2021-03-18"
    assert doc.clauses[-1].text == "二、工作要求。各地要严格执行招聘纪律。"


def test_a_page_laid_out_in_two_columns_is_read_one_column_after_the_other():
    """tests/data/unseen_two_columns.txt, as pdftotext -layout writes a head in two columns (title
    and 文号 left, addressee and notice right, a signature set right): the whole document was
    lost into the cover; a body in two columns ran （一） and （二） together."""
    text = (Path(__file__).parent / "data" / "unseen_two_columns.txt").read_text(encoding="utf-8")
    (doc,) = parse_gazette(text).documents
    assert (doc.number, doc.title, str(doc.signed_on)) == (
        "青政发〔2022〕5号",
        "关于印发青山县2022年国民经济和社会发展计划的通知",
        "2022-03-18",
    )
    keys = [c.key.split("/", 1)[1] for c in doc.clauses if "/" in c.key]
    assert keys == ["一", "二", "二/（一）", "二/（一）/1", "二/（二）", "二/（二）/1"]
    item = next(c for c in doc.clauses if c.key.endswith("（二）/1"))
    assert item.text.replace("\n", "") == "1.稳定粮食生产。全年粮食播种面积稳定在45万亩以上。"


def test_item_one_whose_words_open_with_a_figure_is_item_one():
    """1.7座及以下乘用车； then 2.…: item 1 (its 1.7 was read as a number, the item lost into the
    clause above)."""
    text = (
        "青政办发〔2022〕9号\n青山县人民政府办公室关于网约车管理的实施意见\n各乡镇人民政府：\n"
        "现提出如下实施意见。\n二、车辆条件\n（一）车辆技术条件。\n1.7座及以下乘用车；\n"
        "2.车辆轴距不小于2650毫米；\n3.车辆行驶证登记日期未满3年。\n"
    )
    (doc,) = parse_gazette(text).documents
    keys = [c.key.split("/", 1)[1] for c in doc.clauses if "/" in c.key]
    assert keys == ["二", "二/（一）", "二/（一）/1", "二/（一）/2", "二/（一）/3"]
