"""Who must act: ``subject_of`` reads the noun phrase just before a duty's modal word (企业应…,
各县（市、区）要…, 财政局负责…) and whether it is the inspected party or an authority;
``who_did`` reads the party that opens a time a duty follows (用人单位招用人员后). Pure module
(standard library and the wording tables); ``attribution``, ``list_leads`` and ``cases`` read who
acts with it; ``parties`` holds the names and the conditions it reads by.
"""

from __future__ import annotations

import re

from checklists.standards.modality import ANY_MODAL
from checklists.standards.number_words import A_MEASURE_END
from checklists.standards.openings import (
    CLOCK_PARTS,
    DURING_WORD,
    PARTS_OF_THE_DAY,
    VIA,
    WHEN_WORD,
)
from checklists.standards.parties import (
    _A_PARTY_DONE_TO,
    _A_SPACING,
    _AUTHORITY_END,
    _AUTHORITY_OPENS,
    _COUNTED_TO,
    _GOES_IN,
    _HOW_MANY,
    _LEADS,
    _NAME_CHAR,
    _NOT_THE_PAID,
    _OWNER_PER,
    _PAREN,
    _POINTING_BACK,
    _REGULATED_END,
    _REGULATED_OPENS,
    _SHUT_DOWN,
    AT,
    ONLY_A_NAME,
    SubjectKind,
    condition_of,
    ends_with_party,
    kind_of,
)
from checklists.standards.party_names import AUTHORITY as _AUTHORITY
from checklists.standards.party_names import REGULATED as _REGULATED
from checklists.standards.phrase_conditions import phrase_condition
from checklists.standards.verbs import ACTION, ENCOURAGING, POLICY

#: An inspected party and a part or thing of it, with no verb, set apart by its bracket or 的
#: (配送中心（点）地面, 企业的厂区).

_OWNER = re.compile(
    # (进入施工现场的人员: the ones who go in, a relative clause; not the site's own staff)
    f"(?!{_GOES_IN})(?P<who>(?:{_NOT_THE_PAID}[^，,。；;、]){{0,14}}?(?:{_REGULATED}|{_AUTHORITY})"
    f"(?:[（(][^（()）]{{1,8}}[）)]|(?=的)))"
    # (歌舞娱乐场所的包厢、包间内: its things, listed)
    f"的?[^，,。；;、的]{{1,6}}(?:、[^，,。；;、的]{{1,6}})*"
)

#: What a party does to a thing it takes, sells, keeps or gives (收取, 排放, 招用…).
_ACTS_ON = (
    r"(?:收取|排放|排出|销售|出售|提供|发放|出具|储存|贮存|存放|生产|采购|使用|支付|发布|运输|处置|"
    r"设置|安装|配备|招用|招聘|聘用|雇用|录用|经营|收购|加工|出租|承租|租赁|委托|举办|承办|开展|"
    r"从事|延长|安排|组织|建设|施工|收集|转移|招收|收住|收治|接收|接待|接纳|容纳|停放|堆放|储备|"
    # (房地产开发企业预售商品房，应当…; 运营企业投放车辆…; 养犬人携带犬只…)
    r"预售|投放|燃放|饲养|养殖|屠宰|携带|驾驶|运营|开办|进口|出口|拆除|装修|维修|回收|清运|"
    r"收寄|寄递|承运|托运|"
    r"(?:新建|改建|扩建)(?:、(?:新建|改建|扩建))*)"
)

#: An inspected party, what it does and the thing it does it to (房地产经纪机构收取的佣金, 企业排放
#: 的废水): the party that takes, sells or discharges it.
_OWNER_DOES = re.compile(
    f"(?!{_GOES_IN})(?P<who>(?:{_NOT_THE_PAID}[^，,。；;、]){{0,14}}?(?:{_REGULATED}))"
    # (生产经营单位新建、改建、扩建工程项目的安全设施: what it builds, then its part; 运营企业投放
    # 车辆应当…: what it puts out, no 的 before the modal word)
    f"{_ACTS_ON}(?:[^，,。；;、的]{{0,6}}的)?[^，,。；;、的]{{1,6}}"
)

#: A phrase of its own naming a party and what it does, the duty after its comma (企业招用职工，应当
#: …; 物业服务企业收取物业费，应当公示…): the party, not the ones it acts on (职工).
_PARTY_DOING = re.compile(
    f"(?P<who>{_NAME_CHAR}{{0,14}}?(?:{_REGULATED}|{_AUTHORITY}){_PAREN})"
    f"{_ACTS_ON}[^，,。；;的]{{0,16}}"
)

