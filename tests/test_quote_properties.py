"""Properties of priced quotes: the terms' rules that hold for every intervention.

Each test states one rule (Art. 3, 5, 11 and the VAT clause of Art. 3) and why it must hold.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

from hypothesis import assume, given
from hypothesis import strategies as st

from ouitec_terms import (
    DEFAULT_TARIFF,
    Channel,
    Client,
    Intervention,
    LineKind,
    Quote,
    Tariff,
    TravelLeg,
    WorkPeriod,
    calendar_for,
    from_json,
    quote,
    round_segment,
    split,
    to_json,
    windows_for,
)
from ouitec_terms.rules.pricing import work_lines
from strategies import (
    NO_CONTRACT,
    PARIS,
    UNDER_CONTRACT,
    any_clients,
    any_interventions,
    clients,
    durations,
    in_zone,
    included_hours,
    interventions,
    tariffs,
    zones,
)

CALENDAR = calendar_for(DEFAULT_TARIFF)
WINDOWS = windows_for(DEFAULT_TARIFF)
BUSINESS_DAYS = tuple(CALENDAR.business_days(date(2024, 1, 1), date(2026, 12, 31)))


@given(interventions(), clients, included_hours)
def test_total_ht_is_the_sum_of_the_lines(
    intervention: Intervention, client: Client, hours: Decimal
) -> None:
    """An itemised quote adds up: total HT is exactly the sum of its lines' amounts."""
    result = quote(intervention, client, included_hours_available=hours)
    assert result.total_ht == sum((line.amount_ht for line in result.lines), Decimal(0))


