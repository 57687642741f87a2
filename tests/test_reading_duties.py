"""One requirement per duty, with who acts: the segmentation rules of Chinese administrative
drafting (made-up sentences in the style of the gazettes, one table row per rule)."""

from __future__ import annotations

import importlib.util
import pathlib
from decimal import Decimal

import pytest

from checklists.standards.extraction import extract
from checklists.standards.parties import party_named

# (clause text, the spans of its duties in order)
SEGMENTS = [
    # each phrase with a verb of its own is a duty, modal word or not
    (
        "检测站对送检样品进行登记，站长任组长，副站长负责复核。",
        ["检测站对送检样品进行登记", "站长任组长", "副站长负责复核"],
    ),
    # a phrase with no verb continues the duty before it
    ("经营户应当建立进货台账，真实、完整。", ["经营户应当建立进货台账，真实、完整"]),
    # …，并…: a duty of its own after the comma (GUIDE 1.1)
    (
        "区应急局组织现场核查，并将核查结果报区政府。",
        ["区应急局组织现场核查", "并将核查结果报区政府"],
    ),
    # who acts, on what basis: the phrase leads into the next one's verb
    (
        "区财政局依据审核结果，将补助资金拨付至各街道。",
        ["区财政局依据审核结果，将补助资金拨付至各街道"],
    ),
    # 会同…: with whom, not yet what
    (
        "区环保局要会同区水务局，对入河排污口进行排查。",
        ["区环保局要会同区水务局，对入河排污口进行排查"],
    ),
    # 按照《…的通知》要求: the basis, a title's words no verbs of its own
    (
        "区环保局按照《区政府关于印发环保责任规定的通知》要求，实行销号制度。",
        ["区环保局按照《区政府关于印发环保责任规定的通知》要求，实行销号制度"],
    ),
    # 将…: what is acted on, the verb in the next phrase
    (
        "各街道要将排查情况，于月底前报区安委办。",
        ["各街道要将排查情况，于月底前报区安委办"],
    ),
    # according to what: 按照…的要求，加强…
    (
        "区市场监管局应当按照上级部门的要求，加强对加油站的抽检。",
        ["区市场监管局应当按照上级部门的要求，加强对加油站的抽检"],
    ),
    # the numbered clause's heading is no duty; its text is
    ("3、登记备案。检测站将检测结果报区市场监管局备案。", ["检测站将检测结果报区市场监管局备案"]),
    # a heading line with no stop opening the clause
    ("抽样方式\n抽样人员随机抽取样品。", ["抽样人员随机抽取样品"]),
    # a label before a colon
    ("1、抽样：区市场监管局负责随机抽取样品。", ["区市场监管局负责随机抽取样品"]),
    # the document about itself: purpose and enactment, definitions, attachments, scope notes
    ("为规范农贸市场管理，特制定本办法。", []),
    ("本规定所称经营户，是指在市场内从事经营活动的个人。", []),
    ("现将有关事项通知如下：", []),
    ("附件：检查记录表", []),
    ("不含临时摊位和流动商贩。", []),
    # a notice's request (请…): a directive, and …，并… after it a duty of its own
    (
        "请各县按照要求做好绩效监控工作，并于2020年1月底前将绩效自评报告报送市财政局。",
        ["请各县按照要求做好绩效监控工作", "并于2020年1月底前将绩效自评报告报送市财政局"],
    ),
    # the funds a request is about, named first: its topic, no duty of its own
    (
        "此次下达的资金，请按规定及时拨付，并在收到资金30日内将资金分配情况报市财政局备案。",
        ["此次下达的资金，请按规定及时拨付", "并在收到资金30日内将资金分配情况报市财政局备案"],
    ),
    # which one is the party so named: a designation, no duty
    ("住宅小区电梯的使用单位为物业服务企业。", []),
    # what is to be understood runs on after 而 (…目的不是罚，而在于督促…，督促…); a phrase after
    # it with a verb of its own is a duty
    (
        "各部门要充分认识到实行双罚机制目的不是罚，而在于督促各单位严格守法经营，"
        "督促各监管主体全面落实监管责任。",
        [],
    ),
    (
        "各企事业单位要充分认识到环境保护工作的主体责任，按照各项要求建立环保工作制度并严格执行。",
        ["按照各项要求建立环保工作制度并严格执行"],
    ),
    # a means to value (把…作为…的重要渠道): an attitude, no duty
    ("各级各部门要把报送调研类信息作为服务决策、争取支持的重要渠道。", []),
    # to equip with a system is an act (全部装备…系统); 装备制造 is a noun
    (
        "新建化工生产装置全部装备自动化控制系统，大型生产装置全部装备紧急停车系统。",
        ["新建化工生产装置全部装备自动化控制系统", "大型生产装置全部装备紧急停车系统"],
    ),
    # papers or means in the state they are to be in: a target to check
    ("所有化工企业、化工园区环评手续完备。", ["所有化工企业、化工园区环评手续完备"]),
    ("消防设施齐全有效。", ["消防设施齐全有效"]),
    # a standing rule of whom to commend (按照有关规定予以表彰) is a duty; the notice's own
    # commendation (决定对…予以通报表彰) is none
    (
        "对在乡村学校长期从教的优秀教师按照有关规定予以表彰奖励。",
        ["对在乡村学校长期从教的优秀教师按照有关规定予以表彰奖励"],
    ),
    ("决定对敬仲镇人民政府等65个先进单位予以通报表彰。", []),
    # to reckon (全面测算…现状) is an act; 按…测算 is how an amount is counted
    (
        "2016年全面测算乡村学校短缺学科教师现状，启动乡村学校短缺学科教师补充计划。",
        ["2016年全面测算乡村学校短缺学科教师现状", "启动乡村学校短缺学科教师补充计划"],
    ),
    # who holds a post: how a body is made up, no duty
    ("领导小组组长由县长担任，副组长由分管副县长担任。", []),
    ("办公室主任由县应急管理局局长兼任。", []),
    # what was reckoned (经测算，…需…): a report, its 需 a need, no duty and no threshold
    ("经测算，全年需补助资金约3000万元。", []),
    ("据不完全统计，全市共有加油站45座。", []),
    # a procedure before a case (经调查核实，对符合条件的，…) stays the duty's condition
    ("经调查核实，对符合条件的，予以补助。", ["予以补助"]),
    # where to read more: a cross-reference, no duty
    ("详见本公报第15页。", []),
    # what the whole district did, top to bottom, with no modal word: a report; with one, a duty
    ("2015年，全区上下深入开展隐患排查，强化企业主体责任落实，形势保持稳定。", []),
    ("全市上下要深入开展隐患排查。", ["全市上下要深入开展隐患排查"]),
    # how much of a target was done: a report, its numbers no thresholds
    ("2018年全市城镇新增就业5.6万人，完成年度目标的112%。", []),
    ("各县要确保完成年度目标的100%。", ["各县要确保完成年度目标的100%"]),
    # an aside naming who is responsible is no duty of its own
    (
        "各街道要建立巡查制度。（责任单位：区城管局、各街道）",
        ["各街道要建立巡查制度"],
    ),
    # a reason and a benefit are no duties: 因…, 可节省…
    (
        "因仓库跨度大，新建仓库需采用钢结构，可节省空间，施工周期短。",
        ["新建仓库需采用钢结构"],
    ),
    # what has been done is reported, not required
    ("去年以来，各街道已建立巡查台账。", []),
    # a policy verb is a duty with a concrete object, a modal word or a named party
    ("实施农贸市场分级管理制度。", ["实施农贸市场分级管理制度"]),
    ("全面推进市场环境整治。", []),
    # 落实…, 开展…, 实施…, 执行… are directives, modal word or not (GUIDE 1.1): a row each
    (
        "严格落实安全生产责任制，对工作不力的，依法依规严肃问责。",
        ["严格落实安全生产责任制", "依法依规严肃问责"],
    ),
    (
        "及时足额发放补贴资金，全面落实各项补助政策。",
        ["及时足额发放补贴资金", "全面落实各项补助政策"],
    ),
    # who or what a scope holds is a list of names, no duty (GUIDE 1.5)
    ("享受补贴的人员范围包括：低保家庭成员、残疾人、退役军人。", []),
    ("补助对象为：农村留守儿童、困境儿童。", []),
    # a step of a procedure: what the applicant does, with what
    (
        "申请人持身份证等材料，向街道劳动保障服务所提出申请。",
        ["申请人持身份证等材料，向街道劳动保障服务所提出申请"],
    ),
    # the means a party acts through (通过…等途径) lead into its duty
    (
        "县市场监管局通过日常检查、投诉举报等途径，对违规企业进行核实。",
        ["县市场监管局通过日常检查、投诉举报等途径，对违规企业进行核实"],
    ),
    # a check table's answer column is no part of its check point
    ("2 是否安装燃气泄漏报警器 是/否", ["是否安装燃气泄漏报警器"]),
    # a sentence that names a standard to meet is no title, whatever it ends with
    (
        "锅炉烟气排放执行《锅炉大气污染物排放标准》表2标准。",
        ["锅炉烟气排放执行《锅炉大气污染物排放标准》表2标准"],
    ),
    # who a body is: a designation, no duty; what it is charged with is one
    (
        "县应急管理局是本县安全生产监管部门，负责全县安全生产监管工作。",
        ["负责全县安全生产监管工作"],
    ),
    # aims with no modal word and no party named: no duty (GUIDE 1.1); an atmosphere to create
    # is an attitude, never one
    ("充分发挥村民主体作用，引导农民群众自觉参与环境整治。", []),
    ("加强宣传引导，营造全社会共同参与的良好氛围。", []),
    # a task to hold dear is an attitude; what to do about it is a duty
    ("各级各部门要把乡村振兴作为重要任务，抓紧制定配套措施。", ["抓紧制定配套措施"]),
    # an appointment the notice makes: a person's name and a post, nobody to do anything
    ("王某某（女）任市发展和改革委员会副主任（试用期一年）；", []),
    ("任命张三为市政府副秘书长；", []),
    ("张某某同志兼任市应急管理局党组成员。", []),
    ("采购人为履约验收的责任主体。", []),
    # (a role that heads a group, in a duty's sentence, is still a duty: 站长任组长)
    ("检测站成立抽检小组，站长任组长。", ["检测站成立抽检小组", "站长任组长"]),
    # …，并按时…: 按时 is how, the duty after 并 is one of its own
    (
        "用人单位应当与劳动者签订劳动合同，并按时足额支付工资。",
        ["用人单位应当与劳动者签订劳动合同", "并按时足额支付工资"],
    ),
    # who a body is (…是…责任主体) picks out no ones: no condition of the duty after it
    ("各县人民政府是本辖区就业工作的责任主体，要建立目标责任制。", ["要建立目标责任制"]),
    # acting as the place's facts allow (结合实际) leads into what is to be done; 因地制宜 is how
    ("各地要结合实际，因地制宜制定具体实施办法。", ["各地要结合实际，因地制宜制定具体实施办法"]),
    # 配齐: a verb of its own, a duty of its own
    ("各县要建立村庄保洁制度，配齐保洁人员。", ["各县要建立村庄保洁制度", "配齐保洁人员"]),
    # what something includes, and no more: its scope, no duty
    ("医疗救助费用包括住院费用和门诊慢特病费用，不包括自费药品费用。", []),
    (
        "对招用残疾人的单位，按其实际缴纳的社会保险费给予补贴，不包括个人应缴纳的部分。",
        ["按其实际缴纳的社会保险费给予补贴"],
    ),
    # a report tells what was, whatever its numbers compare (GUIDE 1.5)
    ("近年来，全县城镇新增就业连续三年保持在2万人以上。", []),
    ("2019年，全区共发放稳岗补贴800万元，惠及企业300家。", []),
    # the text's own term, whatever the text calls itself (GUIDE 1.5)
    ("本实施方案自印发之日起施行，有效期3年。", []),
    ("本行动计划有效期5年。", []),
    # the matters a duty is done in (在…等方面，), whatever verbs their names hold, lead into it;
    # a noun's 取得 in a list (采矿权取得) reports nothing
    (
        "在行政审批、政府采购、采矿权取得、出入境等方面，依法依规严格限制或禁入。",
        ["在行政审批、政府采购、采矿权取得、出入境等方面，依法依规严格限制或禁入"],
    ),
    # a case (…的，) and how it is dealt with, no duty: its number is the case's, never a
    # requirement (GUIDE 3)
    ("参保人员在一个年度内累计缴费不足12个月的，按实际缴费月数计算。", []),
    # 完成… a task to finish is a duty (GUIDE 1.4: targets of a task); the ones that have not,
    # with their own condition, a duty of their own; 完成 with no object of its own, or of
    # the ones described (完成改造的企业), is none
    (
        "全市所有燃煤锅炉全部完成超低排放改造，未完成的一律停产整治。",
        ["全市所有燃煤锅炉全部完成超低排放改造", "未完成的一律停产整治"],
    ),
    (
        "各单位要按照各自职责分工，于6月底前完成排查工作。",
        ["各单位要按照各自职责分工，于6月底前完成排查工作"],
    ),
    # a manner, then what is done (严格…, 认真…, 定期…): a directive of its own (GUIDE 1.1)
    (
        "县检测站对送检企业实行信用档案制度，严格量化考核。",
        ["县检测站对送检企业实行信用档案制度", "严格量化考核"],
    ),
    ("区应急局组织专家评审，定期复核评级结果。", ["区应急局组织专家评审", "定期复核评级结果"]),
    # …，以便…，…: the end the duty before serves, no duty of its own (GUIDE 1.1), 及时 in it
    # or not; a phrase with its own modal word after it is one again
    (
        "各单位要将检查结果报区应急局，以便汇总分析，及时向社会发布。",
        ["各单位要将检查结果报区应急局"],
    ),
    (
        "各单位要将检查结果报区应急局，以便汇总分析，区应急局要及时向社会发布。",
        ["各单位要将检查结果报区应急局", "区应急局要及时向社会发布"],
    ),
    # a standard's item that names a thing to have (有…) is one; not a heading's 有重点地…,
    # nor 有下列情形… (cases)
    ("5、有符合标准的计量设备。", ["有符合标准的计量设备"]),
    ("2. 有重点地推动化工企业搬迁入园。", []),
    # the role a party acts in (…作为…的监管主体), whatever verbs the role's words hold, leads
    # into its duty
    (
        "各乡镇作为补贴资金发放的监管主体，对补贴资金审核负主要责任。",
        ["各乡镇作为补贴资金发放的监管主体，对补贴资金审核负主要责任"],
    ),
    # words that only lead into attitudes (按照职责分工，密切配合，形成工作合力): no duty
    ("各相关部门要按照职责分工，密切配合，形成工作合力。", []),
    # principles to hold to (坚持…, GUIDE 1.5), with no modal word of their own: no duty
    ("（一）基本原则。坚持政府引导、社会参与，坚持统筹规划、分类指导。", []),
    ("检测站要坚持每日巡查，建立巡查台账。", ["检测站要坚持每日巡查", "建立巡查台账"]),
    # each party's charge a duty of its own; 结合 inside a noun (医养结合) is no basis it acts on
    (
        "民政部门负责养老机构的行业管理，卫生健康部门负责医养结合的指导。",
        ["民政部门负责养老机构的行业管理", "卫生健康部门负责医养结合的指导"],
    ),
    # what a grant is for (…，用于…): no duty of its own
    (
        "对吸纳高校毕业生参加就业见习的单位，给予就业见习补贴，用于支付见习人员基本生活费。",
        ["给予就业见习补贴"],
    ),
    # the kinds a label names (…种类：, …方式：): options, no duty (GUIDE 1.5); what a list of
    # contents or tasks names may be duties
    ("2、检查方式种类：现场检查、书面检查、邀请专家检查、暗查暗访；", []),
    ("检查内容：建立台账、配备灭火器、设置警示标志。", ["建立台账、配备灭火器、设置警示标志"]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of bans run on after its lead: each item a ban (a yes to it never passes)
        (
            "专项资金不得用于以下支出：（一）楼堂馆所建设。（二）发放工作人员奖金。",
            [
                ("专项资金不得用于以下支出", "prohibition", "mandatory", None),
                ("楼堂馆所建设", "prohibition", "mandatory", None),
                ("发放工作人员奖金", "prohibition", "mandatory", None),
            ],
        ),
        # a list of duties run on after its lead: each item its party's, as binding
        (
            "物业服务企业应当履行下列义务：(1)建立消防安全制度；(2)每月至少巡查一次。",
            [
                ("建立消防安全制度", "presence", "mandatory", "物业服务企业"),
                ("每月至少巡查一次", "frequency", "mandatory", "物业服务企业"),
            ],
        ),
        # a list of conditions to meet: each item one, even with no verb of its own
        (
            "燃气经营企业应当具备下列条件：（一）有固定的经营场所；（二）有健全的安全管理制度。",
            [
                ("有固定的经营场所", "eligibility", "mandatory", "燃气经营企业"),
                ("有健全的安全管理制度", "eligibility", "mandatory", "燃气经营企业"),
            ],
        ),
        # the bans a party's lead lists are that party's
        (
            "燃气用户不得有下列行为：（一）擅自改装燃气设施；（二）在地下室使用瓶装燃气。",
            [
                ("擅自改装燃气设施", "prohibition", "mandatory", "燃气用户"),
                ("在地下室使用瓶装燃气", "prohibition", "mandatory", "燃气用户"),
            ],
        ),
        # numbered as 一是…；二是… or 1.…；2.…: the same, the lead no duty of its own
        (
            "各乡镇要重点做好以下工作：一是建立工作台账；二是及时上报排查结果。",
            [
                ("建立工作台账", "record", "mandatory", "各乡镇"),
                ("及时上报排查结果", "presence", "mandatory", "各乡镇"),
            ],
        ),
        (
            "企业应当履行下列义务：1.建立安全管理制度；2.配备专职安全员。",
            [
                ("建立安全管理制度", "presence", "mandatory", "企业"),
                ("配备专职安全员", "presence", "mandatory", "企业"),
            ],
        ),
        # a list of cases is no list of duties: read as written
        (
            "有下列情形之一的，取消评优资格：（一）发生安全事故的；（二）弄虚作假的。",
            [("取消评优资格", "presence", None, None)],
        ),
    ],
)
def test_a_list_run_on_after_its_lead_is_read_item_by_item(text, expected):
    found = extract(text)
    assert [(r.span, r.kind, r.modality, r.subject) for r in found] == expected
    assert all(text[r.start : r.start + len(r.span)] == r.span for r in found)


