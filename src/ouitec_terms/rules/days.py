"""Day rates: the remote day and the on-site day (Art. 3; rules §5.2).

Rounded work segments are grouped by the local date of their start (a night segment that starts
on day D belongs to D). Each date is one **day unit** at the day rate, covering the first
480 billed minutes of that date in chronological order; minutes beyond are billed by the hour
(off-hours surcharge included), and off-hours minutes the day covers add a surcharge line:
``off-hours hours covered × (day rate / 8) × 0.20``.

```pycon
>>> from datetime import datetime
>>> from zoneinfo import ZoneInfo
>>> from ouitec_terms import Client, Contract, Intervention, Service, WorkPeriod, quote
>>> from ouitec_terms import BillingMode
>>> paris = ZoneInfo("Europe/Paris")
>>> contract = Contract(service=Service.SOC, monthly_commitment=600,
...                     start=datetime(2025, 1, 1).date(), months=12)
>>> day = Intervention(mode=BillingMode.REMOTE_DAY, work=(WorkPeriod(
...     start=datetime(2025, 6, 11, 7, 30, tzinfo=paris),
...     end=datetime(2025, 6, 11, 17, 0, tzinfo=paris)),))
>>> q = quote(day, Client(name="C", contracts=(contract,)))
>>> for line in q.lines:
...     print(line.kind.value, line.billed_minutes, line.amount_ht)
day 480 550.00
day_surcharge 30 6.88
day_overflow 90 112.50
>>> q.total_ht, q.total_ttc
(Decimal('669.38'), Decimal('803.26'))

```
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, tzinfo
from decimal import Decimal

from ouitec_terms.money import minutes_to_hours, round_cents

from .pricing import (
    ART_DAY,
    ART_HOURLY,
    LabelledSegments,
    LineKind,
    QuoteLine,
    Unit,
    hourly_line,
)
from .rounding import RoundedSegment

__all__ = ["DayUnit", "day_lines", "day_units"]


class DayUnit:
    """The rounded segments of one local date, split into what the day covers and the rest."""

    __slots__ = ("covered", "day", "overflow")

    def __init__(self, day: date) -> None:
        self.day = day
        #: (label, segment, raw seconds covered, minutes covered)
        self.covered: list[tuple[str, RoundedSegment, Decimal, int]] = []
        #: (label, segment, raw seconds beyond, minutes beyond)
        self.overflow: list[tuple[str, RoundedSegment, Decimal, int]] = []

    @property
    def covered_minutes(self) -> int:
        """Billed minutes the day unit covers (at most the tariff's day, 480)."""
        return sum(minutes for *_, minutes in self.covered)

    @property
    def off_hours_covered_minutes(self) -> int:
        """Off-hours minutes among those covered (they carry the surcharge)."""
        return sum(m for _, s, _, m in self.covered if s.off_hours)


def day_units(
    periods: Sequence[LabelledSegments], *, day_minutes: int, tz: tzinfo
) -> tuple[DayUnit, ...]:
    """Group segments by the local date of their start and fill each day up to ``day_minutes``.

    Segments are taken in chronological order; one that crosses the day's limit is split at the
    billed-minute mark: the raw seconds go to the covered part up to its billed minutes × 60,
    the rest to the overflow part (rules §4).
    """
    segments = sorted(
        ((label, s) for label, group in periods for s in group), key=lambda item: item[1].start
    )
    units: dict[date, DayUnit] = {}
    for label, segment in segments:
        day = segment.start.astimezone(tz).date()
        unit = units.setdefault(day, DayUnit(day))
        take = min(day_minutes - unit.covered_minutes, segment.billed_minutes)
        raw_taken = min(segment.raw_seconds, Decimal(take * 60))
        if take:
            unit.covered.append((label, segment, raw_taken, take))
        if segment.billed_minutes > take:
            rest = segment.billed_minutes - take
            unit.overflow.append((label, segment, segment.raw_seconds - raw_taken, rest))
    return tuple(units.values())


def day_lines(
    periods: Sequence[LabelledSegments],
    *,
    day_rate: Decimal,
    hourly_rate: Decimal,
    surcharge: Decimal,
    day_minutes: int,
    tz: tzinfo,
) -> tuple[QuoteLine, ...]:
    """The lines of day-rate billing: per date a day unit, its surcharge, and the overflow."""
    lines: list[QuoteLine] = []
    hourly_equivalent = day_rate * 60 / day_minutes
    for unit in day_units(periods, day_minutes=day_minutes, tz=tz):
        covered = unit.covered
        raw = sum((r for _, _, r, _ in covered), Decimal(0))
        start, end = covered[0][1].start, covered[-1][1].end
        lines.append(
            QuoteLine(
                kind=LineKind.DAY,
                label="",
                article=ART_DAY,
                start=start,
                end=end,
                raw_seconds=raw,
                billed_minutes=unit.covered_minutes,
                quantity=Decimal(1),
                unit=Unit.DAY,
                unit_price=day_rate,
                amount_ht=round_cents(day_rate),
            )
        )
        off_minutes = unit.off_hours_covered_minutes
        if off_minutes:
            lines.append(
                QuoteLine(
                    kind=LineKind.DAY_SURCHARGE,
                    label="",
                    article="Art. 3",
                    start=start,
                    end=end,
                    raw_seconds=sum((r for _, s, r, _ in covered if s.off_hours), Decimal(0)),
                    billed_minutes=off_minutes,
                    off_hours=True,
                    quantity=minutes_to_hours(off_minutes),
                    unit=Unit.HOUR,
                    unit_price=hourly_equivalent,
                    surcharge_rate=surcharge,
                    amount_ht=round_cents(off_minutes * day_rate * surcharge / day_minutes),
                )
            )
        lines.extend(
            hourly_line(
                LineKind.DAY_OVERFLOW,
                label,
                ART_HOURLY,
                segment.start,
                segment.end,
                segment.off_hours,
                raw_rest,
                minutes,
                hourly_rate,
                surcharge,
            )
            for label, segment, raw_rest, minutes in unit.overflow
        )
    return tuple(lines)
