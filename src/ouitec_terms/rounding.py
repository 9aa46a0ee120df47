"""Rounding each segment up to the started quarter hour (Art. 5, SPEC §4).

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

from datetime import datetime
from decimal import Decimal
from typing import NamedTuple

from .money import LIBRARY_CONTEXT
from .segments import Segment

__all__ = ["RoundedSegment", "billed_minutes", "round_segment"]


def billed_minutes(microseconds: int, *, step_minutes: int) -> int:
    """Minutes billed for ``microseconds`` of real time: every started step is due (Art. 5)."""
    step = step_minutes * 60 * 1_000_000
    return -(-microseconds // step) * step_minutes


class RoundedSegment(NamedTuple):
    """A segment with its raw duration and its billed minutes side by side."""

    start: datetime
    end: datetime
    off_hours: bool
    raw_seconds: Decimal
    billed_minutes: int


def round_segment(segment: Segment, *, step_minutes: int) -> RoundedSegment:
    """``segment`` rounded up to the started step (15 minutes by the terms)."""
    microseconds = segment.microseconds
    whole, fraction = divmod(microseconds, 1_000_000)
    raw = Decimal(whole) if not fraction else Decimal(microseconds).scaleb(-6, LIBRARY_CONTEXT)
    step = step_minutes * 60_000_000
    return RoundedSegment(
        segment.start, segment.end, segment.off_hours, raw, -(-microseconds // step) * step_minutes
    )
