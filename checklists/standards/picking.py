"""Which ones a number picks out: whether a number says which ones a duty is about (连续工作
10年以上的教师, 超过6个月的家庭, 不足1000名的至少配备1名) rather than being the requirement
itself, and a phrase's bounds in its sentence (the case a duty applies under, its words and
number, is ``cases``'). Pure module (standard library and the wording tables); ``extraction``
reads which ones with it.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import replace

from checklists.standards.comparators import comparator_before
from checklists.standards.duties import ASIDE
from checklists.standards.modality import ANY_MODAL, LEAD_TOKEN, first_modal, presence_kind
from checklists.standards.number_words import BAND_UP_TO
from checklists.standards.numbers import comparator_in_phrase
from checklists.standards.openings import MET, PARTS_OF_THE_DAY, TARGET, opens_a_quote
from checklists.standards.parties import ends_with_party
from checklists.standards.party_names import REGULATED
from checklists.standards.quantities import quantities
from checklists.standards.requirements import Applicability, Requirement
from checklists.standards.sentences import phrases
from checklists.standards.verbs import ACTION

#: A number's 的 before the noun it describes (…以上的企业; not …的要求, …的标准, …的比例).
_OF_A_NOUN = re.compile(  # spaces read once
    # (超过5层（含5层）的建筑: a marker of inclusivity on either side of 以上)
    r"\s*(?:[（(]\s*不?含[^（）()]{0,8}[）)]\s*)?(?:(?:及?以上|及?以下|以内)\s*)?"
    # (not 按不低于70%的比例, 30%的配套比例: the rate itself; but 低于35微克/立方米的天数比例: a
    # share of the days it is so, counted)
    r"(?:[（(]\s*不?含[^（）()]{0,8}[）)]\s*)?的"
    r"(?!(?![天人户家次个]数)[一-龥]{0,2}(?:要求|标准|比例))[\u4e00-\u9fff]"
)

#: The ones a number picks out and then "only they may" (…的煤炭方可销售): the number is the
#: requirement, not its condition.
ONLY_THEN = re.compile(r"[^，,。；;]{0,3}的[^，,。；;]{1,10}?(?:方可|方能|才(?:可|能))")
#: The rate or standard a number is (按…的比例, 按…的标准).
_A_RATE_OF = re.compile(r"\s*(?:(?:及?以上|及?以下)\s*)?的(?:比例|标准|幅度|额度|限额|费率)")
#: A phrase that ends with the noun its 的 describes (…的城镇专任教师): no verb after the 的.
_NOUN_END = re.compile(r"的[^的，,。；;]{1,10}$")
#: Whom a duty is done for, right before their age or school year (为80周岁以上老人提供…).
_FOR_THEM = re.compile(r"(?:为|对|向|给)\s*$")
#: What a number is the figure of, right after it (…1名保洁员的标准, …10%的比例).
_A_STANDARD_S_FIGURE = re.compile(r"[^的，,。；;]{0,8}的(?:标准|比例|要求|规定)")
#: A phrase that names which ones the words after it are about (对于…的资金, 凡…的企业).
_WHICH_ONES = re.compile(r"\s*(?:对于|对|凡是|凡|针对)(?!\S{0,2}(?:本|此))[^，,。；;]*$")

#: After a number inside a duty's 对…的 (应当对…3次以上的医师提出警告): the ones, then what is
#: done to them.
_THE_ONES_ACTED_ON = re.compile(
    r"\s*(?:及?以[上下])?[^，,。；;\d＿的]{0,16}?的[^，,。；;\d＿的]{1,10}?"
    r"(?:给予|提出|进行|实施|予以|开展|实行|采取|约谈|通报|责令|表彰|奖励|处罚|检查|督查|暂停|取消)"
)

_STOP = re.compile(r"[，,。；;]")
_A_TARGET = re.compile(TARGET)  # (全市建成500个以上的示范村，…: its number is no case)
#: A rate or a count per each after a comma (，每10辆车至少配备1名; ，每半年检测一次).
_EACH_S_BOUND = re.compile(
    r"[，,]\s*每[^，,。；;]{1,12}?(?:至少|不少于|不低于|不超过|最多|增加|补贴|补助|奖励|"
    # (…，营运客车使用年限达到8年以上的，每半年检测一次: how often, for those ones)
    r"(?:[一二两三四五六\d]|＿+)\s*次)"
)
#: A verb of doing away with or reworking things, right before the number that picks them out
#: (淘汰35蒸吨/小时以下燃煤锅炉, 关停年产30万吨以下的煤矿).
DONE_AWAY_WITH = re.compile(
    # (逐步消除56人以上大班额: the ones done away with, no number to reach)
    r"(?:淘汰|关停|关闭|取缔|拆除|改造|整治|搬迁|消除|杜绝)[^，,。；;\d＿的]{0,4}$"
)
#: …the things, then that verb as a task (10蒸吨以下燃煤锅炉淘汰任务, …的燃煤小锅炉拆除工作), or
#: ending the phrase (…燃煤锅炉全部淘汰).
DONE_AWAY_AFTER = re.compile(
    r"的?(?P<things>[\u4e00-\u9fff]{2,10}?)"
    # (…燃煤锅炉于2027年3月底前全部淘汰: by when, between)
    # (a date masked: 于＿＿＿＿＿＿＿底前)
    r"(?P<date>(?:于|在)?\s*[＿\d][＿\d年月日\s]{3,}(?:底|末)?(?:前|之前)?)?"
    # (…的燃煤锅炉应当予以淘汰: a modal word before the verb, not of the things' name)
    r"(?:应当|应|须|必须|要)?(?:全部|全面|一律|依法|基本|逐步)?(?:予以)?"
    r"(?P<verb>淘汰|关停|关闭|取缔|拆除|改造|整治|搬迁|消除)"
    # (…10蒸吨/小时及以下燃煤锅炉全部淘汰。: the verb ends the phrase)
    r"(?:任务|工作|工程|(?:完毕|到位)?(?=\s*(?:[，,。；;]|$)))"
)
_HOW_MANY_OF_THEM = re.compile(r"(?:家|处|个|台|辆|座|户|所|条|项|套|批)(?:及)?以[上下]$")
#: The last sentence read (its text, start, end), its phrases and the positions of its stops:
#: each number of a long sentence asks again, and reading the sentence each time is quadratic.
#: (One tuple, read and replaced whole: threads never see half of another's.)
_last_sentence: tuple = (None, 0, 0, (), [])


def _sentence_parts(masked: str, s_start: int, s_end: int) -> tuple[tuple, list[int]]:
    """The sentence's phrases (``phrases``, from its start) and its stops (，。；), read once."""
    global _last_sentence
    cached = _last_sentence
    if not (cached[0] is masked and cached[1] == s_start and cached[2] == s_end):
        bounds = phrases(masked[s_start:s_end])
        stops = [m.start() for m in _STOP.finditer(masked, s_start, s_end)]
        cached = _last_sentence = (masked, s_start, s_end, bounds, stops)
    return cached[3], cached[4]