@pytest.mark.parametrize(("text", "spans"), SEGMENTS, ids=[t for t, _ in SEGMENTS])
def test_one_requirement_per_duty(text, spans):
    assert [r.span for r in extract(text)] == spans


# (clause text, span of a requirement, who acts)
SUBJECTS = [
    # the party the duty opens with, without 由 before it
    ("对抽检不合格的，由区市场监管局依法处理。", "由区市场监管局依法处理", "区市场监管局"),
    # the name without its short-name note
    (
        "区安全生产委员会（以下简称区安委会）对重大隐患实行挂牌督办。",
        "区安全生产委员会（以下简称区安委会）对重大隐患实行挂牌督办",
        "区安全生产委员会",
    ),
    # the whole name, not the shorter one inside it
    ("县政府办公室负责汇总上报。", "县政府办公室负责汇总上报", "县政府办公室"),
    ("城镇学校要配备校医。", "城镇学校要配备校医", "城镇学校"),
    # the phrases after the party name act for it too
    ("县检测中心对样品进行登记，建立检测台账。", "建立检测台账", "县检测中心"),
    # a sentence opening with its modal word leaves out who acts: the one named before
    ("区财政局负责资金拨付。要对资金使用情况进行审计。", "要对资金使用情况进行审计", "区财政局"),
    # whom it is done to is not who does it
    ("区应急局每年至少约谈一次。对其主要负责人进行警示。", "对其主要负责人进行警示", None),
    # with whom a party does something together (与…进行对接) does not act for it
    ("中标企业与各乡镇（街道）进行对接洽谈。", "中标企业与各乡镇（街道）进行对接洽谈", "中标企业"),
    # the party the duty before named acts on, not the one of an earlier modal word
    (
        "企业要及时公开信息，县市场监管局负责监督检查，对不按规定公开的及时移交有关部门处理。",
        "对不按规定公开的及时移交有关部门处理",
        "县市场监管局",
    ),
    # the parties 由 names, a list of them; 该… is the one named before, by its name
    (
        "由区经信局、区安监局分别组织各镇开展评级。",
        "由区经信局、区安监局分别组织各镇开展评级",
        "区经信局、区安监局",
    ),
    # what is done, then by whom (…工作由…负责, …由…另行制定)
    (
        "公益性岗位的开发和管理工作由各县（市区）人社部门负责。",
        "公益性岗位的开发和管理工作由各县（市区）人社部门负责",
        "各县（市区）人社部门",
    ),
    ("具体实施细则由市人社局另行制定。", "具体实施细则由市人社局另行制定", "市人社局"),
    # (a name holding a verb, 挂牌督办部门, ends where 予以 follows)
    ("经评估确认隐患消除的，由挂牌督办部门予以销号。", "由挂牌督办部门予以销号", "挂牌督办部门"),
    (
        "就业补助资金由市财政局、市人社局共同管理。",
        "就业补助资金由市财政局、市人社局共同管理",
        "市财政局、市人社局",
    ),
    # (how it acts after the name, 结合当地实际, is no part of it)
    (
        "补贴的具体标准由市财政、人社部门结合当地实际确定。",
        "补贴的具体标准由市财政、人社部门结合当地实际确定",
        "市财政、人社部门",
    ),
    # the party a sentence encourages is who would act
    (
        "鼓励支持有条件的化工企业，聘请专业公司开展安全服务。",
        "鼓励支持有条件的化工企业，聘请专业公司开展安全服务",
        "有条件的化工企业",
    ),
    # how many of them there are (从业人员在100人以下的) names no one acting: the party before acts
    (
        "生产经营单位应当配备安全管理人员。从业人员在100人以下的，应当配备兼职安全管理人员。",
        "应当配备兼职安全管理人员",
        "生产经营单位",
    ),
    (
        "事故现场有关人员应当立即报告本单位负责人。",
        "事故现场有关人员应当立即报告本单位负责人",
        "事故现场有关人员",
    ),
    # an aside in square brackets names the units too
    ("落实减税降费政策。[责任单位：市税务局、市财政局]", "落实减税降费政策", "市税务局、市财政局"),
    # a task's lead units, whatever other units its aside names after them
    (
        "制定产业园建设规划。（牵头单位：市农业农村局；责任单位：各县市区政府）",
        "制定产业园建设规划",
        "市农业农村局",
    ),
    # a service office (…劳动保障服务所) and a worker (劳动者) are parties
    ("街道劳动保障服务所负责受理申请。", "街道劳动保障服务所负责受理申请", "街道劳动保障服务所"),
    ("劳动者应当遵守劳动纪律。", "劳动者应当遵守劳动纪律", "劳动者"),
    # a unit's head acts for the party named before (单位一把手任组长)
    ("采购人对采购项目成立工作组，单位一把手任组长。", "单位一把手任组长", "采购人"),
    # a sentence that opens with its case (对…的) and then a verb: the party before acts on it,
    # unless the case names that party as the one in breach
    (
        "县政府对完成任务的乡镇通报表扬；对未完成任务的通报批评，不再拨付推广经费。",
        "对未完成任务的通报批评",
        "县政府",
    ),
    (
        "县民政局负责审核。情节严重的，对直接负责的主管人员依法给予处分。",
        "对直接负责的主管人员依法给予处分",
        "县民政局",
    ),
    (
        "采购人负责组织验收。采购人不作为、慢作为的，追究有关人员责任。",
        "追究有关人员责任",
        None,
    ),
    # parties joined by 和, then when they act (不定期…)
    (
        "采购办和行政监督部门不定期进行监督检查。",
        "采购办和行政监督部门不定期进行监督检查",
        "采购办和行政监督部门",
    ),
    # how many of them act together (…三方联合制定) is no part of their names
    (
        "项目验收前，采购人、代理机构、监理单位三方联合制定验收方案。",
        "采购人、代理机构、监理单位三方联合制定验收方案",
        "采购人、代理机构、监理单位",
    ),
    # the treasuries of two levels (市、县两级财政) act as one party
    (
        "市、县两级财政要将农村人居环境整治经费纳入年度预算。",
        "市、县两级财政要将农村人居环境整治经费纳入年度预算",
        "市、县两级财政",
    ),
    # a sentence that opens with a time (…结束后，) and then its modal word leaves out who acts:
    # the one the sentence before named; so does one that opens with 同时，
    (
        "区民政局应先行救助。紧急情况结束后，应按规定补办相关手续。",
        "应按规定补办相关手续",
        "区民政局",
    ),
    ("区安委会办公室确认销号。同时，建立销号目录。", "建立销号目录", "区安委会办公室"),
    # a date's phrase, then the task and its aside of units (GUIDE 2): the lead units, never
    # the task's words up to the aside's bracket
    (
        "2019年6月底前，完成全市燃煤锅炉排查工作（市生态环境局牵头，各县市区政府负责）。",
        "2019年6月底前，完成全市燃煤锅炉排查工作（市生态环境局牵头，各县市区政府负责）",
        "市生态环境局",
    ),
    # a verb done to people opens the words (检查…人员): whom it is done to, not who acts
    (
        "施工期间，要加强现场管理，检查项目经理等主要管理人员是否到岗。",
        "检查项目经理等主要管理人员是否到岗",
        None,
    ),
    # a list of parties longer than one name: all of them act
    (
        "企业主要负责人、安全管理人员和特种作业人员、危险工艺岗位操作人员，必须持证上岗。",
        "企业主要负责人、安全管理人员和特种作业人员、危险工艺岗位操作人员，必须持证上岗",
        "企业主要负责人、安全管理人员和特种作业人员、危险工艺岗位操作人员",
    ),
    # the ones who complain or report act on their own case
    (
        "投诉人对处理决定不服的，可以依法申请行政复议。",
        "可以依法申请行政复议",
        "投诉人",
    ),
    ("举报人应当如实提供线索。", "举报人应当如实提供线索", "举报人"),
    # 在 the first character of a name (在建工地, 在用设备), not "at"
    ("在建工地必须做到“六个百分之百”。", "在建工地必须做到“六个百分之百”", "在建工地"),
    ("在产企业应当每年开展一次应急演练。", "在产企业应当每年开展一次应急演练", "在产企业"),
    # a fine for a breach: the ones who broke the rule are fined, they do not act
    (
        "经营者违反本规定，未建立进货查验记录制度的，责令改正，可处5000元以上3万元以下罚款。",
        "可处5000元以上3万元以下罚款",
        None,
    ),
]


