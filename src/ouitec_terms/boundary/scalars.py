"""The shared scalar types of the inputs: the years and bounds the library prices within,
instants and calendar dates (read on a clock when they carry no offset), included hours,
country codes, holiday subdivisions and the identifiers checked against a SIREN.

```pycon
>>> add_months(date(2024, 1, 31), 1)
datetime.date(2024, 2, 29)
>>> on_clock(datetime(2025, 3, 11, 9, 0), "Europe/Paris").isoformat()
'2025-03-11T09:00:00+01:00'

```
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache, partial
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BeforeValidator,
    Field,
    ValidationInfo,
    WithJsonSchema,
)

from ouitec_terms.money import (
    QUARTER_HOURS_TEXT,
    quarter_hours,
)

from .identifiers import Siret, VatNumber, check_same_siren
from .limits import FIRST_YEAR, LAST_YEAR, check_day
from .places import country_code
from .tariff import check_holiday_place

__all__ = [
    "EARLIEST",
    "FIRST_YEAR",
    "LAST_YEAR",
    "LATEST",
    "LOCAL_CLOCK",
    "MAX_CONTRACTS_PER_CLIENT",
    "MAX_INTERVENTIONS_PER_STATEMENT",
    "MAX_SPAN",
    "MAX_SPANS_PER_INTERVENTION",
    "MAX_STATEMENT_SPAN",
    "CalendarDate",
    "CountryCode",
    "IncludedHours",
    "Instant",
    "SiretOfTheSiren",
    "Subdivision",
    "VatNumberOfTheSiren",
    "add_months",
    "check_day",
    "check_subdivision",
    "on_clock",
    "utc",
]

MAX_INTERVENTIONS_PER_STATEMENT = 10_000
"""The most interventions one statement prices (a bound against hostile documents)."""
MAX_SPANS_PER_INTERVENTION = 1000
"""The most work periods, and the most travel legs, one intervention may hold."""
EARLIEST = datetime(FIRST_YEAR, 1, 2, tzinfo=UTC)
"""The earliest and latest instants a work period or travel leg may have: a day inside the covered
years, so that every local date of every time zone (UTC-12 to UTC+14) is covered."""
LATEST = datetime(LAST_YEAR, 12, 31, tzinfo=UTC)
MAX_SPAN = timedelta(days=366)
"""The longest a single work period or travel leg may last (rules §4), and the most clock time
the work periods and travel legs of one intervention may add up to."""
MAX_STATEMENT_SPAN = timedelta(days=10_000)
"""The most clock time the interventions of one statement may add up to: 10 000 interventions
of a whole day each. Pricing costs about one line per business or off-hours stretch, so this
bounds the lines of a statement to a few tens of thousands (docs/performance.md)."""
MAX_CONTRACTS_PER_CLIENT = 100
"""The most contracts one client may list (past and present)."""


def utc(moment: datetime) -> datetime:
    """``moment`` as the same instant in UTC (for comparing, sorting and subtracting)."""
    return moment.astimezone(UTC)


@lru_cache(maxsize=4096)
def add_months(start: date, months: int) -> date:
    """``start`` moved ``months`` calendar months later, clamped to the end month's last day.

    ```pycon
    >>> add_months(date(2024, 6, 2), 12)
    datetime.date(2025, 6, 2)
    >>> add_months(date(2024, 1, 31), 1)
    datetime.date(2024, 2, 29)

    ```
    """
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


_RFC3339 = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}", re.ASCII)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z", re.ASCII)


LOCAL_CLOCK = "local_clock"
"""The key of pydantic's validation context that names the clock offset-less times are read on."""


def _instant(value: Any, info: ValidationInfo) -> Any:
    """Refuse what pydantic would read as a Unix time (numbers, strings of digits); read an
    offset-less time on the clock the validation context names, if it names one (D60); refuse
    an instant outside the years the library prices."""
    if isinstance(value, str) and _RFC3339.match(value):
        try:
            value = datetime.fromisoformat(value)  # the usual form, "Z" included
        except ValueError:
            try:
                value = datetime.fromisoformat(value.replace("z", "Z").replace("Z", "+00:00"))
            except ValueError:
                return value  # pydantic says what is wrong with it
    if not isinstance(value, datetime):
        raise ValueError(
            f"{str(value)[:40]!r} is not a date-time; write it in RFC 3339 with an offset, e.g. "
            "2025-03-11T09:00:00+01:00 (numbers are not read as Unix times)"
        )
    if value.tzinfo is None:
        clock = info.context.get(LOCAL_CLOCK) if isinstance(info.context, dict) else None
        if clock is None:
            return value  # pydantic says it lacks an offset
        check_day(value.date(), "date-time")  # before any clock arithmetic can overflow
        value = on_clock(value, clock)
    try:  # aware instants compare on the UTC time line, without converting (no overflow)
        in_range = value.utcoffset() is None or EARLIEST <= value <= LATEST
    except OverflowError:
        in_range = False
    if not in_range:
        raise ValueError(
            f"{value.isoformat()} is outside the years the library prices "
            f"({EARLIEST.year}–{LATEST.year}); check the date"
        )
    return value


