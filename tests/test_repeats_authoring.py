"""Repeated sections in authoring: a section filled once per instance (per depot, warehouse,
vehicle), what one is called, how an item's instances combine and the section's key in
conditions (``count(warehouses) >= 2``). The authoring service's checks, the order of keys and
conditions, versions, the JSON and Excel exchange, the API and the builder's pages.

The messages are compared with their translation (``_msg``): Chinese once the catalogue has
them, the English source until then.
"""

from __future__ import annotations

import io
import json
import re
import typing

import pytest
from flask_babel import force_locale, gettext
from openpyxl import load_workbook

from checklists.accounts.models import Role
from checklists.authoring import excel, exchange, schemas
from checklists.authoring import operations as builder
from checklists.authoring.models import (
    REPEAT_AGGREGATES,
    ChecklistTemplate,
    TemplateSection,
    item_spec,
)
from checklists.core.errors import InputError
from checklists.core.extensions import db
from checklists.demo import templates as demo_templates
from checklists.scoring import conditions
from tests import test_conditions_templates, test_templates
from tests.conftest import csrf_token, login
from tests.test_repeats import depot_spec

#: The procurement template of the demo, published, and a new draft version of it (its first
#: item, in section 0, is keyed ``amount``).
procurement = test_conditions_templates.procurement
draft = test_conditions_templates.draft
_data = test_conditions_templates._data
#: The clean-coal gazette imported.
coal = test_templates.coal

WAREHOUSES = {"repeat": True, "repeat_label": "仓库", "aggregate": "worst", "key": "warehouses"}
LATER = "“warehouses”是后面的检查项：条件只能引用前面的检查项"


def _msg(text: str, **values) -> str:
    """A message as the pages and the service word it (Chinese)."""
    with force_locale("zh"):
        return gettext(text, **values)


def _repeat(section: TemplateSection, **changes) -> None:
    builder.set_section_repeat(section, **{**WAREHOUSES, **changes})


def _fields(section: TemplateSection) -> tuple:
    return (section.repeat, section.repeat_label, section.aggregate, section.key)


def _refused(call, *args, **kwargs) -> dict[str, str]:
    """The fields a refused call names; what it changed is rolled back (to the last commit)."""
    with pytest.raises(InputError) as caught:
        call(*args, **kwargs)
    db.session.rollback()
    return caught.value.fields


# --- the authoring service ----------------------------------------------------------------------


def test_a_section_is_set_to_repeat_and_back(draft):
    section = draft.sections[1]
    assert _fields(section) == (False, "", "all", None)
    builder.set_section_repeat(
        section, repeat=True, repeat_label=" 仓库 ", aggregate=" average ", key=" warehouses "
    )
    assert _fields(section) == (True, "仓库", "average", "warehouses")
    spec = item_spec(section.items[0])
    assert (spec.repeat, spec.aggregate, spec.repeat_label) == ("warehouses", "average", "仓库")
    builder.set_section_repeat(section, repeat=False, repeat_label="", aggregate="all", key="")
    assert _fields(section) == (False, "", "all", None)
    assert item_spec(section.items[0]).repeat is None
    # a repeated section without a key: the engine groups it by its id
    builder.set_section_repeat(section, repeat=True, repeat_label="车辆", aggregate=None)
    assert _fields(section) == (True, "车辆", "all", None)
    assert item_spec(section.items[0]).repeat == f"_section{section.id}"


