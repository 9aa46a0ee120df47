"""The inputs: clients, contracts, interventions and their work periods and travel legs.

Every model is immutable (``frozen=True``) and refuses unknown fields (``extra="forbid"``);
change one with ``model_copy(update=...)`` on values you know are valid, or build a new one.
Datetimes must carry an offset (naive ones are refused) and are compared, sorted and
subtracted in UTC (rules, conventions), so the repeated hour of the October clock change is
handled as real time.

```pycon
>>> from datetime import datetime, timedelta, timezone
>>> paris_winter = timezone(timedelta(hours=1))
>>> period = WorkPeriod(start=datetime(2025, 3, 11, 9, 0, tzinfo=paris_winter),
...                     end=datetime(2025, 3, 11, 10, 20, tzinfo=paris_winter))
>>> period.duration
datetime.timedelta(seconds=4800)
>>> Intervention(work=(period,)).mode
<BillingMode.HOURLY: 'hourly'>

```
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache, partial
from itertools import pairwise
from typing import Annotated, Any, Self
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from ouitec_terms.money import (
    QUARTER_HOURS_TEXT,
    InputAmount,
    InputQuantity,
    quarter_hours,
    whole_cents,
)

from .catalogue import Service
from .identifiers import Email, Siren, Siret, VatNumber, check_same_siren
from .places import country_code, regimes_of_place, regimes_of_vat_number
from .tariff import check_holiday_place
from .text import Name, OneLine, check_one_line

__all__ = [
    "MAX_CONTRACTS_PER_CLIENT",
    "MAX_INTERVENTIONS_PER_STATEMENT",
    "MAX_SPAN",
    "MAX_SPANS_PER_INTERVENTION",
    "MAX_STATEMENT_SPAN",
    "Address",
    "BillingMode",
    "Channel",
    "Client",
    "Contract",
    "Devis",
    "Intervention",
    "Name",
    "OneLine",
    "TravelLeg",
    "VatRegime",
    "WorkPeriod",
    "add_months",
    "check_day",
    "check_one_line",
    "check_statement_span",
    "check_subdivision",
    "utc",
]

MAX_INTERVENTIONS_PER_STATEMENT = 10_000
"""The most interventions one statement prices (a bound against hostile documents)."""
MAX_SPANS_PER_INTERVENTION = 1000
"""The most work periods, and the most travel legs, one intervention may hold."""
#: The years the library prices (D5, D41): from 1970 to the last year the ``holidays`` package
#: states French public holidays for (2100 in every release since 0.62).
FIRST_YEAR, LAST_YEAR = 1970, 2100
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


def check_day(day: date, name: str) -> date:
    """``day`` if it falls in the years the library prices (1970–2100); else a ``ValueError``
    naming ``name``, so that no date computed from it (a due date, a month's end) overflows.

    ```pycon
    >>> check_day(date(9999, 12, 31), "--issued")
    Traceback (most recent call last):
    ...
    ValueError: --issued 9999-12-31 is outside the years the library prices (1970–2100); ...

    ```
    """
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(
            f"{name} {day.isoformat()} is outside the years the library prices "
            f"({FIRST_YEAR}–{LAST_YEAR}); check the date"
        )
    return day


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


class _Frozen(BaseModel, frozen=True, extra="forbid"):
    """Base of the input models: immutable, unknown fields refused."""


class VatRegime(StrEnum):
    """Where the client stands for VAT (rules §8); rates and mentions live in
    [`ouitec_terms.rules.vat`][ouitec_terms.rules.vat]."""

    FRANCE = "france"
    GUADELOUPE_MARTINIQUE_REUNION = "guadeloupe-martinique-reunion"
    GUYANE_MAYOTTE = "guyane-mayotte"
    EU_REVERSE_CHARGE = "eu-reverse-charge"
    OUTSIDE_EU = "outside-eu"


class BillingMode(StrEnum):
    """How the work of an intervention is billed (Art. 3)."""

    HOURLY = "hourly"
    REMOTE_DAY = "remote_day"
    ONSITE_DAY = "onsite_day"


class Channel(StrEnum):
    """How the request was made (Art. 5)."""

    PORTAL = "portal"
    EMAIL = "email"
    PHONE = "phone"
    CHAT = "chat"

    @property
    def is_written(self) -> bool:
        """Portal and email requests are written already; phone and chat need confirmation."""
        return self in (Channel.PORTAL, Channel.EMAIL)


class Contract(_Frozen):
    """A commitment contract for one service of Art. 2 (Art. 3).

    Active from ``start`` (included) for ``months`` calendar months (end excluded).
    """

    service: Service = Field(description="the service of Art. 2 the contract commits to")
    monthly_commitment: InputAmount = Field(description="€ HT committed per month")
    start: CalendarDate = Field(description="first day the contract runs")
    months: int = Field(ge=1, le=1200, description="commitment term in calendar months")
    included_hours_per_month: IncludedHours = Field(
        default=Decimal(0), description="support hours per month already paid by the contract"
    )

    @property
    def end(self) -> date:
        """The first day the contract no longer runs (``start + months``)."""
        return add_months(self.start, self.months)

    def is_active_on(self, day: date) -> bool:
        """Whether the contract runs on ``day`` (``start <= day < end``)."""
        return self.start <= day < self.end


class Address(_Frozen):
    """A postal address (BG-5 of the seller, BG-8 of the buyer)."""

    street: Name = Field(min_length=1, max_length=200, description="street and number")
    postcode: str = Field(
        min_length=1,
        max_length=20,
        pattern=r"^[0-9A-Za-z][0-9A-Za-z -]*$",
        description="postal code",
    )
    city: Name = Field(min_length=1, max_length=100, description="town")
    country: CountryCode = Field(default="FR", description="ISO 3166-1 alpha-2 (checked)")


class Client(_Frozen):
    """A client of OUiTEC, its contracts, where it stands for VAT and holidays, and its billing
    identity (what an invoice states of it: identifiers checked with python-stdnum, address).
    """

    name: Name = Field(
        min_length=1, max_length=200, description="the client's legal or trading name"
    )
    contracts: tuple[Contract, ...] = Field(
        default=(),
        max_length=MAX_CONTRACTS_PER_CLIENT,
        description="commitment contracts, past and present (Art. 3)",
    )
    vat_regime: VatRegime = Field(
        default=VatRegime.FRANCE, description="where the client stands for VAT (rules §8)"
    )
    holiday_subdivision: Subdivision | None = Field(
        default=None,
        description="French holiday subdivision of the client's site (e.g. '57'), overriding "
        "the tariff's",
    )

    siren: Siren | None = Field(
        default=None, description="9-digit SIREN of a French business (checked)"
    )
    siret: SiretOfTheSiren | None = Field(
        default=None,
        description="14-digit SIRET of the billed establishment (checked, starts with the SIREN)",
    )
    vat_number: VatNumberOfTheSiren | None = Field(
        default=None, description="intra-EU VAT number (checked)"
    )
    electronic_address: Email | None = Field(
        default=None, description="e-mail address for e-invoices when no SIREN or VAT number"
    )
    address: Address | None = Field(
        default=None, description="billing address, required to invoice"
    )

    @model_validator(mode="after")
    def _regime_fits_the_client(self) -> Self:
        """Refuse a VAT regime that the client's VAT number or address contradicts (D66)."""
        regime = self.vat_regime.value
        if self.vat_number is not None:
            allowed = regimes_of_vat_number(self.vat_number)
            if regime not in allowed:
                raise ValueError(
                    f"vat_regime {regime!r} contradicts vat_number {self.vat_number} (a "
                    f"{self.vat_number[:2]} number); use vat_regime = {allowed[0]!r}"
                )
        if self.address is not None:
            allowed = regimes_of_place(self.address.country, self.address.postcode)
            if regime not in allowed:
                raise ValueError(
                    f"vat_regime {regime!r} contradicts the address ({self.address.postcode} "
                    f"{self.address.city[:40]}, {self.address.country}); use vat_regime = "
                    f"{allowed[0]!r}"
                )
        return self


class _TimeSpan(_Frozen):
    start: Instant
    end: Instant
    label: OneLine = Field(default="", max_length=200)

    @model_validator(mode="after")
    def _positive_and_bounded(self) -> Self:
        length = utc(self.end) - utc(self.start)
        if length <= timedelta(0):
            raise ValueError(
                f"end {self.end.isoformat()} is not after start {self.start.isoformat()}; "
                "give an end later than the start (times are compared in UTC)"
            )
        if length > MAX_SPAN:
            raise ValueError(
                f"lasts {length}, more than {MAX_SPAN.days} days; split it into shorter periods"
            )
        return self

    @property
    def duration(self) -> timedelta:
        """Real elapsed time (UTC difference)."""
        return utc(self.end) - utc(self.start)


class WorkPeriod(_TimeSpan):
    """A stretch of work ``[start, end)``."""


class TravelLeg(_TimeSpan):
    """A trip between OUiTEC's seat and the intervention address ``[start, end)`` (Art. 11)."""

    distance_km: InputQuantity = Field(description="road distance of this leg, in km")


class Devis(_Frozen):
    """A quote for on-site work, signed or not (Art. 11: "généralement validée sur devis").

    A signed devis sets the price of the work; travel is inside it unless ``includes_travel`` is
    false. An unsigned devis counts as no devis.
    """

    reference: Name = Field(min_length=1, max_length=200, description="the devis's own reference")
    amount_ht: InputAmount = Field(description="price of the work, € HT, to the cent")
    signed: bool = Field(
        description="whether the client signed it (an unsigned devis counts as none)"
    )
    includes_travel: bool = Field(
        default=True, description="whether the devis price covers travel (Art. 11)"
    )

    @field_validator("amount_ht")
    @classmethod
    def _to_the_cent(cls, value: Decimal) -> Decimal:
        return whole_cents(value, name="devis amount")


class Intervention(_Frozen):
    """One intervention: work periods, travel legs, how it is billed and how it was asked for."""

    work: tuple[WorkPeriod, ...] = Field(
        default=(),
        max_length=MAX_SPANS_PER_INTERVENTION,
        description="work periods, without overlap",
    )
    travel: tuple[TravelLeg, ...] = Field(
        default=(),
        max_length=MAX_SPANS_PER_INTERVENTION,
        description="travel legs to and from the site (Art. 11)",
    )
    mode: BillingMode = Field(
        default=BillingMode.HOURLY, description="how the work is billed (Art. 3)"
    )
    channel: Channel = Field(
        default=Channel.PORTAL, description="how the request was made (Art. 5)"
    )
    confirmed_in_writing: bool = Field(
        default=False, description="a request by phone confirmed in writing (Art. 5)"
    )
    reference: OneLine = Field(
        default="", max_length=200, description="the intervention's reference, shown on documents"
    )
    devis: Devis | None = Field(
        default=None, description="the devis for on-site work, if any (Art. 11)"
    )

    @model_validator(mode="after")
    def _something_without_overlap(self) -> Self:
        spans: list[_TimeSpan] = [*self.work, *self.travel]
        if len(spans) == 1:
            return self
        if not spans:
            raise ValueError("nothing to price: give at least one work period or one travel leg")
        total = sum((span.duration for span in spans), timedelta(0))
        if total > MAX_SPAN:
            raise ValueError(
                f"its work periods and travel legs add up to {total}, more than {MAX_SPAN.days} "
                "days; split it into several interventions"
            )
        spans.sort(key=lambda s: utc(s.start))
        for before, after in pairwise(spans):
            if utc(after.start) < utc(before.end):
                raise ValueError(
                    f"{_describe(before)} and {_describe(after)} overlap; "
                    "periods and legs may touch but not overlap: fix their times"
                )
        return self

    @property
    def earliest_start(self) -> datetime:
        """The earliest start among work periods and travel legs, in UTC."""
        spans = (*self.work, *self.travel)
        if len(spans) == 1:
            return spans[0].start.astimezone(UTC)
        return min(s.start.astimezone(UTC) for s in spans)


def check_statement_span(interventions: Sequence[Intervention]) -> None:
    """Raise ``ValueError`` when ``interventions`` add up to more clock time than
    [`MAX_STATEMENT_SPAN`][ouitec_terms.boundary.models.MAX_STATEMENT_SPAN] (a bound on the work
    of one statement)."""
    total = timedelta(0)
    for intervention in interventions:
        for span in (*intervention.work, *intervention.travel):
            total += span.duration
    if total > MAX_STATEMENT_SPAN:
        raise ValueError(
            f"the interventions add up to {total.days} days of work and travel, more than "
            f"{MAX_STATEMENT_SPAN.days}; split them into several statements"
        )


def _describe(span: _TimeSpan) -> str:
    kind = "travel leg" if isinstance(span, TravelLeg) else "work period"
    name = f" {span.label!r}" if span.label else ""
    return f"{kind}{name} [{span.start.isoformat()}, {span.end.isoformat()})"
