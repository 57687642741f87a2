"""Checklist template pages: list, view, draft from clauses, builder, preview, publish,
new version, JSON and Excel export and import."""

from __future__ import annotations

import json
import unicodedata
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf.csrf import validate_csrf
from wtforms import ValidationError

from checklists import scoring
from checklists.accounts.models import OrgKind, Role
from checklists.accounts.permissions import role_required
from checklists.authoring import (
    checking,
    excel,
    exchange,
    labels,
    operations,
    visibility,
    widgets,
    wording,
)
from checklists.authoring.forms import (
    METHOD_LABELS,
    SEVERITY_SHORT,
    STATUS_LABELS,
    AddItemForm,
    BlankForm,
    DocumentSearchForm,
    DraftForm,
    ImportTemplateForm,
    ItemForm,
    MetaForm,
    SectionConditionForm,
    SectionForm,
    SectionRepeatForm,
)
from checklists.authoring.models import (
    REPEAT_AGGREGATES,
    ChecklistTemplate,
    ScoringMethod,
    TemplateItem,
    TemplateSection,
    TemplateStatus,
    repeat_key,
)
from checklists.authoring.permissions import visible_templates
from checklists.core import subsup
from checklists.core.clock import local_today
from checklists.core.errors import InputError
from checklists.core.extensions import db
from checklists.core.schemas import query_id
from checklists.scoring import conditions
from checklists.standards.models import Clause, Document
from checklists.standards.services import clauses_with_requirements

bp = Blueprint("templates", __name__, url_prefix="/templates")

VERDICT_LABELS = {**labels.VERDICT_LABELS, None: "—"}


@bp.app_context_processor
def _labels() -> dict[str, Any]:
    return {
        "answer_type_labels": widgets.ANSWER_TYPE_LABELS,
        "severity_labels": SEVERITY_SHORT,
        "status_labels": STATUS_LABELS,
        "method_labels": METHOD_LABELS,
        "result_labels": labels.RESULT_LABELS,
        "verdict_labels": VERDICT_LABELS,
        "aggregate_labels": REPEAT_AGGREGATES,
    }


@bp.app_template_filter("number")
def _number_filter(value) -> str:
    return "" if value is None else wording.dec(Decimal(value))


@bp.app_template_filter("condition_text")
def _condition_text(text: str | None, labels: dict[str, str] | None = None) -> str:
    """A visibility condition in Chinese, items named by ``labels`` (key → prompt); as typed
    when it does not parse (a draft's, before it is corrected)."""
    if not text:
        return ""
    try:
        return conditions.describe(text, labels)
    except conditions.ConditionError:
        return text


@bp.app_template_filter("rule_label")
def _rule_label_filter(item) -> str:
    return widgets.rule_label(item.rule or {}, item.answer_type)


def _template_or_404(template_id: int) -> ChecklistTemplate:
    template = db.session.scalar(visible_templates().where(ChecklistTemplate.id == template_id))
    if template is None:
        abort(404)
    return template


def _draft_or_404(template_id: int) -> ChecklistTemplate:
    template = _template_or_404(template_id)
    if not template.is_draft:
        flash(_("A published template cannot be changed; make a new draft version."), "error")
        abort(redirect(url_for("templates.show", template_id=template.id)))
    return template


def _item_or_404(template: ChecklistTemplate, item_id: int) -> TemplateItem:
    item = db.session.get(TemplateItem, item_id)
    if item is None or item.template_id != template.id:
        abort(404)
    return item


def _section_or_404(template: ChecklistTemplate, section_id: int) -> TemplateSection:
    section = db.session.get(TemplateSection, section_id)
    if section is None or section.template_id != template.id:
        abort(404)
    return section


def _flash_errors(exc: InputError) -> None:
    for message in exc.fields.values():
        flash(message, "error")


# --- list and view ------------------------------------------------------------------------------


