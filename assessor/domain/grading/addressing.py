"""Reading IPv4 answers the way people write them, and comparing them with ``ipaddress``.

Each field type has a parser that returns a comparable value or raises ``ValueError``.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from typing import Any

RANGE_SEPARATOR = re.compile(r"\s*(?:-|–|—|\.\.|till|to)\s*")
LIST_SEPARATOR = re.compile(r"[,;\s]+")


class PrefixWrongError(ValueError):
    """An address answer written with a prefix (``10.0.0.64/26``) that may not have it:
    ``asked`` is the prefix the task is about (None: none may be written), ``written`` the
    candidate's."""

    def __init__(self, written: int, asked: int | None) -> None:
        super().__init__(f"/{written}")
        self.written, self.asked = written, asked


class HostBitsError(ValueError):
    """A network answer whose host part is not zero (``10.0.0.70/26``): an address in the
    network, not the network address."""


class PrefixMissingError(ValueError):
    """A network answer without a prefix (``10.0.0.64``): which network is meant is unknown."""


def address(text: str) -> ipaddress.IPv4Address:
    """``192.168.1.10``."""
    return ipaddress.IPv4Address(text.strip())


def address_in(text: str, asked: int | None) -> ipaddress.IPv4Address:
    """An address answer, also written with a prefix or netmask (``192.168.1.64/26``,
    ``192.168.1.64 255.255.255.192``) when the test names the prefix it is ``asked`` about;
    a written prefix must be that one. Raises ``PrefixWrongError`` otherwise."""
    if len(text.split()) == 1 and "/" not in text:
        return address(text)
    interface = ipaddress.IPv4Interface(_with_slash(text))
    written = interface.network.prefixlen
    if written != asked:
        raise PrefixWrongError(written, asked)
    return interface.ip


def _with_slash(text: str) -> str:
    """``10.0.0.0/26`` from the ways people write it: ``10.0.0.0 /26``, ``10.0.0.0 / 26``,
    ``10.0.0.0 255.255.255.192``."""
    parts = text.strip().replace(" /", "/").replace("/ ", "/").split()
    return "/".join(parts) if len(parts) == 2 else text.strip().replace(" ", "")


def network(text: str) -> ipaddress.IPv4Network:
    """``10.0.0.0/26`` or ``10.0.0.0 255.255.255.192``; the prefix is needed and the host bits
    must be zero (``PrefixMissingError``, ``HostBitsError``)."""
    joined = _with_slash(text)
    if "/" not in joined:
        address(joined)  # an unreadable address is just unreadable
        raise PrefixMissingError(text)
    try:
        return ipaddress.IPv4Network(joined, strict=True)
    except ValueError:
        ipaddress.IPv4Network(joined, strict=False)  # raises when it is not readable at all
        raise HostBitsError(text) from None


def prefix(text: str) -> int:
    """``/26``, ``26`` or a netmask ``255.255.255.192`` - all give 26."""
    cleaned = text.strip().lstrip("/")
    if "." in cleaned:
        return ipaddress.IPv4Network(f"0.0.0.0/{cleaned}").prefixlen
    value = int(cleaned)
    if not 0 <= value <= 32:
        raise ValueError(text)
    return value


def netmask(text: str) -> int:
    """A netmask compared by its prefix length: ``255.255.255.192`` equals ``/26``."""
    return prefix(text)


def integer(text: str) -> int:
    """A whole number; spaces as thousands separators are allowed."""
    return int(text.strip().replace(" ", "").replace("\u00a0", ""))


def port(text: str) -> int:
    """A port number 0-65535."""
    value = integer(text)
    if not 0 <= value <= 65535:
        raise ValueError(text)
    return value


def address_range(text: str) -> tuple[ipaddress.IPv4Address, ipaddress.IPv4Address]:
    """``10.0.0.1 - 10.0.0.62`` (also with –, .., till, to)."""
    parts = RANGE_SEPARATOR.split(text.strip())
    if len(parts) != 2:
        raise ValueError(text)
    return address(parts[0]), address(parts[1])


def networks(text: str) -> frozenset[ipaddress.IPv4Network]:
    """Several networks separated by commas, semicolons or new lines, in any order."""
    items = [item for item in LIST_SEPARATOR.split(text.strip()) if item]
    return frozenset(network(item) for item in items)


def word(text: str) -> str:
    """A word compared without case and surrounding space (e.g. ``TCP``)."""
    value = " ".join(text.strip().lower().split())
    if not value:
        raise ValueError(text)
    return value


#: field type -> (parser, an example to show when the answer cannot be read)
FIELD_TYPES: dict[str, tuple[Callable[[str], Any], str]] = {
    "address": (address, "192.168.1.10"),
    "network": (network, "192.168.1.0/26"),
    "prefix": (prefix, "/26"),
    "netmask": (netmask, "255.255.255.192"),
    "integer": (integer, "62"),
    "port": (port, "443"),
    "range": (address_range, "192.168.1.1 - 192.168.1.62"),
    "networks": (networks, "10.0.0.0/25, 10.0.0.128/25"),
    "word": (word, "TCP"),
}


def same(kind: str, expected: Any, answer: str, prefix: int | None = None) -> bool:
    """Whether ``answer`` means ``expected`` (or one of a list of accepted answers).
    ``prefix`` is the prefix an ``address`` answer may be written with.

    Raises ValueError (or a subclass above that says why) when the answer cannot be read as
    ``kind``.
    """
    parse = FIELD_TYPES[kind][0]
    got = address_in(answer, prefix) if kind == "address" else parse(answer)
    accepted = expected if isinstance(expected, list) else [expected]
    return any(got == (parse(want) if isinstance(want, str) else want) for want in accepted)
