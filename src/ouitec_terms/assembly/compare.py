"""Which billing mode is cheaper for the same work (Art. 3): hourly, remote day, on-site day.

```pycon
>>> from datetime import date, datetime
>>> from decimal import Decimal
>>> from zoneinfo import ZoneInfo
>>> from ouitec_terms import Client, Contract, Intervention, Service, WorkPeriod
>>> paris = ZoneInfo("Europe/Paris")
>>> deal = Contract(service=Service.SOC, monthly_commitment=Decimal(600),
...                 start=date(2025, 1, 1), months=12)
>>> long_day = Intervention(work=(WorkPeriod(start=datetime(2025, 6, 11, 9, 0, tzinfo=paris),
...                                          end=datetime(2025, 6, 11, 16, 30, tzinfo=paris)),))
>>> c = compare_modes(long_day, Client(name="C", contracts=(deal,)))
>>> [(p.mode.value, p.total_ht) for p in c.prices]
[('hourly', Decimal('562.50')), ('remote_day', Decimal('550.00'))]
>>> c.cheapest.value, c.saving
('remote_day', Decimal('12.50'))

```
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ouitec_terms.boundary.amounts import Amount
from ouitec_terms.boundary.models import BillingMode, Client, Intervention
from ouitec_terms.boundary.tariff import DEFAULT_TARIFF, Tariff
from ouitec_terms.money import in_library_context

from .quote import Quote, quote

__all__ = ["ModeComparison", "ModePrice", "advisable_modes", "compare_modes"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ModePrice:
    """The price of the intervention in one billing mode, with its full quote.

    ``advisable`` is false for the booked mode when the terms would not offer it for this
    work (a remote day booked for work with travel legs, D45): it is priced, never advised.
    """

    mode: BillingMode
    """The billing mode priced."""
    total_ht: Amount
    """Its total, € HT."""
    quote: Quote
    """The full quote in that mode."""
    advisable: bool = True
    """Whether the mode suits the work (on-site or remote), so may be chosen."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ModeComparison:
    """The same work priced in each applicable mode; the cheapest and what it saves."""

    prices: tuple[ModePrice, ...]
    """One price per mode compared, the booked mode included."""
    cheapest: BillingMode
    """The advisable mode of the lowest total HT (on a tie, hourly first)."""
    saving: Amount
    """How much less, € HT, the cheapest costs than the other advisable mode."""

    def explain(self, lang: str = "fr") -> str:
        """The modes' totals, the cheapest and its saving, in plain text (French by default)."""
        from ouitec_terms.presentation.comparisons import comparison_text  # noqa: PLC0415 - D52

        return comparison_text(self, lang)

    def _repr_html_(self) -> str:
        from ouitec_terms.presentation.comparisons import comparison_html  # noqa: PLC0415 - D52

        return comparison_html(self)

    def __str__(self) -> str:
        return self.explain()

    def __repr__(self) -> str:
        totals = ", ".join(f"{p.mode.value}={p.total_ht}" for p in self.prices)
        return f"ModeComparison({totals}; cheapest={self.cheapest.value}, saving={self.saving})"

    def price_of(self, mode: BillingMode) -> Decimal:
        """Total HT of ``mode`` (a ``KeyError`` names modes that were not priced)."""
        for price in self.prices:
            if price.mode is mode:
                return price.total_ht
        raise KeyError(
            f"{mode.value} was not priced; priced: {[p.mode.value for p in self.prices]}"
        )


def advisable_modes(intervention: Intervention) -> tuple[BillingMode, ...]:
    """The modes that may be advised for this work (Art. 3, Art. 11; D45).

    Work with travel legs, or booked as an on-site day, is done on site (Art. 11): it is billed
    by the hour or as an on-site day, never as a remote day. Other work is remote: by the hour or
    as a remote day.
    """
    on_site = bool(intervention.travel) or intervention.mode is BillingMode.ONSITE_DAY
    if on_site:
        return (BillingMode.HOURLY, BillingMode.ONSITE_DAY)
    return (BillingMode.HOURLY, BillingMode.REMOTE_DAY)


@in_library_context
def compare_modes(
    intervention: Intervention,
    client: Client,
    *,
    tariff: Tariff = DEFAULT_TARIFF,
    included_hours_available: Decimal = Decimal(0),
) -> ModeComparison:
    """Price ``intervention`` in each mode that may be advised for it, and in its booked mode.

    On-site work (travel legs, or booked as an on-site day) is compared hourly and as an on-site
    day; other work hourly and as a remote day
    ([`advisable_modes`][ouitec_terms.assembly.compare.advisable_modes]). The booked mode is always
    priced, even when it is not advisable. ``cheapest`` is the advisable mode of the lowest total HT
    (on a tie, hourly first); ``saving`` is how much less it costs than the other advisable mode.
    """
    advisable = advisable_modes(intervention)
    modes = advisable if intervention.mode in advisable else (*advisable, intervention.mode)
    prices = []
    for mode in modes:
        priced = quote(
            intervention.model_copy(update={"mode": mode}),
            client,
            tariff=tariff,
            included_hours_available=included_hours_available,
        )
        prices.append(
            ModePrice(
                mode=mode, total_ht=priced.total_ht, quote=priced, advisable=mode in advisable
            )
        )
    # stable: ties keep hourly first
    ranked = sorted((p for p in prices if p.advisable), key=lambda p: p.total_ht)
    return ModeComparison(
        prices=tuple(prices),
        cheapest=ranked[0].mode,
        saving=ranked[1].total_ht - ranked[0].total_ht,
    )
