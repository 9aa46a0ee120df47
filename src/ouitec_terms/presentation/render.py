"""Renderings for people: quotes, statements, comparisons and late payments as text, fixed-width
tables and HTML, in French by default or in English.

Every word comes from the message catalogues ([`ouitec_terms.presentation.messages`][ouitec_terms.presentation.messages]); every figure that states a rule
(the surcharge, the rounding step, the day's length, OUiTEC's seat) is read from the value being
rendered, which took it from the tariff in force. Times are shown on the wall clock of the
quote's time zone (D17).

```pycon
>>> from ouitec_terms import Client, Intervention, WorkPeriod, quote
>>> from datetime import datetime
>>> from zoneinfo import ZoneInfo
>>> paris = ZoneInfo("Europe/Paris")
>>> q = quote(Intervention(work=(WorkPeriod(start=datetime(2025, 3, 14, 18, 40, tzinfo=paris),
...                                         end=datetime(2025, 3, 14, 19, 25, tzinfo=paris)),)),
...           Client(name="Garage Petit"))
>>> print(quote_text(q).replace("\\xa0", " ").replace("\\u202f", " "))
Chiffrage — Garage Petit (hors contrat le ven. 14/03/2025, Art. 3)
Tarif 2024-06-02, facturation à l’heure, heures de Europe/Paris, jours fériés de holidays ...
 1. [Art. 3, Art. 5] Assistance — heures ouvrées
    ven. 14/03/2025 18:40 → ven. 14/03/2025 19:00 ; temps réel 0:20:00, facturé 30 min (tout palier de 15 min commencé est dû, Art. 5)
    0,50 h × 90,00 € = 45,00 € HT
 2. [Art. 3, Art. 5] Assistance — hors heures ouvrées (+20 %)
    ven. 14/03/2025 19:00 → ven. 14/03/2025 19:25 ; temps réel 0:25:00, facturé 30 min (tout palier de 15 min commencé est dû, Art. 5)
    0,50 h × 90,00 € × (1 + 20 %) = 54,00 € HT
Total HT : 99,00 €
TVA 20 % sur 99,00 € : 19,80 € (Art. 3)
Total TTC : 118,80 €

```
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import holidays

from ouitec_terms.money import NBSP, in_library_context, minutes_to_hours
from ouitec_terms.rules import law
from ouitec_terms.rules.mentions import Mention, MentionCode
from ouitec_terms.rules.pricing import LineKind, QuoteLine

from .messages import Messages, messages_for

if TYPE_CHECKING:
    from ouitec_terms.assembly.compare import ModeComparison
    from ouitec_terms.assembly.quote import Quote
    from ouitec_terms.assembly.statement import Statement
    from ouitec_terms.boundary.tariff import Tariff
    from ouitec_terms.rules.calendar import HolidayCalendar
    from ouitec_terms.rules.payment import LatePayment
    from ouitec_terms.rules.vat import VatLine

__all__ = [
    "LINE_COLUMNS",
    "calendar_text",
    "comparison_html",
    "comparison_text",
    "late_payment_html",
    "late_payment_text",
    "line_description",
    "lines_csv",
    "mention_text",
    "quote_html",
    "quote_table",
    "quote_text",
    "statement_html",
    "statement_table",
    "statement_text",
]

Lang = str | Messages


# --- pieces ---------------------------------------------------------------------------------


def _local(moment: datetime, zone: str) -> datetime:
    return moment.astimezone(ZoneInfo(zone))


def _when(line: QuoteLine, m: Messages) -> str:
    """Business hours, or off-hours with the line's surcharge (read from the line)."""
    if line.off_hours:
        return m.text("when.off_hours", surcharge=m.percent(line.surcharge_rate))
    return m.text("when.business")


def line_description(line: QuoteLine, q: Quote, lang: Lang = "fr") -> str:
    """What a line bills, in words: composed from its kind, its label and the quote's rules."""
    m = messages_for(lang)
    kind = line.kind
    if kind is LineKind.TRAVEL_DISTANCE:
        return m.text("line.travel_distance", seat=q.seat)
    if kind is LineKind.DEVIS:
        return m.text("line.devis", reference=line.label)
    if kind in (LineKind.DAY, LineKind.DAY_SURCHARGE):
        day = m.day(_local(line.start, q.timezone).date()) if line.start else ""
        hours = m.number(minutes_to_hours(q.day_minutes), 0)
        if kind is LineKind.DAY_SURCHARGE:
            return m.text("line.day_surcharge", day=day, hours=hours)
        floor = any(x.code is MentionCode.ONSITE_DAY_FLOOR for x in q.mentions)
        price = m.text(
            "line.day_floor_price" if floor else "line.day_price", rate=m.price(line.unit_price)
        )
        return m.text(f"line.day.{q.mode.value}", day=day, price=price, hours=hours)
    default = "label.travel" if kind is LineKind.TRAVEL_TIME else "label.support"
    name = line.label or m.text(default)
    return m.text(f"line.{kind.value}", name=name, when=_when(line, m))