@bp.route("/")
@login_required
def index():
    show_all = request.args.get("all") == "1"
    query = visible_templates()
    if not show_all:
        query = query.where(ChecklistTemplate.status != TemplateStatus.SUPERSEDED)
    templates = db.session.scalars(
        query.options(
            sa.orm.selectinload(ChecklistTemplate.sections).selectinload(TemplateSection.items)
        ).order_by(ChecklistTemplate.name, ChecklistTemplate.version.desc())
    ).all()
    return render_template("checklists/index.html", templates=templates, show_all=show_all)


@bp.route("/<int:template_id>")
@login_required
def show(template_id: int):
    template = _template_or_404(template_id)
    versions = db.session.scalars(
        visible_templates()
        .where(ChecklistTemplate.lineage == template.lineage)
        .order_by(ChecklistTemplate.version)
    ).all()
    today = local_today()
    return render_template(
        "checklists/show.html",
        template=template,
        condition_labels=template.condition_labels(),
        versions=versions,
        today=today,
        expired=operations.expired_items(template, today),
        problems=operations.publication_problems(template) if template.is_draft else {},
        draft=operations.draft_of(template) if not template.is_draft else None,
    )


# --- drafting -----------------------------------------------------------------------------------


def _authorities_only(clause: Clause) -> bool:
    """The clause only states duties of authorities (drafted only when the author asks)."""
    duties = clause.requirements
    return bool(duties) and all(operations.is_authority(r) for r in duties)


#: Brackets typed one way and printed another (〔2016〕, [2016], （2016）): the search ignores them.
_BRACKETS = str.maketrans("", "", "〔〕［］[]【】（）()")


def search_key(*texts: str | None) -> str:
    """Text as the document picker matches it: NFKC, lower case, without spaces or brackets
    (``static/js/authoring.js`` normalises what is typed the same way)."""
    text = unicodedata.normalize("NFKC", " ".join(t for t in texts if t))
    return "".join(text.lower().split()).translate(_BRACKETS)


def _document_rows(documents: list[Document], q: str) -> list[tuple[Document, str, bool]]:
    """(document, its search key, matches ``q``: every word of it in the key) per document."""
    terms = [search_key(word) for word in q.split()]
    rows = []
    for d in documents:
        key = search_key(d.number, d.title, d.issuer)
        rows.append((d, key, all(term in key for term in terms)))
    return rows


@bp.route("/new", methods=["GET", "POST"])
@role_required(Role.AUTHOR)
def new():
    """Pick a document (GET ?document_id=), then clauses, and draft; or start empty."""
    documents = db.session.scalars(
        sa.select(Document).where(Document.is_current).order_by(Document.number, Document.id)
    ).all()
    document = None
    document_id = query_id(request.values.get("document_id"))
    if document_id is not None:
        document = db.session.get(Document, document_id)
        if document is None:
            abort(404)
    search = DocumentSearchForm(request.args)
    q = (search.q.data or "").strip() if search.validate() else ""
    form = DraftForm(prefix="draft")
    blank = BlankForm(prefix="blank")
    clauses: list[Clause] = []
    pickable: dict[int, Clause] = {}
    if document is not None:
        clauses = clauses_with_requirements(document)
        pickable = {c.id: c for c in clauses if c.requirements or c.parent_id}
        form.clause_ids.choices = [(c.id, c.key) for c in pickable.values()]
        if not form.name.data and request.method == "GET":
            form.name.data = f"{document.title}检查表"[:200]
    status = 200
    if document is not None and form.submit.data and form.validate_on_submit():
        picked = [c for c in clauses if c.id in set(form.clause_ids.data or [])]
        try:
            template = operations.draft_template(
                form.name.data,
                current_user,
                document=None if picked else document,
                clauses=picked,
                org_kind=OrgKind(form.org_kind.data) if form.org_kind.data else None,
                every_leaf=form.every_leaf.data,
                include_authority=form.include_authority.data,
            )
        except InputError as exc:
            db.session.rollback()
            _flash_errors(exc)
            status = 422
        else:
            db.session.commit()
            flash(
                _(
                    "Drafted %(n)s items. Check them before publishing.",
                    n=len(template.ordered_items()),
                ),
                "success",
            )
            return redirect(url_for("templates.edit", template_id=template.id))
    elif blank.submit.data and blank.validate_on_submit():
        template = operations.create_template(
            blank.name.data,
            current_user,
            org_kind=OrgKind(blank.org_kind.data) if blank.org_kind.data else None,
        )
        template.sections.append(TemplateSection(title="检查项", position=0))
        db.session.commit()
        return redirect(url_for("templates.edit", template_id=template.id))
    elif request.method == "POST":
        status = 422
    return (
        render_template(
            "checklists/new.html",
            documents=_document_rows(documents, q),
            document=document,
            search=search,
            q=q,
            form=form,
            pickable=pickable,
            authorities_only={i for i, c in pickable.items() if _authorities_only(c)},
            blank=blank,
        ),
        status,
    )


