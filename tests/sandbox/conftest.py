"""Fixtures for the sandbox suites: runners for each backend and a spec helper."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sandbox.spec import Limits, RunSpec
from tests.services import docker_available, require_service

#: limits that keep hostile cases short while leaving room for a loaded CI machine
QUICK = Limits(cpu_seconds=2.0, wall_seconds=4.0)


def python(code: str | bytes, stdin: bytes = b"", limits: Limits = QUICK) -> RunSpec:
    """A spec that runs ``code`` as ``main.py`` with ``python3``."""
    body = code.encode() if isinstance(code, str) else code
    return RunSpec(files={"main.py": body}, argv=["python3", "main.py"], stdin=stdin,
                   limits=limits)


def require_docker_image() -> None:
    """Skip (locally) or fail (CI) unless Docker answers and the image matches the harness."""
    require_service("Docker", docker_available(),
                    "start dockerd and run `kodprov sandbox build-image`")
    from sandbox.engine import connect
    from sandbox.image.build import DEFAULT_IMAGE, image_state

    client = connect(10)
    try:
        state = image_state(client, DEFAULT_IMAGE)
    finally:
        client.close()
    require_service(f"The sandbox image ({state})", state == "current",
                    "run `kodprov sandbox build-image` (or `python -m sandbox.image`)")


@pytest.fixture(scope="session")
def docker_runner() -> Iterator:
    """One pooled Docker runner shared by the Docker suites; closed (and checked) at the end."""
    require_docker_image()
    from sandbox.docker_backend import DockerRunner

    runner = DockerRunner(pool_size=4)
    yield runner
    runner.close()


@pytest.fixture
def process_runner():
    """The development process backend."""
    from sandbox.process_backend import ProcessRunner

    return ProcessRunner()
