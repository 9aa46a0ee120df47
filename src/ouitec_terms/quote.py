"""The pipeline end to end: inputs → classify → segment → round → price → tax → :class:`Quote`.

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
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from .calendar import BusinessCalendar, calendar_for
from .days import day_lines
from .models import BillingMode, Client, Intervention, TravelLeg, WorkPeriod, utc
from .money import Amount, NonNegativeAmount, in_library_context, quarter_hours
from .pricing import (
    LabelledSegments,
    QuoteLine,
    devis_line,
    travel_distance_line,
    travel_time_lines,
    work_lines,
)
from .render import quote_html, quote_text
from .rounding import round_segment
from .segments import split
from .status import is_under_contract, status_date
from .tariff import DEFAULT_TARIFF, Tariff
from .trusted import trusted
from .vat import VatLine, tax, vat_rule

__all__ = ["FLOOR_MENTION", "UNSIGNED_MENTION", "Quote", "quote"]

#: Art. 3 "dès 750 € HT" and Art. 11: the on-site day without contract is a floor.
FLOOR_MENTION = (
    "Journée d'intervention sur site : à partir de {rate} € HT ; le prix définitif est fixé "
    "par devis (Art. 3, Art. 11)."
)
#: Art. 11: travel is due even when the devis was not signed.
UNSIGNED_MENTION = (
    "Devis {reference} non signé : la prestation est facturée au tarif et les frais de "
    "déplacement sont dus (Art. 11)."
)


class Quote(BaseModel, frozen=True, extra="forbid"):
    """An itemised price HT / TVA / TTC for one intervention, each line citing its articles."""

    reference: str = ""
    client_name: str
    mode: BillingMode
    lines: tuple[QuoteLine, ...]
    total_ht: Amount
    vat: tuple[VatLine, ...]
    total_vat: Amount
    total_ttc: Amount
    under_contract: bool
    status_date: date
    tariff_version: str
    timezone: str
    mentions: tuple[str, ...] = ()
    due: bool = True
    not_due_reason: str | None = None
    included_hours_available: NonNegativeAmount = Decimal(0)
    included_hours_used: NonNegativeAmount = Decimal(0)

    @property
    @in_library_context
    def included_hours_left(self) -> Decimal:
        """Included contract hours still available after this quote."""
        return self.included_hours_available - self.included_hours_used

    @in_library_context
    def explain(self) -> str:
        """A plain-text, line-by-line account of the quote citing the articles of the terms."""
        return quote_text(self)

    def _repr_html_(self) -> str:
        return quote_html(self)

    def __str__(self) -> str:
        return quote_text(self)


def _included_minutes(hours: Any) -> int:
    if type(hours) is Decimal and not hours:
        return 0
    return int(quarter_hours(hours, name="included_hours_available") * 60)


def _chronological(line: QuoteLine) -> datetime:
    return utc(line.start) if line.start is not None else datetime.max.replace(tzinfo=UTC)


def _rounded(
    spans: Sequence[WorkPeriod | TravelLeg], calendar: BusinessCalendar, step: int
) -> list[LabelledSegments]:
    ordered = sorted(spans, key=lambda s: utc(s.start)) if len(spans) > 1 else spans
    return [
        (s.label, [round_segment(p, step_minutes=step) for p in split(s.start, s.end, calendar)])
        for s in ordered
    ]


@in_library_context
def quote(
    intervention: Intervention,
    client: Client,
    *,
    tariff: Tariff = DEFAULT_TARIFF,
    included_hours_available: Decimal = Decimal(0),
) -> Quote:
    """Price ``intervention`` for ``client`` under ``tariff`` (Art. 3, 5, 11; SPEC §2–8).

    ``included_hours_available`` is the client's contract hours still available (a non-negative
    multiple of 0.25), trusted as given; the quote reports what it used. Only hourly work
    outside a signed devis uses them (SPEC §5.3).
    """
    included = _included_minutes(included_hours_available)
    calendar = calendar_for(tariff, subdivision=client.holiday_subdivision)
    day = status_date(intervention, tariff)
    under_contract = is_under_contract(client, day, tariff)
    rule = vat_rule(client.vat_regime, day)
    rates = tariff.rates(under_contract=under_contract)
    step, surcharge, tz = tariff.rounding_minutes, tariff.off_hours_surcharge, calendar.tz
    work = _rounded(intervention.work, calendar, step)
    devis = intervention.devis
    signed = devis is not None and devis.signed
    mentions: list[str] = []

    lines: list[QuoteLine] = []
    used = 0
    if devis is not None and devis.signed:
        lines.append(devis_line(devis.reference, devis.amount_ht, work))
    elif intervention.mode is BillingMode.HOURLY:
        hourly, used = work_lines(
            work, rate=rates.hourly, surcharge=surcharge, included_minutes=included
        )
        lines += hourly
    else:
        onsite = intervention.mode is BillingMode.ONSITE_DAY
        floor = onsite and rates.onsite_day_is_floor
        lines += day_lines(
            work,
            name="On-site day" if onsite else "Remote working day",
            day_rate=rates.onsite_day if onsite else rates.remote_day,
            floor=floor,
            hourly_rate=rates.hourly,
            surcharge=surcharge,
            day_minutes=tariff.day_minutes,
            tz=tz,
        )
        if floor and work:
            mentions.append(FLOOR_MENTION.format(rate=rates.onsite_day))
    if devis is not None and not devis.signed:
        mentions.append(UNSIGNED_MENTION.format(reference=devis.reference))

    if intervention.travel and not (signed and devis is not None and devis.includes_travel):
        lines += travel_time_lines(
            _rounded(intervention.travel, calendar, step),
            rate=rates.hourly,
            surcharge=surcharge,
        )
        km = sum((leg.distance_km for leg in intervention.travel), Decimal(0))
        lines.append(travel_distance_line(km, per_km=tariff.per_km, legs=len(intervention.travel)))
        lines.sort(key=_chronological)  # travel legs go before, between and after the work

    vat_line = tax((line.amount_ht for line in lines), rule.rate)
    if rule.mention:
        mentions.insert(0, rule.mention)
    written = intervention.channel.is_written or intervention.confirmed_in_writing
    return trusted(
        Quote,
        reference=intervention.reference,
        client_name=client.name,
        mode=intervention.mode,
        lines=tuple(lines),
        total_ht=vat_line.base,
        vat=(vat_line,),
        total_vat=vat_line.amount,
        total_ttc=vat_line.base + vat_line.amount,
        under_contract=under_contract,
        status_date=day,
        tariff_version=tariff.version,
        timezone=tariff.timezone,
        mentions=tuple(mentions),
        due=written,
        not_due_reason=None
        if written
        else (
            f"request made by {intervention.channel.value}: it is due once the client confirms "
            "it in writing (Art. 5)"
        ),
        included_hours_available=Decimal(included) / 60,
        included_hours_used=Decimal(used) / 60,
    )