#: ``_OWNER`` with no 的, where what follows the party is a place of its own that a duty holds in
#: (歌舞娱乐场所包厢、包间内不得设置隔断): the party whose rooms they are.
_OWNER_WITHIN = re.compile(
    f"(?P<who>(?:{_NOT_THE_PAID}[^，,。；;、的]){{0,12}}?(?:{_REGULATED}))"
    r"[^，,。；;、的\d]{1,6}(?:、[^，,。；;、的\d]{1,6})*(?:内|中|里)"
)

#: The crew or staff of a party's vehicle or site, after its name (客运车辆驾驶员, 建筑工地作业
#: 人员): who the name goes on to.
_NO_CREW_NEXT = "(?!驾驶[员人]|司机|乘务|押运|从业人员|作业人员|操作人员|管理人员)"

#: ``_OWNER`` with no 的, where what follows the party is a measure of its own (建筑施工企业安全
#: 生产费用提取比例, 学校食堂留样时间): the party whose measure it is.
_OWNER_BARE = re.compile(
    # (单位和职工缴存比例: a list of parties, each its measure)
    # (not a vehicle or a site whose crew or staff the measure is of: 客运车辆驾驶员连续驾驶时间)
    f"(?P<who>(?:{_NOT_THE_PAID}[^，,。；;、的]){{0,12}}?(?:{_REGULATED}){_NO_CREW_NEXT}"
    f"(?:[和及与、](?:{_NOT_THE_PAID}[^，,。；;、的]){{0,8}}?(?:{_REGULATED}))*"
    # (各地资金支出进度要达到80%, 各乡镇垃圾清运率…: each area's own measure, its government's)
    r"|各(?:地|乡镇|街道|县|区|市)(?:[（(][^（()）]{1,8}[）)])?)"
    # (the name of one of its measures: number_words.A_MEASURE_END, or of what it keeps or spends)
    rf"[^，,。；;、的\d]{{2,10}}(?:{A_MEASURE_END}|费用|限额|额度|时段|次数|压力|水压|容量|进度|速度|"
    # (处置单位出水化学需氧量不得高于…: an amount of what it lets out)
    r"[浊色硬]度|余氯|含量|指数|需氧量|排放量|用水量|用电量|储量|"
    # (配送中心储煤能力应达到…: how much it can hold or do)
    r"能力|产能|库容|容积|功率)"
)


#: A time or a place a duty holds in (在公示期内, 在检查期间, 于施工过程中).
_WHILE = re.compile(
    # (…的企业，在隐患消除前不得…: before a thing is done, the same)
    r"(?:在|于)[^，,。；;\d]{1,12}(?:内|期间|中|时|前|之前|以前)|"
    # (…的企业，一年内不得…: a window of so long, no name)
    r"[\d一二两三四五六七八九十]{1,3}\s*个?(?:年|月|日|天|周|工作日)(?:以内|之内|内)"
)
#: How often, and nothing else (每月, 每个季度, 定期): a time of the duty, no party's name.
HOW_OFTEN_ONLY = re.compile(r"(?:一般|原则上|通常)?(?:每个?(?:年度?|月|季度?|半年|周|日|天)|定期)")
#: Adverbs between a name and its modal word (企业均应…, 单位和个人，均应…, 各乡镇也要…).
_ALL_OF_THEM = re.compile(r"(?:均|都|也|亦|一律|一概|同样)$")


#: The inspected party a sentence encourages, right after its word (鼓励支持企业采用…).
_ENCOURAGED = re.compile(
    rf"{ENCOURAGING}(?P<who>[^，,。；;]{{0,12}}?(?:{_REGULATED}){_PAREN})"
    r"(?![\u4e00-\u9fff]{0,2}(?:资金|产品|项目))"
)
#: Else the government or area it encourages (鼓励各乡镇建立…, 鼓励有条件的地区先行先试).
_ENCOURAGED_AREA = re.compile(
    rf"{ENCOURAGING}(?P<who>[^，,。；;]{{0,12}}?(?:{_AUTHORITY}|(?<=的)(?:地区|地方)){_PAREN})"
)


