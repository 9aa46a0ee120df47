"""Business hours as one frozen table of UTC instants (Art. 3).

Business hours are Monday to Friday, ``[08:00, 19:00)`` local wall time in the tariff's time zone,
except public holidays. [`BusinessWindows`][ouitec_terms.rules.windows.BusinessWindows] holds every
business window of the covered years (1970–2100) as UTC instants — opening and closing, interleaved
— with the business time before each window, built year by year on first use (D80); each year,
once built, never changes. It is shared by [`split`][ouitec_terms.rules.segments.split],
[`business_and_off_hours`][ouitec_terms.rules.segments.business_and_off_hours] and the columnar
batch path. Finding the windows of a span costs two bisections per year it touches, whatever
its length.

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
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from itertools import accumulate
from zoneinfo import ZoneInfo

from ouitec_terms.boundary.limits import FIRST_YEAR, LAST_YEAR
from ouitec_terms.boundary.tariff import Tariff

from .calendar import HolidayCalendar, calendar_for, subdivision_for

__all__ = ["BusinessWindows", "YearWindows", "wall_instant", "windows_for"]


@dataclass(frozen=True, slots=True, eq=False, kw_only=True)
class YearWindows:
    """The business windows of the business days of one year, as UTC instants, with the business
    time before each window within the year."""

    ordinals: tuple[int, ...]
    """The date ordinal of each window's day."""
    opens: tuple[datetime, ...]
    """Opening instant of each window, UTC, in order."""
    closes: tuple[datetime, ...]
    """Closing instant of each window, UTC."""
    edges: tuple[datetime, ...]
    """Opens and closes interleaved."""
    before: tuple[timedelta, ...]
    """Business time before each window within the year (cumulative); the last is the year's."""

    def edges_within(self, start: datetime, end: datetime) -> tuple[datetime, ...]:
        """The edges of this year's windows that overlap ``[start, end)`` (UTC)."""
        first = bisect_right(self.closes, start)
        last = bisect_left(self.opens, end, first)
        return self.edges[2 * first : 2 * last]

    def business_time(self, start: datetime, end: datetime) -> timedelta:
        """This year's business time inside ``[start, end)`` (UTC), in closed form."""
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


def _inside_year(start: datetime, end: datetime) -> bool:
    """Whether ``[start, end)`` (UTC) stays clear of 1 January and 31 December, whose windows may
    belong, in UTC, to the year next to them."""
    return not (start.month == 1 and start.day == 1) and not (end.month == 12 and end.day == 31)


