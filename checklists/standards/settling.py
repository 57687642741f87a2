"""How a sentence's requirements settle once read: a grant and its amount's standard are one
requirement, a duty done each period is a frequency, an aim with nothing to check is none, and a
task's responsible units act where its words name no one. Pure module (standard library and
the wording tables); ``extraction`` applies it to each sentence's requirements.
"""

from __future__ import annotations

import re
from dataclasses import replace

from checklists.standards.classes import parallel_classes
from checklists.standards.denominators import PER_HEAD_AND_PERIOD, RUNNING
from checklists.standards.list_leads import (
    lead_party,
    lists_bans,
    lists_cases,
    lists_conditions,
    lists_duties,
    lists_options,
)
from checklists.standards.modality import ANY_MODAL, LEAD_TOKEN
from checklists.standards.numerals import Qty
from checklists.standards.parties import condition_of
from checklists.standards.phrase_conditions import phrase_condition
from checklists.standards.quantities import (
    CHARGED_BY_THE_DAY,
    PERIOD_NAMES,
    PERIODS,
    TIME_UNITS,
    quantities,
)
from checklists.standards.requirements import Applicability, Requirement
from checklists.standards.task_tables import Reader
from checklists.standards.verbs import aim_only

#: A grant (给予一次性创业补贴, 给予创业担保贷款, 可以申请岗位补贴, 可享受…补贴) and the standard
#: of its amount right after it (补贴标准为5000元, 贷款额度最高不超过20万元).
_GRANT = re.compile(
    # (对种粮大户实行补贴，补贴标准为…: the same, with 实行)
    r"(?:对[^，,。；;]*)?(?:给予|实行)[^，,。；;]{0,20}(?:补贴|补助|奖励|资助|奖补|救助|贷款|贴息)$|"
    # (可按规定申请创业担保贷款，贷款额度最高…: what one may apply for, then its limits)
    r"(?:可以?)?(?:申请|享受|领取)[^，,。；;]{0,20}(?:补贴|补助|奖励|资助|奖补|救助)$"
)
#: Who pays an amount just stated (补贴标准为每人1000元，由县级财政一次性发放: one row, the
#: amount's; the payer is its subject).
_PAID_BY = re.compile(
    r"(?:并|所需资金)?由(?P<who>[^，,。；;]{2,16}?)(?:一次性|按月|按季度?|按年|统一|全额)?"
    r"(?:发放|拨付|支付|兑现|兑付|承担|负担|列支)(?:给[^，,。；;]{1,20})?$"
)
_ITS_STANDARD = re.compile(
    # (见习补贴标准为…的70%: the grant's name before its standard; 补贴期限最长不超过3年: how
    # long it is paid)
    r"(?:[\u4e00-\u9fff]{0,6}?(?:补贴|补助|奖励|资助|奖补|救助))?标准(?!化)|(?:贷款)?额度|"
    r"[\u4e00-\u9fff]{0,6}?(?:补贴|补助|资助|救助|贴息|贷款)(?:期限|期)(?!间|满)|"
    # (…给予补贴，补贴比例为单位缴费部分的1/2: the grant's share; 补贴金额按照…的20%确定:
    # its amount, however set; 按照其场地面积每平方米50元计算; 其中，新建的按每张床位8000元)
    # (一次性救助金额最高不超过5000元: what it pays once)
    r"(?:一次性)?(?:补贴|补助|奖励|资助|奖补|救助|贴息)(?:比例|金额|资金)|按照?(?!规定)|其中"
)


#: How a standard or an amount is set, numbers after it (补贴标准按照培训工种和时长确定, 具体
#: 补贴金额按照…数量予以确定).
_SET_BY = re.compile(r"(?:标准|额度|限额|定额|金额)[^，,。；;]{0,30}(?:确定|核定|执行|制定)$")


