"""Payment terms and late-payment penalties (Art. 4; Code de commerce L441-10 and D441-5).

Art. 4: "Le paiement des services se fera par virement bancaire, 30 jours après réception de la
facture. En cas de retard de paiement, des pénalités de retard pourront être appliquées
conformément aux dispositions légales en vigueur." The terms state no rate, so the legal default
applies (rules §9): the ECB main refinancing rate + 10 points, the ECB rate being the one in force
on 1 January for days in January–June and on 1 July for days in July–December; simple interest
on the amount TTC, ``amount × rate × days / 365``, per half-year, each half-year's portion rounded
half-up to the cent; plus a fixed 40 € recovery indemnity per invoice (D441-5), outside VAT.

```pycon
>>> from datetime import date
>>> due_date(date(2025, 3, 1))
datetime.date(2025, 3, 31)
>>> late = late_payment(Decimal("1200.00"), date(2025, 3, 31), date(2025, 4, 30))
>>> late.days_late, late.interest, late.indemnity, late.total
(30, Decimal('12.97'), Decimal('40.00'), Decimal('52.97'))

```
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from types import MappingProxyType

from ouitec_terms.boundary.amounts import Amount, NonNegativeAmount
from ouitec_terms.boundary.ecb import HalfYear, builtin_rates, check_rate
from ouitec_terms.errors import MissingRateError, PaymentError
from ouitec_terms.money import INPUT_LIMIT, in_library_context, round_cents, to_decimal, whole_cents

from . import law

__all__ = [
    "ECB_RATES",
    "ECB_RATE_HISTORY",
    "INDEMNITY",
    "MAX_PAYMENT_DAYS",
    "PAYMENT_DAYS",
    "PENALTY_POINTS",
    "EcbRate",
    "LatePayment",
    "LatePortion",
    "MissingRateError",
    "due_date",
    "late_payment",
    "with_added_rates",
]

PAYMENT_DAYS = law.PAYMENT_DAYS.days
"""Art. 4: payment is due 30 days after the invoice is received (rules.law)."""
MAX_PAYMENT_DAYS = law.MAX_PAYMENT_DAYS.days
"""The longest payment term the law allows, from the invoice's issue date (C. com. L441-10 I)."""
PENALTY_POINTS = law.PENALTY_POINTS.value
"""L441-10 II: the ECB rate plus 10 percentage points."""
INDEMNITY = law.RECOVERY_INDEMNITY.value
"""D441-5: the fixed recovery indemnity, per invoice, outside the VAT base."""
_YEAR = law.DAYS_IN_YEAR.value


@dataclass(frozen=True, slots=True, kw_only=True)
class EcbRate:
    """The ECB main refinancing rate (percent) in force on the first day of a half-year."""

    half_year: HalfYear
    """The half-year whose first day the rate is in force on."""
    rate: Decimal
    """The ECB main refinancing rate, in percent."""
    in_force_since: date
    """The ECB decision's effective date."""
    source: str
    """Where the rate was published."""


ECB_RATE_HISTORY: tuple[EcbRate, ...] = tuple(
    EcbRate(half_year=half, rate=rate, in_force_since=since, source=source)
    for half, rate, since, source in builtin_rates()
)
"""The ECB main refinancing rate on 1 January / 1 July of each half-year known here (rules §9),
read from the data file the package ships with its source (``presets/ecb-rates.toml``)."""
ECB_RATES: Mapping[HalfYear, Decimal] = MappingProxyType(
    {r.half_year: r.rate for r in ECB_RATE_HISTORY}
)
"""Half-year → ECB rate in percent, read-only; pass your own mapping for half-years not here."""


def due_date(received: date, *, issued: date | None = None) -> date:
    """The payment due date: 30 days after the invoice is received (Art. 4), and never more
    than 60 days after it is issued (C. com. L441-10 I: "Le délai convenu entre les parties pour
    régler les sommes dues ne peut dépasser soixante jours à compter de la date d'émission de la
    facture", D67).

    ```pycon
    >>> due_date(date(2025, 12, 15))
    datetime.date(2026, 1, 14)
    >>> due_date(date(2025, 6, 30), issued=date(2025, 3, 17))  # received late: the cap holds
    datetime.date(2025, 5, 16)

    ```
    """
    due = received + timedelta(days=PAYMENT_DAYS)
    if issued is not None:
        due = min(due, issued + timedelta(days=MAX_PAYMENT_DAYS))
    return due


@dataclass(frozen=True, slots=True, kw_only=True)
class LatePortion:
    """The interest of the late days that fall in one half-year (L441-10)."""

    half_year: str
    """The half-year, as 2025-H1."""
    first_day: date
    """First late day in the half-year."""
    last_day: date
    """Last late day in the half-year."""
    days: int
    """Late days in the half-year."""
    ecb_rate: Amount
    """The ECB rate on 1 January / 1 July, in percent."""
    rate: Amount
    """The ECB rate + 10 points, in percent."""
    interest: NonNegativeAmount
    """``amount × rate × days / 365``, rounded half-up to the cent."""
    article: str = "Code de commerce L441-10"
    """The law applied."""


