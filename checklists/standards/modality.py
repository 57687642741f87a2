"""Modal words: how binding a phrase is (必须 / 应当 / 原则上 / 鼓励 / 可), what a duty with no
number demands (a ban, a record, a qualification, or that it is there or done), and the numbering
token a clause or sentence opens with. Pure module (standard library only); ``duties`` and
``extraction`` read with it.
"""

from __future__ import annotations

import functools
import re

# ---------------------------------------------------------------------------------------------
# Modal words
# ---------------------------------------------------------------------------------------------

#: 不可 bars as 不得 does (不可重复享受); not in an idiom or of what cannot be (不可抗力,
#: 不可估量, 不可或缺, 不可移动文物, 缺一不可)
_NOT_TO_BE = (
    r"(?<!缺一)不可(?!估量|抗力|或缺|分割|替代|逆|忽视|能|少|避免|多得|移动|预见|预测|再生|回收|"
    r"撤销|持续|思议|缺少|分|测|控|小觑|同日而语|动摇|推卸|及|言|缺|$)"
)
STRONG = re.compile(r"必须|严禁|一律|务必")
#: 禁止, not where it names a zone, a stretch or a list (在禁止燃放区域内，…; 划定禁止养犬区域:
#: the place a ban holds in, no ban of its own; not a ban to go in or be in a place: 禁止进入城区,
#: 禁止驶入施工区域, 禁止在…区域).
_BANS = (
    r"禁止(?![^，,。；;在进入到驶穿靠]{0,6}?(?:区域|地区|地段|路段|时段|区|范围|名录|目录)"
    r"(?:内|外|以内)?"
    # (禁止吸烟区域应设置…标识: the zone, the subject of a duty)
    r"(?=[，,。；;、的和及]|应|须|必须|要|不得|$))"
)
MANDATORY = re.compile(
    # (知道或者应当知道, 应知: what one ought to have known, no duty)
    # (应对重污染天气: to cope with; 应对采购标的进行调研: 应 + 对, a verb after its object)
    # (应免畜禽, 应免尽免: those due to be immunised, no duty; 应免费提供 is one)
    # (应纳税所得额: the income tax is due on, a noun; 应纳入 is a duty)
    r"应当(?!知道)|(?<![相适供反响效对回呼感答顺报理])应(?![急用变届收付征诉聘税缴激知]|纳税|当知道|免(?!费|收|除|于|征|予)|"
    # (应保尽保率, 应收尽收: all those due, a set phrase, no duty)
    r"[保收检治享办纳补救助改查退种](?=尽))"
    r"(?!对(?![^，,。；;]{1,24}?(?:进行|实行|开展|予以|加强|组织|采取|实施|作出|给予|审核|核查)))|"
    r"(?<![必无])须(?!知)|(?<![所必急无确如若])需(?![要求知氧])|不得(?!分)|"
    + _BANS
    + r"|不准|不允许|"
    r"(?<![主需重纲摘概只想必紧简将纪])要(?![求素点是件闻害员务领略情])|"
    # only then may: not before (验收合格后方可投入使用, 办理审批手续后才可使用)
    r"方可|方能|后才(?:可|能)|" + _NOT_TO_BE
)
DEFAULT = re.compile(r"原则上|一般(?=不|应|为|要|按|在|由|可|以|每|情况下|均)")
#: (not 宜居宜业: liveable, a place's praise)
ADVISORY = re.compile(
    r"鼓励|倡导|提倡|(?<!意见)(?<!提出)(?<!提供)(?<!处置)(?<!分配|整改|处理|调整|安排|政策|初步|理化|审核|工作)建议(?![方案书稿名])|(?<![事便适制])宜(?![居业人])|力争|适时|尽量|争取"
)
#: (可 of an adjective is no permission: 可燃气体, 可吸入颗粒物, 可追溯, 可回收, 可再生, 可疑,
#: 网上可办率, 可及性)
PERMISSION = re.compile(
    # (即可兑现的政策: what then follows, no permission)
    # (无家可归, 无房可住, 有章可循: an idiom's 可, no permission)
    # (允许企业缓缴…: allowed; not 不允许, a ban; nor 允许偏差为±5%, a tolerance's name)
    r"可以|有权(?!利|益)|(?<!不)(?:允许|准许)(?!的|偏差|误差|范围|值)|(?<![许认不宁即])(?<!无家)(?<!无房)(?<!有章)(?<!有据)(?<!无路)(?<!无处)可(?![能控行靠视防持信观见知贵燃塑疑溯量]|节省|节约|满足|达到|实现|"
    # (可提高效率: what a thing does; 可提高至5万元, 保证金可降低50%: to a level, by a share
    # allowed)
    r"提高(?!至|到|为|\s*\d)|减少(?!\s*\d)|降低(?!至|到|为|\s*\d)|有效|支配|吸入|追溯|回收|再生|降解|操作性|办率|办事项|用率|及性|"
    # (可复制可推广的经验, 可借鉴的做法: what a thing is like, no permission)
    r"复制|推广|借鉴|复用|"
    # (来源可查、去向可追: traceable, what a system is like; 可查询, 可追究 are powers)
    r"查(?![询阅看验])|追(?![回缴究偿加])|"
    # (可直通疏散走道的出口, 可供…使用的场地: what a thing allows, no permission)
    r"直通|供[^，,。；;]{0,12}的|容纳)"
)
PROHIBITION = re.compile(r"不得(?!分)|" + _BANS + r"|严禁|不准|不允许|杜绝|" + _NOT_TO_BE)
VAGUE = re.compile(r"及时|第一时间|立即|立刻|马上|尽快|迅速")
ANY_MODAL = re.compile(
    "|".join(p.pattern for p in (STRONG, MANDATORY, DEFAULT, ADVISORY, PERMISSION))
)