def one_grant(found: list[Requirement]) -> list[Requirement]:
    """A grant and its amount's standard in one sentence are one requirement, the amount's,
    under the grant's condition (GUIDE 1.1: 对…的，给予…补贴，补贴标准为5000元)."""
    out: list[Requirement] = []
    for r in found:
        # (a grant with no amount of its own: 按销售价格的15%给予补贴，每台最高…2000元 is a rate
        # and its cap, two rows)
        # (…给予职业培训补贴，每人每年只能享受一次，补贴标准为…: how often or how long it is
        # paid, stated between the grant and its amount, a row of its own)
        between = 1 if len(out) > 1 and out[-1].kind in ("frequency", "duration") else 0
        grant_at = next(
            (
                at
                for at in range(-1, -2 - between, -1)
                if out
                and out[at].value is None
                and out[at].low is None
                and _GRANT.search(out[at].span.rstrip("，, "))
            ),
            None,
        )
        grant_before = grant_at is not None
        set_before = (
            out
            and r.value is not None
            and out[-1].value is None
            and out[-1].low is None
            and _SET_BY.search(out[-1].span.rstrip("，, "))
        )
        # (给予一次性建设补贴，每张床位补贴5000元: the grant, then its amount per thing;
        # …，初级工每人1000元: per head of a grade)
        its_amount = _ITS_STANDARD.match(r.span) or (
            r.kind == "money"
            and re.match(r"[\u4e00-\u9fff]{0,6}每", r.span)
            and r.value is not None
        )
        paid = (
            _PAID_BY.match(r.span)
            if out
            and r.value is None
            and r.low is None
            and out[-1].kind == "money"
            and out[-1].value is not None
            and "标准" in out[-1].span
            else None
        )
        if paid is not None:
            # (护理补贴标准为每人每月100元，由县级财政按月发放: the payer of the amount)
            if out[-1].subject is None:
                out[-1] = replace(out[-1], subject=r.subject, subject_kind=r.subject_kind)
            continue
        if out and ((its_amount and grant_before) or set_before):
            # (补贴标准按照培训工种确定，其中：初级工每人1000元，…: how the standard is set,
            # then the amounts it sets: the amounts' rows)
            grant = out.pop(grant_at if grant_before else -1)
            r = replace(
                r,
                applies_when=r.applies_when or grant.applies_when,
                subject=r.subject or grant.subject,
                subject_kind=r.subject_kind if r.subject else grant.subject_kind,
            )
        out.append(r)
    return out


#: A check, clean-up or sample done each shift or each meal (每班清扫作业场所, 每班进行点检,
#: 餐具应当每餐次消毒): not a school's class (每班设置图书角), nor a trip (每班次).
_EACH_ROUND = re.compile(
    r"每个?(?:(?P<shift>班)(?![级组子车长次])|餐次?)[^，,。；;]{0,6}?"
    r"(?:清扫|清理|清洁|清洗|消毒|检查|巡查|巡检|点检|检测|测定|记录|交接|留样)"
)


def periodic(r: Requirement) -> Requirement:
    """A duty with no number done each period (每日进行防火巡查, 每年应当进行健康检查): a
    frequency per that period, how many times unsaid."""
    if r.kind not in ("presence", "record") or r.value is not None or r.low is not None:
        return r
    if PER_HEAD_AND_PERIOD.search(r.span):
        return r  # 按照每人每月不超过…标准给予补贴: an amount per head and month, no frequency
    if re.search(CHARGED_BY_THE_DAY, r.span):
        return r  # 按日加收滞纳金: a charge running by the day, a sanction; not done daily
    for pattern, per in PERIODS:
        m = re.search(pattern, r.span)
        # (按月发放高龄津贴, 按季度预拨: paid or reported each period)
        if m is not None and m.group(0).startswith(("每", "按")) and per != "batch":
            return replace(r, kind="frequency", per=per)
    if each := _EACH_ROUND.search(r.span):
        # 每班清扫作业场所, 餐具应当每餐次消毒: once each shift or meal
        return replace(r, kind="frequency", per="班" if each.group("shift") else "餐")
    system = _PERIODIC_SYSTEM.search(r.span)
    if system is not None:  # 实行月通报制度, 实施年度健康体检制度: once each period
        return replace(r, kind="frequency", per=_SYSTEM_PERIODS[system.group("period")])
    return r


#: A system of a thing done each period (月通报制度, 年度健康体检制度, 季度考核制度).
_PERIODIC_SYSTEM = re.compile(
    r"(?<![每个两三四五六])(?P<period>月度?|季度?|年度|周|半年度?)[^，,。；;制]{0,6}?"
    r"(?:通报|调度|报告|考核|体检|例会|检查|督查|评估|总结|分析|巡查|自查|讲评)制度"
)
_SYSTEM_PERIODS = {
    "月": "month", "月度": "month", "季": "quarter", "季度": "quarter", "年度": "year",
    "周": "week", "半年": "half_year", "半年度": "half_year",
}  # fmt: skip


def an_aim(r: Requirement) -> bool:
    """积极推进…, 加快…建设 with no modal word, no party named and no number: a direction to
    take, no duty (a task's responsible units do not make it one)."""
    return (
        r.modality is None
        and r.subject is None
        and r.value is None
        and r.low is None
        and r.high is None
        and r.kind not in ("deadline", "frequency")
        and aim_only(r.span)
    )


