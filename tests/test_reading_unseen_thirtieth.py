"""A thirtieth round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): canteens, lifts, permits, no-smoking zones.
Each case is a clear error a probe found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    "text",
    [
        "企业应当在10日内完成整改，10日内不能完成整改的，可以申请延期。",
        "企业应当在10日内完成整改，不能按期完成整改的，可以申请延期。",
        "企业应当在10日内完成整改，逾期未完成整改的，可以申请延期。",
    ],
)
def test_a_duty_before_a_case_of_a_permission_is_kept(text):
    duty, allowed = extract(text)
    assert (duty.kind, duty.comparator, duty.value, duty.unit) == (
        "deadline",
        "<=",
        Decimal(10),
        "day",
    )
    assert duty.modality == "mandatory" and duty.applies_when is None
    assert allowed.modality == "permission" and allowed.span == "可以申请延期"
    assert allowed.applies_when is not None
    assert "应当" not in allowed.applies_when.text


@pytest.mark.parametrize(
    "approval",
    ["经本机关负责人批准，", "经县人民政府同意，", ""],
)
def test_a_time_not_met_then_an_approval_is_the_case_of_the_extension(approval):
    text = f"行政机关应当自受理之日起20日内作出决定，20日内不能作出决定的，{approval}可以延长10日。"
    rows = extract(text)
    assert [r.value for r in rows] == [Decimal(20), Decimal(10)]
    decided, extended = rows
    assert decided.modality == "mandatory" and decided.comparator == "<="
    assert extended.modality == "permission"
    when = extended.applies_when
    assert when is not None and (when.comparator, when.value, when.unit) == (">", 20, "day")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("公共场所禁止吸烟区域应设置明显的禁烟标识。", "公共场所禁止吸烟区域应设置明显的禁烟标识"),
        ("禁止停车区域必须施划黄色标线。", "禁止停车区域必须施划黄色标线"),
    ],
)
def test_a_zone_named_by_its_ban_holding_a_duty_is_no_ban(text, span):
    (duty,) = extract(text)
    assert duty.kind == "presence" and duty.modality in ("mandatory", "mandatory_strong")
    assert duty.span == span


def test_a_ban_is_still_a_ban():
    (ban,) = extract("禁止在禁止吸烟区域内吸烟。")
    assert ban.kind == "prohibition"


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("配送中心储煤能力不低于3000吨，年配送能力不低于1万吨。", (3000, 10000)),
        ("配送中心储煤能力应达到3000吨以上，年配送能力不低于1万吨。", (3000, 10000)),
        ("锅炉房容量不低于20吨，燃料库容积不小于50立方米。", (20, 50)),
    ],
)
def test_capacities_side_by_side_are_measures_not_classes(text, values):
    rows = extract(text)
    assert [r.value for r in rows] == [Decimal(v) for v in values]
    assert all(r.applies_when is None for r in rows)


def test_a_capacity_of_the_party_the_sentence_opens_with_is_its():
    (row,) = extract("配送中心储煤能力应达到3000吨以上。")
    assert (row.subject, row.subject_kind) == ("配送中心", "regulated")
    assert (row.comparator, row.value, row.unit) == (">=", Decimal(3000), "t")


def test_a_band_between_then_how_it_is_charged_is_a_case_no_row():
    assert extract("排放浓度在50至100毫克/立方米之间的，按二级收费。") == []
    (fee,) = extract("年用水量在1万至5万立方米之间的，按每立方米0.5元收取。")
    assert (fee.value, fee.unit, fee.per) == (Decimal("0.5"), "元", "m³")
    when = fee.applies_when
    assert (when.comparator, when.low, when.high, when.unit) == ("range", 10000, 50000, "m³")


@pytest.mark.parametrize(
    ("text", "subject", "kind"),
    [
        (
            "社区卫生服务中心每千名服务人口配备全科医生不少于0.4名。",
            "社区卫生服务中心",
            "regulated",
        ),
        ("养老服务中心应当配备专职护理人员。", "养老服务中心", "regulated"),
        ("县政务服务中心应当在2个工作日内办结。", "县政务服务中心", "authority"),
    ],
)
def test_a_clinic_or_home_named_a_centre_is_inspected_a_service_hall_is_not(text, subject, kind):
    (row,) = extract(text)
    assert (row.subject, row.subject_kind) == (subject, kind)
