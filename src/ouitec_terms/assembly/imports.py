"""A month of time entries → interventions per client → that month's statements (issue 19).

The rules, each written once here (decisions D81–D86):

- **One intervention per client, ticket, technician and month** on the tariff's clock. Work
  entries are its work periods, travel entries its travel legs, with the client's
  ``distance_km`` when the entry has none (Art. 11). Its reference is the ticket, with the
  technician in brackets when several worked on the ticket that month. Two technicians at the
  same time are two interventions, each billed.
- **Art. 5**: the channel is the one the earliest entry states (portal when none does); a phone or
  chat request is confirmed in writing when one of its entries says so, else it is priced but
  "not yet due", as in quotes.
- **Nothing is dropped silently** (D81): an entry outside the month, not billable, without
  clock times, of an unknown client, overlapping one of the same technician on the same ticket…
  is flagged with its source and the reason, and entries priced + entries flagged = entries
  read. A run of entries outside the month is one flag that counts them all, so that the memory
  stays proportional to the month's entries, not to the file's.

```pycon
>>> from datetime import datetime
>>> from zoneinfo import ZoneInfo
>>> from ouitec_terms.boundary.clients import parse_clients
>>> from ouitec_terms.boundary.entries import TimeEntry
>>> paris = ZoneInfo("Europe/Paris")
>>> def entry(row: int, day: int, hour: int, client: str = "Garage Petit") -> TimeEntry:
...     return TimeEntry(source=f"row {row}", ticket="T-1", client=client,
...                      start=datetime(2025, 6, day, hour, tzinfo=paris),
...                      end=datetime(2025, 6, day, hour + 1, tzinfo=paris))
>>> clients = parse_clients('[[client]]\\nname = "Garage Petit"')
>>> month = import_month([entry(2, 3, 9), entry(3, 4, 20), entry(4, 5, 9, "Inconnu")],
...                      clients, 2025, 6)
>>> [(q.reference, q.total_ht) for s in month.statements for q in s.quotes]
[('T-1', Decimal('198.00'))]
>>> [(f.source, f.reason.value, f.client) for f in month.flags]
[('row 4', 'unknown_client', 'Inconnu')]
>>> s = month.summary
>>> (s.entries_read, s.entries_priced, s.entries_flagged, s.total_ttc)
(3, 2, 1, Decimal('237.60'))

```
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from ouitec_terms.boundary.amounts import Amount
from ouitec_terms.boundary.clients import ClientDirectory, ClientRecord
from ouitec_terms.boundary.documents import StatementRequest
from ouitec_terms.boundary.entries import EntryFlag, EntryKind, FlagReason, TimeEntry
from ouitec_terms.boundary.models import (
    Channel,
    Intervention,
    TravelLeg,
    WorkPeriod,
    check_statement_span,
)
from ouitec_terms.boundary.scalars import MAX_INTERVENTIONS_PER_STATEMENT, utc
from ouitec_terms.boundary.tariff import DEFAULT_TARIFF, Tariff
from ouitec_terms.errors import EntryError, StatementError
from ouitec_terms.money import in_library_context

from .statement import Statement, monthly_statement

__all__ = [
    "MAX_MONTH_ENTRIES",
    "ClientMonth",
    "ImportSummary",
    "MonthEntries",
    "MonthImport",
    "import_month",
    "interventions_from_entries",
    "price_month",
    "statement_requests",
]

MAX_MONTH_ENTRIES = 1_000_000
"""The most entries of one month an import takes (the file may hold more, of other months)."""

_MINUTE = timedelta(minutes=1)
_Key = tuple[int, str, str]  # the client's position in the clients file, the ticket, technician
_Span = tuple[datetime, datetime, datetime, datetime, TimeEntry]  # UTC start, end; as read; entry


@dataclass(frozen=True, slots=True, kw_only=True)
class ClientMonth:
    """One client's interventions of the month, built from its entries."""

    client: ClientRecord
    """The client, as the clients file describes it."""
    interventions: tuple[Intervention, ...]
    """Its interventions, one per ticket and technician, in the order first seen."""
    entries: int
    """How many entries they were built from."""


