"""OUiTEC as the issuer of invoices: the seller's legal identity, address and bank account.

Read from a TOML file with one ``[seller]`` table; its identifiers are checked with
python-stdnum ([`ouitec_terms.boundary.identifiers`][ouitec_terms.boundary.identifiers]).

```pycon
>>> seller = Seller.from_toml_text(EXAMPLE_SELLER_TOML)
>>> seller.siren, seller.vat_number
('901000018', 'FR06901000018')

```
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Self

from pydantic import BaseModel, Field, ValidationError, model_validator

from ouitec_terms.errors import InvoiceError

from .amounts import InputAmount
from .identifiers import Email, Iban, Siren, Siret, VatNumber, check_same_siren
from .models import Address
from .reading import describe_validation_error, parse_text, read_data
from .text import Name

__all__ = ["EXAMPLE_SELLER_TOML", "Seller"]


class Seller(BaseModel, frozen=True, extra="forbid"):
    """OUiTEC as the issuer of invoices (L441-9, R123-237, CGI annexe II art. 242 nonies A)."""

    name: Name = Field(min_length=1, max_length=200, description="legal name")
    legal_form: Name = Field(min_length=1, max_length=50, description="e.g. SAS, SARL")
    share_capital: InputAmount = Field(description="€, as the Kbis states it")
    siren: Siren = Field(description="9-digit SIREN (checked)")
    siret: Siret = Field(description="14-digit SIRET of the issuing establishment (checked)")
    vat_number: VatNumber = Field(description="intra-EU VAT number (checked)")
    rcs_city: Name = Field(min_length=1, max_length=100, description="RCS registry town")
    iban: Iban = Field(description="IBAN for transfers (checked)")
    email: Email = Field(description="contact and e-invoicing address")
    phone: Name = Field(min_length=1, max_length=30, description="telephone number as printed")
    vat_on_debits: bool = Field(
        default=False, description="option pour le paiement de la taxe d'après les débits"
    )
    address: Address = Field(description="registered office")

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        check_same_siren(self.siren, self.siret, self.vat_number)
        if not self.vat_number.startswith("FR"):
            raise ValueError(f"vat_number {self.vat_number} is not a French VAT number")
        return self

    @classmethod
    def from_toml(cls, path: str | Path) -> Seller:
        """The seller of a TOML file's ``[seller]`` table; errors name the file and the field."""
        data = read_data(path, error=InvoiceError, what="seller file")
        return cls._validated(data, repr(str(path)))

    @classmethod
    def from_toml_text(cls, text: str, *, source: str = "<text>") -> Seller:
        """The seller of TOML text's ``[seller]`` table."""
        return cls._validated(
            parse_text(text, source=source, toml=True, error=InvoiceError), source
        )

    @classmethod
    def _validated(cls, data: dict[str, Any], source: str) -> Seller:
        table = data.get("seller")
        if not isinstance(table, dict) or set(data) != {"seller"}:
            raise InvoiceError(f"{source} must hold exactly one [seller] table")
        try:
            return cls.model_validate(table)
        except ValidationError as error:
            raise InvoiceError(describe_validation_error(error, f"seller {source}")) from None


EXAMPLE_SELLER_TOML = """\
# EXAMPLE ONLY: made-up identifiers with valid checksums, not OUiTEC's real ones.
[seller]
name = "OUiTEC"
legal_form = "SAS"
share_capital = "10000"
siren = "901000018"
siret = "90100001800019"
vat_number = "FR06901000018"
rcs_city = "Lyon"
iban = "FR7830004000010000000000100"
email = "facturation@ouitec.example"
phone = "04 28 29 27 91"
vat_on_debits = false

[seller.address]
street = "1 rue de l’Exemple"
postcode = "69390"
city = "Charly"
country = "FR"
"""
"""A made-up, checksum-valid seller for examples and tests (not OUiTEC's real identifiers)."""
