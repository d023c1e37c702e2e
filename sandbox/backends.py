"""Choosing a backend: ``get_runner`` makes one; ``LazyRunner`` makes the configured one on
first use and knows the warning that admins see while the unisolated process backend is in
use."""

from __future__ import annotations

import logging
import threading

from sandbox.config import SandboxConfig
from sandbox.runner import SandboxConfigError, SandboxRunner
from sandbox.spec import RunResult, RunSpec

log = logging.getLogger(__name__)

PROCESS_WARNING = (
    "Submissions run in the local process sandbox, which does NOT isolate them from this machine. "
    "Development only: start Docker and run `kodprov sandbox build-image`."
)


def docker_ready(image: str) -> tuple[bool, str]:
    """Whether Docker can run sandboxes here, and if not, why."""
    from sandbox import engine
    from sandbox.image.build import image_state

    if not engine.engine_answers():
        return False, "no Docker engine answers"
    client = engine.connect(10)
    try:
        state = image_state(client, image)
    finally:
        client.close()
    if state == "missing":
        return False, f"the image {image} is missing"
    if state == "stale":
        log.warning("sandbox image %s is older than the harness: run "
                    "`kodprov sandbox build-image`", image)
    return True, f"Docker with {image}"


def resolve(name: str, config: SandboxConfig, production: bool) -> tuple[str, str]:
    """The concrete backend for ``name`` (``auto`` resolved), and why it was chosen."""
    if name not in ("auto", "docker", "process", "fake"):
        raise SandboxConfigError(f"unknown sandbox backend {name!r}")
    if production and name in ("process", "fake"):
        raise SandboxConfigError(
            f"the {name} sandbox is not a security boundary and is refused in production")
    if name != "auto":
        return name, f"chosen by configuration ({name})"
    if production:  # production never falls back: without Docker, runs report sandbox_error
        return "docker", "production uses Docker"
    ready, reason = docker_ready(config.image)
    return ("docker" if ready else "process"), f"auto: {reason}"


def get_runner(name: str | None = None, *, production: bool | None = None,
               config: SandboxConfig | None = None) -> SandboxRunner:
    """A new runner for ``name`` (``auto``, ``docker``, ``process``, ``fake``; default: the
    config's backend). Production refuses ``process`` and ``fake``."""
    return made_runner(name, production=production, config=config)[0]


def made_runner(name: str | None = None, *, production: bool | None = None,
                config: SandboxConfig | None = None) -> tuple[SandboxRunner, str | None]:
    """A new runner as ``get_runner`` makes it, and the warning admins see while it is the
    unisolated process backend (else None)."""
    config = config or SandboxConfig()
    production = config.production if production is None else production
    chosen, reason = resolve((name or config.backend).lower(), config, production)
    if chosen == "docker":
        from sandbox.docker_backend import DockerRunner

        return DockerRunner(config.image, config.pool_size, config.runtime,
                            allow_old_runc=config.allow_old_runc), None
    if chosen == "fake":
        from sandbox.fake import FakeRunner

        return FakeRunner(), None
    from sandbox.process_backend import ProcessRunner

    log.warning("SANDBOX: %s (%s)", PROCESS_WARNING, reason)
    return ProcessRunner(base_dir=config.base_dir), f"{PROCESS_WARNING} ({reason})"


class LazyRunner:
    """The runner a config names, made on first use (a Docker pool starts containers) and
    shared by every thread of its owner (the web app, a worker, a command)."""

    def __init__(self, config: SandboxConfig) -> None:
        self.config = config
        #: the admin banner text while runs go to the unisolated process backend, else None
        self.warning: str | None = None
        self._runner: SandboxRunner | None = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        """The backend in use (the configured one until the first run)."""
        return self._runner.name if self._runner else self.config.backend

    def runner(self) -> SandboxRunner:
        """The runner itself, made now if this is the first use."""
        with self._lock:
            if self._runner is None:
                self._runner, self.warning = made_runner(config=self.config)
            return self._runner

    def run(self, spec: RunSpec) -> RunResult:
        """Run ``spec`` with the configured backend."""
        return self.runner().run(spec)

    def close(self) -> None:
        """Close the runner if one was made (a later run makes a new one)."""
        with self._lock:
            runner, self._runner, self.warning = self._runner, None, None
        if runner is not None:
            runner.close()
