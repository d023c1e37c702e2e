"""``kodprov irt fit``: calibrate items and score persons from a responses CSV."""

from __future__ import annotations

import json
from pathlib import Path

import click

from assessor.domain.ability.calibration import AreaFit, fit_area, response_matrix
from assessor.domain.ability.csv_input import ResponseRow, ResponsesFileError, read_responses
from assessor.domain.ability.items import ItemMeta

DEFAULT_PRIOR_SD = 2.0  #: without author priors, a weak N(0, 2²) keeps extreme items finite


class BadInput(click.ClickException):
    """Bad input: one line on stderr, exit status 2."""

    exit_code = 2


@click.group("irt")
def irt_group() -> None:
    """Item response model: calibrate items and score persons."""


@irt_group.command("fit")
@click.option("--responses", "responses_path", required=True,
              type=click.Path(path_type=Path),
              help="CSV with columns person,item,score,max_score (max_score 1 = right/wrong).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--prior-sd", type=click.FloatRange(min=0.1), default=DEFAULT_PRIOR_SD,
              show_default=True, help="SD of the N(0, sd²) prior on every threshold.")
def fit_command(responses_path: Path, as_json: bool, prior_sd: float) -> None:
    """Fit the partial credit model by marginal maximum likelihood; logits, items centred."""
    try:
        rows = read_responses(responses_path)
    except ResponsesFileError as error:
        raise BadInput(str(error)) from None
    result = _as_dict(_fit(rows, prior_sd))
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    for item_id, item in result["items"].items():
        click.echo(f"item {item_id}: difficulty {item['difficulty']:+.2f}, thresholds "
                   + " ".join(f"{t:+.2f}" for t in item["thresholds"]))
    for person_id, person in result["persons"].items():
        click.echo(f"person {person_id}: theta {person['theta']:+.2f} (se {person['se']:.2f})")


def _fit(rows: list[ResponseRow], prior_sd: float) -> AreaFit:
    tops = {row.item: row.max_score for row in rows}
    metas = [ItemMeta(item, "all", "", "", top, 0.0, "challenge" if top > 1 else "code_reading",
                      prior_sd) for item, top in tops.items()]
    persons, matrix = response_matrix(metas, ((r.person, r.item, r.score) for r in rows))
    return fit_area(metas, matrix, persons)


def _as_dict(fit: AreaFit) -> dict:
    items = {item.id: {"difficulty": round(item.difficulty, 4),
                       "thresholds": [round(t, 4) for t in item.thresholds]}
             for item in fit.items}
    persons = {person: {"theta": round(estimate.theta, 4), "se": round(estimate.se, 4)}
               for person, estimate in fit.persons.items()}
    return {"items": items, "persons": persons}
