"""The book's records as accounting entries, the FEC's (LPF art. A47 A-1; issue 21): pure
functions over plain values, before any formatting.

- **Sales journal** (``VE``), one entry per invoice: debit the client's receivable (411, the
  client as auxiliary account), credit services (706) HT per VAT rate, and credit the VAT per
  rate: 44574 (collected, awaiting receipt) on receipts, 44571 on debits; a 0 % invoice
  (reverse charge, exempt) has no VAT line. A credit note is the reverse entry.
- **Bank journal** (``BQ``), one entry per payment: debit the bank (512), credit the receivable;
  on receipts, move the VAT received from 44574 to 44571 per rate, the figures of the VAT due
  (D90), so a fully paid invoice moves exactly its VAT. A refund is the reverse.
- **Penalties** billed (``book penalties``), in the sales journal: debit the receivable, credit
  the late-payment interest (7631) and the recovery indemnity (7588), outside VAT (D95).
- **Lettering**: the receivable lines of an invoice settled within the file (its lines add up to
  0) share one code and the date of the last of them.

Entries are numbered in one sequence, in the order the records entered the book (D94).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from ouitec_terms.boundary.accounts import AccountPlan
from ouitec_terms.boundary.amounts import NonNegativeAmount
from ouitec_terms.money import in_library_context

from .ledger import BookDocument, BookPayment, BookPenalty
from .receipts import receipts_by_event
from .vat import VatLine

__all__ = ["FecLine", "auxiliary_account", "fec_entries", "fiscal_year"]

_ZERO = Decimal("0.00")


@dataclass(frozen=True, slots=True, kw_only=True)
class FecLine:
    """One line of an accounting entry, the 18 fields of the FEC (LPF art. A47 A-1)."""

    journal_code: str
    """JournalCode."""
    journal_label: str
    """JournalLib."""
    entry_number: int
    """EcritureNum: one sequence over the whole file."""
    entry_date: date
    """EcritureDate: the document's own date."""
    account: str
    """CompteNum."""
    account_label: str
    """CompteLib."""
    aux_account: str
    """CompAuxNum (the client's, on the receivable), or empty."""
    aux_label: str
    """CompAuxLib, or empty."""
    piece_ref: str
    """PieceRef: the invoice's, credit note's or payment's reference."""
    piece_date: date
    """PieceDate."""
    label: str
    """EcritureLib."""
    debit: NonNegativeAmount
    """Debit (0.00 when the line is a credit)."""
    credit: NonNegativeAmount
    """Credit (0.00 when the line is a debit)."""
    letter: str
    """EcritureLet: the lettering code of a settled receivable, or empty."""
    letter_date: date | None
    """DateLet, with the letter."""
    valid_date: date
    """ValidDate: the day the record entered the book."""
    amount_currency: Decimal | None = None
    """Montantdevise (euros only: empty)."""
    currency: str = ""
    """Idevise (euros only: empty)."""


def fiscal_year(closing: date) -> tuple[date, date]:
    """The first and last day of the fiscal year that closes on ``closing`` (12 months)."""
    try:
        start = closing.replace(year=closing.year - 1)
    except ValueError:  # 29 February
        start = closing.replace(year=closing.year - 1, day=28)
    return date.fromordinal(start.toordinal() + 1), closing


_NOT_CODE = re.compile(r"[^A-Z0-9]+")


def auxiliary_account(client: str, siren: str | None) -> str:
    """The client's auxiliary account, stable for the client: ``C`` and its SIREN, else ``C``,
    the first letters of its name and 4 hex digits of its hash."""
    if siren:
        return f"C{siren}"
    ascii_name = unicodedata.normalize("NFKD", client).encode("ascii", "ignore").decode().upper()
    letters = _NOT_CODE.sub("", ascii_name)[:10]
    return f"C{letters}{hashlib.sha256(client.encode()).hexdigest()[:4].upper()}"


