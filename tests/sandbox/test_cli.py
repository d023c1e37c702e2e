"""`kodprov sandbox run | doctor | build-image`, with the CLI runner."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from sandbox.cli import printable, sandbox_group

NO_ENGINE = "unix:///nonexistent/docker.sock"


@pytest.fixture
def cli():
    return CliRunner()


@pytest.fixture
def program(tmp_path):
    def write(name: str, text: str):
        path = tmp_path / name
        path.write_text(text)
        return str(path)
    return write


def test_run_prints_what_the_program_did(cli, program):
    result = cli.invoke(sandbox_group, ["run", program("hej.py", "print('hej')"),
                                        "--backend", "process"])
    assert result.exit_code == 0, result.output
    assert "status: ok (exit 0)" in result.output and "hej" in result.output


def test_run_exits_zero_when_the_program_fails(cli, program):
    result = cli.invoke(sandbox_group, ["run", program("bad.py", "raise SystemExit(4)"),
                                        "--backend", "process"])
    assert result.exit_code == 0 and "runtime_error (exit 4)" in result.output


def test_run_feeds_stdin_and_prints_json(cli, program):
    result = cli.invoke(sandbox_group, [
        "run", program("echo.py", "print(input())"), "--stdin", program("in.txt", "hello\n"),
        "--backend", "process", "--json"])
    data = json.loads(result.output)
    assert (data["status"], data["stdout"], data["backend"]) == ("ok", "hello\n", "process")


def test_run_picks_the_interpreter_from_the_extension_or_lang(cli, program):
    shell = cli.invoke(sandbox_group, ["run", program("a.sh", "echo $((6*7))"),
                                       "--backend", "process"])
    assert "42" in shell.output
    odd = cli.invoke(sandbox_group, ["run", program("a.txt", "print(1)"), "--backend",
                                     "process"])
    assert odd.exit_code == 2 and "--lang" in odd.output
    forced = cli.invoke(sandbox_group, ["run", program("b.txt", "print(7)"), "--lang",
                                        "python", "--backend", "process"])
    assert "7" in forced.output


def test_run_refuses_the_process_backend_in_production(cli, program, monkeypatch):
    from assessor.cli.main import cli as kodprov

    monkeypatch.setenv("KODPROV_ENV", "production")  # `kodprov` reads it, and hands it down
    result = cli.invoke(kodprov, ["sandbox", "run", program("a.py", "print(1)"), "--backend",
                                  "process"])
    assert result.exit_code == 1 and "refused in production" in result.output


def test_run_takes_the_sandbox_settings_kodprov_hands_down(cli, program, monkeypatch):
    from assessor.cli.main import cli as kodprov

    monkeypatch.setenv("KODPROV_SANDBOX", "process")
    result = cli.invoke(kodprov, ["sandbox", "run", program("a.py", "print(6 * 7)"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output[result.output.index("{"):])
    assert (data["backend"], data["stdout"]) == ("process", "42\n")


def test_run_reports_our_failure_with_a_non_zero_exit(cli, program, monkeypatch):
    monkeypatch.setenv("DOCKER_HOST", NO_ENGINE)
    result = cli.invoke(sandbox_group, ["run", program("a.py", "print(1)"), "--backend",
                                        "docker"])
    assert result.exit_code == 1 and "sandbox_error" in result.output


def test_doctor_says_what_to_do_without_an_engine(cli, monkeypatch):
    monkeypatch.setenv("DOCKER_HOST", NO_ENGINE)
    result = cli.invoke(sandbox_group, ["doctor"])
    assert result.exit_code == 1
    assert "FAIL  Docker engine: not reachable" in result.output
    assert "dockerd" in result.output
    assert "auto picks: process" in result.output and "NOT isolate" in result.output


def test_doctor_json_lists_every_check(cli, monkeypatch):
    monkeypatch.setenv("DOCKER_HOST", NO_ENGINE)
    checks = json.loads(cli.invoke(sandbox_group, ["doctor", "--json"]).output)
    assert [c["name"] for c in checks] == ["configuration", "Docker engine", "auto picks"]


def test_build_image_explains_a_missing_engine(cli, monkeypatch):
    monkeypatch.setenv("DOCKER_HOST", NO_ENGINE)
    result = cli.invoke(sandbox_group, ["build-image"])
    assert result.exit_code == 1 and "start dockerd" in result.output


def test_output_is_escaped_for_the_terminal():
    assert printable(b"ok\n\x1b[2J\xff\tend") == "ok\n\\x1b[2J\\xff\tend"
