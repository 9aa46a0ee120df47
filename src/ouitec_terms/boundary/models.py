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

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise
from typing import Self

from pydantic import (
    BaseModel,
    Field,
    field_validator,
    model_validator,
)

from ouitec_terms.money import whole_cents

from .amounts import InputAmount, InputQuantity
from .catalogue import Service
from .identifiers import Email, Siren
from .places import regimes_of_place, regimes_of_vat_number
from .scalars import (
    MAX_CONTRACTS_PER_CLIENT,
    MAX_SPAN,
    MAX_SPANS_PER_INTERVENTION,
    MAX_STATEMENT_SPAN,
    CalendarDate,
    CountryCode,
    IncludedHours,
    Instant,
    SiretOfTheSiren,
    Subdivision,
    VatNumberOfTheSiren,
    add_months,
    utc,
)
from .text import Name, OneLine

__all__ = [
    "Address",
    "BillingMode",
    "Channel",
    "Client",
    "Contract",
    "Devis",
    "Intervention",
    "TravelLeg",
    "VatRegime",
    "WorkPeriod",
    "check_statement_span",
]


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
        return self in _WRITTEN_CHANNELS


_WRITTEN_CHANNELS = (Channel.PORTAL, Channel.EMAIL)
"""The channels that are writing already (Art. 5: "par écrit via l'interface de support ... ou
par e-mail")."""


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
    """A trip between OUiTEC's head office and the intervention address ``[start, end)``
    (Art. 11)."""

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
