"""A quote for people: as text, as a fixed-width table and as HTML, in French by default or in
English.

Every word comes from the message catalogues ([`ouitec_terms.presentation.messages`][ouitec_terms.presentation.messages]); every figure that states a rule
(the surcharge, the rounding step, the day's length, OUiTEC's head office) is read from the value being
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

from typing import TYPE_CHECKING

from ouitec_terms.money import in_library_context

from .messages import messages_for
from .pieces import (
    NOWRAP,
    NUMERIC,
    TEXT,
    Lang,
    fit_lines,
    fixed_table,
    formula,
    html_table,
    line_description,
    local_time,
    nowrap,
    quote_notes,
    span_text,
    text_totals,
    title,
    totals_rows,
)

if TYPE_CHECKING:
    from ouitec_terms.assembly.quote import Quote

__all__ = ["quote_html", "quote_table", "quote_text"]


@in_library_context
def quote_text(q: Quote, lang: Lang = "fr") -> str:
    """A line-by-line account of the quote, each line citing its articles."""
    m = messages_for(lang)
    out = [
        title(q, m),
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
                    span=span_text(line, q, m),
                    raw=m.duration(line.raw_seconds),
                    billed=m.minutes(line.billed_minutes),
                    step=m.minutes(q.rounding_minutes),
                )
            )
        out.append(f"    {formula(line, m)} = {m.amount(line.amount_ht)} {m.text('money.ht')}")
    out += text_totals(q.total_ht, q.vat, q.total_ttc, m)
    out.extend(quote_notes(q, m))
    return "\n".join(out)


@in_library_context
def quote_table(q: Quote, lang: Lang = "fr", *, width: int | None = None) -> str:
    """The quote as a text table, for terminals (the CLI's ``table`` format): as wide as its
    content, or wrapped within ``width`` columns (a terminal's); no text is ever cut."""
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
            start, end = local_time(line.start, q.timezone), local_time(line.end, q.timezone)
            same_day = start.date() == end.date()
            when = f"{m.moment(start)}–{f'{end:%H:%M}' if same_day else m.moment(end)}"
        rows.append(
            (
                line.article,
                line_description(line, q, m),
                when,
                m.duration(line.raw_seconds) if line.start else "",
                m.minutes(line.billed_minutes) if line.start else "",
                formula(line, m, compact=True),
                m.amount(line.amount_ht),
            )
        )
    table = fixed_table(rows, right={3, 4, 6}, width=width)
    rule = len(table[len(table) - 1])
    heading = [
        m.text("table.heading", title=title(q, m)),
        m.text(
            "table.tariff",
            version=q.tariff_version,
            step=m.minutes(q.rounding_minutes),
            timezone=q.timezone,
            calendar=q.calendar_version,
        ),
        "",
    ]
    totals = [
        f"{name}{amount.rjust(rule - len(name))}"
        for name, amount in totals_rows(q.total_ht, q.vat, q.total_ttc, m)
    ]
    out = [*fit_lines(heading, width), *table, *totals, *fit_lines(quote_notes(q, m), width)]
    return "\n".join(out)


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
    head = [(m.text(f"column.{c}"), NUMERIC if c in numeric else TEXT) for c in columns]
    rows = []
    for line in q.lines:
        start = m.moment(local_time(line.start, q.timezone)) if line.start else ""
        end = m.moment(local_time(line.end, q.timezone)) if line.end else ""
        rows.append(
            (
                (nowrap(line.article), NOWRAP),
                (line_description(line, q, m), TEXT),
                (start, NOWRAP),
                (end, NOWRAP),
                (m.duration(line.raw_seconds) if line.start else "", NUMERIC),
                (m.minutes(line.billed_minutes) if line.start else "", NUMERIC),
                (m.quantity(line.quantity, line.unit.value), NUMERIC),
                (m.price(line.unit_price), NUMERIC),
                (m.percent(line.surcharge_rate) if line.surcharge_rate else "", NUMERIC),
                (m.amount(line.amount_ht), NUMERIC),
            )
        )
    caption = m.text("table.heading", title=title(q, m))
    caption += " — " + m.text(
        "table.tariff",
        version=q.tariff_version,
        step=m.minutes(q.rounding_minutes),
        timezone=q.timezone,
        calendar=q.calendar_version,
    )
    totals = totals_rows(q.total_ht, q.vat, q.total_ttc, m)
    return html_table(
        "ouitec-quote", caption, head=head, rows=rows, totals=totals, notes=quote_notes(q, m)
    )
