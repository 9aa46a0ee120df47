"""Public holidays and business days (Art. 3): immutable day lookups of one place.

"Les heures ouvrées sont définies comme étant du lundi au vendredi de 8h00 à 19h00, hors jours
fériés." A [`HolidayCalendar`][ouitec_terms.rules.calendar.HolidayCalendar] answers for the days:
which are public holidays (France's by default, as the ``holidays`` package states them year by
year, in French), which are business days. It is built once per place and never changes. The
business *hours* of those days, as UTC instants, are the
[`BusinessWindows`][ouitec_terms.rules.windows.BusinessWindows] table.

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
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from types import MappingProxyType

from ouitec_terms.boundary.holidaydata import holiday_names, holidays_release
from ouitec_terms.boundary.limits import FIRST_YEAR, LAST_YEAR
from ouitec_terms.boundary.scalars import check_subdivision
from ouitec_terms.boundary.tariff import Tariff
from ouitec_terms.errors import CalendarError

__all__ = ["DATA_VERSION", "MAX_YEAR", "MIN_YEAR", "HolidayCalendar", "calendar_for", "place_of"]

#: Years a calendar answers for: those the ``holidays`` package states French holidays for
#: (D5). Beyond, a holiday would silently be a business day, so the calendar refuses.
MIN_YEAR, MAX_YEAR = FIRST_YEAR, LAST_YEAR
DATA_VERSION = f"holidays {holidays_release()}"
"""The holiday data this library states holidays from: the installed ``holidays`` release (D77)."""
CLOSURE = "Fermeture"
"""The name given to a tariff's extra closure dates."""


@dataclass(frozen=True, slots=True, eq=False, kw_only=True)
class HolidayCalendar:
    """The public holidays and business days of one place, 1970–2100 (Art. 3).

    Get one with [`calendar_for`][ouitec_terms.rules.calendar.calendar_for]; it is built once per
    place and cached.
    """

    country: str
    """The country of the holidays (holidays package code)."""
    subdivision: str | None
    """The subdivision, if any (e.g. 57 for Moselle)."""
    weekdays: frozenset[int]
    """ISO weekdays that have business hours (1 = Monday)."""
    names: Mapping[date, str]
    """Every holiday and extra closure of the covered years, by date, with its French name."""
    business_ordinals: tuple[int, ...]
    """The ordinals of every business day of the covered years, in order."""
    closures: tuple[date, ...] = ()
    """The tariff's extra closure dates it was built with."""
    data_version: str = DATA_VERSION
    """The holiday data it was built from: the installed ``holidays`` release."""

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled as the place it describes; unpickling builds (or reuses) the cached one."""
        return _build, (self.country, self.subdivision, tuple(sorted(self.weekdays)), self.closures)

    @property
    def place(self) -> str:
        """The country and subdivision whose holidays apply, e.g. ``FR`` or ``FR-57``."""
        return place_of(self.country, self.subdivision)

    def holidays(self, year: int) -> dict[date, str]:
        """The public holidays and extra closures of ``year``, by date, with their names."""
        _check_year(year)
        return {day: name for day, name in self.names.items() if day.year == year}

    def holiday_name(self, day: date) -> str | None:
        """The name of the holiday or closure on ``day``, or ``None``."""
        _check_year(day.year)
        return self.names.get(day)

    def is_business_day(self, day: date) -> bool:
        """Whether ``day`` has business hours (a business weekday that is no holiday)."""
        _check_year(day.year)
        n = day.toordinal()
        i = bisect_left(self.business_ordinals, n)
        return i < len(self.business_ordinals) and self.business_ordinals[i] == n

    def business_ordinals_of(self, year: int) -> tuple[int, ...]:
        """The ordinals of the business days of ``year``, in order."""
        _check_year(year)
        ordinals = self.business_ordinals
        low = bisect_left(ordinals, date(year, 1, 1).toordinal())
        high = bisect_right(ordinals, date(year, 12, 31).toordinal())
        return ordinals[low:high]

    def business_days(self, first: date, last: date) -> Iterator[date]:
        """The business days from ``first`` to ``last``, both included, in order."""
        _check_year(first.year)
        _check_year(last.year)
        ordinals = self.business_ordinals
        low = bisect_left(ordinals, first.toordinal())
        high = bisect_right(ordinals, last.toordinal())
        return (date.fromordinal(n) for n in ordinals[low:high])


def place_of(country: str, subdivision: str | None) -> str:
    """``FR`` or ``FR-57``: how a place is named in renderings."""
    return country + (f"-{subdivision}" if subdivision else "")


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise CalendarError(
            f"year {year} is outside the calendar's range {MIN_YEAR}–{MAX_YEAR}, the years the "
            "holidays package states French public holidays for; check the dates"
        )


@lru_cache(maxsize=64)
def _build(
    country: str,
    subdivision: str | None,
    weekdays: tuple[int, ...],
    closures: tuple[date, ...],
) -> HolidayCalendar:
    names = holiday_names(country, subdivision)
    for closure in closures:
        if MIN_YEAR <= closure.year <= MAX_YEAR:
            names.setdefault(closure, CLOSURE)
    open_days = frozenset(weekdays)
    first, last = date(MIN_YEAR, 1, 1).toordinal(), date(MAX_YEAR, 12, 31).toordinal()
    closed = {day.toordinal() for day in names}
    # each open weekday's days are every 7th ordinal from its first (ordinal 1 is a Monday)
    business = tuple(
        sorted(
            n
            for weekday in open_days
            for n in range(first + (weekday - 1 - (first - 1)) % 7, last + 1, 7)
            if n not in closed
        )
    )
    return HolidayCalendar(
        country=country,
        subdivision=subdivision,
        weekdays=open_days,
        names=MappingProxyType(dict(sorted(names.items()))),
        business_ordinals=business,
        closures=closures,
    )


def subdivision_for(tariff: Tariff, subdivision: str | None) -> str | None:
    """The subdivision that applies: ``subdivision`` when given (a client's site), checked,
    else the tariff's."""
    if subdivision is None or subdivision == tariff.holiday_subdivision:
        return tariff.holiday_subdivision
    try:
        return check_subdivision(subdivision, country=tariff.holiday_country)
    except ValueError as error:
        raise CalendarError(f"subdivision: {error}") from None


def calendar_for(tariff: Tariff, *, subdivision: str | None = None) -> HolidayCalendar:
    """The (cached) holiday calendar of ``tariff``'s place.

    ``subdivision``, when given, replaces the tariff's holiday subdivision (a client's site in
    Moselle follows Moselle's holidays, D6).
    """
    return _build(
        tariff.holiday_country,
        subdivision_for(tariff, subdivision),
        tariff.business_weekdays,
        tariff.extra_closures,
    )
