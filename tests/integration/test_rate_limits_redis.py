"""Rate limits counted in Redis: every worker process sees the same counts."""

from __future__ import annotations

import secrets

import pytest

from tests.app_settings import app_settings
from tests.services import REDIS_URL, redis_available, require_service
from web import create_app

pytestmark = pytest.mark.redis


@pytest.fixture
def redis_prefix():
    """A key prefix of this test's own (runs may overlap); its keys are deleted afterwards."""
    require_service("Redis", redis_available(),
                    "run scripts/services.sh as root, or set KODPROV_TEST_REDIS_URL")
    import redis

    prefix = f"kodprov-test-{secrets.token_hex(4)}"
    yield prefix
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"*{prefix}*"):
        client.delete(key)
    client.close()


def worker(database_url: str, prefix: str, folder):
    """One app as one gunicorn worker would have it, counting in the shared Redis."""
    app = create_app(app_settings(folder, DATABASE_URL=database_url, WTF_CSRF_ENABLED=False,
                                  SERVER_NAME="kodprov.test", RATELIMIT_STORAGE_URI=REDIS_URL,
                                  RATELIMIT_KEY_PREFIX=prefix))
    app.config["KODPROV_RATE_LIMITS"] = {**app.config["KODPROV_RATE_LIMITS"],
                                         "login_failures_per_ip": "3 per 10 minutes"}
    return app


def test_wrong_passwords_counted_by_one_worker_limit_the_next_worker(
        app, database_url, make_user, redis_prefix, tmp_path):
    email = make_user().email
    first, second = (worker(database_url, redis_prefix, tmp_path / name)
                     for name in ("first", "second"))
    try:
        for _ in range(3):
            response = first.test_client().post(
                "/konto/logga-in", data={"email": email, "password": "wrong-wrong"})
            assert response.status_code == 200
        refused = second.test_client().post(
            "/konto/logga-in", data={"email": email, "password": "wrong-wrong"})
        assert refused.status_code == 429
        assert "Försök igen om 10 minuter" in refused.get_data(as_text=True)
    finally:
        for each in (first, second):
            each.extensions["kodprov_db"].dispose()
