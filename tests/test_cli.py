"""The ``ouitec-terms`` command: every shipped example prices, bad input exits 2 with a reason."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ouitec_terms import (
    BillingMode,
    LatePayment,
    ModeComparison,
    Quote,
    Statement,
    StatementRequest,
    document_schema,
    format_eur,
    from_json,
    load_document,
    load_statement_document,
    quote,
    tariff_schema,
)
from ouitec_terms.assembly.year import Holiday, YearCalendar
from ouitec_terms.boundary.documents import Expected
from ouitec_terms.cli import demo_request, main
from ouitec_terms.presentation.pieces import line_description

EXAMPLES = Path(__file__).parent.parent / "docs" / "examples"
DOCUMENTS = sorted(p for p in EXAMPLES.iterdir() if p.is_file() and not p.name.startswith("seller"))
#: Each shipped quote document and its expected TTC, from its own [expected] table.
QUOTES = {
    p.name: p for p in DOCUMENTS if not p.name.startswith("statement")
}  # statements are priced by `statement`


def _expected(path: Path) -> Expected:
    loader = load_statement_document if path.name.startswith("statement") else load_document
    expected = loader(path).expected
    assert expected is not None
    return expected


def test_shipped_statement_prices(capsys: pytest.CaptureFixture[str]) -> None:
    """`ouitec-terms statement docs/examples/statement-2025-06.toml --month M` gives the TTC of
    its [expected] table."""
    path = EXAMPLES / "statement-2025-06.toml"
    expected = _expected(path)
    assert expected.month is not None
    assert main(["statement", str(path), "--month", expected.month, "--format", "json"]) == 0
    result = from_json(Statement, capsys.readouterr().out)
    assert result.total_ttc == expected.total_ttc
    assert main(["statement", str(path), "--month", expected.month]) == 0
    assert "Heures incluses au contrat" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["--month", "2025-13"], "not a month"),
        (["--month", "June"], "not a month"),
        ([], "required"),
    ],
)
def test_statement_bad_month_exits_2(
    args: list[str], reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A month that is not YYYY-MM is refused with exit status 2 and the expected form."""
    with pytest.raises(SystemExit) as stop:
        main(["statement", str(EXAMPLES / "statement-2025-06.toml"), *args])
    assert stop.value.code == 2
    assert reason in capsys.readouterr().err


def test_statement_of_a_quote_document_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A quote document given to `statement` is refused, naming the missing key."""
    assert main(["statement", str(EXAMPLES / "demo.toml"), "--month", "2025-03"]) == 2
    err = capsys.readouterr().err
    assert "interventions" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("name", sorted(QUOTES))
def test_shipped_example_prices(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`ouitec-terms quote docs/examples/<each>` works and gives the TTC of its [expected]
    table (with its included hours, given as --included-hours)."""
    expected = _expected(QUOTES[name])
    options = ["--included-hours", str(expected.included_hours)] if expected.included_hours else []
    assert main(["quote", str(QUOTES[name]), "--format", "json", *options]) == 0
    result = from_json(Quote, capsys.readouterr().out)
    assert result.total_ttc == expected.total_ttc


def test_demo_document_is_the_builtin_scenario() -> None:
    """docs/examples/demo.toml describes exactly what `ouitec-terms demo` prices."""
    assert load_document(EXAMPLES / "demo.toml") == demo_request()


def test_demo_prints_itemised_quote(capsys: pytest.CaptureFixture[str]) -> None:
    """`make demo`: the table has every line with its article and the HT, TVA and TTC totals."""
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    request = demo_request()
    expected = quote(request.intervention, request.client)
    assert "Art. 11" in out
    assert "Art. 3, Art. 5" in out
    for label in ("Total HT", "TVA 20\xa0%", "Total TTC", "691,44\xa0€"):
        assert label in out
    for line in expected.lines:
        assert line_description(line, expected) in out
        assert format_eur(line.amount_ht) in out