USED = "The key %(key)s is already used in this template."
ONLY_REPEATED = "Only a section filled once per instance has a key."
AGGREGATES = ("One of: %(allowed)s.", {"allowed": "all, average, worst"})
BAD_SETTINGS = [
    ({"repeat_label": "仓" * 41}, "repeat_label", ("At most %(n)s characters.", {"n": 40})),
    ({"aggregate": "max"}, "aggregate", AGGREGATES),
    ({"aggregate": ""}, "aggregate", AGGREGATES),
    ({"key": "2x"}, "key", conditions.PROBLEM_KEY_CHARS),
    ({"key": "仓库 甲"}, "key", conditions.PROBLEM_KEY_CHARS),
    ({"key": "count"}, "key", conditions.PROBLEM_KEY_RESERVED.format("count")),
    ({"key": "k" * 41}, "key", conditions.PROBLEM_KEY_LONG),
    ({"key": "amount"}, "key", (USED, {"key": "amount"})),  # an item's
    ({"key": "depots"}, "key", (USED, {"key": "depots"})),  # another section's
    ({"repeat": False}, "key", (ONLY_REPEATED, {})),
]  # fmt: skip


@pytest.mark.parametrize(("changes", "field", "message"), BAD_SETTINGS)
def test_bad_repeat_settings_are_refused_per_field(draft, changes, field, message):
    _repeat(draft.sections[2], key="depots")
    db.session.commit()
    section = draft.sections[1]
    before = _fields(section)
    if isinstance(message, tuple):
        message = _msg(message[0], **message[1])
    assert _refused(_repeat, section, **changes) == {field: message}
    assert _fields(db.session.get(TemplateSection, section.id)) == before


def test_a_published_sections_settings_are_frozen(procurement):
    fields = _refused(_repeat, procurement.sections[1])
    assert set(fields) == {"template"}


def test_only_the_items_after_a_repeated_section_read_its_key(draft):
    first, repeated, after = draft.sections[0], draft.sections[1], draft.sections[2]
    _repeat(repeated)
    reader = after.items[0]
    builder.update_item(reader, _data(reader, visible_when="count(warehouses) >= 2"))
    assert reader.visible_when == "count(warehouses) >= 2"
    assert builder.publication_problems(draft) == {}
    db.session.commit()
    # an item of the section, an item before it, the section's own condition: refused
    inner, before = repeated.items[1], first.items[1]
    for item in (inner, before):
        fields = _refused(builder.update_item, item, _data(item, visible_when="count(warehouses)"))
        assert fields == {"visible_when": LATER}
    refused = _refused(builder.set_section_condition, repeated, "count(warehouses) > 0")
    assert refused == {"visible_when": f"章节“{repeated.title}”的显示条件：{LATER}"}
    # an item of the section reads an earlier item of the same section (its instance's answer)
    head = repeated.items[0]
    builder.update_item(head, _data(head, key="stored"))
    builder.update_item(inner, _data(inner, visible_when='stored == "yes"'))
    assert inner.visible_when == 'stored == "yes"'
    # an item after the section cannot take the section's key
    fields = _refused(builder.update_item, reader, _data(reader, key="warehouses"))
    assert fields == {"key": "标识“warehouses”与前面的检查项重复"}


def test_changes_that_break_a_condition_on_the_sections_key_are_refused(draft):
    repeated, after = draft.sections[1], draft.sections[2]
    _repeat(repeated)
    reader = after.items[0]
    builder.update_item(reader, _data(reader, visible_when="count(warehouses) >= 2"))
    db.session.commit()
    breaks = _msg("This change breaks another condition: %(problem)s", problem="")
    for changes in ({"key": "stores"}, {"key": None}, {"repeat": False, "key": ""}):
        fields = _refused(_repeat, repeated, **changes)
        assert set(fields) == {"key"} and fields["key"].startswith(breaks), changes
        assert "没有标识为“warehouses”的检查项" in fields["key"]
    # the section moved after its reader: refused, nothing moved
    with pytest.raises(InputError) as caught:
        builder.move_section(repeated, 1)
    assert "“warehouses”是后面的检查项" in caught.value.fields["order"]
    db.session.rollback()
    # an empty repeated section whose key is read: not published, and not deleted
    empty = builder.add_section(draft, "仓库（空）")
    while draft.sections.index(empty) > 1:
        builder.move_section(empty, -1)
    builder.set_section_repeat(empty, repeat=True, key="stores")
    builder.update_item(reader, _data(reader, visible_when="count(stores) >= 1"))
    db.session.commit()
    problems = builder.publication_problems(draft)
    assert problems == {
        f"section_{empty.id}_repeat": _msg(
            "Section %(title)s is filled once per instance but has no items.", title=empty.title
        )
    }
    fields = _refused(builder.delete_section, empty)
    assert set(fields) == {"order"} and "没有标识为“stores”的检查项" in fields["order"]


