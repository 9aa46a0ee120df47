"""VAT: the rate in force and the invoice mention, per regime and date (Art. 3, rules §8).

Art. 3: "Les tarifs indiqués sont hors taxes (HT) et seront majorés de la TVA en vigueur."
VAT is computed per rate on the sum of the HT lines, rounded half-up to the cent (as EN 16931
rule BR-CO-17 does), never line by line.

```pycon
>>> from datetime import date
>>> rule = vat_rule(VatRegime.FRANCE, date(2013, 12, 31))
>>> rule.rate, rule.source
(Decimal('0.196'), 'CGI art. 278 (loi 2000-656)')
>>> vat_rule(VatRegime.FRANCE, date(2014, 1, 1)).rate
Decimal('0.20')
>>> vat_rule(VatRegime.OUTSIDE_EU, date(2025, 1, 1)).mention
<MentionCode.VAT_NOT_APPLICABLE_259_1: 'vat_not_applicable_cgi_259_1'>

```
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ouitec_terms.boundary.models import VatRegime
from ouitec_terms.errors import VatError
from ouitec_terms.money import NonNegativeAmount, round_cents

from .mentions import MentionCode

__all__ = ["VAT_RULES", "VatLine", "VatRule", "tax", "vat_rule"]


@dataclass(frozen=True, slots=True)
class VatRule:
    """One dated VAT rate of one regime, with its legal source and the mention it requires."""

    regime: VatRegime
    """The regime the rule applies to."""
    valid_from: date
    """First day the rate applies."""
    valid_until: date | None  # exclusive; None: still in force
    """The first day it no longer applies, if it has ended."""
    rate: Decimal
    """The rate, as a fraction (0.20)."""
    source: str
    """The law the rate rests on."""
    mention: MentionCode | None = None
    """The mention a document must carry, if any."""

    def applies(self, regime: VatRegime, on: date) -> bool:
        """Whether this rule is the one for ``regime`` on ``on``."""
        return (
            regime is self.regime
            and self.valid_from <= on
            and (self.valid_until is None or on < self.valid_until)
        )


_R = VatRegime
_SINCE_2000 = date(2000, 4, 1)
VAT_RULES: tuple[VatRule, ...] = (
    VatRule(
        _R.FRANCE, _SINCE_2000, date(2014, 1, 1), Decimal("0.196"), "CGI art. 278 (loi 2000-656)"
    ),
    VatRule(_R.FRANCE, date(2014, 1, 1), None, Decimal("0.20"), "CGI art. 278 (loi 2012-1510)"),
    VatRule(_R.GUADELOUPE_MARTINIQUE_REUNION, _SINCE_2000, None, Decimal("0.085"), "CGI art. 296"),
    VatRule(
        _R.GUYANE_MAYOTTE,
        _SINCE_2000,
        None,
        Decimal(0),
        "CGI art. 294",
        MentionCode.VAT_NOT_APPLICABLE_294,
    ),
    VatRule(
        _R.EU_REVERSE_CHARGE,
        _SINCE_2000,
        None,
        Decimal(0),
        "CGI art. 283-2 and 259-1; directive 2006/112/CE art. 196",
        MentionCode.VAT_REVERSE_CHARGE,
    ),
    VatRule(
        _R.OUTSIDE_EU,
        _SINCE_2000,
        None,
        Decimal(0),
        "CGI art. 259-1",
        MentionCode.VAT_NOT_APPLICABLE_259_1,
    ),
)
"""The VAT rates this library knows, by regime and date (rules §8)."""


_BY_REGIME: dict[VatRegime, tuple[VatRule, ...]] = {
    regime: tuple(rule for rule in VAT_RULES if rule.regime is regime) for regime in VatRegime
}


def vat_rule(regime: VatRegime, on: date) -> VatRule:
    """The VAT rule in force for ``regime`` on ``on``; a date before 2000-04-01 is refused."""
    for rule in _BY_REGIME[regime]:
        if rule.applies(regime, on):
            return rule
    raise VatError(
        f"no VAT rate known for regime {regime.value!r} on {on.isoformat()}; this library "
        f"prices from {_SINCE_2000.isoformat()} on: check the intervention's dates"
    )


@dataclass(frozen=True, slots=True)
class VatLine:
    """The VAT of one rate: its base (sum of the HT lines at that rate) and amount (Art. 3)."""

    rate: NonNegativeAmount
    """The rate, as a fraction (0.20)."""
    base: NonNegativeAmount
    """The HT amount taxed at that rate, €."""
    amount: NonNegativeAmount
    """The VAT, € (rounded half-up to the cent)."""
    article: str = "Art. 3"
    """The law applied."""


def tax(amounts_ht: Iterable[Decimal], rate: Decimal) -> VatLine:
    """VAT on the sum of ``amounts_ht`` at ``rate``, rounded half-up to the cent (rules §8)."""
    base = sum(amounts_ht, _ZERO_CENTS)
    return VatLine(rate, base, round_cents(base * rate))


_ZERO_CENTS = Decimal("0.00")
