"""The invoice book (issue 20): an embedded SQLite store of what was issued and paid, at the
edge beside the command line; the rules over it stay pure ([`ouitec_terms.rules.ledger`]
[ouitec_terms.rules.ledger]). Issuing needs the ``einvoice`` extra (the XML and the PDF it
stores)."""

from __future__ import annotations

from .book import DEFAULT_CREDIT_SERIES, DEFAULT_SERIES, Book, Issued
from .records import Ledger
from .store import Record, Store

__all__ = ["DEFAULT_CREDIT_SERIES", "DEFAULT_SERIES", "Book", "Issued", "Ledger", "Record", "Store"]
