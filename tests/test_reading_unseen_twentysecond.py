"""A twenty-second round of the reading, found by probing it with clauses written for the
purpose (never from the bundled gazettes): working hours, hotels, pawnshops, scrap vehicles,
filling stations, fireworks, care homes, scenic areas, sand mining, forests, dogs, cemeteries,
animal clinics, pharmacies, parking and statistics. Each case is a clear error a probe found,
read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    "text",
    [
        "用人单位延长工作时间，一般每日不得超过1小时；因特殊原因需要延长工作时间的，每日不得超过3小时。",
        "用人单位每日加班不得超过3小时；每月不得超过36小时。",
        # guard: how often, then a modal word that opened it already (as before)
        "企业应当建立巡查制度；每月应当至少巡查1次。",
    ],
)
def test_how_often_then_a_bound_is_the_party_before_s(text):
    """…；每月不得超过36小时: the employer's limit, as GUIDE 2 says of a sentence that opens with
    its modal word (the party the sentence before named). How often before 要, 应, 组织… was
    read so, but not before 不得 or 不少于, so the month's limit bound no one."""
    found = extract(text)
    assert len(found) == 2
    assert [r.subject for r in found] == [found[0].subject] * 2
    assert found[0].subject in ("用人单位", "企业")


@pytest.mark.parametrize(
    ("text", "case", "subject"),
    [
        (
            "零售药店营业时间内，执业药师不在岗时，应当挂牌告知，并停止销售处方药。",
            "零售药店营业时间内，执业药师不在岗时",
            "零售药店",
        ),
        ("商场营业时间内，应当保持疏散通道畅通。", "商场营业时间内", "商场"),
        # guards: the party after its case, or before 在 (as before)
        ("执业药师不在岗时，零售药店应当挂牌告知。", "执业药师不在岗时", "零售药店"),
        ("零售药店在执业药师不在岗时，应当挂牌告知。", "零售药店在执业药师不在岗时", "零售药店"),
    ],
)
def test_while_open_is_a_case_and_its_party_acts(text, case, subject):
    """零售药店营业时间内，执业药师不在岗时，应当挂牌告知: the pharmacy, while open and with its
    pharmacist away, must say so. 营业时间内 was no case (so the duty's words began with it and
    the pharmacy's hours were no condition), and the pharmacist, the one the second case names,
    was read as who acts."""
    r = extract(text)[0]
    assert (r.applies_when.text, r.subject, r.span.startswith("应当")) == (
        case,
        subject,
        not text.startswith("执业"),
    )


@pytest.mark.parametrize(
    "text",
    [
        "经营性公墓单个墓穴占地面积不得超过1平方米，合葬墓不得超过1.5平方米。",
        "公墓内单个墓穴占地面积不得超过1平方米，合葬墓不得超过1.5平方米。",
        # guard: no one named first (as before)
        "单个墓穴占地面积不得超过1平方米，合葬墓不得超过1.5平方米。",
    ],
)
def test_a_class_after_who_acts_even_when_it_ends_alike(text):
    """经营性公墓单个墓穴…不得超过1平方米，合葬墓不得超过1.5平方米: a single grave and a double one.
    The first class was cut at the first 墓 the classes end with, which closed the cemetery's
    own name (经营性公墓), so the single graves' bound held for the whole cemetery."""
    first, second = extract(text)
    assert (first.applies_when.text, second.applies_when.text) == ("单个墓", "合葬墓")


@pytest.mark.parametrize(
    "text",
    [
        "用户燃气设施安全检查，居民用户每年不少于1次，非居民用户每半年不少于1次。",
        "燃气企业对用户燃气设施的安全检查，居民用户每年不少于1次，非居民用户每半年不少于1次。",
    ],
)
def test_the_work_named_then_each_class_s_bound(text):
    """用户燃气设施安全检查，居民用户每年不少于1次，非居民用户…: how often the users are checked,
    homes and others. The work named was a duty of its own with nothing to check, and the homes
    (居民用户), the first class, were read as who acts in both rows."""
    found = extract(text)
    assert [r.applies_when.text for r in found] == ["居民用户", "非居民用户"]
    assert [r.per for r in found] == ["year", "half_year"]
    assert all(r.subject != "居民用户" for r in found)


