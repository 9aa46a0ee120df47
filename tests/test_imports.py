"""Issue 19: time entries in — a month of helpdesk work priced straight from a generic CSV, GLPI
or Kimai. The worked imports of docs/examples/imports are golden documents; the rules of how
entries become interventions (D81–D86) are tested one by one; hostile exports exit 2 with one
line naming the row and the column."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import tomllib
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ouitec_terms as lib
from goldens import golden_script
from ouitec_terms.boundary.entries import EntryKind
from ouitec_terms.boundary.helpdesks import glpi_entries, kimai_entries
from ouitec_terms.boundary.timesheets import csv_entries
from ouitec_terms.cli import main
from strategies import PARIS, places, regimes, tariffs

ROOT = Path(__file__).parent.parent
IMPORTS = ROOT / "docs" / "examples" / "imports"
golden = golden_script()
FOLDERS = golden.import_examples()
CLIENTS = lib.parse_clients(
    """
[[client]]
name = "Garage Petit"
aliases = ["Entité racine > Garage Petit"]
distance_km = "18"

[[client]]
name = "Boulangerie Martin"
"""
)


def _entry(row: int, start: datetime, minutes: int = 60, **fields: Any) -> lib.TimeEntry:
    values: dict[str, Any] = {"ticket": "T-1", "client": "Garage Petit"} | fields
    end = start + timedelta(minutes=minutes)
    return lib.TimeEntry.model_validate(
        {"source": f"row {row}", "start": start, "end": end} | values
    )


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 6, day, hour, minute, tzinfo=PARIS)


def _reasons(result: lib.MonthImport | lib.MonthEntries) -> list[str]:
    return [flag.reason.value for flag in result.flags]


# --- the worked imports -------------------------------------------------------------------


def test_there_are_three_worked_imports_with_golden_documents() -> None:
    """A generic CSV, a GLPI export and a Kimai export, each in French and in English."""
    assert [folder.name for folder in FOLDERS] == ["csv", "glpi", "kimai"]
    for folder in FOLDERS:
        for lang in ("fr", "en"):
            assert golden.import_golden_path(folder, lang).exists()


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_a_worked_import_prices_to_its_expected_numbers(folder: Path) -> None:
    """The counts and totals written in the example's ``[expected]`` table are what it prices
    to, and the counts add up (D81)."""
    expected = tomllib.loads((folder / "example.toml").read_text(encoding="utf-8"))["expected"]
    summary = golden.imported(folder).summary
    assert (summary.entries_read, summary.entries_priced, summary.entries_flagged) == (
        expected["entries_read"], expected["entries_priced"], expected["entries_flagged"],
    )  # fmt: skip
    assert (summary.total_ht, summary.total_vat, summary.total_ttc) == tuple(
        Decimal(expected[k]) for k in ("total_ht", "total_vat", "total_ttc")
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_a_worked_import_renders_as_its_golden_document(folder: Path, lang: str) -> None:
    """The text ``ouitec-terms import`` prints is byte for byte the stored one (`make golden`
    rewrites them)."""
    expected = golden.import_golden_path(folder, lang).read_text(encoding="utf-8")
    assert golden.render_import(folder, lang) == expected


def test_the_french_spreadsheet_export_imports_as_the_generic_csv() -> None:
    """Semicolons, Windows-1252, French dates, headers and words, read through map.toml, give
    exactly the statements, flags and summary of entries.csv."""
    folder = IMPORTS / "csv"
    assert golden.imported(folder, variant=True) == golden.imported(folder)


def test_the_command_prints_the_worked_import(capsys: pytest.CaptureFixture[str]) -> None:
    """``ouitec-terms import`` prints the golden document and exits 0 though entries are
    flagged: flags are information, not failure."""
    folder = IMPORTS / "glpi"
    status = main([
        "import", str(folder / "glpi-export.json"), "--from", "glpi",
        "--clients", str(folder / "clients.toml"), "--month", "2025-06",
    ])  # fmt: skip
    assert status == 0
    assert capsys.readouterr().out == golden.import_golden_path(folder, "fr").read_text("utf-8")


def test_the_json_output_holds_statements_flags_and_summary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``--format json`` is ``{"statements", "flags", "summary"}``, each statement in its own
    ``to_json`` shape, and reads back as the same value."""
    folder = IMPORTS / "kimai"
    main([
        "import", str(folder / "timesheets.json"), "--from", "kimai", "--clients",
        str(folder / "clients.toml"), "--month", "2025-06", "--format", "json",
    ])  # fmt: skip
    text = capsys.readouterr().out
    data = json.loads(text)
    assert list(data) == ["statements", "flags", "summary"]
    result = golden.imported(folder)
    assert data["statements"][0] == json.loads(lib.to_json(result.statements[0]))
    assert lib.from_json(lib.MonthImport, text) == result