@pytest.mark.parametrize(("text", "span", "subject"), SUBJECTS, ids=[t for t, _, _ in SUBJECTS])
def test_who_acts(text, span, subject):
    (found,) = [r for r in extract(text) if r.span == span]
    assert found.subject == subject


@pytest.mark.parametrize(
    ("phrase", "named"),
    [
        ("由区应急局负责", ("区应急局", "authority")),
        ("并报区政府", None),
        ("必须使用区政府统一印制的票据", None),
        ("各镇、街道要加强巡查", ("各镇、街道", "authority")),
        ("采购人、监理单位经办人对结果签字", ("采购人、监理单位经办人", "regulated")),
        # a verb done to people is no name; a body named for what it does is one
        ("检查主要管理人员是否到岗", None),
        ("督促企业负责人落实整改", None),
        ("检查组对企业进行现场检查", ("检查组", "authority")),
        # a thing to have (有固定的经营场所) is no party; 有关部门 is one
        ("有固定的经营场所和必要的消防设施", None),
        ("有关部门负责监督", ("有关部门", "authority")),
        ("县农技指导站负责技术培训", ("县农技指导站", "authority")),
        ("市委组织部负责干部考核", ("市委组织部", "authority")),
        # a name holds no 对 before another name: whom it is done to follows it
        ("县检测站对送检企业实行信用档案制度", ("县检测站", "authority")),
    ],
)
def test_party_named(phrase, named):
    assert party_named(phrase) == named


