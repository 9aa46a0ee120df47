"""The clients file of an import: every client, the names the sources give it, its distance.

A TOML file of ``[[client]]`` tables. Each holds every field of
[`Client`][ouitec_terms.boundary.models.Client] (contracts, VAT regime, holiday subdivision,
billing identity…) and three more: ``aliases``, the names a source uses for it (a GLPI entity,
full path included; a Kimai customer); ``distance_km``, the road distance from OUiTEC's head
office to its site (Art. 11), for travel entries that carry none; ``included_hours``, the
included hours of the month when they differ from its contracts' (rules §5.3).

A source's name matches a client when it equals the client's name or one of its aliases, case
and runs of spaces aside (D82); two clients may not share a name or an alias. Nothing else is
guessed: an entry whose client matches nothing is flagged.

```pycon
>>> clients = parse_clients('''
... [[client]]
... name = "Garage Petit"
... aliases = ["Entité racine > Garage Petit"]
... distance_km = "18"
... ''', source="clients.toml")
>>> clients.find("entité racine  >  GARAGE PETIT").name
'Garage Petit'
>>> clients.find("Garage Grand") is None
True

```
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from ouitec_terms.errors import EntryError

from .amounts import InputQuantity
from .models import Client
from .reading import describe_validation_error, parse_text, read_data
from .scalars import IncludedHours
from .text import Name

__all__ = [
    "MAX_CLIENTS",
    "ClientDirectory",
    "ClientRecord",
    "client_key",
    "load_clients",
    "parse_clients",
]

MAX_CLIENTS = 10_000
"""The most clients one clients file may hold."""

_CLIENT_FIELDS = frozenset(Client.model_fields)


class ClientRecord(Client):
    """A client of the clients file: a [`Client`][ouitec_terms.boundary.models.Client] and what
    the import needs besides."""

    aliases: tuple[Name, ...] = Field(
        default=(), max_length=100, description="the names a source uses for this client"
    )
    distance_km: InputQuantity | None = Field(
        default=None,
        description="road distance from the head office to the client's site, km (Art. 11)",
    )
    included_hours: IncludedHours | None = Field(
        default=None,
        description="included hours of the month, overriding the contracts' (rules §5.3)",
    )

    def billing_client(self) -> Client:
        """The [`Client`][ouitec_terms.boundary.models.Client] alone, as documents carry it."""
        return Client.model_validate(
            {name: getattr(self, name) for name in _CLIENT_FIELDS if name in self.model_fields_set}
        )


class _ClientsFile(BaseModel, frozen=True, extra="forbid"):
    client: tuple[ClientRecord, ...] = Field(min_length=1, max_length=MAX_CLIENTS)


def client_key(name: str) -> str:
    """The form names are matched in: Unicode NFC, case folded, runs of spaces made one."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


@dataclass(frozen=True, slots=True, kw_only=True)
class ClientDirectory:
    """The clients of a clients file, and the names they answer to."""

    source: str
    """The file they were read from."""
    records: tuple[ClientRecord, ...]
    """Every client, in the file's order."""
    names: Mapping[str, ClientRecord]
    """Each name and alias ([`client_key`][ouitec_terms.boundary.clients.client_key]) → its
    client."""

    def find(self, name: str) -> ClientRecord | None:
        """The client that ``name`` names, or ``None``: never a guess."""
        return self.names.get(client_key(name))


def _directory(records: tuple[ClientRecord, ...], source: str) -> ClientDirectory:
    names: dict[str, ClientRecord] = {}
    for index, record in enumerate(records):
        for name in (record.name, *record.aliases):
            key = client_key(name)
            other = names.get(key)
            if other is not None and other is not record:
                raise EntryError(
                    f"{source}: client {index + 1} ({record.name[:60]!r}) answers to "
                    f"{name[:60]!r}, as {other.name[:60]!r} does; give each name or alias to one "
                    "client"
                )
            names[key] = record
    return ClientDirectory(source=source, records=records, names=names)


def _validated(data: dict[str, object], source: str) -> ClientDirectory:
    try:
        parsed = _ClientsFile.model_validate(data)
    except ValidationError as error:
        raise EntryError(describe_validation_error(error, source)) from None
    return _directory(parsed.client, source)


def parse_clients(text: str, *, source: str = "clients file") -> ClientDirectory:
    """The clients of the TOML ``text``, checked; every problem is an
    [`EntryError`][ouitec_terms.errors.EntryError] naming ``source``."""
    return _validated(parse_text(text, source=source, toml=True, error=EntryError), source)


def load_clients(path: str | Path) -> ClientDirectory:
    """The clients of the TOML file at ``path`` (``-``: standard input), checked like
    [`parse_clients`][ouitec_terms.boundary.clients.parse_clients]."""
    data = read_data(path, error=EntryError, what="clients file")
    return _validated(data, f"clients file {str(path)[:80]!r}")
