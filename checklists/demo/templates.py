"""The three ready-made templates of ``flask demo load``.

Each is built the way an author builds one: items are drafted from the bundled documents'
clauses with the builder (``builder.item_from_requirement`` / ``clause_item_fields``), then
edited (prompts in plain words, answer types, rules, severities, splits of one clause into
several checks) and published. Every item cites its clause; a fixed ``lineage`` keeps the load
idempotent.
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
    edits."""
    return {"path": path, "prompt": prompt, "req": req, "edits": edits}


COAL = "冠政发〔2016〕109号"
TALKS = "临政办字〔2016〕10号/临淄区安全生产约谈制度"
HAZARDS = "临政办字〔2016〕10号/临淄区重大安全生产隐患挂牌督办办法"
BLACKLIST = "临政办字〔2016〕11号"
PROCUREMENT = "冠政发〔2016〕78号"
#: 临政办字〔2016〕11号 says it was in force until 2018-03-31.
STILL_APPLIES = {
    "validity_confirmed": True,
    "validity_note": "演示数据：作者确认仍按本规定检查（实际使用前请核对延续执行的后续文件）。",
}

TEMPLATES: list[dict[str, Any]] = [
    {
        "lineage": "c1ea0c0a1d0000000000000000000109",
        "name": "洁净煤配送中心（点）建设与管理检查表",
        "org_kind": OrgKind.ENTERPRISE,
        "method": ScoringMethod.WEIGHTED,
        "description": "依据冠政发〔2016〕109号：二（一）基本要求、二（二）建设标准、六 管理办法、五 检验检测。",
        "sections": [
            (
                "基本要求",
                COAL,
                [
                    check(
                        "二/（一）/1",
                        "具备企业法人营业执照、税务登记证或三证合一",
                        guidance="查验证照原件或复印件。",
                    ),
                    check(
                        "二/（一）/2",
                        "配送中心（点）使用建设用地",
                        "洁净煤配送中心（点）必须使用建设用地",
                    ),
                    check(
                        "二/（一）/2",
                        "用地符合国土、规划、环保等部门和开发区、乡镇（街道）总体利用要求",
                        **CRITICAL,
                    ),
                ],
            ),
            (
                "建设标准",
                COAL,
                [
                    check("二/（二）/1", "储煤厂房全封闭建设"),
                    check(
                        "二/（二）/1",
                        "储煤厂房建设面积（实测）",
                        "储煤厂房建设面积不低于500平方米",
                        weight="2",
                        **{
                            "rule": {
                                "op": ">=",
                                "value": "500",
                                "unit": "m²",
                                "photo_on_fail": True,
                            }
                        },
                    ),
                    check(
                        "二/（二）/1",
                        "储煤厂房高度（实测）",
                        "高度不低于6米",
                        rule={"op": ">=", "value": "6", "unit": "m"},
                    ),
                    check(
                        "二/（二）/2",
                        "新建厂房采用钢框架结构、彩钢瓦外墙",
                        guidance="非新建厂房选“不适用”。",
                        **MINOR,
                    ),
                    check("二/（二）/3", "场地地面全部硬化"),
                    check(
                        "二/（二）/3",
                        "地面硬化厚度（实测）",
                        answer_type="number",
                        rule={"op": ">=", "value": "15", "unit": "cm"},
                        guidance="可输入 cm 或 m，系统自动换算。",
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
                        **MINOR,
                    ),
                    check("二/（二）/5", "有符合标准的煤炭计量设备", rule={"photo_on_fail": True}),
                    check("二/（二）/6", "全封闭式配送车辆数量", "至少配备2-3辆"),
                    check("二/（二）/6", "配送车辆统一标识", **MINOR),
                    check("二/（二）/7", "办公用房干净、整洁", **MINOR),
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
                        **MINOR,
                    ),
                    check("二/（二）/8", "安装固定式或移动式喷淋设施"),
                    check("二/（二）/8", "出口处设置固定的车辆冲洗装置"),
                    check("二/（二）/9", "设置排水沟及沉淀池，回收喷淋及煤堆渗出的煤泥水"),
                    check(
                        "二/（二）/10",
                        "视频监控覆盖的场所",
                        answer_type="parts",
                        rule={"parts": PLACES},
                    ),
                    check(
                        "二/（二）/10",
                        "粉尘传感器覆盖的场所",
                        answer_type="parts",
                        rule={"parts": PLACES},
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
                        "台账留存年限",
                        "建立煤炭购销台账和煤质检测信息台账（最少留存两年",
                        answer_type="number",
                        rule={"op": ">=", "value": "2", "unit": "year"},
                        guidance="按最早一份台账计算已留存的年数；开业不足两年的按实际年数并在备注说明。",
                    ),
                    check(
                        "六/3",
                        "使用县政府统一印制的洁净煤推广销售多联专用单据",
                        "必须使用县政府统一印制的洁净煤推广销售多联专用单据",
                    ),
                    check(
                        "六/3",
                        "专用单据登记的购煤者信息",
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
                    ),
                    check("六/3", "无弄虚作假、套取补贴资金行为", "严禁弄虚作假、套取补贴资金"),
                    check(
                        "六/4",
                        "对检验不达标的洁净煤及时与煤源供应企业联系并依法处理",
                        guidance="条款未规定天数，按是否及时判断。",
                    ),
                    check("六/5", "洁净煤配送到村入户，搬运到购煤户指定位置", **MINOR),
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
                        "五/（三）",
                        "本月接受县级煤质抽检次数",
                        "每月至少组织一次",
                        answer_type="count",
                        rule={"op": ">=", "value": "1", "unit": "次"},
                        guidance="县级部门每月至少组织一次抽检（“双随机”）；本点未被抽中的选“不适用”。",
                        **MINOR,
                    ),
                    check(
                        "五/（四）",
                        "留存县质量检测中心出具的煤质检验报告（被抽样单位联）",
                        "煤质检验报告应一式三份",
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
                        "年内未发生 1 人重伤或有一定影响的生产安全事故，配合事故调查并落实事故处理",
                        weight="10",
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
                        weight="5",
                        guidance="未被约谈的选“不适用”。",
                    ),
                    check(
                        "第七条",
                        "约谈结束后 15 个工作日内书面报送落实情况",
                        "被约谈单位应在约谈结束后 15 个工作日内",
                        weight="5",
                        guidance="未被约谈的选“不适用”。",
                    ),
                ],
            ),
            (
                "重大隐患挂牌督办",
                HAZARDS,
                [
                    check(
                        "第五条",
                        "挂牌督办通知书内容齐全",
                        answer_type="parts",
                        rule={
                            "parts": [
                                {"value": "name", "label": "重大安全生产隐患名称"},
                                {"value": "matters", "label": "督办事项"},
                                {"value": "deadline", "label": "整改完成期限"},
                                {"value": "receipt", "label": "签收回执"},
                            ]
                        },
                        weight="4",
                        guidance="无挂牌督办隐患的选“不适用”。",
                    ),
                    check(
                        "第七条",
                        "接到挂牌督办通知后及时制定整改方案",
                        "及时组织制定整改方案",
                        weight="5",
                        guidance="条款未规定天数，按是否及时判断。",
                    ),
                    check(
                        "第七条",
                        "整改方案做到“六落实”",
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
                        **CRITICAL,
                    ),
                    check("第八条", "整改完成后提交整改销号报告", weight="5"),
                    check("第十条", "按时完成重大安全隐患的整改", weight="10", **CRITICAL),
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
                        answer_type="number",
                        rule={"op": ">=", "value": "500000", "unit": "元"},
                        guidance="未纳入“黑名单”的选“不适用”；可按“万元”填写。",
                        weight="1",
                        **STILL_APPLIES,
                    ),
                    check(
                        "第九条",
                        "纳入“黑名单”后 10 个工作日内缴纳保证金",
                        "于 10 个工作日内",
                        weight="1",
                        guidance="未纳入“黑名单”的选“不适用”。",
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
        "description": "依据冠政发〔2016〕78号 三（1–19 步）及附件审批表、备案表。一个采购项目一张表。",
        "sections": [
            (
                "采购工作组与方案报批",
                PROCUREMENT,
                [
                    check("三/（一）/1", "成立采购工作组，单位一把手任组长"),
                    check("三/（一）/1", "副组长人数（副职）", "一名以上"),
                    check("三/（一）/1", "成员人数（业务人员）", "两名以上"),
                    check("三/（一）/1", "工作组成员以文件形式报采购办备案", **MINOR),
                    check(
                        "三/（一）/2",
                        "达到公开招标限额的项目填写《采购方案审批表》报领导小组审批",
                        guidance="未达限额的选“不适用”。",
                        **CRITICAL,
                    ),
                    check(
                        "三/（一）/2",
                        "采购需求符合政府采购政策规定的技术、服务、安全等要求",
                        "采购人要填写《采购方案审批表》报领导小组审批",
                    ),
                    check(
                        "附件1/1",
                        "审批表（工程类）填写内容真实，采购人、主管预算单位签章",
                        guidance="货物、服务类项目选“不适用”。",
                    ),
                    check(
                        "附件2/1",
                        "审批表（货物、服务类）填写内容真实，采购人、主管预算单位签章",
                        guidance="工程类项目选“不适用”。",
                    ),
                ],
            ),
            (
                "进场、招标与评标",
                PROCUREMENT,
                [
                    check("三/（二）/3", "持审批表、备案表等资料到交易中心登记"),
                    check("三/（二）/4", "依据审批表编制招标文件，做好成本价分析"),
                    check(
                        "三/（二）/5",
                        "依法组建评标委员会；采购人代表具备专业特长",
                        "委派的代表必须有一定的专业特长",
                    ),
                    check("三/（二）/6", "确定的中标候选人数", "确定1—3名"),
                    check("三/（二）/7", "从推荐的中标候选人中依法定标", **CRITICAL),
                    check(
                        "三/（二）/8",
                        "询问在 3 个工作日内答复",
                        "采购人、代理机构在3个工作日内",
                        guidance="无询问的选“不适用”。",
                    ),
                    check(
                        "三/（二）/8",
                        "质疑在 7 个工作日内答复",
                        "采购人在7个工作日内",
                        guidance="无质疑的选“不适用”。",
                    ),
                    check(
                        "三/（二）/9",
                        "投诉在收到后 30 个工作日内作出处理决定",
                        "财政局（采购办）应当在收到投诉30个工作日内",
                        guidance="无投诉的选“不适用”。",
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
                    check("三/（三）/12", "主要材料复核性抽查次数", "抽查次数不少于3次"),
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
                        "三方联合制定《项目验收方案》，达到公开招标标准的报领导小组审批",
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
                        "重大工程项目邀请人大代表、政协委员、社会知名人士参与监督",
                        guidance="非重大工程项目选“不适用”。",
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
                        "三/（六）/18",
                        "审计发现的违法行为已及时通报财政局并整改",
                        "及时通报财政局",
                        guidance="未发现违法行为的选“不适用”。",
                    ),
                    check(
                        "三/（六）/19",
                        "监察发现的违法行为已处理并通报财政局",
                        guidance="未发现违法行为的选“不适用”。",
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
    for position, (title, root, entries) in enumerate(spec["sections"]):
        section = TemplateSection(title=title, position=position)
        template.sections.append(section)
        db.session.flush()
        for entry in entries:
            clause = _clause(root, entry["path"])
            fields = _fields(clause, entry)
            item = builder._new_item(section, clause, fields)
            if "weight" in fields:
                item.weight = Decimal(fields["weight"])
            for name in ("validity_confirmed", "validity_note", "na_allowed"):
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
