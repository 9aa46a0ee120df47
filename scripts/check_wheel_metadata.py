"""Check a wheel's metadata says what pyproject.toml declares: the licence as an SPDX expression
with its file (PEP 639), the project's URLs, and no development tool among its extras.

Usage: ``python scripts/check_wheel_metadata.py WHEEL``; exits 1 naming what is missing.
"""

from __future__ import annotations

import sys
import zipfile
from email.parser import HeaderParser


def problems(wheel: str) -> list[str]:
    """What the wheel's METADATA lacks or should not have."""
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = HeaderParser().parsestr(archive.read(name).decode("utf-8"))
        files = archive.namelist()
    found = []
    if metadata.get("License-Expression") != "MIT":
        found.append(f"License-Expression is {metadata.get('License-Expression')!r}, not 'MIT'")
    if "LICENSE" not in (metadata.get_all("License-File") or []):
        found.append("no License-File: LICENSE")
    if not any(n.endswith(".dist-info/licenses/LICENSE") for n in files):
        found.append("the LICENSE file is not in the wheel's dist-info/licenses")
    if not metadata.get_all("Project-URL"):
        found.append("no Project-URL")
    extras = set(metadata.get_all("Provides-Extra") or [])
    if extras & {"dev", "test", "lint"}:
        found.append(
            f"development tools published as extras: {sorted(extras & {'dev', 'test', 'lint'})}"
        )
    return found


if __name__ == "__main__":
    found = problems(sys.argv[1])
    for problem in found:
        print(f"{sys.argv[1]}: {problem}", file=sys.stderr)
    sys.exit(1 if found else 0)
