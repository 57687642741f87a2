"""More gazette forms found by probing the importer with issues written for the purpose (never
from the bundled gazettes), continued from ``test_parsing_unseen``: fund rules and county issues
with their tables, plain text with no markup, orders and the decisions they publish, and text a
Markdown converter wrote. One test per form."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract
from checklists.standards.parsing import parse_gazette


def test_items_whose_words_open_with_figures_are_items_and_read_without_their_numbers():
    """1.7座…；2.5吨…；3.10个工作日…: each item known by the one before it (all three were text
    of the clause above); its words are read without the token (1.7 was the number read)."""
    text = (
        "青政办发〔2023〕3号\n青山县人民政府办公室关于新能源汽车推广补贴的通知\n各乡镇人民政府：\n"
        "一、补贴标准\n补贴标准如下：\n1.7座及以下乘用车，每辆补贴不超过3000元；\n"
        "2.5吨以上货车，每辆补贴不超过8000元；\n3.10个工作日内完成审核。\n二、其他\n"
        "本通知自印发之日起施行。\n"
    )
    (doc,) = parse_gazette(text).documents
    items = [c for c in doc.clauses if c.key.split("/")[-2:-1] == ["一"]]
    assert [(c.token, c.text[:5]) for c in items] == [
        ("1", "1.7座及"),
        ("2", "2.5吨以"),
        ("3", "3.10个"),
    ]
    read = [(r.value, r.unit) for r in extract(items[0].text, token=items[0].token)]
    assert read[0] == (Decimal(7), "座")
    assert (Decimal(10), "working_day") in [
        (r.value, r.unit) for r in extract(items[2].text, token=items[2].token)
    ]


def test_items_with_spaces_around_their_numbers_are_items_not_a_table():
    """（一）博士研究生每人每月 3000 元； as pdftotext writes it: three lines of three 'cells' were
    read as a table (the items lost, the sentence after them cut in two)."""
    text = (
        "临府发〔2023〕21号\n临川市人民政府关于印发临川市人才发展专项资金管理办法的通知\n"
        "各县（区）人民政府：\n第五条　对新引进的全日制博士、硕士研究生，按以下标准给予生活补贴：\n"
        "（一）博士研究生每人每月 3000 元；\n（二）硕士研究生每人每月 1500 元。\n"
        "补贴期限最长不超过 3 年。享受本条补贴的人员，不再重复享受\n第六条规定的购房补贴。\n"
    )
    (doc,) = parse_gazette(text).documents
    assert not any(c.is_table for c in doc.clauses)
    assert [c.key.split("/", 1)[1] for c in doc.clauses if "/" in c.key] == [
        "第五条",
        "第五条/（一）",
        "第五条/（二）",
    ]
    assert doc.clauses[-1].text.endswith("不再重复享受第六条规定的购房补贴。")


@pytest.mark.parametrize(
    "head",
    [
        "临政发〔2023〕3号  临水县人民政府关于印发临水县2023年春耕生产工作方案的通知\n",
        "临水县人民政府关于印发临水县2023年春耕生产工作方案的通知  临政发〔2023〕3号\n",
        "临水县人民政府关于印发临水县2023年春耕生产\n工作方案的通知  临政发〔2023〕3号\n",
    ],
)
def test_a_number_and_title_on_one_line_head_their_document_either_way(head):
    """The 文号 before its title on one line (it was glued to the issuer, the document numberless);
    a wrapped title whose tail holds the 文号 (the tail was read as the 文号's prefix); the title
    on the 文号's line below the contents (the last entry was glued to the title)."""
    text = (
        "临水县人民政府公报\n目录\n临水县人民政府关于印发临水县2023年春耕生产工作方案的通知"
        "（临政发〔2023〕3号）……（1）\n临水县人民政府关于做好森林防火工作的通知（临政发〔2023〕4号）"
        "……（5）\n\n" + head + "各乡镇人民政府：\n一、各乡镇要在3月底前完成春耕物资储备。\n"
        "临水县人民政府\n2023年2月16日\n"
    )
    (doc,) = parse_gazette(text).documents
    assert (doc.number, doc.issuer, doc.title, str(doc.signed_on)) == (
        "临政发〔2023〕3号",
        "临水县人民政府",
        "关于印发临水县2023年春耕生产工作方案的通知",
        "2023-02-16",
    )
    assert [c.key for c in doc.clauses] == ["临政发〔2023〕3号", "临政发〔2023〕3号/一"]


def test_a_number_and_its_wrapped_title_at_a_page_top_head_a_document_of_their_own():
    """A page ends an item list (3.…), its running header, then 某政规〔2023〕2号  某县…关于印发…
    ⏎管理办法的通知: the document was read as the list's (the item above made its 文号 cited)."""
    text = (
        "临政发〔2023〕3号\n临水县人民政府关于印发临水县民生实事项目的通知\n各乡镇人民政府：\n"
        "一、办好民生实事。\n1.新建改扩建中小学6所；\n2.新增城市停车位2000个。\n"
        "                                        —1—\n"
        "临水县人民政府公报                                        2023年第2期\n"
        "临政规〔2023〕2号  临水县人民政府关于印发临水县农村集体产权流转交易\n管理办法的通知\n"
        "各乡镇人民政府：\n第一条  为规范农村集体产权流转交易行为，制定本办法。\n"
        "临水县人民政府\n2023年3月1日\n"
    )
    first, second = parse_gazette(text).documents
    assert first.clauses[-1].text == "2.新增城市停车位2000个。"
    assert (second.number, second.title, str(second.signed_on)) == (
        "临政规〔2023〕2号",
        "关于印发临水县农村集体产权流转交易管理办法的通知",
        "2023-03-01",
    )
    assert [c.key for c in second.clauses][-1] == "临政规〔2023〕2号/第一条"


@pytest.mark.parametrize("number", ["", "云政发〔2024〕6号\n"])
def test_a_title_dated_below_it_heads_its_document_with_or_without_a_number(number):
    """关于…的决定 ⏎（2024年2月8日）⏎[文号]: with no 文号 the document was glued into the one
    before; with one its title was; the date was lost either way (it signs the document)."""
    text = (
        "云政发〔2024〕3号\n云岭县人民政府关于印发云岭县就业补助资金管理办法的通知\n各乡（镇）人民政府：\n"
        "一、各乡（镇）要在资金下达后60日内完成支出。\n附件1\n2024年预算执行进度目标表\n"
        "\n云岭县人民政府关于调整城乡居民最低生活保障标准的决定\n（2024年2月8日）\n"
        + number
        + "\n各乡（镇）人民政府，县直各单位：\n一、城市低保标准由每人每月720元提高到750元。\n"
    )
    first, second = parse_gazette(text).documents
    assert first.clauses[-1].text == "附件1\n2024年预算执行进度目标表"
    assert (second.number, second.title, second.issuer, str(second.signed_on)) == (
        number.strip() or None,
        "关于调整城乡居民最低生活保障标准的决定",
        "云岭县人民政府",
        "2024-02-08",
    )
    assert second.clauses[-1].text == "一、城市低保标准由每人每月720元提高到750元。"


def test_joint_issuers_a_title_opens_with_are_named_one_by_one():
    text = (
        "云岭县财政局 云岭县人力资源和社会保障局关于做好2024年就业补助资金预算执行工作的通知\n"
        "云财社发〔2024〕2号\n各乡（镇）财政所：\n一、各乡（镇）要在资金下达后60日内完成支出。\n"
    )
    (doc,) = parse_gazette(text).documents
    assert doc.issuer == "云岭县财政局、云岭县人力资源和社会保障局"
    assert doc.title == "关于做好2024年就业补助资金预算执行工作的通知"


def test_a_wrapped_line_opening_with_ordinals_listed_is_no_item():
    """…应于每年第 ⏎一、二季度完成… : 一、 of 一、二季度 is no item (it was 一~2)."""
    text = (
        "安政办发〔2023〕25号\n安平区人民政府办公室关于做好低保资金发放工作的通知\n各街镇：\n"
        "一、明确发放时限。各街镇应于每年第\n一、二季度完成上半年资金发放，于第三、四季度完成下半年资金发\n"
        "放。\n二、规范发放标准。城市低保对象每人每月补助750元。\n"
    )
    (doc,) = parse_gazette(text).documents
    assert [c.key.split("/", 1)[1] for c in doc.clauses if "/" in c.key] == ["一", "二"]
    assert doc.clauses[1].text.replace("\n", "").endswith("完成下半年资金发放。")


@pytest.mark.parametrize(
    "imprint",
    [
        "青州市人民政府公报编辑部\n地址：青州市政务中心A座1206室\n电话：0536－3219876\n邮编：262500\n",
        "主　　任：陈立新\n编辑出版：青州市人民政府办公室\n地　　址：青州市行政中心3号楼\n"
        "准印证号：（鲁）内资准字2023－015号\n",
    ],
)
def test_the_gazettes_imprint_on_its_back_cover_is_no_clauses_text(imprint):
    text = (
        "青政任〔2023〕8号\n青州市人民政府关于王建国等同志职务任免的通知\n各区县人民政府：\n"
        "经市人民政府研究决定：\n任命王建国为青州市财政局副局长。\n青州市人民政府\n2023年5月12日\n\n"
        + imprint
    )
    result = parse_gazette(text)
    (doc,) = result.documents
    assert doc.clauses[-1].text.endswith("任命王建国为青州市财政局副局长。")
    (skip,) = [s for s in result.skipped if s.reason == "封底"]
    assert len(skip.lines) == imprint.count("\n")


def test_a_documents_own_contact_lines_stay_its_text():
    """联系人：… ⏎ 联系电话：… ⏎ 电子邮箱：… at a notice's end: its words, no imprint."""
    text = (
        "青政办字〔2023〕8号\n青州市人民政府办公室关于报送统计数据的通知\n各区县人民政府：\n"
        "一、各区县于5月20日前报送数据。\n联系人：王某\n联系电话：0536－3219876\n"
        "电子邮箱：tj@qz.gov.cn\n"
    )
    result = parse_gazette(text)
    assert not [s for s in result.skipped if s.reason == "封底"]
    assert "电子邮箱" in result.documents[0].clauses[-1].text


def test_an_item_whose_words_open_with_xiangmu_is_an_item():
    """（二）项目单位应当… : 项 of 项目 is no cited item (（二）项的规定); it ran into （一）."""
    text = (
        "临政办发〔2023〕8号\n临江市人民政府办公室关于加强政府投资项目管理的通知\n各县（市）：\n"
        "二、预算编制\n（一）市发展改革委负责编制年度政府投资计划。\n"
        "（二）项目单位应当按照以下要求编制项目支出预算：\n1.据实编制；\n2.不得虚列支出。\n"
        "三、资金拨付管理\n（一）项目资金实行国库集中支付。\n"
        "四、其他\n除本通知第二条第\n（二）项规定外，按有关规定执行。\n"
    )
    (doc,) = parse_gazette(text).documents
    assert [c.key.split("/", 1)[1] for c in doc.clauses if "/" in c.key] == [
        "二",
        "二/（一）",
        "二/（二）",
        "二/（二）/1",
        "二/（二）/2",
        "三",
        "三/（一）",
        "四",
    ]


def test_a_list_of_documents_a_cell_a_line_is_no_documents():
    """序号 ⏎ 文件名称 ⏎ 文号 ⏎ 处理意见, one cell a line (pdftotext): each row's 文号 headed a
    document of its own (seven invented documents, the rest of the decision lost into the last)."""
    rows = "".join(
        f"{n}\n云溪区人民政府关于印发云溪区{name}的通知\n云政发〔{2014 + n}〕{n}号\n废止\n"
        for n, name in enumerate(["生活垃圾分类管理暂行办法", "殡葬管理办法", "物流业发展意见"], 1)
    )
    text = (
        "云政发〔2024〕5号\n云溪区人民政府关于废止部分区政府规范性文件的决定\n各镇人民政府：\n"
        "一、决定废止3件规范性文件（见附件1）。\n二、本决定自公布之日起施行。\n云溪区人民政府\n"
        "2024年2月20日\n附件1\n区政府决定废止的规范性文件目录\n序号\n文件名称\n文号\n处理意见\n"
        + rows
    )
    (doc,) = parse_gazette(text).documents
    assert doc.number == "云政发〔2024〕5号"
    assert "云政发〔2017〕3号" in doc.clauses[-1].text


def test_the_decision_an_order_publishes_is_the_orders_text():
    """令 第68号 ⏎《…的决定》已经…通过，现予公布 ⏎ 市长 刘志远 ⏎ date ⏎ 关于…的决定: the decision
    was a second document with no number; 第十六条修改为：… was an article; the signer was text."""
    text = (
        "安平市人民政府令\n第68号\n《安平市人民政府关于修改部分市政府规章的决定》已经2022年10月11日"
        "市人民政府第18次常务会议通过，现予公布，自公布之日起施行。\n"
        "市长　刘志远\n2022年10月28日\n\n"
        "安平市人民政府关于修改部分市政府规章的决定\n\n市人民政府决定：\n"
        "一、对《安平市养犬管理规定》作如下修改：\n第十六条修改为：“违反本规定的，由公安机关责令改正。”\n"
        "二、废止下列规章：\n1.《安平市城市房屋拆迁管理办法》。\n"
    )
    (doc,) = parse_gazette(text).documents
    assert doc.number == "安平市人民政府令第68号"
    keys = [c.key.split("/", 1)[1] for c in doc.clauses if "/" in c.key]
    assert keys == ["一", "二", "二/1"]
    assert "第十六条修改为" in doc.clauses[1].text
    assert "刘志远" not in doc.clauses[0].text


def test_a_drawn_forms_header_row_is_split_by_its_rules():
    """│序号│      指标名称      │ 2025 年目标 │: the header row (spaces inside its cells) was read
    as a table laid out with spaces, its │ kept in the cells."""
    text = (
        "南府发〔2023〕21号\n南岭市人民政府关于加快推进新型工业化的实施意见\n各区县人民政府：\n"
        "一、主要目标。见附件1。\n附件1\n南岭市新型工业化重点指标表\n"
        "┌──┬────────────────┬──────┐\n"
        "│序号│            指标名称            │ 2025 年目标 │\n"
        "├──┼────────────────┼──────┤\n"
        "│ 1  │ 规模以上工业增加值年均增速     │   8%以上   │\n"
        "└──┴────────────────┴──────┘\n"
    )
    (doc,) = parse_gazette(text).documents
    (table,) = [c for c in doc.clauses if c.is_table]
    assert table.table == (
        ("序号", "指标名称", "2025 年目标"),
        ("1", "规模以上工业增加值年均增速", "8%以上"),
    )


@pytest.mark.parametrize(
    ("points", "segments"),
    [
        ("一是抓好项目谋划储备。\n二是加快项目建设进度。\n", ["一是", "二是"]),
        ("第一，压紧压实安全责任。\n第二，突出抓好重点领域。\n", ["第一", "第二"]),
    ],
)
def test_points_opening_paragraphs_are_items(points, segments):
    """一是…⏎二是… and 第一，…⏎第二，…, each opening a paragraph: the points of a list (they were
    one clause, or glued to the heading above: 扩大有效投资一是抓好…)."""
    text = (
        "临政发〔2023〕3号\n临水县人民政府关于印发临水县2023年工作要点的通知\n各乡镇人民政府：\n"
        "一、坚持项目为王，扩大有效投资\n" + points + "二、其他\n本通知自印发之日起施行。\n"
    )
    (doc,) = parse_gazette(text).documents
    keys = [c.key.split("/", 1)[1] for c in doc.clauses if "/" in c.key]
    assert keys == ["一", *(f"一/{s}" for s in segments), "二"]
    assert doc.clauses[1].text == "一、坚持项目为王，扩大有效投资"


def test_a_converters_marks_and_small_brackets_are_read():
    """<!-- page 20 --> and ![印章](…) between lines were clause text (mid-sentence); a 文号 in
    ﹝﹞ (PDF text) headed nothing, its document lost into the one before; a column label naming
    two offices (【区委办公室、区政府办公室文件】) was text."""
    text = (
        "临办发〔2023〕19号\n临江区人民政府办公室关于加强基层应急管理的通知\n各街道：\n"
        "一、健全组织体系。各街道要配备专职工作人员，建立健全\n<!-- page 20 -->\n"
        "应急值守、隐患排查等工作制度。\n临江区人民政府办公室\n2023年6月25日\n"
        "![临江区人民政府办公室印章](image_018_1.png)\n\n**【区委办公室、区政府办公室文件】**\n\n"
        "临江区人民政府办公室关于公布规范性文件清理结果的通知\n\n临政办函﹝2023﹞71号\n\n"
        "各街道：\n一、继续有效的文件共12件。\n"
    )
    result = parse_gazette(text)
    first, second = result.documents
    assert (
        first.clauses[-1].text.replace("\n", "").endswith("建立健全应急值守、隐患排查等工作制度。")
    )
    assert (second.number, second.title) == (
        "临政办函〔2023〕71号",
        "关于公布规范性文件清理结果的通知",
    )
    assert not any("<!--" in c.text or "![" in c.text or "文件】" in c.text for c in first.clauses)


def test_an_orders_decision_quoted_with_angle_brackets_is_its_text():
    """《…关于修改〈…办法〉的决定》…现予公布 above 关于修改《…办法》的决定: one document."""
    text = (
        "青峪省人民政府令\n第286号\n《青峪省人民政府关于修改〈青峪省城镇燃气管理办法〉的决定》已经"
        "省人民政府常务会议通过，现予公布，自2023年9月1日起施行。\n省长　王某某\n2023年7月3日\n\n"
        "青峪省人民政府关于修改《青峪省城镇燃气管理办法》的决定\n\n省人民政府决定：\n"
        "一、将第五条修改为：“燃气经营者应当…。”\n二、删去第四十条。\n"
    )
    (doc,) = parse_gazette(text).documents
    assert [c.key.split("/", 1)[1] for c in doc.clauses if "/" in c.key] == ["一", "二"]


def test_a_decision_an_order_makes_titled_above_the_orders_number_is_a_document():
    """…关于修改《…办法》的决定 ⏎（某县人民政府令第4号）: the whole was skipped as news."""
    text = (
        "松原县人民政府关于修改《松原县城区停车场管理办法》的决定\n（松原县人民政府令第4号）\n\n"
        "《松原县人民政府关于修改〈松原县城区停车场管理办法〉的决定》已经2024年2月6日县人民政府"
        "第7次常务会议通过，现予公布，自公布之日起施行。\n\n县长  孙立平\n2024 年 2 月 8 日\n\n"
        "一、将第十条中的“每小时2元”修改为“每小时3元”。\n\n二、删去第十六条第二款。\n"
    )
    result = parse_gazette(text)
    (doc,) = result.documents
    assert (doc.number, str(doc.signed_on)) == ("松原县人民政府令第4号", "2024-02-08")
    assert [c.key.split("/", 1)[1] for c in doc.clauses if "/" in c.key] == ["一", "二"]


def test_a_notices_own_term_is_read_after_a_sanction_naming_it():
    """违反本通告规定…；… then 本通告自2024年2月10日起施行，有效期5年: 本通告 was no name of the
    document itself (only 本通告规定 was read, as 规定), so the window was lost."""
    text = (
        "松政告〔2024〕1号\n松原县人民政府关于禁止燃放烟花爆竹的通告\n"
        "三、违反本通告规定燃放烟花爆竹的，由公安机关处100元以上500元以下罚款；"
        "构成违反治安管理行为的，依法给予治安管理处罚。\n四、本通告自2024年2月10日起施行，有效期5年。\n"
        "松原县人民政府\n2024年2月5日\n"
    )
    (doc,) = parse_gazette(text).documents
    assert (str(doc.in_force_from), str(doc.in_force_until)) == ("2024-02-10", "2029-02-09")


def test_a_running_header_naming_its_column_and_a_blank_pages_note_are_furniture():
    """宁陵县人民政府公报   县政府办公室文件   ·15· (three parts) was a table clause inside an item;
    （此页无正文） was the last item's text."""
    text = (
        "宁政办〔2023〕27号\n宁陵县人民政府办公室关于加强城市停车管理的通知\n各乡镇人民政府：\n"
        "一、各乡镇要加强停车秩序管理，\n"
        "宁陵县人民政府公报              县政府办公室文件                             ·15·\n"
        "对违规停车行为依法处理。\n（此页无正文）\n"
    )
    result = parse_gazette(text)
    (doc,) = result.documents
    assert not any(c.is_table for c in doc.clauses)
    assert (
        doc.clauses[-1].text.replace("\n", "")
        == "一、各乡镇要加强停车秩序管理，对违规停车行为依法处理。"
    )


def test_a_plans_books_are_a_level_above_its_chapters():
    """第一篇 …⏎第一章 …: 第二篇 was text glued onto the end of the section before it."""
    text = (
        "濉政办〔2022〕41号\n濉溪县人民政府办公室关于印发濉溪县教育事业发展规划的通知\n各乡镇：\n"
        "第一篇  发展基础\n第一章  发展基础\n一、教育普及水平稳步提高。\n"
        "第二篇  主要任务\n第二章  主要任务\n一、扩大普惠性学前教育资源。\n"
    )
    (doc,) = parse_gazette(text).documents
    keys = [c.key.split("/", 1)[1] for c in doc.clauses if "/" in c.key]
    assert keys == [
        "第一篇",
        "第一篇/第一章",
        "第一篇/第一章/一",
        "第二篇",
        "第二篇/第二章",
        "第二篇/第二章/一",
    ]


def test_a_row_with_an_empty_cells_mark_stays_in_its_table():
    """3  化学需氧量减排量  /  1200  约束性: a cell of one mark (/, -, 无) ended the table, the rows
    became numbered clauses."""
    text = (
        "临政发〔2023〕5号\n临泉县人民政府关于印发临泉县生态环境保护规划的通知\n各乡镇人民政府：\n"
        "序号   指标名称                 2020年      2025年      属性\n"
        "1      空气质量优良天数比率     85.2        86          约束性\n"
        "2      化学需氧量减排量         /           1200        约束性\n"
        "3      氨氮减排量               -           60          约束性\n"
        "4      总磷减排量               无          5           预期性\n"
    )
    (doc,) = parse_gazette(text).documents
    (table,) = [c for c in doc.clauses if c.is_table]
    assert [row[2] for row in table.table] == ["2020年", "85.2", "/", "-", "无"]


def test_a_list_dated_below_its_title_is_a_document_of_its_own():
    """某县人民政府任免国家工作人员名单 ⏎（2023年6月8日）, no 文号, no addressee: it was glued into
    the document before, its date lost."""
    text = (
        "宁政办〔2023〕30号\n宁陵县人民政府办公室关于调整县防汛抗旱指挥部成员的通知\n各乡镇人民政府：\n"
        "一、县防汛抗旱指挥部办公室设在县水利局。\n\n宁陵县人民政府任免国家工作人员名单\n"
        "（2023年6月8日）\n任命张卫东为县住房和城乡建设局副局长；\n免去王志刚的县交通运输局副局长职务。\n"
    )
    first, listed = parse_gazette(text).documents
    assert first.clauses[-1].text == "一、县防汛抗旱指挥部办公室设在县水利局。"
    assert (listed.number, listed.title, listed.issuer, str(listed.signed_on)) == (
        None,
        "宁陵县人民政府任免国家工作人员名单",
        "宁陵县人民政府",
        "2023-06-08",
    )


def test_a_title_wrapped_inside_the_quote_it_forwards_is_read_whole():
    """…关于转发《安徽省财政厅 ⏎ 关于进一步加强…的通知》⏎ 的通知: the title began at the second
    line's 关于 (its first line lost), the issuers run together."""
    text = (
        "枞阳县人民政府办公室  枞阳县财政局关于转发《安徽省财政厅\n"
        "关于进一步加强惠民惠农财政补贴资金“一卡通”管理的通知》\n的通知\n枞政办〔2023〕8号\n"
        "各乡镇人民政府：\n一、各乡镇要按照要求做好补贴发放工作。\n"
    )
    (doc,) = parse_gazette(text).documents
    assert (
        doc.title
        == "关于转发《安徽省财政厅关于进一步加强惠民惠农财政补贴资金“一卡通”管理的通知》的通知"
    )
    assert doc.issuer == "枞阳县人民政府办公室、枞阳县财政局"


def test_a_contents_with_pages_after_spaces_and_numbers_below_is_read():
    """目录: …的通知    1 ⏎ （某政〔2023〕3号）, an entry wrapped onto two lines, 【…文件】 columns:
    no contents was found, so it and the first document's title were lost into the cover."""
    text = (
        "                         枞阳县人民政府公报\n\n                                 目  录\n\n"
        "【县政府文件】\n"
        "  枞阳县人民政府关于印发《枞阳县农业农村现代化发展规划》的通知    1\n"
        "      （枞政〔2023〕3号）\n"
        "【县政府办公室文件】\n"
        "  枞阳县人民政府办公室 枞阳县财政局关于转发《安徽省财政厅关于进一步加强\n"
        "  惠民惠农财政补贴资金“一卡通”管理的通知》的通知                      17\n"
        "      （枞政办〔2023〕8号）\n\n\n"
        "    枞阳县人民政府关于印发《枞阳县农业农村现代化\n"
        "                        发展规划》的通知\n"
        "                        （2023年1月10日）\n                         枞政〔2023〕3号\n\n"
        "各乡镇人民政府：\n    现将《枞阳县农业农村现代化发展规划》印发给你们，请认真组织实施。\n"
    )
    result = parse_gazette(text)
    (doc,) = result.documents
    assert (doc.title, doc.issuer, str(doc.signed_on)) == (
        "关于印发《枞阳县农业农村现代化发展规划》的通知",
        "枞阳县人民政府",
        "2023-01-10",
    )
    (contents,) = [s for s in result.skipped if s.reason == "目录"]
    assert len(contents.lines) == 8


def test_a_wrapped_cells_line_is_a_line_of_its_document():
    """A cell wrapped onto a far indented line: its words were joined to the row (kept), but the
    line itself was in no document and no skip (every line must be read into exactly one)."""
    text = (
        "青政发〔2023〕12号\n青州市人民政府关于印发就业补助资金管理办法的通知\n各区县人民政府：\n"
        "附件\n青州市就业补助资金绩效评价指标表\n"
        "一级指标  二级指标      评分标准                                  分值\n"
        "投入      资金到位      资金按规定时间足额到位的得满分，每        10\n"
        "                        延迟 10 日扣 2 分\n"
        "过程      财务管理      年底支出进度达到 90%以上的得满分          15\n"
    )
    (doc,) = parse_gazette(text).documents
    assert 8 in doc.source_lines
    (table,) = [c for c in doc.clauses if c.is_table]
    assert "延迟 10 日扣 2 分" in table.table[1][2]


def test_a_tables_total_under_its_last_row_is_a_row_of_its_own():
    """5  双堆集镇  6  20.3 ⏎         合计    254.8: the total was taken for a wrapped cell and
    joined to the row above (双堆集镇合计, 20.3254.8)."""
    text = (
        "濉政〔2022〕63号\n濉溪县人民政府关于表彰招商引资工作先进单位的通报\n各镇人民政府：\n附件1\n"
        "  序号   单位名称                 新签约项目（个）   协议投资额（亿元）\n"
        "   1     县经济开发区             18                 96.5\n"
        "   2     双堆集镇                 6                  20.3\n"
        "         合计                                        116.8\n"
    )
    (doc,) = parse_gazette(text).documents
    (table,) = [c for c in doc.clauses if c.is_table]
    assert table.table[-2:] == (("2", "双堆集镇", "6", "20.3"), ("", "合计", "", "116.8"))


def test_a_plans_box_is_a_clause_of_its_own_and_the_items_go_on_after_it():
    """（二）… ⏎ 专栏2 … ⏎ 一、… ⏎ 1.… ⏎ —专栏结束— ⏎ （三）…: the box's title was the item before's
    text, its 一、 broke the nesting (（三） landed under the box's 二)."""
    text = (
        "临政发〔2023〕5号\n临泉县人民政府关于印发临泉县生态环境保护规划的通知\n各乡镇人民政府：\n"
        "第四章  生态保护\n（一）实施国土绿化行动。\n（二）加强生物多样性保护。\n"
        "专栏2  生态保护修复重点工程\n一、生态廊道类\n1.泉河生态廊道建设工程。\n二、湿地修复类\n"
        "1.湿地保护修复工程。\n—专栏结束—\n（三）加强自然保护地管理。\n"
    )
    (doc,) = parse_gazette(text).documents
    keys = [c.key.split("/", 1)[1] for c in doc.clauses if "/" in c.key]
    assert keys == [
        "第四章",
        "第四章/（一）",
        "第四章/（二）",
        "第四章/专栏2",
        "第四章/专栏2/一",
        "第四章/专栏2/一/1",
        "第四章/专栏2/二",
        "第四章/专栏2/二/1",
        "第四章/（三）",
    ]
    assert doc.clauses[3].text == "（二）加强生物多样性保护。"


def test_joint_issuers_one_line_each_above_the_title_are_both_named():
    """中共某县委办公室 ⏎ 某县人民政府办公室 ⏎ 关于…的通知: only the last issuer was kept."""
    text = (
        "中共松原县委办公室\n松原县人民政府办公室\n关于进一步加强农村宅基地管理的通知\n"
        "松办发〔2024〕3号\n各乡镇党委、人民政府：\n一、严格落实“一户一宅”规定。\n"
    )
    (doc,) = parse_gazette(text).documents
    assert doc.issuer == "中共松原县委办公室、松原县人民政府办公室"


@pytest.mark.parametrize(
    ("head", "tail"),
    [
        ("平江市人民政府关于印发", "《平江市城市道路占用挖掘管理规定》的通知"),
        ("平江市人民政府关于", "印发《平江市城市道路占用挖掘管理规定》的通知"),
    ],
)
def test_a_title_wrapped_before_the_rules_it_forwards_heads_its_document(head, tail):
    """…关于印发 ⏎《…规定》的通知 ⏎ 文号: the 《 line was taken for a document cited in a list (the
    document was lost into the contents before it, or into the document before); …关于 ⏎ 印发…:
    the title lost its 关于."""
    text = (
        "平江市人民政府公报\n2023年第7期\n目  录\n"
        "平江市人民政府关于印发《平江市城市道路占用挖掘管理规定》的通知（平政规〔2023〕3号） 1\n"
        "平江市人民政府关于同意平江港总体规划的批复（平政复〔2023〕25号） 7\n1\n"
        f"{head}\n{tail}\n平政规〔2023〕3号\n各县（市、区）人民政府：\n"
        "《平江市城市道路占用挖掘管理规定》已经市人民政府同意，现印发给你们，请认真遵照执行。\n"
        "平江市人民政府\n2023年6月28日\n平江市城市道路占用挖掘管理规定\n"
        "第一条 为了加强城市道路管理，制定本规定。\n第二条 占用城市道路应当经市政部门批准。\n"
        "平江市人民政府关于同意平江港总体规划的批复\n平政复〔2023〕25号\n市交通运输局：\n"
        "你局《关于…的请示》收悉。经研究，批复如下：\n一、同意平江港总体规划。\n"
        "平江市人民政府\n2023年7月3日\n"
    )
    docs = parse_gazette(text).documents
    assert [(d.number, d.title) for d in docs] == [
        ("平政规〔2023〕3号", "关于印发《平江市城市道路占用挖掘管理规定》的通知"),
        ("平政复〔2023〕25号", "关于同意平江港总体规划的批复"),
    ]
    assert any(c.text.startswith("第二条") for c in docs[0].clauses)


def test_an_appointments_notice_titled_by_its_act_and_dated_below_its_number_is_read():
    """某市人民政府任免工作人员 ⏎ 文号 ⏎（date）: the title (no 关于…的通知) was glued to the
    document before and the notice left untitled, issuer-less and unsigned."""
    text = (
        "平政办函〔2023〕44号\n平江市人民政府办公室关于做好资金下达工作的通知\n各县人民政府：\n"
        "一、各县要在收到资金后30日内将资金分解下达到具体项目。\n平江市人民政府办公室\n"
        "2023年7月6日\n平江市人民政府任免工作人员\n平政任〔2023〕7号\n（2023年7月10日）\n"
        "任命周文斌为平江市人民政府副秘书长；\n免去吴国强的平江市民政局副局长职务。\n"
    )
    first, second = parse_gazette(text).documents
    assert "任免" not in first.text
    assert (second.number, second.issuer, second.title, str(second.signed_on)) == (
        "平政任〔2023〕7号",
        "平江市人民政府",
        "平江市人民政府任免工作人员",
        "2023-07-10",
    )


def test_a_news_columns_name_after_a_signature_heads_its_news():
    """…2023年5月15日 ⏎ 政务动态 ⏎ 市政府召开…: the column's name was the document's last words."""
    text = (
        "平江市人民政府公报\n2023年第5期\n目  录\n"
        "平江市人民政府关于王建国等同志职务任免的通知（平政任〔2023〕6号） 11\n【政务动态】\n"
        "市政府召开第十二次常务会议 12\n1\n平江市人民政府关于王建国等同志职务任免的通知\n"
        "平政任〔2023〕6号\n各县人民政府：\n经研究，决定：王建国任平江市民政局局长。\n"
        "平江市人民政府\n2023年5月15日\n政务动态\n市政府召开第十二次常务会议\n"
        "5月22日，市长周立新主持召开市政府第十二次常务会议，研究部署防汛工作。\n"
    )
    result = parse_gazette(text)
    (doc,) = result.documents
    assert "政务动态" not in doc.text
    (news,) = [s for s in result.skipped if s.reason == "新闻"]
    assert len(news.lines) == 3


def test_a_forwarding_offices_issuer_and_a_term_named_otherwise_are_read():
    """某市人民政府办公室转发市财政局关于…的通知: the issuer was …办公室转发市财政局; 执行期限至…
    was no end of the document's window."""
    text = (
        "平江市人民政府办公室转发市财政局关于2023年乡村振兴补助资金分配方案的通知\n"
        "平政办函〔2023〕44号\n各县人民政府：\n"
        "市财政局《关于2023年乡村振兴补助资金分配方案》已经市人民政府同意，现转发给你们。"
        "本通知自2023年12月1日起施行，执行期限至2024年12月31日。\n"
        "平江市人民政府办公室\n2023年7月6日\n"
    )
    (doc,) = parse_gazette(text).documents
    assert (doc.issuer, doc.title[:8]) == ("平江市人民政府办公室", "转发市财政局关于")
    assert (str(doc.in_force_from), str(doc.in_force_until)) == ("2023-12-01", "2024-12-31")


def test_numbered_items_citing_documents_with_their_numbers_are_no_documents():
    """1.某区人民政府关于…的通知（某府发〔2017〕21号）, one item a line: each item was a document of
    its own (numbered 1.某区人民政府 as its issuer), the decision left unsigned."""
    text = (
        "南湖区人民政府关于废止部分行政规范性文件的决定\n南府发〔2024〕12号\n"
        "区政府决定对以下2件行政规范性文件予以废止。\n"
        "1.南湖区人民政府关于印发《南湖区城市道路挖掘管理暂行规定》的通知（南府发〔2017〕21号）\n"
        "2.南湖区人民政府办公室关于加强渣土运输管理的通知（南府办发〔2018〕33号）\n"
        "本决定自公布之日起施行。\n南湖区人民政府\n2024年4月3日\n"
    )
    (doc,) = parse_gazette(text).documents
    assert (doc.number, str(doc.signed_on)) == ("南府发〔2024〕12号", "2024-04-03")
    assert "南府办发〔2018〕33号" in doc.text


@pytest.mark.parametrize("column", ["人事任免", "**人事任免**", "## 人事任免", "人  事  任  免"])
def test_a_columns_name_above_a_document_is_no_words_of_the_one_before(column):
    """…2024年3月5日 ⏎ 人事任免 ⏎ 某县人民政府关于…任免的通知: the column's name was the last words
    of the document before it."""
    text = (
        "清政发〔2024〕3号\n清河县人民政府关于做好春耕生产工作的通知\n各乡镇人民政府：\n"
        "一、各乡镇要在3月底前完成农资储备。\n清河县人民政府\n2024年3月5日\n"
        f"{column}\n清河县人民政府关于张立新等同志职务任免的通知\n清政任〔2024〕2号\n"
        "各乡镇人民政府：\n经研究，决定：张立新任县农业农村局局长。\n清河县人民政府\n2024年3月8日\n"
    )
    result = parse_gazette(text)
    first, second = result.documents
    assert "人事任免" not in _no_spaces(first.text) and "人事任免" not in _no_spaces(second.text)
    assert [s.reason for s in result.skipped] == ["栏目"]


def _no_spaces(text: str) -> str:
    return "".join(text.split())


def test_a_back_cover_ending_with_how_the_gazette_is_given_out_is_its_imprint():
    """**编辑：…** ⏎ 地址：…邮编：… ⏎ 内部资料　免费交流: the last line was no imprint's, so the
    three were the last document's words."""
    text = (
        "清政任〔2024〕2号\n清河县人民政府关于张立新等同志职务任免的通知\n各乡镇人民政府：\n"
        "经研究，决定：张立新任县农业农村局局长。\n清河县人民政府\n2024年3月8日\n"
        "**编辑：清河县人民政府办公室**\n"
        "地址：清河县武松路88号　　邮编：054800　　电话：0319-8161234\n"
        "内部资料　免费交流\n"
    )
    result = parse_gazette(text)
    (doc,) = result.documents
    assert "地址" not in doc.text and "内部资料" not in doc.text
    assert [(s.reason, len(s.lines)) for s in result.skipped] == [("封底", 3)]


def test_a_signature_dated_in_full_width_digits_signs():
    """某某市人民政府 ⏎ ２０２４年３月５日: the date was not read, so the notice was unsigned and
    its signature was text of its clause."""
    text = (
        "某府发〔2024〕5号\n某某市人民政府关于做好房屋征收工作的通知\n各县（区）人民政府：\n"
        "一、各县要在6月底前完成评估。\n某某市人民政府\n２０２４年３月５日\n"
    )
    (doc,) = parse_gazette(text).documents
    assert str(doc.signed_on) == "2024-03-05"
    assert "２０２４" not in "".join(c.text for c in doc.clauses)


def test_who_edited_the_issue_on_its_last_line_is_its_imprint():
    """（本期责任编辑：刘某）, alone after the last document: it was that document's text."""
    text = (
        "某府任〔2024〕8号\n某某市人民政府关于王某某任职的通知\n各县（市、区）人民政府：\n"
        "经研究，决定：王某某任市教育局副局长。\n某某市人民政府\n2024年5月20日\n"
        "（本期责任编辑：刘某）\n"
    )
    result = parse_gazette(text)
    (doc,) = result.documents
    assert "责任编辑" not in "".join(c.text for c in doc.clauses)
    assert [(s.reason, s.lines) for s in result.skipped] == [("封底", (7,))]


@pytest.mark.parametrize(
    "head",
    [
        "某某市人民政府\n某某军分区\n关于做好退役军人就业工作的意见\n某府发〔2024〕11号\n",
        "某府发〔2024〕11号\n某某市人民政府　　某某军分区关于做好退役军人就业工作的意见\n",
    ],
)
def test_a_government_and_its_military_district_issue_jointly(head):
    """某某市人民政府 ⏎ 某某军分区 ⏎ 关于…: 军分区 named no issuer, so both lines went to the
    contents before and the signature under the text was its clause's words."""
    text = (
        head + "各县（市、区）人民政府：\n一、各县要在6月底前完成安置。\n"
        "某某市人民政府　　　　某某军分区\n2024年4月28日\n"
    )
    (doc,) = parse_gazette(text).documents
    assert (doc.issuer, doc.title) == (
        "某某市人民政府、某某军分区",
        "关于做好退役军人就业工作的意见",
    )
    assert "军分区" not in "".join(c.text for c in doc.clauses)


def test_rows_of_a_grid_of_names_stay_rows():
    """王某某　　市发改委副主任 ⏎ 李　某　　市教育局副局长 ⏎ 免去：: each name was glued to the
    post above it (…副主任李　某), a person who does not exist."""
    text = (
        "某府任〔2024〕8号\n某某市人民政府关于王某某等同志任免职务的通知\n各县（市、区）人民政府：\n"
        "经研究，决定：\n任命：\n王某某　　市发展和改革委员会副主任\n李　某　　市教育局副局长\n"
        "免去：\n赵某某　　市交通运输局副局长职务\n某某市人民政府\n2024年5月20日\n"
    )
    (doc,) = parse_gazette(text).documents
    lines = doc.clauses[0].text.split("\n")
    assert "李　某　　市教育局副局长" in lines and "免去：" in lines


def test_a_line_break_in_a_markdown_tables_cell_is_no_markup_in_it():
    """| 新增深度处理设施<br>日处理规模3万吨 |: the converter's <br> was the cell's words."""
    text = (
        "某县政办字〔2024〕7号\n某县人民政府办公室关于公布重点项目责任分解表的通知\n各乡镇人民政府：\n"
        "现将责任分解表公布如下。\n\n| 序号 | 建设内容 | 牵头单位 |\n| --- | --- | --- |\n"
        "| 1 | 新增深度处理设施<br>日处理规模3万吨<BR/>出水达到一级A标准 | 县住建局 |\n"
        "| 2 | 改造农村公路120公里 | 县交通运输局 |\n"
    )
    (doc,) = parse_gazette(text).documents
    (table,) = [c for c in doc.clauses if c.is_table]
    assert table.table[1][1] == "新增深度处理设施 日处理规模3万吨 出水达到一级A标准"


def test_each_paragraph_of_a_quoted_amendment_keeps_its_break():
    """第五条修改为：“…时序。 ⏎ “新建…使用。 ⏎ “鼓励…设施。”: each paragraph opens with its own
    quote mark (the one before still open); the first two were one paragraph."""
    text = (
        "某县政发〔2024〕5号\n某县人民政府关于修改《某县城区停车管理办法》的决定\n各乡镇人民政府：\n"
        "一、第五条修改为：“县人民政府应当编制停车设施专项规划，合理确定停车设施的布局。\n\n"
        "“新建建设项目，应当按照规定配建停车设施。\n\n"
        "“鼓励机关向社会错时开放内部停车设施。”\n二、删去第十八条。\n"
    )
    (doc,) = parse_gazette(text).documents
    (first,) = [c for c in doc.clauses if c.key.endswith("/一")]
    assert [p[:4] for p in first.text.split("\n")] == ["一、第五", "“新建建", "“鼓励机"]


@pytest.mark.parametrize("signer", ["　　　　签发人：张建国\n", "\n签发人：张建国\n"])
def test_a_request_with_who_signed_it_for_issue_beside_or_under_its_number(signer):
    """宁政发〔2024〕9号　　签发人：张建国: the 文号 line was no 文号's, so the whole 请示 was lost
    (its body a news skip, its head the document before's words)."""
    text = (
        "宁政发〔2024〕7号\n宁乡县人民政府关于做好防汛工作的通知\n各乡镇人民政府：\n"
        "一、各乡镇要在5月底前完成排查。\n宁乡县人民政府\n2024年4月12日\n"
        f"宁乡县人民政府文件\n宁政发〔2024〕9号{signer}"
        "宁乡县人民政府关于申请追加专项债券额度的请示\n长沙市人民政府：\n一、项目基本情况\n"
        "拟申请专项债券资金的项目共3个。\n妥否，请批示。\n宁乡县人民政府\n2024年5月6日\n"
    )
    first, second = parse_gazette(text).documents
    assert (second.number, second.title) == ("宁政发〔2024〕9号", "关于申请追加专项债券额度的请示")
    assert str(second.signed_on) == "2024-05-06"
    assert "签发人" not in "".join(c.text for c in first.clauses + second.clauses)


def test_a_forms_blanks_are_its_fields_not_bold_markers():
    """申请人姓名：__________: the blanks were read as Markdown's __bold__ and taken out (户籍地址：
    ______乡镇______村 read 户籍地址：乡镇村); a line of blanks was lost."""
    text = (
        "宁政办发〔2024〕15号\n宁乡县人民政府办公室关于开展临时救助工作的通知\n各乡镇人民政府：\n"
        "一、各乡镇要在6月底前完成排查。\n宁乡县人民政府办公室\n2024年5月10日\n附件1\n"
        "临时救助申请表\n申请人姓名：__________　性别：____\n申请事由：\n"
        "________________________________________\n申请人签字：\n"
    )
    result = parse_gazette(text)
    (doc,) = result.documents
    (annex,) = [c for c in doc.clauses if c.key.endswith("附件1")]
    assert "申请人姓名：__________　性别：____" in annex.text
    owned = {n for d in result.documents for n in d.source_lines}
    owned |= {n for s in result.skipped for n in s.lines}
    assert 11 in owned


def test_two_bodies_proclaiming_jointly_with_no_number_are_two_issuers():
    text = (
        "湖南省公安厅　湖南省交通运输厅\n关于春季道路交通安全管理的通告\n"
        "为加强春季道路交通安全管理，现就有关事项通告如下：\n"
        "一、机动车驾驶人应当严格遵守道路交通安全法律法规。\n"
        "湖南省公安厅　　　　　　湖南省交通运输厅\n2024年3月15日\n"
    )
    (doc,) = parse_gazette(text).documents
    assert doc.issuer == "湖南省公安厅、湖南省交通运输厅"


def test_a_serials_registration_and_the_gazettes_own_notice_are_its_imprint():
    """国内统一连续出版物号：CN…, 本刊声明 ⏎ 本公报刊登的文件与正式文件具有同等效力: they were no
    imprint's, so the back cover was read as news."""
    text = (
        "某府任〔2024〕8号\n某某市人民政府关于王某某任职的通知\n各县（市、区）人民政府：\n"
        "经研究，决定：王某某任市教育局副局长。\n某某市人民政府\n2024年5月20日\n"
        "本刊声明\n本公报刊登的文件与正式文件具有同等效力。\n"
        "本刊编辑部\n地址：长沙市韶山北路1号　　邮编：410011\n"
        "国内统一连续出版物号：CN43-1234/D\n"
    )
    result = parse_gazette(text)
    assert [(s.reason, len(s.lines)) for s in result.skipped] == [("封底", 5)]


def test_a_converters_footnotes_are_no_clauses_words_nor_dates():
    """[^1]: 《…条例》…自2024年1月1日起施行: the note was the last clause's words, and its date
    the plan's start."""
    text = (
        "苏府〔2024〕41号\n苏州市人民政府关于推进低空经济发展的通知\n各市、区人民政府：\n"
        "一、各区要建设起降设施[^1]。\n二、本方案自印发之日起施行，有效期至2026年12月31日。\n\n"
        "[^1]: 《无人驾驶航空器飞行管理暂行条例》自2024年1月1日起施行。\n\n"
        "苏州市人民政府\n2024年5月20日\n"
    )
    result = parse_gazette(text)
    (doc,) = result.documents
    assert (str(doc.in_force_from), str(doc.in_force_until)) == ("2024-05-20", "2026-12-31")
    words = "".join(c.text for c in doc.clauses)
    assert "条例" not in words and "[^" not in words
    assert [s.reason for s in result.skipped] == ["脚注"]


def test_each_member_of_a_roster_keeps_a_line():
    """副指挥长：陈某某　县人民武装部部长 ⏎ 　　　　赵某某　县水利局局长 ⏎ …: the members were glued
    (…部长赵某某…), and the sentence after the last one too."""
    text = (
        "宁政办函〔2024〕22号\n宁乡县人民政府办公室关于调整县防汛抗旱指挥部组成人员的通知\n"
        "各乡镇人民政府：\n现将调整后的名单通知如下：\n副指挥长：陈某某　县人民武装部部长\n"
        "　　　　　赵某某　县水利局局长\n成　　员：周某某　县应急管理局局长\n"
        "县防汛抗旱指挥部办公室设在县水利局，赵某某同志兼任办公室主任。\n"
        "宁乡县人民政府办公室\n2024年5月20日\n"
    )
    (doc,) = parse_gazette(text).documents
    lines = [ln.strip("　 ") for ln in doc.clauses[0].text.split("\n")]
    assert "赵某某　县水利局局长" in lines
    assert lines[-1].startswith("县防汛抗旱指挥部办公室")


def test_rules_under_a_note_of_where_they_were_adopted_and_by_which_order():
    """…办法 ⏎（2022年6月10日某市人民政府第12次常务会议审议通过  某市人民政府令第35号公布  自…
    起施行）: the meeting before the order hid it (and the spaced note read as a table row), so
    the whole set of rules was a news skip."""
    text = (
        "临政发〔2022〕8号\n临江市人民政府关于做好供水工作的通知\n各区县人民政府：\n"
        "一、各区县要在6月底前完成排查。\n临江市人民政府\n2022年5月18日\n\n"
        "临江市城市供水用水管理办法\n"
        "（2022年6月10日临江市人民政府第12次常务会议审议通过  临江市人民政府令第35号公布  "
        "自2022年8月1日起施行）\n第一章  总  则\n第一条  为加强城市供水用水管理，制定本办法。\n"
        "第二条  供水单位应当保证水质。\n"
    )
    result = parse_gazette(text)
    rules = result.documents[-1]
    assert (rules.number, rules.title, rules.issuer) == (
        "临江市人民政府令第35号",
        "临江市城市供水用水管理办法",
        "临江市人民政府",
    )
    assert (str(rules.signed_on), str(rules.in_force_from)) == ("2022-06-10", "2022-08-01")
    assert not result.skipped


def test_minutes_after_a_reply_are_a_document_of_their_own():
    """…此复。 ⏎ 某县人民政府 ⏎ 2023年3月6日 ⏎ 某县人民政府第十八次常务会议纪要 ⏎〔2023〕第18期:
    the minutes' items were the reply's clauses."""
    text = (
        "青政复〔2023〕11号\n青山县人民政府关于同意撤销青山县林业总站的批复\n县林业局：\n"
        "你局《关于撤销青山县林业总站的请示》收悉。经研究，同意撤销。\n此复。\n"
        "青山县人民政府\n2023年3月6日\n\n青山县人民政府第十八次常务会议纪要\n\n〔2023〕第18期\n\n"
        "青山县人民政府办公室                      2023年3月10日\n\n"
        "2023年3月8日上午，县长主持召开县人民政府第十八次常务会议。现纪要如下：\n"
        "一、关于春季农业生产工作\n会议要求，县农业农村局要在3月底前完成春耕物资储备。\n"
    )
    reply, minutes = parse_gazette(text).documents
    assert len(reply.clauses) == 1
    assert (minutes.title, minutes.issuer, str(minutes.signed_on)) == (
        "青山县人民政府第十八次常务会议纪要",
        "青山县人民政府办公室",
        "2023-03-10",
    )
    assert [c.key.split("/")[-1] for c in minutes.clauses][1:] == ["一"]


def test_a_flow_charts_arrows_and_posts_taken_away_keep_their_lines():
    """受理：… ⏎ ↓ ⏎ 审核：…: each arrow was glued to the step above; 陈国强 …局长职务 ⏎ 赵文华 …:
    the removals were one line."""
    text = (
        "南政办发〔2024〕12号\n南湖市人民政府办公室关于临时救助的通知\n各县市区人民政府：\n"
        "一、各县要及时办理。\n南湖市人民政府办公室\n2024年3月1日\n附件2\n临时救助办理流程图\n"
        "受理：乡镇（街道）对申请材料进行审查\n↓\n审核：乡镇（街道）入户调查\n↓\n发放：按月发放\n"
    )
    (doc,) = parse_gazette(text).documents
    (chart,) = [c for c in doc.clauses if c.key.endswith("附件2")]
    assert chart.text.split("\n")[-4:] == ["↓", "审核：乡镇（街道）入户调查", "↓", "发放：按月发放"]
    text = (
        "青政人〔2023〕3号\n青山县人民政府关于王志明等同志职务任免的通知\n各乡镇人民政府：\n"
        "免去：\n陈国强 青山县发展和改革局局长职务\n赵文华 青山县教育局副局长职务（退休）\n"
        "青山县人民政府\n2023年3月15日\n"
    )
    (doc,) = parse_gazette(text).documents
    assert doc.clauses[0].text.split("\n")[-2:] == [
        "陈国强 青山县发展和改革局局长职务",
        "赵文华 青山县教育局副局长职务（退休）",
    ]


def test_an_imprint_on_one_line_in_italics_is_the_imprint():
    text = (
        "青政人〔2023〕3号\n青山县人民政府关于王志明任职的通知\n各乡镇人民政府：\n"
        "经研究，决定：王志明任县教育局局长。\n青山县人民政府\n2023年3月15日\n\n"
        "*本刊地址：南湖市政务中心A座1203室　邮编：441000　电话：0710-3216688*\n"
    )
    result = parse_gazette(text)
    assert [(s.reason, s.lines) for s in result.skipped] == [("封底", (8,))]


@pytest.mark.parametrize(
    "number", ["宁政办发(2O23)12号", "宁政办发〔2023)12号", "宁政办发〔2O23〕l2号"]
)
def test_a_number_an_ocr_misread_still_heads_its_document(number):
    """宁政办发(2O23)12号 (O for 0), 〔2022〕l8号 (l for 1), 〔2023)…: the 文号 was no 文号's, so
    the notice was the document before's last clauses (its validity that document's) or a skip."""
    text = (
        "宁政发〔2023〕5号\n宁安市人民政府关于做好停车管理工作的通知\n各区人民政府：\n"
        "一、各区要在6月底前完成排查。\n宁安市人民政府\n2023年3月15日\n"
        f"宁安市人民政府办公室\n关于进一步做好农村生活垃圾治理工作的通知\n{number}\n各乡镇人民政府：\n"
        "一、各乡镇要建立保洁制度。\n宁安市人民政府办公室\n2023年4月3日\n"
    )
    first, second = parse_gazette(text).documents
    assert (second.number, str(second.signed_on)) == ("宁政办发〔2023〕12号", "2023-04-03")
    assert len(first.clauses) == 2


def test_a_wrapped_line_citing_an_article_and_its_paragraph_is_no_article():
    """…依照《中华人民共和国行政处罚法》 ⏎ 第三十三条第一款规定，…: the cited article was a
    第三十三条 of the notice, its items filed under it."""
    text = (
        "清政发〔2024〕3号\n清河县人民政府关于优化营商环境的通知\n各乡镇人民政府：\n"
        "一、推行包容审慎监管。对首次轻微违法的市场主体，严格依照《中华人民共和国行政处罚法》\n"
        "第三十三条第一款规定，依法不予行政处罚。\n二、畅通诉求渠道。\n"
        "清河县人民政府\n2024年1月26日\n"
    )
    (doc,) = parse_gazette(text).documents
    assert [c.key.split("/")[-1] for c in doc.clauses][1:] == ["一", "二"]


def test_a_closing_sentence_after_a_last_item_keeps_its_line_and_an_editors_line_is_imprint():
    """5．…的通知（临政发〔2016〕3号） ⏎ 本决定自公布之日起施行。: glued to the item with no break;
    编辑：…办公室　电话：… after the last page's footer was a table row's words."""
    text = (
        "临政发〔2022〕22号\n临江市人民政府关于废止部分行政规范性文件的决定\n各区县人民政府：\n"
        "决定废止下列文件：\n1．临江市人民政府关于印发临江市鼓励企业上市扶持办法的通知（临政发〔2016〕3号）\n"
        "本决定自公布之日起施行。\n临江市人民政府\n2022年6月15日\n"
        "编辑：临江市人民政府办公室　电话：0319-8161234\n"
    )
    result = parse_gazette(text)
    (doc,) = result.documents
    assert doc.clauses[-1].text.endswith("（临政发〔2016〕3号）\n本决定自公布之日起施行。")
    assert [(s.reason, s.lines) for s in result.skipped] == [("封底", (9,))]


def test_a_title_quoted_across_lines_is_joined_whole():
    """…，根据《 ⏎ 河北省人民政府办公厅关于…的通知 ⏎》（冀政办字〔2024〕11号）精神: the quoted title
    was taken for one starting on its line, and a line break kept inside 《…》."""
    text = (
        "清政办发〔2024〕7号\n清河县人民政府办公室关于做好春季农业生产工作的通知\n各乡镇人民政府：\n"
        "为切实抓好今年春季农业生产，根据《\n河北省人民政府办公厅关于做好2024年春季农业生产工作的通知\n"
        "》（冀政办字〔2024〕11号）精神，现就有关事项通知如下。\n"
        "一、各乡镇要在3月底前完成春耕物资储备。\n清河县人民政府办公室\n2024年2月28日\n"
    )
    (doc,) = parse_gazette(text).documents
    assert "根据《河北省人民政府办公厅关于做好2024年春季农业生产工作的通知》" in doc.clauses[0].text


def test_a_notices_own_address_and_phone_on_its_last_line_stay_its_words():
    """Review: 地址：…　电话：… ending the last notice is its contact line, not the gazette's
    imprint (one imprint line needs a gazette's field: 编辑, 主办, 邮编…)."""
    text = (
        "临政通〔2022〕2号\n临江市人民政府关于禁止燃放烟花爆竹的通告\n"
        "一、城区全年禁止燃放烟花爆竹。\n二、违反本通告的，由公安机关依法处罚。\n"
        "地址：临江市人民路1号　电话：0319-8161234\n"
    )
    result = parse_gazette(text)
    assert "电话" in result.documents[0].clauses[-1].text and not result.skipped


def test_a_heading_an_ocr_wrote_with_a_comma_is_a_heading():
    """一.明确工作目标 ⏎ … ⏎ 二，完善收运处置体系 ⏎（一）…: 二， was no token, so the heading was
    the words of 一 and its items filed under 一; a sentence opening 二， with more after it (a
    comma, a stop) stays words."""
    text = (
        "宁政办发〔2023〕12号\n宁安市人民政府办公室关于做好农村生活垃圾治理工作的通知\n各乡镇人民政府：\n"
        "一.明确工作目标\n到2023年底，农村生活垃圾收运处置体系覆盖率达到100%。\n"
        "二，完善收运处置体系\n（一）健全收集设施。各乡镇要配齐收集容器。\n"
        "宁安市人民政府办公室\n2023年4月3日\n"
    )
    (doc,) = parse_gazette(text).documents
    keys = [c.key.split("/", 1)[1] for c in doc.clauses[1:]]
    assert keys == ["一", "二", "二/（一）"]
    text = text.replace("二，完善收运处置体系", "二，是完善收运处置体系，各乡镇要配齐设施。")
    (doc,) = parse_gazette(text).documents
    assert [c.key.split("/", 1)[1] for c in doc.clauses[1:]] == ["一", "一/（一）"]
