"""Benchmarks: ouitec-terms against the libraries people use today, in one process (make bench).

A seeded workload of Europe/Paris intervals (2024–2026; 60 % of 5 min–4 h, 30 % of 4–48 h,
10 % of 2–14 days; starts biased towards DST days, public holidays and the 08:00/19:00 edges) is
measured, as medians over several repeats, for:

- the business / off-hours split alone: ours, businesstimedelta (WorkDayRule + HolidayRule),
  pandas CustomBusinessHour, and a day walk over workalendar's France calendar, checking that
  all agree on the business and off-hours seconds of every interval;
- ``quote()`` end to end, by duration band, per intervention and per output line;
- ``quote()`` against its floor: a minimal, independent reimplementation of the hourly path
  (NamedTuples, no validation) that computes every field of the quote, first checked equal,
  field by field, on the workload; the two are timed in interleaved repeats;
- ``monthly_statement`` over 10 000 interventions against a hundred statements of 100, in
  interleaved repeats (the cost per intervention must not grow with the size of the month),
  with the set-up frozen out of the cyclic GC's sight (``gc.freeze``), as a long-running batch
  does once its inputs are loaded;
- JSON in → quote → JSON out, split into validation, pricing and dumping;
- the columnar ``price_hourly_batch``.

It prints a table of µs per item with ratios and checks the targets of the performance issue,
and writes the same as JSON. Peers come from the ``bench`` extra.

Usage: ``python benchmarks/bench.py [--items N] [--repeats R] [--batch-rows M] [--json PATH]``.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import random
import statistics
import sys
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from decimal import ROUND_HALF_UP, Decimal
from functools import partial
from pathlib import Path
from typing import Any, ClassVar, NamedTuple
from zoneinfo import ZoneInfo

import holidays
import startup

from ouitec_terms import (
    DEFAULT_TARIFF,
    Client,
    Contract,
    Intervention,
    Quote,
    QuoteRequest,
    Service,
    WorkPeriod,
    business_and_off_hours,
    from_json,
    monthly_statement,
    quote,
    split,
    to_json,
    windows_for,
)

PARIS = ZoneInfo("Europe/Paris")
YEARS = range(2023, 2029)  # the workload's years, with a margin on both sides
FRENCH_HOLIDAYS = sorted(holidays.country_holidays("FR", years=YEARS))
DST_DAYS = [
    date(2024, 3, 31),
    date(2024, 10, 27),
    date(2025, 3, 30),
    date(2025, 10, 26),
    date(2026, 3, 29),
    date(2026, 10, 25),
]
BANDS = (
    ("< 4 h", 0.60, 5, 4 * 60),
    ("4–48 h", 0.30, 4 * 60, 48 * 60),
    ("2–14 days", 0.10, 2 * 24 * 60, 14 * 24 * 60),
)
CLIENT = Client(
    name="Benchmark client",
    contracts=(
        Contract(
            service=Service.USER_SUPPORT,
            monthly_commitment=Decimal(600),
            start=date(2023, 1, 1),
            months=60,
        ),
    ),
)
SplitFunction = Callable[[datetime, datetime], float]


@dataclass(frozen=True)
class Item:
    start: datetime
    end: datetime
    band: str


def workload(n: int, seed: int) -> list[Item]:
    """``n`` intervals in Europe/Paris, with the band mix and the biased starts above."""
    rng = random.Random(seed)
    in_range = [d for d in FRENCH_HOLIDAYS if 2024 <= d.year <= 2026]
    special = sorted({d + timedelta(days=k) for d in DST_DAYS + in_range for k in (-1, 0, 1)})
    items = []
    for _ in range(n):
        name, _, low, high = rng.choices(BANDS, [b[1] for b in BANDS])[0]
        if rng.random() < 0.5:
            day = rng.choice(special)
        else:
            day = date(2024, 1, 1) + timedelta(days=rng.randrange(3 * 365))
        if rng.random() < 0.5:
            edge = rng.choice((8 * 60, 19 * 60)) + rng.randrange(-20, 21)
            minute = edge % (24 * 60)
        else:
            minute = rng.randrange(24 * 60)
        local = datetime.combine(day, clock(minute // 60, minute % 60), PARIS)
        start = local.replace(fold=rng.randrange(2)).astimezone(UTC)
        end = start + timedelta(minutes=rng.randrange(low, high + 1), seconds=rng.randrange(60))
        items.append(Item(start, end, name))
    return items


# --- the split, ours and the peers --------------------------------------------------------------

WINDOWS = windows_for(DEFAULT_TARIFF)


def ours(start: datetime, end: datetime) -> float:
    """Business seconds in closed form: what the peers compute (a total, not segments)."""
    return business_and_off_hours(start, end, WINDOWS)[0].total_seconds()


def ours_segments(start: datetime, end: datetime) -> float:
    """Business seconds added up from the segments ``quote()`` prices (one per window edge)."""
    return sum(
        (p.end - p.start).total_seconds() for p in split(start, end, WINDOWS) if not p.off_hours
    )


def make_businesstimedelta() -> SplitFunction:
    import businesstimedelta  # noqa: PLC0415
    import pytz  # noqa: PLC0415

    tz = pytz.timezone("Europe/Paris")
    rules = businesstimedelta.Rules(
        [
            businesstimedelta.WorkDayRule(
                start_time=clock(8), end_time=clock(19), working_days=[0, 1, 2, 3, 4], tz=tz
            ),
            businesstimedelta.HolidayRule(FRENCH_HOLIDAYS, tz=tz),
        ]
    )

    def business_seconds(start: datetime, end: datetime) -> float:
        delta = rules.difference(start.astimezone(tz), end.astimezone(tz))
        return float(delta.hours * 3600 + delta.seconds)

    return business_seconds


def make_pandas() -> SplitFunction:
    import pandas as pd  # noqa: PLC0415

    hours = pd.offsets.CustomBusinessHour(
        start="08:00",
        end="19:00",
        weekmask="Mon Tue Wed Thu Fri",
        holidays=FRENCH_HOLIDAYS,  # type: ignore[call-arg]
    )

    def business_seconds(start: datetime, end: datetime) -> float:
        # the usual day walk: CustomBusinessHour finds each opening, the day's close bounds it
        t: datetime = pd.Timestamp(start).tz_convert("Europe/Paris")
        stop = pd.Timestamp(end).tz_convert("Europe/Paris")
        total = 0.0
        while t < stop:
            opening = hours.rollforward(t)
            if opening >= stop:
                break
            closing = opening.replace(hour=19, minute=0, second=0, microsecond=0)
            if closing <= opening:  # rolled onto a closing time: step past it
                t = opening + pd.Timedelta(microseconds=1)
                continue
            total += (min(closing, stop) - opening).total_seconds()
            t = closing
        return total

    return business_seconds


def make_workalendar() -> SplitFunction:
    from workalendar.europe import France  # noqa: PLC0415

    france = France()

    def business_seconds(start: datetime, end: datetime) -> float:
        total = 0.0
        day = start.astimezone(PARIS).date()
        while day <= end.astimezone(PARIS).date():
            if france.is_working_day(day):
                opens = datetime.combine(day, clock(8), PARIS)
                closes = datetime.combine(day, clock(19), PARIS)
                low, high = max(opens, start), min(closes, end)
                if high > low:
                    total += (high.astimezone(UTC) - low.astimezone(UTC)).total_seconds()
            day += timedelta(days=1)
        return total

    return business_seconds


# --- the floor: the hourly path written again, minimally and independently ------------------


class FloorLine(NamedTuple):
    kind: str
    label: str
    article: str
    start: datetime | None
    end: datetime | None
    raw_seconds: Decimal
    billed_minutes: int
    off_hours: bool
    quantity: Decimal
    unit: str
    unit_price: Decimal
    surcharge_rate: Decimal
    amount_ht: Decimal


class FloorVat(NamedTuple):
    rate: Decimal
    base: Decimal
    amount: Decimal
    article: str


class FloorQuote(NamedTuple):
    """Everything a [`Quote`] holds, field for field (checked by ``floor_mismatches``)."""

    reference: str
    client_name: str
    mode: str
    channel: str
    lines: tuple[FloorLine, ...]
    total_ht: Decimal
    vat: tuple[FloorVat, ...]
    total_vat: Decimal
    total_ttc: Decimal
    under_contract: bool
    status_date: date
    tariff_version: str
    timezone: str
    rounding_minutes: int
    day_minutes: int
    seat: str
    mentions: tuple[object, ...]
    due: bool
    included_hours_available: Decimal
    included_hours_used: Decimal
    calendar_version: str


class Floor:
    """The hourly path for one work period under the terms of 2024-06-02 in metropolitan
    France, written again with nothing else: the status date, the client's status (one active
    contract of 12 months or more at 500 € or more), the rate, the VAT rate in force on the
    status date, its own window table (from ``holidays`` and ``zoneinfo``), its own bisection,
    rounding and arithmetic, and every other field of the quote (no mentions, no included
    hours: a client in France without them)."""

    RATES: ClassVar[dict[bool, Decimal]] = {True: Decimal(75), False: Decimal(90)}
    SURCHARGE = Decimal("0.20")
    CENT, QUARTER, NONE = Decimal("0.01"), 900 * 1_000_000, Decimal(0)
    WRITTEN = frozenset({"portal", "email"})
    CALENDAR = f"holidays {holidays.__version__}"  # type: ignore[attr-defined]

    def __init__(self) -> None:
        opens, closes = [], []
        day = date(YEARS[0], 1, 1)
        while day.year <= YEARS[-1]:
            if day.isoweekday() <= 5 and day not in FRENCH_HOLIDAYS_SET:
                opens.append(datetime.combine(day, clock(8), PARIS).astimezone(UTC))
                closes.append(datetime.combine(day, clock(19), PARIS).astimezone(UTC))
            day += timedelta(days=1)
        self.opens, self.closes = opens, closes

    @staticmethod
    def under_contract(client: Client, day: date) -> bool:
        for c in client.contracts:
            index = c.start.month - 1 + c.months
            year, month = c.start.year + index // 12, index % 12 + 1
            last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
            end = date(year, month, min(c.start.day, last))
            if c.start <= day < end and c.months >= 12 and c.monthly_commitment >= 500:
                return True
        return False

    @staticmethod
    def vat_rate(day: date) -> Decimal:
        return Decimal("0.20") if day >= date(2014, 1, 1) else Decimal("0.196")

    def line(self, start: datetime, end: datetime, off: bool, rate: Decimal) -> FloorLine:
        delta = end - start
        us = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
        raw = Decimal(us) / 1_000_000 if us % 1_000_000 else Decimal(us // 1_000_000)
        minutes = -(-us // self.QUARTER) * 15
        hours = Decimal(minutes) / 60
        surcharge = self.SURCHARGE if off else Decimal(0)
        amount = (hours * rate * (1 + surcharge)).quantize(self.CENT, ROUND_HALF_UP)
        return FloorLine(
            "work",
            "",
            "Art. 3, Art. 5",
            start,
            end,
            raw,
            minutes,
            off,
            hours,
            "h",
            rate,
            surcharge,
            amount,
        )

    def quote(self, job: Intervention, client: Client) -> FloorQuote:
        period = job.work[0]
        start, end = period.start.astimezone(UTC), period.end.astimezone(UTC)
        day = start.astimezone(PARIS).date()
        contract = self.under_contract(client, day)
        rate = self.RATES[contract]
        first = bisect_right(self.closes, start)
        last = bisect_left(self.opens, end, first)
        lines, cursor = [], start
        for k in range(first, last):
            opening, closing = self.opens[k], self.closes[k]
            if opening > cursor:
                lines.append(self.line(cursor, opening, True, rate))
                cursor = opening
            stop = closing if closing < end else end
            lines.append(self.line(cursor, stop, False, rate))
            cursor = stop
        if cursor < end:
            lines.append(self.line(cursor, end, True, rate))
        total = sum((x.amount_ht for x in lines), Decimal("0.00"))
        vat_rate = self.vat_rate(day)
        vat = (total * vat_rate).quantize(self.CENT, ROUND_HALF_UP)
        channel = job.channel.value
        return FloorQuote(
            job.reference,
            client.name,
            job.mode.value,
            channel,
            tuple(lines),
            total,
            (FloorVat(vat_rate, total, vat, "Art. 3"),),
            vat,
            total + vat,
            contract,
            day,
            "2024-06-02",
            "Europe/Paris",
            15,
            480,
            "Charly (Rhône)",
            (),
            channel in self.WRITTEN or job.confirmed_in_writing,
            self.NONE,
            self.NONE,
            self.CALENDAR,
        )


FRENCH_HOLIDAYS_SET = frozenset(FRENCH_HOLIDAYS)


def floor_mismatches(floor: Floor, jobs: Sequence[Intervention]) -> list[str]:
    """Where the floor and ``quote()`` differ, field by field (the floor must be exact)."""
    if FloorQuote._fields != tuple(f.name for f in fields(Quote)):
        raise SystemExit("the floor's quote no longer has the fields of Quote: update the floor")
    problems = []
    for job in jobs:
        ours_quote = quote(job, CLIENT)
        lines = tuple(FloorLine(*(getattr(x, name) for name in FloorLine._fields))
                      for x in ours_quote.lines)  # fmt: skip
        vat = tuple(FloorVat(v.rate, v.base, v.amount, v.article) for v in ours_quote.vat)
        mine = FloorQuote(*(getattr(ours_quote, name) for name in FloorQuote._fields))._replace(
            lines=lines, vat=vat
        )
        if mine != floor.quote(job, CLIENT):
            period = job.work[0]
            problems.append(f"{period.start.isoformat()} → {period.end.isoformat()}")
    return problems


# --- measuring ----------------------------------------------------------------------------------


@dataclass
class Row:
    name: str
    unit: str
    microseconds: float
    items: int
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def median_time(work: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``work()`` over ``repeats`` runs, after one untimed warm-up run
    (caches filled, as in a long-running process), in seconds."""
    work()
    times = []
    for _ in range(repeats):
        begin = time.perf_counter()
        work()
        times.append(time.perf_counter() - begin)
    return statistics.median(times)


