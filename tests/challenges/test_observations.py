"""Observations are read defensively from the driver's stdout, although only the driver writes
there."""

from __future__ import annotations

from assessor.domain.grading.observations import Opaque, decode, read_observations
from sandbox.spec import RunResult, Status


def run_with(content: bytes) -> RunResult:
    return RunResult(status=Status.OK, stdout=content)


def test_broken_lines_and_wrong_shapes_are_skipped():
    raw = b'not json\n[1, 2]\n{"id": 3}\n{"no": "id"}\n{"id": "0", "value": 1}\n\xff\xfe\n'
    assert read_observations(run_with(raw)) == {"0": {"id": "0", "value": 1}}


def test_a_line_nested_too_deeply_is_skipped():
    raw = b"[" * 200_000 + b'\n{"id": "0", "value": 1}\n'
    assert read_observations(run_with(raw)) == {"0": {"id": "0", "value": 1}}


def test_the_last_record_for_a_test_wins():
    raw = b'{"id": "0", "value": "forged first"}\n{"id": "0", "value": "driver"}\n'
    assert read_observations(run_with(raw))["0"]["value"] == "driver"


def test_an_oversized_output_is_ignored_entirely():
    raw = b'{"id": "0"}\n' + b" " * (5 * 1024 * 1024)
    assert read_observations(run_with(raw)) == {}


def test_no_output_means_no_observations():
    assert read_observations(RunResult(status=Status.TIME_LIMIT)) == {}


def test_tagged_values_decode_to_their_python_kinds():
    assert decode({"$tuple": [1, [2]]}) == (1, [2])
    assert decode({"$set": [1, 2]}) == frozenset({1, 2})
    assert decode({"$dict": [[1, "a"], [[1, 2], "b"]]}) == {1: "a", (1, 2): "b"}


def test_unknown_shapes_become_opaque_values_that_equal_nothing():
    value = decode({"$repr": "<Konto object>", "$type": "Konto"})
    assert isinstance(value, Opaque) and value != "<Konto object>"
    assert isinstance(decode({"score": 1.0}), Opaque)
    assert isinstance(decode({"$float": "nan"}), Opaque)
