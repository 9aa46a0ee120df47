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

from decimal import Decimal

from pydantic import BaseModel

from .models import BillingMode, Client, Intervention
from .money import Amount
from .quote import Quote, quote
from .render import format_eur
from .tariff import DEFAULT_TARIFF, Tariff
from .trusted import trusted

__all__ = ["ModeComparison", "ModePrice", "compare_modes"]


class ModePrice(BaseModel, frozen=True, extra="forbid"):
    """The price of the intervention in one billing mode, with its full quote."""

    mode: BillingMode
    total_ht: Amount
    quote: Quote


class ModeComparison(BaseModel, frozen=True, extra="forbid"):
    """The same work priced in each applicable mode; the cheapest and what it saves."""

    prices: tuple[ModePrice, ...]
    cheapest: BillingMode
    saving: Amount

    def explain(self) -> str:
        """The modes' totals, the cheapest and its saving, in plain text."""
        out = [f"Billing modes compared (Art. 3) — {self.prices[0].quote.client_name}"]
        out += [
            f"  {p.mode.value:<11} {format_eur(p.total_ht):>14} HT"
            + ("  ← cheapest" if p.mode is self.cheapest else "")
            for p in self.prices
        ]
        out.append(
            f"{self.cheapest.value} costs {format_eur(self.saving)} HT less than the next mode."
        )
        return "\n".join(out)

    def price_of(self, mode: BillingMode) -> Decimal:
        """Total HT of ``mode`` (a ``KeyError`` names modes that were not priced)."""
        for price in self.prices:
            if price.mode is mode:
                return price.total_ht
        raise KeyError(
            f"{mode.value} was not priced; priced: {[p.mode.value for p in self.prices]}"
        )


def compare_modes(
    intervention: Intervention,
    client: Client,
    *,
    tariff: Tariff = DEFAULT_TARIFF,
    included_hours_available: Decimal = Decimal(0),
) -> ModeComparison:
    """Price ``intervention`` hourly, as a remote day, and as an on-site day when it has travel.

    ``cheapest`` is the mode of the lowest total HT (on a tie, the first in that order, hourly
    first); ``saving`` is how much less it costs than the next cheapest mode.
    """
    modes = [BillingMode.HOURLY, BillingMode.REMOTE_DAY]
    if intervention.travel:
        modes.append(BillingMode.ONSITE_DAY)
    prices = []
    for mode in modes:
        priced = quote(
            intervention.model_copy(update={"mode": mode}),
            client,
            tariff=tariff,
            included_hours_available=included_hours_available,
        )
        prices.append(trusted(ModePrice, mode=mode, total_ht=priced.total_ht, quote=priced))
    ranked = sorted(prices, key=lambda p: p.total_ht)  # stable: ties keep hourly first
    return trusted(
        ModeComparison,
        prices=tuple(prices),
        cheapest=ranked[0].mode,
        saving=ranked[1].total_ht - ranked[0].total_ht,
    )
