"""The pieces every document is made of: a line's words and formula, the mentions, the
totals, the title, fixed-width and HTML tables (D52)."""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from datetime import datetime
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from ouitec_terms.money import minutes_to_hours
from ouitec_terms.rules.mentions import Mention, MentionCode
from ouitec_terms.rules.pricing import LineKind, QuoteLine

from .messages import Messages, messages_for
from .numbers import NBSP

if TYPE_CHECKING:
    from ouitec_terms.assembly.quote import Quote
    from ouitec_terms.rules.vat import VatLine

__all__ = [
    "NOWRAP",
    "NUMERIC",
    "TEXT",
    "Lang",
    "fit_lines",
    "fixed_table",
    "formula",
    "html_table",
    "line_description",
    "local_time",
    "mention_text",
    "nowrap",
    "quote_notes",
    "span_text",
    "status_words",
    "text_totals",
    "title",
    "totals_rows",
    "when",
]

Lang = str | Messages


def local_time(moment: datetime, zone: str) -> datetime:
    return moment.astimezone(ZoneInfo(zone))


def when(line: QuoteLine, m: Messages) -> str:
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
    if kind is LineKind.CREDIT:
        return m.text("line.credit", number=line.label, rate=m.percent(q.vat[0].rate))
    if kind in (LineKind.DAY, LineKind.DAY_SURCHARGE):
        day = m.day(local_time(line.start, q.timezone).date()) if line.start else ""
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
    return m.text(f"line.{kind.value}", name=name, when=when(line, m))


def formula(line: QuoteLine, m: Messages, *, compact: bool = False) -> str:
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


def status_words(under_contract: bool, m: Messages) -> str:
    return m.text("status.under_contract" if under_contract else "status.not_under_contract")


def quote_notes(q: Quote, m: Messages) -> list[str]:
    """What follows the totals: included hours used, mentions, and Art. 5's "not yet due"."""
    notes = []
    if q.included_hours_used:
        notes.append(m.text("note.included_used", hours=m.hours(q.included_hours_used)))
    notes.extend(m.text("note.mention", text=mention_text(x, m)) for x in q.mentions)
    if not q.due:
        notes.append(m.text("note.not_due", channel=m.text(f"channel.{q.channel.value}")))
    return notes


