"""Input documents: a client and an intervention in one TOML or JSON file (the CLI's input).

The document has two top-level tables, ``client`` and ``intervention``, whose keys are the
fields of :class:`~ouitec_terms.Client` and :class:`~ouitec_terms.Intervention`. Datetimes are
RFC 3339 with an offset (TOML offset date-times or strings); money and distances are strings or
integers, never floats. :func:`document_schema` gives the JSON Schema.

```pycon
>>> request = QuoteRequest.model_validate_json('''
... {"client": {"name": "ACME"},
...  "intervention": {"work": [{"start": "2025-03-11T09:00:00+01:00",
...                             "end": "2025-03-11T10:20:00+01:00"}]}}''')
>>> request.intervention.work[0].duration
datetime.timedelta(seconds=4800)

```
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, Field, ValidationError

from .errors import DocumentError
from .models import MAX_INTERVENTIONS_PER_STATEMENT, Client, Intervention

__all__ = [
    "QuoteRequest",
    "StatementRequest",
    "describe_validation_error",
    "document_schema",
    "load_document",
    "load_statement_document",
]


class QuoteRequest(BaseModel, frozen=True, extra="forbid"):
    """What ``ouitec-terms quote`` prices: one client and one intervention."""

    client: Client
    intervention: Intervention


class StatementRequest(BaseModel, frozen=True, extra="forbid"):
    """What ``ouitec-terms statement`` prices: one client and its interventions."""

    client: Client
    interventions: tuple[Intervention, ...] = Field(max_length=MAX_INTERVENTIONS_PER_STATEMENT)


def document_schema(kind: type[BaseModel] = QuoteRequest) -> dict[str, Any]:
    """The JSON Schema of an input document (for other apps to validate against)."""
    schema = kind.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"ouitec-terms {kind.__name__}"
    return schema


def read_data(path: str | Path) -> dict[str, Any]:
    """The raw data of a TOML (``.toml``) or JSON (any other suffix) file."""
    file = Path(path)
    try:
        raw = file.read_bytes()
    except OSError as error:
        raise DocumentError(
            f"cannot read {str(path)!r}: {error.strerror}; check the file's path"
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DocumentError(f"{str(path)!r} is not UTF-8 text; save it as UTF-8") from None
    if file.suffix.lower() == ".toml":
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise DocumentError(f"{str(path)!r} is not valid TOML: {error}") from None
    try:
        data = json.loads(text, parse_float=_refuse_float)
    except json.JSONDecodeError as error:
        raise DocumentError(f"{str(path)!r} is not valid JSON: {error}") from None
    except _FloatInJsonError as error:
        raise DocumentError(
            f"{str(path)!r}: {error} is a JSON float; write money and distances as strings "
            f'such as "{error}" so that they stay exact'
        ) from None
    if not isinstance(data, dict):
        raise DocumentError(
            f"{str(path)!r} holds a JSON {type(data).__name__}; it must be an object with "
            "'client' and 'intervention'"
        )
    return data


Request = TypeVar("Request", QuoteRequest, StatementRequest)


class _FloatInJsonError(Exception):
    pass


def _refuse_float(text: str) -> Any:
    raise _FloatInJsonError(text)


def _load(path: str | Path, kind: type[Request]) -> Request:
    data = read_data(path)
    try:
        return kind.model_validate(data)
    except ValidationError as error:
        raise DocumentError(describe_validation_error(error, str(path))) from None


def load_document(path: str | Path) -> QuoteRequest:
    """Read and validate a quote document; every problem becomes a :class:`DocumentError`."""
    return _load(path, QuoteRequest)


def load_statement_document(path: str | Path) -> StatementRequest:
    """Read and validate a statement document (``client`` and ``interventions``)."""
    return _load(path, StatementRequest)


_HINTS = {
    "timezone_aware": "give an offset, e.g. 2025-03-11T09:00:00+01:00",
    "extra_forbidden": "remove it or check its spelling (see `ouitec-terms schema`)",
    "missing": "add it (see `ouitec-terms schema`)",
    "datetime_from_date_parsing": "write an RFC 3339 datetime, e.g. 2025-03-11T09:00:00+01:00",
    "datetime_parsing": "write an RFC 3339 datetime, e.g. 2025-03-11T09:00:00+01:00",
    "enum": "use one of the values listed",
}


def describe_validation_error(error: ValidationError, source: str) -> str:
    """One line per problem: where it is, what is wrong and how to fix it."""
    lines = [f"{source}: {error.error_count()} problem(s) in the document:"]
    for item in error.errors(include_url=False):
        where = ".".join(str(part) for part in item["loc"]) or "(document)"
        message = item["msg"].removeprefix("Value error, ")
        hint = _HINTS.get(item["type"])
        lines.append(f"  - {where}: {message}" + (f"; {hint}" if hint else ""))
    return "\n".join(lines)
