"""Issue 13: the conveniences users expect of a command and of documents written by people."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from ouitec_terms import DocumentError, load_document, quote
from ouitec_terms.cli import main
from ouitec_terms.presentation.spreadsheets import LINE_COLUMNS

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "docs" / "examples"
SPEC_01 = EXAMPLES / "spec-01-business-hours.toml"


def run(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "ouitec_terms", *args], input=stdin, capture_output=True,
        check=False,
    )  # fmt: skip


def test_python_dash_m_runs_the_command() -> None:
    """`python -m ouitec_terms demo` is `ouitec-terms demo`."""
    done = run(["demo"])
    assert done.returncode == 0
    assert "Total TTC" in done.stdout.decode("utf-8")


@pytest.mark.parametrize("document", [SPEC_01, EXAMPLES / "spec-08-expired-contract.json"])
def test_a_dash_reads_the_document_from_standard_input(document: Path) -> None:
    """`-` reads TOML or JSON (JSON when it starts with "{") from standard input."""
    done = run(["quote", "-", "--format", "json"], stdin=document.read_bytes())
    assert done.returncode == 0, done.stderr
    expected = quote(load_document(document).intervention, load_document(document).client)
    assert json.loads(done.stdout)["total_ttc"] == str(expected.total_ttc)


def test_bad_standard_input_exits_2_in_one_line() -> None:
    """Whatever comes on standard input, a bad document is one line and exit status 2."""
    done = run(["quote", "-"], stdin=b"\xff\xfe not a document")
    assert done.returncode == 2
    assert done.stderr.decode("utf-8").count("\n") == 1


def test_csv_has_one_row_per_line_with_the_reference(capsys: pytest.CaptureFixture[str]) -> None:
    """`--format csv`: one row per quote line with the document's reference, for spreadsheets;
    a statement's rows are its due quotes' lines."""
    assert main(["quote", str(EXAMPLES / "demo.toml"), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0]) == list(LINE_COLUMNS)
    assert [row["reference"] for row in rows] == ["DEMO-2025-0314"] * 5
    assert sum(Decimal(row["amount_ht"]) for row in rows) == Decimal("576.20")
    args = ["statement", str(EXAMPLES / "statement-2025-06.toml"), "--month", "2025-06"]
    assert main([*args, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {row["reference"] for row in rows} == {"T-0603", "T-0612", "T-0620-night"}
    assert sum(Decimal(row["amount_ht"]) for row in rows) == Decimal("191.25")


def test_output_option_writes_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`quote --output FILE` writes the document there and prints nothing."""
    target = tmp_path / "quote.txt"
    assert main(["quote", str(SPEC_01), "--format", "text", "--output", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert "Total TTC : 162,00 €" in target.read_text(encoding="utf-8").replace("\xa0", " ")


LOCAL = '[client]\nname = "A"\n[[intervention.work]]\nstart = {start}\nend = {end}\n'


def _document(tmp_path: Path, start: str, end: str) -> Path:
    path = tmp_path / "local.toml"
    path.write_text(LOCAL.format(start=start, end=end), encoding="utf-8")
    return path


def test_offset_less_times_are_read_on_the_tariffs_clock(tmp_path: Path) -> None:
    """A TOML local date-time (a browser's datetime-local) is read on the tariff's clock:
    09:00 on 11 March 2025 is 09:00+01:00 in Paris (D60)."""
    local = load_document(_document(tmp_path, "2025-03-11T09:00:00", "2025-03-11T10:20:00"))
    explicit = load_document(SPEC_01)
    assert local.intervention.work[0].start == explicit.intervention.work[0].start
    on_new_york = load_document(
        _document(tmp_path, "2025-03-11T09:00:00", "2025-03-11T10:20:00"),
        timezone="America/New_York",
    )
    assert on_new_york.intervention.work[0].start.utcoffset().total_seconds() == -4 * 3600  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("start", "reason"),
    [("2025-03-30T02:30:00", "does not exist"), ("2025-10-26T02:30:00", "happens twice")],
)
def test_skipped_or_repeated_local_times_ask_for_an_offset(
    tmp_path: Path, start: str, reason: str
) -> None:
    """The spring change skips 02:00–03:00, the autumn change repeats it: such a time names no
    single instant, so the document must give the offset (the error names the field)."""
    with pytest.raises(DocumentError, match=rf"intervention\.work\.0\.start: .*{reason}.*offset"):
        load_document(_document(tmp_path, start, "2025-10-26T05:00:00"))


def test_json_numbers_for_distances_are_exact(tmp_path: Path) -> None:
    """A distance written as a JSON number keeps its decimal text exactly (12.1, never
    12.0999…); money still refuses JSON numbers with a fraction (D21)."""
    document = {
        "client": {"name": "A"},
        "intervention": {"travel": [{"start": "2025-03-11T08:00:00+01:00",
                                     "end": "2025-03-11T08:30:00+01:00", "distance_km": 12.1}]},
    }  # fmt: skip
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert load_document(path).intervention.travel[0].distance_km == Decimal("12.1")
    document["intervention"]["devis"] = {"reference": "D", "amount_ht": 99.5, "signed": True}  # type: ignore[index]
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(DocumentError, match=r"amount_ht: 99\.5 is a number with a fraction"):
        load_document(path)