def test_text_format_explains(capsys: pytest.CaptureFixture[str]) -> None:
    """`--format text` is Quote.explain(): line by line, citing the articles."""
    assert main(["demo", "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "tout palier de 15\xa0min commencé est dû, Art.\xa05" in out


def test_calendar_lists_moselle_good_friday(capsys: pytest.CaptureFixture[str]) -> None:
    """`ouitec-terms calendar 2025 --subdiv 57` includes Good Friday; the national one does not."""
    assert main(["calendar", "2025", "--subdiv", "57"]) == 0
    assert "18/04/2025" in capsys.readouterr().out
    assert main(["calendar", "2025"]) == 0
    out = capsys.readouterr().out
    assert "18/04/2025" not in out
    assert "Lundi de Pentecôte" in out
    assert "08:00–19:00 Europe/Paris" in out


def test_schema_is_json_schema_of_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    """`ouitec-terms schema` prints a JSON Schema naming the two top-level tables."""
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["required"] == ["client", "intervention"]
    assert schema["additionalProperties"] is False


def test_tariff_option_changes_the_price(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--tariff FILE` prices under another tariff (here a 25 % surcharge)."""
    tariff = tmp_path / "t.toml"
    tariff.write_text('version = "what-if"\noff_hours_surcharge = "0.25"\n', encoding="utf-8")
    assert main(["demo", "--tariff", str(tariff), "--format", "json"]) == 0
    result = from_json(Quote, capsys.readouterr().out)
    assert result.tariff_version == "what-if"
    # 67.50 + 90.00 business, 2.75 h and 0.75 h × 90 € × 1.25 = 309.38 + 84.38, 40.70 km
    assert result.total_ht == Decimal("591.96")


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


HEAD = '[client]\nname = "A"\n'


def span(table: str, start: str, end: str, extra: str = "") -> str:
    """A TOML array-of-tables entry for a work period or travel leg."""
    return f"[[intervention.{table}]]\nstart = {start}\nend = {end}\n{extra}"


GOOD_WORK = span("work", "2025-03-11T09:00:00+01:00", "2025-03-11T10:00:00+01:00")
BAD_INPUTS: dict[str, tuple[str | None, str, str]] = {
    "missing-file": (None, "", "cannot read"),
    "invalid-toml": ("x.toml", "[client\n", "not valid TOML"),
    "invalid-json": ("x.json", "{", "not valid JSON"),
    "json-array": ("x.json", "[]", "must be an object"),
    "unknown-field": ("x.toml", f"{HEAD}vip = true\n{GOOD_WORK}", "client.vip"),
    "ambiguous-local-datetime": (
        "x.toml",
        HEAD + span("work", "2025-10-26T02:30:00", "2025-10-26T04:00:00"),
        "happens twice on the Europe/Paris clock",
    ),
    "float-money": (
        "x.toml",
        HEAD
        + GOOD_WORK
        + '[intervention.devis]\nreference = "D"\namount_ht = 1500.5\nsigned = true\n',
        "amount_ht: 1500.5 is a number with a fraction",
    ),
    "json-float": (
        "x.json",
        (
            '{"client": {"name": "A"}, "intervention": {"work": [{"start": "2025-03-11T09:00:00Z", '
            '"end": "2025-03-11T10:00:00Z"}], "devis": {"reference": "D", "amount_ht": 1500.5, '
            '"signed": true}}}'
        ),
        "devis.amount_ht: 1500.5 is a number with a fraction",
    ),
    "end-before-start": (
        "x.toml",
        HEAD + span("work", "2025-03-11T10:00:00Z", "2025-03-11T09:00:00Z"),
        "not after start",
    ),
    "overlap": ("x.toml", HEAD + GOOD_WORK + GOOD_WORK, "overlap"),
    "nothing-to-price": ("x.toml", f"{HEAD}[intervention]\n", "nothing to price"),
    "before-2000": (
        "x.toml",
        HEAD + span("work", "1999-03-11T09:00:00Z", "1999-03-11T10:00:00Z"),
        "no VAT rate",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_exits_2_with_a_clear_message(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad input prints one clear message naming the problem and exits 2, never a traceback."""
    name, text, reason = BAD_INPUTS[case]
    path = str(tmp_path / "absent.toml") if name is None else write(tmp_path, name, text)
    assert main(["quote", path]) == 2
    captured = capsys.readouterr()
    assert reason in captured.err
    assert captured.err.count("\n") == 1, "one line"
    assert "Traceback" not in captured.err
    assert captured.out == ""


@pytest.mark.parametrize("hours", ["1.001", "-1", "abc"])
def test_bad_included_hours_exit_2(hours: str, capsys: pytest.CaptureFixture[str]) -> None:
    """--included-hours must be a non-negative whole number of minutes (D56)."""
    with pytest.raises(SystemExit) as stop:
        sys.exit(main(["demo", "--included-hours", hours]))
    assert stop.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_console_script_runs() -> None:
    """The installed `ouitec-terms` entry point runs as a program (python -m ouitec_terms)."""
    done = subprocess.run(
        [sys.executable, "-m", "ouitec_terms", "demo"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Total TTC" in done.stdout


def _folded(schema: Any) -> Any:
    """``schema`` with ``{"allOf": [{"$ref": X}]}`` written ``{"$ref": X}``: the same schema,
    in the form pydantic 2.9 and later write (2.6 to 2.8 wrap a ``$ref`` that has a default)."""
    if isinstance(schema, list):
        return [_folded(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    folded = {key: _folded(value) for key, value in schema.items()}
    for member in folded.get("anyOf", ()):
        # recent pydantic copies into a shared annotated type's schema the default another field
        # of that type has (Contract's included hours, 0); older ones do not: the same schema
        if isinstance(member, dict) and "anyOf" in member:
            member.pop("default", None)
    only = folded.get("allOf")
    if isinstance(only, list) and len(only) == 1 and set(only[0]) == {"$ref"}:
        del folded["allOf"]
        folded["$ref"] = only[0]["$ref"]
    return folded


@pytest.mark.parametrize(
    ("name", "schema"),
    [
        ("input-schema.json", document_schema),
        ("statement-schema.json", lambda: document_schema(StatementRequest)),
        ("tariff-schema.json", tariff_schema),
    ],
)
def test_stored_schema_is_current(name: str, schema: Callable[[], dict[str, Any]]) -> None:
    """docs/*-schema.json are what `ouitec-terms schema [--statement|--tariff]` prints
    (regenerate them if not)."""
    stored = json.loads((EXAMPLES.parent / name).read_text(encoding="utf-8"))
    assert _folded(stored) == _folded(schema())


def test_compare_command_names_the_cheapest_mode(capsys: pytest.CaptureFixture[str]) -> None:
    """`ouitec-terms compare FILE`: 562.50 € hourly vs 550 € as a remote day (issue example)."""
    path = str(EXAMPLES / "compare-long-remote-day.toml")
    assert main(["compare", path, "--format", "json"]) == 0
    result = from_json(ModeComparison, capsys.readouterr().out)
    assert result.cheapest is BillingMode.REMOTE_DAY
    assert result.saving == Decimal("12.50")
    assert main(["compare", path]) == 0
    assert "journée à distance        550,00\xa0€ HT  ← le moins cher" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "kind"),
    [("quote", "Quote"), ("statement", "Statement"), ("comparison", "ModeComparison"),
     ("late", "LatePayment"), ("calendar", "YearCalendar")],
)  # fmt: skip
def test_schema_output_names_the_type_it_describes(
    name: str, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each choice of `schema --of` prints the JSON Schema of its own output type."""
    assert main(["schema", "--of", name]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == f"ouitec-terms {kind}"


def test_schema_writes_a_file_with_the_usual_o(tmp_path: Path) -> None:
    """Issue 22: `schema --of X` chooses the schema, and `-o FILE` writes it, as everywhere."""
    target = tmp_path / "quote.schema.json"
    assert main(["schema", "--of", "quote", "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "ouitec-terms Quote"


def test_calendar_writes_json_that_reads_back(tmp_path: Path) -> None:
    """Issue 22: `calendar YEAR --format json -o FILE` writes the year as a value: the JSON reads
    back into the YearCalendar, with Moselle's Good Friday and 249 business days in 2025."""
    target = tmp_path / "2025.json"
    assert main(["calendar", "2025", "--subdiv", "57", "--format", "json", "-o", str(target)]) == 0
    year = from_json(YearCalendar, target.read_bytes())
    assert Holiday(day=date(2025, 4, 18), name="Vendredi saint") in year.holidays
    assert (year.place, year.business_days) == ("FR-57", 249)


def test_late_writes_its_output_with_o(tmp_path: Path) -> None:
    """Issue 22: `late … -o FILE` writes the document like every other command, nothing on
    screen; the JSON reads back into the LatePayment."""
    target = tmp_path / "late.json"
    argv = ["late", "1200.00", "--due", "2025-01-01", "--paid", "2025-03-01"]
    assert main([*argv, "--format", "json", "-o", str(target)]) == 0
    late = from_json(LatePayment, target.read_bytes())
    assert late.days_late == 59
    assert main([*argv, "-o", str(tmp_path / "late.txt")]) == 0
    assert "40,00" in (tmp_path / "late.txt").read_text(encoding="utf-8")
