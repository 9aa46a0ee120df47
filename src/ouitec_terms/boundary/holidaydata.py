"""The public holidays of a place as the installed ``holidays`` package states them, kept in the
user's cache folder once computed (D98).

Asking ``holidays`` for one country imports the modules of all of its 250 countries (about
50 ms) and computing 1970–2100 takes 10 ms more: every start of the command paid both. The
names of a place's holidays, in French, are written once per ``holidays`` release to
``$OUITEC_CACHE_DIR`` (else ``$XDG_CACHE_HOME/ouitec-terms``, ``~/.cache/ouitec-terms``), a small
JSON file named after the release, the country and the subdivision; later starts read it and
never import ``holidays``. A file that cannot be read or does not hold what it should is
computed again; one that cannot be written is not an error. The data are the package's
either way, so a quote is the same with or without the cache.
"""

from __future__ import annotations

import json
import os
from datetime import date
from functools import lru_cache
from pathlib import Path

from .limits import FIRST_YEAR, LAST_YEAR

__all__ = ["CACHE_VARIABLE", "cache_folder", "holiday_names", "holidays_release", "is_known_place"]

CACHE_VARIABLE = "OUITEC_CACHE_DIR"
"""The environment variable that names the cache folder, when set."""

_FORMAT = 1
"""The layout of a cache file; a new layout is a new file name, never a misread old one."""


@lru_cache(maxsize=1)
def holidays_release() -> str:
    """The installed ``holidays`` release, read from its metadata (without importing it)."""
    from importlib.metadata import version  # noqa: PLC0415 - once

    return version("holidays")


def cache_folder() -> Path:
    """Where computed holiday tables are kept."""
    given = os.environ.get(CACHE_VARIABLE)
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ouitec-terms"


def _path(country: str, subdivision: str | None) -> Path:
    name = f"holidays-{holidays_release()}-{country}-{subdivision or ''}-fr-v{_FORMAT}.json"
    return cache_folder() / name


def _read(path: Path) -> dict[date, str] | None:
    """The table of a cache file, or ``None`` when it is missing or not a table of holidays."""
    try:
        data = json.loads(path.read_bytes())
        names = {date.fromisoformat(day): name for day, name in data["names"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if data.get("years") != [FIRST_YEAR, LAST_YEAR] or not all(
        isinstance(name, str) and name for name in names.values()
    ):
        return None
    return names


def _write(path: Path, names: dict[date, str]) -> None:
    """Keep the table whole or not at all (temporary file, then rename); never an error."""
    import tempfile  # noqa: PLC0415 - only on the first start with this release

    text = json.dumps(
        {"years": [FIRST_YEAR, LAST_YEAR], "names": {d.isoformat(): n for d, n in names.items()}},
        ensure_ascii=False,
        sort_keys=True,
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".holidays-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            os.replace(temporary, path)
        except OSError:
            os.unlink(temporary)
            raise
    except OSError:
        return  # a read-only or full disk: the next start computes the table again


def compute_holiday_names(country: str, subdivision: str | None) -> dict[date, str]:
    """The holidays of 1970–2100 of the place, in French, from the ``holidays`` package."""
    import holidays  # noqa: PLC0415 - the package's 250 countries, only when not cached

    return dict(
        holidays.country_holidays(
            country, subdiv=subdivision, years=range(FIRST_YEAR, LAST_YEAR + 1), language="fr"
        )
    )


def holiday_names(country: str, subdivision: str | None) -> dict[date, str]:
    """The public holidays of 1970–2100 of ``country`` (and ``subdivision``), in French: from
    the cache when it holds this ``holidays`` release's table, else computed and kept."""
    path = _path(country, subdivision)
    names = _read(path)
    if names is None:
        names = compute_holiday_names(country, subdivision)
        _write(path, names)
    return names


def is_known_place(country: str, subdivision: str | None) -> bool:
    """Whether this release's table of the place is already kept (then ``holidays`` knows it)."""
    return _read(_path(country, subdivision)) is not None
