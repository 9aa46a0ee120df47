"""Business hours as one frozen table of UTC instants (Art. 3).

Business hours are Monday to Friday, ``[08:00, 19:00)`` local wall time in the tariff's time zone,
except public holidays. [`BusinessWindows`][ouitec_terms.rules.windows.BusinessWindows] holds every
business window of the covered years (1970–2100) as UTC instants — opening and closing, interleaved
— with the business time before each window. It is built once per tariff and place, never changes,
and is shared by [`split`][ouitec_terms.rules.segments.split],
[`business_and_off_hours`][ouitec_terms.rules.segments.business_and_off_hours] and the columnar
batch path. Finding the windows of a span costs two bisections, whatever its length.

```pycon
>>> from datetime import UTC, datetime
>>> from ouitec_terms import DEFAULT_TARIFF
>>> table = windows_for(DEFAULT_TARIFF)
>>> [t.isoformat() for t in table.edges_within(datetime(2025, 5, 1, tzinfo=UTC),
...                                             datetime(2025, 5, 3, tzinfo=UTC))]
['2025-05-02T06:00:00+00:00', '2025-05-02T17:00:00+00:00']

```
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from itertools import accumulate
from zoneinfo import ZoneInfo

from ouitec_terms.boundary.tariff import Tariff

from .calendar import HolidayCalendar, calendar_for, subdivision_for

__all__ = ["BusinessWindows", "wall_instant", "windows_for"]


@dataclass(frozen=True, slots=True, eq=False, kw_only=True)
class BusinessWindows:
    """Every business window of one tariff and place as UTC instants, with cumulative time.

    ``opens[k]`` and ``closes[k]`` bound window ``k`` (one per business day, in order);
    ``edges`` interleaves them; ``before[k]`` is the business time before window ``k``.
    Get one with [`windows_for`][ouitec_terms.rules.windows.windows_for].
    """

    days: HolidayCalendar
    """The day lookups (holidays, business days) the windows were built from."""
    tz: ZoneInfo
    """The time zone business hours are judged in."""
    ordinals: tuple[int, ...]
    """The date ordinal of each window's day (a business day whose window is not wholly in a
    skipped hour)."""
    opens: tuple[datetime, ...]
    """Opening instant of each window, UTC, in order."""
    closes: tuple[datetime, ...]
    """Closing instant of each window, UTC."""
    edges: tuple[datetime, ...]
    """Opens and closes interleaved."""
    before: tuple[timedelta, ...]
    """Business time before each window (cumulative)."""
    start: time = time(8)
    """The wall time windows open at."""
    end: time = time(19)
    """The wall time windows close at."""

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled as what it is built from; unpickling builds (or reuses) the cached table."""
        return _build, (self.days, self.tz.key, self.start, self.end)

    def edges_within(self, start: datetime, end: datetime) -> tuple[datetime, ...]:
        """The opening and closing instants (UTC) of the windows that overlap ``[start, end)``,
        interleaved: ``(open₁, close₁, open₂, close₂, …)``. ``start`` and ``end`` are UTC."""
        first = bisect_right(self.closes, start)
        last = bisect_left(self.opens, end, first)
        return self.edges[2 * first : 2 * last]

    def business_time(self, start: datetime, end: datetime) -> timedelta:
        """The business time inside ``[start, end)`` (UTC datetimes), in closed form."""
        opens, closes = self.opens, self.closes
        first = bisect_right(closes, start)
        last = bisect_left(opens, end, first)
        if first == last:
            return timedelta(0)
        total = self.before[last] - self.before[first]
        if start > opens[first]:
            total -= start - opens[first]
        if end < closes[last - 1]:
            total -= closes[last - 1] - end
        return total

    def local_date(self, moment: datetime) -> date:
        """The date of ``moment`` on the local wall calendar of this time zone."""
        return moment.astimezone(self.tz).date()


def wall_instant(day: date, wall: time, tz: ZoneInfo) -> datetime:
    """The UTC instant a business window's edge ``wall`` names on ``day`` (D64).

    A wall time the clock shows twice (the autumn change) is its first occurrence; a wall time
    the clock skips (the spring change) is the instant the clock jumps over it, the first instant
    whose wall time is past it. Both keep the edges in order: a window is never negative, and a
    window that lies wholly in the skipped hour is empty that day.

    ```pycon
    >>> paris = ZoneInfo("Europe/Paris")
    >>> wall_instant(date(2025, 3, 30), time(2, 15), paris).isoformat()
    '2025-03-30T01:00:00+00:00'
    >>> wall_instant(date(2025, 3, 30), time(3, 0), paris).isoformat()
    '2025-03-30T01:00:00+00:00'

    ```
    """
    naive = datetime.combine(day, wall)
    offset = tz.utcoffset(naive)
    after = tz.utcoffset(naive.replace(fold=1))
    if offset is None or after is None or after <= offset:
        # the wall time exists: once, or twice (the autumn change, fold 0 is the first)
        return (naive - (offset or timedelta(0))).replace(tzinfo=UTC)
    # Skipped (spring): with the offset before the jump the instant lands past it, with the
    # offset after it lands ahead of it. The jump lies between: find its minute.
    low, high = (naive - after).replace(tzinfo=UTC), (naive - offset).replace(tzinfo=UTC)
    while high - low > timedelta(minutes=1):
        middle = low + (high - low) / 2
        middle -= timedelta(seconds=middle.second, microseconds=middle.microsecond)
        if middle <= low:
            break
        if middle.astimezone(tz).replace(tzinfo=None) >= naive:
            high = middle
        else:
            low = middle
    return high


@lru_cache(maxsize=64)
def _build(days: HolidayCalendar, timezone: str, start: time, end: time) -> BusinessWindows:
    tz = ZoneInfo(timezone)
    ordinals, opens, closes = [], [], []
    for n in days.business_ordinals:
        day = date.fromordinal(n)
        opening, closing = wall_instant(day, start, tz), wall_instant(day, end, tz)
        if closing > opening:  # a window wholly in the skipped hour is no window that day
            ordinals.append(n)
            opens.append(opening)
            closes.append(closing)
    lengths = (c - o for o, c in zip(opens, closes, strict=True))
    return BusinessWindows(
        days=days,
        tz=tz,
        ordinals=tuple(ordinals),
        opens=tuple(opens),
        closes=tuple(closes),
        edges=tuple(moment for pair in zip(opens, closes, strict=True) for moment in pair),
        before=tuple(accumulate(lengths, initial=timedelta(0))),
        start=start,
        end=end,
    )


_last: tuple[Tariff, str | None, BusinessWindows] | None = None
"""The last tariff, subdivision and windows asked for: a pipeline prices many interventions under
one tariff, and finding its windows again costs more than pricing a short one."""


def windows_for(tariff: Tariff, *, subdivision: str | None = None) -> BusinessWindows:
    """The (cached) business windows of ``tariff``, for its place or ``subdivision`` (D6)."""
    global _last  # noqa: PLW0603 - a one-entry memo, replaced as a whole
    last = _last
    if last is not None and last[0] is tariff and last[1] == subdivision:
        return last[2]
    days = calendar_for(tariff, subdivision=subdivision_for(tariff, subdivision))
    windows = _build(days, tariff.timezone, tariff.business_start, tariff.business_end)
    _last = (tariff, subdivision, windows)
    return windows
