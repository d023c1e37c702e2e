"""Choosing a backend: configuration, the production guard, the fallback and its warning."""

from __future__ import annotations

import pytest

import sandbox
from sandbox import backends
from sandbox.config import SandboxConfig, default_pool_size
from sandbox.fake import FakeRunner
from sandbox.process_backend import ProcessRunner
from sandbox.runner import SandboxConfigError, SandboxRunner
from sandbox.spec import RunResult, RunSpec, Status

SPEC = RunSpec(files={"main.py": b"print(1)"}, argv=["python3", "main.py"])


@pytest.fixture(autouse=True)
def fresh_state():
    """Every test starts without a shared runner or a warning, and leaves none."""
    backends.close_default_runner()
    yield
    backends.close_default_runner()


class StubDockerRunner:
    name = "docker"

    def __init__(self, image, pool_size, runtime) -> None:
        self.args = (image, pool_size, runtime)

    def run(self, spec):
        return RunResult(Status.OK, backend=self.name)

    def close(self) -> None:
        pass


@pytest.fixture
def docker_stub(monkeypatch):
    monkeypatch.setattr("sandbox.docker_backend.DockerRunner", StubDockerRunner)


def engine_is(monkeypatch, ready: bool) -> None:
    reason = "Docker with the image" if ready else "no Docker engine answers"
    monkeypatch.setattr(backends, "docker_ready", lambda image: (ready, reason))


def test_configuration_comes_from_the_environment():
    config = SandboxConfig.from_env({
        "KODPROV_SANDBOX": "docker", "KODPROV_SANDBOX_IMAGE": "img:1",
        "KODPROV_SANDBOX_POOL_SIZE": "0", "KODPROV_SANDBOX_RUNTIME": "runsc",
        "KODPROV_ENV": "production"})
    assert config == SandboxConfig("docker", "img:1", 0, "runsc", True)


def test_defaults_are_auto_the_standard_image_and_two_containers_per_cpu():
    config = SandboxConfig.from_env({})
    assert (config.backend, config.image) == ("auto", "kodprov-sandbox:latest")
    assert config.pool_size == default_pool_size() and not config.production


def test_an_unknown_backend_name_is_refused():
    with pytest.raises(ValueError, match="KODPROV_SANDBOX"):
        SandboxConfig.from_env({"KODPROV_SANDBOX": "chroot"})
    with pytest.raises(SandboxConfigError):
        sandbox.get_runner("chroot", config=SandboxConfig())


@pytest.mark.parametrize("name", ["process", "fake"])
def test_production_refuses_backends_that_do_not_isolate(name):
    with pytest.raises(SandboxConfigError, match="refused in production"):
        sandbox.get_runner(name, production=True)


def test_production_from_the_environment_refuses_the_process_backend(monkeypatch):
    monkeypatch.setenv("KODPROV_ENV", "production")
    with pytest.raises(SandboxConfigError):
        sandbox.get_runner("process")


def test_auto_falls_back_to_the_process_backend_with_a_loud_warning(monkeypatch, log_records):
    engine_is(monkeypatch, ready=False)
    runner = sandbox.get_runner("auto", config=SandboxConfig())
    assert isinstance(runner, ProcessRunner)
    assert "NOT isolate" in sandbox.backend_warning()
    assert "no Docker engine answers" in sandbox.backend_warning()
    assert any(r.levelname == "WARNING" and "SANDBOX" in r.getMessage() for r in log_records)


def test_auto_picks_docker_when_the_engine_and_image_are_there(monkeypatch, docker_stub):
    engine_is(monkeypatch, ready=True)
    runner = sandbox.get_runner("auto", config=SandboxConfig(image="img", pool_size=3))
    assert runner.args == ("img", 3, None) and sandbox.backend_warning() is None


def test_auto_in_production_never_falls_back(monkeypatch, docker_stub):
    engine_is(monkeypatch, ready=False)
    runner = sandbox.get_runner("auto", production=True, config=SandboxConfig())
    assert isinstance(runner, StubDockerRunner)


def test_run_uses_the_configured_shared_runner(monkeypatch):
    monkeypatch.setenv("KODPROV_SANDBOX", "fake")
    assert sandbox.run(SPEC).backend == "fake"
    assert sandbox.run(SPEC).backend == "fake"
    shared = backends.default_runner()
    assert isinstance(shared, FakeRunner) and len(shared.calls) == 2


def test_every_runner_fits_the_port():
    for runner in (FakeRunner(), ProcessRunner()):
        assert isinstance(runner, SandboxRunner)


def test_the_fake_records_specs_and_answers_as_told():
    fake = FakeRunner(lambda spec: RunResult(Status.WALL_LIMIT, stdout=spec.stdin))
    result = fake.run(RunSpec(files={}, argv=["x"], stdin=b"in"))
    assert (result.status, result.stdout, result.backend) == (Status.WALL_LIMIT, b"in", "fake")
    assert fake.calls[0].argv == ["x"]
    fake.close()
    assert fake.closed


def test_the_fake_still_refuses_unsafe_specs():
    with pytest.raises(sandbox.InvalidSpecError):
        FakeRunner().run(RunSpec(files={"../x": b""}, argv=["x"]))
