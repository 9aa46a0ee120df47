"""Issue 18: the command starts at once. Times are measured on the bench (make bench), not
here; what a test can check exactly is what gets imported: ``import ouitec_terms``,
``--version`` and an argument error import neither pydantic nor holidays, nor any module that
builds models or calendars, and a quote does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("pydantic", "holidays", "ouitec_terms.boundary.models", "ouitec_terms.rules.windows")
PROBE = """
import sys
from pathlib import Path
{code}
print("heavy:" + ",".join(name for name in {heavy!r} if name in sys.modules))
"""


def imported(code: str, env: dict[str, str] | None = None) -> list[str]:
    """The heavy modules a fresh interpreter has imported after running ``code``."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(code=code, heavy=HEAVY)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env=env,
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


QUOTE = (
    "import contextlib, io\nfrom ouitec_terms.cli import main\n"
    "with contextlib.redirect_stdout(io.StringIO()):\n"
    "    main(['quote', 'docs/examples/spec-01-business-hours.toml'])"
)


def test_a_quote_loads_what_it_needs(tmp_path: Path) -> None:
    """The control: pricing a document imports the models and the calendar; the first time
    with this `holidays` release, `holidays` itself, to compute the place's table (D98)."""
    env = {**os.environ, "OUITEC_CACHE_DIR": str(tmp_path / "cache")}
    assert set(imported(QUOTE, env)) == set(HEAVY)
    assert list((tmp_path / "cache").glob("holidays-*-FR--fr-v1.json"))


def test_a_later_quote_never_imports_holidays(tmp_path: Path) -> None:
    """Once the place's table is kept, a quote reads it and never imports `holidays` (its 250
    countries cost more than the rest of the start, D98), and prices the same."""
    env = {**os.environ, "OUITEC_CACHE_DIR": str(tmp_path / "cache")}
    imported(QUOTE, env)
    assert set(imported(QUOTE, env)) == set(HEAVY) - {"holidays"}


def test_the_lazy_exports_are_the_static_imports() -> None:
    """The table `import ouitec_terms` resolves names from says what its `TYPE_CHECKING`
    imports say, name for name and module for module, and lists every name of `__all__` (D78)."""
    import ast  # noqa: PLC0415

    import ouitec_terms  # noqa: PLC0415

    tree = ast.parse(Path(ouitec_terms.__file__).read_text(encoding="utf-8"))
    guarded = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
    )
    static: dict[str, tuple[str, ...]] = {}
    for node in guarded.body:
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            static.setdefault(f".{node.module}", ())
            static[f".{node.module}"] += tuple(alias.name for alias in node.names)
    assert static == ouitec_terms._EXPORTS
    exported = {name for names in static.values() for name in names}
    assert set(ouitec_terms.__all__) - {"__version__"} == exported
    for name in ouitec_terms.__all__:
        assert getattr(ouitec_terms, name) is not None


def test_every_computed_value_is_built_by_keyword_only() -> None:
    """Computed values are frozen, slotted dataclasses built by keyword only: two swapped
    arguments of one type cannot pass the type checker, nor run (D79)."""
    import dataclasses  # noqa: PLC0415

    import ouitec_terms  # noqa: PLC0415

    values = [
        getattr(ouitec_terms, name)
        for name in ouitec_terms.__all__
        if dataclasses.is_dataclass(getattr(ouitec_terms, name))
    ]
    assert len(values) >= 12
    for value in values:
        assert all(f.kw_only for f in dataclasses.fields(value)), value.__name__
        with pytest.raises(TypeError):
            value("positional")