# (clause text, the deadline's span, that it is vague)
DEADLINES = [
    # a numbered item that opens with its date: the date's phrase, not the item's number, and
    # the duty due then (no numbering token in the span)
    ("（三）2019年底前，各乡镇全部完成排查。", "2019年底前，各乡镇全部完成排查", False),
    # who, by when (a date), then what after the comma: one duty due then
    (
        "各乡镇（街道）要在每月25日前，将本月排查整治情况报县安委办。",
        "各乡镇（街道）要在每月25日前，将本月排查整治情况报县安委办",
        False,
    ),
    # a deadline's words reach to what is to be done by then
    (
        "企业应在10个工作日内向区应急局提交整改报告。",
        "企业应在10个工作日内向区应急局提交整改报告",
        False,
    ),
    # 限期…: what is to be done in the time allowed
    ("对未通过验收的，限期一个月整改。", "限期一个月整改", False),
    # 及时, 立即: no time stated, one duty flagged so, with the duty it is part of
    ("发现隐患后，及时上报并立即组织整改。", "及时上报并立即组织整改", True),
]


@pytest.mark.parametrize(("text", "span", "vague"), DEADLINES, ids=[t for t, _, _ in DEADLINES])
def test_deadline_spans_its_duty(text, span, vague):
    (found,) = extract(text)
    kind = "presence" if vague else "deadline"
    assert (found.span, found.kind, "vague_deadline" in found.flags) == (span, kind, vague)


