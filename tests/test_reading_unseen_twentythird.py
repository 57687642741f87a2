"""A twenty-third round of the reading, found by probing it with clauses written for the
purpose (never from the bundled gazettes): labour dispatch, housing funds, ride hailing, cold
stores, tutoring, internet cafés, driving schools, markets, travel agencies, kindergartens,
slaughterhouses, boilers, medical waste, water works, gas cylinders, tailings dams, grain
stores and school canteens. Each case is a clear error a probe found, read as GUIDE.md
(tests/data/reading_labels) says."""

from __future__ import annotations

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "classes"),
    [
        (
            "供水企业出厂水每日检测不少于1次，管网末梢水每月不少于2次。",
            ["出厂水", "管网末梢水"],
        ),
        (
            "供水企业出厂水检测每日不少于1次，管网水检测每月不少于2次。",
            ["出厂水", "管网水"],
        ),
        # (the party named a phrase before; a character doubled where class and measure meet)
        (
            "供水企业应当建立水质检测制度，出厂水水质检测每日不少于1次，管网水水质检测每月不少于2次。",
            [None, "出厂水", "管网水"],
        ),
        # guards: a class that is a party's name, and a class with no party before it (as before)
        ("县级医院急诊科医生不少于5名，乡镇卫生院不少于2名。", ["县级医院", "乡镇卫生院"]),
        (
            "主要街道垃圾滞留时间不超过30分钟，其他街道不超过1小时。",
            ["主要街道", "其他街道"],
        ),
    ],
)
def test_a_party_named_first_is_no_part_of_the_first_class(text, classes):
    """供水企业出厂水每日检测不少于1次，管网末梢水每月…: the water works checks the water it sends
    out daily and the water at the network's ends monthly. With no modal word no one was read
    as acting, so the first class was cut inside the party's name (供水, where 水 ends the
    classes); where the classes share the check they are for (…检测), it is no part of them. Where
    class and measure meet on one character twice (出厂水水质), the first is the class's."""
    assert [r.applies_when and r.applies_when.text for r in extract(text)] == classes


@pytest.mark.parametrize(
    "text",
    [
        "县应急管理局每年对企业检查不少于1次，重点企业每半年不少于1次。",
        "县应急管理局每年对辖区企业的检查不少于1次，重点企业每半年不少于1次。",
    ],
)
def test_how_often_and_to_whom_an_authority_acts_is_no_class(text):
    """县应急管理局每年对企业检查不少于1次，重点企业每半年…: every firm yearly, the key ones twice a
    year. The words between the authority and the firms (每年对企业) were read as the first
    row's class, so the yearly check held nowhere; it is the rule for all."""
    first, second = extract(text)
    assert (first.applies_when, second.applies_when.text) == (None, "重点企业")
    assert first.subject == second.subject == "县应急管理局"


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("禁止在距离加油站50米范围内燃放烟花爆竹。", ("<=", 50, "m")),
        ("禁止在加油站周边50米范围内燃放烟花爆竹。", ("<=", 50, "m")),
        # guard: a zone with no ban before it (as before)
        ("在1公里范围内设置不少于1个网点。", ("<=", 1, "km")),
    ],
)
def test_a_zone_a_ban_holds_in_is_within_its_distance(text, zone):
    """禁止在距离加油站50米范围内燃放: the ban holds within fifty metres. The ban's word turned the
    zone's 范围内 around (as it rightly turns a distance banned into one to exceed), so the ban
    held only farther than fifty metres away."""
    r = extract(text)[0]
    when = r.applies_when
    assert (when.comparator, when.value, when.unit) == zone


def test_an_amount_banned_inside_a_zone_is_a_ceiling():
    """严禁在半径100米范围内存放超过5公斤的易燃物品: at most five kilograms there. With the zone's
    number between the ban and the amount, the ban was not seen, so storing more than five
    kilograms was what the requirement asked."""
    (r,) = extract("严禁在半径100米范围内存放超过5公斤的易燃物品。")
    assert (r.comparator, r.value, r.unit) == ("<=", 5, "kg")
    assert (r.applies_when.comparator, r.applies_when.value) == ("<=", 100)


