"""Issue 9: the layers around the pricing engine hold — right money from the CLI, tariffs that
keep their rules, a computation that ignores the caller's decimal context, inputs refused at the
boundary with the field named."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from decimal import (
    ROUND_05UP,
    ROUND_CEILING,
    ROUND_DOWN,
    ROUND_FLOOR,
    ROUND_HALF_DOWN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    ROUND_UP,
    Clamped,
    Context,
    Decimal,
    DivisionByZero,
    FloatOperation,
    Inexact,
    InvalidOperation,
    Overflow,
    Rounded,
    Subnormal,
    Underflow,
    getcontext,
    localcontext,
)
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from ouitec_terms import (
    DEFAULT_TARIFF,
    ECB_RATES,
    BatchError,
    BillingMode,
    CalendarError,
    Client,
    Contract,
    Devis,
    HalfYear,
    IncludedHoursError,
    Intervention,
    PaymentError,
    Service,
    StatementError,
    Tariff,
    TariffError,
    WorkPeriod,
    advisable_modes,
    calendar_for,
    compare_modes,
    late_payment,
    monthly_statement,
    quote,
    round_segment,
    split,
    windows_for,
    with_added_rates,
)
from ouitec_terms.cli import main
from ouitec_terms.money import INPUT_TEXT, MAX_INCLUDED_HOURS, QUARTER_HOURS_TEXT, quarter_hours
from ouitec_terms.presentation.quotes import quote_table
from strategies import PARIS, UNDER_CONTRACT, clients, interventions

D = Decimal
SCRIPT = Path(sys.executable).parent / "ouitec-terms"


def _one_hour(day: date, hour: int = 10, zone: Any = PARIS) -> Intervention:
    start = datetime(day.year, day.month, day.day, hour, tzinfo=zone)
    return Intervention(work=(WorkPeriod(start=start, end=start + timedelta(hours=1)),))


# --- 1. ECB rates are added per half-year, never replace the table (Art. 4, L441-10) ---------


def test_ecb_rate_option_adds_only_the_missing_half_year(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`--ecb-rate 2026-H2=2.15` prices 2026-H2 at 2.15 % and every other half-year at the
    table's rate: 409.31 € over 2024-01-02 … 2026-08-01 on 1 200 €, as the Python API gives."""
    args = ["late", "1200.00", "--due", "2024-01-01", "--paid", "2026-08-01", "--format", "json"]
    assert main([*args, "--ecb-rate", "2026-H2=2.15"]) == 0
    printed = json.loads(capsys.readouterr().out)
    api = late_payment(
        D("1200.00"),
        date(2024, 1, 1),
        date(2026, 8, 1),
        rates={**ECB_RATES, HalfYear(2026, 2): D("2.15")},
    )
    assert D(printed["interest"]) == api.interest == D("409.31")
    assert [p["ecb_rate"] for p in printed["portions"]] == [
        "4.50", "4.25", "3.15", "2.15", "2.15", "2.15"
    ]  # fmt: skip


def test_bare_ecb_rate_is_refused_with_the_new_form(capsys: pytest.CaptureFixture[str]) -> None:
    """A bare `--ecb-rate 2.15` used to replace every half-year's rate (376.68 € instead of
    409.31 €): it is refused, in one line that shows the half-year form (D37)."""
    args = ["late", "1200.00", "--due", "2024-01-01", "--paid", "2026-08-01", "--ecb-rate", "2.15"]
    with pytest.raises(SystemExit) as stop:
        main(args)
    assert stop.value.code == 2
    error = capsys.readouterr().err
    assert "--ecb-rate 2026-H2=2.15" in error
    assert error.count("\n") == 1


def test_ecb_rate_option_is_repeatable(capsys: pytest.CaptureFixture[str]) -> None:
    """Two `--ecb-rate` options add two half-years: 1 000 € late through 2026-H2 and 2027-H1."""
    args = ["late", "1000.00", "--due", "2026-06-30", "--paid", "2027-01-01", "--format", "json"]
    assert main([*args, "--ecb-rate", "2026-H2=2", "--ecb-rate", "2027-H1=1"]) == 0
    portions = json.loads(capsys.readouterr().out)["portions"]
    assert [(p["half_year"], p["rate"]) for p in portions] == [("2026-H2", "12"), ("2027-H1", "11")]


