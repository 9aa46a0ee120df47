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
from functools import lru_cache

from ouitec_terms.boundary.amounts import NonNegativeAmount
from ouitec_terms.boundary.models import VatRegime
from ouitec_terms.errors import VatError
from ouitec_terms.money import in_library_context, round_cents

from .mentions import MentionCode

__all__ = [
    "VAT_RULES",
    "VAT_TREATMENTS",
    "VatLine",
    "VatRule",
    "VatTreatment",
    "quote_vat",
    "tax",
    "vat_rule",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class VatTreatment:
    """How one regime is stated, whatever the date: its EN 16931 VAT category, its exemption
    code and the mention a document carries (D58). The mention's words, in the document's
    language, are also the exemption reason of an e-invoice (BT-120)."""

    category: str
    """UNTDID 5305 VAT category (BT-118, BT-151): ``S`` standard, ``AE`` reverse charge, ``E``
    exempt (category ``O`` is unusable for a VAT-registered seller, BR-O-02)."""
    mention: MentionCode | None
    """The mention a document must carry, if any (its words are the exemption reason)."""
    exemption_code: str | None
    """The VATEX code of the exemption reason (BT-121), if any."""
    source: str
    """The law and the EN 16931 rules the treatment rests on."""


_R = VatRegime
VAT_TREATMENTS: dict[VatRegime, VatTreatment] = {
    _R.FRANCE: VatTreatment(
        category="S", mention=None, exemption_code=None, source="CGI art. 278; EN 16931 BR-S"
    ),
    _R.GUADELOUPE_MARTINIQUE_REUNION: VatTreatment(
        category="S", mention=None, exemption_code=None, source="CGI art. 296; EN 16931 BR-S"
    ),
    _R.GUYANE_MAYOTTE: VatTreatment(
        category="E",
        mention=MentionCode.VAT_NOT_APPLICABLE_294,
        exemption_code=None,
        source="CGI art. 294; EN 16931 BR-E",
    ),
    _R.EU_REVERSE_CHARGE: VatTreatment(
        category="AE",
        mention=MentionCode.VAT_REVERSE_CHARGE,
        exemption_code="VATEX-EU-AE",
        source="CGI art. 283-2; EN 16931 BR-AE",
    ),
    _R.OUTSIDE_EU: VatTreatment(
        category="E",
        mention=MentionCode.VAT_NOT_APPLICABLE_259_1,
        exemption_code=None,
        source="CGI art. 259-1; EN 16931 BR-E",
    ),
}
"""How each VAT regime is stated on documents and e-invoices: one table, keyed by regime."""


@dataclass(frozen=True, slots=True, kw_only=True)
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

    @property
    def mention(self) -> MentionCode | None:
        """The mention a document must carry, if any (the regime's, D58)."""
        return VAT_TREATMENTS[self.regime].mention

    def applies(self, regime: VatRegime, on: date) -> bool:
        """Whether this rule is the one for ``regime`` on ``on``."""
        return (
            regime is self.regime
            and self.valid_from <= on
            and (self.valid_until is None or on < self.valid_until)
        )


_SINCE_2000 = date(2000, 4, 1)


def _rule(regime: VatRegime, since: date, until: date | None, rate: str, source: str) -> VatRule:
    return VatRule(
        regime=regime, valid_from=since, valid_until=until, rate=Decimal(rate), source=source
    )


VAT_RULES: tuple[VatRule, ...] = (
    _rule(_R.FRANCE, _SINCE_2000, date(2014, 1, 1), "0.196", "CGI art. 278 (loi 2000-656)"),
    _rule(_R.FRANCE, date(2014, 1, 1), None, "0.20", "CGI art. 278 (loi 2012-1510)"),
    _rule(_R.GUADELOUPE_MARTINIQUE_REUNION, _SINCE_2000, None, "0.085", "CGI art. 296"),
    _rule(_R.GUYANE_MAYOTTE, _SINCE_2000, None, "0", "CGI art. 294"),
    _rule(
        _R.EU_REVERSE_CHARGE,
        _SINCE_2000,
        None,
        "0",
        "CGI art. 283-2 and 259-1; directive 2006/112/CE art. 196",
    ),
    _rule(_R.OUTSIDE_EU, _SINCE_2000, None, "0", "CGI art. 259-1"),
)
"""The VAT rates this library knows, by regime and date (rules §8)."""


_BY_REGIME: dict[VatRegime, tuple[VatRule, ...]] = {
    regime: tuple(
        sorted(
            (rule for rule in VAT_RULES if rule.regime is regime),
            key=lambda rule: rule.valid_from,
            reverse=True,
        )
    )
    for regime in VatRegime
}
"""Each regime's rules, the newest first: most dates priced fall under the rule in force."""


def vat_rule(regime: VatRegime, on: date) -> VatRule:
    """The VAT rule in force for ``regime`` on ``on``; a date before 2000-04-01 is refused."""
    for rule in _BY_REGIME[regime]:
        if rule.applies(regime, on):
            return rule
    raise VatError(
        f"no VAT rate known for regime {regime.value!r} on {on.isoformat()}; this library "
        f"prices from {_SINCE_2000.isoformat()} on: check the intervention's dates"
    )


@dataclass(frozen=True, slots=True, kw_only=True)
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
    return VatLine(rate=rate, base=base, amount=round_cents(base * rate))


_ZERO_CENTS = Decimal("0.00")


@lru_cache(maxsize=4096)
@in_library_context
def quote_vat(cents: int, rate: Decimal) -> tuple[VatLine]:
    """The VAT of a quote whose lines add up to ``cents`` hundredths of a euro HT, at ``rate``:
    the one line [`tax`][ouitec_terms.rules.vat.tax] gives, as the tuple a quote holds.

    A memo, as VAT lines are values: the same few totals recur (a quarter hour's price and its
    multiples), so quotes share their VAT lines, and a statement of 10 000 quotes keeps a few
    hundred of them rather than 10 000 for the cyclic GC to walk (D99). The key is exact: whole
    cents, and the rates of [`VAT_RULES`][ouitec_terms.rules.vat.VAT_RULES], each written one
    way.
    """
    return (tax((Decimal(cents).scaleb(-2),), rate),)
