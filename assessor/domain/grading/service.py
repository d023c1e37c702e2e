"""Grading one submission: the entry point for the web app, the job queue and the CLI."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import replace

from assessor.domain.challenges.model import Challenge
from assessor.domain.grading.base import Context, NotGradable
from assessor.domain.grading.messages import text
from assessor.domain.grading.registry import get_grader
from assessor.domain.grading.result import GradeResult
from assessor.domain.grading.runner import NoRunner, Runner, SandboxUnavailableError, TimedRunner

log = logging.getLogger(__name__)

#: files by name (or form answers by field; a list is several ticked choices), or one text
Submission = Mapping[str, bytes | str | list[str]] | str | bytes


def as_files(challenge: Challenge, submission: Submission) -> dict[str, bytes]:
    """The submission as ``{name: bytes}``; a bare text or bytes is the challenge's first file."""
    if isinstance(submission, str | bytes):
        submission = {challenge.files[0]: submission}
    files = {}
    for name, content in submission.items():
        if isinstance(content, list | tuple):  # several choices ticked in a form
            content = ", ".join(str(item) for item in content)
        if isinstance(content, str | bytes):
            files[str(name)] = content.encode("utf-8") if isinstance(content, str) else content
    return files


def grade_submission(challenge: Challenge, files: Submission, seed: int = 0, *,
                     visible_only: bool = False, runner: Runner | None = None,
                     locale: str = "sv") -> GradeResult:
    """Grade ``files`` for the variant ``seed`` of ``challenge``.

    ``visible_only`` is the candidate's precheck ("Testa"): only candidate-visible tests run.
    Never raises for anything the candidate sent; a sandbox failure comes back as
    ``our_error`` (not gradable, retry later), a submission to fix first as not gradable.
    """
    start = time.perf_counter()
    variant = challenge.variant(seed)
    grader = get_grader(challenge.grader)
    tests = variant.visible_tests() if visible_only else variant.tests
    timed: TimedRunner | None = None
    base = {"challenge_id": challenge.id, "seed": seed, "version": challenge.version}
    try:
        if grader.uses_sandbox(variant.options):
            timed = TimedRunner(runner or NoRunner())
        ctx = Context(variant, tests, as_files(challenge, files), timed, locale)
        result = GradeResult(tests=tuple(grader.grade(ctx)), **base)
    except NotGradable as reason:
        result = GradeResult(gradable=False, message=str(reason), **base)
    except SandboxUnavailableError as error:
        result = GradeResult(gradable=False, our_error=str(error) or "sandbox error",
                             message=text("our_error", locale), **base)
    except Exception as error:  # a bug of ours must not cost the candidate an attempt
        log.exception("grading %s failed", challenge.id)
        result = GradeResult(gradable=False, our_error=f"{type(error).__name__}: {error}",
                             message=text("our_error", locale), **base)
    sandbox = timed.seconds if timed else 0.0
    host = time.perf_counter() - start - sandbox
    return replace(result, sandbox_seconds=sandbox, host_seconds=host)