@dataclass(frozen=True, slots=True, eq=False, kw_only=True)
class BusinessWindows:
    """Every business window of one tariff and place as UTC instants, with cumulative time,
    built year by year on first use (D80): the first quote costs the windows of its own year,
    not those of 1970–2100.

    A window belongs to one local day, so to one year: finding the windows of a span, or its
    business time, asks the one or two years it touches, each with two bisections. ``table()``,
    and ``opens``, ``closes``, ``edges``, ``before`` and ``ordinals``, give the whole table (the
    columnar batch path reads it), built once. Get one with
    [`windows_for`][ouitec_terms.rules.windows.windows_for].
    """

    days: HolidayCalendar
    """The day lookups (holidays, business days) the windows were built from."""
    tz: ZoneInfo
    """The time zone business hours are judged in."""
    start: time = time(8)
    """The wall time windows open at."""
    end: time = time(19)
    """The wall time windows close at."""
    years: dict[int, YearWindows] = field(default_factory=dict, repr=False)
    """The years built so far (each built once, then never changed)."""
    whole: list[YearWindows] = field(default_factory=list, repr=False)
    """The table of every covered year, once built (see ``table``)."""

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled as what it is built from; unpickling builds (or reuses) the cached table."""
        return _build, (self.days, self.tz.key, self.start, self.end)

    def year(self, year: int) -> YearWindows:
        """The windows of ``year`` (built on first use)."""
        built = self.years.get(year)
        if built is None:
            built = self.years[year] = _year(self.days, self.tz, self.start, self.end, year)
        return built

    def _touched(self, start: datetime, end: datetime) -> range:
        """The years whose windows may overlap ``[start, end)`` (UTC): a local day's window
        lies, in UTC, at most a day before or after it, so a span on 1 January or 31 December
        also asks the year next to it."""
        first, last = start.year, end.year
        if start.month == 1 and start.day == 1 and first > FIRST_YEAR:
            first -= 1
        if end.month == 12 and end.day == 31 and last < LAST_YEAR:
            last += 1
        return range(first, last + 1)

    def edges_within(self, start: datetime, end: datetime) -> tuple[datetime, ...]:
        """The opening and closing instants (UTC) of the windows that overlap ``[start, end)``,
        interleaved: ``(open₁, close₁, open₂, close₂, …)``. ``start`` and ``end`` are UTC."""
        year = start.year
        if year == end.year and _inside_year(start, end):  # the common case, kept short
            return (self.years.get(year) or self.year(year)).edges_within(start, end)
        return tuple(
            edge
            for y in self._touched(start, end)
            for edge in self.year(y).edges_within(start, end)
        )

    def business_time(self, start: datetime, end: datetime) -> timedelta:
        """The business time inside ``[start, end)`` (UTC datetimes), in closed form."""
        year = start.year
        if year == end.year and _inside_year(start, end):
            return (self.years.get(year) or self.year(year)).business_time(start, end)
        years = self._touched(start, end)
        return sum((self.year(y).business_time(start, end) for y in years), timedelta(0))

    def local_date(self, moment: datetime) -> date:
        """The date of ``moment`` on the local wall calendar of this time zone."""
        return moment.astimezone(self.tz).date()

    def table(self) -> YearWindows:
        """Every covered year's windows as one table (built once, on first use), with the business
        time before each window since 1970: what the columnar batch path reads."""
        if not self.whole:
            blocks = [self.year(y) for y in range(FIRST_YEAR, LAST_YEAR + 1)]
            self.whole.append(
                _windows_of(
                    [n for block in blocks for n in block.ordinals],
                    [moment for block in blocks for moment in block.opens],
                    [moment for block in blocks for moment in block.closes],
                )
            )
        return self.whole[0]

    @property
    def ordinals(self) -> tuple[int, ...]:
        """The date ordinal of each window's day, every covered year."""
        return self.table().ordinals

    @property
    def opens(self) -> tuple[datetime, ...]:
        """Opening instant of each window, UTC, in order, every covered year."""
        return self.table().opens

    @property
    def closes(self) -> tuple[datetime, ...]:
        """Closing instant of each window, UTC, every covered year."""
        return self.table().closes

    @property
    def edges(self) -> tuple[datetime, ...]:
        """Opens and closes interleaved, every covered year."""
        return self.table().edges

    @property
    def before(self) -> tuple[timedelta, ...]:
        """Business time before each window since the first covered year (cumulative)."""
        return self.table().before


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


def _windows_of(ordinals: list[int], opens: list[datetime], closes: list[datetime]) -> YearWindows:
    """The table of these windows: their edges interleaved and the business time before each."""
    lengths = (c - o for o, c in zip(opens, closes, strict=True))
    return YearWindows(
        ordinals=tuple(ordinals),
        opens=tuple(opens),
        closes=tuple(closes),
        edges=tuple(moment for pair in zip(opens, closes, strict=True) for moment in pair),
        before=tuple(accumulate(lengths, initial=timedelta(0))),
    )


def _year(days: HolidayCalendar, tz: ZoneInfo, start: time, end: time, year: int) -> YearWindows:
    """The windows of the business days of ``year`` (a day wholly in a skipped hour has none)."""
    ordinals, opens, closes = [], [], []
    for n in days.business_ordinals_of(year):
        day = date.fromordinal(n)
        opening, closing = wall_instant(day, start, tz), wall_instant(day, end, tz)
        if closing > opening:  # a window wholly in the skipped hour is no window that day
            ordinals.append(n)
            opens.append(opening)
            closes.append(closing)
    return _windows_of(ordinals, opens, closes)


@lru_cache(maxsize=64)
def _build(days: HolidayCalendar, timezone: str, start: time, end: time) -> BusinessWindows:
    return BusinessWindows(days=days, tz=ZoneInfo(timezone), start=start, end=end)


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
