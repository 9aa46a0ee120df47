"""Business hours and public holidays (Art. 3, SPEC §3).

Business hours are Monday to Friday, ``[08:00, 19:00)`` local wall time in the tariff's time zone,
except public holidays, France's by default as the ``holidays`` package states them year by year.
A :class:`BusinessCalendar` is built once per (tariff, subdivision) and cached: its business days
are kept per year as sorted ordinals, so finding the business days of a span costs in proportion
to how many there are.

```pycon
>>> from ouitec_terms import DEFAULT_TARIFF
>>> cal = calendar_for(DEFAULT_TARIFF)
>>> cal.holiday_name(date(2025, 5, 1))
'Fête du Travail'
>>> cal.is_business_day(date(2025, 5, 1)), cal.is_business_day(date(2025, 5, 2))
(False, True)
>>> [d.isoformat() for d in cal.business_days(date(2025, 5, 1), date(2025, 5, 9))]
['2025-05-02', '2025-05-05', '2025-05-06', '2025-05-07', '2025-05-09']

```
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from .errors import CalendarError
from .models import FIRST_YEAR, LAST_YEAR, check_subdivision
from .tariff import Tariff

__all__ = ["BusinessCalendar", "calendar_for"]

#: Years a calendar answers for: those the ``holidays`` package states French holidays for
#: (D5). Beyond, a holiday would silently be a business day, so the calendar refuses.
MIN_YEAR, MAX_YEAR = FIRST_YEAR, LAST_YEAR


class BusinessCalendar:
    """The business window and the non-business days of one place, in one time zone.

    Immutable from the outside; the per-year tables are filled on first use and then reused.
    Get one with :func:`calendar_for`, not by building it directly.
    """

    __slots__ = (
        "_closed",
        "_country",
        "_end",
        "_span",
        "_start",
        "_subdiv",
        "_weekdays",
        "_windows",
        "_years",
        "tz",
    )

    def __init__(
        self,
        *,
        timezone: str,
        start: time,
        end: time,
        weekdays: tuple[int, ...],
        country: str,
        subdivision: str | None,
        extra_closures: tuple[date, ...],
    ) -> None:
        self.tz = ZoneInfo(timezone)
        self._start, self._end = start, end
        self._weekdays = frozenset(weekdays)
        self._country, self._subdiv = country, subdivision
        self._closed = frozenset(extra_closures)
        self._years: dict[int, tuple[dict[date, str], tuple[int, ...]]] = {}
        self._windows: dict[int, list[datetime]] = {}
        #: years covered, openings, closings, both interleaved, business time before each window
        self._span: (
            tuple[int, int, list[datetime], list[datetime], list[datetime], list[timedelta]] | None
        ) = None

    def _year(self, year: int) -> tuple[dict[date, str], tuple[int, ...]]:
        cached = self._years.get(year)
        if cached is None:
            if not MIN_YEAR <= year <= MAX_YEAR:
                raise CalendarError(
                    f"year {year} is outside the calendar's range {MIN_YEAR}–{MAX_YEAR}; "
                    "check the dates of the intervention"
                )
            named = dict(
                holidays.country_holidays(
                    self._country, subdiv=self._subdiv, years=year, language="fr"
                )
            )
            for closed in self._closed:
                if closed.year == year:
                    named.setdefault(closed, "Fermeture")
            first = date(year, 1, 1).toordinal()
            last = date(year, 12, 31).toordinal()
            business = tuple(
                n
                for n in range(first, last + 1)
                if date.fromordinal(n).isoweekday() in self._weekdays
                and date.fromordinal(n) not in named
            )
            cached = self._years[year] = (named, business)
        return cached

    @property
    def place(self) -> str:
        """The country and subdivision whose holidays apply, e.g. ``FR`` or ``FR-57``."""
        return self._country + (f"-{self._subdiv}" if self._subdiv else "")

    def holidays(self, year: int) -> dict[date, str]:
        """The public holidays and extra closures of ``year``, by date, with their names."""
        return dict(sorted(self._year(year)[0].items()))

    def holiday_name(self, day: date) -> str | None:
        """The name of the holiday or closure on ``day``, or ``None``."""
        return self._year(day.year)[0].get(day)

    def is_business_day(self, day: date) -> bool:
        """Whether ``day`` has business hours (a business weekday that is no holiday)."""
        ordinals = self._year(day.year)[1]
        n = day.toordinal()
        i = bisect_left(ordinals, n)
        return i < len(ordinals) and ordinals[i] == n

    def business_days(self, first: date, last: date) -> Iterator[date]:
        """The business days from ``first`` to ``last``, both included, in order."""
        lo, hi = first.toordinal(), last.toordinal()
        for year in range(first.year, last.year + 1):
            ordinals = self._year(year)[1]
            for n in ordinals[bisect_left(ordinals, lo) : bisect_right(ordinals, hi)]:
                yield date.fromordinal(n)

    def _year_windows(self, year: int) -> list[datetime]:
        """The windows of ``year``'s business days as UTC instants: ``[open, close, …]``."""
        cached = self._windows.get(year)
        if cached is None:
            cached = self._windows[year] = [
                moment for n in self._year(year)[1] for moment in self.window(date.fromordinal(n))
            ]
        return cached

    def _covering(
        self, start: datetime, end: datetime
    ) -> tuple[list[datetime], list[datetime], list[datetime], list[timedelta]]:
        """The window table, grown if needed to cover ``[start, end)`` with a year each side:
        openings, closings, both interleaved, and the business time before each window.

        The table is rebuilt from the per-year tables when it must grow, which happens a few
        times in a process at most.
        """
        span = self._span
        first_year, last_year = max(start.year - 1, MIN_YEAR), min(end.year + 1, MAX_YEAR)
        if span is None or first_year < span[0] or last_year > span[1]:
            low = first_year if span is None else min(first_year, span[0])
            high = last_year if span is None else max(last_year, span[1])
            moments: list[datetime] = []
            for year in range(low, high + 1):
                moments += self._year_windows(year)
            opens, closes = moments[0::2], moments[1::2]
            before = [timedelta(0)]
            for window_open, window_close in zip(opens, closes, strict=True):
                before.append(before[-1] + (window_close - window_open))
            span = self._span = (low, high, opens, closes, moments, before)
        return span[2], span[3], span[4], span[5]

    def window_edges(self, start: datetime, end: datetime) -> list[datetime]:
        """The opening and closing instants (UTC) of the business windows that overlap
        ``[start, end)``, interleaved: ``[open₁, close₁, open₂, close₂, …]``.

        Found by two bisections in a table of precomputed windows, so the cost is that of the
        windows returned, whatever the length of the span.
        """
        opens, closes, moments, _ = self._covering(start, end)
        first = bisect_right(closes, start)
        last = bisect_left(opens, end, first)
        return moments[2 * first : 2 * last]

    def business_time(self, start: datetime, end: datetime) -> timedelta:
        """The business time inside ``[start, end)`` (UTC datetimes), in closed form.

        The business time before each window is tabulated, so this costs two bisections and a
        few subtractions, however long the span.
        """
        opens, closes, _, before = self._covering(start, end)
        first = bisect_right(closes, start)
        last = bisect_left(opens, end, first)
        if first == last:
            return timedelta(0)
        total = before[last] - before[first]
        if start > opens[first]:
            total -= start - opens[first]
        if end < closes[last - 1]:
            total -= closes[last - 1] - end
        return total

    def window(self, day: date) -> tuple[datetime, datetime]:
        """The business window of ``day`` as UTC instants (whether or not ``day`` has one)."""
        return (
            datetime.combine(day, self._start, self.tz).astimezone(UTC),
            datetime.combine(day, self._end, self.tz).astimezone(UTC),
        )

    def local_date(self, moment: datetime) -> date:
        """The date of ``moment`` on the local wall calendar of this time zone."""
        return moment.astimezone(self.tz).date()