def test_the_csv_output_has_a_row_per_priced_line_with_client_and_ticket(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``--format csv``: the client, then a quote line's columns, for every due quote's line."""
    folder = IMPORTS / "csv"
    main([
        "import", str(folder / "entries.csv"), "--clients", str(folder / "clients.toml"),
        "--month", "2025-06", "--format", "csv",
    ])  # fmt: skip
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    result = golden.imported(folder)
    lines = sum(len(q.lines) for s in result.statements for q in s.quotes)
    assert rows[0][:2] == ["client", "reference"]
    assert len(rows) == 1 + lines
    assert {row[0] for row in rows[1:]} == {s.client_name for s in result.statements}
    amount = rows[0].index("amount_ht")
    assert sum(Decimal(row[amount]) for row in rows[1:]) == result.summary.total_ht


def test_written_documents_price_to_the_same_totals(tmp_path: Path) -> None:
    """``--write-documents DIR`` writes one statement document per client, and ``ouitec-terms
    statement DOC --month M`` prices each to its statement's totals; an existing document is
    replaced only with ``--force``."""
    folder = IMPORTS / "kimai"
    args = [
        "import", str(folder / "timesheets.json"), "--from", "kimai", "--clients",
        str(folder / "clients.toml"), "--month", "2025-06", "--write-documents", str(tmp_path),
    ]  # fmt: skip
    assert main(args) == 0
    result = golden.imported(folder)
    written = sorted(tmp_path.glob("*.json"))
    assert [p.name for p in written] == [
        "boulangerie-martin-2025-06.json",
        "garage-petit-2025-06.json",
    ]
    by_name = {s.client_name: s for s in result.statements}
    for path in written:
        request = lib.load_statement_document(path)
        again = lib.monthly_statement(
            request.client, request.interventions, 2025, 6, included_hours=request.included_hours
        )
        assert again == by_name[request.client.name]
    assert main(args) == 2
    assert main([*args, "--force"]) == 0


# --- the rules, one by one ----------------------------------------------------------------


def test_two_technicians_at_the_same_time_are_two_interventions() -> None:
    """Each technician's time is billed: one intervention each, the ticket's reference with
    the technician's name in brackets (D85)."""
    entries = [_entry(2, _at(3, 9), technician="alice"), _entry(3, _at(3, 9), technician="bob")]
    result = lib.import_month(entries, CLIENTS, 2025, 6)
    assert [q.reference for q in result.statements[0].quotes] == ["T-1 (alice)", "T-1 (bob)"]
    alone = lib.quote(_one(entries[0]), CLIENTS.records[0].billing_client())
    assert result.summary.total_ht == 2 * alone.total_ht


def _one(entry: lib.TimeEntry) -> lib.Intervention:
    assert entry.start is not None
    assert entry.end is not None
    return lib.Intervention(work=(lib.WorkPeriod(start=entry.start, end=entry.end),))


def test_one_technicians_overlapping_entries_are_flagged() -> None:
    """The later of two overlapping entries of one technician on one ticket is flagged with
    the earlier one's source, never billed twice."""
    entries = [_entry(2, _at(3, 9)), _entry(3, _at(3, 9, 30))]
    result = lib.interventions_from_entries(entries, CLIENTS, 2025, 6)
    assert [(f.source, f.reason.value, f.detail) for f in result.flags] == [
        ("row 3", "overlap", "row 2")
    ]
    assert result.clients[0].entries == 1


def test_an_unknown_client_is_flagged_never_guessed() -> None:
    """A near miss of a client's name matches nothing; case and spaces alone are no miss."""
    entries = [
        _entry(2, _at(3, 9), client="Garage Peti"),
        _entry(3, _at(4, 9), client=" garage  PETIT"),
    ]
    result = lib.interventions_from_entries(entries, CLIENTS, 2025, 6)
    assert _reasons(result) == ["unknown_client"]
    assert result.clients[0].client.name == "Garage Petit"


def test_a_run_of_entries_outside_the_month_is_one_flag_that_counts_them() -> None:
    """Consecutive rows of other months make one flag with their count, so that the memory
    follows the month's entries, not the file's."""
    may = datetime(2025, 5, 1, 9, tzinfo=PARIS)
    entries = [_entry(n, may + timedelta(days=n % 20)) for n in range(2, 1002)]
    result = lib.interventions_from_entries([*entries, _entry(1002, _at(3, 9))], CLIENTS, 2025, 6)
    assert [(f.source, f.entries, f.reason.value) for f in result.flags] == [
        ("rows 2–1001", 1000, "outside_month")
    ]
    assert result.entries_read == 1001


def test_entries_outside_the_month_with_a_priced_one_between_are_two_flags() -> None:
    """A run ends at an entry of the month: the flag of a run names only consecutive rows."""
    may = datetime(2025, 5, 2, 9, tzinfo=PARIS)
    result = lib.interventions_from_entries(
        [_entry(2, may), _entry(3, _at(3, 9)), _entry(4, may)], CLIENTS, 2025, 6
    )
    assert [(f.source, f.entries) for f in result.flags] == [("row 2", 1), ("row 4", 1)]


def test_the_month_is_read_on_the_tariffs_clock() -> None:
    """An entry at 23:30 on 31 May in Paris is 21:30 UTC: May, whatever the UTC date says; one at
    00:30 on 1 June in Paris is June though it is still 31 May in UTC."""
    may = datetime(2025, 5, 31, 23, 30, tzinfo=PARIS)
    june = datetime(2025, 6, 1, 0, 30, tzinfo=PARIS)
    result = lib.interventions_from_entries(
        [_entry(2, may, 20), _entry(3, june, 20)], CLIENTS, 2025, 6
    )
    assert [(f.source, f.reason.value) for f in result.flags] == [("row 2", "outside_month")]


def test_travel_takes_the_clients_distance_unless_the_entry_has_one() -> None:
    """Art. 11: a travel entry without a distance uses the client's ``distance_km``; a client
    without one flags it."""
    entries = [
        _entry(2, _at(3, 8), 30, kind="travel"),
        _entry(3, _at(4, 8), 30, kind="travel", distance_km=Decimal(5)),
        _entry(4, _at(5, 8), 30, kind="travel", client="Boulangerie Martin"),
    ]
    result = lib.interventions_from_entries(entries, CLIENTS, 2025, 6)
    legs = [leg.distance_km for i in result.clients[0].interventions for leg in i.travel]
    assert legs == [Decimal(18), Decimal(5)]
    assert _reasons(result) == ["no_distance"]


def test_an_unconfirmed_phone_request_is_priced_but_not_yet_due() -> None:
    """Art. 5, as in quotes: the phone request is priced, kept apart from the totals, and its
    entries count as priced; confirmed in writing, it is due."""
    phone = [_entry(2, _at(3, 9), channel="phone")]
    pending = lib.import_month(phone, CLIENTS, 2025, 6)
    assert (len(pending.statements[0].pending), pending.summary.total_ht) == (1, Decimal("0.00"))
    assert pending.summary.entries_priced == 1
    due = lib.import_month(
        [_entry(2, _at(3, 9), channel="phone", confirmed=True)], CLIENTS, 2025, 6
    )
    assert due.summary.total_ht > 0


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"billable": False}, "not_billable"),
        ({"duration_minutes": 45}, "duration_mismatch"),
    ],
)
def test_an_entry_that_cannot_be_priced_as_it_is_is_flagged(
    fields: dict[str, Any], reason: str
) -> None:
    """Not billable, or a stated duration that contradicts its clock times: flagged."""
    result = lib.interventions_from_entries([_entry(2, _at(3, 9), **fields)], CLIENTS, 2025, 6)
    assert _reasons(result) == [reason]


