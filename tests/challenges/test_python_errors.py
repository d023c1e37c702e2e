"""Python's own messages reach the candidate in their language, with the original kept for
messages we do not know, and the kind of a crash still readable for hidden tests."""

from __future__ import annotations

import pytest

from assessor.domain.grading import grade_submission
from assessor.domain.grading.base import Context
from assessor.domain.grading.function_grader import judge_step
from assessor.domain.grading.messages.hidden import problem_of
from assessor.domain.grading.python_errors import error_line, syntax_detail, translate

#: the last line of a traceback as Python 3.11 prints it -> words the Swedish text must hold
RUNTIME = [
    ("NameError: name 'summa' is not defined", "namnet summa finns inte"),
    ("NameError: name 'listx' is not defined. Did you mean: 'lista'?", "Menade du lista?"),
    ("UnboundLocalError: cannot access local variable 'y' where it is not associated with a "
     "value", "variabeln y används"),
    ('TypeError: can only concatenate str (not "int") to str', "inte med int (heltal)"),
    ("TypeError: unsupported operand type(s) for +: 'int' and 'str'",
     "+ går inte att använda mellan int (heltal) och str (text)"),
    ("TypeError: 'int' object is not subscriptable", "går inte att indexera"),
    ("TypeError: f() takes 1 positional argument but 2 were given", "f() tar 1 argument men "
     "fick 2"),
    ("TypeError: f() missing 1 required positional argument: 'a'", "saknar argumentet 'a'"),
    ("IndexError: list index out of range", "det finns inte så många element"),
    ("IndexError: pop from empty list", "tom lista"),
    ("KeyError: 'äpple'", "nyckeln 'äpple' finns inte"),
    ("ZeroDivisionError: division by zero", "division med noll"),
    ("ZeroDivisionError: integer division or modulo by zero", "division med noll"),
    ("ValueError: invalid literal for int() with base 10: 'tre'", "int() kan inte läsa 'tre'"),
    ("ValueError: could not convert string to float: 'x'", "float() kan inte läsa 'x'"),
    ("ValueError: not enough values to unpack (expected 2, got 1)", "väntade 2, fick 1"),
    ("RecursionError: maximum recursion depth exceeded in comparison", "basfall"),
    ("EOFError: EOF when reading a line", "fler rader med input()"),
    ("AttributeError: 'list' object has no attribute 'push'. Did you mean: 'pop'?",
     "har inget push. Menade du pop?"),
    ("ModuleNotFoundError: No module named 'numpy'", "ingen modul som heter numpy"),
    ("FileNotFoundError: [Errno 2] No such file or directory: 'data.txt'",
     "filen 'data.txt' finns inte"),
    ("OSError: [Errno 27] File too large", "programmet skrev för mycket"),
]


@pytest.mark.parametrize(("line", "words"), RUNTIME)
def test_common_exceptions_are_told_in_swedish_with_their_name_kept(line, words):
    said = error_line(line, "sv")
    assert words in said
    assert said.startswith(line.split(":")[0] + ": ")  # the kind, for searching and for hidden
    assert said != line


@pytest.mark.parametrize(("line", "words"), [
    ("NameError: name 'summa' is not defined", "there is no name summa"),
    ("OSError: [Errno 27] File too large", "the program wrote too much"),
    ("IndexError: list index out of range", "there are not that many items"),
])
def test_the_same_exceptions_read_plainly_in_english(line, words):
    assert words in error_line(line, "en")


@pytest.mark.parametrize("line", [
    "json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)",
    "TypeError: something no pattern knows",
    "MittEgetFel: hemligt",
    "bara text på stderr",
])
def test_a_message_we_do_not_know_keeps_the_original(line):
    assert error_line(line, "sv") == line


@pytest.mark.parametrize(("message", "kind", "words"), [
    ("expected ':'", "SyntaxError", "det saknas ett kolon"),
    ("'(' was never closed", "SyntaxError", "parentesen ( stängs aldrig"),
    ("unmatched ')'", "SyntaxError", "stänger något som aldrig öppnades"),
    ("invalid syntax. Perhaps you forgot a comma?", "SyntaxError", "glömt ett kommatecken"),
    ("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", "SyntaxError", "=="),
    ("unterminated string literal (detected at line 3)", "SyntaxError", "citattecknet"),
    ("Missing parentheses in call to 'print'. Did you mean print(...)?", "SyntaxError",
     "skriv print(...)"),
    ("expected an indented block after 'if' statement on line 4", "IndentationError",
     "efter rad 4 ska vara indragen"),
    ("unexpected indent", "IndentationError", "indragen fast den inte ska vara det"),
    ("unindent does not match any outer indentation level", "IndentationError", "4 mellanslag"),
    ("inconsistent use of tabs and spaces in indentation", "TabError", "tabbar och mellanslag"),
    ("'return' outside function", "SyntaxError", "return får bara stå inuti en funktion"),
])
def test_syntax_errors_are_told_in_swedish(message, kind, words):
    assert words in syntax_detail(message, "sv", kind)


def test_a_syntax_error_names_the_line_and_what_is_missing(bank_challenge, local_runner):
    result = grade_submission(bank_challenge("p1-biljettpris"),
                              "alder = int(input())\nif alder < 18\n    print('barn')\n",
                              runner=local_runner)
    assert not result.gradable
    assert "Syntaxfel i biljett.py på rad 2: det saknas ett kolon" in result.message
    assert "?." not in result.message and ".." not in result.message
    assert local_runner.specs == []  # found on the host, nothing was run


def test_an_indentation_error_is_told_in_swedish(bank_challenge, local_runner):
    result = grade_submission(bank_challenge("p1-biljettpris"), "x = 1\n    print(x)\n",
                              runner=local_runner)
    assert "rad 2" in result.message and "indragen fast den inte ska vara det" in result.message


def test_a_crash_is_told_in_swedish_with_its_line(bank_challenge, local_runner):
    source = "alder = int(input())\nprint(pris)\n"
    result = grade_submission(bank_challenge("p1-biljettpris"), source, runner=local_runner,
                              visible_only=True)
    message = result.tests[0].message
    assert "NameError: namnet pris finns inte" in message and "rad 2 i biljett.py" in message
    assert result.tests[0].problem == "" or problem_of(message) == "crashed:NameError"


def test_the_kind_of_a_translated_crash_is_still_what_a_hidden_test_names(bank_challenge,
                                                                         local_runner):
    result = grade_submission(bank_challenge("p1-biljettpris"), "x = int('tre')\n",
                              runner=local_runner)
    hidden = [t for t in result.tests if t.visibility.value == "staff"]
    assert hidden and all(t.problem == "crashed:ValueError" for t in hidden)


def test_a_function_that_prints_past_the_file_limit_wrote_too_much(bank_challenge):
    variant = bank_challenge("p2-rekursion").variant(0)
    ctx = Context(variant, variant.tests, {}, None, "sv")
    message, _got = judge_step(ctx, {"call": "f", "expect": 1},
                               {"raised": "OSError", "detail": "[Errno 27] File too large"})
    assert "programmet skrev för mycket" in message and "Errno" not in message
    assert problem_of(message) == "crashed:OSError"


def test_translate_knows_nothing_of_a_kind_it_was_not_written_for():
    assert translate("ValueError", "name 'x' is not defined") is None
