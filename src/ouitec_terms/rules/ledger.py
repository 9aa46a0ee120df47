"""After the invoice: balances, late-payment interest from the actual history, VAT due and the
liability cap — pure functions over plain values (issue 20). The invoice book only stores them.

- **Balance** (Art. 4): on a date, an invoice's total TTC = paid (net of refunds) + credited +
  outstanding, none negative; a credit note on a paid invoice leaves an amount to refund.
- **Interest** (C. com. L441-10, D441-5): the time after the due date is cut at each payment and
  credit note; each period's outstanding amount bears interest exactly as
  [`late_payment`][ouitec_terms.rules.payment.late_payment] computes it for that amount from the
  period's start to its end, and the 40 € indemnity is owed once per invoice as soon as it is
  overdue ("de plein droit"). For one payment of the whole amount this is ``late`` to the cent.

The VAT due and the Art. 10 cap, computed from the same values, are in
[`ouitec_terms.rules.receipts`][ouitec_terms.rules.receipts].

```pycon
>>> from datetime import date
>>> from decimal import Decimal
>>> from ouitec_terms.rules.vat import VatLine
>>> invoice = BookDocument(number="F-2025-0001", issued=date(2025, 3, 1), due=date(2025, 3, 31),
...     client="Garage Petit", total_ttc=Decimal("1200.00"),
...     vat=(VatLine(rate=Decimal("0.20"), base=Decimal("1000.00"), amount=Decimal("200.00")),))
>>> paid = BookPayment(id=1, invoice="F-2025-0001", on=date(2025, 4, 30), amount=Decimal("1200.00"))
>>> b = balance(invoice, [paid], on=date(2025, 5, 31))
>>> b.status.value, b.outstanding, b.days_late, b.interest, b.indemnity
('payée', Decimal('0.00'), 30, Decimal('12.97'), Decimal('40.00'))

```
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from ouitec_terms.boundary.amounts import Amount, NonNegativeAmount
from ouitec_terms.boundary.ecb import HalfYear
from ouitec_terms.errors import PaymentError
from ouitec_terms.money import in_library_context

from .payment import ECB_RATES, INDEMNITY, LatePortion, late_payment
from .vat import VatLine

__all__ = [
    "BalanceSheet",
    "BalanceStatus",
    "BookDocument",
    "BookPayment",
    "BookPenalty",
    "InvoiceBalance",
    "balance",
    "balance_sheet",
    "check_credit_note",
    "check_payment",
]

_ZERO = Decimal("0.00")


class BalanceStatus(StrEnum):
    """Where an invoice stands on a date (the words a clerk reads, in French)."""

    NOT_DUE = "à échoir"
    PART_PAID = "partiellement payée"
    OVERDUE = "échue"
    PAID = "payée"
    SETTLED_BY_CREDIT = "soldée par avoir"


@dataclass(frozen=True, slots=True, kw_only=True)
class BookDocument:
    """An invoice or a credit note as the book holds it."""

    number: str
    """Its number (BT-1)."""
    issued: date
    """Its issue date."""
    due: date | None
    """Its due date (Art. 4); none on a credit note."""
    client: str
    """The client's name."""
    total_ttc: NonNegativeAmount
    """Its total, € TTC."""
    vat: tuple[VatLine, ...]
    """Its VAT per rate."""
    corrects: str | None = None
    """On a credit note: the number of the invoice it credits."""
    siren: str | None = None
    """The client's SIREN, when it has one."""
    entered: date | None = None
    """The day it entered the book (the FEC's ``ValidDate``); its issue date when unknown."""

    @property
    def is_credit_note(self) -> bool:
        """Whether it credits an invoice."""
        return self.corrects is not None


@dataclass(frozen=True, slots=True, kw_only=True)
class BookPayment:
    """A payment received for an invoice (positive), or a refund to the client (negative)."""

    id: int
    """Its id in the book."""
    invoice: str
    """The number of the invoice it pays."""
    on: date
    """The day it was received (or refunded)."""
    amount: Amount
    """€ TTC; negative for a refund."""
    method: str = "virement"
    """How it was paid (Art. 4: bank transfer)."""
    reference: str = ""
    """The bank's reference."""
    entered: date | None = None
    """The day it entered the book (the FEC's ``ValidDate``); its date when unknown."""


@dataclass(frozen=True, slots=True, kw_only=True)
class BookPenalty:
    """Late-payment interest and the recovery indemnity billed to the client for an invoice
    (``book penalties``): a receivable of their own, paid after the invoice (D95)."""

    id: int
    """Its id in the book."""
    invoice: str
    """The number of the late invoice."""
    on: date
    """The day they were billed, up to which the interest runs."""
    interest: NonNegativeAmount
    """Interest billed, € (outside VAT; C. com. L441-10)."""
    indemnity: NonNegativeAmount
    """Indemnity billed, € (outside VAT; C. com. D441-5)."""
    entered: date | None = None
    """The day it entered the book."""

    @property
    def total(self) -> Decimal:
        """Interest plus indemnity, €."""
        return self.interest + self.indemnity


