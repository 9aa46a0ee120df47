"""The ``ouitec-terms`` command: price a document, show the demo, the calendar, the schema.

Bad input (missing file, invalid TOML or JSON, unknown field, naive datetime, float money…)
prints one clear message and exits with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NoReturn
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from ouitec_terms import __version__
from ouitec_terms.assembly.compare import ModeComparison, compare_modes
from ouitec_terms.assembly.invoice import Invoice, make_credit_note, make_invoice
from ouitec_terms.assembly.quote import Quote, quote
from ouitec_terms.assembly.statement import Statement, monthly_statement
from ouitec_terms.boundary.documents import (
    QuoteRequest,
    StatementRequest,
    document_schema,
    load_document,
    load_statement_document,
)
from ouitec_terms.boundary.jsonio import json_schema, to_json
from ouitec_terms.boundary.models import Channel, Client, Intervention, TravelLeg, WorkPeriod
from ouitec_terms.boundary.parties import Seller
from ouitec_terms.boundary.reading import describe_validation_error, one_line
from ouitec_terms.boundary.tariff import DEFAULT_TARIFF, Tariff, tariff_schema
from ouitec_terms.errors import InvoiceError, OuitecTermsError
from ouitec_terms.money import available_hours, to_decimal
from ouitec_terms.presentation.invoices import invoice_html, invoice_text
from ouitec_terms.presentation.messages import LANGUAGES, messages_for
from ouitec_terms.presentation.render import (
    calendar_text,
    comparison_text,
    late_payment_text,
    lines_csv,
    quote_table,
    quote_text,
    statement_table,
    statement_text,
)
from ouitec_terms.rules.calendar import calendar_for
from ouitec_terms.rules.payment import (
    ECB_RATES,
    HalfYear,
    LatePayment,
    late_payment,
    parse_rate_assignment,
    read_ecb_rates,
    with_added_rates,
)

__all__ = ["demo_request", "main"]

EXIT_BAD_INPUT = 2


def demo_request(lang: str = "fr") -> QuoteRequest:
    """The built-in scenario: a Friday evening outage for a client without contract.

    The technician drives 32 km from the seat at 17:30, works on site from 18:10 to 21:35 (the
    business window closes at 19:00) and drives back until 22:15. Its words are the clerk's,
    in the language of the document (French by default).
    """
    m = messages_for(lang)
    paris = ZoneInfo("Europe/Paris")

    def at(hour: int, minute: int) -> datetime:
        return datetime(2025, 3, 14, hour, minute, tzinfo=paris)

    return QuoteRequest(
        client=Client(name=m.text("demo.client")),
        intervention=Intervention(
            reference="DEMO-2025-0314",
            channel=Channel.PHONE,
            confirmed_in_writing=True,
            work=(WorkPeriod(start=at(18, 10), end=at(21, 35), label=m.text("demo.work")),),
            travel=(
                TravelLeg(
                    start=at(17, 30),
                    end=at(18, 10),
                    distance_km=Decimal(32),
                    label=m.text("demo.out"),
                ),
                TravelLeg(
                    start=at(21, 35),
                    end=at(22, 15),
                    distance_km=Decimal(32),
                    label=m.text("demo.back"),
                ),
            ),
        ),
    )


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-04-30"
        ) from None


def _amount(text: str) -> Decimal:
    try:
        return to_decimal(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an amount; write it like 1200.00"
        ) from None


def _included_hours(text: str) -> Decimal:
    try:
        return available_hours(text, name="--included-hours")
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _rate_assignment(text: str) -> tuple[HalfYear, Decimal]:
    try:
        return parse_rate_assignment(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _month(text: str) -> tuple[int, int]:
    try:
        year, month = (int(part) for part in text.split("-"))
        date(year, month, 1)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a month; write it as YYYY-MM, e.g. 2025-06"
        ) from None
    return year, month


class _Parser(argparse.ArgumentParser):
    """Argument errors on one line (exit 2), like every other error of the command."""

    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_BAD_INPUT,
            f"{self.prog}: {one_line(message)} (see {self.prog} --help)\n",
        )


OUTPUTS: dict[str, type] = {
    "quote": Quote,
    "statement": Statement,
    "comparison": ModeComparison,
    "late": LatePayment,
}
"""What ``schema --output`` names, and the type whose JSON it describes."""


def _add_invoice_command(
    commands: Any,
    common: Callable[[argparse.ArgumentParser, tuple[str, ...]], None],
    tariff_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """The ``invoice`` command and its options (issue 12)."""
    sub = commands.add_parser(
        "invoice", help="a French invoice or credit note of a document, as text, XML or PDF"
    )
    sub.add_argument("file", metavar="DOC", help="a quote document, or a statement's with --month")
    sub.add_argument("--seller", required=True, metavar="SELLER.toml", help="the [seller] file")
    sub.add_argument("--number", required=True, metavar="N", help="the invoice's number")
    sub.add_argument("--issued", type=_date, required=True, metavar="YYYY-MM-DD")
    sub.add_argument(
        "--received", type=_date, metavar="YYYY-MM-DD", help="reception (default: --issued)"
    )
    sub.add_argument(
        "--month", type=_month, metavar="YYYY-MM", help="invoice a statement document's month"
    )
    sub.add_argument(
        "--credit-note-of", metavar="NUMBER", help="make the credit note of that invoice"
    )
    sub.add_argument("--corrected-issued", type=_date, metavar="YYYY-MM-DD", help="its issue date")
    sub.add_argument("--reason", metavar="TEXT", help="why it is credited")
    tariff_option(sub)
    common(sub, ("text", "html", "json", "xml", "pdf"))
    sub.add_argument("-o", "--output", metavar="FILE", help="write there (needed for pdf)")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ouitec-terms",
        description="Price interventions by OUiTEC's general terms of sale (CGV 2024-06-02).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sub: argparse.ArgumentParser, formats: tuple[str, ...] = ()) -> None:
        sub.add_argument(
            "--lang",
            choices=LANGUAGES,
            default=LANGUAGES[0],
            help="language of the document (default: fr); JSON does not change with it",
        )
        if formats:
            sub.add_argument("--format", choices=formats, default=formats[0])

    def output_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("-o", "--output", metavar="FILE", help="write there, not on screen")

    def tariff_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--tariff", metavar="FILE", help="a tariff TOML file (default: terms)")

    def quote_options(sub: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
        tariff_option(sub)
        common(sub, formats)
        output_option(sub)
        sub.add_argument(
            "--included-hours",
            type=_included_hours,
            default=Decimal(0),
            metavar="H",
            help="contract hours still available (a whole number of minutes, e.g. 1.5)",
        )

    sub = commands.add_parser("quote", help="price a TOML or JSON document")
    sub.add_argument(
        "file", metavar="FILE", help="document with [client] and [intervention] (- : stdin)"
    )
    quote_options(sub, ("table", "text", "json", "csv"))
    sub = commands.add_parser("demo", help="price the built-in scenario")
    quote_options(sub, ("table", "text", "json", "csv"))
    sub = commands.add_parser("calendar", help="holidays and business window of a year")
    sub.add_argument("year", type=int, metavar="YEAR")
    sub.add_argument("--subdiv", metavar="CODE", help="holiday subdivision, e.g. 57, 6AE, 974")
    tariff_option(sub)
    common(sub)
    sub = commands.add_parser("compare", help="which billing mode is cheapest for a document")
    sub.add_argument("file", metavar="FILE", help="document with [client] and [intervention]")
    quote_options(sub, ("text", "json"))
    sub = commands.add_parser("statement", help="price a month of interventions for one client")
    sub.add_argument(
        "file", metavar="FILE", help="document with [client] and [[interventions]] (- : stdin)"
    )
    sub.add_argument("--month", type=_month, required=True, metavar="YYYY-MM")
    tariff_option(sub)
    common(sub, ("table", "text", "json", "csv"))
    output_option(sub)
    sub = commands.add_parser("late", help="late-payment interest and indemnity (Art. 4)")
    sub.add_argument(
        "amount", type=_amount, metavar="AMOUNT", help="invoice amount TTC, e.g. 1200.00"
    )
    sub.add_argument("--due", type=_date, required=True, metavar="YYYY-MM-DD")
    sub.add_argument("--paid", type=_date, required=True, metavar="YYYY-MM-DD")
    sub.add_argument(
        "--ecb-rate",
        type=_rate_assignment,
        action="append",
        default=[],
        metavar="YYYY-HN=R",
        help="add the ECB rate (percent) of a half-year the table lacks, e.g. 2026-H2=2.15; "
        "repeatable",
    )
    sub.add_argument(
        "--ecb-rates",
        metavar="FILE",
        help='add half-years from a TOML file of lines "2026-H2" = "2.15"',
    )
    common(sub, ("text", "json"))
    _add_invoice_command(commands, common, tariff_option)
    sub = commands.add_parser("schema", help="JSON Schema of an input document or of an output")
    which = sub.add_mutually_exclusive_group()
    which.add_argument(
        "--statement", action="store_true", help="the schema of a statement document instead"
    )
    which.add_argument("--tariff", action="store_true", help="the schema of a tariff file instead")
    which.add_argument(
        "--output",
        choices=tuple(OUTPUTS),
        help="the schema of the JSON a command writes (--format json)",
    )
    return parser


def _tariff(args: argparse.Namespace) -> Tariff:
    """The tariff of ``--tariff FILE``, or the terms of 2024-06-02."""
    return Tariff.from_toml(args.tariff) if args.tariff else DEFAULT_TARIFF


def _price(request: QuoteRequest, args: argparse.Namespace) -> str:
    result = quote(
        request.intervention,
        request.client,
        tariff=_tariff(args),
        included_hours_available=args.included_hours,
    )
    return _emit(
        args,
        {
            "json": lambda: to_json(result, indent=2),
            "text": lambda: quote_text(result, args.lang),
            "csv": lambda: lines_csv([result], args.lang),
            "table": lambda: quote_table(result, args.lang),
        },
    )


def _compare(request: QuoteRequest, args: argparse.Namespace) -> str:
    result = compare_modes(
        request.intervention,
        request.client,
        tariff=_tariff(args),
        included_hours_available=args.included_hours,
    )
    return _emit(
        args,
        {
            "json": lambda: to_json(result, indent=2),
            "text": lambda: comparison_text(result, args.lang),
        },
    )


def _emit(args: argparse.Namespace, formats: dict[str, Callable[[], str]]) -> str:
    """The document in ``--format``, printed, or written to ``--output`` (then nothing)."""
    text = formats[args.format]()
    if getattr(args, "output", None):
        _save(args.output, (text + "\n").encode("utf-8"))
        return ""
    return text


def _statement(args: argparse.Namespace) -> str:
    request = load_statement_document(args.file, timezone=_tariff(args).timezone)
    year, month = args.month
    result = monthly_statement(
        request.client, request.interventions, year, month, tariff=_tariff(args)
    )
    return _emit(
        args,
        {
            "json": lambda: to_json(result, indent=2),
            "text": lambda: statement_text(result, args.lang),
            "csv": lambda: lines_csv(result.quotes, args.lang),
            "table": lambda: statement_table(result, args.lang),
        },
    )


def _calendar(args: argparse.Namespace) -> str:
    tariff = _tariff(args)
    return calendar_text(
        tariff, calendar_for(tariff, subdivision=args.subdiv), args.year, args.lang
    )


def _late(args: argparse.Namespace) -> str:
    added = read_ecb_rates(args.ecb_rates) if args.ecb_rates else {}
    rates = with_added_rates(with_added_rates(ECB_RATES, added), args.ecb_rate)
    late = late_payment(args.amount, args.due, args.paid, rates=rates)
    return to_json(late, indent=2) if args.format == "json" else late_payment_text(late, args.lang)


def _schema(args: argparse.Namespace) -> str:
    if args.tariff:
        schema = tariff_schema()
    elif args.output:
        schema = json_schema(OUTPUTS[args.output])
        schema["title"] = f"ouitec-terms {OUTPUTS[args.output].__name__}"
    else:
        schema = document_schema(StatementRequest if args.statement else QuoteRequest)
    return json.dumps(schema, indent=2, ensure_ascii=False)


def _invoice(args: argparse.Namespace) -> str:
    credit = (args.credit_note_of, args.corrected_issued, args.reason)
    if any(value is not None for value in credit) and None in credit:
        raise InvoiceError(
            "a credit note needs --credit-note-of NUMBER, --corrected-issued YYYY-MM-DD and "
            "--reason TEXT together"
        )
    seller = Seller.from_toml(args.seller)
    if args.month is not None:
        request = load_statement_document(args.file, timezone=_tariff(args).timezone)
        client = request.client
        year, month = args.month
        source: Quote | Statement = monthly_statement(
            client, request.interventions, year, month, tariff=_tariff(args)
        )
    else:
        document = load_document(args.file, timezone=_tariff(args).timezone)
        client = document.client
        source = quote(document.intervention, client, tariff=_tariff(args))
    if args.credit_note_of is None:
        result = make_invoice(
            source, seller=seller, client=client, number=args.number, issued=args.issued,
            received=args.received,
        )  # fmt: skip
    else:
        corrected = make_invoice(
            source, seller=seller, client=client, number=args.credit_note_of,
            issued=args.corrected_issued, received=args.received,
        )  # fmt: skip
        result = make_credit_note(
            corrected, number=args.number, issued=args.issued, reason=args.reason
        )
    return _write_invoice(result, args)


def _write_invoice(invoice: Invoice, args: argparse.Namespace) -> str:
    if args.format in ("xml", "pdf"):
        try:
            from ouitec_terms import einvoice  # noqa: PLC0415 - the einvoice extra
        except ImportError:
            raise InvoiceError(
                f"--format {args.format} needs the einvoice extra: "
                "pip install 'ouitec-terms[einvoice]'"
            ) from None
        if args.format == "pdf" and not args.output:
            raise InvoiceError("--format pdf writes a file: give -o invoice.pdf")
        data = (
            einvoice.to_cii_xml(invoice)
            if args.format == "xml"
            else einvoice.to_facturx_pdf(invoice, lang=args.lang)
        )
        if not args.output:
            return data.decode("utf-8")
        _save(args.output, data)
        return ""
    text = {
        "text": lambda: invoice_text(invoice, args.lang),
        "html": lambda: invoice_html(invoice, args.lang),
        "json": lambda: to_json(invoice, indent=2),
    }[args.format]()
    if args.output:
        _save(args.output, text.encode("utf-8"))
        return ""
    return text


def _save(path: str, data: bytes) -> None:
    try:
        with open(path, "wb") as stream:
            stream.write(data)
    except OSError as error:
        raise InvoiceError(f"cannot write {path!r}: {error.strerror}; check the path") from None


_COMMANDS: dict[str, Callable[[argparse.Namespace], str]] = {
    "invoice": _invoice,
    "quote": lambda args: _price(load_document(args.file, timezone=_tariff(args).timezone), args),
    "demo": lambda args: _price(demo_request(args.lang), args),
    "compare": lambda args: _compare(
        load_document(args.file, timezone=_tariff(args).timezone), args
    ),
    "statement": _statement,
    "calendar": _calendar,
    "late": _late,
    "schema": _schema,
}


def run(argv: Sequence[str] | None = None) -> str:
    """Run the command line ``argv`` and return what it prints (errors raise)."""
    args = _parser().parse_args(argv)
    return _COMMANDS[args.command](args)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``ouitec-terms``: print the result, or one line of error and exit 2.

    Output piped into a command that stops reading early (``| head``) ends quietly.
    """
    try:
        output = run(argv)
    except ValidationError as error:
        print(f"ouitec-terms: {describe_validation_error(error, 'input')}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OuitecTermsError as error:
        print(f"ouitec-terms: {one_line(str(error))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not output:  # written to a file (-o)
        return 0
    try:
        print(output, flush=True)
    except BrokenPipeError:
        # the reader has gone: send what is left to /dev/null so the exit does not complain
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
