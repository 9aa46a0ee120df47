"""Issue 22 (fresh data, first step): the ECB rates a user adds once with `ouitec-terms ecb set`
are kept in a file (D96) and used by every later command that computes interest; a missing
half-year's message says exactly that command."""

from __future__ import annotations

from datetime import date
from importlib.resources import files
from pathlib import Path

import pytest

from ouitec_terms.cli import main
from ouitec_terms.rules.payment import ECB_RATE_HISTORY

LATE = ["late", "1200.00", "--due", "2026-06-15", "--paid", "2026-08-01"]


@pytest.fixture
def user_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config" / "ouitec-terms" / "ecb-rates.toml"
    monkeypatch.setenv("OUITEC_ECB_RATES", str(path))
    return path


def test_a_missing_half_year_names_the_command_that_adds_it(
    user_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 2, and the line gives the command, the file it keeps the rate in, and the options
    for one command only; no Python code."""
    assert main(LATE) == 2
    error = capsys.readouterr().err
    assert "`ouitec-terms ecb set 2026-H2 R`" in error
    assert str(user_file) in error
    assert "rates=" not in error


def test_a_rate_set_once_serves_every_later_command(
    user_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`ecb set 2026-H2 2.15` writes the file; `late` then prices 2026-H2 as `--ecb-rate` does,
    and `ecb list` marks the half-year as added."""
    assert main(["ecb", "set", "2026-H2", "2.15"]) == 0
    assert user_file.read_text(encoding="utf-8").splitlines()[-1] == '"2026-H2" = "2.15"'
    capsys.readouterr()
    assert main(LATE) == 0
    saved = capsys.readouterr().out
    assert main([*LATE, "--ecb-rate", "2026-H2=2.15"]) == 0
    assert capsys.readouterr().out == saved
    assert main(["ecb", "list", "--lang", "en"]) == 0
    assert "2026-H2  2.15%  (added by ecb set)" in capsys.readouterr().out
    assert main(["ecb", "list"]) == 0
    assert "2026-H2  2,15\u00a0%  (ajouté par ecb set)" in capsys.readouterr().out


def test_a_built_in_rate_cannot_be_replaced(
    user_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The table's published rates stay: setting another value for 2025-H1 exits 2 and writes
    nothing."""
    assert main(["ecb", "set", "2025-H1", "9"]) == 2
    assert "built-in table has 3.15 %" in capsys.readouterr().err
    assert not user_file.exists()


def test_the_built_in_table_is_a_data_file_with_its_source() -> None:
    """Issue 22: the ECB table is data the package ships (presets/ecb-rates.toml), naming the
    ECB's page it comes from; its half-years follow each other without a hole, and each rate
    was decided on or before the half-year's first day (the rate "en vigueur au 1er janvier /
    1er juillet", L441-10)."""
    text = (files("ouitec_terms") / "presets" / "ecb-rates.toml").read_text(encoding="utf-8")
    assert "https://www.ecb.europa.eu/" in text
    halves = [(r.half_year.year, r.half_year.half) for r in ECB_RATE_HISTORY]
    expected = [(2020 + i // 2, 1 + i % 2) for i in range(len(halves))]
    assert halves == expected
    for row in ECB_RATE_HISTORY:
        first_day = date(row.half_year.year, 1 if row.half_year.half == 1 else 7, 1)
        assert row.in_force_since <= first_day
