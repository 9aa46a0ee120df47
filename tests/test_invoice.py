"""Issue 12: invoices and credit notes from quotes and statements, with the parties' identities
checked and every mention French law requires."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from ouitec_terms import (
    Address,
    BillingMode,
    Channel,
    Client,
    DocumentType,
    Intervention,
    Invoice,
    InvoiceError,
    Seller,
    VatRegime,
    WorkPeriod,
    check_invoice_series,
    from_json,
    load_document,
    make_credit_note,
    make_invoice,
    monthly_statement,
    next_invoice_number,
    quote,
    to_json,
)
from ouitec_terms.boundary.identifiers import electronic_address
from ouitec_terms.boundary.parties import EXAMPLE_SELLER_TOML
from ouitec_terms.presentation.invoices import invoice_sections
from strategies import INCLUDED_CONTRACT, PARIS

EXAMPLES = Path(__file__).parent.parent / "docs" / "examples"
SELLER = Seller.from_toml_text(EXAMPLE_SELLER_TOML)
HERE = Address(street="3 place de la Mairie", postcode="69390", city="Charly")
CLIENT = Client(name="Cabinet Durand", siren="902000025", address=HERE)


def hour(day: int, channel: Channel = Channel.PORTAL) -> Intervention:
    start = datetime(2025, 6, day, 9, tzinfo=PARIS)
    return Intervention(
        reference=f"J{day}",
        channel=channel,
        work=(WorkPeriod(start=start, end=start + timedelta(hours=1)),),
    )


def invoice_of(client: Client = CLIENT, **fields: object) -> Invoice:
    return make_invoice(
        quote(hour(11), client), seller=SELLER, client=client, number="F-2025-0042",
        issued=date(2025, 6, 12), **fields,  # type: ignore[arg-type]
    )  # fmt: skip


# --- parties ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("siren", "902000024", "not a valid SIREN"),
        ("siret", "90200002500013", "not a valid SIRET"),
        ("vat_number", "FR12902000025", "not a valid EU VAT number"),
        ("electronic_address", "not-an-address", "not an e-mail address"),
    ],
)
def test_client_identifiers_are_checked(field: str, value: str, reason: str) -> None:
    """A client's SIREN, SIRET, VAT number and e-mail are checked by their checksums and form,
    the error naming the field."""
    with pytest.raises(ValidationError, match=rf"{field}\n.*{reason}"):
        Client.model_validate({"name": "C", field: value})


def test_siret_and_vat_number_must_be_the_sirens() -> None:
    """A SIRET starts with the SIREN; a French VAT number ends with it. The error names the
    field that disagrees, whatever the order the fields are given in."""
    with pytest.raises(ValidationError, match=r"siret\n.*does not start with the siren"):
        Client(siret="90100001800019", name="C", siren="902000025")
    with pytest.raises(ValidationError, match=r"vat_number\n.*not the French VAT number of siren"):
        Client(vat_number="FR06901000018", name="C", siren="902000025")
    assert Client(name="C", siren="901000018", vat_number="FR06901000018").siren == "901000018"


def test_seller_file_errors_name_the_file_and_field(tmp_path: Path) -> None:
    """A bad seller file is an InvoiceError naming the file and the field (exit 2 on the CLI)."""
    bad = tmp_path / "seller.toml"
    bad.write_text(EXAMPLE_SELLER_TOML.replace("FR783000", "FR793000"), encoding="utf-8")
    with pytest.raises(InvoiceError, match=r"seller.toml.*iban.*not a valid IBAN"):
        Seller.from_toml(bad)


def test_electronic_address_prefers_siren_then_vat_then_email() -> None:
    """BR-FR-12/13: SIREN (scheme 0225), else the EU VAT number (its EAS scheme), else e-mail."""
    assert electronic_address("902000025", "FR11902000025", "a@b.fr") == ("0225", "902000025")
    assert electronic_address(None, "DE136695976", "a@b.fr") == ("9930", "DE136695976")
    assert electronic_address(None, None, "a@b.fr") == ("EM", "a@b.fr")
    assert electronic_address(None, None, None) is None


# --- invoices -----------------------------------------------------------------------------------


def test_payment_is_due_30_days_after_reception() -> None:
    """Art. 4: due 30 days after the invoice is received (received defaults to issued)."""
    assert invoice_of().due == date(2025, 7, 12)
    assert invoice_of(received=date(2025, 6, 15)).due == date(2025, 7, 15)


@pytest.mark.parametrize("number", ["", "F 2025", "F-2025-0001!", "F" * 36, "é-1"])
def test_invoice_numbers_have_one_form(number: str) -> None:
    """BR-FR-01/02: 1 to 35 letters, digits and -+_/, no space."""
    with pytest.raises(InvoiceError, match="not an invoice number"):
        make_invoice(
            quote(hour(11), CLIENT), seller=SELLER, client=CLIENT, number=number,
            issued=date(2025, 6, 12),
        )  # fmt: skip


@pytest.mark.parametrize(
    ("client", "reason"),
    [
        (Client(name="Cabinet Durand", address=HERE), "has no siren"),
        (Client(name="Cabinet Durand", siren="902000025"), "has no address"),
        (
            Client(
                name="Kanzlei Durand",
                address=Address(
                    street="Hauptstraße 1", postcode="10115", city="Berlin", country="DE"
                ),
                vat_regime=VatRegime.EU_REVERSE_CHARGE,
            ),
            "no EU VAT number",
        ),
    ],
)
def test_a_client_must_be_identified_to_be_invoiced(client: Client, reason: str) -> None:
    """A French business client needs its SIREN and address; a reverse-charge client an EU
    VAT number of another member state (C. com. L441-9; CGI art. 242 nonies A)."""
    with pytest.raises(InvoiceError, match=reason):
        invoice_of(client)


def test_an_unconfirmed_request_is_not_invoiced() -> None:
    """Art. 5: a phone request not confirmed in writing is not due, so not invoiced."""
    with pytest.raises(InvoiceError, match=r"not due yet.*Art\. 5"):
        make_invoice(
            quote(hour(11, Channel.PHONE), CLIENT), seller=SELLER, client=CLIENT,
            number="F-1", issued=date(2025, 6, 12),
        )  # fmt: skip


def test_a_statement_is_invoiced_for_its_month() -> None:
    """A month's statement: its due quotes are the lines, its totals the invoice's, the month
    the billing period."""
    client = CLIENT.model_copy(update={"contracts": (INCLUDED_CONTRACT,)})
    statement = monthly_statement(client, [hour(2), hour(3), hour(20, Channel.CHAT)], 2025, 6)
    invoice = make_invoice(
        statement, seller=SELLER, client=client, number="F-2025-06", issued=date(2025, 7, 1)
    )
    assert (invoice.period_start, invoice.period_end) == (date(2025, 6, 1), date(2025, 6, 30))
    assert invoice.total_ttc == statement.total_ttc
    assert len(invoice.quotes) == 2


def test_every_mandatory_mention_is_on_the_invoice() -> None:
    """Seller's legal identity, client's SIREN and address, nature, payment date and means, no
    discount, the penalty rate and the 40 € indemnity (L441-9, L441-10, D441-5)."""
    text = invoice_of().explain().replace("\xa0", " ").replace("\u202f", " ")
    for expected in (
        "SAS au capital de 10 000 €", "RCS Lyon 901 000 018", "FR06901000018",
        "SIREN 902 000 025", "3 place de la Mairie", "prestations de services",
        "virement bancaire", "au plus tard le sam. 12/07/2025", "FR7830004000010000000000100",
        "Pas d’escompte", "BCE majoré de 10 points", "L441-10", "40,00 €", "D441-5",
    ):  # fmt: skip
        assert expected in text, expected


def test_vat_on_debits_and_exemption_mentions() -> None:
    """The VAT-on-debits option when chosen, the exemption mention of the client's regime."""
    seller = SELLER.model_copy(update={"vat_on_debits": True})
    client = CLIENT.model_copy(update={"vat_regime": VatRegime.OUTSIDE_EU, "siren": None})
    invoice = make_invoice(
        quote(hour(11), client), seller=seller, client=client, number="F-1",
        issued=date(2025, 6, 12),
    )  # fmt: skip
    text = invoice.explain()
    assert "d’après les débits" in text
    assert "TVA non applicable, art. 259-1 du CGI" in text


