"""How long the command takes to start, as ratios measured in one run (issue 18).

Each command runs in a fresh process, best of ``repeats`` (the least disturbed run), against two
references measured the same way: a bare ``python -c pass`` and ``python -c "import pydantic,
holidays"`` (the two libraries the core cannot do without). The goals: ``--version`` and an
argument error within 3 times the bare start; ``quote FILE`` within 2 times the import of
pydantic and holidays.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).parent.parent
_SCRIPT = Path(sys.executable).parent / "ouitec-terms"
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "ouitec_terms"]
"""The installed command, as a user runs it (``python -m ouitec_terms`` where there is none)."""
DOCUMENT = str(ROOT / "docs" / "examples" / "spec-01-business-hours.toml")


def best_of(argv: list[str], repeats: int) -> float:
    """The shortest wall time of ``argv`` over ``repeats`` runs, in seconds."""
    best = float("inf")
    for _ in range(repeats):
        began = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - began)
    return best


def compile_package() -> None:
    """Compile the package's modules as ``pip install`` does for a wheel: a shell with
    ``PYTHONDONTWRITEBYTECODE`` (an editable install in CI) would otherwise time the compiler."""
    import compileall  # noqa: PLC0415

    import ouitec_terms  # noqa: PLC0415

    compileall.compile_dir(str(Path(ouitec_terms.__file__).parent), quiet=1)


def measure(repeats: int = 15) -> dict[str, float]:
    """Seconds of each reference and command, best of ``repeats``, the package compiled and
    its holiday table kept (a first run computes it, D98)."""
    compile_package()
    best_of([*COMMAND, "quote", DOCUMENT], 1)
    return {
        "python -c pass": best_of([sys.executable, "-c", "pass"], repeats),
        "import pydantic, holidays": best_of(
            [sys.executable, "-c", "import pydantic, holidays"], repeats
        ),
        "ouitec-terms --version": best_of([*COMMAND, "--version"], repeats),
        "ouitec-terms usage error": best_of(
            [*COMMAND, "statement", "x.toml", "--month", "13"], repeats
        ),
        "ouitec-terms quote FILE": best_of([*COMMAND, "quote", DOCUMENT], repeats),
    }


def targets(seconds: dict[str, float]) -> dict[str, tuple[float, float, str]]:
    """The start-up goals as (ratio, bound, side)."""
    bare, libraries = seconds["python -c pass"], seconds["import pydantic, holidays"]
    return {
        "--version ÷ python -c pass": (seconds["ouitec-terms --version"] / bare, 3.0, "≤"),
        "usage error ÷ python -c pass": (seconds["ouitec-terms usage error"] / bare, 3.0, "≤"),
        "quote FILE ÷ import pydantic, holidays": (
            seconds["ouitec-terms quote FILE"] / libraries,
            2.0,
            "≤",
        ),
    }


if __name__ == "__main__":
    timings = measure()
    for name, value in timings.items():
        print(f"{name:<40} {value * 1000:8.1f} ms")
    for name, (ratio, bound, side) in targets(timings).items():
        print(f"{name:<40} {ratio:8.2f} (needs {side} {bound:g})")
