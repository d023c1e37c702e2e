"""``kodprov challenges validate|list`` and ``kodprov grade``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from assessor.cli import context
from assessor.domain.ability.levels import ladder_order_problems
from assessor.domain.challenge_bank.loading import load_bank, load_challenge
from assessor.domain.challenge_bank.validate import (
    DEFAULT_SEEDS,
    ChallengeReport,
    folders_from,
    plan,
    run_all,
)
from assessor.domain.challenges.model import Challenge
from assessor.domain.challenges.problems import ChallengeFormatError, FormatProblem
from assessor.domain.grading.result import GradeResult
from assessor.domain.grading.runner import Runner
from assessor.domain.grading.service import grade_submission
from assessor.domain.vocabulary import DEFAULT_LOCALE, LOCALES, Area
from sandbox import SandboxConfigError, get_runner

BACKENDS = click.Choice(["auto", "docker", "process", "fake"])


@contextmanager
def opened_runner(backend: str | None) -> Iterator[Runner]:
    """The runner for ``--backend`` (else the one ``KODPROV_SANDBOX`` names), closed after."""
    try:
        runner = get_runner(backend, config=context.settings().sandbox_config)
    except SandboxConfigError as error:
        raise click.ClickException(str(error)) from None
    try:
        yield runner
    finally:
        runner.close()


@click.group("challenges")
def challenges_group() -> None:
    """Check and list the challenge bank."""


@challenges_group.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--seeds", default=DEFAULT_SEEDS, show_default=True,
              help="Seeds to try for generated challenges.")
@click.option("--workers", type=int, default=None, help="Runs at a time (default: by CPUs).")
@click.option("--backend", type=BACKENDS, default=None,
              help="Sandbox backend (default: KODPROV_SANDBOX, else auto).")
def validate_command(paths: tuple[Path, ...], seeds: int, workers: int | None,
                     backend: str | None) -> None:
    """Prove challenges: references score 100 %, wrong solutions get their declared outcome."""
    validation = plan(folders_from(paths, context.settings().challenges_path), seeds)
    add_ladder_problems(validation.reports, [c for c, _, _ in validation.jobs])
    with opened_runner(backend) as runner, click.progressbar(
            length=len(validation.jobs), label="Grading known solutions", file=sys.stderr,
            show_pos=True) as bar:
        reports = run_all(validation, runner, workers=workers, on_run=lambda run: bar.update(1))
    click.echo(summary_table(reports))
    failed = [r for r in reports if not r.ok]
    if failed:
        click.echo(f"\n{len(failed)} of {len(reports)} challenge(s) need attention:", err=True)
        for report in failed:
            for line in report.reasons():
                click.echo(f"  - {line}", err=True)
        sys.exit(1)
    click.echo(f"\nAll {len(reports)} challenge(s) proved.")


def add_ladder_problems(reports: list[ChallengeReport], checked: list[Challenge]) -> None:
    """Refuse author difficulties that break a ladder's order (with the rest of the bank): the
    problem goes to the report of the challenge it names, or of the one it is compared with."""
    bank = load_bank(context.settings().challenges_path, strict=False)
    by_id = {c.id: c for c in bank} | {c.id: c for c in checked}
    named = {report.name: report for report in reports}
    for challenge_id, other_id, message in ladder_order_problems(by_id.values()):
        report = named.get(challenge_id) or named.get(other_id)
        if report is not None:
            report.problems.append(FormatProblem(f"{report.name}/challenge.toml", "difficulty",
                                                 f"{challenge_id}: {message}"))


def summary_table(reports: list[ChallengeReport]) -> str:
    """One line per challenge: grader, runs, how many went wrong, time in the sandbox."""
    width = max([len(r.name) for r in reports] + [9])
    lines = [f"{'challenge':<{width}}  {'grader':<8}  {'runs':>4}  {'wrong':>5}  "
             f"{'sandbox s':>9}  status", "-" * (width + 44)]
    for report in reports:
        wrong = sum(not r.ok for r in report.runs) + len(report.problems)
        seconds = sum(r.sandbox_seconds for r in report.runs)
        status = "ok" if report.ok else "FAILED"
        lines.append(f"{report.name:<{width}}  {report.grader:<8}  {len(report.runs):>4}  "
                     f"{wrong:>5}  {seconds:>9.2f}  {status}")
    return "\n".join(lines)


@challenges_group.command("list")
@click.option("--area", type=click.Choice([a.value for a in Area]), multiple=True,
              help="Only these areas (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--bank", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="The bank folder (default: KODPROV_CHALLENGES or challenges/).")
def list_command(area: tuple[str, ...], as_json: bool, bank: Path | None) -> None:
    """List the challenges in the bank."""
    folder = bank or context.settings().challenges_path
    challenges = [c for c in load_bank(folder, strict=False) if not area or c.area.value in area]
    challenges.sort(key=lambda c: (c.area.value, c.course, "ECA".index(c.level), c.id))
    if as_json:
        click.echo(json.dumps([c.summary() for c in challenges], ensure_ascii=False, indent=2))
        return
    for c in challenges:
        seeded = "seeded" if c.generated else ""
        click.echo(f"{c.id:<28} {c.area.value:<14} {c.course:<17} {c.level}  {c.grader:<9}"
                   f" {seeded:<6} {c.title['sv']}")
    click.echo(f"{len(challenges)} challenge(s)")


def read_submission(challenge: Challenge, paths: tuple[Path, ...]) -> dict[str, bytes]:
    """Files to grade: a folder's files, or files named as the challenge expects them.

    A single file with another name stands for the challenge's first file.
    """
    files: dict[str, bytes] = {}
    for path in paths:
        if path.is_dir():
            files.update({p.name: p.read_bytes() for p in sorted(path.iterdir()) if p.is_file()})
        else:
            name = path.name if path.name in challenge.files or len(paths) > 1 else (
                challenge.files[0])
            files[name] = path.read_bytes()
    return files


@click.command("grade")
@click.option("--challenge", "slug", required=True, help="Challenge slug or folder.")
@click.option("--file", "paths", required=True, multiple=True,
              type=click.Path(exists=True, path_type=Path),
              help="The submission: a file, several --file, or a folder.")
@click.option("--seed", default=0, show_default=True, help="The variant's seed.")
@click.option("--visible-only", is_flag=True, help="Only candidate-visible tests (the precheck).")
@click.option("--locale", type=click.Choice(LOCALES), default=DEFAULT_LOCALE, show_default=True)
@click.option("--backend", type=BACKENDS, default=None,
              help="Sandbox backend (default: KODPROV_SANDBOX, else auto).")
@click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON.")
def grade_command(slug: str, paths: tuple[Path, ...], seed: int, visible_only: bool,
                  locale: str, backend: str | None, as_json: bool) -> None:
    """Grade one submission and print the result (exit 1 only when we could not grade)."""
    try:
        challenge = load_challenge(slug, bank=context.settings().challenges_path)
    except ChallengeFormatError as error:
        raise click.ClickException(f"the challenge cannot be loaded:\n{error}") from None
    files = read_submission(challenge, paths)
    with opened_runner(backend) as runner:
        result = grade_submission(challenge, files, seed, visible_only=visible_only,
                                  runner=runner, locale=locale)
    click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) if as_json
               else describe(result))
    if result.our_error:
        sys.exit(1)


def describe(result: GradeResult) -> str:
    """The result as readable lines."""
    if not result.gradable:
        return f"Not gradable: {result.message}" + (
            f"\n({result.our_error})" if result.our_error else "")
    lines = [f"{'✓' if t.passed else '✗'} {t.name} ({t.points:g}/{t.max_points:g})"
             f" [{t.visibility.value}] {t.message}" for t in result.tests]
    return "\n".join([*lines, f"Score: {result.score:.2f}"])