def _formula(line: QuoteLine, m: Messages, *, compact: bool = False) -> str:
    """How the line's amount is computed: quantity × unit price, and the surcharge if any.

    Hourly lines carry the surcharge on top (``× (1 + 20 %)``); a day-surcharge line *is* the
    surcharge (``× 20 %``) on the day's hourly equivalent for its off-hours minutes (D26).
    """
    text = f"{m.quantity(line.quantity, line.unit.value)} × {m.price(line.unit_price)}"
    if line.kind is LineKind.DAY_SURCHARGE:
        return f"{text} × {m.percent(line.surcharge_rate)}"
    if line.surcharge_rate:
        surcharge = m.percent(line.surcharge_rate)
        return f"{text} (+{surcharge})" if compact else f"{text} × (1 + {surcharge})"
    return text


def mention_text(mention: Mention, lang: Lang = "fr") -> str:
    """A mention in words (a legal VAT mention, the on-site floor, an unsigned devis)."""
    m = messages_for(lang)
    value = (
        m.price(Decimal(mention.value))
        if mention.code is MentionCode.ONSITE_DAY_FLOOR
        else (mention.value)
    )
    return m.text(f"mention.{mention.code.value}", value=value)


def _status(under_contract: bool, m: Messages) -> str:
    return m.text("status.under_contract" if under_contract else "status.not_under_contract")


def _notes(q: Quote, m: Messages) -> list[str]:
    """What follows the totals: included hours used, mentions, and Art. 5's "not yet due"."""
    notes = []
    if q.included_hours_used:
        notes.append(m.text("note.included_used", hours=m.hours(q.included_hours_used)))
    notes.extend(m.text("note.mention", text=mention_text(x, m)) for x in q.mentions)
    if not q.due:
        notes.append(m.text("note.not_due", channel=m.text(f"channel.{q.channel.value}")))
    return notes


def _totals(
    total_ht: Decimal, vat: Sequence[VatLine], total_ttc: Decimal, m: Messages
) -> list[tuple[str, str]]:
    """(label, amount) of the closing rows: total HT, VAT per rate on its base, total TTC."""
    rows = [(m.text("total.ht"), m.amount(total_ht))]
    rows += [
        (m.text("total.vat", rate=m.percent(v.rate), base=m.amount(v.base)), m.amount(v.amount))
        for v in vat
    ]
    rows.append((m.text("total.ttc"), m.amount(total_ttc)))
    return rows


def _text_totals(
    total_ht: Decimal, vat: Sequence[VatLine], total_ttc: Decimal, m: Messages
) -> list[str]:
    rows = _totals(total_ht, vat, total_ttc, m)
    lines = [f"{name}{m.colon()}: {amount}" for name, amount in rows]
    for k, v in enumerate(vat, start=1):
        lines[k] += f" ({v.article})"
    return lines


def _title(q: Quote, m: Messages) -> str:
    head = m.text("quote.title", reference=f" {q.reference}" if q.reference else "")
    return m.text(
        "quote.heading",
        title=head,
        client=q.client_name,
        status=_status(q.under_contract, m),
        day=m.day(q.status_date),
    )


def _span(line: QuoteLine, q: Quote, m: Messages) -> str:
    if line.start is None or line.end is None:
        return ""
    start, end = _local(line.start, q.timezone), _local(line.end, q.timezone)
    return f"{m.moment(start)} → {m.moment(end)}"


# --- quotes ---------------------------------------------------------------------------------


