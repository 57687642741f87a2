"""The template author's page for items whose source clause changed, went away, was repealed or
expired: each flag with the clause's old and new words, and one step to re-point or confirm."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from checklists.authoring import provenance
from checklists.authoring.forms import BlankForm
from checklists.authoring.models import ChecklistTemplate
from checklists.authoring.permissions import can_edit, visible_templates
from checklists.core.errors import InputError
from checklists.core.extensions import db

bp = Blueprint("template_sources", __name__, url_prefix="/templates")


def _template_or_404(template_id: int) -> ChecklistTemplate:
    template = db.session.scalar(visible_templates().where(ChecklistTemplate.id == template_id))
    if template is None:
        abort(404)
    if not can_edit():
        abort(403)
    return template


@bp.route("/<int:template_id>/sources", methods=["GET", "POST"])
@login_required
def sources(template_id: int):
    """GET: the open flags; POST: resolve them all in one step."""
    template = _template_or_404(template_id)
    form = BlankForm()
    errors: dict[str, str] = {}
    if request.method == "POST":  # the app's CSRFProtect has checked the token
        flags = provenance.open_changes(template)
        choices = {f.id: request.form.get(f"choice-{f.id}", "") for f in flags}
        notes = {f.id: request.form.get(f"note-{f.id}", "") for f in flags}
        try:
            done = provenance.resolve(template, choices, notes, current_user._get_current_object())
        except InputError as exc:
            db.session.rollback()
            errors = exc.fields
        else:
            db.session.commit()
            flash(
                _(
                    "%(repointed)d item(s) now cite the new wording, %(confirmed)d kept as "
                    "they are.",
                    repointed=done.repointed,
                    confirmed=done.confirmed,
                ),
                "success",
            )
            target = done.draft or template
            return redirect(url_for("templates.show", template_id=target.id))
    flags = provenance.open_changes(template)
    return render_template(
        "checklists/sources.html",
        template=template,
        flags=flags,
        form=form,
        errors=errors,
        kind_label=provenance.kind_label,
        values=request.form if request.method == "POST" else {},
    ), (422 if errors else 200)