def _next_stop(masked: str, s_start: int, s_end: int, pos: int) -> int:
    """Where the first stop (，。；) at or after ``pos`` in the sentence is, or its end."""
    stops = _sentence_parts(masked, s_start, s_end)[1]
    i = bisect.bisect_left(stops, pos)
    return stops[i] if i < len(stops) else s_end


#: A bound's number, then when or after it, with no comma (超过2公里后每公里…; 达到60万千米时强制
#: 报废: ``when`` the duty's verb right after 时; not 时间, 时期).
_REACHED_THEN = re.compile(
    r"\s*(?:及?以上|及?以下)?\s*(?:(?P<when>时(?![间期段候刻限])(?=\s*[\u4e00-\u9fff]{2}))"
    r"|时(?![间期段候刻限])|以?后|之后)"
    r"\s*(?=[\u4e00-\u9fff])"
)
#: A bound's number with nothing after it but 以上/以下 (its phrase ends there).
#: The rest of a phrase after its number, up to a when (…超过30毫米时, …200米距离内有建筑物时).
_A_WHEN_TAIL = re.compile(
    r"\s*(?:及?以上|及?以下)?(?:[^，,。；;\d＿]{0,12}?(?<![小同及随按准届适临实定暂有学课计历]))?时\s*"
)
_BOUND_ALONE = re.compile(r"\s*(?:及?以[上下])?\s*")
#: A response set off, right after the comma (启动Ⅲ级应急响应, 暂停其从业资格, 取消…资格).
_A_RESPONSE = re.compile(
    r"[，,]\s*(?:即|则|立即|随即)?\s*(?:启动|暂停|取消|停止|吊销|撤销|终止|发布|列入|纳入|责令)"
)
#: A duty right after the comma, no 并 (…以上，应当每年开展一次能源审计).
_A_DUTY_NEXT = re.compile(r"[，,]\s*(?:则|就)?\s*(?:应当|必须|须|应)")
#: …后 alone before its comma (超过2公里后，每公里2.3元).
_AFTER_ALONE = re.compile(r"\s*(?:以?后|之后)\s*")
#: What an amount is of, right after it (…以下的罚款, 5000元的奖励): the amount, no ones picked out.
_AN_AMOUNT_OF = re.compile(
    # (给予每户2万元的按期搬迁奖励: the award, named after what it is for)
    r"\s*(?:的[^，,。；;的\d＿]{0,6}?)?\s*(?:罚款|罚金|违约金|滞纳金|奖励|奖金|补助|补贴|补偿费?)(?![的对])"
)


#: A sanction opening the phrase after a case (，暂停其…, ，由…责令…, ，处…罚款).
#: What is given, right before its amount (给予4%的价格扣除, 给予不超过5万元的奖励).
_GIVEN = re.compile(r"(?:给予|予以|享受)\s*(?:不超过|不高于|不低于|不少于|最高|最多)?\s*$")
_A_SANCTION_NEXT = re.compile(
    r"[，,]\s*(?:由[^，,。；;]{1,16}?)?(?:暂停|取消|吊销|撤销|责令|处以?|给予|予以|追究|约谈|通报|"
    r"列入|纳入|停止|限制|禁止|扣除|扣减|收回|追回|没收)"
)

#: After a number, the ones it picks out, then what befalls them with no comma (…的亮红灯,
#: …的强制报废, …未缴纳的按日加收滞纳金, 累计3次被投诉的取消…).
_SANCTIONED_INLINE = re.compile(
    r"\s*(?:及?以[上下])?\s*[^，,。；;的\d＿]{0,6}?的\s*(?:亮[红黄]灯|纳入|列入|给予|予以|责令|"
    r"取消|暂停|扣|约谈|通报|强制|吊销|撤销|注销|没收|按日加收|处以?(?=[\d＿]|罚))"
)


#: A class named, then in brackets the bound that makes it one, then what is asked of it in the
#: same phrase (乳儿班（6至12个月）每班不超过10人, 大型项目（总投资1亿元以上）由…审批).
_CLASS_OPENS = re.compile(r"[\u4e00-\u9fff][（(](?P<words>[^（()）]{0,16})$")
_A_MARK = re.compile(r"[、，,；;：:]")
#: A price right after a time or a distance (2小时内收费5元, 首2小时5元, 3公里以内10元): the
#: first is how much the price is for.
_A_PRICE_FOR_IT = re.compile(
    r"\s*(?:以内|之内|内)?\s*(?:收费|收取|计费|计收|为)?\s*\d+(?:\.\d+)?\s*元(?![/／每])"
)


def a_price_for_it(masked: str, q_end: int, ph_end: int) -> bool:
    """Whether a price follows the time or distance ending at ``q_end`` (起步价为3公里10元): the
    price is for up to so far or so long."""
    return _A_PRICE_FOR_IT.match(masked, q_end, ph_end) is not None


#: A second bound joined to the first (…且占总人数过半数): both to be met, neither a case.
_BOTH = re.compile(r"[^，,。；;\d＿]{0,6}?且")
#: A range's 之间, then more words of its phrase (在10℃至60℃之间存放时间…).
_BETWEEN_THEN = re.compile(r"\s*之间(?=[\u4e00-\u9fff])")
_CLASS_CLOSES = re.compile(r"\s*(?:及?以[上下])?\s*[）)](?=\s*[^\s，,。；;）)])")


def a_class_bound(masked: str, ph_start: int, q_start: int, q_end: int) -> int:
    """The number is in brackets right after a class's name, the bound that makes it one, and
    what is asked of the class follows in the phrase (乳儿班（6至12个月）每班不超过10人; not
    what a unit is, 超过两个聘期(每个聘期3年)的: a number before the bracket). Where the
    bracket closes, or 0."""
    # (the few characters before the number only: one number of a long list reads no more)
    opened = _CLASS_OPENS.search(masked, max(ph_start, q_start - 18), q_start)
    closes = _CLASS_CLOSES.match(masked, q_end)
    if (
        opened
        and closes
        # (the class's name only: the words after the list's last mark, a few before it)
        and not quantities(
            _A_MARK.split(masked[max(ph_start, opened.start() - 24) : opened.start() + 1])[-1]
        )
        and not ANY_MODAL.search(opened.group("words"))
        and comparator_before(opened.group("words")) is None
    ):
        return closes.end()
    return 0