def test_classes_of_how_often_an_interval_beside_a_count():
    """居民用户每两年不少于1次，非居民用户每年不少于1次: every two years at most apart for homes,
    once a year for the others. Only classes with one comparator and unit were read as classes,
    so the yearly count held for the homes too, and the homes acted in both."""
    first, second = extract("居民用户每两年不少于1次，非居民用户每年不少于1次。")
    assert (first.applies_when.text, first.comparator, first.value, first.unit) == (
        "居民用户",
        "<=",
        2,
        "year",
    )
    assert (second.applies_when.text, second.per, second.subject) == ("非居民用户", "year", None)


@pytest.mark.parametrize(
    ("text", "classes"),
    [
        ("修复期限一般不超过15日，主干道不超过7日。", [None, "主干道"]),
        (
            "修复期限原则上不超过15日，主干道不超过7日，次干道不超过10日。",
            [None, "主干道", "次干道"],
        ),
        # guard: 一般 of a class's name (一般路段) is no rule for all
        ("一般路段不得低于1.8米，主要路段不得低于2.5米。", ["一般路段", "主要路段"]),
    ],
)
def test_the_rule_for_all_is_no_class_however_short(text, classes):
    """修复期限一般不超过15日，主干道不超过7日: fifteen days as a rule, seven on main roads. With a
    short measure's name the rule for all was read as a class of its own (修复期限一般), so the
    fifteen days held nowhere; with a longer one it was right."""
    found = extract(text)
    assert [r.applies_when.text if r.applies_when else None for r in found] == classes


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("驾驶人在一个记分周期内没有记满12分的，记分予以清除。", "<"),
        ("驾驶人在一个记分周期内未记满12分的，记分予以清除。", "<"),
        ("没有达到12分的，予以清除。", "<"),
        ("没有超过3次的，不予处罚。", "<="),
        # guard: points reached (as before)
        ("驾驶人一个记分周期内记满12分的，应当参加学习。", ">="),
    ],
)
def test_points_not_reached_are_below_them(text, comparator):
    """没有记满12分的，记分予以清除: a driver under twelve points. 满 was read as "reached" with the
    verb before it (记满) between it and its negation, and 没有 was no negation at all, so the
    points were cleared for the drivers who did reach twelve."""
    cond = extract(text)[0].applies_when
    assert (cond.comparator, cond.value) == (comparator, 12 if "12" in text else 3)


def test_the_ones_that_leave_a_site_are_no_site():
    """驶出工地的车辆应当冲洗干净: the vehicles leaving, not the site. The site (工地) was read as
    the party whose vehicles they are, so 驶出工地 was who acts; the ones that go into a place
    (进入施工现场的人员) were read as no owner's already."""
    found = extract("驶出工地的车辆应当冲洗干净，不得带泥上路。")
    assert len(found) == 2
    assert all(r.subject is None or "车辆" in r.subject for r in found)


@pytest.mark.parametrize(
    "text",
    [
        "押金金额不得超过月租金的2倍。",
        "押金金额不得超过月租金的20%。",
        "违约金不得超过月薪酬的30%。",
    ],
)
def test_a_month_s_rent_is_the_base_not_a_period(text):
    """押金金额不得超过月租金的2倍: twice a month's rent, once. The month of the rent was read as
    how often (per month), as a month's wage (月工资的30%) already was not."""
    (r,) = extract(text)
    assert (r.comparator, r.per) == ("<=", None)


def test_a_month_s_rent_alone_is_still_per_month():
    """月租金不得超过3000元: the rent a month (the guard of the fix above)."""
    (r,) = extract("月租金不得超过3000元。")
    assert (r.value, r.per) == (3000, "month")


@pytest.mark.parametrize(
    "text",
    [
        "（一）有符合国家标准的储配站，储存能力不少于100立方米；",
        "（二）有固定的经营场所，供应站面积不少于30平方米；",
    ],
)
def test_a_thing_to_have_is_no_case(text):
    """经营企业应当具备下列条件：（一）有符合国家标准的储配站，储存能力不少于100立方米: a depot
    to have, and its capacity. 有符合国家标准的储配站 was read as "the ones" the capacity was for
    (applies_when 有符合国家标准), so a firm without such a depot was not held to it."""
    (r,) = extract(text)
    assert (r.applies_when, r.comparator) == (None, ">=")