# --- the builder --------------------------------------------------------------------------------


def _repeat_form(section: TemplateSection) -> SectionRepeatForm:
    """A section's repeat settings as stored."""
    return SectionRepeatForm(
        prefix=f"r{section.id}",
        data={
            "repeat": section.repeat,
            "repeat_label": section.repeat_label or "",
            "aggregate": section.aggregate or "all",
            "key": section.key or "",
        },
    )


def _builder_page(
    template: ChecklistTemplate,
    meta: MetaForm | None = None,
    status: int = 200,
    repeat_forms: dict[int, SectionRepeatForm] | None = None,
):
    """The builder; ``repeat_forms``: a section's repeat form as the author sent it (with the
    reasons it was refused), instead of the stored settings."""
    if meta is None:
        meta = MetaForm(
            data={
                "name": template.name,
                "description": template.description,
                "org_kind": str(template.org_kind or ""),
                "method": str(template.method),
                "grade_bands": excel.bands_text(template.grade_bands or operations.default_bands()),
            }
        )
    add_item = AddItemForm(prefix="add")
    add_item.section_id.choices = [(s.id, s.title) for s in template.sections]
    keys = sorted(
        {
            c.key
            for c in db.session.scalars(
                sa.select(Clause)
                .join(Document)
                .where(Document.is_current, Document.number.in_(template.document_numbers()))
            )
        }
    )
    return (
        render_template(
            "checklists/edit.html",
            template=template,
            meta=meta,
            section_form=SectionForm(prefix="section"),
            section_conditions={
                s.id: SectionConditionForm(
                    prefix=f"s{s.id}", data={"visible_when": s.visible_when or ""}
                )
                for s in template.sections
            },
            section_repeats={
                s.id: (repeat_forms or {}).get(s.id) or _repeat_form(s) for s in template.sections
            },
            condition_labels=template.condition_labels(),
            add_item=add_item,
            clause_keys=keys,
            today=local_today(),
            problems=operations.publication_problems(template),
            readings=checking.readings(template),
            unconfirmed=operations.unconfirmed_items(template),
        ),
        status,
    )


def _builder_error(exc: InputError, template_id: int):
    """Undo the failed change and show the builder again with the reasons."""
    db.session.rollback()
    _flash_errors(exc)
    return _builder_page(db.session.get(ChecklistTemplate, template_id), status=422)


@bp.route("/<int:template_id>/edit", methods=["GET", "POST"])
@role_required(Role.AUTHOR)
def edit(template_id: int):
    template = _draft_or_404(template_id)
    if request.method == "GET":
        return _builder_page(template)
    meta = MetaForm()
    if meta.validate_on_submit():
        try:
            operations.update_template(
                template,
                name=meta.name.data,
                description=meta.description.data or "",
                org_kind=OrgKind(meta.org_kind.data) if meta.org_kind.data else None,
                method=ScoringMethod(meta.method.data),
                grade_bands=excel.bands_from_text(meta.grade_bands.data),
            )
        except InputError as exc:
            db.session.rollback()
            for name, message in exc.fields.items():
                getattr(meta, name, meta.name).errors = [message]
            return _builder_page(db.session.get(ChecklistTemplate, template_id), meta, 422)
        db.session.commit()
        flash(_("Saved."), "success")
        return redirect(url_for("templates.edit", template_id=template.id))
    return _builder_page(template, meta, 422)


