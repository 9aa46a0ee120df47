"""The command lines the README and the guide show, read from their Markdown, for the tests that
run them (tests/test_documented_commands.py, and tests/test_dist.py in a fresh wheel venv).

A console block's commands are its ``$``-prompted lines (the README's blocks have no prompt:
every line that starts with ``ouitec-terms`` or ``cat`` is one), a trailing ``\\`` joining the
next line; the lines under a command are what it prints. A command in running text (a code span
that starts with ``ouitec-terms``) runs too, unless it holds a placeholder: an upper-case name of
what to give (``FILE``, ``DOC``, ``YYYY-MM``…), ``…`` or an option list in brackets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).parent.parent

PLACEHOLDER = re.compile(r"…|\[|\||\b[A-Z]{2,}[A-Z0-9_-]*\b|\b[NR]\b")
"""What marks a command in running text as a pattern to fill in, not a line to run."""

FILES = {
    # the guide's hour the clocks skip: "spring.toml wrote start = 2025-03-30T02:30:00"
    "spring.toml": (
        '[client]\nname = "Garage Petit"\n\n[[intervention.work]]\n'
        "start = 2025-03-30T02:30:00\nend = 2025-03-30T04:00:00\n"
    ),
}
"""The files a documented command names without shipping them, as the text describes them."""


@dataclass(frozen=True)
class Command:
    """One documented command line and the lines the document shows it printing."""

    line: str
    shown: tuple[str, ...]


def console_blocks(path: Path) -> list[list[Command]]:
    """The commands of each console block of ``path``, in order."""
    text = path.read_text(encoding="utf-8")
    blocks: list[list[Command]] = []
    for body in re.findall(r"^```console\n(.*?)^```", text, flags=re.M | re.S):
        commands: list[Command] = []
        lines = body.splitlines()
        prompted = any(line.startswith("$ ") for line in lines)
        i = 0
        while i < len(lines):
            line = lines[i]
            is_command = (
                line.startswith("$ ") if prompted else line.startswith(("ouitec-terms", "cat "))
            )
            if not is_command:
                if commands and line.strip():
                    commands[-1] = Command(commands[-1].line, (*commands[-1].shown, line))
                i += 1
                continue
            joined = line.removeprefix("$ ")
            while without_comment(joined).endswith("\\") and i + 1 < len(lines):
                i += 1
                joined = without_comment(joined)[:-1].rstrip() + " " + lines[i].strip()
            commands.append(Command(joined, ()))
            i += 1
        if commands:
            blocks.append(commands)
    return blocks


def without_comment(line: str) -> str:
    """The line without its trailing ``# comment`` (outside quotes)."""
    quote = ""
    for index, character in enumerate(line):
        if character in "'\"" and quote in ("", character):
            quote = "" if quote else character
        elif character == "#" and not quote and (index == 0 or line[index - 1] == " "):
            return line[:index].rstrip()
    return line.rstrip()


def inline_commands(path: Path) -> list[str]:
    """The commands written in running text (code spans), outside console and code blocks."""
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.M | re.S)
    return re.findall(r"`(ouitec-terms [^`]+)`", text)


def script(commands: list[Command]) -> str:
    """A bash script running ``commands`` in order: it stops at the first that fails, and a
    command the document shows failing (``ouitec-terms: …``) must exit 2."""
    out = ["set -euo pipefail"]
    for command in commands:
        code = without_comment(command.line)
        if any(line.startswith("ouitec-terms: ") for line in command.shown):
            out.append(f"if {code}; then exit 99; else test $? -eq 2; fi")
        else:
            out.append(code)
    return "\n".join(out) + "\n"