@in_library_context
def quote_text(q: Quote, lang: Lang = "fr") -> str:
    """A line-by-line account of the quote, each line citing its articles."""
    m = messages_for(lang)
    out = [
        _title(q, m),
        m.text(
            "quote.tariff",
            version=q.tariff_version,
            mode=m.text(f"mode.{q.mode.value}"),
            timezone=q.timezone,
            calendar=q.calendar_version,
        ),
    ]
    for n, line in enumerate(q.lines, 1):
        out.append(f"{n:>2}. [{line.article}] {line_description(line, q, m)}")
        if line.start and line.end:
            out.append(
                "    "
                + m.text(
                    "quote.times",
                    span=_span(line, q, m),
                    raw=m.duration(line.raw_seconds),
                    billed=m.minutes(line.billed_minutes),
                    step=m.minutes(q.rounding_minutes),
                )
            )
        out.append(f"    {_formula(line, m)} = {m.amount(line.amount_ht)} {m.text('money.ht')}")
    out += _text_totals(q.total_ht, q.vat, q.total_ttc, m)
    out.extend(_notes(q, m))
    return "\n".join(out)


def _cell(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(rows: Sequence[Sequence[str]], limits: Sequence[int], right: set[int]) -> list[str]:
    """Rows as fixed-width columns (cut to ``limits``), a rule under the head and at the end."""
    widths = [min(limit, max(len(r[i]) for r in rows)) for i, limit in enumerate(limits)]
    rule = "  ".join("-" * w for w in widths)

    def fmt(row: Sequence[str]) -> str:
        cells = [_cell(c, w) for c, w in zip(row, widths, strict=True)]
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return [fmt(rows[0]), rule, *(fmt(row) for row in rows[1:]), rule]


@in_library_context
def quote_table(q: Quote, lang: Lang = "fr") -> str:
    """The quote as a fixed-width text table, for terminals (the CLI's ``table`` format)."""
    m = messages_for(lang)
    rows = [
        tuple(
            m.text(f"column.{c}")
            for c in ("art", "line", "when", "raw", "billed", "price", "amount")
        )
    ]
    for line in q.lines:
        when = ""
        if line.start and line.end:
            start, end = _local(line.start, q.timezone), _local(line.end, q.timezone)
            same_day = start.date() == end.date()
            when = f"{m.moment(start)}–{f'{end:%H:%M}' if same_day else m.moment(end)}"
        rows.append(
            (
                line.article,
                line_description(line, q, m),
                when,
                m.duration(line.raw_seconds) if line.start else "",
                m.minutes(line.billed_minutes) if line.start else "",
                _formula(line, m, compact=True),
                m.amount(line.amount_ht),
            )
        )
    table = _table(rows, (23, 60, 45, 10, 9, 30, 18), right={3, 4, 6})
    width = len(table[1])
    out = [
        m.text("table.heading", title=_title(q, m)),
        m.text(
            "table.tariff",
            version=q.tariff_version,
            step=m.minutes(q.rounding_minutes),
            timezone=q.timezone,
            calendar=q.calendar_version,
        ),
        "",
        *table,
    ]
    for name, amount in _totals(q.total_ht, q.vat, q.total_ttc, m):
        out.append(f"{name}{amount.rjust(width - len(name))}")
    out.extend(_notes(q, m))
    return "\n".join(out)


_NUMERIC = ' style="text-align:right;white-space:nowrap"'
_NOWRAP = ' style="text-align:left;white-space:nowrap"'
_TEXT = ' style="text-align:left"'


def _html_table(
    css: str,
    caption: str,
    *,
    head: Sequence[tuple[str, str]],
    rows: Sequence[Sequence[tuple[str, str]]],
    totals: Sequence[tuple[str, str]],
    notes: Sequence[str],
) -> str:
    """An HTML table: ``(text, style)`` cells, totals in the footer, notes after it."""
    head_html = "".join(f"<th{style}>{escape(text)}</th>" for text, style in head)
    body = "".join(
        "<tr>" + "".join(f"<td{style}>{escape(text)}</td>" for text, style in row) + "</tr>"
        for row in rows
    )
    span = len(head) - 1
    foot = "".join(
        f'<tr><th colspan="{span}" style="text-align:right">{escape(name)}</th>'
        f"<td{_NUMERIC}><b>{escape(value)}</b></td></tr>"
        for name, value in totals
    )
    extra = "".join(f"<p>{escape(n)}</p>" for n in notes)
    return (
        f'<table class="{css}"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head_html}</tr></thead><tbody>{body}</tbody>"
        f"<tfoot>{foot}</tfoot></table>{extra}"
    )


def _nowrap(text: str) -> str:
    """``text`` with no-break spaces, so that "Art. 11, Art. 3" never wraps inside."""
    return text.replace(" ", NBSP)


@in_library_context
def quote_html(q: Quote, lang: Lang = "fr") -> str:
    """The quote as an HTML table (Jupyter shows a quote this way)."""
    m = messages_for(lang)
    columns = (
        "art",
        "line",
        "start",
        "end",
        "raw",
        "billed",
        "quantity",
        "unit_price",
        "surcharge",
        "amount",
    )
    numeric = {"raw", "billed", "quantity", "unit_price", "surcharge", "amount"}
    head = [(m.text(f"column.{c}"), _NUMERIC if c in numeric else _TEXT) for c in columns]
    rows = []
    for line in q.lines:
        start = m.moment(_local(line.start, q.timezone)) if line.start else ""
        end = m.moment(_local(line.end, q.timezone)) if line.end else ""
        rows.append(
            (
                (_nowrap(line.article), _NOWRAP),
                (line_description(line, q, m), _TEXT),
                (start, _NOWRAP),
                (end, _NOWRAP),
                (m.duration(line.raw_seconds) if line.start else "", _NUMERIC),
                (m.minutes(line.billed_minutes) if line.start else "", _NUMERIC),
                (m.quantity(line.quantity, line.unit.value), _NUMERIC),
                (m.price(line.unit_price), _NUMERIC),
                (m.percent(line.surcharge_rate) if line.surcharge_rate else "", _NUMERIC),
                (m.amount(line.amount_ht), _NUMERIC),
            )
        )
    caption = m.text("table.heading", title=_title(q, m))
    caption += " — " + m.text(
        "table.tariff",
        version=q.tariff_version,
        step=m.minutes(q.rounding_minutes),
        timezone=q.timezone,
        calendar=q.calendar_version,
    )
    totals = _totals(q.total_ht, q.vat, q.total_ttc, m)
    return _html_table(
        "ouitec-quote", caption, head=head, rows=rows, totals=totals, notes=_notes(q, m)
    )


# --- statements -----------------------------------------------------------------------------


def _statement_rows(s: Statement, m: Messages) -> list[tuple[str, ...]]:
    return [
        (
            q.reference or m.text("statement.no_reference"),
            m.day(q.status_date),
            m.text(f"mode.{q.mode.value}"),
            _status(q.under_contract, m),
            m.hours(q.included_hours_used),
            m.amount(q.total_ht),
        )
        for q in s.quotes
    ]


def _statement_notes(s: Statement, m: Messages) -> list[str]:
    notes = [m.text("note.mention", text=mention_text(x, m)) for x in s.mentions]
    notes += [
        m.text(
            "statement.pending",
            reference=q.reference or m.text("statement.no_reference"),
            amount=m.amount(q.total_ht),
        )
        for q in s.pending
    ]
    if s.outside_month:
        notes.append(
            m.text(
                "statement.outside",
                month=m.month(s.year, s.month),
                references=", ".join(
                    r or m.text("statement.no_reference") for r in s.outside_month
                ),
            )
        )
    return notes


def _pool(s: Statement, m: Messages) -> str:
    return m.text(
        "statement.pool",
        pool=m.hours(s.included_hours_pool),
        used=m.hours(s.included_hours_used),
        left=m.hours(s.included_hours_left),
    )


def _statement_heading(s: Statement, m: Messages) -> tuple[str, str]:
    """The statement's title line (month, client, tariff) and its included-hours line."""
    title = m.text(
        "statement.heading",
        month=m.month(s.year, s.month),
        client=s.client_name,
        version=s.tariff_version,
    )
    return title, _pool(s, m)


@in_library_context
def statement_text(s: Statement, lang: Lang = "fr") -> str:
    """A plain-text account of a monthly statement: each quote, the pool, the totals."""
    m = messages_for(lang)
    out = [
        *_statement_heading(s, m),
    ]
    for n, (ref, day, mode, status, used, ht) in enumerate(_statement_rows(s, m), 1):
        out.append(
            f"{n:>3}. "
            + m.text(
                "statement.row",
                reference=ref,
                day=day,
                mode=mode,
                status=status,
                used=used,
                amount=ht,
            )
        )
    out += _text_totals(s.total_ht, s.vat, s.total_ttc, m)
    out += _statement_notes(s, m)
    return "\n".join(out)


@in_library_context
def statement_table(s: Statement, lang: Lang = "fr") -> str:
    """A monthly statement as a fixed-width table: one row per due intervention, then totals."""
    m = messages_for(lang)
    head = tuple(
        m.text(f"column.{c}")
        for c in ("reference", "status_date", "mode", "client_status", "included", "amount")
    )
    table = _table([head, *_statement_rows(s, m)], (30, 16, 24, 16, 12, 14), right={4, 5})
    width = len(table[1])
    out = [
        *_statement_heading(s, m),
        "",
        *table,
    ]
    out += [
        f"{name}{amount.rjust(width - len(name))}"
        for name, amount in _totals(s.total_ht, s.vat, s.total_ttc, m)
    ]
    out += _statement_notes(s, m)
    return "\n".join(out)


@in_library_context
def statement_html(s: Statement, lang: Lang = "fr") -> str:
    """A monthly statement as an HTML table (Jupyter shows a statement this way)."""
    m = messages_for(lang)
    columns = ("reference", "status_date", "mode", "client_status", "included", "amount")
    styles = (_TEXT, _NOWRAP, _TEXT, _TEXT, _NUMERIC, _NUMERIC)
    head = [(m.text(f"column.{c}"), st) for c, st in zip(columns, styles, strict=True)]
    rows = [tuple(zip(row, styles, strict=True)) for row in _statement_rows(s, m)]
    caption = (
        m.text(
            "statement.heading",
            month=m.month(s.year, s.month),
            client=s.client_name,
            version=s.tariff_version,
        )
        + " — "
        + _pool(s, m)
    )
    totals = _totals(s.total_ht, s.vat, s.total_ttc, m)
    return _html_table(
        "ouitec-statement",
        caption,
        head=head,
        rows=rows,
        totals=totals,
        notes=_statement_notes(s, m),
    )


# --- comparisons ----------------------------------------------------------------------------


def _comparison_rows(c: ModeComparison, m: Messages) -> list[tuple[str, str, str]]:
    return [
        (
            m.text(f"mode.{p.mode.value}"),
            m.amount(p.total_ht),
            m.text("compare.cheapest")
            if p.mode is c.cheapest
            else ("" if p.advisable else m.text("compare.not_advisable")),
        )
        for p in c.prices
    ]


@in_library_context
def comparison_text(c: ModeComparison, lang: Lang = "fr") -> str:
    """The modes' totals, the cheapest and its saving, in plain text."""
    m = messages_for(lang)
    rows = _comparison_rows(c, m)
    width = max(len(mode) for mode, _, _ in rows)
    out = [m.text("compare.heading", client=c.prices[0].quote.client_name)]
    out += [
        f"  {mode:<{width}}  {amount:>14} {m.text('money.ht')}" + (f"  {note}" if note else "")
        for mode, amount, note in rows
    ]
    out.append(
        m.text("compare.saving", mode=m.text(f"mode.{c.cheapest.value}"), saving=m.amount(c.saving))
    )
    return "\n".join(out)


@in_library_context
def comparison_html(c: ModeComparison, lang: Lang = "fr") -> str:
    """The comparison as an HTML table (Jupyter shows a comparison this way)."""
    m = messages_for(lang)
    head = [
        (m.text("column.mode"), _TEXT),
        (m.text("column.amount"), _NUMERIC),
        (m.text("column.note"), _TEXT),
    ]
    rows = [
        ((mode, _TEXT), (amount, _NUMERIC), (note, _TEXT))
        for mode, amount, note in _comparison_rows(c, m)
    ]
    saving = m.text(
        "compare.saving", mode=m.text(f"mode.{c.cheapest.value}"), saving=m.amount(c.saving)
    )
    caption = m.text("compare.heading", client=c.prices[0].quote.client_name)
    return _html_table(
        "ouitec-comparison", caption, head=head, rows=rows, totals=(), notes=[saving]
    )


# --- late payments --------------------------------------------------------------------------


def _half_year(text: str, m: Messages) -> str:
    year, _, half = text.partition("-H")
    return m.text(f"half.{half}", year=year)


def _late_rows(late: LatePayment, m: Messages) -> list[str]:
    return [
        m.text(
            "late.portion",
            half=_half_year(p.half_year, m),
            days=p.days,
            first=m.day(p.first_day),
            last=m.day(p.last_day),
            ecb=m.percent(p.ecb_rate / 100),
            rate=m.percent(p.rate / 100),
            amount=m.amount(late.amount_ttc),
            interest=m.amount(p.interest),
            article=p.article,
            points=m.number(law.PENALTY_POINTS.value, 0),
            year_days=law.DAYS_IN_YEAR.days,
        )
        for p in late.portions
    ]


def _late_summary(late: LatePayment, m: Messages) -> tuple[str, list[str]]:
    heading = m.text(
        "late.heading",
        amount=m.amount(late.amount_ttc),
        due=m.day(late.due),
        paid=m.day(late.paid),
        days=late.days_late,
    )
    closing = [
        m.text("late.interest", amount=m.amount(late.interest)),
        m.text("late.indemnity", amount=m.amount(late.indemnity)),
        m.text("late.total", amount=m.amount(late.total)),
    ]
    return heading, closing


@in_library_context
def late_payment_text(late: LatePayment, lang: Lang = "fr") -> str:
    """A plain-text account of a late payment, each amount with its legal article."""
    m = messages_for(lang)
    heading, closing = _late_summary(late, m)
    return "\n".join([heading, *(f"  {row}" for row in _late_rows(late, m)), *closing])


@in_library_context
def late_payment_html(late: LatePayment, lang: Lang = "fr") -> str:
    """A late payment as HTML: the account per half-year, then the totals."""
    m = messages_for(lang)
    heading, closing = _late_summary(late, m)
    items = "".join(f"<li>{escape(row)}</li>" for row in _late_rows(late, m))
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in closing)
    return f'<div class="ouitec-late"><p><b>{escape(heading)}</b></p><ul>{items}</ul>{paragraphs}</div>'


