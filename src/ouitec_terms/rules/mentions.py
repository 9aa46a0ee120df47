"""Mentions a quote carries: what a document must state beside its lines, as codes.

A mention is data, in no language: a [`MentionCode`][ouitec_terms.rules.mentions.MentionCode] and,
where the wording needs one, a value (a rate, a devis reference). Renderings word it in the
document's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Mention", "MentionCode"]


class MentionCode(StrEnum):
    """Why a mention is on the document, and the text it stands for."""

    VAT_NOT_APPLICABLE_294 = "vat_not_applicable_cgi_294"
    """"TVA non applicable, art. 294 du CGI" (Guyane, Mayotte)."""
    VAT_REVERSE_CHARGE = "vat_reverse_charge"
    """"Autoliquidation" (a business client in another EU member state, CGI art. 283-2)."""
    VAT_NOT_APPLICABLE_259_1 = "vat_not_applicable_cgi_259_1"
    """"TVA non applicable, art. 259-1 du CGI" (a client outside the EU)."""
    ONSITE_DAY_FLOOR = "onsite_day_floor"
    """The on-site day without contract is a floor, "dès" its rate (Art. 3, Art. 11); value: the
    rate.
    """
    UNSIGNED_DEVIS = "unsigned_devis"
    """A devis that was not signed: the work is billed at the tariff and travel is due (Art. 11);
    value: the devis reference."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """One mention: its code and the value its wording needs (empty when none)."""

    code: MentionCode
    """What the mention states."""
    value: str = ""
    """The value it needs (a rate, a reference), or empty."""
