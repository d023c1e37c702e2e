"""Errors in a challenge folder are reported with file, field and what to write instead."""

from __future__ import annotations

import pytest

from assessor.domain.challenges import ChallengeFormatError
from assessor.domain.challenge_bank import load_challenge
from assessor.domain.challenge_bank.loading import read_challenge

IO_TEST = """
    [[tests]]
    name = "ett"
    stdin = "1\\n"
    stdout = "1\\n"
"""
GOOD_FILES = {
    "solution/main.py": "print(input())\n",
    "wrong/tyst/main.py": "pass\n",
    "wrong/tyst/expect.toml": 'mistake = "Prints nothing."\nfails = ["ett"]\n',
    "wrong/dubbelt/main.py": "x = input()\nprint(x + x)\n",
    "wrong/dubbelt/expect.toml": 'mistake = "Prints twice."\nfails = ["ett"]\n',
}


def problems_for(folder) -> list[str]:
    _, problems = read_challenge(folder)
    return [str(p) for p in problems]


def edited(make_challenge, old: str, new: str):
    """A well-formed challenge folder with ``old`` replaced by ``new`` in its challenge.toml."""
    folder = make_challenge(IO_TEST, extra=GOOD_FILES)
    toml = folder / "challenge.toml"
    toml.write_text(toml.read_text().replace(old, new))
    return folder


def only_problem(folder) -> str:
    found = problems_for(folder)
    assert len(found) == 1, found
    return found[0]


def test_a_well_formed_folder_loads_without_problems(make_challenge):
    folder = make_challenge(IO_TEST, extra=GOOD_FILES)
    challenge = load_challenge(folder)
    assert challenge.id == "prov-uppgift" and [t.name for t in challenge.tests] == ["ett"]
    assert {w.name for w in challenge.wrongs} == {"tyst", "dubbelt"}


def test_a_challenge_without_the_skill_it_shows_is_refused_with_an_example(make_challenge):
    folder = edited(make_challenge, '[skill]\nsv = "loopar"\nen = "loops"\n', "")
    assert only_problem(folder) == (
        "prov-uppgift/challenge.toml: skill: is missing. Add a [skill] table with "
        'sv = "loopar och villkor" and en = "loops and conditions": the skill the task shows, '
        "which the report names.")


def test_a_skill_in_one_language_only_asks_for_the_other(make_challenge):
    folder = edited(make_challenge, 'en = "loops"', 'en = "  "')
    assert only_problem(folder) == ('prov-uppgift/challenge.toml: skill.en: is empty. '
                                    'Write, for example: en = "loops and conditions"')


def test_the_skill_a_challenge_shows_is_read_in_both_languages(make_challenge):
    challenge = load_challenge(make_challenge(IO_TEST, extra=GOOD_FILES))
    assert challenge.skill == {"sv": "loopar", "en": "loops"}
    assert challenge.summary()["skill"] == {"sv": "loopar", "en": "loops"}


def test_a_bad_level_names_the_file_the_field_and_the_choices(make_challenge):
    folder = edited(make_challenge, 'level = "E"', 'level = "B"')
    assert only_problem(folder) == ("prov-uppgift/challenge.toml: level: 'B' is not allowed. "
                                    'Write one of "E", "C", "A".')


def test_a_misspelt_field_suggests_the_known_name(make_challenge):
    body = IO_TEST.replace('stdout = "1\\n"', 'stdout = "1\\n"\nvisiblity = "staff"')
    message = only_problem(make_challenge(body, extra=GOOD_FILES))
    assert "challenge.toml: tests[0].visiblity: is not a known field." in message
    assert 'Did you mean "visibility"?' in message


def test_a_wrong_type_says_what_to_write(make_challenge):
    body = IO_TEST.replace('stdin = "1\\n"', "stdin = 1")
    message = only_problem(make_challenge(body, extra=GOOD_FILES))
    assert "tests[0].stdin: should be a text in quotes, not 1." in message
    assert 'Write, for example: stdin = "3\\n4\\n"' in message