@bp.route("/<int:template_id>/sections", methods=["POST"])
@role_required(Role.AUTHOR)
def section_add(template_id: int):
    template = _draft_or_404(template_id)
    form = SectionForm(prefix="section")
    try:
        if not form.validate_on_submit():
            raise InputError({"title": _("Give the section a title.")})
        operations.add_section(template, form.title.data)
    except InputError as exc:
        return _builder_error(exc, template_id)
    db.session.commit()
    return redirect(url_for("templates.edit", template_id=template.id))


SECTION_ACTIONS = {"up", "down", "delete", "rename", "condition", "repeat"}


@bp.route("/<int:template_id>/sections/<int:section_id>/<action>", methods=["POST"])
@role_required(Role.AUTHOR)
def section_action(template_id: int, section_id: int, action: str):
    template = _draft_or_404(template_id)
    section = _section_or_404(template, section_id)
    if action not in SECTION_ACTIONS:
        abort(404)
    if action == "repeat":
        return _section_repeat(template, section)
    try:
        if action in ("up", "down"):
            operations.move_section(section, -1 if action == "up" else 1)
        elif action == "delete":
            operations.delete_section(section)
        elif action == "condition":
            form = SectionConditionForm(prefix=f"s{section.id}")
            if not form.validate_on_submit():
                raise InputError({"visible_when": _("The form expired; try again.")})
            operations.set_section_condition(section, form.visible_when.data)
        else:
            operations.rename_section(section, request.form.get("title", ""))
    except InputError as exc:
        return _builder_error(exc, template_id)
    db.session.commit()
    return redirect(url_for("templates.edit", template_id=template.id, _anchor=f"s{section.id}"))


def _section_repeat(template: ChecklistTemplate, section: TemplateSection):
    """Save a section's repeat settings from its form; refused: the builder again, the form as
    sent with the reasons at its fields (and flashed, each named by its field)."""
    form = SectionRepeatForm(prefix=f"r{section.id}")
    try:
        if not form.validate_on_submit():
            raise InputError({"repeat": _("The form expired; try again.")})
        operations.set_section_repeat(
            section,
            repeat=form.repeat.data,
            repeat_label=form.repeat_label.data,
            aggregate=form.aggregate.data,
            key=form.key.data,
        )
    except InputError as exc:
        db.session.rollback()
        for name, message in exc.fields.items():
            field = getattr(form, name, form.repeat)
            field.errors = [*field.errors, message]
            flash(f"{field.label.text}：{message}", "error")
        template = db.session.get(ChecklistTemplate, template.id)
        return _builder_page(template, status=422, repeat_forms={section.id: form})
    db.session.commit()
    return redirect(url_for("templates.edit", template_id=template.id, _anchor=f"s{section.id}"))


@bp.route("/<int:template_id>/items", methods=["POST"])
@role_required(Role.AUTHOR)
def item_add(template_id: int):
    template = _draft_or_404(template_id)
    form = AddItemForm(prefix="add")
    form.section_id.choices = [(s.id, s.title) for s in template.sections]
    try:
        if not form.validate_on_submit():
            raise InputError({"clause_key": _("Choose a section and give a clause key.")})
        key = form.clause_key.data.strip()
        clause = operations.current_clause(key)
        if clause is None:
            raise InputError(
                {"clause_key": _("No clause has the key %(key)s (current versions).", key=key)}
            )
        item = operations.add_item(_section_or_404(template, form.section_id.data), clause)
    except InputError as exc:
        return _builder_error(exc, template_id)
    db.session.commit()
    return redirect(url_for("templates.item", template_id=template.id, item_id=item.id))


ITEM_ACTIONS = {"up", "down", "split", "delete", "confirm"}


