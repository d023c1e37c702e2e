"""What every test app is made with, whatever the machine's environment says: its own instance
folder, the project's challenge bank, the fake sandbox (no code runs) and the synchronous queue
(a hand-in is graded before its request ends)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from assessor.infra.settings import DEFAULT_CHALLENGES_PATH
from assessor.services.catalogue import catalogue_at

#: the project's challenge bank: the one every test app uses (the same object)
catalogue = catalogue_at(DEFAULT_CHALLENGES_PATH)
#: end-to-end tests: code runs in the real (process) sandbox, graded by the in-process queue
REAL_SANDBOX = {"KODPROV_SANDBOX": "process", "KODPROV_QUEUE": "inprocess"}


def end_to_end(test: Callable) -> Callable:
    """Run ``test`` (which uses the ``app`` fixture) against an app that runs code in the real
    process sandbox and grades in the in-process queue, as ``make run`` does. Marked slow."""
    real = pytest.mark.parametrize("app_config", [REAL_SANDBOX], ids=["process-sandbox"])
    return pytest.mark.slow(real(test))


def app_settings(folder: Path, **overrides: Any) -> dict[str, Any]:
    """The ``create_app`` config of a test app whose instance folder is under ``folder``."""
    return {
        "KODPROV_ENV": "testing",
        "KODPROV_INSTANCE_PATH": str(Path(folder) / "instance"),
        "KODPROV_CHALLENGES": str(DEFAULT_CHALLENGES_PATH),
        "KODPROV_SANDBOX": "fake",
        "KODPROV_QUEUE": "sync",
        **overrides,
    }