def test_an_id_that_differs_from_the_folder_is_reported(make_challenge):
    folder = make_challenge(IO_TEST, extra=GOOD_FILES)
    toml = folder / "challenge.toml"
    toml.write_text(toml.read_text().replace('id = "prov-uppgift"', 'id = "annat"'))
    assert "id: 'annat' differs from the folder name. Write id = \"prov-uppgift\"" in (
        only_problem(folder))


def test_invalid_toml_points_at_the_file(make_challenge):
    folder = make_challenge(IO_TEST, extra=GOOD_FILES)
    (folder / "challenge.toml").write_text('id = "prov-uppgift\n')
    message = only_problem(folder)
    assert message.startswith("prov-uppgift/challenge.toml: is not valid TOML")
    assert "Check quotes, brackets and commas" in message


def test_a_missing_english_description_asks_for_one(make_challenge):
    folder = make_challenge(IO_TEST, extra=GOOD_FILES)
    (folder / "description.en.md").unlink()
    assert only_problem(folder) == (
        "prov-uppgift/description.en.md: is missing or empty. Write the statement in English: "
        "what to do, an example, how it is checked.")


def test_a_solution_without_the_handed_in_file_is_reported(make_challenge):
    extra = {**GOOD_FILES, "solution/main.py": None, "solution/losning.py": "print(1)\n"}
    extra = {k: v for k, v in extra.items() if v is not None}
    found = problems_for(make_challenge(IO_TEST, extra=extra))
    assert "prov-uppgift/solution/: main.py: is missing." in found[0]
    assert "prov-uppgift/solution/: losning.py: is not in files = [...]." in found[1]


def test_fewer_than_two_wrong_solutions_is_reported(make_challenge):
    extra = {k: v for k, v in GOOD_FILES.items() if not k.startswith("wrong/dubbelt")}
    message = only_problem(make_challenge(IO_TEST, extra=extra))
    assert message.startswith("prov-uppgift/wrong/: has 1 known-wrong solution(s).")
    assert "Add at least 2" in message


def test_a_wrong_solution_naming_an_unknown_test_lists_the_names(make_challenge):
    extra = {**GOOD_FILES, "wrong/tyst/expect.toml": 'mistake = "x"\nfails = ["två"]\n'}
    message = only_problem(make_challenge(IO_TEST, extra=extra))
    assert message == ("prov-uppgift/wrong/tyst/expect.toml: fails: 'två' is not the name of a "
                       "test. Write names from [[tests]]: ett.")


def test_a_wrong_solution_that_fails_nothing_is_reported(make_challenge):
    extra = {**GOOD_FILES, "wrong/tyst/expect.toml": 'mistake = "x"\n'}
    message = only_problem(make_challenge(IO_TEST, extra=extra))
    assert "fails: is empty, so this solution would score 100 %." in message


def test_limits_above_the_sandbox_maxima_are_refused(make_challenge):
    body = "[limits]\nwall_seconds = 600\n" + IO_TEST
    message = only_problem(make_challenge(body, extra=GOOD_FILES))
    assert "limits.wall_seconds: 600 is outside the sandbox limits." in message
    assert "at most 60.0" in message


def test_duplicate_test_names_are_reported(make_challenge):
    message = only_problem(make_challenge(IO_TEST + IO_TEST, extra=GOOD_FILES))
    assert "tests[1].name: 'ett' is used by another test." in message


def two_wrongs(file: str, failing_test: str) -> dict[str, str]:
    """Two empty known-wrong solutions that fail ``failing_test``."""
    expect = f'mistake = "x"\nfails = ["{failing_test}"]\n'
    return {f"wrong/{name}/{file}": "" for name in "ab"} | {
        f"wrong/{name}/expect.toml": expect for name in "ab"}


def test_grader_fields_are_checked_too(make_challenge):
    body = """
        [function]
        module = "modul"

        [[tests]]
        name = "ett"
        call = "f"
        method = "g"
    """
    extra = {"solution/modul.py": "def f(): pass\n", **two_wrongs("modul.py", "ett")}
    message = only_problem(make_challenge(body, grader="function", files='["modul.py"]',
                                          extra=extra))
    assert "tests[0].call: a step needs exactly one of call, new, method, attr, set, " in (
        message)


