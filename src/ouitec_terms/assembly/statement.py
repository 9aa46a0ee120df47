"""Monthly statements: a month's interventions priced in order, with the included-hours pool.

rules §5.3: the pool is the sum of ``included_hours_per_month`` of the contracts active on the
first day of the month or starting within it; it is threaded through the month's interventions
in chronological order, each quote using what it needs of what is left. VAT is computed on the
statement's total per rate (rules §8), not summed from the quotes.

```pycon
>>> from datetime import date, datetime, timedelta
>>> from decimal import Decimal
>>> from zoneinfo import ZoneInfo
>>> from ouitec_terms import Client, Contract, Intervention, Service, WorkPeriod
>>> paris = ZoneInfo("Europe/Paris")
>>> deal = Contract(service=Service.USER_SUPPORT, monthly_commitment=Decimal(800),
...                 start=date(2025, 1, 1), months=12, included_hours_per_month=Decimal(2))
>>> def job(day: int) -> Intervention:
...     start = datetime(2025, 6, day, 9, tzinfo=paris)
...     return Intervention(reference=f"J{day}",
...                         work=(WorkPeriod(start=start, end=start + timedelta(hours=1.5)),))
>>> s = monthly_statement(Client(name="C", contracts=(deal,)), [job(12), job(3)], 2025, 6)
>>> [(q.reference, q.included_hours_used, q.total_ht) for q in s.quotes]
[('J3', Decimal('1.5'), Decimal('0.00')), ('J12', Decimal('0.5'), Decimal('75.00'))]
>>> s.included_hours_pool, s.included_hours_left, s.total_ht, s.total_ttc
(Decimal('2'), Decimal('0'), Decimal('75.00'), Decimal('90.00'))

```
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from operator import attrgetter
from zoneinfo import ZoneInfo

from ouitec_terms.boundary.amounts import Amount, NonNegativeAmount
from ouitec_terms.boundary.models import Client, Intervention, check_statement_span
from ouitec_terms.boundary.scalars import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_INTERVENTIONS_PER_STATEMENT,
    add_months,
)
from ouitec_terms.boundary.tariff import DEFAULT_TARIFF, Tariff
from ouitec_terms.errors import StatementError
from ouitec_terms.money import (
    available_hours,
    hours_to_minutes,
    in_library_context,
    minutes_to_hours,
)
from ouitec_terms.rules.mentions import Mention
from ouitec_terms.rules.requests import is_due
from ouitec_terms.rules.status import status_date
from ouitec_terms.rules.vat import VatLine, tax, vat_rule

from .quote import Quote, quote

__all__ = [
    "Statement",
    "included_hours_pool",
    "monthly_statement",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Statement:
    """A month's quotes for one client, the included hours threaded through them, and totals.

    ``quotes`` are the due quotes, in chronological order; ``pending`` those not yet due
    (Art. 5), outside the totals; ``outside_month`` the references of interventions given whose
    status date is in another month (D31).
    """

    client_name: str
    """The client's name."""
    year: int
    """The statement's year."""
    month: int
    """The statement's month (1-12)."""
    tariff_version: str
    """The version of the tariff applied."""
    quotes: tuple[Quote, ...]
    """The due quotes of the month, in chronological order."""
    pending: tuple[Quote, ...]
    """Quotes not yet due (Art. 5), outside the totals."""
    outside_month: tuple[str | None, ...]
    """References of interventions given whose status date is in another month (D31)."""
    included_hours_pool: NonNegativeAmount
    """Included hours of the contracts active in the month (rules §5.3)."""
    included_hours_used: NonNegativeAmount
    """Included hours the month's quotes used."""
    total_ht: Amount
    """Sum of the due quotes, € HT."""
    vat: tuple[VatLine, ...]
    """VAT per rate on the statement's HT total per rate (rules §8)."""
    total_vat: Amount
    """Sum of the VAT lines, €."""
    total_ttc: Amount
    """Total HT plus VAT, €."""
    mentions: tuple[Mention, ...] = ()
    """What the statement must state, as codes."""

    @property
    @in_library_context
    def included_hours_left(self) -> Decimal:
        """Included hours of the pool not used by this statement."""
        return self.included_hours_pool - self.included_hours_used

    def explain(self, lang: str = "fr") -> str:
        """A plain-text account: each quote's total, the included hours, the totals per rate,
        in French by default (``lang="en"``: English)."""
        from ouitec_terms.presentation.statements import statement_text  # noqa: PLC0415 - D52

        return statement_text(self, lang)

    def _repr_html_(self) -> str:
        from ouitec_terms.presentation.statements import statement_html  # noqa: PLC0415 - D52

        return statement_html(self)

    def __str__(self) -> str:
        return self.explain()


@in_library_context
def included_hours_pool(client: Client, year: int, month: int) -> Decimal:
    """Included hours of the month: contracts active on its first day or starting within it."""
    first = date(year, month, 1)
    after = add_months(first, 1)
    return sum(
        (
            c.included_hours_per_month
            for c in client.contracts
            if c.is_active_on(first) or first <= c.start < after
        ),
        Decimal(0),
    )


