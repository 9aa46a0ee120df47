"""Invoice numbers: their form, the next number of a series, and the check of a series (CGI
annexe II art. 242 nonies A: "une numérotation unique basée sur une séquence chronologique et
continue"; EN 16931 BT-1, BR-FR-01/02).

```pycon
>>> next_invoice_number("F-2025-0001")
'F-2025-0002'

```
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from ouitec_terms.errors import InvoiceError

if TYPE_CHECKING:
    from .invoice import Invoice

__all__ = [
    "NUMBER_PATTERN",
    "check_invoice_number",
    "check_invoice_series",
    "next_invoice_number",
]

NUMBER_PATTERN = re.compile(r"(?=[^0-9]*[0-9])[A-Za-z0-9+_/-]{1,35}\Z")
"""An invoice number (BT-1, BR-FR-01/02): 1 to 35 letters, digits and ``-+_/``, no space, with at
least one digit (the number of a continuous series, CGI annexe II art. 242 nonies A; D68)."""


def check_invoice_number(number: str, name: str = "number") -> str:
    """``number`` if it is an invoice number (see [`NUMBER_PATTERN`]
    [ouitec_terms.assembly.numbering.NUMBER_PATTERN]), else an error naming ``name``."""
    if not NUMBER_PATTERN.match(number):
        raise InvoiceError(
            f"{name} {number[:40]!r} is not an invoice number: 1 to 35 letters, digits and "
            "-+_/ with no space and at least one digit (BR-FR-01, BR-FR-02; CGI annexe II art. "
            "242 nonies A), e.g. F-2025-0042"
        )
    return number


_COUNTER = re.compile(r"(.*?)([0-9]+)\Z")


def next_invoice_number(previous: str) -> str:
    """The number after ``previous`` in its series: its last digits plus one, same width.

    ```pycon
    >>> next_invoice_number("F-2025-0099"), next_invoice_number("2025/9")
    ('F-2025-0100', '2025/10')

    ```
    """
    check_invoice_number(previous, "previous")
    found = _COUNTER.match(previous)
    if found is None:
        raise InvoiceError(
            f"previous {previous!r} does not end in digits; number invoices like F-2025-0001"
        )
    prefix, digits = found.groups()
    return check_invoice_number(f"{prefix}{int(digits) + 1:0{len(digits)}d}", "next number")


def check_invoice_series(invoices: Iterable[Invoice]) -> None:
    """Check a series of invoices in the order they were issued: unique numbers, dates that
    never go back, and no gap between consecutive numbers of one prefix (CGI annexe II art. 242
    nonies A: "une numérotation unique basée sur une séquence chronologique et continue").
    Storing the series is the caller's job."""
    seen: set[str] = set()
    last: dict[str, tuple[int, str]] = {}
    previous_date: date | None = None
    for invoice in invoices:
        if invoice.number in seen:
            raise InvoiceError(f"number {invoice.number} is used twice")
        seen.add(invoice.number)
        if previous_date is not None and invoice.issued < previous_date:
            raise InvoiceError(
                f"{invoice.number} is issued on {invoice.issued}, before the invoice issued "
                f"before it ({previous_date}): the series must be chronological"
            )
        previous_date = invoice.issued
        found = _COUNTER.match(invoice.number)
        if found is None:
            raise InvoiceError(f"number {invoice.number} does not end in digits")
        prefix, digits = found.group(1), int(found.group(2))
        if prefix in last and digits != last[prefix][0] + 1:
            raise InvoiceError(
                f"{invoice.number} follows {last[prefix][1]}: the series has a gap or goes back"
            )
        last[prefix] = (digits, invoice.number)
