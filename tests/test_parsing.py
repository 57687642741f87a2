"""Golden tests of checklists.parsing on the three bundled gazettes (tests/data)."""

import datetime
import functools
import hashlib
import re
from decimal import Decimal
from pathlib import Path

import pytest

from checklists.standards.clause_tree import clause_text_hash
from checklists.standards.extraction import extract
from checklists.standards.parsing import (
    ParseResult,
    normalize_number,
    parse_gazette,
)

DATA = Path(__file__).parent / "data"
GUANXIAN = "000_4d0f1aad85daeba2.txt"
LINZI = "002_9f5496a63f05b41d.txt"
LIAOCHENG = "003_919e3a96157a6362.txt"


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


@functools.cache
def parsed(name: str) -> ParseResult:
    return parse_gazette(read(name))


def document(name: str, number: str, title: str | None = None):
    docs = [d for d in parsed(name).documents if d.number == number]
    if title is not None:
        docs = [d for d in docs if d.title == title]
    assert len(docs) == 1, [d.title for d in docs]
    return docs[0]


def clause(doc, key: str):
    found = [c for c in doc.clauses if c.key == key]
    assert len(found) == 1, key
    return found[0]


def plain_wrapped(text: str, width: int = 40) -> str:
    """The gazette with all Markdown stripped and every paragraph hard-wrapped at ``width``."""
    out = []
    for raw in text.split("\n"):
        s = re.sub(r"^\s{0,3}#{1,6}\s*", "", raw)
        s = re.sub(r"^\s*[-*]\s+", "", s).replace("**", "")
        if "\t" in s.strip(" "):  # table rows are not paragraphs
            out.append(s.strip(" "))
            continue
        s = s.strip()
        if re.fullmatch(r"(-\s*){3,}", s):
            s = ""
        while len(s) > width:
            out.append(s[:width])
            s = s[width:]
        out.append(s)
    return "\n".join(out)


# --- every numbered document, with its normalised 文号 and title ------------------------------

GOLDEN_DOCUMENTS = [
    (GUANXIAN, "冠政发〔2016〕78号", "关于进一步加强政府采购管理工作的意见"),
    (GUANXIAN, "冠政发〔2016〕91号", "关于承接落实省、市政府削减行政许可等权力事项的通知"),
    (GUANXIAN, "冠政发〔2016〕109号", "关于印发冠县洁净煤配送工作实施办法的通知"),
    (
        GUANXIAN,
        "冠政办发〔2016〕56号",
        "关于印发《冠县乡村教师支持计划（2015-2020年）实施办法》的通知",
    ),
    (GUANXIAN, "冠政办发〔2016〕63号", "关于印发冠县全面建设国家循环经济示范城市工作方案的通知"),
    (GUANXIAN, "冠政办发〔2016〕65号", "关于印发冠县重污染天气监测预警和应急处置预案的通知"),
    (
        GUANXIAN,
        "冠政办发〔2016〕66号",
        "关于印发2016年冠县推进简政放权放管结合优化服务转变政府职能工作方案的通知",
    ),
    (GUANXIAN, "冠政办发〔2016〕69号", "关于印发《冠县县级财政专项资金管理暂行办法》的通知"),
    (GUANXIAN, "冠政办发〔2016〕70号", "关于印发冠县标本兼治防范重特大事故工作方案的通知"),
    (GUANXIAN, "冠政办发〔2016〕72号", "关于印发冠县社会信用体系建设实施方案的通知"),
    (LINZI, "临政发〔2016〕4号", "关于印发临淄区临时救助办法的通知"),
    (LINZI, "临政字〔2016〕25号", "关于表彰2015年度全区安全生产先进单位和先进个人的通报"),
    (
        LINZI,
        "临政字〔2016〕27号",
        "关于印发全区2016年度保护发展森林资源目标责任制实施意见的通知",
    ),
    (LINZI, "临政办发〔2016〕1号", "关于进一步加强2016年度政府系统调研工作的通知"),
    (
        LINZI,
        "临政办字〔2016〕10号",
        "关于印发临淄区安全生产约谈制度和重大安全生产隐患挂牌督办办法的通知",
    ),
    (LINZI, "临政办字〔2016〕10号", "临淄区安全生产约谈制度"),
    (LINZI, "临政办字〔2016〕10号", "临淄区重大安全生产隐患挂牌督办办法"),
    (
        LINZI,
        "临政办字〔2016〕11号",
        "关于印发临淄区生产经营单位安全生产不良记录“黑名单”管理暂行规定的通知",
    ),
    (LINZI, "临政办字〔2016〕12号", "关于推进全区化工产业结构调整和规范发展的实施意见"),
    (LINZI, "临政办字〔2016〕13号", "关于建立临淄区化工产业转型升级工作联席会议制度的通知"),
    (LINZI, "临政办字〔2016〕14号", "关于印发临淄区环保处罚“双罚”工作机制实施方案的通知"),
    (LINZI, "临政办字〔2016〕15号", "关于成立金山镇工矿区生态修复绿化工程指挥部的通知"),
    (LINZI, "临政办字〔2016〕16号", "关于成立临淄区保护发展森林资源工作考核领导小组的通知"),
    (
        LINZI,
        "临政办字〔2016〕17号",
        "关于成立棚户区、老旧小区、背街小巷整治改造和便民农贸市场建设工程指挥部的通知",
    ),
    (LINZI, "临政办字〔2016〕8号", "关于2016年全区政务信息工作的意见"),
    (
        LIAOCHENG,
        "聊政发〔2019〕4号",
        "关于贯彻鲁政发〔2018〕30号文件进一步稳定和扩大就业的实施意见",
    ),
    (
        LIAOCHENG,
        "聊政发〔2019〕5号",
        "关于印发2019年市政府工作报告重点工作任务部门分工方案的通知",
    ),
    # (the notice numbers its own items 一、二、; the plan it issues numbers its own)
    (LIAOCHENG, "聊政发〔2019〕5号", "2019年市政府工作报告重点工作任务部门分工方案"),
    (LIAOCHENG, "聊政字〔2019〕6号", "印发《关于加快高耗能行业高质量发展实施方案》的通知"),
    (
        LIAOCHENG,
        "聊政办字〔2019〕13号",
        "关于印发《聊城市自然保护区等突出生态问题整治实施方案（2019—2020年）》和《聊城市打好"
        "农业农村污染治理攻坚战作战方案（2019—2020年）》的通知",
    ),
    (
        LIAOCHENG,
        "聊政办字〔2019〕13号",
        "聊城市自然保护区等突出生态问题整治实施方案（2019—2020年）",
    ),
    (LIAOCHENG, "聊政办字〔2019〕13号", "聊城市打好农业农村污染治理攻坚战作战方案（2019—2020年）"),
    (
        LIAOCHENG,
        "聊财社〔2019〕69号",
        "关于印发《聊城市市级福利彩票公益金使用管理办法》的通知",
    ),
    (LIAOCHENG, "聊财社〔2019〕70号", "关于印发《聊城市就业补助资金管理辦法》的通知"),
    (LIAOCHENG, "聊政任〔2019〕3号", "关于任免曹宇翔等工作人员职务的通知"),
]


@pytest.mark.parametrize("name", [GUANXIAN, LINZI, LIAOCHENG])
def test_exactly_the_golden_documents_are_found(name):
    expected = [(n, t) for f, n, t in GOLDEN_DOCUMENTS if f == name]
    assert [(d.number, d.title) for d in parsed(name).documents] == expected


