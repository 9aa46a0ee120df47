"""The grammar of ``ouitec-terms book …``: the invoice book's subcommands and their options
(issue 20). ``--book PATH`` is accepted right after ``book`` and after the subcommand."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from . import arguments as types
from .options import (
    add_subcommand,
    format_option,
    invoice_options,
    language_option,
    rates_options,
    tariff_option,
)

__all__ = ["BOOK_COMMANDS", "add_book"]


def _book_option(sub: argparse.ArgumentParser, default: object) -> None:
    sub.add_argument(
        "--book",
        metavar="PATH",
        default=default,
        help="the book's file (default: $OUITEC_BOOK, else ./ouitec-book.sqlite)",
    )


def _on(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--on",
        type=types.day,
        metavar="YYYY-MM-DD",
        help="ignore records after it (default: today)",
    )


def _verify(sub: argparse.ArgumentParser) -> None:
    language_option(sub)


def _init(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--series",
        default="F-{year}-{n:04d}",
        help="invoice numbers' pattern (default: F-{year}-{n:04d})",
    )
    sub.add_argument(
        "--credit-series",
        default="AV-{year}-{n:04d}",
        help="credit notes' pattern (default: AV-{year}-{n:04d})",
    )
    sub.add_argument(
        "--vat-on-debits",
        action="store_true",
        help="the seller opted for VAT on debits (default: on receipts, CGI 269-2-c)",
    )
    language_option(sub)


def _invoice(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "file", metavar="DOC", help="a quote document, a statement's with --month, or the JSON "
        "of `ouitec-terms import … --format json` (with --clients)",
    )  # fmt: skip
    invoice_options(sub)
    sub.add_argument(
        "--clients",
        metavar="CLIENTS.toml",
        help="the clients of an import's JSON (default: none; needed for one)",
    )
    tariff_option(sub)
    sub.add_argument(
        "-o", "--output", metavar="FILE", help="also write the invoice's PDF there (default: none)"
    )
    language_option(sub)


def _credit_note(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("number", metavar="NUMBER", help="the invoice to credit")
    sub.add_argument(
        "--issued",
        type=types.day,
        required=True,
        metavar="YYYY-MM-DD",
        help="the credit note's date (required)",
    )
    sub.add_argument(
        "--reason", required=True, metavar="TEXT", help="why it is credited (required)"
    )
    sub.add_argument(
        "--amount", type=types.amount, metavar="X", help="TTC (default: all that is left)"
    )
    sub.add_argument(
        "-o", "--output", metavar="FILE", help="also write its PDF there (default: none)"
    )
    language_option(sub)


def _pay(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("number", metavar="NUMBER", help="the invoice paid")
    sub.add_argument(
        "--amount", type=types.signed_amount, required=True, metavar="X",
        help="TTC received, e.g. 691.44; negative: a refund (required)",
    )  # fmt: skip
    sub.add_argument(
        "--on",
        type=types.day,
        required=True,
        metavar="YYYY-MM-DD",
        help="when it was received (required)",
    )
    sub.add_argument(
        "--method", default="virement", help="how it was paid (default: virement, Art. 4)"
    )
    sub.add_argument(
        "--reference", default="", metavar="R", help="the bank's reference (default: none)"
    )


def _balance(sub: argparse.ArgumentParser) -> None:
    _on(sub)
    sub.add_argument(
        "--client",
        metavar="NAME",
        help="one client's invoices, by name or SIREN (default: every client)",
    )
    format_option(sub, ("text", "json", "csv"))
    rates_options(sub)
    language_option(sub)


def _reminder(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("number", metavar="NUMBER", help="the overdue invoice")
    sub.add_argument(
        "--seller", metavar="SELLER.toml", help="the [seller] file (default: the invoice's seller)"
    )
    _on(sub)
    sub.add_argument(
        "--formal-after", type=int, default=30, metavar="DAYS",
        help="days late after which it is a formal notice (default: 30)",
    )  # fmt: skip
    format_option(sub, ("text", "html", "pdf"))
    sub.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write it there, needed for pdf (default: on screen)",
    )
    rates_options(sub)
    language_option(sub)


def _status(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("number", metavar="NUMBER", help="the invoice paid")
    sub.add_argument(
        "--payment",
        type=int,
        required=True,
        metavar="ID",
        help="the id `book pay` printed (required)",
    )
    format_option(sub, ("xml",))
    sub.add_argument(
        "--on", type=types.day, metavar="YYYY-MM-DD",
        help="the message's date, at midnight UTC (default: now)",
    )  # fmt: skip
    sub.add_argument("-o", "--output", metavar="FILE", help="write it there (default: on screen)")


def _penalties(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("number", metavar="NUMBER", help="the late invoice")
    _on(sub)
    rates_options(sub)


def _vat(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--month",
        type=types.month,
        required=True,
        metavar="YYYY-MM",
        help="e.g. 2025-04 (required)",
    )
    format_option(sub, ("text", "json"))
    language_option(sub)


def _cap(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("client", metavar="CLIENT", help="the client's name or SIREN")
    _on(sub)
    format_option(sub, ("text", "json"))
    language_option(sub)


def _fec(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--year", type=int, required=True, metavar="YYYY", help="the fiscal year (required)"
    )
    sub.add_argument(
        "--closing", type=types.day, metavar="YYYY-MM-DD",
        help="its closing date (default: 31 December of --year)",
    )  # fmt: skip
    sub.add_argument(
        "--siren", metavar="SIREN", help="the seller's SIREN (default: the invoices' seller's)"
    )
    sub.add_argument(
        "--accounts",
        metavar="FILE",
        help="accounts.toml over the default chart (default: the chart of D94)",
    )
    sub.add_argument(
        "--separator",
        choices=("tab", "pipe"),
        default="tab",
        help="between fields (default: tab)",
    )
    sub.add_argument(
        "--encoding", choices=("iso-8859-15", "utf-8"), default="iso-8859-15",
        help="of the file (default: iso-8859-15)",
    )  # fmt: skip
    sub.add_argument(
        "-o", "--output", required=True, metavar="DIR", help="the folder to write to (required)"
    )
    language_option(sub)


def _export(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("folder", metavar="DIR", help="where to write the documents and SHA256SUMS")
    language_option(sub)


_DOCUMENTS = frozenset(
    {
        "init",
        "invoice",
        "credit-note",
        "balance",
        "reminder",
        "vat",
        "cap",
        "verify",
        "export",
        "fec",
    }
)
"""The book's subcommands that print for people (French unless ``--lang en``)."""


