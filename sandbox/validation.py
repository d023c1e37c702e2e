"""Checks a RunSpec before anything is written anywhere, and clamps its limits.

Every backend calls ``prepare`` first, so a traversal name, an upload bomb or a huge argv is
refused with ``InvalidSpecError`` (a ``ValueError``) before a file or container exists. Callers that
take uploads can call ``validate_files`` early to reject them at the form.
"""

from __future__ import annotations

import dataclasses

from sandbox.image.harness.protocol import name_problem
from sandbox.spec import Limits, RunSpec

MAX_FILES = 256
MAX_FILES_BYTES = 8 * 1024 * 1024
MAX_STDIN_BYTES = 8 * 1024 * 1024
MAX_ARGV_ITEMS = 256
MAX_ARGV_BYTES = 64 * 1024


class InvalidSpecError(ValueError):
    """The RunSpec cannot be run as given (the message says why); nothing was written."""


def validate_files(files: dict[str, bytes]) -> None:
    """Refuse unsafe names, too many files and too many bytes."""
    if len(files) > MAX_FILES:
        raise InvalidSpecError(f"{len(files)} files; at most {MAX_FILES}")
    total = 0
    for name, data in files.items():
        problem = name_problem(name)
        if problem:
            raise InvalidSpecError(f"{problem}: {name!r}")
        if not isinstance(data, bytes | bytearray):
            raise InvalidSpecError(f"file {name!r} must be bytes")
        total += len(data)
    if total > MAX_FILES_BYTES:
        raise InvalidSpecError(f"files hold {total} bytes; at most {MAX_FILES_BYTES}")
    names = set(files)
    for name in files:  # "a" and "a/b" cannot both be files
        parts = name.split("/")
        if any("/".join(parts[:i]) in names for i in range(1, len(parts))):
            raise InvalidSpecError(f"{name!r} lies inside another file")


def validate_argv(argv: list[str]) -> None:
    """Refuse an empty, huge or non-text command line."""
    if not argv or len(argv) > MAX_ARGV_ITEMS:
        raise InvalidSpecError(f"argv needs 1 to {MAX_ARGV_ITEMS} items")
    if not all(isinstance(arg, str) and "\0" not in arg for arg in argv) or not argv[0]:
        raise InvalidSpecError("argv items must be strings without NUL and argv[0] non-empty")
    if sum(len(arg.encode("utf-8", "surrogateescape")) + 1 for arg in argv) > MAX_ARGV_BYTES:
        raise InvalidSpecError(f"argv longer than {MAX_ARGV_BYTES} bytes")


def prepare(spec: RunSpec) -> RunSpec:
    """The spec checked, with bytes for files and stdin and limits clamped to ``MAXIMA``."""
    validate_files(spec.files)
    validate_argv(spec.argv)
    if not isinstance(spec.stdin, bytes | bytearray) or len(spec.stdin) > MAX_STDIN_BYTES:
        raise InvalidSpecError(f"stdin must be bytes, at most {MAX_STDIN_BYTES}")
    if not isinstance(spec.limits, Limits):
        raise InvalidSpecError("limits must be a sandbox.spec.Limits")
    return dataclasses.replace(
        spec,
        files={name: bytes(data) for name, data in spec.files.items()},
        argv=list(spec.argv),
        stdin=bytes(spec.stdin),
        limits=spec.limits.clamped(),
    )
