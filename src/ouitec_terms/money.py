"""Money and quantities: exact `Decimal` values, one context, one rounding rule.

Money is ``Decimal`` in euros, rounded half-up to the cent (``ROUND_HALF_UP``) wherever a rounding
is stated, never elsewhere. Floats are refused where values enter the library, because ``0.1`` as a
float is not one tenth. Every computation runs in
[`LIBRARY_CONTEXT`][ouitec_terms.money.LIBRARY_CONTEXT], never in the caller's decimal context, so a
host application that traps ``Inexact`` or works with ``prec=4`` gets the same amounts as everyone
else ([`in_library_context`][ouitec_terms.money.in_library_context]).

```pycon
>>> to_decimal("12.50")
Decimal('12.50')
>>> to_decimal(3)
Decimal('3')
>>> to_decimal(0.636)
Traceback (most recent call last):
...
ouitec_terms.errors.InvalidAmountError: 0.636 is a float; ... pass a string such as '0.636' ...
>>> round_cents(Decimal("6.875"))
Decimal('6.88')
>>> quarter_hours("1.5", name="included_hours")
Decimal('1.5')

```
"""

from __future__ import annotations

import functools
import math
import re
import threading
from collections.abc import Callable
from decimal import (
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
    getcontext,
    setcontext,
)
from typing import Any, ParamSpec, TypeVar

from .errors import IncludedHoursError, InvalidAmountError

__all__ = [
    "CENT",
    "INPUT_LIMIT",
    "INPUT_PATTERN",
    "INPUT_PLACES",
    "INPUT_TEXT",
    "LIBRARY_CONTEXT",
    "MAX_INCLUDED_HOURS",
    "QUARTER_HOURS_TEXT",
    "NumberWithFraction",
    "available_hours",
    "enter_library_context",
    "hours_to_minutes",
    "in_library_context",
    "minutes_to_hours",
    "quarter_hours",
    "round_cents",
    "to_decimal",
    "whole_cents",
]

CENT = Decimal("0.01")

LIBRARY_CONTEXT = Context(
    prec=28,
    rounding=ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    capitals=1,
    clamp=0,
    flags=[],
    traps=[InvalidOperation, DivisionByZero, Overflow],
)
"""The decimal context every computation of the library runs in, whatever the caller's: 28
significant digits (far more than an amount below 10**12 with 6 places times a rate needs),
half-even for the inexact divisions (hours = minutes / 60), and errors trapped. Roundings of money
never rely on it: each names ``ROUND_HALF_UP`` explicitly."""

_P = ParamSpec("_P")
_R = TypeVar("_R")


_per_thread = threading.local()


def _library_context() -> Context:
    """This thread's own copy of [`LIBRARY_CONTEXT`][ouitec_terms.money.LIBRARY_CONTEXT] (its flags
    are never read)."""
    try:
        context: Context = _per_thread.context
    except AttributeError:
        context = _per_thread.context = LIBRARY_CONTEXT.copy()
    return context


def enter_library_context() -> Context | None:
    """Put this thread's library context in place; return the caller's context to give back
    with ``decimal.setcontext`` when done, or ``None`` when the library's was in place already
    (a call made from inside the library).

    What [`in_library_context`][ouitec_terms.money.in_library_context] does around a function,
    for the one hot entry point that does it inline (``quote``, D62).
    """
    caller = getcontext()
    ours = _library_context()
    if caller is ours:
        return None
    setcontext(ours)
    return caller


