"""The lifecycle status "Encaissée" (212) of a payment, as the CDAR D22B message of XP Z12-012
V1.4 (issue 20).

From the reform, a seller of services who pays VAT on receipts reports each payment to its
platform: the invoice it pays (number, date, type), the seller and the buyer (their SIRENs), and
the amounts received per VAT rate (``MEN`` characteristics, split like the VAT due on receipts,
D90). The message is checked in the tests against the FNFE's CDAR XSD and BR-FR-CDV Schematron
(tests/vendor/fnfe-rfe).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from lxml import etree

from ouitec_terms.assembly.invoice import Invoice
from ouitec_terms.errors import InvoiceError
from ouitec_terms.money import in_library_context
from ouitec_terms.rules.ledger import BookDocument, BookPayment
from ouitec_terms.rules.receipts import receipt_by_rate
from ouitec_terms.rules.vat import VatLine

__all__ = ["CASHED", "GUIDELINE", "payment_status_xml"]

CASHED = "212"
"""The status "Encaissée" (XP Z12-012, MDT-105)."""
GUIDELINE = "urn.cpro.gouv.fr:1p0:CDV:invoice"
"""The lifecycle message's guideline (MDT-3, BR-FR-CDV-02)."""
_PROCESSING = "23"
"""The acknowledgement's type: the processing phase (MDT-77, BR-FR-CDV-09)."""
_NOTHING = Decimal("0.00")
_SIREN = "0002"
"""The identifier scheme of a SIREN (ISO 6523 ICD)."""
_RSM = "urn:un:unece:uncefact:data:standard:CrossDomainAcknowledgementAndResponse:100"
_RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
_UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
_QDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
_NS = {"rsm": _RSM, "ram": _RAM, "udt": _UDT, "qdt": _QDT}


def _el(
    parent: etree._Element, tag: str, text: str | None = None, **attributes: str
) -> etree._Element:
    prefix, name = tag.split(":")
    element = etree.SubElement(parent, f"{{{_NS[prefix]}}}{name}", attributes)
    if text is not None:
        element.text = text
    return element


def _party(parent: etree._Element, tag: str, siren: str | None, role: str, name: str) -> None:
    party = _el(parent, tag)
    if siren:
        _el(party, "ram:GlobalID", siren, schemeID=_SIREN)
    _el(party, "ram:Name", name)
    _el(party, "ram:RoleCode", role)


def _when(parent: etree._Element, tag: str, moment: datetime) -> None:
    _el(_el(parent, tag), "udt:DateTimeString", moment.strftime("%Y%m%d%H%M%S"), format="204")


@in_library_context
def payment_status_xml(
    invoice: Invoice,
    payment: BookPayment,
    *,
    issued: datetime,
    received: tuple[VatLine, ...] | None = None,
) -> bytes:
    """The CDAR message saying that ``payment`` of ``invoice`` was received (status 212):
    sent by the seller (SE) to its platform (WK), about the invoice's number, date and type, the
    seller's and the buyer's SIRENs, and the amounts received per VAT rate: ``received``, what the
    payment brought per rate (``receipts_by_event``, D90), or, when not given, the payment as the
    invoice's first."""
    if payment.amount <= 0:
        raise InvoiceError(f"payment {payment.id} is a refund: only a receipt is 'Encaissée'")
    if invoice.seller.siren is None:
        raise InvoiceError("the seller needs a SIREN to report a payment (MDT-129)")
    root = etree.Element(f"{{{_RSM}}}CrossDomainAcknowledgementAndResponse", nsmap=_NS)
    context = _el(root, "rsm:ExchangedDocumentContext")
    _el(_el(context, "ram:BusinessProcessSpecifiedDocumentContextParameter"), "ram:ID", "REGULATED")
    _el(_el(context, "ram:GuidelineSpecifiedDocumentContextParameter"), "ram:ID", GUIDELINE)
    document = _el(root, "rsm:ExchangedDocument")
    _el(document, "ram:ID", f"{invoice.number}-{CASHED}-{payment.id}")
    _when(document, "ram:IssueDateTime", issued)
    _party(document, "ram:SenderTradeParty", invoice.seller.siren, "SE", invoice.seller.name)
    _party(document, "ram:IssuerTradeParty", invoice.seller.siren, "SE", invoice.seller.name)
    recipient = _el(document, "ram:RecipientTradeParty")
    _el(recipient, "ram:RoleCode", "WK")
    acknowledgement = _el(root, "rsm:AcknowledgementDocument")
    _el(acknowledgement, "ram:TypeCode", _PROCESSING)
    _when(acknowledgement, "ram:IssueDateTime", issued)
    reference = _el(acknowledgement, "ram:ReferenceReferencedDocument")
    _el(reference, "ram:IssuerAssignedID", invoice.number)
    _el(reference, "ram:TypeCode", invoice.type_code.value)
    formatted = _el(reference, "ram:FormattedIssueDateTime")
    _el(formatted, "qdt:DateTimeString", invoice.issued.strftime("%Y%m%d"), format="102")
    _el(reference, "ram:ProcessConditionCode", CASHED)
    _party(reference, "ram:IssuerTradeParty", invoice.seller.siren, "SE", invoice.seller.name)
    _party(reference, "ram:RecipientTradeParty", invoice.client.siren, "BY", invoice.client.name)
    status = _el(reference, "ram:SpecifiedDocumentStatus")
    reference_day = _el(status, "ram:ReferenceDateTime")  # the day the payment was received
    _el(reference_day, "udt:DateTimeString", payment.on.strftime("%Y%m%d"), format="102")
    _el(status, "ram:ProcessConditionCode", CASHED)
    _el(status, "ram:SequenceNumeric", "1")
    booked = BookDocument(
        number=invoice.number, issued=invoice.issued, due=invoice.due, client=invoice.client.name,
        total_ttc=invoice.total_ttc, vat=invoice.vat,
    )  # fmt: skip
    if received is None:
        after = min(payment.amount, invoice.total_ttc)
        received = receipt_by_rate(booked, received_before=_NOTHING, received_after=after)
    if not any(line.base + line.amount for line in received):
        raise InvoiceError(
            f"payment {payment.id} brought nothing on the invoice itself (it paid penalties, "
            "outside VAT): there is nothing 'Encaissée' to report"
        )
    for line in received:
        characteristic = _el(status, "ram:SpecifiedDocumentCharacteristic")
        _el(characteristic, "ram:TypeCode", "MEN")
        _el(characteristic, "ram:ValueAmount", f"{line.base + line.amount:.2f}", currencyID="EUR")
        _el(characteristic, "ram:ValuePercent", f"{line.rate * 100:.2f}")
    text: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return text