def test_document_counts_are_honest():
    # 10 + 13 + 7 numbers; one carries two documents (a notice with numbered items of its
    # own and the plan it issues), two carry three (a notice that issues two instruments:
    # its own, and the two)
    numbers = {(f, n) for f, n, _ in GOLDEN_DOCUMENTS}
    assert len(numbers) == 30
    assert len(GOLDEN_DOCUMENTS) == 35


@pytest.mark.parametrize(
    ("name", "number", "title", "issuer", "signed", "start", "until"),
    [
        (GUANXIAN, "冠政发〔2016〕78号", None, "冠县人民政府", "2016-07-26", "2016-07-26", None),
        (
            GUANXIAN,
            "冠政办发〔2016〕65号",
            None,
            "冠县人民政府办公室",
            "2016-08-11",
            "2016-08-11",
            None,
        ),
        (
            GUANXIAN,
            "冠政办发〔2016〕69号",
            None,
            "冠县人民政府办公室",
            "2016-09-09",
            "2016-09-09",
            "2018-09-08",
        ),
        (LINZI, "临政发〔2016〕4号", None, "临淄区人民政府", None, "2016-03-05", "2020-12-31"),
        (
            LINZI,
            "临政办字〔2016〕11号",
            None,
            "临淄区人民政府办公室",
            "2016-02-25",
            "2016-04-01",
            "2018-03-31",
        ),
        (LIAOCHENG, "聊政发〔2019〕4号", None, "聊城市人民政府", "2019-04-08", None, None),
        (
            LIAOCHENG,
            "聊财社〔2019〕69号",
            None,
            "聊城市财政局、聊城市民政局",
            "2019-05-09",
            "2019-07-01",
            "2023-12-31",
        ),
    ],
)
def test_issuer_signature_and_in_force_window(name, number, title, issuer, signed, start, until):
    doc = document(name, number, title)

    def day(s):
        return datetime.date.fromisoformat(s) if s else None

    assert doc.issuer == issuer
    assert (doc.signed_on, doc.in_force_from, doc.in_force_until) == (
        day(signed),
        day(start),
        day(until),
    )


@pytest.mark.parametrize(
    ("name", "reason", "title"),
    [
        (GUANXIAN, "封面/刊头", "冠县人民政府公报"),
        (GUANXIAN, "目录", "目录"),
        (GUANXIAN, "讲话", "张琳同志在全县工业经济运行分析会议上的讲话"),
        (GUANXIAN, "讲话", "张琳同志在全县迎接中央环保督察工作动员会上的讲话"),
        (GUANXIAN, "新闻", "张铁夫来冠县考察洽谈环保项目"),
        (GUANXIAN, "新闻", "全市重点项目、重点工作现场调度会观摩团来冠县观摩"),
        (LINZI, "封面/刊头", "临淄区人民政府公报"),
        (LINZI, "目录", "目录"),
        (LIAOCHENG, "大事记", "聊城市人民政府大事记"),
        (LIAOCHENG, "目录", "目录"),
    ],
)
def test_non_documents_are_skipped_with_a_reason(name, reason, title):
    assert (title, reason) in [(s.title, s.reason) for s in parsed(name).skipped]


def test_all_seventeen_news_items_are_skipped():
    assert sum(s.reason == "新闻" for s in parsed(GUANXIAN).skipped) == 17


# --- clause trees -----------------------------------------------------------------------------

COAL = "冠政发〔2016〕109号/二/（二）/"


@pytest.mark.parametrize(
    ("item", "kind", "comparator", "value", "unit"),
    [
        (1, "measure", ">=", "500", "m²"),
        (1, "measure", ">=", "6", "m"),
        (3, "measure", ">=", "15", "cm"),
        (6, "count", ">=", "2", "辆"),
    ],
)
def test_coal_depot_standard_thresholds(item, kind, comparator, value, unit):
    doc = document(GUANXIAN, "冠政发〔2016〕109号")
    reqs = extract(clause(doc, f"{COAL}{item}").text)
    assert (kind, comparator, Decimal(value), unit) in [
        (r.kind, r.comparator, r.value, r.unit) for r in reqs
    ]


def test_coal_depot_standard_has_eleven_clauses():
    doc = document(GUANXIAN, "冠政发〔2016〕109号")
    keys = [c.key for c in doc.clauses if c.key.startswith(COAL)]
    assert keys == [f"{COAL}{n}" for n in range(1, 12)]
    assert clause(doc, f"{COAL}1").parent_key == "冠政发〔2016〕109号/二/（二）"
    assert "满足重型车辆完全进出" in clause(doc, f"{COAL}1").normalized  # page break joined


def test_coal_depot_item_11_is_a_strong_prohibition():
    doc = document(GUANXIAN, "冠政发〔2016〕109号")
    reqs = extract(clause(doc, f"{COAL}11").text)
    assert ("mandatory_strong", "prohibition") in [(r.modality, r.kind) for r in reqs]


@pytest.mark.parametrize(
    ("key_tail", "kind", "comparator", "value", "unit", "per"),
    [
        ("六/3", "retention", ">=", "2", "year", None),
        ("五/（三）", "frequency", ">=", "1", "次", "month"),
    ],
)
def test_coal_depot_management_and_testing(key_tail, kind, comparator, value, unit, per):
    doc = document(GUANXIAN, "冠政发〔2016〕109号")
    reqs = extract(clause(doc, f"冠政发〔2016〕109号/{key_tail}").text)
    assert (kind, comparator, Decimal(value), unit, per) in [
        (r.kind, r.comparator, r.value, r.unit, r.per) for r in reqs
    ]


PROCUREMENT_STEPS = {
    1: "三/（一）",
    2: "三/（一）",
    **{n: "三/（二）" for n in range(3, 10)},
    **{n: "三/（三）" for n in range(10, 13)},
    13: "三/（四）",
    14: "三/（四）",
    **{n: "三/（五）" for n in range(15, 18)},
    18: "三/（六）",
    19: "三/（六）",
}


def test_procurement_has_nineteen_steps_running_on_across_parents():
    doc = document(GUANXIAN, "冠政发〔2016〕78号")
    expected = [f"冠政发〔2016〕78号/{parent}/{n}" for n, parent in PROCUREMENT_STEPS.items()]
    steps = [c.key for c in doc.clauses if re.fullmatch(r".*/三/（.）/\d+", c.key)]
    assert steps == expected


@pytest.mark.parametrize(
    ("step", "value", "trigger"),
    [(8, "3", None), (8, "7", None), (9, "15", None), (9, "30", "收到投诉")],
)
def test_procurement_working_day_deadlines(step, value, trigger):
    doc = document(GUANXIAN, "冠政发〔2016〕78号")
    key = f"冠政发〔2016〕78号/{PROCUREMENT_STEPS[step]}/{step}"
    deadlines = [
        (r.value, r.trigger)
        for r in extract(clause(doc, key).text)
        if r.kind == "deadline" and r.unit == "working_day" and r.comparator == "<="
    ]
    assert (Decimal(value), trigger) in deadlines


@pytest.mark.parametrize(
    ("step", "kind", "comparator", "value", "unit"),
    [
        (1, "count", ">=", "1", "名"),
        (1, "count", ">=", "2", "名"),
        (6, "count", "range", None, "名"),
        (12, "count", ">=", "3", "次"),
    ],
)
def test_procurement_counts(step, kind, comparator, value, unit):
    doc = document(GUANXIAN, "冠政发〔2016〕78号")
    key = f"冠政发〔2016〕78号/{PROCUREMENT_STEPS[step]}/{step}"
    found = [(r.kind, r.comparator, r.value, r.unit) for r in extract(clause(doc, key).text)]
    assert (kind, comparator, Decimal(value) if value else None, unit) in found


