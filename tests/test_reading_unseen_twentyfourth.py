"""A twenty-fourth round of the reading, found by probing it with clauses written for the
purpose (never from the bundled gazettes): employment subsidies, {more}. Each case is a clear
error a probe found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "case"),
    [
        (
            "城镇登记失业人员参加职业培训，取得职业资格证书的，给予职业培训补贴，补贴标准为每人800元至1500元。",
            "城镇登记失业人员参加职业培训，取得职业资格证书的",
        ),
        (
            "贫困家庭子女参加职业培训，取得证书的，按每人1000元给予补贴。",
            "贫困家庭子女参加职业培训，取得证书的",
        ),
        ("农民参加合作社，入股的，给予奖励。", "农民参加合作社，入股的"),
    ],
)
def test_the_people_a_grant_is_for_and_what_they_did_are_one_case(text, case):
    """失业人员参加职业培训，取得职业资格证书的，给予职业培训补贴: the subsidy is for the unemployed
    who trained and got a certificate. Only the inspected parties (企业招用…，签订…的) were read
    as opening a case of two phrases, so the training was read as a requirement of its own and
    the grant held for anyone with a certificate."""
    (found,) = extract(text)
    assert found.applies_when.text == case


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # guards: the people's own duty (a modal word), and an authority acting (as before)
        ("高校毕业生要积极参加培训，取得证书的，给予补贴。", "高校毕业生要积极参加培训"),
        ("县政府组织人员培训，考核合格的，给予补贴。", "县政府组织人员培训"),
    ],
)
def test_a_duty_before_a_grant_s_case_stays_a_duty(text, first):
    assert extract(text)[0].span == first


def test_how_often_a_grant_is_paid_between_it_and_its_amount_parts_them_not():
    """取得证书的，按规定给予职业培训补贴，每人每年只能享受一次，补贴标准为每人800元至1500元: one
    grant, its amount, and how often one may have it. The words between the grant and its amount
    left the grant a row of its own, holding the case, and the amount with none."""
    text = (
        "取得职业资格证书的，按规定给予职业培训补贴，每人每年只能享受一次，"
        "补贴标准为每人800元至1500元。"
    )
    often, amount = extract(text)
    assert (often.per, often.applies_when) == ("year", None)
    assert (amount.low, amount.high, amount.applies_when.text) == (800, 1500, "取得职业资格证书的")
