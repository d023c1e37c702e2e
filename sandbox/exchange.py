"""One conversation with a launcher: send the request, read its report into a RunResult.

Both backends use this; they differ only in the ``Channel`` (a container's attach socket or a
local process's pipes). The host keeps at most the caps in memory, whatever the other side sends,
and stops waiting ``MARGIN`` seconds after the wall limit (the launcher enforces the limit itself;
this is the backstop for a launcher that is stuck or was killed).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from typing import Protocol

from sandbox.image.harness import protocol
from sandbox.spec import RunResult, RunSpec, Status

log = logging.getLogger(__name__)

MARGIN = 3.0
FRAME_SLACK = 64 * 1024 + 512


class Channel(Protocol):
    """Bytes to and from a launcher."""

    closed: bool  #: the launcher's report stream has ended

    def send(self, chunks: list[bytes]) -> None: ...

    def recv(self, timeout: float) -> bytes:
        """Report bytes that arrived within ``timeout`` (maybe none); sets ``closed`` at EOF."""
        ...


class ReportReader:
    """Collects report frames, holding at most the caps of the run's limits."""

    def __init__(self, spec: RunSpec, backend: str) -> None:
        self.limits, self.backend = spec.limits, backend
        self.parser = protocol.FrameParser(self.limits.output_files_bytes + FRAME_SLACK)
        self.streams = {protocol.STDOUT: bytearray(), protocol.STDERR: bytearray()}
        self.over_cap = {protocol.STDOUT: False, protocol.STDERR: False}
        self.files: dict[str, bytes] = {}
        self.files_bytes = 0
        self.summary: dict | None = None
        self.failure: str | None = None
        self.started = False  #: the launcher started the program

    @property
    def done(self) -> bool:
        """True once the final frame (a result or a harness failure) arrived."""
        return self.summary is not None or self.failure is not None

    def feed(self, data: bytes) -> None:
        """Take report bytes as they arrive."""
        for kind, payload in self.parser.feed(data):
            if kind == protocol.STARTED:
                self.started = True
            elif kind in self.streams:
                self.keep(kind, payload)
            elif kind == protocol.FILE:
                self.keep_file(*protocol.decode_file(payload))
            elif kind == protocol.RESULT:
                self.summary = self.checked_summary(payload)
            else:
                self.failure = payload.decode("utf-8", "replace")

    def checked_summary(self, payload: bytes) -> dict:
        summary = json.loads(payload)
        Status(summary["status"])  # raises ValueError for a word we do not know
        return summary

    def keep(self, kind: bytes, payload: bytes) -> None:
        buffer = self.streams[kind]
        room = self.limits.output_bytes - len(buffer)
        buffer += payload[:max(room, 0)]
        self.over_cap[kind] |= len(payload) > room

    def keep_file(self, name: str, data: bytes) -> None:
        fits = (len(self.files) < self.limits.output_file_count
                and self.files_bytes + len(data) <= self.limits.output_files_bytes)
        if fits and not protocol.name_problem(name):
            self.files[name] = data
            self.files_bytes += len(data)

    def result(self) -> RunResult:
        """The RunResult for a report that ended with its final frame."""
        if self.failure is not None:
            return RunResult(Status.SANDBOX_ERROR, error=f"harness: {self.failure}",
                             backend=self.backend)
        s = self.summary or {}
        return dataclasses.replace(
            self.partial(Status(s["status"])),
            exit_code=s.get("exit_code"), signal=s.get("signal"),
            cpu_seconds=float(s.get("cpu_seconds", 0.0)),
            wall_seconds=float(s.get("wall_seconds", 0.0)),
            stdout_truncated=bool(s.get("stdout_truncated")) or self.over_cap[protocol.STDOUT],
            stderr_truncated=bool(s.get("stderr_truncated")) or self.over_cap[protocol.STDERR],
            output_files_truncated=bool(s.get("output_files_truncated")),
        )

    def partial(self, status: Status, error: str = "", wall: float = 0.0) -> RunResult:
        """A RunResult from what arrived so far (used when the report was cut short)."""
        return RunResult(
            status=status, stdout=bytes(self.streams[protocol.STDOUT]),
            stderr=bytes(self.streams[protocol.STDERR]),
            stdout_truncated=self.over_cap[protocol.STDOUT],
            stderr_truncated=self.over_cap[protocol.STDERR],
            output_files=dict(self.files), wall_seconds=round(wall, 4), error=error,
            backend=self.backend,
        )


@dataclasses.dataclass
class Conversation:
    """How an exchange ended: with a report, at the host's deadline, or at an early EOF."""

    reader: ReportReader
    timed_out: bool = False
    seconds: float = 0.0

    @property
    def finished(self) -> bool:
        return self.reader.done


def request_for(spec: RunSpec) -> list[bytes]:
    """The request chunks for ``spec`` (already prepared)."""
    limits = dataclasses.asdict(spec.limits)
    return protocol.encode_request(spec.argv, spec.files, spec.stdin, limits)


def converse(channel: Channel, spec: RunSpec, backend: str) -> Conversation:
    """Send ``spec`` and read the report until it ends, EOF, or the wall limit plus ``MARGIN``."""
    talk = Conversation(ReportReader(spec, backend))
    started = time.monotonic()
    deadline = started + spec.limits.wall_seconds + MARGIN
    channel.send(request_for(spec))
    try:
        while not talk.reader.done and not channel.closed:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                talk.timed_out = True
                break
            talk.reader.feed(channel.recv(remaining))
    except (ValueError, KeyError, TypeError) as exc:  # ProtocolError and bad JSON included
        log.error("unreadable report from the %s sandbox: %s", backend, exc)
        talk.reader.failure = f"unreadable report: {exc}"
    talk.seconds = time.monotonic() - started
    return talk
