"""Properties of the business / off-hours split (Art. 3) and of quarter-hour rounding (Art. 5).

The oracle here is written independently of the library: a minute is business time when its
Paris wall time is Monday–Friday, 08:00–19:00, on a day that is not a French public holiday.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ouitec_terms import (
    DEFAULT_TARIFF,
    billed_minutes,
    business_and_off_hours,
    round_segment,
    split,
    windows_for,
)
from strategies import FRENCH_HOLIDAYS, PARIS, in_zone, instants, spans, zones

WINDOWS = windows_for(DEFAULT_TARIFF)
ONE_US = timedelta(microseconds=1)


def is_business(moment: datetime) -> bool:
    """The oracle: is this instant inside business hours (Art. 3)?"""
    local = moment.astimezone(PARIS)
    return (
        local.isoweekday() <= 5
        and local.date() not in FRENCH_HOLIDAYS
        and time(8) <= local.time() < time(19)
    )


def change_points(start: datetime, end: datetime) -> list[datetime]:
    """Every instant in ``(start, end)`` where the oracle could change its answer."""
    points = []
    day = start.astimezone(PARIS).date() - timedelta(days=1)
    while day <= end.astimezone(PARIS).date():
        for clock in (time(0), time(8), time(19)):
            instant = datetime.combine(day, clock, PARIS).astimezone(UTC)
            if start < instant < end:
                points.append(instant)
        day += timedelta(days=1)
    return points


@given(spans())
def test_segments_tile_the_span(span: tuple[datetime, datetime]) -> None:
    """Segments cover ``[start, end)`` exactly, in order, without gap or overlap (rules §4)."""
    start, end = span
    parts = split(start, end, WINDOWS)
    assert parts[0].start == start
    assert parts[-1].end == end
    for before, after in pairwise(parts):
        assert before.end == after.start
    assert all(p.start < p.end for p in parts)


@given(spans())
def test_segments_never_straddle_a_boundary(span: tuple[datetime, datetime]) -> None:
    """Art. 3: a segment never straddles 08:00, 19:00, a weekend or a holiday edge.

    The oracle's answer is constant between its change points, so checking the segment's start
    and every change point inside it proves the whole segment is of one kind.
    """
    for part in split(*span, WINDOWS):
        assert is_business(part.start) is not part.off_hours
        for instant in change_points(part.start, part.end):
            assert is_business(instant) is not part.off_hours


@given(spans())
def test_segments_are_maximal(span: tuple[datetime, datetime]) -> None:
    """rules §4: segments are maximal, so two neighbours are never of the same kind."""
    parts = split(*span, WINDOWS)
    for before, after in pairwise(parts):
        assert before.off_hours is not after.off_hours


@given(spans(), zones, zones)
def test_split_ignores_the_input_time_zone(
    span: tuple[datetime, datetime], zone_a: object, zone_b: object
) -> None:
    """rules §3: times are judged in the tariff's zone whatever offset the input carries."""
    start, end = span
    assert split(start, end, WINDOWS) == split(
        in_zone(start, zone_a),  # type: ignore[arg-type]
        in_zone(end, zone_b),  # type: ignore[arg-type]
        WINDOWS,
    )


@given(spans())
def test_rounded_segment_is_started_quarter_hours(span: tuple[datetime, datetime]) -> None:
    """Art. 5: every started quarter hour is due: billed is the multiple of 15 min at or just
    above the raw time, so it is never less and never 15 min or more above."""
    for part in split(*span, WINDOWS):
        rounded = round_segment(part, step_minutes=15)
        raw_minutes = rounded.raw_seconds / 60
        assert rounded.billed_minutes % 15 == 0
        assert raw_minutes <= rounded.billed_minutes < raw_minutes + 15


@given(st.integers(1, 10**12))
def test_billed_minutes_is_the_ceiling(microseconds: int) -> None:
    """Art. 5: ``ceil(s / 900) * 15``; an exact quarter hour stays itself."""
    minutes = billed_minutes(microseconds, step_minutes=15)
    quarter = 900 * 1_000_000
    assert minutes == -(-microseconds // quarter) * 15
    assert billed_minutes(minutes * 60 * 1_000_000, step_minutes=15) == minutes


@given(instants(), st.integers(1, 300 * 24 * 60))
def test_split_cost_is_proportional_to_segments(start: datetime, minutes: int) -> None:
    """Issue 2: segmenting visits only the business windows inside the span, never minute by
    minute nor day by day.

    The window table finds the windows that overlap the span by two bisections and ``split``
    visits each once; each yields exactly one business segment, so the windows it visits equal
    the business segments it returns; nights, weekends and holidays cost nothing.
    """
    end = start + timedelta(minutes=minutes)
    visited = len(WINDOWS.edges_within(start, end)) // 2
    parts = split(start, end, WINDOWS)
    business = sum(1 for p in parts if not p.off_hours)
    assert visited == business
    assert len(parts) <= 2 * business + 1


@given(spans())
def test_totals_in_closed_form_equal_the_segments(span: tuple[datetime, datetime]) -> None:
    """business_and_off_hours (two bisections) equals the raw time of split()'s segments."""
    business, off = business_and_off_hours(*span, WINDOWS)
    parts = split(*span, WINDOWS)
    assert business == sum((p.end - p.start for p in parts if not p.off_hours), timedelta(0))
    assert off == sum((p.end - p.start for p in parts if p.off_hours), timedelta(0))


@pytest.mark.parametrize("zone", ["Europe/Paris", "Pacific/Kiritimati", "Pacific/Pago_Pago"])
@pytest.mark.parametrize(
    ("start", "hours"),
    [
        ((2025, 12, 30, 20), 60),
        ((2025, 12, 31, 9), 20),
        ((2026, 1, 1, 0), 30),
        ((2025, 6, 3, 7), 5),
    ],
)
def test_the_year_by_year_table_is_the_whole_table(
    zone: str, start: tuple[int, int, int, int], hours: int
) -> None:
    """The windows are built year by year on first use (D80); whatever the span — across New
    Year, in a zone 14 hours ahead of UTC or 11 behind — its edges and business time are those
    the whole table of 1970–2100 gives, found by bisecting it."""
    from bisect import bisect_left, bisect_right  # noqa: PLC0415

    from ouitec_terms.rules.windows import _build  # noqa: PLC0415

    tariff = DEFAULT_TARIFF.replace(timezone=zone, holiday_country="FR")
    windows = windows_for(tariff)
    fresh = _build.__wrapped__(windows.days, zone, tariff.business_start, tariff.business_end)
    begin = datetime(*start, tzinfo=UTC)
    finish = begin + timedelta(hours=hours)
    assert set(fresh.years) == set()
    got = fresh.edges_within(begin, finish), fresh.business_time(begin, finish)
    assert set(fresh.years) <= set(range(begin.year - 1, finish.year + 2))
    opens, closes, edges = windows.opens, windows.closes, windows.edges
    first = bisect_right(closes, begin)
    last = bisect_left(opens, finish, first)
    overlapping = zip(opens[first:last], closes[first:last], strict=True)
    expected_time = sum((min(c, finish) - max(o, begin) for o, c in overlapping), timedelta(0))
    assert got == (edges[2 * first : 2 * last], expected_time)
