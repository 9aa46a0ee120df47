"""A year of one place as a value: its business window, its holidays and its business days
(Art. 3), what ``ouitec-terms calendar YEAR`` prints and writes as JSON.

>>> from ouitec_terms import DEFAULT_TARIFF
>>> from ouitec_terms.rules.calendar import calendar_for
>>> year = year_calendar(DEFAULT_TARIFF, calendar_for(DEFAULT_TARIFF, subdivision="57"), 2025)
>>> year.place, year.business_days, len(year.holidays)
('FR-57', 249, 13)
>>> year.holidays[3]
Holiday(day=datetime.date(2025, 5, 1), name='Fête du Travail')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ouitec_terms.boundary.tariff import Tariff
    from ouitec_terms.rules.calendar import HolidayCalendar

__all__ = ["Holiday", "YearCalendar", "year_calendar"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Holiday:
    """A public holiday, or a closure of the tariff, with its French name."""

    day: date
    """The day."""
    name: str
    """Its name in French, as the ``holidays`` package states it (``Fermeture``: a closure)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class YearCalendar:
    """The business window of a tariff in one place and year, and the days it is closed (Art. 3)."""

    year: int
    """The calendar year."""
    place: str
    """The country and subdivision whose holidays apply, e.g. ``FR`` or ``FR-57``."""
    timezone: str
    """The clock of the window (IANA name)."""
    business_weekdays: tuple[int, ...]
    """The ISO weekdays with business hours (1 = Monday)."""
    business_start: time
    """When the business window opens."""
    business_end: time
    """When it closes."""
    off_hours_surcharge: Decimal
    """The surcharge of every other minute, as a fraction (0.25 is +25 %)."""
    holidays: tuple[Holiday, ...]
    """The holidays and closures of the year, in order."""
    business_days: int
    """How many days of the year have business hours."""


def year_calendar(tariff: Tariff, days: HolidayCalendar, year: int) -> YearCalendar:
    """The year ``year`` of the place ``days`` describes, under ``tariff``'s window."""
    return YearCalendar(
        year=year,
        place=days.place,
        timezone=tariff.timezone,
        business_weekdays=tuple(tariff.business_weekdays),
        business_start=tariff.business_start,
        business_end=tariff.business_end,
        off_hours_surcharge=tariff.off_hours_surcharge,
        holidays=tuple(Holiday(day=d, name=n) for d, n in sorted(days.holidays(year).items())),
        business_days=len(days.business_ordinals_of(year)),
    )
