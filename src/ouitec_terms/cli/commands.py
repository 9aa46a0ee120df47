"""The subcommands of ``ouitec-terms``, each a function of the parsed arguments that returns what
to print (or writes ``-o FILE`` and returns nothing). Imported once the arguments are checked,
so that ``--version`` and argument errors cost no heavy import (issue 18)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from pydantic import ValidationError

from ouitec_terms.assembly.quote import quote
from ouitec_terms.boundary.documents import QuoteRequest, load_document
from ouitec_terms.boundary.echo import one_line
from ouitec_terms.boundary.jsonio import to_json
from ouitec_terms.boundary.reading import describe_validation_error
from ouitec_terms.errors import ArgumentError, OuitecTermsError, OutputError
from ouitec_terms.presentation.quotes import quote_table, quote_text
from ouitec_terms.presentation.spreadsheets import lines_csv

from .arguments import EXIT_BAD_INPUT, EXIT_OUTPUT_FAILED
from .demo import demo_request
from .files import STDIO, check_output, screen_width, write_output
from .shared import emit, tariff_of

__all__ = ["COMMANDS", "EXIT_INTERNAL", "check_inputs", "failure"]

EXIT_INTERNAL = 70
"""The exit status of a fault of the command itself (EX_SOFTWARE): one line asks to report it."""


def _outputs() -> dict[str, type]:
    """What ``schema --of`` names (the parser's choices), and the type whose JSON it describes."""
    from ouitec_terms.assembly.compare import ModeComparison  # noqa: PLC0415 - schema only
    from ouitec_terms.assembly.quote import Quote  # noqa: PLC0415
    from ouitec_terms.assembly.statement import Statement  # noqa: PLC0415
    from ouitec_terms.assembly.year import YearCalendar  # noqa: PLC0415
    from ouitec_terms.rules.payment import LatePayment  # noqa: PLC0415

    from .parser import OUTPUTS  # noqa: PLC0415

    kinds = (Quote, Statement, ModeComparison, LatePayment, YearCalendar)
    return dict(zip(OUTPUTS, kinds, strict=True))


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


def _price(request: QuoteRequest, args: argparse.Namespace) -> str:
    result = quote(
        request.intervention,
        request.client,
        tariff=tariff_of(args),
        included_hours_available=args.included_hours,
    )
    return emit(
        args,
        {
            "json": lambda: to_json(result, indent=2),
            "text": lambda: quote_text(result, args.lang),
            "csv": lambda: lines_csv([result], args.lang),
            "table": lambda: quote_table(result, args.lang, width=screen_width(args)),
        },
    )


def _compare(args: argparse.Namespace) -> str:
    from ouitec_terms.assembly.compare import compare_modes  # noqa: PLC0415 - when asked
    from ouitec_terms.presentation.comparisons import comparison_text  # noqa: PLC0415

    request = load_document(args.file, timezone=tariff_of(args).timezone)
    result = compare_modes(
        request.intervention,
        request.client,
        tariff=tariff_of(args),
        included_hours_available=args.included_hours,
    )
    return emit(
        args,
        {
            "json": lambda: to_json(result, indent=2),
            "text": lambda: comparison_text(result, args.lang),
        },
    )


def _statement(args: argparse.Namespace) -> str:
    from ouitec_terms.presentation.statements import (  # noqa: PLC0415 - when asked
        statement_table,
        statement_text,
    )

    from .progress import Progress  # noqa: PLC0415
    from .sources import month_statement  # noqa: PLC0415

    progress = Progress(args.lang)
    result, _ = month_statement(args, tariff_of(args), progress)
    progress.done()
    return emit(
        args,
        {
            "json": lambda: to_json(result, indent=2),
            "text": lambda: statement_text(result, args.lang),
            "csv": lambda: lines_csv(result.quotes, args.lang),
            "table": lambda: statement_table(result, args.lang, width=screen_width(args)),
        },
    )


def _calendar(args: argparse.Namespace) -> str:
    from ouitec_terms.assembly.year import year_calendar  # noqa: PLC0415 - when asked
    from ouitec_terms.presentation.calendars import calendar_text  # noqa: PLC0415
    from ouitec_terms.rules.calendar import calendar_for  # noqa: PLC0415

    tariff = tariff_of(args)
    days = calendar_for(tariff, subdivision=args.subdiv)
    return emit(
        args,
        {
            "json": lambda: to_json(year_calendar(tariff, days, args.year), indent=2),
            "text": lambda: calendar_text(tariff, days, args.year, args.lang),
        },
    )


def _late(args: argparse.Namespace) -> str:
    from ouitec_terms.presentation.late import late_payment_text  # noqa: PLC0415 - when asked
    from ouitec_terms.rules.payment import late_payment  # noqa: PLC0415

    from .rates import command_rates, with_known_rates  # noqa: PLC0415

    rates = command_rates(args)
    late = with_known_rates(lambda: late_payment(args.amount, args.due, args.paid, rates=rates))
    return emit(
        args,
        {
            "json": lambda: to_json(late, indent=2),
            "text": lambda: late_payment_text(late, args.lang),
        },
    )


def _import(args: argparse.Namespace) -> str:
    from .imports import import_command  # noqa: PLC0415 - the import's modules, when asked

    text = import_command(args, tariff_of(args))
    return emit(args, {args.format: lambda: text})


def _book(args: argparse.Namespace) -> str:
    from .book import book_command  # noqa: PLC0415 - the book's modules, when asked

    return book_command(args, lambda: tariff_of(args))


def _schema(args: argparse.Namespace) -> str:
    from ouitec_terms.boundary.documents import StatementRequest, document_schema  # noqa: PLC0415
    from ouitec_terms.boundary.jsonio import json_schema  # noqa: PLC0415
    from ouitec_terms.boundary.tariff import tariff_schema  # noqa: PLC0415

    outputs = _outputs()
    if args.tariff:
        schema = tariff_schema()
    elif args.of:
        schema = json_schema(outputs[args.of])
        schema["title"] = f"ouitec-terms {outputs[args.of].__name__}"
    else:
        schema = document_schema(StatementRequest if args.statement else QuoteRequest)
    text = json.dumps(schema, indent=2, ensure_ascii=False)
    if args.output:
        write_output(args.output, (text + "\n").encode("utf-8"))
        return ""
    return text


def _invoice(args: argparse.Namespace) -> str:
    from .invoicing import invoice_command  # noqa: PLC0415 - the invoice's modules, when asked

    return invoice_command(args, tariff_of(args))


def _ecb(args: argparse.Namespace) -> str:
    from .rates import ecb_command  # noqa: PLC0415 - the ECB rates' modules, when asked

    return ecb_command(args)


def _init(args: argparse.Namespace) -> str:
    from .starter import init_command  # noqa: PLC0415 - the starter files, when asked

    return init_command(args)


COMMANDS: dict[str, Callable[[argparse.Namespace], str]] = {
    "invoice": _invoice,
    "quote": lambda args: _price(load_document(args.file, timezone=tariff_of(args).timezone), args),
    "demo": lambda args: _price(demo_request(), args),
    "compare": _compare,
    "statement": _statement,
    "import": _import,
    "book": _book,
    "calendar": _calendar,
    "late": _late,
    "ecb": _ecb,
    "schema": _schema,
    "init": _init,
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