def test_procurement_annexes_restart_numbering():
    doc = document(GUANXIAN, "冠政发〔2016〕78号")
    keys = {c.key for c in doc.clauses}
    for n in (1, 2, 3):
        assert f"冠政发〔2016〕78号/附件{n}" in keys
        assert f"冠政发〔2016〕78号/附件{n}/1" in keys
    table = clause(doc, "冠政发〔2016〕78号/附件1/表1")
    assert table.is_table and table.table and len(table.table) > 5


def test_two_instruments_under_one_number():
    interview = document(LINZI, "临政办字〔2016〕10号", "临淄区安全生产约谈制度")
    listing = document(LINZI, "临政办字〔2016〕10号", "临淄区重大安全生产隐患挂牌督办办法")
    base = "临政办字〔2016〕10号/临淄区安全生产约谈制度"
    article = clause(interview, f"{base}/第三条/（二）/6")
    assert "年内两次发现同类安全生产违法行为" in article.text
    assert article.parent_key == f"{base}/第三条/（二）"
    assert [c.key for c in interview.clauses if c.token.startswith("第")] == [
        f"{base}/第{n}条" for n in "一二三四五六七"
    ]
    assert {c.key for c in listing.clauses} >= {
        "临政办字〔2016〕10号/临淄区重大安全生产隐患挂牌督办办法/第五条/（四）",
        "临政办字〔2016〕10号/临淄区重大安全生产隐患挂牌督办办法/第十条",
    }
    written_report = extract(clause(interview, f"{base}/第七条").text)
    assert (Decimal(15), "working_day", "约谈结束后") in [
        (r.value, r.unit, r.trigger) for r in written_report if r.kind == "deadline"
    ]


def test_page_break_inside_a_token_is_joined():
    doc = document(LINZI, "临政办字〔2016〕11号")
    item = clause(doc, "临政办字〔2016〕11号/第五条/（五）")
    assert "于15个工作日内" in item.text
    assert "page_joined" in item.flags
    deadlines = [r for r in extract(item.text, item.join_offsets) if r.unit == "working_day"]
    assert [(r.value, r.comparator, r.kind) for r in deadlines] == [(Decimal(15), "<=", "deadline")]
    assert "page_joined" in deadlines[0].flags


def test_blacklist_deposit_and_deadline():
    doc = document(LINZI, "临政办字〔2016〕11号")
    reqs = extract(clause(doc, "临政办字〔2016〕11号/第九条").text)
    found = {(r.kind, r.value, r.unit) for r in reqs}
    assert {("deadline", Decimal(10), "working_day"), ("money", Decimal(500000), "元")} <= found


def test_continuation_goes_back_to_its_document():
    employment = document(LIAOCHENG, "聊政发〔2019〕4号")
    keys = [c.key for c in employment.clauses]
    assert "聊政发〔2019〕4号/四/（十一）" in keys
    assert "聊政发〔2019〕4号/四/（十二）" in keys
    assert "上接" not in employment.text
    energy = document(LIAOCHENG, "聊政字〔2019〕6号")
    assert "公共就业服务" not in energy.text
    assert not any(c.key.endswith("（十一）") and "就业" in c.text for c in energy.clauses)


def test_continuation_printed_before_its_document_goes_home():
    lottery = document(LIAOCHENG, "聊财社〔2019〕69号")
    art15 = clause(lottery, "聊财社〔2019〕69号/第十五条")
    assert "将上年度福彩公益金使用情况报市民政局" in art15.text
    assert clause(lottery, "聊财社〔2019〕69号/第二十一条")
    eco = document(
        LIAOCHENG,
        "聊政办字〔2019〕13号",
        "聊城市自然保护区等突出生态问题整治实施方案（2019—2020年）",
    )
    assert "福彩" not in eco.text


def test_preparedness_plan_uses_decimal_numbering():
    doc = document(GUANXIAN, "冠政办发〔2016〕65号")
    keys = {c.key for c in doc.clauses}
    assert {
        "冠政办发〔2016〕65号/1/1.1",
        "冠政办发〔2016〕65号/3/3.1/4",
        "冠政办发〔2016〕65号/4/4.3/（二）/1/（7）",
        "冠政办发〔2016〕65号/4/4.3/（四）/1/（2）",
    } <= keys


def test_chapters_and_articles():
    doc = document(LINZI, "临政发〔2016〕4号")
    art = clause(doc, "临政发〔2016〕4号/第三章/第十一条")
    assert art.parent_key == "临政发〔2016〕4号/第三章"
    assert (Decimal(15), "working_day") in [(r.value, r.unit) for r in extract(art.text)]


def test_a_notice_and_the_plan_it_issues_number_apart():
    notice = document(
        LIAOCHENG, "聊政发〔2019〕5号", "关于印发2019年市政府工作报告重点工作任务部门分工方案的通知"
    )
    plan = document(LIAOCHENG, "聊政发〔2019〕5号", "2019年市政府工作报告重点工作任务部门分工方案")
    keys = [c.key for c in notice.clauses] + [c.key for c in plan.clauses]
    assert "聊政发〔2019〕5号/一" in keys
    assert "聊政发〔2019〕5号/2019年市政府工作报告重点工作任务部门分工方案/一" in keys
    assert not any("~" in k for k in keys) and len(keys) == len(set(keys))


def test_repeated_key_gets_a_suffix():
    (doc,) = parse_gazette(
        "甲市人民政府关于A的通知\n甲政发〔2020〕1号\n各部门：\n一、甲。\n二、乙。\n一、丙。\n"
    ).documents
    keys = [c.key.split("/", 1)[-1] for c in doc.clauses if "/" in c.key]
    assert keys == ["一", "二", "一~2"]


@pytest.mark.parametrize("name", [GUANXIAN, LINZI, LIAOCHENG])
def test_keys_unique_hashes_and_parents_consistent(name):
    for doc in parsed(name).documents:
        keys = [c.key for c in doc.clauses]
        assert len(keys) == len(set(keys))
        for c in doc.clauses:
            assert c.text_hash == clause_text_hash(c.text)
            assert c.parent_key is None or c.parent_key in keys
            assert c.key == "/".join((doc.number,) + c.path)
        assert [c.position for c in doc.clauses] == list(range(len(doc.clauses)))


def test_tables_are_kept_as_tables():
    doc = document(LINZI, "临政办字〔2016〕8号")
    table = clause(doc, "临政办字〔2016〕8号/附件1/表1")
    assert table.is_table
    assert ("区《政务参考》", "20") in table.table


# --- robustness: no Markdown, hard-wrapped -------------------------------------------------------


def _summary(result: ParseResult):
    docs = [(d.number, d.title) for d in result.documents]
    keys = [[c.key for c in d.clauses] for d in result.documents]
    hashes = {c.key: c.text_hash for d in result.documents for c in d.clauses}
    reqs = {
        c.key: [
            (
                r.kind,
                r.modality,
                r.comparator,
                r.value,
                r.low,
                r.high,
                r.unit,
                r.per,
                re.sub(r"\s", "", r.span),
            )
            for r in extract(c.text)
        ]
        for d in result.documents
        for c in d.clauses
    }
    return docs, keys, hashes, reqs


@pytest.mark.parametrize("name", [GUANXIAN, LINZI, LIAOCHENG])
def test_plain_hard_wrapped_copy_gives_the_same_result(name):
    original = _summary(parsed(name))
    wrapped = _summary(parse_gazette(plain_wrapped(read(name))))
    assert wrapped[0] == original[0]
    assert wrapped[1] == original[1]
    assert wrapped[2] == original[2]
    assert wrapped[3] == original[3]


