"""Splitting time into business and off-hours segments (Art. 3, rules §3–4).

A span ``[start, end)`` becomes maximal segments that are entirely business hours or entirely
off-hours. Only the business windows that overlap the span are visited (found by two
bisections in the frozen window table), so the cost is proportional to the number of segments
returned.

```pycon
>>> from datetime import datetime
>>> from zoneinfo import ZoneInfo
>>> from ouitec_terms import DEFAULT_TARIFF, windows_for
>>> paris = ZoneInfo("Europe/Paris")
>>> parts = split(datetime(2025, 3, 14, 18, 40, tzinfo=paris),
...               datetime(2025, 3, 14, 19, 25, tzinfo=paris), windows_for(DEFAULT_TARIFF))
>>> [(p.off_hours, int(p.seconds)) for p in parts]
[(False, 1200), (True, 1500)]

```
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from ouitec_terms.money import LIBRARY_CONTEXT

from .windows import BusinessWindows

__all__ = ["Piece", "Segment", "business_and_off_hours", "pieces", "split"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Segment:
    """Real time ``[start, end)`` (UTC), entirely in or entirely out of business hours."""

    start: datetime
    """Start, UTC."""
    end: datetime
    """End, UTC."""
    off_hours: bool
    """Whether the segment is outside business hours (Art. 3)."""

    @property
    def microseconds(self) -> int:
        """Real elapsed time in whole microseconds (exact)."""
        delta = self.end - self.start
        return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds

    @property
    def seconds(self) -> Decimal:
        """Real elapsed time in seconds, exact to the microsecond."""
        return Decimal(self.microseconds).scaleb(-6, LIBRARY_CONTEXT)


Piece = tuple[datetime, datetime, bool]
"""A piece of a span: its start and end (UTC) and whether it is off-hours."""


def pieces(start: datetime, end: datetime, windows: BusinessWindows) -> list[Piece]:
    """``[start, end)`` cut at the edges of the business windows it overlaps, in order: the segments
    of [`split`][ouitec_terms.rules.segments.split] as plain ``(start, end, off_hours)`` tuples
    (UTC)."""
    if start.tzinfo is not UTC:
        start = start.astimezone(UTC)
    if end.tzinfo is not UTC:
        end = end.astimezone(UTC)
    if end <= start:
        return []
    edges = windows.edges_within(start, end)
    result: list[Piece] = []
    append = result.append
    cursor = start
    for k in range(0, len(edges), 2):
        opens, closes = edges[k], edges[k + 1]
        if opens > cursor:
            append((cursor, opens, True))
            cursor = opens
        stop = closes if closes < end else end
        append((cursor, stop, False))
        cursor = stop
    if cursor < end:
        append((cursor, end, True))
    return result


def split(start: datetime, end: datetime, windows: BusinessWindows) -> tuple[Segment, ...]:
    """Split ``[start, end)`` into maximal business / off-hours segments, in order, in UTC.

    ``start`` and ``end`` must be aware; they are compared in UTC (``end`` after ``start``).
    """
    return tuple(
        Segment(start=a, end=b, off_hours=off) for a, b, off in pieces(start, end, windows)
    )


def business_and_off_hours(
    start: datetime, end: datetime, windows: BusinessWindows
) -> tuple[timedelta, timedelta]:
    """The business time and the off-hours time of ``[start, end)``, without the segments.

    The raw totals ``split`` would add up to, in closed form (two bisections), for callers who
    need only the totals (before rounding: billing rounds each segment, see ``rounding``).

    ```pycon
    >>> from datetime import datetime
    >>> from zoneinfo import ZoneInfo
    >>> from ouitec_terms import DEFAULT_TARIFF, windows_for
    >>> paris = ZoneInfo("Europe/Paris")
    >>> business_and_off_hours(datetime(2025, 3, 14, 18, 40, tzinfo=paris),
    ...                        datetime(2025, 3, 17, 9, 25, tzinfo=paris),
    ...                        windows_for(DEFAULT_TARIFF))
    (datetime.timedelta(seconds=6300), datetime.timedelta(days=2, seconds=46800))

    ```
    """
    if start.tzinfo is not UTC:
        start = start.astimezone(UTC)
    if end.tzinfo is not UTC:
        end = end.astimezone(UTC)
    if end <= start:
        return timedelta(0), timedelta(0)
    business = windows.business_time(start, end)
    return business, (end - start) - business
