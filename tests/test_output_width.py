"""Issue 22, output that fits: a table wraps its cells within the terminal's width and never
cuts a word; piped or written to a file, it keeps its full lines."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ouitec_terms import load_document, load_statement_document, monthly_statement, quote
from ouitec_terms.cli import demo_request
from ouitec_terms.presentation.pieces import fixed_table
from ouitec_terms.presentation.quotes import quote_table
from ouitec_terms.presentation.statements import statement_table
from strategies import any_clients, any_interventions

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "docs" / "examples"
SPACES = " \u00a0\u202f"


def _content(table: str) -> Counter[str]:
    """Every visible character of a table but its rules: what a cut would lose."""
    return Counter(
        character
        for line in table.splitlines()
        if line.strip("- ")
        for character in line
        if character not in SPACES
    )


@given(any_interventions(), any_clients(), st.integers(40, 200), st.sampled_from(("fr", "en")))
def test_a_wrapped_quote_table_keeps_every_character(
    intervention: object, client: object, width: int, lang: str
) -> None:
    """Wrapping moves words onto more lines, it never drops one: the wrapped table holds
    exactly the characters of the full-width one (spaces aside), and no "…"."""
    q = quote(intervention, client)  # type: ignore[arg-type]
    full, wrapped = quote_table(q, lang), quote_table(q, lang, width=width)
    assert _content(wrapped) == _content(full)
    assert "…" not in wrapped


@pytest.mark.parametrize("width", [80, 100, 120])
def test_the_demo_and_the_example_statement_fit_the_terminal(width: int) -> None:
    """At 80 to 120 columns, every line of the demo's table and of the example statement's
    table is within the width (their longest word is far shorter). Narrower than its columns'
    floors (7 columns of 8), a table stays at its floors: wider than 60, never cut."""
    q = quote(demo_request().intervention, demo_request().client)
    request = load_statement_document(EXAMPLES / "statement-2025-06.toml")
    s = monthly_statement(request.client, request.interventions, 2025, 6)
    for table in (quote_table(q, width=width), statement_table(s, "en", width=width)):
        assert max(len(line) for line in table.splitlines()) <= width


def test_a_word_longer_than_its_column_is_never_broken() -> None:
    """A column is never narrower than its longest word: a terminal too narrow for the words
    gets a table a little wider than itself, rather than a word cut in two."""
    rows = [("Réf.", "Libellé"), ("A-1", "anticonstitutionnellement " * 3)]
    lines = fixed_table(rows, right=set(), width=20)
    assert all("anticonstitutionnellement" in line for line in lines[2:-1])


def _demo(env: dict[str, str], *extra: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "ouitec_terms", "demo", *extra],
        capture_output=True, text=True, check=True, env=env,
    ).stdout  # fmt: skip


def test_the_command_wraps_to_columns_and_keeps_full_lines_when_piped(tmp_path: Path) -> None:
    """`COLUMNS=80 ouitec-terms demo` prints no line over 80 characters; piped without COLUMNS
    (a script reading it) and written with -o, the lines are whole."""
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    narrow = _demo({**env, "COLUMNS": "80"})
    assert max(len(line) for line in narrow.splitlines()) <= 80
    assert "691,44" in narrow
    piped = _demo(env)
    assert max(len(line) for line in piped.splitlines()) > 120
    _demo({**env, "COLUMNS": "80"}, "-o", str(tmp_path / "demo.txt"))
    assert (tmp_path / "demo.txt").read_text(encoding="utf-8") == piped
    assert load_document(EXAMPLES / "demo.toml").client.name in piped


def _with_stderr_on_a_terminal(argv: list[str], folder: Path) -> tuple[bytes, bytes]:
    """Run the command with standard error on a pseudo-terminal (what a clerk sees), standard
    output piped; return both."""
    primary, secondary = pty.openpty()
    done = subprocess.run(
        [sys.executable, "-m", "ouitec_terms", *argv],
        stdout=subprocess.PIPE, stderr=secondary, cwd=folder, check=True,
        env={k: v for k, v in os.environ.items() if k != "COLUMNS"},
    )  # fmt: skip
    os.close(secondary)
    seen = b""
    while select.select([primary], [], [], 0.2)[0]:
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(primary)
    return done.stdout, seen


def test_long_work_shows_progress_on_a_terminal_and_nothing_when_piped(tmp_path: Path) -> None:
    """Issue 22: an import says how many entries it has read and what it prices on a terminal's
    standard error, then wipes the line; piped, standard error stays empty (a script's log gets
    only errors), and the result on standard output is the same."""
    assert (
        subprocess.run(
            [sys.executable, "-m", "ouitec_terms", "init", str(tmp_path)], check=True
        ).returncode
        == 0
    )
    argv = ["import", "entries.csv", "--clients", "clients.toml", "--month", "2025-06"]
    out, terminal = _with_stderr_on_a_terminal(argv, tmp_path)
    assert b"calcul de" in terminal
    assert terminal.endswith(b"\r\x1b[K")
    piped = subprocess.run(
        [sys.executable, "-m", "ouitec_terms", *argv],
        capture_output=True, cwd=tmp_path, check=True,
    )  # fmt: skip
    assert piped.stderr == b""
    assert piped.stdout == out


def test_only_a_terminal_is_a_terminal(tmp_path: Path) -> None:
    """Tables wrap and progress shows only on a terminal: a pipe, a file, a closed stream, an
    embedding's stream without ``isatty`` and no stream at all are not one (and never raise),
    and a pseudo-terminal is."""
    from ouitec_terms.cli.files import is_terminal  # noqa: PLC0415

    read_end, write_end = os.pipe()
    with open(write_end, "w") as pipe, open(tmp_path / "out.txt", "w") as file:
        assert not is_terminal(pipe)
        assert not is_terminal(file)
    assert not is_terminal(file)  # closed: isatty raises ValueError
    os.close(read_end)
    assert not is_terminal(object())
    assert not is_terminal(None)
    primary, secondary = pty.openpty()
    with open(secondary, "w") as terminal:
        assert is_terminal(terminal)
    os.close(primary)
