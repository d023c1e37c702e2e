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
    from assessor.domain.grading.drivers import _kodprov_observe as obs

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


def _execute(conn, sql, guard=None):
    try:
        cursor = conn.execute(sql)
        columns = [d[0] for d in cursor.description] if cursor.description else []
        rows = cursor.fetchmany(MAX_ROWS + 1)
        return {"columns": columns, "rows": [[_cell(v) for v in row] for row in rows[:MAX_ROWS]],
                "more": len(rows) > MAX_ROWS}
    except (sqlite3.Error, sqlite3.Warning, ValueError, OverflowError) as error:
        failure = {"error": type(error).__name__, "detail": obs.clip(str(error), 300)}
        if guard is not None and guard.refused:
            failure["refused"] = guard.refused
        return failure


#: what a query may do in query mode: read tables, call functions, recurse in a CTE
READING = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION,
           getattr(sqlite3, "SQLITE_RECURSIVE", 33)}
#: how a refused action is named in the message (anything else is a change to the database)
ACTIONS = {sqlite3.SQLITE_INSERT: "INSERT", sqlite3.SQLITE_UPDATE: "UPDATE",
           sqlite3.SQLITE_DELETE: "DELETE", sqlite3.SQLITE_PRAGMA: "PRAGMA",
           sqlite3.SQLITE_ATTACH: "ATTACH", sqlite3.SQLITE_TRANSACTION: "BEGIN/COMMIT",
           sqlite3.SQLITE_ALTER_TABLE: "ALTER"}
#: DROP, CREATE and ALTER are first asked for as writes to the schema table
SCHEMA_CHANGES = {sqlite3.SQLITE_DELETE: "DROP", sqlite3.SQLITE_INSERT: "CREATE",
                  sqlite3.SQLITE_UPDATE: "ALTER"}


class _Guard:
    """Authorizer. Nothing may ATTACH (or VACUUM INTO) files, so SQL cannot write any; in
    ``read_only`` mode (query tasks) only reading is allowed, and the first refusal is kept."""

    def __init__(self, read_only):
        self.read_only, self.refused = read_only, None

    def __call__(self, action, *args):
        files = action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH)
        if files or (self.read_only and action not in READING):
            schema = str(args[0] if args else "").startswith("sqlite_")  # e.g. DROP's DELETE
            named = SCHEMA_CHANGES.get(action) if schema else ACTIONS.get(action)
            self.refused = self.refused or named or "?"
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK


def _connect(plan, dataset, read, guard):
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    for name in plan.get("datasets", {}).get(dataset or "", []):
        conn.executescript(read(name))
    if guard.read_only:
        conn.execute("PRAGMA query_only = ON")
    conn.set_progress_handler(_Clock(plan.get("seconds", 5)), 1000)
    conn.set_authorizer(guard)
    return conn


def _blank(sql):
    """Whether ``sql`` holds nothing but spaces, semicolons and comments."""
    i = 0
    while i < len(sql):
        if sql[i].isspace() or sql[i] == ";":
            i += 1
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            i = len(sql) if end < 0 else end + 1
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            i = len(sql) if end < 0 else end + 2
        else:
            return False
    return True


def statements(sql):
    """The statements of ``sql``, split where SQLite says one is complete; empty ones (``;;``)
    and comments alone are dropped."""
    parts, current = [], ""
    pieces = sql.split(";")
    for number, piece in enumerate(pieces):
        last = number == len(pieces) - 1
        current += piece if last else piece + ";"
        if last or sqlite3.complete_statement(current):
            parts.append(current)
            current = ""
    return [part for part in parts if not _blank(part)]


def _query(conn, submitted, guard):
    """Query mode: exactly one statement, run read-only."""
    found = statements(submitted)
    if len(found) != 1:
        return {"error": "Statements", "detail": f"{len(found)} statements", "count": len(found)}
    return _execute(conn, found[0], guard)


def run_test(plan, test, read):
    """One test on a fresh database: the query's result, or the script's then the probes'."""
    guard = _Guard(read_only=plan["mode"] == "query")
    conn = _connect(plan, test.get("dataset"), read, guard)
    submitted = read(plan["submission"])
    record = {"id": test["id"]}
    try:
        if plan["mode"] == "query":
            record["result"] = _query(conn, submitted, guard)
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