BOOK_COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "init": ("create the book, with its numbering", _init),
    "invoice": ("number, store and print an invoice", _invoice),
    "credit-note": ("credit an invoice", _credit_note),
    "pay": ("record a payment (or a refund)", _pay),
    "balance": ("every invoice's balance, interest and indemnity (Art. 4)", _balance),
    "reminder": ("a reminder, or a formal notice, for an overdue invoice", _reminder),
    "status": ('the lifecycle status "Encaissée" (212) of a payment, as CDAR XML', _status),
    "penalties": (
        "bill the late-payment interest and indemnity (Art. 4) of an invoice",
        _penalties,
    ),
    "vat": ("the VAT due for a month (on receipts or debits)", _vat),
    "cap": ("the liability cap of Art. 10: what a client actually paid", _cap),
    "verify": ("check the book's integrity, hash chain and numbering", _verify),
    "export": ("write every document and a manifest of their hashes", _export),
    "fec": ("the year's entries as an FEC file (LPF art. A47 A-1) for the accountant", _fec),
}
"""Each subcommand of ``book``: its help line and the function that adds its options."""


def add_book(sub: argparse.ArgumentParser) -> None:
    """The options of ``book`` and of each of its subcommands."""
    _book_option(sub, None)
    commands = sub.add_subparsers(dest="book_command", required=True, metavar="SUBCOMMAND")
    for name, (summary, options) in BOOK_COMMANDS.items():
        command = add_subcommand(
            commands, name, summary, examples=f"book {name}", documents=name in _DOCUMENTS
        )
        _book_option(command, argparse.SUPPRESS)
        options(command)
