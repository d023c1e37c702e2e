"""``kodprov irt calibrate | banks | use``: the item banks stored in the database."""

from __future__ import annotations

import json
from datetime import datetime

import click

from assessor.cli import context
from assessor.cli.ability import BadInput
from assessor.infra.unit_of_work import unit_of_work
from assessor.services import account_service, item_banks
from assessor.services.policy import SYSTEM


@click.command("calibrate")
@click.option("--cohort", required=True, help="Name of the cohort, e.g. 'Code_X hösten 2026'.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]),
              help="Only attempts from this date (YYYY-MM-DD); default: every stored attempt.")
@click.option("--no-activate", is_flag=True, help="Store the new bank without putting it in use.")
@click.option("--json", "as_json", is_flag=True, help="Print the outcome as JSON.")
def calibrate_command(cohort: str, since: datetime | None, no_activate: bool,
                      as_json: bool) -> None:
    """Fit a new item bank to the stored first attempts and store it as a new version."""
    database = context.database()
    try:
        with unit_of_work(database) as session:
            outcome = item_banks.calibrate_cohort(session, cohort, since=since,
                                                  activate=not no_activate,
                                                  catalogue=context.catalogue())
    except item_banks.ItemBankError as error:
        raise BadInput(str(error)) from None
    finally:
        database.dispose()
    if as_json:
        click.echo(json.dumps(_as_dict(outcome, not no_activate), ensure_ascii=False, indent=2))
        return
    click.echo(f"Item bank {outcome.bank.version}: {outcome.n_persons} persons, areas fitted: "
               f"{', '.join(outcome.fitted_areas)}.")
    if outcome.prior_areas:
        click.echo(f"Kept at the authors' priors (fewer than {item_banks.MIN_PERSONS} persons): "
                   f"{', '.join(outcome.prior_areas)}.")
    click.echo(f"{'item':<26}{'prior':>8}{'fitted':>8}{'shift':>8}{'n':>6}  review")
    for item in outcome.shifts:
        click.echo(f"{item.item_id:<26}{item.prior:>+8.2f}{item.fitted:>+8.2f}"
                   f"{item.shift:>+8.2f}{item.n_responses:>6}  {', '.join(item.flags)}")
    click.echo("In use now." if not no_activate else
               f"Stored, not in use: `kodprov irt use {outcome.bank.version}` puts it in use.")


def _as_dict(outcome: item_banks.CohortCalibration, active: bool) -> dict:
    return {"version": outcome.bank.version, "cohort": outcome.bank.cohort, "active": active,
            "persons": outcome.n_persons, "fitted_areas": list(outcome.fitted_areas),
            "prior_areas": list(outcome.prior_areas),
            "items": {item.item_id: {"area": item.area, "prior": round(item.prior, 4),
                                     "fitted": round(item.fitted, 4),
                                     "shift": round(item.shift, 4), "n": item.n_responses,
                                     "flags": list(item.flags)}
                      for item in outcome.shifts}}


@click.command("banks")
def banks_command() -> None:
    """List the stored item banks, newest first, and say which one is in use."""
    database = context.database()
    try:
        with database.session() as session:
            in_use = item_banks.current_bank(session, catalogue=context.catalogue()).version
            rows = [(row.version, row.cohort, row.n_persons) for row in
                    item_banks.stored_banks(session)]
    finally:
        database.dispose()
    if not rows:
        click.echo(f"No calibrated bank yet; in use: the authors' priors ({in_use}).")
    for version, cohort, n_persons in rows:
        mark = "*" if version == in_use else " "
        click.echo(f"{mark} {version}  {cohort}  ({n_persons} persons)")
    if rows and in_use not in {row[0] for row in rows}:
        click.echo(f"In use: {in_use} (a stored bank with priors for newer challenges).")


@click.command("use")
@click.argument("version", required=False)
@click.option("--priors", is_flag=True, help="Go back to the authors' priors.")
def use_command(version: str | None, priors: bool) -> None:
    """Put a stored item bank in use again (or the authors' priors with --priors)."""
    if bool(version) == priors:
        raise BadInput("Give either a VERSION (see `kodprov irt banks`) or --priors.")
    database = context.database()
    try:
        with unit_of_work(database) as session:
            stored = account_service.choose_item_bank(session, SYSTEM,
                                                      None if priors else version or "",
                                                      catalogue=context.catalogue())
    except (item_banks.ItemBankError, ValueError) as error:
        raise BadInput(str(error)) from None
    finally:
        database.dispose()
    click.echo(f"In use now: {stored.version}.")
