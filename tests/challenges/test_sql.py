"""The sql grader: result sets compared on the host, constructs found on the parsed query."""

from __future__ import annotations

import pytest

from assessor.domain.grading import grade_submission
from assessor.domain.grading.sql_constructs import parse_statements, uses
from assessor.domain.grading.sql_result import compare_results


def rows(columns, *data):
    return {"columns": list(columns), "rows": [list(r) for r in data]}


def test_rows_in_another_order_pass_when_order_does_not_matter():
    want = rows(["namn"], ["a"], ["b"])
    assert compare_results(want, rows(["namn"], ["b"], ["a"]), ordered=False) is None


def test_rows_in_another_order_fail_when_the_task_asks_for_an_order():
    mismatch = compare_results(rows(["n"], [1], [2]), rows(["n"], [2], [1]), ordered=True)
    assert mismatch.code == "sql_order"


def test_columns_are_matched_by_name_when_their_order_differs():
    want = rows(["namn", "pris"], ["Kåsa", 120])
    assert compare_results(want, rows(["PRIS", "Namn"], [120, "Kåsa"]), ordered=True) is None


def test_columns_match_by_position_when_names_differ():
    want = rows(["antal"], [3])
    assert compare_results(want, rows(["COUNT(*)"], [3]), ordered=True) is None
    assert compare_results(want, rows(["COUNT(*)"], [3]), ordered=True,
                           columns="names").code == "sql_columns"


def test_numbers_are_compared_by_value_and_text_exactly():
    assert compare_results(rows(["p"], [3]), rows(["p"], [3.0]), ordered=True) is None
    assert compare_results(rows(["p"], ["3"]), rows(["p"], [3]), ordered=True) is not None
    assert compare_results(rows(["x"], [0.1 + 0.2]), rows(["x"], [0.3]), ordered=True) is None


def test_a_missing_row_is_named():
    mismatch = compare_results(rows(["n", "p"], ["a", 1], ["b", 2]),
                               rows(["n", "p"], ["a", 1], ["c", 2]), ordered=False)
    assert mismatch.code == "sql_missing_row" and "'b'" in mismatch.params["row"]


def test_a_different_row_count_is_reported_first():
    mismatch = compare_results(rows(["n"], [1]), rows(["n"], [1], [1]), ordered=False)
    assert mismatch.code == "sql_row_count" and mismatch.params == {"got": 2, "expected": 1}


@pytest.mark.parametrize(("sql", "construct", "expected"), [
    ("SELECT * FROM a JOIN b ON a.id = b.a_id", "join", True),
    ("SELECT * FROM a, b WHERE a.id = b.a_id", "join", False),
    ("SELECT * FROM a LEFT JOIN b ON a.id = b.a_id", "left_join", True),
    ("SELECT x FROM t WHERE x > (SELECT AVG(x) FROM t)", "subquery", True),
    ("SELECT x FROM t WHERE x IN (SELECT y FROM u)", "subquery", True),
    ("WITH c AS (SELECT 1 AS x) SELECT x FROM c", "subquery", False),
    ("WITH c AS (SELECT 1 AS x) SELECT x FROM c", "cte", True),
    ("SELECT k, COUNT(*) FROM t GROUP BY k HAVING COUNT(*) > 1", "having", True),
    ("SELECT k FROM t -- HAVING in a comment", "having", False),
    ("SELECT 'GROUP BY' FROM t", "group_by", False),
    ("SELECT * FROM t", "select_star", True),
])
def test_constructs_are_found_on_the_parsed_query_not_in_text(sql, construct, expected):
    assert uses(parse_statements(sql), construct, TABLES) is expected


#: the task's tables for the JOIN cases: table -> columns
TABLES = {"a": frozenset({"id", "namn"}), "b": frozenset({"id", "a_id"}),
          "p": frozenset({"id", "chef_id"})}


