"""A Docker engine of one test alone (``dockerd`` with its own socket, data and exec roots),
to be killed and started again without touching the engine other tests use. Needs root, as
CI and ``scripts/services.sh`` have."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

#: how long a (re)started engine may take to answer: restoring a killed run takes seconds
START_SECONDS = 120.0


def can_start_engine() -> bool:
    """Whether ``dockerd`` is installed and we may start one (root)."""
    return shutil.which("dockerd") is not None and os.geteuid() == 0


class PrivateEngine:
    """``dockerd --bridge=none --iptables=false --ip-forward=false`` in a short private
    folder (a Unix socket path must stay under 108 bytes); ``url`` is its ``DOCKER_HOST``."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="kodprov-engine-"))
        self.socket = self.folder / "docker.sock"
        self.url = f"unix://{self.socket}"
        self.pidfile = self.folder / "docker.pid"
        self.exec_root = self.folder / "exec"
        self.data_root = self.folder / "data"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        """Start the engine (again) and wait until it answers. Pid files of a killed engine
        go first: its processes may linger as zombies, which dockerd takes for running."""
        self.pidfile.unlink(missing_ok=True)
        (self.exec_root / "containerd" / "containerd.pid").unlink(missing_ok=True)
        with (self.folder / "dockerd.log").open("a") as log:
            self.process = subprocess.Popen(
                ["dockerd", "--host", self.url, "--data-root", str(self.data_root),
                 "--exec-root", str(self.exec_root), "--pidfile", str(self.pidfile),
                 "--bridge=none", "--iptables=false", "--ip-forward=false"],
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + START_SECONDS
        while not self.answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"the private dockerd did not start:\n{self.log_tail()}")
            time.sleep(0.1)

    def answers(self) -> bool:
        import docker

        try:
            client = docker.DockerClient(base_url=self.url, timeout=5)
            try:
                return bool(client.ping())
            finally:
                client.close()
        except Exception:
            return False

    def client(self):
        """A Docker client of this engine (close it after use)."""
        import docker

        return docker.DockerClient(base_url=self.url, timeout=30)

    def load(self, image: str) -> None:
        """Copy ``image`` from the machine's engine into this one."""
        save = subprocess.Popen(["docker", "save", image], stdout=subprocess.PIPE)
        subprocess.run(["docker", "--host", self.url, "load", "--quiet"], stdin=save.stdout,
                       check=True, stdout=subprocess.DEVNULL)
        save.stdout.close()
        assert save.wait(300) == 0, f"docker save {image} failed"

    def kill(self) -> None:
        """The engine dies at once (SIGKILL to dockerd and its containerd): no clean-up, no
        goodbye to the clients; running containers' shims are left to the next start."""
        containerd = self._pid(self.exec_root / "containerd" / "containerd.pid")
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(30)
        if containerd:
            with contextlib.suppress(ProcessLookupError):
                os.kill(containerd, signal.SIGKILL)

    def close(self) -> None:
        """Stop the engine, then everything still running from its folder (containers'
        shims), unmount what it mounted and remove the folder."""
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(Exception):
                client = self.client()
                for container in client.api.containers(all=True):
                    client.api.remove_container(container["Id"], force=True)
                client.close()
            self.process.terminate()
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(30)
        self.kill()
        for pid in self._processes_of_folder():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        for mount in reversed(self._mounts()):
            subprocess.run(["umount", "--lazy", mount], check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    def log_tail(self, lines: int = 20) -> str:
        log = self.folder / "dockerd.log"
        return "\n".join(log.read_text().splitlines()[-lines:]) if log.exists() else ""

    def _pid(self, path: Path) -> int | None:
        with contextlib.suppress(OSError, ValueError):
            return int(path.read_text().strip())
        return None

    def _processes_of_folder(self) -> list[int]:
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                with contextlib.suppress(OSError):
                    if str(self.folder).encode() in (entry / "cmdline").read_bytes():
                        found.append(int(entry.name))
        return found

    def _mounts(self) -> list[str]:
        with open("/proc/self/mounts") as mounts:
            points = [line.split()[1] for line in mounts]
        return [p for p in points if p == str(self.folder) or p.startswith(f"{self.folder}/")]
