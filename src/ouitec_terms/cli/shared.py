"""What several subcommands share: the tariff of ``--tariff``, read once, and the document
written in ``--format`` to the screen or to ``-o``."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ouitec_terms.boundary.tariff import DEFAULT_TARIFF, Tariff

from .files import write_output

__all__ = ["emit", "tariff_of"]


def tariff_of(args: argparse.Namespace) -> Tariff:
    """The tariff of ``--tariff FILE``, read once per run, or the terms of 2024-06-02."""
    loaded: Tariff | None = getattr(args, "loaded_tariff", None)
    if loaded is None:
        path = getattr(args, "tariff", None)
        loaded = Tariff.from_toml(path) if isinstance(path, str) else DEFAULT_TARIFF
        args.loaded_tariff = loaded
    return loaded


def emit(args: argparse.Namespace, formats: dict[str, Callable[[], str]]) -> str:
    """The document in ``--format``, printed, or written to ``--output`` (then nothing)."""
    text = formats[args.format]()
    if getattr(args, "output", None):
        write_output(args.output, (text + "\n").encode("utf-8"))
        return ""
    return text
