"""EN 16931 CII XML of an invoice, Factur-X profile EN 16931, with the French rules (BR-FR).

The XML is written by the ``factur-x`` library's generator (pinned to a minor range, since its
input format changes between minors) from the EN 16931 business terms (BT-…, BG-…) of the
invoice. The same invoice always gives the same bytes.

Every ``VatRegime`` maps to an EN 16931 VAT category that passes the rules (D58): the standard
rate (``S``) in France and the DOM; reverse charge (``AE``, ``VATEX-EU-AE``) for an EU business
client, with its VAT number; the 0 % regimes as exempt (``E``) with their exemption reason
(category ``O`` is unusable for a VAT-registered seller, BR-O-02).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from facturx import generate_xml

from ouitec_terms.assembly.invoice import DocumentType, Invoice
from ouitec_terms.boundary.identifiers import electronic_address
from ouitec_terms.boundary.models import Address, Client, VatRegime
from ouitec_terms.errors import InvoiceError
from ouitec_terms.money import in_library_context
from ouitec_terms.presentation.invoices import (
    indemnity_mention,
    invoice_sections,
    penalties_mention,
)
from ouitec_terms.presentation.messages import messages_for
from ouitec_terms.presentation.pieces import mention_text
from ouitec_terms.rules.mentions import Mention
from ouitec_terms.rules.pricing import Unit
from ouitec_terms.rules.vat import VAT_TREATMENTS

__all__ = ["VAT_CATEGORIES", "VatCategory", "to_cii_xml", "vat_category"]

PROFILE = "urn:cen.eu:en16931:2017"
"""The profile of the XML (BT-24): Factur-X EN 16931 ("Comfort")."""
BILLING_FRAME = "S1"
"""The billing frame (BT-23, BR-FR-08): S1, an invoice for services."""
UNIT_CODES = {
    Unit.HOUR: "HUR", Unit.KM: "KMT", Unit.DAY: "DAY", Unit.DEVIS: "C62", Unit.LUMP: "C62",
}  # fmt: skip
"""UN/ECE Recommendation 20 codes of the lines' units (BT-130)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class VatCategory:
    """The EN 16931 VAT category of a regime (BT-118, BT-151) and its exemption reason, as the
    XML states them: the regime's treatment of
    [`VAT_TREATMENTS`][ouitec_terms.rules.vat.VAT_TREATMENTS], with its mention in French."""

    code: str
    """UNTDID 5305 VAT category (BT-118): S, AE or E."""
    reason: str | None = None
    """The exemption reason text (BT-120), if any: the regime's French mention."""
    reason_code: str | None = None
    """The VATEX exemption code (BT-121), if any."""
    source: str = ""
    """The law the category rests on."""


def vat_category(regime: VatRegime) -> VatCategory:
    """The VAT category an e-invoice declares for ``regime``."""
    treatment = VAT_TREATMENTS[regime]
    mention = treatment.mention
    reason = None if mention is None else mention_text(Mention(code=mention), "fr")
    return VatCategory(
        code=treatment.category,
        reason=reason,
        reason_code=treatment.exemption_code,
        source=treatment.source,
    )


VAT_CATEGORIES: dict[VatRegime, VatCategory] = {
    regime: vat_category(regime) for regime in VatRegime
}
"""How each VAT regime is declared in an e-invoice (D58), derived from the one table."""


def _percent(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}"


def _party(
    name: str,
    siren: str | None,
    vat_number: str | None,
    email: str | None,
    address: Address | None,
    *,
    role: str,
    legal_info: str | None = None,
) -> dict[str, Any]:
    endpoint = electronic_address(siren, vat_number, email)
    if endpoint is None:
        raise InvoiceError(
            f"{role} {name!r} has no electronic address (BR-FR-12/13): give its siren, an EU "
            "vat_number or an electronic_address (e-mail) to invoice it electronically"
        )
    if address is None:
        raise InvoiceError(f"{role} {name!r} has no address: add it to invoice it")
    party: dict[str, Any] = {
        "name": name,
        "einvoicing_addr": endpoint[1],
        "einvoicing_addr_schemeid": endpoint[0],
        "addr_l1": address.street,
        "postcode": address.postcode,
        "city": address.city,
        "country_code": address.country,
    }
    if siren:
        party["legal_identifier"] = siren
        party["legal_identifier_schemeid"] = "0002"
    if vat_number:
        party["vat_identifier"] = vat_number
    if legal_info:
        party["legal_info"] = legal_info
    return party


def _buyer(client: Client) -> dict[str, Any]:
    return _party(
        client.name,
        client.siren,
        client.vat_number,
        client.electronic_address,
        client.address,
        role="client",
    )


