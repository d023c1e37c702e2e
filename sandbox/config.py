"""Sandbox settings from the environment (``KODPROV_SANDBOX*``), with safe defaults."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from sandbox.image.build import DEFAULT_IMAGE

BACKENDS = ("auto", "docker", "process", "fake")


def default_pool_size() -> int:
    """Two pre-started containers per CPU."""
    return 2 * (os.cpu_count() or 1)


@dataclass(frozen=True)
class SandboxConfig:
    """Which backend, image, pool size and runtime to use, and whether this is production."""

    backend: str = "auto"
    image: str = DEFAULT_IMAGE
    pool_size: int = 0
    runtime: str | None = None
    production: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> SandboxConfig:
        """Read ``KODPROV_SANDBOX`` (and its ``_IMAGE``, ``_POOL_SIZE``, ``_RUNTIME``) and
        ``KODPROV_ENV``."""
        env = os.environ if env is None else env
        pool = env.get("KODPROV_SANDBOX_POOL_SIZE", "").strip()
        backend = env.get("KODPROV_SANDBOX", "auto").strip().lower() or "auto"
        if backend not in BACKENDS:
            raise ValueError(f"KODPROV_SANDBOX={backend!r}: use one of {', '.join(BACKENDS)}")
        return cls(
            backend=backend,
            image=env.get("KODPROV_SANDBOX_IMAGE", "").strip() or DEFAULT_IMAGE,
            pool_size=max(int(pool), 0) if pool else default_pool_size(),
            runtime=env.get("KODPROV_SANDBOX_RUNTIME", "").strip() or None,
            production=env.get("KODPROV_ENV", "") == "production",
        )
