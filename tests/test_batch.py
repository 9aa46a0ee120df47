"""The columnar path (`batch` extra) equals quote() row by row (Art. 3, Art. 5)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ouitec_terms import DEFAULT_TARIFF, Intervention, OuitecTermsError, WorkPeriod, quote
from ouitec_terms.batch import price_hourly_batch, started_steps_array
from ouitec_terms.rules.rounding import started_steps
from strategies import NO_CONTRACT, UNDER_CONTRACT, durations, instants

rows = st.tuples(instants(), durations, st.booleans())


def as_datetime64(moments: list[datetime]) -> npt.NDArray[np.datetime64]:
    return np.array([m.astimezone(UTC).replace(tzinfo=None) for m in moments], "datetime64[us]")


@given(st.lists(rows, min_size=100, max_size=100))
@settings(max_examples=100)
def test_batch_equals_quote_on_every_row(batch: list[tuple[datetime, timedelta, bool]]) -> None:
    """100 examples × 100 rows = 10 000 rows, on DST days, holidays and the 08:00/19:00 edges:
    the batch path bills the same business and off-hours minutes and the same HT as quote()."""
    starts = [start for start, _, _ in batch]
    ends = [start + length for start, length, _ in batch]
    contract = [under for _, _, under in batch]
    result = price_hourly_batch(as_datetime64(starts), as_datetime64(ends), np.array(contract))
    amounts = result.amounts_ht()
    for n, (start, end, under) in enumerate(zip(starts, ends, contract, strict=True)):
        job = Intervention(work=(WorkPeriod(start=start, end=end),))
        expected = quote(job, UNDER_CONTRACT if under else NO_CONTRACT)
        business = sum(line.billed_minutes for line in expected.lines if not line.off_hours)
        off = sum(line.billed_minutes for line in expected.lines if line.off_hours)
        assert (int(result.business_minutes[n]), int(result.off_hours_minutes[n])) == (
            business,
            off,
        )
        assert amounts[n] == expected.total_ht


def test_batch_accepts_aware_datetimes() -> None:
    """Aware datetimes work as well as UTC datetime64."""
    start = datetime(2025, 3, 14, 17, 40, tzinfo=UTC)
    result = price_hourly_batch([start], [start + timedelta(minutes=45)], [True])
    assert result.amounts_ht() == [Decimal("82.50")]


@pytest.mark.parametrize(
    ("ends_after", "message"),
    [
        (timedelta(0), "end must be after"),
        (timedelta(days=367), "366 days"),
    ],
)
def test_batch_refuses_bad_rows(ends_after: timedelta, message: str) -> None:
    """Rows follow the same rules as WorkPeriod: end after start, at most 366 days."""
    start = datetime(2025, 3, 14, 17, 40, tzinfo=UTC)
    with pytest.raises(OuitecTermsError, match=message):
        price_hourly_batch([start], [start + ends_after], [True])


def test_batch_refuses_instants_outside_the_priced_years() -> None:
    """Like WorkPeriod, the batch path prices instants from 1970 to 2200 only."""
    start = datetime(2300, 1, 1, tzinfo=UTC)
    with pytest.raises(OuitecTermsError, match="1970–2100"):
        price_hourly_batch([start], [start + timedelta(hours=1)], [True])


def test_batch_refuses_a_tariff_whose_quarter_hours_round() -> None:
    """With a rate whose quarter hour is not a whole number of cents, lines round one by one:
    the batch path says so rather than give a different total."""
    odd = DEFAULT_TARIFF.replace(
        not_under_contract=DEFAULT_TARIFF.not_under_contract.model_copy(
            update={"hourly": Decimal("90.01")}
        )
    )
    start = datetime(2025, 3, 14, 9, tzinfo=UTC)
    with pytest.raises(OuitecTermsError, match="use quote"):
        price_hourly_batch([start], [start + timedelta(hours=1)], [False], tariff=odd)


def test_batch_of_nothing_is_empty() -> None:
    """No rows, no results."""
    empty = np.array([], dtype="datetime64[us]")
    result = price_hourly_batch(empty, empty, np.array([], dtype=bool))
    assert result.amount_ht_cents.size == 0


@given(st.lists(st.integers(0, 10**13), min_size=1, max_size=50), st.sampled_from((6, 15, 30, 60)))
def test_vectorised_ceiling_equals_the_rule(microseconds: list[int], step_minutes: int) -> None:
    """Art. 5 is written once (``rounding.started_steps``); the batch path's vectorised twin
    gives the same number of started steps for every duration."""
    step = step_minutes * 60_000_000
    got = started_steps_array(np.array(microseconds, dtype=np.int64), step).tolist()
    assert got == [started_steps(us, step) for us in microseconds]
