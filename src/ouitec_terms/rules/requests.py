"""When a request is due (Art. 5): "Toute demande d'intervention doit être formulée par écrit via
l'interface de support ... ou par e-mail. Les demandes téléphoniques ... doivent être confirmées
par écrit."

A request made in writing (the support portal, an e-mail) is due as made; one made by phone or
chat is priced, but due only once confirmed in writing (D11). Quotes, statements and invoices all
ask [`is_due`][ouitec_terms.rules.requests.is_due].

```pycon
>>> from datetime import datetime, timezone
>>> from ouitec_terms import Channel, Intervention, WorkPeriod
>>> call = Intervention(channel=Channel.PHONE, work=(WorkPeriod(
...     start=datetime(2025, 3, 11, 9, tzinfo=timezone.utc),
...     end=datetime(2025, 3, 11, 10, tzinfo=timezone.utc)),))
>>> is_due(call), is_due(call.model_copy(update={"confirmed_in_writing": True}))
(False, True)

```
"""

from __future__ import annotations

from ouitec_terms.boundary.models import Intervention

__all__ = ["is_due"]


def is_due(intervention: Intervention) -> bool:
    """Whether ``intervention`` was requested in writing, or confirmed in writing (Art. 5)."""
    return intervention.channel.is_written or intervention.confirmed_in_writing
