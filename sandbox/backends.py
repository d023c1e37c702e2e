"""Choosing a backend: ``get_runner``, the shared runner behind ``sandbox.run``, and the warning
that admins see while the unisolated process backend is in use."""

from __future__ import annotations

import atexit
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



class _Shared:
    """The process-wide runner and the current warning."""

    runner: SandboxRunner | None = None
    warning: str | None = None
    lock = threading.Lock()


def backend_warning() -> str | None:
    """The admin banner text while the process backend is in use, else None."""
    return _Shared.warning


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
    """A new runner for ``name`` (``auto``, ``docker``, ``process``, ``fake``; default from the
    environment). Production (``KODPROV_ENV=production``) refuses ``process`` and ``fake``."""
    config = config or SandboxConfig.from_env()
    production = config.production if production is None else production
    chosen, reason = resolve((name or config.backend).lower(), config, production)
    if chosen == "docker":
        from sandbox.docker_backend import DockerRunner

        return DockerRunner(config.image, config.pool_size, config.runtime)
    if chosen == "fake":
        from sandbox.fake import FakeRunner

        return FakeRunner()
    from sandbox.process_backend import ProcessRunner

    _Shared.warning = f"{PROCESS_WARNING} ({reason})"
    log.warning("SANDBOX: %s (%s)", PROCESS_WARNING, reason)
    return ProcessRunner()


def default_runner() -> SandboxRunner:
    """The process-wide runner behind ``run``, made on first use and closed at exit."""
    with _Shared.lock:
        if _Shared.runner is None:
            _Shared.runner = get_runner()
            atexit.register(close_default_runner)
        return _Shared.runner


def close_default_runner() -> None:
    """Close the shared runner (the next ``run`` makes a new one from the environment)."""
    with _Shared.lock:
        runner, _Shared.runner, _Shared.warning = _Shared.runner, None, None
    if runner is not None:
        runner.close()


def run(spec: RunSpec) -> RunResult:
    """Run ``spec`` with the configured backend (see ``get_runner``)."""
    return default_runner().run(spec)
