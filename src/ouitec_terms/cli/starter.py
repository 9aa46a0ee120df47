"""``ouitec-terms init [DIR]``: the starter documents the wheel ships, written where the user
works, so that every example of the README and of the commands' help runs without the clone."""

from __future__ import annotations

import argparse
import os
from importlib.resources import files

from ouitec_terms.errors import OutputError
from ouitec_terms.presentation.messages import messages_for

from .files import write_output

__all__ = ["STARTER_FILES", "init_command"]

STARTER_FILES = (
    "quote.toml",
    "statement.toml",
    "seller.toml",
    "clients.toml",
    "entries.csv",
    "tariff.toml",
)
"""What ``init`` writes: a quote document whose client can be invoiced, a month of one client's
interventions, the seller of invoices, an import's clients and its time entries, the tariff."""


def starter_bytes(name: str) -> bytes:
    """The shipped starter document ``name`` (package data)."""
    return (files("ouitec_terms") / "examples" / "starter" / name).read_bytes()


def init_command(args: argparse.Namespace) -> str:
    """Write the starter documents into ``args.folder`` (created if needed), each whole or not
    at all; an existing one is replaced only with ``--force``, and then nothing is written."""
    folder = args.folder
    targets = [os.path.join(folder, name) for name in STARTER_FILES]
    if not args.force:
        existing = [path for path in targets if os.path.lexists(path)]
        if existing:
            raise OutputError(
                f"{existing[0]} exists; give another folder, or --force to replace "
                f"the starter files"
            )
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{folder}: cannot create the folder: {error.strerror}") from None
    for name, path in zip(STARTER_FILES, targets, strict=True):
        write_output(path, starter_bytes(name))
    m = messages_for(args.lang)
    written = m.text(
        "init.written", count=len(STARTER_FILES), folder=folder, files=", ".join(STARTER_FILES)
    )
    return f"{written}\n{m.text('init.next')}"
