"""The invoice book: what was issued and paid, stored once and never lost (issue 20).

[`Book`][ouitec_terms.book.book.Book] numbers and stores invoices, credit notes and payments in
its [`Store`][ouitec_terms.book.store.Store]; everything computed from them (balances, interest,
VAT due, the Art. 10 cap) is a pure function of [`ouitec_terms.rules.ledger`]
[ouitec_terms.rules.ledger] over the plain values
[`Book.ledger`][ouitec_terms.book.book.Book.ledger] returns (read from the records by
[`ouitec_terms.book.records`][ouitec_terms.book.records]), usable without the book.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ouitec_terms.assembly.invoice import (
    DocumentType,
    Invoice,
    make_invoice,
    make_partial_credit_note,
)
from ouitec_terms.assembly.numbering import NUMBER_PATTERN
from ouitec_terms.assembly.quote import Quote
from ouitec_terms.assembly.statement import Statement
from ouitec_terms.boundary.ecb import HalfYear
from ouitec_terms.boundary.jsonio import from_json, to_json
from ouitec_terms.boundary.models import Client
from ouitec_terms.boundary.parties import Seller
from ouitec_terms.errors import BookError
from ouitec_terms.money import in_library_context, to_decimal, whole_cents
from ouitec_terms.rules.ledger import (
    BookPayment,
    BookPenalty,
    balance,
    check_credit_note,
    check_payment,
)
from ouitec_terms.rules.payment import ECB_RATES

from .records import Ledger, ledger_of, payment_of, penalty_of
from .store import SCHEMA_VERSION, Store, Transaction

__all__ = ["DEFAULT_CREDIT_SERIES", "DEFAULT_SERIES", "Book", "Issued"]

DEFAULT_SERIES = "F-{year}-{n:04d}"
"""The invoices' numbers: F-2025-0001, F-2025-0002… (one counter a year)."""
DEFAULT_CREDIT_SERIES = "AV-{year}-{n:04d}"
"""The credit notes' numbers: AV-2025-0001…"""
_FIELD = re.compile(r"\{(year|n)(:[0-9]*d)?\}")


def _check_pattern(pattern: str, name: str) -> str:
    fields = _FIELD.findall(pattern)
    rest = _FIELD.sub("", pattern)
    if [f[0] for f in fields].count("n") != 1 or "{" in rest or "}" in rest:
        raise BookError(
            f"{name} {pattern!r}: write one {{n}} (the counter) and at most {{year}}, e.g. "
            f"{DEFAULT_SERIES!r}"
        )
    sample = pattern.format(year=2025, n=1)
    if not NUMBER_PATTERN.match(sample):
        raise BookError(
            f"{name} {pattern!r} gives {sample!r}, not an invoice number (1 to 35 letters, digits "
            "and -+_/)"
        )
    return pattern


@dataclass(frozen=True, slots=True, kw_only=True)
class Issued:
    """An invoice or credit note the book has just numbered and stored."""

    invoice: Invoice
    """The invoice, with its number."""
    xml: bytes
    """Its CII XML (EN 16931)."""
    pdf: bytes | None
    """Its Factur-X PDF, when asked for."""
    seq: int
    """Its record in the book."""


