"""What every backend observes the same way (the Docker half needs the engine and the image)."""

from __future__ import annotations

import pytest

from sandbox.spec import Limits, RunSpec, Status
from tests.sandbox.conftest import QUICK, python

BACKENDS = ["process", pytest.param("docker", marks=pytest.mark.docker)]


@pytest.fixture(params=BACKENDS)
def runner(request):
    """Each backend in turn."""
    if request.param == "docker":
        return request.getfixturevalue("docker_runner")
    return request.getfixturevalue("process_runner")


def test_hello_world_prints_and_exits_zero(runner):
    result = runner.run(python("print('hej')"))
    assert (result.status, result.exit_code, result.stdout) == (Status.OK, 0, b"hej\n")
    assert result.backend == runner.name and result.wall_seconds > 0


def test_stdin_is_fed_then_closed(runner):
    result = runner.run(python("print(input()[::-1])\ninput()", stdin=b"abc\n"))
    assert result.stdout == b"cba\n"
    assert result.status == Status.RUNTIME_ERROR and b"EOFError" in result.stderr


def test_files_are_placed_in_the_working_folder_with_subfolders(runner):
    spec = RunSpec(files={"main.py": b"print(open('data/x.csv').read())", "data/x.csv": b"1,2"},
                   argv=["python3", "main.py"])
    assert runner.run(spec).stdout == b"1,2\n"


def test_files_in_the_output_folder_come_back(runner):
    code = """
import os, pathlib
out = pathlib.Path(os.environ["KODPROV_OUT"])
assert not any(out.iterdir())
(out / "result.json").write_text('{"answer": 42}')
(out / "sub").mkdir()
(out / "sub" / "b.bin").write_bytes(bytes(range(256)))
"""
    result = runner.run(python(code))
    assert result.status == Status.OK, result.stderr
    assert result.output_files == {"result.json": b'{"answer": 42}', "sub/b.bin": bytes(range(256))}


def test_links_fifos_and_oversized_sets_in_the_output_folder_are_not_followed(runner):
    code = """
import os
out = os.environ["KODPROV_OUT"]
os.symlink("/etc/passwd", f"{out}/passwd")
os.symlink("/", f"{out}/root")
os.mkfifo(f"{out}/fifo")
for i in range(40):
    open(f"{out}/f{i:02}.txt", "w").write("x")
"""
    result = runner.run(python(code))
    assert result.status == Status.OK, result.stderr
    assert not {"passwd", "root", "fifo"} & set(result.output_files)
    assert len(result.output_files) == Limits().output_file_count
    assert result.output_files_truncated


def test_the_environment_holds_only_the_documented_variables(runner):
    result = runner.run(python("import os; print(sorted(os.environ))"))
    assert result.stdout.decode().strip() == str(sorted(
        ["PATH", "LANG", "HOME", "TMPDIR", "KODPROV_OUT", "PYTHONDONTWRITEBYTECODE"]))


def test_exit_codes_and_signals_are_reported(runner):
    exited = runner.run(python("import sys; sys.exit(3)"))
    assert (exited.status, exited.exit_code, exited.signal) == (Status.RUNTIME_ERROR, 3, None)
    killed = runner.run(python("import os, signal; os.kill(os.getpid(), signal.SIGSEGV)"))
    assert (killed.status, killed.exit_code, killed.signal) == (Status.RUNTIME_ERROR, None, 11)


def test_an_unknown_command_is_the_programs_error(runner):
    result = runner.run(RunSpec(files={}, argv=["no-such-interpreter"]))
    assert (result.status, result.exit_code) == (Status.RUNTIME_ERROR, 127)
    assert b"no-such-interpreter" in result.stderr


def test_sleeping_past_the_wall_limit(runner):
    result = runner.run(python("import time; print('before', flush=True); time.sleep(600)",
                               limits=Limits(wall_seconds=1)))
    assert result.status == Status.WALL_LIMIT and result.stdout == b"before\n"


def test_spinning_past_the_cpu_limit(runner):
    result = runner.run(python("while True: pass", limits=Limits(cpu_seconds=1, wall_seconds=30)))
    assert result.status == Status.TIME_LIMIT and result.cpu_seconds >= 1


def test_a_stdout_flood_is_cut_at_the_cap_keeping_the_head(runner):
    result = runner.run(python("print('first'); print('x' * 1000, end='')\nwhile True: print('y')"))
    assert result.status == Status.OUTPUT_LIMIT and result.stdout_truncated
    assert len(result.stdout) == QUICK.output_bytes and result.stdout.startswith(b"first\nxxx")


def test_stderr_has_a_cap_of_its_own(runner):
    code = "import sys\nprint('quiet', flush=True)\nwhile True: sys.stderr.write('e' * 999)"
    result = runner.run(python(code))
    assert result.status == Status.OUTPUT_LIMIT and result.stderr_truncated
    assert result.stdout == b"quiet\n" and not result.stdout_truncated


def test_output_at_exactly_the_cap_is_not_cut(runner):
    cap = 2048
    result = runner.run(python(f"print('z' * {cap - 1})", limits=Limits(output_bytes=cap)))
    assert result.status == Status.OK and len(result.stdout) == cap and not result.stdout_truncated


def test_allocating_past_the_memory_limit(runner):
    result = runner.run(python("x = bytearray(1 << 30)", limits=Limits(memory_mib=64)))
    assert result.status == Status.MEMORY_LIMIT


def test_writing_past_the_file_size_limit_fails(runner):
    code = "open('big', 'wb').write(b'x' * 10_000)"
    result = runner.run(python(code, limits=Limits(file_size_bytes=4096)))
    assert result.status == Status.RUNTIME_ERROR and b"File too large" in result.stderr


def test_pythons_sqlite3_module_works(runner):
    code = "import sqlite3; print(sqlite3.connect(':memory:').execute('select 6*7').fetchone()[0])"
    assert runner.run(python(code)).stdout == b"42\n"


def test_non_utf8_output_is_kept_as_bytes(runner):
    result = runner.run(python("import sys; sys.stdout.buffer.write(b'\\xff\\x00' + b'a' * 100)"))
    assert result.stdout == b"\xff\x00" + b"a" * 100