def _bench():
    path = pathlib.Path(__file__).parent / "benchmarks" / "bench_reading.py"
    spec = importlib.util.spec_from_file_location("bench_reading", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_places_a_repeated_span_at_its_next_occurrence():
    text = "甲应当报备。乙应当公示。甲应当报备。"
    rows = [{"span": "甲应当报备"}, {"span": "乙应当公示"}, {"span": "甲应当报备"}]
    assert [r["start"] for r in _bench().placed(text, rows)] == [0, 6, 12]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sanction is its authority's duty, the breach its condition; its term is a duration
        (
            "对冒领补助资金的，依法追回资金，并取消其两年内申请补助的资格。",
            [
                ("依法追回资金", "presence", None, None),
                ("并取消其两年内申请补助的资格", "duration", "==", Decimal(2)),
            ],
        ),
        # a time to act in stays a deadline
        (
            "企业应当在3个工作日内取消订单。",
            [("企业应当在3个工作日内取消订单", "deadline", "<=", Decimal(3))],
        ),
    ],
)
def test_a_sanction_s_term_is_how_long_it_lasts(text, expected):
    assert [(r.span, r.kind, r.comparator, r.value) for r in extract(text)] == expected


def test_a_task_s_responsible_units_act_where_a_sentence_names_no_one():
    # the party the sentence before named acts in its own sentence only: the task's units
    # (（责任单位：…）) answer for the sentences that name no one
    reqs = extract(
        "化工园区内企业应实施总量控制。严禁化工企业与非化工企业混建。要加快配套建设园区内道路。"
        "（责任单位：区发改局、区安监局）"
    )
    assert [(r.span, r.subject) for r in reqs] == [
        ("化工园区内企业应实施总量控制", "化工园区内企业"),
        ("严禁化工企业与非化工企业混建", "区发改局、区安监局"),
        ("要加快配套建设园区内道路", "区发改局、区安监局"),
    ]
    # with no such units, the party before carries on (GUIDE 2)
    carried = extract("化工园区内企业应实施总量控制。要加快配套建设园区内道路。")
    assert carried[-1].subject == "化工园区内企业"


