"""Issue 20: the lifecycle status "Encaissée" (212) of a payment passes the FNFE's published
rules — the CDAR D22B XSD and the BR-FR-CDV Schematron of XP Z12-012 V1.4, vendored with their
licence in tests/vendor/fnfe-rfe — and fails them when it is wrong (negative controls)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from cdar_checks import cdar_xsd_errors, cdv_failures
from goldens import book_with_the_example_invoice, golden_script
from ouitec_terms import make_invoice
from ouitec_terms.boundary.parties import Seller
from ouitec_terms.cli import main
from ouitec_terms.einvoice import payment_status_xml
from ouitec_terms.errors import InvoiceError
from ouitec_terms.rules.ledger import BookPayment

golden = golden_script()
NS = {
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "rsm": "urn:un:unece:uncefact:data:standard:CrossDomainAcknowledgementAndResponse:100",
}


def _altered(xml: bytes, change: str) -> bytes:
    root = etree.fromstring(xml)
    if change == "no MEN":
        for node in root.iterfind(".//ram:SpecifiedDocumentCharacteristic", NS):
            node.getparent().remove(node)
    elif change == "wrong guideline":
        node = root.find(".//ram:GuidelineSpecifiedDocumentContextParameter/ram:ID", NS)
        node.text = "urn:example:not-a-guideline"
    elif change == "no seller SIREN":
        reference = root.find(".//ram:ReferenceReferencedDocument/ram:IssuerTradeParty", NS)
        reference.remove(reference.find("ram:GlobalID", NS))
    elif change == "elements out of order":
        reference = root.find(".//ram:ReferenceReferencedDocument", NS)
        number = reference.find("ram:IssuerAssignedID", NS)
        reference.remove(number)
        reference.append(number)
    text: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return text


def test_the_cashed_status_passes_the_cdar_xsd_and_the_br_fr_cdv_rules() -> None:
    """The golden message: valid against the CDAR D22B XSD, no fatal BR-FR-CDV failure, and no
    warning either."""
    xml = golden.render_status()
    assert cdar_xsd_errors(xml) == []
    assert cdv_failures(xml, warnings=True) == []


def test_the_cashed_status_is_its_golden_document() -> None:
    """Byte for byte the stored message (`make golden` rewrites it)."""
    assert golden.render_status() == golden.STATUS.read_bytes()


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        ("no MEN", "BR-FR-CDV-14_MDT-207"),
        ("wrong guideline", "BR-FR-CDV-02_MDT-3"),
        ("no seller SIREN", "BR-FR-CDV-13_MDT-129"),
    ],
)
def test_a_broken_status_fails_the_rule_that_guards_it(change: str, rule: str) -> None:
    """Negative controls: without the amounts per VAT rate, with another guideline, without the
    seller's SIREN, the Schematron names the rule broken."""
    failures = cdv_failures(_altered(golden.render_status(), change))
    assert any(failure.startswith(rule) for failure in failures), failures


def test_a_status_with_its_elements_out_of_order_fails_the_xsd() -> None:
    """Negative control of the XSD: the invoice's number moved after its parties."""
    assert cdar_xsd_errors(_altered(golden.render_status(), "elements out of order"))


def test_the_amounts_per_rate_add_up_to_the_payment() -> None:
    """The MEN amounts (TTC per VAT rate) of a payment add up to what was received."""
    root = etree.fromstring(golden.render_status())
    amounts = [Decimal(n.text) for n in root.iterfind(".//ram:ValueAmount", NS)]
    assert sum(amounts) == Decimal("300.00")


def test_a_refund_is_not_cashed() -> None:
    """Only a receipt is "Encaissée": a refund (negative payment) is refused."""
    examples = golden.EXAMPLES
    document = golden.load_document(examples / "invoice-client.toml")
    invoice = make_invoice(
        golden.quote(document.intervention, document.client), client=document.client,
        seller=Seller.from_toml(examples / "seller.example.toml"), number="F-1",
        issued=date(2025, 3, 17),
    )  # fmt: skip
    refund = BookPayment(id=3, invoice="F-1", on=date(2025, 4, 10), amount=Decimal("-1.00"))
    with pytest.raises(InvoiceError, match="refund"):
        payment_status_xml(invoice, refund, issued=datetime(2025, 4, 11, tzinfo=UTC))


def test_book_status_writes_the_message_of_a_recorded_payment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``book status NUMBER --payment ID`` writes the message of the payment ``book pay``
    recorded; it passes the rules."""
    book, number = book_with_the_example_invoice(tmp_path / "b.sqlite")
    payment = book.record_payment(number, amount=Decimal(300), on=date(2025, 4, 10))
    out = tmp_path / "status.xml"
    args = ["book", "status", number, "--payment", str(payment.id), "--on", "2025-04-11"]
    assert main([*args, "--book", str(book.store.path), "-o", str(out)]) == 0
    assert cdar_xsd_errors(out.read_bytes()) == []
    assert cdv_failures(out.read_bytes()) == []
    assert main([*args[:3], "--payment", "99", "--book", str(book.store.path)]) == 2
    assert "give the id" in capsys.readouterr().err
