"""After the invoice, for people: balances, reminders (a formal notice once long overdue), the
VAT due and the Art. 10 cap, as text, HTML and CSV (issue 20). Every word from the catalogue."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from ouitec_terms.money import in_library_context
from ouitec_terms.rules import law

from .messages import Messages, messages_for
from .pieces import Lang
from .spreadsheets import csv_cell

if TYPE_CHECKING:
    from ouitec_terms.boundary.parties import Seller
    from ouitec_terms.rules.ledger import BalanceSheet, InvoiceBalance
    from ouitec_terms.rules.receipts import LiabilityCap, VatDue

__all__ = [
    "BALANCE_COLUMNS",
    "FORMAL_NOTICE_DAYS",
    "balances_csv",
    "balances_text",
    "cap_text",
    "reminder_html",
    "reminder_sections",
    "reminder_text",
    "vat_due_text",
]

FORMAL_NOTICE_DAYS = 30
"""After this many days late, a reminder is a formal notice ("mise en demeure")."""
BALANCE_COLUMNS = (
    "number", "client", "issued", "due", "total_ttc", "credited", "paid", "outstanding",
    "refund_due", "status", "days_late", "interest", "indemnity",
)  # fmt: skip
"""The columns of [`balances_csv`][ouitec_terms.presentation.ledger.balances_csv]."""


def _status(b: InvoiceBalance, m: Messages) -> str:
    return m.text(f"balance.status.{b.status.name.lower()}")


@in_library_context
def balances_text(sheet: BalanceSheet, lang: Lang = "fr") -> str:
    """One line per invoice on the date, then the totals outstanding and owed for lateness."""
    m = messages_for(lang)
    if not sheet.invoices:
        return m.text("balance.none")
    out = [m.text("balance.heading", on=m.day(sheet.on))]
    for b in sheet.invoices:
        out.append(
            m.text(
                "balance.row",
                number=b.number,
                client=b.client,
                issued=m.day(b.issued),
                due=m.day(b.due),
                total=m.amount(b.total_ttc),
                paid=m.amount(b.paid),
                credited=m.amount(b.credited),
                outstanding=m.amount(b.outstanding),
                status=_status(b, m),
            )
        )
        if b.days_late:
            out.append(
                "    "
                + m.text(
                    "balance.late",
                    days=b.days_late,
                    interest=m.amount(b.interest),
                    indemnity=m.amount(b.indemnity),
                    articles=b.articles,
                )
            )
        if b.penalties_billed:
            out.append(
                "    "
                + m.text(
                    "balance.penalties",
                    billed=m.amount(b.penalties_billed),
                    left=m.amount(b.penalties_outstanding),
                )
            )
        if b.refund_due:
            out.append("    " + m.text("balance.refund", amount=m.amount(b.refund_due)))
    totals = {"outstanding": m.amount(sheet.outstanding), "late": m.amount(sheet.late)}
    out.append(m.text("balance.total", **totals))
    return "\n".join(out)


@in_library_context
def balances_csv(balances: Sequence[InvoiceBalance]) -> str:
    """One CSV row per invoice: stable column names, numbers with a point, ISO dates."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(BALANCE_COLUMNS)
    for b in balances:
        row = (
            b.number, b.client, b.issued.isoformat(), b.due.isoformat(), b.total_ttc, b.credited,
            b.paid, b.outstanding, b.refund_due, b.status.value, b.days_late, b.interest,
            b.indemnity,
        )  # fmt: skip
        writer.writerow([csv_cell(cell) for cell in row])
    return buffer.getvalue().rstrip("\n")


@in_library_context
def reminder_sections(
    b: InvoiceBalance, seller: Seller, lang: Lang = "fr", *, formal_after: int = FORMAL_NOTICE_DAYS
) -> tuple[str, list[str]]:
    """The reminder's title and paragraphs (a PDF draws them; the text and HTML join them)."""
    return _reminder_lines(b, seller, messages_for(lang), formal_after)


def _reminder_lines(
    b: InvoiceBalance, seller: Seller, m: Messages, formal_after: int
) -> tuple[str, list[str]]:
    formal = b.days_late > formal_after
    title = m.text("reminder.formal" if formal else "reminder.title", number=b.number)
    lines = [
        m.text("reminder.from", seller=seller.name, client=b.client, on=m.day(b.on)),
        m.text(
            "reminder.body",
            number=b.number,
            issued=m.day(b.issued),
            total=m.amount(b.total_ttc),
            due=m.day(b.due),
            days=b.days_late,
        ),
        m.text("reminder.outstanding", amount=m.amount(b.outstanding)),
        m.text("reminder.interest", amount=m.amount(b.interest), points=law.PENALTY_POINTS.value),
        m.text("reminder.indemnity", amount=m.amount(b.indemnity)),
        m.text("reminder.total", amount=m.amount(b.outstanding + b.interest + b.indemnity)),
        m.text("reminder.formal_close" if formal else "reminder.close", days=8),
    ]
    return title, lines


@in_library_context
def reminder_text(
    b: InvoiceBalance, seller: Seller, lang: Lang = "fr", *, formal_after: int = FORMAL_NOTICE_DAYS
) -> str:
    """A payment reminder for an overdue invoice with its legal grounds; a formal notice ("mise
    en demeure") after ``formal_after`` days late."""
    m = messages_for(lang)
    title, lines = _reminder_lines(b, seller, m, formal_after)
    return "\n\n".join([title, *lines])


@in_library_context
def reminder_html(
    b: InvoiceBalance, seller: Seller, lang: Lang = "fr", *, formal_after: int = FORMAL_NOTICE_DAYS
) -> str:
    """The reminder as an HTML page."""
    m = messages_for(lang)
    title, lines = _reminder_lines(b, seller, m, formal_after)
    body = "".join(f"<p>{escape(line)}</p>" for line in lines)
    return (
        f'<!DOCTYPE html>\n<html lang="{m.lang}"><head><meta charset="utf-8"><title>'
        f"{escape(title)}</title></head><body><h1>{escape(title)}</h1>{body}</body></html>"
    )


@in_library_context
def vat_due_text(due: VatDue, lang: Lang = "fr") -> str:
    """The VAT due for a month, per rate, with the regime and its article."""
    m = messages_for(lang)
    regime = m.text("vat_due.receipts" if due.on_receipts else "vat_due.debits")
    out = [m.text("vat_due.heading", month=m.month(due.year, due.month), regime=regime)]
    out += [
        "  "
        + m.text(
            "vat_due.row",
            rate=m.percent(line.rate),
            base=m.amount(line.base),
            tax=m.amount(line.amount),
        )
        for line in due.lines
    ]
    out.append(m.text("vat_due.total", amount=m.amount(due.total_vat), article=due.article))
    return "\n".join(out)


@in_library_context
def cap_text(cap: LiabilityCap, lang: Lang = "fr") -> str:
    """Art. 10's cap: what the client actually paid, per invoice and in total."""
    m = messages_for(lang)
    out = [m.text("cap.heading", client=cap.client, on=m.day(cap.on), article=cap.article)]
    out += [f"  {line.number}: {m.amount(line.paid)}" for line in cap.invoices]
    out.append(m.text("cap.total", amount=m.amount(cap.total)))
    return "\n".join(out)