def aims_of_the_party(found: list[Requirement]) -> list[Requirement]:
    """A sentence's aim (加强安全管理) right before a duty whose first phrase names its party, a
    modal word after the name (…，企业要建立…): the aim is a row of that party (GUIDE 1.1), not
    a direction with no one to check."""
    out = list(found)
    for k, (r, after) in enumerate(zip(out, out[1:], strict=False)):
        if (
            r.subject is None
            and r.modality is None
            and aim_only(r.span)
            and after.subject
            and after.modality
            and after.start - (r.start + len(r.span)) <= 1
            # (its first phrase names the party, its modal word right after the name: 年综合
            # 能耗…以上的企业要…)
            and (at := after.span.find(after.subject)) >= 0
            and not re.search(r"[，,]", after.span[:at])
            and ANY_MODAL.match(after.span, at + len(after.subject)) is not None
        ):
            out[k] = replace(r, subject=after.subject, subject_kind=after.subject_kind)
    return out


def answered_for(reqs: list[Requirement], units: list[tuple[int, int, str]]) -> list[Requirement]:
    """A task's responsible units (``parties.responsible_units`` of its text: （责任单位：…）,
    （市财政局负责）) are who must do what it asks when its words name no one: each requirement
    takes the first such aside after it; a date the aside itself names (（责任单位：A；完成时限：
    2019年底前）, a row of its own, GUIDE 1.4) is its units'."""
    if not units:
        return reqs
    out = []
    for r in reqs:
        after = next((u for start, end, u in units if end > r.start), None)
        if r.subject is None and after is not None:
            r = replace(r, subject=after, subject_kind="authority")
        out.append(r)
    return out


#: Periods a parallel phrase carries on (not what a rate is per, 元/吨, nor a batch).
_PERIODS = PERIOD_NAMES - {"batch"}


#: A phrase's own window of time (五年累计, 3年内, 任期内): what it counts is in that window.
_OWN_WINDOW = re.compile(
    # (日间连续驾驶不得超过4小时: one stretch at a time, not a day's)
    r"[\d一二三四五六七八九十两]+\s*个?(?:年|月|季度|周|日|天)(?:累计|内|共)|累计|任期内|连续"
)


def banned_too(found: list[Requirement]) -> list[Requirement]:
    """A duty joined by 并/或 to a ban before it, with no modal word of its own, is banned too
    (不得以低价组织旅游活动，诱骗旅游者，并通过安排购物获取回扣: all three banned)."""
    out: list[Requirement] = []
    for r in found:
        before = out[-1] if out else None
        if (
            before is not None
            and before.kind == "prohibition"
            and r.kind in ("presence", "record")
            and _JOINED_ON.match(r.span)
            and not ANY_MODAL.search(r.span)
        ):
            r = replace(r, kind="prohibition", modality=r.modality or before.modality)
        out.append(r)
    return out


#: What joins a duty to the one before it (并, 并且, 或者, 或).
#: An order (一, 第三, 2): of a class or a tier.
_ORDINAL = r"第?[一二三四五六七八九十\d]+"
#: A class named by its order (一类地区, 二档, 第三阶梯, 乙级): parallel classes of one scale.
_A_CLASS = re.compile(rf"(?:{_ORDINAL}|[甲乙丙丁])(?:类|档|级|等|阶梯)")
_ONCE_OR_ALL = re.compile(r"一次性|累计|总额|合计|共计|总计")
_JOINED_ON = re.compile(r"(?:并且?|或者?)(?![且是])")


#: What a first row is per, written as each's (每人每月, 生均): not a window it is counted in
#: (24小时内累计驾驶…，日间连续驾驶…: a stretch of its own).
_EACH_WRITTEN = re.compile(r"每|[人户生床]均")