def test_a_condition_written_around_the_service_is_a_publication_problem(draft):
    _repeat(draft.sections[1])
    item = draft.sections[0].items[1]
    item.visible_when = "count(warehouses) >= 1"
    draft.sections[2].key = "amount"  # a key used before, written around the service too
    db.session.flush()
    problems = builder.publication_problems(draft)
    assert problems[f"item_{item.id}_visible_when"] == f"第2项的显示条件：{LATER}"
    title = draft.sections[2].title
    assert problems[f"section_{draft.sections[2].id}_key"] == (
        f"{_msg('Section %(title)s, key: %(message)s', title=title, message='')}"
        "标识“amount”与前面的检查项重复"
    )


def test_a_new_version_copies_the_repeat_settings(draft):
    _repeat(draft.sections[1])
    builder.set_section_repeat(draft.sections[2], repeat=True, repeat_label="车辆")
    builder.confirm_items(draft, [i.id for i in draft.ordered_items()])
    builder.publish(draft, None)
    third = builder.new_version(draft, None)
    assert [_fields(s) for s in third.sections] == [_fields(s) for s in draft.sections]
    assert _fields(third.sections[1]) == (True, "仓库", "worst", "warehouses")
    assert exchange.template_to_dict(third) == exchange.template_to_dict(draft)


# --- exchange -----------------------------------------------------------------------------------


def _repeated_copy(draft: ChecklistTemplate) -> ChecklistTemplate:
    """The draft with section 1 per warehouse (keyed, read after it; its second item shown
    when the first is 是, in each instance) and section 2 per vehicle (an ordinary section keeps
    its aggregate too: section 3 averages, not repeated)."""
    _repeat(draft.sections[1])
    builder.set_section_repeat(draft.sections[2], repeat=True, repeat_label="车辆")
    builder.set_section_repeat(draft.sections[3], repeat=False, aggregate="average")
    reader = draft.sections[3].items[0]
    builder.update_item(reader, _data(reader, visible_when="count(warehouses) >= 2"))
    head, inner = draft.sections[1].items[:2]
    builder.update_item(head, _data(head, key="stored"))
    builder.update_item(inner, _data(inner, visible_when='stored == "yes"'))
    db.session.commit()
    return draft


def test_json_carries_the_repeat_settings_exactly(draft):
    template = _repeated_copy(draft)
    data = json.loads(json.dumps(exchange.template_to_dict(template)))
    sections = data["sections"]
    assert {k: sections[1][k] for k in WAREHOUSES} == WAREHOUSES
    assert (sections[2]["repeat_label"], sections[2]["key"], sections[2]["aggregate"]) == (
        "车辆",
        None,
        "all",
    )
    assert (sections[0]["repeat"], sections[3]["repeat"], sections[3]["aggregate"]) == (
        False,
        False,
        "average",
    )
    same, outcome = exchange.import_template(data, None)
    assert (same, outcome) == (template, "unchanged")
    copy, outcome = exchange.import_template({**data, "lineage": None}, None)
    assert outcome == "new"
    assert exchange.template_to_dict(copy) == {**data, "lineage": copy.lineage}
    assert [_fields(s) for s in copy.sections] == [_fields(s) for s in template.sections]
    # a file from before repeated sections: ordinary sections
    for section in data["sections"]:
        for name in ("key", "repeat", "repeat_label", "aggregate"):
            del section[name]
    data["sections"][3]["items"][0]["visible_when"] = None
    old, outcome = exchange.import_template({**data, "lineage": None}, None)
    assert outcome == "new"
    assert {_fields(s) for s in old.sections} == {(False, "", "all", None)}


