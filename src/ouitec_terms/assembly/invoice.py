"""Invoices and credit notes from quotes and monthly statements (Art. 4; French invoicing law).

An [`Invoice`][ouitec_terms.assembly.invoice.Invoice] bills a due quote or a month's statement to a
client, from the seller, with everything French law requires an invoice to state (Code de commerce
L441-9, L441-10, D441-5; CGI annexe II art. 242 nonies A; R123-237): numbers, dates, parties, lines,
totals per VAT rate, payment terms and the legal mentions. An invoice is never deleted: a
[`make_credit_note`][ouitec_terms.assembly.invoice.make_credit_note] corrects it, referencing its
number and date (EN 16931 BT-25, BT-26).

```pycon
>>> from datetime import date, timedelta
>>> from ouitec_terms import load_document, quote
>>> from ouitec_terms.boundary.parties import EXAMPLE_SELLER_TOML, Seller
>>> request = load_document("docs/examples/invoice-client.toml")
>>> q = quote(request.intervention, request.client)
>>> invoice = make_invoice(q, seller=Seller.from_toml_text(EXAMPLE_SELLER_TOML),
...                        client=request.client, number="F-2025-0001", issued=date(2025, 3, 17))
>>> invoice.due, invoice.total_ttc
(datetime.date(2025, 4, 16), Decimal('691.44'))

```
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from zoneinfo import ZoneInfo

from ouitec_terms.boundary.amounts import Amount
from ouitec_terms.boundary.limits import check_day
from ouitec_terms.boundary.models import Client, VatRegime
from ouitec_terms.boundary.parties import Seller
from ouitec_terms.boundary.scalars import add_months
from ouitec_terms.boundary.text import check_one_line, check_reference
from ouitec_terms.errors import InvoiceError
from ouitec_terms.money import in_library_context, round_cents
from ouitec_terms.rules.payment import due_date
from ouitec_terms.rules.pricing import LineKind, QuoteLine, Unit
from ouitec_terms.rules.vat import VatLine, tax

from .numbering import check_invoice_number
from .quote import Quote
from .statement import Statement

__all__ = [
    "MAX_INVOICE_LINES",
    "DocumentType",
    "Invoice",
    "make_credit_note",
    "make_invoice",
    "make_partial_credit_note",
]

MAX_INVOICE_LINES = 2000
"""The most lines one invoice holds (a bound on the work of a PDF, stated in the guide)."""


class DocumentType(StrEnum):
    """The document's type code (UNTDID 1001, BT-3)."""

    INVOICE = "380"
    CREDIT_NOTE = "381"


