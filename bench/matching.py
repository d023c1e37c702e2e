"""Ranking people for openings: 2,000 people for each of 500 openings, and how the time grows.

Builds synthetic candidates and openings (``assessor.domain.matching.synthetic``, seeded),
ranks every person for every opening with the matching rules (CPU time of this process, so
other work on the machine does not count), and measures the same at half the people in the
same run. The synthetic data is frozen out of the garbage collector's way (``gc.freeze``), as
a long-running process's settled objects are. Prints the time per opening at each size, and
last
``growth per doubling = X.XX``: the time at 2,000 people over the time at 1,000 (2.00 is
linear; the goal is at most 2.2). Also times an assignment suggestion for 200 × 50.
Run: ``.venv/bin/python bench/matching.py``.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from pathlib import Path

sys.path.remove(str(Path(__file__).resolve().parent))  # bench/ must not shadow packages
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assessor.domain.matching import assess, rank, suggest_assignment
from assessor.domain.matching.synthetic import (
    synthetic_candidates,
    synthetic_specs,
)

PEOPLE, OPENINGS, SEED, ROUNDS = 2000, 500, 17, 1


def time_ranking(people: int, openings: int) -> tuple[float, int]:
    """The median seconds to rank ``people`` for each of ``openings``, and how many fit."""
    candidates = synthetic_candidates(people, SEED)
    specs = synthetic_specs(openings, SEED + 1)
    gc.collect()
    gc.freeze()  # the data lives as long as the run: the collector need not walk it again
    times, fits = [], 0
    for _ in range(ROUNDS):
        start = time.process_time()
        fits = sum(len(rank(candidates, spec)[0]) for spec in specs)
        times.append(time.process_time() - start)
    gc.unfreeze()
    return statistics.median(times), fits


def main() -> None:
    half, half_fits = time_ranking(PEOPLE // 2, OPENINGS)
    full, full_fits = time_ranking(PEOPLE, OPENINGS)
    print(f"{PEOPLE // 2:5} people x {OPENINGS} openings: {half:7.2f} s "
          f"({1000 * half / OPENINGS:6.2f} ms per opening, {half_fits} fits)")
    print(f"{PEOPLE:5} people x {OPENINGS} openings: {full:7.2f} s "
          f"({1000 * full / OPENINGS:6.2f} ms per opening, {full_fits} fits)")
    candidates, specs = synthetic_candidates(200, SEED), synthetic_specs(50, SEED + 1)
    start = time.process_time()
    pairs = suggest_assignment([assess(c, s) for s in specs for c in candidates])
    print(f"assignment suggestion, 200 people x 50 openings: "
          f"{time.process_time() - start:.2f} s, {len(pairs)} pairs")
    print(f"growth per doubling = {full / half:.2f}")


if __name__ == "__main__":
    main()
