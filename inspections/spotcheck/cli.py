"""``flask spotcheck draw PLAN`` and ``flask spotcheck verify PLAN_ID|FILE``."""

from __future__ import annotations

import json
import pathlib
import sys

import click
from flask.cli import AppGroup

from checklists.core.errors import Conflict, InputError
from checklists.core.extensions import db
from checklists.core.schemas import query_id
from inspections.spotcheck import draw as drawing
from inspections.spotcheck import plans
from inspections.spotcheck.models import SpotcheckPlan

spotcheck_cli = AppGroup("spotcheck", help="双随机、一公开: draw a committed plan, verify a draw.")


def _print_picks(picks: list[drawing.Pick]) -> None:
    for position, pick in enumerate(picks, start=1):
        team = ",".join(str(i) for i in pick.inspectors)
        click.echo(f"{position}\torganisation={pick.organisation_id}\tinspectors={team}")


@spotcheck_cli.command("draw")
@click.argument("plan_id", type=int)
@click.option("--beacon", default=None, help="the public value, for a plan whose beacon is manual")
def draw_command(plan_id: int, beacon: str | None) -> None:
    """Draw a committed plan (as the supervisor who committed it) and print its targets."""
    plan = db.session.get(SpotcheckPlan, plan_id)
    if plan is None:
        raise click.ClickException(f"没有编号为 {plan_id} 的抽查计划")
    try:
        plans.draw(plan, plan.created_by, beacon)
    except Conflict as exc:
        db.session.rollback()
        raise click.ClickException(f"{exc.code}: {exc.message}") from None
    except InputError as exc:
        db.session.rollback()
        raise click.ClickException("；".join(f"{k}: {v}" for k, v in exc.fields.items())) from None
    db.session.commit()
    click.echo(f"seed={plan.seed}")
    click.echo(f"beacon={plan.beacon_value}")
    _print_picks([drawing.Pick(p.organisation_id, tuple(p.inspectors)) for p in plan.picks])


@spotcheck_cli.command("verify")
@click.argument("plan")
def verify_command(plan: str) -> None:
    """Recompute a draw from a plan's public record (a plan id, or a saved public JSON file):
    exit 0 and print the targets when the seed, the inputs and the targets agree with the
    commitments; exit 1 naming each difference otherwise."""
    path = pathlib.Path(plan)
    if path.is_file():
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise click.ClickException(f"读不了 {plan}：{exc}") from None
        if not isinstance(record, dict):
            raise click.ClickException(f"{plan} 不是抽查计划的公开 JSON")
        picks, problems = drawing.verify(record)
    elif query_id(plan) is not None:  # ASCII digits; 0 (no plan) beyond 64 bits
        found = db.session.get(SpotcheckPlan, query_id(plan))
        if found is None:
            raise click.ClickException(f"没有编号为 {plan} 的抽查计划")
        picks, problems = plans.verify_stored(found)
    else:
        raise click.ClickException(f"{plan}：既不是计划编号，也不是文件")
    if problems:
        for problem in problems:
            click.echo(f"不符：{problem}", err=True)
        sys.exit(1)
    click.echo("一致：种子与承诺值、输入与 inputs_hash、抽取结果均可复现")
    _print_picks(picks)
