"""Sub- and superscripts in clause text (``checklists/core/subsup.py``): the pure reading and
rendering, and the pages that show a clause."""

from __future__ import annotations

import subprocess
import sys

import pytest
import sqlalchemy as sa
from markupsafe import Markup

from checklists.accounts.models import Role
from checklists.authoring import checking
from checklists.authoring import operations as builder
from checklists.core import subsup
from checklists.core.extensions import db
from checklists.standards.models import Clause, Document
from checklists.standards.services import import_text

# --- the pure function ---------------------------------------------------------------------------

CASES = [
    # TeX math, with and without dollars, spaced as PDF converters write it
    ("$PM_{2.5}$", "PM<sub>2.5</sub>"),
    ("全年$PM_{2.5}$平均浓度", "全年PM<sub>2.5</sub>平均浓度"),
    ("$\\mathrm{PM}_{2.5}$", "PM<sub>2.5</sub>"),
    ("$\\mathrm { S O } _ { 2 }$", "SO<sub>2</sub>"),
    ("$\\mathrm{m}^{3}$", "m<sup>3</sup>"),
    ("$25^{\\circ}\\mathrm{C}$", "25°C"),
    ("$10\\%$", "10%"),
    ("$\\geq 500$", "≥500"),
    ("PM_{2.5}", "PM<sub>2.5</sub>"),
    ("X_{a}", "X<sub>a</sub>"),
    ("X^{2}", "X<sup>2</sup>"),
    ("100m^{2}以上", "100m<sup>2</sup>以上"),
    # bare
    ("X_2", "X<sub>2</sub>"),
    ("m^3", "m<sup>3</sup>"),
    ("SO_2和NO_x", "SO<sub>2</sub>和NO<sub>x</sub>"),
    ("H_2O", "H<sub>2</sub>O"),
    ("PM_2.5浓度", "PM<sub>2.5</sub>浓度"),
    ("10^-6", "10<sup>-6</sup>"),
    # HTML sub and sup, any case
    ("PM<sub>2.5</sub>", "PM<sub>2.5</sub>"),
    ("m<sup>3</sup>", "m<sup>3</sup>"),
    ("CO+H<SUB>2</SUB>", "CO+H<sub>2</sub>"),
    # everything else escaped
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("<sub><script>x</script></sub>", "&lt;sub&gt;&lt;script&gt;x&lt;/script&gt;&lt;/sub&gt;"),
    ("x_{<b>1</b>}", "x<sub>&lt;b&gt;1&lt;/b&gt;</sub>"),
    ('<sup onclick="x">2</sup>', "&lt;sup onclick=&#34;x&#34;&gt;2&lt;/sup&gt;"),
    ("<b>设置</b>围挡 & 台账", "&lt;b&gt;设置&lt;/b&gt;围挡 &amp; 台账"),
    # left as written
    ("", ""),
    ("甲乙丙", "甲乙丙"),
    ("file_name", "file_name"),
    ("US$5 and $6", "US$5 and $6"),
    ("$x$", "$x$"),
    ("$\\frac{1}{2}_3$", "$\\frac{1}{2}_3$"),
    ("_{2}", "_{2}"),
    ("见 https://example.gov.cn/a_1.html", "见 https://example.gov.cn/a_1.html"),
    ("2020年第1_2季度", "2020年第1<sub>2</sub>季度"),
]


@pytest.mark.parametrize(("text", "html"), CASES)
def test_clause_text_becomes_escaped_html_with_sub_and_sup(text, html):
    rendered = subsup.to_html(text)
    assert isinstance(rendered, Markup)
    assert str(rendered) == html


def test_none_is_empty_and_only_formulas_count_as_scripts():
    assert subsup.to_html(None) == Markup("")
    assert subsup.has_scripts("PM<sub>2.5</sub>") and subsup.has_scripts("$m^{3}$")
    assert not subsup.has_scripts("<b>x</b> $5") and not subsup.has_scripts(None)


MARK = (Markup("<m>"), Markup("</m>"))


@pytest.mark.parametrize(
    ("text", "span", "html"),
    [
        ("大气PM<sub>2.5</sub>浓度", "PM<sub>2.5</sub>浓", "大气<m>PM<sub>2.5</sub>浓</m>度"),
        ("大气PM<sub>2.5</sub>浓度", "2.5", "大气PM<m><sub>2.5</sub></m>浓度"),
        ("年均$PM_{2.5}$不高于35", "不高于", "年均PM<sub>2.5</sub><m>不高于</m>35"),
        ("a<b>c", "<b>", "a<m>&lt;b&gt;</m>c"),
    ],
)
def test_a_mark_wraps_its_words_and_any_formula_it_touches_whole(text, span, html):
    at = text.index(span)
    assert str(subsup.render(text, [(at, at + len(span), *MARK)])) == html