#: The party a ban names right after its word, before what it may not do (严禁托育机构体罚…,
#: 禁止养老机构收取押金); not a thing done to one (严禁将…交给无资质单位, 严禁向企业摊派), nor
#: two mixed (严禁化工企业与非化工企业混建: what is banned is the mix, the task's units see to it).
_BANNED = re.compile(
    # (not what is built or set up: 严禁建设养殖场, 禁止新建加油站; nor where one may not go
    # or take: 禁止携犬进入下列场所)
    r"(?:严禁|禁止)(?!(?:新|改|扩|兴)?建|设立|设置|开设|开办|引进|审批|批准|携|进入|擅自)"
    rf"(?P<who>[^\s，,。；;：:为的是在对将把要应须向从给以用与和及、]{{0,8}}?"
    rf"(?:{_REGULATED}|{_AUTHORITY}){_PAREN})(?![的、和及与等]|[\u4e00-\u9fff]{{0,2}}(?:资金|财产|名义))"
)


#: A party's name opening a time it acts at, right before its modal word (医疗机构污水排放前,
#: 企业停产检修期间): the party acts, the rest is when.
PARTY_BEFORE_WHEN = re.compile(
    r"(?P<who>[^，,。；;的\d＿在于]{0,10}?(?:机构|企业|单位|场所|公司|学校|医院|经营者|运营者|驾驶人|驾驶员|"
    # (车辆 only before hours: 车辆驶出工地前 is the vehicles' event, the case)
    rf"人员|护理员|保育员|车辆(?=(?:{PARTS_OF_THE_DAY}|{CLOCK_PARTS})?[（(]?\d)))"
    # (not one of a list, nor a word of a longer name: 学校、医院等人员密集场所营业期间)
    r"(?![、等和及与]|密集)"
    # (长途客运车辆凌晨2时至5时, 客运车辆夜间（22时至次日6时）: the hours, in brackets too)
    r"(?=[^，,。；;]{2,}?(?:前|期间|之前|以前|时[）)]?|之间)$)"
)
#: 对/对于/针对 opening a phrase: the ones something is done to (not 对照, 对接).
_TO_THE_ONES = re.compile(r"(?:对于|对|针对)(?![照接])")

#: The distance of a party from others (加油站与学校、医院的安全间距): the first keeps it.
_APART = re.compile(
    r"(?P<who>[^，,。；;与]{2,24}?)与[^，,。；;]{1,24}?(?:之间)?的?(?:安全|防火|卫生|防护)?(?:距离|间距)"
)
#: A relation between two parties named before it (…与检查对象有利害关系).
_IN_A_RELATION = re.compile(r"(?:有|存在|具有)[^，,。；;]{0,8}关系")
#: The checks done to a party, named with 对 (对同一市场主体的抽查, 对企业的行政检查).
_CHECKS_OF_IT = re.compile(
    r"(?:对于?|针对)[^，,。；;]{1,20}?的[^，,。；;的]{0,8}(?:检查|抽查|巡查|检测|抽检|监测|核查|督查)"
)


