"""Input documents: a client and an intervention in one TOML or JSON file (the CLI's input).

The document has two top-level tables, ``client`` and ``intervention``, whose keys are the fields of
[`Client`][ouitec_terms.boundary.models.Client] and
[`Intervention`][ouitec_terms.boundary.models.Intervention]. Datetimes are RFC 3339, with an offset
or else read on the tariff's clock (D60) (TOML offset date-times or strings); money and distances
are strings or integers, never floats.
[`document_schema`][ouitec_terms.boundary.documents.document_schema] gives the JSON Schema.

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

from decimal import Decimal
from pathlib import Path
from typing import Any, Self, TypeVar

from pydantic import BaseModel, Field, ValidationError, model_validator

from ouitec_terms.errors import DocumentError

from .amounts import InputAmount
from .models import Client, Intervention, check_statement_span
from .reading import describe_validation_error, read_data
from .scalars import LOCAL_CLOCK, MAX_INTERVENTIONS_PER_STATEMENT, IncludedHours

__all__ = [
    "Expected",
    "ExpectedLine",
    "QuoteRequest",
    "StatementRequest",
    "describe_validation_error",
    "document_schema",
    "load_document",
    "load_statement_document",
]


class ExpectedLine(BaseModel, frozen=True, extra="forbid"):
    """One line a worked example prices to."""

    kind: str = Field(max_length=20, description="the line's kind: work, included, travel_time…")
    off_hours: bool = Field(default=False, description="outside business hours (Art. 3)")
    billed_minutes: int = Field(default=0, ge=0, description="time billed (Art. 5)")
    amount_ht: InputAmount = Field(description="the line's amount, € HT")


class Expected(BaseModel, frozen=True, extra="forbid"):
    """What a document prices to: the binding numbers of a worked example, written beside its
    inputs (``[expected]``) so that the tests and the golden documents are driven from the
    example itself. Pricing ignores it."""

    included_hours: IncludedHours = Field(
        default=Decimal(0), description="the included hours available to price it with"
    )
    month: str | None = Field(
        default=None, pattern=r"^[0-9]{4}-[0-9]{2}$", description="a statement's month, YYYY-MM"
    )
    under_contract: bool | None = Field(default=None, description="the client's status (Art. 3)")
    lines: tuple[ExpectedLine, ...] = Field(default=(), description="every line, in order")
    total_ht: InputAmount = Field(description="€ HT")
    total_vat: InputAmount = Field(description="€")
    total_ttc: InputAmount = Field(description="€ TTC")


class QuoteRequest(BaseModel, frozen=True, extra="forbid"):
    """What ``ouitec-terms quote`` prices: one client and one intervention."""

    client: Client = Field(description="who is billed")
    intervention: Intervention = Field(description="what is priced")
    expected: Expected | None = Field(
        default=None, description="what it prices to (worked examples); ignored when pricing"
    )


class StatementRequest(BaseModel, frozen=True, extra="forbid"):
    """What ``ouitec-terms statement`` prices: one client and its interventions."""

    client: Client = Field(description="who is billed")
    interventions: tuple[Intervention, ...] = Field(
        max_length=MAX_INTERVENTIONS_PER_STATEMENT, description="the month's interventions"
    )
    included_hours: IncludedHours | None = Field(
        default=None,
        description="the month's included hours, when they differ from the contracts' (rules "
        "§5.3; an import's clients file writes them)",
    )
    expected: Expected | None = Field(
        default=None, description="what it prices to (worked examples); ignored when pricing"
    )

    @model_validator(mode="after")
    def _bounded(self) -> Self:
        check_statement_span(self.interventions)
        return self


def document_schema(kind: type[BaseModel] = QuoteRequest) -> dict[str, Any]:
    """The JSON Schema of an input document (for other apps to validate against)."""
    schema = kind.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"ouitec-terms {kind.__name__}"
    return schema


Request = TypeVar("Request", QuoteRequest, StatementRequest)


def _load(path: str | Path, kind: type[Request], timezone: str) -> Request:
    data = read_data(path)
    try:
        return kind.model_validate(data, context={LOCAL_CLOCK: timezone})
    except ValidationError as error:
        schema = "ouitec-terms schema" + (" --statement" if kind is StatementRequest else "")
        source = "standard input" if str(path) == "-" else repr(str(path))
        raise DocumentError(describe_validation_error(error, source, schema)) from None


def load_document(path: str | Path, *, timezone: str = "Europe/Paris") -> QuoteRequest:
    """Read and validate a quote document; every problem becomes a
    [`DocumentError`][ouitec_terms.errors.DocumentError].

    ``path`` ``"-"`` reads standard input. A date-time written without an offset (a TOML local
    date-time, a browser's ``datetime-local``) is read on the clock of ``timezone``, the
    tariff's (D60).
    """
    return _load(path, QuoteRequest, timezone)


def load_statement_document(
    path: str | Path, *, timezone: str = "Europe/Paris"
) -> StatementRequest:
    """Read and validate a statement document (``client`` and ``interventions``), like
    [`load_document`][ouitec_terms.boundary.documents.load_document]."""
    return _load(path, StatementRequest, timezone)
