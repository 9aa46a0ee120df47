"""Print ``NAME==VERSION`` for a package of uv.lock (``make`` bootstraps the locked uv with it).

Usage: ``python scripts/locked.py uv``.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

LOCK = Path(__file__).parent.parent / "uv.lock"


def locked(name: str) -> str:
    """The pin of ``name`` in uv.lock."""
    packages = tomllib.loads(LOCK.read_text(encoding="utf-8"))["package"]
    (version,) = {p["version"] for p in packages if p["name"] == name}
    return f"{name}=={version}"


if __name__ == "__main__":
    print(locked(sys.argv[1]))