def test_invoice_round_trips_through_json() -> None:
    """An invoice is a plain value: to_json / from_json give it back equal."""
    invoice = invoice_of()
    assert from_json(Invoice, to_json(invoice)) == invoice


# --- credit notes and numbering -----------------------------------------------------------------


def test_credit_note_references_the_corrected_invoice() -> None:
    """Type 381, positive amounts, the corrected invoice's number and date (BT-25, BT-26)."""
    invoice = invoice_of()
    credit = make_credit_note(invoice, number="A-2025-0001", issued=date(2025, 6, 20),
                              reason="Intervention facturée deux fois")  # fmt: skip
    assert credit.type_code is DocumentType.CREDIT_NOTE
    assert (credit.preceding_number, credit.preceding_issued) == ("F-2025-0042", date(2025, 6, 12))
    assert credit.total_ttc == invoice.total_ttc > 0
    assert "Avoir sur la facture n° F-2025-0042" in credit.explain()
    with pytest.raises(InvoiceError, match="before the corrected invoice"):
        make_credit_note(invoice, number="A-1", issued=date(2025, 6, 1), reason="x")


def test_next_number_keeps_the_series_width() -> None:
    """The next number adds one to the last digits, keeping their width."""
    assert next_invoice_number("F-2025-0041") == "F-2025-0042"
    assert next_invoice_number("F-2025-9999") == "F-2025-10000"
    with pytest.raises(InvoiceError, match="does not end in digits"):
        next_invoice_number("F-2025-A")