def interleaved(
    first: Callable[[], object], second: Callable[[], object], repeats: int
) -> tuple[float, float, list[float]]:
    """Time ``first`` and ``second`` back to back, ``repeats`` times (after a warm-up of each),
    so that their ratio compares times taken in the same conditions. Returns their median
    seconds and, per repeat, ``first / second``."""
    first()
    second()
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeats):
        for work, times in ((first, a), (second, b)):
            begin = time.perf_counter()
            work()
            times.append(time.perf_counter() - begin)
    return statistics.median(a), statistics.median(b), [x / y for x, y in zip(a, b, strict=True)]


def measure_split(
    name: str,
    function: SplitFunction,
    items: Sequence[Item],
    repeats: int,
    reference: list[float] | None,
) -> tuple[Row, list[float | None]]:
    results: list[float | None] = []
    crashes: list[str] = []

    def run() -> None:
        results.clear()
        crashes.clear()
        for item in items:
            try:
                results.append(function(item.start, item.end))
            except Exception as error:  # a peer's crash is a result to report
                results.append(None)
                crashes.append(f"{item.start.isoformat()}: {type(error).__name__}: {error}"[:160])

    seconds = median_time(run, repeats)
    disagreements = []
    if reference is not None:
        for item, got, want in zip(items, results, reference, strict=True):
            if got is not None and abs(got - want) > 1e-6:
                begin, finish = item.start.astimezone(PARIS), item.end.astimezone(PARIS)
                disagreements.append(
                    f"{begin.isoformat()} → {finish.isoformat()}: business {got:.0f} s, "
                    f"ours {want:.0f} s"
                )
    note = f"{len(crashes)} crashes, {len(disagreements)} disagreements"
    row = Row(
        name,
        "interval",
        seconds / len(items) * 1e6,
        len(items),
        note,
        {
            "crashes": crashes[:5],
            "disagreements": disagreements[:5],
            "crash_count": len(crashes),
            "disagreement_count": len(disagreements),
        },
    )
    return row, results


