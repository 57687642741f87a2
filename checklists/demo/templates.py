"""The three ready-made templates of ``flask demo load``.

Each is built the way an author builds one: items are drafted from the bundled documents'
clauses with the builder (``builder.item_from_requirement`` / ``clause_item_fields``), then
edited (prompts in plain words, answer types, rules, severities, splits of one clause into
several checks) and published. Every item cites its clause; a fixed ``lineage`` keeps the load
idempotent.

Items check what the inspected party itself owes: a duty of an authority (the county's coal
sampling, the government's notice, the 财政局's handling of complaints) is left out or turned
into the party's own part (the signed receipt, co-operation, putting right). Where an item's
answer type or rule differs from what its requirement drafts, ``derivation_note`` says why
(``checklists.authoring.derivation`` checks it); where the clause states the time to put a
failure right, ``fix_n``/``fix_unit``/``fix_span`` carry it to the findings.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists import scoring
from checklists.accounts.models import OrgKind, User
from checklists.authoring import operations as builder
from checklists.authoring.models import ChecklistTemplate, ScoringMethod, Severity, TemplateSection
from checklists.core.extensions import db
from checklists.standards.models import Clause, Requirement

#: 二（二）10: the places that need cameras and dust sensors.
PLACES = [
    {"value": "yard", "label": "场院"},
    {"value": "pile", "label": "煤堆"},
    {"value": "gates", "label": "进出口"},
]
CRITICAL = {"severity": Severity.CRITICAL}
MINOR = {"severity": Severity.MINOR}
ADVISORY = {"scored": False, "severity": Severity.MINOR}


def check(path: str, prompt: str, req: str | None = None, **edits: Any) -> dict[str, Any]:
    """One item: the clause (path below the document root), the drafted requirement to start
    from (``req``: its words in the clause; None: a yes/no check of the clause) and the author's
    edits. Wherever the item's answer type or rule differs from what ``req`` drafts (or there is
    no ``req`` and the item is more than a yes/no check of its clause), ``derivation_note`` says
    why. A critical item cannot be marked not applicable unless ``na_allowed=True`` (its clause
    applies only under a condition, which the guidance names). ``fix_n``/``fix_unit``/
    ``fix_span``: the time to put a failure right that the clause states; ``fix_span`` quotes
    it, written ``<citation>：<words>`` when another clause states it."""
    return {"path": path, "prompt": prompt, "req": req, "edits": edits}


COAL = "冠政发〔2016〕109号"
TALKS = "临政办字〔2016〕10号/临淄区安全生产约谈制度"
HAZARDS = "临政办字〔2016〕10号/临淄区重大安全生产隐患挂牌督办办法"
BLACKLIST = "临政办字〔2016〕11号"
PROCUREMENT = "冠政发〔2016〕78号"
#: 冠政发〔2016〕78号 三（一）2 binds "达到公开招标限额以上的项目" without stating the limit (the
#: province sets its 公开招标数额标准): the demo assumes 400万元. Check the current provincial
#: standard before real use.
PUBLIC_TENDER_LIMIT = 4_000_000
#: The steps that bind only projects at or above that limit are shown only for them.
ABOVE_LIMIT = {"visible_when": f"amount >= {PUBLIC_TENDER_LIMIT}"}
#: 临政办字〔2016〕11号 says it was in force until 2018-03-31.
STILL_APPLIES = {
    "validity_confirmed": True,
    "validity_note": "演示数据：作者确认仍按本规定检查（实际使用前请核对延续执行的后续文件）。",
}
#: 冠政发〔2016〕109号 四（二）: a centre is accepted against the construction standards of 二, and
#: "未通过验收的限期一个月整改" — the time to put a failed construction standard right.
ACCEPTANCE_FIX = {
    "fix_n": 1,
    "fix_unit": "month",
    "fix_span": f"{COAL} 四（二）：未通过验收的限期一个月整改",
}
#: A period in working days, checked as the number of working days it took.
WORKING_DAYS = "number"


def within(days: int) -> dict[str, Any]:
    """The rule of "done within N working days": the working days it took, at most N."""
    return {
        "answer_type": WORKING_DAYS,
        "rule": {"op": "<=", "value": str(days), "unit": "working_day"},
    }


def answered_within(days: int) -> dict[str, Any]:
    """The rule of "answered within N working days" where the two dates are on file (received,
    answered): the engine counts the working days with the official calendar (holidays, 调休)."""
    return {
        "answer_type": "date_pair",
        "rule": {"op": "<=", "value": days, "unit": "working_day"},
    }


TEMPLATES: list[dict[str, Any]] = [
    {
        "lineage": "c1ea0c0a1d0000000000000000000109",
        "name": "洁净煤配送中心（点）建设与管理检查表",
        "org_kind": OrgKind.ENTERPRISE,
        "method": ScoringMethod.WEIGHTED,
        "description": "依据冠政发〔2016〕109号：二（一）基本要求、二（二）建设标准、六 管理办法、五 检验检测。"
        "建设标准不合格的，整改期限按四（二）“未通过验收的限期一个月整改”。",
        "sections": [
            (
                "基本要求",
                COAL,
                [
                    check(
                        "二/（一）/1",
                        "具备企业法人营业执照、税务登记证或三证合一",
                        guidance="查验证照原件或复印件。",
                        **ACCEPTANCE_FIX,
                    ),
                    check(
                        "二/（一）/2",
                        "配送中心（点）使用建设用地",
                        "洁净煤配送中心（点）必须使用建设用地",
                        **ACCEPTANCE_FIX,
                    ),
                    check(
                        "二/（一）/2",
                        "用地符合国土、规划、环保等部门和开发区、乡镇（街道）总体利用要求",
                        "必须符合国土、规划、环保等部门和县经济开发区、乡镇（街道）总体利用要求",
                        **ACCEPTANCE_FIX,
                    ),
                ],
            ),
            (
                "储煤厂房（每座逐一检查）",
                COAL,
                [
                    check(
                        "二/（二）/1",
                        "储煤厂房全封闭建设",
                        "储煤厂房要进行全封闭建设",
                        **ACCEPTANCE_FIX,
                    ),
                    check(
                        "二/（二）/1",
                        "储煤厂房建设面积（实测）",
                        "储煤厂房建设面积不低于500平方米",
                        weight="2",
                        rule={"photo_on_fail": True},
                        **ACCEPTANCE_FIX,
                    ),
                    check("二/（二）/1", "储煤厂房高度（实测）", "高度不低于6米", **ACCEPTANCE_FIX),
                    check(
                        "二/（二）/2",
                        "新建厂房采用钢框架结构、彩钢瓦外墙",
                        guidance="非新建厂房选“不适用”。",
                        **MINOR,
                        **ACCEPTANCE_FIX,
                    ),
                ],
                # a depot may have several warehouses: each is checked, all must pass
                {"repeat": True, "repeat_label": "储煤厂房", "aggregate": "all", "key": "sheds"},
            ),
            (
                "建设标准",
                COAL,
                [
                    check(
                        "二/（二）/3",
                        "场地地面全部硬化",
                        "洁净煤配送中心（点）地面要全部硬化",
                        **ACCEPTANCE_FIX,
                    ),
                    check(
                        "二/（二）/3",
                        "地面硬化厚度（实测）",
                        "硬化厚度不低于15厘米",
                        guidance="可输入 cm 或 m，系统自动换算。",
                        **ACCEPTANCE_FIX,
                    ),
                    check(
                        "二/（二）/4",
                        "整体外墙颜色",
                        answer_type="choice",
                        rule={
                            "choices": [
                                {
                                    "value": "dark_grey",
                                    "label": "深灰色",
                                    "score": "1",
                                    "pass": True,
                                },
                                {
                                    "value": "light_grey",
                                    "label": "浅灰色",
                                    "score": "1",
                                    "pass": True,
                                },
                                {
                                    "value": "other",
                                    "label": "其他颜色",
                                    "score": "0",
                                    "pass": False,
                                },
                            ]
                        },
                        derivation_note="条款规定整体外墙颜色为深灰或浅灰色：以选项记录颜色，"
                        "深灰、浅灰合格，其他颜色不合格。",
                        **MINOR,
                        **ACCEPTANCE_FIX,
                    ),
                    check(
                        "二/（二）/5",
                        "有符合标准的煤炭计量设备",
                        rule={"photo_on_fail": True},
                        **ACCEPTANCE_FIX,
                    ),
                    check("二/（二）/6", "全封闭式配送车辆数量", "至少配备2-3辆", **ACCEPTANCE_FIX),
                    check("二/（二）/6", "配送车辆统一标识", **MINOR, **ACCEPTANCE_FIX),
                    check("二/（二）/7", "办公用房干净、整洁", **MINOR, **ACCEPTANCE_FIX),
                    check(
                        "二/（二）/7",
                        "上墙制度",
                        answer_type="parts",
                        rule={
                            "parts": [
                                {
                                    "value": "liaocheng_rules",
                                    "label": "《聊城市煤炭清洁利用监督管理办法》",
                                },
                                {"value": "quality_index", "label": "《冠县洁净煤质量指标要求》"},
                                {"value": "pledge", "label": "《冠县洁煤送中心（点）承诺书》"},
                            ]
                        },
                        derivation_note="条款列出须上墙的三项制度：逐项勾选，缺一项即不合格。",
                        **MINOR,
                        **ACCEPTANCE_FIX,
                    ),
                    check("二/（二）/8", "安装固定式或移动式喷淋设施", **ACCEPTANCE_FIX),
                    check("二/（二）/8", "出口处设置固定的车辆冲洗装置", **ACCEPTANCE_FIX),
                    check(
                        "二/（二）/9",
                        "设置排水沟及沉淀池，回收喷淋及煤堆渗出的煤泥水",
                        **ACCEPTANCE_FIX,
                    ),
                    check(
                        "二/（二）/10",
                        "视频监控覆盖的场所",
                        answer_type="parts",
                        rule={"parts": PLACES},
                        derivation_note="条款要求场院、煤堆、进出口等重要场所设置视频监控：逐个场所勾选。",
                        **ACCEPTANCE_FIX,
                    ),
                    check(
                        "二/（二）/10",
                        "粉尘传感器覆盖的场所",
                        answer_type="parts",
                        rule={"parts": PLACES},
                        derivation_note="条款要求场院、煤堆、进出口等重要场所设置粉尘传感器：逐个场所勾选。",
                        **ACCEPTANCE_FIX,
                    ),
                    check(
                        "二/（二）/10",
                        "已安装监控联网，实现在线监控",
                        "适时安装监控联网实现在线监控",
                    ),
                    check(
                        "二/（二）/11",
                        "电力线路保护区范围内无施工作业、建筑物和构筑物",
                        "严禁在电力线路保护区范围内施工作业、建设建筑物和构筑物",
                        rule={"photo_on_fail": True},
                        **ACCEPTANCE_FIX,
                    ),
                ],
            ),
            (
                "管理办法",
                COAL,
                [
                    check(
                        "六/2",
                        "未购买、销售、储存不符合《冠县洁净煤质量指标标准》的煤炭（含民用散煤）",
                        "禁止购买、销售、储存不符合《冠县洁净煤质量指标标准》的煤炭（含民用散煤）",
                    ),
                    check(
                        "六/2",
                        "每批次洁净煤均索要购货发票和煤质检验报告",
                        "每批次洁净煤都须向煤源供应企业索要购货发票、煤质检验报告",
                    ),
                    check("六/3", "建立煤炭购销台账和煤质检测信息台账"),
                    check(
                        "六/3",
                        "近两年的台账留存齐全（开业不足两年的，自开业起）",
                        "最少留存两年",
                        answer_type="parts",
                        rule={
                            "parts": [
                                {"value": "sales_ledger", "label": "煤炭购销台账"},
                                {"value": "quality_ledger", "label": "煤质检测信息台账"},
                            ]
                        },
                        guidance="逐项查看：检查日前两年内（开业不足两年的，自开业之月起）"
                        "每月的台账都在、无缺页缺月的才勾选。",
                        derivation_note="条款要求建立台账并最少留存两年：检查近两年（开业不足两年的自开业起）"
                        "的台账是否都在，而非最早一份台账的年限（否则开业不足两年的配送点必然不合格）。",
                    ),
                    check(
                        "六/3",
                        "使用县政府统一印制的洁净煤推广销售多联专用单据",
                        "必须使用县政府统一印制的洁净煤推广销售多联专用单据",
                    ),
                    check(
                        "六/3",
                        "专用单据登记的购煤者信息",
                        "真实登记购煤者姓名、身份证号、户口簿号、详细地址、联系电话等信息",
                        answer_type="parts",
                        rule={
                            "parts": [
                                {"value": "name", "label": "姓名"},
                                {"value": "id_number", "label": "身份证号"},
                                {"value": "household_register", "label": "户口簿号"},
                                {"value": "address", "label": "详细地址"},
                                {"value": "phone", "label": "联系电话"},
                            ]
                        },
                        derivation_note="条款列出须真实登记的五项购煤者信息：逐项勾选，缺一项即不合格。",
                    ),
                    check("六/3", "无弄虚作假、套取补贴资金行为", "严禁弄虚作假、套取补贴资金"),
                    check(
                        "六/4",
                        "对检验不达标的洁净煤及时与煤源供应企业联系并依法处理",
                        "及时与煤源供应企业联系",
                        guidance="条款未规定天数，按是否及时判断；没有检验不达标的洁净煤的选“不适用”。",
                    ),
                    check(
                        "六/5",
                        "洁净煤配送到村入户，搬运到购煤户指定位置",
                        "洁净煤配送要到村入户，搬运到购煤户指定位置",
                        **MINOR,
                    ),
                    check("六/6", "装卸、储存过程中采取喷淋等除尘、降尘措施"),
                    check("六/6", "运输、配送使用符合密闭要求的车辆"),
                    check("六/7", "做好煤炭清洁利用宣传和试烧展示工作", **ADVISORY),
                ],
            ),
            (
                "检验检测",
                COAL,
                [
                    check(
                        "五/（二）/1",
                        "每批次主动送检样本，并提供煤源供应企业的煤质检验检测报告",
                        "每批次送检样本",
                    ),
                    check(
                        "六/4",
                        "主动配合煤质检验（被抽检时配合取样）",
                        guidance="每月的煤质抽检由县级部门按“双随机”方式组织（五（三）），"
                        "是否抽到本点不由本点决定：本项只查本点是否配合检验。",
                    ),
                    check(
                        "五/（四）",
                        "留存县质量检测中心送达的煤质检验报告（被抽样单位联）",
                        guidance="本点未被抽检的选“不适用”。",
                        derivation_note="条款规定检验报告一份送被抽样单位，送达是检测中心的事："
                        "本项只查本点是否留存收到的一份（煤质检测信息台账，六/3）。",
                        **MINOR,
                    ),
                ],
            ),
        ],
    },
    {
        "lineage": "c1ea0c0a1d0000000000000000001011",
        "name": "企业安全生产隐患排查与挂牌督办检查表",
        "org_kind": OrgKind.ENTERPRISE,
        "method": ScoringMethod.DEDUCTION,
        "description": "依据临政办字〔2016〕10号（约谈制度、重大隐患挂牌督办办法）和临政办字〔2016〕11号（“黑名单”管理暂行规定）。扣分制：满分 100，每项不合格扣其分值。",
        "sections": [
            (
                "约谈情形（企业）",
                TALKS,
                [
                    check(
                        "第三条/（二）/1",
                        "无以下情形：发生1人重伤、有一定影响的生产安全事故，或不配合事故调查，"
                        "或对事故处理落实不到位",
                        weight="10",
                        guidance="条款未限定期间（不同于第6项的“年内”），按检查时查明的情况判断。",
                    ),
                    check(
                        "第三条/（二）/2",
                        "不存在久拖不改的重大事故隐患或严重超标的职业病危害因素",
                        weight="15",
                        **CRITICAL,
                    ),
                    check(
                        "第三条/（二）/3",
                        "主要负责人和安全生产管理人员履行法定安全生产职责",
                        weight="10",
                    ),
                    check("第三条/（二）/4", "配合有关部门依法实施安全生产行政执法", weight="5"),
                    check("第三条/（二）/5", "不存在非法生产经营建设行为", weight="15", **CRITICAL),
                    check("第三条/（二）/6", "年内未两次发现同类安全生产违法行为", weight="5"),
                    check(
                        "第六条",
                        "被约谈后按约谈纪要落实",
                        "被约谈单位要按照纪要进行落实",
                        weight="5",
                        guidance="未被约谈的选“不适用”。",
                    ),
                    check(
                        "第七条",
                        "约谈结束至书面报送落实情况所用的工作日数",
                        "被约谈单位应在约谈结束后 15 个工作日内",
                        weight="5",
                        guidance="自约谈结束的次日起数工作日（不计周末和法定节假日），数到书面报送区安委会"
                        "办公室之日；尚未报送的，填已过的工作日数。未被约谈的选“不适用”。",
                        derivation_note="条款规定约谈结束后15个工作日内书面报送：记录所用工作日数，"
                        "不超过15个工作日合格（起草为是/否，看不出期限）。",
                        **within(15),
                    ),
                ],
            ),
            (
                "重大隐患挂牌督办",
                HAZARDS,
                [
                    check(
                        "第五条/（四）",
                        "接到挂牌督办通知书后签收并返回签收回执",
                        weight="2",
                        guidance="未接到挂牌督办通知书的选“不适用”。",
                        derivation_note="第五条规定区安委会下达的挂牌督办通知书的内容，通知书是区安委会的文书，"
                        "不由企业负责：企业应做的是签收并返回其中的签收回执，本项只查回执。",
                    ),
                    check(
                        "第七条",
                        "接到挂牌督办通知后及时制定整改方案",
                        "及时组织制定整改方案",
                        weight="5",
                        guidance="条款未规定天数，按是否及时判断；未接到挂牌督办通知的选“不适用”。",
                    ),
                    check(
                        "第七条",
                        "整改方案做到“六落实”",
                        "做到整改责任、措施、资金、期限、应急预案、监控“六落实”",
                        answer_type="parts",
                        rule={
                            "parts": [
                                {"value": "responsibility", "label": "整改责任"},
                                {"value": "measures", "label": "措施"},
                                {"value": "funds", "label": "资金"},
                                {"value": "deadline", "label": "期限"},
                                {"value": "emergency_plan", "label": "应急预案"},
                                {"value": "monitoring", "label": "监控"},
                            ],
                            "photo_on_fail": True,
                        },
                        weight="10",
                        na_allowed=True,
                        guidance="条款只约束“接到挂牌督办通知后”的单位：未接到挂牌督办通知的选“不适用”。",
                        derivation_note="条款列出“六落实”六项：逐项勾选，缺一项即不合格。",
                        **CRITICAL,
                    ),
                    check(
                        "第七条",
                        "整改结束后向所属镇街道提报隐患整改销号报告",
                        weight="5",
                        guidance="无挂牌督办的重大隐患或整改尚未结束的选“不适用”。",
                    ),
                    check(
                        "第十条",
                        "按时完成重大安全隐患的整改",
                        "镇街道和有关部门、企业单位要按时完成重大安全隐患的整改工作",
                        weight="10",
                        na_allowed=True,
                        guidance="“按时”指挂牌督办通知书所定的整改完成期限；条款只约束有挂牌督办重大隐患的单位："
                        "没有的选“不适用”。",
                        **CRITICAL,
                    ),
                ],
            ),
            (
                "“黑名单”管理",
                BLACKLIST,
                [
                    check(
                        "第三条/（一）",
                        "年内未发生累计死亡 2 人或造成重大影响的生产安全事故",
                        weight="5",
                        **STILL_APPLIES,
                    ),
                    check(
                        "第三条/（二）",
                        "无暴力抗法或拒绝、阻碍安全生产监督检查的行为",
                        weight="5",
                        **STILL_APPLIES,
                    ),
                    check(
                        "第九条",
                        "纳入“黑名单”后缴纳的安全生产保证金",
                        "向区财政专户缴纳 50 万元",
                        rule={"op": ">="},
                        guidance="未纳入“黑名单”的选“不适用”；可按“万元”填写。",
                        derivation_note="条款写“缴纳50万元”，起草为“等于”：缴足50万元即合格，按“不少于”检查。",
                        weight="1",
                        **STILL_APPLIES,
                    ),
                    check(
                        "第九条",
                        "纳入“黑名单”至缴纳保证金所用的工作日数",
                        "于 10 个工作日内",
                        weight="1",
                        guidance="自纳入“黑名单”管理（公布）的次日起数工作日，数到缴纳之日；尚未缴纳的，"
                        "填已过的工作日数。未纳入“黑名单”的选“不适用”。",
                        derivation_note="条款规定纳入“黑名单”后10个工作日内缴纳：记录所用工作日数，"
                        "不超过10个工作日合格（起草为是/否，看不出期限）。",
                        **within(10),
                        **STILL_APPLIES,
                    ),
                ],
            ),
        ],
    },
    {
        "lineage": "c1ea0c0a1d0000000000000000000078",
        "name": "政府采购项目合规检查表",
        "org_kind": OrgKind.GOVERNMENT,
        "method": ScoringMethod.WEIGHTED,
        "description": "依据冠政发〔2016〕78号 三（1–19 步）及附件审批表、备案表。一个采购项目一张表。"
        "被检查的是采购人：财政局、审计局、监察局和领导小组的职责不计入，只查采购人相应的配合与落实。",
        "sections": [
            (
                "采购工作组与方案报批",
                PROCUREMENT,
                [
                    check(
                        "三/（一）/2",
                        "项目金额（元）",
                        answer_type="number",
                        rule={},
                        key="amount",
                        weight="0",
                        na_allowed=False,
                        guidance="填写本次采购项目的预算金额，以元为单位，例如 1200000。"
                        "达到公开招标限额（本演示按 400 万元）的项目，报批各步骤随之显示。",
                        derivation_note="不是条款的要求本身：记录项目金额（只记录，不评判，权重 0），"
                        "供只约束“达到公开招标限额以上的项目”的各步骤按金额判断是否适用"
                        "（显示条件 amount >= 4000000）。",
                    ),
                    check("三/（一）/1", "成立采购工作组，单位一把手任组长"),
                    check("三/（一）/1", "副组长人数（副职）", "一名以上"),
                    check("三/（一）/1", "成员人数（业务人员）", "两名以上"),
                    check("三/（一）/1", "工作组成员以文件形式报采购办备案", **MINOR),
                    check(
                        "三/（一）/2",
                        "达到公开招标限额的项目填写《采购方案审批表》报领导小组审批",
                        "采购人要填写《采购方案审批表》报领导小组审批",
                        guidance="条款只约束“达到公开招标限额以上的项目”：项目金额未达限额的，"
                        "本项不显示、不计分；显示时即适用，不能选“不适用”。",
                        na_allowed=False,
                        **ABOVE_LIMIT,
                        **CRITICAL,
                    ),
                    check(
                        "三/（一）/2",
                        "采购需求符合政府采购政策规定的技术、服务、安全等要求",
                        "采购人的采购需求应当符合政府采购政策规定的技术、服务、安全等要求",
                    ),
                    check(
                        "附件1/1",
                        "审批表（工程类）填写内容真实，采购人、主管预算单位签章",
                        guidance="审批表只有报批的项目才填（未达限额的本项不显示）；"
                        "货物、服务类项目选“不适用”。",
                        **ABOVE_LIMIT,
                    ),
                    check(
                        "附件2/1",
                        "审批表（货物、服务类）填写内容真实，采购人、主管预算单位签章",
                        guidance="审批表只有报批的项目才填（未达限额的本项不显示）；"
                        "工程类项目选“不适用”。",
                        **ABOVE_LIMIT,
                    ),
                ],
            ),
            (
                "进场、招标与评标",
                PROCUREMENT,
                [
                    check("三/（二）/3", "持审批表、备案表等资料到交易中心登记"),
                    check("三/（二）/4", "依据审批表编制招标文件，做好成本价分析"),
                    check("三/（二）/5", "依法组建评标委员会"),
                    check(
                        "三/（二）/5",
                        "采购人委派参加评标委员会的代表具备专业特长、熟悉采购标的、具备评标能力",
                        "委派的代表必须有一定的专业特长",
                        na_allowed=True,
                        guidance="条款写“采购人可以依法授权代表参加评标委员会”：未委派代表的选“不适用”。",
                    ),
                    check("三/（二）/6", "确定的中标候选人数", "确定1—3名"),
                    check("三/（二）/7", "从推荐的中标候选人中依法定标", **CRITICAL),
                    check(
                        "三/（二）/8",
                        "供应商询问：收到询问日期与作出答复日期",
                        "采购人、代理机构在3个工作日内",
                        guidance="按询问登记和答复文书填写收到询问之日和作出答复之日，系统自收到的次日起"
                        "按官方日历数工作日（跳过周末和法定节假日，调休上班日计入）。有多次询问的，"
                        "填用时最长的一次。无询问的选“不适用”。",
                        derivation_note="条款规定询问在3个工作日内答复：记录收到和答复两个日期，"
                        "按官方日历计算工作日，不超过3个工作日合格（起草为是/否，看不出期限）。",
                        **answered_within(3),
                    ),
                    check(
                        "三/（二）/8",
                        "供应商质疑：收到质疑日期与作出答复日期",
                        "采购人在7个工作日内",
                        guidance="按质疑函的签收记录和答复文书填写收到质疑之日和作出答复之日，系统自收到的"
                        "次日起按官方日历数工作日（跳过周末和法定节假日，调休上班日计入）。有多次质疑的，"
                        "填用时最长的一次。无质疑的选“不适用”。",
                        derivation_note="条款规定质疑在7个工作日内答复：记录收到和答复两个日期，"
                        "按官方日历计算工作日，不超过7个工作日合格（起草为是/否，看不出期限）。",
                        **answered_within(7),
                    ),
                    check(
                        "三/（二）/9",
                        "供应商投诉的，配合财政局（采购办）处理投诉，提供有关文件、资料并执行处理决定",
                        guidance="无投诉的选“不适用”。",
                        derivation_note="第9步规定的是财政局（采购办）30个工作日内处理投诉，是监管部门的职责，"
                        "不由采购人负责：采购人应做的是配合（一：“相关单位和人员应当予以配合”）"
                        "并执行处理决定，本项只查这些。",
                    ),
                ],
            ),
            (
                "采购过程监督",
                PROCUREMENT,
                [
                    check("三/（三）/10", "签订合同前对供应商及监理单位资质、人员、设备再审核"),
                    check(
                        "三/（三）/11",
                        "工程类项目到行政主管部门办理建设手续",
                        guidance="非工程类项目选“不适用”。",
                    ),
                    check(
                        "三/（三）/12",
                        "主要材料复核性抽查次数",
                        "抽查次数不少于3次",
                        guidance="条款只约束工程施工期间：非工程类项目选“不适用”。",
                    ),
                    check(
                        "三/（三）/12",
                        "施工单位项目部和监理人员实行电子签到",
                        guidance="非工程类项目选“不适用”。",
                        **MINOR,
                    ),
                ],
            ),
            (
                "验收",
                PROCUREMENT,
                [
                    check(
                        "三/（四）/13",
                        "采购人、代理机构、工程监理单位三方联合制定《项目验收方案》",
                        "采购人、代理机构、工程监理单位三方联合制定《项目验收方案》",
                    ),
                    check(
                        "三/（四）/13",
                        "达到公开招标标准的项目，《项目验收方案》报领导小组审批",
                        "采购人将《项目验收方案》报领导小组审批",
                        guidance="条款只约束“达到公开招标标准的项目”：项目金额未达限额的，本项不显示、不计分。",
                        **ABOVE_LIMIT,
                    ),
                    check("三/（四）/14", "按批准的验收方案组织验收，形成验收报告并向社会公告"),
                    check(
                        "三/（四）/14",
                        "重大项目聘请专业机构或专家参加验收",
                        "重大项目须聘请专业机构或者专家参加验收",
                        guidance="非重大项目选“不适用”。",
                    ),
                ],
            ),
            (
                "信息公开与信用",
                PROCUREMENT,
                [
                    check(
                        "三/（五）/15",
                        "执行政府采购信息“六公开”制度，及时公开采购信息",
                        "及时公开政府采购信息",
                    ),
                    check(
                        "三/（五）/16",
                        "发现的不良行为已记录、留取证据并报告财政局（采购办）",
                        "及时报告财政局（采购办）",
                        guidance="未发现不良行为的选“不适用”。",
                    ),
                    check(
                        "三/（五）/17",
                        "重大工程项目：配合领导小组邀请的人大代表、政协委员、社会知名人士参与监督",
                        guidance="非重大工程项目选“不适用”。",
                        derivation_note="第17步由领导小组邀请人大代表、政协委员、社会知名人士参与监督，"
                        "是领导小组的职责：本项只查采购人是否配合监督。",
                        **MINOR,
                    ),
                    check(
                        "附件3/3",
                        "招投标文件、评标报告、中标通知书、采购合同、验收报告交采购办备案",
                        "招投标文件、评标报告、中标通知书、采购合同、验收报告等须交政府采购办公室备案",
                    ),
                ],
            ),
            (
                "事后监督",
                PROCUREMENT,
                [
                    check(
                        "一",
                        "接受审计机关的审计监督，提供有关文件、资料",
                        "都要接受审计机关的审计监督",
                    ),
                    check(
                        "三/（六）/18",
                        "审计发现违法行为、财政局责令改正的，已按要求改正",
                        guidance="审计未发现违法行为的选“不适用”。",
                        derivation_note="第18步是审计局（通报财政局）和财政局（责令改正）的职责，"
                        "不由采购人负责：采购人应做的是按责令改正，本项只查是否改正。",
                    ),
                    check(
                        "三/（六）/19",
                        "监察发现违法行为的，配合监察并落实处理决定",
                        guidance="未受监察或监察未发现违法行为的选“不适用”。",
                        derivation_note="第19步是监察局的职责（行政处分、通报财政局），不由采购人负责："
                        "采购人应做的是配合监察、落实处理决定，本项只查这些。",
                        **MINOR,
                    ),
                ],
            ),
        ],
    },
]


def _clause(root: str, path: str) -> Clause:
    key = f"{root}/{path}"
    clause = builder.current_clause(key)
    if clause is None:
        raise LookupError(f"demo template: no clause {key}")
    return clause


def requirement(clause: Clause, words: str) -> Requirement:
    """The clause's drafted requirement with these words (its span, or one holding the other:
    the reading may cut a duty's words a little wider or narrower than when this was written)."""
    reqs = clause.requirements
    near = (
        [r for r in reqs if r.span == words]
        or [r for r in reqs if r.span.startswith(words) or words.startswith(r.span)]
        or [r for r in reqs if words in r.span or r.span in words]
    )
    if len(near) != 1:
        raise LookupError(
            f"demo template: {clause.key} has {len(near)} requirements reading «{words}»"
        )
    return near[0]