@pytest.mark.parametrize(
    "text",
    [
        "承运人应当在约定期限内将货物运到，逾期交付的，每日按运费的5%支付违约金。",
        "承运人应当将货物运到，逾期交付的，应当支付违约金。",
        # guard: handed over, a duty of its own (as before)
        "收运单位应当将餐厨垃圾交由处置单位处置，逾期未处置的，应当报告。",
    ],
)
def test_a_duty_to_carry_something_somewhere_is_a_duty_of_its_own(text):
    """承运人应当在约定期限内将货物运到，逾期交付的，…: the carrier must deliver on time, and pays
    if late. 将 was read as leading into the next phrase's verb (运到 is in no list of verbs),
    so the delivery merged into the late case's duty, or was dropped beside its number."""
    first, second = extract(text)
    assert first.span == text.split("，")[0] and first.applies_when is None
    assert second.applies_when.text.startswith("逾期")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("房地产开发企业预售商品房，应当取得商品房预售许可证明。", "房地产开发企业"),
        ("单位和个人燃放烟花爆竹，应当遵守安全燃放规定。", "单位和个人"),
        ("共享单车运营企业投放车辆应当符合国家标准。", "共享单车运营企业"),
        (
            "生产经营单位新建、改建、扩建工程项目的安全设施，必须与主体工程同时设计、同时施工。",
            "生产经营单位",
        ),
        ("快递企业收寄快件，应当查验寄件人身份。", "快递企业"),
        # guards: a party, what it does, then its duty (as before)
        ("用人单位招用劳动者，不得扣押劳动者的居民身份证。", "用人单位"),
        ("房地产经纪机构收取的佣金应当明码标价。", "房地产经纪机构"),
    ],
)
def test_a_party_named_with_what_it_does_acts(text, subject):
    """房地产开发企业预售商品房，应当取得…许可: the developer, selling ahead, must hold the permit.
    A party and its act before the duty (企业招用职工，应当…) was read for a short list of acts;
    presale, fireworks set off, vehicles put out and works built were not in it, and the part of
    what a party builds (…工程项目的安全设施) had to follow its act right after 的."""
    (r,) = extract(text)
    assert (r.subject, r.subject_kind) == (subject, "regulated")


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("违法砍伐城市树木的，按照每株500元至2000元处以罚款。", "株"),
        ("擅自砍伐的，每棵补植费不低于300元。", "株"),
        ("未办理登记的，每只犬处200元罚款。", "只"),
        ("保障性住房每套面积不超过60平方米。", "套"),
        # guard: a head of cattle (as before)
        ("每头生猪补助不超过100元。", "头"),
    ],
)
def test_each_tree_animal_or_flat_is_what_an_amount_is_per(text, per):
    """按照每株500元至2000元处以罚款: a fine for each tree felled. 每头, 每台, 每辆 were read as
    what the amount is per, but not trees, animals or flats, so the fine read as one sum for any
    number of trees."""
    assert [r.per for r in extract(text) if r.value is not None or r.low is not None] == [per]


def test_a_speed_named_then_each_road_s_limit_is_a_class_each():
    """校车行驶速度在高速公路上不得超过80公里/小时，在其他道路上不得超过60公里/小时: each road its
    limit. 速度 was no measure's name a class may follow, so the highway's 80 held on every road
    (and the 60 on highways)."""
    found = extract(
        "校车行驶速度在高速公路上不得超过80公里/小时，在其他道路上不得超过60公里/小时。"
    )
    assert [(r.applies_when.text, r.value, r.per) for r in found] == [
        ("在高速公路上", 80, "hour"),
        ("在其他道路上", 60, "hour"),
    ]


def test_a_government_s_own_building_is_no_party_acting():
    """全面加强政府自身建设: a work report's heading, an aim. 自 was read as the word after a
    party's name (since when: 企业自…), so 全面加强政府 was an authority acting and the heading a
    duty of its own."""
    assert extract("全面加强政府自身建设。") == []


def test_a_jin_is_half_a_kilogram():
    """确保粮食总产稳定在50亿斤以上: 2.5 billion kilograms. 斤 was no unit, so the target was no
    requirement at all."""
    (r,) = extract("确保粮食总产稳定在50亿斤以上。")
    assert (r.comparator, r.value, r.unit) == (">=", 2_500_000_000, "kg")


@pytest.mark.parametrize(
    "text",
    [
        "考核结果纳入乡镇年度综合考核。",
        "考核结果列入县直部门年度考核。",
    ],
)
def test_what_is_put_into_a_party_s_account_names_no_party(text):
    """考核结果纳入乡镇年度综合考核: the results count in the townships' yearly review. The words
    up to the township (考核结果纳入乡镇) were read as a body's name, acting."""
    assert [r.subject for r in extract(text)] == [None]