#: A numbering token a clause or sentence opens with (第三条, 二、, （一）, 1., 4.3).
#: A unit after a number and a space (2018 年底前, 3 个工作日内: text from a PDF), or a range's
#: or ratio's mark: the number is an amount, no numbering token.
_A_UNIT = (
    r"(?:[年月日个天周%％元万名人次米吨家户项辆台倍℃]|小时|平方|立方|公里|公斤|公顷|"
    # (2019 — 2020 年, 1 : 3: a range or a ratio it opens)
    r"[-—–~～至到:：∶])"
)
LEAD_TOKEN = re.compile(
    # (一是…，二是…: the points of a list, as numbered; not 一、二、三级医院…, grades listed)
    # (修改为：“第五条 养犬人应当…”: an article an amendment quotes, its mark before its number)
    r"\s*(?:“(?=第[^“”]{1,8}条\s))?(?:第\s?[一二三四五六七八九十百零〇两\d](?:\s?[一二三四五六七八九十百零〇两\d])*\s?条(?:之[一二三四五六七八九十]{1,3})?|＿+条(?=\s)|[一二三四五六七八九十]+[、.．](?![一二三四五六七八九十]、[一二三四五六七八九十][级类])|[一二三四五六七八九十]是(?=[\u4e00-\u9fff])|"
    # (①县应急管理局应当…: a circled number; 1）施工现场必须…: a number with its bracket closed)
    r"[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]|\d{1,2}[）)](?=[\u4e00-\u9fff])|"
    # (2.1.3县财政局…: three levels, no decimal, though no space follows)
    r"[（(][一二三四五六七八九十\d]+[）)]|\d+(?:[.．]\d+){2,}(?=[\u4e00-\u9fff])|\d+(?:\.\d+)*(?:[、.．](?!\d)|(?=\s(?!\s*"
    + _A_UNIT
    + r"))))\s*"
)


#: A quotation (“管行业必须管安全”): a slogan's modal word binds no one.
_QUOTED = re.compile(r"“[^“”]*”")


#: The 可 of what a project is foreseen to bring (建成后年产值可达10亿元, 投产后可新增就业岗位
#: 500个): what it will do, no permission.
FORESEEN_MAY = re.compile(
    r"(?:(?<=建成后)|(?<=投产后)|(?<=达产后)|(?<=运营后)|(?<=预计))[^，,。；;可]{0,12}可"
    r"(?=达|实现|带动|新增|增加|形成|创造|节约|减少|提供)"
)


def no_modal_words(s: str) -> str:
    """``s`` with the words that look modal and are not blanked: 不得不 (must, of what was
    done) and a foreseen 可 (the same length: offsets hold)."""
    return FORESEEN_MAY.sub(lambda m: m.group(0)[:-1] + "＿", s.replace("不得不", "＿＿＿"))