def _set(section: int, **fields):
    return lambda d: d["sections"][section].update(fields)


EXPECTED_BOOL = ("Expected true or false.", {})
BAD_IMPORTS = [
    (_set(1, aggregate="max"), "sections[1].aggregate", AGGREGATES),
    (_set(1, aggregate="取最差"), "sections[1].aggregate", AGGREGATES),  # JSON: the code
    (_set(1, aggregate=["all"]), "sections[1].aggregate", AGGREGATES),
    (_set(1, repeat="yes"), "sections[1].repeat", EXPECTED_BOOL),
    (_set(1, repeat_label="仓" * 41), "sections[1].repeat_label",
     ("At most %(n)s characters.", {"n": 40})),
    (_set(1, repeat_label=3), "sections[1].repeat_label", ("Expected text.", {})),
    (_set(3, key="stores"), "sections[3].key", (ONLY_REPEATED, {})),
    (_set(1, key="9x"), "sections[1].key", "标识：" + conditions.PROBLEM_KEY_CHARS),
    (_set(1, key="amount"), "sections[1].key", "标识：标识“amount”与前面的检查项重复"),
    (_set(2, key="warehouses"), "sections[2].key", "标识：标识“warehouses”与前面的检查项重复"),
    (lambda d: d["sections"][1]["items"][0].update(visible_when="count(warehouses) > 1"),
     "sections[1].items[0].visible_when", f"显示条件：{LATER}"),
    (_set(1, visible_when="count(warehouses) > 1"), "sections[1].visible_when",
     f"显示条件：{LATER}"),
    (lambda d: d["sections"][3]["items"][1].update(key="warehouses"),
     "sections[3].items[1].key", "标识：标识“warehouses”与前面的检查项重复"),
]  # fmt: skip


@pytest.mark.parametrize(("change", "path", "message"), BAD_IMPORTS)
def test_bad_repeat_settings_on_import_name_the_field(draft, change, path, message):
    data = json.loads(json.dumps(exchange.template_to_dict(_repeated_copy(draft))))
    data["lineage"] = None
    change(data)
    with pytest.raises(InputError) as caught:
        exchange.import_template(data, None)
    if isinstance(message, tuple):
        message = _msg(message[0], **message[1])
    assert caught.value.fields[path] == message


NEW_COLUMNS = ["章节键名", "重复填写", "每份称为", "汇总方式"]


def _sheet(workbook: bytes):
    book = load_workbook(io.BytesIO(workbook))
    sheet = book["检查项"]
    header = [c.value for c in sheet[1]]
    return book, sheet, header


def _saved(book) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _read(workbook: bytes) -> dict:
    return exchange.content_to_dict(exchange.read_template_dict(excel.xlsx_to_dict(workbook)))


def test_excel_carries_the_repeat_settings_exactly(draft):
    template = _repeated_copy(draft)
    workbook = excel.template_to_xlsx(template)
    book, sheet, header = _sheet(workbook)
    assert header[-7:] == [*NEW_COLUMNS, "标识", "显示条件", "章节显示条件"]
    at = {title: header.index(title) for title in NEW_COLUMNS}
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    titles = [s.title for s in template.sections]
    by_section = {t: [r for r in rows if r[0] == t][0] for t in titles}
    shown = [[by_section[t][at[c]] for c in NEW_COLUMNS] for t in titles]
    assert shown[:4] == [
        [None, "否", None, None],
        ["warehouses", "是", "仓库", "取最差"],
        [None, "是", "车辆", "全部须合格"],
        [None, "否", None, "取平均"],
    ]
    assert _read(workbook) == exchange.template_to_dict(template)
    # the codes are read as well as the labels; an edited workbook imports
    column = at["汇总方式"] + 1
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == titles[1]:
            sheet.cell(row=row[0].row, column=column, value="average")
    back = _read(_saved(book))
    assert back["sections"][1]["aggregate"] == "average"