def _fields(clause: Clause, entry: dict[str, Any]) -> dict[str, Any]:
    """Draft the item as the builder would, then apply the author's edits."""
    if entry["req"] is None:
        fields = builder.clause_item_fields(clause)
    else:
        req = requirement(clause, entry["req"])
        fields = builder.item_from_requirement(req)
        if fields is None:  # a permission (可): the author turns it into a check by hand
            fields = {"answer_type": "yes_no", "rule": {}, "source_span": req.span}
        fields["source_span"] = req.span
    fields = {**fields, "prompt": entry["prompt"]}
    edits = dict(entry["edits"])
    if "rule" in edits:
        base = fields.get("rule", {}) if "answer_type" not in edits else {}
        edits["rule"] = {**base, **edits["rule"]}
    fields.update(edits)
    fields["rule"] = scoring.validate_rule(fields["answer_type"], fields.get("rule", {}))
    return fields


#: Item columns an entry sets directly (besides what ``_new_item`` takes and the weight).
SETTABLE = (
    "key",
    "visible_when",
    "validity_confirmed",
    "validity_note",
    "derivation_note",
    "fix_n",
    "fix_unit",
    "fix_span",
)


def build(spec: dict[str, Any], user: User | None) -> ChecklistTemplate:
    """Draft, edit and publish one ready-made template."""
    template = builder.create_template(
        spec["name"],
        user,
        org_kind=spec["org_kind"],
        description=spec["description"],
        method=spec["method"],
    )
    template.lineage = spec["lineage"]
    for position, (title, root, entries, *settings) in enumerate(spec["sections"]):
        # a fourth element: the section's settings (a repeated section's key, noun, aggregate)
        section = TemplateSection(
            title=title, position=position, **(settings[0] if settings else {})
        )
        template.sections.append(section)
        db.session.flush()
        for entry in entries:
            clause = _clause(root, entry["path"])
            fields = _fields(clause, entry)
            item = builder._new_item(section, clause, fields)
            item.confirmed = True  # authored on purpose, checked against its clause
            if "weight" in fields:
                item.weight = Decimal(fields["weight"])
            # A critical item is never "not applicable" unless its clause applies only under a
            # condition (the entry then says na_allowed=True and its guidance names it).
            item.na_allowed = fields.get("na_allowed", item.severity != Severity.CRITICAL)
            for name in SETTABLE:
                if name in fields:
                    setattr(item, name, fields[name])
    db.session.flush()
    builder.publish(template, user)
    return template


def load(user: User | None = None) -> list[str]:
    """Publish the ready-made templates that are not there yet; returns what was done."""
    done = []
    for spec in TEMPLATES:
        exists = db.session.scalar(
            sa.select(ChecklistTemplate.id).where(ChecklistTemplate.lineage == spec["lineage"])
        )
        if exists:
            continue
        template = build(spec, user)
        done.append(
            _(
                "Template %(name)s published (%(n)d items).",
                name=template.name,
                n=len(template.ordered_items()),
            )
        )
    return done
