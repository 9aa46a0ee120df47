"""What payments mean beyond the invoice: the VAT they make due and the liability cap they set
(issue 20), pure functions over the book's plain values.

- **VAT due** (CGI 269-2-c): a seller of services pays VAT on receipts unless it opted for
  debits; on receipts, each payment's VAT is the invoice's VAT in proportion to what it paid,
  cumulated so that a fully paid invoice has paid exactly its VAT (D90).
- **Art. 10**: "La responsabilité du PRESTATAIRE est limitée aux montants effectivement payés
  par le CLIENT": the cap is what the client actually paid, less refunds (D91).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ouitec_terms.boundary.amounts import Amount
from ouitec_terms.money import in_library_context, round_cents

from .ledger import BookDocument, BookPayment
from .vat import VatLine

__all__ = [
    "ARTICLE_CAP",
    "CapLine",
    "LiabilityCap",
    "ReceiptKey",
    "VatDue",
    "liability_cap",
    "receipt_by_rate",
    "receipts_by_event",
    "vat_due",
]

ARTICLE_CAP = "Art. 10"
"""Art. 10 of the terms: liability is limited to the amounts the client actually paid."""
_ZERO = Decimal("0.00")


@in_library_context
def receipt_by_rate(
    invoice: BookDocument, *, received_before: Decimal, received_after: Decimal
) -> tuple[VatLine, ...]:
    """What the invoice's VAT-bearing receipts went from ``received_before`` to
    ``received_after`` (TTC) brings, split over its VAT rates in proportion of the invoice: per
    rate, the TTC and the VAT of what was received so far, rounded half-up to the cent, less the
    same before (D90). A fully paid invoice has thus received exactly its TTC and VAT per rate,
    however many payments it took."""
    if not invoice.total_ttc or received_after == received_before:
        return ()
    lines = []
    for line in invoice.vat:
        ttc = line.base + line.amount

        def upto(received: Decimal, part: Decimal = ttc) -> Decimal:
            return round_cents(part * received / invoice.total_ttc)

        share = upto(received_after) - upto(received_before)
        tax = upto(received_after, line.amount) - upto(received_before, line.amount)
        lines.append(VatLine(rate=line.rate, base=share - tax, amount=tax))
    return tuple(lines)


ReceiptKey = tuple[str, str]
"""A payment (``("payment", "12")``) or a credit note (``("credit_note", "AV-2025-0001")``)."""


@in_library_context
def receipts_by_event(
    documents: Iterable[BookDocument], payments: Iterable[BookPayment]
) -> dict[ReceiptKey, tuple[VatLine, ...]]:
    """The VAT each payment and credit note makes due on receipts (D90): an invoice's
    VAT-bearing receipts are what it was paid, net of refunds, but never more than its TTC not
    credited — the rest pays the penalties billed, outside VAT (D95). Each event brings the
    change it makes to them, split per rate by
    [`receipt_by_rate`][ouitec_terms.rules.receipts.receipt_by_rate]; a credit note on a paid
    invoice brings a negative change (the VAT collected is corrected)."""
    by_number = {d.number: d for d in documents}
    events: list[tuple[date, int, ReceiptKey, str, Decimal, Decimal]] = []
    for p in payments:  # day, order (credit notes first on a day), key, invoice, paid, credited
        events.append((p.on, 1, ("payment", str(p.id)), p.invoice, p.amount, _ZERO))
    for d in by_number.values():
        if d.corrects is not None:
            events.append((d.issued, 0, ("credit_note", d.number), d.corrects, _ZERO, d.total_ttc))
    paid: dict[str, Decimal] = {}
    credited: dict[str, Decimal] = {}
    received: dict[str, Decimal] = {}
    result: dict[ReceiptKey, tuple[VatLine, ...]] = {}
    for _, _, key, number, amount, credit in sorted(events, key=lambda e: (e[0], e[1], e[2])):
        invoice = by_number.get(number)
        if invoice is None:
            continue
        paid[number] = paid.get(number, _ZERO) + amount
        credited[number] = credited.get(number, _ZERO) + credit
        before = received.get(number, _ZERO)
        after = min(max(paid[number], _ZERO), max(invoice.total_ttc - credited[number], _ZERO))
        received[number] = after
        result[key] = receipt_by_rate(invoice, received_before=before, received_after=after)
    return result


@dataclass(frozen=True, slots=True, kw_only=True)
class VatDue:
    """The VAT due for a month, per rate: base and tax (CGI 269-2-c; D87)."""

    year: int
    """The month's year."""
    month: int
    """The month (1-12)."""
    on_receipts: bool
    """VAT on receipts (services, by default) or on debits (the seller's option)."""
    lines: tuple[VatLine, ...]
    """Base and tax per rate; a credit note or a refund counts negative."""
    total_vat: Amount
    """The sum of the lines' tax, €."""
    article: str = "CGI art. 269-2-c"
    """The law applied."""


