"""The figures of the law and of the terms on payment, each once, with its source and the date it
applies from (as openfisca keeps a dated value beside its law).

Every rule, rendering and e-invoice that states one of them reads it here; catalogue texts get
them as placeholders (``{points}``, ``{days}``…), never typed in.

```pycon
>>> RECOVERY_INDEMNITY.value, RECOVERY_INDEMNITY.source
(Decimal('40.00'), 'C. com. D441-5')
>>> str(PENALTY_POINTS)
'10 (C. com. L441-10 II, since 2009-01-01)'

```
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

__all__ = [
    "DAYS_IN_YEAR",
    "MAX_PAYMENT_DAYS",
    "PAYMENT_DAYS",
    "PENALTY_POINTS",
    "RECOVERY_INDEMNITY",
    "LegalFigure",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class LegalFigure:
    """A figure of the law or of the terms: its value, where it is written, since when."""

    value: Decimal
    """The figure (euros, points or days)."""
    source: str
    """The text that states it."""
    since: date
    """The first day it applies in this form."""
    note: str = ""
    """How the library reads it, when the text leaves a choice."""

    def __str__(self) -> str:
        return f"{self.value} ({self.source}, since {self.since.isoformat()})"

    @property
    def days(self) -> int:
        """The figure as a whole number of days."""
        return int(self.value)


PAYMENT_DAYS = LegalFigure(
    value=Decimal(30),
    source="CGV 2024-06-02, Art. 4",
    since=date(2024, 6, 2),
    note="days after the client receives the invoice (rules §9)",
)
"""Art. 4 of the terms: payment is due 30 days after the invoice is received."""
MAX_PAYMENT_DAYS = LegalFigure(
    value=Decimal(60),
    source="C. com. L441-10 I",
    since=date(2009, 1, 1),
    note="days after the invoice's issue date (L441-6 until 2019-04-26; D67)",
)
"""The longest payment term the law allows, counted from the invoice's issue date."""
PENALTY_POINTS = LegalFigure(
    value=Decimal(10),
    source="C. com. L441-10 II",
    since=date(2009, 1, 1),
    note="added to the ECB main refinancing rate of the half-year (rules §9)",
)
"""Late penalties: the ECB rate plus 10 percentage points (the terms state no rate)."""
RECOVERY_INDEMNITY = LegalFigure(
    value=Decimal("40.00"),
    source="C. com. D441-5",
    since=date(2013, 1, 1),
    note="euros per invoice paid late, outside the VAT base (décret 2012-1115)",
)
"""The fixed recovery indemnity owed "de plein droit" for each invoice paid late."""
DAYS_IN_YEAR = LegalFigure(
    value=Decimal(365),
    source="C. com. L441-10 II; rules §9",
    since=date(2009, 1, 1),
    note="interest is amount × rate × days / 365, leap years included (SPEC)",
)
"""The days of the year late-payment interest is counted on."""
