"""``ouitec-terms import``: a month of time entries from a helpdesk or a CSV, priced per client
(issue 19). Imported once the arguments hold, like the other commands."""

from __future__ import annotations

import argparse
import os
import re
import unicodedata

from ouitec_terms.assembly.imports import (
    interventions_from_entries,
    price_month,
    statement_requests,
)
from ouitec_terms.boundary.clients import load_clients
from ouitec_terms.boundary.documents import StatementRequest
from ouitec_terms.boundary.echo import shown
from ouitec_terms.boundary.jsonio import to_json
from ouitec_terms.boundary.mapping import load_mapping, preset_mapping
from ouitec_terms.boundary.tariff import Tariff
from ouitec_terms.boundary.timesheets import read_time_entries
from ouitec_terms.errors import ArgumentError, OutputError
from ouitec_terms.presentation.imports import import_csv, import_text

from .files import write_output
from .progress import Progress

__all__ = ["document_names", "import_command"]

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def document_names(requests: tuple[StatementRequest, ...], year: int, month: int) -> list[str]:
    """A file name per statement document: the client's name in ASCII, the month, ``.json``;
    two clients whose names read the same get ``-2``, ``-3``…"""
    names: list[str] = []
    for request in requests:
        ascii_name = unicodedata.normalize("NFKD", request.client.name).encode("ascii", "ignore")
        stem = _NOT_WORD.sub("-", ascii_name.decode().lower()).strip("-")[:60] or "client"
        name, n = f"{stem}-{year}-{month:02d}.json", 1
        while name in names:
            n += 1
            name = f"{stem}-{n}-{year}-{month:02d}.json"
        names.append(name)
    return names


def _write_documents(
    folder: str, requests: tuple[StatementRequest, ...], year: int, month: int, *, force: bool
) -> None:
    """Each document written whole (temporary file, rename); none if one would replace a file
    without ``--force``."""
    paths = [os.path.join(folder, name) for name in document_names(requests, year, month)]
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise OutputError(f"cannot create folder {shown(folder)!r}: {reason}") from None
    if not force:
        for path in paths:
            if os.path.exists(path):
                raise ArgumentError(
                    f"--write-documents: {shown(path)!r} exists; give --force to replace it, or "
                    "another folder"
                )
    for path, request in zip(paths, requests, strict=True):
        text = request.model_dump_json(indent=2, exclude_defaults=True)
        write_output(path, (text + "\n").encode("utf-8"))


def import_command(args: argparse.Namespace, tariff: Tariff) -> str:
    """Read, group and price the month; write the documents if asked; the result in
    ``--format``."""
    clients = load_clients(args.clients)
    mapping = (
        load_mapping(args.map, preset=args.source) if args.map else preset_mapping(args.source)
    )
    entries = read_time_entries(
        args.file, source=args.source, mapping=mapping, timezone=tariff.timezone
    )
    year, month = args.month
    progress = Progress(args.lang)
    grouped = interventions_from_entries(
        progress.counting("progress.reading", entries), clients, year, month, tariff=tariff
    )
    progress.of("progress.pricing", sum(len(c.interventions) for c in grouped.clients))
    result = price_month(grouped, tariff=tariff)
    progress.done()
    if args.write_documents is not None:
        if not args.write_documents:
            raise ArgumentError("--write-documents: an empty path; give a folder")
        _write_documents(
            args.write_documents, statement_requests(grouped), year, month, force=args.force
        )
    formats = {
        "text": lambda: import_text(result, args.lang),
        "json": lambda: to_json(result, indent=2),
        "csv": lambda: import_csv(result, args.lang),
    }
    return formats[args.format]()