def function_problem(make_challenge, tests: str) -> str:
    """The one problem a function challenge with ``tests`` has."""
    extra = {"solution/modul.py": "def f(x):\n    return f(x[1:]) if x else 0\n",
             **two_wrongs("modul.py", "ett")}
    return only_problem(make_challenge("[function]\nmodule = \"modul\"\n" + tests,
                                       grader="function", files='["modul.py"]', extra=extra))


def test_a_recursion_requirement_needs_a_test_that_runs_the_function(make_challenge):
    message = function_problem(make_challenge, """
        [[tests]]
        name = "ett"
        visibility = "staff"
        require = ["recursion:f"]
    """)
    assert ("tests[0].require: 'recursion:f' needs a test that calls f: recursion is checked "
            "by running it.") in message


def test_a_visible_recursion_requirement_needs_a_visible_test_that_runs_it(make_challenge):
    message = function_problem(make_challenge, """
        [[tests]]
        name = "ett"
        require = ["recursion:f"]

        [[tests]]
        name = "två"
        visibility = "staff"
        call = "f"
        args = [[1, 2]]
        expect = 0
    """)
    assert "'recursion:f' needs a candidate test that calls f" in message


def test_counting_must_name_a_list_argument(make_challenge):
    message = function_problem(make_challenge, """
        [[tests]]
        name = "ett"
        call = "f"
        args = [[1, 2], 3]
        counting = [1]
        max_reads = 2
    """)
    assert "tests[0].counting: 1 is not the position of a list argument." in message


@pytest.mark.parametrize(("step", "problem"), [
    ('expect = { "$none" = false }', "tests[0].expect: {'$none': False} is not a tag I know here."),
    ('expect = { "$tuple" = [1] }', "tests[0].expect: {'$tuple': [1]} is not a tag I know here."),
    ('args = [{ "$rang" = [0, 3] }]', "tests[0].args: {'$rang': [0, 3]} is not a tag I know"),
])
def test_a_misspelt_tag_is_reported(make_challenge, step, problem):
    body = f"""
        [[tests]]
        name = "ett"
        call = "f"
        {step}
    """
    assert problem in function_problem(make_challenge, body)


def test_a_set_step_needs_a_value(make_challenge):
    message = function_problem(make_challenge, """
        [[tests]]
        name = "ett"
        steps = [{ new = "f", args = [[]], as = "k" }, { set = "x", on = "k" }]
    """)
    assert "tests[0].steps[1].value: is missing: a set step needs the value to set." in message


def test_an_unknown_sql_construct_lists_the_known_ones(make_challenge):
    body = """
        [sql]
        datasets = { d = ["data/s.sql"] }

        [[tests]]
        name = "ett"
        require = ["joins"]
    """
    extra = {"data/s.sql": "CREATE TABLE t (a);\n", "solution/q.sql": "SELECT 1;\n",
             **two_wrongs("q.sql", "ett")}
    message = only_problem(make_challenge(body, grader="sql", files='["q.sql"]', extra=extra))
    assert "tests[0].require: 'joins' is not a construct I know. Write one of " in message
    assert "join, left_join" in message


def test_a_network_answer_that_cannot_be_read_gives_an_example(make_challenge):
    body = """
        [[tests]]
        name = "nät"
        type = "network"
        expect = "10.0.0.1/24"
    """
    extra = {"solution/answers.toml": 'nät = "10.0.0.0/24"\n', **two_wrongs("answers.toml", "nät")}
    message = only_problem(make_challenge(body, grader="network", files='["answers.toml"]',
                                          extra=extra))
    assert "tests[0].expect: '10.0.0.1/24' cannot be read as network." in message
    assert 'Write, for example: expect = "192.168.1.0/26"' in message