#: A class's name in brackets right after a number (去除效率不低于90%（大型）、85%（中型）).
_CLASS_AFTER = re.compile(
    r"\s*[（(](?P<cls>(?:特?大|中|小|微)型|[一二三四五六七八九十]+(?:级|类|等|档)|[甲乙丙丁][级类等]|"
    r"[^（()）\d＿，,。；;、]{1,8}?(?:地区|区域|城市|城区|农村|乡镇|企业|学校|医院|机构))[）)]"
)


def a_class_after(masked: str, q_end: int) -> tuple[int, int] | None:
    """Where the class a number is for stands, named in brackets right after it (去除效率不低于
    90%（大型）、85%（中型）、75%（小型）: each rate a size's), or None."""
    m = _CLASS_AFTER.match(masked, q_end)
    return None if m is None else m.span("cls")


def served_from(masked: str, ph_start: int, q_start: int) -> int | None:
    """Where the ones a duty is done for start, when a modal word and 为/对 stand before their
    number (社区应当为80周岁以上老人提供上门服务: after the 为), or a name and 对 (景区门票对65
    周岁以上老年人实行免费: who grants it, then the ones it is for), or None."""
    them = _FOR_THEM.search(masked, max(ph_start, q_start - 3), q_start)
    if them is None:
        return None
    if ANY_MODAL.search(masked, ph_start, them.start()):
        return them.end()
    named = masked[them.start()] == "对" and masked[ph_start : them.start()].strip(" \t，,")
    return them.end() if named else None


def acted_on_from(masked: str, ph_start: int, q_start: int, q_end: int) -> int | None:
    """Where the ones a duty is done to start, when its number is inside the duty's 对…的 and
    no bound of the duty's own (医疗机构应当对出现超常处方3次以上的医师提出警告: after the 对;
    not 应当对不少于10%的企业进行抽查, how many), or None."""
    to = masked.rfind("对", ph_start, q_start)
    if (
        to >= 0
        and ANY_MODAL.search(masked, ph_start, to)
        and comparator_before(masked[to:q_start]) is None
        and _THE_ONES_ACTED_ON.match(masked, q_end)
        and not masked[q_start:q_end].rstrip().endswith(("%", "％"))
    ):
        return to + 1
    return None


#: People named by their age (6周岁至18周岁未成年人, 70周岁以上老年人, 6周岁以下的儿童).
_A_POPULATION = re.compile(
    r"(?:及?以[上下])?的?(?:未成年人|老年人|老人|儿童|婴幼儿|幼儿|学生|青少年|居民|残疾人)"
)


#: After a bound of its own, the ones it names, then at most their count, to the phrase's end
#: (…10亿元以上骨干企业, …10亿元以上的项目5个).
_COUNTERS = ("个", "家", "所", "座", "项", "条", "处")  # (what a task's count counts)
_THE_ONES_NAMED = re.compile(
    r"\s*(?:及?以[上下])?\s*的?\s*[^，,。；;\d＿、的]{1,12}?"
    rf"(?:\s*[\d＿.]+\s*(?:{'|'.join(_COUNTERS)}))?\s*"
)


def _counted_ones(masked: str, ph_start: int, ph_end: int, q_start: int, q_end: int) -> bool:
    """A number with its own 以上/以下 that names which ones a task's count is of (培育10家10亿元
    以上骨干企业; 新增10亿元以上项目5个): no requirement of its own."""
    own_bound = masked[q_end - 2 : q_end] in ("以上", "以下") or re.match(
        r"\s*及?以[上下]", masked[q_end:]
    )
    if not own_bound or not _THE_ONES_NAMED.fullmatch(masked, q_end, ph_end):
        return False
    if comparator_in_phrase(masked, ph_start, q_start)[0] is not None:
        return False  # (不少于10亿元: the bound the phrase sets)
    counts = [
        x
        for x in quantities(masked[ph_start:ph_end])
        if x.unit in _COUNTERS and ph_start + x.start != q_start
    ]
    return bool(counts)


#: The top of a band right after its floor (超过15分钟不足1小时, 3年以上不满5年).
_BAND_UP_TO = re.compile(BAND_UP_TO + r"(?=[\d＿])")


