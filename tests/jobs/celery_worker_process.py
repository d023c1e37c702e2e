"""A real grading worker for the fault tests: ``python -m tests.jobs.celery_worker_process
REDIS_URL DATABASE_URL FOLDER MODE``, with short times and a grader that leaves traces.

MODE ``hang-first``: the first try of each submission hangs (until the test kills the
worker), later tries grade at once. MODE ``slow``: every try takes a moment; ``linger``:
one second. Each try writes
``<folder>/<main.py>.<pid>.try``; a graded result names the process that made it.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from assessor.infra.db import Database
from assessor.services.jobs import GradeOutcome
from assessor.services.jobs.timing import JobTiming
from assessor.services.jobs.worker import run_worker

#: a job counts as left behind after 2 s: the fault tests wait seconds, not minutes
SHORT = JobTiming(longest_job=1.0, margin=1.0, sweep_every=0.5, first_retry=0.2)


class TracingGrader:
    """Writes a file per try; hangs or dawdles as the test's mode says."""

    def __init__(self, folder: Path, mode: str) -> None:
        self.folder = folder
        self.mode = mode

    def __call__(self, challenge_id, files, seed, visible_only, locale="sv"):
        name = files["main.py"]
        (self.folder / f"{name}.{os.getpid()}.try").write_text("")
        if self.mode == "hang-first":
            try:
                (self.folder / f"{name}.first").open("x").close()
                time.sleep(600)  # the test kills this worker now
            except FileExistsError:
                pass
        elif self.mode == "linger":
            time.sleep(1)  # for the test to stop the worker mid-job (within SHORT.longest_job)
        else:
            time.sleep(0.3)
        return GradeOutcome(score=1.0, result={"pid": os.getpid()})


def main() -> None:
    redis_url, database_url, folder, mode = sys.argv[1:5]
    database = Database(database_url)
    run_worker(redis_url, database, concurrency=2, grader=TracingGrader(Path(folder), mode),
               timing=SHORT, name=f"test-{os.getpid()}@%h")


if __name__ == "__main__":
    main()