@in_library_context
def vat_due(
    documents: Iterable[BookDocument],
    payments: Iterable[BookPayment],
    year: int,
    month: int,
    *,
    on_receipts: bool = True,
) -> VatDue:
    """The VAT due for ``year``-``month``: on the payments received in it and the credit notes
    of paid invoices issued in it (on receipts,
    [`receipts_by_event`][ouitec_terms.rules.receipts.receipts_by_event]), or on the invoices and
    credit notes issued in it (on debits)."""
    by_number = {d.number: d for d in documents}
    per_rate: dict[Decimal, tuple[Decimal, Decimal]] = {}

    def add(rate: Decimal, base: Decimal, tax: Decimal) -> None:
        b, t = per_rate.get(rate, (_ZERO, _ZERO))
        per_rate[rate] = (b + base, t + tax)

    if on_receipts:
        payments = tuple(payments)
        events = receipts_by_event(by_number.values(), payments)
        days = {("payment", str(p.id)): p.on for p in payments}
        days |= {("credit_note", d.number): d.issued for d in by_number.values()}
        for key, lines in events.items():
            if (days[key].year, days[key].month) == (year, month):
                for received in lines:
                    add(received.rate, received.base, received.amount)
    else:
        for d in by_number.values():
            if (d.issued.year, d.issued.month) != (year, month):
                continue
            sign = -1 if d.is_credit_note else 1
            for line in d.vat:
                add(line.rate, sign * line.base, sign * line.amount)
    lines = tuple(
        VatLine(rate=rate, base=base, amount=tax)
        for rate, (base, tax) in sorted(per_rate.items(), reverse=True)
    )
    return VatDue(
        year=year, month=month, on_receipts=on_receipts, lines=lines,
        total_vat=sum((line.amount for line in lines), _ZERO),
    )  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class CapLine:
    """What the client actually paid for one invoice, net of refunds."""

    number: str
    """The invoice's number."""
    paid: Amount
    """Paid less refunded, € TTC."""


@dataclass(frozen=True, slots=True, kw_only=True)
class LiabilityCap:
    """Art. 10: OUiTEC's liability is limited to the amounts the client actually paid."""

    client: str
    """The client's name."""
    on: date
    """Payments up to this date count."""
    invoices: tuple[CapLine, ...]
    """Per invoice."""
    total: Amount
    """The cap, € TTC."""
    article: str = ARTICLE_CAP
    """The article applied."""


@in_library_context
def liability_cap(
    client: str, documents: Iterable[BookDocument], payments: Iterable[BookPayment], *, on: date
) -> LiabilityCap:
    """The Art. 10 cap of ``client`` (its name or SIREN) on ``on``."""
    numbers = [
        d.number
        for d in documents
        if not d.is_credit_note and client in (d.client, d.siren) and d.issued <= on
    ]
    paid = dict.fromkeys(numbers, _ZERO)
    for p in payments:
        if p.invoice in paid and p.on <= on:
            paid[p.invoice] += p.amount
    lines = tuple(CapLine(number=n, paid=paid[n]) for n in numbers)
    return LiabilityCap(
        client=client, on=on, invoices=lines, total=sum((line.paid for line in lines), _ZERO)
    )
