"""Issue 17, the second hardening round: no crash, no silent wrong result, no illegal invoice.

Each test is one case of the issue, with its negative control where it is a refusal: what is
refused names the field and fits on one line, what is fine still passes. The command's own
process behaviour (exit statuses with real processes, atomic writes, full disks) is in
``test_output.py``; the decimal contexts in ``test_contexts.py``; the fuzzing of every
subcommand in ``test_fuzz_commands.py``.
"""

from __future__ import annotations

import pickle
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from ouitec_terms import (
    DEFAULT_TARIFF,
    Address,
    Client,
    Contract,
    Intervention,
    InvoiceError,
    Seller,
    StatementError,
    Tariff,
    TariffError,
    VatRegime,
    WorkPeriod,
    load_document,
    make_credit_note,
    make_invoice,
    monthly_statement,
    quote,
)
from ouitec_terms.boundary.places import country_code
from ouitec_terms.boundary.reading import parse_text
from ouitec_terms.cli import main
from ouitec_terms.errors import DocumentError
from ouitec_terms.presentation.spreadsheets import lines_csv
from ouitec_terms.rules.calendar import calendar_for
from ouitec_terms.rules.windows import windows_for
from strategies import PARIS, clock_change_days, small_hours_tariffs

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "docs" / "examples"
SELLER = Seller.from_toml(EXAMPLES / "seller.example.toml")
INVOICE_DOC = EXAMPLES / "invoice-client.toml"
DEMO = load_document(INVOICE_DOC)
INVOICE = ["invoice", str(INVOICE_DOC), "--seller", str(EXAMPLES / "seller.example.toml")]


LATE = "9999-12-31T22:00:00"
STATEMENT_DOC = str(EXAMPLES / "statement-2025-06.toml")


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    """The command's standard error, checked to be one line of ``ouitec-terms: …``."""
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith("ouitec-terms"), err
    assert "Traceback" not in err
    return err


def exit_status(args: list[str]) -> int:
    try:
        return main(args)
    except SystemExit as stop:  # argparse refuses malformed arguments with status 2
        return int(stop.code or 0)


