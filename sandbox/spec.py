"""What a run asks for (RunSpec, Limits) and what it observed (RunResult)."""

from __future__ import annotations

import base64
import dataclasses
import enum
from dataclasses import dataclass, field


class Status(enum.StrEnum):
    """How a run ended. Only ``SANDBOX_ERROR`` is our fault rather than the program's."""

    OK = "ok"
    RUNTIME_ERROR = "runtime_error"
    TIME_LIMIT = "time_limit"
    WALL_LIMIT = "wall_limit"
    MEMORY_LIMIT = "memory_limit"
    OUTPUT_LIMIT = "output_limit"
    SANDBOX_ERROR = "sandbox_error"


@dataclass(frozen=True)
class Limits:
    """Resource limits for one run. Defaults follow issue 4; hard maxima live in ``MAXIMA``."""

    cpu_seconds: float = 5.0
    wall_seconds: float = 10.0
    memory_mib: int = 256
    processes: int = 64
    output_bytes: int = 64 * 1024  #: per stream (stdout, stderr)
    file_size_bytes: int = 4 * 1024 * 1024
    tmp_mib: int = 32
    output_file_count: int = 32  #: files returned from the output folder (KODPROV_OUT)
    output_files_bytes: int = 1024 * 1024  #: their total size

    def clamped(self) -> Limits:
        """These limits held between ``MINIMA`` and ``MAXIMA``, field by field."""
        values = {}
        for f in dataclasses.fields(self):
            low, high = getattr(MINIMA, f.name), getattr(MAXIMA, f.name)
            values[f.name] = type(low)(min(max(getattr(self, f.name), low), high))
        return Limits(**values)


#: The most any challenge may ask for; larger requests are clamped (see ``Limits.clamped``).
MAXIMA = Limits(
    cpu_seconds=30.0,
    wall_seconds=60.0,
    memory_mib=1024,
    processes=128,
    output_bytes=1024 * 1024,
    file_size_bytes=64 * 1024 * 1024,
    tmp_mib=256,
    output_file_count=256,
    output_files_bytes=8 * 1024 * 1024,
)

#: The least a run gets, so that a typo (0 s, 0 MiB) cannot make every run fail mysteriously.
MINIMA = Limits(
    cpu_seconds=0.1,
    wall_seconds=0.5,
    memory_mib=32,
    processes=1,
    output_bytes=1024,
    file_size_bytes=1024,
    tmp_mib=1,
    output_file_count=0,
    output_files_bytes=0,
)


@dataclass(frozen=True)
class RunSpec:
    """Files to place in the work folder, the command to run there, and its input."""

    files: dict[str, bytes]
    argv: list[str]
    stdin: bytes = b""
    limits: Limits = field(default_factory=Limits)
    language: str = "python"


@dataclass
class RunResult:
    """What the sandbox observed. It never says whether the program was *right*."""

    status: Status
    exit_code: int | None = None
    signal: int | None = None
    stdout: bytes = b""
    stderr: bytes = b""
    stdout_truncated: bool = False
    stderr_truncated: bool = False
    cpu_seconds: float = 0.0
    wall_seconds: float = 0.0
    #: files the run left in the designated output folder (``out/``), name -> bytes, bounded
    output_files: dict[str, bytes] = field(default_factory=dict)
    #: for ``SANDBOX_ERROR``: what went wrong on our side, for logs and admins
    error: str = ""
    #: some output files were left out because of the count or size bound
    output_files_truncated: bool = False
    #: which backend ran it (``docker``, ``process``, ``fake``); ``process`` is not a boundary
    backend: str = ""

    def to_dict(self) -> dict:
        """A JSON-safe dict: bytes as text (invalid UTF-8 escaped) and as base64."""
        data = dataclasses.asdict(self)
        data["status"] = self.status.value
        for name in ("stdout", "stderr"):
            raw = getattr(self, name)
            data[name] = raw.decode("utf-8", "backslashreplace")
            data[f"{name}_base64"] = base64.b64encode(raw).decode()
        data["output_files"] = {
            name: base64.b64encode(raw).decode() for name, raw in self.output_files.items()
        }
        return data