def _quote_all(jobs: Sequence[Intervention]) -> None:
    for job in jobs:
        quote(job, CLIENT)


def interventions(items: Sequence[Item]) -> list[Intervention]:
    return [Intervention(work=(WorkPeriod(start=i.start, end=i.end),)) for i in items]


def measure_floor(
    jobs: list[Intervention], items: list[Item], args: argparse.Namespace, rows: list[Row]
) -> float:
    # quote() against its floor, on short hourly work (at most 3 lines)
    floor = Floor()
    small = [
        job
        for job, item in zip(jobs, items, strict=True)
        if item.band == "< 4 h" and len(quote(job, CLIENT).lines) <= 3
    ] or jobs
    mismatches = floor_mismatches(floor, jobs)

    def floor_all() -> None:
        for job in small:
            floor.quote(job, CLIENT)

    ours_s, floor_s, ratios = interleaved(partial(_quote_all, small), floor_all, args.repeats)
    rows.append(Row("quote() hourly, ≤ 3 lines", "intervention", ours_s / len(small) * 1e6,
                    len(small)))  # fmt: skip
    rows.append(
        Row(
            "floor: the same, reimplemented",
            "intervention",
            floor_s / len(small) * 1e6,
            len(small),
            f"{len(mismatches)} mismatches on {len(jobs)} interventions",
            {"mismatch_count": len(mismatches), "mismatches": mismatches[:5]},
        )
    )
    return statistics.median(ratios)


