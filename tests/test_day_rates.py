"""Day rates, signed devis and travel without work (Art. 3, Art. 11; rules §5.2, §5.4, §6)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ouitec_terms import (
    DEFAULT_TARIFF,
    BillingMode,
    Client,
    Devis,
    Intervention,
    LineKind,
    Mention,
    MentionCode,
    TravelLeg,
    WorkPeriod,
    calendar_for,
    quote,
    round_segment,
    split,
    windows_for,
)
from ouitec_terms.presentation.pieces import line_description
from strategies import NO_CONTRACT, PARIS, UNDER_CONTRACT, clients, interventions

CALENDAR = calendar_for(DEFAULT_TARIFF)
WINDOWS = windows_for(DEFAULT_TARIFF)
REMOTE, ONSITE = BillingMode.REMOTE_DAY, BillingMode.ONSITE_DAY
DAY, SUR, OVER, W, TT, TD, DEV = (
    LineKind.DAY,
    LineKind.DAY_SURCHARGE,
    LineKind.DAY_OVERFLOW,
    LineKind.WORK,
    LineKind.TRAVEL_TIME,
    LineKind.TRAVEL_DISTANCE,
    LineKind.DEVIS,
)


def at(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=PARIS)


def periods(*spans: tuple[datetime, datetime]) -> tuple[WorkPeriod, ...]:
    return tuple(WorkPeriod(start=s, end=e) for s, e in spans)


ROUND_TRIP = (
    TravelLeg(start=at(2025, 3, 13, 8, 20), end=at(2025, 3, 13, 9), distance_km=Decimal(25)),
    TravelLeg(start=at(2025, 3, 13, 16), end=at(2025, 3, 13, 16, 40), distance_km=Decimal(25)),
)
ONSITE_WORK = periods((at(2025, 3, 13, 9), at(2025, 3, 13, 16)))


def devis(signed: bool, includes_travel: bool = True) -> Devis:
    return Devis(
        reference="DV-7", amount_ht=Decimal(1200), signed=signed, includes_travel=includes_travel
    )


FLOOR = Mention(code=MentionCode.ONSITE_DAY_FLOOR, value="750")
UNSIGNED = Mention(code=MentionCode.UNSIGNED_DEVIS, value="DV-7")


@dataclass(frozen=True)
class Case:
    name: str
    client: Client
    intervention: Intervention
    #: (kind, billed minutes, amount HT) of every line, in order
    lines: tuple[tuple[LineKind, int, str], ...]
    totals: tuple[str, str, str]
    mentions: tuple[Mention, ...] = ()


CASES = (
    Case(
        "spec-example-5",
        UNDER_CONTRACT,
        Intervention(mode=REMOTE, work=periods((at(2025, 6, 11, 7, 30), at(2025, 6, 11, 17)))),
        ((DAY, 480, "550.00"), (SUR, 30, "6.88"), (OVER, 90, "112.50")),
        ("669.38", "133.88", "803.26"),
    ),
    Case(
        "day-longer-than-8h",
        NO_CONTRACT,
        Intervention(mode=REMOTE, work=periods((at(2025, 3, 11, 8), at(2025, 3, 11, 18, 30)))),
        ((DAY, 480, "650.00"), (OVER, 150, "225.00")),
        ("875.00", "175.00", "1050.00"),
    ),
    Case(
        "day-on-a-saturday",
        UNDER_CONTRACT,
        Intervention(mode=REMOTE, work=periods((at(2025, 3, 15, 9), at(2025, 3, 15, 15)))),
        ((DAY, 360, "550.00"), (SUR, 360, "82.50")),
        ("632.50", "126.50", "759.00"),
    ),
    Case(
        "night-crossing-midnight-belongs-to-its-start-date",
        NO_CONTRACT,
        Intervention(mode=REMOTE, work=periods((at(2025, 3, 11, 20), at(2025, 3, 12, 6)))),
        ((DAY, 480, "650.00"), (SUR, 480, "130.00"), (OVER, 120, "216.00")),
        ("996.00", "199.20", "1195.20"),
    ),
    Case(
        "two-days-two-units",
        UNDER_CONTRACT,
        Intervention(
            mode=REMOTE,
            work=periods(
                (at(2025, 3, 10, 9), at(2025, 3, 10, 17)),
                (at(2025, 3, 11, 9), at(2025, 3, 11, 12)),
            ),
        ),
        ((DAY, 480, "550.00"), (DAY, 180, "550.00")),
        ("1100.00", "220.00", "1320.00"),
    ),
    Case(
        "onsite-day-without-contract-is-a-floor",
        NO_CONTRACT,
        Intervention(mode=ONSITE, work=ONSITE_WORK, travel=ROUND_TRIP),
        ((TT, 45, "67.50"), (DAY, 420, "750.00"), (TT, 45, "67.50"), (TD, 0, "31.80")),
        ("916.80", "183.36", "1100.16"),
        (FLOOR,),
    ),
    Case(
        "onsite-day-under-contract-is-a-price",
        UNDER_CONTRACT,
        Intervention(mode=ONSITE, work=ONSITE_WORK, travel=ROUND_TRIP),
        ((TT, 45, "56.25"), (DAY, 420, "600.00"), (TT, 45, "56.25"), (TD, 0, "31.80")),
        ("744.30", "148.86", "893.16"),
    ),
    Case(
        "signed-devis-including-travel",
        NO_CONTRACT,
        Intervention(mode=ONSITE, work=ONSITE_WORK, travel=ROUND_TRIP, devis=devis(True)),
        ((DEV, 0, "1200.00"),),
        ("1200.00", "240.00", "1440.00"),
    ),
    Case(
        "signed-devis-excluding-travel",
        NO_CONTRACT,
        Intervention(mode=ONSITE, work=ONSITE_WORK, travel=ROUND_TRIP, devis=devis(True, False)),
        ((TT, 45, "67.50"), (DEV, 0, "1200.00"), (TT, 45, "67.50"), (TD, 0, "31.80")),
        ("1366.80", "273.36", "1640.16"),
    ),
    Case(
        "unsigned-devis-changes-nothing",
        NO_CONTRACT,
        Intervention(mode=ONSITE, work=ONSITE_WORK, travel=ROUND_TRIP, devis=devis(False)),
        ((TT, 45, "67.50"), (DAY, 420, "750.00"), (TT, 45, "67.50"), (TD, 0, "31.80")),
        ("916.80", "183.36", "1100.16"),
        (FLOOR, UNSIGNED),
    ),
    Case(
        "travel-only-no-work-done",
        NO_CONTRACT,
        Intervention(
            mode=ONSITE,
            devis=devis(False),
            travel=(
                TravelLeg(
                    start=at(2025, 3, 13, 8, 20), end=at(2025, 3, 13, 9), distance_km=Decimal(25)
                ),
                TravelLeg(
                    start=at(2025, 3, 13, 9, 30),
                    end=at(2025, 3, 13, 10, 10),
                    distance_km=Decimal(25),
                ),
            ),
        ),
        ((TT, 45, "67.50"), (TT, 45, "67.50"), (TD, 0, "31.80")),
        ("166.80", "33.36", "200.16"),
        (UNSIGNED,),
    ),
)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_day_rate_and_devis_examples(case: Case) -> None:
    """rules §5.2, §5.4, §6 worked by hand: every line's kind, billed minutes and amount."""
    result = quote(case.intervention, case.client)
    got = tuple((line.kind, line.billed_minutes, str(line.amount_ht)) for line in result.lines)
    assert got == case.lines
    assert (str(result.total_ht), str(result.total_vat), str(result.total_ttc)) == case.totals
    assert result.mentions == case.mentions


