"""More gazette forms found by probing the importer with texts written for the purpose (never
taken from the bundled gazettes)."""

from __future__ import annotations

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