def measure_statements(args: argparse.Namespace, rows: list[Row]) -> float:
    # 3. monthly statements: one of 10 000 interventions against a hundred of 100, timed in
    # interleaved repeats (the same 10 000 interventions priced each way), after the set-up is
    # frozen out of the cyclic GC's sight as a long-running batch would do (gc.freeze)
    month = month_of(10_000, args.seed)
    # the same 10 000 interventions both ways: a hundred statements of 100 each price their own
    # slice (pricing one slice of 100 a hundred times would time it hot in the CPU's caches)
    slices = [month[i : i + 100] for i in range(0, len(month), 100)]

    def hundred_of_100() -> None:
        for part in slices:
            monthly_statement(CLIENT, part, 2025, 6)

    gc.collect()
    gc.freeze()
    try:
        big_s, small_s, ratios = interleaved(
            partial(monthly_statement, CLIENT, month, 2025, 6), hundred_of_100, args.repeats
        )
    finally:
        gc.unfreeze()
    for size, seconds in ((100, small_s / 100), (10_000, big_s)):
        rows.append(
            Row(
                f"monthly_statement({size:,})".replace(",", " "),
                "intervention",
                seconds / size * 1e6,
                size,
                f"{seconds * 1e3:.1f} ms per statement; GC on, set-up frozen",
            )
        )
    return statistics.median(ratios)


