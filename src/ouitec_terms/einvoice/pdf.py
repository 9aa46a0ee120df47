"""The Factur-X PDF of an invoice: a readable French invoice, PDF/A-3B, carrying its EN 16931
CII XML as ``factur-x.xml`` (AFRelationship Data, XMP Factur-X metadata, profile EN 16931).

fpdf2 draws the invoice (``enforce_compliance="PDF/A-3B"``) in the Lato 2 font, which the
``fontpkg-lato`` package ships under the SIL Open Font License (no system font is used): Latin with
its Extended-A and -B letters, Greek and Cyrillic. A character neither face can draw is refused
before anything is drawn, naming the field that holds it, so no letter is ever lost (D71). The
invoice is drawn from the same sections as the text and HTML documents; factur-x's
``generate_from_binary`` then embeds the XML and writes the Factur-X XMP. The PDF differs
between two runs only by the timestamps the libraries write; fpdf2's creation date is the
invoice's issue date (D59).

veraPDF is not available on these machines: the PDF/A-3B conformance is what fpdf2 enforces and
factur-x declares, not verified by an independent validator (D59).
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from functools import cache
from pathlib import Path

import fontpkg_lato
from facturx import generate_from_binary
from fontTools.ttLib import TTFont
from fpdf import FPDF

from ouitec_terms.assembly.invoice import Invoice
from ouitec_terms.errors import InvoiceError
from ouitec_terms.money import in_library_context
from ouitec_terms.presentation.invoices import InvoiceSections, invoice_sections

from .cii import to_cii_xml

__all__ = ["FONT_DIRECTORY", "FONT_FILES", "check_drawable", "drawable", "to_facturx_pdf"]

FONT_DIRECTORY = Path(fontpkg_lato.ROOT) / "files"
"""Where the Lato font files are (their licence, the OFL, is ``fontpkg_lato/LICENSE``)."""
FONT_FILES = {"": "Lato-Regular.ttf", "B": "Lato-Bold.ttf"}
"""The faces drawn, by fpdf2 style."""


@cache
def drawable() -> frozenset[int]:
    """The code points every face has a glyph for (any text may be drawn in either)."""
    faces = [set(TTFont(FONT_DIRECTORY / name).getBestCmap()) for name in FONT_FILES.values()]
    return frozenset(set.intersection(*faces))


def _fields(invoice: Invoice) -> list[tuple[str, str]]:
    """Every text of ``invoice`` that comes from its inputs, with the field it comes from."""
    seller, client = invoice.seller, invoice.client
    fields = [
        (f"seller.{name}", str(getattr(seller, name)))
        for name in ("name", "legal_form", "rcs_city", "phone", "email")
    ]
    fields += [(f"seller.address.{name}", text) for name, text in seller.address]
    fields.append(("client.name", client.name))
    if client.electronic_address:
        fields.append(("client.electronic_address", client.electronic_address))
    if client.address is not None:
        fields += [(f"client.address.{name}", text) for name, text in client.address]
    for q in invoice.quotes:
        fields.append((f"reference of intervention {q.reference!r}"[:60], q.reference))
        fields += [(f"label of a line of {q.reference!r}"[:60], line.label) for line in q.lines]
    fields += [
        (name, text)
        for name, text in (
            ("reason", invoice.reason),
            ("purchase_order", invoice.purchase_order),
            ("buyer_reference", invoice.buyer_reference),
        )
        if text
    ]
    return fields


def check_drawable(invoice: Invoice) -> None:
    """Raise [`InvoiceError`][ouitec_terms.errors.InvoiceError], naming the field, when a text of
    ``invoice`` holds a character the embedded fonts cannot draw (the PDF would lose it)."""
    glyphs = drawable()
    for field, text in _fields(invoice):
        for character in text:
            if ord(character) not in glyphs and not character.isspace():
                raise InvoiceError(
                    f"{field}: the character {character!r} (U+{ord(character):04X}) cannot be "
                    "drawn by the PDF's fonts (Lato: Latin, Greek, Cyrillic); write the name in "
                    "one of these scripts, or use --format xml"
                )


def _draw(invoice: Invoice, s: InvoiceSections, lang: str) -> bytes:
    pdf = FPDF(format="A4", enforce_compliance="PDF/A-3B")
    pdf.set_creation_date(datetime.combine(invoice.issued, time(12), UTC))
    for style, name in FONT_FILES.items():
        pdf.add_font("Lato", style, str(FONT_DIRECTORY / name))
    pdf.set_lang("fr-FR" if lang == "fr" else "en-GB")
    pdf.set_title(s.title)
    pdf.set_author(invoice.seller.name)
    pdf.set_subject(s.nature)
    pdf.set_creator("ouitec-terms")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    width = pdf.epw

    pdf.set_font("Lato", "B", 16)
    pdf.cell(width, 9, s.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Lato", "", 9)
    for line in s.dates:
        pdf.cell(width, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    top = pdf.get_y()
    half = width / 2 - 3
    pdf.set_font("Lato", "B", 9)
    pdf.multi_cell(half, 4.5, "\n".join(s.seller), align="L", new_x="LMARGIN", new_y="NEXT")
    left_bottom = pdf.get_y()
    pdf.set_xy(pdf.l_margin + half + 6, top)
    pdf.set_font("Lato", "", 9)
    pdf.multi_cell(half, 4.5, "\n".join(s.client), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(left_bottom, pdf.get_y()) + 3)
    pdf.multi_cell(width, 5, s.nature, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    pdf.set_font("Lato", "", 8)
    widths = (8, 84, 30, 20, 24, 24)
    with pdf.table(
        col_widths=widths,
        text_align=("RIGHT", "LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT"),
        line_height=4.2,
        first_row_as_headings=True,
    ) as table:
        table.row(list(s.headings))
        for row in s.rows:
            table.row(
                [
                    str(row.number),
                    f"{row.description} ({row.article})",
                    row.dates,
                    row.quantity,
                    row.unit_price,
                    row.amount,
                ]
            )
    pdf.ln(2)
    pdf.set_font("Lato", "", 9)
    for k, (name, amount) in enumerate(s.totals):
        if k == len(s.totals) - 1:
            pdf.set_font("Lato", "B", 10)
        pdf.cell(width - 35, 5.5, name, align="R")
        pdf.cell(35, 5.5, amount, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Lato", "", 8)
    for mention in s.mentions:
        pdf.multi_cell(width, 4, mention, align="L", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@in_library_context
def to_facturx_pdf(invoice: Invoice, *, lang: str = "fr") -> bytes:
    """The Factur-X PDF/A-3B of ``invoice``: the readable invoice in ``lang`` (French by
    default) with its EN 16931 CII XML embedded as ``factur-x.xml``.

    Raises [`InvoiceError`][ouitec_terms.errors.InvoiceError] when a text holds a character the
    embedded fonts cannot draw ([`check_drawable`][ouitec_terms.einvoice.pdf.check_drawable]).
    """
    check_drawable(invoice)
    xml = to_cii_xml(invoice)
    s = invoice_sections(invoice, lang)
    document: bytes = generate_from_binary(
        _draw(invoice, s, lang),
        xml,
        flavor="factur-x",
        level="en16931",
        check_xsd=False,
        pdf_metadata={
            "author": invoice.seller.name,
            "keywords": "Factur-X, EN 16931",
            "title": s.title,
            "subject": s.nature,
        },
        lang="fr-FR" if lang == "fr" else "en-GB",
        afrelationship="data",
    )
    return document
