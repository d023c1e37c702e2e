"""LIX (läsbarhetsindex), the Swedish readability index: words per sentence plus the share of
long words (more than six letters) in per cent. Below 30 is very easy, 30–40 easy, 40–50 medium.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü0-9]+(?:[-'][A-Za-zÅÄÖåäöÉéÜü0-9]+)*")
_SENTENCE_END = re.compile(r"[.!?:]+(?:\s|$)|\n\s*\n")
LONG_WORD = 6


def lix(text: str) -> float:
    """The LIX value of ``text`` (0.0 for text without words)."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(_SENTENCE_END.findall(text.strip() + "\n")))
    long_words = sum(1 for word in words if len(word) > LONG_WORD)
    return len(words) / sentences + 100.0 * long_words / len(words)
