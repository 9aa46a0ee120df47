"""Quote lines for spreadsheets: one CSV row per line, formulas neutralised (D61, D72)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ouitec_terms.money import in_library_context

from .messages import messages_for
from .pieces import (
    Lang,
    line_description,
    local_time,
)

if TYPE_CHECKING:
    from ouitec_terms.assembly.quote import Quote

__all__ = ["LINE_COLUMNS", "csv_cell", "lines_csv"]


LINE_COLUMNS = (
    "reference", "status_date", "kind", "description", "article", "start", "end",
    "raw_seconds", "billed_minutes", "off_hours", "quantity", "unit", "unit_price",
    "surcharge_rate", "amount_ht", "net_unit_price",
)  # fmt: skip
"""The columns of [`lines_csv`][ouitec_terms.presentation.spreadsheets.lines_csv]: stable names,
in no language, like the JSON's."""


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP, CSV injection)."""
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?\Z")


def csv_cell(value: object) -> object:
    """``value`` as a spreadsheet may read it safely: a text that a spreadsheet would run as a
    formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading
    ``'``, as OWASP advises; numbers, and texts that are plain numbers, stay as they are (D72).

    ```pycon
    >>> print(csv_cell("=1+2"), csv_cell("-12.50"), csv_cell("Garage"))
    '=1+2 -12.50 Garage

    ```
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


@in_library_context
def lines_csv(quotes: Sequence[Quote], lang: Lang = "fr") -> str:
    """One CSV row per quote line, with its quote's reference, for spreadsheets: comma
    separated, numbers with a point, times on the tariff's clock in ISO 8601, the description in
    the document's language (D61). A text that a spreadsheet would run as a formula is written
    with a leading ``'`` ([`csv_cell`][ouitec_terms.presentation.spreadsheets.csv_cell])."""
    m = messages_for(lang)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(LINE_COLUMNS)
    for q in quotes:
        for line in q.lines:
            local = [
                local_time(t, q.timezone).isoformat() if t else "" for t in (line.start, line.end)
            ]
            row = (
                q.reference, q.status_date.isoformat(), line.kind.value,
                line_description(line, q, m), line.article, *local, line.raw_seconds,
                line.billed_minutes, str(line.off_hours).lower(), line.quantity,
                line.unit.value, line.unit_price, line.surcharge_rate, line.amount_ht,
                line.net_unit_price,
            )  # fmt: skip
            writer.writerow([csv_cell(cell) for cell in row])
    return buffer.getvalue().rstrip("\n")
