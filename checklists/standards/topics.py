"""Topics: a noun a phrase names that what follows it is about (承担教学任务的中小学，…; 项目资金的
使用情况，每半年…公示一次), not a duty of its own. Pure module (standard library only); ``duties``
reads phrases with it.
"""

from __future__ import annotations

import re

from checklists.standards.modality import ANY_MODAL
from checklists.standards.verbs import ACTION, POLICY

#: The words of a bound (ACTION holds them: 不少于采伐面积), no act of a phrase of their own.
_BOUND_WORDS = re.compile(r"不少于|不低于|不高于|不超过|低于|高于|超过|少于|多于")
#: A sanction's verb a phrase opens with: what follows is its object (责令退回…获取的资金).
_IMPOSES = re.compile(
    r"(?:由[^，,。；;]{1,20}?)?(?:依法)?(?:责令|处以|没收|追缴|追回|吊销|扣罚|扣减)"
)
_DESCRIBED_NOUN = re.compile(r"的([^的，,。；;]{1,10})$")


#: A document's noun, ending the noun a 的 describes (…出具的检测报告, …颁发的合格证书).
_A_DOCUMENT = re.compile(
    r"(?:报告书?|证明|证书|记录|台账|方案|意见书|决定书|通知书|合同|协议|许可证|合格证)$"
)

#: A thing and the act done on it, named as one noun after a 的 (资金支付, 项目验收, 合同签订;
#: 专项资金的拨付, the act alone): no object after the verb, so no duty of the phrase's own.
_A_THING_DONE = re.compile(
    r"(?:资金|款项|经费|补贴|补助|费用|项目|合同|材料|资料|信息|数据|工程|货物|服务)?"
    r"(?:支付|拨付|发放|验收|签订|审核|审批|申报|登记|备案|公示|公开|结算|使用|管理)"
)

#: Verbs of setting something up a phrase may open with (建立…的…模式).
_ESTABLISHES = re.compile(r"(?:建立|制定|编制|组建|成立|设立|建设|打造|构建|推行|实行|落实)")


#: How a thing stands, a noun whatever verb it is made of (资金使用情况, 整改进展, 工作进度), or
#: a measure named (返还比例, 补贴标准): what stands before the noun and the two characters it
#: is made of.
_HOW_IT_STANDS = re.compile(
    r"([^，,。；;]{0,14}?)[^，,。；;的]{2}(?:情况|进展|进度|状况|"
    # (失业保险稳岗返还比例，中小微企业由60%提高至90%: what the numbers after it are)
    r"比例|标准|额度|费率|比率|金额|数额|幅度)"
)


#: A manner of doing opening the words (如实记录…, 及时报告…, 逐一登记…): an act, not a noun its
#: 的 describes (承担教学任务的中小学).
_HOW_DONE_FIRST = re.compile(
    r"(?:如实|及时|认真|详细|准确|完整|逐一|逐项|按时|定期)[\u4e00-\u9fff]"
)


def a_noun(words: str) -> bool:
    """Whether a phrase is a noun that its 的 describes (国内首次使用的化工工艺), with no modal
    word and no verb after the 的; or how a thing stands (项目资金的使用情况, 补贴发放情况),
    not opening with a verb (公开资金使用情况 is a duty)."""
    stands = _HOW_IT_STANDS.fullmatch(words)
    if (
        stands is not None
        and not ACTION.search(stands.group(1))
        and not POLICY.search(stands.group(1))
        and not ANY_MODAL.search(words)
    ):
        return True  # (及时掌握企业生产情况: a verb before it, a duty)
    found = _DESCRIBED_NOUN.search(words)
    if found is None or ANY_MODAL.search(words) or _IMPOSES.match(words):
        return False
    if _ESTABLISHES.match(words.lstrip("＿ ")):
        return False  # 建立“户集、村收…”的城乡环卫一体化模式: a duty to set it up, no topic
    if _HOW_DONE_FIRST.match(words.lstrip("＿ ")):
        return False  # 如实记录屠宰生猪的来源、数量等内容: how it is done, then the act, a duty
    if _A_DOCUMENT.search(found.group(1)):
        return True  # (检测机构出具的检测报告: a document, whatever verb names its kind)
    if _A_THING_DONE.fullmatch(found.group(1)):
        return True  # (政府采购项目的资金支付，应当…: a thing and the act on it, named as a noun)
    return not ACTION.search(found.group(1)) and not POLICY.search(found.group(1))


def topic_of(masked: str, b: int, s_end: int) -> bool:
    """Whether the phrase after ``b`` says what is to be done about a topic named before it
    (…的中小学，可适当增加编制; …的企业，由区安监局…): it has a modal word or opens with 由."""
    rest = masked[b + 1 : s_end]
    for nxt in re.split(r"[，,]", rest)[:8]:
        if ANY_MODAL.search(nxt) or nxt.lstrip().startswith(("由", "经", "一律", "请")):
            return True
        if not a_noun(re.sub(r"^\s*(?:以及|及|和|或者?)", "", nxt)):
            return False  # (…的中小学，有寄宿学生的中小学，…，可…: the ones listed go on)
    return False


def measured_next(masked: str, b: int, taken: list[tuple[int, int, bool]]) -> bool:
    """Whether the phrase after ``b`` states a number (生产经营单位纳入…管理的期限，为…1年): the
    noun before it is what the number measures."""
    nxt = re.search(r"[，,。；;\n]|$", masked[b + 1 :])
    end = b + 1 + (nxt.start() if nxt else 0)
    return any(b < t0 < end for t0, _t1, _d in taken)


def counted_next(
    masked: str, words: str, b: int, s_end: int, taken: list[tuple[int, int, bool]]
) -> bool:
    """对同一企业的行政检查，同一年度内…不超过2次: what the bound after it counts, its verb a noun
    after its 的; not when the number's phrase has an act of its own (对符合条件的及时审批，并在
    5个工作日内…发放)."""
    return (
        words.startswith("对")
        and _DESCRIBED_NOUN.search(words) is not None
        and measured_next(masked, b, taken)
        and not ACTION.search(
            _BOUND_WORDS.sub("", re.split(r"[，,。；;]", masked[b + 1 : s_end])[0])
        )
    )