@pytest.mark.parametrize(
    "text",
    [
        "市直各部门要结合各自职责，制定具体实施方案。",
        "各部门要围绕年度目标，制定具体实施方案。",
        "各部门要按照职责分工，制定具体实施方案。",
    ],
)
def test_the_basis_a_duty_is_on_is_no_duty_of_its_own(text):
    """要结合各自职责，制定…: what the plan is made on, then the duty; one requirement."""
    (r,) = extract(text)
    assert r.span == text.rstrip("。") and r.modality == "mandatory"


def test_what_a_duty_bears_on_leads_into_it():
    """要以未参保人员为重点，开展…: the focus of the duty after it, no duty of its own."""
    found = extract("各县（市、区）要以未参保人员为重点，开展全民参保登记。")
    assert [r.span for r in found] == ["各县（市、区）要以未参保人员为重点，开展全民参保登记"]


def test_a_party_s_name_stops_before_when_and_to_whom():
    """人社部门每半年向市人社局报送: 人社部门 acts (not a name running on to 市人社局)."""
    (r,) = extract("各县（市、区）人社部门每半年向市人社局报送一次工作进展情况。")
    assert r.subject == "各县（市、区）人社部门" and (r.kind, r.per) == ("frequency", "half_year")
    assert party_named("区环保局每月向区政府报告")[0] == "区环保局"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("农贸市场开办者应当每日对进场销售的蔬菜进行抽样检验。", "农贸市场开办者"),
        ("食品经营者采购食品，应当查验供货者的许可证。", "食品经营者"),
        ("护林员每月巡山不少于20天。", "护林员"),
    ],
)
def test_the_ones_who_run_sell_or_keep_watch_are_parties(text, subject):
    (r,) = extract(text)
    assert r.subject == subject and r.subject_kind == "regulated"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("各县（市、区）财政应安排不少于100万元专项资金。", "各县（市、区）财政"),
        ("企业提取安全生产费用按上年度营业收入的1.5%至4%计提。", "企业"),
    ],
)
def test_who_sets_funds_aside_is_named(text, subject):
    (r,) = extract(text)
    assert r.subject == subject
    assert r.value is not None or r.low is not None


