"""The worst documents within the limits of D74, measured: time and peak memory of each.

``python benchmarks/worst_case.py`` (``make worst-case``) prices, renders and writes:
- a statement of 10 000 interventions of a whole day each (the 10 000-day bound, in the shape
  that gives the most lines);
- a statement of 27 interventions of 366 days (the bound in the fewest, longest spans);
- the PDF of an invoice of 2 000 lines (the bound on invoice lines).

Each runs in a process of its own, so its peak resident memory is its own (``ru_maxrss``).
"""

from __future__ import annotations

import json
import multiprocessing
import resource
import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from ouitec_terms import (
    Client,
    Intervention,
    WorkPeriod,
    load_document,
    make_invoice,
    monthly_statement,
    to_json,
)
from ouitec_terms.boundary.parties import EXAMPLE_SELLER_TOML, Seller

PARIS = ZoneInfo("Europe/Paris")
START = datetime(2025, 6, 1, tzinfo=PARIS)


def _statement(count: int, length: timedelta) -> tuple[int, int]:
    step = max(length, timedelta(days=1)) if count > 1 else length
    interventions = [
        Intervention(work=(WorkPeriod(start=START, end=START + length),), reference=f"R{k}")
        if count < 100
        else Intervention(
            work=(WorkPeriod(start=START + k % 29 * step, end=START + k % 29 * step + length),),
            reference=f"R{k}",
        )
        for k in range(count)
    ]
    statement = monthly_statement(Client(name="Client"), interventions, 2025, 6)
    text = statement.explain()
    data = to_json(statement)
    return sum(len(q.lines) for q in statement.quotes), len(text) + len(data)


def days_of_one_day() -> tuple[int, int]:
    """10 000 interventions of 24 h (the bound of 10 000 days)."""
    return _statement(10_000, timedelta(days=1))


def years_of_work() -> tuple[int, int]:
    """27 interventions of 366 days (9 882 days)."""
    return _statement(27, timedelta(days=366))


def pdf_of_2000_lines() -> tuple[int, int]:
    """The Factur-X PDF of an invoice of 2 000 lines."""
    from ouitec_terms.einvoice import to_facturx_pdf  # noqa: PLC0415 - the einvoice extra

    document = load_document("docs/examples/invoice-client.toml")
    start = datetime(2025, 6, 2, 9, tzinfo=PARIS)
    quarter = timedelta(minutes=15)
    many = [
        Intervention(
            work=(WorkPeriod(start=start + k * quarter, end=start + (k + 1) * quarter),),
            reference=f"R{k}",
        )
        for k in range(2000)
    ]
    statement = monthly_statement(document.client, many, 2025, 6)
    invoice = make_invoice(
        statement,
        seller=Seller.from_toml_text(EXAMPLE_SELLER_TOML),
        client=document.client,
        number="F-1",
        issued=date(2025, 6, 30),
    )
    lines = sum(len(q.lines) for q in invoice.quotes)
    return lines, len(to_facturx_pdf(invoice))


CASES: dict[str, Callable[[], tuple[int, int]]] = {
    "statement, 10 000 interventions of 24 h": days_of_one_day,
    "statement, 27 interventions of 366 days": years_of_work,
    "PDF invoice, 2 000 lines": pdf_of_2000_lines,
}


def _measure(name: str, queue: multiprocessing.Queue[dict[str, object]]) -> None:
    began = time.perf_counter()
    lines, size = CASES[name]()
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    queue.put({"case": name, "lines": lines, "bytes": size, "seconds": round(seconds, 2),
               "peak_mb": round(peak)})  # fmt: skip


def main() -> None:
    """Measure each case in a fresh process and print one JSON line per case."""
    context = multiprocessing.get_context("spawn")
    for name in CASES:
        queue: multiprocessing.Queue[dict[str, object]] = context.Queue()
        process = context.Process(target=_measure, args=(name, queue))
        process.start()
        print(json.dumps(queue.get(), ensure_ascii=False), flush=True)
        process.join()
    sys.exit(0)


if __name__ == "__main__":
    main()