@dataclass(frozen=True, slots=True, kw_only=True)
class Invoice:
    """An invoice or a credit note: who bills whom, for what, when it is due, and its totals.

    ``quotes`` are what is billed (one quote, or a statement's due quotes); their lines are the
    invoice's lines. ``period_start`` and ``period_end`` are the dates of the services (a
    statement's month). A credit note carries the corrected invoice's number and issue date and
    the reason for the correction; its amounts are positive, like the invoice's.
    """

    type_code: DocumentType
    """380 for an invoice, 381 for a credit note (UNTDID 1001, BT-3)."""
    number: str
    """The number in its series, unique and gap-free (BT-1)."""
    issued: date
    """Issue date (BT-2)."""
    received: date
    """When the client received the invoice: the 30 days of Art. 4 run from it."""
    due: date | None
    """Payment due date (Art. 4, BT-9); none on a credit note."""
    seller: Seller
    """OUiTEC as issuer (BG-4)."""
    client: Client
    """The buyer (BG-7)."""
    period_start: date
    """First day of the services (BT-73)."""
    period_end: date
    """Last day of the services (BT-74)."""
    quotes: tuple[Quote, ...]
    """What is billed; their lines are the invoice lines."""
    vat: tuple[VatLine, ...]
    """VAT per rate, on the invoice's HT total per rate (BG-23)."""
    total_ht: Amount
    """Total, € HT (BT-109)."""
    total_vat: Amount
    """Total VAT, € (BT-110)."""
    total_ttc: Amount
    """Total, € TTC (BT-112)."""
    preceding_number: str | None = None
    """On a credit note, the number of the invoice it corrects (BT-25)."""
    preceding_issued: date | None = None
    """On a credit note, that invoice's issue date (BT-26)."""
    reason: str = ""
    """On a credit note, why the invoice is corrected."""
    purchase_order: str | None = None
    """The buyer's purchase-order reference (BT-13; C. com. L441-9 when the client issued one)."""
    buyer_reference: str | None = None
    """The reference the buyer asks invoices to carry (BT-10, a public buyer's service code)."""

    @property
    def regime(self) -> VatRegime:
        """The client's VAT regime (it chooses the VAT category and mention, D58)."""
        return self.client.vat_regime

    def explain(self, lang: str = "fr") -> str:
        """The invoice as plain text, every mention included (French by default)."""
        from ouitec_terms.presentation.invoices import invoice_text  # noqa: PLC0415 - D52

        return invoice_text(self, lang)

    def _repr_html_(self) -> str:
        from ouitec_terms.presentation.invoices import invoice_html  # noqa: PLC0415 - D52

        return invoice_html(self)

    def __str__(self) -> str:
        return self.explain()