def measure_json(jobs: list[Intervention], args: argparse.Namespace, rows: list[Row]) -> float:
    # 4. JSON in → quote → JSON out, and where its time goes
    documents = [to_json(QuoteRequest(client=CLIENT, intervention=job)) for job in jobs]
    requests = [from_json(QuoteRequest, text) for text in documents]
    quotes = [quote(r.intervention, r.client) for r in requests]

    def json_round() -> None:
        for text in documents:
            request = from_json(QuoteRequest, text)
            to_json(quote(request.intervention, request.client))

    def validate_only() -> None:
        for text in documents:
            from_json(QuoteRequest, text)

    def price_only() -> None:
        for r in requests:
            quote(r.intervention, r.client)

    def dump_only() -> None:
        for q in quotes:
            to_json(q)

    n = len(documents)
    round_s, bare_s, json_ratios = interleaved(json_round, price_only, args.repeats)
    parts = {
        "validation": median_time(validate_only, args.repeats) / n * 1e6,
        "pricing": bare_s / n * 1e6,
        "dumping": median_time(dump_only, args.repeats) / n * 1e6,
    }
    split_note = ", ".join(f"{name} {value:.1f} µs" for name, value in parts.items())
    rows.append(Row("JSON → quote() → JSON", "document", round_s / n * 1e6, n, split_note, parts))
    if any(from_json(Quote, to_json(q)) != q for q in quotes[:200]):
        raise SystemExit("a quote does not read back equal from its JSON")
    return statistics.median(json_ratios)


