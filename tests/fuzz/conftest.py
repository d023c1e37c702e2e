"""The fuzzed world per database (built once per module and database) and the routes to fuzz,
found in the app's URL map when the tests are collected."""

from __future__ import annotations

import os
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.fuzz.discovery import Route, Target, describe, find_routes
from tests.fuzz.world import World, build_world, close_world
from tests.services import fresh_postgres_database

#: examples per database, spread evenly over the routes (both databases together: twice this)
EXAMPLES = int(os.environ.get("KODPROV_FUZZ_EXAMPLES", "5000"))
#: (database, route id) -> status code counts, for the summary at the end
COVERAGE: dict[tuple[str, str], Counter] = {}
TIMES: dict[str, float] = {}


def app_routes() -> list[Route]:
    """The routes of an app built only to read its URL map."""
    from tests.app_settings import app_settings
    from web import create_app

    with tempfile.TemporaryDirectory(prefix="kodprov-routes-") as folder:
        app = create_app(app_settings(Path(folder), DATABASE_URL="sqlite://"))
        try:
            return find_routes(app)
        finally:
            app.extensions["kodprov_queue"].close()
            app.extensions["kodprov_db"].dispose()


ROUTES = app_routes()


def examples_per_route() -> int:
    """Each route's share of ``EXAMPLES`` (rounded up, so the total is at least that)."""
    return -(-EXAMPLES // len(ROUTES))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "route" in metafunc.fixturenames:
        metafunc.parametrize("route", ROUTES, ids=[route.id for route in ROUTES])


@pytest.fixture(scope="module", params=[
    "sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def fuzzed(request, tmp_path_factory) -> Iterator[tuple[str, World, dict[Route, Target]]]:
    """(database name, world, what is known about every route), built once per database."""
    with database_url(request.param, tmp_path_factory.mktemp("fuzz-db")) as url:
        started = time.monotonic()
        world = build_world(url, tmp_path_factory.mktemp("fuzz-instance"))
        try:
            targets = describe(world, ROUTES)
            TIMES[f"{request.param} set-up"] = time.monotonic() - started
            yield request.param, world, targets
        finally:
            close_world(world)


@contextmanager
def database_url(kind: str, folder: Path) -> Iterator[str]:
    """A fresh database of the kind named: a SQLite file, or a PostgreSQL database."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'fuzz.sqlite3'}"
        return
    with fresh_postgres_database("kodprov_fuzz") as url:
        yield url


def pytest_terminal_summary(terminalreporter) -> None:
    """Which routes were fuzzed on which database, how often, with which answers."""
    if not COVERAGE:
        return
    write = terminalreporter.write_line
    terminalreporter.section("fuzzed routes")
    for database in sorted({db for db, _route in COVERAGE}):
        rows = {route: counts for (db, route), counts in COVERAGE.items() if db == database}
        total = sum(sum(c.values()) for c in rows.values())
        seconds = TIMES.get(database, 0.0)
        write(f"{database}: {total} requests to {len(rows)} routes in {seconds:.0f} s "
              f"(set-up {TIMES.get(f'{database} set-up', 0.0):.0f} s)")
        for route, counts in sorted(rows.items()):
            answers = ", ".join(f"{code}×{n}" for code, n in sorted(counts.items()))
            write(f"  {route:55} {sum(counts.values()):5}  {answers}")
