"""Grading jobs and the queues that run them (in-process by default, Celery to scale out)."""

from assessor.services.jobs.grading_job import GradeOutcome, Grader, run_grading_job
from assessor.services.jobs.queues import InProcessQueue, JobQueue, SynchronousQueue, make_queue

__all__ = ["GradeOutcome", "Grader", "InProcessQueue", "JobQueue", "SynchronousQueue",
           "make_queue", "run_grading_job"]
