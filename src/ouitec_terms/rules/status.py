"""Client status (Art. 3, rules §2): under contract or not, on the status date.

A client is *under contract* on a day when one of its contracts is active that day, runs for at
least 12 months and commits at least 500 € HT a month. The status date is the local date of the
earliest start among the intervention's work periods and travel legs.

```pycon
>>> from datetime import date, tzinfo
>>> from decimal import Decimal
>>> from ouitec_terms import DEFAULT_TARIFF, Client, Contract, Service
>>> deal = Contract(service=Service.MONITORING, monthly_commitment=Decimal(500),
...                 start=date(2024, 6, 2), months=12)
>>> client = Client(name="Boulangerie Martin", contracts=(deal,))
>>> is_under_contract(client, date(2025, 6, 1), DEFAULT_TARIFF)
True
>>> is_under_contract(client, date(2025, 6, 2), DEFAULT_TARIFF)
False

```
"""

from __future__ import annotations

from datetime import date, tzinfo
from decimal import Decimal
from functools import reduce
from zoneinfo import ZoneInfo

from ouitec_terms.boundary.models import Client, Contract, Intervention
from ouitec_terms.boundary.tariff import Tariff
from ouitec_terms.money import LIBRARY_CONTEXT

__all__ = ["is_under_contract", "qualifies", "qualifying_contracts", "status_date"]


def qualifies(contract: Contract, day: date, tariff: Tariff) -> bool:
    """Whether ``contract`` is active on ``day`` with a term of at least 12 months (Art. 3;
    ``tariff.contract_min_months``), whatever it commits."""
    return contract.months >= tariff.contract_min_months and contract.is_active_on(day)


def qualifying_contracts(client: Client, day: date, tariff: Tariff) -> tuple[Contract, ...]:
    """The contracts that are active on ``day`` with a term of at least 12 months (Art. 3)."""
    return tuple(c for c in client.contracts if qualifies(c, day, tariff))


def is_under_contract(client: Client, day: date, tariff: Tariff) -> bool:
    """Whether ``client`` is under contract on ``day`` (Art. 3; rules §2).

    One qualifying contract must commit at least ``tariff.contract_min_monthly`` a month; with
    ``tariff.sum_active_contracts`` the commitments of all qualifying contracts are added up,
    exactly, in the library's context whatever the caller's (D63).
    """
    if not client.contracts:  # the common case of a quote: nothing to look at
        return False
    threshold = tariff.contract_min_monthly
    if not tariff.sum_active_contracts:  # D2: one contract must qualify, on its own
        for c in client.contracts:  # one pass, no tuple: this runs for every quote
            if c.monthly_commitment >= threshold and qualifies(c, day, tariff):
                return True
        return False
    qualifying = qualifying_contracts(client, day, tariff)
    total = reduce(LIBRARY_CONTEXT.add, (c.monthly_commitment for c in qualifying), Decimal(0))
    return bool(qualifying) and total >= threshold


def status_date(intervention: Intervention, tariff: Tariff, *, tz: tzinfo | None = None) -> date:
    """The local date (tariff time zone) of the intervention's earliest start (rules §2).

    ``tz`` is the tariff's time zone when the caller has it at hand (it saves looking it up).
    """
    work, travel = intervention.work, intervention.travel
    first = work[0].start if len(work) == 1 and not travel else intervention.earliest_start
    return first.astimezone(tz or ZoneInfo(tariff.timezone)).date()
