"""The Factur-X PDF of an invoice: a readable French invoice, PDF/A-3B, carrying its EN 16931
CII XML as ``factur-x.xml`` (AFRelationship Data, XMP Factur-X metadata, profile EN 16931).

fpdf2 draws the invoice (``enforce_compliance="PDF/A-3B"``) in the Lato font, which the
``font-lato`` package ships under the SIL Open Font License (no system font is used), from the
same sections as the text and HTML documents; factur-x's ``generate_from_binary`` then embeds
the XML and writes the Factur-X XMP. The PDF differs between two runs only by the timestamps the
libraries write; fpdf2's creation date is the invoice's issue date (D59).

veraPDF is not available on these machines: the PDF/A-3B conformance is what fpdf2 enforces and
factur-x declares, not verified by an independent validator (D59).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, time
from pathlib import Path

import font_lato
from facturx import generate_from_binary
from fpdf import FPDF

from ouitec_terms.assembly.invoice import Invoice
from ouitec_terms.presentation.invoices import InvoiceSections, invoice_sections

from .cii import to_cii_xml

__all__ = ["FONT_DIRECTORY", "to_facturx_pdf"]

FONT_DIRECTORY = Path(font_lato.__file__).parent / "files"
"""Where the Lato font files (and their licence, OFL.txt) are."""
_NARROW_NBSP, _NBSP = "\u202f", "\u00a0"  # Lato has no narrow no-break space


def _fit(text: str) -> str:
    return text.replace(_NARROW_NBSP, _NBSP)


def _draw(invoice: Invoice, s: InvoiceSections, lang: str) -> bytes:
    pdf = FPDF(format="A4", enforce_compliance="PDF/A-3B")
    pdf.set_creation_date(datetime.combine(invoice.issued, time(12), UTC))
    pdf.add_font("Lato", "", str(FONT_DIRECTORY / "Lato-Regular.ttf"))
    pdf.add_font("Lato", "B", str(FONT_DIRECTORY / "Lato-Bold.ttf"))
    pdf.set_lang("fr-FR" if lang == "fr" else "en-GB")
    pdf.set_title(_fit(s.title))
    pdf.set_author(invoice.seller.name)
    pdf.set_subject(_fit(s.nature))
    pdf.set_creator("ouitec-terms")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    width = pdf.epw

    pdf.set_font("Lato", "B", 16)
    pdf.cell(width, 9, _fit(s.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Lato", "", 9)
    for line in s.dates:
        pdf.cell(width, 5, _fit(line), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    top = pdf.get_y()
    half = width / 2 - 3
    pdf.set_font("Lato", "B", 9)
    pdf.multi_cell(half, 4.5, _fit("\n".join(s.seller)), align="L", new_x="LMARGIN", new_y="NEXT")
    left_bottom = pdf.get_y()
    pdf.set_xy(pdf.l_margin + half + 6, top)
    pdf.set_font("Lato", "", 9)
    pdf.multi_cell(half, 4.5, _fit("\n".join(s.client)), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(left_bottom, pdf.get_y()) + 3)
    pdf.multi_cell(width, 5, _fit(s.nature), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    pdf.set_font("Lato", "", 8)
    widths = (8, 84, 30, 20, 24, 24)
    with pdf.table(
        col_widths=widths,
        text_align=("RIGHT", "LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT"),
        line_height=4.2,
        first_row_as_headings=True,
    ) as table:
        table.row([_fit(h) for h in s.headings])
        for row in s.rows:
            table.row(
                [
                    str(row.number),
                    _fit(f"{row.description} ({row.article})"),
                    _fit(row.dates),
                    _fit(row.quantity),
                    _fit(row.unit_price),
                    _fit(row.amount),
                ]
            )
    pdf.ln(2)
    pdf.set_font("Lato", "", 9)
    for k, (name, amount) in enumerate(s.totals):
        if k == len(s.totals) - 1:
            pdf.set_font("Lato", "B", 10)
        pdf.cell(width - 35, 5.5, _fit(name), align="R")
        pdf.cell(35, 5.5, _fit(amount), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Lato", "", 8)
    for mention in s.mentions:
        pdf.multi_cell(width, 4, _fit(mention), align="L", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def to_facturx_pdf(invoice: Invoice, *, lang: str = "fr") -> bytes:
    """The Factur-X PDF/A-3B of ``invoice``: the readable invoice in ``lang`` (French by
    default) with its EN 16931 CII XML embedded as ``factur-x.xml``."""
    xml = to_cii_xml(invoice)
    s = invoice_sections(invoice, lang)
    logging.getLogger("factur-x").setLevel(logging.ERROR)
    logging.getLogger("fpdf").setLevel(logging.ERROR)
    document: bytes = generate_from_binary(
        _draw(invoice, s, lang),
        xml,
        flavor="factur-x",
        level="en16931",
        check_xsd=False,
        pdf_metadata={
            "author": invoice.seller.name,
            "keywords": "Factur-X, EN 16931",
            "title": _fit(s.title),
            "subject": _fit(s.nature),
        },
        lang="fr-FR" if lang == "fr" else "en-GB",
        afrelationship="data",
    )
    return document
