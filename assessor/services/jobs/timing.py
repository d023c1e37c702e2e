"""How long a grading job may take, and the times derived from it: when a ``running``
submission counts as left behind, Celery's visibility timeout, the retry backoff.

One grading job is one sandbox run (the grader's driver runs every test in it), so its longest
possible time is the sandbox's wall-limit maximum plus starting and removing the container and
the database writes around it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sandbox.spec import MAXIMA

#: starting and removing a container, reading the result, two short transactions
JOB_OVERHEAD_SECONDS = 30.0


@dataclass(frozen=True)
class JobTiming:
    """The times the queues work by (all in seconds). Tests shorten them."""

    #: the longest one job can take
    longest_job: float = MAXIMA.wall_seconds + JOB_OVERHEAD_SECONDS
    #: added to ``longest_job`` before a ``running`` submission counts as left by a dead worker
    margin: float = 30.0
    #: how often the sweeper looks for left-behind submissions
    sweep_every: float = 30.0
    #: the first retry after our own failure waits this long; each next one twice as long
    first_retry: float = 2.0

    @property
    def stale_after(self) -> timedelta:
        """A submission ``running`` longer than this was left by a worker that died."""
        return timedelta(seconds=self.longest_job + self.margin)

    @property
    def visibility_timeout(self) -> int:
        """Seconds Redis waits for a worker's acknowledgement before it gives the message to
        another worker: above the longest job, so a live worker's job is never handed out
        twice, and far below Kombu's default hour."""
        return int(self.stale_after.total_seconds() + self.margin)

    def retry_delay(self, retries_so_far: int) -> float:
        """The pause before the next try after our own failure (2 s, 4 s, 8 s, …)."""
        return self.first_retry * 2 ** retries_so_far


DEFAULT_TIMING = JobTiming()
