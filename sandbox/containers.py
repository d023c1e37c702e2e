"""How a sandbox container is made: the hardened settings, their self-check, and a factory.

A container is created for exactly one run. Its launcher starts at once and waits on stdin, so a
pooled container only needs the request. Settings fixed at creation (memory, processes, /tmp size)
form its ``Profile``; everything else is applied per run by the launcher.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import uuid
from dataclasses import dataclass, field

from docker.types import LogConfig, Ulimit

from sandbox.attach import AttachChannel
from sandbox.spec import MAXIMA, Limits

log = logging.getLogger(__name__)

LABEL = "org.kodprov.sandbox"
OWNER_LABEL = "org.kodprov.sandbox.owner"  #: host:pid:start of the process that made it
RUNNER_LABEL = "org.kodprov.sandbox.runner"  #: which runner of that process
USER = "65534:65534"
HARNESS_MIB = 16  #: memory for the launcher and init, on top of the program's limit
INPUT_MIB = 8  #: room in /tmp for the input files, on top of the program's /tmp limit
SHM_MIB = 8
TMP_INODES = 8192  #: files and folders in /tmp (input files included)
SHM_INODES = 1024
NOFILE = 256
ENVIRONMENT = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/tmp"}
COMMAND = ["python3", "-E", "-s", "-m", "harness.launcher", "--container"]


class HardeningError(RuntimeError):
    """A created container lacks a setting the sandbox depends on; we refuse to use it."""


@dataclass(frozen=True)
class Profile:
    """The limits a container gets when it is created (a warm container fits only these)."""

    memory_mib: int
    processes: int
    tmp_mib: int

    @classmethod
    def of(cls, limits: Limits) -> Profile:
        """The profile a run with ``limits`` needs."""
        return cls(limits.memory_mib, limits.processes, limits.tmp_mib)


@dataclass
class Sandbox:
    """A started, never-used container and its attached channel."""

    container_id: str
    profile: Profile
    channel: AttachChannel
    created: float = field(default_factory=time.monotonic)


def host_config_options(profile: Profile, runtime: str | None) -> dict:
    """Arguments for ``create_host_config``: the hardening of issue 4, nothing left to defaults."""
    memory = f"{profile.memory_mib + HARNESS_MIB}m"
    size = MAXIMA.file_size_bytes  # the launcher lowers it per run; it must write the input first
    options = {
        # The launcher is the init (process 1): it reaps orphans, and as init it cannot be
        # killed or traced by the program, which Docker's separate init process could be.
        "network_mode": "none", "read_only": True, "privileged": False, "init": False,
        # Sized in bytes *and* files: empty files cost kernel memory but no bytes, and enough
        # of them would push the harness out of memory instead of telling the program "full".
        # IPC "none" is a private IPC namespace without Docker's /dev/shm, so ours is bounded too.
        "tmpfs": {"/tmp": f"rw,nosuid,nodev,size={profile.tmp_mib + INPUT_MIB}m,"
                          f"nr_inodes={TMP_INODES},mode=1777",
                  "/dev/shm": f"rw,nosuid,nodev,noexec,size={SHM_MIB}m,"
                              f"nr_inodes={SHM_INODES},mode=1777"},
        "mem_limit": memory, "memswap_limit": memory, "pids_limit": profile.processes + 2,
        "nano_cpus": 10**9, "cap_drop": ["ALL"], "security_opt": ["no-new-privileges"],
        "ipc_mode": "none",
        "ulimits": [Ulimit(name="nofile", soft=NOFILE, hard=NOFILE),
                    Ulimit(name="fsize", soft=size, hard=size),
                    Ulimit(name="core", soft=0, hard=0)],
        "log_config": LogConfig(type="none"),
        # Docker lets any user bind ports below 1024 in a container; keep the usual rule.
        "sysctls": {"net.ipv4.ip_unprivileged_port_start": "1024"},
    }
    if runtime:
        options["runtime"] = runtime
    return options


def hardening_problems(inspected: dict) -> list[str]:
    """What is missing from a container's settings (``docker inspect``); empty when all is set."""
    host, config = inspected["HostConfig"], inspected["Config"]
    checks = {
        "privileged": not host.get("Privileged"),
        "read-only root": host.get("ReadonlyRootfs") is True,
        "network none": host.get("NetworkMode") == "none",
        "all capabilities dropped": "ALL" in (host.get("CapDrop") or [])
        and not host.get("CapAdd"),
        "pids limit": (host.get("PidsLimit") or 0) > 0,
        "memory limit": (host.get("Memory") or 0) > 0,
        "swap equal to memory": host.get("MemorySwap") == host.get("Memory"),
        "no-new-privileges": any(o.startswith("no-new-privileges") for o in
                                 host.get("SecurityOpt") or []),
        # Docker's default profile is used when no seccomp (or apparmor) option is given at all
        "default seccomp": not any(o.startswith(("seccomp", "apparmor"))
                                   for o in host.get("SecurityOpt") or []),
        "init process": host.get("Init") is True or "harness.launcher" in (config.get("Cmd") or []),
        "no host mounts": not host.get("Binds") and not host.get("Mounts"),
        "bounded logs": host.get("LogConfig", {}).get("Type") == "none"
        or "max-size" in (host.get("LogConfig", {}).get("Config") or {}),
        "user 65534": config.get("User") == USER,
        "private IPC": host.get("IpcMode") in ("none", "private"),
        "one CPU quota": (host.get("NanoCpus") or 0) > 0 or (host.get("CpuQuota") or 0) > 0,
        "ulimits nofile, fsize and core 0": _ulimits_set(host.get("Ulimits") or []),
        "/tmp and /dev/shm bounded": all(_bounded_tmpfs((host.get("Tmpfs") or {}).get(path))
                                         for path in ("/tmp", "/dev/shm")),
    }
    return [name for name, ok in checks.items() if not ok]


