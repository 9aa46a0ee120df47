"""Monthly statements (rules §5.3, §8): the included-hours pool threaded in chronological order."""

from __future__ import annotations

import gc
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ouitec_terms import (
    DEFAULT_TARIFF,
    BillingMode,
    Client,
    Contract,
    Intervention,
    LineKind,
    OuitecTermsError,
    Service,
    VatRegime,
    WorkPeriod,
    included_hours_pool,
    monthly_statement,
    to_json,
)
from strategies import INCLUDED_CONTRACT, PARIS, WITH_INCLUDED_HOURS, month_interventions

june = st.lists(month_interventions(), max_size=8)


def business_work_minutes(intervention: Intervention) -> int:
    """What a quote would bill as business-hours work (the minutes included hours can absorb)."""
    result = monthly_statement(
        WITH_INCLUDED_HOURS, [intervention], 2025, 6, included_hours=Decimal(0)
    )
    lines = [line for q in result.quotes for line in q.lines]
    return sum(
        line.billed_minutes for line in lines if line.kind is LineKind.WORK and not line.off_hours
    )


@given(june)
def test_included_hours_used_never_exceed_the_pool(interventions: list[Intervention]) -> None:
    """rules §5.3: a statement never uses more included hours than the month's pool."""
    result = monthly_statement(WITH_INCLUDED_HOURS, interventions, 2025, 6)
    assert result.included_hours_pool == Decimal(6)
    assert 0 <= result.included_hours_used <= result.included_hours_pool
    assert result.included_hours_used == sum(q.included_hours_used for q in result.quotes)


@given(june)
def test_included_hours_are_consumed_in_chronological_order(
    interventions: list[Intervention],
) -> None:
    """rules §5.3: each quote, in chronological order, uses all it can of what is left."""
    interventions = [
        i.model_copy(update={"reference": f"T{n}"}) for n, i in enumerate(interventions)
    ]
    result = monthly_statement(WITH_INCLUDED_HOURS, interventions, 2025, 6)
    starts = [q.lines[0].start for q in result.quotes if q.lines]
    assert starts == sorted(starts)  # type: ignore[type-var]
    left = result.included_hours_pool
    by_reference = {i.reference: i for i in interventions}
    for q in result.quotes:
        need = Decimal(business_work_minutes(by_reference[q.reference])) / 60
        assert q.included_hours_used == min(left, need)
        left -= q.included_hours_used


@given(june, st.integers(0, 8))
def test_two_statements_with_carried_pool_equal_one(
    interventions: list[Intervention], cut: int
) -> None:
    """rules §5.3: splitting a month in two statements, the pool carried over, changes nothing."""
    whole = monthly_statement(WITH_INCLUDED_HOURS, interventions, 2025, 6)
    ordered = sorted(interventions, key=lambda i: i.earliest_start)
    first = monthly_statement(WITH_INCLUDED_HOURS, ordered[:cut], 2025, 6)
    second = monthly_statement(
        WITH_INCLUDED_HOURS, ordered[cut:], 2025, 6, included_hours=first.included_hours_left
    )
    assert first.total_ht + second.total_ht == whole.total_ht
    assert first.included_hours_used + second.included_hours_used == whole.included_hours_used


@given(june)
def test_statement_vat_is_on_the_total_per_rate(interventions: list[Intervention]) -> None:
    """rules §8: VAT on the statement's HT total per rate, not the sum of the quotes' VAT."""
    result = monthly_statement(WITH_INCLUDED_HOURS, interventions, 2025, 6)
    assert result.total_ht == sum((q.total_ht for q in result.quotes), Decimal(0))
    for vat in result.vat:
        assert vat.amount == (vat.base * vat.rate).quantize(Decimal("0.01"))
    assert result.total_ttc == result.total_ht + result.total_vat


def test_vat_of_total_can_differ_from_sum_of_quotes() -> None:
    """Three 22.50 € quotes at 8.5 %: 1.91 € VAT each (5.73 €), but 5.74 € on 67.50 €."""
    client = Client(name="C", vat_regime=VatRegime.GUADELOUPE_MARTINIQUE_REUNION)
    jobs = []
    for day in (2, 3, 4):
        start = datetime(2025, 6, day, 9, tzinfo=PARIS)
        jobs.append(
            Intervention(work=(WorkPeriod(start=start, end=start + timedelta(minutes=15)),))
        )
    result = monthly_statement(client, jobs, 2025, 6)
    assert [q.total_vat for q in result.quotes] == [Decimal("1.91")] * 3
    assert result.total_vat == Decimal("5.74")


