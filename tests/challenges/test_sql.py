"""The sql grader: result sets compared on the host, constructs found on the parsed query."""

from __future__ import annotations

import pytest

from assessor.grading import grade_submission
from assessor.grading.sql_constructs import parse_statements, uses
from assessor.grading.sql_result import compare_results


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
    assert uses(parse_statements(sql), construct) is expected


def test_a_trailing_comment_is_not_a_second_statement():
    assert len(parse_statements("SELECT 1; -- klart")) == 1


@pytest.fixture
def join_challenge(bank_challenge):
    return bank_challenge("d-bestallningar-join")


def test_a_syntax_error_is_not_gradable_with_sqlites_message(join_challenge, local_runner):
    result = grade_submission(join_challenge, "SELEC id FORM bestallning;", runner=local_runner)
    assert not result.gradable
    assert result.message.startswith("SQL-fel i fraga.sql: near \"SELEC\": syntax error.")


def test_two_statements_in_a_query_task_are_not_gradable(join_challenge, local_runner):
    result = grade_submission(join_challenge, "SELECT 1; SELECT 2;", runner=local_runner)
    assert not result.gradable and "(nu finns 2)" in result.message
    assert local_runner.specs == []


def test_an_unknown_column_fails_the_tests_with_the_database_error(join_challenge,
                                                                   local_runner):
    result = grade_submission(join_challenge, "SELECT kundnamn FROM bestallning;",
                              runner=local_runner)
    assert result.gradable
    assert result.tests[0].message == "Frågan gav ett fel: no such column: kundnamn"


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
    assert result.tests[1].message == ("Dina satser stoppades av ett fel: FOREIGN KEY "
                                       "constraint failed. Fick 8 rader, väntade 6.")


def test_a_constraint_that_is_missing_names_the_statement(bank_challenge, local_runner):
    challenge = bank_challenge("d-skapa-tabeller")
    wrong = next(w for w in challenge.wrongs if w.name == "saknar-unique")
    result = grade_submission(challenge, dict(wrong.files), runner=local_runner, locale="en")
    unique = next(t for t in result.tests if t.name == "e-post är unik")
    assert unique.message.startswith("The database should refuse «INSERT INTO medlem")