def test_a_workbook_from_before_repeats_still_imports(draft):
    template = _repeated_copy(draft)
    template.sections[3].items[0].visible_when = None
    db.session.flush()
    book, sheet, header = _sheet(excel.template_to_xlsx(template))
    sheet.delete_cols(header.index(NEW_COLUMNS[0]) + 1, len(NEW_COLUMNS))
    content = exchange.read_template_dict(excel.xlsx_to_dict(_saved(book)))
    assert {
        (s["repeat"], s["repeat_label"], s["aggregate"], s["key"]) for s in content["sections"]
    } == {(False, "", "all", None)}


def test_a_bad_cell_in_the_workbook_is_named(draft):
    template = _repeated_copy(draft)
    book, sheet, header = _sheet(excel.template_to_xlsx(template))
    sheet.cell(row=2, column=header.index("重复填写") + 1, value="也许")
    with pytest.raises(InputError) as caught:
        excel.xlsx_to_dict(_saved(book))
    assert caught.value.fields == {"检查项!2.section_repeat": _msg("Write 是 or 否.")}
    sheet.cell(row=2, column=header.index("重复填写") + 1, value="否")
    sheet.cell(row=2, column=header.index("汇总方式") + 1, value="取最好")
    with pytest.raises(InputError) as caught:
        exchange.read_template_dict(excel.xlsx_to_dict(_saved(book)))
    assert caught.value.fields == {"sections[0].aggregate": _msg(*AGGREGATES[:1], **AGGREGATES[1])}


def test_a_ready_made_templates_repeated_sections_round_trip(coal):
    """The depot template with its warehouses repeated (built as ``flask demo load`` builds a
    ready-made template with a section's settings) exports and imports back to the same
    content, in JSON and in Excel."""
    built = [demo_templates.build(depot_spec(), None)]
    for template in built:
        assert any(s.repeat for s in template.sections)
        data = json.loads(json.dumps(exchange.template_to_dict(template)))
        assert exchange.import_template(data, None) == (template, "unchanged")
        copy, outcome = exchange.import_template({**data, "lineage": None}, None)
        assert exchange.template_to_dict(copy) == {**data, "lineage": copy.lineage}
        assert _read(excel.template_to_xlsx(template)) == exchange.template_to_dict(template)


# --- the API ------------------------------------------------------------------------------------


def test_the_api_shows_the_repeat_settings(client, draft, make_user):
    template = _repeated_copy(draft)
    login(client, make_user("writer", role=Role.AUTHOR))
    detail = client.get(f"/api/v1/templates/{template.id}").json
    shown = [
        {k: s[k] for k in ("key", "repeat", "repeat_label", "aggregate")}
        for s in detail["sections"]
    ]
    assert shown[:4] == [
        {"key": None, "repeat": False, "repeat_label": "", "aggregate": "all"},
        WAREHOUSES,
        {"key": None, "repeat": True, "repeat_label": "车辆", "aggregate": "all"},
        {"key": None, "repeat": False, "repeat_label": "", "aggregate": "average"},
    ]
    spec = client.get("/api/v1/openapi.json").json
    section = spec["components"]["schemas"]["TemplateSection"]
    assert {"key", "repeat", "repeat_label", "aggregate"} <= set(section["properties"])
    assert {"key", "repeat", "repeat_label", "aggregate"} <= set(section["required"])
    assert typing.get_args(schemas.AggregateName) == tuple(REPEAT_AGGREGATES)


# --- the builder's pages ----------------------------------------------------------------------