@in_library_context
def monthly_statement(
    client: Client,
    interventions: Iterable[Intervention],
    year: int,
    month: int,
    *,
    tariff: Tariff = DEFAULT_TARIFF,
    included_hours: Decimal | None = None,
) -> Statement:
    """Price the interventions of ``year``-``month`` for ``client`` in chronological order.

    The month's included hours (rules §5.3) are used by its business-hours work in order.
    Interventions whose status date falls in another month are left out (their references are
    listed in ``outside_month``); those not yet due (Art. 5) are priced without included hours
    and kept apart.

    Args:
        client: Who is billed; its contracts give the month's included hours.
        interventions: The month's interventions, in any order (others are set aside).
        year: The statement's year.
        month: Its month, 1 to 12.
        tariff: The rule values (default: the terms of 2024-06-02).
        included_hours: Overrides the pool computed from the contracts (e.g. what an earlier
            statement of the month left).

    Returns:
        The statement: one quote per due intervention, the pending ones, the totals.

    Raises:
        StatementError: The month is not 1 to 12, the year is outside 1970–2100, or the
            interventions are more, or add up to more time, than one statement takes.
        IncludedHoursError: ``included_hours`` is not a whole number of minutes from 0 to
            [`MAX_INCLUDED_HOURS`][ouitec_terms.money.MAX_INCLUDED_HOURS].
        VatError: A status date is before 2000-04-01, where the VAT rates this library knows
            begin.

    Example:
        ```pycon
        >>> from ouitec_terms import load_statement_document
        >>> request = load_statement_document("docs/examples/statement-2025-06.toml")
        >>> s = monthly_statement(request.client, request.interventions, 2025, 6)
        >>> len(s.quotes), s.total_ttc, s.outside_month
        (3, Decimal('229.50'), ('T-0701',))

        ```
    """
    if not (isinstance(month, int) and 1 <= month <= 12):
        raise StatementError(f"month {month!r} is not 1 to 12; write e.g. 2025-06")
    if not (isinstance(year, int) and FIRST_YEAR <= year <= LAST_YEAR):
        raise StatementError(
            f"year {year!r} is outside the years the library prices ({FIRST_YEAR}–{LAST_YEAR})"
        )
    if included_hours is not None:
        included_hours = available_hours(included_hours, name="included_hours")
    given = list(interventions)
    if len(given) > MAX_INTERVENTIONS_PER_STATEMENT:
        raise StatementError(
            f"{len(given)} interventions is more than {MAX_INTERVENTIONS_PER_STATEMENT} for one "
            "statement; split them by month"
        )
    try:
        check_statement_span(given)
    except ValueError as error:
        raise StatementError(str(error)) from None
    tz = ZoneInfo(tariff.timezone)
    dated: list[Intervention] = []
    outside: list[Intervention] = []
    for intervention in given:  # the month filter
        day = status_date(intervention, tariff, tz=tz)
        (dated if (day.year, day.month) == (year, month) else outside).append(intervention)
    # chronological; stable: interventions starting together keep their order. No (key,
    # intervention) pairs kept beside them: 10 000 of them cost the cyclic GC more than the sort
    dated.sort(key=attrgetter("earliest_start"))
    pool = included_hours_pool(client, year, month) if included_hours is None else included_hours
    used = 0  # minutes, so that hours keep their plain form (2, not 2.0)
    due: list[Quote] = []
    pending: list[Quote] = []
    for intervention in dated:
        if is_due(intervention):
            left = pool - minutes_to_hours(used)
            priced = quote(intervention, client, tariff=tariff, included_hours_available=left)
            used += hours_to_minutes(priced.included_hours_used)
            due.append(priced)
        else:
            pending.append(quote(intervention, client, tariff=tariff))
    vat = _vat_per_rate(due) or (tax((), vat_rule(client.vat_regime, date(year, month, 1)).rate),)
    total_ht = sum((v.base for v in vat), Decimal("0.00"))
    total_vat = sum((v.amount for v in vat), Decimal("0.00"))
    return Statement(
        client_name=client.name,
        year=year,
        month=month,
        tariff_version=tariff.version,
        quotes=tuple(due),
        pending=tuple(pending),
        outside_month=tuple(i.reference or None for i in outside),
        included_hours_pool=pool,
        included_hours_used=minutes_to_hours(used),
        total_ht=total_ht,
        vat=vat,
        total_vat=total_vat,
        total_ttc=total_ht + total_vat,
        mentions=tuple(dict.fromkeys(m for q in due for m in q.mentions)),
    )


def _vat_per_rate(quotes: list[Quote]) -> tuple[VatLine, ...]:
    """VAT on the statement's HT total per rate, rounded half-up once per rate (rules §8)."""
    bases: dict[Decimal, list[Decimal]] = {}
    for q in quotes:
        for line in q.vat:
            bases.setdefault(line.rate, []).append(line.base)
    return tuple(tax(amounts, rate) for rate, amounts in sorted(bases.items(), reverse=True))
