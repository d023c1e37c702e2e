"""The line diff of expected and printed output: lines paired as the test compared them."""

from __future__ import annotations

from assessor.domain.grading.output_diff import MAX_ROWS, output_diff


def test_the_first_difference_is_found_inside_the_line():
    diff = output_diff("Pris: 25 kr\nTack\n", "Pris: 30 kr\nTack\n")
    first = diff.first
    assert first.expected_line == first.got_line == 1
    assert first.parts("expected") == ("Pris: ", "25 kr")
    assert first.parts("got") == ("Pris: ", "30 kr")
    assert diff.rows[1].same


def test_a_missing_line_does_not_make_every_later_line_differ():
    diff = output_diff("a\nb\nc\nd\n", "a\nc\nd\n")
    kinds = [(row.expected, row.got, row.same) for row in diff.rows]
    assert kinds == [("a", "a", True), ("b", None, False), ("c", "c", True), ("d", "d", True)]
    assert diff.first.expected == "b" and diff.first.got is None


def test_an_extra_line_at_the_end_is_the_first_difference():
    diff = output_diff("1\n2\n", "1\n2\n3\n")
    assert diff.first.got == "3" and diff.first.expected is None and diff.first.got_line == 3


def test_spacing_that_the_whitespace_comparison_ignores_is_no_difference():
    assert output_diff("a  b\n", "a b   \n\n", "whitespace") is None


def test_spacing_counts_where_the_test_compares_exactly():
    diff = output_diff("a b\n", "a b \n", "exact")
    assert diff.first.parts("got") == ("a b", " ")


def test_numbers_within_the_tolerance_are_alike():
    diff = output_diff("1.00\n2.00\n", "1.004\n2.5\n", "numbers", 0.01)
    assert diff.rows[0].same and not diff.rows[1].same and diff.first.expected_line == 2


def test_patterns_and_unordered_lines_get_no_diff():
    assert output_diff("P.*", "Pris", "regex") is None
    assert output_diff("a\nb", "b\nc", "unordered") is None


def test_a_long_output_shows_a_window_around_the_first_difference():
    expected = "".join(f"{n}\n" for n in range(200))
    got = expected.replace("150\n", "151\n", 1)
    diff = output_diff(expected, got)
    assert len(diff.rows) <= MAX_ROWS and diff.left_out_before > 100
    assert diff.rows[0].same and diff.first.expected == "150"
    assert diff.left_out_before + len(diff.rows) + diff.left_out_after == 200
