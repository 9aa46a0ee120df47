"""Issue 17, §2: every public entry point computes in the library's decimal context (D62, D63).

With the caller's precision 2 the CII XML printed 110 instead of 108; with precision 3
``is_under_contract`` turned True for contracts of 300.40 + 199.50; with traps on, the XML
raised ``Inexact``. Here every public function of the package (and of ``explore`` and
``einvoice``) is called under hostile contexts and must give exactly what it gives under the
default context; a completeness check makes a new public function join the table.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import (
    ROUND_CEILING,
    ROUND_DOWN,
    Context,
    Decimal,
    Inexact,
    InvalidOperation,
    Rounded,
    localcontext,
)
from pathlib import Path
from typing import Any

import pytest

import ouitec_terms as lib
from ouitec_terms.boundary.parties import Seller
from strategies import PARIS

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "docs" / "examples"
D = Decimal
SELLER = Seller.from_toml(EXAMPLES / "seller.example.toml")
DOCUMENT = lib.load_document(EXAMPLES / "invoice-client.toml")
STATEMENT = lib.load_statement_document(EXAMPLES / "statement-2025-06.toml")
START = datetime(2025, 6, 11, 17, 52, tzinfo=PARIS)
WORK = lib.Intervention(work=(lib.WorkPeriod(start=START, end=START + timedelta(minutes=161)),))
#: Two contracts that qualify together only if 300.40 + 199.50 is summed exactly (>= 500 is
#: false: 499.90), and one whose commitment is exactly the threshold.
SPLIT = lib.Client(
    name="Deux contrats",
    contracts=tuple(
        lib.Contract(
            service=lib.Service.SOC, monthly_commitment=D(amount), start=date(2024, 1, 1), months=24
        )
        for amount in ("300.40", "199.50")
    ),
)
SUMMING = lib.DEFAULT_TARIFF.replace(sum_active_contracts=True)


IMPORT = EXAMPLES / "imports" / "csv"
_CLIENTS = lib.load_clients(IMPORT / "clients.toml")


def _entries() -> list[lib.TimeEntry | lib.EntryFlag]:
    return list(lib.read_time_entries(IMPORT / "entries.csv"))


_BOOKED = lib.BookDocument(
    number="F-1", issued=date(2025, 3, 1), due=date(2025, 3, 31), client="C",
    total_ttc=D("1234.57"),
    vat=(lib.VatLine(rate=D("0.20"), base=D("1028.81"), amount=D("205.76")),),
)  # fmt: skip
_PAID = lib.BookPayment(id=1, invoice="F-1", on=date(2025, 8, 3), amount=D("617.29"))


def _invoice() -> lib.Invoice:
    q = lib.quote(DOCUMENT.intervention, DOCUMENT.client)
    return lib.make_invoice(q, seller=SELLER, client=DOCUMENT.client, number="F-1",
                           issued=date(2025, 3, 17))  # fmt: skip


def _statement() -> lib.Statement:
    return lib.monthly_statement(STATEMENT.client, STATEMENT.interventions, 2025, 6)


def _explore() -> dict[str, Callable[[], Any]]:
    explore = pytest.importorskip("ouitec_terms.explore")
    tariffs = {
        "terms": lib.DEFAULT_TARIFF,
        "25 %": lib.DEFAULT_TARIFF.replace(off_hours_surcharge="0.25"),
    }
    return {
        "explore.compare_tariffs": lambda: explore.compare_tariffs(
            [WORK], SPLIT, tariffs
        ).to_dict(),
        "explore.decimal_sum": lambda: explore.decimal_sum(
            explore.to_frame(_statement())["amount_ht"]
        ),
        "explore.to_frame": lambda: explore.to_frame(_statement()).to_dict(),
        "explore.totals_frame": lambda: explore.totals_frame(_statement()).to_dict(),
        "explore.price_grid": lambda: explore.price_grid(
            SPLIT, starts=[START], durations=[timedelta(minutes=161)]
        ).to_dict(),
        "explore.week_grid": lambda: explore.week_grid(
            SPLIT, duration=timedelta(minutes=161), week_of=date(2025, 6, 9)
        ).to_dict(),
    }


def _einvoice() -> dict[str, Callable[[], Any]]:
    einvoice = pytest.importorskip("ouitec_terms.einvoice")
    paid = lib.BookPayment(id=1, invoice="F-1", on=date(2025, 4, 1), amount=D("345.67"))
    moment = datetime(2025, 4, 2, tzinfo=PARIS)
    return {
        "einvoice.to_cii_xml": lambda: einvoice.to_cii_xml(_invoice()),
        "einvoice.payment_status_xml": lambda: einvoice.payment_status_xml(
            _invoice(), paid, issued=moment
        ),
    }


#: Every public function that touches a number, with a call that reaches its arithmetic.
CALLS: dict[str, Callable[[], Any]] = {
    "quote": lambda: lib.quote(WORK, SPLIT, tariff=SUMMING),
    "compare_modes": lambda: lib.compare_modes(WORK, SPLIT),
    "monthly_statement": _statement,
    "included_hours_pool": lambda: lib.included_hours_pool(
        lib.Client(
            name="X",
            contracts=(
                lib.Contract(
                    service=lib.Service.SOC,
                    monthly_commitment=D(600),
                    start=date(2024, 1, 1),
                    months=24,
                    included_hours_per_month=D("1.25"),
                ),
            )
            * 3,
        ),
        2025,
        6,
    ),
    "is_under_contract": lambda: lib.is_under_contract(SPLIT, date(2025, 6, 1), SUMMING),
    "late_payment": lambda: lib.late_payment(D("1234.56"), date(2024, 1, 31), date(2025, 8, 3)),
    "make_invoice": _invoice,
    "make_credit_note": lambda: lib.make_credit_note(
        _invoice(),
        number="A-1",
        issued=date(2025, 3, 20),
        reason="Erreur",
        corrected_total=D("691.44"),
    ),
    "make_partial_credit_note": lambda: lib.make_partial_credit_note(
        _invoice(), number="A-2", issued=date(2025, 3, 20), reason="Geste", amount_ttc=D("123.45")
    ),
    "format_eur": lambda: lib.format_eur(D("1234.565")),
    "round_cents": lambda: lib.round_cents(D("6.875")),
    "with_added_rates": lambda: lib.with_added_rates(
        lib.ECB_RATES, {lib.HalfYear(2026, 2): D("2.15")}
    ),
    "parse_rate_assignment": lambda: lib.parse_rate_assignment("2026-H2=2.155"),
    "to_json": lambda: lib.to_json(_statement()),
    "from_json": lambda: lib.from_json(lib.Statement, lib.to_json(_statement())),
    "explain": lambda: (_statement().explain(), _invoice().explain("en")),
    "import_month": lambda: lib.import_month(_entries(), _CLIENTS, 2025, 6),
    "balance": lambda: lib.balance(_BOOKED, [_PAID], on=date(2025, 9, 30)),
    "balance_sheet": lambda: lib.balance_sheet([_BOOKED], [_PAID], on=date(2025, 9, 30)),
    "vat_due": lambda: lib.vat_due([_BOOKED], [_PAID], 2025, 8),
    "liability_cap": lambda: lib.liability_cap("C", [_BOOKED], [_PAID], on=date(2025, 9, 30)),
    "interventions_from_entries": lambda: lib.interventions_from_entries(
        _entries(), _CLIENTS, 2025, 6
    ),
    "price_month": lambda: lib.price_month(
        lib.interventions_from_entries(_entries(), _CLIENTS, 2025, 6)
    ),
    "statement_requests": lambda: lib.statement_requests(
        lib.interventions_from_entries(_entries(), _CLIENTS, 2025, 6)
    ),
}
#: Public functions with no arithmetic of numbers (dates, names, schemas, lookups).
NO_ARITHMETIC = {
    "advisable_modes", "billed_minutes", "business_and_off_hours", "calendar_for",
    "check_invoice_series", "document_schema", "due_date", "json_schema", "load_document",
    "load_statement_document", "next_invoice_number", "read_ecb_rates", "round_segment",
    "services_of", "split", "status_date", "tariff_schema", "to_decimal", "vat_rule",
    "windows_for", "read_time_entries", "load_clients", "parse_clients", "load_mapping",
    "preset_mapping",
}  # fmt: skip
HOSTILE = {
    "precision 2": Context(prec=2),
    "precision 3, rounding down": Context(prec=3, rounding=ROUND_DOWN),
    "Inexact and Rounded trapped": Context(traps=[Inexact, Rounded, InvalidOperation]),
    "tiny exponents, ceiling": Context(prec=5, Emax=6, Emin=-6, rounding=ROUND_CEILING),
}


def test_every_public_function_is_in_the_table() -> None:
    """A new public function must say whether it computes (and join CALLS) or not."""
    public = {n for n in lib.__all__ if inspect.isfunction(getattr(lib, n))}
    assert public - set(CALLS) - NO_ARITHMETIC == set()


def test_the_split_contracts_are_not_under_contract() -> None:
    """The control of the issue's case: 300.40 + 199.50 = 499.90 is under 500 € (Art. 3)."""
    assert lib.is_under_contract(SPLIT, date(2025, 6, 1), SUMMING) is False


@pytest.mark.parametrize("context", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize("name", [*CALLS, *_explore(), *_einvoice()])
def test_every_public_entry_point_ignores_the_callers_context(name: str, context: Context) -> None:
    """Whatever the caller's precision, rounding and traps, each public entry point returns
    exactly what it returns under the default context, and leaves the caller's context as it
    was (D62, D63)."""
    call = {**CALLS, **_explore(), **_einvoice()}[name]
    expected = call()
    with localcontext(context) as caller:
        got = call()
        assert caller.prec == context.prec
        assert caller.traps == context.traps
    assert got == expected