@pytest.mark.parametrize(("sql", "counts"), [
    ("SELECT * FROM a JOIN b ON b.a_id = a.id AND b.id > 2", True),
    ("SELECT * FROM a AS x JOIN b AS y ON y.a_id = x.id", True),
    ("SELECT * FROM a JOIN b ON a_id = a.id", True),
    ("SELECT * FROM a JOIN b USING (id)", True),
    ("SELECT * FROM p AS anstalld JOIN p AS chef ON anstalld.chef_id = chef.id", True),
    ("SELECT * FROM a JOIN (SELECT 1) x ON 1 = 1", False),
    ("SELECT * FROM a JOIN b ON 1 = 1", False),
    ("SELECT * FROM a JOIN b ON a.id = a.id", False),
    ("SELECT * FROM a JOIN b ON a.id = b.a_id OR 1 = 1", False),
    ("SELECT * FROM a x JOIN a y ON x.id = y.id", False),
    ("SELECT * FROM a x JOIN a y USING (id)", False),
    ("SELECT * FROM a JOIN c ON a.id = c.id", False),
    ("WITH b AS (SELECT 1 AS a_id) SELECT * FROM a JOIN b ON a.id = b.a_id", False),
    ("SELECT * FROM a, b JOIN (SELECT 1 AS id) x ON x.id = a.id WHERE b.a_id = a.id", False),
])
def test_a_required_join_must_join_two_tables_of_the_tasks_data(sql, counts):
    assert uses(parse_statements(sql), "join", TABLES) is counts


def test_a_left_join_of_a_dummy_table_is_no_left_join():
    dummy = "SELECT * FROM a LEFT JOIN (SELECT 1 AS id) x ON 1 = 1"
    assert not uses(parse_statements(dummy), "left_join", TABLES)


def test_a_trailing_comment_is_not_a_second_statement():
    assert len(parse_statements("SELECT 1; -- klart")) == 1


@pytest.fixture
def join_challenge(bank_challenge):
    return bank_challenge("d-bestallningar-join")


def test_a_syntax_error_is_not_gradable_and_says_where_in_plain_words(join_challenge,
                                                                       local_runner):
    result = grade_submission(join_challenge, "SELEC id FORM bestallning;", runner=local_runner)
    assert not result.gradable
    assert result.message.startswith("SQL-koden i fraga.sql kunde inte läsas. Syntaxfel nära "
                                     "«SELEC». Kontrollera stavningen")


def test_two_statements_in_a_query_task_are_not_gradable(join_challenge, local_runner):
    result = grade_submission(join_challenge, "SELECT 1; SELECT 2;", runner=local_runner)
    assert not result.gradable and "(nu finns 2)" in result.message
    assert local_runner.specs == []


def test_an_unknown_column_fails_the_tests_and_says_what_to_check(join_challenge,
                                                                  local_runner):
    result = grade_submission(join_challenge, "SELECT kundnamn FROM bestallning;",
                              runner=local_runner)
    assert result.gradable
    assert result.tests[0].message == ("Kolumnen kundnamn finns inte. Kontrollera stavningen, "
                                       "och att tabellen som har kolumnen står i FROM eller JOIN.")


def test_the_hidden_data_set_catches_hard_coded_answers(join_challenge, local_runner):
    hard_coded = ("SELECT 1 AS id, '2023-11-20' AS datum, 'Elin Berg' AS namn "
                  "FROM bestallning AS b JOIN kund AS k ON k.id = b.kund_id LIMIT 1;")
    result = grade_submission(join_challenge, hard_coded, runner=local_runner)
    assert {"exempeldata", "andra data"} <= result.failed


def test_sql_cannot_write_files_with_attach(join_challenge, local_runner):
    result = grade_submission(join_challenge, "ATTACH DATABASE 'x.db' AS x;",
                              runner=local_runner)
    assert result.score == 0.0


def test_expected_result_sets_never_enter_the_sandbox(join_challenge, local_runner):
    wrong = join_challenge.wrongs[0]
    grade_submission(join_challenge, dict(wrong.files), runner=local_runner)
    spec = local_runner.specs[0]
    sent = spec.stdin + b"".join(spec.files.values())
    reference = join_challenge.solution.files["fraga.sql"].strip()
    assert reference not in sent
    assert b'"rows"' not in spec.stdin and b'"expect' not in spec.stdin


def test_no_plan_and_no_data_set_is_left_on_disk(join_challenge, local_runner):
    grade_submission(join_challenge, dict(join_challenge.solution.files), runner=local_runner)
    spec = local_runner.specs[0]
    assert set(spec.files) == {"_kodprov_sql.py", "_kodprov_observe.py"}
    assert b"data_dold.sql" in spec.stdin


def test_a_script_that_stops_says_why(bank_challenge, local_runner):
    challenge = bank_challenge("d-uppdatera-ta-bort")
    wrong = next(w for w in challenge.wrongs if w.name == "glommer-orderraderna")
    result = grade_submission(challenge, dict(wrong.files), runner=local_runner)
    assert result.tests[1].message == ("Dina satser stoppades av ett fel. En främmande nyckel "
                                       "(FOREIGN KEY) pekar på en rad som inte finns. Fick 8 "
                                       "rader, väntade 6.")


