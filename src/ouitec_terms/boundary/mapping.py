"""How an export's columns and words become time entries: the mapping file (``--map``) and the
built-in presets of GLPI and Kimai (``ouitec_terms/presets/*.toml``, shipped as data).

```toml
delimiter = ";"                 # default ","
encoding = "cp1252"             # default "utf-8" (a BOM is skipped)
date_format = "%d/%m/%Y %H:%M"  # default ISO 8601

[columns]                       # entry field = the export's column header
ticket = "N° ticket"

[values]                        # the export's words for the entry's values
travel = ["Déplacement"]
true = ["oui", "Oui"]
channel = { "Téléphone" = "phone", "Courriel" = "email" }
```

A mapping given with a preset merges over it, key by key (D83).

```pycon
>>> glpi = preset_mapping("glpi")
>>> glpi.values.travel, glpi.values.channel["E-Mail"]
(('Déplacement',), <Channel.EMAIL: 'email'>)
>>> EntryMapping.model_validate({"delimiter": ";;"})
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for EntryMapping
delimiter
  String should have at most 1 character ...

```
"""

from __future__ import annotations

import codecs
from enum import StrEnum
from importlib.resources import files
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError, field_validator

from ouitec_terms.errors import EntryError

from .models import BillingMode, Channel
from .reading import describe_validation_error, parse_text, read_data
from .text import Name

__all__ = [
    "PRESETS",
    "EntryField",
    "EntryMapping",
    "MappingValues",
    "load_mapping",
    "merged_tables",
    "preset_mapping",
]

PRESETS = ("generic", "glpi", "kimai")
"""The sources the import reads: a generic CSV or JSON export, GLPI's and Kimai's JSON."""


class EntryField(StrEnum):
    """The fields of a generic entry, and the default column header of each."""

    TICKET = "ticket"
    CLIENT = "client"
    START = "start"
    END = "end"
    DURATION = "duration"
    TECHNICIAN = "technician"
    KIND = "kind"
    DISTANCE_KM = "distance_km"
    BILLABLE = "billable"
    LABEL = "label"
    CHANNEL = "channel"
    CONFIRMED = "confirmed"
    MODE = "mode"


_Words = tuple[Name, ...]


class MappingValues(BaseModel, frozen=True, extra="forbid"):
    """The export's words for an entry's values, besides the entry's own (``travel``, ``true``,
    ``phone``…), which are always understood, in any case."""

    travel: _Words = Field(default=(), max_length=100, description="words for a travel entry")
    work: _Words = Field(default=(), max_length=100, description="words for a work entry")
    true: _Words = Field(default=(), max_length=100, description="words for yes")
    false: _Words = Field(default=(), max_length=100, description="words for no")
    channel: dict[Name, Channel] = Field(
        default_factory=dict, max_length=100, description="words for each channel (Art. 5)"
    )
    mode: dict[Name, BillingMode] = Field(
        default_factory=dict, max_length=100, description="words for each billing mode (Art. 3)"
    )
    confirmed: _Words = Field(
        default=(),
        max_length=100,
        description="request types (GLPI) that count as a written confirmation (Art. 5)",
    )


class EntryMapping(BaseModel, frozen=True, extra="forbid"):
    """How to read an export: its delimiter, encoding and date format, the header of each entry
    field, and its words for the values."""

    delimiter: str = Field(default=",", min_length=1, max_length=1, description="CSV delimiter")
    encoding: str = Field(
        default="utf-8", max_length=40, description="the file's encoding (a BOM is skipped)"
    )
    date_format: str | None = Field(
        default=None,
        max_length=100,
        description="strptime format of start and end (default ISO 8601, e.g. 2025-06-03 09:00)",
    )
    columns: dict[EntryField, Name] = Field(
        default_factory=dict, description="entry field = the export's column header"
    )
    values: MappingValues = Field(default_factory=MappingValues)

    @field_validator("delimiter")
    @classmethod
    def _usable_delimiter(cls, value: str) -> str:
        if value in '"\r\n' or value.isalnum():
            raise ValueError(f"{value!r} cannot separate CSV fields; use ',', ';', '|' or a tab")
        return value

    @field_validator("encoding")
    @classmethod
    def _known_encoding(cls, value: str) -> str:
        try:
            codecs.lookup(value)
        except LookupError:
            raise ValueError(
                f"{value!r} is not an encoding Python knows; use e.g. 'utf-8' or 'cp1252'"
            ) from None
        return value

    def header(self, field: EntryField) -> str:
        """The column header the export gives ``field``."""
        return self.columns.get(field, field.value)


def merged_tables(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """``over`` on top of ``base``: tables merge key by key, other values replace."""
    result = dict(base)
    for key, value in over.items():
        below = result.get(key)
        both_tables = isinstance(below, dict) and isinstance(value, dict)
        result[key] = merged_tables(below, value) if both_tables else value  # type: ignore[arg-type]
    return result


def _validated(data: dict[str, Any], source: str) -> EntryMapping:
    try:
        return EntryMapping.model_validate(data)
    except ValidationError as error:
        raise EntryError(describe_validation_error(error, source)) from None


def _preset_data(name: str) -> dict[str, Any]:
    if name not in PRESETS:
        raise EntryError(f"no preset {name[:40]!r}; use one of {', '.join(PRESETS)}")
    if name == "generic":
        return {}
    text = (files("ouitec_terms") / "presets" / f"{name}.toml").read_text(encoding="utf-8")
    data: dict[str, Any] = parse_text(text, source=f"preset {name!r}", toml=True, error=EntryError)
    return data


def preset_mapping(name: str) -> EntryMapping:
    """The built-in mapping of ``name`` (``generic``, ``glpi``, ``kimai``)."""
    return _validated(_preset_data(name), f"preset {name!r}")


def load_mapping(path: str | Path, *, preset: str = "generic") -> EntryMapping:
    """The mapping file at ``path`` (TOML) merged over the preset's; every problem is an
    [`EntryError`][ouitec_terms.errors.EntryError] naming the file."""
    data = read_data(path, error=EntryError, what="mapping file")
    return _validated(merged_tables(_preset_data(preset), data), f"mapping file {str(path)[:80]!r}")