# --- the calendar ---------------------------------------------------------------------------


def calendar_text(tariff: Tariff, days: HolidayCalendar, year: int, lang: Lang = "fr") -> str:
    """A year's business window and the holidays that interrupt it, in the document's language
    (holiday names as the ``holidays`` package states them in that language)."""
    m = messages_for(lang)
    names = days.holidays(year)
    if not m.french:
        local = holidays.country_holidays(
            days.country, subdiv=days.subdivision, years=year, language="en_US"
        )
        names = {day: local.get(day, name) for day, name in names.items()}
    open_days = ", ".join(m.text(f"weekday.{d}") for d in tariff.business_weekdays)
    window = f"{tariff.business_start:%H:%M}–{tariff.business_end:%H:%M} {tariff.timezone}"
    out = [m.text("calendar.heading", days=open_days, window=window, place=days.place, year=year)]
    out += [f"  {m.day(day)}  {name}" for day, name in names.items()]
    count = sum(1 for _ in days.business_days(date(year, 1, 1), date(year, 12, 31)))
    out.append(
        m.text(
            "calendar.count",
            count=count,
            year=year,
            surcharge=m.percent(tariff.off_hours_surcharge),
        )
    )
    return "\n".join(out)


# --- spreadsheets ---------------------------------------------------------------------------