def test_a_grant_and_its_amount_per_thing_are_one_row():
    """GUIDE 1.1: 给予一次性建设补贴，每张床位补贴5000元 is one row, the amount's."""
    (r,) = extract("对新增养老床位给予一次性建设补贴，每张床位补贴5000元。")
    assert (r.value, r.per) == (Decimal(5000), "张")


@pytest.mark.parametrize(
    ("text", "modalities"),
    [
        # the modal word of what is done by the deadline, after its phrase
        ("政府采购合同签订后5个工作日内，采购人应将合同副本报财政部门备案。", ["mandatory"]),
        # a duty joined with 并 takes the sentence's modal word
        (
            "如发现重大事故隐患，应当立即停止作业，并于24小时内向应急管理部门报告。",
            ["mandatory"] * 2,
        ),
    ],
)
def test_a_deadline_s_modal_word_is_the_duty_s(text, modalities):
    assert [r.modality for r in extract(text)] == modalities


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("挂牌督办的重大隐患，整改完成后由企业提出销号申请。", "企业"),
        ("县级应急管理部门在收到申请后7个工作日内组织核查。", "县级应急管理部门"),
    ],
)
def test_the_things_acted_on_are_no_duty_and_who_acts_is_named_whole(text, subject):
    (r,) = extract(text)
    assert r.subject == subject
    assert r.applies_when is None or r.applies_when.text == "挂牌督办的重大隐患"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("社会组织应当于每年5月31日前报送年度工作报告。", "社会组织"),
        ("土地复垦义务人应当在生产建设活动结束后1年内完成土地复垦。", "土地复垦义务人"),
        ("存栏生猪500头以上的养殖场，应当配套建设粪污处理设施。", "养殖场"),
        # who pays is named first, not the one paid
        ("用人单位支付劳动者的工资不得低于当地最低工资标准。", "用人单位"),
    ],
)
def test_more_inspected_parties_are_named(text, subject):
    (r,) = extract(text)
    assert r.subject == subject and r.subject_kind == "regulated"