def test_an_entry_with_only_a_duration_has_no_clock_times() -> None:
    """The off-hours rule needs the clock (Art. 3): a duration alone is flagged; a start and a
    duration give the end, on the real time line (a clock change is an hour)."""
    alone = lib.TimeEntry(source="row 2", ticket="T", client="Garage Petit", duration_minutes=60)
    start = datetime(2025, 10, 26, 1, 30, tzinfo=PARIS)  # two hours later it is 02:30 CET
    with_start = lib.TimeEntry(
        source="row 3", ticket="T", client="Garage Petit", start=start, duration_minutes=120
    )
    result = lib.interventions_from_entries([alone, with_start], CLIENTS, 2025, 10)
    assert _reasons(result) == ["no_clock_times"]
    (period,) = result.clients[0].interventions[0].work
    assert period.duration == timedelta(hours=2)


def test_mixed_billing_modes_on_one_ticket_are_flagged() -> None:
    """Art. 3: one intervention is billed in one mode; entries that disagree are flagged."""
    entries = [_entry(2, _at(3, 9)), _entry(3, _at(3, 14), mode="remote_day")]
    result = lib.interventions_from_entries(entries, CLIENTS, 2025, 6)
    assert _reasons(result) == ["mixed_modes", "mixed_modes"]
    assert result.clients == ()