@bp.route("/<int:template_id>/items/<int:item_id>/<action>", methods=["POST"])
@role_required(Role.AUTHOR)
def item_action(template_id: int, item_id: int, action: str):
    template = _draft_or_404(template_id)
    item = _item_or_404(template, item_id)
    if action not in ITEM_ACTIONS:
        abort(404)
    target = item.id
    try:
        if action in ("up", "down"):
            operations.move_item(item, -1 if action == "up" else 1)
        elif action == "split":
            target = operations.split_item(item).id
            flash(_("The item was split in two; edit each part."), "success")
        elif action == "confirm":
            operations.confirm_item(item, current_user)
            rows = template.ordered_items()
            after = rows[rows.index(item) + 1 :] + rows  # on to the next item still to check
            target = next((i.id for i in after if not i.confirmed), item.id)
            flash(_("Confirmed %(n)s items.", n=1), "success")
        else:
            operations.delete_item(item)
    except InputError as exc:  # a move or deletion that would break a condition
        return _builder_error(exc, template_id)
    db.session.commit()
    return redirect(url_for("templates.edit", template_id=template.id, _anchor=f"i{target}"))


@bp.route("/<int:template_id>/confirm", methods=["POST"])
@role_required(Role.AUTHOR)
def confirm(template_id: int):
    """Confirm several drafted items in one step: the ticked ones (``item_ids``) or, with
    ``scope=all``, every item not confirmed yet."""
    template = _draft_or_404(template_id)
    if request.form.get("scope") == "all":
        ids = [item.id for item in operations.unconfirmed_items(template)]
        if not ids:
            flash(_("Every item is confirmed already."), "success")
            return redirect(url_for("templates.edit", template_id=template.id))
    else:
        ids = [i for i in map(query_id, request.form.getlist("item_ids")) if i is not None]
    try:
        done = operations.confirm_items(template, ids, current_user)
    except InputError as exc:
        return _builder_error(exc, template_id)
    db.session.commit()
    flash(_("Confirmed %(n)s items.", n=len(done)), "success")
    return redirect(url_for("templates.edit", template_id=template.id))


@bp.route("/<int:template_id>/merge", methods=["POST"])
@role_required(Role.AUTHOR)
def merge(template_id: int):
    template = _draft_or_404(template_id)
    ids = [i for i in map(query_id, request.form.getlist("item_ids")) if i is not None]
    items = [_item_or_404(template, i) for i in ids]
    by_order = {item.id: n for n, item in enumerate(template.ordered_items())}
    items.sort(key=lambda i: by_order[i.id])
    try:
        merged = operations.merge_items(items)
    except InputError as exc:
        return _builder_error(exc, template_id)
    db.session.commit()
    flash(_("Merged %(n)s items.", n=len(items)), "success")
    return redirect(url_for("templates.edit", template_id=template.id, _anchor=f"i{merged.id}"))


# --- one item -----------------------------------------------------------------------------------


def item_form_data(item: TemplateItem) -> dict[str, Any]:
    """The item form filled from ``item`` (the rule fields by its answer type's adapter)."""
    return {
        "section_id": item.section_id,
        "prompt": item.prompt,
        "guidance": item.guidance,
        "answer_type": item.answer_type,
        **widgets.rule_form_data(item.answer_type, item.rule or {}),
        "weight": wording.dec(item.weight),
        "severity": str(item.severity),
        "na_allowed": item.na_allowed,
        "required": item.required,
        "scored": item.scored,
        "valid_from": item.valid_from,
        "valid_to": item.valid_to,
        "validity_confirmed": item.validity_confirmed,
        "validity_note": item.validity_note,
        "key": item.key or "",
        "visible_when": item.visible_when or "",
    }


def rule_layout(answer_type: str | None) -> dict[str, Any]:
    """What the item form shows of the rule for ``answer_type``: its fields and help first; the
    fields of the other types folded below (usable without JavaScript, which shows only the
    fields of the type chosen), each with the types that use it."""
    widget = widgets.widget_for(answer_type)
    types = widgets.field_types()
    return {
        "type": answer_type,
        "helps": {name: w.help for name, w in widgets.WIDGETS.items()},
        "fields": [name for name in widgets.RULE_FIELDS if name in widget.fields],
        "others": [name for name in widgets.RULE_FIELDS if name not in widget.fields],
        "order": {name: n for n, name in enumerate(widgets.RULE_FIELDS)},
        "types": {name: " ".join(kinds) for name, kinds in types.items()},
        "type_labels": {
            name: " / ".join(str(widgets.ANSWER_TYPE_LABELS[k]) for k in kinds)
            for name, kinds in types.items()
        },
        "op": widgets.OP_FIELDS,
    }


