r"""Human renderings of a quote: French amounts, a plain-text account, an HTML table.

Thousands are separated by a narrow no-break space and the unit follows a no-break space, as
French typography wants, so an amount never wraps across lines:

```pycon
>>> format_eur(Decimal("1234.5"))
'1\u202f234,50\xa0€'
>>> format_hours(Decimal("1.25")), format_price(Decimal("0.636"))
('1,25\xa0h', '0,636\xa0€')
>>> format_quantity(Decimal("64"), "km")
'64\xa0km'
>>> format_duration(Decimal("4800"))
'1:20:00'

```
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from .money import in_library_context, round_cents
from .pricing import LineKind, QuoteLine

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .quote import Quote
    from .statement import Statement
    from .vat import VatLine

__all__ = [
    "format_duration",
    "format_eur",
    "format_hours",
    "format_percent",
    "format_price",
    "format_quantity",
    "quote_html",
    "quote_table",
    "quote_text",
    "statement_html",
    "statement_text",
]

NBSP = "\u00a0"
NNBSP = "\u202f"


def _french_number(value: Decimal, places: int) -> str:
    text = f"{value:,.{places}f}"
    return text.replace(",", NNBSP).replace(".", ",")


@in_library_context
def format_eur(amount: Decimal) -> str:
    """``amount`` in French format, to the cent: ``1 234,56 €`` (no-break spaces)."""
    return f"{_french_number(round_cents(amount), 2)}{NBSP}€"


@in_library_context
def format_price(price: Decimal) -> str:
    """A unit price in French format, with at least two decimals and all it has: ``0,636 €``."""
    places = max(2, -int(price.normalize().as_tuple().exponent))
    return f"{_french_number(price, places)}{NBSP}€"


@in_library_context
def format_quantity(quantity: Decimal, unit: str) -> str:
    """A quantity with its unit in French format: ``0,75 h``, ``64 km``."""
    places = max(0, -int(quantity.normalize().as_tuple().exponent))
    if unit == "h":
        places = max(places, 2)
    return f"{_french_number(quantity, places)}{NBSP}{unit}"


@in_library_context
def format_hours(hours: Decimal) -> str:
    """Hours in French format with two decimals: ``1,25 h``."""
    return f"{_french_number(hours, 2)}{NBSP}h"


@in_library_context
def format_duration(seconds: Decimal) -> str:
    """Seconds as ``h:mm:ss`` (fractions of a second shown only when there are some)."""
    whole = int(seconds)
    fraction = seconds - whole
    text = f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
    return text + (f"{fraction:.6f}".lstrip("0") if fraction else "")


_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _moment(moment: datetime | None, zone: str) -> str:
    """An instant on the wall clock of ``zone``: ``Fri 14/03/2025 18:40``."""
    if moment is None:
        return ""
    local = moment.astimezone(ZoneInfo(zone))
    return f"{_WEEKDAYS[local.weekday()]} {local:%d/%m/%Y %H:%M}"


@in_library_context
def format_percent(rate: Decimal) -> str:
    """A rate (a fraction) as a French percentage: ``0.1315`` → ``13,15 %``, ``0.20`` → ``20 %``."""
    return f"{_french_number(rate * 100, 2).rstrip('0').rstrip(',')}{NBSP}%"


def _formula(line: QuoteLine, *, compact: bool = False) -> str:
    """How the line's amount is computed: quantity × unit price, and the surcharge if any.

    Hourly lines carry the surcharge on top (``× (1 + 20 %)``); a day-surcharge line *is* the
    surcharge (``× 20 %``) on the day's hourly equivalent for its off-hours minutes (SPEC §5.2).
    """
    text = f"{format_quantity(line.quantity, line.unit)} × {format_price(line.unit_price)}"
    if line.kind is LineKind.DAY_SURCHARGE:
        return f"{text} × {format_percent(line.surcharge_rate)}"
    if line.surcharge_rate:
        surcharge = format_percent(line.surcharge_rate)
        return f"{text} (+{surcharge})" if compact else f"{text} × (1 + {surcharge})"
    return text


def _status(q: Quote) -> str:
    return "under contract" if q.under_contract else "not under contract"


def _notes(q: Quote) -> list[str]:
    """What follows the totals: included hours used, VAT mentions, and Art. 5's "not yet due"."""
    notes = []
    if q.included_hours_used:
        notes.append(f"Included contract hours used: {format_hours(q.included_hours_used)}")
    notes.extend(f"Mention: {m}" for m in q.mentions)
    if not q.due:
        notes.append(f"NOT YET DUE: {q.not_due_reason}")
    return notes


