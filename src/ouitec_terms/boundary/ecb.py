"""ECB rates as the user gives them: a half-year (``2026-H2``), one on the command line
(``--ecb-rate 2026-H2=2.15``) or a TOML file of them (``--ecb-rates FILE``), each checked and
read exactly; the table of known rates and their use are the payment rules'
([`ouitec_terms.rules.payment`][ouitec_terms.rules.payment]).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple, Self

from ouitec_terms.errors import PaymentError
from ouitec_terms.money import in_library_context, to_decimal

from .reading import read_data

__all__ = [
    "USER_RATES_VARIABLE",
    "BuiltinRate",
    "HalfYear",
    "builtin_rates",
    "check_rate",
    "parse_rate_assignment",
    "rates_toml",
    "read_ecb_rates",
    "user_rates",
    "user_rates_path",
]

_HALF_YEAR = re.compile(r"([0-9]{4})-H([12])", re.ASCII)


class HalfYear(NamedTuple):
    """A half-year: ``half`` 1 is January–June, 2 is July–December.

    ```pycon
    >>> HalfYear.parse("2025-H2"), str(HalfYear(2025, 2))
    (HalfYear(year=2025, half=2), '2025-H2')

    ```
    """

    year: int
    """The year."""
    half: int
    """1 for January-June, 2 for July-December."""

    @classmethod
    def of(cls, day: date) -> Self:
        """The half-year ``day`` falls in."""
        return cls(day.year, 1 if day.month <= 6 else 2)

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read ``YYYY-H1`` or ``YYYY-H2``."""
        found = _HALF_YEAR.fullmatch(text.strip().upper())
        if found is None:
            raise PaymentError(f"{text[:40]!r} is not a half-year; write it as 2025-H1 or 2025-H2")
        return cls(int(found[1]), int(found[2]))

    @property
    def first_day(self) -> date:
        """1 January or 1 July: the day whose ECB rate applies to the whole half-year."""
        return date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def last_day(self) -> date:
        """30 June or 31 December."""
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)

    def __str__(self) -> str:
        return f"{self.year}-H{self.half}"


def check_rate(rate: Decimal, half: HalfYear | str) -> Decimal:
    """An ECB rate in percent, within a sane range (it has stayed between 0 and 5 % since 1999)."""
    if not -10 <= rate <= 100:
        raise PaymentError(
            f"ECB rate {rate} % for {half} is not a rate in percent from -10 to 100; "
            "write e.g. 2.15"
        )
    return rate


@in_library_context
def parse_rate_assignment(text: str) -> tuple[HalfYear, Decimal]:
    """Read ``2026-H2=2.15``: a half-year and its ECB rate in percent.

    ```pycon
    >>> parse_rate_assignment("2026-H2=2.15")
    (HalfYear(year=2026, half=2), Decimal('2.15'))

    ```
    """
    half_text, equals, rate_text = text.partition("=")
    if not equals:
        raise PaymentError(
            f"--ecb-rate {text[:40]!r} names no half-year: write --ecb-rate 2026-H2={text[:10]}"
            " (repeatable); it adds that half-year to the table and keeps the others"
        )
    half = HalfYear.parse(half_text)
    try:
        rate = to_decimal(rate_text.strip())
    except ValueError as error:
        raise PaymentError(f"ECB rate for {half}: {error}") from None
    return half, check_rate(rate, half)


@in_library_context
def read_ecb_rates(path: str | Path) -> dict[HalfYear, Decimal]:
    """The ECB rates of a TOML file of lines ``"2026-H2" = "2.15"`` (percent, as strings).

    Any problem is a [`PaymentError`][ouitec_terms.errors.PaymentError] naming the file and the key.
    """
    data = read_data(path, error=PaymentError, what="ECB rate file")
    rates: dict[HalfYear, Decimal] = {}
    for key, value in data.items():
        try:
            half = HalfYear.parse(key)
            rate = to_decimal(value)
        except ValueError as error:
            raise PaymentError(f"ECB rate file {str(path)!r}, key {key[:40]!r}: {error}") from None
        rates[half] = check_rate(rate, f"{half} in {str(path)!r}")
    return rates


class BuiltinRate(NamedTuple):
    """One row of the built-in table: the rate of a half-year, when and where it was decided."""

    half_year: HalfYear
    rate: Decimal
    in_force_since: date
    source: str


@in_library_context
def builtin_rates() -> tuple[BuiltinRate, ...]:
    """The table the package ships as data (``ouitec_terms/presets/ecb-rates.toml``, with its
    source), checked like a user's rates.

    ```pycon
    >>> builtin_rates()[-1][:3]
    (HalfYear(year=2026, half=1), Decimal('2.15'), datetime.date(2025, 6, 11))

    ```
    """
    import tomllib  # noqa: PLC0415 - once, when the table is first needed
    from importlib.resources import files  # noqa: PLC0415

    data = tomllib.loads(
        (files("ouitec_terms") / "presets" / "ecb-rates.toml").read_text(encoding="utf-8")
    )
    source = data["source"]
    rows = []
    for key, (rate_text, decided) in data["rates"].items():
        half = HalfYear.parse(key)
        rows.append(
            BuiltinRate(
                half_year=half,
                rate=check_rate(to_decimal(rate_text), half),
                in_force_since=decided,
                source=f"{source} {decided.isoformat()}",
            )
        )
    return tuple(rows)


USER_RATES_VARIABLE = "OUITEC_ECB_RATES"
"""The environment variable that names the user's ECB rate file, when set."""


def user_rates_path() -> Path:
    """The user's ECB rate file, which ``ouitec-terms ecb set`` writes and every command that
    computes interest reads: ``$OUITEC_ECB_RATES``, else
    ``$XDG_CONFIG_HOME/ouitec-terms/ecb-rates.toml`` (``~/.config`` by default; D96)."""
    import os  # noqa: PLC0415 - only when rates are looked up

    given = os.environ.get(USER_RATES_VARIABLE)
    if given:
        return Path(given)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "ouitec-terms" / "ecb-rates.toml"


def user_rates() -> dict[HalfYear, Decimal]:
    """The half-years the user added with ``ouitec-terms ecb set`` (none when the file does not
    exist); a file that cannot be read is a [`PaymentError`][ouitec_terms.errors.PaymentError]
    naming it."""
    path = user_rates_path()
    return read_ecb_rates(path) if path.is_file() else {}


def rates_toml(rates: dict[HalfYear, Decimal]) -> str:
    """The TOML text of an ECB rate file: one ``"2026-H2" = "2.15"`` line per half-year."""
    lines = ["# ECB main refinancing rates (percent) added by `ouitec-terms ecb set` (D96)"]
    lines += [
        f'"{half}" = "{rate}"' for half, rate in sorted(rates.items(), key=lambda i: str(i[0]))
    ]
    return "\n".join(lines) + "\n"
