"""`kodprov sandbox ...` commands: run a file, check the sandbox's health, build its image."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import click

from sandbox.config import SandboxConfig
from sandbox.spec import RunResult, RunSpec, Status

#: how ``run`` starts a file of each language; ``{file}`` is the file's name in the work folder
LANGUAGES = {
    "python": ["python3", "{file}"],
    "sh": ["bash", "{file}"],
    "sql": ["sqlite3", "-bail", "-batch", ":memory:", ".read {file}"],
}
EXTENSIONS = {".py": "python", ".sh": "sh", ".bash": "sh", ".sql": "sql"}
#: where the command that mounts these commands (``kodprov``) leaves their ``SandboxConfig``
CONFIG_KEY = "sandbox.config"


@click.group("sandbox")
def sandbox_group() -> None:
    """Run code in the sandbox and check its health."""


def configured() -> SandboxConfig:
    """The sandbox settings handed down by the parent command; the defaults when none did."""
    return click.get_current_context().meta.get(CONFIG_KEY) or SandboxConfig()


def spec_for(file: Path, stdin: bytes, lang: str | None) -> RunSpec:
    """A RunSpec that runs ``file`` with its language's interpreter."""
    lang = lang or EXTENSIONS.get(file.suffix.lower())
    if lang is None:
        raise click.UsageError(f"cannot tell the language of {file.name}: pass --lang")
    argv = [arg.replace("{file}", file.name) for arg in LANGUAGES[lang]]
    return RunSpec(files={file.name: file.read_bytes()}, argv=argv, stdin=stdin, language=lang)


def printable(raw: bytes) -> str:
    """Program output made safe for a terminal: bad UTF-8 and control characters escaped."""
    text = raw.decode("utf-8", "backslashreplace")
    return "".join(c if c in "\n\t" or c.isprintable() else repr(c)[1:-1] for c in text)


def describe(result: RunResult) -> str:
    """The result for people."""
    ended = f"exit {result.exit_code}" if result.exit_code is not None else (
        f"signal {result.signal}" if result.signal is not None else "no exit status")
    lines = [f"status: {result.status.value} ({ended})",
             f"backend: {result.backend}, cpu {result.cpu_seconds:.3f} s, "
             f"wall {result.wall_seconds:.3f} s"]
    if result.error:
        lines.append(f"error: {result.error}")
    for name in ("stdout", "stderr"):
        cut = " (truncated)" if getattr(result, f"{name}_truncated") else ""
        lines += [f"--- {name}{cut} ---", printable(getattr(result, name)).rstrip("\n")]
    for name, data in sorted(result.output_files.items()):
        lines.append(f"output file: {printable(name.encode())} ({len(data)} bytes)")
    return "\n".join(lines)


@sandbox_group.command("run")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--stdin", "stdin_file", type=click.Path(exists=True, dir_okay=False,
                                                        path_type=Path), help="Feed this file.")
@click.option("--backend", type=click.Choice(["auto", "docker", "process"]), default=None,
              help="Default: KODPROV_SANDBOX (auto).")
@click.option("--lang", type=click.Choice(sorted(LANGUAGES)), default=None,
              help="Default: from the file's extension.")
@click.option("--json", "as_json", is_flag=True, help="Print the RunResult as JSON.")
def run_command(file: Path, stdin_file: Path | None, backend: str | None, lang: str | None,
                as_json: bool) -> None:
    """Run one FILE in the sandbox and print what it observed."""
    from sandbox.backends import get_runner
    from sandbox.runner import SandboxConfigError

    spec = spec_for(file, stdin_file.read_bytes() if stdin_file else b"", lang)
    config = dataclasses.replace(configured(), pool_size=0)  # one run: no pool
    try:
        runner = get_runner(backend, config=config)
    except SandboxConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        result = runner.run(spec)
    finally:
        runner.close()
    click.echo(json.dumps(result.to_dict(), indent=2) if as_json else describe(result))
    if result.status == Status.SANDBOX_ERROR:
        raise SystemExit(1)


@sandbox_group.command()
@click.option("--json", "as_json", is_flag=True, help="Print the checks as JSON.")
def doctor(as_json: bool) -> None:
    """Check the engine, runtime, image and pool, and say what to fix."""
    from sandbox import doctor as checks_module

    checks = checks_module.diagnose(configured())
    if as_json:
        click.echo(json.dumps(checks_module.as_dicts(checks), indent=2))
    else:
        for check in checks:
            click.echo(check.line())
    if checks_module.problems(checks):
        raise SystemExit(1)


@sandbox_group.command("build-image")
@click.option("--force", is_flag=True, help="Rebuild the base and sandbox images.")
def build_image(force: bool) -> None:
    """Build the sandbox image offline (debootstrap, docker import, docker build)."""
    from sandbox.image.build import main

    code = main(["--force"] if force else [])
    if code:
        raise SystemExit(code)
