"""gunicorn for the benchmarks: the app served on 127.0.0.1 and a free port, always stopped.

    with serving({"KODPROV_DATABASE_URL": url}, ["--workers", "2"]) as base:
        urllib.request.urlopen(base + "/om")

The server answers ``/om`` before the block starts; when the block ends (or fails), gunicorn
gets SIGTERM, then SIGKILL if it has not stopped within ``STOP_SECONDS``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: workers import numpy, scipy and WeasyPrint: slow to start on a busy machine
STARTUP_SECONDS = 180.0
STOP_SECONDS = 30.0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, seconds: float, what: str) -> None:
    """Return once ``url`` answers; exit the benchmark when ``process`` ends or time runs out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{what} ended (exit {process.returncode}) before it answered")
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{what} did not answer within {seconds:.0f} s")


def stop(process: subprocess.Popen, seconds: float = STOP_SECONDS) -> None:
    """SIGTERM, then SIGKILL if ``process`` has not ended within ``seconds``."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=seconds)


@contextmanager
def serving(environment: dict[str, str], arguments: list[str]) -> Iterator[str]:
    """gunicorn with ``arguments`` and the app's settings in ``environment`` (on top of this
    process's environment, with ``KODPROV_ENV=development`` unless given); yields its base URL
    once ``/om`` answers and stops it afterwards."""
    port = free_port()
    env = {**os.environ, "KODPROV_ENV": "development", **environment}
    process = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), *arguments, "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning", "web:create_app()"], cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/om", process, STARTUP_SECONDS, "gunicorn")
        yield base
    finally:
        stop(process)
