"""A Mini Hackathon evening under load: 40 participants hand in 3 solutions each within 10
seconds while the facilitator's live view is open. How slow does the live view get, and is any
hand-in lost?

Serves the app with gunicorn on 127.0.0.1 (a free port, a temporary SQLite database, the
README's ``--workers 2 --threads 4``, grading in the process sandbox) and, in one run:

- the coach logs in and keeps the live view open: its script's request every 0.5 s (the real
  page asks every 3 s);
- 40 guests join through the join form, say yes to "Tests and results" on the task page, and
  the coach checks each in through the live view's button;
- then each guest hands in 3 solutions through the task page's form, spread over 10 seconds;
- from the first hand-in until the last is graded, a probe asks for a trivial page (``/om``)
  and then the live view (the coach's second tab), every 0.25 s: both timed in the same
  seconds, so the figure compares like with like; the live page's own requests are timed too.

It prints the 95th percentile of the live view's answer time and of ``/om``'s, how long after a
hand-in was accepted the live view first counted it (p95), and the hand-ins lost (accepted or
sent, but not stored as supervised attempts). Last line: ``live p95/trivial = X.XX lost = N``
(goals: at most 3, and 0). Everything is bounded: TIMEOUT seconds in all. Run:
``.venv/bin/python bench/evening.py``.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from statistics import median

sys.path.remove(str(Path(__file__).resolve().parent))  # bench/ must not shadow packages
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa

from assessor.infra import migrate
from assessor.infra.db import Database
from assessor.models import Event, Organisation, Submission
from assessor.services.accounts import create_user
from bench.browser import Browser, p95
from bench.serving import serving

PARTICIPANTS, HAND_INS, BURST_SECONDS = 40, 3, 10.0
POLL_SECONDS, PROBE_SECONDS = 0.5, 0.25
TIMEOUT = 300.0
TASK, FILE = "p1-summa-medel", "medel.py"
CODE = "ACEFGH"
EMAIL, PASSWORD = "coach@example.se", "bench-password-1"
GUNICORN = ["--workers", "2", "--threads", "4", "--worker-class", "gthread"]


def prepare(database: str) -> int:
    """A coach with a programme and an evening going on now; returns the evening's id."""
    migrate.upgrade(database)
    db = Database(database)
    with db.session() as session:
        programme = Organisation(name="Benchprogrammet")
        session.add(programme)
        session.flush()
        coach = create_user(session, email=EMAIL, name="Coach", role="facilitator",
                            password=PASSWORD)
        coach.organisation_id = programme.id
        now = datetime.now(UTC)
        event = Event(name="Bench", organisation_id=programme.id, created_by_id=coach.id,
                      starts_at=now - timedelta(minutes=10), ends_at=now + timedelta(hours=2),
                      place="Rum 3", challenge_ids=[TASK], join_code=CODE)
        session.add(event)
        session.commit()
        event_id = event.id
    db.dispose()
    return event_id


def join_and_say_yes(base: str, number: int) -> Browser:
    guest = Browser(base)
    guest.get(f"/kvall/?kod={CODE}")
    guest.post("/kvall/", {"code": CODE, "nickname": f"Deltagare {number:02d}"})
    guest.get(f"/uppgifter/{TASK}")
    guest.post(f"/uppgifter/{TASK}/samtycke", {f"file:{FILE}": "print(0)"})
    return guest


def main() -> None:
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        database = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        event_id = prepare(database)
        environment = {"KODPROV_DATABASE_URL": database, "KODPROV_INSTANCE_PATH": folder,
                       "KODPROV_SANDBOX": "process", "KODPROV_QUEUE": "inprocess"}
        with serving(environment, GUNICORN) as base:
            report(*run(base, event_id, started), database, event_id)


def log_in_as_coach(base: str) -> Browser:
    coach = Browser(base)
    coach.get("/konto/logga-in")
    coach.post("/konto/logga-in", {"email": EMAIL, "password": PASSWORD})
    return coach


