"""Write the golden documents of tests/golden/ again (``make golden``), after a change to a
rendering that was meant: the eight worked examples of the rules (docs/examples/spec-*),
rendered as text in French and in English, and the three worked imports of time entries
(docs/examples/imports/*: a generic CSV, GLPI, Kimai). ``git diff tests/golden`` then shows what
changed.
"""

from __future__ import annotations

import sys
import tomllib
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from ouitec_terms import load_document, quote
from ouitec_terms.assembly.imports import MonthImport, import_month
from ouitec_terms.boundary.clients import load_clients
from ouitec_terms.boundary.mapping import load_mapping, preset_mapping
from ouitec_terms.boundary.timesheets import read_time_entries
from ouitec_terms.presentation.imports import import_text
from ouitec_terms.presentation.quotes import quote_text
from ouitec_terms.rules.calendar import DATA_VERSION
from ouitec_terms.rules.ledger import BookDocument, BookPayment
from ouitec_terms.rules.vat import VatLine

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "docs" / "examples"
GOLDEN = ROOT / "tests" / "golden"


def examples() -> list[Path]:
    """The documents of the worked examples, in order."""
    return sorted(EXAMPLES.glob("spec-0*"))


def render(example: Path, lang: str) -> str:
    """The worked example ``example`` as the text document of ``lang``."""
    request = load_document(example)
    hours = request.expected.included_hours if request.expected else Decimal(0)
    result = quote(request.intervention, request.client, included_hours_available=hours)
    # the installed holidays release is stated on every quote (D77): a placeholder here, so that
    # the golden documents hold for every release the declared floors allow
    return quote_text(result, lang).replace(DATA_VERSION, "holidays <version>") + "\n"


def golden_path(example: Path, lang: str) -> Path:
    """Where the golden document of ``example`` in ``lang`` is stored."""
    return GOLDEN / f"{example.stem}.{lang}.txt"


def import_examples() -> list[Path]:
    """The folders of the worked imports, each with its example.toml."""
    return sorted(p.parent for p in (EXAMPLES / "imports").glob("*/example.toml"))


def imported(folder: Path, *, variant: bool = False) -> MonthImport:
    """The worked import of ``folder`` (its ``[variant]`` export and mapping when asked)."""
    example = tomllib.loads((folder / "example.toml").read_text(encoding="utf-8"))
    given = example["variant"] if variant else example
    source = example["source"]
    mapping = (
        load_mapping(folder / given["map"], preset=source)
        if "map" in given
        else preset_mapping(source)
    )
    year, month = (int(part) for part in example["month"].split("-"))
    entries = read_time_entries(folder / given["export"], source=source, mapping=mapping)
    return import_month(entries, load_clients(folder / "clients.toml"), year, month)


def render_import(folder: Path, lang: str) -> str:
    """The worked import of ``folder`` as the text ``ouitec-terms import`` prints."""
    return import_text(imported(folder), lang) + "\n"


def import_golden_path(folder: Path, lang: str) -> Path:
    """Where the golden document of the worked import ``folder`` in ``lang`` is stored."""
    return GOLDEN / "imports" / f"{folder.name}.{lang}.txt"


def render_reminder(lang: str, *, days: int) -> str:
    """The reminder of the worked month of the invoice book (docs/guide.md): F-2025-0001, 691,44 €
    TTC issued 17 March 2025, 300 € paid on 10 April, on ``days`` days after its due date."""
    from ouitec_terms.boundary.parties import Seller  # noqa: PLC0415
    from ouitec_terms.presentation.ledger import reminder_text  # noqa: PLC0415
    from ouitec_terms.rules.ledger import balance  # noqa: PLC0415

    invoice = BookDocument(
        number="F-2025-0001", issued=date(2025, 3, 17), due=date(2025, 4, 16),
        client="Boulangerie Martin", total_ttc=Decimal("691.44"),
        vat=(VatLine(rate=Decimal("0.20"), base=Decimal("576.20"), amount=Decimal("115.24")),),
    )  # fmt: skip
    paid = BookPayment(id=2, invoice="F-2025-0001", on=date(2025, 4, 10), amount=Decimal(300))
    on = date(2025, 4, 16) + timedelta(days=days)
    seller = Seller.from_toml(EXAMPLES / "seller.example.toml")
    return reminder_text(balance(invoice, [paid], on=on), seller, lang) + "\n"