def run(args: argparse.Namespace) -> dict[str, Any]:
    items = workload(args.items, args.seed)
    rows: list[Row] = []

    # 1. the split alone
    ours_row, reference = measure_split(
        "ouitec-terms business_and_off_hours()", ours, items, args.repeats, None
    )
    rows.append(ours_row)
    reference_seconds = [r if r is not None else 0.0 for r in reference]
    peers = {
        "ouitec-terms split() segments": lambda: ours_segments,
        "businesstimedelta": make_businesstimedelta,
        "pandas CustomBusinessHour": make_pandas,
        "workalendar France day walk": make_workalendar,
    }
    for name, factory in peers.items():
        row, _ = measure_split(name, factory(), items, max(1, args.repeats // 2), reference_seconds)
        row.extra["ratio_vs_ours"] = row.microseconds / ours_row.microseconds
        rows.append(row)

    # 2. quote() end to end, by band
    jobs = interventions(items)
    for band, *_ in BANDS:
        chosen = [job for job, item in zip(jobs, items, strict=True) if item.band == band]
        if not chosen:
            continue
        lines = sum(len(quote(job, CLIENT).lines) for job in chosen)
        seconds = median_time(partial(_quote_all, chosen), args.repeats)
        rows.append(
            Row(
                f"quote() {band}",
                "intervention",
                seconds / len(chosen) * 1e6,
                len(chosen),
                f"{seconds / lines * 1e6:.1f} µs per output line",
                {"per_line": seconds / lines * 1e6, "lines": lines},
            )
        )

    floor_ratio = measure_floor(jobs, items, args, rows)
    statement_ratio = measure_statements(args, rows)  # 3.
    json_ratio = measure_json(jobs, args, rows)  # 4.

    # 5. e-invoices: the XML and the PDF of one invoice
    rows += run_einvoice(args.repeats)

    # 6. the columnar path
    batch = run_batch(args.batch_rows, args.seed, args.repeats)
    if batch is not None:
        rows.append(batch)

    # 7. starting the command (issue 18), each in a fresh process
    runs = max(3, 2 * args.repeats + 1)
    starts = startup.measure(repeats=runs)
    for name, seconds in starts.items():
        rows.append(Row(name, "start", seconds * 1e6, 1, f"{seconds * 1e3:.1f} ms, best of {runs}"))

    return report(
        rows,
        args,
        {"floor": floor_ratio, "statement": statement_ratio, "json": json_ratio},
        startup.targets(starts),
    )


def month_of(n: int, seed: int) -> list[Intervention]:
    """``n`` interventions in June 2025 (a few minutes to ten hours each), in a seeded order."""
    rng = random.Random(seed)
    month = []
    for k in range(n):
        begin = datetime(2025, 6, 1 + k % 28, tzinfo=PARIS) + timedelta(
            minutes=rng.randrange(24 * 60)
        )
        month.append(
            Intervention(
                reference=f"M{k}",
                work=(
                    WorkPeriod(start=begin, end=begin + timedelta(minutes=rng.randrange(5, 600))),
                ),
            )
        )
    return month


def run_einvoice(repeats: int) -> list[Row]:
    """The cost of an invoice's CII XML and of its Factur-X PDF (the einvoice extra)."""
    try:
        from ouitec_terms import Seller, load_document, make_invoice  # noqa: PLC0415
        from ouitec_terms.einvoice import to_cii_xml, to_facturx_pdf  # noqa: PLC0415
    except ImportError:
        return []
    examples = Path(__file__).parent.parent / "docs" / "examples"
    request = load_document(examples / "invoice-client.toml")
    invoice = make_invoice(
        quote(request.intervention, request.client),
        seller=Seller.from_toml(examples / "seller.example.toml"),
        client=request.client,
        number="F-2025-0001",
        issued=date(2025, 3, 17),
    )
    rows = []
    for name, work in (("to_cii_xml()", to_cii_xml), ("to_facturx_pdf()", to_facturx_pdf)):
        seconds = median_time(partial(work, invoice), max(1, repeats // 2))
        rows.append(Row(name, "invoice", seconds * 1e6, 1, f"{seconds * 1e3:.1f} ms, 5 lines"))
    return rows


def run_batch(n: int, seed: int, repeats: int) -> Row | None:
    try:
        import numpy as np  # noqa: PLC0415

        from ouitec_terms.batch import price_hourly_batch  # noqa: PLC0415
    except ImportError:
        return None
    generator = np.random.default_rng(seed)
    base = np.datetime64("2024-01-01T00:00", "us")
    starts = base + generator.integers(0, 3 * 365 * 86_400 * 10**6, n).astype("timedelta64[us]")
    ends = starts + generator.integers(60 * 10**6, 4 * 3600 * 10**6, n).astype("timedelta64[us]")
    contract = generator.random(n) < 0.5
    price_hourly_batch(starts, ends, contract)  # build the calendar table once
    seconds = median_time(lambda: price_hourly_batch(starts, ends, contract), repeats)
    return Row(
        "price_hourly_batch()",
        "row",
        seconds / n * 1e6,
        n,
        f"{n / seconds / 1e6:.2f} M rows/s",
        {"rows_per_second": n / seconds},
    )


def report(
    rows: list[Row],
    args: argparse.Namespace,
    ratios: dict[str, float],
    start_targets: dict[str, tuple[float, float, str]],
) -> dict[str, Any]:
    by_name = {row.name: row for row in rows}
    ours_us = by_name["ouitec-terms business_and_off_hours()"].microseconds
    short, long = by_name.get("quote() < 4 h"), by_name.get("quote() 2–14 days")
    batch = by_name.get("price_hourly_batch()")
    floor = by_name["floor: the same, reimplemented"]
    # (value, bound, "≥" or "≤"): a target passes when the value is on the right side
    targets: dict[str, tuple[float, float, str]] = {
        "split ≥ 50× faster than businesstimedelta": (
            by_name["businesstimedelta"].microseconds / ours_us, 50.0, "≥"
        ),
        "split ≥ 100× faster than pandas CustomBusinessHour": (
            by_name["pandas CustomBusinessHour"].microseconds / ours_us, 100.0, "≥"
        ),
        "floor matches quote() on every intervention (mismatches)": (
            float(floor.extra["mismatch_count"]), 0.0, "≤"
        ),
        "quote() ÷ floor, hourly ≤ 3 lines": (ratios["floor"], 2.0, "≤"),
        "statement µs per intervention, 10 000 ÷ 100": (ratios["statement"], 1.2, "≤"),
        "JSON → quote() → JSON ÷ bare quote()": (ratios["json"], 2.5, "≤"),
    }  # fmt: skip
    if short and long:
        targets["µs per line, 2–14 days within 1.5× of < 4 h"] = (
            short.extra["per_line"] and long.extra["per_line"] / short.extra["per_line"],
            1.5,
            "≤",
        )
    if batch:
        targets["batch ≥ 5 000 000 rows/s"] = (batch.extra["rows_per_second"] / 1e6, 5.0, "≥")
    targets.update(start_targets)
    machine = (
        f"{platform.machine()}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, {_cpus()}"
    )
    print(
        f"ouitec-terms benchmarks — {len(rows)} measures, {args.items} intervals, "
        f"{args.repeats} repeats, seed {args.seed}\n{machine}\n"
    )
    print(f"{'measure':<34} {'µs / item':>12} {'× ours':>8}  {'items':>8}  note")
    for row in rows:
        ratio = row.extra.get("ratio_vs_ours")
        print(
            f"{row.name:<34} {row.microseconds:>12.2f} {f'{ratio:.1f}' if ratio else '':>8}  "
            f"{row.items:>8}  {row.note}"
        )
    for row in rows:
        for text in row.extra.get("crashes", [])[:2] + row.extra.get("disagreements", [])[:2]:
            print(f"  {row.name}: {text}")
    print("\ntargets:")
    passed = {name: _passes(value, bound, side) for name, (value, bound, side) in targets.items()}
    for name, (value, bound, side) in targets.items():
        verdict = "PASS" if passed[name] else "FAIL"
        print(f"  {verdict}  {name}: {value:.2f} (needs {side} {bound:g})")
    return {
        "machine": machine,
        "items": args.items,
        "repeats": args.repeats,
        "seed": args.seed,
        "rows": [row.__dict__ for row in rows],
        "targets": {
            name: {"value": value, "bound": bound, "side": side, "pass": passed[name]}
            for name, (value, bound, side) in targets.items()
        },
    }


def _passes(value: float, bound: float, side: str) -> bool:
    return value >= bound if side == "≥" else value <= bound


def _cpus() -> str:
    try:
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        model = platform.processor() or "unknown CPU"
    import os  # noqa: PLC0415

    return f"{os.cpu_count()} × {model}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--batch-rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/latest.json"))
    args = parser.parse_args(argv)
    result = run(args)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nwritten: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
