"""Exploring prices in Jupyter: tables, price grids, a week heatmap, tariff what-ifs.

Needs the ``notebook`` extra (``pip install 'ouitec-terms[notebook]'``: pandas, matplotlib); the
core library never imports this module. Amounts stay `Decimal` in the frames
(``object`` columns), so sums are exact; convert with ``.astype(float)`` only to plot.

```pycon
>>> from datetime import date
>>> from ouitec_terms import Client, quote
>>> from ouitec_terms.synthetic import synthetic_tickets
>>> tickets = synthetic_tickets(20, seed=1, year=2025)
>>> frame = to_frame([quote(t, Client(name="C")) for t in tickets])
>>> list(frame.columns[:5])
['reference', 'status_date', 'under_contract', 'mode', 'kind']

```
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import pandas as pd

from .assembly.quote import Quote, quote
from .assembly.statement import Statement
from .boundary.models import BillingMode, Client, Intervention, WorkPeriod
from .boundary.tariff import DEFAULT_TARIFF, Tariff
from .money import in_library_context
from .presentation.messages import messages_for
from .presentation.pieces import line_description
from .rules.calendar import calendar_for
from .synthetic import synthetic_tickets

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "compare_tariffs",
    "decimal_sum",
    "money_axis",
    "price_grid",
    "synthetic_tickets",
    "to_frame",
    "totals_frame",
    "week_grid",
    "week_heatmap",
    "week_slots",
]

Quotes = Quote | Statement | Iterable[Quote]


def _quotes(source: Quotes) -> list[Quote]:
    if isinstance(source, Quote):
        return [source]
    if isinstance(source, Statement):
        return [*source.quotes]
    return list(source)


@in_library_context
def to_frame(source: Quotes) -> pd.DataFrame:
    """One row per quote line: which intervention, what, why, when, raw and billed time, price.

    ``source`` is a quote, quotes, or a statement (its due quotes). Amounts are Decimals.
    """
    rows = [
        {
            "reference": q.reference,
            "status_date": q.status_date,
            "under_contract": q.under_contract,
            "mode": q.mode.value,
            "kind": line.kind.value,
            "article": line.article,
            "label": line.label,
            "description": line_description(line, q),
            "start": _local(line.start, q.timezone),
            "end": _local(line.end, q.timezone),
            "raw_minutes": line.raw_seconds / 60,
            "billed_minutes": line.billed_minutes,
            "off_hours": line.off_hours,
            "quantity": line.quantity,
            "unit": line.unit.value,
            "unit_price": line.unit_price,
            "surcharge_rate": line.surcharge_rate,
            "amount_ht": line.amount_ht,
        }
        for q in _quotes(source)
        for line in q.lines
    ]
    return pd.DataFrame(rows, columns=_LINE_COLUMNS)


def _local(moment: datetime | None, zone: str) -> datetime | None:
    """Quote times are UTC; frames show them on the tariff's wall clock."""
    return moment.astimezone(ZoneInfo(zone)) if moment is not None else None


_LINE_COLUMNS = [
    "reference", "status_date", "under_contract", "mode", "kind", "article", "label",
    "description", "start",
    "end", "raw_minutes", "billed_minutes", "off_hours", "quantity", "unit", "unit_price",
    "surcharge_rate", "amount_ht",
]  # fmt: skip


@in_library_context
def totals_frame(source: Quotes) -> pd.DataFrame:
    """One row per quote: status, minutes billed in and out of business hours, totals."""
    rows = []
    for q in _quotes(source):
        timed = [line for line in q.lines if line.start is not None]
        rows.append(
            {
                "reference": q.reference,
                "status_date": q.status_date,
                "client": q.client_name,
                "under_contract": q.under_contract,
                "mode": q.mode.value,
                "business_minutes": sum(li.billed_minutes for li in timed if not li.off_hours),
                "off_hours_minutes": sum(li.billed_minutes for li in timed if li.off_hours),
                "total_ht": q.total_ht,
                "total_vat": q.total_vat,
                "total_ttc": q.total_ttc,
                "due": q.due,
            }
        )
    return pd.DataFrame(rows, columns=_TOTAL_COLUMNS)


_TOTAL_COLUMNS = [
    "reference", "status_date", "client", "under_contract", "mode", "business_minutes",
    "off_hours_minutes", "total_ht", "total_vat", "total_ttc", "due",
]  # fmt: skip


@in_library_context
def price_grid(
    client: Client,
    *,
    durations: Sequence[timedelta],
    starts: Sequence[datetime],
    tariff: Tariff = DEFAULT_TARIFF,
    mode: BillingMode = BillingMode.HOURLY,
) -> pd.DataFrame:
    """Total HT of one work period for every (start, duration): rows starts, columns durations."""
    data = [
        [
            quote(
                Intervention(mode=mode, work=(WorkPeriod(start=start, end=start + length),)),
                client,
                tariff=tariff,
            ).total_ht
            for length in durations
        ]
        for start in starts
    ]
    return pd.DataFrame(
        data,
        index=pd.Index(list(starts), name="start"),
        columns=pd.Index(list(durations), name="duration"),
    )


