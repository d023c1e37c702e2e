"""Sandbox latency and throughput, measured in one run on this machine.

    .venv/bin/python bench/sandbox.py [--runs 40] [--seconds 20] [--concurrency 4]

- bare: the real interpreter, ``/usr/bin/python3 -c 'print(1)'`` as a subprocess;
- cold: a ``docker run`` of the same program with the hardened settings
  (create, attach, start, read, wait, remove);
- pooled: the same program through the pre-started pool, from handing the code over to the
  result (the pool is let refill between samples, as on a server that is not saturated);
- churn ceiling: hardened containers of the same program created, started, waited for and
  removed per second at the given concurrency (the most one-container-per-run can do here);
- throughput: pooled runs per second at the same concurrency, sustained for ``--seconds``.

The last two lines are ``pooled/bare = X.XX`` and ``throughput/churn ceiling = X.XX``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

# This file is named like the package it measures: put the project, not bench/, first on the path.
sys.path.remove(str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sandbox import engine
from sandbox.attach import AttachChannel
from sandbox.config import default_pool_size
from sandbox.containers import LABEL, USER, Profile, host_config_options
from sandbox.docker_backend import DockerRunner
from sandbox.image.build import DEFAULT_IMAGE
from sandbox.spec import Limits, RunSpec, Status

BASELINE = "/usr/bin/python3"
PROGRAM = "print(1)"
SPEC = RunSpec(files={"main.py": PROGRAM.encode()}, argv=["python3", "main.py"])


def timed(action: Callable[[], None], runs: int,
          before: Callable[[], None] = lambda: None) -> list[float]:
    """Seconds taken by each of ``runs`` calls (after one warm-up call); ``before`` is untimed."""
    action()
    samples = []
    for _ in range(runs):
        before()
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples


def summary(name: str, samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (f"{name:<14} median {statistics.median(samples) * 1000:7.1f} ms   "
            f"p95 {p95 * 1000:7.1f} ms   (n={len(samples)})")


def bare() -> None:
    done = subprocess.run([BASELINE, "-c", PROGRAM], capture_output=True, check=True)
    assert done.stdout == b"1\n"


def docker_run(client) -> None:
    """One hardened ``docker run --rm`` of the program, output read on the attach socket."""
    api = client.api
    options = host_config_options(Profile.of(Limits()), None)
    container = api.create_container(
        DEFAULT_IMAGE, command=["python3", "-c", PROGRAM], user=USER, stdin_open=False,
        labels={LABEL: "bench"}, host_config=api.create_host_config(**options))["Id"]
    try:
        channel = AttachChannel(api.attach_socket(
            container, params={"stdout": 1, "stderr": 1, "stream": 1}))
        api.start(container)
        out = b""
        while not channel.closed:
            out += channel.recv(30)
        channel.close()
        assert api.wait(container, timeout=30)["StatusCode"] == 0 and out == b"1\n"
    finally:
        api.remove_container(container, force=True)


def pooled_run(runner: DockerRunner) -> None:
    result = runner.run(SPEC)
    assert result.status == Status.OK and result.stdout == b"1\n", result


def settle(runner: DockerRunner) -> None:
    """Wait until the pool is full and the reaper idle, so a sample measures the hand-over."""
    while runner.state()["ready"] < runner.state()["size"] or not runner.reaper.idle():
        time.sleep(0.01)


def sustained(action: Callable[[], None], concurrency: int, seconds: float) -> tuple:
    """(operations per second, latencies) of ``action`` run by ``concurrency`` threads."""
    latencies: list[float] = []
    stop = time.monotonic() + seconds

    def worker() -> None:
        while time.monotonic() < stop:
            started = time.perf_counter()
            action()
            latencies.append(time.perf_counter() - started)

    began = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(latencies) / (time.monotonic() - began), latencies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--pool-size", type=int, default=None, help="default: 2 per CPU")
    args = parser.parse_args()
    client = engine.connect()
    pool_size = args.pool_size or default_pool_size()

    bare_s = timed(bare, args.runs)
    print(summary("bare", bare_s))
    print(summary("cold", timed(lambda: docker_run(client), args.runs)))
    runner = DockerRunner(pool_size=pool_size)
    try:
        pooled_s = timed(lambda: pooled_run(runner), args.runs, lambda: settle(runner))
        print(summary("pooled", pooled_s))
        churn, churn_s = sustained(lambda: docker_run(client), args.concurrency, args.seconds)
        print(summary("churn", churn_s) + f"   {churn:.2f} containers/s")
        settle(runner)
        rate, rate_s = sustained(lambda: pooled_run(runner), args.concurrency, args.seconds)
        print(summary("throughput", rate_s) + f"   {rate:.2f} runs/s")
    finally:
        runner.close()
        client.close()
    print(f"pooled/bare = {statistics.median(pooled_s) / statistics.median(bare_s):.2f}")
    print(f"throughput/churn ceiling = {rate / churn:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
