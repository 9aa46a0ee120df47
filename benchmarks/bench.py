"""Benchmarks: ouitec-terms against the libraries people use today, in one process (make bench).

A seeded workload of Europe/Paris intervals (2024–2026; 60 % of 5 min–4 h, 30 % of 4–48 h,
10 % of 2–14 days; starts biased towards DST days, public holidays and the 08:00/19:00 edges) is
measured, as medians over several repeats, for:

- the business / off-hours split alone: ours, businesstimedelta (WorkDayRule + HolidayRule),
  pandas CustomBusinessHour, and a day walk over workalendar's France calendar, checking that
  all agree on the business and off-hours seconds of every interval;
- ``quote()`` end to end, by duration band, per intervention and per output line;
- ``monthly_statement`` over 1 000 interventions; JSON in → quote → JSON out;
- the columnar ``price_hourly_batch``.

It prints a table of µs per item with ratios and checks the targets of the performance issue,
and writes the same as JSON. Peers come from the ``bench`` extra.

Usage: ``python benchmarks/bench.py [--items N] [--repeats R] [--batch-rows M] [--json PATH]``.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import holidays

from ouitec_terms import (
    DEFAULT_TARIFF,
    Client,
    Intervention,
    LineKind,
    QuoteLine,
    QuoteRequest,
    WorkPeriod,
    business_and_off_hours,
    calendar_for,
    monthly_statement,
    quote,
    split,
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
CLIENT = Client(name="Benchmark client")
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

CALENDAR = calendar_for(DEFAULT_TARIFF)


def ours(start: datetime, end: datetime) -> float:
    """Business seconds in closed form: what the peers compute (a total, not segments)."""
    return business_and_off_hours(start, end, CALENDAR)[0].total_seconds()


def ours_segments(start: datetime, end: datetime) -> float:
    """Business seconds added up from the segments ``quote()`` prices (one per window edge)."""
    return sum(
        (p.end - p.start).total_seconds() for p in split(start, end, CALENDAR) if not p.off_hours
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


def paired(
    *works: tuple[Callable[[], object], int], repeats: int
) -> tuple[float, float, float, list[float]]:
    """Time a QuoteLine build, a split and a quote back to back, ``repeats`` times.

    Returns their median µs per item and, per repeat, ``4 × (line + split) / quote``.
    """
    for work, _ in works:
        work()
    samples: list[list[float]] = [[] for _ in works]
    for _ in range(repeats):
        for (work, count), times in zip(works, samples, strict=True):
            begin = time.perf_counter()
            work()
            times.append((time.perf_counter() - begin) / count * 1e6)
    line, split_time, whole = samples
    ratios = [4 * (a + b) / c for a, b, c in zip(line, split_time, whole, strict=True)]
    return (
        statistics.median(line),
        statistics.median(split_time),
        statistics.median(whole),
        ratios,
    )


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

    # the baseline of the target: one validated QuoteLine plus the split, for short work
    short = [item for item in items if item.band == "< 4 h"] or items
    start = datetime(2025, 3, 11, 9, tzinfo=PARIS)

    def build_lines() -> None:
        for _ in short:
            QuoteLine(
                kind=LineKind.WORK,
                label="Support",
                article="Art. 3, Art. 5",
                start=start,
                end=start,
                raw_seconds=Decimal(60),
                billed_minutes=15,
                quantity=Decimal("0.25"),
                unit="h",
                unit_price=Decimal(90),
                amount_ht=Decimal("22.50"),
            )

    small = [
        job
        for job, item in zip(jobs, items, strict=True)
        if item.band == "< 4 h" and len(quote(job, CLIENT).lines) <= 3
    ] or jobs

    def split_short() -> None:
        for item in short:
            split(item.start, item.end, CALENDAR)

    # measured side by side, repeat after repeat, so that the ratio of the target compares
    # times taken in the same conditions (the machine's speed drifts between measures)
    line_us, split_us, small_us, ratios = paired(
        (build_lines, len(short)),
        (split_short, len(short)),
        (partial(_quote_all, small), len(small)),
        repeats=args.repeats,
    )
    rows.append(Row("QuoteLine(...) validated", "line", line_us, len(short)))
    rows.append(Row("split() of the same short intervals", "interval", split_us, len(short)))
    rows.append(Row("quote() hourly, ≤ 3 lines", "intervention", small_us, len(small)))

    # 3. a monthly statement of 1 000 interventions
    rng = random.Random(args.seed)
    month = []
    for k in range(1000):
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
    seconds = median_time(
        lambda: monthly_statement(CLIENT, month, 2025, 6), max(1, args.repeats // 2)
    )
    rows.append(
        Row(
            "monthly_statement(1 000)",
            "intervention",
            seconds / 1000 * 1e6,
            1000,
            f"{seconds * 1e3:.1f} ms per statement",
        )
    )

    # 4. JSON in → quote → JSON out
    documents = [QuoteRequest(client=CLIENT, intervention=job).model_dump_json() for job in jobs]

    def json_round() -> None:
        for text in documents:
            request = QuoteRequest.model_validate_json(text)
            quote(request.intervention, request.client).model_dump_json()

    seconds = median_time(json_round, args.repeats)
    rows.append(
        Row("JSON → quote() → JSON", "document", seconds / len(documents) * 1e6, len(documents))
    )

    # 5. the columnar path
    batch = run_batch(args.batch_rows, args.seed, args.repeats)
    if batch is not None:
        rows.append(batch)

    return report(rows, args, statistics.median(ratios))


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


def report(rows: list[Row], args: argparse.Namespace, quote_ratio: float) -> dict[str, Any]:
    by_name = {row.name: row for row in rows}
    ours_us = by_name["ouitec-terms business_and_off_hours()"].microseconds
    short, long = by_name.get("quote() < 4 h"), by_name.get("quote() 2–14 days")
    batch = by_name.get("price_hourly_batch()")
    targets = {
        "split ≥ 50× faster than businesstimedelta": (
            by_name["businesstimedelta"].microseconds / ours_us,
            50.0,
        ),
        "split ≥ 100× faster than pandas CustomBusinessHour": (
            by_name["pandas CustomBusinessHour"].microseconds / ours_us,
            100.0,
        ),
        "quote() ≤ 3 lines within 4× (QuoteLine + split)": (quote_ratio, 1.0),
    }
    if short and long:
        targets["µs per line, 2–14 days within 1.5× of < 4 h"] = (
            1.5 * short.extra["per_line"] / long.extra["per_line"],
            1.0,
        )
    if batch:
        targets["batch ≥ 1 000 000 rows/s"] = (batch.extra["rows_per_second"] / 1e6, 1.0)
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
    for name, (value, needed) in targets.items():
        print(
            f"  {'PASS' if value >= needed else 'FAIL'}  {name}: {value:.2f} (needs ≥ {needed:g})"
        )
    return {
        "machine": machine,
        "items": args.items,
        "repeats": args.repeats,
        "seed": args.seed,
        "rows": [row.__dict__ for row in rows],
        "targets": {
            name: {"value": value, "needed": needed, "pass": value >= needed}
            for name, (value, needed) in targets.items()
        },
    }


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
