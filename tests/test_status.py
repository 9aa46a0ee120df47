"""Client status (Art. 3, rules §2): >= 500 € a month, on a contract of >= 12 months, active."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ouitec_terms import (
    DEFAULT_TARIFF,
    Client,
    Contract,
    Intervention,
    Service,
    WorkPeriod,
    is_under_contract,
    quote,
    status_date,
)
from ouitec_terms.boundary.scalars import add_months
from strategies import NO_CONTRACT, interventions


def contract(amount: str = "500", months: int = 12, start: date = date(2025, 1, 1)) -> Contract:
    return Contract(
        service=Service.USER_SUPPORT,
        monthly_commitment=Decimal(amount),
        start=start,
        months=months,
    )


@pytest.mark.parametrize(
    ("contracts", "day", "expected"),
    [
        ((contract("500"),), date(2025, 3, 1), True),
        ((contract("499.99"),), date(2025, 3, 1), False),
        ((contract("5000", months=11),), date(2025, 3, 1), False),
        ((contract("600"),), date(2024, 12, 31), False),
        ((contract("600"),), date(2025, 12, 31), True),
        ((contract("600"),), date(2026, 1, 1), False),
        ((contract("300"), contract("300")), date(2025, 3, 1), False),
        ((contract("300"), contract("600", months=24)), date(2025, 3, 1), True),
        ((), date(2025, 3, 1), False),
    ],
    ids=[
        "exactly-500",
        "just-below",
        "11-months",
        "before-start",
        "last-day",
        "after-end",
        "two-small-contracts",
        "one-qualifies",
        "no-contract",
    ],
)
def test_under_contract_rule(contracts: tuple[Contract, ...], day: date, expected: bool) -> None:
    """Art. 3: 'engagé à hauteur de 500 € par mois sur un contrat d'engagement de 1 an minimum'."""
    client = Client(name="C", contracts=contracts)
    assert is_under_contract(client, day, DEFAULT_TARIFF) is expected


def test_sum_policy_adds_active_contracts() -> None:
    """rules §2: the optional policy sums the commitments of the qualifying active contracts."""
    client = Client(name="C", contracts=(contract("300"), contract("200")))
    summing = DEFAULT_TARIFF.replace(sum_active_contracts=True)
    assert is_under_contract(client, date(2025, 3, 1), summing)
    assert not is_under_contract(client, date(2025, 3, 1), DEFAULT_TARIFF)


@given(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(12, 60),
    st.integers(-400, 2000),
)
def test_contract_is_active_exactly_between_start_and_end(
    start: date, months: int, offset: int
) -> None:
    """rules §2: active on D when start <= D < start + months (calendar months)."""
    deal = contract("500", months=months, start=start)
    day = start + timedelta(days=offset)
    client = Client(name="C", contracts=(deal,))
    expected = start <= day < add_months(start, months)
    assert is_under_contract(client, day, DEFAULT_TARIFF) is expected


def test_status_date_is_local_date_of_earliest_start() -> None:
    """rules §2: 23:30 UTC on 31 May is 1 June in Paris: the status date is 1 June."""
    start = datetime(2025, 5, 31, 23, 30, tzinfo=UTC)
    late = WorkPeriod(start=start + timedelta(days=3), end=start + timedelta(days=3, hours=1))
    early = WorkPeriod(start=start, end=start + timedelta(hours=1))
    intervention = Intervention(work=(late, early))
    assert status_date(intervention, DEFAULT_TARIFF) == date(2025, 6, 1)


@given(
    interventions(),
    st.sampled_from(("Europe/Paris", "America/Cayenne", "Indian/Reunion", "Pacific/Noumea")),
)
def test_quote_status_date_is_the_local_date_in_the_tariffs_zone(
    intervention: Intervention, zone: str
) -> None:
    """rules §2: the status date is the earliest start's date on the tariff's clock. The quote
    reads that clock from its business-hours table rather than looking the zone up again: the
    date must be the same as the one found from the tariff's zone name."""
    tariff = DEFAULT_TARIFF.replace(timezone=zone, version=f"zone-{zone}")
    first = min(s.start for s in (*intervention.work, *intervention.travel))
    expected = first.astimezone(ZoneInfo(zone)).date()
    assert status_date(intervention, tariff) == expected
    assert quote(intervention, NO_CONTRACT, tariff=tariff).status_date == expected
