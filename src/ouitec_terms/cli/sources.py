"""What the ``statement``, ``invoice`` and ``book invoice`` commands price from their document:
a quote's document priced as one quote or, with ``--month``, a statement document's month.
Imported when one of them runs."""

from __future__ import annotations

import argparse

from ouitec_terms.assembly.quote import Quote, quote
from ouitec_terms.assembly.statement import Statement, monthly_statement
from ouitec_terms.boundary.documents import load_document, load_statement_document
from ouitec_terms.boundary.models import Client
from ouitec_terms.boundary.tariff import Tariff

from .progress import Progress

__all__ = ["month_statement", "priced_document"]


def month_statement(
    args: argparse.Namespace, tariff: Tariff, progress: Progress | None = None
) -> tuple[Statement, Client]:
    """The statement of ``--month`` for the statement document ``args.file``, and its client;
    ``progress`` says how many interventions are priced."""
    request = load_statement_document(args.file, timezone=tariff.timezone)
    year, month = args.month
    if progress is not None:
        progress.of("progress.pricing", len(request.interventions))
    statement = monthly_statement(
        request.client, request.interventions, year, month, tariff=tariff,
        included_hours=request.included_hours,
    )  # fmt: skip
    return statement, request.client


def priced_document(args: argparse.Namespace, tariff: Tariff) -> tuple[Quote | Statement, Client]:
    """What ``args.file`` bills, and to whom: the statement of ``--month`` when given, else the
    quote of the document."""
    if args.month is not None:
        return month_statement(args, tariff)
    document = load_document(args.file, timezone=tariff.timezone)
    return quote(document.intervention, document.client, tariff=tariff), document.client
