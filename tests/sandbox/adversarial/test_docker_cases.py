"""Every hostile case against the Docker backend, then: nothing left behind, the engine answers.

The cases run in parallel threads (as they would on a busy server) once per module, in a runner
of their own; each test then checks one case's results, and one test closes that runner and
checks the aftermath. No test depends on another having run first: whichever needs the cases
run asks for ``results``, which runs them.
"""

from __future__ import annotations

import concurrent.futures
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from sandbox.containers import RUNNER_LABEL, ContainerFactory
from sandbox.docker_backend import DockerRunner
from sandbox.engine import connect
from sandbox.janitor import labelled
from sandbox.spec import Limits, RunResult, RunSpec, Status
from sandbox.validation import InvalidSpecError
from tests.sandbox.adversarial.catalogue import Case, all_cases, verify
from tests.sandbox.conftest import python, require_docker_image

pytestmark = pytest.mark.docker

CASES = all_cases()
SECOND_OF_PAIR = {case.directives["pair"] for case in CASES if "pair" in case.directives}
LEADS = [case for case in CASES if case.name not in SECOND_OF_PAIR]
WORKERS = 3


def runs_of(runner: DockerRunner, case: Case) -> list[RunResult]:
    """All runs of a case: repeated when asked, its pair right after it."""
    results = [runner.run(case.spec()) for _ in range(int(case.directives.get("repeat", 1)))]
    if "pair" in case.directives:
        partner = next(c for c in CASES if c.name == case.directives["pair"])
        results.append(runner.run(partner.spec()))
    return results


def processes_in(container_ids: set[str]) -> list[int]:
    """Host processes still inside any of these containers' cgroups."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cgroups = Path(f"/proc/{pid}/cgroup").read_text()
        except OSError:
            continue
        if any(container_id in cgroups for container_id in container_ids):
            found.append(int(pid))
    return found


@pytest.fixture(scope="module")
def created() -> Iterator[dict[str, ContainerFactory]]:
    """Records every container made while the module runs, with the factory that made it."""
    made: dict[str, ContainerFactory] = {}
    start = ContainerFactory.start

    def recording(factory, profile):
        sandbox = start(factory, profile)
        made[sandbox.container_id] = factory
        return sandbox
    patch = pytest.MonkeyPatch()
    patch.setattr(ContainerFactory, "start", recording)
    yield made
    patch.undo()


def pooled_runner() -> Iterator[DockerRunner]:
    require_docker_image()
    made = DockerRunner(pool_size=4)
    yield made
    made.close()


@pytest.fixture(scope="module")
def runner(created) -> Iterator[DockerRunner]:
    """A pooled runner for the tests that run something themselves."""
    yield from pooled_runner()


@pytest.fixture(scope="module")
def case_runner(created) -> Iterator[DockerRunner]:
    """The pooled runner the cases run in, of their own, so its containers can be counted."""
    yield from pooled_runner()


@pytest.fixture(scope="module")
def results(case_runner) -> dict[str, list[RunResult]]:
    """Every case run once, in parallel; pairs and repeats in order within their case."""
    with concurrent.futures.ThreadPoolExecutor(WORKERS) as workers:
        runs = workers.map(lambda case: runs_of(case_runner, case), LEADS)
        return dict(zip([case.name for case in LEADS], runs, strict=True))


@pytest.mark.parametrize("case", LEADS, ids=lambda c: c.name)
def test_case(case: Case, results):
    """The case ends with its expected status, and no defence reported a leak."""
    for result in results[case.name]:
        if result is results[case.name][-1] and "pair" in case.directives:
            partner = next(c for c in CASES if c.name == case.directives["pair"])
            verify(partner, result)
        else:
            verify(case, result)


def test_a_second_job_during_a_fork_bomb_finishes_normally(runner):
    bomb = next(c for c in CASES if c.name == "fork_bomb.py")
    with concurrent.futures.ThreadPoolExecutor(1) as worker:
        running = worker.submit(runner.run, bomb.spec())
        normal = runner.run(python("print(sum(range(10)))", limits=Limits(wall_seconds=30)))
        verify(bomb, running.result())
    assert normal.status == Status.OK and normal.stdout == b"45\n"


def test_fifty_mixed_submissions_at_once_each_get_a_verdict(runner):
    """Case 32: bombs, floods and normal jobs together; no container shared, none stuck."""
    hostile = [c.spec() for c in CASES if c.name in ("fork_bomb.py", "memory_bomb.py",
                                                      "stdout_flood.py")]
    marker = "import os; print(open('/proc/self/cgroup').read().split('/')[-1].strip())"
    normal = python(marker, limits=Limits(wall_seconds=30))
    specs = [*hostile, normal] * 12 + [normal, normal]
    with concurrent.futures.ThreadPoolExecutor(16) as workers:
        results = list(workers.map(runner.run, specs))
    assert all(r.status != Status.SANDBOX_ERROR for r in results)
    normals = [r for s, r in zip(specs, results, strict=True) if s is normal]
    assert all(r.status == Status.OK for r in normals)
    assert len({r.stdout for r in normals}) == len(normals)  # a container each


@pytest.mark.parametrize("name", ["../../etc/cron.d/x", "/abs/path", "a/../../b", "nul\0name",
                                  "new\nline"])
def test_case_23_path_traversal_is_refused_before_any_container(runner, name, monkeypatch):
    monkeypatch.setattr(runner.factory, "start", lambda profile: pytest.fail("container made"))
    monkeypatch.setattr(runner, "pool", None)
    with pytest.raises(InvalidSpecError):
        runner.run(RunSpec(files={name: b"x"}, argv=["python3", "x"]))


@pytest.mark.parametrize("files", [
    {"main.py": b"#" * (10 * 1024 * 1024)},
    {f"f{i}": b"" for i in range(100_000)},
], ids=["10 MB source", "100000 tiny files"])
def test_case_24_upload_bombs_are_refused_before_any_container(runner, files, monkeypatch):
    monkeypatch.setattr(runner.factory, "start", lambda profile: pytest.fail("container made"))
    monkeypatch.setattr(runner, "pool", None)
    with pytest.raises(InvalidSpecError):
        runner.run(RunSpec(files=files, argv=["python3", "main.py"]))


def test_after_the_cases_nothing_is_left_behind_and_the_engine_still_answers(
        case_runner, results, created):
    """Once the cases ran and their runner closed: no container of it, no process in any of
    them, the engine up."""
    case_runner.close()
    client = connect()
    try:
        assert client.ping()
        mine = f"{RUNNER_LABEL}={case_runner.factory.labels[RUNNER_LABEL]}"
        assert labelled(client, mine) == []
    finally:
        client.close()
    containers = {cid for cid, factory in created.items() if factory is case_runner.factory}
    assert len(containers) > len(LEADS) and processes_in(containers) == []
