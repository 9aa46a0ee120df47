"""Issue 10: computed values are plain frozen dataclasses, and JSON goes through one public pair
(``to_json`` / ``from_json``) for every output type, reading back exactly what was written."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import ouitec_terms
from ouitec_terms import (
    HalfYear,
    Intervention,
    LatePayment,
    LatePortion,
    ModeComparison,
    ModePrice,
    Quote,
    QuoteLine,
    Statement,
    VatLine,
    compare_modes,
    from_json,
    late_payment,
    monthly_statement,
    quote,
    to_json,
    with_added_rates,
)
from ouitec_terms.cli import main
from strategies import (
    any_clients,
    any_interventions,
    included_hours,
    month_interventions,
    tariffs,
)

OUTPUTS = (
    Quote,
    QuoteLine,
    VatLine,
    Statement,
    ModePrice,
    ModeComparison,
    LatePortion,
    LatePayment,
)
SOURCE = Path(ouitec_terms.__file__).parent


@pytest.mark.parametrize("kind", OUTPUTS, ids=lambda k: k.__name__)
def test_outputs_are_frozen_slotted_dataclasses(kind: type) -> None:
    """What the pipeline computes is a plain value: a frozen, slotted dataclass, not a model."""
    assert dataclasses.is_dataclass(kind)
    assert not issubclass(kind, BaseModel)
    assert "__slots__" in vars(kind)
    assert kind.__dataclass_params__.frozen  # type: ignore[attr-defined]


def test_no_pydantic_private_attribute_is_touched() -> None:
    """Nothing in the package reaches into pydantic's internals (the old ``trusted`` module
    wrote its private slots to skip validation)."""
    offenders = [
        path.relative_to(SOURCE)
        for path in SOURCE.rglob("*.py")
        if "__pydantic_" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
    assert not (SOURCE / "trusted.py").exists()


@given(any_interventions(), any_clients(), tariffs, included_hours)
def test_quote_json_round_trip_is_the_identity(
    intervention: Intervention, client: Any, tariff: Any, hours: Decimal
) -> None:
    """A quote in any mode, with a devis, travel, included hours, any tariff, VAT regime and
    place, written with to_json and read with from_json, is equal to itself and writes the
    same text again."""
    result = quote(intervention, client, tariff=tariff, included_hours_available=hours)
    text = to_json(result)
    again = from_json(Quote, text)
    assert again == result
    assert to_json(again) == text


@given(st.lists(month_interventions(), max_size=6), any_clients(), tariffs)
def test_statement_json_round_trip_is_the_identity(
    jobs: list[Intervention], client: Any, tariff: Any
) -> None:
    """A month's statement (due, pending and outside-the-month interventions) round-trips."""
    unique = [job.model_copy(update={"reference": f"J{k}"}) for k, job in enumerate(jobs)]
    result = monthly_statement(client, unique, 2025, 6, tariff=tariff)
    again = from_json(Statement, to_json(result))
    assert again == result


@given(any_interventions(), any_clients(), tariffs)
def test_comparison_json_round_trip_is_the_identity(
    intervention: Intervention, client: Any, tariff: Any
) -> None:
    """A comparison of billing modes, with the full quote of each, round-trips."""
    result = compare_modes(intervention, client, tariff=tariff)
    assert from_json(ModeComparison, to_json(result)) == result


@given(
    st.integers(0, 10**9).map(lambda cents: Decimal(cents) / 100),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31)),
    st.integers(0, 1200),
)
def test_late_payment_json_round_trip_is_the_identity(
    amount: Decimal, due: date, days: int
) -> None:
    """A late payment, its portions per half-year and its indemnity, round-trips."""
    rates = with_added_rates(
        ouitec_terms.ECB_RATES,
        {HalfYear(y, h): Decimal("2") for y in (2026, 2027, 2028, 2029, 2030) for h in (1, 2)
         if (y, h) != (2026, 1)},
    )  # fmt: skip
    result = late_payment(amount, due, due + timedelta(days=days), rates=rates)
    assert from_json(LatePayment, to_json(result)) == result


def test_json_keeps_decimals_as_text_and_instants_in_utc() -> None:
    """Decimals are strings ("162.00"), instants RFC 3339 in UTC ("…Z")."""
    request = ouitec_terms.load_document(
        Path(__file__).parent.parent / "docs" / "examples" / "spec-01-business-hours.toml"
    )
    data = json.loads(to_json(quote(request.intervention, request.client)))
    assert data["total_ttc"] == "162.00"
    assert data["lines"][0]["start"] == "2025-03-11T08:00:00Z"


def test_from_json_refuses_a_float_where_money_is_expected() -> None:
    """Reading validates every field again: a total written as a JSON float is refused."""
    request = ouitec_terms.load_document(
        Path(__file__).parent.parent / "docs" / "examples" / "spec-01-business-hours.toml"
    )
    data = json.loads(to_json(quote(request.intervention, request.client)))
    data["total_ht"] = 135.0
    with pytest.raises(ValidationError, match="total_ht"):
        from_json(Quote, json.dumps(data))


@pytest.mark.parametrize(
    ("output", "field"),
    [("quote", "lines"), ("statement", "quotes"), ("comparison", "cheapest"), ("late", "portions")],
)
def test_output_schemas_come_from_the_same_adapters(
    output: str, field: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`ouitec-terms schema --of X` prints the JSON Schema of what `--format json` writes."""
    assert main(["schema", "--of", output]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert field in schema["properties"]
    assert schema["$schema"].endswith("2020-12/schema")