def _text_totals(total_ht: Decimal, vat: Sequence[VatLine], total_ttc: Decimal) -> list[str]:
    """The closing lines of a plain-text account: total HT, VAT per rate, total TTC."""
    return [
        f"Total HT: {format_eur(total_ht)}",
        *(
            f"TVA {format_percent(v.rate)} on {format_eur(v.base)}: "
            f"{format_eur(v.amount)} ({v.article})"
            for v in vat
        ),
        f"Total TTC: {format_eur(total_ttc)}",
    ]


@in_library_context
def quote_text(q: Quote) -> str:
    """A line-by-line account of the quote, each line citing its articles."""
    head = f"Quote {q.reference}" if q.reference else "Quote"
    out = [
        f"{head} — {q.client_name} ({_status(q)} on {q.status_date.isoformat()}, Art. 3)",
        f"Tariff {q.tariff_version}, billing mode {q.mode.value}, times in {q.timezone}",
    ]
    for n, line in enumerate(q.lines, 1):
        out.append(f"{n:>2}. [{line.article}] {line.label}")
        if line.start and line.end:
            out.append(
                f"    {_moment(line.start, q.timezone)} → {_moment(line.end, q.timezone)}; raw "
                f"{format_duration(line.raw_seconds)}, billed {line.billed_minutes} min "
                "(every started quarter hour is due, Art. 5)"
            )
        out.append(f"    {_formula(line)} = {format_eur(line.amount_ht)} HT")
    out += _text_totals(q.total_ht, q.vat, q.total_ttc)
    out.extend(_notes(q))
    return "\n".join(out)


_COLUMNS = (
    "Art.",
    "Line",
    "Start",
    "End",
    "Raw",
    "Billed",
    "Qty",
    "Unit price",
    "Surcharge",
    "Amount HT",
)


def _html_totals(
    total_ht: Decimal, vat: Sequence[VatLine], total_ttc: Decimal, *, span: int
) -> str:
    """The footer rows of an HTML table: total HT, VAT per rate, total TTC."""
    totals = [("Total HT", total_ht)]
    totals += [(f"TVA {format_percent(v.rate)}", v.amount) for v in vat]
    totals += [("Total TTC", total_ttc)]
    return "".join(
        f'<tr><th colspan="{span}" style="text-align:right">{escape(name)}</th>'
        f"<td><b>{escape(format_eur(value))}</b></td></tr>"
        for name, value in totals
    )


@in_library_context
def quote_html(q: Quote) -> str:
    """The quote as an HTML table (used by Jupyter through ``Quote._repr_html_``)."""
    rows = []
    for line in q.lines:
        cells = (
            line.article,
            line.label,
            _moment(line.start, q.timezone),
            _moment(line.end, q.timezone),
            format_duration(line.raw_seconds) if line.start else "",
            f"{line.billed_minutes} min" if line.start else "",
            format_quantity(line.quantity, line.unit),
            format_price(line.unit_price),
            format_percent(line.surcharge_rate) if line.surcharge_rate else "",
            format_eur(line.amount_ht),
        )
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    foot = _html_totals(q.total_ht, q.vat, q.total_ttc, span=len(_COLUMNS) - 1)
    caption = escape(
        f"{q.reference or 'Quote'} — {q.client_name}, {_status(q)} on {q.status_date}; "
        f"tariff {q.tariff_version}"
    )
    head = "".join(f"<th>{escape(c)}</th>" for c in _COLUMNS)
    extra = "".join(f"<p>{escape(n)}</p>" for n in _notes(q))
    return (
        f'<table class="ouitec-quote"><caption>{caption}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody>"
        f"<tfoot>{foot}</tfoot></table>{extra}"
    )


