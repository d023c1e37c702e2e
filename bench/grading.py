"""Grading time over the bank, split into the sandbox part and the host part.

    .venv/bin/python bench/grading.py [--backend docker|process] [--rounds 3]

Every known solution of every challenge (the reference and each known-wrong one, seed 0) is
graded one at a time, after one untimed warm-up pass. The sandbox part is the time spent inside
``runner.run``; the host part is everything else in ``grade_submission``: rendering the
variant, checking the files, building the plan, reading the observations and judging them
(including, for SQL, running the reference on the host; that cache is cleared before every
grading so the first candidate's cost is what is measured). Host-only challenges (web, forms,
choice) add host time and no sandbox time.

The last line is ``host/sandbox = X.XX`` (goal: at most 0.1).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import defaultdict
from pathlib import Path

sys.path.remove(str(Path(__file__).resolve().parent))  # bench/ must not shadow packages
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assessor.domain.challenge_bank import load_bank
from assessor.domain.challenges import Challenge
from assessor.domain.grading import GradeResult, grade_submission, sql_grader
from assessor.infra.settings import Settings
from sandbox import get_runner


def known_solutions(challenge: Challenge) -> list[dict[str, bytes]]:
    """The files of every known solution (reference, also-right, wrong), for seed 0."""
    variant = challenge.variant(0)
    return [dict(s.files) for s in variant.known_solutions]


def grade_all(bank: list[Challenge], runner) -> list[tuple[str, GradeResult]]:
    """(grader kind, result) for every known solution in the bank, graded one at a time."""
    results = []
    for challenge in bank:
        for files in known_solutions(challenge):
            sql_grader._EXPECTED.clear()
            result = grade_submission(challenge, files, 0, runner=runner)
            if result.our_error:
                raise SystemExit(f"{challenge.id}: the sandbox failed: {result.our_error}")
            results.append((challenge.grader, result))
    return results


def report(results: list[tuple[str, GradeResult]]) -> tuple[float, float]:
    """Print a table per kind of grader; return the total sandbox and host seconds."""
    by_kind: dict[str, list[GradeResult]] = defaultdict(list)
    for kind, result in results:
        by_kind[kind].append(result)
    print(f"{'grader':<9} {'gradings':>8} {'sandbox s':>10} {'host s':>8} "
          f"{'host ms median':>15} {'host/sandbox':>13}")
    for kind, group in sorted(by_kind.items()):
        sandbox = sum(r.sandbox_seconds for r in group)
        host = sum(r.host_seconds for r in group)
        median = statistics.median(r.host_seconds for r in group) * 1000
        ratio = f"{host / sandbox:.3f}" if sandbox else "host only"
        print(f"{kind:<9} {len(group):>8} {sandbox:>10.2f} {host:>8.3f} {median:>15.2f} "
              f"{ratio:>13}")
    sandbox = sum(r.sandbox_seconds for _, r in results)
    host = sum(r.host_seconds for _, r in results)
    return sandbox, host


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default=None, help="docker, process or auto (default)")
    parser.add_argument("--rounds", type=int, default=3, help="measured passes over the bank")
    args = parser.parse_args()
    settings = Settings.from_env()
    bank = load_bank(settings.challenges_path)
    runner = get_runner(args.backend, config=settings.sandbox_config)
    try:
        grade_all(bank, runner)  # warm-up: imports, pools, caches of parsed files
        results = [item for _ in range(args.rounds) for item in grade_all(bank, runner)]
    finally:
        runner.close()
    print(f"backend: {getattr(runner, 'name', type(runner).__name__)}; {len(bank)} challenges, "
          f"{len(results)} gradings over {args.rounds} round(s)")
    sandbox, host = report(results)
    print(f"total: sandbox {sandbox:.2f} s, host {host:.3f} s")
    print(f"host/sandbox = {host / sandbox:.2f}")


if __name__ == "__main__":
    main()