#: operations.update_item error keys → form fields.
ERROR_FIELDS = {
    "rule_op": "op",
    "rule_value": "value",
    "rule_low": "low",
    "rule_high": "high",
    "rule_unit": "unit",
    "rule_choices": "choices",
    "rule_parts": "parts",
    "section": "section_id",
}


@bp.route("/<int:template_id>/items/<int:item_id>", methods=["GET", "POST"])
@role_required(Role.AUTHOR)
def item(template_id: int, item_id: int):
    template = _draft_or_404(template_id)
    item = _item_or_404(template, item_id)
    form = ItemForm(data=item_form_data(item) if request.method == "GET" else None)
    form.section_id.choices = [(s.id, s.title) for s in template.sections]
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            data = {name: getattr(form, name).data for name in form.data}
            data["rule"] = widgets.rule_from_form(form, item.rule or {})
            data["section"] = _section_or_404(template, form.section_id.data)
            try:
                operations.update_item(item, data)
            except InputError as exc:
                db.session.rollback()
                item = _item_or_404(db.session.get(ChecklistTemplate, template_id), item_id)
                for key, message in exc.fields.items():
                    name = ERROR_FIELDS.get(key, key.removeprefix("rule_"))
                    target = getattr(form, name, None) or form.prompt
                    target.errors = [*target.errors, message]
            else:
                db.session.commit()
                flash(_("Saved."), "success")
                return redirect(
                    url_for("templates.edit", template_id=template_id, _anchor=f"i{item_id}")
                )
        status = 422
    template = item.section.template
    reading = checking.readings(template).get(item.id)
    applies = reading.requirement.applies_when if reading and reading.requirement else None
    return render_template(
        "checklists/item.html",
        template=template,
        item=item,
        form=form,
        rule=rule_layout(form.answer_type.data),
        applies_when=reading.condition if reading else None,
        suggested=visibility.suggested_condition(item, applies),
        condition_labels=template.condition_labels(),
    ), status


# --- preview and trial scoring ------------------------------------------------------------------


def _one_instance_each(
    template: ChecklistTemplate, answers: dict[Any, Any]
) -> tuple[dict[Any, Any], dict[str, list[tuple[str, str]]]]:
    """The preview's answers with each repeated section filled once: its items' answers keyed
    ``(item id, "1")``, the instance named as the filling page names the first one."""
    instances: dict[str, list[tuple[str, str]]] = {}
    out = dict(answers)
    for section in template.sections:
        if not section.repeat:
            continue
        noun = section.repeat_label or _("Instance")
        instances[repeat_key(section)] = [("1", f"{noun} 1")]
        for item in section.items:
            if item.id in out:
                out[(item.id, "1")] = out.pop(item.id)
    return out, instances


@bp.route("/<int:template_id>/preview", methods=["GET", "POST"])
@login_required
def preview(template_id: int):
    """The template as the phone shows it; answering and pressing 试算 scores the answers."""
    template = _template_or_404(template_id)
    summary = None
    errors: dict[int, str] = {}
    status = 200
    if request.method == "POST":
        try:
            validate_csrf(request.form.get("csrf_token"))
        except ValidationError:
            abort(400)
        answers, errors = widgets.answers_from_form(template, request.form)
        if errors:
            status = 422
        else:
            answers, instances = _one_instance_each(template, answers)
            summary = scoring.score(
                operations.template_spec(template),
                answers,
                as_of=local_today(),
                **({"instances": instances} if instances else {}),
            )
    return (
        render_template(
            "checklists/preview.html",
            template=template,
            condition_labels=template.condition_labels(),
            summary=summary,
            errors=errors,
            values=request.form,
            today=local_today(),
        ),
        status,
    )


# --- publishing and versions --------------------------------------------------------------------