def test_series_is_unique_chronological_and_gap_free() -> None:
    """CGI annexe II art. 242 nonies A: a unique, chronological, continuous numbering."""
    first = invoice_of()
    second = make_invoice(quote(hour(12), CLIENT), seller=SELLER, client=CLIENT,
                          number="F-2025-0043", issued=date(2025, 6, 13))  # fmt: skip
    check_invoice_series([first, second])
    with pytest.raises(InvoiceError, match="used twice"):
        check_invoice_series([first, first])
    with pytest.raises(InvoiceError, match="chronological"):
        check_invoice_series([second, replace(first, number="F-2025-0044")])
    with pytest.raises(InvoiceError, match="gap"):
        check_invoice_series([first, replace(second, number="F-2025-0045")])


def test_documents_of_the_examples_can_be_invoiced() -> None:
    """The example seller file and a documented client price and invoice end to end."""
    request = load_document(EXAMPLES / "invoice-client.toml")
    seller = Seller.from_toml(EXAMPLES / "seller.example.toml")
    invoice = make_invoice(
        quote(request.intervention, request.client), seller=seller,
        client=request.client, number="F-2025-0001", issued=date(2025, 3, 17),
    )  # fmt: skip
    assert invoice.total_ttc == Decimal("691.44")


def test_a_day_surcharge_line_shows_its_net_unit_price() -> None:
    """Issue 18's defect: a remote day's off-hours surcharge line printed "0,50 h × 81,25 € =
    8,13 €", the 20 % missing. Its net unit price is 81,25 € × 20 % = 16,25 €, on the invoice
    as in the XML (BT-146), and 0,50 h × 16,25 € = 8,13 €."""
    day = Intervention(
        mode=BillingMode.REMOTE_DAY,
        work=(WorkPeriod(start=datetime(2025, 6, 11, 7, 30, tzinfo=PARIS),
                         end=datetime(2025, 6, 11, 17, 0, tzinfo=PARIS)),),
    )  # fmt: skip
    billed = make_invoice(quote(day, CLIENT), seller=SELLER, client=CLIENT, number="F-1",
                          issued=date(2025, 6, 12))  # fmt: skip
    rows = {row.amount: row for row in invoice_sections(billed).rows}
    surcharge = rows["8,13\u00a0€"]
    assert (surcharge.quantity, surcharge.unit_price) == ("0,50\u00a0h", "16,25\u00a0€")
