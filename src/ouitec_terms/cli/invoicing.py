"""``ouitec-terms invoice``: a French invoice or credit note of a document, as text, HTML,
JSON, CII XML or Factur-X PDF. Imported when the command is run."""

from __future__ import annotations

import argparse

from ouitec_terms.assembly.invoice import Invoice, make_credit_note, make_invoice
from ouitec_terms.boundary.jsonio import to_json
from ouitec_terms.boundary.parties import Seller
from ouitec_terms.boundary.tariff import Tariff
from ouitec_terms.errors import InvoiceError
from ouitec_terms.presentation.invoices import invoice_page, invoice_text

from .corrected import read_corrected
from .files import write_output
from .progress import Progress
from .shared import emit
from .sources import priced_document

__all__ = ["invoice_command"]


def invoice_command(args: argparse.Namespace, tariff: Tariff) -> str:
    """The invoice, or credit note, ``args`` ask for, in ``--format``."""
    credit = args.credit_note_of is not None or args.reason is not None
    if args.format == "pdf" and not args.output:
        raise InvoiceError("--format pdf writes a file: give -o invoice.pdf")
    corrected = read_corrected(args.corrected) if args.corrected else None
    number_of, issued_of = args.credit_note_of, args.corrected_issued
    total_of = args.corrected_total
    if corrected is not None:
        for option, given, found in (
            ("--credit-note-of", number_of, corrected.number),
            ("--corrected-issued", issued_of, corrected.issued),
            ("--corrected-total", total_of, corrected.total_ttc),
        ):
            if given is not None and given != found:
                raise InvoiceError(f"{option} {given} is not the --corrected invoice's ({found})")
        number_of, issued_of, total_of = corrected.number, corrected.issued, corrected.total_ttc
    if (credit or corrected is not None) and (
        None in (number_of, issued_of, args.reason) or total_of is None
    ):
        raise InvoiceError(
            "a credit note needs --credit-note-of NUMBER, --corrected-issued YYYY-MM-DD, "
            "--corrected-total AMOUNT (or --corrected FILE for these three) and --reason TEXT"
        )
    seller = Seller.from_toml(args.seller)
    source, client = priced_document(args, tariff)
    references = {"purchase_order": args.po, "buyer_reference": args.buyer_reference}
    if number_of is None:
        result = make_invoice(
            source, seller=seller, client=client, number=args.number, issued=args.issued,
            received=args.received, **references,
        )  # fmt: skip
    else:
        assert issued_of is not None
        invoiced = make_invoice(
            source, seller=seller, client=client, number=number_of, issued=issued_of,
            received=args.received, **references,
        )  # fmt: skip
        result = make_credit_note(
            invoiced, number=args.number, issued=args.issued, reason=args.reason,
            corrected_total=total_of,
        )  # fmt: skip
    return _write_invoice(result, args)


def _write_invoice(invoice: Invoice, args: argparse.Namespace) -> str:
    if args.format in ("xml", "pdf"):
        try:
            from ouitec_terms import einvoice  # noqa: PLC0415 - the einvoice extra
        except ImportError:
            raise InvoiceError(
                f"--format {args.format} needs the einvoice extra: "
                "pip install 'ouitec-terms[einvoice]'"
            ) from None
        progress = Progress(args.lang)
        progress.of("progress.drawing", sum(len(q.lines) for q in invoice.quotes))
        data = (
            einvoice.to_cii_xml(invoice)
            if args.format == "xml"
            else einvoice.to_facturx_pdf(invoice, lang=args.lang)
        )
        progress.done()
        if not args.output:
            return data.decode("utf-8")
        write_output(args.output, data)
        return ""
    return emit(
        args,
        {
            "text": lambda: invoice_text(invoice, args.lang),
            "html": lambda: invoice_page(invoice, args.lang),
            "json": lambda: to_json(invoice, indent=2),
        },
    )
