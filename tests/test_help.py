"""Issue 22, help that teaches: every option of every subcommand has a help line that states its
default (or that it is required), and every subcommand's help ends with examples that run as
they stand in the folder ``ouitec-terms init`` writes."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from ouitec_terms.cli import main
from ouitec_terms.cli.book_parser import BOOK_COMMANDS
from ouitec_terms.cli.examples import EXAMPLES
from ouitec_terms.cli.parser import SUBCOMMANDS

COMMANDS = [
    *((name,) for name in SUBCOMMANDS),
    *(("book", name) for name in BOOK_COMMANDS),
    ("ecb", "set"),
    ("ecb", "list"),
]


def _help(words: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        main([*words, "--help"])
    assert stopped.value.code == 0
    return capsys.readouterr().out


def _entries(text: str) -> list[tuple[str, str]]:
    """The (invocation, help) pairs of the argument sections of an argparse help text."""
    entries: list[tuple[str, str]] = []
    inside = False
    for line in text.splitlines():
        if line.endswith(":") and not line.startswith(" "):
            inside = line in ("options:", "positional arguments:")
            continue
        if not inside or not line.strip():
            inside = inside and bool(line.strip())
            continue
        if line.startswith("  ") and not line.startswith("   "):
            invocation, _, said = line.strip().partition("  ")
            entries.append((invocation, said.strip()))
        else:
            invocation, said = entries[-1]
            entries[-1] = (invocation, f"{said} {line.strip()}".strip())
    return entries


@pytest.mark.parametrize("words", COMMANDS, ids=" ".join)
def test_every_option_states_its_default_or_that_it_is_required(
    words: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    """A user reads from --help alone what happens when an option is left out: every option
    that takes a value says "(default: …)" or "(required)", and every argument says what it is."""
    entries = _entries(_help(words, capsys))
    assert entries
    for invocation, said in entries:
        if invocation.startswith("-h"):
            continue
        assert said, f"{' '.join(words)}: {invocation} has no help line"
        takes_value = invocation.startswith("-") and " " in invocation.split(",")[-1].strip()
        if takes_value:
            assert "default" in said or "required" in said, f"{invocation}: {said}"


@pytest.mark.parametrize("words", COMMANDS, ids=" ".join)
def test_every_help_ends_with_examples_of_its_own_command(
    words: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    """Two or three command lines close each help, each a line of this very subcommand; one that
    prints documents says they are French unless --lang en."""
    text = _help(words, capsys)
    examples = EXAMPLES[" ".join(words)]
    assert 1 <= len(examples) <= 3
    tail = text[text.index("examples (in the folder `ouitec-terms init` writes):") :]
    for example in examples:
        command = shlex.split(example)[1:]
        assert [word for word in command if word != "--book" and not word.endswith(".sqlite")][
            : len(words)
        ] == list(words)
        assert f"  {example}\n" in tail
    if "--lang {fr,en}" in text:
        assert "French by default" in text


def _run(example: str, capsys: pytest.CaptureFixture[str]) -> str:
    status = main(shlex.split(example)[1:])
    out, err = capsys.readouterr()
    assert status == 0, f"{example}: {err}"
    return out


def test_every_example_of_the_top_level_help_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each subcommand's examples run, in order, in a fresh folder of `ouitec-terms init`, with
    exit status 0 (the user's ECB file and book are the test's own)."""
    monkeypatch.delenv("OUITEC_BOOK", raising=False)
    for name in [*SUBCOMMANDS, "ecb set", "ecb list"]:
        folder = tmp_path / name.replace(" ", "-")
        folder.mkdir()
        monkeypatch.chdir(folder)
        monkeypatch.setenv("OUITEC_ECB_RATES", str(folder / "ecb-rates.toml"))
        _run("ouitec-terms init", capsys)
        for example in EXAMPLES[name]:
            _run(example, capsys)
    assert (tmp_path / "invoice" / "F-2025-0001.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "import" / "june.json").stat().st_size > 0


def test_every_example_of_the_book_runs_in_one_book(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The book's examples, in the order of its subcommands, run in one folder: create, invoice,
    credit, pay, balance, remind, status, penalties, VAT, cap, verify, export, FEC."""
    monkeypatch.setenv("OUITEC_ECB_RATES", str(tmp_path / "ecb-rates.toml"))
    monkeypatch.delenv("OUITEC_BOOK", raising=False)
    monkeypatch.chdir(tmp_path)
    _run("ouitec-terms init", capsys)
    printed = {
        name: [_run(example, capsys) for example in EXAMPLES[f"book {name}"]]
        for name in BOOK_COMMANDS
    }
    assert printed["invoice"][0].strip() == "F-2025-0001"
    assert printed["pay"][0].strip() == "4"  # the id the status example gives
    assert "F-2025-0001" in printed["balance"][0]
    assert (tmp_path / "relance.pdf").read_bytes().startswith(b"%PDF")
    assert list((tmp_path / "fec").glob("*FEC20251231.txt"))
