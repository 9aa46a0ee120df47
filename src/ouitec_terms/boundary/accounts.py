"""The chart of accounts of the FEC export: accounts, journals and entry labels, as data
(``ouitec_terms/presets/accounts.toml``), which an ``--accounts`` file merges over (issue 21).

```pycon
>>> plan = account_plan()
>>> plan.accounts["receivable"].number, plan.journals["sales"].code
('411', 'VE')
>>> load_account_plan_text('[accounts]\\nbank = { number = "5121" }').accounts["bank"].label
'Banque'

```
"""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError, field_validator

from ouitec_terms.errors import BookError

from .mapping import merged_tables
from .reading import describe_validation_error, parse_text, read_data
from .text import Name

__all__ = [
    "ACCOUNT_ROLES",
    "Account",
    "AccountPlan",
    "Journal",
    "account_plan",
    "load_account_plan",
    "load_account_plan_text",
]

ACCOUNT_ROLES = (
    "receivable", "services", "vat_awaiting", "vat_collected", "bank", "interest", "indemnity",
)  # fmt: skip
"""What each account of the plan is for."""
_NUMBER = re.compile(r"[0-9]{3}[0-9A-Za-z]{0,17}\Z")
"""An account number: its first 3 characters digits (the DGFiP's checker, Test-Compta-Demat)."""
_FORBIDDEN = re.compile(r"[\t|\r\n]")


def _fec_safe(value: str) -> str:
    if _FORBIDDEN.search(value):
        raise ValueError(f"{value[:40]!r} holds a tab, a | or a line break, which the FEC forbids")
    return value


class Account(BaseModel, frozen=True, extra="forbid"):
    """A general-ledger account: its number (PCG) and its label."""

    number: str = Field(description="the account's number, e.g. 411 or 44571")
    label: Name = Field(max_length=100, description="its label in the FEC")

    @field_validator("number")
    @classmethod
    def _an_account_number(cls, value: str) -> str:
        if not _NUMBER.match(value):
            raise ValueError(
                f"{value[:40]!r} is not an account number (3 to 20 characters, 3 digits first)"
            )
        return value

    @field_validator("label")
    @classmethod
    def _safe_label(cls, value: str) -> str:
        return _fec_safe(value)


class Journal(BaseModel, frozen=True, extra="forbid"):
    """A journal: its code and its label."""

    code: str = Field(pattern=r"^[A-Z0-9]{1,8}$", description="the journal's code, e.g. VE")
    label: Name = Field(max_length=100, description="its label in the FEC")

    @field_validator("label")
    @classmethod
    def _safe_label(cls, value: str) -> str:
        return _fec_safe(value)


class AccountPlan(BaseModel, frozen=True, extra="forbid"):
    """The accounts, journals and entry labels of the FEC export."""

    accounts: dict[str, Account] = Field(description="each role's account")
    journals: dict[str, Journal] = Field(description="the sales and bank journals")
    labels: dict[str, Name] = Field(description="each entry's label, a format with {fields}")

    @field_validator("accounts")
    @classmethod
    def _every_role(cls, value: dict[str, Account]) -> dict[str, Account]:
        missing = [role for role in ACCOUNT_ROLES if role not in value]
        unknown = [role for role in value if role not in ACCOUNT_ROLES]
        if missing or unknown:
            raise ValueError(f"roles {missing or unknown}: give exactly {', '.join(ACCOUNT_ROLES)}")
        return value


def _validated(data: dict[str, Any], source: str) -> AccountPlan:
    try:
        return AccountPlan.model_validate(data)
    except ValidationError as error:
        raise BookError(describe_validation_error(error, source)) from None


def _preset() -> dict[str, Any]:
    text = (files("ouitec_terms") / "presets" / "accounts.toml").read_text(encoding="utf-8")
    data: dict[str, Any] = parse_text(text, source="preset accounts", toml=True, error=BookError)
    return data


def account_plan() -> AccountPlan:
    """The default plan (ouitec_terms/presets/accounts.toml)."""
    return _validated(_preset(), "preset accounts")


def load_account_plan_text(text: str, *, source: str = "accounts file") -> AccountPlan:
    """The plan of the TOML ``text`` merged over the default one."""
    data = parse_text(text, source=source, toml=True, error=BookError)
    return _validated(merged_tables(_preset(), data), source)


def load_account_plan(path: str | Path) -> AccountPlan:
    """The plan of the TOML file at ``path`` merged over the default one."""
    data = read_data(path, error=BookError, what="accounts file")
    return _validated(merged_tables(_preset(), data), f"accounts file {str(path)[:80]!r}")