def test_the_targets_after_a_dated_duty_are_due_by_its_date_up_to_the_next_date():
    """到2024年底，全市建成区黑臭水体基本消除，城市生活污水集中收集率达到70%以上；到2025年底，…
    回收利用率达到35%以上: the 70 % by the end of 2024. With 到…底 the date was read inside the
    duty's words (not as a phrase alone, as 2024年底前 is), so the target after it had no date;
    the one after the ； keeps its own."""
    found = extract(
        "到2024年底，全市建成区黑臭水体基本消除，城市生活污水集中收集率达到70%以上；"
        "到2025年底，全市城市生活垃圾回收利用率达到35%以上。"
    )
    assert [(r.value, r.due and r.due["date"]) for r in found] == [
        (None, "2024-12-31"),
        (70, "2024-12-31"),
        (35, "2025-12-31"),
    ]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("年内完成10个老旧小区改造任务，惠及居民3000户。", [10]),
        ("新建农村公路50公里，受益群众2万人。", [50]),
        # guard: a bound on the ones who benefit is a target (as before)
        ("受益群众达到2万人。", [20000]),
    ],
)
def test_whom_a_task_benefits_is_no_target(text, values):
    """年内完成10个老旧小区改造任务，惠及居民3000户: the ten estates are the task; the 3,000
    households it benefits are what the work comes to, nothing to check. It was a target of its
    own, 3000户 to reach."""
    assert [r.value for r in extract(text)] == values


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("年底前，全县80%以上的行政村完成生活垃圾分类试点。", {"rule": "year_end"}),
        # guard: a date in words before a duty of its own words (as before)
        ("本月底前，各乡镇要完成排查。", {"rule": "this_month_day", "day": 31}),
    ],
)
def test_a_date_in_words_opening_a_sentence_is_when_it_is_due(text, due):
    """年底前，全县80%以上的行政村完成…试点: by the year's end. A date written with no number was
    read as a case (the villages' share held only 'where 年底前'), so nothing was due; as
    2024年底前 is, it is the deadline."""
    (r,) = extract(text)
    assert (r.applies_when, r.due) == (None, due)


def test_a_share_names_which_ones_and_what_they_do():
    """全县80%以上的行政村完成生活垃圾分类试点: the share of villages that finish the pilot. The
    requirement's words stopped at the number (全县80%以上), so the item asked for 80 % of
    nothing named."""
    (r,) = extract("全县80%以上的行政村完成生活垃圾分类试点。")
    assert r.span == "全县80%以上的行政村完成生活垃圾分类试点"
    assert (r.comparator, r.value, r.unit) == (">=", 80, "%")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("新改建国省道100公里、农村公路800公里。", [100, 800]),
        ("改扩建中小学校15所。", [15]),
        ("续建项目40个，铺设管网30公里。", [40, 30]),
        # guard: what was built already is a report (as before)
        ("已改建农村公路800公里。", []),
    ],
)
def test_what_a_plan_rebuilds_or_lays_is_its_target(text, values):
    """新改建国省道100公里、农村公路800公里: a work report's targets. 新建 and 改造 made a task's
    amount a target, but 改建, 扩建, 续建 and 铺设 did not, so these read as no requirement."""
    assert [r.value for r in extract(text)] == values


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("积极稳妥推进农村集体产权制度改革。", 0),
        # guards: a reform of a system and its mechanisms, and a system to carry out, a duty (as
        # before)
        ("深入推进医药卫生体制机制改革。", 0),
        ("各乡镇要推进落实河长巡河制度。", 1),
    ],
)
def test_pushing_a_reform_of_a_system_is_an_aim(text, rows):
    """积极稳妥推进农村集体产权制度改革: a work report's aim, nothing to check (GUIDE 1.1). 推进
    with a concrete object (…制度, …机制) is a duty, and the reform of one was read as one."""
    assert len(extract(text)) == rows


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("培育10家10亿元以上骨干企业。", [10]),
        ("培育10亿元以上骨干企业10家。", [10]),
        ("新增10亿元以上项目5个。", [5]),
        # guard: a bound the phrase sets stays the requirement (as before)
        ("企业年产值应达到10亿元以上。", [1_000_000_000]),
    ],
)
def test_a_bound_that_names_which_ones_a_task_counts_is_no_target(text, counts):
    """培育10家10亿元以上骨干企业: ten firms, each of a billion or more. The billion was a target
    of its own (≥ 10亿元 of nothing named), and where it came first (培育10亿元以上骨干企业10家)
    the ten firms were dropped for it."""
    assert [r.value for r in extract(text)] == counts