def test_other_months_and_pending_requests_stay_out_of_the_totals() -> None:
    """Only the month's due interventions are totalled; unconfirmed phone requests (Art. 5) are
    listed as pending, and interventions of another month are named, not priced."""

    def job(day: date, **fields: object) -> Intervention:
        start = datetime(day.year, day.month, day.day, 9, tzinfo=PARIS)
        return Intervention(
            work=(WorkPeriod(start=start, end=start + timedelta(hours=1)),),
            **fields,  # type: ignore[arg-type]
        )

    jobs = [
        job(date(2025, 6, 2), reference="A"),
        job(date(2025, 6, 3), reference="B", channel="phone"),
        job(date(2025, 7, 1), reference="C"),
    ]
    result = monthly_statement(Client(name="C"), jobs, 2025, 6)
    assert [q.reference for q in result.quotes] == ["A"]
    assert [q.reference for q in result.pending] == ["B"]
    assert result.outside_month == ("C",)
    assert result.total_ht == Decimal("90.00")


def test_pool_counts_contracts_active_on_the_first_or_starting_in_the_month() -> None:
    """rules §5.3: the pool adds the contracts active on the 1st or starting within the month."""
    late = INCLUDED_CONTRACT.model_copy(update={"start": date(2025, 6, 20)})
    ended = INCLUDED_CONTRACT.model_copy(update={"start": date(2024, 1, 1)})  # ends 2025-01-01
    small = Contract(
        service=Service.ANTI_SPAM,
        monthly_commitment=Decimal(50),
        start=date(2025, 1, 1),
        months=1,
        included_hours_per_month=Decimal("0.5"),
    )
    client = Client(name="C", contracts=(INCLUDED_CONTRACT, late, ended, small))
    assert included_hours_pool(client, 2025, 6) == Decimal(12)
    assert included_hours_pool(client, 2025, 1) == Decimal("6.5")


def test_day_mode_work_uses_no_included_hours() -> None:
    """rules §5.3: day units and their overflow never consume included hours."""
    start = datetime(2025, 6, 11, 9, tzinfo=PARIS)
    job = Intervention(
        mode=BillingMode.REMOTE_DAY,
        work=(WorkPeriod(start=start, end=start + timedelta(hours=10)),),
    )
    result = monthly_statement(WITH_INCLUDED_HOURS, [job], 2025, 6)
    assert result.included_hours_used == 0


def test_bad_month_is_refused() -> None:
    """A month is 1 to 12."""
    with pytest.raises(OuitecTermsError, match="month 13"):
        monthly_statement(WITH_INCLUDED_HOURS, [], 2025, 13)


def test_statement_renders() -> None:
    """A statement explains itself in text and shows as an HTML table in Jupyter."""
    start = datetime(2025, 6, 2, 9, tzinfo=PARIS)
    job = Intervention(
        reference="R1", work=(WorkPeriod(start=start, end=start + timedelta(hours=8)),)
    )
    result = monthly_statement(WITH_INCLUDED_HOURS, [job], 2025, 6)
    text = result.explain()
    assert "Relevé de juin\xa02025" in text
    assert "R1" in text
    assert "Total TTC" in text
    assert "<table" in result._repr_html_()


def test_leftover_hours_under_a_six_minute_step_are_threaded() -> None:
    """D56: under a tariff of 6-minute steps, included hours are consumed 6 minutes at a time,
    so what is left (here 4.9 h after a 6-minute job) need not be quarter hours; the next
    intervention of the month uses it (a statement used to fail on it)."""
    tariff = DEFAULT_TARIFF.replace(rounding_minutes=6)
    first = datetime(2025, 6, 2, 9, tzinfo=PARIS)
    jobs = [
        Intervention(
            reference="A", work=(WorkPeriod(start=first, end=first + timedelta(minutes=5)),)
        ),
        Intervention(
            reference="B",
            work=(
                WorkPeriod(start=first + timedelta(days=1), end=first + timedelta(days=1, hours=6)),
            ),
        ),
    ]
    client = Client(
        name="C",
        contracts=(INCLUDED_CONTRACT.model_copy(update={"included_hours_per_month": Decimal(5)}),),
    )
    result = monthly_statement(client, jobs, 2025, 6, tariff=tariff)
    assert [q.included_hours_used for q in result.quotes] == [Decimal("0.1"), Decimal("4.9")]
    assert result.included_hours_left == 0


@given(st.lists(month_interventions(), min_size=1, max_size=8))
def test_statement_creates_no_reference_cycles(interventions: list[Intervention]) -> None:
    """A statement and its quotes are freed by reference counting alone: the library creates no
    reference cycles, so a long month does not feed the cyclic collector garbage (issue 10)."""
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        statement = monthly_statement(WITH_INCLUDED_HOURS, interventions, 2025, 6)
        statement.explain()
        del statement
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()


def test_a_missing_reference_is_stored_as_none_and_worded_in_the_document() -> None:
    """An intervention of another month without reference is stored as ``None``, not as the
    English words "(no reference)", which the French statement printed; each rendering words
    it in its own language (issue 18)."""
    start = datetime(2025, 7, 1, 9, tzinfo=PARIS)
    july = Intervention(work=(WorkPeriod(start=start, end=start + timedelta(hours=1)),))
    statement = monthly_statement(Client(name="C"), [july], 2025, 6)
    assert statement.outside_month == (None,)
    assert "(sans référence)" in statement.explain()
    assert "(no reference)" in statement.explain("en")
    assert '"outside_month":[null]' in to_json(statement).replace(" ", "")