def parallel_per(found: list[Requirement]) -> list[Requirement]:
    """A time of a phrase parallel to the one before, in the same unit with no period of its
    own, is per the same period (小学生每天睡眠时间应达到10小时，初中生应达到9小时: 9 hours a
    day; not the part of an amount, 其中…480亩, nor a share)."""
    out: list[Requirement] = []
    parts = False  # (in the parts 其中 lists: 其中住宿费200元、伙食费130元、其他费用70元)
    for r in found:
        before = out[-1] if out else None
        parts = (
            parts and before is not None and r.unit == before.unit and not r.span.startswith("每")
        )
        if (
            before is not None
            and r.per is None
            and before.per in _PERIODS
            and r.value is not None
            and r.unit == before.unit
            and "每" not in r.span
            # (…每学年不少于72学时，五年累计不少于360学时: a window of its own, not the period)
            and not _OWN_WINDOW.search(r.span)
        ):
            if r.unit in TIME_UNITS and r.kind == before.kind:
                r = replace(r, per=before.per)
            elif r.unit == "元" == before.unit and (r.span.startswith("其中") or parts):
                # (每人每天400元，其中住宿费200元、伙食费130元: the parts of it, per the same)
                r, parts = replace(r, per=before.per), True
            elif (
                _A_CLASS.match(r.span)
                and _A_CLASS.match(before.span)
                and not _ONCE_OR_ALL.search(r.span)
            ):
                # (一类地区每人每天不超过500元，二类地区不超过400元: the next class's, the same;
                # not 二类地区一次性不超过4000元)
                r = replace(r, per=before.per)
            elif before.kind == "frequency" and r.kind == "count" and r.unit != "%":
                # 各镇年内至少撰写2篇，各部门至少撰写1篇: as many in the same period
                r = replace(r, per=before.per, kind="frequency")
        if (
            before is not None
            and r.per is None
            and before.per is not None
            and r.value is not None
            and r.unit == before.unit
            and (when := r.applies_when) is not None
            and (when.comparator is None or _a_band_like(when, before.applies_when))
            and r.span.startswith(when.text)
            and _EACH_WRITTEN.search(before.span)
            and not _ONCE_OR_ALL.search(r.span)
        ):
            # (城市低保标准每人每月不低于800元，农村不低于600元: the next class's, per the same;
            # 小学生均…不低于6平方米，初中不低于8平方米: per pupil too; 对65岁以上…每人每月增发5元，
            # 70岁以上的增发10元: the next band's)
            r = replace(r, per=before.per, per_count=before.per_count)
        out.append(r)
    return out


def _a_band_like(when: Applicability, before: Applicability | None) -> bool:
    """Whether a row's band (70岁以上) is one of the same measure as the row's before it
    (对65岁以上…): the next band of one list."""
    return (
        before is not None
        and before.comparator is not None
        and when.comparator is not None
        and when.unit == before.unit
        and when.per == before.per
    )


def settled_on(pair: list[Requirement]) -> list[Requirement]:
    """The last row of a sentence and the first after its ；, settled as one list of a
    measure's classes (城市低保标准每人每月不低于800元；农村不低于600元: per month too; 主干道清扫
    每日不少于2次；次干道不少于1次: each its road's)."""
    return parallel_classes(parallel_per(pair))


def settled(found: list[Requirement]) -> list[Requirement]:
    """One sentence's requirements settled with each other, in this order: a leave capped, one
    grant of many amounts, a time's utmost, a parallel phrase's period, a tier's price, duties
    joined to a ban, the aims of the party, amounts after 分别 each for its class, a rest per
    stretch of work, bounds side by side each for its class, a time limit from the same event as
    the one before."""
    found = its_utmost(one_grant(capped_leave(either_bound(found))))
    found = banned_too(tier_prices(parallel_per(found)))
    return same_trigger(parallel_classes(rest_per_stretch(distributed(aims_of_the_party(found)))))


#: The utmost of a measure (最长, 最多…), its name left out: the measure just bounded.
_ITS_UTMOST = re.compile(r"(?:但|但是)?\s*(?:最长|最短|最多|最少)")


def its_utmost(found: list[Requirement]) -> list[Requirement]:
    """The utmost of a time right after its usual bound (整改期限一般不超过3个月，最长不得超过6
    个月): the same time, a time limit as the first is (not a stretch of its own)."""
    out: list[Requirement] = []
    for r in found:
        before = out[-1] if out else None
        if (
            before is not None
            and before.kind in ("deadline", "duration", "retention")
            and r.kind in ("deadline", "duration", "retention")
            and r.unit in TIME_UNITS
            and before.unit in TIME_UNITS
            and _ITS_UTMOST.match(r.span)
        ):
            r = replace(r, kind=before.kind)
        out.append(r)
    return out


def either_bound(found: list[Requirement]) -> list[Requirement]:
    """Two bounds either of which will do (应当在高于60℃或者低于8℃的条件下存放): one thing to
    check, met by either; two requirements would fail whoever meets the other. Not under a ban
    (不得…超过3个月或60课时: exceeding either is banned, so each bound holds)."""
    out: list[Requirement] = []
    for r in found:
        before = out[-1] if out else None
        if (
            before is not None
            and re.match(r"或者?(?![者是])", r.span)
            and before.comparator not in (None, "==")
            and r.comparator not in (None, "==")
            and r.start == before.start + len(before.span)
            # (不得…超过3个月或60课时: either banned, so both bounds hold, as two)
            and not re.search(r"不得|不应|不能|禁止|严禁|不准|不允许", before.span)
        ):
            out[-1] = replace(
                before,
                span=before.span + r.span,
                kind="presence",
                comparator=None,
                value=None,
                low=None,
                high=None,
                unit=None,
                per=None,
                per_count=None,
                flags=tuple(f for f in before.flags if f != "assumed_equal"),
            )
            continue
        out.append(r)
    return out