@bp.route("/<int:template_id>/publish", methods=["GET", "POST"])
@role_required(Role.AUTHOR)
def publish(template_id: int):
    """GET: what publishing does and what still stops it, with the button that confirms it;
    POST with ``confirm=yes``: publish (without it: back to the question)."""
    template = _draft_or_404(template_id)
    if request.method == "GET":
        return render_template(
            "checklists/publish.html",
            template=template,
            problems=operations.publication_problems(template),
        )
    if request.form.get("confirm") != "yes":
        return redirect(url_for("templates.publish", template_id=template.id))
    try:
        operations.publish(template, current_user)
    except InputError as exc:
        db.session.rollback()
        _flash_errors(exc)
        return redirect(url_for("templates.edit", template_id=template_id))
    db.session.commit()
    flash(_("Published version %(v)s.", v=template.version), "success")
    return redirect(url_for("templates.show", template_id=template.id))


@bp.route("/<int:template_id>/new-version", methods=["POST"])
@role_required(Role.AUTHOR)
def new_version(template_id: int):
    template = _template_or_404(template_id)
    draft = operations.new_version(template, current_user)
    db.session.commit()
    return redirect(url_for("templates.edit", template_id=draft.id))


# --- export and import --------------------------------------------------------------------------


def _filename(template: ChecklistTemplate, suffix: str) -> str:
    return f"template-{template.lineage[:8]}-v{template.version}.{suffix}"


@bp.route("/<int:template_id>/export.json")
@login_required
def export_json(template_id: int):
    template = _template_or_404(template_id)
    body = json.dumps(exchange.template_to_dict(template), ensure_ascii=False, indent=2)
    return Response(
        body,
        mimetype="application/json",
        headers={"Content-Disposition": f"attachment; filename={_filename(template, 'json')}"},
    )


@bp.route("/<int:template_id>/clauses.json")
@login_required
def clauses_json(template_id: int):
    """Item id → the clause text it is judged against: the filling page shows a quote on a tap
    from this file, which the phone keeps (a published version never changes). Under ``html``,
    item id → the text as HTML (escaped, sub- and superscripts as <sub>/<sup>) for the texts
    that have any: the page shows that one where it is given."""
    template = _template_or_404(template_id)
    items = template.ordered_items()
    texts: dict[str, Any] = {str(i.id): i.clause_text for i in items}
    texts["html"] = {
        str(i.id): str(subsup.to_html(i.clause_text))
        for i in items
        if subsup.has_scripts(i.clause_text)
    }
    response = jsonify(texts)
    response.headers["Cache-Control"] = (
        "no-cache" if template.is_draft else "private, max-age=604800, immutable"
    )
    return response


@bp.route("/<int:template_id>/export.xlsx")
@login_required
def export_xlsx(template_id: int):
    template = _template_or_404(template_id)
    return Response(
        excel.template_to_xlsx(template),
        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f"attachment; filename={_filename(template, 'xlsx')}"},
    )


def read_upload(filename: str, data: bytes) -> dict[str, Any]:
    """A template dict from an uploaded .json or .xlsx file."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        return excel.xlsx_to_dict(data)
    if name.endswith(".json"):
        try:
            return json.loads(data.decode("utf-8-sig"))
        # RecursionError: nested deeper than the parser goes ("[" * 100_000)
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise InputError({"file": _("This is not valid JSON.")}) from exc
    raise InputError({"file": _("Upload a .json or .xlsx file.")})


@bp.route("/import", methods=["GET", "POST"])
@role_required(Role.AUTHOR)
def import_file():
    form = ImportTemplateForm()
    if form.validate_on_submit():
        upload = form.file.data
        try:
            data = read_upload(upload.filename or "", upload.read())
            template, outcome = exchange.import_template(data, current_user)
        except InputError as exc:
            db.session.rollback()
            form.file.errors = [*form.file.errors, *(f"{k}: {v}" for k, v in exc.fields.items())]
        else:
            db.session.commit()
            messages = {
                "new": _("Imported as a new draft."),
                "new_version": _("Imported as draft version %(v)s.", v=template.version),
                "unchanged": _("Nothing changed: the latest version has the same content."),
            }
            flash(messages[outcome], "success")
            return redirect(url_for("templates.show", template_id=template.id))
    status = 422 if request.method == "POST" else 200
    return render_template("checklists/import.html", form=form), status
