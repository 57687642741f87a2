"""Annexes marked with their title on the same line (附件一：…) and a notice that issues two
instruments, written for the purpose (never taken from the bundled gazettes)."""

from __future__ import annotations

from checklists.standards.parsing import parse_gazette

_NOTICE = (
    "南湖县人民政府办公室关于印发南湖县农村危房改造实施方案的通知\n南政办发〔2022〕8号\n"
    "各乡镇人民政府，县政府各部门：\n现将有关文件印发给你们，请认真贯彻执行。\n"
)
_SIGNED = "南湖县人民政府办公室\n2022年3月1日\n"


def _keys(text):
    (doc,) = parse_gazette(text).documents
    return doc, [c.key.split("/", 1)[-1] for c in doc.clauses if "/" in c.key]


def test_an_annex_s_marker_with_its_title_starts_the_annex():
    doc, keys = _keys(
        _NOTICE
        + "附件：1.南湖县农村危房改造实施方案\n2.南湖县农村危房改造补助标准\n"
        + _SIGNED
        + "附件一：南湖县农村危房改造实施方案\n一、目标任务\n2022年底前完成农村危房改造300户。\n"
        "二、工作要求\n各乡镇要建立危房改造台账。\n附件二：南湖县农村危房改造补助标准\n"
        "一、D级危房每户补助2万元。\n二、C级危房每户补助1万元。\n"
    )
    assert keys == ["附件1", "附件1/一", "附件1/二", "附件2", "附件2/一", "附件2/二"]
    assert not any("附件二" in c.text for c in doc.clauses if c.key.endswith("附件1/二"))


def test_annexes_listed_by_marker_and_title_above_the_signature_are_a_listing():
    doc, keys = _keys(
        _NOTICE
        + "附件1：南湖县农村危房改造实施方案\n附件2：南湖县农村危房改造补助标准\n"
        + _SIGNED
        + "附件1\n南湖县农村危房改造实施方案\n一、目标任务\n完成改造300户。\n"
        "附件2\n南湖县农村危房改造补助标准\n一、D级危房每户补助2万元。\n"
    )
    assert keys == ["附件1", "附件1/一", "附件2", "附件2/一"]
    lines = doc.clauses[0].text.splitlines()
    assert "附件1：南湖县农村危房改造实施方案" in lines
    assert "附件2：南湖县农村危房改造补助标准" in lines


def test_a_notice_that_issues_two_instruments_keeps_a_document_of_its_own():
    text = (
        "南湖县人民政府关于印发南湖县城市绿化管理办法和南湖县古树名木保护规定的通知\n"
        "南政发〔2022〕5号\n各乡镇人民政府，县政府各部门：\n现将《南湖县城市绿化管理办法》和"
        "《南湖县古树名木保护规定》印发给你们，请认真贯彻执行。\n南湖县人民政府\n2022年2月1日\n"
        "南湖县城市绿化管理办法\n第一条 为加强城市绿化管理，制定本办法。\n"
        "第二条 新建居住区绿地率不得低于30%。\n南湖县古树名木保护规定\n"
        "第一条 为保护古树名木，制定本规定。\n第二条 禁止砍伐古树名木。\n"
    )
    notice, rules, trees = parse_gazette(text).documents
    assert notice.title == "关于印发南湖县城市绿化管理办法和南湖县古树名木保护规定的通知"
    assert [c.key for c in notice.clauses] == ["南政发〔2022〕5号"]
    assert "印发给你们" in notice.clauses[0].text
    assert (rules.title, trees.title) == ("南湖县城市绿化管理办法", "南湖县古树名木保护规定")
    assert rules.clauses[-1].key == "南政发〔2022〕5号/南湖县城市绿化管理办法/第二条"
    assert "印发给你们" not in "".join(c.text for c in rules.clauses)
    assert {d.signed_on.isoformat() for d in (notice, rules, trees)} == {"2022-02-01"}
