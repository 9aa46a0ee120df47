"""Issue 20's bench: 300 invoices issued into a fresh invoice book with their Factur-X PDFs, one
transaction each, as `book invoice` does for a month's import (goal: under a minute on the
project's machine). `make bench` runs it; docs/performance.md reports a run."""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from ouitec_terms import load_document, quote
from ouitec_terms.book import Book
from ouitec_terms.boundary.parties import Seller

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "docs" / "examples"
INVOICES, GOAL = 300, 60.0


def main() -> int:
    seller = Seller.from_toml(EXAMPLES / "seller.example.toml")
    document = load_document(EXAMPLES / "invoice-client.toml")
    priced = quote(document.intervention, document.client)
    with tempfile.TemporaryDirectory() as folder:
        book = Book.init(Path(folder) / "book.sqlite")
        start = time.perf_counter()
        for _ in range(INVOICES):
            book.issue_invoice(priced, seller=seller, client=document.client,
                               issued=date(2025, 7, 1))  # fmt: skip
        elapsed = time.perf_counter() - start
        size = (Path(folder) / "book.sqlite").stat().st_size / 2**20
        verified = time.perf_counter()
        count = book.verify()
        verify = time.perf_counter() - verified
    print(f"book: {INVOICES} invoices with XML and PDF in {elapsed:.1f} s "
          f"({1000 * elapsed / INVOICES:.0f} ms each), book {size:.1f} MiB; verify of "
          f"{count} records {verify:.2f} s")  # fmt: skip
    verdict = "PASS" if elapsed < GOAL else "FAIL"
    print(f"  {verdict}  {INVOICES} invoices with their PDFs < {GOAL:.0f} s: {elapsed:.1f}")
    return 0 if elapsed < GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
