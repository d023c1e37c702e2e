"""How much of one submission's code also appears in another (copydetect's winnowing).

Names, strings and comments are normalised away by copydetect's tokenizer, so renaming
variables does not hide shared structure. Code that both files share with the starter code is
ignored (boilerplate), so filling in the same template is not counted as copying.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass

NOISE_THRESHOLD = 25  #: shorter shared fragments (in normalised characters) are ignored
GUARANTEE_THRESHOLD = 30  #: fragments at least this long are always found


@dataclass(frozen=True)
class Similarity:
    """The share of each file's fingerprints found in the other (0–1)."""

    of_first: float
    of_second: float

    @property
    def highest(self) -> float:
        """The larger of the two shares."""
        return max(self.of_first, self.of_second)


def _fingerprint(code: str, filename: str, boilerplate: list[int] | None = None):
    from copydetect import CodeFingerprint

    return CodeFingerprint(filename, NOISE_THRESHOLD, GUARANTEE_THRESHOLD - NOISE_THRESHOLD + 1,
                           boilerplate=boilerplate, fp=io.StringIO(code))


def starter_likeness(code: str, starter: str, filename: str = "main.py") -> float:
    """How alike the code is to the starter after normalising names and comments (0–1).
    Starter code is often too short for fingerprints, so this compares whole token streams."""
    from difflib import SequenceMatcher

    from copydetect.utils import filter_code

    normalised_code, _ = filter_code(code, filename)
    normalised_starter, _ = filter_code(starter, filename)
    return SequenceMatcher(None, normalised_code, normalised_starter, autojunk=False).ratio()


def similarity(first: str, second: str, filename: str = "main.py",
               starter: str = "") -> Similarity:
    """Similarity of two code texts of the same language (``filename`` picks the lexer)."""
    from copydetect import compare_files

    boilerplate = list(_fingerprint(starter, filename).hashes) if starter.strip() else None
    first_fp = _fingerprint(first, filename, boilerplate)
    second_fp = _fingerprint(second, filename, boilerplate)
    if not first_fp.hashes or not second_fp.hashes:
        return Similarity(0.0, 0.0)
    _overlap, (share_first, share_second), _slices = compare_files(first_fp, second_fp)
    return Similarity(float(share_first), float(share_second))


def own_fingerprints(code: str, filename: str = "main.py", starter: str = "") -> int:
    """How many fingerprints ``code`` has beyond what it shares with the starter: a measure
    of how much code of its own a solution holds (names, strings and comments left out).
    Counted with a stable hash (CRC-32), not copydetect's, which uses Python's ``hash()``
    and so gave each process a different count."""
    own = _stable_fingerprints(code, filename)
    return len(own - _stable_fingerprints(starter, filename)) if starter.strip() else len(own)


def _stable_fingerprints(code: str, filename: str) -> set[int]:
    """The winnowed k-gram hashes of the normalised code (k and window as in ``similarity``)."""
    from copydetect.utils import filter_code

    text, _ = filter_code(code, filename)
    size, window = NOISE_THRESHOLD, GUARANTEE_THRESHOLD - NOISE_THRESHOLD + 1
    hashes = [zlib.crc32(text[i:i + size].encode("utf-8"))
              for i in range(len(text) - size + 1)]
    if len(hashes) < window:
        return set(hashes[:1] and [min(hashes)])
    return {min(hashes[i:i + window]) for i in range(len(hashes) - window + 1)}
