"""A year's public holidays and business window for people, as text (Art. 3)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import holidays

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
    (holiday names as the ``holidays`` package states them in that language)."""
    m = messages_for(lang)
    names = days.holidays(year)
    if not m.french:
        local = holidays.country_holidays(
            days.country, subdiv=days.subdivision, years=year, language="en_US"
        )
        names = {day: local.get(day, name) for day, name in names.items()}
    open_days = ", ".join(m.text(f"weekday.{d}") for d in tariff.business_weekdays)
    window = f"{tariff.business_start:%H:%M}–{tariff.business_end:%H:%M} {tariff.timezone}"
    out = [m.text("calendar.heading", days=open_days, window=window, place=days.place, year=year)]
    out += [f"  {m.day(day)}  {name}" for day, name in names.items()]
    count = sum(1 for _ in days.business_days(date(year, 1, 1), date(year, 12, 31)))
    out.append(
        m.text(
            "calendar.count",
            count=count,
            year=year,
            surcharge=m.percent(tariff.off_hours_surcharge),
        )
    )
    return "\n".join(out)
