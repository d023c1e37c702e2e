"""Comparators for printed output and returned values."""

from __future__ import annotations

from assessor.domain.grading import compare
from assessor.domain.grading.compare import Options


def test_exact_ignores_only_line_endings_and_the_final_newline():
    assert compare.exact("a\nb\n", "a\r\nb")
    assert not compare.exact("a b", "a  b")


def test_whitespace_folds_runs_of_spaces_and_trailing_blank_lines():
    assert compare.whitespace("Pris: 25 kr\n", "Pris:   25 kr   \n\n\n")
    assert not compare.whitespace("Pris: 25 kr", "Pris:25 kr")


def test_numbers_agree_within_the_tolerance_and_accept_a_decimal_comma():
    assert compare.numbers("Medel: 3.3333", "Medel: 3,33333333", Options(rel_tol=1e-3))
    assert not compare.numbers("Medel: 3.5", "Medel: 3.6", Options(rel_tol=1e-3))
    assert not compare.numbers("Medel: 3.5", "Snitt: 3.5")


def test_an_authors_tolerance_is_absolute():
    half_an_ore = Options.with_tolerance(0.005)
    assert compare.numbers("Sparat: 2812.50", "Sparat: 2812.504", half_an_ore)
    assert not compare.numbers("Sparat: 2828.52", "Sparat: 2812.50", half_an_ore)
    assert not compare.numbers("Sparat: 2828.52", "Sparat: 2812.50", Options.with_tolerance(None))
    assert compare.numbers("x 1000000", "x 1000000.5", Options.with_tolerance(None))  # 6 digits


def test_numbers_need_the_same_number_of_words_and_lines():
    assert not compare.numbers("1 2", "1 2 3")
    assert not compare.numbers("1\n2", "1")


def test_regex_must_match_the_whole_normalised_output():
    assert compare.regex(r"Klockan är \d\d:\d\d", "Klockan är 12:30\n")
    assert not compare.regex(r"\d+", "12 apor")


def test_unordered_lines_compare_as_a_multiset():
    assert compare.unordered_lines("a\nb\nb", "b\na\nb")
    assert not compare.unordered_lines("a\nb\nb", "a\nb")


def test_first_difference_names_the_line_and_both_texts():
    assert compare.first_difference("a\nb\nc", "a\nx\nc") == (2, "b", "x")
    assert compare.first_difference("a", "a") is None


def test_values_equal_treats_tuples_as_lists_but_bools_strictly():
    assert compare.values_equal([1, 2], (1, 2))
    assert not compare.values_equal(True, 1)
    assert not compare.values_equal(1, True)
    assert compare.values_equal(0.1 + 0.2, 0.3)
    assert not compare.values_equal("3", 3)


def test_values_equal_can_ignore_order_in_lists():
    assert compare.values_equal([3, 1, 2], [1, 2, 3], Options(unordered=True))
    assert not compare.values_equal([3, 1, 2], [1, 2, 3])
    assert not compare.values_equal([1, 1, 2], [1, 2, 2], Options(unordered=True))


def test_values_equal_compares_dicts_deeply():
    assert compare.values_equal({"a": [1.0, 2]}, {"a": [1, 2.0000000001]})
    assert not compare.values_equal({"a": 1}, {"a": 1, "b": 2})


def test_show_truncates_long_values():
    assert compare.show("x" * 500).endswith("…")
    assert len(compare.show(list(range(1000)))) <= compare.SHOW_LIMIT