def test_a_placeholder_the_generator_does_not_fill_is_reported(make_challenge):
    body = IO_TEST.replace('stdout = "1\\n"', 'stdout = "{{svar}}"')
    extra = {**GOOD_FILES, "generate.py": "def generate(rng):\n    return {'tal': 1}\n"}
    message = only_problem(make_challenge(body, extra=extra))
    assert message.startswith("prov-uppgift/generate.py: generate: gives no value for {{ svar }}")
    assert "Return a 'svar' key from generate()" in message


def test_a_generator_that_crashes_names_the_seed(make_challenge):
    extra = {**GOOD_FILES, "generate.py": "def generate(rng):\n    return 1 / 0\n"}
    message = only_problem(make_challenge(IO_TEST, extra=extra))
    assert "generate: failed for seed 0: ZeroDivisionError" in message


def test_load_challenge_raises_with_every_problem(make_challenge):
    folder = make_challenge(IO_TEST.replace('name = "ett"', 'name = 1'), extra=GOOD_FILES)
    with pytest.raises(ChallengeFormatError) as caught:
        load_challenge(folder)
    assert caught.value.problems and "tests[0].name" in str(caught.value)


def test_a_misspelt_test_name_in_expect_toml_gets_the_right_one(make_challenge):
    extra = {**GOOD_FILES, "wrong/b/expect.toml": 'mistake = "x"\nfails = ["ETT"]\n'}
    message = only_problem(make_challenge(IO_TEST, extra=extra))
    assert "'ETT' is not the name of a test." in message and 'Did you mean "ett"?' in message


def test_fails_written_as_text_gets_one_message_not_two(make_challenge):
    extra = {**GOOD_FILES, "wrong/b/expect.toml": 'mistake = "x"\nfails = "ett"\n'}
    message = only_problem(make_challenge(IO_TEST, extra=extra))
    assert "fails" in message and "is empty" not in message


def test_an_also_right_solution_takes_unchanged_files_from_the_reference(make_challenge):
    extra = {**GOOD_FILES, "solution/hjalp.py": "X = 1\n",
             "also-right/med-variabel/main.py": "rad = input()\nprint(rad)\n"}
    folder = make_challenge(IO_TEST, files='["main.py", "hjalp.py"]', extra={
        **extra, "wrong/tyst/hjalp.py": "X = 1\n", "wrong/dubbelt/hjalp.py": "X = 1\n"})
    challenge = load_challenge(folder)
    [other] = challenge.also_right
    assert other.folder == "also-right/med-variabel" and other.expectation is None
    assert other.files == {"main.py": b"rad = input()\nprint(rad)\n", "hjalp.py": b"X = 1\n"}


def test_an_also_right_solution_that_is_the_reference_again_is_reported(make_challenge):
    extra = {**GOOD_FILES, "also-right/samma/main.py": GOOD_FILES["solution/main.py"]}
    assert only_problem(make_challenge(IO_TEST, extra=extra)) == (
        "prov-uppgift/also-right/samma/: is the same as solution/. Write another correct way to "
        "solve it (e.g. a loop instead of recursion), or remove the folder.")


def test_an_also_right_solution_with_an_expect_toml_is_reported(make_challenge):
    extra = {**GOOD_FILES, "also-right/x/main.py": "print(input().strip())\n",
             "also-right/x/expect.toml": 'mistake = "x"\nfails = ["ett"]\n'}
    message = only_problem(make_challenge(IO_TEST, extra=extra))
    assert message.startswith("prov-uppgift/also-right/x/expect.toml: is not read here")
    assert "move the folder to wrong/" in message


def test_an_also_right_solution_must_hold_only_the_handed_in_files(make_challenge):
    extra = {**GOOD_FILES, "also-right/x/main.py": "print(input().strip())\n",
             "also-right/x/annan.py": "pass\n"}
    assert only_problem(make_challenge(IO_TEST, extra=extra)) == (
        "prov-uppgift/also-right/x/: annan.py: is not in files = [...]. Remove it, or add it to "
        "files in challenge.toml.")
