"""Invoices and credit notes for people: text and HTML, French by default, every mention the
law requires (C. com. L441-9, L441-10, D441-5; CGI annexe II art. 242 nonies A; R123-237).

The same sections feed the text, the HTML and the PDF
([`ouitec_terms.einvoice`][ouitec_terms.einvoice]), so the three show one invoice.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from zoneinfo import ZoneInfo

from ouitec_terms.assembly.invoice import DocumentType, Invoice
from ouitec_terms.boundary.models import Address, Client
from ouitec_terms.money import in_library_context
from ouitec_terms.rules import law
from ouitec_terms.rules.payment import due_date
from ouitec_terms.rules.vat import vat_rule

from .messages import Messages, messages_for
from .pieces import Lang, line_description, mention_text

__all__ = [
    "InvoiceRow",
    "InvoiceSections",
    "invoice_html",
    "invoice_page",
    "invoice_sections",
    "invoice_text",
    "legal_mentions",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class InvoiceRow:
    """One line of the invoice as a reader sees it."""

    number: int
    """Line number, from 1."""
    description: str
    """What the line bills."""
    article: str
    """The articles the line applies."""
    dates: str
    """When the work or travel took place."""
    quantity: str
    """Quantity and unit, formatted."""
    unit_price: str
    """Net unit price HT, formatted."""
    amount: str
    """Amount HT, formatted."""


@dataclass(frozen=True, slots=True, kw_only=True)
class InvoiceSections:
    """The words of an invoice, section by section, in one language."""

    title: str
    """Invoice or credit note, and its number."""
    dates: tuple[str, ...]
    """Issue, service and due dates."""
    seller: tuple[str, ...]
    """The seller's lines: name, legal form, identifiers, address."""
    client: tuple[str, ...]
    """The client's lines: name, identifiers, address."""
    nature: str
    """The nature of the operation (services)."""
    headings: tuple[str, ...]
    """The column headings of the line table."""
    rows: tuple[InvoiceRow, ...]
    """The line table."""
    totals: tuple[tuple[str, str], ...]
    """Total rows: label and formatted amount."""
    mentions: tuple[str, ...]
    """The legal mentions, worded."""


def _group(digits: str) -> str:
    """A SIREN or SIRET the way people write it: ``901 000 018``, ``901 000 018 00019``."""
    parts = [digits[i : i + 3] for i in range(0, 9, 3)] + ([digits[9:]] if digits[9:] else [])
    return " ".join(parts)


def _address(address: Address | None) -> str:
    if address is None:
        return ""
    return f"{address.street}, {address.postcode} {address.city}, {address.country}"


def _client_lines(client: Client, m: Messages) -> tuple[str, ...]:
    ids = []
    if client.siren:
        ids.append(m.text("invoice.siren", siren=_group(client.siren)))
    if client.siret:
        ids.append(m.text("invoice.siret", siret=_group(client.siret)))
    if client.vat_number:
        ids.append(m.text("invoice.vat_number", vat=client.vat_number))
    lines = [m.text("invoice.client", name=client.name)]
    if ids:
        lines.append(", ".join(ids))
    lines.append(_address(client.address))
    return tuple(line for line in lines if line)


def penalties_mention(lang: Lang | Messages = "fr") -> str:
    """The late-penalty rate an invoice states: the ECB rate + 10 points (C. com. L441-10)."""
    m = messages_for(lang)
    return m.text("invoice.penalties", points=m.number(law.PENALTY_POINTS.value, 0))


def indemnity_mention(lang: Lang | Messages = "fr") -> str:
    """The fixed recovery indemnity an invoice states: 40 € (C. com. D441-5)."""
    m = messages_for(lang)
    return m.text("invoice.indemnity", amount=m.amount(law.RECOVERY_INDEMNITY.value))