def qualifies(masked: str, s_start: int, s_end: int, q_start: int, q_end: int) -> bool:
    """A number that says which ones a duty is about (连续工作10年以上的教师, 超过6个月的家庭):
    followed by 的 and a noun, with no modal word before it in the sentence and one after."""
    ph_start, ph_end = phrase_bounds(masked, s_start, s_end, q_start)
    if (band := _BAND_UP_TO.match(masked, q_end, ph_end)) and (
        upper := quantities(masked[band.end() : ph_end])
    ):
        # (停放时间超过15分钟不足1小时的，按1小时计费: a band's floor picks out as its top does)
        at = band.end()
        return qualifies(masked, s_start, s_end, at + upper[0].start, at + upper[0].end)
    if re.search(r"对象(?:为|是|包括)", masked[ph_start:q_start]) and quantities(
        masked[ph_end:s_end]
    ):
        return True  # 补贴对象为…年满80周岁的…，补贴标准为…: the ones the amount after is for
    if (
        a_price_for_it(masked, q_end, ph_end)
        and not masked[q_start:q_end].rstrip().endswith("元")
        # (…应当按照计价器显示金额收费，起步价为3公里10元: a duty's modal word in a phrase before)
        and not ANY_MODAL.search(masked, ph_start, q_start)
    ):
        return True  # 小型车2小时内收费5元, 起步价为3公里10元: the time or distance a price is for
    if a_class_bound(masked, ph_start, q_start, q_end):
        return True  # 一类地区（年降水量800毫米以上）每亩补助100元: the bracket says which ones
    if (
        _BETWEEN_THEN.match(masked, q_end, ph_end)
        and (later := quantities(masked[q_end:ph_end]))
        and comparator_in_phrase(masked, ph_start, q_end + later[0].start)[0] is not None
    ):
        return True  # 熟食在10℃至60℃之间存放时间不得超过2小时: while it is so, the limit after
    if _AN_AMOUNT_OF.match(masked, q_end):
        return False  # 处1万元以上3万元以下的罚款，…: a fine's amount, whatever comes after
    if re.match(r"\s*的?\s*(?:单数|奇数|双数|偶数)", masked[q_end:ph_end]):
        return False  # 由…共3人以上的单数组成: how many, odd (a body's size), no ones picked out
    if _GIVEN.search(masked, max(ph_start, q_start - 10), q_start):
        return False  # 给予4%的价格扣除: the amount of what is given, whatever its name
    if ONLY_THEN.match(masked, q_end):
        return False  # 硫分低于0.5%的煤炭方可销售: the number is what makes it allowed
    if _A_RATE_OF.match(masked, q_end) and "按" in masked[ph_start:q_start]:
        return False  # 按不低于70%的比例给予救助: the rate it is done at, no ones picked out
    if acted_on_from(masked, ph_start, q_start, q_end) is not None:
        return True  # 医疗机构应当对出现超常处方3次以上的医师提出警告: whom a number picks out
    if _counted_ones(masked, ph_start, ph_end, q_start, q_end):
        return True  # 培育10家10亿元以上骨干企业, 新增亿元以上项目5个: which ones a task counts
    if (
        _WHICH_ONES.match(masked, ph_start, q_start)
        and "的" in masked[q_end:ph_end]
        and masked[ph_end + 1 : s_end].strip()
    ):
        return True  # 对于结转两年及以上的资金，…收回: which ones, whatever the verb after
    tail = masked[q_end : _next_stop(masked, s_start, s_end, q_end)]
    rest = masked[q_end + len(tail) : s_end]
    # (周围半径200米距离内有建筑物时，烟囱应…: the words of what is so, then 时)
    if _A_WHEN_TAIL.fullmatch(tail) and re.match(
        # (…达到50毫米以上时，每3小时巡查不少于1次: a duty by its number, how often)
        r"[，,]\s*(?:[^，,。；;]{0,16}?)(?:应当|应|须|必须|要|不得|严禁|立即)|"
        r"[，,]\s*(?:每|[^，,。；;]{0,12}?(?:不少于|不低于|不超过|至少))|"
        # (…使用年限达到8年时，退出网约车经营: what then befalls it, as 强制报废 with no comma)
        r"[，,]\s*(?:强制|立即|自动|一律|予以|应予)?(?:退出|报废|停止|暂停|终止|注销|撤销|淘汰|关闭|"
        r"停运|停业|启动)",
        rest,
    ):
        return True  # …降雨量超过30毫米时，必须组织群众转移: when the duty after it applies
    if re.match(r"\s*(?:及?以上|及?以下)?\s*时\s*(?:应当|应|须|必须|要|不得|严禁|立即)", tail) or (
        re.search(rf"(?<![待机境礼际]){MET}\s*$", masked[max(ph_start, q_start - 3) : q_start])
    ):
        return True  # …，风力四级以上时应当停止作业; 遇4级以上大风天气应当…: the same, what is met
    over = bool(tail.strip()) or masked[q_end - 2 : q_end] in ("以上", "以下")
    if (
        _BOUND_ALONE.fullmatch(tail)
        and (_A_RESPONSE.match(rest) or (over and _A_DUTY_NEXT.match(rest)))
        and (over or comparator_in_phrase(masked, ph_start, q_start)[0] is not None)
        and not ANY_MODAL.search(masked, s_start, q_start)
    ):
        # 河道水位超过警戒水位0.5米，启动Ⅲ级应急响应; 年用电量在500万千瓦时以上，应当…: the
        # bound that sets off what follows, no 的 nor 时 written (and no modal word before it)
        return True
    then = _REACHED_THEN.match(tail)
    reached = (then is not None and (then.group("when") or quantities(tail))) or (
        _AFTER_ALONE.fullmatch(tail) is not None
        and rest[:1] in "，,"
        and bool(quantities(re.split(r"[，,。；;]", rest[1:], maxsplit=1)[0]))
    )
    if reached and comparator_in_phrase(masked, ph_start, q_start)[0] is not None:
        # 超过2公里后每公里2.3元, 行驶里程达到60万千米时强制报废, 超过2公里后，每公里2.3元: a
        # bound reached, then what applies (an amount of its own, or a duty)
        return True
    if re.match(
        # (项目完成进度50%以上的，拨付至70%: the ones a payment's share is for)
        # (排放浓度在50至100毫克/立方米之间的，按二级收费: a band's)
        r"\s*(?:之间|范围内)?\s*的(?:\s*[，,]?|[^，,。；;的\d＿]{1,8}?\s*[，,])\s*(?:按|加收|减收|收取|征收|加倍|"
        # (月工资收入3000元以下的，缴纳月工资收入的0.5%: the ones a share paid is for)
        r"缴纳|缴存|计提|提取|"
        r"拨付(?:至|到)?(?=\s*[\d＿]))|"
        # (审核得分在80分以下的，退回…; 结转两年以上的资金一律收回…: the ones dealt with)
        r"\s*(?:及?以[上下])?\s*的(?:\s*[，,]?|[^，,。；;的\d＿]{1,8}?\s*[，,]?)\s*(?:一律|退回|"
        r"收回|扣减|扣除|取消|不予|暂停|停止|予以|责令|约谈)",
        tail + rest[:12],
    ):
        # 不足1小时的按1小时计算 (的，按…), 15天以内的培训，按照…标准控制: the ones a way of
        # counting or a standard is for
        return True
    if _THE_ONES_LIMITED.match(masked, q_end):
        return True  # 不足1000名的至少配备1名: the ones the limit after it is for
    if (
        tail.strip() == "的"
        and rest[:1] in "，,"
        and re.match(r"\s*其中", masked[ph_start:q_start])
    ):
        return True  # …，其中营业收入不超过1000万元的，按照2%提取: the part the rule after is for
    if re.fullmatch(r"的(?:部分|那部分)", tail.strip()) and rest[:1] in "，,":
        return True  # 用气量超过30立方米的部分，按第二阶梯价格执行: the band a rule is for
    if re.match(
        # (超过1小时的每小时收费3元: the same, no 部分 written)
        r"\s*(?:的?部分\s*(?:按|执行|收取|计收|征收|补助|补贴|加收|每|为|\d)|的\s*每(?=[^，,。；;]*[\d＿]))",
        masked[q_end:ph_end],
    ):
        # 100万元以下部分按1.5%收取, 超过3公里的部分每公里2元: a band of a progressive rate or
        # price, no threshold
        return True
    if tail.strip() == "的" and re.match(
        # (…，水面面积在250平方米以下的，至少配备3名救生员: the limit after it is theirs)
        r"[，,]\s*(?:则|就)?\s*(?:应当|应|须|必须|要|不得|严禁|至少|最少|不少于|不低于|不超过|最多|"
        # (…，年综合能源消费量5000吨标准煤以上的，由市发展改革委出具…: whose case)
        r"由(?!于|此))",
        rest,
    ):
        return True  # …，就餐人数超过300人的，应当配备专职人员: the ones the duty after it is for
    if (
        tail.strip() == "的"
        and re.match(r"[，,]\s*可以?(?!能)", rest)
        and masked[s_start:ph_start].strip(" ，,")
        and "、" not in masked[ph_start:q_start]
    ):
        # …不超过3年，距法定退休年龄不足5年的，可延长至退休: the ones a permission after it is
        # for (not one of a list of bounds the permission is given by: 高级岗位年满55周岁、中级
        # 岗位年满50周岁的，可保留…, each a permission row)
        return True
    if (
        re.fullmatch(r"\s*的(?:[^的，,。；;\d＿]{1,8})?\s*", tail)
        and not _A_TARGET.search(masked, s_start, q_start)
        and _EACH_S_BOUND.match(rest)
        # (not a duty's own amount: 应当组织不少于24学时的岗前培训，每年再培训…)
        and not ANY_MODAL.search(masked, ph_start, q_start)
    ):
        # 车辆数在10辆以上的，每10辆车至少配备1名…: the ones a rate after it is for (日供水规模
        # 1000立方米以上的供水工程，每日检测不少于1次: the same, the ones named after 的)
        return True
    if (
        tail.rstrip().endswith("的")
        and len(tail) <= 24
        and (
            re.match(
                # (…，经营户在100户以上的，专职管理人员不少于2名: the ones a limit after is for;
                # …，服务期满2年后考核合格的，可优先录用: the ones a permission is for; 20日内
                # 不能作出决定的，经本机关负责人批准，可以延长10日: with whose approval, then)
                r"[，,]\s*(?:经[^，,。；;]{1,20}?(?:批准|同意|核准)\s*[，,]\s*)?"
                r"[^，,。；;]{0,16}?(?:应当|应(?!急)|须|必须|要(?!求)|不得|严禁|"
                r"可(?:以|优先)|有权|不少于|不低于|不超过|不多于|至少|最多)",
                rest,
            )
            # (…，逾期30日未缴纳的，取消其资格: the ones sanctioned)
            or _A_SANCTION_NEXT.match(rest) is not None
        )
        and not ANY_MODAL.search(masked, ph_start, q_start)
    ):
        return True  # …，5例以上疑似医院感染暴发的，医疗机构应当…: the case the duty is for
    if _SANCTIONED_INLINE.match(tail) and not ANY_MODAL.search(masked, ph_start, q_start):
        # 超期3个工作日以上的亮红灯并纳入督查督办, 行驶里程达到60万千米的强制报废, 超过30日未缴纳
        # 的按日加收…: the ones a sanction is for, no comma before it
        return True
    if tail.strip() == "的" and _A_SANCTION_NEXT.match(rest):
        return True  # …，一年内累计扣分达到20分的，暂停其准运资格3个月: the ones sanctioned
    if re.match(
        r"\s*(?:(?:(?:以|之)?内)?[^，,。；;的\d＿]{1,6}?)?的\s*(?:应当|应(?!急)|须|必须|要(?!求)|不得|严禁)",
        tail,
    ) and not ANY_MODAL.search(masked, ph_start, q_start):
        # 地下储油罐使用年限超过15年的应当更换: the same with no comma (3年内完不成的要…)
        return True
    # (the few words right before the number only: one number of a long list reads no more)
    near = max(ph_start, q_start - 8)
    if (
        _AN_AGE_REACHED.search(masked, near, q_start)
        and _THE_ONES_AGED.match(masked, q_end)
        and not ANY_MODAL.search(masked, s_start, q_start)
    ):
        return True  # 年满60周岁的农村籍退役士兵，每月发放…: whom an age picks out (GUIDE 3)
    if (
        _AN_AGE_REACHED.search(masked, near, q_start)
        and _THE_ONES_SERVED.match(masked, q_end)
        and not ANY_MODAL.search(masked, s_start, q_start)
    ):
        return True  # 连续工作满12个月以上的职工享受…: whom a length of service picks out
    if (
        re.search(r"岁(?:及?以[上下])?$", masked[q_start:q_end])
        and THE_AGED_NAMED.match(masked, q_end)
        and not ANY_MODAL.search(masked, ph_start, q_start)
    ):
        return (
            True  # 对0至6周岁残疾儿童实施康复救助, 60周岁以上参保人员按月领取…: whom an age picks
        )
    if _A_SPEND.search(masked, near, q_start) and _AN_OFFER.match(masked, q_end):
        return True  # 单笔消费满3000元可抵扣300元: the spend an offer is for
    after = re.match(r"[，,]([^，,。；;]+)", rest)
    if (
        re.fullmatch(r"\s*的[^的，,。；;\d＿]{1,6}", tail)
        and after is not None
        and ACTION.search(after.group(1))
        and not re.search(r"[，,]", masked[s_start:ph_start])
        and not ANY_MODAL.search(masked, s_start, q_start)
        # (not a target's: 全市建成500个以上的示范村，…)
        and not _A_TARGET.search(masked, s_start, q_start)
    ):
        return True  # 绩效评价得分低于60分的区，相应扣减…: the ones the measure after is for
    if (
        re.fullmatch(r"\s*(?:及?以上|及?以下)?的[^的，,。；;\d＿]{1,14}", tail)
        and after is not None
        and after.group(1).lstrip().startswith("由")
        and not re.search(r"[，,]", masked[s_start:ph_start])
        and not ANY_MODAL.search(masked, s_start, q_start)
    ):
        return True  # 年满60周岁以上的独居老人家庭改厕，由村集体统一组织: the ones it is done for
    if (
        "的" in tail
        and _NOUN_END.search(tail)
        # (按照每300人配备1名保洁员的标准配齐…: the standard's own figure, no ones picked out)
        and not _A_STANDARD_S_FIGURE.match(tail)
        # (每学期至少组织1次对培训机构的检查，…应当…: what is done so often, no ones picked out)
        and not re.match(r"\s*(?:对|针对)", tail)
        and (
            ANY_MODAL.search(rest)
            # …5000吨标准煤以上的重点用能单位，每年报送…: the party the duty after it is for
            or (
                ends_with_party(tail.rsplit("的", 1)[1])
                # (…500万元以下的小微企业，免于年度审计: what those ones are spared)
                and (ACTION.search(rest) or _SPARED.match(rest.lstrip(" ，,")))
            )
        )
        and not ANY_MODAL.search(masked[s_start:q_start])
    ):
        return True  # 连续任教超过两个聘期(每个聘期3年)的城镇专任教师，原则上应当…
    if re.match(
        r"的[^，,。；;的\d＿]{1,10}?(?:应当|应(?!急)|须|必须|要(?!求)|不得|严禁)", tail
    ) and not ANY_MODAL.search(masked, ph_start, q_start):
        # …，日供水1000吨以上的工程应当配备…: the ones its own phrase's duty is for, whatever
        # the duty before the comma
        return True
    if re.match(
        r"\s*的[^，,。；;的\d＿]{1,6}?按照?每",
        masked[q_end:ph_end],
    ):
        return True  # 人口超过2000人的行政村按照每500人1名的标准…: the ones a standard is for
    graded = re.match(
        r"[^，,。；;的\d＿]{2,10}?(?=应当|应(?!急)|须|必须|要(?!求)|不得|严禁|全部|均|一律)", tail
    )
    if (
        graded
        and re.search(r"(?:以上|以下)$", masked[q_start:q_end])
        and ends_with_party(graded.group(0))
        and not ANY_MODAL.search(masked, ph_start, q_start)
    ):
        return True  # 二级以上综合医院应当设置…: which parties, by their grade; they act
    aged = "岁" in masked[q_start:q_end] or "年级" in masked[q_start:q_end]
    if "年级" in masked[q_start:q_end] and quantities(masked[q_end:ph_end]):
        return True  # 小学1-2年级每周4课时: the school years the number after them is for
    if (
        aged
        and served_from(masked, ph_start, q_start) is not None
        and re.match(r"的?[\u4e00-\u9fff]", masked[q_end : q_end + 2])
        and (
            ACTION.search(masked, q_end, ph_end)
            or re.search(r"开设|开放|安排|发放|办理|免费|减免", masked[q_end:ph_end])
        )
    ):
        return True  # 社区应当为80周岁以上老人提供上门服务: the ones served, by their age
    if (
        aged
        and _A_POPULATION.match(masked, q_end)
        and not ANY_MODAL.search(masked, ph_start, q_start)
    ):
        return True  # 6周岁至18周岁未成年人半价: the ones a fare or benefit is for, by their age
    if (
        aged
        and re.match(r"[\u4e00-\u9fff]", masked[q_end : q_end + 1])
        and not masked.startswith("的", q_end)
        # (80—89周岁老年人每人每月补助100元: the ones the amount after it is for)
        and (bounded(masked[q_end:ph_end]) or quantities(masked[q_end:ph_end]))
    ):
        return True  # 照护2至3岁幼儿不超过5人: the ones a limit after it is for
    if (
        re.search(r"(?:以上|以下)$", masked[q_start:q_end])
        and re.fullmatch(r"[\u4e00-\u9fff]{1,6}", masked[q_end:ph_end])
        and not ACTION.search(_DEFINING_ACTS.sub("", masked[ph_start:q_start]))
        and not ANY_MODAL.search(masked, ph_start, q_start)
        and ANY_MODAL.search(masked, ph_end, s_end)
        # (评标委员会成员人数为5人以上单数，其中…: what the number is stated to be, a rule)
        and not re.search(r"(?:为|是)\s*$", masked[ph_start:q_start])
    ):
        return True  # 4级以上大风天气，应当停止土方作业: when (which ones) the duty after is for
    if (
        re.search(r"(?:以上|以下)$", masked[q_start:q_end])
        and re.match(r"[\u4e00-\u9fff]", masked[q_end : q_end + 1])
        # (80周岁以上老年人每人每月发放高龄津贴100元: the ones an amount after it is for)
        and (bounded(masked[q_end:ph_end]) or (aged and quantities(masked[q_end:ph_end])))
        # (…三分之二以上的业主且人数占比三分之二以上的业主同意: two bounds both to be met)
        and not _BOTH.match(masked, q_end)
    ):
        return True  # 拥有3岁以下婴幼儿托位数达到4.5个: which ones the number after counts
    if re.search(r"(?:以上|以下)$", masked[q_start:q_end]) and re.match(
        r"的[^，,。；;的\d＿]{1,10}[\d＿.]+\s*[个家项处座所户人名条]\s*$", masked[q_end:ph_end]
    ):
        return True  # 新增1000万元以上的招商引资项目80个: which projects the count after counts
    if (
        re.search(r"(?:以上|以下|及以下|及以上)$", masked[q_start:q_end])
        and DONE_AWAY_WITH.search(masked, max(ph_start, q_start - 8), q_start)
        # (淘汰落后企业10家以上, 整治50处以上: how many, a target, not which ones)
        and not _HOW_MANY_OF_THEM.search(masked, q_start, q_end)
        and re.match(r"的?[\u4e00-\u9fff]{2}", masked[q_end : q_end + 3])
    ):
        return True  # 淘汰35蒸吨/小时以下燃煤锅炉: the ones to do away with, no threshold
    if (
        re.search(r"(?:以上|以下)$", masked[q_start:q_end])
        and not _HOW_MANY_OF_THEM.search(masked, q_start, q_end)
        and DONE_AWAY_AFTER.match(masked, q_end)
    ):
        return True  # 完成10蒸吨以下燃煤锅炉淘汰任务: the same, its verb after the things
    noun = _OF_A_NOUN.match(masked, q_end)
    if noun is None:
        return False
    if bounded(masked[noun.end() : ph_end]) and not _BOTH.match(masked, noun.end()):
        # 粒度为13～80毫米的块煤占比不低于90%: which ones the number after is of (…过半数的业主且占
        # 总人数过半数的业主参加: two bounds both to be met)
        return True
    if aged and (
        quantities(masked[noun.end() : ph_end])
        or re.search(r"免费|免收|免于|免予", masked[noun.end() : ph_end])
    ):
        return True  # 60至69周岁的低收入老年人每人每月补贴30元: the ones the amount is for
    before = masked[s_start:q_start]
    after = masked[q_end:s_end]
    # (a sentence's opening words that end with the noun (年满60周岁的老人，…): which ones the
    # numbers after them are for)
    opened = _OPENING_NOUN.match(after)
    opening = ph_start == s_start and opened is not None
    # (not a target, 全市建成500个以上的示范村，每村至少…: a number to reach, then a rate)
    target = _A_TARGET.search(before) is not None
    if (
        opening
        and not ANY_MODAL.search(before)
        and not ACTION.search(_DEFINING_ACTS.sub("", masked[ph_start:q_start]))
        and not target
    ):
        # (营运年限超过8年的客车，每季度进行一次安全检查; 种植面积50亩以上的种粮大户，每亩补贴
        # 80元: the ones what follows is for, no verb of a duty before the number)
        rest = after[opened.end() :]
        spared = _SPARED.match(rest.lstrip()) or re.search(r"免费|免收|免征|免于|免予", rest[:24])
        if quantities(rest) or ACTION.search(rest) or spared:
            return True
    return ANY_MODAL.search(before) is None and (
        ANY_MODAL.search(after) is not None or (opening and bounded(after) and not target)
    )


