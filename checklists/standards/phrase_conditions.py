"""Conditions of one duty: how much of a phrase, or of a duty's words, states when or to what
the duty after it applies (对工程类项目，…; 施工期间，…; 凡考核不达标的，…; 不一致的直接要求退换).
Pure module (standard library only), read by ``extraction`` and ``picking``.
"""

from __future__ import annotations

import re

from checklists.standards.duties import A_PLACE, WHICH_KIND, WITHOUT_LEAVE
from checklists.standards.modality import ANY_MODAL
from checklists.standards.openings import (
    AS_IF,
    CLOCK_PARTS,
    DURING_WORD,
    MET_THEN,
    VIA_WHEN,
    WHEN_WORD,
)
from checklists.standards.parties import DISCRETION
from checklists.standards.verbs import ACTION, POLICY

#: A phrase that says when or to what the next duty applies (对工程类项目，…; 施工期间，…;
#: 每次验收前，…; 如发现…，…; 不一致的，…).
_IF_WORDS = re.compile(
    # (确因工作需要，…可以安排…: the need the duty after it is for)
    rf"^(?:凡是|凡|对于|对|针对|如果|{AS_IF}|若|一旦|一经|假如|遇有|遇到|确因|因(?=[^，,。；;]{{0,10}}需要$)|"
    rf"{VIA_WHEN})"
)
#: What is new or rebuilt, opening the ones after 对 (对新建设施蔬菜大棚, 对改扩建的项目).
_NEWLY = re.compile(
    r"^(?:于|对)?(?:新建|新增|新设立|新开办|新引进|新认定|改建|扩建|改扩建|首次认定)"
)
_WHEN_END = re.compile(rf"(?:期间|时期|之前|之后|以后|以前|前|后|{WHEN_WORD}|之时|之际)$")
#: The end of something, a phrase of its own (整改结束，…; 期限届满，…): when the duty after it
#: is due.
_ENDED = re.compile(r"[^，,。；;]{1,10}(?:结束|终了|届满|期满)")
#: The ones a duty is about, written before its verb (不一致的直接要求退换, 涉嫌犯罪的移交…).
_THE_ONES_INLINE = re.compile(
    # (a verb after 的, not a noun it opens: 不少于一次的应急演练, 的处理结果, 的可行性)
    # (…应当凭医师开具的处方: a duty's own words, a modal word in them, no ones picked out)
    # (bounded: read near the start only, once per number of a long list)
    # (对工作不力、进度滞后的单位予以通报批评: the ones named after 的, no comma before the act)
    r"^(?![^，,。；;的]{0,28}?(?:应当|必须))(?:(?:对于?|凡是?)[^，,。；;的]{2,24}的"
    r"[^，,。；;的]{0,4}?(?:单位|企业|部门|乡镇|人员|个人|机构)(?:和个人)?"
    # (对连续两年考核不合格的单位主要负责人进行约谈: their heads, then the act)
    r"(?:的?(?:主要)?负责(?:人|同志))?"
    r"(?=(?:进行)?(?:予以|依法|及时|一律|追究|责令|取消|暂停|通报|约谈|移交))|"
    r"(?:对于?|凡是?)?[^，,。；;的]{2,24}的)(?=直接|及时|立即|一律|依法|予以|仅|由(?!于)|限期|"
    r"应(?!急|用|对|收|付|届)|须(?!知)|需(?!要|求)|要(?!求|点|素|件)|必须|不得|"
    # (施工现场的可燃物应当…: a thing's name, 可燃, no 可 of a power)
    r"可(?!能|行|靠|持续|视|燃|回收|再生|降解|追溯|塑|疑)|"
    r"按(?!钮)|停止|取消|移交|追究|责令|暂停|没收|列入|纳入|给予|处以|处(?!理|置|室|长|所|方)|通报|约谈|问责|"
    r"吊销|撤销|扣减|扣除|收回|退回|进行(?:通报|约谈|问责|处罚|处理|批评|表彰|表扬|奖励)|"
    # (未开展的扣5分: the ones points are taken from; 按时报送的得10分: given to)
    r"(?:每次)?[扣得](?=\s*[\d＿一二三四五六七八九十])|"
    # a limit for those ones (有特殊情况的不超过2次)
    # (夫妻双方均缴存的最高不超过60万元: their cap)
    r"不超过|不少于|不低于|不高于|不多于|最多|至少|最高(?=不超过|不得超过|为|可|\s*\d))"
)


#: A date written in words alone, no number (年底前, 本月底前, 年内, 一季度末前).
_A_DATE_WORD = re.compile(
    r"(?:今年|本年度?|当年|本月|当月|本季度|每年|每月)?"
    r"(?:年底|年终|年末|月底|月末|季度?末|上半年|下半年|[一二三四]季度末?|年内)(?:前|之前|以前)?"
)


