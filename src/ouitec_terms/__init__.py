"""ouitec-terms: OUiTEC's general terms of sale (CGV of 2024-06-02) as exact, explainable prices.

The pipeline: inputs (:class:`Client`, :class:`Intervention`, :class:`Tariff`) → client status →
business / off-hours segments → quarter-hour rounding → pricing → VAT → :class:`Quote`.
Start with :func:`quote`; ``docs/guide.md`` walks through it.
"""

from __future__ import annotations

from .calendar import BusinessCalendar, calendar_for
from .catalogue import Service, ServiceFamily, services_of
from .compare import ModeComparison, ModePrice, advisable_modes, compare_modes
from .documents import (
    QuoteRequest,
    StatementRequest,
    document_schema,
    load_document,
    load_statement_document,
)
from .errors import (
    ArgumentError,
    BatchError,
    CalendarError,
    DocumentError,
    IncludedHoursError,
    InvalidAmountError,
    MissingRateError,
    OuitecTermsError,
    PaymentError,
    StatementError,
    TariffError,
    VatError,
)
from .models import (
    MAX_INTERVENTIONS_PER_STATEMENT,
    MAX_SPAN,
    MAX_SPANS_PER_INTERVENTION,
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
from .money import round_cents, to_decimal
from .payment import (
    ECB_RATE_HISTORY,
    ECB_RATES,
    EcbRate,
    HalfYear,
    LatePayment,
    LatePortion,
    due_date,
    late_payment,
    parse_rate_assignment,
    read_ecb_rates,
    with_added_rates,
)
from .pricing import LineKind, QuoteLine
from .quote import Quote, quote
from .render import format_eur
from .rounding import RoundedSegment, billed_minutes, round_segment
from .segments import Segment, business_and_off_hours, split
from .statement import (
    Statement,
    included_hours_pool,
    monthly_statement,
)
from .status import is_under_contract, status_date
from .tariff import DEFAULT_TARIFF, RateCard, Tariff, tariff_schema
from .vat import VAT_RULES, VatLine, VatRule, vat_rule

__version__ = "0.1.0.dev0"

__all__ = [
    "DEFAULT_TARIFF",
    "ECB_RATES",
    "ECB_RATE_HISTORY",
    "MAX_INTERVENTIONS_PER_STATEMENT",
    "MAX_SPAN",
    "MAX_SPANS_PER_INTERVENTION",
    "VAT_RULES",
    "ArgumentError",
    "BatchError",
    "BillingMode",
    "BusinessCalendar",
    "CalendarError",
    "Channel",
    "Client",
    "Contract",
    "Devis",
    "DocumentError",
    "EcbRate",
    "HalfYear",
    "IncludedHoursError",
    "Intervention",
    "InvalidAmountError",
    "LatePayment",
    "LatePortion",
    "LineKind",
    "MissingRateError",
    "ModeComparison",
    "ModePrice",
    "OuitecTermsError",
    "PaymentError",
    "Quote",
    "QuoteLine",
    "QuoteRequest",
    "RateCard",
    "RoundedSegment",
    "Segment",
    "Service",
    "ServiceFamily",
    "Statement",
    "StatementError",
    "StatementRequest",
    "Tariff",
    "TariffError",
    "TravelLeg",
    "VatError",
    "VatLine",
    "VatRegime",
    "VatRule",
    "WorkPeriod",
    "__version__",
    "advisable_modes",
    "billed_minutes",
    "business_and_off_hours",
    "calendar_for",
    "compare_modes",
    "document_schema",
    "due_date",
    "format_eur",
    "included_hours_pool",
    "is_under_contract",
    "late_payment",
    "load_document",
    "load_statement_document",
    "monthly_statement",
    "parse_rate_assignment",
    "quote",
    "read_ecb_rates",
    "round_cents",
    "round_segment",
    "services_of",
    "split",
    "status_date",
    "tariff_schema",
    "to_decimal",
    "vat_rule",
    "with_added_rates",
]