def legal_mentions(invoice: Invoice, lang: Lang = "fr") -> tuple[str, ...]:
    """The mentions the law requires beside the lines, in order (D57)."""
    m = messages_for(lang)
    seller = invoice.seller
    out = []
    if invoice.type_code is DocumentType.CREDIT_NOTE:
        out.append(
            m.text(
                "invoice.credits",
                number=invoice.preceding_number,
                day=m.day(invoice.preceding_issued) if invoice.preceding_issued else "",
                reason=invoice.reason,
            )
        )
    if invoice.due is None:
        out.append(m.text("invoice.refund"))
    else:
        capped = invoice.due < due_date(invoice.received)
        out.append(
            m.text(
                "invoice.payment_capped" if capped else "invoice.payment",
                due=m.day(invoice.due),
                received=m.day(invoice.received),
                iban=seller.iban,
                days=law.PAYMENT_DAYS.days,
                cap=law.MAX_PAYMENT_DAYS.days,
            )
        )
    out.append(m.text("invoice.no_discount"))
    out.append(penalties_mention(m))
    out.append(indemnity_mention(m))
    if seller.vat_on_debits:
        out.append(m.text("invoice.vat_on_debits"))
    rule = vat_rule(invoice.regime, invoice.quotes[0].status_date)
    if rule.mention is not None:
        from ouitec_terms.rules.mentions import Mention  # noqa: PLC0415 - one use

        out.append(mention_text(Mention(code=rule.mention), m))
    seen = set()
    for q in invoice.quotes:
        for mention in q.mentions:
            text = mention_text(mention, m)
            if mention.code.value.startswith("vat_") or text in seen:
                continue
            seen.add(text)
            out.append(text)
    return tuple(out)


@in_library_context
def invoice_sections(invoice: Invoice, lang: Lang = "fr") -> InvoiceSections:
    """Every word of ``invoice``, section by section, in ``lang``."""
    m = messages_for(lang)
    seller = invoice.seller
    kind = "credit_note" if invoice.type_code is DocumentType.CREDIT_NOTE else "invoice"
    dates = [m.text("invoice.issued", day=m.day(invoice.issued))]
    if invoice.due is not None:
        dates.append(m.text("invoice.due", day=m.day(invoice.due)))
    if invoice.purchase_order is not None:
        dates.append(m.text("invoice.purchase_order", reference=invoice.purchase_order))
    if invoice.buyer_reference is not None:
        dates.append(m.text("invoice.buyer_reference", reference=invoice.buyer_reference))
    seller_lines = (
        m.text(
            "invoice.seller",
            name=seller.name,
            form=seller.legal_form,
            capital=m.amount(seller.share_capital).replace(",00", "")
            if m.french
            else m.amount(seller.share_capital).replace(".00", ""),
            city=seller.rcs_city,
            siren=_group(seller.siren),
        ),
        ", ".join(
            (
                m.text("invoice.siret", siret=_group(seller.siret)),
                m.text("invoice.vat_number", vat=seller.vat_number),
            )
        ),
        f"{_address(seller.address)} — {seller.email} — {seller.phone}",
    )
    rows = []
    number = 0
    for q in invoice.quotes:
        zone = ZoneInfo(q.timezone)
        for line in q.lines:
            number += 1
            when = ""
            if line.start and line.end:
                first, last = line.start.astimezone(zone), line.end.astimezone(zone)
                when = (
                    m.day(first.date())
                    if first.date() == last.date()
                    else (f"{m.day(first.date())} – {m.day(last.date())}")
                )
            reference = f"{q.reference} — " if q.reference else ""
            rows.append(
                InvoiceRow(
                    number=number,
                    description=reference + line_description(line, q, m),
                    article=line.article,
                    dates=when,
                    quantity=m.quantity(line.quantity, line.unit.value),
                    unit_price=m.price(line.net_unit_price),
                    amount=m.amount(line.amount_ht),
                )
            )
    totals = [(m.text("total.ht"), m.amount(invoice.total_ht))]
    totals += [
        (m.text("total.vat", rate=m.percent(v.rate), base=m.amount(v.base)), m.amount(v.amount))
        for v in invoice.vat
    ]
    totals.append((m.text("total.ttc"), m.amount(invoice.total_ttc)))
    return InvoiceSections(
        title=m.text(f"invoice.title.{kind}", number=invoice.number),
        dates=tuple(dates),
        seller=seller_lines,
        client=_client_lines(invoice.client, m),
        nature=m.text(
            "invoice.nature",
            start=m.day(invoice.period_start),
            end=m.day(invoice.period_end),
        ),
        headings=tuple(
            m.text(f"invoice.column.{c}")
            for c in ("number", "description", "dates", "quantity", "unit_price", "amount")
        ),
        rows=tuple(rows),
        totals=tuple(totals),
        mentions=legal_mentions(invoice, m),
    )


