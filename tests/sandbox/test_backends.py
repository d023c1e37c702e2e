"""Choosing a backend: configuration, the production guard, the fallback and its warning."""

from __future__ import annotations

import pytest

import sandbox
from sandbox import LazyRunner, backends
from sandbox.config import SandboxConfig
from sandbox.fake import FakeRunner
from sandbox.process_backend import ProcessRunner, private_folder, remove_folder
from sandbox.runner import SandboxConfigError, SandboxRunner
from sandbox.spec import RunResult, RunSpec, Status

SPEC = RunSpec(files={"main.py": b"print(1)"}, argv=["python3", "main.py"])


class StubDockerRunner:
    name = "docker"

    def __init__(self, image, pool_size, runtime, allow_old_runc=False) -> None:
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


def test_an_unknown_backend_name_is_refused():
    with pytest.raises(SandboxConfigError):
        sandbox.get_runner("chroot", config=SandboxConfig())


@pytest.mark.parametrize("name", ["process", "fake"])
def test_production_refuses_backends_that_do_not_isolate(name):
    with pytest.raises(SandboxConfigError, match="refused in production"):
        sandbox.get_runner(name, production=True)


def test_a_production_config_refuses_the_process_backend():
    with pytest.raises(SandboxConfigError):
        sandbox.get_runner("process", config=SandboxConfig(production=True))
    with pytest.raises(SandboxConfigError):
        LazyRunner(SandboxConfig(backend="process", production=True)).runner()


def test_auto_falls_back_to_the_process_backend_with_a_loud_warning(monkeypatch, log_records):
    engine_is(monkeypatch, ready=False)
    lazy = LazyRunner(SandboxConfig())
    assert lazy.warning is None  # nothing is made before the first use
    assert isinstance(lazy.runner(), ProcessRunner)
    assert "NOT isolate" in lazy.warning and "no Docker engine answers" in lazy.warning
    assert any(r.levelname == "WARNING" and "SANDBOX" in r.getMessage() for r in log_records)
    lazy.close()
    assert lazy.warning is None


def test_auto_picks_docker_when_the_engine_and_image_are_there(monkeypatch, docker_stub):
    engine_is(monkeypatch, ready=True)
    lazy = LazyRunner(SandboxConfig(image="img", pool_size=3))
    assert lazy.runner().args == ("img", 3, None) and lazy.warning is None


def test_auto_in_production_never_falls_back(monkeypatch, docker_stub):
    engine_is(monkeypatch, ready=False)
    runner = sandbox.get_runner("auto", production=True, config=SandboxConfig())
    assert isinstance(runner, StubDockerRunner)


def test_a_lazy_runner_makes_the_configured_runner_once_and_a_new_one_after_close():
    lazy = LazyRunner(SandboxConfig(backend="fake"))
    assert lazy.run(SPEC).backend == "fake" and lazy.run(SPEC).backend == "fake"
    made = lazy.runner()
    assert isinstance(made, FakeRunner) and len(made.calls) == 2
    lazy.close()
    assert made.closed and lazy.runner() is not made


def test_each_process_runner_makes_its_runs_in_a_private_folder_it_removes():
    first, second = ProcessRunner(), ProcessRunner()
    assert first.base_dir != second.base_dir
    try:
        assert first.run(SPEC).stdout == b"1\n"
        assert list(first.base_dir.iterdir()) == []  # each run's folder is gone after the run
    finally:
        first.close()
        second.close()
    assert not first.base_dir.exists() and not second.base_dir.exists()


def test_a_process_runner_given_a_base_folder_keeps_it():
    base = private_folder()  # uid 65534 reaches it (pytest's own tmp_path it may not)
    try:
        runner = ProcessRunner(base_dir=base)
        assert runner.run(SPEC).stdout == b"1\n"
        runner.close()
        assert base.is_dir() and list(base.iterdir()) == []
    finally:
        remove_folder(base)


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
