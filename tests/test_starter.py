"""Issue 22: `ouitec-terms init [DIR]` writes the starter documents the wheel ships, so that the
README's and the help's examples run without the clone."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from ouitec_terms.cli import main
from ouitec_terms.cli.starter import STARTER_FILES, starter_bytes

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"

SOURCES = {
    "quote.toml": DOCS / "examples" / "invoice-client.toml",
    "statement.toml": DOCS / "examples" / "statement-2025-06.toml",
    "seller.toml": DOCS / "examples" / "seller.example.toml",
    "clients.toml": DOCS / "examples" / "imports" / "csv" / "clients.toml",
    "entries.csv": DOCS / "examples" / "imports" / "csv" / "entries.csv",
    "tariff.toml": DOCS / "tariff-2024-06-02.toml",
}
"""The documented example each starter file carries (its comments speak of the starter folder)."""


@pytest.mark.parametrize("name", STARTER_FILES)
def test_a_starter_file_holds_the_data_of_its_documented_example(name: str) -> None:
    """The starter files are the documented examples (whose figures the docs and goldens
    check), so they cannot drift apart: same TOML values, same CSV bytes."""
    shipped, documented = starter_bytes(name), SOURCES[name].read_bytes()
    if name.endswith(".toml"):
        assert tomllib.loads(shipped.decode()) == tomllib.loads(documented.decode())
    else:
        assert shipped == documented


def test_init_writes_every_starter_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`init DIR` creates the folder and writes each file whole; it says what it wrote and what
    to try next, in French by default."""
    assert main(["init", str(tmp_path / "new")]) == 0
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == sorted(STARTER_FILES)
    out = capsys.readouterr().out
    assert "6 fichier(s) de départ" in out
    assert "ouitec-terms quote quote.toml" in out


def test_init_never_replaces_a_users_file_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file of the same name is the user's work: `init` refuses, names it, writes nothing
    (exit 1); `--force` replaces the starter files."""
    (tmp_path / "quote.toml").write_text("# mine\n", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 1
    assert "quote.toml exists" in capsys.readouterr().err
    assert (tmp_path / "quote.toml").read_text(encoding="utf-8") == "# mine\n"
    assert not (tmp_path / "seller.toml").exists()
    assert main(["init", str(tmp_path), "--force"]) == 0
    assert (tmp_path / "quote.toml").read_bytes() == starter_bytes("quote.toml")
