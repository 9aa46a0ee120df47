"""compare_modes: the same work hourly, as a remote day, and as an on-site day (Art. 3)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from hypothesis import given

from ouitec_terms import BillingMode, Client, Intervention, WorkPeriod, compare_modes
from strategies import PARIS, UNDER_CONTRACT, clients, interventions


def test_issue_example_seven_and_a_half_hours() -> None:
    """7.5 h of remote business-hours work under contract: 562.50 € hourly, 550 € as a day."""
    work = WorkPeriod(
        start=datetime(2025, 6, 11, 9, tzinfo=PARIS),
        end=datetime(2025, 6, 11, 16, 30, tzinfo=PARIS),
    )
    result = compare_modes(Intervention(work=(work,)), UNDER_CONTRACT)
    assert result.price_of(BillingMode.HOURLY) == Decimal("562.50")
    assert result.price_of(BillingMode.REMOTE_DAY) == Decimal("550.00")
    assert result.cheapest is BillingMode.REMOTE_DAY
    assert result.saving == Decimal("12.50")


@given(interventions(min_work=1), clients)
def test_compare_modes_picks_the_minimum(intervention: Intervention, client: Client) -> None:
    """The cheapest mode has the lowest total of those listed; the saving is the gap to the next."""
    result = compare_modes(intervention, client)
    totals = sorted(p.total_ht for p in result.prices)
    assert result.price_of(result.cheapest) == totals[0]
    assert result.saving == totals[1] - totals[0] >= 0
    modes = [p.mode for p in result.prices]
    assert (BillingMode.ONSITE_DAY in modes) is bool(intervention.travel)
    for price in result.prices:
        assert price.quote.mode is price.mode
        assert price.quote.total_ht == price.total_ht
