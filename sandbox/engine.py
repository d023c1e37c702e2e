"""Facts about the Docker engine: is it there, which runc and runtimes, is runc patched."""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

#: runc releases that fix CVE-2024-21626 ("Leaky Vessels"); older ones are refused
PATCHED_RUNC = (1, 1, 12)
#: distribution builds that carry the fix as a backport under an older version number
BACKPORTS = (re.compile(r"\+deb12u[1-9]\d*$"),)
ALLOW_OLD_RUNC = "KODPROV_SANDBOX_ALLOW_OLD_RUNC"


def connect(timeout: float = 30.0):
    """A Docker client for the engine in the environment (DOCKER_HOST or the local socket)."""
    import docker

    return docker.from_env(timeout=timeout, max_pool_size=64)


class LazyClient:
    """A Docker client made on first use, so that a runner can exist while the engine is down
    (its runs then report ``sandbox_error``, and its pool keeps retrying)."""

    def __init__(self, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self.client = None
        self.lock = threading.Lock()

    def get(self):
        """The connected client; raises ``DockerException`` while no engine answers."""
        with self.lock:
            if self.client is None:
                self.client = connect(self.timeout)
            return self.client

    @property
    def api(self):
        return self.get().api

    def __getattr__(self, name: str):  # info(), version(), ping() ...
        return getattr(self.get(), name)

    def close(self) -> None:
        """Close the connection if one was made."""
        if self.client is not None:
            self.client.close()


def engine_answers(timeout: float = 3.0) -> bool:
    """Whether a Docker engine answers a ping within ``timeout``."""
    try:
        client = connect(timeout)
        try:
            return bool(client.ping())
        finally:
            client.close()
    except Exception:
        return False


@dataclass
class EngineFacts:
    """What ``doctor`` reports about the engine."""

    version: str = ""
    runc_version: str = ""
    runc_commit: str = ""
    default_runtime: str = ""
    runtimes: dict[str, str] = field(default_factory=dict)
    cgroup_version: str = ""


def engine_facts(client) -> EngineFacts:
    """Read the engine's version, runc and runtimes."""
    info, version = client.info(), client.version()
    runc = next((c for c in version.get("Components", []) if c.get("Name") == "runc"), {})
    return EngineFacts(
        version=version.get("Version", ""),
        runc_version=runc.get("Version", ""),
        runc_commit=(runc.get("Details") or {}).get("GitCommit", "")
        or (info.get("RuncCommit") or {}).get("ID", ""),
        default_runtime=info.get("DefaultRuntime", ""),
        runtimes={name: (spec or {}).get("path", name)
                  for name, spec in (info.get("Runtimes") or {}).items()},
        cgroup_version=str(info.get("CgroupVersion", "")),
    )


def runc_problem(version: str, commit: str, allow_old: bool = False) -> str | None:
    """Why this runc is unsafe (CVE-2024-21626), or None when it is patched (or, on a test
    machine, ``allow_old``)."""
    numbers = tuple(int(n) for n in re.findall(r"\d+", version.split("+")[0])[:3])
    if not numbers or numbers >= PATCHED_RUNC:
        return None
    if any(pattern.search(commit) for pattern in BACKPORTS):
        return None
    if allow_old:
        log.warning("runc %s (%s) predates the CVE-2024-21626 fix; allowed by %s",
                    version, commit, ALLOW_OLD_RUNC)
        return None
    return (f"runc {version} ({commit or 'no commit'}) predates the CVE-2024-21626 fix: "
            f"upgrade the engine (runc >= 1.1.12), or set {ALLOW_OLD_RUNC}=1 on a test machine")
