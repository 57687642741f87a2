"""Gazette texts written for the purpose (never taken from the bundled gazettes): a standing
committee's proclamation that promulgates rules, a government's proclamation of items, and items
that open with a date. Nothing of them may end up in the cover skip."""

from __future__ import annotations

from checklists.standards.parsing import parse_gazette


def _keys(doc):
    return [c.key.split("/", 1)[-1] for c in doc.clauses if "/" in c.key]


def test_a_standing_committee_s_proclamation_numbers_the_rules_it_promulgates():
    text = (
        "东川市人民代表大会常务委员会公告\n第12号\n《东川市城市绿化条例》已由东川市第十五届人民代表"
        "大会常务委员会第二十次会议于2020年6月28日通过，现予公布，自2020年10月1日起施行。\n"
        "东川市人民代表大会常务委员会\n2020年6月30日\n东川市城市绿化条例\n"
        "第一条 为了促进城市绿化事业发展，制定本条例。\n第二条 新建居住区绿地率不得低于30%。\n"
        "第三条 本条例自2020年10月1日起施行。\n"
    )
    result = parse_gazette(text)
    (doc,) = result.documents
    assert (doc.number, doc.title) == (
        "东川市人民代表大会常务委员会公告第12号",
        "东川市城市绿化条例",
    )
    assert _keys(doc) == ["第一条", "第二条", "第三条"]
    assert str(doc.signed_on) == "2020-06-30"
    assert not any(s.reason == "封面/刊头" for s in result.skipped)


def test_a_proclamation_of_items_is_a_document_titled_by_its_heading():
    text = (
        "东川市人民政府公告\n（第3号）\n为加强烟花爆竹燃放管理，现将有关事项公告如下：\n"
        "一、城区范围内禁止燃放烟花爆竹。\n二、违反本公告规定的，由公安机关依法处罚。\n"
        "东川市人民政府\n2021年1月20日\n"
    )
    result = parse_gazette(text)
    (doc,) = result.documents
    assert (doc.number, doc.title) == ("东川市人民政府公告第3号", "东川市人民政府公告")
    assert _keys(doc) == ["一", "二"]
    assert not result.skipped


def test_an_item_may_open_with_a_date():
    text = (
        "东川市人民政府关于禁止燃放烟花爆竹的通告\n东政发〔2021〕3号\n为加强管理，现通告如下：\n"
        "一、2021年2月11日至2月26日，城区范围内禁止燃放烟花爆竹。\n二、违反规定的，依法处罚。\n"
        "东川市人民政府\n2021年1月20日\n"
    )
    (doc,) = parse_gazette(text).documents
    assert _keys(doc) == ["一", "二"]
    assert doc.clauses[1].text.startswith("一、2021年2月11日")
