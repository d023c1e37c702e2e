"""``kodprov sandbox doctor``: is the sandbox healthy here, and what to do when it is not."""

from __future__ import annotations

import dataclasses
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass

from sandbox.config import SandboxConfig
from sandbox.spec import RunSpec, Status

START_DOCKER = ("start the engine: as root, `scripts/services.sh` (or `nohup dockerd "
                "--bridge=none --iptables=false --ip-forward=false &`)")
BUILD_IMAGE = "run `kodprov sandbox build-image` (or `python -m sandbox.image`)"
REBUILD_IMAGE = "run `kodprov sandbox build-image --force`"
POOL_FILL_SECONDS = 30.0


@dataclass
class Check:
    """One line of the report: ``ok`` True (fine), False (a problem) or None (information)."""

    name: str
    ok: bool | None
    detail: str
    fix: str = ""

    def line(self) -> str:
        """The check as one line for the terminal."""
        mark = {True: "ok  ", False: "FAIL", None: "info"}[self.ok]
        fix = f"\n      -> {self.fix}" if self.fix and self.ok is False else ""
        return f"{mark}  {self.name}: {self.detail}{fix}"


def diagnose(config: SandboxConfig) -> list[Check]:
    """Every check, in the order an admin would fix them."""
    checks = [Check("configuration", None, describe(config))]
    checks += list(docker_checks(config))
    checks.append(auto_choice(config))
    return checks


def describe(config: SandboxConfig) -> str:
    return (f"KODPROV_SANDBOX={config.backend}, image {config.image}, pool size "
            f"{config.pool_size}, runtime {config.runtime or 'default'}"
            f"{', production' if config.production else ''}")


def docker_checks(config: SandboxConfig) -> Iterator[Check]:
    """Engine, runc, runtime, image, leftovers, and a pooled trial run."""
    from sandbox import engine, janitor
    from sandbox.image.build import image_state

    try:
        client = engine.connect(10)
        client.ping()
        facts = engine.engine_facts(client)
    except Exception as exc:
        yield Check("Docker engine", False, f"not reachable ({exc})", START_DOCKER)
        return
    try:
        yield Check("Docker engine", True,
                    f"Docker {facts.version}, cgroup v{facts.cgroup_version}")
        yield runc_check(facts, config.allow_old_runc)
        yield runtime_check(config, facts)
        state = image_state(client, config.image)
        yield Check("image", state == "current", f"{config.image} is {state}",
                    BUILD_IMAGE)
        left = janitor.labelled(client)
        stale = sum(janitor.is_stale(c["Labels"].get(janitor.OWNER_LABEL, "")) for c in left)
        yield Check("containers", None, f"{len(left)} sandbox containers on the engine, {stale} "
                    "left by dead processes (removed when a runner starts)")
        if state != "missing":
            yield trial_run(config)
    finally:
        client.close()


def runc_check(facts, allow_old: bool = False) -> Check:
    from sandbox import engine

    problem = engine.runc_problem(facts.runc_version, facts.runc_commit, allow_old)
    detail = f"runc {facts.runc_version or '?'} ({facts.runc_commit or 'no commit'})"
    return Check("runc", problem is None, problem or f"{detail}: has the CVE-2024-21626 fix",
                 "upgrade the Docker engine and runc")


def runtime_check(config: SandboxConfig, facts) -> Check:
    """The configured runtime (e.g. runsc) is registered with the engine, with its version."""
    name = config.runtime or facts.default_runtime or "runc"
    if name not in facts.runtimes:
        return Check("runtime", False, f"{name} is not registered with the engine "
                     f"(has: {', '.join(sorted(facts.runtimes))})",
                     "install gVisor and register it in /etc/docker/daemon.json, or unset "
                     "KODPROV_SANDBOX_RUNTIME")
    return Check("runtime", True, f"{name}: {runtime_version(facts.runtimes[name], name)}")


def runtime_version(path: str, name: str) -> str:
    try:
        done = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return f"{path} (version unknown here)"
    return (done.stdout.strip().splitlines() or [f"{name} (version unknown)"])[0]


def trial_run(config: SandboxConfig) -> Check:
    """Start a runner with the configured pool, wait for it to fill, and run ``print(1)``."""
    from sandbox.docker_backend import DockerRunner

    runner = DockerRunner(config.image, config.pool_size, config.runtime)
    try:
        deadline = time.monotonic() + POOL_FILL_SECONDS
        while runner.pool and runner.state()["ready"] < config.pool_size and \
                time.monotonic() < deadline:
            time.sleep(0.2)
        pool = runner.state()
        started = time.monotonic()
        result = runner.run(RunSpec(files={"trial.py": b"print(1)"}, argv=["python3", "trial.py"]))
        took = (time.monotonic() - started) * 1000
    finally:
        runner.close()
    ok = result.status == Status.OK and result.stdout == b"1\n"
    where = (f"pool {pool['ready']}/{pool['size']} ready" if pool["size"] else
             "pool off (cold path)")
    detail = f"{where}; print(1) -> {result.status} in {took:.0f} ms {result.error}".strip()
    if pool["last_error"]:
        detail += f"; pool error: {pool['last_error']}"
    return Check("trial run", ok, detail, f"{REBUILD_IMAGE}, then read the engine's log")


def auto_choice(config: SandboxConfig) -> Check:
    """Which backend ``auto`` picks here."""
    from sandbox.backends import PROCESS_WARNING, docker_ready

    ready, reason = docker_ready(config.image)
    if ready:
        return Check("auto picks", True, f"docker ({reason})")
    fine = not config.production and config.backend != "docker"
    detail = f"process ({reason}). {PROCESS_WARNING}"
    if config.production:
        detail = f"nothing: production refuses the process backend ({reason})"
    return Check("auto picks", None if fine else False, detail, START_DOCKER)


def problems(checks: list[Check]) -> list[Check]:
    """The failed checks."""
    return [c for c in checks if c.ok is False]


def as_dicts(checks: list[Check]) -> list[dict]:
    """The checks as plain dicts (for ``--json``)."""
    return [dataclasses.asdict(c) for c in checks]
