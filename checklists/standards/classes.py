"""Requirements of one measure listed side by side, each for a class of its own (住宅每户不少于
1个，商业每100平方米…; 城市低保标准…，农村低保标准…; 主要街道…不超过30分钟，其他街道…): which
class each row is for, read from the names they open with. Pure module (standard library and the
wording tables); ``settling`` applies it to each sentence's requirements.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace

from checklists.standards.denominators import per_before
from checklists.standards.modality import DEFAULT
from checklists.standards.number_words import A_MEASURE_END, A_TIME_LIMIT
from checklists.standards.parties import ends_with_party
from checklists.standards.quantities import TIME_UNITS
from checklists.standards.requirements import Applicability, Requirement
from checklists.standards.verbs import ACTION

#: A short name opening a requirement's words right before its bound or what it is per, after
#: the name of the measure if it is the first (住宅每户不少于1个, 商业每100平方米…; 充电设施配建比例
#: 新建住宅应达到100%，公共停车场不低于20%): the class it is for.
#: A bound's words, right after the name of what it bounds (中学不宜大于1000米: however binding).
_A_BOUND_NEXT = (
    r"(?:[≤≥＜＞<>]|不少于|不低于|不超过|不高于|不大于|不小于|达到|不(?:得|应|宜)(?:超过|低于|少于|高于|大于|小于)|"
    r"应当?(?:达到|不少于|不低于|不超过)|"
    # (市区2小时内、县城4小时内到达: each place's time limit)
    rf"\s*{A_TIME_LIMIT})"
)
_A_CLASS_NAMED = re.compile(
    # (采购限额标准为货物和服务类30万元，工程类60万元: the measure's, then what it is for each)
    rf"(?:[^，,。；;：:\d＿]{{0,20}}?(?:{A_MEASURE_END})(?:为(?=[^，,。；;\d＿]{{1,8}}类))?)?"
    # (其他地区, 其余人员: the others, a class; not 其中)
    r"(?![每各全本该且并但另]|其(?![他它余]))(?P<name>[\u4e00-\u9fff]{2,6}?)"
    # (急诊处方一般不得超过3日用量: how binding, no part of the class)
    r"(?:一般|原则上)?"
    r"(?=(?:每[^，,。；;\d]{0,10}?[\d.]*[^，,。；;\d]{0,10}?)?"
    + _A_BOUND_NEXT
    + r"|(?<=类)\s*[\d＿]|"
    # (多层住宅每月每平方米0.6元，高层住宅…: a price per unit, for each kind; not an amount
    # per head, 初级工每人1000元, a grant's for each grade as before)
    r"(?:每(?![人户名位家])[^，,。；;\d＿]{1,6}?){1,2}[\d＿][\d.]*\s*元)"
)
#: A measure's or an amount's name, no class (补助标准, 覆盖率, 费用), a pollutant's (烟尘…，二氧化
#: 硫不高于…，氮氧化物…: each a measure of its own); nor a part of the one before (户外活动时间
#: 每天不少于2小时，其中体育活动时间…: of which).
_NOT_A_CLASS = re.compile(
    # (床护比不低于1:0.6，医护比…: a ratio's name, each a measure of its own)
    # (储煤能力不低于3000吨，年配送能力…: a capacity's name, each a measure of its own)
    rf"(?:{A_MEASURE_END}|费|价|金|额|期限|时限|[护患师生配]比|能力|容量|容积|产能|功率|储量|库容|产量|"
    r"流量|用量|"
    r"氧化物|颗粒物|有机物|烟尘|粉尘|氨氮|总磷|总氮|需氧量|二氧化硫|硫化氢|"
    # (车间空气中苯的容许浓度不得超过6mg/m³，甲苯…: a substance's, each a measure of its own)
    r"[苯酚醛醇烷烯汞铅镉铬砷镍氯氟]|化物|石油类|悬浮物|菌群|浊度|色度)$|^其中|"
    # (a change's words, no class: 登记时间压缩至3个工作日以内, 控制在…)
    r"[至到在为于]$|"
    # (…应在项目竣工后3个月内完成验收，验收合格后10个工作日内…: when each time limit runs from,
    # its trigger, no class)
    r"(?:之?后|以后)$|"
    # (how the measure is taken, no class: …每日工作时间不超过8小时、平均每周…不超过44小时)
    r"^(?:平均|累计|合计|连续|单次|日均|月均|年均)|"
    # (…原则上不超过4个月，最长不得超过6个月: the utmost, no class)
    r"^最[长短多少高低大小迟晚早]$"
)

#: What is done, counted (机械化清扫每日不少于2次，洒水每日不少于4次; 巡查每周…，检查每月…): each
#: activity a measure of its own, no class.
_AN_ACTIVITY = re.compile(
    r"(?:清扫|洒水|冲洗|清洗|保洁|清运|收运|巡查|巡检|巡逻|检查|抽查|检测|监测|演练|培训|消毒|"
    r"维护|保养|体检|督查|督导|走访|会商|调度|核查|通报)$"
)

#: People counted by their role (执业医师…1名, 护士…1名, 保育员…2名): what is counted, no class.
_STAFF = re.compile(r"(?:医师|医生|护士|教师|人员|[^学]员|[^老]师)$")
_HEADS = ("名", "人", "位")


def parallel_classes(found: list[Requirement]) -> list[Requirement]:
    """Requirements of one measure listed side by side, each opening with a short name of its
    own (停车泊位配建标准：住宅每户不少于1个，商业每100平方米建筑面积不少于0.8个，办公…): each is
    for its class; with no case, a shop held to the homes' rate."""
    out = list(found)
    k = 0
    while k < len(found):
        j = k + 1
        while j < len(found) and _same_measure(found[j], found[k]):
            j += 1
        # (…累计驾驶时间不得超过8小时，日间连续驾驶不得超过4小时，夜间…: the classes after a
        # bound for all of them)
        # (县级医院急诊科医生不少于5名，乡镇卫生院…: the first's class before its measure's name)
        first = _class_before_measure(found[k:j])
        # (储存年限一般为小麦5年、稻谷3年、玉米3年: each item's name; 城市低保标准…，农村低保
        # 标准…: each one's class before the measure's name they share)
        items = None if first else _items_after_is(found[k:j]) or _classes_of_one_name(found[k:j])
        # (修复期限一般不超过15日，主干道不超过7日: the rule for all first, then one class apart)
        general = (
            found[k]
            if not (first or items)
            # (the rule for all: its words of a default, modality.DEFAULT; not 一般路段, a class)
            and (DEFAULT.search(found[k].span) or _an_authority_acting(found[k]))
            else None
        )
        # (the rule for all is no class, whatever its words open with: 修复期限一般…)
        while (
            not (first or items)
            and k < j - 1
            and (found[k] is general or not _A_CLASS_NAMED.match(found[k].span))
        ):
            k += 1
        run = found[k:j]
        named = [n.group("name") for r in run[bool(first) :] if (n := _A_CLASS_NAMED.match(r.span))]
        names = _work_apart(items or ([first, *named] if first else named))
        if (
            (len(run) > 1 or (general is not None and run[0] is not general))
            and len(set(names)) == len(run)
            # (托小班不低于1:5: a class read already as its own name's, by cases)
            and all(
                (r.applies_when is None or r.applies_when.text == name)
                and (r.value is not None or r.low is not None)
                for r, name in zip(run, names, strict=True)
            )
            and not any(_NOT_A_CLASS.search(n) for n in names)
            and not (run[0].kind == "frequency" and any(_AN_ACTIVITY.search(n) for n in names))
            # (诊所执业医师不得少于1名，护士不得少于1名: the staff counted, each a measure)
            and not any(
                r.unit in _HEADS and _STAFF.search(n) for r, n in zip(run, names, strict=True)
            )
            # (县级河长每季度…，乡级河长每月…: each name the party acting, its own row's subject)
            and [r.subject for r in run] != names
        ):
            shared_per = _shared_per(run) if not (first or items) else None
            for i, (r, name) in enumerate(zip(run, names, strict=True)):
                # (…，居民用户每年不少于1次，非居民用户…: a class read as who acts is none)
                who = (None, None) if r.subject in names else (r.subject, r.subject_kind)
                if r.subject in names and names[0].startswith("对"):
                    # (…对城市低保家庭每半年核查一次，农村低保家庭…: who acts on the first acts
                    # on the others)
                    who = (run[0].subject, run[0].subject_kind)
                out[k + i] = replace(
                    r,
                    applies_when=Applicability(name),
                    subject=who[0],
                    subject_kind=who[1],
                    kind=run[0].kind,  # (…保存期限…，住院病历…: kept as long, the first's kind)
                )
                if i and r.per is None and shared_per is not None:
                    # (教室人均使用面积小学不低于1.36平方米，中学不低于1.39平方米: per head too)
                    out[k + i] = replace(out[k + i], per=shared_per)
        k = j
    return out


