"""The built-in scenario of ``ouitec-terms demo``."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from ouitec_terms.boundary.documents import QuoteRequest
from ouitec_terms.boundary.models import Channel, Client, Intervention, TravelLeg, WorkPeriod
from ouitec_terms.presentation.messages import messages_for

__all__ = ["demo_request"]


def demo_request(lang: str = "fr") -> QuoteRequest:
    """The built-in scenario: a Friday evening outage for a client without contract.

    The technician drives 32 km from the seat at 17:30, works on site from 18:10 to 21:35 (the
    business window closes at 19:00) and drives back until 22:15. Its words are the clerk's,
    in the language of the document (French by default).
    """
    m = messages_for(lang)
    paris = ZoneInfo("Europe/Paris")

    def at(hour: int, minute: int) -> datetime:
        return datetime(2025, 3, 14, hour, minute, tzinfo=paris)

    return QuoteRequest(
        client=Client(name=m.text("demo.client")),
        intervention=Intervention(
            reference="DEMO-2025-0314",
            channel=Channel.PHONE,
            confirmed_in_writing=True,
            work=(WorkPeriod(start=at(18, 10), end=at(21, 35), label=m.text("demo.work")),),
            travel=(
                TravelLeg(
                    start=at(17, 30),
                    end=at(18, 10),
                    distance_km=Decimal(32),
                    label=m.text("demo.out"),
                ),
                TravelLeg(
                    start=at(21, 35),
                    end=at(22, 15),
                    distance_km=Decimal(32),
                    label=m.text("demo.back"),
                ),
            ),
        ),
    )