def test_what_a_thing_allows_is_no_permission():
    """且至少设置1个可直通疏散走道的出口: 可直通 says what the exit is; 不应 binds."""
    found = extract(
        "密室逃脱场所每个房间的面积不应小于10平方米，且至少设置1个可直通疏散走道的出口。"
    )
    assert [r.modality for r in found] == ["mandatory", "mandatory"]


@pytest.mark.parametrize(
    "text", ["二、检查重点", "（二）检查内容", "三、整治范围", "（一）实施步骤"]
)
def test_a_heading_naming_a_part_is_no_duty(text):
    """二、检查重点: the name of a part of the plan, its verb a noun's (GUIDE 1.5)."""
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("建筑施工企业安全生产费用提取比例不得低于1.5%。", "建筑施工企业"),
        ("营运客车驾驶员连续驾驶时间不得超过4小时。", "营运客车驾驶员"),
        # no party named: none
        ("储煤场地面积不低于500平方米。", None),
    ],
)
def test_the_party_whose_measure_it_is_acts(text, subject):
    """GUIDE 2: the party the sentence opens with, its measure after it with no 的."""
    (r,) = extract(text)
    assert r.subject == subject


def test_the_ones_inspected_more_often_are_no_one_acting():
    """…执法检查不少于1次，重点企业每半年不少于1次: how often they are inspected, by the
    authority named before; a party with a verb of its own still acts."""
    found = extract("县应急管理局每年对危险化学品企业执法检查不少于1次，重点企业每半年不少于1次。")
    assert [r.subject for r in found] == ["县应急管理局", "县应急管理局"]
    (own,) = extract("企业每年应急演练不少于1次。")
    assert own.subject == "企业"