# --- small functions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("临政办字[2016]10号", "临政办字〔2016〕10号"),
        ("临政字〔2016〕25 号", "临政字〔2016〕25号"),
        ("聊新出准字【2008】13号", "聊新出准字〔2008〕13号"),
        ("冠政发［2016］109号", "冠政发〔2016〕109号"),
        ("冠政发 〔2016〕 78 号", "冠政发〔2016〕78号"),
    ],
)
def test_normalize_number(raw, normalised):
    assert normalize_number(raw) == normalised


def test_clause_text_hash_ignores_whitespace_and_width():
    assert clause_text_hash("于15个工\n作日内") == clause_text_hash("于１５个工作日内")


def test_document_without_number_gets_a_hash_key():
    text = "关于加强安全生产工作的意见\n\n各单位：\n\n一、企业应当建立台账。\n\n二、每月检查1次。\n"
    (doc,) = parse_gazette(text).documents
    prefix = "无文号-" + hashlib.sha256("关于加强安全生产工作的意见".encode()).hexdigest()[:8]
    assert doc.number is None
    assert [c.key for c in doc.clauses] == [prefix, f"{prefix}/一", f"{prefix}/二"]


@pytest.mark.parametrize(
    "text",
    [
        # plain text, no markup, issuer banner and 文号 line
        "某县人民政府文件\n\n某政发〔2020〕1号\n\n某县人民政府关于加强安全管理的通知\n\n各乡镇：\n\n"
        "一、总体要求\n\n（一）企业应当于3个工作日内报告。\n\n1、台账保存2年以上。\n\n"
        "某县人民政府\n2020年3月1日\n",
        # the same with the 文号 in parentheses under the title
        "某县人民政府办公室\n关于加强安全管理的通知\n(某政办字[2020]1号)\n\n各乡镇：\n\n"
        "一、总体要求\n\n（一）企业应当于3个工作日内报告。\n\n1、台账保存2年以上。\n",
    ],
)
def test_unseen_plain_text_gazette(text):
    result = parse_gazette(text)
    assert len(result.documents) == 1
    doc = result.documents[0]
    assert doc.title == "关于加强安全管理的通知"
    assert doc.number.endswith("〔2020〕1号")
    tail = [c.key.split("/", 1)[1] for c in doc.clauses if "/" in c.key]
    assert tail == ["一", "一/（一）", "一/（一）/1"]


# An unseen gazette in plain text, no markup: the gazette's contents, three documents, a page
# number between two articles, and the last articles of the first document printed after the
# second one with no 上接 mark (written for these tests, not taken from a bundled gazette).
UNSEEN = """东平县人民政府公报
2021年第2期

目  录

县政府文件
东平县人民政府办公室关于印发东平县城镇燃气安全管理办法的通知……………………………1
东平县人民政府办公室关于做好春季森林防火工作的通知……………………………………3

东平县人民政府办公室文件
东政办发〔2021〕3号
东平县人民政府办公室
关于印发东平县城镇燃气安全管理办法的通知
各乡镇人民政府，县政府各部门：
现将《东平县城镇燃气安全管理办法》印发给你们，请认真贯彻执行。
东平县人民政府办公室
2021年2月1日
东平县城镇燃气安全管理办法
第一条 为加强城镇燃气安全管理，制定本办法。
第二条 燃气经营企业应当取得燃气经营许可证。
2
第三条 燃气经营企业每季度至少开展一次安全检查，检查记录保存不少于2年。

东平县人民政府办公室文件
东政办发〔2021〕4号
东平县人民政府办公室
关于做好春季森林防火工作的通知
各乡镇人民政府，县政府各部门：
一、各乡镇要落实森林防火责任制。
二、防火期内严禁野外用火。
东平县人民政府办公室
2021年2月20日
第四条 燃气用户应当安装燃气泄漏报警装置。
第五条 县住建局负责全县燃气安全监督管理，每年组织不少于2次专项检查。
第六条 本办法自2021年3月1日起施行。
"""


def test_unseen_gazette_contents_page_break_and_unmarked_continuation():
    result = parse_gazette(UNSEEN)
    keys = {
        d.number: [c.key.split("/", 1)[1] for c in d.clauses if "/" in c.key]
        for d in result.documents
    }
    assert keys == {
        "东政办发〔2021〕3号": ["第一条", "第二条", "第三条", "第四条", "第五条", "第六条"],
        "东政办发〔2021〕4号": ["一", "二"],
    }
    # the contents are no clauses, and nothing of the text is lost
    reasons = {s.reason for s in result.skipped}
    assert "目录" in reasons
    texts = " ".join(c.text for d in result.documents for c in d.clauses)
    assert "……" not in texts
    for line in (
        "第三条 燃气经营企业每季度至少开展一次安全检查",
        "第六条 本办法自2021年3月1日起施行",
    ):
        assert line in texts