#: A time limit alone opening a requirement's words (24小时内予以处理): counted from what the one
#: before it is.
_A_TIME_LIMIT_FIRST = re.compile(
    r"[\d一二三四五六七八九十两]+\s*个?(?:工作日|小时|日|天|周|月|年)(?:以内|之内|内)"
)


def same_trigger(found: list[Requirement]) -> list[Requirement]:
    """A time limit right after one counted from an event (接到消费者投诉后2小时内予以响应，24小时内
    予以处理): counted from the same event; before, the second had none to be late by."""
    out: list[Requirement] = []
    for r in found:
        before = out[-1] if out else None
        if (
            before is not None
            and r.kind == "deadline" == before.kind
            and r.trigger is None
            and before.trigger is not None
            and r.due is None
            and _A_TIME_LIMIT_FIRST.match(r.span)
        ):
            r = replace(r, trigger=before.trigger)
        elif (
            before is not None
            and before.kind == "deadline"
            and before.trigger is not None
            and r.kind == "duration"
            and r.comparator == before.comparator
            and r.unit in TIME_UNITS
            and r.applies_when is not None
            and r.applies_when.comparator is None
            and r.span.startswith(r.applies_when.text)
        ):
            # (…故障发生后，维保人员应当在30分钟内抵达现场，偏远地区不超过1小时: a class's own
            # time limit, from the same event)
            r = replace(r, kind="deadline", trigger=before.trigger)
        out.append(r)
    return out


#: A stretch of work ending its phrase (每工作2小时, 连续驾驶4小时): the rest after it is per it,
#: or after it.
_A_STRETCH = re.compile(
    rf"(?P<each>每|连续)(?:{RUNNING})\s*[\d.一二三四五六七八九十两]+\s*(?:个)?(?:小时|分钟)$"
)


def rest_per_stretch(found: list[Requirement]) -> list[Requirement]:
    """A stretch of work, then the rest after its comma (每工作2小时，休息15分钟; 连续驾驶4小时，
    应当停车休息20分钟以上): the rest is per stretch (每…) or after one (连续…); the stretch is
    no requirement of its own."""
    out: list[Requirement] = []
    for r in found:
        before = out[-1] if out else None
        stretch = _A_STRETCH.search(before.span) if before is not None else None
        if (
            before is None
            or stretch is None
            or before.value is None
            or before.unit not in ("hour", "minute")
            or r.kind != "duration"
            or r.unit not in ("hour", "minute")
            or r.per is not None
            or r.applies_when is not None
        ):
            out.append(r)
            continue
        if stretch.group("each") == "每":  # (per so many hours worked)
            many = before.value if before.value != 1 else None
            out[-1] = replace(r, per=before.unit, per_count=many)
        else:  # (after so long at it: the case it is owed in)
            at_least = Applicability(before.span, ">=", before.value, before.unit)
            out[-1] = replace(r, applies_when=at_least)
    return out


#: Classes listed with 、 (一般、较大、重大; A级、B级、C级), up to what they share (…的, a comma).
_CLASSES = re.compile(r"[^、，,。；;：:（）()的]+(?:(?:、|和|及)[^、，,。；;：:（）()的和及]+)+")
#: How many classes there are, right after them (市、县、乡三级财政: no part of what they share).
_HOW_MANY_CLASSES = re.compile(r"[两二三四五六七八九十]+(?:级|个|类|家|方)")
#: Words that open a list of classes, no part of its first (对发生一般、…; 获得国家级、…; 被评为
#: A级、…).
_OPENS_CLASSES = re.compile(r"(?:对于?|凡是?|被评为|评为|认定为|列为|属于|发生|获得|取得|达到)")


def _classes(words: str, n: int) -> tuple[int, int, list[str]] | None:
    """The last list of ``n`` classes in ``words``: where its first begins and its last ends (the
    words before and after are what they share), and each class."""
    found = next(reversed([*_CLASSES.finditer(words)]), None)
    items = re.split(r"、|和|及", found.group(0)) if found is not None else []
    if len(items) != n:
        return None
    opened = list(_OPENS_CLASSES.finditer(items[0]))
    first_at = found.start() + (opened[-1].end() if opened else 0)
    items[0] = words[first_at : found.start() + len(items[0])]
    # (…、重大生产安全事故: the last class as long as the others, or up to their common last
    # word: 国家级、省级、市级示范称号)
    others = items[1:-1] or items[:1]
    last = written = items[-1]
    ends = {o[-1] for o in others if o}
    if len(ends) == 1 and (cut := last.find(ends.pop())) >= 0:
        last = last[: cut + 1]
    else:
        last = last[: max(len(o) for o in others)]
    items[-1] = last
    if not all(items):
        return None
    last_end = found.end() - len(written) + len(last)
    if counted := _HOW_MANY_CLASSES.match(words, last_end):
        last_end = counted.end()
    return first_at, last_end, items


