"""The pipeline end to end: inputs → classify → segment → round → price → tax →
[`Quote`][ouitec_terms.assembly.quote.Quote].

```pycon
>>> from datetime import datetime
>>> from zoneinfo import ZoneInfo
>>> from ouitec_terms import Client, Intervention, WorkPeriod, quote
>>> paris = ZoneInfo("Europe/Paris")
>>> outage = Intervention(work=(WorkPeriod(start=datetime(2025, 3, 11, 9, 0, tzinfo=paris),
...                                        end=datetime(2025, 3, 11, 10, 20, tzinfo=paris)),))
>>> q = quote(outage, Client(name="Boulangerie Martin"))
>>> q.total_ht, q.total_vat, q.total_ttc
(Decimal('135.00'), Decimal('27.00'), Decimal('162.00'))
>>> [(line.billed_minutes, line.amount_ht) for line in q.lines]
[(90, Decimal('135.00'))]

```
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, setcontext
from typing import Any

from ouitec_terms.boundary.amounts import Amount, NonNegativeAmount
from ouitec_terms.boundary.models import (
    BillingMode,
    Channel,
    Client,
    Intervention,
    TravelLeg,
    WorkPeriod,
)
from ouitec_terms.boundary.scalars import utc
from ouitec_terms.boundary.tariff import DEFAULT_TARIFF, Tariff
from ouitec_terms.money import (
    available_hours,
    enter_library_context,
    hours_to_minutes,
    in_library_context,
    minutes_to_hours,
)
from ouitec_terms.rules.days import day_lines
from ouitec_terms.rules.mentions import Mention, MentionCode
from ouitec_terms.rules.pricing import (
    LabelledPieces,
    QuoteLine,
    devis_line,
    travel_distance_line,
    travel_time_lines,
    work_lines,
)
from ouitec_terms.rules.requests import is_due
from ouitec_terms.rules.rounding import round_pieces
from ouitec_terms.rules.segments import pieces
from ouitec_terms.rules.status import is_under_contract, status_date
from ouitec_terms.rules.vat import VatLine, quote_vat, vat_rule
from ouitec_terms.rules.windows import BusinessWindows, windows_for

__all__ = ["Quote", "quote"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """An itemised price HT / TVA / TTC for one intervention, each line citing its articles.

    Besides the lines and totals it keeps what a rendering needs to state the rules applied:
    the tariff's rounding step and day length, OUiTEC's head office (travel is measured from
    it), the channel of the request (Art. 5) and the mentions, as codes.
    """

    reference: str
    """The intervention's reference."""
    client_name: str
    """The client's name."""
    mode: BillingMode
    """The billing mode priced (Art. 3)."""
    channel: Channel
    """How the request was made (Art. 5)."""
    lines: tuple[QuoteLine, ...]
    """The itemised lines, each citing its articles."""
    total_ht: Amount
    """Sum of the lines, € HT."""
    vat: tuple[VatLine, ...]
    """VAT per rate on the HT total, rounded half-up to the cent (rules §8)."""
    total_vat: Amount
    """Sum of the VAT lines, €."""
    total_ttc: Amount
    """Total HT plus VAT, €."""
    under_contract: bool
    """Whether the client was under contract on the status date (Art. 3, rules §2)."""
    status_date: date
    """The day the client's status is judged on (the intervention's first day, local)."""
    tariff_version: str
    """The version of the tariff applied."""
    timezone: str
    """The tariff's clock (IANA name) on which times are shown."""
    rounding_minutes: int
    """The tariff's billing step, in minutes (Art. 5: the started quarter hour)."""
    day_minutes: int
    """Length of a billed day, in minutes (the business window)."""
    seat: str
    """OUiTEC's head office, from which travel is measured (Art. 11)."""
    mentions: tuple[Mention, ...] = ()
    """What the document must state beside its lines, as codes."""
    due: bool = True
    """False while the request awaits its written confirmation (Art. 5)."""
    included_hours_available: NonNegativeAmount = Decimal(0)
    """Included contract hours available before this intervention."""
    included_hours_used: NonNegativeAmount = Decimal(0)
    """Included contract hours this intervention used (rules §5.3)."""
    calendar_version: str = ""
    """The holiday data the quote was priced with, e.g. ``holidays 0.109``: two machines with
    different releases may disagree on a new holiday, and this says why (D77)."""

    @property
    @in_library_context
    def included_hours_left(self) -> Decimal:
        """Included contract hours still available after this quote."""
        return self.included_hours_available - self.included_hours_used

    def explain(self, lang: str = "fr") -> str:
        """A plain-text, line-by-line account of the quote citing the articles of the terms,
        in French by default (``lang="en"``: English)."""
        from ouitec_terms.presentation.quotes import quote_text  # noqa: PLC0415 - D52

        return quote_text(self, lang)

    def _repr_html_(self) -> str:
        from ouitec_terms.presentation.quotes import quote_html  # noqa: PLC0415 - D52

        return quote_html(self)

    def __str__(self) -> str:
        return self.explain()