def _form(section: TemplateSection, token: str, **values) -> dict[str, str]:
    prefix = f"r{section.id}-"
    data = {"csrf_token": token, "aggregate": "all", **values}
    return {f"{prefix}{name}": value for name, value in data.items()}


def test_the_builder_sets_a_section_to_repeat(client, draft, make_user):
    login(client, make_user("writer", role=Role.AUTHOR))
    edit = f"/templates/{draft.id}/edit"
    page = client.get(edit).get_data(as_text=True)
    section = draft.sections[1]
    prefix = f"r{section.id}-"
    for name in ("repeat", "repeat_label", "aggregate", "key"):
        assert f'name="{prefix}{name}"' in page, name
    [key_input] = re.findall(rf'<input[^>]* name="{prefix}key"[^>]*>', page)
    assert 'autocapitalize="off"' in key_input and 'spellcheck="false"' in key_input
    for code, label in REPEAT_AGGREGATES.items():
        assert re.search(rf'<option [^>]*value="{code}"[^>]*>{label}</option>', page), code
    action = f"/templates/{draft.id}/sections/{section.id}/repeat"
    token = csrf_token(client, edit)
    refused = client.post(
        action, data=_form(section, token, repeat="y", repeat_label="仓库", key="amount")
    )
    assert refused.status_code == 422
    text = refused.get_data(as_text=True)
    assert _msg(USED, key="amount") in text
    assert 'value="仓库"' in text  # the form as sent, to correct
    bad = client.post(action, data=_form(section, token, repeat="y", aggregate="max"))
    assert bad.status_code == 422
    assert _msg("One of: %(allowed)s.", allowed="all, average, worst") in bad.get_data(as_text=True)
    expired = client.post(action, data=_form(section, "stale", repeat="y"))
    assert expired.status_code == 400  # the app's CSRF protection
    saved = client.post(
        action,
        data=_form(section, token, repeat="y", repeat_label="仓库", aggregate="worst", key="wh"),
    )
    assert saved.status_code == 302 and saved.location.endswith(f"#s{section.id}")
    db.session.remove()
    stored = db.session.get(TemplateSection, section.id)
    assert _fields(stored) == (True, "仓库", "worst", "wh")
    note = _msg("Filled once per %(label)s (%(aggregate)s)", label="仓库", aggregate="取最差")
    for url in (edit, f"/templates/{draft.id}/preview", f"/templates/{draft.id}"):
        assert note in client.get(url).get_data(as_text=True), url
    # the settings form shows what is stored
    page = client.get(edit).get_data(as_text=True)
    [label_input] = re.findall(rf'<input[^>]* name="{prefix}repeat_label"[^>]*>', page)
    assert 'value="仓库"' in label_input
    assert re.search(
        rf'<input[^>]*checked[^>]* name="{prefix}repeat"|name="{prefix}repeat"[^>]*checked', page
    )
    # unticked: an ordinary section again (the key cleared with it)
    again = client.post(action, data=_form(section, token, repeat_label="仓库"))
    assert again.status_code == 302
    db.session.remove()
    assert _fields(db.session.get(TemplateSection, section.id)) == (False, "仓库", "all", None)


def test_the_preview_scores_a_repeated_section_as_one_instance(client, draft, make_user):
    template = _repeated_copy(draft)
    login(client, make_user("writer", role=Role.AUTHOR))
    url = f"/templates/{template.id}/preview"
    token = csrf_token(client, url)
    first = template.ordered_items()[0]
    item = template.sections[1].items[0]
    assert item.answer_type == "yes_no"
    tried = client.post(
        url, data={"csrf_token": token, f"a{first.id}": "5000000", f"a{item.id}": "no"}
    )
    assert tried.status_code == 200
    text = tried.get_data(as_text=True)
    assert re.search(rf'<div class="item result-fail" id="i{item.id}">', text)
    inner = template.sections[1].items[1]
    assert re.search(rf'<div class="item result-na" id="i{inner.id}">', text)  # 是 not answered
