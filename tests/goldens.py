"""The scripts of scripts/ as modules for the tests: the golden-document script
(scripts/golden.py) for every test that compares a rendering with its stored document, the docs
hook, the figures and the reference's writer. Each is loaded once and kept."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

from ouitec_terms.book import Book
from ouitec_terms.boundary.parties import Seller

ROOT = Path(__file__).parent.parent


def script(name: str) -> ModuleType:
    """scripts/``name``.py as the module ``name``, loaded on first use and kept."""
    module = sys.modules.get(name)
    if module is None:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return module


def golden_script() -> ModuleType:
    """scripts/golden.py as a module."""
    return script("golden")


def book_with_the_example_invoice(path: Path) -> tuple[Book, str]:
    """A new book at ``path`` holding the invoice of docs/examples/invoice-client.toml, issued
    on 2025-03-17 without its PDF, and that invoice's number."""
    golden = golden_script()
    document = golden.load_document(golden.EXAMPLES / "invoice-client.toml")
    book = Book.init(path)
    issued = book.issue_invoice(
        golden.quote(document.intervention, document.client),
        client=document.client,
        seller=Seller.from_toml(golden.EXAMPLES / "seller.example.toml"),
        issued=date(2025, 3, 17),
        pdf=False,
    )
    return book, issued.invoice.number