# --- 1. Crashes that become exit 2 and one line naming the field ---------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("huge.json", '{"a": 1e99999999999999999999}'),
        ("huge.toml", "a = 1e99999999999999999999\n"),
        ("tiny.json", '{"client": {"name": "X"}, "x": 1e-99999999999999999999}'),
    ],
)
def test_a_number_with_a_huge_exponent_is_refused_in_one_line(
    name: str, text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A number whose exponent no Decimal holds was an InvalidOperation inside the reader; it is
    now refused as beyond the 30 digits a document's number may have, from a file or stdin."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert exit_status(["quote", str(path)]) == 2
    assert "beyond 30 digits" in one_line_error(capsys)


def test_a_reasonable_number_with_an_exponent_still_reads() -> None:
    """Negative control: a small exponent is still a number, read exactly."""
    assert parse_text('{"a": 1.5e2}', source="x", toml=False) == {"a": Decimal("150")}


@pytest.mark.parametrize(
    ("document", "tariff"),
    [
        ("work = [{start = 0001-01-01T00:00:00, end = 0001-01-01T01:00:00}]", ""),
        (f"work = [{{start = {LATE}, end = 9999-12-31T23:00:00}}]", 'timezone = "Etc/GMT+12"'),
        (f"work = [{{start = {LATE}, end = 9999-12-31T23:00:00}}]", 'timezone = "Etc/GMT-14"'),
    ],
)
def test_an_offsetless_time_beyond_the_years_is_refused_naming_it(
    document: str, tariff: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A wall time in year 1 or 9999 overflowed the clock conversion; it is refused like any
    instant outside 1970–2100, naming the field."""
    path = tmp_path / "doc.toml"
    path.write_text(f'[client]\nname = "X"\n[intervention]\n{document}\n', encoding="utf-8")
    tariff_path = tmp_path / "tariff.toml"
    tariff_path.write_text(tariff + "\n", encoding="utf-8")
    assert exit_status(["quote", str(path), "--tariff", str(tariff_path)]) == 2
    error = one_line_error(capsys)
    assert "intervention.work.0.start" in error
    assert "outside the years the library prices" in error


@pytest.mark.parametrize(
    "option",
    [
        ["statement", STATEMENT_DOC, "--month", "99999999999999999999-01"],
        ["statement", STATEMENT_DOC, "--month", "2101-01"],
        [*INVOICE, "--number", "F-1", "--issued", "9999-12-31"],
        [*INVOICE, "--number", "F-1", "--issued", "0001-01-01"],
        [*INVOICE, "--number", "F-1", "--issued", "2025-03-17", "--received", "9999-12-31"],
        [*INVOICE, "--number", "A-1", "--issued", "2025-03-17", "--credit-note-of", "F-1",
         "--corrected-issued", "9999-12-30", "--corrected-total", "1", "--reason", "x"],
        ["late", "100.00", "--due", "9999-12-31", "--paid", "9999-12-31"],
    ],
)  # fmt: skip
def test_every_date_option_is_range_checked(
    option: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A date or month option outside 1970–2100 overflowed a due date or a month's end; each is
    now refused by its option, in one line."""
    assert exit_status(option) == 2
    assert "1970" in one_line_error(capsys)


@pytest.mark.parametrize("character", ["\ufffe", "\uffff", "\x0b", "\x85", "\u2028"])
@pytest.mark.parametrize(
    "field",
    ["client.name", "client.address.street", "client.address.city", "intervention.work.0.label"],
)
def test_characters_xml_cannot_carry_are_refused_naming_the_field(
    character: str, field: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """U+FFFE, U+FFFF and control characters in a name, label or address crashed lxml when the
    invoice was written; they are refused where the document is read, naming the field."""
    data = DEMO.model_dump(mode="json")
    node: Any = data
    *path, last = field.split(".")
    for part in path:
        node = node[int(part)] if part.isdigit() else node[part]
    node[last] = f"Nom{character}propre"
    document = tmp_path / "doc.json"
    document.write_text(__import__("json").dumps(data), encoding="utf-8")
    assert exit_status([*INVOICE[:1], str(document), *INVOICE[2:], "--number", "F-1",
                        "--issued", "2025-03-17", "--format", "xml"]) == 2  # fmt: skip
    assert field in one_line_error(capsys)


def test_a_reason_xml_cannot_carry_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """The reason of a credit note is checked like a document's one-line texts."""
    args = [*INVOICE, "--number", "A-1", "--issued", "2025-03-17", "--credit-note-of", "F-1",
            "--corrected-issued", "2025-03-17", "--corrected-total", "691.44",
            "--format", "xml"]  # fmt: skip
    assert exit_status([*args, "--reason", "Erreur\ufffe"]) == 2
    assert "reason" in one_line_error(capsys)
    assert exit_status([*args, "--reason", "Erreur de tarif"]) == 0  # negative control


def test_an_argument_that_is_not_utf8_is_refused_by_its_position(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Bytes that are not UTF-8 reach Python as lone surrogates and crashed the output; the
    argument is refused by its position and never echoed."""
    assert exit_status(["quote", str(INVOICE_DOC), "--lang", "fr\udcff"]) == 2
    error = one_line_error(capsys)
    assert "argument 4 is not UTF-8" in error
    assert "\udcff" not in error


# --- 2. Silent wrong results -----------------------------------------------------------------


def test_a_tariff_on_standard_input_is_read_once(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--tariff -` was read twice, the second time empty, and 200 €/h became the terms'
    90 €/h. It is read once: the quote's hourly rate is the stdin tariff's."""
    import io  # noqa: PLC0415

    tariff = b'[not_under_contract]\nhourly = "200"\n'
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(tariff)))
    assert main(["quote", str(INVOICE_DOC), "--tariff", "-", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert '"unit_price": "200"' in out
    assert '"unit_price": "90"' not in out


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["quote", str(INVOICE_DOC), "--tariff", ""], "--tariff: an empty path"),
        (["quote", "", "--format", "json"], "FILE: an empty path"),
        (["quote", "-", "--tariff", "-"], "can be read once"),
        (["quote", str(INVOICE_DOC), "-o", ""], "-o: an empty path"),
    ],
)
def test_an_empty_path_or_stdin_twice_is_an_error(
    args: list[str], reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """An empty path silently meant "no option" (the terms' tariff); standard input can serve
    only one input. Each is now refused before any work."""
    assert exit_status(args) == 2
    assert reason in one_line_error(capsys)


def test_the_spring_gap_window_gives_no_negative_line() -> None:
    """The issue's case: a window 02:15–03:00 on 2025-03-30 in Paris lies wholly in the skipped
    hour, so there is no business time that day, and no line of −15 min and −22,50 € (D64):
    00:00–04:00 on the clock is three real hours, all off-hours."""
    tariff = DEFAULT_TARIFF.replace(
        business_start="02:15", business_end="03:00", business_weekdays=(1, 2, 3, 4, 5, 6, 7)
    )
    start, end = (
        datetime(2025, 3, 30, 0, 0, tzinfo=PARIS),
        datetime(2025, 3, 30, 4, 0, tzinfo=PARIS),
    )
    q = quote(
        Intervention(work=(WorkPeriod(start=start, end=end),)), Client(name="X"), tariff=tariff
    )
    assert [(line.billed_minutes, line.off_hours) for line in q.lines] == [(180, True)]


@given(tariff=small_hours_tariffs(), data=st.data())
def test_no_line_is_negative_on_clock_change_days(tariff: Tariff, data: st.DataObject) -> None:
    """Whatever the window's edges and the zone, on every clock-change day of 2020–2030 every
    line is non-negative, and business plus off-hours time is the real time worked (D64)."""
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    zone = ZoneInfo(tariff.timezone)
    day = data.draw(st.sampled_from(clock_change_days(tariff.timezone)))
    minutes = data.draw(st.integers(1, 30 * 60))
    start = datetime.combine(day, datetime.min.time(), zone).astimezone(UTC)
    end = start + timedelta(minutes=minutes)  # real time: added in UTC
    work = Intervention(work=(WorkPeriod(start=start, end=end),))
    q = quote(work, Client(name="X"), tariff=tariff)
    assert all(line.amount_ht >= 0 and line.billed_minutes >= 0 for line in q.lines)
    assert sum(line.raw_seconds for line in q.lines) == minutes * 60


# --- 3. Invoices an accountant or a platform would reject ----------------------------------


@pytest.mark.parametrize(
    ("value", "hint"),
    [("UK", "did you mean GB"), ("EL", "did you mean GR"), ("XX", "e.g. FR"), ("fr", "FR")],
)
def test_a_country_is_an_iso_code_with_a_hint(value: str, hint: str) -> None:
    """`UK`, `EL` and `XX` passed and failed the e-invoice rules (FX-SCH-A-000568/000580); they
    are refused with the code probably meant."""
    with pytest.raises(ValueError, match=hint):
        country_code(value)
    assert country_code("GB") == "GB"  # negative control


def test_the_country_list_is_pycountrys() -> None:
    """The ISO list is written from pycountry (make countries), never typed by hand."""
    pycountry = pytest.importorskip("pycountry")
    from ouitec_terms.boundary.iso3166 import COUNTRIES  # noqa: PLC0415

    assert set(COUNTRIES) == {c.alpha_2 for c in pycountry.countries}


GERMAN = {"street": "Hauptstraße 1", "postcode": "10115", "city": "Berlin", "country": "DE"}
LYON = {"street": "1 rue de la République", "postcode": "69002", "city": "Lyon"}


@pytest.mark.parametrize(
    ("client", "suggested"),
    [
        ({"vat_number": "DE136695976", "vat_regime": "outside-eu"}, "eu-reverse-charge"),
        ({"vat_number": "FR11902000025", "vat_regime": "outside-eu"}, "france"),
        ({"address": LYON, "vat_regime": "guadeloupe-martinique-reunion"}, "france"),
        ({"address": {**LYON, "postcode": "97300"}, "vat_regime": "france"}, "guyane-mayotte"),
        ({"address": {**LYON, "postcode": "98800"}, "vat_regime": "france"}, "outside-eu"),
        ({"address": GERMAN, "vat_regime": "outside-eu"}, "eu-reverse-charge"),
    ],
)
def test_a_regime_the_client_contradicts_is_refused(client: dict[str, Any], suggested: str) -> None:
    """A German company marked outside-eu was billed "art. 259-1" instead of reverse charge,
    and a client in Lyon marked in the DOM got 8,5 %; the regime must fit the client's VAT
    number and address, and the error says the regime it probably means (D66)."""
    with pytest.raises(ValidationError, match=f"use vat_regime = '{suggested}'"):
        Client.model_validate({"name": "X", **client})


@pytest.mark.parametrize(
    "client",
    [
        {"vat_number": "DE136695976", "vat_regime": "eu-reverse-charge", "address": GERMAN},
        {"address": {**LYON, "postcode": "97400"}, "vat_regime": "guadeloupe-martinique-reunion"},
        {"address": LYON, "vat_number": "FR11902000025"},
        {"address": {**GERMAN, "country": "CH"}, "vat_regime": "outside-eu"},
    ],
)
def test_a_regime_that_fits_the_client_passes(client: dict[str, Any]) -> None:
    """Negative control: each regime with a client it fits is accepted."""
    assert Client.model_validate({"name": "X", **client}).name == "X"


def invoice(**changes: Any) -> Any:
    q = quote(DEMO.intervention, DEMO.client)
    arguments = {"seller": SELLER, "client": DEMO.client, "number": "F-2025-0001",
                 "issued": date(2025, 3, 17), **changes}  # fmt: skip
    return make_invoice(q, **arguments)


def test_the_due_date_is_capped_at_60_days_after_issue() -> None:
    """`--received` pushed the due date 106 days after issue; L441-10 I caps it at 60 days
    after the invoice date, and the invoice says why (D67)."""
    late = invoice(received=date(2025, 6, 1))
    assert late.due == date(2025, 3, 17) + timedelta(days=60)
    assert "L441-10" in late.explain()
    assert invoice(received=date(2025, 3, 20)).due == date(2025, 4, 19)  # Art. 4 as before


@given(st.integers(0, 400))
def test_no_due_date_is_more_than_60_days_after_issue(delay: int) -> None:
    """Whenever the client receives it, an invoice is due within 60 days of its issue date."""
    issued = date(2025, 3, 17)
    due = invoice(received=issued + timedelta(days=delay)).due
    assert issued < due <= issued + timedelta(days=60)


def test_an_invoice_is_not_dated_before_its_services() -> None:
    """A June statement issued on 5 June with services until 27 June is refused; issued on
    the last service's day, it passes (D69)."""
    with pytest.raises(InvoiceError, match="before the last billed service, on 2025-03-14"):
        invoice(issued=date(2025, 3, 13))
    assert invoice(issued=date(2025, 3, 14)).number == "F-2025-0001"


@pytest.mark.parametrize("number", ["-", "F-ABC", "/", "F 1", "F-" + "1" * 40])
def test_an_invoice_number_needs_a_digit(number: str) -> None:
    """`-` was accepted as an invoice number; a number has a digit, no space, 35 characters."""
    with pytest.raises(InvoiceError, match="not an invoice number"):
        invoice(number=number)


def test_a_credit_note_takes_its_own_number() -> None:
    """A credit note could reuse the number of the invoice it corrects (D70)."""
    issued = invoice()
    with pytest.raises(InvoiceError, match="is the corrected invoice's"):
        make_credit_note(issued, number="F-2025-0001", issued=date(2025, 3, 20), reason="x")
    assert make_credit_note(issued, number="A-2025-0001", issued=date(2025, 3, 20), reason="x")


def test_a_credit_note_never_credits_more_than_the_invoice(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A 5 527,08 € credit note was made against a 691,44 € invoice from another document; the
    corrected invoice's total is now required and never exceeded (D70)."""
    statement = [*INVOICE[:1], str(EXAMPLES / "statement-2025-06.toml"), *INVOICE[2:]]
    credit = ["--number", "A-1", "--issued", "2025-07-01", "--credit-note-of", "F-1",
              "--corrected-issued", "2025-06-30", "--reason", "Erreur",
              "--month", "2025-06"]  # fmt: skip
    assert exit_status([*statement, *credit]) == 2
    assert "--corrected-total" in one_line_error(capsys)
    assert exit_status([*statement, *credit, "--corrected-total", "100.00"]) == 2
    assert "more than the corrected invoice's total of 100.00" in one_line_error(capsys)
    assert exit_status([*statement, *credit, "--corrected-total", "5000.00"]) == 0  # control


@pytest.mark.parametrize("kind", ["json", "xml"])
def test_a_credit_note_reads_the_corrected_invoice_it_was_written_as(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--corrected FILE` takes the number, date and total of the invoice from the JSON or XML
    the command wrote for it; a number that disagrees with it is refused."""
    written = tmp_path / f"F-1.{kind}"
    assert main([*INVOICE, "--number", "F-1", "--issued", "2025-03-17", "--format", kind,
                 "-o", str(written)]) == 0  # fmt: skip
    credit = [*INVOICE, "--number", "A-1", "--issued", "2025-03-20", "--reason", "Erreur",
              "--corrected", str(written), "--format", "json"]  # fmt: skip
    assert main(credit) == 0
    out = capsys.readouterr().out
    assert '"preceding_number": "F-1"' in out
    assert '"total_ttc": "691.44"' in out
    assert exit_status([*credit, "--credit-note-of", "F-9"]) == 2
    assert "is not the --corrected invoice's (F-1)" in one_line_error(capsys)


@pytest.mark.parametrize(
    "change",
    [
        {"name": "   "},
        {"rcs_city": "\u00a0 "},
        {"address": {"street": " ", "postcode": "69390", "city": "Charly"}},
    ],
)
def test_whitespace_only_names_are_refused(change: dict[str, Any]) -> None:
    """A seller, client or town of spaces only was accepted; a name has a visible character."""
    data = {**SELLER.model_dump(mode="json"), **change}
    with pytest.raises(ValidationError, match=r"blank|at least 1"):
        Seller.model_validate(data)
    with pytest.raises(ValidationError, match="blank"):
        Client(name=" \u00a0")


def test_purchase_order_and_buyer_reference_are_on_the_invoice() -> None:
    """BT-13 (the client's purchase order, L441-9) and BT-10 (a public buyer's service code)
    can be given and appear on the text and in the XML."""
    pytest.importorskip("facturx")
    from ouitec_terms.einvoice import to_cii_xml  # noqa: PLC0415

    billed = invoice(purchase_order="BC-2025-118", buyer_reference="SERVICE-42")
    text, xml = billed.explain(), to_cii_xml(billed).decode()
    assert "Bon de commande du client : BC-2025-118".replace(" :", "\u00a0:") in text
    assert "SERVICE-42" in text
    assert "<ram:BuyerReference>SERVICE-42</ram:BuyerReference>" in xml
    assert "<ram:IssuerAssignedID>BC-2025-118</ram:IssuerAssignedID>" in xml
    with pytest.raises(InvoiceError, match="purchase_order"):
        invoice(purchase_order="BC\n1")


# --- 4. Output that cannot destroy data --------------------------------------------------------


def test_csv_cells_a_spreadsheet_would_run_are_neutralised() -> None:
    """A label `=HYPERLINK(…)` was written as-is into the CSV; text cells starting with = + - @
    get a leading ' (OWASP), while numbers stay numbers (D72)."""
    start = datetime(2025, 3, 11, 9, tzinfo=PARIS)
    labels = ('=HYPERLINK("http://x")', "+1", "-x", "@SUM(A1)")
    work = tuple(
        WorkPeriod(
            start=start + timedelta(hours=k),
            end=start + timedelta(hours=k, minutes=30),
            label=label,
        )
        for k, label in enumerate(labels)
    )
    csv = lines_csv([quote(Intervention(work=work, reference="=cmd"), Client(name="X"))])
    assert "\n=" not in csv
    assert ",=" not in csv
    assert ",+" not in csv
    assert ",@" not in csv
    assert "'=HYPERLINK" in csv
    assert "'=cmd" in csv
    assert ",45.00" in csv  # amounts stay numbers


@pytest.mark.parametrize(
    ("key", "value"),
    [("version", "v1\\nTotal TTC : 0,00 €"), ("seat", "Charly\\u0007"), ("seat", "  ")],
)
def test_a_tariff_text_is_one_line(key: str, value: str) -> None:
    """A tariff's version or head office could forge a `Total TTC : 0,00 €` line in a quote."""
    with pytest.raises(TariffError, match=key):
        Tariff.from_toml_text(f'{key} = "{value}"\n')
    assert Tariff.from_toml_text(f'{key} = "ok"\n')  # negative control


# --- 5. Bounded work -----------------------------------------------------------------------


def test_an_intervention_adds_up_to_366_days_at_most() -> None:
    """1 000 periods of 366 days made one document years of work; an intervention's periods and
    legs add up to 366 days at most, and the error names the limit (D74)."""
    start = datetime(2025, 1, 1, tzinfo=PARIS)
    periods = tuple(
        WorkPeriod(start=start + timedelta(days=200 * k), end=start + timedelta(days=200 * k + 190))
        for k in range(2)
    )
    with pytest.raises(ValidationError, match="more than 366 days"):
        Intervention(work=periods)
    assert Intervention(work=periods[:1])  # negative control


def test_a_statement_adds_up_to_10000_days_at_most() -> None:
    """10 000 one-year periods took 62 s and 2.1 GB; a statement's interventions add up to
    10 000 days at most (D74)."""
    start = datetime(2025, 6, 1, tzinfo=PARIS)
    year = Intervention(work=(WorkPeriod(start=start, end=start + timedelta(days=300)),))
    with pytest.raises(StatementError, match="more than 10000"):
        monthly_statement(Client(name="X"), [year] * 34, 2025, 6)


def test_a_client_lists_100_contracts_at_most() -> None:
    """A client's contracts are bounded too."""
    contract = Contract.model_validate(
        {"service": "soc", "monthly_commitment": "600", "start": "2024-01-01", "months": 24}
    )
    with pytest.raises(ValidationError, match="at most 100"):
        Client(name="X", contracts=(contract,) * 101)


def test_an_invoice_holds_2000_lines_at_most() -> None:
    """A PDF costs milliseconds a line: an invoice of more than 2 000 lines is refused."""
    start = datetime(2025, 6, 2, 9, tzinfo=PARIS)
    quarter = timedelta(minutes=15)
    many = [
        Intervention(
            work=(WorkPeriod(start=start + k * quarter, end=start + (k + 1) * quarter),),
            reference=f"R{k}",
        )
        for k in range(2001)
    ]
    statement = monthly_statement(DEMO.client, many, 2025, 6)
    assert sum(len(q.lines) for q in statement.quotes) > 2000
    with pytest.raises(InvoiceError, match="more than 2000"):
        make_invoice(statement, seller=SELLER, client=DEMO.client, number="F-1",
                     issued=date(2025, 6, 30))  # fmt: skip


def test_calendars_and_window_tables_pickle() -> None:
    """HolidayCalendar and BusinessWindows pickle like every other public value, small, and
    come back as the cached table of the same place."""
    tariff = DEFAULT_TARIFF.replace(holiday_subdivision="57", extra_closures=[date(2025, 8, 14)])
    days, windows = calendar_for(tariff), windows_for(tariff)
    assert len(pickle.dumps(windows)) < 2000
    again_days, again_windows = (
        pickle.loads(pickle.dumps(days)),
        pickle.loads(pickle.dumps(windows)),
    )
    assert again_days.holiday_name(date(2025, 12, 26)) == days.holiday_name(date(2025, 12, 26))
    assert again_days.holiday_name(date(2025, 8, 14)) == "Fermeture"
    assert again_windows.opens == windows.opens


def test_a_document_too_deep_or_too_large_names_its_limit() -> None:
    """The reader's limits are errors that name them."""
    with pytest.raises(DocumentError, match="32 levels"):
        parse_text('{"a": ' + "[" * 40 + "]" * 40 + "}", source="x", toml=False)


# --- 3 (e-invoices). Codes the platforms accept, letters the PDF draws ------------------------


def test_every_electronic_address_scheme_is_in_the_current_eas_list() -> None:
    """9906, 9902 and 9955 (the Italian, Danish and Swedish VAT schemes) were withdrawn from
    the EAS list and failed FX-SCH-A-000571; every scheme the library maps is in the list the
    EN 16931 Schematron itself checks against (D65)."""
    pytest.importorskip("facturx")
    from facturx_checks import code_list  # noqa: PLC0415
    from ouitec_terms.boundary.identifiers import VAT_EAS  # noqa: PLC0415

    assert {"0225", "EM", *VAT_EAS.values()} <= code_list(17)
    assert {"9902", "9906", "9955"}.isdisjoint(code_list(17))  # the control: withdrawn


ABROAD = {
    "IT00743110157": ("Via Roma 1", "20121", "Milano", "IT"),
    "DK13585628": ("Vesterbrogade 1", "1620", "København", "DK"),
    "SE556703748501": ("Drottninggatan 1", "11151", "Stockholm", "SE"),
    "EL094259216": ("Odos Ermou 1", "10563", "Athína", "GR"),
    "ATU13585627": ("Ringstraße 1", "1010", "Wien", "AT"),
}


@pytest.mark.parametrize("vat_number", ABROAD)
def test_an_eu_client_of_any_state_gets_an_invoice_the_rules_accept(vat_number: str) -> None:
    """An invoice to a business of Italy, Denmark, Sweden, Greece or Austria passes the XSD and
    the EN 16931, BR-FR and EXTENDED-CTC-FR rules."""
    pytest.importorskip("facturx")
    from facturx_checks import all_failures  # noqa: PLC0415
    from ouitec_terms.einvoice import to_cii_xml  # noqa: PLC0415

    street, postcode, city, country = ABROAD[vat_number]
    client = Client(
        name="Rossi SpA",
        vat_number=vat_number,
        vat_regime=VatRegime.EU_REVERSE_CHARGE,
        address=Address(street=street, postcode=postcode, city=city, country=country),
    )
    q = quote(DEMO.intervention, client)
    billed = make_invoice(q, seller=SELLER, client=client, number="F-1", issued=date(2025, 3, 17))
    assert all_failures(to_cii_xml(billed)) == []


@pytest.mark.parametrize("name", ["Гарант ООД", "Ελληνική Εταιρεία", "Győri Kft", "Ștefan SRL"])
def test_the_pdf_draws_greek_cyrillic_and_latin_extended_letters(name: str) -> None:
    """Lato 1 lacked Greek, Cyrillic, ő, ș…: a Bulgarian client printed as an empty
    "Client :". The PDF now draws them, and its text holds the whole name (D71)."""
    pytest.importorskip("facturx")
    pdfium = pytest.importorskip("pypdfium2")
    from ouitec_terms.einvoice import to_facturx_pdf  # noqa: PLC0415

    client = DEMO.client.model_copy(update={"name": name})
    q = quote(DEMO.intervention, client)
    billed = make_invoice(q, seller=SELLER, client=client, number="F-1", issued=date(2025, 3, 17))
    page = pdfium.PdfDocument(to_facturx_pdf(billed))[0]
    assert name in page.get_textpage().get_text_bounded()


@pytest.mark.parametrize(
    ("field", "change"),
    [
        ("client.name", {"name": "東京商事"}),
        (
            "client.address.city",
            {"address": {**DEMO.client.model_dump()["address"], "city": "القاهرة"}},
        ),
    ],
)
def test_a_letter_no_embedded_font_draws_is_refused_naming_the_field(
    field: str, change: dict[str, Any]
) -> None:
    """A letter neither face of the PDF's font has is refused before drawing, naming the
    field, never dropped; the XML, which needs no font, still carries it."""
    pytest.importorskip("facturx")
    from ouitec_terms.einvoice import to_cii_xml, to_facturx_pdf  # noqa: PLC0415

    client = Client.model_validate({**DEMO.client.model_dump(), **change})
    q = quote(DEMO.intervention, client)
    billed = make_invoice(q, seller=SELLER, client=client, number="F-1", issued=date(2025, 3, 17))
    with pytest.raises(InvoiceError, match=f"{field}: the character"):
        to_facturx_pdf(billed)
    assert to_cii_xml(billed)


@pytest.mark.parametrize(
    ("option", "what"),
    [(["--seller"], "seller file"), (["--tariff"], "tariff file")],
)
def test_a_file_too_large_or_not_utf8_names_what_it_is(
    option: list[str], what: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that is not UTF-8 is refused naming what kind of file it is, not only its path."""
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"\xff\xfe")
    args = [*INVOICE, "--number", "F-1", "--issued", "2025-03-17"]
    args[args.index("--seller") + 1 : args.index("--seller") + 2] = (
        [str(bad)] if option == ["--seller"] else [str(EXAMPLES / "seller.example.toml")]
    )
    if option == ["--tariff"]:
        args += ["--tariff", str(bad)]
    assert exit_status(args) == 2
    assert f"{what} '{bad}' is not UTF-8" in one_line_error(capsys)


@pytest.mark.parametrize(("length", "status"), [(100, 0), (101, 2)])
def test_a_reference_has_one_rule_in_the_api_and_on_the_command_line(
    length: int, status: int, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--po` and `purchase_order=` apply the same rule (one line, 100 characters at most): the
    command line refuses what the API refuses, and accepts what it accepts."""
    po = "P" * length
    args = [*INVOICE, "--number", "F-1", "--issued", "2025-03-17", "--format", "json"]
    assert exit_status([*args, "--po", po]) == status
    if status:
        assert "is not a reference" in one_line_error(capsys)
        with pytest.raises(InvoiceError, match=r"purchase_order: .* is not a reference"):
            invoice(purchase_order=po)
    else:
        assert f'"purchase_order": "{po}"' in capsys.readouterr().out
        assert invoice(purchase_order=po).purchase_order == po
