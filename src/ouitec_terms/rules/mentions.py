"""Mentions a quote carries: what a document must state beside its lines, as codes.

A mention is data, in no language: a :class:`MentionCode` and, where the wording needs one, a
value (a rate, a devis reference). Renderings word it in the document's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Mention", "MentionCode"]


class MentionCode(StrEnum):
    """Why a mention is on the document, and the text it stands for."""

    #: "TVA non applicable, art. 294 du CGI" (Guyane, Mayotte).
    VAT_NOT_APPLICABLE_294 = "vat_not_applicable_cgi_294"
    #: "Autoliquidation" (a business client in another EU member state, CGI art. 283-2).
    VAT_REVERSE_CHARGE = "vat_reverse_charge"
    #: "TVA non applicable, art. 259-1 du CGI" (a client outside the EU).
    VAT_NOT_APPLICABLE_259_1 = "vat_not_applicable_cgi_259_1"
    #: The on-site day without contract is a floor, "dès" its rate (Art. 3, Art. 11); value:
    #: the rate.
    ONSITE_DAY_FLOOR = "onsite_day_floor"
    #: A devis that was not signed: the work is billed at the tariff and travel is due
    #: (Art. 11); value: the devis reference.
    UNSIGNED_DEVIS = "unsigned_devis"


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention: its code and the value its wording needs (empty when none)."""

    code: MentionCode
    value: str = ""