def _shared_per(run: list[Requirement]) -> str | None:
    """What the measure all the classes share is per, read in its name before the first class
    (教室人均使用面积小学…: 人均; not a class's own 每, 住宅每户…)."""
    named = _A_CLASS_NAMED.match(run[0].span)
    if named is None or run[0].per is None or run[0].per_count is not None:
        return None
    return run[0].per if per_before(run[0].span[: named.start("name")]) == run[0].per else None


def _shared_end(names: list[str]) -> str:
    """The words every name ends with (城市低保标准, 农村低保标准 → 低保标准)."""
    return os.path.commonprefix([name[::-1] for name in names])[::-1]


def _work_apart(names: list[str]) -> list[str]:
    """Classes' names without the work or the measure they all end with (出厂水检测…，管网水检测…:
    the water works' checks of each water, the classes 出厂水 and 管网水; 出厂水水质每日检测…，
    管网水水质…: the same, its quality named)."""
    shared = _shared_end(names) if len(names) > 1 else ""
    for n in range(len(shared), 1, -1):
        if (ACTION.fullmatch(shared[-n:]) or _A_QUALITY_NAMED.fullmatch(shared[-n:])) and all(
            len(name) - n >= 2 for name in names
        ):
            return [name[:-n] for name in names]
    return names


