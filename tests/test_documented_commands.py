"""Issue 22, docs and commands agree: every command line the README and the guide show runs, in
order, and prints what the document shows under it; a command in running text runs too, unless
it is a pattern with placeholders (tests/documented.py says how they are marked)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from documented import (
    FILES,
    PLACEHOLDER,
    ROOT,
    console_blocks,
    inline_commands,
    script,
    without_comment,
)

BIN = Path(sys.executable).parent
GUIDE = ROOT / "docs" / "guide.md"
README = ROOT / "README.md"


def _environment(tmp_path: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "OUITEC_BOOK"}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["OUITEC_ECB_RATES"] = str(tmp_path / "ecb-rates.toml")
    env["COLUMNS"] = "100"
    return env


def _clone(tmp_path: Path) -> Path:
    """A copy of what the documents name: the docs folder (examples, tariff) beside the README."""
    root = tmp_path / "clone"
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("*.png", "*.ipynb"))
    for name, text in FILES.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def _run(code: str, folder: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        ["bash", "-c", code], cwd=folder, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{code}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    # what a terminal shows: a no-break space of French typography reads as a space
    return (done.stdout + done.stderr).replace("\xa0", " ").replace("\u202f", " ")


def test_every_readme_command_runs(tmp_path: Path) -> None:
    """The README's command lines run as they stand, in order, in an empty folder: `init`
    writes what they read (the same lines run from a fresh wheel in test_dist)."""
    blocks = [block for block in console_blocks(README) if block[0].line.startswith("ouitec-terms")]
    assert len(blocks) == 1
    assert len(blocks[0]) >= 15
    folder = tmp_path / "empty"
    folder.mkdir()
    _run(script(blocks[0]), folder, _environment(tmp_path))
    assert (folder / "try-it" / "invoice.pdf").read_bytes().startswith(b"%PDF")


def test_every_guide_console_block_runs_and_prints_what_it_shows(tmp_path: Path) -> None:
    """Each console block of the guide runs from the clone's root, the blocks one after the
    other (the book the first creates is the next one's); each line the guide shows under a
    command is in what the block printed ("..." stands for lines left out)."""
    root = _clone(tmp_path)
    env = _environment(tmp_path)
    blocks = [
        block
        for block in console_blocks(GUIDE)
        if any("ouitec-terms" in command.line for command in block)  # make and pip: CI's own
    ]
    assert len(blocks) >= 4
    # one shell, so that the `export OUITEC_BOOK=…` of a block holds for the next; each block
    # starts from the clone's root, as the guide's reader does
    code = "".join(f'cd "{root}"\n' + script(block) for block in blocks)
    printed = _run(code, root, env)
    for block in blocks:
        for command in block:
            for line in command.shown:
                if line.strip() != "...":
                    shown = without_comment(line).strip()
                    assert shown in printed, f"{command.line}: {shown!r} not printed"


def test_every_command_in_running_text_runs_or_is_marked_a_pattern(tmp_path: Path) -> None:
    """A command written in a sentence of the README or the guide either runs from the clone's
    root, or holds a placeholder and is a pattern (never a line that fails when copied)."""
    root = _clone(tmp_path)
    env = _environment(tmp_path)
    commands = inline_commands(README) + inline_commands(GUIDE)
    runnable = [command for command in commands if not PLACEHOLDER.search(command)]
    assert len(runnable) >= 5
    for command in runnable:
        _run(command, root, env)


@pytest.mark.parametrize(
    ("command", "pattern"),
    [
        ("ouitec-terms statement DOC --month 2025-06", True),
        ("ouitec-terms import … --format json", True),
        ("ouitec-terms calendar 2025 --subdiv 57", False),
        ("ouitec-terms late 691.44 --due 2025-04-17 --paid 2025-05-20", False),
        ("ouitec-terms book cap 'Boulangerie Martin' --on 2025-06-30", False),
        ("ouitec-terms ecb set 2026-H2 2.15", False),
        ("ouitec-terms ecb set YYYY-HN R", True),
    ],
)
def test_placeholders_are_marked(command: str, pattern: bool) -> None:
    """An upper-case name of what to give, an ellipsis or brackets mark a pattern; a command
    with concrete values (F-2025-0001 and H2 included) is one to run."""
    assert bool(PLACEHOLDER.search(command)) is pattern


SITE = "https://ouitec.github.io/ouitec-terms/"
REPOSITORY = (
    "https://github.com/ouitec/ouitec-terms/",
    "https://raw.githubusercontent.com/ouitec/ouitec-terms/main/",
)


def test_readme_links_are_absolute_and_lead_to_what_exists() -> None:
    """Issue 22: the README is the package's page on PyPI, where a relative link breaks; each
    link is absolute, and one into the site or the repository names a file of the clone (the
    site's pages are docs/*.md and the notebooks; mkdocs.yml's site_url is the same)."""
    text = README.read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)]+)\)", text)
    assert links
    assert f"\nsite_url: {SITE}\n" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for link in links:
        assert link.startswith("https://"), link
        address = link.partition("#")[0]
        if address.startswith(SITE):
            page = address.removeprefix(SITE).rstrip("/")
            candidates = [
                ROOT / "docs" / page,
                ROOT / "docs" / f"{page}.md",
                ROOT / "docs" / f"{page}.ipynb",
            ]
            assert any(c.is_file() for c in candidates), link
        elif address.startswith(REPOSITORY):
            path = re.sub(r"^(blob|tree)/main/", "", address.removeprefix(REPOSITORY[0]))
            path = (
                address.removeprefix(REPOSITORY[1]) if address.startswith(REPOSITORY[1]) else path
            )
            assert (ROOT / path).exists(), link