def on_clock(moment: datetime, timezone: str) -> datetime:
    """``moment``, a wall time without offset, as the instant it names on ``timezone``'s clock.

    A time the clock skips (the spring change) or shows twice (the autumn change) names no
    single instant: refused, asking for the offset.

    ```pycon
    >>> on_clock(datetime(2025, 3, 11, 9, 0), "Europe/Paris").isoformat()
    '2025-03-11T09:00:00+01:00'
    >>> on_clock(datetime(2025, 10, 26, 2, 30), "Europe/Paris")
    Traceback (most recent call last):
    ...
    ValueError: 2025-10-26T02:30:00 happens twice on the Europe/Paris clock ...

    ```
    """
    zone = ZoneInfo(timezone)
    first, second = moment.replace(tzinfo=zone, fold=0), moment.replace(tzinfo=zone, fold=1)
    try:
        back = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    except OverflowError:  # a wall time at the very edge of what datetime holds
        raise ValueError(
            f"{moment.isoformat()} is outside the years the library prices "
            f"({FIRST_YEAR}–{LAST_YEAR}); check the date"
        ) from None
    if back != moment:
        raise ValueError(
            f"{moment.isoformat()} does not exist on the {timezone} clock (the clocks go "
            "forward); give the offset, e.g. +01:00 or +02:00"
        )
    if first.utcoffset() != second.utcoffset():
        raise ValueError(
            f"{moment.isoformat()} happens twice on the {timezone} clock (the clocks go back); "
            "give the offset to say which, e.g. +02:00 (summer) or +01:00 (winter)"
        )
    return first


def _calendar_date(value: Any) -> Any:
    """Refuse numbers, digit strings and date-times where a plain date is meant."""
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return value  # pydantic says what is wrong with it
    if isinstance(value, date) and not isinstance(value, datetime):
        return check_day(value, "date")
    raise ValueError(f"{str(value)[:40]!r} is not a date; write it as YYYY-MM-DD, e.g. 2024-06-02")


Instant = Annotated[
    AwareDatetime,
    BeforeValidator(_instant),
    WithJsonSchema({"type": "string", "format": "date-time"}, mode="validation"),
]
"""An aware datetime given as a datetime or an RFC 3339 string, never as a number."""
CalendarDate = Annotated[
    date,
    BeforeValidator(_calendar_date),
    WithJsonSchema({"type": "string", "format": "date"}, mode="validation"),
]
"""A calendar date given as a date or ``YYYY-MM-DD``, never as a number or a date-time."""
IncludedHours = Annotated[
    Decimal,
    BeforeValidator(partial(quarter_hours, name="included_hours_per_month")),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0, "maximum": 100_000},
                {"type": "string", "pattern": QUARTER_HOURS_TEXT},
            ],
            "examples": ["2", "1.5"],
        },
        mode="validation",
    ),
]
"""Contract hours per month: a multiple of 0.25 h from 0 to 100 000 (Art. 5)."""


CountryCode = Annotated[
    str,
    Field(min_length=1, max_length=10),
    AfterValidator(country_code),
    WithJsonSchema({"type": "string", "pattern": "^[A-Z]{2}$"}, mode="validation"),
]
"""An ISO 3166-1 alpha-2 country code (``FR``, ``DE``), checked against the ISO list."""


def check_subdivision(value: str | None, *, country: str = "FR") -> str | None:
    """``value`` if ``holidays`` knows it as a subdivision of ``country``, or ``None``.

    An empty or blank code is refused: it would silently mean the national calendar.
    """
    if value is None:
        return None
    if not value.strip():
        raise ValueError(
            "an empty subdivision would silently mean the national calendar; leave the field "
            "out for the national calendar, or give a code such as '57'"
        )
    check_holiday_place(country, value)
    return value


def _known_subdivision(value: str) -> str:
    check_subdivision(value)  # raises if holidays does not know it
    return value


Subdivision = Annotated[str, Field(max_length=50), AfterValidator(_known_subdivision)]
"""A French holiday subdivision ``holidays`` knows (``'57'``, ``'GP'``…)."""


def _siret_of_the_siren(value: str, info: ValidationInfo) -> str:
    check_same_siren(info.data.get("siren"), value, None)
    return value


def _vat_number_of_the_siren(value: str, info: ValidationInfo) -> str:
    check_same_siren(info.data.get("siren"), None, value)
    return value


# Checked against the client's SIREN (declared before them) only when given: a client without
# them costs no check.
SiretOfTheSiren = Annotated[Siret, AfterValidator(_siret_of_the_siren)]
VatNumberOfTheSiren = Annotated[VatNumber, AfterValidator(_vat_number_of_the_siren)]
