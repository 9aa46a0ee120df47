"""VAT (Art. 3 'majorés de la TVA en vigueur'; rules §8): rate by regime and date, mentions."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ouitec_terms import (
    Client,
    Intervention,
    VatError,
    VatRegime,
    WorkPeriod,
    quote,
    vat_rule,
)
from ouitec_terms.presentation.pieces import mention_text
from ouitec_terms.rules.vat import VAT_RULES
from strategies import PARIS


def one_hour_on(day: date) -> Intervention:
    start = datetime(day.year, day.month, day.day, 10, tzinfo=PARIS)
    return Intervention(work=(WorkPeriod(start=start, end=start + timedelta(hours=1)),))


@pytest.mark.parametrize(
    ("regime", "rate", "mention"),
    [
        (VatRegime.FRANCE, "0.20", None),
        (VatRegime.GUADELOUPE_MARTINIQUE_REUNION, "0.085", None),
        (VatRegime.GUYANE_MAYOTTE, "0", "TVA non applicable, art. 294 du CGI"),
        (VatRegime.EU_REVERSE_CHARGE, "0", "Autoliquidation"),
        (VatRegime.OUTSIDE_EU, "0", "TVA non applicable, art. 259-1 du CGI"),
    ],
)
def test_each_regime_has_its_rate_and_mention(
    regime: VatRegime, rate: str, mention: str | None
) -> None:
    """rules §8: each regime's rate in force in 2025 and the mention its invoices must carry."""
    result = quote(one_hour_on(date(2025, 3, 11)), Client(name="C", vat_regime=regime))
    (vat,) = result.vat
    assert vat.rate == Decimal(rate)
    assert result.total_vat == (Decimal(90) * Decimal(rate)).quantize(Decimal("0.01"))
    assert [mention_text(m) for m in result.mentions] == ([mention] if mention else [])


@pytest.mark.parametrize(
    ("day", "rate"),
    [
        (date(2000, 4, 1), "0.196"),
        (date(2013, 12, 31), "0.196"),
        (date(2014, 1, 1), "0.20"),
    ],
)
def test_french_rate_changed_on_1_january_2014(day: date, rate: str) -> None:
    """rules §8: 19.6 % from 2000-04-01 to 2013-12-31, 20 % since 2014-01-01 (status date)."""
    assert vat_rule(VatRegime.FRANCE, day).rate == Decimal(rate)


@pytest.mark.parametrize("regime", list(VatRegime))
@given(day=st.dates(min_value=date(2000, 4, 1), max_value=date(2100, 12, 31)))
def test_one_vat_rule_is_in_force_per_regime_and_day(regime: VatRegime, day: date) -> None:
    """rules §8: a regime's rules follow each other without gap or overlap, so the rule found
    is the only one in force, whatever order the rules are tried in."""
    in_force = [rule for rule in VAT_RULES if rule.applies(regime, day)]
    assert in_force == [vat_rule(regime, day)]


def test_vat_rates_of_equal_value_are_written_alike() -> None:
    """Quotes share the VAT line of their total, found by the total and the rate (D99): two
    rules whose rates are equal must write them alike (``0`` and ``0``, never ``0.0``), or a
    quote could show another rule's spelling of its rate."""
    spellings: dict[Decimal, set[str]] = {}
    for rule in VAT_RULES:
        spellings.setdefault(rule.rate, set()).add(str(rule.rate))
    assert all(len(written) == 1 for written in spellings.values()), spellings


def test_quote_on_31_december_2013_uses_19_6() -> None:
    """The rate in force is taken on the status date: 90 € HT on 2013-12-31 → 17.64 € VAT."""
    result = quote(one_hour_on(date(2013, 12, 31)), Client(name="C"))
    assert result.total_vat == Decimal("17.64")


def test_before_april_2000_is_refused() -> None:
    """rules §8: a status date before 2000-04-01 is refused with a clear error."""
    with pytest.raises(VatError, match=r"no VAT rate known .* 2000-03-31"):
        vat_rule(VatRegime.FRANCE, date(2000, 3, 31))


def test_vat_is_not_summed_line_by_line() -> None:
    """rules §8 (EN 16931 BR-CO-17): VAT on the HT sum, not the sum of per-line VAT.

    At 8.5 %, two lines of 67.50 € have 5.74 € VAT each if rounded line by line (11.48 €), but
    the VAT of 135.00 € is 11.475 → 11.48; with three lines of 22.50 € (1.91 € each, 5.73 €)
    the VAT of 67.50 € is 5.7375 → 5.74: the library gives the latter.
    """
    start = datetime(2025, 3, 11, 9, tzinfo=PARIS)
    periods = tuple(
        WorkPeriod(start=start + timedelta(hours=k), end=start + timedelta(hours=k, minutes=15))
        for k in range(3)
    )
    client = Client(name="C", vat_regime=VatRegime.GUADELOUPE_MARTINIQUE_REUNION)
    result = quote(Intervention(work=periods), client)
    assert [line.amount_ht for line in result.lines] == [Decimal("22.50")] * 3
    assert result.total_vat == Decimal("5.74")
