"""Public holidays and the business window (Art. 3, rules §3), by place."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import holidays
import pytest
from pydantic import ValidationError

from ouitec_terms import (
    DEFAULT_TARIFF,
    CalendarError,
    Client,
    Intervention,
    WorkPeriod,
    calendar_for,
    quote,
    windows_for,
)
from strategies import PARIS

NATIONAL = calendar_for(DEFAULT_TARIFF)


def test_eleven_national_days_including_whit_monday() -> None:
    """rules §3: 11 national public holidays; Whit Monday (Lundi de Pentecôte) is one of them."""
    days = NATIONAL.holidays(2025)
    assert len(days) == 11
    assert days[date(2025, 6, 9)] == "Lundi de Pentecôte"


def test_whit_monday_2006_was_worked() -> None:
    """rules §3: the `holidays` package follows the law: Whit Monday 2005–2007 was worked."""
    assert NATIONAL.is_business_day(date(2006, 6, 5))
    assert not NATIONAL.is_business_day(date(2008, 5, 12))


@pytest.mark.parametrize("subdivision", ["57", "6AE"])
def test_moselle_and_alsace_have_good_friday_and_26_december(subdivision: str) -> None:
    """rules §3: Moselle and Alsace add Good Friday and Saint Stephen's Day (26 December)."""
    local = calendar_for(DEFAULT_TARIFF, subdivision=subdivision)
    assert not local.is_business_day(date(2025, 4, 18))
    assert not local.is_business_day(date(2025, 12, 26))
    assert NATIONAL.is_business_day(date(2025, 4, 18))
    assert NATIONAL.is_business_day(date(2025, 12, 26))


def test_good_friday_is_off_hours_for_a_moselle_client_only() -> None:
    """Art. 3 'hors jours fériés', by place: Good Friday 2025 is off-hours in Metz, not in Lyon."""
    start = datetime(2025, 4, 18, 10, tzinfo=PARIS)
    job = Intervention(work=(WorkPeriod(start=start, end=start + timedelta(hours=1)),))
    metz = quote(job, Client(name="Metz", holiday_subdivision="57"))
    lyon = quote(job, Client(name="Lyon"))
    assert [line.off_hours for line in metz.lines] == [True]
    assert [line.off_hours for line in lyon.lines] == [False]
    assert (metz.total_ht, lyon.total_ht) == (Decimal(108), Decimal(90))


def test_extra_closures_are_off_hours() -> None:
    """rules §3: extra closure dates added to the tariff count like public holidays."""
    closed = DEFAULT_TARIFF.replace(extra_closures=(date(2025, 3, 11),))
    cal = calendar_for(closed)
    assert not cal.is_business_day(date(2025, 3, 11))
    assert cal.holiday_name(date(2025, 3, 11)) == "Fermeture"


@pytest.mark.parametrize("code", ["Lyon", "XX"])
def test_unknown_client_subdivision_is_refused_at_construction(code: str) -> None:
    """Issue 9: a client's unknown holiday subdivision is refused when the client is built,
    naming the field and listing the known codes, not later when pricing."""
    with pytest.raises(ValidationError, match=rf"holiday_subdivision\n.*'{code}'.*57"):
        Client(name="X", holiday_subdivision=code)


@pytest.mark.parametrize("code", ["", "  "])
def test_empty_client_subdivision_is_refused(code: str) -> None:
    """Issue 9: an empty subdivision would silently mean the national calendar and override
    the tariff's (e.g. Moselle's): refused, naming the field."""
    with pytest.raises(ValidationError, match=r"holiday_subdivision\n.*national calendar"):
        Client(name="X", holiday_subdivision=code)


def test_unknown_calendar_subdivision_is_a_calendar_error() -> None:
    """A subdivision passed to ``calendar_for`` that the holidays package lacks is refused."""
    with pytest.raises(CalendarError, match=r"subdivision 'Lyon'.*57"):
        calendar_for(DEFAULT_TARIFF, subdivision="Lyon")


def test_calendar_is_built_once_per_tariff() -> None:
    """Issue 2: the holiday calendar is built once per tariff and cached, not per call."""
    assert calendar_for(DEFAULT_TARIFF) is calendar_for(DEFAULT_TARIFF.replace())
    assert calendar_for(DEFAULT_TARIFF, subdivision="57") is not NATIONAL


def test_business_window_is_local_wall_time_across_dst() -> None:
    """rules §3: the window is 08:00–19:00 on the wall clock in winter and summer alike."""
    windows = windows_for(DEFAULT_TARIFF)
    winter = windows.edges_within(
        datetime(2025, 3, 28, tzinfo=UTC), datetime(2025, 3, 29, tzinfo=UTC)
    )
    summer = windows.edges_within(
        datetime(2025, 3, 31, tzinfo=UTC), datetime(2025, 4, 1, tzinfo=UTC)
    )
    assert [t.hour for t in winter] == [7, 18]
    assert [t.hour for t in summer] == [6, 17]


def test_year_outside_range_is_refused() -> None:
    """The calendar answers for 1970–2100 (the holiday source's years) and says so otherwise."""
    with pytest.raises(CalendarError, match="outside the calendar's range"):
        NATIONAL.is_business_day(date(1900, 1, 1))


@pytest.mark.parametrize(
    ("subdivision", "day"), [("57", date(2025, 4, 18)), ("6AE", date(2025, 12, 26))]
)
def test_tariff_subdivision_is_honoured_in_quotes(subdivision: str, day: date) -> None:
    """A tariff for Moselle or Alsace prices Good Friday and 26 December as off-hours."""
    start = datetime(day.year, day.month, day.day, 10, tzinfo=PARIS)
    job = Intervention(work=(WorkPeriod(start=start, end=start + timedelta(hours=1)),))
    local = DEFAULT_TARIFF.replace(holiday_subdivision=subdivision)
    assert quote(job, Client(name="C"), tariff=local).total_ht == Decimal(108)
    assert quote(job, Client(name="C")).total_ht == Decimal(90)


def test_a_quote_records_the_holiday_data_it_was_priced_with() -> None:
    """A quote states the installed `holidays` release in its JSON and its text (D77)."""
    from datetime import datetime  # noqa: PLC0415

    from ouitec_terms import Client, Intervention, WorkPeriod, quote, to_json  # noqa: PLC0415
    from strategies import PARIS  # noqa: PLC0415

    start = datetime(2025, 5, 1, 9, tzinfo=PARIS)
    q = quote(
        Intervention(work=(WorkPeriod(start=start, end=start.replace(hour=10)),)), Client(name="C")
    )
    release = f"holidays {holidays.__version__}"  # type: ignore[attr-defined]
    assert q.calendar_version == release
    assert f'"calendar_version": "{release}"' in to_json(q, indent=1)
    assert release in q.explain()
