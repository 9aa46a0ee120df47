"""Splitting time into business and off-hours segments (Art. 3, SPEC §3–4).

A span ``[start, end)`` becomes maximal segments that are entirely business hours or entirely
off-hours. Only the business days inside the span are visited (the calendar finds them by
bisection), so the cost is proportional to the number of segments returned.

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

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from .calendar import BusinessCalendar

__all__ = ["Segment", "split"]


@dataclass(frozen=True, slots=True)
class Segment:
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
        return Decimal(self.microseconds) / 1_000_000


def split(start: datetime, end: datetime, calendar: BusinessCalendar) -> tuple[Segment, ...]:
    """Split ``[start, end)`` into maximal business / off-hours segments, in order, in UTC.

    ``start`` and ``end`` must be aware; they are compared in UTC (``end`` after ``start``).
    """
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    if end <= start:
        return ()
    segments: list[Segment] = []
    cursor = start
    first, last = calendar.local_date(start), calendar.local_date(end)
    for day in calendar.business_days(first, last):
        opens, closes = calendar.window(day)
        if closes <= cursor or opens >= end:
            continue
        if opens > cursor:
            segments.append(Segment(cursor, opens, off_hours=True))
            cursor = opens
        stop = min(closes, end)
        segments.append(Segment(cursor, stop, off_hours=False))
        cursor = stop
    if cursor < end:
        segments.append(Segment(cursor, end, off_hours=True))
    return tuple(segments)
