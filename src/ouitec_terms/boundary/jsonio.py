"""JSON in and out, through one public pair: [`to_json`][ouitec_terms.boundary.jsonio.to_json] and
[`from_json`][ouitec_terms.boundary.jsonio.from_json].

Every value of the library — the inputs (pydantic models) and the computed values (frozen
dataclasses: quotes, statements, comparisons, late payments…) — goes to JSON and back through
a pydantic ``TypeAdapter`` built once per type and cached. Decimals are written as strings
(``"162.00"``), instants as RFC 3339 (``"2025-03-14T17:40:00Z"``); reading validates every field
again (a float where money is expected is refused), so what comes back equals what went out.

```pycon
>>> from datetime import datetime
>>> from zoneinfo import ZoneInfo
>>> from ouitec_terms import Client, Intervention, Quote, WorkPeriod, quote
>>> paris = ZoneInfo("Europe/Paris")
>>> q = quote(Intervention(work=(WorkPeriod(start=datetime(2025, 3, 11, 9, tzinfo=paris),
...                                         end=datetime(2025, 3, 11, 10, 20, tzinfo=paris)),)),
...           Client(name="Boulangerie Martin"))
>>> text = to_json(q)
>>> '"total_ttc":"162.00"' in text, from_json(Quote, text) == q
(True, True)

```
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import TypeAdapter

__all__ = ["from_json", "json_schema", "to_json"]

T = TypeVar("T")


_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}


def _adapter(kind: Any) -> TypeAdapter[Any]:
    """The adapter of ``kind``, built on first use and kept (one per type)."""
    adapter = _ADAPTERS.get(kind)
    if adapter is None:
        adapter = _ADAPTERS[kind] = TypeAdapter(kind)
    return adapter


def to_json(value: object, *, indent: int | None = None) -> str:
    """``value`` as JSON text: Decimals as strings, instants as RFC 3339."""
    return _adapter(type(value)).dump_json(value, indent=indent).decode()


def from_json(kind: type[T], text: str | bytes) -> T:
    """The value of type ``kind`` that ``text`` holds, validated field by field.

    Raises pydantic's ``ValidationError`` (a ``ValueError``) naming each bad field.
    """
    result: T = _adapter(kind).validate_json(text)
    return result


def json_schema(kind: type[Any], *, mode: str = "serialization") -> dict[str, Any]:
    """The JSON Schema of ``kind``'s JSON, from the same adapter
    [`to_json`][ouitec_terms.boundary.jsonio.to_json] uses.

    ``mode`` is ``"serialization"`` (what [`to_json`][ouitec_terms.boundary.jsonio.to_json] writes)
    or ``"validation"`` (what [`from_json`][ouitec_terms.boundary.jsonio.from_json] reads).
    """
    schema = _adapter(kind).json_schema(
        mode="validation" if mode == "validation" else "serialization"
    )
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
