"""``ouitec-terms book …``: the invoice book's subcommands (issue 20). Each opens the book, does
one operation (one transaction when it writes) and returns what to print."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from ouitec_terms.assembly.invoice import make_invoice
from ouitec_terms.assembly.statement import Statement
from ouitec_terms.book import Book
from ouitec_terms.boundary.clients import load_clients
from ouitec_terms.boundary.ecb import HalfYear
from ouitec_terms.boundary.echo import shown
from ouitec_terms.boundary.jsonio import from_json, to_json
from ouitec_terms.boundary.parties import Seller
from ouitec_terms.boundary.reading import read_data
from ouitec_terms.boundary.tariff import Tariff
from ouitec_terms.errors import ArgumentError, BookError
from ouitec_terms.presentation.ledger import (
    balances_csv,
    balances_text,
    cap_text,
    reminder_html,
    reminder_sections,
    reminder_text,
    vat_due_text,
)
from ouitec_terms.presentation.messages import messages_for
from ouitec_terms.rules.ledger import balance, balance_sheet
from ouitec_terms.rules.receipts import liability_cap, receipts_by_event, vat_due

from .files import is_terminal, write_output
from .rates import command_rates, with_known_rates
from .sources import priced_document

__all__ = ["DEFAULT_BOOK", "book_command", "book_path"]

DEFAULT_BOOK = "ouitec-book.sqlite"
"""The book's file when neither ``--book`` nor ``$OUITEC_BOOK`` names one."""


def book_path(args: argparse.Namespace) -> str:
    """``--book``, else ``$OUITEC_BOOK``, else ``./ouitec-book.sqlite``."""
    given = getattr(args, "book", None)
    if given == "":
        raise ArgumentError("--book: an empty path; give the book's file")
    return str(given or os.environ.get("OUITEC_BOOK") or DEFAULT_BOOK)


def _rates(args: argparse.Namespace) -> Mapping[HalfYear, Decimal]:
    return command_rates(args)


def _today() -> date:
    """The clerk's day, the default of ``--on``."""
    return date.today()  # noqa: DTZ011 - the local calendar day of whoever runs the command