@dataclass(frozen=True, slots=True, kw_only=True)
class MonthEntries:
    """A month's entries grouped into interventions per client, and the entries flagged."""

    year: int
    """The month's year."""
    month: int
    """The month (1-12)."""
    clients: tuple[ClientMonth, ...]
    """The clients with entries that month, in the clients file's order."""
    flags: tuple[EntryFlag, ...]
    """The entries read but not priced, and why."""
    entries_read: int
    """Every entry the source held, of every month."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportSummary:
    """What an import did: counts that add up, and the month's totals."""

    year: int
    """The month's year."""
    month: int
    """The month (1-12)."""
    clients: int
    """Clients with a statement."""
    interventions: int
    """Interventions priced."""
    entries_read: int
    """Entries the source held."""
    entries_priced: int
    """Entries priced (in an intervention, due or not yet due)."""
    entries_flagged: int
    """Entries flagged: ``entries_read - entries_priced``."""
    total_ht: Amount
    """Sum of the statements, € HT."""
    total_vat: Amount
    """Sum of their VAT, €."""
    total_ttc: Amount
    """Sum of their totals, € TTC."""


@dataclass(frozen=True, slots=True, kw_only=True)
class MonthImport:
    """A month of time entries priced: a statement per client, the flags, a summary."""

    statements: tuple[Statement, ...]
    """One statement per client with entries that month, in the clients file's order."""
    flags: tuple[EntryFlag, ...]
    """The entries read but not priced, and why."""
    summary: ImportSummary
    """Counts and totals."""

    def explain(self, lang: str = "fr") -> str:
        """The statements, then the flags, then the summary, in French by default."""
        from ouitec_terms.presentation.imports import import_text  # noqa: PLC0415 - D52

        return import_text(self, lang)

    def __str__(self) -> str:
        return self.explain()


class _Flags:
    """The flags of an import, a run of entries outside the month merged into one."""

    def __init__(self) -> None:
        self.items: list[EntryFlag] = []
        self.run = False
        """Whether the last entry read was flagged outside the month (a run may go on)."""

    def add(self, flag: EntryFlag) -> None:
        last = self.items[-1] if self.items else None
        merge = (
            self.run
            and last is not None
            and flag.reason is FlagReason.OUTSIDE_MONTH
            and last.reason is FlagReason.OUTSIDE_MONTH
            and flag.source.startswith("row ")
            and last.source.startswith("row")
        )
        if merge and last is not None:
            first = last.source.split()[1].split("–")[0]
            self.items[-1] = EntryFlag(
                source=f"rows {first}–{flag.source.split()[1]}",
                entries=last.entries + flag.entries,
                reason=FlagReason.OUTSIDE_MONTH,
                detail=last.detail.split(" … ")[0] + " … " + flag.detail,
            )
        else:
            self.items.append(flag)
        self.run = flag.reason is FlagReason.OUTSIDE_MONTH

    def entry(self, entry: TimeEntry, reason: FlagReason, detail: str = "") -> None:
        self.add(
            EntryFlag(source=entry.source, entries=1, reason=reason, client=entry.client,
                      ticket=entry.ticket, detail=detail)
        )  # fmt: skip


def _clock_times(entry: TimeEntry) -> tuple[datetime, datetime] | None:
    """Its start and end, one of them from the other and the duration when only one is given."""
    start, end, minutes = entry.start, entry.end, entry.duration_minutes
    if start is not None and end is not None:
        return start, end
    if minutes is None or (start is None and end is None):
        return None
    length = timedelta(minutes=minutes)  # on the UTC time line: a clock change is real time
    if start is None:
        assert end is not None
        return (utc(end) - length).astimezone(end.tzinfo), end
    return start, (utc(start) + length).astimezone(start.tzinfo)