def run(base: str, event_id: int, started: float):
    coach, second_tab = log_in_as_coach(base), log_in_as_coach(base)
    guests = [join_and_say_yes(base, n) for n in range(PARTICIPANTS)]
    coach.get(f"/kvallar/{event_id}")
    live_path = f"/kvallar/{event_id}/live"
    for person in json.loads(coach.get(live_path, "application/json"))["people"]:
        coach.post(f"/kvallar/{event_id}/incheckning/{person['id']}", {})

    stop = threading.Event()
    live_times, trivial_times, seen_at, accepted, failed = [], [], {}, {}, []
    left = [0]  # hand-ins still being graded, as the live view last said

    def in_time() -> bool:
        return not stop.is_set() and time.monotonic() - started < TIMEOUT

    def timed_live(browser: Browser) -> dict:
        begun = time.perf_counter()
        data = json.loads(browser.get(live_path, "application/json"))
        live_times.append(time.perf_counter() - begun)
        return data

    def watch() -> None:  # the live view's script
        while in_time():
            data = timed_live(coach)
            left[0] = data["grading"]
            for person in data["people"]:
                for count in range(1, person["attempts"] + 1):
                    seen_at.setdefault((person["nickname"], count), time.perf_counter())
            time.sleep(POLL_SECONDS)

    def probe() -> None:  # the trivial page, then the live view, in the same moment
        while in_time():
            begun = time.perf_counter()
            urllib.request.urlopen(base + "/om", timeout=60).read()
            trivial_times.append(time.perf_counter() - begun)
            timed_live(second_tab)
            time.sleep(PROBE_SECONDS)

    def hand_in(number: int, guest: Browser) -> None:
        for count in range(1, HAND_INS + 1):
            time.sleep(random.uniform(0, BURST_SECONDS / HAND_INS))
            try:
                answer = json.loads(guest.post(f"/uppgifter/{TASK}/skicka", {
                    f"file:{FILE}": f"print({count})", "token": str(uuid.uuid4())},
                    "application/json"))
                if answer.get("ok"):
                    accepted[(f"Deltagare {number:02d}", count)] = time.perf_counter()
                else:
                    failed.append(answer)
            except OSError as error:
                failed.append(str(error))

    helpers = [threading.Thread(target=watch, daemon=True),
               threading.Thread(target=probe, daemon=True)]
    for thread in helpers:
        thread.start()
    people = [threading.Thread(target=hand_in, args=(n, g), daemon=True)
              for n, g in enumerate(guests)]
    for thread in people:
        thread.start()
    for thread in people:
        thread.join(timeout=max(1.0, TIMEOUT - (time.monotonic() - started)))
    time.sleep(3 * POLL_SECONDS)  # the live view's next rounds count the last hand-ins
    while left[0] and in_time():  # the load lasts until the last hand-in is graded
        time.sleep(POLL_SECONDS)
    stop.set()
    for thread in helpers:
        thread.join(timeout=60)
    delays = [seen_at[key] - at for key, at in accepted.items() if key in seen_at]
    return live_times, trivial_times, delays, accepted, failed


def report(live_times, trivial_times, delays, accepted, failed, database, event_id) -> None:
    db = Database(database)
    with db.session() as session:
        stored = session.scalar(sa.select(sa.func.count(Submission.id)).where(
            Submission.kind == "attempt", Submission.evidence == "supervised"))
    db.dispose()
    sent = PARTICIPANTS * HAND_INS
    lost = sent - stored
    live, trivial = p95(live_times), p95(trivial_times)
    print(f"participants {PARTICIPANTS}, hand-ins sent {sent}, accepted {len(accepted)}, "
          f"refused or failed {len(failed)}, stored as supervised {stored}")
    print(f"live view answers: n = {len(live_times)}, median = {median(live_times) * 1000:.0f} ms, "
          f"p95 = {live * 1000:.0f} ms")
    print(f"trivial page /om:  n = {len(trivial_times)}, median = "
          f"{median(trivial_times) * 1000:.0f} ms, p95 = {trivial * 1000:.0f} ms")
    print(f"hand-in accepted -> counted in the live view: p95 = {p95(delays):.2f} s "
          f"(polling every {POLL_SECONDS} s)")
    print(f"live p95/trivial = {live / trivial:.2f} lost = {lost}")


if __name__ == "__main__":
    main()
