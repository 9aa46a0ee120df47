"""Print the build backend's declared floor as an exact pin (``hatchling>=1.27`` gives
``hatchling==1.27``): ``make lowest-build`` builds the wheel with exactly it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).parent.parent / "pyproject.toml"


def floors() -> list[str]:
    """Each requirement of build-system.requires, pinned at its lower bound."""
    requires = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["build-system"]["requires"]
    pins = []
    for requirement in requires:
        found = re.fullmatch(r"([A-Za-z0-9_.-]+)\s*>=\s*([0-9][0-9.]*)", requirement)
        if found is None:
            raise SystemExit(f"build-system.requires: {requirement!r} has no >= floor")
        pins.append(f"{found[1]}=={found[2]}")
    return pins


if __name__ == "__main__":
    print("\n".join(floors()))
