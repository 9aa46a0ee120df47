"""The examples that end each subcommand's ``--help``: two or three command lines that run as
they stand in the folder ``ouitec-terms init`` writes (a test runs every one of them, in order)."""

from __future__ import annotations

__all__ = ["EXAMPLES", "epilog"]

EXAMPLES: dict[str, tuple[str, ...]] = {
    "init": ("ouitec-terms init try-it", "ouitec-terms init try-it --force"),
    "quote": (
        "ouitec-terms quote quote.toml",
        "ouitec-terms quote quote.toml --lang en --format text",
        "ouitec-terms quote quote.toml --tariff tariff.toml --format json -o quote.json",
    ),
    "demo": ("ouitec-terms demo", "ouitec-terms demo --lang en --format text"),
    "calendar": (
        "ouitec-terms calendar 2025 --subdiv 57",
        "ouitec-terms calendar 2026 --format json -o 2026.json",
    ),
    "compare": ("ouitec-terms compare quote.toml", "ouitec-terms compare quote.toml --format json"),
    "statement": (
        "ouitec-terms statement statement.toml --month 2025-06",
        "ouitec-terms statement statement.toml --month 2025-06 --format csv -o june.csv",
    ),
    "import": (
        "ouitec-terms import entries.csv --clients clients.toml --month 2025-06",
        (
            "ouitec-terms import entries.csv --clients clients.toml --month 2025-06 --format json"
            " -o june.json"
        ),
        (
            "ouitec-terms import entries.csv --clients clients.toml --month 2025-06"
            " --write-documents june/"
        ),
    ),
    "late": (
        "ouitec-terms late 1200.00 --due 2025-01-15 --paid 2025-03-01",
        (
            "ouitec-terms late 691.44 --due 2026-06-15 --paid 2026-08-01 --ecb-rate 2026-H2=2.15"
            " --format json"
        ),
    ),
    "ecb": ("ouitec-terms ecb list", "ouitec-terms ecb set 2026-H2 2.15"),
    "ecb set": ("ouitec-terms ecb set 2026-H2 2.15", "ouitec-terms ecb set 2026-H2 2.15 --lang en"),
    "ecb list": ("ouitec-terms ecb list", "ouitec-terms ecb list --lang en"),
    "invoice": (
        (
            "ouitec-terms invoice quote.toml --seller seller.toml --number F-2025-0001"
            " --issued 2025-03-17"
        ),
        (
            "ouitec-terms invoice quote.toml --seller seller.toml --number F-2025-0001"
            " --issued 2025-03-17 --format pdf -o F-2025-0001.pdf"
        ),
        (
            "ouitec-terms invoice statement.toml --month 2025-06 --seller seller.toml"
            " --number F-2025-0002 --issued 2025-07-01 --format xml -o F-2025-0002.xml"
        ),
    ),
    "book": (
        "ouitec-terms book init",
        "ouitec-terms book invoice quote.toml --seller seller.toml --issued 2025-03-17",
        "ouitec-terms book balance --on 2025-05-31",
    ),
    "schema": ("ouitec-terms schema -o quote.schema.json", "ouitec-terms schema --of quote"),
    # the book's subcommands, in an order that runs in one folder: each finds what it needs
    "book init": ("ouitec-terms book init", "ouitec-terms book --book 2025.sqlite init"),
    "book invoice": (
        "ouitec-terms book invoice quote.toml --seller seller.toml --issued 2025-03-17",
        (
            "ouitec-terms book invoice statement.toml --month 2025-06 --seller seller.toml"
            " --issued 2025-07-01 -o juin.pdf"
        ),
    ),
    "book credit-note": (
        (
            "ouitec-terms book credit-note F-2025-0001 --issued 2025-03-20"
            " --reason 'Geste commercial' --amount 50"
        ),
    ),
    "book pay": (
        "ouitec-terms book pay F-2025-0001 --amount 300 --on 2025-04-10",
        "ouitec-terms book pay F-2025-0002 --amount 100 --on 2025-07-15 --reference VIR-0715",
    ),
    "book balance": (
        "ouitec-terms book balance --on 2025-05-31",
        "ouitec-terms book balance --on 2025-05-31 --client 'Boulangerie Martin' --format csv",
    ),
    "book reminder": (
        "ouitec-terms book reminder F-2025-0001 --on 2025-05-31",
        "ouitec-terms book reminder F-2025-0001 --on 2025-05-31 --format pdf -o relance.pdf",
    ),
    "book status": ("ouitec-terms book status F-2025-0001 --payment 4 --on 2025-04-10",),
    "book penalties": ("ouitec-terms book penalties F-2025-0001 --on 2025-05-31",),
    "book vat": (
        "ouitec-terms book vat --month 2025-04",
        "ouitec-terms book vat --month 2025-04 --format json",
    ),
    "book cap": ("ouitec-terms book cap 'Boulangerie Martin' --on 2025-06-30",),
    "book verify": ("ouitec-terms book verify",),
    "book export": ("ouitec-terms book export archive/",),
    "book fec": (
        "ouitec-terms book fec --year 2025 -o fec/",
        "ouitec-terms book fec --year 2025 --separator pipe --encoding utf-8 -o fec-utf8/",
    ),
}
"""Each subcommand's examples (``book X`` for the book's), to run after ``ouitec-terms init``."""


def epilog(command: str, *, documents: bool) -> str:
    """The end of ``command``'s help: its examples, and the language of its documents."""
    lines = []
    if documents:
        lines += ["Documents and messages are in French by default; --lang en for English.", ""]
    lines.append("examples (in the folder `ouitec-terms init` writes):")
    lines += [f"  {example}" for example in EXAMPLES[command]]
    return "\n".join(lines)