def render_status() -> bytes:
    """The "Encaissée" (212) message of the 300 € paid on 10 April 2025 for F-2025-0001, the
    invoice of docs/examples/invoice-client.toml, written on 11 April 2025."""
    from datetime import UTC, datetime  # noqa: PLC0415

    from ouitec_terms import make_invoice  # noqa: PLC0415
    from ouitec_terms.boundary.parties import Seller  # noqa: PLC0415
    from ouitec_terms.einvoice import payment_status_xml  # noqa: PLC0415

    document = load_document(EXAMPLES / "invoice-client.toml")
    invoice = make_invoice(
        quote(document.intervention, document.client), client=document.client,
        seller=Seller.from_toml(EXAMPLES / "seller.example.toml"), number="F-2025-0001",
        issued=date(2025, 3, 17),
    )  # fmt: skip
    paid = BookPayment(id=2, invoice="F-2025-0001", on=date(2025, 4, 10), amount=Decimal(300))
    return payment_status_xml(invoice, paid, issued=datetime(2025, 4, 11, tzinfo=UTC))


def fec_month() -> tuple[tuple[BookDocument, ...], tuple[BookPayment, ...]]:
    """The guide's worked month of the invoice book (docs/guide.md, §13b) as plain values:
    three invoices of 691,44 € TTC, a credit note of the third, 300 € paid on the first and the
    second paid in full, each entered in the book on its own date."""
    vat = (VatLine(rate=Decimal("0.20"), base=Decimal("576.20"), amount=Decimal("115.24")),)

    def document(number: str, day: int, corrects: str | None = None) -> BookDocument:
        return BookDocument(
            number=number, issued=date(2025, 3, day), entered=date(2025, 3, day),
            due=None if corrects else date(2025, 4, day + 30 - 31), client="Boulangerie Martin",
            siren="902000025", total_ttc=Decimal("691.44"), vat=vat, corrects=corrects,
        )  # fmt: skip

    documents = (
        *(document(f"F-2025-000{n}", 16 + n) for n in (1, 2, 3)),
        document("AV-2025-0001", 25, corrects="F-2025-0003"),
    )
    payments = (
        BookPayment(id=5, invoice="F-2025-0001", on=date(2025, 4, 10), amount=Decimal(300),
                    entered=date(2025, 4, 10)),
        BookPayment(id=6, invoice="F-2025-0002", on=date(2025, 5, 20),
                    amount=Decimal("691.44"), entered=date(2025, 5, 20)),
    )  # fmt: skip
    return documents, payments


def render_fec(*, vat_on_debits: bool, separator: str) -> bytes:
    """The FEC of the worked month for 2025, as ``book fec`` writes it (ISO-8859-15)."""
    from ouitec_terms.boundary.accounts import account_plan  # noqa: PLC0415
    from ouitec_terms.presentation.fec import SEPARATORS, fec_text  # noqa: PLC0415
    from ouitec_terms.rules.accounting import fec_entries  # noqa: PLC0415

    documents, payments = fec_month()
    lines = fec_entries(documents, payments, closing=date(2025, 12, 31), plan=account_plan(),
                        vat_on_debits=vat_on_debits)  # fmt: skip
    return fec_text(lines, separator=SEPARATORS[separator]).encode("iso-8859-15")


FECS: dict[str, dict[str, Any]] = {
    f"{regime}.{separator}": {"vat_on_debits": regime == "debits", "separator": separator}
    for regime in ("receipts", "debits")
    for separator in ("tab", "pipe")
}
"""The golden FEC files: both VAT regimes, both separators."""


def fec_path(name: str) -> Path:
    """Where the golden FEC ``name`` is stored."""
    return GOLDEN / "fec" / f"{name}.fec.txt"


STATUS = GOLDEN / "book" / "status-212.xml"
"""The golden "Encaissée" message."""
REMINDERS = {"reminder": 10, "formal-notice": 45}
"""The golden reminders: 10 days late (a reminder) and 45 (a formal notice, after 30)."""


def reminder_path(name: str, lang: str) -> Path:
    """Where the golden reminder ``name`` in ``lang`` is stored."""
    return GOLDEN / "book" / f"{name}.{lang}.txt"


def main() -> int:
    GOLDEN.mkdir(exist_ok=True)
    for example in examples():
        for lang in ("fr", "en"):
            golden_path(example, lang).write_text(render(example, lang), encoding="utf-8")
            print(f"written: {golden_path(example, lang).relative_to(ROOT)}")
    (GOLDEN / "book").mkdir(exist_ok=True)
    for name, days in REMINDERS.items():
        for lang in ("fr", "en"):
            reminder_path(name, lang).write_text(render_reminder(lang, days=days), "utf-8")
            print(f"written: {reminder_path(name, lang).relative_to(ROOT)}")
    (GOLDEN / "fec").mkdir(exist_ok=True)
    for name, options in FECS.items():
        fec_path(name).write_bytes(render_fec(**options))
        print(f"written: {fec_path(name).relative_to(ROOT)}")
    STATUS.write_bytes(render_status())
    print(f"written: {STATUS.relative_to(ROOT)}")
    (GOLDEN / "imports").mkdir(exist_ok=True)
    for folder in import_examples():
        for lang in ("fr", "en"):
            path = import_golden_path(folder, lang)
            path.write_text(render_import(folder, lang), encoding="utf-8")
            print(f"written: {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
