"""Removing containers: used ones off the critical path, and ones a crashed process left behind.

Each container carries an owner label (host, pid and the pid's start time). At start-up a runner
removes labelled containers whose owner process on this host is gone; it never touches containers
of live processes, so several workers and test runs can share one engine.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import socket
import threading
import time

import docker.errors

from sandbox.containers import LABEL, OWNER_LABEL

log = logging.getLogger(__name__)


def process_start(pid: int) -> str | None:
    """The start time of ``pid`` in clock ticks since boot, or None when it does not exist."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    return data[data.rindex(b")") + 2:].split()[19].decode()


def owner_id(pid: int | None = None) -> str:
    """This process's owner label value: ``host:pid:start``."""
    pid = pid or os.getpid()
    return f"{socket.gethostname()}:{pid}:{process_start(pid)}"


def is_stale(owner: str) -> bool:
    """True when ``owner`` was a process on this host that no longer runs."""
    host, _, rest = owner.partition(":")
    pid, _, start = rest.partition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    return process_start(int(pid)) != start


def labelled(client, label: str = LABEL) -> list[dict]:
    """Sandbox containers on the engine, or those carrying ``label`` (``name=value``)."""
    return client.api.containers(all=True, filters={"label": label})


def remove_stale(client) -> int:
    """Remove containers left by dead processes on this host; return how many."""
    removed = 0
    for container in labelled(client):
        if is_stale(container["Labels"].get(OWNER_LABEL, "")):
            with contextlib.suppress(Exception):
                client.api.remove_container(container["Id"], force=True)
                removed += 1
    if removed:
        log.warning("removed %s sandbox containers left by a crashed process", removed)
    return removed


#: seconds between attempts to remove a used container
RETRY_PAUSES = (0.5, 2.0, 5.0)


class Reaper:
    """Removes used containers in background threads (a kill is part of ``force``)."""

    def __init__(self, client, threads: int = 2) -> None:
        self.client = client
        self.todo: queue.Queue[str | None] = queue.Queue()
        self.threads = [threading.Thread(target=self.work, name=f"sandbox-reaper-{i}",
                                         daemon=True) for i in range(threads)]
        for thread in self.threads:
            thread.start()

    def dispose(self, sandbox) -> None:
        """Close ``sandbox``'s channel now and remove its container soon."""
        sandbox.channel.close()
        self.todo.put(sandbox.container_id)

    def work(self) -> None:
        while (container_id := self.todo.get()) is not None:
            self.remove(container_id)
            self.todo.task_done()

    def idle(self) -> bool:
        """True when no removal is queued or under way."""
        return self.todo.unfinished_tasks == 0

    def remove(self, container_id: str) -> None:
        """Remove a container, trying again a few times while the engine is busy or away
        (a long-lived worker must not collect leftovers until its next start)."""
        for pause in (*RETRY_PAUSES, None):
            try:
                self.client.api.remove_container(container_id, force=True)
                return
            except docker.errors.NotFound:
                return
            except Exception as exc:  # the engine is busy or down
                if pause is None:  # start-up of the next runner cleans it up
                    log.warning("could not remove sandbox container %s: %s",
                                container_id[:12], exc)
                    return
                time.sleep(pause)

    def close(self, timeout: float = 30.0) -> None:
        """Finish the removals queued so far, then stop the threads."""
        for _ in self.threads:
            self.todo.put(None)
        for thread in self.threads:
            thread.join(timeout)
