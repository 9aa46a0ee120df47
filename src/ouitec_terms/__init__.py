"""ouitec-terms: OUiTEC's general terms of sale (CGV of 2024-06-02) as exact, explainable prices.

The pipeline: inputs (``Client``, ``Intervention``, ``Tariff``) → client status → business /
off-hours segments → rounding to the started quarter hour → pricing → VAT → ``Quote``. Start
with ``quote``; the user guide walks through it. The package is laid out in layers, data
flowing one way: ``boundary`` (validated inputs) → ``rules`` (one module per clause) →
``assembly`` (quotes, statements, comparisons) → ``presentation`` (documents, the command line),
with the extras ``explore``, ``batch`` and ``synthetic`` at the edge.
"""

from __future__ import annotations

from importlib import import_module

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a quicker start)
if TYPE_CHECKING:  # the same names, for type checkers and editors
    from typing import Any

    from .assembly.compare import ModeComparison, ModePrice, advisable_modes, compare_modes
    from .assembly.imports import (
        ClientMonth,
        ImportSummary,
        MonthEntries,
        MonthImport,
        import_month,
        interventions_from_entries,
        price_month,
        statement_requests,
    )
    from .assembly.invoice import (
        DocumentType,
        Invoice,
        make_credit_note,
        make_invoice,
        make_partial_credit_note,
    )
    from .assembly.numbering import check_invoice_series, next_invoice_number
    from .assembly.quote import Quote, quote
    from .assembly.statement import (
        Statement,
        included_hours_pool,
        monthly_statement,
    )
    from .boundary.catalogue import Service, ServiceFamily, services_of
    from .boundary.clients import ClientDirectory, ClientRecord, load_clients, parse_clients
    from .boundary.documents import (
        QuoteRequest,
        StatementRequest,
        document_schema,
        load_document,
        load_statement_document,
    )
    from .boundary.ecb import HalfYear, parse_rate_assignment, read_ecb_rates
    from .boundary.entries import EntryFlag, FlagReason, TimeEntry
    from .boundary.jsonio import from_json, json_schema, to_json
    from .boundary.mapping import EntryMapping, load_mapping, preset_mapping
    from .boundary.models import (
        Address,
        BillingMode,
        Channel,
        Client,
        Contract,
        Devis,
        Intervention,
        TravelLeg,
        VatRegime,
        WorkPeriod,
    )
    from .boundary.parties import Seller
    from .boundary.scalars import (
        MAX_INTERVENTIONS_PER_STATEMENT,
        MAX_SPAN,
        MAX_SPANS_PER_INTERVENTION,
    )
    from .boundary.tariff import DEFAULT_TARIFF, RateCard, Tariff, tariff_schema
    from .boundary.timesheets import read_time_entries
    from .errors import (
        ArgumentError,
        BatchError,
        BookError,
        CalendarError,
        DocumentError,
        EntryError,
        IncludedHoursError,
        InvalidAmountError,
        InvoiceError,
        MissingRateError,
        OuitecTermsError,
        PaymentError,
        StatementError,
        TariffError,
        VatError,
    )
    from .money import LIBRARY_CONTEXT, round_cents, to_decimal
    from .presentation.numbers import format_eur
    from .rules.calendar import HolidayCalendar, calendar_for
    from .rules.ledger import (
        BalanceSheet,
        BalanceStatus,
        BookDocument,
        BookPayment,
        InvoiceBalance,
        balance,
        balance_sheet,
    )
    from .rules.mentions import Mention, MentionCode
    from .rules.payment import (
        ECB_RATE_HISTORY,
        ECB_RATES,
        EcbRate,
        LatePayment,
        LatePortion,
        due_date,
        late_payment,
        with_added_rates,
    )
    from .rules.pricing import LineKind, QuoteLine, Unit
    from .rules.receipts import CapLine, LiabilityCap, VatDue, liability_cap, vat_due
    from .rules.rounding import RoundedSegment, billed_minutes, round_segment
    from .rules.segments import Segment, business_and_off_hours, split
    from .rules.status import is_under_contract, status_date
    from .rules.vat import VAT_RULES, VatLine, VatRule, vat_rule
    from .rules.windows import BusinessWindows, windows_for

