"""Who acts and under what condition: each of one sentence's requirements with the party it
names (or the sentence, or the one before, names) and the condition it applies under. Pure
module (standard library and the wording tables); ``extraction`` applies it to each sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from checklists.standards.agents import agent_named
from checklists.standards.cases import condition_at, condition_before
from checklists.standards.duties import A_DATE_ONLY, BY_INSIDE
from checklists.standards.modality import ANY_MODAL
from checklists.standards.names_read import heading_party, who_as_read
from checklists.standards.no_duties import a_definition
from checklists.standards.openings import A_TIME_FIRST, APPROVED, SIZED_CLASS
from checklists.standards.parties import (
    AUTHORITY_ON,
    ORDINAL_IS,
    Condition,
    clean_name,
    ends_with_party,
    kind_of,
    party_first,
    party_named,
)
from checklists.standards.phrase_conditions import phrase_condition
from checklists.standards.picking import (
    end_of,
    phrase_bounds,
    source_span,
)
from checklists.standards.quantities import quantities
from checklists.standards.requirements import Requirement
from checklists.standards.sentences import phrases
from checklists.standards.subjects import HOW_OFTEN_ONLY, subject_of, who_did
from checklists.standards.verbs import ACTION

#: A phrase of a time limit, to its comma (每季度结束后10日内，): who acts is named after it.
_TIME_LIMIT_PHRASE = re.compile(
    r"[^，,。；;]*[\d＿]\s*个?(?:工作日|日|天|周|月|年|小时)(?:以|之)?内\s*[，,]\s*"
)
#: A sanction's verb a duty opens with (予以通报, 依法依规严肃处理, 责令改正).
#: The words of a sanction both tables below open with.
_SANCTIONS = "予以|给予|责令|追究|取消|处以|问责|吊销|没收"
_A_SANCTION = re.compile(
    r"(?:依法|依规|依纪|严肃|从严)*(?:" + _SANCTIONS + "|通报|处理|"
    # (…被投诉3次以上的，列入重点监管对象: a list of those watched, kept by an authority)
    r"(?:列入|纳入)(?=[^，,。；;]{0,12}?(?:黑名单|名单|名录|重点|失信|不良))|"
    # (…的，可处5000元以上3万元以下罚款: a fine, imposed on the ones the case names)
    r"(?:并|可以?|应当?)?处(?=[\d一二三四五六七八九十两百千万]|罚款|警告))"
)


#: A sanction or a refusal an authority imposes, opening a duty (一律予以关停, 收回资金, 不予受理).
_IMPOSED = re.compile(
    r"(?:一律|依法|依规|从严|严肃|即|立即|全额)*(?:" + _SANCTIONS + "|通报批评|"
    r"收回|追回|不予|停止|暂停|关停|扣减|扣除|扣罚|撤销|注销|移交|移送|"
    # (…，拒不改正的，处50元以上500元以下罚款: a fine)
    r"处(?=[^，,。；;]{1,24}?罚款))"
)


#: How a sanction is imposed, before its verb (一律, 依法, 从严).
_HOW_SEVERELY = r"(?:一律|依法|依规|从严|严肃)"
#: What only the paying or licensing authority does (从次月起停止发放, 取消其享受资格): never the
#: duty of an inspected party the phrases before named (其家属应当报告，从次月起停止发放).
_AUTHORITY_ONLY = re.compile(
    r"(?:(?:从|自)[^，,。；;]{1,8}起)?(?:停止发放|停发|停止享受|取消(?:其)?[^，,。；;]{0,10}资格)|"
    # (企业要建立台账，未建立的，责令改正; …，弄虚作假的，依法处理: a sanction on them, imposed
    # by an authority not named, GUIDE 1.3)
    f"{_HOW_SEVERELY}*(?:责令|追究|处以|问责|吊销|通报批评|予以(?:处罚|通报|曝光|警告|查处))|"
    f"{_HOW_SEVERELY}+(?:处理|查处|处罚)"
)


#: A case that is the breach of the duty before it (逾期未开工的, 违者).
_IN_BREACH = re.compile(
    # (…，未完成的，扣减下年度补助资金的10%: the ones that did not do it)
    r"[，,]?\s*(?:逾期|违者|违反|拒不|未(?:按|完成|达到|达标|通过|落实|履行|整改))"
)


#: A breach of a rule (违反本规定, 未按规定, 擅自, 拒不): the ones who did it are sanctioned.
_A_BREACH = re.compile(r"违反|未按|未经|擅自|拒不|逾期不")


#: An amount granted, its verb (每头猪补助3元, 每人奖励500元).
_A_GRANT = re.compile(r"补助|补贴|奖励|资助|奖补|救助")


#: 其 (its, theirs), pointing back to the ones named before; not 其中 nor 其他.
_ITS = re.compile(r"其(?!中|他|它|余|次|实)")


#: A party labelling the duties after it (市财政局：负责…).
_PARTY_LABEL = re.compile(r"\s*(?P<who>[^，,。；;：:\s]{2,20})\s*[：:]")


#: The ones a condition names at its end (凡在…区域内的化工企业).
_ONES_AT_END = re.compile(r"的([^的，,。；;、（）()]{2,12})\s*$")


#: 由 and who, inside the words that describe a noun (由分管副市长任组长的领导小组).
_BY_DESCRIBES = re.compile(r"由[^，,。；;]{1,30}?的")


#: What follows a case (…的) that ends its condition: a comma, then words of their own.
_A_CASE_THEN = re.compile(r"(?<=的)\s*[，,]\s*[\u4e00-\u9fff]{2}")


#: The basis a duty is done on, its first phrase (按照属地管理原则，…).
_BASIS_FIRST = re.compile(r"\s*(?:按照|依照|依据|根据|结合|按)[^，,。；;]{2,30}[，,]\s*$")


def _measure(r: Requirement) -> tuple[str | None, ...]:
    """What a requirement measures and how: its kind, unit, comparison and period."""
    return r.kind, r.unit, r.comparator, r.per


def attribute(
    text: str,
    masked: str,
    s_start: int,
    s_end: int,
    found: list[Requirement],
    condition: Condition | None,
    carry: tuple[str, str | None] | None = None,
) -> list[Requirement]:
    """One sentence's requirements (from ``s_start``, after its numbering token) with who must
    act and the ``condition`` the sentence opens with. A number inside the condition
    (达到1万吨以上的企业) is the condition's, not a requirement."""
    sentence = masked[s_start:s_end]
    bounds = [(s_start + a, s_start + b) for a, b in phrases(sentence)]
    if len(bounds) > 1 and a_definition(masked[slice(*bounds[-2])], masked[slice(*bounds[-1])]):
        # (…，动工开发面积不足三分之一的，视为闲置土地: what counts as what, its number no
        # requirement; the duties before it stand)
        found = [r for r in found if not bounds[-2][0] <= r.start < bounds[-2][1]]
    starts = [a for a, _b in bounds]
    applies = None
    if condition is not None:
        c_start, c_end = s_start + condition.start, s_start + condition.end
        # 煤炭销售时应当出具…: a duty read from the sentence's start goes on past its condition,
        # its modal word right after it; its words are what follows the condition (a number
        # inside is the condition's)
        inline = ANY_MODAL.match(masked, c_end) is not None
        # (10吨以上货车每车次收费50元: a number of its own read from inside the condition, its
        # words after it)
        sized = (m := SIZED_CLASS.match(sentence)) is not None and m.end("cond") == condition.end
        # (重点管理区内每户限养1只犬: a zone, then a limit for each one in it)
        sized = sized or (condition.text.endswith("内") and masked.startswith("每", c_end))
        found = [
            replace(r, span=(cut := source_span(text, c_end, end_of(r)))[0], start=cut[1])
            if (inline or sized)
            and c_start <= r.start < c_end
            and end_of(r) > c_end + 1
            and (sized or (r.value is None and r.low is None))
            else r
            for r in found
        ]
        outside = [
            r
            for r in found
            # (景区应当在游客数量达到…的80%时，…: a row read up to a number in the condition)
            if not (c_start <= r.start < c_end or c_start < end_of(r) <= c_end)
            # (…，学生人数不足500人的学校至少配备1名: a number of its own after the condition;
            # …的单位应当每年开展一次…: in words)
            or (r.value is not None and quantities(masked[c_end : end_of(r)]))
        ]
        has_a_duty = ANY_MODAL.search(sentence, condition.end) is not None
        if outside or has_a_duty:  # a condition only when something applies under it
            applies = condition_at(text, masked, c_start, c_end)
            found = outside
        elif _A_CASE_THEN.match(masked, c_end):
            # 累计缴费不足12个月的，按实际缴费月数计算: a case and how it is dealt with, no duty;
            # the number is the case's, never a requirement
            found = outside
            condition = None
        else:  # a description, not a condition; but 及时 in it is still no deadline
            found = [
                r for r in found if not (c_start <= r.start < c_end and "vague_deadline" in r.flags)
            ]
            condition = None
    # the opening condition's words up to its comma (its number read, 的化工企业 may be left
    # after the condition's own words)
    c_at = s_start + (condition.start if condition is not None else 0)
    opening = re.split(r"[，,]", text[c_at:s_end], maxsplit=1)[0].lstrip()
    out = []
    after = s_start  # where the duties before it end
    modals = list(ANY_MODAL.finditer(sentence))  # (found once, not once per duty)
    modal_starts = [m.start() for m in modals]
    for r in sorted(found, key=lambda r: r.start):
        if out:
            after = max(after, end_of(out[-1]))
        own_condition = condition_before(
            text, masked, bounds, r.start, r.start + len(r.span), after
        )
        # 对违规排污的企业，由…依法查处: who acts is named after the duty's own condition
        who_at = r.start
        if (
            own_condition is not None
            and own_condition.text
            and r.span.startswith(own_condition.text)
        ):
            who_at = r.start + len(own_condition.text)
            who_at += len(text[who_at:s_end]) - len(text[who_at:s_end].lstrip(" 　，,"))
            if (
                # (挪用的由县住房城乡建设局追回: the ones, then by whom, no comma between)
                re.match(r"\s*(?:[，,]|由(?!于))", r.span[len(own_condition.text) :])
                and who_at < end_of(r)
                and masked[who_at : who_at + 1] not in ("＿", "")  # (2018年底前…: a date's)
                and not text[who_at : who_at + 1].isdigit()
                and not re.search(
                    r"的\s*[，,]", text[who_at : end_of(r)]
                )  # (the condition goes on)
            ):
                # 凡进入施工现场的人员，一律佩戴安全帽: the duty's words after its condition
                cut, cut_at = source_span(text, who_at, end_of(r))
                r = replace(r, span=cut, start=cut_at)
        at = r.start - s_start
        # the last modal word up to the duty's end
        i = bisect.bisect_right(modal_starts, at + len(r.span)) - 1
        modal = modals[i] if i >= 0 else None
        # (a party names who acts at its phrase's start, not after a list's number: 配备2名
        # 专任教师和1名保育员)
        inside = masked[max(s_start, who_at - 1) : who_at] not in (
            "",
            "，",
            ",",
            "；",
            ";",
            " ",
            "\t",
        ) and not masked.startswith("由", who_at)  # (挪用的由县住建局追回: by whom, named)
        # (…，一是钢铁、焦化企业…限产50%以上: after a point's ordinal, who acts is named)
        inside = inside and not _AN_ORDINAL_END.search(masked[max(s_start, who_at - 4) : who_at])
        own = (
            None
            if inside and who_at > s_start
            else who_as_read(agent_named(text[who_at:s_end]) or party_named(text[who_at:s_end]))
        )
        subject, kind = None, None
        # (…的单位，一律通报批评: a sanction right after the modal word, or opening the duty)
        sanctioned = _A_SANCTION.match(masked, s_start + modal.end() if modal else r.start)
        # 不能签到的需向采购人书面请假: the ones its case names must, no one named before
        the_ones_act = (
            own is None
            and own_condition is not None
            and own_condition.text.endswith("的")
            and r.span.startswith(own_condition.text)
            and modal is not None
            and s_start + modal.start() == r.start + len(own_condition.text)
        )
        if the_ones_act:
            subject, kind = who_as_read(party_named(own_condition.text)) or (None, None)
        elif own is not None and (modal is None or modal.start() < at or r.kind != "deadline"):
            subject, kind = own  # 采购办负责监督: the duty names who acts
        elif (
            modal is not None
            and out
            and out[-1].subject
            and s_start + modal.start() < out[-1].start
        ):
            # (A要…，B负责…，对…及时移交…: the party of the duty before, not of the modal word
            # an earlier duty holds)
            subject, kind = out[-1].subject, out[-1].subject_kind
        elif modal is not None:
            # the original text: the subject is quoted as written (masking makes （） half-width)
            subject, kind = who_as_read(subject_of(text[s_start:s_end], modal.start())) or (
                None,
                None,
            )
            breached = condition is not None or _A_BREACH.search(sentence, 0, modal.start())
            finder = subject is not None and re.search(
                re.escape(subject) + r"[^，,。；;的]{0,12}?(?:发现|查实|查明|认定|接到|收到)",
                opening,
            )
            if (
                subject is not None
                and breached
                and subject in opening
                and sanctioned
                and not finder
            ):
                # 凡未按期完成整改的单位，一律通报批评: the ones sanctioned, not who acts (经营者
                # 违反本规定，…，责令改正，可处…罚款: the breach they are fined for; not one
                # that finds the breach: 监管部门发现企业存在重大隐患的，应当责令…)
                subject, kind = None, None
        if subject is None and not the_ones_act:  # 采购人在7个工作日内作出答复: who acts first
            p_start, _p_end = phrase_bounds(masked, s_start, s_end, max(r.start, s_start))
            # (每年3月，各乡镇向…报送: the time it is done in, then who does it)
            p_start = m.end() if (m := A_TIME_FIRST.match(masked, p_start)) else p_start
            named = who_as_read(
                agent_named(text[p_start:s_end]) or party_named(text[p_start:s_end])
            )
            if named is not None:
                subject, kind = named
        if subject is None and condition is not None and AUTHORITY_ON.match(condition.text):
            # (县住建局对违反…的施工单位，处…罚款: the authority its case opens with acts)
            subject, kind = who_as_read(party_named(condition.text)) or (None, None)
        # (the phrases that start inside the duty's words: found by bisect, not by reading every
        # phrase of the sentence once per duty)
        inner = bounds[bisect.bisect_right(starts, r.start) : bisect.bisect_left(starts, end_of(r))]
        if subject is None:  # 区级“黑名单”，由区安委会办公室统一管理: 由 names who acts
            for p_start, _p_end in inner:
                named = who_as_read(agent_named(text[p_start:s_end].lstrip()))
                if named is None and _BASIS_FIRST.match(masked, r.start, p_start):
                    # 按照属地管理原则，各县（市、区）负责…: the basis, then who acts
                    named = who_as_read(party_named(text[p_start:s_end].lstrip()))
                if named is not None:
                    subject, kind = named
                    break
        by = BY_INSIDE.search(masked, r.start, end_of(r)) if subject is None else None
        if by is not None and _BY_DESCRIBES.match(masked, by.start()):
            by = None  # 成立由分管副市长任组长的领导小组: 由 inside what describes a noun
        if by is not None:
            # 公益性岗位的开发和管理工作由各县人社部门负责: what is done, then by whom
            named = who_as_read(agent_named(text[by.start() : s_end]))
            if named is not None:
                subject, kind = named
        if subject is None:  # 9月30日前，市直各部门报送总结: who acts after the date's phrase
            for p_start, _p_end in inner:
                # (每季度结束后10日内，各单位报送…: after the phrase of its time limit)
                timed = r.kind == "deadline" and _TIME_LIMIT_PHRASE.fullmatch(
                    masked, r.start, p_start
                )
                if timed or not masked[r.start : p_start].strip(A_DATE_ONLY):
                    named = who_as_read(party_named(text[p_start:s_end].lstrip()))
                    if named is not None:
                        subject, kind = named
                    break
        breach = (
            condition is not None
            and modal is None
            and r.start >= s_start + condition.end
            and _A_SANCTION.match(r.span) is not None
        )
        # (…的，给予…奖励; …购买疫苗的，每头猪补助不超过3元: a grant to them, no one named)
        granted = condition is not None and (
            "给予" in r.span or (modal is None and r.kind == "money" and _A_GRANT.search(r.span))
        )
        if subject is None and not out and r.start > s_start and not (breach or the_ones_act):
            # 机构编制部门根据需要，每三年核定…: the sentence opens with who acts (not the
            # breach a sanction with no modal word is imposed for: …低于80分的，予以通报; not
            # the ones a grant after their case goes to: 用人单位…达到…的，…给予3000元奖励)
            named = None if granted else who_as_read(party_named(text[s_start:s_end]))
            if named is None and bounds and r.start >= bounds[0][1]:
                # 危险化学品生产企业，每季度至少开展…: a phrase of the party's name alone
                named = heading_party(text[bounds[0][0] : bounds[0][1]])
            if named is not None:
                subject, kind = named
        if subject is None and end_of(r) > c_at + len(opening) + 1:
            # 凡在…区域内的化工企业，2018年底前要完成搬迁: the ones the condition names act
            # (对…的单位，移交…; 凡…的单位，一律通报批评: the ones dealt with, not who acts)
            ones = _ONES_AT_END.search(opening)
            if (
                ones is not None
                # (…的企业，其燃煤硫分…: 其, its, points back to them; not 其中, among them)
                and (opening.startswith("凡") or (_ITS.match(r.span) and opening[:1] != "对"))
                and ends_with_party(ones.group(1))
                and not (breach or sanctioned)
            ):
                subject, kind = clean_name(ones.group(1)), kind_of(ones.group(1))
        if subject is None and (label := _PARTY_LABEL.match(text, s_start, r.start)):
            # 市财政局：负责资金筹集…: the party a list of duties is labelled with acts
            if ends_with_party(label.group("who")):
                subject, kind = clean_name(label.group("who")), kind_of(label.group("who"))
        if subject is None and own_condition is not None and not out and not the_ones_act:
            # 生产经营单位纳入黑名单管理后，于10个工作日内缴纳…: who did what it follows
            subject, kind = who_did(own_condition.text) or (None, None)
        if subject is None and out and not the_ones_act:
            # …，单位一把手任组长: who acts in the phrases before
            subject, kind = out[-1].subject, out[-1].subject_kind
        if subject is None and carry is not None and not the_ones_act:
            # the sentence before named who acts
            subject, kind = carry
        in_scope = condition is not None and r.start >= s_start + condition.end
        if own_condition is not None:
            # (对工作不力，不能按时整改的，…: the sentence's condition holds the phrase's)
            inside = applies is not None and own_condition.text in applies.text
            when = applies if inside and in_scope else own_condition
            if (
                applies is not None
                and not inside
                and in_scope
                and not any(o.applies_when for o in out)
            ):
                # 对虚报冒领…的，一经查实，全额收回…: the sentence's condition goes on in the
                # phrase before the duty; one condition, the two of them
                goes_on = text.find(own_condition.text, c_end)
                # (营业面积超过1000平方米的商场，每日开业前应当…: the ones it names between)
                between = text[c_end:goes_on].strip(" 　，,") if goes_on >= 0 else None
                if between is not None and (
                    not between or (between[:1] == "的" and ends_with_party(between[1:]))
                ):
                    when = condition_at(text, masked, c_start, goes_on + len(own_condition.text))
        elif in_scope and not any(o.applies_when for o in out):
            # the sentence's opening condition: its first duty's (凡…的，A…，B… reads as the
            # labellers read it; B is checked whatever the condition, the safer way to err)
            when = applies
        elif out and r.span.startswith("其中"):
            when = out[-1].applies_when  # …5人，其中技术专家不少于3人: of the ones just named
        elif (
            in_scope
            and out
            and applies is not None
            and out[-1].applies_when is applies
            and r.value is not None
            and _measure(r) == _measure(out[-1])
        ):
            # (…达不到标准班额数的，小学按照年级配备2.4名，初中按照年级配备3.7名: the same
            # measure for another class, under the same case)
            when = applies
        else:
            when = None
        # (what is done, after the words of its case: …，逾期未开工的，收回资金 → 收回资金)
        if when is not None and r.span.startswith(when.text):
            done = r.span[len(when.text) :].lstrip("，, ")
        else:
            done = r.span
        if (
            subject is not None
            and kind == "regulated"
            and own is None
            and _IMPOSED.match(done)
            and any(
                c is not None and (subject in c.text or _IN_BREACH.match(c.text))
                for c in (when, condition)
            )
        ):
            # (砖瓦企业年产能低于…的，一律予以关停; …，逾期未开工的，收回资金: a sanction on the
            # ones in breach, imposed by an authority not named (GUIDE 1.3), not their duty)
            subject, kind = None, None
        if kind == "regulated" and own is None and _AUTHORITY_ONLY.match(done):
            subject, kind = None, None
        out.append(
            replace(
                r,
                subject=clean_name(subject) if subject else None,
                subject_kind=kind,
                applies_when=when,
            )
        )
    return out