@dataclass(frozen=True, slots=True, kw_only=True)
class LatePayment:
    """What a late payment costs: interest per half-year and the recovery indemnity."""

    amount_ttc: NonNegativeAmount
    """The unpaid amount, € TTC."""
    due: date
    """The due date."""
    paid: date
    """The payment date."""
    days_late: int
    """Days after the due date up to and including payment."""
    portions: tuple[LatePortion, ...]
    """Interest per half-year."""
    interest: NonNegativeAmount
    """Total interest, €."""
    indemnity: NonNegativeAmount
    """The fixed recovery indemnity, 40 € (D441-5)."""
    total: NonNegativeAmount
    """Interest plus indemnity, €."""
    articles: str = "Art. 4; Code de commerce L441-10 (interest), D441-5 (indemnity)"
    """The law applied."""

    def explain(self, lang: str = "fr") -> str:
        """A plain-text account, each amount with its legal article (French by default)."""
        from ouitec_terms.presentation.late import late_payment_text  # noqa: PLC0415 - D52

        return late_payment_text(self, lang)

    def _repr_html_(self) -> str:
        from ouitec_terms.presentation.late import late_payment_html  # noqa: PLC0415 - D52

        return late_payment_html(self)

    def __str__(self) -> str:
        return self.explain()


_HOW_TO_ADD = (
    "pass it in percent: late_payment(..., rates=with_added_rates(ECB_RATES, "
    "{{HalfYear({year}, {half}): Decimal('2.15')}}))"
)


def _rate_for(half: HalfYear, rates: Mapping[HalfYear, Decimal] | Decimal) -> Decimal:
    if not isinstance(rates, Mapping):
        return check_rate(to_decimal(rates), half)
    found = rates.get(half)
    if found is None:
        raise MissingRateError(
            f"no ECB main refinancing rate for {half} (the rate in force on "
            f"{half.first_day.isoformat()}); " + _HOW_TO_ADD.format(year=half.year, half=half.half),
            half_year=str(half),
        )
    return check_rate(to_decimal(found), half)


@in_library_context
def with_added_rates(
    table: Mapping[HalfYear, Decimal],
    added: Mapping[HalfYear, Decimal] | Iterable[tuple[HalfYear, Decimal]],
) -> Mapping[HalfYear, Decimal]:
    """``table`` with the half-years of ``added``; a half-year the table already has must
    keep its rate (a conflicting value is refused rather than silently replacing the source).

    ```pycon
    >>> rates = with_added_rates(ECB_RATES, {HalfYear(2026, 2): Decimal("2.15")})
    >>> rates[HalfYear(2026, 2)], rates[HalfYear(2024, 1)]
    (Decimal('2.15'), Decimal('4.50'))

    ```
    """
    pairs: Iterable[tuple[HalfYear, Decimal]] = (
        added.items() if isinstance(added, Mapping) else added
    )
    merged = dict(table)
    for half, given in pairs:
        rate = to_decimal(given)
        known = merged.get(half)
        if known is not None and known != rate:
            raise PaymentError(
                f"the table already has {known} % for {half}; {rate} % would replace it: give "
                "only half-years the table lacks (pass your own mapping as rates= to override)"
            )
        merged[half] = check_rate(rate, half)
    return MappingProxyType(merged)


@in_library_context
def late_payment(
    amount_ttc: Decimal,
    due: date,
    paid: date,
    *,
    rates: Mapping[HalfYear, Decimal] | Decimal = ECB_RATES,
) -> LatePayment:
    """Late-payment interest and indemnity for an invoice of ``amount_ttc`` due on ``due``.

    Days count from the day after ``due`` up to and including ``paid``. ``rates`` maps each
    half-year to the ECB rate in percent (default:
    [`ECB_RATES`][ouitec_terms.rules.payment.ECB_RATES]; add half-years with
    [`with_added_rates`][ouitec_terms.rules.payment.with_added_rates]), or is one rate for all. An
    invoice of 0,00 € owes nothing, so it has neither interest nor indemnity (D44).
    """
    try:
        amount = whole_cents(to_decimal(amount_ttc), name="amount_ttc")
    except ValueError as error:
        raise PaymentError(f"{error}; pass the invoice's TTC, e.g. Decimal('1200.00')") from None
    if not 0 <= amount < INPUT_LIMIT:
        raise PaymentError(
            f"amount_ttc {amount} is not from 0 to {INPUT_LIMIT:,}; pass the invoice's TTC"
        )
    for name, day in (("due", due), ("paid", paid)):
        if isinstance(day, datetime) or not isinstance(day, date):
            raise PaymentError(
                f"{name} {day!r} is not a date; pass a datetime.date such as date(2025, 4, 30)"
            )
    days_late = max(0, (paid - due).days)
    portions: list[LatePortion] = []
    first = due + timedelta(days=1) if days_late else None
    while first is not None:  # one portion per half-year the late days run through
        half = HalfYear.of(first)
        last = min(paid, half.last_day)
        days = (last - first).days + 1
        ecb = _rate_for(half, rates)
        rate = ecb + PENALTY_POINTS
        portions.append(
            LatePortion(
                half_year=str(half),
                first_day=first,
                last_day=last,
                days=days,
                ecb_rate=ecb,
                rate=rate,
                interest=round_cents(amount * rate * days / (100 * _YEAR)),
            )
        )
        first = last + timedelta(days=1) if last < paid else None
    interest = sum((p.interest for p in portions), Decimal("0.00"))
    indemnity = INDEMNITY if days_late and amount else Decimal("0.00")
    return LatePayment(
        amount_ttc=amount,
        due=due,
        paid=paid,
        days_late=days_late,
        portions=tuple(portions),
        interest=interest,
        indemnity=indemnity,
        total=interest + indemnity,
    )