def _data(invoice: Invoice) -> dict[str, Any]:
    """The EN 16931 business terms of ``invoice``, as the factur-x generator reads them."""
    fr = messages_for("fr")
    sections = invoice_sections(invoice, fr)
    seller = invoice.seller
    category = vat_category(invoice.regime)
    french_buyer = invoice.client.siren is not None
    notes = [
        {"BT-21": "PMT", "BT-22": indemnity_mention(fr)},
        {"BT-21": "PMD", "BT-22": penalties_mention(fr)},
        {"BT-21": "AAB", "BT-22": fr.text("invoice.no_discount")},
        {"BT-21": "BAR", "BT-22": "B2B" if french_buyer else "B2BINT"},
    ]
    if seller.vat_on_debits:
        notes.append({"BT-21": "TXD", "BT-22": fr.text("invoice.vat_on_debits")})
    rate = invoice.vat[0].rate if invoice.vat else Decimal(0)
    data: dict[str, Any] = {
        "BT-1": invoice.number,
        "BT-2": invoice.issued,
        "BT-3": invoice.type_code.value,
        "BT-5": "EUR",
        "BT-23": BILLING_FRAME,
        "BT-24": PROFILE,
        "BG-1": notes,
        "BT-72": invoice.period_end,  # the service date: the delivery block must not be empty
        "BT-73": invoice.period_start,
        "BT-74": invoice.period_end,
        "BG-4": _party(
            seller.name,
            seller.siren,
            seller.vat_number,
            seller.email,
            seller.address,
            role="seller",
            legal_info=sections.seller[0],
        ),
        "BG-7": _buyer(invoice.client),
        "BT-81": "58",  # SEPA credit transfer (Art. 4: "par virement bancaire")
        "BT-84": seller.iban,
        "BG-23": [
            {
                "BT-116": str(line.base),
                "BT-117": str(line.amount),
                "BT-118": category.code,
                "BT-119": _percent(line.rate),
                **({"BT-120": category.reason} if category.reason else {}),
                **({"BT-121": category.reason_code} if category.reason_code else {}),
            }
            for line in invoice.vat
        ],
        "BT-106": str(invoice.total_ht),
        "BT-109": str(invoice.total_ht),
        "BT-110": str(invoice.total_vat),
        "BT-112": str(invoice.total_ttc),
        "BT-115": str(invoice.total_ttc),
        "BG-25": _lines(invoice, category.code, _percent(rate)),
    }
    if invoice.due is not None:
        data["BT-9"] = invoice.due
    # The payment terms (BT-20) on every document: an invoice's due date and means, a credit
    # note's refund or set-off (BR-CO-25 asks for one of BT-9 and BT-20 when an amount is due).
    data["BT-20"] = sections.mentions[0 if invoice.type_code is DocumentType.INVOICE else 1]
    if invoice.purchase_order is not None:
        data["BT-13"] = invoice.purchase_order
    if invoice.buyer_reference is not None:
        data["BT-10"] = invoice.buyer_reference
    if invoice.preceding_number is not None:
        data["BG-3"] = [{"BT-25": invoice.preceding_number, "BT-26": invoice.preceding_issued}]
    return data


def _lines(invoice: Invoice, category: str, rate: str) -> list[dict[str, Any]]:
    """Every quote line as an invoice line: its description with its articles, quantity and
    unit, net unit price (surcharge included), amount and dates (D58)."""
    fr = messages_for("fr")
    sections = invoice_sections(invoice, fr)
    lines = []
    rows = iter(sections.rows)
    for q in invoice.quotes:
        zone = ZoneInfo(q.timezone)
        for line in q.lines:
            row = next(rows)
            price = line.net_unit_price
            entry: dict[str, Any] = {
                "BT-126": str(row.number),
                "BT-153": row.description[:200],
                "BT-154": f"{row.description} ({line.article})",
                "BT-129": f"{line.quantity.normalize():f}",
                "BT-130": UNIT_CODES[line.unit],
                "BT-146": f"{price.normalize():f}",
                "BT-131": str(line.amount_ht),
                "BT-151": category,
                "BT-152": rate,
            }
            if line.start and line.end:
                entry["BT-134"] = line.start.astimezone(zone).date()
                entry["BT-135"] = line.end.astimezone(zone).date()
            lines.append(entry)
    return lines


@in_library_context
def to_cii_xml(invoice: Invoice) -> bytes:
    """The EN 16931 CII XML of ``invoice`` (Factur-X profile EN 16931, French rules).

    Raises [`InvoiceError`][ouitec_terms.errors.InvoiceError] when a party cannot be addressed
    electronically. The generator's own checks are left to the test suite, which validates
    against the XSD and the Schematron rules locally.
    """
    xml: bytes = generate_xml(
        _data(invoice),
        flavor="factur-x",
        level="en16931",
        check_xsd=False,
        check_schematron=False,
    )
    return xml
