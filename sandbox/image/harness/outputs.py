"""Sending back the files a run left in its output folder, never following a link.

The walk opens every entry relative to its parent's descriptor with ``O_NOFOLLOW``, so a link
(even one that replaced the output folder itself) is skipped, and sends regular files only.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator

from . import protocol

MAX_SCANNED = 1000
OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK


def regular_files(root: str) -> Iterator[tuple[str, int] | None]:
    """Yield ``(name, fd)`` for regular files under ``root`` (the caller closes ``fd``);
    yield None when the walk stops at ``MAX_SCANNED`` entries or meets an unsafe name."""
    try:
        top = os.open(root, OPEN_FLAGS | os.O_DIRECTORY)
    except OSError:  # the program removed its output folder or put a link there
        return
    todo, scanned = [("", top)], 0
    try:
        while todo:
            prefix, folder = todo.pop()
            try:
                for name in sorted(os.listdir(folder)):
                    scanned += 1
                    if scanned > MAX_SCANNED or protocol.name_problem(prefix + name):
                        yield None
                        return
                    yield from entry(prefix, name, folder, todo)
            finally:
                os.close(folder)
    finally:
        for _, fd in todo:
            os.close(fd)


def entry(prefix: str, name: str, folder: int, todo: list) -> Iterator[tuple[str, int]]:
    """Open one entry without following it: queue a folder, yield a regular file."""
    try:
        fd = os.open(name, OPEN_FLAGS, dir_fd=folder)
    except OSError:  # a link (ELOOP), or unreadable
        return
    mode = os.fstat(fd).st_mode
    if stat.S_ISDIR(mode):
        todo.append((f"{prefix}{name}/", fd))
    elif stat.S_ISREG(mode):
        yield prefix + name, fd
    else:
        os.close(fd)


def send_outputs(root: str, limits: dict, emit: Callable[[bytes, bytes], None]) -> bool:
    """Send the output folder's files as ``FILE`` frames within the count and size bounds.

    A file that does not fit whole is left out, not cut. True when something was left out.
    """
    count_left = int(limits.get("output_file_count", 32))
    bytes_left = int(limits.get("output_files_bytes", 1 << 20))
    left_out = False
    for item in regular_files(root):
        if item is None:
            return True
        name, fd = item
        with open(fd, "rb") as handle:
            data = handle.read(bytes_left + 1)
        if count_left == 0 or len(data) > bytes_left:
            left_out = True
            continue
        emit(protocol.FILE, protocol.encode_file(name, data))
        count_left, bytes_left = count_left - 1, bytes_left - len(data)
    return left_out
