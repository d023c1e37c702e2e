"""The function driver's wire: messages between the driver and the candidate's process.

Standard library only; imported by both sides. Messages are JSON objects, each sent as a 4-byte
length and the UTF-8 text, over two pipes that nothing else holds. The driver never trusts what
arrives: every wait has a deadline, sizes are bounded and shapes are checked by the caller.
"""

import contextlib
import json
import os
import select
import struct
import time

MAX_MESSAGE = 4 * 1024 * 1024
_HEADER = struct.Struct(">I")


class Late(Exception):  # noqa: N818 - reads as what happened: except rpc.Late
    """The other side did not answer before the deadline."""


class Gone(Exception):  # noqa: N818
    """The other side closed its end (it ended), or broke the framing."""


class TooLarge(Gone):
    """The other side sent a message larger than ``MAX_MESSAGE``."""


class Channel:
    """Length-prefixed JSON messages over a pair of pipe descriptors."""

    def __init__(self, read_fd, write_fd):
        self.read_fd, self.write_fd = read_fd, write_fd
        self.buffer = bytearray()

    def send(self, message, deadline=None):
        """Write one message; with a deadline the write never blocks past it."""
        data = json.dumps(message, ensure_ascii=False).encode("utf-8")
        view = memoryview(_HEADER.pack(len(data)) + data)
        while view:
            if deadline is not None:
                _wait(self.write_fd, deadline, write=True)
            try:
                view = view[os.write(self.write_fd, view):]
            except BlockingIOError:
                continue
            except OSError as error:
                raise Gone(str(error)) from None

    def receive(self, deadline=None):
        """The next message (a dict); ``Late`` past the deadline, ``Gone`` at the end."""
        while True:
            if len(self.buffer) >= _HEADER.size:
                size = _HEADER.unpack_from(self.buffer)[0]
                if size > MAX_MESSAGE:
                    raise TooLarge()
                if len(self.buffer) >= _HEADER.size + size:
                    data = bytes(self.buffer[_HEADER.size:_HEADER.size + size])
                    del self.buffer[:_HEADER.size + size]
                    return _parse(data)
            if deadline is not None:
                _wait(self.read_fd, deadline)
            try:
                chunk = os.read(self.read_fd, 1 << 16)
            except OSError as error:
                raise Gone(str(error)) from None
            if not chunk:
                raise Gone("closed")
            self.buffer += chunk

    def close(self):
        for fd in (self.read_fd, self.write_fd):
            with contextlib.suppress(OSError):
                os.close(fd)


def _wait(fd, deadline, write=False):
    left = deadline - time.monotonic()
    if left <= 0:
        raise Late()
    ready = select.select([], [fd], [], left) if write else select.select([fd], [], [], left)
    if not any(ready):
        raise Late()


def _parse(data):
    try:
        message = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        raise Gone("not a message") from None
    if not isinstance(message, dict):
        raise Gone("not a message")
    return message


class Alien:
    """A value that crossed the wire only as its description: it equals only the same text."""

    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text

    def __eq__(self, other):
        return isinstance(other, Alien) and other.text == self.text

    def __hash__(self):
        return hash(self.text)

    def __repr__(self):
        return self.text


def plan_value(arg, saved=None, remote=None):
    """The Python value of a plan argument: ``$range``, ``$tuple``, ``$none``, ``$ref`` (a kept
    object; only where ``saved`` is given) and ``$remote`` (a lent list; where ``remote`` is)."""
    again = lambda value: plan_value(value, saved, remote)  # noqa: E731
    if isinstance(arg, list):
        return [again(a) for a in arg]
    if not isinstance(arg, dict):
        return arg
    if set(arg) == {"$ref"} and saved is not None:
        return saved.get(arg["$ref"])
    if set(arg) == {"$remote"} and remote is not None:
        return remote(arg["$remote"])
    if set(arg) == {"$range"}:
        return list(range(*arg["$range"]))
    if set(arg) == {"$tuple"}:
        return tuple(again(a) for a in arg["$tuple"])
    if set(arg) == {"$none"}:
        return None
    return {k: again(v) for k, v in arg.items()}


def decode(value, remote, depth=0):
    """The value behind ``_kodprov_observe.encode``'s tags; ``remote(handle)`` resolves lent
    lists. Anything that cannot be rebuilt becomes an ``Alien``."""
    if depth > 30:
        return Alien("...")
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    inner = depth + 1
    if isinstance(value, list):
        return [decode(v, remote, inner) for v in value]
    if not isinstance(value, dict):
        return Alien(repr(value)[:300])
    if set(value) == {"$remote"}:
        return remote(value["$remote"])
    items = value.get("$tuple", value.get("$set", value.get("$dict")))
    try:
        if "$tuple" in value and isinstance(items, list):
            return tuple(decode(v, remote, inner) for v in items)
        if "$set" in value and isinstance(items, list):
            return {decode(v, remote, inner) for v in items}
        if "$dict" in value and isinstance(items, list):
            return {decode(k, remote, inner): decode(v, remote, inner) for k, v in items}
        if "$float" in value:
            return float(value["$float"])
    except (TypeError, ValueError):
        pass
    return Alien(f"{value.get('$type', '?')}: {value.get('$repr', '?')}"[:400])
