"""A monthly statement for people: as text, as a fixed-width table and as HTML (rules §5.3)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ouitec_terms.money import in_library_context

from .messages import Messages, messages_for
from .pieces import (
    NOWRAP,
    NUMERIC,
    TEXT,
    Lang,
    fit_lines,
    fixed_table,
    html_table,
    mention_text,
    status_words,
    text_totals,
    totals_rows,
)

if TYPE_CHECKING:
    from ouitec_terms.assembly.statement import Statement

__all__ = ["statement_html", "statement_table", "statement_text"]


def _statement_rows(s: Statement, m: Messages) -> list[tuple[str, ...]]:
    return [
        (
            q.reference or m.text("statement.no_reference"),
            m.day(q.status_date),
            m.text(f"mode.{q.mode.value}"),
            status_words(q.under_contract, m),
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
    out += text_totals(s.total_ht, s.vat, s.total_ttc, m)
    out += _statement_notes(s, m)
    return "\n".join(out)


@in_library_context
def statement_table(s: Statement, lang: Lang = "fr", *, width: int | None = None) -> str:
    """A monthly statement as a text table: one row per due intervention, then totals; as wide
    as its content, or wrapped within ``width`` columns (a terminal's), never cut."""
    m = messages_for(lang)
    head = tuple(
        m.text(f"column.{c}")
        for c in ("reference", "status_date", "mode", "client_status", "included", "amount")
    )
    table = fixed_table([head, *_statement_rows(s, m)], right={4, 5}, width=width)
    rule = len(table[len(table) - 1])
    out = [*fit_lines([*_statement_heading(s, m), ""], width), *table]
    out += [
        f"{name}{amount.rjust(rule - len(name))}"
        for name, amount in totals_rows(s.total_ht, s.vat, s.total_ttc, m)
    ]
    out += fit_lines(_statement_notes(s, m), width)
    return "\n".join(out)


@in_library_context
def statement_html(s: Statement, lang: Lang = "fr") -> str:
    """A monthly statement as an HTML table (Jupyter shows a statement this way)."""
    m = messages_for(lang)
    columns = ("reference", "status_date", "mode", "client_status", "included", "amount")
    styles = (TEXT, NOWRAP, TEXT, TEXT, NUMERIC, NUMERIC)
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
    totals = totals_rows(s.total_ht, s.vat, s.total_ttc, m)
    return html_table(
        "ouitec-statement",
        caption,
        head=head,
        rows=rows,
        totals=totals,
        notes=_statement_notes(s, m),
    )
