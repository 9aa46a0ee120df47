"""Pricing rounded segments into quote lines (Art. 3, Art. 5, Art. 11).

Hourly mode: each rounded segment is one line, ``hours × hourly rate × (1 + surcharge if
off-hours)``, rounded half-up to the cent. Included contract hours absorb business-hours minutes
of work first, in chronological order, as 0 € lines. Travel legs are priced like hourly work
(never absorbed by included hours) plus one distance line.

A [`QuoteLine`][ouitec_terms.rules.pricing.QuoteLine] is data, in no language: its ``kind``, the
caller's ``label`` (a period's label, a devis reference) and its numbers. The words a person reads
are composed from them by [`ouitec_terms.presentation`][ouitec_terms.presentation].
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from ouitec_terms.boundary.amounts import Amount, NonNegativeAmount
from ouitec_terms.money import minutes_to_hours, round_cents

from .rounding import RoundedSegment, measure
from .segments import Piece

NonNegativeInt = Annotated[int, Field(ge=0)]
"""A count of minutes, 0 or more."""

__all__ = [
    "ART_DAY",
    "ART_DEVIS",
    "ART_HOURLY",
    "ART_TRAVEL_DISTANCE",
    "ART_TRAVEL_TIME",
    "LabelledPieces",
    "LabelledSegments",
    "LineKind",
    "QuoteLine",
    "Unit",
    "devis_line",
    "hourly_line",
    "travel_distance_line",
    "travel_time_lines",
    "work_lines",
]

LabelledSegments = tuple[str, Sequence[RoundedSegment]]
"""A work period or travel leg's label with its rounded segments, in chronological order."""
LabelledPieces = tuple[str, Sequence[Piece]]
"""A work period or travel leg's label with its pieces (business / off-hours), in order."""

ART_HOURLY = "Art. 3, Art. 5"
"""The articles each kind of line applies (D14, D18, D28)."""
ART_TRAVEL_TIME = "Art. 11, Art. 3, Art. 5"
ART_TRAVEL_DISTANCE = "Art. 11"
ART_DAY = "Art. 3, Art. 5"
ART_DEVIS = "Art. 11"


class LineKind(StrEnum):
    """What a quote line bills."""

    WORK = "work"
    INCLUDED = "included"
    TRAVEL_TIME = "travel_time"
    TRAVEL_DISTANCE = "travel_distance"
    DAY = "day"
    DAY_SURCHARGE = "day_surcharge"
    DAY_OVERFLOW = "day_overflow"
    DEVIS = "devis"
    CREDIT = "credit"
    """Part of an invoice credited by a partial credit note (a lump sum per VAT rate)."""


class Unit(StrEnum):
    """The unit of a line's quantity (the code; renderings name it in their language)."""

    HOUR = "h"
    KM = "km"
    DAY = "day"
    DEVIS = "devis"
    LUMP = "lump"
    """A lump sum (a partial credit)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteLine:
    """One itemised line: what, why (article), when, raw and billed time, and its price HT.

    ``start`` and ``end`` are UTC instants (D17); ``label`` is the caller's own word for the
    period, leg or devis (empty when none was given).
    """

    kind: LineKind
    """What the line bills: work, included hours, travel time or distance, a day (its surcharge,
    its overflow) or a devis."""
    label: str
    """The caller's word for the period, leg or devis (may be empty)."""
    article: str
    """The articles the line applies, e.g. Art. 3, Art. 5."""
    start: datetime | None = None
    """Start, UTC (D17); none for a line without a span."""
    end: datetime | None = None
    """End, UTC; none for a line without a span."""
    raw_seconds: NonNegativeAmount = Decimal(0)
    """Time actually spent, in seconds."""
    billed_minutes: NonNegativeInt = 0
    """Time billed, rounded up to the started step (Art. 5)."""
    off_hours: bool = False
    """Whether the time is outside business hours (Art. 3)."""
    quantity: NonNegativeAmount = Decimal(0)
    """Billed quantity in the line's unit."""
    unit: Unit = Unit.HOUR
    """Hours, km, days or a flat devis."""
    unit_price: Amount = Decimal(0)
    """Price per unit, € HT, before any surcharge."""
    surcharge_rate: NonNegativeAmount = Decimal(0)
    """Fraction added outside business hours (0.20 by default, Art. 3)."""
    amount_ht: Amount = Decimal(0)
    """The line's amount, € HT, rounded half-up to the cent."""

    @property
    def hours(self) -> Decimal:
        """Billed hours (``billed_minutes / 60``)."""
        return minutes_to_hours(self.billed_minutes)

    @property
    def net_unit_price(self) -> Decimal:
        """The price of one unit, € HT, surcharge included: ``quantity × net_unit_price``,
        rounded half-up to the cent, is ``amount_ht`` (EN 16931 BT-129 × BT-146 = BT-131).

        An hour off business hours costs the rate plus the surcharge (Art. 3); an hour of a day
        unit's off-hours surcharge costs only the surcharge on the day's hourly equivalent
        (rules §5.2); a day, a kilometre and a devis cost their unit price.
        """
        if self.kind is LineKind.DAY_SURCHARGE:
            return self.unit_price * self.surcharge_rate
        if self.surcharge_rate:
            return self.unit_price * (1 + self.surcharge_rate)
        return self.unit_price


