"""The web app under a plain server for the SIGTERM test: ``python -m tests.jobs.web_process
FOLDER SUBMISSION_ID`` (``KODPROV_DATABASE_URL`` names the database). It queues the
submission in the in-process queue, then waits for a signal, as ``make run`` would."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

from tests.jobs.celery_worker_process import TracingGrader
from web import create_app


def main() -> None:
    folder, submission_id = Path(sys.argv[1]), int(sys.argv[2])
    app = create_app({"KODPROV_QUEUE": "inprocess", "KODPROV_RECOVER_ON_START": False,
                      "KODPROV_GRADER": TracingGrader(folder, "linger")})
    app.extensions["kodprov_queue"].enqueue(submission_id)
    while True:
        signal.pause()


if __name__ == "__main__":
    main()
