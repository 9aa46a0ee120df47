"""The ``ouitec-terms`` command: price a document, show the demo, the calendar, the schema.

Bad input (missing file, invalid TOML or JSON, unknown field, naive datetime, float money…)
prints one clear message and exits with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from . import __version__
from .calendar import calendar_for
from .compare import compare_modes
from .documents import (
    QuoteRequest,
    StatementRequest,
    describe_validation_error,
    document_schema,
    load_document,
    load_statement_document,
)
from .errors import OuitecTermsError
from .models import Channel, Client, Intervention, TravelLeg, WorkPeriod
from .money import to_decimal
from .payment import ECB_RATES, late_payment
from .quote import Quote, quote
from .render import quote_table
from .statement import monthly_statement
from .tariff import DEFAULT_TARIFF, Tariff

__all__ = ["demo_request", "main"]

EXIT_BAD_INPUT = 2


def demo_request() -> QuoteRequest:
    """The built-in scenario: a Friday evening outage for a client without contract.

    The technician drives 32 km from Charly at 17:30, works on site from 18:10 to 21:35 (the
    business window closes at 19:00) and drives back until 22:15.
    """
    paris = ZoneInfo("Europe/Paris")

    def at(hour: int, minute: int) -> datetime:
        return datetime(2025, 3, 14, hour, minute, tzinfo=paris)

    return QuoteRequest(
        client=Client(name="Boulangerie Martin (no contract)"),
        intervention=Intervention(
            reference="DEMO-2025-0314",
            channel=Channel.PHONE,
            confirmed_in_writing=True,
            work=(WorkPeriod(start=at(18, 10), end=at(21, 35), label="Firewall outage on site"),),
            travel=(
                TravelLeg(start=at(17, 30), end=at(18, 10), distance_km=Decimal(32), label="Out"),
                TravelLeg(start=at(21, 35), end=at(22, 15), distance_km=Decimal(32), label="Back"),
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


def _month(text: str) -> tuple[int, int]:
    try:
        year, month = (int(part) for part in text.split("-"))
        date(year, month, 1)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a month; write it as YYYY-MM, e.g. 2025-06"
        ) from None
    return year, month


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ouitec-terms",
        description="Price interventions by OUiTEC's general terms of sale (CGV 2024-06-02).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def output_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--tariff", metavar="FILE", help="a tariff TOML file (default: terms)")
        sub.add_argument("--format", choices=("table", "json", "text"), default="table")
        sub.add_argument(
            "--included-hours",
            type=_amount,
            default=Decimal(0),
            metavar="H",
            help="contract hours still available (multiple of 0.25)",
        )

    sub = commands.add_parser("quote", help="price a TOML or JSON document")
    sub.add_argument("file", metavar="FILE", help="document with [client] and [intervention]")
    output_options(sub)
    sub = commands.add_parser("demo", help="price the built-in scenario")
    output_options(sub)
    sub = commands.add_parser("calendar", help="holidays and business window of a year")
    sub.add_argument("year", type=int, metavar="YEAR")
    sub.add_argument("--subdiv", metavar="CODE", help="holiday subdivision, e.g. 57, 6AE, 974")
    sub.add_argument("--tariff", metavar="FILE", help="a tariff TOML file (default: terms)")
    sub = commands.add_parser("compare", help="which billing mode is cheapest for a document")
    sub.add_argument("file", metavar="FILE", help="document with [client] and [intervention]")
    output_options(sub)
    sub = commands.add_parser("statement", help="price a month of interventions for one client")
    sub.add_argument("file", metavar="FILE", help="document with [client] and [[interventions]]")
    sub.add_argument("--month", type=_month, required=True, metavar="YYYY-MM")
    sub.add_argument("--tariff", metavar="FILE", help="a tariff TOML file (default: terms)")
    sub.add_argument("--format", choices=("table", "json", "text"), default="table")
    sub = commands.add_parser("late", help="late-payment interest and indemnity (Art. 4)")
    sub.add_argument(
        "amount", type=_amount, metavar="AMOUNT", help="invoice amount TTC, e.g. 1200.00"
    )
    sub.add_argument("--due", type=_date, required=True, metavar="YYYY-MM-DD")
    sub.add_argument("--paid", type=_date, required=True, metavar="YYYY-MM-DD")
    sub.add_argument(
        "--ecb-rate", type=_amount, metavar="R", help="one ECB rate in percent for every half-year"
    )
    sub.add_argument("--format", choices=("text", "json"), default="text")
    sub = commands.add_parser("schema", help="JSON Schema of the input document")
    sub.add_argument(
        "--statement", action="store_true", help="the schema of a statement document instead"
    )
    return parser


def _render(result: Quote, fmt: str) -> str:
    if fmt == "json":
        return result.model_dump_json(indent=2)
    if fmt == "text":
        return result.explain()
    return quote_table(result)


def _tariff(args: argparse.Namespace) -> Tariff:
    """The tariff of ``--tariff FILE``, or the terms of 2024-06-02."""
    return Tariff.from_toml(args.tariff) if args.tariff else DEFAULT_TARIFF


def _price(request: QuoteRequest, args: argparse.Namespace) -> str:
    tariff = _tariff(args)
    result = quote(
        request.intervention,
        request.client,
        tariff=tariff,
        included_hours_available=args.included_hours,
    )
    return _render(result, args.format)


def _compare(request: QuoteRequest, args: argparse.Namespace) -> str:
    tariff = _tariff(args)
    result = compare_modes(
        request.intervention,
        request.client,
        tariff=tariff,
        included_hours_available=args.included_hours,
    )
    if args.format == "json":
        return result.model_dump_json(indent=2)
    return result.explain()


def _statement(args: argparse.Namespace) -> str:
    request = load_statement_document(args.file)
    tariff = _tariff(args)
    year, month = args.month
    result = monthly_statement(request.client, request.interventions, year, month, tariff=tariff)
    if args.format == "json":
        return result.model_dump_json(indent=2)
    return result.explain()


def _calendar(args: argparse.Namespace) -> str:
    tariff = _tariff(args)
    cal = calendar_for(tariff, subdivision=args.subdiv)
    place = f"{tariff.holiday_country}" + (
        f"-{args.subdiv or tariff.holiday_subdivision}"
        if args.subdiv or tariff.holiday_subdivision
        else ""
    )
    days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    open_days = ", ".join(days[d - 1] for d in tariff.business_weekdays)
    window = f"{tariff.business_start:%H:%M}–{tariff.business_end:%H:%M} {tariff.timezone}"
    out = [f"Business hours (Art. 3): {open_days}, {window}, except ({place}, {args.year}):"]
    for day, name in cal.holidays(args.year).items():
        out.append(f"  {day.isoformat()}  {days[day.weekday()]}  {name}")
    first, last = date(args.year, 1, 1), date(args.year, 12, 31)
    count = sum(1 for _ in cal.business_days(first, last))
    out.append(f"{count} business days in {args.year}; every other minute is off-hours (+20 %).")
    return "\n".join(out)


def _late(args: argparse.Namespace) -> str:
    rates = args.ecb_rate if args.ecb_rate is not None else ECB_RATES
    late = late_payment(args.amount, args.due, args.paid, rates=rates)
    return late.model_dump_json(indent=2) if args.format == "json" else late.explain()


def _schema(args: argparse.Namespace) -> str:
    kind = StatementRequest if args.statement else QuoteRequest
    return json.dumps(document_schema(kind), indent=2, ensure_ascii=False)


_COMMANDS: dict[str, Callable[[argparse.Namespace], str]] = {
    "quote": lambda args: _price(load_document(args.file), args),
    "demo": lambda args: _price(demo_request(), args),
    "compare": lambda args: _compare(load_document(args.file), args),
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
    """Entry point of ``ouitec-terms``: print the result, or the error and exit status 2."""
    try:
        output = run(argv)
    except ValidationError as error:
        print(f"ouitec-terms: {describe_validation_error(error, 'input')}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OuitecTermsError as error:
        print(f"ouitec-terms: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(output)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