#: A sentence's opening with no one named before its modal word (要…, 同时，应…, 并及时…).
#: (Spaces are read once: ``\s*(同时)?[，]?\s*`` took time quadratic in a long run of them.)
_ELIDED = re.compile(
    r"\s*(?:(?:同时|并且|此外|另外)[，,]|"
    r"(?:(?:同时|并且|此外|另外|并)[，,]?\s*|[，,]\s*)?(?:要|应当?|须|必须|严格|及时|并|不得|"
    r"严禁|切实|认真|负责|加强|建立|定期|可以|"
    # (…以下的，至少配备2名救生员: a bound on what the party before must do, then its verb)
    r"(?:至少|最少|最多)(?![\d＿一二两三四五六七八九十])))"
)
#: A verb a directive opens with, after adverbs of manner (协调…, 严格贯彻…).
_VERB_FIRST = re.compile(
    r"\s*(?:严格|认真|切实|全面|积极|及时|进一步|定期|依法)*(?:协调|贯彻|落实|执行|开展|组织|督促|"
    r"指导|制定|编制|实施|实行|做好|抓好|负责|承担|监督|检查|审核|配合)"
)
#: How often, opening a sentence before its modal word or verb (每月要…, 每季度组织…).
_HOW_OFTEN_FIRST = re.compile(
    r"\s*(?:"
    + HOW_OFTEN_ONLY.pattern
    + r")(?=要|应|须|必须|组织|开展|不得|严禁|不应|不宜|至少|不少于|不低于|不超过|不高于)"
)
#: A sentence's next phrase, to its comma.
_PHRASE_TO_COMMA = re.compile(r"\s*([^，,。；;]+)[，,]")
#: Whom a sanction is imposed on, then the sanction (对直接负责的主管人员依法给予处分).
_TO_WHOM_SANCTIONED = re.compile(
    r"对[^，,。；;]{2,30}?(?:依法|依规|依纪)*(?:给予|予以|处以|追究|责令)"
)
#: A fine imposed, with no one named (…；逾期不改正的，处5000元以上3万元以下罚款).
_FINED = re.compile(r"\s*(?:并|可以|可)?处(?=[\d一二三四五六七八九十百千万]|以)")
#: A time a sentence opens with, a phrase of its own (紧急情况结束后，; 验收合格后，): what
#: follows it may leave out who acts, as a sentence opening with its modal word does.
_OPENS_WHEN = re.compile(r"[^，,。；;的]{2,20}?(?:之?后|以后|结束|届满|期满)[，,]")