def distributed(found: list[Requirement]) -> list[Requirement]:
    """Amounts listed after 分别, one for each class listed before it (对发生一般、较大、重大生产
    安全事故的生产经营单位，…期限分别为1年、3年、5年; 一等奖、二等奖、三等奖分别奖励5000元、…):
    each amount's case is its class, not all of them for the first and none for the rest."""
    out = list(found)
    for k, r in enumerate(found):
        at = r.span.find("分别")
        if at < 0 or r.value is None:
            continue
        n = 1  # the amounts listed, run on after the first (…1年、3年、5年)
        while (
            k + n < len(found)
            and 0 <= found[k + n].start - (found[k + n - 1].start + len(found[k + n - 1].span)) <= 2
        ):
            n += 1
        if n < 2:
            continue
        when = r.applies_when
        words = when.text if when is not None else r.span[:at]
        classes = _classes(words, n)
        if classes is None:
            continue
        first_at, last_end, items = classes
        bounds = _bounds_listed(items, when)
        for i, item in enumerate(items):
            if bounds is not None and i:
                # (对年销售收入首次突破1亿元、5亿元、10亿元的工业企业，分别奖励…: each class a
                # bound of the first's measure, its own number)
                item = items[0][: bounds[0].start] + item
            text = words[:first_at] + item + words[last_end:]
            case = replace(when, text=text) if when is not None else Applicability(text)
            if bounds is not None:
                case = replace(case, value=bounds[i].low)
            out[k + i] = replace(found[k + i], applies_when=case)
    return out


def _bounds_listed(items: list[str], when: Applicability | None) -> list[Qty] | None:
    """Each class's number, when the classes are bounds of the case's measure in its unit
    (突破1亿元、5亿元、10亿元), else None."""
    if when is None or when.value is None or when.comparator in (None, "range"):
        return None
    found = [quantities(item) for item in items]
    if not all(len(q) == 1 and q[0].high is None and q[0].unit == when.unit for q in found):
        return None
    return [q[0] for q in found] if found[0][0].low == when.value else None


#: A tier of a price scale, opening its bound (第一阶梯年用水量…, 第二档…, 一档…).
_A_TIER = re.compile(rf"{_ORDINAL}(?:阶梯|档)")


def tier_prices(found: list[Requirement]) -> list[Requirement]:
    """A tier's bound, then its price (第一阶梯年用水量不超过180立方米，水价3.5元/立方米): the
    bound says which use the price is for, no requirement of its own."""
    out: list[Requirement] = []
    for r in found:
        before = out[-1] if out else None
        if (
            before is not None
            and r.unit == "元"
            and r.applies_when is None
            and before.modality is None
            and before.unit != "元"
            and before.comparator in ("<", "<=", ">", ">=", "range")
            and _A_TIER.match(before.span)
        ):
            when = Applicability(
                before.span,
                before.comparator,
                before.value,
                before.unit,
                before.per,
                before.low,
                before.high,
            )
            out[-1] = replace(r, applies_when=when)
            continue
        out.append(r)
    return out


#: A leave to raise or extend, ending its phrase (特殊情况可适当提高, 特殊情况下可延长).
_A_LEAVE_TO_RAISE = re.compile(
    r"(?P<when>[^，,。；;]*?)(?:经批准)?可(?:以)?(?:适当|酌情)?(?:提高|延长|增加|放宽|上浮|上调)"
    r"(?:标准|期限|时限)?$"
)
#: A cap right after it (最高不超过12倍, 但最长不超过60日).
_ITS_CAP = re.compile(r"(?:但|但是)?(?:最高|最长|最多)")


def capped_leave(found: list[Requirement]) -> list[Requirement]:
    """A leave to raise something, then its cap (临时救助金额原则上不超过…6倍，特殊情况可适当提高，
    最高不超过12倍): one leave, up to the cap, in the case the leave names; the leave alone is
    nothing to check."""
    out: list[Requirement] = []
    for r in found:
        leave = out[-1] if out else None
        raised = (
            _A_LEAVE_TO_RAISE.fullmatch(leave.span)
            if leave is not None and leave.kind == "presence" and leave.modality == "permission"
            else None
        )
        if (
            leave is not None
            and raised is not None
            and r.comparator in ("<=", "<")
            and _ITS_CAP.match(r.span)
        ):
            when = leave.applies_when or r.applies_when
            if when is None and raised.group("when").strip():
                when = Applicability(raised.group("when").strip())
            r = replace(r, modality="permission", applies_when=when)
            out.pop()
        out.append(r)
    return out


