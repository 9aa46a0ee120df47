"""The book's records read back as plain values: a [`Ledger`][ouitec_terms.book.records.Ledger]
of documents, payments and penalties, which the pure rules of [`ouitec_terms.rules.ledger`]
[ouitec_terms.rules.ledger] take (balances, interest, VAT due).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from ouitec_terms.assembly.invoice import Invoice
from ouitec_terms.boundary.jsonio import from_json
from ouitec_terms.errors import BookError
from ouitec_terms.rules.ledger import BookDocument, BookPayment, BookPenalty

from .store import Record

__all__ = ["Ledger", "ledger_of", "payment_of", "penalty_of"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Ledger:
    """What the book holds, as plain values for the rules: documents and payments."""

    documents: tuple[BookDocument, ...]
    """Invoices and credit notes, in the order they were issued."""
    payments: tuple[BookPayment, ...]
    """Payments and refunds, in the order they were recorded."""
    penalties: tuple[BookPenalty, ...]
    """Late-payment interest and indemnities billed, in the order they were recorded."""
    vat_on_debits: bool
    """Whether the seller opted for VAT on debits (else on receipts, CGI 269-2-c)."""

    def document(self, number: str) -> BookDocument:
        """The invoice or credit note ``number``."""
        for found in self.documents:
            if found.number == number:
                return found
        raise BookError(f"no invoice or credit note {number!r} in the book; check the number")

    def credit_notes(self, number: str) -> tuple[BookDocument, ...]:
        """The credit notes of invoice ``number``."""
        return tuple(d for d in self.documents if d.corrects == number)


def _document(record: Record) -> BookDocument:
    invoice = from_json(Invoice, record.body)
    return BookDocument(
        number=invoice.number, issued=invoice.issued, due=invoice.due, client=record.client,
        total_ttc=invoice.total_ttc, vat=invoice.vat, corrects=invoice.preceding_number,
        siren=record.siren, entered=record.entered,
    )  # fmt: skip


def payment_of(record: Record) -> BookPayment:
    """The payment (or refund) a ``payment`` record holds."""
    data = json.loads(record.body)
    assert record.invoice is not None
    return BookPayment(
        id=record.seq, invoice=record.invoice, on=record.day, amount=Decimal(record.amount),
        method=data["method"], reference=data["reference"], entered=record.entered,
    )  # fmt: skip


def penalty_of(record: Record) -> BookPenalty:
    """The interest and indemnity a ``penalty`` record billed."""
    data = json.loads(record.body)
    assert record.invoice is not None
    return BookPenalty(
        id=record.seq, invoice=record.invoice, on=record.day, interest=Decimal(data["interest"]),
        indemnity=Decimal(data["indemnity"]), entered=record.entered,
    )  # fmt: skip


def ledger_of(records: tuple[Record, ...], settings: dict[str, str]) -> Ledger:
    """The ledger of ``records`` (a book's, in order) under the book's ``settings``."""
    return Ledger(
        documents=tuple(_document(r) for r in records if r.kind in ("invoice", "credit_note")),
        payments=tuple(payment_of(r) for r in records if r.kind == "payment"),
        penalties=tuple(penalty_of(r) for r in records if r.kind == "penalty"),
        vat_on_debits=settings.get("vat_on_debits") == "true",
    )