def _check_reference(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return check_reference(value)
    except ValueError as error:
        raise InvoiceError(f"{name}: {error}") from None


def _check_day(day: date, name: str) -> date:
    try:
        return check_day(day, name)
    except ValueError as error:
        raise InvoiceError(str(error)) from None


def _check_client(client: Client) -> None:
    """What French law and the EN 16931 rules require of the buyer (D57)."""
    if client.address is None:
        raise InvoiceError(
            f"client {client.name!r} has no address; an invoice states the buyer's address "
            "(C. com. L441-9): add [client.address] with street, postcode, city, country"
        )
    regime = client.vat_regime
    if regime is VatRegime.EU_REVERSE_CHARGE:
        if not client.vat_number or client.vat_number.startswith("FR"):
            raise InvoiceError(
                f"client {client.name!r} is billed under reverse charge but has no EU VAT "
                "number of another member state: add vat_number (CGI art. 242 nonies A, 283-2)"
            )
    elif regime is not VatRegime.OUTSIDE_EU and not client.siren:
        raise InvoiceError(
            f"client {client.name!r} is a French business but has no siren: add siren, the 9 "
            "digits of its Kbis (C. com. L441-9; BR-FR-10)"
        )


@in_library_context
def make_invoice(
    source: Quote | Statement,
    *,
    seller: Seller,
    client: Client,
    number: str,
    issued: date,
    received: date | None = None,
    purchase_order: str | None = None,
    buyer_reference: str | None = None,
) -> Invoice:
    """The invoice of a due quote or of a month's statement (Art. 4; C. com. L441-9).

    Payment is due 30 days after reception (Art. 4), and never more than 60 days after issue
    (C. com. L441-10 I, D67). An invoice is issued once the services are done: ``issued`` may
    not precede the last billed service's day (D69).

    Args:
        source: A due quote, or a month's statement.
        seller: Who invoices: legal identity, VAT number, bank details.
        client: The billed client, with its billing identity; its name must be the source's.
        number: The invoice's number, unique in its series (it holds a digit, D68).
        issued: The issue date.
        received: The day the client receives it (default: ``issued``).
        purchase_order: The client's purchase order (BT-13).
        buyer_reference: The reference the client asks invoices to carry (BT-10).

    Returns:
        The invoice, with its mentions, VAT breakdown and due date; ``to_cii_xml`` and
        ``to_facturx_pdf`` of ``ouitec_terms.einvoice`` write it as an e-invoice.

    Raises:
        InvoiceError: A mention is missing or the dates or the number do not hold.

    Example:
        ```pycon
        >>> from datetime import date
        >>> from ouitec_terms import Seller, load_document, quote
        >>> request = load_document("docs/examples/invoice-client.toml")
        >>> invoice = make_invoice(
        ...     quote(request.intervention, request.client),
        ...     seller=Seller.from_toml("docs/examples/seller.example.toml"),
        ...     client=request.client, number="F-2025-0001", issued=date(2025, 3, 17))
        >>> invoice.total_ttc, invoice.due
        (Decimal('691.44'), datetime.date(2025, 4, 16))

        ```
    """
    check_invoice_number(number)
    if client.name != source.client_name:
        raise InvoiceError(
            f"client {client.name!r} is not the client of the source ({source.client_name!r})"
        )
    _check_client(client)
    _check_day(issued, "issued")
    received = issued if received is None else _check_day(received, "received")
    if received < issued:
        raise InvoiceError(f"received {received} is before issued {issued}: check the dates")
    purchase_order = _check_reference(purchase_order, "purchase_order")
    buyer_reference = _check_reference(buyer_reference, "buyer_reference")
    if isinstance(source, Quote):
        if not source.due:
            raise InvoiceError(
                f"quote {source.reference or '(no reference)'} is not due yet: the request must "
                "be confirmed in writing first (Art. 5)"
            )
        quotes: tuple[Quote, ...] = (source,)
        start, end = _service_dates(source)
    else:
        if not source.quotes:
            raise InvoiceError(
                f"statement {source.year}-{source.month:02d} has nothing due to invoice"
            )
        quotes = source.quotes
        start = date(source.year, source.month, 1)
        end = add_months(start, 1) - timedelta(days=1)  # the statement's month
    lines = sum(len(q.lines) for q in quotes)
    if lines > MAX_INVOICE_LINES:
        raise InvoiceError(
            f"the invoice would hold {lines} lines, more than {MAX_INVOICE_LINES}; invoice the "
            "month in several parts (fewer interventions per statement document)"
        )
    last_service = max(_service_dates(q)[1] for q in quotes)
    if issued < last_service:
        raise InvoiceError(
            f"issued {issued} is before the last billed service, on {last_service}; an invoice "
            "is issued once the services are done (CGI art. 289 I-3): give --issued "
            f"{last_service} or later"
        )
    return Invoice(
        type_code=DocumentType.INVOICE,
        number=number,
        issued=issued,
        received=received,
        due=due_date(received, issued=issued),
        seller=seller,
        client=client,
        period_start=start,
        period_end=end,
        quotes=quotes,
        vat=source.vat,
        total_ht=source.total_ht,
        total_vat=source.total_vat,
        total_ttc=source.total_ttc,
        purchase_order=purchase_order,
        buyer_reference=buyer_reference,
    )


def _service_dates(q: Quote) -> tuple[date, date]:
    """The first and last local dates of the quote's lines (its status date without any)."""
    zone = ZoneInfo(q.timezone)
    days = [m.astimezone(zone).date() for line in q.lines for m in (line.start, line.end) if m]
    return (min(days), max(days)) if days else (q.status_date, q.status_date)


@in_library_context
def make_credit_note(
    invoice: Invoice,
    *,
    number: str,
    issued: date,
    reason: str,
    corrected_total: Decimal | None = None,
) -> Invoice:
    """A credit note (type 381) that cancels ``invoice``: the same lines and positive amounts,
    referencing the corrected invoice's number and issue date (BT-25, BT-26). An invoice is
    never deleted, only corrected this way (CGI annexe II art. 242 nonies A).

    Its number is its own, never the corrected invoice's. ``corrected_total`` is the TTC total
    of the invoice as it was issued, when ``invoice`` was rebuilt from its document rather than
    kept: a credit note never credits more than it (D70).
    """
    check_invoice_number(number)
    if invoice.type_code is not DocumentType.INVOICE:
        raise InvoiceError(f"{invoice.number} is a credit note; credit the invoice itself")
    if number == invoice.number:
        raise InvoiceError(
            f"number {number} is the corrected invoice's; a credit note takes the next number "
            "of its own series, e.g. AV-2025-0001"
        )
    _check_day(issued, "issued")
    if issued < invoice.issued:
        raise InvoiceError(
            f"issued {issued} is before the corrected invoice's issue date {invoice.issued}"
        )
    try:
        check_one_line(reason)
    except ValueError as error:
        raise InvoiceError(f"reason: {error}") from None
    if not reason.strip() or len(reason) > 500:
        raise InvoiceError("reason: say on one line (500 characters at most) why it is credited")
    if corrected_total is not None and invoice.total_ttc > corrected_total:
        raise InvoiceError(
            f"the credit note would credit {invoice.total_ttc} € TTC, more than the corrected "
            f"invoice's total of {corrected_total} €: check the document and the invoice number"
        )
    return replace(
        invoice,
        type_code=DocumentType.CREDIT_NOTE,
        number=number,
        issued=issued,
        received=issued,
        due=None,
        preceding_number=invoice.number,
        preceding_issued=invoice.issued,
        reason=reason,
    )


@in_library_context
def make_partial_credit_note(
    invoice: Invoice, *, number: str, issued: date, reason: str, amount_ttc: Decimal
) -> Invoice:
    """A credit note of part of ``invoice``: about ``amount_ttc`` TTC, split over its VAT rates
    in proportion of their TTC, one lump-sum line per rate ("Avoir partiel sur la facture …").
    Each rate's HT is its share divided by 1 + rate, rounded half-up, and its VAT is computed on
    it (rules §8), so the note's TTC may differ from ``amount_ttc`` by a cent; it never exceeds
    the invoice's TTC. The whole amount gives [`make_credit_note`]
    [ouitec_terms.assembly.invoice.make_credit_note]'s note (D93)."""
    whole = make_credit_note(invoice, number=number, issued=issued, reason=reason)
    if not 0 < amount_ttc <= invoice.total_ttc:
        raise InvoiceError(
            f"a credit of {amount_ttc} € TTC on {invoice.number}: more than 0 and at most its "
            f"{invoice.total_ttc} € TTC"
        )
    if amount_ttc == invoice.total_ttc:
        return whole
    quotes = []
    for line in invoice.vat:
        share = round_cents(amount_ttc * (line.base + line.amount) / invoice.total_ttc)
        base = round_cents(share / (1 + line.rate))
        if not base:
            continue
        vat = (tax((base,), line.rate),)
        credit = QuoteLine(
            kind=LineKind.CREDIT, label=invoice.number, article="CGI annexe II art. 242 nonies A",
            quantity=Decimal(1), unit=Unit.LUMP, unit_price=base, amount_ht=base,
        )  # fmt: skip
        model = invoice.quotes[0]
        quotes.append(
            replace(
                model,
                reference=invoice.number,
                lines=(credit,),
                total_ht=base,
                vat=vat,
                total_vat=vat[0].amount,
                total_ttc=base + vat[0].amount,
                mentions=tuple(m for q in invoice.quotes for m in q.mentions),
            )
        )
    if not quotes:
        raise InvoiceError(f"a credit of {amount_ttc} € TTC is too small to credit anything")
    vat_lines = tuple(q.vat[0] for q in quotes)
    total_ht = sum((q.total_ht for q in quotes), Decimal("0.00"))
    total_vat = sum((v.amount for v in vat_lines), Decimal("0.00"))
    if total_ht + total_vat > invoice.total_ttc:  # rounding may never credit more than billed
        return whole
    return replace(
        whole, quotes=tuple(quotes), vat=vat_lines, total_ht=total_ht, total_vat=total_vat,
        total_ttc=total_ht + total_vat,
    )  # fmt: skip