def _progress(done: int, total: int) -> None:
    if total > 1 and is_terminal(sys.stderr):
        print(f"\r{done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)


def _invoice(book: Book, args: argparse.Namespace, tariff: Tariff) -> str:
    seller = Seller.from_toml(args.seller)
    data = read_data(args.file) if str(args.file).endswith(".json") else None
    references = {"purchase_order": args.po, "buyer_reference": args.buyer_reference}
    common = {"seller": seller, "issued": args.issued, "received": args.received, "lang": args.lang}
    if isinstance(data, dict) and {"statements", "summary"} <= data.keys():  # an import's JSON
        if args.clients is None:
            raise ArgumentError("an import's JSON needs --clients CLIENTS.toml (their identity)")
        clients = load_clients(args.clients)
        statements = [from_json(Statement, json.dumps(s, default=str)) for s in data["statements"]]
        billed = []
        for statement in statements:  # every invoice checked before the first is issued
            record = clients.find(statement.client_name)
            if record is None:
                raise BookError(f"{statement.client_name!r} is not in {args.clients!r}")
            client = record.billing_client()
            make_invoice(statement, client=client, seller=seller, number="CHECK-1",
                         issued=args.issued, received=args.received, **references)  # fmt: skip
            billed.append((statement, client))
        numbers = []
        for done, (statement, client) in enumerate(billed, start=1):
            issued = book.issue_invoice(statement, client=client, **common, **references)
            numbers.append(issued.invoice.number)
            _progress(done, len(statements))
        return "\n".join(numbers)
    source, client = priced_document(args, tariff)
    issued = book.issue_invoice(source, client=client, **common, **references)
    if args.output and issued.pdf is not None:
        write_output(args.output, issued.pdf)
    return issued.invoice.number


def _credit_note(book: Book, args: argparse.Namespace) -> str:
    issued = book.issue_credit_note(
        args.number, issued=args.issued, reason=args.reason, amount=args.amount, lang=args.lang
    )
    if args.output and issued.pdf is not None:
        write_output(args.output, issued.pdf)
    return issued.invoice.number


def _balance(book: Book, args: argparse.Namespace) -> str:
    ledger = book.ledger()
    sheet = balance_sheet(
        ledger.documents, ledger.payments, on=args.on or _today(), client=args.client,
        rates=_rates(args), penalties=ledger.penalties,
    )  # fmt: skip
    if args.format == "json":
        return to_json(sheet, indent=2)
    if args.format == "csv":
        return balances_csv(sheet.invoices)
    return balances_text(sheet, args.lang)


def _reminder(book: Book, args: argparse.Namespace) -> str:
    ledger = book.ledger()
    invoice = ledger.document(args.number)
    b = balance(
        invoice, ledger.payments, ledger.credit_notes(args.number), on=args.on or _today(),
        rates=_rates(args), penalties=ledger.penalties,
    )  # fmt: skip
    if not b.outstanding or not b.days_late:
        raise BookError(f"{args.number} is not overdue on {b.on.isoformat()}: nothing to remind")
    seller = (
        Seller.from_toml(args.seller) if args.seller else book.invoice(args.number).invoice.seller
    )
    if args.format == "pdf":
        if not args.output:
            raise ArgumentError("--format pdf writes a file: give -o reminder.pdf")
        try:
            from ouitec_terms.einvoice.letters import letter_pdf  # noqa: PLC0415 - the extra
        except ImportError:
            raise ArgumentError(
                "--format pdf needs the einvoice extra: pip install 'ouitec-terms[einvoice]'"
            ) from None
        title, paragraphs = reminder_sections(b, seller, args.lang, formal_after=args.formal_after)
        write_output(args.output, letter_pdf(title, paragraphs, dated=b.on))
        return ""
    render = reminder_html if args.format == "html" else reminder_text
    text = render(b, seller, args.lang, formal_after=args.formal_after)
    if args.output:
        write_output(args.output, (text + "\n").encode("utf-8"))
        return ""
    return text


def _status(book: Book, args: argparse.Namespace) -> str:
    try:
        from ouitec_terms.einvoice.cdar import payment_status_xml  # noqa: PLC0415 - the extra
    except ImportError:
        raise ArgumentError(
            "book status needs the einvoice extra: pip install 'ouitec-terms[einvoice]'"
        ) from None
    ledger = book.ledger()
    payment = next((p for p in ledger.payments if p.id == args.payment), None)
    if payment is None or payment.invoice != args.number:
        raise BookError(
            f"no payment {args.payment} of {args.number} in the book; give the id that "
            "`book pay` printed"
        )
    moment = (
        datetime(args.on.year, args.on.month, args.on.day, tzinfo=UTC)
        if args.on
        else datetime.now(UTC)
    )
    received = receipts_by_event(ledger.documents, ledger.payments)[("payment", str(payment.id))]
    invoice = book.invoice(args.number).invoice
    xml = payment_status_xml(invoice, payment, issued=moment, received=received)
    if args.output:
        write_output(args.output, xml)
        return ""
    return xml.decode("utf-8").rstrip("\n")


def _penalties(book: Book, args: argparse.Namespace) -> str:
    penalty = book.bill_penalties(args.number, on=args.on or _today(), rates=_rates(args))
    return str(penalty.id)


def _vat(book: Book, args: argparse.Namespace) -> str:
    ledger = book.ledger()
    year, month = args.month
    due = vat_due(
        ledger.documents, ledger.payments, year, month, on_receipts=not ledger.vat_on_debits
    )
    return to_json(due, indent=2) if args.format == "json" else vat_due_text(due, args.lang)


def _cap(book: Book, args: argparse.Namespace) -> str:
    ledger = book.ledger()
    cap = liability_cap(args.client, ledger.documents, ledger.payments, on=args.on or _today())
    if not cap.invoices:
        raise BookError(f"no invoice of {shown(args.client)!r} in the book; give its name or SIREN")
    return to_json(cap, indent=2) if args.format == "json" else cap_text(cap, args.lang)


def _export(book: Book, args: argparse.Namespace) -> str:
    folder = Path(args.folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BookError(f"cannot create {shown(args.folder)!r}: {error.strerror}") from None
    files = book.archive()
    for name, data in files:
        write_output(str(folder / name), data)
    return messages_for(args.lang).text("book.exported", count=len(files) - 1, folder=folder)


def _fec(book: Book, args: argparse.Namespace) -> str:
    from ouitec_terms.boundary.accounts import account_plan, load_account_plan  # noqa: PLC0415
    from ouitec_terms.presentation.fec import SEPARATORS, fec_file_name, fec_text  # noqa: PLC0415
    from ouitec_terms.rules.accounting import fec_entries  # noqa: PLC0415

    closing = args.closing or date(args.year, 12, 31)
    if closing.year != args.year:
        raise ArgumentError(f"--closing {closing.isoformat()} is not in --year {args.year}")
    ledger = book.ledger()
    siren = args.siren or next(
        (book.invoice(d.number).invoice.seller.siren for d in ledger.documents), None
    )
    if not siren or not (len(siren) == 9 and siren.isdigit()):
        raise ArgumentError("--siren: give the seller's 9-digit SIREN (it names the FEC file)")
    plan = load_account_plan(args.accounts) if args.accounts else account_plan()
    lines = fec_entries(
        ledger.documents, ledger.payments, closing=closing, plan=plan,
        vat_on_debits=ledger.vat_on_debits, penalties=ledger.penalties,
    )  # fmt: skip
    text = fec_text(lines, separator=SEPARATORS[args.separator])
    try:
        data = text.encode(args.encoding)
    except UnicodeEncodeError as error:
        bad = text[error.start]
        raise BookError(
            f"{bad!r} cannot be written in {args.encoding}; use --encoding utf-8"
        ) from None
    folder = Path(args.output)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BookError(f"cannot create {shown(args.output)!r}: {error.strerror}") from None
    path = folder / fec_file_name(siren, closing)
    m = messages_for(args.lang)
    write_output(str(path), data)
    summary = []
    for code in dict.fromkeys(line.journal_code for line in lines):
        journal = [line for line in lines if line.journal_code == code]
        entries = len({line.entry_number for line in journal})
        debit = sum((line.debit for line in journal), Decimal("0.00"))
        credit = sum((line.credit for line in journal), Decimal("0.00"))
        summary.append(
            m.text("book.journal", code=code, entries=entries, debit=m.amount(debit),
                   credit=m.amount(credit))
        )  # fmt: skip
    return "\n".join([f"{path}", *summary])


def book_command(args: argparse.Namespace, tariff: Callable[[], Tariff]) -> str:
    """Run ``book SUBCOMMAND``; what it prints."""
    path = book_path(args)
    command = args.book_command
    if command == "init":
        Book.init(path, series=args.series, credit_series=args.credit_series,
                  vat_on_debits=args.vat_on_debits)  # fmt: skip
        return messages_for(args.lang).text("book.created", path=path)
    book = Book.open(path)
    if command == "invoice":
        return _invoice(book, args, tariff())
    if command == "credit-note":
        return _credit_note(book, args)
    if command == "pay":
        payment = book.record_payment(
            args.number, amount=args.amount, on=args.on, method=args.method,
            reference=args.reference,
        )  # fmt: skip
        return str(payment.id)
    if command == "verify":
        count = book.verify()
        return messages_for(args.lang).text("book.verified", path=path, count=count)
    handlers: dict[str, Callable[[Book, argparse.Namespace], str]] = {
        "balance": _balance, "reminder": _reminder, "vat": _vat, "cap": _cap, "export": _export,
        "status": _status, "fec": _fec, "penalties": _penalties,
    }  # fmt: skip
    return with_known_rates(lambda: handlers[command](book, args))
