"""Columnar repricing of hourly work: many single-period interventions at once (``batch`` extra).

``price_hourly_batch(starts, ends, under_contract, tariff=...)`` takes arrays of UTC instants and
returns, per row, the billed business and off-hours minutes and the amount HT, exactly what
[`quote`][ouitec_terms.assembly.quote.quote] gives for one work period in hourly mode (no travel, no
included hours, no devis). It never builds a segment: the business time of ``[start, end)`` is read
from a cumulative table of the calendar's business windows, and only the first and last segment of a
row need rounding up — every segment in between runs from one window edge to the next and is a whole
number of quarter hours already (window edges fall on quarter hours).

```pycon
>>> import numpy as np
>>> starts = np.array(["2025-03-14T17:40", "2025-05-01T08:00"], dtype="datetime64[us]")
>>> ends = np.array(["2025-03-14T18:25", "2025-05-01T09:05"], dtype="datetime64[us]")
>>> result = price_hourly_batch(starts, ends, np.array([True, False]))
>>> result.business_minutes.tolist(), result.off_hours_minutes.tolist()
([30, 0], [30, 75])
>>> result.amounts_ht()
[Decimal('82.50'), Decimal('135.00')]

```

Needs ``pip install 'ouitec-terms[batch]'`` (numpy).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from .boundary.limits import FIRST_YEAR, LAST_YEAR
from .boundary.scalars import EARLIEST, LATEST, MAX_SPAN
from .boundary.tariff import DEFAULT_TARIFF, Tariff
from .errors import BatchError
from .money import in_library_context
from .rules.windows import windows_for

__all__ = ["HourlyBatch", "price_hourly_batch", "started_steps_array"]

_US = 1_000_000
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True, kw_only=True)
class HourlyBatch:
    """Per-row results of [`price_hourly_batch`][ouitec_terms.batch.price_hourly_batch] (numpy
    arrays, one entry per row)."""

    business_minutes: IntArray
    """Billed business-hours minutes of each row."""
    off_hours_minutes: IntArray
    """Billed off-hours minutes of each row."""
    amount_ht_cents: IntArray
    """Each row's amount HT, in cents."""

    @in_library_context
    def amounts_ht(self) -> list[Decimal]:
        """The amounts HT as Decimals in euros, to the cent."""
        return [Decimal(int(c)).scaleb(-2) for c in self.amount_ht_cents]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Table:
    """The calendar's business windows over a date range, laid out for array lookups.

    ``edges`` lists every window's opening and closing instant (UTC µs), strictly increasing;
    ``cumulative[w]`` is the business time before window ``w``. Per local day ``d`` (counted
    from ``first_day``), ``before[d]`` is the number of edges before that day and ``opens[d]``
    / ``closes[d]`` its window (``INT64_MAX`` on days without one).
    """

    first_day: int  # days since 1970-01-01 of the table's first local day
    offset: int  # µs added to a UTC instant to read its local day (the zone's standard offset)
    edges: IntArray
    cumulative: IntArray
    before: IntArray
    opens: IntArray
    closes: IntArray


_DAY = 86_400 * _US
_NEVER = np.iinfo(np.int64).max


