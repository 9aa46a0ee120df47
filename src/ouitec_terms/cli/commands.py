"""The subcommands of ``ouitec-terms``, each a function of the parsed arguments that returns what
to print (or writes ``-o FILE`` and returns nothing). Imported once the arguments are checked,
so that ``--version`` and argument errors cost no heavy import (issue 18)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from pydantic import ValidationError

from ouitec_terms.assembly.compare import ModeComparison, compare_modes
from ouitec_terms.assembly.invoice import Invoice, make_credit_note, make_invoice
from ouitec_terms.assembly.quote import Quote, quote
from ouitec_terms.assembly.statement import Statement, monthly_statement
from ouitec_terms.assembly.year import YearCalendar, year_calendar
from ouitec_terms.boundary.documents import (
    QuoteRequest,
    StatementRequest,
    document_schema,
    load_document,
    load_statement_document,
)
from ouitec_terms.boundary.echo import one_line
from ouitec_terms.boundary.jsonio import json_schema, to_json
from ouitec_terms.boundary.parties import Seller
from ouitec_terms.boundary.reading import describe_validation_error
from ouitec_terms.boundary.tariff import DEFAULT_TARIFF, Tariff, tariff_schema
from ouitec_terms.errors import (
    ArgumentError,
    InvoiceError,
    OuitecTermsError,
    OutputError,
)
from ouitec_terms.presentation.calendars import calendar_text
from ouitec_terms.presentation.comparisons import comparison_text
from ouitec_terms.presentation.invoices import invoice_page, invoice_text
from ouitec_terms.presentation.late import late_payment_text
from ouitec_terms.presentation.quotes import quote_table, quote_text
from ouitec_terms.presentation.spreadsheets import lines_csv
from ouitec_terms.presentation.statements import statement_table, statement_text
from ouitec_terms.rules.calendar import calendar_for
from ouitec_terms.rules.payment import (
    LatePayment,
    late_payment,
)

from .arguments import EXIT_BAD_INPUT, EXIT_OUTPUT_FAILED
from .corrected import read_corrected
from .demo import demo_request
from .files import STDIO, check_output, screen_width, write_output
from .parser import OUTPUTS as OUTPUT_NAMES
from .progress import Progress
from .rates import command_rates, ecb_command, with_known_rates
from .starter import init_command

__all__ = ["COMMANDS", "EXIT_INTERNAL", "check_inputs", "failure"]

EXIT_INTERNAL = 70
"""The exit status of a fault of the command itself (EX_SOFTWARE): one line asks to report it."""

OUTPUTS: dict[str, type] = dict(
    zip(OUTPUT_NAMES, (Quote, Statement, ModeComparison, LatePayment, YearCalendar), strict=True)
)
"""What ``schema --of`` names (the parser's choices), and the type whose JSON it describes."""

_INPUTS = ("file", "tariff", "seller", "ecb_rates", "corrected", "clients", "map", "book")
"""The options that name a file the command reads."""


def check_inputs(args: argparse.Namespace) -> None:
    """Refuse an empty path and standard input named twice, before any work (D73)."""
    given = [
        (name, value) for name in _INPUTS if isinstance(value := getattr(args, name, None), str)
    ]
    for name, value in given:
        if value == "":
            option = "FILE" if name == "file" else "--" + name.replace("_", "-")
            raise ArgumentError(f"{option}: an empty path; give a file, or - for standard input")
    if sum(value == STDIO for _, value in given) > 1:
        raise ArgumentError("standard input (-) can be read once: give all inputs but one as files")
    output = getattr(args, "output", None)
    if isinstance(output, str):
        keep = args.command == "invoice" and getattr(args, "format", None) in ("xml", "pdf")
        check_output(
            output,
            inputs=[value for _, value in given],
            force=getattr(args, "force", False),
            keep=keep,
        )


def _tariff(args: argparse.Namespace) -> Tariff:
    """The tariff of ``--tariff FILE``, read once per run, or the terms of 2024-06-02."""
    loaded: Tariff | None = getattr(args, "loaded_tariff", None)
    if loaded is None:
        path = getattr(args, "tariff", None)
        loaded = Tariff.from_toml(path) if isinstance(path, str) else DEFAULT_TARIFF
        args.loaded_tariff = loaded
    return loaded


def _emit(args: argparse.Namespace, formats: dict[str, Callable[[], str]]) -> str:
    """The document in ``--format``, printed, or written to ``--output`` (then nothing)."""
    text = formats[args.format]()
    if getattr(args, "output", None):
        write_output(args.output, (text + "\n").encode("utf-8"))
        return ""
    return text


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
            "table": lambda: quote_table(result, args.lang, width=screen_width(args)),
        },
    )


def _compare(args: argparse.Namespace) -> str:
    request = load_document(args.file, timezone=_tariff(args).timezone)
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


def _statement(args: argparse.Namespace) -> str:
    request = load_statement_document(args.file, timezone=_tariff(args).timezone)
    year, month = args.month
    progress = Progress(args.lang)
    progress.of("progress.pricing", len(request.interventions))
    result = monthly_statement(
        request.client, request.interventions, year, month, tariff=_tariff(args),
        included_hours=request.included_hours,
    )  # fmt: skip
    progress.done()
    return _emit(
        args,
        {
            "json": lambda: to_json(result, indent=2),
            "text": lambda: statement_text(result, args.lang),
            "csv": lambda: lines_csv(result.quotes, args.lang),
            "table": lambda: statement_table(result, args.lang, width=screen_width(args)),
        },
    )


def _calendar(args: argparse.Namespace) -> str:
    tariff = _tariff(args)
    days = calendar_for(tariff, subdivision=args.subdiv)
    return _emit(
        args,
        {
            "json": lambda: to_json(year_calendar(tariff, days, args.year), indent=2),
            "text": lambda: calendar_text(tariff, days, args.year, args.lang),
        },
    )


