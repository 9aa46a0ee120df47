"""The command line's argument types: each reads one option's text or refuses it in one line.

Every date option is range-checked like a document's dates (the years the library prices,
1970–2100), so that no date computed from it (a due date, a month's end) can overflow; a month is
``YYYY-MM`` in those years; an argument that is not UTF-8 text is refused before anything else.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence

from ouitec_terms.boundary.echo import one_line, shown
from ouitec_terms.boundary.limits import FIRST_YEAR, LAST_YEAR, check_day
from ouitec_terms.errors import ArgumentError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a quicker start)
if TYPE_CHECKING:
    from datetime import date
    from decimal import Decimal
    from typing import NoReturn

    from ouitec_terms.boundary.ecb import HalfYear

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_OUTPUT_FAILED",
    "Parser",
    "amount",
    "check_utf8",
    "day",
    "included_hours",
    "month",
    "rate_assignment",
    "reference",
    "signed_amount",
]

EXIT_BAD_INPUT = 2
"""The exit status of bad input: one line names the field and the fix."""
EXIT_OUTPUT_FAILED = 1
"""The exit status when the result could not be written (an I/O failure, not bad input)."""


def day(text: str) -> date:
    """A ``YYYY-MM-DD`` date within the years the library prices."""
    from datetime import date  # noqa: PLC0415 - only when a date option is given

    try:
        given = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{shown(text, 40)!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-04-30"
        ) from None
    try:
        return check_day(given, repr(text))
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def amount(text: str) -> Decimal:
    """An amount TTC written like ``1200.00``: to the cent, below 10**12."""
    from ouitec_terms.money import INPUT_LIMIT, to_decimal, whole_cents  # noqa: PLC0415

    try:
        value: Decimal | None = to_decimal(text)
    except ValueError:
        value = None
    if value is not None and not value.is_signed() and value < INPUT_LIMIT:
        try:
            value = whole_cents(value, name="amount")
        except ValueError:
            value = None
    else:
        value = None
    if value is None:
        raise argparse.ArgumentTypeError(
            f"{shown(text, 40)!r} is not an amount to the cent; write it like 1200.00"
        )
    return value


def signed_amount(text: str) -> Decimal:
    """An amount like [`amount`][ouitec_terms.cli.arguments.amount], or its negative
    (``-50.00``: a refund)."""
    return -amount(text[1:]) if text.startswith("-") else amount(text)


def included_hours(text: str) -> Decimal:
    """Contract hours still available: a whole number of minutes, in hours (``1.5``)."""
    from ouitec_terms.money import MAX_INCLUDED_HOURS, available_hours  # noqa: PLC0415

    try:
        return available_hours(text, name="--included-hours")
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{shown(text, 40)!r} is not a whole number of minutes in hours, from 0 to "
            f"{MAX_INCLUDED_HOURS}; write e.g. 1.5 for 1 h 30"
        ) from None


def rate_assignment(text: str) -> tuple[HalfYear, Decimal]:
    """``2026-H2=2.15``: a half-year and its ECB rate in percent."""
    from ouitec_terms.boundary.ecb import parse_rate_assignment  # noqa: PLC0415

    try:
        return parse_rate_assignment(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})\Z", re.ASCII)


def month(text: str) -> tuple[int, int]:
    """``YYYY-MM``, a month of the years the library prices."""
    found = _MONTH.match(text)
    year, number = (int(found.group(1)), int(found.group(2))) if found else (0, 0)
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= number <= 12):
        raise argparse.ArgumentTypeError(
            f"{shown(text, 40)!r} is not a month the library takes; write it as YYYY-MM, from "
            f"{FIRST_YEAR}-01 to {LAST_YEAR}-12, e.g. 2025-06"
        )
    return year, number


def reference(text: str) -> str:
    """A reference of the client's (a purchase order, a service code): one line of text."""
    from ouitec_terms.boundary.text import check_reference  # noqa: PLC0415 - when given

    try:
        return check_reference(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def check_utf8(argv: Sequence[str]) -> None:
    """Refuse an argument that is not UTF-8 text (the bytes Python could not decode stand in
    it as lone surrogates), naming its position, never echoing it."""
    for position, argument in enumerate(argv, start=1):
        if any("\udc80" <= character <= "\udcff" for character in argument):
            raise ArgumentError(
                f"argument {position} is not UTF-8 text; write it in UTF-8 (a file name too)"
            )


_LONG_WORD = re.compile(r"[^\s']{61,}")


class Parser(argparse.ArgumentParser):
    """Argument errors on one line (exit 2), like every other error of the command; a word of
    the arguments echoed in the message is cut to 60 characters, the message to 300."""

    def error(self, message: str) -> NoReturn:
        message = _LONG_WORD.sub(lambda found: found.group()[:60] + "…", one_line(message))
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {shown(message, 300)} (see {self.prog} --help)\n")