#: Acts that define the ones a number picks out (购置5吨以上的农用车辆, 种植…的大户), no duty.
_DEFINING_ACTS = re.compile(r"购置|购买|使用|拥有|种植|养殖|从事|经营|营运|持有|承包|租赁")
#: What ones picked out are spared or given (免于年度审计, 享受减免政策), the words after them.
_SPARED = re.compile(r"(?:可以?|均|一律|即可)?(?:免于|免予|免除|免征|免收|减半|享受|不再|不予)")


#: A number's 的 right before the limit of the ones it picks out (不足1000名的至少配备1名).
_THE_ONES_LIMITED = re.compile(
    # (不足500人的学校至少配备1名: the ones, named, then their limit)
    r"\s*(?:及?以上|及?以下)?的\s*(?:[^，,。；;的\d＿]{0,6}?(?:学校|企业|单位|场所|机构|项目|村|社区|乡镇|医院|"
    r"公司|工地|园区)(?=\s*每(?:个)?(?:年|月|季度?|半年|周|日|天))|"
    r"[^，,。；;的\d＿]{0,6}?(?:学校|企业|单位|场所|机构|项目|村|社区|乡镇|医院))?"
    r"\s*(?:每(?:个)?(?:年|月|季度?|半年|周|日|天)|至少|最少|不少于|不低于|不超过|不高于|最多|至多|不得|"
    # (每300户以上的村增配1名: the ones, then how many more they have)
    r"(?:增配|增设|另配|加配|配备|设置)(?=\s*[\d一二两三四五六七八九十]))"
)
_OPENING_NOUN = re.compile(r"\s*(?:及?以上|及?以下|以内)?\s*的[^，,]{1,6}[，,]")


