"""Every setting a user can change is documented (a new option without docs fails here)."""
from __future__ import annotations

import re

import typer.main

from chronicle.cli import app

from datapaths import REPO

SRC = REPO / "src" / "chronicle"


def _readme() -> str:
    return (REPO / "README.md").read_text(encoding="utf-8")


def test_every_environment_variable_is_documented():
    names = set()
    for path in SRC.rglob("*.py"):
        names |= set(re.findall(r"\bCHRONICLE_[A-Z][A-Z_]+\b", path.read_text(encoding="utf-8")))
    assert names, "no CHRONICLE_* settings found: the scan is broken"
    missing = sorted(n for n in names if f"`{n}`" not in _readme())
    assert not missing, f"environment variables not documented in README.md: {missing}"


def test_every_cli_command_and_option_is_documented():
    readme = _readme()
    group = typer.main.get_command(app)
    missing = []
    for name, command in group.commands.items():
        if f"chronicle {name}" not in readme:
            missing.append(f"command {name}")
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help" and f"`{opt}`" not in readme:
                    missing.append(f"{name} {opt}")
    assert not missing, f"not documented in README.md: {missing}"
