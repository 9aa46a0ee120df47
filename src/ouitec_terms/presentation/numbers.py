"""Numbers for people: euros, prices and percentages, with French typography by default
(``1 234,56 €``, ``13,15 %``: CLDR's separators, checked against babel, D55) or English
(``€1,234.56``, ``13.15%``). Every rendering formats its figures here; the amounts themselves
are computed elsewhere, in the library's decimal context.

```pycon
>>> from decimal import Decimal
>>> format_eur(Decimal("1234.565")).replace(NNBSP, " ").replace(NBSP, " ")
'1 234,57 €'
>>> format_percent(Decimal("0.1315"), lang="en")
'13.15%'

```
"""

from __future__ import annotations

from decimal import Decimal

from ouitec_terms.money import in_library_context, round_cents

__all__ = ["NBSP", "NNBSP", "format_eur", "format_percent", "format_price", "french_number"]

NBSP = "\u00a0"
NNBSP = "\u202f"


def french_number(value: Decimal, places: int) -> str:
    """``value`` with ``places`` decimals, a decimal comma and narrow no-break spaces between
    thousands: ``1 234,56``."""
    text = f"{value:,.{places}f}"
    return text.replace(",", NNBSP).replace(".", ",")


def _euros(value: Decimal, places: int, lang: str) -> str:
    if lang == "fr":
        return f"{french_number(value, places)}{NBSP}€"
    sign, text = (
        ("-", f"{-value:,.{places}f}") if value.is_signed() else ("", f"{value:,.{places}f}")
    )
    return f"{sign}€{text}"


@in_library_context
def format_eur(amount: Decimal, *, lang: str = "fr") -> str:
    """``amount`` to the cent: ``1 234,56 €`` in French (no-break spaces), ``€1,234.56`` in
    English."""
    return _euros(round_cents(amount), 2, lang)


@in_library_context
def format_price(price: Decimal, *, lang: str = "fr") -> str:
    """A unit price with at least two decimals and all it has: ``0,636 €`` (``€0.636``)."""
    places = max(2, -int(price.normalize().as_tuple().exponent))
    return _euros(price, places, lang)


@in_library_context
def format_percent(rate: Decimal, *, lang: str = "fr") -> str:
    """A rate (a fraction) as a percentage: ``0.1315`` → ``13,15 %`` (``13.15%``); ``0.20`` →
    ``20 %``."""
    if lang == "fr":
        return f"{french_number(rate * 100, 2).rstrip('0').rstrip(',')}{NBSP}%"
    return f"{rate * 100:,.2f}".rstrip("0").rstrip(".") + "%"
