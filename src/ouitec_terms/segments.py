"""Splitting time into business and off-hours segments (Art. 3, SPEC §3–4).

A span ``[start, end)`` becomes maximal segments that are entirely business hours or entirely
off-hours. Only the business windows that overlap the span are visited (the calendar finds them
by bisection in precomputed tables), so the cost is proportional to the number of segments
returned.

```pycon
>>> from datetime import datetime
>>> from zoneinfo import ZoneInfo
>>> from ouitec_terms import DEFAULT_TARIFF, calendar_for
>>> paris = ZoneInfo("Europe/Paris")
>>> parts = split(datetime(2025, 3, 14, 18, 40, tzinfo=paris),
...               datetime(2025, 3, 14, 19, 25, tzinfo=paris), calendar_for(DEFAULT_TARIFF))
>>> [(p.off_hours, int(p.seconds)) for p in parts]
[(False, 1200), (True, 1500)]

```
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import NamedTuple

from .calendar import BusinessCalendar
from .money import LIBRARY_CONTEXT

__all__ = ["Segment", "business_and_off_hours", "split"]


class Segment(NamedTuple):
    """Real time ``[start, end)`` (UTC), entirely in or entirely out of business hours."""

    start: datetime
    end: datetime
    off_hours: bool

    @property
    def microseconds(self) -> int:
        """Real elapsed time in whole microseconds (exact)."""
        delta = self.end - self.start
        return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds

    @property
    def seconds(self) -> Decimal:
        """Real elapsed time in seconds, exact to the microsecond."""
        return Decimal(self.microseconds).scaleb(-6, LIBRARY_CONTEXT)


def split(start: datetime, end: datetime, calendar: BusinessCalendar) -> tuple[Segment, ...]:
    """Split ``[start, end)`` into maximal business / off-hours segments, in order, in UTC.

    ``start`` and ``end`` must be aware; they are compared in UTC (``end`` after ``start``).
    """
    if start.tzinfo is not UTC:
        start = start.astimezone(UTC)
    if end.tzinfo is not UTC:
        end = end.astimezone(UTC)
    if end <= start:
        return ()
    edges = calendar.window_edges(start, end)
    segments: list[Segment] = []
    append = segments.append
    cursor = start
    for k in range(0, len(edges), 2):
        opens, closes = edges[k], edges[k + 1]
        if opens > cursor:
            append(Segment(cursor, opens, True))
            cursor = opens
        stop = closes if closes < end else end
        append(Segment(cursor, stop, False))
        cursor = stop
    if cursor < end:
        append(Segment(cursor, end, True))
    return tuple(segments)


def business_and_off_hours(
    start: datetime, end: datetime, calendar: BusinessCalendar
) -> tuple[timedelta, timedelta]:
    """The business time and the off-hours time of ``[start, end)``, without the segments.

    The raw totals ``split`` would add up to, in closed form (two bisections), for callers who
    need only the totals (before rounding: billing rounds each segment, see ``rounding``).

    ```pycon
    >>> from datetime import datetime
    >>> from zoneinfo import ZoneInfo
    >>> from ouitec_terms import DEFAULT_TARIFF, calendar_for
    >>> paris = ZoneInfo("Europe/Paris")
    >>> business_and_off_hours(datetime(2025, 3, 14, 18, 40, tzinfo=paris),
    ...                        datetime(2025, 3, 17, 9, 25, tzinfo=paris),
    ...                        calendar_for(DEFAULT_TARIFF))
    (datetime.timedelta(seconds=6300), datetime.timedelta(days=2, seconds=46800))

    ```
    """
    if start.tzinfo is not UTC:
        start = start.astimezone(UTC)
    if end.tzinfo is not UTC:
        end = end.astimezone(UTC)
    if end <= start:
        return timedelta(0), timedelta(0)
    business = calendar.business_time(start, end)
    return business, (end - start) - business