def test_a_case_in_two_parts_joined_by_and_ending_with_when_is_one_case():
    """预测AQI日均值大于200将持续3天，且出现AQI日均值大于300时，发布橙色预警: both parts are when
    the orange alert is issued. Only …的 closed a case in two parts, so with …时 the two readings
    of the index were requirements of their own (AQI above 200 and above 300, to meet)."""
    (r,) = extract("预测AQI日均值大于200将持续3天，且出现AQI日均值大于300时，发布橙色预警。")
    assert r.span == "发布橙色预警"
    assert r.applies_when.text == "预测AQI日均值大于200将持续3天，且出现AQI日均值大于300时"


@pytest.mark.parametrize(
    ("text", "pers"),
    [
        ("城市低保标准每人每月不低于800元，农村不低于600元。", ["month", "month"]),
        ("小学生均校舍建筑面积不低于6平方米，初中不低于8平方米。", ["人", "人"]),
        # guard: each class its own denominator (as before)
        ("住宅每户不少于1个，商业每100平方米建筑面积不少于0.8个。", ["户", "m²"]),
    ],
)
def test_a_class_after_the_first_is_per_what_the_first_is(text, pers):
    """城市低保标准每人每月不低于800元，农村不低于600元: the village's 600 is a month's too. The
    class named alone (农村不低于600元) was per nothing, so a year's 600 met it."""
    assert [r.per for r in extract(text)] == pers


@pytest.mark.parametrize(
    "text",
    [
        "主要街道每日清扫不少于2次，次要街道不少于1次。",
        "其他街道每日清扫不少于1次。",
    ],
)
def test_a_street_is_no_subdistrict_acting(text):
    """主要街道每日清扫不少于2次: the main streets are swept twice a day. 街道 names a subdistrict
    office (各街道要…), so 主要街道 was an authority acting, the sweeping its duty."""
    assert all(r.subject is None for r in extract(text))


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("个人缴费比例为本人缴费工资的8%，单位缴费比例为16%。", [8, 16]),
        ("单位缴费比例为本单位工资总额的16%。", [16]),
        # guard: a rate stated bare (as before)
        ("个人缴费比例为8%。", [8]),
    ],
)
def test_a_rate_stated_as_a_share_of_its_base_is_a_standard(text, values):
    """个人缴费比例为本人缴费工资的8%: the worker pays 8 % of the wage. A rate stated bare
    (比例为8%) was kept, but with its base between (…为本人缴费工资的8%) it read as a bare number
    with no comparison and was dropped."""
    assert [r.value for r in extract(text)] == values


def test_a_change_s_words_are_no_class():
    """营业执照办理时限压缩至1个工作日，不动产登记时间压缩至3个工作日以内: two time limits cut
    down. The words before each number (压缩至) were read as classes, so each limit held only
    'where 理时限压缩至' and 'where 压缩至'."""
    found = extract("营业执照办理时限压缩至1个工作日，不动产登记时间压缩至3个工作日以内。")
    assert [(r.applies_when, r.value) for r in found] == [(None, 1), (None, 3)]


@pytest.mark.parametrize(
    ("text", "case", "subject"),
    [
        (
            "发生较大以上突发事件后，事发地乡镇应当在30分钟内电话报告县应急管理局。",
            "发生较大以上突发事件后",
            "事发地乡镇",
        ),
        # guard: a township as one class of a rate (as before)
        ("城区应达到100%，乡镇应达到90%。", "城区", None),
    ],
)
def test_the_township_where_it_happened_acts_and_is_no_class(text, case, subject):
    """发生较大以上突发事件后，事发地乡镇应当在30分钟内…报告: the township where it happened
    reports. 乡镇 ends a class's name (城区…，乡镇…), so the township acting was read as the
    class the time limit held for, in place of the event that sets it off."""
    r = extract(text)[0]
    assert (r.applies_when.text, r.subject) == (case, subject)