def _included_minutes(hours: Any) -> int:
    if type(hours) is Decimal and not hours:
        return 0
    return hours_to_minutes(available_hours(hours, name="included_hours_available"))


def _chronological(line: QuoteLine) -> datetime:
    return utc(line.start) if line.start is not None else datetime.max.replace(tzinfo=UTC)


def _pieces(
    spans: Sequence[WorkPeriod | TravelLeg], windows: BusinessWindows
) -> list[LabelledPieces]:
    """Each period or leg, in chronological order, cut into business / off-hours pieces."""
    if len(spans) == 1:  # the common case: one period, nothing to order
        (span,) = spans
        return [(span.label, pieces(span.start, span.end, windows))]
    ordered = sorted(spans, key=lambda s: utc(s.start))
    return [(s.label, pieces(s.start, s.end, windows)) for s in ordered]


def quote(
    intervention: Intervention,
    client: Client,
    *,
    tariff: Tariff = DEFAULT_TARIFF,
    included_hours_available: Decimal = Decimal(0),
) -> Quote:
    """Price ``intervention`` for ``client`` under ``tariff`` (Art. 3, 4, 5, 11).

    The client's status is judged on the day the request becomes due (Art. 3, 5); the work is
    split into business and off-hours parts, each rounded up to the started step (Art. 5) and
    priced, the travel too (Art. 11); VAT follows the client's regime. It computes in the
    library's decimal context, whatever the caller's (D62).

    Args:
        intervention: The work and travel of one request, with its channel and billing mode.
        client: Who is billed: contracts, VAT regime, holiday subdivision.
        tariff: The rule values (default: the terms of 2024-06-02).
        included_hours_available: The client's contract hours still available (a non-negative
            whole number of minutes, D56), trusted as given (D8); only hourly work outside a
            signed devis uses them, and the quote reports what it used.

    Returns:
        The itemised quote: lines citing their articles, HT / VAT / TTC totals, mentions.

    Raises:
        IncludedHoursError: ``included_hours_available`` is not a whole number of minutes from
            0 to [`MAX_INCLUDED_HOURS`][ouitec_terms.money.MAX_INCLUDED_HOURS].
        VatError: The status date is before 2000-04-01, where the VAT rates this library knows
            begin.

    Example:
        ```pycon
        >>> from datetime import datetime
        >>> from zoneinfo import ZoneInfo
        >>> from ouitec_terms import Client, Intervention, WorkPeriod
        >>> paris = ZoneInfo("Europe/Paris")
        >>> evening = WorkPeriod(start=datetime(2025, 3, 14, 18, 40, tzinfo=paris),
        ...                      end=datetime(2025, 3, 14, 19, 25, tzinfo=paris))
        >>> q = quote(Intervention(work=(evening,)), Client(name="Garage Petit"))
        >>> [(line.billed_minutes, line.off_hours) for line in q.lines], q.total_ttc
        ([(30, False), (30, True)], Decimal('118.80'))

        ```
    """
    caller = enter_library_context()
    if caller is None:
        return _price(intervention, client, tariff, included_hours_available)
    try:
        return _price(intervention, client, tariff, included_hours_available)
    finally:
        setcontext(caller)


