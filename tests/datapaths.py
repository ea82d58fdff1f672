"""Where the tests find the repo and ../shared/data (a uniquely named module: `conftest` is not,
since tests/browser has its own conftest.py, so tests import these from here)."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


def shared(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test with the reason when it is absent."""
    p = SHARED_DATA.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"shared research data not found at {p} (clone the repo beside ../shared)")
    return p