@given(interventions(), clients)
def test_vat_is_total_ht_times_rate_rounded_half_up(
    intervention: Intervention, client: Client
) -> None:
    """Art. 3 'majorés de la TVA en vigueur', rules §8: VAT on the HT total, half-up, to 1 ct."""
    result = quote(intervention, client)
    (vat,) = result.vat
    assert vat.base == result.total_ht
    expected = (result.total_ht * vat.rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert result.total_vat == vat.amount == expected


@given(any_interventions(), any_clients(), tariffs, included_hours)
def test_every_amount_of_a_quote_is_written_to_the_cent(
    intervention: Intervention, client: Client, tariff: Tariff, hours: Decimal
) -> None:
    """Amounts are euros and cents (rules §8; EN 16931 BR-DEC: two decimals at most): each line,
    the totals and the VAT line are written with exactly two decimals, so a quote's VAT line is
    found by its total in whole cents (the memo that quotes share, D99) and reads the same."""
    result = quote(intervention, client, tariff=tariff, included_hours_available=hours)
    (vat,) = result.vat
    amounts = [line.amount_ht for line in result.lines]
    amounts += [result.total_ht, result.total_vat, result.total_ttc, vat.base, vat.amount]
    assert all(amount.as_tuple().exponent == -2 for amount in amounts), amounts


@given(interventions(), clients)
def test_ttc_is_ht_plus_vat(intervention: Intervention, client: Client) -> None:
    """rules §8: TTC = HT + VAT, with no rounding of its own."""
    result = quote(intervention, client)
    assert result.total_ttc == result.total_ht + result.total_vat


@given(interventions(), clients, included_hours)
def test_json_round_trip_is_the_identity(
    intervention: Intervention, client: Client, hours: Decimal
) -> None:
    """A quote stored as JSON (Decimals as strings) reads back equal, amounts to the digit."""
    result = quote(intervention, client, included_hours_available=hours)
    text = to_json(result)
    again = from_json(Quote, text)
    assert again == result
    assert to_json(again) == text


SpanT = TypeVar("SpanT", WorkPeriod, TravelLeg)


@given(interventions(max_work=3, max_travel=2), clients, zones)
def test_price_does_not_depend_on_input_time_zone(
    intervention: Intervention, client: Client, zone: tzinfo
) -> None:
    """rules §3: times are judged in the tariff's time zone, whatever offset the input carries."""

    def moved(span: SpanT) -> SpanT:
        return span.model_copy(
            update={"start": in_zone(span.start, zone), "end": in_zone(span.end, zone)}
        )

    elsewhere = intervention.model_copy(
        update={
            "work": tuple(moved(p) for p in intervention.work),
            "travel": tuple(moved(t) for t in intervention.travel),
        }
    )
    assert quote(elsewhere, client) == quote(intervention, client)


@given(interventions(), included_hours)
def test_contract_never_costs_more(intervention: Intervention, hours: Decimal) -> None:
    """Art. 3: every rate under contract is below the rate without, so a client under contract
    never pays more for the same intervention (and included hours only lower the price)."""
    with_contract = quote(intervention, UNDER_CONTRACT, included_hours_available=hours)
    without = quote(intervention, NO_CONTRACT)
    assert with_contract.total_ht <= without.total_ht


@given(interventions(min_work=1), clients, included_hours, durations)
def test_lengthening_never_lowers_the_price(
    intervention: Intervention, client: Client, hours: Decimal, extra: timedelta
) -> None:
    """Art. 3 and 5: more time adds minutes to the last segment or new segments, each rounded
    up and priced at a non-negative rate, so extending the last span never lowers the price."""
    spans = [*intervention.work, *intervention.travel]
    last = max(spans, key=lambda s: s.end.astimezone(UTC))
    assume(isinstance(last, WorkPeriod))
    longer = WorkPeriod(start=last.start, end=last.end + extra, label=last.label)
    work = tuple(longer if p is last else p for p in intervention.work)
    extended = intervention.model_copy(update={"work": work})
    before = quote(intervention, client, included_hours_available=hours)
    after = quote(extended, client, included_hours_available=hours)
    assert after.total_ht >= before.total_ht


@st.composite
def business_periods(draw: st.DrawFn) -> WorkPeriod:
    """A work period entirely inside one business window (Mon–Fri 08:00–19:00, no holiday)."""
    day = draw(st.sampled_from(BUSINESS_DAYS))
    length = draw(st.integers(1, 11 * 60))
    offset = draw(st.integers(0, 11 * 60 - length))
    start = datetime.combine(day, time(8), PARIS) + timedelta(minutes=offset)
    return WorkPeriod(start=start, end=start + timedelta(minutes=length))


@given(business_periods(), st.sampled_from(BUSINESS_DAYS), st.integers(0, 11 * 60), clients)
def test_shifting_inside_business_hours_keeps_the_price(
    period: WorkPeriod, day: object, offset: int, client: Client
) -> None:
    """Art. 3: inside business hours every minute costs the same, so moving a period to any
    other place inside a business window leaves its price unchanged."""
    length = period.duration
    assume(timedelta(minutes=offset) + length <= timedelta(hours=11))
    start = datetime.combine(day, time(8), PARIS) + timedelta(minutes=offset)  # type: ignore[arg-type]
    moved = WorkPeriod(start=start, end=start + length)
    a = quote(Intervention(work=(period,)), client)
    b = quote(Intervention(work=(moved,)), client)
    assert a.total_ht == b.total_ht
    assert [line.billed_minutes for line in a.lines] == [line.billed_minutes for line in b.lines]


@given(st.integers(1, 4 * 24 * 4).map(lambda q: q * 15), st.integers(1, 500).map(Decimal))
def test_off_hours_line_costs_1_2_times_business_line(minutes: int, rate: Decimal) -> None:
    """Art. 3: 'une majoration de 20 %': an off-hours line costs exactly 1.2 × the same line in
    business hours. Exact for any whole-euro rate: a quarter hour of it is a multiple of 0.25 €
    and 1.2 × that a multiple of 0.30 €, so the cent rounding never bites."""
    surcharge = DEFAULT_TARIFF.off_hours_surcharge
    moment = datetime(2025, 3, 11, 9, tzinfo=UTC)

    def line_amount(off_hours: bool) -> Decimal:
        piece = (moment, moment + timedelta(minutes=minutes), off_hours)
        (line,), _ = work_lines([("", [piece])], step_minutes=15, rate=rate, surcharge=surcharge)
        return line.amount_ht

    assert line_amount(True) == line_amount(False) * Decimal("1.2")


@given(interventions(), included_hours)
def test_included_hours_absorb_only_business_work(
    intervention: Intervention, hours: Decimal
) -> None:
    """Art. 3, rules §5.3: included hours cover business-hours work only, never more than is
    available, first in time; included lines cost nothing and travel is never included."""
    result = quote(intervention, UNDER_CONTRACT, included_hours_available=hours)
    included = [line for line in result.lines if line.kind is LineKind.INCLUDED]
    assert all(not line.off_hours and line.amount_ht == 0 for line in included)
    used = sum((Decimal(line.billed_minutes) for line in included), Decimal(0)) / 60
    assert used == result.included_hours_used <= hours
    business_work = [
        line for line in result.lines if line.kind is LineKind.WORK and not line.off_hours
    ]
    if business_work and included:
        assert result.included_hours_used == hours
        assert max(line.start for line in included if line.start) <= min(
            line.start for line in business_work if line.start
        )


@given(interventions(channel=None))
def test_unconfirmed_phone_or_chat_request_is_not_due(intervention: Intervention) -> None:
    """Art. 5: a phone or chat request is due once confirmed in writing; portal and email
    requests are written already. The quote is computed either way."""
    result = quote(intervention, NO_CONTRACT)
    written = intervention.channel in (Channel.PORTAL, Channel.EMAIL)
    assert result.due is (written or intervention.confirmed_in_writing)
    assert result.channel is intervention.channel
    assert ("PAS ENCORE DÛ" in result.explain()) is not result.due


@given(interventions())
def test_travel_distance_is_billed_per_km(intervention: Intervention) -> None:
    """Art. 11: travel distance is one line, total km × price per km, rounded half-up."""
    result = quote(intervention, NO_CONTRACT, tariff=Tariff())
    distance = [line for line in result.lines if line.kind is LineKind.TRAVEL_DISTANCE]
    if not intervention.travel:
        assert distance == []
        return
    (line,) = distance
    km = sum((leg.distance_km for leg in intervention.travel), Decimal(0))
    assert line.quantity == km
    assert line.amount_ht == (km * Decimal("0.636")).quantize(Decimal("0.01"), ROUND_HALF_UP)


@given(interventions(min_work=1), clients, included_hours)
def test_billed_minutes_of_periods_equal_their_rounded_segments(
    intervention: Intervention, client: Client, hours: Decimal
) -> None:
    """Art. 3 and 5: the business and off-hours minutes billed for the work are exactly the sum
    of each period's segments rounded up one by one, however included hours split them."""
    result = quote(intervention, client, included_hours_available=hours)
    billed = {False: 0, True: 0}
    for line in result.lines:
        if line.kind in (LineKind.WORK, LineKind.INCLUDED):
            billed[line.off_hours] += line.billed_minutes
    expected = {False: 0, True: 0}
    for period in intervention.work:
        for part in split(period.start, period.end, WINDOWS):
            expected[part.off_hours] += round_segment(part, step_minutes=15).billed_minutes
    assert billed == expected


@given(any_interventions(), any_clients(), tariffs, included_hours)
def test_quantity_times_net_unit_price_is_the_amount(
    intervention: Intervention, client: Client, tariff: Tariff, hours: Decimal
) -> None:
    """For every line kind (work, included hours, travel, a day, its surcharge and overflow, a
    devis), the quantity times the one net unit price every rendering shows, rounded half-up
    to the cent, is the line's amount (EN 16931 BT-129 × BT-146 = BT-131): a remote day's
    off-hours surcharge line no longer prints "0,50 h × 81,25 € = 8,13 €" (issue 18)."""
    q = quote(intervention, client, tariff=tariff, included_hours_available=hours)
    for line in q.lines:
        product = (line.quantity * line.net_unit_price).quantize(Decimal("0.01"), ROUND_HALF_UP)
        assert product == line.amount_ht, line
