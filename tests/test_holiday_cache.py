"""Issue 18, D98: a place's holidays are computed once per `holidays` release and kept in the
cache folder; what is read back is exactly what the package states, and a cache that is
missing, damaged or read-only only costs time, never a wrong day."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from ouitec_terms.boundary import holidaydata
from ouitec_terms.boundary.holidaydata import (
    compute_holiday_names,
    holiday_names,
    holidays_release,
    is_known_place,
)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("OUITEC_CACHE_DIR", str(folder))
    return folder


@pytest.mark.parametrize("subdivision", [None, "57", "974", "GP"])
def test_the_kept_table_is_what_holidays_states(cache: Path, subdivision: str | None) -> None:
    """Computed once, then read from the cache: both are the package's table, day for day and
    name for name, and the place is then known without importing the package."""
    first = holiday_names("FR", subdivision)
    assert is_known_place("FR", subdivision)
    again = holiday_names("FR", subdivision)
    assert first == again == compute_holiday_names("FR", subdivision)
    (kept,) = cache.glob("holidays-*.json")
    assert holidays_release() in kept.name


def test_a_damaged_table_is_computed_again(cache: Path) -> None:
    """A table cut short, emptied of names or not JSON at all is never trusted: the place's
    holidays are computed again and the file replaced."""
    expected = holiday_names("FR", None)
    (kept,) = cache.glob("holidays-*.json")
    for damage in (b"", b"{", b'{"years": [1970, 2100], "names": {"2025-05-01": ""}}',
                   b'{"years": [1970, 2000], "names": {}}', b'{"names": []}'):  # fmt: skip
        kept.write_bytes(damage)
        assert not is_known_place("FR", None)
        assert holiday_names("FR", None) == expected
        assert is_known_place("FR", None)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_a_read_only_cache_only_costs_time(cache: Path) -> None:
    """A folder the user cannot write to is no error: the table is computed each time."""
    cache.mkdir()
    cache.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert holiday_names("FR", "57") == compute_holiday_names("FR", "57")
        assert not list(cache.iterdir())
    finally:
        cache.chmod(stat.S_IRWXU)


def test_an_unwritable_cache_path_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache "folder" that is a file cannot hold tables (for root too): the table is computed
    and nothing fails."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("OUITEC_CACHE_DIR", str(blocker / "cache"))
    assert holiday_names("FR", None) == compute_holiday_names("FR", None)


def test_another_release_never_reads_this_ones_table(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is named after the `holidays` release: upgrading the package computes the
    table again instead of reading days the new release may state differently."""
    holiday_names("FR", None)
    monkeypatch.setattr(holidaydata, "holidays_release", lambda: "0.0-other")
    assert not is_known_place("FR", None)
    holiday_names("FR", None)
    assert len(list(cache.glob("holidays-*.json"))) == 2