def test_a_constraint_that_is_missing_names_the_statement(bank_challenge, local_runner):
    challenge = bank_challenge("d-skapa-tabeller")
    wrong = next(w for w in challenge.wrongs if w.name == "saknar-unique")
    result = grade_submission(challenge, dict(wrong.files), runner=local_runner, locale="en")
    unique = next(t for t in result.tests if t.name == "e-post är unik")
    assert unique.message.startswith("The database should refuse «INSERT INTO medlem")


def right_rows_with(join: str) -> str:
    """The join task's right rows from a comma join, with ``join`` added to the FROM."""
    return ("SELECT b.id, b.datum, k.namn FROM bestallning AS b, kund AS k " + join +
            " WHERE k.id = b.kund_id ORDER BY b.datum;")


@pytest.mark.parametrize("dummy", ["JOIN (SELECT 1) AS x ON 1 = 1",
                                   "JOIN kund AS k2 ON k2.id = k.id"])
def test_a_dummy_join_does_not_meet_a_required_join(join_challenge, local_runner, dummy):
    result = grade_submission(join_challenge, right_rows_with(dummy), runner=local_runner)
    assert result.failed == {"använder JOIN"}


@pytest.mark.parametrize(("query", "words"), [
    ("DROP TABLE kund", "(DROP går inte här)"),
    ("PRAGMA foreign_keys = OFF", "(PRAGMA går inte här)"),
    ("WITH x AS (SELECT 1) DELETE FROM bestallning", "(DELETE går inte här)"),
    ("UPDATE kund SET namn = 'x' RETURNING id, namn, namn", "(UPDATE går inte här)"),
])
def test_a_query_task_is_read_only(join_challenge, local_runner, query, words):
    result = grade_submission(join_challenge, query, runner=local_runner)
    assert result.gradable and result.score == 0.0
    assert result.tests[0].message == ("Frågan får bara läsa data med SELECT, inte ändra "
                                       "databasen " + words + ".")


def test_a_query_ending_in_two_semicolons_is_one_statement(join_challenge, local_runner):
    query = join_challenge.solution.files["fraga.sql"].decode() + ";;\n-- klart\n;"
    assert grade_submission(join_challenge, query, runner=local_runner).score == 1.0


def test_a_query_task_still_reads_with_recursive_ctes(join_challenge, local_runner):
    query = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) "
             "SELECT b.id, b.datum, k.namn FROM bestallning AS b JOIN kund AS k "
             "ON k.id = b.kund_id WHERE b.id NOT IN (SELECT i FROM n WHERE i > 99) "
             "ORDER BY b.datum;")
    assert grade_submission(join_challenge, query, runner=local_runner).score == 1.0


@pytest.mark.parametrize(("detail", "words"), [
    ("You can only execute one statement at a time.", "Lämna in en enda SQL-sats"),
    ("disk I/O error", "för mycket minne eller plats"),
    ("database or disk is full", "Kanske en rekursiv fråga som aldrig slutar"),
    ("interrupted", "inte klar inom 3 s"),
    ("no such table: kunder", "Tabellen kunder finns inte"),
    ("ambiguous column name: id", "Skriv tabellen framför, till exempel tabell.id"),
    ('near "FORM": syntax error', "Syntaxfel nära «FORM»"),
    ("UNIQUE constraint failed: medlem.epost", "Värdet i medlem.epost finns redan"),
    ("some future message", "SQLite gav ett fel: some future message"),
])
def test_sqlites_english_errors_are_said_in_swedish(detail, words):
    from assessor.domain.grading.base import Context
    from assessor.domain.grading.sql_errors import explain

    ctx = Context(variant=None, tests=(), files={}, runner=None)  # only msg() is used
    assert words in explain(ctx, {"error": "OperationalError", "detail": detail}, 3.0)


def test_a_runaway_recursive_query_is_a_verdict_in_the_sandbox(join_challenge):
    from sandbox import get_runner

    runner = get_runner("process")
    try:
        result = grade_submission(join_challenge, (
            "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
            "SELECT n AS id, n AS datum, n AS namn FROM r ORDER BY n"), runner=runner)
    finally:
        runner.close()
    assert result.gradable and result.score == 0.0
    message = result.tests[0].message
    assert "rekursiv fråga" in message and "I/O" not in message