def _late(args: argparse.Namespace) -> str:
    rates = command_rates(args)
    late = with_known_rates(lambda: late_payment(args.amount, args.due, args.paid, rates=rates))
    return _emit(
        args,
        {
            "json": lambda: to_json(late, indent=2),
            "text": lambda: late_payment_text(late, args.lang),
        },
    )


def _import(args: argparse.Namespace) -> str:
    from .imports import import_command  # noqa: PLC0415 - the import's modules, when asked

    text = import_command(args, _tariff(args))
    return _emit(args, {args.format: lambda: text})


def _book(args: argparse.Namespace) -> str:
    from .book import book_command  # noqa: PLC0415 - the book's modules, when asked

    return book_command(args, lambda: _tariff(args))


def _schema(args: argparse.Namespace) -> str:
    if args.tariff:
        schema = tariff_schema()
    elif args.of:
        schema = json_schema(OUTPUTS[args.of])
        schema["title"] = f"ouitec-terms {OUTPUTS[args.of].__name__}"
    else:
        schema = document_schema(StatementRequest if args.statement else QuoteRequest)
    text = json.dumps(schema, indent=2, ensure_ascii=False)
    if args.output:
        write_output(args.output, (text + "\n").encode("utf-8"))
        return ""
    return text


def _invoice(args: argparse.Namespace) -> str:
    credit = args.credit_note_of is not None or args.reason is not None
    if args.format == "pdf" and not args.output:
        raise InvoiceError("--format pdf writes a file: give -o invoice.pdf")
    corrected = read_corrected(args.corrected) if args.corrected else None
    number_of, issued_of = args.credit_note_of, args.corrected_issued
    total_of = args.corrected_total
    if corrected is not None:
        for option, given, found in (
            ("--credit-note-of", number_of, corrected.number),
            ("--corrected-issued", issued_of, corrected.issued),
            ("--corrected-total", total_of, corrected.total_ttc),
        ):
            if given is not None and given != found:
                raise InvoiceError(f"{option} {given} is not the --corrected invoice's ({found})")
        number_of, issued_of, total_of = corrected.number, corrected.issued, corrected.total_ttc
    if (credit or corrected is not None) and (
        None in (number_of, issued_of, args.reason) or total_of is None
    ):
        raise InvoiceError(
            "a credit note needs --credit-note-of NUMBER, --corrected-issued YYYY-MM-DD, "
            "--corrected-total AMOUNT (or --corrected FILE for these three) and --reason TEXT"
        )
    seller = Seller.from_toml(args.seller)
    tariff = _tariff(args)
    if args.month is not None:
        request = load_statement_document(args.file, timezone=tariff.timezone)
        client = request.client
        year, month = args.month
        source: Quote | Statement = monthly_statement(
            client, request.interventions, year, month, tariff=tariff,
            included_hours=request.included_hours,
        )  # fmt: skip
    else:
        document = load_document(args.file, timezone=tariff.timezone)
        client = document.client
        source = quote(document.intervention, client, tariff=tariff)
    references = {"purchase_order": args.po, "buyer_reference": args.buyer_reference}
    if number_of is None:
        result = make_invoice(
            source, seller=seller, client=client, number=args.number, issued=args.issued,
            received=args.received, **references,
        )  # fmt: skip
    else:
        assert issued_of is not None
        invoiced = make_invoice(
            source, seller=seller, client=client, number=number_of, issued=issued_of,
            received=args.received, **references,
        )  # fmt: skip
        result = make_credit_note(
            invoiced, number=args.number, issued=args.issued, reason=args.reason,
            corrected_total=total_of,
        )  # fmt: skip
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
        progress = Progress(args.lang)
        progress.of("progress.drawing", sum(len(q.lines) for q in invoice.quotes))
        data = (
            einvoice.to_cii_xml(invoice)
            if args.format == "xml"
            else einvoice.to_facturx_pdf(invoice, lang=args.lang)
        )
        progress.done()
        if not args.output:
            return data.decode("utf-8")
        write_output(args.output, data)
        return ""
    return _emit(
        args,
        {
            "text": lambda: invoice_text(invoice, args.lang),
            "html": lambda: invoice_page(invoice, args.lang),
            "json": lambda: to_json(invoice, indent=2),
        },
    )


COMMANDS: dict[str, Callable[[argparse.Namespace], str]] = {
    "invoice": _invoice,
    "quote": lambda args: _price(load_document(args.file, timezone=_tariff(args).timezone), args),
    "demo": lambda args: _price(demo_request(), args),
    "compare": _compare,
    "statement": _statement,
    "import": _import,
    "book": _book,
    "calendar": _calendar,
    "late": _late,
    "ecb": ecb_command,
    "schema": _schema,
    "init": init_command,
}


def failure(error: Exception) -> tuple[int, str]:
    """The exit status and the one line of ``error``."""
    if isinstance(error, ValidationError):
        return EXIT_BAD_INPUT, describe_validation_error(error, "input")
    if isinstance(error, OutputError):
        return EXIT_OUTPUT_FAILED, str(error)
    if isinstance(error, OuitecTermsError):
        return EXIT_BAD_INPUT, str(error)
    if isinstance(error, OSError):  # an I/O failure of a library underneath (a full temp folder)
        reason = error.strerror or type(error).__name__
        return EXIT_OUTPUT_FAILED, f"an I/O operation failed: {reason}; nothing was written"
    problem = f"{type(error).__name__}: {one_line(str(error))[:100]}"
    return EXIT_INTERNAL, f"internal error ({problem}); please report it"
