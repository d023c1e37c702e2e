"""The sandbox's settings as one object, with safe defaults.

The sandbox reads no environment: whoever starts it (Kodprov's settings, a test) builds this
object and hands it over.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from sandbox.image.build import DEFAULT_IMAGE

BACKENDS = ("auto", "docker", "process", "fake")


def default_pool_size() -> int:
    """Two pre-started containers per CPU."""
    return 2 * (os.cpu_count() or 1)


@dataclass(frozen=True)
class SandboxConfig:
    """Which backend, image, pool size and runtime to use, whether this is production, and
    where the process backend makes its run folders (None: a private folder per runner)."""

    backend: str = "auto"
    image: str = DEFAULT_IMAGE
    pool_size: int = field(default_factory=default_pool_size)
    runtime: str | None = None
    production: bool = False
    base_dir: Path | None = None
    #: a test machine's engine may run a runc without the CVE-2024-21626 fix
    allow_old_runc: bool = False
