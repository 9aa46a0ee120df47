"""Issue 11: every word a client or a clerk reads comes from the message catalogue of the
document's language; both catalogues hold the same ids."""

from __future__ import annotations

import html
import re
import string
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from ouitec_terms import (
    DEFAULT_TARIFF,
    Address,
    BillingMode,
    Channel,
    Client,
    Devis,
    Intervention,
    Seller,
    TravelLeg,
    VatRegime,
    WorkPeriod,
    calendar_for,
    compare_modes,
    late_payment,
    make_credit_note,
    make_invoice,
    monthly_statement,
    quote,
)
from ouitec_terms.boundary.parties import EXAMPLE_SELLER_TOML
from ouitec_terms.presentation.calendars import calendar_text
from ouitec_terms.presentation.comparisons import comparison_html, comparison_text
from ouitec_terms.presentation.invoices import invoice_html, invoice_text
from ouitec_terms.presentation.late import late_payment_html, late_payment_text
from ouitec_terms.presentation.messages import CATALOGUES, Messages
from ouitec_terms.presentation.quotes import quote_html, quote_table, quote_text
from ouitec_terms.presentation.statements import statement_html, statement_table, statement_text
from strategies import PARIS, UNDER_CONTRACT, WITH_INCLUDED_HOURS

#: The caller's own words in the corpus below: data, not the library's words (the seller file's
#: and the client's identity included).
DATA = (
    "Client-Δ", "Label-Δ", "REF-Δ", "DV-Δ", "Europe/Paris", "Charly (Rhône)", "2024-06-02",
    "Raison-Δ", "OUiTEC", "SAS", "Lyon", "1 rue de l’Exemple", "facturation@ouitec.example",
    "FR7830004000010000000000100", "FR06901000018", "FR11902000025", "Rue-Δ", "Ville-Δ",
    "PO-Δ", "SVC-Δ", "compta@example.ch", "CH",
    "Charly", "FR", "DE136695976", "DE",
)  # fmt: skip
#: Citations of the law and of the terms, which are data on the values (their `article`).
CITATIONS = re.compile(r"Art\.\s\d+|Code de commerce [LD]\d+-\d+")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 6, day, hour, minute, tzinfo=PARIS)


def span(kind: type[WorkPeriod] | type[TravelLeg], start: datetime, hours: float) -> object:
    end = start + timedelta(hours=hours)
    if kind is TravelLeg:
        return TravelLeg(start=start, end=end, distance_km=Decimal(30), label="Label-Δ")
    return WorkPeriod(start=start, end=end, label="Label-Δ")


def corpus_interventions() -> Iterator[tuple[Intervention, Client]]:
    """Every line kind, every mode, devis signed or not, travel, an unconfirmed request, every
    VAT regime, included hours."""
    client = Client(name="Client-Δ")
    day = (
        WorkPeriod(start=at(11, 7), end=at(11, 17, 30), label="Label-Δ"),
        WorkPeriod(start=at(11, 18), end=at(11, 21), label=""),
    )
    travel = (span(TravelLeg, at(11, 6), 1), span(TravelLeg, at(11, 21), 1))
    for mode in BillingMode:
        yield Intervention(work=day, travel=travel, mode=mode, reference="REF-Δ"), client  # type: ignore[arg-type]
        yield Intervention(work=day, mode=mode, reference=""), UNDER_CONTRACT
    for signed in (True, False):
        for includes_travel in (True, False):
            devis = Devis(
                reference="DV-Δ", amount_ht=Decimal(900), signed=signed,
                includes_travel=includes_travel,
            )  # fmt: skip
            yield (
                Intervention(work=day, travel=travel, devis=devis, mode=BillingMode.ONSITE_DAY),  # type: ignore[arg-type]
                client,
            )
    yield Intervention(travel=travel, channel=Channel.CHAT), client  # type: ignore[arg-type]
    yield Intervention(work=day, channel=Channel.PHONE), WITH_INCLUDED_HOURS
    for regime in VatRegime:
        yield Intervention(work=day[:1]), client.model_copy(update={"vat_regime": regime})


def documents(m: Messages) -> Iterator[str]:
    """Every rendering of every document of the corpus, in the catalogue ``m``."""
    for intervention, client in corpus_interventions():
        q = quote(intervention, client, included_hours_available=Decimal(2))
        yield from (quote_text(q, m), quote_table(q, m), quote_html(q, m))
        comparison = compare_modes(intervention, client)
        yield from (comparison_text(comparison, m), comparison_html(comparison, m))
    jobs = [
        Intervention(
            reference=f"REF-Δ{k}",
            work=(span(WorkPeriod, at(2 + k, 9), 2),),  # type: ignore[arg-type]
            channel=Channel.PHONE if k == 3 else Channel.PORTAL,
        )
        for k in range(5)
    ]
    july = datetime(2025, 7, 1, 9, tzinfo=PARIS)  # outside the month of the statement
    jobs.append(Intervention(reference="REF-Δ9", work=(span(WorkPeriod, july, 1),)))  # type: ignore[arg-type]
    for client in (WITH_INCLUDED_HOURS, Client(name="Client-Δ", vat_regime=VatRegime.OUTSIDE_EU)):
        statement = monthly_statement(client, jobs, 2025, 6)
        yield from (statement_text(statement, m), statement_table(statement, m),
                    statement_html(statement, m))  # fmt: skip
    yield from (statement_text(monthly_statement(Client(name="Client-Δ"), [], 2025, 6), m),)
    for paid in (date(2025, 3, 31), date(2025, 4, 30), date(2025, 8, 2)):
        late = late_payment(Decimal("1200.00"), date(2025, 3, 31), paid)
        yield from (late_payment_text(late, m), late_payment_html(late, m))
    yield calendar_text(DEFAULT_TARIFF, calendar_for(DEFAULT_TARIFF), 2025, m).split("\n")[0]
    yield from invoices(m)