class Book:
    """An invoice book in one SQLite file: ``Book.init(path)`` once, then ``Book.open(path)``.

    Each operation is one transaction: a number is never lost nor given twice, whatever the
    processes writing at once (D87); nothing stored is ever updated or deleted.

    Example:
        ```pycon
        >>> import tempfile
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from ouitec_terms import Seller, load_document, quote
        >>> request = load_document("docs/examples/invoice-client.toml")
        >>> seller = Seller.from_toml("docs/examples/seller.example.toml")
        >>> book = Book.init(tempfile.mkdtemp() + "/book.sqlite")
        >>> issued = book.issue_invoice(quote(request.intervention, request.client),
        ...     seller=seller, client=request.client, issued=date(2025, 3, 17), pdf=False)
        >>> issued.invoice.number
        'F-2025-0001'
        >>> paid = book.record_payment("F-2025-0001", amount=Decimal("300"), on=date(2025, 4, 10))
        >>> book.verify()
        2

        ```
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._settings = store.settings()
        if self._settings.get("schema") != SCHEMA_VERSION:
            raise BookError(
                f"{store.path} is a book of schema {self._settings.get('schema')!r}; this version "
                f"of ouitec-terms reads schema {SCHEMA_VERSION!r}"
            )

    @classmethod
    def init(
        cls,
        path: str | Path,
        *,
        series: str = DEFAULT_SERIES,
        credit_series: str = DEFAULT_CREDIT_SERIES,
        vat_on_debits: bool = False,
    ) -> Book:
        """Create the book at ``path`` with its numbering and VAT option, fixed for its life.

        Args:
            path: The SQLite file to create; it must not exist.
            series: The invoice numbers' pattern, with ``{year}`` and ``{n}``.
            credit_series: The credit notes' pattern, different from ``series``.
            vat_on_debits: Whether the seller opted for VAT on debits (default: on receipts,
                CGI 269-2-c).

        Returns:
            The new, empty book.

        Raises:
            BookError: The file exists, or a pattern is not one.
        """
        settings = {
            "series": _check_pattern(series, "--series"),
            "credit_series": _check_pattern(credit_series, "--credit-series"),
            "vat_on_debits": "true" if vat_on_debits else "false",
        }
        if series.format(year=2025, n=1) == credit_series.format(year=2025, n=1):
            raise BookError("--series and --credit-series must differ: each has its own numbers")
        return cls(Store.create(path, settings))

    @classmethod
    def open(cls, path: str | Path) -> Book:
        """The book at ``path``.

        Args:
            path: A file ``Book.init`` created.

        Returns:
            The book, ready for any operation.

        Raises:
            BookError: No book is there, or one of another schema.
        """
        return cls(Store(path))

    def ledger(self) -> Ledger:
        """Every document and payment, as plain values."""
        return ledger_of(self.store.records(), self._settings)

    def _numbered(self, txn: Transaction, series: str, issued: date) -> tuple[str, int]:
        last = txn.last_day(series)
        if last is not None and issued < last:
            raise BookError(
                f"issued {issued.isoformat()} is before the last {series.replace('_', ' ')} of the "
                f"book ({last.isoformat()}): a series never goes back in time"
            )
        n = txn.next_number(series, issued.year)
        return self._settings[series].format(year=issued.year, n=n), n

    @in_library_context
    def issue_invoice(
        self,
        source: Quote | Statement,
        *,
        seller: Seller,
        client: Client,
        issued: date,
        received: date | None = None,
        purchase_order: str | None = None,
        buyer_reference: str | None = None,
        pdf: bool = True,
        lang: str = "fr",
    ) -> Issued:
        """Number, build and store the invoice of ``source`` in one transaction.

        Args:
            source: A due quote, or a month's statement.
            seller: Who invoices.
            client: The billed client, with its billing identity.
            issued: The issue date; a series never goes back in time.
            received: The day the client receives it (default: ``issued``).
            purchase_order: The client's purchase order (BT-13).
            buyer_reference: The client's reference for invoices (BT-10).
            pdf: Whether to draw and store its Factur-X PDF (the ``einvoice`` extra).
            lang: The PDF's language.

        Returns:
            The invoice with its number, its XML, its PDF, its record in the book.

        Raises:
            BookError: The date goes back in time.
            InvoiceError: The invoice does not hold (as in
                [`make_invoice`][ouitec_terms.assembly.invoice.make_invoice]).
        """
        made: dict[str, Any] = {}

        def build(txn: Transaction) -> dict[str, Any]:
            number, n = self._numbered(txn, "series", issued)
            invoice = make_invoice(
                source, seller=seller, client=client, number=number, issued=issued,
                received=received, purchase_order=purchase_order, buyer_reference=buyer_reference,
            )  # fmt: skip
            return self._fields(invoice, "invoice", n, made, pdf=pdf, lang=lang)

        record = self.store.append(build)
        return Issued(invoice=made["invoice"], xml=made["xml"], pdf=made["pdf"], seq=record.seq)

    @in_library_context
    def issue_credit_note(
        self,
        number: str,
        *,
        issued: date,
        reason: str,
        amount: Decimal | None = None,
        pdf: bool = True,
        lang: str = "fr",
    ) -> Issued:
        """Credit invoice ``number`` in one transaction (D70, D93).

        Args:
            number: The invoice to credit.
            issued: The credit note's date.
            reason: Why it is credited, printed on it.
            amount: TTC to credit (default: all that has not been credited); a partial note has
                one lump-sum line per VAT rate.
            pdf: Whether to draw and store its PDF.
            lang: The PDF's language.

        Returns:
            The credit note with its own number (the credit series), XML and PDF.

        Raises:
            BookError: No such invoice, or more than is left to credit.
        """
        made: dict[str, Any] = {}

        def build(txn: Transaction) -> dict[str, Any]:
            records = txn.records()
            target = next((r for r in records if r.number == number), None)
            if target is None or target.kind != "invoice":
                raise BookError(f"no invoice {number!r} in the book; check the number")
            ledger = ledger_of(records, self._settings)
            invoice = from_json(Invoice, target.body)
            left = check_credit_note(ledger.document(number), ledger.credit_notes(number), amount)
            wanted = left if amount is None else amount
            credit_number, n = self._numbered(txn, "credit_series", issued)
            note = make_partial_credit_note(
                invoice, number=credit_number, issued=issued, reason=reason, amount_ttc=wanted
            )
            if note.total_ttc > left:
                raise BookError(
                    f"the credit note would credit {note.total_ttc} € TTC (rounded per VAT rate), "
                    f"more than the {left} € TTC left on {number}; credit a cent less"
                )
            return self._fields(note, "credit_note", n, made, pdf=pdf, lang=lang)

        record = self.store.append(build)
        return Issued(invoice=made["invoice"], xml=made["xml"], pdf=made["pdf"], seq=record.seq)

    def _fields(
        self, invoice: Invoice, kind: str, n: int, made: dict[str, Any], *, pdf: bool, lang: str
    ) -> dict[str, Any]:
        from ouitec_terms import einvoice  # noqa: PLC0415 - the einvoice extra, when issuing

        xml = einvoice.to_cii_xml(invoice)
        document = einvoice.to_facturx_pdf(invoice, lang=lang) if pdf else None
        made.update(invoice=invoice, xml=xml, pdf=document)
        series = "series" if invoice.type_code is DocumentType.INVOICE else "credit_series"
        return {
            "kind": kind, "number": invoice.number, "series": series, "year": invoice.issued.year,
            "n": n, "day": invoice.issued, "invoice": invoice.preceding_number,
            "client": invoice.client.name, "siren": invoice.client.siren,
            "amount": str(invoice.total_ttc), "body": to_json(invoice), "xml": xml,
            "pdf": document,
            "pdf_sha256": hashlib.sha256(document).hexdigest() if document else None,
        }  # fmt: skip

    @in_library_context
    def record_payment(
        self, number: str, *, amount: Decimal, on: date, method: str = "virement",
        reference: str = "",
    ) -> BookPayment:  # fmt: skip
        """Record a payment for invoice ``number``, checked against what is outstanding inside
        the same transaction.

        Args:
            number: The invoice paid.
            amount: TTC received, in whole cents (negative: a refund).
            on: The day it was received.
            method: How it was paid (default: virement, Art. 4).
            reference: The bank's reference.

        Returns:
            The payment as stored, with its id (what ``book status --payment`` takes).

        Raises:
            BookError: No such invoice, a credit note, or more than is outstanding.
        """
        try:
            value = whole_cents(to_decimal(amount), name="amount")
        except ValueError as error:
            raise BookError(f"--amount: {error}") from None

        def build(txn: Transaction) -> dict[str, Any]:
            ledger = ledger_of(txn.records(), self._settings)
            invoice = ledger.document(number)
            if invoice.is_credit_note:
                raise BookError(f"{number} is a credit note; record the payment of an invoice")
            check_payment(
                invoice, ledger.credit_notes(number), ledger.payments, value, on,
                penalties=ledger.penalties,
            )  # fmt: skip
            return {
                "kind": "payment", "number": None, "series": None, "year": None, "n": None,
                "day": on, "invoice": number, "client": invoice.client, "siren": invoice.siren,
                "amount": str(value), "xml": None, "pdf": None, "pdf_sha256": None,
                "body": json.dumps({"method": method, "reference": reference}, ensure_ascii=False),
            }  # fmt: skip

        record = self.store.append(build)
        return payment_of(record)

    @in_library_context
    def bill_penalties(
        self, number: str, *, on: date, rates: Mapping[HalfYear, Decimal] | Decimal = ECB_RATES
    ) -> BookPenalty:
        """Bill the client the late-payment interest of invoice ``number`` up to ``on`` and the
        40 € indemnity, less what was billed before, in one transaction (D95)."""

        def build(txn: Transaction) -> dict[str, Any]:
            ledger = ledger_of(txn.records(), self._settings)
            invoice = ledger.document(number)
            if invoice.is_credit_note:
                raise BookError(f"{number} is a credit note; bill the penalties of an invoice")
            b = balance(invoice, ledger.payments, ledger.documents, on=on, rates=rates)
            earlier = [p for p in ledger.penalties if p.invoice == number]
            if any(p.on > on for p in earlier):
                raise BookError(f"penalties of {number} were billed after {on.isoformat()}")
            interest = b.interest - sum((p.interest for p in earlier), Decimal("0.00"))
            indemnity = b.indemnity - sum((p.indemnity for p in earlier), Decimal("0.00"))
            if interest <= 0 and indemnity <= 0:
                raise BookError(f"{number} owes no penalty not yet billed on {on.isoformat()}")
            return {
                "kind": "penalty", "number": None, "series": None, "year": None, "n": None,
                "day": on, "invoice": number, "client": invoice.client, "siren": invoice.siren,
                "amount": str(max(interest, Decimal(0)) + max(indemnity, Decimal(0))),
                "xml": None, "pdf": None, "pdf_sha256": None,
                "body": json.dumps(
                    {"interest": str(max(interest, Decimal(0))),
                     "indemnity": str(max(indemnity, Decimal(0)))}
                ),
            }  # fmt: skip

        return penalty_of(self.store.append(build))

    def invoice(self, number: str) -> Issued:
        """The stored invoice or credit note ``number``: its value, XML and PDF as issued."""
        for record in self.store.records():
            if record.number == number:
                assert record.xml is not None
                invoice = from_json(Invoice, record.body)
                return Issued(invoice=invoice, xml=record.xml, pdf=record.pdf, seq=record.seq)
        raise BookError(f"no invoice or credit note {number!r} in the book; check the number")

    def verify(self) -> int:
        """Check the book (the store's integrity, chain and numbering); the count of records."""
        return self.store.verify()

    def archive(self) -> tuple[tuple[str, bytes], ...]:
        """Every document (XML, PDF) by file name, then ``SHA256SUMS``, the manifest of their
        SHA-256, for the 10-year archive (``book export DIR`` writes them); the book is verified
        first."""
        self.verify()
        files: list[tuple[str, bytes]] = []
        for record in self.store.records():
            for suffix, data in (("xml", record.xml), ("pdf", record.pdf)):
                if record.number is not None and data is not None:
                    files.append((f"{record.number.replace('/', '_')}.{suffix}", data))
        manifest = "".join(f"{hashlib.sha256(d).hexdigest()}  {n}\n" for n, d in files)
        return (*files, ("SHA256SUMS", manifest.encode("utf-8")))