def bounded(words: str) -> bool:
    """Whether ``words`` state a number with its comparison (年满60周岁的老人，每月发放补贴不少于
    100元: the words after the ones a number picks out set the requirement)."""
    return any(
        q.comparator not in (None, "range") or comparator_before(words[: q.start]) is not None
        for q in quantities(words)
    )


def phrase_bounds(masked: str, s_start: int, s_end: int, pos: int) -> tuple[int, int]:
    bounds = _sentence_parts(masked, s_start, s_end)[0]
    # the last phrase starting at or before pos (bounds are sorted and do not overlap)
    i = bisect.bisect_right(bounds, (pos - s_start, float("inf"))) - 1
    if i >= 0 and bounds[i][0] <= pos - s_start < bounds[i][1]:
        return s_start + bounds[i][0], s_start + bounds[i][1]
    return s_start, s_end


@functools.lru_cache(maxsize=8)
def phrase_of(masked: str, start: int, end: int) -> str:
    """``masked[start:end]``, one string for each phrase: the numbers of a long list in one
    phrase hash it once (``phrase_facts`` is cached by it), not a fresh copy for each number."""
    return masked[start:end]


def source_span(text: str, start: int, end: int) -> tuple[str, int]:
    """The exact source substring, trimmed of whitespace and a leading numbering token."""
    m = LEAD_TOKEN.match(text, start, end)
    if (
        m
        and m.end() < end
        # (3.5米: a number, not a numbering token; （三）2019年底前: the token, then a date)
        and not (
            re.match(r"\d", text[m.end() : m.end() + 1] or "x")
            and re.fullmatch(r"\s*[\d.．]+\s*", m.group(0))
        )
    ):
        start = m.end()
    while start < end and (text[start].isspace() or text[start] in "、，,；;"):
        start += 1  # (…不超过60dB(A)、夜间不超过50dB(A): the list's mark is no part of it)
    if opens_a_quote(text[start:end]):
        start += 1  # (修改为：“申请人应当…。”: the quoted rule, without its opening mark)
    aside = re.match(r"[（(][^（）()]{1,8}[）)]\s*(?:或者?|和|及|、)\s*", text[start:end])
    if aside is not None and aside.end() < end - start:
        start += aside.end()  # (1.5米（中压）或0.7米（低压）: the aside is the item's before it)
    if text.startswith(("和", "及", "与"), start) and re.match(r"\s*\d", text[start + 1 : end]):
        start += 1  # (分别达到30%、50%和70%: the last number of a list, without its 和)
    if text.startswith("则", start) and end - start > 2:
        start += 1  # (如…，则企业须…: the word leading from the condition is no part of the duty)
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > 1 and text[end - 1] == "." and not text[end - 2].isdigit():
        end -= 1  # (每年至少2次.: a sentence's full stop typed as a point, no part of it)
    if text[end - 1 : end] in ("）", ")") and _CLOSES_MORE.fullmatch(text, start, end):
        end -= 1  # (（市林业局负责；2024年11月底前完成）: the aside's close, no part of it)
    aside = _AN_ASIDE_AT_END.search(text, start, end)
    if aside is not None and aside.start() > start:
        # (…报送市安委办（联系人：…）, …公示（责任单位：…）: the aside is not it)
        end = aside.start()
    options = _ANSWER_OPTIONS.search(text, start, end)
    if options is not None and options.start() > start:
        end = options.start()  # (是否安装报警器 是/否: a check table's answer column)
    return text[start:end], start