def subject_of(sentence: str, modal_at: int) -> tuple[str | None, SubjectKind | None]:
    """Who must act: the noun phrase ending just before the modal word at ``modal_at``."""
    before = sentence[:modal_at]
    encouraged = _ENCOURAGED.match(sentence, modal_at) or _ENCOURAGED_AREA.match(sentence, modal_at)
    if encouraged is not None and not before.strip(" \t，,"):
        # 鼓励支持有条件的化工企业，聘请…: the party encouraged is who would act
        who = _trim(encouraged.group("who"))
        # (鼓励各乡镇建立保洁队伍: a name's ending may close the act too; who is before the act)
        act = ACTION.search(who, 2) or POLICY.search(who, 2)
        if act is not None and ends_with_party(who[: act.start()]):
            who = who[: act.start()]
        if not re.search(r"[，,]", who):
            return who, kind_of(who)
    banned = _BANNED.match(sentence, modal_at)
    if _SHUT_DOWN.match(sentence, modal_at):
        return None, None  # (全县无证经营户一律取缔: closed down, by someone not named)
    condition = condition_of(sentence)
    if (
        banned is not None
        and (
            not before.strip(" \t，,")
            # (每日7时至9时，禁止货车…: a case, then the ban)
            or (
                condition is not None
                and condition.end <= modal_at
                and not sentence[condition.end : modal_at].strip(" \t，,的")
            )
        )
    ):
        return _trim(banned.group("who")), kind_of(banned.group("who"))
    if condition is not None and condition.end <= modal_at:
        before = sentence[condition.end : modal_at]
        if before.startswith(("的", "，", ",")):
            before = before.lstrip("的，,")
        # (零售药店营业时间内，执业药师不在岗时，应当…: a second case after the first, whose
        # opening party acts; not the one the second names)
        second = before.rstrip(" \t，,")
        if (
            second
            and _opening_party(condition.text)[0] is not None
            and phrase_condition(second) == len(second)
        ):
            before = ""
    # the last clause before the modal word, without leading connectives
    pieces = [p.strip() for p in re.split(r"[，,；;。：:\t]", before) if p.strip()]
    # (…的企业，在公示期内不得…: when it holds is no name; the piece before names who)
    if len(pieces) > 1 and _WHILE.fullmatch(pieces[-1]) and _REGULATED_END.search(pieces[-2]):
        pieces.pop()
    # …的单位和个人，均应…: an adverb of all of them before the modal word is no name
    last_words = _ALL_OF_THEM.sub("", pieces[-1]) if pieces else ""
    pieces = pieces[:-1] + [last_words] if last_words else pieces[:-1]
    if len(pieces) > 1 and HOW_OFTEN_ONLY.fullmatch(pieces[-1]):
        pieces.pop()  # (…的重点用能单位，每年应当…: how often, the piece before names who)
    if pieces and _COUNTED_TO.match(sentence, modal_at):
        # (养老机构…，夜间值班人员不得少于2人: the ones counted, the party before acts)
        counted_ones = pieces.pop()
        if not pieces and (staff := _A_PARTY_S_STAFF.fullmatch(counted_ones)):
            # (企业专职安全管理人员不得少于2名: the party whose staff are counted)
            return _trim(staff.group("who")), kind_of(staff.group("who"))
        if not pieces:
            return None, None
    if pieces and (
        (who := PARTY_BEFORE_WHEN.match(pieces[-1]))
        # (新招聘的护理员上岗前应当…: the ones it is, then their name)
        or (who := PARTY_BEFORE_WHEN.match(pieces[-1], pieces[-1].rfind("的") + 1))
    ):
        return _trim(who.group("who")), kind_of(who.group("who"))  # 医疗机构污水排放前应当…
    if pieces and before.rstrip().endswith(("，", ",")) and _TO_THE_ONES.match(pieces[-1]):
        return None, None  # (对一般企业，原则上每3年检查1次: the ones it is done to)
    if not pieces and condition is not None:
        if _TO_THE_ONES.match(condition.text):
            return None, None  # (对…的企业，原则上…: the same, as a case)
        staff = _ITS_STAFF.match(condition.text)
        if (
            staff is not None
            and ends_with_party(staff.group("who"))
            and _HOW_MANY.match(condition.text, staff.end())
        ):
            # (生产经营单位的从业人员不足100人的，应当配备…: the firm whose staff are counted)
            return _trim(staff.group("who")), kind_of(staff.group("who"))
        # 燃气经营企业发现用户存在安全隐患的，应当…: the condition opens with who acts (用人单位
        # 招用人员后，应当…: with what it did, whatever the verb)
        found = _opening_party(condition.text)
        if (
            found[0] is None
            # (物业服务企业退出物业服务项目的，应当…: what the party does, then its duty)
            and (_AFTER_AN_ACT.search(condition.text) or condition.text.endswith("的"))
            and (did := _WHO_DID.match(condition.text))
            and not _HOW_MANY.match(condition.text, did.end())  # (从业人员在100人以下的)
        ):
            who = did.group("who")
            before_by = who.split("由", 1)[0]
            if "由" in who and ends_with_party(before_by):
                who = before_by  # (出差人员由接待单位统一安排用餐的: the traveller, served by it)
            found = _trim(who), kind_of(who)
        if found[0] and "与" in found[0] and _IN_A_RELATION.match(condition.text, len(found[0])):
            # (检查人员与检查对象有利害关系的，应当回避: the first acts, with whom it stands)
            first = found[0].split("与", 1)[0]
            found = first, kind_of(first)
        return found
    if not pieces:
        return None, None
    last = _LEADS.sub("", pieces[-1]).strip()
    if last.startswith("在") and before.rstrip().endswith(("，", ",")) and len(pieces) == 1:
        return None, None  # (在人员密集场所，应当设置…: where it is done, no one named)
    if _A_PARTY_DONE_TO.search(last) or _CHECKS_OF_IT.match(last):
        # (同一企业一年内被抽查次数不超过…, 对同一市场主体的抽查原则上…: done to it, not by it)
        return None, None
    if (then := _NAMED_THEN.match(last)) and ends_with_party(then.group("who")):
        last = then.group(
            "who"
        )  # (企业法定代表人是…第一责任人，要…; 市农业农村局作为牵头部门，要…)
    topic = last if before.rstrip().endswith(("，", ",")) else ""
    if len(pieces) > 1 and last in ("一般", "原则上", "通常"):
        topic = pieces[-2]  # (用人单位延长工作时间，一般不得…: as a rule; the phrase before)
    if doing := _PARTY_DOING.fullmatch(topic):
        return _trim(doing.group("who")), kind_of(doing.group("who"))  # 企业招用职工，应当…
    for pattern in (_REGULATED_END, _AUTHORITY_END):
        match = _ending_subject(last, pattern)
        if match:
            return match, kind_of(match)
    # (the modal word of 不应小于 is 应: its 不 is the comparison's)
    apart = _APART.match(last)
    if apart and last[apart.end() :] in ("", "不") and ends_with_party(apart.group("who")):
        # 加油站与学校、医院的安全间距不应小于50米: the one that keeps its distance from them
        return _trim(apart.group("who")), kind_of(apart.group("who"))
    # 洁净煤配送中心（点）地面要全部硬化: the party whose part or thing must be so
    # (用户应当配合…的入户安检，不得拒绝: a duty before, with its modal word, is no owner's thing)
    owner = not ANY_MODAL.search(last) and (
        _OWNER.fullmatch(last)
        or _OWNER_BARE.fullmatch(last)
        or _OWNER_PER.match(last)
        or _OWNER_DOES.fullmatch(last)
        or _OWNER_WITHIN.fullmatch(last)
    )
    if owner:
        return _trim(owner.group("who")), kind_of(owner.group("who"))
    # 生产经营单位在…后，应当…: the party opens the sentence, an adverbial follows it
    found = _opening_party(pieces[0])
    if found[0] is None and _AFTER_AN_ACT.search(pieces[0]) and (did := _WHO_DID.match(pieces[0])):
        # 用人单位招用人员后，应当…: the party opens what it did, the time the duty follows
        found = _trim(did.group("who")), kind_of(did.group("who"))
    elif (
        found[0] is None
        and (owner := _OWNER_BARE.match(pieces[0]))
        # (what it says of it, not only the modal word's adverbs: 仓库面积原则上不应…)
        and not re.fullmatch(r"\s*(?:原则上|一般|均|也|都)?\s*不?\s*", pieces[0][owner.end() :])
    ):
        # 校外培训机构收费时段与…一致，不得…: the party whose measure the sentence opens with, what
        # it says of it after (配送中心仓库面积不应低于…: a measure alone, no one named as acting)
        found = _trim(owner.group("who")), kind_of(owner.group("who"))
    return found