@pytest.mark.parametrize(
    "text",
    [
        "一次死亡3人以上10人以下，或者重伤10人以上50人以下的事故为较大事故。",
        # guard: a grade of alert, its number read as the definition's (as before)
        "预测未来3天空气质量指数日均值大于200的为Ⅲ级预警。",
    ],
)
def test_a_grade_defined_by_its_numbers_is_no_duty(text):
    """一次死亡3人以上10人以下…的事故为较大事故: what a grade of accident is (GUIDE 1.5). Its
    numbers were cases, so the sentence was left as one duty with no modal word: 'presence' of
    the definition."""
    assert extract(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "接到用户报修后，市区应当在2小时内、县城应当在4小时内到达现场。",
        "接到报修后，市区2小时内、县城4小时内到达现场。",
    ],
)
def test_each_class_s_time_limit_runs_from_the_event_before_them(text):
    """接到用户报修后，市区应当在2小时内、县城应当在4小时内到达现场: both limits run from the
    report. A class's name between the event and its limit hid the event, so the limits ran
    from nothing (a deadline with no start)."""
    assert [r.trigger for r in extract(text)] == [text.split("，")[0]] * 2


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("本次资金按照因素法分配，其中困难群众人数因素权重60%，财力因素权重20%。", 0),
        ("此次下达资金按因素法分配，人数因素占70%，绩效因素占30%。", 0),
        # guard: a standing rule of how funds are shared out is kept (as before)
        ("资金分配采用因素法，其中困难群众人数因素权重为60%。", 2),
    ],
)
def test_how_this_round_of_funds_was_shared_out_is_no_requirement(text, rows):
    """本次资金按照因素法分配，其中…权重60%: how the notice itself shared out this round of funds,
    as 现将…下达 is what it hands out (GUIDE 1.5). Each weight was a requirement to meet."""
    assert len(extract(text)) == rows


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("乡镇每半年核查一次，县民政局每年抽查比例不低于30%。", "县民政局"),
        ("乡镇（街道）每半年核查一次，县级民政部门每年抽查比例不低于30%。", "县级民政部门"),
    ],
)
def test_an_authority_s_own_rate_of_checks_is_its_duty(text, subject):
    """…，县民政局每年抽查比例不低于30%: the bureau checks at least 30 % a year. A party named
    before its rate of checks (…的企业每年检查次数不少于3次) was read as the one checked, so the
    bureau's rate fell to the township named before it."""
    assert extract(text)[-1].subject == subject


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (
            "屠宰厂应当建立检查登记制度，如实记录屠宰生猪的来源、数量等内容，记录保存期限不得少于2年。",
            [
                "屠宰厂应当建立检查登记制度",
                "如实记录屠宰生猪的来源、数量等内容",
                "记录保存期限不得少于2年",
            ],
        ),
        ("如期完成整改，整改率达到100%。", ["如期完成整改", "整改率达到100%"]),
        # guard: a noun its 的 describes, the topic of what follows (as before)
        ("承担教学任务的中小学，可适当增加编制。", ["可适当增加编制"]),
    ],
)
def test_truthfully_on_time_is_no_if(text, spans):
    """…，如实记录屠宰生猪的来源、数量等内容，记录保存期限…: to record truthfully, a duty. 如
    opening a phrase was read as "if" (如发现…), and …的…内容 as a noun its 的 describes, so the
    record was the retention's case or no row at all; 如期完成整改 was a case too."""
    found = extract(text)
    assert [r.span for r in found] == spans
    assert all(r.applies_when is None or r.applies_when.text.startswith("承担") for r in found)


def test_how_a_measure_is_taken_is_no_class():
    """劳动者每日工作时间不超过8小时、平均每周工作时间不超过44小时: two limits for every worker.
    平均 (on average) was read as the second limit's class, and so 劳动者 as the first's: each
    held only 'where 平均' or 'where 劳动者'."""
    found = extract("劳动者每日工作时间不超过8小时、平均每周工作时间不超过44小时。")
    assert [(r.applies_when, r.per, r.value) for r in found] == [
        (None, "day", 8),
        (None, "week", 44),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "最近连续3个记分周期内没有被记满12分记录。",
        "未被记满12分。",
        # guard: with no passive (as before)
        "最近连续3个记分周期内没有记满12分记录。",
    ],
)
def test_a_passive_after_the_negation_keeps_it(text):
    """…没有被记满12分记录: never reached twelve points. The passive 被 between the negation and
    记满 hid the negation, so the requirement read ≥ 12 points (what disqualifies a driver)."""
    assert [(r.comparator, r.value) for r in extract(text) if r.value is not None] == [("<", 12)]