@in_library_context
def interventions_from_entries(
    entries: Iterable[TimeEntry | EntryFlag],
    clients: ClientDirectory,
    year: int,
    month: int,
    *,
    tariff: Tariff = DEFAULT_TARIFF,
) -> MonthEntries:
    """Group the entries of ``year``-``month`` into interventions per client (the rules above);
    flag the others. ``entries`` is read once, as a stream."""
    tz = ZoneInfo(tariff.timezone)
    flags, read, kept = _Flags(), 0, 0
    groups: dict[_Key, list[_Span]] = {}
    position = {id(record): index for index, record in enumerate(clients.records)}
    for item in entries:
        if isinstance(item, EntryFlag):
            read += item.entries
            flags.add(item)
            continue
        read += 1
        times = _clock_times(item)
        if times is None:
            flags.entry(item, FlagReason.NO_CLOCK_TIMES)
            continue
        start, end = times
        start_utc, end_utc = utc(start), utc(end)  # once: the checks and the grouping use them
        local = start_utc.astimezone(tz)
        if (local.year, local.month) != (year, month):
            flags.entry(item, FlagReason.OUTSIDE_MONTH, local.date().isoformat())
            continue
        client = clients.find(item.client)
        if not item.billable:
            flags.entry(item, FlagReason.NOT_BILLABLE)
        elif client is None:
            flags.entry(item, FlagReason.UNKNOWN_CLIENT)
        elif (minutes := item.duration_minutes) is not None and abs(
            end_utc - start_utc - timedelta(minutes=minutes)
        ) >= _MINUTE:
            flags.entry(item, FlagReason.DURATION_MISMATCH, f"{minutes} min")
        elif item.kind is EntryKind.TRAVEL and None is item.distance_km is client.distance_km:
            flags.entry(item, FlagReason.NO_DISTANCE)
        elif end_utc <= start_utc:
            flags.entry(item, FlagReason.NOT_AN_INTERVENTION, "end ≤ start")
        else:
            kept += 1
            if kept > MAX_MONTH_ENTRIES:
                raise EntryError(
                    f"more than {MAX_MONTH_ENTRIES:,} entries in {year}-{month:02d}; import the "
                    "month in parts (by client)"
                )
            flags.run = False
            key = (position[id(client)], item.ticket, item.technician)
            groups.setdefault(key, []).append((start_utc, end_utc, start, end, item))
    per_client = _interventions(groups, clients, flags)
    return MonthEntries(
        year=year, month=month, clients=per_client, flags=tuple(flags.items), entries_read=read
    )


def _interventions(
    groups: dict[_Key, list[_Span]],
    clients: ClientDirectory,
    flags: _Flags,
) -> tuple[ClientMonth, ...]:
    technicians: dict[tuple[int, str], int] = {}
    for index, ticket, _ in groups:
        technicians[index, ticket] = technicians.get((index, ticket), 0) + 1
    built: dict[int, list[tuple[Intervention, int]]] = {}
    for (index, ticket, technician), spans in groups.items():
        record = clients.records[index]
        shared = technicians[index, ticket] > 1 and technician
        reference = f"{ticket} ({technician})" if shared else ticket
        made = _intervention(spans, record, reference, flags)
        if made is not None:
            built.setdefault(index, []).append(made)
    result = []
    for index in sorted(built):
        record, pairs = clients.records[index], built[index]
        interventions = tuple(intervention for intervention, _ in pairs)
        count = sum(entries for _, entries in pairs)
        try:
            if len(interventions) > MAX_INTERVENTIONS_PER_STATEMENT:
                raise ValueError(
                    f"{len(interventions)} interventions, more than "
                    f"{MAX_INTERVENTIONS_PER_STATEMENT}"
                )
            check_statement_span(interventions)
        except ValueError as error:
            flags.add(
                EntryFlag(source="—", entries=count, reason=FlagReason.STATEMENT_LIMIT,
                          client=record.name, detail=str(error)[:200])
            )  # fmt: skip
            continue
        result.append(ClientMonth(client=record, interventions=interventions, entries=count))
    return tuple(result)


