"""``kodprov questionnaire export`` and ``kodprov screen``: the web form's screening, in bulk."""

from __future__ import annotations

import json
from pathlib import Path

import click

from assessor.domain.screening.questionnaire import Item, QuestionnaireError, load_questionnaire
from assessor.domain.screening.scoring import AnswerError, normalise_answer, screen
from assessor.domain.vocabulary import DEFAULT_LOCALE, LOCALES

MAX_ANSWER_FILE = 1024 * 1024


@click.group("questionnaire")
def questionnaire_group() -> None:
    """The screening questionnaire."""


@questionnaire_group.command("export")
@click.option("--json", "as_json", is_flag=True, required=True, help="Print as JSON.")
def export_command(as_json: bool) -> None:
    """Print every item, with the right answer for knowledge items."""
    questionnaire = _questionnaire()
    items = [_item_dict(item) for item in questionnaire.items]
    click.echo(json.dumps({"version": questionnaire.version, "items": items},
                          ensure_ascii=False, indent=2))


def _item_dict(item: Item) -> dict:
    data = {"id": item.id, "kind": item.kind, "part": item.part, "text": item.text,
            "options": [{"id": o.id, "text": o.text} for o in item.options]}
    if item.code:
        data["code"] = item.code
    if item.part == "knowledge":
        data["answer"] = item.right_answer()
    return data


@click.command("screen")
@click.option("--answers", "answers_path", required=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help='JSON file: {"ITEM_ID": ANSWER, ...}.')
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--lang", type=click.Choice(LOCALES), default=DEFAULT_LOCALE, show_default=True)
def screen_command(answers_path: Path, as_json: bool, lang: str) -> None:
    """Screen one person's answers: programmer, superuser or unclear, with reasons."""
    questionnaire = _questionnaire()
    answers = _read_answers(answers_path)
    normalised = {}
    for item_id, value in answers.items():
        item = questionnaire.item(item_id)
        if item is None:
            raise click.UsageError(f"{answers_path}: unknown item id {item_id!r}.")
        try:
            normalised[item_id] = normalise_answer(item, value)
        except AnswerError as error:
            raise click.UsageError(f"{answers_path}: {error}.") from None
    result = screen(questionnaire, normalised).to_dict(questionnaire, lang)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    click.echo(f"{result['outcome']}: " + "; ".join(result["reasons"]))


def _read_answers(path: Path) -> dict:
    try:
        if path.stat().st_size > MAX_ANSWER_FILE:
            raise click.UsageError(f"{path}: the file is larger than 1 MiB.")
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise click.UsageError(f"{path}: no such file.") from None
    except UnicodeDecodeError:
        raise click.UsageError(f"{path}: the file is not UTF-8 text.") from None
    except json.JSONDecodeError as error:
        raise click.UsageError(f"{path}: not valid JSON ({error.msg}, line {error.lineno}).") \
            from None
    if not isinstance(data, dict):
        raise click.UsageError(f'{path}: write an object like {{"ITEM_ID": "ANSWER"}}.')
    return data


def _questionnaire():
    try:
        return load_questionnaire()
    except QuestionnaireError as error:
        raise click.ClickException(str(error)) from None