def _cell(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@in_library_context
def quote_table(q: Quote) -> str:
    """The quote as a fixed-width text table, for terminals (the CLI's ``table`` format)."""
    title = f"{q.reference or 'Quote'} — {q.client_name}, {_status(q)} on {q.status_date}"
    rows = [("Art.", "Line", "When", "Raw", "Billed", "Price", "Amount HT")]
    for line in q.lines:
        when = ""
        if line.start and line.end:
            start, end = _moment(line.start, q.timezone), _moment(line.end, q.timezone)
            same_day = start[:-6] == end[:-6]
            when = f"{start}–{end[-5:] if same_day else end}"
        price = _formula(line, compact=True)
        rows.append(
            (
                line.article,
                line.label,
                when,
                format_duration(line.raw_seconds) if line.start else "",
                f"{line.billed_minutes} min" if line.start else "",
                price,
                format_eur(line.amount_ht),
            )
        )
    limits = (23, 52, 41, 9, 8, 28, 14)
    widths = [min(limit, max(len(r[i]) for r in rows)) for i, limit in enumerate(limits)]
    rule = "  ".join("-" * w for w in widths)

    def fmt(row: tuple[str, ...]) -> str:
        cells = [_cell(c, w) for c, w in zip(row, widths, strict=True)]
        return "  ".join(
            c.rjust(w) if i == len(cells) - 1 else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    out = [title, f"Tariff {q.tariff_version}; times in {q.timezone}", "", fmt(rows[0]), rule]
    out += [fmt(row) for row in rows[1:]]
    out.append(rule)
    total_width = len(rule)
    totals = [("Total HT", q.total_ht)]
    totals += [(f"TVA {format_percent(v.rate)} (Art. 3)", v.amount) for v in q.vat]
    totals += [("Total TTC", q.total_ttc)]
    for name, value in totals:
        amount = format_eur(value)
        out.append(f"{name}{amount.rjust(total_width - len(name))}")
    out.extend(_notes(q))
    return "\n".join(out)


def _month(s: Statement) -> str:
    return f"{s.year:04d}-{s.month:02d}"


def _statement_rows(s: Statement) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for q in s.quotes:
        rows.append(
            (
                q.reference or "(no reference)",
                q.status_date.isoformat(),
                q.mode.value,
                "under contract" if q.under_contract else "no contract",
                format_hours(q.included_hours_used),
                format_eur(q.total_ht),
            )
        )
    return rows


@in_library_context
def statement_text(s: Statement) -> str:
    """A plain-text account of a monthly statement."""
    out = [
        f"Statement {_month(s)} — {s.client_name} (tariff {s.tariff_version})",
        (
            f"Included contract hours: pool {format_hours(s.included_hours_pool)}, used "
            f"{format_hours(s.included_hours_used)}, left {format_hours(s.included_hours_left)}"
            " (Art. 3)"
        ),
    ]
    for n, row in enumerate(_statement_rows(s), 1):
        ref, day, mode, status, used, ht = row
        out.append(f"{n:>3}. {ref}  {day}  {mode}, {status}, included {used}: {ht} HT")
    out += _text_totals(s.total_ht, s.vat, s.total_ttc)
    out.extend(f"Mention: {m}" for m in s.mentions)
    out.extend(
        f"Pending (not yet due, Art. 5): {q.reference or '(no reference)'} "
        f"{format_eur(q.total_ht)} HT"
        for q in s.pending
    )
    if s.outside_month:
        out.append(f"Not in {_month(s)}: {', '.join(s.outside_month)}")
    return "\n".join(out)


@in_library_context
def statement_html(s: Statement) -> str:
    """A monthly statement as an HTML table (Jupyter's ``_repr_html_``)."""
    head = "".join(
        f"<th>{c}</th>"
        for c in ("Reference", "Status date", "Mode", "Client status", "Included", "Total HT")
    )
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
        for row in _statement_rows(s)
    )
    foot = _html_totals(s.total_ht, s.vat, s.total_ttc, span=5)
    caption = escape(
        f"Statement {_month(s)} — {s.client_name}; included hours used "
        f"{format_hours(s.included_hours_used)} of {format_hours(s.included_hours_pool)}"
    )
    notes = "".join(f"<p>{escape(m)}</p>" for m in s.mentions)
    return (
        f'<table class="ouitec-statement"><caption>{caption}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody><tfoot>{foot}</tfoot></table>{notes}"
    )
