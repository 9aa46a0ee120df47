"""E-invoices (``einvoice`` extra): EN 16931 CII XML in the Factur-X EN 16931 profile, with the
French rules (BR-FR), the Factur-X PDF/A-3 that carries it, and the lifecycle status
"Encaissée" of a payment (CDAR, XP Z12-012). Needs
``pip install 'ouitec-terms[einvoice]'`` (factur-x, fpdf2 and an embedded font)."""

from __future__ import annotations

from .cdar import payment_status_xml
from .cii import VAT_CATEGORIES, VatCategory, to_cii_xml, vat_category
from .pdf import to_facturx_pdf

__all__ = [
    "VAT_CATEGORIES",
    "VatCategory",
    "payment_status_xml",
    "to_cii_xml",
    "to_facturx_pdf",
    "vat_category",
]
