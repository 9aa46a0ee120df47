"""Pricing rounded segments into quote lines (Art. 3, Art. 5, Art. 11; SPEC §5.1, §5.3, §6).

Hourly mode: each rounded segment is one line, ``hours × hourly rate × (1 + 0.20 if off-hours)``,
rounded half-up to the cent. Included contract hours absorb business-hours minutes of work first,
in chronological order, as 0 € lines. Travel legs are priced like hourly work (never absorbed by
included hours) plus one distance line.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from pydantic import BaseModel, Field

from .money import LIBRARY_CONTEXT, Amount, NonNegativeAmount, round_cents
from .rounding import RoundedSegment
from .trusted import trusted

__all__ = [
    "LabelledSegments",
    "LineKind",
    "QuoteLine",
    "devis_line",
    "hourly_line",
    "travel_distance_line",
    "travel_time_lines",
    "work_lines",
]

#: A work period or travel leg's label with its rounded segments, in chronological order.
LabelledSegments = tuple[str, Sequence[RoundedSegment]]

ART_HOURLY = "Art. 3, Art. 5"
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
    DEVIS = "devis"


class QuoteLine(BaseModel, frozen=True, extra="forbid"):
    """One itemised line: what, why (article), when, raw and billed time, and its price HT.

    Lines read from outside (JSON) are validated; the pipeline builds its own lines with
    ``model_construct`` from values it has already validated and computed, so they are not
    validated a second time (see the performance notes).
    """

    kind: LineKind
    label: str
    article: str = Field(description="the articles of the terms the line applies")
    start: datetime | None = None
    end: datetime | None = None
    raw_seconds: NonNegativeAmount = Decimal(0)
    billed_minutes: int = Field(default=0, ge=0)
    off_hours: bool = False
    quantity: NonNegativeAmount
    unit: str
    unit_price: Amount
    surcharge_rate: NonNegativeAmount = Decimal(0)
    amount_ht: Amount

    @property
    def hours(self) -> Decimal:
        """Billed hours (``billed_minutes / 60``)."""
        return _hours(self.billed_minutes)


_ZERO = Decimal(0)


@lru_cache(maxsize=1024)
def _hours(minutes: int) -> Decimal:
    """Billed minutes as exact hours (a memo: the same few quarter hours recur)."""
    return LIBRARY_CONTEXT.divide(Decimal(minutes), 60)


def hourly_line(
    kind: LineKind,
    label: str,
    article: str,
    segment: RoundedSegment,
    *,
    raw_seconds: Decimal,
    minutes: int,
    rate: Decimal,
    surcharge: Decimal,
) -> QuoteLine:
    surcharge_rate = surcharge if segment.off_hours else _ZERO
    hours = _hours(minutes)
    return trusted(
        QuoteLine,
        kind=kind,
        label=label,
        article=article,
        start=segment.start,
        end=segment.end,
        raw_seconds=raw_seconds,
        billed_minutes=minutes,
        off_hours=segment.off_hours,
        quantity=hours,
        unit="h",
        unit_price=rate,
        surcharge_rate=surcharge_rate,
        amount_ht=round_cents(hours * rate * (1 + surcharge_rate)),
    )


def when(segment: RoundedSegment, surcharge: Decimal) -> str:
    if segment.off_hours:
        return f"off-hours (+{(surcharge * 100).normalize():f} %)"
    return "business hours"


def work_lines(
    periods: Sequence[LabelledSegments],
    *,
    rate: Decimal,
    surcharge: Decimal,
    included_minutes: int = 0,
) -> tuple[tuple[QuoteLine, ...], int]:
    """Hourly lines for work (SPEC §5.1), with included hours absorbed first (§5.3).

    Returns the lines and the included minutes used. A segment that the included minutes only
    partly absorb is split at the billed-minute mark: both parts keep the segment's start and
    end; the raw seconds go to the included part up to its billed minutes x 60, the rest to the
    billed part.
    """
    lines: list[QuoteLine] = []
    left = included_minutes
    for label, segments in periods:
        name = label or "Support"
        for segment in segments:
            raw, minutes = segment.raw_seconds, segment.billed_minutes
            if left and not segment.off_hours:
                absorbed = min(left, minutes)
                raw_absorbed = min(raw, Decimal(absorbed * 60))
                left -= absorbed
                lines.append(
                    hourly_line(
                        LineKind.INCLUDED,
                        f"{name} — business hours, included in the contract",
                        ART_HOURLY,
                        segment,
                        raw_seconds=raw_absorbed,
                        minutes=absorbed,
                        rate=Decimal(0),
                        surcharge=surcharge,
                    )
                )
                raw, minutes = raw - raw_absorbed, minutes - absorbed
                if not minutes:
                    continue
            lines.append(
                hourly_line(
                    LineKind.WORK,
                    f"{name} — {when(segment, surcharge)}",
                    ART_HOURLY,
                    segment,
                    raw_seconds=raw,
                    minutes=minutes,
                    rate=rate,
                    surcharge=surcharge,
                )
            )
    return tuple(lines), included_minutes - left


def travel_time_lines(
    legs: Sequence[LabelledSegments], *, rate: Decimal, surcharge: Decimal
) -> tuple[QuoteLine, ...]:
    """Travel time priced like hourly work, off-hours surcharge included (Art. 11; SPEC §6)."""
    return tuple(
        hourly_line(
            LineKind.TRAVEL_TIME,
            f"{label or 'Travel'} — travel time, {when(segment, surcharge)}",
            ART_TRAVEL_TIME,
            segment,
            raw_seconds=segment.raw_seconds,
            minutes=segment.billed_minutes,
            rate=rate,
            surcharge=surcharge,
        )
        for label, segments in legs
        for segment in segments
    )


def travel_distance_line(total_km: Decimal, *, per_km: Decimal, legs: int) -> QuoteLine:
    """One line for the distance of all legs: ``km × price per km`` (Art. 11; SPEC §6)."""
    return trusted(
        QuoteLine,
        kind=LineKind.TRAVEL_DISTANCE,
        label=f"Travel distance, {legs} leg{'s' if legs != 1 else ''} from Charly (Rhône)",
        article=ART_TRAVEL_DISTANCE,
        quantity=total_km,
        unit="km",
        unit_price=per_km,
        amount_ht=round_cents(total_km * per_km),
    )


def devis_line(reference: str, amount: Decimal, periods: Sequence[LabelledSegments]) -> QuoteLine:
    """One line for the work under a signed devis (Art. 11; SPEC §5.4).

    It keeps the span and the raw time of the work for the record; the work's time is not
    billed, so ``billed_minutes`` is 0.
    """
    segments = [s for _, group in periods for s in group]
    return trusted(
        QuoteLine,
        kind=LineKind.DEVIS,
        label=f"Work as per signed devis {reference}",
        article=ART_DEVIS,
        start=segments[0].start if segments else None,
        end=segments[-1].end if segments else None,
        raw_seconds=sum((s.raw_seconds for s in segments), Decimal(0)),
        quantity=Decimal(1),
        unit="devis",
        unit_price=amount,
        amount_ht=round_cents(amount),
    )