def under_a_lead(
    found: list[Requirement], lead: str, item: str, token: str | None
) -> list[Requirement]:
    """The requirements of one item of a list (``item``: its text, ``token``: its numbering)
    as the ``lead`` above it binds them. An item of a list of bans (用户不得有下列行为：（一）擅自
    改装钢瓶；) is a ban, whatever its own words say: a duty with no modal word of its own under
    such a lead is its prohibition. An item of a list of duties (使用单位应当履行下列义务：（一）
    建立…制度；) is the lead's party's duty, as binding as the lead says, where it names no party
    and no modal word of its own. Either way a case the lead opens with (用作经营的自建房，应当符合
    下列规定：) is the items' too, their own inside it."""
    if lists_cases(lead):
        return []  # (…有下列情形之一的，处…罚款：（一）…: a breach, the sanction's condition)
    if lists_options(lead):
        # (且符合下列条件之一的人员：（一）年满80周岁以上的老年人；: one of the ones meant)
        return [r for r in found if r.modality is not None]
    banned = lists_bans(lead)
    listed = lists_duties(lead) if banned is None else None
    if listed is not None:
        bound, who, kind = listed
        if lists_conditions(lead):
            # （一）有符合国家标准的燃气气源；: a condition to meet is the item itself
            if not found:
                found = _the_item(item, token, bound, "eligibility")
            else:  # (有固定的经营场所, read as a thing to have: the condition it is)
                found = [
                    replace(r, kind="eligibility")
                    if r.kind == "presence" and r.span.startswith("有")
                    else r
                    for r in found
                ]
        case = _lead_case(lead)
        return [
            replace(
                r,
                modality=r.modality or bound,
                subject=r.subject or who,
                subject_kind=r.subject_kind if r.subject else kind,
                applies_when=_within(case, r.applies_when),
            )
            for r in found
        ]
    if banned is None:
        return found
    if not found:  # （一）擅自改装、倒灌钢瓶；: the item itself is the ban
        found = _the_item(item, token, banned, "prohibition")
    _bound, who, kind = lead_party(lead)  # (燃气用户不得有下列行为：: the users')
    case = _lead_case(lead)  # (在饮用水水源保护区内，禁止下列行为：: there only)
    return [
        replace(
            replace(r, kind="prohibition", modality=banned)
            if r.modality is None and r.value is None and r.low is None
            else r,
            subject=r.subject or who,
            subject_kind=r.subject_kind if r.subject else kind,
            applies_when=_within(case, r.applies_when),
        )
        for r in found
    ]


def _lead_case(lead: str) -> str | None:
    """The case a lead opens with (用作经营的自建房，应当符合下列规定：): its items are for those
    only."""
    words = lead.strip()
    if token := LEAD_TOKEN.match(words):
        words = words[token.end() :].lstrip()
    found = condition_of(words)
    if found is not None and found.start == 0:
        return found.text
    # (在饮用水水源一级保护区内，禁止下列行为：: where, a phrase of its own)
    first = re.split(r"[，,]", words, maxsplit=1)[0]
    return first if first != words and phrase_condition(first) == len(first) else None


def _within(case: str | None, own: Applicability | None) -> Applicability | None:
    """An item's case inside its lead's (用作经营的自建房，经营面积超过300平方米的): both its
    words, the item's own bound."""
    if case is None:
        return own
    return Applicability(case) if own is None else replace(own, text=f"{case}，{own.text}")


def _the_item(item: str, token: str | None, modality: str | None, kind: str) -> list[Requirement]:
    """An item of a list as one requirement: its words, without its numbering token."""
    body = item.strip()
    if token and body.startswith(token):
        body = body[len(token) :].lstrip("、.． ")
    words = body.rstrip("；;。，, ")
    if not words:
        return []
    start = item.find(words)
    return [Requirement(modality, kind, None, None, None, None, None, None, words, start)]  # type: ignore[arg-type]


#: The first item of a list run on after its lead's colon (…不得用于以下支出：（一）…).
_FIRST_ITEM = re.compile(r"[：:]\s*(?P<token>（一）|\(一\)|（1）|\(1\)|一是|1[.．、](?!\d))")
_NUMERALS = "一二三四五六七八九十"


