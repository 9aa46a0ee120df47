"""The invoice a credit note corrects, as it was issued: its number, date and TTC total, read
from the JSON (``invoice --format json``) or the CII XML the command wrote for it (D70)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from xml.etree import ElementTree

from ouitec_terms.boundary.echo import shown
from ouitec_terms.boundary.reading import MAX_FILE_BYTES, parse_text
from ouitec_terms.errors import InvoiceError

__all__ = ["Corrected", "read_corrected"]

_NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Corrected:
    """What a credit note needs of the invoice it corrects."""

    number: str
    """Its number (BT-1, the credit note's BT-25)."""
    issued: date
    """Its issue date (BT-2, the credit note's BT-26)."""
    total_ttc: Decimal
    """Its total TTC as issued (BT-112): the most a credit note credits."""


def read_corrected(path: str) -> Corrected:
    """The invoice of ``path``, a JSON or CII XML file; any problem is one
    [`InvoiceError`][ouitec_terms.errors.InvoiceError] naming the file."""
    source = f"--corrected {shown(path)!r}"
    try:
        with Path(path).open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or "not a readable file"
        raise InvoiceError(f"{source}: cannot read it: {reason}; check the path") from None
    if len(raw) > MAX_FILE_BYTES:
        raise InvoiceError(f"{source} is larger than an invoice can be")
    try:
        found = _from_xml(raw) if raw.lstrip().startswith(b"<") else _from_json(raw, source)
    except (ValueError, KeyError, TypeError, InvalidOperation, ElementTree.ParseError):
        found = None
    if found is None or not found.total_ttc.is_finite() or found.total_ttc.is_signed():
        raise InvoiceError(
            f"{source} is not an invoice the command wrote (its --format json or xml); give "
            "--corrected-total AMOUNT instead"
        )
    return found


def _from_json(raw: bytes, source: str) -> Corrected | None:
    data = parse_text(raw.decode("utf-8-sig"), source=source, toml=False, error=InvoiceError)
    if data.get("type_code") != "380":
        return None
    return Corrected(
        number=str(data["number"]),
        issued=date.fromisoformat(data["issued"]),
        total_ttc=Decimal(str(data["total_ttc"])),
    )


def _from_xml(raw: bytes) -> Corrected | None:
    root = ElementTree.fromstring(raw)  # expat: no external entities, bounded expansion
    document = root.find("rsm:ExchangedDocument", _NS)
    total = root.find(
        ".//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:GrandTotalAmount", _NS
    )
    if document is None or total is None or document.findtext("ram:TypeCode", None, _NS) != "380":
        return None
    issued = document.findtext("ram:IssueDateTime/udt:DateTimeString", "", _NS)
    return Corrected(
        number=document.findtext("ram:ID", "", _NS),
        issued=datetime.strptime(issued, "%Y%m%d").date(),  # noqa: DTZ007 - a date, format 102
        total_ttc=Decimal((total.text or "").strip()),
    )
