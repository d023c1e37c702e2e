"""The Docker backend against a real engine: hardening, single use, cleanup, pool recovery."""

from __future__ import annotations

import concurrent.futures
import time

import pytest

from sandbox import janitor
from sandbox.containers import LABEL, OWNER_LABEL, RUNNER_LABEL, Profile, hardening_problems
from sandbox.docker_backend import DockerRunner
from sandbox.engine import connect, engine_facts, runc_problem
from sandbox.spec import Limits, RunSpec, Status
from tests.sandbox.conftest import python, require_docker_image

pytestmark = pytest.mark.docker


@pytest.fixture
def own_runner():
    """A runner of the test's own (pool size given by the test), closed afterwards."""
    require_docker_image()
    made = []

    def make(pool_size: int = 0, **kwargs) -> DockerRunner:
        made.append(DockerRunner(pool_size=pool_size, **kwargs))
        return made[-1]
    yield make
    for runner in made:
        runner.close()


def wait_for(condition, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.05)


def test_a_pooled_container_is_hardened(docker_runner):
    sandbox = docker_runner.factory.start(Profile.of(Limits()))
    try:
        inspected = docker_runner.client.api.inspect_container(sandbox.container_id)
    finally:
        docker_runner.reaper.dispose(sandbox)
    host = inspected["HostConfig"]
    assert hardening_problems(inspected) == []
    assert host["NanoCpus"] == 10**9 and host["IpcMode"] == "none"  # private, no Docker shm
    assert "nr_inodes=" in host["Tmpfs"]["/tmp"] and "nr_inodes=" in host["Tmpfs"]["/dev/shm"]
    assert {u["Name"]: u["Hard"] for u in host["Ulimits"]}["core"] == 0


def test_inside_the_process_has_no_privileges(docker_runner):
    code = ("import os\nprint(os.getuid(), os.getgid())\n"
            "print(''.join(l for l in open('/proc/self/status') "
            "if l.split(':')[0] in ('CapEff', 'NoNewPrivs', 'Seccomp')))")
    out = docker_runner.run(python(code)).stdout.decode().split()
    assert out[:2] == ["65534", "65534"]
    assert dict(zip(out[2::2], out[3::2], strict=True)) == {
        "CapEff:": "0000000000000000", "NoNewPrivs:": "1", "Seccomp:": "2"}


def test_the_engine_runs_a_patched_runc(docker_runner):
    facts = engine_facts(docker_runner.client)
    assert runc_problem(facts.runc_version, facts.runc_commit) is None


def test_the_sqlite3_cli_is_in_the_image(docker_runner):
    sql = b"create table t(x); insert into t values (6*7); select x from t;"
    spec = RunSpec(files={"q.sql": sql}, argv=["sqlite3", "-bail", ":memory:", ".read q.sql"])
    assert docker_runner.run(spec).stdout == b"42\n"


def test_no_container_is_used_twice(docker_runner):
    spec = python("import os; print(open('/proc/self/cgroup').read().split('/')[-1].strip())"
                  "; print(os.path.exists('/tmp/flag')); open('/tmp/flag', 'w').close()")
    first, second = (docker_runner.run(spec).stdout.split() for _ in range(2))
    assert first[1] == second[1] == b"False" and first[0] != second[0]


def test_runs_in_parallel_stay_apart(docker_runner):
    specs = [python(f"print({i} * {i})") for i in range(8)]
    with concurrent.futures.ThreadPoolExecutor(4) as workers:
        results = list(workers.map(docker_runner.run, specs))
    assert [r.stdout for r in results] == [f"{i * i}\n".encode() for i in range(8)]


def test_a_run_needing_other_container_limits_takes_the_cold_path(docker_runner):
    result = docker_runner.run(python("x = bytearray(100 << 20); print('ok')",
                                      limits=Limits(memory_mib=64)))
    assert result.status == Status.MEMORY_LIMIT
    roomy = docker_runner.run(python("x = bytearray(300 << 20); print('ok')",
                                     limits=Limits(memory_mib=512)))
    assert roomy.status == Status.OK and roomy.stdout == b"ok\n"


def test_pool_size_zero_is_the_cold_path(own_runner):
    runner = own_runner(pool_size=0)
    assert runner.pool is None and runner.run(python("print(5)")).stdout == b"5\n"


def test_closing_a_runner_leaves_no_container(own_runner):
    runner = own_runner(pool_size=2)
    wait_for(lambda: runner.state()["ready"] == 2)
    assert runner.run(python("print(1)")).status == Status.OK
    runner.close()
    client = connect()
    try:
        mine = f"{RUNNER_LABEL}={runner.factory.labels[RUNNER_LABEL]}"
        assert janitor.labelled(client, mine) == []
    finally:
        client.close()


def test_containers_left_by_a_dead_process_are_removed_at_start(own_runner, docker_runner):
    api = docker_runner.client.api
    dead_owner = f"{janitor.owner_id().split(':')[0]}:999999999:0"
    crashed = api.create_container("kodprov-sandbox:latest", command=["true"],
                                   labels={LABEL: "1", OWNER_LABEL: dead_owner})["Id"]
    own_runner(pool_size=0)
    assert crashed not in [c["Id"] for c in janitor.labelled(docker_runner.client)]


def test_the_pool_recovers_when_its_containers_are_killed(own_runner):
    runner = own_runner(pool_size=2)
    wait_for(lambda: runner.state()["ready"] == 2)
    for container in runner.containers():
        runner.client.api.kill(container["Id"])
    result = runner.run(python("print('still here')"))
    assert result.status == Status.OK and result.stdout == b"still here\n"
    wait_for(lambda: runner.state()["ready"] == 2)


def test_a_missing_image_is_our_error_with_the_fix(own_runner):
    runner = own_runner(pool_size=0, image="kodprov-sandbox:no-such-tag")
    result = runner.run(python("print(1)"))
    assert result.status == Status.SANDBOX_ERROR and "build-image" in result.error


def test_a_program_cannot_kill_or_trace_its_harness(docker_runner):
    code = """
import ctypes, os, signal
parent = os.getppid()
for signum in (signal.SIGKILL, signal.SIGSTOP, signal.SIGTERM, signal.SIGINT):
    os.kill(parent, signum)
PTRACE_ATTACH = 16
print(parent, ctypes.CDLL(None, use_errno=True).ptrace(PTRACE_ATTACH, parent, None, None))
"""
    result = docker_runner.run(python(code))
    assert (result.status, result.stdout) == (Status.OK, b"1 -1\n")
