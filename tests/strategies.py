"""Domain strategies: instants, spans, interventions and clients that reach the hard cases.

They lean on DST days, public holidays, the 08:00 and 19:00 edges and multi-day spans, because
that is where a pricing pipeline goes wrong.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from decimal import Decimal
from zoneinfo import ZoneInfo

import holidays
from hypothesis import strategies as st

from ouitec_terms import (
    DEFAULT_TARIFF,
    BillingMode,
    Channel,
    Client,
    Contract,
    Devis,
    Intervention,
    Service,
    Tariff,
    TravelLeg,
    VatRegime,
    WorkPeriod,
)

PARIS = ZoneInfo("Europe/Paris")
FIRST_DAY, LAST_DAY = date(2024, 1, 1), date(2026, 12, 31)

DST_DAYS = (
    date(2024, 3, 31),
    date(2024, 10, 27),
    date(2025, 3, 30),
    date(2025, 10, 26),
    date(2026, 3, 29),
    date(2026, 10, 25),
)
FRENCH_HOLIDAYS = holidays.country_holidays("FR", years=range(2024, 2027))
HOLIDAYS = tuple(sorted(FRENCH_HOLIDAYS))
#: Days where the business window opens or closes in unusual company.
SPECIAL_DAYS = tuple(
    sorted({d + timedelta(days=k) for d in (*DST_DAYS, *HOLIDAYS) for k in (-1, 0, 1)})
)
EDGE_TIMES = tuple(
    time(h, m)
    for h, m in (
        (0, 0), (1, 59), (2, 0), (2, 30), (3, 0), (7, 45), (7, 59), (8, 0), (8, 1),
        (12, 0), (18, 45), (18, 59), (19, 0), (19, 1), (23, 45), (23, 59),
    )
)  # fmt: skip
ZONES: tuple[tzinfo, ...] = (
    UTC,
    PARIS,
    timezone(timedelta(hours=-5)),
    timezone(timedelta(hours=5, minutes=30)),
    ZoneInfo("America/New_York"),
    ZoneInfo("Asia/Tokyo"),
)

local_days = st.one_of(
    st.sampled_from(SPECIAL_DAYS).filter(lambda d: FIRST_DAY <= d <= LAST_DAY),
    st.dates(min_value=FIRST_DAY, max_value=LAST_DAY),
)
local_times = st.one_of(
    st.sampled_from(EDGE_TIMES),
    st.builds(time, st.integers(0, 23), st.integers(0, 59)),
    st.builds(time, st.integers(0, 23), st.integers(0, 59), st.integers(0, 59)),
)
zones = st.sampled_from(ZONES)


@st.composite
def instants(draw: st.DrawFn) -> datetime:
    """An instant (UTC) whose Paris wall time is often an edge, a DST day or a holiday."""
    day, clock, fold = draw(local_days), draw(local_times), draw(st.integers(0, 1))
    return datetime.combine(day, clock, PARIS).replace(fold=fold).astimezone(UTC)


durations = st.one_of(
    st.integers(1, 120).map(lambda m: timedelta(minutes=m)),
    st.sampled_from((14, 15, 16, 29, 30, 31, 44, 45, 46, 60)).map(lambda m: timedelta(minutes=m)),
    st.integers(1, 24 * 3600).map(lambda s: timedelta(seconds=s)),
    st.integers(1, 20 * 24 * 60).map(lambda m: timedelta(minutes=m)),
)


def in_zone(moment: datetime, zone: tzinfo) -> datetime:
    """``moment`` expressed in ``zone`` (same instant)."""
    return moment.astimezone(zone)


@st.composite
def spans(draw: st.DrawFn, max_duration: timedelta | None = None) -> tuple[datetime, datetime]:
    """A ``(start, end)`` pair in UTC, ``end`` after ``start``."""
    start = draw(instants())
    length = draw(durations)
    if max_duration is not None:
        length = min(length, max_duration)
    return start, start + length


@st.composite
def interventions(
    draw: st.DrawFn,
    *,
    max_work: int = 3,
    max_travel: int = 2,
    min_work: int = 0,
    channel: Channel | None = Channel.PORTAL,
) -> Intervention:
    """Non-overlapping work periods and travel legs, expressed in arbitrary time zones."""
    n_work = draw(st.integers(min_work, max_work))
    n_travel = draw(st.integers(0 if n_work else 1, max_travel))
    kinds = draw(st.permutations(["work"] * n_work + ["travel"] * n_travel))
    cursor = draw(instants())
    work: list[WorkPeriod] = []
    travel: list[TravelLeg] = []
    for kind in kinds:
        cursor += draw(st.sampled_from((timedelta(0), timedelta(minutes=10), timedelta(hours=5))))
        travel_time = st.integers(1, 180).map(lambda m: timedelta(minutes=m))
        length = draw(durations if kind == "work" else travel_time)
        start, end = in_zone(cursor, draw(zones)), in_zone(cursor + length, draw(zones))
        if kind == "work":
            work.append(WorkPeriod(start=start, end=end, label=draw(st.sampled_from(("", "Fix")))))
        else:
            km = Decimal(draw(st.integers(0, 150_000))) / 1000
            travel.append(TravelLeg(start=start, end=end, distance_km=km))
        cursor += length
    return Intervention(
        work=tuple(work),
        travel=tuple(travel),
        channel=channel if channel is not None else draw(st.sampled_from(Channel)),
        confirmed_in_writing=draw(st.booleans()),
    )


CONTRACT = Contract(
    service=Service.MONITORING,
    monthly_commitment=Decimal(600),
    start=date(2023, 1, 1),
    months=60,
)
NO_CONTRACT = Client(name="Sans Contrat SARL")
UNDER_CONTRACT = Client(name="Sous Contrat SAS", contracts=(CONTRACT,))
clients = st.sampled_from((NO_CONTRACT, UNDER_CONTRACT))
included_hours = st.integers(0, 40).map(lambda q: Decimal(q) / 4)


@st.composite
def month_interventions(draw: st.DrawFn, year: int = 2025, month: int = 6) -> Intervention:
    """One intervention starting in ``year``-``month`` (Paris), of a few hours of work."""
    day = draw(st.integers(1, 28))
    clock = draw(local_times)
    start = datetime.combine(date(year, month, day), clock, PARIS)
    length = timedelta(minutes=draw(st.integers(1, 10 * 60)))
    return Intervention(
        reference=f"T-{day:02d}-{clock:%H%M}",
        work=(WorkPeriod(start=start, end=start + length),),
        channel=draw(st.sampled_from((Channel.PORTAL, Channel.EMAIL, Channel.PHONE))),
        confirmed_in_writing=draw(st.booleans()),
    )


INCLUDED_CONTRACT = Contract(
    service=Service.USER_SUPPORT,
    monthly_commitment=Decimal(800),
    start=date(2025, 1, 1),
    months=12,
    included_hours_per_month=Decimal(6),
)
WITH_INCLUDED_HOURS = Client(name="Heures incluses SA", contracts=(INCLUDED_CONTRACT,))


#: Tariffs a manager explores: the surcharge, the rounding step and the rates varied.
tariffs = st.builds(
    lambda surcharge, step, hourly, remote, onsite: DEFAULT_TARIFF.replace(
        version=f"what-if-{surcharge}-{step}",
        off_hours_surcharge=surcharge,
        rounding_minutes=step,
        under_contract={"hourly": hourly},
        not_under_contract={"hourly": hourly + 15, "remote_day": remote, "onsite_day": onsite},
    ),
    st.sampled_from(("0.20", "0.25", "0.30", "0")),
    st.sampled_from((15, 30, 6, 60)),
    st.integers(40, 120),
    st.integers(300, 900),
    st.integers(400, 1000),
) | st.just(DEFAULT_TARIFF)
#: Where a client stands for VAT, and the holiday calendar of its site.
regimes = st.sampled_from(VatRegime)
places = st.sampled_from((None, "57", "6AE", "974"))


@st.composite
def any_clients(draw: st.DrawFn) -> Client:
    """A client with or without contract, in any VAT regime, with its site anywhere."""
    base = draw(st.sampled_from((NO_CONTRACT, UNDER_CONTRACT, WITH_INCLUDED_HOURS)))
    return base.model_copy(
        update={"vat_regime": draw(regimes), "holiday_subdivision": draw(places)}
    )


@st.composite
def any_interventions(draw: st.DrawFn) -> Intervention:
    """Interventions in every billing mode, with or without a devis (signed or not)."""
    intervention = draw(interventions(channel=None))
    devis = draw(
        st.one_of(
            st.none(),
            st.builds(
                Devis,
                reference=st.just("DV-1"),
                amount_ht=st.integers(1, 10**6).map(lambda c: Decimal(c) / 100),
                signed=st.booleans(),
                includes_travel=st.booleans(),
            ),
        )
    )
    return intervention.model_copy(
        update={"mode": draw(st.sampled_from(BillingMode)), "devis": devis}
    )


#: Zones whose clocks change, north and south, by one hour or by half an hour (Lord Howe).
CHANGING_ZONES = ("Europe/Paris", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe")


def clock_change_days(zone: str, years: range = range(2020, 2031)) -> tuple[date, ...]:
    """The local days of ``years`` on which ``zone``'s clock changes (spring and autumn)."""
    tz = ZoneInfo(zone)
    days = []
    day = date(years.start, 1, 1)
    while day.year < years.stop:
        noon = datetime.combine(day, time(12), tz)
        yesterday = datetime.combine(day - timedelta(days=1), time(12), tz)
        if noon.utcoffset() != yesterday.utcoffset():  # the clock changed in the night before
            days.append(day)
        day += timedelta(days=1)
    return tuple(sorted(set(days)))


@st.composite
def small_hours_tariffs(draw: st.DrawFn) -> Tariff:
    """Tariffs open every day in a zone whose clock changes, with business-window edges in the
    small hours (where the clock skips or repeats), on any rounding step (D64)."""
    minutes = st.integers(0, 5 * 4).map(lambda q: time(q // 4, q % 4 * 15))
    start, end = sorted(draw(st.lists(minutes, min_size=2, max_size=2, unique=True)))
    return DEFAULT_TARIFF.replace(
        version="small-hours",
        timezone=draw(st.sampled_from(CHANGING_ZONES)),
        business_start=start,
        business_end=end,
        business_weekdays=(1, 2, 3, 4, 5, 6, 7),
        rounding_minutes=draw(st.sampled_from((15, 30, 6))),
    )
