"""The comparator table of Chinese legal drafting (``checklists.standards.comparators``): every
wording a row, and properties over all combinations (hypothesis)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checklists.standards.comparators import (
    AFTER,
    BEFORE,
    NEGATE,
    NEGATIONS,
    comparator_after,
    comparator_before,
    holds,
    with_marker,
)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # at least (>=)
        ("不低于", ">="),
        ("不少于", ">="),
        ("不小于", ">="),
        ("至少", ">="),
        ("储备能力可满足全市居民", ">="),
        ("最少", ">="),
        ("大于等于", ">="),
        ("大于或等于", ">="),
        ("大于或者等于", ">="),
        ("未低于", ">="),
        ("排水沟坡度不应缓于", ">="),
        ("高于或等于", ">="),
        ("多于或等于", ">="),
        ("≥", ">="),
        ("应达到", ">="),
        ("不应低于", ">="),
        ("不得低于", ">="),
        ("不得少于", ">="),
        ("建设面积不低于", ">="),
        ("缴存基数下限为", ">="),
        ("管道最小净距为", ">="),
        ("保证金下限是", ">="),
        # at most (<=)
        ("不高于", "<="),
        ("不多于", "<="),
        ("不大于", "<="),
        ("不超过", "<="),
        ("至多", "<="),
        ("景区日最大承载量为", "<="),
        ("最多", "<="),
        ("小于等于", "<="),
        ("小于或者等于", "<="),
        ("未超过", "<="),
        ("边坡坡度不应陡于", "<="),
        ("未高于", "<="),
        ("低于或等于", "<="),
        ("低于或者等于", "<="),
        ("少于或等于", "<="),
        ("≤", "<="),
        ("不得超过", "<="),
        ("不宜大于", "<="),
        ("严禁超过", "<="),
        ("控制在", "<="),
        ("年度考核排名前", "<="),
        ("每期限领", "<="),
        ("每户限购", "<="),
        ("综合评价位列前", "<="),
        ("营商环境排名进入前", "<="),
        ("力争跻身前", "<="),
        ("排名进入全省前", "<="),
        # strictly below (<)
        ("低于", "<"),
        ("少于", "<"),
        ("小于", "<"),
        ("不足", "<"),
        ("不满", "<"),
        ("未满", "<"),
        # strictly above (>)
        ("高于", ">"),
        ("多于", ">"),
        ("大于", ">"),
        ("超过", ">"),
        ("首次突破", ">"),
        ("超出", ">"),
        ("不应高于", "<="),
        # explicit markers override, on the comparator's side
        ("低于（含）", "<="),
        ("低于(含)", "<="),
        ("超过（含本数）", ">="),
        ("不超过（不含）", "<"),
        ("不低于（不含本数）", ">"),
        # words between the comparison and its number, but no other number
        ("至少配备", ">="),
        ("不高于上年度的", "<="),
        ("面积不低于500平方米，高度不低于", ">="),
        ("不低于500平方米，高度", None),
        ("不得超过一个月后的", None),
        # equality only where the wording says so
        ("等于", "=="),
        # no comparison
        ("面积", None),
        ("第", None),
        ("", None),
        # 逾 right before its number is "more than"; 逾期 (overdue) compares nothing
        ("参加人数逾", ">"),
        ("逾期的每日按罚款数额的", None),
        # 最大, 最小 naming a thing by its size, or a degree, compare nothing
        ("不应小于罐组内1个最大储罐的容积", None),
        ("最大限度地", None),
        # 超 right before its number is "more than" too; 超标, 超低 are other words
        ("超", ">"),
        ("排放超标的按", None),
        ("完成超低排放改造的给予", None),
    ],
)
def test_before_the_number(words, expected):
    found = comparator_before(words)
    assert (found and found[0]) == expected if expected else found is None


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("以上", ">="),
        ("及以上", ">="),
        ("届满", ">="),
        ("以下", "<="),
        ("及以下", "<="),
        ("以内", "<="),
        ("之内", "<="),
        ("内完成整改", "<="),
        ("以外", ">"),
        ("（含）以上", ">="),
        ("以上（含）", ">="),
        ("以下（不含）", "<"),
        ("（不含本数）以上", ">"),
        ("的企业", None),
        ("平方米", None),
    ],
)
def test_after_the_number(words, expected):
    assert comparator_after(words) == expected


def test_the_comparators_start_is_where_its_wording_starts():
    assert comparator_before("储煤厂房面积不应低于") == (">=", 6)
    assert comparator_before("应达到") == (">=", 1)
    assert comparator_before(" 不满") == ("<", 1)  # found by hypothesis: not the space before


def test_civil_code_article_1259():
    """以上、以下、以内、届满 include the number; 不满、超过、以外 do not."""
    assert all(holds(comparator_after(w), 10, 10) for w in ("以上", "以下", "以内", "届满"))
    assert not holds(comparator_before("不满")[0], 10, 10)
    assert not holds(comparator_before("超过")[0], 10, 10)
    assert not holds(comparator_after("以外"), 10, 10)


_ORDER = [c for _, c in BEFORE if c != "=="]
_BASES = [w for w, c in BEFORE if c != "==" and not w.startswith(("不", "未"))]


@given(st.sampled_from(_ORDER))
def test_negating_twice_is_the_same(comparator):
    assert NEGATE[NEGATE[comparator]] == comparator


@given(
    st.sampled_from(_BASES),
    st.sampled_from(NEGATIONS),
    st.integers(-1000, 1000),
    st.integers(-1000, 1000),
)
def test_a_negation_means_the_opposite_for_every_value(base, negation, value, threshold):
    plain = comparator_before(base)[0]
    negated = comparator_before(negation + base)[0]
    assert holds(negated, value, threshold) == (not holds(plain, value, threshold))


@given(st.sampled_from(_BASES + [w for w, _ in AFTER]), st.integers(-50, 50))
def test_markers_decide_only_the_number_itself(word, value):
    """（含） and （不含） change the answer at the threshold and nowhere else."""
    found = comparator_before(word)
    comparator = found[0] if found else comparator_after(word)
    inclusive, strict = with_marker(comparator, "（含）"), with_marker(comparator, "（不含）")
    assert holds(inclusive, 0, 0) and not holds(strict, 0, 0)
    if value != 0:
        assert holds(inclusive, value, 0) == holds(strict, value, 0) == holds(comparator, value, 0)


@given(
    st.sampled_from(NEGATIONS),
    st.sampled_from(_BASES),
    st.text(alphabet="面积厂房储煤场地企业的和，。、 0123456789", max_size=12),
)
def test_whatever_comes_before_the_wording_does_not_change_it(negation, base, prefix):
    expected = comparator_before(negation + base)
    found = comparator_before(prefix + negation + base)
    assert found == (expected[0], expected[1] + len(prefix))


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        # what is left out of what is counted is no marker of the number
        ("工业固体废物综合利用率达到92%（不含尾矿）。", ">="),
        ("化学需氧量排放浓度不高于50毫克/升（不含污水处理厂）。", "<="),
        ("设备采购单价不超过50万元（不含税）。", "<="),
        # the marker itself, bare or restating the number
        ("排放浓度不得超过15%（不含）。", "<"),
        ("每日工作时间不超过8小时（不含8小时）。", "<"),
    ],
)
def test_only_a_marker_of_the_number_changes_its_comparison(text, comparator):
    from checklists.standards.extraction import extract

    (r,) = extract(text)
    assert r.comparator == comparator


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a change by an amount is a floor: a bigger cut meets it
        ("单位GDP能耗比2015年下降17%。", [(">=", Decimal(17))]),
        ("重污染天数减少25%。", [(">=", Decimal(25))]),
        (
            "细颗粒物浓度分别下降15%、12%、10%。",
            [(">=", Decimal(15)), (">=", Decimal(12)), (">=", Decimal(10))],
        ),
        # a change to a level is the level, as written
        ("全市森林覆盖率提高到35%。", [("==", Decimal(35))]),
        # handed down is no "reach": a batch's share, assumed equal
        ("第一批下达60%，第二批下达40%。", [("==", Decimal(60)), ("==", Decimal(40))]),
    ],
)
def test_a_change_by_an_amount_is_a_floor(text, expected):
    from checklists.standards.extraction import extract

    assert [(r.comparator, r.value) for r in extract(text) if r.value is not None] == expected