@pytest.mark.parametrize(
    "text", ["有条件的企业，每年不少于2次。", "有安全隐患的企业，应当立即整改。"]
)
def test_the_ones_with_something_are_still_a_case(text):
    """有条件的企业, 有安全隐患的企业: the ones able to, the ones at fault (the guard of the fix
    above)."""
    assert extract(text)[0].applies_when.text.startswith("有")


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("每车配备不少于2具4公斤干粉灭火器。", "辆"),
        ("每车配备不少于2具灭火器。", "辆"),
        # guards: each trip, and a workshop, no vehicle (as before)
        ("每车次收费不超过10元。", "车次"),
        ("每车间配备不少于2名安全员。", None),
    ],
)
def test_each_vehicle_written_short(text, per):
    """每车配备不少于2具灭火器: two for each vehicle, as 每辆车 read. 车 alone named nothing a count
    was per, so a fleet of ten met it with two."""
    assert extract(text)[0].per == per


def test_each_place_s_time_limit_is_its_class():
    """市区2小时内、县城4小时内到达现场: two hours in the city, four in the county towns. A class
    was read only before a bound in words (不超过, 不少于…), so both limits held everywhere."""
    found = extract("市区2小时内、县城4小时内到达现场。")
    assert [(r.applies_when.text, r.value) for r in found] == [("市区", 2), ("县城", 4)]


def test_time_limits_of_one_party_are_no_classes():
    """企业应当在30日内整改，5日内报告: two limits of one duty's steps, no places (the guard)."""
    assert all(r.applies_when is None for r in extract("企业应当在30日内整改，5日内报告。"))


@pytest.mark.parametrize(
    ("text", "case", "value"),
    [
        (
            "医疗机构应当对出现超常处方3次以上且无正当理由的医师提出警告，限制其处方权。",
            "出现超常处方3次以上",
            3,
        ),
        ("监管部门应当对年用煤量1万吨以上的企业进行重点检查。", "年用煤量1万吨以上", 10000),
        ("县政府应当对连续3年考核优秀的乡镇给予表彰。", "连续3年", 3),
    ],
)
def test_a_number_inside_the_ones_a_duty_is_done_to_picks_them(text, case, value):
    """医疗机构应当对出现超常处方3次以上…的医师提出警告: a warning to the doctors with three or more
    such prescriptions. The number was the duty's own (the clinic to have at least three), so a
    clinic with none failed; 1万吨以上的企业 and 连续3年…的乡镇 the same."""
    r = extract(text)[0]
    assert (r.comparator, r.applies_when.text, r.applies_when.value) == (None, case, value)


def test_how_many_of_them_is_still_the_duty_s_bound():
    """应当对不少于10%的企业进行抽查: at least a tenth of them checked (the guard)."""
    (r,) = extract("监管部门应当对不少于10%的企业进行抽查。")
    assert (r.comparator, r.value, r.applies_when) == (">=", 10, None)


@pytest.mark.parametrize(
    "text",
    [
        "容积率不得低于1.0且不得高于2.5。",
        "容积率不得低于1，且不得高于3。",
        # guard: the other bound with no modal word of its own (as before)
        "容积率不低于1.0且不高于2.5。",
    ],
)
def test_a_ratio_s_other_bound_with_its_own_modal_word(text):
    """容积率不得低于1.0且不得高于2.5: a floor and a ceiling of a plot ratio. A number with no unit
    stands only after a ratio's name and its comparison; with 不得 before the second comparison
    it was dropped, and a plot ratio of 9 met the rule."""
    low, high = extract(text)
    assert (low.comparator, high.comparator, high.value) == (
        ">=",
        "<=",
        2.5 if "2.5" in text else 3,
    )


def test_an_authority_acting_first_is_no_class():
    """县应急管理局每年对危险化学品企业执法检查不少于1次，重点企业每半年不少于1次: yearly for all,
    half-yearly for the key firms, by the bureau. The bureau's name was read as the first class
    (its check held "where 县应急管理局"); it is the rule for all, as 一般… is."""
    found = extract("县应急管理局每年对危险化学品企业执法检查不少于1次，重点企业每半年不少于1次。")
    assert [r.applies_when.text if r.applies_when else None for r in found] == [None, "重点企业"]
    assert [r.subject for r in found] == ["县应急管理局"] * 2