def totals_rows(
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


def text_totals(
    total_ht: Decimal, vat: Sequence[VatLine], total_ttc: Decimal, m: Messages
) -> list[str]:
    rows = totals_rows(total_ht, vat, total_ttc, m)
    lines = [f"{name}{m.colon()}: {amount}" for name, amount in rows]
    for k, v in enumerate(vat, start=1):
        lines[k] += f" ({v.article})"
    return lines


def title(q: Quote, m: Messages) -> str:
    head = m.text("quote.title", reference=f" {q.reference}" if q.reference else "")
    return m.text(
        "quote.heading",
        title=head,
        client=q.client_name,
        status=status_words(q.under_contract, m),
        day=m.day(q.status_date),
    )


def span_text(line: QuoteLine, q: Quote, m: Messages) -> str:
    if line.start is None or line.end is None:
        return ""
    start, end = local_time(line.start, q.timezone), local_time(line.end, q.timezone)
    return f"{m.moment(start)} → {m.moment(end)}"


MIN_COLUMN = 8
"""The narrowest a column is wrapped to, unless its longest word is wider: narrower, a table
reads worse than a wide one."""


_SPACES = re.compile("[ \u00a0\u202f]")
"""Where a cell may wrap when even its no-break spaces must give (a narrow terminal)."""


def _floor(column: Sequence[str], need: int, loose: bool) -> int:
    """A column's narrowest width: its longest word, or ``MIN_COLUMN`` (or its content)."""
    split = _SPACES.split if loose else (lambda cell: cell.split(" "))
    return max(min(need, MIN_COLUMN), *(len(word) for cell in column for word in split(cell)))


def column_widths(
    rows: Sequence[Sequence[str]], width: int | None, right: Set[int] = frozenset()
) -> tuple[list[int], frozenset[int]]:
    """The width of each column, and the columns whose no-break spaces may wrap.

    Each column is as wide as its widest cell, unless the table is wider than ``width``. Then
    each column gets its floor — its longest word (a word is never broken; a French date or
    amount holds no-break spaces, so it is one word), or ``MIN_COLUMN`` — and what the floors
    leave goes to the columns that want more, the least needy first (water-filling). If the
    floors alone are too wide, the text columns (not ``right``-aligned figures) may also wrap
    at their no-break spaces. A terminal narrower than that gets a table a little wider than
    itself: never a cut.

    >>> rows = [("Art.", "Ligne", "Montant"), ("Art. 3", "Panne du pare-feu", "90,00\u00a0€")]
    >>> column_widths(rows, None), column_widths(rows, 26)
    (([6, 17, 7], frozenset()), ([6, 9, 7], frozenset()))
    """
    columns = list(zip(*rows, strict=True))
    natural = [max(len(cell) for cell in column) for column in columns]
    gaps = 2 * (len(natural) - 1)
    if width is None or sum(natural) + gaps <= width:
        return natural, frozenset()
    loose: frozenset[int] = frozenset()
    floors = [_floor(column, need, False) for need, column in zip(natural, columns, strict=True)]
    if sum(floors) + gaps > width:
        loose = frozenset(range(len(columns))) - right
        floors = [
            _floor(column, need, i in loose)
            for i, (need, column) in enumerate(zip(natural, columns, strict=True))
        ]
    widths = list(floors)
    left = width - gaps - sum(floors)
    wanting = sorted(
        (need - floor, index)
        for index, (need, floor) in enumerate(zip(natural, floors, strict=True))
        if need > floor
    )
    for count, (more, index) in enumerate(wanting):
        given = min(more, max(0, left) // (len(wanting) - count))
        widths[index] += given
        left -= given
    return widths, loose


def wrap_cell(text: str, width: int, *, loose: bool = False) -> list[str]:
    """``text`` on lines of at most ``width`` characters, at spaces (``loose``: no-break ones
    too) where it can, never cut: the words of the lines are the words of ``text``.

    >>> wrap_cell("Heures incluses au contrat", 12)
    ['Heures', 'incluses au', 'contrat']
    """
    if len(text) <= width:
        return [text]
    import textwrap  # noqa: PLC0415 - only for a table wider than the terminal

    if loose:
        text = _SPACES.sub(" ", text)
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


def fixed_table(
    rows: Sequence[Sequence[str]], right: Set[int], width: int | None = None
) -> list[str]:
    """Rows as columns, a rule under the head and at the end. No cell is ever cut: the table is
    as wide as its content, or, given the terminal's ``width``, its cells wrap within it."""
    widths, loose = column_widths(rows, width, right)
    rule = "  ".join("-" * w for w in widths)

    def fmt(row: Sequence[str]) -> list[str]:
        cells = [
            wrap_cell(c, w, loose=i in loose)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        return [
            "  ".join(
                (c[k] if k < len(c) else "").rjust(w)
                if i in right
                else (c[k] if k < len(c) else "").ljust(w)
                for i, (c, w) in enumerate(zip(cells, widths, strict=True))
            ).rstrip()
            for k in range(max(len(c) for c in cells))
        ]

    return [*fmt(rows[0]), rule, *(line for row in rows[1:] for line in fmt(row)), rule]


def fit_lines(lines: Sequence[str], width: int | None) -> list[str]:
    """Prose lines wrapped to ``width`` (unchanged when it is ``None``: piped output keeps its
    full lines), the continuation indented like the line."""
    if width is None:
        return list(lines)
    out: list[str] = []
    for line in lines:
        if len(line) <= width:
            out.append(line)
            continue
        indent = " " * (len(line) - len(line.lstrip(" ")))
        out += [
            indent + part for part in wrap_cell(line.strip(), max(MIN_COLUMN, width - len(indent)))
        ]
    return out


NUMERIC = ' style="text-align:right;white-space:nowrap"'
NOWRAP = ' style="text-align:left;white-space:nowrap"'
TEXT = ' style="text-align:left"'


def html_table(
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
        f"<td{NUMERIC}><b>{escape(value)}</b></td></tr>"
        for name, value in totals
    )
    extra = "".join(f"<p>{escape(n)}</p>" for n in notes)
    return (
        f'<table class="{css}"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head_html}</tr></thead><tbody>{body}</tbody>"
        f"<tfoot>{foot}</tfoot></table>{extra}"
    )


def nowrap(text: str) -> str:
    """``text`` with no-break spaces, so that "Art. 11, Art. 3" never wraps inside."""
    return text.replace(" ", NBSP)