#: Words that close one bracket more than they open (…11月底前完成）).
_CLOSES_MORE = re.compile(r"[^（()）]*[）)]")
#: An aside the span ends with (（联系人：张明，电话：…）, （责任单位：区住建局）).
_AN_ASIDE_AT_END = re.compile(r"\s*(?:" + ASIDE.pattern + r")\s*$")
#: A check table's answer column at the end of a row (是/否, □是 □否, 有/无, 合格/不合格).
_ANSWER_OPTIONS = re.compile(
    r"\s+[□☐]?\s*(?:是\s*[/／]\s*[□☐]?\s*否|有\s*[/／]\s*无|合格\s*[/／]\s*不合格|"
    r"[□☐]\s*是\s*[□☐]\s*否)\s*$"
)


def end_of(r: Requirement) -> int:
    """Where a requirement's span ends in its clause's text."""
    return r.start + len(r.span)


#: How often, a bound or a modal word, right after a season that opens a phrase.
_HOW_OFTEN_OR_MODAL = r"(?:每|至少|不少于|不低于|不超过|应当?|须|必须)"
#: A season or a time of day opening a phrase, right before how often or how much in it
#: (…，夏季每日至少清运两次; 汛期每天巡查不少于2次): when the phrase's requirement holds.
_SEASON_FIRST = re.compile(
    r"\s*(?P<when>(?:汛期|雨季|旱季|冬季|夏季|春季|秋季|采暖期|供暖期|防火期|节假日|夜间|昼间|白天)"
    r"(?:期间|内)?(?:[（(][^（()）]{1,20}[）)])?)"
    rf"(?=\s*{_HOW_OFTEN_OR_MODAL}"
    # (夜间（22时至次日6时）客运车辆行驶速度不得超过…: the party bound, then its bound; not
    # 夜间连续驾驶不得…, a class of the measure)
    rf"|[^，,。；;（(]{{0,12}}?(?:{REGULATED})[^，,。；;]{{0,12}}?(?:{_HOW_OFTEN_OR_MODAL}|不得|不应|不宜))"
)


