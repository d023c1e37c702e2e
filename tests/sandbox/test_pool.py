"""The warm pool hands each container out once, refills, and recovers from engine failures."""

from __future__ import annotations

import itertools
import threading
import time

import pytest

from sandbox.containers import Profile, Sandbox
from sandbox.pool import WarmPool

PROFILE = Profile(memory_mib=256, processes=64, tmp_mib=32)


class StubChannel:
    def __init__(self, alive: bool = True) -> None:
        self.is_alive = alive

    def alive(self) -> bool:
        return self.is_alive


class StubEngine:
    """Starts numbered stand-ins for containers; fails the first ``failures`` starts."""

    def __init__(self, failures: int = 0) -> None:
        self.numbers = itertools.count(1)
        self.failures = failures
        self.disposed: list[str] = []
        self.lock = threading.Lock()

    def start(self, profile: Profile) -> Sandbox:
        with self.lock:
            if self.failures:
                self.failures -= 1
                raise ConnectionError("engine restarting")
            return Sandbox(f"c{next(self.numbers)}", profile, StubChannel())

    def dispose(self, sandbox: Sandbox) -> None:
        self.disposed.append(sandbox.container_id)


@pytest.fixture
def engine():
    return StubEngine()


def make_pool(engine: StubEngine, size: int = 2) -> WarmPool:
    return WarmPool(engine.start, engine.dispose, PROFILE, size, fillers=2)


def test_each_container_is_handed_out_once(engine):
    pool = make_pool(engine)
    try:
        taken = [pool.take(PROFILE, timeout=30).container_id for _ in range(6)]
    finally:
        pool.close()
    assert len(set(taken)) == 6


def test_closing_disposes_of_the_ready_containers(engine):
    pool = make_pool(engine, size=3)
    first = pool.take(PROFILE, timeout=30)
    with pool.cond:
        pool.cond.wait_for(lambda: len(pool.ready) == 3, timeout=30)
    pool.close()
    assert len(engine.disposed) == 3 and first.container_id not in engine.disposed
    assert pool.take(PROFILE, timeout=0.1) is None


def test_another_profile_is_not_served_from_the_pool(engine):
    pool = make_pool(engine)
    try:
        assert pool.take(Profile(512, 64, 32), timeout=1) is None
    finally:
        pool.close()


def test_a_container_that_died_while_waiting_is_discarded(engine):
    pool = make_pool(engine, size=1)
    try:
        dead = pool.take(PROFILE, timeout=30)
        dead.channel.is_alive = False
        pool.ready.appendleft(dead)
        fresh = pool.take(PROFILE, timeout=30)
    finally:
        pool.close()
    assert fresh.container_id != dead.container_id and dead.container_id in engine.disposed


def test_the_pool_recovers_after_the_engine_fails():
    engine = StubEngine(failures=2)
    pool = make_pool(engine, size=1)
    try:
        sandbox = None
        while sandbox is None:  # while the engine fails, take() gives up at once (cold path)
            sandbox = pool.take(PROFILE, timeout=30)
            time.sleep(0.05)
        assert pool.state()["last_error"] is None
    finally:
        pool.close()


def test_state_reports_size_ready_and_errors(engine):
    pool = make_pool(engine, size=2)
    try:
        pool.take(PROFILE, timeout=30)
        state = pool.state()
    finally:
        pool.close()
    assert state["size"] == 2 and state["last_error"] is None
