"""The options and the subcommand frame that ``ouitec-terms`` and ``ouitec-terms book`` share,
written once: the language, the format, ``-o``, the tariff, the ECB rates, an invoice's
options, and a subcommand's help with its examples."""

from __future__ import annotations

import argparse

from ouitec_terms.presentation.languages import LANGUAGES

from . import arguments as types
from .examples import epilog

__all__ = [
    "add_subcommand",
    "format_option",
    "invoice_options",
    "language_option",
    "output_option",
    "rates_options",
    "tariff_option",
]

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a quicker --version)
if TYPE_CHECKING:
    from typing import Any, Protocol

    class _Subcommands(Protocol):
        """What ``ArgumentParser.add_subparsers()`` returns, as far as a subcommand is added."""

        def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser: ...


_ISSUED = "the invoice's date, e.g. 2025-03-17 (required)"


def add_subcommand(
    commands: _Subcommands,
    name: str,
    summary: str,
    *,
    examples: str,
    documents: bool,
) -> argparse.ArgumentParser:
    """The subcommand ``name``: its help line, a description, and a help that ends with the
    examples of ``examples`` (the key of ``EXAMPLES``) and, if it prints ``documents`` for
    people, says they are French unless ``--lang en``."""
    return commands.add_parser(
        name,
        help=summary,
        description=summary[0].upper() + summary[1:] + ".",
        epilog=epilog(examples, documents=documents),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def language_option(sub: argparse.ArgumentParser) -> None:
    """``--lang fr|en``, French by default."""
    sub.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=LANGUAGES[0],
        help="language of what is printed (default: fr); JSON does not change with it",
    )


def format_option(sub: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    """``--format``, the first of ``formats`` by default."""
    sub.add_argument(
        "--format", choices=formats, default=formats[0], help=f"(default: {formats[0]})"
    )


def output_option(sub: argparse.ArgumentParser, what: str = "write the document there") -> None:
    """``-o FILE`` (``-`` is standard output)."""
    sub.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=f"{what}, - for standard output (default: on screen)",
    )


def tariff_option(sub: argparse.ArgumentParser) -> None:
    """``--tariff FILE``."""
    sub.add_argument(
        "--tariff",
        metavar="FILE",
        help="a tariff TOML file, - for stdin (default: the tariff of the terms of 2024-06-02)",
    )


def rates_options(sub: argparse.ArgumentParser) -> None:
    """``--ecb-rate YYYY-HN=R`` (repeatable) and ``--ecb-rates FILE``: ECB rates for this
    command only, over the table and those added with ``ecb set``."""
    sub.add_argument(
        "--ecb-rate",
        type=types.rate_assignment,
        action="append",
        default=[],
        metavar="YYYY-HN=R",
        help="add the ECB rate (percent) of a half-year the table lacks, e.g. 2026-H2=2.15; "
        "repeatable (default: the table and `ecb set`)",
    )
    sub.add_argument(
        "--ecb-rates",
        metavar="FILE",
        help='add half-years from a TOML file of lines "2026-H2" = "2.15" (default: none)',
    )


def invoice_options(sub: argparse.ArgumentParser) -> None:
    """The options an invoice takes, with ``invoice`` and with ``book invoice``: the seller,
    the dates, the month of a statement document, the client's references."""
    sub.add_argument(
        "--seller", required=True, metavar="SELLER.toml", help="the [seller] file (required)"
    )
    sub.add_argument("--issued", type=types.day, required=True, metavar="YYYY-MM-DD", help=_ISSUED)
    sub.add_argument(
        "--received", type=types.day, metavar="YYYY-MM-DD", help="reception (default: --issued)"
    )
    sub.add_argument(
        "--month",
        type=types.month,
        metavar="YYYY-MM",
        help="invoice a statement document's month (default: the document is a quote's)",
    )
    sub.add_argument(
        "--po",
        type=types.reference,
        metavar="REF",
        help="the client's purchase order, BT-13 (default: none)",
    )
    sub.add_argument(
        "--buyer-reference",
        type=types.reference,
        metavar="REF",
        help="the reference the client asks invoices to carry, e.g. a service code, BT-10 "
        "(default: none)",
    )