#: A point's ordinal right before a duty's words (一是, 第三是): where its own words start.
_AN_ORDINAL_END = re.compile(rf"(?:^|[，,；;：:\s]){ORDINAL_IS}$")
#: Whose approval a duty needs first (经分管负责人批准，…): not who acts.
_APPROVED_BY = re.compile(rf"\s*{APPROVED}[，,]\s*")


def leaves_out_who(
    masked: str,
    b_start: int,
    s_end: int,
    condition: Condition | None,
    carry: tuple[str, str | None] | None,
) -> bool:
    """Whether a sentence leaves out who acts, so that the party the sentence before named
    (``carry``) acts in it: it opens with its modal word (要对…审核, 同时，应建立…), after its
    condition or a time of its own (紧急情况结束后，应按规定补办…), or with its case and then a
    verb or a sanction with no one named (对未完成任务的通报批评; 情节严重的，对…依法给予处分);
    not where the case names that party as the one in breach (采购人不作为的，追究有关人员责任:
    someone else imposes that)."""
    opens_at = b_start + (condition.end + 1 if condition else 0)
    if condition is None and (when := _OPENS_WHEN.match(masked, b_start, s_end)):
        opens_at = when.end()
    if condition is not None:
        # (对…人员，在监察过程中发现存在违法行为的，可以…: a second case after the first)
        nxt = _PHRASE_TO_COMMA.match(masked, opens_at, s_end)
        if nxt is not None and phrase_condition(nxt.group(1)) == len(nxt.group(1).rstrip()):
            opens_at = nxt.end()
    if approved := _APPROVED_BY.match(masked, opens_at, s_end):
        opens_at = approved.end()  # (…的，经分管负责人批准，可以延长…: who approves, not acts)
    if often := _HOW_OFTEN_FIRST.match(masked, opens_at, s_end):
        opens_at = often.end()  # (…。每月要开展一次…, 每季度组织一次…: how often, then the verb)
    if _ELIDED.match(masked, opens_at):
        return True
    if condition is None and _VERB_FIRST.match(masked, opens_at):
        return True  # 协调…, 严格贯彻…: a directive opening with its verb, of the party before
    case_text, case_end = (condition.text, opens_at) if condition else ("", b_start)
    if condition is None:
        first_end = b_start + len(re.split(r"[，,]", masked[b_start:s_end], maxsplit=1)[0])
        if (k := phrase_condition(masked[b_start:first_end])) is not None:
            case_text = masked[b_start : b_start + k]
            rest = masked[b_start + k : s_end]
            case_end = b_start + k + len(rest) - len(rest.lstrip("，, "))
    return (
        bool(case_text)
        and carry is not None
        and carry[0] not in case_text
        and (
            ACTION.match(masked, case_end) is not None
            or _TO_WHOM_SANCTIONED.match(masked, case_end) is not None
            or _FINED.match(masked, case_end) is not None
        )
        and party_first(masked[case_end:s_end]) is None
    )
