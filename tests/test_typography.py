"""Issue 11: French typography done right, checked byte for byte against babel (the CLDR data
every French application relies on), over generated values; babel is a test-only dependency."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_percent
from hypothesis import given
from hypothesis import strategies as st

from ouitec_terms.presentation.messages import messages_for

FR, EN = messages_for("fr"), messages_for("en")
LOCALES = {"fr": "fr_FR", "en": "en_GB"}
#: Amounts to the cent, as the library produces them, negative ones included.
cents = st.integers(-(10**14), 10**14).map(lambda c: Decimal(c).scaleb(-2))
#: Unit prices with 2 to 6 decimals (0,636 € per km).
prices = st.tuples(st.integers(0, 10**12), st.integers(2, 6)).map(
    lambda value: Decimal(value[0]).scaleb(-value[1])
)
#: Rates whose percentage has at most two decimals (13,15 %, 20 %, 8,5 %).
rates = st.integers(0, 100_000).map(lambda basis: Decimal(basis).scaleb(-4))
days = st.dates(min_value=date(1970, 1, 1), max_value=date(2100, 12, 31))


@given(cents)
def test_amounts_are_babels_euros(amount: Decimal) -> None:
    """`1 234,56 €` (narrow no-break space between thousands, no-break space before €) in
    French, `€1,234.56` in English: what babel's format_currency gives for EUR."""
    for lang, m in (("fr", FR), ("en", EN)):
        assert m.amount(amount) == format_currency(amount, "EUR", locale=LOCALES[lang])


@given(prices)
def test_unit_prices_keep_their_decimals_as_babel_does(price: Decimal) -> None:
    """A unit price shows at least two decimals and every one it has (0,636 €)."""
    patterns = {"fr": "#,##0.00####\u00a0¤", "en": "¤#,##0.00####"}
    for lang, m in (("fr", FR), ("en", EN)):
        expected = format_currency(
            price, "EUR", format=patterns[lang], locale=LOCALES[lang], currency_digits=False
        )
        assert m.price(price) == expected


@given(rates)
def test_percentages_are_babels(rate: Decimal) -> None:
    """`13,15 %` (no-break space before %) in French, `13.15%` in English; no trailing zeros."""
    patterns = {"fr": "#,##0.##\u00a0%", "en": "#,##0.##%"}
    for lang, m in (("fr", FR), ("en", EN)):
        assert m.percent(rate) == format_percent(rate, format=patterns[lang], locale=LOCALES[lang])


@given(days)
def test_dates_are_babels_short_weekday_and_day(day: date) -> None:
    """`ven. 14/03/2025` and `Fri 14/03/2025`: CLDR's abbreviated weekday, a no-break space,
    then day, month and year."""
    for lang, m in (("fr", FR), ("en", EN)):
        assert m.day(day) == format_date(day, "EEE\u00a0dd/MM/yyyy", locale=LOCALES[lang])


def test_month_names_are_babels() -> None:
    """The months of statements: `juin 2025`, `June 2025`."""
    for lang, m in (("fr", FR), ("en", EN)):
        for month in range(1, 13):
            expected = format_date(date(2025, month, 1), "MMMM\u00a0yyyy", locale=LOCALES[lang])
            assert m.month(2025, month) == expected