@in_library_context
def invoice_text(invoice: Invoice, lang: Lang = "fr") -> str:
    """The invoice or credit note as plain text (what the PDF shows)."""
    s = invoice_sections(invoice, lang)
    m = messages_for(lang)
    out = [s.title, *s.dates, "", *s.seller, "", *s.client, "", s.nature, ""]
    for row in s.rows:
        out.append(f"{row.number:>3}. [{row.article}] {row.description}")
        out.append(f"     {row.dates}  {row.quantity} × {row.unit_price} = {row.amount}")
    out.append("")
    out += [f"{name}{m.colon()}: {amount}" for name, amount in s.totals]
    out += ["", *s.mentions]
    return "\n".join(out)


@in_library_context
def invoice_html(invoice: Invoice, lang: Lang = "fr") -> str:
    """The invoice or credit note as HTML (Jupyter, the CLI's ``html`` format)."""
    s = invoice_sections(invoice, lang)
    right = ' style="text-align:right;white-space:nowrap"'
    head = "".join(
        f"<th{right if k >= 3 else ''}>{escape(h)}</th>" for k, h in enumerate(s.headings)
    )
    body = "".join(
        f"<tr><td>{row.number}</td><td>{escape(row.description)} <small>"
        f"({escape(row.article)})</small></td><td>{escape(row.dates)}</td>"
        f"<td{right}>{escape(row.quantity)}</td><td{right}>{escape(row.unit_price)}</td>"
        f"<td{right}>{escape(row.amount)}</td></tr>"
        for row in s.rows
    )
    foot = "".join(
        f'<tr><th colspan="5" style="text-align:right">{escape(n)}</th>'
        f"<td{right}><b>{escape(a)}</b></td></tr>"
        for n, a in s.totals
    )
    block = "".join

    def paragraph(lines: tuple[str, ...]) -> str:
        return "<p>" + "<br>".join(escape(x) for x in lines) + "</p>"

    return (
        f'<div class="ouitec-invoice"><h2>{escape(s.title)}</h2>{paragraph(s.dates)}'
        f"{paragraph(s.seller)}{paragraph(s.client)}<p>{escape(s.nature)}</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody><tfoot>{foot}</tfoot>"
        f"</table>{block(f'<p>{escape(x)}</p>' for x in s.mentions)}</div>"
    )


_PAGE_STYLE = """
body { font-family: "Lato", "Helvetica Neue", Arial, sans-serif; font-size: 10pt; color: #111;
       max-width: 180mm; margin: 1.5em auto; }
h2 { font-size: 16pt; margin: 0 0 0.5em; }
table { width: 100%; border-collapse: collapse; margin: 1em 0; }
th, td { border-bottom: 1px solid #ccc; padding: 3px 6px; vertical-align: top; text-align: left; }
thead th { border-bottom: 2px solid #333; }
tfoot th, tfoot td { border-bottom: none; }
small { color: #555; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; margin: 0; font-size: 9pt; }
  thead { display: table-header-group; }
  tr, p { page-break-inside: avoid; }
}
"""
"""The page's own style: no font or sheet loaded from elsewhere; it prints on A4 like the PDF."""


@in_library_context
def invoice_page(invoice: Invoice, lang: Lang = "fr") -> str:
    """The invoice or credit note as a complete HTML page (``invoice --format html``): doctype,
    UTF-8, its language, its title, its own CSS and a print style sheet for A4."""
    title = invoice_sections(invoice, lang).title
    code = messages_for(lang).lang
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(code)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_PAGE_STYLE}</style>\n</head>\n<body>\n"
        f"{invoice_html(invoice, lang)}\n</body>\n</html>"
    )
