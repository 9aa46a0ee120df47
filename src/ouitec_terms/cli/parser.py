"""The command line's grammar: every subcommand, its options and their types."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

from ouitec_terms import __version__

from . import arguments as types
from .options import (
    add_subcommand,
    format_option,
    invoice_options,
    language_option,
    output_option,
    rates_options,
    tariff_option,
)

__all__ = ["OUTPUTS", "SUBCOMMANDS", "parser"]

OUTPUTS = ("quote", "statement", "comparison", "late", "calendar")
"""What ``schema --of`` names: the outputs whose JSON it describes."""


_MONTH = "the month, e.g. 2025-06 (required)"


def _common(sub: argparse.ArgumentParser, formats: tuple[str, ...] = ()) -> None:
    language_option(sub)
    if formats:
        format_option(sub, formats)


def _quote_options(sub: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    tariff_option(sub)
    _common(sub, formats)
    output_option(sub)
    sub.add_argument(
        "--included-hours",
        type=types.included_hours,
        default="0",  # converted by its type, like a given value
        metavar="H",
        help="contract hours still available this month, in hours, e.g. 1.5 for 1 h 30; a whole "
        "number of minutes (default: 0)",
    )


def _quote(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "file", metavar="FILE", help="document with [client] and [intervention] (- : stdin)"
    )
    _quote_options(sub, ("table", "text", "json", "csv"))


def _demo(sub: argparse.ArgumentParser) -> None:
    _quote_options(sub, ("table", "text", "json", "csv"))


def _calendar(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("year", type=int, metavar="YEAR", help="the calendar year, e.g. 2025")
    sub.add_argument(
        "--subdiv",
        metavar="CODE",
        help="holiday subdivision, e.g. 57, 6AE, 974 (default: the tariff's, else national)",
    )
    tariff_option(sub)
    _common(sub, ("text", "json"))
    output_option(sub)


def _compare(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "file", metavar="FILE", help="document with [client] and [intervention] (- : stdin)"
    )
    _quote_options(sub, ("text", "json"))


def _statement(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "file", metavar="FILE", help="document with [client] and [[interventions]] (- : stdin)"
    )
    sub.add_argument("--month", type=types.month, required=True, metavar="YYYY-MM", help=_MONTH)
    tariff_option(sub)
    _common(sub, ("table", "text", "json", "csv"))
    output_option(sub)


def _import(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("file", metavar="EXPORT", help="the time entries: a CSV, or JSON (- : stdin)")
    sub.add_argument(
        "--clients",
        required=True,
        metavar="CLIENTS.toml",
        help="the [[client]] tables: each client, its aliases, distance_km, included_hours "
        "(required)",
    )
    sub.add_argument("--month", type=types.month, required=True, metavar="YYYY-MM", help=_MONTH)
    sub.add_argument(
        "--from",
        dest="source",
        choices=("generic", "glpi", "kimai"),
        default="generic",
        help="the export's source (default: generic, a CSV or a .json array of entries)",
    )
    sub.add_argument(
        "--map",
        metavar="MAP.toml",
        help="columns, delimiter, encoding, words over the preset (default: the preset's)",
    )
    sub.add_argument(
        "--write-documents",
        metavar="DIR",
        help="also write one statement document per client there, JSON (default: none)",
    )
    sub.add_argument(
        "--force",
        action="store_true",
        help="replace documents of --write-documents that exist (default: refuse)",
    )
    tariff_option(sub)
    _common(sub, ("text", "json", "csv"))
    output_option(sub)


def _book(sub: argparse.ArgumentParser) -> None:
    from .book_parser import add_book  # noqa: PLC0415 - the book's grammar, when named

    add_book(sub)


def _late(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "amount", type=types.amount, metavar="AMOUNT", help="invoice amount TTC, e.g. 1200.00"
    )
    sub.add_argument(
        "--due",
        type=types.day,
        required=True,
        metavar="YYYY-MM-DD",
        help="the day payment was due; interest runs from the next day (required)",
    )
    sub.add_argument(
        "--paid",
        type=types.day,
        required=True,
        metavar="YYYY-MM-DD",
        help="the day it was paid, or the day to compute to (required)",
    )
    rates_options(sub)
    _common(sub, ("text", "json"))
    output_option(sub)


def _ecb(sub: argparse.ArgumentParser) -> None:
    commands = sub.add_subparsers(dest="ecb_command", required=True, metavar="SUBCOMMAND")
    for name, summary in (
        ("set", "add a half-year's rate for every later command"),
        ("list", "every half-year known, built in or added"),
    ):
        command = add_subcommand(commands, name, summary, examples=f"ecb {name}", documents=True)
        if name == "set":
            command.add_argument("half", metavar="YYYY-HN", help="the half-year, e.g. 2026-H2")
            command.add_argument(
                "rate",
                metavar="R",
                help="the rate in force on its first day, in percent, e.g. 2.15",
            )
        _common(command)


def _schema(sub: argparse.ArgumentParser) -> None:
    which = sub.add_mutually_exclusive_group()
    which.add_argument(
        "--statement", action="store_true", help="the schema of a statement document instead"
    )
    which.add_argument("--tariff", action="store_true", help="the schema of a tariff file instead")
    which.add_argument(
        "--of",
        choices=OUTPUTS,
        help="the schema of the JSON a command writes with --format json, e.g. --of quote "
        "(default: the schema of a quote document)",
    )
    output_option(sub)


def _invoice(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "file", metavar="DOC", help="a quote document, or a statement's with --month (- : stdin)"
    )
    sub.add_argument(
        "--number",
        required=True,
        metavar="N",
        help="the invoice's number, e.g. F-2025-0001 (required)",
    )
    invoice_options(sub)
    sub.add_argument(
        "--credit-note-of",
        metavar="NUMBER",
        help="make the credit note of that invoice (default: an invoice)",
    )
    sub.add_argument(
        "--corrected-issued",
        type=types.day,
        metavar="YYYY-MM-DD",
        help="its issue date (default: from --corrected)",
    )
    sub.add_argument(
        "--corrected-total",
        type=types.amount,
        metavar="AMOUNT",
        help="its total TTC as issued, e.g. 691.44; a credit note never credits more "
        "(default: from --corrected)",
    )
    sub.add_argument(
        "--corrected",
        metavar="FILE",
        help="its JSON (--format json) or XML: its number, date and total (default: none)",
    )
    sub.add_argument(
        "--reason", metavar="TEXT", help="why it is credited (required for a credit note)"
    )
    tariff_option(sub)
    _common(sub, ("text", "html", "json", "xml", "pdf"))
    output_option(sub, "write there (needed for pdf)")
    sub.add_argument(
        "--force",
        action="store_true",
        help="replace an existing PDF or XML file of -o (default: refuse)",
    )


def _init(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "folder",
        metavar="DIR",
        nargs="?",
        default=".",
        help="where to write them, created if needed (default: the current folder)",
    )
    sub.add_argument(
        "--force", action="store_true", help="replace starter files that exist (default: refuse)"
    )
    _common(sub)


SUBCOMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "init": ("write starter documents to try every command with", _init),
    "quote": ("price a TOML or JSON document", _quote),
    "demo": ("price the built-in scenario", _demo),
    "calendar": ("holidays and business window of a year", _calendar),
    "compare": ("which billing mode is cheapest for a document", _compare),
    "statement": ("price a month of interventions for one client", _statement),
    "import": ("price a month of time entries (CSV, GLPI, Kimai) per client", _import),
    "late": ("late-payment interest and indemnity (Art. 4)", _late),
    "ecb": ("the ECB rates of late-payment interest: add a half-year once (ecb set)", _ecb),
    "invoice": ("a French invoice or credit note of a document, as text, XML or PDF", _invoice),
    "book": ("the invoice book: number, store, pay, balance, remind, VAT, export", _book),
    "schema": ("JSON Schema of an input document or of an output", _schema),
}
"""Each subcommand: its help line and the function that adds its options."""

_DOCUMENTS = frozenset(SUBCOMMANDS) - {"schema"}
"""The subcommands that print for people (French unless ``--lang en``); ``schema`` prints JSON."""


def parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser of ``ouitec-terms``. Given the command line, it adds the options of the one
    subcommand it names (the others keep their name and help line): building them all would
    cost as much as the rest of a ``--version`` (issue 18)."""
    named = next((word for word in argv or () if not word.startswith("-")), None)
    main = types.Parser(
        prog="ouitec-terms",
        description="Price interventions by OUiTEC's general terms of sale (CGV 2024-06-02).",
    )
    main.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (summary, options) in SUBCOMMANDS.items():
        sub = add_subcommand(commands, name, summary, examples=name, documents=name in _DOCUMENTS)
        if argv is None or name == named:
            options(sub)
    return main