def test_ecb_rates_file_adds_half_years(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--ecb-rates FILE` reads `"2026-H2" = "2.15"` lines, so the table can be kept current
    without a release; the result equals the `--ecb-rate` one."""
    rates = tmp_path / "ecb.toml"
    rates.write_text('"2026-H2" = "2.15"\n', encoding="utf-8")
    args = ["late", "1200.00", "--due", "2024-01-01", "--paid", "2026-08-01", "--format", "json"]
    assert main([*args, "--ecb-rates", str(rates)]) == 0
    assert json.loads(capsys.readouterr().out)["interest"] == "409.31"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('"2026-H2" = 2.15\n', "number with a fraction"),
        ('"2026-H3" = "2"\n', "not a half-year"),
        ('"2026-H2" = "200"\n', "from -10 to 100"),
        ('"2025-H2" = "3"\n', "already has 2.15"),
        ("[[[", "not valid TOML"),
    ],
)
def test_bad_ecb_rates_file_exits_2_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, reason: str
) -> None:
    """A rate file's problem names the file (and the key): a float, a bad half-year, a rate out
    of range, a value that contradicts the table, invalid TOML."""
    rates = tmp_path / "ecb.toml"
    rates.write_text(text, encoding="utf-8")
    args = ["late", "1200.00", "--due", "2026-01-01", "--paid", "2026-08-01"]
    assert main([*args, "--ecb-rates", str(rates)]) == 2
    error = capsys.readouterr().err
    assert reason in error
    assert error.count("\n") == 1


def test_added_rate_never_replaces_the_table() -> None:
    """`with_added_rates` keeps the table's sourced rates: a different value for a half-year
    the table has is refused, the same value is accepted."""
    assert with_added_rates(ECB_RATES, {HalfYear(2025, 2): D("2.15")})[HalfYear(2025, 2)] == D(
        "2.15"
    )
    with pytest.raises(PaymentError, match=r"already has 2\.15"):
        with_added_rates(ECB_RATES, {HalfYear(2025, 2): D("3")})


def test_missing_rate_message_shows_the_half_year_forms(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """On the command line, the missing-rate error tells both ways to add the half-year in the
    accepted form, and shows no Python code to a command-line user (issue 17)."""
    assert main(["late", "100.00", "--due", "2026-06-30", "--paid", "2026-07-02"]) == 2
    error = capsys.readouterr().err
    assert "--ecb-rate 2026-H2=R" in error
    assert "--ecb-rates FILE" in error
    assert not any(code in error for code in ("(", "Decimal", "HalfYear", "late_payment"))


# --- 2. A rate-card table given in part keeps the terms' values key by key -----------------

CARD_KEYS = ("hourly", "remote_day", "onsite_day", "onsite_day_is_floor")
VALUES: dict[str, Any] = {
    "hourly": "95",
    "remote_day": "700",
    "onsite_day": "800",
    "onsite_day_is_floor": False,
}


@given(
    st.sampled_from(("under_contract", "not_under_contract")),
    st.sets(st.sampled_from(CARD_KEYS)),
)
def test_partial_rate_card_keeps_every_key_it_omits(card: str, keys: set[str]) -> None:
    """The docs promise "keys you leave out keep these values": for any subset of a rate card's
    keys in a tariff file, the omitted keys keep the terms' values (the "dès 750 €" floor
    included) and the given ones change."""
    body = "\n".join(f"{key} = {json.dumps(VALUES[key])}" for key in sorted(keys))
    tariff = Tariff.from_toml_text(f"[{card}]\n{body}\n")
    default, read = getattr(DEFAULT_TARIFF, card), getattr(tariff, card)
    for key in CARD_KEYS:
        expected = Tariff.model_validate({card: {key: VALUES[key]}}) if key in keys else None
        wanted = getattr(getattr(expected, card), key) if expected else getattr(default, key)
        assert getattr(read, key) == wanted


def test_partial_not_under_contract_table_keeps_the_floor() -> None:
    """The reported case: `[not_under_contract]` with only `hourly` still bills the on-site
    day without contract as a floor (Art. 3 "dès 750 € HT")."""
    tariff = Tariff.from_toml_text('[not_under_contract]\nhourly = "95"\n')
    assert tariff.not_under_contract.onsite_day_is_floor
    assert tariff.not_under_contract.onsite_day == D(750)
    assert tariff.replace(not_under_contract={"hourly": "99"}).not_under_contract.hourly == D(99)


# --- 3. compare_modes never advises a remote day for on-site work ---------------------------


@given(interventions(max_work=2, max_travel=2, min_work=1), clients, st.sampled_from(BillingMode))
def test_on_site_work_is_never_advised_a_remote_day(
    intervention: Intervention, client: Client, booked: BillingMode
) -> None:
    """Work with travel legs (on site, Art. 11) or booked as an on-site day is never advised
    "journée complète de travail à distance"; the booked mode is always priced (D45)."""
    job = intervention.model_copy(update={"mode": booked})
    comparison = compare_modes(job, client)
    on_site = bool(job.travel) or booked is BillingMode.ONSITE_DAY
    if on_site:
        assert comparison.cheapest is not BillingMode.REMOTE_DAY
    assert comparison.cheapest in advisable_modes(job)
    assert comparison.price_of(booked) == quote(job, client).total_ht


def test_booked_onsite_day_without_travel_is_priced() -> None:
    """`price_of(ONSITE_DAY)` raised KeyError for an on-site day booked without travel legs."""
    job = _one_hour(date(2025, 6, 11)).model_copy(update={"mode": BillingMode.ONSITE_DAY})
    comparison = compare_modes(job, Client(name="C"))
    assert comparison.price_of(BillingMode.ONSITE_DAY) == D(750)
    assert [p.mode for p in comparison.prices] == [BillingMode.HOURLY, BillingMode.ONSITE_DAY]


# --- 4. Results do not depend on the caller's decimal context --------------------------------

ROUNDINGS = (
    ROUND_05UP, ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_DOWN, ROUND_HALF_EVEN,
    ROUND_HALF_UP, ROUND_UP,
)  # fmt: skip
SIGNALS = (
    Clamped, DivisionByZero, FloatOperation, Inexact, InvalidOperation, Overflow, Rounded,
    Subnormal, Underflow,
)  # fmt: skip
hostile_contexts = st.builds(
    lambda prec, rounding, traps, emax: Context(
        prec=prec, rounding=rounding, traps=traps, Emax=emax, Emin=-emax
    ),
    st.integers(1, 40),
    st.sampled_from(ROUNDINGS),
    st.lists(st.sampled_from(SIGNALS), unique=True),
    st.sampled_from((999_999, 20, 12)),
)


@given(interventions(), clients, hostile_contexts)
def test_quote_ignores_the_callers_decimal_context(
    intervention: Intervention, client: Client, context: Context
) -> None:
    """A host app running with `prec=4`, `Inexact` trapped or any rounding gets exactly the
    quote (lines, totals, rendering) of the default context: the library computes in its own."""
    expected = quote(intervention, client, included_hours_available=D("1.5"))
    with localcontext(context):
        got = quote(intervention, client, included_hours_available=D("1.5"))
        text = got.explain()
        left = got.included_hours_left
    assert got == expected
    assert text == expected.explain()
    assert left == expected.included_hours_left


@given(
    st.integers(1, 10**9).map(lambda cents: D(cents) / 100),
    st.integers(0, 900),
    hostile_contexts,
)
def test_late_payment_ignores_the_callers_decimal_context(
    amount: Decimal, days: int, context: Context
) -> None:
    """Late-payment interest and its account are the same whatever the caller's context."""
    due = date(2023, 3, 31)
    expected = late_payment(amount, due, due + timedelta(days=days))
    with localcontext(context):
        got = late_payment(amount, due, due + timedelta(days=days))
        text = got.explain()
    assert got == expected
    assert text == expected.explain()


@given(hostile_contexts)
def test_statement_comparison_and_inputs_ignore_the_callers_context(context: Context) -> None:
    """Statements, comparisons and input validation (cents, quarter hours) do not change or
    fail under a hostile context either."""
    job = _one_hour(date(2025, 6, 11)).model_copy(update={"reference": "J"})
    client = Client(
        name="C",
        contracts=(
            Contract(
                service=Service.SOC,
                monthly_commitment=D(600),
                start=date(2025, 1, 1),
                months=12,
                included_hours_per_month=D("0.5"),
            ),
        ),
    )
    expected = (monthly_statement(client, [job], 2025, 6), compare_modes(job, client))
    with localcontext(context):
        got = (monthly_statement(client, [job], 2025, 6), compare_modes(job, client))
        devis = Devis.model_validate(
            {"reference": "D", "amount_ht": "123456789.25", "signed": True}
        )
        hours = Contract.model_validate(
            {
                "service": "soc",
                "monthly_commitment": "123456789.123456",
                "start": "2025-01-01",
                "months": 12,
                "included_hours_per_month": "99999.75",
            }
        )
    assert got == expected
    assert devis.amount_ht == D("123456789.25")
    assert hours.included_hours_per_month == D("99999.75")


# --- 6. Included hours are validated alike everywhere ------------------------------------------


@pytest.mark.parametrize(
    ("hours", "reason"),
    [(1.5, "float"), (D("-1"), "whole number of minutes"), (D("0.001"), "whole number of minutes")],
)
def test_statement_included_hours_are_validated_like_a_quotes(hours: Any, reason: str) -> None:
    """`monthly_statement(included_hours=...)` took a float (then TypeError) and a negative
    Decimal (then a Statement its own JSON could not read): refused like quote()'s
    `included_hours_available`, naming the parameter the caller used."""
    with pytest.raises(IncludedHoursError, match=f"included_hours.*{reason}") as error:
        monthly_statement(Client(name="C"), [_one_hour(date(2025, 6, 2))], 2025, 6,
                          included_hours=hours)  # fmt: skip
    assert "included_hours_available" not in str(error.value)


def test_contract_included_hours_have_the_pools_bound() -> None:
    """`Contract.included_hours_per_month` has the same bound as the pool (100 000 h)."""
    base = {"service": "soc", "monthly_commitment": "500", "start": "2025-01-01", "months": 12}
    Contract.model_validate({**base, "included_hours_per_month": "100000"})
    with pytest.raises(ValidationError, match=r"included_hours_per_month.*100000"):
        Contract.model_validate({**base, "included_hours_per_month": "100000.25"})


def test_statement_month_is_a_narrow_error() -> None:
    """A month outside 1–12 is a StatementError, not the root error."""
    with pytest.raises(StatementError, match="month 13"):
        monthly_statement(Client(name="C"), [], 2025, 13)


# --- 7. Documents: what used to be silently accepted ---------------------------------------------

GOOD_SPAN = {"start": "2025-03-11T09:00:00+01:00", "end": "2025-03-11T10:00:00+01:00"}


def _quote_json(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> str:
    path = tmp_path / "doc.json"
    path.write_text(text, encoding="utf-8")
    assert main(["quote", str(path)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    return error


def test_duplicate_json_keys_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two "client" keys: the last one used to win silently. Refused, naming the key."""
    text = '{"client": {"name": "A"}, "client": {"name": "B"}, "intervention": {}}'
    assert "key 'client' appears twice" in _quote_json(tmp_path, text, capsys)


@pytest.mark.parametrize("value", [20250311, "20250311", "1741680000", 1741680000.5])
def test_numbers_are_not_read_as_unix_times(value: Any) -> None:
    """`"start": 20250311` was read as a Unix epoch (1970-08-23): refused, asking for RFC 3339
    with an offset."""
    with pytest.raises(ValidationError, match=r"start\n.*RFC 3339 with an offset"):
        WorkPeriod.model_validate({"start": value, "end": "2025-03-11T10:00:00+01:00"})


@pytest.mark.parametrize("value", [20240602, "20240602", "2024-06-02T00:00:00+02:00"])
def test_contract_start_is_a_plain_date(value: Any) -> None:
    """A contract's start is a date written YYYY-MM-DD, not a number or a date-time."""
    base = {"service": "soc", "monthly_commitment": "500", "months": 12}
    with pytest.raises(ValidationError, match=r"start\n.*YYYY-MM-DD"):
        Contract.model_validate({**base, "start": value})


def test_empty_subdivision_on_the_command_line_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`calendar 2025 --tariff t57.toml --subdiv ''` printed "FR-57" above national holidays:
    refused now; without it, the heading names the subdivision whose holidays are listed."""
    t57 = tmp_path / "t57.toml"
    t57.write_text('holiday_subdivision = "57"\n', encoding="utf-8")
    assert main(["calendar", "2025", "--tariff", str(t57), "--subdiv", ""]) == 2
    assert "empty subdivision" in capsys.readouterr().err
    assert main(["calendar", "2025", "--tariff", str(t57)]) == 0
    out = capsys.readouterr().out
    assert "FR-57" in out
    assert "Vendredi saint" in out


def test_empty_tariff_subdivision_is_refused() -> None:
    """A tariff's empty subdivision is refused like a client's."""
    with pytest.raises(TariffError, match=r"holiday_subdivision.*national calendar"):
        Tariff.from_toml_text('holiday_subdivision = ""\n')


# --- 8. A bad tariff file names the file and the field -----------------------------------------


def test_bad_tariff_file_names_the_file_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad --tariff file was reported as "input: 1 problem(s) in the document": the message
    names the tariff file, its field, and the command that prints the tariff schema."""
    tariff = tmp_path / "mine.toml"
    tariff.write_text('[under_contract]\nhourly = "-75"\n', encoding="utf-8")
    assert main(["demo", "--tariff", str(tariff)]) == 2
    error = capsys.readouterr().err
    assert "mine.toml" in error
    assert "under_contract.hourly" in error
    assert main(["schema", "--tariff"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "required" not in schema["$defs"]["RateCard"]


# --- 9 and 10. One range for every path: the years the holiday source covers ------------------


def test_batch_and_quote_accept_the_same_first_and_last_days() -> None:
    """`price_hourly_batch` refused 1970-01-02 and 2200-06-01, which the models accept: both
    paths accept the same first and last days (1970-01-02, 2100-12-30) and agree on them; both
    refuse the day after. (Before 2000 there is no VAT rate, so the 1970 row is compared on
    its billed minutes.)"""
    pytest.importorskip("numpy")
    import numpy as np  # noqa: PLC0415 - the batch extra is optional

    from ouitec_terms.batch import price_hourly_batch  # noqa: PLC0415

    starts = [datetime(1970, 1, 2, 7, tzinfo=UTC), datetime(2100, 12, 30, 17, tzinfo=UTC)]
    ends = [s + timedelta(hours=3) for s in starts]
    batch = price_hourly_batch(np.array(starts), np.array(ends), np.array([False, False]))
    cal = windows_for(DEFAULT_TARIFF)
    for row, (start, end) in enumerate(zip(starts, ends, strict=True)):
        WorkPeriod(start=start, end=end)  # the models accept the row
        business = sum(
            round_segment(s, step_minutes=15).billed_minutes
            for s in split(start, end, cal)
            if not s.off_hours
        )
        assert batch.business_minutes[row] == business
    last = quote(Intervention(work=(WorkPeriod(start=starts[1], end=ends[1]),)), Client(name="C"))
    assert batch.amounts_ht()[1] == last.total_ht
    after = datetime(2100, 12, 31, 1, tzinfo=UTC)
    with pytest.raises(BatchError, match="1970–2100"):
        price_hourly_batch(np.array([after]), np.array([after + timedelta(hours=1)]), [False])
    with pytest.raises(ValidationError, match="1970–2100"):
        WorkPeriod(start=after, end=after + timedelta(hours=1))


def test_the_last_covered_year_has_its_holidays() -> None:
    """14 July 2100 is a public holiday (off-hours); the docs promised 1970–2200 while the
    holiday source stops at 2100, so 14 July 2150 was priced as business hours."""
    cal = calendar_for(DEFAULT_TARIFF)
    assert cal.holiday_name(date(2100, 7, 14)) == "Fête nationale"
    work = _one_hour(date(2100, 7, 14))
    assert all(line.off_hours for line in quote(work, Client(name="C")).lines)


def test_years_beyond_the_holiday_source_are_refused() -> None:
    """A work period in 2150 is refused at the boundary; the calendar refuses 2101."""
    with pytest.raises(ValidationError, match="1970–2100"):
        _one_hour(date(2150, 7, 14))
    with pytest.raises(CalendarError, match="1970–2100"):
        calendar_for(DEFAULT_TARIFF).holiday_name(date(2101, 7, 14))


# --- Smaller defects ----------------------------------------------------------------------------


def test_empty_statement_has_cents_and_a_vat_line() -> None:
    """A month without due work totals "0.00", with the VAT line of the client's regime."""
    statement = monthly_statement(Client(name="C"), [], 2025, 6)
    assert str(statement.total_ht) == str(statement.total_ttc) == "0.00"
    assert [(v.rate, str(v.amount)) for v in statement.vat] == [(D("0.20"), "0.00")]


def test_a_line_over_days_shows_its_end_date() -> None:
    """A 48 h line showed "Sat 14/06/2025 00:00–00:00": the end date was lost."""
    start = datetime(2025, 6, 14, tzinfo=PARIS)
    job = Intervention(work=(WorkPeriod(start=start, end=start + timedelta(hours=48)),))
    table = quote_table(quote(job, UNDER_CONTRACT)).replace("\xa0", " ")
    assert "sam. 14/06/2025 00:00–lun. 16/06/2025 00:00" in table


@pytest.mark.parametrize("label", ["Two\nlines", "Tab\there", "Bell\x07", "Sep\u2028arator"])
def test_labels_are_one_line(label: str) -> None:
    """A newline in a label broke the table: names, labels and references are one line."""
    with pytest.raises(ValidationError, match="one line"):
        WorkPeriod(start=datetime(2025, 3, 11, 9, tzinfo=PARIS),
                   end=datetime(2025, 3, 11, 10, tzinfo=PARIS), label=label)  # fmt: skip


amount_texts = st.one_of(
    st.sampled_from(("-0", "1e2", "1_000", "١٢", "12.", ".5", "+1", " 1", "1\n", "0.1234567")),
    st.from_regex(r"\A[0-9]{1,13}(\.[0-9]{1,7})?\Z"),
    st.text(alphabet="0123456789.-+e_ ", max_size=10),
)


@given(amount_texts)
def test_amount_text_follows_the_schema_pattern(text: str) -> None:
    """One rule for both: an amount written as text is accepted by the model exactly when the
    JSON Schema's pattern accepts it ("-0", "1e2", "1_000", non-ASCII digits are refused)."""
    schema_accepts = re.fullmatch(INPUT_TEXT.strip("^$"), text, re.ASCII) is not None
    try:
        Devis.model_validate({"reference": "D", "amount_ht": text, "signed": True})
        model_accepts = True
    except ValidationError as error:
        model_accepts = "cent" in str(error)  # a valid amount with fractions of a cent
    assert model_accepts == schema_accepts


@given(st.from_regex(r"\A[0-9]{1,12}(\.[0-9]{1,6})?\Z"))
def test_amount_text_reads_as_the_decimal_it_spells(text: str) -> None:
    """An amount written as text in a document is the Decimal it spells, digits and places
    kept ("600.50" stays 600.50): the common form is read without the general checks, which
    it cannot fail."""
    contract = Contract.model_validate(
        {"service": "soc", "monthly_commitment": text, "start": "2025-01-01", "months": 12}
    )
    assert contract.monthly_commitment.as_tuple() == D(text).as_tuple()


hours_texts = st.one_of(
    st.from_regex(r"\A[0-9]{1,7}(\.[0-9]{1,3})?\Z"),
    st.sampled_from(("0", "1.5", "0.25", "100000", "100000.25", "999999.75", "-0", "1e2", "2.")),
)


@given(hours_texts)
def test_included_hours_text_is_a_quarter_hour_count_up_to_the_bound(text: str) -> None:
    """Art. 5: contract hours come in quarter hours, from 0 to the bound. A text is accepted
    exactly when it spells such a number, and read as that Decimal; the schema's pattern never
    accepts a text the model refuses, except above the bound."""
    spelled = re.fullmatch(r"[0-9]+(\.[0-9]+)?", text, re.ASCII) is not None
    expected = spelled and (D(text) * 4) % 1 == 0 and D(text) <= MAX_INCLUDED_HOURS
    try:
        hours = quarter_hours(text, name="included_hours_per_month")
    except IncludedHoursError:
        assert not expected
    else:
        assert expected
        assert hours.as_tuple() == D(text).as_tuple()
    if re.fullmatch(QUARTER_HOURS_TEXT.strip("^$"), text, re.ASCII):
        assert expected or D(text) > MAX_INCLUDED_HOURS


def test_quote_gives_the_caller_its_decimal_context_back() -> None:
    """quote() puts the library's context in place for its own arithmetic and puts the
    caller's back, the same object with its settings, even when pricing fails."""
    mine = Context(prec=5, rounding=ROUND_DOWN)
    job = _one_hour(date(2025, 6, 11))
    with localcontext(mine) as inside:
        quote(job, UNDER_CONTRACT)
        assert getcontext() is inside
        with pytest.raises(IncludedHoursError):
            quote(job, UNDER_CONTRACT, included_hours_available=D("0.01"))
        assert getcontext() is inside
        assert (inside.prec, inside.rounding) == (5, ROUND_DOWN)


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_toml_nan_and_inf_are_told_to_be_finite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    """The hint for TOML nan/inf suggested writing 'inf', which is then refused."""
    doc = tmp_path / "doc.toml"
    doc.write_text(
        f'[client]\nname = "A"\n[[intervention.travel]]\nstart = 2025-03-11T09:00:00Z\n'
        f"end = 2025-03-11T10:00:00Z\ndistance_km = {value}\n",
        encoding="utf-8",
    )
    assert main(["quote", str(doc)]) == 2
    error = capsys.readouterr().err
    assert "not a finite number" in error
    assert "'inf'" not in error


def test_float_months_is_not_told_about_money(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A fraction in `months` is an integer problem, not "write money as strings"."""
    text = json.dumps(
        {
            "client": {
                "name": "A",
                "contracts": [
                    {"service": "soc", "monthly_commitment": "500", "start": "2025-01-01"}
                ],
            },
            "intervention": {"work": [GOOD_SPAN]},
        }
    ).replace('"start": "2025-01-01"', '"start": "2025-01-01", "months": 12.5')
    error = _quote_json(tmp_path, text, capsys)
    assert "months" in error
    assert "integer" in error
    assert "money" not in error


def test_late_payment_refuses_datetimes() -> None:
    """`late_payment` given datetimes raised TypeError: a PaymentError naming the argument."""
    with pytest.raises(PaymentError, match=r"due .* is not a date"):
        late_payment(D("10.00"), datetime(2025, 1, 1, tzinfo=UTC), date(2025, 2, 1))


def test_nothing_owed_means_no_indemnity() -> None:
    """A 0,00 € invoice paid late owes nothing: no interest and no 40 € indemnity (D44)."""
    late = late_payment(D("0.00"), date(2025, 1, 1), date(2025, 3, 1))
    assert late.days_late == 59
    assert late.total == late.indemnity == late.interest == D(0)


@pytest.mark.parametrize("command", [["schema"], ["calendar", "2025"], ["demo"]])
def test_output_piped_into_head_ends_quietly(command: list[str]) -> None:
    """`ouitec-terms schema | head -1` ended in a BrokenPipeError traceback. The command writes
    into a pipe whose reader has already gone (what `head` does once it has its line)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [str(SCRIPT), *command], stdout=write_end, stderr=subprocess.PIPE, check=False
        )
    finally:
        os.close(write_end)
    assert done.stderr == b""
    assert done.returncode == 0


def test_a_long_subdivision_is_refused_by_its_length() -> None:
    """A client's holiday subdivision is at most 50 characters: a longer one is refused by its
    length before any calendar lookup, so a hostile megabyte is never echoed in a message."""
    with pytest.raises(ValidationError, match="at most 50 characters") as error:
        Client(name="C", holiday_subdivision="5" * 1_000_000)
    assert len(str(error.value)) < 500
