"""Property: whatever is sent to any route by any role, the answer is never a 500, a request
the fuzzer made invalid on purpose gets a 4xx, and a 4xx leaves every table as it was.

The routes come from the app's URL map; each gets an equal share of ``KODPROV_FUZZ_EXAMPLES``
(5,000 per database by default; set it higher for a longer local run). The summary at the end
lists every route fuzzed on each database with the answers it gave.
"""

from __future__ import annotations

import time
import zlib
from collections import Counter
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import HealthCheck, Phase, given, seed, settings

from tests.fuzz.conftest import COVERAGE, TIMES, examples_per_route
from tests.fuzz.discovery import Target
from tests.fuzz.strategies import FuzzRequest, requests
from tests.fuzz.world import World

pytestmark = pytest.mark.slow
TEXT_TYPES = ("text/html", "application/json", "text/plain")


def test_no_request_breaks_a_route_or_stores_anything_when_refused(fuzzed, route):
    database, world, targets = fuzzed
    target, tally = targets[route], Counter()
    started = time.monotonic()

    @seed(zlib.crc32(f"{database} {route.id}".encode()))
    @settings(max_examples=examples_per_route(), database=None, deadline=None,
              phases=[Phase.explicit, Phase.generate, Phase.shrink],
              suppress_health_check=list(HealthCheck), report_multiple_bugs=False)
    @given(request=requests(target, world))
    def survives(request: FuzzRequest) -> None:
        check(world, target, request, tally)

    try:
        survives()
    finally:
        COVERAGE[(database, route.id)] = tally
        TIMES[database] = TIMES.get(database, 0.0) + time.monotonic() - started
    assert sum(tally.values()) >= examples_per_route()


def check(world: World, target: Target, request: FuzzRequest, tally: Counter) -> None:
    """Send ``request`` in a transaction of its own and check the answer and the tables."""
    with world.isolated():
        response = request.send(world.client(request.role))
        status = response.status_code
        refused = 400 <= status < 500
        changes = world.changes() if refused or request.hostile else {}
    tally[status] += 1
    assert status < 500, f"{status} for {request}"
    if response.mimetype in TEXT_TYPES:
        assert "Traceback" not in response.get_data(as_text=True)
    if request.hostile:
        assert refused, f"{status} for a request with {request.hostile}: {request}"
    assert not changes, f"{status} stored {changes} for {request}"
    reached = world.endpoint(unquote(urlsplit(request.path).path), request.method) \
        == target.route.endpoint
    if reached and status >= 400 and (target.json_only or (target.answers_json
                                                          and request.asks_json)):
        assert response.is_json and response.get_json().get("message"), \
            f"{status} without a JSON message for {request}"