def test_excerpt_and_truncate_keep_formulas_whole_and_say_where_the_text_goes_on():
    text = "甲" * 10 + "PM<sub>2.5</sub>" + "乙" * 10
    at = text.index("<sub>")
    assert str(subsup.excerpt(text, (at + 2, at + 4))) == "…<sub>2.5</sub>…"
    assert str(subsup.excerpt(text, (8, 12))) == "…甲甲PM…"
    assert str(subsup.truncate(text, 12)) == "甲" * 10 + "PM…"
    assert str(subsup.truncate(text, 13)) == "甲" * 10 + "PM<sub>2.5</sub>…"
    assert str(subsup.truncate("短", 60)) == "短"


def test_diff_compares_formulas_whole_and_escapes():
    html = str(subsup.diff_html("PM<sub>2.5</sub>不高于35<", "PM<sub>10</sub>不高于40<"))
    assert html == (
        "PM<del><sub>2.5</sub></del><ins><sub>10</sub></ins>不高于<del>35</del><ins>40</ins>&lt;"
    )
    assert str(subsup.diff_html(None, "<i>")) == "<ins>&lt;i&gt;</ins>"


def test_the_builder_marks_its_span_with_formulas_shown():
    text = "全年$PM_{2.5}$平均浓度不高于35微克/立方米。"
    span = "$PM_{2.5}$平均浓度不高于35微克/立方米"
    html = str(checking.marked(text, checking.locate(text, span, None)))
    assert html == (
        '全年<mark class="req source-span">PM<sub>2.5</sub>平均浓度不高于35微克/立方米</mark>。'
    )


def test_the_module_is_pure():
    code = "import sys, checklists.core.subsup; print({'flask', 'sqlalchemy'} & set(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "set()"


# --- pages ---------------------------------------------------------------------------------------

GAZETTE = """示例市人民政府文件

示政发〔2026〕7号

示例市人民政府
关于大气污染防治的通知

各区人民政府：
现就有关事项通知如下。
一、空气质量
（一）全年PM_{2.5}平均浓度应当不高于35微克/立方米。
（二）锅炉房面积不低于$100\\mathrm{m}^{2}$，二氧化硫<script>alert(1)</script>应当达标。

示例市人民政府
2026年3月1日
"""


@pytest.fixture
def air(app_ctx) -> Document:
    import_text(GAZETTE, "air.txt")
    db.session.commit()
    return db.session.scalar(sa.select(Document).where(Document.number == "示政发〔2026〕7号"))


def test_a_clause_with_pm_2_5_shows_it_as_a_subscript_on_every_page(air, client, as_user):
    as_user(Role.AUTHOR)
    clause = db.session.scalar(sa.select(Clause).where(Clause.text.contains("PM_{2.5}")))
    page = client.get(f"/standards/documents/{air.id}").get_data(as_text=True)
    assert "PM<sub>2.5</sub>" in page and "PM_{2.5}" not in page
    assert "m<sup>2</sup>" in page and "\\mathrm" not in page
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page

    found = client.get("/standards/search?q=平均浓度").get_data(as_text=True)
    assert "PM<sub>2.5</sub><mark>平均浓度</mark>" in found

    template = builder.draft_template("大气", None, document=air)
    db.session.commit()
    shown = client.get(f"/templates/{template.id}").get_data(as_text=True)
    assert "<blockquote>（一）全年PM<sub>2.5</sub>平均浓度" in shown  # the clause quote
    builder_page = client.get(f"/templates/{template.id}/edit").get_data(as_text=True)
    assert '<mark class="req source-span">全年PM<sub>2.5</sub>平均浓度' in builder_page
    assert "<script>alert" not in builder_page

    quotes = client.get(f"/templates/{template.id}/clauses.json").json
    item = next(i for i in template.ordered_items() if i.clause_id == clause.id)
    assert quotes[str(item.id)] == clause.text  # the text as it is, for the phone
    assert quotes["html"][str(item.id)].startswith("（一）全年PM<sub>2.5</sub>平均浓度")
    picker = client.get(f"/templates/new?document_id={air.id}").get_data(as_text=True)
    assert "PM<sub>2.5</sub>" in picker
