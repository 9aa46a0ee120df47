"""Money and quantities: :class:`~decimal.Decimal` at the boundary, and the one rounding rule.

SPEC conventions: money is ``Decimal`` in euros, rounded half-up to the cent
(``ROUND_HALF_UP``) wherever a rounding is stated, never elsewhere. Floats are refused where
values enter the library, because ``0.1`` as a float is not one tenth.

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

```
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

from .errors import InvalidAmountError

__all__ = [
    "CENT",
    "INPUT_LIMIT",
    "INPUT_PLACES",
    "Amount",
    "InputAmount",
    "NonNegativeAmount",
    "round_cents",
    "to_decimal",
]

CENT = Decimal("0.01")


def to_decimal(value: Any) -> Decimal:
    """Return ``value`` as an exact, finite Decimal; refuse floats, booleans and non-numbers.

    Accepted: ``Decimal``, ``int`` and numeric strings (``"0.636"``, ``"1e3"``).
    """
    if isinstance(value, bool):
        raise InvalidAmountError(
            f"{value!r} is a boolean, not an amount; pass a number as a string"
        )
    if isinstance(value, float):
        raise InvalidAmountError(
            f"{value!r} is a float; money and distances must be exact: "
            f"pass a string such as '{value!r}' or a Decimal"
        )
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except ArithmeticError:
            raise InvalidAmountError(f"{value!r} is not a number; write it like '12.50'") from None
    else:
        raise InvalidAmountError(
            f"{value!r} ({type(value).__name__}) is not an amount; pass a string such as '12.50'"
        )
    if not result.is_finite():
        raise InvalidAmountError(f"{value!r} is not a finite number; write an amount like '12.50'")
    return result


def _finite_decimal(value: Any) -> Decimal:
    return to_decimal(value)


def _non_negative(value: Any) -> Decimal:
    result = to_decimal(value)
    if result < 0:
        raise InvalidAmountError(f"{result} is negative; this quantity must be 0 or more")
    return result


#: The largest amount, rate or distance accepted as input, and the most decimal places.
INPUT_LIMIT = Decimal(10) ** 12
INPUT_PLACES = 6


def _input_quantity(value: Any) -> Decimal:
    result = _non_negative(value)
    if result >= INPUT_LIMIT:
        raise InvalidAmountError(
            f"{result} is too large; amounts, rates and distances must stay below {INPUT_LIMIT:,}"
        )
    exponent = result.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -INPUT_PLACES:
        raise InvalidAmountError(
            f"{result} has more than {INPUT_PLACES} decimal places; round it to at most "
            f"{INPUT_PLACES}"
        )
    return result


def round_cents(amount: Decimal) -> Decimal:
    """Round an amount half-up to the cent (SPEC conventions, ``ROUND_HALF_UP``)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


_as_string = PlainSerializer(str, return_type=str, when_used="json")

#: An exact, finite Decimal; floats refused; serialised to JSON as a string.
Amount = Annotated[Decimal, BeforeValidator(_finite_decimal), _as_string]
#: Like :data:`Amount`, and 0 or more.
NonNegativeAmount = Annotated[Decimal, BeforeValidator(_non_negative), _as_string]
#: An input amount, rate or distance: 0 or more, below 10**12, at most 6 decimal places.
InputAmount = Annotated[
    Decimal,
    BeforeValidator(_input_quantity),
    _as_string,
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": r"^[0-9]{1,12}(\.[0-9]{1,6})?$"},
            ],
            "examples": ["0.636", "500", 32],
        },
        mode="validation",
    ),
]