_ZERO = Decimal(0)
_HOUR, _WORK = Unit.HOUR, LineKind.WORK
"""Enum members looked up once, not on their class for every line of every quote (about 70 ns
each on CPython 3.11)."""


def hourly_line(  # noqa: PLR0917 - positional: it builds every line of every quote
    kind: LineKind,
    label: str,
    article: str,
    start: datetime,
    end: datetime,
    off_hours: bool,
    raw_seconds: Decimal,
    minutes: int,
    rate: Decimal,
    surcharge: Decimal,
) -> QuoteLine:
    """A piece of time priced by the hour: ``hours × rate × (1 + surcharge if off-hours)``,
    rounded half-up to the cent (Art. 3, D7)."""
    surcharge_rate = surcharge if off_hours else _ZERO
    hours = minutes_to_hours(minutes)
    return QuoteLine(
        kind=kind,
        label=label,
        article=article,
        start=start,
        end=end,
        raw_seconds=raw_seconds,
        billed_minutes=minutes,
        off_hours=off_hours,
        quantity=hours,
        unit=_HOUR,
        unit_price=rate,
        surcharge_rate=surcharge_rate,
        amount_ht=round_cents(hours * rate * (1 + surcharge) if off_hours else hours * rate),
    )


def work_lines(
    periods: Sequence[LabelledPieces],
    *,
    step_minutes: int,
    rate: Decimal,
    surcharge: Decimal,
    included_minutes: int = 0,
) -> tuple[tuple[QuoteLine, ...], int]:
    """Hourly lines for work (Art. 3), with included hours absorbed first (D8, D9).

    Each piece is rounded up to the started step (Art. 5). Returns the lines and the included
    minutes used. A piece that the included minutes only partly absorb is split at the
    billed-minute mark: both parts keep the piece's start and end; the raw seconds go to the
    included part up to its billed minutes x 60, the rest to the billed part.
    """
    lines: list[QuoteLine] = []
    left = included_minutes
    for label, parts in periods:
        for start, end, off in parts:
            raw, minutes = measure(start, end, step_minutes)
            if left and not off:
                absorbed = min(left, minutes)
                raw_absorbed = min(raw, Decimal(absorbed * 60))
                left -= absorbed
                lines.append(
                    hourly_line(
                        LineKind.INCLUDED,
                        label,
                        ART_HOURLY,
                        start,
                        end,
                        off,
                        raw_absorbed,
                        absorbed,
                        _ZERO,
                        surcharge,
                    )
                )
                raw, minutes = raw - raw_absorbed, minutes - absorbed
                if not minutes:
                    continue
            lines.append(
                hourly_line(
                    _WORK, label, ART_HOURLY, start, end, off, raw, minutes, rate, surcharge
                )
            )
    return tuple(lines), included_minutes - left


def travel_time_lines(
    legs: Sequence[LabelledPieces], *, step_minutes: int, rate: Decimal, surcharge: Decimal
) -> tuple[QuoteLine, ...]:
    """Travel time priced like hourly work, off-hours surcharge included (Art. 11, D14)."""
    lines = []
    for label, parts in legs:
        for start, end, off in parts:
            raw, minutes = measure(start, end, step_minutes)
            lines.append(
                hourly_line(
                    LineKind.TRAVEL_TIME,
                    label,
                    ART_TRAVEL_TIME,
                    start,
                    end,
                    off,
                    raw,
                    minutes,
                    rate,
                    surcharge,
                )
            )
    return tuple(lines)


def travel_distance_line(total_km: Decimal, *, per_km: Decimal) -> QuoteLine:
    """One line for the distance of all legs: ``km × price per km`` (Art. 11, D13)."""
    return QuoteLine(
        kind=LineKind.TRAVEL_DISTANCE,
        label="",
        article=ART_TRAVEL_DISTANCE,
        quantity=total_km,
        unit=Unit.KM,
        unit_price=per_km,
        amount_ht=round_cents(total_km * per_km),
    )


def devis_line(
    reference: str, amount: Decimal, periods: Sequence[LabelledPieces], *, step_minutes: int
) -> QuoteLine:
    """One line for the work under a signed devis (Art. 11, D29); its label is the reference.

    It keeps the span and the raw time of the work for the record; the work's time is not
    billed, so ``billed_minutes`` is 0.
    """
    parts = [p for _, group in periods for p in group]
    return QuoteLine(
        kind=LineKind.DEVIS,
        label=reference,
        article=ART_DEVIS,
        start=parts[0][0] if parts else None,
        end=parts[-1][1] if parts else None,
        raw_seconds=sum((measure(a, b, step_minutes)[0] for a, b, _ in parts), Decimal(0)),
        quantity=Decimal(1),
        unit=Unit.DEVIS,
        unit_price=amount,
        amount_ht=round_cents(amount),
    )
