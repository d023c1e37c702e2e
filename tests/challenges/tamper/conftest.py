"""The two runners every tamper case goes through: local (no isolation) and Docker."""

from __future__ import annotations

import pytest

from tests.challenges.local_runner import LocalRunner


@pytest.fixture(scope="package")
def docker_sandbox():
    from sandbox.docker_backend import DockerRunner
    from tests.sandbox.conftest import require_docker_image

    require_docker_image()
    runner = DockerRunner(pool_size=2)
    yield runner
    runner.close()


@pytest.fixture(params=["local", pytest.param("docker", marks=[pytest.mark.docker,
                                                              pytest.mark.slow])])
def runner(request):
    if request.param == "local":
        return LocalRunner()
    return request.getfixturevalue("docker_sandbox")