def test_a_client_without_entries_gets_no_statement() -> None:
    """Only clients with priced entries that month have a statement."""
    result = lib.import_month([_entry(2, _at(3, 9))], CLIENTS, 2025, 6)
    assert [s.client_name for s in result.statements] == ["Garage Petit"]


def test_two_clients_may_not_share_an_alias() -> None:
    """An alias names one client, or the import could not say whom an entry bills."""
    with pytest.raises(lib.EntryError, match="answers to"):
        lib.parse_clients('[[client]]\nname = "A"\n[[client]]\nname = "B"\naliases = [" a "]')


def test_glpi_joins_a_task_on_its_tickets_name_and_flags_a_shared_one() -> None:
    """GLPI's ``expand_dropdowns`` may give a task's ticket as its name: joined when one ticket
    has it, flagged when two do."""
    ticket = {"entities_id": "Entité racine > Garage Petit", "requesttypes_id": "Helpdesk"}
    task = {"begin": "2025-06-03 09:00:00", "end": "2025-06-03 10:00:00", "actiontime": 3600}
    data = {
        "tickets": [
            {"id": 1, "name": "Unique", **ticket},
            {"id": 2, "name": "Double", **ticket},
            {"id": 3, "name": "Double", **ticket},
        ],
        "tasks": [
            {"id": 10, "tickets_id": "Unique", **task},
            {"id": 11, "tickets_id": "Double", **task},
        ],
    }
    entries = _glpi(data)
    assert isinstance(entries[0], lib.TimeEntry)
    assert entries[0].ticket == "1"
    assert isinstance(entries[1], lib.EntryFlag)
    assert entries[1].reason is lib.FlagReason.SHARED_TICKET_NAME


def _glpi(data: object) -> list[lib.TimeEntry | lib.EntryFlag]:
    return list(
        glpi_entries(data, name="glpi", mapping=lib.preset_mapping("glpi"), timezone="Europe/Paris")
    )


def test_a_helpdesk_row_of_an_unexpected_shape_is_flagged_with_its_id() -> None:
    """A Kimai row without a customer, or a GLPI task whose times are numbers, is a flag
    naming the row's id, never a traceback."""
    (flag,) = kimai_entries(
        [{"id": 77, "begin": "2025-06-03T09:00:00+0200", "project": {"name": "P"}}],
        name="kimai", mapping=lib.preset_mapping("kimai"), timezone="Europe/Paris",
    )  # fmt: skip
    assert isinstance(flag, lib.EntryFlag)
    assert (flag.source, flag.reason.value) == ("timesheet 77", "unexpected_shape")
    ticket = {"id": 1, "name": "T", "entities_id": "X", "requesttypes_id": "Helpdesk"}
    (task,) = _glpi({"tickets": [ticket], "tasks": [{"id": 9, "tickets_id": 1, "begin": 12}]})
    assert isinstance(task, lib.EntryFlag)
    assert task.source == "task 9"


# --- properties ---------------------------------------------------------------------------

_minutes = st.integers(0, 30 * 24 * 4).map(lambda q: timedelta(minutes=15 * q + 7))


@st.composite
def _entries(draw: st.DrawFn) -> list[lib.TimeEntry]:
    count = draw(st.integers(0, 25))
    base = datetime(2025, 5, 25, tzinfo=PARIS)
    return [
        lib.TimeEntry(
            source=f"row {n + 2}",
            ticket=draw(st.sampled_from(("T-1", "T-2", "T-3"))),
            client=draw(st.sampled_from(("Garage Petit", "garage petit", "Inconnu"))),
            start=(start := base + draw(_minutes)),
            end=start + timedelta(minutes=draw(st.integers(1, 300))),
            technician=draw(st.sampled_from(("alice", "bob"))),
            kind=draw(st.sampled_from(EntryKind)),
            billable=draw(st.booleans()),
            channel=draw(st.sampled_from((None, lib.Channel.PORTAL, lib.Channel.PHONE))),
        )
        for n in range(count)
    ]