#: 经 before an authority's name (须经县财政局审核后: through whom it goes first), not 经济, 经营.
VIA_AN_AUTHORITY = re.compile(r"经(?=[县市区省乡镇]|国家|有关|相关|主管|上级|所在|当地)")


def who_did(words: str) -> tuple[str, SubjectKind] | None:
    """The party that opens ``words``, a time a duty follows (生产经营单位纳入黑名单管理后):
    who did it, and so who acts after it; None when the words name no time or no party."""
    if not _AFTER_AN_ACT.search(words.strip()):
        return None
    did = _WHO_DID.match(words.strip())
    if did is None or VIA_AN_AUTHORITY.search(did.group("who")):
        return None  # (新建户厕须经县农业农村局验收合格后: the one it goes through, no actor)
    return _trim(did.group("who")), kind_of(did.group("who"))


#: What was done, as the time a duty follows (…后, …之后, …时).
_AFTER_AN_ACT = re.compile(rf"(?:之?后|以后|{WHEN_WORD}|{DURING_WORD})$")


#: A party, then what it did (用人单位招用人员后): its name, not what follows it.
_WHO_DID = re.compile(
    # (not 经 of 经批准, ``VIA``; 经营者, 经销商 are names)
    f"(?!未|{VIA}|对|在|于|按|依|根据|如|若|凡)"
    f"(?P<who>{_NAME_CHAR}{{0,10}}?(?:{_REGULATED}|{_AUTHORITY}){_PAREN})"
    r"(?![的、和及与]|[^，,。；;]{0,4}(?:" + _REGULATED + ")"
    # (出席市政府会议的人员: the ones who attend what the body holds, not the body)
    r"|[^，,。；;的]{0,8}的(?:人员|单位|企业|个人))"
)


