"""A comparison of billing modes for people: as text and as HTML (Art. 3)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ouitec_terms.money import in_library_context

from .messages import Messages, messages_for
from .pieces import (
    NUMERIC,
    TEXT,
    Lang,
    html_table,
)

if TYPE_CHECKING:
    from ouitec_terms.assembly.compare import ModeComparison

__all__ = ["comparison_html", "comparison_text"]


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
        (m.text("column.mode"), TEXT),
        (m.text("column.amount"), NUMERIC),
        (m.text("column.note"), TEXT),
    ]
    rows = [
        ((mode, TEXT), (amount, NUMERIC), (note, TEXT))
        for mode, amount, note in _comparison_rows(c, m)
    ]
    saving = m.text(
        "compare.saving", mode=m.text(f"mode.{c.cheapest.value}"), saving=m.amount(c.saving)
    )
    caption = m.text("compare.heading", client=c.prices[0].quote.client_name)
    return html_table("ouitec-comparison", caption, head=head, rows=rows, totals=(), notes=[saving])