def _price(
    intervention: Intervention, client: Client, tariff: Tariff, included_hours_available: Decimal
) -> Quote:
    """The body of [`quote`][ouitec_terms.assembly.quote.quote], in the library's context."""
    included = _included_minutes(included_hours_available)
    windows = windows_for(tariff, subdivision=client.holiday_subdivision)
    day = status_date(intervention, tariff, tz=windows.tz)
    under_contract = is_under_contract(client, day, tariff)
    rule = vat_rule(client.vat_regime, day)
    rates = tariff.rates(under_contract=under_contract)
    step, surcharge = tariff.rounding_minutes, tariff.off_hours_surcharge
    work = _pieces(intervention.work, windows)
    devis = intervention.devis
    signed = devis is not None and devis.signed
    mentions: list[Mention] = [Mention(code=rule.mention)] if rule.mention else []

    lines: list[QuoteLine] = []
    used = 0
    if devis is not None and devis.signed:
        lines.append(devis_line(devis.reference, devis.amount_ht, work, step_minutes=step))
    elif intervention.mode is BillingMode.HOURLY:
        hourly, used = work_lines(
            work,
            step_minutes=step,
            rate=rates.hourly,
            surcharge=surcharge,
            included_minutes=included,
        )
        lines += hourly
    else:
        onsite = intervention.mode is BillingMode.ONSITE_DAY
        lines += day_lines(
            [(label, round_pieces(parts, step_minutes=step)) for label, parts in work],
            day_rate=rates.onsite_day if onsite else rates.remote_day,
            hourly_rate=rates.hourly,
            surcharge=surcharge,
            day_minutes=tariff.day_minutes,
            tz=windows.tz,
        )
        if onsite and rates.onsite_day_is_floor and work:  # D27: "dès 750 € HT"
            mentions.append(Mention(code=MentionCode.ONSITE_DAY_FLOOR, value=str(rates.onsite_day)))
    if devis is not None and not devis.signed:  # D30
        mentions.append(Mention(code=MentionCode.UNSIGNED_DEVIS, value=devis.reference))

    if intervention.travel and not (signed and devis is not None and devis.includes_travel):
        lines += travel_time_lines(
            _pieces(intervention.travel, windows),
            step_minutes=step,
            rate=rates.hourly,
            surcharge=surcharge,
        )
        km = sum((leg.distance_km for leg in intervention.travel), Decimal(0))
        lines.append(travel_distance_line(km, per_km=tariff.per_km))
        lines.sort(key=_chronological)  # travel legs go before, between and after the work

    total_ht = sum([line.amount_ht for line in lines], _NO_CENTS)
    vat = quote_vat(int(total_ht.scaleb(2)), rule.rate)  # shared by quotes of one total (D99)
    vat_line = vat[0]
    return Quote(
        reference=intervention.reference,
        client_name=client.name,
        mode=intervention.mode,
        channel=intervention.channel,
        lines=tuple(lines),
        total_ht=vat_line.base,
        vat=vat,
        total_vat=vat_line.amount,
        total_ttc=vat_line.base + vat_line.amount,
        under_contract=under_contract,
        status_date=day,
        tariff_version=tariff.version,
        timezone=tariff.timezone,
        rounding_minutes=step,
        day_minutes=tariff.day_minutes,
        seat=tariff.seat,
        mentions=tuple(mentions),
        due=is_due(intervention),  # Art. 5
        included_hours_available=minutes_to_hours(included) if included else _NO_HOURS,
        included_hours_used=minutes_to_hours(used) if used else _NO_HOURS,
        calendar_version=windows.days.data_version,
    )


_NO_HOURS = Decimal(0)
"""No included hours (the common case, without a lookup)."""
_NO_CENTS = Decimal("0.00")
"""The sum of no lines, to the cent."""