#: When, right before the modal word and with no comma (供暖季期间不得停业).
_DURING_INLINE = re.compile(
    # (必要时可…: discretion, part of the permission, no condition to check)
    # (车辆驶出工地前应当冲洗: before an event, as 时 is at it; not a date's, 年底前, 5日前)
    rf"(?!必要时|需要时)[^，,。；;的\d＿]{{2,16}}?(?:{DURING_WORD}|期内|{WHEN_WORD}|"
    r"(?<![底末终旬日月年天])(?:之前|以前|前))"
    r"(?=应当|应|须|必须|要|不得|严禁|禁止|不应|不宜|不准|可以|可(?!能))"
)


#: A special case, then its approval and what it allows (特殊情况经批准可延长10个工作日, 特殊
#: 情况下可…, 紧急情况须…): the case the rest holds in.
_SPECIAL_CASE = re.compile(
    r"(?:遇有?|如遇|因)?(?:特殊|特别|紧急|例外)(?:情况|原因)下?"
    r"(?=\s*(?:经[^，,。；;]{0,12}?(?:批准|同意)\s*)?(?:可|确需|需要|应当|应|须))"
)
#: What one meets, right before the modal word and with no comma (…，遇有重大活动须暂停施工):
#: when the duty holds.
_MET_INLINE = re.compile(MET_THEN)


#: A stretch of time or an event right before how often or how much (营业期间每2小时至少巡查一次,
#: 供暖期间每日…; 变形较大时每天观测1次): when the number after it applies.
_DURING_BEFORE_A_NUMBER = re.compile(
    rf"(?!必要时|需要时)[^，,。；;的\d＿]{{2,12}}?(?:{DURING_WORD}|期内|{WHEN_WORD})(?=每|[＿\d])|"
    # (钢铁企业在重污染天气橙色预警期间限产50%以上: who, in what stretch, a verb, its number)
    rf"[^，,。；;的\d＿在]{{2,8}}在[^，,。；;的\d＿]{{2,14}}?(?:{DURING_WORD}|期内)"
    r"(?=[^，,。；;的\d＿]{2}[＿\d])"
)


#: A kind of project the phrase opens with, then what is done for it (重大项目须聘请专家参加验收,
#: 公共服务类项目邀请服务对象参与, 重大项目评标办法可一事一议): the projects it applies to.
_A_KIND_OF_PROJECT = re.compile(
    # (not who answers for the projects: 县农业农村局负责项目验收)
    r"^(?!该|本|此|上述|这|各|每|其|且|并|同时|而)(?![^，,。；;]{0,10}?(?:负责|承担|牵头|组织|督促|指导))"
    r"[^，,。；;的\d＿对在由将为]{2,10}?项目(?=须|应当?|要(?!求)|必须|可以?|一律|原则上|邀请|实行|"
    r"采用|采取|评标|招标|验收|实施)"
)
#: A class the phrase opens with, then its things and what is asked of them (一类公厕每日保洁不少于
#: 4次，二类公厕…; 甲级资质单位应当…): the ones of that class.
_A_CLASS_FIRST = re.compile(
    r"(?:[一二三四五六七八九十]|[1-5]?[A-E]|[ⅠⅡⅢⅣⅤ]|[甲乙丙丁])(?:类|级|等)(?!以上|以下|及|响应|预警|标准)"
    r"[\u4e00-\u9fff]{1,6}?(?=每|应当?|须|必须|要(?!求)|不得|严禁|不少于|不低于|不超过|不高于|"
    # (一级医院报销70%, 一等奖奖励5000元: the class's things, then what they get; 一级医院为90%:
    # the class, then its number, 为 no part of it)
    r"至少|最多|报销|奖励|补助|补贴|收费|给予|发放|为\s*[\d＿]|[\d＿])"
)
#: Whom a fine or sanction is for, right before it (对个人处500元以上…，对单位处1万元以上…), or a
#: grant (对种粮大户实行补贴).
_THE_ONES_FINED = re.compile(
    r"对于?[^，,。；;的\d＿]{1,16}?(?=(?:并|可以?|应当)?处(?!理|置|室|长|所|方|于|在|罚|分)|并处|给予|予以|"
    r"实行[^，,。；;]{0,6}(?:补贴|补助|奖励|奖补|资助|贴息))"
)
#: The kind of project or procurement a phrase of its own names (询价采购，…; 竞争性谈判采购，…;
#: 重大项目，…): the duty after it is for that kind.
_A_KIND_ALONE = re.compile(
    r"(?!该|本|此|上述|这|各|每|其|且|并|同时|而)"
    # (not a task: 实施教育扶贫工程, 推进重点项目, 谋划储备项目)
    r"(?![^，,。；;]{0,4}?(?:实施|推进|开展|加快|推动|建设|完成|启动|组织|加强|做好|落实|抓好|深化|"
    r"谋划|储备|争取|申报|引进|招引|打造|创建))"
    r"[^，,。；;的\d＿对在由将为]{0,8}"
    r"(?:项目|(?:询价|谈判|磋商|招标|公开|邀请|单一来源|框架协议|竞争性谈判|竞争性磋商)采购)"
)
#: What must be done first, right before 方可/才能 (取得健康证明后方可上岗工作): the condition
#: of what follows.
_ONLY_AFTER = re.compile(r"[^，,。；;的\d＿]{2,20}?(?:之后|以后|后)(?=方可|才能|才可)")
_A_LIMIT = re.compile(r"不超过|不少于|不低于|不高于|不多于|最多|至少")
#: What must be done first, a phrase of its own (新建户厕须经县农业农村局验收合格后，方可拨付…):
#: its 须 says it goes first; the duty after it holds once it is done.
_FIRST_VIA = re.compile(
    r"[^，,。；;的\d＿]{0,16}?(?:必须|须|需|应当?)经[^，,。；;\d＿]{2,30}?(?:之后|以后|后)"
)
#: An exception, a phrase of its own (除IV级响应外).
_EXCEPT_WORDS = re.compile(r"除[^，,。；;]{2,40}?(?:以|之)?外")
#: 对…的 right before a time limit (对符合条件的5个工作日内报…).
_THE_ONES_BEFORE_A_TIME = re.compile(
    r"(?:对于?|凡是?)[^，,。；;的\d＿]{2,24}的(?=\s*[\d＿]+\s*个?(?:工作日|日|天|小时|月)(?:以|之)?内)"
)

