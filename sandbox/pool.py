"""A pool of pre-started, single-use containers of one profile, refilled in the background.

``take`` hands a container out exactly once; the caller disposes of it after the run. Filler
threads keep ``size`` containers ready. When the engine fails (stopped, restarting) they back off
and keep trying, so the pool recovers by itself; containers that died meanwhile are noticed at
``take`` (their channel hung up) and thrown away.
"""

from __future__ import annotations

import collections
import logging
import threading
import time
from collections.abc import Callable

from sandbox.containers import Profile, Sandbox

log = logging.getLogger(__name__)

MAX_BACKOFF = 10.0


class WarmPool:
    """Keeps ``size`` started, never-used containers of ``profile`` ready."""

    def __init__(self, start: Callable[[Profile], Sandbox], dispose: Callable[[Sandbox], None],
                 profile: Profile, size: int, fillers: int = 2) -> None:
        self.start, self.dispose, self.profile, self.size = start, dispose, profile, size
        self.ready: collections.deque[Sandbox] = collections.deque()
        self.cond = threading.Condition()
        self.pending = 0
        self.closed = False
        self.last_error: str | None = None
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.fill, name=f"sandbox-pool-fill-{i}",
                                         daemon=True) for i in range(max(1, min(fillers, size)))]
        for thread in self.threads:
            thread.start()

    def take(self, profile: Profile, timeout: float) -> Sandbox | None:
        """A ready container of ``profile``, waiting up to ``timeout`` while the pool is healthy."""
        if profile != self.profile:
            return None
        deadline = time.monotonic() + timeout
        with self.cond:
            while not self.closed:
                while self.ready:
                    sandbox = self.ready.popleft()
                    self.cond.notify_all()
                    if sandbox.channel.alive():
                        return sandbox
                    log.warning("a pooled sandbox container died while waiting; discarded")
                    self.dispose(sandbox)
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self.last_error:
                    return None
                self.cond.wait(remaining)
        return None

    def fill(self) -> None:
        backoff = 0.0
        while self.reserve():
            try:
                sandbox = self.start(self.profile)
            except Exception as exc:
                backoff = min(max(backoff * 2, 0.5), MAX_BACKOFF)
                self.settle(None, f"{type(exc).__name__}: {exc}")
                log.warning("sandbox pool could not start a container (retry in %.1f s): %s",
                            backoff, exc)
                self.stopping.wait(backoff)
                continue
            backoff = 0.0
            self.settle(sandbox, None)

    def reserve(self) -> bool:
        """Wait until the pool needs another container; False when it is closing."""
        with self.cond:
            while not self.closed and len(self.ready) + self.pending >= self.size:
                self.cond.wait()
            if self.closed:
                return False
            self.pending += 1
            return True

    def settle(self, sandbox: Sandbox | None, error: str | None) -> None:
        with self.cond:
            self.pending -= 1
            if error is None and self.last_error:
                log.info("sandbox pool recovered")
            self.last_error = error
            if sandbox is not None and self.closed:
                self.dispose(sandbox)
            elif sandbox is not None:
                self.ready.append(sandbox)
            self.cond.notify_all()

    def state(self) -> dict:
        """Size, ready and starting counts and the last error (for ``doctor`` and admins)."""
        with self.cond:
            return {"size": self.size, "ready": len(self.ready), "starting": self.pending,
                    "last_error": self.last_error}

    def close(self, timeout: float = 30.0) -> None:
        """Stop refilling and dispose of every ready container."""
        with self.cond:
            self.closed = True
            self.cond.notify_all()
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout)
        with self.cond:
            while self.ready:
                self.dispose(self.ready.popleft())
