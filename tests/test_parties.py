"""Who a sentence obliges and under what condition (``checklists.standards.parties``)."""

from __future__ import annotations

import pytest

from checklists.standards.parties import condition_of, party_named
from checklists.standards.subjects import subject_of


@pytest.mark.parametrize(
    ("sentence", "modal", "subject", "kind"),
    [
        ("各县（市、区）要加强对配送中心的监管。", "要", "各县（市、区）", "authority"),
        ("财政局、审计局要加强监督检查。", "要", "财政局、审计局", "authority"),
        ("县安监局对列入黑名单的企业每年至少约谈一次。", "对", "县安监局", "authority"),
        ("市直各部门应当按照职责分工做好工作。", "应当", "市直各部门", "authority"),
        ("乡镇人民政府负责辖区内的排查。", "负责", "乡镇人民政府", "authority"),
        ("配送中心应当建立进销货台账。", "应当", "配送中心", "regulated"),
        ("企业主要负责人必须每月组织一次安全检查。", "必须", "企业主要负责人", "regulated"),
        ("生产经营单位在隐患整改完成后，应当提出销号申请。", "应当", "生产经营单位", "regulated"),
        ("食品经营者贮存散装食品，应当标明保质期。", "应当", "食品经营者", "regulated"),
        ("供应商违约的，采购人可以没收履约保证金。", "可以", "采购人", "regulated"),
        ("采购人应当在合同签订之日起2个工作日内公告。", "应当", "采购人", "regulated"),
        ("储煤场地必须硬化。", "必须", None, None),
        ("严禁使用劣质煤。", "严禁", None, None),
    ],
)
def test_subject(sentence, modal, subject, kind):
    assert subject_of(sentence, sentence.index(modal)) == (subject, kind)


@pytest.mark.parametrize(
    ("sentence", "condition"),
    [
        ("对整改不及时造成安全事故的，依法追究责任。", "对整改不及时造成安全事故的"),
        ("供应商违约的，采购人可以没收履约保证金。", "供应商违约的"),
        ("凡年用煤量达到1万吨以上的企业，必须安装在线监测设备。", "凡年用煤量达到1万吨以上"),
        ("如发现质量不合格，则责令限期整改。", "如发现质量不合格"),
        ("重大隐患整改期间，企业应当停产停业。", "重大隐患整改期间"),
        ("在紧急情况下，可先行救助后补办手续。", "在紧急情况下"),
        ("在保证安全的前提下，企业可以适当延长作业时间。", "在保证安全的前提下"),
        ("年销售额超过500万元的企业应当建立台账。", "年销售额超过500万元"),
        ("储煤厂房建设面积不低于500平方米。", None),
        ("配送中心应当建立进销货台账，台账最少留存两年。", None),
    ],
)
def test_condition(sentence, condition):
    found = condition_of(sentence)
    assert (found and found.text) == condition
    if found:
        assert sentence[found.start : found.end] == found.text


@pytest.mark.parametrize(
    ("phrase", "who"),
    [
        # a party, then the verb of policy or procedure its duty opens with
        ("市审计局加强对专项资金的审计监督", "市审计局"),
        ("评审委员会独立评审并出具评审报告", "评审委员会"),
        ("工作领导小组邀请人大代表参与监督", "工作领导小组"),
        ("化工企业、化工园区建立完善隐患排查机制", "化工企业、化工园区"),
        # who it acts jointly with (会同) acts too; a party's name is no verb (机构编制部门)
        ("机构编制部门会同教育、财政部门根据需要核定编制", "机构编制部门会同教育、财政部门"),
        ("县财政局会同县人社局制定实施细则", "县财政局会同县人社局"),
        # 该… is the one named before, by its name
        ("该生产经营单位向原信息采集部门提出申请", "生产经营单位"),
        # a party, then what it receives (收到, 接到): it acts on it
        ("县民政局收到乡镇(街道)上报的申请后及时审批", "县民政局"),
        ("区应急管理局接到举报后立即核查", "区应急管理局"),
        # a site is the inspected party (建筑工地, 施工工地)
        ("建筑工地严格落实扬尘防治措施", "建筑工地"),
        # what an inspected party is to stop or cut
        ("建筑工地停止土石方作业", "建筑工地"),
        ("工业企业减少大气污染物排放量", "工业企业"),
        # a list whose last name is as long as a first one may be (…等监管单位)
        (
            "财政部门、审计部门、公共资源交易中心等监管单位根据工作需要委派代表参加验收",
            "财政部门、审计部门、公共资源交易中心等监管单位",
        ),
    ],
)
def test_a_party_before_the_verb_its_duty_opens_with(phrase, who):
    assert party_named(phrase)[0] == who