#: 对…的 (and what they are) right before how often (其中对…收入基本无变化的家庭每年核查一次).
_THE_ONES_BEFORE_HOW_OFTEN = re.compile(
    r"(?:其中\s*)?(?:对于?|凡是?)[^，,。；;的\d＿]{2,24}的[^，,。；;的\d＿]{0,8}?"
    r"(?=每(?:个)?(?:年|月|季度?|半年|周|日|天|学期))"
)

#: Hours of the day, then what is done or bounded in them with no comma (长途客运车辆凌晨2时至5时
#: 停止运行; 夜间（22时至次日6时）行驶速度不得超过…; 高温时段（12时至15时）应当停止…): a party or a
#: part of the day may come first.
_A_CLOCK_WINDOW = re.compile(
    rf"[^，,。；;\d＿的（(]{{0,12}}?[（(]?\s*(?:{CLOCK_PARTS})?\s*\d{{1,2}}\s*[时点]"
    rf"(?:\s*\d{{1,2}}\s*分)?\s*(?:至|到|—|－|~|～)\s*(?:次日|当日)?(?:{CLOCK_PARTS})?"
    r"\s*\d{1,2}\s*[时点](?:\s*\d{1,2}\s*分)?\s*[）)]?(?:期间|之间|内)?"
    r"(?=\s*[^，,。；;\d＿]{0,8}?(?:应当|应|须|必须|要|不得|严禁|禁止|停止|一律|暂停))"
)

#: A phrase that is all the ones after 对 or 凡, to its 的 (对选择300元档次缴费的): whatever number
#: it holds is theirs.
_THE_ONES_WHOLE = re.compile(r"(?:对于?|凡是?)[^，,。；;：:]{2,30}的")