@dataclass(frozen=True, slots=True, kw_only=True)
class InvoiceBalance:
    """An invoice on a date: total = paid + credited + outstanding, and what lateness costs."""

    number: str
    """The invoice's number."""
    client: str
    """The client's name."""
    issued: date
    """Its issue date."""
    due: date
    """Its due date (Art. 4)."""
    on: date
    """The date of the balance (records after it are ignored)."""
    total_ttc: NonNegativeAmount
    """Its total, € TTC."""
    credited: NonNegativeAmount
    """Credited by credit notes, € TTC."""
    paid: Amount
    """Paid, net of refunds, € TTC."""
    outstanding: NonNegativeAmount
    """What is left to pay, € TTC."""
    refund_due: NonNegativeAmount
    """What the client paid beyond what is left after credit notes: to refund."""
    status: BalanceStatus
    """Where it stands."""
    days_late: int
    """Days after the due date with an amount outstanding."""
    portions: tuple[LatePortion, ...]
    """Interest per period and half-year (C. com. L441-10)."""
    interest: NonNegativeAmount
    """Late-payment interest, €."""
    indemnity: NonNegativeAmount
    """The 40 € recovery indemnity, once per invoice paid late or overdue (D441-5)."""
    articles: str = "Art. 4; C. com. L441-10, D441-5"
    """The law applied."""
    penalties_billed: NonNegativeAmount = Decimal("0.00")
    """Interest and indemnity billed to the client so far (``book penalties``), €."""
    penalties_outstanding: NonNegativeAmount = Decimal("0.00")
    """What of them is left to pay: payments go to the invoice first (D95), €."""


def _penalties(number: str, penalties: Iterable[BookPenalty], on: date) -> Decimal:
    return sum((p.total for p in penalties if p.invoice == number and p.on <= on), _ZERO)


@in_library_context
def check_credit_note(
    invoice: BookDocument, credited: Iterable[BookDocument], amount: Decimal | None = None
) -> Decimal:
    """What the invoice has not been credited; a credit note of ``amount`` TTC (default: all of
    it) beyond that, or of nothing, is refused."""
    left = invoice.total_ttc - sum((c.total_ttc for c in credited), _ZERO)
    if amount is None:
        amount = left
    if not 0 < amount <= left:
        raise PaymentError(
            f"a credit note of {amount} € TTC on {invoice.number}: it must be more than 0 and at "
            f"most {left} € TTC, what the invoice has not been credited"
        )
    return left


@in_library_context
def check_payment(
    invoice: BookDocument,
    credit_notes: Iterable[BookDocument],
    payments: Iterable[BookPayment],
    amount: Decimal,
    on: date,
    *,
    penalties: Iterable[BookPenalty] = (),
) -> None:
    """Refuse a payment of 0, a payment before the invoice's date or beyond what is outstanding
    (every record counted, whatever its date), and a refund (negative) beyond what is to be
    refunded."""
    if on < invoice.issued:
        raise PaymentError(
            f"a payment on {on.isoformat()} is before invoice {invoice.number}'s date "
            f"({invoice.issued.isoformat()}); check the date"
        )
    if amount == 0:
        raise PaymentError("a payment of 0 € records nothing; give the amount received")
    paid = sum((p.amount for p in payments if p.invoice == invoice.number), _ZERO)
    credited = sum((c.total_ttc for c in credit_notes if c.corrects == invoice.number), _ZERO)
    billed = _penalties(invoice.number, penalties, date.max)
    outstanding = max(_ZERO, invoice.total_ttc + billed - credited - paid)
    refund_due = max(_ZERO, paid + credited - invoice.total_ttc - billed)
    if amount > outstanding:
        raise PaymentError(
            f"{amount:.2f} € TTC is more than the {outstanding} € TTC outstanding on "
            f"{invoice.number}; record at most that"
        )
    if -amount > refund_due:
        raise PaymentError(
            f"a refund of {-amount:.2f} € TTC is more than the {refund_due} € TTC to refund on "
            f"{invoice.number}"
        )


