"""Specs are checked before anything is written; limits are clamped; results encode safely."""

import json

import pytest

from sandbox.spec import MAXIMA, MINIMA, Limits, RunResult, RunSpec, Status
from sandbox.validation import MAX_FILES, MAX_FILES_BYTES, InvalidSpecError, prepare


def spec(files=None, argv=None, **kwargs) -> RunSpec:
    return RunSpec(files=files if files is not None else {"main.py": b"print(1)"},
                   argv=["python3", "main.py"] if argv is None else argv, **kwargs)


def test_defaults_follow_the_issue():
    limits = Limits()
    assert (limits.cpu_seconds, limits.wall_seconds, limits.memory_mib, limits.processes) == (
        5.0, 10.0, 256, 64)
    assert (limits.output_bytes, limits.file_size_bytes, limits.tmp_mib) == (
        64 * 1024, 4 * 1024 * 1024, 32)


def test_a_challenge_cannot_exceed_the_maxima():
    asked = Limits(cpu_seconds=999, wall_seconds=999, memory_mib=10**6, processes=10**6,
                   output_bytes=10**12, file_size_bytes=10**12, tmp_mib=10**6,
                   output_file_count=10**6, output_files_bytes=10**12)
    assert asked.clamped() == MAXIMA


def test_nonsense_limits_are_raised_to_the_minima():
    asked = Limits(cpu_seconds=0, wall_seconds=-1, memory_mib=0, processes=0, output_bytes=0,
                   file_size_bytes=0, tmp_mib=0, output_file_count=-5, output_files_bytes=-5)
    assert asked.clamped() == MINIMA


def test_prepare_clamps_and_keeps_reasonable_limits():
    prepared = prepare(spec(limits=Limits(cpu_seconds=2, memory_mib=4096)))
    assert prepared.limits.cpu_seconds == 2 and prepared.limits.memory_mib == MAXIMA.memory_mib


@pytest.mark.parametrize("name", [
    "../../etc/cron.d/x", "/abs/path", "a/../../b", "a/./b", "a//b", "nul\0byte", "new\nline",
    "back\\slash", "", ".", "..", "x/" * 9 + "deep", "n" * 101, "tab\there",
])
def test_unsafe_file_names_are_refused(name):
    with pytest.raises(InvalidSpecError):
        prepare(spec(files={name: b"x"}))


@pytest.mark.parametrize("name", ["main.py", "data/x.csv", "a/b/c/d.txt", "å ä ö.txt", "...py"])
def test_ordinary_names_and_subfolders_are_accepted(name):
    assert name in prepare(spec(files={name: b"x"})).files


def test_too_many_files_are_refused():
    with pytest.raises(InvalidSpecError, match="files"):
        prepare(spec(files={f"f{i}.txt": b"" for i in range(MAX_FILES + 1)}))


def test_too_many_bytes_are_refused():
    with pytest.raises(InvalidSpecError, match="bytes"):
        prepare(spec(files={"big.py": b"#" * (MAX_FILES_BYTES + 1)}))


def test_a_file_cannot_also_be_a_folder():
    with pytest.raises(InvalidSpecError, match="inside another file"):
        prepare(spec(files={"a": b"", "a/b": b""}))


@pytest.mark.parametrize("argv", [[], [""], ["python3", "a\0b"], ["x"] * 257, ["x" * 70_000]])
def test_bad_argv_is_refused(argv):
    with pytest.raises(InvalidSpecError):
        prepare(spec(argv=argv))


def test_text_instead_of_bytes_is_refused():
    with pytest.raises(InvalidSpecError):
        prepare(spec(files={"main.py": "print(1)"}))
    with pytest.raises(InvalidSpecError):
        prepare(spec(stdin="text"))


def test_result_json_survives_binary_output_and_nul_bytes():
    result = RunResult(Status.OK, stdout=b"\xff\xfe\x00ok", stderr=b"\x1b[31m",
                       output_files={"r.json": b"\x00"})
    data = json.loads(json.dumps(result.to_dict()))
    assert data["status"] == "ok"
    assert data["stdout"] == "\\xff\\xfe\x00ok"
    assert data["stdout_base64"] == "//4Ab2s="
    assert data["output_files"] == {"r.json": "AA=="}
