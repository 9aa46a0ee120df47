"""The FEC file (LPF art. A47 A-1, BOI-CF-IOR-60-40-20): entries written as the tax authority
reads them, and read back (issue 21).

18 fields in a fixed order under a header line, separated by a tab or ``|``; dates
``AAAAMMJJ``; amounts with a decimal comma and no thousands separator, both ``Debit`` and
``Credit`` filled (the unused one ``0,00``); optional fields empty in pairs; no field holding the
separator or a line break. The file is named ``<SIREN>FEC<AAAAMMJJ>.txt`` after the seller's SIREN
and the closing date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from ouitec_terms.errors import BookError
from ouitec_terms.rules.accounting import FecLine

__all__ = ["FEC_FIELDS", "SEPARATORS", "fec_file_name", "fec_text", "read_fec"]

FEC_FIELDS = (
    "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib",
    "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit",
    "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise",
)  # fmt: skip
"""The 18 fields, in the order of A47 A-1."""
SEPARATORS = {"tab": "\t", "pipe": "|"}
"""The separators A47 A-1 allows."""


def fec_file_name(siren: str, closing: date) -> str:
    """``<SIREN>FEC<AAAAMMJJ>.txt``."""
    return f"{siren}FEC{closing:%Y%m%d}.txt"


def _day(value: date | None) -> str:
    return "" if value is None else f"{value:%Y%m%d}"


def _amount(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}".replace(".", ",")


def _clean(text: str, separator: str) -> str:
    """A field's text without the separator or a line break (A47 A-1)."""
    return " ".join(text.replace(separator, " ").split())


def fec_text(lines: Sequence[FecLine], *, separator: str = "\t") -> str:
    """The FEC's text: the header, then one line per entry line, CRLF-free (LF)."""
    if separator not in SEPARATORS.values():
        raise BookError(f"separator {separator!r}: the FEC is separated by a tab or |")
    rows = [separator.join(FEC_FIELDS)]
    for line in lines:
        fields = (
            line.journal_code, line.journal_label, str(line.entry_number), _day(line.entry_date),
            line.account, line.account_label, line.aux_account, line.aux_label, line.piece_ref,
            _day(line.piece_date), line.label, _amount(line.debit), _amount(line.credit),
            line.letter, _day(line.letter_date), _day(line.valid_date),
            _amount(line.amount_currency), line.currency,
        )  # fmt: skip
        rows.append(separator.join(_clean(field, separator) for field in fields))
    return "\n".join(rows) + "\n"


def _parse_day(text: str) -> date | None:
    return None if not text else date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def _parse_amount(text: str) -> Decimal | None:
    return None if not text else Decimal(text.replace(",", "."))


def read_fec(text: str) -> tuple[FecLine, ...]:
    """The entries of a FEC written by [`fec_text`][ouitec_terms.presentation.fec.fec_text]
    (tab or ``|``, found from the header), back as values."""
    rows = text.splitlines()
    if not rows:
        raise BookError("an empty FEC: it starts with the header line")
    separator = "\t" if "\t" in rows[0] else "|"
    if tuple(rows[0].split(separator)) != FEC_FIELDS:
        raise BookError("the first line is not the FEC header of A47 A-1")
    lines = []
    for number, row in enumerate(rows[1:], start=2):
        cells = row.split(separator)
        if len(cells) != len(FEC_FIELDS):
            raise BookError(f"line {number} has {len(cells)} fields, not 18")
        values = dict(zip(FEC_FIELDS, cells, strict=True))
        entry_date = _parse_day(values["EcritureDate"])
        piece_date = _parse_day(values["PieceDate"])
        valid_date = _parse_day(values["ValidDate"])
        assert entry_date is not None
        assert piece_date is not None
        assert valid_date is not None
        lines.append(
            FecLine(
                journal_code=values["JournalCode"],
                journal_label=values["JournalLib"],
                entry_number=int(values["EcritureNum"]),
                entry_date=entry_date,
                account=values["CompteNum"],
                account_label=values["CompteLib"],
                aux_account=values["CompAuxNum"],
                aux_label=values["CompAuxLib"],
                piece_ref=values["PieceRef"],
                piece_date=piece_date,
                label=values["EcritureLib"],
                debit=_parse_amount(values["Debit"]) or Decimal("0.00"),
                credit=_parse_amount(values["Credit"]) or Decimal("0.00"),
                letter=values["EcritureLet"],
                letter_date=_parse_day(values["DateLet"]),
                valid_date=valid_date,
                amount_currency=_parse_amount(values["Montantdevise"]),
                currency=values["Idevise"],
            )
        )
    return tuple(lines)