def _token(first: str, n: int) -> str:
    """The ``n``-th token (from 1) of a list that opens with ``first`` (（一） → （二）)."""
    if "一" in first:
        tens, ones = divmod(n, 10)
        number = (_NUMERALS[tens - 1] if tens > 1 else "") + ("十" if tens else "")
        number += _NUMERALS[ones - 1] if ones else ""
        return first.replace("一", number)
    return first.replace("1", str(n))


def read_run_on(
    text: str, read: Reader, join_offsets: tuple[int, ...] = ()
) -> list[Requirement] | None:
    """The requirements of a text that runs a list on after its lead's colon (…不得用于以下支出：
    （一）…。（二）…。), each item read (``read``: ``extraction``'s reader) as its lead binds it;
    None when it runs none on, or its lead binds its items to nothing it knows."""
    run_on = inline_items(text)
    if run_on is None:
        return None
    lead_start, lead_end, items = run_on
    lead = text[lead_start:lead_end]
    if lists_cases(lead):  # (…有下列情形之一的，责令…：（一）…: breaches, no duties)
        return read(text[:lead_end], join_offsets)
    if not (lists_bans(lead) or lists_duties(lead) or lists_options(lead)):
        return None
    found = read(text[:lead_end], join_offsets)
    for a, b, token in items:
        joins = tuple(j - a for j in join_offsets if a < j < b)
        item = under_a_lead(read(text[a:b], joins), lead, text[a:b], token)
        found += [replace(r, start=r.start + a) for r in item]
    end = items[-1][1]  # (…：A，B。深水区水深不得低于1.8米。: the sentences after the list's own)
    if text[end:].strip(" 。；;\n"):
        joins = tuple(j - end for j in join_offsets if j > end)
        found += [replace(r, start=r.start + end) for r in read(text[end:], joins)]
    return found


def inline_items(text: str) -> tuple[int, int, list[tuple[int, int, str]]] | None:
    """A list run on in one text after its lead (…应当履行下列义务：（一）…。（二）…。): where its
    lead starts and ends (after the colon), and each item (start, end, token), its numbering in
    order; None when the text runs no list on."""
    first = _FIRST_ITEM.search(text)
    if first is None:
        return _unnumbered_items(text)
    lead_end = first.start("token")
    # (the lead is the sentence its colon ends: the items may start on the line below it)
    lead_start = max(text.rfind(mark, 0, first.start()) for mark in "。；;\n") + 1
    items: list[tuple[int, int, str]] = []
    at, n = lead_end, 1
    while at >= 0:
        token = _token(first.group("token"), n)
        following = text.find(_token(first.group("token"), n + 1), at + len(token))
        items.append((at, following if following >= 0 else len(text), token))
        at, n = following, n + 1
    return lead_start, lead_end, items


#: A lead's colon, then items with no numbering up to the sentence's end (应当具备下列条件：具有本
#: 市户籍；无违法记录。).
_UNNUMBERED = re.compile(r"[：:](?P<items>[^。：:\n]+)(?:。|$)")


def _unnumbered_items(text: str) -> tuple[int, int, list[tuple[int, int, str]]] | None:
    """A list run on with no numbering after a lead of conditions or bans (…应当具备下列条件：具有
    本市户籍；家庭人均住房面积低于15平方米。): each item up to its ； (or, with no ；, its ，);
    None when the text runs no such list on."""
    for run in _UNNUMBERED.finditer(text):
        lead_start = max(text.rfind(mark, 0, run.start()) for mark in "。；;\n") + 1
        lead = text[lead_start : run.start() + 1]
        if lists_conditions(lead) or lists_bans(lead):
            break
    else:
        return None  # (禁放时间：全年禁止燃放。: a label's colon, no list's lead)
    words = run.group("items")
    mark = "；" if "；" in words or ";" in words else "，"
    items, at = [], run.start("items")
    for piece in re.split(r"[；;]" if mark == "；" else r"[，,]", words):
        if piece.strip():
            items.append((at, at + len(piece), ""))
        at += len(piece) + 1
    return (lead_start, run.start() + 1, items) if len(items) > 1 else None


def by_a_time(r: Requirement) -> bool:
    """A deadline, or a time before an event (活动举办前七日): what is to be done then may be
    written in the phrase after it."""
    return r.kind == "deadline" or (
        r.kind == "duration"
        and (
            (r.trigger or "").endswith("前")
            # (在工程开工15日前，向…申请: the event, then how long before it; 合同期满前60日，…)
            or re.search(
                r"[\d一二三四五六七八九十]\s*个?(?:工作日|日|天|周|月|小时)(?:之)?前$|"
                r"前\s*[\d一二三四五六七八九十]+\s*个?(?:工作日|日|天|周|月|小时)$",
                r.span,
            )
            is not None
        )
    )
