"""Issue 21: the book's sales and receipts as FEC entries (LPF art. A47 A-1). The files are
checked by a checker written from the text of A47 A-1 (tests/fec_checks.py), which also catches
broken files; the entries balance, tie back to the book (receivables, VAT due, HT invoiced) and
letter exactly the settled invoices."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import fec_checks
from goldens import book_with_the_example_invoice, golden_script
from ouitec_terms.boundary.accounts import account_plan, load_account_plan_text
from ouitec_terms.cli import main
from ouitec_terms.errors import BookError
from ouitec_terms.presentation.fec import fec_text, read_fec
from ouitec_terms.rules.accounting import FecLine, auxiliary_account, fec_entries
from ouitec_terms.rules.ledger import BookDocument, BookPayment, BookPenalty, balance
from ouitec_terms.rules.receipts import vat_due
from ouitec_terms.rules.vat import VatLine, tax

golden = golden_script()
D = Decimal
PLAN = account_plan()
CLOSING = date(2025, 12, 31)


def _lines(*, vat_on_debits: bool = False) -> tuple[FecLine, ...]:
    documents, payments = golden.fec_month()
    return fec_entries(documents, payments, closing=CLOSING, plan=PLAN, vat_on_debits=vat_on_debits)


# --- the worked month ------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(golden.FECS))
def test_the_worked_month_is_its_golden_fec(name: str) -> None:
    """The guide's month, on receipts and on debits, tab and pipe separated: byte for byte the
    stored files (`make golden` rewrites them)."""
    assert golden.render_fec(**golden.FECS[name]) == golden.fec_path(name).read_bytes()


@pytest.mark.parametrize("name", list(golden.FECS))
def test_the_golden_fecs_pass_every_rule_of_a47_a1(name: str) -> None:
    """The independent checker finds nothing wrong in any of them."""
    text = golden.fec_path(name).read_bytes().decode("iso-8859-15")
    assert fec_checks.fec_problems(text) == []


@pytest.mark.parametrize("separator", ["\t", "|"])
def test_the_reader_reads_back_the_same_entries(separator: str) -> None:
    """Round trip: the file parsed back gives the entries written."""
    lines = _lines()
    assert read_fec(fec_text(lines, separator=separator)) == lines


BROKEN: dict[str, tuple[str, Callable[[str], str]]] = {
    "an unbalanced entry": ("balance", lambda t: t.replace("|576,20|", "|576,21|", 1)),
    "a bad date": ("dates", lambda t: t.replace("|20250317|", "|2025-03-17|", 1)),
    "a dot decimal": ("amounts", lambda t: t.replace("|691,44|", "|691.44|", 1)),
    "a broken sequence": ("sequence", lambda t: t.replace("|3|20250319|", "|7|20250319|")),
    "a lonely letter": ("pairs", lambda t: t.replace("|AA|20250325|", "|AA||", 1)),
    "two labels for an account": ("labels", lambda t: t.replace("|512|Banque|", "|512|Bank|", 1)),
    "a wrong header": ("header", lambda t: t.replace("EcritureLib", "Libelle", 1)),
    "an account without 3 digits": ("accounts", lambda t: t.replace("|512|", "|B12|")),
}


@pytest.mark.parametrize("case", BROKEN, ids=str)
def test_the_checker_catches_a_broken_fec(case: str) -> None:
    """Negative controls: each broken file is caught by the rule that guards it."""
    rule, breaking = BROKEN[case]
    text = breaking(golden.fec_path("receipts.pipe").read_bytes().decode("iso-8859-15"))
    assert fec_checks.RULES[rule](text), case


def test_the_file_is_named_after_the_siren_and_the_closing_date(tmp_path: Path) -> None:
    """``book fec`` writes ``<SIREN>FEC<AAAAMMJJ>.txt`` in ISO-8859-15, which passes the rules,
    and prints a line per journal."""
    book, number = book_with_the_example_invoice(tmp_path / "b.sqlite")
    book.record_payment(number, amount=D("691.44"), on=date(2025, 4, 1))
    out = tmp_path / "fec"
    assert (
        main(["book", "--book", str(book.store.path), "fec", "--year", "2025", "-o", str(out)]) == 0
    )
    (written,) = out.iterdir()
    assert fec_checks.file_name(written.name) == []
    assert written.name == "901000018FEC20251231.txt"
    assert fec_checks.fec_problems(written.read_bytes().decode("iso-8859-15")) == []


def test_accounts_and_labels_come_from_the_plan() -> None:
    """An accounts file renames an account; the default chart fills the rest; a label with a
    separator is refused."""
    plan = load_account_plan_text('[accounts]\nbank = { number = "5121", label = "CIC" }')
    documents, payments = golden.fec_month()
    lines = fec_entries(documents, payments, closing=CLOSING, plan=plan)
    assert {(ln.account, ln.account_label) for ln in lines if ln.journal_code == "BQ"} >= {
        ("5121", "CIC")
    }
    with pytest.raises(BookError, match="tab"):
        load_account_plan_text('[accounts]\nbank = { number = "512", label = "A|B" }')


# --- properties ------------------------------------------------------------------------------

_rates = st.sampled_from((D("0.20"), D("0.10"), D("0.085"), D("0")))


Book3 = tuple[list[BookDocument], list[BookPayment], list[BookPenalty]]


@st.composite
def _books(draw: st.DrawFn) -> Book3:
    documents: list[BookDocument] = []
    payments: list[BookPayment] = []
    penalties: list[BookPenalty] = []
    clients = ("Garage Petit", "Boulangerie Martin")
    for n in range(draw(st.integers(1, 4))):
        day = date(2025, 1, 1) + timedelta(days=draw(st.integers(0, 300)))
        rates = draw(st.lists(_rates, min_size=1, max_size=2, unique=True))
        vat = tuple(tax((D(draw(st.integers(1, 10**6))) / 100,), rate) for rate in rates)
        total = sum((v.base + v.amount for v in vat), D("0.00"))
        client = draw(st.sampled_from(clients))
        invoice = BookDocument(
            number=f"F-{n}", issued=day, due=day + timedelta(days=30), client=client,
            total_ttc=total, vat=vat, entered=day,
        )  # fmt: skip
        documents.append(invoice)
        left = total
        if draw(st.integers(0, 3)) == 0:  # penalties billed a month after the due date
            cents = D(draw(st.integers(0, 5000))) / 100
            on = day + timedelta(days=60)
            penalty = BookPenalty(
                id=100 * n + 99, invoice=invoice.number, on=on, interest=cents,
                indemnity=D("40.00"), entered=on,
            )  # fmt: skip
            penalties.append(penalty)
            left += cents + D("40.00")
        if draw(st.booleans()):
            documents.append(
                BookDocument(
                    number=f"AV-{n}",
                    issued=day + timedelta(days=1),
                    due=None,
                    client=client,
                    total_ttc=total,
                    vat=vat,
                    corrects=invoice.number,
                    entered=day + timedelta(days=1),
                )
            )
            left -= total
        for k in range(draw(st.integers(0, 3))):
            if left <= 0:
                break
            part = left if draw(st.booleans()) else D(draw(st.integers(1, int(left * 100)))) / 100
            on = day + timedelta(days=2 + k)
            payments.append(BookPayment(id=100 * n + k, invoice=invoice.number, on=on,
                                        amount=part, entered=on))  # fmt: skip
            left -= part
    return documents, payments, penalties


@given(book=_books(), debits=st.booleans())
def test_every_entry_balances_and_every_file_passes_the_rules(book: Book3, debits: bool) -> None:
    """Whatever the invoices (one or two VAT rates, 0 % included), credit notes and payments,
    each entry balances and the file passes every rule of A47 A-1."""
    documents, payments, penalties = book
    lines = fec_entries(
        documents, payments, closing=CLOSING, plan=PLAN, vat_on_debits=debits, penalties=penalties
    )
    per_entry: dict[int, Decimal] = {}
    for line in lines:
        per_entry[line.entry_number] = (
            per_entry.get(line.entry_number, D(0)) + line.debit - line.credit
        )
    assert set(per_entry.values()) <= {D(0)}
    assert fec_checks.fec_problems(fec_text(lines, separator="|")) == []


@given(book=_books())
def test_the_receivable_of_a_client_is_its_outstanding_balance(
    book: Book3,
) -> None:
    """Σ 411 of a client (its auxiliary account) = Σ (outstanding − to refund) of its invoices in
    ``book balance`` at the closing date."""
    documents, payments, penalties = book
    lines = fec_entries(documents, payments, closing=CLOSING, plan=PLAN, penalties=penalties)
    for client in {d.client for d in documents}:
        aux = auxiliary_account(client, None)
        fec = sum((ln.debit - ln.credit for ln in lines if ln.aux_account == aux), D("0.00"))
        balances = [
            balance(d, payments, documents, on=CLOSING, rates=D("3"), penalties=penalties)
            for d in documents
            if d.client == client and not d.is_credit_note
        ]
        owed = (b.outstanding + b.penalties_outstanding - b.refund_due for b in balances)
        assert fec == sum(owed, D("0.00"))


@given(book=_books())
def test_letters_pair_exactly_the_settled_invoices(
    book: Book3,
) -> None:
    """An invoice's receivable lines carry a letter exactly when it is settled (nothing
    outstanding, nothing to refund), all the same one, one code per invoice."""
    documents, payments, penalties = book
    lines = fec_entries(documents, payments, closing=CLOSING, plan=PLAN, penalties=penalties)
    receivable = [ln for ln in lines if ln.account == "411"]
    for invoice in (d for d in documents if not d.is_credit_note):
        b = balance(invoice, payments, documents, on=CLOSING, rates=D("3"), penalties=penalties)
        refs = {invoice.number} | {
            f"R{p.id}-{invoice.number}" for p in payments if p.invoice == invoice.number
        }
        refs |= {d.number for d in documents if d.corrects == invoice.number}
        refs |= {f"P{p.id}-{invoice.number}" for p in penalties if p.invoice == invoice.number}
        letters = {ln.letter for ln in receivable if ln.piece_ref in refs}
        settled = b.outstanding == b.penalties_outstanding == b.refund_due == 0
        assert (letters != {""} and len(letters) == 1) == settled
    invoices_of_code: dict[str, set[str]] = {}
    for line in receivable:
        if line.letter:
            number = (
                line.piece_ref.split("-", 1)[1] if line.piece_ref[0] in "RP" else line.piece_ref
            )
            corrected = {d.number: d.corrects for d in documents}.get(number)
            invoices_of_code.setdefault(line.letter, set()).add(corrected or number)
    assert all(len(numbers) == 1 for numbers in invoices_of_code.values())


@given(book=_books(), month=st.integers(1, 12), debits=st.booleans())
def test_vat_collected_in_a_month_is_the_vat_due(book: Book3, month: int, debits: bool) -> None:
    """Σ 44571 (credit − debit) of the entries of a month = ``book vat`` for that month, on
    receipts and on debits; Σ 706 = HT invoiced net of credit notes."""
    documents, payments, penalties = book
    lines = fec_entries(
        documents, payments, closing=CLOSING, plan=PLAN, vat_on_debits=debits, penalties=penalties
    )
    collected = sum(
        (
            ln.credit - ln.debit
            for ln in lines
            if ln.account == "44571" and ln.entry_date.month == month
        ),
        D("0.00"),
    )
    assert collected == vat_due(documents, payments, 2025, month, on_receipts=not debits).total_vat
    services = sum((ln.credit - ln.debit for ln in lines if ln.account == "706"), D("0.00"))
    net = sum(
        ((-1 if d.is_credit_note else 1) * sum((v.base for v in d.vat), D(0)) for d in documents),
        D("0.00"),
    )
    assert services == net


@given(book=_books())
def test_a_fully_paid_invoice_moves_exactly_its_vat(
    book: Book3,
) -> None:
    """On receipts, an invoice paid in full, in however many payments, leaves nothing on 44574:
    its payments moved exactly its VAT to 44571 (D90)."""
    documents, payments, penalties = book
    lines = fec_entries(documents, payments, closing=CLOSING, plan=PLAN, penalties=penalties)
    for invoice in (d for d in documents if not d.is_credit_note):
        b = balance(invoice, payments, documents, on=CLOSING, rates=D("3"), penalties=penalties)
        if b.outstanding or b.credited:
            continue
        refs = {invoice.number} | {f"R{p.id}-{invoice.number}" for p in payments}
        awaiting = sum(
            (
                ln.credit - ln.debit
                for ln in lines
                if ln.account == "44574" and ln.piece_ref in refs
            ),
            D("0.00"),
        )
        assert awaiting == 0


def test_billed_penalties_are_income_outside_vat() -> None:
    """Interest and indemnity billed: debit the receivable, credit 7631 and 7588, no VAT line,
    in the sales journal (D95)."""
    documents, payments = golden.fec_month()
    day = date(2025, 5, 31)
    billed = BookPenalty(
        id=9, invoice="F-2025-0001", on=day, interest=D("6.35"), indemnity=D("40"), entered=day
    )
    lines = fec_entries(documents, payments, closing=CLOSING, plan=PLAN, penalties=[billed])
    entry = [(ln.account, ln.debit, ln.credit) for ln in lines if ln.piece_ref == "P9-F-2025-0001"]
    assert entry == [("411", D("46.35"), D("0.00")), ("7631", D("0.00"), D("6.35")),
                     ("7588", D("0.00"), D("40.00"))]  # fmt: skip


def test_a_renamed_client_keeps_one_auxiliary_label() -> None:
    """A47 A-1: an account keeps one label in the file; a client renamed between two invoices
    (same SIREN) keeps the first name on its auxiliary account."""
    vat = (VatLine(rate=D("0.20"), base=D("100.00"), amount=D("20.00")),)
    invoices = [
        BookDocument(number=f"F-{n}", issued=date(2025, 2, n), due=date(2025, 3, n), client=name,
                     siren="902000025", total_ttc=D("120.00"), vat=vat)
        for n, name in ((1, "Boulangerie Martin"), (2, "Boulangerie Martin SARL"))
    ]  # fmt: skip
    lines = fec_entries(invoices, [], closing=CLOSING, plan=PLAN)
    assert {ln.aux_label for ln in lines if ln.aux_account} == {"Boulangerie Martin"}
    assert fec_checks.labels(fec_text(lines)) == []


def test_a_zero_rate_invoice_has_no_vat_line() -> None:
    """Reverse charge and exempt invoices carry no VAT line (only 411 and 706)."""
    vat = (VatLine(rate=D(0), base=D("100.00"), amount=D("0.00")),)
    invoice = BookDocument(number="F-1", issued=date(2025, 2, 1), due=date(2025, 3, 3),
                           client="EU GmbH", total_ttc=D("100.00"), vat=vat)  # fmt: skip
    lines = fec_entries([invoice], [], closing=CLOSING, plan=PLAN)
    assert [ln.account for ln in lines] == ["411", "706"]
