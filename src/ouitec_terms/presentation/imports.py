"""An import of time entries for people and spreadsheets: every statement, then the entries not
priced and why, then the summary (issue 19)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from ouitec_terms.money import in_library_context
from ouitec_terms.rules.vat import VatLine

from .messages import Messages, messages_for
from .pieces import Lang, text_totals
from .spreadsheets import LINE_COLUMNS, csv_cell, lines_csv
from .statements import statement_text

if TYPE_CHECKING:
    from ouitec_terms.assembly.imports import MonthImport
    from ouitec_terms.boundary.entries import EntryFlag

__all__ = ["IMPORT_COLUMNS", "flag_text", "import_csv", "import_text"]

IMPORT_COLUMNS = ("client", *LINE_COLUMNS)
"""The columns of [`import_csv`][ouitec_terms.presentation.imports.import_csv]: the client, then
those of a quote's lines (the quote's reference is the ticket)."""


def flag_text(flag: EntryFlag, m: Messages) -> str:
    """One flag on one line: where, how many, why, what was found."""
    what = " · ".join(part for part in (flag.client, flag.ticket, flag.detail) if part)
    word, _, place = flag.source.partition(" ")
    key = f"source.{word}"
    source = m.text(key, place=place) if key in m.texts else flag.source
    return m.text(
        "import.flag",
        source=source,
        count=m.text("import.flag_count", count=flag.entries) if flag.entries != 1 else "",
        reason=m.text(f"flag.{flag.reason.value}"),
        about=m.text("import.about", what=what) if what else "",
    )


@in_library_context
def import_text(result: MonthImport, lang: Lang = "fr") -> str:
    """Each client's statement, the entries flagged, and the summary with the month's totals."""
    m = messages_for(lang)
    s = result.summary
    month = m.month(s.year, s.month)
    out = [statement_text(statement, m.lang) + "\n" for statement in result.statements]
    if not result.statements:
        out.append(m.text("import.no_statement", month=month) + "\n")
    flagged = sum(flag.entries for flag in result.flags)
    if result.flags:
        out.append(m.text("import.flags", count=flagged))
        out += [f"  - {flag_text(flag, m)}" for flag in result.flags]
        out.append("")
    else:
        out.append(m.text("import.no_flags") + "\n")
    out.append(
        m.text(
            "import.summary",
            month=month,
            clients=s.clients,
            interventions=s.interventions,
            read=s.entries_read,
            priced=s.entries_priced,
            flagged=s.entries_flagged,
        )
    )
    vat = _merged_vat(line for statement in result.statements for line in statement.vat)
    out += text_totals(s.total_ht, vat, s.total_ttc, m)
    return "\n".join(out)


def _merged_vat(lines: Iterable[VatLine]) -> tuple[VatLine, ...]:
    """The statements' VAT lines added up per rate and article, for the summary's totals."""
    per_rate: dict[tuple[Decimal, str], VatLine] = {}
    for line in lines:
        key = (line.rate, line.article)
        seen = per_rate.get(key)
        per_rate[key] = (
            line
            if seen is None
            else replace(seen, base=seen.base + line.base, amount=seen.amount + line.amount)
        )
    return tuple(per_rate[key] for key in sorted(per_rate, reverse=True))


@in_library_context
def import_csv(result: MonthImport, lang: Lang = "fr") -> str:
    """One CSV row per priced line of every statement (due quotes), with its client; the
    quote's reference is the ticket. Written like
    [`lines_csv`][ouitec_terms.presentation.spreadsheets.lines_csv] (D61, D72)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(IMPORT_COLUMNS)
    for statement in result.statements:
        rows = csv.reader(io.StringIO(lines_csv(statement.quotes, lang)))
        next(rows)  # the header, written once above
        for row in rows:
            writer.writerow([csv_cell(statement.client_name), *row])
    return buffer.getvalue().rstrip("\n")