def a_season_first(
    text: str, masked: str, ph_start: int, q_start: int
) -> tuple[int, Applicability] | None:
    """The season a phrase opens with, before its number (夏季每日至少清运两次 → 夏季), as a
    qualifier: where it ends, and the condition."""
    found = _SEASON_FIRST.match(masked, ph_start, q_start)
    if found is None:
        return None
    return found.end("when"), Applicability(text[found.start("when") : found.end("when")])


def with_exceptions(
    found: list[Requirement], exceptions: list[tuple[int, int, Applicability]]
) -> list[Requirement]:
    """Each requirement with the exception after it that leaves some out (``exceptions``: where
    its phrase starts, from where the requirements before it are its own, and what it says),
    when it has no condition of its own: …，但从业人员10人以下的小微企业除外 → 从业人员 > 10."""
    out = []
    for r in found:
        own = [a for at, lo, a in exceptions if lo <= r.start and end_of(r) <= at]
        out.append(replace(r, applies_when=own[0]) if own and r.applies_when is None else r)
    return out


#: An exception with no number, the last phrase of its sentence (…，但春节期间除外).
_PLAIN_EXCEPTION = re.compile(r"[，,]\s*(?P<words>但?[^，,。；;\d＿]{2,30}?除外)\s*[。；;]?\s*$")


def plain_exception(
    text: str, masked: str, s_start: int, s_end: int
) -> tuple[int, int, Applicability] | None:
    """An exception with no number that ends a sentence (本市行政区域内禁止燃放烟花爆竹，但春节
    期间除外): when the duties before it do not apply, their condition."""
    found = _PLAIN_EXCEPTION.search(masked, s_start, s_end)
    if found is None:
        return None
    at = found.start("words")
    return at, -1, Applicability(text[at : found.end("words")])


def joined(flags: list[str], start: int, end: int, joins: tuple[int, ...]) -> tuple[str, ...]:
    if any(start < j < end for j in joins):
        flags = flags + ["page_joined"]
    return tuple(dict.fromkeys(flags))


def without_number(
    text: str,
    start: int,
    end: int,
    *,
    modality: str | None,
    kind: str,
    join_offsets: tuple[int, ...],
    per: str | None = None,
    flags: tuple[str, ...] = (),
) -> Requirement:
    """A requirement that states no number (presence, vague deadline, per-batch duty)."""
    span, span_start = source_span(text, start, end)
    return Requirement(
        modality=modality,
        kind=kind,
        comparator=None,
        value=None,
        low=None,
        high=None,
        unit=None,
        per=per,
        span=span,
        start=span_start,
        flags=joined(list(flags), span_start, span_start + len(span), join_offsets),
    )


#: 年满, 满, 超过 right before an age, and the ones it picks out after it (…的农村籍退役士兵，).
_AN_AGE_REACHED = re.compile(r"(?:年满|满|超过)\s*$")
#: The people an age picks out, named right after it, a verb of theirs after (…儿童实施…).
THE_AGED_NAMED = re.compile(
    r"[\u4e00-\u9fff]{0,6}?(?:儿童|老人|老年人|人员|学生|居民|妇女|幼儿|残疾人|参保人)"
    # (对辖区内65岁及以上常住居民，每年提供…: the ones, then the duty after its comma)
    r"(?=[\u4e00-\u9fff]{2}|\s*[，,])"
)
#: The people a length of service reached picks out, named right after it (…满12个月以上的职工).
_THE_ONES_SERVED = re.compile(r"\s*的(?:职工|员工|劳动者|教师|人员)(?=[\u4e00-\u9fff]{2}|\s*[，,])")
_THE_ONES_AGED = re.compile(r"\s*(?:周岁|岁)?\s*(?:及?以上|以下)?的[^，,。；;的\d＿]{1,12}[，,]")
#: A spend reached (满3000元), then what it buys (可抵扣, 减, 返).
_A_SPEND = re.compile(r"(?<![年期届])满\s*$")
_AN_OFFER = re.compile(r"\s*(?:的|即|则|后)?\s*(?:可|减|抵扣|抵|返|送|赠|优惠)")


def presence(
    text: str,
    masked: str,
    s_start: int,
    s_end: int,
    modality: str | None,
    join_offsets: tuple[int, ...],
    whole: bool = False,
) -> Requirement:
    """A duty with no number: something must (not) be there or be done (the phrase with the
    modal word, or ``whole``: all of ``s_start:s_end``, one duty's phrases)."""
    modal = first_modal(masked[s_start:s_end])
    pos = s_start + (modal.start() if modal else 0)
    ph_start, ph_end = (s_start, s_end) if whole else phrase_bounds(masked, s_start, s_end, pos)
    return without_number(
        text,
        ph_start,
        ph_end,
        modality=modality,
        kind=presence_kind(masked[s_start:s_end]),
        join_offsets=join_offsets,
    )


#: A limit named right before its number (限值为, 上限是, 下限为: a floor).
A_LIMIT_BEFORE = re.compile(
    # (最高限价为30元, 最高收费标准为…: a price capped)
    r"(?:(?:最高)?限[值价]|上限|限额|最高(?:价格?|收费(?:标准)?)|(?P<floor>下限|最低限值))"
    # (最高限价30元: the amount right after the name, 为 left out)
    r"\s*(?:分别)?\s*(?:为|是|：|:)?\s*"
    rf"(?:(?:{PARTS_OF_THE_DAY}|夜晚)\s*(?:为|：|:)?\s*)?"  # (噪声排放限值昼间70分贝: the day's)
    r"(?:每\s*[\u4e00-\u9fff]{1,3}?\s*)?"  # (最高限价为每升8元: the limit per unit sold)
    # (限值分别为35、50、10毫克/立方米: one limit named for each number of its list)
    r"(?:\d{1,6}(?:\.\d+)?\s*(?:、|和|及|或)\s*){0,8}$"
)
#: A duty that opens with what is done to the inspected (重点检查…, 依法予以取缔, 责令…).
DONE_TO_THEM = re.compile(
    r"(?:重点|严格|依法|全面|逐一|定期|不定期|随机)*(?:检查|抽查|核查|排查|督查|巡查|查处|取缔|"
    r"予以|责令|约谈|处以|吊销|没收)"
)
