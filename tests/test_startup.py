"""Issue 18: the command starts at once. Times are measured on the bench (make bench), not
here; what a test can check exactly is what gets imported: ``import ouitec_terms``,
``--version`` and an argument error import neither pydantic nor holidays, nor any module that
builds models or calendars, and a quote does."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("pydantic", "holidays", "ouitec_terms.boundary.models", "ouitec_terms.rules.windows")
PROBE = """
import sys
{code}
print("heavy:" + ",".join(name for name in {heavy!r} if name in sys.modules))
"""


def imported(code: str) -> list[str]:
    """The heavy modules a fresh interpreter has imported after running ``code``."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(code=code, heavy=HEAVY)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    line = next(line for line in done.stdout.splitlines() if line.startswith("heavy:"))
    return [name for name in line.removeprefix("heavy:").split(",") if name]


def test_importing_the_package_imports_nothing_heavy() -> None:
    """`import ouitec_terms` only lists what it offers; each name is imported on first use."""
    assert imported("import ouitec_terms; ouitec_terms.__version__") == []


@pytest.mark.parametrize(
    "argv",
    [
        ["--version"],
        ["--help"],
        ["statement", "x.toml", "--month", "2025-13"],
        ["invoice", "x.toml", "--seller", "s.toml", "--number", "F-1", "--issued", "9999-01-01"],
        ["late", "100", "--due", "2025-01-01"],
    ],
)
def test_argument_errors_are_found_before_any_heavy_import(argv: list[str]) -> None:
    """`--version`, `--help` and every argument error end before pydantic or holidays load."""
    code = (
        f"from ouitec_terms.cli import main\ntry:\n    main({argv!r})\nexcept SystemExit:\n    pass"
    )
    assert imported(code) == []


def test_a_quote_loads_what_it_needs() -> None:
    """The control: pricing a document does import the models and the calendar."""
    code = (
        "import contextlib, io\nfrom ouitec_terms.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['quote', 'docs/examples/spec-01-business-hours.toml'])"
    )
    assert set(imported(code)) == set(HEAVY)
