"""Letters as PDF: a payment reminder or formal notice, drawn in the invoice PDF's fonts (the
embedded Lato 2, D71), from the paragraphs [`reminder_sections`]
[ouitec_terms.presentation.ledger.reminder_sections] gives (issue 20)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time

from fpdf import FPDF

from ouitec_terms.errors import InvoiceError

from .pdf import FONT_DIRECTORY, FONT_FILES, drawable

__all__ = ["letter_pdf"]


def letter_pdf(title: str, paragraphs: Sequence[str], *, dated: date) -> bytes:
    """A one-page A4 letter: ``title`` in bold, then ``paragraphs``; its creation date is
    ``dated`` (so two runs of the same letter give the same bytes but for fpdf2's ID)."""
    for text in (title, *paragraphs):
        missing = next((c for c in text if ord(c) not in drawable() and c != "\n"), None)
        if missing is not None:
            raise InvoiceError(
                f"the letter holds {missing!r} (U+{ord(missing):04X}), which its font cannot "
                "draw; remove it from the names it comes from"
            )
    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime.combine(dated, time(12), UTC))
    for style, name in FONT_FILES.items():
        pdf.add_font("Lato", style, str(FONT_DIRECTORY / name))
    pdf.add_page()
    pdf.set_font("Lato", "B", 14)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.multi_cell(width, 7, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Lato", "", 10)
    for paragraph in paragraphs:
        pdf.multi_cell(width, 5, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return bytes(pdf.output())
