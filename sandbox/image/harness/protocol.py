"""The wire format between the host and the launcher that runs inside a sandbox.

This file is copied into the image and imported by the host, so it uses the standard library only.

Request (host -> launcher, on stdin): ``MAGIC``, a 4-byte header length, a JSON header
(``version``, ``argv``, ``limits``, ``files`` as ``[name, size]`` pairs, ``stdin`` size), then the
bytes of each file in header order, then the stdin bytes.

Report (launcher -> host, on stdout): frames of one kind byte, a 4-byte length and a payload.
``STARTED`` says the program was started (a report cut short after it is the program's doing,
before it ours), ``STDOUT``/``STDERR`` carry program output (already capped), ``FILE`` one output
file (2-byte name length, name, bytes), ``RESULT`` the final JSON summary, ``FAILURE`` a harness
error.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Callable

VERSION = 1
MAGIC = b"KPRQ"
HEAD = struct.Struct(">4sI")
FRAME = struct.Struct(">cI")
NAME_LEN = struct.Struct(">H")

STARTED, STDOUT, STDERR, FILE, RESULT, FAILURE = b"S", b"O", b"E", b"F", b"R", b"X"
KINDS = frozenset((STARTED, STDOUT, STDERR, FILE, RESULT, FAILURE))

MAX_HEADER = 1 << 20
MAX_NAME = 255
MAX_COMPONENT = 100
MAX_DEPTH = 8


class ProtocolError(ValueError):
    """The other side sent something that is not a valid request or report."""


def name_problem(name: object) -> str | None:
    """Why ``name`` is not a safe relative file name, or None when it is."""
    if not isinstance(name, str) or not name:
        return "a file name must be a non-empty string"
    if len(name.encode("utf-8", "surrogatepass")) > MAX_NAME:
        return f"file name longer than {MAX_NAME} bytes"
    if any(ord(c) < 32 or ord(c) == 127 or c == "\\" for c in name):
        return "file name contains a control character or a backslash"
    if name.startswith("/"):
        return "file name is absolute"
    parts = name.split("/")
    if len(parts) > MAX_DEPTH:
        return f"file name nested deeper than {MAX_DEPTH} folders"
    for part in parts:
        if part in ("", ".", ".."):
            return "file name has an empty, '.' or '..' part"
        if len(part) > MAX_COMPONENT:
            return f"file name part longer than {MAX_COMPONENT} characters"
    return None


def encode_request(
    argv: list[str], files: dict[str, bytes], stdin: bytes, limits: dict[str, float]
) -> list[bytes]:
    """The request as a list of chunks to send in order (file bodies are not copied)."""
    header = json.dumps({
        "version": VERSION,
        "argv": list(argv),
        "limits": limits,
        "files": [[name, len(data)] for name, data in files.items()],
        "stdin": len(stdin),
    }).encode()
    return [HEAD.pack(MAGIC, len(header)), header, *files.values(), stdin]


def decode_request(read_exact: Callable[[int], bytes]) -> dict:
    """Read one request with ``read_exact(n)``; return the header with ``files`` and ``stdin``."""
    magic, size = HEAD.unpack(read_exact(HEAD.size))
    if magic != MAGIC or size > MAX_HEADER:
        raise ProtocolError("not a sandbox request")
    header = json.loads(read_exact(size))
    if header.get("version") != VERSION:
        raise ProtocolError(
            f"request version {header.get('version')} but this image speaks {VERSION}: "
            "rebuild the image (kodprov sandbox build-image --force)"
        )
    files = {}
    for name, length in header["files"]:
        problem = name_problem(name)
        if problem:
            raise ProtocolError(f"{problem}: {name!r}")
        files[name] = read_exact(int(length))
    header["files"] = files
    header["stdin"] = read_exact(int(header["stdin"]))
    return header


def encode_frame(kind: bytes, payload: bytes) -> bytes:
    """One report frame."""
    return FRAME.pack(kind, len(payload)) + payload


def encode_file(name: str, data: bytes) -> bytes:
    """The payload of a ``FILE`` frame."""
    raw = name.encode("utf-8", "surrogateescape")
    return NAME_LEN.pack(len(raw)) + raw + data


def decode_file(payload: bytes) -> tuple[str, bytes]:
    """Split a ``FILE`` payload into its name and bytes."""
    (size,) = NAME_LEN.unpack_from(payload)
    end = NAME_LEN.size + size
    return payload[NAME_LEN.size:end].decode("utf-8", "replace"), payload[end:]


class FrameParser:
    """Incremental parser for report frames; refuses frames larger than ``max_frame``."""

    def __init__(self, max_frame: int) -> None:
        self.max_frame = max_frame
        self.buffer = bytearray()

    def feed(self, data: bytes) -> list[tuple[bytes, bytes]]:
        """Add bytes; return the frames completed by them."""
        self.buffer += data
        frames = []
        while len(self.buffer) >= FRAME.size:
            kind, size = FRAME.unpack_from(self.buffer)
            if kind not in KINDS or size > self.max_frame:
                raise ProtocolError(f"bad report frame {kind!r} of {size} bytes")
            end = FRAME.size + size
            if len(self.buffer) < end:
                break
            frames.append((kind, bytes(self.buffer[FRAME.size:end])))
            del self.buffer[:end]
        return frames
