"""Is a secret key strong enough to sign sessions? An estimate from the key itself.

A key's true entropy cannot be read off the key, so the estimate is deliberately cautious:
it counts the bits a random key of the same letter frequencies would have, and gives no
credit for a character that repeats or continues its neighbour (``aaaa``, ``abcd``) or for
a key that names what it is. Keys made by ``secrets.token_urlsafe(48)`` pass with room to
spare; a 32-digit hex key (exactly 128 bits) is refused, being too short to show it.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter

MIN_LENGTH = 32
MIN_DISTINCT = 10
MIN_BITS = 128
#: words that make a key guessable however long it is (checked case-insensitively)
GUESSABLE_WORDS = ("secret", "password", "passwd", "changeme", "change-me", "kodprov", "example",
                   "default", "insecure", "development", "dev-only", "production", "qwerty",
                   "letmein", "admin")
HOW_TO_MAKE_ONE = ("Make one with: python3 -c 'import secrets; "
                   "print(secrets.token_urlsafe(48))'")


def estimated_bits(key: str) -> float:
    """A cautious estimate of the key's entropy in bits (see the module docstring)."""
    if not key:
        return 0.0
    counts = Counter(key)
    per_char = -sum(n / len(key) * math.log2(n / len(key)) for n in counts.values())
    predictable = sum(1 for a, b in itertools.pairwise(key) if abs(ord(b) - ord(a)) <= 1)
    return per_char * (len(key) - predictable)


def weakness(key: str, development_marker: str) -> str | None:
    """Why ``key`` is too weak to sign sessions in production, or None when it will do."""
    lowered = key.lower()
    if not key or key == development_marker:
        return "is not set (or is the development marker)"
    if len(key) < MIN_LENGTH:
        return f"is shorter than {MIN_LENGTH} characters"
    if development_marker in key or any(word in lowered for word in GUESSABLE_WORDS):
        return "contains a word that makes it easy to guess"
    if len(set(key)) < MIN_DISTINCT:
        return f"uses fewer than {MIN_DISTINCT} different characters"
    if estimated_bits(key) < MIN_BITS:
        return (f"looks too easy to guess (about {estimated_bits(key):.0f} bits; "
                f"at least {MIN_BITS} are needed)")
    return None
