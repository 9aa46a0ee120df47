"""Issue 20: the invoice book — numbers that are never lost or repeated, whatever the processes
and the crashes; an append-only, verifiable record; payments, balances and interest from the
actual history; the VAT due and the Art. 10 cap. Faults are proven with real processes."""

from __future__ import annotations

import hashlib
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ouitec_terms as lib
from goldens import golden_script
from ouitec_terms.book import Book
from ouitec_terms.boundary.parties import Seller
from ouitec_terms.cli import main
from ouitec_terms.errors import BookError, OutputError, PaymentError
from ouitec_terms.rules.ledger import (
    BalanceStatus,
    BookDocument,
    BookPayment,
    balance,
)
from ouitec_terms.rules.receipts import liability_cap, vat_due
from ouitec_terms.rules.vat import VatLine

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "docs" / "examples"
SELLER = Seller.from_toml(EXAMPLES / "seller.example.toml")
DOCUMENT = lib.load_document(EXAMPLES / "invoice-client.toml")
QUOTE = lib.quote(DOCUMENT.intervention, DOCUMENT.client)
D = Decimal


def _issue(book: Book, day: date, *, pdf: bool = False) -> str:
    issued = book.issue_invoice(QUOTE, seller=SELLER, client=DOCUMENT.client, issued=day, pdf=pdf)
    return issued.invoice.number


@pytest.fixture
def book(tmp_path: Path) -> Book:
    return Book.init(tmp_path / "book.sqlite")


# --- numbering and integrity ------------------------------------------------------------------


def test_numbers_run_per_series_and_year_without_gap(book: Book) -> None:
    """CGI art. 242 nonies A: one continuous chronological sequence per series, restarting each
    year; credit notes have their own."""
    numbers = [_issue(book, date(2025, 12, 30)), _issue(book, date(2025, 12, 31))]
    numbers.append(_issue(book, date(2026, 1, 2)))
    note = book.issue_credit_note(numbers[0], issued=date(2026, 1, 3), reason="Erreur", pdf=False)
    assert numbers == ["F-2025-0001", "F-2025-0002", "F-2026-0001"]
    assert note.invoice.number == "AV-2026-0001"
    assert book.verify() == 4


def test_issue_dates_never_go_back_in_a_series(book: Book) -> None:
    """An invoice dated before the series' last one is refused, and takes no number."""
    _issue(book, date(2025, 3, 17))
    with pytest.raises(BookError, match="never goes back"):
        _issue(book, date(2025, 3, 16))
    assert _issue(book, date(2025, 3, 17)) == "F-2025-0002"


def test_records_cannot_be_updated_or_deleted(book: Book) -> None:
    """The schema refuses UPDATE and DELETE (triggers): corrections are credit notes."""
    _issue(book, date(2025, 3, 17))
    connection = sqlite3.connect(book.store.path)
    for statement in ("UPDATE records SET amount = '0'", "DELETE FROM records"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            connection.execute(statement)
    connection.close()


def test_verify_names_the_first_changed_record(book: Book) -> None:
    """A record changed behind the book's back (triggers dropped) breaks its hash: ``verify``
    names it."""
    _issue(book, date(2025, 3, 17))
    _issue(book, date(2025, 3, 18))
    connection = sqlite3.connect(book.store.path)
    connection.execute("DROP TRIGGER records_no_update")
    connection.execute("UPDATE records SET amount = '1.00' WHERE seq = 2")
    connection.commit()
    connection.close()
    with pytest.raises(BookError, match="trigger records_no_update is gone"):
        book.verify()
    connection = sqlite3.connect(book.store.path)
    connection.execute(
        "CREATE TRIGGER records_no_update BEFORE UPDATE ON records BEGIN SELECT RAISE(ABORT, "
        "'x'); END"
    )
    connection.commit()
    connection.close()
    with pytest.raises(BookError, match=r"record 2 \(F-2025-0002\): its content does not match"):
        book.verify()


_WORKER = """
import sys
from datetime import date
from pathlib import Path
import ouitec_terms as lib
from ouitec_terms.book import Book
from ouitec_terms.boundary.parties import Seller
examples = Path(sys.argv[2])
seller = Seller.from_toml(examples / "seller.example.toml")
document = lib.load_document(examples / "invoice-client.toml")
q = lib.quote(document.intervention, document.client)
book = Book.open(sys.argv[1])
for _ in range(int(sys.argv[3])):
    book.issue_invoice(q, seller=seller, client=document.client, issued=date(2025, 3, 17),
                       pdf=False)
"""


def _workers(path: Path, count: int, each: int) -> list[subprocess.Popen[bytes]]:
    return [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(path), str(EXAMPLES), str(each)],
            stderr=subprocess.PIPE,
        )
        for _ in range(count)
    ]