_EXPORTS: dict[str, tuple[str, ...]] = {
    ".assembly.compare": (
        "ModeComparison",
        "ModePrice",
        "advisable_modes",
        "compare_modes",
    ),
    ".assembly.invoice": (
        "DocumentType",
        "Invoice",
        "make_credit_note",
        "make_invoice",
        "make_partial_credit_note",
    ),
    ".assembly.numbering": ("check_invoice_series", "next_invoice_number"),
    ".assembly.imports": (
        "ClientMonth",
        "ImportSummary",
        "MonthEntries",
        "MonthImport",
        "import_month",
        "interventions_from_entries",
        "price_month",
        "statement_requests",
    ),
    ".assembly.quote": (
        "Quote",
        "quote",
    ),
    ".assembly.statement": (
        "Statement",
        "included_hours_pool",
        "monthly_statement",
    ),
    ".boundary.catalogue": (
        "Service",
        "ServiceFamily",
        "services_of",
    ),
    ".boundary.clients": (
        "ClientDirectory",
        "ClientRecord",
        "load_clients",
        "parse_clients",
    ),
    ".boundary.documents": (
        "QuoteRequest",
        "StatementRequest",
        "document_schema",
        "load_document",
        "load_statement_document",
    ),
    ".boundary.ecb": (
        "HalfYear",
        "parse_rate_assignment",
        "read_ecb_rates",
    ),
    ".boundary.entries": (
        "EntryFlag",
        "FlagReason",
        "TimeEntry",
    ),
    ".boundary.jsonio": (
        "from_json",
        "json_schema",
        "to_json",
    ),
    ".boundary.mapping": (
        "EntryMapping",
        "load_mapping",
        "preset_mapping",
    ),
    ".boundary.models": (
        "Address",
        "BillingMode",
        "Channel",
        "Client",
        "Contract",
        "Devis",
        "Intervention",
        "TravelLeg",
        "VatRegime",
        "WorkPeriod",
    ),
    ".boundary.parties": ("Seller",),
    ".boundary.scalars": (
        "MAX_INTERVENTIONS_PER_STATEMENT",
        "MAX_SPAN",
        "MAX_SPANS_PER_INTERVENTION",
    ),
    ".boundary.timesheets": ("read_time_entries",),
    ".boundary.tariff": (
        "DEFAULT_TARIFF",
        "RateCard",
        "Tariff",
        "tariff_schema",
    ),
    ".errors": (
        "ArgumentError",
        "BatchError",
        "BookError",
        "CalendarError",
        "DocumentError",
        "EntryError",
        "IncludedHoursError",
        "InvalidAmountError",
        "InvoiceError",
        "MissingRateError",
        "OuitecTermsError",
        "PaymentError",
        "StatementError",
        "TariffError",
        "VatError",
    ),
    ".money": (
        "LIBRARY_CONTEXT",
        "round_cents",
        "to_decimal",
    ),
    ".presentation.numbers": ("format_eur",),
    ".rules.calendar": (
        "HolidayCalendar",
        "calendar_for",
    ),
    ".rules.ledger": (
        "BalanceSheet",
        "BalanceStatus",
        "BookDocument",
        "BookPayment",
        "InvoiceBalance",
        "balance",
        "balance_sheet",
    ),
    ".rules.receipts": (
        "CapLine",
        "LiabilityCap",
        "VatDue",
        "liability_cap",
        "vat_due",
    ),
    ".rules.mentions": (
        "Mention",
        "MentionCode",
    ),
    ".rules.payment": (
        "ECB_RATE_HISTORY",
        "ECB_RATES",
        "EcbRate",
        "LatePayment",
        "LatePortion",
        "due_date",
        "late_payment",
        "with_added_rates",
    ),
    ".rules.pricing": (
        "LineKind",
        "QuoteLine",
        "Unit",
    ),
    ".rules.rounding": (
        "RoundedSegment",
        "billed_minutes",
        "round_segment",
    ),
    ".rules.segments": (
        "Segment",
        "business_and_off_hours",
        "split",
    ),
    ".rules.status": (
        "is_under_contract",
        "status_date",
    ),
    ".rules.vat": (
        "VAT_RULES",
        "VatLine",
        "VatRule",
        "vat_rule",
    ),
    ".rules.windows": (
        "BusinessWindows",
        "windows_for",
    ),
}
"""Where each public name lives: imported on first use (PEP 562), so that ``import ouitec_terms``
and the command's start cost only what is used (issue 18)."""

