"""Time entries: one line of a helpdesk's or a timesheet's log, as the import reads it.

A [`TimeEntry`][ouitec_terms.boundary.entries.TimeEntry] is what every source becomes (a generic
CSV or JSON export, GLPI's tasks, Kimai's timesheets; see
[`ouitec_terms.boundary.timesheets`][ouitec_terms.boundary.timesheets]): who (client, technician),
which ticket, when (clock times on the tariff's clock when no offset is written, D60), what
(work or travel) and how the request came (Art. 5). It is validated once, like every input.

An entry that can be read but not priced (outside the month, not billable, no clock times, an
unknown client…) is never an error and never dropped: it becomes an
[`EntryFlag`][ouitec_terms.boundary.entries.EntryFlag], which says which entries, why, and what
was found, so that entries priced + entries flagged = entries read (D81).

```pycon
>>> from ouitec_terms.boundary.scalars import LOCAL_CLOCK
>>> entry = TimeEntry.model_validate(
...     {"source": "row 2", "ticket": "T-1", "client": "Garage Petit",
...      "start": "2025-06-03 09:00", "end": "2025-06-03 10:30"},
...     context={LOCAL_CLOCK: "Europe/Paris"})
>>> entry.start.isoformat(), entry.kind
('2025-06-03T09:00:00+02:00', <EntryKind.WORK: 'work'>)

```
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, Field

from .amounts import InputQuantity
from .models import BillingMode, Channel
from .scalars import Instant
from .text import Name, OneLine

__all__ = [
    "MAX_ENTRY_MINUTES",
    "EntryFlag",
    "EntryKind",
    "FlagReason",
    "TimeEntry",
]

MAX_ENTRY_MINUTES = 366 * 24 * 60
"""The longest duration an entry may state, in minutes (an intervention's bound, D74)."""


class EntryKind(StrEnum):
    """What an entry logs: work on the ticket, or travel to the client's site (Art. 11)."""

    WORK = "work"
    TRAVEL = "travel"


class TimeEntry(BaseModel, frozen=True, extra="forbid"):
    """One logged stretch of time, read from an export and validated once."""

    source: str = Field(
        max_length=80, description="where it was read: 'row 12', 'task 381', 'timesheet 77'"
    )
    ticket: Name = Field(max_length=200, description="the ticket (the intervention's reference)")
    client: Name = Field(max_length=200, description="the client's name as the source writes it")
    start: Instant | None = Field(default=None, description="when it started")
    end: Instant | None = Field(default=None, description="when it ended")
    duration_minutes: int | None = Field(
        default=None, ge=0, le=MAX_ENTRY_MINUTES, description="its duration as the source states it"
    )
    technician: OneLine = Field(default="", max_length=200, description="who logged it")
    kind: EntryKind = Field(default=EntryKind.WORK, description="work or travel (Art. 11)")
    distance_km: InputQuantity | None = Field(
        default=None, description="a travel entry's road distance (else the client's)"
    )
    billable: bool = Field(default=True, description="whether the source bills it")
    label: OneLine = Field(default="", max_length=200, description="what was done")
    channel: Channel | None = Field(default=None, description="how the request came (Art. 5)")
    confirmed: bool = Field(
        default=False, description="a phone or chat request confirmed in writing"
    )
    mode: BillingMode = Field(default=BillingMode.HOURLY, description="how it is billed (Art. 3)")


class FlagReason(StrEnum):
    """Why entries were read but not priced (the catalogue says it in French or English)."""

    UNEXPECTED_SHAPE = "unexpected_shape"
    """The row lacks a field the source always has, or holds a value of the wrong kind."""
    UNKNOWN_CLIENT = "unknown_client"
    """No client of the clients file has this name or alias: never guessed."""
    UNKNOWN_TICKET = "unknown_ticket"
    """A GLPI task names a ticket the export does not hold."""
    SHARED_TICKET_NAME = "shared_ticket_name"
    """A GLPI task names its ticket by a name two tickets share."""
    UNMAPPED_VALUE = "unmapped_value"
    """A word of the source the mapping does not translate (a GLPI request type)."""
    OUTSIDE_MONTH = "outside_month"
    """It starts in another month (on the tariff's clock) than the one imported."""
    NOT_BILLABLE = "not_billable"
    """The source marks it as not billable."""
    NO_CLOCK_TIMES = "no_clock_times"
    """Only a duration: the off-hours rule (Art. 3) needs the clock times."""
    DURATION_MISMATCH = "duration_mismatch"
    """Its stated duration differs from its clock times (a break?): split it in the source."""
    NO_DISTANCE = "no_distance"
    """A travel entry without a distance, for a client without ``distance_km`` (Art. 11)."""
    OVERLAP = "overlap"
    """It overlaps an earlier entry of the same technician on the same ticket."""
    MIXED_MODES = "mixed_modes"
    """The ticket's entries of the month are billed in different modes (Art. 3)."""
    NOT_AN_INTERVENTION = "not_an_intervention"
    """Its intervention breaks a bound of the library (D74): too many periods, too long."""
    STATEMENT_LIMIT = "statement_limit"
    """Its client's month breaks a statement's bound (D74)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EntryFlag:
    """Entries read but not priced: which ones, why, and what was found."""

    source: str
    """Where they were read: ``row 12``, ``rows 2–4 998``, ``task 381``."""
    entries: int
    """How many entries this flag accounts for (a run of rows counts each one)."""
    reason: FlagReason
    """Why they were not priced."""
    client: str | None = None
    """The client as the source names it, when known."""
    ticket: str | None = None
    """The ticket, when known."""
    detail: str = ""
    """What was found: the date, the name, the field, the other entry (data, not words)."""
