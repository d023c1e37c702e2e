"""Four parallel logins against a trivial page: how much slower does ``/om`` get?

Serves the app with gunicorn on 127.0.0.1 (a free port, a temporary SQLite database) in two
set-ups and prints, for each, the 95th percentile of ``/om`` alone and during four parallel
logins, and their ratio:

- before: argon2-cffi's default parameters (64 MiB, 3 passes, 4 lanes, no bound on parallel
  hashes) with the README's old ``gunicorn --workers 4`` (sync workers);
- now: OWASP's argon2id (19 MiB, 2 passes, 1 lane, at most one hash per two cores in each
  process) with ``gunicorn --workers 2 --threads 4`` (gthread workers).

Each login is a fresh browser (GET the form for its CSRF token, POST the password) from an
address of its own (X-Forwarded-For, one trusted proxy hop), as four people would be; the rate
limits stay on. Everything is bounded: SAMPLES requests per phase, TIMEOUT seconds in all.
Run: ``.venv/bin/python bench/login.py``.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.remove(str(Path(__file__).resolve().parent))  # bench/ must not shadow packages
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assessor.infra import migrate
from assessor.infra.db import Database
from assessor.services.accounts import create_user
from bench.serving import serving

SAMPLES = 60
PARALLEL_LOGINS = 4
TIMEOUT = 300.0
EMAIL, PASSWORD = "bench@example.se", "bench-password-1"
OLD_HASHER = """
def post_worker_init(worker):
    import threading
    from argon2 import PasswordHasher
    from assessor.services import accounts
    accounts._hasher = PasswordHasher()  # the library default used before
    accounts._hash_slots = threading.BoundedSemaphore(1000)
"""
SETUPS = {
    "before (argon2 default, --workers 4)": (["--workers", "4"], OLD_HASHER),
    "now (OWASP argon2id, --workers 2 --threads 4)": (
        ["--workers", "2", "--threads", "4", "--worker-class", "gthread"], ""),
}


def prepare(folder: Path, hooks: str) -> tuple[dict[str, str], Path]:
    """A fresh database with the bench account, and gunicorn's hooks; returns the app's
    environment and the hooks' config file."""
    database = f"sqlite:///{folder / 'bench.sqlite3'}"
    migrate.upgrade(database)
    db = Database(database)
    with db.session() as session:
        create_user(session, email=EMAIL, name="Bench", role="candidate", password=PASSWORD)
        session.commit()
    db.dispose()
    config = folder / "gunicorn_conf.py"
    config.write_text(hooks)
    return {"KODPROV_DATABASE_URL": database, "KODPROV_INSTANCE_PATH": str(folder),
            "KODPROV_PROXY_HOPS": "1", "KODPROV_SANDBOX": "process"}, config


def timed_get(url: str) -> float:
    start = time.perf_counter()
    urllib.request.urlopen(url, timeout=30).read()
    return time.perf_counter() - start


def p95(base: str) -> float:
    times = sorted(timed_get(base + "/om") for _ in range(SAMPLES))
    return times[int(0.95 * (len(times) - 1))]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Stop at the login's redirect: the login is timed, not the page after it."""

    def redirect_request(self, *args, **kwargs):
        return None


def log_in(base: str, address: str) -> float:
    """One login in a fresh browser; returns the seconds of its POST."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect())
    opener.addheaders = [("X-Forwarded-For", address)]
    form = opener.open(base + "/konto/logga-in", timeout=30).read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode({"csrf_token": token, "email": EMAIL,
                                   "password": PASSWORD}).encode()
    start = time.perf_counter()
    try:
        opener.open(base + "/konto/logga-in", data=data, timeout=60).read()
    except urllib.error.HTTPError as redirect:
        if redirect.code == 302 and "/kandidat/" in redirect.headers.get("Location", ""):
            return time.perf_counter() - start
        raise
    raise RuntimeError("the login did not succeed (no redirect to the candidate's page)")


def during_logins(base: str) -> tuple[float, list[float]]:
    """/om's p95 while PARALLEL_LOGINS browsers log in over and over."""
    stop, logins = threading.Event(), []
    deadline = time.monotonic() + TIMEOUT / 2

    def keep_logging_in(number: int) -> None:
        count = 0
        while not stop.is_set() and time.monotonic() < deadline:
            count += 1
            logins.append(log_in(base, f"198.51.100.{number * 50 + count % 50}"))

    threads = [threading.Thread(target=keep_logging_in, args=(n,), daemon=True)
               for n in range(PARALLEL_LOGINS)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)  # let the logins get going
    result = p95(base)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    return result, logins


def main() -> None:
    print(f"/om p95 over {SAMPLES} requests, alone and during {PARALLEL_LOGINS} parallel "
          f"logins ({os.cpu_count()} CPUs)")
    for name, (arguments, hooks) in SETUPS.items():
        with tempfile.TemporaryDirectory(prefix="kodprov-bench-") as folder:
            environment, config = prepare(Path(folder), hooks)
            with serving(environment, [*arguments, "--config", str(config)]) as base:
                log_in(base, "198.51.100.1")  # warm up (and rehash to this set-up's hash)
                alone = p95(base)
                busy, logins = during_logins(base)
        print(f"{name:<48} alone {alone * 1000:7.1f} ms  during logins {busy * 1000:7.1f} ms  "
              f"ratio {busy / alone:6.1f}  login median {statistics.median(logins):.2f} s "
              f"({len(logins)} logins)")


if __name__ == "__main__":
    main()
