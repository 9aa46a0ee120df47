"""The worked examples, driven from the documents themselves: each file of docs/examples holds
its inputs and, in its ``[expected]`` table, every line and total it prices to (rules §10's
figures for the spec-* ones, the binding numbers of the terms applied by hand).

These numbers are binding: any change to the pipeline that moves one of them is a change of the
terms' meaning. The golden documents (test_golden) and the command's checks (test_cli) read the
same tables, so each example exists once.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from ouitec_terms import (
    Intervention,
    QuoteRequest,
    StatementRequest,
    WorkPeriod,
    load_document,
    load_statement_document,
    monthly_statement,
    quote,
)
from ouitec_terms.boundary.documents import Expected
from ouitec_terms.errors import DocumentError
from strategies import NO_CONTRACT, PARIS

EXAMPLES = Path(__file__).parent.parent / "docs" / "examples"
#: Every document of docs/examples but the seller's identity, which prices nothing.
DOCUMENTS = sorted(p for p in EXAMPLES.iterdir() if p.is_file() and not p.name.startswith("seller"))


def load(path: Path) -> QuoteRequest | StatementRequest:
    """The document at ``path``, a quote's or a statement's."""
    try:
        return load_document(path)
    except DocumentError:
        return load_statement_document(path)


def expected_of(request: QuoteRequest | StatementRequest) -> Expected:
    assert request.expected is not None, "every example states what it prices to"
    return request.expected


def test_the_spec_examples_are_the_eight_of_rules_10() -> None:
    """rules §10 has eight worked examples; each is a document here."""
    assert [p.name[:7] for p in DOCUMENTS if p.name.startswith("spec-")] == [
        f"spec-0{n}" for n in range(1, 9)
    ]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_each_example_prices_to_its_expected_table(path: Path) -> None:
    """Each example document prices to exactly the lines and totals of its ``[expected]``
    table: kind, business or off-hours, billed minutes and amount of every line, the client's
    status, HT, VAT and TTC (rules §10 for the spec-* ones)."""
    request = load(path)
    expected = expected_of(request)
    if isinstance(request, StatementRequest):
        assert expected.month is not None
        year, month = (int(part) for part in expected.month.split("-"))
        result = monthly_statement(request.client, request.interventions, year, month)
        totals = (result.total_ht, result.total_vat, result.total_ttc)
    else:
        q = quote(
            request.intervention, request.client, included_hours_available=expected.included_hours
        )
        got = [
            (line.kind.value, line.off_hours, line.billed_minutes, line.amount_ht)
            for line in q.lines
        ]
        assert got == [(e.kind, e.off_hours, e.billed_minutes, e.amount_ht) for e in expected.lines]
        if expected.under_contract is not None:
            assert q.under_contract is expected.under_contract
        totals = (q.total_ht, q.total_vat, q.total_ttc)
    assert totals == (expected.total_ht, expected.total_vat, expected.total_ttc)


def test_example_7_reports_included_hours_used() -> None:
    """rules §5.3: the quote reports the included hours it used (1 h of the 1 h available)."""
    request = load_document(EXAMPLES / "spec-07-included-hours.toml")
    result = quote(request.intervention, request.client, included_hours_available=Decimal(1))
    assert result.included_hours_used == Decimal(1)
    assert result.included_hours_left == Decimal(0)


def test_repeated_october_hour_is_one_real_hour() -> None:
    """rules (conventions): 02:30 summer time to 02:30 winter time on 2025-10-26 is one real hour.

    Python compares two datetimes sharing one tzinfo by wall clock, which would call this span
    empty; the library compares in UTC, so it is accepted and billed as 1 h off-hours (Sunday).
    """
    start = datetime(2025, 10, 26, 2, 30, tzinfo=PARIS)
    end = start.replace(fold=1)
    period = WorkPeriod(start=start, end=end)
    assert period.duration.total_seconds() == 3600
    result = quote(Intervention(work=(period,)), NO_CONTRACT)
    assert [(line.off_hours, line.billed_minutes, line.raw_seconds) for line in result.lines] == [
        (True, 60, Decimal(3600))
    ]
    assert result.total_ht == Decimal("108.00")