class _Entries:
    def __init__(self, plan: AccountPlan) -> None:
        self.plan = plan
        self.lines: list[FecLine] = []
        self.number = 0
        self.aux_labels: dict[str, str] = {}
        """Each auxiliary account's label: the first one written (a renamed client keeps its
        label in the file, as A47 A-1 wants one label per account)."""

    def entry(
        self, journal: str, day: date, ref: str, *, valid: date,
        parts: list[tuple[str, Decimal, str, str]], label: str,
    ) -> None:  # fmt: skip
        """One balanced entry: ``parts`` are (account role, signed amount: + debit, − credit,
        auxiliary account, auxiliary label)."""
        parts = [p for p in parts if p[1]]
        if not parts:
            return
        assert sum(p[1] for p in parts) == 0, (ref, parts)
        self.number += 1
        book = self.plan.journals[journal]
        for role, amount, aux, given in parts:
            account = self.plan.accounts[role]
            aux_label = self.aux_labels.setdefault(aux, given) if aux else ""
            self.lines.append(
                FecLine(
                    journal_code=book.code,
                    journal_label=book.label,
                    entry_number=self.number,
                    entry_date=day,
                    account=account.number,
                    account_label=account.label,
                    aux_account=aux,
                    aux_label=aux_label,
                    piece_ref=ref,
                    piece_date=day,
                    label=label[:200],
                    debit=max(amount, _ZERO),
                    credit=max(-amount, _ZERO),
                    letter="",
                    letter_date=None,
                    valid_date=valid,
                )
            )


@in_library_context
def fec_entries(
    documents: Iterable[BookDocument],
    payments: Iterable[BookPayment],
    *,
    closing: date,
    plan: AccountPlan,
    vat_on_debits: bool = False,
    penalties: Iterable[BookPenalty] = (),
) -> tuple[FecLine, ...]:
    """The entries of the fiscal year closing on ``closing``: every invoice, credit note and
    payment dated in it, in the order they entered the book, numbered in one sequence, and the
    receivables settled within it lettered."""
    first, last = fiscal_year(closing)
    documents, payments = tuple(documents), tuple(payments)
    by_number = {d.number: d for d in documents}
    received = {} if vat_on_debits else receipts_by_event(documents, payments)
    penalties = tuple(penalties)
    records: list[tuple[date, int, BookDocument | BookPayment | BookPenalty]] = []
    for order, d in enumerate(documents):
        records.append((d.entered or d.issued, order, d))
    for p in payments:
        records.append((p.entered or p.on, len(documents) + p.id, p))
    for penalty in penalties:
        records.append((penalty.entered or penalty.on, len(documents) + penalty.id, penalty))
    records.sort(key=lambda r: (r[0], r[1]))
    out = _Entries(plan)
    for valid, _, record in records:
        day = record.issued if isinstance(record, BookDocument) else record.on
        if not first <= day <= last:
            continue
        if isinstance(record, BookPenalty):
            _penalty_entry(out, record, by_number[record.invoice], valid)
        elif isinstance(record, BookPayment):
            moved = received.get(("payment", str(record.id)), ())
            _payment_entry(out, record, by_number[record.invoice], valid, moved=moved)
        else:
            moved = received.get(("credit_note", record.number), ())
            _document_entry(out, record, valid, vat_on_debits=vat_on_debits, moved=moved)
    return _lettered(out.lines, plan.accounts["receivable"].number, payments, documents, penalties)


def _aux(document: BookDocument) -> tuple[str, str]:
    return auxiliary_account(document.client, document.siren), document.client


def _penalty_entry(out: _Entries, record: BookPenalty, invoice: BookDocument, valid: date) -> None:
    parts = [("receivable", record.total, *_aux(invoice)), ("interest", -record.interest, "", ""),
             ("indemnity", -record.indemnity, "", "")]  # fmt: skip
    label = out.plan.labels["penalty"].format(invoice=invoice.number, client=invoice.client)
    ref = f"P{record.id}-{invoice.number}"
    out.entry("sales", record.on, ref, valid=valid, parts=parts, label=label)


