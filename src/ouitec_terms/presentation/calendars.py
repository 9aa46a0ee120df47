"""A year's public holidays and business window for people, as text (Art. 3)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import holidays

from ouitec_terms.assembly.year import year_calendar

from .messages import messages_for
from .pieces import (
    Lang,
)

if TYPE_CHECKING:
    from ouitec_terms.boundary.tariff import Tariff
    from ouitec_terms.rules.calendar import HolidayCalendar

__all__ = ["calendar_text"]


def calendar_text(tariff: Tariff, days: HolidayCalendar, year: int, lang: Lang = "fr") -> str:
    """A year's business window and the holidays that interrupt it, in the document's language
    (holiday names as the ``holidays`` package states them in that language, in British English).

    >>> from ouitec_terms import Tariff
    >>> from ouitec_terms.rules.calendar import calendar_for
    >>> print(calendar_text(Tariff(), calendar_for(Tariff()), 2026, "en").splitlines()[3])
      Fri...01/05/2026  Labour Day
    """
    m = messages_for(lang)
    year_days = year_calendar(tariff, days, year)
    names = {holiday.day: holiday.name for holiday in year_days.holidays}
    if not m.french:
        local = holidays.country_holidays(
            days.country, subdiv=days.subdivision, years=year, language="en_US"
        )
        # the package's English is American; the documents' English is British (dates too)
        british = {"Labor Day": m.text("calendar.labour_day")}
        english = {day: local.get(day, name) for day, name in names.items()}
        names = {day: british.get(name, name) for day, name in english.items()}
    open_days = ", ".join(m.text(f"weekday.{d}") for d in year_days.business_weekdays)
    window = f"{year_days.business_start:%H:%M}–{year_days.business_end:%H:%M} {year_days.timezone}"
    out = [
        m.text("calendar.heading", days=open_days, window=window, place=year_days.place, year=year)
    ]
    out += [f"  {m.day(day)}  {name}" for day, name in names.items()]
    out.append(
        m.text(
            "calendar.count",
            count=year_days.business_days,
            year=year,
            surcharge=m.percent(year_days.off_hours_surcharge),
        )
    )
    return "\n".join(out)