def _intervention(
    spans: list[_Span],
    client: ClientRecord,
    reference: str,
    flags: _Flags,
) -> tuple[Intervention, int] | None:
    """The intervention of one ticket and technician, and how many entries it holds."""
    spans.sort(key=lambda span: span[0])
    kept: list[_Span] = []
    for span in spans:
        if kept and span[0] < kept[-1][1]:
            flags.entry(span[4], FlagReason.OVERLAP, kept[-1][4].source)
        else:
            kept.append(span)
    entries = [span[4] for span in kept]
    modes = {entry.mode for entry in entries}
    if len(modes) > 1:
        for entry in entries:
            flags.entry(entry, FlagReason.MIXED_MODES, ", ".join(sorted(m.value for m in modes)))
        return None
    work, travel = [], []
    for _, _, start, end, entry in kept:
        if entry.kind is EntryKind.TRAVEL:
            distance = client.distance_km if entry.distance_km is None else entry.distance_km
            assert distance is not None  # an entry without one was flagged (NO_DISTANCE)
            travel.append(TravelLeg(start=start, end=end, label=entry.label, distance_km=distance))
        else:
            work.append(WorkPeriod(start=start, end=end, label=entry.label))
    channel = next((e.channel for e in entries if e.channel is not None), Channel.PORTAL)
    try:
        intervention = Intervention(
            work=tuple(work), travel=tuple(travel), mode=modes.pop(), channel=channel,
            confirmed_in_writing=any(e.confirmed for e in entries), reference=reference[:200],
        )  # fmt: skip
    except ValidationError as error:
        detail = error.errors(include_url=False)[0]["msg"].removeprefix("Value error, ")[:200]
        for entry in entries:
            flags.entry(entry, FlagReason.NOT_AN_INTERVENTION, detail)
        return None
    return intervention, len(kept)


@in_library_context
def import_month(
    entries: Iterable[TimeEntry | EntryFlag],
    clients: ClientDirectory,
    year: int,
    month: int,
    *,
    tariff: Tariff = DEFAULT_TARIFF,
) -> MonthImport:
    """Price a month of time entries: a statement per client (its included hours from the
    clients file when given, else from its contracts), the flags and a summary."""
    grouped = interventions_from_entries(entries, clients, year, month, tariff=tariff)
    return price_month(grouped, tariff=tariff)


@in_library_context
def price_month(grouped: MonthEntries, *, tariff: Tariff = DEFAULT_TARIFF) -> MonthImport:
    """The statements of a month's grouped entries, the flags and a summary."""
    try:
        statements = tuple(
            monthly_statement(
                c.client.billing_client(),
                c.interventions,
                grouped.year,
                grouped.month,
                tariff=tariff,
                included_hours=c.client.included_hours,
            )
            for c in grouped.clients
        )
    except StatementError as error:  # a month the library does not price (before 1970…)
        raise EntryError(str(error)) from None
    priced = sum(c.entries for c in grouped.clients)
    summary = ImportSummary(
        year=grouped.year,
        month=grouped.month,
        clients=len(statements),
        interventions=sum(len(c.interventions) for c in grouped.clients),
        entries_read=grouped.entries_read,
        entries_priced=priced,
        entries_flagged=grouped.entries_read - priced,
        total_ht=sum((s.total_ht for s in statements), Decimal("0.00")),
        total_vat=sum((s.total_vat for s in statements), Decimal("0.00")),
        total_ttc=sum((s.total_ttc for s in statements), Decimal("0.00")),
    )
    return MonthImport(statements=statements, flags=grouped.flags, summary=summary)


def statement_requests(grouped: MonthEntries) -> tuple[StatementRequest, ...]:
    """One statement document per client of ``grouped``: its billing identity, its
    interventions and, when the clients file gives them, the month's included hours. Priced
    with ``ouitec-terms statement DOC --month M``, each gives its statement's totals."""
    return tuple(
        StatementRequest(
            client=c.client.billing_client(),
            interventions=c.interventions,
            included_hours=c.client.included_hours,
        )
        for c in grouped.clients
    )