@lru_cache(maxsize=16)
def _table(tariff: Tariff) -> _Table:
    """The window table of ``tariff`` (the one [`split`][ouitec_terms.rules.segments.split] uses),
    as arrays."""
    windows = windows_for(tariff)
    first = date(FIRST_YEAR, 1, 1)
    standard = datetime(FIRST_YEAR, 1, 1, 12, tzinfo=windows.tz).utcoffset() or timedelta(0)
    if tariff.business_start.hour < 1 or tariff.business_end.hour >= 23:
        raise BatchError(
            "the batch path needs business windows between 01:00 and 23:00 local time; "
            "use quote() for this tariff"
        )
    days = date(LAST_YEAR, 12, 31).toordinal() - first.toordinal() + 1
    opens = np.full(days, _NEVER, dtype=np.int64)
    closes = np.full(days, _NEVER, dtype=np.int64)
    index = np.array(windows.ordinals, dtype=np.int64) - first.toordinal()
    one = timedelta(microseconds=1)
    opens[index] = [(moment - _EPOCH) // one for moment in windows.opens]
    closes[index] = [(moment - _EPOCH) // one for moment in windows.closes]
    business = opens != _NEVER
    edges = np.column_stack((opens[business], closes[business])).ravel()
    step = tariff.rounding_minutes * 60 * _US
    if (edges % step).any():
        raise BatchError(
            "the batch path needs business windows that open and close on whole rounding "
            f"steps of {tariff.rounding_minutes} min in UTC; use quote() for this tariff"
        )
    cumulative = np.array([t // one for t in windows.before], dtype=np.int64)
    before = np.concatenate(([0], np.cumsum(business.astype(np.int64) * 2)[:-1]))
    return _Table(
        first_day=(first - date(1970, 1, 1)).days,
        offset=standard // one,
        edges=edges,
        cumulative=cumulative,
        before=before.astype(np.int64),
        opens=opens,
        closes=closes,
    )


def started_steps_array(microseconds: IntArray, step_microseconds: int) -> IntArray:
    """The vectorised twin of [`started_steps`][ouitec_terms.rules.rounding.started_steps] (Art. 5):
    every started step is due. Property-tested equal to it."""
    return np.asarray(-(-microseconds // step_microseconds), dtype=np.int64)


def _step_prices(tariff: Tariff) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """Cents per rounding step: (business, off-hours) × (not under contract, under contract)."""
    prices = []
    for under in (False, True):
        rate = tariff.rates(under_contract=under).hourly
        for factor in (Decimal(1), 1 + tariff.off_hours_surcharge):
            cents = rate * factor * tariff.rounding_minutes * 100 / 60
            if cents != cents.to_integral_value():
                raise BatchError(
                    f"a {tariff.rounding_minutes}-minute step costs {cents / 100} €, not a whole "
                    "number of cents, so lines round one by one: use quote() for this tariff"
                )
            prices.append(cents)
    return prices[0], prices[1], prices[2], prices[3]


def _instants(values: Any, name: str) -> IntArray:
    array = np.asarray(values)
    if array.dtype.kind == "M":
        return array.astype("datetime64[us]").astype(np.int64)
    if array.dtype == object and all(isinstance(v, datetime) for v in array.flat):
        if any(v.tzinfo is None for v in array.flat):
            raise BatchError(f"{name}: naive datetimes; give aware ones or UTC datetime64")
        return np.array([(v - _EPOCH) // timedelta(microseconds=1) for v in array.flat])
    raise BatchError(f"{name}: give numpy datetime64 (UTC) or aware datetimes")


@in_library_context
def price_hourly_batch(
    starts: Any, ends: Any, under_contract: Any, *, tariff: Tariff = DEFAULT_TARIFF
) -> HourlyBatch:
    """Billed minutes and amount HT of one hourly work period per row (Art. 3, Art. 5).

    ``starts`` and ``ends`` are UTC instants (numpy ``datetime64`` or aware datetimes), each end
    after its start and at most 366 days later; ``under_contract`` is a boolean per row.
    """
    start, end = _instants(starts, "starts"), _instants(ends, "ends")
    contract = np.asarray(under_contract, dtype=bool)
    if not start.shape == end.shape == contract.shape or start.ndim != 1:
        raise BatchError("starts, ends and under_contract must be 1-D and of one length")
    if start.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return HourlyBatch(business_minutes=empty, off_hours_minutes=empty, amount_ht_cents=empty)
    length = end - start
    if (length <= 0).any() or (length > MAX_SPAN // timedelta(microseconds=1)).any():
        row = int(np.argmax((length <= 0) | (length > MAX_SPAN // timedelta(microseconds=1))))
        raise BatchError(f"row {row}: the end must be after the start and at most 366 days later")
    earliest = (EARLIEST - _EPOCH) // timedelta(microseconds=1)
    latest = (LATEST - _EPOCH) // timedelta(microseconds=1)
    if start.min() < earliest or end.max() > latest:
        raise BatchError(
            f"instants must fall within {EARLIEST.year}–{LATEST.year}, the years the library prices"
        )
    table = _table(tariff)
    step = tariff.rounding_minutes * 60 * _US
    edges = table.edges

    def day_window(t: IntArray) -> tuple[IntArray, IntArray, IntArray]:
        """Per instant: the edges before its local day, and that day's opening and closing
        (no binary search: a day lookup). Read with the zone's standard offset, the local day
        can be one off within an hour of midnight, when no window edge is near: the counts
        are the same either way.
        """
        day = (t + table.offset) // _DAY - table.first_day
        return table.before[day], table.opens[day], table.closes[day]

    def business_before(t: IntArray, k: IntArray) -> IntArray:
        inside = (k % 2) == 1
        return np.asarray(
            table.cumulative[k // 2] + np.where(inside, t - edges[np.maximum(k - 1, 0)], 0),
            dtype=np.int64,
        )

    before, opens, closes = day_window(start)
    i_start = before + (start >= opens) + (start >= closes)  # odd: the start is in business hours
    before, opens, closes = day_window(end)
    i_end = before + (end > opens) + (end > closes)  # edges strictly before the end
    i_end_right = before + (end >= opens) + (end >= closes)
    business = business_before(end, i_end_right) - business_before(start, i_start)
    # Only the first and the last segment of a row can end off a step: what rounding them up
    # adds goes to business or off-hours time with the segment (a row of one segment has no
    # last one: its tail is 0 and adds nothing).
    single = i_end <= i_start  # no edge inside (start, end): one segment
    head = np.where(single, length, edges[np.minimum(i_start, edges.size - 1)] - start)
    tail = np.where(single, 0, end - edges[np.maximum(i_end - 1, 0)])
    head_extra = started_steps_array(head, step) * step - head
    tail_extra = started_steps_array(tail, step) * step - tail
    start_business = (i_start % 2) == 1
    end_business = (i_end % 2) == 1  # the last segment [last edge, end) is business
    business_billed = (
        business + np.where(start_business, head_extra, 0) + np.where(end_business, tail_extra, 0)
    )
    business_steps = business_billed // step
    off_steps = (length + head_extra + tail_extra - business_billed) // step
    b_free, o_free, b_contract, o_contract = (int(p) for p in _step_prices(tariff))
    cents = business_steps * np.where(contract, b_contract, b_free) + off_steps * np.where(
        contract, o_contract, o_free
    )
    minutes = step // (60 * _US)
    return HourlyBatch(
        business_minutes=(business_steps * minutes).astype(np.int64),
        off_hours_minutes=(off_steps * minutes).astype(np.int64),
        amount_ht_cents=cents.astype(np.int64),
    )