LINE_COLUMNS = (
    "reference", "status_date", "kind", "description", "article", "start", "end",
    "raw_seconds", "billed_minutes", "off_hours", "quantity", "unit", "unit_price",
    "surcharge_rate", "amount_ht", "net_unit_price",
)  # fmt: skip
"""The columns of [`lines_csv`][ouitec_terms.presentation.render.lines_csv]: stable names, in no
language, like the JSON's."""


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP, CSV injection)."""
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?\Z")


def csv_cell(value: object) -> object:
    """``value`` as a spreadsheet may read it safely: a text that a spreadsheet would run as a
    formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading
    ``'``, as OWASP advises; numbers, and texts that are plain numbers, stay as they are (D72).

    ```pycon
    >>> print(csv_cell("=1+2"), csv_cell("-12.50"), csv_cell("Garage"))
    '=1+2 -12.50 Garage

    ```
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


@in_library_context
def lines_csv(quotes: Sequence[Quote], lang: Lang = "fr") -> str:
    """One CSV row per quote line, with its quote's reference, for spreadsheets: comma
    separated, numbers with a point, times on the tariff's clock in ISO 8601, the description in
    the document's language (D61). A text that a spreadsheet would run as a formula is written
    with a leading ``'`` ([`csv_cell`][ouitec_terms.presentation.render.csv_cell])."""
    m = messages_for(lang)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(LINE_COLUMNS)
    for q in quotes:
        for line in q.lines:
            local = [_local(t, q.timezone).isoformat() if t else "" for t in (line.start, line.end)]
            row = (
                q.reference, q.status_date.isoformat(), line.kind.value,
                line_description(line, q, m), line.article, *local, line.raw_seconds,
                line.billed_minutes, str(line.off_hours).lower(), line.quantity,
                line.unit.value, line.unit_price, line.surcharge_rate, line.amount_ht,
                line.net_unit_price,
            )  # fmt: skip
            writer.writerow([csv_cell(cell) for cell in row])
    return buffer.getvalue().rstrip("\n")