@in_library_context
def balance(
    invoice: BookDocument,
    payments: Iterable[BookPayment],
    credit_notes: Iterable[BookDocument] = (),
    *,
    on: date,
    rates: Mapping[HalfYear, Decimal] | Decimal = ECB_RATES,
    penalties: Iterable[BookPenalty] = (),
) -> InvoiceBalance:
    """``invoice`` on ``on``: its payments and credit notes dated up to ``on``, what is left,
    its status and the interest its actual history bears (module docstring); the penalties
    billed, paid after the invoice itself (D95)."""
    if invoice.due is None:
        raise PaymentError(f"{invoice.number} is a credit note: it has no balance of its own")
    events: list[tuple[date, Decimal, Decimal]] = [  # day, paid, credited
        (p.on, p.amount, _ZERO) for p in payments if p.invoice == invoice.number and p.on <= on
    ]
    events += [
        (c.issued, _ZERO, c.total_ttc)
        for c in credit_notes
        if c.corrects == invoice.number and c.issued <= on
    ]
    events.sort(key=lambda event: event[0])
    paid = sum((e[1] for e in events), _ZERO)
    credited = sum((e[2] for e in events), _ZERO)
    outstanding = max(_ZERO, invoice.total_ttc - credited - paid)
    billed = _penalties(invoice.number, penalties, on)
    beyond = max(_ZERO, paid + credited - invoice.total_ttc)  # paid beyond the invoice
    refund_due = max(_ZERO, beyond - billed)
    portions, days_late = _interest(invoice.total_ttc, invoice.due, events, on, rates)
    late = days_late > 0
    return InvoiceBalance(
        number=invoice.number,
        client=invoice.client,
        issued=invoice.issued,
        due=invoice.due,
        on=on,
        total_ttc=invoice.total_ttc,
        credited=credited,
        paid=paid,
        outstanding=outstanding,
        refund_due=refund_due,
        status=_status(invoice, outstanding, paid, credited, on),
        days_late=days_late,
        portions=portions,
        interest=sum((p.interest for p in portions), _ZERO),
        indemnity=INDEMNITY if late else _ZERO,
        penalties_billed=billed,
        penalties_outstanding=billed - min(billed, beyond),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class BalanceSheet:
    """Every invoice's balance on a date, and the totals."""

    on: date
    """The date of the balances."""
    invoices: tuple[InvoiceBalance, ...]
    """One balance per invoice, in the order they were issued."""
    outstanding: NonNegativeAmount
    """What is left to pay, € TTC."""
    late: NonNegativeAmount
    """Interest and indemnities owed for late payment, €."""


@in_library_context
def balance_sheet(
    documents: Iterable[BookDocument],
    payments: Iterable[BookPayment],
    *,
    on: date,
    client: str | None = None,
    rates: Mapping[HalfYear, Decimal] | Decimal = ECB_RATES,
    penalties: Iterable[BookPenalty] = (),
) -> BalanceSheet:
    """The balance of every invoice issued by ``on`` (of ``client``, its name or SIREN, when
    given)."""
    documents, payments, billed = tuple(documents), tuple(payments), tuple(penalties)
    invoices = tuple(
        balance(d, payments, documents, on=on, rates=rates, penalties=billed)
        for d in documents
        if not d.is_credit_note and d.issued <= on and client in (None, d.client, d.siren)
    )
    return BalanceSheet(
        on=on,
        invoices=invoices,
        outstanding=sum((b.outstanding for b in invoices), _ZERO),
        late=sum((b.interest + b.indemnity for b in invoices), _ZERO),
    )


def _status(
    invoice: BookDocument, outstanding: Decimal, paid: Decimal, credited: Decimal, on: date
) -> BalanceStatus:
    assert invoice.due is not None
    if outstanding == 0:
        return (
            BalanceStatus.SETTLED_BY_CREDIT
            if credited >= invoice.total_ttc or paid <= 0
            else (BalanceStatus.PAID)
        )
    if on > invoice.due:
        return BalanceStatus.OVERDUE
    return BalanceStatus.PART_PAID if paid > 0 or credited > 0 else BalanceStatus.NOT_DUE


def _interest(
    total: Decimal,
    due: date,
    events: list[tuple[date, Decimal, Decimal]],
    on: date,
    rates: Mapping[HalfYear, Decimal] | Decimal,
) -> tuple[tuple[LatePortion, ...], int]:
    """The late periods: from the due date, cut at each event after it, each bearing interest
    on what was outstanding during it (as ``late_payment`` computes it)."""
    outstanding = total
    start = due
    portions: list[LatePortion] = []
    days = 0
    for day, paid, credited in [*events, (on, _ZERO, _ZERO)]:
        if day > start and outstanding > 0:
            period = late_payment(outstanding, start, day, rates=rates)
            portions += period.portions
            days += period.days_late
            start = day
        elif day > start:
            start = day
        outstanding = max(_ZERO, outstanding - paid - credited)
    return tuple(portions), days
