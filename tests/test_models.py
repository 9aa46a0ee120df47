"""Validation of the inputs (rules §4): what a model refuses, and that the message says why."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from ouitec_terms import (
    Client,
    Contract,
    Intervention,
    InvalidAmountError,
    Service,
    TravelLeg,
    WorkPeriod,
    to_decimal,
)
from ouitec_terms.boundary.scalars import add_months
from strategies import PARIS

T0 = datetime(2025, 3, 11, 9, tzinfo=PARIS)


def period(start: datetime, minutes: int) -> WorkPeriod:
    return WorkPeriod(start=start, end=start + timedelta(minutes=minutes))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"start": datetime(2025, 3, 11, 9), "end": T0}, "timezone"),  # noqa: DTZ001
        ({"start": T0, "end": T0}, "not after start"),
        ({"start": T0, "end": T0 - timedelta(minutes=1)}, "not after start"),
        ({"start": T0, "end": T0 + timedelta(days=367)}, "more than 366 days"),
        ({"start": T0, "end": T0 + timedelta(hours=1), "colour": "red"}, "Extra inputs"),
    ],
    ids=["naive", "empty", "backwards", "too-long", "unknown-field"],
)
def test_bad_work_period_is_refused_with_its_reason(fields: dict[str, Any], message: str) -> None:
    """rules §4: tz-aware datetimes, end after start, at most 366 days, known fields only."""
    with pytest.raises(ValidationError, match=message):
        WorkPeriod.model_validate(fields)


def test_366_days_is_accepted() -> None:
    """rules §4: a period may last 366 days exactly (a leap year of work)."""
    assert WorkPeriod(start=T0, end=T0 + timedelta(days=366)).duration == timedelta(days=366)


@pytest.mark.parametrize("value", [0.636, float("nan"), True, "abc", "Infinity", "-1", [1]])
def test_travel_distance_must_be_exact_non_negative(value: object) -> None:
    """Money and distances are exact: floats, booleans, non-numbers and negatives are refused."""
    with pytest.raises(ValidationError):
        TravelLeg(start=T0, end=T0 + timedelta(hours=1), distance_km=value)  # type: ignore[arg-type]


def test_float_message_says_how_to_fix() -> None:
    """The float refusal names the value and the fix (a string or a Decimal)."""
    with pytest.raises(InvalidAmountError, match=r"0\.636 is a float.*'0\.636'"):
        to_decimal(0.636)


@pytest.mark.parametrize("value", ["1e12", "0.0000001"])
def test_absurd_amounts_are_refused(value: str) -> None:
    """Inputs stay below 10**12 with at most 6 decimals, so no product overflows the context."""
    with pytest.raises(ValidationError):
        Contract(service=Service.SOC, monthly_commitment=value, start=date(2025, 1, 1), months=12)  # type: ignore[arg-type]


def test_overlap_is_refused_and_named() -> None:
    """rules §4: no two periods or legs overlap; the message names both."""
    leg = TravelLeg(
        start=T0 - timedelta(minutes=30), end=T0 + timedelta(minutes=5), distance_km=Decimal(5)
    )
    with pytest.raises(ValidationError, match=r"travel leg .* and work period .* overlap"):
        Intervention(work=(period(T0, 60),), travel=(leg,))


def test_touching_periods_are_fine() -> None:
    """rules §4: periods that touch (one ends when the next starts) do not overlap."""
    first = period(T0, 60)
    second = period(first.end, 30)
    assert len(Intervention(work=(second, first)).work) == 2


def test_overlap_is_judged_in_utc() -> None:
    """Offsets do not hide an overlap: 10:00+01:00 is 09:00 UTC, inside a 08:30–09:30 UTC span."""
    utc_period = WorkPeriod(
        start=datetime(2025, 3, 11, 8, 30, tzinfo=UTC),
        end=datetime(2025, 3, 11, 9, 30, tzinfo=UTC),
    )
    with pytest.raises(ValidationError, match="overlap"):
        Intervention(work=(utc_period, period(datetime(2025, 3, 11, 10, tzinfo=PARIS), 30)))


def test_nothing_to_price_is_refused() -> None:
    """rules §4: at least one work period or travel leg."""
    with pytest.raises(ValidationError, match="nothing to price"):
        Intervention()


def test_models_are_immutable() -> None:
    """Values are immutable: changes go through model_copy(update=...)."""
    client = Client(name="ACME")
    with pytest.raises(ValidationError, match="frozen"):
        client.name = "Other"  # type: ignore[misc]
    assert client.model_copy(update={"name": "Other"}).name == "Other"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"months": 0}, "greater than or equal to 1"),
        ({"monthly_commitment": "-1"}, "no sign"),
        ({"monthly_commitment": Decimal("-1")}, "negative"),
        ({"included_hours_per_month": "1.1"}, "multiple of 0.25"),
        ({"service": "plomberie"}, "Input should be"),
    ],
)
def test_bad_contract_is_refused(fields: dict[str, Any], message: str) -> None:
    """Art. 3: a contract runs at least a month, commits a non-negative amount, includes whole
    quarter hours, for a service of Art. 2."""
    base = {
        "service": "soc",
        "monthly_commitment": "500",
        "start": "2025-01-01",
        "months": 12,
    }
    with pytest.raises(ValidationError, match=message):
        Contract.model_validate({**base, **fields})


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2024, 6, 2), 12, date(2025, 6, 2)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 8, 31), 1, date(2024, 9, 30)),
        (date(2024, 12, 15), 1, date(2025, 1, 15)),
        (date(2024, 3, 31), 23, date(2026, 2, 28)),
    ],
)
def test_contract_end_clamps_to_month_end(start: date, months: int, end: date) -> None:
    """rules §2: calendar months; a day missing from the end month clamps to its last day."""
    assert add_months(start, months) == end


def test_contract_end_is_the_same_day_months_later_or_the_month_end() -> None:
    """rules §2: ``start`` plus ``months`` calendar months is that day of the end month, or the
    end month's last day when it has no such day. Checked for every start day of 2023 and 2024
    (a leap year) and every term up to 4 years, against the last day found here as the day
    before the next month's first, independently of the library's lookup of month lengths)."""
    start = date(2023, 1, 1)
    while start.year < 2025:
        for months in range(1, 49):
            year, month = divmod(start.month - 1 + months, 12)
            year, month = start.year + year, month + 1
            last_day = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
            assert add_months(start, months) == date(year, month, min(start.day, last_day))
        start += timedelta(days=1)


def test_amount_strings_keep_their_digits() -> None:
    """Decimals from strings are exact: '0.1' is one tenth, not 0.1000000000000000055…"""
    assert to_decimal("0.1") * 3 == Decimal("0.3")


@pytest.mark.parametrize(
    "moment",
    ["9999-12-31T20:00:00-05:00", "0001-01-01T00:30:00+05:00", "1969-12-31T23:00:00+00:00"],
)
def test_datetimes_outside_the_priced_years_are_refused(moment: str) -> None:
    """Instants stay within 1970–2200 (the calendar's years), even at the edge of Python's."""
    with pytest.raises(ValidationError, match="outside the years"):
        WorkPeriod.model_validate({"start": moment, "end": "2025-01-01T00:00:00Z"})