def _unquoted(s: str) -> str:
    """``s`` with its quotations and ``no_modal_words`` blanked (the same length)."""
    return _QUOTED.sub(lambda m: "＿" * len(m.group(0)), no_modal_words(s))


@functools.lru_cache(maxsize=256)
def modality_of(s: str) -> str | None:
    """Strongest modality of a sentence; 原则上/一般 soften whatever else is said. (Cached: a
    phrase of many numbers asks once per number.)"""
    s = _unquoted(s)
    if DEFAULT.search(s):
        return "default"
    if STRONG.search(s):
        return "mandatory_strong"
    if MANDATORY.search(s):
        return "mandatory"
    if ADVISORY.search(s):
        return "advisory"
    if PERMISSION.search(s):
        return "permission"
    return None


def first_modal(s: str) -> re.Match[str] | None:
    """The modal word that sets a sentence's modality (原则上 before 应当 before 可)."""
    s = _unquoted(s)
    for pat in (DEFAULT, STRONG, MANDATORY, ADVISORY, PERMISSION):
        found = pat.search(s)
        if found:
            return found
    return None


#: 不 before the act a duty bars, softened or not (一般不新设…, 原则上不重复救助, 一律不予办理):
#: a prohibition, as 不得 is (not 不足, 不低于, 不包括…: comparisons and scopes).
_NOT_TO_DO = re.compile(
    r"(?:一般|原则上|一律|均|再|也)\s*不(?:再|予)?"
    r"(?!足|满|低|高|少|多|超|大|小|包括|含|到|同|断|良|合格|达标|作为|仅|只|能|宜)[\u4e00-\u9fff]"
)


def states_a_ban(words: str) -> bool:
    """Whether ``words`` say themselves that something is not to be done (不得…, 严禁…,
    原则上不重复救助): a ban's words, which need no 不得 put before them."""
    words = words.replace("不得不", "＿＿＿")
    # (失业保险金的标准，不得低于城市居民最低生活保障标准: a floor, compared with a standard named)
    words = _NOT_BEYOND.sub("＿＿", words)
    # (悬挂含有禁毒、禁止卖淫嫖娼等内容的警示标志: the ban a sign says, no ban of the duty)
    words = _A_SIGN_S_BAN.sub("＿", words)
    return bool(PROHIBITION.search(words) or _NOT_TO_DO.search(words))


#: 不得/不应 before a comparison (不得低于, 不得超过): a bound, no ban.
_NOT_BEYOND = re.compile(r"(?:不得|不应)(?=低于|高于|少于|多于|小于|大于|超过|超出)")
#: What a sign or notice says, banned things inside (含有禁毒、禁止吸烟等内容的标志, 禁止吸烟标识).
_A_SIGN_S_BAN = re.compile(
    r"(?:含有|载明|注明|印有)[^，,。；;]{0,30}?(?:内容|字样)|"
    r"(?:禁止|严禁)[^，,。；;]{0,8}?(?:标志|标识|标牌|警示牌)"
)


def presence_kind(words: str) -> str:
    """What a duty with no number demands: that something is not done, recorded, qualified,
    or simply there or done."""
    if states_a_ban(words):
        return "prohibition"
    words = words.replace("不得不", "＿＿＿")
    if re.search(r"台账|记录|档案|存档|备案|登记(?!表|证)", words):
        return "record"
    # (取消…资格 is a sanction, 聘请具备资质的单位 names whom: no qualification to hold)
    held = re.search(
        r"(?:具备|具有|取得|持有|符合)[^，,。；;的]{0,10}(?:资质|资格|条件)(?!的)|"
        r"(?:具备|符合).{0,10}条件|"
        # a licence to hold (依法取得燃气经营许可证, 具备营业执照)
        r"(?:具备|具有|取得|持有)[^，,。；;]{0,16}(?:许可证|执照|登记证|资格证|上岗证)",
        words,
    )
    if held or (
        "资格" in words
        and not re.search(r"取消|暂停|停止", words)
        # (佩戴标明姓名、执业资格等内容的胸卡: what a badge shows, no qualification to hold)
        and not re.search(r"(?:标明|注明|载明|写明)[^，,。；;]*资格", words)
    ):
        return "eligibility"
    return "presence"