def _opening_party(words: str) -> tuple[str | None, SubjectKind | None]:
    """The party ``words`` open with before an adverbial (生产经营单位在…, 企业发现…), or none."""
    words = _LEADS.sub("", words).strip()
    found = []
    for pattern, kind in ((_REGULATED_OPENS, "regulated"), (_AUTHORITY_OPENS, "authority")):
        match = pattern.match(words)
        if match and not _HOW_MANY.match(words, match.end()):
            found.append((match.end(), _trim(match.group("who")), kind))
    if not found:
        return None, None
    # (监管部门发现企业存在…的: the party named first acts, not the one it finds at fault)
    _end, who, kind = min(found, key=lambda f: f[0])
    return who, kind  # type: ignore[return-value]


#: A party, then a kind of its staff (企业专职安全管理人员, 培训机构的专职教学人员).
_A_PARTY_S_STAFF = re.compile(
    f"(?P<who>{_NAME_CHAR}{{0,12}}?(?:{_REGULATED}){_PAREN})的?[^，,。；;、的\\d＿]{{1,10}}"
    r"(?:人员|教师|老师|医师|药师|护士|护理员|员工|职工)"
)
#: A party, then its staff counted (生产经营单位的从业人员不足100人的).
_ITS_STAFF = re.compile(
    # (企业从业人员超过100人的: with no 的 between)
    r"(?P<who>[^，,。；;的]{2,16}?)的?(?:从业人员|职工|员工|工作人员)(?:总数|人数)?"
)

#: A figure or a modal word: words before a name that are no part of it (not 应急, 相应, 要素; nor
#: a grade, 4A级景区).
_CUT_BEFORE_A_NAME = re.compile(
    r"[\d＿](?![A-E]级)|(?<![反响适供相对])应(?![急用届])|须|要(?!求|素|点)"
)


def _ending_subject(words: str, pattern: re.Pattern[str]) -> str | None:
    """``words`` if they end with a party of the kind (the whole phrase when it is short
    enough to be a name: 县财政局、审计局; else just the party's own words), or None."""
    match = pattern.search(words)
    if match is None or re.search(_A_SPACING, words[: match.start()]):
        return None  # (距离中小学校不得少于100米: the place it is far from acts not)
    if len(words) <= 24 and not _CUT_BEFORE_A_NAME.search(words[: match.start()]):
        # (城区应在30分钟内、乡镇: a duty's words before the name, not part of it)
        return _trim(words)
    tail = re.split(r"[）)]|" + _CUT_BEFORE_A_NAME.pattern, words)[-1].lstrip("、，, ")
    if (
        1 < len(tail) <= 16
        and ONLY_A_NAME.fullmatch(tail)
        and pattern.search(tail)
        and len(tail) > len(match.group(0))
    ):
        # (汛期（每年5月1日至9月30日）各级防汛责任人: the name after the time)
        return _trim(tail)
    items = re.split(r"以及|[、和及与]", words)
    if len(words) <= 80 and all(0 < len(i) <= 16 and ends_with_party(i) for i in items):
        # 企业主要负责人、安全管理人员和特种作业人员、危险工艺岗位操作人员: a list of parties,
        # each a name, all of them
        return _trim(words)
    return match.group(0)


def _trim(name: str) -> str:
    """Drop a clause's leftovers before the name (和/及/与 joins stay: 财政局和审计局)."""
    # (使用…的单位; 在建工地, 在用设备, 在岗人员: 在 part of the name)
    # (因供热单位原因…的: 因, because of, is no part of the name)
    name = re.sub(rf"^(?:的|是|为|由|因|{AT}|对|把|将|让|使(?!用)|给)+", "", name)
    return _POINTING_BACK.sub("", name)


#: A party, then what it is or is as (是…第一责任人, 作为牵头部门) or whom it acts on (对…的企业).
_NAMED_THEN = re.compile(r"(?P<who>[^，,。；;]{2,24}?)(?:是|作为|对)(?=[^，,。；;]{2})")