def test_floor_day_line_says_a_partir_de() -> None:
    """Art. 3 "dès 750 € HT": the on-site day line without contract says "à partir de"."""
    result = quote(Intervention(mode=ONSITE, work=ONSITE_WORK), NO_CONTRACT)
    (day,) = [line for line in result.lines if line.kind is DAY]
    assert "à partir de 750,00\u00a0€\u00a0HT" in line_description(day, result)


def test_devis_amount_must_be_in_cents() -> None:
    """A devis amount is money: whole cents only."""
    with pytest.raises(ValueError, match="fractions of a cent"):
        Devis(reference="D", amount_ht=Decimal("10.005"), signed=True)


def test_signed_devis_consumes_no_included_hours() -> None:
    """rules §5.3: work under a signed devis never consumes included hours."""
    job = Intervention(work=ONSITE_WORK, devis=devis(True))
    result = quote(job, UNDER_CONTRACT, included_hours_available=Decimal(4))
    assert result.included_hours_used == 0


def day_mode(intervention: Intervention, mode: BillingMode = REMOTE) -> Intervention:
    return intervention.model_copy(update={"mode": mode})


@given(interventions(min_work=1), clients)
def test_day_unit_never_covers_more_than_480_minutes(
    intervention: Intervention, client: Client
) -> None:
    """Art. 3 "journée complète … (jusqu'à 8h)": a day unit covers at most 480 billed minutes."""
    result = quote(day_mode(intervention), client)
    assert all(line.billed_minutes <= 480 for line in result.lines if line.kind is DAY)


@given(interventions(min_work=1), clients, st.sampled_from((REMOTE, ONSITE)))
def test_covered_plus_overflow_is_the_billed_minutes_of_each_date(
    intervention: Intervention, client: Client, mode: BillingMode
) -> None:
    """rules §5.2: for each local date, the day's covered minutes plus the hourly overflow equal
    the billed minutes of that date's rounded segments; nothing is lost or billed twice."""
    result = quote(day_mode(intervention, mode), client)
    billed: dict[date, int] = defaultdict(int)
    for line in result.lines:
        if line.kind in (DAY, OVER) and line.start is not None:
            billed[line.start.astimezone(PARIS).date()] += line.billed_minutes
    expected: dict[date, int] = defaultdict(int)
    for period in intervention.work:
        for part in split(period.start, period.end, WINDOWS):
            day = part.start.astimezone(PARIS).date()
            expected[day] += round_segment(part, step_minutes=15).billed_minutes
    assert billed == expected
    assert len([line for line in result.lines if line.kind is DAY]) == len(expected)


BUSINESS_DAYS = tuple(CALENDAR.business_days(date(2024, 1, 1), date(2026, 12, 31)))


@given(
    st.sampled_from(BUSINESS_DAYS),
    st.integers(0, 11 * 60 - 1),
    st.integers(1, 8 * 60),
    clients,
)
def test_business_day_of_at_most_8_hours_costs_the_day_rate(
    day: date, offset: int, minutes: int, client: Client
) -> None:
    """Art. 3: a remote day inside business hours, up to 8 h of work, costs the day rate."""
    start = datetime.combine(day, time(8), PARIS) + timedelta(minutes=offset)
    end = min(start + timedelta(minutes=minutes), datetime.combine(day, time(19), PARIS))
    result = quote(Intervention(mode=REMOTE, work=periods((start, end))), client)
    rates = DEFAULT_TARIFF.rates(under_contract=result.under_contract)
    assert result.total_ht == rates.remote_day
