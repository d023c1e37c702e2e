"""The production backend: one hardened, single-use Docker container per run.

A run takes a pre-started container from the pool (or starts one when the pool is empty, off, or
the run needs other container limits), hands the request over the attach socket, reads the report
from the same socket, and leaves the container to the reaper. Nothing is ever reused.
"""

from __future__ import annotations

import logging
import os

import docker.errors
import requests

from sandbox import engine, janitor
from sandbox.containers import (
    RUNNER_LABEL,
    ContainerFactory,
    HardeningError,
    Profile,
    Sandbox,
)
from sandbox.exchange import Conversation, converse
from sandbox.image.build import DEFAULT_IMAGE
from sandbox.pool import WarmPool
from sandbox.spec import Limits, RunResult, RunSpec, Status
from sandbox.validation import prepare

log = logging.getLogger(__name__)

POOL_WAIT = 10.0
ENGINE_ERRORS = (docker.errors.DockerException, requests.exceptions.RequestException, OSError,
                 HardeningError)


class ContainerLostError(Exception):
    """The container died before the program started: run again in a fresh one."""


class DockerRunner:
    """Runs specs in Docker containers from ``image``, with ``pool_size`` of them pre-started."""

    name = "docker"

    def __init__(self, image: str = DEFAULT_IMAGE, pool_size: int = 0,
                 runtime: str | None = None, client=None, fillers: int | None = None,
                 allow_old_runc: bool = False) -> None:
        self.image = image
        self.allow_old_runc = allow_old_runc
        self.client = client or engine.LazyClient()
        self.owner = janitor.owner_id()
        self.factory = ContainerFactory(self.client, image, runtime, self.owner)
        self.reaper = janitor.Reaper(self.client)
        self.refusal = self.check_engine()
        self.pool = None
        if pool_size > 0 and not self.refusal:
            fillers = fillers or min(pool_size, max(4, os.cpu_count() or 1))
            self.pool = WarmPool(self.factory.start, self.reaper.dispose,
                                 Profile.of(Limits()), pool_size, fillers)

    def check_engine(self) -> str | None:
        """Clean up after crashed processes; a reason to refuse every run, or None."""
        try:
            janitor.remove_stale(self.client)
            facts = engine.engine_facts(self.client)
        except ENGINE_ERRORS as exc:
            log.warning("Docker engine not reachable yet (%s); runs report sandbox_error", exc)
            return None
        problem = engine.runc_problem(facts.runc_version, facts.runc_commit, self.allow_old_runc)
        if problem:
            log.error("sandbox refuses to run: %s", problem)
        return problem

    def run(self, spec: RunSpec) -> RunResult:
        """Run ``spec`` in a fresh container; engine trouble gives ``sandbox_error``."""
        spec = prepare(spec)
        if self.refusal:
            return self.error(self.refusal)
        for attempt in (1, 2):
            try:
                return self.attempt(spec, retry_allowed=attempt == 1)
            except ContainerLostError as exc:
                log.warning("sandbox container died before its run; retrying (%s)", exc)
            except docker.errors.ImageNotFound:
                return self.error(f"image {self.image} is missing: run "
                                  "`kodprov sandbox build-image`")
            except ENGINE_ERRORS as exc:
                if attempt == 1 and isinstance(exc, requests.exceptions.ConnectionError):
                    log.warning("Docker engine connection failed; retrying once (%s)", exc)
                    continue  # e.g. a connection left over from before the engine restarted
                log.error("Docker engine failed a run: %s", exc)
                return self.error(f"Docker engine: {exc}")
        return self.error("the run could not be started in a container, twice")

    def attempt(self, spec: RunSpec, retry_allowed: bool) -> RunResult:
        profile = Profile.of(spec.limits)
        sandbox = self.pool.take(profile, POOL_WAIT) if self.pool else None
        sandbox = sandbox or self.factory.start(profile)
        try:
            try:
                talk = converse(sandbox.channel, spec, self.name)
            except OSError as exc:  # the request could not be sent: the container is gone
                if retry_allowed:
                    raise ContainerLostError(exc) from exc
                raise
            return self.outcome(talk, sandbox, retry_allowed)
        finally:
            self.reaper.dispose(sandbox)

    def outcome(self, talk: Conversation, sandbox: Sandbox, retry_allowed: bool) -> RunResult:
        """The result, also when the report was cut short."""
        if talk.finished:
            return talk.reader.result()
        if talk.timed_out:  # the launcher did not stop the run itself; the reaper kills it
            return talk.reader.partial(Status.WALL_LIMIT, wall=talk.seconds)
        state = self.client.api.inspect_container(sandbox.container_id)["State"]
        if state.get("OOMKilled"):
            return talk.reader.partial(Status.MEMORY_LIMIT, wall=talk.seconds)
        if talk.reader.started:  # the program killed or starved its launcher (same user)
            return talk.reader.partial(
                Status.RUNTIME_ERROR, wall=talk.seconds,
                error=f"the program stopped the harness (exit {state.get('ExitCode')})")
        detail = sandbox.channel.diagnostics.decode("utf-8", "replace").strip()[-500:]
        if retry_allowed:
            raise ContainerLostError(detail or state.get("Status"))
        return talk.reader.partial(Status.SANDBOX_ERROR, wall=talk.seconds,
                                   error=f"container ended before the program started: {detail}")

    def error(self, message: str) -> RunResult:
        return RunResult(Status.SANDBOX_ERROR, error=message, backend=self.name)

    def containers(self) -> list[dict]:
        """This runner's containers on the engine (ready, running or not yet removed)."""
        label = f"{RUNNER_LABEL}={self.factory.labels[RUNNER_LABEL]}"
        return janitor.labelled(self.client, label)

    def state(self) -> dict:
        """The pool's state for ``doctor`` and admin pages."""
        return self.pool.state() if self.pool else {"size": 0, "ready": 0, "starting": 0,
                                                    "last_error": None}

    def close(self) -> None:
        """Remove ready containers, finish pending removals, close the client."""
        if self.pool:
            self.pool.close()
        self.reaper.close()
        self.client.close()