#: The quality the classes' names end with (出厂水水质, 管网水水质): of each, the same checks (not
#: 学生人数…，教师人数…: two measures, 人数 of each).
_A_QUALITY_NAMED = re.compile("水质|质量")


#: The items of a list after its measure's 为, each a name then its number alone (储存年限一般为
#: 小麦5年、稻谷3年、玉米3年; 小麦4至5年，稻谷2至3年: a range too): the first one's name, right
#: after 为.
_AN_ITEM = (
    r"(?P<name>[\u4e00-\u9fff]{2,4})\d+(?:\.\d+)?"
    r"(?:\s*(?:至|到|～|~|-)\s*\d+(?:\.\d+)?)?\s*\S{1,3}$"
)
_LISTED_AFTER_IS = re.compile(r".*?为" + _AN_ITEM)
_AN_ITEM_ALONE = re.compile(_AN_ITEM)


def _an_authority_acting(r: Requirement) -> bool:
    """Whether a requirement opens with the authority that acts in it (县应急管理局每年对…检查不少于
    1次，重点企业每半年…): the rule for all it keeps, no class of the ones after it."""
    named = _A_CLASS_NAMED.match(r.span)
    return r.subject_kind == "authority" and named is not None and named.group("name") == r.subject


def _items_after_is(run: list[Requirement]) -> list[str] | None:
    """The names of a list's items after its measure's 为 (小麦5年、稻谷3年), one a row, or None."""
    first = _LISTED_AFTER_IS.fullmatch(run[0].span) if len(run) > 1 else None
    later = [_AN_ITEM_ALONE.fullmatch(r.span) for r in run[1:]]
    if first is None or not all(later):
        return None
    return [first.group("name"), *(m.group("name") for m in later if m)]


#: The words a requirement opens with, up to its bound or what it is per (城市低保标准每人每月…).
_OPENING_WORDS = re.compile(r"(?P<name>[\u4e00-\u9fff]{3,16}?)(?=每|" + _A_BOUND_NEXT + ")")


#: The last character of a class's name more often than the first of a measure's (…区, …县).
_ENDS_A_CLASS = "区市县镇乡村类级型段"


def _classes_of_one_name(run: list[Requirement]) -> list[str] | None:
    """The classes of a run whose every row names the same measure after its class (城市低保标准
    每人每月不低于800元，农村低保标准每人每年不低于6000元): what each name holds before the
    words they all end with."""
    if len(run) < 2:
        return None
    names = [m.group("name") if (m := _OPENING_WORDS.match(r.span)) else "" for r in run]
    # (将城市居民…标准由…提高到…，农村居民…: what 将 takes, no part of the class)
    names = [name[1:] if name[:1] in "将把" and len(name) > 3 else name for name in names]
    if not all(names):
        return None
    if all("对" in name for name in names):
        # (供水企业对居民用户每年…，对非居民用户每月…: whom each is done to, from its 对; not a
        # class cut inside a name, 对非)
        classes = [name[name.rindex("对") :] for name in names]
        return classes if len(set(classes)) == len(classes) else None
    if "对" in names[0]:
        # (各地对城市低保家庭每半年核查一次，农村低保家庭每年…: whom each is done to, the 对
        # written once; each name whole, not cut to what the names do not share)
        classes = [names[0][names[0].rindex("对") :], *names[1:]]
        if len(set(classes)) == len(classes) and all(2 <= len(c) <= 10 for c in classes):
            return classes
    shared = _shared_end(names)
    while len(shared) > 2 and (
        min(len(name) for name in names) - len(shared) < 2 or shared[0] in _ENDS_A_CLASS
    ):
        shared = shared[1:]  # (城区…，郊区…; 主城区…，一般地区…: 区 is each class's own)
    if len(shared) > 3 and shared[0] == shared[1]:
        shared = shared[1:]  # (出厂水水质…，管网水水质…: a character doubled, the class's first)
    classes = [name[: len(name) - len(shared)] for name in names]
    if (
        # (…低保标准, …覆盖率: a measure's name they share; not 学生人数…，教师人数…: two
        # measures, 人数 of each)
        len(shared) < 3
        or not (_NOT_A_CLASS.search(shared) or len(shared) >= 4)  # (…公厕服务半径)
        or not all(2 <= len(c) <= 6 for c in classes)
        or len(set(classes)) != len(classes)
    ):
        return None
    return classes