def in_library_context(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``function`` in [`LIBRARY_CONTEXT`][ouitec_terms.money.LIBRARY_CONTEXT], then give the
    caller its context back.

    The thread's copy of the library context is put in place (and the caller's restored)
    rather than copied on every call: a call made from inside the library costs nothing more.
    """

    @functools.wraps(function)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        caller = enter_library_context()
        if caller is None:
            return function(*args, **kwargs)
        try:
            return function(*args, **kwargs)
        finally:
            setcontext(caller)

    return wrapper


class NumberWithFraction(Decimal):
    """A number written with a fraction or an exponent in a JSON or TOML document.

    Documents are parsed with this type instead of ``float``, so the text is kept exactly;
    money refuses it (write money as a string), integer fields refuse its fraction.
    """

    __slots__ = ()


INPUT_TEXT = r"^[0-9]{1,12}(\.[0-9]{1,6})?$"
"""The one form of an input amount written as text, for the validator and the JSON Schema: ASCII
digits, at most 12 before the point and 6 after, no sign, exponent or separator."""
INPUT_PATTERN = re.compile(INPUT_TEXT.removesuffix("$") + r"\Z", re.ASCII)
_DECIMAL_TEXT = re.compile(r"-?[0-9]+(\.[0-9]+)?\Z", re.ASCII)
QUARTER_HOURS_TEXT = r"^[0-9]{1,6}(\.(0|00|25|5|50|75))?$"
"""Quarter hours as text: up to six digits and a quarter (the documents' JSON Schema)."""
_QUARTER_TEXT = re.compile(QUARTER_HOURS_TEXT.removesuffix("$") + r"\Z", re.ASCII)
"""What [`to_decimal`][ouitec_terms.money.to_decimal] reads from text: an optional minus, ASCII
digits, an optional point."""


def to_decimal(value: Any) -> Decimal:
    """Return ``value`` as an exact, finite Decimal; refuse floats, booleans and non-numbers.

    Accepted: ``Decimal``, ``int`` and plain decimal text (``"0.636"``, ``"-0.5"``: ASCII
    digits, an optional minus and point; no exponent, separator or space).
    """
    if isinstance(value, bool):
        raise InvalidAmountError(
            f"{value!r} is a boolean, not an amount; pass a number as a string"
        )
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidAmountError(
                f"{value!r} is not a finite number; write an amount as a string such as '12.50'"
            )
        raise InvalidAmountError(
            f"{value!r} is a float; money and distances must be exact: "
            f"pass a string such as '{value!r}' or a Decimal"
        )
    if isinstance(value, NumberWithFraction):
        if not value.is_finite():
            raise InvalidAmountError(
                f"{value} is not a finite number; write an amount as a string such as '12.50'"
            )
        raise InvalidAmountError(
            f"{value} is a number with a fraction; write it exactly, as a string "
            f'such as "{value}" (only distances may be numbers, D21)'
        )
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        if not _DECIMAL_TEXT.match(value):
            raise InvalidAmountError(
                f"{value[:40]!r} is not a plain decimal number; write it like '12.50' (ASCII "
                "digits and a point, no exponent, separator or space)"
            )
        result = Decimal(value)
    else:
        raise InvalidAmountError(
            f"{value!r} ({type(value).__name__}) is not an amount; pass a string such as '12.50'"
        )
    if not result.is_finite():
        raise InvalidAmountError(f"{value!r} is not a finite number; write an amount like '12.50'")
    return result


INPUT_LIMIT = Decimal(10) ** 12
"""The largest amount, rate or distance accepted as input, and the most decimal places."""
INPUT_PLACES = 6


def round_cents(amount: Decimal) -> Decimal:
    """Round an amount half-up to the cent (the terms' money convention, ``ROUND_HALF_UP``)."""
    # positional arguments: given by keyword they double the cost of the call
    return amount.quantize(CENT, ROUND_HALF_UP, LIBRARY_CONTEXT)


def whole_cents(amount: Decimal, *, name: str) -> Decimal:
    """``amount`` if it is a whole number of cents, else an error naming ``name``.

    ```pycon
    >>> whole_cents(Decimal("12.5"), name="amount_ht")
    Decimal('12.5')
    >>> whole_cents(Decimal("12.505"), name="amount_ht")
    Traceback (most recent call last):
    ...
    ouitec_terms.errors.InvalidAmountError: amount_ht 12.505 has fractions of a cent; ...

    ```
    """
    _, digits, exponent = amount.as_tuple()
    trailing_zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    if isinstance(exponent, int) and exponent + trailing_zeros < -2 and any(digits):
        try:
            example = f", e.g. {round_cents(amount)}"
        except ArithmeticError:  # more digits than any amount has: no example to give
            example = ""
        raise InvalidAmountError(
            f"{name} {str(amount)[:40]} has fractions of a cent; write it to the cent{example}"
        )
    return amount


@functools.lru_cache(maxsize=1024)
def minutes_to_hours(minutes: int) -> Decimal:
    """Whole minutes as exact hours: ``90`` → ``Decimal('1.5')`` (every conversion of the library
    goes through here; a memo, since the same few quarter hours recur).

    ```pycon
    >>> minutes_to_hours(90), minutes_to_hours(120), hours_to_minutes(Decimal("1.5"))
    (Decimal('1.5'), Decimal('2'), 90)

    ```
    """
    return LIBRARY_CONTEXT.divide(Decimal(minutes), 60)


def hours_to_minutes(hours: Decimal) -> int:
    """Hours that hold a whole number of minutes, as minutes (``1.5`` → ``90``)."""
    return int(LIBRARY_CONTEXT.multiply(hours, 60))


MAX_INCLUDED_HOURS = Decimal(100_000)
"""More included hours than anyone could use in a month (a bound for the arithmetic)."""


def quarter_hours(value: Any, *, name: str) -> Decimal:
    """``value`` as hours if it is a multiple of 0.25 h from 0 to
    [`MAX_INCLUDED_HOURS`][ouitec_terms.money.MAX_INCLUDED_HOURS].

    Work is billed in quarter hours (Art. 5), so included contract hours come in quarters too.
    ``name`` is the parameter or field the caller used; the error names it.
    """
    if type(value) is str and _QUARTER_TEXT.match(value):  # how a document writes them
        hours = Decimal(value)
        if hours <= MAX_INCLUDED_HOURS:
            return hours
    return _whole_units(
        value,
        name=name,
        per_hour=4,
        refusal="{name} {hours} is not a multiple of 0.25 h from 0 to {most}; work is billed in "
        "quarter hours (Art. 5): give e.g. 1.5 for 1 h 30",
    )


def available_hours(value: Any, *, name: str) -> Decimal:
    """``value`` as included hours still available: a whole number of minutes from 0 to
    [`MAX_INCLUDED_HOURS`][ouitec_terms.money.MAX_INCLUDED_HOURS] (D56).

    A contract includes quarter hours (Art. 5, [`quarter_hours`][ouitec_terms.money.quarter_hours]),
    but a tariff whose step does not divide the quarter hour (6 or 12 minutes) consumes them in its
    own steps, so what is left may be any whole number of minutes (with the allowed steps, always a
    multiple of three, an exact decimal number of hours). ``name`` is the parameter the caller used.
    """
    return _whole_units(
        value,
        name=name,
        per_hour=60,
        refusal="{name} {hours} is not a whole number of minutes from 0 to {most} h; pass the "
        "contract hours still available, e.g. 1.5 for 1 h 30",
    )


def _whole_units(value: Any, *, name: str, per_hour: int, refusal: str) -> Decimal:
    """``value`` as hours if it is a whole number of ``1/per_hour`` hours from 0 to
    [`MAX_INCLUDED_HOURS`][ouitec_terms.money.MAX_INCLUDED_HOURS]; else ``refusal``, formatted."""
    try:
        hours = to_decimal(value)
    except InvalidAmountError as error:
        raise IncludedHoursError(f"{name}: {error}") from None
    units = LIBRARY_CONTEXT.multiply(hours, per_hour) if hours <= MAX_INCLUDED_HOURS else hours
    if hours.is_signed() or hours > MAX_INCLUDED_HOURS or units != units.to_integral_value():
        raise IncludedHoursError(refusal.format(name=name, hours=hours, most=MAX_INCLUDED_HOURS))
    return hours