def _ulimits_set(ulimits: list[dict]) -> bool:
    by_name = {u.get("Name"): u for u in ulimits}
    core = by_name.get("core", {})
    return {"nofile", "fsize", "core"} <= by_name.keys() and core.get("Hard") == 0


def _bounded_tmpfs(options: str | None) -> bool:
    """A tmpfs mounted nosuid and nodev, with a size and a file count."""
    parts = {part.split("=")[0] for part in (options or "").split(",")}
    return {"nosuid", "nodev", "size", "nr_inodes"} <= parts


class ContainerFactory:
    """Creates, attaches and starts sandbox containers from one image."""

    def __init__(self, client, image: str, runtime: str | None, owner: str) -> None:
        self.client, self.image, self.runtime, self.owner = client, image, runtime, owner
        self.labels = {LABEL: "1", OWNER_LABEL: owner, RUNNER_LABEL: uuid.uuid4().hex}
        self.verified = False
        self.lock = threading.Lock()

    def start(self, profile: Profile) -> Sandbox:
        """A running container whose launcher waits for its request."""
        api = self.client.api
        created = api.create_container(
            self.image, command=COMMAND, stdin_open=True, user=USER, hostname="sandbox",
            environment=ENVIRONMENT, labels=self.labels,
            host_config=api.create_host_config(**host_config_options(profile, self.runtime)),
        )
        container_id = created["Id"]
        try:
            self.verify_once(container_id)
            attached = api.attach_socket(
                container_id, params={"stdin": 1, "stdout": 1, "stderr": 1, "stream": 1})
            api.start(container_id)
        except BaseException:
            with contextlib.suppress(Exception):
                api.remove_container(container_id, force=True)
            raise
        return Sandbox(container_id, profile, AttachChannel(attached))

    def verify_once(self, container_id: str) -> None:
        """Inspect the first container this factory makes; refuse to go on if it is not hardened."""
        with self.lock:
            if self.verified:
                return
            problems = hardening_problems(self.client.api.inspect_container(container_id))
            if problems:
                raise HardeningError("sandbox container is missing: " + ", ".join(problems))
            self.verified = True
