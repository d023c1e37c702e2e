"""A container's attach socket as a ``Channel``: the request goes in on stdin, the report comes
back on stdout, Docker's stream headers are taken off as the bytes arrive."""

from __future__ import annotations

import contextlib
import select
import socket

HEADER = 8
DIAGNOSTICS = 8192
SEND_TIMEOUT = 30.0
COALESCE = 256 * 1024


class AttachChannel:
    """Wraps the hijacked HTTP connection of ``attach_socket`` (stdin, stdout and stderr)."""

    def __init__(self, attached) -> None:
        self.attached = attached  # keeps docker-py's response (and so the connection) alive
        self.sock: socket.socket = getattr(attached, "_sock", attached)
        self.closed = False
        self.diagnostics = b""  # the launcher's own stderr, for our logs
        self.header = b""
        self.stream = 0
        self.left = 0

    def send(self, chunks: list[bytes]) -> None:
        """Send the request; raises ``OSError`` when the container is gone."""
        self.sock.settimeout(SEND_TIMEOUT)
        if sum(map(len, chunks)) <= COALESCE:  # the usual small request: one write
            chunks = [b"".join(chunks)]
        for chunk in chunks:
            self.sock.sendall(chunk)

    def recv(self, timeout: float) -> bytes:
        """Report bytes (the container's stdout) that arrive within ``timeout``."""
        self.sock.settimeout(max(timeout, 0.001))
        try:
            data = self.sock.recv(65536)
        except TimeoutError:
            return b""
        except OSError:
            data = b""
        if not data:
            self.closed = True
        return self.demux(data)

    def demux(self, data: bytes) -> bytes:
        """Strip Docker's 8-byte stream headers; keep stdout, keep a tail of stderr."""
        out, view = bytearray(), memoryview(data)
        while view:
            if not self.left:
                need = HEADER - len(self.header)
                self.header += bytes(view[:need])
                view = view[need:]
                if len(self.header) == HEADER:
                    self.stream, self.left = self.header[0], int.from_bytes(self.header[4:], "big")
                    self.header = b""
                continue
            part, view = view[:self.left], view[self.left:]
            self.left -= len(part)
            if self.stream == 1:
                out += part
            elif self.stream == 2:
                self.diagnostics = (self.diagnostics + bytes(part))[-DIAGNOSTICS:]
        return bytes(out)

    def alive(self) -> bool:
        """False when a pooled container said anything before its request: it hung up or died."""
        try:
            readable, _, _ = select.select([self.sock], [], [], 0)
        except (OSError, ValueError):
            return False
        return not readable

    def close(self) -> None:
        """Close the connection (the container's stdin closes with it)."""
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        with contextlib.suppress(OSError):
            self.sock.close()
        with contextlib.suppress(Exception):
            self.attached.close()