def phrase_condition(words: str, original: str | None = None) -> int | None:
    """How many characters of ``words`` (a phrase, or a duty's words) state the condition the
    duty after them applies under: all of them (对工程类项目, 施工期间, 凡考核不达标的), the
    ones it is about before its verb (不一致的直接要求退换 → 不一致的), or None."""
    stripped = words.rstrip()
    if stripped in DISCRETION:
        return None  # 必要时，可以…: discretion, part of what is allowed, nothing to check
    if _EXCEPT_WORDS.fullmatch(stripped):
        return len(stripped)  # …，除IV级响应外，其他…: the ones the duty after it is not for
    if WITHOUT_LEAVE.match(stripped) and not ANY_MODAL.search(stripped):
        return len(stripped)  # …，未经批准，不得擅自动火: without leave, the ban after it holds
    if _A_KIND_ALONE.fullmatch(stripped):
        return len(stripped)  # 询价采购，采购人应当向不少于3家供应商…: for that kind only
    if A_PLACE.fullmatch(stripped):
        return len(stripped)  # 在急弯、陡坡等路段，…: where the duty after it holds
    if stripped.startswith("违者") and len(stripped) > 3:
        return 2  # 违者取消定点资格: the ones in breach, then the sanction on them
    ones = (
        _THE_ONES_BEFORE_A_TIME.match(stripped)
        or _THE_ONES_BEFORE_HOW_OFTEN.match(stripped)
        # (一类, 一级: masked as class names, read in the words as written)
        or _A_CLASS_FIRST.match(stripped if original is None else original)
        or _THE_ONES_FINED.match(stripped)
    )
    if ones is not None:
        return ones.end()  # 对符合条件的5个工作日内报…审批: the ones the time limit is for
    during = (
        _DURING_INLINE.match(stripped)
        or _MET_INLINE.match(stripped)
        or _SPECIAL_CASE.match(stripped)
        or _ONLY_AFTER.match(stripped)
        or _DURING_BEFORE_A_NUMBER.match(stripped)
    )
    if during is not None:
        return during.end()  # 供暖季期间不得停业, 销售时应当出具…: when the duty applies
    if _FIRST_VIA.fullmatch(stripped):
        return len(stripped)  # 项目须经县财政局审核后，方可拨付资金: once it is done
    inline = _THE_ONES_INLINE.match(stripped)
    # (``original``: the words unmasked; a quoted name, masked too, is no number: 纳入“黑名单”
    # 管理后)
    numbered = re.search(r"[\d＿]", stripped) is not None
    if numbered and original is not None and not re.search(r"\d|[年月日]", original):
        numbered = False
    if numbered and (window := _A_CLOCK_WINDOW.match(stripped)) is not None:
        return window.end()  # (长途客运车辆凌晨2时至5时停止运行: in those hours, with no comma)
    if numbered and _THE_ONES_WHOLE.fullmatch(stripped) and not ANY_MODAL.search(stripped):
        return len(stripped)  # …，对选择300元档次缴费的，补贴标准为…: the ones, a number theirs
    if not stripped or numbered:
        if inline is not None and _A_LIMIT.match(stripped, inline.end()):
            return inline.end()  # 有特殊情况的不超过2次: the ones the limit is for
        if inline is not None and not re.search(r"[\d＿]", stripped[: inline.end()]):
            return inline.end()  # 情况复杂的可延长至60日: the number is the duty's, after them
        return None  # a number or a date: a deadline (15日前, 2017年底前), not a condition
    if _A_DATE_WORD.fullmatch(stripped):
        return None  # (年底前，全县80%以上的行政村完成…: a date in words, a deadline too)
    if inline is not None:
        return inline.end()
    projects = _A_KIND_OF_PROJECT.match(stripped)
    if projects is not None and not ANY_MODAL.search(projects.group(0)):
        return projects.end()  # 重大项目须聘请…, 公共服务类项目邀请…: the projects it is for
    if WHICH_KIND.fullmatch(stripped):
        return len(stripped)  # 对一般检查对象: which ones, whatever verb its noun holds
    # (采购人需追加…的货物的: the ones who need to, a case, its 需 no duty; 因特殊需要必须连续
    # 作业的: the need, then what it makes necessary)
    if ANY_MODAL.search(
        re.sub(r"(?:(?:确|如|若)?需要?|(?<=需要)必须)(?=[^，,。；;]*的$)", "", stripped)
    ):
        return None
    if stripped.endswith("的") and len(stripped) <= 60:
        return len(stripped)
    if _IF_WORDS.match(stripped):
        verbs = stripped.rsplit("的", 1)[-1] if "的" in stripped else stripped[1:]
        # (对新建设施蔬菜大棚，每亩补助…: new things, 新建 no act of the duty's)
        verbs = _NEWLY.sub("", verbs) if stripped.startswith(("对", "针对")) else verbs
        if ACTION.search(verbs) is None and POLICY.search(verbs) is None:
            return len(stripped)
        if stripped[0] in "如若凡" or stripped.startswith(("一旦", "一经")):
            return len(stripped)
        if re.fullmatch(
            r"(?:对于?|针对)[^，,。；;]{2,20}(?:活动|行为|问题|事项|案件|违法[^，,。；;]{0,6})",
            stripped,
        ):
            return len(stripped)  # 对违法违规开发建设活动，…: the acts it is about, nouns
        if stripped[0] == "经" and _WHEN_END.search(stripped) and len(stripped) <= 24:
            return len(stripped)  # 经向上级财政部门备案后，…: once that is done, the duty after
        return None
    if _WHEN_END.search(stripped) and len(stripped) <= 24:
        return len(stripped)
    if re.fullmatch(r"在[^，,。；;]{1,12}之?中", stripped):
        return len(stripped)  # 在检查中，企业应当配合: while it goes on
    if _ENDED.fullmatch(stripped):
        return len(stripped)  # 整改结束，企业向…提报销号报告
    return None


def a_case_in(words: str) -> bool:
    """Whether a phrase of ``words`` opens with a case (有特殊情况的不超过2次, 确需延期的，)."""
    return any(phrase_condition(w, w) is not None for w in re.split(r"[，,]", words) if w.strip())