@lru_cache(maxsize=64)
def _build(  # noqa: PLR0917 - positional: the cache key is built faster
    timezone: str,
    start: time,
    end: time,
    weekdays: tuple[int, ...],
    country: str,
    subdivision: str | None,
    extra: tuple[date, ...],
) -> BusinessCalendar:
    return BusinessCalendar(
        timezone=timezone,
        start=start,
        end=end,
        weekdays=weekdays,
        country=country,
        subdivision=subdivision,
        extra_closures=extra,
    )


def calendar_for(tariff: Tariff, *, subdivision: str | None = None) -> BusinessCalendar:
    """The (cached) business calendar of ``tariff``.

    ``subdivision``, when given, replaces the tariff's holiday subdivision (a client's site in
    Moselle follows Moselle's holidays).
    """
    subdiv = subdivision if subdivision is not None else tariff.holiday_subdivision
    if subdiv != tariff.holiday_subdivision:
        try:
            check_subdivision(subdiv, country=tariff.holiday_country)
        except ValueError as error:
            raise CalendarError(f"subdivision: {error}") from None
    return _build(
        tariff.timezone,
        tariff.business_start,
        tariff.business_end,
        tariff.business_weekdays,
        tariff.holiday_country,
        subdiv,
        tariff.extra_closures,
    )
