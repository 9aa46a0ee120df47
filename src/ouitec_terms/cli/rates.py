"""The ECB rates a command computes interest with: the built-in table, the half-years the user
added once with ``ouitec-terms ecb set`` (D96), and those given to this command
(``--ecb-rates FILE``, ``--ecb-rate YYYY-HN=R``); and the one message that says how to add a
missing one."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TypeVar

from ouitec_terms.boundary.ecb import (
    HalfYear,
    parse_rate_assignment,
    rates_toml,
    read_ecb_rates,
    user_rates,
    user_rates_path,
)
from ouitec_terms.errors import ArgumentError, MissingRateError
from ouitec_terms.presentation.messages import messages_for
from ouitec_terms.rules.payment import ECB_RATES, with_added_rates

from .files import write_output

__all__ = ["command_rates", "ecb_command", "with_known_rates"]

T = TypeVar("T")


def command_rates(args: argparse.Namespace) -> Mapping[HalfYear, Decimal]:
    """The table, the user's half-years, then this command's ``--ecb-rates`` and ``--ecb-rate``."""
    rates = with_added_rates(ECB_RATES, user_rates())
    if getattr(args, "ecb_rates", None):
        rates = with_added_rates(rates, read_ecb_rates(args.ecb_rates))
    return with_added_rates(rates, getattr(args, "ecb_rate", []))


def with_known_rates(work: Callable[[], T]) -> T:
    """``work()``, a missing half-year turned into the one line that says how to add it."""
    try:
        return work()
    except MissingRateError as missing:
        half = missing.half_year
        raise ArgumentError(
            f"no ECB main refinancing rate is known for {half}; add it once for every command "
            f"with `ouitec-terms ecb set {half} R`, R in percent, kept in {user_rates_path()}; "
            f"or for this command only with --ecb-rate {half}=R or --ecb-rates FILE, a file of "
            f'lines "{half}" = "R"'
        ) from None


def ecb_command(args: argparse.Namespace) -> str:
    """``ecb set HALF RATE`` (added to the user's file, whole or not at all) or ``ecb list``."""
    if args.ecb_command == "list":
        added = user_rates()
        table = with_added_rates(ECB_RATES, added)
        m = messages_for(args.lang)
        return "\n".join(
            m.text("ecb.row", half=half, rate=m.percent(rate / 100))
            + (m.text("ecb.added") if half in added else "")
            for half, rate in sorted(table.items(), key=lambda item: str(item[0]))
        )
    half, rate = parse_rate_assignment(f"{args.half}={args.rate}")
    mine = user_rates()
    known = ECB_RATES.get(half)
    if known is not None and known != rate:
        raise ArgumentError(
            f"ecb set {half}: the built-in table has {known} % for {half} (the ECB's published "
            "rate); only the half-years it lacks can be added"
        )
    mine[half] = rate
    path = user_rates_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ArgumentError(f"cannot create {path.parent}: {error.strerror}") from None
    write_output(str(path), rates_toml(mine).encode("utf-8"))
    m = messages_for(args.lang)
    return m.text("ecb.set", half=half, rate=m.percent(rate / 100), path=path)
