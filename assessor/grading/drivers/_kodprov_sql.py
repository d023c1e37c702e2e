"""SQL driver: builds an SQLite database per test, runs the submitted SQL, reports result sets.

``query`` mode runs one statement and records its columns and rows; ``script`` mode runs the
whole file, then the test's probe statements, recording each one's rows or error. The host
runs this same code on the reference solution to get the expected results.
"""

import sqlite3
import time

try:
    import _kodprov_observe as obs
except ImportError:  # imported on the host, to run the reference solution
    from assessor.grading.drivers import _kodprov_observe as obs

MAX_ROWS = 5000


class _Clock:
    def __init__(self, seconds):
        self.deadline = time.monotonic() + seconds

    def __call__(self):
        return 1 if time.monotonic() > self.deadline else 0


def _cell(value):
    if isinstance(value, bytes):
        return {"$bytes": value.hex()}
    return obs.encode(value)


def _execute(conn, sql):
    try:
        cursor = conn.execute(sql)
        columns = [d[0] for d in cursor.description] if cursor.description else []
        rows = cursor.fetchmany(MAX_ROWS + 1)
        return {"columns": columns, "rows": [[_cell(v) for v in row] for row in rows[:MAX_ROWS]],
                "more": len(rows) > MAX_ROWS}
    except (sqlite3.Error, sqlite3.Warning, ValueError, OverflowError) as error:
        return {"error": type(error).__name__, "detail": obs.clip(str(error), 300)}


def _no_files(action, *args):
    """Authorizer: SQL may not ATTACH (or VACUUM INTO) files, so it cannot write any."""
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def _connect(plan, dataset, read):
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    for name in plan.get("datasets", {}).get(dataset or "", []):
        conn.executescript(read(name))
    conn.set_progress_handler(_Clock(plan.get("seconds", 5)), 1000)
    conn.set_authorizer(_no_files)
    return conn


def run_test(plan, test, read):
    """One test on a fresh database: the query's result, or the script's then the probes'."""
    conn = _connect(plan, test.get("dataset"), read)
    submitted = read(plan["submission"])
    record = {"id": test["id"]}
    try:
        if plan["mode"] == "query":
            record["result"] = _execute(conn, submitted)
            return record
        try:
            conn.executescript(submitted)
        except (sqlite3.Error, sqlite3.Warning, ValueError) as error:
            record["script_error"] = {"error": type(error).__name__, "detail": str(error)[:300]}
        record["probes"] = [_execute(conn, probe) for probe in test.get("probes", [])]
        return record
    finally:
        conn.close()


def run_plan(plan, read):
    """Records for every test of the plan; ``read(name)`` gives a file's text."""
    return [run_test(plan, test, read) for test in plan["tests"]]


def main():
    plan = obs.start()
    files = plan["files"]  # the submission and the data sets' text arrive with the plan
    for test in plan["tests"]:
        obs.emit(run_test(plan, test, files.__getitem__))


if __name__ == "__main__":
    main()
