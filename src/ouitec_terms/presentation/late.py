"""Late-payment interest and indemnity for people: as text and as HTML (Art. 4, C. com.
L441-10, D441-5)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from ouitec_terms.money import in_library_context
from ouitec_terms.rules import law

from .messages import Messages, messages_for
from .pieces import (
    Lang,
)

if TYPE_CHECKING:
    from ouitec_terms.rules.payment import LatePayment

__all__ = ["late_payment_html", "late_payment_text"]


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
    head = f"<p><b>{escape(heading)}</b></p>"
    return f'<div class="ouitec-late">{head}<ul>{items}</ul>{paragraphs}</div>'