def week_slots(week_of: date, tariff: Tariff = DEFAULT_TARIFF) -> tuple[list[date], list[time]]:
    """The 7 days (Monday first) of the ISO week of ``week_of`` and the 48 half-hour slots."""
    monday = week_of - timedelta(days=week_of.weekday())
    days = [monday + timedelta(days=k) for k in range(7)]
    slots = [time(h, m) for h in range(24) for m in (0, 30)]
    return days, slots


@in_library_context
def week_grid(
    client: Client, *, duration: timedelta, week_of: date, tariff: Tariff = DEFAULT_TARIFF
) -> pd.DataFrame:
    """The cost (€ HT) of a ``duration`` intervention by start slot (rows) and day (columns)."""
    days, slots = week_slots(week_of, tariff)
    tz = ZoneInfo(tariff.timezone)
    columns = {}
    for day in days:
        starts = [datetime.combine(day, slot, tz) for slot in slots]
        grid = price_grid(client, durations=[duration], starts=starts, tariff=tariff)
        columns[day] = list(grid.iloc[:, 0])
    return pd.DataFrame(columns, index=pd.Index(slots, name="start"))


def week_heatmap(
    client: Client,
    *,
    duration: timedelta,
    week_of: date,
    tariff: Tariff = DEFAULT_TARIFF,
    lang: str = "fr",
) -> Figure:
    """A heatmap of what an intervention of ``duration`` costs, by start time and day of a week.

    Rows are 30-minute start slots, columns the days of the ISO week of ``week_of``; public
    holidays are named under their day and hatched. The colour bar is in € HT. Its words come
    from the catalogue of ``lang`` (French by default).
    """
    from matplotlib.axes import Axes  # noqa: PLC0415 - optional dependency, imported on use
    from matplotlib.figure import Figure  # noqa: PLC0415

    m = messages_for(lang)

    grid = week_grid(client, duration=duration, week_of=week_of, tariff=tariff)
    days, slots = week_slots(week_of, tariff)
    calendar = calendar_for(tariff, subdivision=client.holiday_subdivision)
    values = grid.to_numpy(dtype=float)
    figure = Figure(figsize=(9, 8), layout="constrained")
    axes = figure.subplots()
    assert isinstance(axes, Axes)  # one subplot (older stubs type it as a union)
    image = axes.imshow(values, aspect="auto", cmap="viridis", interpolation="nearest")
    labels = []
    for k, day in enumerate(days):
        name = calendar.holiday_name(day)
        labels.append(m.day(day)[:-5] + (f"\n{name}" if name else ""))
        if name:
            axes.add_patch(_hatch(k, len(grid.index)))
    axes.set_xticks(range(len(days)), labels)
    axes.set_yticks(range(0, len(slots), 2), [f"{t:%H:%M}" for t in slots[::2]])
    hours = Decimal(int(duration.total_seconds())) / 3600
    axes.set_title(
        m.text(
            "plot.heatmap_title",
            hours=m.length(hours),
            week=m.day(days[0]),
            client=client.name,
            version=tariff.version,
            timezone=tariff.timezone,
        )
    )
    axes.set_xlabel(m.text("plot.heatmap_days"))
    axes.set_ylabel(m.text("plot.heatmap_starts"))
    bar = figure.colorbar(image, ax=axes)
    bar.set_label(m.text("plot.price_axis"))
    money_axis(bar.ax.yaxis, lang=lang)
    return figure


def money_axis(axis: Any, *, lang: str = "fr") -> None:
    """Label a matplotlib axis of euros the document's way: ``12 500 €`` in French, thousands
    separated, no cents (a plot does not show them)."""
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415 - optional dependency

    m = messages_for(lang)

    def euros(value: float, _: object) -> str:
        whole = m.number(Decimal(round(value)), 0)
        return f"{whole}\u00a0€" if m.french else f"€{whole}"

    axis.set_major_formatter(FuncFormatter(euros))


def _hatch(column: int, rows: int) -> Any:
    from matplotlib.patches import Rectangle  # noqa: PLC0415 - optional dependency

    return Rectangle(
        (column - 0.5, -0.5), 1, rows, fill=False, hatch="//", edgecolor="white", linewidth=0
    )


@in_library_context
def compare_tariffs(
    interventions: Iterable[Intervention], client: Client, tariffs: Mapping[str, Tariff]
) -> pd.DataFrame:
    """The same interventions priced under each tariff: totals HT side by side, and for every
    tariff after the first, its difference from the first (``Δ name``)."""
    if not tariffs:
        raise ValueError("give at least one tariff, e.g. {'terms': DEFAULT_TARIFF}")
    names = list(tariffs)
    rows = []
    for intervention in interventions:
        row: dict[str, Any] = {"reference": intervention.reference}
        for name in names:
            row[name] = quote(intervention, client, tariff=tariffs[name]).total_ht
        for name in names[1:]:
            row[f"Δ {name}"] = row[name] - row[names[0]]
        rows.append(row)
    columns = ["reference", *names, *(f"Δ {name}" for name in names[1:])]
    return pd.DataFrame(rows, columns=columns)


@in_library_context
def decimal_sum(column: pd.Series[Any]) -> Decimal:
    """The exact sum of a column of Decimals (``Decimal(0)`` when empty)."""
    return sum(column, Decimal(0))
