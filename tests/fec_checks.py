"""An FEC checker written from the text of LPF art. A47 A-1 and BOI-CF-IOR-60-40-20, not from
the writer (issue 21): each rule below is one function of the file's text, returning what it
finds wrong. The tests run every rule on the files ``book fec`` writes, and on broken files
(negative controls).

The rules (A47 A-1, I and II):
1. The first line names the 18 fields, in this order.
2. Fields are separated by a tab or ``|``; every line has the 18 fields.
3. Dates are ``AAAAMMJJ``.
4. Amounts have a decimal comma and no thousands separator.
5. CompAuxNum/CompAuxLib, EcritureLet/DateLet, Montantdevise/Idevise are filled in pairs.
6. A line is a debit or a credit: both amounts are written, never both non-zero.
7. EcritureNum is one continuous sequence over the file, in the order of the lines.
8. Each entry is balanced: its debits equal its credits.
9. Entries follow the chronological order of validation (ValidDate).
10. An account number, and an auxiliary account, keep one label throughout the file.
11. The mandatory fields are filled.
12. The file is named ``<SIREN>FEC<AAAAMMJJ>.txt``.
13. An account number starts with three digits (the DGFiP's own checker, DGFiP/Test-Compta-Demat,
    ``SQL/FECBIC.sql``: "les 3 premiers caractères doivent être numériques").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal

HEADER = [
    "JournalCode",
    "JournalLib",
    "EcritureNum",
    "EcritureDate",
    "CompteNum",
    "CompteLib",
    "CompAuxNum",
    "CompAuxLib",
    "PieceRef",
    "PieceDate",
    "EcritureLib",
    "Debit",
    "Credit",
    "EcritureLet",
    "DateLet",
    "ValidDate",
    "Montantdevise",
    "Idevise",
]
_DAY = re.compile(r"[0-9]{8}\Z")
_AMOUNT = re.compile(r"-?[0-9]+(,[0-9]{1,2})?\Z")
_NAME = re.compile(r"[0-9]{9}FEC[0-9]{8}\.txt\Z")
_MANDATORY = (
    "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib",
    "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "ValidDate",
)  # fmt: skip
_PAIRS = (("CompAuxNum", "CompAuxLib"), ("EcritureLet", "DateLet"), ("Montantdevise", "Idevise"))


def _rows(text: str) -> tuple[str, list[dict[str, str]]]:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    separator = "\t" if "\t" in lines[0] else "|"
    return separator, [dict(zip(HEADER, line.split(separator), strict=False)) for line in lines[1:]]


def _is_day(text: str) -> bool:
    if not _DAY.match(text):
        return False
    try:
        date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return False
    return True


def _amount(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def header(text: str) -> list[str]:
    """Rule 1."""
    first = text.split("\n", 1)[0]
    separator = "\t" if "\t" in first else "|"
    return [] if first.split(separator) == HEADER else ["line 1 is not the A47 A-1 header"]


def fields(text: str) -> list[str]:
    """Rule 2."""
    lines = text.rstrip("\n").split("\n")
    separator = "\t" if "\t" in lines[0] else "|"
    return [
        f"line {n}: {len(line.split(separator))} fields"
        for n, line in enumerate(lines, start=1)
        if len(line.split(separator)) != len(HEADER)
    ]


def dates(text: str) -> list[str]:
    """Rule 3."""
    _, rows = _rows(text)
    bad = []
    for n, row in enumerate(rows, start=2):
        for name in ("EcritureDate", "PieceDate", "ValidDate", "DateLet"):
            value = row.get(name, "")
            if (value or name != "DateLet") and not _is_day(value):
                bad.append(f"line {n}: {name} {value!r} is not AAAAMMJJ")
    return bad


def amounts(text: str) -> list[str]:
    """Rule 4."""
    _, rows = _rows(text)
    bad = []
    for n, row in enumerate(rows, start=2):
        for name in ("Debit", "Credit", "Montantdevise"):
            value = row.get(name, "")
            if (value or name != "Montantdevise") and not _AMOUNT.match(value):
                bad.append(f"line {n}: {name} {value!r} is not an amount with a decimal comma")
    return bad


def pairs(text: str) -> list[str]:
    """Rule 5."""
    _, rows = _rows(text)
    return [
        f"line {n}: {a} and {b} are not filled together"
        for n, row in enumerate(rows, start=2)
        for a, b in _PAIRS
        if bool(row.get(a)) != bool(row.get(b))
    ]


def sides(text: str) -> list[str]:
    """Rule 6."""
    _, rows = _rows(text)
    return [
        f"line {n}: both a debit and a credit"
        for n, row in enumerate(rows, start=2)
        if _AMOUNT.match(row.get("Debit", "")) and _AMOUNT.match(row.get("Credit", ""))
        and _amount(row["Debit"]) and _amount(row["Credit"])
    ]  # fmt: skip


def sequence(text: str) -> list[str]:
    """Rule 7."""
    _, rows = _rows(text)
    expected = 1
    for n, row in enumerate(rows, start=2):
        number = row.get("EcritureNum", "")
        if not number.isdigit():
            return [f"line {n}: EcritureNum {number!r} is not a number"]
        if int(number) == expected:
            expected += 1
        elif int(number) != expected - 1:
            return [f"line {n}: EcritureNum {number} breaks the sequence (expected {expected})"]
    return []


def balance(text: str) -> list[str]:
    """Rule 8."""
    _, rows = _rows(text)
    totals: dict[str, Decimal] = {}
    for row in rows:
        if _AMOUNT.match(row.get("Debit", "")) and _AMOUNT.match(row.get("Credit", "")):
            key = row["EcritureNum"]
            totals[key] = (
                totals.get(key, Decimal(0)) + _amount(row["Debit"]) - _amount(row["Credit"])
            )
    return [f"entry {key} is not balanced ({total})" for key, total in totals.items() if total]


def chronology(text: str) -> list[str]:
    """Rule 9."""
    _, rows = _rows(text)
    days = [row.get("ValidDate", "") for row in rows]
    return [
        f"line {n + 3}: ValidDate {b} before {a}"
        for n, (a, b) in enumerate(itertools.pairwise(days))
        if _is_day(a) and _is_day(b) and b < a
    ]


def labels(text: str) -> list[str]:
    """Rule 10."""
    _, rows = _rows(text)
    seen: dict[tuple[str, str], str] = {}
    bad = []
    for n, row in enumerate(rows, start=2):
        for number, label in (("CompteNum", "CompteLib"), ("CompAuxNum", "CompAuxLib")):
            key = (number, row.get(number, ""))
            if key[1] and seen.setdefault(key, row.get(label, "")) != row.get(label, ""):
                bad.append(f"line {n}: {number} {key[1]} has a second label")
    return bad


def mandatory(text: str) -> list[str]:
    """Rule 11."""
    _, rows = _rows(text)
    return [
        f"line {n}: {name} is empty"
        for n, row in enumerate(rows, start=2)
        for name in _MANDATORY
        if not row.get(name)
    ]


def accounts(text: str) -> list[str]:
    """Rule 13."""
    _, rows = _rows(text)
    return [
        f"line {n}: CompteNum {row.get('CompteNum', '')!r} does not start with 3 digits"
        for n, row in enumerate(rows, start=2)
        if not row.get("CompteNum", "")[:3].isdigit() or len(row.get("CompteNum", "")) < 3
    ]


def file_name(name: str) -> list[str]:
    """Rule 12."""
    return [] if _NAME.match(name) else [f"{name!r} is not <SIREN>FEC<AAAAMMJJ>.txt"]


RULES: dict[str, Callable[[str], list[str]]] = {
    "header": header, "fields": fields, "dates": dates, "amounts": amounts, "pairs": pairs,
    "sides": sides, "sequence": sequence, "balance": balance, "chronology": chronology,
    "labels": labels, "mandatory": mandatory, "accounts": accounts,
}  # fmt: skip
"""Every rule on the file's text."""


def fec_problems(text: str) -> list[str]:
    """Everything the file breaks, rule by rule."""
    return [f"{name}: {problem}" for name, rule in RULES.items() for problem in rule(text)]