__version__ = "0.3.0"

__all__ = [
    "DEFAULT_TARIFF",
    "ECB_RATES",
    "ECB_RATE_HISTORY",
    "LIBRARY_CONTEXT",
    "MAX_INTERVENTIONS_PER_STATEMENT",
    "MAX_SPAN",
    "MAX_SPANS_PER_INTERVENTION",
    "VAT_RULES",
    "Address",
    "ArgumentError",
    "BalanceSheet",
    "BalanceStatus",
    "BatchError",
    "BillingMode",
    "BookDocument",
    "BookError",
    "BookPayment",
    "BusinessWindows",
    "CalendarError",
    "CapLine",
    "Channel",
    "Client",
    "ClientDirectory",
    "ClientMonth",
    "ClientRecord",
    "Contract",
    "Devis",
    "DocumentError",
    "DocumentType",
    "EcbRate",
    "EntryError",
    "EntryFlag",
    "EntryMapping",
    "FlagReason",
    "HalfYear",
    "HolidayCalendar",
    "ImportSummary",
    "IncludedHoursError",
    "Intervention",
    "InvalidAmountError",
    "Invoice",
    "InvoiceBalance",
    "InvoiceError",
    "LatePayment",
    "LatePortion",
    "LiabilityCap",
    "LineKind",
    "Mention",
    "MentionCode",
    "MissingRateError",
    "ModeComparison",
    "ModePrice",
    "MonthEntries",
    "MonthImport",
    "OuitecTermsError",
    "PaymentError",
    "Quote",
    "QuoteLine",
    "QuoteRequest",
    "RateCard",
    "RoundedSegment",
    "Segment",
    "Seller",
    "Service",
    "ServiceFamily",
    "Statement",
    "StatementError",
    "StatementRequest",
    "Tariff",
    "TariffError",
    "TimeEntry",
    "TravelLeg",
    "Unit",
    "VatDue",
    "VatError",
    "VatLine",
    "VatRegime",
    "VatRule",
    "WorkPeriod",
    "__version__",
    "advisable_modes",
    "balance",
    "balance_sheet",
    "billed_minutes",
    "business_and_off_hours",
    "calendar_for",
    "check_invoice_series",
    "compare_modes",
    "document_schema",
    "due_date",
    "format_eur",
    "from_json",
    "import_month",
    "included_hours_pool",
    "interventions_from_entries",
    "is_under_contract",
    "json_schema",
    "late_payment",
    "liability_cap",
    "load_clients",
    "load_document",
    "load_mapping",
    "load_statement_document",
    "make_credit_note",
    "make_invoice",
    "make_partial_credit_note",
    "monthly_statement",
    "next_invoice_number",
    "parse_clients",
    "parse_rate_assignment",
    "preset_mapping",
    "price_month",
    "quote",
    "read_ecb_rates",
    "read_time_entries",
    "round_cents",
    "round_segment",
    "services_of",
    "split",
    "statement_requests",
    "status_date",
    "tariff_schema",
    "to_decimal",
    "to_json",
    "vat_due",
    "vat_rule",
    "windows_for",
    "with_added_rates",
]


_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}


def __getattr__(name: str) -> Any:
    """Import the module of a public name on first use, and keep the name here."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