def _moves(moved: tuple[VatLine, ...]) -> list[tuple[str, Decimal, str, str]]:
    """On receipts, the VAT a payment or credit note makes due moves from 44574 to 44571 (back,
    when negative; D90)."""
    parts: list[tuple[str, Decimal, str, str]] = []
    for line in moved:
        parts += [("vat_awaiting", line.amount, "", ""), ("vat_collected", -line.amount, "", "")]
    return parts


def _payment_entry(
    out: _Entries, record: BookPayment, invoice: BookDocument, valid: date, *,
    moved: tuple[VatLine, ...],
) -> None:  # fmt: skip
    parts = [("bank", record.amount, "", ""), ("receivable", -record.amount, *_aux(invoice))]
    parts += _moves(moved)
    words = {"invoice": invoice.number, "client": invoice.client, "method": record.method}
    label = out.plan.labels["payment" if record.amount > 0 else "refund"].format(**words)
    ref = f"R{record.id}-{invoice.number}"
    out.entry("bank", record.on, ref, valid=valid, parts=parts, label=label)


def _document_entry(
    out: _Entries, record: BookDocument, valid: date, *, vat_on_debits: bool,
    moved: tuple[VatLine, ...],
) -> None:  # fmt: skip
    sign = -1 if record.is_credit_note else 1
    vat_account = "vat_collected" if vat_on_debits else "vat_awaiting"
    parts = [("receivable", sign * record.total_ttc, *_aux(record))]
    for line in record.vat:
        parts.append(("services", -sign * line.base, "", ""))
        if line.rate:
            parts.append((vat_account, -sign * line.amount, "", ""))
    parts += _moves(moved)
    words = {"number": record.number, "client": record.client, "invoice": record.corrects or ""}
    label = out.plan.labels["credit_note" if record.is_credit_note else "invoice"].format(**words)
    out.entry("sales", record.issued, record.number, valid=valid, parts=parts, label=label)


def _lettered(
    lines: list[FecLine],
    receivable: str,
    payments: tuple[BookPayment, ...],
    documents: tuple[BookDocument, ...],
    penalties: tuple[BookPenalty, ...],
) -> tuple[FecLine, ...]:
    """The receivable lines of each invoice settled within ``lines`` share a letter code
    (``AA``, ``AB``… in the order of settlement) and the date of the last of them."""
    invoice_of = {f"R{p.id}-{p.invoice}": p.invoice for p in payments}
    invoice_of |= {d.number: d.corrects or d.number for d in documents}
    invoice_of |= {f"P{p.id}-{p.invoice}": p.invoice for p in penalties}
    groups: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if line.account == receivable and line.piece_ref in invoice_of:
            groups.setdefault(invoice_of[line.piece_ref], []).append(index)
    settled = []
    for number, indexes in groups.items():
        total = sum(lines[i].debit - lines[i].credit for i in indexes)
        has_invoice = any(lines[i].piece_ref == number for i in indexes)
        if total == 0 and has_invoice:
            day = max(lines[i].entry_date for i in indexes)
            settled.append((day, max(indexes), indexes))
    result = list(lines)
    for n, (day, _, indexes) in enumerate(sorted(settled)):
        code = _letter_code(n)
        for i in indexes:
            result[i] = replace(result[i], letter=code, letter_date=day)
    return tuple(result)


def _letter_code(n: int) -> str:
    """AA, AB, … AZ, BA, … ZZ, then AAA…: a code per settled invoice."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    width, base = 2, 26 * 26
    while n >= base:
        n -= base
        width += 1
        base *= 26
    code = ""
    for _ in range(width):
        n, r = divmod(n, 26)
        code = letters[r] + code
    return code