def invoices(m: Messages) -> Iterator[str]:
    """Invoices in every VAT regime (with the VAT-on-debits option) and a credit note."""
    seller = Seller.from_toml_text(EXAMPLE_SELLER_TOML).model_copy(update={"vat_on_debits": True})
    places = {  # a postcode and country of each regime's place (D66)
        VatRegime.FRANCE: ("69390", "FR"),
        VatRegime.GUADELOUPE_MARTINIQUE_REUNION: ("97400", "FR"),
        VatRegime.GUYANE_MAYOTTE: ("97300", "FR"),
        VatRegime.EU_REVERSE_CHARGE: ("10115", "DE"),
        VatRegime.OUTSIDE_EU: ("1201", "CH"),
    }
    for regime in VatRegime:
        postcode, country = places[regime]
        address = Address(street="Rue-Δ", postcode=postcode, city="Ville-Δ", country=country)
        identity = {
            VatRegime.EU_REVERSE_CHARGE: {"vat_number": "DE136695976"},
            VatRegime.OUTSIDE_EU: {"electronic_address": "compta@example.ch"},
        }.get(regime, {"siren": "902000025", "vat_number": "FR11902000025"})
        client = Client(name="Client-Δ", vat_regime=regime, address=address, **identity)  # type: ignore[arg-type]
        work = Intervention(work=(span(WorkPeriod, at(11, 18), 2),), reference="REF-Δ")  # type: ignore[arg-type]
        # received late, so that the 60-day cap of L441-10 shows; with the client's references
        invoice = make_invoice(quote(work, client), seller=seller, client=client,
                               number="F-1", issued=date(2025, 6, 12), received=date(2025, 8, 1),
                               purchase_order="PO-Δ", buyer_reference="SVC-Δ")  # fmt: skip
        credit = make_credit_note(invoice, number="A-1", issued=date(2025, 6, 13),
                                  reason="Raison-Δ")  # fmt: skip
        for document in (invoice, credit):
            yield from (invoice_text(document, m), invoice_html(document, m))


def _ids(lang: str) -> Messages:
    """The catalogue of ``lang`` with every message replaced by its own id, fields dropped."""
    return Messages(lang=lang, texts={key: f"⟦{key}⟧" for key in CATALOGUES[lang]})


def _leftover_words(text: str) -> list[str]:
    """What remains of ``text`` once the message ids, markup, data and citations are gone."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub(r"⟦[a-z0-9_.]+(⟧|…)", " ", text)  # (a table cell may cut an id short)
    text = CITATIONS.sub(" ", text)
    for data in DATA:
        text = text.replace(data, " ")
    return re.findall(r"[^\W\d_]{2,}", text)


@pytest.mark.parametrize("lang", sorted(CATALOGUES))
def test_every_word_of_every_document_comes_from_the_catalogue(lang: str) -> None:
    """Rendered with a catalogue whose values are their own ids, the corpus (every line kind,
    mode, devis, travel, unconfirmed request, VAT regime; statements, comparisons, late
    payments, the calendar) shows no word that is not an id or the caller's data."""
    leftovers = {word for document in documents(_ids(lang)) for word in _leftover_words(document)}
    assert leftovers == set()


@pytest.mark.parametrize("lang", sorted(CATALOGUES))
def test_the_real_catalogue_renders_the_corpus(lang: str) -> None:
    """With its real catalogue, every document of the corpus renders (every field a message
    names is given), and no message id shows through."""
    for document in documents(Messages(lang=lang, texts=CATALOGUES[lang])):
        assert "⟦" not in document
        assert document.strip()


def test_both_catalogues_hold_the_same_ids_and_fields() -> None:
    """French and English have exactly the same message ids, each with the same fields."""
    fr, en = CATALOGUES["fr"], CATALOGUES["en"]
    assert set(fr) == set(en)

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert {key: fields(fr[key]) for key in fr} == {key: fields(en[key]) for key in en}


def test_french_is_the_default_everywhere() -> None:
    """explain(), str() and the Jupyter tables speak French unless asked otherwise."""
    q = quote(Intervention(work=(span(WorkPeriod, at(11, 18), 2),)), Client(name="C"))  # type: ignore[arg-type]
    assert "hors heures ouvrées" in q.explain()
    assert "hors heures ouvrées" in str(q)
    assert "Montant HT" in q._repr_html_()
    assert "off-hours" in q.explain("en")


def test_the_languages_are_the_catalogues() -> None:
    """The command lists the languages without loading the catalogues: both lists agree."""
    from ouitec_terms.presentation.languages import LANGUAGES  # noqa: PLC0415
    from ouitec_terms.presentation.messages import CATALOGUES  # noqa: PLC0415

    assert tuple(CATALOGUES) == LANGUAGES
