"""The coach's people list for fifteen and for five hundred people: queries and time.

Builds a temporary SQLite database with a programme of N people (each with a yes to the tests,
a finished questionnaire, four hand-ins and a draft), then asks for ``/personer/`` and its CSV
file as the programme's coach, and prints for each N the SELECT statements sent (the same for
any N: no query per person) and the median time, with the ratio of time per person at 500 to
time per person at 15 (below 1: the fixed cost is spread over more people).
Run: ``.venv/bin/python bench/people_list.py``.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.remove(str(Path(__file__).resolve().parent))  # bench/ must not shadow packages
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.models import (
    Consent,
    Draft,
    Organisation,
    Person,
    QuestionnaireResponse,
    Submission,
)
from assessor.models.base import Base
from assessor.services.accounts import create_user
from web import create_app

SIZES = (15, 500)
ROUNDS = 5
PASSWORD = "bench-password-1"
TASKS = ("p1-summa-medel", "p1-vokaler", "w1-semantisk-sida", "d-produkter-urval")


def build(folder: Path, people: int):
    """An app on a fresh database with one coach and ``people`` busy people."""
    app = create_app({"KODPROV_ENV": "testing", "DATABASE_URL": f"sqlite:///{folder}/b.db",
                      "KODPROV_RECOVER_ON_START": False, "RATELIMIT_ENABLED": False,
                      "WTF_CSRF_ENABLED": False, "SERVER_NAME": "kodprov.bench"})
    engine = app.extensions["kodprov_db"].engine
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        programme = Organisation(name="Programmet")
        session.add(programme)
        session.flush()
        create_user(session, email="coach@bench.se", name="Coach", role="facilitator",
                    password=PASSWORD).organisation_id = programme.id
        now = datetime.now(UTC)
        for n in range(people):
            person = Person(name=f"Person {n:03d}", organisation_id=programme.id)
            session.add(person)
            session.flush()
            session.add_all([Consent(person_id=person.id, purpose="assessment"),
                             QuestionnaireResponse(person_id=person.id, version="1",
                                                   answers={}, completed_at=now,
                                                   outcome="programmer"),
                             Draft(person_id=person.id, challenge_id=TASKS[0], files={})])
            session.add_all(Submission(person_id=person.id, challenge_id=task, kind="attempt",
                                       status="graded", gradable=True, score=(i % 2) * 1.0,
                                       files={}, created_at=now - timedelta(hours=i))
                            for i, task in enumerate(TASKS))
        session.commit()
    return app


def measure(app, path: str) -> tuple[int, float]:
    """SELECT statements of one request, and the median seconds over ROUNDS requests."""
    client = app.test_client()
    client.post("/konto/logga-in", data={"email": "coach@bench.se", "password": PASSWORD})
    selects = []

    def note(_conn, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            selects.append(statement)

    engine = app.extensions["kodprov_db"].engine
    sa.event.listen(engine, "before_cursor_execute", note)
    client.get(path)
    sa.event.remove(engine, "before_cursor_execute", note)
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        client.get(path)
        times.append(time.perf_counter() - started)
    return len(selects), statistics.median(times)


def main() -> None:
    results = {}
    for size in SIZES:
        with tempfile.TemporaryDirectory() as folder:
            app = build(Path(folder), size)
            for path in ("/personer/", "/personer/lista.csv"):
                results[(size, path)] = measure(app, path)
            app.extensions["kodprov_queue"].close()
            app.extensions["kodprov_db"].dispose()
    for path in ("/personer/", "/personer/lista.csv"):
        small, large = results[(SIZES[0], path)], results[(SIZES[1], path)]
        ratio = (large[1] / SIZES[1]) / (small[1] / SIZES[0])
        print(f"{path}: SELECTs {small[0]} for {SIZES[0]} people, {large[0]} for {SIZES[1]}; "
              f"median {small[1] * 1000:.0f} ms and {large[1] * 1000:.0f} ms; time per person "
              f"at {SIZES[1]} / at {SIZES[0]}: {ratio:.2f}")


if __name__ == "__main__":
    main()