@pytest.mark.parametrize(
    "text",
    [
        "2024年底前，城市建成区黑臭水体基本消除，县城建成区黑臭水体消除比例达到90%。",
        "2024年10月底前，全县散煤销售点全部取缔，洁净型煤覆盖率达到100%。",
    ],
)
def test_a_target_after_a_dated_duty_is_due_then_too(text):
    """2024年底前，…基本消除，…消除比例达到90%: both by the end of 2024. With a duty first, the date
    became that duty's deadline and the target after it had none (with two targets both were
    due)."""
    duty, target = extract(text)
    assert duty.due is not None and target.due == duty.due
    assert target.comparator == ">="


def test_how_often_after_a_dated_duty_is_not_due_by_it():
    """2017年12月底前，完成排查，每月报告1次: a monthly report is no target due by a date (the
    guard of the fix above)."""
    assert extract("2017年12月底前，完成排查，每月报告1次。")[1].due is None


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("新入职员工应当在上岗前接受不少于24学时的安全培训。", "新入职员工"),
        ("员工应当接受安全培训。", "员工"),
        # guard: a firm's head count names the firm (as 职工人数 did)
        ("企业员工人数在300人以上的，应当设置安全生产管理机构。", "企业"),
    ],
)
def test_staff_are_a_party(text, subject):
    """新入职员工应当…接受…培训: the new staff must be trained. 职工 was a party's name, 员工 was
    not, so the duty had no one to do it."""
    assert extract(text)[0].subject == subject


@pytest.mark.parametrize(
    "text",
    [
        "违反本办法第三条规定的，由城市管理部门责令限期改正；逾期不改正的，处5000元以上3万元以下罚款。",
        "由城市管理部门责令限期改正；逾期不改正的，可以处5000元罚款。",
    ],
)
def test_a_fine_after_a_semicolon_is_the_same_authority_s(text):
    """…由城市管理部门责令限期改正；逾期不改正的，处…罚款: the department fines too (GUIDE 1.3: a
    sanction is the imposing authority's). After a semicolon, a case and then 处…
    named no one, so the fine was nobody's to impose; with a comma it was the department's."""
    order, fine = extract(text)
    assert fine.subject == order.subject == "城市管理部门"


@pytest.mark.parametrize(
    ("text", "case"),
    [
        ("每日22时后，禁止进行产生噪声的施工作业。", "每日22时后"),
        ("22时以后应当停止营业。", "22时以后"),
        ("每日8时前，应当完成清扫。", "每日8时前"),
        ("电子显示屏亮度应当符合国家标准，夜间22时后应当关闭或者降低亮度。", "夜间22时后"),
        ("施工单位应当文明施工，每日22时后，禁止进行产生噪声的施工作业。", "每日22时后"),
    ],
)
def test_from_an_hour_of_the_day_is_a_case(text, case):
    """每日22时后，禁止…施工作业: the ban holds from ten at night. An hour of the day then 后 or 前
    was no case, so the ban held all day (or, after 夜间, only "at night", the hour dropped)."""
    r = extract(text)[-1]
    assert (r.applies_when.text, r.value) == (case, None)


def test_a_limit_at_night_is_still_the_night_s():
    """噪声排放限值昼间70分贝，夜间55分贝: the hours each limit is for (the guard)."""
    assert [r.applies_when.text for r in extract("噪声排放限值昼间70分贝，夜间55分贝。")] == [
        "昼间",
        "夜间",
    ]


@pytest.mark.parametrize(
    ("text", "case"),
    [
        ("禁养区内不得新建畜禽养殖场。", "禁养区内"),
        ("禁养区内，不得新建畜禽养殖场。", "禁养区内"),
        ("饮用水水源一级保护区内禁止新建与供水设施无关的建设项目。", "饮用水水源一级保护区内"),
        ("城市建成区内禁止燃放烟花爆竹。", "城市建成区内"),
        # guard: with 在 and a comma (as before)
        ("在禁止燃放区域内，任何单位和个人不得燃放烟花爆竹。", "在禁止燃放区域内"),
    ],
)
def test_a_zone_opening_the_sentence_is_where_the_duty_holds(text, case):
    """禁养区内不得新建畜禽养殖场: no new farms in the no-farming zone. A zone was a case only after
    在 and before a comma, so the ban held everywhere."""
    assert extract(text)[0].applies_when.text == case


def test_where_the_whole_text_holds_is_no_case():
    """本市行政区域内，燃气经营企业应当遵守本办法: the text's own reach (the guard)."""
    (r,) = extract("本市行政区域内，燃气经营企业应当遵守本办法。")
    assert (r.applies_when, r.subject) == (None, "燃气经营企业")
