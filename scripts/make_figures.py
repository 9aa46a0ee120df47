"""Generate the documentation's pictures (``make figures``): the week heatmap of the terms, and
the first page of the example Factur-X invoice.

Usage: ``python scripts/make_figures.py OUTPUT_DIR``. The pictures are computed by the library
(``ouitec_terms.explore.week_heatmap``, ``ouitec_terms.einvoice.to_facturx_pdf`` drawn with
pypdfium2), never drawn by hand.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ouitec_terms import Client, Seller, load_document, make_invoice, quote
from ouitec_terms.einvoice import to_facturx_pdf
from ouitec_terms.explore import week_heatmap

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: The scenario of the README picture: 2 h of work for a client without contract, the week of
#: Labour Day 2025.
CLIENT = Client(name="Client without contract")
#: The site and the README are in English: so are the picture's words (the invoice stays French).
LANG = "en"
DURATION = timedelta(hours=2)
WEEK_OF = date(2025, 5, 1)
EXAMPLES = Path(__file__).parent.parent / "docs" / "examples"


def make_figures(folder: Path) -> list[Path]:
    """Write the figures into ``folder`` and return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "week-heatmap.png"
    figure = heatmap()
    figure.savefig(path, dpi=80, metadata={"Software": None})
    return [path, invoice_page(folder / "invoice-page-1.png")]


def heatmap() -> Figure:
    """The README's heatmap, in the site's language."""
    return week_heatmap(CLIENT, duration=DURATION, week_of=WEEK_OF, lang=LANG)


def invoice_page(path: Path) -> Path:
    """The first page of the example invoice of docs/invoicing.md, as a PNG."""
    import pypdfium2  # noqa: PLC0415 - a documentation tool (docs extra)

    request = load_document(EXAMPLES / "invoice-client.toml")
    invoice = make_invoice(
        quote(request.intervention, request.client),
        seller=Seller.from_toml(EXAMPLES / "seller.example.toml"),
        client=request.client,
        number="F-2025-0001",
        issued=date(2025, 3, 17),
    )
    document = pypdfium2.PdfDocument(to_facturx_pdf(invoice))
    document[0].render(scale=1.2).to_pil().save(path)
    document.close()
    return path


if __name__ == "__main__":
    for written in make_figures(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/images")):
        print(written)
