"""Rounding each segment up to the started quarter hour (Art. 5, rules §4).

"Toutes les interventions sont suivies par paliers d'1/4 d'heure et tout 1/4 d'heure commencé
sera dû": a segment of ``s`` seconds is billed ``ceil(s / 900) * 15`` minutes. A segment of
exactly 15 minutes stays 15 minutes; one of 15 minutes and 1 microsecond is billed 30.

```pycon
>>> billed_minutes(15 * 60 * 1_000_000, step_minutes=15)
15
>>> billed_minutes(15 * 60 * 1_000_000 + 1, step_minutes=15)
30

```
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from ouitec_terms.money import LIBRARY_CONTEXT

from .segments import Piece, Segment

__all__ = [
    "RoundedSegment",
    "billed_minutes",
    "measure",
    "round_pieces",
    "round_segment",
    "started_steps",
]


def started_steps(microseconds: int, step_microseconds: int) -> int:
    """The number of steps started in ``microseconds`` of real time: ``ceil(us / step)``.

    Art. 5, "tout 1/4 d'heure commencé sera dû": the one ceiling of the library (the columnar
    path's vectorised twin is property-tested equal to it).
    """
    return -(-microseconds // step_microseconds)


def billed_minutes(microseconds: int, *, step_minutes: int) -> int:
    """Minutes billed for ``microseconds`` of real time: every started step is due (Art. 5)."""
    return started_steps(microseconds, step_minutes * 60_000_000) * step_minutes


@dataclass(frozen=True, slots=True, kw_only=True)
class RoundedSegment:
    """A segment with its raw duration and its billed minutes side by side."""

    start: datetime
    """Start, UTC."""
    end: datetime
    """End, UTC."""
    off_hours: bool
    """Whether the segment is outside business hours."""
    raw_seconds: Decimal
    """Time actually spent, in seconds."""
    billed_minutes: int
    """Time billed: the raw time rounded up to the started step (Art. 5)."""


def measure(start: datetime, end: datetime, step_minutes: int) -> tuple[Decimal, int]:
    """The raw seconds of ``[start, end)`` (exact to the microsecond, D10) and the minutes
    billed for them: every started step is due (Art. 5)."""
    delta = end - start
    microseconds = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
    whole, fraction = divmod(microseconds, 1_000_000)
    raw = Decimal(whole) if not fraction else Decimal(microseconds).scaleb(-6, LIBRARY_CONTEXT)
    return raw, started_steps(microseconds, step_minutes * 60_000_000) * step_minutes


def _rounded(start: datetime, end: datetime, off_hours: bool, step_minutes: int) -> RoundedSegment:
    raw, billed = measure(start, end, step_minutes)
    return RoundedSegment(
        start=start, end=end, off_hours=off_hours, raw_seconds=raw, billed_minutes=billed
    )


def round_segment(segment: Segment, *, step_minutes: int) -> RoundedSegment:
    """``segment`` rounded up to the started step (15 minutes by the terms)."""
    return _rounded(segment.start, segment.end, segment.off_hours, step_minutes)


def round_pieces(parts: Sequence[Piece], *, step_minutes: int) -> list[RoundedSegment]:
    """Pieces of time (from [`pieces`][ouitec_terms.rules.segments.pieces]), each rounded up to
    the started step."""
    return [_rounded(a, b, off, step_minutes) for a, b, off in parts]