def test_eight_processes_issuing_at_once_end_with_numbers_1_to_400(book: Book) -> None:
    """8 real processes issue 50 invoices each into one book at the same time: exactly the
    numbers 1 to 400, no gap, no repeat, and the book verifies."""
    processes = _workers(book.store.path, 8, 50)
    for process in processes:
        _, error = process.communicate(timeout=600)
        assert process.returncode == 0, error.decode()
    numbers = sorted(d.number for d in book.ledger().documents)
    assert numbers == [f"F-2025-{n:04d}" for n in range(1, 401)]
    assert book.verify() == 400


def test_a_process_killed_while_issuing_leaves_no_gap_and_no_half_invoice(book: Book) -> None:
    """SIGKILL in the middle of issuing: the book holds whole invoices numbered 1…n, verifies,
    and the next invoice is n + 1."""
    (process,) = _workers(book.store.path, 1, 10_000)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(book.store.records()) < 15:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    assert process.stderr is not None
    process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    count = book.verify()
    assert count >= 15
    numbers = [d.number for d in book.ledger().documents]
    assert numbers == [f"F-2025-{n:04d}" for n in range(1, count + 1)]
    assert _issue(book, date(2025, 3, 17)) == f"F-2025-{count + 1:04d}"


def _limited(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def test_a_full_disk_fails_with_one_line_and_changes_nothing(book: Book, tmp_path: Path) -> None:
    """A write that cannot grow the files (a full disk, simulated by RLIMIT_FSIZE in a real
    process) exits 1 with one line, and the book's bytes are as they were."""
    number = _issue(book, date(2025, 3, 17))
    before = hashlib.sha256(book.store.path.read_bytes()).hexdigest()
    done = subprocess.run(
        [sys.executable, "-m", "ouitec_terms", "book", "pay", number, "--amount", "100",
         "--on", "2025-04-01", "--book", str(book.store.path)],
        capture_output=True, text=True, check=False, preexec_fn=lambda: _limited(4096),
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert "nothing changed" in done.stderr
    assert hashlib.sha256(book.store.path.read_bytes()).hexdigest() == before
    assert book.verify() == 1


def _read_only(path: Path) -> bool:
    """Make ``path`` read-only even for root (``chattr +i``), or by its mode for others."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        return True
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    return done.returncode == 0


def test_a_read_only_book_fails_with_one_line_and_changes_nothing(book: Book) -> None:
    """A book on read-only storage (an immutable file, for root too): exit 1, one line on
    standard error, nothing written."""
    number = _issue(book, date(2025, 3, 17))
    path = book.store.path
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    if not _read_only(path):
        pytest.skip("this file system cannot make a file immutable")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "ouitec_terms", "book", "pay", number, "--amount", "1",
             "--on", "2025-04-01", "--book", str(path)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=True)
    assert done.returncode == 1, done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


# --- payments, balances and interest (pure rules) --------------------------------------------

INVOICE = BookDocument(
    number="F-1", issued=date(2025, 3, 1), due=date(2025, 3, 31), client="C", siren="903000032",
    total_ttc=D("1200.00"),
    vat=(VatLine(rate=D("0.20"), base=D("1000.00"), amount=D("200.00")),),
)  # fmt: skip


def _pay(n: int, day: date, amount: str) -> BookPayment:
    return BookPayment(id=n, invoice="F-1", on=day, amount=D(amount))


def _note(day: date, amount: str) -> BookDocument:
    return BookDocument(number=f"AV-{day}", issued=day, due=None, client="C",
                        total_ttc=D(amount), vat=(), corrects="F-1")  # fmt: skip


_days = st.integers(0, 200).map(lambda d: date(2025, 3, 1) + timedelta(days=d))


@st.composite
def _histories(draw: st.DrawFn) -> tuple[list[BookPayment], list[BookDocument]]:
    left, payments, notes = D("1200.00"), [], []
    for n in range(draw(st.integers(0, 5))):
        if left <= 0:
            break
        part = D(draw(st.integers(1, int(left * 100)))) / 100
        if draw(st.booleans()):
            payments.append(_pay(n, draw(_days), str(part)))
        else:
            notes.append(_note(draw(_days), str(part)))
        left -= part
    return payments, notes


@given(history=_histories(), on=_days)
def test_total_is_paid_plus_credited_plus_outstanding_never_negative(
    history: tuple[list[BookPayment], list[BookDocument]], on: date
) -> None:
    """On any date, total TTC = paid + credited + outstanding − to refund, each never negative,
    and interest and days late never negative (Art. 4)."""
    payments, notes = history
    b = balance(INVOICE, payments, notes, on=on)
    assert b.paid + b.credited + b.outstanding - b.refund_due == b.total_ttc
    assert min(b.paid, b.credited, b.outstanding, b.refund_due, b.interest) >= 0
    assert b.days_late >= 0
    assert (b.indemnity == D(40)) == (b.days_late > 0)


@given(paid=st.integers(0, 300).map(lambda d: date(2025, 3, 1) + timedelta(days=d)),
       cents=st.integers(1, 10**8))  # fmt: skip
def test_one_payment_of_the_whole_amount_is_what_late_computes(paid: date, cents: int) -> None:
    """For one payment of the whole amount, the balance's interest and indemnity are those of
    ``ouitec-terms late`` to the cent."""
    total = D(cents) / 100
    invoice = BookDocument(number="F-1", issued=date(2025, 3, 1), due=date(2025, 3, 31),
                           client="C", total_ttc=total, vat=())  # fmt: skip
    b = balance(invoice, [BookPayment(id=1, invoice="F-1", on=paid, amount=total)], on=paid)
    late = lib.late_payment(total, date(2025, 3, 31), paid)
    assert (b.interest, b.indemnity, b.days_late) == (late.interest, late.indemnity, late.days_late)


def test_a_partial_payment_cuts_the_interest_periods() -> None:
    """After the due date, each period bears interest on what was outstanding during it: 600 €
    paid on 30 April leaves 600 € bearing interest from 1 May."""
    b = balance(INVOICE, [_pay(1, date(2025, 4, 30), "600.00")], on=date(2025, 5, 30))
    first = lib.late_payment(D("1200.00"), date(2025, 3, 31), date(2025, 4, 30))
    second = lib.late_payment(D("600.00"), date(2025, 4, 30), date(2025, 5, 30))
    assert b.interest == first.interest + second.interest
    assert b.status is BalanceStatus.OVERDUE
    assert b.indemnity == D(40)


@pytest.mark.parametrize(
    ("payments", "notes", "on", "status"),
    [
        ([], [], date(2025, 3, 10), BalanceStatus.NOT_DUE),
        ([_pay(1, date(2025, 3, 5), "100.00")], [], date(2025, 3, 10), BalanceStatus.PART_PAID),
        ([_pay(1, date(2025, 3, 5), "100.00")], [], date(2025, 4, 10), BalanceStatus.OVERDUE),
        ([_pay(1, date(2025, 3, 5), "1200.00")], [], date(2025, 4, 10), BalanceStatus.PAID),
        (
            [],
            [_note(date(2025, 3, 5), "1200.00")],
            date(2025, 4, 10),
            BalanceStatus.SETTLED_BY_CREDIT,
        ),
    ],
)
def test_status_on_a_date(
    payments: list[BookPayment], notes: list[BookDocument], on: date, status: BalanceStatus
) -> None:
    """The five statuses: à échoir, partiellement payée (not yet due), échue (overdue, part-paid
    or not), payée, soldée par avoir."""
    assert balance(INVOICE, payments, notes, on=on).status is status


def test_a_credit_note_on_a_paid_invoice_leaves_an_amount_to_refund(book: Book) -> None:
    """Paid, then credited: the client is owed a refund, shown as such; a refund is recorded as
    a negative payment, never more than what is owed."""
    number = _issue(book, date(2025, 3, 17))
    book.record_payment(number, amount=D("691.44"), on=date(2025, 3, 20))
    book.issue_credit_note(number, issued=date(2025, 3, 25), reason="Annulée", pdf=False)
    ledger = book.ledger()
    b = balance(ledger.document(number), ledger.payments, ledger.documents, on=date(2025, 4, 1))
    assert (b.outstanding, b.refund_due) == (D("0.00"), D("691.44"))
    with pytest.raises(PaymentError, match=r"more than the 691\.44"):
        book.record_payment(number, amount=D("-700.00"), on=date(2025, 4, 2))
    book.record_payment(number, amount=D("-691.44"), on=date(2025, 4, 2))
    ledger = book.ledger()
    assert liability_cap("Boulangerie Martin", ledger.documents, ledger.payments,
                         on=date(2025, 4, 30)).total == D("0.00")  # fmt: skip


def test_partial_credit_notes_never_credit_more_than_is_left(book: Book) -> None:
    """A credit note of part of an invoice, then one of the rest: the second takes exactly what
    is left, and a third is refused with the amount left (0,00 €); each passes EN 16931, BR-FR
    and EXTENDED-CTC-FR."""
    checks = pytest.importorskip("facturx_checks")
    number = _issue(book, date(2025, 3, 17))
    part = book.issue_credit_note(
        number, issued=date(2025, 3, 20), reason="Geste commercial", amount=D("100.00")
    )
    assert (part.invoice.total_ht, part.invoice.total_vat, part.invoice.total_ttc) == (
        D("83.33"), D("16.67"), D("100.00"),
    )  # fmt: skip
    for name in ("EN16931", "BR-FR", "EXTENDED-CTC-FR"):
        assert checks.schematron_failures(part.xml, name) == [], name
    assert checks.xsd_errors(part.xml) == []
    rest = book.issue_credit_note(number, issued=date(2025, 3, 21), reason="Reste", pdf=False)
    assert rest.invoice.total_ttc == D("591.44")
    with pytest.raises(PaymentError, match=r"at most 0\.00"):
        book.issue_credit_note(number, issued=date(2025, 3, 22), reason="Trop",
                               amount=D("1.00"), pdf=False)  # fmt: skip
    ledger = book.ledger()
    b = balance(ledger.document(number), ledger.payments, ledger.documents, on=date(2025, 6, 1))
    assert b.status is BalanceStatus.SETTLED_BY_CREDIT
    assert book.verify() == 3


def test_penalties_billed_are_paid_after_the_invoice(book: Book) -> None:
    """``book penalties`` bills the interest up to a date and the 40 € indemnity, then only what
    accrued since (the indemnity once); payments go to the invoice first, then to the penalties,
    and no more than both can be paid (D95)."""
    number = _issue(book, date(2025, 3, 17))
    first = book.bill_penalties(number, on=date(2025, 5, 31))
    assert (first.interest, first.indemnity) == (D("11.21"), D("40.00"))
    second = book.bill_penalties(number, on=date(2025, 6, 30))
    assert second.indemnity == D("0.00")
    assert second.interest > 0
    billed = first.total + second.total
    with pytest.raises(PaymentError, match="outstanding"):
        book.record_payment(number, amount=D("691.44") + billed + D("0.01"), on=date(2025, 7, 1))
    book.record_payment(number, amount=D("700.00"), on=date(2025, 7, 1))
    ledger = book.ledger()
    b = balance(ledger.document(number), ledger.payments, ledger.documents,
                on=date(2025, 7, 1), penalties=ledger.penalties)  # fmt: skip
    assert (b.outstanding, b.status) == (D("0.00"), BalanceStatus.PAID)
    assert b.penalties_outstanding == billed - D("8.56")
    with pytest.raises(BookError, match="no penalty"):
        book.bill_penalties(number, on=date(2025, 6, 30))


def test_overpayment_and_early_payment_are_refused_with_the_outstanding_amount(book: Book) -> None:
    """Paying more than is outstanding says how much is; a payment before the invoice's date is
    refused; the refused payments leave no record."""
    number = _issue(book, date(2025, 3, 17))
    with pytest.raises(PaymentError, match=r"691\.44 € TTC outstanding"):
        book.record_payment(number, amount=D("700.00"), on=date(2025, 4, 1))
    with pytest.raises(PaymentError, match="before invoice"):
        book.record_payment(number, amount=D("10.00"), on=date(2025, 3, 16))
    assert book.ledger().payments == ()


def test_vat_due_on_receipts_follows_payments_and_on_debits_invoices() -> None:
    """CGI 269-2-c: on receipts, April's VAT is that of April's payments, pro rata; on debits,
    that of March's invoices, less credit notes."""
    payments = [_pay(1, date(2025, 4, 10), "600.00")]
    receipts = vat_due([INVOICE], payments, 2025, 4)
    assert [(v.base, v.amount) for v in receipts.lines] == [(D("500.00"), D("100.00"))]
    debits = vat_due([INVOICE], payments, 2025, 3, on_receipts=False)
    assert debits.total_vat == D("200.00")
    assert vat_due([INVOICE], payments, 2025, 3).lines == ()


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", ["reminder", "formal-notice"])
def test_a_reminder_renders_as_its_golden_document(name: str, lang: str) -> None:
    """The reminder (10 days late) and the formal notice (45 days, after 30) are byte for byte
    the stored ones, with the outstanding amount, the interest, the indemnity and their law."""
    golden = golden_script()
    expected = golden.reminder_path(name, lang).read_text(encoding="utf-8")
    assert golden.render_reminder(lang, days=golden.REMINDERS[name]) == expected


def test_a_reminder_as_pdf_is_drawn_in_the_invoices_fonts(tmp_path: Path) -> None:
    """``book reminder --format pdf -o FILE`` writes a PDF whose text is the reminder's."""
    pypdf = pytest.importorskip("pypdf")
    path = tmp_path / "b.sqlite"
    Book.init(path)
    seller = str(EXAMPLES / "seller.example.toml")
    base = ["book", "--book", str(path)]
    assert main([*base, "invoice", str(EXAMPLES / "invoice-client.toml"), "--seller", seller,
                 "--issued", "2025-03-17"]) == 0  # fmt: skip
    out = tmp_path / "reminder.pdf"
    assert main([*base, "reminder", "F-2025-0001", "--seller", seller, "--on", "2025-05-31",
                 "--format", "pdf", "-o", str(out)]) == 0  # fmt: skip
    text = " ".join(pypdf.PdfReader(out).pages[0].extract_text().split())
    assert "Mise en demeure de payer — facture F-2025-0001" in text
    assert "L441-10" in text


# --- the command ---------------------------------------------------------------------------


def test_the_command_runs_a_month_of_the_book(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """init, invoice (prints its number), pay (prints the payment's id), balance, reminder,
    vat, cap, verify, export — each one line of result, each exit 0."""
    path = str(tmp_path / "b.sqlite")
    seller = str(EXAMPLES / "seller.example.toml")
    steps = [
        ["book", "--book", path, "init"],
        ["book", "invoice", str(EXAMPLES / "invoice-client.toml"), "--seller", seller,
         "--issued", "2025-03-17", "--book", path],
        ["book", "--book", path, "pay", "F-2025-0001", "--amount", "300", "--on", "2025-04-10"],
        ["book", "--book", path, "reminder", "F-2025-0001", "--seller", seller, "--on",
         "2025-06-30"],
        ["book", "--book", path, "vat", "--month", "2025-04"],
        ["book", "--book", path, "cap", "902000025", "--on", "2025-06-30"],
        ["book", "--book", path, "verify"],
        ["book", "--book", path, "export", str(tmp_path / "archive")],
    ]  # fmt: skip
    outputs = []
    for step in steps:
        assert main(step) == 0, step
        outputs.append(capsys.readouterr().out)
    assert outputs[0].endswith("b.sqlite\u00a0: livre de factures créé\n")
    assert outputs[1] == "F-2025-0001\n"
    assert outputs[2] == "2\n"
    assert "Mise en demeure" in outputs[3]
    assert "391,44" in outputs[3]
    assert "intégrité, chaîne des empreintes et numérotation vérifiées" in outputs[6]
    manifest = (tmp_path / "archive" / "SHA256SUMS").read_text().splitlines()
    for line in manifest:
        digest, name = line.split("  ")
        assert hashlib.sha256((tmp_path / "archive" / name).read_bytes()).hexdigest() == digest


def test_an_imports_json_is_invoiced_client_by_client(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``book invoice`` of the JSON ``import --format json`` writes issues one invoice per
    client, in one transaction each, whose totals are the statements'."""
    folder = EXAMPLES / "imports" / "csv"
    month = tmp_path / "june.json"
    assert main(["import", str(folder / "entries.csv"), "--clients", str(folder / "clients.toml"),
                 "--month", "2025-06", "--format", "json", "-o", str(month)]) == 0  # fmt: skip
    book = Book.init(tmp_path / "b.sqlite")
    assert main(["book", "--book", str(book.store.path), "invoice", str(month), "--clients",
                 str(folder / "clients.toml"), "--seller", str(EXAMPLES / "seller.example.toml"),
                 "--issued", "2025-07-01"]) == 0  # fmt: skip
    assert capsys.readouterr().out == "F-2025-0001\nF-2025-0002\n"
    totals = sum(d.total_ttc for d in book.ledger().documents)
    assert totals == lib.from_json(lib.MonthImport, month.read_text()).summary.total_ttc


def test_a_missing_book_is_one_line_naming_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No book at the path: exit 2, and the message says how to create it."""
    assert main(["book", "--book", str(tmp_path / "none.sqlite"), "verify"]) == 2
    assert "book init" in capsys.readouterr().err


def test_a_full_disk_error_is_an_output_error() -> None:
    """The classes the command maps to exit 1 and 2."""
    assert issubclass(OutputError, lib.OuitecTermsError)
    assert issubclass(BookError, lib.OuitecTermsError)
