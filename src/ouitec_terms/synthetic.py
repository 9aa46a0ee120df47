"""Reproducible synthetic tickets for demos, notebooks and what-if studies.

A seeded mix of what OUiTEC's support sees: short remote fixes in office hours, off-hours
outages (evenings, nights, weekends, public holidays), and on-site days with a round trip from
Charly. The same ``(n, seed, year)`` always gives the same tickets.

```pycon
>>> tickets = synthetic_tickets(200, seed=7, year=2025)
>>> len(tickets), tickets == synthetic_tickets(200, seed=7, year=2025)
(200, True)
>>> sorted({t.mode.value for t in tickets})
['hourly', 'onsite_day']

```
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from .boundary.models import BillingMode, Channel, Intervention, TravelLeg, WorkPeriod

__all__ = ["TICKET_MIX", "synthetic_tickets"]

TICKET_MIX = (("remote_fix", 60), ("outage", 25), ("onsite_day", 15))
"""Share of each kind of ticket: (kind, weight)."""
_LABELS = {
    "remote_fix": (
        "Réinitialisation de mot de passe",
        "Boîte aux lettres pleine",
        "Accès VPN",
        "Pilote d’imprimante",
        "Contrôle des sauvegardes",
    ),
    "outage": (
        "Pare-feu en panne",
        "Serveur injoignable",
        "Alerte rançongiciel",
        "Lien Internet coupé",
    ),
    "onsite_day": (
        "Audit Wi-Fi",
        "Déménagement de la salle serveur",
        "Remplacement du pare-feu",
        "Câblage",
    ),
}


def _day(rng: random.Random, year: int) -> date:
    first = date(year, 1, 1)
    return first + timedelta(days=rng.randrange((date(year + 1, 1, 1) - first).days))


def _remote_fix(rng: random.Random, day: date, tz: ZoneInfo) -> tuple[WorkPeriod, ...]:
    while day.isoweekday() > 5:
        day += timedelta(days=1)
    start = datetime.combine(day, time(8), tz) + timedelta(minutes=rng.randrange(0, 10 * 60, 5))
    minutes = rng.choice((5, 10, 15, 20, 25, 30, 40, 45, 50, 60, 75, 90, 120))
    return (
        WorkPeriod(
            start=start, end=start + timedelta(minutes=minutes), label="Dépannage à distance"
        ),
    )


def _outage(rng: random.Random, day: date, tz: ZoneInfo) -> tuple[WorkPeriod, ...]:
    hour = rng.choice((18, 19, 20, 21, 22, 23, 0, 1, 2, 5, 6, 7, 10, 14))
    start = datetime.combine(day, time(hour), tz) + timedelta(minutes=rng.randrange(0, 60, 5))
    minutes = rng.randrange(20, 5 * 60, 5)
    return (WorkPeriod(start=start, end=start + timedelta(minutes=minutes), label="Panne"),)


def _onsite(
    rng: random.Random, day: date, tz: ZoneInfo
) -> tuple[tuple[WorkPeriod, ...], tuple[TravelLeg, ...]]:
    while day.isoweekday() > 5:
        day += timedelta(days=1)
    drive = timedelta(minutes=rng.randrange(15, 75, 5))
    km = Decimal(rng.randrange(4, 90))
    arrive = datetime.combine(day, time(8, 30), tz) + timedelta(minutes=rng.randrange(0, 90, 15))
    leave = arrive + timedelta(minutes=rng.randrange(4 * 60, 10 * 60, 15))
    work = (WorkPeriod(start=arrive, end=leave, label="Sur site"),)
    legs = (
        TravelLeg(start=arrive - drive, end=arrive, distance_km=km, label="Aller"),
        TravelLeg(start=leave, end=leave + drive, distance_km=km, label="Retour"),
    )
    return work, legs


def synthetic_tickets(
    n: int, *, seed: int, year: int, timezone: str = "Europe/Paris"
) -> tuple[Intervention, ...]:
    """``n`` realistic interventions of ``year``, reproducible from ``seed``, in start order."""
    if not 0 <= n <= 1_000_000:
        raise ValueError(f"n = {n}: ask for 0 to 1 000 000 tickets")
    rng = random.Random(f"{seed}-{year}")
    tz = ZoneInfo(timezone)
    kinds = [kind for kind, _ in TICKET_MIX]
    weights = [weight for _, weight in TICKET_MIX]
    tickets = []
    for kind in rng.choices(kinds, weights, k=n):
        day = _day(rng, year)
        label = rng.choice(_LABELS[kind])
        channel = rng.choice((Channel.PORTAL, Channel.PORTAL, Channel.EMAIL, Channel.PHONE))
        travel: tuple[TravelLeg, ...] = ()
        mode = BillingMode.HOURLY
        if kind == "remote_fix":
            work = _remote_fix(rng, day, tz)
        elif kind == "outage":
            work = _outage(rng, day, tz)
        else:
            work, travel = _onsite(rng, day, tz)
            mode = BillingMode.ONSITE_DAY
        work = tuple(p.model_copy(update={"label": label}) for p in work)
        tickets.append(
            Intervention(
                work=work,
                travel=travel,
                mode=mode,
                channel=channel,
                confirmed_in_writing=True,
            )
        )
    tickets.sort(key=lambda t: t.earliest_start)
    return tuple(
        t.model_copy(update={"reference": f"SYN-{year}-{i:05d}"}) for i, t in enumerate(tickets, 1)
    )
