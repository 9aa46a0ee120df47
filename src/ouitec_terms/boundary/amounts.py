"""Amounts as the inputs give them, validated: exact, finite Decimals, never floats; input
amounts and distances from 0 to 10**12 with at most 6 decimal places, as text or integers (and
distances also as numbers written with a fraction, read exactly, D21). The arithmetic on them is
[`ouitec_terms.money`][ouitec_terms.money]'s; these are the pydantic types of the boundary.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema

from ouitec_terms.errors import InvalidAmountError
from ouitec_terms.money import (
    INPUT_LIMIT,
    INPUT_PATTERN,
    INPUT_PLACES,
    INPUT_TEXT,
    NumberWithFraction,
    to_decimal,
)

__all__ = ["Amount", "InputAmount", "InputQuantity", "NonNegativeAmount"]


def _finite_decimal(value: Any) -> Decimal:
    return to_decimal(value)


def _non_negative(value: Any) -> Decimal:
    result = to_decimal(value)
    if result.is_signed():
        raise InvalidAmountError(f"{result} is negative; this quantity must be 0 or more")
    return result


def _input_quantity(value: Any) -> Decimal:
    if type(value) is str:
        if INPUT_PATTERN.match(value):  # no sign, below 10**12, at most 6 places: nothing to check
            return Decimal(value)
        raise InvalidAmountError(
            f"{value[:40]!r} is not an amount; write it like '12.50': ASCII digits, at most "
            f"12 before the point and {INPUT_PLACES} after, no sign, exponent or separator"
        )
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


# The validators below read exact values and compare them: they depend on no decimal context.
Amount = Annotated[Decimal, BeforeValidator(_finite_decimal)]
"""An exact, finite Decimal; floats refused. Pydantic writes Decimals to JSON as strings
(``"162.00"``), exactly ``str(value)``."""
NonNegativeAmount = Annotated[Decimal, BeforeValidator(_non_negative)]
"""Like [`Amount`][ouitec_terms.boundary.amounts.Amount], and 0 or more."""
InputAmount = Annotated[
    Decimal,
    BeforeValidator(_input_quantity),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0, "maximum": int(INPUT_LIMIT) - 1},
                {"type": "string", "pattern": INPUT_TEXT},
            ],
            "examples": ["0.636", "500", 32],
        },
        mode="validation",
    ),
]
"""An input amount, rate or distance: 0 or more, below 10**12, at most 6 decimal places."""


def _exact_number(value: Any) -> Any:
    """A number written with a fraction in a document, read exactly: a plain Decimal."""
    return Decimal(value) if isinstance(value, NumberWithFraction) else value


InputQuantity = Annotated[
    Decimal,
    BeforeValidator(_input_quantity),
    BeforeValidator(_exact_number),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "exclusiveMaximum": int(INPUT_LIMIT)},
                {"type": "string", "pattern": INPUT_TEXT},
            ],
            "examples": ["32", 12.5],
        },
        mode="validation",
    ),
]
"""An input distance or quantity: like
[`InputAmount`][ouitec_terms.boundary.amounts.InputAmount], and also a JSON or TOML number with
a fraction, read exactly from its text (D21). Money stays strings or integers.
"""