def _assert_every_line_read_once(text: str, result) -> None:
    """Every non-blank line of ``text`` is in exactly one document or named skip of ``result``."""
    seen: dict[int, int] = {}
    for d in result.documents:
        for n in d.source_lines:
            seen[n] = seen.get(n, 0) + 1
    for s in result.skipped:
        for n in s.lines:
            seen[n] = seen.get(n, 0) + 1
    body = [n for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    assert sorted(seen) == body and set(seen.values()) == {1}


def test_unseen_county_gazette_running_header_annexes_and_section_banners():
    """A plain-text gazette written for this test (tests/data/unseen_plain_county.txt): a page's
    running header in the middle of a sentence (its masthead spelled otherwise than the cover's)
    is page furniture, the sentence joins across it; a banner heading a part of the gazette
    (县政府文件) does not name the issuer when the title does; annexes stay with their document;
    every non-blank line is read exactly once."""
    text = (Path(__file__).parent / "data" / "unseen_plain_county.txt").read_text(encoding="utf-8")
    result = parse_gazette(text)
    issuers = {d.number: d.issuer for d in result.documents}
    assert issuers == {
        "某政字〔2024〕8号": "某县人民政府",
        "某政办字〔2024〕21号": "某县人民政府办公室",
    }
    clauses = {c.key: c.text for d in result.documents for c in d.clauses}
    joined = clauses["某政字〔2024〕8号/二/（二）"]
    assert joined.endswith("抽检比例不低于20%。") and "公报" not in joined
    assert "某政字〔2024〕8号/附件1/2" in clauses
    _assert_every_line_read_once(text, result)


def test_unseen_city_gazette_chapters_items_and_colophon():
    """A plain-text gazette written for this test (tests/data/unseen_plain_city_gas.txt): a
    办法 in chapters and articles under its 印发 notice (in force from its 施行 date for 有效期5
    年), a 通知 in 一、（一）1. items with an annex table; the colophon after the annex (抄送：…,
    …印发) is no clause's words but a named skip; every non-blank line is read exactly once."""
    text = (Path(__file__).parent / "data" / "unseen_plain_city_gas.txt").read_text(
        encoding="utf-8"
    )
    result = parse_gazette(text)
    by_number = {d.number: d for d in result.documents}
    assert set(by_number) == {"某政发〔2025〕12号", "某政办字〔2025〕30号"}
    rules = by_number["某政发〔2025〕12号"]
    assert rules.in_force_from == datetime.date(2025, 5, 1)
    assert rules.in_force_until == datetime.date(2030, 4, 30)
    clauses = {c.key: c.text for d in result.documents for c in d.clauses}
    item = clauses["某政发〔2025〕12号/第二章/第四条/（二）"]
    assert item == "（二）有不少于2名专职安全管理人员；"
    assert clauses["某政办字〔2025〕30号/三/2"].endswith("各地每月至少开展2次联合检查。")
    annex = clauses["某政办字〔2025〕30号/附件1"]
    assert "抄送" not in annex and "印发" not in annex
    assert [s.reason for s in result.skipped if s.title.startswith("版记")] == ["版记"]
    _assert_every_line_read_once(text, result)


def test_unseen_notices_without_numbers_one_after_another():
    """Two documents with no 文号 (tests/data/unseen_plain_notices.txt, written for this test): an
    通告 opening the text, then, right after its signature date, an agency's 通知 title above its
    addressees. The second is a document of its own (not items of the first), with its issuer and
    date; every non-blank line is read exactly once."""
    text = (Path(__file__).parent / "data" / "unseen_plain_notices.txt").read_text(encoding="utf-8")
    result = parse_gazette(text)
    found = [(d.title, d.issuer, d.signed_on) for d in result.documents]
    assert found == [
        ("关于城区禁止燃放烟花爆竹的通告", "某县人民政府", datetime.date(2025, 12, 10)),
        ("关于加强汛期安全生产工作的通知", "某县应急管理局", datetime.date(2025, 6, 20)),
    ]
    first, second = result.documents
    assert [c.token for c in first.clauses[1:]] == ["一", "二", "三", "四", "五"]
    assert "某县应急管理局" not in first.clauses[0].text
    assert [c.key.split("/", 1)[1] for c in second.clauses[1:]] == [
        "1",
        "2",
        "2/（1）",
        "2/（2）",
        "3",
    ]
    _assert_every_line_read_once(text, result)


def test_a_set_of_rules_pasted_alone_is_a_document():
    """Plain text with no 文号 and no 关于: a rules title (…规定) on the first line, its articles
    under it, is one document (not nothing recognised); after another document the same title
    is the rules that document issues, not a document of its own (the city gazette test)."""
    text = "某县消防安全规定\n第一条 单位应当每日进行防火巡查。\n第二条 疏散通道应当保持畅通。\n"
    (doc,) = parse_gazette(text).documents
    assert doc.title == "某县消防安全规定"
    assert [c.token for c in doc.clauses if c.token] == ["第一条", "第二条"]


def test_unseen_plan_a_sentence_runs_on_across_page_markers():
    """tests/data/unseen_plain_plan.txt (written for this test): a sentence broken by a page
    number, a 下转 marker, the gazette's bare name as a running header and an 上接 marker runs
    on as one; every non-blank line is read exactly once."""
    text = (Path(__file__).parent / "data" / "unseen_plain_plan.txt").read_text(encoding="utf-8")
    result = parse_gazette(text)
    clauses = {c.key: c.text for d in result.documents for c in d.clauses}
    assert clauses["某政办发〔2025〕15号/二/（三）"].endswith("配送人员应当持证上岗。")
    assert all("公报" not in t for t in clauses.values())
    _assert_every_line_read_once(text, result)


def test_a_markdown_table_is_a_table():
    """| 序号 | 检查项目 | 标准要求 | rows under a | --- | rule: one table clause whose rows are
    the cells (not sentences of the text around them)."""
    text = (
        "某政办字〔2025〕40号\n某县人民政府办公室\n关于印发燃气安全检查标准的通知\n"
        "各乡镇人民政府：\n现将《燃气安全检查标准》印发给你们，请遵照执行。\n"
        "某县人民政府办公室\n2025年5月6日\n"
        "| 序号 | 检查项目 | 标准要求 |\n| --- | --- | --- |\n| 1 | 储存间面积 | 不小于10平方米 |\n"
    )
    (doc,) = parse_gazette(text).documents
    (table,) = [c for c in doc.clauses if c.is_table]
    assert table.table == (("序号", "检查项目", "标准要求"), ("1", "储存间面积", "不小于10平方米"))


def test_unseen_gazette_rules_promulgated_by_a_government_order():
    """A plain-text gazette written for this test (tests/data/unseen_plain_order.txt): rules a
    government order promulgates (某某市人民政府令 / 第38号, no 文号) are a document numbered by
    the order, titled by the rules, signed on the mayor's date and in force from the date the
    order names; a reply (批复) and an appointments notice follow; every non-blank line is read
    exactly once."""
    text = (Path(__file__).parent / "data" / "unseen_plain_order.txt").read_text(encoding="utf-8")
    result = parse_gazette(text)
    order = result.documents[0]
    assert (order.number, order.title, order.issuer) == (
        "某某市人民政府令第38号",
        "某某市电梯安全管理办法",
        "某某市人民政府",
    )
    assert order.signed_on == datetime.date(2025, 6, 3)
    assert order.in_force_from == datetime.date(2025, 8, 1)
    keys = [c.key for c in order.clauses]
    assert "某某市人民政府令第38号/第二章/第四条/（一）" in keys
    assert "某某市人民政府令第38号/第五章/第十一条" in keys
    assert [d.number for d in result.documents[1:]] == [
        "某政办发〔2025〕15号",
        "某政字〔2025〕22号",
        "某政任〔2025〕7号",
    ]
    _assert_every_line_read_once(text, result)


def test_unseen_gazette_joint_issuers_and_a_policy_reading():
    """A plain-text gazette written for this test (tests/data/unseen_plain_joint.txt): a notice
    two bureaus issue together (某某县财政局 某某县民政局 above the title, under a part's banner
    县政府办公室文件) names both, one by one; the 政策解读 after its 办法 is a named skip, not
    the 办法's last article; every non-blank line is read exactly once."""
    text = (Path(__file__).parent / "data" / "unseen_plain_joint.txt").read_text(encoding="utf-8")
    result = parse_gazette(text)
    (notice,) = result.documents
    assert notice.issuer == "某某县财政局、某某县民政局"
    clauses = {c.key: c.text for c in notice.clauses}
    last = clauses["某财社〔2024〕11号/附件1/第三章/第七条"]
    assert last.endswith("有效期至2029年3月31日。") and "解读" not in last
    assert not any("出台背景" in t for t in clauses.values())
    assert {s.reason for s in result.skipped} >= {"政策解读", "大事记"}
    _assert_every_line_read_once(text, result)


def test_unseen_markdown_table_rule_is_page_furniture():
    """A standard written as a Markdown table (tests/data/unseen_markdown_table.txt): the rule
    under its header (| --- | --- |) is page furniture, accounted for; the table is one clause
    whose cells are read one by one (a cell's words name no party of the next)."""
    text = (Path(__file__).parent / "data" / "unseen_markdown_table.txt").read_text(
        encoding="utf-8"
    )
    result = parse_gazette(text)
    (doc,) = result.documents
    table = next(c for c in doc.clauses if c.key.endswith("/表1"))
    read = [(r.span, r.subject) for r in extract(table.text)]
    assert ("从业人员每年培训不少于8学时", "从业人员") in read
    assert ("宽度不小于4米", None) in read
    _assert_every_line_read_once(text, result)


def test_unseen_gazette_with_the_number_above_the_title():
    """A plain-text gazette written for this test (tests/data/unseen_plain_number_first.txt):
    each 文号 is printed above its issuer and 关于… title; the gazette's masthead above the first
    one is no title of it; every non-blank line is read exactly once."""
    text = (Path(__file__).parent / "data" / "unseen_plain_number_first.txt").read_text(
        encoding="utf-8"
    )
    result = parse_gazette(text)
    assert [(d.number, d.title, d.issuer) for d in result.documents] == [
        ("某政发〔2023〕7号", "关于进一步加强城市供水安全保障的意见", "某某市人民政府"),
        ("某政办字〔2023〕19号", "关于做好2023年汛期安全工作的通知", "某某市人民政府办公室"),
    ]
    keys = [c.key for d in result.documents for c in d.clauses]
    assert "某政发〔2023〕7号/三" in keys and not any(k.startswith("无文号") for k in keys)
    _assert_every_line_read_once(text, result)


def test_unseen_table_laid_out_with_spaces():
    """A plain-text annex whose table is laid out with runs of spaces (tests/data/
    unseen_spaced_table.txt): its rows are one table clause, each row's cells apart, not rows
    joined as wrapped lines; its numbers are read; every non-blank line is read exactly once."""
    text = (Path(__file__).parent / "data" / "unseen_spaced_table.txt").read_text(encoding="utf-8")
    result = parse_gazette(text)
    (doc,) = result.documents
    table = next(c for c in doc.clauses if c.key.endswith("/表1"))
    assert table.text.count("\n") == 4 and "1\t许可管理\t" in table.text
    read = {(r.span, r.comparator, r.value) for r in extract(table.text) if r.value is not None}
    assert ("每个品种留样量不少于125克", ">=", Decimal(125)) in read
    _assert_every_line_read_once(text, result)


def test_unseen_gazette_with_rules_after_their_notice_and_page_marks():
    """A plain-text gazette written for this test (tests/data/unseen_plain_sorting.txt): a
    contents list whose entries end in (page), a 印发 notice with its 办法 in articles after
    its signature, a page break marked 下转/上接 between two documents; every non-blank line is
    read exactly once and each document keeps its own clauses."""
    text = (Path(__file__).parent / "data" / "unseen_plain_sorting.txt").read_text(encoding="utf-8")
    result = parse_gazette(text)
    assert [d.number for d in result.documents] == ["某政发〔2025〕9号", "某政办发〔2025〕21号"]
    rules = result.documents[0]
    assert rules.in_force_from == datetime.date(2025, 10, 1)
    keys = [c.key for c in rules.clauses]
    assert "某政发〔2025〕9号/第四条/（三）" in keys and "某政发〔2025〕9号/第七条" in keys
    assert not any("校长" in c.text for c in rules.clauses)
    _assert_every_line_read_once(text, result)


def test_items_numbered_with_circled_numbers_are_clauses():
    """①②…: a numbering of its own (NFKC reads ① as "1"; the key keeps the circle)."""
    result = parse_gazette(
        "甲市人民政府关于A的意见\n甲政发〔2021〕13号\n各部门：\n①突出重点；\n②强化措施。\n"
        "甲市人民政府\n2021年3月1日\n"
    )
    (doc,) = result.documents
    assert [c.key.split("/", 1)[1] for c in doc.clauses if "/" in c.key] == ["①", "②"]


@pytest.mark.parametrize("numbered", [True, False])
def test_documents_cited_in_a_list_are_no_documents_of_their_own(numbered):
    """废止以下文件：1.《…》（甲政发〔2015〕3号）: the 文号 of a document the text cites, in a
    list, heads no document; the next document, after a signature, still does."""
    item = (
        "1.《甲市人民政府关于加强城市管理的意见》"
        if numbered
        else "甲市人民政府关于加强城市管理的意见"
    )
    text = (
        "甲市人民政府关于废止部分规范性文件的决定\n甲政发〔2021〕9号\n各区人民政府，市政府各部门：\n"
        f"市政府决定废止以下文件：\n{item}\n（甲政发〔2015〕3号）\n本决定自公布之日起施行。\n"
        "甲市人民政府\n2021年3月1日\n"
        "甲市人民政府关于加强管理的通知\n甲政发〔2021〕10号\n各部门：\n一、加强管理。\n"
        "甲市人民政府\n2021年3月2日\n"
    )
    result = parse_gazette(text)
    assert [(d.number, str(d.signed_on)) for d in result.documents] == [
        ("甲政发〔2021〕9号", "2021-03-01"),
        ("甲政发〔2021〕10号", "2021-03-02"),
    ]


@pytest.mark.parametrize(
    ("body", "window"),
    [
        # another document's date, a licence's term, a party's date: not the window
        (
            "原《某市乙办法》自2015年6月1日起施行以来，效果良好。本办法自2020年5月1日起施行。",
            ("2020-05-01", "None"),
        ),
        ("排污许可证有效期为3年。本办法自2020年5月1日起施行。", ("2020-05-01", "None")),
        (
            "经营者自2020年6月1日起执行新的收费标准。本办法自2020年5月1日起施行，有效期5年。",
            ("2020-05-01", "2025-04-30"),
        ),
        # both ends written; a trial; the term in the next sentence
        ("本办法有效期自2020年5月1日至2022年4月30日。", ("2020-05-01", "2022-04-30")),
        ("本办法自2020年5月1日起试行，有效期2年。", ("2020-05-01", "2022-04-30")),
        ("本办法自2020年5月1日起施行。有效期到2022年4月30日。", ("2020-05-01", "2022-04-30")),
    ],
)
def test_the_validity_window_is_the_documents_own(body, window):
    from checklists.standards.validity import in_force as _in_force

    start, until = _in_force(body, datetime.date(2020, 4, 1))
    assert (str(start), str(until)) == window


@pytest.mark.parametrize(
    "furniture",
    [
        "临江市人民政府公报    2020年第5期    — 12 —",
        "2020年第5期    总第123期    临江市人民政府公报",
        "临江市人民政府公报 · 2020年第5期",
        "·12·",
        "临江政报",
    ],
)
def test_a_page_s_header_in_any_layout_is_furniture(furniture):
    """A running header spaced into three parts is no table; · and 政报 are a header too."""
    text = (
        "临江市人民政府关于A的通知\n临政发〔2020〕9号\n各部门：\n一、加强管理，\n"
        f"{furniture}\n落实责任。\n二、其他。\n临江市人民政府\n2020年3月1日\n"
    )
    (doc,) = parse_gazette(text).documents
    texts = [c.text for c in doc.clauses]
    assert "一、加强管理，落实责任。" in texts
    assert not any(c.is_table for c in doc.clauses)


def test_an_explanation_titled_with_guanyu_is_a_skip():
    """关于《…办法》的政策解读 after the last article: what the drafters tell, no clause of the
    办法 (its 一、出台背景 no item of 第二条)."""
    text = (
        "南湖县人民政府关于印发南湖县城区停车管理办法的通知\n南政发〔2022〕5号\n各部门：\n"
        "现将《南湖县城区停车管理办法》印发给你们。\n南湖县人民政府\n2022年8月1日\n"
        "南湖县城区停车管理办法\n第一条 为规范停车管理，制定本办法。\n"
        "第二条 本办法自2022年9月1日起施行。\n关于《南湖县城区停车管理办法》的政策解读\n"
        "一、出台背景\n近年来停车难问题日益突出。\n"
    )
    result = parse_gazette(text)
    (doc,) = result.documents
    assert [c.key.split("/", 1)[-1] for c in doc.clauses if "/" in c.key] == ["第一条", "第二条"]
    assert [s.reason for s in result.skipped] == ["政策解读"]


def _issued(articles: str) -> str:
    """甲市A办法 issued by a notice (signature and date), then its articles."""
    return (
        "甲市人民政府关于印发甲市A办法的通知\n甲政发〔2021〕3号\n各部门：\n现印发给你们。\n"
        "甲市人民政府\n2021年4月1日\n甲市A办法\n第一条 为规范管理，制定本办法。\n" + articles
    )


def test_an_article_cited_at_a_line_s_wrap_is_no_new_article():
    text = _issued(
        "第二条 违反本办法规定的，依照本办法\n第四条处理。\n第三条 其他事项。\n"
        "第四条 本办法自2021年5月1日起施行。\n"
    )
    (doc,) = parse_gazette(text).documents
    keys = [c.key.split("/", 1)[-1] for c in doc.clauses if "/" in c.key]
    assert keys == ["第一条", "第二条", "第三条", "第四条"]
    assert doc.clauses[2].text.endswith("依照本办法第四条处理。")


def test_a_signature_is_no_contents_entry_that_starts_with_the_issuer():
    """目录 lists 西平市人民政府任免名单; the document signed 西平市人民政府 keeps its signature
    and date, and the appointments are skipped as such."""
    text = (
        "西平市人民政府公报\n2021年第2期\n目  录\n西平市人民政府关于加强安全生产的通知……………………1\n"
        "西平市人民政府任免名单……………………………………8\n西平市人民政府关于加强安全生产的通知\n"
        "西政发〔2021〕4号\n各区人民政府：\n一、落实企业主体责任。\n二、加强监管。\n西平市人民政府\n"
        "2021年2月1日\n西平市人民政府任免名单\n任命张三为西平市财政局局长。\n"
    )
    result = parse_gazette(text)
    (doc,) = result.documents
    assert str(doc.signed_on) == "2021-02-01"
    assert [(s.title, s.reason) for s in result.skipped][-1] == (
        "西平市人民政府任免名单",
        "人事任免",
    )


def test_contents_with_pages_in_brackets_or_after_spaces_are_the_contents():
    text = (
        "金川市人民政府公报\n2021年第6期\n目    录\n"
        "金川市人民政府关于调整金川市城区基准地价的通知（金政发〔2021〕52号）……………（12）\n"
        "金川市人民政府办公室关于加强防汛工作的通知（金政办发〔2021〕9号）    15\n"
        "金川市人民政府关于调整金川市城区基准地价的通知\n金政发〔2021〕52号\n各区人民政府：\n"
        "一、调整基准地价。\n金川市人民政府\n2021年6月1日\n"
    )
    result = parse_gazette(text)
    assert [(s.title, s.lines) for s in result.skipped if s.reason == "目录"] == [
        ("目录", (3, 4, 5))
    ]


def test_consecutive_continuations_each_go_home():
    """（上接第1页）… then （上接第2页）…: each block to the document whose 下转 it answers, in
    order (not both to the first)."""
    text = (
        "甲市人民政府关于A的通知\n甲政发〔2020〕1号\n各部门：\n一、A的第一项。（下转第3页）\n"
        "甲市人民政府关于B的通知\n甲政发〔2020〕2号\n各部门：\n一、B的第一项。（下转第4页）\n"
        "甲市人民政府关于C的通知\n甲政发〔2020〕3号\n各部门：\n一、C的第一项。\n甲市人民政府\n"
        "2020年7月1日\n（上接第1页）\n二、A的第二项。\n甲市人民政府\n2020年6月1日\n（上接第2页）\n"
        "二、B的第二项。\n甲市人民政府\n2020年6月2日\n"
    )
    docs = parse_gazette(text).documents
    assert [
        (d.number[-3:], str(d.signed_on), [c.text[:5] for c in d.clauses[1:]]) for d in docs
    ] == [
        ("〕1号", "2020-06-01", ["一、A的第", "二、A的第"]),
        ("〕2号", "2020-06-02", ["一、B的第", "二、B的第"]),
        ("〕3号", "2020-07-01", ["一、C的第"]),
    ]


def test_articles_resuming_after_another_document_s_instrument_go_home():
    """令第38号 ends at 第二条; 4号 follows, signed, with its 预案 (一、（一）); 第三条 and 第四条
    after it carry on the order's rules, with no mark: they are the order's, and so is their
    date of effect."""
    text = (
        "甲市人民政府令\n第38号\n《甲市A管理办法》已经市政府常务会议通过，现予公布。\n市长 张三\n"
        "2022年1月10日\n甲市A管理办法\n第一条 为了规范A管理，制定本办法。\n"
        "第二条 申请人应当向街道办事处提出申请。\n甲市人民政府关于印发甲市应急预案的通知\n"
        "甲政发〔2022〕4号\n各区人民政府：\n现将《甲市应急预案》印发给你们。\n甲市人民政府\n"
        "2022年2月8日\n甲市应急预案\n一、总则\n（一）编制目的。\n二、组织体系\n（一）指挥机构。\n"
        "第三条 审核机关应当在15个工作日内完成审核。\n第四条 本办法自2022年3月1日起施行。\n"
    )
    order, notice = parse_gazette(text).documents
    assert [c.key.split("/")[-1] for c in order.clauses if "/" in c.key] == [
        "第一条",
        "第二条",
        "第三条",
        "第四条",
    ]
    assert str(order.in_force_from) == "2022-03-01" and notice.in_force_from is None
    assert not any("第三条" in c.text for c in notice.clauses)


def test_a_notice_s_own_items_and_its_instrument_s_are_two_numberings():
    """…通知如下：一、…二、…, signed, then 实施方案 一、…三、…: the notice's items and the
    instrument's, each keyed in its own numbering (no 一~2)."""
    text = (
        "北岭市人民政府办公室关于印发北岭市老旧小区改造实施方案的通知\n北政办发〔2024〕6号\n"
        "各区人民政府，市政府各部门：\n《北岭市老旧小区改造实施方案》已经市政府同意，现印发给你们，"
        "并就有关事项通知如下：\n一、各区要抓紧制定本区实施计划。\n二、市住建局要加强督促指导。\n"
        "北岭市人民政府办公室\n2024年4月2日\n北岭市老旧小区改造实施方案\n一、总体目标\n"
        "到2025年底完成改造。\n二、改造内容\n三、保障措施\n"
    )
    docs = parse_gazette(text).documents
    keys = [c.key for d in docs for c in d.clauses]
    assert not any("~" in k for k in keys)
    assert "北政办发〔2024〕6号/一" in keys
    assert "北政办发〔2024〕6号/北岭市老旧小区改造实施方案/三" in keys
    assert [str(d.signed_on) for d in docs] == ["2024-04-02", "2024-04-02"]


def test_an_inserted_article_is_a_clause_of_its_own():
    """第四条之一: an article inserted after 第四条, keyed as written, 第五条 after it."""
    text = _issued(
        "第四条 甲。\n第四条之一 重点管理区域内应当设置标志。\n"
        "第五条 本办法自2021年5月1日起施行。\n"
    )
    (doc,) = parse_gazette(text).documents
    keys = [c.key.split("/", 1)[-1] for c in doc.clauses if "/" in c.key]
    assert keys == ["第一条", "第四条", "第四条之一", "第五条"]


def test_a_line_opening_with_de_continues_the_line_before():
    """…交付使用后5年内、大修⏎的城市道路…: no paragraph opens with 的 (a PDF's hard wrap)."""
    text = (
        "西川县人民政府办公室关于印发西川县城市道路挖掘管理办法的通知\n西政办发〔2023〕7号\n"
        "各乡镇人民政府：\n现印发给你们。\n西川县人民政府办公室\n2023年3月15日\n"
        "西川县城市道路挖掘管理办法\n第一条 新建的城市道路交付使用后5年内、大修\n"
        "的城市道路竣工后3年内不得挖掘。\n"
    )
    (doc,) = parse_gazette(text).documents
    assert doc.clauses[-1].text.endswith("大修的城市道路竣工后3年内不得挖掘。")


def test_a_number_line_right_after_the_document_before_s_date_starts_a_document():
    """文号 above the title, no blank line after the document before's signature date: the
    date is no sentence the 文号 is cited in, so the 文号 heads a document of its own."""
    text = (
        "西政发〔2023〕15号\n西林市人民政府关于加强安全生产工作的通知\n各县（市、区）人民政府：\n"
        "一、加强组织领导。\n二、强化督查考核。\n西林市人民政府\n2023年6月1日\n"
        "西政函〔2023〕21号\n西林市人民政府关于同意设立高新技术产业园区的批复\n市科技局：\n"
        "一、同意设立园区。\n二、园区要加强规划管理。\n西林市人民政府\n2023年6月12日\n"
    )
    docs = parse_gazette(text).documents
    assert [d.number for d in docs] == ["西政发〔2023〕15号", "西政函〔2023〕21号"]
    assert docs[1].title == "关于同意设立高新技术产业园区的批复"
    keys = [c.key for d in docs for c in d.clauses]
    assert not any("~" in k for k in keys)
    assert "西政函〔2023〕21号/二" in keys


def test_a_notice_with_no_number_right_after_another_s_last_article_is_its_own():
    """No signature, no blank line: the issuer's whole 关于…的通知 title after a sentence's end,
    its addressee line below, starts a document (it was read into the article before)."""
    text = (
        "东湖区人民政府办公室关于印发政府投资项目管理办法的通知\n东政办发〔2023〕5号\n"
        "各街道办事处：\n现将《政府投资项目管理办法》印发给你们。\n东湖区人民政府办公室\n2023年4月1日\n"
        "政府投资项目管理办法\n第一条 为规范政府投资行为，制定本办法。\n"
        "第二条 本办法自2023年5月1日起施行。\n"
        "东湖区人民政府办公室关于进一步做好稳就业工作的通知\n各街道办事处，区政府各部门：\n"
        "一、支持企业稳定岗位。\n二、促进高校毕业生就业。\n东湖区人民政府办公室\n2023年4月10日\n"
    )
    docs = parse_gazette(text).documents
    assert [d.title for d in docs][-1] == "关于进一步做好稳就业工作的通知"
    last_article = next(c for c in docs[0].clauses if c.key.endswith("第二条"))
    assert "稳就业" not in last_article.text
    assert [c.key.rsplit("/", 1)[-1] for c in docs[-1].clauses][-2:] == ["一", "二"]


def test_a_contents_of_titles_and_numbers_with_no_pages_is_the_contents():
    """目录, then each document's title with its 文号 line below and no page number: the
    contents (a named skip), not documents of their own with each other's titles."""
    body = (
        "南湖市人民政府关于加强安全生产工作的通知\n南政发〔2023〕18号\n各县（市、区）人民政府：\n"
        "一、压实安全责任。\n二、开展隐患排查。\n南湖市人民政府\n2023年5月8日\n\n"
        "南湖市人民政府关于调整食品安全委员会组成人员的通知\n南政发〔2023〕19号\n"
        "各县（市、区）人民政府：\n因工作需要，市政府决定调整组成人员。\n南湖市人民政府\n2023年5月9日\n"
    )
    contents = (
        "南湖市人民政府公报\n2023年第6期\n目录\n南湖市人民政府关于加强安全生产工作的通知\n"
        "南政发〔2023〕18号\n南湖市人民政府关于调整食品安全委员会组成人员的通知\n南政发〔2023〕19号\n\n"
    )
    result = parse_gazette(contents + body)
    assert [(d.number, d.title) for d in result.documents] == [
        ("南政发〔2023〕18号", "关于加强安全生产工作的通知"),
        ("南政发〔2023〕19号", "关于调整食品安全委员会组成人员的通知"),
    ]
    assert any(s.reason == "目录" for s in result.skipped)


def test_unseen_gazette_an_amending_decision_quotes_articles_without_opening_them():
    """A plain-text gazette written for this test (tests/data/unseen_plain_amendment.txt): a
    decision that amends rules, its items quoting whole articles (将第五条修改为：“第五条 …”),
    is one document of four items; the quoted 第五条, 第十三条 open no clause of their own and
    the notice after it keeps its own 文号; every non-blank line is read exactly once."""
    text = (Path(__file__).parent / "data" / "unseen_plain_amendment.txt").read_text(
        encoding="utf-8"
    )
    result = parse_gazette(text)
    decision, notice = result.documents
    assert decision.number == "某市人民政府令第15号"
    assert decision.in_force_from == datetime.date(2024, 3, 1)
    assert [c.key for c in decision.clauses] == [
        "某市人民政府令第15号",
        "某市人民政府令第15号/一",
        "某市人民政府令第15号/二",
        "某市人民政府令第15号/三",
        "某市人民政府令第15号/四",
    ]
    assert notice.number == "某政办发〔2024〕8号"
    _assert_every_line_read_once(text, result)


def test_unseen_gazette_an_inserted_article_keeps_its_own_key():
    """A plain-text gazette written for this test (tests/data/unseen_plain_inserted_article.txt):
    rules as amended, with an article inserted after 第三条 (第三条之一), numbered as its own
    clause between 第三条 and 第四条, and cited by another (违反本规定第三条之一的) without opening
    a clause there; every non-blank line is read exactly once."""
    text = (Path(__file__).parent / "data" / "unseen_plain_inserted_article.txt").read_text(
        encoding="utf-8"
    )
    result = parse_gazette(text)
    (rules,) = result.documents
    keys = [c.key.rsplit("/", 1)[-1] for c in rules.clauses if "条" in c.key]
    assert keys == ["第一条", "第二条", "第三条", "第三条之一", "第四条", "第五条", "第六条"]
    _assert_every_line_read_once(text, result)


def test_unseen_gazette_a_notice_titled_by_its_issuer_alone_is_a_document():
    """A plain-text gazette written for this test (tests/data/unseen_plain_bare_notice.txt):
    between two numbered documents, 某县人民政府公告 (no 文号, no 关于) with its numbered rules and
    its signature. It was skipped as news, so its ban (城区禁止燃放烟花爆竹) was in no clause; it
    is now a document of its own, its issuer and date read; every non-blank line is read once."""
    text = (Path(__file__).parent / "data" / "unseen_plain_bare_notice.txt").read_text(
        encoding="utf-8"
    )
    result = parse_gazette(text)
    rules, notice, projects = result.documents
    assert (rules.number, projects.number) == ("某政发〔2025〕3号", "某政办发〔2025〕5号")
    assert (notice.number, notice.title, notice.issuer) == (
        None,
        "某县人民政府公告",
        "某县人民政府",
    )
    assert notice.signed_on == datetime.date(2025, 1, 10)
    assert [c.text.split("、", 1)[-1] for c in notice.clauses[1:]][0] == "城区禁止燃放烟花爆竹。"
    assert not [s for s in result.skipped if s.reason == "新闻"]
    _assert_every_line_read_once(text, result)


def test_unseen_gazette_an_annex_titled_on_its_marker_s_line_then_its_table():
    """A plain-text gazette written for this test (tests/data/unseen_plain_annex_table.txt):
    rules issued by a notice, then 附件:养老机构星级评定标准 on one line (a half-width colon) and
    the standard's table right under it. The table was filed under the last article (第四条/表1),
    as if the rules' commencement article held the scoring table; it is now the annex's own
    (附件1/表1), and the rules' listing of annexes before a signature is read as before."""
    text = (Path(__file__).parent / "data" / "unseen_plain_annex_table.txt").read_text(
        encoding="utf-8"
    )
    result = parse_gazette(text)
    (doc,) = result.documents
    keys = [c.key for c in doc.clauses]
    assert keys[-2:] == ["某政办发〔2025〕8号/附件1", "某政办发〔2025〕8号/附件1/表1"]
    assert not any(k.endswith("第四条/表1") for k in keys)
    assert doc.clauses[-1].is_table
    _assert_every_line_read_once(text, result)