def _class_before_measure(run: list[Requirement]) -> str | None:
    """The class the first of a run opens with, before the name of its measure, where the others
    name only their class (主要街道垃圾滞留时间不超过30分钟，其他街道不超过1小时; 县级医院急诊科
    医生不少于5名，乡镇卫生院不少于2名): the words up to the head noun the others end with."""
    # (a ratio's two terms one number: 保育人员与婴幼儿的比例不低于1:3)
    if len(run) < 2 or len(re.findall(r"\d+(?:\.\d+)?(?::\d+(?:\.\d+)?)?", run[0].span)) != 1:
        return None  # (…驾驶人24小时内累计驾驶时间不得超过8小时: a number before its bound)
    if DEFAULT.search(run[0].span):
        return None  # (修复期限一般不超过15日，主干道不超过7日: the rule for all, the class apart)
    later = [n.group("name") for r in run[1:] if (n := _A_CLASS_NAMED.match(r.span))]
    if len(later) != len(run) - 1 or len({name[-1] for name in later}) != 1:
        return None
    if (own := _A_CLASS_NAMED.match(run[0].span)) and own.group("name")[-1] == later[0][-1]:
        return None  # (住宅每户…，商业每100平方米…: its own name as the others', read so)
    head = later[0][-2:] if all(name.endswith(later[0][-2:]) for name in later) else later[0][-1]
    span, subject = run[0].span, run[0].subject or ""
    # (驾驶员日间连续驾驶…: the class after who acts; 经营性公墓单个墓穴…，合葬墓…: even where
    # who acts ends as the classes do)
    opens = len(subject) if subject and span.startswith(subject) else _party_opening(span)
    for begin in dict.fromkeys((opens, 0)):
        if (found := _head_at(span, head, begin)) is not None:
            break
    # (公墓内单个墓穴…: inside who acts, then the class)
    name = span[begin:found].removeprefix("内") if found is not None else ""
    name = name.rsplit("为", 1)[-1]  # (…征收标准为居民生活用水: the class after the measure's 为)
    # (its measure's name after it, then the bound: not the whole of the words; not how often and
    # to whom who acts does it, 县应急管理局每年对企业检查…，重点企业…: the rule for all)
    return (
        name
        if 2 <= len(name) <= 8 and len(run[0].span) > len(name) + 2 and name[0] not in "每对"
        else None
    )


def _party_opening(span: str) -> int:
    """How long the party's name a requirement's words open with is, where no one was read as who
    acts (供水企业出厂水每日检测…，管网末梢水…: the water works, then the class), or 0."""
    return next((n for n in range(2, 13) if ends_with_party(span[:n])), 0)


def _head_at(span: str, head: str, begin: int) -> int | None:
    """Where the classes' head noun (or its last character) ends in ``span``'s first words after
    ``begin``, or None (the whole head first, a little further: 污水处理费征收标准为居民生活用水…,
    非居民用水…: 用水, not the 水 of 污水)."""
    for words, far in ((head, 20), (head[-1], 10)):
        at = span.find(words, begin + 1, begin + far)
        if at >= 0:
            return at + len(words)
    return None


def _same_measure(a: Requirement, b: Requirement) -> bool:
    """Whether two requirements bound the same measure: kind, comparison and unit (a time in any
    of its units: 主要街道…不超过30分钟，其他街道不超过1小时), whatever each is per (住宅每户…，
    商业每100平方米…; attribution's ``_measure`` asks the period too, for one case's classes)."""
    # (居民用户每两年不少于1次，非居民用户每年不少于1次: how often, an interval or a count)
    if a.kind == b.kind == "frequency":
        return True
    # (门诊病历保存期限不得少于15年，住院病历不得少于30年: how long each is kept, named once)
    if {a.kind, b.kind} == {"retention", "duration"} and a.unit == b.unit:
        return a.comparator == b.comparator
    # (室内温度冬季不低于18℃，夏季不高于28℃: a floor for one class, a cap for another)
    bounds = {a.comparator, b.comparator} <= {">=", "<=", ">", "<"}
    return (
        a.kind == b.kind
        and (a.comparator == b.comparator or bounds)
        and (a.unit == b.unit or (a.unit in TIME_UNITS and b.unit in TIME_UNITS))
    )
