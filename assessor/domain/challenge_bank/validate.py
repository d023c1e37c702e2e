"""Proving challenges: every reference scores 1.0 and every known-wrong solution gets exactly
its declared outcome, for generated challenges over many seeds, through the real sandbox."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from assessor.domain.challenge_bank.loading import challenge_dirs, read_challenge
from assessor.domain.challenges.model import Challenge, KnownSolution
from assessor.domain.challenges.problems import FormatProblem
from assessor.domain.grading.result import GradeResult
from assessor.domain.grading.runner import Runner
from assessor.domain.grading.service import grade_submission

log = logging.getLogger(__name__)
DEFAULT_SEEDS = 20
RUN_ORDER = ("solution", "also-right", "wrong")


@dataclass(frozen=True)
class RunCheck:
    """One solution graded for one seed, and whether it got the outcome it should."""

    challenge_id: str
    solution: str  #: its folder: "solution", "also-right/<name>" or "wrong/<name>"
    seed: int
    ok: bool
    reason: str = ""
    score: float = 0.0
    sandbox_seconds: float = 0.0
    host_seconds: float = 0.0


@dataclass
class ChallengeReport:
    """Everything found for one challenge folder."""

    name: str
    grader: str = ""
    problems: list[FormatProblem] = field(default_factory=list)
    runs: list[RunCheck] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the folder is well-formed and every run got its declared outcome."""
        return not self.problems and all(run.ok for run in self.runs)

    def reasons(self) -> list[str]:
        """Why the challenge is not ok, one line each."""
        lines = [str(p) for p in self.problems]
        lines += [f"{self.name}/{r.solution}/ (seed {r.seed}): {r.reason}"
                  for r in self.runs if not r.ok]
        return lines


def expected_outcome(solution: KnownSolution, result: GradeResult) -> str:
    """Empty when ``result`` is what ``solution`` must get; else what is wrong, plainly."""
    if result.our_error:
        return f"could not grade (sandbox): {result.our_error}"
    if solution.expectation is None:
        who = "the reference" if solution.folder == "solution" else "this accepted solution"
        if not result.gradable:
            return f"{who} is not gradable: {result.message}"
        if result.score < 1.0:
            failed = [f"{t.name!r}: {t.message}" for t in result.tests if not t.passed]
            return f"{who} scores {result.score:.2f}; failed {'; '.join(failed)}"
        return ""
    want = solution.expectation
    if not want.gradable:
        return "" if not result.gradable else (
            f"should be not gradable, but scored {result.score:.2f}")
    if not result.gradable:
        return f"should be gradable, but: {result.message}"
    if result.failed != want.fails:
        extra = sorted(result.failed - want.fails)
        missed = sorted(want.fails - result.failed)
        parts = ([f"also fails {extra}"] if extra else []) + (
            [f"passes {missed}, declared to fail"] if missed else [])
        fails = ", ".join(f'"{name}"' for name in sorted(result.failed))
        advice = (f"if the mistake really shows only there, write fails = [{fails}] in its "
                  "expect.toml; else change the wrong solution so that it shows the mistake"
                  if result.failed else "it passes every test: make the mistake show, or add a "
                  "test that catches it")
        return "; ".join(parts) + f" ({advice})"
    return ""


def check_run(challenge: Challenge, folder: str, seed: int, runner: Runner) -> RunCheck:
    """Grade the known solution in ``folder`` for one seed and compare with its declared
    outcome."""
    variant = challenge.variant(seed)
    solution = next(s for s in variant.known_solutions if s.folder == folder)
    result = grade_submission(challenge, dict(solution.files), seed, runner=runner, locale="en")
    reason = expected_outcome(solution, result)
    return RunCheck(challenge.id, folder, seed, not reason, reason, result.score,
                    result.sandbox_seconds, result.host_seconds)


def planned_runs(challenge: Challenge, seeds: int) -> list[tuple[Challenge, str, int]]:
    """(challenge, solution folder, seed) for the reference, every also-right and every wrong
    solution."""
    folders = [s.folder for s in challenge.variant(0).known_solutions]
    seed_list = range(seeds) if challenge.generated else range(1)
    return [(challenge, folder, seed) for seed in seed_list for folder in folders]


def load_reports(folders: Iterable[Path], seeds: int) -> tuple[list[ChallengeReport],
                                                               list[Challenge]]:
    """A report per folder (with its format problems) and the challenges that loaded cleanly."""
    reports, challenges = [], []
    for folder in folders:
        challenge, problems = read_challenge(folder, range(seeds))
        report = ChallengeReport(folder.name, challenge.grader if challenge else "", problems)
        reports.append(report)
        if challenge is not None and not problems:
            challenges.append(challenge)
    return reports, challenges


def folders_from(paths: Iterable[str | Path], bank: Path) -> list[Path]:
    """Challenge folders named by ``paths`` (a bank folder expands to all its challenges)."""
    folders = []
    for path in map(Path, paths or [bank]):
        if (path / "challenge.toml").exists() or not path.is_dir():
            folders.append(path)
        else:
            folders.extend(challenge_dirs(path))
    return folders


@dataclass
class Validation:
    """What a validation will do: a report per folder and the runs to make."""

    reports: list[ChallengeReport]
    jobs: list[tuple[Challenge, str, int]]


def plan(folders: list[Path], seeds: int = DEFAULT_SEEDS) -> Validation:
    """Load and check every folder, and list the runs for those that loaded cleanly."""
    reports, challenges = load_reports(folders, seeds)
    return Validation(reports, [job for c in challenges for job in planned_runs(c, seeds)])


def run_all(validation: Validation, runner: Runner, *, workers: int | None = None,
            on_run: Callable[[RunCheck], None] | None = None) -> list[ChallengeReport]:
    """Make every planned run in a small thread pool; reports in folder order."""
    by_id = {r.name: r for r in validation.reports}
    workers = workers or max(2, min(4, os.cpu_count() or 2))
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(check_run, c, name, seed, runner)
                   for c, name, seed in validation.jobs]
        for future in as_completed(futures):
            run = future.result()
            by_id[run.challenge_id].runs.append(run)
            if on_run:
                on_run(run)
    for report in validation.reports:
        report.runs.sort(key=lambda r: (r.seed, RUN_ORDER.index(r.solution.split("/")[0]),
                                        r.solution))
    log.info("validated %s runs in %.1f s", len(validation.jobs), time.perf_counter() - start)
    return validation.reports


def validate(folders: list[Path], runner: Runner, *, seeds: int = DEFAULT_SEEDS,
             workers: int | None = None) -> list[ChallengeReport]:
    """Check every folder and run every known solution (``plan`` then ``run_all``)."""
    return run_all(plan(folders, seeds), runner, workers=workers)