@st.composite
def _clients(draw: st.DrawFn) -> lib.ClientDirectory:
    regime = draw(regimes)
    place = draw(places)
    base = lib.ClientRecord(name="Garage Petit", distance_km=Decimal(18))
    record = base.model_copy(update={"vat_regime": regime, "holiday_subdivision": place})
    return lib.ClientDirectory(source="test", records=(record,), names={"garage petit": record})


@given(entries=_entries(), clients=_clients(), tariff=tariffs)
def test_entries_priced_plus_entries_flagged_are_entries_read(
    entries: list[lib.TimeEntry], clients: lib.ClientDirectory, tariff: lib.Tariff
) -> None:
    """Nothing is dropped silently (D81): whatever the entries, tariff, VAT regime and place,
    every entry read is either in an intervention or in a flag."""
    result = lib.import_month(entries, clients, 2025, 6, tariff=tariff)
    flagged = sum(flag.entries for flag in result.flags)
    assert result.summary.entries_read == len(entries)
    assert result.summary.entries_priced + flagged == len(entries)
    assert result.summary.entries_flagged == flagged


@given(entries=_entries(), clients=_clients(), tariff=tariffs)
def test_importing_and_pricing_the_written_documents_agree(
    entries: list[lib.TimeEntry], clients: lib.ClientDirectory, tariff: lib.Tariff
) -> None:
    """The statement documents an import writes, read back from their JSON and priced like
    ``ouitec-terms statement DOC --month M``, give the import's statements exactly."""
    grouped = lib.interventions_from_entries(entries, clients, 2025, 6, tariff=tariff)
    result = lib.price_month(grouped, tariff=tariff)
    for request, statement in zip(lib.statement_requests(grouped), result.statements, strict=True):
        text = request.model_dump_json(exclude_defaults=True)
        again = lib.StatementRequest.model_validate_json(text)
        priced = lib.monthly_statement(
            again.client, again.interventions, 2025, 6, tariff=tariff,
            included_hours=again.included_hours,
        )  # fmt: skip
        assert priced == statement


# --- hostile exports ----------------------------------------------------------------------

HEADER = "ticket,client,start,end\n"
HOSTILE = {
    "a bad date": (
        HEADER + "T,Garage Petit,12/06/2025,2025-06-12 10:00\n",
        "row 2, column 'start'",
    ),
    "semicolons": ("ticket;client;start;end\nT;Garage Petit;x;y\n", "seems separated by ';'"),
    "cp1252": (
        HEADER + "T,Garage Petit,2025-06-12 09:00,2025-06-12 10:00\n".replace("Petit", "Pétit"),
        "row 2: bytes that are not utf-8",
    ),
    "a missing column": ("ticket,client,start\nT,G,2025-06-12 09:00\n", "no column 'end'"),
    "a huge field": (
        HEADER + 'T,G,2025-06-12 09:00,"' + "x" * 200_000 + '"\n',
        "row 2: field larger",
    ),
    "a bad duration": (
        "ticket,client,start,duration\nT,G,2025-06-12 09:00,1h30\n",
        "row 2, column 'duration'",
    ),
    "a bad channel": (
        HEADER[:-1] + ",channel\nT,G,2025-06-12 09:00,2025-06-12 10:00,fax\n",
        "row 2, column 'channel'",
    ),
    "too many fields": (HEADER + "T,G,2025-06-12 09:00,2025-06-12 10:00,x\n", "row 2 has 5 fields"),
    "a clock-change gap": (
        HEADER + "T,G,2025-03-30 02:30,2025-03-30 03:30\n",
        "row 2, column 'start'",
    ),
}


@pytest.mark.parametrize("case", HOSTILE, ids=str)
def test_a_hostile_export_exits_2_with_one_line_naming_the_row_and_column(
    case: str, tmp_path: Path
) -> None:
    """Bad dates, the wrong delimiter or encoding, missing columns, huge fields: exit 2, one line
    on standard error naming where, no traceback (a real process)."""
    text, where = HOSTILE[case]
    export = tmp_path / "entries.csv"
    export.write_bytes(text.encode("cp1252" if case == "cp1252" else "utf-8"))
    clients = tmp_path / "clients.toml"
    clients.write_text('[[client]]\nname = "G"\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "ouitec_terms", "import", str(export), "--clients", str(clients),
         "--month", "2025-06"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1
    assert where in done.stderr


def test_a_bom_is_skipped() -> None:
    """A UTF-8 export that starts with a byte-order mark reads as one without."""
    rows = "\ufeff" + HEADER + "T,G,2025-06-12 09:00,2025-06-12 10:00\n"
    (entry,) = csv_entries(io.StringIO(rows), name="e.csv")
    assert entry.ticket == "T"
